//! `Ipc\sem_acquire_timeout`: sem_acquire with a deadline, on semtimedop.
//! Same operation as native sem_acquire (SEM -1 with SEM_UNDO on the key's
//! 3-semaphore set), so native processes using the same key interoperate.

use super::{SysvSemaphore, SEM_UNDO, SYSVSEM_SEM};
use crate::ipc_ns::{self, Timeout};
use crate::php::class::NativeClass;
use crate::php::error::{self, warning, PhpResult};
use crate::php::{zv, Args};
use crate::sys::sem::{self as syssem, op};
use crate::sys::timer::monotonic_now;
use ext_php_rs::ffi::zval;

pub(crate) fn sem_acquire_timeout(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    if !SysvSemaphore::slot().registered() {
        return Err(ipc_ns::group_deferred("sysvsem"));
    }
    let s = a.native::<SysvSemaphore>(0)?;
    let timeout = ipc_ns::timeout(2, a.double(1)?)?;
    zv::set_bool(rv, false);
    match acquire(s.semid, timeout) {
        Ok(()) => {
            s.adopt();
            s.count += 1;
            zv::set_bool(rv, true);
        }
        // The deadline passed (or, with 0, the one try failed): no warning.
        Err(libc::EAGAIN) => {}
        Err(e) => warning(&format!("Failed to acquire key 0x{:x}: {}", s.key as u32, error::strerror(e))),
    }
    Ok(())
}

/// SEM -1 (SEM_UNDO) within `timeout`. A signal that interrupts the wait is
/// handled as native sem_acquire handles it: the wait goes on (for the time
/// left), and PHP's handlers run once the call returns.
fn acquire(semid: i32, timeout: Timeout) -> Result<(), i32> {
    let Timeout::Within(limit) = timeout else {
        return syssem::semop(semid, &mut [op(SYSVSEM_SEM, -1, SEM_UNDO | libc::IPC_NOWAIT)]);
    };
    let deadline = monotonic_now() + limit;
    loop {
        let left = deadline.saturating_sub(monotonic_now());
        let r = if left.is_zero() {
            syssem::semop(semid, &mut [op(SYSVSEM_SEM, -1, SEM_UNDO | libc::IPC_NOWAIT)])
        } else {
            syssem::semtimedop(semid, &mut [op(SYSVSEM_SEM, -1, SEM_UNDO)], left)
        };
        match r {
            Err(libc::EINTR) => continue,
            r => return r,
        }
    }
}
