//! The first look at the server: an annotation this tab's tag set cannot
//! read (the tag set is not replicated) is neither deleted nor pushed over
//! and comes in once it can; a change made before the first look, not
//! recorded, is kept by the later-change rule; this tab's own writes the
//! feed had not shown back are not the server's changes.

mod common;

use annotator::model::sync::{Base, Kept, Key};
use annotator::model::{Command, Session, TagDef};
use common::couch::{pair, Client, Couch};
use common::session;

const TEXT: &str = "The [mayor]{source} said [“the bridge opens in May”]{quote}.";

fn rumour() -> Command {
    Command::AddTag(TagDef::new("rumour", "Rumour"))
}

#[test]
fn an_annotation_this_tag_set_lacks_comes_in_once_it_has_the_tag_and_is_never_deleted() {
    let (mut couch, mut a, mut b) = pair(session(TEXT));
    // A adds a tag of its own and uses it; B's set lacks it.
    a.session.apply(rumour()).unwrap();
    let mut x = common::annotation("x", "rumour", common::range(0, 3));
    x.modified = common::AT.into();
    a.session.apply(Command::Tag(x)).unwrap();
    a.sync(&mut couch);
    let merge = b.read_feed(&couch);
    assert_eq!(merge.put, vec![]);
    assert!(
        merge.not_read[0].contains("\"rumour\""),
        "{:?}",
        merge.not_read
    );
    let kept = b.kept();

    // B takes the tag too (a tag set file, say) and opens the article again.
    b.session.apply(rumour()).unwrap();
    b.reopen(&couch, kept);
    assert!(b.session.get(&"x".into()).is_some(), "it comes in");
    b.sync(&mut couch);
    let doc = Key::Annotation("x".into()).doc_id(b.replica.sha());
    assert!(!couch.docs[&doc].2, "not deleted on the server");
    a.pull(&couch);
    assert!(a.session.get(&"x".into()).is_some());
}

#[test]
fn a_change_made_here_before_the_first_look_is_sent_even_without_a_pending_record() {
    let a = session(TEXT);
    let (mut couch, mut a) = (Couch::default(), Client::new(a));
    a.connect(&couch);
    a.sync(&mut couch);
    let kept = Kept {
        since: a.replica.since().unwrap(),
        ..Kept::default()
    };
    // Offline from the start of a visit: no replica yet, nothing kept.
    a.retag("a1", "claim", "2030-01-01T00:00:00.000Z");
    a.session
        .apply(Command::Remove { id: "a2".into() })
        .unwrap();
    a.reopen(&couch, kept);
    assert_eq!(a.waiting(), 1, "the retag, later than the server's");
    a.sync(&mut couch);
    let fresh = Session::with_schema(a.session.article().clone(), a.session.schema().clone());
    let mut c = Client::new(fresh);
    c.connect(&couch);
    assert_eq!(c.session.get(&"a1".into()).unwrap().tag.as_str(), "claim");
    assert!(
        c.session.get(&"a2".into()).is_some(),
        "a deletion not recorded as pending is not sent: the annotation is kept"
    );
}

#[test]
fn a_write_of_this_tab_the_feed_had_not_shown_back_is_no_conflict_on_reopen() {
    let a = session(TEXT);
    let (mut couch, mut a) = (Couch::default(), Client::new(a));
    a.connect(&couch);
    a.sync(&mut couch);
    // Pushed, then the server is gone before the feed shows it back.
    a.retag("a1", "claim", "2026-01-02T04:00:00.000Z");
    a.push(&mut couch);
    a.retag("a1", "quote", "2026-01-02T04:00:01.000Z");
    a.note_changes();
    let kept = a.kept();
    assert_eq!(kept.written.len(), 1, "{kept:?}");
    a.reopen(&couch, kept);
    assert_eq!(
        a.replica.conflicts(),
        &[],
        "the server's change since is this tab's own"
    );
    assert_eq!(a.waiting(), 1);
    a.sync(&mut couch);
    let doc = Key::Annotation("a1".into()).doc_id(a.replica.sha());
    assert_eq!(couch.docs[&doc].1["annotation"]["tag"], "quote");
    let kept = a.kept();
    assert_eq!(kept.written, vec![], "shown back by the feed: forgotten");
}

#[test]
fn a_record_kept_before_revisions_were_kept_still_reads() {
    let kept: Kept = serde_json::from_str(r#"["7",["a1","r:r2"]]"#).unwrap();
    assert_eq!((kept.since.as_str(), kept.written.len()), ("7", 0));
    assert_eq!(
        Key::from_kept(&kept.pending[0]),
        Key::Annotation("a1".into())
    );
    assert_eq!(Key::from_kept(&kept.pending[1]), Key::Relation("r2".into()));
}

#[test]
fn a_document_this_tab_cannot_read_is_neither_deleted_nor_overwritten_on_reopen() {
    let (mut couch, mut a, mut b) = pair(session(TEXT));
    let kept = b.kept();
    // While B is away, A retags a1 to a tag of A's own set only.
    a.session.apply(rumour()).unwrap();
    a.retag("a1", "rumour", "2026-01-02T05:00:00.000Z");
    a.sync(&mut couch);
    let base = b.base(&couch, &kept);
    let merge = b.look(&couch, Some(base));
    assert!(
        merge.not_read[0].contains("\"rumour\""),
        "{:?}",
        merge.not_read
    );
    assert!(merge.remove.is_empty(), "not taken as deleted");
    b.bring_in(merge.command());
    assert!(b.session.get(&"a1".into()).is_some());
    b.replica.touch_all(&b.session);
    assert_eq!(b.replica.outgoing(&b.session), None, "nor overwritten");
}

#[test]
fn a_teammates_revision_over_an_unechoed_write_is_not_kept_as_this_tabs() {
    let (mut couch, mut a, mut b) = pair(session(TEXT));
    a.retag("a1", "claim", "2026-01-02T05:00:00.000Z");
    a.push(&mut couch);
    b.pull(&couch);
    b.retag("a1", "quote", "2026-01-02T05:00:01.000Z");
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(a.session.get(&"a1".into()).unwrap().tag.as_str(), "quote");
    assert!(a.kept().written.is_empty(), "B's revision is not A's write");
}

#[test]
fn a_push_refused_for_a_revision_this_tab_cannot_read_does_not_wait_forever() {
    let (mut couch, mut a, mut b) = pair(session(TEXT));
    // B's retag is in flight when A's retag to a tag B's set lacks is written.
    b.retag("a1", "claim", "2026-01-02T05:00:00.000Z");
    b.note_changes();
    let body = b.replica.outgoing(&b.session).unwrap();
    a.session.apply(rumour()).unwrap();
    a.retag("a1", "rumour", "2026-01-02T05:00:01.000Z");
    a.sync(&mut couch);
    let merge = b.read_feed(&couch);
    assert!(
        merge.not_read[0].contains("\"rumour\""),
        "{:?}",
        merge.not_read
    );
    let reply = couch.bulk_docs(&body);
    assert!(reply.contains("conflict"), "{reply}");
    b.replica.pushed(&reply).unwrap();
    assert_eq!(
        b.waiting(),
        0,
        "not stuck waiting for a version it cannot read"
    );
    assert_eq!(b.replica.outgoing(&b.session), None, "nor pushed over it");
}

#[test]
fn a_deletion_counted_as_pending_without_a_kept_record_is_sent_not_undone() {
    let a = session(TEXT);
    let (mut couch, mut a) = (Couch::default(), Client::new(a));
    a.connect(&couch);
    a.sync(&mut couch);
    // A new browser profile (no kept record) on the same library: the page
    // counts the changes made before its first look as pending.
    a.session
        .apply(Command::Remove { id: "a2".into() })
        .unwrap();
    let early = vec![Key::Annotation("a2".into())];
    let base = Base::new(Vec::new(), &Kept::default()).with_pending(early);
    let merge = a.look(&couch, Some(base));
    assert_eq!(merge.command(), None, "the deletion is not undone");
    a.sync(&mut couch);
    let doc = Key::Annotation("a2".into()).doc_id(a.replica.sha());
    assert!(couch.docs[&doc].2, "it is sent");
}
