//! [`Built`]: the article's blocks on the page so far, in runs of
//! [`RUN_BLOCKS`], and how the next ones are added.

use crate::model::{markup, Article, BlockKind};
use web_sys::{Document, Element};

/// What is on the page. Only runs and the open list are held: blocks and
/// their text nodes are looked up when needed, so the page's nodes need no
/// JavaScript wrappers (with one per node, garbage collection of a large
/// article took hundreds of milliseconds).
#[derive(Default)]
pub struct Built {
    /// Blocks `0..n` are on the page.
    pub n: usize,
    /// Each run, with the first block in it, in order.
    pub runs: Vec<(Element, usize)>,
    /// The list that the next block joins if it is an item.
    list: Option<Element>,
}

/// Blocks built per step (each a few microseconds).
pub const BLOCKS_PER_STEP: usize = 20;
/// Blocks per run: the article is a list of runs of blocks (a list of items
/// is never split). Only runs have `content-visibility: auto`, so that the
/// browser's per-frame work for it grows with runs, not blocks: with it on
/// every block, each frame of a 150,000-block page took over a second.
const RUN_BLOCKS: usize = 64;

impl Built {
    /// Where the next block goes: the open list, else the last run.
    fn target(&self) -> Option<Element> {
        self.list
            .clone()
            .or_else(|| self.runs.last().map(|(run, _)| run.clone()))
    }

    /// Put blocks `self.n..to` on the page, as HTML (one parse per run or
    /// list they go to): in the last run, or in a new one when that is full;
    /// consecutive items in one list.
    pub fn extend(&mut self, doc: &Document, container: &Element, article: &Article, to: usize) {
        let mut html = String::new();
        let mut target = self.target();
        let flush = |target: &Option<Element>, html: &mut String| {
            if let Some(t) = target.as_ref().filter(|_| !html.is_empty()) {
                let _ = t.insert_adjacent_html("beforeend", html);
            }
            html.clear();
        };
        while self.n < to.min(article.blocks.len()) {
            let i = self.n;
            let item = article.blocks[i].kind == BlockKind::Item;
            let full = self
                .runs
                .last()
                .is_none_or(|(_, first)| i - first >= RUN_BLOCKS);
            if full && !(item && self.list.is_some()) {
                flush(&target, &mut html);
                let Ok(run) = doc.create_element("div") else {
                    return;
                };
                run.set_class_name("run");
                let _ = container.append_child(&run);
                self.runs.push((run, i));
                self.list = None;
                target = self.target();
            }
            if item != self.list.is_some() {
                flush(&target, &mut html);
                self.list = if item {
                    let ul = doc.create_element("ul").ok();
                    if let (Some(ul), Some((run, _))) = (&ul, self.runs.last()) {
                        let _ = run.append_child(ul);
                    }
                    ul
                } else {
                    None
                };
                target = self.target();
            }
            markup::block_html(article, i, &mut html);
            self.n += 1;
        }
        flush(&target, &mut html);
    }
}
