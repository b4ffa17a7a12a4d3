//! Running an EventBufferEvent's PHP callbacks.

use super::state::BevCell;
use super::EventBufferEvent;
use crate::php::class;
use crate::php::error::{has_exception, pending_exception, warning};
use crate::php::zv::{self, copy, release};
use std::rc::Rc;

pub(super) enum Cb {
    /// readcb($bev, $arg)
    Read,
    /// writecb($bev, $arg)
    Write,
    /// eventcb($bev, $events, $arg)
    Event(u16),
}

/// Calls one of the object's callbacks (if set and the object still
/// holds this bufferevent). Returns true when it threw.
pub(super) fn call(cell: &Rc<BevCell>, cb: Cb) -> bool {
    // A Rust owner's handler (EventHttp) instead of PHP callbacks.
    if let Some(h) = super::hook::handler_of(cell) {
        return h.is_some_and(|h| match cb {
            Cb::Read => h.on_read(),
            Cb::Write => h.on_write(),
            Cb::Event(w) => h.on_event(w),
        });
    }
    let obj = cell.st.borrow().obj;
    if obj.is_null() {
        return false;
    }
    // Keep the object alive while its callback runs (it may drop the last
    // PHP reference to itself).
    // SAFETY: `obj` is the live object owning this state (teardown clears it).
    let holder = unsafe { zv::object_ref(obj) };
    // SAFETY: `obj` is an EventBufferEvent, kept alive by `holder`.
    let bev = unsafe { class::data_of::<EventBufferEvent>(obj) };
    let (callable, what) = match cb {
        Cb::Read => (bev.readcb.as_ref(), None),
        Cb::Write => (bev.writecb.as_ref(), None),
        Cb::Event(w) => (bev.eventcb.as_ref(), Some(w)),
    };
    let Some(callable) = callable else {
        release(holder);
        return false;
    };
    let arg = copy(&bev.arg);
    let mut args = [copy(&holder), zv::undef(), zv::undef()];
    let n = match what {
        Some(w) => {
            zv::set_long(&mut args[1], w as i64);
            args[2] = arg;
            3
        }
        None => {
            args[1] = arg;
            2
        }
    };
    callable.call(&mut args[..n]);
    let [a0, a1, a2] = args;
    release(a0);
    release(a1);
    release(a2);
    release(holder);
    has_exception()
}

/// A callback run by the loop threw: PECL's warning, and the loop stops.
pub(super) fn break_loop(cell: &Rc<BevCell>) {
    if let Some((name, is_exit)) = pending_exception() {
        if !is_exit {
            warning(&format!("Breaking the loop due to exception {name}"));
        }
    }
    let sh = cell.st.borrow().sh.clone();
    sh.borrow_mut().gotbreak = true;
}
