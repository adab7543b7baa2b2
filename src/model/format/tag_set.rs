//! Tag set files: a [`Schema`] saved on its own, so a team shares one.
//!
//! ```json
//! { "tag_set": 1, "tags": [ … ], "relations": [ … ] }
//! ```
//!
//! `tags` and `relations` are as in the `schema` of an annotations file.
//! Reading also takes an annotations file and uses its tag set (the
//! default one for version 1).

use super::import::{json_object, schema_of, version_of, ImportError};
use crate::model::{Schema, SchemaParts};
use serde::Serialize;

/// The version of the tag set file this build writes and reads.
pub const TAG_SET_VERSION: u32 = 1;

#[derive(Serialize)]
struct TagSetOut<'a> {
    tag_set: u32,
    #[serde(flatten)]
    schema: &'a Schema,
}

/// `schema` as a tag set file: pretty-printed JSON, UTF-8.
pub fn export_tag_set(schema: &Schema) -> String {
    let file = TagSetOut {
        tag_set: TAG_SET_VERSION,
        schema,
    };
    let mut out = serde_json::to_string_pretty(&file).expect("plain data serialises");
    out.push('\n');
    out
}

/// The tag set of a tag set file or of an annotations file, checked.
/// Applying it to a session is [`crate::model::Command::UseSchema`].
///
/// # Errors
/// What is wrong with the file or the tag set; as [`super::import`] for
/// an annotations file's version and tag set.
pub fn import_tag_set(bytes: &[u8]) -> Result<Schema, ImportError> {
    let mut value = json_object(bytes)?;
    if value.get("version").is_some() {
        let version = version_of(&value)?;
        let parts = match value.get_mut("schema").map(serde_json::Value::take) {
            Some(schema) => Some(
                serde_json::from_str::<SchemaParts>(&schema.to_string())
                    .map_err(|e| ImportError::Shape(e.to_string()))?,
            ),
            None => None,
        };
        return schema_of(version, parts);
    }
    let Some(v) = value.get("tag_set") else {
        return Err(ImportError::Foreign(
            "it is neither a tag set (no \"tag_set\" field) nor an annotations file".into(),
        ));
    };
    if v.as_u64() != Some(u64::from(TAG_SET_VERSION)) {
        return Err(ImportError::Shape(format!(
            "this tag set has version {v}; this app reads version {TAG_SET_VERSION}"
        )));
    }
    value.as_object_mut().expect("an object").remove("tag_set");
    let parts: SchemaParts =
        serde_json::from_str(&value.to_string()).map_err(|e| ImportError::Shape(e.to_string()))?;
    Schema::new(parts.tags, parts.relations).map_err(ImportError::Schema)
}
