//! HTML to article by tokenizing (html5gum): no DOM is built, nothing is
//! fetched or run. Keeps headings, paragraphs, block quotes, list items,
//! preformatted text and figure captions; drops scripts, styles, embedded
//! content, forms, navigation, asides and footers. Readability-grade
//! boilerplate removal is a separate step.

use super::BlockBuilder;
use crate::model::{Article, BlockKind};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements dropped with everything inside them.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "textarea", "button", "form", "nav", "aside", "footer",
    "head", "dialog",
];

/// Elements that end the current block and start a new one.
const BREAKING: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
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
    "hr",
    "body",
    "html",
    "address",
    "details",
    "summary",
];

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

pub fn load(source: &str, fallback_title: String) -> Article {
    let mut emitter = DefaultEmitter::default();
    // Treat the content of script, style, textarea... as raw text, as browsers do.
    emitter.naively_switch_states(true);
    let mut out = BlockBuilder::default();
    let mut skipping: Vec<String> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut title_tag: Option<String> = None;
    let mut in_title = false;
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" && skipping.iter().all(|s| s == "head") {
                    in_title = true;
                    continue;
                }
                if VOID.contains(&name.as_str()) || tag.self_closing {
                    if name == "br" {
                        text.push(' ');
                    }
                    continue;
                }
                let hidden = tag.attributes.contains_key(b"hidden".as_slice());
                if !skipping.is_empty() || hidden || SKIPPED.contains(&name.as_str()) {
                    skipping.push(name);
                    continue;
                }
                if BREAKING.contains(&name.as_str()) {
                    out.push(kind_of(&open), &std::mem::take(&mut text));
                }
                open.push(name);
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                    continue;
                }
                if !skipping.is_empty() {
                    if skipping.last() == Some(&name) {
                        skipping.pop();
                    }
                    continue;
                }
                if BREAKING.contains(&name.as_str()) {
                    out.push(kind_of(&open), &std::mem::take(&mut text));
                }
                if let Some(i) = open.iter().rposition(|o| *o == name) {
                    open.truncate(i);
                }
            }
            Token::String(s) if in_title => {
                title_tag
                    .get_or_insert_with(String::new)
                    .push_str(&String::from_utf8_lossy(&s));
            }
            Token::String(s) if skipping.is_empty() => text.push_str(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    out.push(kind_of(&open), &text);
    let title_tag = title_tag
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    out.finish(title_tag.unwrap_or(fallback_title))
}

/// The kind of block that text inside the `open` elements forms.
fn kind_of(open: &[String]) -> BlockKind {
    for name in open.iter().rev() {
        if let Some(kind) = BlockKind::from_element(name) {
            if kind != BlockKind::Paragraph {
                return kind;
            }
        }
        if name == "figcaption" {
            return BlockKind::Paragraph;
        }
    }
    if open.iter().any(|o| o == "blockquote") {
        BlockKind::Quote
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_structure_drops_active_content() {
        let a = load(
            r#"<html><head><title>Page &amp; title</title><script>alert(1)</script></head>
            <body><nav><a href="/">Home</a></nav>
            <h1>Mayor  &quot;wins&quot;</h1><p onclick="x()">First <b>bold</b>
            para.</p><img src="http://x/y.png" onerror="alert(1)"><div>Loose text<p>Inner</p></div>
            <blockquote><p>Said it.</p></blockquote><ul><li>One</li><li>Two</ul>
            <style>p{}</style><footer>(c) Site</footer><p hidden>secret</p></body></html>"#,
            "file".into(),
        );
        assert_eq!(a.title, "Mayor \"wins\"");
        assert_eq!(
            a.text.as_str(),
            "Mayor \"wins\"\n\nFirst bold para.\n\nLoose text\n\nInner\n\nSaid it.\n\nOne\n\nTwo"
        );
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind.element()).collect();
        assert_eq!(kinds, ["h1", "p", "p", "p", "blockquote", "li", "li"]);
    }

    #[test]
    fn title_tag_when_no_heading() {
        let a = load("<title>T</title><p>x</p>", "f".into());
        assert_eq!(a.title, "T");
    }
}
