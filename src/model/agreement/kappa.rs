//! Cohen's κ of two annotators' labels on the same items.

use serde::Serialize;
use std::collections::BTreeMap;

/// Cohen's κ over `n` paired labels:
///
/// ```text
/// p_o = (pairs with the same label) / n
/// p_e = Σ_k (A's share of label k) · (B's share of label k)
/// κ   = (p_o − p_e) / (1 − p_e)
/// ```
///
/// `kappa` is `None` (JSON `null`) when `n = 0` or `p_e = 1`: both
/// annotators gave every item one and the same label, so agreement is
/// perfect but there is nothing to correct for chance (scikit-learn's
/// `cohen_kappa_score` returns NaN there). When several labels are used
/// and every pair agrees, κ = 1. O(n log labels).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Kappa {
    /// Items (paired labels).
    pub n: usize,
    /// Items with the same label.
    pub same: usize,
    /// `p_o`; `None` when `n = 0`.
    pub observed: Option<f64>,
    /// `p_e`; `None` when `n = 0`.
    pub expected: Option<f64>,
    pub kappa: Option<f64>,
}

impl Kappa {
    /// κ of the pairs `(A's label, B's label)`.
    pub fn of<L: Ord>(pairs: impl IntoIterator<Item = (L, L)>) -> Self {
        let (mut n, mut same) = (0usize, 0usize);
        let mut counts: BTreeMap<L, (usize, usize)> = BTreeMap::new();
        for (x, y) in pairs {
            n += 1;
            same += usize::from(x == y);
            counts.entry(x).or_default().0 += 1;
            counts.entry(y).or_default().1 += 1;
        }
        if n == 0 {
            return Self::default();
        }
        let nf = n as f64;
        let observed = same as f64 / nf;
        // Σ count_a · count_b in integers, one division: p_e = 1 exactly
        // when one label has all of both.
        let product: u128 = counts.values().map(|&(a, b)| a as u128 * b as u128).sum();
        let n2 = n as u128 * n as u128;
        let expected = product as f64 / (nf * nf);
        let kappa = (product < n2).then(|| (observed - expected) / (1.0 - expected));
        Self {
            n,
            same,
            observed: Some(observed),
            expected: Some(expected),
            kappa,
        }
    }
}
