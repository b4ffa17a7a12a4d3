//! The resolver of an EventDnsBase on its event base: ipc-core's evdns state
//! machine, one UDP socket per nameserver (read by a `Kind::Internal`
//! persistent read event) and one internal timer for its deadlines.
//!
//! The API for the rest of the extension (EventBufferEvent::connectHost,
//! EventHttpConnection) is [`DnsCore::resolve`].

use super::super::base::{Internal, Shared};
use crate::php::error::{has_exception, notice, warning};
use ipc_core::dns_conf::{self, ReadError};
use ipc_core::dns_resolver::{self as r, Family, LookupResult, Out, Resolver, Start};
use ipc_core::evloop::{Begin, EvId, Kind, EV_PERSIST, EV_READ, EV_TIMEOUT};
use std::cell::RefCell;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::os::fd::AsRawFd;
use std::rc::Rc;

pub use ipc_core::dns_resolver::{gai_strerror, DnsError};

/// A lookup's callback: the addresses (IPv4 first, then IPv6; possibly
/// none, for a hosts entry of the other family only) or the error.
pub type Callback = Box<dyn FnOnce(LookupResult)>;

struct Sock {
    sock: UdpSocket,
    ev: EvId,
    reading: bool,
}

struct State {
    r: Resolver,
    socks: Vec<Sock>,
    timer: Option<EvId>,
    callbacks: HashMap<u64, Callback>,
    /// Finished lookups whose callbacks have not run yet: after one throws,
    /// the rest run on the next loop iteration (the timer fires at once).
    ready: std::collections::VecDeque<(Callback, LookupResult)>,
    /// The EventDnsBase object was freed (evdns_base_free): sockets closed,
    /// lookups failed, nothing sent any more.
    shut: bool,
    /// EVDNS_BASE_DISABLE_WHEN_INACTIVE: sockets are read only while a
    /// request is out, so an idle resolver does not keep the loop running.
    disable_when_inactive: bool,
}

/// One EventDnsBase's resolver. Shared (Rc) by the PHP object and by the
/// pending lookups of bufferevents, so a lookup outlives the object.
pub struct DnsCore {
    sh: Rc<RefCell<Shared>>,
    key: usize,
    st: RefCell<State>,
}

/// What [`DnsCore::resolve`] did.
pub enum Resolve {
    /// Answered at once (a numeric address, a hosts entry, or a name no
    /// query can carry): the callback was dropped without being called.
    Done(LookupResult),
    /// Asked on the network: the callback runs from the event loop (from
    /// EventBase::loop()), unless the handle is dropped first.
    Pending(LookupHandle),
}

/// A pending lookup; dropping it cancels the lookup (its callback is then
/// never called), as evdns_getaddrinfo_cancel does for a freed bufferevent.
pub struct LookupHandle {
    core: Rc<DnsCore>,
    id: u64,
}

impl Drop for LookupHandle {
    fn drop(&mut self) {
        self.core.cancel(self.id);
    }
}

pub(super) const OPTIONS_ALL: i64 = 15;
pub(super) const NAMESERVERS_NO_DEFAULT: i64 = 65536;
pub(super) const DISABLE_WHEN_INACTIVE: i64 = 32768;
pub(super) const INITIALIZE_NAMESERVERS: i64 = 1;

fn if_index(name: &[u8]) -> u32 {
    let Ok(s) = std::str::from_utf8(name) else { return 0 };
    nix::net::if_::if_nametoindex(s).unwrap_or(0)
}

fn seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(super::super::base::wall() as u64);
    h.finish()
}

/// The C string a PHP string is to evdns: up to its first NUL.
pub(super) fn c_str(b: &[u8]) -> &[u8] {
    &b[..b.iter().position(|&c| c == 0).unwrap_or(b.len())]
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl DnsCore {
    /// evdns_base_new(base, flags).
    pub(super) fn new(sh: Rc<RefCell<Shared>>, flags: i64) -> Rc<DnsCore> {
        let mut res = Resolver::new(seed());
        res.if_index = if_index;
        let core = Rc::new_cyclic(|w: &std::rc::Weak<DnsCore>| {
            let weak: std::rc::Weak<dyn Internal> = w.clone();
            let key = sh.borrow_mut().register_internal(weak);
            DnsCore {
                sh: sh.clone(),
                key,
                st: RefCell::new(State {
                    r: res,
                    socks: Vec::new(),
                    timer: None,
                    callbacks: HashMap::new(),
                    ready: std::collections::VecDeque::new(),
                    shut: false,
                    disable_when_inactive: flags & DISABLE_WHEN_INACTIVE != 0,
                }),
            }
        });
        if flags & INITIALIZE_NAMESERVERS != 0 {
            let mut opts = OPTIONS_ALL;
            if flags & NAMESERVERS_NO_DEFAULT != 0 {
                opts |= NAMESERVERS_NO_DEFAULT;
            }
            core.resolv_conf_parse(opts, b"/etc/resolv.conf");
        }
        core
    }

    fn now(&self) -> r::Ns {
        self.sh.borrow().gettime()
    }

    pub fn count_nameservers(&self) -> usize {
        self.st.borrow().r.server_count()
    }

    /// evdns_base_nameserver_ip_add: 0, or evdns's error (4 unparsable,
    /// 3 already there, 2 bind failed, 1 no socket).
    pub(super) fn nameserver_ip_add(&self, ip: &[u8]) -> i32 {
        let ip = c_str(ip);
        let Some(mut addr) = dns_conf::parse_sockaddr_port(ip, &if_index) else {
            warning(&format!("Unable to parse nameserver address {}", lossy(ip)));
            return 4;
        };
        if addr.port() == 0 {
            addr.set_port(53);
        }
        let mut st = self.st.borrow_mut();
        if st.r.has_server(&addr) {
            return 3;
        }
        let local: SocketAddr = match (st.r.bind_to, addr.ip().is_loopback()) {
            (Some(b), false) => b,
            _ => match addr {
                SocketAddr::V4(_) => SocketAddr::from(([0u8; 4], 0)),
                SocketAddr::V6(_) => SocketAddr::from(([0u16; 8], 0)),
            },
        };
        let sock = match UdpSocket::bind(local) {
            Ok(s) => s,
            Err(_) if st.r.bind_to.is_some() && !addr.ip().is_loopback() => {
                drop(st);
                warning("Couldn't bind to outgoing address");
                return 2;
            }
            Err(_) => return 1,
        };
        if sock.set_nonblocking(true).is_err() {
            return 1;
        }
        use nix::sys::socket::{setsockopt, sockopt};
        if let Some(n) = st.r.so_rcvbuf {
            let _ = setsockopt(&sock, sockopt::RcvBuf, &(n.max(0) as usize));
        }
        if let Some(n) = st.r.so_sndbuf {
            let _ = setsockopt(&sock, sockopt::SndBuf, &(n.max(0) as usize));
        }
        let fd = sock.as_raw_fd();
        st.r.push_server(addr);
        let ev = self.sh.borrow_mut().core.create(fd, EV_READ | EV_PERSIST, self.key, Kind::Internal);
        st.socks.push(Sock { sock, ev, reading: false });
        drop(st);
        self.sync_reading();
        0
    }

    /// evdns_base_load_hosts: -1 (after adding the localhost entries) when
    /// the file cannot be read.
    pub(super) fn load_hosts(&self, path: &[u8]) -> i32 {
        let path = c_str(path);
        let text = if path.is_empty() {
            Err(ReadError::Open)
        } else {
            dns_conf::read_file(std::path::Path::new(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(
                path,
            )))
        };
        let mut st = self.st.borrow_mut();
        match text {
            Ok(t) => {
                let entries = dns_conf::parse_hosts(&t, &if_index);
                st.r.add_hosts(entries);
                0
            }
            Err(_) => {
                st.r.add_default_hosts();
                -1
            }
        }
    }

    /// evdns_base_resolv_conf_parse: 0, or 1 (no file: defaults set),
    /// 2 (unreadable), 6 (no nameserver: 127.0.0.1 added).
    pub(super) fn resolv_conf_parse(&self, flags: i64, path: &[u8]) -> i32 {
        let add_default = flags & r::OPTION_NAMESERVERS != 0 && flags & NAMESERVERS_NO_DEFAULT == 0;
        if flags & r::OPTION_HOSTSFILE != 0 {
            self.load_hosts(b"/etc/hosts");
        }
        let path = c_str(path);
        let text = match dns_conf::read_file(std::path::Path::new(
            <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(path),
        )) {
            Ok(t) => t,
            Err(ReadError::Open) => {
                if flags & r::OPTION_SEARCH != 0 {
                    self.search_from_hostname();
                }
                if add_default {
                    self.nameserver_ip_add(b"127.0.0.1");
                }
                return 1;
            }
            Err(ReadError::Other) => return 2,
        };
        for line in dns_conf::parse_resolv_conf(&text) {
            match line {
                dns_conf::ConfLine::Nameserver(ns) => {
                    if flags & r::OPTION_NAMESERVERS != 0 {
                        self.nameserver_ip_add(&ns);
                    }
                }
                dns_conf::ConfLine::Domain(d) => {
                    if flags & r::OPTION_SEARCH != 0 {
                        let mut st = self.st.borrow_mut();
                        st.r.search_clear();
                        st.r.search_add(&d);
                    }
                }
                dns_conf::ConfLine::Search(list) => {
                    if flags & r::OPTION_SEARCH != 0 {
                        let mut st = self.st.borrow_mut();
                        st.r.search_clear();
                        for d in &list {
                            st.r.search_add(d);
                        }
                        st.r.search_reverse();
                    }
                }
                dns_conf::ConfLine::Options(list) => {
                    for (o, v) in list {
                        let _ = self.set_option(&o, &v, flags);
                    }
                }
            }
        }
        let mut err = 0;
        if self.count_nameservers() == 0 && add_default {
            self.nameserver_ip_add(b"127.0.0.1");
            err = 6;
        }
        let empty = self.st.borrow().r.search.as_ref().is_none_or(|s| s.domains.is_empty());
        if flags & r::OPTION_SEARCH != 0 && empty {
            self.search_from_hostname();
        }
        err
    }

    fn search_from_hostname(&self) {
        let host = nix::sys::utsname::uname().map(|u| u.nodename().as_encoded_bytes().to_vec()).unwrap_or_default();
        self.st.borrow_mut().r.search_from_hostname(&host);
    }

    pub(super) fn set_option(&self, option: &[u8], val: &[u8], flags: i64) -> bool {
        let ok = self.st.borrow_mut().r.set_option(c_str(option), c_str(val), flags).is_ok();
        self.flush();
        ok
    }

    pub(super) fn search_clear(&self) {
        self.st.borrow_mut().r.search_clear();
    }

    pub(super) fn search_add(&self, d: &[u8]) {
        self.st.borrow_mut().r.search_add(c_str(d));
    }

    pub(super) fn set_ndots(&self, n: i32) {
        self.st.borrow_mut().r.set_ndots(n);
    }

    /// Resolves `name` (a C string: up to its first NUL) as
    /// evdns_getaddrinfo does for bufferevent_socket_connect_hostname:
    /// `family` is getaddrinfo's hint (AF_INET 2, AF_INET6 10, anything else
    /// both). Failures carry libevent's getaddrinfo codes; their texts are
    /// [`DnsError::text`] (what getDnsErrorString reports).
    pub fn resolve(self: &Rc<Self>, name: &[u8], family: i64, cb: Callback) -> Resolve {
        let family = match family {
            2 => Family::V4,
            10 => Family::V6,
            _ => Family::Unspec,
        };
        let now = self.now();
        let start = self.st.borrow_mut().r.lookup(name, family, now);
        match start {
            Start::Done(res) => Resolve::Done(res),
            Start::Pending(id) => {
                self.st.borrow_mut().callbacks.insert(id, cb);
                self.flush();
                Resolve::Pending(LookupHandle { core: self.clone(), id })
            }
        }
    }

    /// evdns_base_free(base, 1), when the EventDnsBase object goes: pending
    /// lookups fail with DNS_ERR_SHUTDOWN (their callbacks run from the
    /// loop, as evdns defers them), the sockets close.
    pub(super) fn shutdown(&self) {
        let socks = {
            let Ok(mut st) = self.st.try_borrow_mut() else { return };
            let now = self.sh.try_borrow().map(|s| s.gettime()).unwrap_or(0);
            st.shut = true;
            st.r.shutdown(now);
            std::mem::take(&mut st.socks)
        };
        if let Ok(mut s) = self.sh.try_borrow_mut() {
            for k in &socks {
                s.core.remove(k.ev);
            }
            let _ = s.sync();
        }
        drop(socks);
        if self.sh.try_borrow_mut().is_ok() {
            self.flush();
        }
    }

    fn cancel(&self, id: u64) {
        let cb = {
            let Ok(mut st) = self.st.try_borrow_mut() else { return };
            let cb = st.callbacks.remove(&id);
            if cb.is_some() {
                let now = self.sh.try_borrow().map(|s| s.gettime()).unwrap_or(0);
                st.r.cancel(id, now);
            }
            cb
        };
        drop(cb);
        if self.sh.try_borrow_mut().is_ok() {
            self.flush();
        }
    }

    /// Carries out the resolver's output: datagrams, log lines (as PHP
    /// notices and warnings), the read events and the timer. Finished
    /// lookups' callbacks go to `ready`, to be run from the loop with no
    /// borrow held.
    fn flush(&self) {
        let mut st = self.st.borrow_mut();
        let now = self.now();
        let mut logs = Vec::new();
        loop {
            let out = st.r.take_out();
            if out.is_empty() {
                break;
            }
            for o in out {
                match o {
                    Out::Send { .. } if st.shut => {}
                    Out::Send { server, packet } => {
                        let to = st.r.server_addr(server);
                        if let Err(e) = st.socks[server].sock.send_to(&packet, to) {
                            if e.kind() != std::io::ErrorKind::WouldBlock {
                                let why = crate::php::error::strerror(e.raw_os_error().unwrap_or(0));
                                st.r.send_failed(server, &why, now);
                            }
                        }
                    }
                    Out::Log { warn, msg } => logs.push((warn, msg)),
                }
            }
        }
        let done = st.r.take_done();
        for (id, res) in done {
            if let Some(cb) = st.callbacks.remove(&id) {
                st.ready.push_back((cb, res));
            }
        }
        let deadline = if st.shut { None } else { st.r.next_deadline() };
        let ready = !st.ready.is_empty();
        let timer = match st.timer {
            Some(t) => t,
            None => {
                let t = self.sh.borrow_mut().core.create(-1, 0, self.key, Kind::Internal);
                st.timer = Some(t);
                t
            }
        };
        {
            let mut s = self.sh.borrow_mut();
            match deadline {
                Some(d) => {
                    let now = s.gettime();
                    s.core.add(timer, Some((d - now).max(0)), now);
                }
                None => {
                    s.core.del(timer);
                }
            }
            // Finished lookups run at once, as evdns's deferred callbacks run
            // first in the next loop iteration (after the timeout change:
            // re-adding a timer cancels its activation).
            if ready {
                s.core.activate(timer, EV_TIMEOUT, 1);
            }
        }
        drop(st);
        self.sync_reading();
        for (warn, msg) in logs {
            if warn {
                warning(&msg);
            } else {
                notice(&msg);
            }
        }
    }

    /// Read events: always on, or only while requests are out.
    fn sync_reading(&self) {
        let mut st = self.st.borrow_mut();
        let want = !st.disable_when_inactive || st.r.active();
        let mut s = self.sh.borrow_mut();
        let now = s.gettime();
        for k in st.socks.iter_mut() {
            if k.reading != want {
                if want {
                    s.core.add(k.ev, None, now);
                } else {
                    s.core.del(k.ev);
                }
                k.reading = want;
            }
        }
        let _ = s.sync();
    }

    fn on_readable(&self, server: usize) {
        let mut buf = [0u8; 1500];
        loop {
            let mut st = self.st.borrow_mut();
            let got = st.socks[server].sock.recv_from(&mut buf);
            let now = self.now();
            match got {
                Ok((n, from)) => {
                    if !st.r.on_packet(server, from, &buf[..n], now) {
                        return;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(e) => {
                    let why = crate::php::error::strerror(e.raw_os_error().unwrap_or(0));
                    st.r.read_failed(server, &why, now);
                    return;
                }
            }
        }
    }

    /// The addresses of a finished lookup, for callers that print them.
    pub fn format(ips: &[IpAddr]) -> String {
        ips.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
    }
}

impl Internal for DnsCore {
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, b: &Begin) -> bool {
        let server = {
            let st = self.st.borrow();
            if Some(b.id) == st.timer {
                None
            } else {
                st.socks.iter().position(|k| k.ev == b.id)
            }
        };
        match server {
            Some(i) => self.on_readable(i),
            None => {
                let now = self.now();
                let mut st = self.st.borrow_mut();
                if !st.shut {
                    st.r.on_time(now);
                }
            }
        }
        self.flush();
        loop {
            let next = self.st.borrow_mut().ready.pop_front();
            let Some((cb, res)) = next else {
                // Re-arms the timer for the resolver's own next deadline.
                self.flush();
                return false;
            };
            cb(res);
            if has_exception() {
                // The others wait for the next iteration.
                self.flush();
                return true;
            }
        }
    }
}

impl Drop for DnsCore {
    fn drop(&mut self) {
        let st = self.st.get_mut();
        if let Ok(mut s) = self.sh.try_borrow_mut() {
            for k in &st.socks {
                s.core.remove(k.ev);
            }
            if let Some(t) = st.timer {
                s.core.remove(t);
            }
            s.unregister_internal(self.key);
            let _ = s.sync();
        }
    }
}
