//! Every input of the fuzz corpora (`fuzz/corpus/<target>/`), through the
//! same checks the fuzz targets run (`fuzz/checks.rs`): inputs that once
//! broke an invariant stay fixed, on stable Rust, in seconds.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a corpus entry").path();
        let bytes = std::fs::read(&path).expect("a corpus file");
        let run = std::panic::catch_unwind(|| check(&bytes));
        assert!(
            run.is_ok(),
            "{target}: {} breaks an invariant",
            path.display()
        );
        n += 1;
    }
    assert!(n > 0, "the {target} corpus is empty");
}

#[test]
fn import_corpus() {
    replay("import", checks::import_bytes);
}

#[test]
fn load_corpus() {
    replay("load", checks::load);
}

#[test]
fn text_corpus() {
    replay("text", checks::text);
}

#[test]
fn html_corpus() {
    replay("html", checks::html);
}

#[test]
fn anchor_corpus() {
    replay("anchor", checks::anchor_quote);
}

#[test]
fn foreign_corpus() {
    replay("foreign", checks::foreign);
}

#[test]
fn reanchor_corpus() {
    replay("reanchor", checks::reanchor);
}

#[test]
fn sync_corpus() {
    replay("sync", checks::sync_reply);
}
