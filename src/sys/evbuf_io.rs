//! The descriptor calls and the lock behind EventBuffer.

use parking_lot::lock_api::RawReentrantMutex as RawReentrant;
use parking_lot::{RawMutex, RawThreadId};
use std::cell::Cell;

/// FIONREAD: the bytes waiting on `fd`, or -1.
pub fn readable_bytes(fd: i32) -> i32 {
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int through the pointer.
    if unsafe { libc::ioctl(fd, libc::FIONREAD, &mut n) } < 0 {
        return -1;
    }
    n
}

/// read(2) into `buf`: the count, or -1.
pub fn read(fd: i32, buf: &mut [u8]) -> isize {
    // SAFETY: buf is valid for buf.len() writable bytes.
    unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) }
}

/// writev(2) of `parts`: the count, or -1.
pub fn writev(fd: i32, parts: &[&[u8]]) -> isize {
    let to_iov = |p: &&[u8]| libc::iovec { iov_base: p.as_ptr() as *mut libc::c_void, iov_len: p.len() };
    // The usual one or two parts go on the stack (no allocation per write).
    let mut small = [libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }; SMALL_IOV];
    let heap: Vec<libc::iovec>;
    let iov: &[libc::iovec] = if parts.len() <= SMALL_IOV {
        for (d, p) in small.iter_mut().zip(parts) {
            *d = to_iov(p);
        }
        &small[..parts.len()]
    } else {
        heap = parts.iter().map(to_iov).collect();
        &heap
    };
    // SAFETY: every iovec points into a live slice of its length.
    unsafe { libc::writev(fd, iov.as_ptr(), iov.len() as libc::c_int) }
}

/// How many parts writev() gathers without allocating.
pub const SMALL_IOV: usize = 8;

/// A re-entrant lock taken and released by separate calls
/// (EventBuffer::lock()/unlock()); unlocking more often than locking does
/// nothing, and a dropped lock is released.
pub struct BufferLock {
    raw: RawReentrant<RawMutex, RawThreadId>,
    depth: Cell<usize>,
}

impl Default for BufferLock {
    fn default() -> Self {
        BufferLock { raw: RawReentrant::INIT, depth: Cell::new(0) }
    }
}

impl BufferLock {
    pub fn lock(&self) {
        self.raw.lock();
        self.depth.set(self.depth.get() + 1);
    }
    pub fn unlock(&self) {
        if self.depth.get() > 0 {
            self.depth.set(self.depth.get() - 1);
            // SAFETY: this thread holds the lock (depth counts its holds; the
            // lock is not Sync, so no other thread can have taken it).
            unsafe { self.raw.unlock() };
        }
    }
}

impl Drop for BufferLock {
    fn drop(&mut self) {
        while self.depth.get() > 0 {
            self.unlock();
        }
    }
}
