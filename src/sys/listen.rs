//! What a connection listener needs beyond `socket.rs`: accept4 with its
//! flags, inet_ntop of accepted peers, and PHP's own parser of "host:port"
//! strings (the one PECL event's EventListener calls).

use super::socket::SockAddr;
use super::{last_errno, Errno};

/// accept4(2) with `flags` (SOCK_NONBLOCK, SOCK_CLOEXEC): the new fd and
/// the peer address as the kernel wrote it (its length may be 0). Raw libc:
/// nix's accept4 drops the address.
pub fn accept4(fd: i32, flags: i32) -> Result<(i32, SockAddr), Errno> {
    let mut a = SockAddr::default();
    // SAFETY: `a.ss` is a sockaddr_storage of `a.len` bytes the kernel may fill.
    let r = unsafe { libc::accept4(fd, &mut a.ss as *mut _ as *mut libc::sockaddr, &mut a.len, flags) };
    if r < 0 {
        return Err(last_errno());
    }
    Ok((r, a))
}

/// inet_ntop of an AF_INET or AF_INET6 address (glibc's text, e.g. an
/// IPv4-compatible "::1.2.3.4"); None for other families.
pub fn ntop(a: &SockAddr) -> Option<(String, u16)> {
    match a.family() {
        libc::AF_INET => {
            let (ip, port) = a.as_inet();
            Some((super::socket::ntop4(ip), port))
        }
        libc::AF_INET6 => {
            let (ip, port, _) = a.as_inet6();
            Some((super::socket::ntop6(ip), port))
        }
        _ => None,
    }
}

extern "C" {
    fn php_network_parse_network_address_with_port(
        addr: *const libc::c_char,
        addrlen: i64,
        sa: *mut libc::sockaddr,
        sl: *mut libc::socklen_t,
    ) -> libc::c_int;
}

/// PHP's php_network_parse_network_address_with_port: "[v6]:port",
/// "v4:port" or "name:port" (resolved, with PHP's warnings on failure). The
/// port is atoi() of the text after the colon, truncated to 16 bits.
pub fn parse_network_address(addr: &[u8]) -> Option<SockAddr> {
    // PHP reads past the colon with atoi(): the buffer must be NUL-terminated.
    let mut buf = Vec::with_capacity(addr.len() + 1);
    buf.extend_from_slice(addr);
    buf.push(0);
    let mut a = SockAddr::default();
    // SAFETY: `buf` is `addr.len()` bytes plus a NUL; `a.ss` is a zeroed
    // sockaddr_storage, large enough for the inet/inet6 addresses PHP writes.
    let r = unsafe {
        php_network_parse_network_address_with_port(
            buf.as_ptr() as *const libc::c_char,
            addr.len() as i64,
            &mut a.ss as *mut _ as *mut libc::sockaddr,
            &mut a.len,
        )
    };
    (r == 0).then_some(a)
}
