//! The Tags dialog's changes as model commands, applied to a session: each
//! is one undo step, and what the model refuses changes nothing.

mod common;

use annotator::model::{Command, Cue, Disposal, FieldKind};
use annotator::ui::tag_edit::*;
use common::{render, session, AT};

#[test]
fn ids_are_made_from_labels_and_never_taken() {
    let none = |_: &str| false;
    assert_eq!(id_for("Statistic", "tag", none), "statistic");
    assert_eq!(id_for("  Said by — whom? ", "tag", none), "said-by-whom");
    assert_eq!(id_for("2nd opinion", "tag", none), "nd-opinion");
    assert_eq!(id_for("Ökonomie", "tag", none), "konomie");
    assert_eq!(id_for("Жанр", "tag", none), "tag");
    assert_eq!(id_for("Claim", "tag", |id| id == "claim"), "claim-2");
    assert_eq!(id_for(&"x".repeat(80), "tag", none).len(), 29);
}

#[test]
fn add_tag_takes_the_next_key_and_a_free_colour_and_undo_removes_it() {
    let mut s = session("One [two]{claim}.");
    let Command::AddTag(tag) = add_tag(s.schema(), " Statistic ") else {
        panic!("an AddTag")
    };
    assert_eq!(
        (tag.id.as_str(), tag.label.as_str()),
        ("statistic", "Statistic")
    );
    assert_eq!(
        (tag.key, tag.letter),
        (Some('4'), Some('t')),
        "s is Source's letter"
    );
    assert_eq!(tag.cue, Cue::Dashed);
    s.apply(Command::AddTag(tag.clone())).unwrap();
    let field = field_kind("number", "").unwrap();
    s.apply(add_field(
        s.schema().tag(&tag.id).unwrap(),
        "Value",
        field,
        AT,
    ))
    .unwrap();
    let def = s.schema().tag_named("statistic").unwrap();
    assert_eq!(def.fields[0].id, "value");
    assert_eq!(def.fields[0].kind, FieldKind::Number);
    s.undo();
    assert!(s.schema().tag_named("statistic").unwrap().fields.is_empty());
    s.undo();
    assert!(s.schema().tag_named("statistic").is_none());
    assert_eq!(render(&s), "One [two]{claim}.");
}

#[test]
fn edits_of_a_tag_and_what_the_model_refuses() {
    let mut s = session("One [two]{claim}.");
    let claim = s.schema().tag_named("claim").unwrap().clone();
    s.apply(update_tag(&claim, TagEdit::Label("Assertion".into()), AT))
        .unwrap();
    assert_eq!(s.schema().label(&claim.id), "Assertion");
    let claim = s.schema().tag_named("claim").unwrap().clone();
    let before = s.schema().clone();
    // Quote has key 2 and letter q; an empty label; a letter that is not one.
    for edit in [
        TagEdit::Key(Some('2')),
        TagEdit::Letter(letter_of("Q")),
        TagEdit::Label("  ".into()),
        TagEdit::Letter(letter_of("7")),
    ] {
        assert!(
            s.apply(update_tag(&claim, edit.clone(), AT)).is_err(),
            "{edit:?}"
        );
    }
    assert_eq!(*s.schema(), before);
    s.apply(update_tag(&claim, TagEdit::Key(None), AT)).unwrap();
    assert_eq!(s.schema().tag_named("claim").unwrap().key, None);
    assert_eq!(letter_of(""), None);
}

#[test]
fn choice_options_are_a_comma_separated_list_and_fields_can_go() {
    assert_eq!(
        options_of(" Low, , High ,Medium"),
        ["Low", "High", "Medium"]
    );
    assert_eq!(field_kind("shape", ""), None);
    let mut s = session("[One]{quote} two.");
    let quote = s.schema().tag_named("quote").unwrap().clone();
    let kind = field_kind("choice", "Low, High").unwrap();
    s.apply(add_field(&quote, "Confidence", kind, AT)).unwrap();
    let quote = s.schema().tag_named("quote").unwrap().clone();
    assert_eq!(quote.fields.last().unwrap().options(), ["Low", "High"]);
    // A choice without options: refused.
    let empty = field_kind("choice", " , ").unwrap();
    assert!(s.apply(add_field(&quote, "Mood", empty, AT)).is_err());
    s.apply(remove_field(&quote, "confidence", AT)).unwrap();
    assert!(s
        .schema()
        .tag_named("quote")
        .unwrap()
        .field_named("confidence")
        .is_none());
}

#[test]
fn moving_and_removing_tags_with_their_annotations() {
    let mut s = session("[One]{claim} [two]{quote}.");
    let schema = s.schema().clone();
    assert_eq!(
        move_tag(&schema, &"claim".into(), true),
        None,
        "first already"
    );
    assert_eq!(
        move_tag(&schema, &"source".into(), false),
        None,
        "last already"
    );
    s.apply(move_tag(&schema, &"claim".into(), false).unwrap())
        .unwrap();
    let order: Vec<&str> = s.schema().tags().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(order, ["quote", "claim", "source"]);
    let ways = disposals(s.schema(), &"quote".into());
    let words: Vec<&str> = ways.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(words, ["Delete them", "Tag them Claim", "Tag them Source"]);
    let (then, _) = ways[1].clone();
    assert_eq!(then, Disposal::Retag("claim".into()));
    s.apply(Command::RemoveTag {
        id: "quote".into(),
        then,
        at: AT.into(),
    })
    .unwrap();
    assert_eq!(render(&s), "[One]{claim} [two]{claim}.");
    s.undo();
    assert_eq!(render(&s), "[One]{claim} [two]{quote}.");
}

#[test]
fn relation_ends_are_switched_per_tag_and_an_empty_end_is_refused() {
    let mut s = session("[Zas]{source#z} said [it]{quote -said-by-> z}.");
    let said_by = s.schema().relation_type(&"said-by".into()).unwrap().clone();
    assert!(
        s.apply(set_end(&said_by, true, &"quote".into(), false))
            .is_err(),
        "the quote's relation would no longer fit"
    );
    s.apply(set_end(&said_by, true, &"source".into(), true))
        .unwrap();
    let said_by = s.schema().relation_type(&"said-by".into()).unwrap().clone();
    assert!(said_by.from.iter().any(|t| t == "source"));
    let evidence = s
        .schema()
        .relation_type(&"evidence".into())
        .unwrap()
        .clone();
    let only_to = evidence.to[0].clone();
    assert_eq!(evidence.to.len(), 1);
    assert!(s.apply(set_end(&evidence, false, &only_to, false)).is_err());
}
