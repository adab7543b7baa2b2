//! What comes in from the changes feed: the server's changes to bring
//! into the session, conflicts where this tab changed the same, and this
//! tab's own writes coming back.

use super::docs;
use super::merge::Merge;
use super::record::{holds, mine, Key, Record};
use super::replica::Replica;
use crate::model::Session;

impl Replica {
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
            let Some(key) = Key::of_doc(&self.sha, &change.id) else {
                continue;
            };
            let e = self.entries.get_mut(&key);
            if let Some(e) = e.filter(|e| e.known.as_ref().is_some_and(|k| k.rev == doc.rev)) {
                e.echo = false;
                continue;
            }
            let known = self.entries.get(&key).and_then(|e| e.known.as_ref());
            let was = known.and_then(|k| k.record.clone());
            let Some((key, theirs)) = self.read(session, doc, &mut merge) else {
                continue;
            };
            self.came_in(session, key, was, theirs, &mut merge);
        }
        if !changes.last_seq.is_null() {
            self.since = Some(changes.last_seq);
        }
        self.finish(session, &mut merge);
        Ok(merge)
    }

    /// The server's new version `theirs` of `key` (already its entry's
    /// `known`; `was`: what that held before).
    fn came_in(
        &mut self,
        session: &Session,
        key: Key,
        was: Option<Record>,
        theirs: Option<Record>,
        merge: &mut Merge,
    ) {
        let e = self.entries.get_mut(&key).expect("read");
        e.parked = false;
        if e.in_flight.as_ref() == Some(&theirs) {
            // Our own write, seen before its reply.
            e.in_flight = None;
            return;
        }
        let changed_here = e.in_flight.take().is_some()
            | std::mem::take(&mut e.stale)
            | (std::mem::take(&mut e.dirty) && !holds(session, &key, was.as_ref()));
        self.conflicts.retain(|c| c.key != key);
        if holds(session, &key, theirs.as_ref()) {
            return;
        }
        if changed_here {
            self.hold(key.clone(), mine(session, &key), theirs);
        } else {
            merge.take(&key, theirs);
        }
    }
}
