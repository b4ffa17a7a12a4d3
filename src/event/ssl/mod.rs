//! EventSslContext: PECL event's SSL context, an OpenSSL SSL_CTX (through
//! the openssl crate) configured from the constructor's options array.
//! EventBufferEvent's TLS methods and EventHttp make their connections from
//! it with [`tls_context`] and [`TlsContext::new_ssl`].

pub mod context;
mod options;

use super::*;
use context::until_nul;
pub use context::{Role, TlsContext};
use std::ffi::{CString, OsStr};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

#[derive(Default)]
pub struct EventSslContext {
    /// None until the constructor succeeds: PECL's object with a NULL
    /// SSL_CTX after an invalid method, which crashes PECL wherever it is
    /// used; ours throws Error there instead.
    tls: Option<TlsContext>,
    /// OPT_LOCAL_CERT and OPT_LOCAL_PK as given, the `local_cert` and
    /// `local_pk` properties. Writing the properties loads the files but,
    /// as in PECL, does not change these.
    local_cert: Option<Vec<u8>>,
    local_pk: Option<Vec<u8>>,
}
native_class!(EventSslContext, c"EventSslContext");

// Method constants (PECL's PHP_EVENT_*_METHOD numbers).
const SSLV2_CLIENT_METHOD: i64 = 1;
const SSLV3_CLIENT_METHOD: i64 = 2;
const SSLV23_CLIENT_METHOD: i64 = 3;
const TLS_CLIENT_METHOD: i64 = 4;
const SSLV2_SERVER_METHOD: i64 = 5;
const SSLV3_SERVER_METHOD: i64 = 6;
const SSLV23_SERVER_METHOD: i64 = 7;
const TLS_SERVER_METHOD: i64 = 8;
const TLSV11_CLIENT_METHOD: i64 = 9;
const TLSV11_SERVER_METHOD: i64 = 10;
const TLSV12_CLIENT_METHOD: i64 = 11;
const TLSV12_SERVER_METHOD: i64 = 12;

/// Registers the class (from the group's startup, after EventUtil).
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    // PECL's objects can be serialised but not unserialised (that crashes):
    // ours refuse both with PHP's own exception.
    let ce = class::register::<EventSslContext>(methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
    for (n, v) in [
        ("TLS_CLIENT_METHOD", TLS_CLIENT_METHOD),
        ("TLS_SERVER_METHOD", TLS_SERVER_METHOD),
        ("TLSv11_CLIENT_METHOD", TLSV11_CLIENT_METHOD),
        ("TLSv11_SERVER_METHOD", TLSV11_SERVER_METHOD),
        ("TLSv12_CLIENT_METHOD", TLSV12_CLIENT_METHOD),
        ("TLSv12_SERVER_METHOD", TLSV12_SERVER_METHOD),
    ] {
        class::declare_long_const(ce, n, v);
    }
    for (n, v) in options::NAMES {
        class::declare_long_const(ce, n, v);
    }
    // PECL shows the OpenSSL it was built with; ours is linked to the
    // system's libssl at run time, which these name.
    let text = CString::new(openssl::version::version()).unwrap_or_default();
    class::declare_string_const(ce, "OPENSSL_VERSION_TEXT", &text);
    class::declare_long_const(ce, "OPENSSL_VERSION_NUMBER", openssl::version::number() as i64);
    for (n, v) in [
        ("SSL3_VERSION", openssl_sys::SSL3_VERSION),
        ("TLS1_VERSION", openssl_sys::TLS1_VERSION),
        ("TLS1_1_VERSION", openssl_sys::TLS1_1_VERSION),
        ("TLS1_2_VERSION", openssl_sys::TLS1_2_VERSION),
        ("DTLS1_VERSION", openssl_sys::DTLS1_VERSION),
        ("DTLS1_2_VERSION", openssl_sys::DTLS1_2_VERSION),
    ] {
        class::declare_long_const(ce, n, v as i64);
    }
    class::declare_property_null(ce, c"local_cert");
    class::declare_property_null(ce, c"local_pk");
    let h = class::handlers_mut::<EventSslContext>();
    (*h).read_property = Some(read_property);
    (*h).write_property = Some(write_property);
    (*h).has_property = Some(has_property);
    // unset() of local_cert/local_pk empties the declared slot only (reads
    // still come from the handlers): the standard handler, as in PECL.
    (*h).get_properties = Some(get_properties);
    (*h).get_debug_info = Some(get_debug_info);
    (*h).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct)).arg(c"method", Type::INT).arg(c"options", Type::ARRAY),
        m(c"setMinProtoVersion", crate::handler!(set_min_proto_version)).arg(c"proto", Type::INT).ret(Type::BOOL),
        m(c"setMaxProtoVersion", crate::handler!(set_max_proto_version)).arg(c"proto", Type::INT).ret(Type::BOOL),
    ])
}

/// The TLS context of an EventSslContext (for EventBufferEvent's TLS
/// methods and EventHttp): Error when its constructor failed, where PECL
/// would use a NULL SSL_CTX.
pub fn tls_context(obj: zv::ObjRef<'_>) -> PhpResult<&TlsContext> {
    let Some(me) = class::native_of::<EventSslContext>(obj) else {
        return Err(error::error("EventSslContext expected"));
    };
    me.tls.as_ref().ok_or_else(not_initialized)
}

/// The Error where PECL dereferences the NULL SSL_CTX of a context whose
/// constructor failed.
fn not_initialized() -> Thrown {
    error::error("EventSslContext object is not initialized")
}

/// The role of a method constant, with PECL's notices; None (after its
/// warnings) for a method OpenSSL 3 does not have or an unknown number.
fn method_role(method: i64) -> Option<Role> {
    let deprecated = |old: &str, new: &str| {
        error::deprecated(&format!("{old} is deprecated, use {new} instead"));
    };
    match method {
        TLS_CLIENT_METHOD | SSLV23_CLIENT_METHOD => Some(Role::Client),
        TLS_SERVER_METHOD => Some(Role::Server),
        SSLV23_SERVER_METHOD => {
            deprecated("SSLv23_SERVER_METHOD", "TLS_SERVER_METHOD");
            Some(Role::Server)
        }
        TLSV11_CLIENT_METHOD | TLSV12_CLIENT_METHOD => {
            let v = if method == TLSV11_CLIENT_METHOD { "TLSv11" } else { "TLSv12" };
            deprecated(&format!("{v}_CLIENT_METHOD"), "TLS_CLIENT_METHOD");
            Some(Role::Client)
        }
        TLSV11_SERVER_METHOD | TLSV12_SERVER_METHOD => {
            let v = if method == TLSV11_SERVER_METHOD { "TLSv11" } else { "TLSv12" };
            deprecated(&format!("{v}_SERVER_METHOD"), "TLS_SERVER_METHOD");
            Some(Role::Server)
        }
        _ => {
            match method {
                SSLV2_CLIENT_METHOD | SSLV2_SERVER_METHOD => {
                    warning("SSLv2 support is not compiled into the OpenSSL library PHP is linked against")
                }
                SSLV3_CLIENT_METHOD | SSLV3_SERVER_METHOD => {
                    warning("SSLv3 support is not compiled into the OpenSSL library PHP is linked against")
                }
                _ => {}
            }
            warning(&format!("Invalid method passed: {method}"));
            None
        }
    }
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let method = a.long(0)?;
    let opts = options::Options::read(a.array(1)?)?;
    let Some(role) = method_role(method) else {
        return Ok(());
    };
    let tls = match TlsContext::new(role) {
        Ok(t) => t,
        Err(_) => {
            warning("Creation of a new SSL_CTX object failed");
            return Ok(());
        }
    };
    let me = this::<EventSslContext>(a);
    me.local_cert = opts.local_cert.clone();
    me.local_pk = opts.local_pk.clone();
    // Options run before the context is stored: conversions may run user
    // code (__toString), which must not see a half-configured context.
    let tls = opts.apply(tls);
    this::<EventSslContext>(a).tls = Some(tls);
    Ok(())
}

/// PECL ignores OpenSSL's answer: true whatever the version (an unknown
/// one leaves the bound unchanged), and for a context that failed to be
/// created.
fn set_min_proto_version(a: &Args, rv: &mut zval) -> PhpResult {
    set_proto_bound(a, rv, false)
}

fn set_max_proto_version(a: &Args, rv: &mut zval) -> PhpResult {
    set_proto_bound(a, rv, true)
}

fn set_proto_bound(a: &Args, rv: &mut zval, max: bool) -> PhpResult {
    a.count(1, 1)?;
    // SSL_CTX_ctrl takes a long; OpenSSL reads it as an int.
    let proto = a.long(0)? as i32;
    if let Some(tls) = &this::<EventSslContext>(a).tls {
        if max {
            tls.set_max_proto_version(proto);
        } else {
            tls.set_min_proto_version(proto);
        }
    }
    zv::set_bool(rv, true);
    Ok(())
}

// ---------------------------------------------------------------- certificate files

/// VCWD_REALPATH as PECL calls it: the canonical path of an existing file
/// (the C string up to a NUL byte; "" is the current directory), or None.
fn realpath(path: &[u8]) -> Option<CString> {
    let path = until_nul(path);
    let full = if path.is_empty() {
        std::env::current_dir().ok()?
    } else {
        std::fs::canonicalize(OsStr::from_bytes(path)).ok()?
    };
    CString::new(full.into_os_string().into_vec()).ok()
}

/// A C string as PHP's `%s` prints it (up to a NUL byte).
fn shown(b: &[u8]) -> String {
    String::from_utf8_lossy(until_nul(b)).into_owned()
}

/// OPT_LOCAL_CERT and writes to `local_cert`: the certificate chain from
/// `cert`, then the private key from `pk`, or from the certificate file
/// when there is no key file. Files that do not exist are skipped silently.
fn set_local_cert(tls: &TlsContext, cert: &[u8], pk: Option<&[u8]>) {
    let Some(cert_path) = realpath(cert) else {
        return;
    };
    if !tls.use_certificate_chain_file(&cert_path) {
        warning(&format!("SSL_CTX_use_certificate_chain_file failed, file: `{}'", shown(cert)));
        return;
    }
    let key_path = match pk {
        Some(pk) => match realpath(pk) {
            Some(p) => p,
            None => return,
        },
        None => cert_path,
    };
    set_private_key(tls, &key_path);
}

/// SSL_CTX_use_PrivateKey_file with PECL's warning.
fn set_private_key(tls: &TlsContext, path: &std::ffi::CStr) {
    if !tls.use_private_key_file(path) {
        warning(&format!("Unable to set private key file `{}'", shown(path.to_bytes())));
    }
}

// ---------------------------------------------------------------- properties

#[derive(Clone, Copy, PartialEq, Eq)]
enum Prop {
    LocalCert,
    LocalPk,
}

unsafe fn prop_of(member: *mut zend_string) -> Option<Prop> {
    match zv::str_bytes(member) {
        b"local_cert" => Some(Prop::LocalCert),
        b"local_pk" => Some(Prop::LocalPk),
        _ => None,
    }
}

fn value_of(me: &EventSslContext, p: Prop) -> Option<&[u8]> {
    match p {
        Prop::LocalCert => me.local_cert.as_deref(),
        Prop::LocalPk => me.local_pk.as_deref(),
    }
}

fn set_value(z: &mut zval, v: Option<&[u8]>) {
    match v {
        Some(b) => zv::set_bytes(z, b),
        None => zv::set_null(z),
    }
}

unsafe extern "C" fn read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if let Some(p) = prop_of(member) {
        let me = class::data_of::<EventSslContext>(obj);
        if me.tls.is_none() {
            not_initialized();
            zv::set_null(&mut *rv);
            return rv;
        }
        set_value(&mut *rv, value_of(me, p));
        return rv;
    }
    ext_php_rs::ffi::zend_std_read_property(obj, member, ty, std::ptr::null_mut(), rv)
}

/// Writing `local_cert` loads the certificate (and the key of `local_pk`,
/// or the certificate file's), writing `local_pk` loads a private key;
/// neither changes what the properties read, as in PECL.
unsafe extern "C" fn write_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    value: *mut zval,
    _cache: *mut *mut c_void,
) -> *mut zval {
    let Some(p) = prop_of(member) else {
        return ext_php_rs::ffi::zend_std_write_property(obj, member, value, std::ptr::null_mut());
    };
    let me = class::data_of::<EventSslContext>(obj);
    let Some(tls) = &me.tls else {
        not_initialized();
        return value;
    };
    let v = zv::deref(&*value);
    let Some(path) = zv::string_of(v).map(<[u8]>::to_vec) else {
        // PECL reads any value as a string: a crash or garbage.
        let name = if p == Prop::LocalCert { "local_cert" } else { "local_pk" };
        error::type_error(&format!(
            "Cannot assign {} to property EventSslContext::${name} of type string",
            zv::type_name(v)
        ));
        return value;
    };
    match p {
        Prop::LocalCert => set_local_cert(tls, &path, me.local_pk.as_deref()),
        Prop::LocalPk => {
            if let Some(real) = realpath(&path) {
                set_private_key(tls, &real);
            }
        }
    }
    value
}

unsafe extern "C" fn has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    _cache: *mut *mut c_void,
) -> c_int {
    if let Some(p) = prop_of(member) {
        let me = class::data_of::<EventSslContext>(obj);
        if me.tls.is_none() {
            not_initialized();
            return 0;
        }
        return match (has_set_exists, value_of(me, p)) {
            // property_exists(): declared.
            (2, _) => 1,
            (_, None) => 0,
            // empty(): a non-empty string other than "0".
            (1, Some(v)) => (!v.is_empty() && v != b"0") as c_int,
            (_, Some(_)) => 1,
        };
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, std::ptr::null_mut())
}

/// get_object_vars(), foreach, (array), var_export...: the current values
/// are written into the property table (dynamic properties follow).
unsafe extern "C" fn get_properties(obj: *mut zend_object) -> *mut HashTable {
    let ht = ext_php_rs::ffi::zend_std_get_properties(obj);
    let me = class::data_of::<EventSslContext>(obj);
    if me.tls.is_none() {
        not_initialized();
        return ht;
    }
    let mut table = zv::Array::from_raw(ht);
    for (name, p) in [("local_cert", Prop::LocalCert), ("local_pk", Prop::LocalPk)] {
        let mut z = zv::undef();
        set_value(&mut z, value_of(me, p));
        table.set(name, z);
    }
    ht
}

/// var_dump()/print_r(): `local_cert` and `local_pk` only, as PECL.
unsafe extern "C" fn get_debug_info(obj: *mut zend_object, is_temp: *mut c_int) -> *mut HashTable {
    *is_temp = 1;
    let me = class::data_of::<EventSslContext>(obj);
    let mut arr = zv::Array::new(2);
    if me.tls.is_none() {
        not_initialized();
        return arr.into_raw();
    }
    for (name, p) in [("local_cert", Prop::LocalCert), ("local_pk", Prop::LocalPk)] {
        let mut z = zv::undef();
        set_value(&mut z, value_of(me, p));
        arr.set(name, z);
    }
    arr.into_raw()
}
