//! Saving the session in the browser after every change.
//!
//! Each change writes only the annotation it touched (see `web::storage`),
//! so a key press never waits for serialising a large session. Replacing the
//! article rewrites everything a second later, after the new article has
//! painted; if the page is hidden or left before that, at once.

use super::store::{Action, Journal, Notice, State};
use crate::model::{format, Session};
use crate::web::storage;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long a full rewrite waits, so that the new article paints first.
const REWRITE_DELAY_MS: u32 = 1_000;

/// A full rewrite that is waiting: its timer and the work to do.
type Pending = Rc<RefCell<Option<(Timeout, Rc<dyn Fn()>)>>>;

fn flush(pending: &Pending) {
    if let Some((timer, save)) = pending.borrow_mut().take() {
        timer.cancel();
        save();
    }
}

/// Longest article kept in storage, in UTF-16 code units: browsers give a
/// page about five million (Chromium: 10 MiB, counted in UTF-16), and the
/// article's record holds its text and its blocks.
const STORABLE_UNITS: usize = 4_000_000;

fn save_all(session: &Session) -> Result<(), String> {
    let text = &session.article().text;
    if text.utf16_len() > STORABLE_UNITS {
        // Known not to fit: fail fast rather than serialise and hash it.
        storage::clear();
        return Err(format!(
            "This article ({}.{} million characters) is too large to keep in this browser, so it will not come back after a reload. Export your annotations (Ctrl+S) before you leave.",
            text.char_len() / 1_000_000,
            text.char_len() / 100_000 % 10
        ));
    }
    storage::save_all(
        &format::article_record(session.article()),
        session
            .annotations()
            .iter()
            .map(|a| (a.id.as_str(), format::annotation_record(text, a))),
    )
}

#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    let pending: Pending = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        let (session, journal, dispatch) = (
            state.session.clone(),
            state.journal.clone(),
            state.dispatcher(),
        );
        use_effect_with(state.revision, move |_| {
            let entries: Vec<Journal> = journal.borrow_mut().drain(..).collect();
            let notify = move |r: Result<(), String>| {
                if let Err(message) = r {
                    dispatch.dispatch(Action::Notify(Notice::Error(message)));
                }
            };
            if entries.iter().any(|e| matches!(e, Journal::Reset)) || pending.borrow().is_some() {
                // The rewrite saves the session as it is when it runs, later
                // changes included.
                let save: Rc<dyn Fn()> = {
                    let (session, notify) = (session.clone(), notify.clone());
                    Rc::new(move || notify(save_all(&session.borrow())))
                };
                if pending.borrow().is_none() {
                    let fire = {
                        let (pending, save) = (pending.clone(), save.clone());
                        move || {
                            pending.borrow_mut().take();
                            save();
                        }
                    };
                    *pending.borrow_mut() = Some((Timeout::new(REWRITE_DELAY_MS, fire), save));
                }
                return;
            }
            let session = session.borrow();
            let text = &session.article().text;
            for entry in entries {
                match entry {
                    Journal::Put(id) => {
                        if let Some(a) = session.get(&id) {
                            notify(storage::put(&id, &format::annotation_record(text, a)));
                        }
                    }
                    Journal::Delete(id) => storage::delete(&id),
                    Journal::Reset => {}
                }
            }
        });
    }
    use_effect_with(state.dirty(), |dirty| storage::set_dirty(*dirty));
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let pending = pending.clone();
            EventListener::new(&window, "pagehide", move |_| flush(&pending))
        };
        let on_hidden =
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if gloo::utils::document().hidden() {
                    flush(&pending);
                }
            });
        move || drop((on_hide, on_hidden))
    });
}
