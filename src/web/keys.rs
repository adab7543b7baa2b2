//! Browser key events in the keymap's terms.

use crate::keymap::Press;
use wasm_bindgen::JsCast;

/// Run `f` with the event as a [`Press`]; Cmd counts as Ctrl (macOS).
pub fn with_press<T>(e: &web_sys::KeyboardEvent, f: impl FnOnce(Press) -> T) -> T {
    let (key, code) = (e.key(), e.code());
    f(Press {
        key: &key,
        code: &code,
        primary: e.ctrl_key() || e.meta_key(),
        shift: e.shift_key(),
        alt: e.alt_key(),
    })
}

/// True when the event's target is a text field, where typing and native
/// undo must keep working.
pub fn in_text_field(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
