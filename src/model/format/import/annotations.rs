//! Reading the annotations and relations of a file against its tag set:
//! every check, each named in words a user can act on.

use super::ImportError;
use crate::model::format::file::{AnchoringV2, AnnotationV2, RelationV2};
use crate::model::format::{excerpt, json_excerpt};
use crate::model::limits::{check_names, check_note};
use crate::model::reanchor::{Anchoring, Orphan};
use crate::model::selector::{anchor, TextQuoteSelector};
use crate::model::{
    Annotation, AnnotationId, FieldProblem, Fields, Relation, Schema, TagId, Text, TextRange,
};
use std::collections::{HashMap, HashSet};

/// `"claim, quote, source"`: the ids of a list, for messages.
fn ids<'a, T: AsRef<str> + 'a>(list: impl IntoIterator<Item = &'a T>) -> String {
    list.into_iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What became of one annotation of a file.
pub(super) enum Read {
    /// Placed; `moved`: by its quote, its offsets did not match;
    /// `rebuilt`: its context held a repaired character and was rebuilt
    /// from the text.
    Placed {
        annotation: Annotation,
        moved: bool,
        rebuilt: bool,
        /// How it was carried from another version, as the file says.
        anchoring: Option<Anchoring>,
    },
    /// Its text held a repaired character and does not fit the text at
    /// its offsets: its id and the sentence that says so.
    NotPlaced { id: AnnotationId, why: String },
}

/// The id, tag, note and field checks of annotation `index` (from 1), and
/// its field values read against its tag.
///
/// # Errors
/// The first problem, named.
fn checked_fields(schema: &Schema, index: usize, a: &AnnotationV2) -> Result<Fields, ImportError> {
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
    check_note(&a.note).map_err(|e| fail(format!("its note is too long: {e}")))?;
    check_names(&a.creator, &a.adjudicated_from)
        .map_err(|e| fail(format!("its annotator names are too long: {e}")))?;
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
            Err(problem) => {
                let json = json_excerpt(&json.to_string(), 60);
                return Err(fail(format!("its field \"{id}\" is {json}, {problem}")));
            }
        };
    }
    Ok(fields)
}

/// Orphan `index` (from 1) of a file: checked as an annotation, but its
/// offsets and quote are those of the version it was made on, so they are
/// not placed.
///
/// # Errors
/// As [`read_annotation`]'s checks, and an orphan without its quote.
pub(crate) fn read_orphan(
    schema: &Schema,
    index: usize,
    a: AnnotationV2,
) -> Result<Orphan, ImportError> {
    let fields = checked_fields(schema, index, &a)?;
    let range = TextRange::new(a.start, a.end).filter(|_| !a.exact.is_empty());
    let Some(range) = range.filter(|r| r.len() == a.exact.chars().count()) else {
        return Err(ImportError::Annotation {
            index,
            id: a.id,
            problem: "this orphan's \"exact\" text does not span its \"start\" to \"end\"".into(),
        });
    };
    Ok(Orphan {
        quote: TextQuoteSelector {
            exact: a.exact,
            prefix: a.prefix,
            suffix: a.suffix,
        },
        annotation: Annotation {
            id: a.id,
            tag: a.tag,
            range,
            note: a.note,
            fields,
            created: a.created,
            modified: a.modified,
            creator: a.creator,
            adjudicated_from: a.adjudicated_from,
        },
    })
}

/// U+FFFD, what a lone surrogate escape was repaired to.
const REPAIRED: char = '\u{fffd}';

/// Whether `quote` is `text` but for U+FFFD standing for any character
/// (half of one was cut off). O(length).
fn loosely_equal(quote: &str, text: &str) -> bool {
    quote.chars().count() == text.chars().count()
        && quote
            .chars()
            .zip(text.chars())
            .all(|(q, t)| q == t || q == REPAIRED)
}

/// Annotation `index` (from 1): placed, or (only when `repaired`, the
/// file held lone surrogates) not placed. A prefix or suffix with a
/// repaired character keeps the part next to the quote; an exact with one
/// is placed at its offsets when the text there fits it
/// ([`loosely_equal`]). O(fields + anchoring).
///
/// # Errors
/// The first problem of the annotation, named.
pub(super) fn read_annotation(
    text: &Text,
    schema: &Schema,
    index: usize,
    a: AnnotationV2,
    repaired: bool,
) -> Result<Read, ImportError> {
    let fail = |problem: String| ImportError::Annotation {
        index,
        id: a.id.clone(),
        problem,
    };
    let fields = checked_fields(schema, index, &a)?;
    let anchoring = a
        .anchoring
        .as_ref()
        .map(AnchoringV2::read)
        .transpose()
        .map_err(fail)?;
    let hint = TextRange::new(a.start, a.end).filter(|r| text.full_range().contains_range(*r));
    let broken = |s: &str| repaired && s.contains(REPAIRED);
    let context_broken = broken(&a.prefix) || broken(&a.suffix);
    let range = if broken(&a.exact) && hint.is_none_or(|r| text.slice(r) != a.exact) {
        match hint.filter(|r| loosely_equal(&a.exact, text.slice(*r))) {
            Some(range) => range,
            None => {
                let why = cut_not_placed(index, &a, text, hint);
                return Ok(Read::NotPlaced { id: a.id, why });
            }
        }
    } else {
        let quote = TextQuoteSelector {
            exact: a.exact.clone(),
            prefix: after_last(&a.prefix, repaired).to_owned(),
            suffix: before_first(&a.suffix, repaired).to_owned(),
        };
        anchor(text, &quote, hint).ok_or_else(|| {
            if a.exact.is_empty() {
                fail("its \"exact\" text is empty".into())
            } else {
                fail(format!(
                    "its text \"{}\" is not in the article",
                    excerpt(&a.exact, 40)
                ))
            }
        })?
    };
    Ok(Read::Placed {
        anchoring,
        moved: Some(range) != hint,
        rebuilt: context_broken || broken(&a.exact),
        annotation: Annotation {
            id: a.id,
            tag: a.tag,
            range,
            note: a.note,
            fields,
            created: a.created,
            modified: a.modified,
            creator: a.creator,
            adjudicated_from: a.adjudicated_from,
        },
    })
}

/// The part of a prefix after its last repaired character (all of it when
/// the file was not repaired).
fn after_last(prefix: &str, repaired: bool) -> &str {
    match prefix.rfind(REPAIRED).filter(|_| repaired) {
        Some(i) => &prefix[i + REPAIRED.len_utf8()..],
        None => prefix,
    }
}

/// The part of a suffix before its first repaired character.
fn before_first(suffix: &str, repaired: bool) -> &str {
    match suffix.find(REPAIRED).filter(|_| repaired) {
        Some(i) => &suffix[..i],
        None => suffix,
    }
}

/// Why annotation `index`, whose text held half a character, was not
/// placed: what the article has at its offsets, or that they are not in it.
fn cut_not_placed(index: usize, a: &AnnotationV2, text: &Text, hint: Option<TextRange>) -> String {
    let (start, end) = (a.start, a.end);
    let head = format!(
        "Annotation {index} (id \"{}\"): its text “{}” holds half of a character",
        a.id,
        excerpt(&a.exact, 40)
    );
    match hint {
        Some(r) => format!(
            "{head}, and the article has “{}” at {start}–{end}.",
            excerpt(text.slice(r), 40)
        ),
        None => format!(
            "{head}, and its offsets {start}–{end} are not inside the article ({} characters).",
            text.char_len()
        ),
    }
}

/// The relations of a file, checked against `schema` and the annotations
/// (already read: ids unique), and how many were left out because an end
/// is in `not_placed`. O(r + n) with hashing.
pub(crate) fn read_relations(
    schema: &Schema,
    annotations: &[Annotation],
    orphans: &[Orphan],
    not_placed: &HashSet<AnnotationId>,
    relations: Vec<RelationV2>,
) -> Result<ReadRelations, ImportError> {
    let orphan_ids: HashSet<&str> = orphans.iter().map(|o| o.annotation.id.as_str()).collect();
    let tags: HashMap<&str, &TagId> = annotations
        .iter()
        .chain(orphans.iter().map(|o| &o.annotation))
        .map(|a| (a.id.as_str(), &a.tag))
        .collect();
    let mut waiting = Vec::new();
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let mut out = Vec::with_capacity(relations.len());
    let mut n_left_out = 0;
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
        if not_placed.contains(&r.from) || not_placed.contains(&r.to) {
            n_left_out += 1;
            continue;
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
        let relation = Relation {
            id: r.id.clone(),
            kind: r.kind.clone(),
            from: r.from.clone(),
            to: r.to.clone(),
            created: r.created.clone(),
        };
        if orphan_ids.contains(r.from.as_str()) || orphan_ids.contains(r.to.as_str()) {
            waiting.push(relation);
        } else {
            out.push(relation);
        }
    }
    Ok(ReadRelations {
        relations: out,
        waiting,
        n_left_out,
    })
}

/// The relations of a file: those between annotations, those waiting for
/// an orphan end ([`crate::model::reanchor::Carried::relations`]), and how
/// many were left out with an annotation not placed.
pub(crate) struct ReadRelations {
    pub relations: Vec<Relation>,
    pub waiting: Vec<Relation>,
    pub n_left_out: usize,
}
