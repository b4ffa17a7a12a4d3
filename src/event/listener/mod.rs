//! EventListener: libevent 2.1's evconnlistener (as PECL event 3.1.5 wraps
//! it) on a `Kind::Internal` event of the base. The accept loop is in
//! `accept.rs`, the `fd` property handlers in `props.rs`.

mod accept;
mod methods;
mod props;

use super::base::Internal;
use super::*;
use crate::sys::socket as sk;
use std::rc::Weak;

// libevent's LEV_OPT_* bits (PECL exposes the first seven).
const OPT_LEAVE_SOCKETS_BLOCKING: u32 = 1;
const OPT_CLOSE_ON_FREE: u32 = 2;
const OPT_CLOSE_ON_EXEC: u32 = 4;
const OPT_REUSEABLE: u32 = 8;
const OPT_DISABLED: u32 = 32;
const OPT_DEFERRED_ACCEPT: u32 = 64;
const OPT_REUSEABLE_PORT: u32 = 128;
const OPT_BIND_IPV6ONLY: u32 = 256;

/// The PHP object: the listener is shared with the base's handler table
/// (which holds it weakly) and with a running accept loop.
#[derive(Default)]
pub struct EventListener {
    lis: Option<Rc<Listener>>,
}

pub(super) struct Listener {
    /// The EventListener object owning this listener (passed to callbacks).
    obj: *mut zend_object,
    st: RefCell<State>,
}

struct State {
    /// The base (kept when it is freed: libevent's listener then points to
    /// a freed base, and so does getBase()).
    sh: Rc<RefCell<Shared>>,
    /// The core event and its handler key; None for a listener made on a
    /// freed base (libevent's event without a base).
    core: Option<(EvId, usize)>,
    fd: i32,
    flags: u32,
    /// accept4 flags: SOCK_NONBLOCK unless LEAVE_SOCKETS_BLOCKING, SOCK_CLOEXEC with CLOSE_ON_EXEC.
    accept_flags: i32,
    /// libevent's `enabled` bit (a disable() inside the callback stops the accept loop).
    enabled: bool,
    /// free() was called (PECL's `l->listener == NULL`).
    freed: bool,
    /// The teardown (event removal, CLOSE_ON_FREE) is done. A free()
    /// during the accept loop defers it until the loop returns, as
    /// libevent's reference count does.
    torn_down: bool,
    /// The accept loop is running.
    firing: bool,
    /// setErrorCallback() has been called (libevent's errorcb is set): an
    /// accept error then goes to the callback, or nowhere if the callable is
    /// gone, instead of libevent's warning.
    err_cb_installed: bool,
    // What PECL's object holds until it is destructed (not on free()).
    cb: Option<Rc<UserCallable>>,
    err_cb: Option<Rc<UserCallable>>,
    data: Option<zval>,
}

impl NativeClass for EventListener {
    const NAME: &'static std::ffi::CStr = c"EventListener";
    // PECL releases the callbacks and the argument in dtor_obj.
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        if let Some(l) = &self.lis {
            if let Ok(mut st) = l.st.try_borrow_mut() {
                let (cb, ecb, data) = (st.cb.take(), st.err_cb.take(), st.data.take());
                drop(st);
                drop((cb, ecb, data));
            }
        }
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    /// The callbacks and the argument are visible to the cycle collector
    /// (PECL hides them: a listener captured by its own callback leaks).
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        if let Some(l) = &self.lis {
            if let Ok(st) = l.st.try_borrow() {
                for cb in [&st.cb, &st.err_cb].into_iter().flatten() {
                    buf.add(cb.zval());
                }
                if let Some(d) = &st.data {
                    buf.add(d);
                }
            }
        }
    }
}

impl Drop for EventListener {
    fn drop(&mut self) {
        if let Some(l) = self.lis.take() {
            l.free();
        }
    }
}

impl Internal for Listener {
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, _b: &Begin) -> bool {
        accept::fire(self)
    }
}

const NO_BASE_ADD: &str = "event_add: event has no event_base set.";
const NO_BASE_DEL: &str = "event_del_: event has no event_base set.";

impl Listener {
    /// evconnlistener_enable: Ok(false) when the event could not be added
    /// (libevent's warning shown); Err once the base has been freed (PECL
    /// adds to the freed base and crashes).
    fn enable(&self) -> PhpResult<bool> {
        let (sh, core) = {
            let st = self.st.borrow();
            (st.sh.clone(), st.core)
        };
        let Some((id, _)) = core else {
            self.st.borrow_mut().enabled = true;
            warning(NO_BASE_ADD);
            return Ok(false);
        };
        if sh.borrow().freed {
            return Err(base_freed_error());
        }
        self.st.borrow_mut().enabled = true;
        let mut s = sh.borrow_mut();
        let now = s.gettime();
        s.core.add(id, None, now);
        s.failure = None;
        if s.sync().is_err() {
            s.core.del(id);
            let _ = s.sync();
            let failure = s.failure.take();
            drop(s);
            if let Some(f) = failure {
                warning(&f);
            }
            return Ok(false);
        }
        Ok(true)
    }

    /// evconnlistener_disable.
    fn disable(&self) -> bool {
        let (sh, core) = {
            let mut st = self.st.borrow_mut();
            st.enabled = false;
            (st.sh.clone(), st.core)
        };
        let Some((id, _)) = core else {
            warning(NO_BASE_DEL);
            return false;
        };
        if let Ok(mut s) = sh.try_borrow_mut() {
            s.core.del(id);
            let _ = s.sync();
        }
        true
    }

    /// evconnlistener_free: deferred to the end of a running accept loop.
    fn free(&self) {
        {
            let mut st = self.st.borrow_mut();
            if st.freed {
                return;
            }
            st.freed = true;
            if st.firing {
                return;
            }
        }
        self.teardown();
    }

    /// event_listener_destroy: the event goes, the socket too with CLOSE_ON_FREE.
    fn teardown(&self) {
        let (sh, core, fd, flags) = {
            let mut st = self.st.borrow_mut();
            if st.torn_down {
                return;
            }
            st.torn_down = true;
            (st.sh.clone(), st.core.take(), st.fd, st.flags)
        };
        match core {
            Some((id, key)) => {
                if let Ok(mut s) = sh.try_borrow_mut() {
                    s.core.remove(id);
                    s.unregister_internal(key);
                    let _ = s.sync();
                }
            }
            None => warning(NO_BASE_DEL),
        }
        if flags & OPT_CLOSE_ON_FREE != 0 {
            sk::close(fd);
        }
    }
}

/// evconnlistener_new: listens (backlog > 0: that backlog, < 0: 128, 0: not
/// at all), then adds the accept event unless OPT_DISABLED. None when
/// listen() fails (the fd is left open).
fn new_listener(
    obj: *mut zend_object,
    sh: Rc<RefCell<Shared>>,
    flags: u32,
    backlog: i32,
    fd: i32,
) -> Option<Rc<Listener>> {
    let listened = match backlog {
        b if b > 0 => sk::listen(fd, b),
        b if b < 0 => sk::listen(fd, 128),
        _ => Ok(()),
    };
    if listened.is_err() {
        return None;
    }
    let mut accept_flags = 0;
    if flags & OPT_LEAVE_SOCKETS_BLOCKING == 0 {
        accept_flags |= libc::SOCK_NONBLOCK;
    }
    if flags & OPT_CLOSE_ON_EXEC != 0 {
        accept_flags |= libc::SOCK_CLOEXEC;
    }
    let orphan = sh.borrow().freed;
    let l = Rc::new(Listener {
        obj,
        st: RefCell::new(State {
            sh: sh.clone(),
            core: None,
            fd,
            flags,
            accept_flags,
            enabled: false,
            freed: false,
            torn_down: false,
            firing: false,
            err_cb_installed: false,
            cb: None,
            err_cb: None,
            data: None,
        }),
    });
    if !orphan {
        let weak: Weak<dyn Internal> = Rc::downgrade(&(l.clone() as Rc<dyn Internal>));
        let mut s = sh.borrow_mut();
        let key = s.register_internal(weak);
        let id = s.core.create(fd, evloop::EV_READ | EV_PERSIST, key, Kind::Internal);
        drop(s);
        l.st.borrow_mut().core = Some((id, key));
    }
    if flags & OPT_DISABLED == 0 {
        // libevent ignores the result here (its warning is still shown).
        let _ = l.enable();
    }
    Some(l)
}

/// evconnlistener_new_bind: a fresh non-blocking stream socket with
/// SO_KEEPALIVE and the option bits' socket options, bound to `addr`.
fn new_bound(
    obj: *mut zend_object,
    sh: Rc<RefCell<Shared>>,
    flags: u32,
    backlog: i32,
    addr: &sk::SockAddr,
) -> Option<Rc<Listener>> {
    if backlog == 0 {
        return None;
    }
    let mut ty = libc::SOCK_STREAM | libc::SOCK_NONBLOCK;
    if flags & OPT_CLOSE_ON_EXEC != 0 {
        ty |= libc::SOCK_CLOEXEC;
    }
    let fd = sk::socket(addr.family(), ty, 0).ok()?;
    let one = 1i32.to_ne_bytes();
    let mut opts = vec![(libc::SOL_SOCKET, libc::SO_KEEPALIVE)];
    for (bit, level, opt) in [
        (OPT_REUSEABLE, libc::SOL_SOCKET, libc::SO_REUSEADDR),
        (OPT_REUSEABLE_PORT, libc::SOL_SOCKET, libc::SO_REUSEPORT),
        (OPT_DEFERRED_ACCEPT, libc::IPPROTO_TCP, libc::TCP_DEFER_ACCEPT),
        (OPT_BIND_IPV6ONLY, libc::IPPROTO_IPV6, libc::IPV6_V6ONLY),
    ] {
        if flags & bit != 0 {
            opts.push((level, opt));
        }
    }
    let ok =
        opts.iter().all(|&(level, opt)| sk::setsockopt(fd, level, opt, &one).is_ok()) && sk::bind(fd, addr).is_ok();
    let l = if ok { new_listener(obj, sh, flags, backlog, fd) } else { None };
    if l.is_none() {
        sk::close(fd);
    }
    l
}

/// The listener of a method's `$this`: None (with PECL's warning and false
/// returned) once freed.
fn live(a: &Args, rv: &mut zval) -> Option<Rc<Listener>> {
    let l = this::<EventListener>(a).lis.clone().filter(|l| !l.st.borrow().freed);
    if l.is_none() {
        warning("EventListener is not initialized");
        zv::set_bool(rv, false);
    }
    l
}

pub(super) fn register() {
    unsafe {
        let ce = class::register::<EventListener>(methods::table(), std::ptr::null_mut(), ACC_FINAL);
        for (n, v) in [
            ("OPT_LEAVE_SOCKETS_BLOCKING", 1),
            ("OPT_CLOSE_ON_FREE", 2),
            ("OPT_CLOSE_ON_EXEC", 4),
            ("OPT_REUSEABLE", 8),
            ("OPT_DISABLED", 32),
            ("OPT_THREADSAFE", 16),
            ("OPT_DEFERRED_ACCEPT", 64),
        ] {
            class::declare_long_const(ce, n, v);
        }
        class::declare_property_null(ce, c"fd");
        props::install(class::handlers_mut::<EventListener>());
    }
}
