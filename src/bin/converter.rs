//! The converters' web worker: the other tools' formats (W3C, Label Studio,
//! doccano, brat, CoNLL, spaCy, CSV) and the Markdown loader, loaded only
//! when the user exports or opens one, so they stay out of the page's first
//! load. See `src/web/converter.rs` (the page side) and
//! `model::exchange::job`.

#[cfg(target_arch = "wasm32")]
fn main() {
    annotator::web::case::install();
    annotator::web::converter_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
