//! EventListener's PHP methods.

use super::*;
use crate::sys::listen;

pub(super) fn table() -> *const ext_php_rs::ffi::zend_function_entry {
    let fin = ACC_PUBLIC | crate::php::func::ACC_FINAL;
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct))
            .arg(c"base", BASE_T)
            .arg(c"cb", Type::CALLABLE)
            .arg(c"data", Type::MIXED)
            .arg(c"flags", Type::INT)
            .arg(c"backlog", Type::INT)
            .arg(c"target", Type::MIXED),
        FnDef::new(c"__sleep", crate::handler!(sleep)).flags(fin).ret(Type::ARRAY),
        FnDef::new(c"__wakeup", crate::handler!(sleep)).flags(fin).ret(Type::VOID),
        m(c"free", crate::handler!(free)).ret(Type::VOID),
        m(c"enable", crate::handler!(enable)).ret(Type::BOOL),
        m(c"disable", crate::handler!(disable)).ret(Type::BOOL),
        m(c"setCallback", crate::handler!(set_callback))
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::VOID),
        m(c"setErrorCallback", crate::handler!(set_error_callback)).arg(c"cb", Type::CALLABLE).ret(Type::VOID),
        m(c"getBase", crate::handler!(get_base)).ret(Type::class(c"EventBase")),
        m(c"getSocketName", crate::handler!(get_socket_name))
            .arg_ref(c"address", Type::MIXED)
            .arg_ref(c"port", Type::MIXED)
            .ret(Type::BOOL),
    ])
}

/// libevent's evutil_make_socket_nonblocking, with its warnings.
fn make_nonblocking(fd: i32) {
    match sk::get_flags(fd) {
        Err(e) => warning(&format!("fcntl({fd}, F_GETFL): {}", error::strerror(e))),
        Ok(fl) if fl & libc::O_NONBLOCK == 0 => {
            if let Err(e) = sk::set_nonblocking(fd, true) {
                warning(&format!("fcntl({fd}, F_SETFL): {}", error::strerror(e)));
            }
        }
        Ok(_) => {}
    }
}

/// PECL's "unix:" prefix (any case): a sockaddr_un of full size whose path
/// is the rest of the string as C copies it (up to a NUL, at most 107 bytes).
fn unix_address(target: &[u8]) -> Option<sk::SockAddr> {
    if target.len() < 5 || !target[..5].eq_ignore_ascii_case(b"unix:") {
        return None;
    }
    let path = &target[5..];
    let path = &path[..path.iter().position(|&c| c == 0).unwrap_or(path.len()).min(107)];
    let sun_path_len = std::mem::size_of::<libc::sockaddr_un>() - std::mem::offset_of!(libc::sockaddr_un, sun_path);
    Some(sk::SockAddr::unix(path, sun_path_len))
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(6, 6)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let flags = a.long(3)?;
    let backlog = a.long(4)?;
    let sh = base_arg(bo)?;
    let obj = a.this();
    let target = zv::deref_mut(a.zval(5));
    // libevent takes the flags as unsigned and the backlog as int.
    let (lflags, lbacklog) = (flags as u32, backlog as i32);
    let l = if let Some(s) = zv::string_of(target) {
        let s = s.to_vec();
        let addr = match unix_address(&s) {
            Some(u) => Some(u),
            None => listen::parse_network_address(&s),
        };
        let Some(addr) = addr else {
            let shown = &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())];
            let msg = format!("Failed to parse network address {}", String::from_utf8_lossy(shown));
            return Err(error::throw_base_exception(&msg));
        };
        new_bound(obj, sh, lflags, lbacklog, &addr)
    } else {
        let fd = zval_to_fd(target)?;
        if fd < 0 {
            return Ok(());
        }
        // PECL's test is on every bit but LEAVE_SOCKETS_BLOCKING, so flags 0
        // leave a blocking socket blocking.
        if flags & !(OPT_LEAVE_SOCKETS_BLOCKING as i64) != 0 {
            make_nonblocking(fd);
        }
        new_listener(obj, sh, lflags, lbacklog, fd)
    };
    let Some(l) = l else {
        return Err(error::throw_base_exception("Failed to allocate listener"));
    };
    {
        let mut st = l.st.borrow_mut();
        st.cb = Some(Rc::new(UserCallable::new(a.zval(1))));
        st.data = arg_or_null(a, 2);
    }
    let me = this::<EventListener>(a);
    // A second __construct() replaces the listener (the old one is freed).
    if let Some(old) = me.lis.replace(l) {
        old.free();
    }
    Ok(())
}

fn sleep(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventListener instances are not serializable"))
}

fn free(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    if let Some(l) = &this::<EventListener>(a).lis {
        l.clone().free();
    }
    Ok(())
}

fn enable(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    let ok = l.enable()?;
    zv::set_bool(rv, ok);
    Ok(())
}

fn disable(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    zv::set_bool(rv, l.disable());
    Ok(())
}

fn set_callback(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    check_callable(a.zval(0), 1, false)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    let cb = Rc::new(UserCallable::new(a.zval(0)));
    // A null or missing argument keeps the current one.
    let data = arg_or_null(a, 1);
    let mut st = l.st.borrow_mut();
    let old_cb = st.cb.replace(cb);
    let old_data = match data {
        Some(d) => st.data.replace(d),
        None => None,
    };
    drop(st);
    // Released after the new values are in place (a destructor may run).
    drop((old_cb, old_data));
    Ok(())
}

fn set_error_callback(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    check_callable(a.zval(0), 1, false)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    let cb = Rc::new(UserCallable::new(a.zval(0)));
    let mut st = l.st.borrow_mut();
    st.err_cb_installed = true;
    let old = st.err_cb.replace(cb);
    drop(st);
    drop(old);
    Ok(())
}

/// A new EventBase object for the listener's base (PECL's "internal" base:
/// destroying it leaves the base alone; its free() frees the base).
fn get_base(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    let sh = l.st.borrow().sh.clone();
    let Some(obj) = class::instantiate_ce(rv, ce_of::<EventBase>()) else { return Ok(()) };
    // SAFETY: a fresh EventBase object.
    let b = unsafe { class::data_of::<EventBase>(obj) };
    b.sh = Some(sh);
    b.internal = true;
    Ok(())
}

/// getsockname of the listening socket into `$address` and `$port` (PECL
/// writes over its by-reference arguments without changing the variables).
fn get_socket_name(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let Some(l) = live(a, rv) else { return Ok(()) };
    let fd = l.st.borrow().fd;
    zv::set_bool(rv, false);
    if fd <= 0 {
        return Ok(());
    }
    let addr = match sk::getsockname(fd) {
        Ok(x) => x,
        Err(e) => {
            warning(&format!("Unable to retreive socket name, errno: {e}"));
            return Ok(());
        }
    };
    let (text, port) = match addr.family() {
        libc::AF_INET | libc::AF_INET6 => {
            let (ip, port) = listen::ntop(&addr).unwrap_or_default();
            (ip.into_bytes(), Some(port))
        }
        libc::AF_UNIX => (addr.unix_path(), None),
        f => {
            warning(&format!("Unsupported address family: {f}"));
            return Ok(());
        }
    };
    if let Some(mut o) = a.out(0) {
        o.set_bytes(&text);
    }
    if let (Some(p), Some(mut o)) = (port, a.out(1)) {
        o.set_long(p as i64);
    }
    zv::set_bool(rv, true);
    Ok(())
}
