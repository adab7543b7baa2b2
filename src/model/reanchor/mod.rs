//! Carrying annotations from one version of an article's text to the next,
//! never to the wrong place.
//!
//! Each span is placed in turn by:
//! 1. the diff of the two texts ([`align`]): the code points of the quote
//!    mapped to where they went; kept when the text there is the quote
//!    ([`Anchoring::Exact`]) or close to it ([`Anchoring::Fuzzy`]);
//! 2. else the unchanged quote found elsewhere, with its context
//!    ([`matcher::find_exact`], [`Anchoring::Moved`]);
//! 3. else the changed quote found next to its context
//!    ([`matcher::find_fuzzy`], [`Anchoring::Fuzzy`]);
//! 4. else [`Anchoring::Orphaned`]: the caller keeps the old quote and
//!    context so the user can re-attach it.
//!
//! Every rule refuses what it is not sure of: an orphan can be re-attached,
//! a wrong anchor is a silent error in someone's data.

mod align;
mod carried;
mod matcher;

pub use carried::{carry, Carried, Orphan, Summary};

use super::{CharOffset, Text, TextRange};
use crate::model::selector::{TextQuoteSelector, CONTEXT_CHARS};
use align::Alignment;
use matcher::{
    find_exact, find_fuzzy, similarity, Exact, Quote, MIN_CONTEXT_IN_PLACE, MIN_SIMILARITY,
};

/// How a span was carried to the new text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchoring {
    /// The quote is unchanged where the diff put it (its offsets may
    /// differ: text before it changed).
    Exact,
    /// The quote is unchanged but found elsewhere (its paragraph moved, or
    /// the text around it was rewritten).
    Moved,
    /// The quote changed; `similarity` in per mille (1000 − 1000 · edit
    /// distance / the old quote's length), at least 900.
    Fuzzy { similarity: u16 },
    /// Not placed.
    Orphaned,
}

/// Where a span went: `range` is `None` exactly when orphaned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub range: Option<TextRange>,
    pub anchoring: Anchoring,
}

impl Placement {
    const ORPHAN: Self = Self {
        range: None,
        anchoring: Anchoring::Orphaned,
    };

    fn at(range: std::ops::Range<usize>, anchoring: Anchoring) -> Self {
        let r = TextRange::new(CharOffset::new(range.start), CharOffset::new(range.end));
        Self {
            range: Some(r.expect("start <= end")),
            anchoring,
        }
    }
}

fn per_mille(similarity: f64) -> u16 {
    (similarity * 1000.0).floor() as u16
}

/// An old text aligned with a new one, ready to place spans of the old.
pub struct Carrier {
    old: Vec<char>,
    new: Vec<char>,
    alignment: Alignment,
}

impl Carrier {
    /// Align `old` with `new`. Cost: the diff (see [`align`]); memory:
    /// 4 bytes per code point of each text plus the runs.
    pub fn new(old: &Text, new: &Text) -> Self {
        let (old, new): (Vec<char>, Vec<char>) = (
            old.as_str().chars().collect(),
            new.as_str().chars().collect(),
        );
        let alignment = Alignment::new(&old, &new);
        Self {
            old,
            new,
            alignment,
        }
    }

    /// Where `range` of the old text goes in the new one. An empty or
    /// out-of-bounds range is orphaned. Cost: O(log n) when the diff
    /// carries it; O(n) or O(n + m²) when a quote must be searched for.
    pub fn place(&self, range: TextRange) -> Placement {
        let (s, e) = (range.start().get(), range.end().get());
        if s >= e || e > self.old.len() {
            return Placement::ORPHAN;
        }
        let quote = Quote {
            exact: &self.old[s..e],
            prefix: &self.old[s.saturating_sub(CONTEXT_CHARS)..s],
            suffix: &self.old[e..(e + CONTEXT_CHARS).min(self.old.len())],
        };
        let mapped = self.alignment.map_start(s)..self.alignment.map_end(e);
        let mapped = (mapped.start < mapped.end).then(|| quote.snap(&self.new, mapped));
        let Some(m) = mapped else {
            return place_quote(&self.new, &quote, &[]);
        };
        // Where the diff paired words of two different sentences, a short
        // quote may sit on the same word in another sentence: its context
        // must agree too.
        if quote.exact == &self.new[m.clone()]
            && quote.sure_at(&self.new, &m, quote.context_agreement(&self.new, &m))
        {
            return Placement::at(m, Anchoring::Exact);
        }
        let sim = similarity(quote.exact, &self.new[m.clone()]);
        // The unchanged quote elsewhere beats a changed one here: the diff
        // may have paired a moved paragraph with a lookalike.
        match find_exact(&self.new, &quote) {
            Exact::At(r) => Placement::at(r, Anchoring::Moved),
            Exact::Unsure => Placement::ORPHAN,
            Exact::Absent
                if sim >= MIN_SIMILARITY
                    && quote.context_agreement(&self.new, &m) >= MIN_CONTEXT_IN_PLACE =>
            {
                Placement::at(
                    m,
                    Anchoring::Fuzzy {
                        similarity: per_mille(sim),
                    },
                )
            }
            Exact::Absent => fuzzy(&self.new, &quote, &[m]),
        }
    }
}

/// A text ready to place quotes that come without their old text
/// (annotations from another tool): steps 2–4 of the module's rules.
pub struct QuoteFinder {
    text: Vec<char>,
}

impl QuoteFinder {
    /// O(n); 4 bytes per code point.
    pub fn new(text: &Text) -> Self {
        Self {
            text: text.as_str().chars().collect(),
        }
    }

    /// Where `quote` goes; `hint`: where the file says it was. Cost: O(n)
    /// for the unchanged quote, plus O(m²) per fuzzy candidate.
    pub fn place(&self, quote: &TextQuoteSelector, hint: Option<TextRange>) -> Placement {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let (exact, prefix, suffix) = (
            chars(&quote.exact),
            chars(&quote.prefix),
            chars(&quote.suffix),
        );
        if exact.is_empty() {
            return Placement::ORPHAN;
        }
        let q = Quote {
            exact: &exact,
            prefix: &prefix,
            suffix: &suffix,
        };
        let hints: Vec<_> = hint
            .filter(|h| h.end().get() <= self.text.len())
            .map(|h| h.start().get()..h.end().get())
            .into_iter()
            .collect();
        place_quote(&self.text, &q, &hints)
    }
}

/// Place a quote without the diff: steps 2–4 of the module's rules.
fn place_quote(text: &[char], quote: &Quote, hints: &[std::ops::Range<usize>]) -> Placement {
    match find_exact(text, quote) {
        Exact::At(r) => Placement::at(r, Anchoring::Moved),
        Exact::Unsure => Placement::ORPHAN,
        Exact::Absent => fuzzy(text, quote, hints),
    }
}

/// Step 3: the changed quote next to its context.
fn fuzzy(text: &[char], quote: &Quote, hints: &[std::ops::Range<usize>]) -> Placement {
    match find_fuzzy(text, quote, hints) {
        Some((r, sim)) => Placement::at(
            r,
            Anchoring::Fuzzy {
                similarity: per_mille(sim),
            },
        ),
        None => Placement::ORPHAN,
    }
}
