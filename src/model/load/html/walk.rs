//! Page tree to leaf blocks, with what scoring needs to know about each.

use super::Element;
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
    /// Size of `text` as [`chars`] counts it.
    pub chars: usize,
    /// Code points of `text` inside links.
    pub link_chars: usize,
    /// Ids of the enclosing elements, outermost first (see [`Walk::weights`]).
    pub path: Vec<usize>,
    /// Inside structural or class-named clutter.
    pub clutter: bool,
    /// Inside an element that marks a date or byline.
    pub dateline: bool,
    /// An image's text (`[Image: alt]`).
    pub image: bool,
    /// Inline formatting, as byte ranges of `text`.
    pub marks: Vec<(InlineKind, Range<usize>)>,
}

impl Leaf {
    /// Drop the text, path and marks (once the leaf has been used).
    pub fn free(&mut self) {
        self.text = String::new();
        self.path = Vec::new();
        self.marks = Vec::new();
    }

    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.chars.max(1) as f64
    }
}

/// Code points of `s` with white space runs counted as one.
fn chars(s: &str) -> usize {
    s.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

/// The leaves of a page and facts about the elements that contain them.
#[derive(Default)]
pub struct Walk {
    pub leaves: Vec<Leaf>,
    /// Class/id weight of each element by id: +25 content, -25 clutter.
    pub weights: Vec<i32>,
    /// The element marked `itemprop=articleBody`, if any.
    pub article_body: Option<usize>,
}

/// An open element and what its end must undo.
struct Frame {
    id: usize,
    name: String,
    clutter: bool,
    breaking: bool,
    dateline: bool,
    /// The inline formatting it applies, and where its text starts in the
    /// current block and how many leaves there were then.
    inline: Option<(InlineKind, usize, usize)>,
}

/// Turns a page, given element by element in document order, into leaves.
#[derive(Default)]
pub struct Walker {
    out: Walk,
    stack: Vec<Frame>,
    /// Depth inside an element whose contents are not text (0: not inside).
    skipping: usize,
    text: String,
    link_chars: usize,
    in_link: usize,
    dateline: usize,
    /// The current text is an image's.
    image: bool,
    /// Inline runs of the current text.
    marks: Vec<(InlineKind, Range<usize>)>,
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
    /// Element `e` starts (its children, if any, are not read from it: they
    /// follow as calls of their own, then [`Walker::close`]). `words` is its
    /// [`Element::class_and_id`].
    pub fn open(&mut self, e: &Element, words: &str) {
        if self.skipping > 0 {
            self.skipping += 1;
            return;
        }
        if SKIPPED.contains(&e.name.as_str()) || hidden(e) {
            self.skipping = 1;
            return;
        }
        if e.name == "img" || e.name == "amp-img" {
            if let Some(alt) = e.attr("alt").filter(|a| !a.trim().is_empty()) {
                self.flush();
                self.text = format!("[Image: {}]", alt.trim());
                self.image = true;
                self.flush();
            }
            // An `amp-img` may hold a fallback `img` with the same text.
            self.skipping = 1;
            return;
        }
        if e.name == "br" {
            self.text.push('\n');
            self.skipping = 1;
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
        let (weight, clutter) = judge(e, words, inside_article);
        let id = self.out.weights.len();
        self.out.weights.push(weight);
        if e.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
        {
            self.out.article_body.get_or_insert(id);
        }
        let dateline = e.name == "time"
            || e.attr("itemprop")
                .is_some_and(|p| p == "author" || p == "datePublished")
            || ["byline", "dateline", "author", "published", "timestamp"]
                .iter()
                .any(|w| words.contains(w));
        self.dateline += usize::from(dateline);
        self.in_link += usize::from(e.name == "a");
        let inline = match e.name.as_str() {
            "em" | "i" => Some(InlineKind::Emphasis),
            "strong" | "b" => Some(InlineKind::Strong),
            "code" | "kbd" | "samp" => Some(InlineKind::Code),
            "a" => Some(InlineKind::Link),
            _ => None,
        };
        let parent_clutter = self.stack.last().is_some_and(|f| f.clutter);
        self.stack.push(Frame {
            id,
            name: e.name.clone(),
            clutter: clutter || parent_clutter,
            breaking,
            dateline,
            inline: inline.map(|k| (k, self.text.len(), self.out.leaves.len())),
        });
    }

    /// Text inside the innermost open element.
    pub fn text(&mut self, t: &str) {
        if self.skipping > 0 {
            return;
        }
        let start = self.text.len();
        if t.is_ascii() {
            self.text.push_str(t);
        } else {
            self.text
                .extend(t.chars().filter(|c| !super::invisible(*c)));
        }
        if self.in_link > 0 {
            self.link_chars += self.text[start..]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count();
        }
    }

    /// The innermost open element ends.
    pub fn close(&mut self) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        let Some(f) = self.stack.last() else {
            return;
        };
        // A run that a block boundary cut is dropped, not misplaced.
        if let Some((kind, start, leaves)) = f.inline {
            if leaves == self.out.leaves.len() && start < self.text.len() {
                self.marks.push((kind, start..self.text.len()));
            }
        }
        if f.breaking {
            self.flush();
        }
        let Some(f) = self.stack.pop() else {
            return;
        };
        self.in_link -= usize::from(f.name == "a");
        self.dateline -= usize::from(f.dateline);
    }

    /// The leaves of everything given so far.
    pub fn finish(mut self) -> Walk {
        self.flush();
        self.out
    }

    /// End the current block (if it has text).
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let link_chars = std::mem::take(&mut self.link_chars);
        let marks = std::mem::take(&mut self.marks);
        let image = std::mem::take(&mut self.image);
        if text.trim().is_empty() {
            return;
        }
        self.out.leaves.push(Leaf {
            kind: kind_of(&self.stack),
            chars: chars(&text),
            text,
            link_chars,
            path: self.stack.iter().map(|f| f.id).collect(),
            clutter: self.stack.last().is_some_and(|f| f.clutter),
            dateline: self.dateline > 0,
            image,
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
