//! Functions registered directly by the main module `ipc` (the `Ipc\`
//! namespace), outside the per-group module entries.

use super::func::{self, FnDef};
use ext_php_rs::ffi::{zend_class_entry, zend_function_entry, HashTable};
use std::os::raw::c_int;

extern "C" {
    fn zend_register_functions(
        scope: *mut zend_class_entry,
        functions: *const zend_function_entry,
        function_table: *mut HashTable,
        type_: c_int,
    ) -> c_int;
}

/// Registers `defs` as global functions of the module whose MINIT is
/// running (the engine records EG(current_module) as their module).
/// Returns false if the engine refused them (e.g. a name already taken).
///
/// # Safety
/// Call only from a module's MINIT; `ty` is the MINIT `type`.
pub unsafe fn functions(defs: Vec<FnDef>, ty: c_int) -> bool {
    if defs.is_empty() {
        return true;
    }
    // The table lives for the process, as group function tables do.
    let table = func::table(defs);
    zend_register_functions(std::ptr::null_mut(), table, std::ptr::null_mut(), ty) == 0
}
