//! [`Merge`]: the server's changes to bring into the session, and the rule
//! that links a relation only where the session, merged, can hold it.

use super::record::{Key, Record};
use super::replica::Replica;
use crate::model::MergeView;
use crate::model::{Annotation, AnnotationId, Command, Problem, Relation, RelationId, Session};

/// Changes from the server to bring into the session: as a
/// [`Command::Merge`], and the sentences of documents that could not be
/// read against this article and its tag set (left out). After
/// [`Merge::dedup`] each list is sorted by id and names an id once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Merge {
    pub put: Vec<Annotation>,
    pub remove: Vec<AnnotationId>,
    pub link: Vec<Relation>,
    pub unlink: Vec<RelationId>,
    pub not_read: Vec<String>,
}

impl Merge {
    /// The command that brings it in; `None` when it changes nothing.
    pub fn command(&self) -> Option<Command> {
        let empty = self.put.is_empty()
            && self.remove.is_empty()
            && self.link.is_empty()
            && self.unlink.is_empty();
        (!empty).then(|| Command::Merge {
            put: self.put.clone(),
            remove: self.remove.clone(),
            link: self.link.clone(),
            unlink: self.unlink.clone(),
        })
    }

    /// Take the server's version of `key` (`None`: deleted). A reply that
    /// lists a document twice takes it twice: [`Merge::dedup`] keeps the
    /// last, so the command never names an id twice.
    pub(super) fn take(&mut self, key: &Key, theirs: Option<Record>) {
        match (theirs, key) {
            (Some(Record::Annotation(a)), _) => self.put.push(a),
            (Some(Record::Relation(r)), _) => self.link.push(r),
            (None, Key::Annotation(id)) => self.remove.push(id.clone()),
            (None, Key::Relation(id)) => self.unlink.push(id.clone()),
        }
    }

    /// Each id once, its last version kept; each list sorted by id.
    /// O(k log k).
    pub(super) fn dedup(&mut self) {
        let puts = self.put.drain(..).map(Record::Annotation);
        let links = self.link.drain(..).map(Record::Relation);
        let mut all: Vec<(Key, Option<Record>)> = (puts.chain(links))
            .map(|r| (r.key(), Some(r)))
            .chain(self.remove.drain(..).map(|id| (Key::Annotation(id), None)))
            .chain(self.unlink.drain(..).map(|id| (Key::Relation(id), None)))
            .collect();
        // Stable: among equal keys the later stays later; keep the last.
        crate::model::sort::by(&mut all, |a, b| a.0.order(&b.0));
        let n = all.len();
        for i in 0..n {
            if i + 1 < n && all[i].0 == all[i + 1].0 {
                continue;
            }
            let theirs = all[i].1.take();
            self.take(&all[i].0, theirs);
        }
    }

    fn view(&self) -> MergeView<'_> {
        MergeView {
            put: &self.put,
            remove: &self.remove,
            unlink: &self.unlink,
            linked: &self.link,
        }
    }
}

impl Replica {
    /// Make `merge` one the session can take: each id once, and each
    /// relation linked only where its ends are there (merged) and the tag
    /// set allows it; one that is not yet is parked and offered again with
    /// the next merge (its ends may come later), as are those parked
    /// before. Of two relations of the same type between the same ends,
    /// the one with the smaller id stays on every side: a duplicate here
    /// with a larger id is unlinked (its tombstone then goes out), one from
    /// the server with a larger id is parked. O(k log k + parked + entries
    /// parked).
    pub(super) fn finish(&mut self, session: &Session, merge: &mut Merge) {
        merge.dedup();
        let parked = (self.entries.iter())
            .filter(|(key, e)| e.parked && super::record::holds(session, key, None))
            .filter_map(|(_, e)| match e.theirs() {
                Some(Record::Relation(r)) => Some(r.clone()),
                _ => None,
            });
        let mut candidates: Vec<Relation> = merge.link.drain(..).chain(parked).collect();
        crate::model::sort::by(&mut candidates, |a, b| a.id.cmp(&b.id));
        candidates.dedup_by(|a, b| a.id == b.id);
        for r in candidates {
            let fits = match session.check_merge_link(&r, &merge.view()) {
                Ok(()) => true,
                Err(Problem::DuplicateRelation(_)) => self.outrank(session, &r, merge),
                Err(_) => false,
            };
            self.entries
                .entry(Key::Relation(r.id.clone()))
                .or_default()
                .parked = !fits;
            if fits {
                merge.link.push(r);
            }
        }
    }

    /// Whether `r`, a duplicate of a relation here, takes its place: when
    /// its id is the smaller; the one here is then unlinked by `merge`.
    fn outrank(&self, session: &Session, r: &Relation, merge: &mut Merge) -> bool {
        let Some(here) = session.duplicate_of(r) else {
            return false;
        };
        if here.id <= r.id {
            return false;
        }
        let at = merge.unlink.partition_point(|id| *id < here.id);
        merge.unlink.insert(at, here.id.clone());
        let fits = session.check_merge_link(r, &merge.view()).is_ok();
        if !fits {
            merge.unlink.remove(at);
        }
        fits
    }
}
