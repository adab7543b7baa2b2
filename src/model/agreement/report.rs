//! The agreement report: what [`super::compare`] returns, its JSON form
//! (serde; keys in `docs/agreement.md`) and its CSV form.

use super::alpha_u::Unitized;
use super::{FieldAgreement, Kappa, Score};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Agreement of two or more annotators on one article. Per-tag maps are
/// keyed by tag id (sorted); `null` marks a measure that is undefined for
/// the data (see each measure).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Their names, in input order.
    pub annotators: Vec<String>,
    /// Lower-case hex SHA-256 of the shared text.
    pub sha256: String,
    /// The text's length `L` in code points (α_u's continuum).
    pub n_code_points: usize,
    /// Every tag id of the annotators' tag sets (first annotator's order).
    pub tags: Vec<String>,
    /// One per pair of annotators `(i, j)`, `i < j`, in order.
    pub pairs: Vec<PairReport>,
    /// Krippendorff's α_u per tag, over all annotators.
    pub alpha_u: BTreeMap<String, Option<f64>>,
    /// `1 − Σ D_o / Σ D_e` over the tags.
    pub alpha_u_overall: Option<f64>,
    /// α_u's observed and expected disagreement per tag.
    pub disagreement: BTreeMap<String, Disagreement>,
}

/// `D_o` and `D_e` of α_u.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub observed: f64,
    pub expected: f64,
}

impl From<Unitized> for Disagreement {
    fn from(u: Unitized) -> Self {
        Self {
            observed: u.observed,
            expected: u.expected,
        }
    }
}

/// The measures of annotators `a` (the reference) and `b`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairReport {
    pub a: String,
    pub b: String,
    /// Same start, end and tag.
    pub exact: Scores,
    /// Sharing a code point, same tag, each span matched once.
    pub overlap: Scores,
    /// Spans whatever their tags.
    pub untagged: Untagged,
    /// Cohen's κ on tags of the spans paired by `untagged.overlap`.
    pub kappa: Option<f64>,
    /// κ's counts: pairs, pairs with the same tag, `p_o`, `p_e`.
    pub tag_pairs: Kappa,
    /// Per field of each tag, over the `overlap` pairs of that tag.
    pub fields: Vec<FieldAgreement>,
}

/// A [`Score`] over all tags (its keys at this level) and per tag.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scores {
    #[serde(flatten)]
    pub all: Score,
    pub per_tag: BTreeMap<String, Score>,
}

/// Spans matched whatever their tags: by boundaries, and by overlap.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Untagged {
    pub exact: Score,
    pub overlap: Score,
}

/// The CSV header: one row per pair × tag × measure.
pub const CSV_HEADER: &str = "a,b,tag,measure,n_a,n_b,n,precision,recall,f1,value";

impl Report {
    /// The report as CSV (RFC 4180, `\n` line ends), [`CSV_HEADER`] first.
    /// `tag` is `*` for all tags, `a` and `b` are `*` for all annotators
    /// (α_u); an undefined figure is an empty cell. Rows per pair: `exact`
    /// and `overlap` (all tags, then each tag), `exact-untagged`,
    /// `overlap-untagged`, `kappa` (`n` pairs), then `field:<id>` (`value`
    /// = share of pairs with the same value) and `field-kappa:<id>` per
    /// field; then `alpha_u` per tag and overall. O(size of the report).
    pub fn to_csv(&self) -> String {
        let mut out = format!("{CSV_HEADER}\n");
        for p in &self.pairs {
            for (measure, scores) in [("exact", &p.exact), ("overlap", &p.overlap)] {
                let each = scores.per_tag.iter().map(|(t, s)| (t.as_str(), s));
                for (tag, s) in std::iter::once(("*", &scores.all)).chain(each) {
                    score_row(&mut out, p, tag, measure, s);
                }
            }
            score_row(&mut out, p, "*", "exact-untagged", &p.untagged.exact);
            score_row(&mut out, p, "*", "overlap-untagged", &p.untagged.overlap);
            let k = &p.tag_pairs;
            row(
                &mut out,
                [&p.a, &p.b, "*", "kappa"],
                [None, None, Some(k.n)],
                [None; 3],
                p.kappa,
            );
            for f in &p.fields {
                let names = [
                    format!("field:{}", f.field),
                    format!("field-kappa:{}", f.field),
                ];
                let n = [None, None, Some(f.n)];
                row(
                    &mut out,
                    [&p.a, &p.b, &f.tag, &names[0]],
                    n,
                    [None; 3],
                    f.share,
                );
                row(
                    &mut out,
                    [&p.a, &p.b, &f.tag, &names[1]],
                    n,
                    [None; 3],
                    f.kappa,
                );
            }
        }
        let each = self.alpha_u.iter().map(|(t, a)| (t.as_str(), *a));
        for (tag, a) in each.chain(std::iter::once(("*", self.alpha_u_overall))) {
            row(
                &mut out,
                ["*", "*", tag, "alpha_u"],
                [None; 3],
                [None; 3],
                a,
            );
        }
        out
    }
}

fn score_row(out: &mut String, p: &PairReport, tag: &str, measure: &str, s: &Score) {
    let counts = [Some(s.n_a), Some(s.n_b), Some(s.matched)];
    let ratios = [s.precision, s.recall, s.f1];
    row(out, [&p.a, &p.b, tag, measure], counts, ratios, s.f1);
}

fn row(
    out: &mut String,
    names: [&str; 4],
    counts: [Option<usize>; 3],
    ratios: [Option<f64>; 3],
    value: Option<f64>,
) {
    let mut cells: Vec<String> = names.iter().map(|s| quoted(s)).collect();
    cells.extend(
        counts
            .iter()
            .map(|c| c.map(|c| c.to_string()).unwrap_or_default()),
    );
    let number = |x: &Option<f64>| x.map(|x| x.to_string()).unwrap_or_default();
    cells.extend(ratios.iter().map(number));
    cells.push(number(&value));
    let _ = writeln!(out, "{}", cells.join(","));
}

/// A CSV cell: quoted when it holds a comma, quote or line break.
fn quoted(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
