//! [`Problem`]: why a command or a set of annotations was refused, in words
//! for the user. The session is unchanged.

use super::limits::Exceeded;
use super::{
    AnnotationId, FieldProblem, RelationId, RelationTypeId, SchemaProblem, TagId, TextRange,
};
use crate::model::case::Lowercase;
use std::fmt;

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
    /// The tag set has no tag with this id.
    UnknownTag(TagId),
    /// A field value does not fit: field `field` (its label, or its id when
    /// the tag has no such field) would be `value` (as JSON).
    Field {
        field: String,
        value: String,
        problem: FieldProblem,
    },
    NoSuchRelation(RelationId),
    DuplicateRelationId(RelationId),
    UnknownRelationType(RelationTypeId),
    /// The relation type (its label) does not join these tags (labels);
    /// it goes from one of `allowed_from` to one of `allowed_to`.
    RelationNotAllowed {
        relation: String,
        from: String,
        to: String,
        allowed_from: Vec<String>,
        allowed_to: Vec<String>,
    },
    /// Both ends are the same annotation.
    SelfRelation,
    /// The two annotations are linked by this relation type (label) already.
    DuplicateRelation(String),
    /// The schema an edit would make is not valid.
    Schema(SchemaProblem),
    /// A removed tag's annotations cannot be moved to the tag itself.
    RetagToRemovedTag,
    /// `index` is not a position among `n_tags` tags.
    NoSuchPosition {
        index: usize,
        n_tags: usize,
    },
    /// A changed field no longer takes the value `n` annotations of the tag
    /// have (labels; `example` is one such value, as JSON).
    ValuesDoNotFit {
        tag: String,
        field: String,
        n: usize,
        example: String,
    },
    /// A changed relation type no longer allows `n` of its relations.
    RelationsDoNotFit {
        relation: String,
        n: usize,
    },
    /// A whole tag set does not fit the annotations; `why` names the first
    /// misfit.
    SchemaDoesNotFit(String),
    /// A note longer than [`crate::model::limits::MAX_NOTE_CHARS`].
    NoteTooLong(Exceeded),
    /// An annotator name longer than [`crate::model::limits::MAX_CREATOR_CHARS`].
    CreatorTooLong(Exceeded),
    /// A kept undo step does not replay on the session (storage edited or
    /// damaged).
    StepDoesNotFit,
}

/// `"a quote or claim"`: labels in lower case, joined by "or".
fn any_of(labels: &[String]) -> String {
    let lower: Vec<String> = labels.iter().map(|l| l.lowercase()).collect();
    format!("a {}", lower.join(" or "))
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
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
            Problem::UnknownTag(id) => write!(f, "The tag set has no tag \"{id}\"."),
            Problem::Field {
                field,
                value,
                problem,
            } => write!(
                f,
                "The field \"{field}\" is {}, {problem}.",
                super::format::json_excerpt(value, 60)
            ),
            Problem::NoSuchRelation(id) => write!(f, "No relation has id {id}."),
            Problem::DuplicateRelationId(id) => {
                write!(f, "A relation with id {id} exists already.")
            }
            Problem::UnknownRelationType(id) => {
                write!(f, "The tag set has no relation type \"{id}\".")
            }
            Problem::RelationNotAllowed {
                relation,
                from,
                to,
                allowed_from,
                allowed_to,
            } => write!(
                f,
                "\"{relation}\" links {} to {}, not {} to {}.",
                any_of(allowed_from),
                any_of(allowed_to),
                any_of(std::slice::from_ref(from)),
                any_of(std::slice::from_ref(to)),
            ),
            Problem::SelfRelation => write!(f, "An annotation cannot be linked to itself."),
            Problem::DuplicateRelation(relation) => {
                write!(f, "These annotations are linked by \"{relation}\" already.")
            }
            Problem::Schema(p) => write!(f, "{p}."),
            Problem::RetagToRemovedTag => write!(
                f,
                "Choose another tag for the annotations of the tag being removed."
            ),
            Problem::NoSuchPosition { index, n_tags } => write!(
                f,
                "A tag cannot move to position {} of {n_tags}.",
                index + 1
            ),
            Problem::ValuesDoNotFit {
                tag,
                field,
                n,
                example,
            } => write!(
                f,
                "The changed field \"{field}\" does not take what {} {} (for example \
                 {example}); change those first.",
                plural(*n, &tag.lowercase()),
                if *n == 1 { "holds" } else { "hold" },
            ),
            Problem::RelationsDoNotFit { relation, n } => write!(
                f,
                "The changed relation type \"{relation}\" would not allow {} it has; remove \
                 those first.",
                plural(*n, "relation")
            ),
            Problem::SchemaDoesNotFit(why) => {
                write!(f, "This tag set does not fit the annotations: {why}.")
            }
            Problem::NoteTooLong(e) => write!(f, "This note is too long: {e}."),
            Problem::CreatorTooLong(e) => write!(f, "This annotator name is too long: {e}."),
            Problem::StepDoesNotFit => {
                f.write_str("A step of the saved undo history does not fit the annotations.")
            }
        }
    }
}

impl std::error::Error for Problem {}
