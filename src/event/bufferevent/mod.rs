//! EventBufferEvent: PECL event's bufferevent (socket and pair kinds) on
//! the Rust event core. `state` holds libevent's logic, `methods` the PHP
//! methods, `props` the property handlers, `connect` connect/connectHost.

mod callbacks;
mod connect;
mod finalize;
pub(crate) mod hook;
mod methods;
mod props;
mod state;

use crate::php::call::UserCallable;
use crate::php::class::{self, NativeClass, ACC_FINAL};
use ext_php_rs::ffi::zval;
use state::BevCell;
use std::rc::Rc;

#[derive(Default)]
pub struct EventBufferEvent {
    /// The bufferevent; None before construction and once freed.
    bev: Option<Rc<BevCell>>,
    readcb: Option<UserCallable>,
    writecb: Option<UserCallable>,
    eventcb: Option<UserCallable>,
    /// The callbacks' argument (NULL when none was given).
    arg: zval,
    /// The EventBuffer objects the `input` and `output` properties return:
    /// made at the first read, then the same object each time (getInput()
    /// and getOutput() make a new one at each call). Boxed: most servers
    /// never read them, and the object then fits a smaller allocation
    /// (320 bytes, not 384: 640 KB less at 10,000 connections).
    prop_bufs: Option<Box<[Option<zval>; 2]>>,
}

impl EventBufferEvent {
    /// bufferevent_free (free(), or the object's end).
    fn release_bev(&mut self) {
        if let Some(b) = self.bev.take() {
            // getBufferEvent() of an EventHttpRequest: the owner frees it.
            if hook::is_hooked(&b) {
                return;
            }
            b.teardown();
        }
    }
}

impl NativeClass for EventBufferEvent {
    const NAME: &'static std::ffi::CStr = c"EventBufferEvent";
    // As Event: the callbacks go with the destructor, so callbacks holding
    // their own bufferevent do not keep it alive past request shutdown.
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        drop(self.readcb.take());
        drop(self.writecb.take());
        drop(self.eventcb.take());
        drop(std::mem::take(&mut self.arg));
        drop(self.prop_bufs.take());
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    /// The callbacks and the argument, for the cycle collector.
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        for cb in [&self.readcb, &self.writecb, &self.eventcb].into_iter().flatten() {
            buf.add(cb.zval());
        }
        let arg = (crate::php::zv::type_of(&self.arg) != crate::php::ffi::IS_NULL).then_some(&self.arg);
        for z in arg.into_iter().chain(self.prop_bufs.iter().flat_map(|p| p.iter().flatten())) {
            buf.add(z);
        }
    }
}

impl Drop for EventBufferEvent {
    fn drop(&mut self) {
        self.release_bev();
    }
}

/// Registers the class (from the group's startup, in PECL's class order).
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    let ce = class::register::<EventBufferEvent>(methods::methods(), std::ptr::null_mut(), ACC_FINAL);
    for p in [c"priority", c"fd", c"input", c"output", c"allow_ssl_dirty_shutdown"] {
        class::declare_property_null(ce, p);
    }
    for (n, v) in [
        ("READING", state::READING as i64),
        ("WRITING", state::WRITING as i64),
        ("EOF", state::EOF as i64),
        ("ERROR", state::ERROR as i64),
        ("TIMEOUT", state::TIMEOUT as i64),
        ("CONNECTED", state::CONNECTED as i64),
        ("OPT_CLOSE_ON_FREE", state::OPT_CLOSE_ON_FREE),
        ("OPT_THREADSAFE", state::OPT_THREADSAFE),
        ("OPT_DEFER_CALLBACKS", state::OPT_DEFER_CALLBACKS),
        ("OPT_UNLOCK_CALLBACKS", state::OPT_UNLOCK_CALLBACKS),
        ("SSL_OPEN", 0),
        ("SSL_CONNECTING", 1),
        ("SSL_ACCEPTING", 2),
    ] {
        class::declare_long_const(ce, n, v);
    }
    props::install();
}
