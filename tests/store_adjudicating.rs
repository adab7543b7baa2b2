//! Adjudicating in the store: starting opens the gold (the agreed spans)
//! as the session, keys decide the selected disagreement and move on to
//! the next undecided one, undo brings a disagreement back, and the
//! annotators' agreement with the gold follows.

mod common;

use annotator::keymap::{ArticleKey, Decision, Reading};
use annotator::model::format;
use annotator::model::library::{Batch, Entry, Label, LibraryKey, Store, DECIDED_NONE};
use annotator::ui::adjudicating::resume_from;
use annotator::ui::messages::adjudication as say;
use annotator::ui::store::{Action, Notice, Saving, State};
use common::fake_db::Fake;
use common::session;
use std::rc::Rc;

const A: &str =
    "The [mayor]{source} [said]{quote} [the pier]{claim} will [cost 4 €]{claim}, a report says.";
const B: &str =
    "The mayor [said]{quote} [the pier will]{claim} [cost 4 €]{quote}, a [report]{source} says.";

/// The gold after the mayor taken as Ana's, the pier as Ben's, both tags
/// over the cost and nothing over the report.
const EVERY_DECISION: [&str; 5] = [
    "mayor{source<-Ana}",
    "said{quote<-Ana+Ben}",
    "the pier will{claim<-Ben}",
    "cost 4 €{claim<-Ana}",
    "cost 4 €{quote<-Ben}",
];

fn adjudicating() -> Rc<State> {
    let (a, b) = (session(A), session(B));
    let (union, adjudication) = common::prepared_as(&["Ana", "Ben"], &[&a, &b]);
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
    assert_eq!(gold(&s), EVERY_DECISION);
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

/// The gold of `s` and its adjudication kept in a stand-in library as
/// the page keeps them (the saver's whole write, the plan, the items
/// decided for none), as article "gold".
fn kept(s: &State) -> (Fake, LibraryKey) {
    let (mut fake, key) = (Fake::default(), LibraryKey::new("gold"));
    let gold = s.doc.session();
    let entry = Entry::of(&key, &gold, T0, T0);
    fake.apply(&Batch::whole(&key, &gold, &entry, Some(&Label::new())));
    let adj = s.adjudicating.as_ref().expect("adjudicating");
    let plan = format::adjudication_record(&adj.plan.adjudication, &adj.plan.union);
    let none = format::decided_none_record(&adj.neither);
    fake.apply(&Batch::adjudication(&key, Some(plan), none));
    (fake, key)
}

const T0: &str = "2026-12-06T10:00:00.000Z";

/// A new tab that restores article `key` from `fake` as the page does.
fn reopened(fake: &Fake, key: &LibraryKey) -> Rc<State> {
    let records = fake.records(key);
    let gold = fake.restore(key).expect("the gold restores");
    let resume = resume_from(&records);
    Rc::new(State::new(session("Placeholder."), None, Saving::On)).update(Action::Restore {
        session: Box::new(gold),
        kept: Some((key.clone(), T0.into())),
        notice: None,
        saving: None,
        resume,
    })
}

#[test]
fn a_walk_kept_with_its_gold_goes_on_where_it_was_left_after_a_reload() {
    let s = decide(adjudicating(), Decision::Annotator(0)); // the mayor: Ana's
    let s = s.update(Action::GoToDisagreement(3));
    let s = decide(s, Decision::Neither); // the report: nothing
    let (fake, key) = kept(&s);
    let s = reopened(&fake, &key);
    let adj = s.adjudicating.as_ref().expect("adjudicating again");
    assert_eq!(adj.n_decided(), 2);
    assert_eq!(say::outcome(adj, 0), "Gold: Ana");
    assert_eq!(say::outcome(adj, 3), "Gold: none", "decided for none, kept");
    assert_eq!(selected(&s), "the pier will", "the first open one");
    assert!(
        matches!(&s.notice, Some(Notice::Info(m)) if m == &say::resumed(2, 4)),
        "{:?}",
        s.notice
    );
    let s = decide(s, Decision::Annotator(1));
    let s = decide(s, Decision::All);
    assert!(
        s.announcement.contains(say::ALL_DECIDED),
        "{}",
        s.announcement
    );
    assert_eq!(gold(&s), EVERY_DECISION);
    // Over: the records go; the gold reopens as a plain article.
    let mut fake = fake;
    fake.apply(&Batch::adjudication_over(&key));
    let s = reopened(&fake, &key);
    assert!(s.adjudicating.is_none());
    assert_eq!(gold(&s), ["mayor{source<-Ana}", "said{quote<-Ana+Ben}"]);
}

/// An edit of a record.
type Edit = Box<dyn Fn(&str) -> String>;

/// Article `key` of `fake` with its plan record edited by `edit`.
fn with_plan(fake: &Fake, key: &LibraryKey, edit: impl Fn(&str) -> String) -> Fake {
    let mut fake = fake.clone();
    let plan = fake.get(Store::Adjudication, key.as_str()).unwrap();
    fake.store(Store::Adjudication)
        .insert(key.to_string(), edit(&plan));
    fake
}

#[test]
fn a_damaged_plan_is_named_and_the_gold_opens_with_its_decisions() {
    let s = decide(adjudicating(), Decision::Annotator(0));
    let (fake, key) = kept(&s);
    let line = |plan: &str, k: usize, f: &dyn Fn(&str) -> String| {
        let mut lines: Vec<String> = plan.split('\n').map(str::to_owned).collect();
        lines[k] = f(&lines[k]);
        lines.join("\n")
    };
    let damaged: [(&str, Edit); 7] = [
        ("not JSON", Box::new(|_| "garbage".into())),
        (
            "layout",
            Box::new(|p| p.replacen("\"adjudication\":1", "\"adjudication\":9", 1)),
        ),
        (
            "one annotator",
            Box::new(|p| p.replacen("[\"Ana\",\"Ben\"]", "[\"Ana\"]", 1)),
        ),
        (
            "an annotation cut off",
            Box::new(|p| p.rsplit_once('\n').unwrap().0.to_owned()),
        ),
        (
            "a span outside the text",
            Box::new(move |p| {
                line(p, 3, &|l| {
                    l.replacen("\"end\":", "\"end\":9999", 1)
                        .replacen("mayor", "nowhere", 1)
                })
            }),
        ),
        (
            "an unknown version",
            Box::new(|p| p.replacen("\"versions\":[\"u", "\"versions\":[\"x", 1)),
        ),
        (
            "items out of order",
            Box::new(|p| p.replacen("\"start\":4,", "\"start\":40,", 1)),
        ),
    ];
    for (what, edit) in damaged {
        let fake = with_plan(&fake, &key, edit);
        let s = reopened(&fake, &key);
        assert!(s.adjudicating.is_none(), "{what}");
        assert!(
            matches!(&s.notice, Some(Notice::Error(m)) if m.contains("could not be read back")),
            "{what}: {:?}",
            s.notice
        );
        assert_eq!(
            gold(&s),
            ["mayor{source<-Ana}", "said{quote<-Ana+Ben}"],
            "{what}"
        );
    }
    // An unreadable list of items decided for none: all shown as open.
    let mut fake = fake;
    let pair = format!("{key}\u{0}{DECIDED_NONE}");
    fake.store(Store::Adjudication)
        .insert(pair.clone(), "[nonsense".into());
    let s = reopened(&fake, &key);
    assert_eq!(s.adjudicating.as_ref().unwrap().n_decided(), 1);
    fake.store(Store::Adjudication)
        .insert(pair, "[3, 99]".into());
    let s = reopened(&fake, &key);
    assert_eq!(
        s.adjudicating.as_ref().unwrap().n_decided(),
        2,
        "99 is ignored"
    );
    // Forgotten: nothing of it is left.
    fake.apply(&Batch::forget(&key));
    assert!(fake.stores.get("adjudication").is_none_or(|m| m.is_empty()));
}

#[test]
fn a_plan_whose_versions_lie_outside_their_item_is_refused() {
    let s = adjudicating();
    let (fake, key) = kept(&s);
    // Item 1 ("mayor") naming the pier's versions as its own.
    let fake = with_plan(&fake, &key, |p| {
        p.replacen("\"versions\":[\"u1\"]", "\"versions\":[\"u3\"]", 1)
    });
    let s = reopened(&fake, &key);
    assert!(s.adjudicating.is_none());
    assert!(
        matches!(&s.notice, Some(Notice::Error(m)) if m.contains("names spans that are not there")),
        "{:?}",
        s.notice
    );
}
