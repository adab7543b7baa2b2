//! Reading Label Studio tasks: the first task's text (`data.text`, else
//! its only text), the first annotation's (else prediction's) `labels`
//! regions, their per-region `textarea` notes and `relation` results.

use super::{id_at, offset_at, str_at, Foreign, Link, Span};
use crate::model::exchange::Format;
use crate::model::format::ImportError;
use serde_json::Value;

pub(super) fn read(value: &Value) -> Result<Foreign, ImportError> {
    let tasks = match value {
        Value::Array(tasks) => tasks.as_slice(),
        one => std::slice::from_ref(one),
    };
    let task = tasks
        .first()
        .ok_or_else(|| ImportError::Foreign("the Label Studio task list is empty".into()))?;
    let mut out = read_task(task, 1)?;
    if tasks.len() > 1 {
        out.notes.push(format!(
            "Only its first task was opened; {} more are in the file.",
            tasks.len() - 1
        ));
    }
    Ok(out)
}

/// Task `k` (from 1) of a Label Studio task list.
pub(super) fn read_task(task: &Value, k: usize) -> Result<Foreign, ImportError> {
    let mut out = Foreign::new(Format::LabelStudio);
    let data = task
        .get("data")
        .ok_or_else(|| ImportError::Shape(format!("task {k} has no \"data\"")))?;
    let text = data.get("text").and_then(Value::as_str).or_else(|| {
        let mut texts = data.as_object()?.values().filter_map(Value::as_str);
        texts.next().filter(|_| texts.next().is_none())
    });
    out.text = Some(
        text.ok_or_else(|| ImportError::Shape(format!("task {k} has no \"data.text\"")))?
            .to_owned(),
    );
    out.title = data.get("title").and_then(Value::as_str).map(str::to_owned);
    let results = ["annotations", "predictions"]
        .iter()
        .filter_map(|k| task.get(*k)?.as_array()?.first())
        .find_map(|a| a.get("result")?.as_array());
    let Some(results) = results else {
        return Ok(out);
    };
    let mut notes: Vec<(String, String)> = Vec::new();
    for (i, r) in results.iter().enumerate() {
        let value = r.get("value").unwrap_or(&Value::Null);
        if str_at(r, "type") == "relation" {
            out.links.push(Link {
                id: format!("r{}", out.links.len() + 1),
                kind: value_label(r.get("labels")),
                from: id_at(r, "from_id"),
                to: id_at(r, "to_id"),
                created: String::new(),
            });
        } else if let Some(labels) = value.get("labels") {
            out.spans.push(Span {
                id: id_at(r, "id"),
                label: value_label(Some(labels)),
                start: offset_at(value, "start"),
                end: offset_at(value, "end"),
                exact: value.get("text").and_then(Value::as_str).map(str::to_owned),
                ..Span::default()
            });
            if out
                .spans
                .last()
                .is_some_and(|s| s.start.is_none() && s.exact.is_none())
            {
                return Err(ImportError::Shape(format!(
                    "result {} has neither \"value.start\" nor \"value.text\"",
                    i + 1
                )));
            }
        } else if let Some(text) = value.get("text") {
            let note = match text {
                Value::Array(lines) => lines
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n"),
                v => v.as_str().unwrap_or_default().to_owned(),
            };
            notes.push((id_at(r, "id"), note));
        }
    }
    for (id, note) in notes {
        if let Some(span) = out.spans.iter_mut().find(|s| s.id == id) {
            span.note = note;
        }
    }
    Ok(out)
}

/// The first label of a `labels` list.
fn value_label(labels: Option<&Value>) -> String {
    labels
        .and_then(Value::as_array)
        .and_then(|l| l.first())
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}
