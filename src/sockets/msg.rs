//! Multicast and IPv6 socket options, and sendmsg/recvmsg/cmsg_space.

use super::{set_inet6_addr, set_inet_addr, sock_error, to_long, Socket};
use crate::php::error::{self, warning, PhpResult};
use crate::php::{zv, Args};
use crate::sys::socket as sys;
use ext_php_rs::ffi::zval;

/// Result of an option sub-handler: handled (with its bool result), or
/// "not mine" (fall through to the generic integer case).
pub enum Sub {
    Done(bool),
    Default,
}

const MCAST_JOIN_GROUP: i32 = 42;
const MCAST_LEAVE_GROUP: i32 = 45;
const MCAST_LEAVE_SOURCE_GROUP: i32 = 47;

fn is_mcast(op: i32) -> bool {
    (MCAST_JOIN_GROUP..=MCAST_LEAVE_SOURCE_GROUP).contains(&op)
}

/// php_string_to_if_index.
fn string_to_if_index(name: &[u8]) -> Option<u32> {
    let name = super::cstr(name);
    match crate::sys::netif::name_to_index(name) {
        0 => {
            warning(&format!("No interface with name \"{}\" could be found", String::from_utf8_lossy(name)));
            None
        }
        i => Some(i),
    }
}

/// php_get_if_index_from_zval.
fn if_index_from_zval(z: &zval) -> Option<u32> {
    match zv::long_of(z) {
        Some(l) if l < 0 || l > u32::MAX as i64 => {
            error::value_error("Index must be between 0 and 4294967295");
            None
        }
        Some(l) => Some(l as u32),
        // zval_get_string(): "" when __toString throws, as native.
        None => string_to_if_index(&zv::try_string(z).unwrap_or_default()),
    }
}

/// php_if_index_to_addr4: the IPv4 address of interface `idx`.
fn if_index_to_addr4(s: &mut Socket, idx: u32) -> Option<[u8; 4]> {
    if idx == 0 {
        return Some([0; 4]);
    }
    match crate::sys::netif::index_to_addr4(s.fd, idx) {
        Ok(a) => Some(a),
        Err(e) => {
            warning(&format!("Failed obtaining address for interface {idx}: error {e}"));
            None
        }
    }
}

/// php_add4_to_if_index: the interface holding IPv4 address `addr`.
pub fn addr4_to_if_index(s: &mut Socket, addr: [u8; 4]) -> Option<u32> {
    if addr == [0; 4] {
        return Some(0);
    }
    match crate::sys::netif::addr4_to_index(addr) {
        Ok(Some(i)) => Some(i),
        Ok(None) => {
            warning(&format!("The interface with IP address {} was not found", sys::ntop4(addr)));
            None
        }
        Err(e) => {
            sock_error(s, "Failed obtaining interfaces list", e);
            None
        }
    }
}

/// An address from `ht[key]` in the socket's family (php_get_address_from_array).
fn address_from_array(s: &mut Socket, ht: &ext_php_rs::ffi::HashTable, key: &str) -> Option<sys::SockAddr> {
    let Some(v) = zv::hash_find(ht, key) else {
        error::value_error(&format!("No key \"{key}\" passed in optval"));
        return None;
    };
    let text = zv::try_string(v).unwrap_or_default(); // zval_get_string(), as native
    match s.family {
        libc::AF_INET => set_inet_addr(s, &text).map(|ip| sys::SockAddr::inet(ip, 0)),
        libc::AF_INET6 => set_inet6_addr(s, &text).map(|(ip, sc)| sys::SockAddr::inet6(ip, 0, sc)),
        _ => {
            warning("IP address used in the context of an unexpected type of socket");
            None
        }
    }
}

/// php_do_mcast_opt (RFC 3678 API): group_req / group_source_req.
fn mcast_opt(s: &mut Socket, level: i32, op: i32, val: &zval) -> PhpResult<bool> {
    let arr = super::to_array(val);
    let Some(ht) = zv::as_array(&arr) else { return Ok(false) };
    let Some(group) = address_from_array(s, ht, "group") else { return Ok(false) };
    let source = if op == MCAST_JOIN_GROUP || op == MCAST_LEAVE_GROUP {
        None
    } else {
        let Some(src) = address_from_array(s, ht, "source") else { return Ok(false) };
        Some(src)
    };
    let if_index = match zv::hash_find(ht, "interface") {
        None => 0,
        Some(v) => match if_index_from_zval(v) {
            Some(i) => i,
            None => return Ok(false),
        },
    };
    let mut buf = Vec::new();
    // struct group_req { uint32_t gr_interface; (pad) struct sockaddr_storage gr_group; }
    buf.extend_from_slice(&if_index.to_ne_bytes());
    buf.extend_from_slice(&[0u8; 4]);
    buf.extend_from_slice(group.storage_bytes());
    if let Some(src) = &source {
        buf.extend_from_slice(src.storage_bytes());
    }
    match sys::setsockopt(s.fd, level, op, &buf) {
        Ok(()) => Ok(true),
        Err(e) => {
            sock_error(s, "Unable to set socket option", e);
            Ok(false)
        }
    }
}

fn do_set(s: &mut Socket, level: i32, op: i32, b: &[u8]) -> Sub {
    match sys::setsockopt(s.fd, level, op, b) {
        Ok(()) => Sub::Done(true),
        Err(e) => {
            sock_error(s, "Unable to set socket option", e);
            Sub::Done(false)
        }
    }
}

/// php_do_setsockopt_ip_mcast.
pub fn setsockopt_ip_mcast(s: &mut Socket, level: i32, op: i32, val: &zval) -> PhpResult<Sub> {
    if is_mcast(op) {
        return Ok(Sub::Done(mcast_opt(s, level, op, val)?));
    }
    match op {
        libc::IP_MULTICAST_IF => {
            let Some(idx) = if_index_from_zval(val) else { return Ok(Sub::Done(false)) };
            let Some(addr) = if_index_to_addr4(s, idx) else { return Ok(Sub::Done(false)) };
            Ok(do_set(s, level, op, &addr))
        }
        libc::IP_MULTICAST_LOOP => Ok(do_set(s, level, op, &[zv::is_true(val) as u8])),
        libc::IP_MULTICAST_TTL => {
            let l = to_long(val);
            if !(0..=255).contains(&l) {
                return Err(error::argument_value_error(4, "must be between 0 and 255"));
            }
            Ok(do_set(s, level, op, &[l as u8]))
        }
        _ => Ok(Sub::Default),
    }
}

/// php_do_setsockopt_ipv6_mcast + rfc3542.
pub fn setsockopt_ipv6(s: &mut Socket, level: i32, op: i32, val: &zval) -> PhpResult<Sub> {
    if is_mcast(op) {
        return Ok(Sub::Done(mcast_opt(s, level, op, val)?));
    }
    match op {
        libc::IPV6_MULTICAST_IF => {
            let Some(idx) = if_index_from_zval(val) else { return Ok(Sub::Done(false)) };
            Ok(do_set(s, level, op, &idx.to_ne_bytes()))
        }
        libc::IPV6_PKTINFO => {
            let Some(b) = super::cmsg::pktinfo_from_zval(s, val) else { return Ok(Sub::Done(false)) };
            Ok(do_set(s, level, op, &b))
        }
        libc::IPV6_MULTICAST_LOOP => Ok(do_set(s, level, op, &(zv::is_true(val) as i32).to_ne_bytes())),
        libc::IPV6_MULTICAST_HOPS => {
            let l = to_long(val);
            if !(-1..=255).contains(&l) {
                return Err(error::argument_value_error(4, "must be between -1 and 255"));
            }
            Ok(do_set(s, level, op, &(l as i32).to_ne_bytes()))
        }
        _ => Ok(Sub::Default),
    }
}

/// in6_pktinfo as native returns it: ["addr" => ..., "ifindex" => ...].
pub fn pktinfo_array(b: &[u8; 20]) -> zval {
    let mut ip = [0u8; 16];
    ip.copy_from_slice(&b[..16]);
    let idx = crate::sys::ne_u32(&b[16..20]);
    let mut arr = zv::Array::new(2);
    arr.set_bytes("addr", sys::ntop6(ip).as_bytes());
    arr.set_long("ifindex", idx as i64);
    arr.into_zval()
}

pub fn socket_sendmsg(a: &Args, rv: &mut zval) -> PhpResult {
    super::cmsg::sendmsg(a, rv)
}

pub fn socket_recvmsg(a: &Args, rv: &mut zval) -> PhpResult {
    super::cmsg::recvmsg(a, rv)
}

pub fn socket_cmsg_space(a: &Args, rv: &mut zval) -> PhpResult {
    super::cmsg::cmsg_space(a, rv)
}
