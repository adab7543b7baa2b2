//! [`Error`]: what can go wrong in the browser glue, each with the sentence
//! the user reads.

use crate::model::load::LoadError;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// `localStorage` is missing or turned off.
    NoStorage,
    /// `localStorage` refused to keep `what` (it is full).
    StorageFull(&'static str),
    /// IndexedDB is missing or refused (the browser's words).
    LibraryUnavailable(String),
    /// The library's storage quota is reached: a write was not kept.
    LibraryFull,
    /// A library write or read failed otherwise (the browser's words).
    LibraryFailed(String),
    /// The browser did not start the download.
    DownloadRefused,
    /// A file could not be read; the browser's reason.
    FileUnreadable(String),
    /// The browser could not make the inert document a page is read into.
    NoDocument,
    /// The page itself cannot be loaded.
    Load(LoadError),
    /// The converters' worker could not start or stopped; the browser's reason.
    Converter(String),
    /// A sentence for the user from the converters' worker (why a file it
    /// read could not load), shown as it is.
    Said(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoStorage => write!(
                f,
                "This browser keeps no storage for the page (it may be turned off). Export your annotations now."
            ),
            Error::StorageFull(what) => write!(
                f,
                "Could not save the {what} in the browser: its storage is full. Export your annotations now."
            ),
            Error::LibraryUnavailable(why) => write!(
                f,
                "The library cannot be kept in this browser ({why}). You can still annotate and export; export before you close the tab, since nothing is kept after it."
            ),
            Error::LibraryFull => write!(
                f,
                "The browser's storage is full, so your latest changes are not kept in the library yet. Nothing is lost while this tab stays open: export now (Ctrl+S), or free space by deleting articles in the library."
            ),
            Error::LibraryFailed(why) => write!(
                f,
                "Could not keep your latest changes in the library ({why}). Export now (Ctrl+S) to keep them."
            ),
            Error::DownloadRefused => write!(f, "The browser refused the download."),
            Error::FileUnreadable(why) => write!(f, "The file could not be read: {why}"),
            Error::NoDocument => write!(
                f,
                "This browser could not set up a document to read the page in."
            ),
            Error::Load(e) => e.fmt(f),
            Error::Said(why) => f.write_str(why),
            Error::Converter(why) => write!(
                f,
                "The format converters could not run ({why}). Reload the page and try again."
            ),
        }
    }
}

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Self {
        Error::Load(e)
    }
}
