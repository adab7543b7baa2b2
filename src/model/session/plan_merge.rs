//! Planning [`Command::Merge`]: teammates' changes from a shared database
//! (`model::sync`) as one step of the session.

use super::plan::unlink_once;
use super::Session;
use crate::model::{Annotation, AnnotationId, Effect, Problem};

impl Session {
    /// The effects of [`crate::model::Command::Merge`]: relations unlinked
    /// (each once: those of removed annotations, and those a changed tag
    /// no longer allows), the annotations removed, changed and added. An
    /// id of `remove` that is not here is skipped (it is gone already), so
    /// is a put equal to what is here. O((put + remove) log(put + remove) +
    /// u²) for u relations unlinked (a few: sets would cost the page a hash
    /// table instance).
    ///
    /// # Errors
    /// The first put annotation that could not be kept as it is
    /// ([`Session::check_as_is`]), or an id put twice or both put and
    /// removed; nothing is planned.
    pub(super) fn plan_merge(
        &self,
        put: Vec<Annotation>,
        remove: &[AnnotationId],
    ) -> Result<Vec<Effect>, Problem> {
        let mut ids: Vec<&AnnotationId> = put.iter().map(|a| &a.id).chain(remove).collect();
        crate::model::sort::by(&mut ids, |a, b| a.as_str().cmp(b.as_str()));
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Problem::DuplicateId(w[0].clone()));
        }
        let (mut unlinks, mut rest) = (Vec::<Effect>::new(), Vec::new());
        for id in remove {
            let Some(a) = self.get(id) else { continue };
            let relations = self.relations_of(id).cloned().map(Effect::Unlinked);
            unlink_once(&mut unlinks, relations);
            rest.push(Effect::Removed(a.clone()));
        }
        for a in put {
            self.check_as_is(&a)?;
            match self.get(&a.id) {
                Some(before) if *before == a => {}
                Some(before) => {
                    unlink_once(&mut unlinks, self.unlinks_for_retag(&a.id, &a.tag));
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
