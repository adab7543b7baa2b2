//! Agreement on the field values (a claim's verdict…) of matched spans.

use super::kappa::Kappa;
use crate::model::{Annotation, FieldDef, FieldKind, FieldValue, Schema};
use serde::Serialize;

/// One field of one tag, over the pairs that the overlap matching made
/// of spans with that tag.
///
/// A span's value is the one stored, else the field's default (as the page
/// shows it: a claim's verdict is "Unverified" until set). Pairs where
/// neither span has a value are left out; a value against no value is a
/// disagreement. `kappa` is Cohen's κ ([`Kappa`]) for `choice` and
/// `yes-no` fields, with "no value" as one more label; `None` for other
/// types.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldAgreement {
    pub tag: String,
    pub field: String,
    /// The field's type (`"choice"`, `"yes-no"`, `"text"`…).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Pairs compared.
    pub n: usize,
    /// Pairs with the same value.
    pub same: usize,
    /// `same / n`; `None` when `n = 0`.
    pub share: Option<f64>,
    pub kappa: Option<f64>,
}

/// The field agreement of matched pairs `(A's annotation, B's annotation)`
/// of tag `tag`, one entry per field of the tag in A's tag set (B's when A's
/// lacks the tag). O(pairs × fields).
pub fn of_tag<'a>(
    tag: &str,
    (schema_a, schema_b): (&'a Schema, &'a Schema),
    pairs: &[(&'a Annotation, &'a Annotation)],
) -> Vec<FieldAgreement> {
    let Some(def) = schema_a.tag_named(tag).or_else(|| schema_b.tag_named(tag)) else {
        return Vec::new();
    };
    let field_of = |schema: &'a Schema, id: &str| schema.tag_named(tag)?.field_named(id);
    let value = |def: Option<&'a FieldDef>, a: &'a Annotation| {
        def.and_then(|d| d.effective(a.fields.get(&d.id)))
    };
    def.fields
        .iter()
        .map(|f| {
            let id = f.id.as_str();
            let (def_a, def_b) = (field_of(schema_a, id), field_of(schema_b, id));
            let values: Vec<_> = pairs
                .iter()
                .map(|&(x, y)| (value(def_a, x), value(def_b, y)))
                .filter(|(x, y)| x.is_some() || y.is_some())
                .collect();
            let n = values.len();
            let same = values.iter().filter(|(x, y)| x == y).count();
            let coded = matches!(f.kind, FieldKind::Choice { .. } | FieldKind::YesNo);
            let kappa = if coded {
                Kappa::of(values.iter().map(|(x, y)| (label(x), label(y)))).kappa
            } else {
                None
            };
            FieldAgreement {
                tag: tag.to_owned(),
                field: id.to_owned(),
                kind: f.kind.name(),
                n,
                same,
                share: (n > 0).then(|| same as f64 / n as f64),
                kappa,
            }
        })
        .collect()
}

/// A value as a label for κ (`None`: no value).
fn label(v: &Option<&FieldValue>) -> Option<String> {
    v.map(|v| match v {
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Number(x) => x.to_string(),
        FieldValue::Text(s) => s.clone(),
    })
}
