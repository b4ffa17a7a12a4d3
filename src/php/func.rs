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
