//! [`Replica`]: what this tab knows of the server's copy of one article's
//! annotations and relations, and the rules that keep the two in step
//! without losing either side.

use super::docs::{self, DocIn};
use super::merge::Merge;
use super::record::{self, holds, mine, sorted, Key, Record};
use crate::model::format::{read_record, read_relation_record};
use crate::model::Session;
use std::collections::HashMap;

/// The most documents one `_bulk_docs` request carries.
pub const MAX_PUSH: usize = 1_000;

/// The server's copy of one record as last seen: its revision, and the
/// record (`None`: deleted).
#[derive(Clone, Debug)]
pub(super) struct Known {
    pub(super) rev: String,
    pub(super) record: Option<Record>,
}

/// What the replica knows of one record. One map of these (rather than
/// a set per state) keeps one hash table in the page's wasm.
#[derive(Clone, Debug, Default)]
pub(super) struct Entry {
    /// The server's copy as last seen; `None`: never seen (or deleted, its
    /// revision unknown).
    pub(super) known: Option<Known>,
    /// Changed here since the last push (maybe back to what the server has).
    pub(super) dirty: bool,
    /// Pushed and not yet answered: what was sent.
    pub(super) in_flight: Option<Option<Record>>,
    /// Refused by the server as a conflict: waiting for its version to come
    /// in through the changes feed.
    pub(super) stale: bool,
    /// A relation of the server's that the session cannot hold yet (an end
    /// not here, or tags its type does not allow: offered again with each
    /// merge, [`Replica::finish`]), or a record whose last server copy this
    /// tab could not read (a tag its set lacks): never pushed, until a
    /// copy it can read comes in.
    pub(super) parked: bool,
    /// `known` is this tab's own write, not yet shown back by the feed.
    pub(super) echo: bool,
}

impl Entry {
    pub(super) fn theirs(&self) -> Option<&Record> {
        self.known.as_ref().and_then(|k| k.record.as_ref())
    }

    /// Changed here and not yet agreed with the server (`differs`: the
    /// session's copy is not the server's).
    fn waiting(&self, differs: impl FnOnce() -> bool) -> bool {
        self.in_flight.is_some() || self.stale || (self.dirty && !self.parked && differs())
    }
}

/// One record changed here and on the server since they last agreed:
/// both versions (`None`: deleted), until the user keeps one.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub key: Key,
    pub mine: Option<Record>,
    pub theirs: Option<Record>,
    /// The server's revision of `theirs` (`None`: deleted, revision unknown).
    pub(super) rev: Option<String>,
}

/// This tab's side of one article's replication. Invariants: a key in
/// `conflicts` is neither dirty, in flight nor stale; what the session
/// holds of a key that is none of these, nor parked, is its `known`
/// record (or absent from both). One push at a time: [`Replica::outgoing`] is called
/// only when nothing is in flight.
#[derive(Debug)]
pub struct Replica {
    pub(super) sha: String,
    pub(super) entries: HashMap<Key, Entry>,
    pub(super) conflicts: Vec<Conflict>,
    /// Where the changes feed was last read up to.
    pub(super) since: Option<serde_json::Value>,
}

impl Replica {
    /// An article's replica before anything is known of the server;
    /// `sha`: its text's SHA-256 in hex.
    pub fn new(sha: &str) -> Self {
        Replica {
            sha: sha.to_owned(),
            entries: HashMap::new(),
            conflicts: Vec::new(),
            since: None,
        }
    }

    pub fn sha(&self) -> &str {
        &self.sha
    }

    /// Where the changes feed is to be read from (a `since` parameter).
    pub fn since(&self) -> Option<String> {
        self.since.as_ref().map(docs::seq_param)
    }

    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    fn conflicted(&self, key: &Key) -> bool {
        self.conflicts.iter().any(|c| c.key == *key)
    }

    /// Read one document of this article into its entry; `None` when it
    /// is not one of the article's records, or could not be read (said in
    /// `merge`).
    pub(super) fn read(
        &mut self,
        session: &Session,
        doc: DocIn,
        merge: &mut Merge,
    ) -> Option<(Key, Option<Record>)> {
        let key = Key::of_doc(&self.sha, &doc.id)?;
        let theirs = if doc.deleted {
            None
        } else {
            let read = match (&key, doc.annotation, doc.relation) {
                (Key::Annotation(_), Some(record), _) => {
                    let text = &session.article().text;
                    read_record(text, session.schema(), record).map(Record::Annotation)
                }
                (Key::Relation(_), _, Some(record)) => {
                    read_relation_record(session.schema(), record).map(Record::Relation)
                }
                _ => return None,
            };
            let why = match read {
                Ok(r) if r.key() == key => return self.known(key, doc.rev, Some(r)),
                Ok(_) => format!("{}: its id does not match", doc.id),
                Err(why) => why,
            };
            merge.not_read.push(why);
            // Its server copy is unknown here: never pushed over, and a
            // push of it that is in flight is not waited for.
            let e = self.entries.entry(key).or_default();
            (e.parked, e.stale, e.in_flight) = (true, false, None);
            return None;
        };
        self.known(key, doc.rev, theirs)
    }

    /// The server's copy of `key` is now `theirs` at revision `rev`.
    fn known(
        &mut self,
        key: Key,
        rev: String,
        theirs: Option<Record>,
    ) -> Option<(Key, Option<Record>)> {
        let e = self.entries.entry(key.clone()).or_default();
        e.known = Some(Known {
            rev,
            record: theirs.clone(),
        });
        // A teammate's revision now, not this tab's write.
        e.echo = false;
        Some((key, theirs))
    }

    /// Records the session changed (from `Session::touched_since`).
    pub fn touched(&mut self, keys: impl IntoIterator<Item = Key>) {
        for key in keys {
            if !self.conflicted(&key) {
                self.entries.entry(key).or_default().dirty = true;
            }
        }
    }

    /// Every record may have changed (the session's log of touched records
    /// did not reach back far enough): compare them all at the next push.
    /// O(n).
    pub fn touch_all(&mut self, session: &Session) {
        let known: Vec<Key> = self.entries.keys().cloned().collect();
        self.touched(record::all_keys(session).chain(known));
    }

    /// Whether the session's copy of `key` differs from the server's.
    pub(super) fn differs(&self, session: &Session, key: &Key) -> bool {
        !holds(session, key, self.entries.get(key).and_then(Entry::theirs))
    }

    /// How many records wait to be sent (changed here, not yet written
    /// there), conflicts included. O(entries).
    pub fn waiting(&self, session: &Session) -> usize {
        let waiting =
            (self.entries.iter()).filter(|(key, e)| e.waiting(|| self.differs(session, key)));
        waiting.count() + self.conflicts.len()
    }

    /// What this browser keeps between visits: the records changed here
    /// and not yet agreed with the server (sorted), for a [`super::Base`].
    /// O(entries + waiting log waiting).
    pub fn pending(&self, session: &Session) -> Vec<Key> {
        let waiting = (self.entries.iter())
            .filter(|(key, e)| e.waiting(|| self.differs(session, key)))
            .map(|(key, _)| key.clone());
        sorted(
            waiting
                .chain(self.conflicts.iter().map(|c| c.key.clone()))
                .collect(),
        )
    }

    /// What this browser keeps for the next visit ([`super::Kept`]);
    /// `None` before the first look. O(entries + waiting log waiting).
    pub fn kept(&self, session: &Session) -> Option<super::Kept> {
        let since = self.since()?;
        let pending = self.pending(session).iter().map(Key::kept).collect();
        let mut written: Vec<(String, String)> = (self.entries.iter())
            .filter(|(_, e)| e.echo)
            .filter_map(|(key, e)| Some((key.kept(), e.known.as_ref()?.rev.clone())))
            .collect();
        crate::model::sort::by(&mut written, |a, b| a.cmp(b));
        Some(super::Kept {
            since,
            pending,
            written,
        })
    }

    /// The next `_bulk_docs` body (at most [`MAX_PUSH`] documents), moving
    /// what it carries in flight; `None` when nothing differs. Documents
    /// refused as conflicts wait for the server's version. O(entries).
    pub fn outgoing(&mut self, session: &Session) -> Option<String> {
        let ready = (self.entries.iter())
            .filter(|(_, e)| e.dirty && !e.stale && !e.parked && e.in_flight.is_none())
            .map(|(key, _)| key.clone());
        let text = &session.article().text;
        let mut body = Vec::new();
        for key in sorted(ready.collect()) {
            if body.len() == MAX_PUSH {
                break;
            }
            let differs = self.differs(session, &key);
            let e = self.entries.get_mut(&key).expect("listed");
            e.dirty = false;
            if !differs {
                continue;
            }
            let mine = mine(session, &key);
            let rev = e.known.as_ref().map(|k| k.rev.as_str());
            let doc = match (&mine, rev) {
                (Some(r), rev) => docs::record_doc(&self.sha, text, r, rev),
                (None, Some(rev)) => docs::tombstone(&self.sha, &key, rev),
                (None, None) => continue,
            };
            body.push(doc);
            e.in_flight = Some(mine);
        }
        (!body.is_empty()).then(|| format!("{{\"docs\":[{}]}}", body.join(",")))
    }

    /// The push failed (no answer): what it carried waits again.
    pub fn push_failed(&mut self) {
        for e in self.entries.values_mut() {
            if e.in_flight.take().is_some() {
                e.dirty = true;
            }
        }
    }

    /// The `_bulk_docs` reply to the last [`Replica::outgoing`]. A document
    /// refused as a conflict waits for the server's version (it comes in
    /// through the changes feed and becomes a [`Conflict`]); any other
    /// refusal is returned as `"<id>: <reason>"`.
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends (what it carried waits again).
    pub fn pushed(&mut self, reply: &str) -> Result<Vec<String>, String> {
        let written = match docs::written(reply) {
            Ok(w) => w,
            Err(e) => {
                self.push_failed();
                return Err(e);
            }
        };
        let mut refused = Vec::new();
        for w in written {
            let Some(key) = Key::of_doc(&self.sha, &w.id) else {
                continue;
            };
            let Some(e) = self.entries.get_mut(&key) else {
                continue;
            };
            let Some(sent) = e.in_flight.take() else {
                continue;
            };
            match (w.rev, w.error.as_deref()) {
                (Some(rev), _) => {
                    e.known = Some(Known { rev, record: sent });
                    e.echo = true;
                }
                (None, Some("conflict")) => e.stale = true,
                (None, error) => {
                    let why = w.reason.as_deref().or(error).unwrap_or("refused");
                    refused.push(format!("{}: {why}", w.id));
                    e.dirty = true;
                }
            }
        }
        // Anything the reply did not mention was not written.
        self.push_failed();
        Ok(refused)
    }

    /// Keep `mine` and `theirs` of `key` as a [`Conflict`], with the
    /// server's revision its entry knows.
    pub(super) fn hold(&mut self, key: Key, mine: Option<Record>, theirs: Option<Record>) {
        let known = self.entries.get(&key).and_then(|e| e.known.as_ref());
        let rev = known.map(|k| k.rev.clone());
        self.conflicts.push(Conflict {
            key,
            mine,
            theirs,
            rev,
        });
    }

    /// Settle conflict `key`: keep this tab's version (`mine`: pushed over
    /// the server's) or the server's (returned, to bring in). `None` when
    /// there is no such conflict or nothing to bring in.
    pub fn resolve(&mut self, session: &Session, key: &Key, mine: bool) -> Option<Merge> {
        let i = self.conflicts.iter().position(|c| c.key == *key)?;
        let c = self.conflicts.remove(i);
        let e = self.entries.entry(c.key.clone()).or_default();
        e.known = c.rev.map(|rev| Known {
            rev,
            record: c.theirs.clone(),
        });
        if mine {
            e.dirty = true;
            return None;
        }
        let mut merge = Merge::default();
        merge.take(&c.key, c.theirs);
        self.finish(session, &mut merge);
        Some(merge)
    }
}
