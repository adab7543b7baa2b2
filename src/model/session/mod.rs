//! [`Session`]: the article, its tag set, annotations and relations, and
//! undoable commands on them.
//!
//! Split by concern: queries and construction here; applying effects, undo
//! and redo in `apply`; planning annotation and relation commands in
//! `plan`, schema commands in `plan_schema`; counts in `counts`.

mod apply;
mod counts;
mod history;
mod plan;
mod plan_merge;
mod plan_schema;

use super::change_log::{ChangeLog, Touched, LOG_LEN};
use super::reanchor::{Anchoring, Carried, Orphan};
use super::{
    Annotation, AnnotationId, Article, CharOffset, Problem, Relation, RelationId, RelationTypeId,
    Schema, TagId, TextRange,
};
use counts::Counts;
pub use history::Step;
pub use plan_merge::MergeView;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// The open article, its tag set, its annotations and the relations between
/// them, with undo and redo history, a revision number and a record of what
/// recent revisions touched.
///
/// Invariants: annotations are sorted by [`Annotation::reading_key`], ids
/// are unique, every range is non-empty and inside the text, every tag is
/// in the schema and every field fits its definition. Relations keep the
/// invariants stated on [`Relation`]. `index.spans` maps each annotation's
/// id to its range and `index.links` each annotation's id to the ids of the
/// relations at either end (absent when none); `index.counts` counts the
/// annotations under the schema.
///
/// Costs, for n annotations, r relations and k relations of one annotation:
/// finding an annotation by id O(log n); its relations O(k log r); a
/// command O(log n + k) plus the O(n) shift of the sorted list when an
/// annotation is added, removed or moved; schema commands O(n + r).
#[derive(Clone, Debug)]
pub struct Session {
    article: Article,
    schema: Schema,
    annotations: Vec<Annotation>,
    relations: BTreeMap<RelationId, Relation>,
    /// Boxed: a session is moved by value (in actions), its indexes need not be.
    index: Box<Index>,
    /// At least the length of the longest annotation (never shrinks): with
    /// the sorting by start, it bounds the search for spans over a point.
    max_len: usize,
    history: Box<History>,
    log: ChangeLog,
    /// How the annotations came from another version of the article
    /// (shared: never changed by commands, cheap to clone).
    carried: Arc<Carried>,
}

/// Undo and redo steps, each the effects of one command; `next` numbers
/// the next step (numbers are unique in a session, also across a restore
/// of its history: [`Session::set_history`]).
#[derive(Clone, Debug, Default)]
struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    next: u64,
}

/// What the session keeps to find things fast.
#[derive(Clone, Debug, Default)]
struct Index {
    spans: HashMap<AnnotationId, TextRange>,
    links: HashMap<AnnotationId, Vec<RelationId>>,
    counts: Counts,
}

impl Session {
    /// Changes that [`Session::touched_since`] remembers.
    pub const TOUCHED_LOG_LEN: usize = LOG_LEN;

    /// A session over `article` with the default tag set and no
    /// annotations, at revision 0, with nothing unexported.
    pub fn new(article: Article) -> Self {
        Self::with_schema(article, Schema::default())
    }

    /// A session over `article` with tag set `schema` and no annotations.
    pub fn with_schema(article: Article, schema: Schema) -> Self {
        Self {
            article,
            schema,
            annotations: Vec::new(),
            relations: BTreeMap::new(),
            index: Box::default(),
            max_len: 0,
            history: Box::default(),
            log: ChangeLog::new(),
            carried: Arc::default(),
        }
    }

    /// A session with existing annotations under the default tag set and
    /// no relations: [`Session::from_parts`].
    ///
    /// # Errors
    /// As [`Session::from_parts`].
    pub fn with_annotations(
        article: Article,
        annotations: Vec<Annotation>,
    ) -> Result<Self, Problem> {
        Self::from_parts(article, Schema::default(), annotations, Vec::new())
    }

    /// A session with existing annotations and relations (from an import),
    /// without history, at revision 0, with nothing unexported (see
    /// [`Session::set_unexported`] to restore unexported work).
    /// O(n log n + r).
    ///
    /// # Errors
    /// The first annotation in reading order that breaks an invariant
    /// ([`Problem::OutsideText`], [`Problem::EmptySpan`],
    /// [`Problem::DuplicateId`], [`Problem::UnknownTag`],
    /// [`Problem::Field`]), else the first relation in the given order that
    /// does (as [`super::Command::Link`] would refuse it).
    pub fn from_parts(
        article: Article,
        schema: Schema,
        mut annotations: Vec<Annotation>,
        relations: Vec<Relation>,
    ) -> Result<Self, Problem> {
        let full = article.text.full_range();
        crate::model::sort::by(&mut annotations, |a, b| {
            a.reading_key().cmp(&b.reading_key())
        });
        let mut ids = HashSet::new();
        for a in &annotations {
            if !full.contains_range(a.range) {
                return Err(Problem::OutsideText {
                    id: a.id.clone(),
                    range: a.range,
                    text_len: full.len(),
                });
            }
            if a.range.is_empty() {
                return Err(Problem::EmptySpan);
            }
            if !ids.insert(a.id.as_str()) {
                return Err(Problem::DuplicateId(a.id.clone()));
            }
            crate::model::limits::check_note(&a.note).map_err(Problem::NoteTooLong)?;
            let def = schema
                .tag(&a.tag)
                .ok_or_else(|| Problem::UnknownTag(a.tag.clone()))?;
            plan::check_fields(def, &a.fields)?;
        }
        let mut session = Self::with_schema(article, schema);
        session.max_len = annotations.iter().map(|a| a.range.len()).max().unwrap_or(0);
        session.index.counts = Counts::of(&session.schema, &annotations);
        session.index.spans = annotations
            .iter()
            .map(|a| (a.id.clone(), a.range))
            .collect();
        session.annotations = annotations;
        for r in relations {
            session.check_link(&r)?;
            session.link(r);
        }
        Ok(session)
    }

    /// How the annotations were carried from another version of the
    /// article (empty when they were not).
    pub fn carried(&self) -> &Carried {
        &self.carried
    }

    pub fn set_carried(&mut self, carried: Carried) {
        self.carried = Arc::new(carried);
    }

    /// How `a` was carried from another version, while it stays where it
    /// was placed. O(log n).
    pub fn anchoring(&self, a: &Annotation) -> Option<Anchoring> {
        match self.carried.placed.get(&a.id) {
            Some((range, how)) if *range == a.range => Some(*how),
            _ => None,
        }
    }

    /// The orphans not re-attached yet (re-attaching one makes an
    /// annotation with its id, so undoing that brings it back). O(orphans).
    pub fn orphans(&self) -> impl Iterator<Item = &Orphan> {
        self.carried
            .orphans
            .iter()
            .filter(|o| !self.index.spans.contains_key(&o.annotation.id))
    }

    /// The relations carried with an end that is still an orphan
    /// ([`Carried::relations`]) and that still fit: each end an annotation
    /// or an orphan, its type in the tag set allowing their tags, no such
    /// link in the session. Exported with the others, they come back when
    /// the orphan is attached; one that edits since made unfit is dropped.
    /// O(orphans + carried relations × links per end).
    pub fn waiting_relations(&self) -> impl Iterator<Item = &Relation> {
        let orphans: HashMap<&AnnotationId, &TagId> = if self.carried.relations.is_empty() {
            HashMap::new()
        } else {
            self.orphans()
                .map(|o| (&o.annotation.id, &o.annotation.tag))
                .collect()
        };
        self.carried.relations.iter().filter(move |r| {
            let tag = |id: &AnnotationId| {
                orphans
                    .get(id)
                    .copied()
                    .or_else(|| self.get(id).map(|a| &a.tag))
            };
            let fits = match (tag(&r.from), tag(&r.to), self.schema.relation_type(&r.kind)) {
                (Some(from), Some(to), Some(kind)) => kind.allows(from, to),
                _ => false,
            };
            fits && r.from != r.to
                && !self.relations.contains_key(&r.id)
                && (orphans.contains_key(&r.from) || orphans.contains_key(&r.to))
                && self.duplicate_of(r).is_none()
        })
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The article, dropping the rest.
    pub fn into_article(self) -> Article {
        self.article
    }

    /// The tag set.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Annotations in reading order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// The annotation with this id. O(log n).
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.position(id).map(|i| &self.annotations[i])
    }

    /// The index in [`Session::annotations`] (reading order) of the
    /// annotation with this id. O(log n).
    pub fn position(&self, id: &AnnotationId) -> Option<usize> {
        let range = self.index.spans.get(id)?;
        let key = (range.start(), range.end(), id.as_str());
        let i = self.annotations.partition_point(|a| a.reading_key() < key);
        (self.annotations.get(i)?.id == *id).then_some(i)
    }

    /// How many annotations have tag `tag`. O(1).
    pub fn count(&self, tag: &TagId) -> usize {
        self.index.counts.tag(tag.as_str())
    }

    /// How many annotations tagged `tag` have option `option` in choice
    /// field `field`, counting the field's default where it is unset
    /// ("claims whose verdict is still Unverified"). O(1).
    pub fn count_choice(&self, tag: &str, field: &str, option: &str) -> usize {
        self.index.counts.choice(tag, field, option)
    }

    /// All relations, by id. O(1) to start, O(log r) per step.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = &Relation> {
        self.relations.values()
    }

    /// The relation with this id. O(log r).
    pub fn relation(&self, id: &RelationId) -> Option<&Relation> {
        self.relations.get(id)
    }

    /// The relations that start or end at annotation `id`, in the order
    /// they were made. O(k log r).
    pub fn relations_of<'a>(
        &'a self,
        id: &AnnotationId,
    ) -> impl Iterator<Item = &'a Relation> + 'a {
        self.index
            .links
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|r| self.relations.get(r))
    }

    /// The annotations a relation of type `kind` may join to annotation
    /// `at`: as its end when `forward` (`at` → them), as its start otherwise
    /// (them → `at`). Tagged as the type allows at that end, not `at`
    /// itself, not related to it that way already; nearest first (code
    /// points between the spans, 0 when they overlap), then in reading
    /// order. Empty when `at` or `kind` does not exist or the type does not
    /// allow `at`'s tag at its own end. O(n log n).
    pub fn link_targets(
        &self,
        at: &AnnotationId,
        kind: &RelationTypeId,
        forward: bool,
    ) -> Vec<&Annotation> {
        let (Some(a), Some(k)) = (self.get(at), self.schema.relation_type(kind)) else {
            return Vec::new();
        };
        let (own, other) = if forward {
            (&k.from, &k.to)
        } else {
            (&k.to, &k.from)
        };
        if !own.contains(&a.tag) {
            return Vec::new();
        }
        let linked: HashSet<&AnnotationId> = self
            .relations_of(at)
            .filter(|r| r.kind == *kind && (if forward { &r.from } else { &r.to }) == at)
            .filter_map(|r| r.other_end(at))
            .collect();
        let mut out: Vec<&Annotation> = self
            .annotations
            .iter()
            .filter(|b| b.id != *at && other.contains(&b.tag) && !linked.contains(&b.id))
            .collect();
        let gap = |b: &Annotation| {
            if b.range.end() <= a.range.start() {
                a.range.start() - b.range.end()
            } else {
                b.range.start().get().saturating_sub(a.range.end().get())
            }
        };
        crate::model::sort::by_key(&mut out, |b| gap(b));
        out
    }

    /// Starts at 0 and grows by one with every applied command, undo and
    /// redo (not with refused commands).
    pub fn revision(&self) -> u64 {
        self.log.revision()
    }

    /// What the changes after `revision` touched: annotation and relation
    /// ids, each once, in the order they were first touched, and whether
    /// the schema changed. `None` when `revision` is in the future or more
    /// than [`Session::TOUCHED_LOG_LEN`] changes ago: the caller must then
    /// treat everything as touched. O(k) for k ids touched since.
    pub fn touched_since(&self, revision: u64) -> Option<Touched> {
        self.log.touched_since(revision)
    }

    /// Whether some change is not in an export. Revisions only grow, so
    /// undoing back to the exported state still counts as unexported
    /// (conservative: the user is asked once too often, never too rarely).
    pub fn has_unexported(&self) -> bool {
        self.log.has_unexported()
    }

    /// The session as of the current revision has been exported.
    pub fn mark_exported(&mut self) {
        self.log.set_unexported(false);
    }

    /// Say whether the session as it stands has unexported changes, e.g. when
    /// restoring a session that had them.
    pub fn set_unexported(&mut self, unexported: bool) {
        self.log.set_unexported(unexported);
    }

    /// Annotations whose span contains code point `offset`, innermost
    /// (shortest) first. O(log n + k) as [`Session::overlapping`].
    pub fn at_offset(&self, offset: CharOffset) -> Vec<&Annotation> {
        let point = TextRange::new(offset, offset + 1).expect("offset < offset + 1");
        let mut hits: Vec<&Annotation> = self.overlapping(point).collect();
        crate::model::sort::by_key(&mut hits, |a| a.range.len());
        hits
    }

    /// Annotations that share a code point with `window`, in reading order.
    /// O(log n + k), where k counts the annotations that start within the
    /// longest annotation's length before the window's end.
    pub fn overlapping(&self, window: TextRange) -> impl Iterator<Item = &Annotation> {
        let from = window.start().saturating_sub(self.max_len);
        let lo = self.annotations.partition_point(|a| a.range.start() < from);
        let hi = self
            .annotations
            .partition_point(|a| a.range.start() < window.end());
        self.annotations[lo..hi]
            .iter()
            .filter(move |a| a.range.overlaps(window))
    }

    /// Trim white space from `range` and clip it to the text. `None` when
    /// nothing is left.
    pub fn normalize(&self, range: TextRange) -> Option<TextRange> {
        let clipped = range.clip(self.article.text.full_range())?;
        let trimmed = self.article.text.trim(clipped);
        (!trimmed.is_empty()).then_some(trimmed)
    }
}

/// The parts of the text covered by two or more of `annotations` (in reading
/// order), merged and sorted. Used to mark nested and overlapping spans.
/// O(n log n) in the number of annotations.
pub fn overlap_regions<'a>(
    annotations: impl IntoIterator<Item = &'a Annotation>,
) -> Vec<TextRange> {
    // Depth changes: +1 at each start, -1 at each end; ends sort before starts
    // at the same offset so touching spans do not count as overlapping.
    let mut events: Vec<(CharOffset, i32)> = annotations
        .into_iter()
        .flat_map(|a| [(a.range.start(), 1), (a.range.end(), -1)])
        .collect();
    events.sort_unstable();
    let mut regions: Vec<TextRange> = Vec::new();
    let mut depth = 0;
    let mut open_at = CharOffset::ZERO;
    for (offset, delta) in events {
        let before = depth;
        depth += delta;
        if before < 2 && depth >= 2 {
            open_at = offset;
        } else if before >= 2 && depth < 2 && offset > open_at {
            match regions.last_mut() {
                Some(last) if last.end() == open_at => {
                    *last = TextRange::new(last.start(), offset).expect("grows");
                }
                _ => regions.push(TextRange::new(open_at, offset).expect("open <= offset")),
            }
        }
    }
    regions
}
