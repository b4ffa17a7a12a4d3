//! Chunked transfer coding (RFC 9112 §7.1) as evhttp reads and writes it.
//!
//! evhttp's reader is looser and stricter than the RFC in ways the oracle
//! shows: the size is read by `strtoll(…, 16)`, so "0x2", "+2" and leading
//! blanks pass; only a space may follow the size, so a chunk extension
//! ("5;ext=1") fails the request (413) unless a space precedes it; the CRLF
//! after a chunk's data is optional (empty lines are skipped). Trailer
//! fields are read as header lines, checked, and dropped.

use crate::http::{c_str, parse_header_lines, read_line, strtoll, HeaderStatus, Headers};

/// What the decoder made of the bytes so far.
#[derive(Debug, PartialEq, Eq)]
pub enum ChunkStatus {
    /// The last chunk and its trailer were read.
    Done,
    /// More bytes are needed.
    More,
    /// A malformed size line or trailer: evhttp fails the message
    /// (a server answers 413, as the oracle does, not 400).
    Corrupted,
    /// The body exceeds the size limit (413 on a server).
    TooLong,
}

/// The state of one chunked body being read.
#[derive(Debug, Clone)]
pub struct ChunkedDecoder {
    /// Bytes left in the current chunk; -1 while a size line is awaited.
    to_read: i64,
    /// The sum of all chunk sizes announced so far.
    body_size: u64,
    /// Set once the last chunk is seen: trailer lines follow.
    in_trailer: bool,
    trailer: Headers,
}

impl Default for ChunkedDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl ChunkedDecoder {
    pub fn new() -> ChunkedDecoder {
        ChunkedDecoder { to_read: -1, body_size: 0, in_trailer: false, trailer: Headers::new() }
    }

    /// Decodes from `buf[*pos..]`, appending chunk data to `body`. The
    /// announced body must stay within `max_body`; the trailer counts into
    /// `headers_size` against `max_headers` (evhttp keeps counting the
    /// message's header bytes).
    pub fn decode(
        &mut self,
        buf: &[u8],
        pos: &mut usize,
        body: &mut Vec<u8>,
        max_body: u64,
        headers_size: &mut u64,
        max_headers: u64,
    ) -> ChunkStatus {
        if !self.in_trailer {
            match self.decode_chunks(buf, pos, body, max_body) {
                ChunkStatus::Done => self.in_trailer = true,
                other => return other,
            }
        }
        match parse_header_lines(buf, pos, &mut self.trailer, headers_size, max_headers) {
            HeaderStatus::Done => ChunkStatus::Done,
            HeaderStatus::More => ChunkStatus::More,
            // evhttp_read_trailer fails both ways with DATA_TOO_LONG.
            HeaderStatus::Corrupted | HeaderStatus::TooLong => ChunkStatus::TooLong,
        }
    }

    fn decode_chunks(&mut self, buf: &[u8], pos: &mut usize, body: &mut Vec<u8>, max_body: u64) -> ChunkStatus {
        while *pos < buf.len() {
            if self.to_read < 0 {
                let Some(line) = read_line(buf, pos) else { return ChunkStatus::More };
                let text = c_str(line);
                if text.is_empty() {
                    continue;
                }
                let (size, used) = strtoll(text, 16);
                // strtoll stopped at `used` (0 without digits): only the end
                // or a space may follow, so a lone " " reads as size 0.
                if (used < text.len() && text[used] != b' ') || size < 0 {
                    return ChunkStatus::Corrupted;
                }
                let size = size as u64;
                if size > u64::MAX - self.body_size {
                    return ChunkStatus::Corrupted;
                }
                if self.body_size + size > max_body {
                    return ChunkStatus::TooLong;
                }
                self.body_size += size;
                self.to_read = size as i64;
                if size == 0 {
                    return ChunkStatus::Done;
                }
                continue;
            }
            let available = (buf.len() - *pos) as u64;
            if available < self.to_read as u64 {
                return ChunkStatus::More;
            }
            let n = self.to_read as usize;
            body.extend_from_slice(&buf[*pos..*pos + n]);
            *pos += n;
            self.to_read = -1;
        }
        ChunkStatus::More
    }
}

/// One chunk of a chunked reply (evhttp_send_reply_chunk): nothing for
/// empty data, else the size in lowercase hex, CRLF, the data, CRLF.
pub fn encode_chunk(data: &[u8]) -> Vec<u8> {
    if data.is_empty() {
        return Vec::new();
    }
    let mut out = format!("{:x}\r\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\r\n");
    out
}

/// The end of a chunked reply (evhttp_send_reply_end).
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";
