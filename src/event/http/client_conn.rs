//! The connection behind EventHttpConnection (libevent's evhttp_connection
//! for outgoing requests): connect on the first request, a queue of
//! requests sent one at a time over one bufferevent, keep-alive reuse,
//! `Connection: close`, retries of a failed connect, timeouts and the close
//! callback. Requests are serialised and responses read by ipc-core's
//! `http_client` (docs/event-http-core.md).
//!
//! Failures reach the request callback as the oracle shows:
//! - a connect that fails (refused, timed out, or not even started) calls
//!   every queued request's callback with its request object (response
//!   code 0), after setRetries() retries;
//! - a failure once connected (timeout, EOF, reset, a bad response, a
//!   failed name lookup) calls the first request's callback with NULL, and
//!   the next queued request goes out over a new connection.
//!
//! The close callback runs when a connected connection closes (before the
//! request callback of the response that closed it).
//!
//! PHP code runs only with no `RefCell` borrow held: every callback may
//! make requests, free objects or close the connection.

use super::*;
use crate::event::bufferevent::hook::{BevHandler, HookedBev};
use crate::event::dns::{DnsCore, LookupHandle, Resolve};
use crate::sys::socket::{self as sk, SockAddr};
use ipc_core::evloop::{Ns, EV_READ, EV_WRITE};
use ipc_core::http_client::{serialize_request, ClientEvent, ResponseParser};
use std::collections::VecDeque;
use std::rc::Weak;

/// libevent's HTTP_CONNECT_TIMEOUT and HTTP_READ/WRITE_TIMEOUT, in seconds.
const CONNECT_TIMEOUT: i64 = 45;
const IO_TIMEOUT: i64 = 50;
/// evhttp's initial retry delay (doubled after each retry, at most an hour).
const RETRY_DELAY: i64 = 2;
const SEC: Ns = 1_000_000_000;

// The bufferevent event bits (EventBufferEvent's constants).
const BEV_EOF: u16 = 16;
const BEV_ERROR: u16 = 32;
const BEV_TIMEOUT: u16 = 64;
const BEV_CONNECTED: u16 = 128;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    Disconnected,
    /// Name lookup or connect(2) in progress.
    Connecting,
    /// Connected, no request in flight (reads only to notice a close).
    Idle,
    /// The first request's bytes are being written.
    Writing,
    /// The response to the first request is being read.
    Reading,
}

/// A request on the queue: the object (held until its callback) and its data.
struct Queued {
    obj: zval,
    cell: ReqCell,
}

struct State {
    sh: Rc<RefCell<Shared>>,
    dns: Option<Rc<DnsCore>>,
    /// The EventSslContext object (HTTPS), kept for each new connection.
    ssl_ctx: Option<zval>,
    host: Vec<u8>,
    port: u16,
    local_address: Option<Vec<u8>>,
    local_port: u16,
    timeout: Option<Ns>,
    retries: i64,
    retry_count: u32,
    max_headers_size: u64,
    max_body_size: u64,
    phase: Phase,
    bev: Option<HookedBev>,
    lookup: Option<LookupHandle>,
    queue: VecDeque<Queued>,
    parser: Option<ResponseParser>,
    close_cb: Option<UserCallable>,
    close_arg: Option<zval>,
    /// The retry timer (created on first use) and its handler key.
    retry_timer: Option<(evloop::EvId, usize)>,
    freed: bool,
}

pub(crate) struct ConnCore {
    me: Weak<ConnCore>,
    /// The EventHttpConnection object (passed to the close callback); null
    /// once it is destroyed (the connection is then freed).
    obj: std::cell::Cell<*mut zend_object>,
    /// The EventBase object (getBase()).
    base: zval,
    st: RefCell<State>,
}

/// What a connect attempt came to.
enum Started {
    /// Connecting (or already failed through a callback that ran).
    Ok,
    /// evhttp_connection_connect_ failed before connecting (bind failed):
    /// makeRequest() returns false.
    Refused,
}

fn null() -> zval {
    let mut z = zv::undef();
    zv::set_null(&mut z);
    z
}

fn secs(s: i64) -> Option<Ns> {
    (s > 0).then(|| s.saturating_mul(SEC))
}

impl ConnCore {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        obj: *mut zend_object,
        base: zval,
        sh: Rc<RefCell<Shared>>,
        dns: Option<Rc<DnsCore>>,
        ssl_ctx: Option<zval>,
        host: Vec<u8>,
        port: u16,
    ) -> Rc<ConnCore> {
        Rc::new_cyclic(|me| ConnCore {
            me: me.clone(),
            obj: std::cell::Cell::new(obj),
            base,
            st: RefCell::new(State {
                sh,
                dns,
                ssl_ctx,
                host,
                port,
                local_address: None,
                local_port: 0,
                timeout: None,
                retries: 0,
                retry_count: 0,
                max_headers_size: u64::MAX,
                max_body_size: u64::MAX,
                phase: Phase::Disconnected,
                bev: None,
                lookup: None,
                queue: VecDeque::new(),
                parser: None,
                close_cb: None,
                close_arg: None,
                retry_timer: None,
                freed: false,
            }),
        })
    }

    pub fn base(&self) -> &zval {
        &self.base
    }
    pub fn base_freed(&self) -> bool {
        self.st.borrow().sh.borrow().freed
    }
    pub fn is_freed(&self) -> bool {
        self.st.borrow().freed
    }
    pub fn peer(&self) -> (Vec<u8>, u16) {
        let st = self.st.borrow();
        (st.host.clone(), st.port)
    }

    pub fn gc_zvals(&self, buf: &mut class::GcBuffer) {
        buf.add(&self.base);
        if let Ok(st) = self.st.try_borrow() {
            if let Some(c) = &st.close_cb {
                buf.add(c.zval());
            }
            for z in st.close_arg.iter().chain(st.ssl_ctx.iter()) {
                buf.add(z);
            }
            for q in &st.queue {
                buf.add(&q.obj);
            }
        }
    }

    // ---- setters ----

    /// setTimeout(): seconds for the connect, reads and writes; 0 or less
    /// restores libevent's defaults (45 s to connect, 50 s to read/write).
    pub fn set_timeout(&self, s: i64) {
        let t = secs(s);
        let mut st = self.st.borrow_mut();
        st.timeout = t;
        if let Some(b) = &st.bev {
            let t = t.or(secs(IO_TIMEOUT));
            b.set_timeouts(t, t);
        }
    }
    pub fn set_retries(&self, n: i64) {
        self.st.borrow_mut().retries = n;
    }
    /// Negative: no limit (as evhttp).
    pub fn set_max_body_size(&self, n: i64) {
        self.st.borrow_mut().max_body_size = u64::try_from(n).unwrap_or(u64::MAX);
    }
    pub fn set_max_headers_size(&self, n: i64) {
        self.st.borrow_mut().max_headers_size = u64::try_from(n).unwrap_or(u64::MAX);
    }
    pub fn set_local_address(&self, a: &[u8]) {
        self.st.borrow_mut().local_address = Some(a.to_vec());
    }
    pub fn set_local_port(&self, p: i64) {
        self.st.borrow_mut().local_port = p as u16;
    }
    pub fn set_close_callback(&self, cb: UserCallable, arg: Option<zval>) {
        let (old_cb, old_arg) = {
            let mut st = self.st.borrow_mut();
            (st.close_cb.replace(cb), std::mem::replace(&mut st.close_arg, arg))
        };
        drop((old_cb, old_arg));
    }

    /// getBufferEvent() of a queued request: false without a bufferevent.
    pub fn new_bev_object(&self, rv: &mut zval) -> bool {
        let st = self.st.borrow();
        match &st.bev {
            Some(b) => {
                b.new_object(rv);
                true
            }
            None => false,
        }
    }

    // ---- requests ----

    /// makeRequest(): queues the request, connects or sends it. Ok(false)
    /// when the connection could not be started (the request is not kept).
    pub fn make_request(&self, obj: zval, cell: ReqCell) -> bool {
        let (phase, first) = {
            let mut st = self.st.borrow_mut();
            st.queue.push_back(Queued { obj, cell });
            (st.phase, st.queue.len() == 1)
        };
        match phase {
            Phase::Disconnected => {
                if let Started::Refused = self.connect() {
                    let q = self.st.borrow_mut().queue.pop_back();
                    if let Some(q) = q {
                        unlink(&q.obj);
                        release(q.obj);
                    }
                    return false;
                }
            }
            Phase::Idle if first => self.dispatch(),
            _ => {}
        }
        true
    }

    /// A request's cancel(): in flight, the connection is reset (the next
    /// request reconnects); queued, it just leaves the queue.
    pub fn cancel(&self, cell: &ReqCell) {
        let (pos, phase) = {
            let st = self.st.borrow();
            (st.queue.iter().position(|q| Rc::ptr_eq(&q.cell, cell)), st.phase)
        };
        let Some(pos) = pos else { return };
        let q = self.st.borrow_mut().queue.remove(pos);
        if let Some(q) = q {
            unlink(&q.obj);
            release(q.obj);
        }
        if pos == 0 && matches!(phase, Phase::Writing | Phase::Reading | Phase::Connecting) {
            self.reset();
            if !self.st.borrow().queue.is_empty() {
                self.connect();
            }
        }
    }

    /// A request's closeConnection(): the connection closes (close
    /// callback) and its requests are dropped without callbacks.
    pub fn close_dropping_requests(&self) {
        let queue = std::mem::take(&mut self.st.borrow_mut().queue);
        self.reset();
        for q in queue {
            unlink(&q.obj);
            release(q.obj);
        }
    }

    /// The connection object is being destructed: a connected connection
    /// closes with its close callback (the object is still alive here).
    pub fn close_at_destruct(&self) {
        if !self.is_freed() {
            self.reset();
        }
    }

    /// The connection object's end (evhttp_connection_free): the socket
    /// closes (close callback if connected, as libevent), the queued
    /// requests are dropped without callbacks.
    pub fn free(&self) {
        if std::mem::replace(&mut self.st.borrow_mut().freed, true) {
            return;
        }
        let queue = std::mem::take(&mut self.st.borrow_mut().queue);
        // The close callback ran at the destructor (close_at_destruct);
        // the object is gone now.
        self.obj.set(std::ptr::null_mut());
        self.reset();
        let (timer, cb, arg) = {
            let mut st = self.st.borrow_mut();
            (st.retry_timer.take(), st.close_cb.take(), st.close_arg.take())
        };
        if let Some((id, key)) = timer {
            let sh = self.st.borrow().sh.clone();
            if let Ok(mut s) = sh.try_borrow_mut() {
                s.core.remove(id);
                s.unregister_internal(key);
            };
        }
        drop((cb, arg));
        for q in queue {
            unlink(&q.obj);
            release(q.obj);
        }
    }

    // ---- connecting ----

    /// evhttp_connection_connect_.
    fn connect(&self) -> Started {
        if self.st.borrow().phase == Phase::Connecting {
            return Started::Ok;
        }
        self.reset();
        let (sh, local, local_port, port) = {
            let st = self.st.borrow();
            (st.sh.clone(), st.local_address.clone(), st.local_port, st.port)
        };
        if sh.borrow().freed {
            return Started::Refused;
        }
        // A local address or port: the socket is made and bound first.
        let mut bound = -1;
        if local.is_some() || local_port != 0 {
            match bind_socket(local.as_deref(), local_port) {
                Some(fd) => bound = fd,
                None => return Started::Refused,
            }
        }
        self.st.borrow_mut().phase = Phase::Connecting;
        if port == 0 {
            // bufferevent_socket_connect_hostname refuses port 0.
            self.st.borrow_mut().phase = Phase::Disconnected;
            if bound >= 0 {
                sk::close(bound);
            }
            let host = String::from_utf8_lossy(&self.st.borrow().host).into_owned();
            warning(&format!("evhttp_connection_connect_: connection to \"{host}\" failed: Success"));
            self.connect_failed();
            return Started::Ok;
        }
        self.resolve(bound);
        Started::Ok
    }

    /// The name lookup: evdns when a DNS base was given (the callback runs
    /// from the loop), else a blocking getaddrinfo, as libevent.
    fn resolve(&self, bound: i32) {
        let (dns, host, port) = {
            let st = self.st.borrow();
            // The host is a C string to libevent: it ends at a NUL.
            let host = st.host.split(|&b| b == 0).next().unwrap_or_default().to_vec();
            (st.dns.clone(), host, st.port)
        };
        if let Some(dns) = dns {
            let weak = self.me.clone();
            let done = move |res: ipc_core::dns_resolver::LookupResult| {
                let Some(me) = weak.upgrade() else { return };
                me.st.borrow_mut().lookup = None;
                let first = res.ok().and_then(|l| l.first().copied());
                me.resolved(first.map(|ip| sockaddr_of(ip, port)), bound);
            };
            match dns.resolve(&host, libc::AF_UNSPEC as i64, Box::new(done)) {
                Resolve::Done(res) => {
                    let first = res.ok().and_then(|l| l.first().copied());
                    self.resolved(first.map(|ip| sockaddr_of(ip, port)), bound);
                }
                Resolve::Pending(h) => self.st.borrow_mut().lookup = Some(h),
            }
            return;
        }
        let service = port.to_string();
        let hints = (0, libc::SOCK_STREAM, libc::IPPROTO_TCP, libc::AF_UNSPEC);
        let addr = sk::getaddrinfo(&host, Some(service.as_bytes()), hints)
            .ok()
            .and_then(|l| l.into_iter().next())
            .map(|a| a.addr);
        self.resolved(addr, bound);
    }

    /// The end of the lookup: connect(2), or the failure a request sees as
    /// NULL.
    fn resolved(&self, addr: Option<SockAddr>, bound: i32) {
        let Some(addr) = addr else {
            if bound >= 0 {
                sk::close(bound);
            }
            self.fail();
            return;
        };
        let fd = if bound >= 0 {
            bound
        } else {
            match sk::socket(addr.family(), libc::SOCK_STREAM | libc::SOCK_NONBLOCK, 0) {
                Ok(fd) => fd,
                Err(_) => {
                    self.connect_failed();
                    return;
                }
            }
        };
        let r = match sk::connect(fd, &addr) {
            Ok(()) => 1,
            Err(e) if e == libc::EINPROGRESS || e == libc::EINTR => 0,
            Err(libc::ECONNREFUSED) => 2,
            // Any other error (EACCES for a broadcast address, ENETUNREACH):
            // evhttp sees an error that is not ECONNREFUSED, so the first
            // request gets NULL at once, without retries.
            Err(_) => {
                sk::close(fd);
                self.fail();
                return;
            }
        };
        let (sh, timeout) = {
            let st = self.st.borrow();
            (st.sh.clone(), st.timeout.or(secs(CONNECT_TIMEOUT)))
        };
        let ssl = match self.new_ssl() {
            Ok(s) => s,
            Err(()) => {
                sk::close(fd);
                self.connect_failed();
                return;
            }
        };
        let handler: Weak<dyn BevHandler> = self.me.clone();
        match HookedBev::connecting(&sh, fd, r, ssl, timeout, handler) {
            Some(b) => self.st.borrow_mut().bev = Some(b),
            None => {
                sk::close(fd);
                self.connect_failed();
            }
        }
    }

    /// A client SSL handle from the context, for HTTPS.
    fn new_ssl(&self) -> Result<Option<openssl::ssl::Ssl>, ()> {
        let st = self.st.borrow();
        let Some(z) = &st.ssl_ctx else { return Ok(None) };
        let ctx = zv::object(z).and_then(|o| crate::event::ssl::tls_context(o).ok()).ok_or(())?;
        ctx.new_ssl(crate::event::ssl::Role::Client).map(Some).map_err(|_| ())
    }

    /// evhttp_connection_cb_cleanup: the connect failed. Retry later while
    /// retries are left, else every queued request's callback gets its
    /// request (response code 0).
    fn connect_failed(&self) -> bool {
        self.reset();
        let retry = {
            let st = self.st.borrow();
            (st.retries < 0 || i64::from(st.retry_count) < st.retries).then_some(st.retry_count)
        };
        if let Some(n) = retry {
            self.schedule_retry(n);
            self.st.borrow_mut().retry_count += 1;
            return false;
        }
        self.st.borrow_mut().retry_count = 0;
        let queue = std::mem::take(&mut self.st.borrow_mut().queue);
        let mut threw = false;
        for q in queue {
            if !threw {
                threw = call_request_cb(q.obj, true);
            } else {
                unlink(&q.obj);
                release(q.obj);
            }
        }
        threw
    }

    fn schedule_retry(&self, n: u32) {
        let delay = (RETRY_DELAY * SEC).saturating_mul(1 << n.min(12)).min(3600 * SEC);
        let sh = self.st.borrow().sh.clone();
        let mut s = sh.borrow_mut();
        if s.freed {
            return;
        }
        let timer = self.st.borrow().retry_timer;
        let id = match timer {
            Some((id, _)) => id,
            None => {
                let weak: Weak<dyn base::Internal> = self.me.clone();
                let key = s.register_internal(weak);
                let id = s.core.create(-1, 0, key, Kind::Internal);
                self.st.borrow_mut().retry_timer = Some((id, key));
                id
            }
        };
        let now = s.gettime();
        s.core.add(id, Some(delay), now);
    }

    // ---- sending and receiving ----

    /// evhttp_request_dispatch: writes the first request.
    fn dispatch(&self) {
        let mut st = self.st.borrow_mut();
        let Some(q) = st.queue.front() else { return };
        let Some(bev) = &st.bev else { return };
        let Some(bytes_and_parser) = ({
            let mut d = q.cell.borrow_mut();
            d.as_mut().map(|d| {
                let n = d.output.len();
                let body = d.output.edit(|b| b.remove(n)).unwrap_or_default();
                let method = d.core.method;
                let uri = d.core.uri.clone().unwrap_or_default();
                let bytes = serialize_request(method, &uri, 1, 1, &mut d.core.output_headers, &body);
                (bytes, method, d.core.output_headers.clone())
            })
        }) else {
            return;
        };
        let (bytes, method, headers) = bytes_and_parser;
        let parser = ResponseParser::new(method, &headers, st.max_headers_size, st.max_body_size);
        let output = bev.output();
        bev.disable(EV_READ);
        bev.enable(EV_WRITE);
        st.parser = Some(parser);
        st.phase = Phase::Writing;
        drop(st);
        output.edit(|b| b.add(&bytes));
    }

    /// The bytes read go to the response parser.
    fn read_response(&self, eof: bool) -> bool {
        let event = {
            let mut st = self.st.borrow_mut();
            if st.phase != Phase::Reading {
                return false;
            }
            let input = st.bev.as_ref().map(|b| b.input());
            let Some(parser) = st.parser.as_mut() else { return false };
            if let Some(input) = input {
                let n = input.len();
                if n > 0 {
                    let bytes = input.get_mut().remove(n).unwrap_or_default();
                    input.notify(0, n);
                    parser.feed(&bytes);
                }
            }
            if eof {
                parser.feed_eof();
            }
            parser.poll()
        };
        match event {
            ClientEvent::NeedMore => false,
            ClientEvent::Failed(_) => self.fail(),
            ClientEvent::Response { response, keep_alive } => self.done(*response, keep_alive, eof),
        }
    }

    /// evhttp_connection_done: the response goes into the request, the
    /// connection is kept or closed, the next request goes out, then the
    /// request's callback runs.
    fn done(&self, r: ipc_core::http_client::Response, keep_alive: bool, eof: bool) -> bool {
        let Some(q) = self.st.borrow_mut().queue.pop_front() else { return false };
        if let Some(d) = q.cell.borrow_mut().as_mut() {
            d.core.response_code = r.code;
            d.core.response_reason = r.reason;
            d.core.major = r.major;
            d.core.minor = r.minor;
            d.core.input_headers = r.headers;
            d.input.edit(|b| b.add(&r.body));
        }
        // A body that ran until the close: libevent notices the close only
        // after the callback; without the request's or the response's
        // `Connection: close` the connection is kept until then.
        let close_now = !keep_alive && !eof;
        self.st.borrow_mut().phase = Phase::Idle;
        let mut threw = false;
        if close_now {
            threw |= self.reset();
        }
        if eof && !close_now {
            // libevent sends the next request over the connection that
            // has already ended: it fails (NULL) once the callback ran.
            threw |= call_request_cb(q.obj, true);
            if self.st.borrow().queue.is_empty() {
                threw |= self.reset();
            } else {
                threw |= self.fail();
            }
            return threw;
        }
        threw |= self.next_or_detect_close(close_now);
        threw |= call_request_cb(q.obj, true);
        threw
    }

    /// After a response: the next request (over a new connection if this
    /// one closed), or watching the idle connection for a close.
    fn next_or_detect_close(&self, closed: bool) -> bool {
        let (more, phase) = {
            let st = self.st.borrow();
            (!st.queue.is_empty(), st.phase)
        };
        if more {
            if phase == Phase::Disconnected {
                self.connect();
            } else {
                self.dispatch();
            }
        } else if !closed {
            if let Some(b) = &self.st.borrow().bev {
                b.enable(EV_READ);
            }
        }
        false
    }

    /// evhttp_connection_fail_: the first request's callback gets NULL;
    /// the next one goes out over a new connection.
    fn fail(&self) -> bool {
        let q = self.st.borrow_mut().queue.pop_front();
        let mut threw = self.reset();
        if !self.st.borrow().queue.is_empty() {
            self.connect();
        }
        if let Some(q) = q {
            threw |= call_request_cb(q.obj, false);
        }
        threw
    }

    /// evhttp_connection_reset_: the close callback (when connected), then
    /// the bufferevent goes. True if the close callback threw.
    fn reset(&self) -> bool {
        let (bev, connected, lookup) = {
            let mut st = self.st.borrow_mut();
            let connected = matches!(st.phase, Phase::Idle | Phase::Writing | Phase::Reading);
            st.phase = Phase::Disconnected;
            st.parser = None;
            (st.bev.take(), connected, st.lookup.take())
        };
        drop(lookup);
        let Some(bev) = bev else { return false };
        bev.disable(EV_READ | EV_WRITE);
        let mut threw = false;
        if connected {
            threw = self.call_close_cb();
        }
        // evhttp shuts the socket down and closes it at once: the peer
        // sees the end before anything the next connection does.
        let fd = bev.fd();
        if fd >= 0 {
            let _ = sk::shutdown(fd, libc::SHUT_WR);
        }
        bev.free();
        threw
    }

    fn call_close_cb(&self) -> bool {
        let obj = self.obj.get();
        if obj.is_null() {
            return false;
        }
        let (cb, arg) = {
            let st = self.st.borrow();
            (st.close_cb.as_ref().map(|c| UserCallable::new(c.zval())), st.close_arg.as_ref().map(copy))
        };
        let Some(cb) = cb else { return false };
        // SAFETY: the object is alive while `obj` is set (cleared at its end).
        let mut args = [unsafe { zv::object_ref(obj) }, arg.unwrap_or_else(null)];
        cb.call(&mut args);
        let [a0, a1] = args;
        release(a0);
        release(a1);
        has_exception()
    }
}

/// The request object's link to its connection ends (libevent clears
/// `req->evcon` before the callback).
fn unlink(obj: &zval) {
    if let Some(o) = zv::object(obj) {
        if let Some(r) = class::native_of::<EventHttpRequest>(o) {
            if let ReqState::Client(c) = &mut r.state {
                c.conn = None;
            }
        }
    }
}

/// Calls the callback of the request `obj` with the request (or NULL) and
/// its argument; the connection's reference to the object goes after.
fn call_request_cb(obj: zval, with_request: bool) -> bool {
    unlink(&obj);
    let (cb, arg) = match zv::object(&obj).and_then(class::native_of::<EventHttpRequest>) {
        Some(EventHttpRequest { state: ReqState::Client(c), .. }) => {
            (c.cb.as_ref().map(|c| UserCallable::new(c.zval())), c.arg.as_ref().map(copy))
        }
        _ => (None, None),
    };
    let mut threw = false;
    if let Some(cb) = cb {
        let first = if with_request { copy(&obj) } else { null() };
        let mut args = [first, arg.unwrap_or_else(null)];
        cb.call(&mut args);
        let [a0, a1] = args;
        release(a0);
        release(a1);
        threw = has_exception();
    } else if let Some(a) = arg {
        release(a);
    }
    release(obj);
    threw
}

fn sockaddr_of(ip: std::net::IpAddr, port: u16) -> SockAddr {
    match ip {
        std::net::IpAddr::V4(v) => SockAddr::inet(v.octets(), port),
        std::net::IpAddr::V6(v) => SockAddr::inet6(v.octets(), port, 0),
    }
}

/// evhttp's bind_socket: a non-blocking stream socket bound to the local
/// address (numeric or a name, AI_PASSIVE) and port. None on failure.
fn bind_socket(address: Option<&[u8]>, port: u16) -> Option<i32> {
    let service = port.to_string();
    let hints = (libc::AI_PASSIVE | libc::AI_ADDRCONFIG, libc::SOCK_STREAM, 0, libc::AF_UNSPEC);
    let list = sk::getaddrinfo(address.unwrap_or(b""), Some(service.as_bytes()), hints).ok()?;
    let ai = list.into_iter().next()?;
    let fd = sk::socket(ai.family, libc::SOCK_STREAM | libc::SOCK_NONBLOCK, 0).ok()?;
    if sk::bind(fd, &ai.addr).is_err() {
        sk::close(fd);
        return None;
    }
    Some(fd)
}

impl BevHandler for ConnCore {
    fn on_read(&self) -> bool {
        let phase = self.st.borrow().phase;
        match phase {
            Phase::Reading => self.read_response(false),
            // Data on an idle connection: evhttp closes it.
            Phase::Idle => self.reset(),
            _ => false,
        }
    }

    fn on_write(&self) -> bool {
        let (phase, drained) = {
            let st = self.st.borrow();
            (st.phase, st.bev.as_ref().is_none_or(|b| b.output().len() == 0))
        };
        if phase != Phase::Writing || !drained {
            return false;
        }
        self.st.borrow_mut().phase = Phase::Reading;
        if let Some(b) = &self.st.borrow().bev {
            b.enable(EV_READ);
        }
        self.read_response(false)
    }

    fn on_event(&self, what: u16) -> bool {
        let phase = self.st.borrow().phase;
        match phase {
            Phase::Connecting => {
                if what & BEV_CONNECTED != 0 {
                    let timeout = {
                        let mut st = self.st.borrow_mut();
                        st.phase = Phase::Idle;
                        st.retry_count = 0;
                        st.timeout.or(secs(IO_TIMEOUT))
                    };
                    if let Some(b) = &self.st.borrow().bev {
                        b.set_timeouts(timeout, timeout);
                    }
                    self.dispatch();
                    false
                } else {
                    self.connect_failed()
                }
            }
            // The other side closed (or timed out) an idle connection.
            Phase::Idle => self.reset(),
            Phase::Reading if what & BEV_EOF != 0 => self.read_response(true),
            Phase::Writing | Phase::Reading if what & (BEV_EOF | BEV_ERROR | BEV_TIMEOUT) != 0 => self.fail(),
            _ => false,
        }
    }
}

impl base::Internal for ConnCore {
    /// The retry timer.
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, _b: &evloop::Begin) -> bool {
        let (freed, empty) = {
            let st = self.st.borrow();
            (st.freed, st.queue.is_empty())
        };
        if freed || empty {
            return false;
        }
        self.connect();
        has_exception()
    }
}

impl Drop for ConnCore {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        if let Some((id, key)) = st.retry_timer.take() {
            if let Ok(mut s) = st.sh.try_borrow_mut() {
                s.core.remove(id);
                s.unregister_internal(key);
            }
        }
        for q in st.queue.drain(..) {
            release(q.obj);
        }
        if let Some(z) = st.close_arg.take() {
            release(z);
        }
        if let Some(z) = st.ssl_ctx.take() {
            release(z);
        }
        release(std::mem::replace(&mut self.base, zv::undef()));
    }
}
