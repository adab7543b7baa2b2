//! Field values as a user types them: [`FieldDef::parse`] reads what an
//! editor holds, [`FieldDef::input`] writes a value back for editing. Both
//! are plain text, so every field type has one keyboard editor.

use super::{FieldDef, FieldKind, FieldProblem, FieldValue};
use crate::model::number;

impl FieldDef {
    /// The value typed as `input` (surrounding spaces ignored): `None` when
    /// it is empty (the field is unset) or is the field's default (a default
    /// is never stored). Yes/no takes yes, no, true or false in any case;
    /// a number takes a decimal point or a decimal comma.
    ///
    /// # Errors
    /// Why `input` does not fit, as [`FieldDef::check`] says it.
    pub fn parse(&self, input: &str) -> Result<Option<FieldValue>, FieldProblem> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        let wrong = |value: FieldValue| self.check(&value).err().unwrap_or(FieldProblem::NotFinite);
        let value = match &self.kind {
            FieldKind::YesNo => match input.to_ascii_lowercase().as_str() {
                "yes" | "true" => FieldValue::Bool(true),
                "no" | "false" => FieldValue::Bool(false),
                _ => return Err(wrong(FieldValue::from(input))),
            },
            FieldKind::Number => match number::parse(&input.replace(',', ".")) {
                Some(n) => FieldValue::Number(n),
                None => return Err(wrong(FieldValue::from(input))),
            },
            _ => FieldValue::from(input),
        };
        self.check(&value)?;
        Ok((self.default.as_ref() != Some(&value)).then_some(value))
    }

    /// `value` as its editor shows it, the default when unset, else empty:
    /// what [`FieldDef::parse`] reads back to the same value.
    pub fn input(&self, value: Option<&FieldValue>) -> String {
        match self.effective(value) {
            None => String::new(),
            Some(FieldValue::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
            Some(FieldValue::Number(n)) => number::display(*n),
            Some(FieldValue::Text(s)) => s.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn claim_field(id: &str) -> FieldDef {
        let schema = Schema::default();
        let claim = schema.tag_named("claim").expect("a default tag");
        claim.field_named(id).expect("a claim field").clone()
    }

    #[test]
    fn typed_values_are_read_by_type() {
        let number = FieldDef::new("n", "N", FieldKind::Number);
        assert_eq!(number.parse(" 2,5 "), Ok(Some(FieldValue::Number(2.5))));
        assert_eq!(number.parse("-1e3"), Ok(Some(FieldValue::Number(-1000.0))));
        assert!(number.parse("many").is_err());
        assert!(number.parse("inf").is_err(), "not finite");
        let yes_no = claim_field("check-worthy");
        assert_eq!(yes_no.parse("Yes"), Ok(Some(FieldValue::Bool(true))));
        assert_eq!(yes_no.parse("false"), Ok(Some(FieldValue::Bool(false))));
        assert_eq!(yes_no.parse("  "), Ok(None));
        assert_eq!(
            yes_no.parse("maybe").unwrap_err().to_string(),
            "but a yes/no field holds true or false"
        );
        let url = claim_field("fact-check-url");
        assert!(url.parse("example.org").is_err());
        assert_eq!(
            url.parse("https://example.org/check"),
            Ok(Some("https://example.org/check".into()))
        );
    }

    #[test]
    fn the_default_is_shown_and_never_stored() {
        let verdict = claim_field("verdict");
        assert_eq!(verdict.input(None), "Unverified");
        assert_eq!(verdict.parse("Unverified"), Ok(None));
        assert_eq!(verdict.parse("False"), Ok(Some("False".into())));
        assert!(verdict.parse("Maybe").is_err());
    }

    #[test]
    fn input_reads_back_to_the_same_value() {
        let number = FieldDef::new("n", "N", FieldKind::Number);
        for n in [3.0, -0.25, 1e21] {
            let v = FieldValue::Number(n);
            assert_eq!(number.parse(&number.input(Some(&v))), Ok(Some(v)));
        }
        let yes_no = FieldDef::new("b", "B", FieldKind::YesNo);
        let v = FieldValue::Bool(false);
        assert_eq!(yes_no.parse(&yes_no.input(Some(&v))), Ok(Some(v)));
    }
}
