//! Reading user files.

use super::Error;
use gloo::file::callbacks::FileReader;
use gloo::file::File;

/// Start reading `file`; `on_done` gets its name and bytes, or why not. Keep the returned reader alive until then: dropping it cancels.
pub fn read(
    file: web_sys::File,
    on_done: impl FnOnce(String, Result<Vec<u8>, Error>) + 'static,
) -> FileReader {
    let file = File::from(file);
    let name = file.name();
    gloo::file::callbacks::read_as_bytes(&file, move |result| {
        on_done(
            name,
            result.map_err(|e| Error::FileUnreadable(e.to_string())),
        );
    })
}
