//! A replica's first look at the server: what it holds of the article
//! against the session, with what the browser kept of its last look
//! ([`Base`]) when there is one.

use super::docs;
use super::merge::Merge;
use super::record::{self, holds, mine, sorted, Key, Record};
use super::replica::Replica;
use crate::model::Session;

/// What this browser kept of its last look at the server, for the next
/// [`Replica::start`]: the records the server changed since (from
/// `_changes?since=` the kept sequence) and those changed here and not
/// yet agreed ([`Replica::pending`]). Each sorted, each key once.
#[derive(Clone, Debug, Default)]
pub struct Base {
    changed: Vec<Key>,
    pending: Vec<Key>,
}

fn has(keys: &[Key], key: &Key) -> bool {
    keys.binary_search_by(|x| x.order(key)).is_ok()
}

impl Base {
    pub fn new(changed: Vec<Key>, pending: Vec<Key>) -> Self {
        Base {
            changed: sorted(changed),
            pending: sorted(pending),
        }
    }
}

impl Replica {
    /// The first look at the server: `info` (the database's `GET` reply,
    /// read before) gives where the changes feed starts, `all` (the
    /// article's documents from `_all_docs`, one reply per prefix of
    /// [`docs::prefixes`]) what it holds. With `base` (what this browser
    /// kept of its last look), a record that differs is taken from the
    /// server when only the server changed it since, is a
    /// [`super::Conflict`] when both did, and is pushed when only this
    /// browser did (a deletion too; a relation only the server has and
    /// none here is waiting for is taken). Without one, the annotation
    /// whose `modified` is later is kept (the server's on a tie); a record
    /// only here is pushed, one only there comes in.
    /// O((n + m) log(n + m)).
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends.
    pub fn start(
        &mut self,
        session: &Session,
        info: &str,
        all: &[&str],
        base: Option<&Base>,
    ) -> Result<Merge, String> {
        let info = docs::reply(info)?;
        if info.update_seq.is_null() {
            return Err("its answer to GET has no update_seq".into());
        }
        let mut merge = Merge::default();
        for reply in all {
            for doc in docs::reply(reply)?.rows.into_iter().filter_map(|r| r.doc) {
                self.read(session, doc, &mut merge);
            }
        }
        self.since = Some(info.update_seq);
        let keys = (self.entries.keys().cloned())
            .chain(record::all_keys(session))
            .chain(base.iter().flat_map(|b| b.changed.iter().cloned()));
        for key in sorted(keys.collect()) {
            let e = self.entries.entry(key.clone()).or_default();
            let theirs = e.theirs().cloned();
            if holds(session, &key, theirs.as_ref()) {
                continue;
            }
            let mine = mine(session, &key);
            let newer_here = match (&mine, &theirs) {
                (Some(Record::Annotation(m)), Some(Record::Annotation(t))) => m.modified > t.modified,
                (mine, _) => mine.is_some() && theirs.is_none(),
            };
            let relation_there = matches!(key, Key::Relation(_)) && mine.is_none();
            match base {
                Some(b) if has(&b.changed, &key) && has(&b.pending, &key) => {
                    self.hold(key, mine, theirs)
                }
                Some(b) if has(&b.changed, &key) => merge.take(&key, theirs),
                Some(b) if relation_there && !has(&b.pending, &key) => merge.take(&key, theirs),
                Some(_) => e.dirty = true,
                None if newer_here => e.dirty = true,
                None => merge.take(&key, theirs),
            }
        }
        self.finish(session, &mut merge);
        Ok(merge)
    }

    /// The record keys of a `_changes` reply (without documents), how
    /// many changes it holds, and where it ends; for a [`Base`].
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends.
    pub fn changed_ids(&self, reply: &str) -> Result<(Vec<Key>, usize, String), String> {
        let changes = docs::reply(reply)?;
        let n = changes.results.len();
        let keys = (changes.results.iter())
            .filter_map(|c| Key::of_doc(&self.sha, &c.id))
            .collect();
        Ok((keys, n, docs::seq_param(&changes.last_seq)))
    }
}
