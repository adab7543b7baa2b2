//! Which part of the article is on screen: [`ArticleDom::visible_window`],
//! so that only the annotations there are painted, whatever the shape of
//! the article (thousands of short blocks, hidden clutter, or one paragraph
//! of a million characters).

use super::article_dom::{partition_point, ArticleDom};
use crate::model::{Article, CharOffset, TextRange};

/// Windows longer than this (code points) are narrowed to what the viewport
/// shows: a run of blocks that long is one very long paragraph or several.
const NARROW_CHARS: usize = 20_000;

/// Heights, as fractions of the viewport, where the narrowing probes which
/// character is shown (several, since a probe may land on the sticky
/// toolbar, a margin or a dialog).
const PROBES: [f64; 5] = [0.1, 0.3, 0.5, 0.7, 0.9];

impl ArticleDom {
    /// The part of the text shown in the viewport, widened by about one
    /// viewport height above and below. Whole runs of blocks (runs are
    /// always laid out in order, also where their blocks are hidden), found
    /// in O(log runs) layout reads; a window over [`NARROW_CHARS`] is
    /// narrowed by asking the browser which characters are at a few points
    /// of the viewport. `None` before anything is on the page.
    ///
    /// Reading the layout forces the browser to lay out what changed (tens
    /// of milliseconds for a paragraph of a million characters), so unless
    /// `fresh` (the page scrolled, resized or showed other blocks) the last
    /// window is reused: a change of annotations moves no text.
    pub fn visible_window(&self, article: &Article, fresh: bool) -> Option<TextRange> {
        if let (false, Some(w)) = (fresh, self.last_window()) {
            return Some(w);
        }
        let w = self.measure_window(article);
        self.set_last_window(w);
        w
    }

    fn measure_window(&self, article: &Article) -> Option<TextRange> {
        let window = web_sys::window()?;
        let height = window.inner_height().ok()?.as_f64()?;
        let (above, below) = (-height, 2.0 * height);
        let (runs, n) = self.runs();
        let rect = |r: usize| runs[r].0.get_bounding_client_rect();
        let first = partition_point(runs.len(), |r| rect(r).bottom() < above);
        let last = partition_point(runs.len(), |r| rect(r).top() <= below);
        let (first, last) = (first.min(last.saturating_sub(1)), last.checked_sub(1)?);
        // Runs whose blocks are all hidden (clutter out of the readable
        // view) have no height, at the top of the next run: keep them out
        // at either end, so a long hidden comment section below the
        // article is not painted whenever the article's end is in view.
        let last = match rect(last) {
            r if r.height() == 0.0 => partition_point(last + 1, |k| rect(k).top() < r.top())
                .saturating_sub(1)
                .max(first),
            _ => last,
        };
        let first = match rect(first) {
            r if r.height() == 0.0 => (first
                + partition_point(last - first, |k| rect(first + k).bottom() <= r.bottom()))
            .min(last),
            _ => first,
        };
        let last_block = runs.get(last + 1).map_or(n, |(_, b)| *b).checked_sub(1)?;
        let whole = TextRange::new(
            article.blocks.get(runs[first].1)?.range.start(),
            article.blocks.get(last_block)?.range.end(),
        )?;
        if whole.len() <= NARROW_CHARS {
            return Some(whole);
        }
        Some(self.narrow(article, whole, height).unwrap_or(whole))
    }

    /// `whole` cut to the characters the browser shows at the probes, and
    /// as many again above and below. `None` when no probe lands in the
    /// article, or the browser lacks `caretPositionFromPoint`.
    fn narrow(&self, article: &Article, whole: TextRange, height: f64) -> Option<TextRange> {
        let doc = gloo::utils::document();
        if !js_sys::Reflect::has(&doc, &"caretPositionFromPoint".into()).ok()? {
            return None;
        }
        let r = self.container().get_bounding_client_rect();
        let x = (r.left() + r.width() / 2.0) as f32;
        let seen: Vec<CharOffset> = PROBES
            .iter()
            .filter_map(|f| doc.caret_position_from_point(x, (f * height) as f32))
            .filter_map(|p| {
                let node = p.offset_node()?;
                let inside = self.container().contains(Some(&node));
                inside.then(|| self.point_to_char(article, &node, p.offset()))?
            })
            .collect();
        let (lo, hi) = (*seen.iter().min()?, *seen.iter().max()?);
        // The probes span 80% of the viewport: a viewport's worth of text is
        // about 1.25 times what they saw; keep that much again either side.
        let margin = (hi - lo) * 5 / 2 + 2_000;
        let start = lo.saturating_sub(margin).max(whole.start());
        let end = (hi + margin).min(whole.end());
        TextRange::new(start, end)
    }
}
