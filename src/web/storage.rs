//! Saving the session in `localStorage`, one record per annotation, so that a
//! change writes a few hundred bytes however large the session is.
//!
//! Keys (version 2 layout):
//! - `annotator.v2.article`: the `article` object of the file format;
//! - `annotator.v2.ann.<id>`: one annotation (file format, without context);
//! - `annotator.v2.rel.<id>`: one relation;
//! - `annotator.v2.schema`: the tag set (absent in records saved before tag
//!   sets existed: read as the default set);
//! - `annotator.v2.dirty`: `"1"` while there are changes not yet exported;
//! - `annotator.v2.unreadable`: a saved session that failed the import
//!   checks, set aside whole ([`set_aside`]); never cleared by the app.
//!
//! Loading assembles a version 2 file from the records, so it goes through
//! the same checks as an import.

use super::Error;
use crate::model::format::assemble;
use web_sys::Storage;

const PREFIX: &str = "annotator.v2.";
const ARTICLE_KEY: &str = "annotator.v2.article";
const ANNOTATION_PREFIX: &str = "annotator.v2.ann.";
const RELATION_PREFIX: &str = "annotator.v2.rel.";
const SCHEMA_KEY: &str = "annotator.v2.schema";
const DIRTY_KEY: &str = "annotator.v2.dirty";
const UNREADABLE_KEY: &str = "annotator.v2.unreadable";

fn storage() -> Result<Storage, Error> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(Error::NoStorage)
}

fn put_item(s: &Storage, key: &str, value: &str, what: &'static str) -> Result<(), Error> {
    s.set_item(key, value).map_err(|_| Error::StorageFull(what))
}

/// The saved session as a version 1 file, and whether it has unexported
/// changes; `None` when nothing is saved. O(records).
pub fn load() -> Option<(String, bool)> {
    let s = storage().ok()?;
    let article = s.get_item(ARTICLE_KEY).ok()??;
    let schema = s.get_item(SCHEMA_KEY).ok().flatten();
    let (mut annotations, mut relations) = (Vec::new(), Vec::new());
    for i in 0..s.length().unwrap_or(0) {
        if let Some(key) = s.key(i).ok().flatten() {
            if key.starts_with(ANNOTATION_PREFIX) {
                annotations.extend(s.get_item(&key).ok().flatten());
            } else if key.starts_with(RELATION_PREFIX) {
                relations.extend(s.get_item(&key).ok().flatten());
            }
        }
    }
    let dirty = s.get_item(DIRTY_KEY).ok().flatten().as_deref() == Some("1");
    Some((
        assemble(
            &article,
            schema.as_deref(),
            annotations.iter().map(String::as_str),
            relations.iter().map(String::as_str),
        ),
        dirty,
    ))
}

/// Replace everything saved: the article and tag set records, each
/// annotation's and relation's `(id, record)`, and the unexported flag.
///
/// # Errors
/// [`Error::NoStorage`] or [`Error::StorageFull`]; what was written stays.
pub fn save_all(
    article: &str,
    schema: &str,
    annotations: impl Iterator<Item = (String, String)>,
    relations: impl Iterator<Item = (String, String)>,
    unexported: bool,
) -> Result<(), Error> {
    let s = storage()?;
    clear();
    put_item(&s, ARTICLE_KEY, article, "article")?;
    put_item(&s, SCHEMA_KEY, schema, "tag set")?;
    for (id, record) in annotations {
        put_item(
            &s,
            &format!("{ANNOTATION_PREFIX}{id}"),
            &record,
            "annotations",
        )?;
    }
    for (id, record) in relations {
        put_item(&s, &format!("{RELATION_PREFIX}{id}"), &record, "relations")?;
    }
    set_dirty(unexported);
    Ok(())
}

/// Forget the saved session (a session set aside stays).
pub fn clear() {
    let Ok(s) = storage() else {
        return;
    };
    let old: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX) && k != UNREADABLE_KEY)
        .collect();
    for key in old {
        let _ = s.remove_item(&key);
    }
}

/// Save one annotation (new or changed).
///
/// # Errors
/// [`Error::NoStorage`] or [`Error::StorageFull`].
pub fn put(id: &str, record: &str) -> Result<(), Error> {
    put_item(
        &storage()?,
        &format!("{ANNOTATION_PREFIX}{id}"),
        record,
        "annotation",
    )
}

/// Forget one annotation.
pub fn delete(id: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(&format!("{ANNOTATION_PREFIX}{id}"));
    }
}

/// Save one relation (new or changed).
///
/// # Errors
/// [`Error::NoStorage`] or [`Error::StorageFull`].
pub fn put_relation(id: &str, record: &str) -> Result<(), Error> {
    put_item(
        &storage()?,
        &format!("{RELATION_PREFIX}{id}"),
        record,
        "relation",
    )
}

/// Forget one relation.
pub fn delete_relation(id: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(&format!("{RELATION_PREFIX}{id}"));
    }
}

/// Save the tag set.
///
/// # Errors
/// [`Error::NoStorage`] or [`Error::StorageFull`].
pub fn put_schema(record: &str) -> Result<(), Error> {
    put_item(&storage()?, SCHEMA_KEY, record, "tag set")
}

pub fn set_dirty(dirty: bool) {
    if let Ok(s) = storage() {
        let _ = s.set_item(DIRTY_KEY, if dirty { "1" } else { "0" });
    }
}

/// Keep an unreadable saved session (`doc`, as [`load`] assembled it)
/// under its own key, so that saving the next session cannot touch it.
///
/// # Errors
/// When the copy could not be written (most likely: storage is nearly full,
/// and the copy doubles what the session takes). The saved records are then
/// the only copy: the caller must not clear them.
pub fn set_aside(doc: &str) -> Result<(), Error> {
    let s = storage()?;
    put_item(&s, UNREADABLE_KEY, doc, "unreadable saved work")?;
    // Read back: a copy that is not there is no copy.
    match s.get_item(UNREADABLE_KEY) {
        Ok(Some(kept)) if kept == doc => Ok(()),
        _ => Err(Error::StorageFull("unreadable saved work")),
    }
}
