//! Web pages to articles, Readability-style, from a page given element by
//! element ([`Extractor`]).
//!
//! The browser parses the page (in an inert document: nothing runs or
//! loads) and `web::html_dom` hands its elements, one by one in document
//! order, to the extractor; everything from there on is pure and tested
//! natively. The canonical text holds all readable text of the page in
//! document order; blocks that extraction judges to be clutter
//! are marked [`Block::extra`](crate::model::Block) and shown only with "Show
//! everything", so offsets are the same in both views.

mod charset;
mod meta;
mod score;
mod walk;

pub use charset::sniff_charset;

use super::BlockBuilder;
use crate::model::{Article, BlockKind};

/// An element of a parsed page as [`Extractor::open`] takes it: its name
/// (lower case) and the attributes extraction reads (see `web::html_dom`);
/// its contents come as calls of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Element {
    pub fn new(name: &str) -> Self {
        Self {
            name: name.to_ascii_lowercase(),
            ..Self::default()
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Class and id, lower case, for matching clutter and content patterns
    /// (empty when the element has neither, as most do).
    fn class_and_id(&self) -> String {
        match (self.attr("class"), self.attr("id")) {
            (None, None) => String::new(),
            (class, id) => {
                format!("{} {}", class.unwrap_or(""), id.unwrap_or("")).to_ascii_lowercase()
            }
        }
    }
}

/// Characters that are invisible and carry nothing: zero-width space,
/// byte-order mark, soft hyphen (zero-width joiners stay: emoji need them).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}')
}

/// Contents never read: not text of the article or of its metadata.
const OPAQUE: &[&str] = &[
    "script", "style", "template", "svg", "math", "noscript", "iframe", "object",
];

/// Extraction of an article from a page given element by element in
/// document order: for each element [`Extractor::open`], then its contents
/// (text and elements, if `open` wants them), then [`Extractor::close`].
/// Holds only the text and facts extraction needs, never the page's tree, so
/// a page can be read in steps straight from the browser's DOM.
#[derive(Default)]
pub struct Extractor {
    walker: walk::Walker,
    meta: meta::Reader,
}

impl Extractor {
    /// Element `e` starts (its `children` are ignored). Returns whether its
    /// contents are wanted; `close` must follow either way.
    pub fn open(&mut self, e: &Element) -> bool {
        let words = e.class_and_id();
        self.walker.open(e, &words);
        self.meta.open(e, &words);
        !OPAQUE.contains(&e.name.as_str())
    }

    /// Text inside the innermost open element.
    pub fn text(&mut self, t: &str) {
        self.walker.text(t);
        self.meta.text(t);
    }

    /// The innermost open element ends.
    pub fn close(&mut self) {
        self.walker.close();
        self.meta.close();
    }

    /// The rest of the work, done in steps ([`Finish::step`]).
    pub fn finish(self, fallback_title: &str) -> Finish {
        let walk = self.walker.finish();
        Finish {
            scorer: score::Scorer::new(&walk),
            walk,
            meta: self.meta.finish(),
            fallback_title: fallback_title.to_owned(),
            building: None,
        }
    }

    /// The article, and whether a main article was found, in one go.
    pub fn extract(self, fallback_title: &str) -> (Article, bool) {
        let mut finish = self.finish(fallback_title);
        loop {
            if let Some(done) = finish.step(usize::MAX) {
                return done;
            }
        }
    }
}

/// The end of an extraction: scoring the leaves, then building the article
/// from them, a few leaves per step.
pub struct Finish {
    meta: meta::Meta,
    walk: walk::Walk,
    fallback_title: String,
    scorer: score::Scorer,
    /// Once scored: the article so far.
    building: Option<Building>,
}

/// An article being built from scored leaves.
struct Building {
    out: BlockBuilder,
    /// For each leaf, whether it is shown (not [`Block::extra`](crate::model::Block)).
    shown: Vec<bool>,
    /// Whether a main article was found (when not, every leaf is shown).
    found: bool,
    /// The next leaf to add.
    next: usize,
}

impl Finish {
    /// Work on up to `n` leaves. When done: the article, and whether a main
    /// article was found (when not, every block is shown).
    pub fn step(&mut self, n: usize) -> Option<(Article, bool)> {
        let Some(b) = &mut self.building else {
            let main = self.scorer.step(&self.walk, n)?;
            let title = self.title();
            if self.walk.leaves.is_empty() {
                // Nothing readable: no headline of our own either.
                return Some((BlockBuilder::default().finish(title), false));
            }
            self.building = Some(self.start(main, &title));
            return None;
        };
        let leaves = &mut self.walk.leaves;
        let end = b.next.saturating_add(n).min(leaves.len());
        for (l, shown) in leaves[b.next..end].iter_mut().zip(&b.shown[b.next..end]) {
            b.out.push_marked(l.kind, &l.text, &l.marks, !shown);
            // Freed as it goes: freeing 400,000 leaves at the end was one
            // long task.
            l.free();
        }
        b.next = end;
        if end < leaves.len() {
            return None;
        }
        let b = self.building.take()?;
        let title = self.title();
        let mut article = b.out.finish(title.clone());
        article.title = title;
        article.meta = std::mem::take(&mut self.meta.data);
        Some((article, b.found))
    }

    fn title(&self) -> String {
        self.meta
            .title
            .clone()
            .unwrap_or_else(|| self.fallback_title.clone())
    }

    /// Which leaves are shown (all, when no article was found), and the
    /// article's first blocks: its title, byline and date when the shown
    /// leaves lack them.
    fn start(&self, mut main: Vec<bool>, title: &str) -> Building {
        let (leaves, meta) = (&self.walk.leaves, &self.meta);
        let found = main.iter().any(|m| *m);
        // The page's own headline joins the article rather than being repeated.
        if found {
            if let Some(i) = leaves
                .iter()
                .position(|b| matches!(b.kind, BlockKind::Heading(_)) && same_text(&b.text, title))
            {
                main[i] = true;
            }
        } else {
            main.fill(true);
        }
        let mut out = BlockBuilder::default();
        let shown = || {
            leaves
                .iter()
                .zip(&main)
                .filter(|(_, m)| **m)
                .map(|(l, _)| l)
        };
        let has_title =
            shown().any(|b| matches!(b.kind, BlockKind::Heading(_)) && same_text(&b.text, title));
        if !has_title {
            out.push(BlockKind::Heading(1), title);
        }
        // A shown date line (a <time>, a byline element) already says it.
        let has_dateline = shown().any(|b| b.dateline);
        let byline_line = [meta.data.byline.as_str(), meta.data.published.as_str()]
            .iter()
            .filter(|s| !has_dateline && !s.is_empty() && !shown().any(|b| b.text.contains(*s)))
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        if !byline_line.is_empty() {
            out.push(BlockKind::Paragraph, &byline_line);
        }
        Building {
            out,
            shown: main,
            found,
            next: 0,
        }
    }
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
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
}
