//! System V semaphore sets: semget, semop, semctl (raw libc: nix has no
//! System V IPC).

use super::{last_errno, Errno};

/// One `struct sembuf` operation.
pub fn op(num: u16, op: i16, flags: i32) -> libc::sembuf {
    libc::sembuf { sem_num: num, sem_op: op, sem_flg: flags as libc::c_short }
}

pub fn semget(key: libc::key_t, nsems: i32, flags: i32) -> Result<i32, Errno> {
    let id = unsafe { libc::semget(key, nsems, flags) };
    if id < 0 {
        Err(last_errno())
    } else {
        Ok(id)
    }
}

/// Performs `ops` atomically.
pub fn semop(id: i32, ops: &mut [libc::sembuf]) -> Result<(), Errno> {
    // SAFETY: ops points to ops.len() valid sembufs.
    if unsafe { libc::syscall(libc::SYS_semop, id, ops.as_mut_ptr(), ops.len()) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// semctl(GETVAL).
pub fn getval(id: i32, num: i32) -> Result<i32, Errno> {
    let r = unsafe { libc::semctl(id, num, libc::GETVAL) };
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(r)
    }
}

/// semctl(SETVAL) with `union semun { int val; ... }` passed by value (Linux).
pub fn setval(id: i32, num: i32, val: i32) -> Result<(), Errno> {
    // The union is pointer-sized; its `val` member is the low int. Passing a
    // c_ulong with the int's bits is what a by-value union semun is on the
    // x86-64/aarch64 ABIs (integer class, one register).
    let arg = val as u32 as libc::c_ulong;
    if unsafe { libc::semctl(id, num, libc::SETVAL, arg) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// semctl(IPC_STAT): whether the set still exists (and is readable).
pub fn stat(id: i32) -> Result<libc::semid_ds, Errno> {
    let mut ds: libc::semid_ds = unsafe { std::mem::zeroed() };
    let arg = &mut ds as *mut libc::semid_ds;
    if unsafe { libc::semctl(id, 0, libc::IPC_STAT, arg) } < 0 {
        Err(last_errno())
    } else {
        Ok(ds)
    }
}

pub fn remove(id: i32) -> Result<(), Errno> {
    if unsafe { libc::semctl(id, 0, libc::IPC_RMID, 0 as libc::c_ulong) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// semtimedop: performs `ops` atomically, waiting at most `timeout`.
/// EAGAIN when the time ran out.
pub fn semtimedop(id: i32, ops: &mut [libc::sembuf], timeout: std::time::Duration) -> Result<(), Errno> {
    let ts =
        libc::timespec { tv_sec: timeout.as_secs() as libc::time_t, tv_nsec: timeout.subsec_nanos() as libc::c_long };
    // SAFETY: ops points to ops.len() valid sembufs; ts is a valid timespec.
    if unsafe { libc::syscall(libc::SYS_semtimedop, id, ops.as_mut_ptr(), ops.len(), &ts as *const libc::timespec) } < 0
    {
        Err(last_errno())
    } else {
        Ok(())
    }
}
