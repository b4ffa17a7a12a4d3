//! Engine symbols that ext-php-rs does not bind. The php binary exports them
//! (they are `ZEND_API`/`PHPAPI`), so plain declarations link at load time.
//! Everything here is raw; the safe wrappers live in the sibling modules.
#![allow(non_camel_case_types, dead_code)]

use ext_php_rs::ffi::{zend_class_entry, zend_module_entry, zend_object, zend_reference, zend_string, zval, HashTable};
use std::os::raw::{c_char, c_int, c_void};

/// `smart_str` from zend_smart_str_public.h.
#[repr(C)]
pub struct smart_str {
    pub s: *mut zend_string,
    pub a: usize,
}

pub type php_serialize_data_t = *mut c_void;
pub type php_unserialize_data_t = *mut c_void;

extern "C" {
    pub static zend_empty_string: *mut zend_string;
    pub static zend_one_char_string: [*mut zend_string; 256];
    pub static mut module_registry: HashTable;
    pub fn zend_next_free_module() -> c_int;
    pub fn zend_startup_module_ex(module: *mut zend_module_entry) -> c_int;

    pub fn zend_parse_arg_long_slow(arg: *mut zval, dest: *mut i64, arg_num: u32) -> bool;
    pub fn zend_parse_arg_bool_slow(arg: *mut zval, dest: *mut bool, arg_num: u32) -> bool;
    pub fn zend_parse_arg_double_slow(arg: *mut zval, dest: *mut f64, arg_num: u32) -> bool;
    pub fn zend_parse_arg_str_slow(arg: *mut zval, dest: *mut *mut zend_string, arg_num: u32) -> bool;
    pub fn zend_wrong_parameter_type_error(num: u32, expected_type: c_int, arg: *mut zval);
    pub fn zend_wrong_parameter_class_error(num: u32, name: *const c_char, arg: *mut zval);
    pub fn zend_wrong_parameter_class_or_null_error(num: u32, name: *const c_char, arg: *mut zval);
    pub fn zend_wrong_parameters_count_error(min: u32, max: u32);
    pub fn zend_wrong_parameters_none_error();
    pub fn zend_wrong_callback_error(num: u32, error: *mut c_char);
    pub fn zend_wrong_callback_or_null_error(num: u32, error: *mut c_char);
    pub fn zend_argument_value_error(num: u32, format: *const c_char, ...);
    pub fn zend_argument_type_error(num: u32, format: *const c_char, ...);
    pub fn zend_argument_count_error(format: *const c_char, ...);
    pub fn zend_value_error(format: *const c_char, ...);
    pub fn zend_type_error(format: *const c_char, ...);
    pub fn zend_throw_error(ce: *mut zend_class_entry, format: *const c_char, ...);
    pub fn zend_zval_type_name(arg: *const zval) -> *const c_char;
    pub fn php_error_docref(docref: *const c_char, type_: c_int, format: *const c_char, ...);

    pub fn php_var_serialize_init() -> php_serialize_data_t;
    pub fn php_var_serialize(buf: *mut smart_str, struc: *mut zval, data: *mut php_serialize_data_t);
    pub fn php_var_serialize_destroy(d: php_serialize_data_t);
    pub fn php_var_unserialize_init() -> php_unserialize_data_t;
    pub fn php_var_unserialize(
        rval: *mut zval,
        p: *mut *const u8,
        max: *const u8,
        var_hash: *mut php_unserialize_data_t,
    ) -> c_int;
    pub fn php_var_unserialize_destroy(d: php_unserialize_data_t);

    pub fn _safe_emalloc(nmemb: usize, size: usize, offset: usize) -> *mut c_void;
    pub fn _emalloc(size: usize) -> *mut c_void;
    pub fn _ecalloc(nmemb: usize, size: usize) -> *mut c_void;
    pub fn _efree(ptr: *mut c_void);
    pub static mut zend_string_init_interned:
        Option<unsafe extern "C" fn(*const c_char, usize, bool) -> *mut zend_string>;
    pub fn zend_objects_not_comparable(o1: *mut zval, o2: *mut zval) -> c_int;
    pub fn zend_object_std_init(object: *mut zend_object, ce: *mut zend_class_entry);
    pub fn object_properties_init(object: *mut zend_object, ce: *mut zend_class_entry);
    pub fn zend_object_std_dtor(object: *mut zend_object);
    pub fn zend_objects_destroy_object(object: *mut zend_object);
    pub fn zend_register_internal_class_ex(
        ce: *mut zend_class_entry,
        parent: *mut zend_class_entry,
    ) -> *mut zend_class_entry;
    pub fn zend_register_long_constant(name: *const c_char, len: usize, lval: i64, flags: c_int, module_number: c_int);
    pub fn zend_register_string_constant(
        name: *const c_char,
        len: usize,
        s: *const c_char,
        flags: c_int,
        module_number: c_int,
    );
    pub fn zend_declare_class_constant_long(ce: *mut zend_class_entry, name: *const c_char, len: usize, value: i64);
    pub fn zend_declare_class_constant_string(
        ce: *mut zend_class_entry,
        name: *const c_char,
        len: usize,
        value: *const c_char,
    );
    pub fn zend_try_assign_typed_ref_long(ref_: *mut zend_reference, lval: i64) -> c_int;
    pub fn zend_try_assign_typed_ref_bool(ref_: *mut zend_reference, val: bool) -> c_int;
    pub fn zend_try_assign_typed_ref_null(ref_: *mut zend_reference) -> c_int;
    pub fn zend_try_assign_typed_ref_stringl(ref_: *mut zend_reference, s: *const c_char, l: usize) -> c_int;
    pub fn zend_try_assign_typed_ref_zval(ref_: *mut zend_reference, zv: *mut zval) -> c_int;
    pub fn zend_try_assign_typed_ref_arr(ref_: *mut zend_reference, arr: *mut HashTable) -> c_int;
    pub fn zval_ptr_dtor(zv: *mut zval);
    pub fn zend_string_tolower_ex(s: *mut zend_string, persistent: bool) -> *mut zend_string;
    pub fn _zend_new_array(size: u32) -> *mut HashTable;
    pub fn zend_hash_str_update(ht: *mut HashTable, key: *const c_char, len: usize, pData: *mut zval) -> *mut zval;
    pub fn zend_hash_index_update(ht: *mut HashTable, h: u64, pData: *mut zval) -> *mut zval;
    pub fn zend_hash_next_index_insert(ht: *mut HashTable, pData: *mut zval) -> *mut zval;
    pub fn zval_get_long_func(op: *mut zval, is_legacy_behavior: bool) -> i64;
    /// Returns `int` on PHP 8.2 and `bool` from 8.3 on: only the low byte is
    /// defined in both, so it is read as a byte.
    pub fn zend_is_true(op: *mut zval) -> u8;
    pub fn zend_strpprintf(max_len: usize, format: *const c_char, ...) -> *mut zend_string;
    /// php_ini.h: a value from the configuration (php.ini and -d), whether or
    /// not an ini entry is registered for it.
    pub fn cfg_get_long(varname: *const c_char, result: *mut i64) -> c_int;
    pub fn zend_hash_real_init_mixed(ht: *mut HashTable);
    pub static zend_empty_array: HashTable;
    pub fn zend_hash_index_add(ht: *mut HashTable, h: u64, pData: *mut zval) -> *mut zval;
    pub fn zend_hash_str_add(ht: *mut HashTable, key: *const c_char, len: usize, pData: *mut zval) -> *mut zval;
}

// Added for the posix group.
extern "C" {
    /// zend_fetch_resource2_ex: the resource's pointer if its type is one of
    /// the two, else NULL after throwing "supplied resource is not a valid %s resource".
    pub fn zend_fetch_resource2_ex(
        res: *mut zval,
        resource_type_name: *const c_char,
        type1: c_int,
        type2: c_int,
    ) -> *mut c_void;
    /// 0 when `path` is allowed by open_basedir; -1 (errno EPERM) otherwise; warns only if `warn`.
    pub fn php_check_open_basedir_ex(path: *const c_char, warn: c_int) -> c_int;
    /// The absolute form of `filepath` (emalloc'ed, free with _efree), or NULL.
    pub fn expand_filepath(filepath: *const c_char, real_path: *mut c_char) -> *mut c_char;
}
pub const IS_INDIRECT: u8 = 12;
/// HT_FLAGS: the array is packed (a plain zval vector, keys 0..n).
pub const HASH_FLAG_PACKED: u32 = 1 << 2;
/// GC_FLAGS: the array is being visited (recursion guard).
pub const GC_PROTECTED: u32 = 1 << 5;

pub const E_WARNING: c_int = 2;
pub const E_NOTICE: c_int = 8;
pub const E_DEPRECATED: c_int = 8192;

pub const IS_UNDEF: u8 = 0;
pub const IS_NULL: u8 = 1;
pub const IS_FALSE: u8 = 2;
pub const IS_TRUE: u8 = 3;
pub const IS_LONG: u8 = 4;
pub const IS_DOUBLE: u8 = 5;
pub const IS_STRING: u8 = 6;
pub const IS_ARRAY: u8 = 7;
pub const IS_OBJECT: u8 = 8;
pub const IS_RESOURCE: u8 = 9;
pub const IS_REFERENCE: u8 = 10;

pub const IS_STRING_EX: u32 = 6 | (1 << 8);
pub const IS_ARRAY_EX: u32 = 7 | (1 << 8) | (1 << 9);
pub const IS_OBJECT_EX: u32 = 8 | (1 << 8) | (1 << 9);

/// `_zend_expected_type` values used with `zend_wrong_parameter_type_error`.
pub const Z_EXPECTED_LONG: c_int = 0;
pub const Z_EXPECTED_LONG_OR_NULL: c_int = 1;
pub const Z_EXPECTED_BOOL: c_int = 2;
pub const Z_EXPECTED_BOOL_OR_NULL: c_int = 3;
pub const Z_EXPECTED_STRING: c_int = 4;
pub const Z_EXPECTED_STRING_OR_NULL: c_int = 5;
pub const Z_EXPECTED_ARRAY: c_int = 6;
pub const Z_EXPECTED_ARRAY_OR_NULL: c_int = 7;
pub const Z_EXPECTED_ARRAY_OR_LONG: c_int = 8;
pub const Z_EXPECTED_ARRAY_OR_LONG_OR_NULL: c_int = 9;
pub const Z_EXPECTED_ITERABLE: c_int = 10;
pub const Z_EXPECTED_ITERABLE_OR_NULL: c_int = 11;
pub const Z_EXPECTED_FUNC: c_int = 12;
pub const Z_EXPECTED_FUNC_OR_NULL: c_int = 13;
pub const Z_EXPECTED_RESOURCE: c_int = 14;
pub const Z_EXPECTED_RESOURCE_OR_NULL: c_int = 15;
pub const Z_EXPECTED_PATH: c_int = 16;
pub const Z_EXPECTED_PATH_OR_NULL: c_int = 17;
pub const Z_EXPECTED_OBJECT: c_int = 18;
pub const Z_EXPECTED_OBJECT_OR_NULL: c_int = 19;
pub const Z_EXPECTED_DOUBLE: c_int = 20;
pub const Z_EXPECTED_DOUBLE_OR_NULL: c_int = 21;
pub const Z_EXPECTED_NUMBER: c_int = 22;
pub const Z_EXPECTED_NUMBER_OR_NULL: c_int = 23;
/// PHP 8.3 inserted NUMBER_OR_STRING and NUMBER_OR_STRING_OR_NULL after
/// NUMBER_OR_NULL (checked against 8.2's and 8.4's zend_API.h): the later
/// values move by 2.
const Z_EXPECTED_SHIFT: c_int = if cfg!(php83) { 2 } else { 0 };
#[cfg(php83)]
pub const Z_EXPECTED_NUMBER_OR_STRING: c_int = 24;
#[cfg(php83)]
pub const Z_EXPECTED_NUMBER_OR_STRING_OR_NULL: c_int = 25;
pub const Z_EXPECTED_ARRAY_OR_STRING: c_int = 24 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_ARRAY_OR_STRING_OR_NULL: c_int = 25 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_STRING_OR_LONG: c_int = 26 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_STRING_OR_LONG_OR_NULL: c_int = 27 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_OBJECT_OR_CLASS_NAME: c_int = 28 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_OBJECT_OR_CLASS_NAME_OR_NULL: c_int = 29 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_OBJECT_OR_STRING: c_int = 30 + Z_EXPECTED_SHIFT;
pub const Z_EXPECTED_OBJECT_OR_STRING_OR_NULL: c_int = 31 + Z_EXPECTED_SHIFT;

#[repr(C)]
pub struct zend_get_gc_buffer {
    pub cur: *mut zval,
    pub end: *mut zval,
    pub start: *mut zval,
}
extern "C" {
    pub fn zend_get_gc_buffer_create() -> *mut zend_get_gc_buffer;
    pub fn zend_get_gc_buffer_grow(buf: *mut zend_get_gc_buffer);
}

/// zend_get_gc_buffer_add_zval (an inline function in zend_gc.h).
///
/// # Safety
/// `buf` must come from zend_get_gc_buffer_create and `zv` be a valid zval.
pub unsafe fn gc_buffer_add_zval(buf: *mut zend_get_gc_buffer, zv: *mut zval) {
    // Z_REFCOUNTED: type flags byte has IS_TYPE_REFCOUNTED.
    if (*zv).u1.v.type_flags & 1 != 0 {
        if (*buf).cur == (*buf).end {
            zend_get_gc_buffer_grow(buf);
        }
        std::ptr::copy_nonoverlapping(zv, (*buf).cur, 1);
        (*buf).cur = (*buf).cur.add(1);
    }
}

/// zend_get_gc_buffer_use.
///
/// # Safety
/// `buf` must come from zend_get_gc_buffer_create; `table` and `n` must be
/// the get_gc handler's out parameters.
pub unsafe fn gc_buffer_use(buf: *mut zend_get_gc_buffer, table: *mut *mut zval, n: *mut c_int) {
    *table = (*buf).start;
    *n = (*buf).cur.offset_from((*buf).start) as c_int;
}

// Added by the sockets group.
extern "C" {
    pub fn zend_argument_error(error_ce: *mut zend_class_entry, arg_num: u32, format: *const c_char, ...);
    pub fn zend_wrong_param_count();
    pub fn zend_hash_add(ht: *mut HashTable, key: *mut zend_string, pData: *mut zval) -> *mut zval;
    pub fn convert_to_long(op: *mut zval);
    pub fn convert_to_array(op: *mut zval);
    pub fn _erealloc(ptr: *mut c_void, size: usize) -> *mut c_void;
    pub fn zend_ini_long(name: *const c_char, name_length: usize, orig: c_int) -> i64;
    // zend_fetch_resource2_ex: declared above (posix).
    pub fn _php_stream_free(stream: *mut c_void, close_options: c_int) -> c_int;
    pub fn _php_stream_set_option(stream: *mut c_void, option: c_int, value: c_int, ptrparam: *mut c_void) -> c_int;
    pub fn _php_stream_cast(stream: *mut c_void, castas: c_int, ret: *mut *mut c_void, show_err: c_int) -> c_int;
    pub fn _php_stream_xport_create(
        name: *const c_char,
        namelen: usize,
        options: c_int,
        flags: c_int,
        persistent_id: *const c_char,
        timeout: *mut c_void,
        context: *mut c_void,
        error_string: *mut *mut zend_string,
        error_code: *mut c_int,
    ) -> *mut c_void;
    pub fn _php_stream_sock_open_from_socket(socket: c_int, persistent_id: *const c_char) -> *mut c_void;
    pub fn php_file_le_stream() -> c_int;
    pub fn php_file_le_pstream() -> c_int;
}

// Added for the event group: calling user callbacks, exit() detection,
// declared properties, objects by handle.
extern "C" {
    pub fn zend_call_function(
        fci: *mut ext_php_rs::ffi::zend_fcall_info,
        fcc: *mut ext_php_rs::ffi::zend_fcall_info_cache,
    ) -> c_int;
    pub fn zend_is_unwind_exit(ex: *const zend_object) -> bool;
    pub fn zend_declare_property_null(ce: *mut zend_class_entry, name: *const c_char, len: usize, access_type: c_int);
    pub fn object_init_ex(arg: *mut zval, ce: *mut zend_class_entry) -> c_int;
}
