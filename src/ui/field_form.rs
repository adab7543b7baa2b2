//! [`FieldForm`]: what the chooser's field editors hold while it is open,
//! as typed, for every tag the user looks at (so switching tags and back
//! keeps what was typed). Pure; the chooser owns one.

use crate::model::{FieldId, Fields, TagDef, TagId};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldForm {
    /// Typed text per (tag, field); a field not here shows its stored value.
    typed: BTreeMap<(TagId, FieldId), String>,
    /// The annotation's fields when the chooser opened (empty for a new one).
    stored: Fields,
}

/// A field whose text does not fit: which, and why (a sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: FieldId,
    pub message: String,
}

impl FieldForm {
    /// A form starting from an annotation's `stored` fields.
    pub fn new(stored: Fields) -> Self {
        Self {
            typed: BTreeMap::new(),
            stored,
        }
    }

    /// The text of field `def` of tag `tag`'s editor: as typed, else the
    /// stored value (for a field of that id that fits), else the default.
    pub fn text(&self, tag: &TagDef, def: &crate::model::FieldDef) -> String {
        if let Some(t) = self.typed.get(&(tag.id.clone(), def.id.clone())) {
            return t.clone();
        }
        let stored = self.stored.get(&def.id).filter(|v| def.check(v).is_ok());
        def.input(stored)
    }

    pub fn set(&mut self, tag: &TagId, field: &FieldId, text: String) {
        self.typed.insert((tag.clone(), field.clone()), text);
    }

    /// The fields of an annotation tagged `tag`, read from the editors.
    ///
    /// # Errors
    /// The first field (in the tag's order) whose text does not fit.
    pub fn fields(&self, tag: &TagDef) -> Result<Fields, FieldError> {
        let mut out = Fields::new();
        for def in &tag.fields {
            let text = self.text(tag, def);
            match def.parse(&text) {
                Ok(Some(v)) => {
                    out.insert(def.id.clone(), v);
                }
                Ok(None) => {}
                Err(problem) => {
                    return Err(FieldError {
                        field: def.id.clone(),
                        message: crate::ui::messages::field_problem(&def.label, &text, &problem),
                    })
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldValue, Schema};

    #[test]
    fn typed_text_wins_and_bad_text_is_named() {
        let schema = Schema::default();
        let claim = schema.tag_named("claim").unwrap();
        let quote = schema.tag_named("quote").unwrap();
        let stored: Fields = [("summary".into(), FieldValue::from("Old"))].into();
        let mut form = FieldForm::new(stored);
        let verdict = claim.field_named("verdict").unwrap();
        assert_eq!(form.text(claim, verdict), "Unverified");
        assert_eq!(form.fields(claim).unwrap().len(), 1, "summary only");
        form.set(&claim.id, &"verdict".into(), "False".into());
        form.set(&claim.id, &"check-worthy".into(), "maybe".into());
        let err = form.fields(claim).unwrap_err();
        assert_eq!(err.field.as_str(), "check-worthy");
        assert!(err.message.contains("Check-worthy"), "{}", err.message);
        form.set(&claim.id, &"check-worthy".into(), "yes".into());
        let fields = form.fields(claim).unwrap();
        assert_eq!(fields.get("verdict"), Some(&FieldValue::from("False")));
        assert_eq!(fields.get("check-worthy"), Some(&FieldValue::Bool(true)));
        assert_eq!(fields.get("summary"), Some(&FieldValue::from("Old")));
        // Another tag's "kind" is its own.
        form.set(&quote.id, &"kind".into(), "Direct".into());
        assert_eq!(form.fields(quote).unwrap().len(), 1);
    }
}
