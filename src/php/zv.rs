//! Small, explicit zval operations (the engine's inline macros, in Rust).
//!
//! Ownership: ext-php-rs gives `zval` a `Drop` that releases the value, so a
//! `zval` held by value in Rust is an owned reference. Handing one to the
//! engine (hash insert, typed-ref assign) must `forget` it. The `set_*`
//! functions overwrite without releasing: use them on fresh or scalar zvals.

use super::{ffi, version};
use ext_php_rs::ffi::{zend_reference, zend_string, zval, HashTable};

pub fn type_of(z: &zval) -> u8 {
    unsafe { z.u1.v.type_ }
}

/// A live object borrowed from a zval (or from the engine) for `'a`.
#[derive(Clone, Copy)]
pub struct ObjRef<'a>(std::ptr::NonNull<ext_php_rs::ffi::zend_object>, std::marker::PhantomData<&'a zval>);

impl<'a> ObjRef<'a> {
    /// # Safety
    /// `obj` must be a live object that stays alive for `'a`.
    pub unsafe fn from_raw(obj: *mut ext_php_rs::ffi::zend_object) -> Option<Self> {
        std::ptr::NonNull::new(obj).map(|p| ObjRef(p, std::marker::PhantomData))
    }
    pub fn as_ptr(self) -> *mut ext_php_rs::ffi::zend_object {
        self.0.as_ptr()
    }
}

/// Follows an IS_REFERENCE to the referenced value.
pub fn deref(z: &zval) -> &zval {
    if type_of(z) == ffi::IS_REFERENCE {
        // SAFETY: an IS_REFERENCE zval holds a live zend_reference.
        unsafe { &(*z.value.ref_).val }
    } else {
        z
    }
}

/// Follows an IS_REFERENCE to the referenced value.
pub fn deref_mut(z: &mut zval) -> &mut zval {
    if type_of(z) == ffi::IS_REFERENCE {
        // SAFETY: an IS_REFERENCE zval holds a live zend_reference.
        unsafe { &mut (*z.value.ref_).val }
    } else {
        z
    }
}

/// # Safety
/// `s` must be a live zend_string.
pub unsafe fn str_bytes<'a>(s: *const zend_string) -> &'a [u8] {
    std::slice::from_raw_parts((*s).val.as_ptr() as *const u8, (*s).len)
}

/// A non-persistent zend_string holding `b`, as zend_string_init_fast makes
/// it (what PHP's unserializer and ZVAL_STRINGL_FAST use): the engine's
/// interned strings for "" and one byte, else one allocation and one copy.
pub fn new_str(b: &[u8]) -> *mut zend_string {
    // SAFETY: both tables are filled at engine startup and never freed.
    unsafe {
        match b.len() {
            0 if !ffi::zend_empty_string.is_null() => return ffi::zend_empty_string,
            1 if !ffi::zend_one_char_string[b[0] as usize].is_null() => {
                return ffi::zend_one_char_string[b[0] as usize]
            }
            _ => {}
        }
    }
    new_str_alloc(b)
}

/// A freshly allocated zend_string holding `b`, even for "" and one byte
/// (zend_string_init, as ZVAL_STRINGL and ZEND_TRY_ASSIGN_REF_STRINGL make it).
pub fn new_str_alloc(b: &[u8]) -> *mut zend_string {
    let s = str_alloc(b.len());
    // SAFETY: str_alloc returned room for b.len() bytes (plus the NUL it wrote).
    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), (*s).val.as_mut_ptr() as *mut u8, b.len()) };
    s
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
///
/// # Safety
/// `s` must be a live zend_string whose reference the caller owns.
pub unsafe fn set_zstr(z: &mut zval, s: *mut zend_string) {
    z.value.str_ = s;
    // Interned strings are not refcounted.
    let interned = (*s).gc.u.type_info & (1 << 6) != 0;
    z.u1.type_info = if interned { ffi::IS_STRING as u32 } else { ffi::IS_STRING_EX };
}
/// ZVAL_STRINGL_FAST: `b` as new_str makes it (interned for "" and one byte).
pub fn set_bytes_fast(z: &mut zval, b: &[u8]) {
    // SAFETY: a fresh (or interned) string we own.
    unsafe { set_zstr(z, new_str(b)) }
}
/// ZVAL_STRINGL: a freshly allocated string, as native code returns them.
pub fn set_bytes(z: &mut zval, b: &[u8]) {
    // SAFETY: a fresh string we own.
    unsafe { set_zstr(z, new_str_alloc(b)) }
}
/// Takes ownership of `ht`.
///
/// # Safety
/// `ht` must be a live, non-persistent array whose reference the caller owns.
pub unsafe fn set_arr(z: &mut zval, ht: *mut HashTable) {
    z.value.arr = ht;
    z.u1.type_info = ffi::IS_ARRAY_EX;
}

/// A new PHP array (refcount 1), filled through [`Array`].
pub struct Array(*mut HashTable);

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
    /// add_assoc_*: sets `key` (any bytes; a canonical decimal integer
    /// string becomes an integer key, as zend_symtable_str_update does).
    pub fn symtable_set(&mut self, key: &[u8], v: zval) {
        match numeric_key(key) {
            Some(i) => self.index_set(i as u64, v),
            None => {
                let mut v = std::mem::ManuallyDrop::new(v);
                unsafe { ffi::zend_hash_str_update(self.0, key.as_ptr() as *const _, key.len(), &mut *v) };
            }
        }
    }
    pub fn into_zval(self) -> zval {
        let mut z = undef();
        // SAFETY: an Array owns its live HashTable; z takes it over.
        unsafe { set_arr(&mut z, self.0) };
        z
    }
}

/// ZEND_HANDLE_NUMERIC_STR: the integer a key string stands for ("0",
/// "-5", "42"; not "05", "-0", "+1" or one out of range).
fn numeric_key(key: &[u8]) -> Option<i64> {
    let digits = key.strip_prefix(b"-").unwrap_or(key);
    if digits.is_empty() || digits.len() > 20 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if (digits[0] == b'0' && digits.len() > 1) || key == b"-0" {
        return None;
    }
    std::str::from_utf8(key).ok()?.parse::<i64>().ok()
}

/// Looks up a string key in an array.
pub fn hash_find<'a>(ht: &'a HashTable, key: &str) -> Option<&'a zval> {
    unsafe {
        let p = ext_php_rs::ffi::zend_hash_str_find(ht, key.as_ptr() as *const _, key.len());
        if p.is_null() {
            None
        } else {
            // INDIRECT slots (object property tables) are not expected here.
            Some(&*p)
        }
    }
}

/// `zval_get_long()`: PHP's (int) conversion, never throwing.
pub fn get_long(z: &zval) -> i64 {
    unsafe {
        match z.u1.v.type_ {
            ffi::IS_LONG => z.value.lval,
            ffi::IS_REFERENCE => get_long(&(*z.value.ref_).val),
            // zval_get_long_func only reads its argument (const zval * in C).
            _ => ffi::zval_get_long_func(z as *const zval as *mut zval, false),
        }
    }
}

/// `IS_OBJ_DESTRUCTOR_CALLED` in an object's GC flags.
const IS_OBJ_DESTRUCTOR_CALLED: u32 = 1 << 8;

/// ZEND_TRY_ASSIGN_REF_* release the old value before writing the new one:
/// the destructor of an object freed by the assignment sees the variable
/// still holding that object. Done here for an object only the variable
/// holds: its destructor runs (as zend_objects_store_del runs it: with fiber
/// switches blocked where that version blocks them) while the variable
/// still holds it, with one more reference of ours, so that a destructor
/// assigning to the variable cannot free the object under the engine
/// (native then reads freed memory). The caller then replaces the value,
/// which frees the object without a second destructor call.
fn release_dying_object(slot: &mut zval) {
    unsafe {
        if slot.u1.v.type_ != ffi::IS_OBJECT {
            return;
        }
        let obj = slot.value.obj;
        if (*obj).gc.refcount != 1 || (*obj).gc.u.type_info & IS_OBJ_DESTRUCTOR_CALLED != 0 {
            return;
        }
        extern "C" {
            fn zend_fiber_switch_block();
            fn zend_fiber_switch_unblock();
        }
        (*obj).gc.u.type_info |= IS_OBJ_DESTRUCTOR_CALLED;
        (*obj).gc.refcount += 1;
        if let Some(dtor) = (*(*obj).handlers).dtor_obj {
            // As zend_objects_store_del: before PHP 8.4, no fiber switch
            // inside a destructor.
            let block = version::DESTRUCTOR_BLOCKS_FIBER_SWITCH;
            if block {
                zend_fiber_switch_block();
            }
            dtor(obj);
            if block {
                zend_fiber_switch_unblock();
            }
        }
        (*obj).gc.refcount -= 1;
        if (*obj).gc.refcount == 0 {
            ext_php_rs::ffi::zend_objects_store_del(obj);
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
            release_dying_object(&mut self.r.val);
            let old = std::mem::replace(&mut self.r.val, v);
            drop(old);
        }
    }
    /// Replaces the referenced value with the array `v` (ownership moves),
    /// as zend_try_array_init() does for array out parameters: from PHP 8.4
    /// the variable is null while its old value is released (version.rs).
    pub fn set_array(&mut self, v: zval) {
        if self.typed() || !version::ARRAY_OUT_NULLED_BEFORE_RELEASE {
            self.set_zval(v);
            return;
        }
        let mut null = undef();
        set_null(&mut null);
        drop(std::mem::replace(&mut self.r.val, null));
        // A destructor run just now may have stored a value in the variable
        // (native overwrites it without releasing it: a leak); it is
        // released here.
        drop(std::mem::replace(&mut self.r.val, v));
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
    /// ZEND_TRY_ASSIGN_REF_STRINGL: always a new string (never interned).
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

// ---- Added by the sockets group ----

/// The key of a hash bucket: an integer or a (borrowed) zend_string.
#[derive(Clone, Copy)]
pub enum Key {
    Index(u64),
    Str(*mut zend_string),
}

/// Visits every element of `ht` in order (ZEND_HASH_FOREACH_KEY_VAL, with
/// INDIRECT slots followed). `f` returns false to stop early.
pub fn hash_each(ht: &HashTable, mut f: impl FnMut(Key, &mut zval) -> bool) {
    unsafe {
        let n = ht.nNumUsed as usize;
        if ht.u.flags & ffi::HASH_FLAG_PACKED != 0 {
            let base = ht.__bindgen_anon_1.arPacked;
            for i in 0..n {
                let z = &mut *base.add(i);
                if z.u1.v.type_ == ffi::IS_UNDEF {
                    continue;
                }
                if !f(Key::Index(i as u64), z) {
                    return;
                }
            }
        } else {
            let base = ht.__bindgen_anon_1.arData;
            for i in 0..n {
                let b = &mut *base.add(i);
                let mut z = &mut b.val;
                if z.u1.v.type_ == ffi::IS_INDIRECT {
                    z = &mut *z.value.zv;
                }
                if z.u1.v.type_ == ffi::IS_UNDEF {
                    continue;
                }
                let k = if b.key.is_null() { Key::Index(b.h) } else { Key::Str(b.key) };
                if !f(k, z) {
                    return;
                }
            }
        }
    }
}

impl Array {
    /// Inserts under `key` like zend_hash_add / zend_hash_index_update.
    pub fn insert(&mut self, key: Key, v: zval) {
        let mut v = std::mem::ManuallyDrop::new(v);
        unsafe {
            let r = match key {
                Key::Index(h) => ffi::zend_hash_index_update(self.0, h, &mut *v),
                Key::Str(s) => ffi::zend_hash_add(self.0, s, &mut *v),
            };
            if r.is_null() {
                std::mem::ManuallyDrop::drop(&mut v);
            }
        }
    }
    pub fn len(&self) -> u32 {
        // SAFETY: Array owns a live HashTable (it is only made by `new`).
        unsafe { (*self.0).nNumOfElements }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A handle on an existing table (an object's property table, say), to
    /// write into it. Array has no destructor: nothing is released.
    ///
    /// # Safety
    /// `ht` must be a live array that may be written to (not shared, not immutable).
    pub unsafe fn from_raw(ht: *mut HashTable) -> Array {
        Array(ht)
    }
    /// Hands the table over to the caller (e.g. a get_debug_info handler's return value).
    pub fn into_raw(self) -> *mut HashTable {
        self.0
    }
}

/// zend_string_alloc(len, 0): an uninitialised engine string of `len` bytes
/// (the engine's allocator, so memory_limit applies as in native code).
pub fn str_alloc(len: usize) -> *mut zend_string {
    let header = std::mem::offset_of!(zend_string, val);
    unsafe {
        let p = match header.checked_add(len).and_then(|s| s.checked_add(1 + 7)) {
            Some(size) => ffi::_emalloc(size & !7),
            None => ffi::_safe_emalloc(1, len, header + 1),
        } as *mut zend_string;
        (*p).gc.refcount = 1;
        (*p).gc.u.type_info = 6 | (1 << 4); // GC_STRING
        (*p).h = 0;
        (*p).len = len;
        *((*p).val.as_mut_ptr().add(len)) = 0;
        p
    }
}

/// zend_string_truncate(s, len, 0) + NUL terminator.
///
/// # Safety
/// `s` must come from [`str_alloc`] and `len <= (*s).len`.
unsafe fn str_truncate(s: *mut zend_string, len: usize) -> *mut zend_string {
    let header = std::mem::offset_of!(zend_string, val);
    let p = ffi::_erealloc(s as *mut _, (header + len + 1 + 7) & !7) as *mut zend_string;
    (*p).len = len;
    *((*p).val.as_mut_ptr().add(len)) = 0;
    p
}

/// An engine string being filled by a read (zend_string_alloc, then
/// truncate to what was read): the bytes the kernel or a copy wrote are the
/// only ones ever seen as initialised. Freed on drop unless handed out.
pub struct StrBuf {
    s: std::ptr::NonNull<zend_string>,
    cap: usize,
    init: usize,
}

impl StrBuf {
    /// An uninitialised string of up to `cap` bytes (memory_limit applies).
    pub fn new(cap: usize) -> StrBuf {
        let p = str_alloc(cap);
        StrBuf { s: std::ptr::NonNull::new(p).expect("emalloc returns or bails out"), cap, init: 0 }
    }

    fn spare(&mut self) -> &mut [std::mem::MaybeUninit<u8>] {
        // SAFETY: the string owns `cap` bytes after its header; MaybeUninit
        // makes no claim about their contents.
        unsafe { std::slice::from_raw_parts_mut((*self.s.as_ptr()).val.as_mut_ptr().cast(), self.cap) }
    }

    /// Lets `f` fill the buffer; `f` returns the initialised part it wrote,
    /// which must start at the buffer's start (a reader such as
    /// `sys::recv_uninit`), and a value of its own.
    pub fn fill<T, E>(
        &mut self,
        f: impl for<'a> FnOnce(&'a mut [std::mem::MaybeUninit<u8>]) -> Result<(&'a mut [u8], T), E>,
    ) -> Result<(usize, T), E> {
        let cap = self.cap;
        let start = self.spare().as_ptr() as usize;
        let (got, extra) = f(self.spare())?;
        assert!(got.as_ptr() as usize == start && got.len() <= cap, "StrBuf::fill: foreign slice");
        let n = got.len();
        self.init = n;
        Ok((n, extra))
    }

    /// The whole buffer, zeroed (for readers that look at bytes ahead).
    pub fn zeroed(&mut self) -> &mut [u8] {
        let cap = self.cap;
        self.init = cap;
        let b = self.spare();
        b.fill(std::mem::MaybeUninit::new(0));
        // SAFETY: every byte was just written.
        unsafe { std::slice::from_raw_parts_mut(b.as_mut_ptr().cast(), cap) }
    }

    /// Keeps the first `n` initialised bytes (n <= what was filled).
    pub fn truncate(&mut self, n: usize) {
        self.init = self.init.min(n);
    }

    /// Stores the string (its initialised part) in `z`, which takes it over.
    pub fn set(self, z: &mut zval) {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: the string came from str_alloc and `init <= cap` bytes of
        // it are initialised; ownership passes to `z` (this is not dropped).
        unsafe { set_zstr(z, str_truncate(me.s.as_ptr(), me.init)) };
    }

    /// The string as a new zval.
    pub fn into_zval(self) -> zval {
        let mut z = undef();
        self.set(&mut z);
        z
    }
}

impl Drop for StrBuf {
    fn drop(&mut self) {
        // SAFETY: the string came from str_alloc and was never handed out.
        unsafe { str_free(self.s.as_ptr()) };
    }
}

/// Frees a string from [`str_alloc`] that was never handed out.
///
/// # Safety
/// `s` must come from [`str_alloc`].
unsafe fn str_free(s: *mut zend_string) {
    ffi::_efree(s as *mut _);
}

/// The elements of `ht` as new references (ZVAL_COPY), with string keys
/// copied: safe to use while user code (a __toString, an error handler)
/// changes or frees the array.
pub fn snapshot(ht: &HashTable) -> Vec<(Option<Vec<u8>>, zval)> {
    let mut v = Vec::with_capacity(ht.nNumOfElements as usize);
    hash_each(ht, |k, z| {
        let key = match k {
            Key::Str(s) => Some(unsafe { str_bytes(s) }.to_vec()),
            Key::Index(_) => None,
        };
        v.push((key, copy(deref_mut(z))));
        true
    });
    v
}

/// The array behind an IS_ARRAY zval.
pub fn as_array(z: &zval) -> Option<&HashTable> {
    if type_of(z) == ffi::IS_ARRAY {
        Some(unsafe { &*z.value.arr })
    } else {
        None
    }
}

/// Whether an array is packed (a list without string keys).
pub fn is_packed(ht: &HashTable) -> bool {
    let flags = unsafe { ht.u.flags };
    flags & ffi::HASH_FLAG_PACKED != 0
}

/// The class of an object zval.
pub fn object_ce(z: &zval) -> Option<super::class::ClassEntry> {
    object(z).map(super::class::class_of)
}

/// The integer of an IS_LONG zval.
pub fn long_of(z: &zval) -> Option<i64> {
    (type_of(z) == ffi::IS_LONG).then_some(unsafe { z.value.lval })
}

/// The float of an IS_DOUBLE zval.
pub fn double_of(z: &zval) -> Option<f64> {
    (type_of(z) == ffi::IS_DOUBLE).then_some(unsafe { z.value.dval })
}

/// The bytes of an IS_STRING zval.
pub fn string_of(z: &zval) -> Option<&[u8]> {
    (type_of(z) == ffi::IS_STRING).then(|| unsafe { str_bytes(z.value.str_) })
}

/// convert_to_long on a copy: the engine's (int) conversion and warnings,
/// the original value untouched.
pub fn converted_long(z: &zval) -> i64 {
    let mut c = copy(z);
    unsafe { ffi::convert_to_long(&mut c) };
    unsafe { c.value.lval }
}

/// convert_to_array on a copy.
pub fn converted_array(z: &zval) -> zval {
    let mut c = copy(z);
    unsafe { ffi::convert_to_array(&mut c) };
    c
}

/// zend_is_true.
pub fn is_true(z: &zval) -> bool {
    unsafe { ffi::zend_is_true(z as *const zval as *mut zval) != 0 }
}

/// zend_zval_type_name ("int", "string", "stdClass" is "object"...).
pub fn type_name(z: &zval) -> String {
    unsafe { std::ffi::CStr::from_ptr(ffi::zend_zval_type_name(z)) }.to_string_lossy().into_owned()
}

/// (string) with the engine's conversions and warnings; None if it threw.
pub fn try_string(z: &zval) -> Option<Vec<u8>> {
    extern "C" {
        fn zval_try_get_string_func(op: *mut zval) -> *mut zend_string;
    }
    if let Some(b) = string_of(z) {
        return Some(b.to_vec());
    }
    let s = unsafe { zval_try_get_string_func(z as *const zval as *mut zval) };
    if s.is_null() {
        return None;
    }
    let v = unsafe { str_bytes(s) }.to_vec();
    let mut tmp = undef();
    // SAFETY: s is the live string the conversion returned; tmp releases it.
    unsafe { set_zstr(&mut tmp, s) };
    drop(tmp);
    Some(v)
}

/// is_numeric_string(): IS_LONG / IS_DOUBLE / 0, without errors.
pub fn numeric_string(s: &[u8]) -> (u8, i64, f64) {
    extern "C" {
        fn _is_numeric_string_ex(
            s: *const std::os::raw::c_char,
            len: usize,
            lval: *mut i64,
            dval: *mut f64,
            allow_errors: bool,
            oflow: *mut std::os::raw::c_int,
            trailing: *mut bool,
        ) -> u8;
    }
    let (mut l, mut d) = (0i64, 0f64);
    if s.first().is_some_and(|&c| c > b'9') {
        return (0, 0, 0.0);
    }
    let t = unsafe {
        _is_numeric_string_ex(
            s.as_ptr() as *const _,
            s.len(),
            &mut l,
            &mut d,
            false,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    (t, l, d)
}

/// The object of an IS_OBJECT zval.
pub fn object_of(z: &zval) -> Option<ObjRef<'_>> {
    object(z)
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
    copy(deref_mut(z))
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

/// zval_ptr_dtor with its commonest counted case inline too: a value that
/// keeps other references and that gc_check_possible_root would leave alone
/// (not collectable, such as resources and strings, or already in the GC
/// buffer) only loses one reference. Everything else (the last reference,
/// references, possible cycle roots) goes through zval_ptr_dtor.
#[inline]
pub fn release_fast(z: zval) {
    // GC_INFO_MASK | (GC_NOT_COLLECTABLE << GC_FLAGS_SHIFT), zend_types.h.
    const NOT_A_NEW_ROOT: u32 = 0xffff_fc00 | (1 << 4);
    // SAFETY: a counted zval points to a live zend_refcounted header.
    unsafe {
        if z.u1.v.type_flags & 1 == 0 {
            std::mem::forget(z);
            return;
        }
        let c = z.value.counted;
        let ti = (*c).gc.u.type_info;
        if (*c).gc.refcount > 1 && ti & 0xf != ffi::IS_REFERENCE as u32 && ti & NOT_A_NEW_ROOT != 0 {
            (*c).gc.refcount -= 1;
            std::mem::forget(z);
            return;
        }
    }
    drop(z);
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
pub fn object(z: &zval) -> Option<ObjRef<'_>> {
    if type_of(z) != ffi::IS_OBJECT {
        return None;
    }
    // SAFETY: an IS_OBJECT zval holds a live object for as long as it is borrowed.
    unsafe { ObjRef::from_raw(z.value.obj) }
}

/// The integer of an IS_LONG zval.
#[inline]
pub fn long(z: &zval) -> Option<i64> {
    (type_of(z) == ffi::IS_LONG).then_some(unsafe { z.value.lval })
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
        let p = ext_php_rs::ffi::zend_hash_index_find(
            &raw const ext_php_rs::ffi::executor_globals.regular_list,
            handle as u64,
        );
        if p.is_null() {
            None
        } else {
            Some(&*p)
        }
    }
}

/// The class name of an object.
pub fn class_name(obj: ObjRef) -> String {
    // SAFETY: a live object's class entry and name outlive the borrow.
    unsafe { String::from_utf8_lossy(str_bytes((*(*obj.as_ptr()).ce).name)).into_owned() }
}
