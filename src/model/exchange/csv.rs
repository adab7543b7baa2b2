//! CSV (RFC 4180: CRLF line ends, fields quoted when they hold `,`, `"`,
//! CR or LF): a header, then one row per annotation in reading order —
//! `id, tag, start, end, exact, prefix, suffix, note`, one column per field
//! id of the tag set (in tag set order; a field id two tags share is one
//! column), one column per relation type holding the ids of the
//! annotations this one links to (space-separated), then `created`,
//! `modified`. Offsets are code points into the dataset's text (the `.txt`
//! of the brat export); `exact` is that text's slice.
//!
//! Cells are written as they are: a spreadsheet may read a cell that starts
//! with `=` as a formula, so open the file as text (see `docs/formats.md`).

use super::Dataset;
use crate::model::selector::describe;
use crate::model::FieldValue;
use std::collections::HashMap;

pub(super) fn export(d: &Dataset) -> String {
    let schema = d.session.schema();
    let mut fields: Vec<&str> = Vec::new();
    for f in schema.tags().iter().flat_map(|t| &t.fields) {
        if !fields.contains(&f.id.as_str()) {
            fields.push(f.id.as_str());
        }
    }
    let kinds: Vec<&str> = schema
        .relation_types()
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let mut links: HashMap<(&str, &str), Vec<&str>> = HashMap::new();
    for r in &d.relations {
        links
            .entry((r.from.as_str(), r.kind.as_str()))
            .or_default()
            .push(r.to.as_str());
    }
    let mut out = String::new();
    let head = [
        "id", "tag", "start", "end", "exact", "prefix", "suffix", "note",
    ];
    let tail = ["created", "modified"];
    row(
        &mut out,
        head.iter()
            .chain(&fields)
            .chain(&kinds)
            .chain(&tail)
            .map(|s| s.to_string()),
    );
    for item in &d.items {
        let a = item.annotation;
        let quote = describe(&d.text, item.range);
        let mut cells = vec![
            a.id.to_string(),
            a.tag.to_string(),
            item.range.start().get().to_string(),
            item.range.end().get().to_string(),
            quote.exact,
            quote.prefix,
            quote.suffix,
            a.note.clone(),
        ];
        cells.extend(
            fields
                .iter()
                .map(|f| a.fields.get(*f).map_or(String::new(), cell)),
        );
        cells.extend(kinds.iter().map(|k| {
            links
                .get(&(a.id.as_str(), *k))
                .map_or(String::new(), |to| to.join(" "))
        }));
        cells.extend([a.created.clone(), a.modified.clone()]);
        row(&mut out, cells.into_iter());
    }
    out
}

/// A field value as a cell: text as it is, `true`/`false`, a number.
fn cell(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(s) => s.clone(),
        other => other.to_json(),
    }
}

/// One record, quoted where RFC 4180 needs it, ended by CRLF.
fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if c.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&c);
        }
    }
    out.push_str("\r\n");
}
