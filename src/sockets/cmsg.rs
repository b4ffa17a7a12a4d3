//! socket_sendmsg / socket_recvmsg / socket_cmsg_space: PHP arrays to and
//! from `struct msghdr`, with native's conversion errors
//! ("error converting user data (path: msghdr > ...): ...").

use super::{ensure_open, set_last_error, sock_arg, sock_error, strerror, Socket};
use crate::php::error::{self, warning, PhpResult};
use crate::php::{ffi, version, zv, Args};
use crate::sys::socket::{self as sys, SockAddr};
use ext_php_rs::ffi::{zval, HashTable};

const MAX_USER_BUFF_SIZE: i64 = 100 * 1024 * 1024;
const DEFAULT_BUFF_SIZE: i64 = 8192;

/// Conversion context: the key path and the first error.
struct Ctx<'s> {
    path: Vec<String>,
    err: Option<String>,
    sock: &'s mut Socket,
}

impl Ctx<'_> {
    fn fail(&mut self, msg: String) {
        if self.err.is_none() {
            self.err = Some(format!("error converting user data (path: {}): {}", self.path.join(" > "), msg));
        }
    }
    fn ok(&self) -> bool {
        self.err.is_none()
    }
    /// An error without a message (native sets `has_error` alone, e.g. when
    /// a conversion threw): the operation fails without a warning.
    fn fail_silently(&mut self) {
        if self.err.is_none() {
            self.err = Some(String::new());
        }
    }
    fn report(&mut self) -> bool {
        if let Some(e) = self.err.take() {
            if !e.is_empty() {
                warning(&e);
            }
            return false;
        }
        true
    }
}

fn cmsg_align(n: usize) -> usize {
    (n + 7) & !7
}
fn space_for(n: usize) -> usize {
    cmsg_align(16) + cmsg_align(n)
}
fn cmsg_len(n: usize) -> usize {
    cmsg_align(16) + n
}

/// from_zval_integer_common: a PHP value as an integer, native's messages.
fn to_integer(ctx: &mut Ctx, z: &zval) -> Option<i64> {
    match zv::type_of(z) {
        ffi::IS_LONG => zv::long_of(z),
        ffi::IS_DOUBLE => Some(super::to_long(z)),
        ffi::IS_OBJECT | ffi::IS_STRING => {
            // try_convert_to_string(): a conversion that throws fails silently.
            let Some(s) = zv::try_string(z) else {
                ctx.fail_silently();
                return None;
            };
            let (t, l, d) = zv::numeric_string(&s);
            match t {
                ffi::IS_LONG => Some(l),
                ffi::IS_DOUBLE => {
                    let mut tmp = zv::undef();
                    zv::set_double(&mut tmp, d);
                    Some(super::to_long(&tmp))
                }
                _ => {
                    ctx.fail(format!(
                        "expected an integer, but got a non numeric string (possibly from a converted object): '{}'",
                        String::from_utf8_lossy(&s)
                    ));
                    None
                }
            }
        }
        ffi::IS_ARRAY | ffi::IS_RESOURCE => {
            ctx.fail("expected an integer, either of a PHP integer type or of a convertible type".into());
            None
        }
        _ => Some(super::to_long(z)),
    }
}

fn to_int_ranged(ctx: &mut Ctx, z: &zval, min: i64, max: i64, what: &str) -> Option<i64> {
    let l = to_integer(ctx, z)?;
    if l < min || l > max {
        ctx.fail(format!("given PHP integer is out of bounds for {what}"));
        return None;
    }
    Some(l)
}

fn to_native_int(ctx: &mut Ctx, z: &zval) -> Option<i32> {
    to_int_ranged(ctx, z, i32::MIN as i64, i32::MAX as i64, "a native int").map(|v| v as i32)
}
fn to_u32(ctx: &mut Ctx, z: &zval) -> Option<u32> {
    to_int_ranged(ctx, z, 0, u32::MAX as i64, "an unsigned 32-bit integer").map(|v| v as u32)
}
fn to_u16(ctx: &mut Ctx, z: &zval) -> Option<u16> {
    to_int_ranged(ctx, z, 0, u16::MAX as i64, "an unsigned 16-bit integer").map(|v| v as u16)
}

/// (string) with the engine's warnings ("Array to string conversion"...).
/// zval_get_string(), as native's conversions use it: a conversion that
/// throws (`__toString`) gives "" and the conversion goes on.
fn zval_string(z: &zval) -> Option<Vec<u8>> {
    Some(zv::try_string(z).unwrap_or_default())
}

fn as_array(z: &zval) -> Option<&HashTable> {
    zv::as_array(z)
}

/// Runs `f` on `ht[key]` with `key` pushed on the path.
fn with_key<T>(
    ctx: &mut Ctx,
    ht: &HashTable,
    key: &str,
    required: bool,
    f: impl FnOnce(&mut Ctx, &zval) -> Option<T>,
) -> Option<Option<T>> {
    match zv::hash_find(ht, key) {
        None => {
            if required {
                ctx.fail(format!("The key '{key}' is required"));
                return None;
            }
            Some(None)
        }
        Some(v) => {
            ctx.path.push(key.to_string());
            let v = zv::copy(zv::deref(v));
            let r = f(ctx, &v);
            ctx.path.pop();
            if ctx.ok() {
                Some(r)
            } else {
                None
            }
        }
    }
}

/// from_zval_write_sockaddr_aux: "name" of sendmsg.
fn write_name(ctx: &mut Ctx, z: &zval) -> Option<SockAddr> {
    let Some(ht) = as_array(z) else {
        ctx.fail("expected an array here".into());
        return None;
    };
    let fam = zv::hash_find(ht, "family").map(zv::deref);
    let family = match fam {
        Some(v) if zv::type_of(v) != ffi::IS_NULL => {
            ctx.path.push("family".into());
            let f = to_native_int(ctx, v);
            ctx.path.pop();
            f?
        }
        _ => ctx.sock.family,
    };
    match family {
        libc::AF_INET => {
            if ctx.sock.family != libc::AF_INET && ctx.sock.family != libc::AF_INET6 {
                ctx.fail(format!("the specified family (number {family}) is not supported on this socket"));
                return None;
            }
            let ip = with_key(ctx, ht, "addr", false, |ctx, v| {
                let s = zval_string(v)?;
                match super::set_inet_addr(ctx.sock, &s) {
                    Some(ip) => Some(ip),
                    None => {
                        ctx.fail(format!(
                            "could not resolve address '{}' to get an AF_INET address",
                            String::from_utf8_lossy(&s)
                        ));
                        None
                    }
                }
            })?
            .unwrap_or([0; 4]);
            let port = with_key(ctx, ht, "port", false, to_u16)?.unwrap_or(0);
            Some(SockAddr::inet(ip, port))
        }
        libc::AF_INET6 => {
            if ctx.sock.family != libc::AF_INET6 {
                ctx.fail("the specified family (AF_INET6) is not supported on this socket".into());
                return None;
            }
            let ip = with_key(ctx, ht, "addr", false, inet6_of)?.unwrap_or([0; 16]);
            let port = with_key(ctx, ht, "port", false, to_u16)?.unwrap_or(0);
            let flow = with_key(ctx, ht, "flowinfo", false, to_u32)?.unwrap_or(0);
            let scope = with_key(ctx, ht, "scope_id", false, to_u32)?.unwrap_or(0);
            let mut a = SockAddr::inet6(ip, port, scope);
            a.set_flowinfo(flow);
            Some(a)
        }
        libc::AF_UNIX => {
            if ctx.sock.family != libc::AF_UNIX {
                ctx.fail("the specified family (AF_UNIX) is not supported on this socket".into());
                return None;
            }
            let path = with_key(ctx, ht, "path", false, |ctx, v| {
                let s = zval_string(v)?;
                if s.is_empty() {
                    ctx.fail(version::SOCKETS_EMPTY_PATH_TEXT.into());
                    return None;
                }
                if s.len() >= 108 {
                    ctx.fail("the path is too long, the maximum permitted length is 107".into());
                    return None;
                }
                Some(s)
            })?
            .unwrap_or_default();
            // Native's length: the path up to its first NUL, or for an
            // abstract address (a leading NUL, or no path at all) that NUL
            // plus the name up to the next one.
            let c_len = |b: &[u8]| b.iter().position(|&c| c == 0).unwrap_or(b.len());
            let len = match path.first() {
                None | Some(0) => 1 + c_len(path.get(1..).unwrap_or_default()),
                Some(_) => c_len(&path),
            };
            Some(SockAddr::unix(&path, len))
        }
        _ => {
            ctx.fail("the only families currently supported are AF_INET, AF_INET6 and AF_UNIX".into());
            None
        }
    }
}

/// Known ancillary data: (level, type) -> (fixed size, per-element size).
fn anc_entry(level: i32, ty: i32) -> Option<(usize, usize)> {
    match (level, ty) {
        (libc::IPPROTO_IPV6, libc::IPV6_PKTINFO) => Some((20, 0)),
        (libc::IPPROTO_IPV6, libc::IPV6_HOPLIMIT) | (libc::IPPROTO_IPV6, libc::IPV6_TCLASS) => Some((4, 0)),
        (libc::SOL_SOCKET, libc::SCM_CREDENTIALS) => Some((12, 0)),
        (libc::SOL_SOCKET, libc::SCM_RIGHTS) => Some((0, 4)),
        _ => None,
    }
}

/// The fd of a Socket object or a stream resource (SCM_RIGHTS data).
fn fd_of_value(ctx: &mut Ctx, z: &zval) -> Option<i32> {
    if let Some(obj) = zv::object_of(z) {
        if let Some(fd) = crate::php::fd::socket_fd(obj) {
            if fd < 0 {
                ctx.fail("socket is already closed".into());
                return None;
            }
            return Some(fd);
        }
    } else if let Some(stream) = crate::php::fd::stream_of(z) {
        match crate::php::fd::stream_fd(stream) {
            Some(fd) => return Some(fd),
            None => {
                ctx.fail("cast stream to file descriptor failed".into());
                return None;
            }
        }
    }
    ctx.fail("expected a Socket object or a stream resource".into());
    None
}

/// One control element to its cmsghdr bytes.
fn write_control_elem(ctx: &mut Ctx, z: &zval, out: &mut Vec<u8>) -> Option<()> {
    let Some(ht) = as_array(z) else {
        ctx.fail("expected an array here".into());
        return None;
    };
    let level = with_key(ctx, ht, "level", false, to_native_int)?.unwrap_or(0);
    let ty = with_key(ctx, ht, "type", false, to_native_int)?.unwrap_or(0);
    let Some(_) = anc_entry(level, ty) else {
        ctx.fail(format!("cmsghdr with level {level} and type {ty} not supported"));
        return None;
    };
    let Some(data) = zv::hash_find(ht, "data") else {
        ctx.fail("cmsghdr should have a 'data' element here".into());
        return None;
    };
    let data = zv::deref(data);
    if level == libc::SOL_SOCKET && ty == libc::SCM_RIGHTS {
        match as_array(data) {
            None => {
                ctx.fail("expected an array here".into());
                return None;
            }
            Some(ht) if ht.nNumOfElements == 0 => {
                ctx.fail("expected at least one element in this array".into());
                return None;
            }
            _ => {}
        }
    }
    ctx.path.push("data".into());
    let payload = write_cmsg_data(ctx, level, ty, data);
    ctx.path.pop();
    let payload = payload?;
    let start = out.len();
    out.resize(start + space_for(payload.len()), 0);
    out[start..start + 8].copy_from_slice(&(cmsg_len(payload.len()) as u64).to_ne_bytes());
    out[start + 8..start + 12].copy_from_slice(&level.to_ne_bytes());
    out[start + 12..start + 16].copy_from_slice(&ty.to_ne_bytes());
    out[start + 16..start + 16 + payload.len()].copy_from_slice(&payload);
    Some(())
}

fn write_cmsg_data(ctx: &mut Ctx, level: i32, ty: i32, data: &zval) -> Option<Vec<u8>> {
    match (level, ty) {
        (libc::SOL_SOCKET, libc::SCM_RIGHTS) => {
            let Some(ht) = as_array(data) else {
                ctx.fail("expected an array here".into());
                return None;
            };
            if ht.nNumOfElements == 0 {
                ctx.fail("expected at least one element in this array".into());
                return None;
            }
            let mut out = Vec::new();
            let mut failed = false;
            for (i, (_, v)) in (1..).zip(zv::snapshot(ht)) {
                ctx.path.push(format!("element #{i}"));
                let fd = fd_of_value(ctx, &v);
                ctx.path.pop();
                match fd {
                    Some(fd) => out.extend_from_slice(&fd.to_ne_bytes()),
                    None => {
                        failed = true;
                        break;
                    }
                }
            }
            (!failed).then_some(out)
        }
        (libc::SOL_SOCKET, libc::SCM_CREDENTIALS) => {
            let Some(ht) = as_array(data) else {
                ctx.fail("expected an array here".into());
                return None;
            };
            let pid = with_key(ctx, ht, "pid", true, to_native_int)??;
            let uid = with_key(ctx, ht, "uid", true, to_u32)??;
            let gid = with_key(ctx, ht, "gid", true, to_u32)??;
            let mut out = Vec::with_capacity(12);
            out.extend_from_slice(&pid.to_ne_bytes());
            out.extend_from_slice(&uid.to_ne_bytes());
            out.extend_from_slice(&gid.to_ne_bytes());
            Some(out)
        }
        (libc::IPPROTO_IPV6, libc::IPV6_PKTINFO) => write_pktinfo(ctx, data),
        _ => to_native_int(ctx, data).map(|v| v.to_ne_bytes().to_vec()),
    }
}

/// An IPv6 address from a string value (resolved like native), or the
/// native "could not resolve" error.
fn inet6_of(ctx: &mut Ctx, v: &zval) -> Option<[u8; 16]> {
    let s = zval_string(v)?;
    match super::set_inet6_addr(ctx.sock, &s) {
        Some((ip, _)) => Some(ip),
        None => {
            ctx.fail(format!("could not resolve address '{}' to get an AF_INET6 address", String::from_utf8_lossy(&s)));
            None
        }
    }
}

/// in6_pktinfo from ["addr" => ..., "ifindex" => ...].
fn write_pktinfo(ctx: &mut Ctx, data: &zval) -> Option<Vec<u8>> {
    let Some(ht) = as_array(data) else {
        ctx.fail("expected an array here".into());
        return None;
    };
    let ip = with_key(ctx, ht, "addr", true, inet6_of)??;
    let idx = with_key(ctx, ht, "ifindex", true, to_u32)??;
    let mut out = ip.to_vec();
    out.extend_from_slice(&idx.to_ne_bytes());
    Some(out)
}

/// socket_set_option(IPPROTO_IPV6, IPV6_PKTINFO, [...]).
pub fn pktinfo_from_zval(s: &mut Socket, z: &zval) -> Option<Vec<u8>> {
    let mut ctx = Ctx { path: vec!["in6_pktinfo".into()], err: None, sock: s };
    let r = write_pktinfo(&mut ctx, z);
    if !ctx.report() {
        return None;
    }
    r
}

fn flags_arg(a: &Args) -> PhpResult<i32> {
    let flags = a.long_or(2, 0)?;
    if flags < i32::MIN as i64 || flags > i32::MAX as i64 {
        return Err(error::argument_value_error(3, "must be between -2147483648 and 2147483647"));
    }
    Ok(flags as i32)
}

pub fn sendmsg(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let msg = a.array(1)?;
    let flags = flags_arg(a)?;
    ensure_open(s, 1)?;
    zv::set_bool(rv, false);
    let mut ctx = Ctx { path: vec!["msghdr".into()], err: None, sock: s };
    let name = match with_key(&mut ctx, msg, "name", false, write_name) {
        Some(n) => n,
        None => {
            ctx.report();
            return Ok(());
        }
    };
    let mut iov_bufs: Vec<Vec<u8>> = Vec::new();
    let iov_ok = with_key(&mut ctx, msg, "iov", false, |ctx, v| {
        let Some(ht) = as_array(v) else {
            ctx.fail("expected an array here".into());
            return None;
        };
        let mut ok = true;
        for (_, el) in zv::snapshot(ht) {
            match zval_string(&el) {
                Some(b) => iov_bufs.push(b),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        ok.then_some(())
    });
    if iov_ok.is_none() {
        ctx.report();
        return Ok(());
    }
    let mut control: Vec<u8> = Vec::new();
    let ctl_ok = with_key(&mut ctx, msg, "control", false, |ctx, v| {
        let Some(ht) = as_array(v) else {
            ctx.fail("expected an array here".into());
            return None;
        };
        let mut ok = true;
        for (i, (_, el)) in zv::snapshot(ht).into_iter().enumerate() {
            ctx.path.push(format!("element #{i}"));
            let r = write_control_elem(ctx, &el, &mut control);
            ctx.path.pop();
            if r.is_none() {
                ok = false;
                break;
            }
        }
        ok.then_some(())
    });
    if ctl_ok.is_none() || !ctx.ok() {
        ctx.report();
        return Ok(());
    }
    let s = ctx.sock;
    match sys::send_msg(s.fd, name.as_ref(), &iov_bufs, &mut control, flags) {
        Ok(n) => zv::set_long(rv, n as i64),
        Err(e) => sock_error(s, "Error in sendmsg", e),
    }
    Ok(())
}

/// A received descriptor as a PHP stream (php_stream_fopen_from_fd "rw"),
/// as native 8.2 returns every SCM_RIGHTS descriptor.
fn fd_to_stream(fd: i32) -> zval {
    match crate::php::stream::fopen_from_fd(fd, c"rw") {
        Some(st) => st.into_zval(),
        None => {
            sys::close(fd);
            let mut z = zv::undef();
            zv::set_null(&mut z);
            z
        }
    }
}

fn read_name(sa: &SockAddr) -> zval {
    let mut z = zv::undef();
    if sa.len == 0 {
        zv::set_null(&mut z);
        return z;
    }
    let mut arr = zv::Array::new(5);
    arr.set_long("family", sa.family() as i64);
    match sa.family() {
        libc::AF_INET => {
            let (ip, port) = sa.as_inet();
            arr.set_bytes("addr", sys::ntop4(ip).as_bytes());
            arr.set_long("port", port as i64);
        }
        libc::AF_INET6 => {
            let (ip, port, scope) = sa.as_inet6();
            arr.set_bytes("addr", sys::ntop6(ip).as_bytes());
            arr.set_long("port", port as i64);
            arr.set_long("flowinfo", sa.flowinfo() as i64);
            arr.set_long("scope_id", scope as i64);
        }
        libc::AF_UNIX => {
            arr.set_bytes("path", &sa.unix_path());
        }
        _ => {}
    }
    arr.into_zval()
}

/// The control array; Err(message) for a cmsghdr PHP has no reader for.
fn read_control(buf: &[u8]) -> Result<zval, String> {
    let mut arr = zv::Array::new(1);
    let mut off = 0usize;
    let mut i = 0;
    while off + 16 <= buf.len() {
        let len = crate::sys::ne_u64(&buf[off..off + 8]) as usize;
        let level = crate::sys::ne_i32(&buf[off + 8..off + 12]);
        let ty = crate::sys::ne_i32(&buf[off + 12..off + 16]);
        if len < 16 || off + len > buf.len() {
            break;
        }
        let data = &buf[off + 16..off + len];
        i += 1;
        if anc_entry(level, ty).is_none() {
            drop(arr.into_zval());
            return Err(format!(
                "error converting native data (path: msghdr > control > element #{i} > data): cmsghdr with level {level} and type {ty} not supported"
            ));
        }
        let mut e = zv::Array::new(3);
        e.set_long("level", level as i64);
        e.set_long("type", ty as i64);
        match (level, ty) {
            (libc::SOL_SOCKET, libc::SCM_RIGHTS) => {
                let mut fds = zv::Array::new((data.len() / 4) as u32);
                for c in data.chunks_exact(4) {
                    fds.push(fd_to_stream(crate::sys::ne_i32(c)));
                }
                e.set("data", fds.into_zval());
            }
            (libc::SOL_SOCKET, libc::SCM_CREDENTIALS) if data.len() >= 12 => {
                let mut c = zv::Array::new(3);
                c.set_long("pid", crate::sys::ne_i32(&data[0..4]) as i64);
                c.set_long("uid", crate::sys::ne_u32(&data[4..8]) as i64);
                c.set_long("gid", crate::sys::ne_u32(&data[8..12]) as i64);
                e.set("data", c.into_zval());
            }
            (libc::IPPROTO_IPV6, libc::IPV6_PKTINFO) if data.len() >= 20 => {
                let mut b = [0u8; 20];
                b.copy_from_slice(&data[..20]);
                e.set("data", super::msg::pktinfo_array(&b));
            }
            _ if data.len() >= 4 => {
                let mut z = zv::undef();
                zv::set_long(&mut z, crate::sys::ne_i32(&data[0..4]) as i64);
                e.set("data", z);
            }
            _ => {}
        }
        arr.push(e.into_zval());
        off += cmsg_align(len);
    }
    Ok(arr.into_zval())
}

pub fn recvmsg(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let s = sock_arg(a, 0)?;
    let msg = a.array(1)?;
    let flags = flags_arg(a)?;
    ensure_open(s, 1)?;
    zv::set_bool(rv, false);
    let mut ctx = Ctx { path: vec!["msghdr".into()], err: None, sock: s };
    let want_name = with_key(&mut ctx, msg, "name", false, |ctx, v| {
        if as_array(v).is_none() {
            ctx.fail("expected an array here".into());
            return None;
        }
        Some(())
    });
    let Some(want_name) = want_name else {
        ctx.report();
        return Ok(());
    };
    let bufsize = with_key(&mut ctx, msg, "buffer_size", false, |ctx, v| {
        let l = to_integer(ctx, v)?;
        if !(0..=MAX_USER_BUFF_SIZE).contains(&l) {
            ctx.fail(format!("the buffer size must be between 1 and {MAX_USER_BUFF_SIZE}; given {l}"));
            return None;
        }
        Some(l)
    });
    let Some(bufsize) = bufsize else {
        ctx.report();
        return Ok(());
    };
    let bufsize = bufsize.unwrap_or(DEFAULT_BUFF_SIZE) as usize;
    let controllen = with_key(&mut ctx, msg, "controllen", true, |ctx, v| {
        let l = to_u32(ctx, v)?;
        if l == 0 {
            ctx.fail("controllen cannot be 0".into());
            return None;
        }
        Some(l)
    });
    let Some(Some(controllen)) = controllen else {
        ctx.report();
        return Ok(());
    };
    let s = ctx.sock;
    let mut data = vec![0u8; bufsize.max(1)];
    let mut control = vec![0u8; controllen as usize];
    let mut name = SockAddr::default();
    let name_slot = if want_name.is_some() { Some(&mut name) } else { None };
    match sys::recv_msg(s.fd, name_slot, &mut data[..bufsize], &mut control, flags) {
        Err(e) => {
            set_last_error(e);
            warning(&format!("Error in recvmsg [{e}]: {}", strerror(e)));
        }
        Ok(got) => {
            let n = got.len;
            let mut out = zv::Array::new(4);
            if want_name.is_some() {
                out.set("name", read_name(&name));
            } else {
                let mut z = zv::undef();
                zv::set_null(&mut z);
                out.set("name", z);
            }
            let ctl = match read_control(&control[..got.control_len]) {
                Ok(z) => z,
                Err(msg) => {
                    drop(out.into_zval());
                    warning(&msg);
                    if let Some(mut o) = a.out(1) {
                        o.set_bool(false);
                    }
                    zv::set_long(rv, n as i64);
                    return Ok(());
                }
            };
            out.set("control", ctl);
            let mut iovs = zv::Array::new(1);
            if n > 0 {
                let mut z = zv::undef();
                zv::set_bytes(&mut z, &data[..n.min(bufsize)]);
                iovs.push(z);
            }
            out.set("iov", iovs.into_zval());
            let mut f = zv::undef();
            zv::set_long(&mut f, got.flags as i64);
            out.set("flags", f);
            if let Some(mut o) = a.out(1) {
                o.set_zval(out.into_zval());
            }
            zv::set_long(rv, n as i64);
        }
    }
    let _ = sock_error;
    Ok(())
}

pub fn cmsg_space(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let level = a.long(0)?;
    let ty = a.long(1)?;
    let n = a.long_or(2, 0)?;
    for (i, v) in [(1u32, level), (2, ty), (3, n)] {
        if v < i32::MIN as i64 || v > i32::MAX as i64 {
            return Err(error::argument_value_error(i, "must be between -2147483648 and 2147483647"));
        }
    }
    if n < 0 {
        return Err(error::argument_value_error(3, "must be greater than or equal to 0"));
    }
    let Some((size, el)) = anc_entry(level as i32, ty as i32) else {
        return Err(error::value_error(&format!("Pair level {level} and/or type {ty} is not supported")));
    };
    zv::set_long(rv, space_for(size + n as usize * el) as i64);
    Ok(())
}
