//! Adjudicating disagreements (`model::agreement::adjudicate`): the kinds
//! of disagreement, the gold's start, each decision as one undoable step,
//! what the gold holds read back after undo, and each annotator's
//! agreement with the gold as it changes.

mod common;

use annotator::model::agreement::adjudicate::{prepare, Adjudication, Kind, Outcome, Take};
use annotator::model::agreement::{AgreementError, Coder};
use annotator::model::{format, Session};
use common::{gold_spans as spans, session};

/// Two annotators who differ in every way: A only (the mayor), B only
/// (the report), a different tag (the cost), different boundaries (the
/// pier); both agree on "said" (an agreed span inside nothing else).
const A: &str =
    "The [mayor]{source} [said]{quote} [the pier]{claim} will [cost 4 €]{claim}, a report says.";
const B: &str =
    "The mayor [said]{quote} [the pier will]{claim} [cost 4 €]{quote}, a [report]{source} says.";

fn prepared(files: &[&Session]) -> (Session, Adjudication) {
    common::prepared_as(&["A", "B", "C"][..files.len()], files)
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("g{n}")
    }
}

#[test]
fn each_kind_of_disagreement_is_one_item_and_the_agreed_span_starts_the_gold() {
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let text = &union.article().text;
    let items: Vec<(String, Kind)> = adj
        .items
        .iter()
        .map(|i| (text.slice(i.range()).to_owned(), i.kind.clone()))
        .collect();
    assert_eq!(
        items,
        [
            ("mayor".to_owned(), Kind::Only(vec![0])),
            ("the pier will".to_owned(), Kind::Bounds),
            ("cost 4 €".to_owned(), Kind::Tag),
            ("report".to_owned(), Kind::Only(vec![1])),
        ]
    );
    assert_eq!(
        spans(&adj.gold(&union, "Gold".into())),
        ["said{quote<-A+B}"]
    );
    for i in 0..adj.items.len() {
        assert_eq!(
            adj.status(i, &union, &adj.gold(&union, "Gold".into())),
            Outcome::Nothing
        );
    }
}

#[test]
fn decisions_replace_what_the_gold_holds_over_an_item_and_undo_restores_it() {
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    let mut ids = ids();
    let mut decide = |gold: &mut Session, i: usize, take: Take| {
        let command = adj.decide(
            i,
            take,
            (&union, gold),
            &mut ids,
            "Judge",
            "2026-12-04T10:00:00Z",
        );
        command.map(|c| gold.apply(c).expect("a decision applies"))
    };
    // Different boundaries: take A's "the pier".
    assert!(decide(&mut gold, 1, Take::Annotator(0)).is_some());
    assert_eq!(adj.status(1, &union, &gold), Outcome::Annotators(vec![0]));
    // Changing one's mind replaces A's span with B's, in one step.
    let change = decide(&mut gold, 1, Take::Annotator(1)).unwrap();
    assert_eq!(change.n_annotations(), 2);
    assert_eq!(adj.status(1, &union, &gold), Outcome::Annotators(vec![1]));
    // The same decision again changes nothing.
    assert!(decide(&mut gold, 1, Take::Annotator(1)).is_none());
    // A different tag: both versions.
    decide(&mut gold, 2, Take::All);
    assert_eq!(adj.status(2, &union, &gold), Outcome::All);
    // Only in B, taken A's way: nothing, and nothing to do.
    assert!(decide(&mut gold, 3, Take::Annotator(0)).is_none());
    decide(&mut gold, 0, Take::Annotator(0));
    assert_eq!(
        spans(&gold),
        [
            "mayor{source<-A}",
            "said{quote<-A+B}",
            "the pier will{claim<-B}",
            "cost 4 €{claim<-A}",
            "cost 4 €{quote<-B}",
        ]
    );
    let taken = gold
        .annotations()
        .iter()
        .find(|a| a.adjudicated_from == ["A"])
        .unwrap();
    assert_eq!(
        (taken.creator.as_str(), taken.modified.as_str()),
        ("Judge", "2026-12-04T10:00:00Z")
    );
    // Undo: the mayor is open again, then B's pier is A's again.
    gold.undo();
    assert_eq!(adj.status(0, &union, &gold), Outcome::Nothing);
    gold.undo();
    gold.undo();
    assert_eq!(adj.status(1, &union, &gold), Outcome::Annotators(vec![0]));
    gold.redo();
    assert_eq!(adj.status(1, &union, &gold), Outcome::Annotators(vec![1]));
    // Neither: B's pier goes.
    decide(&mut gold, 1, Take::Neither);
    assert_eq!(adj.status(1, &union, &gold), Outcome::Nothing);
}

#[test]
fn an_edit_over_an_item_is_read_as_edited_and_a_decision_replaces_it() {
    use annotator::model::Command;
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    let mut ids = ids();
    let c = adj
        .decide(1, Take::Annotator(0), (&union, &gold), &mut ids, "", "t")
        .unwrap();
    gold.apply(c).unwrap();
    let id = gold
        .annotations()
        .iter()
        .find(|a| a.adjudicated_from == ["A"])
        .unwrap()
        .id
        .clone();
    gold.apply(Command::Resize {
        id,
        range: common::range(20, 33),
        at: "t".into(),
    })
    .unwrap();
    assert_eq!(adj.status(1, &union, &gold), Outcome::Edited);
    let c = adj
        .decide(1, Take::Annotator(1), (&union, &gold), &mut ids, "", "t")
        .unwrap();
    gold.apply(c).unwrap();
    assert_eq!(adj.status(1, &union, &gold), Outcome::Annotators(vec![1]));
    assert_eq!(gold.annotations().len(), 2);
}

#[test]
fn agreement_with_the_gold_follows_the_decisions() {
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let mut gold = adj.gold(&union, "Gold".into());
    // A has 4 spans, B 4, the gold 1 (said), which both have.
    let f1 = |gold: &Session| -> Vec<Option<f64>> {
        adj.scores(&union, gold).iter().map(|s| s.f1).collect()
    };
    assert_eq!(f1(&gold), [Some(2.0 / 5.0), Some(2.0 / 5.0)]);
    let mut ids = ids();
    for i in 0..adj.items.len() {
        let c = adj.decide(i, Take::Annotator(0), (&union, &gold), &mut ids, "", "t");
        if let Some(c) = c {
            gold.apply(c).unwrap();
        }
    }
    // The gold is A's file now: A agrees fully; B shares "said" of 4 and 4.
    assert_eq!(f1(&gold), [Some(1.0), Some(2.0 / 8.0)]);
}

#[test]
fn three_annotators_two_alike_and_identical_files() {
    let c = session(A);
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b, &c]);
    // The mayor: A and C.
    assert_eq!(adj.items[0].kind, Kind::Only(vec![0, 2]));
    let mut gold = adj.gold(&union, "Gold".into());
    let cmd = adj
        .decide(0, Take::Annotator(2), (&union, &gold), ids(), "", "t")
        .unwrap();
    gold.apply(cmd).unwrap();
    assert_eq!(
        adj.status(0, &union, &gold),
        Outcome::Annotators(vec![0, 2])
    );
    assert_eq!(spans(&gold)[0], "mayor{source<-A+C}");
    // Identical files: no disagreement, the gold is the file.
    let (union, adj) = prepared(&[&a, &c]);
    assert!(adj.items.is_empty());
    assert_eq!(adj.gold(&union, "Gold".into()).annotations().len(), 4);
}

#[test]
fn the_union_file_keeps_who_marked_each_span_and_another_article_is_refused() {
    let (a, b) = (session(A), session(B));
    let (union, _) = prepared(&[&a, &b]);
    let back = format::import(format::export(&union).as_bytes())
        .unwrap()
        .session;
    let said = back
        .annotations()
        .iter()
        .find(|x| x.adjudicated_from.len() == 2)
        .unwrap();
    assert_eq!(said.adjudicated_from, ["A", "B"]);
    let other = session("Another [article]{claim}.");
    let names = ["A".to_owned(), "B".to_owned()];
    let coders = [
        Coder {
            name: &names[0],
            session: &a,
        },
        Coder {
            name: &names[1],
            session: &other,
        },
    ];
    assert!(matches!(
        prepare(&coders),
        Err(AgreementError::OtherArticle { .. })
    ));
}

#[test]
fn a_gold_file_names_at_most_100_annotators_of_200_characters() {
    use annotator::model::limits::{MAX_ADJUDICATED_FROM, MAX_CREATOR_CHARS};
    let (a, b) = (session(A), session(B));
    let (union, adj) = prepared(&[&a, &b]);
    let file = format::export(&adj.gold(&union, "Gold".into()));
    let mut json: serde_json::Value = serde_json::from_str(&file).unwrap();
    let names =
        |n: usize, len: usize| -> Vec<String> { (0..n).map(|k| format!("{k:0>len$}")).collect() };
    let with = |json: &mut serde_json::Value, names: Vec<String>| {
        json["annotations"][0]["adjudicated_from"] = names.into();
        format::import(json.to_string().as_bytes()).map(|_| ())
    };
    assert!(with(&mut json, names(MAX_ADJUDICATED_FROM, MAX_CREATOR_CHARS)).is_ok());
    let e = with(&mut json, names(MAX_ADJUDICATED_FROM + 1, 3))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("it names 101 annotators; a gold annotation names at most 100"),
        "{e}"
    );
    let e = with(&mut json, names(2, MAX_CREATOR_CHARS + 1))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("201 characters long; an annotator name holds at most 200"),
        "{e}"
    );
    // The decision command checks the same.
    let mut gold = adj.gold(&union, "Gold".into());
    let mut one = union.annotations()[0].clone();
    one.id = "x".into();
    one.adjudicated_from = names(MAX_ADJUDICATED_FROM + 1, 1);
    let refused = gold.apply(annotator::model::Command::Replace {
        remove: vec![],
        add: vec![one],
    });
    assert!(matches!(
        refused,
        Err(annotator::model::Problem::CreatorTooLong(_))
    ));
}

#[test]
fn another_annotators_tag_of_the_same_label_is_kept_apart_by_their_name() {
    use annotator::model::{Schema, TagDef};
    let a = session(A);
    let mut tags = Schema::default().tags().to_vec();
    tags.push(TagDef::new("assertion", "Claim"));
    let schema = Schema::new(tags, Vec::new()).unwrap_err();
    // One tag set cannot hold two tags labelled "Claim"…
    assert!(schema.to_string().contains("same label"), "{schema}");
    // …so Bo's own "Claim" (another id) comes into the gold as "Claim (B)".
    let mut theirs = Schema::default().tags().to_vec();
    theirs[0] = TagDef::new("assertion", "Claim");
    let bo_schema = Schema::new(theirs, Vec::new()).unwrap();
    let b = common::session_with(bo_schema, &B.replace("{claim}", "{assertion}"));
    let (union, adj) = prepared(&[&a, &b]);
    let labels: Vec<&str> = union
        .schema()
        .tags()
        .iter()
        .map(|t| t.label.as_str())
        .collect();
    assert!(
        labels.contains(&"Claim") && labels.contains(&"Claim (B)"),
        "{labels:?}"
    );
    let bounds = adj
        .items
        .iter()
        .find(|i| i.kind == Kind::Bounds)
        .expect("the pier");
    assert_eq!(union.article().text.slice(bounds.range()), "the pier will");
}
