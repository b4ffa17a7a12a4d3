//! Deadlines for blocking System V calls that have no timeout of their own
//! (msgrcv, msgsnd): a per-thread POSIX timer sends a dedicated real-time
//! signal to this thread at the deadline, which makes the blocked call
//! return EINTR. The thread sleeps in the kernel until then: no polling.
//!
//! - The signal is [`deadline_signal`] (SIGRTMAX-2); its handler does
//!   nothing. It is installed with SA_RESTART: the SysV IPC calls are never
//!   restarted after a handler whatever the flag (signal(7)), while every
//!   other call a stray signal could hit is.
//! - The timer repeats every millisecond after the deadline: a signal that
//!   lands between the caller's deadline check and its entry into the
//!   blocking call is followed by another one.
//! - Timers are not inherited across fork: the timer is re-created in a
//!   child. The signal is unblocked for the time of the wait (a script may
//!   have blocked everything with pcntl_sigprocmask).
//! - SIGALRM and SIGPROF (PHP's max_execution_time) are left alone.

use super::{last_errno, Errno};
use std::cell::Cell;
use std::time::Duration;

/// Re-fire period once the deadline passed (see the module notes).
const REPEAT: Duration = Duration::from_millis(1);

/// The real-time signal the deadline timer sends.
pub fn deadline_signal() -> i32 {
    libc::SIGRTMAX() - 2
}

/// CLOCK_MONOTONIC now, as a duration since an arbitrary origin.
pub fn monotonic_now() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid, writable timespec; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn timespec(d: Duration) -> libc::timespec {
    libc::timespec { tv_sec: d.as_secs() as libc::time_t, tv_nsec: d.subsec_nanos() as libc::c_long }
}

extern "C" fn on_deadline(_sig: libc::c_int) {
    // Nothing: being delivered is the point (the blocked call returns EINTR).
}

/// Installs the no-op handler unless it is already in place (pcntl_signal()
/// may have replaced it since).
fn ensure_handler(sig: i32) -> Result<(), Errno> {
    // SAFETY: sigaction with valid pointers to zeroed/initialised structs.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut old) < 0 {
            return Err(last_errno());
        }
        if old.sa_sigaction == on_deadline as *const () as libc::sighandler_t {
            return Ok(());
        }
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = on_deadline as *const () as libc::sighandler_t;
        act.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut act.sa_mask);
        if libc::sigaction(sig, &act, std::ptr::null_mut()) < 0 {
            return Err(last_errno());
        }
    }
    Ok(())
}

thread_local! {
    /// This thread's timer and the process it was created in.
    static TIMER: Cell<Option<(u32, usize)>> = const { Cell::new(None) };
}

fn thread_timer(sig: i32) -> Result<libc::timer_t, Errno> {
    let pid = std::process::id();
    if let Some((p, t)) = TIMER.with(Cell::get) {
        if p == pid {
            return Ok(t as libc::timer_t);
        }
    }
    // SAFETY: sev is a zeroed sigevent with the fields SIGEV_THREAD_ID reads
    // set; id receives the new timer.
    unsafe {
        let mut sev: libc::sigevent = std::mem::zeroed();
        sev.sigev_notify = libc::SIGEV_THREAD_ID;
        sev.sigev_signo = sig;
        sev.sigev_notify_thread_id = libc::gettid();
        let mut id: libc::timer_t = std::ptr::null_mut();
        if libc::timer_create(libc::CLOCK_MONOTONIC, &mut sev, &mut id) < 0 {
            return Err(last_errno());
        }
        TIMER.with(|c| c.set(Some((pid, id as usize))));
        Ok(id)
    }
}

/// The armed deadline timer; disarmed (and the signal mask restored) on drop.
pub struct Armed {
    timer: libc::timer_t,
    old_mask: libc::sigset_t,
}

/// Arms this thread's timer to signal it at `deadline` (a [`monotonic_now`]
/// time), then every millisecond until the returned guard is dropped.
pub fn arm(deadline: Duration) -> Result<Armed, Errno> {
    let sig = deadline_signal();
    ensure_handler(sig)?;
    let timer = thread_timer(sig)?;
    // SAFETY: plain libc calls on valid, initialised structures.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        let mut old_mask: libc::sigset_t = std::mem::zeroed();
        let e = libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, &mut old_mask);
        if e != 0 {
            return Err(e);
        }
        let spec = libc::itimerspec { it_interval: timespec(REPEAT), it_value: timespec(deadline) };
        if libc::timer_settime(timer, libc::TIMER_ABSTIME, &spec, std::ptr::null_mut()) < 0 {
            let e = last_errno();
            libc::pthread_sigmask(libc::SIG_SETMASK, &old_mask, std::ptr::null_mut());
            return Err(e);
        }
        Ok(Armed { timer, old_mask })
    }
}

impl Drop for Armed {
    fn drop(&mut self) {
        // SAFETY: the timer exists in this process; zero disarms it. A signal
        // already generated is delivered when this call returns (it targets
        // this thread and is unblocked), so none is left pending after it.
        unsafe {
            let zero = libc::itimerspec { it_interval: timespec(Duration::ZERO), it_value: timespec(Duration::ZERO) };
            libc::timer_settime(self.timer, 0, &zero, std::ptr::null_mut());
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.old_mask, std::ptr::null_mut());
        }
    }
}
