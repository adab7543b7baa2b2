//! What every export promises, checked: the JSON Schema, sorted spans and
//! relations, `text[start:end] == exact` with 32 code points of context.

use super::py_slice;
use annotator::model::format::sha256_hex;
use serde_json::Value;

pub fn schema_validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(include_str!("../../docs/annotations.schema.json")).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is valid")
}

/// The schema's errors for `doc`, as "message at path".
pub fn schema_errors(doc: &Value) -> Vec<String> {
    schema_validator()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Check everything an export promises; the parsed document.
pub fn check_export(json_text: &str) -> Value {
    let doc: Value = serde_json::from_str(json_text).unwrap();
    let errors = schema_errors(&doc);
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
    assert_eq!(doc["version"], 2, "exports are version 2");
    let text = doc["article"]["text"].as_str().unwrap();
    assert_eq!(doc["article"]["sha256"], sha256_hex(text));
    let mut last = (0, 0);
    for a in doc["annotations"].as_array().unwrap() {
        let (start, end) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert!((start, end) >= last, "sorted by start, then end");
        last = (start, end);
        assert_eq!(a["exact"], py_slice(text, start, end));
        assert_eq!(a["prefix"], py_slice(text, start.saturating_sub(32), start));
        assert_eq!(a["suffix"], py_slice(text, end, end + 32));
    }
    // A relation's ends are annotations, or orphans (it waits for them).
    let orphans = doc.get("orphans").and_then(|o| o.as_array());
    let ids: Vec<&str> = doc["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .chain(orphans.into_iter().flatten())
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let relations = doc["relations"].as_array().unwrap();
    let relation_ids: Vec<&str> = relations
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        relation_ids.windows(2).all(|w| w[0] < w[1]),
        "relations by id"
    );
    for r in relations {
        for end in ["from", "to"] {
            assert!(ids.contains(&r[end].as_str().unwrap()), "{end} of {r}");
        }
    }
    doc
}
