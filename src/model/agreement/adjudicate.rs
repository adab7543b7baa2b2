//! Adjudicating annotators' disagreements into one gold session.
//!
//! [`prepare`] (in the converters' worker) merges the annotators' spans:
//! every distinct (start, end, tag) once, as the **union** session whose
//! annotations name in `adjudicated_from` the annotators who marked them.
//! Spans every annotator marked alike are **agreed**: the gold starts with
//! them. The others are grouped into [`Item`]s, the disagreements: runs of
//! spans that overlap one another (a span overlapping none is an item of
//! its own). The page then decides each item ([`Adjudication::decide`]):
//! the gold takes one annotator's spans of it, all of them, none, or what
//! the adjudicator edits there. Each decision is one
//! [`Command::Replace`] on the gold session (a [`Command::Merge`] when
//! relations come with the spans taken, see [`links`]), so it has the gold's undo
//! history; what an item holds now is read back from the gold
//! ([`Adjudication::status`]), so undo and redo need no bookkeeping here.
//!
//! Cost, for `s` spans over all annotators: [`prepare`] O(s log s);
//! [`Adjudication::status`] and [`Adjudication::decide`] O(log n + k)
//! for the `k` gold annotations over the item; [`Adjudication::scores`]
//! O(s + n).

mod links;
mod prepare;

use super::Score;
use crate::model::{Annotation, AnnotationId, Command, Session, TextRange};
pub use links::Link;
pub use prepare::prepare;
use serde::{Deserialize, Serialize};

/// What the page adjudicates: the annotators (by name, in the order
/// compared), the disagreements in reading order, who made each of the
/// union's relations (sorted by id; see [`links`] for how relations come
/// into the gold), and how many of the annotators' relations the union's
/// tag set could not take.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjudication {
    pub annotators: Vec<String>,
    pub items: Vec<Item>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub links_left_out: usize,
}

/// One disagreement: code points `start..end` (the extent of its spans)
/// and its versions, the ids of the union's annotations there, in reading
/// order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub versions: Vec<AnnotationId>,
}

/// How annotators differ over an item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// One span, marked by these annotators (indices) only.
    Only(Vec<usize>),
    /// The same span with different tags.
    Tag,
    /// Overlapping spans with different boundaries (and maybe tags).
    Bounds,
}

/// A decision on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// The spans of annotator `k` there (none, when they marked nothing).
    Annotator(usize),
    /// Every version.
    All,
    /// No span there.
    Neither,
}

/// What the gold holds over an item now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing there (undecided, or decided for none).
    Nothing,
    /// Exactly the spans of these annotators (indices; all those whose
    /// spans there are what the gold holds).
    Annotators(Vec<usize>),
    /// Every version, which no single annotator had.
    All,
    /// Something no annotator had as a whole (edited, or a mix).
    Edited,
}

impl Item {
    /// Its extent, code points.
    pub fn range(&self) -> TextRange {
        let at = crate::model::CharOffset::new;
        TextRange::new(at(self.start), at(self.end)).expect("start <= end")
    }
}

impl Adjudication {
    /// The gold session to start from: the union's agreed spans and the
    /// relations between them, over its article (titled `title`) and tag
    /// set, without history. O(s + r log s).
    pub fn gold(&self, union: &Session, title: String) -> Session {
        let agreed: Vec<Annotation> = union
            .annotations()
            .iter()
            .filter(|a| self.is_agreed(a))
            .cloned()
            .collect();
        let both_agreed = |r: &&crate::model::Relation| {
            let agreed = |id| union.get(id).is_some_and(|a| self.is_agreed(a));
            agreed(&r.from) && agreed(&r.to)
        };
        let relations = union.relations().filter(both_agreed).cloned().collect();
        let article = crate::model::Article {
            title,
            ..union.article().clone()
        };
        Session::from_parts(article, union.schema().clone(), agreed, relations)
            .expect("the union's spans and relations fit its article")
    }

    /// Check what [`Self::items_over`] and the decisions rely on, for a
    /// plan read back from storage: at least two annotators; items in
    /// reading order, disjoint, not empty, inside the text, each with
    /// distinct versions the `union` holds inside its extent; annotator
    /// indices in range; who made each relation sorted by id.
    /// O(items + versions log versions + relations).
    ///
    /// # Errors
    /// The first problem, as a phrase.
    pub fn check(&self, union: &Session) -> Result<(), String> {
        let n = self.annotators.len();
        if n < 2 {
            return Err(format!("{n} annotators, where two or more were compared"));
        }
        let len = union.article().text.char_len();
        let mut end = 0;
        for (i, item) in self.items.iter().enumerate() {
            let k = i + 1;
            if item.start < end || item.end <= item.start || item.end > len {
                return Err(format!(
                    "disagreement {k} is out of order or outside the text"
                ));
            }
            end = item.end;
            let range = item.range();
            let inside = |v: &AnnotationId| {
                union.get(v).is_some_and(|a| {
                    a.range.start() >= range.start() && a.range.end() <= range.end()
                })
            };
            let mut ids: Vec<&AnnotationId> = item.versions.iter().collect();
            crate::model::sort::by(&mut ids, |a, b| a.cmp(b));
            let twice = ids.windows(2).any(|w| w[0] == w[1]);
            if item.versions.is_empty() || twice || !item.versions.iter().all(inside) {
                return Err(format!("disagreement {k} names spans that are not there"));
            }
            if let Kind::Only(who) = &item.kind {
                if let Some(w) = who.iter().find(|&&w| w >= n) {
                    return Err(format!("disagreement {k} names annotator {}", w + 1));
                }
            }
        }
        if self.links.windows(2).any(|w| w[0].id >= w[1].id) {
            return Err("who made the relations is not in order".into());
        }
        Ok(())
    }

    /// Whether `a` is an agreed span (every annotator marked it).
    fn is_agreed(&self, a: &Annotation) -> bool {
        a.adjudicated_from == self.annotators
    }

    /// The items whose extent overlaps `range` (items are disjoint and
    /// sorted). O(log items).
    pub fn items_over(&self, range: TextRange) -> std::ops::Range<usize> {
        let (s, e) = (range.start().get(), range.end().get());
        let first = self.items.partition_point(|i| i.end <= s);
        let last = self.items.partition_point(|i| i.start < e.max(s + 1));
        first..last.max(first)
    }

    /// Item `i`'s versions, as the union holds them.
    pub fn versions<'a>(&self, i: usize, union: &'a Session) -> Vec<&'a Annotation> {
        self.items[i]
            .versions
            .iter()
            .filter_map(|id| union.get(id))
            .collect()
    }

    /// The gold's annotations over item `i` that a decision replaces: all
    /// but agreed spans, and whether each is one of the versions (which).
    fn held<'a>(
        &self,
        i: usize,
        versions: &[&Annotation],
        gold: &'a Session,
    ) -> Vec<(&'a Annotation, Option<usize>)> {
        gold.overlapping(self.items[i].range())
            .filter(|g| !self.is_agreed(g))
            .map(|g| {
                let same = versions
                    .iter()
                    .position(|v| v.range == g.range && v.tag == g.tag);
                (g, same)
            })
            .collect()
    }

    /// Which versions annotator `k`'s spans over the item are.
    fn of_annotator(&self, k: usize, versions: &[&Annotation]) -> Vec<bool> {
        let name = &self.annotators[k];
        versions
            .iter()
            .map(|v| v.adjudicated_from.contains(name))
            .collect()
    }

    /// What the gold holds over item `i` now.
    pub fn status(&self, i: usize, union: &Session, gold: &Session) -> Outcome {
        let versions = self.versions(i, union);
        let mut present = vec![false; versions.len()];
        for (_, same) in self.held(i, &versions, gold) {
            match same {
                Some(k) => present[k] = true,
                None => return Outcome::Edited,
            }
        }
        if !present.contains(&true) {
            return Outcome::Nothing;
        }
        let who: Vec<usize> = (0..self.annotators.len())
            .filter(|&k| self.of_annotator(k, &versions) == present)
            .collect();
        match who.is_empty() {
            false => Outcome::Annotators(who),
            true if present.iter().all(|&p| p) => Outcome::All,
            true => Outcome::Edited,
        }
    }

    /// The command that makes the gold hold `take` over item `i`: what it
    /// holds there (agreed spans aside) replaced by the versions taken and
    /// their relations whose other end the gold holds ([`links`]), with
    /// new ids from `new_id` (for annotations and relations alike), made by
    /// `creator` at `at`. `None` when the gold holds exactly that already.
    pub fn decide(
        &self,
        i: usize,
        take: Take,
        (union, gold): (&Session, &Session),
        mut new_id: impl FnMut() -> String,
        creator: &str,
        at: &str,
    ) -> Option<Command> {
        let versions = self.versions(i, union);
        let wanted = match take {
            Take::Annotator(k) if k < self.annotators.len() => self.of_annotator(k, &versions),
            Take::Annotator(_) | Take::Neither => vec![false; versions.len()],
            Take::All => vec![true; versions.len()],
        };
        let held = self.held(i, &versions, gold);
        let mut present = vec![false; versions.len()];
        let exact = held.iter().all(|(_, same)| match same {
            Some(k) if !present[*k] => {
                present[*k] = true;
                true
            }
            _ => false,
        });
        if exact && present == wanted {
            return None;
        }
        let remove: Vec<AnnotationId> = held.iter().map(|(g, _)| g.id.clone()).collect();
        let taken: Vec<(&Annotation, AnnotationId)> = versions
            .iter()
            .zip(&wanted)
            .filter(|(_, &w)| w)
            .map(|(v, _)| (*v, AnnotationId::from(new_id().as_str())))
            .collect();
        let link = self.links_for(&taken, (union, gold), &remove, &mut new_id, at);
        let add = taken
            .iter()
            .map(|(v, id)| Annotation {
                id: id.clone(),
                created: at.to_owned(),
                modified: at.to_owned(),
                creator: creator.to_owned(),
                ..(*v).clone()
            })
            .collect();
        Some(match link.is_empty() {
            true => Command::Replace { remove, add },
            false => Command::Merge {
                put: add,
                remove,
                link,
                unlink: Vec::new(),
            },
        })
    }

    /// Each annotator's exact-span agreement with the gold as it is (A:
    /// the annotator, B: the gold; spans compared by start, end and tag).
    /// O(s (log n + k)).
    pub fn scores(&self, union: &Session, gold: &Session) -> Vec<Score> {
        let in_gold = |a: &Annotation| {
            gold.overlapping(a.range)
                .any(|g| g.range == a.range && g.tag == a.tag)
        };
        (0..self.annotators.len())
            .map(|k| {
                let name = &self.annotators[k];
                let (mut n, mut matched) = (0, 0);
                for a in union
                    .annotations()
                    .iter()
                    .filter(|a| a.adjudicated_from.contains(name))
                {
                    n += 1;
                    matched += usize::from(in_gold(a));
                }
                Score::new(matched, n, gold.annotations().len())
            })
            .collect()
    }
}
