//! Every limit of `model::limits`, at the limit and one over: through
//! `import` (files), `import_tag_set` and the session's commands, with the
//! words the user sees.

mod common;

use annotator::model::format::tag_set::import_tag_set;
use annotator::model::format::{export, import};
use annotator::model::limits::{
    MAX_ANNOTATIONS, MAX_FIELD_TEXT_CHARS, MAX_FILE_BYTES, MAX_NOTE_CHARS,
};
use annotator::model::{Command, FieldValue};
use common::{session, AT};
use serde_json::{json, Value};

/// A file of `n` one-character annotations of a one-character article,
/// written by hand (as small as an annotation gets).
fn tiny_file(n: usize) -> String {
    let mut out =
        String::from(r#"{"version":2,"article":{"title":"x","text":"x"},"annotations":["#);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"id":"a{i}","tag":"claim","start":0,"end":1,"exact":"x","created":"","modified":""}}"#
        ));
    }
    out.push_str("]}");
    out
}

#[test]
fn the_largest_file_is_read_and_one_byte_more_refused_unread() {
    let mut file = export(&session("The [sky]{claim} is blue.")).into_bytes();
    file.resize(MAX_FILE_BYTES, b' ');
    let imported = import(&file).expect("JSON may end in white space up to the limit");
    assert_eq!(imported.session.annotations().len(), 1);
    file.push(b' ');
    let message = import(&file).unwrap_err().to_string();
    assert_eq!(
        message,
        "This file is too large: it is 65 MB; the largest annotation file this app opens is 64 MB."
    );
    // Refused before anything is read: not even the syntax is looked at.
    let mut junk = vec![b'{'; MAX_FILE_BYTES + 1];
    junk[0] = 0xff;
    assert_eq!(import(&junk).unwrap_err().to_string(), message);
    assert_eq!(import_tag_set(&junk).unwrap_err().to_string(), message);
}

#[test]
fn the_most_annotations_are_read_and_one_more_refused() {
    let imported = import(tiny_file(MAX_ANNOTATIONS).as_bytes()).expect("at the limit");
    assert_eq!(imported.session.annotations().len(), MAX_ANNOTATIONS);
    assert_eq!(
        import(tiny_file(MAX_ANNOTATIONS + 1).as_bytes())
            .unwrap_err()
            .to_string(),
        "This file has too many annotations: it holds 200,001 annotations; this app opens at \
         most 200,000 per file."
    );
}

/// A file of `marked` with `edit` applied to its JSON.
fn edited(marked: &str, edit: impl Fn(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(&export(&session(marked))).unwrap();
    edit(&mut v);
    v.to_string().into_bytes()
}

#[test]
fn the_longest_note_and_field_text_are_read_and_one_more_refused() {
    let note = |n: usize| {
        edited("The [sky]{claim} is blue.", |v| {
            v["annotations"][0]["note"] = json!("é".repeat(n));
        })
    };
    assert!(
        import(&note(MAX_NOTE_CHARS)).is_ok(),
        "counted in characters"
    );
    assert_eq!(
        import(&note(MAX_NOTE_CHARS + 1)).unwrap_err().to_string(),
        "Annotation 1 (id \"a1\"): its note is too long: it is 10,001 characters long; a note \
         holds at most 10,000."
    );
    let summary = |n: usize| {
        edited("The [sky]{claim} is blue.", |v| {
            v["annotations"][0]["fields"]["summary"] = json!("👍".repeat(n));
        })
    };
    assert!(import(&summary(MAX_FIELD_TEXT_CHARS)).is_ok());
    assert_eq!(
        import(&summary(MAX_FIELD_TEXT_CHARS + 1))
            .unwrap_err()
            .to_string(),
        format!(
            "Annotation 1 (id \"a1\"): its field \"summary\" is \"{}…\", which is too long: it is \
             10,001 characters long; a text field holds at most 10,000.",
            "👍".repeat(59)
        )
    );
}

#[test]
fn commands_refuse_a_note_or_field_text_over_the_limit() {
    let mut s = session("The [sky]{claim} is blue.");
    let note = |n: usize| Command::Note {
        id: "a1".into(),
        note: "x".repeat(n),
        at: AT.into(),
    };
    assert!(s.apply(note(MAX_NOTE_CHARS)).is_ok());
    assert_eq!(
        s.apply(note(MAX_NOTE_CHARS + 1)).unwrap_err().to_string(),
        "This note is too long: it is 10,001 characters long; a note holds at most 10,000."
    );
    let mut long = s.annotations()[0].clone();
    long.id = "a2".into();
    long.note = "x".repeat(MAX_NOTE_CHARS + 1);
    assert!(
        s.apply(Command::Tag(long)).is_err(),
        "tagging checks it too"
    );
    let summary = |n: usize| Command::SetField {
        id: "a1".into(),
        field: "summary".into(),
        value: Some(FieldValue::Text("y".repeat(n))),
        at: AT.into(),
    };
    assert!(s.apply(summary(MAX_FIELD_TEXT_CHARS)).is_ok());
    assert_eq!(
        s.apply(summary(MAX_FIELD_TEXT_CHARS + 1))
            .unwrap_err()
            .to_string(),
        format!(
            "The field \"Summary\" is \"{}…\", which is too long: it is 10,001 characters long; a \
             text field holds at most 10,000.",
            "y".repeat(59)
        )
    );
    // What the limits let through exports and imports again.
    assert!(import(export(&s).as_bytes()).is_ok());
}
