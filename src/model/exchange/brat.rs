//! brat standoff: the text as `.txt` and the annotations as `.ann`.
//!
//! | line | holds |
//! |---|---|
//! | `T<n>\t<tag> <start> <end>[;<start> <end>…]\t<text>` | annotation n (reading order, from 1); a span over line breaks is written as one fragment per line, its text the fragments joined by spaces, as brat does |
//! | `R<k>\t<type> Arg1:T<from> Arg2:T<to>` | a relation |
//! | `A<k>\t<field> T<n> <value>` | a choice (spaces as `_`), yes-no (`yes`/`no`), number or date field |
//! | `#<k>\tAnnotatorNotes T<n>\t<note>` | the note |
//! | `#<k>\t<field> T<n>\t<value>` | a text or URL field |
//!
//! In notes and field values `\` is written `\\`, a line feed `\n`, a
//! carriage return `\r` and a tab `\t`, since brat lines hold neither.
//! Offsets are code points (brat's Python server counts them so).

use super::Dataset;
use crate::model::{FieldValue, Text, TextRange};
use std::fmt::Write;

pub(super) fn export(d: &Dataset) -> (String, String) {
    let mut ann = String::new();
    let (mut attributes, mut notes) = (0, 0);
    let schema = d.session.schema();
    for (n, item) in d.items.iter().enumerate() {
        let a = item.annotation;
        let t = n + 1;
        let fragments = fragments(&d.text, item.range);
        let spans: Vec<String> = fragments
            .iter()
            .map(|r| format!("{} {}", r.start().get(), r.end().get()))
            .collect();
        let texts: Vec<&str> = fragments.iter().map(|r| d.text.slice(*r)).collect();
        let _ = writeln!(
            ann,
            "T{t}\t{} {}\t{}",
            a.tag,
            spans.join(";"),
            texts.join(" ")
        );
        let tag = schema.tag(&a.tag);
        for (field, value) in &a.fields {
            let kind = tag.and_then(|t| t.field(field)).map(|f| &f.kind);
            match (kind, value) {
                (Some(crate::model::FieldKind::Text | crate::model::FieldKind::Url), _) => {
                    notes += 1;
                    let v = value.as_str().unwrap_or_default();
                    let _ = writeln!(ann, "#{notes}\t{field} T{t}\t{}", escape(v));
                }
                _ => {
                    attributes += 1;
                    let _ = writeln!(ann, "A{attributes}\t{field} T{t} {}", token(value));
                }
            }
        }
        if !a.note.is_empty() {
            notes += 1;
            let _ = writeln!(ann, "#{notes}\tAnnotatorNotes T{t}\t{}", escape(&a.note));
        }
    }
    let numbers = d.numbers();
    for (k, r) in d.relations.iter().enumerate() {
        let (from, to) = (numbers[r.from.as_str()], numbers[r.to.as_str()]);
        let _ = writeln!(ann, "R{}\t{} Arg1:T{from} Arg2:T{to}", k + 1, r.kind);
    }
    (d.text.as_str().to_owned(), ann)
}

/// `range` cut at line breaks into the non-empty pieces of each line.
fn fragments(text: &Text, range: TextRange) -> Vec<TextRange> {
    let mut out = Vec::new();
    let mut start = range.start();
    let mut at = range.start();
    for c in text.slice(range).chars() {
        if c == '\n' || c == '\r' {
            if at > start {
                out.push(TextRange::new(start, at).expect("in order"));
            }
            start = at + 1;
        }
        at += 1;
    }
    if at > start {
        out.push(TextRange::new(start, at).expect("in order"));
    }
    if out.is_empty() {
        // Only line breaks: brat cannot show it, keep it whole.
        out.push(range);
    }
    out
}

/// A field value as one brat attribute value (no white space).
fn token(value: &FieldValue) -> String {
    match value {
        FieldValue::Bool(true) => "yes".into(),
        FieldValue::Bool(false) => "no".into(),
        FieldValue::Text(s) => s.split_whitespace().collect::<Vec<_>>().join("_"),
        number => number.to_json(),
    }
}

/// `s` on one brat line (see the module's table).
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}
