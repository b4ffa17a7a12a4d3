//! Network interfaces: names, indexes and IPv4 addresses (for multicast options).
//!
//! if_nametoindex goes through nix. The address lookups stay raw: they are
//! ioctls, and the getifaddrs walk reads interface names as bytes (nix's
//! InterfaceAddress turns them into lossy UTF-8 Strings).

use super::{last_errno, Errno};

/// if_nametoindex; 0 when there is no such interface.
pub fn name_to_index(name: &[u8]) -> u32 {
    match std::ffi::CString::new(name) {
        Ok(c) => nix::net::if_::if_nametoindex(c.as_c_str()).unwrap_or(0),
        Err(_) => 0,
    }
}

/// The IPv4 address of interface `idx`, asked through socket `fd`
/// (SIOCGIFNAME then SIOCGIFADDR).
pub fn index_to_addr4(fd: i32, idx: u32) -> Result<[u8; 4], Errno> {
    // SAFETY: ifreq is plain data; the kernel fills the name/address union.
    let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
    ifr.ifr_ifru.ifru_ifindex = idx as i32;
    if unsafe { libc::ioctl(fd, libc::SIOCGIFNAME, &mut ifr) } == -1 {
        return Err(last_errno());
    }
    if unsafe { libc::ioctl(fd, libc::SIOCGIFADDR, &mut ifr) } == -1 {
        return Err(last_errno());
    }
    // SAFETY: SIOCGIFADDR stored a sockaddr_in in the union.
    let sin = unsafe { &*(&ifr.ifr_ifru as *const _ as *const libc::sockaddr_in) };
    Ok(sin.sin_addr.s_addr.to_ne_bytes())
}

/// The index of the interface holding IPv4 address `addr` (None: no such interface).
pub fn addr4_to_index(addr: [u8; 4]) -> Result<Option<u32>, Errno> {
    let mut ifa: *mut libc::ifaddrs = std::ptr::null_mut();
    if unsafe { libc::getifaddrs(&mut ifa) } != 0 {
        return Err(last_errno());
    }
    let mut p = ifa;
    let mut found = None;
    while !p.is_null() {
        // SAFETY: p walks the list getifaddrs returned until freeifaddrs.
        let i = unsafe { &*p };
        if !i.ifa_addr.is_null() && unsafe { (*i.ifa_addr).sa_family } as i32 == libc::AF_INET {
            let sin = unsafe { &*(i.ifa_addr as *const libc::sockaddr_in) };
            if sin.sin_addr.s_addr.to_ne_bytes() == addr {
                found = Some(unsafe { libc::if_nametoindex(i.ifa_name) });
                break;
            }
        }
        p = i.ifa_next;
    }
    unsafe { libc::freeifaddrs(ifa) };
    Ok(found)
}
