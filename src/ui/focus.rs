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
            if let Some(el) =
                before.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
            {
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
