//! Many articles in one format (the library's "Export these articles"):
//! one merged file where the format holds many documents, else a zip of
//! each article's files under unique names.

use annotator::model::exchange::{export, export_many, Format};
use annotator::model::format::import;
use annotator::model::Session;
use std::io::Read;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .expect("fixture")
}

fn session(bytes: &[u8]) -> Session {
    import(bytes).expect("fixture imports").session
}

/// The mixed fixture twice (same title) and the sample article.
fn three() -> Vec<Session> {
    let mixed = fixture("formats/mixed.annotations.json");
    vec![
        session(&mixed),
        session(&fixture("sample.annotations.json")),
        session(&mixed),
    ]
}

/// The sample article with one more tag in its tag set.
fn other_tags() -> Session {
    let mut file: serde_json::Value =
        serde_json::from_slice(&fixture("sample.annotations.json")).unwrap();
    let mut tag = file["schema"]["tags"][0].clone();
    tag["id"] = "evidence".into();
    tag["label"] = "Evidence".into();
    tag["key"] = "4".into();
    tag["letter"] = "e".into();
    file["schema"]["tags"].as_array_mut().unwrap().push(tag);
    session(file.to_string().as_bytes())
}

fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_owned(), s)
        })
        .collect()
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn label_studio_is_one_task_list_numbered_from_one() {
    let sessions = three();
    let many = export_many(&sessions, Format::LabelStudio, false, "library");
    assert_eq!(
        (many.name.as_str(), many.mime),
        ("library.label-studio.json", "application/json")
    );
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&many.bytes).unwrap();
    let ids: Vec<u64> = tasks.iter().map(|t| t["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [1, 2, 3]);
    for (task, s) in tasks.iter().zip(&sessions) {
        let alone: Vec<serde_json::Value> =
            serde_json::from_str(&export(s, Format::LabelStudio, false).files[0].content).unwrap();
        assert_eq!(task["data"], alone[0]["data"]);
        assert_eq!(task["annotations"], alone[0]["annotations"]);
    }
}

#[test]
fn jsonl_formats_have_one_line_per_article_in_order() {
    let sessions = three();
    for format in [Format::Doccano, Format::Spacy] {
        let many = export_many(&sessions, format, false, "library");
        let want: String = sessions
            .iter()
            .map(|s| export(s, format, false).files[0].content.clone())
            .collect();
        assert_eq!(text(many.bytes), want, "{format:?}");
        assert!(many.name.starts_with("library.") && many.name.ends_with(".jsonl"));
    }
}

#[test]
fn conll_is_one_file_of_documents_when_the_tags_agree_else_a_zip() {
    let sessions = three();
    let many = export_many(&sessions, Format::Conll, false, "library");
    assert_eq!(many.name, "library.conll");
    let out = text(many.bytes);
    assert_eq!(out.matches("-DOCSTART-").count(), 3);
    assert!(
        !out.contains("\n\n\n"),
        "documents are separated by one blank line"
    );
    let mixed_tags = vec![sessions[1].clone(), other_tags()];
    let zipped = export_many(&mixed_tags, Format::Conll, false, "library");
    assert_eq!(
        (zipped.name.as_str(), zipped.mime),
        ("library.conll.zip", "application/zip")
    );
    let files = unzip(&zipped.bytes);
    assert_eq!(files.len(), 2);
    assert_ne!(files[0].0, files[1].0, "same title, distinct names");
}

#[test]
fn brat_w3c_and_csv_are_a_zip_of_each_articles_files_under_unique_names() {
    let sessions = three();
    let brat = unzip(&export_many(&sessions, Format::Brat, false, "library").bytes);
    let names: Vec<&str> = brat.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "café-owners-and-the-new-rules.txt",
            "café-owners-and-the-new-rules.ann",
            "harbour-town-votes-to-rebuild-its-flooded-ferry-pier.txt",
            "harbour-town-votes-to-rebuild-its-flooded-ferry-pier.ann",
            "café-owners-and-the-new-rules-2.txt",
            "café-owners-and-the-new-rules-2.ann",
        ]
    );
    let alone = export(&sessions[1], Format::Brat, false);
    assert_eq!(brat[3].1, alone.files[1].content);
    for format in [Format::W3c, Format::Csv] {
        let many = export_many(&sessions, format, false, "library");
        assert_eq!(many.name, format!("library.{}.zip", format.id()));
        assert_eq!(unzip(&many.bytes).len(), 3);
    }
}

#[test]
fn what_any_article_loses_is_summed() {
    let sessions = three();
    let one = export(&sessions[0], Format::Doccano, false);
    let many = export_many(&sessions, Format::Doccano, false, "library");
    assert!(
        one.left_out > 0,
        "the mixed fixture has clutter annotations"
    );
    let sample = export(&sessions[1], Format::Doccano, false);
    assert_eq!(many.left_out, 2 * one.left_out + sample.left_out);
    assert_eq!(many.dropped, one.dropped);
}

#[test]
fn no_articles_is_an_empty_file() {
    let many = export_many(&[], Format::Doccano, false, "library");
    assert!(many.bytes.is_empty());
    assert!(unzip(&export_many(&[], Format::Brat, false, "library").bytes).is_empty());
}
