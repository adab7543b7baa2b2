//! [`Replica`]: what this tab knows of the server's copy of one article's
//! annotations, and the rules that keep the two in step without losing
//! either side.

use super::docs::{self, DocIn};
use crate::model::format::read_record;
use crate::model::{Annotation, AnnotationId, Command, Session};
use std::collections::HashMap;

/// The most documents one `_bulk_docs` request carries.
pub const MAX_PUSH: usize = 1_000;

/// The server's copy of one annotation as last seen: its revision, and the
/// annotation (`None`: deleted).
#[derive(Clone, Debug)]
pub(super) struct Known {
    pub(super) rev: String,
    pub(super) annotation: Option<Annotation>,
}

/// What the replica knows of one annotation. One map of these (rather than
/// a set per state) keeps one hash table in the page's wasm.
#[derive(Clone, Debug, Default)]
pub(super) struct Entry {
    /// The server's copy as last seen; `None`: never seen (or deleted, its
    /// revision unknown).
    pub(super) known: Option<Known>,
    /// Changed here since the last push (maybe back to what the server has).
    pub(super) dirty: bool,
    /// Pushed and not yet answered: what was sent.
    pub(super) in_flight: Option<Option<Annotation>>,
    /// Refused by the server as a conflict: waiting for its version to come
    /// in through the changes feed.
    pub(super) stale: bool,
}

impl Entry {
    fn theirs(&self) -> Option<&Annotation> {
        self.known.as_ref().and_then(|k| k.annotation.as_ref())
    }

    /// Changed here and not yet agreed with the server (`differs`: the
    /// session's copy is not the server's).
    fn waiting(&self, differs: impl FnOnce() -> bool) -> bool {
        self.in_flight.is_some() || self.stale || (self.dirty && differs())
    }
}

/// One annotation changed here and on the server since they last agreed:
/// both versions (`None`: deleted), until the user keeps one.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: AnnotationId,
    pub mine: Option<Annotation>,
    pub theirs: Option<Annotation>,
    /// The server's revision of `theirs` (`None`: deleted, revision unknown).
    pub(super) rev: Option<String>,
}

/// Changes from the server to bring into the session: as a
/// [`Command::Merge`], and the sentences of documents that could not be
/// read against this article and its tag set (left out).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    pub put: Vec<Annotation>,
    pub remove: Vec<AnnotationId>,
    pub not_read: Vec<String>,
}

impl Merge {
    /// The command that brings it in; `None` when it changes nothing.
    pub fn command(&self) -> Option<Command> {
        (!self.put.is_empty() || !self.remove.is_empty()).then(|| Command::Merge {
            put: self.put.clone(),
            remove: self.remove.clone(),
        })
    }

    /// Take the server's version of `id` (`None`: deleted). A reply that
    /// lists a document twice takes it twice: [`Merge::dedup`] keeps the
    /// last, so the command never names an id twice.
    pub(super) fn take(&mut self, id: &AnnotationId, theirs: Option<Annotation>) {
        match theirs {
            Some(a) => self.put.push(a),
            None => self.remove.push(id.clone()),
        }
    }

    /// Each id once, its last version kept. O(k log k).
    pub(super) fn dedup(&mut self) {
        let mut all: Vec<(AnnotationId, Option<Annotation>)> = (self.put.drain(..))
            .map(|a| (a.id.clone(), Some(a)))
            .chain(self.remove.drain(..).map(|id| (id, None)))
            .collect();
        // Stable: among equal ids the later stays later; keep the last.
        crate::model::sort::by(&mut all, |a, b| a.0.as_str().cmp(b.0.as_str()));
        let n = all.len();
        for i in 0..n {
            if i + 1 < n && all[i].0 == all[i + 1].0 {
                continue;
            }
            match all[i].1.take() {
                Some(a) => self.put.push(a),
                None => self.remove.push(all[i].0.clone()),
            }
        }
    }
}

/// This tab's side of one article's replication. Invariants: an id in
/// `conflicts` is neither dirty, in flight nor stale; what the session
/// holds of an id that is none of these is its `known` annotation (or
/// absent from both). One push at a time: [`Replica::outgoing`] is called
/// only when nothing is in flight.
#[derive(Debug)]
pub struct Replica {
    pub(super) sha: String,
    pub(super) prefix: String,
    pub(super) entries: HashMap<AnnotationId, Entry>,
    pub(super) conflicts: Vec<Conflict>,
    /// Where the changes feed was last read up to.
    pub(super) since: Option<serde_json::Value>,
}

/// A document id's annotation id, when it is one of the article's.
pub(super) fn annotation_id(prefix: &str, doc: &str) -> Option<AnnotationId> {
    doc.strip_prefix(prefix)
        .map(|id| AnnotationId::new(id.to_owned()))
}

/// `ids` sorted by id, each once.
pub(super) fn sorted(mut ids: Vec<AnnotationId>) -> Vec<AnnotationId> {
    crate::model::sort::by(&mut ids, |a, b| a.as_str().cmp(b.as_str()));
    ids.dedup();
    ids
}

impl Replica {
    /// An article's replica before anything is known of the server;
    /// `sha`: its text's SHA-256 in hex.
    pub fn new(sha: &str) -> Self {
        Replica {
            sha: sha.to_owned(),
            prefix: docs::prefix(sha),
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

    fn conflicted(&self, id: &AnnotationId) -> bool {
        self.conflicts.iter().any(|c| c.id == *id)
    }

    /// Read one document of this article into its entry; `None` when it
    /// is another article's, or could not be read (said in `merge`).
    pub(super) fn read(
        &mut self,
        session: &Session,
        doc: DocIn,
        merge: &mut Merge,
    ) -> Option<(AnnotationId, Option<Annotation>)> {
        let id = annotation_id(&self.prefix, &doc.id)?;
        let theirs = match (doc.deleted, doc.annotation) {
            (true, _) => None,
            (false, Some(record)) => {
                let text = &session.article().text;
                match read_record(text, session.schema(), record) {
                    Ok(a) if a.id == id => Some(a),
                    Ok(_) => {
                        merge
                            .not_read
                            .push(format!("{}: its id does not match", doc.id));
                        return None;
                    }
                    Err(why) => {
                        merge.not_read.push(why);
                        return None;
                    }
                }
            }
            (false, None) => return None,
        };
        let known = Known {
            rev: doc.rev,
            annotation: theirs.clone(),
        };
        self.entries.entry(id.clone()).or_default().known = Some(known);
        Some((id, theirs))
    }

    /// Annotations the session changed (from `Session::touched_since`).
    pub fn touched(&mut self, ids: impl IntoIterator<Item = AnnotationId>) {
        for id in ids {
            if !self.conflicted(&id) {
                self.entries.entry(id).or_default().dirty = true;
            }
        }
    }

    /// Every annotation may have changed (the session's log of touched
    /// annotations did not reach back far enough): compare them all at the
    /// next push. O(n).
    pub fn touch_all(&mut self, session: &Session) {
        let ids = session.annotations().iter().map(|a| a.id.clone());
        let known: Vec<AnnotationId> = self.entries.keys().cloned().collect();
        self.touched(ids.chain(known));
    }

    /// Whether annotation `id` of the session differs from the server's.
    pub(super) fn differs(&self, session: &Session, id: &AnnotationId) -> bool {
        session.get(id) != self.entries.get(id).and_then(Entry::theirs)
    }

    /// How many annotations wait to be sent (changed here, not yet
    /// written there), conflicts included. O(entries).
    pub fn waiting(&self, session: &Session) -> usize {
        let waiting =
            (self.entries.iter()).filter(|(id, e)| e.waiting(|| self.differs(session, id)));
        waiting.count() + self.conflicts.len()
    }

    /// What this browser keeps between visits: the annotations changed
    /// here and not yet agreed with the server (sorted), for a
    /// [`super::Base`]. O(entries + waiting log waiting).
    pub fn pending(&self, session: &Session) -> Vec<AnnotationId> {
        let waiting = (self.entries.iter())
            .filter(|(id, e)| e.waiting(|| self.differs(session, id)))
            .map(|(id, _)| id.clone());
        sorted(
            waiting
                .chain(self.conflicts.iter().map(|c| c.id.clone()))
                .collect(),
        )
    }

    /// The next `_bulk_docs` body (at most [`MAX_PUSH`] documents), moving
    /// what it carries in flight; `None` when nothing differs. Documents
    /// refused as conflicts wait for the server's version. O(entries).
    pub fn outgoing(&mut self, session: &Session) -> Option<String> {
        let ready = (self.entries.iter())
            .filter(|(_, e)| e.dirty && !e.stale && e.in_flight.is_none())
            .map(|(id, _)| id.clone());
        let text = &session.article().text;
        let mut body = Vec::new();
        for id in sorted(ready.collect()) {
            if body.len() == MAX_PUSH {
                break;
            }
            let differs = self.differs(session, &id);
            let e = self.entries.get_mut(&id).expect("listed");
            e.dirty = false;
            let mine = session.get(&id);
            let rev = e.known.as_ref().map(|k| k.rev.as_str());
            let doc = match (mine, rev) {
                _ if !differs => continue,
                (Some(a), rev) => docs::annotation_doc(&self.sha, text, a, rev),
                (None, Some(rev)) => docs::tombstone(&self.sha, &id, rev),
                (None, None) => continue,
            };
            body.push(doc);
            e.in_flight = Some(mine.cloned());
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
            let Some(id) = annotation_id(&self.prefix, &w.id) else {
                continue;
            };
            let Some(e) = self.entries.get_mut(&id) else {
                continue;
            };
            let Some(sent) = e.in_flight.take() else {
                continue;
            };
            match (w.rev, w.error.as_deref()) {
                (Some(rev), _) => {
                    e.known = Some(Known {
                        rev,
                        annotation: sent,
                    })
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

    /// A `_changes` reply (`include_docs=true`, read from
    /// [`Replica::since`]): the server's changes to bring in; changes made
    /// here that the server changed too become [`Conflict`]s; this tab's
    /// own writes coming back are recognised and left alone.
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends (nothing is taken from it).
    pub fn incoming(&mut self, session: &Session, reply: &str) -> Result<Merge, String> {
        let changes = docs::reply(reply)?;
        let mut merge = Merge::default();
        for change in changes.results {
            let Some(doc) = change.doc else { continue };
            let Some(id) = annotation_id(&self.prefix, &change.id) else {
                continue;
            };
            let known = self.entries.get(&id).and_then(|e| e.known.as_ref());
            if known.is_some_and(|k| k.rev == doc.rev) {
                continue;
            }
            let was = known.and_then(|k| k.annotation.clone());
            let Some((id, theirs)) = self.read(session, doc, &mut merge) else {
                continue;
            };
            self.came_in(session, id, was, theirs, &mut merge);
        }
        if !changes.last_seq.is_null() {
            self.since = Some(changes.last_seq);
        }
        merge.dedup();
        Ok(merge)
    }

    /// The server's new version `theirs` of `id` (already its entry's
    /// `known`; `was`: what that held before).
    fn came_in(
        &mut self,
        session: &Session,
        id: AnnotationId,
        was: Option<Annotation>,
        theirs: Option<Annotation>,
        merge: &mut Merge,
    ) {
        let mine = session.get(&id);
        let e = self.entries.get_mut(&id).expect("read");
        if e.in_flight.as_ref() == Some(&theirs) {
            // Our own write, seen before its reply.
            e.in_flight = None;
            return;
        }
        let changed_here = e.in_flight.take().is_some()
            | std::mem::take(&mut e.stale)
            | (std::mem::take(&mut e.dirty) && mine != was.as_ref());
        self.conflicts.retain(|c| c.id != id);
        if mine == theirs.as_ref() {
            return;
        }
        if changed_here {
            self.hold(id, mine.cloned(), theirs);
        } else {
            merge.take(&id, theirs);
        }
    }

    /// Keep `mine` and `theirs` of `id` as a [`Conflict`], with the
    /// server's revision its entry knows.
    pub(super) fn hold(
        &mut self,
        id: AnnotationId,
        mine: Option<Annotation>,
        theirs: Option<Annotation>,
    ) {
        let known = self.entries.get(&id).and_then(|e| e.known.as_ref());
        let rev = known.map(|k| k.rev.clone());
        self.conflicts.push(Conflict {
            id,
            mine,
            theirs,
            rev,
        });
    }

    /// Settle conflict `id`: keep this tab's version (`mine`: pushed over
    /// the server's) or the server's (returned, to bring in). `None` when
    /// there is no such conflict or nothing to bring in.
    pub fn resolve(&mut self, id: &AnnotationId, mine: bool) -> Option<Merge> {
        let i = self.conflicts.iter().position(|c| c.id == *id)?;
        let c = self.conflicts.remove(i);
        let e = self.entries.entry(c.id.clone()).or_default();
        e.known = c.rev.map(|rev| Known {
            rev,
            annotation: c.theirs.clone(),
        });
        if mine {
            e.dirty = true;
            return None;
        }
        let mut merge = Merge::default();
        merge.take(&c.id, c.theirs);
        Some(merge)
    }
}
