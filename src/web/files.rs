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

/// The files of a file list (an input's, a drop's), in order.
pub fn all(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}
