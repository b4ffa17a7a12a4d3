//! File descriptors behind PHP values: ints, stream resources, and Socket
//! objects (ours, or native ext/sockets' when that group is deferred).
//! Shared by posix (isatty/ttyname), sockets and event.

use super::class::{self, ClassEntry};
use super::ffi;
use super::stream::Stream;
use super::zv::ObjRef;
use crate::sys::socket;
use ext_php_rs::ffi::{zend_object, zend_resource, zval};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};
use std::sync::OnceLock;

extern "C" {
    fn php_file_le_stream() -> c_int;
    fn php_file_le_pstream() -> c_int;
    fn _php_stream_cast(stream: *mut c_void, castas: c_int, ret: *mut *mut c_void, show_err: c_int) -> c_int;
}

pub const PHP_STREAM_AS_FD: c_int = 1;
pub const PHP_STREAM_AS_SOCKETD: c_int = 2;
pub const PHP_STREAM_AS_FD_FOR_SELECT: c_int = 3;

/// `(class entry, fd accessor)` of php-ipc's own Socket class, set by the
/// sockets group at its MINIT.
/// The class entry is kept as an address: OnceLock needs Send + Sync.
pub static OUR_SOCKET: OnceLock<(usize, SocketFdOf)> = OnceLock::new();

/// Reads the fd of an object already known to be of php-ipc's Socket class.
pub type SocketFdOf = fn(ObjRef) -> Option<i32>;

/// The php_stream behind a resource zval, or None if it is not a stream.
pub fn stream_of(z: &zval) -> Option<Stream> {
    unsafe {
        if z.u1.v.type_ != ffi::IS_RESOURCE {
            return None;
        }
        let res: *mut zend_resource = z.value.res;
        let t = (*res).type_;
        if t == php_file_le_stream() || t == php_file_le_pstream() {
            let p = (*res).ptr;
            (!p.is_null()).then_some(Stream(p))
        } else {
            None
        }
    }
}

/// php_stream_from_zval_no_verify: the php_stream behind a resource zval, or
/// None after the engine's TypeError ("%s(): supplied resource is not a valid
/// stream resource") for any other (or a closed) resource.
pub fn stream_from_zval(z: &mut zval) -> Option<Stream> {
    unsafe {
        let p = ffi::zend_fetch_resource2_ex(z, c"stream".as_ptr(), php_file_le_stream(), php_file_le_pstream());
        (!p.is_null()).then_some(Stream(p))
    }
}

/// The ops label of a stream ("STDIO", "tcp_socket/ssl", "MEMORY", ...).
pub fn stream_label(stream: Stream) -> String {
    let stream = stream.0;
    // SAFETY: a Stream is a live php_stream.
    unsafe {
        // php_stream { const php_stream_ops *ops; ... }; php_stream_ops has
        // four function pointers, then `const char *label`.
        let ops = *(stream as *const *const *const c_void);
        let label = *(ops.add(4)) as *const c_char;
        if label.is_null() {
            String::new()
        } else {
            CStr::from_ptr(label).to_string_lossy().into_owned()
        }
    }
}

/// php_stream_can_cast + php_stream_cast, without warnings.
pub fn stream_cast_fd(stream: Stream, castas: c_int) -> Option<i32> {
    let stream = stream.0;
    // SAFETY: a Stream is a live php_stream.
    unsafe {
        if _php_stream_cast(stream, castas, std::ptr::null_mut(), 0) != 0 {
            return None;
        }
        // The cast writes the fd through `ret` as an int*.
        let mut fd: c_int = -1;
        if _php_stream_cast(stream, castas, &mut fd as *mut c_int as *mut *mut c_void, 0) != 0 {
            return None;
        }
        Some(fd)
    }
}

/// The fd of a stream as posix/event read it: FD_FOR_SELECT first, then FD.
pub fn stream_fd(stream: Stream) -> Option<i32> {
    stream_cast_fd(stream, PHP_STREAM_AS_FD_FOR_SELECT).or_else(|| stream_cast_fd(stream, PHP_STREAM_AS_FD))
}

/// Native ext/sockets' object layout (php_sockets.h, PHP 8.2).
#[repr(C)]
struct NativePhpSocket {
    bsd_socket: c_int,
    type_: c_int,
    error: c_int,
    blocking: c_int,
    zstream: zval,
    std: zend_object,
}

/// The internal class named Socket (native ext/sockets'), if loaded.
fn native_socket_ce() -> Option<ClassEntry> {
    // Straight from the class table: no autoloading.
    unsafe {
        let z =
            ext_php_rs::ffi::zend_hash_str_find(ext_php_rs::ffi::executor_globals.class_table, c"socket".as_ptr(), 6);
        if z.is_null() || (*(*z).value.ce).type_ != 1 {
            return None;
        }
        // SAFETY: an internal class (type 1) lives until shutdown.
        Some(ClassEntry::from_raw((*z).value.ce))
    }
}

/// Whether `obj` is a Socket (ours or native), and its fd (-1 once closed).
pub fn socket_fd(obj: ObjRef) -> Option<i32> {
    let ce = class::class_of(obj);
    if let Some((our_ce, f)) = OUR_SOCKET.get() {
        // SAFETY: the address of our registered Socket class entry.
        let our_ce = unsafe { ClassEntry::from_raw(*our_ce as *mut _) };
        return if ce.is_a(our_ce) { f(obj) } else { None };
    }
    // Our sockets group is not active: the class named Socket is native's.
    let nce = native_socket_ce()?;
    if !ce.is_a(nce) {
        return None;
    }
    // SAFETY: obj is a native Socket object, laid out as NativePhpSocket.
    unsafe {
        let base = (obj.as_ptr() as *mut u8).sub(std::mem::offset_of!(NativePhpSocket, std)) as *const NativePhpSocket;
        Some((*base).bsd_socket)
    }
}

/// Constructor of php-ipc's own Socket objects from an fd, set by the sockets
/// group at its MINIT (used by EventUtil::createSocket).
pub static OUR_SOCKET_FROM_FD: OnceLock<fn(i32, &mut zval) -> bool> = OnceLock::new();

/// A new Socket object wrapping `fd` (EventUtil::createSocket): ours when the
/// sockets group is active (through OUR_SOCKET_FROM_FD), else native
/// ext/sockets'. Returns false when no Socket class is available or `fd` is
/// not a socket, which still gives a Socket, as socket_import_file_descriptor() does.
pub fn socket_from_fd(fd: i32, rv: &mut zval) -> bool {
    unsafe {
        if OUR_SOCKET.get().is_some() {
            return match OUR_SOCKET_FROM_FD.get() {
                Some(f) => f(fd, rv),
                None => false,
            };
        }
        let Some(nce) = native_socket_ce() else {
            return false;
        };
        if ffi::object_init_ex(rv, nce.as_ptr()) != 0 {
            return false;
        }
        let obj = rv.value.obj;
        let base = (obj as *mut u8).sub(std::mem::offset_of!(NativePhpSocket, std)) as *mut NativePhpSocket;
        (*base).bsd_socket = fd;
        (*base).type_ = socket::getsockname(fd).map_or(0, |a| a.family());
        (*base).error = 0;
        let fl = socket::get_flags(fd).unwrap_or(-1);
        (*base).blocking = (fl & libc::O_NONBLOCK == 0) as c_int;
        true
    }
}
