//! The schema's lookups and the default tag set.

use super::*;

fn tag(s: &Schema, id: &str) -> TagDef {
    s.tag(&id.into()).unwrap().clone()
}

#[test]
fn the_default_set_is_claim_quote_and_source_with_their_fields() {
    let s = Schema::default();
    let fields = |id: &str| -> Vec<(String, &'static str)> {
        tag(&s, id)
            .fields
            .iter()
            .map(|f| (f.id.to_string(), f.kind.name()))
            .collect()
    };
    let pairs = |v: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
        v.iter().map(|(a, b)| ((*a).to_owned(), *b)).collect()
    };
    assert_eq!(
        fields("claim"),
        pairs(&[
            ("verdict", "choice"),
            ("check-worthy", "yes-no"),
            ("summary", "text"),
            ("fact-check-url", "url")
        ])
    );
    assert_eq!(fields("quote"), pairs(&[("kind", "choice")]));
    assert_eq!(
        fields("source"),
        pairs(&[("kind", "choice"), ("role", "text"), ("url", "url")])
    );
    let verdict = tag(&s, "claim").fields[0].clone();
    assert_eq!(verdict.default, Some("Unverified".into()));
    assert_eq!(verdict.options().len(), 8);
    assert_eq!(verdict.rating("True"), Some((6, 1, 6)));
    assert_eq!(verdict.rating("False"), Some((1, 1, 6)));
    assert_eq!(verdict.rating("Unsupported"), None);
    let relations: Vec<(&str, Vec<&str>, Vec<&str>)> = s
        .relation_types()
        .iter()
        .map(|r| {
            let from = r.from.iter().map(TagId::as_str).collect();
            (
                r.id.as_str(),
                from,
                r.to.iter().map(TagId::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        relations,
        [
            ("said-by", vec!["quote", "claim"], vec!["source"]),
            ("evidence", vec!["claim"], vec!["source"]),
            ("supports", vec!["source"], vec!["claim"]),
            ("contradicts", vec!["source"], vec!["claim"]),
        ]
    );
    let highlights: Vec<String> = s.tags().iter().map(TagDef::highlight).collect();
    assert_eq!(highlights, ["ann-claim", "ann-quote", "ann-source"]);
}

#[test]
fn keys_find_tags_in_either_case_and_cycling_wraps() {
    let s = Schema::default();
    for (key, id) in [
        ('1', "claim"),
        ('c', "claim"),
        ('C', "claim"),
        ('2', "quote"),
        ('S', "source"),
    ] {
        assert_eq!(s.tag_for_key(key).map(|t| t.id.as_str()), Some(id), "{key}");
    }
    assert!(s.tag_for_key('4').is_none() && s.tag_for_key('x').is_none());
    let claim = TagId::from("claim");
    assert_eq!(s.next(&claim).id, "quote");
    assert_eq!(s.previous(&claim).id, "source");
    assert_eq!(s.next(&"source".into()).id, "claim");
    assert_eq!(s.next(&"nothing".into()).id, "claim", "unknown: the first");
    assert_eq!(s.index(&"source".into()), Some(2));
    assert_eq!(s.label(&"nothing".into()), "nothing");
    assert_eq!(s.label(&claim), "Claim");
    let between: Vec<&str> = s
        .relation_types_between(&"claim".into(), &"source".into())
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(between, ["said-by", "evidence"]);
}

#[test]
fn a_suggested_tag_takes_what_is_free() {
    let s = Schema::default();
    let t = s.suggest_tag("counter-claim", "Counter-claim");
    assert_eq!((t.key, t.letter), (Some('4'), Some('o')), "c is taken");
    assert_ne!(t.color, tag(&s, "claim").color);
    assert!(s.tags().iter().all(|u| u.cue != t.cue));
    let mut parts = s.to_parts();
    for i in 4..=9 {
        let t = Schema::new(parts.tags.clone(), Vec::new())
            .unwrap()
            .suggest_tag(&format!("t{i}"), &format!("T{i}"));
        assert_eq!(t.key, char::from_digit(i, 10));
        parts.tags.push(t);
    }
    let full = Schema::new(parts.tags, Vec::new()).unwrap();
    assert_eq!(
        full.suggest_tag("x", "Xylophone").key,
        None,
        "no digit left"
    );
}

#[test]
fn deserialising_checks_the_rules() {
    let json = serde_json::to_string(&Schema::default()).unwrap();
    let back: Schema = serde_json::from_str(&json).unwrap();
    assert_eq!(back, Schema::default());
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["tags"][1]["key"] = "1".into();
    let err = serde_json::from_value::<Schema>(v).unwrap_err().to_string();
    assert_eq!(
        err,
        "Tag 2 (\"quote\") has the key 1, which tag 1 (\"claim\") has already"
    );
}
