//! The undo history as data, so that the library can keep it: its steps
//! in order, and putting a kept history back on a restored session after
//! checking that every step replays on it.

use super::Session;
use crate::model::limits::{check_names, check_note};
use crate::model::{Annotation, AnnotationId, Effect, Problem, Relation, Schema};

/// One undo step: the effects of one command, numbered (`seq`, unique in
/// the session) so that storage can tell the steps apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub seq: u64,
    pub effects: Vec<Effect>,
}

impl Step {
    /// The effects that undo it: each inverted, in reverse order.
    pub fn inverse(&self) -> Vec<Effect> {
        self.effects.iter().rev().map(Effect::inverse).collect()
    }
}

impl Session {
    /// The undo stack, oldest first (the last is undone first).
    pub fn undo_steps(&self) -> &[Step] {
        &self.history.undo
    }

    /// The redo stack, the last redone first.
    pub fn redo_steps(&self) -> &[Step] {
        &self.history.redo
    }

    /// The number the next step will get; every step so far has a lower one.
    pub fn next_step(&self) -> u64 {
        self.history.next
    }

    /// Put a kept history back: `undo` oldest first, `redo` as
    /// [`Session::redo_steps`] lists it. Each step must replay on the
    /// session as it is — every undo step undone in turn from here, every
    /// redo step redone in turn — keeping the session's invariants.
    /// Cost: one copy of the session and two replays of the undo steps (back
    /// to the oldest, then forward again: inverses are exact) and one of the
    /// redo steps.
    ///
    /// # Errors
    /// The first [`Problem`] of a step that does not replay; the history is
    /// then left as it was.
    pub fn set_history(&mut self, undo: Vec<Step>, redo: Vec<Step>) -> Result<(), Problem> {
        let mut copy = self.clone();
        for step in undo.iter().rev() {
            copy.replay(&step.inverse())?;
        }
        for step in undo.iter().chain(redo.iter().rev()) {
            copy.replay(&step.effects)?;
        }
        let mut next = self.history.next;
        for s in undo.iter().chain(&redo) {
            next = next.max(s.seq.checked_add(1).ok_or(Problem::StepDoesNotFit)?);
        }
        self.history.next = next;
        self.history.undo = undo;
        self.history.redo = redo;
        Ok(())
    }

    /// Carry out `effects`, each checked against the session first.
    fn replay(&mut self, effects: &[Effect]) -> Result<(), Problem> {
        for e in effects {
            self.check_effect(e)?;
            self.perform(std::slice::from_ref(e));
        }
        Ok(())
    }

    /// Whether `e` applies to the session as it is and keeps its
    /// invariants. O(n) for a tag set, else O(log n + links).
    fn check_effect(&self, e: &Effect) -> Result<(), Problem> {
        let mismatch = || Problem::StepDoesNotFit;
        let present = |a: &Annotation| self.get(&a.id) == Some(a);
        match e {
            Effect::Added(a) if a.id.as_str().trim().is_empty() => Err(mismatch()),
            Effect::Linked(r) if r.id.as_str().trim().is_empty() => Err(mismatch()),
            Effect::Added(a) => {
                if self.index.spans.contains_key(&a.id) {
                    return Err(Problem::DuplicateId(a.id.clone()));
                }
                self.check_annotation(a, &self.schema)
            }
            Effect::Removed(a) if present(a) && self.relations_of(&a.id).next().is_none() => Ok(()),
            Effect::Updated { before, after } if present(before) && before.id == after.id => {
                self.check_annotation(after, &self.schema)?;
                let kept = |r: &Relation| {
                    let tag = |id: &AnnotationId| {
                        if *id == after.id {
                            &after.tag
                        } else {
                            self.tag_of(id)
                        }
                    };
                    self.schema
                        .relation_type(&r.kind)
                        .is_some_and(|k| k.allows(tag(&r.from), tag(&r.to)))
                };
                self.relations_of(&after.id)
                    .all(kept)
                    .then_some(())
                    .ok_or_else(mismatch)
            }
            Effect::Linked(r) => self.check_link(r),
            Effect::Unlinked(r) if self.relation(&r.id) == Some(r) => Ok(()),
            Effect::Schema { before, after } if self.schema == **before => {
                let checked = Schema::new(after.tags().to_vec(), after.relation_types().to_vec())
                    .map_err(Problem::Schema)?;
                for a in &self.annotations {
                    self.check_annotation(a, &checked)?;
                }
                let fits = |r: &Relation| {
                    checked
                        .relation_type(&r.kind)
                        .is_some_and(|k| k.allows(self.tag_of(&r.from), self.tag_of(&r.to)))
                };
                self.relations()
                    .all(fits)
                    .then_some(())
                    .ok_or_else(mismatch)
            }
            _ => Err(mismatch()),
        }
    }

    /// `a`'s span, note, creator, tag and fields against the text and `schema`.
    fn check_annotation(&self, a: &Annotation, schema: &Schema) -> Result<(), Problem> {
        let full = self.article.text.full_range();
        if !full.contains_range(a.range) || a.range.is_empty() {
            return Err(Problem::OutsideText {
                id: a.id.clone(),
                range: a.range,
                text_len: full.len(),
            });
        }
        check_note(&a.note).map_err(Problem::NoteTooLong)?;
        check_names(&a.creator, &a.adjudicated_from).map_err(Problem::CreatorTooLong)?;
        let def = schema
            .tag(&a.tag)
            .ok_or_else(|| Problem::UnknownTag(a.tag.clone()))?;
        super::plan::check_fields(def, &a.fields)
    }
}
