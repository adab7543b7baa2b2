//! Relations through a CouchDB database (`model::sync`): one document per
//! relation, ends that come in after it, duplicates made on two sides at
//! once, and a retag that a teammate's relation no longer fits.

mod common;

use annotator::model::sync::Key;
use annotator::model::{Command, Relation, RelationId, Session};
use common::couch::{Client, Couch};
use common::{invariants, render, session, AT};
use serde_json::{json, Value};

/// a1 "mayor" (source), a2 the quote, a3 "office" (source).
const TEXT: &str =
    "The [mayor]{source} said [“the bridge opens in May”]{quote}. Her [office]{source} disagreed.";

fn pair() -> (Couch, Client, Client) {
    common::couch::pair(session(TEXT))
}

fn said_by(id: &str, from: &str, to: &str) -> Relation {
    Relation {
        id: id.into(),
        kind: "said-by".into(),
        from: from.into(),
        to: to.into(),
        created: AT.into(),
    }
}

fn link(c: &mut Client, r: Relation) {
    c.session.apply(Command::Link(r)).unwrap();
}

fn ids(s: &Session) -> Vec<&str> {
    let mut ids: Vec<&str> = s.relations().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids
}

/// Whether the server holds relation `id` (not deleted).
fn on_server(couch: &Couch, c: &Client, id: &str) -> bool {
    let doc = Key::Relation(id.into()).doc_id(c.replica.sha());
    couch.docs.get(&doc).is_some_and(|d| !d.2)
}

#[test]
fn a_links_and_b_sees_it_then_a_unlinks_and_b_sees_that() {
    let (mut couch, mut a, mut b) = pair();
    link(&mut a, said_by("r1", "a2", "a1"));
    assert_eq!(a.waiting(), 0, "not told yet");
    a.note_changes();
    assert_eq!(a.waiting(), 1);
    a.sync(&mut couch);
    let doc = Key::Relation("r1".into()).doc_id(a.replica.sha());
    assert_eq!(doc, format!("r:{}:r1", a.replica.sha()));
    let body = &couch.docs[&doc].1;
    assert_eq!(body["type"], "relation");
    assert_eq!(body["relation"]["type"], "said-by");
    assert_eq!(body["relation"]["from"], "a2");

    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!(b.waiting(), 0, "what came in is not sent back");

    a.session
        .apply(Command::Unlink { id: "r1".into() })
        .unwrap();
    a.sync(&mut couch);
    assert!(couch.docs[&doc].2, "a tombstone");
    b.pull(&couch);
    assert_eq!(ids(&b.session), Vec::<&str>::new());
    assert_eq!(render(&b.session), render(&a.session));
}

#[test]
fn deleting_an_end_deletes_its_relations_everywhere() {
    let (mut couch, mut a, mut b) = pair();
    link(&mut a, said_by("r1", "a2", "a1"));
    a.sync(&mut couch);
    b.pull(&couch);
    a.session
        .apply(Command::Remove { id: "a1".into() })
        .unwrap();
    a.sync(&mut couch);
    assert!(!on_server(&couch, &a, "r1"));
    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!(b.waiting(), 0);
    // Undone, both come back.
    a.session.undo().unwrap();
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(ids(&b.session), vec!["r1"]);
    assert_eq!(render(&b.session), render(&a.session));
}

/// A `_changes` reply of `couch` with only the documents `keep` accepts.
fn only(couch: &Couch, since: &str, keep: impl Fn(&str) -> bool) -> String {
    let mut reply: Value = serde_json::from_str(&couch.changes(since)).unwrap();
    let results: Vec<Value> = (reply["results"].as_array().unwrap().iter())
        .filter(|c| keep(c["id"].as_str().unwrap()))
        .cloned()
        .collect();
    reply["results"] = json!(results);
    reply.to_string()
}

#[test]
fn a_relation_whose_end_comes_later_waits_for_it_and_is_never_deleted() {
    let (mut couch, mut a, mut b) = pair();
    a.tag("a4"); // a claim
    link(&mut a, said_by("r1", "a4", "a3"));
    a.sync(&mut couch);
    // B's feed brings the relation before its end (a read cut short).
    let since = b.replica.since().unwrap();
    let first = only(&couch, &since, |id| id.starts_with("r:"));
    let merge = b.replica.incoming(&b.session, &first).unwrap();
    assert_eq!(merge.link, vec![], "its end is not here yet");
    assert_eq!(merge.command(), None);
    b.replica.touch_all(&b.session);
    assert_eq!(b.waiting(), 0, "a parked relation is not a change here");
    assert_eq!(b.replica.outgoing(&b.session), None, "and is never deleted");
    // The end comes in with a later read: the relation follows.
    let rest = only(&couch, &since, |id| id.starts_with("a:"));
    let merge = b.replica.incoming(&b.session, &rest).unwrap();
    assert_eq!(merge.link.len(), 1);
    b.bring_in(merge.command());
    assert_eq!(render(&b.session), render(&a.session));
    b.sync(&mut couch);
    assert!(on_server(&couch, &a, "r1"));
    assert_eq!(b.waiting(), 0);
}

#[test]
fn the_same_link_made_on_both_sides_keeps_the_smaller_id_everywhere() {
    let (mut couch, mut a, mut b) = pair();
    link(&mut a, said_by("r-b", "a2", "a1"));
    link(&mut b, said_by("r-a", "a2", "a1"));
    a.sync(&mut couch);
    b.sync(&mut couch);
    assert_eq!(ids(&b.session), vec!["r-a"], "B's own is the smaller");
    a.sync(&mut couch);
    assert_eq!(ids(&a.session), vec!["r-a"], "A's is replaced");
    a.sync(&mut couch);
    b.sync(&mut couch);
    assert!(on_server(&couch, &a, "r-a"));
    assert!(!on_server(&couch, &a, "r-b"), "the larger one deleted");
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
    invariants::check(&a.session);
}

#[test]
fn a_retag_that_a_teammates_new_relation_does_not_fit_ends_with_neither_side_holding_it() {
    let (mut couch, mut a, mut b) = pair();
    link(&mut a, said_by("r1", "a2", "a1"));
    // B retags the relation's end to a claim: a quote is not said by a claim.
    b.retag("a1", "claim", "2026-01-02T04:00:00.000Z");
    a.sync(&mut couch);
    b.sync(&mut couch);
    assert_eq!(
        ids(&b.session),
        Vec::<&str>::new(),
        "parked: it does not fit"
    );
    a.sync(&mut couch);
    assert_eq!(
        ids(&a.session),
        Vec::<&str>::new(),
        "A's retag took it away"
    );
    a.sync(&mut couch);
    b.sync(&mut couch);
    assert!(!on_server(&couch, &a, "r1"));
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
}

#[test]
fn a_tab_reopened_later_sends_the_relation_deleted_here_and_takes_the_one_made_there() {
    let (mut couch, mut a, mut b) = pair();
    link(&mut a, said_by("r1", "a2", "a1"));
    a.sync(&mut couch);
    b.pull(&couch);
    a.session
        .apply(Command::Unlink { id: "r1".into() })
        .unwrap();
    a.note_changes();
    let kept = a.kept();
    assert_eq!(kept.pending, vec!["r:r1"]);
    assert_eq!(Key::from_kept("r:r1"), Key::Relation("r1".into()));
    link(&mut b, said_by("r2", "a2", "a3"));
    b.sync(&mut couch);

    a.reopen(&couch, kept);
    assert_eq!(ids(&a.session), vec!["r2"]);
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(ids(&b.session), vec!["r2"]);
    assert_eq!(render(&b.session), render(&a.session));
}

#[test]
fn a_first_look_brings_the_servers_relations() {
    let (mut couch, mut a, _) = pair();
    link(&mut a, said_by("r1", "a2", "a1"));
    a.sync(&mut couch);
    let fresh = Session::with_schema(a.session.article().clone(), a.session.schema().clone());
    let mut c = Client::new(fresh);
    c.connect(&couch);
    assert_eq!(render(&c.session), render(&a.session));
    assert_eq!(c.waiting(), 0);
}

#[test]
fn a_merge_checks_links_against_what_it_leaves() {
    let mut s = session(TEXT);
    let before = render(&s);
    let end = common::annotation("n", "source", common::range(0, 3));
    // Its end comes in the same merge: linked after it.
    s.apply(Command::Merge {
        put: vec![end],
        remove: vec![],
        link: vec![said_by("r1", "a2", "n")],
        unlink: vec![RelationId::from("absent")],
    })
    .unwrap();
    invariants::check(&s);
    assert_eq!(ids(&s), vec!["r1"]);
    s.undo().unwrap();
    assert_eq!(render(&s), before, "one step");
    for (link, why) in [
        (said_by("r1", "a2", "gone"), "an end not there"),
        (
            said_by("r1", "a1", "a3"),
            "a source is not said by a source",
        ),
    ] {
        let merge = Command::Merge {
            put: vec![],
            remove: vec!["gone".into()],
            link: vec![link],
            unlink: vec![],
        };
        assert!(s.apply(merge).is_err(), "{why}");
        assert_eq!(render(&s), before, "a refused merge changes nothing");
    }
    // An end removed by the same merge cannot be linked to.
    let merge = Command::Merge {
        put: vec![],
        remove: vec!["a1".into()],
        link: vec![said_by("r1", "a2", "a1")],
        unlink: vec![],
    };
    assert!(s.apply(merge).is_err());
}
