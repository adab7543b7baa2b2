//! Page-wide listeners: the global shortcuts (tag, undo, redo, export) and
//! files dropped on the page.

use super::article_view::DomCell;
use super::file_actions::{self, FileKind, Readers};
use super::store::{Action, Notice, State};
use crate::keymap::{self, Global};
use crate::model::Session;
use crate::web::article_dom::ArticleDom;
use crate::web::keys;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[hook]
pub fn use_page_events(state: &UseReducerHandle<State>, dom: &DomCell, readers: &Readers) {
    let state = state.clone();
    let (dom, readers) = (dom.clone(), readers.clone());
    // Page-wide shortcuts.
    {
        let (dispatch, session, dom) = (state.dispatcher(), state.session.clone(), dom.clone());
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let keydown = EventListener::new_with_options(
                &doc,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let Some(shortcut) = keys::with_press(e, keymap::global) else {
                        return;
                    };
                    let in_field = keys::in_text_field(e);
                    match shortcut {
                        Global::Export => {
                            e.prevent_default();
                            file_actions::export(&session.borrow(), &dispatch);
                        }
                        Global::Undo | Global::Redo if in_field => {}
                        Global::Undo => {
                            e.prevent_default();
                            dispatch.dispatch(Action::Undo);
                        }
                        Global::Redo => {
                            e.prevent_default();
                            dispatch.dispatch(Action::Redo);
                        }
                        Global::Tag if in_field => {}
                        Global::Tag => {
                            e.prevent_default();
                            dispatch
                                .dispatch(tag_selection(&session.borrow(), dom.borrow().as_ref()));
                        }
                    }
                },
            );
            move || drop(keydown)
        });
    }
    // File drops; re-registered when the state changes so that the check for
    // unexported work sees the current state.
    {
        let (state_for_drop, readers) = (state.clone(), readers.clone());
        use_effect_with((state.revision, state.dirty()), move |_| {
            let doc = gloo::utils::document();
            let dragover = EventListener::new_with_options(
                &doc,
                "dragover",
                EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            );
            let on_drop = EventListener::new_with_options(
                &doc,
                "drop",
                EventListenerOptions::enable_prevent_default(),
                move |e| {
                    e.prevent_default();
                    let file = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0));
                    if let Some(file) = file {
                        let kind = FileKind::guess(&file.name());
                        file_actions::open_file(file, kind, state_for_drop.clone(), &readers);
                    }
                },
            );
            move || drop((dragover, on_drop))
        });
    }
}

/// The action for Ctrl+Enter: open the chooser on the trimmed selection, or
/// explain what to do.
fn tag_selection(session: &Session, dom: Option<&ArticleDom>) -> Action {
    let article = session.article();
    let range = dom
        .and_then(|d| d.selection(article))
        .and_then(|r| session.normalize(r));
    match (range, dom) {
        (Some(range), Some(dom)) => {
            Action::OpenChooser(super::reading::pending(dom, session, range, None))
        }
        _ => Action::Notify(Notice::Info(
            "Select some text in the article first, then press Ctrl+Enter.".into(),
        )),
    }
}
