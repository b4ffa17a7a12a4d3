//! The PHP-free part of the event loop (libevent 2.1 semantics): event
//! records, the timer heap (deadline order), per-priority FIFO queues of
//! active events, fd and signal maps, and the per-callback state machine
//! (persistent re-arm, one-shot deletion, signal call counts).
//!
//! Time is a monotonic clock in nanoseconds supplied by the caller, so every
//! rule here is testable without a kernel. The I/O backend and the callbacks
//! live in the PHP layer, which drives [`Core`] step by step (libevent's
//! `event_base_loop`): `next_deadline` → poll → `fd_ready`/`signal` →
//! `expire` → `pop_active` + `begin` + callback, for each priority.

use std::collections::VecDeque;

pub const EV_TIMEOUT: u16 = 1;
pub const EV_READ: u16 = 2;
pub const EV_WRITE: u16 = 4;
pub const EV_SIGNAL: u16 = 8;
pub const EV_PERSIST: u16 = 16;
pub const EV_ET: u16 = 32;

/// Monotonic time in nanoseconds.
pub type Ns = i64;

/// A handle to an event: slot index plus generation (stale handles miss).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct EvId {
    pub idx: u32,
    pub gen: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A user event; `user` identifies it to the caller.
    User,
    /// `event_base_loopexit`'s one-shot timer: sets `gotterm` and frees itself.
    Exit,
    /// An event owned by one of the caller's built-in objects (a
    /// bufferevent's read/write/deferred events, a listener's accept event);
    /// `user` is a key in the caller's handler table. Same rules as `User`.
    Internal,
}

#[derive(Clone, Debug)]
pub struct Ev {
    pub fd: i32,
    pub events: u16,
    pub prio: u8,
    pub user: usize,
    pub kind: Kind,
    /// In the io or signal map (EVLIST_INSERTED).
    pub inserted: bool,
    /// The last deadline set; pending while `timed` (EVLIST_TIMEOUT).
    pub deadline: Ns,
    pub timed: bool,
    /// PERSIST events added with a timeout re-arm with this interval.
    pub io_timeout: Ns,
    pub active: bool,
    pub res: u16,
    /// Pending signal deliveries for the next callback run.
    pub ncalls: u32,
    /// A signal callback loop is running for this event (libevent's ev_pncalls).
    pub pncalls: bool,
    /// Position in the timer heap (NONE when not timed).
    heap_idx: u32,
    act_seq: u64,
    gen: u32,
    live: bool,
}

struct EvSnap {
    user: usize,
    kind: Kind,
    fd: i32,
    res: u16,
    events: u16,
    ncalls: u32,
    io_timeout: Ns,
    deadline: Ns,
}

impl Ev {
    /// The pending timeout's deadline.
    pub fn pending_deadline(&self) -> Option<Ns> {
        self.timed.then_some(self.deadline)
    }
}

/// What the caller must run for a popped active event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Begin {
    pub id: EvId,
    pub user: usize,
    pub kind: Kind,
    pub fd: i32,
    pub res: u16,
    /// The event's mask.
    pub events: u16,
    /// For signal events: how many times to call back (>= 1).
    pub ncalls: u32,
}

/// A timer heap entry: an event's deadline and slot index.
#[derive(Clone, Copy, Debug)]
struct Timer {
    deadline: Ns,
    idx: u32,
}

pub struct Core {
    slots: Vec<Ev>,
    free: Vec<u32>,
    /// The timers: a binary min-heap of event indices on `deadline`, with
    /// libevent's tie rules (strict comparisons; a removal moves the last
    /// element into the hole), so timers due at the same time fire in the
    /// order libevent's heap gives them. Each entry carries its deadline
    /// (a copy of the record's), so sifting reads the heap array alone
    /// instead of one event record per comparison.
    heap: Vec<Timer>,
    seq: u64,
    queues: Vec<VecDeque<(u32, u64)>>,
    pub n_active: usize,
    fd_evs: Vec<FdList>,
    sig_evs: Vec<Vec<u32>>,
    /// Events inserted or with a pending timeout (libevent's event_count).
    pub n_pending: usize,
    /// Fds whose wanted interest changed since the caller last drained this
    /// (true: an event was inserted, false: removed).
    pub changed_fds: Vec<(i32, bool)>,
    /// Signals whose event list went from empty to non-empty or back.
    pub changed_sigs: Vec<i32>,
}

pub const NSIG: usize = 65;

const NONE: u32 = u32::MAX;

/// A cache prefetch hint for `addr` (never dereferenced, never faults).
#[inline(always)]
pub fn prefetch(addr: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: PREFETCH is a hint; it does not fault on any address.
    unsafe {
        std::arch::x86_64::_mm_prefetch(addr as *const i8, std::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = addr;
}

/// The events of one fd: the first inline (the common case), others spilled.
#[derive(Clone, Debug)]
struct FdList {
    /// The newest event, then the one before it, then the older ones: a
    /// bufferevent's read and write events fit without an allocation (its
    /// write event comes and goes at each response).
    first: u32,
    second: u32,
    /// Boxed: rarely used, and 8 bytes where a Vec takes 24 (the list is
    /// indexed by fd, 10,000 of them at C10K).
    #[allow(clippy::box_collection)] // the 8-byte handle is the point
    more: Option<Box<Vec<u32>>>,
    /// Whether the kernel registration is edge-triggered: libevent takes
    /// EV_ET from the event whose add or delete last changed the fd's
    /// READ/WRITE set (level- and edge-triggered events may share an fd).
    et: bool,
}

impl Default for FdList {
    fn default() -> Self {
        FdList { first: NONE, second: NONE, more: None, et: false }
    }
}

impl FdList {
    /// Adds `i` at the head: libevent's evmap inserts with LIST_INSERT_HEAD,
    /// so the events of an fd are activated newest first.
    fn push(&mut self, i: u32) {
        if self.second != NONE {
            self.more.get_or_insert_with(Default::default).insert(0, self.second);
        }
        self.second = self.first;
        self.first = i;
    }
    fn remove(&mut self, i: u32) {
        if self.first == i {
            self.first = self.second;
            self.second = self.pop_more();
        } else if self.second == i {
            self.second = self.pop_more();
        } else if let Some(m) = &mut self.more {
            m.retain(|&x| x != i);
        }
    }
    /// The oldest-but-two event leaves `more` (NONE when there is none).
    fn pop_more(&mut self) -> u32 {
        match &mut self.more {
            Some(m) if !m.is_empty() => m.remove(0),
            _ => NONE,
        }
    }
    fn more_is_empty(&self) -> bool {
        self.more.as_ref().is_none_or(|m| m.is_empty())
    }
    fn is_empty(&self) -> bool {
        self.first == NONE
    }
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        [self.first, self.second]
            .into_iter()
            .filter(|&x| x != NONE)
            .chain(self.more.iter().flat_map(|m| m.iter().copied()))
    }
}

impl Default for Core {
    fn default() -> Self {
        Core::new(1)
    }
}

impl Core {
    pub fn new(nprio: usize) -> Core {
        Core {
            slots: Vec::new(),
            free: Vec::new(),
            heap: Vec::new(),
            seq: 0,
            queues: (0..nprio.max(1)).map(|_| VecDeque::new()).collect(),
            n_active: 0,
            fd_evs: Vec::new(),
            sig_evs: (0..NSIG).map(|_| Vec::new()).collect(),
            n_pending: 0,
            changed_fds: Vec::new(),
            changed_sigs: Vec::new(),
        }
    }

    #[inline]
    pub fn nprio(&self) -> usize {
        self.queues.len()
    }

    /// libevent's event_base_priority_init: 1..=255 queues, refused while
    /// callbacks are active.
    pub fn priority_init(&mut self, n: i64) -> bool {
        if self.n_active > 0 || !(1..256).contains(&n) {
            return false;
        }
        let n = n as usize;
        if n != self.queues.len() {
            self.queues = (0..n).map(|_| VecDeque::new()).collect();
        }
        true
    }

    pub fn default_prio(&self) -> u8 {
        (self.queues.len() / 2) as u8
    }

    pub fn create(&mut self, fd: i32, events: u16, user: usize, kind: Kind) -> EvId {
        self.create_with_prio(fd, events, user, kind, self.default_prio())
    }

    /// `create` with a priority chosen earlier (a bufferevent creates its
    /// deferred-callback event on first use, with the priority libevent
    /// gave it when the bufferevent was made).
    pub fn create_with_prio(&mut self, fd: i32, events: u16, user: usize, kind: Kind, prio: u8) -> EvId {
        let ev = Ev {
            fd,
            events,
            prio,
            user,
            kind,
            inserted: false,
            deadline: 0,
            timed: false,
            io_timeout: 0,
            active: false,
            res: 0,
            ncalls: 0,
            pncalls: false,
            heap_idx: NONE,
            act_seq: 0,
            gen: 0,
            live: true,
        };
        if let Some(idx) = self.free.pop() {
            let gen = self.slots[idx as usize].gen.wrapping_add(1);
            self.slots[idx as usize] = Ev { gen, ..ev };
            EvId { idx, gen }
        } else {
            self.slots.push(ev);
            EvId { idx: self.slots.len() as u32 - 1, gen: 0 }
        }
    }

    #[inline]
    pub fn get(&self, id: EvId) -> Option<&Ev> {
        self.slots.get(id.idx as usize).filter(|e| e.live && e.gen == id.gen)
    }

    #[inline]
    fn live(&self, id: EvId) -> bool {
        self.get(id).is_some()
    }

    /// Deletes and frees the event; the handle goes stale.
    pub fn remove(&mut self, id: EvId) {
        if !self.live(id) {
            return;
        }
        self.del(id);
        let e = &mut self.slots[id.idx as usize];
        e.live = false;
        e.user = 0;
        self.free.push(id.idx);
    }

    /// Re-assigns a non-pending event (event_assign): new fd/mask, priority reset.
    pub fn assign(&mut self, id: EvId, fd: i32, events: u16) {
        let prio = self.default_prio();
        if let Some(e) = self.slot_mut(id) {
            e.fd = fd;
            e.events = events;
            e.prio = prio;
            e.io_timeout = 0;
            e.ncalls = 0;
        }
    }

    #[inline]
    fn slot_mut(&mut self, id: EvId) -> Option<&mut Ev> {
        self.slots.get_mut(id.idx as usize).filter(|e| e.live && e.gen == id.gen)
    }

    fn counted(e: &Ev) -> bool {
        e.inserted || e.timed
    }

    fn with_count<R>(&mut self, idx: u32, f: impl FnOnce(&mut Core) -> R) -> R {
        let before = Self::counted(&self.slots[idx as usize]);
        let r = f(self);
        let after = Self::counted(&self.slots[idx as usize]);
        match (before, after) {
            (false, true) => self.n_pending += 1,
            (true, false) => self.n_pending -= 1,
            _ => {}
        }
        r
    }

    #[inline]
    pub fn have_events(&self) -> bool {
        self.n_pending > 0
    }

    /// (Re)schedules the timer: a timed event leaves the heap and enters it
    /// again with its new deadline (event_add removes, then inserts).
    fn set_timer(&mut self, idx: u32, deadline: Ns) {
        self.clear_timer(idx);
        let e = &mut self.slots[idx as usize];
        e.deadline = deadline;
        e.timed = true;
        let t = Timer { deadline, idx };
        self.heap.push(t);
        self.heap_up(self.heap.len() - 1, t);
    }

    #[inline]
    fn clear_timer(&mut self, idx: u32) {
        let e = &mut self.slots[idx as usize];
        if e.timed {
            e.timed = false;
            let hole = e.heap_idx;
            e.heap_idx = NONE;
            self.heap_erase(hole);
        }
    }

    #[inline]
    fn heap_place(&mut self, pos: usize, t: Timer) {
        self.heap[pos] = t;
        self.slots[t.idx as usize].heap_idx = pos as u32;
    }

    /// Moves `t` up from `hole` while its parent is later.
    fn heap_up(&mut self, mut hole: usize, t: Timer) {
        while hole > 0 {
            let parent = (hole - 1) / 2;
            let p = self.heap[parent];
            if p.deadline <= t.deadline {
                break;
            }
            self.heap_place(hole, p);
            hole = parent;
        }
        self.heap_place(hole, t);
    }

    /// Moves `t` down from `hole` while a child is earlier; on a tie
    /// between the children the right one is taken.
    fn heap_down(&mut self, mut hole: usize, t: Timer) {
        let n = self.heap.len();
        loop {
            let mut child = 2 * (hole + 1);
            if child > n {
                break;
            }
            if child == n || self.heap[child].deadline > self.heap[child - 1].deadline {
                child -= 1;
            }
            let c = self.heap[child];
            if t.deadline <= c.deadline {
                break;
            }
            self.heap_place(hole, c);
            hole = child;
        }
        self.heap_place(hole, t);
    }

    /// Removes the element at `hole`: the last element fills it and moves
    /// up (at least one step when its parent is later) or down.
    fn heap_erase(&mut self, hole: u32) {
        let hole = hole as usize;
        let Some(last) = self.heap.pop() else { return };
        if hole >= self.heap.len() {
            return;
        }
        if hole > 0 && self.heap[(hole - 1) / 2].deadline > last.deadline {
            self.heap_up(hole, last);
        } else {
            self.heap_down(hole, last);
        }
    }

    fn insert_io(&mut self, idx: u32) {
        let e = &self.slots[idx as usize];
        if e.inserted || e.events & (EV_READ | EV_WRITE | EV_SIGNAL) == 0 {
            return;
        }
        let fd = e.fd;
        if e.events & EV_SIGNAL != 0 {
            let s = fd as usize;
            if s < NSIG {
                if self.sig_evs[s].is_empty() {
                    self.changed_sigs.push(fd);
                }
                // Newest first, as libevent's LIST_INSERT_HEAD.
                self.sig_evs[s].insert(0, idx);
            }
        } else if fd >= 0 {
            let f = fd as usize;
            if self.fd_evs.len() <= f {
                self.fd_evs.resize_with(f + 1, FdList::default);
            }
            let before = self.fd_mask(fd);
            let et = e.events & EV_ET != 0;
            self.fd_evs[f].push(idx);
            if self.fd_mask(fd) != before {
                self.fd_evs[f].et = et;
            }
            self.changed_fds.push((fd, true));
        }
        self.slots[idx as usize].inserted = true;
    }

    fn remove_io(&mut self, idx: u32) {
        let e = &self.slots[idx as usize];
        if !e.inserted {
            return;
        }
        let fd = e.fd;
        if e.events & EV_SIGNAL != 0 {
            let s = fd as usize;
            if s < NSIG {
                self.sig_evs[s].retain(|&i| i != idx);
                if self.sig_evs[s].is_empty() {
                    self.changed_sigs.push(fd);
                }
            }
        } else if fd >= 0 && (fd as usize) < self.fd_evs.len() {
            let before = self.fd_mask(fd);
            let et = e.events & EV_ET != 0;
            self.fd_evs[fd as usize].remove(idx);
            if self.fd_mask(fd) != before {
                self.fd_evs[fd as usize].et = et;
            }
            self.changed_fds.push((fd, false));
        }
        self.slots[idx as usize].inserted = false;
    }

    #[inline]
    fn deactivate(&mut self, idx: u32) {
        let e = &mut self.slots[idx as usize];
        if e.active {
            e.active = false;
            e.act_seq = 0;
            self.n_active -= 1;
        }
    }

    /// event_add with a relative timeout (None: no timeout change).
    /// Returns false for a stale handle. Edge- and level-triggered events
    /// may share an fd, as in libevent outside its debug mode.
    pub fn add(&mut self, id: EvId, tv: Option<Ns>, now: Ns) -> bool {
        let Some(e) = self.get(id) else { return false };
        let persist = e.events & EV_PERSIST != 0;
        let idx = id.idx;
        self.with_count(idx, |c| {
            let e = &c.slots[idx as usize];
            if e.events & (EV_READ | EV_WRITE | EV_SIGNAL) != 0 && !e.active {
                c.insert_io(idx);
            }
            if let Some(tv) = tv {
                if persist {
                    c.slots[idx as usize].io_timeout = tv;
                }
                c.add_timeout_abs(idx, now.saturating_add(tv));
            }
        });
        true
    }

    fn add_timeout_abs(&mut self, idx: u32, deadline: Ns) {
        let e = &mut self.slots[idx as usize];
        // Re-adding an event that is active because of its timeout cancels that activation.
        if e.active && e.res & EV_TIMEOUT != 0 {
            if e.events & EV_SIGNAL != 0 {
                e.ncalls = 0;
            }
            self.deactivate(idx);
        }
        self.clear_timer(idx);
        self.set_timer(idx, deadline);
    }

    /// event_del: not pending, not active.
    pub fn del(&mut self, id: EvId) -> bool {
        if !self.live(id) {
            return false;
        }
        let idx = id.idx;
        self.with_count(idx, |c| {
            let e = &mut c.slots[idx as usize];
            if e.events & EV_SIGNAL != 0 && e.pncalls {
                e.ncalls = 0;
            }
            c.clear_timer(idx);
            c.deactivate(idx);
            c.remove_io(idx);
        });
        true
    }

    /// event_remove_timer: drop only the timeout.
    pub fn remove_timer(&mut self, id: EvId) -> bool {
        if !self.live(id) {
            return false;
        }
        let idx = id.idx;
        self.with_count(idx, |c| {
            c.clear_timer(idx);
            c.slots[idx as usize].io_timeout = 0;
        });
        true
    }

    /// event_priority_set: refused for active events and out-of-range values.
    pub fn set_priority(&mut self, id: EvId, p: i64) -> bool {
        let n = self.queues.len() as i64;
        match self.slot_mut(id) {
            Some(e) if !e.active && p >= 0 && p < n => {
                e.prio = p as u8;
                true
            }
            _ => false,
        }
    }

    /// event_pending(ev, flags): which of `flags` are pending or active.
    pub fn pending(&self, id: EvId, what: u16) -> bool {
        let Some(e) = self.get(id) else { return false };
        let mut flags = 0;
        if e.inserted {
            flags |= e.events & (EV_READ | EV_WRITE | EV_SIGNAL);
        }
        if e.active {
            flags |= e.res;
        }
        if e.timed {
            flags |= EV_TIMEOUT;
        }
        flags & what != 0
    }

    /// Pending for any of READ|WRITE|SIGNAL|TIMEOUT (php_event_is_pending).
    pub fn is_pending(&self, id: EvId) -> bool {
        self.pending(id, EV_READ | EV_WRITE | EV_SIGNAL | EV_TIMEOUT)
    }

    /// event_active_nolock_.
    pub fn activate(&mut self, id: EvId, res: u16, ncalls: u32) {
        if self.live(id) {
            self.activate_idx(id.idx, res, ncalls);
        }
    }

    #[inline]
    fn activate_idx(&mut self, idx: u32, res: u16, ncalls: u32) {
        let nq = self.queues.len();
        let e = &mut self.slots[idx as usize];
        if e.active {
            e.res |= res;
            return;
        }
        e.res = res;
        if e.events & EV_SIGNAL != 0 {
            e.ncalls = ncalls;
            e.pncalls = false;
        }
        e.active = true;
        // The caller will soon run this event's callback: warm its object.
        if e.user != 0 {
            // The caller's object header and the state around it.
            for off in [-128isize, -64, 0, 64] {
                prefetch(e.user.wrapping_add_signed(off));
            }
        }
        self.seq += 1;
        e.act_seq = self.seq;
        let q = (e.prio as usize).min(nq - 1);
        self.queues[q].push_back((idx, self.seq));
        self.n_active += 1;
    }

    /// READ|WRITE wanted on `fd` by its inserted events.
    fn fd_mask(&self, fd: i32) -> u16 {
        let mut m = 0;
        if let Some(v) = self.fd_evs.get(fd as usize) {
            for i in v.iter() {
                m |= self.slots[i as usize].events & (EV_READ | EV_WRITE);
            }
        }
        m
    }

    /// READ|WRITE wanted on `fd` by its inserted events, with ET when the
    /// kernel registration is edge-triggered (see `FdList::et`).
    pub fn fd_interest(&self, fd: i32) -> u16 {
        let m = self.fd_mask(fd);
        match self.fd_evs.get(fd as usize) {
            Some(v) if v.et && m != 0 => m | EV_ET,
            _ => m,
        }
    }

    /// All fds with inserted io events (for reInit and backend rebuilds).
    pub fn fds(&self) -> Vec<i32> {
        self.fd_evs.iter().enumerate().filter(|(_, v)| !v.is_empty()).map(|(f, _)| f as i32).collect()
    }

    /// Signals with inserted events.
    pub fn signals(&self) -> Vec<i32> {
        self.sig_evs.iter().enumerate().filter(|(_, v)| !v.is_empty()).map(|(s, _)| s as i32).collect()
    }

    pub fn has_signal_events(&self) -> bool {
        self.sig_evs.iter().any(|v| !v.is_empty())
    }

    pub fn signal_wanted(&self, signo: i32) -> bool {
        self.sig_evs.get(signo as usize).is_some_and(|v| !v.is_empty())
    }

    /// Warms the fd's event list and its first event record (call for every
    /// ready fd of a poll before `fd_ready`, so the cache misses overlap).
    #[inline]
    pub fn prefetch_fd(&self, fd: i32) {
        if let Some(v) = self.fd_evs.get(fd as usize) {
            if v.first != NONE {
                prefetch(self.slots.as_ptr() as usize + v.first as usize * std::mem::size_of::<Ev>());
            }
        }
    }

    /// The backend reports `what` (READ/WRITE bits, plus EV_ET from the
    /// epoll backend, which libevent passes on to edge-triggered events) on `fd`.
    #[inline]
    pub fn fd_ready(&mut self, fd: i32, what: u16) {
        let Some(v) = self.fd_evs.get(fd as usize) else { return };
        let first = v.first;
        if first == NONE {
            return;
        }
        let res = |events: u16| {
            let r = events & what & (EV_READ | EV_WRITE);
            if r != 0 {
                r | (events & what & EV_ET)
            } else {
                0
            }
        };
        if v.more_is_empty() {
            let second = v.second;
            let r = res(self.slots[first as usize].events);
            if r != 0 {
                self.activate_idx(first, r, 0);
            }
            if second != NONE {
                let r = res(self.slots[second as usize].events);
                if r != 0 {
                    self.activate_idx(second, r, 0);
                }
            }
            return;
        }
        let list: Vec<u32> = v.iter().collect();
        for idx in list {
            let r = res(self.slots[idx as usize].events);
            if r != 0 {
                self.activate_idx(idx, r, 0);
            }
        }
    }

    /// `count` deliveries of `signo`.
    pub fn signal(&mut self, signo: i32, count: u32) {
        if count == 0 {
            return;
        }
        let Some(v) = self.sig_evs.get(signo as usize) else { return };
        let list = v.clone();
        for idx in list {
            self.activate_idx(idx, EV_SIGNAL, count);
        }
    }

    /// The earliest pending deadline.
    #[inline]
    pub fn next_deadline(&mut self) -> Option<Ns> {
        self.heap.first().map(|t| t.deadline)
    }

    /// timeout_process: every event whose deadline is <= now is deleted
    /// (io part included) and activated with TIMEOUT, in deadline order.
    #[inline]
    pub fn expire(&mut self, now: Ns) {
        while let Some(d) = self.next_deadline() {
            if d > now {
                break;
            }
            let idx = self.heap[0].idx;
            self.with_count(idx, |c| {
                c.clear_timer(idx);
                c.deactivate_for_timeout(idx);
                c.remove_io(idx);
            });
            self.activate_idx(idx, EV_TIMEOUT, 1);
        }
    }

    fn deactivate_for_timeout(&mut self, idx: u32) {
        // event_del_nolock_ also removes an active event from its queue.
        self.deactivate(idx);
    }

    /// Pops the next live active event of priority `prio`.
    #[inline]
    pub fn pop_active(&mut self, prio: usize) -> Option<EvId> {
        let q = self.queues.get_mut(prio)?;
        while let Some((idx, seq)) = q.pop_front() {
            let e = &self.slots[idx as usize];
            if e.live && e.active && e.act_seq == seq {
                return Some(EvId { idx, gen: e.gen });
            }
        }
        None
    }

    #[inline]
    pub fn queue_len(&self, prio: usize) -> usize {
        self.queues.get(prio).map_or(0, |q| q.len())
    }

    /// Takes a popped event out of the active state before its callback:
    /// persistent events stay inserted (re-armed with their interval),
    /// others are deleted. Exit events are freed.
    #[inline]
    pub fn begin(&mut self, id: EvId, now: Ns) -> Option<Begin> {
        let idx = id.idx;
        let e = self.get(id)?;
        let e = EvSnap {
            user: e.user,
            kind: e.kind,
            fd: e.fd,
            res: e.res,
            events: e.events,
            ncalls: e.ncalls,
            io_timeout: e.io_timeout,
            deadline: e.deadline,
        };
        self.deactivate(idx);
        let b =
            Begin { id, user: e.user, kind: e.kind, fd: e.fd, res: e.res, events: e.events, ncalls: e.ncalls.max(1) };
        match e.kind {
            Kind::Exit => {
                self.remove(id);
                return Some(b);
            }
            Kind::User | Kind::Internal => {}
        }
        if e.events & EV_PERSIST != 0 {
            // event_persist_closure
            // libevent: a zero interval means no re-arm timeout.
            if e.io_timeout != 0 {
                let delay = e.io_timeout;
                // After a timeout the next deadline follows the previous one.
                let relative = if e.res & EV_TIMEOUT != 0 { e.deadline } else { now };
                let mut run_at = relative.saturating_add(delay);
                if run_at < now {
                    run_at = now.saturating_add(delay);
                }
                // The previous deadline is kept by expire() only via res; re-add.
                self.with_count(idx, |c| {
                    c.insert_io(idx);
                    c.add_timeout_abs(idx, run_at);
                });
            }
            // Without an interval nothing is re-added: a persistent io event
            // whose timeout (add(0)) fired stays deleted, as in libevent.
        } else {
            self.del(id);
        }
        if e.events & EV_SIGNAL != 0 {
            let s = &mut self.slots[idx as usize];
            s.ncalls = b.ncalls;
            s.pncalls = true;
        }
        Some(b)
    }

    /// Before each signal callback run: whether to call again (consumes one).
    pub fn next_signal_call(&mut self, id: EvId) -> bool {
        match self.slot_mut(id) {
            Some(e) if e.pncalls && e.ncalls > 0 => {
                e.ncalls -= 1;
                if e.ncalls == 0 {
                    e.pncalls = false;
                }
                true
            }
            _ => false,
        }
    }

    /// Ends a signal callback loop early (loop break).
    pub fn end_signal_calls(&mut self, id: EvId) {
        if let Some(e) = self.slot_mut(id) {
            e.pncalls = false;
            e.ncalls = 0;
        }
    }

    /// Drops every event's pending state (base freed).
    pub fn clear_all(&mut self) {
        for i in 0..self.slots.len() {
            if self.slots[i].live {
                let id = EvId { idx: i as u32, gen: self.slots[i].gen };
                if self.slots[i].kind == Kind::Exit {
                    self.remove(id);
                } else {
                    self.del(id);
                }
            }
        }
        self.heap.clear();
        for q in &mut self.queues {
            q.clear();
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len() - self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// PHP's `(zend_long)t` and `(zend_long)((t - sec) * 1e6)` as x86-64 computes
/// them (out-of-range and NaN give LONG_MIN), turned into nanoseconds.
pub fn timeval_ns(t: f64) -> Ns {
    /// 2^63, exactly representable: the first double past i64::MAX.
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    fn to_long(x: f64) -> i64 {
        if x.is_nan() || !(-TWO_63..TWO_63).contains(&x) {
            i64::MIN
        } else {
            x as i64
        }
    }
    if t == 0.0 {
        // The common addTimer(0): no float conversions.
        return 0;
    }
    let sec = to_long(t);
    let usec = to_long((t - sec as f64) * 1e6);
    let ns = (sec as i128) * 1_000_000_000 + (usec as i128) * 1000;
    ns.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: i64) -> Ns {
        n * 1_000_000
    }

    #[test]
    fn timers_fire_in_deadline_order() {
        let mut c = Core::new(1);
        let ids: Vec<_> = [60, 20, 0, 100, 40]
            .iter()
            .map(|&t| {
                let id = c.create(-1, EV_TIMEOUT, t as usize, Kind::User);
                c.add(id, Some(ms(t)), 0);
                id
            })
            .collect();
        assert_eq!(c.n_pending, 5);
        let mut order = vec![];
        let mut now = 0;
        while let Some(d) = c.next_deadline() {
            now = now.max(d);
            c.expire(now);
            while let Some(id) = c.pop_active(0) {
                order.push(c.begin(id, now).unwrap().user);
            }
        }
        assert_eq!(order, vec![0, 20, 40, 60, 100]);
        assert_eq!(c.n_pending, 0);
        assert!(ids.iter().all(|&i| !c.is_pending(i)));
    }

    #[test]
    fn priorities_lower_first_and_fifo() {
        let mut c = Core::new(4);
        let a = c.create(-1, EV_TIMEOUT, 1, Kind::User);
        let b = c.create(-1, EV_TIMEOUT, 2, Kind::User);
        let d = c.create(-1, EV_TIMEOUT, 3, Kind::User);
        assert!(c.set_priority(a, 3));
        assert!(c.set_priority(b, 0));
        assert!(c.set_priority(d, 0));
        assert!(!c.set_priority(d, 4));
        for id in [a, b, d] {
            c.add(id, Some(0), 0);
        }
        c.expire(0);
        assert_eq!(c.n_active, 3);
        assert!(!c.priority_init(2), "refused while active");
        let mut got = vec![];
        for p in 0..4 {
            while let Some(id) = c.pop_active(p) {
                got.push(c.begin(id, 0).unwrap().user);
            }
        }
        // Equal deadlines leave the heap as a, d, b (libevent's tie order).
        assert_eq!(got, vec![3, 2, 1]);
    }

    #[test]
    fn oneshot_io_deleted_before_callback_persist_stays() {
        let mut c = Core::new(1);
        let one = c.create(5, EV_READ, 1, Kind::User);
        let per = c.create(5, EV_READ | EV_PERSIST, 2, Kind::User);
        // Added last, `one` is activated first (libevent lists newest first).
        c.add(per, None, 0);
        c.add(one, None, 0);
        assert_eq!(c.fd_interest(5), EV_READ);
        c.fd_ready(5, EV_READ);
        assert!(c.pending(one, EV_READ));
        let b = {
            let __i = c.pop_active(0).unwrap();
            c.begin(__i, 0)
        }
        .unwrap();
        assert_eq!((b.user, b.res), (1, EV_READ));
        assert!(!c.is_pending(one));
        let b = {
            let __i = c.pop_active(0).unwrap();
            c.begin(__i, 0)
        }
        .unwrap();
        assert_eq!(b.user, 2);
        assert!(c.pending(per, EV_READ));
        c.del(per);
        assert_eq!(c.fd_interest(5), 0);
        assert_eq!(c.n_pending, 0);
    }

    #[test]
    fn persist_with_timeout_rearms_and_timeout_deletes_io() {
        let mut c = Core::new(1);
        let e = c.create(3, EV_READ | EV_PERSIST, 1, Kind::User);
        c.add(e, Some(ms(10)), 0);
        assert!(c.pending(e, EV_TIMEOUT) && c.pending(e, EV_READ));
        c.expire(ms(10));
        assert_eq!(c.fd_interest(3), 0, "timeout removes the io part");
        let b = {
            let __i = c.pop_active(0).unwrap();
            c.begin(__i, ms(10))
        }
        .unwrap();
        assert_eq!(b.res, EV_TIMEOUT);
        assert_eq!(c.get(e).unwrap().pending_deadline(), Some(ms(20)));
        assert_eq!(c.fd_interest(3), EV_READ);
    }

    #[test]
    fn readd_in_callback_and_removed_events() {
        let mut c = Core::new(1);
        let t = c.create(-1, EV_TIMEOUT, 1, Kind::User);
        c.add(t, Some(0), 0);
        c.expire(0);
        let id = c.pop_active(0).unwrap();
        c.begin(id, 0);
        assert!(!c.is_pending(t));
        c.add(t, Some(0), 0);
        assert!(c.pending(t, EV_TIMEOUT));
        c.remove(t);
        assert!(c.get(t).is_none());
        assert_eq!(c.next_deadline(), None);
        let u = c.create(-1, EV_TIMEOUT, 2, Kind::User);
        assert_eq!(u.idx, t.idx);
        assert!(!c.pending(t, EV_TIMEOUT), "stale handle");
    }

    #[test]
    fn signal_calls_counted_and_del_stops_them() {
        let mut c = Core::new(1);
        let s = c.create(10, EV_SIGNAL, 1, Kind::User);
        c.add(s, None, 0);
        assert_eq!(c.signals(), vec![10]);
        c.signal(10, 2);
        let b = {
            let __i = c.pop_active(0).unwrap();
            c.begin(__i, 0)
        }
        .unwrap();
        assert_eq!(b.ncalls, 2);
        assert!(!c.is_pending(s), "one-shot signal event deleted");
        assert!(c.next_signal_call(s));
        assert!(c.next_signal_call(s));
        assert!(!c.next_signal_call(s));
        let p = c.create(12, EV_SIGNAL | EV_PERSIST, 2, Kind::User);
        c.add(p, None, 0);
        c.signal(12, 3);
        {
            let __i = c.pop_active(0).unwrap();
            c.begin(__i, 0)
        }
        .unwrap();
        assert!(c.next_signal_call(p));
        c.del(p);
        assert!(!c.next_signal_call(p), "del() inside the callback ends the calls");
    }

    #[test]
    fn untimed_timer_is_not_pending_and_exit_events() {
        let mut c = Core::new(3);
        let t = c.create(-1, EV_TIMEOUT, 1, Kind::User);
        c.add(t, None, 0);
        assert!(!c.have_events());
        let x = c.create(-1, EV_TIMEOUT, 0, Kind::Exit);
        assert_eq!(c.get(x).unwrap().prio, 1);
        c.add(x, Some(0), 0);
        assert!(c.have_events());
        c.expire(0);
        let b = {
            let __i = c.pop_active(1).unwrap();
            c.begin(__i, 0)
        }
        .unwrap();
        assert_eq!(b.kind, Kind::Exit);
        assert!(c.get(x).is_none());
        assert!(!c.have_events());
    }

    #[test]
    fn many_rearms_keep_heap_small() {
        let mut c = Core::new(1);
        let t = c.create(-1, EV_TIMEOUT, 1, Kind::User);
        for i in 0..10_000 {
            c.add(t, Some(ms(1000 + i)), 0);
        }
        assert_eq!(c.heap.len(), 1);
        assert_eq!(c.next_deadline(), Some(ms(1000 + 9999)));
    }

    #[test]
    fn timers_due_together_fire_in_heap_order() {
        // libevent's heap: the first added, then the others from the last.
        let mut c = Core::new(1);
        let ids: Vec<_> = (0..8).map(|i| c.create(-1, EV_TIMEOUT, i + 1, Kind::User)).collect();
        for &id in &ids {
            c.add(id, Some(ms(5)), 0);
        }
        c.expire(ms(5));
        let mut got = vec![];
        while let Some(id) = c.pop_active(0) {
            got.push(c.begin(id, ms(5)).unwrap().user);
        }
        assert_eq!(got, vec![1, 8, 7, 6, 5, 4, 3, 2]);
    }

    #[test]
    fn heap_keeps_deadline_order_under_removals() {
        let mut c = Core::new(1);
        let mut ids = vec![];
        for i in 0..200u64 {
            let id = c.create(-1, EV_TIMEOUT, i as usize + 1, Kind::User);
            c.add(id, Some(ms(((i * 7919) % 97) as i64)), 0);
            ids.push(id);
        }
        for id in ids.iter().step_by(3) {
            c.del(*id);
        }
        let mut last = 0;
        while let Some(d) = c.next_deadline() {
            assert!(d >= last);
            last = d;
            c.expire(d);
            while let Some(id) = c.pop_active(0) {
                c.begin(id, d);
            }
        }
        assert_eq!(c.n_pending, 0);
    }

    #[test]
    fn edge_triggered_flag_of_an_fd_follows_the_last_change_of_its_set() {
        let mut c = Core::new(1);
        let lt = c.create(9, EV_READ, 1, Kind::User);
        let et = c.create(9, EV_WRITE | EV_ET, 2, Kind::User);
        let lt2 = c.create(9, EV_READ, 3, Kind::User);
        assert!(c.add(lt, None, 0));
        assert_eq!(c.fd_interest(9), EV_READ);
        assert!(c.add(et, None, 0));
        assert_eq!(c.fd_interest(9), EV_READ | EV_WRITE | EV_ET);
        // A second READ event does not change the set: the fd stays ET.
        assert!(c.add(lt2, None, 0));
        assert_eq!(c.fd_interest(9), EV_READ | EV_WRITE | EV_ET);
        c.del(et);
        assert_eq!(c.fd_interest(9), EV_READ | EV_ET);
        c.del(lt);
        c.del(lt2);
        assert_eq!(c.fd_interest(9), 0);
        // Only edge-triggered events see EV_ET in their result.
        c.add(et, None, 0);
        c.add(lt, None, 0);
        c.fd_ready(9, EV_READ | EV_WRITE | EV_ET);
        assert_eq!(c.get(et).unwrap().res, EV_WRITE | EV_ET);
        assert_eq!(c.get(lt).unwrap().res, EV_READ);
    }

    #[test]
    fn event_record_fits_a_cache_line() {
        assert!(std::mem::size_of::<Ev>() <= 64, "{}", std::mem::size_of::<Ev>());
    }

    #[test]
    fn several_events_on_one_fd_fire_newest_first() {
        let mut c = Core::new(1);
        let a = c.create(7, EV_READ, 1, Kind::User);
        let b = c.create(7, EV_READ | EV_WRITE, 2, Kind::User);
        let d = c.create(7, EV_WRITE, 3, Kind::User);
        for id in [a, b, d] {
            c.add(id, None, 0);
        }
        assert_eq!(c.fd_interest(7), EV_READ | EV_WRITE);
        c.del(a);
        c.add(a, None, 0);
        c.fd_ready(7, EV_READ);
        let mut got = vec![];
        while let Some(id) = c.pop_active(0) {
            let b = c.begin(id, 0).unwrap();
            got.push((b.user, b.res));
        }
        assert_eq!(got, vec![(1, EV_READ), (2, EV_READ)]);
        assert_eq!(c.fd_interest(7), EV_WRITE, "the one-shot events are deleted, d remains");
    }

    #[test]
    fn persistent_timeout_rearm_follows_previous_deadline() {
        let mut c = Core::new(1);
        let e = c.create(-1, EV_TIMEOUT | EV_PERSIST, 1, Kind::User);
        c.add(e, Some(ms(10)), 0);
        // Processed late (at 13 ms): the next deadline is 20 ms, not 23 ms.
        c.expire(ms(13));
        let id = c.pop_active(0).unwrap();
        c.begin(id, ms(13));
        assert_eq!(c.get(e).unwrap().pending_deadline(), Some(ms(20)));
    }

    #[test]
    fn timeval_conversion_like_php() {
        assert_eq!(timeval_ns(0.5), 500_000_000);
        assert_eq!(timeval_ns(-2.0), -2_000_000_000);
        assert!(timeval_ns(f64::NAN) < 0);
        assert!(timeval_ns(f64::INFINITY) < 0);
        assert!(timeval_ns(1e20) < 0);
        assert!(timeval_ns(9_223_372_036_854_775_808.0) < 0);
        assert_eq!(timeval_ns(1e9), 1_000_000_000 * 1_000_000_000);
    }

    #[test]
    fn active_event_readd_with_timeout_cancels_timeout_activation() {
        let mut c = Core::new(1);
        let e = c.create(4, EV_READ, 1, Kind::User);
        c.add(e, Some(0), 0);
        c.expire(0);
        assert!(c.pending(e, EV_TIMEOUT));
        c.add(e, Some(ms(5)), 0);
        assert_eq!(c.pop_active(0), None);
        assert!(c.pending(e, EV_READ | EV_TIMEOUT));
    }
}
