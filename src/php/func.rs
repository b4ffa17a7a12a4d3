//! Function and method tables with exact arginfo.
//!
//! ext-php-rs derives arginfo from Rust types, which cannot express PHP's
//! union types, untyped parameters or literal defaults such as `0666`. Here a
//! function is declared the way php-src's stubs declare it, and the
//! `zend_function_entry`/`zend_internal_arg_info` arrays are built from that.

use super::types::{Type, IS_VARIADIC, SEND_BY_REF};
use ext_php_rs::ffi::{zend_execute_data, zend_function_entry, zend_internal_arg_info, zend_type, zval};
use std::ffi::CStr;
use std::ptr::null;

pub type Handler = unsafe extern "C" fn(*mut zend_execute_data, *mut zval);

/// ZEND_ACC_* flags for methods.
pub const ACC_PUBLIC: u32 = 1 << 0;
pub const ACC_PROTECTED: u32 = 1 << 1;
pub const ACC_PRIVATE: u32 = 1 << 2;
pub const ACC_STATIC: u32 = 1 << 4;
pub const ACC_FINAL: u32 = 1 << 5;
pub const ACC_ABSTRACT: u32 = 1 << 6;
pub const ACC_DEPRECATED: u32 = 1 << 11;

#[derive(Clone, Copy)]
struct Param {
    name: &'static CStr,
    ty: Type,
    by_ref: bool,
    variadic: bool,
    default: Option<&'static CStr>,
}

/// One function or method, declared like a stub line.
pub struct FnDef {
    name: &'static CStr,
    handler: Handler,
    ret: Type,
    ret_by_ref: bool,
    params: Vec<Param>,
    flags: u32,
}

impl FnDef {
    pub fn new(name: &'static CStr, handler: Handler) -> Self {
        FnDef { name, handler, ret: Type::NONE, ret_by_ref: false, params: Vec::new(), flags: 0 }
    }
    pub fn ret(mut self, ty: Type) -> Self {
        self.ret = ty;
        self
    }
    pub fn flags(mut self, flags: u32) -> Self {
        self.flags = flags;
        self
    }
    /// A required by-value parameter.
    pub fn arg(mut self, name: &'static CStr, ty: Type) -> Self {
        self.params.push(Param { name, ty, by_ref: false, variadic: false, default: None });
        self
    }
    /// A required by-reference parameter.
    pub fn arg_ref(mut self, name: &'static CStr, ty: Type) -> Self {
        self.params.push(Param { name, ty, by_ref: true, variadic: false, default: None });
        self
    }
    /// An optional by-value parameter with its default as PHP source text.
    pub fn opt(mut self, name: &'static CStr, ty: Type, default: &'static CStr) -> Self {
        self.params.push(Param { name, ty, by_ref: false, variadic: false, default: Some(default) });
        self
    }
    /// An optional by-reference parameter.
    pub fn opt_ref(mut self, name: &'static CStr, ty: Type, default: &'static CStr) -> Self {
        self.params.push(Param { name, ty, by_ref: true, variadic: false, default: Some(default) });
        self
    }
    /// A trailing variadic parameter (`...$name`).
    pub fn variadic(mut self, name: &'static CStr, ty: Type, by_ref: bool) -> Self {
        self.params.push(Param { name, ty, by_ref, variadic: true, default: None });
        self
    }

    /// The function's name, as registered.
    pub fn name(&self) -> &'static CStr {
        self.name
    }

    fn required(&self) -> usize {
        self.params.iter().take_while(|p| p.default.is_none() && !p.variadic).count()
    }

    /// The number of declared parameters that may be passed (variadic excluded).
    pub fn max_args(&self) -> usize {
        self.params.iter().filter(|p| !p.variadic).count()
    }

    /// Builds the engine entry. The arginfo array lives for the process
    /// (functions are registered once per module and never unregistered
    /// before the .so is unloaded).
    pub fn build(self) -> zend_function_entry {
        let mut infos: Vec<zend_internal_arg_info> = Vec::with_capacity(self.params.len() + 1);
        infos.push(zend_internal_arg_info {
            name: self.required() as *const _,
            type_: to_zend_type(self.ret, if self.ret_by_ref { SEND_BY_REF } else { 0 }),
            default_value: null(),
        });
        for p in &self.params {
            let mut extra = if p.by_ref { SEND_BY_REF } else { 0 };
            if p.variadic {
                extra |= IS_VARIADIC;
            }
            infos.push(zend_internal_arg_info {
                name: p.name.as_ptr(),
                type_: to_zend_type(p.ty, extra),
                default_value: p.default.map_or(null(), |d| d.as_ptr()),
            });
        }
        // Like ZEND_FE: the count includes a trailing variadic; the engine
        // recognises it and subtracts it.
        let num_args = (infos.len() - 1) as u32;
        let infos: &'static mut [zend_internal_arg_info] = Vec::leak(infos);
        entry(self.name.as_ptr(), Some(self.handler), infos.as_ptr(), num_args, self.flags)
    }
}

/// A `zend_function_entry` of the running PHP's layout (ZEND_RAW_FENTRY):
/// PHP 8.4 added `frameless_function_infos` and `doc_comment`, both NULL for
/// functions without frameless variants or doc comments.
fn entry(
    fname: *const std::os::raw::c_char,
    handler: Option<Handler>,
    arg_info: *const zend_internal_arg_info,
    num_args: u32,
    flags: u32,
) -> zend_function_entry {
    zend_function_entry {
        fname,
        handler,
        arg_info,
        num_args,
        flags,
        #[cfg(php84)]
        frameless_function_infos: null(),
        #[cfg(php84)]
        doc_comment: null(),
    }
}

fn to_zend_type(ty: Type, extra: u32) -> zend_type {
    zend_type { ptr: ty.class.map_or(std::ptr::null_mut(), |c| c.as_ptr() as *mut _), type_mask: ty.mask | extra }
}

/// A NULL-terminated, process-lifetime function table.
pub fn table(defs: Vec<FnDef>) -> *const zend_function_entry {
    let mut v: Vec<zend_function_entry> = defs.into_iter().map(FnDef::build).collect();
    v.push(entry(null(), None, null(), 0, 0));
    Vec::leak(v).as_ptr()
}

/// `zend_attribute_arg` (zend_attributes.h, PHP 8.1+).
#[repr(C)]
struct AttributeArg {
    name: *mut ext_php_rs::ffi::zend_string,
    value: zval,
}

/// `zend_attribute` (zend_attributes.h, PHP 8.1+): `argc` args follow.
#[repr(C)]
struct Attribute {
    name: *mut ext_php_rs::ffi::zend_string,
    lcname: *mut ext_php_rs::ffi::zend_string,
    flags: u32,
    lineno: u32,
    offset: u32,
    argc: u32,
    args: [AttributeArg; 1],
}

/// `ZEND_ATTRIBUTE_PERSISTENT`: the attribute of an internal function.
const ATTRIBUTE_PERSISTENT: u32 = 1 << 0;

extern "C" {
    fn zend_add_attribute(
        attributes: *mut *mut ext_php_rs::ffi::HashTable,
        name: *mut ext_php_rs::ffi::zend_string,
        argc: u32,
        flags: u32,
        offset: u32,
        lineno: u32,
    ) -> *mut Attribute;
}

/// Adds `#[\Deprecated(since: $since, message: $message)]` to the global
/// function `name` of this module, as php-src 8.4's stubs declare a
/// deprecation: the engine's notice for an ACC_DEPRECATED function then
/// ends with " since $since, $message", and Reflection lists the attribute.
/// Returns false if there is no such function.
///
/// # Safety
/// Call only from a module's MINIT, after `name` was registered.
pub unsafe fn add_deprecated_attribute(name: &CStr, since: &str, message: &str) -> bool {
    // The engine sets this hook before any MINIT runs.
    let Some(init) = super::ffi::zend_string_init_interned else {
        return false;
    };
    let interned = |s: &str| init(s.as_ptr() as *const _, s.len(), true);
    let n = name.to_bytes();
    let table = ext_php_rs::ffi::compiler_globals.function_table;
    let found = ext_php_rs::ffi::zend_hash_str_find(table, n.as_ptr() as *const _, n.len());
    if found.is_null() {
        return false;
    }
    let func = (*found).value.ptr as *mut ext_php_rs::ffi::zend_function;
    let attr =
        zend_add_attribute(&mut (*func).common.attributes, interned("Deprecated"), 2, ATTRIBUTE_PERSISTENT, 0, 0);
    if attr.is_null() {
        return false;
    }
    // zend_add_attribute made room for 2 args (names NULL, values UNDEF).
    // Interned strings: the attribute's destructor releases nothing.
    let args = std::ptr::addr_of_mut!((*attr).args) as *mut AttributeArg;
    for (i, (arg, value)) in [("since", since), ("message", message)].into_iter().enumerate() {
        let a = &mut *args.add(i);
        a.name = interned(arg);
        super::zv::set_zstr(&mut a.value, interned(value));
    }
    true
}
