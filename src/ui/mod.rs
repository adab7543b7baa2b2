//! Yew components and the store that applies model commands.

mod annotation_list;
mod app;
mod article_view;
mod autosave;
mod chooser;
mod file_actions;
mod focus;
mod help;
mod page_events;
mod paste_box;
mod reading;
mod store;

pub use app::App;

/// CSS pixels, rounded, for style attributes (integer formatting keeps the
/// float formatter out of the wasm).
fn px(v: f64) -> i64 {
    v.round() as i64
}
