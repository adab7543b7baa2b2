//! Page tree to leaf blocks, with what scoring needs to know about each.

use super::{Element, Node};
use crate::model::{BlockKind, InlineKind};
use std::ops::Range;

/// Dropped with everything inside: never text of the article.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "button", "input", "option", "datalist",
    "map", "frameset", "frame",
];

/// Elements that end the current block and start a new one.
const BREAKING: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "br",
    "body",
    "html",
    "address",
    "details",
    "summary",
    "dialog",
    "menu",
    "center",
];

/// Structural clutter: shown only with "Show everything".
const CLUTTER_TAGS: &[&str] = &["nav", "aside", "footer", "form", "menu", "dialog"];
const CLUTTER_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];
/// Class or id words that always mean clutter.
const STRONG_NEGATIVE: &[&str] = &[
    "comment",
    "disqus",
    "share",
    "sharing",
    "social",
    "subscri",
    "newsletter",
    "related",
    "recommend",
    "cookie",
    "consent",
    "gdpr",
    "calendar",
    "promo",
    "advert",
    "sponsor",
    "outbrain",
    "taboola",
    "most-read",
    "mostread",
    "trending",
    "paywall",
    "signup",
    "sign-up",
];
/// Class or id words that mean clutter unless a content word is there too.
const WEAK_NEGATIVE: &[&str] = &[
    "sidebar",
    "footer",
    "menu",
    "nav",
    "banner",
    "widget",
    "popup",
    "modal",
    "tags",
    "pager",
    "pagination",
    "breadcrumb",
    "rss",
    "print",
    "skip",
    "login",
    "teaser",
    "header",
    "masthead",
    "toolbar",
    "ad-",
    "ads",
    "extra",
];
/// Class or id words of article content.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "story", "post", "text", "blog",
];

/// A run of text shown as one block.
#[derive(Clone, Debug)]
pub struct Leaf {
    pub kind: BlockKind,
    pub text: String,
    /// Code points of `text` inside links.
    pub link_chars: usize,
    /// Ids of the enclosing elements, outermost first (see [`Walk::weights`]).
    pub path: Vec<usize>,
    /// Inside structural or class-named clutter.
    pub clutter: bool,
    /// Inside an element that marks a date or byline.
    pub dateline: bool,
    /// Inline formatting, as byte ranges of `text`.
    pub marks: Vec<(InlineKind, Range<usize>)>,
}

/// The leaves of a page and facts about the elements that contain them.
pub struct Walk {
    pub leaves: Vec<Leaf>,
    /// Class/id weight of each element by id: +25 content, -25 clutter.
    pub weights: Vec<i32>,
    /// The element marked `itemprop=articleBody`, if any.
    pub article_body: Option<usize>,
}

struct Frame {
    id: usize,
    name: String,
    clutter: bool,
}

struct Walker {
    out: Walk,
    stack: Vec<Frame>,
    text: String,
    link_chars: usize,
    in_link: usize,
    dateline: usize,
    /// Inline runs of the current text.
    marks: Vec<(InlineKind, Range<usize>)>,
}

pub fn blocks(root: &Element) -> Walk {
    let mut w = Walker {
        out: Walk {
            leaves: Vec::new(),
            weights: Vec::new(),
            article_body: None,
        },
        stack: Vec::new(),
        text: String::new(),
        link_chars: 0,
        in_link: 0,
        dateline: 0,
        marks: Vec::new(),
    };
    w.visit(root);
    w.flush();
    w.out
}

fn hidden(e: &Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || (e.name == "dialog" && e.attr("open").is_none())
}

/// (weight, clutter) of an element from its tag, role, class and id.
/// `words` is the element's class and id ([`Element::class_and_id`]).
fn judge(e: &Element, words: &str, inside_article: bool) -> (i32, bool) {
    let has = |list: &[&str]| list.iter().any(|w| words.contains(w));
    let role = e.attr("role").unwrap_or("").to_ascii_lowercase();
    let positive = has(POSITIVE) || matches!(e.name.as_str(), "article" | "main");
    let structural = CLUTTER_TAGS.contains(&e.name.as_str())
        || (e.name == "header" && !inside_article)
        || CLUTTER_ROLES.contains(&role.as_str());
    let negative = has(STRONG_NEGATIVE) || (has(WEAK_NEGATIVE) && !positive);
    let weight = if negative {
        -25
    } else if positive {
        25
    } else {
        0
    };
    (weight, structural || negative)
}

impl Walker {
    fn visit(&mut self, e: &Element) {
        if SKIPPED.contains(&e.name.as_str()) || hidden(e) {
            return;
        }
        if e.name == "img" || e.name == "amp-img" {
            if let Some(alt) = e.attr("alt").filter(|a| !a.trim().is_empty()) {
                self.flush();
                self.text = format!("[Image: {}]", alt.trim());
                self.flush();
            }
            return;
        }
        if e.name == "br" {
            self.text.push('\n');
            return;
        }
        let breaking = BREAKING.contains(&e.name.as_str());
        if breaking {
            self.flush();
        }
        let inside_article = self
            .stack
            .iter()
            .any(|f| matches!(f.name.as_str(), "article" | "main"));
        let words = e.class_and_id();
        let (weight, clutter) = judge(e, &words, inside_article);
        let id = self.out.weights.len();
        self.out.weights.push(weight);
        if e.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
        {
            self.out.article_body.get_or_insert(id);
        }
        let is_dateline = e.name == "time"
            || e.attr("itemprop")
                .is_some_and(|p| p == "author" || p == "datePublished")
            || ["byline", "dateline", "author", "published", "timestamp"]
                .iter()
                .any(|w| words.contains(w));
        self.dateline += usize::from(is_dateline);
        self.in_link += usize::from(e.name == "a");
        let parent_clutter = self.stack.last().is_some_and(|f| f.clutter);
        self.stack.push(Frame {
            id,
            name: e.name.clone(),
            clutter: clutter || parent_clutter,
        });
        let inline = match e.name.as_str() {
            "em" | "i" => Some(InlineKind::Emphasis),
            "strong" | "b" => Some(InlineKind::Strong),
            "code" | "kbd" | "samp" => Some(InlineKind::Code),
            "a" => Some(InlineKind::Link),
            _ => None,
        };
        let (inline_start, leaves_before) = (self.text.len(), self.out.leaves.len());
        for c in &e.children {
            match c {
                Node::Element(child) => self.visit(child),
                Node::Text(t) => {
                    let t: String = t.chars().filter(|c| !super::invisible(*c)).collect();
                    if self.in_link > 0 {
                        self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                    self.text.push_str(&t);
                }
            }
        }
        // A run that a block boundary cut is dropped, not misplaced.
        if let Some(kind) = inline.filter(|_| self.out.leaves.len() == leaves_before) {
            if inline_start < self.text.len() {
                self.marks.push((kind, inline_start..self.text.len()));
            }
        }
        if breaking {
            self.flush();
        }
        self.stack.pop();
        self.in_link -= usize::from(e.name == "a");
        self.dateline -= usize::from(is_dateline);
    }

    /// End the current block (if it has text).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let link_chars = std::mem::take(&mut self.link_chars);
        let marks = std::mem::take(&mut self.marks);
        if text.trim().is_empty() {
            return;
        }
        self.out.leaves.push(Leaf {
            kind: kind_of(&self.stack),
            text,
            link_chars,
            path: self.stack.iter().map(|f| f.id).collect(),
            clutter: self.stack.last().is_some_and(|f| f.clutter),
            dateline: self.dateline > 0,
            marks,
        });
    }
}

/// The kind of block that text inside `stack` forms: the innermost heading,
/// item, preformatted or quote element decides.
fn kind_of(stack: &[Frame]) -> BlockKind {
    for f in stack.iter().rev() {
        match BlockKind::from_element(&f.name) {
            Some(BlockKind::Paragraph) | None => {}
            Some(kind) => return kind,
        }
        if f.name == "figcaption" || f.name == "td" || f.name == "th" {
            return BlockKind::Paragraph;
        }
    }
    BlockKind::Paragraph
}
