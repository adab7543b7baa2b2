//! Numbers as a user types and reads them, in the syntax and layout of
//! Rust's `f64::from_str` and `Display`, but with serde_json's conversions
//! (which the page holds anyway for JSON): the standard library's own
//! float tables cost the page about 20 KB gzip.

/// `s` as `f64::from_str` reads it: an optional sign, then digits with an
/// optional `.` (digits on at least one side) and an optional exponent
/// (`e` or `E`, a sign, digits), or `inf`, `infinity` or `nan` in any case.
/// Too large is infinite, too small zero. `None` for anything else
/// (surrounding spaces too).
///
/// Correctly rounded, as JSON import is, for up to 15 significant digits
/// times a power of ten within 10^±22 (anything a person types); beyond
/// that serde_json's best effort, which can be one unit in the last place
/// away.
pub fn parse(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |n: f64| if negative { -n } else { n };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Some(signed(f64::INFINITY)),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) {
        return None;
    }
    let exponent = match exponent {
        None => "0",
        Some(e) => {
            let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
            if unsigned.is_empty() || !digits(unsigned) {
                return None;
            }
            e
        }
    };
    // JSON's syntax: no leading zeros, digits before and after a point.
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    // No `.0` added: it would scale serde_json's significand and exponent.
    let json = if frac.is_empty() {
        format!("{int}e{exponent}")
    } else {
        format!("{int}.{frac}e{exponent}")
    };
    // The syntax is valid, so the only failure is a number out of range.
    let n = serde_json::from_str::<f64>(&json).unwrap_or(if exponent.starts_with('-') {
        0.0
    } else {
        f64::INFINITY
    });
    Some(signed(n))
}

/// `n` as Rust's `Display` writes it: the shortest digits that read back
/// as `n`, never an exponent (`7`, `-0.25`, `1000000000000000000000` for
/// `1e21`, `0.0000001`), `-0` for minus zero, `inf`, `-inf` and `NaN`.
/// Where two shortest digit strings are equally near `n` (`…562.25` as
/// `…562.2` or `…562.3`), serde_json may pick the other one than Rust
/// does; both read back as `n`.
pub fn display(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.into();
    }
    // serde_json writes the shortest digits too: `7.0`, `1e21`, `1.5e-7`.
    let json = serde_json::to_string(&n).expect("a finite number serialises");
    let (sign, rest) = match json.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", json.as_str()),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().expect("an integer exponent")),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    // The decimal point falls after this many of `digits`.
    let point = int.len() as i64 + exponent - (all.len() - digits.len()) as i64;
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return format!("{sign}0");
    }
    let zeros = |k: i64| "0".repeat(k.max(0) as usize);
    let n_digits = digits.len() as i64;
    if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= n_digits {
        format!("{sign}{digits}{}", zeros(point - n_digits))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{sign}{a}.{b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random bits (xorshift64).
    fn bits(n: usize) -> impl Iterator<Item = u64> {
        let mut x = 0x9E37_79B9_7F4A_7C15_u64;
        std::iter::repeat_with(move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .take(n)
    }

    #[test]
    fn display_is_rust_s() {
        let edges = [
            0.0,
            -0.0,
            7.0,
            -0.25,
            0.1,
            1e21,
            1e22,
            1e-7,
            123.456,
            1e15,
            1e16,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.3,
            2.5e-5,
            9007199254740993.0,
        ];
        let random = bits(100_000).map(f64::from_bits).filter(|n| n.is_finite());
        let small = bits(20_000).map(|b| (b % 2_000_000) as f64 / 1000.0 - 1000.0);
        let mut ties = 0;
        for n in edges.into_iter().chain(random).chain(small) {
            let (ours, rust) = (display(n), n.to_string());
            if ours != rust {
                // A tie: as short, the same but for the last digit, exact.
                ties += 1;
                assert_eq!(ours.len(), rust.len(), "{rust}");
                assert_eq!(ours[..ours.len() - 1], rust[..rust.len() - 1], "{rust}");
                assert_eq!(ours.parse::<f64>(), Ok(n), "{rust}");
            }
        }
        assert!(ties < 100, "{ties} ties in 120,000");
        assert_eq!(display(f64::NAN), "NaN");
        assert_eq!(display(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn parse_takes_rust_s_syntax() {
        for s in [
            "2.5",
            ".5",
            "5.",
            "+5",
            "-0",
            "007",
            "1e3",
            "1E+3",
            "-1e-3",
            "1e400",
            "-1e400",
            "1e-400",
            "1e0000000000000000000000000000003",
            "inf",
            "-Infinity",
            "NaN",
            "",
            ".",
            "e5",
            "1e",
            "1e+",
            "--1",
            "+-1",
            "1.2.3",
            " 1",
            "1 ",
            "1_0",
            "0x10",
            "١",
        ] {
            let want = s.parse::<f64>().ok();
            let got = parse(s);
            assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{s:?}");
        }
    }

    #[test]
    fn parse_is_exact_for_what_people_type() {
        for b in bits(50_000) {
            let digits = b % 1_000_000_000_000_000; // up to 15 digits
            let s = digits.to_string();
            let point = ((b >> 50) % 16).min(s.len() as u64) as usize;
            // The value is digits × 10^scale, |scale| ≤ 22.
            let scale = ((b >> 56) % 45) as i64 - 22;
            let (int, frac) = s.split_at(s.len() - point);
            let s = format!("{int}.{frac}e{}", scale + point as i64);
            assert_eq!(parse(&s), s.parse::<f64>().ok(), "{s}");
        }
    }
}
