//! Finding a quote in a new text by its words and context when the diff
//! could not carry it: the unchanged quote ([`find_exact`]) or a changed one
//! ([`find_fuzzy`]), each with an acceptance rule that refuses what could be
//! a lookalike. All offsets are code points (indexes into `&[char]`).

use std::ops::Range;

/// The least similarity ([`similarity`]) a changed quote may have to be
/// placed: at most one code point in ten edited.
pub const MIN_SIMILARITY: f64 = 0.9;

/// The least share of its context ([`Quote::context_agreement`]) a changed
/// quote found by its context must keep to be placed (the anchor alone is
/// about a fifth of it).
const MIN_CONTEXT: f64 = 0.15;

/// The same, for a changed quote where the diff put it: the diff may pair
/// a moved paragraph with a lookalike, whose context then differs.
pub const MIN_CONTEXT_IN_PLACE: f64 = 0.5;

/// An unchanged quote this long (code points) is placed where it occurs
/// once, whatever its context: a lookalike that long is not a risk worth
/// an orphan.
const LONG_QUOTE: usize = 24;

/// Context code points looked for when collecting fuzzy candidates.
const ANCHOR_CHARS: usize = 12;

/// Candidate positions kept per anchor: a context that occurs more often
/// than this tells nothing.
const MAX_CANDIDATES: usize = 20;

/// A quote to find: its text and up to 32 code points each side.
pub struct Quote<'a> {
    pub exact: &'a [char],
    pub prefix: &'a [char],
    pub suffix: &'a [char],
}

impl Quote<'_> {
    /// How much of the context agrees around `range` of `text`, in [0, 1]:
    /// the mean over the two sides of the share of the context's letters,
    /// digits and symbols that agree, read outwards from the range (white
    /// space and common punctuation are skipped, so a changed dash or space
    /// does not hide a match). A side that agrees up to a line break (or the edge of the
    /// text) both had counts in full: a line is a unit of its own. O(context).
    pub fn context_agreement(&self, text: &[char], range: &Range<usize>) -> f64 {
        let before = side(text[..range.start].iter().rev(), self.prefix.iter().rev());
        let after = side(text[range.end..].iter(), self.suffix.iter());
        (before + after) / 2.0
    }

    /// Whether the unchanged quote at `range` of `text` is surely the
    /// quote, when nothing else competes: it is long, or a quarter of its
    /// context agrees (`context`, [`Quote::context_agreement`]), or it was
    /// a whole line and is one there.
    pub fn sure_at(&self, text: &[char], range: &Range<usize>, context: f64) -> bool {
        self.exact.len() >= LONG_QUOTE || context >= 0.25 || self.whole_line_at(text, range)
    }

    /// Whether the quote was a whole line and `range` of `text` is one too.
    fn whole_line_at(&self, text: &[char], range: &Range<usize>) -> bool {
        let breaks = |c: Option<&char>| c.is_none_or(|c| *c == '\n');
        let line = |before: Option<&char>, after: Option<&char>| breaks(before) && breaks(after);
        line(self.prefix.last(), self.suffix.first())
            && line(
                range.start.checked_sub(1).and_then(|i| text.get(i)),
                text.get(range.end),
            )
    }

    /// Whether the quote starts and ends on a word boundary of its old text.
    fn on_boundaries(&self) -> (bool, bool) {
        (
            word(self.exact.first()) && !word(self.prefix.last()),
            word(self.exact.last()) && !word(self.suffix.first()),
        )
    }

    /// Whether `range` of `text` cuts a word at its start and at its end
    /// where the quote cut none.
    fn cuts(&self, text: &[char], range: &Range<usize>) -> (bool, bool) {
        let (start, end) = self.on_boundaries();
        let inside =
            |at: usize| word(at.checked_sub(1).and_then(|i| text.get(i))) && word(text.get(at));
        (start && inside(range.start), end && inside(range.end))
    }

    /// How many sides of `range` cut a word where the quote cut none.
    fn splits_words(&self, text: &[char], range: &Range<usize>) -> usize {
        let (start, end) = self.cuts(text, range);
        usize::from(start) + usize::from(end)
    }

    /// `range` widened to whole words at a side that cuts one where the
    /// quote cut none (a diff may match a letter of a replaced word).
    pub fn snap(&self, text: &[char], range: Range<usize>) -> Range<usize> {
        let (cut_start, cut_end) = self.cuts(text, &range);
        let mut r = range;
        while cut_start && r.start > 0 && word(text.get(r.start - 1)) {
            r.start -= 1;
        }
        while cut_end && word(text.get(r.end)) {
            r.end += 1;
        }
        r
    }
}

/// Whether `c` counts when contexts are compared: all but white space and
/// the punctuation that editors change (quotes, dashes, ellipses).
fn counts(c: char) -> bool {
    !c.is_whitespace()
        && !c.is_ascii_punctuation()
        && !matches!(c, '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '—' | '–' | '…')
}

/// One side of [`Quote::context_agreement`]: `text` and `context` read
/// outwards from the quote. A context of nothing that counts ([`counts`],
/// e.g. ". ") agrees when the text has the same code points there; an
/// empty one when both are at the edge of their text.
fn side<'a>(
    text: impl Iterator<Item = &'a char> + Clone,
    context: impl Iterator<Item = &'a char> + Clone,
) -> f64 {
    let token = |c: &&char| counts(**c) || **c == '\n';
    if !context.clone().any(|c| token(&c)) {
        let n = context.clone().count();
        let same =
            text.clone().take(n).eq(context.clone()) && (n > 0 || text.clone().next().is_none());
        return if same { 1.0 } else { 0.0 };
    }
    let total = context.clone().filter(|c| counts(**c)).count();
    let (mut text, mut context) = (text.filter(token), context.filter(token));
    let mut agree = 0;
    loop {
        match (context.next(), text.next()) {
            // The context ran out: all of it agreed.
            (None, _) => return 1.0,
            (Some('\n'), None | Some('\n')) => return 1.0,
            (Some(c), Some(t)) if c == t => agree += 1,
            _ => break,
        }
    }
    if total == 0 {
        0.0
    } else {
        agree as f64 / total as f64
    }
}

fn word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// What looking for the unchanged quote found.
pub enum Exact {
    /// Placed here.
    At(Range<usize>),
    /// The quote occurs, but no occurrence is certain: placing a changed
    /// one instead would be a guess.
    Unsure,
    Absent,
}

/// Where the unchanged `quote` is in `text`: its only occurrence if the
/// quote is long, or a whole line as it was, or its context agrees at
/// least a quarter; else the occurrence whose context agrees at least half
/// and clearly more than any other's. Occurrences that cut a word where
/// the quote cut none do not count. O(n · m) worst case, O(n) on real text.
pub fn find_exact(text: &[char], quote: &Quote) -> Exact {
    let m = quote.exact.len();
    let mut scored: Vec<(f64, Range<usize>)> = occurrences(text, quote.exact)
        .filter(|&at| quote.splits_words(text, &(at..at + m)) == 0)
        .map(|at| {
            let r = at..at + m;
            (quote.context_agreement(text, &r), r)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let sure = match scored.as_slice() {
        [] => return Exact::Absent,
        [(c, r)] => quote.sure_at(text, r, *c),
        [(c, _), (c2, _), ..] => *c >= 0.5 && c - c2 >= 0.25,
    };
    if sure {
        Exact::At(scored.swap_remove(0).1)
    } else {
        Exact::Unsure
    }
}

/// Where a changed `quote` is in `text`, and its similarity: candidates
/// start where the end of its prefix occurs, end where the start of its
/// suffix occurs, or come from `hints` (where the diff put it); each is
/// fitted by edit distance. Placed only when the best is similar enough
/// ([`MIN_SIMILARITY`]), cuts no word the quote did not cut, and no other
/// non-overlapping candidate comes close.
/// Cost: O(m²) per candidate, at most 2 · 20 + hints candidates.
pub fn find_fuzzy(
    text: &[char],
    quote: &Quote,
    hints: &[Range<usize>],
) -> Option<(Range<usize>, f64)> {
    let m = quote.exact.len();
    if m == 0 {
        return None;
    }
    let mut found: Vec<(f64, Range<usize>)> = Vec::new();
    let mut consider = |r: Range<usize>| {
        // A span that cuts a word the quote did not cut is not the quote
        // (`find_exact` refuses the same).
        if quote.splits_words(text, &r) > 0 || found.iter().any(|(_, f)| *f == r) {
            return;
        }
        let sim = similarity(quote.exact, &text[r.clone()]);
        let context = quote.context_agreement(text, &r);
        if sim >= MIN_SIMILARITY && context >= MIN_CONTEXT {
            found.push((sim + context / 10.0, r));
        }
    };
    for h in hints {
        consider(fit_end(text, quote, h.start));
        consider(fit_start(text, quote, h.end));
    }
    let tail = &quote.prefix[quote.prefix.len().saturating_sub(ANCHOR_CHARS)..];
    for at in anchored(text, tail) {
        consider(fit_end(text, quote, at + tail.len()));
    }
    let head = &quote.suffix[..quote.suffix.len().min(ANCHOR_CHARS)];
    for at in anchored(text, head) {
        consider(fit_start(text, quote, at));
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, range) = found.first()?.clone();
    let rival = found
        .iter()
        .skip(1)
        .find(|(_, r)| r.start >= range.end || r.end <= range.start);
    if rival.is_some_and(|(s, _)| best - s < 0.05) {
        return None;
    }
    Some((range.clone(), similarity(quote.exact, &text[range])))
}

/// Positions of `needle` in `text` when it is at least 4 code points and
/// occurs at most [`MAX_CANDIDATES`] times; else none.
fn anchored(text: &[char], needle: &[char]) -> Vec<usize> {
    if needle.len() < 4 {
        return Vec::new();
    }
    let all: Vec<usize> = occurrences(text, needle).take(MAX_CANDIDATES + 1).collect();
    if all.len() > MAX_CANDIDATES {
        Vec::new()
    } else {
        all
    }
}

/// Every start of `needle` in `text` (overlapping ones too), in order.
fn occurrences<'a>(text: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let first = needle.first().copied();
    (0..(text.len() + 1).saturating_sub(needle.len().max(1)))
        .filter(move |&i| Some(text[i]) == first && text[i..].starts_with(needle))
}

/// The span starting at `start` that best matches the quote: least edit
/// distance (a word cut where the quote cut none counts as one more), then
/// most agreement with the suffix after it, then length nearest the
/// quote's.
fn fit_end(text: &[char], quote: &Quote, start: usize) -> Range<usize> {
    let window = &text[start.min(text.len())..(start + window_len(quote)).min(text.len())];
    let last = last_row(quote.exact.iter(), window.iter());
    let best = (0..last.len())
        .min_by_key(|&j| {
            let after = common_prefix(&window[j..], quote.suffix).min(ANCHOR_CHARS);
            let cut = quote.splits_words(text, &(start..start + j));
            (
                last[j] + cut,
                std::cmp::Reverse(after),
                j.abs_diff(quote.exact.len()),
            )
        })
        .unwrap_or(0);
    start..start + best
}

/// The span ending at `end` that best matches the quote (as [`fit_end`],
/// mirrored: agreement with the prefix before it).
fn fit_start(text: &[char], quote: &Quote, end: usize) -> Range<usize> {
    let end = end.min(text.len());
    let window = &text[end.saturating_sub(window_len(quote))..end];
    let last = last_row(quote.exact.iter().rev(), window.iter().rev());
    let best = (0..last.len())
        .min_by_key(|&j| {
            let before = common_suffix(&window[..window.len() - j], quote.prefix);
            let cut = quote.splits_words(text, &(end - j..end));
            let near = j.abs_diff(quote.exact.len());
            (
                last[j] + cut,
                std::cmp::Reverse(before.min(ANCHOR_CHARS)),
                near,
            )
        })
        .unwrap_or(0);
    end - best..end
}

/// Longest span a changed quote may take: its length and 15 % more.
fn window_len(quote: &Quote) -> usize {
    quote.exact.len() + quote.exact.len() * 3 / 20 + 2
}

/// Edit distances from all of `quote` to each prefix of `window` (index j:
/// the first j code points). O(|quote| · |window|) time, O(|window|) memory.
fn last_row<'a>(
    quote: impl Iterator<Item = &'a char>,
    window: impl Iterator<Item = &'a char> + Clone,
) -> Vec<usize> {
    let n = window.clone().count();
    let mut row: Vec<usize> = (0..=n).collect();
    for (i, q) in quote.enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, w) in window.clone().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(q != w)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row
}

/// How much of `quote` is left in `found`: 1 − Levenshtein distance /
/// the quote's length, clamped to [0, 1] (1 for an empty quote).
pub fn similarity(quote: &[char], found: &[char]) -> f64 {
    if quote.is_empty() {
        return 1.0;
    }
    let d = last_row(quote.iter(), found.iter())[found.len()];
    (1.0 - d as f64 / quote.len() as f64).max(0.0)
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn similarity_counts_code_points() {
        assert_eq!(similarity(&c("👍🏽ab"), &c("👍🏾ab")), 0.75);
        assert_eq!(similarity(&c(""), &c("")), 1.0);
        assert_eq!(similarity(&c("abc"), &c("")), 0.0);
        assert_eq!(similarity(&c("ab"), &c("abcdef")), 0.0);
    }

    #[test]
    fn a_short_quote_without_its_context_is_not_placed() {
        let text = c("Elsewhere the mayor spoke.");
        let (exact, prefix, suffix) = (c("the mayor"), c("Yesterday "), c(" said"));
        let q = Quote {
            exact: &exact,
            prefix: &prefix,
            suffix: &suffix,
        };
        assert!(matches!(find_exact(&text, &q), Exact::Unsure));
        let text = c("Yesterday the mayor spoke.");
        assert!(matches!(find_exact(&text, &q), Exact::At(r) if r == (10..19)));
    }

    #[test]
    fn a_changed_word_at_the_end_is_kept_inside_the_span() {
        let text = c("He said taxes will drop next year.");
        let (exact, prefix, suffix) = (c("taxes will fall!"), c("He said "), c(" next year."));
        let q = Quote {
            exact: &exact,
            prefix: &prefix,
            suffix: &suffix,
        };
        assert_eq!(find_fuzzy(&text, &q, &[]), None, "4 of 16 changed: too far");
        let (exact2, text2) = (
            c("taxes will fall"),
            c("He said taxes will falll next year."),
        );
        let q = Quote {
            exact: &exact2,
            prefix: &prefix,
            suffix: &suffix,
        };
        let (r, sim) = find_fuzzy(&text2, &q, &[]).unwrap();
        assert_eq!((r, (sim * 1000.0).round()), (8..24, 933.0));
    }
}
