//! evdns's resolver as a state machine without I/O: the caller owns the UDP
//! sockets (one per nameserver) and the clock, feeds received datagrams and
//! the time in, and carries out what comes out (datagrams to send, log lines,
//! finished lookups). Lookups are evdns_getaddrinfo's: numeric names and
//! hosts entries answer at once; otherwise an A and/or AAAA request, each
//! walking the search list, with evdns's retransmits, nameserver failure and
//! probing, max-inflight queue and getaddrinfo-allow-skew.

use crate::dns_conf::{self, format_sockaddr};
use crate::dns_wire::{self, Parsed, TYPE_A, TYPE_AAAA};
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, SocketAddr};

pub type Ns = i64;
const SEC: Ns = 1_000_000_000;

pub use crate::dns_error::{err, evdns_err_to_string, gai_strerror, DnsError};

pub type LookupResult = Result<Vec<IpAddr>, DnsError>;

/// The address family a lookup asks for (getaddrinfo's ai_family hint).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Unspec,
    V4,
    V6,
}

/// What the caller must do, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Out {
    /// Send `packet` to nameserver `server` (an index of `servers()`).
    Send { server: usize, packet: Vec<u8> },
    /// A libevent log line: `warn` (EVDNS_LOG_WARN) or a message (EVDNS_LOG_MSG).
    Log { warn: bool, msg: String },
}

/// The search list (search_state): domains in the order they are tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub domains: Vec<Vec<u8>>,
    pub ndots: i32,
}

impl Default for Search {
    fn default() -> Self {
        Search { domains: Vec::new(), ndots: 1 }
    }
}

struct Server {
    addr: SocketAddr,
    good: bool,
    timedout: i32,
    failed_times: u32,
    probe_at: Option<(Ns, u64)>,
    probe_req: Option<u64>,
    /// The next server in evdns's circular list.
    next: usize,
}

#[derive(Clone, Copy)]
enum Owner {
    Lookup { lookup: u64, slot: usize },
    Probe(usize),
}

struct Request {
    /// The (case-randomised) name asked for.
    name: Vec<u8>,
    qtype: u16,
    id: Option<u16>,
    packet: Vec<u8>,
    server: Option<usize>,
    tx_count: i32,
    reissue_count: i32,
    deadline: Option<(Ns, u64)>,
    owner: Owner,
}

struct Sub {
    req: Option<u64>,
    origname: Vec<u8>,
    search: Option<Search>,
    index: isize,
}

struct Lookup {
    subs: [Option<Sub>; 2],
    pending_result: Option<Vec<IpAddr>>,
    pending_error: i32,
    skew: Option<(Ns, u64)>,
}

/// A lookup that was answered at once, or the id of a pending one.
#[derive(Debug, PartialEq, Eq)]
pub enum Start {
    Done(LookupResult),
    Pending(u64),
}

/// An option value evdns refuses (setOption returns false).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadValue;

/// Which option setOption changed that the caller must apply itself.
#[derive(Debug, PartialEq, Eq)]
pub enum OptionEffect {
    None,
    /// max-inflight grew: requests may leave the waiting queue (sends queued).
    Pumped,
}

pub const OPTION_SEARCH: i64 = 1;
pub const OPTION_NAMESERVERS: i64 = 2;
pub const OPTION_MISC: i64 = 4;
pub const OPTION_HOSTSFILE: i64 = 8;

pub struct Resolver {
    pub timeout: Ns,
    pub attempts: i32,
    pub max_timeouts: i32,
    pub max_inflight: i32,
    pub max_reissues: i32,
    pub randomize_case: bool,
    pub allow_skew: Ns,
    pub probe_timeout: Ns,
    pub bind_to: Option<SocketAddr>,
    pub so_rcvbuf: Option<i32>,
    pub so_sndbuf: Option<i32>,
    pub search: Option<Search>,
    /// Maps an interface name to its index (if_nametoindex; 0: unknown).
    pub if_index: fn(&[u8]) -> u32,
    servers: Vec<Server>,
    head: Option<usize>,
    good: usize,
    hosts: Vec<(Vec<u8>, SocketAddr)>,
    reqs: HashMap<u64, Request>,
    by_id: HashMap<u16, u64>,
    waiting: VecDeque<u64>,
    inflight: usize,
    lookups: HashMap<u64, Lookup>,
    seq: u64,
    rng: u64,
    out: Vec<Out>,
    done: Vec<(u64, LookupResult)>,
}

fn no_if(_: &[u8]) -> u32 {
    0
}

fn dots(n: &[u8]) -> i32 {
    n.iter().filter(|&&c| c == b'.').count() as i32
}

impl Resolver {
    /// An empty resolver (evdns_base_new without initialisation); `seed`
    /// seeds transaction ids and case randomisation.
    pub fn new(seed: u64) -> Resolver {
        Resolver {
            timeout: 5 * SEC,
            attempts: 3,
            max_timeouts: 3,
            max_inflight: 64,
            max_reissues: 1,
            randomize_case: true,
            allow_skew: 3 * SEC,
            probe_timeout: 10 * SEC,
            bind_to: None,
            so_rcvbuf: None,
            so_sndbuf: None,
            search: None,
            if_index: no_if,
            servers: Vec::new(),
            head: None,
            good: 0,
            hosts: Vec::new(),
            reqs: HashMap::new(),
            by_id: HashMap::new(),
            waiting: VecDeque::new(),
            inflight: 0,
            lookups: HashMap::new(),
            seq: 0,
            rng: seed | 1,
            out: Vec::new(),
            done: Vec::new(),
        }
    }

    fn rand(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    // ------------------------------------------------------------ config

    pub fn server_count(&self) -> usize {
        self.servers.len()
    }

    pub fn server_addr(&self, i: usize) -> SocketAddr {
        self.servers[i].addr
    }

    /// A nameserver with this address and port exists (evutil_sockaddr_cmp
    /// with the port; an IPv6 scope does not count).
    pub fn has_server(&self, a: &SocketAddr) -> bool {
        self.servers.iter().any(|s| s.addr.ip() == a.ip() && s.addr.port() == a.port())
    }

    /// Adds a nameserver (its socket is the caller's); returns its index.
    /// It goes right after the current head of evdns's circular list.
    pub fn push_server(&mut self, addr: SocketAddr) -> usize {
        let i = self.servers.len();
        let next = match self.head {
            None => {
                self.head = Some(i);
                i
            }
            Some(h) => {
                let n = self.servers[h].next;
                self.servers[h].next = i;
                n
            }
        };
        self.servers.push(Server {
            addr,
            good: true,
            timedout: 0,
            failed_times: 0,
            probe_at: None,
            probe_req: None,
            next,
        });
        self.good += 1;
        i
    }

    /// search_postfix_clear: an empty list with ndots 1.
    pub fn search_clear(&mut self) {
        self.search = Some(Search::default());
    }

    /// search_postfix_add: leading dots dropped; the domain goes first.
    pub fn search_add(&mut self, domain: &[u8]) {
        let mut d = domain;
        while d.len() > 1 && d[0] == b'.' {
            d = &d[1..];
        }
        self.search.get_or_insert_with(Search::default).domains.insert(0, d.to_vec());
    }

    pub fn search_reverse(&mut self) {
        if let Some(s) = &mut self.search {
            s.domains.reverse();
        }
    }

    pub fn set_ndots(&mut self, n: i32) {
        self.search.get_or_insert_with(Search::default).ndots = n;
    }

    /// search_set_from_hostname: the list becomes the host name's domain.
    pub fn search_from_hostname(&mut self, hostname: &[u8]) {
        self.search_clear();
        if let Some(p) = hostname.iter().position(|&c| c == b'.') {
            self.search_add(&hostname[p + 1..]);
        }
    }

    /// Appends hosts-file entries (evdns keeps every one, in order).
    pub fn add_hosts(&mut self, entries: Vec<(Vec<u8>, SocketAddr)>) {
        self.hosts.extend(entries);
    }

    /// The entries evdns adds when a hosts file cannot be read.
    pub fn add_default_hosts(&mut self) {
        let lo = |ip: IpAddr| (b"localhost".to_vec(), SocketAddr::new(ip, 0));
        self.hosts.push(lo(IpAddr::from([127, 0, 0, 1])));
        self.hosts.push(lo(IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1])));
    }

    /// evdns_base_set_option_impl: Err(()) for a value evdns refuses; an
    /// option it does not know, or one `flags` leaves out, changes nothing.
    pub fn set_option(&mut self, option: &[u8], val: &[u8], flags: i64) -> Result<OptionEffect, BadValue> {
        let m = |name: &str| dns_conf::option_matches(option, name);
        let misc = flags & OPTION_MISC != 0;
        if m("ndots:") {
            let n = dns_conf::strtoint(val);
            if n == -1 {
                return Err(BadValue);
            }
            if flags & OPTION_SEARCH != 0 {
                self.set_ndots(n);
            }
        } else if m("timeout:") {
            let t = dns_conf::strtotimeval(val).ok_or(BadValue)?;
            if misc {
                self.timeout = t;
            }
        } else if m("getaddrinfo-allow-skew:") {
            let t = dns_conf::strtotimeval(val).ok_or(BadValue)?;
            if misc {
                self.allow_skew = t;
            }
        } else if m("max-timeouts:") {
            let n = dns_conf::strtoint_clipped(val, 1, 255);
            if n == -1 {
                return Err(BadValue);
            }
            if misc {
                self.max_timeouts = n;
            }
        } else if m("max-inflight:") {
            let n = dns_conf::strtoint_clipped(val, 1, 65000);
            if n == -1 {
                return Err(BadValue);
            }
            if misc {
                self.max_inflight = n;
                let before = self.out.len();
                self.pump(0);
                if self.out.len() != before {
                    return Ok(OptionEffect::Pumped);
                }
            }
        } else if m("attempts:") {
            let n = dns_conf::strtoint(val);
            if n == -1 {
                return Err(BadValue);
            }
            if misc {
                self.attempts = n.min(255);
            }
        } else if m("randomize-case:") {
            let n = dns_conf::strtoint(val);
            if n == -1 {
                return Err(BadValue);
            }
            if misc {
                self.randomize_case = n != 0;
            }
        } else if m("bind-to:") {
            if flags & OPTION_NAMESERVERS == 0 {
                return Ok(OptionEffect::None);
            }
            self.bind_to = Some(dns_conf::parse_sockaddr_port(val, &self.if_index).ok_or(BadValue)?);
        } else if m("initial-probe-timeout:") {
            let mut t = dns_conf::strtotimeval(val).ok_or(BadValue)?;
            if t / SEC > 3600 {
                t = 3600 * SEC + t % SEC;
            }
            if misc {
                self.probe_timeout = t;
            }
        } else if m("so-rcvbuf:") || m("so-sndbuf:") {
            let n = dns_conf::strtoint(val);
            if n == -1 {
                return Err(BadValue);
            }
            if misc {
                if m("so-rcvbuf:") {
                    self.so_rcvbuf = Some(n);
                } else {
                    self.so_sndbuf = Some(n);
                }
            }
        }
        Ok(OptionEffect::None)
    }

    // ------------------------------------------------------------ lookups

    /// evdns_getaddrinfo for `name` (a C string: up to its first NUL).
    pub fn lookup(&mut self, name: &[u8], family: Family, now: Ns) -> Start {
        let name = &name[..name.iter().position(|&c| c == 0).unwrap_or(name.len())];
        if family != Family::V4 {
            if let Some((ip, _)) = dns_conf::parse_v6_scope(name, &self.if_index) {
                return Start::Done(Ok(vec![IpAddr::V6(ip)]));
            }
        }
        if family != Family::V6 {
            if let Some(ip) = dns_conf::parse_v4(name) {
                return Start::Done(Ok(vec![IpAddr::V4(ip)]));
            }
        }
        let found: Vec<&SocketAddr> =
            self.hosts.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, a)| a).collect();
        if !found.is_empty() {
            let ok = found
                .into_iter()
                .filter(|a| match family {
                    Family::Unspec => true,
                    Family::V4 => a.is_ipv4(),
                    Family::V6 => a.is_ipv6(),
                })
                .map(|a| a.ip())
                .collect();
            return Start::Done(Ok(ok));
        }
        let id = self.next_seq();
        self.lookups.insert(id, Lookup { subs: [None, None], pending_result: None, pending_error: 0, skew: None });
        let mut started = false;
        for (slot, qtype, wanted) in [(0, TYPE_A, family != Family::V6), (1, TYPE_AAAA, family != Family::V4)] {
            if wanted {
                started |= self.start_sub(id, slot, name, qtype, now);
            }
        }
        if !started {
            self.lookups.remove(&id);
            return Start::Done(Err(DnsError::FAIL));
        }
        Start::Pending(id)
    }

    /// evdns_getaddrinfo_cancel by the caller: its callback is never called.
    pub fn cancel(&mut self, id: u64, now: Ns) {
        if let Some(l) = self.lookups.remove(&id) {
            for s in l.subs.into_iter().flatten() {
                if let Some(r) = s.req {
                    self.finish_request(r, now);
                }
            }
        }
    }

    /// Ends every lookup with evdns_base_free's DNS_ERR_SHUTDOWN.
    pub fn shutdown(&mut self, now: Ns) {
        let ids: Vec<u64> = self.lookups.keys().copied().collect();
        for id in ids {
            self.cancel(id, now);
            self.done.push((id, Err(DnsError::from_evdns(err::SHUTDOWN))));
        }
    }

    fn start_sub(&mut self, lookup: u64, slot: usize, name: &[u8], qtype: u16, now: Ns) -> bool {
        let owner = Owner::Lookup { lookup, slot };
        let search = self.search.clone().filter(|s| !s.domains.is_empty());
        let (req, index) = match &search {
            Some(s) if dots(name) < s.ndots => match search_name(s, 0, name) {
                Some(n) => (self.request_new(&n, qtype, owner), 0),
                None => (None, 0),
            },
            _ => (self.request_new(name, qtype, owner), -1),
        };
        let Some(req) = req else { return false };
        if let Some(l) = self.lookups.get_mut(&lookup) {
            l.subs[slot] = Some(Sub { req: Some(req), origname: name.to_vec(), search, index });
        }
        self.submit(req, now);
        true
    }

    fn request_new(&mut self, name: &[u8], qtype: u16, owner: Owner) -> Option<u64> {
        dns_wire::build_query(0, name, qtype).ok()?;
        let mut name = name.to_vec();
        if self.randomize_case {
            for c in name.iter_mut() {
                if c.is_ascii_alphabetic() && self.rand() & 0x100 != 0 {
                    *c ^= 0x20;
                }
            }
        }
        let seq = self.next_seq();
        self.reqs.insert(
            seq,
            Request {
                name,
                qtype,
                id: None,
                packet: Vec::new(),
                server: None,
                tx_count: 0,
                reissue_count: 0,
                deadline: None,
                owner,
            },
        );
        Some(seq)
    }

    fn pick_id(&mut self) -> u16 {
        loop {
            let id = (self.rand() >> 20) as u16;
            if id != 0xffff && !self.by_id.contains_key(&id) {
                return id;
            }
        }
    }

    /// nameserver_pick: the next good server of the circular list.
    fn pick(&mut self) -> Option<usize> {
        let start = self.head?;
        if self.good == 0 {
            let n = self.servers[start].next;
            self.head = Some(n);
            return Some(n);
        }
        let mut h = start;
        loop {
            if self.servers[h].good {
                self.head = Some(self.servers[h].next);
                return Some(h);
            }
            h = self.servers[h].next;
            self.head = Some(h);
            if h == start {
                self.head = Some(self.servers[h].next);
                return Some(h);
            }
        }
    }

    /// request_submit: straight in flight when a server is free, else queued.
    fn submit(&mut self, r: u64, now: Ns) {
        let server = if (self.inflight as i64) < self.max_inflight as i64 { self.pick() } else { None };
        match server {
            Some(s) => self.issue(r, s, now),
            None => self.waiting.push_back(r),
        }
    }

    fn issue(&mut self, r: u64, server: usize, now: Ns) {
        let id = self.pick_id();
        self.by_id.insert(id, r);
        self.inflight += 1;
        if let Some(q) = self.reqs.get_mut(&r) {
            q.id = Some(id);
            q.server = Some(server);
            q.packet = dns_wire::build_query(id, &q.name, q.qtype).unwrap_or_default();
        }
        self.transmit(r, now);
    }

    fn pump(&mut self, now: Ns) {
        while (self.inflight as i64) < self.max_inflight as i64 && !self.waiting.is_empty() {
            let Some(s) = self.pick() else { return };
            let Some(r) = self.waiting.pop_front() else { return };
            self.issue(r, s, now);
        }
    }

    fn transmit(&mut self, r: u64, now: Ns) {
        let seq = self.next_seq();
        let timeout = self.timeout.max(0);
        let Some(q) = self.reqs.get_mut(&r) else { return };
        let Some(server) = q.server else { return };
        self.out.push(Out::Send { server, packet: q.packet.clone() });
        q.deadline = Some((now.saturating_add(timeout), seq));
        q.tx_count += 1;
    }

    /// The caller could not send to `server` (not EAGAIN): evdns marks it failed.
    pub fn send_failed(&mut self, server: usize, why: &str, now: Ns) {
        self.nameserver_failed(server, why, now);
    }

    /// request_finished: out of flight (or out of the queue), then the queue pumps.
    fn finish_request(&mut self, r: u64, now: Ns) {
        let Some(q) = self.reqs.remove(&r) else { return };
        if let Some(id) = q.id {
            self.by_id.remove(&id);
            self.inflight -= 1;
        } else {
            self.waiting.retain(|&w| w != r);
        }
        if let Owner::Probe(s) = q.owner {
            if self.servers[s].probe_req == Some(r) {
                self.servers[s].probe_req = None;
            }
        }
        self.pump(now);
    }

    // ------------------------------------------------------------ servers

    fn nameserver_failed(&mut self, s: usize, msg: &str, now: Ns) {
        if !self.servers[s].good {
            return;
        }
        let addr = format_sockaddr(&self.servers[s].addr);
        self.out.push(Out::Log { warn: false, msg: format!("Nameserver {addr} has failed: {msg}") });
        self.good -= 1;
        if self.good == 0 {
            self.out.push(Out::Log { warn: false, msg: "All nameservers have failed".into() });
        }
        let seq = self.next_seq();
        let sv = &mut self.servers[s];
        sv.good = false;
        sv.failed_times = 1;
        sv.probe_at = Some((now.saturating_add(self.probe_timeout), seq));
        if self.good == 0 {
            return;
        }
        let moving: Vec<u64> = self
            .reqs
            .iter()
            .filter(|(_, q)| q.id.is_some() && q.tx_count == 0 && q.server == Some(s))
            .map(|(&k, _)| k)
            .collect();
        for r in moving {
            let n = self.pick();
            if let Some(q) = self.reqs.get_mut(&r) {
                q.server = n;
            }
        }
    }

    fn nameserver_up(&mut self, s: usize, now: Ns) {
        if self.servers[s].good {
            return;
        }
        let addr = format_sockaddr(&self.servers[s].addr);
        self.out.push(Out::Log { warn: false, msg: format!("Nameserver {addr} is back up") });
        let sv = &mut self.servers[s];
        sv.probe_at = None;
        let probe = sv.probe_req.take();
        sv.good = true;
        sv.failed_times = 0;
        sv.timedout = 0;
        self.good += 1;
        if let Some(p) = probe {
            self.finish_request(p, now);
        }
    }

    fn probe_failed(&mut self, s: usize, now: Ns) {
        self.servers[s].probe_at = None;
        if self.servers[s].good {
            return;
        }
        let mut t = self.probe_timeout;
        let mut i = self.servers[s].failed_times;
        while i > 0 && t / SEC < 3600 {
            t *= 3;
            i -= 1;
        }
        if t / SEC > 3600 {
            t = 3600 * SEC;
        }
        let seq = self.next_seq();
        let sv = &mut self.servers[s];
        sv.failed_times += 1;
        sv.probe_at = Some((now.saturating_add(t), seq));
    }

    fn send_probe(&mut self, s: usize, now: Ns) {
        self.servers[s].probe_at = None;
        let Some(r) = self.request_new(b"google.com", TYPE_A, Owner::Probe(s)) else { return };
        self.servers[s].probe_req = Some(r);
        self.issue(r, s, now);
    }

    // ------------------------------------------------------------ input

    /// A datagram received on nameserver `server`'s socket from `from`.
    /// Returns false when evdns would stop reading this socket for now (a
    /// packet from another address: the rest waits for the next round).
    pub fn on_packet(&mut self, server: usize, from: SocketAddr, data: &[u8], now: Ns) -> bool {
        let data = &data[..data.len().min(dns_wire::MAX_PACKET)];
        if from.ip() != self.servers[server].addr.ip() {
            let msg =
                format!("Address mismatch on received DNS packet.  Apparent source was {}", format_sockaddr(&from));
            self.out.push(Out::Log { warn: true, msg });
            return false;
        }
        self.servers[server].timedout = 0;
        let Some(h) = dns_wire::header(data) else { return true };
        let Some(&r) = self.by_id.get(&h.id) else { return true };
        let (query, qtype) = match self.reqs.get(&r) {
            Some(q) => (q.packet.clone(), q.qtype),
            None => return true,
        };
        match dns_wire::parse_reply(data, &query, qtype, self.randomize_case) {
            Parsed::Ignore => {}
            Parsed::Bad => self.reply_handle(r, h.flags, None, now),
            Parsed::Reply(a) => self.reply_handle(r, h.flags, Some(a), now),
        }
        true
    }

    /// A read error other than EAGAIN on a nameserver's socket.
    pub fn read_failed(&mut self, server: usize, why: &str, now: Ns) {
        self.nameserver_failed(server, why, now);
    }

    fn reply_handle(&mut self, r: u64, flags: u16, reply: Option<dns_wire::Answer>, now: Ns) {
        let Some(server) = self.reqs.get(&r).and_then(|q| q.server) else { return };
        let have = reply.as_ref().is_some_and(|a| a.have_answer);
        if flags & (dns_wire::RCODE_MASK | dns_wire::FLAG_TC) != 0 || !have {
            let error = if flags & dns_wire::FLAG_TC != 0 {
                err::TRUNCATED
            } else if flags & dns_wire::RCODE_MASK != 0 {
                match (flags & dns_wire::RCODE_MASK) - 1 {
                    0 => err::FORMAT,
                    1 => err::SERVERFAILED,
                    2 => err::NOTEXIST,
                    3 => err::NOTIMPL,
                    4 => err::REFUSED,
                    _ => err::UNKNOWN,
                }
            } else if reply.is_some() {
                err::NODATA
            } else {
                err::UNKNOWN
            };
            match error {
                err::NOTIMPL | err::REFUSED => {
                    let reissues = self.reqs.get(&r).map_or(0, |q| q.reissue_count);
                    if reissues < self.max_reissues {
                        let msg = format!("Bad response {error} ({})", evdns_err_to_string(error));
                        self.nameserver_failed(server, &msg, now);
                        if self.reissue(r) {
                            return;
                        }
                    }
                }
                err::SERVERFAILED => {
                    // evdns lets such a request time out at once.
                    self.request_timeout(r, now);
                    return;
                }
                _ => self.nameserver_up(server, now),
            }
            if self.search_try_next(r, now) {
                return;
            }
            self.deliver(r, Err(error), now);
            self.finish_request(r, now);
        } else {
            let a = reply.unwrap_or_default();
            let mut ips: Vec<IpAddr> = a.v4.into_iter().map(IpAddr::V4).collect();
            ips.extend(a.v6.into_iter().map(IpAddr::V6));
            self.deliver(r, Ok(ips), now);
            self.nameserver_up(server, now);
            self.finish_request(r, now);
        }
    }

    /// request_reissue: to another server, with a fresh attempt count. As in
    /// evdns it is not sent now: the request's pending timeout sends it
    /// (PECL shows the reissued query leaving when the first one times out).
    fn reissue(&mut self, r: u64) -> bool {
        let last = self.reqs.get(&r).and_then(|q| q.server);
        let n = self.pick();
        if let Some(q) = self.reqs.get_mut(&r) {
            q.server = n;
            if n == last {
                return false;
            }
            q.reissue_count += 1;
            q.tx_count = 0;
        }
        true
    }

    /// evdns_request_timeout_callback.
    fn request_timeout(&mut self, r: u64, now: Ns) {
        let Some(q) = self.reqs.get_mut(&r) else { return };
        q.deadline = None;
        let (tx, server) = (q.tx_count, q.server);
        if tx >= self.attempts {
            self.deliver(r, Err(err::TIMEOUT), now);
            self.finish_request(r, now);
            if let Some(s) = server {
                self.nameserver_failed(s, "request timed out.", now);
            }
        } else {
            let n = self.pick();
            if let Some(q) = self.reqs.get_mut(&r) {
                q.server = n;
            }
            self.transmit(r, now);
            if let Some(s) = n {
                self.servers[s].timedout += 1;
                if self.servers[s].timedout > self.max_timeouts {
                    self.servers[s].timedout = 0;
                    self.nameserver_failed(s, "request timed out.", now);
                }
            }
        }
    }

    /// search_try_next: true when a new request replaced `r`.
    fn search_try_next(&mut self, r: u64, now: Ns) -> bool {
        let Some(Owner::Lookup { lookup, slot }) = self.reqs.get(&r).map(|q| q.owner) else { return false };
        let qtype = self.reqs.get(&r).map_or(TYPE_A, |q| q.qtype);
        let Some(sub) = self.lookups.get_mut(&lookup).and_then(|l| l.subs[slot].as_mut()) else { return false };
        let Some(search) = sub.search.clone() else { return false };
        sub.index += 1;
        let orig = sub.origname.clone();
        let name = if sub.index as usize >= search.domains.len() {
            if dots(&orig) >= search.ndots {
                return false;
            }
            sub.search = None;
            orig
        } else {
            match search_name(&search, sub.index as usize, &orig) {
                Some(n) => n,
                None => return false,
            }
        };
        let Some(nr) = self.request_new(&name, qtype, Owner::Lookup { lookup, slot }) else { return false };
        self.finish_request(r, now);
        if let Some(sub) = self.lookups.get_mut(&lookup).and_then(|l| l.subs[slot].as_mut()) {
            sub.req = Some(nr);
        }
        self.submit(nr, now);
        true
    }

    /// reply_schedule_callback → the owner (a lookup's sub, or a probe).
    fn deliver(&mut self, r: u64, res: Result<Vec<IpAddr>, u8>, now: Ns) {
        let Some(owner) = self.reqs.get(&r).map(|q| q.owner) else { return };
        match owner {
            Owner::Probe(s) => {
                self.servers[s].probe_req = None;
                match res {
                    Ok(_) | Err(err::NOTEXIST) => self.nameserver_up(s, now),
                    Err(_) => self.probe_failed(s, now),
                }
            }
            Owner::Lookup { lookup, slot } => self.sub_done(lookup, slot, res, now),
        }
    }

    /// evdns_getaddrinfo_gotresolve.
    fn sub_done(&mut self, id: u64, slot: usize, res: Result<Vec<IpAddr>, u8>, now: Ns) {
        let seq = self.next_seq();
        let skew = self.allow_skew;
        let Some(l) = self.lookups.get_mut(&id) else { return };
        if let Some(s) = l.subs[slot].as_mut() {
            s.req = None;
        }
        let other_active = l.subs[1 - slot].as_ref().is_some_and(|s| s.req.is_some());
        let e = match &res {
            Ok(v) if v.is_empty() => DnsError::NODATA.0,
            Ok(_) => 0,
            Err(x) => DnsError::from_evdns(*x).0,
        };
        if e != 0 {
            if other_active {
                l.skew = Some((now.saturating_add(skew), seq));
                l.pending_error = e;
                return;
            }
            // getaddrinfo_merge_err keeps this request's own error.
            let result = match l.pending_result.take() {
                Some(p) => Ok(p),
                None => Err(DnsError(e)),
            };
            self.lookups.remove(&id);
            self.done.push((id, result));
            return;
        }
        let ips = res.unwrap_or_default();
        if other_active {
            l.skew = Some((now.saturating_add(skew), seq));
            l.pending_result = Some(ips);
            return;
        }
        let all = match l.pending_result.take() {
            Some(p) if slot == 0 => ips.into_iter().chain(p).collect(),
            Some(p) => p.into_iter().chain(ips).collect(),
            None => ips,
        };
        self.lookups.remove(&id);
        self.done.push((id, Ok(all)));
    }

    /// evdns_getaddrinfo_timeout_cb: the other request took too long.
    fn skew_timeout(&mut self, id: u64, now: Ns) {
        let Some(l) = self.lookups.remove(&id) else { return };
        let result = match l.pending_result {
            Some(p) => Ok(p),
            None => Err(DnsError(if l.pending_error != 0 { l.pending_error } else { DnsError::AGAIN.0 })),
        };
        for s in l.subs.into_iter().flatten() {
            if let Some(r) = s.req {
                self.finish_request(r, now);
            }
        }
        self.done.push((id, result));
    }

    // ------------------------------------------------------------ time

    /// The earliest pending deadline (requests, probes, skew timers).
    pub fn next_deadline(&self) -> Option<Ns> {
        self.next_due().map(|(d, _)| d.0)
    }

    fn next_due(&self) -> Option<((Ns, u64), Due)> {
        let reqs = self.reqs.iter().filter_map(|(&k, q)| q.deadline.map(|d| (d, Due::Request(k))));
        let probes = self.servers.iter().enumerate().filter_map(|(i, s)| s.probe_at.map(|d| (d, Due::Probe(i))));
        let skews = self.lookups.iter().filter_map(|(&k, l)| l.skew.map(|d| (d, Due::Skew(k))));
        reqs.chain(probes).chain(skews).min_by_key(|(d, _)| *d)
    }

    /// Runs everything due at `now`.
    pub fn on_time(&mut self, now: Ns) {
        while let Some(((d, _), due)) = self.next_due() {
            if d > now {
                break;
            }
            match due {
                Due::Request(r) => self.request_timeout(r, now),
                Due::Probe(s) => self.send_probe(s, now),
                Due::Skew(id) => {
                    if let Some(l) = self.lookups.get_mut(&id) {
                        l.skew = None;
                    }
                    self.skew_timeout(id, now)
                }
            }
        }
    }

    /// Datagrams to send and log lines, in order.
    pub fn take_out(&mut self) -> Vec<Out> {
        std::mem::take(&mut self.out)
    }

    /// Finished lookups, in order (evdns runs their callbacks deferred,
    /// after the log lines of the same round).
    pub fn take_done(&mut self) -> Vec<(u64, LookupResult)> {
        std::mem::take(&mut self.done)
    }

    /// Requests in flight or queued (DISABLE_WHEN_INACTIVE reads only then).
    pub fn active(&self) -> bool {
        !self.reqs.is_empty()
    }

    pub fn pending_lookups(&self) -> usize {
        self.lookups.len()
    }
}

#[derive(Clone, Copy)]
enum Due {
    Request(u64),
    Probe(usize),
    Skew(u64),
}

/// search_make_new: `name` plus the n-th domain (with a dot unless the
/// name ends with one); None for an empty name.
fn search_name(s: &Search, n: usize, name: &[u8]) -> Option<Vec<u8>> {
    if name.is_empty() {
        return None;
    }
    let d = s.domains.get(n)?;
    let mut v = name.to_vec();
    if name.last() != Some(&b'.') {
        v.push(b'.');
    }
    v.extend_from_slice(d);
    Some(v)
}

#[cfg(test)]
#[path = "dns_resolver_tests.rs"]
mod tests;
