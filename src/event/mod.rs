//! PECL event's core classes (Event, EventBase, EventConfig, EventUtil,
//! EventException) on epoll/poll/select, without libevent.

pub mod base;
mod buffer;
mod bufferevent;
mod config;
mod dispatch;
pub mod dns;
mod event_object;
mod eventbase;
mod http;
mod listener;
mod sigowner;
pub mod ssl;
mod util;

use crate::native_class;
use crate::php::call::{check_callable, UserCallable};
use crate::php::class::{self, NativeClass, ACC_FINAL, ACC_NOT_SERIALIZABLE};
use crate::php::error::{self, has_exception, warning, PhpResult, Thrown};
use crate::php::func::{ACC_PRIVATE, ACC_PUBLIC, ACC_STATIC};
use crate::php::module::ModuleDep;
use crate::php::module::{string_constant, Group};
use crate::php::types::Type;
use crate::php::{fd, ffi, zv, Args, FnDef};
use base::{Limits, Method, Shared};
use ext_php_rs::ffi::{zend_class_entry, zend_object, zend_string, zval, HashTable};
use ipc_core::evloop::{self, Begin, EvId, Kind, EV_PERSIST, EV_SIGNAL, EV_TIMEOUT};
use std::cell::RefCell;
use std::os::raw::{c_int, c_void};
use std::rc::Rc;

pub static GROUP: Group = Group {
    name: c"event",
    version: Some(c"3.1.5"),
    functions: Vec::new,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || {
        vec![
            ("Event support".into(), "enabled".into()),
            ("Sockets support".into(), "enabled".into()),
            ("Debug support".into(), "disabled".into()),
            ("Extra functionality support including HTTP, DNS, and RPC".into(), "disabled".into()),
            ("OpenSSL support".into(), "enabled".into()),
            ("Thread safety support".into(), "disabled".into()),
            ("Extension version".into(), "3.1.5".into()),
            ("libevent2 headers version".into(), "none (php-ipc: Rust epoll/poll/select backend)".into()),
        ]
    },
};

const LOOP_ONCE: i64 = 1;
const LOOP_NONBLOCK: i64 = 2;
const LOOP_NO_EXIT_ON_EMPTY: i64 = 4;

// ---------------------------------------------------------------- classes

#[derive(Default)]
pub struct EventConfig {
    avoid: Vec<String>,
    require: i64,
    flags: i64,
    limits: Limits,
}
native_class!(EventConfig, c"EventConfig");

#[derive(Default)]
pub struct EventBase {
    sh: Option<Rc<RefCell<Shared>>>,
    /// The empty table get_properties returns (PECL's EventBase shows no
    /// properties); a mutable one per object, as foreach may write to it.
    no_props: Option<std::ptr::NonNull<HashTable>>,
    /// Made by EventListener::getBase() (PECL's `internal` base): its
    /// destruction leaves the base alone.
    internal: bool,
}
native_class!(EventBase, c"EventBase");

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum CbKind {
    /// event_cb: ($fd, $what, $arg)
    #[default]
    Io,
    /// timer_cb: ($arg)
    Timer,
    /// signal_cb: ($signo, $arg)
    Signal,
}

#[derive(Default)]
pub struct Event {
    sh: Option<Rc<RefCell<Shared>>>,
    id: Option<EvId>,
    cb: Option<UserCallable>,
    kind: CbKind,
    /// The handle of the stream resource given as fd, passed back to the
    /// callback. Like PECL, the Event does not keep the stream alive; the
    /// handle is looked up at call time (handles are never reused).
    stream: Option<i64>,
    /// Created against a freed EventBase: libevent's event without a base,
    /// whose every use warns "...: event has no event_base set.".
    orphan: bool,
    /// get_properties() has copied `pending` and `data` into the property
    /// table: after free() PECL keeps showing those copies there.
    props_seen: bool,
    /// The argument a free() took out of the `data` property (which then
    /// reads as NULL): PECL keeps it until the object's destructor.
    freed_data: Option<Box<zval>>,
}

impl Event {
    /// Replaces the callback.
    fn set_cb(&mut self, z: &zval) {
        let old = self.cb.replace(UserCallable::new(z));
        drop(old);
    }
}

impl NativeClass for Event {
    const NAME: &'static std::ffi::CStr = c"Event";
    // As PECL: the callback goes with the destructor, so a callback that
    // holds its own Event does not keep it alive past request shutdown.
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        // PECL's order: the argument, then the callback.
        drop(self.freed_data.take());
        drop(self.cb.take());
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    /// The callback is visible to the cycle collector (the argument lives in
    /// the declared `data` property, which the standard table exposes).
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        if let Some(cb) = &self.cb {
            buf.add(cb.zval());
        }
        if let Some(d) = &self.freed_data {
            buf.add(d);
        }
    }
}

impl Drop for Event {
    fn drop(&mut self) {
        if self.orphan {
            warning("event_del_: event has no event_base set.");
        }
        if let (Some(sh), Some(id)) = (self.sh.take(), self.id.take()) {
            if let Ok(mut s) = sh.try_borrow_mut() {
                s.core.remove(id);
                let _ = s.sync();
            }
        }
    }
}

#[derive(Default)]
pub struct EventUtil;
native_class!(EventUtil, c"EventUtil");

static EXCEPTION_CE: class::PlainClassSlot = class::PlainClassSlot::new();

fn exception_ce() -> class::ClassEntry {
    EXCEPTION_CE.ce()
}

fn ce_of<T: NativeClass>() -> class::ClassEntry {
    T::slot().ce()
}

const BASE_T: Type = Type::class(c"EventBase");

// ---------------------------------------------------------------- startup

fn startup(num: c_int) -> bool {
    unsafe {
        let flags = ACC_FINAL;
        let ev = class::register::<Event>(event_object::methods(), std::ptr::null_mut(), flags);
        class::declare_property_null(ev, c"pending");
        class::declare_property_null(ev, c"data");
        for (n, v) in [("ET", 32), ("PERSIST", 16), ("READ", 2), ("WRITE", 4), ("SIGNAL", 8), ("TIMEOUT", 1)] {
            class::declare_long_const(ev, n, v);
        }
        let h = class::handlers_mut::<Event>();
        (*h).read_property = Some(event_object::event_read_property);
        (*h).write_property = Some(event_object::event_write_property);
        (*h).has_property = Some(event_object::event_has_property);
        (*h).unset_property = Some(event_object::event_unset_property);
        (*h).get_property_ptr_ptr = Some(event_object::event_get_property_ptr_ptr);
        (*h).get_properties = Some(event_object::event_get_properties);
        (*h).get_debug_info = Some(event_object::event_get_debug_info);
        (*h).compare = Some(compare_events);

        let b = class::register::<EventBase>(eventbase::methods(), std::ptr::null_mut(), flags);
        // PECL's EventBase shows no properties, dynamic ones included.
        (*class::handlers_mut::<EventBase>()).get_properties = Some(no_properties);
        // PECL's objects compare as standard objects (`==` on two bases is true).
        (*class::handlers_mut::<EventBase>()).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
        for (n, v) in [
            ("LOOP_ONCE", 1),
            ("LOOP_NONBLOCK", 2),
            ("NOLOCK", 1),
            ("STARTUP_IOCP", 4),
            ("NO_CACHE_TIME", 8),
            ("EPOLL_USE_CHANGELIST", 16),
            ("IGNORE_ENV", 2),
            ("PRECISE_TIMER", 32),
        ] {
            class::declare_long_const(b, n, v);
        }
        let c = class::register::<EventConfig>(config::methods(), std::ptr::null_mut(), flags);
        (*class::handlers_mut::<EventConfig>()).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
        for (n, v) in [("FEATURE_ET", 1), ("FEATURE_O1", 2), ("FEATURE_FDS", 4)] {
            class::declare_long_const(c, n, v);
        }
        // PECL's order (Reflection lists classes as registered): EventBuffer before EventUtil.
        bufferevent::register();
        buffer::register();
        dns::register();
        listener::register();
        // PECL's order: EventHttpConnection, EventHttp, EventHttpRequest before EventUtil.
        http::register();
        let u = class::register::<EventUtil>(util::methods(), std::ptr::null_mut(), flags);
        util::constants(u);
        // PECL's order: EventSslContext after EventUtil, before EventException.
        ssl::register();

        // EventException extends RuntimeException { public $errorInfo; }
        let reg = class::register_plain(c"EventException", spl_ce_RuntimeException, 0);
        class::declare_property_null(reg, c"errorInfo");
        EXCEPTION_CE.set(reg);
    }
    // PECL event declares a dependency on sockets (shown by Reflection).
    crate::php::module::show_dependencies(c"event", &DEPS);
    string_constant("EVENT_NS", c"", num);
    true
}

/// `==` between Events: PECL compares them as standard objects. Its declared
/// slots stay NULL until get_properties() (var_dump aside: get_object_vars,
/// foreach, serialize, var_export, print_r...) copies `pending` and `data`
/// into them, so that is what is compared here.
unsafe extern "C" fn compare_events(o1: *mut zval, o2: *mut zval) -> c_int {
    let ce = ce_of::<Event>();
    let event_of = |z: *mut zval| zv::object(&*z).filter(|&o| class::class_of(o) == ce);
    let (Some(a), Some(b)) = (event_of(o1), event_of(o2)) else {
        return ext_php_rs::ffi::zend_std_compare_objects(o1, o2);
    };
    let mut null = zv::undef();
    zv::set_null(&mut null);
    let null: *mut zval = &mut null;
    for i in 0..2 {
        let slot = |o: *mut zend_object| -> *mut zval {
            if class::data_of::<Event>(o).props_seen {
                class::prop_slot(o, i)
            } else {
                null
            }
        };
        let (x, y) = (slot(a.as_ptr()), slot(b.as_ptr()));
        let r = zend_compare(x, y);
        if r != 0 {
            return r;
        }
    }
    0
}

/// get_properties of EventBase: an empty table of the object's own, like
/// PECL's (foreach registers iterators in it, so it cannot be the engine's
/// immutable empty array).
unsafe extern "C" fn no_properties(obj: *mut zend_object) -> *mut HashTable {
    let b = class::data_of::<EventBase>(obj);
    match b.no_props {
        Some(p) => p.as_ptr(),
        None => {
            let ht = ffi::_zend_new_array(0);
            b.no_props = std::ptr::NonNull::new(ht);
            ht
        }
    }
}

static DEPS: [ModuleDep; 2] = [ModuleDep::required(c"sockets"), ModuleDep::END];

extern "C" {
    static mut spl_ce_RuntimeException: *mut zend_class_entry;
    fn zend_compare(op1: *mut zval, op2: *mut zval) -> c_int;
}

fn m(name: &'static std::ffi::CStr, h: crate::php::func::Handler) -> FnDef {
    FnDef::new(name, h).flags(ACC_PUBLIC)
}
pub(crate) fn util_private_ctor() -> u32 {
    ACC_PRIVATE
}

// ---------------------------------------------------------------- helpers

fn this<'a, T: NativeClass>(a: &Args) -> &'a mut T {
    unsafe { class::data_of::<T>(a.this()) }
}

fn throw_event(msg: &str) -> Thrown {
    error::throw_exception(exception_ce(), msg, 0)
}

fn base_shared(obj: *mut zend_object) -> Option<Rc<RefCell<Shared>>> {
    unsafe { class::data_of::<EventBase>(obj) }.sh.clone()
}

/// PHP's Error for a use of a freed or malformed Event where PECL would
/// dereference NULL.
fn event_freed_error() -> Thrown {
    error::error("Event object is malformed or freed")
}

/// PHP's Error for a use of a freed EventBase where PECL would crash or
/// fail a libevent assertion.
fn base_freed_error() -> Thrown {
    error::error("EventBase object has been freed")
}

/// The shared state of a base given as an argument: None (with an Error
/// thrown) for a base whose constructor failed.
fn base_arg(obj: *mut zend_object) -> PhpResult<Rc<RefCell<Shared>>> {
    base_shared(obj).ok_or_else(|| error::error("EventBase object is not initialized"))
}

use zv::{copy, copy_deref, release};

/// php_event_zval_to_fd: an fd from an int, a stream resource or a Socket.
/// Ok(-1) means "no fd" without an exception (closed Socket, failed cast).
fn zval_to_fd(z: &mut zval) -> PhpResult<i32> {
    let z = zv::deref_mut(z);
    if zv::type_of(z) == ffi::IS_RESOURCE {
        let Some(stream) = fd::stream_of(z) else {
            return Err(error::throw_base_exception("valid PHP stream resource expected"));
        };
        let label = fd::stream_label(stream);
        if label == "MEMORY" || label == "TEMP" {
            return Err(error::throw_base_exception("Cannot fetch file descriptor from memory based stream"));
        }
        return match fd::stream_fd(stream) {
            Some(f) if f >= 0 => Ok(f),
            _ => Err(error::throw_base_exception("Invalid file descriptor")),
        };
    }
    if let Some(obj) = zv::object(z) {
        return match fd::socket_fd(obj) {
            Some(f) => Ok(f),
            None => Err(error::throw_base_exception("Invalid file descriptor")),
        };
    }
    match zv::long(z) {
        Some(f) if (0..=i32::MAX as i64).contains(&f) => Ok(f as i32),
        _ => Err(error::throw_base_exception("Invalid file descriptor")),
    }
}

/// zval_to_signum: convert_to_long, then 0 <= n < NSIG.
fn zval_to_signum(z: &mut zval) -> Option<i32> {
    let n = zv::get_long(z);
    if (0..evloop::NSIG as i64).contains(&n) {
        Some(n as i32)
    } else {
        None
    }
}

fn arg_or_null(a: &Args, i: u32) -> Option<zval> {
    if a.given(i) {
        let z = a.zval(i);
        if zv::type_of(z) == ffi::IS_NULL {
            None
        } else {
            Some(copy(z))
        }
    } else {
        None
    }
}

/// The `data` property's value, leaving NULL in its place.
fn take_data(obj: *mut zend_object) -> zval {
    let slot = unsafe { class::prop_slot(obj, 1) };
    let mut n = zv::undef();
    zv::set_null(&mut n);
    std::mem::replace(slot, n)
}

fn set_data(obj: *mut zend_object, v: Option<zval>) {
    let slot = unsafe { class::prop_slot(obj, 1) };
    let mut nv = v.unwrap_or_else(|| {
        let mut n = zv::undef();
        zv::set_null(&mut n);
        n
    });
    std::mem::swap(slot, &mut nv);
    drop(nv); // the old value is released after the new one is in place
}
