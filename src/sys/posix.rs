//! POSIX process, file and user-database calls used by the posix group.
//!
//! Calls whose arguments nix's safe API can carry unchanged go through nix
//! (the ids, sessions and groups, uname, isatty, mkfifo/mknod/access,
//! getrlimit, initgroups); nix makes the same single libc call, so the
//! result and errno are native's.
//!
//! The rest stay raw libc, each for a reason given at the function: PHP
//! hands the call an integer nix's types cannot hold (kill's signal,
//! setrlimit's resource), nix calls a different libc entry point whose errors
//! differ (getcwd, ttyname, the user database), or nix has no binding
//! (times, ctermid, getlogin, strerror). The user-database lookups use the
//! same non-reentrant entry points as PHP's ext/posix on NTS builds
//! (getpwnam, getgrgid, ttyname, getlogin, ...) so that the errno a failed
//! call leaves behind is the one native PHP reports; they are only called
//! from the PHP thread (php-ipc is built for NTS PHP) and their results are
//! copied out of libc's static buffers before anything else runs.

use super::{last_errno, nix_errno, Errno};
use nix::sys::resource::{self, Resource};
use nix::sys::stat::{self, Mode, SFlag};
use nix::sys::utsname::{self, UtsName};
use nix::unistd::{self, AccessFlags, Gid, Pid, Uid};
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

/// Bytes up to the first NUL, as a C string (C functions given a PHP string
/// with an embedded NUL see exactly that prefix).
pub fn c_prefix(b: &[u8]) -> CString {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    // The prefix contains no NUL by construction.
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

/// The bytes of a C string written into `buf`, up to its first NUL.
fn until_nul(buf: &[u8]) -> &[u8] {
    CStr::from_bytes_until_nul(buf).map_or(buf, CStr::to_bytes)
}

/// kill(2), raw: PHP passes any integer as the signal, and nix's `Signal`
/// enum holds neither the real-time signals nor invalid numbers (whose
/// EINVAL, or ESRCH for a missing process, must come from the kernel).
pub fn kill(pid: libc::pid_t, sig: libc::c_int) -> Result<(), Errno> {
    cvt(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

pub fn getpid() -> libc::pid_t {
    unistd::getpid().as_raw()
}
pub fn getppid() -> libc::pid_t {
    unistd::getppid().as_raw()
}
pub fn getuid() -> libc::uid_t {
    unistd::getuid().as_raw()
}
pub fn geteuid() -> libc::uid_t {
    unistd::geteuid().as_raw()
}
pub fn getgid() -> libc::gid_t {
    unistd::getgid().as_raw()
}
pub fn getegid() -> libc::gid_t {
    unistd::getegid().as_raw()
}
pub fn getpgrp() -> libc::pid_t {
    unistd::getpgrp().as_raw()
}
/// setsid(): the new session id, or -1 (PHP reports the raw value).
pub fn setsid() -> libc::pid_t {
    unistd::setsid().map_or(-1, Pid::as_raw)
}
pub fn setuid(id: libc::uid_t) -> Result<(), Errno> {
    unistd::setuid(Uid::from_raw(id)).map_err(nix_errno)
}
pub fn seteuid(id: libc::uid_t) -> Result<(), Errno> {
    unistd::seteuid(Uid::from_raw(id)).map_err(nix_errno)
}
pub fn setgid(id: libc::gid_t) -> Result<(), Errno> {
    unistd::setgid(Gid::from_raw(id)).map_err(nix_errno)
}
pub fn setegid(id: libc::gid_t) -> Result<(), Errno> {
    unistd::setegid(Gid::from_raw(id)).map_err(nix_errno)
}
pub fn setpgid(pid: libc::pid_t, pgid: libc::pid_t) -> Result<(), Errno> {
    unistd::setpgid(Pid::from_raw(pid), Pid::from_raw(pgid)).map_err(nix_errno)
}
pub fn getpgid(pid: libc::pid_t) -> Result<libc::pid_t, Errno> {
    unistd::getpgid(Some(Pid::from_raw(pid))).map(Pid::as_raw).map_err(nix_errno)
}
pub fn getsid(pid: libc::pid_t) -> Result<libc::pid_t, Errno> {
    unistd::getsid(Some(Pid::from_raw(pid))).map(Pid::as_raw).map_err(nix_errno)
}

/// The supplementary group ids.
pub fn getgroups() -> Result<Vec<libc::gid_t>, Errno> {
    unistd::getgroups().map(|v| v.into_iter().map(Gid::as_raw).collect()).map_err(nix_errno)
}

/// getlogin(), raw: nix has no binding.
pub fn getlogin() -> Result<Vec<u8>, Errno> {
    // SAFETY: the static buffer is copied at once.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { owned(p) }.unwrap_or_default())
}

/// uname(); the fields are read with UtsName's accessors (bytes up to the
/// first NUL, as PHP's add_assoc_string reads them).
pub fn uname() -> Result<UtsName, Errno> {
    utsname::uname().map_err(nix_errno)
}

/// times(), raw: nix has no binding. (ticks, utime, stime, cutime, cstime);
/// clock_t is 64 bits on the 64-bit Linux targets php-ipc builds for.
pub fn times() -> Result<[i64; 5], Errno> {
    let mut t = libc::tms { tms_utime: 0, tms_stime: 0, tms_cutime: 0, tms_cstime: 0 };
    // SAFETY: t is a valid tms for the kernel to fill.
    let ticks = unsafe { libc::times(&mut t) };
    if ticks == -1 as libc::clock_t {
        return Err(last_errno());
    }
    Ok([ticks, t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime])
}

/// ctermid(), raw: nix has no binding.
pub fn ctermid() -> Result<Vec<u8>, Errno> {
    let mut buf = [0u8; 256];
    // SAFETY: buf is larger than L_ctermid.
    let p = unsafe { libc::ctermid(buf.as_mut_ptr().cast()) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(until_nul(&buf).to_vec())
}

/// ttyname(), raw: PHP 8.2 (NTS) calls ttyname() on any int, negative ones
/// included. nix's ttyname needs a `BorrowedFd` (which cannot hold -1, and
/// would need an unsafe borrow of a descriptor we do not own) and calls
/// ttyname_r with its own buffer size instead.
pub fn ttyname(fd: libc::c_int) -> Result<Vec<u8>, Errno> {
    // SAFETY: the static buffer is copied at once.
    let p = unsafe { libc::ttyname(fd) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(unsafe { owned(p) }.unwrap_or_default())
}

/// isatty(): any failure (EBADF, ENOTTY, ...) is false, as in C.
pub fn isatty(fd: libc::c_int) -> bool {
    unistd::isatty(fd).unwrap_or(false)
}

/// getcwd() into a MAXPATHLEN (4096) buffer, as PHP's VCWD_GETCWD does.
/// Raw: nix's getcwd grows its buffer on ERANGE, so a directory deeper than
/// 4096 bytes would succeed where native fails with ERANGE.
pub fn getcwd() -> Result<Vec<u8>, Errno> {
    let mut buf = [0u8; 4096];
    // SAFETY: getcwd writes at most buf.len() bytes.
    let p = unsafe { libc::getcwd(buf.as_mut_ptr().cast(), buf.len()) };
    if p.is_null() {
        return Err(last_errno());
    }
    Ok(until_nul(&buf).to_vec())
}

/// mkfifo(); `mode` goes to the kernel bit for bit (from_bits_retain).
pub fn mkfifo(path: &CStr, mode: libc::mode_t) -> Result<(), Errno> {
    unistd::mkfifo(path, Mode::from_bits_retain(mode)).map_err(nix_errno)
}

/// glibc's makedev() (gnu_dev_makedev takes two unsigned ints).
pub fn makedev(major: u32, minor: u32) -> libc::dev_t {
    stat::makedev(major.into(), minor.into())
}

/// mknod(); nix ORs `kind` and `perm` back together, so any `mode` (odd
/// type bits included) reaches the kernel unchanged.
pub fn mknod(path: &CStr, mode: libc::mode_t, dev: libc::dev_t) -> Result<(), Errno> {
    let kind = SFlag::from_bits_retain(mode & libc::S_IFMT);
    let perm = Mode::from_bits_retain(mode & !libc::S_IFMT);
    stat::mknod(path, kind, perm, dev).map_err(nix_errno)
}

/// access(); `mode` goes to the kernel bit for bit.
pub fn access(path: &CStr, mode: libc::c_int) -> Result<(), Errno> {
    unistd::access(path, AccessFlags::from_bits_retain(mode)).map_err(nix_errno)
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
/// Raw, like the other user-database lookups: PHP (NTS) calls getgrnam() and
/// reports the errno it leaves; nix's Group/User::from_* call the _r
/// variants, grow their buffer on ERANGE themselves and turn "not found"
/// into Ok(None), losing that errno.
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

/// getrlimit() of one of the limits posix_getrlimit() reports: (soft,
/// hard), RLIM_INFINITY included as is.
pub fn getrlimit(res: Resource) -> Result<(libc::rlim_t, libc::rlim_t), Errno> {
    resource::getrlimit(res).map_err(nix_errno)
}

/// getrlimit() of any resource number, raw: PHP 8.3+'s posix_getrlimit($resource)
/// passes any integer (an unknown one gets the kernel's EINVAL), which nix's
/// `Resource` enum cannot hold.
pub fn getrlimit_raw(res: libc::c_int) -> Result<(libc::rlim_t, libc::rlim_t), Errno> {
    let mut rl = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes one rlimit into rl.
    cvt(unsafe { libc::getrlimit(res as _, &mut rl) }).map(|_| (rl.rlim_cur, rl.rlim_max))
}

/// setrlimit(), raw: PHP passes any integer as the resource (an unknown one
/// gets the kernel's EINVAL), which nix's `Resource` enum cannot hold.
pub fn setrlimit(res: libc::c_int, cur: libc::rlim_t, max: libc::rlim_t) -> Result<(), Errno> {
    let rl = libc::rlimit { rlim_cur: cur, rlim_max: max };
    cvt(unsafe { libc::setrlimit(res as _, &rl) }).map(|_| ())
}

/// initgroups(): true on success (PHP ignores the errno).
pub fn initgroups(name: &CStr, gid: libc::gid_t) -> bool {
    unistd::initgroups(name, Gid::from_raw(gid)).is_ok()
}

/// strerror() text as raw bytes (locale dependent, like native), raw: nix's
/// Errno::desc() is its own fixed English table.
pub fn strerror(e: libc::c_int) -> Vec<u8> {
    // SAFETY: copied at once from libc's buffer.
    unsafe { owned(libc::strerror(e)) }.unwrap_or_default()
}
