//! File-name slugs.

/// A file-name-safe slug of `title`: lower-case letters and digits (any
/// script) joined by single hyphens, at most 60 code points; `"article"` when
/// nothing is left. `"Mayor's 2026 Budget: 👍"` becomes `"mayor-s-2026-budget"`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in super::case::lowercase(title).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "article".to_owned()
    } else {
        trimmed.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("Mayor's 2026 Budget: 👍"), "mayor-s-2026-budget");
        assert_eq!(slug("  "), "article");
        assert_eq!(slug("Новости дня"), "новости-дня");
    }
}
