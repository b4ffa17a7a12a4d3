//! The `fd` property: PECL's generic property-handler table with one
//! entry, read-only (a write is its fatal "Cannot write property").

use super::*;
use ext_php_rs::ffi::zend_object_handlers;

/// # Safety
/// MINIT only, with EventListener's handlers.
pub(super) unsafe fn install(h: *mut zend_object_handlers) {
    (*h).read_property = Some(read_property);
    (*h).write_property = Some(write_property);
    (*h).has_property = Some(has_property);
    (*h).get_properties = Some(get_properties);
    (*h).get_debug_info = Some(get_debug_info);
    // PECL's objects compare as standard objects.
    (*h).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}

unsafe fn is_fd(member: *mut zend_string) -> bool {
    zv::str_bytes(member) == b"fd"
}

/// evconnlistener_get_fd, NULL once freed.
unsafe fn fd_value(obj: *mut zend_object, z: &mut zval) {
    match class::data_of::<EventListener>(obj).lis.as_ref().map(|l| l.st.borrow()) {
        Some(st) if !st.freed => zv::set_long(z, st.fd as i64),
        _ => zv::set_null(z),
    }
}

// The std handlers get no runtime cache slot, so the engine never reads the
// declared slot directly instead of asking these handlers.

unsafe extern "C" fn read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if is_fd(member) {
        fd_value(obj, &mut *rv);
        return rv;
    }
    ext_php_rs::ffi::zend_std_read_property(obj, member, ty, std::ptr::null_mut(), rv)
}

unsafe extern "C" fn write_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    value: *mut zval,
    _cache: *mut *mut c_void,
) -> *mut zval {
    if is_fd(member) {
        error::fatal("Cannot write property");
        return value;
    }
    ext_php_rs::ffi::zend_std_write_property(obj, member, value, std::ptr::null_mut())
}

unsafe extern "C" fn has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    _cache: *mut *mut c_void,
) -> c_int {
    if is_fd(member) {
        let mut v = zv::undef();
        fd_value(obj, &mut v);
        return match has_set_exists {
            // property_exists()
            2 => 1,
            // empty()
            1 => zv::is_true(&v) as c_int,
            // isset()
            _ => (zv::type_of(&v) != ffi::IS_NULL) as c_int,
        };
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, std::ptr::null_mut())
}

/// get_object_vars(), foreach, (array), json_encode...: as PECL, the
/// current `fd` is written into the object's own property table.
unsafe extern "C" fn get_properties(obj: *mut zend_object) -> *mut HashTable {
    let ht = ext_php_rs::ffi::zend_std_get_properties(obj);
    let mut v = zv::undef();
    fd_value(obj, &mut v);
    let mut table = zv::Array::from_raw(ht);
    table.set("fd", v);
    ht
}

/// var_dump()/print_r(): `fd` alone, as PECL.
unsafe extern "C" fn get_debug_info(obj: *mut zend_object, is_temp: *mut c_int) -> *mut HashTable {
    *is_temp = 1;
    let mut v = zv::undef();
    fd_value(obj, &mut v);
    let mut arr = zv::Array::new(1);
    arr.set("fd", v);
    arr.into_raw()
}
