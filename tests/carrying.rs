//! Carrying annotations to a new version, in the UI store: when a file is
//! another version of the open article, and attaching an orphan to the
//! selection with A (undo makes it an orphan again).

use annotator::keymap::{ArticleKey, Reading};
use annotator::model::reanchor::carry;
use annotator::model::{Annotation, Article, CharOffset, Command, Session, TagId, TextRange};
use annotator::ui::carrying::is_new_version;
use annotator::ui::messages;
use annotator::ui::store::{Action, Cursor, Notice, Saving, State};
use std::rc::Rc;

const AT: &str = "2026-12-03T04:05:06.000Z";
const OLD: &str = "The mayor said the bridge will close. Police said the suspect fled. 市长说。";
const NEW: &str = "The mayor said the bridge will close. 市长说: nobody fled.";

fn article(text: &str) -> Article {
    Article::from_plain("Bridge".into(), "bridge.txt".into(), text.into())
}

fn range(text: &str, quote: &str) -> TextRange {
    let start = text[..text.find(quote).expect("in text")].chars().count();
    TextRange::new(
        CharOffset::new(start),
        CharOffset::new(start + quote.chars().count()),
    )
    .unwrap()
}

/// A state on NEW with "the suspect fled" (claim) and "Police said" (source)
/// not placed.
fn carried_state() -> Rc<State> {
    let mut old = Session::new(article(OLD));
    for (id, tag, quote) in [
        ("a", "claim", "the suspect fled"),
        ("b", "source", "Police said"),
    ] {
        let a = Annotation {
            id: id.into(),
            tag: TagId::from(tag),
            range: range(OLD, quote),
            note: format!("note {id}"),
            fields: Default::default(),
            created: AT.into(),
            modified: AT.into(),
            creator: String::new(),
            adjudicated_from: Vec::new(),
        };
        old.apply(Command::Tag(a)).unwrap();
    }
    let (session, summary) = carry(&old, article(NEW)).unwrap();
    assert_eq!(summary.orphaned, 2);
    Rc::new(State::new(session, None, Saving::On))
}

fn select(s: Rc<State>, quote: &str) -> Rc<State> {
    let r = range(NEW, quote);
    let cursor = Cursor {
        anchor: r.start(),
        head: r.end(),
    };
    State::update(
        s,
        Action::Selected {
            cursor: Some(cursor),
            clipped: false,
        },
    )
}

fn press_a(s: Rc<State>) -> Rc<State> {
    State::update(
        s,
        Action::Key {
            key: ArticleKey::Reading(Reading::Attach),
            at: AT.into(),
        },
    )
}

#[test]
fn a_new_version_is_the_same_title_url_or_file_with_other_text() {
    let (old, new) = (article(OLD), article(NEW));
    assert!(is_new_version(&old, &new));
    assert!(!is_new_version(&old, &old), "same text: nothing to carry");
    let other = Article::from_plain("Other".into(), "other.txt".into(), NEW.into());
    assert!(!is_new_version(&old, &other), "another article");
}

#[test]
fn a_attaches_the_picked_orphan_to_the_selection_and_undo_brings_it_back() {
    let s = press_a(carried_state());
    assert_eq!(
        s.notice,
        Some(Notice::Info(messages::SELECT_TO_ATTACH.into())),
        "nothing selected"
    );
    let s = State::update(s, Action::PickOrphan("b".into()));
    let s = press_a(select(s, "市长说"));
    let session = s.doc.session();
    let a = &session.annotations()[0];
    assert_eq!(
        (a.id.as_str(), a.tag.as_str(), a.note.as_str()),
        ("b", "source", "note b")
    );
    assert_eq!(session.article().text.slice(a.range), "市长说");
    let left: Vec<_> = session
        .orphans()
        .map(|o| o.annotation.id.to_string())
        .collect();
    assert_eq!(left, ["a"]);
    drop(session);
    let s = State::update(s, Action::Undo);
    assert_eq!(s.doc.session().orphans().count(), 2);
    assert!(s.doc.session().annotations().is_empty());
}

#[test]
fn a_without_orphans_does_nothing() {
    let s = Rc::new(State::new(Session::new(article(NEW)), None, Saving::On));
    let after = press_a(select(s.clone(), "nobody"));
    assert!(after.doc.session().annotations().is_empty());
}
