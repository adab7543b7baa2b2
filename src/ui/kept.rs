//! The store's part of the library: which library article the session is
//! ([`State::kept`]), set when a session comes from the library, when the
//! saver names a new article, and carried over when annotations are
//! opened onto the same article. Part of the reducer; pure.

use super::adjudicating::Resume;
use super::messages;
use super::store::{Kept, Notice, Saving, State};
use crate::model::format::Imported;
use crate::model::library::LibraryKey;
use crate::model::Session;

impl State {
    /// An imported file: annotations opened onto the same article stay the
    /// same library article, to be written whole; another article is new.
    pub(super) fn import(&mut self, imported: Imported) {
        let message = messages::imported(&imported);
        let (layout, kept) = (self.doc.layout(), self.kept.take());
        self.replace(imported.session, message);
        if self.doc.layout() == layout {
            self.kept = kept.map(|k| Kept {
                generation: self.doc.generation(),
                stored: false,
                new: false,
                ..k
            });
        }
    }

    /// Show `session` as library article `kept` (key, first kept at), or as
    /// a new article, adjudicating again when `resume` holds a kept plan;
    /// the start is over.
    pub(super) fn restore(
        &mut self,
        session: Session,
        kept: Option<(LibraryKey, String)>,
        notice: Option<Notice>,
        saving: Option<Saving>,
        resume: Resume,
    ) {
        // The same gold read again (a change in another tab): the walk
        // stays on the disagreement it was on.
        let same = |k: &Kept| kept.as_ref().is_some_and(|(key, _)| *key == k.key);
        let was_on = (self.adjudicating.as_ref())
            .filter(|_| self.kept.as_ref().is_some_and(same))
            .map(|a| a.current);
        self.replace(session, String::new());
        self.notice = notice;
        self.resume_adjudicating(resume, was_on);
        self.booting = false;
        self.saving = saving.unwrap_or(self.saving);
        self.kept = kept.map(|(key, added)| Kept {
            key,
            generation: self.doc.generation(),
            added,
            stored: true,
            new: false,
        });
    }

    /// The saver named the session of `generation`; false when another
    /// article has replaced it since.
    pub(super) fn named(&mut self, key: LibraryKey, generation: u64, added: String) -> bool {
        if generation != self.doc.generation() {
            return false;
        }
        self.kept = Some(Kept {
            key,
            generation,
            added,
            stored: false,
            new: true,
        });
        true
    }
}
