//! ext/posix additions of PHP 8.3 (built when `version::POSIX_CONF`):
//! posix_sysconf, posix_pathconf, posix_fpathconf, posix_eaccess,
//! posix_getrlimit's `$resource`, the POSIX_SC_*/POSIX_PC_* constants, and
//! 8.3's stricter `$file_descriptor` handling of posix_ttyname/posix_isatty.
//! Behaviour and texts are native PHP 8.4's, checked by difftests/posix.

use super::{fail, set_last_error, INT_OR_FALSE};
use crate::php::error::{argument_type_error, argument_value_error, warning, PhpResult};
use crate::php::module::long_constant;
use crate::php::types::Type;
use crate::php::version;
use crate::php::{fd, ffi, zv, Args, FnDef};
use crate::sys::{conf, posix as sys};
use ext_php_rs::ffi::zval;
use std::os::raw::c_int;

/// PHP 8.2's table with 8.3's functions where native lists them:
/// posix_eaccess after posix_access, the conf functions at the end.
pub(super) fn with_additions(mut v: Vec<FnDef>) -> Vec<FnDef> {
    let mut more = functions().into_iter();
    let at = v.iter().position(|d| d.name() == c"posix_access").map_or(v.len(), |i| i + 1);
    if let Some(eaccess) = more.next() {
        v.insert(at, eaccess);
    }
    v.extend(more);
    v
}

fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"posix_eaccess", crate::handler!(posix_eaccess))
            .arg(c"filename", Type::STRING)
            .opt(c"flags", Type::INT, c"0")
            .ret(Type::BOOL),
        FnDef::new(c"posix_sysconf", crate::handler!(posix_sysconf)).arg(c"conf_id", Type::INT).ret(Type::INT),
        FnDef::new(c"posix_pathconf", crate::handler!(posix_pathconf))
            .arg(c"path", Type::STRING)
            .arg(c"name", Type::INT)
            .ret(INT_OR_FALSE),
        FnDef::new(c"posix_fpathconf", crate::handler!(posix_fpathconf))
            .arg(c"file_descriptor", Type::NONE)
            .arg(c"name", Type::INT)
            .ret(INT_OR_FALSE),
    ]
}

/// The constants after POSIX_RLIMIT_INFINITY, in native's order.
pub(super) fn constants(num: c_int) {
    let c = |name: &str, v: c_int| long_constant(name, v as i64, num);
    c("POSIX_SC_ARG_MAX", libc::_SC_ARG_MAX);
    c("POSIX_SC_CHILD_MAX", libc::_SC_CHILD_MAX);
    c("POSIX_SC_CLK_TCK", libc::_SC_CLK_TCK);
    c("POSIX_SC_PAGESIZE", libc::_SC_PAGESIZE);
    c("POSIX_SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF);
    c("POSIX_SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN);
    c("POSIX_PC_LINK_MAX", libc::_PC_LINK_MAX);
    c("POSIX_PC_MAX_CANON", libc::_PC_MAX_CANON);
    c("POSIX_PC_MAX_INPUT", libc::_PC_MAX_INPUT);
    c("POSIX_PC_NAME_MAX", libc::_PC_NAME_MAX);
    c("POSIX_PC_PATH_MAX", libc::_PC_PATH_MAX);
    c("POSIX_PC_PIPE_BUF", libc::_PC_PIPE_BUF);
    c("POSIX_PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED);
    c("POSIX_PC_NO_TRUNC", libc::_PC_NO_TRUNC);
    c("POSIX_PC_ALLOC_SIZE_MIN", libc::_PC_ALLOC_SIZE_MIN);
    c("POSIX_PC_SYMLINK_MAX", libc::_PC_SYMLINK_MAX);
}

/// posix_getrlimit's parameter list on 8.3+.
pub(super) fn getrlimit_def(def: FnDef) -> FnDef {
    def.opt(c"resource", Type::INT.nullable(), c"null")
}

/// posix_getrlimit($resource) for a given resource: `[soft, hard]`.
pub(super) fn getrlimit_one(res: i64, rv: &mut zval) -> PhpResult {
    match sys::getrlimit_raw(res as c_int) {
        Ok((soft, hard)) => {
            let mut arr = zv::Array::new(2);
            for v in [soft, hard] {
                let mut z = zv::undef();
                if v == libc::RLIM_INFINITY {
                    zv::set_bytes(&mut z, b"unlimited");
                } else {
                    zv::set_long(&mut z, v as i64);
                }
                arr.push(z);
            }
            *rv = arr.into_zval();
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

/// The fd of a stream resource (php_posix_stream_get_fd); None after a
/// warning or a TypeError when there is none.
fn stream_arg_fd(z: &mut zval) -> Option<c_int> {
    // PHP 8.3+ casts with PHP_STREAM_CAST_INTERNAL, which keeps the engine
    // from warning about buffered data lost in the conversion.
    const AS_FD: c_int = 1;
    const AS_FD_FOR_SELECT: c_int = 3;
    const CAST_INTERNAL: c_int = 0x2000_0000;
    let stream = fd::stream_from_zval(z)?;
    let cast = fd::stream_cast_fd(stream, AS_FD_FOR_SELECT | CAST_INTERNAL)
        .or_else(|| fd::stream_cast_fd(stream, AS_FD | CAST_INTERNAL));
    match cast {
        Some(f) => Some(f),
        None => {
            warning(&format!("Could not use stream of type '{}'", fd::stream_label(stream)));
            None
        }
    }
}

fn type_text(z: &zval) -> String {
    format!("Argument #1 ($file_descriptor) must be of type int|resource, {} given", version::value_name(z))
}

/// posix_ttyname's `$file_descriptor` on 8.3+: a value zpp's int rules
/// reject warns and is then converted with zval_get_long(); the result must
/// fit a non-negative C int (else a warning and false).
pub(super) fn ttyname_fd(a: &Args) -> Option<c_int> {
    let z = a.zval(0);
    if zv::type_of(z) == ffi::IS_RESOURCE {
        return stream_arg_fd(z);
    }
    let fd = match version::parse_long_quiet(z, 1) {
        Some(v) => v,
        None => {
            warning(&type_text(z));
            zv::get_long(z)
        }
    };
    if !(0..=c_int::MAX as i64).contains(&fd) {
        warning(&format!("Argument #1 ($file_descriptor) must be between 0 and {}", c_int::MAX));
        return None;
    }
    Some(fd as c_int)
}

/// posix_isatty on 8.3+: a rejected value warns and gives false; an fd out
/// of a C int's range is EBADF; a failed isatty() sets the last error.
pub(super) fn isatty(a: &Args, rv: &mut zval) -> PhpResult {
    zv::set_bool(rv, false);
    let z = a.zval(0);
    let fd = if zv::type_of(z) == ffi::IS_RESOURCE {
        match stream_arg_fd(z) {
            Some(f) => f as i64,
            None => return Ok(()),
        }
    } else {
        match version::parse_long_quiet(z, 1) {
            Some(v) => v,
            None => {
                warning(&type_text(z));
                return Ok(());
            }
        }
    };
    if !(0..=c_int::MAX as i64).contains(&fd) {
        set_last_error(libc::EBADF);
        return Ok(());
    }
    match conf::isatty(fd as c_int) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => set_last_error(e),
    }
    Ok(())
}

fn posix_sysconf(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let id = a.long(0)?;
    zv::set_long(rv, conf::sysconf(id as c_int));
    Ok(())
}

fn conf_result(rv: &mut zval, r: Result<i64, crate::sys::Errno>) -> PhpResult {
    match r {
        Ok(v) => {
            zv::set_long(rv, v);
            Ok(())
        }
        Err(e) => fail(rv, e),
    }
}

fn posix_pathconf(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let path = a.path(0)?;
    let name = a.long(1)?;
    if path.is_empty() {
        return Err(argument_value_error(1, "must not be empty"));
    }
    let cpath = sys::c_prefix(path);
    // php_check_open_basedir(): warns itself, then native adds its own.
    if !crate::php::path::open_basedir_allows(&cpath, true) {
        warning(&format!("Invalid path supplied: {}", String::from_utf8_lossy(path)));
        zv::set_bool(rv, false);
        return Ok(());
    }
    conf_result(rv, conf::pathconf(&cpath, name as c_int))
}

fn posix_fpathconf(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let z = a.zval(0);
    let fd = if zv::type_of(z) == ffi::IS_RESOURCE {
        match stream_arg_fd(z) {
            Some(f) => f as i64,
            None => {
                zv::set_bool(rv, false);
                return Ok(());
            }
        }
    } else {
        match version::parse_long_quiet(z, 1) {
            Some(v) => v,
            None => {
                return Err(argument_type_error(
                    1,
                    &format!("must be of type int|resource, {} given", version::value_name(z)),
                ))
            }
        }
    };
    let name = a.long(1)?;
    // Native passes its zend_long to fpathconf's int parameter: truncated.
    conf_result(rv, conf::fpathconf(fd as c_int, name as c_int))
}

fn posix_eaccess(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let path = a.path(0)?;
    let mode = a.long_or(1, 0)?;
    zv::set_bool(rv, false);
    let path = sys::c_prefix(path);
    // The engine's expand_filepath (cwd, ".."); it gives NULL for "".
    let Some(full_c) = crate::php::path::expand_filepath(&path) else {
        return Err(argument_value_error(1, "must not be empty"));
    };
    if !crate::php::path::open_basedir_allows(&full_c, false) {
        set_last_error(libc::EPERM);
        return Ok(());
    }
    match conf::eaccess(&full_c, mode as c_int) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => set_last_error(e),
    }
    Ok(())
}
