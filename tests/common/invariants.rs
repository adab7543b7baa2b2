//! The session's invariants, checked by a naive scan (for tests that drive
//! it through many commands, undo and redo).

use super::render;
use annotator::model::{FieldKind, Session};
use std::collections::BTreeSet;

/// Panics naming the first invariant `s` breaks.
pub fn check(s: &Session) {
    let all = s.annotations();
    assert!(
        all.windows(2)
            .all(|w| w[0].reading_key() < w[1].reading_key()),
        "sorted, ids unique"
    );
    let schema = s.schema();
    for (i, a) in all.iter().enumerate() {
        assert_eq!(s.position(&a.id), Some(i), "the index finds {}", a.id);
        assert!(!a.range.is_empty() && s.article().text.full_range().contains_range(a.range));
        let def = schema
            .tag(&a.tag)
            .unwrap_or_else(|| panic!("{} has a known tag", a.id));
        for (k, v) in &a.fields {
            let f = def
                .field(k)
                .unwrap_or_else(|| panic!("{}: {k} is a field of {}", a.id, a.tag));
            assert_eq!(f.check(v), Ok(()), "{}: {k} fits", a.id);
        }
        let scanned: BTreeSet<&str> = s
            .relations()
            .filter(|r| r.from == a.id || r.to == a.id)
            .map(|r| r.id.as_str())
            .collect();
        let indexed: BTreeSet<&str> = s.relations_of(&a.id).map(|r| r.id.as_str()).collect();
        assert_eq!(indexed, scanned, "relations of {}", a.id);
    }
    let mut triples = BTreeSet::new();
    for r in s.relations() {
        let (from, to) = (
            s.get(&r.from).expect("from exists"),
            s.get(&r.to).expect("to exists"),
        );
        assert_ne!(r.from, r.to);
        let kind = schema.relation_type(&r.kind).expect("known type");
        assert!(kind.allows(&from.tag, &to.tag), "{} allowed", r.id);
        assert!(triples.insert((&r.kind, &r.from, &r.to)), "{} unique", r.id);
    }
    for t in schema.tags() {
        let tagged: Vec<_> = all.iter().filter(|a| a.tag == t.id).collect();
        assert_eq!(s.count(&t.id), tagged.len(), "count of {}", t.id);
        for f in t
            .fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Choice { .. }))
        {
            for o in f.options() {
                let n = tagged
                    .iter()
                    .filter(|a| {
                        f.effective(a.fields.get(&f.id)).and_then(|v| v.as_str()) == Some(o)
                    })
                    .count();
                assert_eq!(
                    s.count_choice(t.id.as_str(), f.id.as_str(), o),
                    n,
                    "{}.{} = {o}",
                    t.id,
                    f.id
                );
            }
        }
    }
}

/// Undo the last `steps` commands, back to `before` (checking invariants
/// on the way), and redo them back to `after`.
pub fn undo_and_redo(s: &mut Session, steps: usize, before: &str, after: &str) {
    let n = s.revision();
    let (schema, renders) = (s.schema().clone(), render(s));
    for _ in 0..steps {
        s.undo().unwrap();
        check(s);
    }
    assert_eq!(render(s), before);
    for _ in 0..steps {
        s.redo().unwrap();
        check(s);
    }
    assert_eq!((render(s), s.schema()), (renders.clone(), &schema));
    assert_eq!(render(s), after);
    assert!(s.revision() > n);
}
