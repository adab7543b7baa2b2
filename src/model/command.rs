//! What the user asks of a [`super::Session`] ([`Command`]). Why one can be
//! refused is in [`super::Problem`], what one changed in [`super::Change`].

use super::{
    Annotation, AnnotationId, FieldId, FieldValue, Fields, Relation, RelationId, RelationType,
    RelationTypeId, Schema, TagDef, TagId, TextRange,
};

/// A change the user asks for. Timestamps (RFC 3339) and ids come from the
/// caller so that the model stays deterministic. Each applied command is
/// one undo step, however many annotations and relations it touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Add a new annotation (its range is trimmed and clipped). Its tag
    /// must be in the schema and its fields must fit the tag's.
    Tag(Annotation),
    /// Change the tag of annotation `id`. Fields the new tag lacks, or
    /// whose value its field of the same id does not take, are dropped;
    /// so are relations the new tag may not take part in (same step).
    Retag {
        id: AnnotationId,
        tag: TagId,
        at: String,
    },
    /// Replace the note of annotation `id`.
    Note {
        id: AnnotationId,
        note: String,
        at: String,
    },
    /// Set tag, note and all fields of annotation `id` at once (the
    /// chooser, editing). `fields` must fit `tag`; relations the new tag
    /// may not take part in are dropped.
    Edit {
        id: AnnotationId,
        tag: TagId,
        note: String,
        fields: Fields,
        at: String,
    },
    /// Set field `field` of annotation `id` to `value`, or clear it
    /// (`None`). The value must fit the field.
    SetField {
        id: AnnotationId,
        field: FieldId,
        value: Option<FieldValue>,
        at: String,
    },
    /// Move the span of annotation `id` (the new range is trimmed and clipped).
    Resize {
        id: AnnotationId,
        range: TextRange,
        at: String,
    },
    /// Delete annotation `id` and its relations.
    Remove { id: AnnotationId },
    /// Delete the annotations `remove` (with their relations) and add
    /// `add` as they are (ranges neither trimmed nor clipped), as one step:
    /// an adjudication decision. Each added one must have a new id, a
    /// non-empty range inside the text, a tag of the set and fields that
    /// fit it.
    Replace {
        remove: Vec<AnnotationId>,
        add: Vec<Annotation>,
    },
    /// Teammates' changes from a shared database, as one step: each of
    /// `put` replaces the annotation with its id (relations its tag may no
    /// longer take part in are dropped) or is added, as it is (see
    /// [`Command::Replace`] for what an added one must be); each of
    /// `remove` that is here goes, with its relations; so does each
    /// relation of `unlink` that is here; each of `link` is added, checked
    /// against what the rest leaves (see [`Relation`]).
    Merge {
        put: Vec<Annotation>,
        remove: Vec<AnnotationId>,
        link: Vec<Relation>,
        unlink: Vec<RelationId>,
    },
    /// Add a relation (see [`Relation`] for what must hold).
    Link(Relation),
    /// Delete relation `id`.
    Unlink { id: RelationId },
    /// Add a tag at the end of the set.
    AddTag(TagDef),
    /// Replace the definition of the tag with `tag.id` (label, keys,
    /// colour, cue, fields). Values of fields it no longer has are dropped
    /// (stamped `at`); a value a changed field no longer takes refuses it.
    UpdateTag { tag: TagDef, at: String },
    /// Move tag `id` to position `index` of the set (from 0).
    MoveTag { id: TagId, index: usize },
    /// Remove tag `id`; its annotations are retagged or deleted as `then`
    /// says, and relation types lose it (one whose start or end is left
    /// without tags goes, with its relations).
    RemoveTag {
        id: TagId,
        then: Disposal,
        at: String,
    },
    /// Add a relation type at the end of the set.
    AddRelationType(RelationType),
    /// Replace the relation type with this id; refused when relations of
    /// it would no longer be allowed.
    UpdateRelationType(RelationType),
    /// Remove relation type `id` and its relations.
    RemoveRelationType { id: RelationTypeId },
    /// Replace the whole tag set (a tag set file); refused unless every
    /// annotation and relation fits it.
    UseSchema(Schema),
}

/// What becomes of the annotations of a tag that is removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disposal {
    /// They take this tag (as [`Command::Retag`] does: fields and relations
    /// it does not allow are dropped).
    Retag(TagId),
    /// They are deleted, with their relations.
    Delete,
}
