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

/// ext/sockets: `socket_atmark()`, SO_ATTACH_REUSEPORT_CBPF and its filters,
/// SOL_UDPLITE, SO_DETACH_FILTER/SO_DETACH_BPF, TCP_QUICKACK (PHP 8.3).
pub const SOCKETS_83: bool = PHP83;
/// ext/sockets (PHP 8.4): SOCK_NONBLOCK/SOCK_CLOEXEC accepted in
/// socket_create's and socket_create_pair's `$type`, the other new
/// constants (sockets/consts.rs), and socket_set_option's TypeError for a
/// non-array SO_LINGER/SO_RCVTIMEO/SO_SNDTIMEO value and range check of
/// SO_LINGER's fields.
pub const SOCKETS_84: bool = PHP84;
/// socket_create_listen()'s `$backlog` default: (arginfo text, value).
/// PHP 8.4 declares it as `SOMAXCONN`; before, `128`.
pub const SOCKET_CREATE_LISTEN_BACKLOG: (&std::ffi::CStr, i64) =
    if PHP84 { (c"SOMAXCONN", libc::SOMAXCONN as i64) } else { (c"128", 128) };

/// socket_sendmsg()'s conversion error for an empty unix socket path
/// (`msghdr > name > path`): "the path is must not be empty" in PHP 8.4,
/// "the path is cannot be empty" before (both sic).
pub const SOCKETS_EMPTY_PATH_TEXT: &str =
    if PHP84 { "the path is must not be empty" } else { "the path is cannot be empty" };

/// socket_read()/socket_recv() with length PHP_INT_MAX: PHP 8.2's
/// `(length + 1) < 2` check overflows there and goes on to allocate (the
/// memory-limit fatal error); PHP 8.4 returns false (checked live; 8.3 is
/// assumed to follow 8.4's check only with 8.4).
pub const RECV_MAX_LENGTH_FAILS: bool = PHP84;

/// Destructors may switch fibers (PHP 8.4): zend_objects_store_del no
/// longer wraps the destructor call in zend_fiber_switch_block(); before,
/// Fiber::suspend() in a destructor throws "Cannot switch fibers in current
/// execution context".
pub const DESTRUCTOR_BLOCKS_FIBER_SWITCH: bool = !PHP84;
/// zend_try_array_init() (array out parameters, e.g. socket_create_pair's
/// `$pair`) sets the variable to null before it releases the old value
/// (PHP 8.4), so the old value's destructor sees null there; before, it
/// released the old value first, its destructor seeing the variable still
/// holding it. The ZEND_TRY_ASSIGN_REF_* macros (scalars, strings, zvals)
/// release first in every version.
pub const ARRAY_OUT_NULLED_BEFORE_RELEASE: bool = PHP84;

/// Deprecated internal functions carry `#[\Deprecated(since, message)]`
/// (PHP 8.4): the engine's notice is "Function f() is deprecated since 8.0,
/// <message>" instead of "Function f() is deprecated", and Reflection lists
/// the attribute (func::add_deprecated_attribute).
pub const DEPRECATED_ATTRIBUTE: bool = PHP84;

/// `zend_zval_value_name()` (PHP 8.3+): the name error texts use for a
/// value's type: the class name of an object, `true`/`false` for booleans,
/// `null`, `int`, `string`, `array`... On PHP 8.2 `zend_zval_type_name()`
/// (booleans are `bool`, objects `object`... except class names it gives too).
pub fn value_name(z: &zval) -> String {
    let p = match value_name_fn() {
        // SAFETY: the engine's own function, given a live zval.
        Some(f) => unsafe { f(z) },
        None => unsafe { ffi::zend_zval_type_name(z) },
    };
    if p.is_null() {
        return String::new();
    }
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

type ValueNameFn = unsafe extern "C" fn(*const zval) -> *const std::os::raw::c_char;

/// `zend_zval_value_name`, looked up in the running PHP instead of linked:
/// the .so then has no hard reference to a symbol PHP 8.2 lacks, so loading
/// an 8.3+ build into PHP 8.2 reaches PHP's own API-mismatch message
/// instead of failing in dlopen() on an undefined symbol.
fn value_name_fn() -> Option<ValueNameFn> {
    if !PHP83 {
        return None;
    }
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let addr = *F.get_or_init(|| {
        // SAFETY: dlsym with a NUL-terminated name; RTLD_DEFAULT searches
        // the process (the php binary exports its engine symbols).
        unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"zend_zval_value_name".as_ptr()) as usize }
    });
    // SAFETY: a non-null address of that exported function, whose C type is
    // `const char *zend_zval_value_name(const zval *)`.
    (addr != 0).then(|| unsafe { std::mem::transmute::<usize, ValueNameFn>(addr) })
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

/// `Z_OBJPROP_P(z)`: the property table of an object (its handlers'
/// get_properties), for options that PHP 8.4 reads from objects as from arrays.
pub fn object_properties(z: &zval) -> Option<&ext_php_rs::ffi::HashTable> {
    if super::zv::type_of(z) != ffi::IS_OBJECT {
        return None;
    }
    // SAFETY: z holds a live object; get_properties returns its table
    // (owned by the object, which outlives this borrow of z).
    unsafe {
        let obj = z.value.obj;
        let get = (*(*obj).handlers).get_properties?;
        let ht = get(obj);
        (!ht.is_null()).then(|| &*ht)
    }
}
