//! What comes in from the changes feed: the server's changes to bring
//! into the session, conflicts where this tab changed the same, and this
//! tab's own writes coming back.

use super::docs::{self, Item};
use super::merge::Merge;
use super::record::{holds, mine, Key, Record};
use super::replica::Replica;
use crate::model::{Schema, Session};

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
        // The tag set first: the rest was written against it.
        let (tag_sets, rest): (Vec<_>, Vec<_>) =
            (changes.results.into_iter()).partition(|c| c.id.starts_with("tags:"));
        for change in tag_sets {
            self.take_change(session, None, change, &mut merge);
        }
        let reading = merge.tag_set.clone();
        for change in rest {
            self.take_change(session, reading.as_ref(), change, &mut merge);
        }
        let before = self.since.clone();
        if !changes.last_seq.is_null() {
            self.since = Some(changes.last_seq);
        }
        self.finish(session, &mut merge);
        if !merge.not_read.is_empty() && self.unread_since.is_none() {
            self.unread_since = before;
        }
        Ok(merge)
    }

    /// One change of the feed, read against `schema` (`None`: the session's).
    fn take_change(
        &mut self,
        session: &Session,
        schema: Option<&Schema>,
        change: Item,
        merge: &mut Merge,
    ) {
        let Some(doc) = change.doc else { return };
        let Some(key) = Key::of_doc(&self.sha, &change.id) else {
            return;
        };
        let e = self.entries.get_mut(&key);
        if let Some(e) = e.filter(|e| e.known.as_ref().is_some_and(|k| k.rev == doc.rev)) {
            e.echo = false;
            return;
        }
        let known = self.entries.get(&key).and_then(|e| e.known.as_ref());
        let was = known.and_then(|k| k.record.clone());
        if let Some((key, theirs)) = self.read(session, schema, doc, merge) {
            self.came_in(session, key, was, theirs, merge);
        }
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
