//! libevent 2.1's bufferevent_openssl over a socket (bufferevent_openssl.c):
//! the handshake driven by the descriptor's readiness (WANT_READ and
//! WANT_WRITE), then decrypted bytes into the input buffer and the output
//! buffer encrypted on write, on the socket bufferevent's events and
//! callbacks. The `Ssl` talks to the descriptor through OpenSSL's socket
//! BIO, as libevent's (a filter's, through [`BevIo`]).

use super::{unfrozen, BevCell, CONNECTED, EOF, ERROR, READING, TIMEOUT, WRITING};
use crate::sys::ssl_ctx;
use ipc_core::evloop::{EV_READ, EV_TIMEOUT, EV_WRITE};
use openssl::error::Error as SslErr;
use openssl::error::ErrorStack;
use openssl::ssl::{ErrorCode, Ssl, SslRef, SslStream};
use std::io::{Read, Write};
use std::rc::Rc;

/// libevent's READ_DEFAULT, WRITE_FRAME and the single read/write maximum.
const READ_DEFAULT: usize = 4096;
const WRITE_FRAME: usize = 15000;
const MAX_SINGLE: usize = 16384;
/// libevent's NUM_ERRORS: the errors a bufferevent keeps for sslError().
const NUM_ERRORS: usize = 3;

// Results of do_read/do_write (libevent's OP_*).
const OP_MADE_PROGRESS: u8 = 1;
const OP_BLOCKED: u8 = 2;
const OP_ERR: u8 = 4;

/// A filter's I/O: its records go through the buffers of the bufferevent
/// `under` (filter.rs); none once the filter let it go.
pub(in crate::event::bufferevent) struct BevIo {
    pub under: Option<Rc<BevCell>>,
}

fn let_go() -> std::io::Error {
    std::io::ErrorKind::NotConnected.into()
}

impl Read for BevIo {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match &self.under {
            Some(u) => super::filter::bio_read(u, buf),
            None => Err(let_go()),
        }
    }
}

impl Write for BevIo {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &self.under {
            Some(u) => super::filter::bio_write(u, buf),
            None => Err(let_go()),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(in crate::event::bufferevent) enum TlsState {
    Open,
    Connecting,
    Accepting,
}

/// One error kept for sslError(): an SSL_get_error code (libevent keeps
/// those too) or an OpenSSL error from the queue.
enum Kept {
    Code(u32),
    Queue(SslErr),
}

impl Kept {
    /// ERR_error_string's text.
    fn text(&self) -> String {
        match self {
            Kept::Code(c) => format!("error:{c:08X}:lib(0)::reason({c})"),
            Kept::Queue(e) => {
                let code = e.code();
                let lib = e.library().map(str::to_owned).unwrap_or_else(|| format!("lib({})", (code >> 23) & 0xff));
                let reason = e.reason().map(str::to_owned).unwrap_or_else(|| format!("reason({})", code & 0x7fffff));
                format!("error:{code:08X}:{lib}::{reason}")
            }
        }
    }
}

/// The connection: over a socket with OpenSSL's socket BIO, or a filter's
/// over the underlying bufferevent.
enum Conn {
    /// The SSL and the descriptor its socket BIO uses.
    Socket(Ssl, i32),
    Filter(SslStream<BevIo>),
}

/// A failed SSL call: SSL_get_error's code and what the error queue held.
pub(in crate::event::bufferevent) struct Fail {
    code: ErrorCode,
    stack: Option<ErrorStack>,
}

impl Fail {
    fn code(&self) -> ErrorCode {
        self.code
    }
    fn of_socket(ssl: &SslRef, ret: i32) -> Fail {
        let code = ErrorCode::from_raw(ssl_ctx::get_error(ssl, ret));
        let stack = ErrorStack::get();
        Fail { code, stack: (!stack.errors().is_empty()).then_some(stack) }
    }
    fn of_stream(e: openssl::ssl::Error) -> Fail {
        Fail { code: e.code(), stack: e.ssl_error().cloned() }
    }
}

pub(in crate::event::bufferevent) struct Tls {
    conn: Conn,
    pub state: TlsState,
    read_blocked_on_write: bool,
    write_blocked_on_read: bool,
    /// The bytes of a write OpenSSL asked to retry (libevent's last_write):
    /// the retry passes the same buffer again.
    retry_write: Option<Vec<u8>>,
    errors: Vec<Kept>,
    pub allow_dirty_shutdown: bool,
}

impl Tls {
    pub fn new(ssl: Ssl, fd: i32, state: TlsState) -> Result<Tls, openssl::error::ErrorStack> {
        ssl_ctx::accept_moving_write_buffer(&ssl);
        if !ssl_ctx::set_fd(&ssl, fd) {
            return Err(ErrorStack::get());
        }
        Ok(Self::over(Conn::Socket(ssl, fd), state))
    }

    /// A filter's TLS connection, over the buffers of `under`.
    pub fn new_filter(ssl: Ssl, under: Rc<BevCell>, state: TlsState) -> Result<Tls, openssl::error::ErrorStack> {
        ssl_ctx::accept_moving_write_buffer(&ssl);
        let stream = SslStream::new(ssl, BevIo { under: Some(under) })?;
        Ok(Self::over(Conn::Filter(stream), state))
    }

    fn over(conn: Conn, state: TlsState) -> Tls {
        Tls {
            conn,
            state,
            read_blocked_on_write: false,
            write_blocked_on_read: false,
            retry_write: None,
            errors: Vec::new(),
            allow_dirty_shutdown: false,
        }
    }

    pub fn ssl(&self) -> &SslRef {
        match &self.conn {
            Conn::Socket(s, _) => s,
            Conn::Filter(f) => f.ssl(),
        }
    }

    /// The bufferevent under a filter.
    pub fn under(&self) -> Option<&Rc<BevCell>> {
        match &self.conn {
            Conn::Socket(..) => None,
            Conn::Filter(f) => f.get_ref().under.as_ref(),
        }
    }

    pub fn take_under(&mut self) -> Option<Rc<BevCell>> {
        match &mut self.conn {
            Conn::Socket(..) => None,
            Conn::Filter(f) => f.get_mut().under.take(),
        }
    }

    fn set_fd(&mut self, fd: i32) {
        // A new socket BIO only for a new descriptor.
        if let Conn::Socket(s, cur) = &mut self.conn {
            if *cur != fd && ssl_ctx::set_fd(s, fd) {
                *cur = fd;
            }
        }
    }

    fn handshake(&mut self) -> Result<(), Fail> {
        match &mut self.conn {
            Conn::Socket(s, _) => match ssl_ctx::do_handshake(s) {
                1 => Ok(()),
                r => Err(Fail::of_socket(s, r)),
            },
            Conn::Filter(f) => f.do_handshake().map_err(Fail::of_stream),
        }
    }

    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Fail> {
        match &mut self.conn {
            Conn::Socket(s, _) => match ssl_ctx::read(s, buf) {
                r if r > 0 => Ok(r as usize),
                r => Err(Fail::of_socket(s, r)),
            },
            Conn::Filter(f) => f.ssl_read(buf).map_err(Fail::of_stream),
        }
    }

    fn write(&mut self, buf: &[u8]) -> Result<usize, Fail> {
        match &mut self.conn {
            Conn::Socket(s, _) => match ssl_ctx::write(s, buf) {
                r if r > 0 => Ok(r as usize),
                r => Err(Fail::of_socket(s, r)),
            },
            Conn::Filter(f) => f.ssl_write(buf).map_err(Fail::of_stream),
        }
    }

    fn put_error(&mut self, e: Kept) {
        if self.errors.len() < NUM_ERRORS {
            self.errors.push(e);
        }
    }

    /// bufferevent_get_openssl_error + ERR_error_string: the last kept
    /// error, removed.
    pub fn pop_error(&mut self) -> Option<String> {
        self.errors.pop().map(|e| e.text())
    }
}

/// ERR_clear_error, as libevent calls it before each SSL_read, SSL_write
/// and SSL_do_handshake: SSL_get_error would otherwise report an error left
/// on the queue by an earlier call (SSL_renegotiate on TLS 1.3).
fn clear_error_queue() {
    drop(openssl::error::ErrorStack::get());
}

/// SSL_get_error's number for an error code.
fn code_number(c: ErrorCode) -> u32 {
    c.as_raw() as u32
}

impl BevCell {
    fn tls_state(&self) -> Option<TlsState> {
        self.st.borrow().tls.as_ref().map(|t| t.state)
    }

    fn with_tls<R>(&self, f: impl FnOnce(&mut Tls) -> R) -> Option<R> {
        self.st.borrow_mut().tls.as_deref_mut().map(f)
    }

    // ------------------------------------------------------------ start/stop

    fn start_reading(&self) -> bool {
        if let Some(u) = self.under() {
            u.unsuspend_read();
            return true;
        }
        let (ev_read, ev_write, tr, tw, rbow) = {
            let st = self.st.borrow();
            let rbow = st.tls.as_ref().is_some_and(|t| t.read_blocked_on_write);
            (st.ev_read, st.ev_write, st.timeout_read(), st.timeout_write(), rbow)
        };
        let mut ok = self.add_event(ev_read, tr);
        if ok && rbow {
            ok = self.add_event(ev_write, tw);
        }
        ok
    }

    fn start_writing(&self) -> bool {
        if let Some(u) = self.under() {
            if self.st.borrow().tls.as_ref().is_some_and(|t| t.write_blocked_on_read) {
                u.unsuspend_read();
            }
            return true;
        }
        let (ev_read, ev_write, tr, tw, wbor) = {
            let st = self.st.borrow();
            let wbor = st.tls.as_ref().is_some_and(|t| t.write_blocked_on_read);
            (st.ev_read, st.ev_write, st.timeout_read(), st.timeout_write(), wbor)
        };
        let mut ok = self.add_event(ev_write, tw);
        if ok && wbor {
            ok = self.add_event(ev_read, tr);
        }
        ok
    }

    fn stop_reading(&self) {
        let (ev_read, wbor) = {
            let st = self.st.borrow();
            (st.ev_read, st.tls.as_ref().is_some_and(|t| t.write_blocked_on_read))
        };
        if wbor {
            return;
        }
        match self.under() {
            Some(u) => u.suspend_read(),
            None => self.del_event(ev_read),
        }
    }

    fn stop_writing(&self) {
        let (ev_write, rbow) = {
            let st = self.st.borrow();
            (st.ev_write, st.tls.as_ref().is_some_and(|t| t.read_blocked_on_write))
        };
        if !rbow && !self.is_filter() {
            self.del_event(ev_write);
        }
    }

    /// be_openssl_enable (socket kind).
    pub(super) fn tls_enable(&self, event: u16) -> bool {
        let r1 = event & EV_READ == 0 || self.start_reading();
        let r2 = event & EV_WRITE == 0 || self.start_writing();
        if self.is_filter() {
            self.filter_enable(event);
        }
        r1 && r2
    }

    /// be_openssl_disable.
    pub(super) fn tls_disable(&self, event: u16) {
        if self.is_filter() {
            let (ev_read, ev_write) = {
                let st = self.st.borrow();
                (st.ev_read, st.ev_write)
            };
            if event & EV_READ != 0 {
                self.del_event(ev_read);
            }
            if event & EV_WRITE != 0 {
                self.del_event(ev_write);
            }
        }
        if event & EV_READ != 0 {
            self.stop_reading();
        }
        if event & EV_WRITE != 0 {
            self.stop_writing();
        }
    }

    fn set_rbow(&self) -> bool {
        self.stop_reading();
        self.with_tls(|t| t.read_blocked_on_write = true);
        self.start_writing()
    }

    fn clear_rbow(&self) -> bool {
        self.with_tls(|t| t.read_blocked_on_write = false);
        let enabled = self.st.borrow().enabled;
        if enabled & EV_WRITE == 0 {
            self.stop_writing();
        }
        enabled & EV_READ == 0 || self.start_reading()
    }

    fn set_wbor(&self) -> bool {
        self.stop_writing();
        self.with_tls(|t| t.write_blocked_on_read = true);
        self.start_reading()
    }

    fn clear_wbor(&self) -> bool {
        self.with_tls(|t| t.write_blocked_on_read = false);
        let enabled = self.st.borrow().enabled;
        if enabled & EV_READ == 0 {
            self.stop_reading();
        }
        enabled & EV_WRITE == 0 || self.start_writing()
    }

    // ------------------------------------------------------------ setup

    /// set_handshake_callbacks / set_open_callbacks for a socket: the
    /// events re-pointed at `fd`; the handshake (re)enables the
    /// bufferevent's events, an open connection keeps the pending ones.
    pub(super) fn tls_set_fd(&self, fd: i32) {
        let (sh, ev_read, ev_write, enabled, state) = {
            let mut st = self.st.borrow_mut();
            st.fd = fd;
            let state = match st.tls.as_deref_mut() {
                Some(t) => {
                    t.set_fd(fd);
                    t.state
                }
                None => return,
            };
            (st.sh.clone(), st.ev_read, st.ev_write, st.enabled, state)
        };
        let (rpending, wpending) = (self.pending(ev_read, EV_READ), self.pending(ev_write, EV_WRITE));
        {
            let mut s = sh.borrow_mut();
            s.core.del(ev_read);
            s.core.del(ev_write);
            s.core.assign(ev_read, fd, EV_READ | ipc_core::evloop::EV_PERSIST);
            s.core.assign(ev_write, fd, EV_WRITE | ipc_core::evloop::EV_PERSIST);
            let _ = s.sync();
        }
        if state == TlsState::Open {
            let (tr, tw) = {
                let st = self.st.borrow();
                (st.timeout_read(), st.timeout_write())
            };
            if rpending {
                self.add_event(ev_read, tr);
            }
            if wpending {
                self.add_event(ev_write, tw);
            }
        } else if fd >= 0 {
            self.enable(enabled);
        }
    }

    // ------------------------------------------------------------ events

    /// The read or write event of a TLS bufferevent fired. True if a
    /// callback threw.
    pub(super) fn tls_fire(&self, read: bool, res: u16) -> bool {
        if self.is_filter() {
            return self.filter_timeout(read);
        }
        match self.tls_state() {
            None => false,
            Some(TlsState::Open) => {
                if res == EV_TIMEOUT {
                    let what = TIMEOUT | if read { READING } else { WRITING };
                    return self.run_eventcb(what, false);
                }
                if read {
                    self.consider_reading()
                } else {
                    self.consider_writing()
                }
            }
            Some(_) => {
                // be_openssl_handshakeeventcb
                if res & EV_TIMEOUT != 0 {
                    return self.run_eventcb(TIMEOUT, false);
                }
                self.do_handshake().1
            }
        }
    }

    /// do_handshake: (finished, a callback threw).
    pub(super) fn do_handshake(&self) -> (bool, bool) {
        clear_error_queue();
        let r = match self.with_tls(|t| t.handshake()) {
            Some(r) => r,
            None => return (false, false),
        };
        match r {
            Ok(()) => {
                let fd = {
                    let mut st = self.st.borrow_mut();
                    if let Some(t) = st.tls.as_deref_mut() {
                        t.state = TlsState::Open;
                    }
                    st.fd
                };
                if !self.is_filter() {
                    self.tls_set_fd(fd);
                }
                let enabled = self.st.borrow().enabled;
                self.enable(enabled);
                (true, self.run_eventcb(CONNECTED, false))
            }
            Err(e) => match e.code() {
                ErrorCode::WANT_WRITE => {
                    self.stop_reading();
                    self.start_writing();
                    (false, false)
                }
                ErrorCode::WANT_READ => {
                    self.stop_writing();
                    self.start_reading();
                    (false, false)
                }
                _ => (false, self.conn_closed(READING, &e)),
            },
        }
    }

    /// conn_closed: the errors kept, reading and writing stopped, the event
    /// callback told (EOF for close_notify, or a dirty shutdown allowed).
    fn conn_closed(&self, when: u16, e: &Fail) -> bool {
        let mut event = ERROR;
        let mut dirty = false;
        let filter = self.is_filter();
        self.with_tls(|t| {
            let code = e.code();
            if code == ErrorCode::ZERO_RETURN {
                if ssl_ctx::received_shutdown(t.ssl()) {
                    event = EOF;
                } else {
                    dirty = true;
                }
            } else if code == ErrorCode::SYSCALL {
                dirty = e.stack.is_none();
                t.put_error(Kept::Code(code_number(code)));
            } else if code == ErrorCode::SSL || code.as_raw() == 4 {
                t.put_error(Kept::Code(code_number(code)));
            }
            if let Some(stack) = &e.stack {
                for err in stack.errors() {
                    t.put_error(Kept::Queue(err.clone()));
                }
            }
            if dirty && t.allow_dirty_shutdown {
                event = EOF;
            }
        });
        // A filter's underlying bufferevent reads on (as with libevent: each
        // of its callbacks then retries the failed connection and reports
        // again; its end of file is reported too).
        if !filter {
            self.stop_reading();
            self.stop_writing();
        }
        self.run_eventcb(when | event, false)
    }

    // ------------------------------------------------------------ reading

    /// bytes_to_read.
    fn bytes_to_read(&self) -> usize {
        let st = self.st.borrow();
        if st.tls.as_ref().is_some_and(|t| t.write_blocked_on_read) || st.enabled & EV_READ == 0 || st.read_suspended {
            return 0;
        }
        let mut result = READ_DEFAULT;
        let high = st.wm_read().1;
        if high != 0 {
            let len = st.input.len();
            if len >= high {
                return 0;
            }
            result = high - len;
        }
        result.min(MAX_SINGLE)
    }

    /// do_read: (OP_* flags, a callback threw).
    fn do_read(&self, n_to_read: usize) -> (u8, bool) {
        if self.st.borrow().read_suspended {
            return (0, false);
        }
        // evbuffer_reserve_space over two chunks, one SSL_read per chunk, each
        // as large as the chunk's whole space (libevent's sizes).
        let input = self.st.borrow().input.clone();
        let Some(extents) = unfrozen(&mut input.get_mut(), |b| b.reserve_space(n_to_read.min(MAX_SINGLE))) else {
            return (OP_ERR, false);
        };
        let mut got: Vec<u8> = Vec::new();
        let mut result = 0;
        let mut threw = false;
        for len in extents.into_iter().filter(|&l| l > 0) {
            if self.st.borrow().read_suspended {
                break;
            }
            let start = got.len();
            got.resize(start + len, 0);
            clear_error_queue();
            let Some(r) = self.with_tls(|t| t.read(&mut got[start..])) else {
                got.truncate(start);
                result |= OP_ERR;
                break;
            };
            let rbow = self.st.borrow().tls.as_ref().is_some_and(|t| t.read_blocked_on_write);
            match r {
                Ok(n) if n > 0 => {
                    got.truncate(start + n);
                    result |= OP_MADE_PROGRESS;
                    if rbow && !self.clear_rbow() {
                        result |= OP_ERR;
                        break;
                    }
                }
                Ok(_) => {
                    got.truncate(start);
                    result |= OP_BLOCKED;
                    break;
                }
                Err(e) => {
                    got.truncate(start);
                    match e.code() {
                        ErrorCode::WANT_READ => {
                            if rbow && !self.clear_rbow() {
                                result |= OP_ERR;
                            }
                        }
                        ErrorCode::WANT_WRITE => {
                            if !rbow && !self.set_rbow() {
                                result |= OP_ERR;
                            }
                        }
                        _ => threw = self.conn_closed(READING, &e),
                    }
                    result |= OP_BLOCKED;
                    break;
                }
            }
        }
        if !got.is_empty() {
            let n = got.len();
            unfrozen(&mut input.get_mut(), |b| b.commit_read(n, &got));
            input.notify(n, 0);
            let (ev_read, tr) = {
                let st = self.st.borrow();
                (st.ev_read, st.timeout_read())
            };
            if tr.is_some() && self.is_filter() {
                self.add_event(ev_read, tr);
            }
        }
        (result, threw)
    }

    /// consider_reading.
    pub(super) fn consider_reading(&self) -> bool {
        while self.st.borrow().tls.as_ref().is_some_and(|t| t.write_blocked_on_read) {
            let (r, threw) = self.do_write(WRITE_FRAME);
            if threw {
                return true;
            }
            if r & (OP_BLOCKED | OP_ERR) != 0 {
                break;
            }
        }
        if self.st.borrow().tls.as_ref().is_none_or(|t| t.write_blocked_on_read) {
            return false;
        }
        let mut all = 0;
        let mut n_to_read = self.bytes_to_read();
        while n_to_read > 0 {
            let (r, threw) = self.do_read(n_to_read);
            if threw {
                return true;
            }
            all |= r;
            if r & (OP_BLOCKED | OP_ERR) != 0 || self.st.borrow().read_suspended {
                break;
            }
            n_to_read = self.st.borrow().tls.as_ref().map_or(0, |t| t.ssl().pending());
            if n_to_read == 0 && self.is_filter() {
                n_to_read = self.bytes_to_read();
            }
        }
        if all & OP_MADE_PROGRESS != 0 && self.trigger(EV_READ, false) {
            return true;
        }
        let (suspended, enabled, ev_read) = {
            let st = self.st.borrow();
            (st.read_suspended, st.enabled, st.ev_read)
        };
        if (suspended || enabled & EV_READ == 0) && !self.is_filter() {
            self.del_event(ev_read);
        }
        false
    }

    // ------------------------------------------------------------ writing

    /// do_write: (OP_* flags, a callback threw). As libevent's, it writes
    /// whole chunks of the output (evbuffer_peek up to the single-write
    /// maximum, at most 8 chunks), one SSL_write each, so TLS records follow
    /// the output's chunks as they do with libevent.
    fn do_write(&self, _atmost: usize) -> (u8, bool) {
        let output = self.st.borrow().output.clone();
        let pieces: Vec<Vec<u8>> = match self.with_tls(|t| t.retry_write.take()) {
            Some(Some(v)) => vec![v],
            Some(None) => {
                let b = output.get();
                let mut v = Vec::new();
                let mut so_far = 0;
                for chunk in b.slices() {
                    if so_far >= MAX_SINGLE || v.len() == 8 {
                        break;
                    }
                    so_far += chunk.len();
                    if !chunk.is_empty() {
                        v.push(chunk.to_vec());
                    }
                }
                v
            }
            None => return (OP_ERR, false),
        };
        if pieces.is_empty() {
            return (OP_BLOCKED, false);
        }
        let mut result = 0;
        let mut written = 0;
        for data in pieces {
            clear_error_queue();
            let Some(r) = self.with_tls(|t| t.write(&data)) else { return (OP_ERR, false) };
            let wbor = self.st.borrow().tls.as_ref().is_some_and(|t| t.write_blocked_on_read);
            match r {
                Ok(n) => {
                    result |= OP_MADE_PROGRESS;
                    if wbor && !self.clear_wbor() {
                        return (OP_ERR | result, false);
                    }
                    written += n;
                }
                Err(e) => {
                    match e.code() {
                        ErrorCode::WANT_WRITE => {
                            if wbor && !self.clear_wbor() {
                                return (OP_ERR | result, false);
                            }
                            self.with_tls(|t| t.retry_write = Some(data));
                        }
                        ErrorCode::WANT_READ => {
                            if !wbor && !self.set_wbor() {
                                return (OP_ERR | result, false);
                            }
                            self.with_tls(|t| t.retry_write = Some(data));
                        }
                        _ => return (OP_BLOCKED | result, self.conn_closed(WRITING, &e)),
                    }
                    result |= OP_BLOCKED;
                    break;
                }
            }
        }
        if written > 0 {
            unfrozen(&mut output.get_mut(), |b| b.drain(written));
            output.notify(0, written);
            let (ev_write, tw) = {
                let st = self.st.borrow();
                (st.ev_write, st.timeout_write())
            };
            if tw.is_some() && self.is_filter() {
                self.add_event(ev_write, tw);
            }
            if self.trigger(EV_WRITE, true) {
                return (result, true);
            }
        }
        (result, false)
    }

    /// consider_writing.
    pub(super) fn consider_writing(&self) -> bool {
        while self.st.borrow().tls.as_ref().is_some_and(|t| t.read_blocked_on_write) {
            let (r, threw) = self.do_read(1024);
            if threw {
                return true;
            }
            if r & OP_MADE_PROGRESS != 0 && self.trigger(EV_READ, false) {
                return true;
            }
            if r & (OP_ERR | OP_BLOCKED) != 0 {
                break;
            }
        }
        if self.st.borrow().tls.as_ref().is_none_or(|t| t.read_blocked_on_write) {
            return false;
        }
        loop {
            let go = {
                let st = self.st.borrow();
                st.enabled & EV_WRITE != 0 && st.output.len() > 0
            };
            if !go || !self.target_has_room() {
                break;
            }
            let (r, threw) = self.do_write(WRITE_FRAME);
            if threw {
                return true;
            }
            if r & (OP_BLOCKED | OP_ERR) != 0 {
                break;
            }
        }
        let (len, enabled, ev_write) = {
            let st = self.st.borrow();
            (st.output.len(), st.enabled, st.ev_write)
        };
        if (len == 0 || enabled & EV_WRITE == 0) && !self.is_filter() {
            self.del_event(ev_write);
        }
        false
    }

    /// be_openssl_outbuf_cb: data added to the output of an open
    /// connection arms the write event.
    pub(super) fn tls_outbuf_changed(&self, orig_size: usize, added: usize) {
        let (state, ev_write, tw) = {
            let st = self.st.borrow();
            (st.tls.as_ref().map(|t| t.state), st.ev_write, st.timeout_write())
        };
        if added > 0 && state == Some(TlsState::Open) {
            if orig_size == 0 {
                self.add_event(ev_write, tw);
            }
            if self.is_filter() {
                self.consider_writing();
            }
        }
    }

    /// bufferevent_ssl_renegotiate: SSL_renegotiate, then back to the
    /// handshake. On TLS 1.2 the handshake runs again (the peer, open, goes
    /// through it inside its SSL_read); on TLS 1.3 SSL_renegotiate refuses
    /// (0, which libevent does not treat as a failure: only < 0) and the
    /// handshake that follows completes at once, reporting CONNECTED again.
    /// A filter's handshake goes on at its underlying bufferevent's next
    /// callback, as libevent's. True if a callback threw.
    pub fn tls_renegotiate(&self) -> bool {
        let (fd, filter) = {
            let mut st = self.st.borrow_mut();
            let fd = st.fd;
            let Some(t) = st.tls.as_deref_mut() else { return false };
            if ssl_ctx::renegotiate(t.ssl()) < 0 {
                return false;
            }
            t.state = TlsState::Connecting;
            (fd, t.under().is_some())
        };
        if filter {
            return false;
        }
        self.tls_set_fd(fd);
        self.do_handshake().1
    }
}
