//! In-browser article annotator.
//!
//! Layers (dependencies point one way: `ui -> model`, `ui -> web`, `web -> model`):
//! - [`model`]: pure Rust, tested natively;
//! - `web`: browser glue (DOM selection <-> offsets, keys, files, storage);
//! - `ui`: Yew components and the store that applies model commands.
//!
//! `web` and the components of `ui` are compiled for `wasm32` only; the
//! store, messages and key handling of `ui` are pure and tested natively.

pub mod keymap;
pub mod model;
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
