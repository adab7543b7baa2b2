//! A replica's first look at the server: what it holds of the article
//! against the session, with what the browser kept of its last look
//! ([`Base`]) when there is one.

use super::docs;
use super::merge::Merge;
use super::record::{self, holds, mine, sorted, Key, Record};
use super::replica::Replica;
use crate::model::Session;
use serde::{Deserialize, Serialize};

/// What the browser keeps of one article's replication between visits
/// (JSON in `localStorage`; [`Replica::kept`]): where the changes feed was
/// read to, the records changed here and not yet agreed ([`Key::kept`]),
/// and the revisions this tab wrote that the feed had not shown back yet
/// (`[key, rev]`): a change the next look finds at such a revision is this
/// browser's own. A record of before `written` (a two-element array)
/// reads with none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub since: String,
    pub pending: Vec<String>,
    #[serde(default)]
    pub written: Vec<(String, String)>,
}

/// What this browser kept of its last look at the server, for the next
/// [`Replica::start`]: the records the server changed since (from
/// `_changes?since=` the kept sequence), those changed here and not yet
/// agreed, and the revisions it wrote itself. Each sorted, each key once.
#[derive(Clone, Debug, Default)]
pub struct Base {
    changed: Vec<Key>,
    pending: Vec<Key>,
    written: Vec<(Key, String)>,
}

fn has(keys: &[Key], key: &Key) -> bool {
    keys.binary_search_by(|x| x.order(key)).is_ok()
}

impl Base {
    /// `changed`: the keys of the changes since `kept.since`.
    pub fn new(changed: Vec<Key>, kept: &Kept) -> Self {
        let pending = kept.pending.iter().map(|k| Key::from_kept(k)).collect();
        let mut written: Vec<(Key, String)> = (kept.written.iter())
            .map(|(k, rev)| (Key::from_kept(k), rev.clone()))
            .collect();
        crate::model::sort::by(&mut written, |a, b| a.0.order(&b.0));
        Base {
            changed: sorted(changed),
            pending: sorted(pending),
            written,
        }
    }

    /// Whether the server's revision `rev` of `key` is one this browser wrote.
    fn wrote(&self, key: &Key, rev: Option<&str>) -> bool {
        let i = self.written.partition_point(|(k, _)| k.order(key).is_lt());
        (self.written[i..].iter())
            .take_while(|(k, _)| k == key)
            .any(|(_, r)| Some(r.as_str()) == rev)
    }

    /// With `more` changed here too (since the visit began, before the
    /// first look). O((p + m) log(p + m)).
    pub fn with_pending(mut self, more: impl IntoIterator<Item = Key>) -> Self {
        self.pending.extend(more);
        self.pending = sorted(self.pending);
        self
    }
}

impl Replica {
    /// The first look at the server: `info` (the database's `GET` reply,
    /// read before) gives where the changes feed starts, `all` (the
    /// article's documents from `_all_docs`, one reply per prefix of
    /// [`docs::prefixes`]) what it holds. A record that differs is a
    /// [`super::Conflict`] when `base` (what this browser kept of its last
    /// look) says both sides changed it since, is taken from the server
    /// when only the server did, and is pushed when only this browser did
    /// (a deletion too). Otherwise (no base, or neither side recorded a
    /// change: the browser never read the server's copy, say, because its
    /// tag set lacked the tag) the annotation whose `modified` is later is
    /// kept (the server's on a tie), a record only here is pushed and one
    /// only there comes in: nothing is deleted on that evidence alone.
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
        // Documents that could not be read (named in `merge`): neither
        // taken as deleted nor overwritten; a later look reads them again.
        let mut unread = Vec::new();
        for reply in all {
            for doc in docs::reply(reply)?.rows.into_iter().filter_map(|r| r.doc) {
                let key = Key::of_doc(&self.sha, &doc.id);
                let said = merge.not_read.len();
                if self.read(session, doc, &mut merge).is_none() && merge.not_read.len() > said {
                    unread.extend(key);
                }
            }
        }
        let unread = sorted(unread);
        self.since = Some(info.update_seq);
        let keys = (self.entries.keys().cloned())
            .chain(record::all_keys(session))
            .chain(base.iter().flat_map(|b| b.changed.iter().cloned()));
        for key in sorted(keys.collect()) {
            if has(&unread, &key) {
                continue;
            }
            let e = self.entries.entry(key.clone()).or_default();
            let theirs = e.theirs().cloned();
            if holds(session, &key, theirs.as_ref()) {
                continue;
            }
            let mine = mine(session, &key);
            let newer_here = match (&mine, &theirs) {
                (Some(Record::Annotation(m)), Some(Record::Annotation(t))) => {
                    m.modified > t.modified
                }
                (mine, _) => mine.is_some() && theirs.is_none(),
            };
            let rev = e.known.as_ref().map(|k| k.rev.as_str());
            let (changed, pending) = match base {
                Some(b) => (
                    has(&b.changed, &key) && !b.wrote(&key, rev),
                    has(&b.pending, &key),
                ),
                None => (false, false),
            };
            match (changed, pending) {
                (true, true) => self.hold(key, mine, theirs),
                (true, false) => merge.take(&key, theirs),
                (false, true) => e.dirty = true,
                (false, false) if newer_here => e.dirty = true,
                (false, false) => merge.take(&key, theirs),
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
