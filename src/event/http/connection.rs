//! EventHttpConnection (client side): owned by the EventHttpConnection work.
//! Skeleton: every method throws EventException until it is implemented.

use super::*;

#[derive(Default)]
pub struct EventHttpConnection {
    no_props: class::EmptyProps,
}
native_class!(EventHttpConnection, c"EventHttpConnection");

impl class::ShowsNoProperties for EventHttpConnection {
    fn empty_props(&mut self) -> &mut class::EmptyProps {
        &mut self.no_props
    }
}

const NOT_YET: &str = "EventHttpConnection is not available yet";

fn not_yet(_a: &Args, _rv: &mut zval) -> PhpResult {
    Err(throw_event(NOT_YET))
}

/// Registers the class.
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    class::register::<EventHttpConnection>(methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
    shows_no_properties::<EventHttpConnection>();
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let h = crate::handler!(not_yet);
    let [sleep, wakeup] = sleep_wakeup();
    crate::php::func::table(vec![
        m(c"__construct", h)
            .arg(c"base", BASE_T)
            .arg(c"dns_base", Type::class(c"EventDnsBase").nullable())
            .arg(c"address", Type::STRING)
            .arg(c"port", Type::INT)
            .opt(c"ctx", Type::class(c"EventSslContext").nullable(), c"null"),
        sleep,
        wakeup,
        m(c"getBase", h).ret(Type::class(c"EventBase").or(Type::FALSE)),
        m(c"getPeer", h).arg_ref(c"address", Type::MIXED).arg_ref(c"port", Type::MIXED).ret(Type::VOID),
        m(c"setLocalAddress", h).arg(c"address", Type::STRING).ret(Type::VOID),
        m(c"setLocalPort", h).arg(c"port", Type::INT).ret(Type::VOID),
        m(c"setTimeout", h).arg(c"timeout", Type::INT).ret(Type::VOID),
        m(c"setMaxHeadersSize", h).arg(c"max_size", Type::INT).ret(Type::VOID),
        m(c"setMaxBodySize", h).arg(c"max_size", Type::INT).ret(Type::VOID),
        m(c"setRetries", h).arg(c"retries", Type::INT).ret(Type::VOID),
        m(c"makeRequest", h)
            .arg(c"req", Type::class(c"EventHttpRequest"))
            .arg(c"type", Type::INT)
            .arg(c"uri", Type::STRING)
            .ret(Type::BOOL.nullable()),
        m(c"setCloseCallback", h).arg(c"callback", Type::CALLABLE).opt(c"data", Type::MIXED, c"null").ret(Type::VOID),
    ])
}
