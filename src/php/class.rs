//! Internal classes whose objects carry Rust state.
//!
//! The layout is php-src's: `#[repr(C)] struct Obj<T> { data: T, std: zend_object }`
//! with `handlers.offset` pointing back from `std` to the start. The engine
//! frees the memory after our `free_obj`, which drops `data` in place.

use super::ffi;
use ext_php_rs::ffi::{
    std_object_handlers, zend_class_entry, zend_function, zend_function_entry, zend_object, zend_object_handlers, zval,
    HashTable,
};
use std::cell::UnsafeCell;
use std::ffi::CStr;
use std::mem::{offset_of, MaybeUninit};
use std::ptr::null_mut;

pub const ACC_FINAL: u32 = 1 << 5;
pub const ACC_ABSTRACT: u32 = 1 << 6;
pub const ACC_NO_DYNAMIC_PROPERTIES: u32 = 1 << 13;
pub const ACC_NOT_SERIALIZABLE: u32 = 1 << 29;

#[repr(C)]
pub struct Obj<T> {
    pub data: T,
    pub std: zend_object,
}

/// A class entry valid for at least the current request: a class registered
/// at MINIT, one of the engine's built-in classes (both live until shutdown),
/// or the class of a live object (user classes live until request end).
/// Null stands for "not registered" (a deferred group); every use accepts it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ClassEntry(*mut zend_class_entry);

impl ClassEntry {
    /// # Safety
    /// `ce` must be null or a class entry that stays valid until the end of
    /// the request (see the type's invariant).
    pub const unsafe fn from_raw(ce: *mut zend_class_entry) -> Self {
        ClassEntry(ce)
    }
    pub fn as_ptr(self) -> *mut zend_class_entry {
        self.0
    }
    pub fn is_null(self) -> bool {
        self.0.is_null()
    }
    /// The class name as a C string for the engine's error helpers ("" if null).
    pub fn name_ptr(self) -> *const std::os::raw::c_char {
        if self.0.is_null() {
            return c"".as_ptr();
        }
        // SAFETY: a valid class entry always has a name.
        unsafe { (*(*self.0).name).val.as_ptr() }
    }
    /// Whether this class is `of` or extends it.
    pub fn is_a(self, of: ClassEntry) -> bool {
        instance_of(self.0, of.0)
    }
    /// The engine's `Error` class.
    pub fn error() -> Self {
        // SAFETY: an engine global set before any module starts.
        unsafe { ClassEntry(ext_php_rs::ffi::zend_ce_error) }
    }
    pub fn type_error() -> Self {
        // SAFETY: as above.
        unsafe { ClassEntry(ext_php_rs::ffi::zend_ce_type_error) }
    }
    pub fn value_error() -> Self {
        // SAFETY: as above.
        unsafe { ClassEntry(ext_php_rs::ffi::zend_ce_value_error) }
    }
    pub fn exception() -> Self {
        // SAFETY: as above.
        unsafe { ClassEntry(ext_php_rs::ffi::zend_ce_exception) }
    }
}

/// Per-class engine state, filled once at MINIT.
pub struct ClassSlot {
    ce: UnsafeCell<*mut zend_class_entry>,
    handlers: UnsafeCell<MaybeUninit<zend_object_handlers>>,
}
// SAFETY: written only during MINIT (single-threaded, NTS), read afterwards.
unsafe impl Sync for ClassSlot {}

impl Default for ClassSlot {
    fn default() -> Self {
        Self::new()
    }
}

impl ClassSlot {
    pub const fn new() -> Self {
        ClassSlot { ce: UnsafeCell::new(null_mut()), handlers: UnsafeCell::new(MaybeUninit::uninit()) }
    }
    pub fn ce(&self) -> ClassEntry {
        // SAFETY: written once by `register` with the engine's entry.
        ClassEntry(unsafe { *self.ce.get() })
    }
    pub fn registered(&self) -> bool {
        !self.ce().is_null()
    }
}

/// A class registered with `register_plain` (no Rust state), set once at MINIT.
pub struct PlainClassSlot(UnsafeCell<*mut zend_class_entry>);
// SAFETY: written only during MINIT (single-threaded, NTS), read afterwards.
unsafe impl Sync for PlainClassSlot {}

impl PlainClassSlot {
    pub const fn new() -> Self {
        PlainClassSlot(UnsafeCell::new(null_mut()))
    }
    pub fn ce(&self) -> ClassEntry {
        // SAFETY: null or the entry `set` stored at MINIT.
        ClassEntry(unsafe { *self.0.get() })
    }
    /// # Safety
    /// Call only from MINIT, with the entry `register_plain` returned.
    pub unsafe fn set(&self, ce: *mut zend_class_entry) {
        *self.0.get() = ce;
    }
}

impl Default for PlainClassSlot {
    fn default() -> Self {
        Self::new()
    }
}

/// A PHP class backed by Rust state `Self`.
pub trait NativeClass: Default + Sized + 'static {
    const NAME: &'static CStr;
    /// `new X` throws Error with this text (native's get_constructor handler).
    const NO_CONSTRUCT: Option<&'static CStr> = None;
    const CLONEABLE: bool = false;
    fn slot() -> &'static ClassSlot;
    /// Zvals the object holds, for PHP's cycle collector.
    fn gc_zvals(&mut self, _buf: &mut GcBuffer) {}
    /// Whether `released_by_destructor` runs in the object's dtor_obj handler.
    const RELEASES_AT_DESTRUCT: bool = false;
    /// Drops what the object holds when the engine destructs it (dtor_obj):
    /// at request shutdown the engine destructs every live object, so
    /// releasing there breaks reference cycles that would otherwise keep the
    /// object (and what it holds) alive until the object store is freed.
    fn released_by_destructor(&mut self) {}
}

/// Collects zvals for a `get_gc` handler.
pub struct GcBuffer {
    buf: *mut ffi::zend_get_gc_buffer,
}
impl GcBuffer {
    pub fn add(&mut self, z: &zval) {
        unsafe { ffi::gc_buffer_add_zval(self.buf, z as *const zval as *mut zval) }
    }
}

/// # Safety
/// `obj` must be an object of class `T` (or a subclass created by our create_object).
pub unsafe fn data_of<'a, T: NativeClass>(obj: *mut zend_object) -> &'a mut T {
    let base = (obj as *mut u8).sub(offset_of!(Obj<T>, std)) as *mut Obj<T>;
    &mut (*base).data
}

/// The Rust state of `obj` when it is an object of native class `T` (or a
/// subclass), None otherwise.
pub fn native_of<'a, T: NativeClass>(obj: super::zv::ObjRef<'a>) -> Option<&'a mut T> {
    // SAFETY: the class check proves the object was made by T's create_object.
    class_of(obj).is_a(T::slot().ce()).then(|| unsafe { data_of::<T>(obj.as_ptr()) })
}

/// Walks `ce`'s parents looking for `of`. Private: callers hold either
/// `ClassEntry` values or the class of a live object.
fn instance_of(ce: *const zend_class_entry, of: *const zend_class_entry) -> bool {
    let mut c = ce;
    while !c.is_null() {
        if c == of {
            return true;
        }
        // SAFETY: c is a live class entry (see callers); parents outlive children.
        c = unsafe { (*c).__bindgen_anon_1.parent };
    }
    false
}

unsafe extern "C" fn create_object<T: NativeClass>(ce: *mut zend_class_entry) -> *mut zend_object {
    let props =
        ((*ce).default_properties_count as usize).saturating_sub(if (*ce).ce_flags & (1 << 11) != 0 { 0 } else { 1 })
            * std::mem::size_of::<zval>();
    let size = std::mem::size_of::<Obj<T>>() + props;
    let p = ffi::_emalloc(size) as *mut Obj<T>;
    std::ptr::write(&mut (*p).data, T::default());
    let std = &mut (*p).std as *mut zend_object;
    ffi::zend_object_std_init(std, ce);
    ffi::object_properties_init(std, ce);
    (*std).handlers = (*T::slot().handlers.get()).as_ptr();
    std
}

unsafe extern "C" fn free_obj<T: NativeClass>(obj: *mut zend_object) {
    let base = (obj as *mut u8).sub(offset_of!(Obj<T>, std)) as *mut Obj<T>;
    let data = &mut (*base).data as *mut T;
    // A panicking Drop must not unwind into the engine.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| std::ptr::drop_in_place(data)));
    ffi::zend_object_std_dtor(obj);
}

unsafe extern "C" fn dtor_obj<T: NativeClass>(obj: *mut zend_object) {
    ffi::zend_objects_destroy_object(obj);
    let data = data_of::<T>(obj);
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| data.released_by_destructor()));
}

unsafe extern "C" fn no_constructor<T: NativeClass>(_obj: *mut zend_object) -> *mut zend_function {
    if let Some(msg) = T::NO_CONSTRUCT {
        ffi::zend_throw_error(null_mut(), c"%s".as_ptr(), msg.as_ptr());
    }
    null_mut()
}

unsafe extern "C" fn get_gc<T: NativeClass>(
    obj: *mut zend_object,
    table: *mut *mut zval,
    n: *mut i32,
) -> *mut HashTable {
    let buf = ffi::zend_get_gc_buffer_create();
    let mut gb = GcBuffer { buf };
    let data = data_of::<T>(obj);
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| data.gc_zvals(&mut gb)));
    if (*obj).properties.is_null() {
        // Like zend_std_get_gc: the declared slots themselves, without
        // building a properties table for the object.
        for i in 0..(*(*obj).ce).default_properties_count.max(0) as usize {
            gb.add(prop_slot(obj, i));
        }
        ffi::gc_buffer_use(buf, table, n);
        null_mut()
    } else {
        ffi::gc_buffer_use(buf, table, n);
        (*obj).properties
    }
}

/// Registers class `T` with the given method table, parent and ZEND_ACC flags.
/// Returns the class entry, or null if the engine is not ready (startup fails).
///
/// # Safety
/// Call only from a module's MINIT.
pub unsafe fn register<T: NativeClass>(
    methods: *const zend_function_entry,
    parent: *mut zend_class_entry,
    flags: u32,
) -> *mut zend_class_entry {
    let mut ce: zend_class_entry = std::mem::zeroed();
    let name = T::NAME.to_bytes();
    // The engine sets this hook before any MINIT runs.
    let Some(init) = ffi::zend_string_init_interned else {
        return null_mut();
    };
    ce.name = init(name.as_ptr() as *const _, name.len(), true);
    ce.info.internal.builtin_functions = methods;
    let reg = ffi::zend_register_internal_class_ex(&mut ce, parent);
    (*reg).ce_flags |= flags;
    (*reg).__bindgen_anon_2.create_object = Some(create_object::<T>);

    let slot = T::slot();
    let mut h: zend_object_handlers = std_object_handlers;
    h.offset = offset_of!(Obj<T>, std) as i32;
    h.free_obj = Some(free_obj::<T>);
    if T::RELEASES_AT_DESTRUCT {
        h.dtor_obj = Some(dtor_obj::<T>);
    }
    if !T::CLONEABLE {
        h.clone_obj = None;
    }
    if T::NO_CONSTRUCT.is_some() {
        h.get_constructor = Some(no_constructor::<T>);
    }
    h.compare = Some(ffi::zend_objects_not_comparable);
    h.get_gc = Some(get_gc::<T>);
    (*slot.handlers.get()).write(h);
    *slot.ce.get() = reg;
    reg
}

/// Instantiates `T` into `rv` (object_init_ex) and returns its state.
/// `rv` must not hold a refcounted value (it is overwritten).
pub fn instantiate<'a, T: NativeClass>(rv: &mut zval) -> &'a mut T {
    let ce = T::slot().ce().as_ptr();
    // Handlers run only in groups whose startup registered their classes.
    assert!(!ce.is_null(), "class used before registration");
    // SAFETY: ce is T's registered class entry; the object is owned by rv.
    unsafe {
        let obj = create_object::<T>(ce);
        rv.value.obj = obj;
        rv.u1.type_info = ffi::IS_OBJECT_EX;
        data_of::<T>(obj)
    }
}

/// # Safety
/// Call only from MINIT, with a class entry being registered.
pub unsafe fn declare_long_const(ce: *mut zend_class_entry, name: &str, v: i64) {
    ffi::zend_declare_class_constant_long(ce, name.as_ptr() as *const _, name.len(), v);
}
/// # Safety
/// Call only from MINIT, with a class entry being registered.
pub unsafe fn declare_string_const(ce: *mut zend_class_entry, name: &str, v: &CStr) {
    ffi::zend_declare_class_constant_string(ce, name.as_ptr() as *const _, name.len(), v.as_ptr());
}

/// Declares `impl NativeClass` plumbing (the per-class slot) for a type.
#[macro_export]
macro_rules! native_class {
    ($ty:ty, $name:expr $(, no_construct = $msg:expr)? $(, cloneable = $cl:expr)?) => {
        impl $crate::php::class::NativeClass for $ty {
            const NAME: &'static ::std::ffi::CStr = $name;
            $(const NO_CONSTRUCT: Option<&'static ::std::ffi::CStr> = Some($msg);)?
            $(const CLONEABLE: bool = $cl;)?
            fn slot() -> &'static $crate::php::class::ClassSlot {
                static SLOT: $crate::php::class::ClassSlot = $crate::php::class::ClassSlot::new();
                &SLOT
            }
        }
    };
}

/// The object handlers of registered class `T`, for classes that override
/// property handlers (read_property, get_properties...) after `register`.
///
/// # Safety
/// Call only from MINIT, after `register::<T>`.
pub unsafe fn handlers_mut<T: NativeClass>() -> *mut zend_object_handlers {
    (*T::slot().handlers.get()).as_mut_ptr()
}

/// Slot `i` of an object's declared-property table (OBJ_PROP_NUM).
///
/// # Safety
/// `obj` must be live and its class must declare more than `i` properties.
pub unsafe fn prop_slot<'a>(obj: *mut zend_object, i: usize) -> &'a mut zval {
    &mut *(*obj).properties_table.as_mut_ptr().add(i)
}

/// Registers a plain internal class (standard objects) extending `parent`,
/// e.g. an exception class.
///
/// # Safety
/// Call only from a module's MINIT.
pub unsafe fn register_plain(name: &CStr, parent: *mut zend_class_entry, flags: u32) -> *mut zend_class_entry {
    let mut ce: zend_class_entry = std::mem::zeroed();
    let n = name.to_bytes();
    let Some(init) = ffi::zend_string_init_interned else {
        return null_mut();
    };
    ce.name = init(n.as_ptr() as *const _, n.len(), true);
    let reg = ffi::zend_register_internal_class_ex(&mut ce, parent);
    (*reg).ce_flags |= flags;
    reg
}

/// `public $name = null;` on a class being registered.
///
/// # Safety
/// Call only from MINIT, before objects of the class exist.
pub unsafe fn declare_property_null(ce: *mut zend_class_entry, name: &CStr) {
    ffi::zend_declare_property_null(ce, name.as_ptr(), name.to_bytes().len(), super::func::ACC_PUBLIC as i32);
}

/// An object zval of class `ce` (object_init_ex) written to `rv`.
pub fn instantiate_ce(rv: &mut zval, ce: ClassEntry) -> Option<*mut zend_object> {
    if ce.is_null() {
        return None;
    }
    // SAFETY: ce is a live class entry (ClassEntry's invariant).
    unsafe {
        if ffi::object_init_ex(rv, ce.as_ptr()) != 0 {
            return None;
        }
        Some(rv.value.obj)
    }
}

/// The class of a live object.
pub fn class_of(obj: super::zv::ObjRef) -> ClassEntry {
    // SAFETY: an ObjRef is a live object; its class outlives it.
    ClassEntry(unsafe { (*obj.as_ptr()).ce })
}

/// The empty property table of an object whose class shows no properties,
/// dynamic ones included (PECL's get_properties handlers return such a
/// table): made at the first request, one per object because foreach
/// registers iterators in it, released with the object.
#[derive(Default)]
pub struct EmptyProps(Option<std::ptr::NonNull<HashTable>>);

impl EmptyProps {
    fn table(&mut self) -> *mut HashTable {
        match self.0 {
            Some(p) => p.as_ptr(),
            None => {
                // SAFETY: a fresh array owned by this value.
                let ht = unsafe { ffi::_zend_new_array(0) };
                self.0 = std::ptr::NonNull::new(ht);
                ht
            }
        }
    }
}

impl Drop for EmptyProps {
    fn drop(&mut self) {
        if let Some(ht) = self.0.take() {
            // SAFETY: the table was made by `table()`; the engine may hold
            // more references (zend_array_release).
            unsafe {
                let ht = ht.as_ptr();
                (*ht).gc.refcount -= 1;
                if (*ht).gc.refcount == 0 {
                    ext_php_rs::ffi::zend_array_destroy(ht);
                }
            }
        }
    }
}

/// A class whose objects show no properties (see [`EmptyProps`]).
pub trait ShowsNoProperties: NativeClass {
    fn empty_props(&mut self) -> &mut EmptyProps;
}

/// get_properties handler of a [`ShowsNoProperties`] class. Dynamic
/// properties still live in the object's own table (read, isset and unset
/// work); var_dump, foreach, casts and get_object_vars see none.
///
/// # Safety
/// Installed only on class `T`'s handlers (the engine passes its objects).
pub unsafe extern "C" fn no_properties<T: ShowsNoProperties>(obj: *mut zend_object) -> *mut HashTable {
    data_of::<T>(obj).empty_props().table()
}

/// `==` and `<` compare as standard objects (PECL's classes that keep the
/// engine's compare handler).
///
/// # Safety
/// Call only from MINIT, after `register::<T>`.
pub unsafe fn compare_as_standard_objects<T: NativeClass>() {
    (*handlers_mut::<T>()).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}
