//! EventBufferEvent's properties, computed as PECL computes them: `fd`
//! (NULL without a descriptor), `input`/`output` (a new EventBuffer object
//! over the bufferevent's buffer at each read), `priority` (always NULL)
//! and `allow_ssl_dirty_shutdown` (true while the bufferevent lives).
//! `fd`, `input` and `output` cannot be written; writes to the other two
//! are ignored.

use super::EventBufferEvent;
use crate::event::buffer;
use crate::php::class;
use crate::php::error;
use crate::php::zv;
use ext_php_rs::ffi::{zend_object, zend_string, zval, HashTable};
use std::os::raw::{c_int, c_void};

const NAMES: [&[u8]; 5] = [b"priority", b"fd", b"input", b"output", b"allow_ssl_dirty_shutdown"];

/// # Safety
/// Call only from MINIT, after the class is registered.
pub(super) unsafe fn install() {
    let h = class::handlers_mut::<EventBufferEvent>();
    (*h).read_property = Some(read_property);
    (*h).write_property = Some(write_property);
    (*h).has_property = Some(has_property);
    (*h).unset_property = Some(unset_property);
    (*h).get_properties = Some(get_properties);
    (*h).get_debug_info = Some(get_debug_info);
    (*h).get_property_ptr_ptr = Some(get_property_ptr_ptr);
    (*h).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}

fn which(member: *mut zend_string) -> Option<usize> {
    // SAFETY: the engine passes a live property name.
    let name = unsafe { zv::str_bytes(member) };
    NAMES.iter().position(|n| *n == name)
}

/// The value of property `i`; None when PECL's reader fails (a freed
/// bufferevent's fd, input and output).
fn value(obj: *mut zend_object, i: usize) -> Option<zval> {
    // SAFETY: the handlers are installed on EventBufferEvent only.
    let b = unsafe { class::data_of::<EventBufferEvent>(obj) };
    let mut z = zv::undef();
    match i {
        0 => zv::set_null(&mut z),
        // bufferevent_openssl_get_allow_dirty_shutdown: -1 (true) on a
        // bufferevent without TLS.
        4 => zv::set_bool(
            &mut z,
            b.bev.as_ref().is_some_and(|bev| bev.st.borrow().tls.as_ref().is_none_or(|t| t.allow_dirty_shutdown)),
        ),
        _ => {
            let bev = b.bev.as_ref()?;
            let st = bev.st.borrow();
            match i {
                1 if st.fd >= 0 => zv::set_long(&mut z, st.fd as i64),
                1 => zv::set_null(&mut z),
                _ => {
                    let k = i - 2;
                    let cell = if k == 0 { st.input.clone() } else { st.output.clone() };
                    drop(st);
                    let cached = b.prop_bufs.get_or_insert_with(Default::default)[k].get_or_insert_with(|| {
                        let mut o = zv::undef();
                        buffer::new_object(&mut o, cell);
                        o
                    });
                    z = zv::copy(cached);
                }
            }
        }
    }
    Some(z)
}

fn value_or_null(obj: *mut zend_object, i: usize) -> zval {
    value(obj, i).unwrap_or_else(|| {
        let mut z = zv::undef();
        zv::set_null(&mut z);
        z
    })
}

unsafe extern "C" fn read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if let Some(i) = which(member) {
        // rv is uninitialised memory: written, not assigned.
        std::ptr::write(rv, value_or_null(obj, i));
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
    match which(member) {
        Some(1..=3) => {
            error::fatal("Cannot write property");
            value
        }
        Some(4) => {
            // bufferevent_openssl_set_allow_dirty_shutdown.
            let b = class::data_of::<EventBufferEvent>(obj);
            let on = zv::is_true(&*value);
            if let Some(bev) = &b.bev {
                if let Some(t) = bev.st.borrow_mut().tls.as_deref_mut() {
                    t.allow_dirty_shutdown = on;
                }
            }
            value
        }
        Some(_) => value,
        None => ext_php_rs::ffi::zend_std_write_property(obj, member, value, std::ptr::null_mut()),
    }
}

unsafe extern "C" fn has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    _cache: *mut *mut c_void,
) -> c_int {
    if let Some(i) = which(member) {
        let v = value_or_null(obj, i);
        let r = match has_set_exists {
            // ZEND_PROPERTY_EXISTS
            2 => 1,
            // ZEND_PROPERTY_NOT_EMPTY
            1 => zv::is_true(&v) as c_int,
            // ZEND_PROPERTY_ISSET
            _ => (zv::type_of(&v) != crate::php::ffi::IS_NULL) as c_int,
        };
        zv::release(v);
        return r;
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, std::ptr::null_mut())
}

unsafe extern "C" fn unset_property(obj: *mut zend_object, member: *mut zend_string, _cache: *mut *mut c_void) {
    if which(member).is_some() {
        return;
    }
    ext_php_rs::ffi::zend_std_unset_property(obj, member, std::ptr::null_mut())
}

unsafe extern "C" fn get_property_ptr_ptr(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
) -> *mut zval {
    ext_php_rs::ffi::zend_std_get_property_ptr_ptr(obj, member, ty, std::ptr::null_mut())
}

/// get_object_vars(), (array), serialize, ==: the current values written
/// into the property table. What a freed bufferevent cannot read keeps the
/// value an earlier call wrote there (NULL if none did), as in PECL.
unsafe extern "C" fn get_properties(obj: *mut zend_object) -> *mut HashTable {
    let ht = ext_php_rs::ffi::zend_std_get_properties(obj);
    let mut table = zv::Array::from_raw(ht);
    for (i, n) in NAMES.iter().enumerate() {
        if let Some(v) = value(obj, i) {
            table.set(std::str::from_utf8_unchecked(n), v);
        }
    }
    ht
}

/// var_dump()/print_r(): the five properties, without those a freed
/// bufferevent cannot read.
unsafe extern "C" fn get_debug_info(obj: *mut zend_object, is_temp: *mut c_int) -> *mut HashTable {
    *is_temp = 1;
    let mut arr = zv::Array::new(5);
    for (i, n) in NAMES.iter().enumerate() {
        if let Some(v) = value(obj, i) {
            arr.set(std::str::from_utf8_unchecked(n), v);
        }
    }
    arr.into_raw()
}
