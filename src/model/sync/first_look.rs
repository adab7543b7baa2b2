//! A replica's first look at the server: what it holds of the article
//! against the session, with what the browser kept of its last look
//! ([`Base`]) when there is one.

use super::docs::{self, AllDocs, Changes};
use super::replica::{annotation_id, Conflict, Merge, Replica};
use crate::model::{AnnotationId, Session};
use std::collections::{HashMap, HashSet};

/// What this browser kept of its last look at the server, for the next
/// [`Replica::start`]: the annotations the server changed since (from
/// `_changes?since=` the kept sequence) and those changed here and not
/// yet agreed ([`Replica::pending`]).
#[derive(Clone, Debug, Default)]
pub struct Base {
    pub changed: HashSet<AnnotationId>,
    pub pending: HashSet<AnnotationId>,
}

impl Replica {
    /// The first look at the server: `info` (the database's `GET` reply,
    /// read before) gives where the changes feed starts, `all` (the
    /// article's documents from `_all_docs`) what it holds. With `base`
    /// (what this browser kept of its last look), an annotation that
    /// differs is taken from the server when only the server changed it
    /// since, is a [`Conflict`] when both did, and is pushed when only
    /// this browser did (a deletion too). Without one, the side whose
    /// `modified` is later is kept (the server's on a tie); one only here
    /// is pushed, one only there comes in. O((n + m) log(n + m)).
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends.
    pub fn start(
        &mut self,
        session: &Session,
        info: &str,
        all: &str,
        base: Option<&Base>,
    ) -> Result<Merge, String> {
        let info: docs::DbInfo = serde_json::from_str(info).map_err(|e| e.to_string())?;
        let all: AllDocs = serde_json::from_str(all).map_err(|e| e.to_string())?;
        self.since = Some(info.update_seq);
        let mut merge = Merge::default();
        let mut theirs_all = HashMap::new();
        for doc in all.rows.into_iter().filter_map(|r| r.doc) {
            if let Some((id, theirs)) = self.read(session, doc, &mut merge) {
                theirs_all.insert(id, theirs);
            }
        }
        let mut ids: Vec<AnnotationId> = (theirs_all.keys().cloned())
            .chain(session.annotations().iter().map(|a| a.id.clone()))
            .chain(base.iter().flat_map(|b| b.changed.iter().cloned()))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        crate::model::sort::by(&mut ids, |a, b| a.as_str().cmp(b.as_str()));
        for id in ids {
            let theirs = theirs_all.get(&id).cloned().flatten();
            let mine = session.get(&id);
            if mine == theirs.as_ref() {
                continue;
            }
            let newer_here = match (mine, &theirs) {
                (Some(m), Some(t)) => m.modified > t.modified,
                (mine, _) => mine.is_some(),
            };
            match base {
                Some(b) if b.changed.contains(&id) && b.pending.contains(&id) => {
                    let rev = self.known.get(&id).map(|k| k.rev.clone());
                    let mine = mine.cloned();
                    self.conflicts.push(Conflict {
                        id,
                        mine,
                        theirs,
                        rev,
                    });
                }
                Some(b) if b.changed.contains(&id) => merge.take(&id, theirs),
                Some(_) => {
                    self.dirty.insert(id);
                }
                None if newer_here => {
                    self.dirty.insert(id);
                }
                None => merge.take(&id, theirs),
            }
        }
        Ok(merge)
    }

    /// The annotation ids of a `_changes` reply (without documents), and
    /// where it ends; for a [`Base`].
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends.
    pub fn changed_ids(&self, reply: &str) -> Result<(Vec<AnnotationId>, usize, String), String> {
        let changes: Changes = serde_json::from_str(reply).map_err(|e| e.to_string())?;
        let n = changes.results.len();
        let ids = (changes.results.iter())
            .filter_map(|c| annotation_id(&self.prefix, &c.id))
            .collect();
        Ok((ids, n, docs::seq_param(&changes.last_seq)))
    }

    /// What this browser keeps between visits: the annotations changed
    /// here and not yet agreed with the server (sorted), for a [`Base`].
    /// O(dirty log dirty).
    pub fn pending(&self, session: &Session) -> Vec<AnnotationId> {
        let differs = self.dirty.iter().filter(|id| self.differs(session, id));
        let mut ids: Vec<AnnotationId> = (differs.cloned())
            .chain(self.in_flight.keys().cloned())
            .chain(self.stale.iter().cloned())
            .chain(self.conflicts.iter().map(|c| c.id.clone()))
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        crate::model::sort::by(&mut ids, |a, b| a.as_str().cmp(b.as_str()));
        ids
    }
}
