//! Reading a file, version 1 or 2: every check, and the message a user sees
//! when one fails ([`ImportError`]). Split: the article in `article`,
//! annotations and relations in `annotations`, lone surrogate escapes in
//! `surrogates`, where a syntax error is in `syntax`.

mod annotations;
mod article;
mod error;
mod surrogates;
mod syntax;

pub use error::ImportError;
pub use syntax::{Part, Place};

use super::file::{read_relation, AnnotationRecord, FileIn, RelationRecord};
use super::{sha256_hex, READS};
use crate::model::limits::{self, Exceeded};
use crate::model::reanchor::Carried;
use crate::model::{AnnotationId, Schema, Session};
use annotations::{read_annotation, Read};
pub(crate) use annotations::{read_orphan, read_relations};
use article::read_article;
use std::collections::{HashMap, HashSet};

/// An [`AnnotationRecord`] read with the import's checks against `text`
/// and `schema`; placed by its quote when its offsets do not match it.
/// O(its length) when they match.
///
/// # Errors
/// The sentence that names the first check it fails.
pub fn read_record(
    text: &crate::model::Text,
    schema: &Schema,
    record: AnnotationRecord,
) -> Result<crate::model::Annotation, String> {
    match read_annotation(text, schema, 1, record.0, false) {
        Ok(Read::Placed { annotation, .. }) => Ok(annotation),
        Ok(Read::NotPlaced { why, .. }) => Err(why),
        Err(e) => Err(e.to_string()),
    }
}

/// A [`RelationRecord`] with the checks that need no annotations: an id,
/// a type of `schema`, two different ends. Whether the ends are there and
/// the type allows their tags is for whoever links it to check.
///
/// # Errors
/// The sentence that names the first check it fails.
pub fn read_relation_record(
    schema: &Schema,
    record: RelationRecord,
) -> Result<crate::model::Relation, String> {
    let r = record.0;
    if r.id.as_str().trim().is_empty() {
        return Err("a relation's id is empty".into());
    }
    if schema.relation_type(&r.kind).is_none() {
        return Err(format!(
            "relation {}: its type \"{}\" is not in the tag set",
            r.id, r.kind
        ));
    }
    if r.from == r.to {
        return Err(format!(
            "relation {}: it links an annotation to itself",
            r.id
        ));
    }
    Ok(read_relation(r))
}

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

/// What an import could not keep as it was: from another tool's format
/// (`exchange::open`), or a native file with broken characters (then
/// `format` is `None`); empty for a native file read as it was.
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
    /// Lone surrogate escapes (half of an emoji, cut by a UTF-16 tool)
    /// read as U+FFFD.
    #[serde(default)]
    pub n_repaired: usize,
    /// Annotations whose prefix, suffix or exact held one of them, placed
    /// by the rest and the offsets; the context is rebuilt from the text.
    #[serde(default)]
    pub n_context_rebuilt: usize,
}

impl Imported {
    /// The import, if every annotation of the file was placed (saved work
    /// must come back whole, or be set aside).
    ///
    /// # Errors
    /// [`ImportError::NotPlaced`] naming the first not placed.
    pub fn all_placed(self) -> Result<Self, ImportError> {
        match self.report.not_placed.first() {
            Some(first) => Err(ImportError::NotPlaced {
                first: first.clone(),
                n: self.report.not_placed.len(),
            }),
            None => Ok(self),
        }
    }
}

/// The JSON object of a file, with its BOM, blank files and files over
/// [`limits::MAX_FILE_BYTES`] refused.
pub(super) fn json_object(bytes: &[u8]) -> Result<serde_json::Value, ImportError> {
    limits::check_file_bytes(bytes.len() as u64).map_err(ImportError::Limit)?;
    let s = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_str(s).map_err(|e| ImportError::syntax(s, &e))?;
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
    // Read again from text, not from the value: the page then holds one
    // deserializer per type, not two (about 18 KB gzip). A file that is
    // not UTF-8 (UTF-16) is read from the value written out again.
    let shape = |e: serde_json::Error| ImportError::Shape(e.to_string());
    let file = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(_) => serde_json::from_str(&value.to_string()),
    }
    .map_err(shape)?;
    Ok((file, version))
}

/// Read an annotation file, version 1 (with the default tag set) or 2.
///
/// Each annotation is placed at `start`/`end` when the text there equals
/// `exact`; otherwise by its quote and context (`selector::anchor`). Lone
/// surrogate escapes are read as U+FFFD first; an annotation whose exact
/// held one and does not fit the text at its offsets is listed in the
/// report as not placed (and its relations left out), the rest loads.
/// O(n + r) plus anchoring; the file's bytes are copied only when they
/// held a lone surrogate.
///
/// # Errors
/// The first problem found, in the order `docs/format.md` lists the checks
/// (a file over a [`limits`] first); nothing is partly imported.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    limits::check_file_bytes(bytes.len() as u64).map_err(ImportError::Limit)?;
    let (bytes, n_repaired) = surrogates::repair(bytes);
    let (file, version) = read_file(&bytes)?;
    drop(bytes);
    if file.annotations.n > limits::MAX_ANNOTATIONS {
        return Err(ImportError::Limit(Exceeded::Annotations(
            file.annotations.n,
        )));
    }
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
    let mut report = Report {
        n_repaired,
        ..Report::default()
    };
    let mut first_with_id: HashMap<AnnotationId, usize> = HashMap::new();
    let mut not_placed = HashSet::new();
    let mut annotations = Vec::with_capacity(file.annotations.items.len());
    let mut carried = Carried::default();
    for (i, a) in file.annotations.items.into_iter().enumerate() {
        let read = read_annotation(&article.text, &schema, i + 1, a, n_repaired > 0)?;
        let id = match &read {
            Read::Placed { annotation, .. } => &annotation.id,
            Read::NotPlaced { id, .. } => id,
        };
        if let Some(first) = first_with_id.insert(id.clone(), i + 1) {
            return Err(ImportError::Annotation {
                index: i + 1,
                id: id.clone(),
                problem: format!("annotation {first} has the same id"),
            });
        }
        match read {
            Read::Placed {
                annotation,
                moved,
                rebuilt,
                anchoring,
            } => {
                if let Some(how) = anchoring {
                    carried
                        .placed
                        .insert(annotation.id.clone(), (annotation.range, how));
                }
                n_reanchored += usize::from(moved);
                report.n_context_rebuilt += usize::from(rebuilt);
                annotations.push(annotation);
            }
            Read::NotPlaced { id, why } => {
                report.not_placed.push(why);
                not_placed.insert(id);
            }
        }
    }
    if file.annotations.n + file.orphans.len() > limits::MAX_ANNOTATIONS {
        return Err(ImportError::Limit(Exceeded::Annotations(
            file.annotations.n + file.orphans.len(),
        )));
    }
    for (i, o) in file.orphans.into_iter().enumerate() {
        let orphan = read_orphan(&schema, file.annotations.n + i + 1, o)?;
        if first_with_id
            .insert(orphan.annotation.id.clone(), i + 1)
            .is_some()
        {
            return Err(ImportError::Annotation {
                index: file.annotations.n + i + 1,
                id: orphan.annotation.id,
                problem: "an annotation or orphan before it has the same id".into(),
            });
        }
        carried.orphans.push(orphan);
    }
    let relations = file.relations.unwrap_or_default();
    let read = read_relations(
        &schema,
        &annotations,
        &carried.orphans,
        &not_placed,
        relations,
    )?;
    report.relations_not_kept = read.n_left_out;
    carried.relations = read.waiting;
    let relations = read.relations;
    // Everything the session checks was checked above with a message of
    // its own; should a check still fail, its message is kept.
    let mut session = Session::from_parts(article, schema, annotations, relations)
        .map_err(|p| ImportError::Shape(p.to_string().trim_end_matches('.').to_owned()))?;
    session.set_carried(carried);
    Ok(Imported {
        session,
        n_reanchored,
        version,
        report,
    })
}
