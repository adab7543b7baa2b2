//! A generated suite of edits between two versions of real articles, each
//! with the right answer: where a chosen quote must land in the new
//! version, or that it must be orphaned. Shared by the suite's test
//! (tests/reanchor_suite.rs) and the benchmark (examples/reanchor_bench.rs).
//!
//! Articles: the extracted texts of the HTML corpus and the sample
//! article. Quotes: 1 to 15 words inside a paragraph, starting and ending
//! on word boundaries. All offsets are code points.

#![allow(dead_code)]

use std::ops::Range;

/// The kinds of edit, in report order.
pub const KINDS: [Kind; 10] = [
    Kind::TypoOutside,
    Kind::SentenceInserted,
    Kind::SentenceDeleted,
    Kind::ParagraphMoved,
    Kind::QuoteDuplicated,
    Kind::TypoInside,
    Kind::Punctuation,
    Kind::Reworded,
    Kind::QuoteRemoved,
    Kind::SentenceReplaced,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    TypoOutside,
    SentenceInserted,
    SentenceDeleted,
    ParagraphMoved,
    QuoteDuplicated,
    TypoInside,
    Punctuation,
    Reworded,
    QuoteRemoved,
    /// The quote's sentence replaced by another sentence of the article
    /// that holds the same words elsewhere in it: a lookalike to refuse.
    SentenceReplaced,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::TypoOutside => "typo fixed outside the quote",
            Kind::SentenceInserted => "sentence inserted",
            Kind::SentenceDeleted => "sentence deleted",
            Kind::ParagraphMoved => "paragraph moved",
            Kind::QuoteDuplicated => "quote duplicated elsewhere",
            Kind::TypoInside => "typo fixed inside the quote",
            Kind::Punctuation => "white space and punctuation",
            Kind::Reworded => "quote lightly reworded",
            Kind::QuoteRemoved => "quote removed",
            Kind::SentenceReplaced => "sentence replaced (lookalike)",
        }
    }

    /// The quote's own text is unchanged by this kind of edit.
    pub fn keeps_quote(self) -> bool {
        matches!(
            self,
            Kind::TypoOutside
                | Kind::SentenceInserted
                | Kind::SentenceDeleted
                | Kind::ParagraphMoved
                | Kind::QuoteDuplicated
        )
    }
}

/// One case: the quote at `old_range` of `old` must land at `want` in `new`.
pub struct Case {
    pub kind: Kind,
    pub old: String,
    pub old_range: Range<usize>,
    pub new: String,
    /// `None`: the quote is gone and must be orphaned.
    pub want: Option<Range<usize>>,
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// The articles: every `tests/data/corpus/*.expected.txt` and the sample.
pub fn articles() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.txt"))
        .collect();
    paths.sort();
    let mut out: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("text"))
        .collect();
    out.push(
        annotator::model::sample::sample_article()
            .text
            .as_str()
            .to_owned(),
    );
    out
}

/// `per_article` cases of each kind for each article, from `seed`.
pub fn suite(seed: u64, per_article: usize) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    let mut cases = Vec::new();
    for text in articles() {
        let chars: Vec<char> = text.chars().collect();
        for kind in KINDS {
            let mut made = 0;
            for _ in 0..per_article * 20 {
                if made == per_article {
                    break;
                }
                let Some(q) = pick_quote(&chars, &mut rng, kind) else {
                    continue;
                };
                if let Some(case) = edit(&chars, q, kind, &mut rng) {
                    cases.push(case);
                    made += 1;
                }
            }
        }
    }
    cases
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Paragraphs (lines) of `t` as ranges without their line break.
fn paragraphs(t: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 0..=t.len() {
        if i == t.len() || t[i] == '\n' {
            if i > from {
                out.push(from..i);
            }
            from = i + 1;
        }
    }
    out
}

/// Word ranges inside `within`.
fn words(t: &[char], within: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in within {
        if !is_word(t[i]) {
            continue;
        }
        match out.last_mut() {
            Some(w) if w.end == i => w.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// A quote of 1–15 words in one paragraph (longer ones for edits that
/// change it, so a change stays within 10 % of it).
fn pick_quote(t: &[char], rng: &mut Rng, kind: Kind) -> Option<Range<usize>> {
    let paras = paragraphs(t);
    let p = paras[rng.below(paras.len())].clone();
    let w = words(t, p);
    let min_words = if matches!(kind, Kind::TypoInside | Kind::Punctuation | Kind::Reworded) {
        8
    } else {
        1
    };
    if w.len() < min_words {
        return None;
    }
    let n = min_words + rng.below(16 - min_words).min(w.len() - min_words);
    let first = rng.below(w.len() - n + 1);
    Some(w[first].start..w[first + n - 1].end)
}

fn string(t: &[char]) -> String {
    t.iter().collect()
}

/// Replace `at` of `t` by `with`; returns the new text.
fn splice(t: &[char], at: Range<usize>, with: &str) -> Vec<char> {
    let mut out = t[..at.start].to_vec();
    out.extend(with.chars());
    out.extend_from_slice(&t[at.end..]);
    out
}

/// Shift `r` for a splice of `at` by `len` code points, when `at` is wholly
/// before or after it.
fn shifted(r: &Range<usize>, at: &Range<usize>, len: usize) -> Range<usize> {
    if at.end <= r.start {
        r.start + len - at.len()..r.end + len - at.len()
    } else {
        r.clone()
    }
}

fn case(
    kind: Kind,
    t: &[char],
    q: Range<usize>,
    new: Vec<char>,
    want: Option<Range<usize>>,
) -> Case {
    Case {
        kind,
        old: string(t),
        old_range: q,
        new: string(&new),
        want,
    }
}

/// Sentence ends (after ". ", "! ", "? ") in `within`, as positions where a
/// sentence starts.
fn sentence_starts(t: &[char], within: Range<usize>) -> Vec<usize> {
    let mut out = vec![within.start];
    for i in within.start + 2..within.end {
        if t[i - 1] == ' ' && matches!(t[i - 2], '.' | '!' | '?' | '”' | '"') {
            out.push(i);
        }
    }
    out
}

fn edit(t: &[char], q: Range<usize>, kind: Kind, rng: &mut Rng) -> Option<Case> {
    let inserted = "In a statement issued later, officials declined to comment further. ";
    match kind {
        Kind::TypoOutside => {
            let all = words(t, 0..t.len());
            let outside: Vec<_> = all
                .iter()
                .filter(|w| w.len() >= 3 && (w.end < q.start || w.start > q.end))
                .collect();
            let w = (*outside.get(rng.below(outside.len()))?).clone();
            let fixed = typo(&t[w.clone()], rng);
            let len = fixed.chars().count();
            let want = shifted(&q, &w, len);
            Some(case(kind, t, q, splice(t, w, &fixed), Some(want)))
        }
        Kind::SentenceInserted => {
            let starts: Vec<usize> = paragraphs(t)
                .into_iter()
                .flat_map(|p| sentence_starts(t, p))
                .filter(|&s| s <= q.start || s >= q.end)
                .collect();
            let at = *starts.get(rng.below(starts.len()))?;
            let want = shifted(&q, &(at..at), inserted.chars().count());
            Some(case(kind, t, q, splice(t, at..at, inserted), Some(want)))
        }
        Kind::SentenceDeleted => {
            let mut spans = Vec::new();
            for p in paragraphs(t) {
                let s = sentence_starts(t, p.clone());
                for (i, &a) in s.iter().enumerate() {
                    let b = s.get(i + 1).copied().unwrap_or(p.end);
                    if b <= q.start || a >= q.end {
                        spans.push(a..b);
                    }
                }
            }
            let at = spans.get(rng.below(spans.len()))?.clone();
            let want = shifted(&q, &at, 0);
            Some(case(kind, t, q, splice(t, at, ""), Some(want)))
        }
        Kind::ParagraphMoved => moved_paragraph(t, q, rng),
        Kind::QuoteDuplicated => {
            let paras = paragraphs(t);
            let p = paras[rng.below(paras.len())].clone();
            let copy = format!(" As one reader put it, “{}”.", string(&t[q.clone()]));
            let at = p.end;
            let want = shifted(&q, &(at..at), copy.chars().count());
            Some(case(kind, t, q, splice(t, at..at, &copy), Some(want)))
        }
        Kind::TypoInside => {
            let inside: Vec<_> = words(t, q.clone())
                .into_iter()
                .filter(|w| w.len() >= 3)
                .collect();
            let w = inside.get(rng.below(inside.len()))?.clone();
            let fixed = typo(&t[w.clone()], rng);
            within_quote(kind, t, q, w, &fixed)
        }
        Kind::Punctuation => {
            let spaces: Vec<usize> = (q.start..q.end).filter(|&i| t[i] == ' ').collect();
            let at = *spaces.get(rng.below(spaces.len()))?;
            let with = ["  ", ", ", " – ", " "][rng.below(3)];
            within_quote(kind, t, q, at..at + 1, with)
        }
        Kind::Reworded => {
            let inside: Vec<_> = words(t, q.clone())
                .into_iter()
                .filter(|w| (2..=5).contains(&w.len()))
                .collect();
            let w = inside.get(rng.below(inside.len()))?.clone();
            let synonym = [
                "this", "that", "some", "many", "made", "said", "told", "just",
            ][rng.below(8)];
            within_quote(kind, t, q, w, synonym)
        }
        Kind::SentenceReplaced => replaced_sentence(t, q, rng),
        Kind::QuoteRemoved => {
            let p = paragraphs(t)
                .into_iter()
                .find(|p| p.start <= q.start && q.end <= p.end)?;
            let s = sentence_starts(t, p.clone());
            let a = *s.iter().rev().find(|&&a| a <= q.start)?;
            let b = s.iter().copied().find(|&b| b >= q.end).unwrap_or(p.end);
            let new = splice(t, a..b, "");
            // Still there elsewhere: not a removal.
            let quote = string(&t[q.clone()]);
            (!string(&new).contains(&quote)).then(|| case(kind, t, q, new, None))
        }
    }
}

/// An edit of `at` (inside the quote) to `with`; refused when it changes
/// more than 10 % of the quote's code points.
fn within_quote(
    kind: Kind,
    t: &[char],
    q: Range<usize>,
    at: Range<usize>,
    with: &str,
) -> Option<Case> {
    let len = with.chars().count();
    let changed = at.len().max(len);
    if string(&t[at.clone()]) == with || changed * 10 > q.len() {
        return None;
    }
    let want = q.start..q.end + len - at.len();
    Some(case(kind, t, q, splice(t, at, with), Some(want)))
}

/// `word` with one letter doubled, dropped or two swapped.
fn typo(word: &[char], rng: &mut Rng) -> String {
    let mut w = word.to_vec();
    let i = 1 + rng.below(w.len() - 2);
    match rng.below(3) {
        0 => w.insert(i, w[i]),
        1 => {
            w.remove(i);
        }
        _ => w.swap(i, i + 1),
    }
    if w == word {
        w.insert(i, 'x');
    }
    string(&w)
}

/// The sentences of `t`, as ranges.
fn sentences(t: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs(t) {
        let s = sentence_starts(t, p.clone());
        for (i, &a) in s.iter().enumerate() {
            out.push(a..s.get(i + 1).copied().unwrap_or(p.end));
        }
    }
    out
}

/// Replace the quote's sentence by a made-up one that holds the quote's
/// words among others. For a short quote (under 24 code points) nothing
/// says the new words are the ones annotated: it must be orphaned. (A long
/// quote found again word for word is placed: not a case here.)
fn replaced_sentence(t: &[char], q: Range<usize>, rng: &mut Rng) -> Option<Case> {
    if q.len() >= 24 {
        return None;
    }
    let all = sentences(t);
    let own = all
        .iter()
        .find(|s| s.start <= q.start && q.end <= s.end)?
        .clone();
    let quote = string(&t[q.clone()]);
    let filler = [
        "Officials later",
        "In the end",
        "Nobody knows why",
        "A spokesperson",
    ][rng.below(4)];
    let with = format!("{filler} mentioned {quote} without details. ");
    let new = splice(t, own, &with);
    let elsewhere = string(&new).matches(&quote).count();
    (elsewhere == 1).then(|| case(Kind::SentenceReplaced, t, q, new, None))
}

/// Move the quote's paragraph after another one.
fn moved_paragraph(t: &[char], q: Range<usize>, rng: &mut Rng) -> Option<Case> {
    let paras = paragraphs(t);
    if paras.len() < 3 {
        return None;
    }
    let from = paras
        .iter()
        .position(|p| p.start <= q.start && q.end <= p.end)?;
    let to = rng.below(paras.len());
    if to == from || to + 1 == from {
        return None;
    }
    let mut order: Vec<usize> = (0..paras.len()).filter(|&i| i != from).collect();
    let after = order.iter().position(|&i| i == to)? + 1;
    order.insert(after, from);
    let mut new = Vec::new();
    let mut want = None;
    for (k, &i) in order.iter().enumerate() {
        if k > 0 {
            new.push('\n');
        }
        if i == from {
            let at = new.len();
            want = Some(at + q.start - paras[i].start..at + q.end - paras[i].start);
        }
        new.extend_from_slice(&t[paras[i].clone()]);
    }
    Some(case(Kind::ParagraphMoved, t, q, new, want))
}

/// Outcomes per kind: (correct, orphaned, wrongly placed), in [`KINDS`]
/// order, and a description of each wrong placement.
pub struct Tally {
    pub counts: [(usize, usize, usize); 10],
    pub wrong: Vec<String>,
    /// Orphans of quotes whose text did not change.
    pub lost: Vec<String>,
}

/// Carry every case and count the outcomes.
pub fn evaluate(cases: &[Case]) -> Tally {
    use annotator::model::reanchor::Carrier;
    use annotator::model::{CharOffset, Text, TextRange};
    let mut tally = Tally {
        counts: [(0, 0, 0); 10],
        wrong: Vec::new(),
        lost: Vec::new(),
    };
    for c in cases {
        let (old, new) = (Text::new(c.old.clone()), Text::new(c.new.clone()));
        let range = TextRange::new(
            CharOffset::new(c.old_range.start),
            CharOffset::new(c.old_range.end),
        )
        .expect("ordered");
        let got = Carrier::new(&old, &new)
            .place(range)
            .range
            .map(|r| r.start().get()..r.end().get());
        let k = KINDS.iter().position(|k| *k == c.kind).expect("listed");
        let slot = &mut tally.counts[k];
        match (&got, &c.want) {
            (g, w) if g == w => slot.0 += 1,
            (None, _) => {
                slot.1 += 1;
                if c.kind.keeps_quote() {
                    let old: Vec<char> = c.old.chars().collect();
                    let r = c.old_range.clone();
                    let before = string(&old[r.start.saturating_sub(20)..r.start]);
                    let after = string(&old[r.end..(r.end + 20).min(old.len())]);
                    tally.lost.push(format!(
                        "{}: {before:?} [{}] {after:?}",
                        c.kind.name(),
                        string(&old[r])
                    ));
                }
            }
            (Some(g), w) => {
                slot.2 += 1;
                let new: Vec<char> = c.new.chars().collect();
                let old: Vec<char> = c.old.chars().collect();
                tally.wrong.push(format!(
                    "{}: {:?} ({:?}) placed at {g:?} {:?}, want {w:?}",
                    c.kind.name(),
                    c.old_range,
                    string(&old[c.old_range.clone()]),
                    string(&new[g.clone()]),
                ));
            }
        }
    }
    tally
}
