//! System V shared memory: shmget, shmat, shmdt, shmctl (raw libc: nix has
//! no System V IPC).
//!
//! An attached segment is an [`Attachment`]: the mapping's address and the
//! segment's real size (from IPC_STAT), so callers only ever see it as a
//! slice of exactly that many bytes.

use super::{last_errno, Errno};

pub fn shmget(key: libc::key_t, size: usize, flags: i32) -> Result<i32, Errno> {
    let id = unsafe { libc::shmget(key, size, flags) };
    if id < 0 {
        Err(last_errno())
    } else {
        Ok(id)
    }
}

/// The size of segment `id` (`shm_segsz`).
pub fn size(id: i32) -> Result<usize, Errno> {
    let mut ds: libc::shmid_ds = unsafe { std::mem::zeroed() };
    if unsafe { libc::shmctl(id, libc::IPC_STAT, &mut ds) } < 0 {
        Err(last_errno())
    } else {
        Ok(ds.shm_segsz as usize)
    }
}

pub fn remove(id: i32) -> Result<(), Errno> {
    if unsafe { libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut()) } < 0 {
        Err(last_errno())
    } else {
        Ok(())
    }
}

/// A mapping of a whole segment into this process.
#[derive(Debug)]
pub struct Attachment {
    ptr: *mut u8,
    len: usize,
}

impl Attachment {
    /// shmat(id) read-write, sized by IPC_STAT.
    pub fn attach(id: i32) -> Result<Attachment, Errno> {
        let p = unsafe { libc::shmat(id, std::ptr::null(), 0) };
        if p as isize == -1 {
            return Err(last_errno());
        }
        match size(id) {
            Ok(len) => Ok(Attachment { ptr: p as *mut u8, len }),
            Err(e) => {
                unsafe { libc::shmdt(p) };
                Err(e)
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The segment's bytes. They are not Rust-owned memory: other processes
    /// (and other attachments in this one) may change them at any time, so
    /// callers treat the content as untrusted (every offset is checked) and
    /// never keep the slice across calls into PHP code.
    #[inline]
    #[allow(clippy::mut_from_ref)]
    pub fn bytes(&self) -> &mut [u8] {
        // SAFETY: shmat mapped at least `len` bytes at `ptr`, and they stay
        // mapped until `self` is dropped (shmdt).
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for Attachment {
    fn drop(&mut self) {
        unsafe { libc::shmdt(self.ptr as *const libc::c_void) };
    }
}
