//! What the user asks of a [`super::Session`] ([`Command`]), why it can be
//! refused ([`Problem`]) and what it changed ([`Change`]).

use super::{Annotation, AnnotationId, Tag, TextRange};
use std::fmt;

/// A change the user asks for. Timestamps (RFC 3339) and ids come from the
/// caller so that the model stays deterministic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Add a new annotation (its range is trimmed and clipped).
    Tag(Annotation),
    /// Change the tag of annotation `id`.
    Retag {
        id: AnnotationId,
        tag: Tag,
        at: String,
    },
    /// Replace the note of annotation `id`.
    Note {
        id: AnnotationId,
        note: String,
        at: String,
    },
    /// Set both tag and note of annotation `id` (one undo step).
    Edit {
        id: AnnotationId,
        tag: Tag,
        note: String,
        at: String,
    },
    /// Move the span of annotation `id` (the new range is trimmed and clipped).
    Resize {
        id: AnnotationId,
        range: TextRange,
        at: String,
    },
    /// Delete annotation `id`.
    Remove { id: AnnotationId },
}

/// Why a command or a set of annotations was refused. The session is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The span is empty after trimming white space and clipping to the text.
    EmptySpan,
    /// Annotation `id` ends past the end of the text, which is `text_len`
    /// code points long.
    OutsideText {
        id: AnnotationId,
        range: TextRange,
        text_len: usize,
    },
    /// No annotation has this id.
    NoSuchAnnotation(AnnotationId),
    /// An annotation with this id exists already.
    DuplicateId(AnnotationId),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::EmptySpan => write!(f, "Select some text in the article first."),
            Problem::OutsideText {
                id,
                range,
                text_len,
            } => write!(
                f,
                "Annotation {id} spans characters {range}, past the end of the text \
                 ({text_len} characters)."
            ),
            Problem::NoSuchAnnotation(id) => write!(f, "No annotation has id {id}."),
            Problem::DuplicateId(id) => write!(f, "An annotation with id {id} exists already."),
        }
    }
}

impl std::error::Error for Problem {}

/// What an applied command, undo or redo changed, for repainting and for
/// announcing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added(Annotation),
    /// `before.id == after.id`: an update never changes the id.
    Updated {
        before: Annotation,
        after: Annotation,
    },
    Removed(Annotation),
}

impl Change {
    /// The id of the annotation that changed.
    pub fn id(&self) -> &AnnotationId {
        match self {
            Change::Added(a) | Change::Removed(a) | Change::Updated { after: a, .. } => &a.id,
        }
    }
}
