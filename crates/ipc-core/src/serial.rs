//! Parsing the canonical serialize() forms of simple values.
//!
//! php-ipc writes `i:<n>;` and `s:<len>:"<bytes>";` itself (byte-identical to
//! PHP's serializer) and reads them back without calling the engine. Only the
//! canonical spelling is accepted here; anything else (leading zeros, `+`,
//! trailing bytes...) is left to PHP's own unserializer so that its exact
//! behaviour, warnings included, is kept.

/// Parses a canonical decimal i64: optional `-`, no leading zeros, no `+`.
#[inline]
pub fn parse_canonical_i64(b: &[u8]) -> Option<i64> {
    let (neg, digits) = match b {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 19 || (digits[0] == b'0' && (digits.len() > 1 || neg)) {
        return None;
    }
    // Up to 19 digits fit in a u64 without overflow. Two digits per step
    // halve the multiply chain.
    let mut v: u64 = 0;
    let mut rest = digits;
    if rest.len() % 2 == 1 {
        let d = rest[0].wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = d as u64;
        rest = &rest[1..];
    }
    for pair in rest.chunks_exact(2) {
        let a = pair[0].wrapping_sub(b'0');
        let b = pair[1].wrapping_sub(b'0');
        if a > 9 || b > 9 {
            return None;
        }
        v = v * 100 + (a as u64 * 10 + b as u64);
    }
    if neg {
        if v > 1u64 << 63 {
            return None;
        }
        Some((v as i64).wrapping_neg())
    } else {
        i64::try_from(v).ok()
    }
}

/// Given the bytes after `s:`, returns `(len, payload)` when the rest is
/// exactly `<len>:"<len bytes>";`.
#[inline]
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

/// Given the bytes after `s:`, returns the payload when the rest is exactly
/// `<len>:"<len bytes>";` with a canonical `<len>` (as [`split_string`], in
/// one pass).
#[inline]
pub fn string_body(rest: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    let mut n: usize = 0;
    while i < rest.len() && i < 19 {
        let d = rest[i].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        n = n * 10 + d as usize;
        i += 1;
    }
    if i == 0 || (rest[0] == b'0' && i > 1) {
        return None;
    }
    let total = i.checked_add(4)?.checked_add(n)?;
    if rest.len() != total
        || rest[i] != b':'
        || rest[i + 1] != b'"'
        || rest[total - 2] != b'"'
        || rest[total - 1] != b';'
    {
        return None;
    }
    Some(&rest[i + 2..i + 2 + n])
}

/// Appends `s:<len>:"<bytes>";`.
#[inline]
pub fn write_string(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b"s:");
    write_i64(out, b.len() as i64);
    out.extend_from_slice(b":\"");
    out.extend_from_slice(b);
    out.extend_from_slice(b"\";");
}

/// Appends `i:<n>;`.
#[inline]
pub fn write_int(out: &mut Vec<u8>, n: i64) {
    // One fixed-size grow, then stores: no copy calls for a few bytes.
    let l = out.len();
    let len = int_len(n);
    out.resize(l + 24, 0);
    write_int_at(&mut out[l..l + len], n);
    out.truncate(l + len);
}

/// Parses `<canonical i64><end>` at the start of `b` in one pass; returns
/// the value and the bytes consumed (the terminator included).
#[inline]
pub fn parse_i64_until(b: &[u8], end: u8) -> Option<(i64, usize)> {
    let neg = b.first() == Some(&b'-');
    let mut i = neg as usize;
    let start = i;
    let mut v: u64 = 0;
    while i < b.len() && i - start < 19 {
        let d = b[i].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v * 10 + d as u64;
        i += 1;
    }
    let digits = i - start;
    if digits == 0 || b.get(i) != Some(&end) || (b[start] == b'0' && (digits > 1 || neg)) {
        return None;
    }
    let n = if neg {
        if v > 1u64 << 63 {
            return None;
        }
        (v as i64).wrapping_neg()
    } else {
        i64::try_from(v).ok()?
    };
    Some((n, i + 1))
}

/// Decimal formatting without going through `fmt`.
#[inline]
pub fn write_i64(out: &mut Vec<u8>, n: i64) {
    let mut buf = [0u8; 20];
    let len = write_i64_at(&mut buf, n);
    out.extend_from_slice(&buf[..len]);
}

/// The number of bytes `n` takes in decimal (with its `-`).
#[inline]
pub fn i64_len(n: i64) -> usize {
    let u = n.unsigned_abs();
    let digits = if u == 0 { 1 } else { u.ilog10() as usize + 1 };
    digits + (n < 0) as usize
}

/// Writes `n` in decimal at the start of `dst` (at least [`i64_len`] bytes)
/// and returns the length.
#[inline]
pub fn write_i64_at(dst: &mut [u8], n: i64) -> usize {
    let len = i64_len(n);
    write_i64_exact(&mut dst[..len], n);
    len
}

const DIGITS2: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes `n` in decimal into `dst`, which is exactly [`i64_len`] bytes.
#[inline]
pub fn write_i64_exact(dst: &mut [u8], n: i64) {
    let mut u = n.unsigned_abs();
    let mut i = dst.len();
    // 32-bit divisions are cheaper: most numbers take this path.
    if u <= u32::MAX as u64 {
        let mut w = u as u32;
        while w >= 100 {
            let r = (w % 100) as usize * 2;
            w /= 100;
            i -= 2;
            dst[i..i + 2].copy_from_slice(&DIGITS2[r..r + 2]);
        }
        u = w as u64;
    }
    while u >= 100 {
        let r = (u % 100) as usize * 2;
        u /= 100;
        i -= 2;
        dst[i..i + 2].copy_from_slice(&DIGITS2[r..r + 2]);
    }
    if u >= 10 {
        let r = u as usize * 2;
        i -= 2;
        dst[i..i + 2].copy_from_slice(&DIGITS2[r..r + 2]);
    } else {
        i -= 1;
        dst[i] = b'0' + u as u8;
    }
    if n < 0 {
        dst[i - 1] = b'-';
    }
}

/// Length of `i:<n>;`.
#[inline]
pub fn int_len(n: i64) -> usize {
    3 + i64_len(n)
}

/// Length of `s:<len>:"<bytes>";`.
#[inline]
pub fn string_len(len: usize) -> usize {
    len + i64_len(len as i64) + 6
}

/// Writes `i:<n>;` into `dst` (exactly [`int_len`] bytes).
#[inline]
pub fn write_int_at(dst: &mut [u8], n: i64) {
    let l = dst.len();
    dst[0] = b'i';
    dst[1] = b':';
    write_i64_exact(&mut dst[2..l - 1], n);
    dst[l - 1] = b';';
}

/// Writes `s:<len>:"<bytes>";` into `dst` (exactly [`string_len`] bytes).
#[inline]
pub fn write_string_at(dst: &mut [u8], b: &[u8]) {
    let digits = dst.len() - b.len() - 6;
    dst[0] = b's';
    dst[1] = b':';
    write_i64_exact(&mut dst[2..2 + digits], b.len() as i64);
    let p = 2 + digits;
    dst[p] = b':';
    dst[p + 1] = b'"';
    dst[p + 2..p + 2 + b.len()].copy_from_slice(b);
    let e = dst.len();
    dst[e - 2] = b'"';
    dst[e - 1] = b';';
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
    fn in_place_writers_match_the_vec_writers() {
        for n in [0i64, 7, -7, 10, 99, 100, -100, 123456789, i64::MAX, i64::MIN, -1234567890123] {
            let mut v = Vec::new();
            write_int(&mut v, n);
            assert_eq!(int_len(n), v.len());
            let mut d = vec![0u8; int_len(n)];
            write_int_at(&mut d, n);
            assert_eq!(d, v);
        }
        for len in [0usize, 1, 9, 10, 99, 100, 1024, 12345] {
            let b: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let mut v = Vec::new();
            write_string(&mut v, &b);
            assert_eq!(string_len(len), v.len());
            let mut d = vec![0u8; string_len(len)];
            write_string_at(&mut d, &b);
            assert_eq!(d, v);
        }
    }

    #[test]
    fn decimal_matches_fmt() {
        let mut x: u64 = 1;
        let check = |n: i64| {
            let mut v = Vec::new();
            write_i64(&mut v, n);
            assert_eq!(v, n.to_string().into_bytes());
            assert_eq!(i64_len(n), v.len());
            assert_eq!(parse_canonical_i64(&v), Some(n));
        };
        for n in -20000..20000 {
            check(n);
        }
        for _ in 0..20000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            check(x as i64);
            check((x >> (x % 64)) as i64);
        }
        for p in 0..19 {
            let t = 10i64.pow(p);
            for n in [t - 1, t, t + 1, -t, -t + 1, -t - 1] {
                check(n);
            }
        }
        check(i64::MAX);
        check(i64::MIN);
    }

    #[test]
    fn parse_until_matches_parse_canonical() {
        for s in [
            "0",
            "1",
            "-1",
            "42",
            "-0",
            "00",
            "01",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
            "",
            "-",
            "1a",
            "+1",
        ] {
            let mut b = s.as_bytes().to_vec();
            b.push(b';');
            b.extend_from_slice(b"rest");
            let want = parse_canonical_i64(s.as_bytes()).map(|v| (v, s.len() + 1));
            assert_eq!(parse_i64_until(&b, b';'), want, "{s}");
        }
        assert_eq!(parse_i64_until(b"12:", b';'), None);
        assert_eq!(parse_i64_until(b"12", b';'), None);
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
        for (input, want) in [
            (&b"3:\"abc\";"[..], Some(&b"abc"[..])),
            (b"0:\"\";", Some(&b""[..])),
            (b"3:\"abc\";x", None),
            (b"4:\"abc\";", None),
            (b"03:\"abc\";", None),
            (b"3:'abc';", None),
            (b":\"\";", None),
            (b"-1:\"\";", None),
            (b"99999999999999999999:\"\";", None),
            (b"3:\"ab\"\";", Some(&b"ab\""[..])),
            (b"3\"abc\";", None),
        ] {
            assert_eq!(string_body(input), want, "{:?}", String::from_utf8_lossy(input));
        }
    }
}
