//! How a session's annotations were carried from another version of its
//! article (statuses, orphans and the relations that wait for them), as
//! one storage record: saved beside the
//! annotation records, which do not hold it, and put back after they are
//! read ([`restore_carried`]).

use super::file::read_relation;
use super::file::{orphan_v2, relation_v2, AnchoringV2, AnnotationV2, RelationV2};
use super::import::{read_orphan, ImportError};
use crate::model::reanchor::Carried;
use crate::model::{AnnotationId, CharOffset, Session, TextRange};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CarriedRecord {
    /// Statuses by annotation id, with the range each holds at.
    placed: BTreeMap<AnnotationId, PlacedV2>,
    orphans: Vec<AnnotationV2>,
    /// [`Carried::relations`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relations: Vec<RelationV2>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacedV2 {
    start: CharOffset,
    end: CharOffset,
    /// [`AnchoringV2`]'s fields.
    status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    similarity: Option<f64>,
}

/// The session's [`Carried`] as compact JSON; `None` when nothing was
/// carried. O(statuses + orphans).
pub fn carried_record(session: &Session) -> Option<String> {
    let c = session.carried();
    if c.placed.is_empty() && c.orphans.is_empty() {
        return None;
    }
    let placed = c
        .placed
        .iter()
        .filter_map(|(id, (r, a))| {
            let AnchoringV2 { status, similarity } = AnchoringV2::of(*a)?;
            let (start, end) = (r.start(), r.end());
            Some((
                id.clone(),
                PlacedV2 {
                    start,
                    end,
                    status,
                    similarity,
                },
            ))
        })
        .collect();
    let orphans = c.orphans.iter().map(orphan_v2).collect();
    let relations = c.relations.iter().map(relation_v2).collect();
    let record = CarriedRecord {
        placed,
        orphans,
        relations,
    };
    Some(serde_json::to_string(&record).expect("plain data serialises"))
}

/// Put a [`carried_record`] back on `session` (read from the other
/// records), its orphans checked against the session's tag set.
///
/// # Errors
/// A record that does not read, or an orphan or status that breaks a
/// rule of the file format, named.
pub fn restore_carried(session: &mut Session, record: &str) -> Result<(), ImportError> {
    let r: CarriedRecord = serde_json::from_str(record)
        .map_err(|e| ImportError::Shape(format!("the saved carrying record: {e}")))?;
    let mut carried = Carried::default();
    for (id, p) in r.placed {
        let how = AnchoringV2 {
            status: p.status,
            similarity: p.similarity,
        };
        let how = how.read().map_err(ImportError::Shape)?;
        let range = TextRange::new(p.start, p.end)
            .ok_or_else(|| ImportError::Shape("a saved status has start after end".into()))?;
        carried.placed.insert(id, (range, how));
    }
    for (i, o) in r.orphans.into_iter().enumerate() {
        carried
            .orphans
            .push(read_orphan(session.schema(), i + 1, o)?);
    }
    // Kept as written, never refused: edits since the carry (an end
    // deleted or retagged, a relation type removed) may have made some
    // unfit, and `Session::waiting_relations` leaves those out.
    carried.relations = r.relations.into_iter().map(read_relation).collect();
    session.set_carried(carried);
    Ok(())
}
