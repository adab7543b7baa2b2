//! Editing relation types and replacing the whole tag set, as undoable
//! commands refused with a reason when relations or annotations would no
//! longer fit.

mod common;

use annotator::model::{Command, RelationType, Schema};
use common::invariants::undo_and_redo;
use common::{render, session};

#[test]
fn relation_types_are_added_changed_and_removed() {
    let marked = "[Zas]{source#z} said [it]{quote -said-by-> z} and [so]{claim -said-by-> z}.";
    let mut s = session(marked);
    let mut said_by = s.schema().relation_type(&"said-by".into()).unwrap().clone();
    said_by.from = vec!["claim".into()];
    assert_eq!(
        s.apply(Command::UpdateRelationType(said_by.clone())).unwrap_err().to_string(),
        "The changed relation type \"Said by\" would not allow 1 relation it has; remove those first."
    );
    said_by.label = "Stated by".into();
    said_by.from = vec!["claim".into(), "quote".into(), "source".into()];
    s.apply(Command::UpdateRelationType(said_by)).unwrap();
    let change = s
        .apply(Command::RemoveRelationType {
            id: "said-by".into(),
        })
        .unwrap();
    assert_eq!(change.n_unlinked(), 2);
    assert_eq!(
        render(&s),
        "[Zas]{source} said [it]{quote} and [so]{claim}."
    );
    s.apply(Command::AddRelationType(RelationType {
        id: "quotes".into(),
        label: "Quotes".into(),
        inverse_label: "Quoted by".into(),
        from: vec!["claim".into()],
        to: vec!["quote".into()],
    }))
    .unwrap();
    s.apply(Command::Link(common::relation("a3", "quotes", "a2")))
        .unwrap();
    let after = "[Zas]{source} said [it]{quote} and [so]{claim -quotes-> a2}.";
    assert_eq!(render(&s), after);
    undo_and_redo(&mut s, 4, marked, after);
}

#[test]
fn a_whole_tag_set_is_used_only_when_everything_fits() {
    let mut s = session("[Zas]{source#z kind=Person} said [it]{claim verdict=False -said-by-> z}.");
    let mut parts = Schema::default().to_parts();
    parts.tags.retain(|t| t.id != "quote");
    for k in &mut parts.relations {
        k.from.retain(|t| t != "quote");
    }
    let without_quotes = Schema::new(parts.tags.clone(), parts.relations.clone()).unwrap();
    s.apply(Command::UseSchema(without_quotes.clone())).unwrap();
    assert_eq!(*s.schema(), without_quotes);
    let no_relations = Schema::new(parts.tags.clone(), Vec::new()).unwrap();
    assert_eq!(
        s.apply(Command::UseSchema(no_relations))
            .unwrap_err()
            .to_string(),
        "This tag set does not fit the annotations: it has no relation type \"said-by\"."
    );
    let mut tags = parts.tags.clone();
    tags.retain(|t| t.id != "source");
    let no_sources = Schema::new(tags, Vec::new()).unwrap();
    assert_eq!(
        s.apply(Command::UseSchema(no_sources)).unwrap_err().to_string(),
        "This tag set does not fit the annotations: it has no tag \"source\", which 1 annotation has."
    );
    let mut tags = parts.tags.clone();
    tags[0].fields.clear();
    let no_verdicts = Schema::new(tags, parts.relations.clone()).unwrap();
    assert_eq!(
        s.apply(Command::UseSchema(no_verdicts)).unwrap_err().to_string(),
        "This tag set does not fit the annotations: for the claim “it”, the field \"verdict\" is \"False\", but the tag \"Claim\" has no fields."
    );
    s.undo().unwrap();
    assert_eq!(*s.schema(), Schema::default());
}
