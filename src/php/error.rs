//! Warnings and exceptions with the engine's own texts and prefixes.

use super::class::ClassEntry;
use super::ffi;
use std::ffi::CString;

/// Marker: an exception is pending in the engine; the handler must return.
#[derive(Debug, Clone, Copy)]
pub struct Thrown;

pub type PhpResult<T = ()> = Result<T, Thrown>;

fn cstring(msg: &str) -> CString {
    CString::new(msg.replace('\0', "\\0")).unwrap_or_default()
}

/// `E_WARNING` prefixed with "func(): " by php_error_docref, as native code does.
pub fn warning(msg: &str) {
    let m = cstring(msg);
    unsafe { ffi::php_error_docref(std::ptr::null(), ffi::E_WARNING, c"%s".as_ptr(), m.as_ptr()) }
}

pub fn notice(msg: &str) {
    let m = cstring(msg);
    unsafe { ffi::php_error_docref(std::ptr::null(), ffi::E_NOTICE, c"%s".as_ptr(), m.as_ptr()) }
}

pub fn deprecated(msg: &str) {
    let m = cstring(msg);
    unsafe { ffi::php_error_docref(std::ptr::null(), ffi::E_DEPRECATED, c"%s".as_ptr(), m.as_ptr()) }
}

/// `func(): Argument #n ($name) <msg>` as a ValueError.
pub fn argument_value_error(arg_num: u32, msg: &str) -> Thrown {
    let m = cstring(msg);
    unsafe { ffi::zend_argument_value_error(arg_num, c"%s".as_ptr(), m.as_ptr()) };
    Thrown
}

/// `func(): Argument #n ($name) <msg>` as a TypeError.
pub fn argument_type_error(arg_num: u32, msg: &str) -> Thrown {
    let m = cstring(msg);
    unsafe { ffi::zend_argument_type_error(arg_num, c"%s".as_ptr(), m.as_ptr()) };
    Thrown
}

/// A ValueError without the argument prefix.
pub fn value_error(msg: &str) -> Thrown {
    throw(ClassEntry::value_error(), msg)
}

pub fn type_error(msg: &str) -> Thrown {
    throw(ClassEntry::type_error(), msg)
}

/// `Error` (or any class) with a plain message.
pub fn error(msg: &str) -> Thrown {
    throw(ClassEntry::error(), msg)
}

pub fn throw(ce: ClassEntry, msg: &str) -> Thrown {
    let m = cstring(msg);
    // SAFETY: ce is null (the engine then uses Error) or a live class entry.
    unsafe { ffi::zend_throw_error(ce.as_ptr(), c"%s".as_ptr(), m.as_ptr()) };
    Thrown
}

/// Throws an exception object of class `ce` (an Exception subclass) with message and code.
pub fn throw_exception(ce: ClassEntry, msg: &str, code: i64) -> Thrown {
    let m = cstring(msg);
    // SAFETY: ce is null (the engine then uses Exception) or a live class entry.
    unsafe { ext_php_rs::ffi::zend_throw_exception(ce.as_ptr(), m.as_ptr(), code) };
    Thrown
}

pub fn has_exception() -> bool {
    unsafe { !ext_php_rs::ffi::executor_globals.exception.is_null() }
}

/// `strerror(errno)` text, as native code prints it.
pub fn strerror(errno: i32) -> String {
    let text = crate::sys::posix::strerror(errno);
    if text.is_empty() {
        return format!("Unknown error {errno}");
    }
    String::from_utf8_lossy(&text).into_owned()
}

pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Sets errno: native code that reads errno after a warning (whose user
/// error handler may change it) is emulated by setting it before the warning.
pub fn set_errno(e: i32) {
    unsafe { *libc::__errno_location() = e }
}

/// `func(): Argument #n ($name) <msg>` thrown as class `ce` (zend_argument_error).
pub fn argument_error(ce: ClassEntry, arg_num: u32, msg: &str) -> Thrown {
    let m = cstring(msg);
    // SAFETY: ce is null (the engine then uses Error) or a live class entry.
    unsafe { ffi::zend_argument_error(ce.as_ptr(), arg_num, c"%s".as_ptr(), m.as_ptr()) };
    Thrown
}

/// `Wrong parameter count for func()` (WRONG_PARAM_COUNT).
pub fn wrong_param_count() -> Thrown {
    unsafe { ffi::zend_wrong_param_count() };
    Thrown
}

/// `func(): Argument #n ($name) <msg>` as an Error (e.g. "has already been closed").
pub fn argument_error_plain(arg_num: u32, msg: &str) -> Thrown {
    argument_error(ClassEntry::error(), arg_num, msg)
}

// ---- Added for the event group ----

/// The class name of the pending exception, and whether it is the internal
/// exception that `exit()` unwinds with.
pub fn pending_exception() -> Option<(String, bool)> {
    unsafe {
        let ex = ext_php_rs::ffi::executor_globals.exception;
        let obj = super::zv::ObjRef::from_raw(ex)?;
        Some((super::zv::class_name(obj), ffi::zend_is_unwind_exit(ex)))
    }
}

/// `E_ERROR` through php_error_docref (a fatal error: the engine bails out).
/// Only for contexts the engine expects to bail out of (object handlers).
///
/// The engine longjmps out of this call, so nothing owned by this frame (or
/// the caller's) is ever dropped: the message is kept in a thread-local
/// buffer, which stays reachable, instead of a CString that would leak.
pub fn fatal(msg: &'static str) {
    thread_local! {
        static FATAL_MSG: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let text = FATAL_MSG.with(|b| {
        let mut b = b.borrow_mut();
        b.clear();
        b.extend(msg.bytes().filter(|&c| c != 0));
        b.push(0);
        b.as_ptr()
    });
    // SAFETY: text is NUL-terminated and the buffer is not touched again
    // before the engine has formatted the message (the borrow ended above).
    unsafe { ffi::php_error_docref(std::ptr::null(), 1, c"%s".as_ptr(), text as *const std::os::raw::c_char) }
}

/// Throws a plain `Exception` with `msg` (code 0).
pub fn throw_base_exception(msg: &str) -> Thrown {
    throw_exception(ClassEntry::exception(), msg, 0)
}
