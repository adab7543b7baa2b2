//! The library as one dataset: a JSONL file, one native annotation file
//! (version 2, on one line) per article, and reading such a file back.

use crate::model::format::{self, ImportError, Imported};
use crate::model::Session;

/// The sessions as JSONL: each [`format::export`] on one line, in the
/// order given, each line ending in `\n`. O(size of the sessions).
pub fn to_jsonl<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> String {
    let mut out = String::new();
    for s in sessions {
        let file: serde_json::Value =
            serde_json::from_str(&format::export(s)).expect("an export is JSON");
        out.push_str(&file.to_string());
        out.push('\n');
    }
    out
}

/// One line of a JSONL dataset that could not be read: its number (from
/// 1) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub error: ImportError,
}

/// Every article of a JSONL dataset (blank lines skipped), each through
/// the checks of an import; lines that fail are named, the others read.
/// O(size of the file).
pub fn from_jsonl(text: &str) -> (Vec<Imported>, Vec<BadLine>) {
    let (mut read, mut bad) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match format::import(line.as_bytes()) {
            Ok(imported) => read.push(imported),
            Err(error) => bad.push(BadLine { line: i + 1, error }),
        }
    }
    (read, bad)
}
