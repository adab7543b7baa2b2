//! The binary Trunk builds: installs the browser's text segmenter and
//! lower case, and renders the app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    annotator::web::segmenter::install();
    annotator::web::case::install();
    yew::Renderer::<annotator::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The annotator runs in the browser: see README.md (scripts/serve).");
}
