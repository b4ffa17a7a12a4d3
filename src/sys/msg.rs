//! System V message queues: msgget, msgsnd, msgrcv, msgctl (raw libc: nix has no
//! System V IPC).
//!
//! A message buffer is `[mtype: c_long][mtext...]` in one contiguous slice, as
//! the kernel reads and writes it.

use super::{last_errno, Errno};

pub const HEADER: usize = std::mem::size_of::<libc::c_long>();

pub fn msgget(key: libc::key_t, flags: i32) -> Result<i32, Errno> {
    let id = unsafe { libc::msgget(key, flags) };
    if id < 0 {
        Err(last_errno())
    } else {
        Ok(id)
    }
}

/// Writes `mtype` into the first HEADER bytes of `buf` and sends the rest.
pub fn msgsnd(id: i32, buf: &mut [u8], mtype: i64, flags: i32) -> Result<(), Errno> {
    assert!(buf.len() >= HEADER);
    buf[..HEADER].copy_from_slice(&(mtype as libc::c_long).to_ne_bytes());
    // SAFETY: buf holds HEADER + (len - HEADER) readable bytes.
    let r = unsafe { libc::msgsnd(id, buf.as_ptr() as *const libc::c_void, buf.len() - HEADER, flags) };
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// Receives into `buf` (capacity `buf.len() - HEADER` bytes of text).
/// Returns the message type and the text length.
pub fn msgrcv(id: i32, buf: &mut [u8], msgtyp: i64, flags: i32) -> Result<(i64, usize), Errno> {
    assert!(buf.len() >= HEADER);
    // SAFETY: the kernel writes at most HEADER + (len - HEADER) bytes.
    let r = unsafe {
        libc::msgrcv(id, buf.as_mut_ptr() as *mut libc::c_void, buf.len() - HEADER, msgtyp as libc::c_long, flags)
    };
    if r < 0 {
        return Err(last_errno());
    }
    let mut t = [0u8; HEADER];
    t.copy_from_slice(&buf[..HEADER]);
    Ok((libc::c_long::from_ne_bytes(t), r as usize))
}

pub fn stat(id: i32) -> Result<libc::msqid_ds, Errno> {
    let mut ds: libc::msqid_ds = unsafe { std::mem::zeroed() };
    if unsafe { libc::msgctl(id, libc::IPC_STAT, &mut ds) } < 0 {
        Err(last_errno())
    } else {
        Ok(ds)
    }
}

pub fn set(id: i32, ds: &mut libc::msqid_ds) -> Result<(), Errno> {
    if unsafe { libc::msgctl(id, libc::IPC_SET, ds) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

pub fn remove(id: i32) -> Result<(), Errno> {
    if unsafe { libc::msgctl(id, libc::IPC_RMID, std::ptr::null_mut()) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}
