//! CouchDB documents and replies as the replication reads and writes them.

use crate::model::format::{annotation_record, AnnotationRecord};
use crate::model::{Annotation, AnnotationId, Text};
use serde::Deserialize;

/// The id of annotation `id`'s document in the article with text hash `sha`.
pub fn doc_id(sha: &str, id: &AnnotationId) -> String {
    format!("{}{}", prefix(sha), id.as_str())
}

/// What every annotation document id of the article `sha` starts with.
pub fn prefix(sha: &str) -> String {
    format!("a:{sha}:")
}

/// `s` as a JSON string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The document of `a` (`rev`: the revision it replaces, if the server has
/// one), as compact JSON.
pub fn annotation_doc(sha: &str, text: &Text, a: &Annotation, rev: Option<&str>) -> String {
    format!(
        "{{\"_id\":{}{},\"type\":\"annotation\",\"article\":{},\"annotation\":{}}}",
        quoted(&doc_id(sha, &a.id)),
        rev.map(|r| format!(",\"_rev\":{}", quoted(r)))
            .unwrap_or_default(),
        quoted(sha),
        annotation_record(text, a)
    )
}

/// The tombstone that deletes revision `rev` of annotation `id`'s document.
pub fn tombstone(sha: &str, id: &AnnotationId, rev: &str) -> String {
    format!(
        "{{\"_id\":{},\"_rev\":{},\"_deleted\":true}}",
        quoted(&doc_id(sha, id)),
        quoted(rev)
    )
}

/// A document as it comes back (from `_changes` or `_all_docs`).
#[derive(Deserialize)]
pub struct DocIn {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev")]
    pub rev: String,
    #[serde(rename = "_deleted", default)]
    pub deleted: bool,
    #[serde(default)]
    pub annotation: Option<AnnotationRecord>,
}

/// A `_changes` reply (`include_docs=true`).
#[derive(Deserialize)]
pub struct Changes {
    pub results: Vec<ChangeIn>,
    /// A number (PouchDB) or an opaque string (CouchDB 2 and later).
    pub last_seq: serde_json::Value,
}

#[derive(Deserialize)]
pub struct ChangeIn {
    pub id: String,
    #[serde(default)]
    pub doc: Option<DocIn>,
}

/// An `_all_docs` reply (`include_docs=true`).
#[derive(Deserialize)]
pub struct AllDocs {
    pub rows: Vec<Row>,
}

#[derive(Deserialize)]
pub struct Row {
    #[serde(default)]
    pub doc: Option<DocIn>,
}

/// One line of a `_bulk_docs` reply: `rev` when it was written, else
/// `error` (`"conflict"`: the server has a revision this tab has not seen).
#[derive(Deserialize)]
pub struct Written {
    pub id: String,
    #[serde(default)]
    pub rev: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// A database's `GET /<db>` reply: where its changes feed is now.
#[derive(Deserialize)]
pub struct DbInfo {
    pub update_seq: serde_json::Value,
}

/// A sequence for the `since` of a `_changes` request.
pub fn seq_param(seq: &serde_json::Value) -> String {
    match seq {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
