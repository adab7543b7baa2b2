//! Turning bytes into a browser download.

use super::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Start a download of `contents` named `file_name`.
///
/// # Errors
/// [`Error::DownloadRefused`] if the blob or link cannot be made.
pub fn download(file_name: &str, contents: &str, mime: &str) -> Result<(), Error> {
    start(file_name, &JsValue::from_str(contents), mime).map_err(|_| Error::DownloadRefused)
}

/// Start a download of the bytes `contents` named `file_name`.
///
/// # Errors
/// [`Error::DownloadRefused`] if the blob or link cannot be made.
pub fn download_bytes(file_name: &str, contents: &[u8], mime: &str) -> Result<(), Error> {
    let bytes = js_sys::Uint8Array::from(contents);
    start(file_name, &bytes, mime).map_err(|_| Error::DownloadRefused)
}

fn start(file_name: &str, contents: &JsValue, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(contents);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_blob_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
