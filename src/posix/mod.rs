//! ext/posix: process, user, file and terminal functions of POSIX.1.
//!
//! Mirrors PHP 8.2's ext/posix: the same libc calls with the same argument
//! conversions (zend_long truncated to the C type), the same return arrays
//! (keys, order, types), and `posix_get_last_error()` set by exactly the
//! functions that set it natively. Like native's module global (initialised
//! once at GINIT, never reset by a request), the last error lives for the
//! process and a forked child inherits it.

use crate::php::error::PhpResult;
use crate::php::module::{long_constant, Group};
use crate::php::types::{Type, MAY_BE_ARRAY, MAY_BE_FALSE, MAY_BE_LONG, MAY_BE_STRING};
use crate::php::{zv, Args, FnDef};
use crate::sys::posix as sys;
use crate::sys::Errno;
use ext_php_rs::ffi::zval;
use nix::sys::resource::Resource;
use std::os::raw::c_int;
use std::os::unix::ffi::OsStrExt;
use std::sync::atomic::{AtomicI32, Ordering};

#[cfg(php83)]
mod since83;

pub static GROUP: Group = Group {
    name: c"posix",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("POSIX support".into(), "enabled".into())],
};

/// POSIX_G(last_error): per process, like native's module global.
static LAST_ERROR: AtomicI32 = AtomicI32::new(0);

fn set_last_error(e: Errno) {
    LAST_ERROR.store(e, Ordering::Relaxed);
}

const ARRAY_OR_FALSE: Type = Type::mask(MAY_BE_ARRAY | MAY_BE_FALSE);
const STRING_OR_FALSE: Type = Type::mask(MAY_BE_STRING | MAY_BE_FALSE);
const INT_OR_FALSE: Type = Type::mask(MAY_BE_LONG | MAY_BE_FALSE);

fn functions() -> Vec<FnDef> {
    #[cfg(php83)]
    return since83::with_additions(functions82());
    #[cfg(not(php83))]
    functions82()
}

#[cfg(php83)]
fn getrlimit_def(def: FnDef) -> FnDef {
    since83::getrlimit_def(def)
}
#[cfg(not(php83))]
fn getrlimit_def(def: FnDef) -> FnDef {
    def
}

fn functions82() -> Vec<FnDef> {
    let none = |name, h| FnDef::new(name, h);
    vec![
        FnDef::new(c"posix_kill", crate::handler!(posix_kill))
            .arg(c"process_id", Type::INT)
            .arg(c"signal", Type::INT)
            .ret(Type::BOOL),
        none(c"posix_getpid", crate::handler!(posix_getpid)).ret(Type::INT),
        none(c"posix_getppid", crate::handler!(posix_getppid)).ret(Type::INT),
        none(c"posix_getuid", crate::handler!(posix_getuid)).ret(Type::INT),
        FnDef::new(c"posix_setuid", crate::handler!(posix_setuid)).arg(c"user_id", Type::INT).ret(Type::BOOL),
        none(c"posix_geteuid", crate::handler!(posix_geteuid)).ret(Type::INT),
        FnDef::new(c"posix_seteuid", crate::handler!(posix_seteuid)).arg(c"user_id", Type::INT).ret(Type::BOOL),
        none(c"posix_getgid", crate::handler!(posix_getgid)).ret(Type::INT),
        FnDef::new(c"posix_setgid", crate::handler!(posix_setgid)).arg(c"group_id", Type::INT).ret(Type::BOOL),
        none(c"posix_getegid", crate::handler!(posix_getegid)).ret(Type::INT),
        FnDef::new(c"posix_setegid", crate::handler!(posix_setegid)).arg(c"group_id", Type::INT).ret(Type::BOOL),
        none(c"posix_getgroups", crate::handler!(posix_getgroups)).ret(ARRAY_OR_FALSE),
        none(c"posix_getlogin", crate::handler!(posix_getlogin)).ret(STRING_OR_FALSE),
        none(c"posix_getpgrp", crate::handler!(posix_getpgrp)).ret(Type::INT),
        none(c"posix_setsid", crate::handler!(posix_setsid)).ret(Type::INT),
        FnDef::new(c"posix_setpgid", crate::handler!(posix_setpgid))
            .arg(c"process_id", Type::INT)
            .arg(c"process_group_id", Type::INT)
            .ret(Type::BOOL),
        FnDef::new(c"posix_getpgid", crate::handler!(posix_getpgid)).arg(c"process_id", Type::INT).ret(INT_OR_FALSE),
        FnDef::new(c"posix_getsid", crate::handler!(posix_getsid)).arg(c"process_id", Type::INT).ret(INT_OR_FALSE),
        none(c"posix_uname", crate::handler!(posix_uname)).ret(ARRAY_OR_FALSE),
        none(c"posix_times", crate::handler!(posix_times)).ret(ARRAY_OR_FALSE),
        none(c"posix_ctermid", crate::handler!(posix_ctermid)).ret(STRING_OR_FALSE),
        FnDef::new(c"posix_ttyname", crate::handler!(posix_ttyname))
            .arg(c"file_descriptor", Type::NONE)
            .ret(STRING_OR_FALSE),
        FnDef::new(c"posix_isatty", crate::handler!(posix_isatty)).arg(c"file_descriptor", Type::NONE).ret(Type::BOOL),
        none(c"posix_getcwd", crate::handler!(posix_getcwd)).ret(STRING_OR_FALSE),
        FnDef::new(c"posix_mkfifo", crate::handler!(posix_mkfifo))
            .arg(c"filename", Type::STRING)
            .arg(c"permissions", Type::INT)
            .ret(Type::BOOL),
        FnDef::new(c"posix_mknod", crate::handler!(posix_mknod))
            .arg(c"filename", Type::STRING)
            .arg(c"flags", Type::INT)
            .opt(c"major", Type::INT, c"0")
            .opt(c"minor", Type::INT, c"0")
            .ret(Type::BOOL),
        FnDef::new(c"posix_access", crate::handler!(posix_access))
            .arg(c"filename", Type::STRING)
            .opt(c"flags", Type::INT, c"0")
            .ret(Type::BOOL),
        FnDef::new(c"posix_getgrnam", crate::handler!(posix_getgrnam)).arg(c"name", Type::STRING).ret(ARRAY_OR_FALSE),
        FnDef::new(c"posix_getgrgid", crate::handler!(posix_getgrgid)).arg(c"group_id", Type::INT).ret(ARRAY_OR_FALSE),
        FnDef::new(c"posix_getpwnam", crate::handler!(posix_getpwnam))
            .arg(c"username", Type::STRING)
            .ret(ARRAY_OR_FALSE),
        FnDef::new(c"posix_getpwuid", crate::handler!(posix_getpwuid)).arg(c"user_id", Type::INT).ret(ARRAY_OR_FALSE),
        getrlimit_def(none(c"posix_getrlimit", crate::handler!(posix_getrlimit))).ret(ARRAY_OR_FALSE),
        FnDef::new(c"posix_setrlimit", crate::handler!(posix_setrlimit))
            .arg(c"resource", Type::INT)
            .arg(c"soft_limit", Type::INT)
            .arg(c"hard_limit", Type::INT)
            .ret(Type::BOOL),
        none(c"posix_get_last_error", crate::handler!(posix_get_last_error)).ret(Type::INT),
        none(c"posix_errno", crate::handler!(posix_get_last_error)).ret(Type::INT),
        FnDef::new(c"posix_strerror", crate::handler!(posix_strerror)).arg(c"error_code", Type::INT).ret(Type::STRING),
        FnDef::new(c"posix_initgroups", crate::handler!(posix_initgroups))
            .arg(c"username", Type::STRING)
            .arg(c"group_id", Type::INT)
            .ret(Type::BOOL),
    ]
}

fn startup(num: c_int) -> bool {
    let c = |name: &str, v: i64| long_constant(name, v, num);
    c("POSIX_F_OK", libc::F_OK as i64);
    c("POSIX_X_OK", libc::X_OK as i64);
    c("POSIX_W_OK", libc::W_OK as i64);
    c("POSIX_R_OK", libc::R_OK as i64);
    c("POSIX_S_IFREG", libc::S_IFREG as i64);
    c("POSIX_S_IFCHR", libc::S_IFCHR as i64);
    c("POSIX_S_IFBLK", libc::S_IFBLK as i64);
    c("POSIX_S_IFIFO", libc::S_IFIFO as i64);
    c("POSIX_S_IFSOCK", libc::S_IFSOCK as i64);
    c("POSIX_RLIMIT_AS", libc::RLIMIT_AS as i64);
    c("POSIX_RLIMIT_CORE", libc::RLIMIT_CORE as i64);
    c("POSIX_RLIMIT_CPU", libc::RLIMIT_CPU as i64);
    c("POSIX_RLIMIT_DATA", libc::RLIMIT_DATA as i64);
    c("POSIX_RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64);
    c("POSIX_RLIMIT_LOCKS", libc::RLIMIT_LOCKS as i64);
    c("POSIX_RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64);
    c("POSIX_RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64);
    c("POSIX_RLIMIT_NICE", libc::RLIMIT_NICE as i64);
    c("POSIX_RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64);
    c("POSIX_RLIMIT_NPROC", libc::RLIMIT_NPROC as i64);
    c("POSIX_RLIMIT_RSS", libc::RLIMIT_RSS as i64);
    c("POSIX_RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64);
    c("POSIX_RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64);
    c("POSIX_RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64);
    c("POSIX_RLIMIT_STACK", libc::RLIMIT_STACK as i64);
    // RLIM_INFINITY as PHP's zend_long sees it.
    c("POSIX_RLIMIT_INFINITY", libc::RLIM_INFINITY as i64);
    #[cfg(php83)]
    since83::constants(num);
    true
}

/// `Ok(())` → true; `Err(e)` → false with last_error = e.
fn bool_result(rv: &mut zval, r: Result<(), Errno>) -> PhpResult {
    match r {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => {
            set_last_error(e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn fail(rv: &mut zval, e: Errno) -> PhpResult {
    set_last_error(e);
    zv::set_bool(rv, false);
    Ok(())
}

fn posix_kill(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let pid = a.long(0)?;
    let sig = a.long(1)?;
    bool_result(rv, sys::kill(pid as libc::pid_t, sig as c_int))
}

macro_rules! long_fn {
    ($name:ident, $call:expr) => {
        fn $name(a: &Args, rv: &mut zval) -> PhpResult {
            a.count(0, 0)?;
            zv::set_long(rv, $call as i64);
            Ok(())
        }
    };
}
long_fn!(posix_getpid, sys::getpid());
long_fn!(posix_getppid, sys::getppid());
long_fn!(posix_getuid, sys::getuid());
long_fn!(posix_geteuid, sys::geteuid());
long_fn!(posix_getgid, sys::getgid());
long_fn!(posix_getegid, sys::getegid());
long_fn!(posix_getpgrp, sys::getpgrp());
long_fn!(posix_setsid, sys::setsid());

macro_rules! single_arg_fn {
    ($name:ident, $call:path, $ty:ty) => {
        fn $name(a: &Args, rv: &mut zval) -> PhpResult {
            a.count(1, 1)?;
            let v = a.long(0)?;
            bool_result(rv, $call(v as $ty))
        }
    };
}
single_arg_fn!(posix_setuid, sys::setuid, libc::uid_t);
single_arg_fn!(posix_seteuid, sys::seteuid, libc::uid_t);
single_arg_fn!(posix_setgid, sys::setgid, libc::gid_t);
single_arg_fn!(posix_setegid, sys::setegid, libc::gid_t);

fn posix_getgroups(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match sys::getgroups() {
        Ok(groups) => {
            let mut arr = zv::Array::new(groups.len() as u32);
            for g in groups {
                let mut z = zv::undef();
                zv::set_long(&mut z, g as i64);
                arr.push(z);
            }
            *rv = arr.into_zval();
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_getlogin(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match sys::getlogin() {
        Ok(s) => {
            zv::set_bytes(rv, &s);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_setpgid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let pid = a.long(0)?;
    let pgid = a.long(1)?;
    bool_result(rv, sys::setpgid(pid as libc::pid_t, pgid as libc::pid_t))
}

fn posix_getpgid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let pid = a.long(0)?;
    match sys::getpgid(pid as libc::pid_t) {
        Ok(v) => {
            zv::set_long(rv, v as i64);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_getsid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let pid = a.long(0)?;
    match sys::getsid(pid as libc::pid_t) {
        Ok(v) => {
            zv::set_long(rv, v as i64);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_uname(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let built = sys::uname().map(|u| {
        let mut arr = zv::Array::new(6);
        arr.set_bytes("sysname", u.sysname().as_bytes());
        arr.set_bytes("nodename", u.nodename().as_bytes());
        arr.set_bytes("release", u.release().as_bytes());
        arr.set_bytes("version", u.version().as_bytes());
        arr.set_bytes("machine", u.machine().as_bytes());
        arr.set_bytes("domainname", u.domainname().as_bytes());
        arr.into_zval()
    });
    match built {
        Ok(z) => {
            *rv = z;
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_times(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match sys::times() {
        Ok(t) => {
            let mut arr = zv::Array::new(5);
            for (k, v) in ["ticks", "utime", "stime", "cutime", "cstime"].iter().zip(t) {
                arr.set_long(k, v);
            }
            *rv = arr.into_zval();
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_ctermid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match sys::ctermid() {
        Ok(s) => {
            zv::set_bytes(rv, &s);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

/// The fd behind posix_ttyname/posix_isatty's `$file_descriptor`, as PHP
/// 8.2 reads it: a stream resource gives its fd (a non-stream resource throws
/// the engine's TypeError, a stream without one warns); anything else goes
/// through `zval_get_long()` (objects warn and count as 1) and is truncated
/// to a C int. Socket objects are not special-cased: native 8.2 converts them
/// to int with a warning too. None: return false. (PHP 8.3+: since83.)
#[cfg(not(php83))]
fn fd_arg(a: &Args) -> Option<c_int> {
    use crate::php::{error::warning, fd, ffi};
    let z = a.zval(0);
    if zv::type_of(z) == ffi::IS_RESOURCE {
        let stream = fd::stream_from_zval(z)?;
        match fd::stream_fd(stream) {
            Some(f) => Some(f),
            None => {
                warning(&format!("Could not use stream of type '{}'", fd::stream_label(stream)));
                None
            }
        }
    } else {
        Some(zv::get_long(z) as c_int)
    }
}

fn posix_ttyname(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    zv::set_bool(rv, false);
    #[cfg(php83)]
    let fd = since83::ttyname_fd(a);
    #[cfg(not(php83))]
    let fd = fd_arg(a);
    let Some(fd) = fd else { return Ok(()) };
    match sys::ttyname(fd) {
        Ok(s) => zv::set_bytes(rv, &s),
        Err(e) => set_last_error(e),
    }
    Ok(())
}

fn posix_isatty(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    #[cfg(php83)]
    return since83::isatty(a, rv);
    #[cfg(not(php83))]
    {
        zv::set_bool(rv, false);
        let Some(fd) = fd_arg(a) else { return Ok(()) };
        zv::set_bool(rv, sys::isatty(fd));
        Ok(())
    }
}

fn posix_getcwd(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match sys::getcwd() {
        Ok(s) => {
            zv::set_bytes(rv, &s);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

/// php_check_open_basedir_ex(path, 0): no warning, just refused.
fn basedir_allows(path: &std::ffi::CStr) -> bool {
    crate::php::path::open_basedir_allows(path, false)
}

fn posix_mkfifo(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let path = a.path(0)?;
    let mode = a.long(1)?;
    zv::set_bool(rv, false);
    let path = sys::c_prefix(path);
    if !basedir_allows(&path) {
        return Ok(());
    }
    bool_result(rv, sys::mkfifo(&path, mode as libc::mode_t))
}

fn posix_mknod(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 4)?;
    let path = a.path(0)?;
    let mode = a.long(1)?;
    let major = a.long_or(2, 0)?;
    let minor = a.long_or(3, 0)?;
    zv::set_bool(rv, false);
    let path = sys::c_prefix(path);
    if !basedir_allows(&path) {
        return Ok(());
    }
    let mut dev = 0;
    if mode & libc::S_IFCHR as i64 != 0 || mode & libc::S_IFBLK as i64 != 0 {
        if major == 0 {
            return Err(crate::php::error::argument_value_error(
                3,
                "cannot be 0 for the POSIX_S_IFCHR and POSIX_S_IFBLK modes",
            ));
        }
        dev = sys::makedev(major as u32, minor as u32);
    }
    bool_result(rv, sys::mknod(&path, mode as libc::mode_t, dev))
}

fn posix_access(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let path = a.path(0)?;
    let mode = a.long_or(1, 0)?;
    zv::set_bool(rv, false);
    let path = sys::c_prefix(path);
    // The engine's expand_filepath (cwd, "..", empty path) and open_basedir.
    let Some(full_c) = crate::php::path::expand_filepath(&path) else {
        set_last_error(libc::EIO);
        return Ok(());
    };
    if !basedir_allows(&full_c) {
        set_last_error(libc::EPERM);
        return Ok(());
    }
    bool_result(rv, sys::access(&full_c, mode as c_int))
}

fn group_array(g: sys::Group) -> zval {
    let mut arr = zv::Array::new(4);
    arr.set_bytes("name", &g.name);
    match &g.passwd {
        Some(p) => arr.set_bytes("passwd", p),
        None => {
            let mut z = zv::undef();
            zv::set_null(&mut z);
            arr.set("passwd", z);
        }
    }
    let mut members = zv::Array::new(g.members.len() as u32);
    for m in &g.members {
        let mut z = zv::undef();
        zv::set_bytes(&mut z, m);
        members.push(z);
    }
    arr.set("members", members.into_zval());
    arr.set_long("gid", g.gid as i64);
    arr.into_zval()
}

fn passwd_array(p: sys::Passwd) -> zval {
    let mut arr = zv::Array::new(7);
    arr.set_bytes("name", &p.name);
    arr.set_bytes("passwd", &p.passwd);
    arr.set_long("uid", p.uid as i64);
    arr.set_long("gid", p.gid as i64);
    arr.set_bytes("gecos", &p.gecos);
    arr.set_bytes("dir", &p.dir);
    arr.set_bytes("shell", &p.shell);
    arr.into_zval()
}

fn posix_getgrnam(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let name = sys::c_prefix(a.bytes(0)?);
    match sys::getgrnam(&name) {
        Ok(g) => {
            *rv = group_array(g);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_getgrgid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let gid = a.long(0)?;
    match sys::getgrgid(gid as libc::gid_t) {
        Ok(g) => {
            *rv = group_array(g);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_getpwnam(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let name = sys::c_prefix(a.bytes(0)?);
    match sys::getpwnam(&name) {
        Ok(p) => {
            *rv = passwd_array(p);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_getpwuid(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let uid = a.long(0)?;
    match sys::getpwuid(uid as libc::uid_t) {
        Ok(p) => {
            *rv = passwd_array(p);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

/// The limits posix_getrlimit() reports on Linux, in native's order.
const LIMITS: [(Resource, &str); 10] = [
    (Resource::RLIMIT_CORE, "core"),
    (Resource::RLIMIT_DATA, "data"),
    (Resource::RLIMIT_STACK, "stack"),
    (Resource::RLIMIT_AS, "totalmem"),
    (Resource::RLIMIT_RSS, "rss"),
    (Resource::RLIMIT_NPROC, "maxproc"),
    (Resource::RLIMIT_MEMLOCK, "memlock"),
    (Resource::RLIMIT_CPU, "cpu"),
    (Resource::RLIMIT_FSIZE, "filesize"),
    (Resource::RLIMIT_NOFILE, "openfiles"),
];

fn posix_getrlimit(a: &Args, rv: &mut zval) -> PhpResult {
    #[cfg(php83)]
    {
        a.count(0, 1)?;
        if let Some(res) = a.long_or_null(0)? {
            return since83::getrlimit_one(res, rv);
        }
    }
    #[cfg(not(php83))]
    a.count(0, 0)?;
    let mut arr = zv::Array::new(LIMITS.len() as u32 * 2);
    let put = |arr: &mut zv::Array, key: String, v: libc::rlim_t| {
        if v == libc::RLIM_INFINITY {
            arr.set_bytes(&key, b"unlimited");
        } else {
            arr.set_long(&key, v as i64);
        }
    };
    for (res, name) in LIMITS {
        match sys::getrlimit(res) {
            Ok((soft, hard)) => {
                put(&mut arr, format!("soft {name}"), soft);
                put(&mut arr, format!("hard {name}"), hard);
            }
            Err(e) => {
                drop(arr.into_zval());
                return fail(rv, e);
            }
        }
    }
    *rv = arr.into_zval();
    Ok(())
}

fn posix_setrlimit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let res = a.long(0)?;
    let cur = a.long(1)?;
    let max = a.long(2)?;
    bool_result(rv, sys::setrlimit(res as c_int, cur as libc::rlim_t, max as libc::rlim_t))
}

fn posix_get_last_error(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    zv::set_long(rv, LAST_ERROR.load(Ordering::Relaxed) as i64);
    Ok(())
}

fn posix_strerror(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let e = a.long(0)?;
    zv::set_bytes(rv, &sys::strerror(e as c_int));
    Ok(())
}

fn posix_initgroups(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let name = a.bytes(0)?;
    let gid = a.long(1)?;
    if name.is_empty() {
        zv::set_bool(rv, false);
        return Ok(());
    }
    zv::set_bool(rv, sys::initgroups(&sys::c_prefix(name), gid as libc::gid_t));
    Ok(())
}
