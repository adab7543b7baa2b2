//! A replica's first look at the server: what it holds of the article
//! against the session, with what the browser kept of its last look
//! ([`Base`]) when there is one.

use super::docs;
use super::replica::{annotation_id, sorted, Merge, Replica};
use crate::model::{AnnotationId, Session};

/// What this browser kept of its last look at the server, for the next
/// [`Replica::start`]: the annotations the server changed since (from
/// `_changes?since=` the kept sequence) and those changed here and not
/// yet agreed ([`Replica::pending`]). Each sorted, each id once.
#[derive(Clone, Debug, Default)]
pub struct Base {
    changed: Vec<AnnotationId>,
    pending: Vec<AnnotationId>,
}

fn has(ids: &[AnnotationId], id: &AnnotationId) -> bool {
    ids.binary_search_by(|x| x.as_str().cmp(id.as_str()))
        .is_ok()
}

impl Base {
    pub fn new(changed: Vec<AnnotationId>, pending: Vec<AnnotationId>) -> Self {
        Base {
            changed: sorted(changed),
            pending: sorted(pending),
        }
    }
}

impl Replica {
    /// The first look at the server: `info` (the database's `GET` reply,
    /// read before) gives where the changes feed starts, `all` (the
    /// article's documents from `_all_docs`) what it holds. With `base`
    /// (what this browser kept of its last look), an annotation that
    /// differs is taken from the server when only the server changed it
    /// since, is a [`super::Conflict`] when both did, and is pushed when only
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
        let info = docs::reply(info)?;
        let all = docs::reply(all)?;
        if info.update_seq.is_null() {
            return Err("its answer to GET has no update_seq".into());
        }
        self.since = Some(info.update_seq);
        let mut merge = Merge::default();
        for doc in all.rows.into_iter().filter_map(|r| r.doc) {
            self.read(session, doc, &mut merge);
        }
        let ids = (self.entries.keys().cloned())
            .chain(session.annotations().iter().map(|a| a.id.clone()))
            .chain(base.iter().flat_map(|b| b.changed.iter().cloned()));
        for id in sorted(ids.collect()) {
            let e = self.entries.entry(id.clone()).or_default();
            let theirs = e.known.as_ref().and_then(|k| k.annotation.clone());
            let mine = session.get(&id);
            if mine == theirs.as_ref() {
                continue;
            }
            let newer_here = match (mine, &theirs) {
                (Some(m), Some(t)) => m.modified > t.modified,
                (mine, _) => mine.is_some(),
            };
            match base {
                Some(b) if has(&b.changed, &id) && has(&b.pending, &id) => {
                    self.hold(id, mine.cloned(), theirs)
                }
                Some(b) if has(&b.changed, &id) => merge.take(&id, theirs),
                Some(_) => e.dirty = true,
                None if newer_here => e.dirty = true,
                None => merge.take(&id, theirs),
            }
        }
        Ok(merge)
    }

    /// The annotation ids of a `_changes` reply (without documents), how
    /// many changes it holds, and where it ends; for a [`Base`].
    ///
    /// # Errors
    /// A reply that is not what CouchDB sends.
    pub fn changed_ids(&self, reply: &str) -> Result<(Vec<AnnotationId>, usize, String), String> {
        let changes = docs::reply(reply)?;
        let n = changes.results.len();
        let ids = (changes.results.iter())
            .filter_map(|c| annotation_id(&self.prefix, &c.id))
            .collect();
        Ok((ids, n, docs::seq_param(&changes.last_seq)))
    }
}
