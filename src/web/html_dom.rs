//! Web pages through the browser's own machinery: `TextDecoder` for the
//! declared character encoding, `DOMParser` for the HTML. A document made by
//! `DOMParser` is inert: its scripts never run, its event handlers never
//! fire, and nothing it refers to (images, styles, frames) is fetched. The
//! result is copied into the model's neutral tree for extraction.

use crate::model::load::html::{Element, Node};
use crate::model::load::LoadError;
use wasm_bindgen::JsCast;
use web_sys::{DomParser, SupportedType, TextDecoder, TextDecoderOptions};

/// Attributes extraction reads; others are not copied.
const KEPT: &[&str] = &[
    "class",
    "id",
    "role",
    "itemprop",
    "hidden",
    "aria-hidden",
    "style",
    "rel",
    "href",
    "name",
    "property",
    "content",
    "datetime",
    "alt",
    "open",
];

/// Contents never needed (their text is not article text).
const NOT_COPIED: &[&str] = &[
    "script", "style", "template", "svg", "math", "noscript", "iframe", "object",
];

/// Decode a page: with its declared encoding `label`, else as UTF-8, else
/// (not valid UTF-8) as Windows-1252 like browsers do; the second value is a
/// notice for the user in that last case.
///
/// # Errors
/// [`LoadError::UnknownCharset`] when the browser does not know `label`.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<(String, Option<String>), LoadError> {
    if let Some(label) = label {
        let decoder = TextDecoder::new_with_label(label)
            .map_err(|_| LoadError::UnknownCharset(label.to_owned()))?;
        let text = decoder
            .decode_with_u8_array(bytes)
            .map_err(|_| LoadError::UnknownCharset(label.to_owned()))?;
        return Ok((text, None));
    }
    let strict = TextDecoderOptions::new();
    strict.set_fatal(true);
    let utf8 = TextDecoder::new_with_label_and_options("utf-8", &strict)
        .map_err(|_| LoadError::NotUtf8)?;
    if let Ok(text) = utf8.decode_with_u8_array(bytes) {
        return Ok((text, None));
    }
    let fallback = TextDecoder::new_with_label("windows-1252").map_err(|_| LoadError::NotUtf8)?;
    let text = fallback
        .decode_with_u8_array(bytes)
        .map_err(|_| LoadError::NotUtf8)?;
    Ok((
        text,
        Some("The page does not say which character encoding it uses and is not UTF-8; it was read as Windows-1252.".into()),
    ))
}

/// Parse `html` into the neutral tree (the `<html>` element).
///
/// # Errors
/// A message when the browser refuses to parse (it practically never does).
pub fn parse(html: &str) -> Result<Element, String> {
    let parser = DomParser::new().map_err(|_| "The browser cannot parse HTML here.".to_owned())?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| "The page could not be parsed.".to_owned())?;
    let root = doc.document_element().ok_or("The page has no content.")?;
    Ok(copy(&root))
}

fn copy(el: &web_sys::Element) -> Element {
    let mut out = Element::new(&el.local_name());
    for name in KEPT {
        if let Some(value) = el.get_attribute(name) {
            out.attrs.push(((*name).to_owned(), value));
        }
    }
    if NOT_COPIED.contains(&out.name.as_str()) {
        return out;
    }
    let children = el.child_nodes();
    out.children.reserve(children.length() as usize);
    for i in 0..children.length() {
        let Some(child) = children.get(i) else {
            continue;
        };
        match child.node_type() {
            web_sys::Node::ELEMENT_NODE => {
                if let Ok(e) = child.dyn_into::<web_sys::Element>() {
                    out.children.push(Node::Element(copy(&e)));
                }
            }
            web_sys::Node::TEXT_NODE | web_sys::Node::CDATA_SECTION_NODE => {
                if let Some(text) = child.node_value() {
                    out.children.push(Node::Text(text));
                }
            }
            _ => {}
        }
    }
    out
}
