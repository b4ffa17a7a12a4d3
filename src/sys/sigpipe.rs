//! Signals delivered to an event loop: a sigaction handler counts each
//! delivery per signal and writes a byte to a non-blocking self-pipe, so a
//! loop blocked in epoll_wait/poll wakes up (libevent's evsig design: every
//! kill() is counted, unlike signalfd, which merges pending signals).
//! The pipe is per process: a forked child creates its own on first use.

use super::{last_errno, Errno};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};

pub const NSIG: usize = 65;

static COUNTS: [AtomicU32; NSIG] = [const { AtomicU32::new(0) }; NSIG];
static ANY: AtomicBool = AtomicBool::new(false);
static WRITE_FD: AtomicI32 = AtomicI32::new(-1);
static READ_FD: AtomicI32 = AtomicI32::new(-1);
static OWNER_PID: AtomicI32 = AtomicI32::new(0);

extern "C" fn handler(sig: libc::c_int) {
    // Async-signal-safe: atomics and write(2) only; errno is preserved.
    let saved = unsafe { *libc::__errno_location() };
    if (sig as usize) < NSIG {
        COUNTS[sig as usize].fetch_add(1, Ordering::SeqCst);
        ANY.store(true, Ordering::SeqCst);
    }
    let fd = WRITE_FD.load(Ordering::SeqCst);
    if fd >= 0 {
        let b = sig as u8;
        unsafe { libc::write(fd, &b as *const u8 as *const libc::c_void, 1) };
    }
    unsafe { *libc::__errno_location() = saved };
}

/// The read end of this process's wake-up pipe (created on first use, and
/// again in a forked child).
pub fn read_fd() -> Result<i32, Errno> {
    let pid = unsafe { libc::getpid() };
    if OWNER_PID.load(Ordering::SeqCst) == pid && READ_FD.load(Ordering::SeqCst) >= 0 {
        return Ok(READ_FD.load(Ordering::SeqCst));
    }
    let mut fds = [0i32; 2];
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) } < 0 {
        return Err(last_errno());
    }
    let old_r = READ_FD.swap(fds[0], Ordering::SeqCst);
    let old_w = WRITE_FD.swap(fds[1], Ordering::SeqCst);
    OWNER_PID.store(pid, Ordering::SeqCst);
    // A parent's pipe inherited over fork is closed in the child only.
    if old_r >= 0 {
        unsafe { libc::close(old_r) };
    }
    if old_w >= 0 {
        unsafe { libc::close(old_w) };
    }
    Ok(fds[0])
}

struct Saved([Option<libc::sigaction>; NSIG], [u32; NSIG]);
// SAFETY: sigaction is plain data; access is serialised by the mutex.
unsafe impl Send for Saved {}
static SAVED: std::sync::Mutex<Saved> = std::sync::Mutex::new(Saved([None; NSIG], [0; NSIG]));

/// Takes a reference on the counting handler for `sig` (shared by every
/// event base of the process): the first one installs it and keeps the
/// previous action.
pub fn acquire(sig: i32) -> Result<(), Errno> {
    let s = sig as usize;
    if s >= NSIG {
        return Err(libc::EINVAL);
    }
    let mut g = SAVED.lock().unwrap_or_else(|e| e.into_inner());
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
    let mut g = SAVED.lock().unwrap_or_else(|e| e.into_inner());
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
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler as extern "C" fn(libc::c_int) as usize;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigfillset(&mut sa.sa_mask);
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, &sa, &mut old) < 0 {
            return Err(last_errno());
        }
        Ok(old)
    }
}

/// Puts back a saved action.
pub fn restore(sig: i32, old: &libc::sigaction) {
    unsafe { libc::sigaction(sig, old, std::ptr::null_mut()) };
}

/// Drains the pipe (after it polled readable).
pub fn drain() {
    let fd = READ_FD.load(Ordering::SeqCst);
    if fd < 0 {
        return;
    }
    let mut buf = [0u8; 256];
    loop {
        let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
        if n <= 0 {
            break;
        }
    }
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
    ATFORK.call_once(|| unsafe {
        libc::pthread_atfork(None, None, Some(after_fork_child));
    });
    FORK_GEN.load(Ordering::SeqCst)
}
