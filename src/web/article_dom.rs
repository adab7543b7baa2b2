//! [`ArticleDom`]: the article's blocks as DOM elements, built once per
//! article, and the mapping between DOM positions and code-point offsets.
//!
//! Each block is one element (`data-block="i"`) whose text is split into
//! segments at inline formatting: a segment is a text node (or several, if
//! the parser split a long text), directly in the block or in one
//! `em`/`strong`/`code`/`span` element. A DOM offset in a text node is a
//! UTF-16 offset from the node's start. Blocks
//! sit in runs (`div.run`, [`RUN_BLOCKS`] blocks each), consecutive items in
//! one `ul`. Yew renders the container empty and never diffs its children.

use super::article_runs::{Built, BLOCKS_PER_STEP};
use super::slices::{self, Step};
use crate::model::{markup, Article, CharOffset, Session, TextRange, Utf16Offset};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node, Range};

const BLOCK_ATTR: &str = "data-block";

/// The text nodes of a block, each with the UTF-16 offset it starts at in
/// the article's text (a DOM offset inside the node adds to it).
type Segments = Rc<Vec<(Node, Utf16Offset)>>;

pub struct ArticleDom {
    container: Element,
    /// The blocks on the page so far: a large article is built in slices,
    /// in order, after the first screenful.
    built: Rc<RefCell<Built>>,
    /// Cleared when this view is dropped, so that slices still pending stop.
    alive: Rc<Cell<bool>>,
    /// Text nodes of blocks looked up during a [`ArticleDom::batch`]; `None`
    /// outside one (the page's nodes may change between two: a test splits
    /// them, a browser extension may too).
    cache: RefCell<Option<HashMap<usize, Segments>>>,
    /// The last window measured by `visible_window`.
    window: Cell<Option<TextRange>>,
}

/// Blocks built at once before the rest goes to later tasks: more than a
/// screenful.
const FIRST_BLOCKS: usize = 200;

impl ArticleDom {
    /// Replace the children of `container` with the blocks of the article in
    /// `session`. Runs of list items are wrapped in one `<ul>`. The first
    /// [`FIRST_BLOCKS`] blocks are built now, the rest in slices of a few
    /// milliseconds (see [`slices`]): at once, a 45 MB page took 2.6 s to
    /// build, and its first layout grows faster than linearly.
    pub fn render(container: &Element, session: &Rc<RefCell<Session>>) -> Self {
        container.set_text_content(None);
        let view = Self {
            container: container.clone(),
            built: Rc::default(),
            alive: Rc::new(Cell::new(true)),
            cache: RefCell::default(),
            window: Cell::default(),
        };
        let doc = document(container);
        let n = session.borrow().article().blocks.len();
        view.built.borrow_mut().extend(
            &doc,
            container,
            session.borrow().article(),
            FIRST_BLOCKS.min(n),
        );
        // Until every block is on the page, the article says it is busy.
        let _ = if n > FIRST_BLOCKS {
            container.set_attribute("aria-busy", "true")
        } else {
            container.remove_attribute("aria-busy")
        };
        let (built, alive, session, container) = (
            view.built.clone(),
            view.alive.clone(),
            session.clone(),
            container.clone(),
        );
        let done = {
            let container = container.clone();
            move |()| {
                let _ = container.remove_attribute("aria-busy");
            }
        };
        slices::run(
            move || alive.get(),
            move || {
                let mut built = built.borrow_mut();
                if built.n >= n {
                    return Step::Done(());
                }
                let to = (built.n + BLOCKS_PER_STEP).min(n);
                built.extend(&doc, &container, session.borrow().article(), to);
                Step::More(0.0)
            },
            |_| {},
            done,
        );
        view
    }

    /// The runs on the page (each with its first block) and the number of
    /// blocks on the page.
    pub(super) fn runs(&self) -> (Vec<(Element, usize)>, usize) {
        let built = self.built.borrow();
        (built.runs.clone(), built.n)
    }

    pub(super) fn last_window(&self) -> Option<TextRange> {
        self.window.get()
    }

    pub(super) fn set_last_window(&self, window: Option<TextRange>) {
        self.window.set(window);
    }

    /// The element the article is built in.
    pub fn container(&self) -> &Element {
        &self.container
    }

    /// The element of the block that contains (or follows) code point `offset`.
    pub fn block_element(&self, article: &Article, offset: CharOffset) -> Option<Element> {
        let last = self.built.borrow().n.checked_sub(1)?;
        self.element(article.block_at_or_after(offset).min(last))
    }

    /// The element of block `i`, if it is on the page: found in its run.
    fn element(&self, i: usize) -> Option<Element> {
        let built = self.built.borrow();
        if i >= built.n {
            return None;
        }
        let r = built.runs.partition_point(|(_, first)| *first <= i);
        let (run, _) = built.runs.get(r.checked_sub(1)?)?;
        run.query_selector(&format!("[{BLOCK_ATTR}=\"{i}\"]"))
            .ok()
            .flatten()
    }

    /// The text nodes of block `i`, each with the UTF-16 offset it starts at,
    /// in order. Each segment ([`markup::segments`]) is one text node, in the
    /// block or in its wrapper, unless the parser split a long text (WebKit's
    /// does at 65,536 code units): so nodes are matched by their lengths.
    fn segments(&self, article: &Article, i: usize) -> Option<Segments> {
        if let Some(hit) = self.cache.borrow().as_ref().and_then(|c| c.get(&i)) {
            return Some(hit.clone());
        }
        let found = Rc::new(self.find_segments(article, i)?);
        if let Some(cache) = self.cache.borrow_mut().as_mut() {
            cache.insert(i, found.clone());
        }
        Some(found)
    }

    /// Run `f` with the text nodes of each block looked up once: many range
    /// ends in the same blocks (painting what scrolled into view) cost one
    /// query and one walk per block.
    pub fn batch<T>(&self, f: impl FnOnce(&Self) -> T) -> T {
        *self.cache.borrow_mut() = Some(HashMap::new());
        let out = f(self);
        *self.cache.borrow_mut() = None;
        out
    }

    fn find_segments(&self, article: &Article, i: usize) -> Option<Vec<(Node, Utf16Offset)>> {
        let children = self.element(i)?.child_nodes();
        let text = &article.text;
        let mut out = Vec::new();
        // The next child of the block.
        let mut k = 0;
        for s in markup::segments(article, i) {
            let (mut at, end) = (
                text.char_to_utf16(s.range.start()),
                text.char_to_utf16(s.range.end()),
            );
            let wrapped = s.is_wrapped();
            let (nodes, mut j) = if wrapped {
                k += 1;
                (children.get(k - 1)?.child_nodes(), 0)
            } else {
                (children.clone(), k)
            };
            while at < end {
                let node = nodes.get(j)?;
                j += 1;
                let len = node.dyn_ref::<web_sys::CharacterData>()?.length();
                out.push((node, at));
                at += len as usize;
            }
            if !wrapped {
                k = j;
            }
        }
        Some(out)
    }

    /// The DOM points of the start and end of `range`.
    fn endpoints(&self, article: &Article, range: TextRange) -> Option<((Node, u32), (Node, u32))> {
        Some((
            self.char_to_point(article, range.start(), Bias::Next)?,
            self.char_to_point(article, range.end(), Bias::Previous)?,
        ))
    }

    /// A DOM range over `range`, clipped to the article.
    pub fn dom_range(&self, article: &Article, range: TextRange) -> Option<Range> {
        let ((start_node, start_offset), (end_node, end_offset)) =
            self.endpoints(article, range)?;
        let dom = document(&self.container).create_range().ok()?;
        dom.set_start(&start_node, start_offset).ok()?;
        dom.set_end(&end_node, end_offset).ok()?;
        Some(dom)
    }

    /// The code-point offset of DOM point (`node`, `offset`) inside the article.
    pub(super) fn point_to_char(
        &self,
        article: &Article,
        node: &Node,
        offset: u32,
    ) -> Option<CharOffset> {
        let blocks = &article.blocks;
        if let Some(block_el) = node
            .parent_element()
            .and_then(|p| p.closest(&format!("[{BLOCK_ATTR}]")).ok().flatten())
        {
            let i = block_index(&block_el)?;
            let end = blocks.get(i)?.range.end();
            let segments = self.segments(article, i)?;
            // A text node: its segment's start plus the offset inside it.
            if let Some((_, start)) = segments.iter().find(|(n, _)| n.is_same_node(Some(node))) {
                return Some(
                    article
                        .text
                        .utf16_to_char(*start + offset as usize)
                        .min(end),
                );
            }
            // An inline element: before or after its segment.
            if let Some(k) = segments
                .iter()
                .position(|(n, _)| n.parent_node().is_some_and(|p| p.is_same_node(Some(node))))
            {
                let at = |s: &(Node, Utf16Offset)| article.text.utf16_to_char(s.1);
                return Some(if offset == 0 {
                    at(&segments[k])
                } else {
                    segments.get(k + 1).map_or(end, at)
                });
            }
        }
        let el: &Element = node.dyn_ref()?;
        if let Some(i) = block_index(el) {
            // Between the block's children: the start of the child at `offset`.
            let block = blocks.get(i)?;
            return Some(
                self.segments(article, i)?
                    .get(offset as usize)
                    .map_or(block.range.end(), |s| article.text.utf16_to_char(s.1)),
            );
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
                .map_or(article.text.full_range().end(), |b| b.range.end()),
        )
    }

    /// The DOM point of code point `offset`: in the block whose `[start, end]`
    /// holds it, else (between blocks) at the start of the next block or the
    /// end of the previous one, as `bias` says.
    pub(super) fn char_to_point(
        &self,
        article: &Article,
        offset: CharOffset,
        bias: Bias,
    ) -> Option<(Node, u32)> {
        let blocks = &article.blocks;
        let last = blocks.len().checked_sub(1)?;
        let i = blocks.partition_point(|b| b.range.end() < offset);
        let i = match bias {
            _ if i <= last && blocks[i].range.start() <= offset => i,
            Bias::Next => i.min(last),
            Bias::Previous => i.saturating_sub(1),
        };
        let block = blocks[i].range;
        let clamped = offset.clamp(block.start(), block.end());
        let segments = self.segments(article, i)?;
        let at = article.text.char_to_utf16(clamped);
        let (node, start) = &segments[segments.partition_point(|s| s.1 <= at).max(1) - 1];
        Some((node.clone(), u32::try_from(at - *start).ok()?))
    }

    /// A static (not live) range over `range`, for highlights: the browser
    /// need not update it on every DOM change, which with thousands of live
    /// ranges made each insertion or removal anywhere in the page slow.
    pub fn static_range(
        &self,
        article: &Article,
        range: TextRange,
    ) -> Option<web_sys::StaticRange> {
        let ((start_node, start_offset), (end_node, end_offset)) =
            self.endpoints(article, range)?;
        let init = web_sys::StaticRangeInit::new(&end_node, end_offset, &start_node, start_offset);
        web_sys::StaticRange::new(&init).ok()
    }

    /// The box of a caret at `offset` (zero width), in viewport coordinates.
    pub fn caret_rect(&self, article: &Article, offset: CharOffset) -> Option<web_sys::DomRect> {
        let (node, at) = self.char_to_point(article, offset, Bias::Next)?;
        let range = document(&self.container).create_range().ok()?;
        range.set_start(&node, at).ok()?;
        range.collapse_with_to_start(true);
        let rect = range.get_bounding_client_rect();
        if rect.height() > 0.0 {
            return Some(rect);
        }
        // A collapsed range at a line edge can have no box: use the character before.
        range.set_start(&node, at.checked_sub(1)?).ok()?;
        range.set_end(&node, at).ok()?;
        let r = range.get_bounding_client_rect();
        web_sys::DomRect::new_with_x_and_y_and_width_and_height(r.right(), r.top(), 0.0, r.height())
            .ok()
    }
}

impl Drop for ArticleDom {
    fn drop(&mut self) {
        self.alive.set(false);
    }
}

/// Which block an offset between two blocks goes to.
#[derive(Clone, Copy)]
pub(super) enum Bias {
    Next,
    Previous,
}

/// The first `i` in `0..n` for which `pred` is false (`pred` must hold for
/// a prefix of `0..n`, as in `slice::partition_point`).
pub(super) fn partition_point(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
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

pub(super) fn document(el: &Element) -> Document {
    el.owner_document()
        .expect("elements in a page have a document")
}
