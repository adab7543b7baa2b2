//! The binary Trunk builds: renders the app, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<annotator::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The annotator runs in the browser: see README.md (scripts/serve).");
}
