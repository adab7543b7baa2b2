//! Turning bytes into a browser download.

use super::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Start a download of `contents` (written as UTF-8) named `file_name`.
/// The blob is made from the bytes: from a JS string the browser would
/// decode the text to UTF-16 and encode it back (about 70 ms for the 6 MB
/// file of 10,000 annotations, against a copy of the bytes).
///
/// # Errors
/// [`Error::DownloadRefused`] if the blob or link cannot be made.
pub fn download(file_name: &str, contents: &str, mime: &str) -> Result<(), Error> {
    download_bytes(file_name, contents.as_bytes(), mime)
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
