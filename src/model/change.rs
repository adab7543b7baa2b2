//! [`Change`]: what an applied command, undo or redo changed, as the list of
//! primitive [`Effect`]s it carried out, for repainting, saving and
//! announcing.

use super::{Annotation, AnnotationId, Relation, RelationId, Schema};

/// One primitive change of a session; each has an exact inverse
/// ([`Effect::inverse`]). A command is planned into a list of them (one
/// undo step), applied in order.
#[derive(Clone, Debug, PartialEq, Eq)]
// An update holds the annotation before and after by design; boxing them
// would cost an allocation per update for a few hundred bytes per step.
#[allow(clippy::large_enum_variant)]
pub enum Effect {
    Added(Annotation),
    /// `before.id == after.id`: an update never changes the id.
    Updated {
        before: Annotation,
        after: Annotation,
    },
    Removed(Annotation),
    Linked(Relation),
    Unlinked(Relation),
    /// The tag set was replaced (a schema is small: whole copies keep the
    /// inverse exact and simple).
    Schema {
        before: Box<Schema>,
        after: Box<Schema>,
    },
}

impl Effect {
    /// The effect that undoes `self`.
    pub fn inverse(&self) -> Effect {
        match self {
            Effect::Added(a) => Effect::Removed(a.clone()),
            Effect::Removed(a) => Effect::Added(a.clone()),
            Effect::Updated { before, after } => Effect::Updated {
                before: after.clone(),
                after: before.clone(),
            },
            Effect::Linked(r) => Effect::Unlinked(r.clone()),
            Effect::Unlinked(r) => Effect::Linked(r.clone()),
            Effect::Schema { before, after } => Effect::Schema {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// The annotation it touched, if it touched one (as it is after the effect,
    /// or as it was when removed).
    pub fn annotation(&self) -> Option<&Annotation> {
        match self {
            Effect::Added(a) | Effect::Removed(a) | Effect::Updated { after: a, .. } => Some(a),
            _ => None,
        }
    }

    /// The relation it touched, if it touched one.
    pub fn relation(&self) -> Option<&Relation> {
        match self {
            Effect::Linked(r) | Effect::Unlinked(r) => Some(r),
            _ => None,
        }
    }
}

/// What an applied command, undo or redo changed: its effects in the order
/// they were carried out (for an undo, the inverses, last first).
///
/// Typical shapes: tagging is `[Added]`; removing an annotation with two
/// relations is `[Unlinked, Unlinked, Removed]`; linking is `[Linked]`;
/// removing a tag whose annotations are retagged is `[Unlinked..,
/// Updated.., Schema]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    effects: Vec<Effect>,
}

impl Change {
    pub(super) fn new(effects: Vec<Effect>) -> Self {
        Self { effects }
    }

    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    /// The annotation effect when the change touched exactly one annotation
    /// (whatever relations went with it); `None` otherwise.
    pub fn annotation_effect(&self) -> Option<&Effect> {
        let mut found = self.effects.iter().filter(|e| e.annotation().is_some());
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Ids of the annotations touched, in effect order (an id may repeat
    /// only if a command touched it twice, which none does).
    pub fn annotation_ids(&self) -> impl Iterator<Item = &AnnotationId> {
        self.effects
            .iter()
            .filter_map(|e| Some(&e.annotation()?.id))
    }

    /// Ids of the relations added or removed.
    pub fn relation_ids(&self) -> impl Iterator<Item = &RelationId> {
        self.effects.iter().filter_map(|e| Some(&e.relation()?.id))
    }

    /// Relations added (`linked`) and removed by this change.
    pub fn n_linked(&self) -> usize {
        self.count(|e| matches!(e, Effect::Linked(_)))
    }

    pub fn n_unlinked(&self) -> usize {
        self.count(|e| matches!(e, Effect::Unlinked(_)))
    }

    /// How many annotations it touched.
    pub fn n_annotations(&self) -> usize {
        self.count(|e| e.annotation().is_some())
    }

    /// The tag set before and after, when it changed.
    pub fn schema(&self) -> Option<(&Schema, &Schema)> {
        self.effects.iter().find_map(|e| match e {
            Effect::Schema { before, after } => Some((&**before, &**after)),
            _ => None,
        })
    }

    fn count(&self, f: impl Fn(&Effect) -> bool) -> usize {
        self.effects.iter().filter(|e| f(e)).count()
    }
}
