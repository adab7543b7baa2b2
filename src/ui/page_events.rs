//! Page-wide listeners: the global shortcuts (tag, undo, redo, export) and
//! files dropped on the page.

use super::file_actions::{self, FileKind, Readers};
use super::store::{Action, State};
use crate::keymap::{self, Global};
use crate::web::keys;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ctrl+Enter, Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y and Ctrl+S wherever the focus
/// is (undo, redo and tagging leave text fields their own keys).
#[hook]
pub fn use_page_keys(state: &UseReducerHandle<State>) {
    let (dispatch, doc) = (state.dispatcher(), state.doc.clone());
    use_effect_with((), move |_| {
        let keydown = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let Some(shortcut) = keys::with_press(e, keymap::global) else {
                    return;
                };
                let action = match shortcut {
                    Global::Export => {
                        e.prevent_default();
                        return file_actions::export(&doc, &dispatch);
                    }
                    _ if keys::in_text_field(e) => return,
                    Global::Undo => Action::Undo,
                    Global::Redo => Action::Redo,
                    Global::Tag => Action::OpenChooser,
                };
                e.prevent_default();
                dispatch.dispatch(action);
            },
        );
        move || drop(keydown)
    });
}

/// A file dropped anywhere on the page opens (`.json` as annotations).
#[hook]
pub fn use_drops(state: &UseReducerHandle<State>, readers: &Readers) {
    let (dispatch, doc, readers) = (state.dispatcher(), state.doc.clone(), readers.clone());
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let dragover = EventListener::new_with_options(&document, "dragover", options, |e| {
            e.prevent_default()
        });
        let on_drop = EventListener::new_with_options(&document, "drop", options, move |e| {
            e.prevent_default();
            let files = e
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .and_then(|d| d.files())
                .map(|list| crate::web::files::all(&list))
                .unwrap_or_default();
            if !files.is_empty() {
                let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
                let kind = FileKind::guess(&names);
                file_actions::open_file(files, kind, &doc, &dispatch, &readers);
            }
        });
        move || drop((dragover, on_drop))
    });
}
