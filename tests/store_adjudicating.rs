//! Adjudicating in the store: starting opens the gold (the agreed spans)
//! as the session, keys decide the selected disagreement and move on to
//! the next undecided one, undo brings a disagreement back, and the
//! annotators' agreement with the gold follows.

mod common;

use annotator::keymap::{ArticleKey, Decision, Reading};
use annotator::model::agreement::adjudicate::prepare;
use annotator::model::agreement::Coder;
use annotator::ui::messages::adjudication as say;
use annotator::ui::store::{Action, Notice, Saving, State};
use common::session;
use std::rc::Rc;

const A: &str =
    "The [mayor]{source} [said]{quote} [the pier]{claim} will [cost 4 €]{claim}, a report says.";
const B: &str =
    "The mayor [said]{quote} [the pier will]{claim} [cost 4 €]{quote}, a [report]{source} says.";

fn adjudicating() -> Rc<State> {
    let (a, b) = (session(A), session(B));
    let names = ["Ana".to_owned(), "Ben".to_owned()];
    let coders = [
        Coder {
            name: &names[0],
            session: &a,
        },
        Coder {
            name: &names[1],
            session: &b,
        },
    ];
    let (union, adjudication) = prepare(&coders).unwrap();
    let open = Rc::new(State::new(
        session("Something else [entirely]{claim}."),
        None,
        Saving::On,
    ));
    open.update(Action::Adjudicate(Box::new((union, adjudication))))
}

fn key(s: Rc<State>, k: Reading) -> Rc<State> {
    s.update(Action::Key {
        key: ArticleKey::Reading(k),
        at: "2026-12-04T10:00:00Z".into(),
    })
}

fn decide(s: Rc<State>, d: Decision) -> Rc<State> {
    key(s, Reading::Decide(d))
}

/// The disagreement selected (the cursor is at its start).
fn selected(s: &State) -> String {
    let adj = s.adjudicating.as_ref().expect("adjudicating");
    let item = &adj.plan.adjudication.items[adj.current];
    assert_eq!(s.cursor.head, item.range().start());
    s.doc
        .session()
        .article()
        .text
        .slice(item.range())
        .to_owned()
}

fn gold(s: &State) -> Vec<String> {
    common::gold_spans(&s.doc.session())
}

#[test]
fn starting_opens_the_gold_and_selects_the_first_disagreement() {
    let s = adjudicating();
    assert_eq!(gold(&s), ["said{quote<-Ana+Ben}"]);
    assert_eq!(selected(&s), "mayor");
    assert!(
        s.announcement
            .starts_with("Disagreement 1 of 4, only Ana: \u{201c}mayor\u{201d}. Open."),
        "{}",
        s.announcement
    );
    // A new article for the library: not the one open before.
    assert!(s.kept.is_none());
    let adj = s.adjudicating.as_ref().unwrap();
    assert_eq!(adj.n_decided(), 0);
}

#[test]
fn keys_decide_and_move_on_to_the_next_undecided_and_undo_reopens() {
    let s = adjudicating();
    let s = decide(s, Decision::Annotator(0)); // the mayor: Ana's
    assert_eq!(selected(&s), "the pier will");
    let s = decide(s, Decision::Annotator(1)); // the pier: Ben's
    let s = decide(s, Decision::All); // the cost: both tags
    let s = decide(s, Decision::Neither); // the report: nothing
    assert!(
        s.announcement.contains(say::ALL_DECIDED),
        "{}",
        s.announcement
    );
    assert_eq!(
        gold(&s),
        [
            "mayor{source<-Ana}",
            "said{quote<-Ana+Ben}",
            "the pier will{claim<-Ben}",
            "cost 4 €{claim<-Ana}",
            "cost 4 €{quote<-Ben}",
        ]
    );
    let adj = s.adjudicating.as_ref().unwrap();
    assert_eq!(adj.n_decided(), 4);
    assert_eq!(say::outcome(adj, 2), "Gold: both");
    assert_eq!(say::outcome(adj, 3), "Gold: none");
    // Ana: 3 of her 4 spans in the gold of 5 (F1 = 2·3/9); Ben: 3 of 4.
    let f1: Vec<Option<f64>> = adj.scores.iter().map(|x| x.f1).collect();
    assert_eq!(f1, [Some(6.0 / 9.0), Some(6.0 / 9.0)]);
    // Undo the both: the cost is open again, and the agreement follows.
    let s = s.update(Action::Undo);
    let adj = s.adjudicating.as_ref().unwrap();
    assert_eq!(say::outcome(adj, 2), "Open");
    assert_eq!(adj.n_decided(), 3);
    // Ben: 2 of 4 in a gold of 3.
    assert_eq!(adj.scores[1].f1, Some(4.0 / 7.0));
}

#[test]
fn walking_wraps_and_a_key_for_a_missing_annotator_says_so() {
    let s = adjudicating();
    let s = key(s, Reading::Disagreement { next: false });
    assert_eq!(selected(&s), "report");
    let s = key(s, Reading::Disagreement { next: true });
    assert_eq!(selected(&s), "mayor");
    let s = decide(s, Decision::Annotator(2));
    assert!(
        matches!(&s.notice, Some(Notice::Info(m)) if m.contains("no annotator 3")),
        "{:?}",
        s.notice
    );
    assert_eq!(gold(&s).len(), 1);
    // Another article opened: adjudicating ends.
    let s = s.update(Action::Import(Box::new(
        annotator::model::format::import(annotator::model::format::export(&session(A)).as_bytes())
            .unwrap(),
    )));
    assert!(s.adjudicating.is_none());
    let s = key(s, Reading::Disagreement { next: true });
    assert!(matches!(&s.notice, Some(Notice::Info(m)) if m == say::NOT_ADJUDICATING));
}
