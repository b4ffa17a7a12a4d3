//! Socket names and options by fd: getsockname, setsockopt.

use super::{last_errno, Errno};

/// A local socket address as getsockname reports it.
pub enum SockName {
    Inet(std::net::Ipv4Addr, u16),
    Inet6(std::net::Ipv6Addr, u16),
    Unix(Vec<u8>),
    Other(i32),
}

pub fn getsockname(fd: i32) -> Result<SockName, Errno> {
    let a = super::socket::getsockname(fd)?;
    Ok(match a.family() {
        libc::AF_INET => {
            let (ip, port) = a.as_inet();
            SockName::Inet(ip.into(), port)
        }
        libc::AF_INET6 => {
            let (ip, port, _) = a.as_inet6();
            SockName::Inet6(ip.into(), port)
        }
        libc::AF_UNIX => SockName::Unix(a.unix_path()),
        f => SockName::Other(f),
    })
}

/// setsockopt, raw: PHP passes any level and option number through.
fn set<T>(fd: i32, level: i32, opt: i32, v: &T) -> Result<(), Errno> {
    // SAFETY: `v` is a valid T of size_of::<T>() bytes.
    let r = unsafe {
        libc::setsockopt(
            fd,
            level,
            opt,
            v as *const T as *const libc::c_void,
            std::mem::size_of::<T>() as libc::socklen_t,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(last_errno())
    }
}

pub fn set_int(fd: i32, level: i32, opt: i32, v: i32) -> Result<(), Errno> {
    set(fd, level, opt, &v)
}

pub fn set_linger(fd: i32, level: i32, opt: i32, onoff: i32, linger: i32) -> Result<(), Errno> {
    set(fd, level, opt, &libc::linger { l_onoff: onoff, l_linger: linger })
}

pub fn set_timeval(fd: i32, level: i32, opt: i32, sec: i64, usec: i64) -> Result<(), Errno> {
    set(fd, level, opt, &libc::timeval { tv_sec: sec as _, tv_usec: usec as _ })
}
