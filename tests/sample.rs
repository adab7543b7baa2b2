//! The built-in sample the page shows is its Markdown source, loaded.

use annotator::model::sample::{sample_article, SAMPLE_MARKDOWN, SAMPLE_NATIVE};
use annotator::model::{format, load, Session};

#[test]
fn the_sample_is_its_markdown_loaded() {
    let article = load::load_file("sample.md", SAMPLE_MARKDOWN.as_bytes()).expect("loads");
    let native = format::export(&Session::new(article.clone()));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write("src/model/sample.annotations.json", &native).expect("written");
        return;
    }
    assert!(
        native == SAMPLE_NATIVE,
        "src/model/sample.annotations.json is not src/model/sample.md loaded: run UPDATE_GOLDEN=1 cargo test --test sample"
    );
    let mut shown = sample_article();
    assert_eq!(shown.source, "built-in sample");
    shown.source = article.source.clone();
    assert_eq!(shown, article);
    assert!(
        !article.inlines.is_empty(),
        "the sample shows emphasis and links"
    );
}
