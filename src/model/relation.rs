//! [`Relation`]: a typed, directed link between two annotations, and
//! [`RelationId`], its name.

use super::id::string_id;
use super::{AnnotationId, RelationTypeId};

string_id! {
    /// The stable, unique id of a relation (a UUID when made in the
    /// browser; any non-empty string in a file).
    RelationId
}

/// A link of type `kind` from annotation `from` to annotation `to`
/// ("this quote is said by that source").
///
/// Invariants inside a [`crate::model::Session`]: both ends exist and
/// differ; the schema has the type `kind` and it allows the ends' tags
/// ([`crate::model::RelationType::allows`]); no two relations share
/// (`kind`, `from`, `to`); ids are unique.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub id: RelationId,
    pub kind: RelationTypeId,
    pub from: AnnotationId,
    pub to: AnnotationId,
    /// RFC 3339 timestamp.
    pub created: String,
}

impl Relation {
    /// The end of the relation that is not `id` (`None` when `id` is
    /// neither end).
    pub fn other_end(&self, id: &AnnotationId) -> Option<&AnnotationId> {
        if self.from == *id {
            Some(&self.to)
        } else if self.to == *id {
            Some(&self.from)
        } else {
            None
        }
    }
}
