//! Agreement between annotators of the same article: how alike two or more
//! annotators' sessions are, by the measures annotation studies report
//! (`docs/agreement.md` says what each tells a user).
//!
//! - [`Score`]: pairwise **exact-span** and **overlap** precision, recall
//!   and F1, overall and per tag ([`matching`] says how spans are paired);
//! - [`Kappa`]: **Cohen's κ on tags** over the spans both annotators
//!   marked, paired by overlap whatever their tags (spans only one of them
//!   marked are not in κ: they lower F1 and α_u instead);
//! - [`alpha_u::unitized`]: **Krippendorff's α_u** over code points, per
//!   tag and overall, over all annotators at once (formula in its doc);
//! - [`FieldAgreement`]: agreement on field values of matched spans.
//!
//! Pair `(A, B)` lists A first in the input; A is the reference for
//! precision and recall. Offsets are code points, as everywhere in the
//! model. [`compare`] builds the [`Report`] (serde JSON, and
//! [`Report::to_csv`]).
//!
//! Cost, for `m` annotators of `n` spans each on a text of `L` code
//! points: O(m L) to hash the texts, O(m² (n log n + k log k)) for the
//! pairs (`k` overlapping pairs of spans, about `n`), O(m n log(m n)) for
//! α_u per tag. `examples/agreement_bench.rs` times three annotators of
//! 10,000 spans on a 1 MB text.

pub mod adjudicate;
pub mod alpha_u;
mod fields;
mod kappa;
pub mod matching;
mod report;
mod score;
pub mod view;

pub use fields::FieldAgreement;
pub use kappa::Kappa;
pub use report::{Disagreement, PairReport, Report, Scores, Untagged, CSV_HEADER};
pub use score::Score;

use crate::model::{format, Annotation, Session};
use matching::Span;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// One annotator's session, and the name the report gives them (their
/// file's name, or their `creator`).
#[derive(Clone, Copy, Debug)]
pub struct Coder<'a> {
    pub name: &'a str,
    pub session: &'a Session,
}

/// Why sessions cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgreementError {
    /// Fewer than two sessions.
    TooFew { n: usize },
    /// `name`'s text is not `reference`'s (by SHA-256).
    OtherArticle { name: String, reference: String },
    /// The annotators' tag sets do not merge into one (why).
    Schema(String),
}

impl fmt::Display for AgreementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AgreementError::TooFew { n } => write!(
                f,
                "Comparing annotators needs the files of at least two of them; \
                 {n} {} given.",
                if *n == 1 { "was" } else { "were" }
            ),
            AgreementError::OtherArticle { name, reference } => write!(
                f,
                "\u{201c}{name}\u{201d} was made on another article than \
                 \u{201c}{reference}\u{201d} (their texts differ), so they cannot \
                 be compared: choose annotation files of the same article."
            ),
            AgreementError::Schema(why) => write!(
                f,
                "The annotators' tag sets cannot be merged into one for the gold file: {why}"
            ),
        }
    }
}

impl std::error::Error for AgreementError {}

/// Compares the sessions of two or more annotators of one article.
///
/// # Errors
/// [`AgreementError::TooFew`] for fewer than two;
/// [`AgreementError::OtherArticle`] for the first session whose text's
/// SHA-256 differs from the first session's.
pub fn compare(coders: &[Coder]) -> Result<Report, AgreementError> {
    let sha256 = check_same_article(coders)?;
    let first = &coders[0];
    let tags = tag_ids(coders);
    let index: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(k, t)| (t.as_str(), k))
        .collect();
    let spans: Vec<Vec<Span>> = coders
        .iter()
        .map(|c| {
            c.session
                .annotations()
                .iter()
                .map(|a| Span {
                    start: a.range.start().get(),
                    end: a.range.end().get(),
                    tag: index[a.tag.as_str()],
                })
                .collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..coders.len() {
        for j in i + 1..coders.len() {
            pairs.push(pair(
                &tags,
                (&coders[i], &coders[j]),
                (&spans[i], &spans[j]),
            ));
        }
    }
    let len = first.session.article().text.char_len();
    let mut alpha_u = BTreeMap::new();
    let mut disagreement = BTreeMap::new();
    for (k, tag) in tags.iter().enumerate() {
        let units: Vec<Vec<(usize, usize)>> = spans
            .iter()
            .map(|s| {
                s.iter()
                    .filter(|x| x.tag == k)
                    .map(|x| (x.start, x.end))
                    .collect()
            })
            .collect();
        let u = alpha_u::unitized(&units, len);
        alpha_u.insert(tag.clone(), u.alpha);
        disagreement.insert(tag.clone(), u);
    }
    Ok(Report {
        annotators: coders.iter().map(|c| c.name.to_owned()).collect(),
        sha256,
        n_code_points: len,
        alpha_u_overall: alpha_u::overall(disagreement.values().copied()),
        tags,
        pairs,
        alpha_u,
        disagreement: disagreement
            .into_iter()
            .map(|(t, u)| (t, u.into()))
            .collect(),
    })
}

/// The SHA-256 of the text, when there are two sessions or more and all
/// have the same text (the same text, the same SHA-256).
///
/// # Errors
/// As [`compare`].
fn check_same_article(coders: &[Coder]) -> Result<String, AgreementError> {
    let [first, rest @ ..] = coders else {
        return Err(AgreementError::TooFew { n: 0 });
    };
    if rest.is_empty() {
        return Err(AgreementError::TooFew { n: 1 });
    }
    // Equal texts have equal hashes: one hash, the others compared as
    // text (a memcmp, much cheaper than hashing a 1 MB text again).
    let text = first.session.article().text.as_str();
    for c in rest {
        if c.session.article().text.as_str() != text {
            return Err(AgreementError::OtherArticle {
                name: c.name.to_owned(),
                reference: first.name.to_owned(),
            });
        }
    }
    Ok(format::sha256_hex(text))
}

/// The tags of the first session's tag set in order, then any other
/// session's tags not yet named.
fn tag_ids(coders: &[Coder]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in coders {
        for t in c.session.schema().tags() {
            if !out.iter().any(|o| o == t.id.as_str()) {
                out.push(t.id.as_str().to_owned());
            }
        }
    }
    out
}

/// The measures of one pair of annotators.
fn pair(tags: &[String], (a, b): (&Coder, &Coder), (sa, sb): (&[Span], &[Span])) -> PairReport {
    let n = tags.len();
    let count = |spans: &[Span]| {
        let mut c = vec![0; n];
        spans.iter().for_each(|s| c[s.tag] += 1);
        c
    };
    let (na, nb) = (count(sa), count(sb));
    let scores = |matched: &[usize]| Scores {
        all: Score::new(matched.iter().sum(), sa.len(), sb.len()),
        per_tag: (0..n)
            .map(|k| (tags[k].clone(), Score::new(matched[k], na[k], nb[k])))
            .collect(),
    };
    let exact = matching::exact_counts(sa, sb, true, n);
    let candidates = matching::overlapping(sa, sb);
    let tagged = matching::greedy(sa, sb, &candidates, true);
    let mut overlap = vec![0; n];
    tagged.iter().for_each(|p| overlap[sa[p.a].tag] += 1);
    let untagged = matching::greedy(sa, sb, &candidates, false);
    let kappa = Kappa::of(untagged.iter().map(|p| (sa[p.a].tag, sb[p.b].tag)));
    let (anns_a, anns_b) = (a.session.annotations(), b.session.annotations());
    let mut fields = Vec::new();
    for (k, tag) in tags.iter().enumerate() {
        let matched: Vec<(&Annotation, &Annotation)> = tagged
            .iter()
            .filter(|p| sa[p.a].tag == k)
            .map(|p| (&anns_a[p.a], &anns_b[p.b]))
            .collect();
        let schemas = (a.session.schema(), b.session.schema());
        fields.extend(fields::of_tag(tag, schemas, &matched));
    }
    PairReport {
        a: a.name.to_owned(),
        b: b.name.to_owned(),
        exact: scores(&exact),
        overlap: scores(&overlap),
        untagged: Untagged {
            exact: Score::new(
                matching::exact_counts(sa, sb, false, n).iter().sum(),
                sa.len(),
                sb.len(),
            ),
            overlap: Score::new(untagged.len(), sa.len(), sb.len()),
        },
        kappa: kappa.kappa,
        tag_pairs: kappa,
        fields,
    }
}
