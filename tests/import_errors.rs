//! Imports that must be refused, with the words the user sees: one table
//! for files of either version, their tag sets, annotations and relations.
//! The current session is never touched: `import` returns before building
//! one.

mod common;

use annotator::model::format::{export, import, ImportError};
use common::session;
use serde_json::{json, Value};

/// A good file and a function making bad ones from it.
fn editor(marked: &str) -> impl Fn(&dyn Fn(&mut Value)) -> Vec<u8> {
    let good = export(&session(marked));
    move |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&good).unwrap();
        edit(&mut v);
        v.to_string().into_bytes()
    }
}

fn check(cases: Vec<(Vec<u8>, &str)>) {
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
fn bad_files_and_articles_are_refused_with_a_named_problem() {
    let good = export(&session("The [sky]{claim} is blue."));
    let with = editor("The [sky]{claim} is blue.");
    check(vec![
        (Vec::new(), "empty"),
        (b"\xff\xfe{\x00".to_vec(), "not UTF-8"),
        (good.as_bytes()[..good.len() / 2].to_vec(), "truncated"),
        (
            b"{\"version\": 1,, }".to_vec(),
            "This file is not valid JSON at line 1, column 15: a key is not in double quotes (or a comma is one too many).",
        ),
        (
            b"[1, 2, 3]".to_vec(),
            "not an annotations file: it holds no JSON object",
        ),
        (br#"{"name": "left-pad"}"#.to_vec(), "no \"version\" field"),
        (
            with(&|v| v["version"] = json!(3)),
            "This file has version 3; this app reads versions 1 and 2.",
        ),
        (
            with(&|v| v["article"]["text"] = json!("The sky is green.")),
            "does not match its sha256",
        ),
        (
            with(&|v| v["annotations"][0]["start"] = json!(-1)),
            "malformed: invalid value: integer `-1`, expected a character offset (a whole number, 0 or more)",
        ),
        (
            with(&|v| v["relation"] = json!([])),
            "malformed: unknown field `relation`",
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
                v["article"]["blocks"] = json!([
                    { "kind": "p", "start": 0, "end": 3 },
                    { "kind": "p", "start": 4, "end": 16 }
                ]);
                v["article"]["inlines"] = json!([{ "kind": "em", "start": 2, "end": 6 }]);
            }),
            "Inline run 1 of the article runs from 2 to 6, which is not inside one block",
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
    ]);
}

#[test]
fn version_1_files_are_read_as_they_were_written() {
    let with = editor("The [sky]{claim} is blue.");
    let v1 = |extra: &dyn Fn(&mut Value)| {
        with(&|v| {
            v["version"] = json!(1);
            let o = v.as_object_mut().unwrap();
            o.remove("schema");
            o.remove("relations");
            o["annotations"][0]
                .as_object_mut()
                .unwrap()
                .remove("fields");
            extra(v);
        })
    };
    assert!(import(&v1(&|_| {})).is_ok(), "the base case imports");
    check(vec![
        (
            v1(&|v| v["annotations"][0]["tag"] = json!("opinion")),
            "Annotation 1 (id \"a1\"): its tag \"opinion\" is not in the tag set (claim, quote, source).",
        ),
        (
            v1(&|v| v["relations"] = json!([])),
            "a version 1 file has no \"relations\"; write version 2",
        ),
        (
            v1(&|v| v["schema"] = json!({ "tags": [] })),
            "a version 1 file has no \"schema\"; write version 2",
        ),
    ]);
}

/// The words for every broken rule of a tag set.
#[test]
fn bad_tag_sets_are_refused_with_a_named_problem() {
    let with = editor("The [sky]{claim} is blue.");
    let bad = "The tag set in this file is not valid: ";
    let tag = |i: usize, k: &'static str, value: Value| {
        with(&move |v| v["schema"]["tags"][i][k] = value.clone())
    };
    check(vec![
        (tag(1, "key", json!("1")), "tag 2 (\"quote\") has the key 1, which tag 1 (\"claim\") has already."),
        (tag(1, "key", json!("0")), "tag 2 (\"quote\") has the key \"0\", which is not a digit from 1 to 9"),
        (tag(2, "letter", json!("C")), "tag 3 (\"source\") has the letter C, which tag 1 (\"claim\") has already"),
        (tag(2, "letter", json!("é")), "has the letter \"é\", which is not a letter from a to z"),
        (tag(1, "id", json!("claim")), "tag 2 (\"claim\") has the same id as tag 1"),
        (tag(1, "id", json!("Big Quote")), "tag 2 (\"Big Quote\") has the id \"Big Quote\", which is not allowed: use lower-case letters and digits"),
        (tag(2, "id", json!("focus")), "tag 3 (\"focus\") has an id the app's own highlights use"),
        (tag(1, "label", json!(" ")), "tag 2 (\"quote\") has no label"),
        (tag(1, "label", json!("claim")), "tag 2 (\"quote\") has the same label as tag 1 (\"claim\")"),
        (tag(0, "color", json!("yellow")), "tag 1 (\"claim\") has the colour \"yellow\", which is not of the form #rrggbb"),
        (tag(0, "cue", json!("zigzag")), "malformed: unknown variant `zigzag`"),
        (tag(0, "key", json!("12")), "malformed: invalid value: string \"12\", expected a character"),
        (
            with(&|v| v["schema"]["tags"] = json!([])),
            &format!("{bad}a tag set needs at least one tag."),
        ),
        (
            with(&|v| v["schema"]["tags"][0]["fields"][0]["default"] = json!("Maybe")),
            "tag 1 (\"claim\") has a problem in field 1 (\"verdict\"): it has the default \"Maybe\", which is not one of its options: Unverified, True,",
        ),
        (
            with(&|v| v["schema"]["tags"][0]["fields"][0]["options"] = json!([])),
            "field 1 (\"verdict\"): it has no options",
        ),
        (
            with(&|v| v["schema"]["tags"][0]["fields"][0]["ratings"]["Maybe"] = json!(3)),
            "field 1 (\"verdict\"): it rates \"Maybe\", which is not one of its options",
        ),
        (
            with(&|v| v["schema"]["tags"][0]["fields"][1]["id"] = json!("verdict")),
            "field 2 (\"verdict\"): it has the same id as field 1",
        ),
        (
            with(&|v| v["schema"]["tags"][0]["fields"][1]["type"] = json!("boolean")),
            "malformed: unknown variant `boolean`, expected one of `text`, `choice`, `yes-no`, `number`, `url`, `date`",
        ),
        (
            with(&|v| v["schema"]["relations"][0]["to"] = json!(["speaker"])),
            "relation type 1 (\"said-by\") names the unknown tag \"speaker\" in \"to\"",
        ),
        (
            with(&|v| v["schema"]["relations"][1]["from"] = json!([])),
            "relation type 2 (\"evidence\") has no tags in \"from\"",
        ),
        (
            with(&|v| v["schema"]["relations"][1]["id"] = json!("said-by")),
            "relation type 2 (\"said-by\") has the same id as relation type 1",
        ),
    ]);
}

/// Fields and relations, checked against the file's own tag set.
#[test]
fn bad_fields_and_relations_are_refused_with_a_named_problem() {
    let with =
        editor("[Zas]{source#s kind=Person} said [it rains]{claim verdict=False -said-by-> s}.");
    let relation = "Relation 1 (id \"a2-said-by->s\"): ";
    let claim = |k: &'static str, value: Value| {
        with(&move |v| v["annotations"][1]["fields"][k] = value.clone())
    };
    check(vec![
        (
            claim("verdict", json!("Maybe")),
            "Annotation 2 (id \"a2\"): its field \"verdict\" is \"Maybe\", which is not one of its options: Unverified, True, Mostly true, Half true, Misleading, Mostly false, False, Unsupported.",
        ),
        (claim("check-worthy", json!("yes")), "its field \"check-worthy\" is \"yes\", but a yes/no field holds true or false"),
        (claim("summary", json!(null)), "its field \"summary\" is null, but a text field holds text"),
        (claim("summary", json!("")), "its field \"summary\" is \"\", which is empty (leave an unset field out)"),
        (
            claim("fact-check-url", json!("example.org/check")),
            "its field \"fact-check-url\" is \"example.org/check\", which is not a web address: it must start with http:// or https://",
        ),
        (claim("rating", json!(3)), "its field \"rating\" is 3, but the tag \"claim\" has no such field (its fields: verdict, check-worthy, summary, fact-check-url)"),
        (
            with(&|v| v["annotations"][0]["tag"] = json!("quote")),
            "its field \"kind\" is \"Person\", which is not one of its options: Direct, Paraphrase",
        ),
        (
            with(&|v| v["relations"][0]["to"] = json!("nobody")),
            &format!("{relation}its \"to\" annotation \"nobody\" is not in the file."),
        ),
        (
            with(&|v| v["relations"][0]["from"] = json!("gone")),
            "its \"from\" annotation \"gone\" is not in the file",
        ),
        (
            with(&|v| {
                v["relations"][0]["from"] = json!("s");
                v["relations"][0]["to"] = json!("a2");
            }),
            "a \"said-by\" relation goes from quote or claim to source, not from source to claim",
        ),
        (
            with(&|v| v["relations"][0]["type"] = json!("likes")),
            "its type \"likes\" is not in the tag set (said-by, evidence, supports, contradicts)",
        ),
        (
            with(&|v| v["relations"][0]["to"] = json!("a2")),
            "it links annotation \"a2\" to itself",
        ),
        (
            with(&|v| v["relations"][0]["id"] = json!(" ")),
            "Relation 1 (id \" \"): its id is empty",
        ),
        (
            with(&|v| {
                let mut r = v["relations"][0].clone();
                r["id"] = json!("r2");
                v["relations"].as_array_mut().unwrap().push(r);
            }),
            "Relation 2 (id \"r2\"): it repeats relation 1 (same type, same ends)",
        ),
        (
            with(&|v| {
                let mut r = v["relations"][0].clone();
                r["type"] = json!("evidence");
                v["relations"].as_array_mut().unwrap().push(r);
            }),
            "Relation 2 (id \"a2-said-by->s\"): relation 1 has the same id",
        ),
        (
            with(&|v| v["relations"][0]["type"] = json!(7)),
            "malformed: invalid type: integer `7`, expected a string",
        ),
    ]);
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

/// The fixture `tests/data/cut-emoji.py` writes like a JavaScript tool
/// slicing UTF-16: half an emoji at the ends of a prefix (a1), suffixes
/// (a2, a5) and exacts (a3 at good offsets, a4 one character off).
#[test]
fn lone_surrogates_are_repaired_and_their_context_rebuilt() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cut-emoji.annotations.json"
    ))
    .unwrap();
    assert!(
        serde_json::from_slice::<Value>(&bytes).is_err(),
        "the fixture is what serde_json refuses"
    );
    let imported = import(&bytes).expect("the rest of the file loads");
    let session = &imported.session;
    let text = session.article().text.as_str();
    let placed: Vec<(&str, &str)> = session
        .annotations()
        .iter()
        .map(|a| (a.id.as_str(), session.article().text.slice(a.range)))
        .collect();
    assert_eq!(
        placed,
        [
            ("a1", "speaks"),
            ("a2", "The"),
            ("a6", "council"),
            ("a3", "👍 and"),
            ("a5", "cost more")
        ]
    );
    assert_eq!(imported.n_reanchored, 0);
    let r = &imported.report;
    assert_eq!((r.n_repaired, r.n_context_rebuilt), (5, 4));
    assert_eq!(
        r.not_placed,
        [
            "Annotation 4 (id \"a4\"): its text “\u{fffd} will” holds half of a character, and \
          the article has “ will ” at 83–89."
        ]
    );
    assert_eq!(r.relations_not_kept, 1, "a4's relation goes with it");
    assert_eq!(session.relations().count(), 1);
    assert_eq!(
        session.get(&"a5".into()).unwrap().note,
        "🙃 fine",
        "valid pairs are kept"
    );
    assert_eq!(
        annotator::ui::messages::imported(&imported),
        "Opened \"Cut emoji\" with 5 annotations. The file held 5 broken characters (half of \
         an emoji or other character, cut by the tool that wrote it): the quoted context of 4 \
         annotations was rebuilt from the article. 1 annotation could not be placed: \
         Annotation 4 (id \"a4\"): its text “\u{fffd} will” holds half of a character, and the \
         article has “ will ” at 83–89. Left out 1 relation: an end was not placed, or its \
         type does not allow those tags."
    );
    // The export holds whole characters, rebuilt from the text.
    let doc: Value = serde_json::from_str(&export(session)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for a in doc["annotations"].as_array().unwrap() {
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        assert_eq!(a["exact"], slice(s, e));
        assert_eq!(a["prefix"], slice(s.saturating_sub(32), s));
        assert_eq!(a["suffix"], slice(e, (e + 32).min(chars.len())));
    }
    // Saved work comes back whole or is set aside (ui::boot).
    assert_eq!(
        import(&bytes)
            .unwrap()
            .all_placed()
            .unwrap_err()
            .to_string(),
        format!("An annotation could not be placed: {}", r.not_placed[0])
    );
    assert!(
        import(b"{\"version\": 2, \"article\": {\"title\": \"\\udc4d\", \"text\": \"x\"}}")
            .is_err(),
        "a repaired file still gets every other check"
    );
}

/// A cut prefix still places an annotation whose offsets moved: the half
/// next to the quote is kept and picks the right occurrence.
#[test]
fn a_cut_prefix_still_helps_to_place_a_moved_annotation() {
    let good = export(&session("ab 👍 [x]{claim} cd, ef x gh."));
    let cut = good
        .replace("\"prefix\": \"ab 👍 \"", "\"prefix\": \"\\udc4d \"")
        .replace("\"start\": 5", "\"start\": 15")
        .replace("\"end\": 6", "\"end\": 16");
    assert_ne!(cut, good);
    let imported = import(cut.as_bytes()).unwrap();
    let a = &imported.session.annotations()[0];
    assert_eq!((a.range.start().get(), imported.n_reanchored), (5, 1));
    assert_eq!(imported.report.n_context_rebuilt, 1);
}

/// A one-line (compact) file of five annotations.
fn one_line_file() -> String {
    let pretty = export(&session(
        "[One]{claim} [two]{quote} [three]{source} [four]{claim} [five]{quote}.",
    ));
    serde_json::from_str::<Value>(&pretty).unwrap().to_string()
}

/// Syntax errors say where in words: line and column in characters, the
/// annotation, and for a long line an excerpt around the error.
#[test]
fn syntax_errors_name_the_line_column_and_annotation() {
    let one_line = one_line_file();
    let third = one_line.match_indices("{\"created\"").nth(2).unwrap().0;
    let comma = third + one_line[third..].find(',').unwrap();
    let stray = format!("{},{}", &one_line[..comma], &one_line[comma..]);
    let column = stray[..=comma].chars().count() + 1;
    let near: String = {
        let before: Vec<char> = stray[..=comma].chars().rev().take(20).collect();
        let after: String = stray[comma + 1..].chars().take(20).collect();
        before.into_iter().rev().chain(after.chars()).collect()
    };
    let message = import(stray.as_bytes()).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "This file is not valid JSON at line 1, column {}, in annotation 3: a key is not in \
             double quotes (or a comma is one too many) (near “…{near}…”).",
            annotator::model::limits::thousands(column)
        )
    );
    // Truncated inside annotation 4: where it ends, and how it ends.
    let fourth = one_line.match_indices("{\"created\"").nth(3).unwrap().0;
    let cut = &one_line[..fourth + 30];
    let tail: String = cut
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(
        import(cut.as_bytes()).unwrap_err().to_string(),
        format!(
            "This file ends too early (line 1, column {}, in annotation 4): it looks truncated; \
             it ends with “…{tail}”.",
            annotator::model::limits::thousands(cut.chars().count())
        )
    );
    // A pretty-printed file: line and column find it; no excerpt needed.
    let pretty = export(&session("[One]{claim} [two]{quote}."));
    let at = pretty.match_indices("\"tag\"").nth(1).unwrap().0;
    let broken = format!("{}\"tag\" \"quote\",{}", &pretty[..at], &pretty[at + 15..]);
    let line = broken[..at].matches('\n').count() + 1;
    assert_eq!(
        import(broken.as_bytes()).unwrap_err().to_string(),
        format!(
            "This file is not valid JSON at line {line}, column 13, in annotation 2: a colon is \
             missing after a key."
        )
    );
}
