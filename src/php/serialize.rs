//! PHP's own serializer, plus a byte-identical fast path for the simple
//! values (int, bool, null, string) that make up most IPC traffic.

use super::ffi::{self, smart_str};
use super::zv;
use ext_php_rs::ffi::{zval, HashTable};

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
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
    pub fn serialize(&mut self, z: &zval) {
        // SAFETY: php_var_serialize only reads `z` (user code it runs may
        // change the objects `z` refers to, never `z` itself).
        unsafe {
            let mut d = ffi::php_var_serialize_init();
            ffi::php_var_serialize(&mut self.0, z as *const zval as *mut zval, &mut d);
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
            // PHP's unserializer uses ZVAL_STRINGL_FAST: "" and one byte are interned.
            zv::set_bytes_fast(&mut z, &data[..len]);
        }
        _ => return None,
    }
    Some(z)
}

/// `unserialize()` of `bytes`, handed to `then`: `Some(value)` (ownership
/// passes to `then`), or None when PHP rejects the bytes. As native
/// msg_receive/shm_get_var do, `then` runs while the unserializer's state is
/// still open: the value is assigned (and the caller's warning given) before
/// the delayed `__wakeup`/`__unserialize` calls run. A partial value left by
/// a failure is released last (native leaks it).
/// PHP's scanner needs a NUL after the data: `bytes` is copied into a
/// terminated buffer when the fast path does not apply.
pub fn unserialize_then<R>(bytes: &[u8], then: impl FnOnce(Option<zval>) -> R) -> R {
    if let Some(z) = unserialize_simple(bytes) {
        return then(Some(z));
    }
    let mut owned = Vec::with_capacity(bytes.len() + 1);
    owned.extend_from_slice(bytes);
    owned.push(0);
    unsafe { unserialize_terminated_then(&owned[..bytes.len()], then) }
}

/// Like [`unserialize_then`], without the copy.
///
/// # Safety
/// The byte right after `bytes` must be readable and be NUL.
pub unsafe fn unserialize_terminated_then<R>(bytes: &[u8], then: impl FnOnce(Option<zval>) -> R) -> R {
    if let Some(z) = unserialize_simple(bytes) {
        return then(Some(z));
    }
    unsafe {
        let mut out = zv::undef();
        let mut p = bytes.as_ptr();
        let end = p.add(bytes.len());
        let mut d = ffi::php_var_unserialize_init();
        let ok = ffi::php_var_unserialize(&mut out, &mut p, end, &mut d) != 0;
        let r = if ok {
            then(Some(out))
        } else {
            let r = then(None);
            ffi::php_var_unserialize_destroy(d);
            drop(out); // the partial value, after the delayed calls as native
            return r;
        };
        ffi::php_var_unserialize_destroy(d);
        r
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
            Some(data) => zv::set_bytes_fast(rv, data),
            None => return false,
        },
        _ => return false,
    }
    true
}

/// Deepest nesting the array fast paths handle; deeper values go to PHP.
const FAST_DEPTH: u32 = 32;

/// Appends `serialize($z)` for arrays (nested to any reasonable depth) whose
/// keys are ints or strings and whose values are ints, strings, bools, null
/// or such arrays, byte-identical to PHP's serializer, and returns true.
/// Anything else (floats, objects, shared references...) gives false with
/// `out` unchanged: PHP's serializer must handle the whole value.
pub fn serialize_array_fast(z: &zval, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    let ok = unsafe { z.u1.v.type_ == ffi::IS_ARRAY && ser_array(z.value.arr, out, 1) };
    if !ok {
        out.truncate(start);
    }
    ok
}

/// One array, as php_var_serialize_nested_data writes it.
unsafe fn ser_array(ht: *const HashTable, out: &mut Vec<u8>, depth: u32) -> bool {
    use ipc_core::serial;
    if depth > FAST_DEPTH || (*ht).gc.u.type_info & ffi::GC_PROTECTED != 0 {
        return false;
    }
    out.extend_from_slice(b"a:");
    serial::write_i64(out, (*ht).nNumOfElements as i64);
    out.extend_from_slice(b":{");
    let packed = (*ht).u.flags & ffi::HASH_FLAG_PACKED != 0;
    for i in 0..(*ht).nNumUsed as usize {
        let (val, h, key): (*const zval, u64, *const ext_php_rs::ffi::zend_string) = if packed {
            ((*ht).__bindgen_anon_1.arPacked.add(i), i as u64, std::ptr::null())
        } else {
            let b = (*ht).__bindgen_anon_1.arData.add(i);
            (&(*b).val, (*b).h, (*b).key)
        };
        let mut v = &*val;
        match v.u1.v.type_ {
            ffi::IS_UNDEF => continue,
            ffi::IS_INDIRECT => return false,
            _ => {}
        }
        if key.is_null() {
            serial::write_int(out, h as i64);
        } else {
            serial::write_string(out, zv::str_bytes(key));
        }
        // A reference nobody else holds is serialized as its value.
        if v.u1.v.type_ == ffi::IS_REFERENCE {
            if (*v.value.ref_).gc.refcount != 1 {
                return false;
            }
            v = &(*v.value.ref_).val;
        }
        let ok = match v.u1.v.type_ {
            ffi::IS_ARRAY => !std::ptr::eq(v.value.arr, ht) && ser_array(v.value.arr, out, depth + 1),
            _ => serialize_simple(v, out),
        };
        if !ok {
            return false;
        }
    }
    out.push(b'}');
    true
}

/// Parses a whole buffer holding one array in the form
/// [`serialize_array_fast`] writes (canonical numbers, no numeric string
/// keys, no duplicate keys, nothing after it) into `rv`, building it as
/// php_var_unserialize does. Returns false, with `rv` untouched, for
/// anything else: the caller hands the bytes to PHP's unserializer.
pub fn unserialize_array_fast(b: &[u8], rv: &mut zval) -> bool {
    if !b.starts_with(b"a:") {
        return false;
    }
    let mut pos = 0;
    let mut z = zv::undef();
    // PHP's unserializer refuses arrays nested deeper than
    // unserialize_max_depth (with a warning): such values are left to it.
    let max_depth = unsafe { ini_long(c"unserialize_max_depth") };
    let limit = if max_depth > 0 { FAST_DEPTH.min(max_depth.min(u32::MAX as i64) as u32) } else { FAST_DEPTH };
    // z owns whatever was built: dropping it on failure frees it.
    if unsafe { unser_into(b, &mut pos, 0, limit, &mut z) } && pos == b.len() {
        let z = std::mem::ManuallyDrop::new(z);
        unsafe { std::ptr::copy_nonoverlapping(&*z as *const zval, rv as *mut zval, 1) };
        true
    } else {
        false
    }
}

/// zend_ini_long(): the current value of an ini setting (0 if unknown).
///
/// # Safety
/// Engine globals must be live (inside a request).
unsafe fn ini_long(name: &std::ffi::CStr) -> i64 {
    extern "C" {
        fn zend_ini_long(name: *const std::os::raw::c_char, name_length: usize, orig: std::os::raw::c_int) -> i64;
    }
    unsafe { zend_ini_long(name.as_ptr(), name.to_bytes().len(), 0) }
}

/// `<digits><end>` at b[*pos..]: a canonical i64 followed by `end`.
fn unser_int(b: &[u8], pos: &mut usize, end: u8) -> Option<i64> {
    let (v, used) = ipc_core::serial::parse_i64_until(b.get(*pos..)?, end)?;
    *pos += used;
    Some(v)
}

/// `<len>:"<bytes>";` at b[*pos..] (after `s:`).
fn unser_str<'a>(b: &'a [u8], pos: &mut usize) -> Option<&'a [u8]> {
    let len = unser_int(b, pos, b':')?;
    let len = usize::try_from(len).ok()?;
    let start = pos.checked_add(1)?;
    let end = start.checked_add(len)?;
    if b.get(*pos) != Some(&b'"') || b.get(end) != Some(&b'"') || b.get(end + 1) != Some(&b';') {
        return None;
    }
    *pos = end + 2;
    Some(&b[start..end])
}

/// Parses one value at b[*pos..] into `z` (a NULL or UNDEF slot). `z` only
/// ever holds complete values, so a failure leaves something droppable.
unsafe fn unser_into(b: &[u8], pos: &mut usize, depth: u32, limit: u32, z: &mut zval) -> bool {
    let Some(&tag) = b.get(*pos) else { return false };
    if b.get(*pos + 1) != Some(if tag == b'N' { &b';' } else { &b':' }) {
        return false;
    }
    *pos += 2;
    match tag {
        b'N' => zv::set_null(z),
        b'b' => {
            match b.get(*pos..*pos + 2) {
                Some(b"0;") => zv::set_bool(z, false),
                Some(b"1;") => zv::set_bool(z, true),
                _ => return false,
            }
            *pos += 2;
        }
        b'i' => match unser_int(b, pos, b';') {
            Some(v) => zv::set_long(z, v),
            None => return false,
        },
        b's' => match unser_str(b, pos) {
            Some(v) => zv::set_bytes_fast(z, v),
            None => return false,
        },
        b'a' => {
            if depth >= limit {
                return false;
            }
            let Some(n) = unser_int(b, pos, b':') else { return false };
            // Every element takes at least 4 bytes ("i:0;" and "N;").
            if n < 0 || n as usize > (b.len() - *pos) / 4 || b.get(*pos) != Some(&b'{') {
                return false;
            }
            *pos += 1;
            if n == 0 {
                // As PHP: the shared immutable empty array.
                if b.get(*pos) != Some(&b'}') {
                    return false;
                }
                *pos += 1;
                z.value.arr = &raw const ffi::zend_empty_array as *mut HashTable;
                z.u1.type_info = ffi::IS_ARRAY as u32;
                return true;
            }
            let ht = ffi::_zend_new_array(n as u32);
            zv::set_arr(z, ht); // owned by z from here
            ffi::zend_hash_real_init_mixed(ht);
            let mut null = zv::undef();
            zv::set_null(&mut null);
            for _ in 0..n {
                let Some(&kt) = b.get(*pos) else { return false };
                if b.get(*pos + 1) != Some(&b':') {
                    return false;
                }
                *pos += 2;
                // A NULL slot first (NULL: the key exists already), then the
                // value is parsed straight into it.
                let slot = match kt {
                    b'i' => match unser_int(b, pos, b';') {
                        Some(k) => ffi::zend_hash_index_add(ht, k as u64, &mut null),
                        None => return false,
                    },
                    b's' => match unser_str(b, pos) {
                        // Numeric string keys become int keys in PHP: leave them to it.
                        Some(k) if !matches!(k.first(), Some(c) if c.is_ascii_digit() || *c == b'-') => {
                            ffi::zend_hash_str_add(ht, k.as_ptr() as *const _, k.len(), &mut null)
                        }
                        _ => return false,
                    },
                    _ => return false,
                };
                if slot.is_null() || !unser_into(b, pos, depth + 1, limit, &mut *slot) {
                    return false;
                }
            }
            if b.get(*pos) != Some(&b'}') {
                return false;
            }
            *pos += 1;
        }
        _ => return false,
    }
    true
}
