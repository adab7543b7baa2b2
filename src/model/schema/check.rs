//! The checks of a [`super::Schema`] and the words for what breaks one
//! ([`SchemaProblem`]).

use super::palette::rgb;
use super::syntax::{is_id, MAX_ID_LEN};
use super::{FieldDef, FieldKind, RelationType, RelationTypeId, TagDef, TagId};
use crate::model::case::Lowercase;
use std::fmt;

/// Most tags a set holds.
pub const MAX_TAGS: usize = 64;
/// Most fields a tag has.
pub const MAX_FIELDS: usize = 32;
/// Most relation types a set holds.
pub const MAX_RELATION_TYPES: usize = 32;
/// Longest label of a tag, field, option or relation type, in characters.
pub const MAX_LABEL_LEN: usize = 80;

/// Tag ids the app's own highlights use (`ann-focus`, `ann-overlap`, ...),
/// which no tag may take.
pub const RESERVED_TAG_IDS: [&str; 5] = ["focus", "overlap", "related", "selection", "cursor"];

/// What makes a tag set invalid. Tags, fields and relation types count
/// from 1 in list order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemaProblem {
    NoTags,
    TooManyTags,
    TooManyRelationTypes,
    /// Tag `number` (with this id) breaks a rule; `problem` says which.
    Tag {
        number: usize,
        id: TagId,
        problem: String,
    },
    /// Relation type `number` breaks a rule.
    RelationType {
        number: usize,
        id: RelationTypeId,
        problem: String,
    },
}

impl fmt::Display for SchemaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SchemaProblem::NoTags => write!(f, "A tag set needs at least one tag"),
            SchemaProblem::TooManyTags => write!(f, "The tag set has more than {MAX_TAGS} tags"),
            SchemaProblem::TooManyRelationTypes => write!(
                f,
                "The tag set has more than {MAX_RELATION_TYPES} relation types"
            ),
            SchemaProblem::Tag {
                number,
                id,
                problem,
            } => write!(f, "Tag {number} (\"{id}\") {problem}"),
            SchemaProblem::RelationType {
                number,
                id,
                problem,
            } => write!(f, "Relation type {number} (\"{id}\") {problem}"),
        }
    }
}

impl std::error::Error for SchemaProblem {}

fn id_problem(id: &str) -> Option<String> {
    (!is_id(id)).then(|| {
        format!(
            "has the id \"{id}\", which is not allowed: use lower-case letters and digits, \
             words joined by single hyphens, starting with a letter, at most {MAX_ID_LEN} \
             characters"
        )
    })
}

fn label_problem(label: &str) -> Option<String> {
    if label.trim().is_empty() {
        Some("has no label".into())
    } else if label.chars().count() > MAX_LABEL_LEN {
        Some(format!(
            "has a label longer than {MAX_LABEL_LEN} characters"
        ))
    } else {
        None
    }
}

/// The first problem of `tags` and `relations`. O(t² + f²).
pub(super) fn check(tags: &[TagDef], relations: &[RelationType]) -> Result<(), SchemaProblem> {
    if tags.is_empty() {
        return Err(SchemaProblem::NoTags);
    }
    if tags.len() > MAX_TAGS {
        return Err(SchemaProblem::TooManyTags);
    }
    if relations.len() > MAX_RELATION_TYPES {
        return Err(SchemaProblem::TooManyRelationTypes);
    }
    for (i, t) in tags.iter().enumerate() {
        tag_problem(tags, i, t).map_or(Ok(()), |problem| {
            Err(SchemaProblem::Tag {
                number: i + 1,
                id: t.id.clone(),
                problem,
            })
        })?;
    }
    for (i, r) in relations.iter().enumerate() {
        relation_type_problem(tags, relations, i, r).map_or(Ok(()), |problem| {
            Err(SchemaProblem::RelationType {
                number: i + 1,
                id: r.id.clone(),
                problem,
            })
        })?;
    }
    Ok(())
}

/// Why tag `i` of `tags` breaks a rule; earlier tags are not blamed.
fn tag_problem(tags: &[TagDef], i: usize, t: &TagDef) -> Option<String> {
    let earlier = &tags[..i];
    let before = |found: Option<usize>| found.map(|j| (j + 1, &tags[j].id));
    if let Some(p) = id_problem(t.id.as_str()) {
        return Some(p);
    }
    if RESERVED_TAG_IDS.contains(&t.id.as_str()) {
        return Some("has an id the app's own highlights use; choose another".into());
    }
    if let Some((j, _)) = before(earlier.iter().position(|u| u.id == t.id)) {
        return Some(format!("has the same id as tag {j}"));
    }
    if let Some(p) = label_problem(&t.label) {
        return Some(p);
    }
    let same_label = |u: &TagDef| u.label.trim().lowercase() == t.label.trim().lowercase();
    if let Some((j, id)) = before(earlier.iter().position(same_label)) {
        return Some(format!("has the same label as tag {j} (\"{id}\")"));
    }
    if let Some(k) = t.key {
        if !('1'..='9').contains(&k) {
            return Some(format!(
                "has the key \"{k}\", which is not a digit from 1 to 9"
            ));
        }
        if let Some((j, id)) = before(earlier.iter().position(|u| u.key == Some(k))) {
            return Some(format!(
                "has the key {k}, which tag {j} (\"{id}\") has already"
            ));
        }
    }
    if let Some(l) = t.letter {
        if !l.is_ascii_alphabetic() {
            return Some(format!(
                "has the letter \"{l}\", which is not a letter from a to z"
            ));
        }
        let same = |u: &TagDef| u.letter.is_some_and(|m| m.eq_ignore_ascii_case(&l));
        if let Some((j, id)) = before(earlier.iter().position(same)) {
            let l = l.to_ascii_uppercase();
            return Some(format!(
                "has the letter {l}, which tag {j} (\"{id}\") has already"
            ));
        }
    }
    if rgb(&t.color).is_none() {
        return Some(format!(
            "has the colour \"{}\", which is not of the form #rrggbb",
            t.color
        ));
    }
    if t.fields.len() > MAX_FIELDS {
        return Some(format!("has more than {MAX_FIELDS} fields"));
    }
    t.fields.iter().enumerate().find_map(|(k, f)| {
        field_problem(&t.fields[..k], f)
            .map(|p| format!("has a problem in field {} (\"{}\"): it {p}", k + 1, f.id))
    })
}

/// Why field `f` (after `earlier` of its tag) breaks a rule.
fn field_problem(earlier: &[FieldDef], f: &FieldDef) -> Option<String> {
    if let Some(p) = id_problem(f.id.as_str()) {
        return Some(p);
    }
    if let Some(j) = earlier.iter().position(|g| g.id == f.id) {
        return Some(format!("has the same id as field {}", j + 1));
    }
    if let Some(p) = label_problem(&f.label) {
        return Some(p);
    }
    if let FieldKind::Choice { options, ratings } = &f.kind {
        if options.is_empty() {
            return Some("has no options".into());
        }
        for (k, o) in options.iter().enumerate() {
            if o.trim().is_empty() || o.chars().count() > MAX_LABEL_LEN {
                return Some(format!(
                    "has option {} empty or longer than {MAX_LABEL_LEN} characters",
                    k + 1
                ));
            }
            if options[..k].contains(o) {
                return Some(format!("lists the option \"{o}\" twice"));
            }
        }
        if let Some(o) = ratings.keys().find(|o| !options.contains(o)) {
            return Some(format!("rates \"{o}\", which is not one of its options"));
        }
    }
    let default = f.default.as_ref()?;
    f.check(default)
        .err()
        .map(|p| format!("has the default {}, {p}", default.to_json()))
}

/// Why relation type `i` breaks a rule.
fn relation_type_problem(
    tags: &[TagDef],
    relations: &[RelationType],
    i: usize,
    r: &RelationType,
) -> Option<String> {
    if let Some(p) = id_problem(r.id.as_str()) {
        return Some(p);
    }
    if let Some(j) = relations[..i].iter().position(|s| s.id == r.id) {
        return Some(format!("has the same id as relation type {}", j + 1));
    }
    if let Some(p) = label_problem(&r.label) {
        return Some(p);
    }
    if r.inverse_label.chars().count() > MAX_LABEL_LEN {
        return Some(format!(
            "has an inverse label longer than {MAX_LABEL_LEN} characters"
        ));
    }
    for (end, list) in [("from", &r.from), ("to", &r.to)] {
        if list.is_empty() {
            return Some(format!("has no tags in \"{end}\""));
        }
        for (k, t) in list.iter().enumerate() {
            if !tags.iter().any(|u| u.id == *t) {
                return Some(format!("names the unknown tag \"{t}\" in \"{end}\""));
            }
            if list[..k].contains(t) {
                return Some(format!("names the tag \"{t}\" twice in \"{end}\""));
            }
        }
    }
    None
}
