//! Editing the tag set as undoable commands: adding, changing, moving and
//! removing tags and relation types, and replacing the whole set; each is
//! refused with a reason when it would break an invariant.

mod common;

use annotator::model::{
    Command, Cue, Disposal, FieldDef, FieldKind, Problem, RelationType, Schema, Session, TagDef,
};
use common::invariants::{self, undo_and_redo};
use common::{render, session};

fn statistic(s: &Session) -> TagDef {
    let mut tag = s.schema().suggest_tag("statistic", "Statistic");
    tag.fields
        .push(FieldDef::new("value", "Value", FieldKind::Number));
    tag
}

fn tag_of(s: &Session, id: &str) -> TagDef {
    s.schema().tag(&id.into()).unwrap().clone()
}

fn ids(s: &Session) -> Vec<String> {
    s.schema().tags().iter().map(|t| t.id.to_string()).collect()
}

#[test]
fn a_new_tag_takes_the_next_key_and_can_be_used_at_once() {
    let mut s = session("Traffic fell by 38 percent.");
    let tag = statistic(&s);
    assert_eq!(
        (tag.key, tag.letter, tag.cue),
        (Some('4'), Some('t'), Cue::Dashed)
    );
    assert_eq!(tag.color, "#ffd1dc", "the first colour no tag has");
    let change = s.apply(Command::AddTag(tag)).unwrap();
    assert!(change.schema().is_some());
    assert!(s.touched_since(s.revision() - 1).unwrap().schema);
    assert_eq!(ids(&s), ["claim", "quote", "source", "statistic"]);
    assert_eq!(s.schema().tag_for_key('4').unwrap().id, "statistic");
    assert_eq!(s.schema().tag_for_key('T').unwrap().id, "statistic");
    s.apply(Command::Tag(annotator::model::Annotation {
        fields: [("value".into(), 38.0.into())].into(),
        ..common::annotation("n", "statistic", common::range(16, 26))
    }))
    .unwrap();
    assert_eq!(s.count(&"statistic".into()), 1);
    undo_and_redo(
        &mut s,
        2,
        "Traffic fell by 38 percent.",
        "Traffic fell by [38 percent]{statistic value=38}.",
    );
}

#[test]
fn tag_set_edits_that_break_a_rule_are_refused() {
    let mut s = session("[One]{claim} two.");
    let claim = tag_of(&s, "claim");
    let with = |f: &dyn Fn(&mut TagDef)| {
        let mut t = claim.clone();
        f(&mut t);
        t
    };
    let cases: Vec<(Command, &str)> = vec![
        (
            Command::AddTag(TagDef {
                key: Some('2'),
                ..statistic(&s)
            }),
            "Tag 4 (\"statistic\") has the key 2, which tag 2 (\"quote\") has already.",
        ),
        (
            Command::AddTag(TagDef::new("claim", "Claim again")),
            "Tag 4 (\"claim\") has the same id as tag 1.",
        ),
        (
            Command::AddTag(TagDef::new("overlap", "Overlap")),
            "Tag 4 (\"overlap\") has an id the app's own highlights use; choose another.",
        ),
        (
            Command::AddTag(TagDef::new("big-claim", "CLAIM")),
            "Tag 4 (\"big-claim\") has the same label as tag 1 (\"claim\").",
        ),
        (
            Command::UpdateTag {
                tag: TagDef::new("opinion", "Opinion"),
                at: "t".into(),
            },
            "The tag set has no tag \"opinion\".",
        ),
        (
            Command::UpdateTag {
                tag: with(&|t| t.letter = Some('s')),
                at: "t".into(),
            },
            "Tag 3 (\"source\") has the letter S, which tag 1 (\"claim\") has already.",
        ),
        (
            Command::MoveTag {
                id: "claim".into(),
                index: 3,
            },
            "A tag cannot move to position 4 of 3.",
        ),
        (
            Command::RemoveTag {
                id: "claim".into(),
                then: Disposal::Retag("claim".into()),
                at: "t".into(),
            },
            "Choose another tag for the annotations of the tag being removed.",
        ),
        (
            Command::RemoveTag {
                id: "claim".into(),
                then: Disposal::Retag("opinion".into()),
                at: "t".into(),
            },
            "The tag set has no tag \"opinion\".",
        ),
        (
            Command::AddRelationType(RelationType {
                id: "cites".into(),
                label: "Cites".into(),
                inverse_label: String::new(),
                from: vec!["claim".into()],
                to: vec!["paper".into()],
            }),
            "Relation type 5 (\"cites\") names the unknown tag \"paper\" in \"to\".",
        ),
        (
            Command::RemoveRelationType { id: "cites".into() },
            "The tag set has no relation type \"cites\".",
        ),
    ];
    for (command, expected) in cases {
        assert_eq!(s.apply(command).unwrap_err().to_string(), expected);
    }
    assert_eq!(*s.schema(), Schema::default());
    // The last tag cannot go.
    for id in ["quote", "source"] {
        s.apply(Command::RemoveTag {
            id: id.into(),
            then: Disposal::Delete,
            at: "t".into(),
        })
        .unwrap();
    }
    assert_eq!(
        s.apply(Command::RemoveTag {
            id: "claim".into(),
            then: Disposal::Delete,
            at: "t".into(),
        }),
        Err(Problem::Schema(annotator::model::SchemaProblem::NoTags))
    );
    assert!(
        s.schema().relation_types().is_empty(),
        "no relation type is left with both ends"
    );
}

#[test]
fn renaming_recolouring_and_rekeying_a_tag() {
    let mut s = session("[One]{claim} two.");
    let tag = TagDef {
        label: "Assertion".into(),
        color: "#e3d4ff".into(),
        key: Some('9'),
        letter: Some('a'),
        cue: Cue::Wavy,
        ..tag_of(&s, "claim")
    };
    s.apply(Command::UpdateTag {
        tag: tag.clone(),
        at: "t".into(),
    })
    .unwrap();
    assert_eq!(tag_of(&s, "claim"), tag);
    assert_eq!(s.schema().tag_for_key('9').unwrap().id, "claim");
    assert!(s.schema().tag_for_key('1').is_none());
    s.apply(Command::MoveTag {
        id: "claim".into(),
        index: 2,
    })
    .unwrap();
    assert_eq!(ids(&s), ["quote", "source", "claim"]);
    assert_eq!(
        s.schema().next(&"claim".into()).id,
        "quote",
        "cycling follows the order"
    );
    undo_and_redo(&mut s, 2, "[One]{claim} two.", "[One]{claim} two.");
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(*s.schema(), Schema::default());
}

#[test]
fn removing_a_field_drops_its_values_and_changing_one_checks_them() {
    let marked = "[a]{claim summary=Short verdict=False} [b]{claim verdict=False} [c]{claim}";
    let mut s = session(marked);
    let claim = tag_of(&s, "claim");
    let mut fewer = claim.clone();
    fewer.fields.retain(|f| f.id != "summary");
    let change = s
        .apply(Command::UpdateTag {
            tag: fewer,
            at: "t2".into(),
        })
        .unwrap();
    assert_eq!(
        change.n_annotations(),
        1,
        "only the claim with a summary changed"
    );
    assert_eq!(
        render(&s),
        "[a]{claim verdict=False} [b]{claim verdict=False} [c]{claim}"
    );
    assert_eq!(s.get(&"a1".into()).unwrap().modified, "t2");
    // Options without "False" do not fit two claims.
    let mut narrower = tag_of(&s, "claim");
    if let FieldKind::Choice { options, ratings } = &mut narrower.fields[0].kind {
        options.retain(|o| o != "False");
        ratings.remove("False");
    }
    assert_eq!(
        s.apply(Command::UpdateTag {
            tag: narrower,
            at: "t".into(),
        })
        .unwrap_err()
        .to_string(),
        "The changed field \"Verdict\" does not take what 2 claims hold (for example \"False\"); change those first."
    );
    undo_and_redo(
        &mut s,
        1,
        marked,
        "[a]{claim verdict=False} [b]{claim verdict=False} [c]{claim}",
    );
    // A new default changes what unset verdicts count as.
    assert_eq!(s.count_choice("claim", "verdict", "Unverified"), 1);
    let mut other_default = tag_of(&s, "claim");
    other_default.fields[0].default = Some("Unsupported".into());
    s.apply(Command::UpdateTag {
        tag: other_default,
        at: "t".into(),
    })
    .unwrap();
    assert_eq!(s.count_choice("claim", "verdict", "Unverified"), 0);
    assert_eq!(s.count_choice("claim", "verdict", "Unsupported"), 1);
    invariants::check(&s);
}

#[test]
fn removing_a_tag_retags_or_deletes_its_annotations_in_one_step() {
    let marked = "[Zas]{source#z kind=Person} said [it]{quote#q kind=Direct -said-by-> z} and [so]{claim#c -said-by-> z}.";
    let mut s = session(marked);
    // Quotes become claims: "said by" still fits; "kind" does not.
    let change = s
        .apply(Command::RemoveTag {
            id: "quote".into(),
            then: Disposal::Retag("claim".into()),
            at: "t".into(),
        })
        .unwrap();
    assert_eq!((change.n_annotations(), change.n_unlinked()), (1, 0));
    assert_eq!(ids(&s), ["claim", "source"]);
    assert_eq!(
        s.schema().relation_type(&"said-by".into()).unwrap().from,
        ["claim"]
    );
    assert_eq!(
        render(&s),
        "[Zas]{source#z kind=Person} said [it]{claim#q -said-by-> z} and [so]{claim#c -said-by-> z}."
    );
    let retagged = render(&s);
    undo_and_redo(&mut s, 1, marked, &retagged);
    s.undo().unwrap();
    // Quotes become sources: a source is not "said by" a source.
    let change = s
        .apply(Command::RemoveTag {
            id: "quote".into(),
            then: Disposal::Retag("source".into()),
            at: "t".into(),
        })
        .unwrap();
    assert_eq!((change.n_annotations(), change.n_unlinked()), (1, 1));
    assert_eq!(
        render(&s),
        "[Zas]{source#z kind=Person} said [it]{source} and [so]{claim#c -said-by-> z}."
    );
    invariants::check(&s);
    s.undo().unwrap();
    s.redo().unwrap();
    s.undo().unwrap();
    s.apply(Command::RemoveTag {
        id: "quote".into(),
        then: Disposal::Retag("claim".into()),
        at: "t".into(),
    })
    .unwrap();
    // Sources are deleted, with every relation to them; relation types
    // without a source at an end go too.
    let change = s
        .apply(Command::RemoveTag {
            id: "source".into(),
            then: Disposal::Delete,
            at: "t".into(),
        })
        .unwrap();
    assert_eq!((change.n_annotations(), change.n_unlinked()), (1, 2));
    assert_eq!(render(&s), "Zas said [it]{claim} and [so]{claim}.");
    assert!(s.schema().relation_types().is_empty());
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(
        (render(&s), s.schema()),
        (marked.to_owned(), &Schema::default())
    );
    invariants::check(&s);
}
