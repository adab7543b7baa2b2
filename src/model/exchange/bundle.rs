//! One download for an export of several files: a zip of them, stored
//! uncompressed (the files are small text; the browser or `unzip` opens it).

use super::{Exported, Format, OutFile};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// What the browser downloads for `exported`, the export in `format` of an
/// article whose file stem is `stem`: `(file name, MIME type, bytes)`. One
/// file is itself; several are `<stem>.<format id>.zip`, a zip of
/// `<stem><suffix>` each. O(total size).
pub fn one_file(
    stem: &str,
    format: Format,
    exported: &Exported,
) -> (String, &'static str, Vec<u8>) {
    match exported.files.as_slice() {
        [one] => (
            format!("{stem}{}", one.suffix),
            one.mime,
            one.content.clone().into_bytes(),
        ),
        files => (
            format!("{stem}.{}.zip", format.id()),
            "application/zip",
            zip(stem, files),
        ),
    }
}

/// A stored zip of `files`, named `<stem><suffix>`.
pub fn zip(stem: &str, files: &[OutFile]) -> Vec<u8> {
    zip_named(
        files
            .iter()
            .map(|f| (format!("{stem}{}", f.suffix), f.content.as_str())),
    )
}

/// A stored zip of `(name, content)` pairs, in the order given.
pub(super) fn zip_named<'a>(files: impl IntoIterator<Item = (String, &'a str)>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in files {
        // Writing to memory fails only on names or sizes zip cannot hold
        // (over 4 GiB without zip64), which an export never reaches.
        w.start_file(name, options)
            .and_then(|()| w.write_all(content.as_bytes()).map_err(Into::into))
            .expect("an in-memory zip of text files");
    }
    w.finish().expect("an in-memory zip").into_inner()
}
