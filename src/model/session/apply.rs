//! Carrying out planned effects, and undo and redo as their inverses.

use super::{Counts, Session, Step};
use crate::model::{Annotation, Change, Command, Effect, Problem, Relation};

impl Session {
    /// Apply `command` as one undo step; clears the redo history.
    ///
    /// # Errors
    /// [`Problem`] when the command cannot apply; the session is unchanged.
    pub fn apply(&mut self, command: Command) -> Result<Change, Problem> {
        let effects = self.plan(command)?;
        let change = self.perform(&effects);
        let seq = self.history.next;
        self.history.next += 1;
        self.history.undo.push(Step { seq, effects });
        self.history.redo.clear();
        Ok(change)
    }

    /// Revert the last applied command; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Change> {
        let step = self.history.undo.pop()?;
        let change = self.perform(&step.inverse());
        self.history.redo.push(step);
        Some(change)
    }

    /// Re-apply the last undone command; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Change> {
        let step = self.history.redo.pop()?;
        let change = self.perform(&step.effects);
        self.history.undo.push(step);
        Some(change)
    }

    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Carry out `effects`, which `plan` (or inversion of a planned step)
    /// made valid for the current state, in order, as one new revision.
    pub(super) fn perform(&mut self, effects: &[Effect]) -> Change {
        for e in effects {
            match e {
                Effect::Added(a) => self.insert(a.clone()),
                Effect::Removed(a) => self.delete(a),
                Effect::Updated { before, after } => self.replace(before, after.clone()),
                Effect::Linked(r) => self.link(r.clone()),
                Effect::Unlinked(r) => self.unlink(r),
                Effect::Schema { after, .. } => {
                    self.schema = (**after).clone();
                    self.index.counts = Counts::of(&self.schema, &self.annotations);
                }
            }
        }
        self.log.record(effects);
        Change::new(effects.to_vec())
    }

    /// O(log n) search plus O(n) shift.
    fn insert(&mut self, a: Annotation) {
        self.max_len = self.max_len.max(a.range.len());
        self.index.counts.add(&self.schema, &a);
        self.index.spans.insert(a.id.clone(), a.range);
        let i = self
            .annotations
            .partition_point(|b| b.reading_key() < a.reading_key());
        self.annotations.insert(i, a);
    }

    /// `a` must be in the session. O(log n) search plus O(n) shift.
    fn delete(&mut self, a: &Annotation) {
        let i = self.position(&a.id).expect("deleted annotations exist");
        let removed = self.annotations.remove(i);
        self.index.spans.remove(&removed.id);
        self.index.counts.remove(&self.schema, &removed);
    }

    /// `before` must be in the session; `after` has its id. In place,
    /// O(log n), when the span is the same; else as delete and insert.
    fn replace(&mut self, before: &Annotation, after: Annotation) {
        if before.range != after.range {
            self.delete(before);
            self.insert(after);
            return;
        }
        let i = self
            .position(&before.id)
            .expect("updated annotations exist");
        self.index.counts.remove(&self.schema, &self.annotations[i]);
        self.index.counts.add(&self.schema, &after);
        self.annotations[i] = after;
    }

    /// Add `r` and index it at both ends. O(log r).
    pub(super) fn link(&mut self, r: Relation) {
        self.index
            .links
            .entry(r.from.clone())
            .or_default()
            .push(r.id.clone());
        self.index
            .links
            .entry(r.to.clone())
            .or_default()
            .push(r.id.clone());
        self.relations.insert(r.id.clone(), r);
    }

    /// Remove `r`, which must be in the session. O(log r + k).
    fn unlink(&mut self, r: &Relation) {
        self.relations.remove(&r.id);
        for end in [&r.from, &r.to] {
            if let Some(ids) = self.index.links.get_mut(end) {
                ids.retain(|id| *id != r.id);
                if ids.is_empty() {
                    self.index.links.remove(end);
                }
            }
        }
    }
}
