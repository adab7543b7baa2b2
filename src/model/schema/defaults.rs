//! The default tag set: Claim, Quote and Source with the fields a
//! fact-checker records (after ClaimReview), and four relation types.
//!
//! The verdict scale runs from 1 (False) to 6 (True); Unverified (the
//! default: no verdict yet) and Unsupported (no evidence either way) have
//! no number on it. See `docs/format.md`.

use super::{palette::PALETTE, Cue, FieldDef, FieldKind, RelationType, Schema, TagDef};

/// The verdicts in chooser order, with their rating (`None`: off the scale).
pub const VERDICTS: [(&str, Option<i32>); 8] = [
    ("Unverified", None),
    ("True", Some(6)),
    ("Mostly true", Some(5)),
    ("Half true", Some(4)),
    ("Misleading", Some(3)),
    ("Mostly false", Some(2)),
    ("False", Some(1)),
    ("Unsupported", None),
];

fn choice(id: &str, label: &str, options: &[&str]) -> FieldDef {
    FieldDef::new(
        id,
        label,
        FieldKind::Choice {
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            ratings: Default::default(),
        },
    )
}

fn tag(id: &str, label: &str, n: usize, cue: Cue, fields: Vec<FieldDef>) -> TagDef {
    TagDef {
        key: char::from_digit(n as u32 + 1, 10),
        letter: label.chars().next().map(|c| c.to_ascii_lowercase()),
        color: PALETTE[n].color.to_owned(),
        cue,
        fields,
        ..TagDef::new(id, label)
    }
}

fn relation(id: &str, label: &str, inverse: &str, from: &[&str], to: &[&str]) -> RelationType {
    RelationType {
        id: id.into(),
        label: label.to_owned(),
        inverse_label: inverse.to_owned(),
        from: from.iter().map(|t| (*t).into()).collect(),
        to: to.iter().map(|t| (*t).into()).collect(),
    }
}

pub(super) fn default_schema() -> Schema {
    let verdict = FieldDef {
        kind: FieldKind::Choice {
            options: VERDICTS.iter().map(|(o, _)| (*o).to_owned()).collect(),
            ratings: VERDICTS
                .iter()
                .filter_map(|(o, r)| Some(((*o).to_owned(), (*r)?)))
                .collect(),
        },
        default: Some("Unverified".into()),
        ..FieldDef::new("verdict", "Verdict", FieldKind::Text)
    };
    let claim = vec![
        verdict,
        FieldDef::new("check-worthy", "Check-worthy", FieldKind::YesNo),
        FieldDef::new("summary", "Summary", FieldKind::Text),
        FieldDef::new("fact-check-url", "Fact-check URL", FieldKind::Url),
    ];
    let quote = vec![choice("kind", "Kind", &["Direct", "Paraphrase"])];
    let source = vec![
        choice(
            "kind",
            "Kind",
            &[
                "Person",
                "Organisation",
                "Document",
                "Dataset",
                "Website",
                "Other",
            ],
        ),
        FieldDef::new("role", "Role", FieldKind::Text),
        FieldDef::new("url", "URL", FieldKind::Url),
    ];
    let tags = vec![
        tag("claim", "Claim", 0, Cue::Solid, claim),
        tag("quote", "Quote", 1, Cue::Double, quote),
        tag("source", "Source", 2, Cue::Dotted, source),
    ];
    let relations = vec![
        relation(
            "said-by",
            "Said by",
            "Source of",
            &["quote", "claim"],
            &["source"],
        ),
        relation(
            "evidence",
            "Evidence",
            "Evidence for",
            &["claim"],
            &["source"],
        ),
        relation(
            "supports",
            "Supports",
            "Supported by",
            &["source"],
            &["claim"],
        ),
        relation(
            "contradicts",
            "Contradicts",
            "Contradicted by",
            &["source"],
            &["claim"],
        ),
    ];
    Schema::new(tags, relations).expect("the default schema is valid")
}
