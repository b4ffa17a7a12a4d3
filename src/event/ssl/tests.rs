//! TLS handshakes over a socketpair with EventSslContext's PHP-free context
//! (`cargo test --release --test ssl_context`): the options do what they
//! say on real connections. Certificates are made here, thrown away after.
//!
//! The module files are compiled into this test directly, so it needs
//! neither PHP nor the extension.

#[path = "../../sys/ssl_ctx.rs"]
pub mod ssl_ctx_impl;
mod sys {
    pub use super::ssl_ctx_impl as ssl_ctx;
}
#[path = "context.rs"]
#[allow(dead_code)]
mod context;

use context::{Role, TlsContext};
use openssl::asn1::Asn1Time;
use openssl::bn::BigNum;
use openssl::ec::{EcGroup, EcKey};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::ssl::{SslStream, SslVerifyMode};
use openssl::symm::Cipher;
use openssl::x509::{X509Name, X509};
use std::ffi::CString;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

const TLS1_2: i32 = 0x0303;
const TLS1_3: i32 = 0x0304;

/// A temporary directory removed when dropped.
struct TempDir(PathBuf);
impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("php-ipc-ssl-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn file(&self, name: &str, data: &[u8]) -> CString {
        let p = self.0.join(name);
        std::fs::write(&p, data).unwrap();
        cpath(&p)
    }
}
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn cpath(p: &Path) -> CString {
    CString::new(p.to_str().unwrap()).unwrap()
}

fn key() -> PKey<Private> {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    PKey::from_ec_key(EcKey::generate(&group).unwrap()).unwrap()
}

/// A certificate for `cn` signed by `issuer` (self-signed when None).
fn cert(cn: &str, key: &PKey<Private>, issuer: Option<(&X509, &PKey<Private>)>, ca: bool) -> X509 {
    let mut name = X509Name::builder().unwrap();
    name.append_entry_by_nid(Nid::COMMONNAME, cn).unwrap();
    let name = name.build();
    let mut b = X509::builder().unwrap();
    b.set_version(2).unwrap();
    b.set_serial_number(&BigNum::from_u32(rand_serial()).unwrap().to_asn1_integer().unwrap()).unwrap();
    b.set_subject_name(&name).unwrap();
    b.set_pubkey(key).unwrap();
    b.set_not_before(&Asn1Time::days_from_now(0).unwrap()).unwrap();
    b.set_not_after(&Asn1Time::days_from_now(2).unwrap()).unwrap();
    if ca {
        let bc = openssl::x509::extension::BasicConstraints::new().critical().ca().build().unwrap();
        b.append_extension(bc).unwrap();
    }
    match issuer {
        Some((icert, ikey)) => {
            b.set_issuer_name(icert.subject_name()).unwrap();
            b.sign(ikey, MessageDigest::sha256()).unwrap();
        }
        None => {
            b.set_issuer_name(&name).unwrap();
            b.sign(key, MessageDigest::sha256()).unwrap();
        }
    }
    b.build()
}

fn rand_serial() -> u32 {
    let mut buf = [0u8; 4];
    openssl::rand::rand_bytes(&mut buf).unwrap();
    u32::from_ne_bytes(buf) >> 1
}

/// A self-signed server certificate and key, written as PEM files.
struct Fixture {
    dir: TempDir,
    cert: CString,
    key: CString,
}

fn fixture(tag: &str) -> Fixture {
    let dir = TempDir::new(tag);
    let k = key();
    let c = cert("localhost", &k, None, false);
    let cert = dir.file("cert.pem", &c.to_pem().unwrap());
    let key = dir.file("key.pem", &k.private_key_to_pem_pkcs8().unwrap());
    Fixture { dir, cert, key }
}

fn server(f: &Fixture) -> TlsContext {
    let s = TlsContext::new(Role::Server).unwrap();
    assert!(s.use_certificate_chain_file(&f.cert));
    assert!(s.use_private_key_file(&f.key));
    s
}

/// The outcome of one handshake: the protocol both agreed on, or each
/// side's error text.
#[derive(Debug)]
struct Outcome {
    client: Result<String, String>,
    server: Result<String, String>,
}

impl Outcome {
    fn ok(&self) -> bool {
        self.client.is_ok() && self.server.is_ok()
    }
}

/// Connects a client and a server context over a socketpair (each side in
/// its own thread, blocking, with a 5 s timeout), and exchanges one byte.
fn handshake(client: &TlsContext, server: &TlsContext) -> Outcome {
    let (a, b) = UnixStream::pair().unwrap();
    for s in [&a, &b] {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
    }
    let server_ssl = server.new_ssl(Role::Server).unwrap();
    let client_ssl = client.new_ssl(Role::Client).unwrap();
    let srv = std::thread::spawn(move || -> Result<String, String> {
        let mut s = SslStream::new(server_ssl, a).map_err(|e| e.to_string())?;
        s.do_handshake().map_err(|e| e.to_string())?;
        let mut byte = [0u8; 1];
        s.read_exact(&mut byte).map_err(|e| e.to_string())?;
        s.write_all(&byte).map_err(|e| e.to_string())?;
        Ok(s.ssl().version_str().to_string())
    });
    let cli = (|| -> Result<String, String> {
        let mut s = SslStream::new(client_ssl, b).map_err(|e| e.to_string())?;
        let r = s.do_handshake();
        if let Err(e) = r {
            // The server learns of the failure from the alert or the close.
            let verify = s.ssl().verify_result();
            return Err(format!("{e} (verify: {})", verify.error_string()));
        }
        s.write_all(b"x").map_err(|e| e.to_string())?;
        let mut byte = [0u8; 1];
        s.read_exact(&mut byte).map_err(|e| e.to_string())?;
        Ok(s.ssl().version_str().to_string())
    })();
    let server = srv.join().unwrap();
    Outcome { client: cli, server }
}

#[test]
fn no_verification_by_default() {
    let f = fixture("default");
    let c = TlsContext::new(Role::Client).unwrap();
    let o = handshake(&c, &server(&f));
    assert!(o.ok(), "{o:?}");
    assert_eq!(o.client.as_deref(), Ok("TLSv1.3"));
}

#[test]
fn verify_peer_rejects_an_untrusted_certificate() {
    let f = fixture("untrusted");
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    let o = handshake(&c, &server(&f));
    let err = o.client.unwrap_err();
    assert!(err.contains("self-signed certificate"), "{err}");
    assert!(o.server.is_err());
}

#[test]
fn allow_self_signed_accepts_the_self_signed_peer() {
    let f = fixture("selfsigned");
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    c.set_allow_self_signed(true);
    let o = handshake(&c, &server(&f));
    assert!(o.ok(), "{o:?}");
    // Order does not matter: the callback reads the flag at handshake time.
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_allow_self_signed(true);
    c.set_verify_peer(true);
    assert!(handshake(&c, &server(&f)).ok());
}

#[test]
fn allow_self_signed_does_not_excuse_an_unknown_issuer() {
    let f = fixture("issuer");
    let ca_key = key();
    let ca = cert("php-ipc test CA", &ca_key, None, true);
    let leaf_key = key();
    let leaf = cert("localhost", &leaf_key, Some((&ca, &ca_key)), false);
    let s = TlsContext::new(Role::Server).unwrap();
    assert!(s.use_certificate_chain_file(&f.dir.file("leaf.pem", &leaf.to_pem().unwrap())));
    assert!(s.use_private_key_file(&f.dir.file("leaf_key.pem", &leaf_key.private_key_to_pem_pkcs8().unwrap())));
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    c.set_allow_self_signed(true);
    let o = handshake(&c, &s);
    assert!(o.client.unwrap_err().contains("unable to get local issuer certificate"));
    // Trusting the CA lets it through (verify depth 0 still allows a leaf
    // signed directly by a trusted CA, as OpenSSL counts depth).
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    c.set_verify_depth(0);
    assert!(c.load_verify_locations(Some(&f.dir.file("ca.pem", &ca.to_pem().unwrap())), None));
    let o = handshake(&c, &s);
    assert!(o.ok(), "{o:?}");
}

#[test]
fn ca_file_trusts_the_certificate() {
    let f = fixture("cafile");
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    assert!(c.load_verify_locations(Some(&f.cert), None));
    assert!(handshake(&c, &server(&f)).ok());
    // A different self-signed certificate as CA: not trusted, and once CA
    // files are given allow_self_signed no longer helps (as PECL: a CA
    // file or path, even one that fails to load, turns it off).
    let other = fixture("cafile-other");
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    c.set_allow_self_signed(true);
    assert!(c.load_verify_locations(Some(&other.cert), None));
    let o = handshake(&c, &server(&f));
    assert!(o.client.is_err(), "{o:?}");
    let mut c = TlsContext::new(Role::Client).unwrap();
    c.set_verify_peer(true);
    c.set_allow_self_signed(true);
    assert!(!c.load_verify_locations(None, Some(&CString::new("").unwrap())));
    assert!(handshake(&c, &server(&f)).client.is_err());
    // A missing file fails.
    let c = TlsContext::new(Role::Client).unwrap();
    assert!(!c.load_verify_locations(Some(&CString::new("/nonexistent/ca.pem").unwrap()), None));
}

#[test]
fn proto_version_bounds() {
    let f = fixture("proto");
    let c = TlsContext::new(Role::Client).unwrap();
    assert!(c.set_max_proto_version(TLS1_2));
    let o = handshake(&c, &server(&f));
    assert_eq!(o.client.as_deref(), Ok("TLSv1.2"), "{o:?}");
    assert_eq!(o.server.as_deref(), Ok("TLSv1.2"));
    // Server at least 1.3, client at most 1.2: no common version.
    let s = server(&f);
    assert!(s.set_min_proto_version(TLS1_3));
    let o = handshake(&c, &s);
    assert!(o.client.is_err() && o.server.is_err(), "{o:?}");
    // 0 removes the bound again.
    assert!(c.set_max_proto_version(0));
    assert_eq!(handshake(&c, &s).client.as_deref(), Ok("TLSv1.3"));
    // Unknown versions (and DTLS ones on a TLS context) are refused and
    // leave the bound as it was.
    for v in [5, 0x0305, -1] {
        assert!(!s.set_min_proto_version(v), "{v}");
    }
    assert!(c.set_max_proto_version(TLS1_2));
    assert!(handshake(&c, &s).client.is_err());
}

#[test]
fn require_client_cert() {
    let f = fixture("clientcert");
    let mut s = server(&f);
    // Alone, the flag asks for nothing (no SSL_VERIFY_PEER).
    s.set_verify_flag(SslVerifyMode::FAIL_IF_NO_PEER_CERT, true);
    assert!(handshake(&TlsContext::new(Role::Client).unwrap(), &s).ok());
    // OPT_VERIFY_PEER after OPT_REQUIRE_CLIENT_CERT keeps it (as PECL).
    s.set_verify_peer(true);
    s.set_allow_self_signed(true);
    assert_eq!(s.verify_mode(), SslVerifyMode::PEER | SslVerifyMode::FAIL_IF_NO_PEER_CERT);
    let c = TlsContext::new(Role::Client).unwrap();
    let o = handshake(&c, &s);
    assert!(o.server.unwrap_err().contains("peer did not return a certificate"));
    // With a client certificate.
    let cf = fixture("clientcert-client");
    let c = TlsContext::new(Role::Client).unwrap();
    assert!(c.use_certificate_chain_file(&cf.cert));
    assert!(c.use_private_key_file(&cf.key));
    assert!(handshake(&c, &s).ok());
    // Cleared again: no certificate needed.
    s.set_verify_flag(SslVerifyMode::FAIL_IF_NO_PEER_CERT, false);
    assert!(handshake(&TlsContext::new(Role::Client).unwrap(), &s).ok());
}

#[test]
fn ciphers_and_keys() {
    let f = fixture("ciphers");
    let c = TlsContext::new(Role::Client).unwrap();
    assert!(!c.set_cipher_list(b"bogus"));
    assert!(c.set_cipher_list(b"HIGH:!aNULL\0ignored after NUL"));
    // A key that does not match the certificate is refused.
    let s = TlsContext::new(Role::Server).unwrap();
    assert!(s.use_certificate_chain_file(&f.cert));
    let other = f.dir.file("other.pem", &key().private_key_to_pem_pkcs8().unwrap());
    assert!(!s.use_private_key_file(&other));
    // A server without certificate cannot complete a handshake.
    let o = handshake(&c, &TlsContext::new(Role::Server).unwrap());
    assert!(o.server.as_ref().unwrap_err().contains("no shared cipher"), "{o:?}");
}

#[test]
fn encrypted_key_with_passphrase() {
    let f = fixture("passphrase");
    let k = key();
    let c = cert("localhost", &k, None, false);
    let cert = f.dir.file("enc_cert.pem", &c.to_pem().unwrap());
    let enc = k.private_key_to_pem_pkcs8_passphrase(Cipher::aes_128_cbc(), b"secret").unwrap();
    let key_file = f.dir.file("enc_key.pem", &enc);
    let s = TlsContext::new(Role::Server).unwrap();
    assert!(s.use_certificate_chain_file(&cert));
    s.set_passphrase(b"wrong");
    assert!(!s.use_private_key_file(&key_file));
    s.set_passphrase(b"secret\0tail");
    assert!(!s.use_private_key_file(&key_file));
    s.set_passphrase(&[b'x'; 2000]);
    assert!(!s.use_private_key_file(&key_file));
    s.set_passphrase(b"secret");
    assert!(s.use_private_key_file(&key_file));
    assert!(handshake(&TlsContext::new(Role::Client).unwrap(), &s).ok());
}
