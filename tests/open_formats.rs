//! "Open annotations" for other tools' formats: the golden exports of
//! `tests/data/formats/` open back (onto the article, and as a new article
//! of their text) keeping everything each format holds; JavaScript tools'
//! UTF-16 positions are placed by their quote; what cannot be placed is
//! listed, never put at other text; bad files are named with where.

use annotator::model::exchange::{detect, open, Format, InFile};
use annotator::model::format::{import, ImportError, Imported};
use annotator::model::{Session, TextRange};
use std::path::PathBuf;

fn read(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name);
    std::fs::read(path).expect("test file")
}

fn mixed() -> Session {
    import(&read("mixed.annotations.json"))
        .expect("fixture")
        .session
}

fn open_one(name: &str, bytes: &[u8], current: Option<&Session>) -> Result<Imported, ImportError> {
    open(&[InFile { name, bytes }], current)
}

/// `a.txt` and `a.ann` opened together, with no article open.
fn open_brat(txt: &[u8], ann: &[u8]) -> Result<Imported, ImportError> {
    let files = [
        InFile {
            name: "a.txt",
            bytes: txt,
        },
        InFile {
            name: "a.ann",
            bytes: ann,
        },
    ];
    open(&files, None)
}

fn open_golden(names: &[&str], current: Option<&Session>) -> Imported {
    let bytes: Vec<Vec<u8>> = names.iter().map(|n| read(n)).collect();
    let files: Vec<InFile> = names
        .iter()
        .zip(&bytes)
        .map(|(name, bytes)| InFile { name, bytes })
        .collect();
    open(&files, current).unwrap_or_else(|e| panic!("{names:?}: {e}"))
}

/// Each annotation as (its text, tag, note, fields as JSON), sorted.
fn spans(s: &Session, note: bool, fields: bool) -> Vec<(String, String, String, String)> {
    let text = &s.article().text;
    let mut out: Vec<_> = s
        .annotations()
        .iter()
        .map(|a| {
            (
                text.slice(a.range).to_owned(),
                a.tag.to_string(),
                if note { a.note.clone() } else { String::new() },
                if fields {
                    format!("{:?}", a.fields)
                } else {
                    String::new()
                },
            )
        })
        .collect();
    out.sort();
    out
}

/// Each relation as (type, from's text, to's text), sorted.
fn links(s: &Session) -> Vec<(String, String, String)> {
    let text = &s.article().text;
    let at = |id| text.slice(s.get(id).expect("end").range).to_owned();
    let mut out: Vec<_> = s
        .relations()
        .map(|r| (r.kind.to_string(), at(&r.from), at(&r.to)))
        .collect();
    out.sort();
    out
}

/// The fixture without what a dataset format leaves out: the annotation in
/// the newsletter line and its relation.
fn readable_part(s: &Session) -> Session {
    let annotations = s
        .annotations()
        .iter()
        .filter(|a| a.id.as_str() != "x1")
        .cloned()
        .collect();
    let relations = s
        .relations()
        .filter(|r| r.to.as_str() != "x1" && r.from.as_str() != "x1")
        .cloned()
        .collect();
    Session::from_parts(
        s.article().clone(),
        s.schema().clone(),
        annotations,
        relations,
    )
    .expect("valid")
}

#[test]
fn formats_are_told_apart_by_name_and_shape() {
    let one = |name: &str| {
        detect(&[InFile {
            name,
            bytes: &read(name),
        }])
        .expect("one file")
    };
    assert_eq!(one("mixed.annotations.json"), None, "native");
    assert_eq!(one("mixed.w3c.jsonld"), Some(Format::W3c));
    assert_eq!(one("mixed.label-studio.json"), Some(Format::LabelStudio));
    assert_eq!(one("mixed.doccano.jsonl"), Some(Format::Doccano));
    let (txt, ann) = (read("mixed.txt"), read("mixed.ann"));
    let pair = [
        InFile {
            name: "mixed.ann",
            bytes: &ann,
        },
        InFile {
            name: "mixed.txt",
            bytes: &txt,
        },
    ];
    assert_eq!(detect(&pair).expect("a pair"), Some(Format::Brat));
    let alone = detect(&pair[..1]).expect_err(".ann alone");
    assert!(
        alone.to_string().contains("choose both files together"),
        "{alone}"
    );
}

#[test]
fn w3c_opens_back_onto_the_article_with_everything() {
    let original = mixed();
    let back = open_golden(&["mixed.w3c.jsonld"], Some(&original));
    assert!(back.report.onto_current && back.report.not_placed.is_empty());
    assert_eq!(back.n_reanchored, 0);
    assert_eq!(back.session.annotations(), original.annotations());
    let relations: Vec<_> = back.session.relations().cloned().collect();
    assert_eq!(relations, original.relations().cloned().collect::<Vec<_>>());
    assert_eq!(back.report.new_tags, Vec::<String>::new());
}

#[test]
fn dataset_formats_open_back_onto_the_article_keeping_what_they_hold() {
    let original = mixed();
    let want = readable_part(&original);
    for (files, note, fields, relations) in [
        (&["mixed.label-studio.json"][..], true, false, true),
        (&["mixed.doccano.jsonl"], false, false, true),
        (&["mixed.txt", "mixed.ann"], true, true, true),
    ] {
        let back = open_golden(files, Some(&original));
        let r = &back.report;
        assert!(
            r.onto_current,
            "{files:?}: the readable text maps back onto the page"
        );
        assert!(
            r.not_placed.is_empty() && r.relations_not_kept == 0,
            "{files:?}: {r:?}"
        );
        assert_eq!(r.fields_not_kept, 0, "{files:?}");
        assert_eq!(
            spans(&back.session, note, fields),
            spans(&want, note, fields),
            "{files:?}"
        );
        if relations {
            assert_eq!(links(&back.session), links(&want), "{files:?}");
        }
        // Offsets too, not only texts: the same ranges of the same article.
        let mut ranges: Vec<TextRange> =
            back.session.annotations().iter().map(|a| a.range).collect();
        let mut wanted: Vec<TextRange> = want.annotations().iter().map(|a| a.range).collect();
        ranges.sort_by_key(|r| (r.start(), r.end()));
        wanted.sort_by_key(|r| (r.start(), r.end()));
        assert_eq!(ranges, wanted, "{files:?}");
    }
}

#[test]
fn dataset_formats_open_as_a_new_article_of_their_text() {
    let original = mixed();
    let want = readable_part(&original);
    for files in [
        &["mixed.label-studio.json"][..],
        &["mixed.doccano.jsonl"],
        &["mixed.txt", "mixed.ann"],
    ] {
        let back = open_golden(files, None);
        assert!(!back.report.onto_current);
        assert!(
            !back.session.article().text.as_str().contains("Subscribe"),
            "{files:?}"
        );
        assert_eq!(
            spans(&back.session, false, false),
            spans(&want, false, false),
            "{files:?}"
        );
        assert_eq!(links(&back.session), links(&want), "{files:?}");
    }
}

const EMOJI_TEXT: &str = "Fans 👍🏽 said: “prices 📈 rose”. Prices rose again.";

fn emoji_session() -> Session {
    let article =
        annotator::model::Article::from_plain("t".into(), String::new(), EMOJI_TEXT.into());
    Session::new(article)
}

/// A Hypothesis-style annotation with positions in UTF-16 units.
fn hypothesis(exact: &str, start16: usize, end16: usize, tags: &[&str]) -> serde_json::Value {
    serde_json::json!({
        "id": format!("h-{start16}"),
        "text": "seen on the site",
        "tags": tags,
        "target": [{"source": "https://example.org/a", "selector": [
            {"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 3},
            {"type": "TextPositionSelector", "start": start16, "end": end16},
            {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
        ]}],
    })
}

#[test]
fn utf16_positions_from_javascript_tools_land_on_their_quote() {
    let session = emoji_session();
    let utf16 = |s: &str| {
        EMOJI_TEXT[..EMOJI_TEXT.find(s).unwrap()]
            .encode_utf16()
            .count()
    };
    let quote = "prices 📈 rose";
    let (s16, e16) = (utf16(quote), utf16(quote) + quote.encode_utf16().count());
    let file = serde_json::json!({"total": 1, "rows": [hypothesis(quote, s16, e16, &["Quote"])]});
    let back = open_one("h.json", file.to_string().as_bytes(), Some(&session)).expect("opens");
    let a = &back.session.annotations()[0];
    assert_eq!(back.session.article().text.slice(a.range), quote);
    let cp = EMOJI_TEXT[..EMOJI_TEXT.find(quote).unwrap()]
        .chars()
        .count();
    assert_eq!(a.range.start().get(), cp, "code points, not UTF-16 units");
    assert_eq!(
        (a.tag.as_str(), a.note.as_str()),
        ("quote", "seen on the site")
    );
    assert_eq!(
        back.n_reanchored, 0,
        "a UTF-16 position is read, not re-anchored"
    );
}

#[test]
fn quotes_not_in_the_article_are_listed_and_the_rest_opens() {
    let session = emoji_session();
    let file = serde_json::json!({"annotations": [
        hypothesis("rose again", 999, 1009, &["claim"]),
        hypothesis("never written", 0, 13, &["claim"]),
        hypothesis("Fans", 0, 4, &[]),
        hypothesis("Prices", 0, 6, &["Verdict pending"]),
    ]});
    let back = open_one("h.json", file.to_string().as_bytes(), Some(&session)).expect("opens");
    let r = &back.report;
    assert_eq!(back.session.annotations().len(), 2);
    assert_eq!(back.n_reanchored, 2, "wrong offsets: placed by the quote");
    assert_eq!(
        r.not_placed,
        [
            "Annotation 2 (“never written”): its text “never written” is not in the article.",
            "Annotation 3 (“Fans”): it has no tag."
        ]
    );
    assert_eq!(r.new_tags, ["Verdict pending"]);
    assert!(back.session.schema().tag_named("verdict-pending").is_some());
    let nothing = serde_json::json!([hypothesis("absent words", 0, 12, &["claim"])]);
    let e = open_one("h.json", nothing.to_string().as_bytes(), Some(&session))
        .expect_err("none placed");
    assert!(
        e.to_string()
            .contains("none of its 1 annotations could be placed"),
        "{e}"
    );
    assert!(
        e.to_string().contains("made on https://example.org/a"),
        "{e}"
    );
}

#[test]
fn bad_files_name_the_problem_and_where() {
    let session = emoji_session();
    let cases: [(&str, &[u8], &str); 8] = [
        ("a.jsonld", b"{\"first\": {\"items\": [", "ends too early"),
        ("a.jsonld", b"{\"type\": \"AnnotationCollection\", \"@context\": 1}", "no W3C annotations"),
        ("a.jsonld", b"[{\"target\": {\"source\": \"x\"}}]", "annotation 1 has no TextQuoteSelector"),
        ("a.json", b"[{\"data\": {\"a\": \"x\", \"b\": \"y\"}, \"annotations\": []}]", "task 1 has no \"data.text\""),
        ("a.jsonl", b"{\"text\": \"ab\", \"entities\": [{\"start_offset\": -1}]}\n", "entity 1 has no whole-number"),
        ("a.jsonl", b"{\"text\": \"ab\", \"label\": [[0, 1]]}\n", "label 1 is not [start, end"),
        ("a.jsonl", b"{\"text\": \"ab\", \"entities\": [{\"start_offset\": 1, \"end_offset\": 9, \"label\": \"claim\"}]}\n", "past the end of the text (2 characters)"),
        ("a.json", &[0xff, 0xfe, 0x7b, 0x00], "not UTF-8"),
    ];
    for (name, bytes, says) in cases {
        let e = open_one(name, bytes, Some(&session)).expect_err(says);
        assert!(e.to_string().contains(says), "{name}: {e}");
    }
    let txt = b"one line\n".as_slice();
    for (ann, says) in [
        (
            &b"T1\tclaim 0 x\tone\n"[..],
            "line 1 of a.ann is not \"T<n>",
        ),
        (
            b"T1\tclaim 0 3\tone\nR1\tsaid-by Arg1:T1\n",
            "line 2 of a.ann is not \"R<n>",
        ),
        (
            b"A1\tverdict T9 False\n",
            "names T9, which is not defined above",
        ),
        (b"T1 claim 0 3 one\n", "line 1 of a.ann has no tab"),
    ] {
        let e = open_brat(txt, ann).expect_err(says);
        assert!(e.to_string().contains(says), "{e}");
    }
}

#[test]
fn a_brat_span_whose_text_is_not_the_txt_is_not_placed() {
    let txt = "Prices rose. Rent fell.\n".as_bytes();
    let ann =
        "T1\tclaim 0 12\tPrices rose.\nT2\tclaim 13 23\tWages rose\nE1\tEvent:T1\n".as_bytes();
    let back = open_brat(txt, ann).expect("opens");
    assert_eq!(back.session.annotations().len(), 1);
    assert_eq!(back.report.not_placed.len(), 1, "{:?}", back.report);
    assert!(
        back.report.notes[0].starts_with("Skipped 1 line of kinds"),
        "{:?}",
        back.report.notes
    );
}

#[test]
fn a_tag_label_longer_than_an_id_gets_a_short_id() {
    // A fuzz finding: a label of 40 letters or more made every candidate
    // id too long, and finding a free one never ended.
    let long = "Averyveryverylongtaglabelfromanothertoolindeed";
    let ann = format!("T1\t{long} 0 6\tPrices\nT2\t{long}x 7 11\trose\n");
    let imported = open_brat(b"Prices rose.", ann.as_bytes()).expect("opens");
    let tags: Vec<&str> = imported
        .session
        .annotations()
        .iter()
        .map(|a| a.tag.as_str())
        .collect();
    assert_eq!(tags.len(), 2);
    assert!(tags.iter().all(|t| t.len() <= 32), "{tags:?}");
    assert_ne!(tags[0], tags[1], "two labels, two tags");
}

/// Hypothesis-style annotations made on an older version of the page: a
/// quote changed a little is placed as fuzzy (with its context), a quote
/// gone is kept as an orphan with its old quote; the native export keeps
/// both.
#[test]
fn w3c_quotes_of_an_older_version_are_placed_fuzzily_or_kept_as_orphans() {
    let session = emoji_session();
    let with_context = |exact: &str, prefix: &str, suffix: &str, id: &str| {
        let mut h = hypothesis(exact, 0, exact.encode_utf16().count(), &["claim"]);
        h["id"] = id.into();
        h["target"][0]["selector"][2]["prefix"] = prefix.into();
        h["target"][0]["selector"][2]["suffix"] = suffix.into();
        h
    };
    let file = serde_json::json!({"annotations": [
        // "rose" was "rise" in the old version: 1 of 13 code points.
        with_context("prices 📈 rise", "Fans 👍🏽 said: “", "”. Prices rose again.", "h1"),
        with_context("the mayor resigned", "Later that day ", " in tears.", "h2"),
        with_context("Prices", "", " rose again.", "h3"),
    ]});
    let back = open_one("h.json", file.to_string().as_bytes(), Some(&session)).expect("opens");
    let s = &back.session;
    let text = &s.article().text;
    assert_eq!(s.annotations().len(), 2, "{:?}", back.report);
    let fuzzy = s
        .annotations()
        .iter()
        .find(|a| a.id.as_str() == "h1")
        .expect("placed");
    assert_eq!(text.slice(fuzzy.range), "prices 📈 rose");
    assert!(matches!(
        s.anchoring(fuzzy),
        Some(annotator::model::reanchor::Anchoring::Fuzzy { similarity: 923 })
    ));
    let orphans: Vec<_> = s.orphans().map(|o| o.quote.exact.as_str()).collect();
    assert_eq!(orphans, ["the mayor resigned"]);
    assert_eq!(back.report.not_placed.len(), 1, "still said in the notice");
    let json: serde_json::Value =
        serde_json::from_str(&annotator::model::format::export(s)).unwrap();
    assert_eq!(json["orphans"][0]["exact"], "the mayor resigned");
    assert_eq!(json["orphans"][0]["prefix"], "Later that day ");
    let fuzzy_json = json["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "h1");
    assert_eq!(fuzzy_json.unwrap()["anchoring"]["status"], "fuzzy");
}
