//! What the Tags dialog's controls ask for, as model [`Command`]s: one
//! command per change, so each is one undo step and the model checks it
//! (a taken key or label, an empty name: its [`crate::model::Problem`]
//! shows in the notice bar). Pure, so it is tested natively
//! (`tests/tag_edit.rs`); `tags_dialog` only reads the controls.

use crate::model::schema::syntax::{is_id, MAX_ID_LEN};
use crate::model::{
    Command, Cue, Disposal, FieldDef, FieldKind, RelationType, Schema, TagDef, TagId,
};

/// One change to a tag's own settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TagEdit {
    Label(String),
    /// `None`: no number key.
    Key(Option<char>),
    /// `None`: no letter.
    Letter(Option<char>),
    /// A palette colour (`"#rrggbb"`).
    Color(String),
    Cue(Cue),
}

/// The field types the dialog offers: (name in the file, what the page
/// calls it).
pub const FIELD_TYPES: [(&str, &str); 6] = [
    ("text", "Text"),
    ("choice", "Choice"),
    ("yes-no", "Yes/no"),
    ("number", "Number"),
    ("url", "Web address"),
    ("date", "Date"),
];

/// What the page calls an underline style.
pub const fn cue_name(cue: Cue) -> &'static str {
    match cue {
        Cue::Solid => "Solid underline",
        Cue::Double => "Double underline",
        Cue::Dotted => "Dotted underline",
        Cue::Dashed => "Dashed underline",
        Cue::Wavy => "Wavy underline",
    }
}

/// An id made from `label` that `taken` does not hold: its ASCII letters
/// and digits in lower case, words joined by hyphens, starting with a
/// letter (`fallback` when none is left), numbered `-2`, `-3`… when taken.
/// Always [`is_id`]. O(label + tries).
pub fn id_for(label: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in label.chars() {
        if c.is_ascii_alphanumeric() {
            if base.is_empty() && !c.is_ascii_alphabetic() {
                continue;
            }
            base.push(c.to_ascii_lowercase());
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    base.truncate(MAX_ID_LEN - 3);
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { fallback } else { base };
    let mut id = base.to_owned();
    let mut n = 2;
    while taken(&id) || !is_id(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// "Add tag": a tag labelled `label` with the next free number key, a free
/// letter and a colour and cue no tag uses ([`Schema::suggest_tag`]).
pub fn add_tag(schema: &Schema, label: &str) -> Command {
    let label = label.trim();
    let id = id_for(label, "tag", |id| {
        schema.tag_named(id).is_some() || crate::model::schema::RESERVED_TAG_IDS.contains(&id)
    });
    Command::AddTag(schema.suggest_tag(&id, label))
}

/// `tag` with `edit` made.
pub fn update_tag(tag: &TagDef, edit: TagEdit, at: &str) -> Command {
    let mut tag = tag.clone();
    match edit {
        TagEdit::Label(label) => tag.label = label.trim().to_owned(),
        TagEdit::Key(key) => tag.key = key,
        TagEdit::Letter(letter) => tag.letter = letter,
        TagEdit::Color(color) => tag.color = color,
        TagEdit::Cue(cue) => tag.cue = cue,
    }
    Command::UpdateTag {
        tag,
        at: at.to_owned(),
    }
}

/// The letter typed into a letter box: its first character in lower case,
/// `None` when empty (the model refuses what is not a letter).
pub fn letter_of(typed: &str) -> Option<char> {
    typed.trim().chars().next().map(|c| c.to_ascii_lowercase())
}

/// Options typed as a comma-separated list, trimmed, empty ones left out.
pub fn options_of(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A field of type `kind` (a name of [`FIELD_TYPES`]); a choice takes
/// `options` (comma-separated). `None` for a type name not offered.
pub fn field_kind(kind: &str, options: &str) -> Option<FieldKind> {
    Some(match kind {
        "text" => FieldKind::Text,
        "choice" => FieldKind::Choice {
            options: options_of(options),
            ratings: Default::default(),
        },
        "yes-no" => FieldKind::YesNo,
        "number" => FieldKind::Number,
        "url" => FieldKind::Url,
        "date" => FieldKind::Date,
        _ => return None,
    })
}

/// `tag` with a new field labelled `label`, at the end of its fields.
pub fn add_field(tag: &TagDef, label: &str, kind: FieldKind, at: &str) -> Command {
    let label = label.trim();
    let id = id_for(label, "field", |id| tag.field_named(id).is_some());
    let mut tag = tag.clone();
    tag.fields.push(FieldDef::new(&id, label, kind));
    Command::UpdateTag {
        tag,
        at: at.to_owned(),
    }
}

/// `tag` without its field `field` (its values go, in the same step).
pub fn remove_field(tag: &TagDef, field: &str, at: &str) -> Command {
    let mut tag = tag.clone();
    tag.fields.retain(|f| f.id != field);
    Command::UpdateTag {
        tag,
        at: at.to_owned(),
    }
}

/// Move tag `id` one place up or down; `None` at that end of the set.
pub fn move_tag(schema: &Schema, id: &TagId, up: bool) -> Option<Command> {
    let i = schema.index(id)?;
    let index = if up {
        i.checked_sub(1)?
    } else {
        Some(i + 1).filter(|j| *j < schema.tags().len())?
    };
    Some(Command::MoveTag {
        id: id.clone(),
        index,
    })
}

/// What can become of the annotations of tag `id` when it is removed, as
/// the page words it: delete them, or give them another tag.
pub fn disposals(schema: &Schema, id: &TagId) -> Vec<(Disposal, String)> {
    let mut out = vec![(Disposal::Delete, "Delete them".to_owned())];
    out.extend(schema.tags().iter().filter(|t| t.id != *id).map(|t| {
        (
            Disposal::Retag(t.id.clone()),
            format!("Tag them {}", t.label),
        )
    }));
    out
}

/// Relation type `kind` with tag `tag` allowed (`on`) or not at its start
/// (`from`) or end. The model refuses an end left without tags.
pub fn set_end(kind: &RelationType, from: bool, tag: &TagId, on: bool) -> Command {
    let mut kind = kind.clone();
    let end = if from { &mut kind.from } else { &mut kind.to };
    end.retain(|t| t != tag);
    if on {
        end.push(tag.clone());
    }
    Command::UpdateRelationType(kind)
}
