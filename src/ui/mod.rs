//! Yew components and the store that applies model commands.

mod annotation_list;
mod app;
mod autosave;
mod chooser;
mod file_actions;
mod focus;
mod help;
mod paste_box;
mod reading;
mod store;

pub use app::App;
