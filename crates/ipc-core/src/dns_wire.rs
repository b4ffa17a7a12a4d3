//! DNS messages as libevent's evdns writes and reads them: a query with one
//! question and RD set, and the lenient, partial reply parse evdns does (the
//! header, the questions compared with ours, the answers of the asked type,
//! and the SOA of the authority section only when there is no answer).
//! Anything evdns would not read (additional records, the tail after the
//! records it needs) is not read here either, so the same packets are
//! accepted. Every read is bounds-checked: a bad packet is an `Err`, never a
//! panic.

use std::net::{Ipv4Addr, Ipv6Addr};

pub const TYPE_A: u16 = 1;
pub const TYPE_CNAME: u16 = 5;
pub const TYPE_SOA: u16 = 6;
pub const TYPE_AAAA: u16 = 28;
pub const CLASS_INET: u16 = 1;

pub const FLAG_QR: u16 = 0x8000;
pub const FLAG_TC: u16 = 0x0200;
pub const RCODE_MASK: u16 = 0x000f;
/// evdns keeps at most this many addresses of each family from one reply.
pub const MAX_ADDRS: usize = 32;
/// evdns reads datagrams into a 1500-byte buffer: longer ones are cut.
pub const MAX_PACKET: usize = 1500;
/// The size of evdns's name buffers (the terminating NUL included).
const NAME_BUF: usize = 256;

/// Why a query could not be built (evdns's request_new fails; the caller
/// treats the request as never started).
#[derive(Debug, PartialEq, Eq)]
pub enum BuildError {
    /// A label longer than 63 bytes.
    LabelTooLong,
    /// A name longer than 255 bytes.
    NameTooLong,
}

/// The wire form of a query for `name` (dots separate labels, as evdns's
/// dnsname_to_labels splits them: an empty label writes a zero byte, a
/// trailing dot ends the name).
pub fn build_query(id: u16, name: &[u8], qtype: u16) -> Result<Vec<u8>, BuildError> {
    if name.len() > 255 {
        return Err(BuildError::NameTooLong);
    }
    let mut out = Vec::with_capacity(name.len() + 18);
    out.extend_from_slice(&id.to_be_bytes());
    out.extend_from_slice(&0x0100u16.to_be_bytes()); // RD
    out.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0]);
    let mut rest = name;
    loop {
        let (label, more) = match rest.iter().position(|&c| c == b'.') {
            Some(p) => (&rest[..p], Some(&rest[p + 1..])),
            None => (rest, None),
        };
        if label.len() > 63 {
            return Err(BuildError::LabelTooLong);
        }
        out.push(label.len() as u8);
        out.extend_from_slice(label);
        match more {
            Some(r) => rest = r,
            None => break,
        }
    }
    // The zero terminator, unless the last label written was empty.
    if out.len() == 12 || *out.last().unwrap_or(&0) != 0 {
        out.push(0);
    }
    out.extend_from_slice(&qtype.to_be_bytes());
    out.extend_from_slice(&CLASS_INET.to_be_bytes());
    Ok(out)
}

/// A bounds-checked reader over a packet.
struct Reader<'a> {
    p: &'a [u8],
    j: usize,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Malformed;

impl Reader<'_> {
    fn u16(&mut self) -> Result<u16, Malformed> {
        let b = self.p.get(self.j..self.j + 2).ok_or(Malformed)?;
        self.j += 2;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, Malformed> {
        let b = self.p.get(self.j..self.j + 4).ok_or(Malformed)?;
        self.j += 4;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// evdns's name_parse: labels joined with dots (bytes as they are),
    /// compression pointers followed within the packet, a loop detected by
    /// counting jumps, and the 256-byte name buffer as the limit.
    fn name(&mut self) -> Result<Vec<u8>, Malformed> {
        let p = self.p;
        let mut j = self.j;
        let mut end: Option<usize> = None;
        let mut jumps = 0usize;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let len = *p.get(j).ok_or(Malformed)?;
            j += 1;
            if len == 0 {
                break;
            }
            if len & 0xc0 != 0 {
                let low = *p.get(j).ok_or(Malformed)?;
                j += 1;
                end.get_or_insert(j);
                j = (((len & 0x3f) as usize) << 8) | low as usize;
                if j >= p.len() {
                    return Err(Malformed);
                }
                jumps += 1;
                if jumps > p.len() {
                    return Err(Malformed);
                }
                continue;
            }
            // len <= 63 here (0x40 and 0x80 have a high bit).
            if !out.is_empty() {
                if out.len() + 1 >= NAME_BUF {
                    return Err(Malformed);
                }
                out.push(b'.');
            }
            let len = len as usize;
            if out.len() + len >= NAME_BUF || j + len > p.len() {
                return Err(Malformed);
            }
            out.extend_from_slice(&p[j..j + len]);
            j += len;
        }
        if out.len() >= NAME_BUF {
            return Err(Malformed);
        }
        self.j = end.unwrap_or(j);
        Ok(out)
    }
    fn skip(&mut self, n: usize) {
        self.j = self.j.saturating_add(n);
    }
}

/// The C string a name buffer holds: up to its first NUL byte (evdns
/// compares names with strcmp).
fn c_str(n: &[u8]) -> &[u8] {
    match n.iter().position(|&c| c == 0) {
        Some(i) => &n[..i],
        None => n,
    }
}

/// Compares two names as evdns does: exactly when it randomised the case of
/// the query (0x20 hack: the reply must echo it), else ASCII
/// case-insensitively.
pub fn names_match(a: &[u8], b: &[u8], exact_case: bool) -> bool {
    let (a, b) = (c_str(a), c_str(b));
    if exact_case {
        a == b
    } else {
        a.eq_ignore_ascii_case(b)
    }
}

/// The header fields evdns reads before anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub id: u16,
    pub flags: u16,
    pub questions: u16,
    pub answers: u16,
    pub authority: u16,
}

/// The header of a packet; None when it is shorter than 12 bytes.
pub fn header(p: &[u8]) -> Option<Header> {
    let mut r = Reader { p, j: 0 };
    let h = Header {
        id: r.u16().ok()?,
        flags: r.u16().ok()?,
        questions: r.u16().ok()?,
        answers: r.u16().ok()?,
        authority: r.u16().ok()?,
    };
    r.u16().ok()?;
    Some(h)
}

/// The addresses a reply carries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub v4: Vec<Ipv4Addr>,
    pub v6: Vec<Ipv6Addr>,
    /// The first CNAME target, as evdns keeps it for getaddrinfo's canonname.
    pub cname: Option<Vec<u8>>,
    /// At least one address of the asked type.
    pub have_answer: bool,
    /// The smallest TTL seen (answers, or the SOA when there is no answer).
    pub ttl: u32,
}

/// What evdns's reply_parse concludes about a reply to a known request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Not an answer (QR clear): evdns ignores the packet.
    Ignore,
    /// An error flag other than NXDOMAIN, or a packet evdns could not
    /// parse: handled with no reply (evdns's `goto err`).
    Bad,
    /// A parsed reply (NXDOMAIN included: `flags` says so).
    Reply(Answer),
}

/// Parses the reply `p` to our query `query` (of type `qtype`).
/// `exact_case`: the query's case was randomised.
pub fn parse_reply(p: &[u8], query: &[u8], qtype: u16, exact_case: bool) -> Parsed {
    let Some(h) = header(p) else { return Parsed::Ignore };
    if h.flags & FLAG_QR == 0 {
        return Parsed::Ignore;
    }
    let err_bits = h.flags & (RCODE_MASK | FLAG_TC);
    if err_bits != 0 && err_bits != 3 {
        return Parsed::Bad;
    }
    match parse_body(p, query, qtype, exact_case, &h) {
        Ok(a) => Parsed::Reply(a),
        Err(Malformed) => Parsed::Bad,
    }
}

fn parse_body(p: &[u8], query: &[u8], qtype: u16, exact_case: bool, h: &Header) -> Result<Answer, Malformed> {
    let mut r = Reader { p, j: 12 };
    let mut matched = false;
    for _ in 0..h.questions {
        let name = r.name()?;
        // Our own question, read from our query as evdns re-reads it.
        let ours = Reader { p: query, j: 12 }.name()?;
        if names_match(&name, &ours, exact_case) {
            matched = true;
        }
        r.skip(4);
        if r.j > p.len() {
            return Err(Malformed);
        }
    }
    if !matched {
        return Err(Malformed);
    }
    let mut a = Answer { ttl: u32::MAX, ..Answer::default() };
    for _ in 0..h.answers {
        r.name()?;
        let ty = r.u16()?;
        let class = r.u16()?;
        let ttl = r.u32()?;
        let len = r.u16()? as usize;
        if ty == TYPE_A && class == CLASS_INET {
            if qtype != TYPE_A {
                r.skip(len);
                continue;
            }
            if len & 3 != 0 {
                return Err(Malformed);
            }
            let take = (MAX_ADDRS - a.v4.len()).min(len >> 2);
            a.ttl = a.ttl.min(ttl);
            let bytes = p.get(r.j..r.j + 4 * take).ok_or(Malformed)?;
            a.v4.extend(bytes.chunks_exact(4).map(|c| Ipv4Addr::new(c[0], c[1], c[2], c[3])));
            r.skip(4 * take);
            a.have_answer = true;
            if a.v4.len() == MAX_ADDRS {
                break;
            }
        } else if ty == TYPE_AAAA && class == CLASS_INET {
            if qtype != TYPE_AAAA {
                r.skip(len);
                continue;
            }
            if len & 15 != 0 {
                return Err(Malformed);
            }
            let take = (MAX_ADDRS - a.v6.len()).min(len >> 4);
            a.ttl = a.ttl.min(ttl);
            let bytes = p.get(r.j..r.j + 16 * take).ok_or(Malformed)?;
            for c in bytes.chunks_exact(16) {
                let mut o = [0u8; 16];
                o.copy_from_slice(c);
                a.v6.push(Ipv6Addr::from(o));
            }
            r.skip(16 * take);
            a.have_answer = true;
            if a.v6.len() == MAX_ADDRS {
                break;
            }
        } else if ty == TYPE_CNAME {
            if a.cname.is_some() {
                r.skip(len);
                continue;
            }
            a.cname = Some(r.name()?);
        } else {
            r.skip(len);
        }
    }
    if !a.have_answer {
        for _ in 0..h.authority {
            r.name()?;
            let ty = r.u16()?;
            let class = r.u16()?;
            let ttl = r.u32()?;
            let len = r.u16()? as usize;
            if ty == TYPE_SOA && class == CLASS_INET {
                r.name()?;
                r.name()?;
                for _ in 0..4 {
                    r.u32()?;
                }
                let minimum = r.u32()?;
                a.ttl = a.ttl.min(ttl).min(minimum);
            } else {
                r.skip(len);
            }
        }
    }
    if a.ttl == u32::MAX {
        a.ttl = 0;
    }
    Ok(a)
}

#[cfg(test)]
#[path = "dns_wire_tests.rs"]
pub(crate) mod tests;
