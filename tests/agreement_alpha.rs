//! Krippendorff's α_u (`model::agreement::alpha_u`) against worked
//! examples: small ones computed by hand from the definition (the
//! arithmetic in the comments; the formula is in the module's doc), the
//! example of Krippendorff (2004, *Content Analysis* 2nd ed., p. 254) to
//! four decimals, and the four of Krippendorff (1995) within 0.02.
//!
//! Notation: `L` the text's length, `m` coders, `N` units in all,
//! `S_o = Σ` over unordered pairs of coders of δ² (overlapping units:
//! Δstart² + Δend²; a unit inside the other's gap: length²),
//! `D_o = 2 S_o / (m (m − 1) L²)`,
//! `D_e = (2/L) Σ_units [ (N − 1)/3 (2l³ − 3l² + l) + l² Σ_{gaps g ≥ l} (g − l + 1) ]
//!        / (m L (m L − 1) − Σ_units l (l − 1))`.

use annotator::model::agreement::alpha_u::{overall, unitized, Unitized};

/// (start, length) in positions of 1995's example.
type Unit = (usize, usize);

fn close(got: f64, want: f64, tolerance: f64) {
    assert!(
        (got - want).abs() <= tolerance,
        "got {got}, want {want} ± {tolerance}"
    );
}

fn check(u: Unitized, observed: f64, expected: f64, alpha: f64) {
    close(u.observed, observed, 1e-12);
    close(u.expected, expected, 1e-12);
    close(u.alpha.expect("defined"), alpha, 1e-12);
}

#[test]
fn shifted_start() {
    // L = 10, m = 2. A: 2..6 (l = 4); B: 3..6 (l = 3).
    // S_o = (2 − 3)² + (6 − 6)² = 1; D_o = 2·1 / (2·1·100) = 0.01.
    // N = 2. Gaps: A 0..2 (2), 6..10 (4); B 0..3 (3), 6..10 (4).
    // A's unit: (1/3)(128 − 48 + 4) = 28; 4²·[(4−4+1) + (4−4+1)] = 32; 60.
    // B's unit: (1/3)(54 − 27 + 3) = 10; 3²·[(3−3+1) + 2 + 2] = 45; 55.
    // D_e = (2/10)·115 / (20·19 − (4·3 + 3·2)) = 23 / 362.
    // α = 1 − 0.01·362/23 = 1 − 3.62/23.
    let u = unitized(&[vec![(2, 6)], vec![(3, 6)]], 10);
    check(u, 0.01, 23.0 / 362.0, 1.0 - 3.62 / 23.0);
    close(u.alpha.unwrap(), 0.842_609, 1e-6);
}

#[test]
fn identical_coders_agree_fully() {
    // L = 10, A = B = 2..6. S_o = 0, so D_o = 0 and α = 1.
    // D_e: N = 2; each unit 28 + 4²·(1 + 1) = 60 (gaps 2, 4, 2, 4);
    // (2/10)·120 / (380 − 2·12) = 24/356.
    let u = unitized(&[vec![(2, 6)], vec![(2, 6)]], 10);
    check(u, 0.0, 24.0 / 356.0, 1.0);
}

#[test]
fn one_coder_empty() {
    // L = 10, A: 2..6, B: nothing. A's unit lies in B's gap 0..10:
    // S_o = 4² = 16; D_o = 32 / 200 = 0.16.
    // N = 1, so the first term is 0. Gaps: A 2 and 4, B 10.
    // 4²·[(4−4+1) + (10−4+1)] = 16·8 = 128; D_e = (2/10)·128 / (380 − 12) = 25.6/368.
    // α = 1 − 0.16·368/25.6 = 1 − 2.3 = −1.3.
    let u = unitized(&[vec![(2, 6)], vec![]], 10);
    check(u, 0.16, 25.6 / 368.0, -1.3);
}

#[test]
fn no_units_at_all_is_undefined() {
    // N = 0: D_o = D_e = 0; α = 1 − 0/0 is undefined.
    let u = unitized(&[vec![], vec![], vec![]], 10);
    assert_eq!((u.observed, u.expected, u.alpha), (0.0, 0.0, None));
    assert_eq!(unitized(&[vec![], vec![]], 0).alpha, None, "empty text");
    assert_eq!(overall([u]), None);
}

#[test]
fn nothing_left_to_vary_is_undefined() {
    // L = 1, both mark 0..1: N = 2, l = 1 so (1/3)(2 − 3 + 1) = 0, and
    // there is no gap: D_e = 0, α undefined (though D_o = 0).
    let u = unitized(&[vec![(0, 1)], vec![(0, 1)]], 1);
    assert_eq!((u.observed, u.expected, u.alpha), (0.0, 0.0, None));
}

#[test]
fn overlapping_units_of_one_coder_are_merged_touching_ones_are_not() {
    // A's 2..4 and 3..6 are the union 2..6: the shifted_start example.
    let merged = unitized(&[vec![(3, 6), (2, 4)], vec![(3, 6)]], 10);
    assert_eq!(merged, unitized(&[vec![(2, 6)], vec![(3, 6)]], 10));
    // L = 10. A: 0..5 and 5..10 (touching: two units); B: 0..10.
    // S_o = (0² + 5²) + (5² + 0²) = 50; D_o = 100/200 = 0.5.
    // N = 3, no gaps. l = 5: (2/3)(250 − 75 + 5) = 120, twice;
    // l = 10: (2/3)(2000 − 300 + 10) = 1140. Σ = 1380.
    // D_e = (2/10)·1380 / (380 − (20 + 20 + 90)) = 276/250 = 1.104.
    let u = unitized(&[vec![(0, 5), (5, 10)], vec![(0, 10)]], 10);
    check(u, 0.5, 1.104, 1.0 - 0.5 / 1.104);
}

#[test]
fn three_coders_sum_over_every_pair() {
    // L = 10. A: 2..6, B: 2..6, C: 3..6.
    // Pairs: A–B 0; A–C (2−3)² = 1; B–C 1. S_o = 2; D_o = 4/(3·2·100) = 1/150.
    // N = 3. Gaps: A, B: 2, 4; C: 3, 4.
    // l = 4: (2/3)·84 = 56; 16·(1 + 1 + 1) = 48 (three gaps of 4); 104, twice.
    // l = 3: (2/3)·30 = 20; gaps ≥ 3 are 4, 4, 3, 4:
    //        3²·(2 + 2 + 1 + 2) = 63; 83.
    // Σ = 291. D_e = (2/10)·291 / (30·29 − (12 + 12 + 6)) = 58.2/840.
    let u = unitized(&[vec![(2, 6)], vec![(2, 6)], vec![(3, 6)]], 10);
    check(
        u,
        1.0 / 150.0,
        58.2 / 840.0,
        1.0 - (1.0 / 150.0) / (58.2 / 840.0),
    );
}

#[test]
fn krippendorff_2004_example() {
    // Krippendorff (2004, p. 254), as DKPro Statistics' test has it: two
    // observers on 150..450 (here shifted to 0..300: α depends on lengths
    // and differences only), categories c and k.
    // c — i: 225+70, 370+30; j: 220+80, 355+20, 400+20.
    // S_o = (5² + 5²) + (15² + 25²) + 20² (j's 400..420 in i's gap
    // 400..450) = 50 + 850 + 400 = 1300; D_o = 2600 / (2·1·300²) = 0.01444.
    let shift = |u: &[(usize, usize)]| -> Vec<(usize, usize)> {
        u.iter().map(|&(b, l)| (b - 150, b - 150 + l)).collect()
    };
    let c = unitized(
        &[
            shift(&[(225, 70), (370, 30)]),
            shift(&[(220, 80), (355, 20), (400, 20)]),
        ],
        300,
    );
    close(c.observed, 1300.0 * 2.0 / 180_000.0, 1e-15);
    close(c.observed, 0.0144, 0.00005);
    close(c.expected, 0.0532, 0.00005);
    close(c.alpha.unwrap(), 0.7286, 0.00005);
    let k = unitized(
        &[
            shift(&[(180, 60), (300, 50)]),
            shift(&[(180, 60), (300, 50)]),
        ],
        300,
    );
    assert_eq!(k.observed, 0.0);
    close(k.expected, 0.0490, 0.00005);
    assert_eq!(k.alpha, Some(1.0));
    // Over both categories: 1 − 0.014444 / (0.053222 + 0.048979) = 0.8587
    // (DKPro's test: 0.8591 ± 0.0005).
    close(overall([c, k]).unwrap(), 0.8591, 0.0005);
}

#[test]
fn krippendorff_1995_examples() {
    // Krippendorff (1995, p. 57): four pairs of coders on 24 positions;
    // the paper gives α = .553, −.926, .679, .066. Its lengths are
    // continuous, so each position is stretched to 100 code points
    // (α converges: A .5526, B −.9298, C .6923, D .0636 here); C differs
    // most, by the slip in that paper's D_e that DKPro Statistics notes
    // ("l_ik + l_hj + 1" for "l_ik − l_hj + 1", fixed in 2004).
    let s = 100;
    let units = |u: &[(usize, usize)]| -> Vec<(usize, usize)> {
        u.iter().map(|&(b, l)| (b * s, (b + l) * s)).collect()
    };
    let cases: [(&[Unit], &[Unit], f64); 4] = [
        (&[(2, 8), (14, 6)], &[(4, 4), (15, 2)], 0.553),
        (
            &[(0, 18)],
            &[(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)],
            -0.926,
        ),
        (
            &[(2, 6), (10, 2), (14, 4), (20, 2)],
            &[(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)],
            0.679,
        ),
        (
            &[(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
            &[(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
            0.066,
        ),
    ];
    for (a, b, published) in cases {
        let u = unitized(&[units(a), units(b)], 24 * s);
        close(u.alpha.unwrap(), published, 0.02);
    }
    // D_o does not depend on the stretch: A's is 0.03125 at s = 1.
    close(
        unitized(&[vec![(2, 10), (14, 20)], vec![(4, 8), (15, 17)]], 24).observed,
        0.03125,
        1e-15,
    );
}
