//! The sentences of exports to other tools' formats.

use super::count;
use crate::model::exchange::job::ExportReply;
use crate::model::exchange::{Format, Kept};
use crate::model::format::Report;

/// Annotations not placed listed by name in a notice; the rest counted.
const NOT_PLACED_LISTED: usize = 3;

/// What an import changed or could not keep, as sentences after
/// "Opened …": the format read (another tool's), broken characters
/// repaired, annotations not placed… (empty for a native file read as it
/// was).
pub fn report(r: &Report) -> String {
    let mut out = String::new();
    if let Some(format) = r.format {
        out.push_str(&format!(" Read as {}", format.label()));
        out.push_str(if r.onto_current {
            ", on the article already open."
        } else {
            "."
        });
    }
    if r.n_repaired > 0 {
        out.push(' ');
        out.push_str(&repaired(r.n_repaired, r.n_context_rebuilt));
    }
    if !r.not_placed.is_empty() {
        out.push_str(&format!(
            " {} could not be placed:",
            count(r.not_placed.len(), "annotation")
        ));
        for line in r.not_placed.iter().take(NOT_PLACED_LISTED) {
            out.push(' ');
            out.push_str(line);
        }
        if r.not_placed.len() > NOT_PLACED_LISTED {
            out.push_str(&format!(
                " And {} more.",
                r.not_placed.len() - NOT_PLACED_LISTED
            ));
        }
    }
    if r.relations_not_kept > 0 {
        out.push_str(&format!(
            " Left out {}: an end was not placed, or its type does not allow those tags.",
            count(r.relations_not_kept, "relation")
        ));
    }
    if r.fields_not_kept > 0 {
        out.push_str(&format!(
            " Left out {} that fit no field of the tag.",
            count(r.fields_not_kept, "field value")
        ));
    }
    if !r.new_tags.is_empty() {
        out.push_str(&format!(
            " Added to the tag set: {}.",
            r.new_tags.join(", ")
        ));
    }
    for note in &r.notes {
        out.push(' ');
        out.push_str(note);
    }
    out
}

/// Lone surrogates read as U+FFFD, and the annotations whose quoted
/// context was rebuilt from the article because of them.
pub fn repaired(n_repaired: usize, n_context_rebuilt: usize) -> String {
    let what = format!(
        "The file held {} (half of an emoji or other character, cut by the tool that wrote it)",
        count(n_repaired, "broken character")
    );
    match n_context_rebuilt {
        0 if n_repaired == 1 => format!("{what}; it now reads “\u{fffd}”."),
        0 => format!("{what}; they now read “\u{fffd}”."),
        n => format!(
            "{what}: the quoted context of {} was rebuilt from the article.",
            count(n, "annotation")
        ),
    }
}

/// A reply from the converters that does not answer its request (a bug).
pub const CONVERTER_CONFUSED: &str =
    "The format converters gave an answer this page does not understand. Reload the page and try again.";

/// The checkbox of the Export menu that keeps page clutter in datasets.
pub const INCLUDE_HIDDEN: &str = "Include hidden page parts";

/// After an export in `format` of `n` annotations to `e.name`: what was
/// written, what the format could not hold, what hidden page parts cost.
pub fn format_exported(format: Format, n: usize, e: &ExportReply) -> String {
    let file_name = &e.name;
    let written = n - e.left_out;
    let out = format!(
        "Exported {} to {file_name} ({}).",
        count(written, "annotation"),
        format.label()
    );
    out + &caveats(e)
}

/// What an export in another format could not hold and what hidden page
/// parts cost (empty when nothing): sentences after the "Exported …" one.
pub fn caveats(e: &ExportReply) -> String {
    let mut out = String::new();
    if !e.dropped.is_empty() {
        let what: Vec<&str> = e.dropped.iter().map(|k| kept_noun(*k)).collect();
        out.push_str(&format!(
            " This format cannot hold {}, so they are not in it.",
            and_list(&what)
        ));
    }
    if e.left_out > 0 || e.relations_left_out > 0 {
        let mut lost = vec![count(e.left_out, "annotation")];
        if e.relations_left_out > 0 {
            lost.push(count(e.relations_left_out, "relation"));
        }
        out.push_str(&format!(
            " Left out: {} in hidden page parts (tick “{INCLUDE_HIDDEN}” to keep them).",
            lost.join(" and ")
        ));
    }
    out
}

fn kept_noun(k: Kept) -> &'static str {
    match k {
        Kept::Notes => "notes",
        Kept::Fields => "fields",
        Kept::Relations => "relations",
    }
}

/// `["a"]` → "a"; `["a", "b", "c"]` → "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exported(
        name: &str,
        left_out: usize,
        relations_left_out: usize,
        dropped: Vec<Kept>,
    ) -> ExportReply {
        ExportReply {
            name: name.into(),
            mime: "text/plain".into(),
            left_out,
            relations_left_out,
            dropped,
        }
    }

    #[test]
    fn an_import_report_lists_what_was_not_placed() {
        assert_eq!(report(&Report::default()), "", "nothing for a native file");
        let r = Report {
            format: Some(Format::Brat),
            onto_current: true,
            not_placed: (1..=5)
                .map(|i| format!("Annotation {i}: it is empty."))
                .collect(),
            relations_not_kept: 1,
            fields_not_kept: 2,
            new_tags: vec!["Person".into()],
            notes: vec!["Skipped 1 line.".into()],
            ..Report::default()
        };
        assert_eq!(
            report(&r),
            " Read as brat standoff, on the article already open. 5 annotations could not be \
             placed: Annotation 1: it is empty. Annotation 2: it is empty. Annotation 3: it is \
             empty. And 2 more. Left out 1 relation: an end was not placed, or its type does \
             not allow those tags. Left out 2 field values that fit no field of the tag. Added \
             to the tag set: Person. Skipped 1 line."
        );
    }

    #[test]
    fn a_native_file_with_broken_characters_says_what_was_rebuilt() {
        let r = Report {
            n_repaired: 3,
            n_context_rebuilt: 2,
            not_placed: vec!["Annotation 3 (id \"a3\"): it holds half of a character.".into()],
            relations_not_kept: 1,
            ..Report::default()
        };
        assert_eq!(
            report(&r),
            " The file held 3 broken characters (half of an emoji or other character, cut by \
             the tool that wrote it): the quoted context of 2 annotations was rebuilt from the \
             article. 1 annotation could not be placed: Annotation 3 (id \"a3\"): it holds half \
             of a character. Left out 1 relation: an end was not placed, or its type does not \
             allow those tags."
        );
        assert_eq!(
            repaired(1, 0),
            "The file held 1 broken character (half of an emoji or other character, cut by the \
             tool that wrote it); it now reads “\u{fffd}”."
        );
    }

    #[test]
    fn says_what_the_format_dropped_and_what_was_hidden() {
        assert_eq!(
            format_exported(Format::Csv, 2, &exported("a.csv", 0, 0, vec![])),
            "Exported 2 annotations to a.csv (CSV)."
        );
        assert_eq!(
            format_exported(
                Format::Spacy,
                3,
                &exported(
                    "a.spacy.jsonl",
                    1,
                    1,
                    vec![Kept::Notes, Kept::Fields, Kept::Relations]
                )
            ),
            "Exported 2 annotations to a.spacy.jsonl (spaCy). This format cannot hold notes, \
             fields and relations, so they are not in it. Left out: 1 annotation and 1 relation \
             in hidden page parts (tick “Include hidden page parts” to keep them)."
        );
        assert_eq!(
            format_exported(
                Format::Doccano,
                1,
                &exported("a.jsonl", 0, 0, vec![Kept::Notes])
            ),
            "Exported 1 annotation to a.jsonl (doccano). This format cannot hold notes, so they \
             are not in it."
        );
    }
}
