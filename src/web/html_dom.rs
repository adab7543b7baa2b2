//! Web pages through the browser's own machinery: `TextDecoder` for the
//! declared character encoding, the HTML parser for the markup. The page is
//! parsed into a document made by `createHTMLDocument`, which has no browsing
//! context: its scripts never run, its event handlers never fire, and
//! nothing it refers to (images, styles, frames) is fetched. Its elements
//! are then given one by one to the model's [`Extractor`].
//!
//! A large page is loaded in steps ([`PageLoad`]): the markup is written to
//! the document a chunk at a time (the parser takes it incrementally, as it
//! would from the network), then the document is read a few hundred nodes
//! at a time, each element leaving it once read.

use super::slices::Step;
use super::Error;
use crate::model::load::html::{sniff_charset, Element, Extractor, Finish};
use crate::model::load::{check_page, LoadError};
use crate::model::Article;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, Node, TextDecodeOptions, TextDecoder};

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

/// Bytes of the page written to the parser per step.
const CHUNK_BYTES: usize = 128 * 1024;
/// DOM nodes read per step.
const NODES_PER_STEP: usize = 256;
/// Text blocks scored or added to the article per step.
const LEAVES_PER_STEP: usize = 500;
/// Where parsing ends and reading ends on the progress bar (0 to 1);
/// finishing the article has the rest.
const PARSED: f64 = 0.45;
const READ: f64 = 0.9;

/// The page's bytes and how they become text.
enum Source {
    /// Valid UTF-8 (without a byte-order mark): written as it is.
    Utf8(String),
    /// Anything else: decoded a chunk at a time.
    Decoded(TextDecoder, Vec<u8>),
}

impl Source {
    fn len(&self) -> usize {
        match self {
            Source::Utf8(s) => s.len(),
            Source::Decoded(_, b) => b.len(),
        }
    }

    /// Write the text of bytes `at..` (about [`CHUNK_BYTES`] of them) to
    /// `doc`; returns where the next chunk starts.
    fn write(&self, doc: &HtmlDocument, at: usize) -> usize {
        let end = (at + CHUNK_BYTES).min(self.len());
        match self {
            Source::Utf8(s) => {
                let end = (end..=s.len())
                    .find(|i| s.is_char_boundary(*i))
                    .unwrap_or(s.len());
                let _ = doc.write_1(&s[at..end]);
                end
            }
            Source::Decoded(decoder, bytes) => {
                let options = TextDecodeOptions::new();
                options.set_stream(end < bytes.len());
                if let Ok(text) =
                    decoder.decode_with_u8_array_and_options(&bytes[at..end], &options)
                {
                    let _ = doc.write_1(&text);
                }
                end
            }
        }
    }
}

/// How a page's bytes are read: with its declared encoding, else as UTF-8,
/// else (not valid UTF-8) as Windows-1252 like browsers do; the note tells
/// the user about that last case.
fn source(mut bytes: Vec<u8>) -> Result<(Source, Option<String>), LoadError> {
    let decoder = |label: &str| {
        TextDecoder::new_with_label(label).map_err(|_| LoadError::UnknownCharset(label.to_owned()))
    };
    let label = sniff_charset(&bytes);
    let declared = label.as_deref().map(decoder).transpose()?;
    if declared.as_ref().is_none_or(|d| d.encoding() == "utf-8") {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                return Ok((Source::Utf8(text), None));
            }
            Err(e) => bytes = e.into_bytes(),
        }
    }
    Ok(match declared {
        Some(d) => (Source::Decoded(d, bytes), None),
        None => (
            Source::Decoded(decoder("windows-1252")?, bytes),
            Some("The page does not say which character encoding it uses and is not UTF-8; it was read as Windows-1252.".into()),
        ),
    })
}

/// A page being loaded: parsed, then read into an [`Extractor`], then
/// finished. Each stage drops what the next does not need (the page's text,
/// then its document).
pub struct PageLoad {
    stage: Stage,
    fallback_title: String,
}

/// Where a [`PageLoad`] is.
enum Stage {
    /// Writing the page to the parser; `written` bytes of `source` so far.
    Parse {
        source: Source,
        written: usize,
        doc: HtmlDocument,
    },
    /// Reading the document, which has `elements` elements.
    Read {
        reader: PageReader,
        elements: u32,
    },
    Finish(Finish),
    /// Over.
    Done,
}

impl PageLoad {
    /// Start loading the page in `bytes`; the note is for the user about how
    /// its text was decoded.
    ///
    /// # Errors
    /// [`Error::Load`] for empty, oversized or binary input or an encoding
    /// the browser does not know; [`Error::NoDocument`].
    pub fn start(bytes: Vec<u8>, fallback_title: &str) -> Result<(Self, Option<String>), Error> {
        check_page(&bytes)?;
        let (source, note) = source(bytes)?;
        Ok((Self::new(source, fallback_title)?, note))
    }

    /// Start loading HTML that is already text (pasted).
    ///
    /// # Errors
    /// [`Error::NoDocument`] if the browser cannot make a document.
    pub fn from_html(html: String, fallback_title: &str) -> Result<Self, Error> {
        Self::new(Source::Utf8(html), fallback_title)
    }

    fn new(source: Source, fallback_title: &str) -> Result<Self, Error> {
        let doc = inert_document().ok_or(Error::NoDocument)?;
        Ok(Self {
            stage: Stage::Parse {
                source,
                written: 0,
                doc,
            },
            fallback_title: fallback_title.to_owned(),
        })
    }

    /// One step (about a millisecond of work): the article and whether a
    /// main article was found when done.
    ///
    /// # Errors
    /// [`LoadError::NoText`] when the page has no content.
    pub fn step(&mut self) -> Step<Result<(Article, bool), Error>> {
        match &mut self.stage {
            Stage::Parse {
                source,
                written,
                doc,
            } => {
                *written = source.write(doc, *written);
                let along = PARSED * *written as f64 / source.len().max(1) as f64;
                if *written < source.len() {
                    return Step::More(along);
                }
                let _ = doc.close();
                let elements = doc.get_elements_by_tag_name("*").length();
                let Some(reader) = PageReader::new(doc) else {
                    return Step::Done(Err(LoadError::NoText.into()));
                };
                self.stage = Stage::Read { reader, elements };
                Step::More(along)
            }
            Stage::Read { reader, elements } => {
                if !reader.step(NODES_PER_STEP) {
                    let read = f64::from(reader.elements) / f64::from((*elements).max(1));
                    return Step::More(PARSED + (READ - PARSED) * read.min(1.0));
                }
                let extractor = std::mem::take(&mut reader.extractor);
                self.stage = Stage::Finish(extractor.finish(&self.fallback_title));
                Step::More(READ)
            }
            Stage::Finish(finish) => match finish.step(LEAVES_PER_STEP) {
                Some(done) => {
                    self.stage = Stage::Done;
                    Step::Done(Ok(done))
                }
                None => Step::More(READ),
            },
            Stage::Done => Step::Done(Err(LoadError::NoText.into())),
        }
    }
}

/// A new document without a browsing context, open for writing.
fn inert_document() -> Option<HtmlDocument> {
    let doc = gloo::utils::document()
        .implementation()
        .ok()?
        .create_html_document()
        .ok()?
        .unchecked_into::<HtmlDocument>();
    doc.open().ok()?;
    Some(doc)
}

/// A walk over a parsed document in document order, handing each node to
/// an [`Extractor`]; resumable between steps.
struct PageReader {
    /// The next node to read; `None` once the whole document is read.
    next: Option<Node>,
    /// Elements open above `next`, below the root element.
    depth: usize,
    /// Elements read so far.
    elements: u32,
    extractor: Extractor,
}

impl PageReader {
    fn new(doc: &HtmlDocument) -> Option<Self> {
        Some(Self {
            next: Some(doc.document_element()?.into()),
            depth: 0,
            elements: 0,
            extractor: Extractor::default(),
        })
    }

    /// Read up to `n` nodes; true when the whole document has been read.
    fn step(&mut self, n: usize) -> bool {
        for _ in 0..n {
            let Some(node) = self.next.take() else {
                return true;
            };
            let mut first_child = None;
            match node.node_type() {
                Node::ELEMENT_NODE => {
                    self.elements += 1;
                    if self.extractor.open(&tag(node.unchecked_ref())) {
                        first_child = node.first_child();
                    }
                    if first_child.is_none() {
                        self.extractor.close();
                    }
                }
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                    if let Some(text) = node.node_value() {
                        self.extractor.text(&text);
                    }
                }
                _ => {}
            }
            if first_child.is_some() {
                self.depth += 1;
                self.next = first_child;
                continue;
            }
            // Then the next sibling, closing the elements that end here.
            // A closed element is read: it leaves the document, which so
            // shrinks as it is read (less for the garbage collector to trace).
            let (mut at, mut closed) = (node, false);
            self.next = loop {
                let (sibling, parent) = (at.next_sibling(), at.parent_node());
                if closed {
                    if let Some(parent) = &parent {
                        let _ = parent.remove_child(&at);
                    }
                }
                if sibling.is_some() || self.depth == 0 {
                    break sibling;
                }
                let Some(parent) = parent else {
                    break None;
                };
                self.depth -= 1;
                self.extractor.close();
                (at, closed) = (parent, true);
            };
        }
        self.next.is_none()
    }
}

/// The element's name and the attributes extraction reads.
fn tag(el: &web_sys::Element) -> Element {
    let mut out = Element::new(&el.local_name());
    if el.has_attributes() {
        let attrs = el.attributes();
        for i in 0..attrs.length() {
            if let Some(attr) = attrs.item(i) {
                let name = attr.name();
                if KEPT.contains(&name.as_str()) {
                    out.attrs.push((name, attr.value()));
                }
            }
        }
    }
    out
}
