//! Thin wrappers over the libssl calls EventSslContext makes on an SSL_CTX
//! that the openssl crate does not offer safely on a context already built:
//! PECL event changes its SSL_CTX after creation (setMinProtoVersion, writes
//! to `local_cert`), and takes the protocol bounds as raw integers that
//! OpenSSL itself validates.

use foreign_types::ForeignType;
use openssl::ssl::{SslContext, SslContextBuilder};
use std::ffi::{CStr, CString};
use std::os::raw::{c_int, c_void};

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

extern "C" {
    fn SSL_CTX_set_default_passwd_cb_userdata(ctx: *mut openssl_sys::SSL_CTX, u: *mut c_void);
}

/// The pass phrase OpenSSL's default PEM callback gives when a private key
/// file is encrypted (SSL_CTX_set_default_passwd_cb_userdata: with no
/// callback set, PEM_def_callback copies the userdata string). The string is
/// kept in the context's ex_data, so it lives as long as the SSL_CTX.
pub fn set_passphrase(ctx: &SslContext, pass: CString) {
    static INDEX: std::sync::OnceLock<Option<openssl::ex_data::Index<SslContext, CString>>> =
        std::sync::OnceLock::new();
    let Some(index) = *INDEX.get_or_init(|| SslContext::new_ex_index::<CString>().ok()) else {
        return;
    };
    modify(ctx, |b| b.set_ex_data(index, pass));
    if let Some(stored) = ctx.ex_data(index) {
        // SAFETY: ctx is live; the pointer is the CString the context owns
        // (replaced only by a later call, which sets the new pointer).
        unsafe { SSL_CTX_set_default_passwd_cb_userdata(raw(ctx), stored.as_ptr() as *mut c_void) }
    }
}
