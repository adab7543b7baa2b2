//! Reading doccano JSONL: the first line's `text` with its `entities`
//! (`{id, start_offset, end_offset, label}`) and `relations`
//! (`{id, from_id, to_id, type}`), or the older `label: [[start, end,
//! label]]`. Offsets are read as code points, as doccano's Python reads
//! and writes them.

use super::{id_at, offset_at, str_at, Foreign, Link, Span};
use crate::model::exchange::Format;
use crate::model::format::ImportError;
use serde_json::Value;

pub(super) fn read(file: &str) -> Result<Foreign, ImportError> {
    let mut lines = documents(file);
    let (n, first) = lines.next().ok_or(ImportError::Empty)?;
    let more = lines.count();
    let mut out = read_line(first, n)?;
    if more > 0 {
        out.notes.push(format!(
            "Only its first document was opened; {more} more are in the file."
        ));
    }
    Ok(out)
}

/// The non-blank lines of a JSONL file, with their numbers from 1.
pub(super) fn documents(file: &str) -> impl Iterator<Item = (usize, &str)> {
    file.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
}

/// One document: line `n` of a doccano JSONL file.
pub(super) fn read_line(line: &str, n: usize) -> Result<Foreign, ImportError> {
    let doc: Value =
        serde_json::from_str(line).map_err(|e| ImportError::syntax(line, &e).on_line(n))?;
    read_doc(&doc, n)
}

/// One document of doccano JSONL, from line `n`.
pub(super) fn read_doc(doc: &Value, n: usize) -> Result<Foreign, ImportError> {
    let mut out = Foreign::new(Format::Doccano);
    let text = doc
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| ImportError::Shape(format!("line {n} has no \"text\"")))?;
    out.text = Some(text.to_owned());
    let list = |k: &str| {
        doc.get(k)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    };
    for (i, e) in list("entities").iter().enumerate() {
        out.spans.push(Span {
            id: id_at(e, "id"),
            label: str_at(e, "label").to_owned(),
            start: offset_at(e, "start_offset"),
            end: offset_at(e, "end_offset"),
            ..Span::default()
        });
        if offset_at(e, "start_offset").is_none() || offset_at(e, "end_offset").is_none() {
            return Err(ImportError::Shape(format!(
                "entity {} has no whole-number \"start_offset\" and \"end_offset\"",
                i + 1
            )));
        }
    }
    for (i, l) in list("label").iter().chain(list("labels")).enumerate() {
        let triple = l.as_array().filter(|t| t.len() == 3);
        let at = |k: usize| {
            triple
                .and_then(|t| t[k].as_u64())
                .and_then(|n| usize::try_from(n).ok())
        };
        let (Some(start), Some(end)) = (at(0), at(1)) else {
            return Err(ImportError::Shape(format!(
                "label {} is not [start, end, \"label\"]",
                i + 1
            )));
        };
        out.spans.push(Span {
            label: triple
                .and_then(|t| t[2].as_str())
                .unwrap_or_default()
                .to_owned(),
            start: Some(start),
            end: Some(end),
            ..Span::default()
        });
    }
    for r in list("relations") {
        out.links.push(Link {
            id: id_at(r, "id"),
            kind: str_at(r, "type").to_owned(),
            from: id_at(r, "from_id"),
            to: id_at(r, "to_id"),
            created: String::new(),
        });
    }
    Ok(out)
}
