//! poll(2) and select(2) over caller-owned descriptor sets.
//!
//! Raw libc: nix's `PollFd` and `FdSet` hold `BorrowedFd`s, while these sets
//! hold PHP's descriptors as plain numbers; borrowing each would take one
//! unsafe block per descriptor instead of one per call.

use super::{last_errno, Errno};

pub type PollFd = libc::pollfd;

pub fn poll(fds: &mut [PollFd], timeout_ms: i32) -> Result<usize, Errno> {
    // SAFETY: fds is a valid, writable array of pollfd.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout_ms) };
    if n < 0 {
        Err(last_errno())
    } else {
        Ok(n as usize)
    }
}

/// A growable fd_set (the kernel accepts sets larger than FD_SETSIZE).
#[derive(Clone, Default)]
pub struct FdSet(pub Vec<u64>);

impl FdSet {
    pub fn with_max(maxfd: i32) -> FdSet {
        let words = ((maxfd as usize) / 64 + 1).max(16);
        FdSet(vec![0; words])
    }
    pub fn set(&mut self, fd: i32) {
        self.0[fd as usize / 64] |= 1 << (fd as usize % 64);
    }
    pub fn is_set(&self, fd: i32) -> bool {
        self.0.get(fd as usize / 64).is_some_and(|w| w & (1 << (fd as usize % 64)) != 0)
    }
}

/// select(nfds, r, w, NULL, timeout); `timeout_us` < 0 blocks forever.
pub fn select(nfds: i32, r: &mut FdSet, w: &mut FdSet, timeout_us: i64) -> Result<usize, Errno> {
    let mut tv =
        libc::timeval { tv_sec: (timeout_us.max(0) / 1_000_000) as _, tv_usec: (timeout_us.max(0) % 1_000_000) as _ };
    let tvp = if timeout_us < 0 { std::ptr::null_mut() } else { &mut tv as *mut libc::timeval };
    assert!(r.0.len() * 64 >= nfds as usize && w.0.len() * 64 >= nfds as usize);
    // SAFETY: both sets hold at least nfds bits.
    let n = unsafe {
        libc::select(
            nfds,
            r.0.as_mut_ptr() as *mut libc::fd_set,
            w.0.as_mut_ptr() as *mut libc::fd_set,
            std::ptr::null_mut(),
            tvp,
        )
    };
    if n < 0 {
        Err(last_errno())
    } else {
        Ok(n as usize)
    }
}
