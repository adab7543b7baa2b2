//! What the page says while adjudicating disagreements (panel labels and
//! announcements).

use super::quoted;
use crate::model::agreement::adjudicate::{Kind, Outcome};
use crate::model::Session;
use crate::ui::adjudicating::Adjudicating;

pub const PREPARING: &str = "Preparing the gold file from the annotators\u{2019} files\u{2026}";
pub const NOT_ADJUDICATING: &str = "No disagreements to adjudicate: compare annotators\u{2019} files (Compare annotators), then press Adjudicate.";
pub const NONE_LEFT: &str =
    "The annotators do not disagree anywhere: the gold holds every span they agreed on.";
pub const ALL_DECIDED: &str = "Every disagreement is decided. Export the gold file with Ctrl+S.";

/// The gold file's article title (its library entry and file name).
pub fn gold_title(title: &str) -> String {
    format!("{title} (gold)")
}

/// After Adjudicate: how many disagreements, between whom, and the keys.
pub fn started(n: usize, names: &[String]) -> String {
    let who = names.join(", ");
    match n {
        0 => format!("Gold file of {who}: they agree on every span."),
        _ => format!(
            "Gold file of {who}: {n} disagreement{}. N and Shift+N walk them; 1\u{2013}{} takes an annotator\u{2019}s spans, B both, X neither; Ctrl+Z undoes.",
            plural(n),
            names.len().min(9)
        ),
    }
}

/// A relation of the union at version `at`, seen from it: "Said by
/// “mayor” (Ana)".
pub fn link(
    adj: &Adjudicating,
    r: &crate::model::Relation,
    at: &crate::model::AnnotationId,
) -> String {
    let union = &adj.plan.union;
    let kind = union.schema().relation_type(&r.kind);
    let (label, other) = match r.from == *at {
        true => (kind.map(|k| k.label.as_str()), &r.to),
        false => (kind.map(|k| k.inverse_label()), &r.from),
    };
    let text = union
        .get(other)
        .map(|a| union.article().text.slice(a.range));
    format!(
        "{} {} ({})",
        label.unwrap_or(r.kind.as_str()),
        quoted(text.unwrap_or_default(), 40),
        names(adj, adj.plan.adjudication.linked_by(&r.id))
    )
}

/// After Adjudicate, when relations of the files had no place in the
/// union's tag set (the first annotator's, with others' tags added).
pub fn links_left_out(n: usize) -> String {
    format!(
        " {n} relation{} of the files could not be kept: the first file\u{2019}s tag set has no such relation type or does not allow its tags.",
        plural(n)
    )
}

/// A gold article reopened with its adjudication kept.
pub fn resumed(decided: usize, n: usize) -> String {
    format!(
        "Adjudicating again: {decided} of {n} disagreement{} decided. N and Shift+N walk them.",
        plural(n)
    )
}

/// A gold article whose kept adjudication could not be read back.
pub fn not_resumed(why: &str) -> String {
    format!(
        "The disagreements kept with this gold file could not be read back ({why}). The gold keeps every decision made; Compare annotators \u{2192} Adjudicate starts a new gold from the files, without them."
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Names by index, joined: "A and C".
fn names(adj: &Adjudicating, who: &[usize]) -> String {
    let all = &adj.plan.adjudication.annotators;
    let named: Vec<&str> = who
        .iter()
        .filter_map(|&k| all.get(k).map(String::as_str))
        .collect();
    match named.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The kind of a disagreement, in words (the panel's cue beside it).
pub fn kind(adj: &Adjudicating, kind: &Kind) -> String {
    kind_in(adj, kind, true)
}

/// The kind in words, starting with a capital or not (no case mapping:
/// names keep theirs, and the page keeps no case tables).
fn kind_in(adj: &Adjudicating, kind: &Kind, capital: bool) -> String {
    let (only, tags, bounds) = match capital {
        true => ("Only", "Different tags", "Different boundaries"),
        false => ("only", "different tags", "different boundaries"),
    };
    match kind {
        Kind::Only(who) => format!("{only} {}", names(adj, who)),
        Kind::Tag => tags.into(),
        Kind::Bounds => bounds.into(),
    }
}

/// What the gold holds over item `i`, in words.
pub fn outcome(adj: &Adjudicating, i: usize) -> String {
    match &adj.outcomes[i] {
        Outcome::Nothing if adj.neither[i] => "Gold: none".into(),
        Outcome::Nothing => "Open".into(),
        Outcome::Annotators(who) => format!("Gold: {}", names(adj, who)),
        Outcome::All if adj.plan.adjudication.annotators.len() == 2 => "Gold: both".into(),
        Outcome::All => "Gold: all".into(),
        Outcome::Edited => "Gold: edited".into(),
    }
}

/// Item `i` selected: "Disagreement 2 of 4, different tags: “cost 4 €”. Open."
pub fn item(adj: &Adjudicating, i: usize, gold: &Session) -> String {
    let it = &adj.plan.adjudication.items[i];
    let text = gold.article().text.slice(it.range());
    format!(
        "Disagreement {} of {}, {}: {}. {}.",
        i + 1,
        adj.n_items(),
        kind_in(adj, &it.kind, false),
        quoted(text, 60),
        outcome(adj, i)
    )
}

/// After a decision on item `i`.
pub fn decided(adj: &Adjudicating, i: usize) -> String {
    format!(
        "Decided {} of {} ({}). {} of {} decided.",
        i + 1,
        adj.n_items(),
        outcome(adj, i),
        adj.n_decided(),
        adj.n_items()
    )
}

/// Key `k + 1` pressed with only `n` annotators.
pub fn no_annotator(k: usize, n: usize) -> String {
    format!(
        "There is no annotator {}: keys 1 to {n} take an annotator\u{2019}s spans.",
        k + 1
    )
}
