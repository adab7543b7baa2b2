//! Re-anchoring benchmark: carries quotes over a generated suite of edits
//! on real articles (tests/support/edits.rs) and prints, per kind of edit,
//! how many were placed right, orphaned, or placed wrong, and the time per
//! placement (diff included). `scripts/bench` runs it:
//!
//!     cargo run --release --example reanchor_bench [SEEDS] [PER_ARTICLE]

#[path = "../tests/support/edits.rs"]
mod edits;

use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let seeds = args.next().unwrap_or(10);
    let per_article = args.next().unwrap_or(8);
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
