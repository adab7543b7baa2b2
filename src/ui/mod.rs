//! The UI: the store and its pure parts (compiled and tested natively), and
//! the Yew components and hooks around them (wasm32 only).
//!
//! Pure: [`store`] (state, actions, the reducer), [`reading`] (the
//! article's keys, part of the reducer), [`doc`] (the session handle),
//! [`messages`] (every sentence the page composes), [`tag_edit`] (the Tags
//! dialog's changes as commands), [`tag_styles`] (the CSS of a tag set).

mod action;
pub mod adjudicating;
#[cfg(target_arch = "wasm32")]
mod adjudication_save;
pub mod carrying;
pub mod doc;
pub mod field_form;
mod kept;
pub mod linking;
pub mod messages;
pub mod reading;
pub mod store;
pub mod tag_edit;
pub mod tag_styles;
pub mod worklist;

#[cfg(target_arch = "wasm32")]
mod adjudication_panel;
#[cfg(target_arch = "wasm32")]
mod agreement_dialog;
#[cfg(target_arch = "wasm32")]
mod annotation_list;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod article_pane;
#[cfg(target_arch = "wasm32")]
mod boot;
#[cfg(target_arch = "wasm32")]
mod caret;
#[cfg(target_arch = "wasm32")]
mod carry_dialog;
#[cfg(target_arch = "wasm32")]
mod chooser;
#[cfg(target_arch = "wasm32")]
mod exchange_actions;
#[cfg(target_arch = "wasm32")]
mod field_editors;
#[cfg(target_arch = "wasm32")]
mod file_actions;
#[cfg(target_arch = "wasm32")]
mod focus;
#[cfg(target_arch = "wasm32")]
mod help;
#[cfg(target_arch = "wasm32")]
mod layout;
#[cfg(target_arch = "wasm32")]
mod library_actions;
#[cfg(target_arch = "wasm32")]
mod library_exchange;
#[cfg(target_arch = "wasm32")]
mod library_save;
#[cfg(target_arch = "wasm32")]
mod library_sync;
#[cfg(target_arch = "wasm32")]
mod library_view;
#[cfg(target_arch = "wasm32")]
mod link_dialog;
#[cfg(target_arch = "wasm32")]
mod notice_bar;
#[cfg(target_arch = "wasm32")]
mod older_version;
#[cfg(target_arch = "wasm32")]
mod orphan_list;
#[cfg(target_arch = "wasm32")]
mod page_events;
#[cfg(target_arch = "wasm32")]
mod paint;
#[cfg(target_arch = "wasm32")]
mod panel_filters;
#[cfg(target_arch = "wasm32")]
mod panel_row;
#[cfg(target_arch = "wasm32")]
mod paste_box;
#[cfg(target_arch = "wasm32")]
mod selection;
#[cfg(target_arch = "wasm32")]
mod sync_dialog;
#[cfg(target_arch = "wasm32")]
mod syncing;
#[cfg(target_arch = "wasm32")]
mod tag_row;
#[cfg(target_arch = "wasm32")]
mod tags_dialog;
#[cfg(target_arch = "wasm32")]
mod toolbar;

#[cfg(target_arch = "wasm32")]
pub use app::App;

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for store::State {
    type Action = store::Action;

    fn reduce(self: std::rc::Rc<Self>, action: store::Action) -> std::rc::Rc<Self> {
        self.update(action)
    }
}

/// CSS pixels, rounded, for style attributes (integer formatting keeps the
/// float formatter out of the wasm).
#[cfg(target_arch = "wasm32")]
fn px(v: f64) -> i64 {
    v.round() as i64
}
