//! ext/sysvsem: System V semaphores, with native PHP's protocol.
//!
//! Each key is a set of three semaphores, used exactly as the C extension
//! uses them so native-PHP and php-ipc processes share one lock:
//! 0 (SEM) the semaphore itself, initialised to max_acquire; 1 (USAGE) the
//! number of processes that called sem_get; 2 (SETVAL) a guard around
//! "read USAGE, maybe SETVAL SEM". Every operation carries SEM_UNDO, as native.

use crate::native_class;
use crate::php::class::{self, ACC_FINAL, ACC_NOT_SERIALIZABLE, ACC_NO_DYNAMIC_PROPERTIES};
use crate::php::error::{self, warning, PhpResult};
use crate::php::module::Group;
use crate::php::types::{Type, MAY_BE_FALSE};
use crate::php::{zv, Args, FnDef};
use crate::sys::fork;
use crate::sys::sem::{self as syssem, op};
use ext_php_rs::ffi::zval;
use std::os::raw::c_int;

pub(crate) mod timed;

pub static GROUP: Group = Group {
    name: c"sysvsem",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("sysvsem support".into(), "enabled".into())],
};

const SYSVSEM_SEM: u16 = 0;
const SYSVSEM_USAGE: u16 = 1;
const SYSVSEM_SETVAL: u16 = 2;
const SEM_UNDO: i32 = libc::SEM_UNDO;

/// Native's `sysvsem_sem`: `count` is how many times this object acquired
/// (-1 once sem_remove succeeded).
///
/// Beyond native, the object knows which process its usage count and its
/// acquisitions belong to (docs/sysvsem-sysvshm.md, "Fork"): `got_in` is
/// the fork generation of the sem_get, `used_in` the generation in which
/// `count - inherited` acquisitions were made.
#[derive(Default)]
pub struct SysvSemaphore {
    key: i32,
    semid: i32,
    count: i32,
    auto_release: bool,
    got_in: u64,
    used_in: u64,
    inherited: i32,
}

impl SysvSemaphore {
    /// Called before this process changes `count`: in a process that
    /// inherited the object across fork, the acquisitions so far are the
    /// parent's (its SEM_UNDO gives them back, not ours).
    fn adopt(&mut self) {
        let now = fork::generation();
        if self.used_in != now {
            self.used_in = now;
            self.inherited = self.count.max(0);
        }
    }
}
native_class!(
    SysvSemaphore,
    c"SysvSemaphore",
    no_construct = c"Cannot directly construct SysvSemaphore, use sem_get() instead"
);

impl Drop for SysvSemaphore {
    /// Native `sysvsem_free_obj`: on object free (unset, end of request, exit
    /// of a forked child) give back the usage count and every acquisition.
    ///
    /// In a process that inherited the object across fork, only what this
    /// process did is given back: the usage count and the acquisitions made
    /// before the fork are the parent's, undone by the parent (native gives
    /// them back here too, and its semop on a usage count the parent's exit
    /// already brought to 0 blocks forever).
    fn drop(&mut self) {
        if self.count == -1 || !self.auto_release {
            return;
        }
        self.adopt();
        let usage = op(SYSVSEM_USAGE, -1, SEM_UNDO);
        let own = self.count - self.inherited;
        let sem = op(SYSVSEM_SEM, own as i16, SEM_UNDO); // a short, as native truncates it
        let _ = match (self.got_in == fork::generation(), own > 0) {
            (true, true) => syssem::semop(self.semid, &mut [usage, sem]),
            (true, false) => syssem::semop(self.semid, &mut [usage]),
            (false, true) => syssem::semop(self.semid, &mut [sem]),
            (false, false) => return,
        };
    }
}

const SEM: Type = Type::class(c"SysvSemaphore");

fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"sem_get", crate::handler!(sem_get))
            .arg(c"key", Type::INT)
            .opt(c"max_acquire", Type::INT, c"1")
            .opt(c"permissions", Type::INT, c"0666")
            .opt(c"auto_release", Type::BOOL, c"true")
            .ret(SEM.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"sem_acquire", crate::handler!(sem_acquire))
            .arg(c"semaphore", SEM)
            .opt(c"non_blocking", Type::BOOL, c"false")
            .ret(Type::BOOL),
        FnDef::new(c"sem_release", crate::handler!(sem_release)).arg(c"semaphore", SEM).ret(Type::BOOL),
        FnDef::new(c"sem_remove", crate::handler!(sem_remove)).arg(c"semaphore", SEM).ret(Type::BOOL),
    ]
}

fn startup(_num: c_int) -> bool {
    fork::watch();
    unsafe {
        class::register::<SysvSemaphore>(
            std::ptr::null(),
            std::ptr::null_mut(),
            ACC_FINAL | ACC_NO_DYNAMIC_PROPERTIES | ACC_NOT_SERIALIZABLE,
        );
    }
    true
}

fn sem_arg<'a>(a: &Args<'a>, i: u32) -> PhpResult<&'a mut SysvSemaphore> {
    a.native::<SysvSemaphore>(i)
}

/// semop, retried on EINTR as native does.
fn semop_retry(id: i32, ops: &mut [libc::sembuf]) -> Result<(), i32> {
    loop {
        match syssem::semop(id, ops) {
            Err(libc::EINTR) => continue,
            r => return r,
        }
    }
}

fn sem_get(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 4)?;
    let key = a.long(0)?;
    let max_acquire = a.long_or(1, 1)?;
    let perm = a.long_or(2, 0o666)?;
    let auto_release = a.bool_or(3, true)?;
    // Native prints the zend_long key with %lx here, and the key_t with %x later.
    let xkey = key as u64;

    let semid = match syssem::semget(key as libc::key_t, 3, perm as c_int | libc::IPC_CREAT) {
        Ok(id) => id,
        Err(e) => {
            warning(&format!("Failed for key 0x{xkey:x}: {}", error::strerror(e)));
            zv::set_bool(rv, false);
            return Ok(());
        }
    };

    // Wait for SETVAL to be zero, take it, and count ourselves as a user.
    let mut ops = [op(SYSVSEM_SETVAL, 0, 0), op(SYSVSEM_SETVAL, 1, SEM_UNDO), op(SYSVSEM_USAGE, 1, SEM_UNDO)];
    if let Err(e) = semop_retry(semid, &mut ops) {
        warning(&format!("Failed acquiring SYSVSEM_SETVAL for key 0x{xkey:x}: {}", error::strerror(e)));
    }
    // The only user sets the maximum.
    match syssem::getval(semid, SYSVSEM_USAGE as i32) {
        Ok(1) => {
            if let Err(e) = syssem::setval(semid, SYSVSEM_SEM as i32, max_acquire as i32) {
                warning(&format!("Failed for key 0x{xkey:x}: {}", error::strerror(e)));
            }
        }
        Ok(_) => {}
        Err(e) => warning(&format!("Failed for key 0x{xkey:x}: {}", error::strerror(e))),
    }
    let mut ops = [op(SYSVSEM_SETVAL, -1, SEM_UNDO)];
    if let Err(e) = semop_retry(semid, &mut ops) {
        warning(&format!("Failed releasing SYSVSEM_SETVAL for key 0x{xkey:x}: {}", error::strerror(e)));
    }

    let s = class::instantiate::<SysvSemaphore>(rv);
    s.key = key as i32;
    s.semid = semid;
    s.count = 0;
    s.auto_release = auto_release;
    s.got_in = fork::generation();
    s.used_in = s.got_in;
    Ok(())
}

fn semop_php(a: &Args, rv: &mut zval, acquire: bool) -> PhpResult {
    let s = if acquire {
        a.count(1, 2)?;
        let s = sem_arg(a, 0)?;
        let nowait = a.bool_or(1, false)?;
        (s, nowait)
    } else {
        a.count(1, 1)?;
        (sem_arg(a, 0)?, false)
    };
    let (s, nowait) = s;
    if !acquire && s.count == 0 {
        warning(&format!("SysV semaphore for key 0x{:x} is not currently acquired", s.key as u32));
        zv::set_bool(rv, false);
        return Ok(());
    }
    s.adopt();
    let flags = SEM_UNDO | if nowait { libc::IPC_NOWAIT } else { 0 };
    let mut ops = [op(SYSVSEM_SEM, if acquire { -1 } else { 1 }, flags)];
    if let Err(e) = semop_retry(s.semid, &mut ops) {
        if e != libc::EAGAIN {
            warning(&format!(
                "Failed to {} key 0x{:x}: {}",
                if acquire { "acquire" } else { "release" },
                s.key as u32,
                error::strerror(e)
            ));
        }
        zv::set_bool(rv, false);
        return Ok(());
    }
    s.count += if acquire { 1 } else { -1 };
    zv::set_bool(rv, true);
    Ok(())
}

fn sem_acquire(a: &Args, rv: &mut zval) -> PhpResult {
    semop_php(a, rv, true)
}

fn sem_release(a: &Args, rv: &mut zval) -> PhpResult {
    semop_php(a, rv, false)
}

fn sem_remove(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = sem_arg(a, 0)?;
    zv::set_bool(rv, false);
    if syssem::stat(s.semid).is_err() {
        warning(&format!("SysV semaphore for key 0x{:x} does not (any longer) exist", s.key as u32));
        return Ok(());
    }
    if let Err(e) = syssem::remove(s.semid) {
        warning(&format!("Failed for SysV semaphore for key 0x{:x}: {}", s.key as u32, error::strerror(e)));
        return Ok(());
    }
    // The set is gone: nothing to give back when the object is freed.
    s.count = -1;
    zv::set_bool(rv, true);
    Ok(())
}
