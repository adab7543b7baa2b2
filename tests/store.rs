//! The UI store natively: what each action does to the state the page
//! renders from. Fixtures are marker strings (see `common/mod.rs`); the
//! cursor is given by the text it selects.

mod common;

use annotator::keymap::{ArticleKey, Reading, Resizing};
use annotator::model::cursor::Unit;
use annotator::model::{AnnotationId, CharOffset, Command, FieldValue, Fields, TagId};
use annotator::ui::store::{Action, Cursor, Notice, Saving, State};
use annotator::ui::{linking, messages};
use common::{render, session};
use std::rc::Rc;

const AT: &str = "2026-02-03T04:05:06.000Z";

fn state(marked: &str) -> Rc<State> {
    Rc::new(State::new(session(marked), None, Saving::On))
}

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, State::update)
}

/// The cursor over the `nth` occurrence of `needle`, anchor at its start.
fn over(s: &State, needle: &str) -> Cursor {
    let text = s.doc.session().article().text.as_str().to_owned();
    let byte = text.find(needle).expect("needle in the text");
    let start = text[..byte].chars().count();
    Cursor {
        anchor: CharOffset::new(start),
        head: CharOffset::new(start + needle.chars().count()),
    }
}

fn selected(cursor: Cursor) -> Action {
    Action::Selected {
        cursor: Some(cursor),
        clipped: false,
    }
}

fn key(k: Reading) -> Action {
    Action::Key {
        key: ArticleKey::Reading(k),
        at: AT.into(),
    }
}

fn tag(t: &str, id: &str) -> Action {
    Action::Tag {
        tag: t.into(),
        note: String::new(),
        fields: Fields::new(),
        id: AnnotationId::from(id),
        at: AT.into(),
    }
}

fn rendered(s: &State) -> String {
    render(&s.doc.session())
}

#[test]
fn ctrl_enter_tags_the_cursor_and_collapses_it_at_the_end() {
    let s = state("The sky is green, said Ann.");
    let c = over(&s, "sky is green");
    let s = run(s, [selected(c), Action::OpenChooser]);
    let pending = s.chooser.clone().expect("the chooser opens");
    assert_eq!(pending.range, c.range());
    assert_eq!(pending.tag, "claim", "the first tag is offered first");
    let s = run(s, [tag("quote", "n1")]);
    assert_eq!(rendered(&s), "The [sky is green]{quote}, said Ann.");
    assert!(s.chooser.is_none());
    assert_eq!(s.cursor, Cursor::at(c.head));
    assert!(
        !s.selection_shown,
        "the page is to show the collapsed cursor"
    );
    assert_eq!(s.focused, Some(AnnotationId::from("n1")));
    assert_eq!(s.announcement, "Quote added: “sky is green”. 1 quote.");
    assert_eq!(s.last_tag, "quote");
    assert!(s.doc.session().has_unexported());
}

#[test]
fn ctrl_enter_without_a_selection_explains() {
    let s = run(state("Nothing selected."), [Action::OpenChooser]);
    assert!(s.chooser.is_none());
    assert_eq!(s.notice, Some(Notice::Info(messages::SELECT_FIRST.into())));
    // White space alone is no selection either.
    let blank = Cursor {
        anchor: CharOffset::new(7),
        head: CharOffset::new(8),
    };
    let s = run(
        state("Nothing selected."),
        [selected(blank), Action::OpenChooser],
    );
    assert!(s.chooser.is_none());
}

#[test]
fn a_selection_is_trimmed_and_a_backward_one_tags_the_same() {
    let s = state("Say  hello world  now");
    let c = over(&s, "  hello world  ");
    let backward = Cursor {
        anchor: c.head,
        head: c.anchor,
    };
    let s = run(
        s,
        [selected(backward), Action::OpenChooser, tag("source", "n1")],
    );
    assert_eq!(rendered(&s), "Say  [hello world]{source}  now");
}

#[test]
fn a_selection_outside_the_article_collapses_the_cursor_where_it_was() {
    let s = state("One two three.");
    let c = over(&s, "two");
    let s = run(
        s,
        [
            selected(c),
            Action::Selected {
                cursor: None,
                clipped: false,
            },
        ],
    );
    assert_eq!(s.cursor, Cursor::at(c.head));
    assert!(s.selection_shown, "the user's selection elsewhere stays");
    let s = run(s, [Action::OpenChooser]);
    assert!(s.chooser.is_none());
}

#[test]
fn a_clipped_selection_is_shown_again_and_mouse_selections_snap_to_words() {
    let s = state("Harbour town votes today.");
    let partial = Cursor {
        anchor: CharOffset::new(2),
        head: CharOffset::new(10),
    };
    let s = run(
        s,
        [Action::Selected {
            cursor: Some(partial),
            clipped: true,
        }],
    );
    assert!(
        !s.selection_shown,
        "the page shows more than the article part"
    );
    // The drag began above the article: no click.
    let s = run(
        s,
        [Action::Pointer {
            exact: false,
            click: false,
        }],
    );
    assert_eq!(s.cursor, over(&s, "Harbour town"));
    let exact = run(
        state("Harbour town votes today."),
        [
            selected(partial),
            Action::Pointer {
                exact: true,
                click: true,
            },
        ],
    );
    assert_eq!(exact.cursor, partial, "Alt keeps character precision");
}

#[test]
fn clicks_cycle_through_the_annotations_under_the_pointer() {
    let s = state("[Mayor [Ann]{source} said]{quote} so.");
    let on_ann = Cursor::at(CharOffset::new(7));
    let released_elsewhere = Action::Pointer {
        exact: false,
        click: false,
    };
    let s = run(s, [selected(on_ann), released_elsewhere]);
    assert_eq!(s.focused, None, "only a press in the article is a click");
    let s = run(
        s,
        [Action::Pointer {
            exact: false,
            click: true,
        }],
    );
    assert_eq!(s.focused, Some(AnnotationId::from("a1")), "innermost first");
    let s = run(
        s,
        [Action::Pointer {
            exact: false,
            click: true,
        }],
    );
    assert_eq!(s.focused, Some(AnnotationId::from("a2")));
    let s = run(
        s,
        [Action::Pointer {
            exact: false,
            click: true,
        }],
    );
    assert_eq!(s.focused, Some(AnnotationId::from("a1")), "and round again");
}

#[test]
fn escape_in_the_chooser_gives_back_the_selection() {
    let s = state("Elin Sørensen spoke.");
    let c = over(&s, "Elin Sørensen");
    let s = run(s, [selected(c), Action::OpenChooser]);
    // Focusing the note field moves the document selection out of the article.
    let s = run(
        s,
        [
            Action::Selected {
                cursor: None,
                clipped: false,
            },
            Action::CloseChooser,
        ],
    );
    assert_eq!(s.cursor, c);
    assert!(!s.selection_shown);
    assert_eq!(rendered(&s), "Elin Sørensen spoke.");
}

#[test]
fn keyboard_selection_tag_edit_resize_and_delete() {
    let s = state("The council voted. We cannot ask three hundred families to wait.");
    let s = run(
        s,
        [
            key(Reading::Move {
                unit: Unit::Sentence,
                forward: true,
                extend: false,
            }),
            key(Reading::Move {
                unit: Unit::Word,
                forward: true,
                extend: false,
            }),
            key(Reading::Select(Unit::Sentence)),
        ],
    );
    assert_eq!(
        s.announcement,
        "Selected: “We cannot ask three hundred families to wait.”."
    );
    let s = run(s, [Action::OpenChooser, tag("claim", "k1")]);
    assert_eq!(
        rendered(&s),
        "The council voted. [We cannot ask three hundred families to wait.]{claim}"
    );
    // Enter edits the focused annotation: the chooser offers its tag and note.
    let s = run(s, [key(Reading::Edit)]);
    let pending = s.chooser.clone().expect("editing opens the chooser");
    assert_eq!(
        (pending.editing, pending.tag),
        (Some(AnnotationId::from("k1")), TagId::from("claim"))
    );
    let s = run(
        s,
        [Action::Tag {
            tag: "quote".into(),
            note: "checked".into(),
            fields: Fields::new(),
            id: AnnotationId::from("unused"),
            at: AT.into(),
        }],
    );
    assert_eq!(s.doc.session().annotations()[0].note, "checked");
    assert_eq!(s.doc.session().count(&"quote".into()), 1);
    // R, then Shift+← moves the start back over "voted.".
    let shrink = |s| {
        run(
            s,
            [Action::Key {
                key: ArticleKey::Resizing(Resizing::Move {
                    start: true,
                    forward: false,
                }),
                at: AT.into(),
            }],
        )
    };
    let s = run(s, [key(Reading::Resize)]);
    assert!(s.resizing);
    let s = shrink(s);
    assert_eq!(
        rendered(&s),
        "The council [voted. We cannot ask three hundred families to wait.]{quote}"
    );
    let s = run(
        s,
        [
            Action::Key {
                key: ArticleKey::Resizing(Resizing::Done),
                at: AT.into(),
            },
            key(Reading::Delete),
        ],
    );
    assert!(!s.resizing);
    assert_eq!(
        rendered(&s),
        "The council voted. We cannot ask three hundred families to wait."
    );
    assert_eq!(s.focused, None);
}

#[test]
fn brackets_walk_the_annotations_in_reading_order() {
    let s = state("[One]{claim} and [two]{quote} and [three]{source}.");
    let next = key(Reading::Annotation { next: true });
    let s = run(s, [next.clone()]);
    assert_eq!(
        s.announcement,
        "Claim 1 of 3: “One”. Enter edits, Delete deletes, R resizes."
    );
    let s = run(s, [next.clone(), next.clone()]);
    assert_eq!(s.focused, Some(AnnotationId::from("a3")));
    let s = run(s, [next]);
    assert_eq!(s.announcement, "No next annotation.");
    assert_eq!(s.focused, Some(AnnotationId::from("a3")), "focus stays");
}

#[test]
fn undo_and_redo_say_what_they_did() {
    let s = state("A [claim]{claim} here.");
    let s = run(s, [Action::Undo]);
    // The change undo made: the claim is gone again.
    assert_eq!(s.announcement, "Undone: Claim deleted: “claim”. 0 claims.");
    assert_eq!(rendered(&s), "A claim here.");
    let s = run(s, [Action::Redo]);
    assert_eq!(s.announcement, "Redone: Claim added: “claim”. 1 claim.");
    let s = run(s, [Action::Undo, Action::Undo]);
    assert_eq!(
        s.notice,
        Some(Notice::Info(messages::NOTHING_TO_UNDO.into()))
    );
}

#[test]
fn export_clears_unexported_and_counts_in_words() {
    let s = state("[One]{claim} thing.");
    assert!(s.doc.session().has_unexported());
    let s = run(
        s,
        [Action::Exported {
            file_name: "x.annotations.json".into(),
        }],
    );
    assert!(!s.doc.session().has_unexported());
    assert_eq!(
        s.notice,
        Some(Notice::Info(
            "Exported 1 annotation to x.annotations.json.".into()
        ))
    );
}

#[test]
fn an_action_that_changes_nothing_keeps_the_state() {
    let s = run(state("Some text."), [selected(Cursor::default())]);
    for action in [
        Action::Dismiss,
        Action::Help(false),
        Action::CloseChooser,
        selected(Cursor::default()),
        key(Reading::Back),
        tag("claim", "x"),
    ] {
        let label = format!("{action:?}");
        let after = State::update(s.clone(), action);
        assert!(Rc::ptr_eq(&s, &after), "{label} re-rendered");
    }
    let after = State::update(
        s.clone(),
        Action::Pointer {
            exact: false,
            click: true,
        },
    );
    assert!(
        !Rc::ptr_eq(&s, &after),
        "a pointer release always shows the selection again"
    );
}

#[test]
fn a_problem_is_shown_and_changes_nothing() {
    let s = state("[One]{claim} thing.");
    let s = run(
        s,
        [Action::Apply(Command::Retag {
            id: AnnotationId::from("gone"),
            tag: "quote".into(),
            at: AT.into(),
        })],
    );
    assert!(matches!(s.notice, Some(Notice::Error(_))));
    assert_eq!(rendered(&s), "[One]{claim} thing.");
}

#[test]
fn entering_an_annotation_is_announced_once() {
    let s = state("Before [inside]{quote} after.");
    let into = Cursor::at(CharOffset::new(9));
    let s = run(s, [selected(into)]);
    assert_eq!(s.announcement, "In quote: “inside”.");
    let s = run(
        s,
        [
            key(Reading::Annotation { next: false }),
            selected(Cursor::at(CharOffset::new(10))),
        ],
    );
    assert_eq!(
        s.announcement, "Quote 1 of 1: “inside”. Enter edits, Delete deletes, R resizes.",
        "moving inside the same annotation says nothing new"
    );
}

#[test]
fn deleting_an_annotation_says_which_relations_went_with_it() {
    let s = state("[Zas]{source#z} said [it]{quote -said-by-> z}.");
    let s = run(
        s,
        [
            key(Reading::Annotation { next: true }),
            key(Reading::Delete),
        ],
    );
    assert_eq!(
        s.announcement,
        "Source deleted: “Zas”. 0 sources. 1 relation removed."
    );
    assert_eq!(rendered(&s), "Zas said [it]{quote}.");
    let s = run(s, [Action::Undo]);
    assert_eq!(s.announcement, "Undone: Source added: “Zas”. 1 source.");
    assert_eq!(
        rendered(&s),
        "[Zas]{source#z} said [it]{quote -said-by-> z}."
    );
}

#[test]
fn a_file_with_another_tag_set_resets_the_tag_offered_first() {
    use annotator::model::format::{export, import};
    use annotator::model::Schema;
    let s = state("One two.");
    let c = over(&s, "One");
    let s = run(s, [selected(c), Action::OpenChooser, tag("quote", "n1")]);
    assert_eq!(s.last_tag, "quote");
    let mut parts = Schema::default().to_parts();
    parts.tags.retain(|t| t.id != "quote");
    parts.relations.clear();
    let schema = Schema::new(parts.tags, parts.relations).unwrap();
    let file = export(&common::session_with(schema, "[Two]{source} three."));
    let s = run(
        s,
        [Action::Import(Box::new(import(file.as_bytes()).unwrap()))],
    );
    assert_eq!(s.last_tag, "claim", "quote is not in the new tag set");
    let two = over(&s, "Two");
    let s = run(s, [selected(two), Action::OpenChooser]);
    assert_eq!(s.chooser.as_ref().map(|p| p.tag.as_str()), Some("claim"));
}

#[test]
fn the_chooser_saves_fields_and_editing_starts_from_them() {
    let s = state("The sky is green, said Ann.");
    let c = over(&s, "sky is green");
    let verdict: Fields = [("verdict".into(), FieldValue::from("False"))].into();
    let s = run(
        s,
        [
            selected(c),
            Action::OpenChooser,
            Action::Tag {
                tag: "claim".into(),
                note: String::new(),
                // A field the tag does not have is not kept.
                fields: [
                    ("verdict".into(), FieldValue::from("False")),
                    ("role".into(), FieldValue::from("x")),
                ]
                .into(),
                id: AnnotationId::from("c1"),
                at: AT.into(),
            },
        ],
    );
    assert_eq!(s.doc.session().annotations()[0].fields, verdict);
    let s = run(s, [key(Reading::Edit)]);
    assert_eq!(s.chooser.as_ref().map(|p| &p.fields), Some(&verdict));
    let s = run(s, [Action::Undo]);
    assert!(s.doc.session().annotations().is_empty(), "one undo step");
}

fn link_to(to: Option<&str>, id: &str) -> Action {
    Action::LinkTo {
        to: to.map(AnnotationId::from),
        id: id.into(),
        at: AT.into(),
    }
}

#[test]
fn a_quote_is_linked_to_its_source_with_keys_alone() {
    let s = state("[Zas]{source#s} and [Ann]{source#a}: [“it rains”]{quote#q} and [so]{claim#c}.");
    // Without a focused annotation L says what to do.
    let s = run(s, [key(Reading::Link)]);
    assert!(s.linking.is_none());
    assert_eq!(
        s.notice,
        Some(Notice::Info(messages::LINK_FOCUS_FIRST.into()))
    );
    let s = run(s, [Action::Focus(Some("q".into())), key(Reading::Link)]);
    let l = s.linking.clone().expect("L opens the link dialog");
    let session = s.doc.session();
    let names: Vec<&str> = linking::candidates(&session, &l)
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(names, ["a", "s"], "said-by: sources, nearest first");
    drop(session);
    // Typing filters; ↓ stops at the last candidate.
    let s = run(
        s,
        [
            Action::LinkFilter("zas".into()),
            Action::LinkMove { forward: true },
            link_to(None, "r1"),
        ],
    );
    assert!(s.linking.is_none(), "linking closes the dialog");
    assert_eq!(s.focused, Some("q".into()), "the quote stays focused");
    assert_eq!(
        render(&s.doc.session()),
        "[Zas]{source#s} and [Ann]{source}: [“it rains”]{quote#q -said-by-> s} and [so]{claim}."
    );
    // F follows the link to the source, and back.
    let s = run(s, [key(Reading::Follow)]);
    assert_eq!(s.focused, Some("s".into()));
    assert!(
        s.announcement.starts_with("Said by: \"Zas\""),
        "{}",
        s.announcement
    );
    let s = run(s, [Action::Undo]);
    assert_eq!(s.doc.session().relations().len(), 0, "undo unlinks");
    let s = run(s, [Action::Redo]);
    assert_eq!(s.doc.session().relations().len(), 1, "redo links again");
}

#[test]
fn the_other_end_links_too_and_each_option_has_its_own_candidates() {
    let s = state("[Zas]{source#s}: [“it rains”]{quote#q} and [so]{claim#c}.");
    let s = run(s, [Action::Focus(Some("s".into())), key(Reading::Link)]);
    let session = s.doc.session();
    let l = s.linking.clone().unwrap();
    let a = session.get(&"s".into()).unwrap();
    let labels: Vec<&str> = linking::options(&session, a)
        .iter()
        .map(|o| linking::option_label(&session, o))
        .collect();
    assert_eq!(
        labels,
        ["Supports", "Contradicts", "Source of", "Evidence for"]
    );
    let ids = |l: &linking::Linking| -> Vec<String> {
        linking::candidates(&session, l)
            .iter()
            .map(|a| a.id.to_string())
            .collect()
    };
    assert_eq!(ids(&l), ["c"], "supports: a source → claims");
    let source_of = linking::Linking { option: 2, ..l };
    assert_eq!(ids(&source_of), ["q", "c"], "said by, from its end");
    drop(session);
    let s = run(s, [Action::LinkOption(2), link_to(Some("c"), "r1")]);
    assert_eq!(
        render(&s.doc.session()),
        "[Zas]{source#s}: [“it rains”]{quote} and [so]{claim#c -said-by-> s}."
    );
    // F from the source follows its link to the claim.
    let s = run(s, [Action::Focus(Some("s".into())), key(Reading::Follow)]);
    assert_eq!(s.focused, Some("c".into()));
    let s = run(s, [Action::CloseLink, Action::Focus(None)]);
    assert!(s.linking.is_none());
}

#[test]
fn t_opens_the_tags_dialog_and_the_chooser_waits_until_it_closes() {
    let s = state("One two.");
    let c = over(&s, "One");
    let s = run(s, [selected(c), key(Reading::Tags)]);
    assert!(s.tags_open);
    let same = run(s.clone(), [Action::OpenChooser]);
    assert!(Rc::ptr_eq(&s, &same), "Ctrl+Enter does nothing meanwhile");
    assert!(same.chooser.is_none());
    let s = run(s, [Action::Tags(false), Action::OpenChooser]);
    assert!(!s.tags_open);
    assert!(s.chooser.is_some());
}

#[test]
fn tag_set_commands_are_undoable_and_a_removed_tag_is_no_longer_offered() {
    use annotator::model::Disposal;
    let s = state("One [two]{claim}.");
    let statistic = s
        .doc
        .session()
        .schema()
        .suggest_tag("statistic", "Statistic");
    assert_eq!(statistic.key, Some('4'));
    let s = run(s, [Action::Apply(Command::AddTag(statistic.clone()))]);
    assert_eq!(s.announcement, "Tag set changed.");
    let c = over(&s, "One");
    let s = run(
        s,
        [selected(c), Action::OpenChooser, tag("statistic", "n1")],
    );
    assert_eq!(rendered(&s), "[One]{statistic} [two]{claim}.");
    assert_eq!(s.last_tag, "statistic");
    let remove = Command::RemoveTag {
        id: "statistic".into(),
        then: Disposal::Retag("claim".into()),
        at: AT.into(),
    };
    let s = run(s, [Action::Apply(remove)]);
    assert_eq!(rendered(&s), "[One]{claim} [two]{claim}.");
    assert_eq!(
        s.last_tag, "claim",
        "the removed tag gives way to the first"
    );
    assert_eq!(s.focused, Some(AnnotationId::from("n1")), "the focus stays");
    let s = run(s, [Action::Undo]);
    assert_eq!(rendered(&s), "[One]{statistic} [two]{claim}.");
    assert!(s.doc.session().schema().tag_named("statistic").is_some());
    // A second tag of the same label: the model's problem, nothing changed.
    let before = rendered(&s);
    let s = run(s, [Action::Apply(Command::AddTag(statistic))]);
    assert!(
        matches!(&s.notice, Some(Notice::Error(m)) if m.contains("Statistic") || m.contains("statistic")),
        "{:?}",
        s.notice
    );
    assert_eq!(rendered(&s), before);
}

#[test]
fn linking_says_why_when_it_cannot() {
    // A quote with no source to be said by: the dialog opens, Enter says why.
    let s = state("[“it rains”]{quote#q} and [so]{claim#c}.");
    let s = run(
        s,
        [
            Action::Focus(Some("q".into())),
            key(Reading::Link),
            link_to(None, "r1"),
        ],
    );
    assert_eq!(s.notice, Some(Notice::Info(messages::NO_CANDIDATE.into())));
    assert_eq!(s.doc.session().relations().len(), 0);
    assert!(
        s.linking.is_some(),
        "the dialog stays open to pick another relation"
    );
    // A tag no relation type takes: L says so and opens nothing.
    let s = state("One two.");
    let statistic = s
        .doc
        .session()
        .schema()
        .suggest_tag("statistic", "Statistic");
    let c = over(&s, "One");
    let s = run(
        s,
        [
            Action::Apply(Command::AddTag(statistic)),
            selected(c),
            Action::OpenChooser,
            tag("statistic", "n1"),
            Action::Focus(Some("n1".into())),
            key(Reading::Link),
        ],
    );
    assert!(s.linking.is_none());
    assert_eq!(
        s.notice,
        Some(Notice::Info(messages::cannot_link("Statistic")))
    );
}

#[test]
fn annotations_opened_onto_the_open_article_keep_its_page_and_the_cursor() {
    use annotator::model::format::{export, import};
    let s = state("One [two]{claim} three.");
    let c = over(&s, "three");
    let s = run(s, [selected(c)]);
    let (layout, generation) = (s.doc.layout(), s.doc.generation());
    let file = export(&session("One two [three]{quote}."));
    let s = run(
        s,
        [Action::Import(Box::new(import(file.as_bytes()).unwrap()))],
    );
    assert_eq!(s.doc.layout(), layout, "the same text: the page is kept");
    assert_eq!(s.doc.generation(), generation + 1);
    assert_eq!(s.cursor, c, "the reader keeps their place");
    let other = export(&session("Another [text]{claim}."));
    let s = run(
        s,
        [Action::Import(Box::new(import(other.as_bytes()).unwrap()))],
    );
    assert_eq!(s.doc.layout(), layout + 1);
    assert_eq!(s.cursor, Cursor::default());
}

#[test]
fn the_library_names_each_article_and_keeps_the_name_for_its_annotations() {
    use annotator::model::format;
    use annotator::model::library::LibraryKey;
    let s = state("The [sky]{claim} is blue.");
    // Restored from the library: the key is kept, storage holds it.
    let restored = run(
        s,
        [Action::Restore {
            session: Box::new(session("The [sky]{claim} is blue.")),
            kept: Some((LibraryKey::new("k1"), AT.into())),
            notice: None,
            saving: Some(Saving::On),
            resume: None,
        }],
    );
    let kept = restored.kept.clone().expect("kept");
    assert_eq!(
        (kept.key.as_str(), kept.stored, kept.generation),
        ("k1", true, restored.doc.generation())
    );
    assert!(!restored.booting);
    // Annotations opened onto the same article stay that library article,
    // to be written whole.
    let file = format::export(&session("The [sky]{claim} [is]{quote} blue."));
    let imported = format::import(file.as_bytes()).unwrap();
    let same = run(restored.clone(), [Action::Import(Box::new(imported))]);
    let kept = same.kept.clone().expect("still kept");
    assert_eq!(
        (kept.key.as_str(), kept.stored, kept.new),
        ("k1", false, false)
    );
    // A new article is not, until the saver names it for its generation.
    let other =
        annotator::model::Article::from_plain("Other".into(), String::new(), "Other text.".into());
    let opened = run(
        same,
        [Action::Open {
            article: other,
            note: None,
        }],
    );
    assert!(opened.kept.is_none());
    let stale = Action::Kept {
        key: LibraryKey::new("old"),
        generation: 0,
        added: AT.into(),
    };
    let g = opened.doc.generation();
    let named = run(
        opened,
        [
            stale,
            Action::Kept {
                key: LibraryKey::new("k2"),
                generation: g,
                added: AT.into(),
            },
        ],
    );
    let kept = named.kept.clone().expect("named");
    assert_eq!(
        (kept.key.as_str(), kept.stored, kept.new),
        ("k2", false, true)
    );
}
