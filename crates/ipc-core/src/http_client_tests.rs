//! The client core against the oracle's recorded makeRequest() exchanges
//! (difftests/event/http_client_raw.php on PECL event 3.1.5).

use crate::http::{Headers, Method};
use crate::http_client::{serialize_request, ClientEvent, ResponseParser};
use crate::http_tests::http_vectors::CLIENT;
use crate::http_tests::php_json;

/// What the probe's callback printed for an outcome.
fn seen(event: &ClientEvent) -> String {
    match event {
        ClientEvent::Failed(_) => "null request".to_string(),
        ClientEvent::NeedMore => "no callback".to_string(),
        ClientEvent::Response { response, .. } => {
            let mut keys: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
            for (k, v) in response.headers.iter() {
                match keys.iter_mut().find(|(key, _)| key == k) {
                    Some(e) => e.1 = v.to_vec(),
                    None => keys.push((k.to_vec(), v.to_vec())),
                }
            }
            let hs: Vec<String> =
                keys.iter().map(|(k, v)| format!("{}={}", String::from_utf8_lossy(k), php_json(v))).collect();
            format!(
                "code={} headers=[{}] body={}",
                response.code,
                hs.join(" "),
                if response.body.is_empty() { "null".to_string() } else { php_json(&response.body) }
            )
        }
    }
}

fn exchange(
    method: u32,
    headers: &Headers,
    response: &[u8],
    close: bool,
    limits: (u64, u64),
    split: usize,
) -> ClientEvent {
    let mut p = ResponseParser::new(Method(method), headers, limits.0, limits.1);
    let split = split.min(response.len());
    for piece in [&response[..split], &response[split..]] {
        p.feed(piece);
        let e = p.poll();
        if e != ClientEvent::NeedMore {
            return e;
        }
    }
    if close {
        p.feed_eof();
    }
    p.poll()
}

#[test]
fn oracle_client_exchanges() {
    assert!(CLIENT.len() >= 30);
    for v in CLIENT {
        let mut headers = Headers::new();
        for (k, val) in v.headers {
            assert!(headers.add(k.as_bytes(), val.as_bytes()));
        }
        let body = v.body.unwrap_or_default().as_bytes();
        let written = serialize_request(Method(v.method), v.uri.as_bytes(), 1, 1, &mut headers, body);
        assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(v.request), "{}: request", v.label);
        let limits = (v.max_headers.unwrap_or(u64::MAX), v.max_body.unwrap_or(u64::MAX));
        // The same outcome whether the response arrives whole or in two pieces.
        for split in [v.response.len(), 1, v.response.len() / 2] {
            let event = exchange(v.method, &headers, v.response, v.close, limits, split);
            assert_eq!(seen(&event), v.callback, "{} (split at {split})", v.label);
        }
    }
}

#[test]
fn keep_alive_follows_connection_headers() {
    let ok = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    let run = |req: &Headers, resp: &[u8]| match exchange(1, req, resp, false, (u64::MAX, u64::MAX), resp.len()) {
        ClientEvent::Response { keep_alive, .. } => keep_alive,
        other => panic!("{other:?}"),
    };
    assert!(run(&Headers::new(), ok));
    let mut close = Headers::new();
    close.add(b"Connection", b"close");
    assert!(!run(&close, ok));
    assert!(!run(&Headers::new(), b"HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n"));
}

#[test]
fn connection_header_without_length_means_empty_body() {
    // evhttp_get_body_length: no Content-Length but a Connection header
    // other than "close": no body, the response is complete at once.
    let e = exchange(
        1,
        &Headers::new(),
        b"HTTP/1.1 200 OK\r\nConnection: keep-alive\r\n\r\n",
        false,
        (u64::MAX, u64::MAX),
        999,
    );
    assert_eq!(seen(&e), "code=200 headers=[Connection=\"keep-alive\"] body=null");
}
