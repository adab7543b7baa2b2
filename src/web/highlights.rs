//! [`Painter`]: paints annotations with the CSS Custom Highlight API, so
//! highlighting never splits or re-creates the article's text nodes.
//!
//! One `Highlight` per tag in use (`::highlight(ann-<tag id>)` in the
//! styles), registered when a tag is first painted and dropped when the tag
//! set no longer has it; one for regions where spans overlap, and one for
//! the focused annotation.
//! [`Painter::sync`] adds and deletes only the ranges that changed.

use super::article_dom::ArticleDom;
use crate::model::{
    overlap_regions, Annotation, AnnotationId, Article, Schema, Session, TagId, TextRange,
};
use std::collections::{HashMap, HashSet};
use web_sys::{AbstractRange, Highlight, StaticRange};

pub struct Painter {
    registry: web_sys::HighlightRegistry,
    /// The highlight of each tag painted so far, with its priority.
    by_tag: HashMap<TagId, (Highlight, i32)>,
    overlap: Highlight,
    focus: Highlight,
    /// The annotations related to the focused one (and the link dialog's
    /// highlighted candidate).
    related: Highlight,
    painted: HashMap<AnnotationId, (TagId, TextRange, StaticRange)>,
    /// Painted overlap regions, sorted.
    overlaps: Vec<(TextRange, StaticRange)>,
    /// Disagreements being adjudicated, by kind ([`DISAGREEMENTS`]), then
    /// the selected one.
    disagreements: Vec<Highlight>,
    /// What those show now: the marks, and the selected one.
    marked: (Vec<(TextRange, usize)>, Option<TextRange>),
}

/// The highlights of the kinds of disagreement (`::highlight(adj-…)` in
/// the styles), in the order [`Painter::disagreements`] takes kinds.
pub const DISAGREEMENTS: [&str; 3] = ["adj-only", "adj-tag", "adj-bounds"];

impl Painter {
    /// Register the highlights. `None` when the browser lacks the CSS Custom
    /// Highlight API (Chromium < 105, Firefox < 140, Safari < 17.2).
    pub fn new() -> Option<Self> {
        let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
        if !js_sys::Reflect::has(&css, &"highlights".into()).ok()? {
            return None;
        }
        let registry = web_sys::css::JsNamespaceCss::highlights();
        let make = |name: &str, priority: i32| {
            let h = Highlight::new(&[]).ok()?;
            h.set_priority(priority);
            registry.set(name, &h);
            Some(h)
        };
        Some(Self {
            by_tag: HashMap::new(),
            overlap: make("ann-overlap", OVERLAP_PRIORITY)?,
            related: make("ann-related", OVERLAP_PRIORITY + 1)?,
            focus: make("ann-focus", OVERLAP_PRIORITY + 2)?,
            disagreements: DISAGREEMENTS
                .iter()
                .chain(&["adj-current"])
                .map(|name| make(name, OVERLAP_PRIORITY - 1))
                .collect::<Option<_>>()?,
            marked: (Vec::new(), None),
            registry,
            painted: HashMap::new(),
            overlaps: Vec::new(),
        })
    }

    /// The highlight of `tag`, registered on first use; its priority
    /// follows the tag's place in the set (later tags paint over earlier).
    fn highlight(&mut self, schema: &Schema, tag: &TagId) -> Option<&Highlight> {
        if !self.by_tag.contains_key(tag) {
            let def = schema.tag(tag)?;
            let h = Highlight::new(&[]).ok()?;
            let priority = priority(schema, tag);
            h.set_priority(priority);
            self.registry.set(&def.highlight(), &h);
            self.by_tag.insert(tag.clone(), (h, priority));
        }
        self.by_tag.get(tag).map(|(h, _)| h)
    }

    /// Drop the highlights of tags the set no longer has; the others take
    /// their tag's place in the set as priority again (tags move). O(tags).
    /// A priority is set only when it changed: setting one, even to the
    /// same value, makes the browser schedule a repaint of every highlight.
    fn retire(&mut self, schema: &Schema) {
        let registry = &self.registry;
        self.by_tag.retain(|tag, (h, was)| {
            if schema.tag(tag).is_none() {
                registry.delete(&format!("ann-{tag}"));
                return false;
            }
            let now = priority(schema, tag);
            if *was != now {
                h.set_priority(now);
                *was = now;
            }
            true
        });
    }

    /// Forget every painted range (the article was replaced).
    pub fn clear(&mut self) {
        for h in self
            .by_tag
            .values()
            .map(|(h, _)| h)
            .chain([&self.overlap, &self.focus, &self.related])
            .chain(&self.disagreements)
        {
            h.clear();
        }
        self.painted.clear();
        self.overlaps.clear();
        self.marked = (Vec::new(), None);
    }

    /// Make the painted ranges match the annotations of `session` that
    /// overlap `window` (the visible part of the article, see
    /// [`ArticleDom::visible_window`]). Painting only those keeps every
    /// change cheap for the browser however many annotations there are.
    /// O(log n + k) for k annotations in the window; DOM work only for those
    /// added, moved, retagged, removed, or scrolled in or out.
    pub fn sync(&mut self, dom: &ArticleDom, session: &Session, window: TextRange) {
        dom.batch(|dom| self.sync_in(dom, session, window));
    }

    fn sync_in(&mut self, dom: &ArticleDom, session: &Session, window: TextRange) {
        let article = session.article();
        let wanted: Vec<&Annotation> = session.overlapping(window).collect();
        let mut live: HashSet<&AnnotationId> = HashSet::with_capacity(wanted.len());
        for a in &wanted {
            live.insert(&a.id);
            if let Some((tag, range, _)) = self.painted.get(&a.id) {
                if *tag == a.tag && *range == a.range {
                    continue;
                }
            }
            self.unpaint(&a.id);
            if let Some(r) = dom.static_range(article, a.range) {
                if let Some(h) = self.highlight(session.schema(), &a.tag) {
                    h.add(as_abstract(&r));
                    self.painted
                        .insert(a.id.clone(), (a.tag.clone(), a.range, r));
                }
            }
        }
        let gone: Vec<AnnotationId> = self
            .painted
            .keys()
            .filter(|id| !live.contains(id))
            .cloned()
            .collect();
        for id in gone {
            self.unpaint(&id);
        }
        self.sync_overlaps(dom, article, &overlap_regions(wanted.iter().copied()));
        self.retire(session.schema());
    }

    /// Add and delete only the overlap regions that changed: a merge of two
    /// sorted lists.
    fn sync_overlaps(&mut self, dom: &ArticleDom, article: &Article, regions: &[TextRange]) {
        let old = std::mem::take(&mut self.overlaps);
        let mut kept = Vec::with_capacity(regions.len());
        let mut new = regions.iter().copied().peekable();
        for (range, dom_range) in old {
            while let Some(r) = new.next_if(|r| *r < range) {
                self.add_overlap(dom, article, r, &mut kept);
            }
            if new.next_if_eq(&range).is_some() {
                kept.push((range, dom_range));
            } else {
                self.overlap.delete(as_abstract(&dom_range));
            }
        }
        for r in new {
            self.add_overlap(dom, article, r, &mut kept);
        }
        self.overlaps = kept;
    }

    fn add_overlap(
        &self,
        dom: &ArticleDom,
        article: &Article,
        region: TextRange,
        into: &mut Vec<(TextRange, StaticRange)>,
    ) {
        if let Some(r) = dom.static_range(article, region) {
            self.overlap.add(as_abstract(&r));
            into.push((region, r));
        }
    }

    /// Mark `range` as the focused annotation (or clear the mark), and
    /// `related` as the annotations related to it. O(related).
    pub fn focus(
        &self,
        dom: &ArticleDom,
        article: &Article,
        range: Option<TextRange>,
        related: &[TextRange],
    ) {
        self.focus.clear();
        if let Some(r) = range.and_then(|r| dom.static_range(article, r)) {
            self.focus.add(as_abstract(&r));
        }
        self.related.clear();
        for r in related.iter().filter_map(|r| dom.static_range(article, *r)) {
            self.related.add(as_abstract(&r));
        }
    }

    /// Mark the disagreements `marks` (range, kind as an index of
    /// [`DISAGREEMENTS`]), those in view, and the selected one `current`.
    /// O(marks) when they changed; walking from one to the next repaints
    /// only the selected one.
    pub fn disagreements(
        &mut self,
        dom: &ArticleDom,
        article: &Article,
        marks: Vec<(TextRange, usize)>,
        current: Option<TextRange>,
    ) {
        let last = self.disagreements.len() - 1;
        let mark = |range: TextRange, kind: usize| {
            if let (Some(r), Some(h)) = (
                dom.static_range(article, range),
                self.disagreements.get(kind),
            ) {
                h.add(as_abstract(&r));
            }
        };
        if self.marked.0 != marks {
            self.disagreements[..last].iter().for_each(Highlight::clear);
            marks.iter().for_each(|&(range, kind)| mark(range, kind));
        }
        if self.marked.1 != current {
            self.disagreements[last].clear();
            current.into_iter().for_each(|range| mark(range, last));
        }
        self.marked = (marks, current);
    }

    fn unpaint(&mut self, id: &AnnotationId) {
        if let Some((tag, _, r)) = self.painted.remove(id) {
            if let Some((h, _)) = self.by_tag.get(&tag) {
                h.delete(as_abstract(&r));
            }
        }
    }
}

/// A tag's highlight priority: its place in the set, from 1 (later tags
/// paint over earlier).
fn priority(schema: &Schema, tag: &TagId) -> i32 {
    schema.index(tag).map_or(0, |i| i as i32 + 1)
}

/// Above every tag's: overlap regions, then related annotations, then the
/// focused annotation.
const OVERLAP_PRIORITY: i32 = 1_000;

fn as_abstract(r: &StaticRange) -> &AbstractRange {
    r.as_ref()
}
