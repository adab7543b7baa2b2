//! Precision, recall and F1 of one annotator's spans against another's.

use serde::Serialize;

/// Counts and ratios of one comparison of A (the reference) with B.
///
/// `precision = matched / n_b`, `recall = matched / n_a`,
/// `f1 = 2 · matched / (n_a + n_b)` (their harmonic mean, also defined
/// when one of them is not). Each is `None` (JSON `null`) when its
/// denominator is 0: precision when B marked nothing, recall when A
/// marked nothing, F1 only when neither did. So one annotator empty and
/// the other not gives F1 = 0; both empty gives no F1 at all (nothing to
/// agree on), not 1. Swapping A and B swaps precision and recall; F1 is
/// symmetric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Pairs matched (each span in at most one).
    pub matched: usize,
    /// Spans of A, of B.
    pub n_a: usize,
    pub n_b: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl Score {
    /// The ratios of `matched` pairs out of `n_a` and `n_b` spans.
    ///
    /// # Panics
    /// When `matched` exceeds `n_a` or `n_b`.
    pub fn new(matched: usize, n_a: usize, n_b: usize) -> Self {
        assert!(matched <= n_a.min(n_b), "more matches than spans");
        let ratio = |num: usize, den: usize| (den > 0).then(|| num as f64 / den as f64);
        Self {
            matched,
            n_a,
            n_b,
            precision: ratio(matched, n_b),
            recall: ratio(matched, n_a),
            f1: ratio(2 * matched, n_a + n_b),
        }
    }
}
