//! [`ArticleDom`]: the article's blocks as DOM elements, built once per
//! article, and the mapping between DOM positions and code-point offsets.
//!
//! Each block is one element (`data-block="i"`) holding exactly one text node
//! with the block's text, so a DOM offset inside it is a UTF-16 offset from
//! the block's start. Yew renders the container empty and never diffs its
//! children.

use crate::model::{Article, BlockKind, TextRange};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Range};

const BLOCK_ATTR: &str = "data-block";

pub struct ArticleDom {
    container: Element,
    /// `nodes[i]` is the text node of block `i`.
    nodes: Vec<Node>,
    /// `elements[i]` is the element of block `i`.
    elements: Vec<Element>,
}

impl ArticleDom {
    /// Replace the children of `container` with the blocks of `article`.
    /// Runs of list items are wrapped in one `<ul>`.
    ///
    /// # Errors
    /// A DOM exception (only if the document refuses to create elements).
    pub fn render(container: &Element, article: &Article) -> Result<Self, JsValue> {
        let doc = document(container);
        let fragment = doc.create_document_fragment();
        let mut nodes = Vec::with_capacity(article.blocks.len());
        let mut elements = Vec::with_capacity(article.blocks.len());
        let mut list: Option<Element> = None;
        for (i, block) in article.blocks.iter().enumerate() {
            let el = doc.create_element(block.kind.element())?;
            el.set_attribute(BLOCK_ATTR, &i.to_string())?;
            let node: Node = doc.create_text_node(article.text.slice(block.range)).into();
            el.append_child(&node)?;
            if block.kind == BlockKind::Item {
                let ul = match &list {
                    Some(ul) => ul.clone(),
                    None => {
                        let ul = doc.create_element("ul")?;
                        fragment.append_child(&ul)?;
                        list = Some(ul.clone());
                        ul
                    }
                };
                ul.append_child(&el)?;
            } else {
                list = None;
                fragment.append_child(&el)?;
            }
            nodes.push(node);
            elements.push(el);
        }
        container.set_text_content(None);
        container.append_child(&fragment)?;
        Ok(Self {
            container: container.clone(),
            nodes,
            elements,
        })
    }

    /// The element of the block that contains (or follows) code point `offset`.
    pub fn block_element(&self, article: &Article, offset: usize) -> Option<&Element> {
        let i = article
            .block_at_or_after(offset)
            .min(self.elements.len().checked_sub(1)?);
        self.elements.get(i)
    }

    /// The current selection in code points, clipped to the article; `None`
    /// when it is collapsed or does not touch the article. Not trimmed.
    pub fn selection(&self, article: &Article) -> Option<TextRange> {
        let range = window_selection()?.get_range_at(0).ok()?;
        if range.collapsed() {
            return None;
        }
        self.dom_range_to_text(article, &range)
    }

    /// The code-point offset of the caret (a collapsed selection), if it is
    /// inside the article.
    pub fn caret(&self, article: &Article) -> Option<usize> {
        let sel = window_selection()?;
        let node = sel.anchor_node()?;
        if !self.container.contains(Some(&node)) {
            return None;
        }
        self.point_to_char(article, &node, sel.anchor_offset())
    }

    /// A DOM range over `range`, clipped to the article.
    pub fn dom_range(&self, article: &Article, range: TextRange) -> Option<Range> {
        let (start_node, start_offset) = self.char_to_point(article, range.start(), false)?;
        let (end_node, end_offset) = self.char_to_point(article, range.end(), true)?;
        let dom = document(&self.container).create_range().ok()?;
        dom.set_start(&start_node, start_offset).ok()?;
        dom.set_end(&end_node, end_offset).ok()?;
        Some(dom)
    }

    /// Make `range` the document selection (e.g. after a cancelled chooser).
    pub fn select(&self, article: &Article, range: TextRange) {
        if let (Some(sel), Some(dom)) = (window_selection(), self.dom_range(article, range)) {
            // Ignored: both fail only on a detached document.
            let _ = sel.remove_all_ranges();
            let _ = sel.add_range(&dom);
        }
    }

    fn dom_range_to_text(&self, article: &Article, range: &Range) -> Option<TextRange> {
        let whole = document(&self.container).create_range().ok()?;
        whole.select_node_contents(&self.container).ok()?;
        let len = article.text.char_len();
        // compare_point: -1 before the article, 0 inside, 1 after.
        let start =
            match whole.compare_point(&range.start_container().ok()?, range.start_offset().ok()?) {
                Ok(-1) => 0,
                Ok(0) => self.point_to_char(
                    article,
                    &range.start_container().ok()?,
                    range.start_offset().ok()?,
                )?,
                _ => return None,
            };
        let end = match whole.compare_point(&range.end_container().ok()?, range.end_offset().ok()?)
        {
            Ok(1) => len,
            Ok(0) => self.point_to_char(
                article,
                &range.end_container().ok()?,
                range.end_offset().ok()?,
            )?,
            _ => return None,
        };
        TextRange::new(start, end).filter(|r| !r.is_empty())
    }

    /// The code-point offset of DOM point (`node`, `offset`) inside the article.
    fn point_to_char(&self, article: &Article, node: &Node, offset: u32) -> Option<usize> {
        let blocks = &article.blocks;
        if node.node_type() == Node::TEXT_NODE {
            let i = block_index(&node.parent_element()?)?;
            let block = blocks.get(i)?;
            let base = article.text.char_to_utf16(block.range.start());
            let c = article.text.utf16_to_char(base + offset as usize);
            return Some(c.min(block.range.end()));
        }
        let el: &Element = node.dyn_ref()?;
        if let Some(i) = block_index(el) {
            let block = blocks.get(i)?;
            return Some(if offset == 0 {
                block.range.start()
            } else {
                block.range.end()
            });
        }
        // A point between children: the start of the first block at or after it.
        let children = el.child_nodes();
        for k in offset..children.length() {
            if let Some(i) = children.get(k).and_then(|c| first_block_in(&c)) {
                return Some(blocks.get(i)?.range.start());
            }
        }
        // After the last child: the end of the last block inside `el`, or of the text.
        Some(
            last_block_in(el)
                .and_then(|i| blocks.get(i))
                .map_or(article.text.char_len(), |b| b.range.end()),
        )
    }

    /// The DOM point of code point `offset`. Offsets between blocks go to the
    /// start of the next block, or with `is_end` to the end of the previous one.
    fn char_to_point(&self, article: &Article, offset: usize, is_end: bool) -> Option<(Node, u32)> {
        let blocks = &article.blocks;
        let last = blocks.len().checked_sub(1)?;
        let i = if is_end {
            let j = blocks.partition_point(|b| b.range.end() < offset).min(last);
            if offset <= blocks[j].range.start() && j > 0 {
                j - 1
            } else {
                j
            }
        } else {
            article.block_at_or_after(offset).min(last)
        };
        let block = blocks[i].range;
        let clamped = offset.clamp(block.start(), block.end());
        let utf16 = article.text.char_to_utf16(clamped) - article.text.char_to_utf16(block.start());
        Some((self.nodes[i].clone(), u32::try_from(utf16).ok()?))
    }
}

fn block_index(el: &Element) -> Option<usize> {
    el.get_attribute(BLOCK_ATTR)?.parse().ok()
}

fn first_block_in(node: &Node) -> Option<usize> {
    let el: &Element = node.dyn_ref()?;
    block_index(el).or_else(|| {
        el.query_selector(&format!("[{BLOCK_ATTR}]"))
            .ok()
            .flatten()
            .and_then(|b| block_index(&b))
    })
}

fn last_block_in(el: &Element) -> Option<usize> {
    let all = el.query_selector_all(&format!("[{BLOCK_ATTR}]")).ok()?;
    let last = all.get(all.length().checked_sub(1)?)?;
    block_index(last.dyn_ref()?)
}

fn document(el: &Element) -> Document {
    el.owner_document()
        .expect("elements in a page have a document")
}

fn window_selection() -> Option<web_sys::Selection> {
    let sel = web_sys::window()?.get_selection().ok()??;
    (sel.range_count() > 0).then_some(sel)
}
