//! EventUtil: socket helpers and constants.

use super::{copy, zval_to_fd};
use crate::php::error::{self, warning, PhpResult};
use crate::php::func::{ACC_PUBLIC, ACC_STATIC};
use crate::php::types::{Type, MAY_BE_FALSE};
use crate::php::{class, fd, ffi, zv, Args, FnDef};
use crate::sys::sock::{self, SockName};
use ext_php_rs::ffi::{zend_class_entry, zend_function_entry, zval};

pub(super) fn methods() -> *const zend_function_entry {
    let st = ACC_PUBLIC | ACC_STATIC;
    crate::php::func::table(vec![
        FnDef::new(c"__construct", crate::handler!(ctor)).flags(super::util_private_ctor()),
        FnDef::new(c"getLastSocketErrno", crate::handler!(get_last_socket_errno))
            .flags(st)
            .opt(c"socket", Type::class(c"Socket").nullable(), c"null")
            .ret(Type::INT.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"getLastSocketError", crate::handler!(get_last_socket_error))
            .flags(st)
            .opt(c"socket", Type::MIXED, c"null")
            .ret(Type::STRING.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"sslRandPoll", crate::handler!(ssl_rand_poll)).flags(st).ret(Type::BOOL),
        FnDef::new(c"getSocketName", crate::handler!(get_socket_name))
            .flags(st)
            .arg(c"socket", Type::MIXED)
            .arg_ref(c"address", Type::MIXED)
            .opt_ref(c"port", Type::MIXED, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"getSocketFd", crate::handler!(get_socket_fd)).flags(st).arg(c"socket", Type::MIXED).ret(Type::INT),
        FnDef::new(c"setSocketOption", crate::handler!(set_socket_option))
            .flags(st)
            .arg(c"socket", Type::MIXED)
            .arg(c"level", Type::INT)
            .arg(c"optname", Type::INT)
            .arg(c"optval", Type::MIXED)
            .ret(Type::BOOL),
        FnDef::new(c"createSocket", crate::handler!(create_socket))
            .flags(st)
            .arg(c"fd", Type::INT)
            .ret(Type::class(c"Socket").or(Type::mask(MAY_BE_FALSE))),
    ])
}

pub(super) unsafe fn constants(ce: *mut zend_class_entry) {
    for (n, v) in [
        ("AF_INET", libc::AF_INET as i64),
        ("AF_INET6", libc::AF_INET6 as i64),
        ("AF_UNIX", libc::AF_UNIX as i64),
        ("AF_UNSPEC", libc::AF_UNSPEC as i64),
        ("SO_DEBUG", libc::SO_DEBUG as i64),
        ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
        ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
        ("SO_LINGER", libc::SO_LINGER as i64),
        ("SO_BROADCAST", libc::SO_BROADCAST as i64),
        ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
        ("SO_SNDBUF", libc::SO_SNDBUF as i64),
        ("SO_RCVBUF", libc::SO_RCVBUF as i64),
        ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
        ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
        ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
        ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
        ("SO_TYPE", libc::SO_TYPE as i64),
        ("SO_ERROR", libc::SO_ERROR as i64),
        ("TCP_NODELAY", libc::TCP_NODELAY as i64),
        ("SOL_SOCKET", libc::SOL_SOCKET as i64),
        ("SOL_TCP", libc::IPPROTO_TCP as i64),
        ("SOL_UDP", libc::IPPROTO_UDP as i64),
        ("SOCK_RAW", libc::SOCK_RAW as i64),
        ("IPPROTO_IP", libc::IPPROTO_IP as i64),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
        ("LIBEVENT_VERSION_NUMBER", 33623040),
    ] {
        class::declare_long_const(ce, n, v);
    }
}

fn ctor(_a: &Args, _rv: &mut zval) -> PhpResult {
    Ok(())
}

fn get_last_socket_errno(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    // PECL takes any descriptor (Socket, stream, int) and reports errno.
    let e = error::errno();
    if a.given(0) && zv::type_of(a.zval(0)) != ffi::IS_NULL {
        let f = zval_to_fd(a.zval(0))?;
        if f < 0 {
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    zv::set_long(rv, e as i64);
    Ok(())
}

fn get_last_socket_error(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let e = error::errno();
    if a.given(0) && zv::type_of(a.zval(0)) != ffi::IS_NULL {
        let f = zval_to_fd(a.zval(0))?;
        if f < 0 {
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    zv::set_bytes(rv, error::strerror(e).as_bytes());
    Ok(())
}

fn ssl_rand_poll(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    zv::set_bool(rv, true);
    Ok(())
}

fn get_socket_fd(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let z = zv::deref_mut(a.zval(0));
    // A Socket object's fd is returned as is (-1 once closed).
    if let Some(o) = zv::object(z) {
        if let Some(f) = fd::socket_fd(o) {
            zv::set_long(rv, f as i64);
            return Ok(());
        }
    }
    let f = zval_to_fd(z)?;
    zv::set_long(rv, f as i64);
    Ok(())
}

fn get_socket_name(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let f = zval_to_fd(a.zval(0))?;
    zv::set_bool(rv, false);
    if f < 0 {
        return Ok(());
    }
    let (addr, port): (String, Option<i64>) = match sock::getsockname(f) {
        Err(e) => {
            warning(&format!("Unable to retreive socket name, errno: {e}"));
            return Ok(());
        }
        Ok(SockName::Inet(ip, p)) => (ip.to_string(), Some(p as i64)),
        Ok(SockName::Inet6(ip, p)) => (ip.to_string(), Some(p as i64)),
        Ok(SockName::Unix(path)) => (String::from_utf8_lossy(&path).into_owned(), None),
        Ok(SockName::Other(fam)) => {
            warning(&format!("Unsupported address family: {fam}"));
            return Ok(());
        }
    };
    if let Some(mut o) = a.out(1) {
        o.set_bytes(addr.as_bytes());
    }
    if let (Some(p), Some(mut o)) = (port, a.out(2)) {
        o.set_long(p);
    }
    zv::set_bool(rv, true);
    Ok(())
}

fn set_socket_option(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    // zpp first (PECL's "zllz"), then the descriptor.
    let level = a.long(1)?;
    let opt = a.long(2)?;
    let f = zval_to_fd(a.zval(0))?;
    zv::set_bool(rv, false);
    if f < 0 {
        return Ok(());
    }
    let val = zv::deref_mut(a.zval(3));
    let (lv, op) = (level as i32, opt as i32);
    let ok = match (lv, op) {
        (libc::SOL_SOCKET, libc::SO_LINGER) => {
            // A non-array has no keys: PECL's lookup fails the same way.
            let found = if zv::type_of(val) == ffi::IS_ARRAY {
                zv::hash_find(unsafe { &*val.value.arr }, "l_onoff")
            } else {
                None
            };
            let Some(on) = found else {
                warning("no key \"l_onoff\" passed in optval");
                return Ok(());
            };
            let on = zv::get_long(on);
            let ht = unsafe { &*val.value.arr };
            let Some(ling) = zv::hash_find(ht, "l_linger") else {
                warning("no key \"l_linger\" passed in optval");
                return Ok(());
            };
            sock::set_linger(f, lv, op, on as i32, zv::get_long(ling) as i32)
        }
        (libc::SOL_SOCKET, libc::SO_RCVTIMEO) | (libc::SOL_SOCKET, libc::SO_SNDTIMEO) => {
            let found =
                if zv::type_of(val) == ffi::IS_ARRAY { zv::hash_find(unsafe { &*val.value.arr }, "sec") } else { None };
            let Some(sec) = found else {
                warning("no key \"sec\" passed in optval");
                return Ok(());
            };
            let sec = zv::get_long(sec);
            let ht = unsafe { &*val.value.arr };
            let Some(usec) = zv::hash_find(ht, "usec") else {
                warning("no key \"usec\" passed in optval");
                return Ok(());
            };
            sock::set_timeval(f, lv, op, sec, zv::get_long(usec))
        }
        _ => sock::set_int(f, lv, op, zv::get_long(val) as i32),
    };
    if let Err(e) = ok {
        warning(&format!("Unable to set socket option, errno: {e}"));
        return Ok(());
    }
    zv::set_bool(rv, true);
    Ok(())
}

fn create_socket(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let f = a.long(0)?;
    zv::set_bool(rv, false);
    if f < 0 || f > i32::MAX as i64 {
        warning("Invalid file descriptor");
        return Ok(());
    }
    // socket_import_file_descriptor(): a non-socket warns and still gives a Socket.
    if let Err(e) = sock::getsockname(f as i32) {
        warning(&format!("Unable to obtain socket family [{e}]: {}", error::strerror(e)));
    }
    if !fd::socket_from_fd(f as i32, rv) {
        zv::set_bool(rv, false);
        warning("Failed to create socket");
    }
    let _ = copy;
    Ok(())
}
