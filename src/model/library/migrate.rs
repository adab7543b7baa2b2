//! Moving saved work into the library: the version 2 `localStorage`
//! records (one article, see `docs/format.md` "Storage") become one
//! library article, through the same checks as an import.

use super::records::RestoreError;
use crate::model::format;
use crate::model::Session;

/// What `localStorage` held under the version 2 layout, as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct V2Records {
    pub article: String,
    /// Absent in records saved before tag sets existed.
    pub schema: Option<String>,
    pub annotations: Vec<String>,
    pub relations: Vec<String>,
    /// `annotator.v2.dirty` was `"1"`.
    pub dirty: bool,
}

impl V2Records {
    /// The records as one version 2 file (what is set aside when they
    /// cannot be read).
    pub fn assemble(&self) -> String {
        format::assemble(
            &self.article,
            self.schema.as_deref(),
            self.annotations.iter().map(String::as_str),
            self.relations.iter().map(String::as_str),
        )
    }

    /// The session they hold, with its unexported flag. O(size).
    ///
    /// # Errors
    /// As an import, or an annotation not placed: the work is then set
    /// aside, never half moved.
    pub fn session(&self) -> Result<Session, RestoreError> {
        let doc = self.assemble();
        let imported = format::import(doc.as_bytes())
            .and_then(format::Imported::all_placed)
            .map_err(RestoreError::Import)?;
        let mut session = imported.session;
        session.set_unexported(self.dirty);
        Ok(session)
    }
}
