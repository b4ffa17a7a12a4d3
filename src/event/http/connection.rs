//! EventHttpConnection: the PHP object over a [`ConnCore`]
//! (`client_conn.rs`), PECL event 3.1.5's methods and their checks.

use super::client_conn::ConnCore;
use super::*;

#[derive(Default)]
pub struct EventHttpConnection {
    core: Option<Rc<ConnCore>>,
    /// getConnection() of a server request: the accepted connection.
    server_side: Option<std::rc::Weak<super::conn::Conn>>,
    /// Made by EventHttpRequest::getConnection() (PECL's `internal`
    /// connection): its end leaves the connection alone.
    internal: bool,
    no_props: class::EmptyProps,
}

impl class::ShowsNoProperties for EventHttpConnection {
    fn empty_props(&mut self) -> &mut class::EmptyProps {
        &mut self.no_props
    }
}

impl NativeClass for EventHttpConnection {
    const NAME: &'static std::ffi::CStr = c"EventHttpConnection";
    // evhttp_connection_free at the object's end calls the close callback
    // of a connected connection with the object: done in dtor_obj, where
    // the object is still alive (PECL does it later, on freed memory).
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        if let (Some(c), false) = (&self.core, self.internal) {
            c.close_at_destruct();
        }
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        if let (Some(c), false) = (&self.core, self.internal) {
            c.gc_zvals(buf);
        }
    }
}

impl Drop for EventHttpConnection {
    fn drop(&mut self) {
        if let Some(c) = self.core.take() {
            if !self.internal {
                c.free();
            }
        }
    }
}

/// getConnection() of a request: a new object over the same connection.
pub(super) fn new_internal_object(rv: &mut zval, core: Rc<ConnCore>) {
    let obj = class::instantiate::<EventHttpConnection>(rv);
    obj.core = Some(core);
    obj.internal = true;
}

/// getConnection() of a server request: an object over the accepted
/// connection (evhttp's server-side evcon).
pub(super) fn new_server_side_object(rv: &mut zval, conn: std::rc::Weak<super::conn::Conn>) {
    let obj = class::instantiate::<EventHttpConnection>(rv);
    obj.server_side = Some(conn);
    obj.internal = true;
}

/// The accepted connection behind a server request's connection object:
/// Some(Ok) while it is open, Some(Err) once it closed, None for a client
/// connection object.
fn server_side(a: &Args) -> Option<PhpResult<Rc<super::conn::Conn>>> {
    let me = this::<EventHttpConnection>(a);
    let w = me.server_side.as_ref()?;
    Some(w.upgrade().filter(|c| c.is_open()).ok_or_else(|| error::error("EventHttpConnection object has been freed")))
}

/// Registers the class.
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    class::register::<EventHttpConnection>(methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
    shows_no_properties::<EventHttpConnection>();
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let [sleep, wakeup] = sleep_wakeup();
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct))
            .arg(c"base", BASE_T)
            .arg(c"dns_base", Type::class(c"EventDnsBase").nullable())
            .arg(c"address", Type::STRING)
            .arg(c"port", Type::INT)
            .opt(c"ctx", Type::class(c"EventSslContext").nullable(), c"null"),
        sleep,
        wakeup,
        m(c"getBase", crate::handler!(get_base)).ret(Type::class(c"EventBase").or(Type::FALSE)),
        m(c"getPeer", crate::handler!(get_peer))
            .arg_ref(c"address", Type::MIXED)
            .arg_ref(c"port", Type::MIXED)
            .ret(Type::VOID),
        m(c"setLocalAddress", crate::handler!(set_local_address)).arg(c"address", Type::STRING).ret(Type::VOID),
        m(c"setLocalPort", crate::handler!(set_local_port)).arg(c"port", Type::INT).ret(Type::VOID),
        m(c"setTimeout", crate::handler!(set_timeout)).arg(c"timeout", Type::INT).ret(Type::VOID),
        m(c"setMaxHeadersSize", crate::handler!(set_max_headers_size)).arg(c"max_size", Type::INT).ret(Type::VOID),
        m(c"setMaxBodySize", crate::handler!(set_max_body_size)).arg(c"max_size", Type::INT).ret(Type::VOID),
        m(c"setRetries", crate::handler!(set_retries)).arg(c"retries", Type::INT).ret(Type::VOID),
        m(c"makeRequest", crate::handler!(make_request))
            .arg(c"req", Type::class(c"EventHttpRequest"))
            .arg(c"type", Type::INT)
            .arg(c"uri", Type::STRING)
            .ret(Type::BOOL.nullable()),
        m(c"setCloseCallback", crate::handler!(set_close_callback))
            .arg(c"callback", Type::CALLABLE)
            .opt(c"data", Type::MIXED, c"null")
            .ret(Type::VOID),
    ])
}

/// The connection of `$this`: Error when it has none (freed by its
/// owner), where PECL would use freed memory.
fn core(a: &Args) -> PhpResult<Rc<ConnCore>> {
    let me = this::<EventHttpConnection>(a);
    match &me.core {
        Some(c) if !c.is_freed() => Ok(c.clone()),
        _ => Err(error::error("EventHttpConnection object has been freed")),
    }
}

/// new EventHttpConnection($base, $dns_base, $address, $port [, $ctx]).
fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(4, 5)?;
    let base_obj = a.object_of(0, ce_of::<EventBase>())?;
    // SAFETY: objects checked by object_of_or_null, arguments of this call.
    let dns = match a.object_of_or_null(1, crate::event::dns::class_entry())? {
        Some(o) => unsafe { zv::ObjRef::from_raw(o) }.and_then(crate::event::dns::core_of),
        None => None,
    };
    let host = a.bytes(2)?.to_vec();
    let port = a.long(3)?;
    let ctx = a.object_of_or_null(4, ce_of::<crate::event::ssl::EventSslContext>())?;
    if let Some(o) = ctx.and_then(|o| unsafe { zv::ObjRef::from_raw(o) }) {
        // Error for a context whose constructor failed.
        crate::event::ssl::tls_context(o)?;
    }
    let sh = base_arg(base_obj)?;
    let ctx = ctx.map(|_| copy(a.zval(4)));
    let base = copy(a.zval(0));
    let me = this::<EventHttpConnection>(a);
    let obj = a.this();
    // libevent keeps the port as an unsigned short.
    let core = ConnCore::new(obj, base, sh, dns, ctx, host, port as u16);
    if let Some(old) = me.core.replace(core) {
        if !me.internal {
            old.free();
        }
    }
    me.internal = false;
    Ok(())
}

/// getBase(): the EventBase object given to the constructor.
fn get_base(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    if let Some(conn) = server_side(a) {
        // PECL keeps no base for a server-side connection object.
        conn?;
        zv::set_bool(rv, false);
        return Ok(());
    }
    let c = core(a)?;
    *rv = copy(c.base());
    Ok(())
}

/// getPeer(&$address, &$port): fills both with the address and port the
/// connection was made for (evhttp_connection_get_peer). PECL writes them
/// to copies and leaves the caller's variables unchanged; ours fills them,
/// as the manual says and EventUtil::getSocketName does.
fn get_peer(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let (host, port) = match server_side(a) {
        Some(conn) => conn?.peer(),
        None => core(a)?.peer(),
    };
    if let Some(mut out) = a.out(0) {
        out.set_bytes(&host);
    }
    if let Some(mut out) = a.out(1) {
        out.set_long(i64::from(port));
    }
    Ok(())
}

fn set_local_address(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let addr = a.bytes(0)?;
    if let Some(conn) = server_side(a) {
        conn?;
        // libevent asserts the connection is disconnected (PECL: a fatal error).
        return Err(error::error("EventHttpConnection::setLocalAddress(): the connection is already connected"));
    }
    core(a)?.set_local_address(addr);
    Ok(())
}

fn set_local_port(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let p = a.long(0)?;
    if let Some(conn) = server_side(a) {
        conn?;
        // libevent asserts the connection is disconnected (PECL: a fatal error).
        return Err(error::error("EventHttpConnection::setLocalPort(): the connection is already connected"));
    }
    core(a)?.set_local_port(p);
    Ok(())
}

fn set_timeout(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let t = a.long(0)?;
    if let Some(conn) = server_side(a) {
        // Accepted without effect on a server-side connection (its limits
        // and timeout are the EventHttp's).
        conn?;
        return Ok(());
    }
    core(a)?.set_timeout(t);
    Ok(())
}

fn set_max_headers_size(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    if let Some(conn) = server_side(a) {
        // Accepted without effect on a server-side connection (its limits
        // and timeout are the EventHttp's).
        conn?;
        return Ok(());
    }
    core(a)?.set_max_headers_size(n);
    Ok(())
}

fn set_max_body_size(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    if let Some(conn) = server_side(a) {
        // Accepted without effect on a server-side connection (its limits
        // and timeout are the EventHttp's).
        conn?;
        return Ok(());
    }
    core(a)?.set_max_body_size(n);
    Ok(())
}

fn set_retries(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    if let Some(conn) = server_side(a) {
        // Accepted without effect on a server-side connection (its limits
        // and timeout are the EventHttp's).
        conn?;
        return Ok(());
    }
    core(a)?.set_retries(n);
    Ok(())
}

fn set_close_callback(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    check_callable(a.zval(0), 1, false)?;
    let cb = UserCallable::new(a.zval(0));
    let arg = arg_or_null(a, 1);
    if let Some(conn) = server_side(a) {
        let arg = arg.unwrap_or_else(|| {
            let mut n = zv::undef();
            zv::set_null(&mut n);
            n
        });
        // SAFETY: `$this` is alive during its own method call.
        let me = unsafe { zv::object_ref(a.this()) };
        conn?.set_close_callback(cb, arg, me);
        return Ok(());
    }
    core(a)?.set_close_callback(cb, arg);
    Ok(())
}

/// makeRequest($req, $type, $uri): true once queued; false when the
/// connection could not even be started (a local address that does not
/// bind). A request that is already queued is an Error (libevent's
/// assertion `req->evcon == NULL` ends PECL with a fatal error).
fn make_request(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let (req_obj, req) = a.native_obj::<EventHttpRequest>(0)?;
    let _ = req_obj;
    let ty = a.long(1)?;
    let uri = a.bytes(2)?.to_vec();
    if let Some(conn) = server_side(a) {
        conn?;
        return Err(error::error("EventHttpConnection::makeRequest(): a server-side connection makes no requests"));
    }
    let c = core(a)?;
    if c.base_freed() {
        return Err(base_freed_error());
    }
    let ReqState::Client(cr) = &mut req.state else {
        return Err(error::error("EventHttpConnection::makeRequest(): the request was not made for a connection"));
    };
    if cr.conn.as_ref().is_some_and(|w| w.upgrade().is_some_and(|c| !c.is_freed())) {
        return Err(error::error("EventHttpConnection::makeRequest(): the request is already queued"));
    }
    {
        let mut d = cr.cell.borrow_mut();
        let Some(d) = d.as_mut() else { return Err(request_gone()) };
        d.core.method = ipc_core::http::Method(ty as u32);
        d.core.uri = Some(uri);
        // A request sent again starts with an empty response.
        d.core.response_code = 0;
        d.core.response_reason.clear();
        d.core.input_headers.clear();
        let n = d.input.len();
        d.input.edit(|b| b.drain(n));
    }
    cr.conn = Some(Rc::downgrade(&c));
    let cell = cr.cell.clone();
    let obj = copy(a.zval(0));
    let ok = c.make_request(obj, cell);
    zv::set_bool(rv, ok);
    Ok(())
}
