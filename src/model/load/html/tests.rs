//! The extractor on pages in the shapes real news sites use.

use super::*;

/// Give well-formed test markup (no entities, attribute values in
/// double quotes) to an extractor, inside an `<html>` element, as the
/// browser glue would; enough for these tests, not an HTML parser.
fn feed(markup: &str) -> Extractor {
    const VOID: &[&str] = &["img", "br", "meta", "link", "hr", "input"];
    let mut x = Extractor::default();
    // For each open element, whether the extractor wants its contents.
    let mut open = vec![x.open(&Element::new("html"))];
    let wanted = |open: &[bool]| open.iter().all(|w| *w);
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap();
            if !VOID.contains(&&after[..end]) {
                open.pop();
                if wanted(&open) {
                    x.close();
                }
            }
            rest = &after[end + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').unwrap();
            let tag = &after[..end];
            let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
            let mut e = Element::new(name);
            while let Some((key, value)) = attrs.trim().split_once("=\"") {
                let (value, more) = value.split_once('"').unwrap();
                e.attrs.push((key.trim().to_owned(), value.to_owned()));
                attrs = more;
            }
            let void = VOID.contains(&e.name.as_str());
            let contents = wanted(&open) && x.open(&e);
            if void {
                if wanted(&open) {
                    x.close();
                }
            } else {
                open.push(contents);
            }
            rest = &after[end + 1..];
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if wanted(&open) {
                x.text(&rest[..end]);
            }
            rest = &rest[end..];
        }
    }
    x.close();
    x
}

fn from_markup(markup: &str, fallback_title: &str) -> (Article, bool) {
    feed(markup).extract(fallback_title)
}

fn shown(a: &Article, extra: bool) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.extra == extra)
        .map(|b| a.text.slice(b.range))
        .collect()
}

const PROSE: &str =
    "The council approved the budget on Monday, after a long debate, officials said.";

#[test]
fn clutter_is_kept_but_marked_extra() {
    let page = format!(
        "<head><meta property=\"og:site_name\" content=\"Example\"></meta><link rel=\"canonical\" href=\"https://x.invalid/a\"></link></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Budget passes</h1><p class=\"byline\">By Ann Lee</p>\
         <p>{PROSE}</p><p>{PROSE} Twice.</p><p>Subscribe to our newsletter.</p></article>\
         <section class=\"comments\"><p>{PROSE} A comment.</p></section><footer>Copyright</footer></body>"
    );
    let (a, found) = from_markup(&page, "file");
    assert!(found);
    assert_eq!(a.title, "Budget passes");
    let expected_main = ["Budget passes", "By Ann Lee", PROSE];
    assert_eq!(&shown(&a, false)[..3], expected_main);
    assert_eq!(shown(&a, false).len(), 4);
    let extra = shown(&a, true);
    assert!(extra.contains(&"Home") && extra.contains(&"Copyright"));
    assert!(extra.iter().any(|t| t.contains("A comment")));
    assert!(extra.contains(&"Subscribe to our newsletter."));
    assert_eq!(a.meta.byline, "Ann Lee");
    assert_eq!(a.meta.site_name, "Example");
    assert_eq!(a.meta.url, "https://x.invalid/a");
}

#[test]
fn headline_and_byline_from_metadata_when_the_body_lacks_them() {
    let page = format!(
        "<head><title>Dock strike ends | Example News</title><meta name=\"author\" content=\"Ana Ruiz\"></meta>\
         <meta property=\"article:published_time\" content=\"2026-05-01\"></meta></head>\
         <body><div class=\"story\"><p>{PROSE}</p><p>{PROSE}</p></div></body>"
    );
    let (a, found) = from_markup(&page, "file");
    assert!(found);
    assert_eq!(
        shown(&a, false)[..2],
        ["Dock strike ends", "Ana Ruiz · 2026-05-01"]
    );
    assert_eq!(a.meta.published, "2026-05-01");
}

#[test]
fn a_lead_image_before_the_body_belongs_to_the_article() {
    let page = format!(
        "<body><nav><a href=\"/\">Home</a></nav><article><h1>Pier rebuilt</h1>\
         <img src=\"p.jpg\" alt=\"The new pier\"></img><div class=\"body\"><p>{PROSE}</p><p>{PROSE}</p></div>\
         </article><aside><img src=\"ad.png\" alt=\"Buy now\"></img></aside></body>"
    );
    let (a, _) = from_markup(&page, "f");
    assert_eq!(
        shown(&a, false),
        ["Pier rebuilt", "[Image: The new pier]", PROSE, PROSE]
    );
    assert_eq!(shown(&a, true), ["Home", "[Image: Buy now]"]);
}

#[test]
fn metadata_comes_from_the_first_element_of_each_kind() {
    let long = "word ".repeat(40);
    let page = format!(
        "<head><title>Tab | Site</title></head><body><h1>Outside</h1>\
         <div class=\"byline\">{long}</div><span class=\"byline\">By Short Name</span>\
         <article><p>{PROSE}</p><h1>Inside the <em>article</em></h1><p>{PROSE}</p><h1>Second</h1></article></body>"
    );
    let (a, _) = from_markup(&page, "f");
    assert_eq!(a.title, "Inside the article");
    // The first byline element is too long to be a byline: none is taken.
    assert_eq!(a.meta.byline, "");
}

#[test]
fn finishing_in_small_steps_gives_the_same_article() {
    let page = format!(
        "<head><title>Budget | Example</title><meta name=\"author\" content=\"Ann Lee\"></meta></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Budget passes</h1><p>{PROSE}</p>\
         <ul><li>One</li><li>Two</li></ul><p>The <em>big</em> vote. {PROSE}</p></article>\
         <section class=\"comments\"><p>{PROSE}</p></section></body>"
    );
    let whole = from_markup(&page, "f");
    let mut finish = feed(&page).finish("f");
    let mut steps = 0;
    let stepped = loop {
        steps += 1;
        if let Some(done) = finish.step(1) {
            break done;
        }
    };
    assert!(steps > 10, "one leaf per step: {steps} steps");
    assert_eq!(stepped, whole);
}

#[test]
fn without_an_article_everything_is_shown() {
    let (a, found) = from_markup(
        "<body><ul><li>Home</li><li>Sport</li></ul><p>Short.</p></body>",
        "links",
    );
    assert!(!found);
    assert_eq!(shown(&a, false), ["links", "Home", "Sport", "Short."]);
    assert!(shown(&a, true).is_empty());
}

#[test]
fn scripts_hidden_elements_and_images() {
    let page = format!(
        "<body><script>alert(1)</script><p hidden=\"\">secret</p><article><p>{PROSE}</p>\
         <img src=\"x.png\" alt=\"A ferry\"></img><p style=\"display: none\">also secret</p></article></body>"
    );
    let (a, _) = from_markup(&page, "f");
    let all = a.text.as_str();
    assert!(!all.contains("alert") && !all.contains("secret"));
    assert!(shown(&a, false).contains(&"[Image: A ferry]"));
}

#[test]
fn inline_formatting_is_kept_and_links_lose_their_target() {
    let page = format!(
        "<body><article><p>The <em>big</em> <a href=\"javascript:x()\">vote</a> passed, <b>finally</b>. {PROSE}</p></article></body>"
    );
    let (a, _) = from_markup(&page, "f");
    let runs: Vec<(&str, &str)> = a
        .inlines
        .iter()
        .map(|i| (i.kind.name(), a.text.slice(i.range)))
        .collect();
    assert_eq!(runs, [("em", "big"), ("a", "vote"), ("strong", "finally")]);
    assert!(!a.text.as_str().contains("javascript"));
}
