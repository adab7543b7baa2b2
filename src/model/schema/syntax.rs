//! The forms of strings the schema checks: ids, web addresses and dates.
//! Pure functions over `&str`, each O(length).

/// Longest id of a tag, field or relation type, in characters.
pub const MAX_ID_LEN: usize = 32;

/// Longest web address a URL field takes, in characters.
pub const MAX_URL_LEN: usize = 2048;

/// Whether `id` can name a tag, field or relation type: lower-case ASCII
/// letters and digits in words joined by single hyphens, starting with a
/// letter, at most [`MAX_ID_LEN`] characters (`"check-worthy"`, `"said-by"`).
/// Such an id is also a CSS identifier, so `ann-<id>` names a highlight.
pub fn is_id(id: &str) -> bool {
    id.len() <= MAX_ID_LEN
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Why `s` is not an absolute `http` or `https` web address, if it is not.
/// The address is only checked, never fetched.
///
/// Accepted: `http://` or `https://` (any case), a host name (labels of
/// letters, digits and hyphens in any script, joined by dots) or an IP
/// address in brackets, an optional port, then anything without white
/// space. Refused as well: a user name or password before the host (a
/// common disguise of where a link leads).
pub fn url_problem(s: &str) -> Option<&'static str> {
    if s.chars().count() > MAX_URL_LEN {
        return Some("it is longer than 2048 characters");
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("it contains a space or a control character");
    }
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return Some("it must start with http:// or https://");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Some("it has a user name or password before the host");
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, port))
                if !ip.is_empty()
                    && ip
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') =>
            {
                (ip, port)
            }
            _ => return Some("its host is not a valid IP address"),
        },
        None => match authority.split_once(':') {
            Some((host, _)) => (host, &authority[host.len()..]),
            None => (authority, ""),
        },
    };
    if host.is_empty() {
        return Some("it has no host name");
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if !authority.starts_with('[') && !host.split('.').all(label_ok) {
        return Some("its host name is not valid");
    }
    if let Some(digits) = port.strip_prefix(':') {
        let valid = !digits.is_empty()
            && digits.len() <= 5
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.parse::<u32>().is_ok_and(|p| p <= 65535);
        if !valid {
            return Some("its port is not a number from 0 to 65535");
        }
    } else if !port.is_empty() {
        return Some("its host name is not valid");
    }
    None
}

/// Whether `s` is an ISO 8601 calendar date, `YYYY-MM-DD`, that exists
/// (`"2024-02-29"` does, `"2023-02-29"` does not). Years 0001 to 9999.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let number = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1 && (1..=days).contains(&day)
}

/// The calendar date an RFC 3339 time stamp or ISO 8601 date starts with
/// (`"2026-03-14T09:00:00Z"` → `"2026-03-14"`), if it starts with one.
pub fn date_prefix(s: &str) -> Option<&str> {
    let date = s.get(..10)?;
    let rest = &s[10..];
    (is_date(date) && (rest.is_empty() || rest.starts_with(['T', 't', ' ']))).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_words_joined_by_hyphens() {
        for ok in ["claim", "check-worthy", "said-by", "x2", "a-1-b"] {
            assert!(is_id(ok), "{ok}");
        }
        let long = "a".repeat(MAX_ID_LEN + 1);
        for bad in [
            "",
            "Claim",
            "2x",
            "-a",
            "a-",
            "a--b",
            "a b",
            "a_b",
            "ü",
            long.as_str(),
        ] {
            assert!(!is_id(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses_are_absolute_http_or_https() {
        for ok in [
            "https://example.org",
            "HTTP://Example.org/a?b=c#d",
            "https://münchen.de/straße",
            "https://example.org:8080/",
            "https://[2001:db8::1]:443/x",
            "http://192.168.0.1/",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("example.org", "it must start with http:// or https://"),
            (
                "javascript:alert(1)",
                "it must start with http:// or https://",
            ),
            (
                "ftp://example.org",
                "it must start with http:// or https://",
            ),
            ("https://", "it has no host name"),
            ("https:///path", "it has no host name"),
            (
                "https://exa mple.org",
                "it contains a space or a control character",
            ),
            (
                "https://user:pw@example.org",
                "it has a user name or password before the host",
            ),
            ("https://example..org", "its host name is not valid"),
            ("https://-x.org", "its host name is not valid"),
            ("https://x_y.org", "its host name is not valid"),
            (
                "https://example.org:99999",
                "its port is not a number from 0 to 65535",
            ),
            (
                "https://example.org:",
                "its port is not a number from 0 to 65535",
            ),
            ("https://[zz]/", "its host is not a valid IP address"),
        ] {
            assert_eq!(url_problem(bad), Some(why), "{bad}");
        }
        assert!(url_problem(&format!("https://e.org/{}", "a".repeat(MAX_URL_LEN))).is_some());
    }

    #[test]
    fn dates_must_exist() {
        for ok in ["2024-02-29", "2000-02-29", "0001-01-01", "2026-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01T00:00:00Z",
            "+202-01-01",
            "",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert_eq!(date_prefix("2026-03-14T09:00:00.000Z"), Some("2026-03-14"));
        assert_eq!(date_prefix("2026-03-14"), Some("2026-03-14"));
        assert_eq!(date_prefix("14 March 2026"), None);
        assert_eq!(date_prefix("2026-03-14x"), None);
    }
}
