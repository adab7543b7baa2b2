//! The library in IndexedDB (through the `idb` crate): opening the
//! database, carrying out a model [`Batch`] in one read-write transaction
//! (all of it or none: a tab closed mid-write leaves the state before),
//! and reading an article's records back. The layout is
//! `model::library`'s; values are JSON strings.

use super::Error;
use crate::model::library::{Batch, Key, LibraryKey, Op, Records, Store, DECIDED_NONE};
use idb::{
    Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode,
    TransactionResult,
};
use js_sys::Array;
use wasm_bindgen::JsValue;

const NAME: &str = "annotator-library";
const VERSION: u32 = 4;

/// Puts of at least this many bytes are awaited before the next request.
const YIELD_AFTER_BYTES: usize = 256 * 1024;

/// An open connection. Cheap to share behind an `Rc`.
pub struct Db {
    db: Database,
}

fn js_key(key: &Key) -> JsValue {
    match key {
        Key::One(k) => JsValue::from_str(k),
        Key::Pair(a, b) => Array::of2(&a.into(), &b.into()).into(),
    }
}

/// Every `[article, …]` key: from `[article]` to `[article, []]` (an array
/// sorts after every string).
fn article_range(article: &LibraryKey) -> Result<KeyRange, Error> {
    let lower: JsValue = Array::of1(&article.as_str().into()).into();
    let upper: JsValue = Array::of2(&article.as_str().into(), &Array::new()).into();
    KeyRange::bound(&lower, &upper, None, None).map_err(failed)
}

fn failed(e: idb::Error) -> Error {
    Error::LibraryFailed(e.to_string())
}

/// The browser's words for a failed transaction: a full storage is told
/// apart, since the user can act on it.
fn aborted(error: Option<web_sys::DomException>) -> Error {
    match error {
        Some(e) if e.name() == "QuotaExceededError" => Error::LibraryFull,
        Some(e) => Error::LibraryFailed(format!("{}: {}", e.name(), e.message())),
        None => Error::LibraryFailed("the write was cancelled".into()),
    }
}

impl Db {
    /// Open (and on first use create) the library.
    ///
    /// # Errors
    /// [`Error::LibraryUnavailable`] when the browser has no IndexedDB or
    /// refuses it (private windows of some browsers, a blocked origin).
    pub async fn open() -> Result<Self, Error> {
        let unavailable = |e: idb::Error| Error::LibraryUnavailable(e.to_string());
        let mut request = Factory::new()
            .map_err(unavailable)?
            .open(NAME, Some(VERSION))
            .map_err(unavailable)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            let existing = db.store_names();
            for store in Store::ALL {
                if !existing.iter().any(|n| n == store.name()) {
                    let _ = db.create_object_store(store.name(), ObjectStoreParams::new());
                }
            }
        });
        let db = request.await.map_err(unavailable)?;
        Ok(Self { db })
    }

    fn names() -> Vec<&'static str> {
        Store::ALL.iter().map(|s| s.name()).collect()
    }

    /// Carry out `batch` in one transaction.
    ///
    /// # Errors
    /// [`Error::LibraryFull`] when the storage quota is reached,
    /// [`Error::LibraryFailed`] otherwise; nothing of the batch is kept.
    pub async fn write(&self, batch: &Batch) -> Result<(), Error> {
        let tx = self
            .db
            .transaction(&Self::names(), TransactionMode::ReadWrite)
            .map_err(failed)?;
        let mut handle = None;
        for op in &batch.ops {
            let (store, request) = match op {
                Op::Put { store, key, value } => {
                    let s = tx.object_store(store.name()).map_err(failed)?;
                    let r = s.put(&JsValue::from_str(value), Some(&js_key(key)));
                    // A large value is handed over, then the page gets a
                    // turn (its success is a task of its own) before the
                    // next: a 45 MB text in 1 MB pieces never blocks it.
                    let r = match r {
                        Ok(request) if value.len() >= YIELD_AFTER_BYTES => request.await.map(drop),
                        other => other.map(drop),
                    };
                    (s, r)
                }
                Op::Delete { store, key } => {
                    let s = tx.object_store(store.name()).map_err(failed)?;
                    let r = s.delete(Query::Key(js_key(key))).map(drop);
                    (s, r)
                }
                Op::DeleteArticle { store, article } => {
                    let s = tx.object_store(store.name()).map_err(failed)?;
                    let r = s.delete(Query::KeyRange(article_range(article)?)).map(drop);
                    (s, r)
                }
            };
            if let Err(e) = request {
                let _ = tx.abort();
                // The browser's exception is inside idb's error; its text
                // starts with the exception's name.
                return Err(if e.to_string().contains("QuotaExceededError") {
                    Error::LibraryFull
                } else {
                    failed(e)
                });
            }
            handle.get_or_insert(store);
        }
        let again = handle.map(|s| s.transaction());
        let outcome = tx.commit().map_err(failed)?.await;
        match outcome {
            Ok(TransactionResult::Committed) => Ok(()),
            Ok(TransactionResult::Aborted) => Err(aborted(again.and_then(|t| t.error()))),
            Err(idb::Error::DomException(e)) => Err(aborted(Some(e))),
            Err(e) => Err(failed(e)),
        }
    }

    /// Every record of `store` as (key, value): keys of one-key stores.
    ///
    /// # Errors
    /// [`Error::LibraryFailed`].
    pub async fn all(&self, store: Store) -> Result<Vec<(String, String)>, Error> {
        let tx = self
            .db
            .transaction(&[store.name()], TransactionMode::ReadOnly)
            .map_err(failed)?;
        let s = tx.object_store(store.name()).map_err(failed)?;
        let keys = s
            .get_all_keys(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        let values = s
            .get_all(None, None)
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| (k.as_string().unwrap_or_default(), text(v)))
            .collect())
    }

    /// One record of a one-key store.
    ///
    /// # Errors
    /// [`Error::LibraryFailed`].
    pub async fn get(&self, store: Store, key: &str) -> Result<Option<String>, Error> {
        let tx = self
            .db
            .transaction(&[store.name()], TransactionMode::ReadOnly)
            .map_err(failed)?;
        let s = tx.object_store(store.name()).map_err(failed)?;
        let v = s
            .get(Query::Key(key.into()))
            .map_err(failed)?
            .await
            .map_err(failed)?;
        Ok(v.map(|v| text(&v)))
    }

    /// The records of article `key`, read in one transaction (so they are
    /// of one state). O(records).
    ///
    /// # Errors
    /// [`Error::LibraryFailed`].
    pub async fn records(&self, key: &LibraryKey) -> Result<Records, Error> {
        let names = [
            Store::Articles.name(),
            Store::Schemas.name(),
            Store::Annotations.name(),
            Store::Relations.name(),
            Store::Carried.name(),
            Store::History.name(),
            Store::Adjudication.name(),
        ];
        let tx = self
            .db
            .transaction(&names, TransactionMode::ReadOnly)
            .map_err(failed)?;
        let one = |store: Store| -> Result<_, Error> {
            let s = tx.object_store(store.name()).map_err(failed)?;
            s.get(Query::Key(key.as_str().into())).map_err(failed)
        };
        let many = |store: Store| -> Result<_, Error> {
            let s = tx.object_store(store.name()).map_err(failed)?;
            s.get_all(Some(Query::KeyRange(article_range(key)?)), None)
                .map_err(failed)
        };
        let (article, schema) = (one(Store::Articles)?, one(Store::Schemas)?);
        let carried = one(Store::Carried)?;
        let (annotations, relations) = (many(Store::Annotations)?, many(Store::Relations)?);
        let history = many(Store::History)?;
        let pieces = many(Store::Articles)?;
        let plan = one(Store::Adjudication)?;
        let decided_none = {
            let s = tx
                .object_store(Store::Adjudication.name())
                .map_err(failed)?;
            let k = Key::Pair(key.as_str().to_owned(), DECIDED_NONE.into());
            s.get(Query::Key(js_key(&k))).map_err(failed)?
        };
        let texts = |v: Vec<JsValue>| v.iter().map(text).collect();
        // Awaited in the order they were made: awaited after requests made
        // later, a get of a missing key never resolved (seen in Chromium
        // 156 with idb 0.6.5; the page then hung on its start).
        Ok(Records {
            article: article.await.map_err(failed)?.map(|v| text(&v)),
            schema: schema.await.map_err(failed)?.map(|v| text(&v)),
            carried: carried.await.map_err(failed)?.map(|v| text(&v)),
            annotations: texts(annotations.await.map_err(failed)?),
            relations: texts(relations.await.map_err(failed)?),
            history: texts(history.await.map_err(failed)?),
            text: texts(pieces.await.map_err(failed)?),
            adjudication: plan.await.map_err(failed)?.map(|v| text(&v)),
            decided_none: decided_none.await.map_err(failed)?.map(|v| text(&v)),
        })
    }
}

/// A stored value as text: records are JSON strings; anything else (a
/// value written by hand) is shown as the browser prints it, so that it
/// fails the checks and is kept aside like any damaged record.
fn text(v: &JsValue) -> String {
    v.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| format!("{v:?}"))
    })
}
