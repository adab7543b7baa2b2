//! Reading W3C Web Annotation JSON-LD: ours (an `AnnotationCollection`),
//! Recogito's (an array of annotations), a page of a collection, one
//! annotation, and Hypothesis's API rows and export (`tags`, `text`).
//! Positions may be UTF-16 units (JavaScript tools): placing checks them
//! against the quote either way.

use super::{id_at, offset_at, str_at, Foreign, Link, Span};
use crate::model::exchange::w3c::ID_PREFIX;
use crate::model::exchange::Format;
use crate::model::format::ImportError;
use crate::model::limits::MAX_CREATOR_CHARS;
use serde_json::Value;

pub(super) fn read(value: &Value) -> Result<Foreign, ImportError> {
    let items = items(value).ok_or_else(|| {
        ImportError::Foreign("it holds no W3C annotations (no \"items\" or annotation list)".into())
    })?;
    let mut out = Foreign::new(Format::W3c);
    out.utf16_possible = true;
    out.title = value
        .get("label")
        .and_then(Value::as_str)
        .map(str::to_owned);
    for (i, item) in items.iter().enumerate() {
        let fail = |what: &str| ImportError::Shape(format!("annotation {} {what}", i + 1));
        if !item.is_object() {
            return Err(fail("is not an object"));
        }
        if str_at(item, "motivation") == "linking" {
            out.links
                .push(link(item).ok_or_else(|| fail("links fewer than two targets"))?);
            continue;
        }
        let target = first(item.get("target")).ok_or_else(|| fail("has no \"target\""))?;
        if out.source.is_none() {
            let source = target.as_str().unwrap_or(str_at(target, "source"));
            out.source = (!source.is_empty()).then(|| source.to_owned());
        }
        let mut span = Span {
            id: local_id(&id_at(item, "id")),
            created: str_at(item, "created").to_owned(),
            modified: str_at(item, "modified").to_owned(),
            creator: creator(item),
            ..Span::default()
        };
        selectors(target, &mut span);
        if span.exact.is_none() && span.start.is_none() {
            return Err(fail("has no TextQuoteSelector or TextPositionSelector"));
        }
        bodies(item, &mut span);
        out.spans.push(span);
    }
    Ok(out)
}

/// The annotations of any of the shapes the module names.
fn items(value: &Value) -> Option<&Vec<Value>> {
    if let Some(list) = value.as_array() {
        return Some(list);
    }
    for path in [
        &["first", "items"][..],
        &["items"],
        &["rows"],
        &["annotations"],
    ] {
        let found = path.iter().try_fold(value, |v, k| v.get(*k));
        if let Some(list) = found.and_then(Value::as_array) {
            return Some(list);
        }
    }
    None
}

/// The first of a value or list.
fn first(v: Option<&Value>) -> Option<&Value> {
    match v? {
        Value::Array(list) => list.first(),
        one => Some(one),
    }
}

/// Quote and position from a target's selectors (a list, or one).
fn selectors(target: &Value, span: &mut Span) {
    let list = match target.get("selector") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for s in list {
        match str_at(s, "type") {
            "TextQuoteSelector" => {
                span.exact = Some(str_at(s, "exact").to_owned());
                span.prefix = str_at(s, "prefix").to_owned();
                span.suffix = str_at(s, "suffix").to_owned();
            }
            "TextPositionSelector" => {
                span.start = offset_at(s, "start");
                span.end = offset_at(s, "end");
            }
            _ => {}
        }
    }
}

/// Tag, note and fields from the bodies (ours, Recogito's), or from
/// Hypothesis's `tags` and `text`.
fn bodies(item: &Value, span: &mut Span) {
    let list = match item.get("body") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for b in list {
        let value = b.as_str().unwrap_or(str_at(b, "value")).to_owned();
        let field = str_at(b, "field");
        match str_at(b, "purpose") {
            _ if !field.is_empty() => span.fields.push((field.to_owned(), value)),
            "tagging" | "classifying" if span.label.is_empty() => span.label = value,
            "commenting" | "" if span.note.is_empty() => span.note = value,
            _ => {}
        }
    }
    if span.label.is_empty() {
        if let Some(tag) = item.get("tags").and_then(first_str) {
            span.label = tag.to_owned();
        }
    }
    if span.note.is_empty() {
        span.note = str_at(item, "text").to_owned();
    }
}

/// The first `creator`'s name (else nickname, else IRI), cut to
/// [`MAX_CREATOR_CHARS`] code points; empty without one.
fn creator(item: &Value) -> String {
    let name = match first(item.get("creator")) {
        Some(Value::String(iri)) => iri.as_str(),
        Some(agent) => ["name", "nickname", "id"]
            .iter()
            .map(|k| str_at(agent, k))
            .find(|s| !s.is_empty())
            .unwrap_or(""),
        None => "",
    };
    name.chars().take(MAX_CREATOR_CHARS).collect()
}

fn first_str(v: &Value) -> Option<&str> {
    v.as_array()?.first()?.as_str()
}

/// A `linking` annotation: its type from the body, its ends the targets.
fn link(item: &Value) -> Option<Link> {
    let targets = item.get("target")?.as_array()?;
    let end = |v: &Value| local_id(v.as_str().unwrap_or(str_at(v, "id")));
    let body = first(item.get("body"));
    Some(Link {
        id: local_id(&id_at(item, "id")),
        kind: body.map_or(String::new(), |b| {
            b.as_str().unwrap_or(str_at(b, "value")).to_owned()
        }),
        from: end(targets.first()?),
        to: end(targets.get(1)?),
        created: str_at(item, "created").to_owned(),
    })
}

/// Our id back from an IRI we wrote (`urn:uuid:`, `urn:x-annotator:`
/// percent-encoded); other IRIs stay whole.
fn local_id(iri: &str) -> String {
    if let Some(uuid) = iri.strip_prefix("urn:uuid:") {
        return uuid.to_owned();
    }
    let Some(rest) = iri.strip_prefix(ID_PREFIX) else {
        return iri.to_owned();
    };
    let mut bytes = Vec::with_capacity(rest.len());
    let mut it = rest.bytes();
    while let Some(b) = it.next() {
        let hex = |b: Option<u8>| (b? as char).to_digit(16);
        if b == b'%' {
            let (hi, lo) = (hex(it.next()), hex(it.next()));
            match (hi, lo) {
                (Some(hi), Some(lo)) => bytes.push((hi * 16 + lo) as u8),
                _ => return iri.to_owned(),
            }
        } else {
            bytes.push(b);
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| iri.to_owned())
}
