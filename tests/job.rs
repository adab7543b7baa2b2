//! The converters' worker protocol (`model::exchange::job`): what the page
//! sends (native files) gives what a direct conversion gives.

use annotator::model::exchange::job::{run, Job, Reply};
use annotator::model::exchange::{export, one_file, open, Format, InFile};
use annotator::model::format::{self, import};
use std::path::PathBuf;

fn read(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/formats")
        .join(name);
    std::fs::read(path).expect("test file")
}

fn reply(job: &Job, files: &[Vec<u8>]) -> (Reply, Vec<u8>) {
    let (json, bytes) = run(&serde_json::to_string(job).expect("a job"), files);
    (serde_json::from_str(&json).expect("a reply"), bytes)
}

#[test]
fn an_export_job_gives_the_file_a_direct_export_gives() {
    let native = String::from_utf8(read("mixed.annotations.json")).expect("utf-8");
    let session = import(native.as_bytes()).expect("fixture").session;
    for format in Format::ALL {
        let job = Job::Export {
            native: native.clone(),
            format,
            everything: false,
            stem: "mixed".into(),
        };
        let (Reply::Exported(e), bytes) = reply(&job, &[]) else {
            panic!("{format:?}: not exported")
        };
        let direct = export(&session, format, false);
        let (name, mime, want) = one_file("mixed", format, &direct);
        assert_eq!(
            (e.name, e.mime, bytes),
            (name, mime.to_owned(), want),
            "{format:?}"
        );
        assert_eq!(
            (e.left_out, e.relations_left_out, e.dropped),
            (direct.left_out, direct.relations_left_out, direct.dropped)
        );
    }
}

#[test]
fn an_open_job_gives_the_session_a_direct_open_gives() {
    let native = String::from_utf8(read("mixed.annotations.json")).expect("utf-8");
    let current = import(native.as_bytes()).expect("fixture").session;
    let (txt, ann) = (read("mixed.txt"), read("mixed.ann"));
    let job = Job::Open {
        names: vec!["mixed.txt".into(), "mixed.ann".into()],
        current: native,
    };
    let (Reply::Opened(o), _) = reply(&job, &[txt.clone(), ann.clone()]) else {
        panic!("not opened")
    };
    let direct = open(
        &[
            InFile {
                name: "mixed.txt",
                bytes: &txt,
            },
            InFile {
                name: "mixed.ann",
                bytes: &ann,
            },
        ],
        Some(&current),
    )
    .expect("opens");
    assert_eq!(o.native, format::export(&direct.session));
    assert_eq!(
        (o.n_reanchored, o.report),
        (direct.n_reanchored, direct.report)
    );
}

#[test]
fn bad_jobs_and_bad_files_are_failures_with_a_sentence() {
    let (r, _) = run("{\"op\": \"print\"}", &[]);
    let Reply::Failed(why) = serde_json::from_str(&r).expect("a reply") else {
        panic!("{r}")
    };
    assert!(why.contains("bad request"), "{why}");
    let native = String::from_utf8(read("mixed.annotations.json")).expect("utf-8");
    let job = Job::Open {
        names: vec!["a.ann".into()],
        current: native,
    };
    let (Reply::Failed(why), _) = reply(&job, &[b"T1\tclaim 0 3\tabc\n".to_vec()]) else {
        panic!("opened a lone .ann")
    };
    assert!(why.contains("needs its .txt"), "{why}");
}

#[test]
fn a_load_job_gives_the_markdown_article_a_direct_load_gives() {
    use annotator::model::load;
    let md = "# Budget 👍🏽\n\nThe *council* said [so](https://example.org).\n".as_bytes();
    let job = Job::Load {
        name: "budget.md".into(),
    };
    let (Reply::Loaded(l), _) = reply(&job, &[md.to_vec()]) else {
        panic!("not loaded")
    };
    let article = import(l.native.as_bytes())
        .expect("native")
        .session
        .into_article();
    assert_eq!(article, load::load_file("budget.md", md).expect("loads"));
    assert_eq!(article.title, "Budget 👍🏽");
    let (Reply::Failed(why), _) = reply(&job, &[b"  \n".to_vec()]) else {
        panic!("loaded an empty file")
    };
    assert_eq!(why, load::LoadError::Empty.to_string());
}

#[test]
fn a_carry_job_gives_what_carrying_directly_gives() {
    use annotator::model::reanchor::carry;
    let native = String::from_utf8(read("mixed.annotations.json")).expect("utf-8");
    let old = import(native.as_bytes()).expect("fixture").session;
    let mut article = old.article().clone();
    let edited = format!("A correction was added. {}", article.text.as_str());
    article = annotator::model::Article::from_plain(article.title, article.source, edited);
    let current = format::export(&annotator::model::Session::new(article.clone()));
    let job = Job::Carry {
        file: native,
        current,
    };
    let (Reply::Carried(c), _) = reply(&job, &[]) else {
        panic!("not carried")
    };
    let (direct, summary) = carry(&old, article).expect("carries");
    assert_eq!((c.native, c.summary), (format::export(&direct), summary));
    assert_eq!(
        summary.exact,
        old.annotations().len(),
        "text only added before"
    );
    let bad = Job::Carry {
        file: "{".into(),
        current: "{}".into(),
    };
    let Reply::Failed(why) = reply(&bad, &[]).0 else {
        panic!("a bad file carried")
    };
    assert!(why.contains("line 1"), "{why}");
}

/// The mixed fixture as annotator `who` made it: every annotation's
/// creator `who`, and without the annotations `drop` names.
fn as_made_by(who: &str, drop: &[&str]) -> Vec<u8> {
    let mut file: serde_json::Value =
        serde_json::from_slice(&read("mixed.annotations.json")).unwrap();
    let annotations = file["annotations"].as_array_mut().unwrap();
    annotations.retain(|a| !drop.contains(&a["id"].as_str().unwrap()));
    for a in annotations.iter_mut() {
        a["creator"] = who.into();
    }
    let kept: Vec<String> = annotations
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    file["relations"]
        .as_array_mut()
        .unwrap()
        .retain(|r| kept.iter().any(|k| k == &r["from"]) && kept.iter().any(|k| k == &r["to"]));
    file.to_string().into_bytes()
}

#[test]
fn an_agree_job_reports_on_the_annotators_named_by_their_creator() {
    use annotator::model::agreement::view::ALL_TAGS;
    let names = vec!["one.annotations.json".into(), "two.annotations.json".into()];
    let first: serde_json::Value = serde_json::from_slice(&read("mixed.annotations.json")).unwrap();
    let dropped = first["annotations"][0]["id"].as_str().unwrap().to_owned();
    let mut bo: serde_json::Value = serde_json::from_slice(&as_made_by("Bo", &[&dropped])).unwrap();
    for a in bo["annotations"].as_array_mut().unwrap() {
        if a["id"] == "c1" {
            a["fields"]["verdict"] = "False".into();
        }
    }
    let files = [as_made_by("Ana", &[]), bo.to_string().into_bytes()];
    let (Reply::Agreed(a), _) = reply(&Job::Agree { names }, &files) else {
        panic!("no report")
    };
    assert_eq!(a.view.annotators, ["Ana", "Bo"]);
    let all = &a.view.rows[0];
    assert_eq!(
        (all.pair.as_str(), all.tag.as_str()),
        ("Ana \u{2013} Bo", ALL_TAGS)
    );
    assert_eq!((all.n_a, all.n_b), (11, 10));
    // 10 of 11 and 10 spans matched: F1 = 20 / 21, precision 1, recall 10 / 11.
    assert!((all.exact_f1.unwrap() - 20.0 / 21.0).abs() < 1e-12);
    assert_eq!(all.overlap_precision, Some(1.0));
    assert!((all.overlap_recall.unwrap() - 10.0 / 11.0).abs() < 1e-12);
    let tags: Vec<&str> = a.view.rows[1..].iter().map(|r| r.tag.as_str()).collect();
    assert_eq!(tags, ["Claim", "Quote", "Source"]);
    // Bo gave c1 another verdict: one of the matched claims differs.
    let verdict = a
        .view
        .fields
        .iter()
        .find(|f| f.field == "Verdict")
        .expect("a verdict row");
    assert_eq!(
        (verdict.tag.as_str(), verdict.same + 1),
        ("Claim", verdict.n)
    );
    let json: serde_json::Value = serde_json::from_str(&a.json).unwrap();
    assert_eq!(
        json["pairs"][0]["exact"]["f1"],
        serde_json::json!(all.exact_f1.unwrap())
    );
    assert!(a.csv.starts_with(annotator::model::agreement::CSV_HEADER));
}

#[test]
fn an_agree_job_names_a_file_of_another_article_or_too_few() {
    let mut other: serde_json::Value =
        serde_json::from_slice(&read("mixed.annotations.json")).unwrap();
    other["article"]["text"] = "Another story.".into();
    other["article"]["sha256"] = format::sha256_hex("Another story.").into();
    other["article"]["blocks"] = serde_json::json!([{"kind": "p", "start": 0, "end": 14}]);
    other["annotations"] = serde_json::json!([]);
    other["relations"] = serde_json::json!([]);
    let names = vec!["ana.annotations.json".into(), "bo.annotations.json".into()];
    let files = [
        read("mixed.annotations.json"),
        other.to_string().into_bytes(),
    ];
    let (Reply::Failed(why), _) = reply(&Job::Agree { names }, &files) else {
        panic!("compared two articles")
    };
    assert!(
        why.contains("\u{201c}bo\u{201d} was made on another article"),
        "{why}"
    );
    let one = vec!["ana.annotations.json".into()];
    let (Reply::Failed(why), _) = reply(&Job::Agree { names: one }, &files[..1]) else {
        panic!("compared one file")
    };
    assert!(why.contains("at least two"), "{why}");
}
