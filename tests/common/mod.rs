//! Helpers shared by the model tests: marker-string fixtures.
//!
//! A fixture writes text and spans as one string: `"The [sky is green]{claim}
//! said [Ann]{source}."`. `[` opens a span, `]{…}` closes the innermost
//! open one, so spans nest: `"[[Ann]{source} said so]{quote}"`.
//!
//! Inside the braces, after the tag:
//! - `#name` names the annotation (its id); unnamed ones are `a1`, `a2`, ...
//!   by the order of their closing brackets (named ones take a number too);
//! - `field=value` sets a field (`verdict=False`, `summary="two words"`),
//!   typed by the tag's field: `true`/`false` for yes/no, a number for a
//!   number field, text otherwise;
//! - `-kind-> target` links the annotation to the one with id `target`
//!   (`[Zas]{source#s} said [“…”]{quote#q -said-by-> s}`). Relation ids are
//!   `from-kind->to`, which the no-duplicate rule keeps unique.

#![allow(dead_code)]

pub mod couch;
pub mod export;
pub mod fake_db;
pub mod invariants;
mod sample;

#[allow(unused_imports)]
pub use sample::sample_session;

use annotator::model::{
    Annotation, Article, CharOffset, Command, FieldKind, FieldValue, Fields, Relation, Schema,
    Session, TagId, TextRange,
};

pub const AT: &str = "2026-01-02T03:04:05.000Z";

/// The range `start..end` in code points. Panics when `start > end`.
pub fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(CharOffset::new(start), CharOffset::new(end)).expect("start <= end")
}

/// One span of a fixture, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub range: TextRange,
    pub tag: TagId,
    pub name: Option<String>,
    /// (field, value as written, unquoted)
    pub fields: Vec<(String, String)>,
    /// (relation type, target id)
    pub links: Vec<(String, String)>,
}

/// The words of a mark: split at spaces, `"…"` keeps spaces (and `\"`).
fn words(mark: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut chars = mark.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quoted => word.extend(chars.next()),
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    assert!(!quoted, "unclosed \" in {{{mark}}}");
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn span_of(range: TextRange, mark: &str) -> Span {
    let words = words(mark);
    let (tag, name) = match words[0].split_once('#') {
        Some((t, n)) => (t.to_owned(), Some(n.to_owned())),
        None => (words[0].clone(), None),
    };
    let mut span = Span {
        range,
        tag: tag.into(),
        name,
        fields: Vec::new(),
        links: Vec::new(),
    };
    let mut rest = words[1..].iter();
    while let Some(w) = rest.next() {
        if let Some(kind) = w.strip_prefix('-').and_then(|w| w.strip_suffix("->")) {
            let target = rest
                .next()
                .unwrap_or_else(|| panic!("{w} without a target"));
            span.links.push((kind.to_owned(), target.clone()));
        } else {
            let (k, v) = w
                .split_once('=')
                .unwrap_or_else(|| panic!("what is {w:?}?"));
            span.fields.push((k.to_owned(), v.to_owned()));
        }
    }
    span
}

/// Plain text and spans of a fixture, ranges in code points, in the order
/// their closing brackets appear.
pub fn parse(marked: &str) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut n_chars = 0;
    let mut open = Vec::new();
    let mut spans = Vec::new();
    let mut chars = marked.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => open.push(n_chars),
            ']' if chars.peek() == Some(&'{') => {
                chars.next();
                let mut mark = String::new();
                let mut quoted = false;
                while let Some(c) = chars.next() {
                    match c {
                        '}' if !quoted => break,
                        '"' => quoted = !quoted,
                        '\\' if quoted => {
                            mark.push(c);
                            mark.extend(chars.next());
                            continue;
                        }
                        _ => {}
                    }
                    mark.push(c);
                }
                let start = open.pop().expect("] without [");
                spans.push(span_of(range(start, n_chars), &mark));
            }
            _ => {
                text.push(c);
                n_chars += 1;
            }
        }
    }
    assert!(open.is_empty(), "unclosed [ in {marked:?}");
    (text, spans)
}

/// A field value as written, typed by the tag's field in `schema` (text
/// when the tag has no such field).
pub fn value(schema: &Schema, tag: &TagId, field: &str, written: &str) -> FieldValue {
    let kind = schema
        .tag(tag)
        .and_then(|t| t.field_named(field))
        .map(|f| &f.kind);
    match kind {
        Some(FieldKind::YesNo) => FieldValue::Bool(written.parse().expect("true or false")),
        Some(FieldKind::Number) => FieldValue::Number(written.parse().expect("a number")),
        _ => FieldValue::Text(written.to_owned()),
    }
}

/// The fixture's annotations (ids as [`parse`] says) and relations.
pub fn parts(schema: &Schema, spans: &[Span]) -> (Vec<Annotation>, Vec<Relation>) {
    let id = |i: usize, s: &Span| s.name.clone().unwrap_or_else(|| format!("a{}", i + 1));
    let annotations = spans
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let fields: Fields = s
                .fields
                .iter()
                .map(|(k, v)| (k.as_str().into(), value(schema, &s.tag, k, v)))
                .collect();
            Annotation {
                fields,
                ..annotation(&id(i, s), s.tag.as_str(), s.range)
            }
        })
        .collect();
    let relations = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let from = id(i, s);
            s.links
                .iter()
                .map(move |(kind, to)| relation(&from, kind, to))
        })
        .collect();
    (annotations, relations)
}

/// The relation `from-kind->to`, made at [`AT`].
pub fn relation(from: &str, kind: &str, to: &str) -> Relation {
    Relation {
        id: format!("{from}-{kind}->{to}").into(),
        kind: kind.into(),
        from: from.into(),
        to: to.into(),
        created: AT.into(),
    }
}

/// A session over the fixture's text (paragraphs of plain text) with the
/// default tag set, every span tagged through [`Command::Tag`] and every
/// link made through [`Command::Link`], at fixed times.
pub fn session(marked: &str) -> Session {
    session_with(Schema::default(), marked)
}

/// As [`session`], with tag set `schema`.
pub fn session_with(schema: Schema, marked: &str) -> Session {
    let (text, spans) = parse(marked);
    let article = Article::from_plain("Fixture".into(), "fixture.txt".into(), text);
    let (annotations, relations) = parts(&schema, &spans);
    let mut s = Session::with_schema(article, schema);
    for a in annotations {
        s.apply(Command::Tag(a)).expect("fixture spans are valid");
    }
    for r in relations {
        s.apply(Command::Link(r)).expect("fixture links are valid");
    }
    s
}

pub fn annotation(id: &str, tag: &str, range: TextRange) -> Annotation {
    Annotation {
        id: id.into(),
        tag: tag.into(),
        range,
        note: String::new(),
        fields: Fields::new(),
        created: AT.into(),
        modified: AT.into(),
        creator: String::new(),
        adjudicated_from: Vec::new(),
    }
}

/// A field value as a fixture writes it.
fn written(v: &FieldValue) -> String {
    let raw = match v {
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Number(n) => n.to_string(),
        FieldValue::Text(t) => t.clone(),
    };
    if raw.is_empty() || raw.contains([' ', '"', '}', '=', '\\']) {
        format!("\"{}\"", raw.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        raw
    }
}

/// The closing mark of `a`, the `n`th to close (from 1).
fn closing(session: &Session, a: &Annotation, n: usize) -> String {
    let mut mark = format!("]{{{}", a.tag);
    let related = session.relations_of(&a.id).next().is_some();
    if related && a.id != format!("a{n}").as_str() {
        mark.push_str(&format!("#{}", a.id));
    }
    for (k, v) in &a.fields {
        mark.push_str(&format!(" {k}={}", written(v)));
    }
    let mut links: Vec<_> = session
        .relations_of(&a.id)
        .filter(|r| r.from == a.id)
        .collect();
    links.sort_by(|x, y| (&x.kind, &x.to).cmp(&(&y.kind, &y.to)));
    for r in links {
        mark.push_str(&format!(" -{}-> {}", r.kind, r.to));
    }
    mark.push('}');
    mark
}

/// The session's annotations and relations written back as a fixture (for
/// comparisons).
///
/// Spans open outermost first: by start, then the longer first, then (for
/// equal ranges) the later in reading order first, since [`parse`] numbers
/// the inner of two equal spans first. At one offset, spans that end close
/// before spans that start, and close innermost (opened last) first. A
/// relation is written on its start, sorted by type and target. An
/// annotation's `#name` is written when it has relations and its id is not
/// the one [`parse`] would give it (names are for linking).
pub fn render(session: &Session) -> String {
    let text = session.article().text.as_str();
    let mut nesting: Vec<(usize, &Annotation)> = session.annotations().iter().enumerate().collect();
    nesting.sort_by_key(|(i, a)| {
        (
            a.range.start(),
            std::cmp::Reverse(a.range.end()),
            std::cmp::Reverse(*i),
        )
    });
    // (offset, 0 to close or 1 to open, order among marks of that kind, annotation)
    let mut marks: Vec<(usize, u8, usize, &Annotation)> = Vec::new();
    for (depth_order, (_, a)) in nesting.iter().enumerate() {
        marks.push((a.range.start().get(), 1, depth_order, a));
        marks.push((a.range.end().get(), 0, usize::MAX - depth_order, a));
    }
    marks.sort_by_key(|(at, kind, order, _)| (*at, *kind, *order));
    let mut out = String::new();
    let mut n_closed = 0;
    let mut marks = marks.into_iter().peekable();
    for (i, c) in text.chars().chain(std::iter::once('\0')).enumerate() {
        while let Some((_, kind, _, a)) = marks.next_if(|(at, _, _, _)| *at == i) {
            if kind == 1 {
                out.push('[');
            } else {
                n_closed += 1;
                out.push_str(&closing(session, a, n_closed));
            }
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// `text[start:end]` in code points, as Python would slice it.
pub fn py_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A session's annotations as `text{tag<-who}` in reading order (`who`:
/// its `adjudicated_from`, joined by `+`).
pub fn gold_spans(session: &Session) -> Vec<String> {
    let text = &session.article().text;
    session
        .annotations()
        .iter()
        .map(|a| {
            format!(
                "{}{{{}<-{}}}",
                text.slice(a.range),
                a.tag,
                a.adjudicated_from.join("+")
            )
        })
        .collect()
}

/// Adjudication prepared from `sessions`, the `k`th named `names[k]`.
/// Panics when they are not of one article.
pub fn prepared_as(
    names: &[&str],
    sessions: &[&Session],
) -> (
    Session,
    annotator::model::agreement::adjudicate::Adjudication,
) {
    let coders: Vec<annotator::model::agreement::Coder> = names
        .iter()
        .zip(sessions)
        .map(|(name, session)| annotator::model::agreement::Coder { name, session })
        .collect();
    annotator::model::agreement::adjudicate::prepare(&coders).expect("same article")
}
