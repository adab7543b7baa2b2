//! Focus handling shared by the dialogs.

use yew::prelude::*;

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
            if let Some(el) = before.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
                let _ = el.focus();
            }
        }
    });
}
