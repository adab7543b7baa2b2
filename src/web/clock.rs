//! Time stamps and ids from the browser.

use crate::model::AnnotationId;

/// Now as RFC 3339 in UTC with milliseconds (`2026-11-27T06:42:33.123Z`).
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A random UUID (version 4) from `crypto.randomUUID()`; a time-and-random
/// fallback where that is missing (non-secure contexts other than localhost).
pub fn new_id() -> AnnotationId {
    let id = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| {
            js_sys::Reflect::has(&c, &"randomUUID".into())
                .ok()
                .filter(|has| *has)
                .map(|_| c.random_uuid())
        })
        .unwrap_or_else(|| {
            format!(
                "a{:x}-{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        });
    AnnotationId::from(id)
}
