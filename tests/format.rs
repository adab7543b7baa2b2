//! The annotation file: golden export, JSON Schema validation, round trips,
//! and imports that must be refused with a message naming the problem.

mod common;

use annotator::model::format::{export, import, sha256_hex, ImportError};
use annotator::model::sample::sample_article;
use annotator::model::{Command, Session, Tag};
use common::{annotation, py_slice, range, render, session};
use serde_json::{json, Value};

fn schema_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../docs/annotations.schema.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is valid")
}

/// Everything an export promises: the schema, sorted spans, and
/// `text[start:end] == exact` with 32 code points of context.
fn check_export(json_text: &str) -> Value {
    let doc: Value = serde_json::from_str(json_text).unwrap();
    let errors: Vec<String> = schema_validator()
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    let text = doc["article"]["text"].as_str().unwrap();
    assert_eq!(doc["article"]["sha256"], sha256_hex(text));
    let mut last = (0, 0);
    for a in doc["annotations"].as_array().unwrap() {
        let (start, end) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert!((start, end) >= last, "sorted by start, then end");
        last = (start, end);
        assert_eq!(a["exact"], py_slice(text, start, end));
        assert_eq!(a["prefix"], py_slice(text, start.saturating_sub(32), start));
        assert_eq!(a["suffix"], py_slice(text, end, end + 32));
    }
    doc
}

fn sample_session() -> Session {
    let mut s = Session::new(sample_article());
    let text = s.article().text.as_str().to_owned();
    let find = |needle: &str| {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        range(start, start + needle.chars().count())
    };
    for (id, tag, needle) in [
        ("q1", Tag::Quote, "\"This pier is our road.\""),
        ("s1", Tag::Source, "Mayor Elin Sørensen"),
        ("c1", Tag::Claim, "The rebuild will cost 4.2 million euros"),
        ("s2", Tag::Source, "Brandt & Kové"),
        (
            "c2",
            Tag::Claim,
            "Ferry traffic to the islands fell by 38 percent in February",
        ),
    ] {
        s.apply(Command::Tag(annotation(id, tag, find(needle))))
            .unwrap();
    }
    s.apply(Command::Note {
        id: "c1".into(),
        note: "Ask the firm for the report.".into(),
        at: "2026-01-02T04:00:00.000Z".into(),
    })
    .unwrap();
    s
}

#[test]
fn sample_export_matches_golden_file() {
    let out = export(&sample_session());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sample.annotations.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(path).expect("run with UPDATE_GOLDEN=1 to create it");
    assert_eq!(
        out, golden,
        "export changed; if intended, rerun with UPDATE_GOLDEN=1"
    );
    check_export(&out);
}

#[test]
fn exports_of_fixtures_validate_and_round_trip() {
    for marked in [
        "The [sky is green]{claim} said [Ann]{source}.",
        "Mayor 👍🏽 [speaks]{quote} after [东京]{source} and [مرحبا]{claim}.\n\n[Second]{claim} paragraph.",
        "[[Ann]{source} said \"[it rains]{claim}\"]{quote}",
        "no annotations at all",
    ] {
        let s = session(marked);
        let out = export(&s);
        check_export(&out);
        let back = import(out.as_bytes()).unwrap();
        assert_eq!(back.n_reanchored, 0);
        assert_eq!(render(&back.session), marked);
        assert_eq!(export(&back.session), out, "export -> import -> export is stable");
    }
}

#[test]
fn import_reanchors_moved_spans_by_their_quote() {
    let mut doc: Value =
        serde_json::from_str(&export(&session("A [claim here]{claim} and more."))).unwrap();
    doc["annotations"][0]["start"] = json!(0);
    doc["annotations"][0]["end"] = json!(5);
    let back = import(doc.to_string().as_bytes()).unwrap();
    assert_eq!(back.n_reanchored, 1);
    assert_eq!(render(&back.session), "A [claim here]{claim} and more.");
}

#[test]
fn import_without_optional_fields_uses_paragraphs() {
    let doc = json!({
        "version": 1,
        "article": { "title": "T", "text": "One.\n\nTwo 👍 three." },
        "annotations": [{ "id": "x", "tag": "source", "start": 10, "end": 15,
                          "exact": "three", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z" }]
    });
    let back = import(doc.to_string().as_bytes()).unwrap();
    assert_eq!(back.session.article().blocks.len(), 2);
    assert_eq!(render(&back.session), "One.\n\nTwo 👍 [three]{source}.");
}

/// Bad files and the words the user must see.
#[test]
fn bad_imports_are_refused_with_a_named_problem() {
    let good = export(&session("The [sky]{claim} is blue."));
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&good).unwrap();
        edit(&mut v);
        v.to_string().into_bytes()
    };
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (Vec::new(), "empty"),
        (b"\xff\xfe{\x00".to_vec(), "not UTF-8"),
        (good.as_bytes()[..good.len() / 2].to_vec(), "truncated"),
        (
            b"{\"version\": 1,, }".to_vec(),
            "not valid JSON: error at line 1, column 15",
        ),
        (
            b"[1, 2, 3]".to_vec(),
            "not an annotations file: it holds no JSON object",
        ),
        (br#"{"name": "left-pad"}"#.to_vec(), "no \"version\" field"),
        (
            with(&|v| v["version"] = json!(2)),
            "version 2; this app reads version 1",
        ),
        (
            with(&|v| v["article"]["text"] = json!("The sky is green.")),
            "does not match its sha256",
        ),
        (
            with(&|v| v["annotations"][0]["tag"] = json!("opinion")),
            "unknown variant `opinion`",
        ),
        (
            with(&|v| v["annotations"][0]["start"] = json!(-1)),
            "malformed: invalid value: integer `-1`, expected a character offset (a whole number, 0 or more)",
        ),
        (
            with(&|v| {
                v["annotations"][0]["exact"] = json!("cloud");
            }),
            "its text \"cloud\" is not in the article",
        ),
        (
            with(&|v| v["annotations"][0]["id"] = json!("")),
            "its id is empty",
        ),
        (
            with(&|v| {
                let a = v["annotations"][0].clone();
                v["annotations"].as_array_mut().unwrap().push(a);
            }),
            "Annotation 2 (id \"a1\"): annotation 1 has the same id",
        ),
        (
            with(&|v| v["article"]["blocks"][0]["end"] = json!(999)),
            "Block 1 of the article ends at 999, past the end of its text (16 characters)",
        ),
        (
            with(&|v| v["article"]["blocks"][0]["end"] = json!(0)),
            "Block 1 of the article is empty (it starts and ends at 0)",
        ),
        (
            with(&|v| {
                let first = v["article"]["blocks"][0].clone();
                v["article"]["blocks"].as_array_mut().unwrap().push(first);
            }),
            "Block 2 of the article starts at 0, before block 1 ends (at 16)",
        ),
        (
            with(&|v| v["article"]["blocks"][0]["kind"] = json!("div")),
            "Block 1 of the article has the unknown kind \"div\"",
        ),
        (
            with(&|v| {
                v["article"]["inlines"] = json!([{ "kind": "em", "start": 4, "end": 99 }]);
            }),
            "Inline run 1 of the article ends at 99, past the end of its text (16 characters)",
        ),
        (
            with(&|v| {
                v["article"]["inlines"] = json!([{ "kind": "em", "start": 5, "end": 4 }]);
            }),
            "Inline run 1 of the article ends at 4, before it starts (5)",
        ),
        (
            with(&|v| {
                v["article"]["inlines"] = json!([{ "kind": "u", "start": 4, "end": 7 }]);
            }),
            "Inline run 1 of the article has the unknown kind \"u\"",
        ),
        (
            with(&|v| {
                v.as_object_mut().unwrap().remove("annotations");
            }),
            "it needs both \"article\" and \"annotations\"",
        ),
        (
            with(&|v| {
                v.as_object_mut().unwrap().remove("article");
            }),
            "it needs both \"article\" and \"annotations\"",
        ),
    ];
    for (bytes, expected) in cases {
        let err = import(&bytes).expect_err(expected);
        let message = err.to_string();
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
}

#[test]
fn truncation_is_told_apart_from_bad_syntax() {
    assert!(matches!(
        import(b"{\"version\": 1"),
        Err(ImportError::Syntax {
            truncated: true,
            ..
        })
    ));
    assert!(matches!(
        import(b"{\"version\": x}"),
        Err(ImportError::Syntax {
            truncated: false,
            ..
        })
    ));
}

#[test]
fn storage_records_assemble_into_an_importable_file() {
    let s =
        session("Mayor 👍🏽 [speaks]{quote} after [东京]{source}.\n\n[[Two]{claim} nested]{claim}");
    let text = &s.article().text;
    let records: Vec<String> = s
        .annotations()
        .iter()
        .map(|a| annotator::model::format::annotation_record(text, a))
        .collect();
    let doc = annotator::model::format::assemble(
        &annotator::model::format::article_record(s.article()),
        records.iter().map(String::as_str),
    );
    let back = import(doc.as_bytes()).unwrap();
    assert_eq!(back.n_reanchored, 0);
    assert_eq!(export(&back.session), export(&s));
}
