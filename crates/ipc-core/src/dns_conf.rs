//! evdns's configuration syntax: nameserver addresses as libevent parses them
//! (evutil_parse_sockaddr_port over its own inet_pton: sscanf's `%u` rules for
//! IPv4, its own IPv6 reader), option values (strtol / strtod as C reads
//! them), resolv.conf lines and hosts-file lines.

use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// C's strtoul/strtol digits loop from `i` (after whitespace and a sign):
/// (value saturated to u64, negative, end). `end == i0` when no digit.
fn c_strtou(s: &[u8], i0: usize) -> (u64, bool, usize, bool) {
    let mut i = i0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let start = i;
    let mut v: u64 = 0;
    let mut overflow = false;
    while i < s.len() && s[i].is_ascii_digit() {
        match v.checked_mul(10).and_then(|x| x.checked_add((s[i] - b'0') as u64)) {
            Some(x) => v = x,
            None => overflow = true,
        }
        i += 1;
    }
    if i == start {
        return (0, false, i0, false);
    }
    (v, neg, i, overflow)
}

/// sscanf's `%u`: the value as stored in an `unsigned int`; None on a
/// matching failure.
fn scan_u(s: &[u8], i: &mut usize) -> Option<u32> {
    let (v, neg, end, overflow) = c_strtou(s, *i);
    if end == *i {
        return None;
    }
    *i = end;
    let v = if overflow {
        u64::MAX
    } else if neg {
        v.wrapping_neg()
    } else {
        v
    };
    Some(v as u32)
}

/// C's strtol(s, &end, 10) as an `int` (the (int) cast of evdns's
/// strtoint), and whether the whole string was read.
fn strtol_int(s: &[u8]) -> (i32, bool) {
    let (v, neg, end, overflow) = c_strtou(s, 0);
    let l: i64 = if overflow || v > i64::MAX as u64 {
        if neg {
            i64::MIN
        } else {
            i64::MAX
        }
    } else if neg {
        -(v as i64)
    } else {
        v as i64
    };
    (l as i32, end == s.len())
}

/// C's atoi.
fn atoi(s: &[u8]) -> i32 {
    strtol_int(s).0
}

/// libevent's IPv4 reader: `sscanf(src, "%u.%u.%u.%u%c")` must convert
/// exactly four numbers, each at most 255.
pub fn parse_v4(s: &[u8]) -> Option<Ipv4Addr> {
    let mut i = 0;
    let mut b = [0u8; 4];
    for (k, slot) in b.iter_mut().enumerate() {
        if k > 0 {
            if s.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
        }
        let v = scan_u(s, &mut i)?;
        if v > 255 {
            return None;
        }
        *slot = v as u8;
    }
    if i < s.len() {
        return None; // %c converted a fifth item
    }
    Some(Ipv4Addr::from(b))
}

/// libevent's own IPv6 reader (hex words of at most 4 digits, one `::`, an
/// optional dotted IPv4 tail).
pub fn parse_v6(s: &[u8]) -> Option<Ipv6Addr> {
    let dot = s.iter().position(|&c| c == b'.');
    let mut words = [0u16; 8];
    let mut set_words = 0usize;
    let eow = match dot {
        Some(0) => return None,
        None => s.len(),
        Some(d) => {
            let mut e = d;
            while e > 0 && s[e - 1].is_ascii_digit() {
                e -= 1;
            }
            let v4 = parse_v4(&s[e..])?.octets();
            words[6] = u16::from_be_bytes([v4[0], v4[1]]);
            words[7] = u16::from_be_bytes([v4[2], v4[3]]);
            set_words += 2;
            e
        }
    };
    let mut gap: Option<usize> = None;
    let mut i = 0usize;
    let mut src = 0usize;
    while src < eow {
        if i > 7 {
            return None;
        }
        let c = s[src];
        if c.is_ascii_hexdigit() {
            // strtol(src, &next, 16): an 0x prefix is part of the number.
            let mut j = src;
            if c == b'0'
                && matches!(s.get(j + 1), Some(b'x' | b'X'))
                && s.get(j + 2).is_some_and(|d| d.is_ascii_hexdigit())
            {
                j += 2;
            }
            let digits = j;
            while j < s.len() && s[j].is_ascii_hexdigit() {
                j += 1;
            }
            if j - src > 4 {
                return None;
            }
            let mut r: u32 = 0;
            for &d in &s[digits..j] {
                r = r * 16 + (d as char).to_digit(16).unwrap_or(0);
            }
            words[i] = r as u16;
            i += 1;
            set_words += 1;
            src = j;
            if src != eow && s.get(src) != Some(&b':') {
                return None;
            }
            src += 1;
        } else if c == b':' && i > 0 && gap.is_none() {
            gap = Some(i);
            src += 1;
        } else if c == b':' && i == 0 && s.get(src + 1) == Some(&b':') && gap.is_none() {
            gap = Some(i);
            src += 2;
        } else {
            return None;
        }
    }
    if set_words > 8 || (set_words == 8 && gap.is_some()) || (set_words < 8 && gap.is_none()) {
        return None;
    }
    if let Some(g) = gap {
        let to_move = set_words - if dot.is_some() { 2 } else { 0 } - g;
        let gap_len = 8 - set_words;
        words.copy_within(g..g + to_move, g + gap_len);
        for w in &mut words[g..g + gap_len] {
            *w = 0;
        }
    }
    Some(Ipv6Addr::from(words))
}

/// evutil_inet_pton_scope: an IPv6 address with an optional `%zone`, the
/// zone an interface name (`if_index` maps it, 0 when unknown) or a number.
pub fn parse_v6_scope(s: &[u8], if_index: &dyn Fn(&[u8]) -> u32) -> Option<(Ipv6Addr, u32)> {
    let Some(p) = s.iter().position(|&c| c == b'%') else {
        return parse_v6(s).map(|a| (a, 0));
    };
    let zone = &s[p + 1..];
    let mut idx = if_index(zone);
    if idx == 0 {
        let (v, neg, end, overflow) = c_strtou(zone, 0);
        if end != zone.len() {
            return None;
        }
        let v = if overflow {
            u64::MAX
        } else if neg {
            v.wrapping_neg()
        } else {
            v
        };
        idx = v as u32;
    }
    parse_v6(&s[..p]).map(|a| (a, idx))
}

/// evutil_parse_sockaddr_port: `[ipv6]:port`, `ipv6`, `[ipv6]`, `ipv4:port`
/// or `ipv4`; port 0 when none is given.
pub fn parse_sockaddr_port(s: &[u8], if_index: &dyn Fn(&[u8]) -> u32) -> Option<SocketAddr> {
    let colon = s.iter().position(|&c| c == b':');
    let (addr, port, v6): (&[u8], Option<&[u8]>, bool) = if s.first() == Some(&b'[') {
        let close = s.iter().position(|&c| c == b']')?;
        if close - 1 > 127 {
            return None;
        }
        let port = if s.get(close + 1) == Some(&b':') { Some(&s[close + 2..]) } else { None };
        (&s[1..close], port, true)
    } else if let Some(c) = colon.filter(|&c| s[c + 1..].contains(&b':')) {
        let _ = c;
        (s, None, true)
    } else if let Some(c) = colon {
        if c > 127 {
            return None;
        }
        (&s[..c], Some(&s[c + 1..]), false)
    } else {
        (s, None, false)
    };
    let port = match port {
        None => 0,
        Some(p) => {
            let n = atoi(p);
            if !(1..=65535).contains(&n) {
                return None;
            }
            n as u16
        }
    };
    if v6 {
        let (ip, scope) = parse_v6_scope(addr, if_index)?;
        Some(SocketAddr::V6(SocketAddrV6::new(ip, port, 0, scope)))
    } else {
        Some(SocketAddr::V4(SocketAddrV4::new(parse_v4(addr)?, port)))
    }
}

/// evutil_format_sockaddr_port_: `1.2.3.4:53`, `[::1]:53`.
pub fn format_sockaddr(a: &SocketAddr) -> String {
    match a {
        SocketAddr::V4(v) => format!("{}:{}", v.ip(), v.port()),
        SocketAddr::V6(v) => format!("[{}]:{}", v.ip(), v.port()),
    }
}

/// str_matches_option: `option` names the option `name` (which ends with a
/// colon) when it equals it with or without the colon, or starts with it.
pub fn option_matches(option: &[u8], name: &str) -> bool {
    let name = name.as_bytes();
    let (s, o) = (option.len(), name.len());
    if s == o || s + 1 == o {
        option == &name[..s]
    } else if s > o {
        &option[..o] == name
    } else {
        false
    }
}

/// evdns's strtoint: the whole string as a decimal int; -1 (also the value
/// of an unreadable string) is the error.
pub fn strtoint(s: &[u8]) -> i32 {
    match strtol_int(s) {
        (v, true) => v,
        _ => -1,
    }
}

/// strtoint_clipped.
pub fn strtoint_clipped(s: &[u8], min: i32, max: i32) -> i32 {
    match strtoint(s) {
        -1 => -1,
        r => r.clamp(min, max),
    }
}

/// C's strtod over the whole string: None when characters remain.
pub fn strtod_all(s: &[u8]) -> Option<f64> {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let neg = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().map(|c| c.to_ascii_lowercase()).collect();
    let sign = |v: f64| if neg { -v } else { v };
    if lower == b"inf" || lower == b"infinity" {
        return Some(sign(f64::INFINITY));
    }
    if lower.starts_with(b"nan") {
        let tail = &lower[3..];
        let ok = tail.is_empty()
            || (tail.first() == Some(&b'(')
                && tail.last() == Some(&b')')
                && tail[1..tail.len() - 1].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_'));
        return ok.then_some(f64::NAN);
    }
    if lower.starts_with(b"0x") && lower.get(2).is_some_and(|c| c.is_ascii_hexdigit() || *c == b'.') {
        let mut v = 0f64;
        let mut j = 2;
        let mut digits = 0;
        let mut exp: i64 = 0;
        while j < lower.len() && lower[j].is_ascii_hexdigit() {
            v = v * 16.0 + (lower[j] as char).to_digit(16)? as f64;
            j += 1;
            digits += 1;
        }
        if lower.get(j) == Some(&b'.') {
            j += 1;
            while j < lower.len() && lower[j].is_ascii_hexdigit() {
                v = v * 16.0 + (lower[j] as char).to_digit(16)? as f64;
                exp -= 4;
                j += 1;
                digits += 1;
            }
        }
        if digits == 0 {
            return None;
        }
        if lower.get(j) == Some(&b'p') {
            let (e, ok) = strtol_int(&lower[j + 1..]);
            if !ok || lower.len() == j + 1 {
                return None;
            }
            exp += e as i64;
            j = lower.len();
        }
        if j != lower.len() {
            return None;
        }
        return Some(sign(v * 2f64.powi(exp.clamp(-2000, 2000) as i32)));
    }
    // Decimal: digits [. digits] [e [sign] digits]
    let mut j = 0;
    let mut digits = 0;
    while j < rest.len() && rest[j].is_ascii_digit() {
        j += 1;
        digits += 1;
    }
    if rest.get(j) == Some(&b'.') {
        j += 1;
        while j < rest.len() && rest[j].is_ascii_digit() {
            j += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if matches!(rest.get(j), Some(b'e' | b'E')) {
        let mut k = j + 1;
        if matches!(rest.get(k), Some(b'+' | b'-')) {
            k += 1;
        }
        if rest.get(k).is_some_and(|c| c.is_ascii_digit()) {
            while k < rest.len() && rest[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    if j != rest.len() {
        return None;
    }
    let text = std::str::from_utf8(rest).ok()?;
    let text = text.strip_suffix('.').unwrap_or(text);
    let text = if text.starts_with('.') { format!("0{text}") } else { text.to_string() };
    text.parse::<f64>().ok().map(sign)
}

/// C's (int) conversion of a double on x86-64: out-of-range and NaN give INT_MIN.
fn c_int(d: f64) -> i64 {
    if d.is_nan() || !(-2147483648.0..2147483648.0).contains(&d) {
        i32::MIN as i64
    } else {
        d.trunc() as i64
    }
}

/// evdns_strtotimeval: a non-negative number of seconds of at least 1 ms,
/// in nanoseconds.
pub fn strtotimeval(s: &[u8]) -> Option<i64> {
    let d = strtod_all(s)?;
    if d < 0.0 {
        return None;
    }
    let sec = c_int(d);
    let usec = c_int((d - sec as f64) * 1_000_000.0);
    if sec == 0 && usec < 1000 {
        return None;
    }
    Some(sec * 1_000_000_000 + usec * 1000)
}

/// One resolv.conf line, as evdns acts on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfLine {
    /// `nameserver ADDR` (only the first token after the keyword).
    Nameserver(Vec<u8>),
    /// `domain D`: the search list becomes D.
    Domain(Vec<u8>),
    /// `search A B C`: the search list becomes A, B, C.
    Search(Vec<Vec<u8>>),
    /// `options name:value ...`: each passed to set_option.
    Options(Vec<(Vec<u8>, Vec<u8>)>),
}

fn tokens(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    line.split(|&c| c == b' ' || c == b'\t').filter(|t| !t.is_empty())
}

/// The lines of a resolv.conf (text up to its first NUL, split at '\n').
pub fn parse_resolv_conf(text: &[u8]) -> Vec<ConfLine> {
    let text = &text[..text.iter().position(|&c| c == 0).unwrap_or(text.len())];
    let mut out = Vec::new();
    for line in text.split(|&c| c == b'\n') {
        let mut t = tokens(line);
        let Some(first) = t.next() else { continue };
        match first {
            b"nameserver" => {
                if let Some(ns) = t.next() {
                    out.push(ConfLine::Nameserver(ns.to_vec()));
                }
            }
            b"domain" => {
                if let Some(d) = t.next() {
                    out.push(ConfLine::Domain(d.to_vec()));
                }
            }
            b"search" => out.push(ConfLine::Search(t.map(<[u8]>::to_vec).collect())),
            b"options" => out.push(ConfLine::Options(
                t.map(|o| {
                    let val = match o.iter().position(|&c| c == b':') {
                        Some(p) => o[p + 1..].to_vec(),
                        None => Vec::new(),
                    };
                    (o.to_vec(), val)
                })
                .collect(),
            )),
            _ => {}
        }
    }
    out
}

/// The entries of a hosts file (text up to its first NUL), in file order:
/// evdns_base_parse_hosts_line for each '\n'-separated line. A line whose
/// address does not parse or carries a port is skipped.
pub fn parse_hosts(text: &[u8], if_index: &dyn Fn(&[u8]) -> u32) -> Vec<(Vec<u8>, SocketAddr)> {
    let text = &text[..text.iter().position(|&c| c == 0).unwrap_or(text.len())];
    let mut out = Vec::new();
    for line in text.split(|&c| c == b'\n') {
        let mut t = tokens(line);
        let Some(addr) = t.next() else { continue };
        if addr[0] == b'#' {
            continue;
        }
        let Some(sa) = parse_sockaddr_port(addr, if_index) else { continue };
        if sa.port() != 0 {
            continue;
        }
        for name in t {
            match name.iter().position(|&c| c == b'#') {
                Some(0) => break,
                Some(h) => {
                    out.push((name[..h].to_vec(), sa));
                    break;
                }
                None => out.push((name.to_vec(), sa)),
            }
        }
    }
    out
}

/// Why evutil_read_file_ failed: it could not open the file (-1), or
/// anything after that (-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    Open,
    Other,
}

/// evutil_read_file_: the whole file, read up to the size fstat gives.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|_| ReadError::Open)?;
    let size = f.metadata().map_err(|_| ReadError::Other)?.len();
    let mut buf = Vec::new();
    (&mut f).take(size).read_to_end(&mut buf).map_err(|_| ReadError::Other)?;
    Ok(buf)
}

#[cfg(test)]
#[path = "dns_conf_tests.rs"]
mod tests;
