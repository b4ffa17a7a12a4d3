//! Parsing the canonical serialize() forms of simple values.
//!
//! php-ipc writes `i:<n>;` and `s:<len>:"<bytes>";` itself (byte-identical to
//! PHP's serializer) and reads them back without calling the engine. Only the
//! canonical spelling is accepted here; anything else (leading zeros, `+`,
//! trailing bytes...) is left to PHP's own unserializer so that its exact
//! behaviour, warnings included, is kept.

/// Parses a canonical decimal i64: optional `-`, no leading zeros, no `+`.
pub fn parse_canonical_i64(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 19 || (digits[0] == b'0' && (digits.len() > 1 || neg)) {
        return None;
    }
    let mut v: i128 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i128;
    }
    if neg {
        v = -v;
    }
    i64::try_from(v).ok()
}

/// Given the bytes after `s:`, returns `(len, payload)` when the rest is
/// exactly `<len>:"<len bytes>";`.
pub fn split_string(rest: &[u8]) -> Option<(usize, &[u8])> {
    let colon = rest.iter().position(|&c| c == b':')?;
    let len = parse_canonical_i64(&rest[..colon])?;
    if len < 0 {
        return None;
    }
    let len = len as usize;
    let body = rest.get(colon + 1..)?;
    if body.len() != len.checked_add(3)? || body[0] != b'"' || &body[len + 1..] != b"\";" {
        return None;
    }
    Some((len, &body[1..=len]))
}

/// Appends `s:<len>:"<bytes>";`.
pub fn write_string(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b"s:");
    write_i64(out, b.len() as i64);
    out.extend_from_slice(b":\"");
    out.extend_from_slice(b);
    out.extend_from_slice(b"\";");
}

/// Appends `i:<n>;`.
pub fn write_int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(b"i:");
    write_i64(out, n);
    out.push(b';');
}

/// Decimal formatting without going through `fmt`.
pub fn write_i64(out: &mut Vec<u8>, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let neg = n < 0;
    let mut u = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if neg {
        out.push(b'-');
    }
    out.extend_from_slice(&buf[i..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_round_trip_in_canonical_form() {
        for n in [0i64, 1, -1, 42, i64::MAX, i64::MIN, -1234567890123] {
            let mut out = Vec::new();
            write_int(&mut out, n);
            assert_eq!(out, format!("i:{n};").into_bytes());
            assert_eq!(parse_canonical_i64(&out[2..out.len() - 1]), Some(n));
        }
    }

    #[test]
    fn non_canonical_ints_are_left_to_php() {
        for s in ["", "-", "+1", "01", "-0", "00", "1a", "99999999999999999999", "9223372036854775808"] {
            assert_eq!(parse_canonical_i64(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn strings_split_only_when_exact() {
        let mut out = Vec::new();
        write_string(&mut out, b"he\"llo\0");
        assert_eq!(&out[..], b"s:7:\"he\"llo\0\";");
        assert_eq!(split_string(&out[2..]), Some((7, &b"he\"llo\0"[..])));
        assert_eq!(split_string(b"3:\"abc\";x"), None);
        assert_eq!(split_string(b"4:\"abc\";"), None);
        assert_eq!(split_string(b"03:\"abc\";"), None);
        assert_eq!(split_string(b"3:'abc';"), None);
        assert_eq!(split_string(b"0:\"\";"), Some((0, &b""[..])));
    }
}
