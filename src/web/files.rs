//! Reading user files.

use gloo::file::callbacks::FileReader;
use gloo::file::File;

/// Start reading `file`; `on_done` gets its name and bytes, or an error
/// message. Keep the returned reader alive until then: dropping it cancels.
pub fn read(
    file: web_sys::File,
    on_done: impl FnOnce(String, Result<Vec<u8>, String>) + 'static,
) -> FileReader {
    let file = File::from(file);
    let name = file.name();
    gloo::file::callbacks::read_as_bytes(&file, move |result| {
        on_done(
            name,
            result.map_err(|e| format!("The file could not be read: {e}")),
        );
    })
}
