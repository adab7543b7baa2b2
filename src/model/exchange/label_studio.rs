//! Label Studio: a task list (`[{"data": {"text"}, "annotations":
//! [{"result": [...]}]}]`) for a labelling config with
//! `<Labels name="label" toName="text">`, `<Text name="text"
//! value="$text"/>`, `<Relations>` and a per-region
//! `<TextArea name="note" toName="text" perRegion="true"/>` (the config is
//! in `docs/formats.md`). Region ids are the annotations' ids; a note is a
//! `textarea` result sharing its region's id; relations are `relation`
//! results. Offsets in code points, as Label Studio's `<Text>` writes them.

use super::Dataset;
use serde_json::{json, Value};

/// Names of the labelling config's controls.
pub(super) const LABELS: &str = "label";
pub(super) const TEXT: &str = "text";
pub(super) const NOTE: &str = "note";

pub(super) fn export(d: &Dataset) -> String {
    let article = d.session.article();
    let mut result: Vec<Value> = Vec::new();
    for i in &d.items {
        let a = i.annotation;
        let (start, end) = (i.range.start().get(), i.range.end().get());
        result.push(json!({
            "id": a.id.as_str(),
            "from_name": LABELS,
            "to_name": TEXT,
            "type": "labels",
            "origin": "manual",
            "value": {
                "start": start,
                "end": end,
                "text": d.text.slice(i.range),
                "labels": [a.tag.as_str()],
            },
        }));
        if !a.note.is_empty() {
            result.push(json!({
                "id": a.id.as_str(),
                "from_name": NOTE,
                "to_name": TEXT,
                "type": "textarea",
                "origin": "manual",
                "value": {"start": start, "end": end, "text": [a.note]},
            }));
        }
    }
    for r in &d.relations {
        result.push(json!({
            "type": "relation",
            "from_id": r.from.as_str(),
            "to_id": r.to.as_str(),
            "direction": "right",
            "labels": [r.kind.as_str()],
        }));
    }
    let tasks = json!([{
        "id": 1,
        "data": {TEXT: d.text.as_str(), "title": article.title, "source": article.source},
        "annotations": [{"id": 1, "result": result}],
    }]);
    let mut out = serde_json::to_string_pretty(&tasks).expect("plain data serialises");
    out.push('\n');
    out
}
