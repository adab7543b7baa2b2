//! Browser glue: turns DOM events, selections, files and storage into model
//! terms and back. Thin by design; tested by the browser end-to-end tests.

pub mod article_dom;
mod article_runs;
pub mod case;
pub mod clock;
pub mod converter;
pub mod converter_worker;
pub mod couch;
pub mod download;
mod error;
pub mod files;
pub mod highlights;
pub mod html_dom;
pub mod keys;
pub mod library_db;
pub mod quota;
pub mod segmenter;
pub mod selection;
pub mod slices;
pub mod storage;
pub mod tabs;
mod viewport;

pub use error::Error;
