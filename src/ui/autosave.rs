//! Saving the session in the browser after every change.
//!
//! The hook owns what storage holds: the session as of an (article
//! generation, revision). A change writes only the annotations it touched
//! ([`Session::touched_since`], see `web::storage`), so a key press never
//! waits for serialising a large session. A new article is written whole a
//! second later, after it has painted; if the page is hidden or left before
//! that, at once. While saving is paused (saved work that could not be
//! restored nor set aside), nothing is written.

use super::doc::Doc;
use super::messages;
use super::store::{Action, Notice, Saving, State};
use crate::model::{format, Session};
use crate::web::{storage, Error};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How long a full rewrite waits, so that the new article paints first.
const REWRITE_DELAY_MS: u32 = 1_000;

/// Longest article kept in storage, in UTF-16 code units: browsers give a
/// page about five million (Chromium: 10 MiB, counted in UTF-16), and the
/// article's record holds its text and its blocks.
const STORABLE_UNITS: usize = 4_000_000;

/// (article generation, session revision) that storage holds.
type Mark = (u64, u64);

/// A full rewrite waiting for its timer, and the job itself.
type Waiting = (Timeout, Rc<dyn Fn()>);

/// What the hook keeps between renders.
#[derive(Default)]
struct Saver {
    /// What storage holds; `None`: not the current session.
    saved: Cell<Option<Mark>>,
    /// The latest article generation seen.
    generation: Cell<u64>,
    pending: RefCell<Option<Waiting>>,
}

impl Saver {
    fn flush(&self) {
        let job = self.pending.borrow_mut().take();
        if let Some((timer, save)) = job {
            timer.cancel();
            save();
        }
    }
}

fn save_all(session: &Session) -> Result<(), String> {
    let text = &session.article().text;
    if text.utf16_len() > STORABLE_UNITS {
        // Known not to fit: fail fast rather than serialise and hash it.
        storage::clear();
        return Err(messages::too_large_to_keep(text.char_len()));
    }
    storage::save_all(
        &format::article_record(session.article()),
        &format::schema_record(session.schema()),
        session
            .annotations()
            .iter()
            .map(|a| (a.id.to_string(), format::annotation_record(text, a))),
        session
            .relations()
            .map(|r| (r.id.to_string(), format::relation_record(r))),
        session.has_unexported(),
    )
    .map_err(|e: Error| e.to_string())
}

/// Keep storage in step with `state`; `stored`: storage holds the session
/// the app started with (it was restored from there).
#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>, stored: bool) {
    let saver = use_memo((), move |_| {
        let s = Saver::default();
        s.saved.set(stored.then_some((0, 0)));
        Rc::new(s)
    });
    let saver: Rc<Saver> = (*saver).clone();
    {
        let (saver, dispatch) = (saver.clone(), state.dispatcher());
        let on = state.saving == Saving::On;
        let unexported = state.doc.session().has_unexported();
        use_effect_with(
            (state.doc.clone(), on, unexported),
            move |(doc, on, unexported)| {
                let notify = move |r: Result<(), String>| {
                    if let Err(message) = r {
                        dispatch.dispatch(Action::Notify(Notice::Error(message)));
                    }
                };
                if *on {
                    save(&saver, doc, *unexported, notify);
                } else {
                    saver.pending.borrow_mut().take();
                    saver.saved.set(None);
                }
            },
        );
    }
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let saver = saver.clone();
            EventListener::new(&window, "pagehide", move |_| saver.flush())
        };
        let on_hidden =
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    saver.flush();
                }
            });
        move || drop((on_hide, on_hidden))
    });
}

/// Bring storage to `doc`: only the annotations touched since the last
/// save, or (a new article, a long history) everything, a little later.
fn save(
    saver: &Rc<Saver>,
    doc: &Doc,
    unexported: bool,
    notify: impl Fn(Result<(), String>) + 'static,
) {
    let now = (doc.generation(), doc.revision());
    saver.generation.set(now.0);
    let last = saver.saved.get();
    if last == Some(now) {
        // Only the unexported flag changed (an export).
        return storage::set_dirty(unexported);
    }
    let touched = match last {
        Some((g, r)) if g == now.0 && saver.pending.borrow().is_none() => {
            doc.session().touched_since(r)
        }
        _ => None,
    };
    let Some(touched) = touched else {
        return schedule_rewrite(saver, doc.cell(), notify);
    };
    let session = doc.session();
    let text = &session.article().text;
    let said = |r: Result<(), Error>| notify(r.map_err(|e| e.to_string()));
    for id in touched.annotations {
        match session.get(&id) {
            Some(a) => said(storage::put(
                id.as_str(),
                &format::annotation_record(text, a),
            )),
            None => storage::delete(id.as_str()),
        }
    }
    for id in touched.relations {
        match session.relation(&id) {
            Some(r) => said(storage::put_relation(
                id.as_str(),
                &format::relation_record(r),
            )),
            None => storage::delete_relation(id.as_str()),
        }
    }
    if touched.schema {
        said(storage::put_schema(&format::schema_record(
            session.schema(),
        )));
    }
    storage::set_dirty(unexported);
    saver.saved.set(Some(now));
}

/// Write the whole session in [`REWRITE_DELAY_MS`] (unless a rewrite is
/// waiting already): as it is then, with every change made meanwhile.
fn schedule_rewrite(
    saver: &Rc<Saver>,
    cell: Rc<RefCell<Session>>,
    notify: impl Fn(Result<(), String>) + 'static,
) {
    if saver.pending.borrow().is_some() {
        return;
    }
    let save: Rc<dyn Fn()> = {
        let saver = Rc::downgrade(saver);
        Rc::new(move || {
            let session = cell.borrow();
            notify(save_all(&session));
            if let Some(saver) = saver.upgrade() {
                saver
                    .saved
                    .set(Some((saver.generation.get(), session.revision())));
            }
        })
    };
    let fire = {
        let (saver, save) = (Rc::downgrade(saver), save.clone());
        move || {
            if let Some(saver) = saver.upgrade() {
                saver.pending.borrow_mut().take();
            }
            save();
        }
    };
    *saver.pending.borrow_mut() = Some((Timeout::new(REWRITE_DELAY_MS, fire), save));
}
