//! ext/sysvshm: System V shared memory holding PHP variables.
//!
//! The segment layout is native PHP's (see `ipc_core::shm`), so native-PHP
//! and php-ipc processes read each other's variables. Unlike native, every
//! offset read from the segment is checked: a segment corrupted by another
//! process gives a warning and false, never a crash.

use crate::native_class;
use crate::php::class::{self, ACC_FINAL, ACC_NOT_SERIALIZABLE, ACC_NO_DYNAMIC_PROPERTIES};
use crate::php::error::{self, warning, PhpResult};
use crate::php::module::{self, Group};
use crate::php::serialize::{self, SmartStr};
use crate::php::types::{Type, MAY_BE_FALSE};
use crate::php::{zv, Args, FnDef};
use crate::sys::shm::{self as sysshm, Attachment};
use ext_php_rs::ffi::zval;
use ipc_core::shm::{self as layout, PutError};
use std::os::raw::c_int;
use std::rc::Rc;
use std::sync::atomic::{AtomicI64, Ordering};

pub static GROUP: Group = Group {
    name: c"sysvshm",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("sysvshm support".into(), "enabled".into())],
};

/// `sysvshm.init_mem`: the default segment size. Like native, it is read
/// from the configuration (php.ini or -d) at startup and is not an ini entry
/// visible to ini_get().
static INIT_MEM: AtomicI64 = AtomicI64::new(10000);

/// The last serialized size (plus a margin): the next serialization starts
/// with that much room instead of growing from a small buffer.
const HINT_LIMIT: usize = 1 << 20;
thread_local! {
    static ARRAY_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    static SIZE_HINT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[derive(Default)]
pub struct SysvSharedMemory {
    key: i32,
    id: i64,
    /// None after shm_detach (native: `ptr == NULL`). Shared with a
    /// shm_get_var() in progress, so a detach from user code run by the
    /// unserializer unmaps the segment only once the reading is done.
    seg: Option<Rc<Attachment>>,
}
native_class!(
    SysvSharedMemory,
    c"SysvSharedMemory",
    no_construct = c"Cannot directly construct SysvSharedMemory, use shm_attach() instead"
);

const SHM: Type = Type::class(c"SysvSharedMemory");

fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"shm_attach", crate::handler!(shm_attach))
            .arg(c"key", Type::INT)
            .opt(c"size", Type::INT.nullable(), c"null")
            .opt(c"permissions", Type::INT, c"0666")
            .ret(SHM.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"shm_detach", crate::handler!(shm_detach)).arg(c"shm", SHM).ret(Type::BOOL),
        FnDef::new(c"shm_has_var", crate::handler!(shm_has_var))
            .arg(c"shm", SHM)
            .arg(c"key", Type::INT)
            .ret(Type::BOOL),
        FnDef::new(c"shm_remove", crate::handler!(shm_remove)).arg(c"shm", SHM).ret(Type::BOOL),
        FnDef::new(c"shm_put_var", crate::handler!(shm_put_var))
            .arg(c"shm", SHM)
            .arg(c"key", Type::INT)
            .arg(c"value", Type::MIXED)
            .ret(Type::BOOL),
        FnDef::new(c"shm_get_var", crate::handler!(shm_get_var))
            .arg(c"shm", SHM)
            .arg(c"key", Type::INT)
            .ret(Type::MIXED),
        FnDef::new(c"shm_remove_var", crate::handler!(shm_remove_var))
            .arg(c"shm", SHM)
            .arg(c"key", Type::INT)
            .ret(Type::BOOL),
    ]
}

fn startup(_num: c_int) -> bool {
    unsafe {
        class::register::<SysvSharedMemory>(
            std::ptr::null(),
            std::ptr::null_mut(),
            ACC_FINAL | ACC_NO_DYNAMIC_PROPERTIES | ACC_NOT_SERIALIZABLE,
        );
    }
    INIT_MEM.store(module::cfg_long(c"sysvshm.init_mem").unwrap_or(10000), Ordering::Relaxed);
    true
}

fn shm_obj<'a>(a: &Args<'a>, i: u32) -> PhpResult<(zv::ObjRef<'a>, &'a mut SysvSharedMemory)> {
    a.native_obj::<SysvSharedMemory>(i)
}

/// `(SysvSharedMemory $shm, int $key)`: the segment's key, the variable key
/// and the attachment, after native's checks (count, class, still attached).
fn var_target<'a>(a: &Args<'a>) -> PhpResult<(i32, i64, &'a Rc<Attachment>)> {
    a.count(2, 2)?;
    let (_, s) = shm_obj(a, 0)?;
    let var_key = a.long(1)?;
    match s.seg.as_ref() {
        Some(seg) => Ok((s.key, var_key, seg)),
        None => Err(destroyed()),
    }
}

fn destroyed() -> error::Thrown {
    error::error("Shared memory block has already been destroyed")
}

fn corrupted(key: i32) {
    warning(&format!("SysV shared memory segment for key 0x{:x} is corrupted", key as u32));
}

fn shm_attach(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 3)?;
    let key = a.long(0)?;
    let size = a.long_or_null(1)?;
    let flag = a.long_or(2, 0o666)?;
    let size = size.unwrap_or_else(|| INIT_MEM.load(Ordering::Relaxed));
    if size < 1 {
        return Err(error::argument_value_error(2, "must be greater than 0"));
    }
    zv::set_bool(rv, false);
    let xkey = key as u64;
    let k = key as libc::key_t;
    let id = match sysshm::shmget(k, 0, 0) {
        Ok(id) => id,
        Err(_) => {
            if size < layout::HEADER_SIZE as i64 {
                warning(&format!("Failed for key 0x{xkey:x}: memorysize too small"));
                return Ok(());
            }
            match sysshm::shmget(k, size as usize, flag as c_int | libc::IPC_CREAT | libc::IPC_EXCL) {
                Ok(id) => id,
                Err(e) => {
                    warning(&format!("Failed for key 0x{xkey:x}: {}", error::strerror(e)));
                    return Ok(());
                }
            }
        }
    };
    let seg = match Attachment::attach(id) {
        Ok(s) => s,
        Err(e) => {
            warning(&format!("Failed for key 0x{xkey:x}: {}", error::strerror(e)));
            return Ok(());
        }
    };
    let buf = seg.bytes();
    if !layout::has_magic(buf) {
        // A segment too small for the header (created by something else).
        if layout::init(buf, size as usize).is_err() {
            warning(&format!("Failed for key 0x{xkey:x}: memorysize too small"));
            return Ok(());
        }
    } else if layout::header(buf).is_err() {
        warning(&format!("Failed for key 0x{xkey:x}: segment header is corrupted"));
        return Ok(());
    }
    let s = class::instantiate::<SysvSharedMemory>(rv);
    s.key = k;
    s.id = id as i64;
    s.seg = Some(Rc::new(seg));
    Ok(())
}

fn shm_detach(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let (_, s) = shm_obj(a, 0)?;
    if s.seg.is_none() {
        return Err(destroyed());
    }
    s.seg = None; // shmdt
    zv::set_bool(rv, true);
    Ok(())
}

fn shm_remove(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let (obj, s) = shm_obj(a, 0)?;
    if s.seg.is_none() {
        return Err(destroyed());
    }
    match sysshm::remove(s.id as i32) {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => {
            // Native prints Z_LVAL_P() of the object zval, i.e. its address.
            warning(&format!(
                "Failed for key 0x{:x}, id {}: {}",
                s.key as u32,
                obj.as_ptr() as usize as i64,
                error::strerror(e)
            ));
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

#[inline]
fn put_result(key: i32, r: Result<(), PutError>, rv: &mut zval) {
    match r {
        Ok(()) => zv::set_bool(rv, true),
        Err(PutError::NoSpace) => {
            warning("Not enough shared memory left");
            zv::set_bool(rv, false);
        }
        Err(PutError::Corrupted) => {
            corrupted(key);
            zv::set_bool(rv, false);
        }
    }
}

fn shm_put_var(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let (obj, s) = shm_obj(a, 0)?;
    let var_key = a.long(1)?;
    let value = a.zval(2);
    if s.seg.is_none() {
        return Err(destroyed());
    }
    // Simple values: serialized straight into the segment, byte-identical
    // to PHP's serializer (no PHP code runs, no temporary buffer).
    if let Some(len) = serialize::simple_len(value) {
        let seg = s.seg.as_ref().ok_or_else(destroyed)?;
        let r = layout::put_with(seg.bytes(), var_key, len, |dst| serialize::write_simple(value, dst));
        put_result(s.key, r, rv);
        return Ok(());
    }
    // Arrays of simple values: serialized here too (no PHP code runs).
    let fast = ARRAY_BUF.with(|cell| {
        let mut buf = cell.borrow_mut();
        buf.clear();
        if !serialize::serialize_array_fast(value, &mut buf) {
            return None;
        }
        let seg = s.seg.as_ref()?;
        let r = layout::put(seg.bytes(), var_key, &buf);
        if buf.capacity() > HINT_LIMIT {
            *buf = Vec::new();
        }
        Some(r)
    });
    if let Some(r) = fast {
        put_result(s.key, r, rv);
        return Ok(());
    }
    // Everything else: PHP's serializer. It may run user code (__sleep,
    // __serialize) which can detach this very segment: native's Error then
    // (chained to an exception the user code threw, if any). Like native, a
    // value whose serialization threw is still stored as far as it got.
    let mut out = SmartStr::with_capacity(SIZE_HINT.get());
    out.serialize(value);
    SIZE_HINT.set((out.len() + out.len() / 8 + 64).min(HINT_LIMIT));
    // Re-read: the serializer above may have run user code.
    let s = class::native_of::<SysvSharedMemory>(obj).unwrap_or(s);
    let Some(seg) = s.seg.as_ref() else {
        return Err(error::error("Shared memory block has been destroyed by the serialization function"));
    };
    let r = layout::put(seg.bytes(), var_key, out.as_mut_bytes());
    put_result(s.key, r, rv);
    Ok(())
}

fn shm_get_var(a: &Args, rv: &mut zval) -> PhpResult {
    let (key, var_key, seg) = var_target(a)?;
    zv::set_bool(rv, false);
    let buf = seg.bytes();
    let chunk = match layout::find(buf, var_key) {
        Ok(Some(c)) => c,
        Ok(None) => {
            warning(&format!("Variable key {var_key} doesn't exist"));
            return Ok(());
        }
        Err(_) => {
            corrupted(key);
            return Ok(());
        }
    };
    let Ok(data) = layout::data(buf, &chunk) else {
        warning("Variable data in shared memory is corrupted");
        return Ok(());
    };
    // Simple values are read straight from the segment (no PHP code runs).
    // (rv holds false, not refcounted: it is simply overwritten.)
    if serialize::unserialize_simple_into(data, rv) || serialize::unserialize_array_fast(data, rv) {
        return Ok(());
    }
    // The unserializer may run user code (autoloaders...) that detaches this
    // segment: our own reference keeps it mapped until the parse is done.
    let keep = Rc::clone(seg);
    let data = layout::data(keep.bytes(), &chunk).unwrap_or_default();
    serialize::unserialize_then(data, |z| match z {
        Some(z) => *rv = z,
        None => warning("Variable data in shared memory is corrupted"),
    });
    drop(keep);
    Ok(())
}

fn shm_has_var(a: &Args, rv: &mut zval) -> PhpResult {
    let (key, var_key, seg) = var_target(a)?;
    match layout::has(seg.bytes(), var_key) {
        Ok(b) => zv::set_bool(rv, b),
        Err(_) => {
            corrupted(key);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

fn shm_remove_var(a: &Args, rv: &mut zval) -> PhpResult {
    let (key, var_key, seg) = var_target(a)?;
    zv::set_bool(rv, false);
    match layout::remove_var(seg.bytes(), var_key) {
        Ok(true) => zv::set_bool(rv, true),
        Ok(false) => warning(&format!("Variable key {var_key} doesn't exist")),
        Err(_) => corrupted(key),
    }
    Ok(())
}
