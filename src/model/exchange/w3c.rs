//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose
//! `first.items` holds one `Annotation` per annotation, then one `linking`
//! annotation per relation. Each annotation targets the article (its URL,
//! else `urn:sha256:` of its text) with a `TextQuoteSelector` and a
//! `TextPositionSelector` (code points into the canonical text, as the
//! model says); its bodies are the tag (`tagging`), the note
//! (`commenting`) and one `TextualBody` per field (`classifying` for
//! choices and yes-no, else `describing`; `field` names the field, an
//! extension property). A relation's targets are its two ends, from first,
//! and its body the relation type (`tagging`).

use crate::model::format::sha256_hex;
use crate::model::selector::describe;
use crate::model::{Annotation, FieldKind, FieldValue, Relation, Session};
use serde_json::{json, Map, Value};

pub(super) const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The prefix of ids that are not UUIDs.
pub(super) const ID_PREFIX: &str = "urn:x-annotator:";

pub(super) fn export(session: &Session) -> String {
    let article = session.article();
    let source = target_source(session);
    let mut items: Vec<Value> = session
        .annotations()
        .iter()
        .map(|a| annotation(session, &source, a))
        .collect();
    items.extend(session.relations().map(linking));
    let collection = json!({
        "@context": CONTEXT,
        "id": format!("{source}#annotations"),
        "type": "AnnotationCollection",
        "label": article.title,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    });
    let mut out = serde_json::to_string_pretty(&collection).expect("plain data serialises");
    out.push('\n');
    out
}

/// The article's URL when it has one, else a `urn:sha256:` of its text.
pub(super) fn target_source(session: &Session) -> String {
    let article = session.article();
    [article.meta.url.as_str(), article.source.as_str()]
        .into_iter()
        .find(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map_or_else(
            || format!("urn:sha256:{}", sha256_hex(article.text.as_str())),
            str::to_owned,
        )
}

fn annotation(session: &Session, source: &str, a: &Annotation) -> Value {
    let text = &session.article().text;
    let quote = describe(text, a.range);
    let mut bodies =
        vec![json!({"type": "TextualBody", "purpose": "tagging", "value": a.tag.as_str()})];
    if !a.note.is_empty() {
        bodies.push(json!({"type": "TextualBody", "purpose": "commenting", "value": a.note}));
    }
    let tag = session.schema().tag(&a.tag);
    for (field, value) in &a.fields {
        let classifying = tag
            .and_then(|t| t.field(field))
            .is_some_and(|f| matches!(f.kind, FieldKind::Choice { .. } | FieldKind::YesNo));
        bodies.push(json!({
            "type": "TextualBody",
            "purpose": if classifying { "classifying" } else { "describing" },
            "field": field.as_str(),
            "value": value_text(value),
        }));
    }
    let mut out = Map::new();
    out.insert("@context".into(), CONTEXT.into());
    out.insert("id".into(), iri(a.id.as_str()).into());
    out.insert("type".into(), "Annotation".into());
    out.insert("motivation".into(), "tagging".into());
    for (key, stamp) in [("created", &a.created), ("modified", &a.modified)] {
        if !stamp.is_empty() {
            out.insert(key.into(), stamp.as_str().into());
        }
    }
    if !a.creator.is_empty() {
        out.insert(
            "creator".into(),
            json!({"type": "Person", "name": a.creator}),
        );
    }
    out.insert("body".into(), bodies.into());
    out.insert(
        "target".into(),
        json!({
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
                {"type": "TextPositionSelector", "start": a.range.start().get(), "end": a.range.end().get()},
            ],
        }),
    );
    out.into()
}

fn linking(r: &Relation) -> Value {
    let mut out = json!({
        "@context": CONTEXT,
        "id": iri(r.id.as_str()),
        "type": "Annotation",
        "motivation": "linking",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": r.kind.as_str()},
        "target": [iri(r.from.as_str()), iri(r.to.as_str())],
    });
    if !r.created.is_empty() {
        out["created"] = r.created.as_str().into();
    }
    out
}

/// A field value as body text: text as it is, `true`/`false`, a number.
fn value_text(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(s) => s.clone(),
        other => other.to_json(),
    }
}

/// An id as an IRI: `urn:uuid:` for a UUID, else [`ID_PREFIX`] and the id
/// percent-encoded (every byte but ASCII letters, digits and `-._~`).
pub(super) fn iri(id: &str) -> String {
    if is_uuid(id) {
        return format!("urn:uuid:{id}");
    }
    let mut out = String::from(ID_PREFIX);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn is_uuid(id: &str) -> bool {
    id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}
