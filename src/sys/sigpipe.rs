//! Signals delivered to an event loop: a sigaction handler counts each
//! delivery per signal and writes a byte to a non-blocking self-pipe, so a
//! loop blocked in epoll_wait/poll wakes up (libevent's evsig design: every
//! kill() is counted, unlike signalfd, which merges pending signals).
//! The pipe is per process: a forked child creates its own on first use.
//!
//! sigaction stays raw libc: an event may watch any signal number below
//! NSIG, real-time ones included, which nix's `Signal` enum does not hold,
//! and the previous action (whatever another extension installed) must be
//! put back bit for bit.

use super::{last_errno, nix_errno, Errno};
use nix::errno::Errno as NixErrno;
use nix::fcntl::OFlag;
use nix::sys::signal::SigSet;
use nix::unistd;
use parking_lot::Mutex;
use std::os::fd::IntoRawFd;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};

pub const NSIG: usize = 65;

static COUNTS: [AtomicU32; NSIG] = [const { AtomicU32::new(0) }; NSIG];
static ANY: AtomicBool = AtomicBool::new(false);
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);
static READ_FD: AtomicI32 = AtomicI32::new(-1);
static OWNER_PID: AtomicI32 = AtomicI32::new(0);

extern "C" fn handler(sig: libc::c_int) {
    // Async-signal-safe: atomics and write(2) only; errno is preserved.
    let saved = NixErrno::last_raw();
    if (sig as usize) < NSIG {
        COUNTS[sig as usize].fetch_add(1, Ordering::SeqCst);
        ANY.store(true, Ordering::SeqCst);
    }
    let fd = WRITE_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = sig as u8;
        // Raw: nix's write() wants a BorrowedFd, which would need an unsafe
        // borrow all the same.
        // SAFETY: b is one readable byte.
        unsafe { libc::write(fd, &b as *const u8 as *const libc::c_void, 1) };
    }
    NixErrno::set_raw(saved);
}

/// The read end of this process's wake-up pipe (created on first use, and
/// again in a forked child).
pub fn read_fd() -> Result<i32, Errno> {
    let pid = unistd::getpid().as_raw();
    if OWNER_PID.load(Ordering::SeqCst) == pid && READ_FD.load(Ordering::SeqCst) >= 0 {
        return Ok(READ_FD.load(Ordering::SeqCst));
    }
    let (r, w) = unistd::pipe2(OFlag::O_NONBLOCK | OFlag::O_CLOEXEC).map_err(nix_errno)?;
    // The ends live for the rest of the process, as plain numbers the
    // signal handler can read.
    let (r, w) = (r.into_raw_fd(), w.into_raw_fd());
    let old_r = READ_FD.swap(r, Ordering::SeqCst);
    let old_w = WRITE_FD.swap(w, Ordering::SeqCst);
    OWNER_PID.store(pid, Ordering::SeqCst);
    // A parent's pipe inherited over fork is closed in the child only.
    for old in [old_r, old_w] {
        if old >= 0 {
            let _ = unistd::close(old);
        }
    }
    Ok(r)
}

/// Per signal: the action to put back, and how many references (event
/// bases) hold the counting handler. Process-wide, so behind a lock.
struct Saved([Option<libc::sigaction>; NSIG], [u32; NSIG]);
static SAVED: Mutex<Saved> = Mutex::new(Saved([None; NSIG], [0; NSIG]));

/// Takes a reference on the counting handler for `sig` (shared by every
/// event base of the process): the first one installs it and keeps the
/// previous action.
pub fn acquire(sig: i32) -> Result<(), Errno> {
    let s = sig as usize;
    if s >= NSIG {
        return Err(libc::EINVAL);
    }
    let mut g = SAVED.lock();
    if g.1[s] == 0 {
        let old = install(sig)?;
        g.0[s] = Some(old);
    }
    g.1[s] += 1;
    Ok(())
}

/// Drops a reference taken by `acquire`; the last one puts the previous
/// action back.
pub fn release(sig: i32) {
    let s = sig as usize;
    if s >= NSIG {
        return;
    }
    let mut g = SAVED.lock();
    if g.1[s] == 0 {
        return;
    }
    g.1[s] -= 1;
    if g.1[s] == 0 {
        if let Some(old) = g.0[s].take() {
            restore(sig, &old);
        }
    }
}

/// Installs the counting handler for `sig`; returns the previous action.
pub fn install(sig: i32) -> Result<libc::sigaction, Errno> {
    read_fd()?;
    // SAFETY: sigaction is plain data; all zeroes is an empty action.
    let mut sa: libc::sigaction = unsafe { std::mem::zeroed() };
    sa.sa_sigaction = handler as extern "C" fn(libc::c_int) as usize;
    sa.sa_flags = libc::SA_RESTART;
    sa.sa_mask = *SigSet::all().as_ref();
    let mut old = sa;
    // SAFETY: both structs are valid; the handler is async-signal-safe.
    if unsafe { libc::sigaction(sig, &sa, &mut old) } < 0 {
        return Err(last_errno());
    }
    Ok(old)
}

/// Puts back a saved action.
pub fn restore(sig: i32, old: &libc::sigaction) {
    // SAFETY: `old` is an action sigaction() returned for `sig`.
    unsafe { libc::sigaction(sig, old, std::ptr::null_mut()) };
}

/// Drains the pipe (after it polled readable).
pub fn drain() {
    let fd = READ_FD.load(Ordering::SeqCst);
    if fd < 0 {
        return;
    }
    let mut buf = [0u8; 256];
    while let Ok(1..) = unistd::read(fd, &mut buf) {}
}

/// Whether any signal was counted since the last `take_all`.
pub fn any() -> bool {
    ANY.load(Ordering::SeqCst)
}

/// Takes the count of deliveries of `sig`.
pub fn take(sig: i32) -> u32 {
    COUNTS.get(sig as usize).map_or(0, |c| c.swap(0, Ordering::SeqCst))
}

pub fn clear_any() {
    ANY.store(false, Ordering::SeqCst);
}

static FORK_GEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static ATFORK: std::sync::Once = std::sync::Once::new();

extern "C" fn after_fork_child() {
    FORK_GEN.fetch_add(1, Ordering::SeqCst);
}

/// Counts forks (pthread_atfork child handler, registered once), so an event
/// base can tell that its kernel objects are shared with a parent process.
pub fn fork_generation() -> u64 {
    // Raw: nix has no pthread_atfork binding.
    // SAFETY: the child handler only bumps an atomic.
    ATFORK.call_once(|| unsafe {
        libc::pthread_atfork(None, None, Some(after_fork_child));
    });
    FORK_GEN.load(Ordering::SeqCst)
}
