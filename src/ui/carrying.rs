//! Carrying annotations to a new version of the article, in the store:
//! attaching an orphan (an annotation not placed on this version) to the
//! selection, and deciding when a file's article is another version of the
//! open one. Pure: part of the reducer.

use super::messages;
use super::store::{Notice, State};
use crate::model::reanchor::Orphan;
use crate::model::{Annotation, Article, Command};

impl State {
    /// The orphan A attaches: the picked one while it is an orphan, else
    /// the first.
    pub fn picked_orphan(&self) -> Option<Orphan> {
        let session = self.doc.session();
        let mut orphans = session.orphans();
        let first = orphans.next().cloned();
        match &self.orphan_pick {
            Some(id) => session
                .orphans()
                .find(|o| &o.annotation.id == id)
                .cloned()
                .or(first),
            None => first,
        }
    }

    /// A: make the picked orphan an annotation over the selection (same id,
    /// tag, note and fields; `at` its modification time). Undo makes it an
    /// orphan again. False when there is no orphan; a notice when there is
    /// no selection.
    pub(super) fn attach(&mut self, at: String) -> bool {
        let Some(orphan) = self.picked_orphan() else {
            return false;
        };
        let Some(range) = self.doc.session().normalize(self.cursor.range()) else {
            self.notice = Some(Notice::Info(messages::SELECT_TO_ATTACH.into()));
            return true;
        };
        self.orphan_pick = None;
        self.command(Command::Tag(Annotation {
            range,
            modified: at,
            ..orphan.annotation
        }));
        true
    }
}

/// Whether an annotation file's article `file` is another version of the
/// open article `open`: a different text under the same title, or from
/// the same page (URL) or file. Then opening the file asks whether to
/// carry its annotations over rather than replace the article.
pub fn is_new_version(file: &Article, open: &Article) -> bool {
    let same = |a: &str, b: &str| !a.is_empty() && a == b;
    file.text != open.text
        && (same(&file.title, &open.title)
            || same(&file.meta.url, &open.meta.url)
            || same(&file.source, &open.source))
}
