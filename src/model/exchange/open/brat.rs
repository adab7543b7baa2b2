//! Reading brat standoff: the `.txt` is the text; the `.ann` lines `T`
//! (a span: from its first fragment's start to its last's end), `R`, `A`
//! and `#` (`AnnotatorNotes`, or a text field we wrote) become annotations,
//! relations, fields and notes. Events, normalisations and other kinds
//! brat has and we do not are skipped and counted.

use super::{text_of, Foreign, InFile, Link, Span};
use crate::model::exchange::Format;
use crate::model::format::ImportError;

pub(super) fn read(txt: InFile, ann: InFile) -> Result<Foreign, ImportError> {
    let text = std::str::from_utf8(txt.bytes).map_err(|_| ImportError::NotUtf8)?;
    let lines = if ann.bytes.iter().all(u8::is_ascii_whitespace) {
        ""
    } else {
        text_of(ann.bytes)?
    };
    let mut out = Foreign::new(Format::Brat);
    out.text = Some(text.to_owned());
    let mut skipped = 0;
    for (n, line) in lines.lines().enumerate() {
        let fail =
            |what: &str| ImportError::Shape(format!("line {} of {} {what}", n + 1, ann.name));
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (id, middle, last) = (cols.next().unwrap_or_default(), cols.next(), cols.next());
        let middle = middle.ok_or_else(|| fail("has no tab after its id"))?;
        match id.chars().next() {
            Some('T') => out.spans.push(span(id, middle, last).ok_or_else(|| {
                fail("is not \"T<n>\\t<label> <start> <end>[;<start> <end>…]\\t<text>\"")
            })?),
            Some('R') => out.links.push(
                relation(id, middle)
                    .ok_or_else(|| fail("is not \"R<n>\\t<type> Arg1:<T> Arg2:<T>\""))?,
            ),
            Some('A' | 'M') => {
                let mut words = middle.split(' ');
                let (name, target) = (words.next().unwrap_or_default(), words.next());
                let target = target.ok_or_else(|| fail("names no annotation"))?;
                let value = words.next().unwrap_or("yes").to_owned();
                with_span(&mut out, target, |s| {
                    s.fields.push((name.to_owned(), value))
                })
                .ok_or_else(|| fail(&format!("names {target}, which is not defined above")))?;
            }
            Some('#') => {
                let mut words = middle.split(' ');
                let (name, target) = (words.next().unwrap_or_default(), words.next());
                let target = target.ok_or_else(|| fail("names no annotation"))?;
                let value = unescape(last.unwrap_or_default());
                with_span(&mut out, target, |s| {
                    if name == "AnnotatorNotes" {
                        s.note = value;
                    } else {
                        s.fields.push((name.to_owned(), value));
                    }
                })
                .ok_or_else(|| fail(&format!("names {target}, which is not defined above")))?;
            }
            _ => skipped += 1,
        }
    }
    if skipped > 0 {
        let lines = if skipped == 1 { "line" } else { "lines" };
        out.notes.push(format!(
            "Skipped {skipped} {lines} of kinds this app does not hold (events, normalisations, equivalences)."
        ));
    }
    Ok(out)
}

/// A `T` line: `<label> <start> <end>[;<start> <end>…]` and its text.
fn span(id: &str, middle: &str, text: Option<&str>) -> Option<Span> {
    let (label, fragments) = middle.split_once(' ')?;
    let mut bounds = Vec::new();
    for f in fragments.split(';') {
        let (s, e) = f.trim().split_once(' ')?;
        bounds.push((s.parse::<usize>().ok()?, e.parse::<usize>().ok()?));
    }
    let (start, end) = (bounds.first()?.0, bounds.last()?.1);
    // One fragment's text is the quote; several are joined by spaces, so
    // the text cannot be compared as one quote: the offsets stand alone.
    let exact = (bounds.len() == 1).then(|| text.unwrap_or_default().to_owned());
    Some(Span {
        id: id.to_owned(),
        label: label.to_owned(),
        start: Some(start),
        end: Some(end),
        exact: exact.filter(|e| !e.is_empty()),
        ..Span::default()
    })
}

/// An `R` line: `<type> Arg1:<T> Arg2:<T>`.
fn relation(id: &str, middle: &str) -> Option<Link> {
    let mut words = middle.split(' ');
    let kind = words.next()?;
    let arg = |w: Option<&str>| Some(w?.split_once(':')?.1.to_owned());
    Some(Link {
        id: id.to_owned(),
        kind: kind.to_owned(),
        from: arg(words.next())?,
        to: arg(words.next())?,
        created: String::new(),
    })
}

/// Apply `f` to the span with id `id`, if there is one. O(spans).
fn with_span(out: &mut Foreign, id: &str, f: impl FnOnce(&mut Span)) -> Option<()> {
    out.spans.iter_mut().rev().find(|s| s.id == id).map(f)
}

/// The inverse of the export's escapes: `\\`, `\n`, `\r`, `\t`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
