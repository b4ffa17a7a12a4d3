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
