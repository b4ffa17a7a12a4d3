//! Argument parsing with zend_parse_parameters semantics.
//!
//! Every accessor goes through the engine's own slow paths, so coercive and
//! strict modes, deprecations and TypeError texts are the engine's.

use super::class::{self, ClassEntry};
use super::error::{PhpResult, Thrown};
use super::ffi;
use super::zv::{self, RefOut};
use ext_php_rs::ffi::{zend_execute_data, zval, HashTable};
use std::marker::PhantomData;

const FRAME_SLOT: usize = std::mem::size_of::<zend_execute_data>().div_ceil(std::mem::size_of::<zval>());

/// The engine's zpp slow path for argument `i`: `parse` coerces (or, under
/// strict_types, rejects) the value; on failure the engine's TypeError names
/// `expected`, unless parsing already threw (e.g. a deprecation turned error).
fn slow<T>(
    z: &mut zval,
    i: u32,
    mut out: T,
    parse: unsafe extern "C" fn(*mut zval, *mut T, u32) -> bool,
    expected: std::os::raw::c_int,
) -> PhpResult<T> {
    // SAFETY: z is a live argument slot; out is a valid destination.
    unsafe {
        if parse(z, &mut out, i + 1) {
            return Ok(out);
        }
        if !super::error::has_exception() {
            ffi::zend_wrong_parameter_type_error(i + 1, expected, z);
        }
    }
    Err(Thrown)
}

/// The arguments of the current internal call.
pub struct Args<'a> {
    ex: *mut zend_execute_data,
    n: u32,
    _life: PhantomData<&'a mut zval>,
}

impl<'a> Args<'a> {
    /// # Safety
    /// `ex` must be the execute_data the engine passed to the handler.
    pub unsafe fn new(ex: *mut zend_execute_data) -> Self {
        let n = (*ex).This.u2.num_args;
        Args { ex, n, _life: PhantomData }
    }

    pub fn len(&self) -> u32 {
        self.n
    }
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Throws the engine's ArgumentCountError unless `min <= n <= max`.
    pub fn count(&self, min: u32, max: u32) -> PhpResult {
        if self.n < min || self.n > max {
            unsafe {
                if min == 0 && max == 0 {
                    ffi::zend_wrong_parameters_none_error();
                } else {
                    ffi::zend_wrong_parameters_count_error(min, max);
                }
            }
            return Err(Thrown);
        }
        Ok(())
    }

    /// `$this` for a method call.
    pub fn this(&self) -> *mut ext_php_rs::ffi::zend_object {
        unsafe {
            let this = &(*self.ex).This;
            if this.u1.v.type_ == ffi::IS_OBJECT {
                this.value.obj
            } else {
                std::ptr::null_mut()
            }
        }
    }

    /// The raw zval of argument `i` (0-based); references are not unwrapped.
    pub fn raw(&self, i: u32) -> *mut zval {
        unsafe { (self.ex as *mut zval).add(FRAME_SLOT + i as usize) }
    }

    pub fn given(&self, i: u32) -> bool {
        i < self.n
    }

    /// Argument `i` with references unwrapped.
    pub fn zval(&self, i: u32) -> &'a mut zval {
        // SAFETY: raw(i) is this call's argument slot (or a static undef).
        zv::deref_mut(unsafe { &mut *self.raw(i) })
    }

    pub fn long(&self, i: u32) -> PhpResult<i64> {
        let z = self.zval(i);
        if zv::type_of(z) == ffi::IS_LONG {
            return Ok(unsafe { z.value.lval });
        }
        slow(z, i, 0i64, ffi::zend_parse_arg_long_slow, ffi::Z_EXPECTED_LONG)
    }

    pub fn long_or(&self, i: u32, default: i64) -> PhpResult<i64> {
        if self.given(i) {
            self.long(i)
        } else {
            Ok(default)
        }
    }

    /// `?int`: null gives None.
    pub fn long_or_null(&self, i: u32) -> PhpResult<Option<i64>> {
        if !self.given(i) || zv::type_of(self.zval(i)) == ffi::IS_NULL {
            return Ok(None);
        }
        let z = self.zval(i);
        if zv::type_of(z) == ffi::IS_LONG {
            return Ok(Some(unsafe { z.value.lval }));
        }
        slow(z, i, 0i64, ffi::zend_parse_arg_long_slow, ffi::Z_EXPECTED_LONG_OR_NULL).map(Some)
    }

    pub fn double(&self, i: u32) -> PhpResult<f64> {
        let z = self.zval(i);
        match zv::type_of(z) {
            ffi::IS_DOUBLE => return Ok(unsafe { z.value.dval }),
            ffi::IS_LONG => return Ok(unsafe { z.value.lval } as f64),
            _ => {}
        }
        slow(z, i, 0f64, ffi::zend_parse_arg_double_slow, ffi::Z_EXPECTED_DOUBLE)
    }

    pub fn bool(&self, i: u32) -> PhpResult<bool> {
        let z = self.zval(i);
        match zv::type_of(z) {
            ffi::IS_TRUE => return Ok(true),
            ffi::IS_FALSE => return Ok(false),
            _ => {}
        }
        slow(z, i, false, ffi::zend_parse_arg_bool_slow, ffi::Z_EXPECTED_BOOL)
    }

    pub fn bool_or(&self, i: u32, default: bool) -> PhpResult<bool> {
        if self.given(i) {
            self.bool(i)
        } else {
            Ok(default)
        }
    }

    /// `string` (binary safe). Coerced values are written back into the
    /// argument slot, which owns them for the rest of the call.
    pub fn bytes(&self, i: u32) -> PhpResult<&'a [u8]> {
        let z = self.zval(i);
        if zv::type_of(z) != ffi::IS_STRING {
            // The coerced string replaces the argument in its slot.
            slow(z, i, std::ptr::null_mut(), ffi::zend_parse_arg_str_slow, ffi::Z_EXPECTED_STRING)?;
        }
        unsafe { Ok(zv::str_bytes(z.value.str_)) }
    }

    /// `string` that must not contain NUL bytes (zpp "p").
    pub fn path(&self, i: u32) -> PhpResult<&'a [u8]> {
        let z = self.zval(i);
        if zv::type_of(z) != ffi::IS_STRING {
            // The coerced string replaces the argument in its slot.
            slow(z, i, std::ptr::null_mut(), ffi::zend_parse_arg_str_slow, ffi::Z_EXPECTED_PATH)?;
        }
        unsafe {
            let b = zv::str_bytes(z.value.str_);
            if b.contains(&0) {
                return Err(super::error::argument_value_error(i + 1, "must not contain any null bytes"));
            }
            Ok(b)
        }
    }

    pub fn array(&self, i: u32) -> PhpResult<&'a HashTable> {
        let z = self.zval(i);
        if zv::type_of(z) == ffi::IS_ARRAY {
            return Ok(unsafe { &*z.value.arr });
        }
        unsafe { ffi::zend_wrong_parameter_type_error(i + 1, ffi::Z_EXPECTED_ARRAY, z) };
        Err(Thrown)
    }

    /// An object of class `ce` (or a subclass), zpp "O".
    pub fn object_of(&self, i: u32, ce: ClassEntry) -> PhpResult<*mut ext_php_rs::ffi::zend_object> {
        let z = self.zval(i);
        if let Some(obj) = zv::object(z) {
            if class::class_of(obj).is_a(ce) {
                return Ok(obj.as_ptr());
            }
        }
        // SAFETY: z is this call's argument; the name is a NUL-terminated class name.
        unsafe { ffi::zend_wrong_parameter_class_error(i + 1, ce.name_ptr(), z) };
        Err(Thrown)
    }

    /// The Rust state of an object argument of native class `T` (zpp "O").
    pub fn native<T: super::class::NativeClass>(&self, i: u32) -> PhpResult<&'a mut T> {
        let obj = self.object_of(i, T::slot().ce())?;
        // SAFETY: object_of checked the class, so the object was created by
        // T's create_object and carries a T.
        Ok(unsafe { super::class::data_of::<T>(obj) })
    }

    /// As [`Args::native`], with the object itself.
    pub fn native_obj<T: super::class::NativeClass>(&self, i: u32) -> PhpResult<(zv::ObjRef<'a>, &'a mut T)> {
        let obj = self.object_of(i, T::slot().ce())?;
        // SAFETY: object_of checked the class (see `native`); the object is
        // this call's argument, alive for 'a.
        Ok(unsafe { (zv::ObjRef::from_raw(obj).ok_or(Thrown)?, super::class::data_of::<T>(obj)) })
    }

    /// `?T` (zpp "O!") of native class `T`: None for null or a missing optional argument.
    pub fn native_or_null<T: super::class::NativeClass>(&self, i: u32) -> PhpResult<Option<&'a mut T>> {
        let obj = self.object_of_or_null(i, T::slot().ce())?;
        // SAFETY: object_of_or_null checked the class (see `native`).
        Ok(obj.map(|obj| unsafe { super::class::data_of::<T>(obj) }))
    }

    /// A by-reference out parameter (None when an optional one was not passed).
    pub fn out(&self, i: u32) -> Option<RefOut<'a>> {
        if !self.given(i) {
            return None;
        }
        RefOut::new(unsafe { &mut *self.raw(i) })
    }

    /// `?ClassName` (zpp "O!"): None for null or a missing optional argument.
    pub fn object_of_or_null(&self, i: u32, ce: ClassEntry) -> PhpResult<Option<*mut ext_php_rs::ffi::zend_object>> {
        if !self.given(i) {
            return Ok(None);
        }
        let z = self.zval(i);
        if zv::type_of(z) == ffi::IS_NULL {
            return Ok(None);
        }
        if let Some(obj) = zv::object(z) {
            if class::class_of(obj).is_a(ce) {
                return Ok(Some(obj.as_ptr()));
            }
        }
        // SAFETY: z is this call's argument; the name is a NUL-terminated class name.
        unsafe { ffi::zend_wrong_parameter_class_or_null_error(i + 1, ce.name_ptr(), z) };
        Err(Thrown)
    }

    /// `?array` (zpp "a!"), references unwrapped: None for null.
    pub fn array_or_null(&self, i: u32) -> PhpResult<Option<&'a HashTable>> {
        let z = self.zval(i);
        match zv::type_of(z) {
            ffi::IS_ARRAY => Ok(Some(unsafe { &*z.value.arr })),
            ffi::IS_NULL => Ok(None),
            _ => {
                unsafe { ffi::zend_wrong_parameter_type_error(i + 1, ffi::Z_EXPECTED_ARRAY_OR_NULL, z) };
                Err(Thrown)
            }
        }
    }

    /// `?string` (zpp "s!"): None for null or a missing optional argument.
    pub fn bytes_or_null(&self, i: u32) -> PhpResult<Option<&'a [u8]>> {
        if !self.given(i) || zv::type_of(self.zval(i)) == ffi::IS_NULL {
            return Ok(None);
        }
        let z = self.zval(i);
        if zv::type_of(z) != ffi::IS_STRING {
            // The coerced string replaces the argument in its slot.
            slow(z, i, std::ptr::null_mut(), ffi::zend_parse_arg_str_slow, ffi::Z_EXPECTED_STRING_OR_NULL)?;
        }
        unsafe { Ok(Some(zv::str_bytes(z.value.str_))) }
    }

    /// A resource argument (zpp "r").
    pub fn resource(&self, i: u32) -> PhpResult<&'a mut zval> {
        let z = self.zval(i);
        if zv::type_of(z) == ffi::IS_RESOURCE {
            return Ok(z);
        }
        unsafe { ffi::zend_wrong_parameter_type_error(i + 1, ffi::Z_EXPECTED_RESOURCE, z) };
        Err(Thrown)
    }
}
