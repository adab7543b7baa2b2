//! In-browser article annotator.
//!
//! Layers (dependencies point one way: `ui -> model`, `ui -> web`, `web -> model`):
//! - [`model`]: pure Rust, tested natively;
//! - `web`: browser glue (DOM selection <-> offsets, keys, files, storage);
//! - `ui`: Yew components and the store that applies model commands.
//!
//! `web` and `ui` are compiled for `wasm32` only.

pub mod keymap;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
