//! How much the browser lets the page keep: `navigator.storage`'s
//! estimate, and the request to keep it persistent (not evicted under
//! storage pressure).

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Bytes used and the quota, as the browser estimates them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
    /// The browser already keeps this storage persistent.
    pub persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.storage())
}

fn number(v: &JsValue, field: &str) -> f64 {
    js_sys::Reflect::get(v, &field.into())
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0)
}

/// The estimate; `None` where the browser gives none.
pub async fn estimate() -> Option<Estimate> {
    let m = manager()?;
    let e = JsFuture::from(m.estimate().ok()?).await.ok()?;
    let persisted = JsFuture::from(m.persisted().ok()?)
        .await
        .ok()
        .and_then(|p| p.as_bool())
        .unwrap_or(false);
    Some(Estimate {
        usage: number(&e, "usage"),
        quota: number(&e, "quota"),
        persisted,
    })
}

/// Ask the browser to keep the storage persistent; whether it does.
pub async fn persist() -> bool {
    let Some(p) = manager().and_then(|m| m.persist().ok()) else {
        return false;
    };
    JsFuture::from(p)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}
