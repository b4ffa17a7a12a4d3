//! The PHP version this build targets, and what differs between versions.
//!
//! build.rs sets the cfg flags `php83` (PHP API >= 20230831) and `php84`
//! (>= 20240924) from the PHP it builds against. Engine-ABI differences
//! (struct fields, arginfo bits, enum values) are keyed on those flags in the
//! engine glue (func.rs, module.rs, types.rs, ffi.rs). The differences a
//! script can see (functions, constants, default texts, messages) are listed
//! here, one row per difference with the version that introduced it, and the
//! groups read them from this table instead of testing the version themselves.

use super::ffi;
use ext_php_rs::ffi::zval;

/// PHP 8.3's additions, present in 8.3 and later builds.
pub const PHP83: bool = cfg!(php83);
/// PHP 8.4's additions.
pub const PHP84: bool = cfg!(php84);

/// The PHP version (major, minor) this build targets.
pub const TARGET: (u32, u32) = if PHP84 {
    (8, 4)
} else if PHP83 {
    (8, 3)
} else {
    (8, 2)
};

/// ext/posix: `posix_sysconf`, `posix_pathconf`, `posix_fpathconf`,
/// `posix_eaccess`, the `POSIX_SC_*`/`POSIX_PC_*` constants and
/// `posix_getrlimit(?int $resource = null)` (PHP 8.3).
pub const POSIX_CONF: bool = PHP83;
/// ext/posix: posix_ttyname/posix_isatty reject non-int, non-resource
/// arguments with a warning naming the type, and posix_ttyname checks the
/// fd's range (PHP 8.3), instead of converting them with zval_get_long().
pub const POSIX_FD_ARG_WARNS: bool = PHP83;

/// ext/sockets: `socket_atmark()` (PHP 8.3).
pub const SOCKET_ATMARK: bool = PHP83;
/// ext/sockets: the default of socket_listen()'s `$backlog` is spelled
/// `SOMAXCONN` in arginfo (PHP 8.4; `128` before).
pub const SOCKET_LISTEN_BACKLOG_DEFAULT: &std::ffi::CStr = if PHP84 { c"SOMAXCONN" } else { c"128" };

/// `zend_zval_value_name()` (PHP 8.3+): the name error texts use for a
/// value's type: the class name of an object, `true`/`false` for booleans,
/// `null`, `int`, `string`, `array`... On PHP 8.2 `zend_zval_type_name()`
/// (booleans are `bool`, objects `object`... except class names it gives too).
pub fn value_name(z: &zval) -> String {
    #[cfg(php83)]
    let p = unsafe { ffi::zend_zval_value_name(z) };
    #[cfg(not(php83))]
    let p = unsafe { ffi::zend_zval_type_name(z) };
    if p.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// `zend_parse_arg_long(arg, &dest, NULL, false, arg_num)`: an int from a
/// non-int argument by zpp's coercion rules (with its deprecations), or None
/// when the value is not accepted. Unlike Args::long it throws nothing.
pub fn parse_long_quiet(z: &mut zval, arg_num: u32) -> Option<i64> {
    if super::zv::type_of(z) == ffi::IS_LONG {
        return Some(unsafe { z.value.lval });
    }
    let mut v = 0i64;
    // SAFETY: z is a live zval; the slow path only reads it (and may raise
    // a deprecation through the engine).
    unsafe { ffi::zend_parse_arg_long_slow(z, &mut v, arg_num) }.then_some(v)
}
