//! The tag set through a CouchDB database (`model::sync`): one document
//! per article, `tags:<sha>`, taken with the changes that make it fit,
//! waiting as a conflict while it does not fit here.

mod common;

use annotator::model::sync::{Key, Record};
use annotator::model::{Command, Disposal, Session, TagDef};
use common::couch::{Client, Couch};
use common::{render, session, AT};

/// a1 "mayor" (source), a2 the quote, a3 "office" (source).
const TEXT: &str =
    "The [mayor]{source} said [“the bridge opens in May”]{quote}. Her [office]{source} disagreed.";

fn pair() -> (Couch, Client, Client) {
    let a = session(TEXT);
    let b = Session::with_schema(a.article().clone(), a.schema().clone());
    let (mut couch, mut a, mut b) = (Couch::default(), Client::new(a), Client::new(b));
    a.connect(&couch);
    a.sync(&mut couch);
    b.connect(&couch);
    b.sync(&mut couch);
    (couch, a, b)
}

fn tags(s: &Session) -> Vec<&str> {
    s.schema().tags().iter().map(|t| t.id.as_str()).collect()
}

fn remove_sources(c: &mut Client) {
    c.session
        .apply(Command::RemoveTag {
            id: "source".into(),
            then: Disposal::Retag("claim".into()),
            at: AT.into(),
        })
        .unwrap();
}

#[test]
fn a_new_tag_and_what_it_tags_reach_a_teammate() {
    let (mut couch, mut a, mut b) = pair();
    let doc = Key::TagSet.doc_id(a.replica.sha());
    assert_eq!(doc, format!("tags:{}", a.replica.sha()));
    assert!(couch.docs.contains_key(&doc), "put on the first look");
    a.session
        .apply(Command::AddTag(TagDef::new("rumour", "Rumour")))
        .unwrap();
    a.session
        .apply(Command::Tag(common::annotation(
            "x",
            "rumour",
            common::range(0, 3),
        )))
        .unwrap();
    a.sync(&mut couch);
    assert_eq!(couch.docs[&doc].1["type"], "tags");

    // The feed brings the annotation before the tag set: it is read again
    // by the look that follows the new set (the page does this itself).
    let since = b.replica.since().unwrap();
    let merge = b
        .replica
        .incoming(&b.session, &couch.changes(&since))
        .unwrap();
    assert!(merge.tag_set.is_some());
    b.bring_in(merge.command());
    assert_eq!(tags(&b.session), vec!["claim", "quote", "source", "rumour"]);
    let kept = b.kept();
    b.reopen(&couch, kept);
    assert_eq!(render(&b.session), render(&a.session));
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
}

#[test]
fn a_removed_tag_comes_in_with_the_retags_that_make_it_fit() {
    let (mut couch, mut a, mut b) = pair();
    remove_sources(&mut a);
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(tags(&b.session), vec!["claim", "quote"]);
    assert_eq!(render(&b.session), render(&a.session));
    // One step: undone here, it goes back out, for everyone.
    b.session.undo().unwrap();
    assert_eq!(tags(&b.session), vec!["claim", "quote", "source"]);
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(render(&a.session), render(&b.session));
}

#[test]
fn a_tag_set_that_does_not_fit_here_waits_as_a_conflict_until_it_does() {
    let (mut couch, mut a, mut b) = pair();
    // B tags a new source while A removes the tag.
    b.session
        .apply(Command::Tag(common::annotation(
            "b1",
            "source",
            common::range(0, 3),
        )))
        .unwrap();
    b.note_changes();
    remove_sources(&mut a);
    a.sync(&mut couch);
    b.pull(&couch);
    assert_eq!(
        tags(&b.session),
        vec!["claim", "quote", "source"],
        "not taken"
    );
    let c = b.replica.conflicts().to_vec();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].key, Key::TagSet);
    assert!(matches!(&c[0].theirs, Some(Record::TagSet(s)) if s.tag(&"source".into()).is_none()));
    assert_eq!(
        b.session.get(&"a1".into()).unwrap().tag.as_str(),
        "claim",
        "the retags came in"
    );

    // Keeping theirs while b1 is still a source: it still does not fit.
    let merge = b.replica.resolve(&b.session, &Key::TagSet, false).unwrap();
    assert_eq!(merge.command(), None);
    assert_eq!(b.replica.conflicts().len(), 1);
    b.retag("b1", "claim", "2026-01-03T00:00:00.000Z");
    let merge = b.replica.resolve(&b.session, &Key::TagSet, false).unwrap();
    b.bring_in(merge.command());
    assert_eq!(tags(&b.session), vec!["claim", "quote"]);
    assert!(b.replica.conflicts().is_empty());
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(render(&a.session), render(&b.session));
}

#[test]
fn both_change_the_tag_set_and_the_one_kept_reaches_the_other() {
    let (mut couch, mut a, mut b) = pair();
    a.session
        .apply(Command::AddTag(TagDef::new("rumour", "Rumour")))
        .unwrap();
    b.session
        .apply(Command::AddTag(TagDef::new("statistic", "Statistic")))
        .unwrap();
    a.sync(&mut couch);
    b.sync(&mut couch);
    let c = b.replica.conflicts().to_vec();
    assert_eq!(c.len(), 1, "both changed it");
    assert_eq!(c[0].key, Key::TagSet);
    assert_eq!(b.replica.resolve(&b.session, &Key::TagSet, true), None);
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(
        tags(&a.session),
        vec!["claim", "quote", "source", "statistic"]
    );
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
}

#[test]
fn a_merge_refuses_a_tag_set_that_what_it_leaves_does_not_fit() {
    let mut s = session(TEXT);
    let before = render(&s);
    let mut other = session(TEXT);
    other
        .apply(Command::RemoveTag {
            id: "source".into(),
            then: Disposal::Delete,
            at: AT.into(),
        })
        .unwrap();
    let smaller = other.schema().clone();
    let merge = |tag_set| Command::Merge {
        put: vec![],
        remove: vec![],
        link: vec![],
        unlink: vec![],
        tag_set: Some(tag_set),
    };
    let refused = s.apply(merge(smaller.clone())).unwrap_err();
    assert!(refused.to_string().contains("source"), "{refused}");
    assert_eq!(render(&s), before);
    // With the sources removed in the same merge, it fits.
    let fits = Command::Merge {
        put: vec![],
        remove: vec!["a1".into(), "a3".into()],
        link: vec![],
        unlink: vec![],
        tag_set: Some(smaller),
    };
    s.apply(fits).unwrap();
    assert_eq!(tags(&s), vec!["claim", "quote"]);
    s.undo().unwrap();
    assert_eq!(render(&s), before);
    assert_eq!(tags(&s), vec!["claim", "quote", "source"]);
}

#[test]
fn what_only_a_waiting_tag_set_takes_waits_with_it_and_comes_in_after_it() {
    let (mut couch, mut a, mut b) = pair();
    b.session
        .apply(Command::Tag(common::annotation(
            "b1",
            "source",
            common::range(0, 3),
        )))
        .unwrap();
    b.note_changes();
    a.session
        .apply(Command::AddTag(TagDef::new("rumour", "Rumour")))
        .unwrap();
    a.session
        .apply(Command::Tag(common::annotation(
            "x",
            "rumour",
            common::range(4, 9),
        )))
        .unwrap();
    remove_sources(&mut a);
    a.sync(&mut couch);
    let since = b.replica.since().unwrap();
    let merge = b
        .replica
        .incoming(&b.session, &couch.changes(&since))
        .unwrap();
    assert_eq!(merge.tag_set, None, "it does not fit: b1 is a source");
    assert!(
        merge.not_read.iter().any(|w| w.contains("annotation x")),
        "{:?}",
        merge.not_read
    );
    b.bring_in(merge.command());
    assert!(b.session.get(&"x".into()).is_none());
    b.replica.touch_all(&b.session);
    assert_eq!(b.waiting(), 2, "b1 and the conflict; x is not deleted");

    b.retag("b1", "claim", "2026-01-03T00:00:00.000Z");
    let merge = b.replica.resolve(&b.session, &Key::TagSet, false).unwrap();
    b.bring_in(merge.command());
    // The page looks at the server again after a new tag set.
    let kept = b.kept();
    b.reopen(&couch, kept);
    assert!(b.session.get(&"x".into()).is_some());
    b.sync(&mut couch);
    a.pull(&couch);
    assert_eq!(render(&a.session), render(&b.session));
    assert_eq!((a.waiting(), b.waiting()), (0, 0));
}
