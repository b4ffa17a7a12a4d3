//! BSD sockets: socket, bind, connect, accept, send/recv, options, poll.
//!
//! Each function maps one system call; errors are the raw errno. Addresses
//! travel as [`SockAddr`] (a `sockaddr_storage` plus its length).
//!
//! nix serves where its safe API takes PHP's values unchanged: close, send,
//! recv (any flags, kept bit for bit), fcntl and fstat. The rest stay raw
//! libc because PHP hands them integers or bytes nix's types would not carry
//! as they are: socket/socketpair take any domain, type and protocol (nix's
//! enums hold only known ones); shutdown's `how` and listen's backlog are
//! any int (nix's `Shutdown` enum, `Backlog` range check); addresses are
//! exact kernel bytes and lengths (odd Unix lengths, abstract names), which
//! nix's address types rebuild, and accept/getpeername fill a [`SockAddr`]
//! as the kernel wrote it; socket options and cmsg types go through at any
//! level; recvfrom takes flags nix's version does not; write, ppoll and
//! select would need a `BorrowedFd` per descriptor; getaddrinfo, inet_* and
//! the resolver have no nix binding.

use super::{last_errno, nix_errno, Errno};
use nix::fcntl::{fcntl, FcntlArg, OFlag};
use nix::sys::socket::MsgFlags;
use nix::sys::stat::fstat;
use nix::unistd;
use std::mem::{align_of, size_of, zeroed, MaybeUninit};

extern "C" {
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
    fn inet_ntop(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

fn check(r: libc::c_int) -> Result<libc::c_int, Errno> {
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(r)
    }
}

fn check_size(r: libc::ssize_t) -> Result<usize, Errno> {
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(r as usize)
    }
}

/// A socket address of any family.
#[derive(Clone, Copy)]
pub struct SockAddr {
    pub ss: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl Default for SockAddr {
    fn default() -> Self {
        SockAddr { ss: unsafe { zeroed() }, len: size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
}

/// The family-specific structs a `sockaddr_storage` is read and written as.
trait FamilyAddr: Sized {
    /// Evaluated at compile time for each implementor used: it fits the
    /// storage, in size and alignment.
    const FITS: () = assert!(
        size_of::<Self>() <= size_of::<libc::sockaddr_storage>()
            && align_of::<Self>() <= align_of::<libc::sockaddr_storage>()
    );
}
impl FamilyAddr for libc::sockaddr_in {}
impl FamilyAddr for libc::sockaddr_in6 {}
impl FamilyAddr for libc::sockaddr_un {}

impl SockAddr {
    /// The storage as a `T` (the casts C code does on `struct sockaddr *`).
    fn view<T: FamilyAddr>(&self) -> &T {
        let () = T::FITS;
        // SAFETY: sockaddr_storage is large and aligned enough for every
        // sockaddr_* (checked above, and its definition), and those are
        // plain integer structs, valid for any bytes.
        unsafe { &*(&self.ss as *const libc::sockaddr_storage).cast::<T>() }
    }
    fn view_mut<T: FamilyAddr>(&mut self) -> &mut T {
        let () = T::FITS;
        // SAFETY: as in `view`; any bytes written through T are valid
        // sockaddr_storage bytes too.
        unsafe { &mut *(&mut self.ss as *mut libc::sockaddr_storage).cast::<T>() }
    }

    pub fn family(&self) -> i32 {
        self.ss.ss_family as i32
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.ss as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.ss as *mut _ as *mut libc::sockaddr
    }

    pub fn inet(ip: [u8; 4], port: u16) -> SockAddr {
        let mut a = SockAddr::default();
        let sin: &mut libc::sockaddr_in = a.view_mut();
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = port.to_be();
        sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
        a.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
        a
    }

    pub fn inet6(ip: [u8; 16], port: u16, scope_id: u32) -> SockAddr {
        let mut a = SockAddr::default();
        let sin6: &mut libc::sockaddr_in6 = a.view_mut();
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_port = port.to_be();
        sin6.sin6_addr.s6_addr = ip;
        sin6.sin6_scope_id = scope_id;
        a.len = size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        a
    }

    /// A Unix address: `path` (at most 107 bytes, not checked here beyond
    /// truncation), length offsetof(sun_path) + `len_of_path`.
    pub fn unix(path: &[u8], len_of_path: usize) -> SockAddr {
        let mut a = SockAddr::default();
        let sun: &mut libc::sockaddr_un = a.view_mut();
        sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
        let n = path.len().min(sun.sun_path.len());
        for (d, s) in sun.sun_path.iter_mut().zip(&path[..n]) {
            *d = *s as libc::c_char;
        }
        let off = std::mem::offset_of!(libc::sockaddr_un, sun_path);
        a.len = (off + len_of_path.min(sun.sun_path.len())) as libc::socklen_t;
        a
    }

    /// (ip bytes, port) of an AF_INET address.
    pub fn as_inet(&self) -> ([u8; 4], u16) {
        let sin: &libc::sockaddr_in = self.view();
        (sin.sin_addr.s_addr.to_ne_bytes(), u16::from_be(sin.sin_port))
    }
    /// (ip bytes, port, scope) of an AF_INET6 address.
    pub fn as_inet6(&self) -> ([u8; 16], u16, u32) {
        let sin6: &libc::sockaddr_in6 = self.view();
        (sin6.sin6_addr.s6_addr, u16::from_be(sin6.sin6_port), sin6.sin6_scope_id)
    }
    /// sun_path up to its first NUL (as C's string functions read it).
    pub fn unix_path(&self) -> Vec<u8> {
        let sun: &libc::sockaddr_un = self.view();
        sun.sun_path.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect()
    }

    /// From a raw sockaddr of `len` bytes (e.g. from getaddrinfo).
    ///
    /// # Safety
    /// `p` must point to `len` readable bytes.
    pub unsafe fn from_raw(p: *const libc::sockaddr, len: libc::socklen_t) -> SockAddr {
        let mut a = SockAddr::default();
        let n = (len as usize).min(size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(p as *const u8, &mut a.ss as *mut _ as *mut u8, n);
        a.len = n as libc::socklen_t;
        a
    }
}

pub fn socket(domain: i32, ty: i32, proto: i32) -> Result<i32, Errno> {
    check(unsafe { libc::socket(domain, ty, proto) })
}

pub fn socketpair(domain: i32, ty: i32, proto: i32) -> Result<[i32; 2], Errno> {
    let mut fds = [-1; 2];
    check(unsafe { libc::socketpair(domain, ty, proto, fds.as_mut_ptr()) })?;
    Ok(fds)
}

pub fn close(fd: i32) {
    let _ = unistd::close(fd);
}

pub fn bind(fd: i32, a: &SockAddr) -> Result<(), Errno> {
    check(unsafe { libc::bind(fd, a.ptr(), a.len) }).map(|_| ())
}

pub fn connect(fd: i32, a: &SockAddr) -> Result<(), Errno> {
    check(unsafe { libc::connect(fd, a.ptr(), a.len) }).map(|_| ())
}

pub fn listen(fd: i32, backlog: i32) -> Result<(), Errno> {
    check(unsafe { libc::listen(fd, backlog) }).map(|_| ())
}

pub fn accept(fd: i32) -> Result<(i32, SockAddr), Errno> {
    let mut a = SockAddr::default();
    let nfd = check(unsafe { libc::accept(fd, a.mut_ptr(), &mut a.len) })?;
    Ok((nfd, a))
}

pub fn getsockname(fd: i32) -> Result<SockAddr, Errno> {
    let mut a = SockAddr::default();
    check(unsafe { libc::getsockname(fd, a.mut_ptr(), &mut a.len) })?;
    Ok(a)
}

pub fn getpeername(fd: i32) -> Result<SockAddr, Errno> {
    let mut a = SockAddr::default();
    check(unsafe { libc::getpeername(fd, a.mut_ptr(), &mut a.len) })?;
    Ok(a)
}

pub fn shutdown(fd: i32, how: i32) -> Result<(), Errno> {
    check(unsafe { libc::shutdown(fd, how) }).map(|_| ())
}

pub fn write(fd: i32, b: &[u8]) -> Result<usize, Errno> {
    check_size(unsafe { libc::write(fd, b.as_ptr() as *const _, b.len()) })
}

pub fn recv(fd: i32, b: &mut [u8], flags: i32) -> Result<usize, Errno> {
    nix::sys::socket::recv(fd, b, MsgFlags::from_bits_retain(flags)).map_err(nix_errno)
}

/// recv into uninitialised memory; returns the part the kernel wrote.
pub fn recv_uninit(fd: i32, b: &mut [MaybeUninit<u8>], flags: i32) -> Result<&mut [u8], Errno> {
    let n = check_size(unsafe { libc::recv(fd, b.as_mut_ptr() as *mut _, b.len(), flags) })?;
    // SAFETY: the kernel wrote the first n <= b.len() bytes.
    Ok(unsafe { std::slice::from_raw_parts_mut(b.as_mut_ptr().cast(), n) })
}

pub fn send(fd: i32, b: &[u8], flags: i32) -> Result<usize, Errno> {
    nix::sys::socket::send(fd, b, MsgFlags::from_bits_retain(flags)).map_err(nix_errno)
}

/// recvfrom with an address buffer of `family`'s size, as native sizes it.
/// The data read is the part of `b` the kernel wrote.
pub fn recvfrom(
    fd: i32,
    b: &mut [MaybeUninit<u8>],
    flags: i32,
    addr_len: usize,
) -> Result<(&mut [u8], SockAddr), Errno> {
    let mut a =
        SockAddr { len: addr_len.min(size_of::<libc::sockaddr_storage>()) as libc::socklen_t, ..Default::default() };
    let n =
        check_size(unsafe { libc::recvfrom(fd, b.as_mut_ptr() as *mut _, b.len(), flags, a.mut_ptr(), &mut a.len) })?;
    // SAFETY: the kernel wrote the first n <= b.len() bytes.
    Ok((unsafe { std::slice::from_raw_parts_mut(b.as_mut_ptr().cast(), n) }, a))
}

pub fn sendto(fd: i32, b: &[u8], flags: i32, a: &SockAddr) -> Result<usize, Errno> {
    check_size(unsafe { libc::sendto(fd, b.as_ptr() as *const _, b.len(), flags, a.ptr(), a.len) })
}

/// getsockopt into `buf`; returns the length the kernel wrote.
pub fn getsockopt(fd: i32, level: i32, opt: i32, buf: &mut [u8]) -> Result<usize, Errno> {
    let mut len = buf.len() as libc::socklen_t;
    check(unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut _, &mut len) })?;
    Ok(len as usize)
}

pub fn setsockopt(fd: i32, level: i32, opt: i32, buf: &[u8]) -> Result<(), Errno> {
    check(unsafe { libc::setsockopt(fd, level, opt, buf.as_ptr() as *const _, buf.len() as libc::socklen_t) })
        .map(|_| ())
}

pub fn get_flags(fd: i32) -> Result<i32, Errno> {
    fcntl(fd, FcntlArg::F_GETFL).map_err(nix_errno)
}

pub fn set_nonblocking(fd: i32, nonblock: bool) -> Result<(), Errno> {
    let fl = OFlag::from_bits_retain(get_flags(fd)?);
    let new = if nonblock { fl | OFlag::O_NONBLOCK } else { fl - OFlag::O_NONBLOCK };
    fcntl(fd, FcntlArg::F_SETFL(new)).map(|_| ()).map_err(nix_errno)
}

/// ppoll over `fds` with an optional (sec, nsec) timeout.
pub fn poll(fds: &mut [libc::pollfd], timeout: Option<(i64, i64)>) -> Result<usize, Errno> {
    let ts = timeout.map(|(s, ns)| libc::timespec { tv_sec: s as libc::time_t, tv_nsec: ns as libc::c_long });
    let tp = ts.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec);
    let r = unsafe { libc::ppoll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, tp, std::ptr::null()) };
    check(r).map(|n| n as usize)
}

/// inet_pton for AF_INET (4 bytes) — same acceptance as inet_aton for dotted
/// quads is provided by [`inet_aton`].
pub fn inet_aton(s: &[u8]) -> Option<[u8; 4]> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut a = libc::in_addr { s_addr: 0 };
    extern "C" {
        fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    }
    if unsafe { inet_aton(c.as_ptr(), &mut a) } != 0 {
        Some(a.s_addr.to_ne_bytes())
    } else {
        None
    }
}

pub fn inet_pton6(s: &[u8]) -> Option<[u8; 16]> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut a = [0u8; 16];
    if unsafe { inet_pton(libc::AF_INET6, c.as_ptr(), a.as_mut_ptr() as *mut _) } == 1 {
        Some(a)
    } else {
        None
    }
}

pub fn inet_pton4(s: &[u8]) -> Option<[u8; 4]> {
    let c = std::ffi::CString::new(s).ok()?;
    let mut a = [0u8; 4];
    if unsafe { inet_pton(libc::AF_INET, c.as_ptr(), a.as_mut_ptr() as *mut _) } == 1 {
        Some(a)
    } else {
        None
    }
}

pub fn ntop4(ip: [u8; 4]) -> String {
    std::net::Ipv4Addr::from(ip).to_string()
}

/// inet_ntop(AF_INET6) text (glibc's formatting).
pub fn ntop6(ip: [u8; 16]) -> String {
    let mut buf = [0 as libc::c_char; 64];
    let p = unsafe { inet_ntop(libc::AF_INET6, ip.as_ptr() as *const _, buf.as_mut_ptr(), 64) };
    if p.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_string_lossy().into_owned()
}

/// One getaddrinfo result.
pub struct AddrInfo {
    pub flags: i32,
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub addr: SockAddr,
    pub canonname: Option<Vec<u8>>,
}

/// getaddrinfo; Err is the EAI_* code.
pub fn getaddrinfo(host: &[u8], service: Option<&[u8]>, hints: (i32, i32, i32, i32)) -> Result<Vec<AddrInfo>, i32> {
    let h = std::ffi::CString::new(host).map_err(|_| libc::EAI_NONAME)?;
    let s = match service {
        Some(s) => Some(std::ffi::CString::new(s).map_err(|_| libc::EAI_NONAME)?),
        None => None,
    };
    let mut hi: libc::addrinfo = unsafe { zeroed() };
    hi.ai_flags = hints.0;
    hi.ai_socktype = hints.1;
    hi.ai_protocol = hints.2;
    hi.ai_family = hints.3;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let r =
        unsafe { libc::getaddrinfo(h.as_ptr(), s.as_ref().map_or(std::ptr::null(), |s| s.as_ptr()), &hi, &mut res) };
    if r != 0 {
        return Err(r);
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        let ai = unsafe { &*p };
        out.push(AddrInfo {
            flags: ai.ai_flags,
            family: ai.ai_family,
            socktype: ai.ai_socktype,
            protocol: ai.ai_protocol,
            addr: if ai.ai_addr.is_null() {
                SockAddr::default()
            } else {
                unsafe { SockAddr::from_raw(ai.ai_addr, ai.ai_addrlen) }
            },
            canonname: if ai.ai_canonname.is_null() {
                None
            } else {
                Some(unsafe { std::ffi::CStr::from_ptr(ai.ai_canonname) }.to_bytes().to_vec())
            },
        });
        p = ai.ai_next;
    }
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// PHP's own php_network_gethostbyname (gethostbyname_r underneath), so the
/// global h_errno is left exactly as native code leaves it. Err carries the
/// global h_errno after the call (what native reports), or NOT_INET when the
/// result is not an IPv4 host ([`NOT_INET`]).
pub fn resolve4(host: &[u8]) -> Result<[u8; 4], i32> {
    let c = std::ffi::CString::new(host).map_err(|_| h_errno())?;
    extern "C" {
        fn php_network_gethostbyname(name: *const libc::c_char) -> *mut libc::hostent;
    }
    let he = unsafe { php_network_gethostbyname(c.as_ptr()) };
    if he.is_null() {
        return Err(h_errno());
    }
    let he = unsafe { &*he };
    if he.h_addrtype != libc::AF_INET || he.h_addr_list.is_null() || unsafe { (*he.h_addr_list).is_null() } {
        return Err(NOT_INET);
    }
    let mut ip = [0u8; 4];
    unsafe { std::ptr::copy_nonoverlapping(*he.h_addr_list as *const u8, ip.as_mut_ptr(), 4) };
    Ok(ip)
}

/// resolve4's error for a host that is not IPv4.
pub const NOT_INET: i32 = i32::MIN;

/// The global resolver error (h_errno).
pub fn h_errno() -> i32 {
    extern "C" {
        fn __h_errno_location() -> *mut libc::c_int;
    }
    unsafe { *__h_errno_location() }
}

/// hstrerror text.
pub fn hstrerror(code: i32) -> String {
    extern "C" {
        fn hstrerror(err: libc::c_int) -> *const libc::c_char;
    }
    let p = unsafe { hstrerror(code) };
    if p.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// sendmsg with a prepared msghdr.
///
/// # Safety
/// Every pointer in `msg` must be valid for the call.
pub unsafe fn sendmsg(fd: i32, msg: &libc::msghdr, flags: i32) -> Result<usize, Errno> {
    check_size(libc::sendmsg(fd, msg, flags))
}

/// # Safety
/// Every pointer in `msg` must be valid for the call.
pub unsafe fn recvmsg(fd: i32, msg: &mut libc::msghdr, flags: i32) -> Result<usize, Errno> {
    check_size(libc::recvmsg(fd, msg, flags))
}

/// select(2) over `fds` (all below FD_SETSIZE): the wishes in `events`
/// (POLLIN/POLLOUT/POLLPRI for the read/write/except sets) and the answers
/// written back to `revents` the same way, so callers can treat both
/// [`poll`] and this alike. `timeout` is (sec, usec).
pub fn select(fds: &mut [libc::pollfd], timeout: Option<(i64, i64)>) -> Result<usize, Errno> {
    let mut sets: [libc::fd_set; 3] = unsafe { zeroed() };
    let mut max = -1;
    for p in fds.iter() {
        debug_assert!((p.fd as usize) < libc::FD_SETSIZE);
        // SAFETY: fd is below FD_SETSIZE (checked by the caller).
        unsafe {
            if p.events & libc::POLLIN != 0 {
                libc::FD_SET(p.fd, &mut sets[0]);
            }
            if p.events & libc::POLLOUT != 0 {
                libc::FD_SET(p.fd, &mut sets[1]);
            }
            if p.events & libc::POLLPRI != 0 {
                libc::FD_SET(p.fd, &mut sets[2]);
            }
        }
        max = max.max(p.fd);
    }
    let mut tv = timeout.map(|(s, u)| libc::timeval { tv_sec: s as libc::time_t, tv_usec: u as libc::suseconds_t });
    let tp = tv.as_mut().map_or(std::ptr::null_mut(), |t| t as *mut libc::timeval);
    let [r, w, e] = &mut sets;
    let n = check(unsafe { libc::select(max + 1, r, w, e, tp) })?;
    for p in fds.iter_mut() {
        let mut rev = 0;
        unsafe {
            if libc::FD_ISSET(p.fd, r) {
                rev |= libc::POLLIN;
            }
            if libc::FD_ISSET(p.fd, w) {
                rev |= libc::POLLOUT;
            }
            if libc::FD_ISSET(p.fd, e) {
                rev |= libc::POLLPRI;
            }
        }
        p.revents = rev;
    }
    Ok(n as usize)
}

impl SockAddr {
    /// sin6_flowinfo (host order) of an AF_INET6 address.
    pub fn flowinfo(&self) -> u32 {
        let sin6: &libc::sockaddr_in6 = self.view();
        u32::from_be(sin6.sin6_flowinfo)
    }
    pub fn set_flowinfo(&mut self, f: u32) {
        let sin6: &mut libc::sockaddr_in6 = self.view_mut();
        sin6.sin6_flowinfo = f.to_be();
    }
    /// The whole sockaddr_storage as bytes (for group_req & co).
    pub fn storage_bytes(&self) -> &[u8] {
        unsafe { std::slice::from_raw_parts(&self.ss as *const _ as *const u8, size_of::<libc::sockaddr_storage>()) }
    }
}

/// Whether `fd` is a socket (fstat S_ISSOCK).
pub fn is_socket(fd: i32) -> bool {
    fstat(fd).is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFSOCK)
}

/// sendmsg with an optional destination, a gather list and raw control bytes.
pub fn send_msg(
    fd: i32,
    name: Option<&SockAddr>,
    iov: &[Vec<u8>],
    control: &mut [u8],
    flags: i32,
) -> Result<usize, Errno> {
    let mut iovs: Vec<libc::iovec> =
        iov.iter().map(|b| libc::iovec { iov_base: b.as_ptr() as *mut _, iov_len: b.len() }).collect();
    let mut name = name.copied();
    let mut hdr: libc::msghdr = unsafe { zeroed() };
    if let Some(n) = name.as_mut() {
        hdr.msg_name = &mut n.ss as *mut _ as *mut _;
        hdr.msg_namelen = n.len;
    }
    if !iovs.is_empty() {
        hdr.msg_iov = iovs.as_mut_ptr();
        hdr.msg_iovlen = iovs.len();
    }
    if !control.is_empty() {
        hdr.msg_control = control.as_mut_ptr() as *mut _;
        hdr.msg_controllen = control.len();
    }
    // SAFETY: every pointer in hdr refers to a live local buffer.
    unsafe { sendmsg(fd, &hdr, flags) }
}

/// What recvmsg returned: bytes, control length used, msg_flags.
pub struct Received {
    pub len: usize,
    pub control_len: usize,
    pub flags: i32,
}

/// recvmsg into one buffer; `name` (if given) receives the source address.
pub fn recv_msg(
    fd: i32,
    name: Option<&mut SockAddr>,
    buf: &mut [u8],
    control: &mut [u8],
    flags: i32,
) -> Result<Received, Errno> {
    let mut iov = libc::iovec { iov_base: buf.as_mut_ptr() as *mut _, iov_len: buf.len() };
    let mut hdr: libc::msghdr = unsafe { zeroed() };
    let has_name = name.is_some();
    let mut local = SockAddr::default();
    let np: &mut SockAddr = match name {
        Some(n) => n,
        None => &mut local,
    };
    if has_name {
        hdr.msg_name = &mut np.ss as *mut _ as *mut _;
        hdr.msg_namelen = size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    }
    hdr.msg_iov = &mut iov;
    hdr.msg_iovlen = 1;
    if !control.is_empty() {
        hdr.msg_control = control.as_mut_ptr() as *mut _;
        hdr.msg_controllen = control.len();
    }
    // SAFETY: every pointer in hdr refers to a live buffer of the stated size.
    let n = unsafe { recvmsg(fd, &mut hdr, flags) }?;
    if has_name {
        np.len = hdr.msg_namelen;
    }
    Ok(Received { len: n, control_len: hdr.msg_controllen.min(control.len()), flags: hdr.msg_flags })
}
