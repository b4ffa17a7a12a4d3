//! One .so, several PHP modules: each replaced extension ("group") is
//! registered as its own module entry from the main module's MINIT, so
//! `extension_loaded('sysvmsg')`, `php --re sysvmsg` and Composer's
//! `ext-sysvmsg` check see it. A group whose native extension is already
//! loaded is deferred to it, whatever the load order in php.ini.

use super::ffi;
use super::func::{self, FnDef};
use ext_php_rs::ffi::{executor_globals, zend_module_entry};
use std::ffi::CStr;
use std::os::raw::c_int;
use std::sync::atomic::{AtomicU8, Ordering};

/// What a group provides.
pub struct Group {
    pub name: &'static CStr,
    /// None: the running PHP's version, as the bundled extensions report.
    pub version: Option<&'static CStr>,
    pub functions: fn() -> Vec<FnDef>,
    /// Classes, constants, ini entries. Returns false on failure.
    pub startup: fn(module_number: c_int) -> bool,
    pub shutdown: Option<fn()>,
    pub request_startup: Option<fn()>,
    pub request_shutdown: Option<fn()>,
    /// Rows for phpinfo(): (key, value).
    pub info: fn() -> Vec<(String, String)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Status {
    NotLoaded = 0,
    Active = 1,
    Deferred = 2,
    Failed = 3,
}

pub struct Slot {
    pub group: &'static Group,
    status: AtomicU8,
}

impl Slot {
    pub const fn new(group: &'static Group) -> Self {
        Slot { group, status: AtomicU8::new(0) }
    }
    pub fn status(&self) -> Status {
        match self.status.load(Ordering::Relaxed) {
            1 => Status::Active,
            2 => Status::Deferred,
            3 => Status::Failed,
            _ => Status::NotLoaded,
        }
    }
    fn set(&self, s: Status) {
        self.status.store(s as u8, Ordering::Relaxed)
    }
}

/// Whether a module of that (lower-case) name is registered.
pub fn module_loaded(name: &CStr) -> bool {
    unsafe {
        let b = name.to_bytes();
        !ext_php_rs::ffi::zend_hash_str_find(&raw const ffi::module_registry, b.as_ptr() as *const _, b.len()).is_null()
    }
}

unsafe fn find_module(name: &CStr) -> *mut zend_module_entry {
    let b = name.to_bytes();
    let z = ext_php_rs::ffi::zend_hash_str_find(&raw const ffi::module_registry, b.as_ptr() as *const _, b.len());
    if z.is_null() {
        std::ptr::null_mut()
    } else {
        (*z).value.ptr as *mut zend_module_entry
    }
}

/// Generic trampolines: entry I of the group table gets its own functions.
pub trait GroupTable {
    fn slots() -> &'static [Slot];
}

unsafe extern "C" fn sub_minit<G: GroupTable, const I: usize>(_ty: c_int, num: c_int) -> c_int {
    let g = G::slots()[I].group;
    let ok = std::panic::catch_unwind(|| (g.startup)(num)).unwrap_or(false);
    if ok {
        0
    } else {
        -1
    }
}
unsafe extern "C" fn sub_mshutdown<G: GroupTable, const I: usize>(_ty: c_int, _num: c_int) -> c_int {
    if let Some(f) = G::slots()[I].group.shutdown {
        let _ = std::panic::catch_unwind(f);
    }
    0
}
unsafe extern "C" fn sub_rinit<G: GroupTable, const I: usize>(_ty: c_int, _num: c_int) -> c_int {
    if let Some(f) = G::slots()[I].group.request_startup {
        let _ = std::panic::catch_unwind(f);
    }
    0
}
unsafe extern "C" fn sub_rshutdown<G: GroupTable, const I: usize>(_ty: c_int, _num: c_int) -> c_int {
    if let Some(f) = G::slots()[I].group.request_shutdown {
        let _ = std::panic::catch_unwind(f);
    }
    0
}
unsafe extern "C" fn sub_info<G: GroupTable, const I: usize>(_m: *mut zend_module_entry) {
    let g = G::slots()[I].group;
    let rows = std::panic::catch_unwind(|| (g.info)()).unwrap_or_default();
    info_table(&rows);
}

/// Prints a phpinfo() table.
pub fn info_table(rows: &[(String, String)]) {
    unsafe {
        ext_php_rs::ffi::php_info_print_table_start();
        for (k, v) in rows {
            let k = std::ffi::CString::new(k.as_str()).unwrap_or_default();
            let v = std::ffi::CString::new(v.as_str()).unwrap_or_default();
            ext_php_rs::ffi::php_info_print_table_row(2, k.as_ptr(), v.as_ptr());
        }
        ext_php_rs::ffi::php_info_print_table_end();
    }
}

/// Registers and starts group I, unless its native extension is loaded.
///
/// # Safety
/// Call only from the main module's MINIT; `ty` is the MINIT `type`.
pub unsafe fn register_group<G: GroupTable, const I: usize>(ty: c_int) {
    let slot = &G::slots()[I];
    let g = slot.group;
    if module_loaded(g.name) {
        slot.set(Status::Deferred);
        return;
    }
    // Size, API number and build id are copied from our own main entry.
    let main = find_module(c"ipc");
    if main.is_null() {
        slot.set(Status::Failed);
        return;
    }
    let mut e: zend_module_entry = std::ptr::read(main);
    e.ini_entry = std::ptr::null();
    e.deps = std::ptr::null();
    e.name = g.name.as_ptr();
    let defs = (g.functions)();
    e.functions = if defs.is_empty() { std::ptr::null() } else { func::table(defs) };
    e.module_startup_func = Some(sub_minit::<G, I>);
    e.module_shutdown_func = Some(sub_mshutdown::<G, I>);
    e.request_startup_func = g.request_startup.map(|_| sub_rinit::<G, I> as _);
    e.request_shutdown_func = g.request_shutdown.map(|_| sub_rshutdown::<G, I> as _);
    e.info_func = Some(sub_info::<G, I>);
    e.version = match g.version {
        Some(v) => v.as_ptr(),
        None => {
            let std = find_module(c"standard");
            if std.is_null() {
                c"8.2".as_ptr()
            } else {
                (*std).version
            }
        }
    };
    e.globals_size = 0;
    e.globals_ptr = std::ptr::null_mut();
    e.globals_ctor = None;
    e.globals_dtor = None;
    e.post_deactivate_func = None;
    e.module_started = 0;
    e.type_ = ty as u8;
    e.handle = std::ptr::null_mut(); // only the main entry may dlclose the .so
    e.module_number = ffi::zend_next_free_module();
    // The registry keeps this pointer: it must live as long as the process.
    let e: &'static mut zend_module_entry = Box::leak(Box::new(e));
    let saved = executor_globals.current_module;
    // PHP 8.4 added the module type (MODULE_PERSISTENT/MODULE_TEMPORARY) as an argument.
    #[cfg(php84)]
    let reg = ext_php_rs::ffi::zend_register_module_ex(e, ty);
    #[cfg(not(php84))]
    let reg = ext_php_rs::ffi::zend_register_module_ex(e);
    let ok = !reg.is_null() && ffi::zend_startup_module_ex(reg) == 0;
    // Both calls leave EG(current_module) NULL; the main MINIT still needs it.
    executor_globals.current_module = saved;
    slot.set(if ok { Status::Active } else { Status::Failed });
}

/// Registers a global constant owned by module `num`.
pub fn long_constant(name: &str, v: i64, num: c_int) {
    // CONST_CS is 0 in PHP 8; CONST_PERSISTENT = 1.
    unsafe { ffi::zend_register_long_constant(name.as_ptr() as *const _, name.len(), v, 1, num) }
}

pub fn string_constant(name: &str, v: &CStr, num: c_int) {
    unsafe { ffi::zend_register_string_constant(name.as_ptr() as *const _, name.len(), v.as_ptr(), 1, num) }
}

/// `cfg_get_long()`: a number from the configuration (php.ini, `-d`), as
/// extensions read settings they do not register as ini entries (native
/// sysvshm's `sysvshm.init_mem`). None when it is not set.
pub fn cfg_long(name: &CStr) -> Option<i64> {
    let mut v = 0i64;
    if unsafe { ffi::cfg_get_long(name.as_ptr(), &mut v) } == 0 {
        Some(v)
    } else {
        None
    }
}

/// A `zend_module_dep` entry (php-src's ZEND_MOD_REQUIRED / ZEND_MOD_END).
#[repr(C)]
pub struct ModuleDep {
    name: *const std::os::raw::c_char,
    rel: *const std::os::raw::c_char,
    version: *const std::os::raw::c_char,
    ty: u8,
}
// SAFETY: points at static C strings only.
unsafe impl Sync for ModuleDep {}

impl ModuleDep {
    pub const fn required(name: &'static CStr) -> ModuleDep {
        ModuleDep { name: name.as_ptr(), rel: std::ptr::null(), version: std::ptr::null(), ty: 1 }
    }
    pub const END: ModuleDep =
        ModuleDep { name: std::ptr::null(), rel: std::ptr::null(), version: std::ptr::null(), ty: 0 };
}

/// Declares the dependencies a group shows in Reflection (`Dependency [ x
/// (Required) ]`), as its native extension declares them. Called from the
/// group's startup, after the engine's dependency checks: informative only.
pub fn show_dependencies(group: &CStr, deps: &'static [ModuleDep]) {
    unsafe {
        let m = find_module(group);
        if !m.is_null() {
            (*m).deps = deps.as_ptr() as *const _;
        }
    }
}
