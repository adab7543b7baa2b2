//! Annotating through commands: trimming, clipping, overlap, undo and redo.
//! Cases are marker strings (see `common/mod.rs`).

mod common;

use annotator::model::{
    overlap_regions, AnnotationId, CharOffset, Command, Fields, Problem, Touched,
};
use common::{annotation, parse, range, render, session};

#[test]
fn fixtures_round_trip_through_commands() {
    for marked in [
        "The [sky is green]{claim} said [Ann]{source}.",
        "[[Ann]{source} said \"[it rains]{claim}\"]{quote}",
        "Mayor 👍🏽 [speaks]{quote} after [东京]{source} and [שלום]{claim}.",
        "[e\u{301}]{claim} combining",
        "[a [b]{quote} c]{claim}",
        // Nested spans that share an end close innermost first ...
        "[a [b]{quote}]{claim}",
        "[x [y [z]{source}]{quote}]{claim}",
        // ... and spans that share a start open the longer first.
        "[[a]{quote} b]{claim}",
        "[[[a]{source} b]{quote} c]{claim}",
        // Equal spans, and a span closing where the next opens.
        "[[a]{quote}]{claim}",
        "[a [b]{quote}]{claim}[c]{source}",
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
    let beyond = range(6, 500);
    s.apply(Command::Tag(annotation("x", "claim", beyond)))
        .unwrap();
    assert_eq!(render(&s), "short [text]{claim}");
}

#[test]
fn empty_and_blank_spans_are_refused() {
    let mut s = session("one   two");
    for (start, end) in [(3, 3), (3, 6), (50, 60)] {
        let r = range(start, end);
        let err = s
            .apply(Command::Tag(annotation("x", "quote", r)))
            .unwrap_err();
        assert_eq!(err, Problem::EmptySpan, "{start}..{end}");
    }
    assert!(!s.can_undo(), "a refused command leaves no history");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut s = session("[one]{claim} two");
    let err = s
        .apply(Command::Tag(annotation("a1", "quote", range(4, 7))))
        .unwrap_err();
    assert_eq!(err, Problem::DuplicateId("a1".into()));
}

#[test]
fn annotations_stay_in_reading_order() {
    let mut s = session("alpha beta gamma");
    for (id, a, b) in [("x", 11, 16), ("y", 0, 5), ("z", 0, 10)] {
        s.apply(Command::Tag(annotation(id, "claim", range(a, b))))
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
                tag: "quote".into(),
                at: "t".into(),
            },
            "[Ann]{source} said [it rains]{quote}.",
        ),
        (
            Command::Resize {
                id: "a2".into(),
                range: range(9, 18),
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
    let a2 = AnnotationId::from("a2");
    assert_eq!(s.get(&a2).unwrap().note, "check");
    for expected in seen.iter().rev().skip(1) {
        s.undo().unwrap();
        assert_eq!(&render(&s), expected);
    }
    assert_eq!(s.get(&a2).unwrap().note, "");
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
    s.apply(Command::Tag(annotation("n", "source", range(4, 7))))
        .unwrap();
    assert!(!s.can_redo());
}

#[test]
fn overlap_regions_cover_nested_and_crossing_spans() {
    let s = session("[a [b c]{quote} d]{claim} [e]{source}");
    let regions: Vec<_> = overlap_regions(s.annotations())
        .iter()
        .map(|r| (r.start().get(), r.end().get()))
        .collect();
    assert_eq!(regions, [(2, 5)]);
    let touching = session("[ab]{claim}[cd]{quote}");
    assert!(overlap_regions(touching.annotations()).is_empty());
}

#[test]
fn hits_at_an_offset_are_innermost_first() {
    let s = session("[a [b]{quote} c]{claim}");
    let ids: Vec<_> = s
        .at_offset(CharOffset::new(2))
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a1", "a2"]);
    assert!(s.at_offset(CharOffset::new(99)).is_empty());
}

#[test]
fn overlapping_finds_spans_that_cross_a_window() {
    // Text: "a long span x here mid b tail"; a1 = x, a2 = the long span.
    let s = session("[a long span [x]{quote} here]{claim} mid [b]{source} [tail]{claim}");
    let ids = |start, end| -> Vec<&str> {
        s.overlapping(range(start, end))
            .map(|a| a.id.as_str())
            .collect()
    };
    assert_eq!(ids(12, 13), ["a2", "a1"], "reading order: by start");
    assert_eq!(ids(0, 1), ["a2"]);
    assert_eq!(ids(19, 24), ["a3"]);
    assert_eq!(ids(0, 29), ["a2", "a1", "a3", "a4"]);
    assert!(ids(18, 23).is_empty(), "\" mid \" holds no span");
}

/// The number of annotations with each tag, by a scan.
fn recount(s: &annotator::model::Session) -> Vec<usize> {
    s.schema()
        .tags()
        .iter()
        .map(|t| s.annotations().iter().filter(|a| a.tag == t.id).count())
        .collect()
}

fn counts(s: &annotator::model::Session) -> Vec<usize> {
    s.schema().tags().iter().map(|t| s.count(&t.id)).collect()
}

#[test]
fn counts_follow_every_change_undo_and_redo() {
    let mut s = session("[a]{claim} [b]{claim} [c]{quote}");
    assert_eq!(counts(&s), [2, 1, 0]);
    let commands = [
        Command::Retag {
            id: "a1".into(),
            tag: "source".into(),
            at: "t".into(),
        },
        Command::Remove { id: "a3".into() },
        Command::Edit {
            id: "a2".into(),
            tag: "quote".into(),
            note: "n".into(),
            fields: Fields::new(),
            at: "t".into(),
        },
        Command::Tag(annotation("n", "source", range(0, 3))),
    ];
    let mut expected = vec![counts(&s)];
    for command in commands {
        s.apply(command).unwrap();
        assert_eq!(counts(&s), recount(&s));
        expected.push(counts(&s));
    }
    assert_eq!(counts(&s), [0, 1, 2]);
    while s.undo().is_some() {
        assert_eq!(counts(&s), recount(&s));
    }
    assert_eq!(counts(&s), [0, 0, 0], "the fixture's tags are undone too");
    while s.redo().is_some() {
        assert_eq!(counts(&s), recount(&s));
    }
    assert_eq!(counts(&s), expected[expected.len() - 1]);
    let imported =
        annotator::model::Session::with_annotations(s.article().clone(), s.annotations().to_vec())
            .unwrap();
    assert_eq!(counts(&imported), counts(&s));
}

#[test]
fn revision_grows_with_each_applied_command_undo_and_redo() {
    let mut s = session("one two");
    assert_eq!(s.revision(), 0);
    s.apply(Command::Tag(annotation("x", "claim", range(0, 3))))
        .unwrap();
    assert_eq!(s.revision(), 1);
    let refused = s.apply(Command::Remove { id: "nope".into() });
    assert_eq!(refused, Err(Problem::NoSuchAnnotation("nope".into())));
    assert_eq!(s.revision(), 1, "a refused command is no revision");
    s.undo().unwrap();
    assert_eq!(s.revision(), 2);
    s.redo().unwrap();
    assert_eq!(s.revision(), 3);
    assert!(s.redo().is_none());
    assert_eq!(s.revision(), 3, "nothing to redo is no revision");
}

#[test]
fn touched_since_lists_each_id_once_in_order_of_first_touch() {
    let mut s = session("[one]{claim} [two]{quote} [three]{source}");
    assert_eq!(s.revision(), 3);
    let ids = |v: Option<Touched>| {
        v.map(|v| {
            v.annotations
                .iter()
                .map(|id| id.as_str().to_owned())
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(ids(s.touched_since(0)).unwrap(), ["a1", "a2", "a3"]);
    let before = s.revision();
    for command in [
        Command::Retag {
            id: "a3".into(),
            tag: "claim".into(),
            at: "t".into(),
        },
        Command::Note {
            id: "a1".into(),
            note: "n".into(),
            at: "t".into(),
        },
        Command::Remove { id: "a3".into() },
    ] {
        let change = s.apply(command).unwrap();
        assert_eq!(
            change.annotation_ids().next(),
            s.touched_since(s.revision() - 1)
                .unwrap()
                .annotations
                .first()
        );
    }
    s.undo().unwrap();
    assert_eq!(ids(s.touched_since(before)).unwrap(), ["a3", "a1"]);
    assert_eq!(ids(s.touched_since(before + 3)).unwrap(), ["a3"]);
    assert_eq!(s.touched_since(s.revision()), Some(Touched::default()));
    assert_eq!(s.touched_since(s.revision() + 1), None, "the future");
    assert_eq!(
        ids(s.touched_since(0)).unwrap(),
        ["a1", "a2", "a3"],
        "first touch decides the order"
    );
}

#[test]
fn touched_since_is_none_beyond_the_log() {
    let mut s = session("one two");
    s.apply(Command::Tag(annotation("x", "claim", range(0, 3))))
        .unwrap();
    for _ in 0..annotator::model::Session::TOUCHED_LOG_LEN / 2 {
        s.undo().unwrap();
        s.redo().unwrap();
    }
    // One change more than the log holds.
    let n = u64::try_from(annotator::model::Session::TOUCHED_LOG_LEN).unwrap();
    assert_eq!(s.revision(), n + 1);
    assert_eq!(s.touched_since(0), None);
    assert_eq!(s.touched_since(1).unwrap().annotations, ["x"]);
}

#[test]
fn unexported_changes_are_tracked_by_revision() {
    let mut s = session("one two");
    assert!(!s.has_unexported(), "a new session has nothing to lose");
    s.apply(Command::Tag(annotation("x", "claim", range(0, 3))))
        .unwrap();
    assert!(s.has_unexported());
    s.mark_exported();
    assert!(!s.has_unexported());
    s.apply(Command::Remove { id: "x".into() }).unwrap();
    s.undo().unwrap();
    assert!(
        s.has_unexported(),
        "back at the exported state, yet counted as unexported (conservative)"
    );
    s.mark_exported();
    let _ = s.apply(Command::Remove { id: "nope".into() });
    assert!(!s.has_unexported(), "a refused command changes nothing");
    s.set_unexported(true);
    assert!(s.has_unexported(), "restored with unexported work");
    s.set_unexported(false);
    assert!(!s.has_unexported());
}

#[test]
fn with_annotations_names_what_is_wrong() {
    let article = session("one two").article().clone();
    let build = |spans: &[(&str, usize, usize)]| {
        let annotations = spans
            .iter()
            .map(|&(id, a, b)| annotation(id, "claim", range(a, b)))
            .collect();
        annotator::model::Session::with_annotations(article.clone(), annotations)
    };
    let outside = build(&[("ok", 0, 3), ("far", 4, 9)]).unwrap_err();
    assert_eq!(
        outside,
        Problem::OutsideText {
            id: "far".into(),
            range: range(4, 9),
            text_len: 7
        }
    );
    assert_eq!(
        outside.to_string(),
        "Annotation far spans characters 4..9, past the end of the text (7 characters)."
    );
    assert_eq!(
        build(&[("beyond", 8, 8)]).unwrap_err(),
        Problem::OutsideText {
            id: "beyond".into(),
            range: range(8, 8),
            text_len: 7
        },
        "outside wins over empty"
    );
    assert_eq!(build(&[("e", 2, 2)]).unwrap_err(), Problem::EmptySpan);
    assert_eq!(
        build(&[("d", 0, 3), ("d", 4, 7)]).unwrap_err(),
        Problem::DuplicateId("d".into())
    );
    let s = build(&[("late", 4, 7), ("early", 0, 3)]).unwrap();
    assert_eq!(s.position(&"early".into()), Some(0), "reading order");
    assert_eq!(s.position(&"late".into()), Some(1));
    assert_eq!(s.position(&"none".into()), None);
    assert_eq!(s.revision(), 0);
    assert!(!s.has_unexported());
}
