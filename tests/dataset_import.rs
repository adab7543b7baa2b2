//! "Import library" of other tools' datasets (`exchange::open_dataset`):
//! the library's own exports in doccano, Label Studio and brat come back
//! as the same articles with the same spans (code points: emoji,
//! combining marks, CJK and right-to-left text in the fixture), and a
//! document that cannot be read is named while the others are read.

use annotator::model::exchange::{export_many, open_dataset, Format, InFile};
use annotator::model::format::{import, ImportError};
use annotator::model::Session;
use std::path::PathBuf;

fn fixture(name: &str) -> Session {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    import(&std::fs::read(path).expect("fixture"))
        .expect("imports")
        .session
}

fn three() -> Vec<Session> {
    vec![
        fixture("formats/mixed.annotations.json"),
        fixture("sample.annotations.json"),
        fixture("formats/mixed.annotations.json"),
    ]
}

/// Each span as `text[start..end]{tag}`, in order, then each relation
/// as `from -type-> to` by its ends' text.
fn spans(s: &Session) -> Vec<String> {
    let text = &s.article().text;
    let quote = |id| text.slice(s.get(id).unwrap().range).to_owned();
    let mut links: Vec<String> = s
        .relations()
        .map(|r| format!("{} -{}-> {}", quote(&r.from), r.kind, quote(&r.to)))
        .collect();
    links.sort();
    s.annotations()
        .iter()
        .map(|a| format!("{}{{{}}}", text.slice(a.range), a.tag))
        .chain(links)
        .collect()
}

fn open(name: &str, bytes: &[u8]) -> Result<Vec<Session>, ImportError> {
    let read = open_dataset(InFile { name, bytes })?;
    assert!(read.bad.is_empty(), "{:?}", read.bad);
    Ok(read.articles.into_iter().map(|i| i.session).collect())
}

#[test]
fn the_library_exports_come_back_as_the_same_articles() {
    let sessions = three();
    for format in [
        Format::Doccano,
        Format::Spacy,
        Format::LabelStudio,
        Format::Brat,
    ] {
        // With the clutter extraction set aside: the whole text.
        let many = export_many(&sessions, format, true, "library");
        let back = open(&many.name, &many.bytes).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(back.len(), 3, "{format:?}");
        // brat's zip is read in name order; the others in file order.
        // spaCy's lines hold no relations.
        let links = format != Format::Spacy;
        let mut want: Vec<(String, Vec<String>)> = sessions
            .iter()
            .map(|s| {
                let mut spans = spans(s);
                spans.retain(|x| links || !x.contains("->"));
                (s.article().text.as_str().to_owned(), spans)
            })
            .collect();
        let mut got: Vec<(String, Vec<String>)> = back
            .iter()
            .map(|s| (s.article().text.as_str().to_owned(), spans(s)))
            .collect();
        if format == Format::Brat {
            want.sort();
            got.sort();
        }
        assert_eq!(got, want, "{format:?}");
        assert!(
            sessions.iter().any(|s| s.relations().count() > 0),
            "the fixture has relations"
        );
    }
}

#[test]
fn the_library_own_jsonl_reads_here_too() {
    let sessions = three();
    let jsonl = annotator::model::library::bundle::to_jsonl(&sessions);
    let back = open("library.jsonl", jsonl.as_bytes()).unwrap();
    let texts =
        |v: &[Session]| -> Vec<String> { v.iter().map(|s| s.article().title.clone()).collect() };
    assert_eq!(texts(&back), texts(&sessions), "titles kept");
}

#[test]
fn a_document_that_cannot_be_read_is_named_and_the_others_read() {
    let doccano = "{\"text\": \"Rain fell.\", \"label\": [[0, 4, \"claim\"]]}\n\n{\"label\": []}\n{\"text\": \"Sun 🌞 rose.\", \"entities\": [{\"id\": 1, \"start_offset\": 4, \"end_offset\": 5, \"label\": \"claim\"}]}\nnot json\n";
    let read = open_dataset(InFile {
        name: "corpus.jsonl",
        bytes: doccano.as_bytes(),
    })
    .unwrap();
    let titles: Vec<&str> = read
        .articles
        .iter()
        .map(|i| i.session.article().title.as_str())
        .collect();
    assert_eq!(titles, ["corpus 1", "corpus 3"]);
    assert_eq!(
        spans(&read.articles[1].session),
        ["🌞{claim}"],
        "code points"
    );
    let bad: Vec<&str> = read.bad.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(bad, ["line 3", "line 5"]);
    assert!(
        read.bad[0]
            .1
            .to_string()
            .contains("document 3 is none we read"),
        "{}",
        read.bad[0].1
    );

    let tasks = r#"[{"data": {"text": "Rain fell."}}, {"nodata": 1}]"#;
    let read = open_dataset(InFile {
        name: "tasks.json",
        bytes: tasks.as_bytes(),
    })
    .unwrap();
    assert_eq!(read.articles.len(), 1);
    assert_eq!(read.bad[0].0, "task 2");
}

#[test]
fn a_zip_without_brat_pairs_and_other_files_are_refused_with_the_reason() {
    let sessions = three();
    let w3c = export_many(&sessions, Format::W3c, false, "library");
    let e = open(&w3c.name, &w3c.bytes).unwrap_err();
    assert!(e.to_string().contains("hold no text"), "{e}");
    // An .ann without its .txt is named; its neighbours are read.
    let brat = export_many(&sessions, Format::Brat, false, "library");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&brat.bytes[..])).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let f = z.by_index(i).unwrap();
        if f.name() != "café-owners-and-the-new-rules-2.txt" {
            w.raw_copy_file(f).unwrap();
        }
    }
    let bytes = w.finish().unwrap().into_inner();
    let read = open_dataset(InFile {
        name: "x.zip",
        bytes: &bytes,
    })
    .unwrap();
    assert_eq!(read.articles.len(), 2);
    assert_eq!(read.bad[0].0, "café-owners-and-the-new-rules-2.ann");
    for (name, bytes) in [
        ("x.zip", &b"PK\x03\x04broken"[..]),
        ("x.jsonl", b""),
        ("x.bin", &[0xff, 0xfe, 0x00]),
    ] {
        assert!(open_dataset(InFile { name, bytes }).is_err(), "{name}");
    }
}

#[test]
fn a_brat_folder_zipped_with_compression_reads() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let files = [
        ("corpus/a.txt", "Zoë said “no” 🙂 twice."),
        (
            "corpus/a.ann",
            "T1\tQuote 9 13\t“no”\nT2\tSource 0 3\tZoë\nR1\tSaid_by Arg1:T1 Arg2:T2\n",
        ),
        ("corpus/b.txt", "東京 is big."),
    ];
    for (name, text) in files {
        w.start_file(name, deflated).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let back = open("corpus.zip", &bytes).unwrap();
    let titles: Vec<&str> = back.iter().map(|s| s.article().title.as_str()).collect();
    assert_eq!(titles, ["a", "b"]);
    assert_eq!(spans(&back[0])[..2], ["Zoë{source}", "“no”{quote}"]);
    assert_eq!(back[0].relations().count(), 1);
    assert!(
        spans(&back[1]).is_empty(),
        "a .txt alone: an article without annotations"
    );
}

#[test]
fn brat_pairs_match_whatever_the_case_and_mac_metadata_is_skipped() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let files = [
        ("Doc.TXT", "Rain fell."),
        ("Doc.ANN", "T1\tClaim 0 10\tRain fell.\n"),
        ("__MACOSX/._Doc.TXT", "\u{0}\u{5}binary"),
        ("._other.txt", "resource fork"),
    ];
    for (name, text) in files {
        w.start_file(name, SimpleFileOptions::default()).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    let bytes = w.finish().unwrap().into_inner();
    let back = open("x.zip", &bytes).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(spans(&back[0]), ["Rain fell.{claim}"]);
}

#[test]
fn a_file_of_which_nothing_reads_is_refused_with_the_first_reason() {
    // A W3C array and a CoNLL file: no document reads, so no article.
    let w3c = r#"[{"type": "Annotation", "target": {"source": "x"}}]"#;
    let e = open_dataset(InFile {
        name: "a.json",
        bytes: w3c.as_bytes(),
    })
    .unwrap_err();
    assert!(e.to_string().contains("document 1 is none we read"), "{e}");
    let conll = "-DOCSTART- -X- O O\n\nRain NN O O\n";
    assert!(open_dataset(InFile {
        name: "a.conll",
        bytes: conll.as_bytes()
    })
    .is_err());
}
