//! EventHttp: the server object (evhttp): listening sockets, the callbacks
//! per path, limits, aliases, the timeout. Connections are in `conn.rs`.

use super::conn::Conn;
use super::*;
use crate::event::base::Internal;
use crate::sys::socket as sk;
use ipc_core::evloop::Ns;
use ipc_core::http_request::ServerConfig;
use std::rc::Weak;

/// evhttp's default connection timeout (HTTP_READ_TIMEOUT/HTTP_WRITE_TIMEOUT).
const DEFAULT_TIMEOUT: Ns = 50_000_000_000;

#[derive(Default)]
pub struct EventHttp {
    srv: Option<Rc<Server>>,
    no_props: class::EmptyProps,
}

impl class::ShowsNoProperties for EventHttp {
    fn empty_props(&mut self) -> &mut class::EmptyProps {
        &mut self.no_props
    }
}

impl NativeClass for EventHttp {
    const NAME: &'static std::ffi::CStr = c"EventHttp";
    // The callbacks and their arguments go with the destructor (as
    // Event's), so cycles through them end at request shutdown.
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        if let Some(s) = &self.srv {
            s.release_callbacks();
        }
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    /// Every callback, argument and the SSL context object, for the cycle
    /// collector.
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        let Some(s) = &self.srv else { return };
        let Ok(st) = s.st.try_borrow() else { return };
        for cb in st.callbacks.iter().chain(st.default_cb.iter()) {
            buf.add(cb.callable.zval());
            if let Some(a) = &cb.arg {
                buf.add(a);
            }
        }
        if let Some(c) = &st.ssl_ctx {
            buf.add(c);
        }
    }
}

impl Drop for EventHttp {
    /// evhttp_free: the listeners and every connection go (their pending
    /// requests with them).
    fn drop(&mut self) {
        if let Some(s) = self.srv.take() {
            s.shutdown();
        }
    }
}

/// A callback and its argument (setCallback/setDefaultCallback).
pub(super) struct Callback {
    pub callable: UserCallable,
    pub arg: Option<zval>,
}

pub(super) struct Server {
    pub st: RefCell<ServerState>,
}

pub(super) struct ServerState {
    pub sh: Rc<RefCell<Shared>>,
    pub config: ServerConfig,
    /// The callable of each path, at ServerConfig's callback index.
    pub callbacks: Vec<Rc<Callback>>,
    pub default_cb: Option<Rc<Callback>>,
    /// The read and write timeout of new connections (None: none).
    pub timeout: Option<Ns>,
    /// The EventSslContext object given to the constructor (HTTPS).
    pub ssl_ctx: Option<zval>,
    listeners: Vec<Rc<HttpListener>>,
    pub conns: Vec<Rc<Conn>>,
}

impl Server {
    fn release_callbacks(&self) {
        let Ok(mut st) = self.st.try_borrow_mut() else { return };
        let cbs = std::mem::take(&mut st.callbacks);
        let def = st.default_cb.take();
        let ctx = st.ssl_ctx.take();
        drop(st);
        drop((cbs, def, ctx));
    }

    /// evhttp_free.
    fn shutdown(&self) {
        let (listeners, conns) = {
            let mut st = self.st.borrow_mut();
            (std::mem::take(&mut st.listeners), std::mem::take(&mut st.conns))
        };
        for l in listeners {
            l.close();
        }
        for c in conns {
            c.close();
        }
        self.release_callbacks();
    }

    /// Forgets a closed connection.
    pub fn remove_conn(&self, c: &Conn) {
        if let Ok(mut st) = self.st.try_borrow_mut() {
            st.conns.retain(|x| !std::ptr::eq(Rc::as_ptr(x), c));
        }
    }

    /// Starts listening on `fd` (evhttp_accept_socket / evhttp_bind_socket).
    /// False (with libevent's warning) when the base refuses the fd.
    fn listen_on(self: &Rc<Self>, fd: i32, close_on_free: bool) -> PhpResult<bool> {
        let sh = self.st.borrow().sh.clone();
        if sh.borrow().freed {
            return Err(base_freed_error());
        }
        let l = Rc::new(HttpListener { srv: Rc::downgrade(self), fd, close_on_free, core: RefCell::new(None) });
        let weak: Weak<dyn Internal> = Rc::downgrade(&(l.clone() as Rc<dyn Internal>));
        let ok = {
            let mut s = sh.borrow_mut();
            let key = s.register_internal(weak);
            let id = s.core.create(fd, evloop::EV_READ | EV_PERSIST, key, Kind::Internal);
            *l.core.borrow_mut() = Some((id, key));
            let now = s.gettime();
            s.core.add(id, None, now);
            s.failure = None;
            if s.sync().is_err() {
                s.core.remove(id);
                s.unregister_internal(key);
                let _ = s.sync();
                *l.core.borrow_mut() = None;
                let failure = s.failure.take();
                drop(s);
                if let Some(f) = failure {
                    warning(&f);
                }
                false
            } else {
                true
            }
        };
        // As evhttp_accept_socket: the listener is kept even when its
        // event could not be added (the call still returns true then).
        self.st.borrow_mut().listeners.push(l);
        Ok(ok || !close_on_free)
    }
}

/// One listening socket of the server (evhttp_bound_socket).
struct HttpListener {
    srv: Weak<Server>,
    fd: i32,
    /// Sockets bind() made are closed with the server; accept()'s are the
    /// caller's.
    close_on_free: bool,
    core: RefCell<Option<(EvId, usize)>>,
}

impl HttpListener {
    fn close(&self) {
        let core = self.core.borrow_mut().take();
        if let (Some((id, key)), Some(srv)) = (core, self.srv.upgrade()) {
            let sh = srv.st.borrow().sh.clone();
            if let Ok(mut s) = sh.try_borrow_mut() {
                s.core.remove(id);
                s.unregister_internal(key);
                let _ = s.sync();
            };
        }
        if self.close_on_free {
            sk::close(self.fd);
        }
    }
}

impl Internal for HttpListener {
    /// listener_read_cb: accept until EAGAIN; each connection gets its own
    /// bufferevent and parser.
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, _b: &Begin) -> bool {
        let Some(srv) = self.srv.upgrade() else { return false };
        loop {
            let (nfd, peer) = match crate::sys::listen::accept4(self.fd, libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) {
                Ok(x) => x,
                Err(e) => {
                    if !matches!(e, libc::EINTR | libc::EAGAIN | libc::ECONNABORTED) {
                        error::set_errno(e);
                        warning(&format!("Error from accept() call: {}", error::strerror(e)));
                    }
                    return false;
                }
            };
            if peer.len == 0 {
                sk::close(nfd);
                continue;
            }
            Conn::start(&srv, nfd, peer);
        }
    }
}

// ---------------------------------------------------------------- methods

fn server<'a>(a: &Args) -> PhpResult<&'a Rc<Server>> {
    this::<EventHttp>(a).srv.as_ref().ok_or_else(|| error::error("EventHttp object is not initialized"))
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let ctx = a.object_of_or_null(1, ce_of::<crate::event::ssl::EventSslContext>())?;
    let sh = base_arg(bo)?;
    let ssl_ctx = match ctx {
        Some(o) => {
            // SAFETY: a live object argument.
            let z = unsafe { zv::object_ref(o) };
            // An EventSslContext whose constructor failed: Error now
            // rather than at the first connection.
            if let Some(r) = zv::object(&z) {
                crate::event::ssl::tls_context(r)?;
            }
            Some(z)
        }
        None => None,
    };
    let srv = Rc::new(Server {
        st: RefCell::new(ServerState {
            sh,
            config: ServerConfig::new(),
            callbacks: Vec::new(),
            default_cb: None,
            timeout: Some(DEFAULT_TIMEOUT),
            ssl_ctx,
            listeners: Vec::new(),
            conns: Vec::new(),
        }),
    });
    if let Some(old) = this::<EventHttp>(a).srv.replace(srv) {
        old.shutdown();
    }
    Ok(())
}

/// accept($socket): serve connections arriving on a socket the caller
/// made (PECL: no listen(), the socket is left open afterwards).
fn accept(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let fd = zval_to_fd(a.zval(0))?;
    let srv = server(a)?.clone();
    if fd < 0 {
        zv::set_bool(rv, false);
        return Ok(());
    }
    // The accept loop runs until EAGAIN, so the socket must not block.
    let _ = sk::set_nonblocking(fd, true);
    let ok = srv.listen_on(fd, false)?;
    zv::set_bool(rv, ok);
    Ok(())
}

/// bind($address, $port): evhttp_bind_socket (getaddrinfo with
/// AI_PASSIVE, a non-blocking SO_REUSEADDR socket, listen(128)).
fn bind(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let address = a.bytes(0)?;
    let port = a.long(1)? as u16;
    let srv = server(a)?.clone();
    zv::set_bool(rv, false);
    let port_s = port.to_string();
    let hints = (libc::AI_PASSIVE | libc::AI_ADDRCONFIG, libc::SOCK_STREAM, libc::IPPROTO_TCP, libc::AF_UNSPEC);
    let ais = match sk::getaddrinfo(address, Some(port_s.as_bytes()), hints) {
        Ok(v) => v,
        Err(code) => {
            warning(&format!("getaddrinfo: {}", crate::event::bufferevent::hook::gai_strerror(code)));
            return Ok(());
        }
    };
    let Some(ai) = ais.first() else { return Ok(()) };
    let Ok(fd) = sk::socket(ai.family, libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC, 0) else {
        return Ok(());
    };
    let one = 1i32.to_ne_bytes();
    let ok = sk::setsockopt(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE, &one).is_ok()
        && sk::setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, &one).is_ok()
        && sk::bind(fd, &ai.addr).is_ok()
        && sk::listen(fd, 128).is_ok();
    if !ok {
        sk::close(fd);
        return Ok(());
    }
    let ok = srv.listen_on(fd, true)?;
    zv::set_bool(rv, ok);
    Ok(())
}

/// setCallback($path, $cb, $arg): PECL does not check the callable here (a
/// request for the path then gets no reply).
fn set_callback(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let path = a.bytes(0)?;
    let srv = server(a)?;
    let mut st = srv.st.borrow_mut();
    match st.config.add_callback(path) {
        Some(i) => {
            let cb = Rc::new(Callback { callable: UserCallable::new(a.zval(1)), arg: arg_or_null(a, 2) });
            debug_assert_eq!(i, st.callbacks.len());
            st.callbacks.push(cb);
            zv::set_bool(rv, true);
        }
        None => {
            drop(st);
            warning("The callback already exists");
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn set_default_callback(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    check_callable(a.zval(0), 1, false)?;
    let srv = server(a)?;
    let cb = Rc::new(Callback { callable: UserCallable::new(a.zval(0)), arg: arg_or_null(a, 1) });
    let old = srv.st.borrow_mut().default_cb.replace(cb);
    drop(old);
    Ok(())
}

/// setAllowedMethods($methods): PECL passes the value on as a 16-bit one.
fn set_allowed_methods(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let methods = a.long(0)?;
    server(a)?.st.borrow_mut().config.allowed_methods = u32::from(methods as u16);
    Ok(())
}

fn set_max_body_size(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let v = a.long(0)?;
    server(a)?.st.borrow_mut().config.set_max_body_size(v);
    Ok(())
}

fn set_max_headers_size(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let v = a.long(0)?;
    server(a)?.st.borrow_mut().config.set_max_headers_size(v);
    Ok(())
}

/// setTimeout($seconds): the read and write timeout of the connections
/// accepted from now on (evhttp_set_timeout); 0 or less: none.
fn set_timeout(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let v = a.long(0)? as i32;
    server(a)?.st.borrow_mut().timeout = (v > 0).then(|| i64::from(v) * 1_000_000_000);
    Ok(())
}

fn add_server_alias(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let alias = a.bytes(0)?;
    let ok = server(a)?.st.borrow_mut().config.add_alias(alias);
    zv::set_bool(rv, ok);
    Ok(())
}

fn remove_server_alias(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let alias = a.bytes(0)?;
    let ok = server(a)?.st.borrow_mut().config.remove_alias(alias);
    zv::set_bool(rv, ok);
    Ok(())
}

/// Registers the class.
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    class::register::<EventHttp>(methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
    shows_no_properties::<EventHttp>();
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let [sleep, wakeup] = sleep_wakeup();
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct)).arg(c"base", BASE_T).opt(
            c"ctx",
            Type::class(c"EventSslContext").nullable(),
            c"null",
        ),
        sleep,
        wakeup,
        m(c"accept", crate::handler!(accept)).arg(c"socket", Type::MIXED).ret(Type::BOOL),
        m(c"bind", crate::handler!(bind)).arg(c"address", Type::STRING).arg(c"port", Type::INT).ret(Type::BOOL),
        m(c"setCallback", crate::handler!(set_callback))
            .arg(c"path", Type::STRING)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::BOOL),
        m(c"setDefaultCallback", crate::handler!(set_default_callback))
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::VOID),
        m(c"setAllowedMethods", crate::handler!(set_allowed_methods)).arg(c"methods", Type::INT).ret(Type::VOID),
        m(c"setMaxBodySize", crate::handler!(set_max_body_size)).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"setMaxHeadersSize", crate::handler!(set_max_headers_size)).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"setTimeout", crate::handler!(set_timeout)).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"addServerAlias", crate::handler!(add_server_alias)).arg(c"alias", Type::STRING).ret(Type::BOOL),
        m(c"removeServerAlias", crate::handler!(remove_server_alias)).arg(c"alias", Type::STRING).ret(Type::BOOL),
    ])
}
