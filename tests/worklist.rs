//! The panel as a worklist: its filters and what its rows say.

mod common;

use annotator::ui::worklist::{field_filters, fields_summary, links, links_summary, Filter};
use common::session;

const MARKED: &str =
    "[Zas]{source#s} said [it rains]{claim#c verdict=False -said-by-> s}. [Ann agreed]{claim#d}.";

#[test]
fn filters_by_tag_field_value_and_text() {
    let s = session(MARKED);
    let ids = |f: &Filter| -> Vec<String> {
        let all = s.annotations();
        match f.rows(&s) {
            None => all.iter().map(|a| a.id.to_string()).collect(),
            Some(rows) => rows.iter().map(|i| all[*i].id.to_string()).collect(),
        }
    };
    assert_eq!(ids(&Filter::default()), ["s", "c", "d"]);
    let claims = Filter {
        tag: Some("claim".into()),
        ..Filter::default()
    };
    assert_eq!(ids(&claims), ["c", "d"]);
    let unverified = Filter {
        field: Some(("claim".into(), "verdict".into(), "Unverified".into())),
        ..Filter::default()
    };
    assert_eq!(ids(&unverified), ["d"], "the default counts where unset");
    let text = Filter {
        text: " RAINS ".into(),
        ..Filter::default()
    };
    assert_eq!(ids(&text), ["c"]);
    assert_eq!(Filter::default().rows(&s), None, "off: no copy");
    assert!(field_filters(&s)
        .iter()
        .any(|(_, _, _, label)| label == "Claim · Verdict: Unverified"));
}

#[test]
fn rows_name_fields_and_links_from_each_side() {
    let s = session(MARKED);
    let c = s.get(&"c".into()).unwrap();
    assert_eq!(fields_summary(&s, c), "Verdict: False");
    let d = s.get(&"d".into()).unwrap();
    assert_eq!(fields_summary(&s, d), "Verdict: Unverified");
    let from_claim = links(&s, &"c".into());
    assert_eq!(
        (
            from_claim[0].label.as_str(),
            from_claim[0].other_text.as_str()
        ),
        ("Said by", "Zas")
    );
    let from_source = links(&s, &"s".into());
    assert_eq!(from_source[0].label, "Source of");
    assert_eq!(links_summary(&from_source), [("Source of".to_owned(), 1)]);
}
