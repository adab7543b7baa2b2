//! Who annotated: the annotator name set in the store is every new
//! annotation's `creator`, kept by the native file and by W3C (`creator`
//! as a Person), bounded and cleaned.

mod common;

use annotator::model::exchange::{export, open, Format, InFile};
use annotator::model::format::{self, import};
use annotator::model::limits::{creator_name, MAX_CREATOR_CHARS};
use annotator::model::Session;
use annotator::ui::store::{Action, Cursor, Saving, State};
use std::rc::Rc;

const AT: &str = "2026-12-03T04:05:06.000Z";

fn tagged_by(name: &str) -> Rc<State> {
    let s = Rc::new(State::new(
        common::session("Prices rose 12 % ."),
        None,
        Saving::On,
    ));
    let s = State::update(s, Action::Annotator(name.into()));
    let text = s.doc.session().article().text.as_str().to_owned();
    let start = text.find("rose").unwrap();
    let cursor = Cursor {
        anchor: annotator::model::CharOffset::new(start),
        head: annotator::model::CharOffset::new(start + 4),
    };
    let s = State::update(
        s,
        Action::Selected {
            cursor: Some(cursor),
            clipped: false,
        },
    );
    let s = State::update(s, Action::OpenChooser);
    State::update(
        s,
        Action::Tag {
            tag: "claim".into(),
            note: String::new(),
            fields: Default::default(),
            id: "n1".into(),
            at: AT.into(),
        },
    )
}

fn only(session: &Session) -> &annotator::model::Annotation {
    &session.annotations()[0]
}

#[test]
fn new_annotations_carry_the_cleaned_annotator_name() {
    let s = tagged_by("  Ana \t Lima ");
    assert_eq!(s.annotator, "Ana Lima");
    assert_eq!(only(&s.doc.session()).creator, "Ana Lima");
    let s = State::update(s, Action::Annotator(" ".into()));
    assert_eq!(s.annotator, "", "white space is no name");
    assert_eq!(
        creator_name(&"é".repeat(300)).chars().count(),
        MAX_CREATOR_CHARS
    );
}

#[test]
fn the_native_file_keeps_the_creator_and_leaves_it_out_when_unknown() {
    let s = tagged_by("Zoë 東京");
    let file = format::export(&s.doc.session());
    let json = common::export::check_export(&file);
    assert_eq!(json["annotations"][0]["creator"], "Zoë 東京");
    assert_eq!(
        only(&import(file.as_bytes()).unwrap().session).creator,
        "Zoë 東京"
    );
    let nobody = format::export(&tagged_by("").doc.session());
    assert!(!nobody.contains("\"creator\""));
    // Too long a creator is named, as a note is.
    let mut long = json.clone();
    long["annotations"][0]["creator"] = "x".repeat(MAX_CREATOR_CHARS + 1).into();
    let e = import(long.to_string().as_bytes()).unwrap_err().to_string();
    assert!(
        e.contains("annotator names are too long") && e.contains("201 characters"),
        "{e}"
    );
}

#[test]
fn w3c_writes_the_creator_as_a_person_and_reads_it_back() {
    let s = tagged_by("Ana");
    let session = s.doc.session().clone();
    let w3c = &export(&session, Format::W3c, false).files[0].content;
    let json: serde_json::Value = serde_json::from_str(w3c).unwrap();
    let item = &json["first"]["items"][0];
    assert_eq!(
        item["creator"],
        serde_json::json!({"type": "Person", "name": "Ana"})
    );
    let bare = Session::new(session.article().clone());
    let file = InFile {
        name: "a.w3c.jsonld",
        bytes: w3c.as_bytes(),
    };
    let opened = open(&[file], Some(&bare)).expect("opens");
    assert_eq!(only(&opened.session).creator, "Ana");
}

#[test]
fn too_long_a_creator_is_refused_by_the_tag_command() {
    use annotator::model::{Command, Problem};
    let mut s = common::session("Prices rose 12 % .");
    let a = annotator::model::Annotation {
        creator: "x".repeat(MAX_CREATOR_CHARS + 1),
        ..common::annotation("n", "claim", common::range(0, 6))
    };
    assert!(matches!(
        s.apply(Command::Tag(a)),
        Err(Problem::CreatorTooLong(_))
    ));
}

#[test]
fn annotators_named_alike_get_numbers() {
    use annotator::model::agreement::view::coder_names;
    let (a, b) = (common::session("One."), common::session("One."));
    let files = [("ann.annotations.json", &a), ("ann.annotations.json", &b)];
    let names = coder_names(&files, &[".annotations.json"]);
    assert_eq!(names, ["ann.annotations.json", "ann.annotations.json-2"]);
}
