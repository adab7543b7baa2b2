//! Agreement between annotators (`model::agreement`): pairwise exact and
//! overlap F1, κ on tags, field agreement, the report's JSON and CSV, and
//! refusing another article's file. α_u's worked examples are in
//! `tests/agreement_alpha.rs`; the figures against nervaluate and
//! scikit-learn in `tests/formats/test_agreement.py`.

mod common;

use annotator::model::agreement::{compare, AgreementError, Coder, PairReport, Report, Score};
use annotator::model::{Article, Session};
use common::{annotation, range, session};

/// A session over `text` with spans `(start, end, tag)` in code points.
fn spans(text: &str, spans: &[(usize, usize, &str)]) -> Session {
    let article = Article::from_plain("T".into(), "t.txt".into(), text.into());
    let anns = spans
        .iter()
        .enumerate()
        .map(|(k, &(s, e, tag))| annotation(&format!("a{k}"), tag, range(s, e)))
        .collect();
    Session::with_annotations(article, anns).expect("valid spans")
}

fn report(sessions: &[&Session]) -> Report {
    let names: Vec<String> = (0..sessions.len()).map(|k| format!("ann{k}")).collect();
    let coders: Vec<Coder> = names
        .iter()
        .zip(sessions)
        .map(|(name, session)| Coder { name, session })
        .collect();
    compare(&coders).expect("same article")
}

fn pair(a: &Session, b: &Session) -> PairReport {
    report(&[a, b]).pairs.remove(0)
}

const TEXT: &str = "The mayor said the pier will cost 4.2 million euros, a report says.";

#[test]
fn identical_files_agree_fully() {
    let a = session("The [mayor]{source} said [the pier will cost 4.2 million euros]{claim}.");
    let r = report(&[&a, &a.clone()]);
    let p = &r.pairs[0];
    for s in [&p.exact.all, &p.overlap.all, &p.untagged.exact] {
        assert_eq!(
            (s.matched, s.precision, s.recall, s.f1),
            (2, Some(1.0), Some(1.0), Some(1.0))
        );
    }
    // Two tags used, every pair agrees: p_o = 1, p_e = (1·1 + 1·1)/4 = 1/2, κ = 1.
    assert_eq!(p.kappa, Some(1.0));
    assert_eq!(r.alpha_u["claim"], Some(1.0));
    assert_eq!(r.alpha_u["source"], Some(1.0));
    // Nobody used "quote": D_e = 0, α_u undefined, F1 undefined.
    assert_eq!(r.alpha_u["quote"], None);
    assert_eq!(p.exact.per_tag["quote"].f1, None);
    assert_eq!(r.alpha_u_overall, Some(1.0));
}

#[test]
fn no_spans_at_all_leave_every_measure_undefined() {
    let a = spans(TEXT, &[]);
    let r = report(&[&a, &a.clone()]);
    let p = &r.pairs[0];
    assert_eq!(p.exact.all, Score::new(0, 0, 0));
    assert_eq!(
        (p.exact.all.precision, p.exact.all.recall, p.exact.all.f1),
        (None, None, None)
    );
    assert_eq!(p.overlap.all.f1, None);
    assert_eq!((p.kappa, p.tag_pairs.n), (None, 0));
    assert!(r.alpha_u.values().all(Option::is_none));
    assert_eq!(r.alpha_u_overall, None);
}

#[test]
fn one_annotator_empty_gives_f1_zero() {
    let a = spans(TEXT, &[(4, 9, "source"), (19, 51, "claim")]);
    let b = spans(TEXT, &[]);
    let p = pair(&a, &b);
    // matched 0 of n_a = 2, n_b = 0: precision 0/0 undefined, recall 0/2,
    // F1 = 2·0 / (2 + 0) = 0.
    let s = p.exact.all;
    assert_eq!((s.precision, s.recall, s.f1), (None, Some(0.0), Some(0.0)));
    assert_eq!(p.overlap.all.f1, Some(0.0));
    assert_eq!(p.kappa, None, "no pairs");
    // Swapped: B is the reference.
    let q = pair(&b, &a);
    assert_eq!(
        (q.exact.all.precision, q.exact.all.recall),
        (Some(0.0), None)
    );
}

#[test]
fn shifted_boundaries_match_by_overlap_only() {
    let a = spans(
        TEXT,
        &[(4, 9, "source"), (19, 51, "claim"), (55, 61, "source")],
    );
    let b = spans(
        TEXT,
        &[(0, 9, "source"), (19, 51, "claim"), (10, 14, "claim")],
    );
    let p = pair(&a, &b);
    assert_eq!(p.exact.all, Score::new(1, 3, 3));
    assert_eq!(p.overlap.all, Score::new(2, 3, 3));
    assert_eq!(p.overlap.per_tag["source"], Score::new(1, 2, 1));
    assert_eq!(p.overlap.per_tag["claim"], Score::new(1, 1, 2));
    // F1 = 2·2 / (3 + 3)
    assert_eq!(p.overlap.all.f1, Some(4.0 / 6.0));
}

#[test]
fn a_different_tag_is_no_match_but_a_kappa_disagreement() {
    let a = spans(
        TEXT,
        &[
            (0, 3, "claim"),
            (4, 9, "claim"),
            (10, 14, "quote"),
            (15, 18, "source"),
        ],
    );
    let b = spans(
        TEXT,
        &[
            (0, 3, "claim"),
            (4, 9, "quote"),
            (10, 14, "quote"),
            (15, 18, "source"),
        ],
    );
    let p = pair(&a, &b);
    assert_eq!(p.exact.all.matched, 3);
    assert_eq!(p.untagged.exact.matched, 4);
    // Paired tags (A, B): (claim, claim), (claim, quote), (quote, quote),
    // (source, source). p_o = 3/4. A: claim 2, quote 1, source 1; B: claim
    // 1, quote 2, source 1; p_e = (2·1 + 1·2 + 1·1) / 16 = 5/16.
    // κ = (3/4 − 5/16) / (1 − 5/16) = (7/16) / (11/16) = 7/11.
    assert_eq!((p.tag_pairs.n, p.tag_pairs.same), (4, 3));
    assert_eq!(p.tag_pairs.expected, Some(5.0 / 16.0));
    assert!((p.kappa.unwrap() - 7.0 / 11.0).abs() < 1e-12);
}

#[test]
fn kappa_is_undefined_when_one_tag_is_all_either_used() {
    let a = spans(TEXT, &[(0, 3, "claim"), (4, 9, "claim")]);
    let p = pair(&a, &a.clone());
    // p_o = 1 and p_e = 1·1 = 1: nothing to correct for chance.
    assert_eq!(
        (p.tag_pairs.observed, p.tag_pairs.expected),
        (Some(1.0), Some(1.0))
    );
    assert_eq!(p.kappa, None);
    // One side using a second tag makes p_e < 1: κ = (1/2 − 1/2)/(1 − 1/2) = 0.
    let b = spans(TEXT, &[(0, 3, "claim"), (4, 9, "quote")]);
    assert_eq!(pair(&a, &b).kappa, Some(0.0));
}

#[test]
fn overlap_matching_pairs_each_span_once_largest_overlap_first() {
    // A's long claim overlaps both of B's: it pairs with the one sharing
    // more code points (19..40 shares 21; 40..51 shares 11).
    let a = spans(TEXT, &[(19, 51, "claim")]);
    let b = spans(TEXT, &[(19, 40, "claim"), (40, 51, "claim")]);
    let p = pair(&a, &b);
    assert_eq!(p.overlap.all, Score::new(1, 1, 2));
    // Taking the largest overlap first pairs both: A 0..10 with B 0..9
    // (9 shared), then A 10..12 with B 9..12 (2). The smallest first (A
    // 0..10 with B 9..12, 1 shared) would leave one pair.
    let a = spans(TEXT, &[(0, 10, "claim"), (10, 12, "claim")]);
    let b = spans(TEXT, &[(0, 9, "claim"), (9, 12, "claim")]);
    assert_eq!(pair(&a, &b).overlap.all.matched, 2);
    // An exact pair wins over a larger span that overlaps as much.
    let a = spans(TEXT, &[(19, 40, "claim"), (19, 51, "claim")]);
    let b = spans(TEXT, &[(19, 40, "claim")]);
    let p = pair(&a, &b);
    assert_eq!((p.exact.all.matched, p.overlap.all.matched), (1, 1));
    let r = report(&[&a, &b]);
    assert!(r.pairs[0].overlap.all.recall == Some(0.5));
}

#[test]
fn offsets_are_code_points_over_emoji_cjk_and_rtl() {
    // 👍🏽 is two code points, 👩‍👩‍👧 five; Arabic and Chinese one each.
    let text = "👍🏽 قال الوزير 新闻 said 👩‍👩‍👧 so.";
    let chars: Vec<char> = text.chars().collect();
    let at = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        (0..chars.len())
            .find(|&k| chars[k..].starts_with(&c))
            .unwrap()
    };
    let (arabic, cjk, family) = (at("الوزير"), at("新闻"), at("👩"));
    assert_eq!((arabic, cjk, family), (7, 14, 22));
    let a = spans(
        text,
        &[
            (arabic, arabic + 6, "source"),
            (cjk, cjk + 2, "claim"),
            (family, family + 5, "quote"),
        ],
    );
    let b = spans(
        text,
        &[
            (arabic, arabic + 6, "source"),
            (cjk, cjk + 2, "claim"),
            (family + 2, family + 5, "quote"),
        ],
    );
    let r = report(&[&a, &b]);
    assert_eq!(r.n_code_points, chars.len());
    let p = &r.pairs[0];
    assert_eq!((p.exact.all.matched, p.overlap.all.matched), (2, 3));
    // α_u of quote, L = 31 code points, m = 2: A 22..27, B 24..27.
    // D_o = 2·((22−24)² + 0²) / (2·1·31²) = 8/1922.
    let d = r.disagreement["quote"];
    assert!((d.observed - 8.0 / 1922.0).abs() < 1e-15);
    assert_eq!(r.alpha_u["claim"], Some(1.0));
}

#[test]
fn another_articles_file_is_refused_with_a_sentence() {
    let a = spans(TEXT, &[(0, 3, "claim")]);
    let b = spans("Another text entirely.", &[(0, 3, "claim")]);
    let e = compare(&[
        Coder {
            name: "ann.json",
            session: &a,
        },
        Coder {
            name: "bob.json",
            session: &b,
        },
    ])
    .unwrap_err();
    assert_eq!(
        e,
        AgreementError::OtherArticle {
            name: "bob.json".into(),
            reference: "ann.json".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "“bob.json” was made on another article than “ann.json” (their texts differ), \
         so they cannot be compared: choose annotation files of the same article."
    );
    let one = compare(&[Coder {
        name: "ann.json",
        session: &a,
    }])
    .unwrap_err();
    assert_eq!(
        one.to_string(),
        "Comparing annotators needs the files of at least two of them; 1 was given."
    );
}

#[test]
fn fields_of_matched_spans_are_compared_with_their_defaults() {
    let a = session(
        "[One]{claim verdict=False} [two]{claim verdict=True} [three]{claim} [four]{claim verdict=False}.",
    );
    let b = session(
        "[One]{claim verdict=False} [two]{claim verdict=False} [three]{claim} [four]{claim}.",
    );
    let p = pair(&a, &b);
    let verdict = p.fields.iter().find(|f| f.field == "verdict").unwrap();
    // Values (default "Unverified" when unset): (False, False), (True,
    // False), (Unverified, Unverified), (False, Unverified): 2 of 4 same.
    assert_eq!((verdict.n, verdict.same, verdict.share), (4, 2, Some(0.5)));
    // A: False 2, True 1, Unverified 1; B: False 2, Unverified 2.
    // p_e = (2·2 + 1·0 + 1·2) / 16 = 6/16; κ = (8/16 − 6/16) / (10/16) = 0.2.
    assert!((verdict.kappa.unwrap() - 0.2).abs() < 1e-12);
    // A yes-no field nobody set is left out (no pair has a value).
    let worthy = p.fields.iter().find(|f| f.field == "check-worthy").unwrap();
    assert_eq!((worthy.n, worthy.share, worthy.kappa), (0, None, None));
}

#[test]
fn three_annotators_give_three_pairs_in_order() {
    let a = spans(TEXT, &[(0, 3, "claim")]);
    let b = spans(TEXT, &[(0, 3, "claim")]);
    let c = spans(TEXT, &[(0, 4, "claim")]);
    let r = report(&[&a, &b, &c]);
    let names: Vec<_> = r
        .pairs
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str()))
        .collect();
    assert_eq!(
        names,
        [("ann0", "ann1"), ("ann0", "ann2"), ("ann1", "ann2")]
    );
    let f1: Vec<_> = r.pairs.iter().map(|p| p.exact.all.f1).collect();
    assert_eq!(f1, [Some(1.0), Some(0.0), Some(0.0)]);
}

#[test]
fn the_report_serialises_with_its_documented_keys() {
    let a = spans(TEXT, &[(0, 3, "claim"), (4, 9, "source")]);
    let b = spans(TEXT, &[(0, 3, "claim"), (4, 8, "source")]);
    let json = serde_json::to_value(report(&[&a, &b])).unwrap();
    assert_eq!(json["pairs"][0]["exact"]["f1"], 0.5);
    assert_eq!(json["pairs"][0]["overlap"]["f1"], 1.0);
    assert_eq!(json["pairs"][0]["exact"]["per_tag"]["claim"]["f1"], 1.0);
    assert_eq!(json["pairs"][0]["kappa"], 1.0);
    assert!(json["alpha_u"]["claim"].as_f64().unwrap() == 1.0);
    assert!(json["alpha_u"]["quote"].is_null());
    for key in [
        "annotators",
        "sha256",
        "n_code_points",
        "tags",
        "alpha_u_overall",
        "disagreement",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    for key in ["untagged", "tag_pairs", "fields", "a", "b"] {
        assert!(json["pairs"][0].get(key).is_some(), "{key}");
    }
}

#[test]
fn the_csv_has_one_row_per_pair_tag_and_measure() {
    let a = spans(TEXT, &[(0, 3, "claim"), (4, 9, "source")]);
    let b = spans(TEXT, &[(0, 3, "claim"), (4, 8, "source")]);
    let r = report(&[&a, &b]);
    let csv = r.to_csv();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "a,b,tag,measure,n_a,n_b,n,precision,recall,f1,value"
    );
    assert!(lines.contains(&"ann0,ann1,*,exact,2,2,1,0.5,0.5,0.5,0.5"));
    assert!(lines.contains(&"ann0,ann1,source,overlap,1,1,1,1,1,1,1"));
    assert!(lines.contains(&"ann0,ann1,quote,exact,0,0,0,,,,"));
    assert!(lines.contains(&"ann0,ann1,*,kappa,,,2,,,,1"));
    assert!(lines.contains(&"*,*,quote,alpha_u,,,,,,,"));
    let fields = r.pairs[0].fields.len();
    // (exact + overlap) × (all + 3 tags) + 2 untagged + κ + 2 per field + α_u × (3 tags + all)
    assert_eq!(lines.len() - 1, 2 * 4 + 2 + 1 + 2 * fields + 4);
    let cells = |l: &str| l.split(',').count();
    assert!(lines.iter().all(|l| cells(l) == 11));
}
