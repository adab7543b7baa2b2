//! spaCy: one JSON line per article, `{"text", "spans": [{"start", "end",
//! "label"}], "meta"}`, offsets in code points, ready for
//! `Doc.char_span(start, end, label=label)` and `doc.spans`.

use super::{json_line, Dataset};
use serde_json::json;

pub(super) fn export(d: &Dataset) -> String {
    let article = d.session.article();
    let spans: Vec<_> = d
        .items
        .iter()
        .map(|i| {
            json!({
                "start": i.range.start().get(),
                "end": i.range.end().get(),
                "label": i.annotation.tag.as_str(),
                "id": i.annotation.id.as_str(),
            })
        })
        .collect();
    json_line(&json!({
        "text": d.text.as_str(),
        "spans": spans,
        "meta": {"title": article.title, "source": article.source},
    }))
}
