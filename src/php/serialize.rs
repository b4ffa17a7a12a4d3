//! PHP's own serializer, plus a byte-identical fast path for the simple
//! values (int, bool, null, string) that make up most IPC traffic.

use super::ffi::{self, smart_str};
use super::zv;
use ext_php_rs::ffi::zval;

extern "C" {
    fn smart_str_erealloc(s: *mut smart_str, len: usize);
}

/// A growable engine string (zend_smart_str) that may carry a prefix.
pub struct SmartStr(smart_str);

impl SmartStr {
    pub fn new() -> Self {
        SmartStr(smart_str { s: std::ptr::null_mut(), a: 0 })
    }
    /// An empty string with room for `n` bytes, so that a serialization of
    /// about that size does not grow (and copy) the buffer step by step.
    pub fn with_capacity(n: usize) -> Self {
        let mut s = SmartStr::new();
        if n > 0 {
            unsafe {
                smart_str_erealloc(&mut s.0, n);
                (*s.0.s).len = 0;
            }
        }
        s
    }
    pub fn len(&self) -> usize {
        if self.0.s.is_null() {
            0
        } else {
            unsafe { (*self.0.s).len }
        }
    }
    pub fn append(&mut self, b: &[u8]) {
        unsafe {
            let old = self.len();
            let new_len = old + b.len();
            if self.0.s.is_null() || new_len >= self.0.a {
                smart_str_erealloc(&mut self.0, new_len);
            }
            let dst = ((*self.0.s).val.as_mut_ptr() as *mut u8).add(old);
            std::ptr::copy_nonoverlapping(b.as_ptr(), dst, b.len());
            (*self.0.s).len = new_len;
        }
    }
    /// Appends `serialize($z)`.
    pub fn serialize(&mut self, z: *mut zval) {
        unsafe {
            let mut d = ffi::php_var_serialize_init();
            ffi::php_var_serialize(&mut self.0, z, &mut d);
            ffi::php_var_serialize_destroy(d);
        }
    }
    pub fn as_mut_bytes(&mut self) -> &mut [u8] {
        if self.0.s.is_null() {
            return &mut [];
        }
        unsafe { std::slice::from_raw_parts_mut((*self.0.s).val.as_mut_ptr() as *mut u8, (*self.0.s).len) }
    }
}

impl Default for SmartStr {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for SmartStr {
    fn drop(&mut self) {
        if !self.0.s.is_null() {
            unsafe { ffi::_efree(self.0.s as *mut _) };
        }
    }
}

/// Appends the serialized form of a simple value to `out` and returns true,
/// or returns false (leaving `out` untouched) for anything PHP must handle.
pub fn serialize_simple(z: &zval, out: &mut Vec<u8>) -> bool {
    use ipc_core::serial;
    unsafe {
        match z.u1.v.type_ {
            ffi::IS_NULL => out.extend_from_slice(b"N;"),
            ffi::IS_FALSE => out.extend_from_slice(b"b:0;"),
            ffi::IS_TRUE => out.extend_from_slice(b"b:1;"),
            ffi::IS_LONG => serial::write_int(out, z.value.lval),
            ffi::IS_STRING => serial::write_string(out, zv::str_bytes(z.value.str_)),
            _ => return false,
        }
    }
    true
}

/// Parses a whole buffer holding one canonical simple value (as
/// [`serialize_simple`] writes it). Anything else gives None, and the caller
/// hands the bytes to PHP's unserializer.
pub fn unserialize_simple(b: &[u8]) -> Option<zval> {
    let mut z = zv::undef();
    match b {
        b"N;" => zv::set_null(&mut z),
        b"b:0;" => zv::set_bool(&mut z, false),
        b"b:1;" => zv::set_bool(&mut z, true),
        [b'i', b':', rest @ ..] => {
            let body = rest.strip_suffix(b";")?;
            zv::set_long(&mut z, ipc_core::serial::parse_canonical_i64(body)?);
        }
        [b's', b':', rest @ ..] => {
            let (len, data) = ipc_core::serial::split_string(rest)?;
            zv::set_bytes(&mut z, &data[..len]);
        }
        _ => return None,
    }
    Some(z)
}

/// `unserialize()` of `bytes` into a fresh zval, or None when PHP rejects it.
pub fn unserialize(bytes: &[u8]) -> Option<zval> {
    if let Some(z) = unserialize_simple(bytes) {
        return Some(z);
    }
    unsafe {
        let mut out = zv::undef();
        let mut p = bytes.as_ptr();
        let end = p.add(bytes.len());
        let mut d = ffi::php_var_unserialize_init();
        let ok = ffi::php_var_unserialize(&mut out, &mut p, end, &mut d) != 0;
        // As unserialize() does: a partial result is released before var_hash.
        let result = if ok {
            Some(out)
        } else {
            drop(out);
            None
        };
        ffi::php_var_unserialize_destroy(d);
        result
    }
}

/// The length of `serialize($z)` for a simple value (int, bool, null,
/// string), or None for anything PHP's serializer must handle. With
/// [`write_simple`], callers write the serialized form straight into its
/// destination (a shared-memory chunk...) without a temporary buffer.
#[inline]
pub fn simple_len(z: &zval) -> Option<usize> {
    use ipc_core::serial;
    unsafe {
        match z.u1.v.type_ {
            ffi::IS_NULL => Some(2),
            ffi::IS_FALSE | ffi::IS_TRUE => Some(4),
            ffi::IS_LONG => Some(serial::int_len(z.value.lval)),
            ffi::IS_STRING => Some(serial::string_len((*z.value.str_).len)),
            _ => None,
        }
    }
}

/// Writes `serialize($z)` of a simple value into `dst`, which must be
/// exactly [`simple_len`] bytes. Byte-identical to PHP's serializer.
#[inline]
pub fn write_simple(z: &zval, dst: &mut [u8]) {
    use ipc_core::serial;
    unsafe {
        match z.u1.v.type_ {
            ffi::IS_NULL => dst.copy_from_slice(b"N;"),
            ffi::IS_FALSE => dst.copy_from_slice(b"b:0;"),
            ffi::IS_TRUE => dst.copy_from_slice(b"b:1;"),
            ffi::IS_LONG => serial::write_int_at(dst, z.value.lval),
            ffi::IS_STRING => serial::write_string_at(dst, zv::str_bytes(z.value.str_)),
            _ => unreachable!("write_simple on a value simple_len refuses"),
        }
    }
}

/// [`unserialize_simple`] writing straight into `rv` (which must hold no
/// refcounted value): returns false, leaving `rv` untouched, for anything
/// that is not a canonical simple value.
#[inline]
pub fn unserialize_simple_into(b: &[u8], rv: &mut zval) -> bool {
    match b {
        b"N;" => zv::set_null(rv),
        b"b:0;" => zv::set_bool(rv, false),
        b"b:1;" => zv::set_bool(rv, true),
        [b'i', b':', rest @ .., b';'] => match ipc_core::serial::parse_canonical_i64(rest) {
            Some(n) => zv::set_long(rv, n),
            None => return false,
        },
        [b's', b':', rest @ ..] => match ipc_core::serial::string_body(rest) {
            Some(data) => zv::set_zstr(rv, zv::new_str(data)),
            None => return false,
        },
        _ => return false,
    }
    true
}
