//! Reading a file, version 1 or 2: every check, and the message a user sees
//! when one fails. Split: the article in `article`, annotations and
//! relations in `annotations`.

mod annotations;
mod article;

use super::file::FileIn;
use super::{lower_first, sha256_hex, READS};
use crate::model::{AnnotationId, RelationId, Schema, SchemaProblem, Session};
use annotations::{read_annotation, read_relations};
use article::read_article;
use std::collections::HashMap;
use std::fmt;

/// An import that succeeded.
#[derive(Clone, Debug)]
pub struct Imported {
    pub session: Session,
    /// Annotations whose `start`/`end` did not match `exact` and that were
    /// placed by their quote instead.
    pub n_reanchored: usize,
    /// The file's version (1: read with the default tag set).
    pub version: u32,
    /// What an import from another tool's format could not keep as it was.
    pub report: Report,
}

/// What an import from another tool's format (`exchange::open`) could not
/// keep as it was; empty for a native file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// The format read, `None` for a native file.
    pub format: Option<crate::model::exchange::Format>,
    /// The annotations were placed on the article already open (the file
    /// holds no text, or the same text), which keeps its layout.
    pub onto_current: bool,
    /// One sentence per annotation that could not be placed, in file order.
    pub not_placed: Vec<String>,
    /// Relations left out: an end not placed, or not allowed by its type.
    pub relations_not_kept: usize,
    /// Field values left out: no such field on the tag, or a value that
    /// does not fit it.
    pub fields_not_kept: usize,
    /// Labels added to the tag set as new tags or relation types.
    pub new_tags: Vec<String>,
    /// Anything else the user should know (documents of a file not read).
    pub notes: Vec<String>,
}

/// Why a file could not be imported. Each message names the problem in words
/// a user can act on; numbers of blocks, inline runs, annotations and
/// relations count from 1 in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotUtf8,
    Empty,
    /// JSON syntax error; `truncated` when the text ends too early.
    Syntax {
        line: usize,
        column: usize,
        truncated: bool,
    },
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
                line,
                column,
                truncated: true,
            } => write!(
                f,
                "This file ends too early (line {line}, column {column}): it looks truncated."
            ),
            ImportError::Syntax { line, column, .. } => {
                write!(
                    f,
                    "This file is not valid JSON: error at line {line}, column {column}."
                )
            }
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
        }
    }
}

impl std::error::Error for ImportError {}

/// The JSON object of a file, with its BOM and blank files refused.
pub(super) fn json_object(bytes: &[u8]) -> Result<serde_json::Value, ImportError> {
    let s = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(s).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })?;
    if !value.is_object() {
        return Err(ImportError::Foreign("it holds no JSON object".into()));
    }
    Ok(value)
}

/// The version of an annotations file object.
pub(super) fn version_of(value: &serde_json::Value) -> Result<u32, ImportError> {
    let version = value
        .get("version")
        .ok_or_else(|| ImportError::Foreign("it has no \"version\" field".into()))?;
    match version.as_u64() {
        Some(v) => READS
            .into_iter()
            .find(|r| u64::from(*r) == v)
            .ok_or(ImportError::UnsupportedVersion(v)),
        None => Err(ImportError::Foreign("\"version\" is not a number".into())),
    }
}

/// The checked tag set of a file object of `version`: the default for
/// version 1 and when a version 2 file has none.
pub(super) fn schema_of(
    version: u32,
    parts: Option<crate::model::SchemaParts>,
) -> Result<Schema, ImportError> {
    match parts {
        Some(_) if version == 1 => Err(ImportError::Shape(
            "a version 1 file has no \"schema\"; write version 2".into(),
        )),
        Some(p) => Schema::new(p.tags, p.relations).map_err(ImportError::Schema),
        None => Ok(Schema::default()),
    }
}

/// The file's serde form and its version. A well-formed file is read
/// straight into its types; any other is read as a JSON value first, so
/// that the problem is named in the order the checks go (a JSON value of
/// a large file costs as much again to build and to drop).
fn read_file(bytes: &[u8]) -> Result<(FileIn, u32), ImportError> {
    let fast = std::str::from_utf8(bytes)
        .ok()
        .map(|s| s.strip_prefix('\u{feff}').unwrap_or(s))
        .and_then(|s| serde_json::from_str::<FileIn>(s).ok())
        .filter(|f| READS.contains(&f.version));
    if let Some(file) = fast {
        let version = file.version;
        return Ok((file, version));
    }
    let value = json_object(bytes)?;
    let version = version_of(&value)?;
    if value.get("article").is_none() || value.get("annotations").is_none() {
        return Err(ImportError::Foreign(
            "it needs both \"article\" and \"annotations\"".into(),
        ));
    }
    let file = serde_json::from_value(value).map_err(|e| ImportError::Shape(e.to_string()))?;
    Ok((file, version))
}

/// Read an annotation file, version 1 (with the default tag set) or 2.
///
/// Each annotation is placed at `start`/`end` when the text there equals
/// `exact`; otherwise by its quote and context (`selector::anchor`).
/// O(n + r) plus anchoring.
///
/// # Errors
/// The first problem found, in the order `docs/format.md` lists the checks;
/// nothing is partly imported.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (file, version) = read_file(bytes)?;
    let schema = schema_of(version, file.schema)?;
    if version == 1 && file.relations.is_some() {
        return Err(ImportError::Shape(
            "a version 1 file has no \"relations\"; write version 2".into(),
        ));
    }
    if let Some(hash) = &file.article.sha256 {
        if !hash.eq_ignore_ascii_case(&sha256_hex(&file.article.text)) {
            return Err(ImportError::ChecksumMismatch);
        }
    }
    let article = read_article(file.article)?;
    let mut n_reanchored = 0;
    let mut first_with_id: HashMap<AnnotationId, usize> = HashMap::new();
    let annotations = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let (annotation, moved) = read_annotation(&article.text, &schema, i + 1, a)?;
            if let Some(first) = first_with_id.insert(annotation.id.clone(), i + 1) {
                return Err(ImportError::Annotation {
                    index: i + 1,
                    id: annotation.id,
                    problem: format!("annotation {first} has the same id"),
                });
            }
            n_reanchored += usize::from(moved);
            Ok(annotation)
        })
        .collect::<Result<Vec<_>, ImportError>>()?;
    let relations = read_relations(&schema, &annotations, file.relations.unwrap_or_default())?;
    // Everything the session checks was checked above with a message of
    // its own; should a check still fail, its message is kept.
    let session = Session::from_parts(article, schema, annotations, relations)
        .map_err(|p| ImportError::Shape(p.to_string().trim_end_matches('.').to_owned()))?;
    Ok(Imported {
        session,
        n_reanchored,
        version,
        report: Report::default(),
    })
}
