//! Web pages to articles, Readability-style, over a neutral element tree.
//!
//! The browser parses the page (`DOMParser`: inert, nothing runs or loads)
//! and `web::html_dom` copies it into [`Element`]s; everything from there on
//! is pure and tested natively. The canonical text holds all readable text of
//! the page in document order; blocks that extraction judges to be clutter
//! are marked [`Block::extra`](crate::model::Block) and shown only with "Show
//! everything", so offsets are the same in both views.

mod charset;
mod meta;
mod score;
mod walk;

pub use charset::sniff_charset;

use super::BlockBuilder;
use crate::model::{Article, BlockKind};

/// An element of a parsed page. Names are lower case; only the attributes
/// extraction reads are kept (see `web::html_dom`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
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

    /// Class and id, lower case, for matching clutter and content patterns.
    fn class_and_id(&self) -> String {
        format!(
            "{} {}",
            self.attr("class").unwrap_or(""),
            self.attr("id").unwrap_or("")
        )
        .to_ascii_lowercase()
    }

    /// All text below this element, white space as in the page.
    fn text(&self) -> String {
        let mut out = String::new();
        collect_text(self, &mut out);
        out
    }

    /// Depth-first search for the first element matching `pred`.
    fn find(&self, pred: &dyn Fn(&Element) -> bool) -> Option<&Element> {
        if pred(self) {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Node::Element(e) => e.find(pred),
            Node::Text(_) => None,
        })
    }
}

/// Characters that are invisible and carry nothing: zero-width space,
/// byte-order mark, soft hyphen (zero-width joiners stay: emoji need them).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}' | '\u{ad}')
}

fn collect_text(e: &Element, out: &mut String) {
    for c in &e.children {
        match c {
            Node::Text(t) => out.extend(t.chars().filter(|c| !invisible(*c))),
            Node::Element(child) => collect_text(child, out),
        }
    }
}

/// The article of a parsed page, and whether a main article was found (when
/// not, every block is shown).
pub fn from_tree(root: &Element, fallback_title: &str) -> (Article, bool) {
    let meta = meta::read(root);
    let walk = walk::blocks(root);
    let mut main = score::main_blocks(&walk);
    let blocks = &walk.leaves;
    let found = main.iter().any(|m| *m);
    let title = meta
        .title
        .clone()
        .unwrap_or_else(|| fallback_title.to_owned());
    if blocks.is_empty() {
        // Nothing readable: no headline of our own either.
        return (BlockBuilder::default().finish(title), false);
    }
    // The page's own headline joins the article rather than being repeated.
    if found {
        if let Some(i) = blocks
            .iter()
            .position(|b| matches!(b.kind, BlockKind::Heading(_)) && same_text(&b.text, &title))
        {
            main[i] = true;
        }
    }
    let mut out = BlockBuilder::default();
    // Title, byline and date first when the readable part lacks them.
    let shown = |i: usize| !found || main[i];
    let has_title = blocks.iter().enumerate().any(|(i, b)| {
        shown(i) && matches!(b.kind, BlockKind::Heading(_)) && same_text(&b.text, &title)
    });
    if !has_title {
        out.push(BlockKind::Heading(1), &title);
    }
    // A shown date line (a <time>, a byline element) already says it.
    let has_dateline = blocks
        .iter()
        .enumerate()
        .any(|(i, b)| shown(i) && b.dateline);
    let byline_line = [meta.data.byline.as_str(), meta.data.published.as_str()]
        .iter()
        .filter(|s| {
            !has_dateline
                && !s.is_empty()
                && !blocks
                    .iter()
                    .enumerate()
                    .any(|(i, b)| shown(i) && b.text.contains(*s))
        })
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    if !byline_line.is_empty() {
        out.push(BlockKind::Paragraph, &byline_line);
    }
    for (i, b) in blocks.iter().enumerate() {
        out.push_marked(b.kind, &b.text, &b.marks, !shown(i));
    }
    let mut article = out.finish(title.clone());
    article.title = title;
    article.meta = meta.data;
    (article, found)
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

    /// A tree from well-formed test markup (no entities, attribute values in
    /// double quotes); enough for these tests, not an HTML parser.
    fn tree(markup: &str) -> Element {
        const VOID: &[&str] = &["img", "br", "meta", "link", "hr", "input"];
        let mut stack = vec![Element::new("html")];
        let mut rest = markup;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("</") {
                let end = after.find('>').unwrap();
                if !VOID.contains(&&after[..end]) {
                    let done = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(Node::Element(done));
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
                if VOID.contains(&e.name.as_str()) {
                    stack.last_mut().unwrap().children.push(Node::Element(e));
                } else {
                    stack.push(e);
                }
                rest = &after[end + 1..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Text(rest[..end].to_owned()));
                rest = &rest[end..];
            }
        }
        stack.pop().unwrap()
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
        let (a, found) = from_tree(&tree(&page), "file");
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
        let (a, found) = from_tree(&tree(&page), "file");
        assert!(found);
        assert_eq!(
            shown(&a, false)[..2],
            ["Dock strike ends", "Ana Ruiz · 2026-05-01"]
        );
        assert_eq!(a.meta.published, "2026-05-01");
    }

    #[test]
    fn without_an_article_everything_is_shown() {
        let (a, found) = from_tree(
            &tree("<body><ul><li>Home</li><li>Sport</li></ul><p>Short.</p></body>"),
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
        let (a, _) = from_tree(&tree(&page), "f");
        let all = a.text.as_str();
        assert!(!all.contains("alert") && !all.contains("secret"));
        assert!(shown(&a, false).contains(&"[Image: A ferry]"));
    }

    #[test]
    fn inline_formatting_is_kept_and_links_lose_their_target() {
        let page = format!(
            "<body><article><p>The <em>big</em> <a href=\"javascript:x()\">vote</a> passed, <b>finally</b>. {PROSE}</p></article></body>"
        );
        let (a, _) = from_tree(&tree(&page), "f");
        let runs: Vec<(&str, &str)> = a
            .inlines
            .iter()
            .map(|i| (i.kind.name(), a.text.slice(i.range)))
            .collect();
        assert_eq!(runs, [("em", "big"), ("a", "vote"), ("strong", "finally")]);
        assert!(!a.text.as_str().contains("javascript"));
    }
}
