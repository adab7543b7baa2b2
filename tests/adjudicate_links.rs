//! Relations in adjudication (`model::agreement::adjudicate::links`):
//! the union holds each annotator's relation once with who made it, and
//! relations follow their spans into the gold — from the start between
//! agreed spans, with a decision that takes an end whose other end the
//! gold holds, and out again with a span decided away (undo included).

mod common;

use annotator::model::agreement::adjudicate::{Adjudication, Take};
use annotator::model::{format, Session};
use common::session;

fn prepared(files: &[&Session]) -> (Session, Adjudication) {
    common::prepared_as(&["A", "B"], files)
}

/// The gold's relations as `from -kind-> to` by the ends' text, sorted.
fn links(gold: &Session) -> Vec<String> {
    let text = &gold.article().text;
    let quote = |id| {
        text.slice(gold.get(id).expect("an end is there").range)
            .to_owned()
    };
    let mut out: Vec<String> = gold
        .relations()
        .map(|r| format!("{} -{}-> {}", quote(&r.from), r.kind, quote(&r.to)))
        .collect();
    out.sort();
    out
}

/// Decide item `i` of the gold as `take`; whether anything changed.
fn decide(adj: &Adjudication, union: &Session, gold: &mut Session, i: usize, take: Take) -> bool {
    let mut n = 0;
    let ids = || {
        n += 1;
        format!("g{}-{n}", gold.next_step())
    };
    let command = adj.decide(i, take, (union, gold), ids, "Judge", "2026-12-06T10:00:00Z");
    command
        .map(|c| gold.apply(c).expect("a decision applies"))
        .is_some()
}

/// A: the mayor said it, and the report is a source for the claim.
/// B: the same quote and mayor, no link; the report not marked.
const A: &str = "The [mayor]{source#m} said [“no”]{quote#q -said-by-> m}; [taxes rise]{claim#c -evidence-> r} per a [report]{source#r}.";
const B: &str = "The [mayor]{source#m} said [“no”]{quote#q}; [taxes rise]{claim#c} per a report.";

#[test]
fn the_union_holds_each_relation_once_with_who_made_it() {
    let (a, b) = (session(A), session(A));
    let (union, adj) = prepared(&[&a, &b]);
    assert_eq!(union.relations().count(), 2, "made by both: once");
    for l in &adj.links {
        assert_eq!(adj.linked_by(&l.id), [0, 1]);
    }
    // Both made both: the gold starts with every span and relation.
    let gold = adj.gold(&union, "Gold".into());
    assert_eq!(
        links(&gold),
        ["taxes rise -evidence-> report", "“no” -said-by-> mayor"]
    );
    assert!(adj.items.is_empty());
}

#[test]
fn relations_follow_their_spans_into_the_gold_and_out_again() {
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let said = union
        .relations()
        .find(|r| r.kind.as_str() == "said-by")
        .unwrap();
    assert_eq!(adj.linked_by(&said.id), [0], "only A linked the quote");
    // Between agreed spans: in the gold from the start, though only A made it.
    let mut gold = adj.gold(&union, "Gold".into());
    assert_eq!(links(&gold), ["“no” -said-by-> mayor"]);
    // The report, only A's: taking it brings A's evidence link.
    assert_eq!(adj.items.len(), 1);
    assert!(decide(&adj, &union, &mut gold, 0, Take::Annotator(0)));
    assert_eq!(
        links(&gold),
        ["taxes rise -evidence-> report", "“no” -said-by-> mayor"]
    );
    // Undo takes the span and its link out in one step; redo brings both.
    gold.undo();
    assert_eq!(links(&gold), ["“no” -said-by-> mayor"]);
    gold.redo();
    assert_eq!(gold.relations().count(), 2);
    // Decided away (B's way: no report): the link goes with it.
    assert!(decide(&adj, &union, &mut gold, 0, Take::Annotator(1)));
    assert_eq!(links(&gold), ["“no” -said-by-> mayor"]);
    // The gold file holds the links between its annotations.
    let back = format::import(format::export(&gold).as_bytes()).unwrap();
    assert_eq!(links(&back.session), ["“no” -said-by-> mayor"]);
}

/// A linked two spans only A marked, in two disagreements of their own.
const A2: &str = "[Ann]{source#s} wrote: [“yes”]{quote#q -said-by-> s}. [Rain]{claim} fell.";
const B2: &str = "Ann wrote: “yes”. [Rain]{claim} fell.";

#[test]
fn a_relation_between_two_disagreements_comes_when_both_ends_are_taken() {
    let (a, b) = (session(A2), session(B2));
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    assert_eq!(adj.items.len(), 2);
    assert!(links(&gold).is_empty());
    assert!(decide(&adj, &union, &mut gold, 0, Take::Annotator(0))); // Ann
    assert!(links(&gold).is_empty(), "the quote is not in the gold yet");
    assert!(decide(&adj, &union, &mut gold, 1, Take::All)); // the quote
    assert_eq!(links(&gold), ["“yes” -said-by-> Ann"]);
    // Ann decided away and taken again: the link comes back with her.
    assert!(decide(&adj, &union, &mut gold, 0, Take::Neither));
    assert!(links(&gold).is_empty());
    assert!(decide(&adj, &union, &mut gold, 0, Take::Annotator(0)));
    assert_eq!(links(&gold), ["“yes” -said-by-> Ann"]);
}

#[test]
fn a_relation_the_union_tag_set_cannot_take_is_counted() {
    use annotator::model::Command;
    // The first annotator's tag set has no "evidence" type; A's link of
    // that type has no place in the union.
    let mut c = session(B);
    let id = "evidence".into();
    c.apply(Command::RemoveRelationType { id }).unwrap();
    let a = session(A);
    let (union, adj) = common::prepared_as(&["C", "A"], &[&c, &a]);
    assert_eq!(adj.links_left_out, 1, "A's evidence link");
    assert_eq!(union.relations().count(), 1, "A's said-by link");
}

#[test]
fn a_relation_inside_one_disagreement_comes_once() {
    // Both ends overlap, so they are one disagreement; the relation is
    // found from each end but added once (twice would be refused).
    let a = session("[[Ann]{source#s} said yes]{quote#q -said-by-> s}. [Rain]{claim} fell.");
    let b = session("Ann said yes. [Rain]{claim} fell.");
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    assert_eq!(adj.items.len(), 1);
    assert!(decide(&adj, &union, &mut gold, 0, Take::Annotator(0)));
    assert_eq!(links(&gold), ["Ann said yes -said-by-> Ann"]);
}

#[test]
fn the_kept_plan_brings_back_the_relations_and_who_made_them() {
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let record = format::adjudication_record(&adj, &union);
    let (json, pieces) = format::article_records(union.article());
    let pieces: Vec<String> = pieces.into_iter().map(str::to_owned).collect();
    let article = format::with_text(&json, &pieces);
    let (back, kept) = format::restore_adjudication(&record, &article).expect("reads back");
    assert_eq!((&kept.items, &kept.links), (&adj.items, &adj.links));
    assert_eq!(
        links(&back),
        ["taxes rise -evidence-> report", "“no” -said-by-> mayor"]
    );
    assert_eq!(format::export(&back), format::export(&union));
}

#[test]
fn two_alike_spans_of_one_annotator_linked_to_each_other_are_left_out() {
    use annotator::model::{Command, RelationType};
    // A tag set with a source → source type; Ann marked "Ann" twice alike
    // and linked the two. In the union they are one span, which cannot be
    // linked to itself: left out and counted, not a failed Adjudicate.
    let same = RelationType {
        id: "same-as".into(),
        label: "Same as".into(),
        inverse_label: String::new(),
        from: vec!["source".into()],
        to: vec!["source".into()],
    };
    let mut a = session("[[Ann]{source#s1}]{source#s2} said it; [Rain]{claim} fell.");
    a.apply(Command::AddRelationType(same.clone())).unwrap();
    let link = common::relation("s1", "same-as", "s2");
    a.apply(Command::Link(link)).unwrap();
    let mut b = session("Ann said it; [Rain]{claim} fell.");
    b.apply(Command::AddRelationType(same)).unwrap();
    let (union, adj) = prepared(&[&a, &b]);
    assert_eq!(union.relations().count(), 0);
    assert_eq!(adj.links_left_out, 1);
}

#[test]
fn a_relation_the_gold_tag_set_no_longer_takes_does_not_block_a_decision() {
    use annotator::model::Command;
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    // The adjudicator removed the "evidence" type from the gold's set.
    gold.apply(Command::RemoveRelationType {
        id: "evidence".into(),
    })
    .unwrap();
    assert!(
        decide(&adj, &union, &mut gold, 0, Take::Annotator(0)),
        "the report is taken"
    );
    assert_eq!(
        links(&gold),
        ["“no” -said-by-> mayor"],
        "without its evidence link"
    );
}
