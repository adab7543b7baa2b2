//! The document selection in code points and back: what the user selected
//! ([`ArticleDom::read_selection`]) and showing the reading cursor
//! ([`ArticleDom::select_directed`]). Directed: the anchor is where the
//! selection started, the focus (our head) where it moves.

use super::article_dom::{document, ArticleDom, Bias};
use crate::model::{Article, CharOffset, TextRange};
use web_sys::{Node, Selection};

/// The selection's DOM points: (anchor node, offset), (focus node, offset),
/// offsets in UTF-16 code units or child indices, as the DOM has them.
#[derive(Clone, Debug, PartialEq)]
pub struct Points {
    anchor: (Node, u32),
    focus: (Node, u32),
}

/// The document selection's points now; `None` without a selection.
pub fn selection_points() -> Option<Points> {
    let sel = window_selection()?;
    Some(Points {
        anchor: (sel.anchor_node()?, sel.anchor_offset()),
        focus: (sel.focus_node()?, sel.focus_offset()),
    })
}

/// A selection that touches the article, in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SelectionRead {
    pub anchor: CharOffset,
    pub head: CharOffset,
    /// An end lay outside the article and was moved to its edge.
    pub clipped: bool,
}

impl ArticleDom {
    /// The document selection, clipped to the article; `None` when there is
    /// none or it lies wholly outside. Two point conversions.
    pub fn read_selection(&self, article: &Article) -> Option<SelectionRead> {
        let sel = window_selection()?;
        let whole = document(self.container()).create_range().ok()?;
        whole.select_node_contents(self.container()).ok()?;
        let end = article.text.full_range().end();
        // (offset, side): side -1 before the article, 0 inside, 1 after.
        let place = |node: Node, offset: u32| -> Option<(CharOffset, i16)> {
            match whole.compare_point(&node, offset).ok()? {
                0 => Some((self.point_to_char(article, &node, offset)?, 0)),
                s if s < 0 => Some((CharOffset::default(), -1)),
                _ => Some((end, 1)),
            }
        };
        let (anchor, a_side) = place(sel.anchor_node()?, sel.anchor_offset())?;
        let (head, h_side) = place(sel.focus_node()?, sel.focus_offset())?;
        if a_side != 0 && a_side == h_side {
            return None;
        }
        Some(SelectionRead {
            anchor,
            head,
            clipped: a_side != 0 || h_side != 0,
        })
    }

    /// Select from `anchor` to `head` (either order), keeping the direction
    /// so that Shift+arrow keys extend the moving end; the points written.
    /// Two point conversions.
    pub fn select_directed(
        &self,
        article: &Article,
        anchor: CharOffset,
        head: CharOffset,
    ) -> Option<Points> {
        let bias = |at: CharOffset| {
            if at <= anchor.min(head) {
                Bias::Next
            } else {
                Bias::Previous
            }
        };
        let sel = web_sys::window()?.get_selection().ok()??;
        let (an, ao) = self.char_to_point(article, anchor, bias(anchor))?;
        let (hn, ho) = self.char_to_point(article, head, bias(head))?;
        // Fails only on a detached document.
        sel.set_base_and_extent(&an, ao, &hn, ho).ok()?;
        Some(Points {
            anchor: (an, ao),
            focus: (hn, ho),
        })
    }

    /// Where to put a dialog about `range`: the left and bottom of its last
    /// line box and the top of its first, in viewport CSS px. A span out of
    /// view (scrolled away, or in a run the browser has not laid out) is
    /// first scrolled to a third of the viewport's height, then measured.
    pub fn range_box(&self, article: &Article, range: TextRange) -> Option<(f64, f64, f64)> {
        let measure = || {
            let rects = self.dom_range(article, range)?.get_client_rects()?;
            let first = rects.get(0)?;
            let last = rects.get(rects.length().checked_sub(1)?)?;
            Some((last.left(), first.top(), last.bottom()))
        };
        let window = web_sys::window()?;
        let height = window.inner_height().ok()?.as_f64()?;
        let seen = measure();
        if seen.is_some_and(|(_, top, bottom)| bottom > 0.0 && top < height) {
            return seen;
        }
        let top = seen.map_or(0.0, |(_, top, _)| top);
        window.scroll_by_with_x_and_y(0.0, top - height / 3.0);
        measure()
    }
}

/// The selection, when it has a range.
/// Empty the document selection (a collapsed reading cursor is drawn by
/// the app's own caret). Writing a caret selection into the focused
/// article made Chromium lay out for up to 100 ms on large pages; removing
/// the ranges costs nothing.
pub fn clear_selection() {
    if let Some(sel) = window_selection() {
        let _ = sel.remove_all_ranges();
    }
}

fn window_selection() -> Option<Selection> {
    web_sys::window()?
        .get_selection()
        .ok()?
        .filter(|s| s.range_count() > 0)
}
