//! Fields on annotations: setting and clearing them, the values each type
//! refuses, what a retag keeps, and the counts per choice (the panel's
//! "claims still Unverified").

mod common;

use annotator::model::{
    Annotation, Command, FieldDef, FieldKind, FieldValue, Fields, Problem, Schema,
};
use common::{annotation, invariants, range, render, session, session_with};

fn set(id: &str, field: &str, value: Option<FieldValue>) -> Command {
    Command::SetField {
        id: id.into(),
        field: field.into(),
        value,
        at: "2026-05-06T07:08:09.000Z".into(),
    }
}

/// The default tag set plus a tag with a date and a number field.
fn with_dates() -> Schema {
    let mut parts = Schema::default().to_parts();
    let mut event = Schema::default().suggest_tag("event", "Event");
    event.fields = vec![
        FieldDef::new("on", "On", FieldKind::Date),
        FieldDef::new("people", "People", FieldKind::Number),
    ];
    parts.tags.push(event);
    Schema::new(parts.tags, parts.relations).unwrap()
}

#[test]
fn set_and_clear_a_field_undo_and_redo() {
    let mut s = session("[It rains]{claim} today.");
    let steps = [
        (
            set("a1", "verdict", Some("False".into())),
            "[It rains]{claim verdict=False} today.",
        ),
        (
            set("a1", "summary", Some("It rains today".into())),
            "[It rains]{claim summary=\"It rains today\" verdict=False} today.",
        ),
        (
            set("a1", "check-worthy", Some(true.into())),
            "[It rains]{claim check-worthy=true summary=\"It rains today\" verdict=False} today.",
        ),
        (
            set("a1", "summary", None),
            "[It rains]{claim check-worthy=true verdict=False} today.",
        ),
        (
            set("a1", "verdict", Some("True".into())),
            "[It rains]{claim check-worthy=true verdict=True} today.",
        ),
    ];
    let mut seen = vec![render(&s)];
    for (command, expected) in steps {
        s.apply(command).unwrap();
        assert_eq!(render(&s), expected);
        seen.push(render(&s));
    }
    assert_eq!(
        s.get(&"a1".into()).unwrap().modified,
        "2026-05-06T07:08:09.000Z"
    );
    for expected in seen.iter().rev().skip(1) {
        s.undo().unwrap();
        assert_eq!(&render(&s), expected);
    }
    for expected in seen.iter().skip(1) {
        s.redo().unwrap();
        assert_eq!(&render(&s), expected);
    }
    invariants::check(&s);
}

#[test]
fn values_that_do_not_fit_are_refused_with_a_reason() {
    let mut s = session_with(
        with_dates(),
        "[It rains]{claim} on [Monday]{event} said [Zas]{source}.",
    );
    let cases: Vec<(Command, &str)> = vec![
        (
            set("a1", "verdict", Some("Maybe".into())),
            "The field \"Verdict\" is \"Maybe\", which is not one of its options: Unverified, True, Mostly true, Half true, Misleading, Mostly false, False, Unsupported.",
        ),
        (
            set("a1", "check-worthy", Some("yes".into())),
            "The field \"Check-worthy\" is \"yes\", but a yes/no field holds true or false.",
        ),
        (
            set("a1", "fact-check-url", Some("www.example.org".into())),
            "The field \"Fact-check URL\" is \"www.example.org\", which is not a web address: it must start with http:// or https://.",
        ),
        (
            set("a3", "url", Some("https://exa mple.org".into())),
            "The field \"URL\" is \"https://exa mple.org\", which is not a web address: it contains a space or a control character.",
        ),
        (
            set("a1", "summary", Some("".into())),
            "The field \"Summary\" is \"\", which is empty (leave an unset field out).",
        ),
        (
            set("a1", "role", Some("Mayor".into())),
            "The field \"role\" is \"Mayor\", but the tag \"Claim\" has no such field (its fields: verdict, check-worthy, summary, fact-check-url).",
        ),
        (
            set("a2", "on", Some("2026-02-30".into())),
            "The field \"On\" is \"2026-02-30\", which is not a date of the form YYYY-MM-DD.",
        ),
        (
            set("a2", "people", Some(f64::INFINITY.into())),
            "The field \"People\" is inf, which is not a finite number.",
        ),
        (set("zz", "on", None), "No annotation has id zz."),
        (
            Command::Tag(Annotation {
                fields: Fields::from([("verdict".into(), FieldValue::Bool(true))]),
                ..annotation("n", "claim", range(0, 2))
            }),
            "The field \"Verdict\" is true, but a choice field holds one of its options, as text.",
        ),
        (
            Command::Tag(annotation("n", "opinion", range(0, 2))),
            "The tag set has no tag \"opinion\".",
        ),
        (
            Command::Edit {
                id: "a1".into(),
                tag: "quote".into(),
                note: String::new(),
                fields: Fields::from([("verdict".into(), "False".into())]),
                at: "t".into(),
            },
            "The field \"verdict\" is \"False\", but the tag \"Quote\" has no such field (its fields: kind).",
        ),
    ];
    let before = render(&s);
    for (command, expected) in cases {
        assert_eq!(s.apply(command).unwrap_err().to_string(), expected);
    }
    assert_eq!(render(&s), before);
    assert!(!s.can_redo());
    s.apply(set("a2", "on", Some("2024-02-29".into()))).unwrap();
    s.apply(set("a2", "people", Some(1200.0.into()))).unwrap();
    assert_eq!(
        render(&s),
        "[It rains]{claim} on [Monday]{event on=2024-02-29 people=1200} said [Zas]{source}."
    );
}

#[test]
fn a_retag_keeps_the_fields_the_new_tag_takes() {
    let marked = "[Zas]{source kind=Person role=Mayor url=https://z.example} and [we won]{quote kind=Direct}";
    let mut s = session(marked);
    let retag = |id: &str, tag: &str| Command::Retag {
        id: id.into(),
        tag: tag.into(),
        at: "t".into(),
    };
    // Quote and source both have a "kind", but "Direct" is no source kind.
    s.apply(retag("a2", "source")).unwrap();
    assert_eq!(
        render(&s),
        "[Zas]{source kind=Person role=Mayor url=https://z.example} and [we won]{source}"
    );
    s.apply(retag("a1", "claim")).unwrap();
    assert_eq!(render(&s), "[Zas]{claim} and [we won]{source}");
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(render(&s), marked);
}

#[test]
fn choice_counts_follow_every_change_and_count_defaults() {
    let mut s = session("[a]{claim} [b]{claim verdict=False} [c]{claim verdict=False} [d]{quote}");
    let unverified =
        |s: &annotator::model::Session| s.count_choice("claim", "verdict", "Unverified");
    let false_ = |s: &annotator::model::Session| s.count_choice("claim", "verdict", "False");
    assert_eq!(
        (unverified(&s), false_(&s)),
        (1, 2),
        "unset counts as the default"
    );
    s.apply(set("a1", "verdict", Some("False".into()))).unwrap();
    assert_eq!((unverified(&s), false_(&s)), (0, 3));
    s.apply(Command::Remove { id: "a2".into() }).unwrap();
    s.apply(Command::Retag {
        id: "a4".into(),
        tag: "claim".into(),
        at: "t".into(),
    })
    .unwrap();
    assert_eq!((unverified(&s), false_(&s)), (1, 2));
    invariants::check(&s);
    while s.undo().is_some() {
        invariants::check(&s);
    }
    assert_eq!((unverified(&s), false_(&s)), (0, 0));
    assert_eq!(s.count_choice("claim", "nothing", "x"), 0);
    assert!(matches!(
        s.apply(set("zz", "verdict", None)),
        Err(Problem::NoSuchAnnotation(_))
    ));
}
