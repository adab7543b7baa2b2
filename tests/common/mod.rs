//! Helpers shared by the model tests: marker-string fixtures.
//!
//! A fixture writes text and spans as one string: `"The [sky is green]{claim}
//! said [Ann]{source}."`. `[` opens a span, `]{tag}` closes the innermost
//! open one, so spans nest: `"[[Ann]{source} said so]{quote}"`.

#![allow(dead_code)]

use annotator::model::{Annotation, Article, CharOffset, Command, Session, Tag, TextRange};

/// The range `start..end` in code points. Panics when `start > end`.
pub fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(CharOffset::new(start), CharOffset::new(end)).expect("start <= end")
}

/// Plain text and (range, tag) spans of a fixture, ranges in code points, in
/// the order their closing brackets appear.
pub fn parse(marked: &str) -> (String, Vec<(TextRange, Tag)>) {
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
                let name: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let start = open.pop().expect("] without [");
                let tag = Tag::from_name(&name).unwrap_or_else(|| panic!("unknown tag {name}"));
                spans.push((range(start, n_chars), tag));
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

/// A session over the fixture's text (paragraphs of plain text) with every
/// span tagged through [`Command::Tag`], ids `a1`, `a2`, ... and fixed times.
pub fn session(marked: &str) -> Session {
    let (text, spans) = parse(marked);
    let mut s = Session::new(Article::from_plain(
        "Fixture".into(),
        "fixture.txt".into(),
        text,
    ));
    for (i, (range, tag)) in spans.into_iter().enumerate() {
        s.apply(Command::Tag(annotation(&format!("a{}", i + 1), tag, range)))
            .expect("fixture spans are valid");
    }
    s
}

pub fn annotation(id: &str, tag: Tag, range: TextRange) -> Annotation {
    Annotation {
        id: id.into(),
        tag,
        range,
        note: String::new(),
        created: "2026-01-02T03:04:05.000Z".into(),
        modified: "2026-01-02T03:04:05.000Z".into(),
    }
}

/// The session's annotations written back as a fixture (for comparisons).
///
/// Spans open outermost first: by start, then the longer first, then (for
/// equal ranges) the later in reading order first, since [`parse`] numbers
/// the inner of two equal spans first. At one offset, spans that end close
/// before spans that start, and close innermost (opened last) first.
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
    // (offset, 0 to close or 1 to open, order among marks of that kind, mark)
    let mut marks: Vec<(usize, u8, usize, String)> = Vec::new();
    for (depth_order, (_, a)) in nesting.iter().enumerate() {
        marks.push((a.range.start().get(), 1, depth_order, "[".into()));
        marks.push((
            a.range.end().get(),
            0,
            usize::MAX - depth_order,
            format!("]{{{}}}", a.tag.name()),
        ));
    }
    marks.sort_by_key(|(at, kind, order, _)| (*at, *kind, *order));
    let mut out = String::new();
    let mut marks = marks.into_iter().peekable();
    for (i, c) in text.chars().chain(std::iter::once('\0')).enumerate() {
        while let Some((_, _, _, m)) = marks.next_if(|(at, _, _, _)| *at == i) {
            out.push_str(&m);
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
