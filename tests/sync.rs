//! Replication of annotations through a CouchDB database (`model::sync`),
//! natively: clients made of a session and a `Replica` talk to a small
//! in-memory stand-in for the server that keeps CouchDB's rules for
//! revisions, conflicts, tombstones and the changes feed.

mod common;

use annotator::model::sync::{docs, Key, Record};
use annotator::model::{format, Annotation, AnnotationId, Command, Session, TagId};
use common::couch::{Client, Couch};
use common::{invariants, render, session, AT};
use serde_json::{json, Value};

const TEXT: &str =
    "The [mayor]{source} said [“the bridge opens in May”]{quote}. Her [office]{source} disagreed.";

fn a2() -> Key {
    Key::Annotation("a2".into())
}

/// The tag of a conflict's annotation side.
fn tag_of(side: Option<&Record>) -> &str {
    match side {
        Some(Record::Annotation(a)) => a.tag.as_str(),
        other => panic!("not an annotation: {other:?}"),
    }
}

fn pair() -> (Couch, Client, Client) {
    let a = session(TEXT);
    let b = Session::with_schema(a.article().clone(), a.schema().clone());
    let (mut couch, mut a, mut b) = (Couch::default(), Client::new(a), Client::new(b));
    a.connect(&couch);
    assert_eq!(a.waiting(), 3, "A's three annotations wait to be sent");
    a.sync(&mut couch);
    assert_eq!(a.waiting(), 0);
    b.connect(&couch);
    (couch, a, b)
}

#[test]
fn a_tags_and_b_sees_it_b_retags_and_a_sees_it() {
    let (mut couch, mut a, mut b) = pair();
    assert_eq!(render(&b.session), render(&a.session));
    let docs_written = couch.seq;

    a.tag("a4");
    a.sync(&mut couch);
    assert_eq!(
        couch.seq,
        docs_written + 1,
        "one document written, none echoed back"
    );
    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!(b.waiting(), 0, "what came in is not sent back");

    b.retag("a4", "quote", "2026-01-02T04:00:00.000Z");
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(
        a.session.get(&"a4".into()).unwrap().tag,
        TagId::from("quote")
    );
    assert_eq!(render(&b.session), render(&a.session));
    b.pull(&couch);
    assert_eq!(couch.seq, docs_written + 2);
    assert!(a.replica.conflicts().is_empty() && b.replica.conflicts().is_empty());
}

#[test]
fn a_delete_is_a_tombstone_and_its_undo_comes_back() {
    let (mut couch, mut a, mut b) = pair();
    a.session
        .apply(Command::Remove { id: "a2".into() })
        .unwrap();
    a.sync(&mut couch);
    let doc = Key::Annotation("a2".into()).doc_id(a.replica.sha());
    assert!(couch.docs[&doc].2, "the document is deleted, not emptied");
    b.pull(&couch);
    assert!(b.session.get(&"a2".into()).is_none());

    a.session.undo().unwrap();
    a.sync(&mut couch);
    assert!(!couch.docs[&doc].2);
    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
    assert!(b.session.get(&"a2".into()).is_some());
}

#[test]
fn both_retag_offline_the_conflict_is_shown_and_mine_is_kept() {
    let (mut couch, mut a, mut b) = pair();
    a.retag("a2", "claim", "2026-01-02T05:00:00.000Z");
    b.retag("a2", "source", "2026-01-02T05:00:01.000Z");
    a.sync(&mut couch);
    // B pushes first, is refused, then reads A's version from the feed.
    assert_eq!(b.push(&mut couch), Vec::<String>::new());
    assert_eq!(b.waiting(), 1, "refused, still waiting");
    b.pull(&couch);
    let c = b.replica.conflicts().to_vec();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].key, a2());
    assert_eq!(tag_of(c[0].mine.as_ref()), "source");
    assert_eq!(tag_of(c[0].theirs.as_ref()), "claim");
    assert_eq!(
        b.session.get(&"a2".into()).unwrap().tag,
        TagId::from("source"),
        "nothing taken yet"
    );
    assert_eq!(b.waiting(), 1);
    b.sync(&mut couch);
    assert_eq!(b.replica.conflicts().len(), 1, "a conflict is not sent");

    assert_eq!(b.replica.resolve(&b.session, &a2(), true), None);
    b.sync(&mut couch);
    assert_eq!(b.waiting(), 0);
    a.pull(&couch);
    assert_eq!(
        a.session.get(&"a2".into()).unwrap().tag,
        TagId::from("source")
    );
    assert_eq!(render(&b.session), render(&a.session));
}

#[test]
fn both_retag_the_conflict_resolved_with_theirs() {
    let (mut couch, mut a, mut b) = pair();
    a.retag("a2", "claim", "2026-01-02T05:00:00.000Z");
    b.retag("a2", "source", "2026-01-02T05:00:01.000Z");
    a.sync(&mut couch);
    b.pull(&couch); // the feed first this time: B's change is not sent yet
    assert_eq!(b.replica.conflicts().len(), 1);
    let merge = b.replica.resolve(&b.session, &a2(), false).unwrap();
    b.bring_in(merge.command());
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(
        b.session.get(&"a2".into()).unwrap().tag,
        TagId::from("claim")
    );
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
}

#[test]
fn a_change_here_and_a_delete_there_keep_both_sides() {
    let (mut couch, mut a, mut b) = pair();
    a.session
        .apply(Command::Remove { id: "a3".into() })
        .unwrap();
    a.sync(&mut couch);
    b.retag("a3", "claim", "2026-01-02T06:00:00.000Z");
    b.pull(&couch);
    let c = &b.replica.conflicts()[0];
    assert_eq!((c.mine.is_some(), c.theirs.is_none()), (true, true));
    assert!(
        b.session.get(&"a3".into()).is_some(),
        "not deleted until the user says"
    );
}

#[test]
fn own_writes_seen_in_the_feed_before_their_reply_are_not_conflicts() {
    let (mut couch, mut a, _) = pair();
    a.retag("a1", "quote", "2026-01-02T07:00:00.000Z");
    a.note_changes();
    let body = a.replica.outgoing(&a.session).unwrap();
    let reply = couch.bulk_docs(&body);
    // Changed again before the feed brings the first write back.
    a.retag("a1", "claim", "2026-01-02T07:00:01.000Z");
    a.pull(&couch);
    assert!(a.replica.conflicts().is_empty());
    assert_eq!(
        a.session.get(&"a1".into()).unwrap().tag,
        TagId::from("claim")
    );
    assert_eq!(a.replica.pushed(&reply).unwrap(), Vec::<String>::new());
    assert_eq!(a.waiting(), 1);
    a.sync(&mut couch);
    assert_eq!(a.waiting(), 0);
}

#[test]
fn a_change_made_while_its_push_is_in_flight_is_sent_next() {
    let (mut couch, mut a, mut b) = pair();
    a.retag("a1", "quote", "2026-01-02T07:00:00.000Z");
    a.note_changes();
    let body = a.replica.outgoing(&a.session).unwrap();
    a.retag("a1", "claim", "2026-01-02T07:00:01.000Z");
    a.note_changes();
    let reply = couch.bulk_docs(&body);
    a.replica.pushed(&reply).unwrap();
    assert_eq!(a.waiting(), 1);
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(
        b.session.get(&"a1".into()).unwrap().tag,
        TagId::from("claim")
    );
}

#[test]
fn offline_work_waits_and_goes_when_the_server_answers() {
    let (mut couch, mut a, mut b) = pair();
    for (i, tag) in ["claim", "quote"].iter().enumerate() {
        a.retag(&format!("a{}", i + 1), tag, "2026-01-02T08:00:00.000Z");
    }
    a.note_changes();
    assert!(a.replica.outgoing(&a.session).is_some());
    a.replica.push_failed(); // no answer: the server is down
    assert_eq!(a.waiting(), 2);
    a.sync(&mut couch);
    assert_eq!(a.waiting(), 0);
    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
}

#[test]
fn the_first_look_keeps_the_later_side_and_sends_what_the_server_lacks() {
    let (mut couch, mut a, _) = pair();
    // C worked on the same text without the server: a1 later than the
    // server's, a2 earlier, and one of its own.
    let mut c = session(TEXT);
    for (id, at) in [
        ("a1", "2027-01-01T00:00:00.000Z"),
        ("a2", "2000-01-01T00:00:00.000Z"),
    ] {
        c.apply(Command::Retag {
            id: id.into(),
            tag: "claim".into(),
            at: at.into(),
        })
        .unwrap();
    }
    c.apply(Command::Tag(common::annotation(
        "c1",
        "claim",
        common::range(0, 3),
    )))
    .unwrap();
    a.retag("a2", "quote", "2026-06-01T00:00:00.000Z");
    a.sync(&mut couch);
    let mut c = Client::new(c);
    c.connect(&couch);
    assert_eq!(
        c.session.get(&"a2".into()).unwrap().tag,
        TagId::from("quote"),
        "the server's is later"
    );
    assert_eq!(c.waiting(), 2, "a1 (later here) and c1 (only here)");
    c.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(
        a.session.get(&"a1".into()).unwrap().tag,
        TagId::from("claim")
    );
    assert!(a.session.get(&"c1".into()).is_some());
    assert_eq!(render(&c.session), render(&a.session));
}

#[test]
fn documents_this_article_cannot_hold_are_named_and_the_rest_comes_in() {
    let (mut couch, mut a, mut b) = pair();
    a.tag("a9");
    a.sync(&mut couch);
    let bad = Key::Annotation("bad".into()).doc_id(a.replica.sha());
    let mut record: Value = couch.docs[&Key::Annotation("a9".into()).doc_id(a.replica.sha())]
        .1
        .clone();
    record["annotation"]["id"] = json!("bad");
    record["annotation"]["tag"] = json!("rumour");
    record["_id"] = json!(bad);
    record.as_object_mut().unwrap().remove("_rev");
    couch.bulk_docs(&json!({ "docs": [record] }).to_string());
    let merge = b.read_feed(&couch);
    assert_eq!(merge.put.len(), 1, "a9 comes in");
    assert_eq!(merge.not_read.len(), 1);
    assert!(
        merge.not_read[0].contains("its tag \"rumour\" is not in the tag set"),
        "{:?}",
        merge.not_read
    );
}

#[test]
fn another_articles_documents_are_left_alone() {
    let (mut couch, _, mut b) = pair();
    let mut other = Client::new(session("Another [text]{claim}."));
    other.connect(&couch);
    other.sync(&mut couch);
    let before = render(&b.session);
    b.pull(&couch);
    assert_eq!(render(&b.session), before);
}

#[test]
fn a_merge_is_one_undo_step_and_drops_relations_its_tags_do_not_allow() {
    let mut s = session("[Zas]{source#s} said [“so”]{quote#q -said-by-> s}.");
    let before = render(&s);
    let mut q = s.get(&"q".into()).unwrap().clone();
    q.tag = "claim".into();
    let gone = AnnotationId::from("s");
    let added = Annotation {
        modified: AT.into(),
        ..common::annotation("n", "source", common::range(0, 3))
    };
    s.apply(Command::Merge {
        put: vec![q, added],
        remove: vec![gone.clone(), "absent".into()],
        link: vec![],
        unlink: vec![],
    })
    .unwrap();
    invariants::check(&s);
    assert_eq!(s.relations().count(), 0);
    assert!(s.get(&gone).is_none() && s.get(&"n".into()).is_some());
    s.undo().unwrap();
    assert_eq!(render(&s), before);
    let outside = common::annotation("x", "claim", common::range(0, 500));
    assert!(s
        .apply(Command::Merge {
            put: vec![outside],
            remove: vec![],
            link: vec![],
            unlink: vec![],
        })
        .is_err());
    assert_eq!(render(&s), before, "a refused merge changes nothing");
}

#[test]
fn a_tab_reopened_later_takes_what_changed_there_and_sends_what_changed_here() {
    let (mut couch, mut a, mut b) = pair();
    a.tag("a4");
    a.sync(&mut couch);
    b.pull(&couch);
    // A closes the tab after two changes the server never saw.
    a.retag("a1", "quote", "2026-01-02T09:00:00.000Z");
    a.session
        .apply(Command::Remove { id: "a4".into() })
        .unwrap();
    a.note_changes();
    let kept = a.kept();
    assert_eq!(kept.pending, vec!["a:a1", "a:a4"]);
    // Meanwhile B deletes a2 and retags a3; a deletion A must not undo.
    b.session
        .apply(Command::Remove { id: "a2".into() })
        .unwrap();
    b.retag("a3", "claim", "2026-01-02T09:30:00.000Z");
    b.sync(&mut couch);

    a.reopen(&couch, kept);
    assert!(
        a.session.get(&"a2".into()).is_none(),
        "B's deletion is taken, not undone"
    );
    assert_eq!(
        a.session.get(&"a3".into()).unwrap().tag,
        TagId::from("claim")
    );
    assert_eq!(a.waiting(), 2, "A's retag and deletion go out");
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(render(&b.session), render(&a.session));
    assert!(b.session.get(&"a4".into()).is_none());
    assert_eq!(
        b.session.get(&"a1".into()).unwrap().tag,
        TagId::from("quote")
    );
}

#[test]
fn a_tab_reopened_later_shows_a_conflict_where_both_changed() {
    let (mut couch, mut a, mut b) = pair();
    a.retag("a1", "claim", "2026-01-02T10:00:00.000Z");
    a.note_changes();
    let kept = a.kept();
    b.session
        .apply(Command::Remove { id: "a1".into() })
        .unwrap();
    b.sync(&mut couch);
    a.reopen(&couch, kept);
    let c = a.replica.conflicts().to_vec();
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].mine.is_some(), c[0].theirs.is_none()), (true, true));
    assert_eq!(
        a.replica
            .resolve(&a.session, &Key::Annotation("a1".into()), true),
        None
    );
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(
        b.session.get(&"a1".into()).unwrap().tag,
        TagId::from("claim"),
        "kept and sent again"
    );
}

#[test]
fn a_reply_that_lists_a_document_twice_brings_its_last_version_once() {
    let (couch, a, _) = pair();
    let mut reply: Value = serde_json::from_str(&couch.changes("0")).unwrap();
    let first = reply["results"][0].clone();
    let mut again = first.clone();
    again["doc"]["_rev"] = json!("9-x");
    again["doc"]["annotation"]["tag"] = json!("claim");
    reply["results"] = json!([first, again]);
    let empty = Session::with_schema(a.session.article().clone(), a.session.schema().clone());
    let mut c = Client::new(empty);
    c.connect(&Couch::default());
    let merge = c.replica.incoming(&c.session, &reply.to_string()).unwrap();
    assert_eq!(merge.put.len(), 1);
    assert_eq!(merge.put[0].tag, TagId::from("claim"));
    c.bring_in(merge.command());
}

#[test]
fn an_article_put_in_the_database_is_listed_and_opens_with_its_text_and_tags() {
    let (mut couch, a, _) = pair();
    let sha = a.replica.sha().to_owned();
    let article = a.session.article();
    let bare = Session::with_schema(article.clone(), a.session.schema().clone());
    let file = format::export(&bare);
    let body = docs::article_docs(
        &sha,
        &article.title,
        &article.source,
        article.text.char_len(),
        &file,
    );
    couch.bulk_docs(&body);
    let again: Value = serde_json::from_str(&couch.bulk_docs(&body)).unwrap();
    assert_eq!(
        again[0]["error"], "conflict",
        "a second put changes nothing"
    );

    let listed = docs::listed(&couch.all_docs("article:")).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].sha.as_str(), listed[0].title.as_str()),
        (sha.as_str(), "Fixture")
    );
    assert_eq!(listed[0].chars, article.text.char_len());
    let file = docs::reply(&couch.get(&docs::file_id(&sha))).unwrap().file;
    let opened = format::import(file.as_bytes()).unwrap().session;
    assert_eq!(opened.article().text.as_str(), article.text.as_str());
    assert_eq!(opened.schema(), a.session.schema());
    assert_eq!(
        opened.annotations().len(),
        0,
        "annotations are documents of their own"
    );
}
