#![allow(dead_code)]

//! What the fuzz targets check, shared with `tests/fuzz_replay.rs`, which
//! runs every file of the corpora through the same checks on stable Rust.
//! Each check panics when an invariant breaks; an input the model refuses
//! with a message is fine.

use annotator::model::exchange::{self, InFile};
use annotator::model::format::{export, import};
use annotator::model::load::html::{sniff_charset, Element, Extractor};
use annotator::model::load::{check_page, load_file};
use annotator::model::selector::{anchor, describe, TextQuoteSelector};
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
    let mut links = std::collections::HashSet::new();
    for r in session.relations() {
        let (Some(from), Some(to)) = (session.get(&r.from), session.get(&r.to)) else {
            panic!("relation {} dangles", r.id);
        };
        assert!(
            r.from != r.to,
            "relation {} links an annotation to itself",
            r.id
        );
        let kind = session.schema().relation_type(&r.kind);
        assert!(
            kind.is_some_and(|k| k.allows(&from.tag, &to.tag)),
            "relation {} is not allowed between its ends' tags",
            r.id
        );
        assert!(
            links.insert((r.kind.clone(), r.from.clone(), r.to.clone())),
            "relation {} repeats another",
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

/// Element names the extractor treats differently (blocks, clutter, opaque
/// contents, metadata, lists, figures), and one it does not know.
const ELEMENTS: &[&str] = &[
    "p",
    "div",
    "article",
    "main",
    "section",
    "h1",
    "h2",
    "h3",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "br",
    "em",
    "strong",
    "a",
    "img",
    "figure",
    "figcaption",
    "nav",
    "footer",
    "aside",
    "script",
    "style",
    "svg",
    "title",
    "meta",
    "time",
    "table",
    "td",
    "details",
    "x-custom",
];
/// Attributes the extractor reads.
const ATTRS: &[&str] = &[
    "class",
    "id",
    "role",
    "hidden",
    "aria-hidden",
    "style",
    "href",
    "alt",
    "content",
    "name",
    "property",
    "itemprop",
    "datetime",
    "rel",
    "open",
];
/// Class and id words the scorer looks for, for and against.
const WORDS: &[&str] = &[
    "article",
    "content",
    "story",
    "body",
    "comment",
    "share",
    "related",
    "ad",
    "promo",
    "display:none",
    "byline",
    "author",
    "og:title",
    "headline",
    "true",
    "",
];

/// A page as the browser glue gives it to the extractor, decoded from the
/// fuzzer's bytes: each byte is an operation (open an element with up to
/// two attributes, text, close), with its arguments in the next bytes.
/// Contents of an element the extractor does not want are skipped, as the
/// glue does; every open element is closed at the end. The article must be
/// consistent ([`check_article`]) and built in any step size. The same
/// bytes also go through the charset prescan and the page check.
pub fn html(bytes: &[u8]) {
    let _ = sniff_charset(bytes);
    let _ = check_page(bytes);
    let step = 1 + bytes.first().map_or(0, |b| *b as usize);
    let mut x = Extractor::default();
    // For each open element, whether its contents are fed.
    let mut open = vec![x.open(&Element::new("html"))];
    let mut rest = bytes.get(1..).unwrap_or_default();
    let take = |n: usize, rest: &mut &[u8]| -> Vec<u8> {
        let n = n.min(rest.len());
        let (head, tail) = rest.split_at(n);
        *rest = tail;
        head.to_vec()
    };
    while let Some((&op, tail)) = rest.split_first() {
        rest = tail;
        let wanted = open.iter().all(|w| *w);
        match op % 4 {
            0 | 1 => {
                let args = take(3, &mut rest);
                let pick = |i: usize, of: &[&'static str]| {
                    of[args.get(i).map_or(0, |b| *b as usize) % of.len()]
                };
                let mut e = Element::new(pick(0, ELEMENTS));
                for i in 1..=usize::from(op & 0x10 != 0) + usize::from(op & 0x20 != 0) {
                    e.attrs
                        .push((pick(i, ATTRS).to_owned(), pick(i + 1, WORDS).to_owned()));
                }
                open.push(wanted && x.open(&e));
            }
            2 => {
                let n = (op >> 2) as usize;
                let t = take(n, &mut rest);
                if wanted {
                    x.text(&String::from_utf8_lossy(&t));
                }
            }
            _ => {
                if open.len() > 1 {
                    open.pop();
                    if open.iter().all(|w| *w) {
                        x.close();
                    }
                }
            }
        }
    }
    while open.len() > 1 {
        open.pop();
        if open.iter().all(|w| *w) {
            x.close();
        }
    }
    x.close();
    let mut finish = x.finish("fuzz");
    let (article, _) = loop {
        if let Some(done) = finish.step(step) {
            break done;
        }
    };
    check_article(&article);
}

/// Anchoring finds only the quote's own text, finds it whenever it occurs,
/// keeps a hint that holds it, and finds a described range again when its
/// quote with context occurs once in the text. The first byte splits the
/// rest into the text and where in it the range lies.
pub fn anchor_quote(bytes: &[u8]) {
    let Some((&split, rest)) = bytes.split_first() else {
        return;
    };
    let s = String::from_utf8_lossy(rest).into_owned();
    let t = Text::new(s.clone());
    let n = t.char_len();
    if n == 0 {
        return;
    }
    let start = split as usize % n;
    let len = 1 + (split as usize * 7) % (n - start);
    let range =
        TextRange::new(CharOffset::new(start), CharOffset::new(start + len)).expect("ordered");
    let quote = describe(&t, range);
    assert_eq!(
        anchor(&t, &quote, Some(range)),
        Some(range),
        "a hint that holds the quote"
    );
    let found = anchor(&t, &quote, None).expect("the quote occurs");
    assert_eq!(t.slice(found), quote.exact, "anchored text differs");
    let whole = format!("{}{}{}", quote.prefix, quote.exact, quote.suffix);
    let occurrences = (0..s.len())
        .filter(|i| s.is_char_boundary(*i) && s[*i..].starts_with(&whole))
        .take(2)
        .count();
    if occurrences == 1 {
        assert_eq!(found, range, "a quote whose context is unique");
    }
    let elsewhere = TextQuoteSelector {
        exact: format!("{}\u{1}", quote.exact),
        ..quote
    };
    if !s.contains(&elsewhere.exact) {
        assert_eq!(
            anchor(&t, &elsewhere, None),
            None,
            "a quote that does not occur"
        );
    }
}

/// The session foreign files are opened onto: emoji, combining marks, CJK
/// and right-to-left text, one annotation.
fn foreign_base() -> Session {
    let text = "Fans 👍🏽 said: “prices 📈 rose”.\n\nZoe\u{308} of 東京: המחירים יציבים.";
    let article = Article::from_plain("t".into(), String::new(), text.into());
    let range = TextRange::new(CharOffset::new(0), CharOffset::new(4)).expect("in order");
    let a = annotator::model::Annotation {
        id: "a".into(),
        tag: "claim".into(),
        range,
        note: String::new(),
        fields: Default::default(),
        created: String::new(),
        modified: String::new(),
        creator: String::new(),
        adjudicated_from: Vec::new(),
    };
    Session::with_annotations(article, vec![a]).expect("valid")
}

/// Another tool's file through "Open annotations": the first byte picks
/// the file name (so the format: W3C, Label Studio, doccano, or a brat
/// pair split at the first NUL into `.txt` and `.ann`). It either fails
/// with a message or gives a valid session (every span at its quote: a
/// debug assertion in placing) that exports to W3C and opens back to the
/// same ranges.
pub fn foreign(bytes: &[u8]) {
    let Some((&pick, rest)) = bytes.split_first() else {
        return;
    };
    let base = foreign_base();
    let files: Vec<InFile> = match pick % 4 {
        0 => vec![InFile {
            name: "a.jsonld",
            bytes: rest,
        }],
        1 => vec![InFile {
            name: "a.json",
            bytes: rest,
        }],
        2 => vec![InFile {
            name: "a.jsonl",
            bytes: rest,
        }],
        _ => {
            let cut = rest.iter().position(|b| *b == 0).unwrap_or(rest.len());
            let ann = rest.get(cut + 1..).unwrap_or_default();
            vec![
                InFile {
                    name: "a.txt",
                    bytes: &rest[..cut],
                },
                InFile {
                    name: "a.ann",
                    bytes: ann,
                },
            ]
        }
    };
    let opened = match exchange::open(&files, Some(&base)) {
        Ok(o) => o,
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error without a message");
            return;
        }
    };
    let session = &opened.session;
    check_session(session);
    let w3c = exchange::export(session, exchange::Format::W3c, false);
    let file = [InFile {
        name: "b.jsonld",
        bytes: w3c.files[0].content.as_bytes(),
    }];
    let back = exchange::open(&file, Some(session)).expect("our W3C opens onto its article");
    let ranges =
        |s: &Session| -> Vec<TextRange> { s.annotations().iter().map(|a| a.range).collect() };
    assert_eq!(ranges(&back.session), ranges(session), "W3C round trip");
}

/// Carrying spans between two texts (the input split at its first NUL:
/// old, then new; spans from the first bytes) places each span inside the
/// new text, never empty; an exact or moved span holds the old quote's
/// text; a fuzzy one keeps at least 90 % of it; a text carried to itself
/// keeps every span where it was.
pub fn reanchor(bytes: &[u8]) {
    use annotator::model::reanchor::{Anchoring, Carrier};
    let s = String::from_utf8_lossy(bytes);
    let (old, new) = s.split_once('\0').unwrap_or((&s, &s));
    let (old, new) = (Text::new(old.to_owned()), Text::new(new.to_owned()));
    let n = old.char_len();
    if n == 0 {
        return;
    }
    let carrier = Carrier::new(&old, &new);
    let itself = Carrier::new(&old, &old);
    for (i, b) in bytes.iter().take(8).enumerate() {
        let start = (*b as usize * 31 + i * 17) % n;
        let end = start + 1 + (*b as usize * 7 + i) % (n - start);
        let range = TextRange::new(CharOffset::new(start), CharOffset::new(end)).expect("ordered");
        let quote = old.slice(range);
        let same = itself.place(range);
        assert_eq!(
            (same.range, same.anchoring),
            (Some(range), Anchoring::Exact)
        );
        let placed = carrier.place(range);
        match (placed.range, placed.anchoring) {
            (None, Anchoring::Orphaned) => {}
            (Some(r), Anchoring::Exact | Anchoring::Moved) => {
                assert!(new.full_range().contains_range(r) && !r.is_empty());
                assert_eq!(new.slice(r), quote, "placed on other text");
            }
            (Some(r), Anchoring::Fuzzy { similarity }) => {
                assert!(new.full_range().contains_range(r) && !r.is_empty());
                assert!((900..1000).contains(&similarity), "similarity {similarity}");
            }
            other => panic!("inconsistent placement {other:?}"),
        }
    }
}

/// The sync's reading of a server's replies (`model::sync::Replica`): the
/// first byte picks the reply (0: the first look's `_all_docs`, 1: a
/// `_changes` feed, 2: a `_bulk_docs` answer to a push, 3: the ids of a
/// changes feed), the rest is the reply, with `SHA` standing for the
/// article's text hash. A reply is refused with a message or read; what
/// it brings in applies to the session as one command, leaving a session
/// whose annotations lie in the text with unique ids and whose relations
/// keep theirs (`check_session`); what goes out is JSON. The session holds
/// three annotations (a1 source, a2 quote, a3 source) and relation r1
/// (a2 said by a1).
pub fn sync_reply(bytes: &[u8]) {
    use annotator::model::sync::{docs, Replica};
    use annotator::model::{Annotation, Command, Fields};
    let Some((&kind, rest)) = bytes.split_first() else {
        return;
    };
    let text = "The mayor said “the bridge opens in May” 🌉. Her office disagreed.";
    let mut session = Session::new(Article::from_plain(
        "Sync".into(),
        "sync.txt".into(),
        text.into(),
    ));
    for (i, (s, e, tag)) in [(4, 9, "source"), (15, 40, "quote"), (48, 54, "source")]
        .into_iter()
        .enumerate()
    {
        let range = TextRange::new(CharOffset::new(s), CharOffset::new(e)).expect("in order");
        let a = Annotation {
            id: format!("a{}", i + 1).into(),
            tag: tag.into(),
            range,
            note: String::new(),
            fields: Fields::new(),
            created: "2026-01-01T00:00:00.000Z".into(),
            modified: "2026-01-01T00:00:00.000Z".into(),
            creator: String::new(),
            adjudicated_from: Vec::new(),
        };
        session.apply(Command::Tag(a)).expect("a valid annotation");
    }
    let said_by = annotator::model::Relation {
        id: "r1".into(),
        kind: "said-by".into(),
        from: "a2".into(),
        to: "a1".into(),
        created: "2026-01-01T00:00:00.000Z".into(),
    };
    session
        .apply(Command::Link(said_by))
        .expect("a valid relation");
    let sha = annotator::model::format::sha256_hex(text);
    let reply = String::from_utf8_lossy(rest).replace("SHA", &sha);
    let mut replica = Replica::new(&sha);
    let info = r#"{"db_name":"d","update_seq":7}"#;
    let merge = match kind % 4 {
        0 => replica.start(&session, info, &[&reply], None),
        1 => {
            replica
                .start(&session, info, &[r#"{"rows":[]}"#], None)
                .expect("an empty look");
            replica.incoming(&session, &reply)
        }
        2 => {
            replica
                .start(&session, info, &[r#"{"rows":[]}"#], None)
                .expect("an empty look");
            let body = replica
                .outgoing(&session)
                .expect("three annotations and a relation to send");
            serde_json::from_str::<serde_json::Value>(&body).expect("a push is JSON");
            let _ = replica.pushed(&reply);
            assert!(
                replica.waiting(&session) <= 4,
                "more waiting than there are records"
            );
            return;
        }
        _ => {
            let _ = replica.changed_ids(&reply);
            let _ = docs::listed(&reply);
            return;
        }
    };
    let Ok(merge) = merge else { return };
    if let Some(command) = merge.command() {
        session
            .apply(command)
            .expect("what a reply brings in applies");
    }
    check_session(&session);
    for a in session.annotations() {
        let exact = session.article().text.slice(a.range);
        assert!(!exact.is_empty(), "{} is empty", a.id);
    }
    if let Some(body) = replica.outgoing(&session) {
        serde_json::from_str::<serde_json::Value>(&body).expect("a push is JSON");
    }
    let _ = replica.pending(&session);
}
