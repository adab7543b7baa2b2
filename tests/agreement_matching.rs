//! The pairing of spans (`model::agreement::matching`) against a naive
//! scan over every pair, on many random shapes.

use annotator::model::agreement::matching;

/// A small generator, so the sweep is checked on many shapes.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn the_overlap_sweep_finds_exactly_the_overlapping_pairs() {
    let mut rng = Lcg(7);
    for _ in 0..200 {
        let make = |rng: &mut Lcg| {
            let mut v: Vec<matching::Span> = (0..rng.below(12))
                .map(|_| {
                    let start = rng.below(40);
                    matching::Span {
                        start,
                        end: start + 1 + rng.below(10),
                        tag: rng.below(2),
                    }
                })
                .collect();
            v.sort();
            v
        };
        let (a, b) = (make(&mut rng), make(&mut rng));
        let mut got: Vec<_> = matching::overlapping(&a, &b)
            .iter()
            .map(|p| (p.a, p.b))
            .collect();
        got.sort();
        let mut naive = Vec::new();
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                if x.start < y.end && y.start < x.end {
                    naive.push((i, j));
                }
            }
        }
        assert_eq!(got, naive);
        // The greedy matching is one-to-one and keeps every exact pair.
        let kept = matching::greedy(&a, &b, &matching::overlapping(&a, &b), true);
        let mut seen_a: Vec<_> = kept.iter().map(|p| p.a).collect();
        let mut seen_b: Vec<_> = kept.iter().map(|p| p.b).collect();
        seen_a.dedup();
        seen_b.sort();
        seen_b.dedup();
        assert_eq!((seen_a.len(), seen_b.len()), (kept.len(), kept.len()));
        let exact: usize = matching::exact_counts(&a, &b, true, 2).iter().sum();
        assert!(kept.len() >= exact);
    }
}
