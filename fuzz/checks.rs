#![allow(dead_code)]

//! What the fuzz targets check, shared with `tests/fuzz_replay.rs`, which
//! runs every file of the corpora through the same checks on stable Rust.
//! Each check panics when an invariant breaks; an input the model refuses
//! with a message is fine.

use annotator::model::format::{export, import};
use annotator::model::load::load_file;
use annotator::model::selector::{anchor, describe};
use annotator::model::{Article, CharOffset, Session, Text, TextRange, Utf16Offset};

/// An import either fails with a message or gives a session whose
/// annotations lie in the text, in reading order, with unique ids, whose
/// relations join annotations that exist, and that exports to a file which
/// imports back to the same annotations.
pub fn import_bytes(bytes: &[u8]) {
    let imported = match import(bytes) {
        Ok(i) => i,
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error without a message");
            return;
        }
    };
    let session = &imported.session;
    check_session(session);
    let again = import(export(session).as_bytes()).expect("an export imports");
    let ids = |s: &Session| -> Vec<(String, TextRange)> {
        s.annotations()
            .iter()
            .map(|a| (a.id.to_string(), a.range))
            .collect()
    };
    assert_eq!(ids(&again.session), ids(session), "export and import agree");
}

fn check_session(session: &Session) {
    let text = &session.article().text;
    let mut seen = std::collections::HashSet::new();
    let mut last = None;
    for a in session.annotations() {
        assert!(!a.range.is_empty(), "empty annotation {}", a.id);
        assert!(
            text.full_range().contains_range(a.range),
            "{} outside the text",
            a.id
        );
        assert!(seen.insert(a.id.to_string()), "duplicate id {}", a.id);
        let key = (a.range.start(), a.range.end(), a.id.to_string());
        assert!(
            last.as_ref().is_none_or(|l| *l <= key),
            "not in reading order"
        );
        last = Some(key);
    }
    for r in session.relations() {
        assert!(
            session.get(&r.from).is_some() && session.get(&r.to).is_some(),
            "relation {} dangles",
            r.id
        );
    }
    check_article(session.article());
}

/// Blocks sorted, not overlapping, not empty and inside the text; inline
/// runs each inside one block.
pub fn check_article(article: &Article) {
    let full = article.text.full_range();
    let mut end = CharOffset::ZERO;
    for b in &article.blocks {
        assert!(full.contains_range(b.range), "block outside the text");
        assert!(b.range.start() >= end, "blocks overlap or are out of order");
        end = b.range.end();
    }
    for i in &article.inlines {
        assert!(
            article
                .blocks
                .iter()
                .any(|b| b.range.contains_range(i.range)),
            "an inline run outside every block"
        );
    }
}

/// A text file or Markdown loads into a consistent article, or is refused.
pub fn load(bytes: &[u8]) {
    for name in ["fuzz.txt", "fuzz.md"] {
        if let Ok(article) = load_file(name, bytes) {
            check_article(&article);
        }
    }
}

/// The offset index agrees with a plain scan of the text at every code
/// point (UTF-16 and UTF-8 both ways), and anchoring a quote described at
/// some offset finds a range with that exact text.
pub fn text(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes).into_owned();
    let t = Text::new(s.clone());
    let mut utf16 = 0;
    for (c, (byte, ch)) in s.char_indices().enumerate() {
        let at = CharOffset::new(c);
        assert_eq!(t.char_to_utf16(at).get(), utf16, "UTF-16 offset of {c}");
        assert_eq!(
            t.utf16_to_char(Utf16Offset::new(utf16)),
            at,
            "code point of UTF-16 {utf16}"
        );
        assert_eq!(t.char_to_byte(at).get(), byte, "byte offset of {c}");
        utf16 += ch.len_utf16();
    }
    assert_eq!(t.utf16_len(), utf16);
    let n = t.char_len();
    if n > 0 {
        let start = bytes.first().map_or(0, |b| *b as usize) % n;
        let len = 1 + bytes.last().map_or(0, |b| *b as usize) % (n - start);
        let range =
            TextRange::new(CharOffset::new(start), CharOffset::new(start + len)).expect("ordered");
        let quote = describe(&t, range);
        if let Some(found) = anchor(&t, &quote, None) {
            assert_eq!(t.slice(found), quote.exact, "anchored text differs");
        }
    }
}
