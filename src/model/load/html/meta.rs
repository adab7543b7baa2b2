//! What a page says about itself: title, byline, date, site, canonical URL.

use super::{Element, Node};
use crate::model::Metadata;

pub struct Meta {
    /// The headline; `None` when the page has none.
    pub title: Option<String>,
    pub data: Metadata,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all<'a>(e: &'a Element, out: &mut Vec<&'a Element>) {
    out.push(e);
    for c in &e.children {
        if let Node::Element(child) = c {
            all(child, out);
        }
    }
}

pub fn read(root: &Element) -> Meta {
    let mut elements = Vec::new();
    all(root, &mut elements);
    let meta = |keys: &[&str]| {
        elements.iter().find_map(|e| {
            let key = e
                .attr("property")
                .or_else(|| e.attr("name"))?
                .to_ascii_lowercase();
            (e.name == "meta" && keys.contains(&key.as_str()))
                .then(|| collapse(e.attr("content").unwrap_or("")))
                .filter(|v| !v.is_empty())
        })
    };
    let text_of = |pred: &dyn Fn(&Element) -> bool| {
        elements
            .iter()
            .find(|e| pred(e))
            .map(|e| collapse(&e.text()))
            .filter(|t| !t.is_empty() && t.chars().count() <= 120)
    };
    let in_article = root
        .find(&|e| {
            e.name == "article" || e.name == "main" || e.attr("itemprop") == Some("articleBody")
        })
        .and_then(|a| a.find(&|e| e.name == "h1"))
        .map(|h| collapse(&h.text()))
        .filter(|t| !t.is_empty());
    let title = in_article
        .or_else(|| meta(&["og:title", "twitter:title"]))
        .or_else(|| text_of(&|e| e.name == "title").map(|t| strip_site(&t)))
        .or_else(|| text_of(&|e| e.name == "h1"));
    let byline = meta(&["author", "article:author", "byl"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| {
            text_of(&|e| e.attr("itemprop") == Some("author") || e.attr("rel") == Some("author"))
        })
        .or_else(|| {
            text_of(&|e| {
                let c = e.class_and_id();
                c.contains("byline") || c.split(' ').any(|w| w == "author")
            })
        })
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
    .or_else(|| {
        elements.iter().find_map(|e| {
            (e.attr("itemprop") == Some("datePublished") || e.name == "time")
                .then(|| {
                    e.attr("datetime")
                        .or_else(|| e.attr("content"))
                        .map(collapse)
                })
                .flatten()
        })
    })
    .unwrap_or_default();
    let url = elements
        .iter()
        .find(|e| {
            e.name == "link"
                && e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
        })
        .and_then(|e| e.attr("href"))
        .map(collapse)
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
