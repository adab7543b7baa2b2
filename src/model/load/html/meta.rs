//! What a page says about itself: title, byline, date, site, canonical URL.

use super::Element;
use crate::model::Metadata;

pub struct Meta {
    /// The headline; `None` when the page has none.
    pub title: Option<String>,
    pub data: Metadata,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element being collected.
struct Capture {
    slot: Slot,
    /// Depth of the element (see [`Reader::depth`]).
    depth: usize,
    text: String,
    /// Longest collapsed text the slot accepts, in code points.
    limit: usize,
    /// Non-space code points seen: a lower bound of the collapsed length.
    solid: usize,
}

/// The elements whose text the metadata may come from: the first of each
/// kind in the page is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Slot {
    /// `<title>`.
    Title,
    /// The first `<h1>`.
    H1,
    /// The first `<h1>` inside the first article, main or articleBody element.
    ArticleH1,
    /// An element with `itemprop=author` or `rel=author`.
    Author,
    /// An element whose class or id names a byline or author.
    Byline,
}

/// Reads a page's metadata from its elements, given one by one in document
/// order like [`super::walk::Walker`]. Keeps only what it needs: the meta
/// tags and the short texts of a few elements.
#[derive(Default)]
pub struct Reader {
    /// Elements open now.
    depth: usize,
    /// `(name or property lower case, collapsed content)` of each `<meta>`.
    metas: Vec<(String, String)>,
    /// Slots whose element has been seen, with their text once it ended.
    seen: Vec<(Slot, Option<String>)>,
    captures: Vec<Capture>,
    /// The depth of the first article-like element while inside it, then 0.
    article: Option<usize>,
    /// `datetime` or `content` of the first dated element that has one.
    time: Option<String>,
    /// The first canonical link's `href`.
    canonical: Option<Option<String>>,
}

impl Reader {
    /// Element `e` starts; `words` is its [`Element::class_and_id`].
    pub fn open(&mut self, e: &Element, words: &str) {
        self.depth += 1;
        let name = e.name.as_str();
        if name == "meta" {
            if let Some(key) = e.attr("property").or_else(|| e.attr("name")) {
                let content = collapse(e.attr("content").unwrap_or(""));
                self.metas.push((key.to_ascii_lowercase(), content));
            }
        }
        if name == "link"
            && self.canonical.is_none()
            && e.attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        {
            self.canonical = Some(e.attr("href").map(collapse));
        }
        if self.time.is_none() && (e.attr("itemprop") == Some("datePublished") || name == "time") {
            self.time = e
                .attr("datetime")
                .or_else(|| e.attr("content"))
                .map(collapse);
        }
        let article_like =
            name == "article" || name == "main" || e.attr("itemprop") == Some("articleBody");
        if article_like && self.article.is_none() {
            self.article = Some(self.depth);
        }
        if name == "title" {
            self.capture(Slot::Title, 120);
        }
        if name == "h1" {
            self.capture(Slot::H1, 120);
            if self.article.is_some_and(|d| d > 0) {
                self.capture(Slot::ArticleH1, 400);
            }
        }
        if e.attr("itemprop") == Some("author") || e.attr("rel") == Some("author") {
            self.capture(Slot::Author, 120);
        }
        if words.contains("byline") || words.split(' ').any(|w| w == "author") {
            self.capture(Slot::Byline, 120);
        }
    }

    /// Start reading the text of the element just opened, unless an element
    /// of this kind came before.
    fn capture(&mut self, slot: Slot, limit: usize) {
        if self.seen.iter().any(|(s, _)| *s == slot) {
            return;
        }
        self.seen.push((slot, None));
        self.captures.push(Capture {
            slot,
            depth: self.depth,
            text: String::new(),
            limit,
            solid: 0,
        });
    }

    pub fn text(&mut self, t: &str) {
        for c in &mut self.captures {
            if c.solid <= c.limit {
                c.solid += t.chars().filter(|ch| !ch.is_whitespace()).count();
                c.text.extend(t.chars().filter(|ch| !super::invisible(*ch)));
            }
        }
    }

    pub fn close(&mut self) {
        let depth = self.depth;
        while let Some(c) = self.captures.pop() {
            if c.depth != depth {
                self.captures.push(c);
                break;
            }
            let text = collapse(&c.text);
            let text = (!text.is_empty() && text.chars().count() <= c.limit).then_some(text);
            if let Some(seen) = self.seen.iter_mut().find(|(s, _)| *s == c.slot) {
                seen.1 = text;
            }
        }
        if self.article == Some(depth) {
            self.article = Some(0);
        }
        self.depth = depth.saturating_sub(1);
    }

    pub fn finish(self) -> Meta {
        let meta = |keys: &[&str]| {
            self.metas
                .iter()
                .find(|(k, v)| keys.contains(&k.as_str()) && !v.is_empty())
                .map(|(_, v)| v.clone())
        };
        let text_of = |slot: Slot| {
            self.seen
                .iter()
                .find(|(s, _)| *s == slot)
                .and_then(|(_, t)| t.clone())
        };
        let title = text_of(Slot::ArticleH1)
            .or_else(|| meta(&["og:title", "twitter:title"]))
            .or_else(|| text_of(Slot::Title).map(|t| strip_site(&t)))
            .or_else(|| text_of(Slot::H1));
        let byline = meta(&["author", "article:author", "byl"])
            .filter(|a| !a.starts_with("http"))
            .or_else(|| text_of(Slot::Author))
            .or_else(|| text_of(Slot::Byline))
            .map(|b| {
                b.trim_start_matches("By ")
                    .trim_start_matches("by ")
                    .to_owned()
            })
            .unwrap_or_default();
        let published = meta(&[
            "article:published_time",
            "date",
            "pubdate",
            "publishdate",
            "dc.date",
        ])
        .or_else(|| self.time.clone())
        .unwrap_or_default();
        let url = self
            .canonical
            .clone()
            .flatten()
            .or_else(|| meta(&["og:url"]))
            .unwrap_or_default();
        Meta {
            title,
            data: Metadata {
                byline,
                published,
                site_name: meta(&["og:site_name", "application-name"]).unwrap_or_default(),
                url,
            },
        }
    }
}

/// "Headline | Site" -> "Headline" (when the first part has at least three words).
fn strip_site(title: &str) -> String {
    for sep in [" | ", " — ", " – ", " - ", " :: "] {
        if let Some((head, _)) = title.split_once(sep) {
            if head.split_whitespace().count() >= 3 {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}
