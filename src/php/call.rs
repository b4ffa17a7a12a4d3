//! The boundary between the engine and Rust handlers: panics never cross it.

use super::args::Args;
use super::error::{self, PhpResult};
use ext_php_rs::ffi::{zend_execute_data, zval};
use std::cell::RefCell;

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Replaces the default panic hook (which writes to stderr) with one that
/// keeps the message for the Error thrown at the boundary.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let msg = if let Some(s) = info.payload().downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = info.payload().downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_string()
        };
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{msg}{loc}"));
    }));
}

/// Runs a handler body; a panic becomes a PHP `Error`.
///
/// Generic and always inlined, so each handler is one function: the
/// boundary costs no indirect call (catch_unwind itself is zero-cost).
///
/// # Safety
/// `ex` and `rv` are the engine's execute_data and return value.
#[inline(always)]
pub unsafe fn invoke<F: FnOnce(&Args, &mut zval) -> PhpResult>(ex: *mut zend_execute_data, rv: *mut zval, f: F) {
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let args = Args::new(ex);
        let _ = f(&args, &mut *rv);
    }));
    if r.is_err() {
        panicked();
    }
}

#[cold]
#[inline(never)]
fn panicked() {
    let msg = LAST_PANIC.with(|p| std::mem::take(&mut *p.borrow_mut()));
    if !error::has_exception() {
        error::error(&format!("php-ipc internal error: {msg}"));
    }
}

/// Wraps `fn(&Args, &mut zval) -> PhpResult` as an engine handler.
#[macro_export]
macro_rules! handler {
    ($f:path) => {{
        unsafe extern "C" fn h(ex: *mut ::ext_php_rs::ffi::zend_execute_data, rv: *mut ::ext_php_rs::ffi::zval) {
            $crate::php::call::invoke(ex, rv, $f)
        }
        h as $crate::php::func::Handler
    }};
}

// ---- Added for the event group ----

use ext_php_rs::ffi::zend_fcall_info_cache;

/// A user callable held by a native object (a callback), resolved at each
/// call, as PECL event does. Only the value is held (16 bytes, where a
/// cached call info took 40 more: three callbacks decide the allocation
/// class of every EventBufferEvent). A Closure's call info does not depend
/// on the calling frame, so resolving it is the Closure's own get_closure
/// handler reading its fields, and its call borrows the value without a
/// reference of its own (zend_call_function keeps a Closure alive).
pub struct UserCallable {
    z: zval,
}

extern "C" {
    static mut zend_ce_closure: *mut ext_php_rs::ffi::zend_class_entry;
}

fn resolve(z: &zval) -> Option<zend_fcall_info_cache> {
    let mut c = super::zv::copy(z);
    // SAFETY: zend_is_callable_ex only reads `c` and writes `f`.
    let mut f: zend_fcall_info_cache = unsafe { std::mem::zeroed() };
    let ok = unsafe {
        ext_php_rs::ffi::zend_is_callable_ex(
            &mut c,
            std::ptr::null_mut(),
            0,
            std::ptr::null_mut(),
            &mut f,
            std::ptr::null_mut(),
        )
    };
    super::zv::release(c);
    ok.then_some(f)
}

/// The call info of a Closure, from its own get_closure handler: what
/// zend_is_callable_ex computes for an object (calling and called scope
/// both the handler's class), without its general checks, since the
/// callback's call info is looked up at each call.
fn closure_call_info(obj: super::zv::ObjRef<'_>) -> Option<zend_fcall_info_cache> {
    let o = obj.as_ptr();
    let mut f: zend_fcall_info_cache = unsafe { std::mem::zeroed() };
    // SAFETY: `o` is a live object (borrowed from the held zval); a
    // Closure's get_closure handler only reads its fields and writes the
    // three out-pointers.
    let ok = unsafe {
        let get_closure = (*(*o).handlers).get_closure?;
        get_closure(o, &mut f.calling_scope, &mut f.function_handler, &mut f.object, false)
    } == 0;
    f.called_scope = f.calling_scope;
    ok.then_some(f)
}

/// zpp's `f` (`f!` when `nullable`) check of argument `arg_num` (1-based):
/// the engine's TypeError ("must be a valid callback[ or null], <reason>")
/// when `z` is not callable. A null passes when `nullable`.
pub fn check_callable(z: &zval, arg_num: u32, nullable: bool) -> super::error::PhpResult {
    if nullable && super::zv::type_of(z) == super::ffi::IS_NULL {
        return Ok(());
    }
    let mut c = super::zv::copy(z);
    let mut f: zend_fcall_info_cache = unsafe { std::mem::zeroed() };
    let mut err: *mut std::os::raw::c_char = std::ptr::null_mut();
    // SAFETY: zend_is_callable_ex reads `c`, writes `f` and may allocate `err`
    // (emalloc'd; the zend_wrong_callback_* functions free it).
    let ok = unsafe {
        ext_php_rs::ffi::zend_is_callable_ex(&mut c, std::ptr::null_mut(), 0, std::ptr::null_mut(), &mut f, &mut err)
    };
    super::zv::release(c);
    if ok {
        if !err.is_null() {
            unsafe { super::ffi::_efree(err as *mut std::ffi::c_void) };
        }
        return Ok(());
    }
    unsafe {
        if err.is_null() {
            ext_php_rs::ffi::zend_throw_error(std::ptr::null_mut(), c"Invalid callback".as_ptr());
        } else if nullable {
            super::ffi::zend_wrong_callback_or_null_error(arg_num, err);
        } else {
            super::ffi::zend_wrong_callback_error(arg_num, err);
        }
    }
    Err(super::error::Thrown)
}

impl UserCallable {
    /// Holds a reference to `z` (any value: a non-callable is skipped at call time).
    pub fn new(z: &zval) -> UserCallable {
        UserCallable { z: super::zv::copy(z) }
    }

    /// The call info of a held Closure (None for other callables).
    #[inline]
    fn closure_fcc(&self) -> Option<zend_fcall_info_cache> {
        let obj = super::zv::object(&self.z)?;
        let is_closure = super::class::class_of(obj).as_ptr() == unsafe { zend_ce_closure };
        if is_closure {
            closure_call_info(obj)
        } else {
            None
        }
    }

    /// The held value (for the cycle collector).
    pub fn zval(&self) -> &zval {
        &self.z
    }

    /// Calls it with `args` (consumed). Returns false when it is not
    /// callable (nothing is called, as PECL event silently skips it). An
    /// exception thrown by the callee stays pending in the engine.
    #[inline]
    pub fn call(&self, args: &mut [zval]) -> bool {
        // A reference of our own keeps the callable alive even if the call
        // replaces the object's callback.
        let callable = super::zv::copy(&self.z);
        let mut fcc = match self.closure_fcc() {
            Some(f) => f,
            None => match resolve(&callable) {
                Some(f) => f,
                None => {
                    super::zv::release(callable);
                    return false;
                }
            },
        };
        let mut retval = super::zv::undef();
        let mut fci = ext_php_rs::ffi::zend_fcall_info {
            size: std::mem::size_of::<ext_php_rs::ffi::zend_fcall_info>(),
            // SAFETY: a bitwise copy; `fci` is forgotten, `callable` owns the reference.
            function_name: unsafe { std::ptr::read(&callable) },
            retval: &mut retval,
            params: args.as_mut_ptr(),
            object: std::ptr::null_mut(),
            param_count: args.len() as u32,
            named_params: std::ptr::null_mut(),
        };
        unsafe { super::ffi::zend_call_function(&mut fci, &mut fcc) };
        std::mem::forget(fci);
        super::zv::release(retval);
        super::zv::release(callable);
        true
    }
}

/// One call of a [`UserCallable`], taken out of it before the call so that
/// the callee may free the object that holds the callable (PECL event holds
/// no reference on an Event while its callback runs).
/// Make the call with [`PreparedCall::call`]: it releases what `prepare`
/// took (a value dropped uncalled would keep a non-Closure callable alive).
pub struct PreparedCall {
    /// The callable's zval: our own reference for non-Closures (resolved
    /// per call, as PECL does), a borrowed bitwise copy for Closures, which
    /// zend_call_function itself keeps alive for the call (ZEND_CALL_CLOSURE).
    z: zval,
    owned: bool,
    fcc: zend_fcall_info_cache,
}

impl UserCallable {
    /// The call info for one call; None when the value is not callable
    /// (nothing is called, as PECL event silently skips it).
    #[inline]
    pub fn prepare(&self) -> Option<PreparedCall> {
        match self.closure_fcc() {
            // SAFETY: a bitwise copy that is never released (owned: false);
            // it only has to stay valid until zend_call_function starts.
            Some(fcc) => Some(PreparedCall { z: unsafe { std::ptr::read(&self.z) }, owned: false, fcc }),
            None => {
                let callable = super::zv::copy(&self.z);
                match resolve(&callable) {
                    Some(fcc) => Some(PreparedCall { z: callable, owned: true, fcc }),
                    None => {
                        super::zv::release(callable);
                        None
                    }
                }
            }
        }
    }
}

impl PreparedCall {
    /// Calls it with `args` (still owned by the caller). An exception thrown
    /// by the callee stays pending in the engine.
    ///
    /// # Safety
    /// The holder of the callable must be alive when this is called (it may
    /// die during the call).
    #[inline]
    pub unsafe fn call(self, args: &mut [zval]) {
        let mut fcc = self.fcc;
        let mut retval = super::zv::undef();
        let z = std::mem::ManuallyDrop::new(self.z);
        let mut fci = ext_php_rs::ffi::zend_fcall_info {
            size: std::mem::size_of::<ext_php_rs::ffi::zend_fcall_info>(),
            // SAFETY: a bitwise copy; `fci` is forgotten, `z` keeps the reference (if any).
            function_name: std::ptr::read(&*z),
            retval: &mut retval,
            params: args.as_mut_ptr(),
            object: std::ptr::null_mut(),
            param_count: args.len() as u32,
            named_params: std::ptr::null_mut(),
        };
        super::ffi::zend_call_function(&mut fci, &mut fcc);
        std::mem::forget(fci);
        super::zv::release_fast(retval);
        if self.owned {
            super::zv::release(std::mem::ManuallyDrop::into_inner(z));
        }
    }
}
