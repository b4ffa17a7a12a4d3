//! socket_import_stream / socket_export_stream: Socket objects and PHP
//! streams sharing one descriptor.

use super::{new_socket, sock_error, Socket};
use crate::php::error::{self, PhpResult, Thrown};
use crate::php::stream::{self, Stream};
use crate::php::{zv, Args};
use crate::sys::socket as sys;
use ext_php_rs::ffi::zval;

/// socket_close on a Socket bound to a stream: close the stream, keep the resource.
pub fn close_stream(st: Stream) {
    st.close_keep_resource();
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
    let Some(st) = stream::fetch(z) else { return Err(Thrown) };
    let fd = match st.cast_fd(stream::AS_SOCKETD, false) {
        Some(fd) => fd,
        None => match st.cast_fd(stream::AS_FD, false) {
            // A plain (STDIO) stream around a socket, e.g. one received
            // through SCM_RIGHTS: native refuses it; its descriptor is a
            // socket, so use it.
            Some(fd) if sys::is_socket(fd) => fd,
            _ => {
                // Not a socket: native's warning.
                st.cast_fd(stream::AS_SOCKETD, true);
                zv::set_bool(rv, false);
                return Ok(());
            }
        },
    };
    let s = new_socket(rv, -1, libc::AF_UNSPEC);
    if !import_fd(fd, s) {
        // The fd belongs to the stream: forget it before the object goes.
        s.fd = -1;
        zv::dtor(rv);
        zv::set_bool(rv, false);
        return Ok(());
    }
    s.zstream = zv::copy(z);
    st.set_option(stream::OPTION_READ_BUFFER, stream::BUFFER_NONE);
    Ok(())
}

fn sock_type(fd: i32, opt: i32) -> i32 {
    let mut b = [0u8; 4];
    sys::getsockopt(fd, libc::SOL_SOCKET, opt, &mut b).map(|_| i32::from_ne_bytes(b)).unwrap_or(0)
}

pub fn socket_export_stream(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = super::sock_arg(a, 0)?;
    super::ensure_open(s, 1)?;
    if zv::type_of(&s.zstream) != crate::php::ffi::IS_UNDEF {
        *rv = zv::copy(&s.zstream);
        return Ok(());
    }
    let mut protocol: Option<&[u8]> = None;
    if s.family == libc::AF_INET || s.family == libc::AF_INET6 {
        let ty = sock_type(s.fd, libc::SO_TYPE);
        if ty == libc::SOCK_STREAM {
            if sock_type(s.fd, libc::SO_PROTOCOL) == libc::IPPROTO_TCP {
                protocol = Some(b"tcp://");
            }
        } else if ty == libc::SOCK_DGRAM {
            protocol = Some(b"udp://");
        }
    } else if s.family == libc::AF_UNIX {
        let ty = sock_type(s.fd, libc::SO_TYPE);
        if ty == libc::SOCK_STREAM {
            protocol = Some(b"unix://");
        } else if ty == libc::SOCK_DGRAM {
            protocol = Some(b"udg://");
        }
    }
    let st = match protocol.and_then(stream::xport_create).or_else(|| stream::sock_open_from_socket(s.fd)) {
        Some(st) => st,
        None => {
            error::warning("Failed to create stream");
            zv::set_bool(rv, false);
            return Ok(());
        }
    };
    st.set_netstream(s.fd, s.blocking, stream::default_socket_timeout());
    s.zstream = st.into_zval();
    *rv = zv::copy(&s.zstream);
    Ok(())
}
