//! Carrying spans to a new version of an article, one test per kind of
//! edit. Fixtures mark the span with `[[` and `]]`: in the old text, the
//! span carried; in the new text, where it must land (no marks: it must be
//! orphaned). Offsets are code points.

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
