//! Which leaves are the article: Readability-style scoring of containers by
//! the paragraphs inside them.

use super::walk::{Leaf, Walk};
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

fn chars(s: &str) -> usize {
    s.split_whitespace().map(|w| w.chars().count() + 1).sum()
}

fn link_density(l: &Leaf) -> f64 {
    l.link_chars as f64 / chars(&l.text).max(1) as f64
}

fn boilerplate(l: &Leaf) -> bool {
    let t = l.text.to_lowercase();
    chars(&t) < 200 && BOILERPLATE.iter().any(|b| t.contains(b))
}

/// For each leaf of `walk`, whether it belongs to the article. All false when
/// no container holds enough prose to be an article.
pub fn main_blocks(walk: &Walk) -> Vec<bool> {
    let leaves = &walk.leaves;
    let mut score = vec![0.0_f64; walk.weights.len()];
    for l in leaves {
        let n = chars(&l.text);
        let prose = matches!(
            l.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::Pre | BlockKind::Item
        );
        if l.clutter || !prose || n < 25 || link_density(l) > 0.5 {
            continue;
        }
        let commas = l.text.matches([',', '،', '，', '、']).count() as f64;
        let s = 1.0 + commas + (n as f64 / 100.0).min(3.0);
        for (depth, id) in l.path.iter().rev().take(3).enumerate() {
            score[*id] += s / (depth + 1) as f64;
        }
    }
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
    let Some(top) = top.filter(|t| score[*t] >= 8.0 || Some(*t) == walk.article_body) else {
        return vec![false; leaves.len()];
    };
    // Siblings of the top container that score well belong to the article too
    // (articles split into several sections or live-blog entries).
    let parent_of = |id: usize| {
        leaves.iter().find_map(|l| {
            l.path
                .iter()
                .position(|p| *p == id)
                .filter(|i| *i > 0)
                .map(|i| l.path[i - 1])
        })
    };
    let threshold = (score[top] * 0.2).max(10.0);
    // A set: every leaf names its container, and a list with one entry per
    // leaf made the membership test below quadratic (minutes on a 45 MB page).
    let region: std::collections::BTreeSet<usize> = match parent_of(top) {
        Some(parent) => leaves
            .iter()
            .filter_map(|l| {
                let i = l.path.iter().position(|p| *p == parent)?;
                l.path.get(i + 1).copied()
            })
            .filter(|c| *c == top || score[*c] >= threshold)
            .collect(),
        None => [top].into(),
    };
    let mut main: Vec<bool> = leaves
        .iter()
        .map(|l| {
            l.path.iter().any(|p| region.contains(p))
                && !l.clutter
                && !boilerplate(l)
                && link_density(l) <= 0.5
        })
        .collect();
    // The byline and date lines just before the article, and its headline.
    if let Some(first) = main.iter().position(|m| *m) {
        for i in first.saturating_sub(4)..first {
            let l = &leaves[i];
            if !l.clutter
                && (l.dateline || matches!(l.kind, BlockKind::Heading(1)))
                && chars(&l.text) < 200
            {
                main[i] = true;
            }
        }
    }
    main
}
