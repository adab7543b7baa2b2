//! Carrying spans to a new version of an article, one test per kind of
//! edit. Fixtures mark the span with `[[` and `]]`: in the old text, the
//! span carried; in the new text, where it must land (no marks: it must be
//! orphaned). Offsets are code points.

mod common;

use annotator::model::reanchor::{Anchoring, Carrier};
use annotator::model::{CharOffset, Text, TextRange};

/// The text without marks, and the marked range if any.
fn marked(s: &str) -> (Text, Option<TextRange>) {
    let open = s.find("[[").map(|b| s[..b].chars().count());
    let plain = s.replacen("[[", "", 1).replacen("]]", "", 1);
    let close = s.find("]]").map(|b| s[..b].chars().count() - 2);
    let range = open.zip(close).map(|(a, b)| {
        TextRange::new(CharOffset::new(a), CharOffset::new(b)).expect("marks in order")
    });
    (Text::new(plain), range)
}

/// Carry the old text's marked span; check it lands on the new text's
/// marked span (or is orphaned) and return how.
fn carry(old: &str, new: &str) -> Anchoring {
    let (old_text, span) = marked(old);
    let (new_text, want) = marked(new);
    let placed = Carrier::new(&old_text, &new_text).place(span.expect("old text is marked"));
    assert_eq!(placed.range, want, "{old:?} → {new:?}: {placed:?}");
    if let Some(r) = placed.range {
        assert!(!r.is_empty());
    }
    placed.anchoring
}

const OLD: &str = "The council met on Tuesday. The mayor said [[taxes will fall by 3 % next year]], \
    according to the minutes.\nCritics disagreed. \"It is a fantasy,\" said one.\nThe vote is in May.";

#[test]
fn unchanged_text_is_exact() {
    assert_eq!(carry(OLD, OLD), Anchoring::Exact);
}

#[test]
fn a_typo_fixed_outside_the_quote_shifts_it() {
    let new = OLD.replace("The council met", "The counncil met");
    assert_eq!(carry(OLD, &new), Anchoring::Exact);
}

#[test]
fn a_typo_fixed_inside_the_quote_is_fuzzy() {
    let new = OLD.replace("3 % next", "3 % nexxt");
    assert!(matches!(carry(OLD, &new), Anchoring::Fuzzy { similarity } if similarity >= 960));
}

#[test]
fn a_sentence_inserted_before_and_one_deleted_after() {
    let new = OLD
        .replace("The council", "Breaking: a late update. The council")
        .replace("Critics disagreed. ", "");
    assert_eq!(carry(OLD, &new), Anchoring::Exact);
}

#[test]
fn a_moved_paragraph_keeps_its_quote() {
    let old = "First paragraph, about roads.\nSecond: the mayor said [[taxes will fall]] soon.\nThird, on parks.\n";
    let new = "First paragraph, about roads.\nThird, on parks.\nSecond: the mayor said [[taxes will fall]] soon.\n";
    assert!(matches!(
        carry(old, new),
        Anchoring::Exact | Anchoring::Moved
    ));
}

#[test]
fn a_duplicated_quote_stays_on_its_own_copy() {
    let new = OLD
        .replace(
            "The vote is in May.",
            "The vote is in May. Taxes will fall by 3 % next year, he said.",
        )
        .replace(
            "Critics disagreed.",
            "Critics disagreed: \"taxes will fall by 3 % next year\" is a fantasy.",
        );
    assert_eq!(carry(OLD, &new), Anchoring::Exact);
}

#[test]
fn white_space_and_punctuation_changes() {
    let old = "He said:  [[\"taxes will fall, a lot\"]] -- and left.";
    let new = "He said: [[“taxes will fall, a lot”]] — and left.";
    assert!(matches!(carry(old, new), Anchoring::Fuzzy { .. }));
}

#[test]
fn a_lightly_reworded_quote_is_fuzzy() {
    let new = OLD.replace(
        "taxes will fall by 3 % next year",
        "taxes would fall by 3 % next year",
    );
    assert!(matches!(carry(OLD, &new), Anchoring::Fuzzy { .. }));
}

#[test]
fn a_removed_quote_is_orphaned() {
    let new = OLD.replace(
        "The mayor said [[taxes will fall by 3 % next year]], according to the minutes.",
        "",
    );
    let new = new.replace("[[", "").replace("]]", "");
    assert_eq!(carry(OLD, &new), Anchoring::Orphaned);
}

#[test]
fn a_rewritten_quote_is_orphaned_not_misplaced() {
    let new = OLD.replace(
        "taxes will fall by 3 % next year",
        "spending must be cut before any tax change",
    );
    let new = new.replace("[[", "").replace("]]", "");
    assert_eq!(carry(OLD, &new), Anchoring::Orphaned);
}

#[test]
fn a_lookalike_elsewhere_does_not_catch_a_removed_quote() {
    let old = "Intro. Police said [[the suspect fled]] on foot.\nLater, witnesses said the suspect fled north.";
    let new = "Intro. Police gave no details.\nLater, witnesses said the suspect fled north.";
    assert_eq!(carry(old, new), Anchoring::Orphaned);
}

/// Found by the edit suite's "sentence replaced" kind: a short quote whose
/// sentence was rewritten around the same words must not follow them (the
/// diff pairs the words; nothing else says they are the ones annotated).
#[test]
fn a_short_quote_does_not_follow_its_words_into_a_rewritten_sentence() {
    let old = "[[City library]] to open on Sundays.\nThe council agreed.";
    let new = "Officials later mentioned City library without details.\nThe council agreed.";
    assert_eq!(carry(old, new), Anchoring::Orphaned);
    let old = "Intro.\nPolice said [[the suspect]] fled on foot yesterday.\nEnd.";
    let new = "Intro.\nA spokesperson mentioned the suspect without details.\nEnd.";
    assert_eq!(carry(old, new), Anchoring::Orphaned);
}

/// Found by fuzzing: a short quote whose context is an emoji and a full
/// stop (nothing "alphanumeric") was orphaned even on the same text.
#[test]
fn a_quote_between_an_emoji_and_a_full_stop_stays_on_the_same_text() {
    let text = "👍🏽[[ e\u{fffd}ا]]. ";
    assert_eq!(carry(text, text), Anchoring::Exact);
    let new = "Update. 👍🏽[[ e\u{fffd}ا]]. ";
    assert_eq!(carry(text, new), Anchoring::Exact);
}

/// Found by fuzzing: a one-letter word was placed, as "fuzzy" with nothing
/// changed, on the first letter of a longer word.
#[test]
fn a_word_is_not_placed_inside_a_longer_word() {
    let old = "市长说。 [[ق]]\" العمدة.";
    let new = "Edit. 市长说。 قال العمدة.";
    assert_eq!(carry(old, new), Anchoring::Orphaned);
}

#[test]
fn emoji_combining_marks_cjk_and_rtl_count_as_code_points() {
    let old = "👍🏽 e\u{301}te\u{301}. 市长说[[税收将下降]]。 قال [[العمدة]] لا.";
    // Only the first marked span counts in `marked`: carry the CJK quote.
    let old = old.replacen("[[العمدة]]", "العمدة", 1);
    let new = "👩‍👩‍👧 👍🏽 e\u{301}te\u{301}! 市长说[[税收将下降]]。 قال العمدة لا.";
    assert_eq!(carry(&old, new), Anchoring::Exact);
    let old = "👍🏽 قال [[العمدة إن الضرائب]] ستنخفض.";
    let new = "👍🏽👍🏽 قال [[العمدة إن الضرائب]] ستنخفض.";
    assert_eq!(carry(old, new), Anchoring::Exact);
}

#[test]
fn a_giant_paragraph_with_an_edit_far_away() {
    let filler = "word ".repeat(50_000);
    let old = format!("{filler}The mayor said [[taxes will fall]] soon. {filler}");
    let new = format!("Edited: {filler}The mayor said [[taxes will fall]] soon. {filler}x");
    assert_eq!(carry(&old, &new), Anchoring::Exact);
}

#[test]
fn empty_and_out_of_bounds_ranges_are_orphaned() {
    let t = Text::new("abc".into());
    let c = Carrier::new(&t, &t);
    let r = |a, b| TextRange::new(CharOffset::new(a), CharOffset::new(b)).unwrap();
    assert_eq!(c.place(r(1, 1)).anchoring, Anchoring::Orphaned);
    assert_eq!(c.place(r(2, 9)).anchoring, Anchoring::Orphaned);
}

mod sessions {
    use annotator::model::format::{export, import};
    use annotator::model::reanchor::{carry, Anchoring};
    use annotator::model::{Annotation, Article, CharOffset, Command, Session, TagId, TextRange};

    fn span(text: &str, quote: &str) -> TextRange {
        let b = text.find(quote).expect("quote in text");
        let start = text[..b].chars().count();
        let r = TextRange::new(
            CharOffset::new(start),
            CharOffset::new(start + quote.chars().count()),
        );
        r.expect("ordered")
    }

    /// `s`'s article, tag set and annotations, without relations or
    /// carrying (what the library's records hold before the carried one).
    fn bare(s: &Session) -> Session {
        let annotations = s.annotations().to_vec();
        Session::from_parts(
            s.article().clone(),
            s.schema().clone(),
            annotations,
            Vec::new(),
        )
        .unwrap()
    }

    fn tagged(text: &str, quotes: &[(&str, &str)]) -> Session {
        let article = Article::from_plain("Story".into(), "story.txt".into(), text.to_owned());
        let mut s = Session::new(article);
        for (i, (tag, quote)) in quotes.iter().enumerate() {
            let a = Annotation {
                id: format!("a{i}").into(),
                tag: TagId::from(*tag),
                range: span(text, quote),
                note: format!("note {i}"),
                fields: Default::default(),
                created: "2026-12-01T00:00:00Z".into(),
                modified: "2026-12-01T00:00:00Z".into(),
                creator: String::new(),
                adjudicated_from: Vec::new(),
            };
            s.apply(Command::Tag(a)).expect("tags");
        }
        s
    }

    const OLD: &str = "The mayor said taxes will fall by 3 % next year. 👍🏽 Critics said “it is a fantasy”. Police said the suspect fled.";
    const NEW: &str = "Update: The mayor said taxes would fall by 3 % next year. 👍🏽 Critics said “it is a fantasy”.";

    #[test]
    fn carrying_keeps_every_annotation_placed_or_orphaned_through_a_file() {
        let old = tagged(
            OLD,
            &[
                ("claim", "taxes will fall by 3 % next year"),
                ("quote", "it is a fantasy"),
                ("claim", "the suspect fled"),
            ],
        );
        let onto = Article::from_plain("Story".into(), "story.txt".into(), NEW.to_owned());
        let (carried, summary) = carry(&old, onto).expect("carries");
        assert_eq!((summary.exact, summary.fuzzy, summary.orphaned), (1, 1, 1));
        let statuses: Vec<_> = carried
            .annotations()
            .iter()
            .map(|a| (a.id.to_string(), carried.anchoring(a)))
            .collect();
        assert!(
            matches!(statuses[0], (ref id, Some(Anchoring::Fuzzy { similarity })) if id == "a0" && similarity >= 900)
        );
        assert_eq!(statuses[1], ("a1".into(), Some(Anchoring::Exact)));
        let text = &carried.article().text;
        assert_eq!(
            text.slice(carried.annotations()[1].range),
            "it is a fantasy"
        );
        // Through the native file: statuses and the orphan come back.
        let file = export(&carried);
        let json = super::common::export::check_export(&file);
        assert_eq!(json["annotations"][0]["anchoring"]["status"], "fuzzy");
        let mut broken = json.clone();
        broken["annotations"][1]["anchoring"]["similarity"] = 0.95.into();
        assert!(
            !super::common::export::schema_errors(&broken).is_empty(),
            "the schema checks statuses"
        );
        assert_eq!(json["annotations"][1]["anchoring"]["status"], "exact");
        assert_eq!(json["orphans"][0]["exact"], "the suspect fled");
        assert_eq!(json["orphans"][0]["note"], "note 2");
        let back = import(file.as_bytes()).expect("imports").session;
        assert_eq!(back.orphans().count(), 1);
        assert_eq!(
            back.anchoring(&back.annotations()[1]),
            Some(Anchoring::Exact)
        );
        assert_eq!(export(&back), file);
    }

    #[test]
    fn re_attaching_an_orphan_makes_its_annotation_and_undo_brings_it_back() {
        let old = tagged(OLD, &[("claim", "the suspect fled")]);
        let onto = Article::from_plain("Story".into(), "story.txt".into(), NEW.to_owned());
        let (mut s, _) = carry(&old, onto).expect("carries");
        let orphan = s.orphans().next().expect("an orphan").annotation.clone();
        let at = span(NEW, "Critics said");
        s.apply(Command::Tag(Annotation {
            range: at,
            ..orphan
        }))
        .expect("re-attaches");
        assert_eq!(s.orphans().count(), 0);
        assert_eq!(s.annotations()[0].note, "note 0");
        assert_eq!(s.anchoring(&s.annotations()[0]), None, "placed by the user");
        s.undo();
        assert_eq!(s.orphans().count(), 1);
    }

    #[test]
    fn the_carrying_record_of_storage_puts_statuses_and_orphans_back() {
        use annotator::model::format::{carried_record, restore_carried};
        let old = tagged(
            OLD,
            &[
                ("claim", "taxes will fall by 3 % next year"),
                ("claim", "the suspect fled"),
            ],
        );
        let onto = Article::from_plain("Story".into(), "story.txt".into(), NEW.to_owned());
        let (carried, _) = carry(&old, onto).unwrap();
        let record = carried_record(&carried).expect("something was carried");
        let mut plain = bare(&carried);
        assert_eq!(plain.orphans().count(), 0);
        restore_carried(&mut plain, &record).expect("restores");
        assert_eq!(export(&plain), export(&carried));
        assert_eq!(carried_record(&Session::new(old.article().clone())), None);
        let e = restore_carried(&mut plain, "{\"placed\": 3}")
            .unwrap_err()
            .to_string();
        assert!(e.contains("carrying record"), "{e}");
    }

    /// OLD with a quote and a claim said by "Police said" (a source the
    /// new version drops), carried to NEW.
    fn carried_with_waiting_relations() -> Session {
        use annotator::model::Relation;
        let mut old = tagged(
            OLD,
            &[
                ("quote", "it is a fantasy"),
                ("source", "Police said"),
                ("claim", "taxes will fall by 3 % next year"),
            ],
        );
        for (id, kind, from) in [("r0", "said-by", "a0"), ("r1", "evidence", "a2")] {
            old.apply(Command::Link(Relation {
                id: id.into(),
                kind: kind.into(),
                from: from.into(),
                to: "a1".into(),
                created: "2026-12-01T00:00:00Z".into(),
            }))
            .expect("links");
        }
        let onto = Article::from_plain("Story".into(), "story.txt".into(), NEW.to_owned());
        let (carried, summary) = carry(&old, onto).expect("carries");
        assert_eq!((summary.orphaned, summary.relations_waiting), (1, 2));
        carried
    }

    fn waiting(s: &Session) -> Vec<String> {
        s.waiting_relations().map(|r| r.id.to_string()).collect()
    }

    #[test]
    fn relations_to_an_orphan_wait_for_it_and_come_back_when_it_is_attached() {
        let mut s = carried_with_waiting_relations();
        assert_eq!(
            (s.relations().count(), waiting(&s)),
            (0, vec!["r0".into(), "r1".into()])
        );
        let orphan = s.orphans().next().expect("an orphan").annotation.clone();
        s.apply(Command::Tag(Annotation {
            range: span(NEW, "Critics said"),
            ..orphan
        }))
        .expect("re-attaches");
        assert_eq!((s.relations().count(), waiting(&s).len()), (2, 0));
        s.undo();
        assert_eq!(
            (s.relations().count(), waiting(&s).len()),
            (0, 2),
            "one undo step"
        );
        s.redo();
        assert_eq!(s.relations().count(), 2);
        // Unlinked by the user once both ends are annotations: gone for good.
        s.apply(Command::Unlink { id: "r0".into() })
            .expect("unlinks");
        assert!(waiting(&s).is_empty());
        let json: serde_json::Value = serde_json::from_str(&export(&s)).unwrap();
        assert_eq!(json["relations"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_waiting_relation_whose_other_end_went_is_dropped_not_fatal() {
        use annotator::model::format::{carried_record, restore_carried};
        let mut s = carried_with_waiting_relations();
        // The quote, the placed end of r0, is deleted; the claim retagged
        // as a source, which an "evidence" relation cannot start from.
        s.apply(Command::Remove { id: "a0".into() }).unwrap();
        s.apply(Command::Retag {
            id: "a2".into(),
            tag: "source".into(),
            at: "2026-12-03T00:00:00Z".into(),
        })
        .unwrap();
        assert!(waiting(&s).is_empty());
        let file = export(&s);
        let back = import(file.as_bytes()).expect("the export imports");
        assert_eq!(export(&back.session), file);
        // The library's record, written before those edits, still restores.
        let record = carried_record(&carried_with_waiting_relations()).unwrap();
        let mut plain = bare(&s);
        restore_carried(&mut plain, &record).expect("restores");
        assert!(waiting(&plain).is_empty());
    }

    #[test]
    fn waiting_relations_survive_the_file_and_the_storage_record() {
        use annotator::model::format::{carried_record, restore_carried};
        let carried = carried_with_waiting_relations();
        let file = export(&carried);
        let json = super::common::export::check_export(&file);
        let ends: Vec<&str> = json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["to"].as_str().unwrap())
            .collect();
        assert_eq!(ends, ["a1", "a1"], "relations name the orphan");
        assert_eq!(json["orphans"][0]["id"], "a1");
        let back = import(file.as_bytes()).expect("imports").session;
        assert_eq!((back.relations().count(), waiting(&back).len()), (0, 2));
        assert_eq!(export(&back), file);
        let record = carried_record(&carried).expect("carried");
        let mut plain = bare(&carried);
        restore_carried(&mut plain, &record).expect("restores");
        assert_eq!(export(&plain), file);
        // A waiting relation whose type the tag set does not allow is named.
        let mut bad = json.clone();
        bad["relations"][0]["type"] = "supports".into();
        let e = import(bad.to_string().as_bytes()).unwrap_err().to_string();
        assert!(e.contains("supports"), "{e}");
    }

    #[test]
    fn a_bad_anchoring_or_orphan_in_a_file_is_named() {
        let old = tagged(
            OLD,
            &[("claim", "the suspect fled"), ("quote", "it is a fantasy")],
        );
        let (carried, _) = carry(
            &old,
            Article::from_plain("Story".into(), "story.txt".into(), NEW.to_owned()),
        )
        .unwrap();
        let file = export(&carried);
        let bad = file.replace("\"status\": \"exact\"", "\"status\": \"nearly\"");
        let e = import(bad.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("anchoring status \"nearly\""), "{e}");
        let bad = file.replace("\"exact\": \"the suspect fled\"", "\"exact\": \"x\"");
        let e = import(bad.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("orphan"), "{e}");
    }
}
