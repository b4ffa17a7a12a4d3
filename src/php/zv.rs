//! Small, explicit zval operations (the engine's inline macros, in Rust).
//!
//! Ownership: ext-php-rs gives `zval` a `Drop` that releases the value, so a
//! `zval` held by value in Rust is an owned reference. Handing one to the
//! engine (hash insert, typed-ref assign) must `forget` it. The `set_*`
//! functions overwrite without releasing: use them on fresh or scalar zvals.

use super::ffi;
use ext_php_rs::ffi::{zend_reference, zend_string, zval, HashTable};

pub fn type_of(z: &zval) -> u8 {
    unsafe { z.u1.v.type_ }
}

/// Follows an IS_REFERENCE to the referenced value.
///
/// # Safety
/// `z` must be a valid zval.
pub unsafe fn deref_mut(z: &mut zval) -> &mut zval {
    if z.u1.v.type_ == ffi::IS_REFERENCE {
        &mut (*z.value.ref_).val
    } else {
        z
    }
}

/// # Safety
/// `s` must be a live zend_string.
pub unsafe fn str_bytes<'a>(s: *const zend_string) -> &'a [u8] {
    std::slice::from_raw_parts((*s).val.as_ptr() as *const u8, (*s).len)
}

/// A fresh non-persistent zend_string holding `b`.
pub fn new_str(b: &[u8]) -> *mut zend_string {
    unsafe { ext_php_rs::ffi::ext_php_rs_zend_string_init(b.as_ptr() as *const _, b.len(), false) }
}

/// Releases whatever `z` held and leaves it UNDEF.
pub fn dtor(z: &mut zval) {
    unsafe { ffi::zval_ptr_dtor(z) };
    z.u1.type_info = ffi::IS_UNDEF as u32;
}

pub fn undef() -> zval {
    let mut z: zval = unsafe { std::mem::zeroed() };
    z.u1.type_info = ffi::IS_UNDEF as u32;
    z
}

pub fn set_null(z: &mut zval) {
    z.u1.type_info = ffi::IS_NULL as u32;
}
pub fn set_bool(z: &mut zval, b: bool) {
    z.u1.type_info = if b { ffi::IS_TRUE } else { ffi::IS_FALSE } as u32;
}
pub fn set_long(z: &mut zval, v: i64) {
    z.value.lval = v;
    z.u1.type_info = ffi::IS_LONG as u32;
}
pub fn set_double(z: &mut zval, v: f64) {
    z.value.dval = v;
    z.u1.type_info = ffi::IS_DOUBLE as u32;
}
/// Takes ownership of `s`.
pub fn set_zstr(z: &mut zval, s: *mut zend_string) {
    z.value.str_ = s;
    // Interned strings are not refcounted.
    let interned = unsafe { (*s).gc.u.type_info & (1 << 6) != 0 };
    z.u1.type_info = if interned { ffi::IS_STRING as u32 } else { ffi::IS_STRING_EX };
}
pub fn set_bytes(z: &mut zval, b: &[u8]) {
    set_zstr(z, new_str(b));
}
/// Takes ownership of `ht`.
pub fn set_arr(z: &mut zval, ht: *mut HashTable) {
    z.value.arr = ht;
    z.u1.type_info = ffi::IS_ARRAY_EX;
}

/// A new PHP array (refcount 1), filled through [`Array`].
pub struct Array(pub *mut HashTable);

impl Array {
    pub fn new(size: u32) -> Array {
        Array(unsafe { ffi::_zend_new_array(size) })
    }
    pub fn set(&mut self, key: &str, v: zval) {
        let mut v = std::mem::ManuallyDrop::new(v);
        unsafe { ffi::zend_hash_str_update(self.0, key.as_ptr() as *const _, key.len(), &mut *v) };
    }
    pub fn set_long(&mut self, key: &str, v: i64) {
        let mut z = undef();
        set_long(&mut z, v);
        self.set(key, z);
    }
    pub fn set_bytes(&mut self, key: &str, v: &[u8]) {
        let mut z = undef();
        set_bytes(&mut z, v);
        self.set(key, z);
    }
    pub fn push(&mut self, v: zval) {
        let mut v = std::mem::ManuallyDrop::new(v);
        unsafe { ffi::zend_hash_next_index_insert(self.0, &mut *v) };
    }
    pub fn index_set(&mut self, i: u64, v: zval) {
        let mut v = std::mem::ManuallyDrop::new(v);
        unsafe { ffi::zend_hash_index_update(self.0, i, &mut *v) };
    }
    pub fn into_zval(self) -> zval {
        let mut z = undef();
        set_arr(&mut z, self.0);
        z
    }
}

/// Looks up a string key in an array.
pub fn hash_find<'a>(ht: &'a HashTable, key: &str) -> Option<&'a mut zval> {
    unsafe {
        let p = ext_php_rs::ffi::zend_hash_str_find(ht, key.as_ptr() as *const _, key.len());
        if p.is_null() {
            None
        } else {
            // INDIRECT slots (object property tables) are not expected here.
            Some(&mut *p)
        }
    }
}

/// `zval_get_long()`: PHP's (int) conversion, never throwing.
pub fn get_long(z: &mut zval) -> i64 {
    unsafe {
        match z.u1.v.type_ {
            ffi::IS_LONG => z.value.lval,
            ffi::IS_REFERENCE => get_long(&mut (*z.value.ref_).val),
            _ => ffi::zval_get_long_func(z, false),
        }
    }
}

/// A by-reference parameter, written like ZEND_TRY_ASSIGN_REF_*: typed
/// references (`public int $x` passed by ref) go through the engine's checks.
pub struct RefOut<'a> {
    r: &'a mut zend_reference,
}

impl<'a> RefOut<'a> {
    pub fn new(z: &'a mut zval) -> Option<RefOut<'a>> {
        if unsafe { z.u1.v.type_ } != ffi::IS_REFERENCE {
            return None;
        }
        Some(RefOut { r: unsafe { &mut *z.value.ref_ } })
    }
    fn typed(&self) -> bool {
        unsafe { !self.r.sources.ptr.is_null() }
    }
    /// Replaces the referenced value with `v` (ownership moves).
    pub fn set_zval(&mut self, v: zval) {
        if self.typed() {
            // The engine takes ownership of v, on failure too.
            let mut v = std::mem::ManuallyDrop::new(v);
            unsafe { ffi::zend_try_assign_typed_ref_zval(self.r, &mut *v) };
        } else {
            // The old value is released when `old` drops, after the new one
            // is in place (a destructor it triggers sees the new value).
            let old = std::mem::replace(&mut self.r.val, v);
            drop(old);
        }
    }
    pub fn set_long(&mut self, v: i64) {
        if self.typed() {
            unsafe { ffi::zend_try_assign_typed_ref_long(self.r, v) };
        } else {
            let mut z = undef();
            set_long(&mut z, v);
            self.set_zval(z);
        }
    }
    pub fn set_bool(&mut self, v: bool) {
        if self.typed() {
            unsafe { ffi::zend_try_assign_typed_ref_bool(self.r, v) };
        } else {
            let mut z = undef();
            set_bool(&mut z, v);
            self.set_zval(z);
        }
    }
    pub fn set_null(&mut self) {
        if self.typed() {
            unsafe { ffi::zend_try_assign_typed_ref_null(self.r) };
        } else {
            let mut z = undef();
            set_null(&mut z);
            self.set_zval(z);
        }
    }
    pub fn set_bytes(&mut self, b: &[u8]) {
        if self.typed() {
            unsafe { ffi::zend_try_assign_typed_ref_stringl(self.r, b.as_ptr() as *const _, b.len()) };
        } else {
            let mut z = undef();
            set_bytes(&mut z, b);
            self.set_zval(z);
        }
    }
    pub fn get(&mut self) -> &mut zval {
        &mut self.r.val
    }
}

// ---- Added for the event group ----

/// ZVAL_COPY: a new reference to the same value (UNDEF becomes NULL).
#[inline]
pub fn copy(z: &zval) -> zval {
    // SAFETY: a bitwise copy plus a refcount increment is ZVAL_COPY.
    let mut c: zval = unsafe { std::ptr::read(z) };
    unsafe {
        if c.u1.v.type_flags & 1 != 0 {
            (*c.value.counted).gc.refcount += 1;
        }
    }
    if type_of(&c) == ffi::IS_UNDEF {
        set_null(&mut c);
    }
    c
}

/// ZVAL_COPY_DEREF.
#[inline]
pub fn copy_deref(z: &mut zval) -> zval {
    copy(unsafe { deref_mut(z) })
}

/// zval_ptr_dtor with the non-refcounted case inline (no FFI call).
#[inline]
pub fn release(z: zval) {
    if unsafe { z.u1.v.type_flags } & 1 != 0 {
        drop(z);
    } else {
        std::mem::forget(z);
    }
}

/// A counted reference to a live object (released when the zval drops).
///
/// # Safety
/// `obj` must be a live object.
#[inline]
pub unsafe fn object_ref(obj: *mut ext_php_rs::ffi::zend_object) -> zval {
    (*obj).gc.refcount += 1;
    let mut z = undef();
    z.value.obj = obj;
    z.u1.type_info = ffi::IS_OBJECT_EX;
    z
}

/// The object of an IS_OBJECT zval.
#[inline]
pub fn object(z: &zval) -> Option<*mut ext_php_rs::ffi::zend_object> {
    (type_of(z) == ffi::IS_OBJECT).then(|| unsafe { z.value.obj })
}

/// The integer of an IS_LONG zval.
#[inline]
pub fn long(z: &zval) -> Option<i64> {
    (type_of(z) == ffi::IS_LONG).then(|| unsafe { z.value.lval })
}

/// The handle of a resource zval (never reused within a request).
#[inline]
pub fn resource_handle(z: &zval) -> Option<i64> {
    (type_of(z) == ffi::IS_RESOURCE).then(|| unsafe { (*z.value.res).handle })
}

/// The resource zval of a live resource handle (EG(regular_list)).
#[inline]
pub fn resource_by_handle<'a>(handle: i64) -> Option<&'a zval> {
    unsafe {
        let p = ext_php_rs::ffi::zend_hash_index_find(&raw const ext_php_rs::ffi::executor_globals.regular_list, handle as u64);
        if p.is_null() {
            None
        } else {
            Some(&*p)
        }
    }
}

/// The class name of an object.
pub fn class_name(obj: *mut ext_php_rs::ffi::zend_object) -> String {
    unsafe { String::from_utf8_lossy(str_bytes((*(*obj).ce).name)).into_owned() }
}
