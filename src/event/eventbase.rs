//! EventBase's PHP methods (the base itself, without PHP, is in base.rs).

use super::*;

pub(super) fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
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
        if avoid.iter().any(|x| x == m.name()) {
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

/// The base's shared state for methods that PECL runs on the freed
/// event_base (a crash or a libevent assertion there): an Error here.
fn live_of(a: &Args) -> PhpResult<Rc<RefCell<Shared>>> {
    let sh = sh_of(a)?;
    if sh.borrow().freed {
        return Err(base_freed_error());
    }
    Ok(sh)
}

/// For methods PECL answers with false once the base is freed.
fn unless_freed(a: &Args, rv: &mut zval) -> PhpResult<Option<Rc<RefCell<Shared>>>> {
    let sh = sh_of(a)?;
    if sh.borrow().freed {
        zv::set_bool(rv, false);
        return Ok(None);
    }
    Ok(Some(sh))
}

fn base_get_method(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = live_of(a)?;
    let name = sh.borrow().method_name();
    zv::set_bytes(rv, name.as_bytes());
    Ok(())
}
fn base_get_features(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = live_of(a)?;
    let f = sh.borrow().method.features();
    zv::set_long(rv, f);
    Ok(())
}
fn base_priority_init(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    let sh = live_of(a)?;
    let ok = sh.borrow_mut().core.priority_init(n);
    zv::set_bool(rv, ok);
    Ok(())
}
fn base_loop(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let flags = a.long_or(0, -1)?;
    let sh = live_of(a)?;
    let r = dispatch::run_loop(&sh, if flags == -1 { 0 } else { flags })?;
    zv::set_bool(rv, r != -1);
    Ok(())
}
fn base_dispatch(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = live_of(a)?;
    let r = dispatch::run_loop(&sh, 0)?;
    zv::set_bool(rv, r != -1);
    Ok(())
}
fn base_exit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 1)?;
    let t = if a.given(0) { a.double(0)? } else { 0.0 };
    let Some(sh) = unless_freed(a, rv)? else { return Ok(()) };
    let mut s = sh.borrow_mut();
    let id = s.core.create(-1, EV_TIMEOUT, 0, Kind::Exit);
    // event_base_once activates at once (in order with other activations)
    // when there is no timeout or a zero one.
    if t == -1.0 || evloop::timeval_ns(t) == 0 {
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
    let sh = live_of(a)?;
    let ev = unsafe { class::data_of::<Event>(o) };
    if event_object::is_freed(ev) {
        return Err(event_freed_error());
    }
    if ev.orphan {
        // PECL then calls event_base_set() on the base-less event and crashes.
        warning("event_pending: event has no event_base set.");
        return Err(event_freed_error());
    }
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
    let Some(sh) = unless_freed(a, rv)? else { return Ok(()) };
    sh.borrow_mut().gotbreak = true;
    zv::set_bool(rv, true);
    Ok(())
}
fn base_got_stop(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = live_of(a)?;
    let v = sh.borrow().gotbreak;
    zv::set_bool(rv, v);
    Ok(())
}
fn base_got_exit(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let sh = live_of(a)?;
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
    let sh = live_of(a)?;
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
    let Some(sh) = unless_freed(a, rv)? else { return Ok(()) };
    let mut s = sh.borrow_mut();
    if s.running {
        s.update_time_cache();
    }
    zv::set_bool(rv, true);
    Ok(())
}
fn base_resume(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let Some(sh) = unless_freed(a, rv)? else { return Ok(()) };
    let mut s = sh.borrow_mut();
    if s.running {
        s.cont = true;
    }
    zv::set_bool(rv, true);
    Ok(())
}

impl Drop for EventBase {
    fn drop(&mut self) {
        if let Some(ht) = self.no_props.take() {
            // SAFETY: the table was made by no_properties() for this object;
            // the engine may hold more references (zend_array_release).
            unsafe {
                let ht = ht.as_ptr();
                (*ht).gc.refcount -= 1;
                if (*ht).gc.refcount == 0 {
                    ext_php_rs::ffi::zend_array_destroy(ht);
                }
            }
        }
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
