//! PECL event's core classes (Event, EventBase, EventConfig, EventUtil,
//! EventException) on epoll/poll/select, without libevent.

pub mod base;
mod util;

use crate::native_class;
use crate::php::call::UserCallable;
use crate::php::class::{self, NativeClass, ACC_FINAL};
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
            ("OpenSSL support".into(), "disabled".into()),
            ("Thread safety support".into(), "disabled".into()),
            ("Extension version".into(), "3.1.5".into()),
            ("libevent2 headers version".into(), "none (php-ipc: Rust epoll/poll/select backend)".into()),
        ]
    },
};

const LOOP_ONCE: i64 = 1;
const LOOP_NONBLOCK: i64 = 2;

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
    }
}

impl Drop for Event {
    fn drop(&mut self) {
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
        let ev = class::register::<Event>(event_methods(), std::ptr::null_mut(), flags);
        class::declare_property_null(ev, c"pending");
        class::declare_property_null(ev, c"data");
        for (n, v) in [("ET", 32), ("PERSIST", 16), ("READ", 2), ("WRITE", 4), ("SIGNAL", 8), ("TIMEOUT", 1)] {
            class::declare_long_const(ev, n, v);
        }
        let h = class::handlers_mut::<Event>();
        (*h).read_property = Some(event_read_property);
        (*h).write_property = Some(event_write_property);
        (*h).has_property = Some(event_has_property);
        (*h).unset_property = Some(event_unset_property);
        (*h).get_property_ptr_ptr = Some(event_get_property_ptr_ptr);
        (*h).get_properties = Some(event_get_properties);

        let b = class::register::<EventBase>(base_methods(), std::ptr::null_mut(), flags);
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
        let c = class::register::<EventConfig>(config_methods(), std::ptr::null_mut(), flags);
        for (n, v) in [("FEATURE_ET", 1), ("FEATURE_O1", 2), ("FEATURE_FDS", 4)] {
            class::declare_long_const(c, n, v);
        }
        let u = class::register::<EventUtil>(util::methods(), std::ptr::null_mut(), flags);
        util::constants(u);

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

static DEPS: [ModuleDep; 2] = [ModuleDep::required(c"sockets"), ModuleDep::END];

extern "C" {
    static mut spl_ce_RuntimeException: *mut zend_class_entry;
}

fn m(name: &'static std::ffi::CStr, h: crate::php::func::Handler) -> FnDef {
    FnDef::new(name, h).flags(ACC_PUBLIC)
}

fn event_methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let st = ACC_PUBLIC | ACC_STATIC;
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(event_construct))
            .arg(c"base", BASE_T)
            .arg(c"fd", Type::MIXED)
            .arg(c"what", Type::INT)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null"),
        m(c"free", crate::handler!(event_free)).ret(Type::VOID),
        m(c"set", crate::handler!(event_set))
            .arg(c"base", BASE_T)
            .arg(c"fd", Type::MIXED)
            .opt(c"what", Type::INT, c"null")
            .opt(c"cb", Type::CALLABLE.nullable(), c"null")
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"getSupportedMethods", crate::handler!(event_get_supported_methods)).flags(st).ret(Type::ARRAY),
        m(c"add", crate::handler!(event_add)).opt(c"timeout", Type::FLOAT, c"-1").ret(Type::BOOL),
        m(c"del", crate::handler!(event_del)).ret(Type::BOOL),
        m(c"setPriority", crate::handler!(event_set_priority)).arg(c"priority", Type::INT).ret(Type::BOOL),
        m(c"pending", crate::handler!(event_pending)).arg(c"flags", Type::INT).ret(Type::BOOL),
        m(c"removeTimer", crate::handler!(event_remove_timer)).ret(Type::BOOL),
        FnDef::new(c"timer", crate::handler!(event_timer))
            .flags(st)
            .arg(c"base", BASE_T)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::class(c"Event")),
        m(c"setTimer", crate::handler!(event_set_timer))
            .arg(c"base", BASE_T)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"signal", crate::handler!(event_signal))
            .flags(st)
            .arg(c"base", BASE_T)
            .arg(c"signum", Type::INT)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::class(c"Event")),
        m(c"addTimer", crate::handler!(event_add)).opt(c"timeout", Type::FLOAT, c"-1").ret(Type::BOOL),
        m(c"delTimer", crate::handler!(event_del)).ret(Type::BOOL),
        m(c"addSignal", crate::handler!(event_add)).opt(c"timeout", Type::FLOAT, c"-1").ret(Type::BOOL),
        m(c"delSignal", crate::handler!(event_del)).ret(Type::BOOL),
    ])
}

fn base_methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let fin = ACC_PUBLIC | crate::php::func::ACC_FINAL;
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(base_construct)).opt(c"cfg", Type::class(c"EventConfig").nullable(), c"null"),
        FnDef::new(c"__sleep", crate::handler!(base_sleep)).flags(fin).ret(Type::ARRAY),
        FnDef::new(c"__wakeup", crate::handler!(base_wakeup)).flags(fin).ret(Type::VOID),
        m(c"getMethod", crate::handler!(base_get_method)).ret(Type::STRING),
        m(c"getFeatures", crate::handler!(base_get_features)).ret(Type::INT),
        m(c"priorityInit", crate::handler!(base_priority_init)).arg(c"n_priorities", Type::INT).ret(Type::BOOL),
        m(c"loop", crate::handler!(base_loop)).opt(c"flags", Type::INT, c"-1").ret(Type::BOOL),
        m(c"dispatch", crate::handler!(base_dispatch)).ret(Type::BOOL),
        m(c"exit", crate::handler!(base_exit)).opt(c"timeout", Type::FLOAT, c"0.0").ret(Type::BOOL),
        m(c"set", crate::handler!(base_set)).arg(c"event", Type::class(c"Event")).ret(Type::BOOL),
        m(c"stop", crate::handler!(base_stop)).ret(Type::BOOL),
        m(c"gotStop", crate::handler!(base_got_stop)).ret(Type::BOOL),
        m(c"gotExit", crate::handler!(base_got_exit)).ret(Type::BOOL),
        m(c"getTimeOfDayCached", crate::handler!(base_time_of_day)).ret(Type::FLOAT),
        m(c"reInit", crate::handler!(base_reinit)).ret(Type::BOOL),
        m(c"free", crate::handler!(base_free)).ret(Type::VOID),
        m(c"updateCacheTime", crate::handler!(base_update_cache_time)).ret(Type::BOOL),
        m(c"resume", crate::handler!(base_resume)).ret(Type::BOOL),
    ])
}

fn config_methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let fin = ACC_PUBLIC | crate::php::func::ACC_FINAL;
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(config_construct)),
        FnDef::new(c"__sleep", crate::handler!(config_sleep)).flags(fin).ret(Type::ARRAY),
        FnDef::new(c"__wakeup", crate::handler!(config_wakeup)).flags(fin).ret(Type::VOID),
        m(c"avoidMethod", crate::handler!(config_avoid_method)).arg(c"method", Type::STRING).ret(Type::BOOL),
        m(c"requireFeatures", crate::handler!(config_require_features)).arg(c"feature", Type::INT).ret(Type::BOOL),
        m(c"setMaxDispatchInterval", crate::handler!(config_set_max_dispatch_interval))
            .arg(c"max_interval", Type::INT)
            .arg(c"max_callbacks", Type::INT)
            .arg(c"min_priority", Type::INT)
            .ret(Type::VOID),
        m(c"setFlags", crate::handler!(config_set_flags)).arg(c"flags", Type::INT).ret(Type::BOOL),
    ])
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

use zv::{copy, copy_deref, release};

/// php_event_zval_to_fd: an fd from an int, a stream resource or a Socket.
/// Ok(-1) means "no fd" without an exception (closed Socket, failed cast).
fn zval_to_fd(z: &mut zval) -> PhpResult<i32> {
    let z = unsafe { zv::deref_mut(z) };
    if zv::type_of(z) == ffi::IS_RESOURCE {
        let Some(stream) = fd::stream_of(z) else {
            return Err(error::throw_base_exception("valid PHP stream resource expected"));
        };
        let label = fd::stream_label(stream);
        if label == "MEMORY" || label == "TEMP" {
            return Err(error::throw_base_exception("Cannot fetch file descriptor from memory based stream"));
        }
        return Ok(match fd::stream_fd(stream) {
            Some(f) if f >= 0 => f,
            _ => -1,
        });
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

// ---------------------------------------------------------------- EventConfig

fn config_construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)
}
fn config_sleep(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventConfig instances are not serializable"))
}
fn config_wakeup(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventConfig instances are not serializable"))
}
fn config_avoid_method(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = a.bytes(0)?;
    this::<EventConfig>(a).avoid.push(String::from_utf8_lossy(s).into_owned());
    zv::set_bool(rv, true);
    Ok(())
}
fn config_require_features(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let f = a.long(0)?;
    this::<EventConfig>(a).require = f;
    zv::set_bool(rv, true);
    Ok(())
}
fn config_set_max_dispatch_interval(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let iv = a.double(0)?;
    let maxcb = a.long(1)?;
    let minp = a.long(2)?;
    let c = this::<EventConfig>(a);
    c.limits = Limits {
        max_interval: if iv > 0.0 { Some(evloop::timeval_ns(iv)) } else { None },
        max_callbacks: if maxcb < 0 { i64::MAX } else { maxcb },
        limit_after_prio: if minp < 0 { 0 } else { minp },
    };
    Ok(())
}
fn config_set_flags(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let f = a.long(0)?;
    this::<EventConfig>(a).flags |= f;
    zv::set_bool(rv, true);
    Ok(())
}

// ---------------------------------------------------------------- EventBase

fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

fn base_construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let mut cfg: Option<&EventConfig> = None;
    if a.given(0) {
        if let Some(o) = a.object_of_or_null(0, ce_of::<EventConfig>())? {
            cfg = Some(unsafe { class::data_of::<EventConfig>(o) });
        }
    }
    let (avoid, require, flags, limits) = match cfg {
        Some(c) => (c.avoid.clone(), c.require, c.flags, c.limits),
        None => (Vec::new(), 0, 0, Limits::default()),
    };
    let ignore_env = flags & 2 != 0;
    let mut chosen = None;
    for m in Method::ALL {
        if avoid.iter().any(|x| x.eq_ignore_ascii_case(m.name())) {
            continue;
        }
        if m.features() & require != require {
            continue;
        }
        if !ignore_env && env_set(&format!("EVENT_NO{}", m.name().to_ascii_uppercase())) {
            continue;
        }
        chosen = Some(m);
        break;
    }
    let mut flags = flags;
    if !ignore_env && env_set("EVENT_EPOLL_USE_CHANGELIST") {
        flags |= base::FLAG_EPOLL_USE_CHANGELIST;
    }
    let Some(method) = chosen else {
        warning("event_base_new_with_config: no event mechanism available");
        return Err(throw_event(
            "EventBase cannot be constructed with the provided configuration. Make sure that the specified features are supported on the current platform.",
        ));
    };
    match Shared::new(method, flags, limits) {
        Ok(s) => {
            this::<EventBase>(a).sh = Some(Rc::new(RefCell::new(s)));
            Ok(())
        }
        Err(e) => {
            warning(&format!("{}: {}", method.name(), error::strerror(e)));
            Err(throw_event(
                "EventBase cannot be constructed with the provided configuration. Make sure that the specified features are supported on the current platform.",
            ))
        }
    }
}

fn base_sleep(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventBase instances are not serializable"))
}
fn base_wakeup(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventBase instances are not serializable"))
}

/// The base's shared state, or an Error for a base whose constructor failed.
fn sh_of(a: &Args) -> PhpResult<Rc<RefCell<Shared>>> {
    match &this::<EventBase>(a).sh {
        Some(s) => Ok(s.clone()),
        None => Err(error::error("EventBase object is not initialized")),
    }
}

fn base_get_method(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let name = sh.borrow().method_name();
    zv::set_bytes(rv, name.as_bytes());
    Ok(())
}
fn base_get_features(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let f = sh.borrow().method.features();
    zv::set_long(rv, f);
    Ok(())
}
fn base_priority_init(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    let sh = sh_of(a)?;
    let ok = sh.borrow_mut().core.priority_init(n);
    zv::set_bool(rv, ok);
    Ok(())
}
fn base_loop(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let flags = a.long_or(0, -1)?;
    let sh = sh_of(a)?;
    let r = run_loop(&sh, if flags == -1 { 0 } else { flags })?;
    zv::set_bool(rv, r != -1);
    Ok(())
}
fn base_dispatch(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let r = run_loop(&sh, 0)?;
    zv::set_bool(rv, r != -1);
    Ok(())
}
fn base_exit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let t = if a.given(0) { a.double(0)? } else { 0.0 };
    let sh = sh_of(a)?;
    let mut s = sh.borrow_mut();
    let id = s.core.create(-1, EV_TIMEOUT, 0, Kind::Exit);
    if t == -1.0 {
        s.core.activate(id, EV_TIMEOUT, 1);
    } else {
        let now = s.gettime();
        s.core.add(id, Some(evloop::timeval_ns(t)), now);
    }
    zv::set_bool(rv, true);
    Ok(())
}
fn base_set(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let o = a.object_of(0, ce_of::<Event>())?;
    let sh = sh_of(a)?;
    let ev = unsafe { class::data_of::<Event>(o) };
    if let (Some(old), Some(id)) = (&ev.sh, ev.id) {
        if old.borrow().core.is_pending(id) {
            warning("Can't modify pending event");
            zv::set_bool(rv, false);
            return Ok(());
        }
        if !Rc::ptr_eq(old, &sh) {
            let (fd, events) = {
                let mut o2 = old.borrow_mut();
                let e = o2.core.get(id).map(|e| (e.fd, e.events)).unwrap_or((-1, 0));
                o2.core.remove(id);
                let _ = o2.sync();
                e
            };
            let nid = sh.borrow_mut().core.create(fd, events, o as usize, Kind::User);
            ev.id = Some(nid);
            ev.sh = Some(sh.clone());
        } else {
            let mut s = sh.borrow_mut();
            let (fd, events) = s.core.get(id).map(|e| (e.fd, e.events)).unwrap_or((-1, 0));
            s.core.assign(id, fd, events);
        }
    }
    zv::set_bool(rv, true);
    Ok(())
}
fn base_stop(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    sh.borrow_mut().gotbreak = true;
    zv::set_bool(rv, true);
    Ok(())
}
fn base_got_stop(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let v = sh.borrow().gotbreak;
    zv::set_bool(rv, v);
    Ok(())
}
fn base_got_exit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let v = sh.borrow().gotterm;
    zv::set_bool(rv, v);
    Ok(())
}
fn base_time_of_day(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let ns = sh.borrow_mut().time_of_day_cached();
    // timeval precision, as libevent reports it.
    let us = ns / 1000;
    zv::set_double(rv, (us / 1_000_000) as f64 + (us % 1_000_000) as f64 * 1e-6);
    Ok(())
}
fn base_reinit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let ok = sh.borrow_mut().reinit().is_ok();
    zv::set_bool(rv, ok);
    Ok(())
}
fn base_free(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    if let Some(sh) = this::<EventBase>(a).sh.clone() {
        let mut s = sh.borrow_mut();
        if !s.running {
            s.core.clear_all();
            let _ = s.sync();
            s.release_signals();
            s.freed = true;
        } else {
            s.gotterm = true;
        }
    }
    Ok(())
}
fn base_update_cache_time(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let mut s = sh.borrow_mut();
    if s.running {
        s.update_time_cache();
    }
    zv::set_bool(rv, true);
    Ok(())
}
fn base_resume(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = sh_of(a)?;
    let mut s = sh.borrow_mut();
    if s.running {
        s.cont = true;
    }
    zv::set_bool(rv, true);
    Ok(())
}

impl Drop for EventBase {
    fn drop(&mut self) {
        if let Some(sh) = self.sh.take() {
            if let Ok(mut s) = sh.try_borrow_mut() {
                if !s.running {
                    s.core.clear_all();
                    let _ = s.sync();
                    s.release_signals();
                    s.freed = true;
                }
            }
        }
    }
}

// ---------------------------------------------------------------- the loop

enum Stop {
    Break,
    Exception,
}

/// event_base_loop. Returns 0, 1 (no events) or -1; Err when a callback threw.
fn run_loop(sh: &Rc<RefCell<Shared>>, flags: i64) -> PhpResult<i32> {
    {
        let mut s = sh.borrow_mut();
        if s.running {
            warning(
                "event_base_loop: reentrant invocation.  Only one event_base_loop can run on each event_base at once.",
            );
            return Ok(-1);
        }
        if s.freed {
            return Ok(-1);
        }
        s.running = true;
        s.clear_time_cache();
        s.gotterm = false;
        s.gotbreak = false;
    }
    let mut ret = 0;
    let mut threw = false;
    loop {
        let mut s = sh.borrow_mut();
        s.cont = false;
        if s.gotterm || s.gotbreak {
            break;
        }
        let tv = if s.core.n_active == 0 && flags & LOOP_NONBLOCK == 0 { s.timeout_next() } else { Some(0) };
        if !s.core.have_events() && s.core.n_active == 0 {
            ret = 1;
            break;
        }
        s.clear_time_cache();
        if let Err(e) = s.dispatch(tv) {
            drop(s);
            warning(&format!("epoll_wait: {}", error::strerror(e)));
            ret = -1;
            break;
        }
        s.update_time_cache();
        let now = s.gettime();
        s.core.expire(now);
        if s.core.n_active > 0 {
            drop(s);
            match process_active(sh) {
                Ok(n) => {
                    if flags & LOOP_ONCE != 0 && sh.borrow().core.n_active == 0 && n != 0 {
                        break;
                    }
                }
                Err(Stop::Break) => {}
                Err(Stop::Exception) => {
                    threw = true;
                    break;
                }
            }
        } else if flags & LOOP_NONBLOCK != 0 {
            break;
        }
    }
    {
        let mut s = sh.borrow_mut();
        s.clear_time_cache();
        s.running = false;
    }
    if threw || has_exception() {
        return Err(Thrown);
    }
    Ok(ret)
}

/// event_process_active: the first non-empty priority queue is run; lower
/// priorities wait for the next iteration.
fn process_active(sh: &Rc<RefCell<Shared>>) -> Result<usize, Stop> {
    let (nprio, limits) = {
        let s = sh.borrow();
        (s.core.nprio(), s.limits)
    };
    let start = if limits.max_interval.is_some() { sh.borrow().gettime() } else { 0 };
    for i in 0..nprio {
        if sh.borrow().core.queue_len(i) == 0 {
            continue;
        }
        let limited = (i as i64) >= limits.limit_after_prio;
        let mut count = 0usize;
        loop {
            let b = {
                let mut s = sh.borrow_mut();
                let Some(id) = s.core.pop_active(i) else { break };
                let now = s.gettime();
                let b = s.core.begin(id, now);
                let _ = s.sync();
                match b {
                    Some(b) => b,
                    None => continue,
                }
            };
            match b.kind {
                Kind::Exit => sh.borrow_mut().gotterm = true,
                Kind::User => {
                    if run_callbacks(sh, &b) {
                        return Err(Stop::Exception);
                    }
                }
            }
            count += 1;
            let s = sh.borrow();
            if s.gotbreak {
                return Err(Stop::Break);
            }
            if limited {
                if count as i64 >= limits.max_callbacks {
                    return Ok(count);
                }
                if let Some(iv) = limits.max_interval {
                    if s.gettime() - start >= iv {
                        return Ok(count);
                    }
                }
            }
            if s.cont {
                break;
            }
        }
        if count > 0 {
            return Ok(count);
        }
    }
    Ok(0)
}

/// Runs one active event's callback (ncalls times for signals). Returns
/// true when a callback threw.
fn run_callbacks(sh: &Rc<RefCell<Shared>>, b: &Begin) -> bool {
    let obj = b.user as *mut zend_object;
    if obj.is_null() {
        return false;
    }
    // Keep the Event alive while its callback runs (it may free itself).
    // SAFETY: `obj` is the live Event of this core record (Drop removes it).
    let holder = unsafe { zv::object_ref(obj) };
    let mut threw = false;
    let is_signal = b.events & EV_SIGNAL != 0;
    if is_signal {
        loop {
            if !sh.borrow_mut().core.next_signal_call(b.id) {
                break;
            }
            if call_one(obj, b) {
                threw = true;
            }
            let s = sh.borrow();
            if threw || s.gotbreak {
                drop(s);
                sh.borrow_mut().core.end_signal_calls(b.id);
                break;
            }
        }
    } else {
        threw = call_one(obj, b);
    }
    if threw {
        if let Some((name, is_exit)) = error::pending_exception() {
            if !is_exit {
                warning(&format!("Breaking the loop due to exception {name}"));
            }
        }
        let mut s = sh.borrow_mut();
        s.core.del(b.id);
        let _ = s.sync();
        s.gotbreak = true;
    }
    release(holder);
    threw
}

/// Calls the Event's callback once with its kind's arguments; true if it threw.
fn call_one(obj: *mut zend_object, b: &Begin) -> bool {
    // SAFETY: `obj` is kept alive by the caller's reference.
    let ev = unsafe { class::data_of::<Event>(obj) };
    let Some(cb) = ev.cb.as_ref() else { return false };
    let data = copy_deref(unsafe { class::prop_slot(obj, 1) });
    let mut args: [zval; 3] = [zv::undef(), zv::undef(), zv::undef()];
    let n = match ev.kind {
        CbKind::Timer => {
            args[0] = data;
            1
        }
        CbKind::Signal => {
            zv::set_long(&mut args[0], b.fd as i64);
            args[1] = data;
            2
        }
        CbKind::Io => {
            match (ev.stream, b.res & EV_SIGNAL != 0) {
                (Some(h), false) => match zv::resource_by_handle(h) {
                    Some(r) => args[0] = copy(r),
                    None => zv::set_long(&mut args[0], b.fd as i64),
                },
                _ => zv::set_long(&mut args[0], b.fd as i64),
            }
            zv::set_long(&mut args[1], b.res as i64);
            args[2] = data;
            3
        }
    };
    cb.call(&mut args[..n]);
    let [a0, a1, a2] = args;
    release(a0);
    release(a1);
    release(a2);
    has_exception()
}

// ---------------------------------------------------------------- Event

fn ev_this<'a>(a: &Args) -> &'a mut Event {
    this::<Event>(a)
}

fn event_construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(4, 5)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let what = a.long(2)?;
    let fdz = a.zval(1);
    if what & !(EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL | EV_PERSIST | evloop::EV_ET) as i64 != 0 {
        warning("Invalid mask");
        return Ok(());
    }
    if what & EV_SIGNAL as i64 != 0 && what & (evloop::EV_READ | evloop::EV_WRITE) as i64 != 0 {
        // libevent's event_assign refuses the mix (PECL then dies with
        // "event_new failed"; here the object stays without an event).
        warning("event_assign: EV_SIGNAL is not compatible with EV_READ, EV_WRITE or EV_CLOSED");
        return Ok(());
    }
    let fd;
    let mut stream = None;
    if what & EV_SIGNAL as i64 != 0 {
        match zval_to_signum(fdz) {
            Some(s) => fd = s,
            None => {
                warning("Invalid signal passed");
                return Ok(());
            }
        }
    } else if what & EV_TIMEOUT as i64 != 0 {
        fd = -1;
    } else {
        fd = zval_to_fd(fdz)?;
        if fd < 0 {
            return Ok(());
        }
        stream = zv::resource_handle(unsafe { zv::deref_mut(fdz) });
    }
    let Some(sh) = base_shared(bo) else { return Err(error::error("EventBase object is not initialized")) };
    let obj = a.this();
    let id = sh.borrow_mut().core.create(fd, what as u16, obj as usize, Kind::User);
    let ev = ev_this(a);
    if let (Some(old), Some(oid)) = (ev.sh.take(), ev.id.take()) {
        old.borrow_mut().core.remove(oid);
    }
    ev.sh = Some(sh);
    ev.id = Some(id);
    ev.kind = CbKind::Io;
    ev.set_cb(a.zval(3));
    ev.stream = stream;
    set_data(obj, arg_or_null(a, 4));
    Ok(())
}

fn event_free(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let ev = ev_this(a);
    if let (Some(sh), Some(id)) = (ev.sh.take(), ev.id.take()) {
        let mut s = sh.borrow_mut();
        s.core.remove(id);
        let _ = s.sync();
    }
    Ok(())
}

fn event_set(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 5)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let what = if a.given(2) && zv::type_of(a.zval(2)) != ffi::IS_NULL { a.long(2)? } else { -1 };
    let fdz = a.zval(1);
    let fd_given = zv::type_of(fdz) != ffi::IS_NULL;
    let mut fd = -1;
    if what != -1 {
        if what & !(EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL | EV_PERSIST | evloop::EV_ET) as i64
            != 0
        {
            warning("Invalid events mask");
            zv::set_bool(rv, false);
            return Ok(());
        }
        if what & EV_SIGNAL as i64 != 0 {
            match zval_to_signum(fdz) {
                Some(s) => fd = s,
                None => {
                    warning("Invalid signal passed");
                    zv::set_bool(rv, false);
                    return Ok(());
                }
            }
        } else {
            fd = zval_to_fd(fdz)?;
            if fd < 0 {
                zv::set_bool(rv, false);
                return Ok(());
            }
        }
    } else if fd_given {
        fd = zval_to_fd(fdz)?;
        if fd < 0 {
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let obj = a.this();
    let ev = ev_this(a);
    if let (Some(sh), Some(id)) = (&ev.sh, ev.id) {
        if sh.borrow().core.is_pending(id) {
            warning("Can't modify pending event");
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let Some(nsh) = base_shared(bo) else { return Err(error::error("EventBase object is not initialized")) };
    let (old_fd, old_what) = match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow().core.get(id).map(|e| (e.fd, e.events as i64)).unwrap_or((-1, 0)),
        _ => (-1, 0),
    };
    let new_fd = if fd_given || what != -1 { fd } else { old_fd };
    let new_what = if what == -1 { old_what } else { what };
    if new_what & EV_SIGNAL as i64 != 0 && new_what & (evloop::EV_READ | evloop::EV_WRITE) as i64 != 0 {
        warning("event_assign: EV_SIGNAL is not compatible with EV_READ, EV_WRITE or EV_CLOSED");
        zv::set_bool(rv, false);
        return Ok(());
    }
    if fd_given {
        let d = unsafe { zv::deref_mut(fdz) };
        ev.stream = if what != -1 && what & EV_SIGNAL as i64 != 0 { None } else { zv::resource_handle(d) };
    }
    if a.given(3) && zv::type_of(a.zval(3)) != ffi::IS_NULL {
        ev.set_cb(a.zval(3));
    }
    if let Some(v) = arg_or_null(a, 4) {
        set_data(obj, Some(v));
    }
    if let (Some(old), Some(oid)) = (ev.sh.take(), ev.id.take()) {
        let mut o = old.borrow_mut();
        o.core.remove(oid);
        let _ = o.sync();
    }
    let id = nsh.borrow_mut().core.create(new_fd, new_what as u16, obj as usize, Kind::User);
    ev.sh = Some(nsh);
    ev.id = Some(id);
    ev.kind = CbKind::Io;
    zv::set_bool(rv, true);
    Ok(())
}

fn event_get_supported_methods(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let mut arr = zv::Array::new(3);
    for m in Method::ALL {
        let mut z = zv::undef();
        zv::set_bytes(&mut z, m.name().as_bytes());
        arr.push(z);
    }
    *rv = arr.into_zval();
    Ok(())
}

fn event_add(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let t = if a.given(0) { a.double(0)? } else { -1.0 };
    let ev = ev_this(a);
    let (Some(sh), Some(id)) = (&ev.sh, ev.id) else {
        warning("Failed adding event: Event object is malformed or freed");
        zv::set_bool(rv, false);
        return Ok(());
    };
    let mut s = sh.borrow_mut();
    if s.freed {
        drop(s);
        warning("Failed adding event");
        zv::set_bool(rv, false);
        return Ok(());
    }
    let now = s.gettime();
    let tv = if t == -1.0 { None } else { Some(evloop::timeval_ns(t)) };
    if !s.core.add(id, tv, now) {
        let fd = s.core.get(id).map_or(-1, |e| e.fd);
        drop(s);
        warning(&format!("Tried to mix edge-triggered and non-edge-triggered events on fd {fd}"));
        warning("Failed adding event");
        zv::set_bool(rv, false);
        return Ok(());
    }
    if s.sync().is_err() {
        s.core.del(id);
        let _ = s.sync();
        drop(s);
        warning("Failed adding event");
        zv::set_bool(rv, false);
        return Ok(());
    }
    zv::set_bool(rv, true);
    Ok(())
}

fn event_del(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let ev = ev_this(a);
    let (Some(sh), Some(id)) = (&ev.sh, ev.id) else {
        warning("Failed deletting event");
        zv::set_bool(rv, false);
        return Ok(());
    };
    let mut s = sh.borrow_mut();
    s.core.del(id);
    let _ = s.sync();
    zv::set_bool(rv, true);
    Ok(())
}

fn event_remove_timer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let ev = ev_this(a);
    let ok = match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow_mut().core.remove_timer(id),
        _ => false,
    };
    if !ok {
        warning("Failed deletting event");
    }
    zv::set_bool(rv, ok);
    Ok(())
}

fn event_set_priority(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let p = a.long(0)?;
    let ev = ev_this(a);
    let ok = match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow_mut().core.set_priority(id, p),
        _ => false,
    };
    if !ok {
        warning(&format!("Unable to set event priority: {p}"));
    }
    zv::set_bool(rv, ok);
    Ok(())
}

fn pending_of(ev: &Event, flags: i64) -> bool {
    match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow().core.pending(id, flags as u16),
        _ => false,
    }
}

fn event_pending(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let f = a.long(0)?;
    zv::set_bool(rv, pending_of(ev_this(a), f));
    Ok(())
}

fn new_event(rv: &mut zval, sh: Rc<RefCell<Shared>>, fd: i32, what: u16, kind: CbKind, cb: &zval, arg: Option<zval>) {
    let Some(obj) = class::instantiate_ce(rv, ce_of::<Event>()) else { return };
    // SAFETY: a fresh Event object.
    let ev = unsafe { class::data_of::<Event>(obj) };
    let id = sh.borrow_mut().core.create(fd, what, obj as usize, Kind::User);
    ev.sh = Some(sh);
    ev.id = Some(id);
    ev.kind = kind;
    ev.set_cb(cb);
    set_data(obj, arg);
}

fn event_timer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let Some(sh) = base_shared(bo) else { return Err(error::error("EventBase object is not initialized")) };
    new_event(rv, sh, -1, 0, CbKind::Timer, a.zval(1), arg_or_null(a, 2));
    Ok(())
}

fn event_signal(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 4)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let signum = a.long(1)?;
    if !(0..evloop::NSIG as i64).contains(&signum) {
        warning("Invalid signal passed");
        zv::set_bool(rv, false);
        return Ok(());
    }
    let Some(sh) = base_shared(bo) else { return Err(error::error("EventBase object is not initialized")) };
    new_event(rv, sh, signum as i32, EV_SIGNAL | EV_PERSIST, CbKind::Signal, a.zval(2), arg_or_null(a, 3));
    Ok(())
}

fn event_set_timer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let obj = a.this();
    let ev = ev_this(a);
    if let (Some(sh), Some(id)) = (&ev.sh, ev.id) {
        if sh.borrow().core.pending(id, EV_TIMEOUT) {
            warning("Can't modify pending timer");
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let Some(nsh) = base_shared(bo) else { return Err(error::error("EventBase object is not initialized")) };
    if let (Some(old), Some(oid)) = (ev.sh.take(), ev.id.take()) {
        let mut o = old.borrow_mut();
        o.core.remove(oid);
        let _ = o.sync();
    }
    let id = nsh.borrow_mut().core.create(-1, 0, obj as usize, Kind::User);
    ev.sh = Some(nsh);
    ev.id = Some(id);
    ev.kind = CbKind::Timer;
    ev.stream = None;
    ev.set_cb(a.zval(1));
    set_data(obj, arg_or_null(a, 2));
    zv::set_bool(rv, true);
    Ok(())
}

// ---------------------------------------------------------------- Event properties

unsafe fn member_is(member: *mut zend_string, name: &[u8]) -> bool {
    zv::str_bytes(member) == name
}

unsafe extern "C" fn event_read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if member_is(member, b"pending") {
        let ev = class::data_of::<Event>(obj);
        zv::set_bool(&mut *rv, pending_of(ev, (EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL) as i64));
        return rv;
    }
    ext_php_rs::ffi::zend_std_read_property(obj, member, ty, cache, rv)
}

unsafe extern "C" fn event_write_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    value: *mut zval,
    cache: *mut *mut c_void,
) -> *mut zval {
    if member_is(member, b"pending") {
        error::fatal("Cannot write property");
        return value;
    }
    ext_php_rs::ffi::zend_std_write_property(obj, member, value, cache)
}

unsafe extern "C" fn event_has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    cache: *mut *mut c_void,
) -> c_int {
    if member_is(member, b"pending") {
        let ev = class::data_of::<Event>(obj);
        let p = pending_of(ev, (EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL) as i64);
        return match has_set_exists {
            1 => p as c_int,
            _ => 1,
        };
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, cache)
}

unsafe extern "C" fn event_unset_property(obj: *mut zend_object, member: *mut zend_string, cache: *mut *mut c_void) {
    if member_is(member, b"pending") || member_is(member, b"data") {
        return;
    }
    ext_php_rs::ffi::zend_std_unset_property(obj, member, cache)
}

unsafe extern "C" fn event_get_property_ptr_ptr(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    cache: *mut *mut c_void,
) -> *mut zval {
    if member_is(member, b"pending") {
        return std::ptr::null_mut();
    }
    ext_php_rs::ffi::zend_std_get_property_ptr_ptr(obj, member, ty, cache)
}

unsafe extern "C" fn event_get_properties(obj: *mut zend_object) -> *mut HashTable {
    let ev = class::data_of::<Event>(obj);
    let p = pending_of(ev, (EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL) as i64);
    let slot = class::prop_slot(obj, 0);
    zv::set_bool(slot, p);
    ext_php_rs::ffi::zend_std_get_properties(obj)
}
