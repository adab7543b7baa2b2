//! Saving the session in `localStorage`, one record per annotation, so that a
//! change writes a few hundred bytes however large the session is.
//!
//! Keys (version 2 layout):
//! - `annotator.v2.article`: the `article` object of the file format;
//! - `annotator.v2.ann.<id>`: one annotation (file format, without context);
//! - `annotator.v2.dirty`: `"1"` while there are changes not yet exported.
//!
//! Loading assembles a version 1 file from the records, so it goes through
//! the same checks as an import. A saved session that fails them is copied
//! to `annotator.v2.unreadable` and never overwritten by accident.

use crate::model::format::assemble;
use web_sys::Storage;

const PREFIX: &str = "annotator.v2.";
const ARTICLE_KEY: &str = "annotator.v2.article";
const ANNOTATION_PREFIX: &str = "annotator.v2.ann.";
const DIRTY_KEY: &str = "annotator.v2.dirty";
const UNREADABLE_KEY: &str = "annotator.v2.unreadable";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn full(e: &str) -> String {
    format!("Could not save in the browser ({e}): storage is full or turned off. Export your annotations now.")
}

/// The saved session as a version 1 file, and whether it has unexported changes.
pub fn load() -> Option<(String, bool)> {
    let s = storage()?;
    let article = s.get_item(ARTICLE_KEY).ok()??;
    let mut records = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Some(key) = s.key(i).ok().flatten() {
            if key.starts_with(ANNOTATION_PREFIX) {
                records.extend(s.get_item(&key).ok().flatten());
            }
        }
    }
    let dirty = s.get_item(DIRTY_KEY).ok().flatten().as_deref() == Some("1");
    Some((
        assemble(&article, records.iter().map(String::as_str)),
        dirty,
    ))
}

/// Replace everything saved with `article` and `annotations` (`(id, record)`).
///
/// # Errors
/// A message for the user when storage is full or off.
pub fn save_all<'a>(
    article: &str,
    annotations: impl Iterator<Item = (&'a str, String)>,
) -> Result<(), String> {
    let s = storage().ok_or_else(|| full("no storage"))?;
    clear();
    s.set_item(ARTICLE_KEY, article)
        .map_err(|_| full("article"))?;
    for (id, record) in annotations {
        s.set_item(&format!("{ANNOTATION_PREFIX}{id}"), &record)
            .map_err(|_| full("annotations"))?;
    }
    Ok(())
}

/// Forget the saved session (an unreadable one set aside stays).
pub fn clear() {
    let Some(s) = storage() else {
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
/// A message for the user when storage is full or off.
pub fn put(id: &str, record: &str) -> Result<(), String> {
    let s = storage().ok_or_else(|| full("no storage"))?;
    s.set_item(&format!("{ANNOTATION_PREFIX}{id}"), record)
        .map_err(|_| full("annotation"))
}

/// Forget one annotation.
pub fn delete(id: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{ANNOTATION_PREFIX}{id}"));
    }
}

pub fn set_dirty(dirty: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(DIRTY_KEY, if dirty { "1" } else { "0" });
    }
}

/// Keep an unreadable saved session aside so it is never overwritten.
pub fn set_aside_unreadable(doc: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(UNREADABLE_KEY, doc);
    }
}
