//! The browser's small key-value stores: the version 2 `localStorage`
//! records of the app before the library (read once, to move them in;
//! see `docs/format.md` "Storage"), and the tab's own `sessionStorage`
//! note of the library article it shows (so a reload shows it again,
//! whatever other tabs opened meanwhile), and the annotator name
//! (`localStorage` `annotator.name`), and the database the Sync dialog
//! connected to (`annotator.sync`: address, database and name, never a
//! password).
//!
//! Version 2 keys: `annotator.v2.article`, `annotator.v2.ann.<id>`,
//! `annotator.v2.rel.<id>`, `annotator.v2.schema`, `annotator.v2.dirty`,
//! and `annotator.v2.unreadable` (work set aside before the library;
//! never written nor removed by this version).

use crate::model::library::migrate::V2Records;
use crate::model::library::LibraryKey;
use crate::model::sync::Kept;
use web_sys::Storage;

const PREFIX: &str = "annotator.v2.";
const ARTICLE_KEY: &str = "annotator.v2.article";
const ANNOTATION_PREFIX: &str = "annotator.v2.ann.";
const RELATION_PREFIX: &str = "annotator.v2.rel.";
const SCHEMA_KEY: &str = "annotator.v2.schema";
const DIRTY_KEY: &str = "annotator.v2.dirty";
/// Work the previous version set aside; read, never touched.
pub const UNREADABLE_KEY: &str = "annotator.v2.unreadable";
/// `sessionStorage`: the library article this tab shows.
const OPEN_KEY: &str = "annotator.open";
/// `localStorage`: the annotator name, for every tab.
const NAME_KEY: &str = "annotator.name";
/// `localStorage`: the database this browser syncs with (never a password).
const SYNC_KEY: &str = "annotator.sync";
/// `localStorage`: per database and article, where its changes feed was
/// read to and the annotations changed here and not yet agreed.
const SYNC_KEPT_PREFIX: &str = "annotator.sync.kept.";

fn local() -> Option<Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn session() -> Option<Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The version 2 records, if `localStorage` holds an article. O(records).
pub fn load_v2() -> Option<V2Records> {
    let s = local()?;
    let article = s.get_item(ARTICLE_KEY).ok()??;
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
    Some(V2Records {
        article,
        schema: s.get_item(SCHEMA_KEY).ok().flatten(),
        annotations,
        relations,
        dirty: s.get_item(DIRTY_KEY).ok().flatten().as_deref() == Some("1"),
    })
}

/// Remove the version 2 records, once the library holds them (or a copy
/// set aside there); [`UNREADABLE_KEY`] stays.
pub fn clear_v2() {
    let Some(s) = local() else { return };
    let old: Vec<String> = (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(PREFIX) && k != UNREADABLE_KEY)
        .collect();
    for key in old {
        let _ = s.remove_item(&key);
    }
}

/// The work the previous version set aside, if any.
pub fn unreadable_v2() -> Option<String> {
    local()?.get_item(UNREADABLE_KEY).ok()?
}

/// The library article this tab showed last (survives a reload, not the tab).
pub fn open_here() -> Option<LibraryKey> {
    session()?.get_item(OPEN_KEY).ok()?.map(LibraryKey::new)
}

/// Note that this tab shows library article `key`.
pub fn set_open_here(key: &LibraryKey) {
    if let Some(s) = session() {
        let _ = s.set_item(OPEN_KEY, key.as_str());
    }
}

/// The annotator name set in this browser; empty when none (or storage is
/// unavailable).
pub fn annotator_name() -> String {
    local()
        .and_then(|s| s.get_item(NAME_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Keep `name` as the annotator name (removed when empty); a failure
/// (storage unavailable or full) leaves the name for this tab only.
pub fn set_annotator_name(name: &str) {
    if let Some(s) = local() {
        let _ = if name.is_empty() {
            s.remove_item(NAME_KEY)
        } else {
            s.set_item(NAME_KEY, name)
        };
    }
}

/// The database this browser syncs with: (server address, database, name
/// signed in as), as the Sync dialog took them; no password.
pub fn sync_config() -> Option<(String, String, String)> {
    let raw = local()?.get_item(SYNC_KEY).ok()??;
    serde_json::from_str(&raw).ok()
}

/// Keep (address, database, name) for the next start; `None` forgets them.
pub fn set_sync_config(config: Option<(&str, &str, &str)>) {
    if let Some(s) = local() {
        let _ = match config {
            Some(c) => s.set_item(SYNC_KEY, &serde_json::to_string(&c).unwrap_or_default()),
            None => s.remove_item(SYNC_KEY),
        };
    }
}

/// What the last visit kept of article `article`'s replication with
/// the database at `db` (its address).
pub fn sync_kept(db: &str, article: &str) -> Option<Kept> {
    let key = format!("{SYNC_KEPT_PREFIX}{db} {article}");
    serde_json::from_str(&local()?.get_item(&key).ok()??).ok()
}

/// Keep `kept` (see [`sync_kept`]); a failure (storage full) only means the
/// next visit compares by time of change instead.
pub fn set_sync_kept(db: &str, article: &str, kept: &Kept) {
    if let Some(s) = local() {
        let key = format!("{SYNC_KEPT_PREFIX}{db} {article}");
        let _ = s.set_item(&key, &serde_json::to_string(kept).unwrap_or_default());
    }
}
