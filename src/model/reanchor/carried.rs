//! Carrying a whole session to a new version of its article: every
//! annotation placed with its [`Anchoring`], or kept as an [`Orphan`] with
//! its old quote and context, never dropped.

use super::{Anchoring, Carrier};
use crate::model::selector::{describe, TextQuoteSelector};
use crate::model::{Annotation, AnnotationId, Article, Problem, Relation, Session, TextRange};
use std::collections::{BTreeMap, HashSet};

/// How the annotations of a session came to its article, when they were
/// carried from another version of it. Empty otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    /// How each carried annotation was placed, and where: the status holds
    /// while the annotation stays at that range.
    pub placed: BTreeMap<AnnotationId, (TextRange, Anchoring)>,
    /// The annotations that could not be placed, in the old text's order.
    pub orphans: Vec<Orphan>,
    /// The relations that had an orphan end when carried, whole. One
    /// *waits* (is not in the session, [`Session::waiting_relations`])
    /// while an end is an orphan; attaching that orphan links it again.
    pub relations: Vec<Relation>,
}

/// An annotation that could not be placed on the new version: all of it,
/// with `range` into the version it was made on, and that version's quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    pub annotation: Annotation,
    pub quote: TextQuoteSelector,
}

/// What [`carry`] did, for the user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub exact: usize,
    pub moved: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
    /// Relations that wait for an orphaned end to be attached.
    pub relations_waiting: usize,
}

/// `old`'s annotations and relations on `onto` (a new version of `old`'s
/// article), with `old`'s tag set. Cost: one diff of the two texts, then
/// O(log n) per annotation the diff carries, O(n) per one searched for.
///
/// # Errors
/// A [`Problem`] only if `old` broke its own invariants (it cannot).
pub fn carry(old: &Session, onto: Article) -> Result<(Session, Summary), Problem> {
    let carrier = Carrier::new(&old.article().text, &onto.text);
    let mut summary = Summary::default();
    let mut carried = Carried::default();
    let mut annotations = Vec::with_capacity(old.annotations().len());
    for a in old.annotations() {
        let placement = carrier.place(a.range);
        let Some(range) = placement.range else {
            summary.orphaned += 1;
            let quote = describe(&old.article().text, a.range);
            carried.orphans.push(Orphan {
                annotation: a.clone(),
                quote,
            });
            continue;
        };
        match placement.anchoring {
            Anchoring::Exact => summary.exact += 1,
            Anchoring::Moved => summary.moved += 1,
            _ => summary.fuzzy += 1,
        }
        carried
            .placed
            .insert(a.id.clone(), (range, placement.anchoring));
        annotations.push(Annotation { range, ..a.clone() });
    }
    // Orphans of an earlier carry stay orphans: their text is not at hand.
    for o in old.orphans() {
        summary.orphaned += 1;
        carried.orphans.push(o.clone());
    }
    let placed: HashSet<&AnnotationId> = annotations.iter().map(|a| &a.id).collect();
    let (relations, waiting): (Vec<Relation>, Vec<Relation>) = old
        .relations()
        .chain(old.waiting_relations())
        .cloned()
        .partition(|r| placed.contains(&r.from) && placed.contains(&r.to));
    summary.relations_waiting = waiting.len();
    carried.relations = waiting;
    let mut session = Session::from_parts(onto, old.schema().clone(), annotations, relations)?;
    session.set_carried(carried);
    session.set_unexported(true);
    Ok((session, summary))
}
