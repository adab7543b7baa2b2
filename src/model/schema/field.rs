//! Fields: what a tag lets an annotation record besides its note
//! ([`FieldDef`], [`FieldKind`]), the values ([`FieldValue`]), and why a
//! value does not fit ([`FieldProblem`]).

use super::syntax::{is_date, url_problem};
use super::{FieldId, FieldValue};
use crate::model::limits::{check_field_text, Exceeded};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Longest text a text field takes, in code points (one of the
/// [`crate::model::limits`]).
pub const MAX_TEXT_LEN: usize = crate::model::limits::MAX_FIELD_TEXT_CHARS;

/// One field of a tag: its id (the key in an annotation's `fields`), the
/// label the page shows, its type and an optional default.
///
/// The default is the value an annotation has while the field is unset
/// ([`FieldDef::effective`]): a new claim's verdict is Unverified without
/// storing it. Invariant in a valid schema: the default fits the type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDef {
    pub id: FieldId,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<FieldValue>,
}

/// A field's type, serialised as `"type"` beside the field's other keys
/// (`{"type": "choice", "options": [...]}`). What each holds, and its JSON
/// form in an annotation:
///
/// | type | holds | JSON |
/// |---|---|---|
/// | `text` | any text, 1 to [`MAX_TEXT_LEN`] characters | string |
/// | `choice` | one of `options` | the option's label, a string |
/// | `yes-no` | yes or no | `true` / `false` |
/// | `number` | a finite number | number |
/// | `url` | an absolute `http`/`https` address, never fetched | string |
/// | `date` | an ISO 8601 calendar date `YYYY-MM-DD` | string |
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    /// `ratings` gives options a whole number on a scale (for ClaimReview's
    /// `ratingValue`; the scale runs from the lowest to the highest rating
    /// given); an option without one has no number.
    Choice {
        options: Vec<String>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        ratings: BTreeMap<String, i32>,
    },
    YesNo,
    Number,
    Url,
    Date,
}

impl FieldKind {
    /// The name in the file (`"yes-no"`).
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Choice { .. } => "choice",
            FieldKind::YesNo => "yes-no",
            FieldKind::Number => "number",
            FieldKind::Url => "url",
            FieldKind::Date => "date",
        }
    }

    /// What a field of this type holds, for messages ("a yes/no field
    /// holds true or false").
    fn holds(&self) -> &'static str {
        match self {
            FieldKind::Text => "a text field holds text",
            FieldKind::Choice { .. } => "a choice field holds one of its options, as text",
            FieldKind::YesNo => "a yes/no field holds true or false",
            FieldKind::Number => "a number field holds a number",
            FieldKind::Url => "a URL field holds a web address, as text",
            FieldKind::Date => "a date field holds a date (YYYY-MM-DD), as text",
        }
    }
}

/// Why a value does not fit a field: the end of a sentence that names the
/// field and the value first ("its field "verdict" is "Maybe", " + this).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// The tag has no field with this id; `known` lists the ones it has.
    Unknown {
        tag: String,
        known: Vec<FieldId>,
    },
    /// A value of another JSON type; `holds` says what the field holds.
    WrongType {
        holds: &'static str,
    },
    NotAnOption {
        options: Vec<String>,
    },
    NotAUrl {
        why: &'static str,
    },
    NotADate,
    NotFinite,
    /// An empty text: an unset field is left out instead.
    Empty,
    /// A text longer than [`MAX_TEXT_LEN`].
    TooLong(Exceeded),
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Unknown { tag, known } if known.is_empty() => {
                write!(f, "but the tag \"{tag}\" has no fields")
            }
            FieldProblem::Unknown { tag, known } => {
                let known: Vec<&str> = known.iter().map(FieldId::as_str).collect();
                write!(
                    f,
                    "but the tag \"{tag}\" has no such field (its fields: {})",
                    known.join(", ")
                )
            }
            FieldProblem::WrongType { holds } => write!(f, "but {holds}"),
            FieldProblem::NotAnOption { options } => {
                write!(f, "which is not one of its options: {}", options.join(", "))
            }
            FieldProblem::NotAUrl { why } => write!(f, "which is not a web address: {why}"),
            FieldProblem::NotADate => write!(f, "which is not a date of the form YYYY-MM-DD"),
            FieldProblem::NotFinite => write!(f, "which is not a finite number"),
            FieldProblem::Empty => write!(f, "which is empty (leave an unset field out)"),
            FieldProblem::TooLong(e) => write!(f, "which is too long: {e}"),
        }
    }
}

impl FieldDef {
    pub fn new(id: &str, label: &str, kind: FieldKind) -> Self {
        Self {
            id: id.into(),
            label: label.to_owned(),
            kind,
            default: None,
        }
    }

    /// Whether `value` fits this field's type. O(length of the value, or of
    /// the options for a choice).
    ///
    /// # Errors
    /// Why it does not.
    pub fn check(&self, value: &FieldValue) -> Result<(), FieldProblem> {
        let wrong = || FieldProblem::WrongType {
            holds: self.kind.holds(),
        };
        match (&self.kind, value) {
            (FieldKind::YesNo, FieldValue::Bool(_)) => Ok(()),
            (FieldKind::Number, FieldValue::Number(n)) if n.is_finite() => Ok(()),
            (FieldKind::Number, FieldValue::Number(_)) => Err(FieldProblem::NotFinite),
            (FieldKind::YesNo | FieldKind::Number, _) => Err(wrong()),
            (_, FieldValue::Text(s)) if s.is_empty() => Err(FieldProblem::Empty),
            (FieldKind::Text, FieldValue::Text(s)) => {
                check_field_text(s).map_err(FieldProblem::TooLong)
            }
            (FieldKind::Choice { options, .. }, FieldValue::Text(s)) => {
                if options.iter().any(|o| o == s) {
                    Ok(())
                } else {
                    Err(FieldProblem::NotAnOption {
                        options: options.clone(),
                    })
                }
            }
            (FieldKind::Url, FieldValue::Text(s)) => match url_problem(s) {
                None => Ok(()),
                Some(why) => Err(FieldProblem::NotAUrl { why }),
            },
            (FieldKind::Date, FieldValue::Text(s)) if is_date(s) => Ok(()),
            (FieldKind::Date, FieldValue::Text(_)) => Err(FieldProblem::NotADate),
            (_, _) => Err(wrong()),
        }
    }

    /// A value from a file's JSON, checked. O(as [`FieldDef::check`]).
    ///
    /// # Errors
    /// Why it does not fit (a JSON `null`, list or object never does).
    pub fn read(&self, json: &serde_json::Value) -> Result<FieldValue, FieldProblem> {
        let value = match json {
            serde_json::Value::Bool(b) => FieldValue::Bool(*b),
            serde_json::Value::Number(n) => {
                FieldValue::Number(n.as_f64().ok_or(FieldProblem::NotFinite)?)
            }
            serde_json::Value::String(s) => FieldValue::Text(s.clone()),
            _ => {
                return Err(FieldProblem::WrongType {
                    holds: self.kind.holds(),
                })
            }
        };
        self.check(&value)?;
        Ok(value)
    }

    /// The value an annotation has for this field: `stored`, else the
    /// default (`None`: unset).
    pub fn effective<'a>(&'a self, stored: Option<&'a FieldValue>) -> Option<&'a FieldValue> {
        stored.or(self.default.as_ref())
    }

    /// The options of a choice field; empty for other types.
    pub fn options(&self) -> &[String] {
        match &self.kind {
            FieldKind::Choice { options, .. } => options,
            _ => &[],
        }
    }

    /// The rating of a choice option, and the scale's (worst, best), when
    /// the option has one. O(options).
    pub fn rating(&self, option: &str) -> Option<(i32, i32, i32)> {
        let FieldKind::Choice { ratings, .. } = &self.kind else {
            return None;
        };
        let value = *ratings.get(option)?;
        let worst = ratings.values().copied().min()?;
        let best = ratings.values().copied().max()?;
        Some((value, worst, best))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict() -> FieldDef {
        FieldDef::new(
            "verdict",
            "Verdict",
            FieldKind::Choice {
                options: vec!["Unverified".into(), "True".into(), "False".into()],
                ratings: [("True".to_owned(), 2), ("False".to_owned(), 1)].into(),
            },
        )
    }

    #[test]
    fn each_type_takes_its_values_only() {
        let def = |kind| FieldDef::new("f", "F", kind);
        let text = FieldValue::from;
        let cases: Vec<(FieldKind, FieldValue, Option<&str>)> = vec![
            (FieldKind::Text, text("any"), None),
            (
                FieldKind::Text,
                text(""),
                Some("which is empty (leave an unset field out)"),
            ),
            (
                FieldKind::Text,
                true.into(),
                Some("but a text field holds text"),
            ),
            (FieldKind::YesNo, false.into(), None),
            (
                FieldKind::YesNo,
                text("yes"),
                Some("but a yes/no field holds true or false"),
            ),
            (FieldKind::Number, 2.5.into(), None),
            (
                FieldKind::Number,
                f64::NAN.into(),
                Some("which is not a finite number"),
            ),
            (
                FieldKind::Number,
                text("3"),
                Some("but a number field holds a number"),
            ),
            (FieldKind::Url, text("https://e.org"), None),
            (
                FieldKind::Url,
                text("e.org"),
                Some("which is not a web address: it must start with http:// or https://"),
            ),
            (FieldKind::Date, text("2026-03-14"), None),
            (
                FieldKind::Date,
                text("14/03/2026"),
                Some("which is not a date of the form YYYY-MM-DD"),
            ),
            (verdict().kind, text("True"), None),
            (
                verdict().kind,
                text("Maybe"),
                Some("which is not one of its options: Unverified, True, False"),
            ),
            (
                verdict().kind,
                1.0.into(),
                Some("but a choice field holds one of its options, as text"),
            ),
        ];
        for (kind, value, expected) in cases {
            let got = def(kind.clone()).check(&value).err().map(|p| p.to_string());
            assert_eq!(got.as_deref(), expected, "{} {value:?}", kind.name());
        }
        let long = "x".repeat(MAX_TEXT_LEN + 1);
        assert_eq!(
            def(FieldKind::Text).check(&text(&long)),
            Err(FieldProblem::TooLong(Exceeded::FieldTextChars(10_001)))
        );
        assert_eq!(
            def(FieldKind::Text).check(&text(&long[1..])),
            Ok(()),
            "at the limit"
        );
    }

    #[test]
    fn json_values_are_read_by_type() {
        let yes_no = FieldDef::new("f", "F", FieldKind::YesNo);
        assert_eq!(
            yes_no.read(&serde_json::json!(true)),
            Ok(FieldValue::Bool(true))
        );
        for bad in [
            serde_json::json!(null),
            serde_json::json!([true]),
            serde_json::json!({}),
        ] {
            assert!(matches!(
                yes_no.read(&bad),
                Err(FieldProblem::WrongType { .. })
            ));
        }
        let number = FieldDef::new("n", "N", FieldKind::Number);
        assert_eq!(
            number.read(&serde_json::json!(7)),
            Ok(FieldValue::Number(7.0))
        );
    }

    #[test]
    fn ratings_run_from_the_lowest_to_the_highest() {
        assert_eq!(verdict().rating("True"), Some((2, 1, 2)));
        assert_eq!(verdict().rating("Unverified"), None);
        let mut v = verdict();
        v.default = Some("Unverified".into());
        assert_eq!(v.effective(None), Some(&FieldValue::from("Unverified")));
        let stored = FieldValue::from("False");
        assert_eq!(v.effective(Some(&stored)), Some(&stored));
    }

    #[test]
    fn definitions_serialise_with_their_type_beside_them() {
        let json = serde_json::to_value(verdict()).unwrap();
        assert_eq!(json["type"], "choice");
        assert_eq!(json["options"][1], "True");
        assert_eq!(json["ratings"]["False"], 1);
        let back: FieldDef = serde_json::from_value(json).unwrap();
        assert_eq!(back, verdict());
        let url: FieldDef = serde_json::from_str(r#"{"id":"u","label":"U","type":"url"}"#).unwrap();
        assert_eq!(url.kind, FieldKind::Url);
    }
}
