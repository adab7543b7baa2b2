//! Keeping the session in the library after every change.
//!
//! The hook owns what the library holds of the open article: the session
//! as of an (article generation, revision). A change writes only the
//! annotations it touched and the article's entry, in one transaction
//! ([`Batch::change`]) with the undo steps made since the last write and
//! the history's head, so a key press never waits for serialising a large
//! session. A new article is written whole ([`Batch::whole`]): at once
//! when it is short, else a second later, after it has painted (at once if
//! the page is hidden or left before that). A write that fails (storage full) is said in the page
//! and nothing is lost from the tab; the next change writes the article
//! whole again. Each write done is told to the other tabs.

use super::doc::Doc;
use super::store::{Action, Kept, Notice, Saving, State};
use crate::model::library::{Batch, Entry, Label, LibraryKey};
use crate::model::{Session, Touched};
use crate::web::library_db::Db;
use crate::web::tabs::Tabs;
use crate::web::{clock, storage, Error};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How long a whole write of a large article waits, so that it paints first.
const WHOLE_DELAY_MS: u32 = 1_000;

/// Articles up to this many code points are written whole at once (in
/// well under a frame): one replaced by another within the delay would
/// otherwise never be kept.
const WRITE_AT_ONCE_CHARS: usize = 200_000;

/// (article generation, session revision).
type Mark = (u64, u64);

/// A whole write waiting for its timer, and the job itself.
type Waiting = (Timeout, Rc<dyn Fn()>);

thread_local! {
    /// The library holds the open article (its last write succeeded): a
    /// new article then replaces nothing, and nobody is asked before it
    /// opens.
    static KEEPING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the open article is kept in the library (see [`KEEPING`]).
pub fn keeping() -> bool {
    KEEPING.with(Cell::get)
}

/// The library as the page holds it: the connection (once open), the
/// word between tabs, and the saver's marks. Shared by the hooks and the
/// library view.
#[derive(Default)]
pub struct Library {
    pub db: RefCell<Option<Rc<Db>>>,
    pub tabs: RefCell<Option<Tabs>>,
    /// What the library holds of the open article; `None`: unknown.
    saved: Cell<Option<Mark>>,
    /// The undo steps numbered below this are written (with `saved`).
    steps_saved: Cell<u64>,
    /// A write failed since the last that succeeded: the library may lack
    /// what the tab holds, even of an article restored from it.
    failed: Cell<bool>,
    /// The latest article generation seen.
    generation: Cell<u64>,
    /// A whole write waiting for its timer, and the job itself.
    pending: RefCell<Option<Waiting>>,
    /// The library article the page shows, and when it was first kept.
    pub showing: RefCell<Option<(LibraryKey, String)>>,
    /// A library file being read for import.
    pub reader: RefCell<Option<gloo::file::callbacks::FileReader>>,
    /// What an open library view does when another tab changed the list.
    pub on_listed: RefCell<Option<Rc<dyn Fn()>>>,
    /// What the library holds of the open gold's adjudication (owned by
    /// `adjudication_save`).
    pub adjudication: RefCell<Option<super::adjudication_save::Stored>>,
    /// Writes waiting or not yet committed (also in `<html data-writes>`,
    /// which the browser tests wait on before a reload).
    writes: Cell<u32>,
}

impl Library {
    pub fn db(&self) -> Option<Rc<Db>> {
        self.db.borrow().clone()
    }

    fn flush(&self) {
        let job = self.pending.borrow_mut().take();
        if let Some((timer, save)) = job {
            timer.cancel();
            save();
        }
    }

    fn count_write(&self, delta: i32) {
        let n = (self.writes.get() as i32 + delta).max(0) as u32;
        self.writes.set(n);
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("data-writes", &n.to_string());
        }
    }

    /// Carry out `batch` in the background; `done` gets the outcome.
    pub fn write(self: &Rc<Self>, batch: Batch, done: impl FnOnce(Result<(), Error>) + 'static) {
        let Some(db) = self.db() else {
            return done(Err(Error::LibraryUnavailable("not open".into())));
        };
        self.count_write(1);
        let me = self.clone();
        yew::platform::spawn_local(async move {
            let r = db.write(&batch).await;
            me.count_write(-1);
            done(r);
        });
    }
}

/// Keep the library in step with `state`.
#[hook]
pub fn use_library_save(state: &UseReducerHandle<State>, library: &Rc<Library>) {
    {
        let (library, dispatch) = (library.clone(), state.dispatcher());
        let on = state.saving == Saving::On && !state.booting;
        let unexported = state.doc.session().has_unexported();
        use_effect_with(
            (state.doc.clone(), on, unexported, state.kept.clone()),
            move |(doc, on, _, kept)| {
                if !*on {
                    KEEPING.with(|k| k.set(false));
                }
                if *on {
                    save(&library, doc, kept.as_ref(), &dispatch);
                } else {
                    if library.pending.borrow_mut().take().is_some() {
                        library.count_write(-1);
                    }
                    library.saved.set(None);
                }
            },
        );
    }
    let library = library.clone();
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let library = library.clone();
            EventListener::new(&window, "pagehide", move |_| library.flush())
        };
        let on_hidden =
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    library.flush();
                }
            });
        move || drop((on_hide, on_hidden))
    });
}

/// Bring the library to `doc`: name a new article, or write what changed.
fn save(
    library: &Rc<Library>,
    doc: &Doc,
    kept: Option<&Kept>,
    dispatch: &UseReducerDispatcher<State>,
) {
    let now = (doc.generation(), doc.revision());
    if library.generation.replace(now.0) != now.0 {
        library.saved.set(None);
    }
    let Some(kept) = kept.filter(|k| k.generation == now.0) else {
        // A new article: name it; the next render writes it.
        return dispatch.dispatch(Action::Kept {
            key: LibraryKey::new(clock::new_id().into_string()),
            generation: now.0,
            added: clock::now_rfc3339(),
        });
    };
    let (key, saved) = (kept.key.clone(), library.saved.get());
    if saved.is_none() && kept.stored && !library.failed.get() {
        storage::set_open_here(&key);
        library.steps_saved.set(doc.session().next_step());
        return library.saved.set(Some(now));
    }
    let touched = match saved {
        Some((_, r)) if library.pending.borrow().is_none() => {
            if r == now.1 {
                Some(Touched::default())
            } else {
                doc.session().touched_since(r)
            }
        }
        _ => None,
    };
    let Some(touched) = touched else {
        return schedule_whole(library, doc.cell(), kept, dispatch);
    };
    let batch = {
        let session = doc.session();
        let entry = Entry::of(&key, &session, &kept.added, &clock::now_rfc3339());
        let from = library.steps_saved.replace(session.next_step());
        Batch::change(&key, &session, &touched, from, &entry)
    };
    library.saved.set(Some(now));
    let (me, d) = (Rc::downgrade(library), dispatch.clone());
    library.write(batch, move |r| {
        let Some(me) = me.upgrade() else { return };
        match r {
            Ok(()) => told(&me, &key, false),
            Err(e) => failed(&me, e, &d),
        }
    });
}

/// Tell the other tabs that article `key` changed (and the list, when new).
fn told(library: &Library, key: &LibraryKey, listed: bool) {
    KEEPING.with(|k| k.set(true));
    library.failed.set(false);
    if let Some(tabs) = library.tabs.borrow().as_ref() {
        tabs.changed(key);
        if listed {
            tabs.listed();
        }
    }
}

/// A write failed: say so; the next change writes the article whole.
fn failed(library: &Library, e: Error, dispatch: &UseReducerDispatcher<State>) {
    library.saved.set(None);
    library.failed.set(true);
    // Until a write succeeds, the tab holds work the library lacks.
    KEEPING.with(|k| k.set(false));
    dispatch.dispatch(Action::Notify(Notice::Error(e.to_string())));
}

/// Write the whole session in [`WHOLE_DELAY_MS`] (unless a whole write is
/// waiting already), as it is then. Skipped if another article replaced
/// it meanwhile (the cell then holds that one).
fn schedule_whole(
    library: &Rc<Library>,
    cell: Rc<RefCell<Session>>,
    kept: &Kept,
    dispatch: &UseReducerDispatcher<State>,
) {
    if library.pending.borrow().is_some() {
        return;
    }
    let save: Rc<dyn Fn()> = {
        let (me, kept, d) = (Rc::downgrade(library), kept.clone(), dispatch.clone());
        let cell = cell.clone();
        Rc::new(move || {
            let Some(me) = me.upgrade() else { return };
            me.count_write(-1);
            if me.generation.get() != kept.generation {
                return;
            }
            let (batch, revision) = {
                let session = cell.borrow();
                me.steps_saved.set(session.next_step());
                let entry = Entry::of(&kept.key, &session, &kept.added, &clock::now_rfc3339());
                let label = kept.new.then(Label::new);
                (
                    Batch::whole(&kept.key, &session, &entry, label.as_ref()),
                    session.revision(),
                )
            };
            me.saved.set(Some((kept.generation, revision)));
            storage::set_open_here(&kept.key);
            let (key, d, weak) = (kept.key.clone(), d.clone(), Rc::downgrade(&me));
            me.write(batch, move |r| {
                let Some(me) = weak.upgrade() else { return };
                match r {
                    Ok(()) => told(&me, &key, true),
                    Err(e) => failed(&me, e, &d),
                }
            });
        })
    };
    let fire = {
        let (me, save) = (Rc::downgrade(library), save.clone());
        move || {
            if let Some(me) = me.upgrade() {
                me.pending.borrow_mut().take();
            }
            save();
        }
    };
    library.count_write(1);
    if cell.borrow().article().text.char_len() <= WRITE_AT_ONCE_CHARS {
        return save();
    }
    *library.pending.borrow_mut() = Some((Timeout::new(WHOLE_DELAY_MS, fire), save));
}
