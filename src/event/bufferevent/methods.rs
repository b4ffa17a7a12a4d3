//! EventBufferEvent's PHP methods.

use super::connect;
use super::state::{self, BevCell};
use super::EventBufferEvent;
use crate::event::buffer::{self, BufCell};
use crate::event::{ce_of, zval_to_fd, EventBase};
use crate::php::call::{check_callable, UserCallable};
use crate::php::class;
use crate::php::error::{self, warning, PhpResult, Thrown};
use crate::php::func::{FnDef, ACC_PUBLIC, ACC_STATIC};
use crate::php::types::Type;
use crate::php::{ffi, zv, Args};
use ext_php_rs::ffi::zval;
use ipc_core::evloop::{self, Ns};
use std::rc::Rc;

const BASE_T: Type = Type::class(c"EventBase");
const BEV_T: Type = Type::class(c"EventBufferEvent");
const BUF_T: Type = Type::class(c"EventBuffer");
const SSL_CTX_T: Type = Type::class(c"EventSslContext");

fn m(name: &'static std::ffi::CStr, h: crate::php::func::Handler) -> FnDef {
    FnDef::new(name, h).flags(ACC_PUBLIC)
}

pub(super) fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let st = ACC_PUBLIC | ACC_STATIC;
    let no_args = |name, h, ret| m(name, h).ret(ret);
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct))
            .arg(c"base", BASE_T)
            .opt(c"socket", Type::MIXED, c"null")
            .opt(c"options", Type::INT, c"0")
            .opt(c"readcb", Type::CALLABLE.nullable(), c"null")
            .opt(c"writecb", Type::CALLABLE.nullable(), c"null")
            .opt(c"eventcb", Type::CALLABLE.nullable(), c"null")
            .opt(c"arg", Type::MIXED, c"null"),
        no_args(c"free", crate::handler!(free), Type::VOID),
        no_args(c"close", crate::handler!(close), Type::VOID),
        m(c"connect", crate::handler!(connect_m)).arg(c"addr", Type::STRING).ret(Type::BOOL),
        m(c"connectHost", crate::handler!(connect_host))
            .arg(c"dns_base", Type::class(c"EventDnsBase").nullable())
            .arg(c"hostname", Type::STRING)
            .arg(c"port", Type::INT)
            .opt(c"family", Type::INT, c"EventUtil::AF_UNSPEC")
            .ret(Type::BOOL),
        no_args(c"getDnsErrorString", crate::handler!(get_dns_error_string), Type::STRING),
        m(c"setCallbacks", crate::handler!(set_callbacks))
            .arg(c"readcb", Type::CALLABLE.nullable())
            .arg(c"writecb", Type::CALLABLE.nullable())
            .arg(c"eventcb", Type::CALLABLE.nullable())
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::VOID),
        m(c"enable", crate::handler!(enable)).arg(c"events", Type::INT).ret(Type::BOOL),
        m(c"disable", crate::handler!(disable)).arg(c"events", Type::INT).ret(Type::BOOL),
        no_args(c"getEnabled", crate::handler!(get_enabled), Type::INT),
        no_args(c"getInput", crate::handler!(get_input), BUF_T),
        no_args(c"getOutput", crate::handler!(get_output), BUF_T),
        m(c"setWatermark", crate::handler!(set_watermark))
            .arg(c"events", Type::INT)
            .arg(c"lowmark", Type::INT)
            .arg(c"highmark", Type::INT)
            .ret(Type::VOID),
        m(c"write", crate::handler!(write)).arg(c"data", Type::STRING).ret(Type::BOOL),
        m(c"writeBuffer", crate::handler!(write_buffer)).arg(c"buf", BUF_T).ret(Type::BOOL),
        m(c"read", crate::handler!(read)).arg(c"size", Type::INT).ret(Type::STRING.nullable()),
        m(c"readBuffer", crate::handler!(read_buffer)).arg(c"buf", BUF_T).ret(Type::BOOL),
        FnDef::new(c"createPair", crate::handler!(create_pair))
            .flags(st)
            .arg(c"base", BASE_T)
            .opt(c"options", Type::INT, c"0")
            .ret(Type::ARRAY.or(Type::FALSE)),
        m(c"setPriority", crate::handler!(set_priority)).arg(c"priority", Type::INT).ret(Type::BOOL),
        m(c"setTimeouts", crate::handler!(set_timeouts))
            .arg(c"timeout_read", Type::FLOAT)
            .arg(c"timeout_write", Type::FLOAT)
            .ret(Type::BOOL),
        FnDef::new(c"createSslFilter", crate::handler!(create_ssl_filter))
            .flags(st)
            .arg(c"unnderlying", BEV_T)
            .arg(c"ctx", SSL_CTX_T)
            .arg(c"state", Type::INT)
            .opt(c"options", Type::INT, c"0")
            .ret(BEV_T),
        FnDef::new(c"sslSocket", crate::handler!(ssl_socket))
            .flags(st)
            .arg(c"base", BASE_T)
            .arg(c"socket", Type::MIXED)
            .arg(c"ctx", SSL_CTX_T)
            .arg(c"state", Type::INT)
            .opt(c"options", Type::INT, c"0")
            .ret(BEV_T),
        no_args(c"sslError", crate::handler!(ssl_error), Type::STRING),
        no_args(c"sslRenegotiate", crate::handler!(ssl_renegotiate), Type::VOID),
        no_args(c"sslGetCipherInfo", crate::handler!(ssl_get_cipher_info), Type::STRING),
        no_args(c"sslGetCipherName", crate::handler!(ssl_get_cipher_name), Type::STRING),
        no_args(c"sslGetCipherVersion", crate::handler!(ssl_get_cipher_version), Type::STRING),
        no_args(c"sslGetProtocol", crate::handler!(ssl_get_protocol), Type::STRING),
    ])
}

fn me<'a>(a: &Args) -> &'a mut EventBufferEvent {
    // SAFETY: the method's object is an EventBufferEvent.
    unsafe { class::data_of::<EventBufferEvent>(a.this()) }
}

/// The live bufferevent, or None after PECL's warning (false returned).
fn live(a: &Args, rv: &mut zval) -> Option<Rc<BevCell>> {
    match &me(a).bev {
        Some(b) => Some(b.clone()),
        None => {
            warning("Buffer Event is not initialized");
            zv::set_bool(rv, false);
            None
        }
    }
}

fn null() -> zval {
    let mut z = zv::undef();
    zv::set_null(&mut z);
    z
}

/// A nullable callable argument (already checked): None for null.
fn callable_arg(a: &Args, i: u32) -> Option<UserCallable> {
    if !a.given(i) {
        return None;
    }
    let z = a.zval(i);
    (zv::type_of(z) != ffi::IS_NULL).then(|| UserCallable::new(z))
}

/// Installs the callbacks (and the argument when `arg` is Some).
fn set_cbs(obj: &mut EventBufferEvent, cbs: [Option<UserCallable>; 3], arg: Option<zval>) {
    let [r, w, e] = cbs;
    if let Some(b) = &obj.bev {
        let mut st = b.st.borrow_mut();
        st.has_cb = [r.is_some(), w.is_some(), e.is_some()];
        // bufferevent_setcb on the underlying bufferevent of a TLS filter:
        // its callbacks are the PHP ones again (the filter stops hearing).
        st.set_above(None);
    }
    let old = (
        std::mem::replace(&mut obj.readcb, r),
        std::mem::replace(&mut obj.writecb, w),
        std::mem::replace(&mut obj.eventcb, e),
    );
    let old_arg = match arg {
        Some(v) => Some(std::mem::replace(&mut obj.arg, v)),
        None => None,
    };
    // Released after the new values are in place.
    drop(old);
    drop(old_arg);
}

/// Options libevent refuses: THREADSAFE (no lock callbacks in PHP), and
/// UNLOCK_CALLBACKS without DEFER_CALLBACKS (with its warning).
fn options_refused(options: i64) -> bool {
    if options & state::OPT_THREADSAFE != 0 {
        return true;
    }
    if options & (state::OPT_DEFER_CALLBACKS | state::OPT_UNLOCK_CALLBACKS) == state::OPT_UNLOCK_CALLBACKS {
        warning("UNLOCK_CALLBACKS requires DEFER_CALLBACKS");
        return true;
    }
    false
}

/// evutil_make_socket_nonblocking, with libevent's warnings.
fn make_nonblocking(fd: i32) {
    match crate::sys::socket::get_flags(fd) {
        Err(e) => warning(&format!("fcntl({fd}, F_GETFL): {}", error::strerror(e))),
        Ok(f) if f & libc::O_NONBLOCK == 0 => {
            if let Err(e) = crate::sys::socket::set_nonblocking(fd, true) {
                warning(&format!("fcntl({fd}, F_SETFL): {}", error::strerror(e)));
            }
        }
        Ok(_) => {}
    }
}

fn base_of(a: &Args, i: u32) -> PhpResult<Rc<std::cell::RefCell<crate::event::base::Shared>>> {
    let bo = a.object_of(i, ce_of::<EventBase>())?;
    crate::event::base_arg(bo)
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 7)?;
    let sh = base_of(a, 0)?;
    let options = a.long_or(2, 0)?;
    for i in 3..6 {
        if a.given(i) {
            check_callable(a.zval(i), i + 1, true)?;
        }
    }
    let mut fd = -1;
    if a.given(1) && zv::type_of(zv::deref(a.zval(1))) != ffi::IS_NULL {
        fd = zval_to_fd(a.zval(1))?;
        if fd >= 0 {
            make_nonblocking(fd);
        }
    }
    if options_refused(options) || sh.borrow().freed {
        // The fatal error longjmps over this frame: nothing owned may be left in it.
        drop(sh);
        error::fatal("Failed to allocate bufferevent for socket");
        return Ok(());
    }
    let obj = a.this();
    let b = me(a);
    b.release_bev();
    let bev = BevCell::new(&sh, fd, options, false);
    bev.st.borrow_mut().obj = obj;
    b.bev = Some(bev);
    let cbs = [callable_arg(a, 3), callable_arg(a, 4), callable_arg(a, 5)];
    let arg = if a.given(6) { zv::copy(a.zval(6)) } else { null() };
    set_cbs(b, cbs, Some(arg));
    Ok(())
}

fn create_pair(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let sh = base_of(a, 0)?;
    let options = a.long_or(1, 0)? | state::OPT_DEFER_CALLBACKS;
    if options_refused(options) || sh.borrow().freed {
        zv::set_bool(rv, false);
        return Ok(());
    }
    let x = BevCell::new(&sh, -1, options, true);
    let y = BevCell::new(&sh, -1, options & !state::OPT_THREADSAFE, true);
    state::link_pair(&x, &y);
    let mut arr = zv::Array::new(2);
    for half in [x, y] {
        let mut z = zv::undef();
        let obj = class::instantiate::<EventBufferEvent>(&mut z);
        if let Some(o) = zv::object(&z) {
            half.st.borrow_mut().obj = o.as_ptr();
        }
        obj.bev = Some(half);
        arr.push(z);
    }
    *rv = arr.into_zval();
    Ok(())
}

/// PECL's free() parses no arguments: extra ones are ignored.
fn free(a: &Args, _rv: &mut zval) -> PhpResult {
    me(a).release_bev();
    Ok(())
}

fn close(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let fd = me(a).bev.as_ref().map_or(-1, |b| b.st.borrow().fd);
    // PECL closes the descriptor but leaves it set on the bufferevent.
    let ok = fd >= 0 && nix::unistd::close(fd).is_ok();
    zv::set_bool(rv, ok);
    Ok(())
}

fn connect_m(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let addr = a.bytes(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let Some(sa) = connect::parse_address(addr) else {
        warning("Failed parsing address: the address is not well-formed, or the port is out of range");
        zv::set_bool(rv, false);
        return Ok(());
    };
    zv::set_bool(rv, connect::connect(&bev, &sa));
    Ok(())
}

/// The `?EventDnsBase` argument: its resolver, or None for null.
fn dns_base_arg(a: &Args) -> PhpResult<Option<Rc<crate::event::dns::DnsCore>>> {
    let z = a.zval(0);
    if zv::type_of(z) == ffi::IS_NULL {
        return Ok(None);
    }
    if let Some(o) = zv::object(z) {
        if let Some(c) = crate::event::dns::core_of(o) {
            return Ok(Some(c));
        }
    }
    Err(error::argument_type_error(1, &format!("must be of type ?EventDnsBase, {} given", value_name(z))))
}

/// zend_zval_value_name: the class of an object, else the type's name.
fn value_name(z: &zval) -> String {
    match zv::object(z) {
        Some(o) => zv::class_name(o),
        None => zv::type_name(z),
    }
}

fn connect_host(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 4)?;
    let dns = dns_base_arg(a)?;
    let host = a.bytes(1)?;
    let port = a.long(2)?;
    let family = a.long_or(3, libc::AF_UNSPEC as i64)?;
    if family & !((libc::AF_INET | libc::AF_INET6 | libc::AF_UNSPEC) as i64) != 0 {
        warning("Invalid address family specified");
        zv::set_bool(rv, false);
        return Ok(());
    }
    let Some(bev) = live(a, rv) else { return Ok(()) };
    match connect::connect_hostname(&bev, dns, family as i32, host, port) {
        Ok(ok) => zv::set_bool(rv, ok),
        Err(()) => return Err(Thrown),
    }
    Ok(())
}

fn get_dns_error_string(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let err = bev.st.borrow().dns_error;
    if err == 0 {
        zv::set_bytes(rv, b"");
    } else {
        zv::set_bytes(rv, connect::gai_strerror(err).as_bytes());
    }
    Ok(())
}

fn set_callbacks(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 4)?;
    for i in 0..3 {
        check_callable(a.zval(i), i + 1, true)?;
    }
    if live(a, rv).is_none() {
        return Ok(());
    }
    let cbs = [callable_arg(a, 0), callable_arg(a, 1), callable_arg(a, 2)];
    // As PECL: a missing or null argument keeps the previous one.
    let arg = (a.given(3) && zv::type_of(zv::deref(a.zval(3))) != ffi::IS_NULL).then(|| zv::copy(a.zval(3)));
    set_cbs(me(a), cbs, arg);
    Ok(())
}

fn enable(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let ev = a.long(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    zv::set_bool(rv, bev.enable(ev as u16));
    Ok(())
}

fn disable(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let ev = a.long(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    zv::set_bool(rv, bev.disable(ev as u16));
    Ok(())
}

fn get_enabled(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    zv::set_long(rv, bev.st.borrow().enabled as i64);
    Ok(())
}

fn get_buffer(a: &Args, rv: &mut zval, output: bool) -> PhpResult {
    a.count(0, 0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let cell = {
        let st = bev.st.borrow();
        if output {
            st.output.clone()
        } else {
            st.input.clone()
        }
    };
    buffer::new_object(rv, cell);
    Ok(())
}

fn get_input(a: &Args, rv: &mut zval) -> PhpResult {
    get_buffer(a, rv, false)
}

fn get_output(a: &Args, rv: &mut zval) -> PhpResult {
    get_buffer(a, rv, true)
}

fn set_watermark(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let events = a.long(0)?;
    let low = a.long(1)?;
    let high = a.long(2)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    // size_t in libevent: a negative mark is a huge one.
    bev.set_watermark(events as u16, low as u64 as usize, high as u64 as usize);
    Ok(())
}

fn buffers(bev: &BevCell) -> (Rc<BufCell>, Rc<BufCell>) {
    let st = bev.st.borrow();
    (st.input.clone(), st.output.clone())
}

fn write(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let data = a.bytes(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let (_, out) = buffers(&bev);
    zv::set_bool(rv, out.edit(|b| b.add(data)));
    Ok(())
}

/// The EventBuffer argument's cell; None when it is `own` itself.
fn buffer_arg(a: &Args, own: &Rc<BufCell>) -> PhpResult<Option<Rc<BufCell>>> {
    let obj = a.object_of(0, ce_of::<buffer::EventBuffer>())?;
    // SAFETY: object_of checked the class.
    let cell = unsafe { buffer::cell_of(obj) };
    Ok((!Rc::ptr_eq(&cell, own)).then_some(cell))
}

fn write_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    a.object_of(0, ce_of::<buffer::EventBuffer>())?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let (_, out) = buffers(&bev);
    let ok = match buffer_arg(a, &out)? {
        Some(src) => buffer::move_all(&out, &src),
        None => true,
    };
    zv::set_bool(rv, ok);
    Ok(())
}

fn read(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let size = a.long(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    if size <= 0 {
        zv::set_null(rv);
        return Ok(());
    }
    let (inp, _) = buffers(&bev);
    match inp.edit(|b| b.remove(size as usize)) {
        Some(v) if !v.is_empty() => zv::set_bytes(rv, &v),
        _ => zv::set_null(rv),
    }
    Ok(())
}

fn read_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    a.object_of(0, ce_of::<buffer::EventBuffer>())?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    let (inp, _) = buffers(&bev);
    let ok = match buffer_arg(a, &inp)? {
        Some(dst) => buffer::move_all(&dst, &inp),
        None => true,
    };
    zv::set_bool(rv, ok);
    Ok(())
}

fn set_priority(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let p = a.long(0)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    zv::set_bool(rv, bev.set_priority(p));
    Ok(())
}

/// PHP_EVENT_TIMEVAL_SET: a positive number of seconds; zero or less is
/// no timeout.
fn timeout(t: f64) -> Option<Ns> {
    if t > 0.0 {
        Some(evloop::timeval_ns(t)).filter(|&ns| ns > 0)
    } else {
        None
    }
}

fn set_timeouts(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let r = a.double(0)?;
    let w = a.double(1)?;
    let Some(bev) = live(a, rv) else { return Ok(()) };
    zv::set_bool(rv, bev.set_timeouts(timeout(r), timeout(w)));
    Ok(())
}

// ---------------------------------------------------------------- TLS

/// The `EventSslContext` argument's TLS context.
fn ssl_ctx_arg<'a>(a: &Args<'a>, i: u32) -> PhpResult<&'a crate::event::ssl::TlsContext> {
    let z = a.zval(i);
    if let Some(o) = zv::object(z) {
        if zv::class_name(o).eq_ignore_ascii_case("EventSslContext") {
            return crate::event::ssl::tls_context(o);
        }
    }
    Err(error::argument_type_error(i + 1, &format!("must be of type EventSslContext, {} given", value_name(z))))
}

/// A new EventBufferEvent object holding `bev` (its callbacks unset).
fn new_tls_object(rv: &mut zval, bev: &Rc<BevCell>) {
    let obj = class::instantiate::<EventBufferEvent>(rv);
    if let Some(o) = zv::object(rv) {
        bev.st.borrow_mut().obj = o.as_ptr();
    }
    obj.bev = Some(bev.clone());
    obj.arg = null();
}

/// The SSL of a new TLS bufferevent: SSL_new on the context, its side set
/// by the state (as libevent's SSL_set_connect_state/SSL_set_accept_state).
fn new_ssl(ctx: &crate::event::ssl::TlsContext, st: state::tls::TlsState) -> Result<openssl::ssl::Ssl, ()> {
    use state::tls::TlsState;
    match st {
        TlsState::Connecting => ctx.new_ssl(crate::event::ssl::Role::Client),
        TlsState::Accepting => ctx.new_ssl(crate::event::ssl::Role::Server),
        TlsState::Open => openssl::ssl::Ssl::new(&ctx.ssl_context()),
    }
    .map_err(|_| ())
}

fn create_ssl_filter(a: &Args, rv: &mut zval) -> PhpResult {
    use state::tls::Tls;
    a.count(3, 4)?;
    let uo = a.object_of(0, ce_of::<EventBufferEvent>())?;
    let ctx = ssl_ctx_arg(a, 1)?;
    let st = a.long(2)?;
    let options = a.long_or(3, 0)?;
    // SAFETY: object_of checked the class.
    let under = unsafe { class::data_of::<EventBufferEvent>(uo) }.bev.clone();
    let Some(under) = under else {
        warning("Buffer Event is not initialized");
        zv::set_bool(rv, false);
        return Ok(());
    };
    let Some(tstate) = tls_state(st) else {
        warning("Invalid state specified");
        zv::set_bool(rv, false);
        return Ok(());
    };
    let tls = match new_ssl(ctx, tstate).and_then(|s| Tls::new_filter(s, under.clone(), tstate).map_err(|_| ())) {
        Ok(t) => t,
        Err(()) => {
            warning("Event: Failed creating SSL handle");
            zv::set_bool(rv, false);
            return Ok(());
        }
    };
    let sh = under.st.borrow().sh.clone();
    // As sslSocket: THREADSAFE is accepted; UNLOCK_CALLBACKS without
    // DEFER_CALLBACKS is refused (PECL crashes after its warning).
    if options_refused(options & !state::OPT_THREADSAFE) || sh.borrow().freed {
        drop((sh, tls, under));
        error::fatal("Failed to allocate bufferevent filter");
        return Ok(());
    }
    let bev = BevCell::new_filter(&sh, &under, tls, options);
    new_tls_object(rv, &bev);
    Ok(())
}

/// PECL's is_valid_ssl_state.
fn tls_state(state: i64) -> Option<state::tls::TlsState> {
    use state::tls::TlsState;
    match state {
        0 => Some(TlsState::Open),
        1 => Some(TlsState::Connecting),
        2 => Some(TlsState::Accepting),
        _ => None,
    }
}

fn ssl_socket(a: &Args, rv: &mut zval) -> PhpResult {
    use state::tls::Tls;
    a.count(4, 5)?;
    let sh = base_of(a, 0)?;
    let ctx = ssl_ctx_arg(a, 2)?;
    let st = a.long(3)?;
    let options = a.long_or(4, 0)?;
    let Some(tstate) = tls_state(st) else {
        warning("Invalid state specified");
        zv::set_bool(rv, false);
        return Ok(());
    };
    let mut fd = -1;
    if zv::type_of(zv::deref(a.zval(1))) != ffi::IS_NULL {
        // PECL leaves the descriptor's blocking mode as it is.
        fd = zval_to_fd(a.zval(1))?;
        if fd < 0 {
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let tls = match new_ssl(ctx, tstate).and_then(|s| Tls::new(s, fd, tstate).map_err(|_| ())) {
        Ok(t) => t,
        Err(()) => {
            warning("Event: Failed creating SSL handle");
            zv::set_bool(rv, false);
            return Ok(());
        }
    };
    // libevent's TLS bufferevent ignores a failure to set up THREADSAFE
    // locking (the socket one fails): only UNLOCK_CALLBACKS without
    // DEFER_CALLBACKS is refused (PECL then crashes; here it is PECL's fatal
    // error for a NULL bufferevent).
    if options_refused(options & !state::OPT_THREADSAFE) || sh.borrow().freed {
        drop(sh);
        error::fatal("Failed to allocate bufferevent filter");
        return Ok(());
    }
    let bev = BevCell::new(&sh, -1, options, false);
    bev.st.borrow_mut().tls = Some(Box::new(tls));
    new_tls_object(rv, &bev);
    // bufferevent_openssl_new_impl: the events follow the descriptor (a
    // handshake starts with the write event).
    // An open one adds nothing yet (its write event follows the output).
    bev.set_fd(fd);
    Ok(())
}

/// The TLS bufferevent of the object: None (after PECL's answer, false or
/// nothing) when it has none.
fn tls_bev(a: &Args, rv: &mut zval, answer_false: bool) -> PhpResult<Option<Rc<BevCell>>> {
    a.count(0, 0)?;
    let Some(bev) = live(a, rv) else { return Ok(None) };
    if bev.st.borrow().tls.is_none() {
        if answer_false {
            zv::set_bool(rv, false);
        }
        return Ok(None);
    }
    Ok(Some(bev))
}

fn ssl_error(a: &Args, rv: &mut zval) -> PhpResult {
    let Some(bev) = tls_bev(a, rv, true)? else { return Ok(()) };
    let e = bev.st.borrow_mut().tls.as_deref_mut().and_then(|t| t.pop_error());
    match e {
        Some(s) => zv::set_bytes(rv, s.as_bytes()),
        None => zv::set_bool(rv, false),
    }
    Ok(())
}

fn ssl_renegotiate(a: &Args, rv: &mut zval) -> PhpResult {
    let Some(bev) = tls_bev(a, rv, false)? else { return Ok(()) };
    if bev.tls_renegotiate() {
        return Err(Thrown);
    }
    Ok(())
}

/// The current cipher's property, through `f`; "(NONE)" without one when
/// `none` is given (SSL_CIPHER_get_name(NULL)), else false.
fn cipher_query(
    a: &Args,
    rv: &mut zval,
    none: Option<&str>,
    f: impl FnOnce(&openssl::ssl::SslCipherRef) -> String,
) -> PhpResult {
    let Some(bev) = tls_bev(a, rv, true)? else { return Ok(()) };
    let st = bev.st.borrow();
    let Some(t) = st.tls.as_ref() else { return Ok(()) };
    match (t.ssl().current_cipher(), none) {
        (Some(c), _) => zv::set_bytes(rv, f(c).as_bytes()),
        (None, Some(n)) => zv::set_bytes(rv, n.as_bytes()),
        (None, None) => zv::set_bool(rv, false),
    }
    Ok(())
}

fn ssl_get_cipher_info(a: &Args, rv: &mut zval) -> PhpResult {
    cipher_query(a, rv, None, |c| c.description())
}
fn ssl_get_cipher_name(a: &Args, rv: &mut zval) -> PhpResult {
    cipher_query(a, rv, Some("(NONE)"), |c| c.name().to_owned())
}
fn ssl_get_cipher_version(a: &Args, rv: &mut zval) -> PhpResult {
    cipher_query(a, rv, Some("(NONE)"), |c| c.version().to_owned())
}
fn ssl_get_protocol(a: &Args, rv: &mut zval) -> PhpResult {
    let Some(bev) = tls_bev(a, rv, true)? else { return Ok(()) };
    let st = bev.st.borrow();
    if let Some(t) = st.tls.as_ref() {
        zv::set_bytes(rv, t.ssl().version_str().as_bytes());
    }
    Ok(())
}
