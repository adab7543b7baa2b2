//! The store's part of adjudicating: the disagreements being walked
//! ([`Adjudicating`]) over the gold session, which is the open session.
//! Decisions are commands on the gold (so undo, redo, saving and export
//! are the session's own); what each disagreement holds is read back from
//! the gold after every change that touches it. Pure: part of the reducer.

use super::messages::adjudication as say;
use super::store::{Cursor, Notice, State};
use crate::keymap::Decision;
use crate::model::agreement::adjudicate::{Adjudication, Outcome, Take};
use crate::model::agreement::Score;
use crate::model::library::Records;
use crate::model::{Change, Effect, Session};
use std::rc::Rc;

/// What does not change while adjudicating: the disagreements and the
/// union of the annotators' spans they refer to.
#[derive(Debug)]
pub struct Plan {
    pub adjudication: Adjudication,
    pub union: Session,
}

/// The disagreements being adjudicated. Shared parts are behind `Rc`, so
/// the state's clone per action stays cheap.
#[derive(Clone, Debug)]
pub struct Adjudicating {
    pub plan: Rc<Plan>,
    /// The selected disagreement (an index of the items).
    pub current: usize,
    /// What the gold holds over each item, kept current after each change.
    pub outcomes: Rc<Vec<Outcome>>,
    /// Per item, decided for no span (the gold then holds nothing there,
    /// as over an open item).
    pub neither: Rc<Vec<bool>>,
    /// Each annotator's exact-span agreement with the gold.
    pub scores: Rc<Vec<Score>>,
}

impl PartialEq for Adjudicating {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.plan, &other.plan)
            && self.current == other.current
            && Rc::ptr_eq(&self.outcomes, &other.outcomes)
            && self.neither == other.neither
            && Rc::ptr_eq(&self.scores, &other.scores)
    }
}

impl Adjudicating {
    pub fn n_items(&self) -> usize {
        self.plan.adjudication.items.len()
    }

    /// Whether item `i` is decided: the gold holds something there, or it
    /// was decided for none.
    pub fn decided(&self, i: usize) -> bool {
        self.outcomes[i] != Outcome::Nothing || self.neither[i]
    }

    pub fn n_decided(&self) -> usize {
        (0..self.n_items()).filter(|&i| self.decided(i)).count()
    }

    /// The first undecided item after `i` (wrapping), if any.
    fn next_open(&self, i: usize) -> Option<usize> {
        let n = self.n_items();
        (1..=n).map(|k| (i + k) % n).find(|&k| !self.decided(k))
    }
}

/// A kept adjudication read back with its gold article: the plan and,
/// per item, whether it was decided for no span; or why it could not be
/// read (the gold is shown without it).
pub type Resume = Option<Result<(Rc<Plan>, Vec<bool>), String>>;

/// The adjudication kept in an article's `records`, to go on with.
/// O(size of the plan).
pub fn resume_from(records: &Records) -> Resume {
    let kept = records.adjudication()?;
    Some(
        kept.map(|(union, adjudication, neither)| {
            (
                Rc::new(Plan {
                    adjudication,
                    union,
                }),
                neither,
            )
        })
        .map_err(|e| e.to_string()),
    )
}

impl State {
    /// Start adjudicating: the gold (the agreed spans) becomes the open
    /// session, a new library article, and the first disagreement is
    /// selected.
    pub(super) fn start_adjudicating(&mut self, union: Session, adjudication: Adjudication) {
        let gold = adjudication.gold(&union, say::gold_title(&union.article().title));
        let (n, names) = (adjudication.items.len(), adjudication.annotators.clone());
        let mut said = say::started(n, &names);
        if adjudication.links_left_out > 0 {
            said.push_str(&say::links_left_out(adjudication.links_left_out));
        }
        self.replace(gold, said);
        self.agreement = None;
        let plan = Plan {
            adjudication,
            union,
        };
        self.adjudicate(Rc::new(plan), vec![false; n], Some(0));
    }

    /// Go on adjudicating the open gold after a reload or another visit
    /// (`resume` as read back with it): disagreement `was_on` is selected
    /// when given, else the first open one. What it says is added to the
    /// notice there is.
    pub(super) fn resume_adjudicating(&mut self, resume: Resume, was_on: Option<usize>) {
        let said = match resume {
            None => return,
            Some(Err(why)) => Notice::Error(say::not_resumed(&why)),
            Some(Ok((plan, neither))) => {
                self.adjudicate(plan, neither, was_on);
                let Some(adj) = &self.adjudicating else {
                    return;
                };
                Notice::Info(say::resumed(adj.n_decided(), adj.n_items()))
            }
        };
        self.notice = Some(match (self.notice.take(), said) {
            (None, said) => said,
            (Some(Notice::Error(a)), Notice::Info(b) | Notice::Error(b)) => {
                Notice::Error(format!("{a} {b}"))
            }
            (Some(Notice::Info(a)), Notice::Info(b)) => Notice::Info(format!("{a} {b}")),
            (Some(_), said) => said,
        });
    }

    /// Adjudicate `plan` over the open session, the gold: what each item
    /// holds is read from it; item `first` is selected, or the first open
    /// one when it is `None` or out of range.
    fn adjudicate(&mut self, plan: Rc<Plan>, neither: Vec<bool>, first: Option<usize>) {
        let (adjudication, union) = (&plan.adjudication, &plan.union);
        let gold = self.doc.session();
        let n = adjudication.items.len();
        let outcomes = (0..n)
            .map(|i| adjudication.status(i, union, &gold))
            .collect();
        let scores = adjudication.scores(union, &gold);
        drop(gold);
        let adj = Adjudicating {
            plan,
            current: 0,
            outcomes: Rc::new(outcomes),
            neither: Rc::new(neither),
            scores: Rc::new(scores),
        };
        // The first open one is the next open after the last.
        let open = || n.checked_sub(1).and_then(|last| adj.next_open(last));
        let first = first.filter(|&i| i < n).or_else(open).unwrap_or(0);
        self.adjudicating = Some(adj);
        if n > 0 {
            self.select_item(first);
        }
    }

    /// Select item `i`: the cursor goes to its start (the `adj-current`
    /// highlight shows its extent: writing a selection over a long
    /// article's text costs the browser tens of ms), and it is announced.
    pub(super) fn select_item(&mut self, i: usize) -> bool {
        let Some(adj) = self.adjudicating.as_mut() else {
            return false;
        };
        let Some(item) = adj.plan.adjudication.items.get(i) else {
            return false;
        };
        adj.current = i;
        let start = item.range().start();
        let said = say::item(adj, i, &self.doc.session());
        self.move_cursor(Cursor::at(start));
        self.announcement = said;
        true
    }

    /// N and Shift+N: the next or previous disagreement (wrapping).
    pub(super) fn walk(&mut self, next: bool) -> bool {
        let Some(adj) = &self.adjudicating else {
            self.notice = Some(Notice::Info(say::NOT_ADJUDICATING.into()));
            return true;
        };
        let n = adj.n_items();
        if n == 0 {
            self.announcement = say::NONE_LEFT.into();
            return true;
        }
        let i = if next {
            (adj.current + 1) % n
        } else {
            (adj.current + n - 1) % n
        };
        self.select_item(i)
    }

    /// Decide the selected disagreement as `decision` (stamped `at`), then
    /// select the next undecided. New annotations and relations are named
    /// by the undo step that adds them (`gold-<step>-<k>`: unique in the
    /// session).
    pub(super) fn decide(&mut self, decision: Decision, at: &str) -> bool {
        let Some(adj) = self.adjudicating.clone() else {
            self.notice = Some(Notice::Info(say::NOT_ADJUDICATING.into()));
            return true;
        };
        let (i, plan) = (adj.current, &adj.plan);
        if i >= adj.n_items() {
            self.announcement = say::NONE_LEFT.into();
            return true;
        }
        let take = match decision {
            Decision::Annotator(k) if k >= plan.adjudication.annotators.len() => {
                let n = plan.adjudication.annotators.len();
                self.notice = Some(Notice::Info(say::no_annotator(k, n)));
                return true;
            }
            Decision::Annotator(k) => Take::Annotator(k),
            Decision::All => Take::All,
            Decision::Neither => Take::Neither,
        };
        let (step, mut k) = (self.doc.session().next_step(), 0);
        let ids = || {
            k += 1;
            format!("gold-{step}-{k}")
        };
        let command = {
            let gold = self.doc.session();
            let pair = (&plan.union, &*gold);
            plan.adjudication
                .decide(i, take, pair, ids, &self.annotator, at)
        };
        if let Some(command) = command {
            let before = self.doc.session().revision();
            self.command(command);
            if self.doc.session().revision() == before {
                return true; // refused: the notice says why
            }
        }
        self.mark_neither(i, take == Take::Neither);
        let said = say::decided(self.adjudicating.as_ref().expect("still adjudicating"), i);
        let next = self.adjudicating.as_ref().and_then(|a| a.next_open(i));
        match next {
            Some(j) => {
                self.select_item(j);
                self.announcement = format!("{said} {}", self.announcement);
            }
            None => self.announcement = format!("{said} {}", say::ALL_DECIDED),
        }
        true
    }

    fn mark_neither(&mut self, i: usize, on: bool) {
        if let Some(adj) = self.adjudicating.as_mut() {
            if adj.neither[i] != on {
                Rc::make_mut(&mut adj.neither)[i] = on;
            }
        }
    }

    /// After a change of the gold: read back what the items it touched
    /// hold, and the annotators' agreement with the gold.
    pub(super) fn refresh_adjudication(&mut self, change: &Change) {
        let Some(adj) = self.adjudicating.as_mut() else {
            return;
        };
        let plan = adj.plan.clone();
        let gold = self.doc.session();
        let mut touched: Vec<usize> = Vec::new();
        for e in change.effects() {
            let ranges = match e {
                Effect::Updated { before, after } => vec![before.range, after.range],
                _ => e.annotation().map(|a| a.range).into_iter().collect(),
            };
            for r in ranges {
                touched.extend(plan.adjudication.items_over(r));
            }
        }
        touched.sort_unstable();
        touched.dedup();
        if touched.is_empty() {
            return;
        }
        let outcomes = Rc::make_mut(&mut adj.outcomes);
        for i in touched {
            outcomes[i] = plan.adjudication.status(i, &plan.union, &gold);
        }
        adj.scores = Rc::new(plan.adjudication.scores(&plan.union, &gold));
    }
}
