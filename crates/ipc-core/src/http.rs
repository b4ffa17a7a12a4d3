//! The PHP-free core of EventHttp (libevent's evhttp, as PECL event 3.1.5
//! exposes it): the pieces both sides of HTTP/1.x share.
//!
//! Every rule here was checked against the live oracle (PECL event on
//! libevent 2.1.12); `difftests/event/http_*.php` are the probes and
//! `docs/event-http-core.md` lists what they showed. libevent's parser works
//! on C strings, so a NUL byte ends a line's text (but not its length, which
//! still counts toward the header-size limit), and numbers are read the way
//! `strtoll` and `sscanf("%d")` read them.
//!
//! The server side lives in [`crate::http_request`] and
//! [`crate::http_response`], the client side in [`crate::http_client`],
//! chunked bodies in [`crate::http_chunked`].

/// EventHttpRequest::CMD_* values (libevent's `enum evhttp_cmd_type`).
pub const CMD_GET: u32 = 1;
pub const CMD_POST: u32 = 1 << 1;
pub const CMD_HEAD: u32 = 1 << 2;
pub const CMD_PUT: u32 = 1 << 3;
pub const CMD_DELETE: u32 = 1 << 4;
pub const CMD_OPTIONS: u32 = 1 << 5;
pub const CMD_TRACE: u32 = 1 << 6;
pub const CMD_CONNECT: u32 = 1 << 7;
pub const CMD_PATCH: u32 = 1 << 8;
/// The type evhttp gives a method it does not know; getCommand() reports
/// it when setAllowedMethods() lets such a request through.
pub const CMD_UNKNOWN: u32 = 1 << 15;

/// The methods a new EventHttp accepts (evhttp_new's default).
pub const DEFAULT_ALLOWED_METHODS: u32 = CMD_GET | CMD_POST | CMD_HEAD | CMD_PUT | CMD_DELETE;

/// evhttp's default Content-Type for replies that carry none.
pub const DEFAULT_CONTENT_TYPE: &[u8] = b"text/html; charset=ISO-8859-1";

/// What a server writes before reading the body of an
/// `Expect: 100-continue` request.
pub const CONTINUE_RESPONSE: &[u8] = b"HTTP/1.1 100 Continue\r\n\r\n";

/// A request method as evhttp knows it: one CMD_* bit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Method(pub u32);

impl Method {
    /// The method of a request line; evhttp's match is exact and
    /// case-sensitive ("get" is unknown).
    pub fn from_token(token: &[u8]) -> Method {
        Method(match token {
            b"GET" => CMD_GET,
            b"POST" => CMD_POST,
            b"HEAD" => CMD_HEAD,
            b"PUT" => CMD_PUT,
            b"DELETE" => CMD_DELETE,
            b"OPTIONS" => CMD_OPTIONS,
            b"TRACE" => CMD_TRACE,
            b"CONNECT" => CMD_CONNECT,
            b"PATCH" => CMD_PATCH,
            _ => CMD_UNKNOWN,
        })
    }

    /// The token written on a request line (evhttp_method); None for a
    /// value that is not one CMD_* bit.
    pub fn token(self) -> Option<&'static str> {
        Some(match self.0 {
            CMD_GET => "GET",
            CMD_POST => "POST",
            CMD_HEAD => "HEAD",
            CMD_PUT => "PUT",
            CMD_DELETE => "DELETE",
            CMD_OPTIONS => "OPTIONS",
            CMD_TRACE => "TRACE",
            CMD_CONNECT => "CONNECT",
            CMD_PATCH => "PATCH",
            _ => return None,
        })
    }

    /// Whether evhttp reads a body for a request of this method
    /// (evhttp_method_may_have_body: not HEAD, TRACE or unknown ones).
    pub fn may_have_body(self) -> bool {
        matches!(self.0, CMD_POST | CMD_PUT | CMD_PATCH | CMD_GET | CMD_DELETE | CMD_OPTIONS | CMD_CONNECT)
    }
}

/// The reason phrase evhttp uses when none is given
/// (evhttp_response_phrase_internal), recorded from the oracle for every
/// code from -1 to 1000: known codes get their phrase, other codes of a
/// known class the class name, the rest "Unknown Status Class".
pub fn reason_phrase(code: i64) -> &'static str {
    const INFORMATIONAL: &[&str] = &["Continue", "Switching Protocols"];
    const SUCCESS: &[&str] = &[
        "OK",
        "Created",
        "Accepted",
        "Non-Authoritative Information",
        "No Content",
        "Reset Content",
        "Partial Content",
    ];
    // libevent's table has no entry for 306, so 306 gets 307's phrase and
    // 307 the class name: the oracle shows exactly that.
    const REDIRECTION: &[&str] = &[
        "Multiple Choices",
        "Moved Permanently",
        "Found",
        "See Other",
        "Not Modified",
        "Use Proxy",
        "Temporary Redirect",
    ];
    const CLIENT_ERROR: &[&str] = &[
        "Bad Request",
        "Unauthorized",
        "Payment Required",
        "Forbidden",
        "Not Found",
        "Method Not Allowed",
        "Not Acceptable",
        "Proxy Authentication Required",
        "Request Time-out",
        "Conflict",
        "Gone",
        "Length Required",
        "Precondition Failed",
        "Request Entity Too Large",
        "Request-URI Too Large",
        "Unsupported Media Type",
        "Requested range not satisfiable",
        "Expectation Failed",
    ];
    const SERVER_ERROR: &[&str] = &[
        "Internal Server Error",
        "Not Implemented",
        "Bad Gateway",
        "Service Unavailable",
        "Gateway Time-out",
        "HTTP Version not supported",
    ];
    const CLASSES: [(&str, &[&str]); 5] = [
        ("Informational", INFORMATIONAL),
        ("Success", SUCCESS),
        ("Redirection", REDIRECTION),
        ("Client Error", CLIENT_ERROR),
        ("Server Error", SERVER_ERROR),
    ];
    // C's division truncates toward zero: -1 / 100 - 1 is class -1.
    let class = code / 100 - 1;
    if !(0..5).contains(&class) {
        return "Unknown Status Class";
    }
    let (name, phrases) = CLASSES[class as usize];
    phrases.get((code % 100) as usize).copied().unwrap_or(name)
}

/// An evkeyvalq: headers in arrival order, names compared without regard
/// to ASCII case, duplicates kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headers(Vec<(Vec<u8>, Vec<u8>)>);

/// The text of a C string: the bytes before the first NUL.
pub fn c_str(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == 0) {
        Some(n) => &bytes[..n],
        None => bytes,
    }
}

impl Headers {
    pub fn new() -> Headers {
        Headers(Vec::new())
    }

    /// evhttp_add_header: keys and values are C strings (cut at a NUL);
    /// a key or value with CR or LF is refused (false), as on the oracle
    /// (difftests/event/http_headers.php). Empty names, spaces and colons
    /// in names pass.
    pub fn add(&mut self, key: &[u8], value: &[u8]) -> bool {
        let (key, value) = (c_str(key), c_str(value));
        if key.iter().any(|&b| b == b'\r' || b == b'\n') || !valid_value(value) {
            return false;
        }
        self.0.push((key.to_vec(), value.to_vec()));
        true
    }

    /// evhttp_find_header: the value of the first header of that name.
    pub fn find(&self, key: &[u8]) -> Option<&[u8]> {
        let key = c_str(key);
        self.0.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v.as_slice())
    }

    /// How many headers carry that name.
    pub fn count(&self, key: &[u8]) -> usize {
        self.0.iter().filter(|(k, _)| k.eq_ignore_ascii_case(key)).count()
    }

    /// evhttp_remove_header: removes the first header of that name; false
    /// when there is none.
    pub fn remove(&mut self, key: &[u8]) -> bool {
        let key = c_str(key);
        match self.0.iter().position(|(k, _)| k.eq_ignore_ascii_case(key)) {
            Some(i) => {
                self.0.remove(i);
                true
            }
            None => false,
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn iter(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.0.iter().map(|(k, v)| (k.as_slice(), v.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends "key: value\r\n" for each header, in order.
    pub fn write_to(&self, out: &mut Vec<u8>) {
        for (k, v) in &self.0 {
            out.extend_from_slice(k);
            out.extend_from_slice(b": ");
            out.extend_from_slice(v);
            out.extend_from_slice(b"\r\n");
        }
    }

    /// A folded continuation line joins the last header's value with one
    /// space (evhttp_append_to_last_header); false when there is no header.
    fn append_to_last(&mut self, line: &[u8]) -> bool {
        let Some((_, value)) = self.0.last_mut() else { return false };
        let start = line.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(line.len());
        value.push(b' ');
        value.extend_from_slice(rtrim_lws(&line[start..]));
        true
    }
}

/// Header values may hold no CR or LF at all: the oracle's addHeader
/// refuses even a folded value ("a\r\n b"), and a CR inside a received
/// header line fails the request (400).
fn valid_value(value: &[u8]) -> bool {
    !value.iter().any(|&b| b == b'\r' || b == b'\n')
}

/// evutil_rtrim_lws_: drops trailing spaces and tabs. A CR stays, so
/// "X-A: 1\r\r\n" fails the request (400) as on the oracle, while a
/// folded line keeps it in the value ("one two\r").
fn rtrim_lws(s: &[u8]) -> &[u8] {
    let end = s.iter().rposition(|&b| !matches!(b, b' ' | b'\t')).map_or(0, |i| i + 1);
    &s[..end]
}

/// Takes one line ending in LF (an optional CR before it is dropped) off
/// the front of `buf[*pos..]`, as evbuffer_readln(EVBUFFER_EOL_CRLF) does.
pub(crate) fn read_line<'a>(buf: &'a [u8], pos: &mut usize) -> Option<&'a [u8]> {
    let rest = &buf[*pos..];
    let lf = rest.iter().position(|&b| b == b'\n')?;
    *pos += lf + 1;
    let line = &rest[..lf];
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

/// The result of parsing header lines from a buffer.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeaderStatus {
    /// The empty line ending the block was read.
    Done,
    /// More bytes are needed.
    More,
    /// A line is malformed.
    Corrupted,
    /// The block is larger than the limit.
    TooLong,
}

/// evhttp_parse_headers_: reads header lines from `buf[*pos..]` into
/// `headers` until the empty line, counting each line's length (without its
/// end of line) into `size` against `max`.
pub(crate) fn parse_header_lines(
    buf: &[u8],
    pos: &mut usize,
    headers: &mut Headers,
    size: &mut u64,
    max: u64,
) -> HeaderStatus {
    while let Some(line) = read_line(buf, pos) {
        *size = size.saturating_add(line.len() as u64);
        if *size > max {
            return HeaderStatus::TooLong;
        }
        let text = c_str(line);
        if text.is_empty() {
            return HeaderStatus::Done;
        }
        if text[0] == b' ' || text[0] == b'\t' {
            if !headers.append_to_last(text) {
                return HeaderStatus::Corrupted;
            }
            continue;
        }
        let Some(colon) = text.iter().position(|&b| b == b':') else {
            return HeaderStatus::Corrupted;
        };
        let value = &text[colon + 1..];
        let start = value.iter().position(|&b| b != b' ').unwrap_or(value.len());
        if !headers.add(&text[..colon], rtrim_lws(&value[start..])) {
            return HeaderStatus::Corrupted;
        }
    }
    // No end yet: the bytes waiting count toward the limit too.
    if size.saturating_add((buf.len() - *pos) as u64) > max {
        return HeaderStatus::TooLong;
    }
    HeaderStatus::More
}

/// `strtoll(s, &end, base)` on a C string: leading white space, a sign,
/// "0x" for base 16, digits; saturates on overflow as glibc does. Returns
/// the value and the index where parsing stopped (0 when no digits).
pub fn strtoll(s: &[u8], base: u32) -> (i64, usize) {
    let s = c_str(s);
    let mut i = s.iter().position(|b| !b" \t\n\r\x0b\x0c".contains(b)).unwrap_or(s.len());
    let negative = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if base == 16
        && s.get(i) == Some(&b'0')
        && matches!(s.get(i + 1), Some(b'x' | b'X'))
        && s.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit())
    {
        i += 2;
    }
    let digits_start = i;
    let mut value: i128 = 0;
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(base)) {
        value = (value * base as i128 + d as i128).min(i64::MAX as i128 + 1);
        i += 1;
    }
    if i == digits_start {
        return (0, 0);
    }
    let value = if negative { (-value).max(i64::MIN as i128) } else { value.min(i64::MAX as i128) };
    (value as i64, i)
}

/// `sscanf(s, "%d")` at the start of `s`: white space, a sign, digits.
/// Returns the value (wrapped to 32 bits as glibc stores it) and the bytes
/// used, or None without digits.
fn scan_int(s: &[u8]) -> Option<(i32, usize)> {
    let (v, used) = strtoll(s, 10);
    if used == 0 {
        return None;
    }
    Some((v as i32, used))
}

/// evhttp_parse_http_version: `sscanf(version, "HTTP/%d.%d%c")` must read
/// exactly two numbers, and the major version must not be above 1 (so
/// "HTTP/1.2", "HTTP/1.10" and "HTTP/-1.1" pass, as on the oracle).
pub(crate) fn parse_version(version: &[u8]) -> Option<(i32, i32)> {
    let rest = version.strip_prefix(b"HTTP/")?;
    let (major, used) = scan_int(rest)?;
    let rest = rest[used..].strip_prefix(b".")?;
    let (minor, used) = scan_int(rest)?;
    if used != rest.len() || major > 1 {
        return None;
    }
    Some((major, minor))
}

/// REQ_VERSION_BEFORE(req, 1, 1).
pub(crate) fn version_before_1_1(major: i32, minor: i32) -> bool {
    major < 1 || (major == 1 && minor < 1)
}

/// evhttp_is_connection_keepalive: a `Connection` value that starts with
/// "keep-alive", any case (strncasecmp over 10 bytes: "Keep-Alive, foo"
/// and "keep-alivex" count, as on the oracle).
pub(crate) fn is_keepalive(headers: &Headers) -> bool {
    headers.find(b"Connection").is_some_and(|v| v.len() >= 10 && v[..10].eq_ignore_ascii_case(b"keep-alive"))
}

/// evhttp_is_connection_close: a proxy request closes unless
/// `Proxy-Connection: keep-alive`; others close on `Connection: close`.
pub(crate) fn is_connection_close(proxy: bool, headers: &Headers) -> bool {
    if proxy {
        !headers.find(b"Proxy-Connection").is_some_and(|v| v.eq_ignore_ascii_case(b"keep-alive"))
    } else {
        headers.find(b"Connection").is_some_and(|v| v.eq_ignore_ascii_case(b"close"))
    }
}

/// How a message's body is framed, from its Transfer-Encoding and
/// Content-Length headers, as the oracle decides (libevent 2.1.12 as
/// Debian ships it refuses ambiguous framing).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    Chunked,
    /// A Content-Length (strtoll-read, so "+3" and "\t3" count).
    Length(u64),
    /// Neither: a request has no body, a response runs until close
    /// (unless `Connection` is present without "close", then it is empty).
    None,
    /// Two Transfer-Encoding headers, Transfer-Encoding with
    /// Content-Length, "chunked" not last, or a bad Content-Length.
    Invalid,
}

pub(crate) fn body_framing(headers: &Headers) -> Framing {
    let te_count = headers.count(b"Transfer-Encoding");
    if te_count > 0 {
        if te_count > 1 || headers.find(b"Content-Length").is_some() {
            return Framing::Invalid;
        }
        let te = headers.find(b"Transfer-Encoding").unwrap_or_default();
        let codings: Vec<&[u8]> = te.split(|&b| b == b',').map(trim_ows).collect();
        let chunked_at = codings.iter().position(|c| c.eq_ignore_ascii_case(b"chunked"));
        return match chunked_at {
            Some(i) if i + 1 == codings.len() => Framing::Chunked,
            Some(_) => Framing::Invalid,
            None => Framing::None,
        };
    }
    match headers.find(b"Content-Length") {
        None => Framing::None,
        Some(v) => {
            let (n, used) = strtoll(v, 10);
            if v.is_empty() || used != v.len() || n < 0 {
                Framing::Invalid
            } else {
                Framing::Length(n as u64)
            }
        }
    }
}

fn trim_ows(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(s.len());
    let end = s.iter().rposition(|&b| b != b' ' && b != b'\t').map_or(start, |i| i + 1);
    &s[start..end.max(start)]
}

/// evhttp_htmlescape: the five characters HTML gives meaning to.
pub fn html_escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in c_str(s) {
        match b {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'\'' => out.extend_from_slice(b"&#039;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            _ => out.push(b),
        }
    }
    out
}

/// evhttp_decode_uri_internal without '+' decoding (as the path lookup
/// uses it): "%XX" with two hex digits becomes that byte, anything else
/// stays.
pub fn decode_path(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%' && i + 2 < s.len() && s[i + 1].is_ascii_hexdigit() && s[i + 2].is_ascii_hexdigit() {
            let hex = |c: u8| (c as char).to_digit(16).unwrap_or(0) as u8;
            out.push(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

/// The Date header value for `unix_secs`: "Sun, 29 Nov 2026 01:29:55 GMT"
/// (strftime "%a, %d %b %Y %H:%M:%S GMT" on gmtime, as evhttp writes it).
pub fn http_date(unix_secs: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        day,
        MONTHS[(month - 1) as usize],
        year,
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The parts of a request URI evhttp looks at (evhttp_uri_parse_with_flags
/// with EVHTTP_URI_NONCONFORMANT).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Uri {
    pub scheme: Option<Vec<u8>>,
    pub userinfo: Option<Vec<u8>>,
    /// Present when the URI has an authority ("//host...").
    pub host: Option<Vec<u8>>,
    /// -1 when absent.
    pub port: i32,
    pub path: Vec<u8>,
    pub query: Option<Vec<u8>>,
    pub fragment: Option<Vec<u8>>,
}

fn is_unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~".contains(&c)
}

fn is_subdelim(c: u8) -> bool {
    b"!$&'()*+,;=".contains(&c)
}

/// Unreserved, sub-delims, `extra` characters and %XX escapes only.
fn chars_ok(s: &[u8], extra: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'%' {
            if !(s.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && s.get(i + 2).is_some_and(u8::is_ascii_hexdigit)) {
                return false;
            }
            i += 3;
            continue;
        }
        if !(is_unreserved(c) || is_subdelim(c) || extra.contains(&c)) {
            return false;
        }
        i += 1;
    }
    true
}

fn bracket_ok(inner: &[u8]) -> bool {
    if let Some(rest) = inner.strip_prefix(b"v") {
        // IPvFuture: "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
        let dot = rest.iter().position(|&b| b == b'.');
        return match dot {
            Some(d) if d > 0 && d + 1 < rest.len() => {
                rest[..d].iter().all(u8::is_ascii_hexdigit)
                    && rest[d + 1..].iter().all(|&c| is_unreserved(c) || is_subdelim(c) || c == b':')
            }
            _ => false,
        };
    }
    std::str::from_utf8(inner).ok().and_then(|s| s.parse::<std::net::Ipv6Addr>().ok()).is_some()
}

impl Uri {
    /// Parses a request URI (a C string: cut at a NUL). None where evhttp
    /// answers 400.
    pub fn parse(uri: &[u8]) -> Option<Uri> {
        let s = c_str(uri);
        let mut out = Uri { port: -1, ..Uri::default() };
        let mut p = 0;
        if let Some(colon) = s.iter().position(|&b| b == b':') {
            let scheme = &s[..colon];
            if !scheme.is_empty()
                && scheme[0].is_ascii_alphabetic()
                && scheme.iter().all(|&c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
            {
                out.scheme = Some(scheme.to_vec());
                p = colon + 1;
            }
        }
        let mut got_authority = false;
        if s[p..].starts_with(b"//") {
            p += 2;
            let end = s[p..].iter().position(|&b| b == b'/' || b == b'?' || b == b'#').map_or(s.len(), |i| p + i);
            out.parse_authority(&s[p..end])?;
            p = end;
            got_authority = true;
        }
        let rest = &s[p..];
        let path_end = rest.iter().position(|&b| b == b'?' || b == b'#').unwrap_or(rest.len());
        let path = &rest[..path_end];
        let mut q = path_end;
        if rest.get(q) == Some(&b'?') {
            let end = rest[q + 1..].iter().position(|&b| b == b'#').map_or(rest.len(), |i| q + 1 + i);
            out.query = Some(rest[q + 1..end].to_vec());
            q = end;
        }
        if rest.get(q) == Some(&b'#') {
            out.fragment = Some(rest[q + 1..].to_vec());
        }
        if !got_authority && path.starts_with(b"//") {
            return None;
        }
        if got_authority && !path.is_empty() && path[0] != b'/' {
            return None;
        }
        if out.scheme.is_none() {
            // path_matches_noscheme: no ':' before the first '/'.
            let first = path.iter().position(|&b| b == b':' || b == b'/');
            if first.is_some_and(|i| path[i] == b':') {
                return None;
            }
        }
        out.path = path.to_vec();
        Some(out)
    }

    fn parse_authority(&mut self, a: &[u8]) -> Option<()> {
        if a.is_empty() {
            self.host = Some(Vec::new());
            return Some(());
        }
        let mut start = 0;
        if let Some(at) = a.iter().position(|&b| b == b'@') {
            if !chars_ok(&a[..at], b":") {
                return None;
            }
            self.userinfo = Some(a[..at].to_vec());
            start = at + 1;
        }
        let mut end = a.len();
        let digits = a[start..].iter().rev().take_while(|b| b.is_ascii_digit()).count();
        if end - digits > start && a[end - digits - 1] == b':' {
            if digits > 0 {
                let (port, _) = strtoll(&a[end - digits..], 10);
                if !(0..=65535).contains(&port) {
                    return None;
                }
                self.port = port as i32;
            }
            end -= digits + 1;
        }
        let host = &a[start..end];
        let ok = if host.len() >= 2 && host[0] == b'[' && host[host.len() - 1] == b']' {
            bracket_ok(&host[1..host.len() - 1])
        } else {
            chars_ok(host, b"")
        };
        if !ok {
            return None;
        }
        self.host = Some(host.to_vec());
        Some(())
    }
}
