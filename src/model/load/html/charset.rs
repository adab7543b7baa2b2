//! Which character encoding a saved page declares.

/// The encoding label of an HTML page: a byte-order mark, else a `<meta
/// charset>` or `<meta http-equiv=content-type content="...charset=...">` in
/// the first 1024 bytes (the WHATWG prescan, simplified). Lower case; `None`
/// when the page declares nothing. The label is not checked here: the
/// browser's `TextDecoder` knows which labels exist.
pub fn sniff_charset(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Some("utf-8".into());
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("utf-16le".into());
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("utf-16be".into());
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head: String = head
        .iter()
        .map(|b| (*b as char).to_ascii_lowercase())
        .collect();
    let mut from = 0;
    while let Some(at) = head[from..].find("<meta") {
        let start = from + at;
        let end = head[start..].find('>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(label) = value_after(tag, "charset") {
            return Some(label);
        }
        from = end;
    }
    None
}

/// The value after `name=` in `tag` (quoted or not), e.g. `utf-8` in
/// `charset="utf-8"` or in `content="text/html; charset=utf-8"`.
fn value_after(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(name)?;
    let rest = tag[at + name.len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>'))
        .collect();
    (!label.is_empty()).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::sniff_charset;

    #[test]
    fn declarations() {
        let s = |b: &[u8]| sniff_charset(b);
        assert_eq!(
            s(b"<meta charset=\"windows-1251\">"),
            Some("windows-1251".into())
        );
        assert_eq!(s(b"<META CHARSET=KOI8-R>"), Some("koi8-r".into()));
        assert_eq!(
            s(b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"),
            Some("iso-8859-1".into())
        );
        assert_eq!(s(b"\xEF\xBB\xBF<p>x"), Some("utf-8".into()));
        assert_eq!(s(b"\xFF\xFE<\0p\0>"), Some("utf-16le".into()));
        assert_eq!(
            s(b"<meta name=viewport content=width=device-width><p>x"),
            None
        );
        assert_eq!(s(b"<p>no meta</p>"), None);
    }
}
