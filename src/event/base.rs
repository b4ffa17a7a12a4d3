//! An event base without PHP: the core (ipc-core's evloop) plus an I/O
//! backend (epoll, poll or select), signal plumbing and the time cache.

use crate::sys::epoll::{self, Epoll};
use crate::sys::poll::{self as syspoll, FdSet, PollFd};
use crate::sys::sigpipe;
use crate::sys::Errno;
use ipc_core::evloop::{Begin, Core, Ns, EV_ET, EV_READ, EV_WRITE};
use nix::time::{clock_gettime, ClockId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

pub const FEATURE_ET: i64 = 1;
pub const FEATURE_O1: i64 = 2;
pub const FEATURE_FDS: i64 = 4;
pub const FEATURE_EARLY_CLOSE: i64 = 8;

pub const FLAG_NO_CACHE_TIME: i64 = 8;
pub const FLAG_EPOLL_USE_CHANGELIST: i64 = 16;
pub const FLAG_PRECISE_TIMER: i64 = 32;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Method {
    Epoll,
    Poll,
    Select,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Epoll, Method::Poll, Method::Select];
    pub fn name(self) -> &'static str {
        match self {
            Method::Epoll => "epoll",
            Method::Poll => "poll",
            Method::Select => "select",
        }
    }
    pub fn features(self) -> i64 {
        match self {
            Method::Epoll => FEATURE_ET | FEATURE_O1 | FEATURE_EARLY_CLOSE,
            Method::Poll => FEATURE_FDS | FEATURE_EARLY_CLOSE,
            Method::Select => FEATURE_FDS,
        }
    }
}

enum Backend {
    Epoll {
        ep: Epoll,
        regs: Vec<u32>,
        /// Descriptors registered with the kernel (regs entries != 0, plus
        /// the signal pipe): with none, a zero-timeout epoll_wait is skipped.
        live: usize,
        buf: Vec<epoll::Event>,
    },
    /// poll and select share the fd → interest map.
    Poll { want: HashMap<i32, u16>, pfds: Vec<PollFd>, dirty: bool },
}

/// libevent's monotonic clock: CLOCK_MONOTONIC_COARSE (a few ms of
/// resolution) unless the base asked for PRECISE_TIMER, in whole
/// microseconds. Timers added within one tick get the same deadline, and the
/// tick decides which timers are due, so the resolution is part of the
/// behaviour.
fn monotonic(precise: bool) -> Ns {
    let clock = if precise { ClockId::CLOCK_MONOTONIC } else { ClockId::CLOCK_MONOTONIC_COARSE };
    clock_ns(clock) / 1000 * 1000
}

pub fn wall() -> Ns {
    clock_ns(ClockId::CLOCK_REALTIME)
}

/// clock_gettime in ns (these clocks cannot fail on Linux: 0 if they did).
fn clock_ns(clock: ClockId) -> Ns {
    clock_gettime(clock).map_or(0, |ts| ts.tv_sec() * 1_000_000_000 + ts.tv_nsec())
}

/// libevent's max-dispatch settings (event_config_set_max_dispatch_interval).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_interval: Option<Ns>,
    pub max_callbacks: i64,
    pub limit_after_prio: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_interval: None, max_callbacks: i64::MAX, limit_after_prio: i64::MAX }
    }
}

pub struct Shared {
    pub core: Core,
    be: Backend,
    pub method: Method,
    pub flags: i64,
    pub limits: Limits,
    sig_fd: Option<i32>,
    /// Signals this base holds a handler reference for.
    sig_saved: std::collections::HashSet<i32>,
    tv_cache: Option<Ns>,
    clock_diff: Ns,
    pub running: bool,
    pub gotterm: bool,
    pub gotbreak: bool,
    pub cont: bool,
    /// Deferred callbacks activated in this loop iteration (libevent's
    /// n_deferreds_queued, reset at each iteration).
    pub n_deferreds_queued: u32,
    /// Internal events to activate at the next loop iteration, before its
    /// poll (libevent's active_later queue).
    pub active_later: Vec<ipc_core::evloop::EvId>,
    pub freed: bool,
    /// libevent's own warning for the last failed kernel change (epoll_ctl,
    /// sigaction), which PECL shows before its "Failed adding event".
    pub failure: Option<String>,
    /// libevent's warning of a successful change (a second base adding signals).
    pub notice: Option<String>,
    /// sigpipe::fork_generation() when the backend was created: a forked
    /// child shares an epoll instance with its parent until reInit().
    fork_gen: u64,
    /// The handlers of `Kind::Internal` events, by their `user` key.
    /// A slab: key k is at index k - 1 (16 bytes a bufferevent, where a
    /// hash map took about 40).
    internal: Vec<Option<Weak<dyn Internal>>>,
    /// Keys of unregistered handlers, for reuse.
    internal_free: Vec<usize>,
}

/// The owner of `Kind::Internal` events (bufferevents, listeners): the loop
/// calls `fire` for each of its events that becomes active.
pub trait Internal {
    /// Runs for the active event `b`; true when a PHP callback threw (the
    /// loop then stops and the exception reaches loop()'s caller).
    fn fire(&self, sh: &Rc<RefCell<Shared>>, b: &Begin) -> bool;
}

impl Shared {
    pub fn new(method: Method, flags: i64, limits: Limits) -> Result<Shared, Errno> {
        Ok(Shared {
            core: Core::new(1),
            be: Self::backend(method)?,
            method,
            flags,
            limits,
            sig_fd: None,
            sig_saved: std::collections::HashSet::new(),
            tv_cache: None,
            clock_diff: 0,
            running: false,
            gotterm: false,
            gotbreak: false,
            cont: false,
            n_deferreds_queued: 0,
            active_later: Vec::new(),
            freed: false,
            failure: None,
            notice: None,
            fork_gen: sigpipe::fork_generation(),
            internal: Vec::new(),
            internal_free: Vec::new(),
        })
    }

    fn backend(method: Method) -> Result<Backend, Errno> {
        Ok(match method {
            Method::Epoll => {
                Backend::Epoll { ep: Epoll::new()?, regs: Vec::new(), live: 0, buf: vec![epoll::empty_event(); 32] }
            }
            Method::Poll | Method::Select => Backend::Poll { want: HashMap::new(), pfds: Vec::new(), dirty: true },
        })
    }

    pub fn method_name(&self) -> String {
        if self.method == Method::Epoll && self.flags & FLAG_EPOLL_USE_CHANGELIST != 0 {
            "epoll (with changelist)".into()
        } else {
            self.method.name().into()
        }
    }

    // ---- internal events ----

    /// Registers the handler of internal events; the key goes in their `user`.
    pub fn register_internal(&mut self, h: Weak<dyn Internal>) -> usize {
        match self.internal_free.pop() {
            Some(key) => {
                self.internal[key - 1] = Some(h);
                key
            }
            None => {
                self.internal.push(Some(h));
                self.internal.len()
            }
        }
    }

    /// Forgets a handler (its events must be removed from the core first:
    /// the key goes to the next handler registered).
    pub fn unregister_internal(&mut self, key: usize) {
        if let Some(slot) = key.checked_sub(1).and_then(|i| self.internal.get_mut(i)) {
            if slot.take().is_some() {
                self.internal_free.push(key);
            }
        }
    }

    /// The live handler for `key`, if its owner still exists.
    pub fn internal_handler(&self, key: usize) -> Option<Rc<dyn Internal>> {
        self.internal.get(key.checked_sub(1)?)?.as_ref().and_then(Weak::upgrade)
    }

    // ---- time ----
    /// This base's identity for signal ownership (stable: Shared lives in an Rc).
    pub fn addr(&self) -> usize {
        self as *const Shared as usize
    }

    /// event_base_loop's start: a base holding signals takes them over.
    pub fn loop_started(&mut self) {
        super::sigowner::on_loop(self.addr(), self.sig_saved.len());
    }

    fn precise(&self) -> bool {
        self.flags & FLAG_PRECISE_TIMER != 0
    }
    pub fn gettime(&self) -> Ns {
        self.tv_cache.unwrap_or_else(|| monotonic(self.precise()))
    }
    pub fn clear_time_cache(&mut self) {
        self.tv_cache = None;
    }
    pub fn update_time_cache(&mut self) {
        self.tv_cache = None;
        if self.flags & FLAG_NO_CACHE_TIME == 0 {
            self.tv_cache = Some(monotonic(self.precise()));
            self.clock_diff = 0;
        }
    }
    /// event_base_gettimeofday_cached, in nanoseconds of wall time. The
    /// wall/monotonic offset is read when first asked for, not on every
    /// loop iteration.
    pub fn time_of_day_cached(&mut self) -> Ns {
        match self.tv_cache {
            Some(t) => {
                if self.clock_diff == 0 {
                    self.clock_diff = wall() - monotonic(self.precise());
                }
                t + self.clock_diff
            }
            None => wall(),
        }
    }

    // ---- backend synchronisation ----

    /// Applies the core's interest changes to the kernel. Returns the errno
    /// of the first fd that could not be added (its events stay in the core:
    /// the caller deletes them).
    #[inline]
    pub fn sync(&mut self) -> Result<(), (i32, Errno)> {
        // Most calls (timers, persistent events) change nothing.
        if self.core.changed_fds.is_empty() && self.core.changed_sigs.is_empty() {
            return Ok(());
        }
        self.sync_changes()
    }

    #[inline(never)]
    fn sync_changes(&mut self) -> Result<(), (i32, Errno)> {
        let mut result = Ok(());
        if !self.core.changed_fds.is_empty() {
            let changed = std::mem::take(&mut self.core.changed_fds);
            for (fd, inserted) in changed {
                let want = self.core.fd_interest(fd);
                if let Err(e) = self.apply(fd, want, inserted) {
                    if result.is_ok() {
                        result = Err((fd, e));
                    }
                }
            }
        }
        if !self.core.changed_sigs.is_empty() {
            let changed = std::mem::take(&mut self.core.changed_sigs);
            for sig in changed {
                let wanted = self.core.signal_wanted(sig);
                if wanted && !self.sig_saved.contains(&sig) {
                    match sigpipe::acquire(sig) {
                        Ok(()) => {
                            self.sig_saved.insert(sig);
                            let me = self.addr();
                            if let Some(w) = super::sigowner::on_add(me, self.sig_saved.len(), self.method.name()) {
                                self.notice = Some(w);
                            }
                        }
                        Err(e) => {
                            if result.is_ok() {
                                self.failure = Some(format!("sigaction: {}", crate::php::error::strerror(e)));
                                result = Err((-sig, e));
                            }
                        }
                    }
                } else if !wanted && self.sig_saved.remove(&sig) {
                    sigpipe::release(sig);
                    super::sigowner::on_del();
                }
            }
            self.sync_sig_fd();
        }
        result
    }

    fn sync_sig_fd(&mut self) {
        let want = !self.sig_saved.is_empty();
        match (want, self.sig_fd) {
            (true, None) => {
                if let Ok(fd) = sigpipe::read_fd() {
                    self.sig_fd = Some(fd);
                    self.watch_raw(fd, true);
                }
            }
            (false, Some(fd)) => {
                self.watch_raw(fd, false);
                self.sig_fd = None;
            }
            _ => {}
        }
    }

    fn watch_raw(&mut self, fd: i32, on: bool) {
        if self.method == Method::Epoll && self.fork_gen != sigpipe::fork_generation() {
            return;
        }
        match &mut self.be {
            Backend::Epoll { ep, live, .. } => {
                if on {
                    if ep.add(fd, epoll::IN).is_ok() {
                        *live += 1;
                    } else {
                        let _ = ep.modify(fd, epoll::IN);
                    }
                } else if ep.delete(fd).is_ok() {
                    *live = live.saturating_sub(1);
                }
            }
            Backend::Poll { dirty, .. } => *dirty = true,
        }
    }

    fn apply(&mut self, fd: i32, want: u16, inserted: bool) -> Result<(), Errno> {
        if self.method == Method::Epoll && self.fork_gen != sigpipe::fork_generation() {
            // The epoll instance belongs to the parent too: leave it alone
            // (the next dispatch re-creates ours from the core's state).
            return Ok(());
        }
        match &mut self.be {
            Backend::Epoll { ep, regs, live, .. } => {
                let mut bits = 0u32;
                if want & EV_READ != 0 {
                    bits |= epoll::IN;
                }
                if want & EV_WRITE != 0 {
                    bits |= epoll::OUT;
                }
                if bits != 0 && want & EV_ET != 0 {
                    bits |= epoll::ET;
                }
                let f = fd as usize;
                if regs.len() <= f {
                    regs.resize(f + 1, 0);
                }
                let have = regs[f];
                if bits == 0 {
                    if have != 0 {
                        let _ = ep.delete(fd);
                        regs[f] = 0;
                        *live -= 1;
                    }
                    return Ok(());
                }
                if have == bits && !inserted {
                    return Ok(());
                }
                // A new event on an fd: always tell the kernel (the number may
                // belong to a new file since it was registered).
                let r = if have == 0 {
                    ep.add(fd, bits).or_else(|e| if e == libc::EEXIST { ep.modify(fd, bits) } else { Err(e) })
                } else {
                    ep.modify(fd, bits).or_else(|e| if e == libc::ENOENT { ep.add(fd, bits) } else { Err(e) })
                };
                match r {
                    Ok(()) => {
                        if have == 0 {
                            *live += 1;
                        }
                        regs[f] = bits;
                        Ok(())
                    }
                    Err(e) => {
                        if have != 0 {
                            *live -= 1;
                        }
                        regs[f] = 0;
                        self.failure = Some(epoll_failure(have, bits, fd, want, e));
                        Err(e)
                    }
                }
            }
            Backend::Poll { want: map, dirty, .. } => {
                if want & (EV_READ | EV_WRITE) == 0 {
                    map.remove(&fd);
                } else {
                    if self.method == Method::Select && fd >= 1 << 20 {
                        return Err(libc::EINVAL);
                    }
                    map.insert(fd, want);
                }
                *dirty = true;
                Ok(())
            }
        }
    }

    /// event_reinit: a fresh backend instance with every event re-registered
    /// (after fork the kernel object is shared with the parent).
    pub fn reinit(&mut self) -> Result<(), Errno> {
        self.fork_gen = sigpipe::fork_generation();
        if self.method == Method::Epoll {
            self.be = Self::backend(self.method)?;
            for fd in self.core.fds() {
                let want = self.core.fd_interest(fd);
                let _ = self.apply(fd, want, true);
            }
        }
        // The signal pipe is per process: get this process's own.
        if self.sig_fd.is_some() {
            if self.method != Method::Epoll {
                self.watch_raw(self.sig_fd.unwrap_or(-1), false);
            }
            self.sig_fd = None;
            self.sync_sig_fd();
        }
        Ok(())
    }

    /// Releases signal handlers (base freed or destroyed).
    pub fn release_signals(&mut self) {
        for sig in self.sig_saved.drain() {
            sigpipe::release(sig);
            super::sigowner::on_del();
        }
        super::sigowner::forget(self as *const Shared as usize);
        if let Some(fd) = self.sig_fd.take() {
            self.watch_raw(fd, false);
        }
    }

    // ---- one poll ----

    /// Waits for I/O up to `tv` (None: forever) and activates ready events.
    pub fn dispatch(&mut self, tv: Option<Ns>) -> Result<(), Errno> {
        if self.fork_gen != sigpipe::fork_generation() {
            // A forked child looping without reInit(): do it now rather than
            // steal the parent's events from the shared epoll instance.
            self.reinit()?;
        }
        let mut tv = tv;
        let me = self.addr();
        if self.sig_fd.is_some() && ((super::sigowner::owns(me) && sigpipe::any()) || super::sigowner::has_stashed(me))
        {
            tv = Some(0);
        }
        let ms: i32 = match tv {
            None => -1,
            Some(ns) if ns <= 0 => 0,
            Some(ns) => ((ns + 999_999) / 1_000_000).min(i32::MAX as i64) as i32,
        };
        let sig_fd = self.sig_fd.unwrap_or(-1);
        let mut sig_ready = false;
        match &mut self.be {
            Backend::Epoll { ep, buf, live, .. } => {
                // Nothing registered and no waiting: epoll_wait would return 0.
                let n = if ms == 0 && *live == 0 { Ok(0) } else { ep.wait(buf, ms) };
                let n = match n {
                    Ok(n) => n,
                    Err(libc::EINTR) => 0,
                    Err(e) => return Err(e),
                };
                // Several ready fds: warm their records first so the misses overlap.
                if n > 1 {
                    for ev in &buf[..n] {
                        self.core.prefetch_fd(epoll::fd_of(ev));
                    }
                }
                for ev in &buf[..n] {
                    let fd = epoll::fd_of(ev);
                    if fd == sig_fd {
                        sig_ready = true;
                        continue;
                    }
                    let e = epoll::events_of(ev);
                    // libevent's epoll backend reports EV_ET, kept by edge-triggered events.
                    let mut what = EV_ET;
                    if e & (epoll::ERR | epoll::HUP) != 0 {
                        what |= EV_READ | EV_WRITE;
                    } else {
                        if e & epoll::IN != 0 {
                            what |= EV_READ;
                        }
                        if e & epoll::OUT != 0 {
                            what |= EV_WRITE;
                        }
                    }
                    self.core.fd_ready(fd, what);
                }
                if n == buf.len() && buf.len() < 4096 {
                    let l = buf.len() * 2;
                    buf.resize(l, epoll::empty_event());
                }
            }
            Backend::Poll { want, pfds, dirty } => {
                if *dirty {
                    pfds.clear();
                    for (&fd, &w) in want.iter() {
                        let mut ev = 0;
                        if w & EV_READ != 0 {
                            ev |= libc::POLLIN;
                        }
                        if w & EV_WRITE != 0 {
                            ev |= libc::POLLOUT;
                        }
                        pfds.push(PollFd { fd, events: ev, revents: 0 });
                    }
                    if sig_fd >= 0 {
                        pfds.push(PollFd { fd: sig_fd, events: libc::POLLIN, revents: 0 });
                    }
                    *dirty = false;
                }
                if self.method == Method::Select {
                    let maxfd = pfds.iter().map(|p| p.fd).max().unwrap_or(0);
                    let mut r = FdSet::with_max(maxfd);
                    let mut w = FdSet::with_max(maxfd);
                    for p in pfds.iter() {
                        if p.events & libc::POLLIN != 0 {
                            r.set(p.fd);
                        }
                        if p.events & libc::POLLOUT != 0 {
                            w.set(p.fd);
                        }
                    }
                    let us = match tv {
                        None => -1,
                        Some(ns) => (ns.max(0) + 999) / 1000,
                    };
                    match syspoll::select(maxfd + 1, &mut r, &mut w, us) {
                        Ok(_) | Err(libc::EINTR) => {}
                        Err(libc::EBADF) => {
                            // A closed fd: report every watched fd ready, as
                            // libevent's select backend would see errors.
                            for p in pfds.iter() {
                                if p.fd != sig_fd {
                                    r.set(p.fd);
                                    w.set(p.fd);
                                }
                            }
                        }
                        Err(e) => return Err(e),
                    }
                    for p in pfds.iter() {
                        if p.fd == sig_fd {
                            sig_ready |= r.is_set(p.fd);
                            continue;
                        }
                        let mut what = 0;
                        if r.is_set(p.fd) {
                            what |= EV_READ;
                        }
                        if w.is_set(p.fd) {
                            what |= EV_WRITE;
                        }
                        if what != 0 {
                            self.core.fd_ready(p.fd, what);
                        }
                    }
                } else {
                    match syspoll::poll(pfds, ms) {
                        Ok(_) | Err(libc::EINTR) => {}
                        Err(e) => return Err(e),
                    }
                    for p in pfds.iter() {
                        let r = p.revents;
                        if r == 0 {
                            continue;
                        }
                        if p.fd == sig_fd {
                            sig_ready = true;
                            continue;
                        }
                        let mut what = 0;
                        if r & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                            what = EV_READ | EV_WRITE;
                        } else {
                            if r & libc::POLLIN != 0 {
                                what |= EV_READ;
                            }
                            if r & libc::POLLOUT != 0 {
                                what |= EV_WRITE;
                            }
                        }
                        self.core.fd_ready(p.fd, what);
                    }
                }
            }
        }
        if sig_ready {
            sigpipe::drain();
        }
        if self.sig_fd.is_some() {
            // Signals delivered while this base owned them (libevent's evsig_base).
            let owner = super::sigowner::owns(me) && sigpipe::any();
            if owner {
                sigpipe::clear_any();
            }
            if owner || super::sigowner::has_stashed(me) {
                for sig in self.core.signals() {
                    let mut n = super::sigowner::take_stashed(me, sig);
                    if owner {
                        n += sigpipe::take(sig);
                    }
                    self.core.signal(sig, n);
                }
            }
        }
        Ok(())
    }

    /// timeout_next: how long the backend may block.
    pub fn timeout_next(&mut self) -> Option<Ns> {
        let d = self.core.next_deadline()?;
        Some((d - self.gettime()).max(0))
    }
}

/// libevent's epoll_apply_one_change warning for a failed epoll_ctl: the
/// operation, the epoll event bits (as a C int), libevent's old events and
/// the read/write/close changes (1 add, 2 del, with EV_ET), then strerror.
fn epoll_failure(have: u32, bits: u32, fd: i32, want: u16, e: Errno) -> String {
    let ev_of = |b: u32| {
        let mut m = 0u16;
        if b & epoll::IN != 0 {
            m |= EV_READ;
        }
        if b & epoll::OUT != 0 {
            m |= EV_WRITE;
        }
        m
    };
    let (old, new) = (ev_of(have), ev_of(bits));
    let et = want & EV_ET;
    let change = |flag: u16| -> (u16, &'static str) {
        match (old & flag != 0, new & flag != 0) {
            (false, true) => (1 | et, "add"),
            (true, false) => (2 | et, "del"),
            _ => (0, "none"),
        }
    };
    let (rc, rs) = change(EV_READ);
    let (wc, ws) = change(EV_WRITE);
    let op = if have == 0 { "ADD" } else { "MOD" };
    format!(
        "Epoll {op}({}) on fd {fd} failed. Old events were {old}; read change was {rc} ({rs}); write change was {wc} ({ws}); close change was 0 (none): {}",
        bits as i32,
        crate::php::error::strerror(e)
    )
}

impl Drop for Shared {
    fn drop(&mut self) {
        self.release_signals();
    }
}
