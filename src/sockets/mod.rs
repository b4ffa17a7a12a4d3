//! ext/sockets: BSD sockets as final classes Socket and AddressInfo.

mod cmsg;
mod consts;
mod msg;
#[cfg(php83)]
mod since83;
mod stream;

use crate::native_class;
use crate::php::class::{self, NativeClass, ACC_FINAL, ACC_NOT_SERIALIZABLE, ACC_NO_DYNAMIC_PROPERTIES};
use crate::php::error::{self, warning, PhpResult, Thrown};
use crate::php::module::{long_constant, Group};
use crate::php::types::{Type, MAY_BE_ARRAY, MAY_BE_FALSE, MAY_BE_LONG, MAY_BE_NULL, MAY_BE_STRING};
use crate::php::{ffi, zv, Args, FnDef};
use crate::sys::socket::{self as sys, SockAddr};
use ext_php_rs::ffi::zval;
use std::cell::Cell;
use std::os::raw::c_int;

pub static GROUP: Group = Group {
    name: c"sockets",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("Sockets Support".into(), "enabled".into())],
};

pub const PHP_NORMAL_READ: i64 = 1;
pub const PHP_BINARY_READ: i64 = 2;

/// The state behind a Socket object (php_socket in native code).
pub struct Socket {
    pub fd: i32,
    /// Address family ("type" in native code).
    pub family: i32,
    pub error: i32,
    pub blocking: bool,
    /// The stream this socket was imported from / exported to (or UNDEF).
    pub zstream: zval,
}

impl Default for Socket {
    fn default() -> Self {
        Socket { fd: -1, family: libc::AF_UNSPEC, error: 0, blocking: true, zstream: zv::undef() }
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // With a stream, the stream owns the fd (dropping zstream releases it).
        if zv::type_of(&self.zstream) == ffi::IS_UNDEF && self.fd >= 0 {
            sys::close(self.fd);
            self.fd = -1;
        }
    }
}

impl NativeClass for Socket {
    const NAME: &'static std::ffi::CStr = c"Socket";
    const NO_CONSTRUCT: Option<&'static std::ffi::CStr> =
        Some(c"Cannot directly construct Socket, use socket_create() instead");
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        if zv::type_of(&self.zstream) != ffi::IS_UNDEF {
            buf.add(&self.zstream);
        }
    }
}

/// One getaddrinfo result.
#[derive(Default)]
pub struct AddressInfo {
    pub ai: Option<sys::AddrInfo>,
}
native_class!(
    AddressInfo,
    c"AddressInfo",
    no_construct = c"Cannot directly construct AddressInfo, use socket_addrinfo_lookup() instead"
);

impl Socket {
    fn ce() -> class::ClassEntry {
        <Self as NativeClass>::slot().ce()
    }
}

thread_local! {
    static LAST_ERROR: Cell<i32> = const { Cell::new(0) };
}

pub fn set_last_error(e: i32) {
    LAST_ERROR.with(|c| c.set(e));
}

/// sockets_strerror(): resolver errors are encoded below -10000.
pub fn strerror(e: i32) -> String {
    if e < -10000 {
        sys::hstrerror(-e - 10000)
    } else {
        error::strerror(e)
    }
}

/// PHP_SOCKET_ERROR: records the error on the socket and globally and warns,
/// except for the "would block / in progress" results of non-blocking calls.
pub fn sock_error(s: &mut Socket, msg: &str, e: i32) {
    s.error = e;
    set_last_error(e);
    if e != libc::EAGAIN && e != libc::EINPROGRESS {
        warning(&format!("{msg} [{e}]: {}", strerror(e)));
    }
}

/// A global-only error (no socket yet): `msg [errno]: text`.
fn global_error(msg: &str, e: i32) {
    set_last_error(e);
    warning(&format!("{msg} [{e}]: {}", strerror(e)));
}

const SOCKET: Type = Type::class(c"Socket");
const ADDRINFO: Type = Type::class(c"AddressInfo");

fn functions() -> Vec<FnDef> {
    let false_ = Type::mask(MAY_BE_FALSE);
    let bool_ = Type::BOOL;
    vec![
        FnDef::new(c"socket_select", crate::handler!(socket_select))
            .arg_ref(c"read", Type::ARRAY.nullable())
            .arg_ref(c"write", Type::ARRAY.nullable())
            .arg_ref(c"except", Type::ARRAY.nullable())
            .arg(c"seconds", Type::INT.nullable())
            .opt(c"microseconds", Type::INT, c"0")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_create_listen", crate::handler!(socket_create_listen))
            .arg(c"port", Type::INT)
            .opt(c"backlog", Type::INT, crate::php::version::SOCKET_CREATE_LISTEN_BACKLOG.0)
            .ret(SOCKET.or(false_)),
        FnDef::new(c"socket_accept", crate::handler!(socket_accept)).arg(c"socket", SOCKET).ret(SOCKET.or(false_)),
        FnDef::new(c"socket_set_nonblock", crate::handler!(socket_set_nonblock)).arg(c"socket", SOCKET).ret(bool_),
        FnDef::new(c"socket_set_block", crate::handler!(socket_set_block)).arg(c"socket", SOCKET).ret(bool_),
        FnDef::new(c"socket_listen", crate::handler!(socket_listen))
            .arg(c"socket", SOCKET)
            .opt(c"backlog", Type::INT, c"0")
            .ret(bool_),
        FnDef::new(c"socket_close", crate::handler!(socket_close)).arg(c"socket", SOCKET).ret(Type::VOID),
        FnDef::new(c"socket_write", crate::handler!(socket_write))
            .arg(c"socket", SOCKET)
            .arg(c"data", Type::STRING)
            .opt(c"length", Type::INT.nullable(), c"null")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_read", crate::handler!(socket_read))
            .arg(c"socket", SOCKET)
            .arg(c"length", Type::INT)
            .opt(c"mode", Type::INT, c"PHP_BINARY_READ")
            .ret(Type::mask(MAY_BE_STRING | MAY_BE_FALSE)),
        FnDef::new(c"socket_getsockname", crate::handler!(socket_getsockname))
            .arg(c"socket", SOCKET)
            .arg_ref(c"address", Type::NONE)
            .opt_ref(c"port", Type::NONE, c"null")
            .ret(bool_),
        FnDef::new(c"socket_getpeername", crate::handler!(socket_getpeername))
            .arg(c"socket", SOCKET)
            .arg_ref(c"address", Type::NONE)
            .opt_ref(c"port", Type::NONE, c"null")
            .ret(bool_),
        FnDef::new(c"socket_create", crate::handler!(socket_create))
            .arg(c"domain", Type::INT)
            .arg(c"type", Type::INT)
            .arg(c"protocol", Type::INT)
            .ret(SOCKET.or(false_)),
        FnDef::new(c"socket_connect", crate::handler!(socket_connect))
            .arg(c"socket", SOCKET)
            .arg(c"address", Type::STRING)
            .opt(c"port", Type::INT.nullable(), c"null")
            .ret(bool_),
        FnDef::new(c"socket_strerror", crate::handler!(socket_strerror))
            .arg(c"error_code", Type::INT)
            .ret(Type::STRING),
        FnDef::new(c"socket_bind", crate::handler!(socket_bind))
            .arg(c"socket", SOCKET)
            .arg(c"address", Type::STRING)
            .opt(c"port", Type::INT, c"0")
            .ret(bool_),
        FnDef::new(c"socket_recv", crate::handler!(socket_recv))
            .arg(c"socket", SOCKET)
            .arg_ref(c"data", Type::NONE)
            .arg(c"length", Type::INT)
            .arg(c"flags", Type::INT)
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_send", crate::handler!(socket_send))
            .arg(c"socket", SOCKET)
            .arg(c"data", Type::STRING)
            .arg(c"length", Type::INT)
            .arg(c"flags", Type::INT)
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_recvfrom", crate::handler!(socket_recvfrom))
            .arg(c"socket", SOCKET)
            .arg_ref(c"data", Type::NONE)
            .arg(c"length", Type::INT)
            .arg(c"flags", Type::INT)
            .arg_ref(c"address", Type::NONE)
            .opt_ref(c"port", Type::NONE, c"null")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_sendto", crate::handler!(socket_sendto))
            .arg(c"socket", SOCKET)
            .arg(c"data", Type::STRING)
            .arg(c"length", Type::INT)
            .arg(c"flags", Type::INT)
            .arg(c"address", Type::STRING)
            .opt(c"port", Type::INT.nullable(), c"null")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_get_option", crate::handler!(socket_get_option))
            .arg(c"socket", SOCKET)
            .arg(c"level", Type::INT)
            .arg(c"option", Type::INT)
            .ret(Type::mask(MAY_BE_ARRAY | MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_getopt", crate::handler!(socket_get_option))
            .arg(c"socket", SOCKET)
            .arg(c"level", Type::INT)
            .arg(c"option", Type::INT)
            .ret(Type::mask(MAY_BE_ARRAY | MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_set_option", crate::handler!(socket_set_option))
            .arg(c"socket", SOCKET)
            .arg(c"level", Type::INT)
            .arg(c"option", Type::INT)
            .arg(c"value", Type::NONE)
            .ret(bool_),
        FnDef::new(c"socket_setopt", crate::handler!(socket_set_option))
            .arg(c"socket", SOCKET)
            .arg(c"level", Type::INT)
            .arg(c"option", Type::INT)
            .arg(c"value", Type::NONE)
            .ret(bool_),
        FnDef::new(c"socket_create_pair", crate::handler!(socket_create_pair))
            .arg(c"domain", Type::INT)
            .arg(c"type", Type::INT)
            .arg(c"protocol", Type::INT)
            .arg_ref(c"pair", Type::NONE)
            .ret(bool_),
        FnDef::new(c"socket_shutdown", crate::handler!(socket_shutdown))
            .arg(c"socket", SOCKET)
            .opt(c"mode", Type::INT, c"2")
            .ret(bool_),
        #[cfg(php83)]
        since83::atmark_def(SOCKET),
        FnDef::new(c"socket_last_error", crate::handler!(socket_last_error))
            .opt(c"socket", SOCKET.nullable(), c"null")
            .ret(Type::INT),
        FnDef::new(c"socket_clear_error", crate::handler!(socket_clear_error))
            .opt(c"socket", SOCKET.nullable(), c"null")
            .ret(Type::VOID),
        FnDef::new(c"socket_import_stream", crate::handler!(stream::socket_import_stream))
            .arg(c"stream", Type::NONE)
            .ret(SOCKET.or(false_)),
        FnDef::new(c"socket_export_stream", crate::handler!(stream::socket_export_stream)).arg(c"socket", SOCKET),
        FnDef::new(c"socket_sendmsg", crate::handler!(msg::socket_sendmsg))
            .arg(c"socket", SOCKET)
            .arg(c"message", Type::ARRAY)
            .opt(c"flags", Type::INT, c"0")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_recvmsg", crate::handler!(msg::socket_recvmsg))
            .arg(c"socket", SOCKET)
            .arg_ref(c"message", Type::ARRAY)
            .opt(c"flags", Type::INT, c"0")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_FALSE)),
        FnDef::new(c"socket_cmsg_space", crate::handler!(msg::socket_cmsg_space))
            .arg(c"level", Type::INT)
            .arg(c"type", Type::INT)
            .opt(c"num", Type::INT, c"0")
            .ret(Type::mask(MAY_BE_LONG | MAY_BE_NULL)),
        FnDef::new(c"socket_addrinfo_lookup", crate::handler!(socket_addrinfo_lookup))
            .arg(c"host", Type::STRING)
            .opt(c"service", Type::STRING.nullable(), c"null")
            .opt(c"hints", Type::ARRAY, c"[]")
            .ret(Type::mask(MAY_BE_ARRAY | MAY_BE_FALSE)),
        FnDef::new(c"socket_addrinfo_connect", crate::handler!(socket_addrinfo_connect))
            .arg(c"address", ADDRINFO)
            .ret(SOCKET.or(false_)),
        FnDef::new(c"socket_addrinfo_bind", crate::handler!(socket_addrinfo_bind))
            .arg(c"address", ADDRINFO)
            .ret(SOCKET.or(false_)),
        FnDef::new(c"socket_addrinfo_explain", crate::handler!(socket_addrinfo_explain))
            .arg(c"address", ADDRINFO)
            .ret(Type::ARRAY),
    ]
}

/// The fd of one of our Socket objects (for posix/event via php::fd).
fn fd_of(obj: crate::php::zv::ObjRef) -> Option<i32> {
    class::native_of::<Socket>(obj).map(|s| s.fd)
}

/// A Socket object owning `fd` (EventUtil::createSocket), with the family and
/// blocking mode read from the fd as native's socket_import_file_descriptor does.
fn socket_from_fd(fd: i32, rv: &mut zval) -> bool {
    // Like socket_import_file_descriptor(): a descriptor whose family cannot
    // be read still gives a Socket (family AF_UNSPEC, the errno recorded).
    let name = match sys::getsockname(fd) {
        Ok(name) => name,
        Err(e) => {
            let s = new_socket(rv, fd, libc::AF_UNSPEC);
            s.error = e;
            return true;
        }
    };
    // A failed F_GETFL (-1) reads as non-blocking, as the raw call did.
    let (family, nonblocking) = (name.family(), sys::get_flags(fd).unwrap_or(-1) & libc::O_NONBLOCK != 0);
    let s = new_socket(rv, fd, family);
    s.blocking = !nonblocking;
    true
}

fn startup(num: c_int) -> bool {
    let flags = ACC_FINAL | ACC_NO_DYNAMIC_PROPERTIES | ACC_NOT_SERIALIZABLE;
    let ce = unsafe { class::register::<Socket>(std::ptr::null(), std::ptr::null_mut(), flags) };
    unsafe { class::register::<AddressInfo>(std::ptr::null(), std::ptr::null_mut(), flags) };
    let _ = crate::php::fd::OUR_SOCKET.set((ce as usize, fd_of));
    let _ = crate::php::fd::OUR_SOCKET_FROM_FD.set(socket_from_fd);
    for (name, v) in consts::constants() {
        long_constant(name, v, num);
    }
    true
}

// ---------------------------------------------------------------- helpers

/// A Socket argument that must still be open (ENSURE_SOCKET_VALID).
fn sock_arg<'a>(a: &Args<'a>, i: u32) -> PhpResult<&'a mut Socket> {
    a.native::<Socket>(i)
}

fn ensure_open(s: &Socket, arg: u32) -> PhpResult {
    if s.fd < 0 {
        return Err(error::argument_error_plain(arg, "has already been closed"));
    }
    Ok(())
}

/// A C string view: everything up to the first NUL (how native code reads it).
fn cstr(b: &[u8]) -> &[u8] {
    match b.iter().position(|&c| c == 0) {
        Some(p) => &b[..p],
        None => b,
    }
}

/// php_set_inet_addr: dotted quad or host name (gethostbyname).
fn set_inet_addr(s: &mut Socket, addr: &[u8]) -> Option<[u8; 4]> {
    let addr = cstr(addr);
    if let Some(ip) = sys::inet_pton4(addr) {
        return Some(ip);
    }
    match sys::resolve4(addr) {
        Ok(ip) => Some(ip),
        Err(sys::NOT_INET) => {
            warning("Host lookup failed: Non AF_INET domain returned on AF_INET socket");
            None
        }
        Err(h) => {
            sock_error(s, "Host lookup failed", -10000 - h);
            None
        }
    }
}

/// php_set_inet6_addr: IPv6 literal or host name (getaddrinfo), with an
/// optional %scope (numeric or interface name).
fn set_inet6_addr(s: &mut Socket, addr: &[u8]) -> Option<([u8; 16], u32)> {
    let addr = cstr(addr);
    let ip = match sys::inet_pton6(addr) {
        Some(ip) => ip,
        None => {
            let flags = libc::AI_V4MAPPED | libc::AI_ADDRCONFIG;
            match sys::getaddrinfo(addr, None, (flags, 0, 0, libc::AF_INET6)) {
                Ok(list) if !list.is_empty() => {
                    let first = &list[0];
                    if first.family != libc::AF_INET6
                        || first.addr.len as usize != std::mem::size_of::<libc::sockaddr_in6>()
                    {
                        warning("Host lookup failed: Non AF_INET6 domain returned on AF_INET6 socket");
                        return None;
                    }
                    first.addr.as_inet6().0
                }
                _ => {
                    sock_error(s, "Host lookup failed", -10000 - sys::h_errno());
                    return None;
                }
            }
        }
    };
    let mut scope_id = 0u32;
    if let Some(p) = addr.iter().position(|&c| c == b'%') {
        let scope = &addr[p + 1..];
        let text = std::str::from_utf8(scope).unwrap_or("");
        match text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']).parse::<i64>() {
            Ok(l) => {
                if l > 0 && l <= u32::MAX as i64 {
                    scope_id = l as u32;
                }
            }
            Err(_) => {
                scope_id = crate::sys::netif::name_to_index(scope);
            }
        }
    }
    Some((ip, scope_id))
}

fn new_socket(rv: &mut zval, fd: i32, family: i32) -> &'static mut Socket {
    let s = class::instantiate::<Socket>(rv);
    s.fd = fd;
    s.family = family;
    s.error = 0;
    s.blocking = true;
    s
}

fn family_value_error(arg: u32) -> Thrown {
    error::argument_value_error(arg, "must be one of AF_UNIX, AF_INET, or AF_INET6")
}

/// Writes (address, port) of `sa` into the by-ref arguments.
fn assign_name(a: &Args, addr_i: u32, port_i: u32, sa: &SockAddr) -> PhpResult<bool> {
    match sa.family() {
        libc::AF_INET6 => {
            let (ip, port, _) = sa.as_inet6();
            if let Some(mut o) = a.out(addr_i) {
                o.set_bytes(sys::ntop6(ip).as_bytes());
            }
            if let Some(mut o) = a.out(port_i) {
                o.set_long(port as i64);
            }
            Ok(true)
        }
        libc::AF_INET => {
            let (ip, port) = sa.as_inet();
            if let Some(mut o) = a.out(addr_i) {
                o.set_bytes(sys::ntop4(ip).as_bytes());
            }
            if let Some(mut o) = a.out(port_i) {
                o.set_long(port as i64);
            }
            Ok(true)
        }
        libc::AF_UNIX => {
            if let Some(mut o) = a.out(addr_i) {
                o.set_bytes(&sa.unix_path());
            }
            Ok(true)
        }
        _ => Err(family_value_error(1)),
    }
}

// ---------------------------------------------------------------- functions

/// `$type` of socket_create/socket_create_pair: a base type up to 10 (PHP
/// 8.4: OR'ed with SOCK_NONBLOCK/SOCK_CLOEXEC, see since83).
fn check_type(ty: i64) -> PhpResult {
    #[cfg(php83)]
    return since83::check_type(ty);
    #[cfg(not(php83))]
    if ty > 10 {
        return Err(error::argument_value_error(
            2,
            "must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM",
        ));
    }
    #[cfg(not(php83))]
    Ok(())
}

fn socket_create(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let domain = a.long(0)?;
    let ty = a.long(1)?;
    let proto = a.long(2)?;
    if domain != libc::AF_UNIX as i64 && domain != libc::AF_INET6 as i64 && domain != libc::AF_INET as i64 {
        return Err(error::argument_value_error(1, "must be one of AF_UNIX, AF_INET6, or AF_INET"));
    }
    check_type(ty)?;
    match sys::socket(domain as i32, ty as i32, proto as i32) {
        Ok(fd) => {
            new_socket(rv, fd, domain as i32);
        }
        Err(e) => {
            global_error("Unable to create socket", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_create_listen(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let port = a.long(0)?;
    let backlog = a.long_or(1, crate::php::version::SOCKET_CREATE_LISTEN_BACKLOG.1)?;
    zv::set_bool(rv, false);
    let fd = match sys::socket(libc::AF_INET, libc::SOCK_STREAM, 0) {
        Ok(fd) => fd,
        Err(e) => {
            global_error("unable to create listening socket", e);
            return Ok(());
        }
    };
    let sa = SockAddr::inet([0, 0, 0, 0], port as u16);
    if let Err(e) = sys::bind(fd, &sa) {
        global_error("unable to bind to given address", e);
        sys::close(fd);
        return Ok(());
    }
    if let Err(e) = sys::listen(fd, backlog as i32) {
        global_error("unable to listen on socket", e);
        sys::close(fd);
        return Ok(());
    }
    new_socket(rv, fd, libc::AF_INET);
    Ok(())
}

fn socket_accept(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = sock_arg(a, 0)?;
    ensure_open(s, 1)?;
    match sys::accept(s.fd) {
        Ok((fd, sa)) => {
            new_socket(rv, fd, sa.family());
        }
        Err(e) => {
            // Native records it on the (discarded) new socket: only the global changes.
            set_last_error(e);
            if e != libc::EAGAIN && e != libc::EINPROGRESS {
                warning(&format!("unable to accept incoming connection [{e}]: {}", strerror(e)));
            }
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn set_blocking(a: &Args, rv: &mut zval, block: bool) -> PhpResult {
    a.count(1, 1)?;
    let s = sock_arg(a, 0)?;
    ensure_open(s, 1)?;
    if let Some(st) = crate::php::fd::stream_of(&s.zstream) {
        // PHP_STREAM_OPTION_BLOCKING: the stream keeps its own state in sync.
        if st.set_option(crate::php::stream::OPTION_BLOCKING, block as c_int) != -1 {
            s.blocking = block;
            zv::set_bool(rv, true);
            return Ok(());
        }
    }
    match sys::set_nonblocking(s.fd, !block) {
        Ok(()) => {
            s.blocking = block;
            zv::set_bool(rv, true);
        }
        Err(e) => {
            sock_error(s, if block { "unable to set blocking mode" } else { "unable to set nonblocking mode" }, e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_set_nonblock(a: &Args, rv: &mut zval) -> PhpResult {
    set_blocking(a, rv, false)
}

fn socket_set_block(a: &Args, rv: &mut zval) -> PhpResult {
    set_blocking(a, rv, true)
}

fn socket_listen(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let s = sock_arg(a, 0)?;
    let backlog = a.long_or(1, 0)?;
    ensure_open(s, 1)?;
    match sys::listen(s.fd, backlog as i32) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => {
            sock_error(s, "unable to listen on socket", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_close(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = sock_arg(a, 0)?;
    ensure_open(s, 1)?;
    zv::set_null(rv);
    if zv::type_of(&s.zstream) != ffi::IS_UNDEF {
        if let Some(st) = crate::php::fd::stream_of(&s.zstream) {
            stream::close_stream(st);
        }
        zv::dtor(&mut s.zstream);
    } else if s.fd >= 0 {
        sys::close(s.fd);
    }
    s.fd = -1;
    Ok(())
}

fn socket_write(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let data = a.bytes(1)?;
    let length = a.long_or_null(2)?;
    ensure_open(s, 1)?;
    if let Some(l) = length {
        if l < 0 {
            return Err(error::argument_value_error(3, "must be greater than or equal to 0"));
        }
    }
    let n = length.map_or(data.len(), |l| (l as u64).min(data.len() as u64) as usize);
    match sys::write(s.fd, &data[..n]) {
        Ok(w) => zv::set_long(rv, w as i64),
        Err(e) => {
            sock_error(s, "unable to write to socket", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

/// php_read: reads byte by byte up to and including '\n' or '\r', with
/// native's quirks (a non-blocking socket returns what it has; 200 empty
/// reads give ECONNRESET).
fn php_read(fd: i32, buf: &mut [u8], flags: i32) -> Result<usize, i32> {
    let fl = sys::get_flags(fd)?;
    let nonblock = fl & libc::O_NONBLOCK != 0;
    let maxlen = buf.len();
    let mut m: isize = 0;
    let mut n = 0usize;
    let mut no_read = 0;
    let mut t = 0usize; // index of the current byte
    buf[0] = 0;
    loop {
        let cur = buf[t];
        if cur == b'\n' || cur == b'\r' || n >= maxlen {
            break;
        }
        if m > 0 {
            t += 1;
            n += 1;
        } else if m == 0 {
            no_read += 1;
            if nonblock && no_read >= 2 {
                return Ok(n);
            }
            if no_read > 200 {
                return Err(libc::ECONNRESET);
            }
        }
        let mut err = 0;
        if n < maxlen {
            match sys::recv(fd, &mut buf[t..t + 1], flags) {
                Ok(r) => m = r as isize,
                Err(e) => {
                    m = -1;
                    err = e;
                }
            }
        }
        if err != 0 && err != libc::ESPIPE && err != libc::EAGAIN {
            return Err(err);
        }
        if err == libc::EAGAIN && nonblock {
            // Native spins here (100% CPU) until data arrives; return
            // what we have instead, like a non-blocking read should.
            return if n == 0 { Err(libc::EAGAIN) } else { Ok(n) };
        }
        if t >= maxlen {
            break;
        }
    }
    if n < maxlen {
        n += 1;
    }
    Ok(n)
}

fn socket_read(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let length = a.long(1)?;
    let mode = a.long_or(2, PHP_BINARY_READ)?;
    ensure_open(s, 1)?;
    // PHP 8.2's check is `(length + 1) < 2`; the compiled extension treats
    // the signed overflow at PHP_INT_MAX as `length < 1` and goes on to
    // allocate (a memory-limit fatal error), so this does too; 8.4 refuses it.
    if length < 1 || (crate::php::version::RECV_MAX_LENGTH_FAILS && length == i64::MAX) {
        zv::set_bool(rv, false);
        return Ok(());
    }
    let mut buf = zv::StrBuf::new(length as usize);
    let r = if mode == PHP_NORMAL_READ {
        // The loop may look at the byte after the last one read: keep it defined.
        php_read(s.fd, buf.zeroed(), 0).inspect(|&n| buf.truncate(n))
    } else {
        buf.fill(|b| sys::recv_uninit(s.fd, b, 0).map(|got| (got, ()))).map(|(n, ())| n)
    };
    match r {
        Err(e) => {
            if e == libc::EAGAIN || e == libc::EINPROGRESS {
                s.error = e;
                set_last_error(e);
            } else {
                sock_error(s, "unable to read from socket", e);
            }
            zv::set_bool(rv, false);
        }
        Ok(0) => zv::set_bytes(rv, b""),
        Ok(_) => buf.set(rv),
    }
    Ok(())
}

fn name_common(a: &Args, rv: &mut zval, peer: bool) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    ensure_open(s, 1)?;
    let r = if peer { sys::getpeername(s.fd) } else { sys::getsockname(s.fd) };
    match r {
        Ok(sa) => {
            let ok = assign_name(a, 1, 2, &sa)?;
            zv::set_bool(rv, ok);
        }
        Err(e) => {
            sock_error(s, if peer { "unable to retrieve peer name" } else { "unable to retrieve socket name" }, e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_getsockname(a: &Args, rv: &mut zval) -> PhpResult {
    name_common(a, rv, false)
}

fn socket_getpeername(a: &Args, rv: &mut zval) -> PhpResult {
    name_common(a, rv, true)
}

/// Builds the destination address for connect/bind/sendto.
/// Ok(None): a lookup failed (warning already given).
fn unix_addr(addr: &[u8], arg: u32) -> PhpResult<SockAddr> {
    if addr.len() >= 108 {
        return Err(error::argument_value_error(arg, "must be less than 108"));
    }
    Ok(SockAddr::unix(addr, addr.len()))
}

fn socket_connect(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let addr = a.bytes(1)?;
    let port = a.long_or_null(2)?;
    ensure_open(s, 1)?;
    zv::set_bool(rv, false);
    let sa = match s.family {
        libc::AF_INET6 => {
            let Some(port) = port else {
                return Err(error::argument_value_error(3, "cannot be null when the socket type is AF_INET6"));
            };
            let Some((ip, scope)) = set_inet6_addr(s, addr) else { return Ok(()) };
            SockAddr::inet6(ip, port as u16, scope)
        }
        libc::AF_INET => {
            let Some(port) = port else {
                return Err(error::argument_value_error(3, "cannot be null when the socket type is AF_INET"));
            };
            let Some(ip) = set_inet_addr(s, addr) else { return Ok(()) };
            SockAddr::inet(ip, port as u16)
        }
        libc::AF_UNIX => unix_addr(addr, 2)?,
        _ => return Err(family_value_error(1)),
    };
    match sys::connect(s.fd, &sa) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => sock_error(s, "unable to connect", e),
    }
    Ok(())
}

fn socket_strerror(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let e = a.long(0)?;
    if e < i32::MIN as i64 || e > i32::MAX as i64 {
        return Err(error::argument_value_error(1, "must be between -2147483648 and 2147483647"));
    }
    zv::set_bytes(rv, strerror(e as i32).as_bytes());
    Ok(())
}

fn socket_bind(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let addr = a.bytes(1)?;
    let port = a.long_or(2, 0)?;
    ensure_open(s, 1)?;
    zv::set_bool(rv, false);
    let sa = match s.family {
        libc::AF_UNIX => unix_addr(addr, 2)?,
        libc::AF_INET => {
            let Some(ip) = set_inet_addr(s, addr) else { return Ok(()) };
            SockAddr::inet(ip, port as u16)
        }
        libc::AF_INET6 => {
            let Some((ip, scope)) = set_inet6_addr(s, addr) else { return Ok(()) };
            SockAddr::inet6(ip, port as u16, scope)
        }
        _ => return Err(family_value_error(1)),
    };
    match sys::bind(s.fd, &sa) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => sock_error(s, "Unable to bind address", e),
    }
    Ok(())
}

fn socket_recv(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    let s = sock_arg(a, 0)?;
    let len = a.long(2)?;
    let flags = a.long(3)?;
    ensure_open(s, 1)?;
    // As socket_read: PHP_INT_MAX reaches the allocation on 8.2, as natively.
    if len < 1 || (crate::php::version::RECV_MAX_LENGTH_FAILS && len == i64::MAX) {
        zv::set_bool(rv, false);
        return Ok(());
    }
    let mut buf = zv::StrBuf::new(len as usize);
    let r = buf.fill(|b| sys::recv_uninit(s.fd, b, flags as i32).map(|got| (got, ()))).map(|(n, ())| n);
    match r {
        Ok(n) if n >= 1 => {
            let z = buf.into_zval();
            if let Some(mut o) = a.out(1) {
                o.set_zval(z);
            }
            zv::set_long(rv, n as i64);
        }
        _ => {
            drop(buf);
            if let Some(mut o) = a.out(1) {
                o.set_null();
            }
            match r {
                Err(e) => {
                    sock_error(s, "Unable to read from socket", e);
                    zv::set_bool(rv, false);
                }
                Ok(n) => zv::set_long(rv, n as i64),
            }
        }
    }
    Ok(())
}

fn socket_send(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    let s = sock_arg(a, 0)?;
    let data = a.bytes(1)?;
    let len = a.long(2)?;
    let flags = a.long(3)?;
    ensure_open(s, 1)?;
    if len < 0 {
        return Err(error::argument_value_error(3, "must be greater than or equal to 0"));
    }
    let n = (len as u64).min(data.len() as u64) as usize;
    match sys::send(s.fd, &data[..n], flags as i32) {
        Ok(w) => zv::set_long(rv, w as i64),
        Err(e) => {
            sock_error(s, "Unable to write to socket", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_recvfrom(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(5, 6)?;
    let s = sock_arg(a, 0)?;
    let len = a.long(2)?;
    let flags = a.long(3)?;
    ensure_open(s, 1)?;
    if len.wrapping_add(2) < 3 {
        zv::set_bool(rv, false);
        return Ok(());
    }
    let (addr_len, lower) = match s.family {
        libc::AF_UNIX => (std::mem::size_of::<libc::sockaddr_un>(), false),
        libc::AF_INET => (std::mem::size_of::<libc::sockaddr_in>(), false),
        libc::AF_INET6 => (std::mem::size_of::<libc::sockaddr_in6>(), true),
        _ => return Err(family_value_error(1)),
    };
    if s.family != libc::AF_UNIX && !a.given(5) {
        return Err(error::wrong_param_count());
    }
    let mut buf = zv::StrBuf::new(len as usize);
    match buf.fill(|b| sys::recvfrom(s.fd, b, flags as i32, addr_len)) {
        Err(e) => {
            drop(buf);
            sock_error(s, if lower { "unable to recvfrom" } else { "Unable to recvfrom" }, e);
            zv::set_bool(rv, false);
        }
        Ok((n, sa)) => {
            let z = buf.into_zval();
            if let Some(mut o) = a.out(1) {
                o.set_zval(z);
            }
            match s.family {
                libc::AF_UNIX => {
                    if let Some(mut o) = a.out(4) {
                        o.set_bytes(&sa.unix_path());
                    }
                }
                libc::AF_INET => {
                    let (ip, port) = sa.as_inet();
                    if let Some(mut o) = a.out(4) {
                        o.set_bytes(sys::ntop4(ip).as_bytes());
                    }
                    if let Some(mut o) = a.out(5) {
                        o.set_long(port as i64);
                    }
                }
                _ => {
                    let (ip, port, _) = sa.as_inet6();
                    if let Some(mut o) = a.out(4) {
                        o.set_bytes(sys::ntop6(ip).as_bytes());
                    }
                    if let Some(mut o) = a.out(5) {
                        o.set_long(port as i64);
                    }
                }
            }
            zv::set_long(rv, n as i64);
        }
    }
    Ok(())
}

fn socket_sendto(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(5, 6)?;
    let s = sock_arg(a, 0)?;
    let data = a.bytes(1)?;
    let len = a.long(2)?;
    let flags = a.long(3)?;
    let addr = a.bytes(4)?;
    let port = a.long_or_null(5)?;
    ensure_open(s, 1)?;
    if len < 0 {
        return Err(error::argument_value_error(3, "must be greater than or equal to 0"));
    }
    zv::set_bool(rv, false);
    let sa = match s.family {
        libc::AF_UNIX => {
            // snprintf("%s") into sun_path: stops at NUL, truncated to 107 bytes.
            let p = cstr(addr);
            let p = &p[..p.len().min(107)];
            SockAddr::unix(p, p.len())
        }
        libc::AF_INET => {
            let Some(port) = port else {
                return Err(error::argument_value_error(6, "cannot be null when the socket type is AF_INET"));
            };
            let Some(ip) = set_inet_addr(s, addr) else { return Ok(()) };
            SockAddr::inet(ip, port as u16)
        }
        libc::AF_INET6 => {
            let Some(port) = port else {
                return Err(error::argument_value_error(6, "cannot be null when the socket type is AF_INET6"));
            };
            let Some((ip, scope)) = set_inet6_addr(s, addr) else { return Ok(()) };
            SockAddr::inet6(ip, port as u16, scope)
        }
        _ => return Err(family_value_error(1)),
    };
    let n = (len as u64).min(data.len() as u64) as usize;
    match sys::sendto(s.fd, &data[..n], flags as i32, &sa) {
        Ok(w) => zv::set_long(rv, w as i64),
        Err(e) => sock_error(s, "Unable to write to socket", e),
    }
    Ok(())
}

fn get_int_opt(fd: i32, level: i32, opt: i32) -> Result<(i32, usize), i32> {
    let mut b = [0u8; 4];
    let n = sys::getsockopt(fd, level, opt, &mut b)?;
    Ok((i32::from_ne_bytes(b), n))
}

fn socket_get_option(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let s = sock_arg(a, 0)?;
    let level = a.long(1)?;
    let opt = a.long(2)?;
    ensure_open(s, 1)?;
    let (lv, op) = (level as i32, opt as i32);
    let fail = |s: &mut Socket, rv: &mut zval, e: i32| {
        sock_error(s, "Unable to retrieve socket option", e);
        zv::set_bool(rv, false);
    };
    if level == libc::IPPROTO_IP as i64 && opt == libc::IP_MULTICAST_IF as i64 {
        let mut b = [0u8; 4];
        match sys::getsockopt(s.fd, lv, op, &mut b) {
            Err(e) => fail(s, rv, e),
            Ok(_) => match msg::addr4_to_if_index(s, b) {
                Some(i) => zv::set_long(rv, i as i64),
                None => zv::set_bool(rv, false),
            },
        }
        return Ok(());
    }
    if level == libc::IPPROTO_IPV6 as i64 && opt == libc::IPV6_PKTINFO as i64 {
        // php_do_getsockopt_ipv6_rfc3542: in6_pktinfo as an array.
        let mut b = [0u8; 20];
        match sys::getsockopt(s.fd, lv, op, &mut b) {
            Err(e) => {
                sock_error(s, "unable to get socket option", e);
                zv::set_bool(rv, false);
            }
            Ok(_) => *rv = msg::pktinfo_array(&b),
        }
        return Ok(());
    }
    if level == libc::IPPROTO_TCP as i64 && opt == libc::TCP_CONGESTION as i64 {
        let mut name = [0u8; 16];
        match sys::getsockopt(s.fd, lv, op, &mut name) {
            Err(e) => fail(s, rv, e),
            Ok(_) => {
                let mut arr = zv::Array::new(1);
                arr.set_bytes("name", cstr(&name));
                *rv = arr.into_zval();
            }
        }
        return Ok(());
    }
    if level == libc::SOL_SOCKET as i64 {
        match op {
            libc::SO_LINGER => {
                let mut b = [0u8; 8];
                match sys::getsockopt(s.fd, lv, op, &mut b) {
                    Err(e) => fail(s, rv, e),
                    Ok(_) => {
                        let mut arr = zv::Array::new(2);
                        arr.set_long("l_onoff", crate::sys::ne_i32(&b[0..4]) as i64);
                        arr.set_long("l_linger", crate::sys::ne_i32(&b[4..8]) as i64);
                        *rv = arr.into_zval();
                    }
                }
                return Ok(());
            }
            libc::SO_RCVTIMEO | libc::SO_SNDTIMEO => {
                let mut b = [0u8; 16];
                match sys::getsockopt(s.fd, lv, op, &mut b) {
                    Err(e) => fail(s, rv, e),
                    Ok(_) => {
                        let mut arr = zv::Array::new(2);
                        arr.set_long("sec", crate::sys::ne_i64(&b[0..8]));
                        arr.set_long("usec", crate::sys::ne_i64(&b[8..16]));
                        *rv = arr.into_zval();
                    }
                }
                return Ok(());
            }
            55 /* SO_MEMINFO */ => {
                let mut b = [0u8; 36];
                match sys::getsockopt(s.fd, lv, op, &mut b) {
                    Err(e) => fail(s, rv, e),
                    Ok(n) if n != 36 => {
                        warning("Unable to retrieve all socket meminfo data");
                        zv::set_bool(rv, false);
                    }
                    Ok(_) => {
                        let v = |i: usize| crate::sys::ne_u32(&b[i * 4..i * 4 + 4]) as i64;
                        let mut arr = zv::Array::new(9);
                        for (i, k) in ["rmem_alloc", "rcvbuf", "wmem_alloc", "sndbuf", "fwd_alloc", "wmem_queued", "optmem", "backlog", "drops"]
                            .iter()
                            .enumerate()
                        {
                            arr.set_long(k, v(i));
                        }
                        *rv = arr.into_zval();
                    }
                }
                return Ok(());
            }
            _ => {}
        }
    }
    match get_int_opt(s.fd, lv, op) {
        Err(e) => fail(s, rv, e),
        Ok((v, n)) => {
            let v = if n == 1 { (v as u32 & 0xff) as i32 } else { v };
            zv::set_long(rv, v as i64);
        }
    }
    Ok(())
}

/// convert_to_long on a copy (native converts in place; the caller's value
/// is left alone here).
pub fn to_long(z: &zval) -> i64 {
    zv::converted_long(z)
}

/// convert_to_array on a copy.
fn to_array(z: &zval) -> zval {
    zv::converted_array(z)
}

fn socket_set_option(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    let s = sock_arg(a, 0)?;
    let level = a.long(1)?;
    let opt = a.long(2)?;
    let val = a.zval(3);
    ensure_open(s, 1)?;
    zv::set_bool(rv, false);
    let (lv, op) = (level as i32, opt as i32);
    let mut buf: Vec<u8>;
    let mut skip_named = false;
    if level == libc::IPPROTO_IP as i64 {
        match msg::setsockopt_ip_mcast(s, lv, op, val)? {
            msg::Sub::Done(ok) => {
                zv::set_bool(rv, ok);
                return Ok(());
            }
            msg::Sub::Default => skip_named = true,
        }
    } else if level == libc::IPPROTO_IPV6 as i64 {
        match msg::setsockopt_ipv6(s, lv, op, val)? {
            msg::Sub::Done(ok) => {
                zv::set_bool(rv, ok);
                return Ok(());
            }
            msg::Sub::Default => skip_named = true,
        }
    }
    if level == libc::IPPROTO_TCP as i64 && opt == libc::TCP_CONGESTION as i64 {
        let b: &[u8] = zv::string_of(val).unwrap_or(b"");
        match sys::setsockopt(s.fd, lv, op, b) {
            Ok(()) => zv::set_bool(rv, true),
            Err(e) => sock_error(s, "Unable to set socket option", e),
        }
        return Ok(());
    }
    #[cfg(php83)]
    if !skip_named {
        match since83::set_option(op, val)? {
            since83::SetOpt::Default => {}
            since83::SetOpt::Done => return Ok(()),
            since83::SetOpt::Set(optname, b) => {
                match sys::setsockopt(s.fd, lv, optname, &b) {
                    Ok(()) => zv::set_bool(rv, true),
                    Err(e) => sock_error(s, "Unable to set socket option", e),
                }
                return Ok(());
            }
        }
    }
    let named = if skip_named { -1 } else { op };
    match named {
        libc::SO_LINGER | libc::SO_RCVTIMEO | libc::SO_SNDTIMEO => {
            let (k1, k2) = if named == libc::SO_LINGER { ("l_onoff", "l_linger") } else { ("sec", "usec") };
            let arr = to_array(val);
            let Some(ht) = zv::as_array(&arr) else { return Err(Thrown) };
            let Some(v1) = zv::hash_find(ht, k1) else {
                return Err(error::argument_value_error(4, &format!("must have key \"{k1}\"")));
            };
            let Some(v2) = zv::hash_find(ht, k2) else {
                return Err(error::argument_value_error(4, &format!("must have key \"{k2}\"")));
            };
            let l1 = to_long(v1);
            let l2 = to_long(v2);
            if named == libc::SO_LINGER {
                buf = Vec::with_capacity(8);
                buf.extend_from_slice(&((l1 as u16) as i32).to_ne_bytes());
                buf.extend_from_slice(&((l2 as u16) as i32).to_ne_bytes());
            } else {
                buf = Vec::with_capacity(16);
                buf.extend_from_slice(&l1.to_ne_bytes());
                buf.extend_from_slice(&l2.to_ne_bytes());
            }
        }
        libc::SO_BINDTODEVICE => {
            buf = zv::string_of(val).unwrap_or(b"").to_vec();
        }
        _ => {
            let v = to_long(val) as i32;
            buf = v.to_ne_bytes().to_vec();
        }
    }
    // Like native, a conversion warning turned into an exception by an
    // error handler does not stop the setsockopt() (its value is set).
    match sys::setsockopt(s.fd, lv, op, &buf) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => sock_error(s, "Unable to set socket option", e),
    }
    Ok(())
}

fn socket_create_pair(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    let domain = a.long(0)?;
    let ty = a.long(1)?;
    let proto = a.long(2)?;
    if domain != libc::AF_INET as i64 && domain != libc::AF_INET6 as i64 && domain != libc::AF_UNIX as i64 {
        return Err(error::argument_value_error(1, "must be one of AF_UNIX, AF_INET6, or AF_INET"));
    }
    check_type(ty)?;
    // Both objects exist before socketpair(), as in native code (object
    // handles are then handed out and recycled in the same order).
    let mut objs = [zv::undef(), zv::undef()];
    for z in objs.iter_mut() {
        new_socket(z, -1, domain as i32);
    }
    match sys::socketpair(domain as i32, ty as i32, proto as i32) {
        Err(e) => {
            set_last_error(e);
            warning(&format!("Unable to create socket pair [{e}]: {}", strerror(e)));
            let [a0, a1] = objs;
            drop(a0);
            drop(a1);
            zv::set_bool(rv, false);
        }
        Ok(fds) => {
            let mut arr = zv::Array::new(2);
            for (i, (z, fd)) in objs.into_iter().zip(fds).enumerate() {
                if let Some(s) = zv::object_of(&z).and_then(class::native_of::<Socket>) {
                    s.fd = fd;
                }
                arr.index_set(i as u64, z);
            }
            if let Some(mut o) = a.out(3) {
                o.set_array(arr.into_zval());
            }
            if error::has_exception() {
                return Err(Thrown);
            }
            zv::set_bool(rv, true);
        }
    }
    Ok(())
}

fn socket_shutdown(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let s = sock_arg(a, 0)?;
    let how = a.long_or(1, 2)?;
    ensure_open(s, 1)?;
    match sys::shutdown(s.fd, how as i32) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => {
            sock_error(s, "Unable to shutdown socket", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_last_error(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    match a.native_or_null::<Socket>(0)? {
        Some(s) => {
            ensure_open(s, 1)?;
            zv::set_long(rv, s.error as i64);
        }
        None => zv::set_long(rv, LAST_ERROR.with(|c| c.get()) as i64),
    }
    Ok(())
}

fn socket_clear_error(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    zv::set_null(rv);
    match a.native_or_null::<Socket>(0)? {
        Some(s) => {
            ensure_open(s, 1)?;
            s.error = 0;
        }
        None => set_last_error(0),
    }
    Ok(())
}

// ---------------------------------------------------------------- select

fn socket_select(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 5)?;
    let sets = [a.array_or_null(0)?, a.array_or_null(1)?, a.array_or_null(2)?];
    let sec = a.long_or_null(3)?;
    let usec = a.long_or(4, 0)?;
    // The read/write/except wishes are merged per fd.
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    // fd -> 1 + index into pfds (0: not seen), reused between calls.
    let mut idx = SELECT_INDEX.with(|c| std::mem::take(&mut *c.borrow_mut()));
    let r = select_inner(a, rv, sets, sec, usec, &mut pfds, &mut idx);
    for p in &pfds {
        idx[p.fd as usize] = 0;
    }
    SELECT_INDEX.with(|c| *c.borrow_mut() = idx);
    r
}

thread_local! {
    static SELECT_INDEX: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[allow(clippy::too_many_arguments)]
fn select_inner(
    a: &Args,
    rv: &mut zval,
    sets: [Option<&ext_php_rs::ffi::HashTable>; 3],
    sec: Option<i64>,
    usec: i64,
    pfds: &mut Vec<libc::pollfd>,
    idx: &mut Vec<u32>,
) -> PhpResult {
    let sce = Socket::ce();
    let mut nonempty = 0;
    for (n, set) in sets.iter().enumerate() {
        let Some(ht) = set else { continue };
        let mut count = 0;
        let mut bad: Option<Thrown> = None;
        zv::hash_each(ht, |_, el| {
            let el = zv::deref_mut(el);
            if zv::object_ce(el) != Some(sce) {
                let tn = zv::type_name(el);
                bad = Some(error::argument_type_error(
                    n as u32 + 1,
                    &format!("must only have elements of type Socket, {tn} given"),
                ));
                return false;
            }
            let Some(s) = zv::object(el).and_then(class::native_of::<Socket>) else { return true };
            if s.fd < 0 {
                bad = Some(error::argument_type_error(n as u32 + 1, "contains a closed socket"));
                return false;
            }
            let ev = match n {
                0 => libc::POLLIN,
                1 => libc::POLLOUT,
                _ => libc::POLLPRI,
            };
            let fd = s.fd as usize;
            if idx.len() <= fd {
                idx.resize(fd + 1, 0);
            }
            if idx[fd] == 0 {
                pfds.push(libc::pollfd { fd: s.fd, events: 0, revents: 0 });
                idx[fd] = pfds.len() as u32;
            }
            pfds[idx[fd] as usize - 1].events |= ev;
            count += 1;
            true
        });
        if let Some(t) = bad {
            return Err(t);
        }
        if count > 0 {
            nonempty += 1;
        }
    }
    if nonempty == 0 {
        return Err(error::value_error("socket_select(): At least one array argument must be passed"));
    }
    let timeout = sec.map(|sec| {
        let (s, u) = if usec > 999_999 { (sec.wrapping_add(usec / 1_000_000), usec % 1_000_000) } else { (sec, usec) };
        (s, u.wrapping_mul(1000))
    });
    if let Some((s, ns)) = timeout {
        if s < 0 || !(0..1_000_000_000).contains(&ns) {
            set_last_error(libc::EINVAL);
            warning(&format!("Unable to select [{}]: {}", libc::EINVAL, strerror(libc::EINVAL)));
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    // select(2) like native while every fd fits in an fd_set; poll(2) beyond
    // FD_SETSIZE, where native gives up.
    let small = pfds.iter().all(|p| (p.fd as usize) < libc::FD_SETSIZE);
    let r = if small { sys::select(pfds, timeout.map(|(s, ns)| (s, ns / 1000))) } else { sys::poll(pfds, timeout) };
    if let Err(e) = r {
        set_last_error(e);
        warning(&format!("Unable to select [{e}]: {}", strerror(e)));
        zv::set_bool(rv, false);
        return Ok(());
    }
    // select(2) semantics: readable on data/EOF/error, writable on
    // space/error, exceptional on priority data. The answer for each fd
    // goes into its idx slot as bits 0..2 (bit 8 keeps the slot non-zero).
    let mut per_set = [0i64; 3];
    for p in pfds.iter() {
        let r = p.revents;
        let mut bits = 0x100u32;
        if p.events & libc::POLLIN != 0 && r & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0 {
            bits |= 1;
            per_set[0] += 1;
        }
        if p.events & libc::POLLOUT != 0 && r & (libc::POLLOUT | libc::POLLERR) != 0 {
            bits |= 2;
            per_set[1] += 1;
        }
        if p.events & libc::POLLPRI != 0 && r & libc::POLLPRI != 0 {
            bits |= 4;
            per_set[2] += 1;
        }
        idx[p.fd as usize] = bits;
    }
    let total = per_set.iter().sum::<i64>();
    for n in 0..3u32 {
        if sets[n as usize].is_none() {
            continue;
        }
        // Re-read the argument: the same array may be passed twice by
        // reference, and writing an earlier set replaced it (native reads
        // the new value too).
        let Some(ht) = zv::as_array(a.zval(n)) else { continue };
        let mut out = zv::Array::new(0);
        if per_set[n as usize] > 0 {
            let bit = 1u32 << n;
            zv::hash_each(ht, |k, el| {
                let d = zv::deref_mut(el);
                if zv::object_ce(d) != Some(sce) {
                    return true;
                }
                let Some(s) = zv::object(d).and_then(class::native_of::<Socket>) else { return true };
                let fd = s.fd as usize;
                if s.fd >= 0 && fd < idx.len() && idx[fd] & bit != 0 {
                    out.insert(k, zv::copy(d));
                }
                true
            });
        }
        if let Some(mut o) = a.out(n) {
            o.set_zval(out.into_zval());
        } else {
            drop(out.into_zval());
        }
    }
    zv::set_long(rv, total);
    Ok(())
}

// ---------------------------------------------------------------- addrinfo

fn socket_addrinfo_lookup(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 3)?;
    let host = a.bytes(0)?;
    let service = a.bytes_or_null(1)?;
    let mut hints = (0i32, 0i32, 0i32, 0i32);
    if a.given(2) {
        let ht = a.array(2)?;
        if !zv::is_packed(ht) {
            let mut bad = false;
            for (k, v) in zv::snapshot(ht) {
                if let Some(key) = k {
                    let val = zv::get_long(&v) as i32;
                    match &key[..] {
                        b"ai_flags" => hints.0 = val,
                        b"ai_socktype" => hints.1 = val,
                        b"ai_protocol" => hints.2 = val,
                        b"ai_family" => hints.3 = val,
                        _ => {
                            bad = true;
                            break;
                        }
                    }
                }
            }
            if bad {
                return Err(error::argument_value_error(
                    3,
                    "must only contain array keys \"ai_flags\", \"ai_socktype\", \"ai_protocol\", or \"ai_family\"",
                ));
            }
        }
    }
    match sys::getaddrinfo(cstr(host), service.map(cstr), hints) {
        Err(_) => zv::set_bool(rv, false),
        Ok(list) => {
            let mut arr = zv::Array::new(list.len() as u32);
            for ai in list {
                if ai.family == libc::AF_UNSPEC {
                    continue;
                }
                let mut z = zv::undef();
                let obj = class::instantiate::<AddressInfo>(&mut z);
                obj.ai = Some(ai);
                arr.push(z);
            }
            *rv = arr.into_zval();
        }
    }
    Ok(())
}

fn addrinfo_arg<'a>(a: &Args<'a>) -> PhpResult<&'a sys::AddrInfo> {
    let d = a.native::<AddressInfo>(0)?;
    match &d.ai {
        Some(ai) => Ok(ai),
        None => Err(error::error("AddressInfo is not initialized")),
    }
}

fn addrinfo_socket(a: &Args, rv: &mut zval, connect: bool) -> PhpResult {
    a.count(1, 1)?;
    let ai = addrinfo_arg(a)?;
    let fd = match sys::socket(ai.family, ai.socktype, ai.protocol) {
        Ok(fd) => fd,
        Err(e) => {
            global_error("Unable to create socket", e);
            zv::set_bool(rv, false);
            return Ok(());
        }
    };
    match ai.family {
        libc::AF_UNIX => {
            sys::close(fd);
            zv::set_bool(rv, false);
            return Ok(());
        }
        libc::AF_INET | libc::AF_INET6 => {}
        _ => {
            sys::close(fd);
            return Err(error::argument_value_error(
                1,
                if connect {
                    "socket type must be one of AF_UNIX, AF_INET, or AF_INET6"
                } else {
                    "must be one of AF_UNIX, AF_INET, or AF_INET6"
                },
            ));
        }
    }
    let r = if connect { sys::connect(fd, &ai.addr) } else { sys::bind(fd, &ai.addr) };
    match r {
        Ok(()) => {
            new_socket(rv, fd, ai.family);
        }
        Err(e) => {
            let mut tmp = Socket::default();
            tmp.family = ai.family;
            sock_error(&mut tmp, if connect { "Unable to connect address" } else { "Unable to bind address" }, e);
            sys::close(fd);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn socket_addrinfo_connect(a: &Args, rv: &mut zval) -> PhpResult {
    addrinfo_socket(a, rv, true)
}

fn socket_addrinfo_bind(a: &Args, rv: &mut zval) -> PhpResult {
    addrinfo_socket(a, rv, false)
}

fn socket_addrinfo_explain(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let ai = addrinfo_arg(a)?;
    let mut arr = zv::Array::new(6);
    arr.set_long("ai_flags", ai.flags as i64);
    arr.set_long("ai_family", ai.family as i64);
    arr.set_long("ai_socktype", ai.socktype as i64);
    arr.set_long("ai_protocol", ai.protocol as i64);
    if let Some(c) = &ai.canonname {
        arr.set_bytes("ai_canonname", c);
    }
    let mut sa = zv::Array::new(2);
    match ai.family {
        libc::AF_INET => {
            let (ip, port) = ai.addr.as_inet();
            sa.set_long("sin_port", port as i64);
            sa.set_bytes("sin_addr", sys::ntop4(ip).as_bytes());
        }
        libc::AF_INET6 => {
            let (ip, port, _) = ai.addr.as_inet6();
            sa.set_long("sin6_port", port as i64);
            sa.set_bytes("sin6_addr", sys::ntop6(ip).as_bytes());
        }
        _ => {}
    }
    arr.set("ai_addr", sa.into_zval());
    *rv = arr.into_zval();
    Ok(())
}
