//! The annotation file: golden export (version 2), the previous release's
//! files (version 1), JSON Schema validation, round trips with fields and
//! relations, storage records and tag set files. Refused imports are in
//! `tests/import_errors.rs`.

mod common;

use annotator::model::format::tag_set::{export_tag_set, import_tag_set};
use annotator::model::format::{
    annotation_record, article_record, assemble, export, import, relation_record, schema_record,
};
use annotator::model::{Command, Schema};
use common::export::{check_export, schema_errors};
use common::{render, sample_session, session, session_with};
use serde_json::{json, Value};

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn sample_export_matches_golden_file() {
    let out = export(&sample_session());
    let path = data("sample.annotations.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let golden = std::fs::read_to_string(path).expect("run with UPDATE_GOLDEN=1 to create it");
    assert_eq!(
        out, golden,
        "export changed; if intended, rerun with UPDATE_GOLDEN=1"
    );
    let doc = check_export(&out);
    assert_eq!(doc["relations"].as_array().unwrap().len(), 3);
    assert_eq!(doc["annotations"][2]["fields"]["verdict"], "Mostly true");
    assert_eq!(doc["annotations"][2]["fields"]["check-worthy"], true);
    let back = import(out.as_bytes()).unwrap();
    assert_eq!(
        export(&back.session),
        out,
        "the golden file re-imports identically"
    );
}

/// The previous release's export (version 1) still imports, every
/// annotation kept, with the default tag set and no relations.
#[test]
fn version_1_files_of_the_previous_release_import_unchanged() {
    let v1 = std::fs::read(data("sample.v1.annotations.json")).unwrap();
    let doc: Value = serde_json::from_slice(&v1).unwrap();
    assert_eq!(doc["version"], 1);
    assert!(schema_errors(&doc).is_empty(), "the schema still takes v1");
    let back = import(&v1).unwrap();
    assert_eq!(back.version, 1);
    assert_eq!(back.n_reanchored, 0);
    let s = &back.session;
    assert_eq!(*s.schema(), Schema::default());
    assert_eq!(s.relations().len(), 0);
    let kept: Vec<(&str, &str, &str, &str)> = s
        .annotations()
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.tag.as_str(),
                s.article().text.slice(a.range),
                a.note.as_str(),
            )
        })
        .collect();
    let written: Vec<(&str, &str, &str, &str)> = doc["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap();
            (s("id"), s("tag"), s("exact"), s("note"))
        })
        .collect();
    assert_eq!(kept, written);
    assert!(s.annotations().iter().all(|a| a.fields.is_empty()));
    // Exported again, it is the same annotations as version 2.
    let again = check_export(&export(s));
    assert_eq!(again["annotations"].as_array().unwrap().len(), 5);
    assert_eq!(again["article"], doc["article"]);
}

#[test]
fn exports_of_fixtures_validate_and_round_trip() {
    for marked in [
        "The [sky is green]{claim} said [Ann]{source}.",
        "Mayor 👍🏽 [speaks]{quote} after [东京]{source} and [مرحبا]{claim}.\n\n[Second]{claim} paragraph.",
        "[[Ann]{source} said \"[it rains]{claim}\"]{quote}",
        "no annotations at all",
        "[Zas]{source#s kind=Person role=\"Secretary General\"} said [“we won”]{quote kind=Direct -said-by-> s}.",
        "[It rains]{claim check-worthy=true fact-check-url=https://f.example/1 summary=\"It rains, says \\\"Zas\\\"\" verdict=False -evidence-> a2 -said-by-> a2} per [the met office]{source kind=Organisation}.",
        "[a]{claim verdict=\"Mostly true\"} [b]{claim -said-by-> s} [c]{source#s -contradicts-> a1 -supports-> a2}",
    ] {
        let s = session(marked);
        assert_eq!(render(&s), marked, "the fixture renders back");
        let out = export(&s);
        check_export(&out);
        let back = import(out.as_bytes()).unwrap();
        assert_eq!(back.n_reanchored, 0);
        assert_eq!(render(&back.session), marked);
        assert_eq!(export(&back.session), out, "export -> import -> export is stable");
    }
}

#[test]
fn a_tag_set_of_ones_own_travels_with_the_file() {
    let mut schema = Schema::default().to_parts();
    let mut statistic = Schema::default().suggest_tag("statistic", "Statistic");
    statistic.fields.push(annotator::model::FieldDef::new(
        "value",
        "Value",
        annotator::model::FieldKind::Number,
    ));
    assert_eq!((statistic.key, statistic.letter), (Some('4'), Some('t')));
    schema.tags.push(statistic);
    let schema = Schema::new(schema.tags, schema.relations).unwrap();
    let marked = "Traffic fell by [38 percent]{statistic value=38.5}.";
    let s = session_with(schema.clone(), marked);
    let out = export(&s);
    check_export(&out);
    let back = import(out.as_bytes()).unwrap();
    assert_eq!(*back.session.schema(), schema);
    assert_eq!(render(&back.session), marked);
    // Alone, as a tag set file; and taken from an annotations file.
    let file = export_tag_set(&schema);
    assert_eq!(serde_json::from_str::<Value>(&file).unwrap()["tag_set"], 1);
    assert_eq!(import_tag_set(file.as_bytes()).unwrap(), schema);
    assert_eq!(import_tag_set(out.as_bytes()).unwrap(), schema);
    let v1 = std::fs::read(data("sample.v1.annotations.json")).unwrap();
    assert_eq!(import_tag_set(&v1).unwrap(), Schema::default());
    for (bytes, expected) in [
        (br#"{"name": "x"}"#.to_vec(), "neither a tag set"),
        (
            br#"{"tag_set": 2, "tags": []}"#.to_vec(),
            "this tag set has version 2",
        ),
        (
            br#"{"tag_set": 1, "tags": []}"#.to_vec(),
            "The tag set in this file is not valid: a tag set needs at least one tag.",
        ),
        (
            br##"{"tag_set": 1, "tags": [{"id": "x", "label": "X", "colour": "#ffffff"}]}"##
                .to_vec(),
            "missing field `color`",
        ),
    ] {
        let message = import_tag_set(&bytes).unwrap_err().to_string();
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
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
fn import_without_optional_fields_uses_paragraphs_and_the_default_tag_set() {
    for version in [1, 2] {
        let doc = json!({
            "version": version,
            "article": { "title": "T", "text": "One.\n\nTwo 👍 three." },
            "annotations": [{ "id": "x", "tag": "source", "start": 10, "end": 15,
                              "exact": "three", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z" }]
        });
        let back = import(doc.to_string().as_bytes()).unwrap();
        assert_eq!(back.session.article().blocks.len(), 2);
        assert_eq!(*back.session.schema(), Schema::default());
        assert_eq!(render(&back.session), "One.\n\nTwo 👍 [three]{source}.");
    }
}

#[test]
fn storage_records_assemble_into_an_importable_file() {
    let s = session(
        "Mayor 👍🏽 [speaks]{quote -said-by-> a2} after [东京]{source kind=Person}.\n\n[[Two]{claim} nested]{claim verdict=False}",
    );
    let text = &s.article().text;
    let annotations: Vec<String> = s
        .annotations()
        .iter()
        .map(|a| annotation_record(text, a))
        .collect();
    let relations: Vec<String> = s.relations().map(relation_record).collect();
    let schema = schema_record(s.schema());
    let doc = assemble(
        &article_record(s.article()),
        Some(&schema),
        annotations.iter().map(String::as_str),
        relations.iter().map(String::as_str),
    );
    let back = import(doc.as_bytes()).unwrap();
    assert_eq!(back.n_reanchored, 0);
    assert_eq!(export(&back.session), export(&s));
    // Records saved before tag sets existed: no schema record, no
    // relations, annotations without fields.
    let old = session("[One]{claim} and [two]{source}.");
    let records: Vec<String> = old
        .annotations()
        .iter()
        .map(|a| {
            let mut v: Value =
                serde_json::from_str(&annotation_record(&old.article().text, a)).unwrap();
            v.as_object_mut().unwrap().remove("fields");
            v.to_string()
        })
        .collect();
    let doc = assemble(
        &article_record(old.article()),
        None,
        records.iter().map(String::as_str),
        [],
    );
    assert_eq!(
        export(&import(doc.as_bytes()).unwrap().session),
        export(&old)
    );
}

#[test]
fn an_imported_session_undoes_nothing_and_links_like_any_other() {
    let out = export(&sample_session());
    let mut s = import(out.as_bytes()).unwrap().session;
    assert!(!s.can_undo() && s.revision() == 0 && !s.has_unexported());
    let removed = s.apply(Command::Remove { id: "s2".into() }).unwrap();
    assert_eq!(removed.n_unlinked(), 2, "said-by and evidence went with it");
    s.undo().unwrap();
    assert_eq!(export(&s), out);
}
