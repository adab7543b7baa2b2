//! [`Chooser`]: the tag dialog that opens beside the selection on Ctrl+Enter.
//!
//! Keys: `1`/`C` Claim, `2`/`Q` Quote, `3`/`S` Source tag at once; with Shift
//! they pick the tag and move to the note field. Arrow keys move between the
//! tags, Enter confirms, Esc cancels. Tab stays inside the dialog.

use super::store::Pending;
use crate::model::Tag;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    pub pending: Pending,
    /// The selected text, shortened.
    pub excerpt: AttrValue,
    /// The tag focused when the dialog opens.
    pub initial: Tag,
    pub on_tag: Callback<(Tag, String)>,
    pub on_cancel: Callback<()>,
}

/// Approximate size of the dialog (CSS px), to keep it inside the viewport.
const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 190.0;

#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let selected = use_state(|| props.initial);
    let note = use_state(|| props.pending.note.clone());
    let root = use_node_ref();
    let note_ref = use_node_ref();
    let buttons: [NodeRef; 3] = [use_node_ref(), use_node_ref(), use_node_ref()];

    let initial_idx = Tag::ALL
        .iter()
        .position(|t| *t == props.initial)
        .unwrap_or(0);
    super::focus::use_return_focus(buttons[initial_idx].clone());

    let focus_tag = {
        let buttons = buttons.clone();
        let selected = selected.clone();
        move |tag: Tag| {
            selected.set(tag);
            let i = Tag::ALL.iter().position(|t| *t == tag).unwrap_or(0);
            if let Some(b) = buttons[i].cast::<HtmlElement>() {
                let _ = b.focus();
            }
        }
    };

    let onkeydown = {
        let (on_tag, on_cancel) = (props.on_tag.clone(), props.on_cancel.clone());
        let (selected, note, note_ref, root) = (
            selected.clone(),
            note.clone(),
            note_ref.clone(),
            root.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed here never reach the page's shortcuts.
            e.stop_propagation();
            let in_note = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some();
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    on_cancel.emit(());
                    return;
                }
                "Enter" if !e.ctrl_key() && !e.meta_key() => {
                    e.prevent_default();
                    on_tag.emit((*selected, (*note).clone()));
                    return;
                }
                "Tab" => {
                    trap_tab(&e, &root);
                    return;
                }
                _ => {}
            }
            if in_note || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let i = Tag::ALL.iter().position(|t| *t == *selected).unwrap_or(0);
            match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    e.prevent_default();
                    focus_tag(Tag::ALL[(i + 1) % 3]);
                    return;
                }
                "ArrowLeft" | "ArrowUp" => {
                    e.prevent_default();
                    focus_tag(Tag::ALL[(i + 2) % 3]);
                    return;
                }
                _ => {}
            }
            // `code` so that Shift+1 (which types "!") still means tag 1.
            let key = e.code();
            let key = key.trim_start_matches("Digit").trim_start_matches("Key");
            if let Some(tag) = Tag::from_key(key) {
                e.prevent_default();
                if e.shift_key() {
                    selected.set(tag);
                    if let Some(input) = note_ref.cast::<HtmlElement>() {
                        let _ = input.focus();
                    }
                } else {
                    on_tag.emit((tag, (*note).clone()));
                }
            }
        })
    };

    // Below the selection, or above it when there is no room below; in page
    // coordinates so that it stays beside the text when the page scrolls.
    let p = &props.pending;
    let (vw, vh, scroll_x, scroll_y) = viewport();
    let left = p.left.min(vw - WIDTH - 8.0).max(8.0);
    let top = if p.bottom + HEIGHT + 8.0 > vh && p.top > HEIGHT + 8.0 {
        p.top - HEIGHT - 8.0
    } else {
        p.bottom + 8.0
    };
    let style = format!(
        "left:{}px;top:{}px",
        super::px(left + scroll_x),
        super::px(top + scroll_y)
    );

    html! {
        <div class="chooser" role="dialog" aria-modal="true" aria-labelledby="chooser-title"
             aria-describedby="chooser-help" ref={root} {style} {onkeydown}>
            <p id="chooser-title" class="chooser-title">
                { if props.pending.editing.is_some() { "Edit " } else { "Tag " } }<q>{ props.excerpt.clone() }</q>
            </p>
            <div class="chooser-tags" role="group" aria-label="Tag">
                { for Tag::ALL.iter().enumerate().map(|(i, tag)| {
                    let tag = *tag;
                    let onclick = {
                        let (on_tag, note) = (props.on_tag.clone(), note.clone());
                        Callback::from(move |_| on_tag.emit((tag, (*note).clone())))
                    };
                    let onfocus = { let selected = selected.clone(); Callback::from(move |_| selected.set(tag)) };
                    html! {
                        <button type="button" class={classes!("tag-button", tag.name())}
                                aria-pressed={(*selected == tag).to_string()}
                                aria-keyshortcuts={format!("{} {}", i + 1, &tag.label()[..1])}
                                ref={buttons[i].clone()} {onclick} {onfocus}>
                            <kbd>{ i + 1 }</kbd>{ " " }{ tag.label() }
                        </button>
                    }
                }) }
            </div>
            <label class="chooser-note">{"Note (optional) "}
                <input type="text" ref={note_ref} value={(*note).clone()}
                    oninput={ let note = note.clone(); Callback::from(move |e: InputEvent| {
                        if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { note.set(i.value()); }
                    }) } />
            </label>
            <p id="chooser-help" class="chooser-help">
                {"1/C, 2/Q, 3/S tag at once · Shift+key to add a note first · Enter confirms · Esc cancels"}
            </p>
        </div>
    }
}

/// Keep Tab and Shift+Tab inside the dialog.
fn trap_tab(e: &KeyboardEvent, root: &NodeRef) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(all) = root.query_selector_all("button, input") else {
        return;
    };
    let n = all.length();
    if n == 0 {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let first = all.get(0);
    let last = all.get(n - 1);
    let at = |node: &Option<web_sys::Node>| {
        node.as_ref()
            .zip(active.as_ref())
            .is_some_and(|(n, a)| n.is_same_node(Some(a.as_ref())))
    };
    let target = if e.shift_key() && at(&first) {
        last
    } else if !e.shift_key() && at(&last) {
        first
    } else {
        return;
    };
    e.prevent_default();
    if let Some(el) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Viewport width and height, and page scroll offsets, in CSS px.
fn viewport() -> (f64, f64, f64, f64) {
    let Some(w) = web_sys::window() else {
        return (1024.0, 768.0, 0.0, 0.0);
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    (
        size(w.inner_width()).unwrap_or(1024.0),
        size(w.inner_height()).unwrap_or(768.0),
        w.scroll_x().unwrap_or(0.0),
        w.scroll_y().unwrap_or(0.0),
    )
}
