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
    // SAFETY: the kernel writes at most `len` bytes into `ss`; each cast
    // below matches the family it reported.
    unsafe {
        let mut ss: libc::sockaddr_storage = std::mem::zeroed();
        let mut len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        if libc::getsockname(fd, &mut ss as *mut _ as *mut libc::sockaddr, &mut len) != 0 {
            return Err(last_errno());
        }
        Ok(match ss.ss_family as i32 {
            libc::AF_INET => {
                let sin = &*(&ss as *const _ as *const libc::sockaddr_in);
                SockName::Inet(u32::from_be(sin.sin_addr.s_addr).into(), u16::from_be(sin.sin_port))
            }
            libc::AF_INET6 => {
                let sin6 = &*(&ss as *const _ as *const libc::sockaddr_in6);
                SockName::Inet6(sin6.sin6_addr.s6_addr.into(), u16::from_be(sin6.sin6_port))
            }
            libc::AF_UNIX => {
                let un = &*(&ss as *const _ as *const libc::sockaddr_un);
                SockName::Unix(un.sun_path.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect())
            }
            f => SockName::Other(f),
        })
    }
}

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
