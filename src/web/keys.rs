//! Global keyboard shortcuts.

/// A shortcut of the main view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Ctrl+Enter (Cmd+Enter on macOS): tag the selection.
    Tag,
    /// Ctrl+Z.
    Undo,
    /// Ctrl+Shift+Z or Ctrl+Y.
    Redo,
    /// Ctrl+S: export.
    Export,
}

/// The shortcut for a key press. `primary` is Ctrl, or Cmd on macOS; `key` is
/// `KeyboardEvent.key`.
pub fn shortcut(key: &str, primary: bool, shift: bool, alt: bool) -> Option<Shortcut> {
    if !primary || alt {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("enter", _) => Some(Shortcut::Tag),
        ("z", false) => Some(Shortcut::Undo),
        ("z", true) | ("y", false) => Some(Shortcut::Redo),
        ("s", false) => Some(Shortcut::Export),
        _ => None,
    }
}

/// The shortcut of a keyboard event.
pub fn of_event(e: &web_sys::KeyboardEvent) -> Option<Shortcut> {
    shortcut(
        &e.key(),
        e.ctrl_key() || e.meta_key(),
        e.shift_key(),
        e.alt_key(),
    )
}

/// True when the event's target is a text field, where typing and native
/// undo must keep working.
pub fn in_text_field(e: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
