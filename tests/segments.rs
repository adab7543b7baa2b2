//! Where every cursor move stops over `tests/data/segments.json`'s texts
//! (emoji, combining marks, CJK, right-to-left): the crate's boundaries,
//! which `tests/e2e/test_segments.py` finds again in the page, where the
//! browser's `Intl.Segmenter` cuts graphemes and sentences, with real key
//! presses. `UPDATE_GOLDEN=1 cargo test --test segments` rewrites the stops.

use annotator::model::cursor::{backward, forward, Unit};
use annotator::model::{Article, CharOffset};
use serde_json::{json, Value};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/segments.json");

/// Each offset the cursor lands on moving by `unit` from the start to the
/// end (forward) and from the end to the start (backward), in code points.
fn stops(text: &str, unit: Unit) -> Value {
    let article = Article::from_plain("t".into(), String::new(), text.into());
    let end = article.text.full_range().end();
    let walk = |from: CharOffset, step: &dyn Fn(CharOffset) -> CharOffset| {
        let mut at = from;
        let mut out = Vec::new();
        loop {
            let next = step(at);
            if next == at {
                return out;
            }
            out.push(next.get());
            at = next;
        }
    };
    json!({
        "forward": walk(CharOffset::new(0), &|at| forward(&article, at, unit)),
        "backward": walk(end, &|at| backward(&article, at, unit)),
    })
}

#[test]
fn stops_over_tricky_text_are_the_golden_ones() {
    let golden: Value = serde_json::from_str(&std::fs::read_to_string(PATH).unwrap()).unwrap();
    let rows: Vec<String> = golden["texts"]
        .as_array()
        .expect("a list of texts")
        .iter()
        .map(|t| {
            let text = t["text"].as_str().expect("a text");
            let [g, w, s] = [Unit::Grapheme, Unit::Word, Unit::Sentence].map(|u| stops(text, u));
            format!(
                "{{\"text\": {}, \"grapheme\": {g}, \"word\": {w}, \"sentence\": {s}}}",
                Value::from(text)
            )
        })
        .collect();
    let out = format!("{{\"texts\": [\n{}\n]}}\n", rows.join(",\n"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(PATH, &out).unwrap();
    }
    let now = std::fs::read_to_string(PATH).unwrap();
    assert_eq!(
        out, now,
        "stops changed; if intended, rerun with UPDATE_GOLDEN=1"
    );
}

#[test]
fn stops_walk_whole_units() {
    let s = stops("Hi 👍🏽 there.", Unit::Word);
    assert_eq!(s["forward"], json!([2, 11]));
    assert_eq!(s["backward"], json!([6, 0]));
    let s = stops("a👍🏽e\u{301}", Unit::Grapheme);
    assert_eq!(s["forward"], json!([1, 3, 5]));
}
