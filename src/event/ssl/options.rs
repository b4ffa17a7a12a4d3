//! EventSslContext's options array: the OPT_* keys, applied in the array's
//! order with PECL's conversions, notices and warnings.

use super::context::TlsContext;
use super::{set_local_cert, shown};
use crate::php::error::{self, warning, PhpResult};
use crate::php::zv::{self, Key};
use ext_php_rs::ffi::{zval, HashTable};
use openssl::ssl::{SslOptions, SslVerifyMode};

const OPT_LOCAL_CERT: u64 = 1;
const OPT_LOCAL_PK: u64 = 2;
const OPT_PASSPHRASE: u64 = 3;
const OPT_CA_FILE: u64 = 4;
const OPT_CA_PATH: u64 = 5;
const OPT_ALLOW_SELF_SIGNED: u64 = 6;
const OPT_VERIFY_PEER: u64 = 7;
const OPT_VERIFY_DEPTH: u64 = 8;
const OPT_CIPHERS: u64 = 9;
const OPT_NO_SSLV2: u64 = 10;
const OPT_NO_SSLV3: u64 = 11;
const OPT_NO_TLSV1: u64 = 12;
const OPT_NO_TLSV1_1: u64 = 13;
const OPT_NO_TLSV1_2: u64 = 14;
const OPT_CIPHER_SERVER_PREFERENCE: u64 = 15;
const OPT_REQUIRE_CLIENT_CERT: u64 = 16;
const OPT_VERIFY_CLIENT_ONCE: u64 = 17;

/// The class constants, in PECL's order.
pub(super) const NAMES: [(&str, i64); 17] = [
    ("OPT_LOCAL_CERT", OPT_LOCAL_CERT as i64),
    ("OPT_LOCAL_PK", OPT_LOCAL_PK as i64),
    ("OPT_PASSPHRASE", OPT_PASSPHRASE as i64),
    ("OPT_CA_FILE", OPT_CA_FILE as i64),
    ("OPT_CA_PATH", OPT_CA_PATH as i64),
    ("OPT_ALLOW_SELF_SIGNED", OPT_ALLOW_SELF_SIGNED as i64),
    ("OPT_VERIFY_PEER", OPT_VERIFY_PEER as i64),
    ("OPT_VERIFY_DEPTH", OPT_VERIFY_DEPTH as i64),
    ("OPT_CIPHERS", OPT_CIPHERS as i64),
    ("OPT_NO_SSLv2", OPT_NO_SSLV2 as i64),
    ("OPT_NO_SSLv3", OPT_NO_SSLV3 as i64),
    ("OPT_NO_TLSv1", OPT_NO_TLSV1 as i64),
    ("OPT_NO_TLSv1_1", OPT_NO_TLSV1_1 as i64),
    ("OPT_NO_TLSv1_2", OPT_NO_TLSV1_2 as i64),
    ("OPT_CIPHER_SERVER_PREFERENCE", OPT_CIPHER_SERVER_PREFERENCE as i64),
    ("OPT_REQUIRE_CLIENT_CERT", OPT_REQUIRE_CLIENT_CERT as i64),
    ("OPT_VERIFY_CLIENT_ONCE", OPT_VERIFY_CLIENT_ONCE as i64),
];

/// The integer-keyed entries of the options array (string keys are
/// ignored, as PECL ignores them), copied so that user code run by a
/// conversion cannot change them under us.
pub(super) struct Options {
    entries: Vec<(u64, zval)>,
    pub local_cert: Option<Vec<u8>>,
    pub local_pk: Option<Vec<u8>>,
}

impl Options {
    /// Reads the array. The certificate and key paths must be strings:
    /// PECL reads whatever they hold as a string and crashes; ours throws
    /// TypeError before any option is applied.
    pub fn read(ht: &HashTable) -> PhpResult<Options> {
        let mut entries = Vec::new();
        zv::hash_each(ht, |k, z| {
            if let Key::Index(i) = k {
                // SAFETY: z is a live element of the array; deref_mut follows a reference.
                entries.push((i, zv::copy(zv::deref_mut(z))));
            }
            true
        });
        let path_of = |key: u64, name: &str| -> PhpResult<Option<Vec<u8>>> {
            let Some((_, z)) = entries.iter().find(|(k, _)| *k == key) else {
                return Ok(None);
            };
            match zv::string_of(z) {
                Some(b) => Ok(Some(b.to_vec())),
                None => Err(error::argument_type_error(
                    2,
                    &format!("must hold a string at EventSslContext::{name}, {} given", zv::type_name(z)),
                )),
            }
        };
        let local_cert = path_of(OPT_LOCAL_CERT, "OPT_LOCAL_CERT")?;
        let local_pk = path_of(OPT_LOCAL_PK, "OPT_LOCAL_PK")?;
        Ok(Options { entries, local_cert, local_pk })
    }

    /// Applies the options to a new context, in the array's order.
    pub fn apply(self, mut tls: TlsContext) -> TlsContext {
        // Read by the verify callback at handshake time, so its place in
        // the array does not matter.
        let allow = self.entries.iter().find(|(k, _)| *k == OPT_ALLOW_SELF_SIGNED);
        tls.set_allow_self_signed(allow.is_some_and(|(_, z)| zv::is_true(z)));
        let mut ca_file: Option<Vec<u8>> = None;
        let mut ca_path: Option<Vec<u8>> = None;
        for (key, z) in &self.entries {
            match *key {
                OPT_LOCAL_CERT => {
                    if let Some(cert) = &self.local_cert {
                        set_local_cert(&tls, cert, self.local_pk.as_deref());
                    }
                }
                // Loaded with the certificate; ALLOW_SELF_SIGNED is read above.
                OPT_LOCAL_PK | OPT_ALLOW_SELF_SIGNED => {}
                OPT_PASSPHRASE => tls.set_passphrase(&to_string(z)),
                OPT_CA_FILE => ca_file = Some(to_string(z)),
                OPT_CA_PATH => ca_path = Some(to_string(z)),
                OPT_VERIFY_PEER => tls.set_verify_peer(zv::is_true(z)),
                // SSL_CTX_set_verify_depth takes an int.
                OPT_VERIFY_DEPTH => tls.set_verify_depth(zv::converted_long(z) as i32),
                OPT_CIPHERS => {
                    let list = to_string(z);
                    if !tls.set_cipher_list(&list) {
                        warning(&format!("Failed setting cipher list: `{}'", shown(&list)));
                    }
                }
                OPT_NO_TLSV1 | OPT_NO_TLSV1_1 | OPT_NO_TLSV1_2 => {
                    let (name, version) = match *key {
                        OPT_NO_TLSV1 => ("OPT_NO_TLSv1", openssl_sys::TLS1_VERSION),
                        OPT_NO_TLSV1_1 => ("OPT_NO_TLSv1_1", openssl_sys::TLS1_1_VERSION),
                        _ => ("OPT_NO_TLSv1_2", openssl_sys::TLS1_2_VERSION),
                    };
                    // As PECL: true sets the minimum to that very version.
                    let version = if zv::is_true(z) { version } else { 0 };
                    error::deprecated(&format!(
                        "{name} is deprecated, use EventSslContext::setMinProtoVersion instead. Setting minimal protocol version to {version}"
                    ));
                    tls.set_min_proto_version(version);
                }
                OPT_CIPHER_SERVER_PREFERENCE => tls.set_option(SslOptions::CIPHER_SERVER_PREFERENCE, zv::is_true(z)),
                OPT_REQUIRE_CLIENT_CERT => tls.set_verify_flag(SslVerifyMode::FAIL_IF_NO_PEER_CERT, zv::is_true(z)),
                OPT_VERIFY_CLIENT_ONCE => tls.set_verify_flag(SslVerifyMode::CLIENT_ONCE, zv::is_true(z)),
                // OPT_NO_SSLv2 and OPT_NO_SSLv3 included: OpenSSL 3 has neither.
                other => warning(&format!("Unknown option {}", other as i64)),
            }
        }
        if ca_file.is_some() || ca_path.is_some() {
            let f = ca_file.as_deref().map(super::context::c_string);
            let p = ca_path.as_deref().map(super::context::c_string);
            if !tls.load_verify_locations(f.as_deref(), p.as_deref()) {
                let show = |v: &Option<Vec<u8>>| v.as_deref().map_or_else(|| "(null)".to_string(), shown);
                warning(&format!("Unable to set verify locations `{}' `{}'", show(&ca_file), show(&ca_path)));
            }
        }
        tls
    }
}

/// convert_to_string: the engine's conversion and warnings; "" when it
/// throws (the exception stays pending, and the options go on, as in PECL).
fn to_string(z: &zval) -> Vec<u8> {
    zv::try_string(z).unwrap_or_default()
}
