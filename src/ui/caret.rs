//! The reading cursor's caret: a thin bar in the overlay, placed at the
//! cursor's head while the article has the keyboard focus, and followed
//! into view when the cursor moves.

use super::doc::Doc;
use super::layout::DomCell;
use super::px;
use super::store::{Cursor, State};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Place the caret element `caret_ref`; `focused`: the article has the
/// focus (else the caret is hidden).
#[hook]
pub fn use_caret(
    state: &UseReducerHandle<State>,
    dom: &DomCell,
    focused: bool,
    caret_ref: &NodeRef,
) {
    let (doc, dom, caret_ref) = (state.doc.clone(), dom.clone(), caret_ref.clone());
    let scrolled_to = use_mut_ref(Cursor::default);
    let deps = (state.cursor, focused, state.doc.clone());
    use_effect_with(deps, move |(cursor, focused, _)| {
        let (cursor, focused) = (*cursor, *focused);
        // In the next frame, once: reading the layout now would lay out
        // again what this render is still changing.
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            place(&doc, &dom, &caret_ref, &scrolled_to, cursor, focused)
        });
        let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    });
}

/// Show the caret at `cursor`'s head (hidden unless `focused`); scroll it
/// into view when the cursor moved since the last time.
fn place(
    doc: &Doc,
    dom: &DomCell,
    caret_ref: &NodeRef,
    scrolled_to: &RefCell<Cursor>,
    cursor: Cursor,
    focused: bool,
) {
    let session = doc.session();
    let dom = dom.borrow();
    let (Some(dom), Some(caret)) = (dom.as_ref(), caret_ref.cast::<web_sys::HtmlElement>()) else {
        return;
    };
    let rect = focused
        .then(|| dom.caret_rect(session.article(), cursor.head))
        .flatten();
    let style = match &rect {
        Some(r) => {
            let w = gloo::utils::window();
            let (sx, sy) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
            format!(
                "left:{}px;top:{}px;height:{}px",
                px(r.left() + sx),
                px(r.top() + sy),
                px(r.height())
            )
        }
        None => "display:none".into(),
    };
    let _ = caret.set_attribute("style", &style);
    // Follow the caret when it moves, not when the focus changes: a mouse
    // press focuses the article and must not scroll it.
    if rect.is_some() && *scrolled_to.borrow() != cursor {
        *scrolled_to.borrow_mut() = cursor;
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        caret.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
