//! PHP streams (php_stream) as the sockets group needs them: fetching from a
//! resource, casting to a descriptor, options, creation and wrapping in a zval.
//! Added by the sockets group.

use super::ffi;
use super::zv;
use ext_php_rs::ffi::{php_stream, zval};
use std::os::raw::{c_char, c_int, c_void};

extern "C" {
    fn _php_stream_fopen_from_fd(
        fd: c_int,
        mode: *const c_char,
        persistent_id: *const c_char,
        zero_position: bool,
    ) -> *mut c_void;
}

pub const AS_FD: c_int = 1;
pub const AS_SOCKETD: c_int = 2;
pub const OPTION_BLOCKING: c_int = 1;
pub const OPTION_READ_BUFFER: c_int = 2;
pub const BUFFER_NONE: c_int = 0;

/// A live php_stream. Only this module and php::fd make one, from the
/// engine's resources, so the methods below may dereference it.
#[derive(Clone, Copy)]
pub struct Stream(pub(super) *mut c_void);

/// zend_fetch_resource2_ex(z, "stream", le_stream, le_pstream): a TypeError
/// ("supplied resource is not a valid stream resource") when it is not one.
pub fn fetch(z: &mut zval) -> Option<Stream> {
    let p = unsafe {
        ffi::zend_fetch_resource2_ex(z, c"stream".as_ptr(), ffi::php_file_le_stream(), ffi::php_file_le_pstream())
    };
    (!p.is_null()).then_some(Stream(p))
}

impl Stream {
    /// php_stream_cast(stream, as, &fd, report_errors).
    pub fn cast_fd(self, as_: c_int, report: bool) -> Option<i32> {
        let mut fd: c_int = -1;
        let r =
            unsafe { ffi::_php_stream_cast(self.0, as_, &mut fd as *mut c_int as *mut *mut c_void, report as c_int) };
        (r == 0).then_some(fd)
    }
    pub fn set_option(self, option: c_int, value: c_int) -> c_int {
        unsafe { ffi::_php_stream_set_option(self.0, option, value, std::ptr::null_mut()) }
    }
    /// php_stream_free(KEEP_RSRC | CLOSE [| CLOSE_PERSISTENT]), as socket_close does.
    pub fn close_keep_resource(self) {
        const CLOSE: c_int = 1 | 2;
        const PERSISTENT: c_int = 16;
        const KEEP_RSRC: c_int = 64;
        let persistent = unsafe { (*(self.0 as *mut php_stream)).is_persistent() } != 0;
        unsafe { ffi::_php_stream_free(self.0, KEEP_RSRC | CLOSE | if persistent { PERSISTENT } else { 0 }) };
    }
    /// php_stream_to_zval: the stream's resource, marked exposed (no addref,
    /// the new zval owns the stream's list reference).
    pub fn into_zval(self) -> zval {
        let mut z = zv::undef();
        unsafe {
            let st = self.0 as *mut php_stream;
            z.value.res = (*st).res;
            z.u1.type_info = ffi::IS_RESOURCE as u32 | (1 << 8);
            (*st).set___exposed(1);
        }
        z
    }
    /// Fills php_netstream_data_t { socket, is_blocked, timeout } of a socket stream.
    pub fn set_netstream(self, fd: i32, blocking: bool, timeout_sec: i64) {
        unsafe {
            let data = (*(self.0 as *mut php_stream)).abstract_ as *mut u8;
            *(data as *mut c_int) = fd;
            *(data.add(4) as *mut bool) = blocking;
            let tv = data.add(8) as *mut libc::timeval;
            (*tv).tv_sec = timeout_sec as libc::time_t;
            (*tv).tv_usec = 0;
        }
    }
}

/// php_stream_xport_create(proto, 0, 0, ...) for an unconnected transport.
pub fn xport_create(proto: &[u8]) -> Option<Stream> {
    let p = unsafe {
        ffi::_php_stream_xport_create(
            proto.as_ptr() as *const c_char,
            proto.len(),
            0,
            0,
            std::ptr::null(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    (!p.is_null()).then_some(Stream(p))
}

/// php_stream_sock_open_from_socket(fd, NULL).
pub fn sock_open_from_socket(fd: i32) -> Option<Stream> {
    let p = unsafe { ffi::_php_stream_sock_open_from_socket(fd, std::ptr::null()) };
    (!p.is_null()).then_some(Stream(p))
}

/// php_stream_fopen_from_fd(fd, mode, NULL).
pub fn fopen_from_fd(fd: i32, mode: &std::ffi::CStr) -> Option<Stream> {
    let p = unsafe { _php_stream_fopen_from_fd(fd, mode.as_ptr(), std::ptr::null(), false) };
    (!p.is_null()).then_some(Stream(p))
}

/// INI default_socket_timeout.
pub fn default_socket_timeout() -> i64 {
    unsafe { ffi::zend_ini_long(c"default_socket_timeout".as_ptr(), 22, 0) }
}
