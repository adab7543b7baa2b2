//! CouchDB documents and replies as the replication reads and writes them.

use super::record::{Key, Record};
use crate::model::format::{annotation_record, relation_record, AnnotationRecord, RelationRecord};
use crate::model::Text;
use serde::Deserialize;

/// What the ids of article `sha`'s annotation documents start with, and
/// of its relation documents (see [`Key::doc_id`]).
pub fn prefixes(sha: &str) -> [String; 2] {
    [format!("a:{sha}:"), format!("r:{sha}:")]
}

/// `s` as a JSON string.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// The document of `record` (`rev`: the revision it replaces, if the
/// server has one), as compact JSON: the library's record of it under
/// `annotation` or `relation`.
pub fn record_doc(sha: &str, text: &Text, record: &Record, rev: Option<&str>) -> String {
    let (kind, body) = match record {
        Record::Annotation(a) => ("annotation", annotation_record(text, a)),
        Record::Relation(r) => ("relation", relation_record(r)),
    };
    format!(
        "{{\"_id\":{}{},\"type\":\"{kind}\",\"article\":{},\"{kind}\":{body}}}",
        quoted(&record.key().doc_id(sha)),
        rev.map(|r| format!(",\"_rev\":{}", quoted(r)))
            .unwrap_or_default(),
        quoted(sha),
    )
}

/// The id of the document that lists article `sha` (title, source, length).
pub fn article_id(sha: &str) -> String {
    format!("article:{sha}")
}

/// The id of the document that holds article `sha` as a native file.
pub fn file_id(sha: &str) -> String {
    format!("file:{sha}")
}

/// A `_bulk_docs` body that adds article `sha` to the database: a small
/// document that lists it and one that holds `file`, the article and its
/// tag set as a native file without annotations (those are documents of
/// their own). Both new: a server that has them refuses them as
/// conflicts, which changes nothing.
pub fn article_docs(sha: &str, title: &str, source: &str, chars: usize, file: &str) -> String {
    format!(
        "{{\"docs\":[{{\"_id\":{},\"type\":\"article\",\"title\":{},\"source\":{},\"chars\":{chars}}},{{\"_id\":{},\"type\":\"file\",\"file\":{}}}]}}",
        quoted(&article_id(sha)),
        quoted(title),
        quoted(source),
        quoted(&file_id(sha)),
        quoted(file)
    )
}

/// An article the database holds, as its listing document says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub sha: String,
    pub title: String,
    pub source: String,
    pub chars: usize,
}

/// The articles of an `_all_docs` reply over the `article:` ids
/// (`include_docs=true`), in the reply's order (by SHA-256).
///
/// # Errors
/// A reply that is not what CouchDB sends.
pub fn listed(reply: &str) -> Result<Vec<Listed>, String> {
    let reply = self::reply(reply)?;
    let docs = reply.rows.into_iter().filter_map(|r| r.doc);
    let listed = docs.filter_map(|d| {
        let sha = d.id.strip_prefix("article:")?.to_owned();
        Some(Listed {
            sha,
            title: d.title,
            source: d.source,
            chars: d.chars,
        })
    });
    Ok(listed.collect())
}

/// The tombstone that deletes revision `rev` of `key`'s document.
pub fn tombstone(sha: &str, key: &Key, rev: &str) -> String {
    format!(
        "{{\"_id\":{},\"_rev\":{},\"_deleted\":true}}",
        quoted(&key.doc_id(sha)),
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
    #[serde(default)]
    pub relation: Option<RelationRecord>,
    /// An article document's title, source and length in code points.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub chars: usize,
}

/// Any object the server answers with that the replication reads: the
/// keys of `_changes` (`results`, `last_seq`), `_all_docs` (`rows`),
/// `GET <db>` (`update_seq`), `GET _session` (`userCtx`) and of an error
/// (`error`, `reason`). One type (and [`Item`] for the elements), so the
/// page holds one deserializer for them all.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Reply {
    pub results: Vec<Item>,
    pub rows: Vec<Item>,
    /// A number (PouchDB) or an opaque string (CouchDB 2 and later).
    pub last_seq: serde_json::Value,
    pub update_seq: serde_json::Value,
    #[serde(rename = "userCtx")]
    pub user_ctx: Option<UserCtx>,
    pub error: String,
    pub reason: String,
    /// A `file:` document's native file (see [`article_docs`]).
    pub file: String,
}

/// An element of `results` or `rows`, or of a `_bulk_docs` reply (an
/// array): `rev` when it was written, else `error` (`"conflict"`: the
/// server has a revision this tab has not seen) and `reason`.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Item {
    pub id: String,
    pub doc: Option<DocIn>,
    pub rev: Option<String>,
    pub error: Option<String>,
    pub reason: Option<String>,
}

/// Who a `_session` cookie signs in (`None`: nobody).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserCtx {
    pub name: Option<String>,
}

/// `s` read as a [`Reply`].
///
/// # Errors
/// Not such an object: serde_json's words.
pub fn reply(s: &str) -> Result<Reply, String> {
    serde_json::from_str(s).map_err(|e| e.to_string())
}

/// `s` read as a `_bulk_docs` reply.
///
/// # Errors
/// Not such an array: serde_json's words.
pub fn written(s: &str) -> Result<Vec<Item>, String> {
    serde_json::from_str(s).map_err(|e| e.to_string())
}

/// A sequence for the `since` of a `_changes` request.
pub fn seq_param(seq: &serde_json::Value) -> String {
    match seq {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
