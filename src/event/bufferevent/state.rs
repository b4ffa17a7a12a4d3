//! A bufferevent without PHP: libevent's socket and pair bufferevents
//! (bufferevent_sock.c, bufferevent_pair.c, bufferevent.c) on the base's
//! core, with `Kind::Internal` events for reading, writing, timeouts and
//! deferred callbacks.
//!
//! No `RefCell` borrow of the state is held while a PHP callback runs: each
//! step borrows, decides, releases, then calls out.

mod filter;
pub(super) mod tls;

use super::callbacks::{self, Cb};
use crate::event::base::{Internal, Shared};
use crate::event::buffer::{read_from_fd, write_to_fd, BufCell, BufWatcher};
use ext_php_rs::ffi::zend_object;
use ipc_core::evbuffer::EvBuffer;
use ipc_core::evloop::{Begin, EvId, Kind, Ns, EV_PERSIST, EV_READ, EV_TIMEOUT, EV_WRITE};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

pub const READING: u16 = 1;
pub const WRITING: u16 = 2;
pub const EOF: u16 = 16;
pub const ERROR: u16 = 32;
pub const TIMEOUT: u16 = 64;
pub const CONNECTED: u16 = 128;

pub const OPT_CLOSE_ON_FREE: i64 = 1;
pub const OPT_THREADSAFE: i64 = 2;
pub const OPT_DEFER_CALLBACKS: i64 = 4;
pub const OPT_UNLOCK_CALLBACKS: i64 = 8;

/// libevent's MAX_SINGLE_READ_DEFAULT and MAX_SINGLE_WRITE_DEFAULT.
const MAX_SINGLE_READ: i64 = 16384;
const MAX_SINGLE_WRITE: i64 = 16384;

/// libevent's MAX_DEFERREDS_QUEUED.
const MAX_DEFERREDS_QUEUED: u32 = 32;

/// A bufferevent's state. Its size decides the malloc class of every
/// bufferevent (10,000 at C10K): what most never use is boxed in `Rare`, and
/// the record fits 88 bytes (the cell's allocation 120, malloc's 128-byte
/// class; it was 224 in the 240-byte class).
pub(super) struct Bev {
    pub sh: Rc<RefCell<Shared>>,
    /// The PHP object whose callbacks run (null once freed).
    pub obj: *mut zend_object,
    pub input: Rc<BufCell>,
    pub output: Rc<BufCell>,
    /// Both carry the bufferevent's key in the base's handler table as
    /// their `user` (no copy of it here).
    ev_read: EvId,
    ev_write: EvId,
    /// The TLS connection of an sslSocket bufferevent.
    pub tls: Option<Box<tls::Tls>>,
    rare: Option<Box<Rare>>,
    pub fd: i32,
    pub dns_error: i32,
    pub enabled: u16,
    eventcb_pending: u16,
    /// The OPT_* bits (all below 16).
    options: u8,
    /// The deferred-callback event's priority until the event is made: the
    /// base's default when the bufferevent was made (libevent's
    /// event_deferred_cb_init_), or setPriority's.
    defer_prio: u8,
    pub pair: bool,
    /// Reading suspended by the high read watermark.
    read_suspended: bool,
    connecting: bool,
    connection_refused: bool,
    readcb_pending: bool,
    writecb_pending: bool,
    /// Which of the read, write and event callbacks are set.
    pub has_cb: [bool; 3],
}

// The Rc allocation is the cell plus two counts: at most 120 bytes.
const _: () = assert!(std::mem::size_of::<BevCell>() + 16 <= 120, "a bufferevent left its malloc class");

/// What a bufferevent holds only once a script uses it: boxed on first
/// use, read as libevent's defaults (no partner, zero watermarks, no
/// timeouts) while absent.
#[derive(Default)]
struct Rare {
    /// The other half of a pair.
    partner: Option<Weak<BevCell>>,
    wm_read: (usize, usize),
    wm_write: (usize, usize),
    timeout_read: Option<Ns>,
    timeout_write: Option<Ns>,
    /// A connectHost lookup in progress (dropping it cancels it).
    lookup: Option<crate::event::dns::LookupHandle>,
    /// The deferred-callback event, made when a callback is first deferred
    /// (most socket bufferevents never defer one: 64 bytes of the core's
    /// slot array saved each).
    ev_defer: Option<EvId>,
    /// The TLS filter that took this bufferevent's callbacks over
    /// (filter.rs).
    above: Option<Weak<BevCell>>,
}

impl Bev {
    fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Default::default)
    }
    /// (low, high) read watermarks.
    pub fn wm_read(&self) -> (usize, usize) {
        self.rare.as_ref().map_or((0, 0), |r| r.wm_read)
    }
    pub fn wm_write(&self) -> (usize, usize) {
        self.rare.as_ref().map_or((0, 0), |r| r.wm_write)
    }
    pub fn timeout_read(&self) -> Option<Ns> {
        self.rare.as_ref().and_then(|r| r.timeout_read)
    }
    pub fn timeout_write(&self) -> Option<Ns> {
        self.rare.as_ref().and_then(|r| r.timeout_write)
    }
    fn ev_defer(&self) -> Option<EvId> {
        self.rare.as_ref().and_then(|r| r.ev_defer)
    }
    fn partner_weak(&self) -> Option<&Weak<BevCell>> {
        self.rare.as_ref().and_then(|r| r.partner.as_ref())
    }
    /// The TLS filter above this bufferevent, if one took its callbacks over.
    pub fn above(&self) -> Option<&Weak<BevCell>> {
        self.rare.as_ref().and_then(|r| r.above.as_ref())
    }
    pub fn set_above(&mut self, w: Option<Weak<BevCell>>) {
        if w.is_some() || self.rare.is_some() {
            self.rare_mut().above = w;
        }
    }
    /// The lookup of connectHost in progress (None ends or cancels it).
    pub fn set_lookup(&mut self, h: Option<crate::event::dns::LookupHandle>) {
        if h.is_some() || self.rare.is_some() {
            self.rare_mut().lookup = h;
        }
    }
}

pub(super) struct BevCell {
    pub st: RefCell<Bev>,
    me: Weak<BevCell>,
}

/// Runs with both ends of `b` unfrozen (the bufferevent's own reads and
/// writes go through the ends it freezes against its user).
fn unfrozen<R>(b: &mut EvBuffer, f: impl FnOnce(&mut EvBuffer) -> R) -> R {
    let (front, back) = (b.front_frozen(), b.back_frozen());
    b.freeze(true, false);
    b.freeze(false, false);
    let r = f(b);
    b.freeze(true, front);
    b.freeze(false, back);
    r
}

impl BevCell {
    /// bufferevent_socket_new (fd may be -1) or one half of
    /// bufferevent_pair_new.
    pub fn new(sh: &Rc<RefCell<Shared>>, fd: i32, options: i64, pair: bool) -> Rc<BevCell> {
        super::finalize::sweep();
        Rc::new_cyclic(|me: &Weak<BevCell>| {
            let mut s = sh.borrow_mut();
            let h: Weak<dyn Internal> = me.clone();
            let key = s.register_internal(h);
            let (rfd, rev, wev) = if pair { (-1, 0, 0) } else { (fd, EV_READ | EV_PERSIST, EV_WRITE | EV_PERSIST) };
            let ev_read = s.core.create(rfd, rev, key, Kind::Internal);
            let ev_write = s.core.create(rfd, wev, key, Kind::Internal);
            let defer_prio = s.core.default_prio();
            let input = Rc::new(BufCell::default());
            let output = Rc::new(BufCell::default());
            input.get_mut().freeze(false, true);
            output.get_mut().freeze(true, true);
            let w: Weak<dyn BufWatcher> = me.clone();
            input.set_watcher(Some(w.clone()));
            output.set_watcher(Some(w));
            BevCell {
                st: RefCell::new(Bev {
                    sh: sh.clone(),
                    obj: std::ptr::null_mut(),
                    input,
                    output,
                    ev_read,
                    ev_write,
                    tls: None,
                    rare: None,
                    fd: if pair { -1 } else { fd },
                    dns_error: 0,
                    enabled: EV_WRITE,
                    eventcb_pending: 0,
                    options: (options & 0xff) as u8,
                    defer_prio,
                    pair,
                    read_suspended: false,
                    connecting: false,
                    connection_refused: false,
                    readcb_pending: false,
                    writecb_pending: false,
                    has_cb: [false; 3],
                }),
                me: me.clone(),
            }
        })
    }

    pub fn weak(&self) -> Weak<BevCell> {
        self.me.clone()
    }

    fn rc(&self) -> Option<Rc<BevCell>> {
        self.me.upgrade()
    }

    /// bufferevent_free: events removed, buffers and partner unlinked, the
    /// descriptor closed with OPT_CLOSE_ON_FREE. The buffers live on in any
    /// EventBuffer object still holding them.
    pub fn teardown(&self) {
        // Filter hooks: a filter lets its underlying bufferevent go; an
        // underlying one lives on while its filter does.
        self.filter_unlink();
        if self.kept_by_filter() {
            return;
        }
        let (sh, ev_read, ids, input, output, partner, close_fd) = {
            let mut st = self.st.borrow_mut();
            st.obj = std::ptr::null_mut();
            st.has_cb = [false; 3];
            st.enabled = 0;
            let close_fd = (st.options as i64 & OPT_CLOSE_ON_FREE != 0 && st.fd >= 0).then_some(st.fd);
            let partner = st.rare.as_mut().and_then(|r| r.partner.take());
            (
                st.sh.clone(),
                st.ev_read,
                [Some(st.ev_read), Some(st.ev_write), st.ev_defer()],
                st.input.clone(),
                st.output.clone(),
                partner,
                close_fd,
            )
        };
        input.set_watcher(None);
        output.set_watcher(None);
        if let Ok(mut s) = sh.try_borrow_mut() {
            let key = s.core.get(ev_read).map(|e| e.user);
            for id in ids.into_iter().flatten() {
                s.core.remove(id);
            }
            if let Some(defer) = ids[2] {
                s.active_later.retain(|&l| l != defer);
            }
            if let Some(key) = key {
                s.unregister_internal(key);
            }
            let _ = s.sync();
        }
        if let Some(p) = partner.and_then(|p| p.upgrade()) {
            if let Some(r) = p.st.borrow_mut().rare.as_mut() {
                r.partner = None;
            }
        }
        if let Some(fd) = close_fd {
            super::finalize::close_later(&sh, fd);
        }
    }

    // ---------------------------------------------------------------- core events

    /// bufferevent_add_event_: event_add with the timeout when one is set.
    /// False (with libevent's warning shown) when the kernel refused the fd.
    fn add_event(&self, which: EvId, tv: Option<Ns>) -> bool {
        let sh = self.st.borrow().sh.clone();
        let mut s = sh.borrow_mut();
        if s.freed {
            return false;
        }
        let now = s.gettime();
        s.core.add(which, tv, now);
        s.failure = None;
        if s.sync().is_err() {
            s.core.del(which);
            let _ = s.sync();
            let failure = s.failure.take();
            drop(s);
            if let Some(f) = failure {
                crate::php::error::warning(&f);
            }
            return false;
        }
        true
    }

    fn del_event(&self, which: EvId) {
        let sh = self.st.borrow().sh.clone();
        let mut s = sh.borrow_mut();
        s.core.del(which);
        let _ = s.sync();
    }

    fn remove_timer(&self, which: EvId) {
        let sh = self.st.borrow().sh.clone();
        sh.borrow_mut().core.remove_timer(which);
    }

    fn pending(&self, which: EvId, what: u16) -> bool {
        let sh = self.st.borrow().sh.clone();
        let s = sh.borrow();
        s.core.pending(which, what)
    }

    // ---------------------------------------------------------------- enable/disable

    /// bufferevent_enable.
    pub fn enable(&self, event: u16) -> bool {
        let impl_events = {
            let mut st = self.st.borrow_mut();
            st.enabled |= event;
            if st.read_suspended {
                event & !EV_READ
            } else {
                event
            }
        };
        if impl_events == 0 {
            return true;
        }
        self.impl_enable(impl_events)
    }

    /// bufferevent_disable.
    pub fn disable(&self, event: u16) -> bool {
        self.st.borrow_mut().enabled &= !event;
        self.impl_disable(event);
        true
    }

    /// be_socket_enable / be_pair_enable.
    pub(super) fn impl_enable(&self, event: u16) -> bool {
        if self.st.borrow().tls.is_some() {
            return self.tls_enable(event);
        }
        let (pair, ev_read, ev_write, tr, tw) = {
            let st = self.st.borrow();
            (st.pair, st.ev_read, st.ev_write, st.timeout_read(), st.timeout_write())
        };
        if !pair {
            if event & EV_READ != 0 && !self.add_event(ev_read, tr) {
                return false;
            }
            if event & EV_WRITE != 0 && !self.add_event(ev_write, tw) {
                return false;
            }
            return true;
        }
        if event & EV_READ != 0 {
            self.reset_generic(ev_read, tr);
        }
        let out_len = self.st.borrow().output.len();
        if event & EV_WRITE != 0 && out_len > 0 {
            self.reset_generic(ev_write, tw);
        }
        let partner = self.partner();
        if let (Some(p), Some(me)) = (partner, self.rc()) {
            if event & EV_READ != 0 && wants_to_talk(&p, &me) {
                transfer(&p, &me, false);
            }
            if event & EV_WRITE != 0 && wants_to_talk(&me, &p) {
                transfer(&me, &p, false);
            }
        }
        true
    }

    /// be_socket_disable / be_pair_disable.
    pub(super) fn impl_disable(&self, event: u16) {
        if self.st.borrow().tls.is_some() {
            return self.tls_disable(event);
        }
        let (pair, connecting, ev_read, ev_write) = {
            let st = self.st.borrow();
            (st.pair, st.connecting, st.ev_read, st.ev_write)
        };
        if event & EV_READ != 0 {
            self.del_event(ev_read);
        }
        // A socket keeps its write event while connecting.
        if event & EV_WRITE != 0 && (pair || !connecting) {
            self.del_event(ev_write);
        }
    }

    /// BEV_RESET_GENERIC_*_TIMEOUT: a pair's timer re-armed, or removed
    /// when no timeout is set.
    fn reset_generic(&self, which: EvId, tv: Option<Ns>) {
        match tv {
            Some(_) => {
                self.add_event(which, tv);
            }
            None => self.del_event(which),
        }
    }

    /// (read suspended by the watermark, enabled events).
    pub(super) fn suspension(&self) -> (bool, u16) {
        let st = self.st.borrow();
        (st.read_suspended, st.enabled)
    }

    fn partner(&self) -> Option<Rc<BevCell>> {
        self.st.borrow().partner_weak().and_then(Weak::upgrade)
    }

    // ---------------------------------------------------------------- watermarks

    fn suspend_read(&self) {
        let was = std::mem::replace(&mut self.st.borrow_mut().read_suspended, true);
        if !was {
            self.impl_disable(EV_READ);
        }
    }

    fn unsuspend_read(&self) {
        let resume = {
            let mut st = self.st.borrow_mut();
            let was = std::mem::replace(&mut st.read_suspended, false);
            was && st.enabled & EV_READ != 0
        };
        if resume {
            self.impl_enable(EV_READ);
        }
    }

    /// bufferevent_setwatermark.
    pub fn set_watermark(&self, events: u16, low: usize, high: usize) {
        let len = {
            let mut st = self.st.borrow_mut();
            if events & EV_WRITE != 0 && (st.rare.is_some() || (low, high) != (0, 0)) {
                st.rare_mut().wm_write = (low, high);
            }
            if events & EV_READ == 0 {
                return;
            }
            if st.rare.is_some() || (low, high) != (0, 0) {
                st.rare_mut().wm_read = (low, high);
            }
            st.input.len()
        };
        if high != 0 && len >= high {
            self.suspend_read();
        } else {
            self.unsuspend_read();
        }
    }

    // ---------------------------------------------------------------- timeouts

    /// bufferevent_set_timeouts; a zero timeout means none.
    pub fn set_timeouts(&self, read: Option<Ns>, write: Option<Ns>) -> bool {
        let (pair, ev_read, ev_write, enabled, suspended, out_len) = {
            let mut st = self.st.borrow_mut();
            if st.rare.is_some() || read.is_some() || write.is_some() {
                let r = st.rare_mut();
                r.timeout_read = read;
                r.timeout_write = write;
            }
            (st.pair, st.ev_read, st.ev_write, st.enabled, st.read_suspended, st.output.len())
        };
        if pair {
            // bufferevent_generic_adj_timeouts_
            if enabled & EV_READ != 0 && !suspended && read.is_some() {
                self.add_event(ev_read, read);
            } else {
                self.del_event(ev_read);
            }
            if enabled & EV_WRITE != 0 && write.is_some() && out_len > 0 {
                self.add_event(ev_write, write);
            } else {
                self.del_event(ev_write);
            }
            return true;
        }
        // bufferevent_generic_adj_existing_timeouts_
        let mut ok = true;
        for (id, what, tv) in [(ev_read, EV_READ, read), (ev_write, EV_WRITE, write)] {
            if self.pending(id, what) {
                match tv {
                    Some(_) => ok &= self.add_event(id, tv),
                    None => self.remove_timer(id),
                }
            }
        }
        ok
    }

    /// bufferevent_priority_set: sockets only, never while an event is active.
    pub fn set_priority(&self, p: i64) -> bool {
        let mut st = self.st.borrow_mut();
        if st.pair {
            return false;
        }
        let sh = st.sh.clone();
        let mut s = sh.borrow_mut();
        if !s.core.set_priority(st.ev_read, p) || !s.core.set_priority(st.ev_write, p) {
            return false;
        }
        match st.ev_defer() {
            Some(defer) => {
                s.core.set_priority(defer, p);
            }
            // In range: the read event took it.
            None => st.defer_prio = p as u8,
        }
        true
    }

    // ---------------------------------------------------------------- callbacks

    /// bufferevent_run_readcb_/writecb_: now, or from the deferred queue.
    /// Returns true when a callback threw.
    fn run_cb(&self, which: usize, defer: bool) -> bool {
        let now = {
            let mut st = self.st.borrow_mut();
            if !st.has_cb[which] {
                return false;
            }
            if defer || st.options as i64 & OPT_DEFER_CALLBACKS != 0 {
                if which == 0 {
                    st.readcb_pending = true;
                } else {
                    st.writecb_pending = true;
                }
                drop(st);
                self.schedule_deferred();
                false
            } else {
                true
            }
        };
        if !now {
            return false;
        }
        let Some(me) = self.rc() else { return false };
        if which == 0 {
            dispatch(&me, Cb::Read) || me.inbuf_wm_check()
        } else {
            dispatch(&me, Cb::Write)
        }
    }

    /// bufferevent_inbuf_wm_check (libevent 2.1.9+): after a read callback
    /// that left the input at or above the high watermark, the read
    /// callback is scheduled again (deferred) while reading is enabled.
    fn inbuf_wm_check(&self) -> bool {
        let again = {
            let st = self.st.borrow();
            let high = st.wm_read().1;
            high != 0 && st.enabled & EV_READ != 0 && st.input.len() >= high
        };
        again && self.trigger(EV_READ, true)
    }

    /// bufferevent_run_eventcb_.
    pub fn run_eventcb(&self, what: u16, defer: bool) -> bool {
        {
            let mut st = self.st.borrow_mut();
            if !st.has_cb[2] {
                return false;
            }
            if defer || st.options as i64 & OPT_DEFER_CALLBACKS != 0 {
                st.eventcb_pending |= what;
                drop(st);
                self.schedule_deferred();
                return false;
            }
        }
        let Some(me) = self.rc() else { return false };
        dispatch(&me, Cb::Event(what))
    }

    /// event_deferred_cb_schedule_: into the active queue, or, past
    /// MAX_DEFERREDS_QUEUED activations in this loop iteration, into the
    /// base's active_later queue (activated at the next iteration).
    fn schedule_deferred(&self) {
        let mut st = self.st.borrow_mut();
        let sh = st.sh.clone();
        let mut s = sh.borrow_mut();
        if s.freed {
            return;
        }
        let id = match st.ev_defer() {
            Some(id) => id,
            None => {
                // The handler key is the one the read event carries.
                let Some(key) = s.core.get(st.ev_read).map(|e| e.user) else { return };
                let id = s.core.create_with_prio(-1, 0, key, Kind::Internal, st.defer_prio);
                st.rare_mut().ev_defer = Some(id);
                id
            }
        };
        let active = s.core.get(id).is_some_and(|e| e.active);
        if active {
            return;
        }
        let later = s.active_later.iter().position(|&l| l == id);
        if s.n_deferreds_queued > MAX_DEFERREDS_QUEUED {
            if later.is_none() {
                s.active_later.push(id);
            }
            return;
        }
        if let Some(i) = later {
            s.active_later.remove(i);
        }
        s.core.activate(id, EV_TIMEOUT, 1);
        s.n_deferreds_queued += 1;
    }

    /// bufferevent_trigger_nolock_: the read callback at or above the low
    /// read watermark, the write callback at or below the low write one.
    pub(super) fn trigger(&self, iotype: u16, defer: bool) -> bool {
        let (rd, wr) = {
            let st = self.st.borrow();
            (st.input.len() >= st.wm_read().0, st.output.len() <= st.wm_write().0)
        };
        if iotype & EV_READ != 0 && rd && self.run_cb(0, defer) {
            return true;
        }
        if iotype & EV_WRITE != 0 && wr && self.run_cb(1, defer) {
            return true;
        }
        false
    }

    /// bufferevent_run_deferred_callbacks_locked.
    fn run_deferred(&self) -> bool {
        let Some(me) = self.rc() else { return false };
        for stage in 0..4 {
            let next = deferred_step(&mut me.st.borrow_mut(), stage);
            if let Some(cb) = next {
                let read = matches!(cb, Cb::Read);
                if dispatch(&me, cb) || (read && me.inbuf_wm_check()) {
                    return true;
                }
            }
        }
        false
    }

    // ---------------------------------------------------------------- socket I/O

    /// bufferevent_readcb.
    fn socket_readcb(&self, res: u16) -> bool {
        let mut what = READING;
        if res == EV_TIMEOUT {
            return self.io_error(EV_READ, what | TIMEOUT);
        }
        let (input, fd, high, suspended) = {
            let st = self.st.borrow();
            (st.input.clone(), st.fd, st.wm_read().1, st.read_suspended)
        };
        let mut howmuch: i64 = -1;
        if high != 0 {
            howmuch = high as i64 - input.len() as i64;
            if howmuch <= 0 {
                self.suspend_read();
                return false;
            }
        }
        if !(0..=MAX_SINGLE_READ).contains(&howmuch) {
            howmuch = MAX_SINGLE_READ;
        }
        if suspended {
            return false;
        }
        let (n, err) = unfrozen(&mut input.get_mut(), |b| read_from_fd(b, fd, howmuch));
        if n > 0 {
            input.notify(n as usize, 0);
        }
        if n == -1 {
            if err == libc::EAGAIN || err == libc::EINTR {
                return false;
            }
            if err == libc::ECONNREFUSED {
                self.st.borrow_mut().connection_refused = true;
                return false;
            }
            what |= ERROR;
        } else if n == 0 {
            what |= EOF;
        }
        if n <= 0 {
            return self.io_error(EV_READ, what);
        }
        self.trigger(EV_READ, false)
    }

    /// The `error:` path of the read and write callbacks.
    fn io_error(&self, dir: u16, what: u16) -> bool {
        self.disable(dir);
        self.run_eventcb(what, false)
    }

    /// bufferevent_writecb.
    fn socket_writecb(&self, res: u16) -> bool {
        let mut what = WRITING;
        let mut connected = false;
        if res == EV_TIMEOUT {
            return self.io_error(EV_WRITE, what | TIMEOUT);
        }
        let (fd, ev_write, ev_read, connecting) = {
            let st = self.st.borrow();
            (st.fd, st.ev_write, st.ev_read, st.connecting)
        };
        if connecting {
            let mut c = finished_connecting(fd);
            if std::mem::take(&mut self.st.borrow_mut().connection_refused) {
                c = -1;
            }
            if c == 0 {
                return false;
            }
            self.st.borrow_mut().connecting = false;
            if c < 0 {
                self.del_event(ev_write);
                self.del_event(ev_read);
                return self.run_eventcb(ERROR, false);
            }
            connected = true;
            if self.run_eventcb(CONNECTED, false) {
                return true;
            }
            let enabled = self.st.borrow().enabled;
            if enabled & EV_WRITE == 0 {
                self.del_event(ev_write);
                return false;
            }
        }
        let output = self.st.borrow().output.clone();
        let mut n = 0;
        if output.len() > 0 {
            let (w, err) = unfrozen(&mut output.get_mut(), |b| write_to_fd(b, fd, MAX_SINGLE_WRITE));
            if w > 0 {
                output.notify(0, w as usize);
            }
            n = w;
            if w == -1 {
                if err == libc::EAGAIN || err == libc::EINTR {
                    if output.len() == 0 {
                        self.del_event(ev_write);
                    }
                    return false;
                }
                what |= ERROR;
            } else if w == 0 {
                what |= EOF;
            }
            if w <= 0 {
                return self.io_error(EV_WRITE, what);
            }
        }
        if output.len() == 0 {
            self.del_event(ev_write);
        }
        if n != 0 || !connected {
            return self.trigger(EV_WRITE, false);
        }
        false
    }

    // ---------------------------------------------------------------- connect

    /// bufferevent_setfd for a socket bufferevent.
    pub fn set_fd(&self, fd: i32) {
        if self.st.borrow().tls.is_some() {
            return self.tls_set_fd(fd);
        }
        let (sh, ev_read, ev_write, enabled) = {
            let mut st = self.st.borrow_mut();
            st.fd = fd;
            (st.sh.clone(), st.ev_read, st.ev_write, st.enabled)
        };
        {
            let mut s = sh.borrow_mut();
            s.core.del(ev_read);
            s.core.del(ev_write);
            s.core.assign(ev_read, fd, EV_READ | EV_PERSIST);
            s.core.assign(ev_write, fd, EV_WRITE | EV_PERSIST);
            let _ = s.sync();
        }
        if fd >= 0 {
            self.enable(enabled);
        }
    }

    /// The end of bufferevent_socket_connect once connect(2) was issued on
    /// `fd`: 0 in progress, 1 connected, 2 refused.
    pub fn connect_started(&self, fd: i32, r: i32) -> bool {
        self.set_fd(fd);
        match r {
            0 => {
                let ev_write = self.st.borrow().ev_write;
                let tw = self.st.borrow().timeout_write();
                if self.add_event(ev_write, tw) {
                    self.st.borrow_mut().connecting = true;
                    return true;
                }
                false
            }
            1 => {
                self.st.borrow_mut().connecting = true;
                self.trigger(EV_WRITE, true);
                true
            }
            _ => {
                self.run_eventcb(ERROR, true);
                self.disable(EV_WRITE | EV_READ);
                true
            }
        }
    }

    /// The getaddrinfo failure of connectHost: the error kept for
    /// getDnsErrorString() and the event callback told. True if it threw.
    pub fn dns_failed(&self, err: i32) -> bool {
        self.st.borrow_mut().dns_error = err;
        self.run_eventcb(ERROR, false)
    }
}

/// Runs a callback of `me`: its PHP one, or its TLS filter's when a filter
/// took its callbacks over (filter.rs). True if a PHP callback threw.
fn dispatch(me: &Rc<BevCell>, cb: Cb) -> bool {
    match me.filter_above() {
        Some(f) => f.underlying_cb(cb),
        None => callbacks::call(me, cb),
    }
}

/// One stage of bufferevent_run_deferred_callbacks_locked: CONNECTED first
/// (it happened before any read or write), then read, write, the other
/// events. The pending flag is cleared before the callback runs.
fn deferred_step(st: &mut Bev, stage: usize) -> Option<Cb> {
    match stage {
        0 if st.eventcb_pending & CONNECTED != 0 && st.has_cb[2] => {
            st.eventcb_pending &= !CONNECTED;
            Some(Cb::Event(CONNECTED))
        }
        1 if st.readcb_pending && st.has_cb[0] => {
            st.readcb_pending = false;
            Some(Cb::Read)
        }
        2 if st.writecb_pending && st.has_cb[1] => {
            st.writecb_pending = false;
            Some(Cb::Write)
        }
        3 if st.eventcb_pending != 0 && st.has_cb[2] => Some(Cb::Event(std::mem::take(&mut st.eventcb_pending))),
        _ => None,
    }
}

/// evutil_socket_finished_connecting_: 1 connected, 0 still in progress,
/// -1 failed.
fn finished_connecting(fd: i32) -> i32 {
    let mut buf = [0u8; 4];
    match crate::sys::socket::getsockopt(fd, libc::SOL_SOCKET, libc::SO_ERROR, &mut buf) {
        Err(_) => -1,
        Ok(_) => match i32::from_ne_bytes(buf) {
            0 => 1,
            e if e == libc::EINTR || e == libc::EINPROGRESS => 0,
            _ => -1,
        },
    }
}

// ---------------------------------------------------------------- pairs

/// be_pair_wants_to_talk.
fn wants_to_talk(src: &BevCell, dst: &BevCell) -> bool {
    let s = src.st.borrow();
    let d = dst.st.borrow();
    s.enabled & EV_WRITE != 0 && d.enabled & EV_READ != 0 && !d.read_suspended && s.output.len() > 0
}

/// be_pair_transfer: src's output into dst's input, up to dst's high read
/// watermark. Returns true when a callback threw.
fn transfer(src: &BevCell, dst: &BevCell, ignore_wm: bool) -> bool {
    let (out, ev_write, tw) = {
        let s = src.st.borrow();
        (s.output.clone(), s.ev_write, s.timeout_write())
    };
    let (inp, high) = {
        let d = dst.st.borrow();
        (d.input.clone(), d.wm_read().1)
    };
    let dst_size = inp.len();
    let n = if high != 0 && dst_size >= high {
        if !ignore_wm {
            return false;
        }
        out.len()
    } else if high != 0 {
        high - dst_size
    } else {
        out.len()
    };
    let moved = {
        let mut o = out.get_mut();
        let mut i = inp.get_mut();
        let n = n.min(o.len());
        unfrozen(&mut o, |o| unfrozen(&mut i, |i| i.append_from(o, n)))
    };
    if moved > 0 {
        out.notify(0, moved as usize);
        inp.notify(moved as usize, 0);
    }
    if out.len() > 0 {
        src.reset_generic(ev_write, tw);
    } else {
        src.del_event(ev_write);
    }
    if dst.trigger(EV_READ, false) {
        return true;
    }
    src.trigger(EV_WRITE, false)
}

/// Links two new pair halves (bufferevent_pair_new).
pub(super) fn link_pair(a: &Rc<BevCell>, b: &Rc<BevCell>) {
    a.st.borrow_mut().rare_mut().partner = Some(Rc::downgrade(b));
    b.st.borrow_mut().rare_mut().partner = Some(Rc::downgrade(a));
}

// ---------------------------------------------------------------- hooks

impl BufWatcher for BevCell {
    fn changed(&self, cell: &BufCell, added: usize, deleted: usize) {
        let (is_input, pair, high) = {
            let Ok(st) = self.st.try_borrow() else { return };
            (std::ptr::eq(Rc::as_ptr(&st.input), cell), st.pair, st.wm_read().1)
        };
        if is_input {
            // bufferevent_inbuf_wm_cb
            if high != 0 {
                if cell.len() >= high {
                    self.suspend_read();
                } else {
                    self.unsuspend_read();
                }
            }
            return;
        }
        if self.st.borrow().tls.is_some() {
            return self.tls_outbuf_changed((cell.len() + deleted).saturating_sub(added), added);
        }
        if pair {
            // be_pair_outbuf_cb (callbacks are deferred for pairs: nothing can throw here)
            if added > deleted {
                if let (Some(p), Some(me)) = (self.partner(), self.rc()) {
                    if wants_to_talk(&me, &p) {
                        transfer(&me, &p, false);
                    }
                }
            }
            return;
        }
        // bufferevent_socket_outbuf_cb
        let (enabled, ev_write, tw) = {
            let st = self.st.borrow();
            (st.enabled, st.ev_write, st.timeout_write())
        };
        if added > 0 && enabled & EV_WRITE != 0 && !self.pending(ev_write, EV_WRITE) {
            self.add_event(ev_write, tw);
        }
    }
}

impl Internal for BevCell {
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, b: &Begin) -> bool {
        let Some(me) = self.rc() else { return false };
        let (pair, ev_read, ev_write, ev_defer, tls) = {
            let st = me.st.borrow();
            (st.pair, st.ev_read, st.ev_write, st.ev_defer(), st.tls.is_some())
        };
        let threw = if Some(b.id) == ev_defer {
            me.run_deferred()
        } else if tls && (b.id == ev_read || b.id == ev_write) {
            me.tls_fire(b.id == ev_read, b.res)
        } else if b.id == ev_read {
            if pair {
                // bufferevent_generic_read_timeout_cb
                me.io_error(EV_READ, TIMEOUT | READING)
            } else {
                me.socket_readcb(b.res)
            }
        } else if b.id == ev_write {
            if pair {
                me.io_error(EV_WRITE, TIMEOUT | WRITING)
            } else {
                me.socket_writecb(b.res)
            }
        } else {
            false
        };
        if threw {
            callbacks::break_loop(&me);
        }
        threw
    }
}
