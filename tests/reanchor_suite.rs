//! The generated suite of edits (tests/support/edits.rs) against the
//! targets: every unchanged quote placed right, at least 95 % of quotes
//! changed by at most 10 % placed right, and none placed wrong. The same
//! suite, larger and timed, is `examples/reanchor_bench.rs`.

#[path = "support/edits.rs"]
mod edits;

use edits::{evaluate, suite, KINDS};

#[test]
fn the_edit_suite_meets_the_targets() {
    let cases = suite(7, 6);
    let tally = evaluate(&cases);
    assert!(
        tally.wrong.is_empty(),
        "wrongly placed:\n{}",
        tally.wrong.join("\n")
    );
    for (kind, (correct, orphaned, _)) in KINDS.iter().zip(tally.counts) {
        let total = correct + orphaned;
        assert!(total >= 20, "{}: only {total} cases", kind.name());
        if kind.keeps_quote() {
            assert_eq!(
                orphaned,
                0,
                "{}: {orphaned} of {total} orphaned",
                kind.name()
            );
        } else if !matches!(
            kind,
            edits::Kind::QuoteRemoved | edits::Kind::SentenceReplaced
        ) {
            assert!(
                correct * 100 >= total * 95,
                "{}: {correct} of {total}",
                kind.name()
            );
        }
    }
}
