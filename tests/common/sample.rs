//! The session behind the golden export.

use super::{annotation, range, relation, value};
use annotator::model::{Annotation, Command, Fields, Relation, Schema, Session};

/// The built-in sample article with five annotations, fields and three
/// relations: the session behind the golden export.
pub fn sample_session() -> Session {
    use annotator::model::sample::sample_article;
    let mut s = Session::new(sample_article());
    let text = s.article().text.as_str().to_owned();
    let find = |needle: &str| {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        range(start, start + needle.chars().count())
    };
    let fields = |tag: &str, pairs: &[(&str, &str)]| -> Fields {
        let schema = Schema::default();
        pairs
            .iter()
            .map(|(k, v)| ((*k).into(), value(&schema, &tag.into(), k, v)))
            .collect()
    };
    for (id, tag, needle, set) in [
        (
            "q1",
            "quote",
            "\"This pier is our road.\"",
            &[("kind", "Direct")][..],
        ),
        (
            "s1",
            "source",
            "Mayor Elin Sørensen",
            &[("kind", "Person"), ("role", "Mayor")],
        ),
        (
            "c1",
            "claim",
            "The rebuild will cost 4.2 million euros",
            &[
                ("verdict", "Mostly true"),
                ("check-worthy", "true"),
                ("summary", "Rebuilding the pier costs 4.2 million euros"),
                ("fact-check-url", "https://factcheck.example/pier-cost"),
            ],
        ),
        (
            "s2",
            "source",
            "Brandt & Kové",
            &[
                ("kind", "Organisation"),
                ("url", "https://brandt-kove.example/"),
            ],
        ),
        (
            "c2",
            "claim",
            "Ferry traffic to the islands fell by 38 percent in February",
            &[("check-worthy", "true")],
        ),
    ] {
        let a = Annotation {
            fields: fields(tag, set),
            ..annotation(id, tag, find(needle))
        };
        s.apply(Command::Tag(a)).unwrap();
    }
    s.apply(Command::Note {
        id: "c1".into(),
        note: "Ask the firm for the report.".into(),
        at: "2026-01-02T04:00:00.000Z".into(),
    })
    .unwrap();
    for (id, from, kind, to) in [
        ("r1", "q1", "said-by", "s1"),
        ("r2", "c1", "said-by", "s2"),
        ("r3", "c1", "evidence", "s2"),
    ] {
        let r = Relation {
            id: id.into(),
            ..relation(from, kind, to)
        };
        s.apply(Command::Link(r)).unwrap();
    }
    s
}
