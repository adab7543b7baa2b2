//! Focus handling shared by the dialogs.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What Tab stops at in a dialog (a button out of the Tab order, such as a
/// chooser tag not focused, does not count).
const FOCUSABLE: &str =
    "button:not([disabled]):not([tabindex='-1']), input:not([disabled]), select:not([disabled])";

/// Focus `first` when the component mounts; when it unmounts, give the focus
/// back to the element that had it before.
#[hook]
pub fn use_return_focus(first: NodeRef) {
    use_effect_with((), move |_| {
        let before = gloo::utils::document().active_element();
        if let Some(el) = first.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
        move || {
            if let Some(el) = before.and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                // After the dialog has left the DOM: removing the focused
                // element would otherwise reset the focus to <body>.
                gloo::timers::callback::Timeout::new(0, move || {
                    let _ = el.focus();
                })
                .forget();
            }
        }
    });
}

/// The keydown handler of a simple dialog `root`: Esc calls `on_cancel`,
/// Tab and Shift+Tab stay inside it ([`trap_tab`]); no key reaches the
/// page's shortcuts.
pub fn dialog_keys(root: &NodeRef, on_cancel: impl Fn() + 'static) -> Callback<KeyboardEvent> {
    let root = root.clone();
    Callback::from(move |e: KeyboardEvent| {
        e.stop_propagation();
        match crate::web::keys::with_press(&e, crate::keymap::choice) {
            Some(crate::keymap::Choice::Cancel) => {
                e.prevent_default();
                on_cancel();
            }
            Some(crate::keymap::Choice::Tab { back }) => trap_tab(&e, &root, back),
            None => {}
        }
    })
}

/// Keep Tab and Shift+Tab inside the dialog `root`: from its last control
/// to its first and back.
pub fn trap_tab(e: &KeyboardEvent, root: &NodeRef, back: bool) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(all) = root.query_selector_all(FOCUSABLE) else {
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
    let target = if back && at(&first) {
        last
    } else if !back && at(&last) {
        first
    } else {
        return;
    };
    e.prevent_default();
    if let Some(el) = target.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
