//! sysconf(3), pathconf(3), fpathconf(3), eaccess(3) and isatty(3) with its
//! errno, for PHP 8.3's posix_sysconf/posix_pathconf/posix_fpathconf/
//! posix_eaccess and posix_isatty.

use super::{last_errno, Errno};
use std::ffi::CStr;

/// `sysconf(name)` as native returns it: the value, or -1 for an unknown
/// name or no limit (native does not tell them apart).
pub fn sysconf(name: libc::c_int) -> i64 {
    // SAFETY: sysconf takes no pointers.
    unsafe { libc::sysconf(name) as i64 }
}

/// `pathconf(path, name)`: Ok(-1) is "no limit"; Err when errno is set.
/// errno is not cleared first: native PHP does not clear it either, so a
/// -1 "no limit" with a stale errno is a failure for both.
pub fn pathconf(path: &CStr, name: libc::c_int) -> Result<i64, Errno> {
    // SAFETY: path is NUL-terminated.
    let r = unsafe { libc::pathconf(path.as_ptr(), name) };
    conf_result(r as i64)
}

/// `fpathconf(fd, name)`: as [`pathconf`].
pub fn fpathconf(fd: libc::c_int, name: libc::c_int) -> Result<i64, Errno> {
    // SAFETY: fpathconf takes no pointers; a bad fd is EBADF.
    let r = unsafe { libc::fpathconf(fd, name) };
    conf_result(r as i64)
}

fn conf_result(r: i64) -> Result<i64, Errno> {
    if r < 0 {
        match last_errno() {
            0 => Ok(r),
            e => Err(e),
        }
    } else {
        Ok(r)
    }
}

/// `eaccess(path, mode)`: access checked with the effective ids.
pub fn eaccess(path: &CStr, mode: libc::c_int) -> Result<(), Errno> {
    // SAFETY: path is NUL-terminated.
    let r = unsafe { libc::eaccess(path.as_ptr(), mode) };
    if r != 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// `isatty(fd)`, with the errno of a descriptor that is not a terminal.
pub fn isatty(fd: libc::c_int) -> Result<(), Errno> {
    // SAFETY: isatty takes no pointers.
    if unsafe { libc::isatty(fd) } != 0 {
        Ok(())
    } else {
        Err(last_errno())
    }
}
