//! Relations between annotations: linking, its refusals, undo and redo,
//! and what removing or retagging an annotation does to its relations.
//! Cases are marker strings (see `common/mod.rs`).

mod common;

use annotator::model::{Command, Effect, Fields, Problem, Relation};
use common::{invariants, relation, render, session};

fn link(from: &str, kind: &str, to: &str) -> Command {
    Command::Link(relation(from, kind, to))
}

#[test]
fn fixtures_with_relations_round_trip_through_commands() {
    for marked in [
        "[Zas]{source#s} said [“we won”]{quote -said-by-> s}.",
        "[“we won”]{quote -said-by-> s}, said [Zas]{source#s}.",
        "[It rains]{claim -evidence-> m -said-by-> z}, said [Zas]{source#z}, citing [the office]{source#m -supports-> a1}.",
        "[[Zas]{source#s} said [it]{claim -said-by-> s}]{quote -said-by-> s}",
    ] {
        let s = session(marked);
        assert_eq!(render(&s), marked);
        invariants::check(&s);
    }
}

#[test]
fn links_are_refused_with_a_reason() {
    let marked = "[Zas]{source#s} said [it rains]{claim#c} and [we won]{quote#q -said-by-> s}.";
    let cases: Vec<(Command, &str)> = vec![
        (
            link("c", "likes", "s"),
            "The tag set has no relation type \"likes\".",
        ),
        (
            link("c", "said-by", "nobody"),
            "No annotation has id nobody.",
        ),
        (link("gone", "said-by", "s"), "No annotation has id gone."),
        (
            link("c", "said-by", "c"),
            "An annotation cannot be linked to itself.",
        ),
        (
            link("s", "said-by", "c"),
            "\"Said by\" links a quote or claim to a source, not a source to a claim.",
        ),
        (
            link("q", "evidence", "s"),
            "\"Evidence\" links a claim to a source, not a quote to a source.",
        ),
        (
            Command::Link(Relation {
                id: "other".into(),
                ..relation("q", "said-by", "s")
            }),
            "These annotations are linked by \"Said by\" already.",
        ),
        (
            Command::Link(Relation {
                id: "q-said-by->s".into(),
                ..relation("c", "said-by", "s")
            }),
            "A relation with id q-said-by->s exists already.",
        ),
        (
            Command::Unlink { id: "nope".into() },
            "No relation has id nope.",
        ),
    ];
    let mut s = session(marked);
    let (revision, before) = (s.revision(), render(&s));
    for (command, expected) in cases {
        let err = s.apply(command).unwrap_err();
        assert_eq!(err.to_string(), expected);
    }
    assert_eq!(s.revision(), revision, "refused commands are no revision");
    assert_eq!(render(&s), before);
}

#[test]
fn linking_and_unlinking_undo_and_redo() {
    let mut s = session("[Zas]{source#s} said [it rains]{claim#c}.");
    let change = s.apply(link("c", "said-by", "s")).unwrap();
    assert_eq!(change.n_linked(), 1);
    assert_eq!(
        change
            .relation_ids()
            .map(|r| r.as_str())
            .collect::<Vec<_>>(),
        ["c-said-by->s"]
    );
    s.apply(link("c", "evidence", "s")).unwrap();
    let linked = "[Zas]{source#s} said [it rains]{claim#c -evidence-> s -said-by-> s}.";
    assert_eq!(render(&s), linked);
    let of = |s: &annotator::model::Session, id: &str| {
        let mut ids: Vec<String> = s
            .relations_of(&id.into())
            .map(|r| r.id.to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(
        of(&s, "s"),
        ["c-evidence->s", "c-said-by->s"],
        "both directions"
    );
    assert_eq!(of(&s, "c"), of(&s, "s"));
    s.apply(Command::Unlink {
        id: "c-said-by->s".into(),
    })
    .unwrap();
    assert_eq!(
        render(&s),
        "[Zas]{source#s} said [it rains]{claim#c -evidence-> s}."
    );
    let undone = s.undo().unwrap();
    assert!(matches!(undone.effects(), [Effect::Linked(r)] if r.id == "c-said-by->s"));
    assert_eq!(render(&s), linked);
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(render(&s), "[Zas]{source} said [it rains]{claim}.");
    assert!(s.relations_of(&"s".into()).next().is_none());
    s.redo().unwrap();
    s.redo().unwrap();
    s.redo().unwrap();
    assert_eq!(
        render(&s),
        "[Zas]{source#s} said [it rains]{claim#c -evidence-> s}."
    );
    invariants::check(&s);
}

#[test]
fn removing_an_annotation_takes_its_relations_in_the_same_step() {
    let marked = "[Zas]{source#s} said [it]{claim -said-by-> s} and [that]{quote -said-by-> s}.";
    let mut s = session(marked);
    let change = s.apply(Command::Remove { id: "s".into() }).unwrap();
    assert_eq!(change.n_unlinked(), 2, "the change says how many went");
    assert!(matches!(change.effects().last(), Some(Effect::Removed(a)) if a.id == "s"));
    assert!(matches!(
        change.annotation_effect(),
        Some(Effect::Removed(_))
    ));
    assert_eq!(render(&s), "Zas said [it]{claim} and [that]{quote}.");
    assert_eq!(s.relations().len(), 0);
    let touched = s.touched_since(s.revision() - 1).unwrap();
    assert_eq!(touched.annotations, ["s"]);
    assert_eq!(touched.relations.len(), 2);
    let undone = s.undo().unwrap();
    assert_eq!(undone.n_linked(), 2);
    assert_eq!(render(&s), marked, "one undo brings the relations back");
    s.redo().unwrap();
    assert_eq!(s.relations().len(), 0);
    invariants::check(&s);
}

#[test]
fn retagging_drops_the_relations_the_new_tag_may_not_take_part_in() {
    let marked = "[Zas]{source#s} said [it]{quote -said-by-> s} and [Ann]{source#n -supports-> a4} [that]{claim -evidence-> s}.";
    let mut s = session(marked);
    // A quote becomes a claim: said-by allows claims too; nothing goes.
    let change = s
        .apply(Command::Retag {
            id: "a2".into(),
            tag: "claim".into(),
            at: "t".into(),
        })
        .unwrap();
    assert_eq!(change.n_unlinked(), 0);
    // A claim becomes a quote: evidence and supports need a claim.
    let change = s
        .apply(Command::Edit {
            id: "a4".into(),
            tag: "quote".into(),
            note: "now a quote".into(),
            fields: Fields::new(),
            at: "t".into(),
        })
        .unwrap();
    assert_eq!(change.n_unlinked(), 2);
    assert_eq!(
        render(&s),
        "[Zas]{source#s} said [it]{claim -said-by-> s} and [Ann]{source} [that]{quote}."
    );
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(render(&s), marked);
    invariants::check(&s);
}

#[test]
fn a_long_run_of_commands_keeps_every_invariant_through_undo_and_redo() {
    let mut s = session(
        "[A]{source#a} [b]{claim#b -said-by-> a} [c]{quote#c -said-by-> a} [d]{source#d -supports-> b} [e]{claim#e}",
    );
    let commands = vec![
        link("e", "evidence", "d"),
        link("e", "said-by", "a"),
        Command::Retag {
            id: "d".into(),
            tag: "claim".into(),
            at: "t".into(),
        },
        Command::Remove { id: "a".into() },
        link("e", "evidence", "d"),
        Command::Retag {
            id: "d".into(),
            tag: "source".into(),
            at: "t".into(),
        },
        link("e", "evidence", "d"),
        link("d", "contradicts", "b"),
        Command::Remove { id: "b".into() },
    ];
    let mut renders = vec![render(&s)];
    for command in commands {
        let label = format!("{command:?}");
        match s.apply(command) {
            Ok(_) => renders.push(render(&s)),
            Err(Problem::RelationNotAllowed { .. }) => {}
            Err(p) => panic!("{label}: {p}"),
        }
        invariants::check(&s);
    }
    for expected in renders.iter().rev().skip(1) {
        s.undo().unwrap();
        invariants::check(&s);
        assert_eq!(&render(&s), expected);
    }
    while s.redo().is_some() {
        invariants::check(&s);
    }
    assert_eq!(&render(&s), renders.last().unwrap());
}

#[test]
fn a_session_from_parts_refuses_what_a_command_would() {
    let (text, spans) = common::parse("[Zas]{source#z} said [it]{quote -said-by-> z}.");
    let article = annotator::model::Article::from_plain("T".into(), String::new(), text);
    let schema = annotator::model::Schema::default();
    let (annotations, relations) = common::parts(&schema, &spans);
    let build = |relations: Vec<Relation>| {
        annotator::model::Session::from_parts(
            article.clone(),
            schema.clone(),
            annotations.clone(),
            relations,
        )
    };
    let s = build(relations.clone()).unwrap();
    assert_eq!(render(&s), "[Zas]{source#z} said [it]{quote -said-by-> z}.");
    invariants::check(&s);
    let twice = vec![relations[0].clone(), relations[0].clone()];
    assert_eq!(
        build(twice).unwrap_err(),
        Problem::DuplicateRelationId(relations[0].id.clone())
    );
    let backwards = vec![relation("z", "said-by", "a2")];
    assert!(matches!(
        build(backwards),
        Err(Problem::RelationNotAllowed { .. })
    ));
    let dangling = vec![relation("a2", "said-by", "ghost")];
    assert_eq!(
        build(dangling).unwrap_err(),
        Problem::NoSuchAnnotation("ghost".into())
    );
}

#[test]
fn link_targets_are_the_allowed_tags_nearest_first() {
    let s = session(
        "[Ann]{source#n} met [Bo]{source#b}: [it rains]{claim#c -said-by-> b} [says]{quote} [Cy]{source#y} and [Di]{source}.",
    );
    let targets = |from: &str, kind: &str| -> Vec<String> {
        s.link_targets(&from.into(), &kind.into(), true)
            .iter()
            .map(|a| s.article().text.slice(a.range).to_owned())
            .collect()
    };
    assert_eq!(
        targets("c", "said-by"),
        ["Cy", "Ann", "Di"],
        "Bo is linked already"
    );
    assert_eq!(targets("c", "evidence"), ["Bo", "Cy", "Ann", "Di"]);
    assert_eq!(targets("y", "supports"), ["it rains"]);
    assert!(
        targets("y", "said-by").is_empty(),
        "a source does not start said-by"
    );
    assert!(targets("c", "likes").is_empty() && targets("zz", "said-by").is_empty());
    // From the other end: the quotes and claims a source may be said by.
    let sources = |to: &str, kind: &str| -> Vec<String> {
        s.link_targets(&to.into(), &kind.into(), false)
            .iter()
            .map(|a| s.article().text.slice(a.range).to_owned())
            .collect()
    };
    assert_eq!(sources("y", "said-by"), ["says", "it rains"]);
    assert_eq!(
        sources("b", "said-by"),
        ["says"],
        "the claim is linked already"
    );
    assert!(
        sources("c", "said-by").is_empty(),
        "a claim is no end of said-by"
    );
}
