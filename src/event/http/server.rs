//! EventHttp: the server object (evhttp): listening sockets, the callbacks
//! per path, limits, aliases; connections are in `conn.rs`.

use super::*;

#[derive(Default)]
pub struct EventHttp {}
native_class!(EventHttp, c"EventHttp");

fn not_yet(_a: &Args, _rv: &mut zval) -> PhpResult {
    Err(throw_event("EventHttp is not available yet"))
}

/// Registers the class.
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    class::register::<EventHttp>(methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let h = crate::handler!(not_yet);
    let [sleep, wakeup] = sleep_wakeup();
    crate::php::func::table(vec![
        m(c"__construct", h).arg(c"base", BASE_T).opt(c"ctx", Type::class(c"EventSslContext").nullable(), c"null"),
        sleep,
        wakeup,
        m(c"accept", h).arg(c"socket", Type::MIXED).ret(Type::BOOL),
        m(c"bind", h).arg(c"address", Type::STRING).arg(c"port", Type::INT).ret(Type::BOOL),
        m(c"setCallback", h)
            .arg(c"path", Type::STRING)
            .arg(c"cb", Type::CALLABLE)
            .opt(c"arg", Type::MIXED, c"null")
            .ret(Type::BOOL),
        m(c"setDefaultCallback", h).arg(c"cb", Type::CALLABLE).opt(c"arg", Type::MIXED, c"null").ret(Type::VOID),
        m(c"setAllowedMethods", h).arg(c"methods", Type::INT).ret(Type::VOID),
        m(c"setMaxBodySize", h).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"setMaxHeadersSize", h).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"setTimeout", h).arg(c"value", Type::INT).ret(Type::VOID),
        m(c"addServerAlias", h).arg(c"alias", Type::STRING).ret(Type::BOOL),
        m(c"removeServerAlias", h).arg(c"alias", Type::STRING).ret(Type::BOOL),
    ])
}
