//! The undo history as storage records, so that undo survives a reload:
//! one record per step ([`step_record`]) and a head naming the steps of
//! each stack ([`head_record`]). At most [`MAX_KEPT_STEPS`] of each stack
//! are kept, the ones nearest the present. Records the head does not name
//! are ignored (and dropped at the next whole write).

use super::file::{annotation_v2, read_relation, relation_v2, AnnotationV2, RelationV2};
use crate::model::{
    Annotation, Effect, FieldValue, Fields, Schema, SchemaParts, Session, Step, Text, TextRange,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The undo steps kept (and as many redo steps).
pub const MAX_KEPT_STEPS: usize = 100;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRecord {
    seq: u64,
    effects: Vec<EffectRecord>,
}

/// Externally tagged (`{"added": {…}}`): serde's internally tagged and
/// untagged forms buffer their input, which costs the page kilobytes.
/// Values live one at a time, while a step is written or read.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
enum EffectRecord {
    Added {
        annotation: AnnotationV2,
    },
    Updated {
        before: AnnotationV2,
        after: AnnotationV2,
    },
    Removed {
        annotation: AnnotationV2,
    },
    Linked {
        relation: RelationV2,
    },
    Unlinked {
        relation: RelationV2,
    },
    Schema {
        before: SchemaParts,
        after: SchemaParts,
    },
}

/// The steps of each stack, by number: `undo` oldest first, `redo` as
/// [`Session::redo_steps`] lists them.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HeadRecord {
    undo: Vec<u64>,
    redo: Vec<u64>,
}

/// The newest [`MAX_KEPT_STEPS`] of a stack (its end is nearest the present).
fn kept(stack: &[Step]) -> &[Step] {
    &stack[stack.len().saturating_sub(MAX_KEPT_STEPS)..]
}

/// The steps a head keeps: the newest undo steps and the redo steps next
/// in line, at most [`MAX_KEPT_STEPS`] of each.
pub fn kept_steps(session: &Session) -> impl Iterator<Item = &Step> {
    kept(session.undo_steps())
        .iter()
        .chain(kept(session.redo_steps()))
}

/// The head of the session's history (compact JSON).
pub fn head_record(session: &Session) -> String {
    let seqs = |stack: &[Step]| kept(stack).iter().map(|s| s.seq).collect();
    let head = HeadRecord {
        undo: seqs(session.undo_steps()),
        redo: seqs(session.redo_steps()),
    };
    serde_json::to_string(&head).expect("plain data serialises")
}

/// One step as compact JSON. O(its effects).
pub fn step_record(step: &Step) -> String {
    let record = StepRecord {
        seq: step.seq,
        effects: step.effects.iter().map(effect_record).collect(),
    };
    serde_json::to_string(&record).expect("plain data serialises")
}

/// Put the kept history (its head and steps, in any order) back on `session`.
/// Steps the head names but that are missing cut the history there: the
/// undo steps after the gap and the redo steps before it are kept.
///
/// # Errors
/// No head that reads, or a step that does not replay on the session
/// ([`Session::set_history`]), in words; the session's history is then
/// unchanged.
pub fn restore_history(session: &mut Session, records: &[String]) -> Result<(), String> {
    let (mut head, mut by_seq) = (None, HashMap::new());
    for record in records {
        match serde_json::from_str::<HeadRecord>(record) {
            Ok(h) => head = Some(h),
            // A record that does not read is ignored like one no head
            // names; if the head names it, the stack is cut there.
            Err(_) => {
                if let Ok(step) = read_step(record) {
                    by_seq.insert(step.seq, step);
                }
            }
        }
    }
    let head = head.ok_or("the undo history has no head")?;
    let undo = stack(&head.undo, &mut by_seq);
    let redo = stack(&head.redo, &mut by_seq);
    session.set_history(undo, redo).map_err(|p| p.to_string())
}

/// The steps `seqs` names, from its end (the present) back to the first
/// one missing.
fn stack(seqs: &[u64], by_seq: &mut HashMap<u64, Step>) -> Vec<Step> {
    let mut out: Vec<Step> = seqs
        .iter()
        .rev()
        .map_while(|seq| by_seq.remove(seq))
        .collect();
    out.reverse();
    out
}

fn read_step(record: &str) -> Result<Step, String> {
    let r: StepRecord = serde_json::from_str(record).map_err(|e| e.to_string())?;
    let effects = r
        .effects
        .into_iter()
        .map(read_effect)
        .collect::<Result<_, _>>()?;
    Ok(Step {
        seq: r.seq,
        effects,
    })
}

fn effect_record(e: &Effect) -> EffectRecord {
    match e {
        Effect::Added(a) => EffectRecord::Added {
            annotation: annotation_record(a),
        },
        Effect::Updated { before, after } => EffectRecord::Updated {
            before: annotation_record(before),
            after: annotation_record(after),
        },
        Effect::Removed(a) => EffectRecord::Removed {
            annotation: annotation_record(a),
        },
        Effect::Linked(r) => EffectRecord::Linked {
            relation: relation_v2(r),
        },
        Effect::Unlinked(r) => EffectRecord::Unlinked {
            relation: relation_v2(r),
        },
        Effect::Schema { before, after } => EffectRecord::Schema {
            before: before.to_parts(),
            after: after.to_parts(),
        },
    }
}

fn read_effect(r: EffectRecord) -> Result<Effect, String> {
    let schema = |p: SchemaParts| {
        Schema::new(p.tags, p.relations)
            .map(Box::new)
            .map_err(|e| e.to_string())
    };
    Ok(match r {
        EffectRecord::Added { annotation } => Effect::Added(read_annotation(annotation)?),
        EffectRecord::Updated { before, after } => Effect::Updated {
            before: read_annotation(before)?,
            after: read_annotation(after)?,
        },
        EffectRecord::Removed { annotation } => Effect::Removed(read_annotation(annotation)?),
        EffectRecord::Linked { relation } => Effect::Linked(read_relation(relation)),
        EffectRecord::Unlinked { relation } => Effect::Unlinked(read_relation(relation)),
        EffectRecord::Schema { before, after } => Effect::Schema {
            before: schema(before)?,
            after: schema(after)?,
        },
    })
}

/// An annotation in a step: the file's form, without its quote (the text
/// holds it), so the page reuses the file's reader.
fn annotation_record(a: &Annotation) -> AnnotationV2 {
    annotation_v2(&Text::new(String::new()), a, false)
}

fn read_annotation(r: AnnotationV2) -> Result<Annotation, String> {
    let range = TextRange::new(r.start, r.end).ok_or("a kept step has start after end")?;
    let value = |json: serde_json::Value| match json {
        serde_json::Value::Bool(b) => Ok(FieldValue::Bool(b)),
        serde_json::Value::Number(n) => n.as_f64().map(FieldValue::Number).ok_or("a big number"),
        serde_json::Value::String(s) => Ok(FieldValue::Text(s)),
        _ => Err("a field value that is not a string, boolean or number"),
    };
    let fields: Fields = r
        .fields
        .into_iter()
        .map(|(id, json)| Ok((id, value(json)?)))
        .collect::<Result<_, &str>>()?;
    Ok(Annotation {
        id: r.id,
        tag: r.tag,
        range,
        note: r.note,
        fields,
        created: r.created,
        modified: r.modified,
        creator: r.creator,
        adjudicated_from: r.adjudicated_from,
    })
}
