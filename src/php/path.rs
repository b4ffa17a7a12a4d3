//! The engine's path checks, as extensions call them on a path argument.

use super::ffi;
use std::ffi::{CStr, CString};

/// `expand_filepath(path, NULL)`: the absolute form of `path` (relative to
/// the script's cwd, "." and ".." resolved), or None (an empty path).
pub fn expand_filepath(path: &CStr) -> Option<CString> {
    // SAFETY: path is NUL-terminated; the result is emalloc'ed and freed here.
    unsafe {
        let full = ffi::expand_filepath(path.as_ptr(), std::ptr::null_mut());
        if full.is_null() {
            return None;
        }
        let owned = CStr::from_ptr(full).to_owned();
        ffi::_efree(full as *mut _);
        Some(owned)
    }
}

/// `php_check_open_basedir_ex(path, warn) == 0`: whether open_basedir allows
/// `path`; with `warn`, a refusal raises the engine's open_basedir warning.
pub fn open_basedir_allows(path: &CStr, warn: bool) -> bool {
    // SAFETY: path is NUL-terminated.
    unsafe { ffi::php_check_open_basedir_ex(path.as_ptr(), warn as _) == 0 }
}
