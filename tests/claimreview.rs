//! ClaimReview export (schema.org JSON-LD): one review per claim with a
//! verdict, checked against the schema.org shape (`tests/data/
//! claimreview.schema.json`), and what it lacks reported, never invented.

mod common;

use annotator::model::format::claimreview::{claim_reviews, ClaimReviews};
use annotator::model::format::{export, import};
use annotator::model::{FieldDef, FieldKind, Schema, Session};
use common::{sample_session, session, session_with};
use serde_json::{json, Value};

/// The reviews, checked against the shape; the parsed JSON-LD.
fn checked(reviews: &ClaimReviews) -> Value {
    let shape: Value = serde_json::from_str(include_str!("data/claimreview.schema.json")).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&shape)
        .unwrap();
    let doc: Value = serde_json::from_str(&reviews.json_ld).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{}", reviews.json_ld);
    for r in doc.as_array().unwrap() {
        let rating = &r["reviewRating"];
        if let Some(v) = rating["ratingValue"].as_f64() {
            let (worst, best) = (
                rating["worstRating"].as_f64().unwrap(),
                rating["bestRating"].as_f64().unwrap(),
            );
            assert!(worst <= v && v <= best, "{rating}");
        }
    }
    assert_eq!(doc.as_array().unwrap().len(), reviews.n_reviews);
    doc
}

/// The sample session as if opened from a web page that states its
/// address and date.
fn sample_from_the_web() -> Session {
    let mut doc: Value = serde_json::from_str(&export(&sample_session())).unwrap();
    doc["article"]["url"] = json!("https://harbour.example/news/pier");
    doc["article"]["published"] = json!("2026-03-14T09:30:00+01:00");
    import(doc.to_string().as_bytes()).unwrap().session
}

#[test]
fn the_sample_claim_with_a_verdict_is_reviewed_in_full() {
    let reviews = claim_reviews(&sample_from_the_web());
    let out = &reviews.json_ld;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sample.claimreview.json"
    );
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, out).unwrap();
    }
    let golden = std::fs::read_to_string(path).expect("run with UPDATE_GOLDEN=1 to create it");
    assert_eq!(
        out, &golden,
        "ClaimReview export changed; if intended, rerun with UPDATE_GOLDEN=1"
    );
    let doc = checked(&reviews);
    assert_eq!(reviews.n_reviews, 1, "the other claim is still Unverified");
    let r = &doc[0];
    assert_eq!(
        r["claimReviewed"], "Rebuilding the pier costs 4.2 million euros",
        "the summary"
    );
    assert_eq!(
        r["reviewRating"],
        json!({ "@type": "Rating", "alternateName": "Mostly true", "ratingValue": 5, "worstRating": 1, "bestRating": 6 })
    );
    assert_eq!(r["url"], "https://factcheck.example/pier-cost");
    assert_eq!(
        r["datePublished"], "2026-01-02",
        "when the claim was last edited"
    );
    let claim = &r["itemReviewed"];
    assert_eq!(
        claim["author"],
        json!({ "@type": "Organization", "name": "Brandt & Kové", "url": "https://brandt-kove.example/" })
    );
    assert_eq!(
        claim["appearance"]["url"],
        "https://harbour.example/news/pier"
    );
    assert_eq!(
        claim["appearance"]["headline"],
        "Harbour town votes to rebuild its flooded ferry pier"
    );
    assert_eq!(claim["datePublished"], "2026-03-14");
    assert_eq!(reviews.missing, [], "nothing lacking");
}

#[test]
fn what_a_review_lacks_is_reported_not_invented() {
    let s = session(
        "[Zas]{source#z kind=Person role=Mayor} said [it rains]{claim verdict=False -said-by-> z}; \
         [Ann]{source#n} said [it snows]{claim verdict=Unsupported -said-by-> n}; [it hails]{claim}; \
         [the atlas]{source#d kind=Document} said [it is flat]{claim verdict=True -said-by-> d}.",
    );
    let reviews = claim_reviews(&s);
    let doc = checked(&reviews);
    assert_eq!(reviews.n_reviews, 3, "Unverified is no verdict");
    assert_eq!(
        doc[0]["claimReviewed"], "it rains",
        "no summary: the exact text"
    );
    assert_eq!(
        doc[0]["itemReviewed"]["author"],
        json!({ "@type": "Person", "name": "Zas", "jobTitle": "Mayor" })
    );
    assert_eq!(doc[0]["itemReviewed"]["appearance"]["headline"], "Fixture");
    assert!(doc[0].get("url").is_none(), "never invented");
    assert_eq!(
        doc[1]["reviewRating"],
        json!({ "@type": "Rating", "alternateName": "Unsupported" })
    );
    assert!(doc[1]["itemReviewed"].get("author").is_none());
    let said: Vec<String> = reviews.missing.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "“it rains” lacks url (required): fill in its Fact-check URL (the address of your fact-check).",
            "“it snows” lacks reviewRating.ratingValue (recommended): the verdict “Unsupported” has no number on the rating scale; give it one in the tag set.",
            "“it snows” lacks url (required): fill in its Fact-check URL (the address of your fact-check).",
            "“it snows” lacks itemReviewed.author (recommended): set the Kind of its source “Ann” to Person or Organisation.",
            "“it is flat” lacks url (required): fill in its Fact-check URL (the address of your fact-check).",
            "“it is flat” lacks itemReviewed.author (recommended): set the Kind of its source “the atlas” to Person or Organisation.",
            "Every review lacks itemReviewed.appearance.url (recommended): the article has no web address (open it from a saved web page that states one).",
            "Every review lacks itemReviewed.datePublished (recommended): the article states no publication date of the form YYYY-MM-DD.",
        ]
    );
    assert!(reviews.missing[0].required && reviews.missing[0].annotation == Some("a2".into()));
}

#[test]
fn no_verdict_no_review_and_other_tags_with_a_verdict_count_too() {
    let none = claim_reviews(&session("[it rains]{claim} and [Zas]{source}."));
    assert_eq!(
        (none.n_reviews, none.json_ld.as_str(), none.missing.len()),
        (0, "[]\n", 0)
    );
    // A tag of one's own with a verdict field and no default: any verdict counts.
    let mut parts = Schema::default().to_parts();
    let mut rumour = Schema::default().suggest_tag("rumour", "Rumour");
    rumour.fields.push(FieldDef::new(
        "verdict",
        "Verdict",
        FieldKind::Choice {
            options: vec!["Unverified".into(), "Debunked".into()],
            ratings: Default::default(),
        },
    ));
    parts.tags.push(rumour);
    let schema = Schema::new(parts.tags, parts.relations).unwrap();
    let s = session_with(schema, "[a]{rumour verdict=Unverified} [b]{rumour}");
    let reviews = claim_reviews(&s);
    let doc = checked(&reviews);
    assert_eq!(reviews.n_reviews, 1);
    assert_eq!(doc[0]["reviewRating"]["alternateName"], "Unverified");
}
