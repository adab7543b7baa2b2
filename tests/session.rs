//! Annotating through commands: trimming, clipping, overlap, undo and redo.
//! Cases are marker strings (see `common/mod.rs`).

mod common;

use annotator::model::{overlap_regions, Command, Problem, Tag, TextRange};
use common::{annotation, parse, render, session};

#[test]
fn fixtures_round_trip_through_commands() {
    for marked in [
        "The [sky is green]{claim} said [Ann]{source}.",
        "[[Ann]{source} said \"[it rains]{claim}\"]{quote}",
        "Mayor 👍🏽 [speaks]{quote} after [东京]{source} and [שלום]{claim}.",
        "[e\u{301}]{claim} combining",
        "[a [b]{quote} c]{claim}",
    ] {
        assert_eq!(render(&session(marked)), marked);
    }
}

#[test]
fn white_space_is_trimmed_from_spans() {
    let s = session("Say [  hello world \n]{claim}now");
    assert_eq!(render(&s), "Say   [hello world]{claim} \nnow");
}

#[test]
fn selections_past_the_text_are_clipped() {
    let (text, _) = parse("short text");
    let mut s = session(&text);
    let beyond = TextRange::new(6, 500).unwrap();
    s.apply(Command::Tag(annotation("x", Tag::Claim, beyond)))
        .unwrap();
    assert_eq!(render(&s), "short [text]{claim}");
}

#[test]
fn empty_and_blank_spans_are_refused() {
    let mut s = session("one   two");
    for (start, end) in [(3, 3), (3, 6), (50, 60)] {
        let r = TextRange::new(start, end).unwrap();
        let err = s
            .apply(Command::Tag(annotation("x", Tag::Quote, r)))
            .unwrap_err();
        assert_eq!(err, Problem::EmptySpan, "{start}..{end}");
    }
    assert!(!s.can_undo(), "a refused command leaves no history");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut s = session("[one]{claim} two");
    let err = s
        .apply(Command::Tag(annotation(
            "a1",
            Tag::Quote,
            TextRange::new(4, 7).unwrap(),
        )))
        .unwrap_err();
    assert_eq!(err, Problem::DuplicateId("a1".into()));
}

#[test]
fn annotations_stay_in_reading_order() {
    let mut s = session("alpha beta gamma");
    for (id, a, b) in [("x", 11, 16), ("y", 0, 5), ("z", 0, 10)] {
        s.apply(Command::Tag(annotation(
            id,
            Tag::Claim,
            TextRange::new(a, b).unwrap(),
        )))
        .unwrap();
    }
    let ids: Vec<_> = s.annotations().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["y", "z", "x"]);
}

#[test]
fn undo_and_redo_every_kind_of_change() {
    let mut s = session("[Ann]{source} said [it rains]{claim}.");
    let steps: Vec<(Command, &str)> = vec![
        (
            Command::Retag {
                id: "a2".into(),
                tag: Tag::Quote,
                at: "t".into(),
            },
            "[Ann]{source} said [it rains]{quote}.",
        ),
        (
            Command::Resize {
                id: "a2".into(),
                range: TextRange::new(9, 18).unwrap(),
                at: "t".into(),
            },
            "[Ann]{source} said [it rains.]{quote}",
        ),
        (
            Command::Remove { id: "a1".into() },
            "Ann said [it rains.]{quote}",
        ),
        (
            Command::Note {
                id: "a2".into(),
                note: "check".into(),
                at: "t".into(),
            },
            "Ann said [it rains.]{quote}",
        ),
    ];
    let mut seen = vec![render(&s)];
    for (command, expected) in steps {
        s.apply(command).unwrap();
        assert_eq!(render(&s), expected);
        seen.push(render(&s));
    }
    assert_eq!(s.get("a2").unwrap().note, "check");
    for expected in seen.iter().rev().skip(1) {
        s.undo().unwrap();
        assert_eq!(&render(&s), expected);
    }
    assert_eq!(s.get("a2").unwrap().note, "");
    for expected in seen.iter().skip(1) {
        s.redo().unwrap();
        assert_eq!(&render(&s), expected);
    }
    assert!(s.redo().is_none());
}

#[test]
fn a_new_command_clears_redo() {
    let mut s = session("[one]{claim} two");
    s.undo().unwrap();
    assert!(s.can_redo());
    s.apply(Command::Tag(annotation(
        "n",
        Tag::Source,
        TextRange::new(4, 7).unwrap(),
    )))
    .unwrap();
    assert!(!s.can_redo());
}

#[test]
fn overlap_regions_cover_nested_and_crossing_spans() {
    let s = session("[a [b c]{quote} d]{claim} [e]{source}");
    let regions: Vec<_> = overlap_regions(s.annotations())
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    assert_eq!(regions, [(2, 5)]);
    let touching = session("[ab]{claim}[cd]{quote}");
    assert!(overlap_regions(touching.annotations()).is_empty());
}

#[test]
fn hits_at_an_offset_are_innermost_first() {
    let s = session("[a [b]{quote} c]{claim}");
    let ids: Vec<_> = s.at_offset(2).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2"]);
    assert!(s.at_offset(99).is_empty());
}

#[test]
fn overlapping_finds_spans_that_cross_a_window() {
    // Text: "a long span x here mid b tail"; a1 = x, a2 = the long span.
    let s = session("[a long span [x]{quote} here]{claim} mid [b]{source} [tail]{claim}");
    let ids = |start, end| -> Vec<String> {
        s.overlapping(TextRange::new(start, end).unwrap())
            .map(|a| a.id.clone())
            .collect()
    };
    assert_eq!(ids(12, 13), ["a2", "a1"], "reading order: by start");
    assert_eq!(ids(0, 1), ["a2"]);
    assert_eq!(ids(19, 24), ["a3"]);
    assert_eq!(ids(0, 29), ["a2", "a1", "a3", "a4"]);
    assert!(ids(18, 23).is_empty(), "\" mid \" holds no span");
}
