//! Exports to other tools' formats, checked against golden files in
//! `tests/data/formats/` (the Python readers of `tests/formats/` read the
//! same files). `UPDATE_GOLDEN=1 cargo test --test exchange` rewrites them.

use annotator::model::exchange::{export, one_file, Format};
use annotator::model::format::import;
use std::path::PathBuf;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name)
}

fn mixed() -> annotator::model::Session {
    let bytes = std::fs::read(data("mixed.annotations.json")).expect("fixture");
    import(&bytes).expect("fixture imports").session
}

/// `content` equals the golden file `name`, or rewrites it when asked.
fn golden(name: &str, content: &str) {
    let path = data(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, content).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("golden {name} missing"));
    assert!(
        content == want,
        "{name} differs from its golden file; UPDATE_GOLDEN=1 rewrites it"
    );
}

#[test]
fn every_format_matches_its_golden_file() {
    let session = mixed();
    for format in Format::ALL {
        let out = export(&session, format, false);
        for f in &out.files {
            golden(&format!("mixed{}", f.suffix), &f.content);
        }
    }
}

#[test]
fn dataset_formats_leave_out_page_clutter_and_count_it() {
    let session = mixed();
    let readable = export(&session, Format::Spacy, false);
    // x1 lies in the newsletter line, r3 links to it.
    assert_eq!((readable.left_out, readable.relations_left_out), (1, 1));
    assert!(!readable.files[0].content.contains("Subscribe"));
    let everything = export(&session, Format::Spacy, true);
    assert_eq!((everything.left_out, everything.relations_left_out), (0, 0));
    assert!(everything.files[0].content.contains("Subscribe"));
    let w3c = export(&session, Format::W3c, false);
    assert_eq!(w3c.left_out, 0);
    assert!(w3c.files[0].content.contains("Subscribe to our newsletter"));
}

#[test]
fn format_ids_round_trip() {
    for f in Format::ALL {
        assert_eq!(Format::from_id(f.id()), Some(f));
    }
    assert_eq!(Format::from_id("docx"), None);
}

#[test]
fn brat_downloads_as_one_zip_of_its_two_files() {
    use std::io::Read;
    let session = mixed();
    let (name, mime, bytes) = one_file(
        "mixed",
        Format::Brat,
        &export(&session, Format::Brat, false),
    );
    assert_eq!((name.as_str(), mime), ("mixed.brat.zip", "application/zip"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    assert_eq!(zip.len(), 2);
    for member in ["mixed.txt", "mixed.ann"] {
        let mut content = String::new();
        zip.by_name(member)
            .expect(member)
            .read_to_string(&mut content)
            .expect("utf-8");
        let want = std::fs::read_to_string(data(member)).expect("golden");
        assert!(
            content == want,
            "{member} in the zip differs from its golden"
        );
    }
    let (name, mime, bytes) = one_file("mixed", Format::Csv, &export(&session, Format::Csv, false));
    assert_eq!((name.as_str(), mime), ("mixed.csv", "text/csv"));
    assert_eq!(bytes, std::fs::read(data("mixed.csv")).expect("golden"));
}
