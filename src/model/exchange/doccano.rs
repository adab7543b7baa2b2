//! doccano: one JSON line per article (its sequence-labelling-with-
//! relations import), `entities` numbered from 1 in reading order,
//! `relations` by those numbers; offsets in code points.

use super::{json_line, Dataset};
use serde_json::json;

pub(super) fn export(d: &Dataset) -> String {
    let numbers = d.numbers();
    let entities: Vec<_> = d
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            json!({
                "id": n + 1,
                "start_offset": i.range.start().get(),
                "end_offset": i.range.end().get(),
                "label": i.annotation.tag.as_str(),
            })
        })
        .collect();
    let relations: Vec<_> = d
        .relations
        .iter()
        .enumerate()
        .map(|(n, r)| {
            json!({
                "id": n + 1,
                "from_id": numbers[r.from.as_str()],
                "to_id": numbers[r.to.as_str()],
                "type": r.kind.as_str(),
            })
        })
        .collect();
    json_line(&json!({
        "text": d.text.as_str(),
        "entities": entities,
        "relations": relations,
    }))
}
