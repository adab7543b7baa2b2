//! [`Doc`]: the one shared piece of the store, the [`Session`], behind a
//! handle whose equality is its revision.

use crate::model::Session;
use std::cell::{Ref, RefCell};
use std::rc::Rc;

/// The session as of one state of the store. Every state shares one cell
/// (a session of a large article is far too big to copy per key press);
/// a handle remembers the article `generation` and the session `revision`
/// it was made at, and two handles are equal when those are. Only the
/// store's reducer changes the session, and it hands out a new handle
/// whenever it does, so a component that takes a `Doc` as a prop
/// re-renders exactly when the session changed.
///
/// A handle kept across a long job (a file being read) reads the session
/// as it is now, not as it was when the handle was made.
#[derive(Clone)]
pub struct Doc {
    cell: Rc<RefCell<Session>>,
    /// Bumped when the article is replaced.
    generation: u64,
    /// Bumped when the article is replaced by one with other text, blocks
    /// or inline formatting: what the article's DOM is built from.
    layout: u64,
    /// [`Session::revision`] when this handle was made.
    revision: u64,
}

impl Doc {
    pub fn new(session: Session) -> Self {
        let revision = session.revision();
        Self {
            cell: Rc::new(RefCell::new(session)),
            generation: 0,
            layout: 0,
            revision,
        }
    }

    /// The session now.
    ///
    /// # Panics
    /// While the reducer is changing it (never from a render or an event).
    pub fn session(&self) -> Ref<'_, Session> {
        self.cell.borrow()
    }

    /// Bumped each time the article is replaced.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Bumped each time the article is replaced by one that is laid out
    /// differently; an imported file of the open article keeps it, so its
    /// page is not built again.
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// The session's revision when this handle was made.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The shared cell, for work that outlives a render (building a large
    /// article's DOM in slices).
    pub fn cell(&self) -> Rc<RefCell<Session>> {
        self.cell.clone()
    }

    /// Change the session with `f`; the handle for the result.
    pub(super) fn edit<T>(&self, f: impl FnOnce(&mut Session) -> T) -> (Self, T) {
        let out = f(&mut self.cell.borrow_mut());
        let doc = Self {
            revision: self.cell.borrow().revision(),
            ..self.clone()
        };
        (doc, out)
    }

    /// Replace the session (a new article or an imported file).
    /// O(the article's size) to compare the two articles.
    pub(super) fn replace(&self, session: Session) -> Self {
        let revision = session.revision();
        let same_layout = {
            let (old, new) = (self.session(), session.article());
            let old = old.article();
            old.text == new.text && old.blocks == new.blocks && old.inlines == new.inlines
        };
        *self.cell.borrow_mut() = session;
        Self {
            cell: self.cell.clone(),
            generation: self.generation + 1,
            layout: self.layout + u64::from(!same_layout),
            revision,
        }
    }
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cell, &other.cell)
            && self.generation == other.generation
            && self.revision == other.revision
    }
}
