//! The TLS context behind an EventSslContext, without PHP: one OpenSSL
//! SSL_CTX configured the way PECL event configures it, from which
//! EventBufferEvent makes the `Ssl` of each connection (`new_ssl`).
//!
//! Settings can change after connections exist (PECL changes its SSL_CTX in
//! place): a connection keeps what it copied when it was made, as in C.

use crate::sys::ssl_ctx;
use openssl::error::ErrorStack;
use openssl::ssl::{Ssl, SslContext, SslMethod, SslOptions, SslVerifyMode};
use std::ffi::{CStr, CString};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The side of the TLS handshake: a context's method, and what a new
/// connection does first (connect or accept).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Client,
    Server,
}

/// An SSL_CTX and the verification state PECL keeps beside it.
pub struct TlsContext {
    ctx: SslContext,
    role: Role,
    /// SSL_CTX_get_verify_mode, tracked here to change single flags.
    verify_mode: SslVerifyMode,
    /// Whether the verify callback is installed (OPT_VERIFY_PEER true).
    verify_callback: bool,
    /// Whether the verify callback lets a self-signed peer certificate
    /// through, read at handshake time: OPT_ALLOW_SELF_SIGNED, as long as
    /// no CA file or path was given (PECL then rejects self-signed peers
    /// even when allowed, whether or not the CA files loaded).
    self_signed_ok: Arc<SelfSigned>,
}

#[derive(Default)]
struct SelfSigned {
    allowed: AtomicBool,
    ca_given: AtomicBool,
}

impl SelfSigned {
    fn ok(&self) -> bool {
        self.allowed.load(Ordering::Relaxed) && !self.ca_given.load(Ordering::Relaxed)
    }
}

/// X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: the peer's own certificate is
/// self-signed and not trusted.
const DEPTH_ZERO_SELF_SIGNED: i32 = openssl_sys::X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT;

impl TlsContext {
    /// SSL_CTX_new with TLS_client_method or TLS_server_method (every
    /// method PECL offers on OpenSSL 3 is one of the two), SSL_OP_ALL, and a
    /// session id context unique to this context.
    pub fn new(role: Role) -> Result<TlsContext, ErrorStack> {
        let method = match role {
            Role::Client => SslMethod::tls_client(),
            Role::Server => SslMethod::tls_server(),
        };
        let mut b = openssl::ssl::SslContextBuilder::new(method)?;
        b.set_options(SslOptions::ALL);
        let id = (b.as_ptr() as usize).to_ne_bytes();
        b.set_session_id_context(&id)?;
        Ok(TlsContext {
            ctx: b.build(),
            role,
            verify_mode: SslVerifyMode::NONE,
            verify_callback: false,
            self_signed_ok: Arc::default(),
        })
    }

    pub fn role(&self) -> Role {
        self.role
    }

    /// The SSL_CTX itself (a new reference).
    pub fn ssl_context(&self) -> SslContext {
        self.ctx.clone()
    }

    /// A new connection on this context, in connect state (`Role::Client`)
    /// or accept state (`Role::Server`), whatever the context's method.
    pub fn new_ssl(&self, side: Role) -> Result<Ssl, ErrorStack> {
        let mut ssl = Ssl::new(&self.ctx)?;
        match side {
            Role::Client => ssl.set_connect_state(),
            Role::Server => ssl.set_accept_state(),
        }
        Ok(ssl)
    }

    /// SSL_CTX_use_certificate_chain_file.
    pub fn use_certificate_chain_file(&self, path: &CStr) -> bool {
        ssl_ctx::use_certificate_chain_file(&self.ctx, path)
    }

    /// SSL_CTX_use_PrivateKey_file (PEM). An encrypted key is decrypted
    /// with the pass phrase set before; without one, OpenSSL asks on the
    /// terminal, as it does for PECL.
    pub fn use_private_key_file(&self, path: &CStr) -> bool {
        ssl_ctx::use_private_key_file(&self.ctx, path)
    }

    /// The pass phrase of encrypted private keys loaded after this call
    /// (all of its bytes, as PECL gives them).
    pub fn set_passphrase(&self, pass: &[u8]) {
        ssl_ctx::set_passphrase(&self.ctx, pass.to_vec());
    }

    /// SSL_CTX_load_verify_locations. From then on a self-signed peer is
    /// rejected even when allowed, whether or not the files loaded.
    pub fn load_verify_locations(&self, file: Option<&CStr>, dir: Option<&CStr>) -> bool {
        self.self_signed_ok.ca_given.store(true, Ordering::Relaxed);
        ssl_ctx::load_verify_locations(&self.ctx, file, dir)
    }

    /// SSL_CTX_set_cipher_list (the list is cut at a NUL byte).
    pub fn set_cipher_list(&self, list: &[u8]) -> bool {
        ssl_ctx::set_cipher_list(&self.ctx, &c_string(list))
    }

    /// OPT_VERIFY_PEER: SSL_VERIFY_PEER with the verify callback (which
    /// lets a self-signed peer certificate through when allowed), or
    /// without it and without callback. The mode's other flags stay, as in
    /// PECL (OPT_REQUIRE_CLIENT_CERT before OPT_VERIFY_PEER still counts).
    pub fn set_verify_peer(&mut self, on: bool) {
        self.verify_mode.set(SslVerifyMode::PEER, on);
        self.verify_callback = on;
        self.apply_verify();
    }

    /// OPT_ALLOW_SELF_SIGNED: read by the verify callback at each handshake.
    pub fn set_allow_self_signed(&self, on: bool) {
        self.self_signed_ok.allowed.store(on, Ordering::Relaxed);
    }

    /// Sets or clears one verify-mode flag (SSL_VERIFY_FAIL_IF_NO_PEER_CERT
    /// for OPT_REQUIRE_CLIENT_CERT, SSL_VERIFY_CLIENT_ONCE for
    /// OPT_VERIFY_CLIENT_ONCE), keeping the mode's other flags and callback.
    pub fn set_verify_flag(&mut self, flag: SslVerifyMode, on: bool) {
        self.verify_mode.set(flag, on);
        self.apply_verify();
    }

    pub fn verify_mode(&self) -> SslVerifyMode {
        self.verify_mode
    }

    fn apply_verify(&self) {
        let mode = self.verify_mode;
        if self.verify_callback {
            let self_signed = self.self_signed_ok.clone();
            ssl_ctx::modify(&self.ctx, |b| {
                b.set_verify_callback(mode, move |ok, store| {
                    ok || (store.error().as_raw() == DEPTH_ZERO_SELF_SIGNED && self_signed.ok())
                })
            });
        } else {
            ssl_ctx::modify(&self.ctx, |b| b.set_verify(mode));
        }
    }

    /// SSL_CTX_set_verify_depth (negative: no limit).
    pub fn set_verify_depth(&self, depth: i32) {
        ssl_ctx::modify(&self.ctx, |b| b.verify_param_mut().set_depth(depth));
    }

    /// SSL_CTX_set_options / SSL_CTX_clear_options.
    pub fn set_option(&self, option: SslOptions, on: bool) {
        ssl_ctx::modify(&self.ctx, |b| {
            if on {
                b.set_options(option);
            } else {
                b.clear_options(option);
            }
        });
    }

    pub fn options(&self) -> SslOptions {
        ssl_ctx::modify(&self.ctx, |b| b.options())
    }

    /// SSL_CTX_set_min_proto_version with OpenSSL's own checks: 0 removes
    /// the bound; an unknown version leaves it unchanged (false).
    pub fn set_min_proto_version(&self, version: i32) -> bool {
        ssl_ctx::set_proto_bound(&self.ctx, false, version)
    }

    /// SSL_CTX_set_max_proto_version, as `set_min_proto_version`.
    pub fn set_max_proto_version(&self, version: i32) -> bool {
        ssl_ctx::set_proto_bound(&self.ctx, true, version)
    }
}

/// The bytes before the first NUL: what C code sees of a PHP string.
pub fn until_nul(b: &[u8]) -> &[u8] {
    b.iter().position(|&c| c == 0).map_or(b, |i| &b[..i])
}

/// A C string of `b` up to its first NUL byte.
pub fn c_string(b: &[u8]) -> CString {
    CString::new(until_nul(b)).unwrap_or_default()
}
