//! Preparing an adjudication (in the converters' worker): the union of
//! the annotators' spans and relations, and the disagreements as runs of
//! overlapping spans.

use super::links::{key_of, union_links, SpanKey};
use super::{Adjudication, Item, Kind};
use crate::model::agreement::{check_same_article, AgreementError, Coder};
use crate::model::{Annotation, AnnotationId, Schema, Session};
use std::collections::BTreeMap;

/// Merge the annotators' spans: the union session (the first annotator's
/// article and tag set, with any other annotator's tags added without
/// keys; fields a tag does not take are dropped) and the disagreements.
///
/// # Errors
/// As [`super::compare`]; a tag set the added tags make invalid.
pub fn prepare(coders: &[Coder]) -> Result<(Session, Adjudication), AgreementError> {
    check_same_article(coders)?;
    let schema = union_schema(coders)?;
    let n = coders.len();
    let mut spans: BTreeMap<SpanKey, (Vec<usize>, &Annotation)> = BTreeMap::new();
    for (k, c) in coders.iter().enumerate() {
        for a in c.session.annotations() {
            let (by, _) = spans.entry(key_of(a)).or_insert((Vec::new(), a));
            if by.last() != Some(&k) {
                by.push(k);
            }
        }
    }
    let mut union = Vec::with_capacity(spans.len());
    let mut union_id = BTreeMap::new();
    let mut open: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, (key, (by, a))) in spans.into_iter().enumerate() {
        let def = schema
            .tag(&a.tag)
            .expect("the union's tag set has every tag");
        let id = AnnotationId::from(format!("u{}", i + 1).as_str());
        union_id.insert(key, id.clone());
        union.push(Annotation {
            id,
            fields: def.fitting(&a.fields),
            adjudicated_from: by.iter().map(|&k| coders[k].name.to_owned()).collect(),
            ..a.clone()
        });
        if by.len() < n {
            open.push((i, by));
        }
    }
    let items = group(&open, &union);
    let (relations, links, links_left_out) = union_links(coders, &union_id, &schema);
    let first = coders[0].session;
    let session = Session::from_parts(first.article().clone(), schema, union, relations)
        .expect("annotators' spans and fitting relations fit their own article");
    let annotators = coders.iter().map(|c| c.name.to_owned()).collect();
    let adjudication = Adjudication {
        annotators,
        items,
        links,
        links_left_out,
    };
    Ok((session, adjudication))
}

/// The first annotator's tag set, with the tags only others have at the
/// end, without keys (theirs may clash); a label another tag has already
/// is followed by the annotator's name ("Claim (Bo)").
fn union_schema(coders: &[Coder]) -> Result<Schema, AgreementError> {
    let first = coders[0].session.schema();
    let mut tags = first.tags().to_vec();
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    for c in &coders[1..] {
        for t in c.session.schema().tags() {
            if tags.iter().any(|u| u.id == t.id) {
                continue;
            }
            let mut def = crate::model::TagDef {
                key: None,
                letter: None,
                ..t.clone()
            };
            if tags.iter().any(|u| same(&u.label, &def.label)) {
                def.label = format!("{} ({})", def.label, c.name);
            }
            tags.push(def);
        }
    }
    Schema::new(tags, first.relation_types().to_vec())
        .map_err(|e| AgreementError::Schema(e.to_string()))
}

/// Runs of overlapping spans as items: `open` lists the union's
/// annotations (indices, sorted by start) that not everyone marked, with
/// who marked them. A span joins the run when it starts before the run's
/// end (so it overlaps the span reaching that end, which starts no later).
fn group(open: &[(usize, Vec<usize>)], union: &[Annotation]) -> Vec<Item> {
    let mut runs: Vec<(Item, Vec<usize>)> = Vec::new();
    for (k, (i, _)) in open.iter().enumerate() {
        let r = union[*i].range;
        let (s, e) = (r.start().get(), r.end().get());
        match runs.last_mut() {
            Some((item, members)) if s < item.end => {
                item.end = item.end.max(e);
                item.versions.push(union[*i].id.clone());
                members.push(k);
            }
            _ => runs.push((
                Item {
                    kind: Kind::Bounds,
                    start: s,
                    end: e,
                    versions: vec![union[*i].id.clone()],
                },
                vec![k],
            )),
        }
    }
    runs.into_iter()
        .map(|(mut item, members)| {
            let range = |k: usize| union[open[k].0].range;
            item.kind = match members.as_slice() {
                [one] => Kind::Only(open[*one].1.clone()),
                [first, rest @ ..] if rest.iter().all(|&k| range(k) == range(*first)) => Kind::Tag,
                _ => Kind::Bounds,
            };
            item
        })
        .collect()
}
