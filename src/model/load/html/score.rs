//! Which leaves are the article: Readability-style scoring of containers by
//! the paragraphs inside them.

use super::walk::{Leaf, Walk};
use crate::model::case::Lowercase;
use crate::model::BlockKind;

/// Short paragraphs that are page furniture wherever they appear.
const BOILERPLATE: &[&str] = &[
    "subscribe",
    "sign up",
    "newsletter",
    "ctrl+enter",
    "ctrl + enter",
    "share this",
    "share on",
    "follow us",
    "all rights reserved",
    "cookie",
    "read more",
    "related:",
    "advertisement",
    "comments are",
    "comment policy",
    "leave a comment",
    "click here",
];

fn boilerplate(l: &Leaf) -> bool {
    l.chars < 200 && {
        let t = l.text.lowercase();
        BOILERPLATE.iter().any(|b| t.contains(b))
    }
}

/// Scoring in steps of a few leaves, so that a very large page can be
/// scored between other work ([`Scorer::step`]).
pub struct Scorer {
    /// Score of each element by id.
    score: Vec<f64>,
    /// The next leaf to look at in this stage.
    next: usize,
    /// Once scores are summed: which elements hold the article, and the
    /// verdict for each leaf so far.
    marking: Option<(Vec<bool>, Vec<bool>)>,
}

impl Scorer {
    pub fn new(walk: &Walk) -> Self {
        Self {
            score: vec![0.0; walk.weights.len()],
            next: 0,
            marking: None,
        }
    }

    /// Look at up to `n` more leaves of `walk`. Once all are judged: for
    /// each leaf, whether it belongs to the article (all false when no
    /// container holds enough prose to be an article).
    pub fn step(&mut self, walk: &Walk, n: usize) -> Option<Vec<bool>> {
        let leaves = &walk.leaves;
        let end = self.next.saturating_add(n).min(leaves.len());
        let range = self.next..end;
        self.next = end;
        let Some((region, main)) = &mut self.marking else {
            for l in &leaves[range] {
                self.add(l);
            }
            if end < leaves.len() {
                return None;
            }
            match self.region(walk) {
                Some(region) => {
                    self.marking = Some((region, Vec::with_capacity(leaves.len())));
                    self.next = 0;
                    return None;
                }
                None => return Some(vec![false; leaves.len()]),
            }
        };
        main.extend(leaves[range].iter().map(|l| {
            l.path.iter().any(|p| region[*p])
                && !l.clutter
                && !boilerplate(l)
                && l.link_density() <= 0.5
        }));
        if end < leaves.len() {
            return None;
        }
        let mut main = std::mem::take(main);
        // The byline and date lines, headline and lead image just before the
        // article.
        if let Some(first) = main.iter().position(|m| *m) {
            for i in first.saturating_sub(4)..first {
                let l = &leaves[i];
                if !l.clutter
                    && (l.dateline || l.image || matches!(l.kind, BlockKind::Heading(1)))
                    && l.chars < 200
                {
                    main[i] = true;
                }
            }
        }
        Some(main)
    }

    /// Add a leaf's score to its three nearest containers, if it is prose.
    fn add(&mut self, l: &Leaf) {
        let n = l.chars;
        let prose = matches!(
            l.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Pre | BlockKind::Item
        );
        if l.clutter || !prose || n < 25 || l.link_density() > 0.5 {
            return;
        }
        let mut commas = l.text.matches(',').count();
        if !l.text.is_ascii() {
            commas += l.text.matches(['،', '，', '、']).count();
        }
        let s = 1.0 + commas as f64 + (n as f64 / 100.0).min(3.0);
        for (depth, id) in l.path.iter().rev().take(3).enumerate() {
            self.score[*id] += s / (depth + 1) as f64;
        }
    }

    /// By element id: whether it is a container of the article; `None` when
    /// no container scores enough.
    fn region(&mut self, walk: &Walk) -> Option<Vec<bool>> {
        let (leaves, score) = (&walk.leaves, &mut self.score);
        for (id, w) in walk.weights.iter().enumerate() {
            if score[id] > 0.0 {
                score[id] = (score[id] + f64::from(*w)).max(0.0);
            }
        }
        let top = walk.article_body.or_else(|| {
            (0..score.len())
                .filter(|id| score[*id] > 0.0)
                .max_by(|a, b| score[*a].total_cmp(&score[*b]))
        });
        let top = top.filter(|t| score[*t] >= 8.0 || Some(*t) == walk.article_body)?;
        // Siblings of the top container that score well belong to the
        // article too (articles split into sections or live-blog entries).
        let parent = leaves.iter().find_map(|l| {
            let i = l.path.iter().position(|p| *p == top)?;
            i.checked_sub(1).map(|i| l.path[i])
        });
        let threshold = (score[top] * 0.2).max(10.0);
        // A flag per element: a list of containers, one per leaf, made the
        // membership test quadratic (minutes on a 45 MB page).
        let mut region = vec![false; walk.weights.len()];
        match parent {
            Some(parent) => {
                for l in leaves {
                    let Some(i) = l.path.iter().position(|p| *p == parent) else {
                        continue;
                    };
                    if let Some(c) = l.path.get(i + 1) {
                        region[*c] |= *c == top || score[*c] >= threshold;
                    }
                }
            }
            None => region[top] = true,
        }
        Some(region)
    }
}
