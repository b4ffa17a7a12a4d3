//! The client side of evhttp (EventHttpConnection::makeRequest): request
//! serialisation and the incremental reader of the response, with evhttp's
//! limits. Checked against the oracle by difftests/event/http_client_raw.php.

use crate::http::{
    body_framing, c_str, is_connection_close, parse_header_lines, parse_version, read_line, Framing, HeaderStatus,
    Headers, Method, CMD_HEAD, CMD_POST, CMD_PUT,
};
use crate::http_chunked::{ChunkStatus, ChunkedDecoder};

/// The request line, headers and body evhttp writes for makeRequest():
/// `Proxy-Connection` is dropped, POST and PUT get a Content-Length when
/// they have none (other methods never do, even with a body: PATCH "pp"
/// goes out bare, as on the oracle), no Host header is added.
pub fn serialize_request(
    method: Method,
    uri: &[u8],
    major: i32,
    minor: i32,
    headers: &mut Headers,
    body: &[u8],
) -> Vec<u8> {
    headers.remove(b"Proxy-Connection");
    let mut out = format!("{} ", method.token().unwrap_or("NULL")).into_bytes();
    out.extend_from_slice(c_str(uri));
    out.extend_from_slice(format!(" HTTP/{major}.{minor}\r\n").as_bytes());
    if (method.0 == CMD_POST || method.0 == CMD_PUT) && headers.find(b"Content-Length").is_none() {
        headers.add(b"Content-Length", body.len().to_string().as_bytes());
    }
    headers.write_to(&mut out);
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A response as the request callback sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub code: i32,
    pub reason: Vec<u8>,
    pub major: i32,
    pub minor: i32,
    pub headers: Headers,
    pub body: Vec<u8>,
}

/// Why a response failed (libevent's enum evhttp_request_error); PECL
/// calls the request callback with a null request in every case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientError {
    /// The connection ended before the response was complete.
    Eof,
    /// A malformed status line, header, framing or Content-Length.
    InvalidHeader,
    /// The body is over setMaxBodySize() or a chunk is malformed.
    DataTooLong,
}

/// What the response reader asks of the connection.
#[derive(Debug, PartialEq, Eq)]
pub enum ClientEvent {
    NeedMore,
    /// The complete response; `keep_alive` says whether the connection
    /// can carry another request.
    Response {
        response: Box<Response>,
        keep_alive: bool,
    },
    Failed(ClientError),
}

#[derive(Debug)]
enum State {
    StatusLine,
    Headers,
    Length(u64),
    UntilClose,
    Chunked(ChunkedDecoder),
    Finished,
}

/// Reads one response to a request of `method` (HEAD responses have no body).
#[derive(Debug)]
pub struct ResponseParser {
    method: Method,
    /// The request's own headers: `Connection: close` there closes too.
    request_close: bool,
    max_headers_size: u64,
    max_body_size: u64,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    state: State,
    resp: Response,
    headers_size: u64,
    /// `buf[..scanned]` holds no line end past `pos` (see RequestParser).
    scanned: usize,
}

/// evhttp_parse_response_line: "HTTP/x.y CODE reason"; the code is read
/// by atoi and must not be 0; the reason is everything after the second
/// space (spaces kept).
fn parse_status_line(line: &[u8], resp: &mut Response) -> bool {
    let text = c_str(line);
    let Some(sp) = text.iter().position(|&b| b == b' ') else { return false };
    let (protocol, rest) = (&text[..sp], &text[sp + 1..]);
    let (number, reason) = match rest.iter().position(|&b| b == b' ') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &b""[..]),
    };
    let Some((major, minor)) = parse_version(protocol) else { return false };
    let (code, _) = crate::http::strtoll(number, 10);
    let code = code as i32;
    if code == 0 {
        return false;
    }
    *resp = Response { code, reason: reason.to_vec(), major, minor, ..Response::default() };
    true
}

impl ResponseParser {
    /// `max_headers_size` and `max_body_size` are the connection's limits
    /// (u64::MAX when not set); `request_headers` are the request's output
    /// headers.
    pub fn new(method: Method, request_headers: &Headers, max_headers_size: u64, max_body_size: u64) -> Self {
        ResponseParser {
            method,
            request_close: is_connection_close(false, request_headers),
            max_headers_size,
            max_body_size,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            state: State::StatusLine,
            resp: Response::default(),
            headers_size: 0,
            scanned: 0,
        }
    }

    pub fn feed(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }

    pub fn feed_eof(&mut self) {
        self.eof = true;
    }

    fn fail(&mut self, error: ClientError) -> ClientEvent {
        self.state = State::Finished;
        ClientEvent::Failed(error)
    }

    fn need_more(&mut self) -> ClientEvent {
        if self.eof {
            return self.fail(ClientError::Eof);
        }
        ClientEvent::NeedMore
    }

    fn done(&mut self) -> ClientEvent {
        self.state = State::Finished;
        let response = std::mem::take(&mut self.resp);
        let keep_alive = !self.request_close && !is_connection_close(false, &response.headers) && !self.eof;
        ClientEvent::Response { response: Box::new(response), keep_alive }
    }

    /// evhttp_response_needs_body for the client: not for HEAD, 1xx, 204, 304.
    fn needs_body(&self) -> bool {
        let code = self.resp.code;
        code != 204 && code != 304 && !(100..200).contains(&code) && self.method.0 != CMD_HEAD
    }

    pub fn poll(&mut self) -> ClientEvent {
        // Without a new line end, the line states can only hit the limit.
        if matches!(self.state, State::StatusLine | State::Headers) && !self.eof {
            let from = self.scanned.max(self.pos);
            if !self.buf[from..].contains(&b'\n') {
                self.scanned = self.buf.len();
                let waiting = (self.buf.len() - self.pos) as u64;
                let before = if matches!(self.state, State::Headers) { self.headers_size } else { 0 };
                if before.saturating_add(waiting) > self.max_headers_size {
                    return self.fail(ClientError::InvalidHeader);
                }
                return ClientEvent::NeedMore;
            }
        }
        loop {
            match &mut self.state {
                State::Finished => return ClientEvent::NeedMore,
                State::StatusLine => {
                    let mut pos = self.pos;
                    let Some(line) = read_line(&self.buf, &mut pos) else {
                        if (self.buf.len() - self.pos) as u64 > self.max_headers_size {
                            return self.fail(ClientError::InvalidHeader);
                        }
                        return self.need_more();
                    };
                    let line = line.to_vec();
                    self.pos = pos;
                    if line.len() as u64 > self.max_headers_size || !parse_status_line(&line, &mut self.resp) {
                        return self.fail(ClientError::InvalidHeader);
                    }
                    self.headers_size = line.len() as u64;
                    self.state = State::Headers;
                }
                State::Headers => {
                    match parse_header_lines(
                        &self.buf,
                        &mut self.pos,
                        &mut self.resp.headers,
                        &mut self.headers_size,
                        self.max_headers_size,
                    ) {
                        HeaderStatus::More => return self.need_more(),
                        HeaderStatus::Corrupted | HeaderStatus::TooLong => {
                            return self.fail(ClientError::InvalidHeader)
                        }
                        HeaderStatus::Done => {}
                    }
                    if self.resp.code == 100 {
                        // Start over: the final response follows.
                        self.resp = Response::default();
                        self.state = State::StatusLine;
                        continue;
                    }
                    if !self.needs_body() {
                        return self.done();
                    }
                    self.state = match body_framing(&self.resp.headers) {
                        Framing::Invalid => return self.fail(ClientError::InvalidHeader),
                        Framing::Chunked => State::Chunked(ChunkedDecoder::new()),
                        Framing::Length(n) if n > self.max_body_size => return self.fail(ClientError::DataTooLong),
                        Framing::Length(n) => State::Length(n),
                        Framing::None => match self.resp.headers.find(b"Connection") {
                            Some(c) if !c.eq_ignore_ascii_case(b"close") => State::Length(0),
                            _ => State::UntilClose,
                        },
                    };
                }
                State::Length(left) => {
                    let left = *left;
                    if ((self.buf.len() - self.pos) as u64) < left {
                        return self.need_more();
                    }
                    let end = self.pos + left as usize;
                    self.resp.body.extend_from_slice(&self.buf[self.pos..end]);
                    self.pos = end;
                    return self.done();
                }
                State::UntilClose => {
                    self.resp.body.extend_from_slice(&self.buf[self.pos..]);
                    self.pos = self.buf.len();
                    if self.resp.body.len() as u64 > self.max_body_size {
                        return self.fail(ClientError::DataTooLong);
                    }
                    if self.eof {
                        return self.done();
                    }
                    return ClientEvent::NeedMore;
                }
                State::Chunked(decoder) => {
                    match decoder.decode(
                        &self.buf,
                        &mut self.pos,
                        &mut self.resp.body,
                        self.max_body_size,
                        &mut self.headers_size,
                        self.max_headers_size,
                    ) {
                        ChunkStatus::Done => return self.done(),
                        ChunkStatus::More => return self.need_more(),
                        ChunkStatus::Corrupted | ChunkStatus::TooLong => return self.fail(ClientError::DataTooLong),
                    }
                }
            }
        }
    }
}
