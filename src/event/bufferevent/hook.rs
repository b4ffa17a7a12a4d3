//! Hook for Rust users of a bufferevent (EventHttp's connections): a
//! [`BevHandler`] takes the place of the PHP object's callbacks, and the
//! bufferevent stays theirs to free. Kept apart from `state.rs`: the only
//! edits elsewhere are one lookup in `callbacks::call` and one in
//! `EventBufferEvent::release_bev`.

use super::state::{self, tls, BevCell};
use super::EventBufferEvent;
use crate::event::base::Shared;
use crate::event::buffer::BufCell;
use crate::php::class;
use ext_php_rs::ffi::zval;
use ipc_core::evloop::Ns;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// What a hooked bufferevent calls instead of PHP callbacks. Each returns
/// true when PHP code it ran threw (the loop then stops, as for PHP
/// callbacks).
pub(crate) trait BevHandler {
    fn on_read(&self) -> bool;
    fn on_write(&self) -> bool;
    /// `what` is EventBufferEvent's EOF/ERROR/TIMEOUT/... bits.
    fn on_event(&self, what: u16) -> bool;
}

thread_local! {
    /// Hooked bufferevents (by address) and their handlers. Bufferevents
    /// without a hook pay nothing.
    static HANDLERS: RefCell<HashMap<usize, Weak<dyn BevHandler>>> = RefCell::new(HashMap::new());
}

fn key(cell: &BevCell) -> usize {
    cell as *const BevCell as usize
}

/// The handler of a hooked bufferevent.
pub(super) fn handler_of(cell: &BevCell) -> Option<Option<Rc<dyn BevHandler>>> {
    HANDLERS.with(|h| h.borrow().get(&key(cell)).map(Weak::upgrade))
}

/// Whether the bufferevent belongs to a Rust user (EventBufferEvent
/// objects made over it by getBufferEvent() must not free it).
pub(super) fn is_hooked(cell: &BevCell) -> bool {
    HANDLERS.with(|h| h.borrow().contains_key(&key(cell)))
}

/// A bufferevent owned by Rust code; free() (or drop) tears it down.
pub(crate) struct HookedBev(Rc<BevCell>);

/// The options of evhttp's bufferevents, plus deferred callbacks: the
/// handler never runs inside one of its own calls into the bufferevent.
const OPTIONS: i64 = state::OPT_CLOSE_ON_FREE | state::OPT_DEFER_CALLBACKS;

impl HookedBev {
    fn hook(cell: Rc<BevCell>, h: Weak<dyn BevHandler>) -> HookedBev {
        cell.st.borrow_mut().has_cb = [true; 3];
        HANDLERS.with(|m| m.borrow_mut().insert(key(&cell), h));
        HookedBev(cell)
    }

    /// bufferevent_socket_new(fd, CLOSE_ON_FREE) with `h` as callbacks.
    pub fn socket(sh: &Rc<RefCell<Shared>>, fd: i32, h: Weak<dyn BevHandler>) -> HookedBev {
        HookedBev::hook(BevCell::new(sh, fd, OPTIONS, false), h)
    }

    /// bufferevent_openssl_socket_new(fd, ssl, ACCEPTING, CLOSE_ON_FREE).
    pub fn tls_accepting(
        sh: &Rc<RefCell<Shared>>,
        fd: i32,
        ssl: openssl::ssl::Ssl,
        h: Weak<dyn BevHandler>,
    ) -> Option<HookedBev> {
        let t = tls::Tls::new(ssl, fd, tls::TlsState::Accepting).ok()?;
        let cell = BevCell::new(sh, -1, OPTIONS, false);
        cell.st.borrow_mut().tls = Some(Box::new(t));
        let me = HookedBev::hook(cell, h);
        me.0.set_fd(fd);
        Some(me)
    }

    pub fn input(&self) -> Rc<BufCell> {
        self.0.st.borrow().input.clone()
    }
    pub fn output(&self) -> Rc<BufCell> {
        self.0.st.borrow().output.clone()
    }
    pub fn enable(&self, events: u16) {
        self.0.enable(events);
    }
    pub fn disable(&self, events: u16) {
        self.0.disable(events);
    }
    pub fn set_timeouts(&self, read: Option<Ns>, write: Option<Ns>) {
        self.0.set_timeouts(read, write);
    }

    /// getBufferEvent(): a new EventBufferEvent object over this
    /// bufferevent, without callbacks; freeing it leaves the bufferevent
    /// to its owner.
    pub fn new_object(&self, rv: &mut zval) {
        let obj = class::instantiate::<EventBufferEvent>(rv);
        obj.bev = Some(self.0.clone());
    }

    /// bufferevent_free: the handler is forgotten, the socket closed.
    pub fn free(&self) {
        HANDLERS.with(|m| m.borrow_mut().remove(&key(&self.0)));
        self.0.teardown();
    }
}

impl Drop for HookedBev {
    fn drop(&mut self) {
        if is_hooked(&self.0) {
            self.free();
        }
    }
}

/// libevent's evutil_gai_strerror (the texts bind() warnings show).
pub(crate) fn gai_strerror(code: i32) -> String {
    super::connect::gai_strerror(code)
}

impl HookedBev {
    /// Schedules the write callback (deferred) when the output is already
    /// empty: a reply that wrote nothing is "flushed" at once.
    pub fn schedule_write_cb(&self) {
        if self.0.st.borrow().output.len() == 0 {
            self.0.trigger(ipc_core::evloop::EV_WRITE, true);
        }
    }
}

// ---- client side (EventHttpConnection) ----

impl HookedBev {
    /// evhttp_connection's bufferevent once connect(2) was issued on `fd`
    /// (`r`: 0 in progress, 1 connected, 2 refused): a socket one, or with
    /// `ssl` a TLS one in the connecting state. `timeout` is the read and
    /// write timeout, which covers the connect as in libevent.
    pub fn connecting(
        sh: &Rc<RefCell<Shared>>,
        fd: i32,
        r: i32,
        ssl: Option<openssl::ssl::Ssl>,
        timeout: Option<Ns>,
        h: Weak<dyn BevHandler>,
    ) -> Option<HookedBev> {
        let cell = BevCell::new(sh, -1, OPTIONS, false);
        if let Some(ssl) = ssl {
            let t = tls::Tls::new(ssl, -1, tls::TlsState::Connecting).ok()?;
            cell.st.borrow_mut().tls = Some(Box::new(t));
        }
        let me = HookedBev::hook(cell, h);
        me.0.set_timeouts(timeout, timeout);
        me.0.connect_started(fd, r);
        Some(me)
    }

    /// The descriptor (-1 while a TLS or socket bufferevent has none).
    pub fn fd(&self) -> i32 {
        self.0.st.borrow().fd
    }
}
