//! [`ImportError`]: why a file could not be imported, in words a user can
//! act on.

use super::syntax::Place;
use crate::model::format::{lower_first, READS};
use crate::model::limits::Exceeded;
use crate::model::{AnnotationId, RelationId, SchemaProblem};
use std::fmt;

/// Why a file could not be imported. Each message names the problem in words
/// a user can act on; numbers of blocks, inline runs, annotations and
/// relations count from 1 in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotUtf8,
    Empty,
    /// JSON syntax error at `place`: `what` is wrong in plain words;
    /// `truncated` when the text ends too early.
    Syntax {
        place: Place,
        what: String,
        truncated: bool,
    },
    /// The file is larger, or holds more annotations, than the
    /// [`crate::model::limits`] allow.
    Limit(Exceeded),
    /// Valid JSON that is not an annotations file.
    Foreign(String),
    UnsupportedVersion(u64),
    /// A field has the wrong shape (message from the JSON reader, or ours).
    Shape(String),
    /// The file's tag set breaks a rule.
    Schema(SchemaProblem),
    ChecksumMismatch,
    /// Block `number` of the article cannot be shown; `problem` says why.
    BadBlock {
        number: usize,
        problem: String,
    },
    /// Inline run `number` of the article cannot be shown; `problem` says why.
    BadInline {
        number: usize,
        problem: String,
    },
    /// Annotation `index` has a problem.
    Annotation {
        index: usize,
        id: AnnotationId,
        problem: String,
    },
    /// Relation `index` has a problem.
    Relation {
        index: usize,
        id: RelationId,
        problem: String,
    },
    /// Annotations could not be placed where every one must be (saved
    /// work): the first one's sentence, and how many.
    NotPlaced {
        first: String,
        n: usize,
    },
}

impl ImportError {
    /// The syntax error `e` of serde_json reading `s` (all of it), placed
    /// in words ([`Place`]). O(position of the error).
    pub fn syntax(s: &str, e: &serde_json::Error) -> Self {
        ImportError::Syntax {
            place: super::syntax::place(s, e.line(), e.column(), e.is_eof()),
            what: super::syntax::plain_words(e),
            truncated: e.is_eof(),
        }
    }

    /// A syntax error of one line read alone, placed at line `line` of its
    /// file (from 1); any other error as it is.
    pub fn on_line(mut self, line: usize) -> Self {
        if let ImportError::Syntax { place, .. } = &mut self {
            place.line = line;
        }
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotUtf8 => write!(
                f,
                "This file is not UTF-8 text, so it cannot be an annotations file."
            ),
            ImportError::Empty => write!(f, "This file is empty."),
            ImportError::Syntax {
                place,
                truncated: true,
                ..
            } => {
                write!(f, "This file ends too early ({place}): it looks truncated")?;
                match &place.excerpt {
                    Some(end) => write!(f, "; it ends with “{end}”."),
                    None => write!(f, "."),
                }
            }
            ImportError::Syntax { place, what, .. } => {
                write!(f, "This file is not valid JSON at {place}: {what}")?;
                match &place.excerpt {
                    Some(near) => write!(f, " (near “{near}”)."),
                    None => write!(f, "."),
                }
            }
            ImportError::Limit(e @ Exceeded::Annotations(_)) => {
                write!(f, "This file has too many annotations: {e}.")
            }
            ImportError::Limit(e) => write!(f, "This file is too large: {e}."),
            ImportError::Foreign(what) => write!(f, "This is not an annotations file: {what}."),
            ImportError::UnsupportedVersion(v) => write!(
                f,
                "This file has version {v}; this app reads versions {} and {}.",
                READS[0], READS[1]
            ),
            ImportError::Shape(msg) => write!(f, "This file is malformed: {msg}."),
            ImportError::Schema(p) => write!(
                f,
                "The tag set in this file is not valid: {}.",
                lower_first(&p.to_string())
            ),
            ImportError::ChecksumMismatch => write!(
                f,
                "The article text does not match its sha256: the file was changed after export."
            ),
            ImportError::BadBlock { number, problem } => {
                write!(f, "Block {number} of the article {problem}.")
            }
            ImportError::BadInline { number, problem } => {
                write!(f, "Inline run {number} of the article {problem}.")
            }
            ImportError::Annotation { index, id, problem } => {
                write!(f, "Annotation {index} (id \"{id}\"): {problem}.")
            }
            ImportError::Relation { index, id, problem } => {
                write!(f, "Relation {index} (id \"{id}\"): {problem}.")
            }
            ImportError::NotPlaced { first, n: 1 } => {
                write!(f, "An annotation could not be placed: {first}")
            }
            ImportError::NotPlaced { first, n } => {
                write!(f, "{n} annotations could not be placed, the first: {first}")
            }
        }
    }
}

impl std::error::Error for ImportError {}
