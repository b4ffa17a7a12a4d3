//! EventConfig: the backend choice and dispatch limits for a new EventBase.

use super::*;

pub(super) fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
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
