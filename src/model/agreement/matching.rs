//! Pairing two annotators' spans: exactly (same start, end and tag) and by
//! overlap, each span in at most one pair.
//!
//! **Overlap matching is greedy**, not maximum: the candidate pairs (spans
//! that share at least one code point) are taken in order of the most
//! code points shared, then the smallest boundary distance
//! `|Δstart| + |Δend|`, then (when tags are ignored) the same tag first,
//! then A's span in reading order (start, end), then B's; a pair is kept when neither
//! span is in a pair yet. An exact pair is always kept (nothing shares
//! more of either span at distance 0), so overlap matches ⊇ exact
//! matches. Greedy can pair fewer spans than a maximum bipartite matching
//! when one long span overlaps two short ones of the other annotator,
//! which is also what a reader of the text would pair.
//!
//! Cost: the candidates come from a sweep by start, O(n log n + k) for `k`
//! overlapping pairs (about n in annotated text; k = n² only if every span
//! overlaps every other), then a sort, O(k log k). Never all pairs of spans.

/// A span as compared: half-open code points `start..end`, a tag index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub tag: usize,
}

/// A candidate or kept pair: indices into A's and B's spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
}

/// Every pair of spans of `a` and `b` that share a code point, whatever
/// their tags. Both lists sorted by start. O(n + k).
pub fn overlapping(a: &[Span], b: &[Span]) -> Vec<Pair> {
    let (mut active_a, mut active_b): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let (mut p, mut q) = (0, 0);
    let mut out = Vec::new();
    while p < a.len() || q < b.len() {
        let take_a = q >= b.len() || (p < a.len() && a[p].start <= b[q].start);
        if take_a {
            let s = a[p].start;
            active_b.retain(|&j| b[j].end > s);
            out.extend(active_b.iter().map(|&j| Pair { a: p, b: j }));
            active_a.push(p);
            p += 1;
        } else {
            let s = b[q].start;
            active_a.retain(|&i| a[i].end > s);
            out.extend(active_a.iter().map(|&i| Pair { a: i, b: q }));
            active_b.push(q);
            q += 1;
        }
    }
    out
}

/// The greedy one-to-one matching of the candidates (see the module doc);
/// `same_tag`: only pairs of the same tag may match. O(k log k). Offsets
/// must be below 2³² and each list shorter than 2³¹ spans (a session's
/// are: a 50 MB article, 200,000 annotations); the order is undefined
/// beyond.
pub fn greedy(a: &[Span], b: &[Span], candidates: &[Pair], same_tag: bool) -> Vec<Pair> {
    // One u128 per candidate, compared as (most shared, least distance,
    // same tag, A's index, B's index); indices follow reading order.
    let key = |c: &Pair| -> u128 {
        let (x, y) = (a[c.a], b[c.b]);
        let shared = ((x.end.min(y.end) - x.start.max(y.start)) as u128).min(u32::MAX as u128);
        let distance = (x.start.abs_diff(y.start) + x.end.abs_diff(y.end)) as u128;
        let other_tag = u128::from(x.tag != y.tag);
        ((u32::MAX as u128 - shared) << 96)
            | (distance.min(u32::MAX as u128) << 64)
            | (other_tag << 63)
            | ((c.a as u128) << 32)
            | c.b as u128
    };
    let mut keys: Vec<u128> = candidates
        .iter()
        .filter(|c| !same_tag || a[c.a].tag == b[c.b].tag)
        .map(key)
        .collect();
    keys.sort_unstable();
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut kept = Vec::new();
    for k in keys {
        let c = Pair {
            a: ((k >> 32) & 0x7fff_ffff) as usize,
            b: (k & 0xffff_ffff) as usize,
        };
        if !used_a[c.a] && !used_b[c.b] {
            used_a[c.a] = true;
            used_b[c.b] = true;
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| (c.a, c.b));
    kept
}

/// The number of exact pairs (same start and end, and the same tag when
/// `same_tag`), per tag of A's span: duplicates pair at most once each,
/// `min(count in A, count in B)` per position. O(n log n).
pub fn exact_counts(a: &[Span], b: &[Span], same_tag: bool, n_tags: usize) -> Vec<usize> {
    let key = |s: &Span| (s.start, s.end, if same_tag { s.tag } else { 0 });
    let mut ka: Vec<_> = a.iter().map(|s| (key(s), s.tag)).collect();
    let mut kb: Vec<_> = b.iter().map(key).collect();
    ka.sort_unstable();
    kb.sort_unstable();
    let mut counts = vec![0; n_tags];
    let mut q = 0;
    for (k, tag) in ka {
        while q < kb.len() && kb[q] < k {
            q += 1;
        }
        if q < kb.len() && kb[q] == k {
            counts[tag] += 1;
            q += 1;
        }
    }
    counts
}
