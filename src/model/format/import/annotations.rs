//! Reading the annotations and relations of a file against its tag set:
//! every check, each named in words a user can act on.

use super::ImportError;
use crate::model::format::excerpt;
use crate::model::format::file::{AnnotationV2, RelationV2};
use crate::model::selector::{anchor, TextQuoteSelector};
use crate::model::{
    Annotation, AnnotationId, FieldProblem, Fields, Relation, Schema, TagId, Text, TextRange,
};
use std::collections::HashMap;

/// `"claim, quote, source"`: the ids of a list, for messages.
fn ids<'a, T: AsRef<str> + 'a>(list: impl IntoIterator<Item = &'a T>) -> String {
    list.into_iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Annotation `index` (from 1) and whether it had to be re-anchored by its
/// quote. O(fields + anchoring).
pub(super) fn read_annotation(
    text: &Text,
    schema: &Schema,
    index: usize,
    a: AnnotationV2,
) -> Result<(Annotation, bool), ImportError> {
    let fail = |problem: String| ImportError::Annotation {
        index,
        id: a.id.clone(),
        problem,
    };
    if a.id.as_str().trim().is_empty() {
        return Err(fail("its id is empty".into()));
    }
    let Some(def) = schema.tag(&a.tag) else {
        return Err(fail(format!(
            "its tag \"{}\" is not in the tag set ({})",
            a.tag,
            ids(schema.tags().iter().map(|t| &t.id))
        )));
    };
    let mut fields = Fields::new();
    for (id, json) in &a.fields {
        let read = match def.field(id) {
            Some(field) => field.read(json),
            None => Err(FieldProblem::Unknown {
                tag: def.id.to_string(),
                known: def.fields.iter().map(|f| f.id.clone()).collect(),
            }),
        };
        match read {
            Ok(value) => fields.insert(id.clone(), value),
            Err(problem) => return Err(fail(format!("its field \"{id}\" is {json}, {problem}"))),
        };
    }
    let hint = TextRange::new(a.start, a.end).filter(|r| text.full_range().contains_range(*r));
    let quote = TextQuoteSelector {
        exact: a.exact.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    };
    let range = anchor(text, &quote, hint).ok_or_else(|| {
        if a.exact.is_empty() {
            fail("its \"exact\" text is empty".into())
        } else {
            fail(format!(
                "its text \"{}\" is not in the article",
                excerpt(&a.exact, 40)
            ))
        }
    })?;
    let moved = Some(range) != hint;
    Ok((
        Annotation {
            id: a.id,
            tag: a.tag,
            range,
            note: a.note,
            fields,
            created: a.created,
            modified: a.modified,
        },
        moved,
    ))
}

/// The relations of a file, checked against `schema` and the annotations
/// (already read: ids unique). O(r + n) with hashing.
pub(super) fn read_relations(
    schema: &Schema,
    annotations: &[Annotation],
    relations: Vec<RelationV2>,
) -> Result<Vec<Relation>, ImportError> {
    let tags: HashMap<&str, &TagId> = annotations
        .iter()
        .map(|a| (a.id.as_str(), &a.tag))
        .collect();
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let mut out = Vec::with_capacity(relations.len());
    for (i, r) in relations.iter().enumerate() {
        let index = i + 1;
        let fail = |problem: String| ImportError::Relation {
            index,
            id: r.id.clone(),
            problem,
        };
        if r.id.as_str().trim().is_empty() {
            return Err(fail("its id is empty".into()));
        }
        if let Some(first) = first_with_id.insert(r.id.as_str(), index) {
            return Err(fail(format!("relation {first} has the same id")));
        }
        let Some(kind) = schema.relation_type(&r.kind) else {
            return Err(fail(format!(
                "its type \"{}\" is not in the tag set ({})",
                r.kind,
                ids(schema.relation_types().iter().map(|k| &k.id))
            )));
        };
        let end = |name: &str, id: &AnnotationId| {
            tags.get(id.as_str()).copied().ok_or_else(|| {
                fail(format!(
                    "its \"{name}\" annotation \"{id}\" is not in the file"
                ))
            })
        };
        let (from, to) = (end("from", &r.from)?, end("to", &r.to)?);
        if r.from == r.to {
            return Err(fail(format!(
                "it links annotation \"{}\" to itself",
                r.from
            )));
        }
        if !kind.allows(from, to) {
            return Err(fail(format!(
                "a \"{}\" relation goes from {} to {}, not from {from} to {to}",
                kind.id,
                ids(&kind.from).replace(", ", " or "),
                ids(&kind.to).replace(", ", " or "),
            )));
        }
        let key = (r.kind.as_str(), r.from.as_str(), r.to.as_str());
        if let Some(first) = seen.insert(key, index) {
            return Err(fail(format!(
                "it repeats relation {first} (same type, same ends)"
            )));
        }
        out.push(Relation {
            id: r.id.clone(),
            kind: r.kind.clone(),
            from: r.from.clone(),
            to: r.to.clone(),
            created: r.created.clone(),
        });
    }
    Ok(out)
}
