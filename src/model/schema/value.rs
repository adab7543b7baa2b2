//! [`FieldValue`]: what a field of an annotation holds.

use serde::{Deserialize, Serialize};

/// A field's value. Serialised untagged: a JSON string, boolean or number.
///
/// Invariant in a session: numbers are finite (a check refuses NaN and
/// infinities, which JSON cannot hold either), so equality is an
/// equivalence and `Eq` holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FieldValue {
    Bool(bool),
    Number(f64),
    /// Text, a choice's option label, a URL or a date.
    Text(String),
}

impl Eq for FieldValue {}

impl FieldValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            FieldValue::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            FieldValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_number(&self) -> Option<f64> {
        match self {
            FieldValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The value as JSON text (`"False"` in quotes, `true`, `3.5`), for
    /// messages; a number that is not finite as Rust writes it (`inf`).
    pub fn to_json(&self) -> String {
        match self {
            FieldValue::Number(n) if !n.is_finite() => crate::model::number::display(*n),
            v => serde_json::to_string(v).expect("plain data serialises"),
        }
    }
}

impl From<&str> for FieldValue {
    fn from(s: &str) -> Self {
        FieldValue::Text(s.to_owned())
    }
}

impl From<bool> for FieldValue {
    fn from(b: bool) -> Self {
        FieldValue::Bool(b)
    }
}

impl From<f64> for FieldValue {
    fn from(n: f64) -> Self {
        FieldValue::Number(n)
    }
}
