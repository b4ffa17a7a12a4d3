//! ext/shmop: System V shared memory read and written as raw bytes.
//!
//! Same functions, class, texts and kernel calls as native shmop, so a
//! segment opened by a native-PHP process and by php-ipc is one memory.
//! Beyond native: every access is checked against the attached mapping (it
//! can never fault), and an access to a segment another process removed
//! warns (docs/shmop.md).

use crate::native_class;
use crate::php::class::{self, ACC_FINAL, ACC_NOT_SERIALIZABLE, ACC_NO_DYNAMIC_PROPERTIES};
use crate::php::error::{self, warning, PhpResult};
use crate::php::func::{self, ACC_DEPRECATED};
use crate::php::module::Group;
use crate::php::types::{Type, MAY_BE_FALSE};
use crate::php::{version, zv, Args, FnDef};
use crate::sys::shm as sysshm;
use crate::sys::shmop::{self as seg, Mapping};
use ext_php_rs::ffi::zval;
use std::cell::RefCell;
use std::os::raw::c_int;
use std::time::{Duration, Instant};

pub static GROUP: Group = Group {
    name: c"shmop",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("shmop support".into(), "enabled".into())],
};

/// Native's `php_shmop`. `map` is None only for an object that shmop_open
/// never filled (it cannot be constructed otherwise).
#[derive(Default)]
pub struct Shmop {
    shmid: i32,
    map: Option<Mapping>,
    /// The segment is known to be marked for removal (removal is final).
    removed: bool,
    /// When the kernel was last asked whether the segment was removed.
    checked_at: Option<Instant>,
}

/// How often an object asks the kernel whether its segment was removed.
/// A system call costs ~0.5 µs on a VM, several times a small read itself,
/// so the check is rate-limited: a removal is noticed within this delay.
const REMOVAL_CHECK_INTERVAL: Duration = Duration::from_millis(1);
native_class!(Shmop, c"Shmop", no_construct = c"Cannot directly construct Shmop, use shmop_open() instead");

const SHMOP: Type = Type::class(c"Shmop");

fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"shmop_open", crate::handler!(shmop_open))
            .arg(c"key", Type::INT)
            .arg(c"mode", Type::STRING)
            .arg(c"permissions", Type::INT)
            .arg(c"size", Type::INT)
            .ret(SHMOP.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"shmop_read", crate::handler!(shmop_read))
            .arg(c"shmop", SHMOP)
            .arg(c"offset", Type::INT)
            .arg(c"size", Type::INT)
            .ret(Type::STRING),
        FnDef::new(c"shmop_close", crate::handler!(shmop_close))
            .arg(c"shmop", SHMOP)
            .ret(Type::VOID)
            .flags(ACC_DEPRECATED),
        FnDef::new(c"shmop_size", crate::handler!(shmop_size)).arg(c"shmop", SHMOP).ret(Type::INT),
        FnDef::new(c"shmop_write", crate::handler!(shmop_write))
            .arg(c"shmop", SHMOP)
            .arg(c"data", Type::STRING)
            .arg(c"offset", Type::INT)
            .ret(Type::INT),
        FnDef::new(c"shmop_delete", crate::handler!(shmop_delete)).arg(c"shmop", SHMOP).ret(Type::BOOL),
    ]
}

fn startup(_num: c_int) -> bool {
    // SAFETY: called from the group's MINIT.
    unsafe {
        class::register::<Shmop>(
            std::ptr::null(),
            std::ptr::null_mut(),
            ACC_FINAL | ACC_NO_DYNAMIC_PROPERTIES | ACC_NOT_SERIALIZABLE,
        );
        if version::DEPRECATED_ATTRIBUTE {
            func::add_deprecated_attribute(c"shmop_close", "8.0", "as Shmop objects are freed automatically");
        }
    }
    true
}

thread_local! {
    /// Segments this process marked for removal (with the pid that did it,
    /// so a forked child does not count its parent's removals as its own).
    static REMOVED_HERE: RefCell<(u32, Vec<i32>)> = const { RefCell::new((0, Vec::new())) };
}

fn removed_here(shmid: i32) -> bool {
    let pid = std::process::id();
    REMOVED_HERE.with(|r| {
        let r = r.borrow();
        r.0 == pid && r.1.contains(&shmid)
    })
}

fn note_removed_here(shmid: i32) {
    let pid = std::process::id();
    REMOVED_HERE.with(|r| {
        let mut r = r.borrow_mut();
        if r.0 != pid {
            *r = (pid, Vec::new());
        }
        if !r.1.contains(&shmid) {
            r.1.push(shmid);
        }
    });
}

impl Shmop {
    fn size(&self) -> usize {
        self.map.as_ref().map_or(0, Mapping::len)
    }

    /// Beyond native: warns when another process removed the segment (its
    /// memory now lives only as long as the attachments). Removal cannot be
    /// undone, so once seen it is not asked again.
    fn check_not_removed(&mut self) {
        if !self.removed {
            let now = Instant::now();
            if self.checked_at.is_none_or(|t| now.duration_since(t) >= REMOVAL_CHECK_INTERVAL) {
                self.checked_at = Some(now);
                self.removed = seg::stat(self.shmid).is_ok_and(|i| i.removed);
            }
        }
        if self.removed && !removed_here(self.shmid) {
            warning("Shared memory segment was removed by another process");
        }
    }
}

fn shmop_open(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 4)?;
    let key = a.long(0)?;
    let mode = a.bytes(1)?;
    let perms = a.long(2)?;
    let size_arg = a.long(3)?;
    if mode.len() != 1 {
        return Err(error::argument_value_error(2, "must be a valid access mode"));
    }
    // Native creates the object here and releases it on every failure below,
    // which shows in the handles later objects get: do the same.
    let s = class::instantiate::<Shmop>(rv);
    let r = open_into(s, key, mode[0], perms, size_arg);
    if r.is_err() || s.map.is_none() {
        zv::dtor(rv);
        zv::set_bool(rv, false);
    }
    r
}

/// The rest of shmop_open, filling `s`; leaves `s.map` None on failure.
fn open_into(s: &mut Shmop, key: i64, mode: u8, perms: i64, size_arg: i64) -> PhpResult {
    // Native ORs the permissions into shmget's int flags.
    let mut shmflg = perms as c_int;
    let mut read_only = false;
    let mut size = 0i64;
    match mode {
        b'a' => read_only = true,
        b'c' => {
            shmflg |= libc::IPC_CREAT;
            size = size_arg;
        }
        b'n' => {
            shmflg |= libc::IPC_CREAT | libc::IPC_EXCL;
            size = size_arg;
        }
        b'w' => {}
        _ => return Err(error::argument_value_error(2, "must be a valid access mode")),
    }
    if shmflg & libc::IPC_CREAT != 0 && size < 1 {
        return Err(error::argument_value_error(4, "must be greater than 0 for the \"c\" and \"n\" access modes"));
    }
    let shmid = match sysshm::shmget(key as libc::key_t, size as usize, shmflg) {
        Ok(id) => id,
        Err(e) => {
            warning(&format!("Unable to attach or create shared memory segment \"{}\"", error::strerror(e)));
            return Ok(());
        }
    };
    // Native asks IPC_STAT before attaching; its failure has its own text.
    if let Err(e) = seg::stat(shmid) {
        warning(&format!("Unable to get shared memory segment information \"{}\"", error::strerror(e)));
        return Ok(());
    }
    let map = match Mapping::attach(shmid, read_only) {
        Ok(m) => m,
        Err(e) => {
            warning(&format!("Unable to attach to shared memory segment \"{}\"", error::strerror(e)));
            return Ok(());
        }
    };
    if map.len() > i64::MAX as usize {
        return Err(error::argument_value_error(4, "is too large"));
    }
    s.shmid = shmid;
    s.map = Some(map);
    Ok(())
}

fn shmop_read(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let s = a.native::<Shmop>(0)?;
    let start = a.long(1)?;
    let count = a.long(2)?;
    let size = s.size() as i64;
    if start < 0 || start > size {
        return Err(error::argument_value_error(2, "must be between 0 and the segment size"));
    }
    if count < 0 || start > i64::MAX - count || start + count > size {
        return Err(error::argument_value_error(3, "is out of range"));
    }
    s.check_not_removed();
    // 0 reads to the end. (Native keeps this length in an int, which
    // truncates reads of 2 GiB or more; here it is the full length.)
    let len = if count != 0 { count } else { size - start } as usize;
    let mut out = zv::StrBuf::new(len);
    if let Some(m) = s.map.as_ref() {
        // The bounds were checked above against the same mapping length.
        let _ = out.fill(|dst| m.read(start as usize, dst).map(|got| (got, ())).ok_or(()));
    }
    out.set(rv);
    Ok(())
}

fn shmop_close(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    a.native::<Shmop>(0)?;
    Ok(())
}

fn shmop_size(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = a.native::<Shmop>(0)?;
    zv::set_long(rv, s.size() as i64);
    Ok(())
}

fn shmop_write(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let s = a.native::<Shmop>(0)?;
    let data = a.bytes(1)?;
    let offset = a.long(2)?;
    if s.map.as_ref().is_some_and(Mapping::read_only) {
        return Err(error::error("Read-only segment cannot be written"));
    }
    let size = s.size() as i64;
    if offset < 0 || offset > size {
        return Err(error::argument_value_error(3, "is out of range"));
    }
    s.check_not_removed();
    let n = (data.len() as i64).min(size - offset) as usize;
    if let Some(m) = s.map.as_ref() {
        m.write(offset as usize, &data[..n]);
    }
    zv::set_long(rv, n as i64);
    Ok(())
}

fn shmop_delete(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = a.native::<Shmop>(0)?;
    if sysshm::remove(s.shmid).is_err() {
        warning("Can't mark segment for deletion (are you the owner?)");
        zv::set_bool(rv, false);
        return Ok(());
    }
    note_removed_here(s.shmid);
    s.removed = true;
    zv::set_bool(rv, true);
    Ok(())
}
