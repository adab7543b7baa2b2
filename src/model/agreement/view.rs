//! The report as the page's Compare dialog shows it ([`View`]): one row
//! per pair of annotators and tag (all tags first), α_u per tag. Built in
//! the converters' worker and sent to the page, which reads only this
//! small form (the whole report goes to the page as its JSON and CSV
//! downloads). Also how annotators are named ([`coder_names`]).

use super::Report;
use crate::model::Session;
use serde::{Deserialize, Serialize};

/// What the dialog lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub annotators: Vec<String>,
    /// Per pair, the row of all tags, then one per tag.
    pub rows: Vec<Row>,
    /// α_u per tag (label), then over all tags (`"All tags"`).
    pub alpha_u: Vec<(String, Option<f64>)>,
    /// Per pair, agreement on each field of the matched spans that had a
    /// value on either side (fields no pair compared are left out).
    pub fields: Vec<FieldRow>,
}

/// One field (a claim's verdict…) of one tag, for one pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldRow {
    pub pair: String,
    /// The tag's label and the field's label.
    pub tag: String,
    pub field: String,
    /// Matched pairs compared, and those with the same value.
    pub n: usize,
    pub same: usize,
    /// Cohen's κ for choice and yes-no fields.
    pub kappa: Option<f64>,
}

/// One pair of annotators on one tag (or all of them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// `"A – B"`.
    pub pair: String,
    /// The tag's label, or [`ALL_TAGS`].
    pub tag: String,
    /// Spans of A, of B.
    pub n_a: usize,
    pub n_b: usize,
    pub exact_f1: Option<f64>,
    pub overlap_f1: Option<f64>,
    pub overlap_precision: Option<f64>,
    pub overlap_recall: Option<f64>,
    /// Cohen's κ on tags; only in the row of all tags.
    pub kappa: Option<f64>,
}

/// The `tag` of a row over every tag.
pub const ALL_TAGS: &str = "All tags";

impl View {
    /// `report` with its tags named by `label` (id → label) and fields by
    /// `field_label` (tag id, field id → label). O(pairs × (tags + fields)).
    pub fn of(
        report: &Report,
        label: impl Fn(&str) -> String,
        field_label: impl Fn(&str, &str) -> String,
    ) -> Self {
        let (mut rows, mut fields) = (Vec::new(), Vec::new());
        for p in &report.pairs {
            let pair = format!("{} \u{2013} {}", p.a, p.b);
            let all = (ALL_TAGS.to_owned(), &p.exact.all, &p.overlap.all, p.kappa);
            let each = report.tags.iter().filter_map(|t| {
                let (exact, overlap) = (p.exact.per_tag.get(t)?, p.overlap.per_tag.get(t)?);
                Some((label(t), exact, overlap, None))
            });
            for f in p.fields.iter().filter(|f| f.n > 0) {
                fields.push(FieldRow {
                    pair: format!("{} \u{2013} {}", p.a, p.b),
                    tag: label(&f.tag),
                    field: field_label(&f.tag, &f.field),
                    n: f.n,
                    same: f.same,
                    kappa: f.kappa,
                });
            }
            for (tag, exact, overlap, kappa) in std::iter::once(all).chain(each) {
                rows.push(Row {
                    pair: pair.clone(),
                    tag,
                    n_a: overlap.n_a,
                    n_b: overlap.n_b,
                    exact_f1: exact.f1,
                    overlap_f1: overlap.f1,
                    overlap_precision: overlap.precision,
                    overlap_recall: overlap.recall,
                    kappa,
                });
            }
        }
        let per_tag = report
            .tags
            .iter()
            .map(|t| (label(t), report.alpha_u.get(t).copied().flatten()));
        let alpha_u = per_tag
            .chain(std::iter::once((
                ALL_TAGS.to_owned(),
                report.alpha_u_overall,
            )))
            .collect();
        Self {
            annotators: report.annotators.clone(),
            rows,
            alpha_u,
            fields,
        }
    }
}

/// Each annotator's name: the `creator` of all of their annotations when
/// they share one, else their file's name without `suffixes`; a name two
/// annotators would share is their file name whole, and `-2`, `-3`… are
/// added to any name still repeated.
pub fn coder_names(files: &[(&str, &Session)], suffixes: &[&str]) -> Vec<String> {
    let name = |file: &str, s: &Session| {
        let mut creators = s.annotations().iter().map(|a| a.creator.as_str());
        match creators.next() {
            Some(first) if !first.is_empty() && creators.all(|c| c == first) => first.to_owned(),
            _ => suffixes
                .iter()
                .find_map(|x| file.strip_suffix(x))
                .unwrap_or(file)
                .to_owned(),
        }
    };
    let names: Vec<String> = files.iter().map(|(f, s)| name(f, s)).collect();
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (n, (file, _)) in names.iter().zip(files) {
        let base = match names.iter().filter(|m| *m == n).count() {
            1 => n.clone(),
            _ => (*file).to_owned(),
        };
        let (mut unique, mut k) = (base.clone(), 1);
        while out.contains(&unique) {
            k += 1;
            unique = format!("{base}-{k}");
        }
        out.push(unique);
    }
    out
}
