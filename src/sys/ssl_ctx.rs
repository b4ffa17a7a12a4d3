//! Thin wrappers over the libssl calls EventSslContext makes on an SSL_CTX
//! that the openssl crate does not offer safely on a context already built:
//! PECL event changes its SSL_CTX after creation (setMinProtoVersion, writes
//! to `local_cert`), and takes the protocol bounds as raw integers that
//! OpenSSL itself validates.

use foreign_types::ForeignType;
use openssl::ssl::{SslContext, SslContextBuilder};
use std::ffi::CStr;
use std::os::raw::{c_char, c_int, c_void};

/// Runs `f` on a builder view of `ctx`, to change its settings in place.
/// Connections (`Ssl`) made from the context afterwards see the change; those
/// made before keep the settings they copied, as with SSL_CTX in C.
pub fn modify<R>(ctx: &SslContext, f: impl FnOnce(&mut SslContextBuilder) -> R) -> R {
    // SAFETY: the builder wraps ctx's SSL_CTX without owning a reference
    // (ManuallyDrop: it never frees it), and lives only during `f`, while
    // `ctx` keeps the SSL_CTX alive. PHP runs the extension on one thread, so
    // nothing else uses the context meanwhile.
    let mut b = std::mem::ManuallyDrop::new(unsafe { SslContextBuilder::from_ptr(raw(ctx)) });
    f(&mut b)
}

/// The SSL_CTX pointer of `ctx`.
fn raw(ctx: &SslContext) -> *mut openssl_sys::SSL_CTX {
    ctx.as_ptr()
}

/// SSL_CTX_set_min_proto_version / SSL_CTX_set_max_proto_version with the
/// raw version number: OpenSSL accepts 0 (no bound) and the versions of the
/// context's method, and leaves the bound unchanged otherwise (false).
pub fn set_proto_bound(ctx: &SslContext, max: bool, version: c_int) -> bool {
    // SAFETY: ctx is a live SSL_CTX; the calls only read the integer.
    unsafe {
        if max {
            openssl_sys::SSL_CTX_set_max_proto_version(raw(ctx), version) == 1
        } else {
            openssl_sys::SSL_CTX_set_min_proto_version(raw(ctx), version) == 1
        }
    }
}

/// The result of a libssl call that returns 1 on success; on failure the
/// error queue is drained (PECL reports only its own warning text).
fn ok(r: c_int) -> bool {
    if r == 1 {
        true
    } else {
        drop(openssl::error::ErrorStack::get());
        false
    }
}

// The file and cipher calls take C strings as PHP passes them (bytes, not
// necessarily UTF-8); the openssl crate's versions require UTF-8 paths.

/// SSL_CTX_use_certificate_chain_file.
pub fn use_certificate_chain_file(ctx: &SslContext, file: &CStr) -> bool {
    // SAFETY: ctx is a live SSL_CTX and file a NUL-terminated string.
    ok(unsafe { openssl_sys::SSL_CTX_use_certificate_chain_file(raw(ctx), file.as_ptr()) })
}

/// SSL_CTX_use_PrivateKey_file, PEM.
pub fn use_private_key_file(ctx: &SslContext, file: &CStr) -> bool {
    // SAFETY: as above.
    ok(unsafe { openssl_sys::SSL_CTX_use_PrivateKey_file(raw(ctx), file.as_ptr(), openssl_sys::SSL_FILETYPE_PEM) })
}

/// SSL_CTX_load_verify_locations (either may be absent: NULL).
pub fn load_verify_locations(ctx: &SslContext, file: Option<&CStr>, dir: Option<&CStr>) -> bool {
    let p = |s: Option<&CStr>| s.map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: ctx is live; the strings are NUL-terminated or NULL.
    ok(unsafe { openssl_sys::SSL_CTX_load_verify_locations(raw(ctx), p(file), p(dir)) })
}

/// SSL_CTX_set_cipher_list.
pub fn set_cipher_list(ctx: &SslContext, list: &CStr) -> bool {
    // SAFETY: ctx is live; list is NUL-terminated.
    ok(unsafe { openssl_sys::SSL_CTX_set_cipher_list(raw(ctx), list.as_ptr()) })
}

type PasswdCb = unsafe extern "C" fn(buf: *mut c_char, size: c_int, rwflag: c_int, u: *mut c_void) -> c_int;

extern "C" {
    fn SSL_CTX_set_default_passwd_cb(ctx: *mut openssl_sys::SSL_CTX, cb: Option<PasswdCb>);
    fn SSL_CTX_set_default_passwd_cb_userdata(ctx: *mut openssl_sys::SSL_CTX, u: *mut c_void);
}

/// The PEM pass phrase callback: the whole pass phrase (NUL bytes
/// included), or nothing (0: the key does not decrypt) when it does not fit
/// OpenSSL's buffer with room for a terminating NUL.
unsafe extern "C" fn passwd_cb(buf: *mut c_char, size: c_int, _rwflag: c_int, u: *mut c_void) -> c_int {
    if u.is_null() || buf.is_null() {
        return 0;
    }
    // SAFETY: u is the Vec set by set_passphrase, owned by the context's
    // ex_data for as long as the context lives.
    let pass = &*(u as *const Vec<u8>);
    if pass.len() as i64 >= size as i64 - 1 {
        return 0;
    }
    std::ptr::copy_nonoverlapping(pass.as_ptr(), buf as *mut u8, pass.len());
    *buf.add(pass.len()) = 0;
    pass.len() as c_int
}

/// The pass phrase of encrypted private keys loaded from now on (PECL's
/// callback gives the PHP string whole). It is kept in the context's
/// ex_data, so it lives as long as the SSL_CTX.
pub fn set_passphrase(ctx: &SslContext, pass: Vec<u8>) {
    static INDEX: std::sync::OnceLock<Option<openssl::ex_data::Index<SslContext, Vec<u8>>>> =
        std::sync::OnceLock::new();
    let Some(index) = *INDEX.get_or_init(|| SslContext::new_ex_index::<Vec<u8>>().ok()) else {
        return;
    };
    modify(ctx, |b| b.set_ex_data(index, pass));
    if let Some(stored) = ctx.ex_data(index) {
        // SAFETY: ctx is live; the userdata is the Vec the context owns (a
        // later call replaces its contents in place and sets it again).
        unsafe {
            SSL_CTX_set_default_passwd_cb(raw(ctx), Some(passwd_cb));
            SSL_CTX_set_default_passwd_cb_userdata(raw(ctx), stored as *const Vec<u8> as *mut c_void);
        }
    }
}

extern "C" {
    fn SSL_renegotiate(s: *mut openssl_sys::SSL) -> c_int;
    fn SSL_set_fd(s: *mut openssl_sys::SSL, fd: c_int) -> c_int;
    fn SSL_get_shutdown(s: *const openssl_sys::SSL) -> c_int;
}

/// SSL_get_shutdown & SSL_RECEIVED_SHUTDOWN: the peer's close_notify came.
pub fn received_shutdown(ssl: &openssl::ssl::SslRef) -> bool {
    const SSL_RECEIVED_SHUTDOWN: c_int = 2;
    // SAFETY: ssl is a live SSL.
    unsafe { SSL_get_shutdown(foreign_types::ForeignTypeRef::as_ptr(ssl)) & SSL_RECEIVED_SHUTDOWN != 0 }
}

/// SSL_renegotiate: schedules a renegotiation, which the next handshake
/// step runs (1); 0 where the connection cannot renegotiate (TLS 1.3,
/// SSL_OP_NO_RENEGOTIATION), the reason left on OpenSSL's error queue as
/// libevent leaves it (a later failure reports it with its own errors).
pub fn renegotiate(ssl: &openssl::ssl::SslRef) -> c_int {
    // SAFETY: ssl is a live SSL owned by the caller's stream.
    unsafe { SSL_renegotiate(foreign_types::ForeignTypeRef::as_ptr(ssl)) }
}

// The SSL calls of a TLS bufferevent over a socket, with OpenSSL's own
// socket BIO (libevent's BIO_new_socket): the openssl crate's SslStream
// supplies its own BIO, which reports no end of file to libssl (no
// "unexpected eof" alert to the peer then).

/// SSL_set_fd: a socket BIO over `fd` (not closed with the SSL), replacing
/// the previous BIO.
pub fn set_fd(ssl: &openssl::ssl::SslRef, fd: c_int) -> bool {
    // SAFETY: ssl is a live SSL; OpenSSL owns the new BIO.
    unsafe { SSL_set_fd(foreign_types::ForeignTypeRef::as_ptr(ssl), fd) == 1 }
}

/// SSL_set_mode(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER), as libevent sets it:
/// a retried write may pass its bytes from another address.
pub fn accept_moving_write_buffer(ssl: &openssl::ssl::SslRef) {
    const SSL_CTRL_MODE: c_int = 33;
    const SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER: std::os::raw::c_long = 2;
    // SAFETY: ssl is a live SSL; SSL_CTRL_MODE only ors the flag in.
    unsafe {
        openssl_sys::SSL_ctrl(
            foreign_types::ForeignTypeRef::as_ptr(ssl),
            SSL_CTRL_MODE,
            SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER,
            std::ptr::null_mut(),
        );
    }
}

fn len_arg(n: usize) -> c_int {
    n.min(c_int::MAX as usize) as c_int
}

/// SSL_read into `buf`: its result (> 0 bytes read, else see `get_error`).
pub fn read(ssl: &openssl::ssl::SslRef, buf: &mut [u8]) -> c_int {
    // SAFETY: ssl is live; buf is writable for the length given.
    unsafe {
        openssl_sys::SSL_read(
            foreign_types::ForeignTypeRef::as_ptr(ssl),
            buf.as_mut_ptr() as *mut c_void,
            len_arg(buf.len()),
        )
    }
}

/// SSL_write of `buf`: its result (> 0 bytes written, else see `get_error`).
pub fn write(ssl: &openssl::ssl::SslRef, buf: &[u8]) -> c_int {
    // SAFETY: ssl is live; buf is readable for the length given.
    unsafe {
        openssl_sys::SSL_write(
            foreign_types::ForeignTypeRef::as_ptr(ssl),
            buf.as_ptr() as *const c_void,
            len_arg(buf.len()),
        )
    }
}

/// SSL_do_handshake: 1 done, else see `get_error`.
pub fn do_handshake(ssl: &openssl::ssl::SslRef) -> c_int {
    // SAFETY: ssl is live.
    unsafe { openssl_sys::SSL_do_handshake(foreign_types::ForeignTypeRef::as_ptr(ssl)) }
}

/// SSL_get_error for the result `ret` of the last call.
pub fn get_error(ssl: &openssl::ssl::SslRef, ret: c_int) -> c_int {
    // SAFETY: ssl is live.
    unsafe { openssl_sys::SSL_get_error(foreign_types::ForeignTypeRef::as_ptr(ssl), ret) }
}
