//! EventDnsBase: PECL event's evdns_base wrapper. Configuration methods act
//! on [`core::DnsCore`], whose resolver (ipc-core's dns_resolver) answers
//! lookups asynchronously on the event loop.

pub mod core;

pub use self::core::{DnsCore, LookupHandle, Resolve};
use super::*;

#[derive(Default)]
pub struct EventDnsBase {
    core: Option<Rc<DnsCore>>,
}
native_class!(EventDnsBase, c"EventDnsBase");

impl Drop for EventDnsBase {
    /// evdns_base_free with fail_requests: lookups still pending (a
    /// bufferevent holds them) fail, as PECL's do.
    fn drop(&mut self) {
        if let Some(c) = self.core.take() {
            c.shutdown();
        }
    }
}

/// The resolver of an EventDnsBase object (None for one whose constructor
/// failed), for EventBufferEvent::connectHost and EventHttpConnection.
pub fn core_of(obj: zv::ObjRef) -> Option<Rc<DnsCore>> {
    class::native_of::<EventDnsBase>(obj)?.core.clone()
}

/// The class entry, for `?EventDnsBase` arguments of other classes.
pub fn class_entry() -> class::ClassEntry {
    ce_of::<EventDnsBase>()
}

/// Registers the class (from the group's startup, after EventBuffer).
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    // Not serialisable: PECL segfaults in serialize() (docs/event.md).
    let ce = class::register::<EventDnsBase>(methods(), std::ptr::null_mut(), ACC_FINAL | class::ACC_NOT_SERIALIZABLE);
    for (n, v) in [
        ("OPTION_SEARCH", 1),
        ("OPTION_NAMESERVERS", 2),
        ("OPTION_MISC", 4),
        ("OPTION_HOSTSFILE", 8),
        ("OPTIONS_ALL", 15),
        ("DISABLE_WHEN_INACTIVE", 32768),
        ("INITIALIZE_NAMESERVERS", 1),
        ("NAMESERVERS_NO_DEFAULT", 65536),
    ] {
        class::declare_long_const(ce, n, v);
    }
    (*class::handlers_mut::<EventDnsBase>()).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct)).arg(c"base", BASE_T).arg(c"initialize", Type::MIXED),
        m(c"parseResolvConf", crate::handler!(parse_resolv_conf))
            .arg(c"flags", Type::INT)
            .arg(c"filename", Type::STRING)
            .ret(Type::BOOL),
        m(c"addNameserverIp", crate::handler!(add_nameserver_ip)).arg(c"ip", Type::STRING).ret(Type::BOOL),
        m(c"loadHosts", crate::handler!(load_hosts)).arg(c"hosts", Type::STRING).ret(Type::BOOL),
        m(c"clearSearch", crate::handler!(clear_search)).ret(Type::VOID),
        m(c"addSearch", crate::handler!(add_search)).arg(c"domain", Type::STRING).ret(Type::VOID),
        m(c"setSearchNdots", crate::handler!(set_search_ndots)).arg(c"ndots", Type::INT).ret(Type::VOID),
        m(c"setOption", crate::handler!(set_option))
            .arg(c"option", Type::STRING)
            .arg(c"value", Type::STRING)
            .ret(Type::BOOL),
        m(c"countNameservers", crate::handler!(count_nameservers)).ret(Type::INT),
    ])
}

/// The resolver of `$this`; an Error where PECL would use a NULL evdns_base
/// (an object whose constructor threw, reached through reflection).
fn core<'a>(a: &Args) -> PhpResult<&'a Rc<DnsCore>> {
    this::<EventDnsBase>(a).core.as_ref().ok_or_else(|| error::error("EventDnsBase object is not initialized"))
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let base = a.object_of(0, ce_of::<EventBase>())?;
    let init = a.zval(1);
    let flags = match zv::type_of(init) {
        t if t == ffi::IS_TRUE => self::core::INITIALIZE_NAMESERVERS,
        t if t == ffi::IS_FALSE => 0,
        t if t == ffi::IS_LONG => {
            let f = zv::long(init).unwrap_or(0);
            if i32::try_from(f).is_err() {
                return Err(throw_event("The value of initialization flags is out of range"));
            }
            let known = self::core::INITIALIZE_NAMESERVERS
                | self::core::DISABLE_WHEN_INACTIVE
                | self::core::NAMESERVERS_NO_DEFAULT;
            if f & !known != 0 {
                return Err(throw_event("Invalid initialization flags"));
            }
            f
        }
        _ => {
            let msg = format!("must be of type int|bool, {} given", zv::type_name(init));
            return Err(error::argument_type_error(2, &msg));
        }
    };
    let sh = base_arg(base)?;
    this::<EventDnsBase>(a).core = Some(DnsCore::new(sh, flags));
    Ok(())
}

fn parse_resolv_conf(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let flags = a.long(0)?;
    let path = a.bytes(1)?;
    let c = core(a)?;
    if flags & !self::core::OPTIONS_ALL != 0 {
        warning("Invalid flags");
        zv::set_bool(rv, false);
        return Ok(());
    }
    let msg = match c.resolv_conf_parse(flags, path) {
        1 => Some("Failed to open file"),
        2 => Some("Failed to stat file"),
        3 => Some("File too large"),
        4 => Some("Out of memory"),
        5 => Some("Short read from file"),
        6 => Some("No nameservers listed in the file"),
        _ => None,
    };
    if let Some(m) = msg {
        warning(m);
    }
    // PECL returns true whatever evdns said (its warning tells).
    zv::set_bool(rv, true);
    Ok(())
}

fn add_nameserver_ip(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let ip = a.bytes(0)?;
    let ok = core(a)?.nameserver_ip_add(ip) == 0;
    zv::set_bool(rv, ok);
    Ok(())
}

fn load_hosts(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let path = a.bytes(0)?;
    let ok = core(a)?.load_hosts(path) == 0;
    zv::set_bool(rv, ok);
    Ok(())
}

fn clear_search(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    core(a)?.search_clear();
    Ok(())
}

fn add_search(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let d = a.bytes(0)?;
    core(a)?.search_add(d);
    Ok(())
}

fn set_search_ndots(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    core(a)?.set_ndots(n as i32);
    Ok(())
}

fn set_option(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let o = a.bytes(0)?;
    let v = a.bytes(1)?;
    let ok = core(a)?.set_option(o, v, self::core::OPTIONS_ALL);
    zv::set_bool(rv, ok);
    Ok(())
}

fn count_nameservers(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let n = core(a)?.count_nameservers();
    zv::set_long(rv, n as i64);
    Ok(())
}
