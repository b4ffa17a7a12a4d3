//! The server core against the oracle's recorded exchanges
//! (src/http_vectors.rs, generated from difftests/event/http_server_*.php
//! runs on PECL event 3.1.5): each vector's bytes go through a simulated
//! connection whose handlers do what the probe's PHP callbacks do, and the
//! bytes written back, the close and what each callback saw must match.

use crate::http::*;
use crate::http_request::{Dispatch, Request, RequestParser, ServerConfig, ServerEvent};

#[rustfmt::skip]
#[path = "http_vectors.rs"]
pub(crate) mod http_vectors;

pub(crate) mod http_vectors_types {
    /// One oracle exchange: pieces written apart (None: the client shut
    /// its side), the callback lines printed, the bytes received, whether
    /// the server closed.
    pub(crate) struct Vector {
        pub label: &'static str,
        pub writes: &'static [Option<&'static [u8]>],
        pub callbacks: &'static [&'static str],
        pub response: &'static [u8],
        pub closed: bool,
    }

    /// One makeRequest() against a raw server: the request and what the
    /// raw server answered (closing after it when `close`), the connection's
    /// limits, the bytes the client wrote, what the callback printed.
    pub(crate) struct ClientVector {
        pub label: &'static str,
        pub method: u32,
        pub uri: &'static str,
        pub headers: &'static [(&'static str, &'static str)],
        pub body: Option<&'static str>,
        pub response: &'static [u8],
        pub close: bool,
        pub max_body: Option<u64>,
        pub max_headers: Option<u64>,
        pub request: &'static [u8],
        pub callback: &'static str,
    }
}

use http_vectors_types::Vector;

/// The fixed clock of these tests and its Date header.
const NOW: i64 = 1_795_915_795;
const NOW_DATE: &str = "Sun, 29 Nov 2026 01:29:55 GMT";

/// PHP's json_encode for a string (what the probe prints): "/" escaped,
/// non-ASCII as \uXXXX, invalid UTF-8 gives false, which echo prints as "".
pub(crate) fn php_json(bytes: &[u8]) -> String {
    let Ok(s) = std::str::from_utf8(bytes) else { return String::new() };
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The probe's describe(): the request as its callback sees it. Input
/// headers go through a PHP array, so a repeated name keeps its first
/// place and its last value.
fn describe(req: &Request) -> String {
    let mut keys: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
    for (k, v) in req.input_headers.iter() {
        match keys.iter_mut().find(|(key, _)| key == k) {
            Some(entry) => entry.1 = v.to_vec(),
            None => keys.push((k.to_vec(), v.to_vec())),
        }
    }
    let has_host = keys.iter().any(|(k, _)| k == b"Host" || k == b"host");
    let headers: Vec<String> =
        keys.iter().map(|(k, v)| format!("{}={}", String::from_utf8_lossy(k), php_json(v))).collect();
    format!(
        "cb: cmd={} uri={}{} headers=[{}] body={}",
        req.method.0,
        php_json(req.uri.as_deref().unwrap_or_default()),
        if has_host { format!(" host={}", php_json(&req.host().unwrap_or_default())) } else { String::new() },
        headers.join(" "),
        if req.body.is_empty() { "null".to_string() } else { php_json(&req.body) }
    )
}

/// What one simulated connection produced.
struct Outcome {
    bytes: Vec<u8>,
    closed: bool,
    callbacks: Vec<String>,
}

/// The RAW probe server's callbacks, by path.
fn raw_handler(path: &[u8], req: &mut Request, cfg: &ServerConfig, out: &mut Vec<u8>) -> bool {
    let reply = |req: &mut Request, code: i32, reason: &[u8], body: &[u8]| {
        req.reply(code, Some(reason), body, cfg, NOW).expect("first reply")
    };
    let r = match path {
        b"/hello" => reply(req, 200, b"OK", b"hello"),
        b"/empty" => reply(req, 200, b"OK", b""),
        b"/a b" => reply(req, 200, b"OK", b"space"),
        b"/204" => reply(req, 204, b"No Content", b"x"),
        b"/304" => reply(req, 304, b"Not Modified", b"y"),
        b"/201" => reply(req, 201, b"Made", b"z"),
        b"/weird" => reply(req, 299, b"", b"w"),
        b"/plain" => {
            req.output_headers.add(b"Content-Type", b"text/plain");
            req.output_headers.add(b"X-Multi", b"one");
            req.output_headers.add(b"X-Multi", b"two");
            reply(req, 200, b"OK", b"plain")
        }
        b"/setclose" => {
            req.output_headers.add(b"Connection", b"close");
            reply(req, 200, b"OK", b"bye")
        }
        b"/setlen" => {
            req.output_headers.add(b"Content-Length", b"3");
            reply(req, 200, b"OK", b"abc")
        }
        b"/chunks" => {
            out.extend(req.reply_start(200, Some(b"OK"), cfg, NOW).unwrap());
            for chunk in [&b"abc"[..], b"", b"defghijklmnopq"] {
                out.extend(req.reply_chunk(chunk).unwrap());
            }
            req.reply_end().unwrap()
        }
        b"/error" => req.error_reply(500, None, cfg, NOW).unwrap(),
        b"/error503" => req.error_reply(503, Some(b"Busy <now>"), cfg, NOW).unwrap(),
        b"/error404" => req.error_reply(404, None, cfg, NOW).unwrap(),
        b"/error999" => req.error_reply(999, None, cfg, NOW).unwrap(),
        b"/error400" => req.error_reply(400, None, cfg, NOW).unwrap(),
        other => panic!("no handler for {:?}", String::from_utf8_lossy(other)),
    };
    out.extend(r.bytes);
    r.close
}

const RAW_PATHS: &[&[u8]] = &[
    b"/hello",
    b"/empty",
    b"/a b",
    b"/204",
    b"/304",
    b"/201",
    b"/weird",
    b"/plain",
    b"/setclose",
    b"/setlen",
    b"/chunks",
    b"/error",
    b"/error503",
    b"/error404",
    b"/error999",
    b"/error400",
];

#[derive(Clone, Copy, PartialEq)]
enum Server {
    /// http_server_raw.php: path callbacks, no default callback.
    Raw,
    /// The limits script's servers: a default callback answering "ok".
    Echo,
}

fn run(server: Server, cfg: &ServerConfig, writes: &[Option<&[u8]>]) -> Outcome {
    let mut parser = RequestParser::new();
    let mut o = Outcome { bytes: Vec::new(), closed: false, callbacks: Vec::new() };
    'writes: for w in writes {
        match w {
            Some(data) => parser.feed(data),
            None => parser.feed_eof(),
        }
        loop {
            match parser.poll(cfg) {
                ServerEvent::NeedMore => continue 'writes,
                ServerEvent::SendContinue => o.bytes.extend_from_slice(CONTINUE_RESPONSE),
                ServerEvent::Close => {
                    o.closed = true;
                    break 'writes;
                }
                ServerEvent::Error { code, mut request } => {
                    o.bytes.extend(request.error_reply(code, None, cfg, NOW).unwrap().bytes);
                    o.closed = true;
                    break 'writes;
                }
                ServerEvent::Request(mut req) => {
                    let close = match cfg.dispatch(&req) {
                        Dispatch::NotImplemented => {
                            let r = req.error_reply(501, None, cfg, NOW).unwrap();
                            o.bytes.extend(r.bytes);
                            r.close
                        }
                        Dispatch::Callback(i) => {
                            o.callbacks.push(describe(&req));
                            raw_handler(RAW_PATHS[i], &mut req, cfg, &mut o.bytes)
                        }
                        Dispatch::NoCallback if server == Server::Echo => {
                            o.callbacks.push(describe(&req));
                            let r = req.reply(200, Some(b"OK"), b"ok", cfg, NOW).unwrap();
                            o.bytes.extend(r.bytes);
                            r.close
                        }
                        Dispatch::NoCallback => {
                            let r = req.not_found_reply(cfg, NOW).unwrap();
                            o.bytes.extend(r.bytes);
                            r.close
                        }
                    };
                    if close {
                        o.closed = true;
                        break 'writes;
                    }
                    parser.next_request();
                }
            }
        }
    }
    o
}

fn replace_bytes(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// The oracle's bytes, with our fixed Date where it had "<DATE>", and the
/// bodies libevent sends against RFC 9110 removed where the vector says so.
fn check(vectors: &[Vector], server: Server, cfg: &ServerConfig, fixups: &[Fixup]) -> usize {
    let mut failures = Vec::new();
    for v in vectors {
        let expected_owned;
        let mut expected_closed = v.closed;
        let expected: &[u8] = match fixups.iter().find(|(label, _, _)| *label == v.label) {
            Some((_, ours, closed)) => {
                expected_closed = *closed;
                ours
            }
            None => {
                expected_owned = replace_bytes(v.response, b"<DATE>", NOW_DATE.as_bytes());
                &expected_owned
            }
        };
        let got = run(server, cfg, v.writes);
        let bytes_ok = got.bytes == expected;
        let cbs: Vec<&str> = got.callbacks.iter().map(String::as_str).collect();
        if !bytes_ok || got.closed != expected_closed || cbs != v.callbacks {
            failures.push(format!(
                "{}:\n  expected {:?} closed={} cbs={:?}\n  got      {:?} closed={} cbs={:?}",
                v.label,
                String::from_utf8_lossy(expected),
                expected_closed,
                v.callbacks,
                String::from_utf8_lossy(&got.bytes),
                got.closed,
                cbs
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors differ:\n{}", failures.len(), vectors.len(), failures.join("\n"));
    vectors.len()
}

fn raw_config() -> ServerConfig {
    let mut cfg = ServerConfig::new();
    for p in RAW_PATHS {
        assert!(cfg.add_callback(p).is_some());
    }
    cfg
}

/// A vector's label, our bytes and whether we close, where we deliberately
/// differ from the oracle.
type Fixup = (&'static str, &'static [u8], bool);

/// The replies where we deliberately differ from libevent 2.1 (no body
/// for HEAD, 204, 304): the oracle's bytes minus the body.
const RAW_DIFFERENCES: &[Fixup] = &[
    ("head", b"HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\n", false),
    (
        "head then get (keep-alive)",
        b"HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\nHTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\nContent-Length: 5\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\nhello",
        false,
    ),
    (
        "204 with body then get",
        b"HTTP/1.1 204 No Content\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\nHTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\nContent-Length: 5\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\nhello",
        false,
    ),
    ("304 with body", b"HTTP/1.1 304 Not Modified\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\n", false),
    // libevent: "Connection: keep-alive" and "Content-Length: 0", then the
    // body, the connection left open. Ours: the body ends with the close.
    (
        "chunked reply 1.0 keep-alive",
        b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\nabcdefghijklmnopq",
        true,
    ),
];

#[test]
fn oracle_raw_exchanges() {
    let n = check(http_vectors::RAW, Server::Raw, &raw_config(), RAW_DIFFERENCES);
    assert!(n > 90);
}

#[test]
fn deliberate_differences_are_libevents_bodies() {
    // Each fixed-up vector is the oracle's reply minus exactly the body
    // libevent wrongly sent, so the fix-ups cannot hide another change.
    let bodies = [
        ("head", "hello"),
        ("head then get (keep-alive)", "hello"),
        ("204 with body then get", "x"),
        ("304 with body", "y"),
    ];
    for (label, body) in bodies {
        let v = http_vectors::RAW.iter().find(|v| v.label == label).unwrap();
        let oracle = String::from_utf8_lossy(v.response).replace("<DATE>", NOW_DATE);
        let ours = RAW_DIFFERENCES.iter().find(|(l, _, _)| *l == label).unwrap().1;
        let ours = String::from_utf8_lossy(ours);
        let removed_at = oracle.find(&format!("\r\n\r\n{body}")).unwrap() + 4;
        let mut expected = oracle.clone();
        expected.replace_range(removed_at..removed_at + body.len(), "");
        assert_eq!(ours, expected, "{label}");
    }
}

#[test]
fn oracle_limits() {
    let mut cfg = ServerConfig::new();
    cfg.set_max_headers_size(64);
    cfg.set_max_body_size(10);
    check(http_vectors::LIMITS, Server::Echo, &cfg, &[]);
}

#[test]
fn oracle_methods_and_aliases() {
    let mut cfg = ServerConfig::new();
    cfg.allowed_methods = CMD_GET | CMD_OPTIONS | CMD_PATCH | CMD_TRACE | CMD_CONNECT;
    assert!(cfg.add_alias(b"alias.test"));
    assert!(cfg.add_alias(b"alias.test"));
    assert!(!cfg.remove_alias(b"nope"));
    // A HEAD request refused with 501: libevent sends the page, we do not.
    let fixups: &[Fixup] = &[(
        "disallowed head",
        b"HTTP/1.1 501 Not Implemented\r\nContent-Type: text/html\r\nConnection: close\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\n",
        true,
    )];
    check(http_vectors::METHODS, Server::Echo, &cfg, fixups);
}

#[test]
fn oracle_misc() {
    let fixups: &[Fixup] =
        &[("head with body", b"HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 01:29:55 GMT\r\n\r\n", false)];
    check(http_vectors::MISC, Server::Echo, &ServerConfig::new(), fixups);
}

#[test]
fn oracle_unknown_methods_allowed() {
    let mut cfg = ServerConfig::new();
    cfg.allowed_methods = 0xffff;
    check(http_vectors::ANY, Server::Echo, &cfg, &[]);
}

#[test]
fn oracle_reason_phrases() {
    assert!(http_vectors::PHRASES.len() > 50);
    for &(code, phrase) in http_vectors::PHRASES {
        assert_eq!(reason_phrase(i64::from(code)), phrase, "code {code}");
        let mut req = Request { major: 1, minor: 1, method: Method(CMD_GET), ..Request::default() };
        let r = req.error_reply(code, None, &ServerConfig::new(), NOW).unwrap();
        let expected_page =
            format!("<HTML><HEAD>\n<TITLE>{code} {phrase}</TITLE>\n</HEAD><BODY>\n<H1>{phrase}</H1>\n</BODY></HTML>\n");
        let text = String::from_utf8(r.bytes).unwrap();
        assert!(text.starts_with(&format!("HTTP/1.1 {code} {phrase}\r\n")), "{text}");
        if req.response_body_allowed() {
            assert!(
                text.ends_with(&format!("Content-Length: {}\r\n\r\n{expected_page}", expected_page.len())),
                "{text}"
            );
        } else {
            assert!(text.ends_with("\r\n\r\n"), "{code}: no body for 1xx, 204, 304: {text}");
        }
    }
}

#[test]
fn date_format() {
    assert_eq!(http_date(NOW), NOW_DATE);
    assert_eq!(http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(http_date(951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT");
    assert_eq!(http_date(-1), "Wed, 31 Dec 1969 23:59:59 GMT");
}

/// Why the request head is read by hand, on evhttp's rules, rather than by
/// httparse: requests that evhttp (the oracle) hands to its callback but
/// httparse refuses. Using httparse would turn each into a 400 that PECL
/// does not send.
#[test]
fn httparse_refuses_requests_evhttp_serves() {
    let mut refused = Vec::new();
    for v in http_vectors::RAW.iter().chain(http_vectors::MISC) {
        if v.callbacks.is_empty() {
            continue;
        }
        let head = v.writes[0].unwrap();
        let mut headers = [httparse::EMPTY_HEADER; 16];
        let mut req = httparse::Request::new(&mut headers);
        if req.parse(head).is_err() {
            refused.push(v.label);
        }
    }
    for label in [
        "version 1.2",
        "version 1.10",
        "version 0.9",
        "version negative",
        "header continuation",
        "header spaces",
        "header nul",
        "empty header name",
        "trailing spaces line",
        "space in uri",
        "cr in request line",
    ] {
        assert!(refused.contains(&label), "{label} not refused: {refused:?}");
    }
}

/// difftests/event/http_headers.php on the oracle: addHeader, findHeader
/// and removeHeader on a request's output headers.
#[test]
fn oracle_header_list() {
    let mut h = Headers::new();
    let adds: &[(&[u8], &[u8], bool)] = &[
        (b"X-A", b"one", true),
        (b"x-a", b"two", true),
        (b"X-B", b"", true),
        (b"", b"empty name", true),
        (b"X-Bad\r", b"v", false),
        (b"X-Bad\n", b"v", false),
        (b"X-Fold", b"a\r\n b", false),
        (b"X-Fold2", b"a\n\tb", false),
        (b"X-Broken", b"a\r\nb", false),
        (b"X-Broken2", b"a\rb", false),
        (b"X-End", b"a\r\n", false),
        (b"X-Nul\0tail", b"v\0tail", true),
        (b"X-Space Name", b"v", true),
        (b"X-Colon:", b"v", true),
    ];
    for &(k, v, ok) in adds {
        assert_eq!(h.add(k, v), ok, "{:?}", String::from_utf8_lossy(k));
    }
    let names: Vec<&[u8]> = h.iter().map(|(k, _)| k).collect();
    assert_eq!(names, [&b"X-A"[..], b"x-a", b"X-B", b"", b"X-Nul", b"X-Space Name", b"X-Colon:"]);
    let finds: &[(&[u8], Option<&[u8]>)] = &[
        (b"X-A", Some(b"one")),
        (b"x-A", Some(b"one")),
        (b"X-B", Some(b"")),
        (b"", Some(b"empty name")),
        (b"X-Nul", Some(b"v")),
        (b"X-Nul\0tail", Some(b"v")),
        (b"missing", None),
    ];
    for &(k, v) in finds {
        assert_eq!(h.find(k), v);
    }
    assert!(h.remove(b"x-a"));
    assert!(h.remove(b"X-A"));
    assert!(!h.remove(b"X-A"));
    assert!(!h.remove(b"missing"));
    let names: Vec<&[u8]> = h.iter().map(|(k, _)| k).collect();
    assert_eq!(names, [&b"X-B"[..], b"", b"X-Nul", b"X-Space Name", b"X-Colon:"]);
}

/// setCallback() on the oracle (http_headers.php): a path already set is
/// refused; paths compare exactly.
#[test]
fn oracle_callback_paths() {
    let mut cfg = ServerConfig::new();
    assert_eq!(cfg.add_callback(b"/a"), Some(0));
    assert_eq!(cfg.add_callback(b"/a"), None);
    assert_eq!(cfg.add_callback(b"/A"), Some(1));
    assert_eq!(cfg.add_callback(b""), Some(2));
    assert_eq!(cfg.callback_index(b"/A"), Some(1));
}

/// Found by difftests/event/http_server_fuzz.php (other seeds): a header
/// value ending in CR ("X-A: 1\r\r\n") is 400 on the oracle, a folded line
/// keeps its CR, and "Connection: keep-alive..." is keep-alive by prefix.
#[test]
fn fuzz_regressions_trailing_cr_and_keepalive_prefix() {
    let config = ServerConfig::new();
    let first = |bytes: &[u8]| {
        let mut p = RequestParser::new();
        p.feed(bytes);
        p.poll(&config)
    };
    for bad in [
        &b"GET / HTTP/1.1\r\nX-A: 1\r\r\n\r\n"[..],
        b"GET / HTTP/1.1\r\nX-A: 1\r \r\n\r\n",
        b"GET / HTTP/1.1\r\nX-A:\r\r\n\r\n",
    ] {
        assert!(matches!(first(bad), ServerEvent::Error { code: 400, .. }), "{:?}", String::from_utf8_lossy(bad));
    }
    let ServerEvent::Request(req) = first(b"GET / HTTP/1.1\r\nX-A: one\r\n two\r\r\n\r\n") else {
        panic!("no request")
    };
    assert_eq!(req.input_headers.find(b"X-A"), Some(&b"one two\r"[..]));
    for (value, keep) in [("keep-alivex", true), ("Keep-Alive, foo", true), ("keep-aliv", false)] {
        let ServerEvent::Request(mut req) = first(format!("GET / HTTP/1.0\r\nConnection: {value}\r\n\r\n").as_bytes())
        else {
            panic!("no request")
        };
        let reply = req.reply(200, Some(b"OK"), b"", &config, NOW).unwrap();
        assert_eq!(reply.close, !keep, "{value}");
    }
}
