//! The resolver against fake nameservers: UDP sockets on 127.0.0.1 served by
//! threads of this test, bounded in time.

use super::*;
use crate::dns_wire::tests::reply;
use std::net::UdpSocket;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What a fake server answers to one query (name as received, type):
/// the datagrams to send back.
type Answerer = Box<dyn Fn(&[u8], &str, u16) -> Vec<Vec<u8>> + Send>;

struct FakeServer {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<(String, u16)>>>,
    stop: mpsc::Sender<()>,
    thread: Option<thread::JoinHandle<()>>,
}

impl FakeServer {
    fn start(answer: Answerer) -> FakeServer {
        let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
        sock.set_read_timeout(Some(Duration::from_millis(20))).unwrap();
        let addr = sock.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (stop, rx) = mpsc::channel::<()>();
        let s2 = seen.clone();
        let thread = thread::spawn(move || {
            let mut buf = [0u8; 2048];
            let end = Instant::now() + Duration::from_secs(20);
            while rx.try_recv().is_err() && Instant::now() < end {
                let Ok((n, from)) = sock.recv_from(&mut buf) else { continue };
                let q = &buf[..n];
                let (name, qtype) = query_name(q);
                s2.lock().unwrap().push((name.clone(), qtype));
                for p in answer(q, &name, qtype) {
                    let _ = sock.send_to(&p, from);
                }
            }
        });
        FakeServer { addr, seen, stop, thread: Some(thread) }
    }

    fn seen(&self) -> Vec<(String, u16)> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        let _ = self.stop.send(());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn query_name(q: &[u8]) -> (String, u16) {
    let mut i = 12;
    let mut labels = Vec::new();
    while i < q.len() && q[i] != 0 {
        let l = q[i] as usize;
        labels.push(String::from_utf8_lossy(&q[i + 1..(i + 1 + l).min(q.len())]).into_owned());
        i += l + 1;
    }
    let t = q.get(i + 1..i + 3).map_or(0, |b| u16::from_be_bytes([b[0], b[1]]));
    (labels.join("."), t)
}

fn now_ns(t0: Instant) -> Ns {
    t0.elapsed().as_nanos() as Ns
}

/// Drives `r` (with one client socket per server, as the extension does)
/// until every lookup is done or `limit` passes; returns the results and
/// the log lines.
struct Driver {
    r: Resolver,
    socks: Vec<UdpSocket>,
    t0: Instant,
    logs: Vec<String>,
    done: Vec<(u64, LookupResult)>,
}

impl Driver {
    fn new(servers: &[&FakeServer]) -> Driver {
        let mut r = Resolver::new(0x1234_5678_9abc_def1);
        let mut socks = Vec::new();
        for s in servers {
            r.push_server(s.addr);
            let c = UdpSocket::bind("127.0.0.1:0").unwrap();
            c.set_nonblocking(true).unwrap();
            socks.push(c);
        }
        Driver { r, socks, t0: Instant::now(), logs: Vec::new(), done: Vec::new() }
    }

    fn now(&self) -> Ns {
        now_ns(self.t0)
    }

    fn lookup(&mut self, name: &str, f: Family) -> Start {
        let now = self.now();
        let s = self.r.lookup(name.as_bytes(), f, now);
        self.flush();
        s
    }

    fn flush(&mut self) {
        for o in self.r.take_out() {
            match o {
                Out::Send { server, packet } => {
                    let to = self.r.server_addr(server);
                    let _ = self.socks[server].send_to(&packet, to);
                }
                Out::Log { warn, msg } => self.logs.push(format!("{}{msg}", if warn { "W: " } else { "" })),
            }
        }
        self.done.extend(self.r.take_done());
    }

    fn run(&mut self, limit: Duration) {
        let end = Instant::now() + limit;
        while Instant::now() < end && self.r.pending_lookups() > 0 {
            let mut buf = [0u8; 2048];
            for i in 0..self.socks.len() {
                while let Ok((n, from)) = self.socks[i].recv_from(&mut buf) {
                    let now = self.now();
                    let more = self.r.on_packet(i, from, &buf[..n], now);
                    self.flush();
                    if !more {
                        break;
                    }
                }
            }
            let now = self.now();
            self.r.on_time(now);
            self.flush();
            thread::sleep(Duration::from_millis(2));
        }
    }

    fn result(&self, id: u64) -> Option<&LookupResult> {
        self.done.iter().find(|(i, _)| *i == id).map(|(_, r)| r)
    }
}

fn pending(s: Start) -> u64 {
    match s {
        Start::Pending(id) => id,
        other => panic!("expected a pending lookup, got {other:?}"),
    }
}

fn a_record(q: &[u8], qtype: u16, v4: [u8; 4]) -> Vec<u8> {
    if qtype == TYPE_A {
        reply(q, 0, &[(TYPE_A, v4.to_vec())])
    } else {
        reply(q, 0, &[])
    }
}

#[test]
fn answers_a_and_nodata_aaaa() {
    let srv = FakeServer::start(Box::new(|q, _, t| vec![a_record(q, t, [127, 0, 0, 9])]));
    let mut d = Driver::new(&[&srv]);
    let id = pending(d.lookup("foo.test", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["127.0.0.9".parse().unwrap()])));
    let seen = srv.seen();
    assert_eq!(
        seen.iter().map(|(n, t)| (n.to_ascii_lowercase(), *t)).collect::<Vec<_>>(),
        [("foo.test".to_string(), TYPE_A), ("foo.test".to_string(), TYPE_AAAA)]
    );
    assert!(d.logs.is_empty(), "{:?}", d.logs);
}

#[test]
fn ipv6_answers_come_after_ipv4() {
    let srv = FakeServer::start(Box::new(|q, _, t| {
        let data = if t == TYPE_A { vec![10, 0, 0, 1] } else { [0u8; 15].into_iter().chain([1]).collect() };
        vec![reply(q, 0, &[(t, data)])]
    }));
    let mut d = Driver::new(&[&srv]);
    let id = pending(d.lookup("dual", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.0.0.1".parse().unwrap(), "::1".parse().unwrap()])));
    // An AF_INET6 lookup asks AAAA only.
    let id = pending(d.lookup("dual", Family::V6));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["::1".parse().unwrap()])));
    assert_eq!(srv.seen().len(), 3);
}

#[test]
fn nxdomain_is_noname() {
    let srv = FakeServer::start(Box::new(|q, _, _| vec![reply(q, 3, &[])]));
    let mut d = Driver::new(&[&srv]);
    let id = pending(d.lookup("nx.test", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::NONAME)));
    assert_eq!(DnsError::NONAME.text(), "nodename nor servname provided, or not known");
}

#[test]
fn silence_times_out_after_attempts() {
    let srv = FakeServer::start(Box::new(|_, _, _| vec![]));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"timeout:", b"0.1", 15).unwrap();
    d.r.set_option(b"attempts:", b"2", 15).unwrap();
    let t = Instant::now();
    let id = pending(d.lookup("slow.test", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::FAIL)));
    assert!(t.elapsed() >= Duration::from_millis(190), "{:?}", t.elapsed());
    assert_eq!(srv.seen().len(), 4);
    let name = format_sockaddr(&srv.addr);
    assert_eq!(
        d.logs,
        [format!("Nameserver {name} has failed: request timed out."), "All nameservers have failed".into()]
    );
    assert_eq!(DnsError::FAIL.text(), "non-recoverable failure in name resolution");
}

#[test]
fn servfail_retries_like_a_timeout() {
    let srv = FakeServer::start(Box::new(|q, _, _| vec![reply(q, 2, &[])]));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"attempts:", b"2", 15).unwrap();
    let id = pending(d.lookup("sf.test", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::FAIL)));
    assert_eq!(srv.seen().len(), 2);
}

#[test]
fn search_list_order_and_ndots() {
    let srv = FakeServer::start(Box::new(|q, name, t| {
        if name.eq_ignore_ascii_case("foo.s1.test") {
            vec![a_record(q, t, [10, 1, 1, 1])]
        } else {
            vec![reply(q, 3, &[])]
        }
    }));
    let mut d = Driver::new(&[&srv]);
    d.r.search_add(b"s1.test");
    d.r.search_add(b"..s2.test"); // added last: tried first, leading dots dropped
    let id = pending(d.lookup("foo", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.1.1.1".parse().unwrap()])));
    let names: Vec<String> = srv.seen().into_iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
    assert_eq!(names, ["foo.s2.test", "foo.s1.test"]);

    // With as many dots as ndots the raw name goes first, then the list,
    // and it is not retried raw at the end.
    let id = pending(d.lookup("a.b", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::NONAME)));
    let names: Vec<String> = srv.seen().into_iter().skip(2).map(|(n, _)| n.to_ascii_lowercase()).collect();
    assert_eq!(names, ["a.b", "a.b.s2.test", "a.b.s1.test"]);

    // Below ndots: the list, then the raw name last.
    d.r.set_ndots(3);
    let id = pending(d.lookup("x.y", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::NONAME)));
    let names: Vec<String> = srv.seen().into_iter().skip(5).map(|(n, _)| n.to_ascii_lowercase()).collect();
    assert_eq!(names, ["x.y.s2.test", "x.y.s1.test", "x.y"]);
}

#[test]
fn numeric_names_and_hosts_answer_at_once() {
    let mut r = Resolver::new(1);
    assert_eq!(r.lookup(b"1.2.3.4", Family::Unspec, 0), Start::Done(Ok(vec!["1.2.3.4".parse().unwrap()])));
    assert_eq!(r.lookup(b"::1", Family::Unspec, 0), Start::Done(Ok(vec!["::1".parse().unwrap()])));
    r.add_hosts(dns_conf::parse_hosts(b"::1 h\n127.0.0.5 h\n", &|_| 0));
    assert_eq!(
        r.lookup(b"H", Family::Unspec, 0),
        Start::Done(Ok(vec!["::1".parse().unwrap(), "127.0.0.5".parse().unwrap()]))
    );
    assert_eq!(r.lookup(b"h", Family::V4, 0), Start::Done(Ok(vec!["127.0.0.5".parse().unwrap()])));
    // Found, but not in the family asked for: an empty answer (evdns's).
    r.add_hosts(dns_conf::parse_hosts(b"10.0.0.1 only4\n", &|_| 0));
    assert_eq!(r.lookup(b"only4", Family::V6, 0), Start::Done(Ok(vec![])));
    // An IPv4 literal asked as IPv6 needs the DNS; with no nameserver the
    // request waits (as evdns's does, forever).
    assert!(matches!(r.lookup(b"127.0.0.1", Family::V6, 0), Start::Pending(_)));
    assert!(r.take_out().is_empty());
    assert_eq!(r.next_deadline(), None);
    // A name no query can carry fails at once.
    assert_eq!(r.lookup(&[b'a'; 64], Family::Unspec, 0), Start::Done(Err(DnsError::FAIL)));
    r.add_default_hosts();
    assert_eq!(r.lookup(b"localhost", Family::V4, 0), Start::Done(Ok(vec!["127.0.0.1".parse().unwrap()])));
}

#[test]
fn bad_answers_never_crash() {
    // Wrong id (ignored), a mismatched question (a failure), garbage.
    let srv = FakeServer::start(Box::new(|q, _, t| {
        let mut wrong_id = a_record(q, t, [1, 1, 1, 1]);
        wrong_id[0] ^= 0xff;
        let other = dns_wire::build_query(u16::from_be_bytes([q[0], q[1]]), b"other.test", t).unwrap();
        vec![
            wrong_id,
            vec![0xde, 0xad],
            q[..2].iter().copied().chain([0x81, 0x80, 0xff, 0xff]).collect(),
            reply(&other, 0, &[]),
        ]
    }));
    let mut d = Driver::new(&[&srv]);
    let id = pending(d.lookup("q.test", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Err(DnsError::FAIL)));
}

#[test]
fn random_replies_never_crash() {
    let srv = FakeServer::start(Box::new(|q, _, t| {
        let mut out = Vec::new();
        let base = a_record(q, t, [1, 2, 3, 4]);
        for k in 0..40usize {
            let mut p = base.clone();
            let at = 2 + (k * 7) % (p.len() - 2);
            p[at] = p[at].wrapping_add((k as u8).wrapping_mul(37) | 1);
            p.truncate(p.len() - k % 5);
            out.push(p);
        }
        out
    }));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"timeout:", b"0.2", 15).unwrap();
    d.r.set_option(b"attempts:", b"1", 15).unwrap();
    let id = pending(d.lookup("fuzz.test", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert!(d.result(id).is_some());
}

#[test]
fn a_silent_server_hands_over_to_the_next() {
    let dead = FakeServer::start(Box::new(|_, _, _| vec![]));
    let live = FakeServer::start(Box::new(|q, _, t| vec![a_record(q, t, [10, 9, 9, 9])]));
    let mut d = Driver::new(&[&dead, &live]);
    d.r.set_option(b"timeout:", b"0.1", 15).unwrap();
    let id = pending(d.lookup("ho.test", Family::V4));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.9.9.9".parse().unwrap()])));
    assert_eq!((dead.seen().len(), live.seen().len()), (1, 1));
}

#[test]
fn allow_skew_reports_the_first_answer() {
    let srv =
        FakeServer::start(Box::new(|q, _, t| if t == TYPE_A { vec![a_record(q, t, [10, 2, 2, 2])] } else { vec![] }));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"getaddrinfo-allow-skew:", b"0.15", 15).unwrap();
    let t = Instant::now();
    let id = pending(d.lookup("skew.test", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.2.2.2".parse().unwrap()])));
    assert!(t.elapsed() >= Duration::from_millis(140) && t.elapsed() < Duration::from_secs(3));
    assert!(!d.r.active());
}

#[test]
fn max_inflight_queues_requests() {
    let srv = FakeServer::start(Box::new(|q, _, t| vec![a_record(q, t, [10, 3, 3, 3])]));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"max-inflight:", b"1", 15).unwrap();
    let a = pending(d.lookup("one.test", Family::V4));
    let b = pending(d.lookup("two.test", Family::V4));
    assert!(d.r.active());
    d.run(Duration::from_secs(5));
    assert!(d.result(a).is_some_and(|r| r.is_ok()) && d.result(b).is_some_and(|r| r.is_ok()));
}

#[test]
fn a_packet_from_elsewhere_is_refused() {
    let srv = FakeServer::start(Box::new(|_, _, _| vec![]));
    let mut d = Driver::new(&[&srv]);
    let _ = pending(d.lookup("x.test", Family::V4));
    let from: SocketAddr = "127.0.0.2:53".parse().unwrap();
    let now = d.now();
    assert!(!d.r.on_packet(0, from, b"\x00\x00\x81\x80", now));
    d.flush();
    assert_eq!(d.logs, ["W: Address mismatch on received DNS packet.  Apparent source was 127.0.0.2:53"]);
}

#[test]
fn cancel_forgets_the_lookup() {
    let srv = FakeServer::start(Box::new(|_, _, _| vec![]));
    let mut d = Driver::new(&[&srv]);
    let id = pending(d.lookup("c.test", Family::Unspec));
    let now = d.now();
    d.r.cancel(id, now);
    assert!(!d.r.active());
    assert_eq!(d.r.next_deadline(), None);
    assert_eq!(d.r.pending_lookups(), 0);
}

#[test]
fn options_as_evdns_reads_them() {
    let mut r = Resolver::new(1);
    assert_eq!(r.set_option(b"ndots:", b"x", 15), Err(BadValue));
    assert_eq!(r.set_option(b"ndots:", b"-5", 15), Ok(OptionEffect::None));
    assert_eq!(r.search.as_ref().map(|s| s.ndots), Some(-5));
    assert_eq!(r.set_option(b"attempts:", b"300", 15), Ok(OptionEffect::None));
    assert_eq!(r.attempts, 255);
    assert_eq!(r.set_option(b"max-timeouts:", b"0", 15), Ok(OptionEffect::None));
    assert_eq!(r.max_timeouts, 1);
    assert_eq!(r.set_option(b"bind-to:", b"bad", 15), Err(BadValue));
    assert_eq!(r.set_option(b"bind-to:", b"bad", 4), Ok(OptionEffect::None));
    assert_eq!(r.set_option(b"timeout", b"abc", 15), Err(BadValue));
    assert_eq!(r.set_option(b"timeoutx:", b"abc", 15), Ok(OptionEffect::None));
    assert_eq!(r.set_option(b"timeout:", b"2", 0), Ok(OptionEffect::None));
    assert_eq!(r.timeout, 5 * SEC);
    assert_eq!(r.set_option(b"initial-probe-timeout:", b"99999", 15), Ok(OptionEffect::None));
    assert_eq!(r.probe_timeout, 3600 * SEC);
    assert_eq!(evdns_err_to_string(err::TIMEOUT), "request timed out");
    assert_eq!(evdns_err_to_string(err::NOTEXIST), "name does not exist");
}

// The sequences below are what PECL event 3.1.5 (libevent 2.1.12) does with
// the same fake servers (seen with EventBufferEvent::connectHost).

#[test]
fn servers_are_picked_in_evdns_list_order() {
    // Added 1, 2, 3: evdns's list is 1, 3, 2 (each goes after the head).
    let s1 = FakeServer::start(Box::new(|_, _, _| vec![]));
    let s2 = FakeServer::start(Box::new(|_, _, _| vec![]));
    let s3 = FakeServer::start(Box::new(|q, _, _| vec![reply(q, 3, &[])]));
    let mut d = Driver::new(&[&s1, &s2, &s3]);
    d.r.set_option(b"timeout:", b"0.1", 15).unwrap();
    d.r.set_option(b"attempts:", b"2", 15).unwrap();
    let id = pending(d.lookup("foo", Family::Unspec));
    d.run(Duration::from_secs(5));
    let types = |s: &FakeServer| s.seen().into_iter().map(|(_, t)| t).collect::<Vec<_>>();
    assert_eq!((types(&s1), types(&s2), types(&s3)), (vec![TYPE_A], vec![TYPE_A], vec![TYPE_AAAA]));
    // The A request's timeout wins over the AAAA's NXDOMAIN (merge keeps the last error).
    assert_eq!(d.result(id), Some(&Err(DnsError::FAIL)));
    assert_eq!(d.logs.len(), 1, "{:?}", d.logs);
    assert!(d.logs[0].ends_with("has failed: request timed out."));
}

#[test]
fn refused_fails_the_server_and_reissues_at_the_timeout() {
    let s1 = FakeServer::start(Box::new(|q, _, _| vec![reply(q, 5, &[])]));
    let s2 = FakeServer::start(Box::new(|q, _, t| vec![a_record(q, t, [10, 5, 5, 5])]));
    let mut d = Driver::new(&[&s1, &s2]);
    d.r.set_option(b"timeout:", b"0.15", 15).unwrap();
    let t = Instant::now();
    let id = pending(d.lookup("foo", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.5.5.5".parse().unwrap()])));
    assert!(t.elapsed() >= Duration::from_millis(140), "reissued before the timeout: {:?}", t.elapsed());
    let name = format_sockaddr(&s1.addr);
    assert_eq!(d.logs, [format!("Nameserver {name} has failed: Bad response 5 (refused)")]);
    assert_eq!(s2.seen().iter().map(|(_, t)| *t).collect::<Vec<_>>(), [TYPE_AAAA, TYPE_A]);
}

#[test]
fn a_late_timeout_keeps_the_other_answer() {
    // A answers; AAAA is retransmitted, then given up: the A answer is the result.
    let srv =
        FakeServer::start(Box::new(|q, _, t| if t == TYPE_A { vec![a_record(q, t, [10, 6, 6, 6])] } else { vec![] }));
    let mut d = Driver::new(&[&srv]);
    d.r.set_option(b"timeout:", b"0.1", 15).unwrap();
    d.r.set_option(b"attempts:", b"2", 15).unwrap();
    d.r.set_option(b"getaddrinfo-allow-skew:", b"5", 15).unwrap();
    let id = pending(d.lookup("foo", Family::Unspec));
    d.run(Duration::from_secs(5));
    assert_eq!(d.result(id), Some(&Ok(vec!["10.6.6.6".parse().unwrap()])));
    assert_eq!(srv.seen().len(), 3);
    assert_eq!(d.logs.len(), 2);
}
