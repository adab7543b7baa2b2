//! What the page says about the annotator name.

/// The toolbar's annotator button: the name set, or an invitation.
pub fn annotator_button(name: &str) -> String {
    if name.is_empty() {
        "Set your name".into()
    } else {
        format!("Annotator: {name}")
    }
}

/// The question the annotator button asks.
pub const ANNOTATOR_PROMPT: &str =
    "Your name as annotator (kept in this browser; each annotation you make from now on carries it as its creator). Leave empty for none.";

/// After the annotator name is set (`name`, cleaned; empty: cleared).
pub fn annotator_set(name: &str) -> String {
    if name.is_empty() {
        "New annotations carry no annotator name.".into()
    } else {
        format!("New annotations carry your name \u{201c}{name}\u{201d} as their creator.")
    }
}
