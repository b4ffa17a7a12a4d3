//! connect() and connectHost(): PECL's address parsing (a "unix:" path or
//! libevent's evutil_parse_sockaddr_port), bufferevent_socket_connect and
//! bufferevent_socket_connect_hostname without a DNS base (a blocking
//! getaddrinfo, as libevent does when given none).

use super::state::BevCell;
use crate::sys::socket::{self as sys, SockAddr};
use ipc_core::evloop::{EV_READ, EV_WRITE};

/// The address of connect(): None when it does not parse.
pub(super) fn parse_address(addr: &[u8]) -> Option<SockAddr> {
    const SUN_PREFIX: &[u8] = b"unix:";
    if addr.len() >= SUN_PREFIX.len() && addr[..SUN_PREFIX.len()].eq_ignore_ascii_case(SUN_PREFIX) {
        let path = &addr[SUN_PREFIX.len()..];
        // PECL strcpy()s into sun_path: a longer path overflows it there.
        let path = &path[..path.iter().position(|&c| c == 0).unwrap_or(path.len())];
        if path.len() >= 108 {
            return None;
        }
        return Some(SockAddr::unix(path, 108));
    }
    parse_sockaddr_port(addr)
}

/// evutil_parse_sockaddr_port (ipc-core's copy of libevent's rules: its own
/// IPv4/IPv6 readers, which accept what libevent accepts, e.g. leading blanks).
fn parse_sockaddr_port(s: &[u8]) -> Option<SockAddr> {
    // The C string ends at the first NUL.
    let s = &s[..s.iter().position(|&c| c == 0).unwrap_or(s.len())];
    match ipc_core::dns_conf::parse_sockaddr_port(s, &crate::sys::netif::name_to_index)? {
        std::net::SocketAddr::V4(v) => Some(SockAddr::inet(v.ip().octets(), v.port())),
        std::net::SocketAddr::V6(v) => Some(SockAddr::inet6(v.ip().octets(), v.port(), v.scope_id())),
    }
}

/// bufferevent_socket_connect: false when the connection could not even
/// be started (the socket it created is closed again).
pub(super) fn connect(bev: &BevCell, sa: &SockAddr) -> bool {
    let (fd, pair) = {
        let st = bev.st.borrow();
        (st.fd, st.pair)
    };
    let mut own = false;
    let fd = if fd < 0 {
        match sys::socket(sa.family(), libc::SOCK_STREAM | libc::SOCK_NONBLOCK, 0) {
            Ok(f) => {
                own = true;
                f
            }
            Err(_) => return false,
        }
    } else {
        fd
    };
    let r = match sys::connect(fd, sa) {
        Ok(()) => 1,
        Err(e) if e == libc::EINTR || e == libc::EINPROGRESS => 0,
        Err(libc::ECONNREFUSED) => 2,
        Err(_) => {
            if own {
                sys::close(fd);
            }
            return false;
        }
    };
    if pair {
        // A pair has no descriptor to take the socket: libevent leaves it
        // open and unused; it is closed here.
        sys::close(fd);
        return true;
    }
    bev.connect_started(fd, r)
}

/// bufferevent_socket_connect_hostname with no DNS base. Err(()) when an
/// event callback threw.
pub(super) fn connect_hostname(
    bev: &BevCell,
    dns: Option<std::rc::Rc<crate::event::dns::DnsCore>>,
    family: i32,
    host: &[u8],
    port: i64,
) -> Result<bool, ()> {
    if family != libc::AF_INET && family != libc::AF_INET6 && family != libc::AF_UNSPEC {
        return Ok(false);
    }
    if !(1..=65535).contains(&port) {
        return Ok(false);
    }
    bev.st.borrow_mut().dns_error = 0;
    // The lookup suspends reading and writing; its end resumes what is enabled.
    bev.suspend_for_lookup();
    if let Some(dns) = dns {
        let weak = bev.weak();
        let port = port as u16;
        let done = move |res: ipc_core::dns_resolver::LookupResult| {
            let Some(bev) = weak.upgrade() else { return };
            bev.st.borrow_mut().set_lookup(None);
            let _ = resolved(&bev, res, port);
        };
        return match dns.resolve(host, family as i64, Box::new(done)) {
            crate::event::dns::Resolve::Done(res) => resolved(bev, res, port).map(|_| true),
            crate::event::dns::Resolve::Pending(h) => {
                bev.st.borrow_mut().set_lookup(Some(h));
                Ok(true)
            }
        };
    }
    let service = port.to_string();
    let res = sys::getaddrinfo(host, Some(service.as_bytes()), (0, libc::SOCK_STREAM, libc::IPPROTO_TCP, family));
    bev.unsuspend_after_lookup();
    match res {
        Err(e) => {
            if bev.dns_failed(e) {
                return Err(());
            }
        }
        Ok(list) => {
            let Some(first) = list.first() else { return Ok(true) };
            if !connect(bev, &first.addr) && bev.run_eventcb(super::state::ERROR, false) {
                return Err(());
            }
        }
    }
    Ok(true)
}

/// The end of an evdns lookup: connect to the first address, or report the error.
fn resolved(bev: &BevCell, res: ipc_core::dns_resolver::LookupResult, port: u16) -> Result<(), ()> {
    bev.unsuspend_after_lookup();
    match res {
        Err(e) => {
            if bev.dns_failed(e.0) {
                return Err(());
            }
        }
        Ok(list) => {
            let Some(first) = list.first() else {
                return if bev.dns_failed(ipc_core::dns_resolver::DnsError::NODATA.0) { Err(()) } else { Ok(()) };
            };
            let sa = match first {
                std::net::IpAddr::V4(v) => SockAddr::inet(v.octets(), port),
                std::net::IpAddr::V6(v) => SockAddr::inet6(v.octets(), port, 0),
            };
            if !connect(bev, &sa) && bev.run_eventcb(super::state::ERROR, false) {
                return Err(());
            }
        }
    }
    Ok(())
}

/// evutil_gai_strerror for getDnsErrorString().
pub(super) fn gai_strerror(err: i32) -> String {
    match err {
        0 => "No error".into(),
        -9 => "address family for nodename not supported".into(),
        libc::EAI_AGAIN => "temporary failure in name resolution".into(),
        libc::EAI_BADFLAGS => "invalid value for ai_flags".into(),
        libc::EAI_FAIL => "non-recoverable failure in name resolution".into(),
        libc::EAI_FAMILY => "ai_family not supported".into(),
        libc::EAI_MEMORY => "memory allocation failure".into(),
        -5 => "no address associated with nodename".into(),
        libc::EAI_NONAME => "nodename nor servname provided, or not known".into(),
        libc::EAI_SERVICE => "servname not supported for ai_socktype".into(),
        libc::EAI_SOCKTYPE => "ai_socktype not supported".into(),
        libc::EAI_SYSTEM => "system error".into(),
        // Codes glibc's getaddrinfo does not return from a lookup.
        _ => "Unknown error code".into(),
    }
}

impl BevCell {
    /// bufferevent_suspend_write_/read_(BEV_SUSPEND_LOOKUP).
    fn suspend_for_lookup(&self) {
        let (wm_suspended, _) = self.suspension();
        self.impl_disable(if wm_suspended { EV_WRITE } else { EV_READ | EV_WRITE });
    }
    /// bufferevent_unsuspend_write_/read_(BEV_SUSPEND_LOOKUP).
    fn unsuspend_after_lookup(&self) {
        let (wm_suspended, enabled) = self.suspension();
        let mut ev = enabled & EV_WRITE;
        if !wm_suspended {
            ev |= enabled & EV_READ;
        }
        if ev != 0 {
            self.impl_enable(ev);
        }
    }
}
