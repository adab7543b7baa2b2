//! A session at the size the issue names: 10,000 annotations and 5,000
//! relations. Checks that the work stays proportional (by what it does,
//! not by the clock: timings are printed with `--nocapture`, never
//! asserted, since debug builds and shared machines vary).

mod common;

use annotator::model::format::{export, import};
use annotator::model::{Annotation, Article, Command, Relation, Schema, Session};
use common::{annotation, range, AT};
use std::time::Instant;

const N_SENTENCES: usize = 5_000;

/// Each sentence: "Source {i} said: claim number {i} is true. " with a
/// source and a claim (10,000 annotations), the claim said by the source
/// (5,000 relations).
fn big_parts() -> (Article, Vec<Annotation>, Vec<Relation>) {
    let mut text = String::new();
    let mut annotations = Vec::new();
    let mut relations = Vec::new();
    for i in 0..N_SENTENCES {
        let at = text.len(); // ASCII: bytes are code points
        let source = format!("Source {i}");
        let claim = format!("claim number {i} is true");
        text.push_str(&format!("{source} said: {claim}. "));
        let claim_at = at + source.chars().count() + 7;
        let s = annotation(
            &format!("s{i}"),
            "source",
            range(at, at + source.chars().count()),
        );
        let mut c = annotation(
            &format!("c{i}"),
            "claim",
            range(claim_at, claim_at + claim.chars().count()),
        );
        if i % 3 == 0 {
            c.fields.insert("verdict".into(), "False".into());
        }
        annotations.extend([s, c]);
        relations.push(Relation {
            id: format!("r{i}").into(),
            kind: "said-by".into(),
            from: format!("c{i}").into(),
            to: format!("s{i}").into(),
            created: AT.into(),
        });
    }
    let article = Article::from_plain("Big".into(), "big.txt".into(), text);
    (article, annotations, relations)
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    eprintln!("{what}: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    out
}

#[test]
fn ten_thousand_annotations_and_five_thousand_relations() {
    let (article, annotations, relations) = big_parts();
    let mut s = timed("from parts", || {
        Session::from_parts(article, Schema::default(), annotations, relations).unwrap()
    });
    assert_eq!(
        (s.annotations().len(), s.relations().len()),
        (10_000, 5_000)
    );
    assert_eq!(s.count_choice("claim", "verdict", "False"), 1_667);
    let json = timed("export", || export(&s));
    let back = timed("import", || import(json.as_bytes()).unwrap());
    assert_eq!(back.session.relations().len(), 5_000);
    // A tag key press in the middle: one insertion, no scan of relations.
    let middle = s.annotations()[5_000].range;
    let tag = Command::Tag(Annotation {
        id: "new".into(),
        ..annotation("new", "quote", middle)
    });
    timed("tag", || s.apply(tag).unwrap());
    let link = Command::Link(Relation {
        id: "new-r".into(),
        kind: "said-by".into(),
        from: "new".into(),
        to: "s2500".into(),
        created: AT.into(),
    });
    timed("link", || s.apply(link).unwrap());
    assert_eq!(s.relations_of(&"s2500".into()).count(), 2);
    let change = timed("remove a source", || {
        s.apply(Command::Remove { id: "s2500".into() }).unwrap()
    });
    assert_eq!(change.n_unlinked(), 2);
    timed("undo", || s.undo().unwrap());
    assert_eq!(s.relations_of(&"s2500".into()).count(), 2);
    timed("find 10,000 by id", || {
        for i in 0..N_SENTENCES {
            assert!(s.get(&format!("c{i}").into()).is_some());
        }
    });
}
