//! POSIX process, file and user-database calls used by the posix group.
//!
//! Each function maps one libc call and returns owned Rust data (strings are
//! copied out of libc's static buffers before returning) or the raw errno.
//! The lookups deliberately use the same libc entry points as PHP's
//! ext/posix (getpwnam, getgrgid, ttyname, getlogin, ...) so that the errno a
//! failed call leaves behind is the same one native PHP reports. The
//! non-reentrant ones are only called from the PHP thread (php-ipc is built
//! for NTS PHP) and their results are copied before anything else runs.

use super::{last_errno, Errno};
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

/// Bytes up to the first NUL, as a C string (C functions given a PHP string
/// with an embedded NUL see exactly that prefix).
pub fn c_prefix(b: &[u8]) -> CString {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    // SAFETY-free: the prefix contains no NUL by construction.
    CString::new(&b[..end]).unwrap_or_default()
}

/// # Safety
/// `p` must be NULL or a NUL-terminated string.
unsafe fn owned(p: *const c_char) -> Option<Vec<u8>> {
    if p.is_null() {
        None
    } else {
        Some(CStr::from_ptr(p).to_bytes().to_vec())
    }
}

fn cvt(r: libc::c_int) -> Result<libc::c_int, Errno> {
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(r)
    }
}

pub fn kill(pid: libc::pid_t, sig: libc::c_int) -> Result<(), Errno> {
    cvt(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

pub fn getpid() -> libc::pid_t {
    unsafe { libc::getpid() }
}
pub fn getppid() -> libc::pid_t {
    unsafe { libc::getppid() }
}
pub fn getuid() -> libc::uid_t {
    unsafe { libc::getuid() }
}
pub fn geteuid() -> libc::uid_t {
    unsafe { libc::geteuid() }
}
pub fn getgid() -> libc::gid_t {
    unsafe { libc::getgid() }
}
pub fn getegid() -> libc::gid_t {
    unsafe { libc::getegid() }
}
pub fn getpgrp() -> libc::pid_t {
    unsafe { libc::getpgrp() }
}
/// setsid(): the new session id, or -1 (PHP reports the raw value).
pub fn setsid() -> libc::pid_t {
    unsafe { libc::setsid() }
}
pub fn setuid(id: libc::uid_t) -> Result<(), Errno> {
    cvt(unsafe { libc::setuid(id) }).map(|_| ())
}
pub fn seteuid(id: libc::uid_t) -> Result<(), Errno> {
    cvt(unsafe { libc::seteuid(id) }).map(|_| ())
}
pub fn setgid(id: libc::gid_t) -> Result<(), Errno> {
    cvt(unsafe { libc::setgid(id) }).map(|_| ())
}
pub fn setegid(id: libc::gid_t) -> Result<(), Errno> {
    cvt(unsafe { libc::setegid(id) }).map(|_| ())
}
pub fn setpgid(pid: libc::pid_t, pgid: libc::pid_t) -> Result<(), Errno> {
    cvt(unsafe { libc::setpgid(pid, pgid) }).map(|_| ())
}
pub fn getpgid(pid: libc::pid_t) -> Result<libc::pid_t, Errno> {
    cvt(unsafe { libc::getpgid(pid) })
}
pub fn getsid(pid: libc::pid_t) -> Result<libc::pid_t, Errno> {
    cvt(unsafe { libc::getsid(pid) })
}

/// The supplementary group ids.
pub fn getgroups() -> Result<Vec<libc::gid_t>, Errno> {
    let n = cvt(unsafe { libc::getgroups(0, std::ptr::null_mut()) })?;
    let mut v: Vec<libc::gid_t> = vec![0; n as usize];
    // SAFETY: v has room for n entries.
    let m = cvt(unsafe { libc::getgroups(n, v.as_mut_ptr()) })?;
    v.truncate(m as usize);
    Ok(v)
}

pub fn getlogin() -> Result<Vec<u8>, Errno> {
    // SAFETY: the static buffer is copied at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { owned(p) }.unwrap_or_default())
}

/// The bytes of a NUL-terminated field of a fixed-size C array (no copy).
pub fn field(f: &[c_char]) -> &[u8] {
    // SAFETY: c_char and u8 have the same size and alignment.
    let b = unsafe { std::slice::from_raw_parts(f.as_ptr() as *const u8, f.len()) };
    // memchr (vectorised) rather than a byte loop: these fields are scanned
    // on every posix_uname()/getpw*() call.
    // SAFETY: memchr reads at most b.len() bytes of b.
    let p = unsafe { libc::memchr(b.as_ptr() as *const libc::c_void, 0, b.len()) };
    let end = if p.is_null() { b.len() } else { p as usize - b.as_ptr() as usize };
    &b[..end]
}

/// uname(); read the fields with [`field`].
/// The struct is lent to `f` in place (it is 390 bytes: no copies).
pub fn uname<R>(f: impl FnOnce(&libc::utsname) -> R) -> Result<R, Errno> {
    let mut u = std::mem::MaybeUninit::<libc::utsname>::uninit();
    // SAFETY: uname fills the whole struct on success.
    cvt(unsafe { libc::uname(u.as_mut_ptr()) })?;
    Ok(f(unsafe { u.assume_init_ref() }))
}

/// times(): (ticks, utime, stime, cutime, cstime).
pub fn times() -> Result<[i64; 5], Errno> {
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let ticks = unsafe { libc::times(&mut t) };
    if ticks == -1 as libc::clock_t {
        return Err(last_errno());
    }
    Ok([ticks as i64, t.tms_utime as i64, t.tms_stime as i64, t.tms_cutime as i64, t.tms_cstime as i64])
}

pub fn ctermid() -> Result<Vec<u8>, Errno> {
    let mut buf = [0 as c_char; 256];
    // SAFETY: buf is larger than L_ctermid.
    let p = unsafe { libc::ctermid(buf.as_mut_ptr()) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(field(&buf).to_vec())
}

pub fn ttyname(fd: libc::c_int) -> Result<Vec<u8>, Errno> {
    // SAFETY: the static buffer is copied at once.
    let p = unsafe { libc::ttyname(fd) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { owned(p) }.unwrap_or_default())
}

pub fn isatty(fd: libc::c_int) -> bool {
    unsafe { libc::isatty(fd) != 0 }
}

/// getcwd() into a MAXPATHLEN (4096) buffer, as PHP's VCWD_GETCWD does.
pub fn getcwd() -> Result<Vec<u8>, Errno> {
    let mut buf = [0 as c_char; 4096];
    let p = unsafe { libc::getcwd(buf.as_mut_ptr(), buf.len()) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(field(&buf).to_vec())
}

pub fn mkfifo(path: &CStr, mode: libc::mode_t) -> Result<(), Errno> {
    cvt(unsafe { libc::mkfifo(path.as_ptr(), mode) }).map(|_| ())
}

pub fn makedev(major: u32, minor: u32) -> libc::dev_t {
    libc::makedev(major, minor)
}

pub fn mknod(path: &CStr, mode: libc::mode_t, dev: libc::dev_t) -> Result<(), Errno> {
    cvt(unsafe { libc::mknod(path.as_ptr(), mode, dev) }).map(|_| ())
}

pub fn access(path: &CStr, mode: libc::c_int) -> Result<(), Errno> {
    let r = unsafe { libc::access(path.as_ptr(), mode) };
    if r != 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

pub struct Group {
    pub name: Vec<u8>,
    pub passwd: Option<Vec<u8>>,
    pub members: Vec<Vec<u8>>,
    pub gid: libc::gid_t,
}

/// # Safety
/// `g` must be a valid group entry.
unsafe fn group_of(g: *const libc::group) -> Group {
    let g = &*g;
    let mut members = Vec::new();
    if !g.gr_mem.is_null() {
        let mut i = 0;
        loop {
            let m = std::ptr::read_unaligned(g.gr_mem.add(i));
            if m.is_null() {
                break;
            }
            members.push(CStr::from_ptr(m).to_bytes().to_vec());
            i += 1;
        }
    }
    Group { name: owned(g.gr_name).unwrap_or_default(), passwd: owned(g.gr_passwd), members, gid: g.gr_gid }
}

/// getgrnam(); Err(errno) when there is no such group (errno 0 then) or on error.
pub fn getgrnam(name: &CStr) -> Result<Group, Errno> {
    let g = unsafe { libc::getgrnam(name.as_ptr()) };
    if g.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { group_of(g) })
}

pub fn getgrgid(gid: libc::gid_t) -> Result<Group, Errno> {
    let g = unsafe { libc::getgrgid(gid) };
    if g.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { group_of(g) })
}

pub struct Passwd {
    pub name: Vec<u8>,
    pub passwd: Vec<u8>,
    pub uid: libc::uid_t,
    pub gid: libc::gid_t,
    pub gecos: Vec<u8>,
    pub dir: Vec<u8>,
    pub shell: Vec<u8>,
}

/// # Safety
/// `p` must be a valid passwd entry.
unsafe fn passwd_of(p: *const libc::passwd) -> Passwd {
    let p = &*p;
    Passwd {
        name: owned(p.pw_name).unwrap_or_default(),
        passwd: owned(p.pw_passwd).unwrap_or_default(),
        uid: p.pw_uid,
        gid: p.pw_gid,
        gecos: owned(p.pw_gecos).unwrap_or_default(),
        dir: owned(p.pw_dir).unwrap_or_default(),
        shell: owned(p.pw_shell).unwrap_or_default(),
    }
}

pub fn getpwnam(name: &CStr) -> Result<Passwd, Errno> {
    let p = unsafe { libc::getpwnam(name.as_ptr()) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { passwd_of(p) })
}

pub fn getpwuid(uid: libc::uid_t) -> Result<Passwd, Errno> {
    let p = unsafe { libc::getpwuid(uid) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { passwd_of(p) })
}

/// getrlimit(): (soft, hard), RLIM_INFINITY included as is.
pub fn getrlimit(res: libc::c_int) -> Result<(libc::rlim_t, libc::rlim_t), Errno> {
    let mut rl = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    cvt(unsafe { libc::getrlimit(res as _, &mut rl) })?;
    Ok((rl.rlim_cur, rl.rlim_max))
}

pub fn setrlimit(res: libc::c_int, cur: libc::rlim_t, max: libc::rlim_t) -> Result<(), Errno> {
    let rl = libc::rlimit { rlim_cur: cur, rlim_max: max };
    cvt(unsafe { libc::setrlimit(res as _, &rl) }).map(|_| ())
}

/// initgroups(): true on success (PHP ignores the errno).
pub fn initgroups(name: &CStr, gid: libc::gid_t) -> bool {
    unsafe { libc::initgroups(name.as_ptr(), gid) == 0 }
}

/// strerror() text as raw bytes (locale dependent, like native).
pub fn strerror(e: libc::c_int) -> Vec<u8> {
    // SAFETY: copied at once from libc's buffer.
    unsafe { owned(libc::strerror(e)) }.unwrap_or_default()
}
