//! Planning [`Command::Merge`]: teammates' changes from a shared database
//! (`model::sync`) as one step of the session.

use super::Session;
use crate::model::{Annotation, AnnotationId, Effect, Problem, RelationId};
use std::collections::HashSet;

impl Session {
    /// The effects of [`crate::model::Command::Merge`]: relations unlinked
    /// (each once: those of removed annotations, and those a changed tag
    /// no longer allows), the annotations removed, changed and added. An
    /// id of `remove` that is not here is skipped (it is gone already), so
    /// is a put equal to what is here. O((put + remove) log n + their
    /// relations).
    ///
    /// # Errors
    /// The first put annotation that could not be kept as it is
    /// ([`Session::check_as_is`]), or an id put twice; nothing is planned.
    pub(super) fn plan_merge(
        &self,
        put: Vec<Annotation>,
        remove: &[AnnotationId],
    ) -> Result<Vec<Effect>, Problem> {
        let mut unlinked = HashSet::<RelationId>::new();
        let (mut unlinks, mut rest) = (Vec::new(), Vec::new());
        let mut unlink = |effects: Vec<Effect>, unlinks: &mut Vec<Effect>| {
            for e in effects {
                if e.relation().is_some_and(|r| unlinked.insert(r.id.clone())) {
                    unlinks.push(e);
                }
            }
        };
        let mut seen = HashSet::new();
        for id in remove {
            let Some(a) = self.get(id).filter(|_| seen.insert(id.clone())) else {
                continue;
            };
            let relations = self.relations_of(id).cloned().map(Effect::Unlinked);
            unlink(relations.collect(), &mut unlinks);
            rest.push(Effect::Removed(a.clone()));
        }
        for a in put {
            if !seen.insert(a.id.clone()) {
                return Err(Problem::DuplicateId(a.id));
            }
            self.check_as_is(&a)?;
            match self.get(&a.id) {
                Some(before) if *before == a => {}
                Some(before) => {
                    unlink(self.unlinks_for_retag(&a.id, &a.tag), &mut unlinks);
                    let before = before.clone();
                    rest.push(Effect::Updated { before, after: a });
                }
                None => rest.push(Effect::Added(a)),
            }
        }
        unlinks.extend(rest);
        Ok(unlinks)
    }
}
