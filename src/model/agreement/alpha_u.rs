//! Krippendorff's unitizing α (α_u) for one category over a continuum of
//! code points, by Krippendorff's definition (1995, "On the reliability of
//! unitizing continuous data", *Sociological Methodology* 25; 2004,
//! *Content Analysis*, 2nd ed., §12.4, and "Measuring the reliability of
//! qualitative text analysis data", *Quality & Quantity* 38).
//!
//! # The data
//!
//! The continuum is the article's text, `L` code points long, `0..L`. Each
//! of `m ≥ 2` coders cuts it into *sections*: their units of category `c`
//! (a tag) and the gaps between them, so each coder's sections tile
//! `0..L`. Section `g` of coder `i` starts at `b_ig`, is `l_ig` code points
//! long, and `v_ig = 1` when it is a unit of `c`, `0` when a gap. A coder's
//! overlapping units of `c` are first merged into one (their union: a code
//! point is in `c` or not); touching units (`0..5`, `5..9`) stay two.
//!
//! # The formula
//!
//! The difference of two sections of coders `i ≠ j`:
//!
//! ```text
//! δ²(ig, jh) = (b_ig − b_jh)² + (b_ig + l_ig − b_jh − l_jh)²
//!                                  if both are units and they overlap,
//!            = l_ig²               if ig is a unit inside the gap jh,
//!            = l_jh²               if jh is a unit inside the gap ig,
//!            = 0                   otherwise.
//! ```
//!
//! Observed disagreement, over ordered pairs of coders:
//!
//! ```text
//! D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m − 1) L²)
//! ```
//!
//! Expected disagreement, with `N = Σ_i Σ_g v_ig` the number of units of
//! all coders and `[P]` 1 when `P` holds:
//!
//! ```text
//!        (2/L) Σ_i Σ_g v_ig [ (N − 1)/3 · (2 l_ig³ − 3 l_ig² + l_ig)
//!                             + l_ig² Σ_j Σ_h (1 − v_jh)(l_jh − l_ig + 1) [l_jh ≥ l_ig] ]
//! D_e = ─────────────────────────────────────────────────────────────────────
//!                    m L (m L − 1) − Σ_i Σ_g v_ig l_ig (l_ig − 1)
//!
//! α_u = 1 − D_o / D_e
//! ```
//!
//! `D_e` averages the difference over every placement of the units in the
//! continuum (each unit beside each other unit, and inside each gap long
//! enough to hold it). Over several categories, `α_u = 1 − Σ_c D_o,c /
//! Σ_c D_e,c` (Krippendorff 2004). The figures of Krippendorff's 2004
//! example are reproduced in `tests/agreement_alpha.rs`; his 1995 figures
//! within 0.02 (that paper's `D_e` has a known slip; see the test).
//!
//! **Undefined** (`None`) when `D_e = 0`: no coder marked the category
//! (`N = 0`), or the marks leave nothing to vary (every code point of a
//! one-code-point text marked by all). Identical coders give `D_o = 0`, so
//! `α_u = 1`. α_u can be negative: less agreement than chance.
//!
//! Krippendorff et al. (2016, *Quality & Quantity* 50) revised this
//! coefficient because with more than two coders it behaves unexpectedly;
//! this module computes the 1995/2004 one, as DKPro Statistics does.
//!
//! # Cost
//!
//! All sums are exact integers (`u128`: a 1 MB text and 30,000 units stay
//! far below its range) and one division at the end. `D_o` is a merge of
//! each pair of coders' sorted units, O(m² n); `D_e` sorts the gap lengths
//! once and answers each unit's gap sum by binary search over suffix sums,
//! O(m n log(m n)), never unit × gap.

/// `D_o` and `D_e` of one category, and α_u from them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unitized {
    /// Observed disagreement `D_o` (≥ 0).
    pub observed: f64,
    /// Expected disagreement `D_e` (≥ 0); 0 when α_u is undefined.
    pub expected: f64,
    /// `1 − D_o / D_e`; `None` when `D_e = 0`.
    pub alpha: Option<f64>,
}

/// α_u of one category. `coders[i]` holds coder `i`'s units as half-open
/// code-point ranges `(start, end)` in any order, possibly overlapping
/// (merged first); `len` is the continuum's length `L`. Ranges are clipped
/// to `0..len`; empty ones are ignored.
///
/// # Panics
/// When fewer than two coders are given.
pub fn unitized(coders: &[Vec<(usize, usize)>], len: usize) -> Unitized {
    assert!(coders.len() >= 2, "α_u needs at least two coders");
    let units: Vec<Vec<(u128, u128)>> = coders.iter().map(|u| merged(u, len)).collect();
    let m = units.len() as u128;
    let l = len as u128;
    let n_units: u128 = units.iter().map(|u| u.len() as u128).sum();
    if l == 0 || n_units == 0 {
        return Unitized {
            observed: 0.0,
            expected: 0.0,
            alpha: None,
        };
    }
    // Σ over unordered pairs of coders; the ordered sum is twice it.
    let mut pair_sum = 0u128;
    for i in 0..units.len() {
        for j in i + 1..units.len() {
            pair_sum += pair_differences(&units[i], &units[j]);
        }
    }
    let observed_num = 2 * pair_sum;
    let observed_den = m * (m - 1) * l * l;

    let gaps = GapLengths::new(&units, l);
    let mut expected_sum = 0u128;
    let mut self_pairs = 0u128;
    for &(b, e) in units.iter().flatten() {
        let u = e - b;
        // (N − 1)/3 · (2u³ − 3u² + u): u(u − 1)(2u − 1) is 6 Σk², so exact.
        expected_sum += (n_units - 1) * (u * (u - 1) * (2 * u - 1) / 3);
        expected_sum += u * u * gaps.room_for(u);
        self_pairs += u * (u - 1);
    }
    let expected_num = 2 * expected_sum;
    let expected_den = l * (m * l * (m * l - 1) - self_pairs);
    let observed = observed_num as f64 / observed_den as f64;
    let expected = expected_num as f64 / expected_den as f64;
    let alpha = (expected_num > 0).then(|| {
        // 1 − (o_num / o_den) / (e_num / e_den), in one rounding.
        1.0 - (observed_num as f64 * expected_den as f64)
            / (observed_den as f64 * expected_num as f64)
    });
    Unitized {
        observed,
        expected,
        alpha,
    }
}

/// α_u over several categories: `1 − Σ D_o / Σ D_e`; `None` when `Σ D_e = 0`.
pub fn overall(parts: impl IntoIterator<Item = Unitized>) -> Option<f64> {
    let (o, e) = parts
        .into_iter()
        .fold((0.0, 0.0), |(o, e), p| (o + p.observed, e + p.expected));
    (e > 0.0).then(|| 1.0 - o / e)
}

/// Sorted, clipped, non-empty units with overlapping ones merged. O(n log n).
fn merged(units: &[(usize, usize)], len: usize) -> Vec<(u128, u128)> {
    let mut sorted: Vec<(usize, usize)> = units
        .iter()
        .map(|&(b, e)| (b.min(len), e.min(len)))
        .filter(|&(b, e)| b < e)
        .collect();
    sorted.sort_unstable();
    let mut out: Vec<(u128, u128)> = Vec::with_capacity(sorted.len());
    for (b, e) in sorted {
        let (b, e) = (b as u128, e as u128);
        match out.last_mut() {
            Some(last) if b < last.1 => last.1 = last.1.max(e),
            _ => out.push((b, e)),
        }
    }
    out
}

/// Σ δ² over the sections of two coders (one direction of the pair):
/// overlapping units give the squared differences of their starts and
/// ends; a unit that overlaps no unit of the other coder lies inside one
/// of their gaps and gives its squared length. O(n_a + n_b).
fn pair_differences(a: &[(u128, u128)], b: &[(u128, u128)]) -> u128 {
    let (mut hit_a, mut hit_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (mut p, mut q, mut sum) = (0, 0, 0u128);
    while p < a.len() && q < b.len() {
        let ((ab, ae), (bb, be)) = (a[p], b[q]);
        if ab < be && bb < ae {
            sum += ab.abs_diff(bb).pow(2) + ae.abs_diff(be).pow(2);
            hit_a[p] = true;
            hit_b[q] = true;
        }
        if ae <= be {
            p += 1;
        } else {
            q += 1;
        }
    }
    let lone = |units: &[(u128, u128)], hit: &[bool]| -> u128 {
        units
            .iter()
            .zip(hit)
            .filter(|(_, &h)| !h)
            .map(|(&(b, e), _)| (e - b).pow(2))
            .sum()
    };
    sum + lone(a, &hit_a) + lone(b, &hit_b)
}

/// The gaps of all coders, by length, for `Σ (g − u + 1) [g ≥ u]`.
struct GapLengths {
    /// Ascending.
    lengths: Vec<u128>,
    /// `suffix[k] = Σ lengths[k..]`.
    suffix: Vec<u128>,
}

impl GapLengths {
    fn new(units: &[Vec<(u128, u128)>], len: u128) -> Self {
        let mut lengths = Vec::new();
        for coder in units {
            let mut at = 0;
            for &(b, e) in coder {
                if b > at {
                    lengths.push(b - at);
                }
                at = e;
            }
            if len > at {
                lengths.push(len - at);
            }
        }
        lengths.sort_unstable();
        let mut suffix = vec![0; lengths.len() + 1];
        for k in (0..lengths.len()).rev() {
            suffix[k] = suffix[k + 1] + lengths[k];
        }
        Self { lengths, suffix }
    }

    /// `Σ_{g ≥ u} (g − u + 1)`: the places a unit of length `u` fits in the
    /// gaps. O(log n).
    fn room_for(&self, u: u128) -> u128 {
        let k = self.lengths.partition_point(|&g| g < u);
        let count = (self.lengths.len() - k) as u128;
        self.suffix[k] - count * (u - 1)
    }
}
