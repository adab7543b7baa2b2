//! Planning [`Command::Merge`]: teammates' changes from a shared database
//! (`model::sync`) as one step of the session.

use super::plan::unlink_once;
use super::Session;
use crate::model::{Annotation, AnnotationId, Effect, Problem, Relation, RelationId};

/// What a merge leaves of the session, to check a relation against before
/// it is linked: the annotations `put` (sorted by id) and `remove` (sorted)
/// applied, the relations `unlink` (sorted) gone and `linked` added.
#[derive(Clone, Copy, Debug)]
pub struct MergeView<'a> {
    pub put: &'a [Annotation],
    pub remove: &'a [AnnotationId],
    pub unlink: &'a [RelationId],
    pub linked: &'a [Relation],
}

impl MergeView<'_> {
    /// Annotation `id` as the merge leaves it. O(log n).
    fn get<'s>(&'s self, session: &'s Session, id: &AnnotationId) -> Option<&'s Annotation> {
        if let Ok(i) = self.put.binary_search_by(|a| a.id.cmp(id)) {
            return Some(&self.put[i]);
        }
        if self.remove.binary_search(id).is_ok() {
            return None;
        }
        session.get(id)
    }

    fn unlinks(&self, id: &RelationId) -> bool {
        self.unlink.binary_search(id).is_ok()
    }
}

/// Whether `a` and `b` are of one type between the same ends.
fn same_link(a: &Relation, b: &Relation) -> bool {
    a.kind == b.kind && a.from == b.from && a.to == b.to
}

impl Session {
    /// Whether a merge that leaves `view` could link `r` as well: the
    /// checks of [`crate::model::Command::Link`] against what it leaves.
    /// O(log n + k log r + linked).
    ///
    /// # Errors
    /// The first rule it breaks (its id taken, an unknown type, an end not
    /// there, tags the type does not allow, such a link already there).
    pub fn check_merge_link(&self, r: &Relation, view: &MergeView) -> Result<(), Problem> {
        let taken = |id: &RelationId| self.relation(id).is_some() && !view.unlinks(id);
        if taken(&r.id) || view.linked.iter().any(|l| l.id == r.id) {
            return Err(Problem::DuplicateRelationId(r.id.clone()));
        }
        let end = |id: &AnnotationId| {
            view.get(self, id)
                .ok_or_else(|| Problem::NoSuchAnnotation(id.clone()))
        };
        let (from, to) = (end(&r.from)?, end(&r.to)?);
        self.check_relation_ends(r, from, to)?;
        let here = self.relations_of(&r.from).filter(|s| !view.unlinks(&s.id));
        if here.chain(view.linked).any(|s| same_link(s, r)) {
            let label = self.schema.relation_type(&r.kind).map(|k| k.label.clone());
            return Err(Problem::DuplicateRelation(label.unwrap_or_default()));
        }
        Ok(())
    }

    /// The relation here of the same type between the same ends as `r`.
    /// O(k log r).
    pub fn duplicate_of(&self, r: &Relation) -> Option<&Relation> {
        self.relations_of(&r.from).find(|s| same_link(s, r))
    }

    /// The effects of [`crate::model::Command::Merge`]: relations unlinked
    /// (each once: those of `unlink` that are here, those of removed
    /// annotations, and those a changed tag no longer allows), the
    /// annotations removed, changed and added, then the relations of
    /// `link` linked. An id of `remove` or `unlink` that is not here is
    /// skipped (it is gone already), so is a put equal to what is here.
    /// O((put + remove + link) log(…) + u² + link²) for u relations
    /// unlinked (sets would cost the page a hash table instance).
    ///
    /// # Errors
    /// The first put annotation that could not be kept as it is
    /// ([`Session::check_as_is`]), the first link the merged session could
    /// not hold ([`Session::check_merge_link`]), or an id named twice;
    /// nothing is planned.
    pub(super) fn plan_merge(
        &self,
        mut put: Vec<Annotation>,
        mut remove: Vec<AnnotationId>,
        link: Vec<Relation>,
        mut unlink: Vec<RelationId>,
    ) -> Result<Vec<Effect>, Problem> {
        crate::model::sort::by(&mut put, |a, b| a.id.cmp(&b.id));
        crate::model::sort::by(&mut remove, |a, b| a.cmp(b));
        crate::model::sort::by(&mut unlink, |a, b| a.cmp(b));
        let mut ids: Vec<&AnnotationId> = put.iter().map(|a| &a.id).chain(&remove).collect();
        crate::model::sort::by(&mut ids, |a, b| a.cmp(b));
        if let Some(w) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(Problem::DuplicateId(w[0].clone()));
        }
        if let Some(w) = unlink.windows(2).find(|w| w[0] == w[1]) {
            return Err(Problem::DuplicateRelationId(w[0].clone()));
        }
        let mut unlinks: Vec<Effect> = Vec::new();
        let named = unlink.iter().filter_map(|id| self.relation(id));
        unlink_once(&mut unlinks, named.cloned().map(Effect::Unlinked));
        let mut rest = Vec::new();
        for id in &remove {
            let Some(a) = self.get(id) else { continue };
            let relations = self.relations_of(id).cloned().map(Effect::Unlinked);
            unlink_once(&mut unlinks, relations);
            rest.push(Effect::Removed(a.clone()));
        }
        for a in &put {
            self.check_as_is(a)?;
            match self.get(&a.id) {
                Some(before) if before == a => {}
                Some(before) => {
                    unlink_once(&mut unlinks, self.unlinks_for_retag(&a.id, &a.tag));
                    let (before, after) = (before.clone(), a.clone());
                    rest.push(Effect::Updated { before, after });
                }
                None => rest.push(Effect::Added(a.clone())),
            }
        }
        let mut gone: Vec<RelationId> = unlinks
            .iter()
            .filter_map(|e| e.relation())
            .map(|r| r.id.clone())
            .collect();
        crate::model::sort::by(&mut gone, |a, b| a.cmp(b));
        for (i, r) in link.iter().enumerate() {
            let view = MergeView {
                put: &put,
                remove: &remove,
                unlink: &gone,
                linked: &link[..i],
            };
            self.check_merge_link(r, &view)?;
        }
        unlinks.extend(rest);
        unlinks.extend(link.into_iter().map(Effect::Linked));
        Ok(unlinks)
    }
}
