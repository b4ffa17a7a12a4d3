//! socket_import_stream / socket_export_stream: Socket objects and PHP
//! streams sharing one descriptor.

use super::{new_socket, sock_error, Socket};
use crate::php::error::{self, PhpResult, Thrown};
use crate::php::{ffi, zv, Args};
use crate::sys::socket as sys;
use ext_php_rs::ffi::{php_stream, zval};
use std::os::raw::c_int;

const PHP_STREAM_AS_FD: c_int = 1;
const PHP_STREAM_AS_SOCKETD: c_int = 2;
const PHP_STREAM_OPTION_READ_BUFFER: c_int = 2;
const PHP_STREAM_BUFFER_NONE: c_int = 0;
// php_stream_free flags
const FREE_CLOSE: c_int = 1 | 2; // CALL_DTOR | RELEASE_STREAM
const FREE_PERSISTENT: c_int = 16;
const FREE_KEEP_RSRC: c_int = 64;

/// php_stream_free(stream, KEEP_RSRC | CLOSE [| CLOSE_PERSISTENT]).
pub fn close_stream(stream: *mut std::os::raw::c_void) {
    unsafe {
        let st = stream as *mut php_stream;
        let persistent = (*st).is_persistent() != 0;
        let flags = FREE_KEEP_RSRC | FREE_CLOSE | if persistent { FREE_CLOSE | FREE_PERSISTENT } else { 0 };
        ffi::_php_stream_free(stream, flags);
    }
}

/// socket_import_file_descriptor: family and blocking mode of an fd.
pub fn import_fd(fd: i32, s: &mut Socket) -> bool {
    s.fd = fd;
    let mut b = [0u8; 4];
    match sys::getsockopt(fd, libc::SOL_SOCKET, libc::SO_DOMAIN, &mut b) {
        Ok(_) => s.family = i32::from_ne_bytes(b),
        Err(_) => match sys::getsockname(fd) {
            Ok(sa) => s.family = sa.family(),
            Err(e) => {
                sock_error(s, "Unable to obtain socket family", e);
                return false;
            }
        },
    }
    match sys::get_flags(fd) {
        Ok(fl) => s.blocking = fl & libc::O_NONBLOCK == 0,
        Err(e) => {
            sock_error(s, "Unable to obtain blocking state", e);
            return false;
        }
    }
    true
}

pub fn socket_import_stream(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let z = a.resource(0)?;
    let stream = unsafe {
        ffi::zend_fetch_resource2_ex(z, c"stream".as_ptr(), ffi::php_file_le_stream(), ffi::php_file_le_pstream())
    };
    if stream.is_null() {
        return Err(Thrown);
    }
    let mut fd: c_int = -1;
    let cast = |as_: c_int, fd: &mut c_int, report: c_int| unsafe {
        ffi::_php_stream_cast(stream, as_, fd as *mut c_int as *mut *mut _, report) == 0
    };
    if !cast(PHP_STREAM_AS_SOCKETD, &mut fd, 0) {
        // A plain (STDIO) stream around a socket, e.g. one received through
        // SCM_RIGHTS: native refuses it; its descriptor is a socket, so use it.
        let mut plain: c_int = -1;
        let is_sock = cast(PHP_STREAM_AS_FD, &mut plain, 0) && {
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            let r = unsafe { libc::fstat(plain, &mut st) };
            r == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFSOCK
        };
        if is_sock {
            fd = plain;
        } else {
            // Not a socket: native's warning.
            cast(PHP_STREAM_AS_SOCKETD, &mut fd, 1);
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let s = new_socket(rv, -1, libc::AF_UNSPEC);
    if !import_fd(fd, s) {
        // The fd belongs to the stream: forget it before the object goes.
        s.fd = -1;
        zv::dtor(rv);
        zv::set_bool(rv, false);
        return Ok(());
    }
    s.zstream = zv::copy(z);
    unsafe {
        ffi::_php_stream_set_option(stream, PHP_STREAM_OPTION_READ_BUFFER, PHP_STREAM_BUFFER_NONE, std::ptr::null_mut())
    };
    Ok(())
}

pub fn socket_export_stream(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = super::sock_arg(a, 0)?;
    super::ensure_open(s, 1)?;
    if zv::type_of(&s.zstream) != ffi::IS_UNDEF {
        *rv = zv::copy(&s.zstream);
        return Ok(());
    }
    let mut protocol: Option<&[u8]> = None;
    let mut b = [0u8; 4];
    if s.family == libc::AF_INET || s.family == libc::AF_INET6 {
        let ty = sys::getsockopt(s.fd, libc::SOL_SOCKET, libc::SO_TYPE, &mut b).map(|_| i32::from_ne_bytes(b)).unwrap_or(0);
        if ty == libc::SOCK_STREAM {
            let proto =
                sys::getsockopt(s.fd, libc::SOL_SOCKET, libc::SO_PROTOCOL, &mut b).map(|_| i32::from_ne_bytes(b)).unwrap_or(0);
            if proto == libc::IPPROTO_TCP {
                protocol = Some(b"tcp://");
            }
        } else if ty == libc::SOCK_DGRAM {
            protocol = Some(b"udp://");
        }
    } else if s.family == libc::AF_UNIX {
        let ty = sys::getsockopt(s.fd, libc::SOL_SOCKET, libc::SO_TYPE, &mut b).map(|_| i32::from_ne_bytes(b)).unwrap_or(0);
        if ty == libc::SOCK_STREAM {
            protocol = Some(b"unix://");
        } else if ty == libc::SOCK_DGRAM {
            protocol = Some(b"udg://");
        }
    }
    let mut stream: *mut std::os::raw::c_void = std::ptr::null_mut();
    if let Some(p) = protocol {
        stream = unsafe {
            ffi::_php_stream_xport_create(
                p.as_ptr() as *const _,
                p.len(),
                0,
                0,
                std::ptr::null(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
    }
    if stream.is_null() {
        stream = unsafe { ffi::_php_stream_sock_open_from_socket(s.fd, std::ptr::null()) };
        if stream.is_null() {
            error::warning("Failed to create stream");
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    unsafe {
        let st = stream as *mut php_stream;
        // php_netstream_data_t { int socket; bool is_blocked; struct timeval timeout; ... }
        let data = (*st).abstract_ as *mut u8;
        *(data as *mut c_int) = s.fd;
        *(data.add(4) as *mut bool) = s.blocking;
        let tv = data.add(8) as *mut libc::timeval;
        (*tv).tv_sec = ffi::zend_ini_long(c"default_socket_timeout".as_ptr(), 22, 0) as libc::time_t;
        (*tv).tv_usec = 0;
        // php_stream_to_zval
        let mut z = zv::undef();
        z.value.res = (*st).res;
        z.u1.type_info = ffi::IS_RESOURCE as u32 | (1 << 8);
        (*st).set___exposed(1);
        s.zstream = z;
    }
    *rv = zv::copy(&s.zstream);
    Ok(())
}
