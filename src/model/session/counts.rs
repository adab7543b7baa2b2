//! [`Counts`]: how many annotations each tag has, and how many have each
//! option of each choice field (the panel's counts per tag and per verdict).

use crate::model::{Annotation, FieldKind, Schema, TagId};
use std::collections::HashMap;

/// Invariant: the counts of the session's annotations under its current
/// schema; a choice field counts its effective value (stored or default).
#[derive(Clone, Debug, Default)]
pub(super) struct Counts {
    tags: HashMap<TagId, usize>,
    /// tag → field → option → annotations.
    choices: HashMap<TagId, HashMap<String, HashMap<String, usize>>>,
}

impl Counts {
    /// The counts of `annotations` under `schema`. O(n × fields).
    pub fn of<'a>(schema: &Schema, annotations: impl IntoIterator<Item = &'a Annotation>) -> Self {
        let mut counts = Self::default();
        for a in annotations {
            counts.add(schema, a);
        }
        counts
    }

    /// Count `a` in. O(fields of its tag).
    pub fn add(&mut self, schema: &Schema, a: &Annotation) {
        self.change(schema, a, true);
    }

    /// Count `a` out (it must have been counted in under `schema`).
    pub fn remove(&mut self, schema: &Schema, a: &Annotation) {
        self.change(schema, a, false);
    }

    fn change(&mut self, schema: &Schema, a: &Annotation, add: bool) {
        let step = |n: &mut usize| {
            if add {
                *n += 1;
            } else {
                *n -= 1;
            }
        };
        step(self.tags.entry(a.tag.clone()).or_default());
        let Some(def) = schema.tag(&a.tag) else {
            return;
        };
        for field in &def.fields {
            if !matches!(field.kind, FieldKind::Choice { .. }) {
                continue;
            }
            let Some(option) = field
                .effective(a.fields.get(&field.id))
                .and_then(|v| v.as_str())
            else {
                continue;
            };
            let by_field = self.choices.entry(a.tag.clone()).or_default();
            let by_option = by_field.entry(field.id.to_string()).or_default();
            step(by_option.entry(option.to_owned()).or_default());
        }
    }

    pub fn tag(&self, tag: &str) -> usize {
        self.tags.get(tag).copied().unwrap_or(0)
    }

    pub fn choice(&self, tag: &str, field: &str, option: &str) -> usize {
        self.choices
            .get(tag)
            .and_then(|f| f.get(field))
            .and_then(|o| o.get(option))
            .copied()
            .unwrap_or(0)
    }
}
