//! The annotators' relations in adjudication. The union holds each
//! annotator's relation once, between the union's spans, and who made it
//! ([`Link`]). **Relations follow their spans**: the gold holds a union
//! relation whenever it holds both its ends (spans with the same start,
//! end and tag). So a relation between spans every annotator marked is in
//! the gold from the start, whoever made it, and a decision that takes a
//! span brings the relations of it whose other end the gold holds; a span
//! decided away takes its relations with it. The adjudicator unlinks what
//! does not belong, as in any article.

use super::Adjudication;
use crate::model::agreement::Coder;
use crate::model::{Annotation, AnnotationId, Relation, RelationId, Schema, Session};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who made a relation of the union (annotator indices).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub id: RelationId,
    pub by: Vec<usize>,
}

/// A span by start, end and tag (code points).
pub(super) type SpanKey<'a> = (usize, usize, &'a str);

pub(super) fn key_of(a: &Annotation) -> SpanKey<'_> {
    (a.range.start().get(), a.range.end().get(), a.tag.as_str())
}

/// The union's relations (ids `r1`, `r2`… in order of type and ends) and
/// who made each, sorted by id: every annotator's relations moved onto
/// the union's spans (`union_id` of each span), each distinct (type,
/// from, to) once. Relations the union cannot hold (a type only another
/// annotator's set has, tags it does not allow, or both ends one union
/// span) are left out; their count is the third value. O(r log r).
pub(super) fn union_links(
    coders: &[Coder],
    union_id: &BTreeMap<SpanKey, AnnotationId>,
    schema: &Schema,
) -> (Vec<Relation>, Vec<Link>, usize) {
    let mut made: BTreeMap<(&str, &AnnotationId, &AnnotationId), (Vec<usize>, &str)> =
        BTreeMap::new();
    let mut left_out = 0;
    for (k, c) in coders.iter().enumerate() {
        for r in c.session.relations() {
            let end = |id: &AnnotationId| {
                let a = c.session.get(id)?;
                union_id.get(&key_of(a)).map(|u| (u, &a.tag))
            };
            let (Some((from, from_tag)), Some((to, to_tag))) = (end(&r.from), end(&r.to)) else {
                continue;
            };
            // Two alike spans of one annotator linked to each other are
            // one span of the union: a relation to itself, not kept.
            let fits = from != to
                && schema
                    .relation_type(&r.kind)
                    .is_some_and(|t| t.allows(from_tag, to_tag));
            if !fits {
                left_out += 1;
                continue;
            }
            let (by, _) = made
                .entry((r.kind.as_str(), from, to))
                .or_insert((Vec::new(), r.created.as_str()));
            if by.last() != Some(&k) {
                by.push(k);
            }
        }
    }
    let (mut relations, mut links) = (Vec::new(), Vec::new());
    for (i, ((kind, from, to), (by, created))) in made.into_iter().enumerate() {
        let id = RelationId::from(format!("r{}", i + 1).as_str());
        relations.push(Relation {
            id: id.clone(),
            kind: kind.into(),
            from: from.clone(),
            to: to.clone(),
            created: created.to_owned(),
        });
        links.push(Link { id, by });
    }
    crate::model::sort::by(&mut links, |a, b| a.id.cmp(&b.id));
    (relations, links, left_out)
}

impl Adjudication {
    /// Who made union relation `id` (annotator indices; none if unknown).
    pub fn linked_by(&self, id: &RelationId) -> &[usize] {
        match self.links.binary_search_by(|l| l.id.cmp(id)) {
            Ok(i) => &self.links[i].by,
            Err(_) => &[],
        }
    }

    /// The relations a decision adds: those of the union at the versions
    /// `taken` (each with its new id in the gold) whose other end is
    /// taken too or is in the `gold` and not in `removed`, and which the
    /// gold's tag set (the adjudicator may have changed it) allows, as relations
    /// between the gold's annotations, with ids from `new_id`. O(t·(k +
    /// log n)) for `t` versions taken with `k` relations each.
    pub(super) fn links_for(
        &self,
        taken: &[(&Annotation, AnnotationId)],
        (union, gold): (&Session, &Session),
        removed: &[AnnotationId],
        mut new_id: impl FnMut() -> String,
        at: &str,
    ) -> Vec<Relation> {
        let in_gold = |u: &AnnotationId| -> Option<AnnotationId> {
            if let Some((_, id)) = taken.iter().find(|(v, _)| v.id == *u) {
                return Some(id.clone());
            }
            let u = union.get(u)?;
            gold.overlapping(u.range)
                .find(|g| key_of(g) == key_of(u) && !removed.contains(&g.id))
                .map(|g| g.id.clone())
        };
        let fits = |r: &Relation| {
            let tag = |id| union.get(id).map(|a| &a.tag);
            let kind = gold.schema().relation_type(&r.kind);
            matches!((kind, tag(&r.from), tag(&r.to)), (Some(k), Some(f), Some(t)) if k.allows(f, t))
        };
        let mut out: Vec<Relation> = Vec::new();
        for (v, _) in taken {
            for r in union.relations_of(&v.id).filter(|r| fits(r)) {
                let (Some(from), Some(to)) = (in_gold(&r.from), in_gold(&r.to)) else {
                    continue;
                };
                let same = |s: &Relation| s.kind == r.kind && s.from == from && s.to == to;
                if out.iter().any(same) || gold.relations_of(&from).any(same) {
                    continue; // both ends taken here, or there already
                }
                out.push(Relation {
                    id: RelationId::from(new_id().as_str()),
                    kind: r.kind.clone(),
                    from,
                    to,
                    created: at.to_owned(),
                });
            }
        }
        out
    }
}
