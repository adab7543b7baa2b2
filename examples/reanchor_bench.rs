//! Re-anchoring benchmark, native (`scripts/bench` runs it):
//!
//! 1. a generated suite of edits on real articles (tests/support/edits.rs):
//!    per kind of edit, how many quotes were placed right, orphaned, or
//!    placed wrong;
//! 2. carrying 10,000 annotations on a large article of two shapes (lines
//!    of paragraphs; one giant paragraph), edited in several places at
//!    once: the time to carry them all (diff included) and the outcomes.
//!
//!     cargo run --release --example reanchor_bench [SEEDS] [PER_ARTICLE] [BYTES]

#[path = "../tests/support/edits.rs"]
mod edits;

use annotator::model::reanchor::{Anchoring, Carrier};
use annotator::model::{CharOffset, Text, TextRange};
use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let seeds = args.next().unwrap_or(10);
    let per_article = args.next().unwrap_or(8);
    let bytes = args.next().unwrap_or(1_000_000);
    suite(seeds, per_article);
    for giant in [false, true] {
        large(bytes, 10_000, giant);
    }
}

fn suite(seeds: usize, per_article: usize) {
    let cases: Vec<_> = (0..seeds as u64)
        .flat_map(|s| edits::suite(s + 1, per_article))
        .collect();
    let t = Instant::now();
    let tally = edits::evaluate(&cases);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "re-anchoring: {} cases over {} articles, {seeds} seeds",
        cases.len(),
        edits::articles().len()
    );
    println!(
        "{:<30} {:>8} {:>9} {:>9} {:>7}",
        "edit", "correct", "orphaned", "WRONG", "% right"
    );
    let mut sums = (0, 0, 0);
    for (kind, (c, o, w)) in edits::KINDS.iter().zip(tally.counts) {
        let pct = 100.0 * c as f64 / (c + o + w).max(1) as f64;
        println!("{:<30} {c:>8} {o:>9} {w:>9} {pct:>6.1}%", kind.name());
        sums = (sums.0 + c, sums.1 + o, sums.2 + w);
    }
    println!("{:<30} {:>8} {:>9} {:>9}", "all", sums.0, sums.1, sums.2);
    println!(
        "time per case (diff + placement): {:.3} ms",
        ms / cases.len() as f64
    );
    for w in tally.lost.iter().take(10) {
        println!("  orphaned: {w}");
    }
    for w in tally.wrong.iter().take(20) {
        println!("  wrong: {w}");
    }
}

/// An article of about `bytes` from the corpus, its paragraphs numbered
/// (so no two are equal); with `giant`, one paragraph without line breaks.
fn article(bytes: usize, giant: bool) -> String {
    let paragraphs: Vec<String> = edits::articles()
        .iter()
        .flat_map(|a| {
            a.lines()
                .filter(|l| l.len() > 40)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::new();
    let mut k = 0;
    while out.len() < bytes {
        out.push_str(&format!("§{k} {}", paragraphs[k % paragraphs.len()]));
        out.push(if giant { ' ' } else { '\n' });
        k += 1;
    }
    out
}

fn large(bytes: usize, n: usize, giant: bool) {
    let old = article(bytes, giant);
    let chars: Vec<char> = old.chars().collect();
    let mut rng = edits::Rng::new(99);
    // Quotes: 1 to 12 words, anywhere.
    let mut ranges = Vec::with_capacity(n);
    while ranges.len() < n {
        let start = rng.below(chars.len() - 200);
        let s = (start..start + 50)
            .find(|&i| i > 0 && !chars[i - 1].is_alphanumeric() && chars[i].is_alphanumeric());
        let Some(s) = s else { continue };
        let mut e = s;
        for _ in 0..1 + rng.below(12) {
            e = (e + 1..chars.len())
                .find(|&i| !chars[i].is_alphanumeric())
                .unwrap_or(chars.len());
            e = (e..chars.len())
                .find(|&i| chars[i].is_alphanumeric())
                .unwrap_or(e);
        }
        let e = (s..e)
            .rev()
            .find(|&i| chars[i].is_alphanumeric())
            .map_or(s + 1, |i| i + 1);
        ranges.push(TextRange::new(CharOffset::new(s), CharOffset::new(e)).expect("ordered"));
    }
    // Edits: a sentence at the top, 20 typos, a stretch of 2,000 code points
    // moved to the end.
    let mut new = format!("An editor's note was added. {old}");
    for _ in 0..20 {
        let at = rng.below(new.len() - 10);
        let at = (at..new.len())
            .find(|&b| new.is_char_boundary(b))
            .expect("a boundary");
        new.insert(at, 'x');
    }
    let cut = new
        .char_indices()
        .nth(new.chars().count() / 2)
        .map_or(0, |(b, _)| b);
    let end = new[cut..]
        .char_indices()
        .nth(2_000)
        .map_or(new.len(), |(b, _)| cut + b);
    let moved = new[cut..end].to_owned();
    new.replace_range(cut..end, "");
    new.push_str(&moved);
    let (old, new) = (Text::new(old), Text::new(new));
    let t = Instant::now();
    let carrier = Carrier::new(&old, &new);
    let diff_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut counts = [0usize; 4];
    for r in &ranges {
        let p = carrier.place(*r);
        let k = match p.anchoring {
            Anchoring::Exact => 0,
            Anchoring::Moved => 1,
            Anchoring::Fuzzy { .. } => 2,
            Anchoring::Orphaned => 3,
        };
        counts[k] += 1;
        if let Some(placed) = p.range {
            let same = new.slice(placed) == old.slice(*r);
            assert!(same || k == 2, "placed on other text");
        }
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let shape = if giant {
        "one giant paragraph"
    } else {
        "a paragraph per line"
    };
    println!(
        "\ncarrying {n} annotations, {} code points, {shape}, 22 edits and a moved stretch: {ms:.0} ms \
         (diff {diff_ms:.0} ms); exact {}, moved {}, fuzzy {}, orphaned {}",
        old.char_len(),
        counts[0],
        counts[1],
        counts[2],
        counts[3]
    );
}
