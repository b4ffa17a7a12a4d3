//! The server side of evhttp: an EventHttp's settings, the incremental
//! parser of the requests arriving on one connection, and the lookup of the
//! callback that handles a request.
//!
//! The PHP layer feeds the bytes its EventBufferEvent reads
//! ([`RequestParser::feed`], [`RequestParser::feed_eof`]) and acts on what
//! [`RequestParser::poll`] returns: write [`crate::http::CONTINUE_RESPONSE`],
//! hand a [`Request`] to its callback (found with [`ServerConfig::dispatch`]),
//! answer an error page ([`Request::error_reply`]) and close, or just close.
//! After a reply that keeps the connection, [`RequestParser::next_request`]
//! starts on the bytes already buffered (pipelining).

use crate::http::{
    body_framing, c_str, decode_path, parse_header_lines, parse_version, read_line, Framing, HeaderStatus, Headers,
    Method, Uri, CMD_CONNECT, DEFAULT_ALLOWED_METHODS, DEFAULT_CONTENT_TYPE,
};
use crate::http_chunked::{ChunkStatus, ChunkedDecoder};

/// An EventHttp's settings that shape how requests are read and answered.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// setAllowedMethods(): CMD_* bits; others get 501.
    pub allowed_methods: u32,
    /// setMaxHeadersSize(): request line and header lines, without their
    /// ends of line (evhttp's count). Over it: 400.
    pub max_headers_size: u64,
    /// setMaxBodySize(): over it: 413.
    pub max_body_size: u64,
    /// The Content-Type given to replies without one.
    pub default_content_type: Option<Vec<u8>>,
    aliases: Vec<Vec<u8>>,
    callbacks: Vec<Vec<u8>>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self::new()
    }
}

/// What to do with a complete request (evhttp_handle_request).
#[derive(Debug, PartialEq, Eq)]
pub enum Dispatch {
    /// The method is unknown or not allowed: answer `error_reply(501)`.
    NotImplemented,
    /// Run the callback set for this path (its index in setting order).
    Callback(usize),
    /// No path matches: run the default callback, or answer
    /// [`Request::not_found_reply`] when there is none.
    NoCallback,
}

impl ServerConfig {
    pub fn new() -> ServerConfig {
        ServerConfig {
            allowed_methods: DEFAULT_ALLOWED_METHODS,
            max_headers_size: u64::MAX,
            max_body_size: u64::MAX,
            default_content_type: Some(DEFAULT_CONTENT_TYPE.to_vec()),
            aliases: Vec::new(),
            callbacks: Vec::new(),
        }
    }

    /// setMaxHeadersSize(): a negative value means no limit.
    pub fn set_max_headers_size(&mut self, value: i64) {
        self.max_headers_size = u64::try_from(value).unwrap_or(u64::MAX);
    }

    /// setMaxBodySize(): a negative value means no limit.
    pub fn set_max_body_size(&mut self, value: i64) {
        self.max_body_size = u64::try_from(value).unwrap_or(u64::MAX);
    }

    /// addServerAlias(): always succeeds, duplicates included (oracle).
    pub fn add_alias(&mut self, alias: &[u8]) -> bool {
        self.aliases.push(c_str(alias).to_vec());
        true
    }

    /// removeServerAlias(): the first alias equal without regard to case;
    /// false when there is none.
    pub fn remove_alias(&mut self, alias: &[u8]) -> bool {
        let alias = c_str(alias);
        match self.aliases.iter().position(|a| a.eq_ignore_ascii_case(alias)) {
            Some(i) => {
                self.aliases.remove(i);
                true
            }
            None => false,
        }
    }

    /// Whether `host` names this server (evhttp_find_vhost without virtual
    /// hosts, which PECL cannot create: only the aliases count).
    pub fn is_known_host(&self, host: &[u8]) -> bool {
        self.aliases.iter().any(|a| a.eq_ignore_ascii_case(host))
    }

    /// setCallback(): the index of the new path's callback, or None when
    /// the path already has one (evhttp_set_cb refuses it).
    pub fn add_callback(&mut self, path: &[u8]) -> Option<usize> {
        let path = c_str(path);
        if self.callbacks.iter().any(|p| p == path) {
            return None;
        }
        self.callbacks.push(path.to_vec());
        Some(self.callbacks.len() - 1)
    }

    /// The index of the callback set for exactly this path.
    pub fn callback_index(&self, path: &[u8]) -> Option<usize> {
        let path = c_str(path);
        self.callbacks.iter().position(|p| p == path)
    }

    /// evhttp_handle_request's choice. The path is the URI's path with
    /// %XX escapes decoded ('+' stays) and read as a C string, so
    /// "/%68ello" and "/hello%00junk" both reach "/hello"; the query and
    /// fragment do not count.
    pub fn dispatch(&self, req: &Request) -> Dispatch {
        if self.allowed_methods & req.method.0 == 0 {
            return Dispatch::NotImplemented;
        }
        let path = req.uri_parts.as_ref().map(|u| decode_path(&u.path)).unwrap_or_default();
        match self.callback_index(c_str(&path)) {
            Some(i) => Dispatch::Callback(i),
            None => Dispatch::NoCallback,
        }
    }
}

/// One request and, once answered, its reply state (evhttp_request).
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: Method,
    /// The request-target as sent (a C string); None on a request that
    /// failed to parse.
    pub uri: Option<Vec<u8>>,
    pub uri_parts: Option<Uri>,
    pub major: i32,
    pub minor: i32,
    pub input_headers: Headers,
    pub body: Vec<u8>,
    /// An absolute http(s) URI for a host that is not this server's:
    /// evhttp treats it as a proxy request (Proxy-Connection rules).
    pub proxy: bool,
    pub output_headers: Headers,
    /// Set by a reply; 0 before.
    pub response_code: i32,
    pub response_reason: Vec<u8>,
    /// A sendReplyStart() reply is using chunked coding.
    pub(crate) chunked_reply: bool,
    /// A reply was started (sendReplyStart) or sent.
    pub(crate) replied: bool,
    /// The reply is complete (sendReply, sendError, sendReplyEnd).
    pub(crate) finished: bool,
    /// A sendReplyStart() body without chunked coding: it ends with the
    /// connection.
    pub(crate) stream_until_close: bool,
}

impl Request {
    /// getHost() (evhttp_request_get_host): the URI's host when the URI has
    /// an authority, else the Host header without a trailing ":digits"
    /// (":80" alone stays as it is, as on the oracle).
    pub fn host(&self) -> Option<Vec<u8>> {
        if let Some(host) = self.uri_parts.as_ref().and_then(|u| u.host.as_ref()) {
            return Some(host.clone());
        }
        let host = self.input_headers.find(b"Host")?;
        let digits = host.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let colon = host.len() - digits;
        if colon > 1 && host[colon - 1] == b':' {
            return Some(host[..colon - 1].to_vec());
        }
        Some(host.to_vec())
    }
}

/// evhttp_parse_request_line on one line (without its end of line).
/// Sets what it could read on `req` (method and version come before the URI
/// is checked) and returns false where evhttp answers 400.
fn parse_request_line(line: &[u8], req: &mut Request, config: &ServerConfig) -> bool {
    let trimmed = &line[..line.iter().rposition(|&b| b != b' ').map_or(0, |i| i + 1)];
    if trimmed.len() < b"GET / HTTP/1.0".len() {
        return false;
    }
    let text = c_str(trimmed);
    let Some(sp) = text.iter().position(|&b| b == b' ') else { return false };
    let (method, rest) = (&text[..sp], &text[sp + 1..]);
    let Some(last_sp) = rest.iter().rposition(|&b| b == b' ') else { return false };
    if last_sp == 0 {
        return false;
    }
    let (uri, version) = (&rest[..last_sp], &rest[last_sp + 1..]);
    req.method = Method::from_token(method);
    let Some((major, minor)) = parse_version(version) else { return false };
    req.major = major;
    req.minor = minor;
    let Some(parts) = Uri::parse(uri) else { return false };
    let http_scheme =
        parts.scheme.as_ref().is_some_and(|s| s.eq_ignore_ascii_case(b"http") || s.eq_ignore_ascii_case(b"https"));
    if http_scheme && parts.host.as_ref().is_some_and(|h| !config.is_known_host(h)) {
        req.proxy = true;
    }
    req.uri = Some(uri.to_vec());
    req.uri_parts = Some(parts);
    true
}

/// What the parser asks of the connection.
#[derive(Debug)]
pub enum ServerEvent {
    /// Nothing to do until more bytes (or the end of input) arrive.
    NeedMore,
    /// Write [`crate::http::CONTINUE_RESPONSE`], then poll again.
    SendContinue,
    /// A complete request: dispatch it. Poll again only after
    /// [`RequestParser::next_request`].
    Request(Box<Request>),
    /// Answer `request.error_reply(code, None, ..)` (400, 413 or 417) and
    /// close the connection; the request has no URI.
    Error { code: i32, request: Box<Request> },
    /// The peer closed mid-request or between requests: close without a
    /// reply.
    Close,
}

#[derive(Debug)]
enum State {
    FirstLine,
    Headers,
    Body {
        left: u64,
    },
    Chunked(ChunkedDecoder),
    /// A request was handed out; waiting for next_request().
    Handed,
    Failed,
}

/// Reads the requests of one connection as evhttp does.
#[derive(Debug)]
pub struct RequestParser {
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    state: State,
    req: Request,
    headers_size: u64,
    /// `buf[..scanned]` is known to hold no line end past `pos`: a line fed
    /// byte by byte is searched once, not once per byte.
    scanned: usize,
}

impl Default for RequestParser {
    fn default() -> Self {
        Self::new()
    }
}

impl RequestParser {
    pub fn new() -> RequestParser {
        RequestParser {
            buf: Vec::new(),
            pos: 0,
            eof: false,
            state: State::FirstLine,
            req: Request::default(),
            headers_size: 0,
            scanned: 0,
        }
    }

    /// Bytes read from the connection (dropped once the connection failed:
    /// nothing more is read from it).
    pub fn feed(&mut self, data: &[u8]) {
        if matches!(self.state, State::Failed) {
            return;
        }
        if self.pos > 0 && self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
            self.scanned = 0;
        }
        self.buf.extend_from_slice(data);
    }

    /// The peer shut its side: requests already complete are still served.
    pub fn feed_eof(&mut self) {
        self.eof = true;
    }

    /// Bytes received and not yet consumed by a request.
    pub fn buffered(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// After the reply to the last request, when the connection stays open.
    pub fn next_request(&mut self) {
        if matches!(self.state, State::Handed) {
            self.buf.drain(..self.pos);
            self.pos = 0;
            self.scanned = 0;
            self.state = State::FirstLine;
            self.req = Request::default();
            self.headers_size = 0;
        }
    }

    fn fail(&mut self, code: i32) -> ServerEvent {
        self.state = State::Failed;
        let mut request = std::mem::take(&mut self.req);
        request.uri = None;
        request.uri_parts = None;
        ServerEvent::Error { code, request: Box::new(request) }
    }

    fn complete(&mut self) -> ServerEvent {
        self.state = State::Handed;
        ServerEvent::Request(Box::new(std::mem::take(&mut self.req)))
    }

    fn need_more(&mut self) -> ServerEvent {
        if self.eof {
            self.state = State::Failed;
            return ServerEvent::Close;
        }
        ServerEvent::NeedMore
    }

    /// Advances over the buffered bytes.
    pub fn poll(&mut self, config: &ServerConfig) -> ServerEvent {
        if let Some(event) = self.wait_for_line_end(config) {
            return event;
        }
        loop {
            match &mut self.state {
                State::Handed => return ServerEvent::NeedMore,
                State::Failed => return ServerEvent::Close,
                State::FirstLine => {
                    let mut pos = self.pos;
                    let Some(line) = read_line(&self.buf, &mut pos) else {
                        if (self.buf.len() - self.pos) as u64 > config.max_headers_size {
                            return self.fail(400);
                        }
                        return self.need_more();
                    };
                    let line = line.to_vec();
                    self.pos = pos;
                    if line.len() as u64 > config.max_headers_size {
                        return self.fail(400);
                    }
                    self.headers_size = line.len() as u64;
                    if !parse_request_line(&line, &mut self.req, config) {
                        return self.fail(400);
                    }
                    self.state = State::Headers;
                }
                State::Headers => {
                    let status = parse_header_lines(
                        &self.buf,
                        &mut self.pos,
                        &mut self.req.input_headers,
                        &mut self.headers_size,
                        config.max_headers_size,
                    );
                    match status {
                        HeaderStatus::More => return self.need_more(),
                        HeaderStatus::Corrupted | HeaderStatus::TooLong => return self.fail(400),
                        HeaderStatus::Done => {}
                    }
                    if let Some(event) = self.start_body(config) {
                        return event;
                    }
                }
                State::Body { left } => {
                    let left = *left;
                    if ((self.buf.len() - self.pos) as u64) < left {
                        return self.need_more();
                    }
                    let end = self.pos + left as usize;
                    self.req.body.extend_from_slice(&self.buf[self.pos..end]);
                    self.pos = end;
                    return self.complete();
                }
                State::Chunked(decoder) => {
                    let status = decoder.decode(
                        &self.buf,
                        &mut self.pos,
                        &mut self.req.body,
                        config.max_body_size,
                        &mut self.headers_size,
                        config.max_headers_size,
                    );
                    match status {
                        ChunkStatus::Done => return self.complete(),
                        ChunkStatus::More => return self.need_more(),
                        // evhttp fails every chunked error as "too long".
                        ChunkStatus::Corrupted | ChunkStatus::TooLong => return self.fail(413),
                    }
                }
            }
        }
    }

    /// In the line-reading states, with no new line end since the last
    /// poll, only the size limits can change anything.
    fn wait_for_line_end(&mut self, config: &ServerConfig) -> Option<ServerEvent> {
        let in_lines = matches!(self.state, State::FirstLine | State::Headers);
        if !in_lines || self.eof {
            return None;
        }
        let from = self.scanned.max(self.pos);
        if self.buf[from..].contains(&b'\n') {
            return None;
        }
        self.scanned = self.buf.len();
        let waiting = (self.buf.len() - self.pos) as u64;
        let before = if matches!(self.state, State::Headers) { self.headers_size } else { 0 };
        if before.saturating_add(waiting) > config.max_headers_size {
            return Some(self.fail(400));
        }
        Some(ServerEvent::NeedMore)
    }

    /// evhttp_get_body: how the body is read, Expect handling. None to go
    /// on reading in the new state.
    fn start_body(&mut self, config: &ServerConfig) -> Option<ServerEvent> {
        if !self.req.method.may_have_body() {
            return Some(self.complete());
        }
        let framing = body_framing(&self.req.input_headers);
        let length = match framing {
            Framing::Invalid => return Some(self.fail(400)),
            Framing::None | Framing::Length(0) => return Some(self.complete()),
            Framing::Length(n) => Some(n),
            Framing::Chunked => None,
        };
        // REQ_VERSION_ATLEAST(req, 1, 1): HTTP/1.0 clients get no 100.
        if self.req.major > 1 || (self.req.major == 1 && self.req.minor >= 1) {
            if let Some(expect) = self.req.input_headers.find(b"Expect") {
                if !expect.eq_ignore_ascii_case(b"100-continue") {
                    return Some(self.fail_with_request(417));
                }
                if length.is_some_and(|n| n > config.max_body_size) {
                    return Some(self.fail(413));
                }
                if self.pos == self.buf.len() {
                    self.set_body_state(length);
                    return Some(ServerEvent::SendContinue);
                }
            }
        }
        if length.is_some_and(|n| n > config.max_body_size) {
            return Some(self.fail(413));
        }
        self.set_body_state(length);
        None
    }

    fn set_body_state(&mut self, length: Option<u64>) {
        self.state = match length {
            Some(left) => State::Body { left },
            None => State::Chunked(ChunkedDecoder::new()),
        };
    }

    /// 417 goes through evhttp_send_error on the parsed request: its URI
    /// and version stay.
    fn fail_with_request(&mut self, code: i32) -> ServerEvent {
        self.state = State::Failed;
        ServerEvent::Error { code, request: Box::new(std::mem::take(&mut self.req)) }
    }
}

/// Whether a request's connection closes after its reply
/// (evhttp_send_done's need_close).
pub(crate) fn need_close(req: &Request) -> bool {
    use crate::http::{is_connection_close, is_keepalive, version_before_1_1};
    (version_before_1_1(req.major, req.minor) && !is_keepalive(&req.input_headers))
        || (req.method.0 != CMD_CONNECT
            && (is_connection_close(req.proxy, &req.input_headers)
                || is_connection_close(req.proxy, &req.output_headers)))
}
