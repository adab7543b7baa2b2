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
use crate::model::case::Lowercase;
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
            .lowercase()
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests;
