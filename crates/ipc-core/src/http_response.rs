//! Replies to server requests as evhttp writes them: the status line, the
//! automatic headers (Date, Content-Length, Content-Type, Connection), the
//! error pages evhttp generates itself, chunked replies.
//!
//! One deliberate difference from libevent 2.1: a reply to HEAD, and a 1xx,
//! 204 or 304 reply, carries no body (RFC 9110 §9.3.2, §15.3.5, §15.4.5).
//! libevent leaves Content-Length out of such replies yet still writes the
//! body, so the next reply on a keep-alive connection starts inside it.
//! The headers are evhttp's either way.

use crate::http::{html_escape, http_date, is_connection_close, is_keepalive, reason_phrase, CMD_CONNECT, CMD_HEAD};
use crate::http_chunked::{encode_chunk, LAST_CHUNK};
use crate::http_request::{need_close, Request, ServerConfig};

/// Bytes to write, and whether to close the connection once written.
#[derive(Debug, PartialEq, Eq)]
pub struct Reply {
    pub bytes: Vec<u8>,
    pub close: bool,
}

/// Why a reply method refuses to run.
#[derive(Debug, PartialEq, Eq)]
pub enum ReplyError {
    /// The request was already answered (PECL would reuse freed memory).
    AlreadyReplied,
    /// sendReplyChunk/End without sendReplyStart.
    NotStarted,
}

impl Request {
    /// evhttp_response_needs_body: whether the reply's headers describe a
    /// body (Content-Length, Content-Type, chunked coding).
    pub fn response_needs_body(&self) -> bool {
        let code = self.response_code;
        code != 204
            && code != 304
            && !(100..200).contains(&code)
            && self.method.0 != CMD_HEAD
            && self.method.0 != CMD_CONNECT
    }

    /// Whether body bytes may follow the headers. libevent writes them
    /// whenever there are some; we follow RFC 9110 instead.
    pub fn response_body_allowed(&self) -> bool {
        let code = self.response_code;
        code != 204 && code != 304 && !(100..200).contains(&code) && self.method.0 != CMD_HEAD
    }

    fn set_response_code(&mut self, code: i32, reason: Option<&[u8]>) {
        self.response_code = code;
        self.response_reason = match reason {
            Some(r) => crate::http::c_str(r).to_vec(),
            None => reason_phrase(i64::from(code)).as_bytes().to_vec(),
        };
    }

    /// evhttp_make_header_response, then the blank line.
    fn write_head(&mut self, body_len: usize, config: &ServerConfig, now: i64) -> Vec<u8> {
        let mut out = format!("HTTP/{}.{} {} ", self.major, self.minor, self.response_code).into_bytes();
        out.extend_from_slice(&self.response_reason);
        out.extend_from_slice(b"\r\n");
        let keepalive = is_keepalive(&self.input_headers);
        let needs_body = self.response_needs_body();
        if self.major == 1 {
            if self.minor >= 1 && self.output_headers.find(b"Date").is_none() {
                self.output_headers.add(b"Date", http_date(now).as_bytes());
            }
            if self.minor == 0 && keepalive && !self.stream_until_close {
                self.output_headers.add(b"Connection", b"keep-alive");
            }
            if (self.minor >= 1 || keepalive)
                && needs_body
                && !self.stream_until_close
                && self.output_headers.find(b"Transfer-Encoding").is_none()
                && self.output_headers.find(b"Content-Length").is_none()
            {
                self.output_headers.add(b"Content-Length", body_len.to_string().as_bytes());
            }
        }
        if needs_body && self.output_headers.find(b"Content-Type").is_none() {
            if let Some(ct) = &config.default_content_type {
                self.output_headers.add(b"Content-Type", ct);
            }
        }
        if is_connection_close(self.proxy, &self.input_headers) {
            self.output_headers.remove(b"Connection");
            if !self.proxy {
                self.output_headers.add(b"Connection", b"close");
            }
            self.output_headers.remove(b"Proxy-Connection");
        }
        self.output_headers.write_to(&mut out);
        out.extend_from_slice(b"\r\n");
        out
    }

    fn send(&mut self, body: &[u8], config: &ServerConfig, now: i64) -> Reply {
        let mut bytes = self.write_head(body.len(), config, now);
        if self.response_body_allowed() {
            bytes.extend_from_slice(body);
        }
        self.replied = true;
        self.finished = true;
        Reply { bytes, close: need_close(self) }
    }

    fn check_started(&self) -> Result<(), ReplyError> {
        if self.finished {
            return Err(ReplyError::AlreadyReplied);
        }
        if !self.replied {
            return Err(ReplyError::NotStarted);
        }
        Ok(())
    }

    fn check_unanswered(&self) -> Result<(), ReplyError> {
        if self.replied {
            return Err(ReplyError::AlreadyReplied);
        }
        Ok(())
    }

    /// sendReply(code, reason, body) (evhttp_send_reply). `now` is the
    /// Unix time for the Date header.
    pub fn reply(
        &mut self,
        code: i32,
        reason: Option<&[u8]>,
        body: &[u8],
        config: &ServerConfig,
        now: i64,
    ) -> Result<Reply, ReplyError> {
        self.check_unanswered()?;
        self.set_response_code(code, reason);
        Ok(self.send(body, config, now))
    }

    /// evhttp_send_page_: an HTTP/1.1 reply (unless the request's version
    /// has neither number 0) with only `Content-Type: text/html` and
    /// `Connection: close` of the output headers the user set.
    fn send_page(&mut self, page: &[u8], config: &ServerConfig, now: i64) -> Reply {
        if self.major == 0 || self.minor == 0 {
            self.major = 1;
            self.minor = 1;
        }
        self.output_headers.clear();
        self.output_headers.add(b"Content-Type", b"text/html");
        self.output_headers.add(b"Connection", b"close");
        self.send(page, config, now)
    }

    /// sendError(code, reason) and evhttp's own error replies (400, 413,
    /// 417, 501): the reason defaults to the code's phrase.
    pub fn error_reply(
        &mut self,
        code: i32,
        reason: Option<&[u8]>,
        config: &ServerConfig,
        now: i64,
    ) -> Result<Reply, ReplyError> {
        self.check_unanswered()?;
        self.set_response_code(code, reason);
        let mut page = format!("<HTML><HEAD>\n<TITLE>{code} ").into_bytes();
        page.extend_from_slice(&self.response_reason);
        page.extend_from_slice(b"</TITLE>\n</HEAD><BODY>\n<H1>");
        page.extend_from_slice(&self.response_reason);
        page.extend_from_slice(b"</H1>\n</BODY></HTML>\n");
        Ok(self.send_page(&page, config, now))
    }

    /// The 404 page evhttp sends when no callback handles a path: the
    /// request-target, HTML-escaped, in lowercase markup.
    pub fn not_found_reply(&mut self, config: &ServerConfig, now: i64) -> Result<Reply, ReplyError> {
        self.check_unanswered()?;
        self.set_response_code(404, Some(b"Not Found"));
        let mut page =
            b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL ".to_vec();
        page.extend_from_slice(&html_escape(self.uri.as_deref().unwrap_or_default()));
        page.extend_from_slice(b" was not found on this server.</p></body></html>\n");
        Ok(self.send_page(&page, config, now))
    }

    /// sendReplyStart(code, reason): the head of a reply whose body follows
    /// in chunks; chunked coding for HTTP/1.1 and later 1.x (1.2 too, as on
    /// the oracle), raw bytes up to the close for HTTP/1.0.
    pub fn reply_start(
        &mut self,
        code: i32,
        reason: Option<&[u8]>,
        config: &ServerConfig,
        now: i64,
    ) -> Result<Vec<u8>, ReplyError> {
        self.check_unanswered()?;
        self.set_response_code(code, reason);
        self.chunked_reply = self.major == 1 && self.minor >= 1 && self.response_needs_body();
        if self.chunked_reply {
            self.output_headers.add(b"Transfer-Encoding", b"chunked");
        } else if self.response_needs_body() {
            // Deliberate difference: libevent announces "Content-Length: 0"
            // to an HTTP/1.0 keep-alive client and then streams the body,
            // which the client takes for the next response. Without chunked
            // coding the body can only end with the connection.
            self.stream_until_close = true;
        }
        self.replied = true;
        Ok(self.write_head(0, config, now))
    }

    /// sendReplyChunk(data): nothing for empty data or a reply without a
    /// body (HEAD, 204, 304, 1xx).
    pub fn reply_chunk(&self, data: &[u8]) -> Result<Vec<u8>, ReplyError> {
        self.check_started()?;
        if data.is_empty() || !self.response_needs_body() || !self.response_body_allowed() {
            return Ok(Vec::new());
        }
        Ok(if self.chunked_reply { encode_chunk(data) } else { data.to_vec() })
    }

    /// sendReplyEnd(): the last chunk, and whether the connection closes.
    pub fn reply_end(&mut self) -> Result<Reply, ReplyError> {
        self.check_started()?;
        self.finished = true;
        let bytes = if self.chunked_reply { LAST_CHUNK.to_vec() } else { Vec::new() };
        self.chunked_reply = false;
        Ok(Reply { bytes, close: self.stream_until_close || need_close(self) })
    }
}
