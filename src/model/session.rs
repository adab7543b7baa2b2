//! [`Session`]: the article, its annotations, and undoable commands on them.

use super::change_log::{ChangeLog, LOG_LEN};
use super::{
    Annotation, AnnotationId, Article, Change, CharOffset, Command, Problem, Tag, TextRange,
};

/// A primitive edit; each has an exact inverse.
#[derive(Clone, Debug)]
enum Edit {
    Insert(Annotation),
    Delete(Annotation),
    Replace {
        before: Annotation,
        after: Annotation,
    },
}

impl Edit {
    fn inverse(&self) -> Edit {
        match self {
            Edit::Insert(a) => Edit::Delete(a.clone()),
            Edit::Delete(a) => Edit::Insert(a.clone()),
            Edit::Replace { before, after } => Edit::Replace {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }
}

/// The open article and its annotations, with undo and redo history, a
/// revision number and a record of what recent revisions touched.
///
/// Invariants: annotations are sorted by [`Annotation::reading_key`], ids are
/// unique, and every range is non-empty and inside the text. `counts[t.index()]`
/// is the number of annotations tagged `t`.
#[derive(Clone, Debug)]
pub struct Session {
    article: Article,
    annotations: Vec<Annotation>,
    /// At least the length of the longest annotation (never shrinks): with
    /// the sorting by start, it bounds the search for spans over a point.
    max_len: usize,
    counts: [usize; Tag::COUNT],
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    log: ChangeLog,
}

impl Session {
    /// Changes that [`Session::touched_since`] remembers.
    pub const TOUCHED_LOG_LEN: usize = LOG_LEN;

    /// A session over `article` with no annotations, at revision 0, with
    /// nothing unexported.
    pub fn new(article: Article) -> Self {
        Self {
            article,
            annotations: Vec::new(),
            max_len: 0,
            counts: [0; Tag::COUNT],
            undo: Vec::new(),
            redo: Vec::new(),
            log: ChangeLog::new(),
        }
    }

    /// A session with existing annotations (from an import), without
    /// history, at revision 0, with nothing unexported (see
    /// [`Session::set_unexported`] to restore unexported work). O(n log n).
    ///
    /// # Errors
    /// The first annotation in reading order that breaks an invariant:
    /// [`Problem::OutsideText`], [`Problem::EmptySpan`] or
    /// [`Problem::DuplicateId`].
    pub fn with_annotations(
        article: Article,
        mut annotations: Vec<Annotation>,
    ) -> Result<Self, Problem> {
        let full = article.text.full_range();
        annotations.sort_by(|a, b| a.reading_key().cmp(&b.reading_key()));
        let mut ids = std::collections::HashSet::new();
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
        }
        let mut session = Self::new(article);
        session.max_len = annotations.iter().map(|a| a.range.len()).max().unwrap_or(0);
        for a in &annotations {
            session.counts[a.tag.index()] += 1;
        }
        session.annotations = annotations;
        Ok(session)
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    /// Annotations in reading order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    /// The annotation with this id. O(n).
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.position(id).map(|i| &self.annotations[i])
    }

    /// The index in [`Session::annotations`] (reading order) of the
    /// annotation with this id. O(n).
    pub fn position(&self, id: &AnnotationId) -> Option<usize> {
        self.annotations.iter().position(|a| a.id == *id)
    }

    /// How many annotations have tag `tag`. O(1).
    pub fn count(&self, tag: Tag) -> usize {
        self.counts[tag.index()]
    }

    /// Starts at 0 and grows by one with every applied command, undo and
    /// redo (not with refused commands).
    pub fn revision(&self) -> u64 {
        self.log.revision()
    }

    /// The ids of the annotations added, changed or removed after
    /// `revision`, each once, in the order they were first touched. `None`
    /// when `revision` is in the future or more than
    /// [`Session::TOUCHED_LOG_LEN`] changes ago: the caller must then treat
    /// everything as touched. O(k) for k changes since `revision`.
    pub fn touched_since(&self, revision: u64) -> Option<Vec<AnnotationId>> {
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
        hits.sort_by_key(|a| a.range.len());
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

    /// Apply `command` and record it for undo; clears the redo history.
    ///
    /// # Errors
    /// [`Problem`] when the command cannot apply; the session is unchanged.
    pub fn apply(&mut self, command: Command) -> Result<Change, Problem> {
        let edit = self.plan(command)?;
        let change = self.perform(&edit);
        self.undo.push(edit);
        self.redo.clear();
        Ok(change)
    }

    /// Revert the last applied command; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<Change> {
        let edit = self.undo.pop()?;
        let change = self.perform(&edit.inverse());
        self.redo.push(edit);
        Some(change)
    }

    /// Re-apply the last undone command; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<Change> {
        let edit = self.redo.pop()?;
        let change = self.perform(&edit);
        self.undo.push(edit);
        Some(change)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    fn plan(&self, command: Command) -> Result<Edit, Problem> {
        let existing = |id: AnnotationId| match self.get(&id) {
            Some(a) => Ok(a.clone()),
            None => Err(Problem::NoSuchAnnotation(id)),
        };
        Ok(match command {
            Command::Tag(mut a) => {
                if self.get(&a.id).is_some() {
                    return Err(Problem::DuplicateId(a.id));
                }
                a.range = self.normalize(a.range).ok_or(Problem::EmptySpan)?;
                Edit::Insert(a)
            }
            Command::Retag { id, tag, at } => {
                let before = existing(id)?;
                let after = Annotation {
                    tag,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Note { id, note, at } => {
                let before = existing(id)?;
                let after = Annotation {
                    note,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Edit { id, tag, note, at } => {
                let before = existing(id)?;
                let after = Annotation {
                    tag,
                    note,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Resize { id, range, at } => {
                let before = existing(id)?;
                let after = Annotation {
                    range: self.normalize(range).ok_or(Problem::EmptySpan)?,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Remove { id } => Edit::Delete(existing(id)?),
        })
    }

    /// Carry out `edit`, which `plan` (or inversion of a planned edit) made
    /// valid for the current state, as a new revision.
    fn perform(&mut self, edit: &Edit) -> Change {
        let change = match edit {
            Edit::Insert(a) => {
                self.insert(a.clone());
                Change::Added(a.clone())
            }
            Edit::Delete(a) => {
                self.delete(a);
                Change::Removed(a.clone())
            }
            Edit::Replace { before, after } => {
                self.delete(before);
                self.insert(after.clone());
                Change::Updated {
                    before: before.clone(),
                    after: after.clone(),
                }
            }
        };
        self.log.record(change.id().clone());
        change
    }

    /// O(log n) search plus O(n) shift.
    fn insert(&mut self, a: Annotation) {
        self.max_len = self.max_len.max(a.range.len());
        self.counts[a.tag.index()] += 1;
        let i = self
            .annotations
            .partition_point(|b| b.reading_key() < a.reading_key());
        self.annotations.insert(i, a);
    }

    /// `a` must be in the session. O(log n) search plus O(n) shift.
    fn delete(&mut self, a: &Annotation) {
        let i = self
            .annotations
            .partition_point(|b| b.reading_key() < a.reading_key());
        debug_assert_eq!(self.annotations.get(i).map(|b| &b.id), Some(&a.id));
        let removed = self.annotations.remove(i);
        self.counts[removed.tag.index()] -= 1;
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
