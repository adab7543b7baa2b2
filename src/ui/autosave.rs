//! Saving the session in the browser shortly after each change.
//!
//! A change schedules a save 250 ms later (a burst of changes saves once, so
//! a key press never waits for serialising a large session); leaving or
//! hiding the page saves at once.

use super::store::{Action, Notice, State};
use crate::model::format;
use crate::web::storage;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

const DELAY_MS: u32 = 250;

/// The save that is waiting: its timer and the work to do.
type Pending = Rc<RefCell<Option<(Timeout, Rc<dyn Fn()>)>>>;

fn flush(pending: &Pending) {
    if let Some((timer, save)) = pending.borrow_mut().take() {
        timer.cancel();
        save();
    }
}

#[hook]
pub fn use_autosave(state: &UseReducerHandle<State>) {
    let pending: Pending = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        let (session, dirty, dispatch) = (state.session.clone(), state.dirty, state.dispatcher());
        use_effect_with((state.revision, state.dirty), move |_| {
            let save: Rc<dyn Fn()> = Rc::new(move || {
                let doc = format::export(&session.borrow());
                if let Err(message) = storage::save(&doc, dirty) {
                    dispatch.dispatch(Action::Notify(Notice::Error(message)));
                }
            });
            let fire = {
                let (pending, save) = (pending.clone(), save.clone());
                move || {
                    pending.borrow_mut().take();
                    save();
                }
            };
            *pending.borrow_mut() = Some((Timeout::new(DELAY_MS, fire), save));
        });
    }
    use_effect_with((), move |_| {
        let window = gloo::utils::window();
        let on_hide = {
            let pending = pending.clone();
            EventListener::new(&window, "pagehide", move |_| flush(&pending))
        };
        let on_hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
            if gloo::utils::document().hidden() {
                flush(&pending);
            }
        });
        move || drop((on_hide, on_hidden))
    });
}
