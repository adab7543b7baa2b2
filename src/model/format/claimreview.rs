//! ClaimReview export: schema.org JSON-LD, the markup search engines and
//! fact-check tools read, for every claim with a verdict. Pure; values the
//! user has not filled are reported ([`Missing`]), never invented.
//!
//! Which annotations are claims, and where each property comes from, is
//! decided by well-known ids (the default tag set has them all):
//!
//! | ClaimReview | from |
//! |---|---|
//! | one review per | annotation whose tag has a choice field `verdict`, set to another value than its default (Unverified) |
//! | `claimReviewed` | its `summary` field, else its exact text |
//! | `reviewRating` | `alternateName` the verdict; `ratingValue`, `worstRating`, `bestRating` from the option's rating and the scale of the field's ratings |
//! | `url` | its `fact-check-url` field |
//! | `datePublished` | the date the annotation was last modified |
//! | `itemReviewed` | a `Claim`: `author` from the source it is `said-by` (a `Person` or `Organization` by the source's `kind`, with its `role` as `jobTitle` and its `url`), `appearance` the article (its URL and headline), `datePublished` the article's date when it states one |

use crate::model::case::Lowercase;
use crate::model::format::excerpt;
use crate::model::schema::syntax::{date_prefix, url_problem};
use crate::model::{Annotation, AnnotationId, Session, TagDef};
use serde_json::{json, Map, Value};
use std::fmt;

/// The choice field that makes a tag's annotations claims.
pub const VERDICT: &str = "verdict";
pub const SUMMARY: &str = "summary";
pub const FACT_CHECK_URL: &str = "fact-check-url";
/// The relation type from a claim to who said it.
pub const SAID_BY: &str = "said-by";
/// Fields of the source a claim is said by.
pub const SOURCE_KIND: &str = "kind";
pub const SOURCE_ROLE: &str = "role";
pub const SOURCE_URL: &str = "url";

/// The export: JSON-LD and what it lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimReviews {
    /// A JSON array of `ClaimReview` objects, each with its `@context`,
    /// pretty-printed; `[]` when no claim has a verdict.
    pub json_ld: String,
    pub n_reviews: usize,
    /// What the reviews lack, claim by claim in reading order, then what
    /// the article lacks.
    pub missing: Vec<Missing>,
}

/// A property a review lacks because the user has not filled what it
/// comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The claim; `None` for what the article lacks (every review lacks it).
    pub annotation: Option<AnnotationId>,
    /// The claim's text, shortened to 60 code points; empty for the article.
    pub claim: String,
    /// The property's path, e.g. `"itemReviewed.author"`.
    pub property: &'static str,
    /// Required by ClaimReview (Google's list), not just recommended.
    pub required: bool,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let need = if self.required {
            "required"
        } else {
            "recommended"
        };
        if self.claim.is_empty() {
            write!(
                f,
                "Every review lacks {} ({need}): {}.",
                self.property, self.hint
            )
        } else {
            write!(
                f,
                "“{}” lacks {} ({need}): {}.",
                self.claim, self.property, self.hint
            )
        }
    }
}

/// The ClaimReviews of `session`. O(n + relations of the claims).
pub fn claim_reviews(session: &Session) -> ClaimReviews {
    let article = session.article();
    let mut missing = Vec::new();
    let mut reviews = Vec::new();
    for a in session.annotations() {
        let Some(def) = session.schema().tag(&a.tag) else {
            continue;
        };
        let Some(field) = def.field_named(VERDICT) else {
            continue;
        };
        let Some(verdict) = def.value(a, VERDICT).and_then(|v| v.as_str()) else {
            continue;
        };
        if field.default.as_ref().and_then(|d| d.as_str()) == Some(verdict) {
            continue;
        }
        let text = article.text.slice(a.range);
        let mut lack = |property, required, hint: String| {
            missing.push(Missing {
                annotation: Some(a.id.clone()),
                claim: excerpt(text, 60),
                property,
                required,
                hint,
            })
        };
        let mut rating = json!({ "@type": "Rating", "alternateName": verdict });
        match field.rating(verdict) {
            Some((value, worst, best)) => {
                rating["ratingValue"] = json!(value);
                rating["worstRating"] = json!(worst);
                rating["bestRating"] = json!(best);
            }
            None => lack(
                "reviewRating.ratingValue",
                false,
                format!("the verdict “{verdict}” has no number on the rating scale; give it one in the tag set"),
            ),
        }
        let summary = def.value(a, SUMMARY).and_then(|v| v.as_str());
        let mut review = json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": summary.unwrap_or(text),
            "reviewRating": rating,
        });
        match def.value(a, FACT_CHECK_URL).and_then(|v| v.as_str()) {
            Some(url) => review["url"] = json!(url),
            None => lack(
                "url",
                true,
                "fill in its Fact-check URL (the address of your fact-check)".into(),
            ),
        }
        if let Some(date) = date_prefix(&a.modified) {
            review["datePublished"] = json!(date);
        }
        review["itemReviewed"] = item_reviewed(session, a, &mut lack);
        reviews.push(review);
    }
    let n_reviews = reviews.len();
    if n_reviews > 0 {
        let meta = &article.meta;
        let mut lack = |property, hint: &str| {
            missing.push(Missing {
                annotation: None,
                claim: String::new(),
                property,
                required: false,
                hint: hint.to_owned(),
            })
        };
        if url_problem(&meta.url).is_some() {
            lack(
                "itemReviewed.appearance.url",
                "the article has no web address (open it from a saved web page that states one)",
            );
        }
        if date_prefix(&meta.published).is_none() {
            lack(
                "itemReviewed.datePublished",
                "the article states no publication date of the form YYYY-MM-DD",
            );
        }
    }
    let mut json_ld = serde_json::to_string_pretty(&Value::Array(reviews)).expect("plain JSON");
    json_ld.push('\n');
    ClaimReviews {
        json_ld,
        n_reviews,
        missing,
    }
}

/// The `Claim` reviewed: who said it (the first source in reading order
/// that it is said by), where and when it appeared.
fn item_reviewed(
    session: &Session,
    a: &Annotation,
    lack: &mut impl FnMut(&'static str, bool, String),
) -> Value {
    let article = session.article();
    let mut claim = Map::new();
    claim.insert("@type".into(), json!("Claim"));
    let source = session
        .relations_of(&a.id)
        .filter(|r| r.kind == SAID_BY && r.from == a.id)
        .filter_map(|r| session.position(&r.to))
        .min()
        .map(|i| &session.annotations()[i]);
    match source.and_then(|s| Some((s, session.schema().tag(&s.tag)?))) {
        Some((s, def)) => match author(session, s, def) {
            Some(author) => {
                claim.insert("author".into(), author);
            }
            None => lack(
                "itemReviewed.author",
                false,
                format!(
                    "set the Kind of its source “{}” to Person or Organisation",
                    excerpt(article.text.slice(s.range), 40)
                ),
            ),
        },
        None => lack(
            "itemReviewed.author",
            false,
            "link it to who said it (Said by)".into(),
        ),
    }
    let meta = &article.meta;
    let mut appearance = Map::new();
    appearance.insert("@type".into(), json!("CreativeWork"));
    if url_problem(&meta.url).is_none() {
        appearance.insert("url".into(), json!(meta.url));
    }
    if !article.title.trim().is_empty() {
        appearance.insert("headline".into(), json!(article.title));
    }
    if let Some(date) = date_prefix(&meta.published) {
        appearance.insert("datePublished".into(), json!(date));
        claim.insert("datePublished".into(), json!(date));
    }
    if appearance.len() > 1 {
        claim.insert("appearance".into(), Value::Object(appearance));
    }
    Value::Object(claim)
}

/// The source as a schema.org `Person` or `Organization`; `None` when its
/// kind is neither (or unset).
fn author(session: &Session, s: &Annotation, def: &TagDef) -> Option<Value> {
    let kind = def.value(s, SOURCE_KIND)?.as_str()?.lowercase();
    let person = match kind.as_str() {
        "person" => true,
        "organisation" | "organization" => false,
        _ => return None,
    };
    let name = session.article().text.slice(s.range);
    let mut author = json!({
        "@type": if person { "Person" } else { "Organization" },
        "name": name,
    });
    if let Some(role) = def.value(s, SOURCE_ROLE).and_then(|v| v.as_str()) {
        if person {
            author["jobTitle"] = json!(role);
        }
    }
    if let Some(url) = def.value(s, SOURCE_URL).and_then(|v| v.as_str()) {
        author["url"] = json!(url);
    }
    Some(author)
}
