//! Lower case from the browser (`String.prototype.toLowerCase`), for the
//! text `model::case` cannot lower without the standard library's tables.

use js_sys::JsString;

fn lower(s: &str) -> String {
    JsString::from(s).to_lower_case().into()
}

/// Make the browser lower text on this thread (call once, at start).
pub fn install() {
    crate::model::case::install(lower);
}
