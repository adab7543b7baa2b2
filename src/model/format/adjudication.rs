//! The storage records of an adjudication in progress, kept with its gold
//! article so that a reload or another visit walks the same disagreements:
//! the plan (written once, when adjudicating starts) and the items decided
//! for no span (written as they change). What each item holds is not kept:
//! it is read back from the gold.
//!
//! The plan record is lines of compact JSON (no value holds a raw line
//! break): a header `{"adjudication":1,"annotations":N}`, the
//! disagreements `{"annotators":[…],"items":[…],"links":[{"id","by"}],
//! "links_left_out":n}`, the union's tag set, its `N` annotation records,
//! then its relation records. The union's article is the gold's, so it is
//! not written twice.

use super::{annotation_record, assemble, import, relation_record, schema_record, ImportError};
use crate::model::agreement::adjudicate::Adjudication;
use crate::model::Session;
use serde::{Deserialize, Serialize};

/// The plan record's layout version.
const LAYOUT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    adjudication: u32,
    annotations: usize,
}

/// The plan record of `adjudication` over `union`. O(size of the union).
pub fn adjudication_record(adjudication: &Adjudication, union: &Session) -> String {
    let text = &union.article().text;
    let header = Header {
        adjudication: LAYOUT,
        annotations: union.annotations().len(),
    };
    let mut lines = vec![
        serde_json::to_string(&header).expect("plain data serialises"),
        serde_json::to_string(adjudication).expect("plain data serialises"),
        schema_record(union.schema()),
    ];
    lines.extend(
        union
            .annotations()
            .iter()
            .map(|a| annotation_record(text, a)),
    );
    lines.extend(union.relations().map(relation_record));
    lines.join("\n")
}

/// The union and the disagreements a plan record holds, over the gold's
/// `article` record (with its text): through the checks of an import,
/// then [`Adjudication::check`]. O(size of the record).
///
/// # Errors
/// A record of another layout, or one that fails those checks.
pub fn restore_adjudication(
    record: &str,
    article: &str,
) -> Result<(Session, Adjudication), ImportError> {
    let shape = |e: String| ImportError::Shape(format!("the saved disagreements: {e}"));
    let mut lines = record.split('\n');
    let mut next = |what: &str| lines.next().ok_or_else(|| shape(format!("no {what}")));
    let header: Header = serde_json::from_str(next("header")?).map_err(|e| shape(e.to_string()))?;
    if header.adjudication != LAYOUT {
        return Err(shape(format!(
            "layout {} is not known",
            header.adjudication
        )));
    }
    let adjudication: Adjudication =
        serde_json::from_str(next("disagreements")?).map_err(|e| shape(e.to_string()))?;
    let schema = next("tag set")?;
    let rest: Vec<&str> = lines.collect();
    if rest.len() < header.annotations {
        return Err(shape("annotations are missing".into()));
    }
    let (annotations, relations) = rest.split_at(header.annotations);
    let file = assemble(
        article,
        Some(schema),
        annotations.iter().copied(),
        relations.iter().copied(),
    );
    let union = import(file.as_bytes())
        .and_then(super::Imported::all_placed)?
        .session;
    adjudication.check(&union).map_err(shape)?;
    Ok((union, adjudication))
}

/// The record of the items decided for no span: their indices.
pub fn decided_none_record(neither: &[bool]) -> String {
    let at: Vec<usize> = (0..neither.len()).filter(|&i| neither[i]).collect();
    serde_json::to_string(&at).expect("plain data serialises")
}

/// Per item of `n`, whether a [`decided_none_record`] names it; indices
/// out of range and an unreadable record name none (the gold holds nothing
/// over such an item either way: it is only shown as open).
pub fn read_decided_none(record: Option<&str>, n: usize) -> Vec<bool> {
    let mut neither = vec![false; n];
    let at: Vec<usize> = record
        .and_then(|r| serde_json::from_str(r).ok())
        .unwrap_or_default();
    for i in at.into_iter().filter(|&i| i < n) {
        neither[i] = true;
    }
    neither
}
