//! Saving the session in `localStorage` after every change.
//!
//! Layout: `annotator.v1.doc` holds the session as an annotation file (the
//! export format), `annotator.v1.dirty` is `"1"` while there are changes not
//! yet exported. A document that fails to load is moved to
//! `annotator.v1.unreadable` so that it is never overwritten.

use web_sys::Storage;

const DOC_KEY: &str = "annotator.v1.doc";
const DIRTY_KEY: &str = "annotator.v1.dirty";
const UNREADABLE_KEY: &str = "annotator.v1.unreadable";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved document and whether it has unexported changes.
pub fn load() -> Option<(String, bool)> {
    let s = storage()?;
    let doc = s.get_item(DOC_KEY).ok()??;
    let dirty = s.get_item(DIRTY_KEY).ok().flatten().as_deref() == Some("1");
    Some((doc, dirty))
}

/// Save the document.
///
/// # Errors
/// A message when storage is unavailable or full.
pub fn save(doc: &str, dirty: bool) -> Result<(), String> {
    let s = storage().ok_or("This browser does not allow saving (storage is off).")?;
    s.set_item(DOC_KEY, doc)
        .and_then(|()| s.set_item(DIRTY_KEY, if dirty { "1" } else { "0" }))
        .map_err(|_| {
            format!(
                "Could not save in the browser: storage is full ({} KB). Export your annotations now.",
                doc.len() / 1024
            )
        })
}

/// Keep an unreadable saved document aside so it is never overwritten.
pub fn set_aside_unreadable(doc: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(UNREADABLE_KEY, doc);
    }
}
