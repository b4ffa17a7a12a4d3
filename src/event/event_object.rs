//! Event's PHP methods and property handlers.

use super::*;

pub(super) fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
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

fn ev_this<'a>(a: &Args) -> &'a mut Event {
    this::<Event>(a)
}

fn event_construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(4, 5)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let what = a.long(2)?;
    let fdz = a.zval(1);
    if what & !ALL_FLAGS != 0 {
        warning("Invalid mask");
        return Ok(());
    }
    if what & EV_SIGNAL as i64 != 0 && what & (evloop::EV_READ | evloop::EV_WRITE) as i64 != 0 {
        // libevent's event_assign refuses the mix; PECL then stops with a fatal error.
        warning("event_assign: EV_SIGNAL is not compatible with EV_READ, EV_WRITE or EV_CLOSED");
        error::fatal("event_new failed");
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
        stream = zv::resource_handle(zv::deref_mut(fdz));
    }
    let sh = base_arg(bo)?;
    let obj = a.this();
    let ev = ev_this(a);
    if let (Some(old), Some(oid)) = (ev.sh.take(), ev.id.take()) {
        old.borrow_mut().core.remove(oid);
    }
    ev.kind = CbKind::Io;
    ev.set_cb(a.zval(3));
    ev.stream = stream;
    set_data(obj, arg_or_null(a, 4));
    attach(ev, obj, sh, fd, what as u16);
    Ok(())
}

/// Gives the Event its core record on `sh`, or makes it an orphan (libevent's
/// event without a base) when that base has been freed.
fn attach(ev: &mut Event, obj: *mut zend_object, sh: Rc<RefCell<Shared>>, fd: i32, what: u16) {
    if sh.borrow().freed {
        ev.orphan = true;
        return;
    }
    ev.orphan = false;
    let id = sh.borrow_mut().core.create(fd, what, obj as usize, Kind::User);
    ev.sh = Some(sh);
    ev.id = Some(id);
}

/// Freed or malformed: no libevent event at all (PECL's `e->event == NULL`).
pub(super) fn is_freed(ev: &Event) -> bool {
    ev.id.is_none() && !ev.orphan
}

/// Every flag an Event mask may hold (as an i64: the mask is checked over its 64 bits).
const ALL_FLAGS: i64 =
    (EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL | EV_PERSIST | evloop::EV_ET) as i64;

const NO_BASE: &str = "event has no event_base set.";

fn event_free(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let ev = ev_this(a);
    if ev.orphan {
        warning(&format!("event_del_: {NO_BASE}"));
        ev.orphan = false;
    }
    if let (Some(sh), Some(id)) = (ev.sh.take(), ev.id.take()) {
        let mut s = sh.borrow_mut();
        s.core.remove(id);
        let _ = s.sync();
    }
    // A freed Event's data reads as NULL, as in PECL. Its property table
    // keeps what get_properties() last put there (PECL no longer updates it);
    // the argument itself lives as long as the object, as in PECL.
    if !ev.props_seen {
        let old = take_data(a.this());
        if ev.freed_data.is_none() {
            ev.freed_data = Some(Box::new(old));
        } else {
            drop(old);
        }
    }
    Ok(())
}

fn event_set(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 5)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    // PECL parses `what` as a plain int: null is deprecated and means 0.
    let what = if a.given(2) { a.long(2)? } else { -1 };
    if a.given(3) {
        check_callable(a.zval(3), 4, true)?;
    }
    let fdz = a.zval(1);
    let fd_given = zv::type_of(fdz) != ffi::IS_NULL;
    let mut fd = -1;
    if what != -1 {
        if what & !ALL_FLAGS != 0 {
            warning("Invalid events mask");
            zv::set_bool(rv, false);
            return Ok(());
        }
        if what & EV_SIGNAL as i64 != 0 {
            match zval_to_signum(fdz) {
                // PECL's set() validates the signal number but keeps fd -1, so
                // the event cannot be added afterwards ("Failed adding event").
                Some(_) => fd = -1,
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
    }
    // Without a mask (what -1), PECL converts no descriptor: the event is
    // re-assigned to fd -1 (an io event that never fires) with its old mask.
    let obj = a.this();
    let ev = ev_this(a);
    if is_freed(ev) {
        return Err(event_freed_error());
    }
    if ev.orphan {
        warning(&format!("event_pending: {NO_BASE}"));
    }
    if let (Some(sh), Some(id)) = (&ev.sh, ev.id) {
        if sh.borrow().core.is_pending(id) {
            warning("Can't modify pending event");
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let nsh = base_arg(bo)?;
    if nsh.borrow().freed {
        return Err(base_freed_error());
    }
    let old_what = match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow().core.get(id).map_or(0, |e| e.events as i64),
        _ => 0,
    };
    let new_fd = fd;
    let new_what = if what == -1 { old_what } else { what };
    if new_what & EV_SIGNAL as i64 != 0 && new_what & (evloop::EV_READ | evloop::EV_WRITE) as i64 != 0 {
        warning("event_assign: EV_SIGNAL is not compatible with EV_READ, EV_WRITE or EV_CLOSED");
        zv::set_bool(rv, false);
        return Ok(());
    }
    if fd_given {
        // The resource handed to callbacks follows the fd argument.
        let d = zv::deref_mut(fdz);
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
    ev.kind = CbKind::Io;
    if !ev.orphan {
        // PECL re-assigns an orphan's fields but it stays without a base.
        attach(ev, obj, nsh, new_fd, new_what as u16);
    }
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
        if ev.orphan {
            warning(&format!("event_add: {NO_BASE}"));
            warning("Failed adding event");
        } else {
            warning("Failed adding event: Event object is malformed or freed");
        }
        zv::set_bool(rv, false);
        return Ok(());
    };
    let mut s = sh.borrow_mut();
    if s.freed {
        return Err(base_freed_error());
    }
    let now = s.gettime();
    let tv = if t == -1.0 { None } else { Some(evloop::timeval_ns(t)) };
    if s.core.get(id).is_some_and(|e| e.events & EV_SIGNAL != 0 && e.fd < 0) {
        // libevent's evmap_signal_add_ refuses signal -1 without a warning.
        drop(s);
        warning("Failed adding event");
        zv::set_bool(rv, false);
        return Ok(());
    }
    s.core.add(id, tv, now);
    s.failure = None;
    let synced = s.sync();
    if let Some(w) = s.notice.take() {
        drop(s);
        warning(&w);
        s = sh.borrow_mut();
    }
    if synced.is_err() {
        s.core.del(id);
        let _ = s.sync();
        let failure = s.failure.take();
        drop(s);
        if let Some(f) = failure {
            warning(&f);
        }
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
        if ev.orphan {
            warning(&format!("event_del_: {NO_BASE}"));
        }
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
    if is_freed(ev) {
        return Err(event_freed_error());
    }
    let ok = match (&ev.sh, ev.id) {
        (Some(sh), Some(id)) => sh.borrow_mut().core.remove_timer(id),
        _ => {
            warning(&format!("event_remove_timer: {NO_BASE}"));
            false
        }
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
    if ev.id.is_none() {
        // PECL dereferences a NULL event (freed) or base (orphan) here.
        return Err(event_freed_error());
    }
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
    let ev = ev_this(a);
    if is_freed(ev) {
        return Err(event_freed_error());
    }
    if ev.orphan {
        warning(&format!("event_pending: {NO_BASE}"));
    }
    zv::set_bool(rv, pending_of(ev, f));
    Ok(())
}

fn new_event(rv: &mut zval, sh: Rc<RefCell<Shared>>, fd: i32, what: u16, kind: CbKind, cb: &zval, arg: Option<zval>) {
    let Some(obj) = class::instantiate_ce(rv, ce_of::<Event>()) else { return };
    // SAFETY: a fresh Event object.
    let ev = unsafe { class::data_of::<Event>(obj) };
    ev.kind = kind;
    ev.set_cb(cb);
    set_data(obj, arg);
    attach(ev, obj, sh, fd, what);
}

fn event_timer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    let sh = base_arg(bo)?;
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
    let sh = base_arg(bo)?;
    new_event(rv, sh, signum as i32, EV_SIGNAL | EV_PERSIST, CbKind::Signal, a.zval(2), arg_or_null(a, 3));
    Ok(())
}

fn event_set_timer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let bo = a.object_of(0, ce_of::<EventBase>())?;
    check_callable(a.zval(1), 2, false)?;
    let obj = a.this();
    let ev = ev_this(a);
    if is_freed(ev) {
        return Err(event_freed_error());
    }
    if ev.orphan {
        warning(&format!("event_pending: {NO_BASE}"));
    }
    if let (Some(sh), Some(id)) = (&ev.sh, ev.id) {
        if sh.borrow().core.pending(id, EV_TIMEOUT) {
            warning("Can't modify pending timer");
            zv::set_bool(rv, false);
            return Ok(());
        }
    }
    let nsh = base_arg(bo)?;
    if nsh.borrow().freed {
        return Err(base_freed_error());
    }
    if let (Some(old), Some(oid)) = (ev.sh.take(), ev.id.take()) {
        let mut o = old.borrow_mut();
        o.core.remove(oid);
        let _ = o.sync();
    }
    ev.kind = CbKind::Timer;
    ev.stream = None;
    ev.set_cb(a.zval(1));
    set_data(obj, arg_or_null(a, 2));
    if !ev.orphan {
        attach(ev, obj, nsh, -1, 0);
    }
    zv::set_bool(rv, true);
    Ok(())
}

// ---------------------------------------------------------------- Event properties

unsafe fn member_is(member: *mut zend_string, name: &[u8]) -> bool {
    zv::str_bytes(member) == name
}

const ANY: i64 = (EV_TIMEOUT | evloop::EV_READ | evloop::EV_WRITE | EV_SIGNAL) as i64;

/// The `pending` property: NULL once freed; an orphan warns as libevent's
/// event_pending() does.
fn pending_prop(ev: &Event, z: &mut zval) {
    if is_freed(ev) {
        zv::set_null(z);
        return;
    }
    if ev.orphan {
        warning(&format!("event_pending: {NO_BASE}"));
    }
    zv::set_bool(z, pending_of(ev, ANY));
}

// The std handlers get no runtime cache slot: with one, the engine would
// read and write the declared `data` slot directly next time, bypassing
// these handlers (a freed Event's data must stay NULL).

pub(super) unsafe extern "C" fn event_read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if member_is(member, b"pending") {
        pending_prop(class::data_of::<Event>(obj), &mut *rv);
        return rv;
    }
    if member_is(member, b"data") && is_freed(class::data_of::<Event>(obj)) {
        // A copy: appending to a freed Event's data changes nothing, as a write does.
        zv::set_null(&mut *rv);
        return rv;
    }
    ext_php_rs::ffi::zend_std_read_property(obj, member, ty, std::ptr::null_mut(), rv)
}

pub(super) unsafe extern "C" fn event_write_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    value: *mut zval,
    _cache: *mut *mut c_void,
) -> *mut zval {
    if member_is(member, b"pending") {
        error::fatal("Cannot write property");
        return value;
    }
    if member_is(member, b"data") && is_freed(class::data_of::<Event>(obj)) {
        // PECL ignores writes to a freed Event's data.
        return value;
    }
    ext_php_rs::ffi::zend_std_write_property(obj, member, value, std::ptr::null_mut())
}

pub(super) unsafe extern "C" fn event_has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    _cache: *mut *mut c_void,
) -> c_int {
    let is_pending = member_is(member, b"pending");
    if is_pending || member_is(member, b"data") {
        let ev = class::data_of::<Event>(obj);
        if is_freed(ev) {
            return 0;
        }
        if is_pending {
            let p = pending_of(ev, ANY);
            return match has_set_exists {
                1 => p as c_int,
                _ => 1,
            };
        }
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, std::ptr::null_mut())
}

pub(super) unsafe extern "C" fn event_unset_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    _cache: *mut *mut c_void,
) {
    if member_is(member, b"pending") || member_is(member, b"data") {
        return;
    }
    ext_php_rs::ffi::zend_std_unset_property(obj, member, std::ptr::null_mut())
}

pub(super) unsafe extern "C" fn event_get_property_ptr_ptr(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
) -> *mut zval {
    if member_is(member, b"pending") || (member_is(member, b"data") && is_freed(class::data_of::<Event>(obj))) {
        // The engine falls back to read_property/write_property.
        return std::ptr::null_mut();
    }
    ext_php_rs::ffi::zend_std_get_property_ptr_ptr(obj, member, ty, std::ptr::null_mut())
}

pub(super) unsafe extern "C" fn event_get_properties(obj: *mut zend_object) -> *mut HashTable {
    let ev = class::data_of::<Event>(obj);
    if !is_freed(ev) {
        zv::set_bool(class::prop_slot(obj, 0), pending_of(ev, ANY));
        ev.props_seen = true;
    }
    ext_php_rs::ffi::zend_std_get_properties(obj)
}

/// var_dump()/print_r(): PECL lists only `pending` and `data`, and nothing
/// for a freed Event.
pub(super) unsafe extern "C" fn event_get_debug_info(obj: *mut zend_object, is_temp: *mut c_int) -> *mut HashTable {
    *is_temp = 1;
    let ev = class::data_of::<Event>(obj);
    let mut arr = zv::Array::new(2);
    if !is_freed(ev) {
        let mut p = zv::undef();
        pending_prop(ev, &mut p);
        arr.set("pending", p);
        arr.set("data", copy_deref(class::prop_slot(obj, 1)));
    }
    arr.into_raw()
}
