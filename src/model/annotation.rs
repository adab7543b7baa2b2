//! [`Annotation`]: one tagged span, and [`AnnotationId`], its name.

use super::id::string_id;
use super::{CharOffset, FieldId, FieldValue, TagId, TextRange};
use std::collections::BTreeMap;

string_id! {
    /// The stable, unique id of an annotation (a UUID when made in the
    /// browser; any non-empty string in a file).
    AnnotationId
}

/// An annotation's field values by field id, in id order. Which fields an
/// annotation may have, and of which type, its tag's definition says
/// ([`crate::model::TagDef::fields`]); a field that is absent is unset.
pub type Fields = BTreeMap<FieldId, FieldValue>;

/// One tagged span of the article. The quoted text, prefix and suffix are not
/// stored: they derive from the article text and `range` when exported.
///
/// Invariant inside a [`crate::model::Session`]: `tag` is a tag of the
/// session's schema, and every entry of `fields` is a field of that tag
/// whose value matches the field's type
/// ([`crate::model::FieldDef::check`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: AnnotationId,
    pub tag: TagId,
    /// Code points into the article's canonical text; never empty.
    pub range: TextRange,
    /// Free text; empty when there is none.
    pub note: String,
    /// Set fields; empty when none is set.
    pub fields: Fields,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
    /// Who made it: the annotator name set in the app when it was made (at
    /// most [`crate::model::limits::MAX_CREATOR_CHARS`]); empty when unknown.
    pub creator: String,
    /// The annotators whose spans a gold file's annotation was taken from
    /// when disagreements were adjudicated (at most
    /// [`crate::model::limits::MAX_ADJUDICATED_FROM`] names, each a
    /// `creator`); empty for any other annotation.
    pub adjudicated_from: Vec<String>,
}

impl Annotation {
    /// Reading order: by start, then end, then id (so the order is total).
    pub fn reading_key(&self) -> (CharOffset, CharOffset, &str) {
        (self.range.start(), self.range.end(), self.id.as_str())
    }
}
