//! One accepted EventHttp connection: bytes in, ipc-core's RequestParser,
//! dispatch to the callbacks, replies out (docs/event-http-core.md).
//!
//! As evhttp: reading stops while a request is being handled; once its
//! reply is complete and written out, the request is gone (libevent frees
//! it: a request object kept by PHP raises Error from then on) and the next
//! request (pipelined bytes first) is read, or the connection closes.

use super::server::{Callback, Server};
use super::*;
use crate::event::buffer::BufCell;
use crate::event::bufferevent::hook::{BevHandler, HookedBev};
use crate::sys::socket::SockAddr;
use ipc_core::evloop::EV_READ;
use ipc_core::http::CONTINUE_RESPONSE;
use ipc_core::http_request::{Dispatch, RequestParser, ServerEvent};
use ipc_core::http_response::{Reply, ReplyError};
use std::rc::Weak;

// EventBufferEvent's event bits.
const BEV_READING: u16 = 1;
const BEV_EOF: u16 = 16;
const BEV_CONNECTED: u16 = 128;

pub(super) struct Conn {
    me: Weak<Conn>,
    srv: Weak<Server>,
    bev: RefCell<Option<HookedBev>>,
    st: RefCell<ConnState>,
    /// The peer's numeric address and port (evcon->address, evcon->port).
    peer: (Vec<u8>, u16),
    /// setCloseCallback() on the object of getConnection(): (callback,
    /// argument, that object), called when the connection closes.
    close_cb: RefCell<Option<(UserCallable, zval, zval)>>,
}

#[derive(Default)]
struct ConnState {
    parser: RequestParser,
    /// The request handed to PHP and not yet done with.
    current: Option<ReqCell>,
    /// The reply to `current` is complete: once it is written out, the
    /// request goes (Some(close): then close the connection).
    reply_done: Option<bool>,
    closed: bool,
}

/// evhttp's numeric host and port of an accepted peer (empty and 0 for
/// other families).
fn peer_of(a: &SockAddr) -> (Vec<u8>, u16) {
    match a.family() {
        libc::AF_INET => {
            let (ip, port) = a.as_inet();
            (std::net::Ipv4Addr::from(ip).to_string().into_bytes(), port)
        }
        libc::AF_INET6 => {
            let (ip, port, _) = a.as_inet6();
            (std::net::Ipv6Addr::from(ip).to_string().into_bytes(), port)
        }
        _ => (Vec::new(), 0),
    }
}

/// Seconds since the epoch, for the Date header.
fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

impl Conn {
    /// A new connection on accepted socket `fd`: a (TLS) bufferevent with
    /// the server's timeout, reading.
    pub fn start(srv: &Rc<Server>, fd: i32, peer: SockAddr) {
        let peer = peer_of(&peer);
        let (sh, timeout, ssl) = {
            let st = srv.st.borrow();
            let ssl = st.ssl_ctx.as_ref().and_then(zv::object).map(|o| {
                crate::event::ssl::tls_context(o).ok().and_then(|c| c.new_ssl(crate::event::ssl::Role::Server).ok())
            });
            (st.sh.clone(), st.timeout, ssl)
        };
        let conn = Rc::new_cyclic(|me| Conn {
            me: me.clone(),
            srv: Rc::downgrade(srv),
            bev: RefCell::new(None),
            st: RefCell::new(ConnState::default()),
            peer,
            close_cb: RefCell::new(None),
        });
        let h: Weak<dyn BevHandler> = Rc::downgrade(&(conn.clone() as Rc<dyn BevHandler>));
        let bev = match ssl {
            None => HookedBev::socket(&sh, fd, h),
            Some(Some(ssl)) => match HookedBev::tls_accepting(&sh, fd, ssl, h) {
                Some(b) => b,
                None => {
                    crate::sys::socket::close(fd);
                    return;
                }
            },
            // No SSL handle (libevent's bufferevent callback failed): the
            // connection is dropped.
            Some(None) => {
                crate::sys::socket::close(fd);
                return;
            }
        };
        bev.set_timeouts(timeout, timeout);
        bev.enable(EV_READ);
        *conn.bev.borrow_mut() = Some(bev);
        srv.st.borrow_mut().conns.push(conn);
    }

    fn server(&self) -> Option<Rc<Server>> {
        self.srv.upgrade()
    }

    fn with_bev<R>(&self, f: impl FnOnce(&HookedBev) -> R) -> Option<R> {
        self.bev.borrow().as_ref().map(f)
    }

    fn write(&self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        if let Some(out) = self.with_bev(HookedBev::output) {
            out.edit(|b| b.add(bytes));
        }
    }

    /// evhttp_connection_free: the socket closed, the request (if any) gone.
    pub fn close(&self) {
        let current = {
            let mut st = self.st.borrow_mut();
            if st.closed {
                return;
            }
            st.closed = true;
            st.reply_done = None;
            st.current.take()
        };
        if let Some(c) = current {
            let old = c.borrow_mut().take();
            drop(old);
        }
        let bev = self.bev.borrow_mut().take();
        if let Some(b) = bev {
            b.free();
        }
        if let Some(srv) = self.server() {
            srv.remove_conn(self);
        }
        // evhttp_connection_free runs the close callback with the connection.
        let cb = self.close_cb.borrow_mut().take();
        if let Some((cb, arg, obj)) = cb {
            cb.call(&mut [obj, arg]);
        }
    }

    /// The peer's address and port, for getPeer().
    pub fn peer(&self) -> (Vec<u8>, u16) {
        self.peer.clone()
    }

    /// True while the connection is open.
    pub fn is_open(&self) -> bool {
        !self.st.borrow().closed
    }

    /// setCloseCallback() on the object `obj` of getConnection().
    pub fn set_close_callback(&self, cb: UserCallable, arg: zval, obj: zval) {
        let old = self.close_cb.borrow_mut().replace((cb, arg, obj));
        drop(old);
    }

    /// Reads and handles requests until one is handed to PHP, more input
    /// is needed, or the connection closes. True when a callback threw.
    fn process(self: &Rc<Self>) -> bool {
        let Some(srv) = self.server() else {
            self.close();
            return false;
        };
        loop {
            let ev = {
                let mut st = self.st.borrow_mut();
                if st.closed || st.current.is_some() {
                    return false;
                }
                let sst = srv.st.borrow();
                st.parser.poll(&sst.config)
            };
            match ev {
                ServerEvent::NeedMore => {
                    self.with_bev(|b| b.enable(EV_READ));
                    return false;
                }
                ServerEvent::SendContinue => self.write(CONTINUE_RESPONSE),
                ServerEvent::Request(req) => return self.dispatch(&srv, *req),
                ServerEvent::Error { code, mut request } => {
                    let reply = {
                        let sst = srv.st.borrow();
                        request.error_reply(code, None, &sst.config, now())
                    };
                    if let Ok(r) = reply {
                        self.write(&r.bytes);
                    }
                    self.with_bev(|b| b.disable(EV_READ));
                    let cell = new_req_cell(ReqData { core: *request, ..ReqData::default() });
                    let mut st = self.st.borrow_mut();
                    st.current = Some(cell);
                    st.reply_done = Some(true);
                    drop(st);
                    self.with_bev(HookedBev::schedule_write_cb);
                    return false;
                }
                ServerEvent::Close => {
                    self.close();
                    return false;
                }
            }
        }
    }

    /// evhttp_handle_request: 501, a callback, the default callback or the
    /// 404 page.
    fn dispatch(self: &Rc<Self>, srv: &Rc<Server>, mut req: ipc_core::http_request::Request) -> bool {
        self.with_bev(|b| b.disable(EV_READ));
        let input = Rc::new(BufCell::default());
        input.get_mut().add(&std::mem::take(&mut req.body));
        let (choice, cb) = {
            let sst = srv.st.borrow();
            let choice = sst.config.dispatch(&req);
            let cb = match choice {
                Dispatch::Callback(i) => sst.callbacks.get(i).cloned(),
                Dispatch::NoCallback => sst.default_cb.clone(),
                Dispatch::NotImplemented => None,
            };
            (choice, cb)
        };
        let cell = new_req_cell(ReqData { core: req, input, output: Rc::default() });
        self.st.borrow_mut().current = Some(cell.clone());
        let sreq = ServerReq { cell, conn: Rc::downgrade(self) };
        match (choice, cb) {
            (Dispatch::NotImplemented, _) => {
                let _ = sreq.answer(|r, cfg| r.error_reply(501, None, cfg, now()));
                false
            }
            (_, Some(cb)) => call_request_cb(&cb, sreq),
            (_, None) => {
                let _ = sreq.answer(|r, cfg| r.not_found_reply(cfg, now()));
                false
            }
        }
    }

    /// The reply to the current request is complete (written to the
    /// output): it is done with once the output is flushed.
    fn reply_finished(&self, close: bool) {
        self.st.borrow_mut().reply_done = Some(close);
        if close {
            self.with_bev(|b| b.disable(EV_READ));
        }
        self.with_bev(HookedBev::schedule_write_cb);
    }

    /// The output is flushed: a finished request goes, then the next one.
    fn flushed(self: &Rc<Self>) -> bool {
        let (done, current) = {
            let mut st = self.st.borrow_mut();
            match st.reply_done.take() {
                Some(close) => (Some(close), st.current.take()),
                None => (None, None),
            }
        };
        let Some(close) = done else { return false };
        if let Some(c) = current {
            let old = c.borrow_mut().take();
            drop(old);
        }
        if close {
            self.close();
            return false;
        }
        self.st.borrow_mut().parser.next_request();
        self.process()
    }
}

/// Calls a request callback: ($req, $arg). True when it threw.
fn call_request_cb(cb: &Callback, sreq: ServerReq) -> bool {
    let mut reqz = zv::undef();
    class::instantiate::<EventHttpRequest>(&mut reqz).state = ReqState::Server(sreq);
    let mut arg = zv::undef();
    match &cb.arg {
        Some(a) => arg = copy(a),
        None => zv::set_null(&mut arg),
    }
    let mut args = [reqz, arg];
    cb.callable.call(&mut args);
    let [a0, a1] = args;
    release(a0);
    release(a1);
    has_exception()
}

impl BevHandler for Conn {
    fn on_read(&self) -> bool {
        let Some(me) = self.rc() else { return false };
        let Some(input) = self.with_bev(HookedBev::input) else { return false };
        let n = input.len();
        let data = input.edit(|b| b.remove(n)).unwrap_or_default();
        self.st.borrow_mut().parser.feed(&data);
        me.process()
    }
    fn on_write(&self) -> bool {
        let Some(me) = self.rc() else { return false };
        me.flushed()
    }
    fn on_event(&self, what: u16) -> bool {
        let Some(me) = self.rc() else { return false };
        if what == BEV_CONNECTED {
            // The TLS handshake is done: requests follow.
            return false;
        }
        if what & BEV_EOF != 0 && what & BEV_READING != 0 {
            // End of input while reading: a request already complete is
            // still answered; otherwise the connection closes.
            self.st.borrow_mut().parser.feed_eof();
            return me.process();
        }
        // Errors, timeouts, EOF while writing: closed without a reply.
        self.close();
        false
    }
}

impl Conn {
    fn rc(&self) -> Option<Rc<Conn>> {
        self.me.upgrade()
    }
}

// ---------------------------------------------------------------- ServerReq

/// The server side of a request object: the request read from a
/// connection, answered through it.
pub(crate) struct ServerReq {
    pub cell: ReqCell,
    conn: Weak<Conn>,
}

fn reply_error(e: ReplyError) -> Thrown {
    match e {
        ReplyError::AlreadyReplied => error::error("EventHttpRequest: the request has already been answered"),
        ReplyError::NotStarted => error::error("EventHttpRequest: sendReplyStart() has not been called"),
    }
}

/// The bytes of a reply body argument.
fn body_of(b: Option<Rc<BufCell>>) -> Vec<u8> {
    match b {
        // evbuffer_add_buffer: the EventBuffer is drained into the reply.
        Some(c) => {
            let n = c.len();
            c.edit(|b| b.remove(n)).unwrap_or_default()
        }
        None => Vec::new(),
    }
}

impl ServerReq {
    /// The live connection of a live request; Error once either is gone.
    fn conn(&self) -> PhpResult<Rc<Conn>> {
        if self.cell.borrow().is_none() {
            return Err(request_gone());
        }
        let c = self.conn.upgrade().filter(|c| !c.st.borrow().closed);
        c.ok_or_else(request_gone)
    }

    /// Runs a reply of ipc-core on the request and writes its bytes.
    fn answer(
        &self,
        f: impl FnOnce(&mut Request, &ipc_core::http_request::ServerConfig) -> Result<Reply, ReplyError>,
    ) -> PhpResult {
        let conn = self.conn()?;
        let srv = conn.server().ok_or_else(request_gone)?;
        let reply = {
            let mut d = RefCell::borrow_mut(&self.cell);
            let d = d.as_mut().ok_or_else(request_gone)?;
            let sst = srv.st.borrow();
            f(&mut d.core, &sst.config).map_err(reply_error)?
        };
        conn.write(&reply.bytes);
        conn.reply_finished(reply.close);
        Ok(())
    }

    /// free(): PECL leaves a server request to evhttp (nothing happens).
    pub fn free(&self) {}

    pub fn buffer_event(&self, rv: &mut zval) -> PhpResult {
        let conn = self.conn()?;
        conn.with_bev(|b| b.new_object(rv)).ok_or_else(request_gone)
    }

    /// getConnection(): an EventHttpConnection object for the request's
    /// connection, as PECL returns one.
    pub fn connection(&self, rv: &mut zval) -> PhpResult {
        let conn = self.conn()?;
        super::connection::new_server_side_object(rv, Rc::downgrade(&conn));
        Ok(())
    }

    /// closeConnection(): the connection closes now; the request is gone.
    pub fn close_connection(&self) -> PhpResult {
        self.conn()?.close();
        Ok(())
    }

    /// cancel() of a server request: evhttp fails the connection, which
    /// answers 400 and closes; the request is gone.
    pub fn cancel(&self) -> PhpResult {
        let conn = self.conn()?;
        let srv = conn.server().ok_or_else(request_gone)?;
        let reply = {
            let mut d = RefCell::borrow_mut(&self.cell);
            let d = d.as_mut().ok_or_else(request_gone)?;
            let sst = srv.st.borrow();
            // Nothing more to send once a reply was started.
            d.core.error_reply(400, None, &sst.config, now())
        };
        if let Ok(r) = reply {
            conn.write(&r.bytes);
        }
        // The request object loses its request now (libevent frees it).
        let old = RefCell::borrow_mut(&self.cell).take();
        drop(old);
        conn.reply_finished(true);
        Ok(())
    }

    pub fn send_error(&self, code: i32, reason: Option<&[u8]>) -> PhpResult {
        self.answer(|r, cfg| r.error_reply(code, reason, cfg, now()))
    }

    pub fn send_reply(&self, code: i32, reason: &[u8], body: Option<Rc<BufCell>>) -> PhpResult {
        self.conn()?;
        let body = body_of(body);
        self.answer(|r, cfg| r.reply(code, Some(reason), &body, cfg, now()))
    }

    pub fn send_reply_start(&self, code: i32, reason: &[u8]) -> PhpResult {
        let conn = self.conn()?;
        let srv = conn.server().ok_or_else(request_gone)?;
        let bytes = {
            let mut d = RefCell::borrow_mut(&self.cell);
            let d = d.as_mut().ok_or_else(request_gone)?;
            let sst = srv.st.borrow();
            d.core.reply_start(code, Some(reason), &sst.config, now()).map_err(reply_error)?
        };
        conn.write(&bytes);
        Ok(())
    }

    pub fn send_reply_chunk(&self, body: &Rc<BufCell>) -> PhpResult {
        let conn = self.conn()?;
        let bytes = {
            let d = RefCell::borrow(&self.cell);
            let d = d.as_ref().ok_or_else(request_gone)?;
            // Checked before the buffer is drained.
            d.core.reply_chunk(b"").map_err(reply_error)?;
            let data = body_of(Some(body.clone()));
            d.core.reply_chunk(&data).map_err(reply_error)?
        };
        conn.write(&bytes);
        Ok(())
    }

    pub fn send_reply_end(&self) -> PhpResult {
        self.answer(|r, _| r.reply_end())
    }
}
