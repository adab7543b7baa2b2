//! [`Session`]: the article, its annotations, and undoable commands on them.

use super::{Annotation, Article, Tag, TextRange};
use std::fmt;

/// A change the user asks for. Timestamps (RFC 3339) and ids come from the
/// caller so that the model stays deterministic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Add a new annotation.
    Tag(Annotation),
    /// Change the tag of annotation `id`.
    Retag { id: String, tag: Tag, at: String },
    /// Replace the note of annotation `id`.
    Note {
        id: String,
        note: String,
        at: String,
    },
    /// Set both tag and note of annotation `id` (one undo step).
    Edit {
        id: String,
        tag: Tag,
        note: String,
        at: String,
    },
    /// Move the span of annotation `id` (the new range is trimmed and clipped).
    Resize {
        id: String,
        range: TextRange,
        at: String,
    },
    /// Delete annotation `id`.
    Remove { id: String },
}

/// Why a command was refused. The session is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The span is empty after trimming white space and clipping to the text.
    EmptySpan,
    /// No annotation has this id.
    NoSuchAnnotation(String),
    /// An annotation with this id exists already.
    DuplicateId(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::EmptySpan => write!(f, "Select some text in the article first."),
            Problem::NoSuchAnnotation(id) => write!(f, "No annotation has id {id}."),
            Problem::DuplicateId(id) => write!(f, "An annotation with id {id} exists already."),
        }
    }
}

/// What an applied command, undo or redo changed, for repainting and for
/// announcing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Added(Annotation),
    Updated {
        before: Annotation,
        after: Annotation,
    },
    Removed(Annotation),
}

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

/// The open article and its annotations, with undo and redo history.
///
/// Invariants: annotations are sorted by [`Annotation::reading_key`], ids are
/// unique, and every range is non-empty and inside the text.
#[derive(Clone, Debug)]
pub struct Session {
    article: Article,
    annotations: Vec<Annotation>,
    /// At least the length of the longest annotation (never shrinks): with
    /// the sorting by start, it bounds the search for spans over a point.
    max_len: usize,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

impl Session {
    /// A session over `article` with no annotations.
    pub fn new(article: Article) -> Self {
        Self {
            article,
            annotations: Vec::new(),
            max_len: 0,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// A session with existing annotations (from an import), without history.
    ///
    /// # Errors
    /// The first annotation that breaks an invariant: an empty or out-of-text
    /// span, or a repeated id.
    pub fn with_annotations(
        article: Article,
        mut annotations: Vec<Annotation>,
    ) -> Result<Self, Problem> {
        let len = article.text.char_len();
        annotations.sort_by(|a, b| a.reading_key().cmp(&b.reading_key()));
        let mut ids = std::collections::HashSet::new();
        for a in &annotations {
            if a.range.is_empty() || a.range.end() > len {
                return Err(Problem::EmptySpan);
            }
            if !ids.insert(a.id.as_str()) {
                return Err(Problem::DuplicateId(a.id.clone()));
            }
        }
        let max_len = annotations.iter().map(|a| a.range.len()).max().unwrap_or(0);
        Ok(Self {
            article,
            annotations,
            max_len,
            undo: Vec::new(),
            redo: Vec::new(),
        })
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    /// Annotations in reading order.
    pub fn annotations(&self) -> &[Annotation] {
        &self.annotations
    }

    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// Annotations whose span contains code point `offset`, innermost
    /// (shortest) first.
    pub fn at_offset(&self, offset: usize) -> Vec<&Annotation> {
        let mut hits: Vec<&Annotation> = self
            .overlapping(TextRange::new(offset, offset + 1).expect("offset < offset + 1"))
            .collect();
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
        let existing = |id: &str| {
            self.get(id)
                .cloned()
                .ok_or_else(|| Problem::NoSuchAnnotation(id.to_owned()))
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
                let before = existing(&id)?;
                let after = Annotation {
                    tag,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Note { id, note, at } => {
                let before = existing(&id)?;
                let after = Annotation {
                    note,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Edit { id, tag, note, at } => {
                let before = existing(&id)?;
                let after = Annotation {
                    tag,
                    note,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Resize { id, range, at } => {
                let before = existing(&id)?;
                let after = Annotation {
                    range: self.normalize(range).ok_or(Problem::EmptySpan)?,
                    modified: at,
                    ..before.clone()
                };
                Edit::Replace { before, after }
            }
            Command::Remove { id } => Edit::Delete(existing(&id)?),
        })
    }

    /// Carry out `edit`, which `plan` (or inversion of a planned edit) made
    /// valid for the current state.
    fn perform(&mut self, edit: &Edit) -> Change {
        match edit {
            Edit::Insert(a) => {
                self.insert(a.clone());
                Change::Added(a.clone())
            }
            Edit::Delete(a) => {
                self.delete(&a.id);
                Change::Removed(a.clone())
            }
            Edit::Replace { before, after } => {
                self.delete(&before.id);
                self.insert(after.clone());
                Change::Updated {
                    before: before.clone(),
                    after: after.clone(),
                }
            }
        }
    }

    /// O(log n) search plus O(n) shift.
    fn insert(&mut self, a: Annotation) {
        self.max_len = self.max_len.max(a.range.len());
        let i = self
            .annotations
            .partition_point(|b| b.reading_key() < a.reading_key());
        self.annotations.insert(i, a);
    }

    fn delete(&mut self, id: &str) {
        self.annotations.retain(|a| a.id != id);
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
    let mut events: Vec<(usize, i32)> = annotations
        .into_iter()
        .flat_map(|a| [(a.range.start(), 1), (a.range.end(), -1)])
        .collect();
    events.sort_unstable();
    let mut regions: Vec<TextRange> = Vec::new();
    let mut depth = 0;
    let mut open_at = 0;
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
