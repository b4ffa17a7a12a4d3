//! EventBuffer's storage: a chain of chunks, like libevent's evbuffer.
//!
//! Each chunk has a logical layout (`cap`, `misalign`, `off`: its capacity,
//! the free room before its data and its data length) that follows the
//! allocation policy PECL event users can observe through
//! `EventBuffer::$contiguous_space` (the data length of the first chunk).
//! The bytes themselves are kept compactly, so a huge `expand()` reserves
//! but does not touch memory. Appending, draining, prepending and moving
//! whole chunks between buffers never copy the bytes of other chunks.

use std::collections::VecDeque;

/// The bytes of a chunk header in libevent on 64-bit systems: an allocation
/// of 1024 bytes holds 976 bytes of data.
const CHAIN_HEADER: usize = 48;
/// The smallest allocation for a chunk (header included).
const MIN_ALLOC: usize = 1024;
/// Beyond this, a new chunk is not twice the size of the previous one.
const MAX_AUTO_SIZE: usize = 4096;
/// Data is moved to the start of a chunk only when it is at most this long.
const MAX_TO_REALIGN: usize = 2048;
/// expand() copies at most this much to grow a chunk.
const MAX_TO_COPY_IN_EXPAND: usize = 4096;
/// The largest chunk (libevent's EV_SSIZE_MAX).
const CHAIN_MAX: usize = isize::MAX as usize;
/// One readFrom() reads at most this much.
pub const MAX_READ: usize = 4096;
/// readFrom() fills at most this many chunks.
const NUM_READ_IOVEC: usize = 4;
/// write() gathers at most this many chunks.
pub const NUM_WRITE_IOVEC: usize = 128;

/// The end-of-line styles of EventBuffer::readLine()/searchEol().
pub const EOL_ANY: i64 = 0;
pub const EOL_CRLF: i64 = 1;
pub const EOL_CRLF_STRICT: i64 = 2;
pub const EOL_LF: i64 = 3;
pub const EOL_NUL: i64 = 4;

struct Chunk {
    /// The live bytes are `data[head..]`.
    data: Vec<u8>,
    head: usize,
    cap: usize,
    misalign: usize,
}

impl Chunk {
    /// A chunk able to hold `size` bytes, sized as libevent sizes them;
    /// None when that memory cannot be had.
    fn new(size: usize) -> Option<Chunk> {
        if size > CHAIN_MAX - CHAIN_HEADER {
            return None;
        }
        let size = size + CHAIN_HEADER;
        let alloc = if size < CHAIN_MAX / 2 { size.next_power_of_two().max(MIN_ALLOC) } else { size };
        let cap = alloc - CHAIN_HEADER;
        if cap > 1 << 20 {
            // As libevent's malloc, a size the system refuses fails here:
            // the whole reservation is probed without touching it.
            let mut probe: Vec<u8> = Vec::new();
            probe.try_reserve_exact(cap).ok()?;
        }
        // The bytes are allocated as they come (see `push`), not `cap` of
        // them up front: a 1 KiB chunk holding a 100-byte request costs
        // 100 bytes, which is what keeps 10,000 idle connections small.
        Some(Chunk { data: Vec::new(), head: 0, cap, misalign: 0 })
    }
    fn off(&self) -> usize {
        self.data.len() - self.head
    }
    fn bytes(&self) -> &[u8] {
        &self.data[self.head..]
    }
    fn space(&self) -> usize {
        self.cap - self.misalign - self.off()
    }
    fn push(&mut self, b: &[u8]) {
        let need = self.data.len() + b.len();
        if need > self.data.capacity() {
            // Doubling, but never past the chunk's logical capacity.
            let target = (self.data.capacity() * 2).min(self.cap).max(need);
            self.data.reserve_exact(target - self.data.len());
        }
        self.data.extend_from_slice(b);
    }
    fn drop_front(&mut self, n: usize) {
        self.head += n;
        self.misalign += n;
        if self.head == self.data.len() {
            self.data.clear();
            self.head = 0;
        }
    }
    /// Puts `b` in front of the data, in the misalignment room.
    fn push_front(&mut self, b: &[u8]) {
        debug_assert!(self.misalign >= b.len());
        if self.head >= b.len() {
            self.head -= b.len();
            self.data[self.head..self.head + b.len()].copy_from_slice(b);
        } else {
            // Room for later prepends, bounded so a huge empty chunk is not zeroed.
            let room = (self.misalign - b.len()).min(64 * 1024);
            let mut v = Vec::with_capacity(room + b.len() + self.off());
            v.resize(room, 0);
            v.extend_from_slice(b);
            v.extend_from_slice(self.bytes());
            self.data = v;
            self.head = room;
        }
        self.misalign -= b.len();
    }
    /// Moves the data to the start of the chunk (evbuffer_chain_align).
    fn realign(&mut self) {
        self.data.drain(..self.head);
        self.head = 0;
        self.misalign = 0;
    }
    fn should_realign(&self, len: usize) -> bool {
        self.cap - self.off() >= len && self.off() < self.cap / 2 && self.off() <= MAX_TO_REALIGN
    }
}

/// The chunks a read fills and how much each takes.
struct ReadTargets {
    t: [(usize, usize); NUM_READ_IOVEC],
    n: usize,
}

impl ReadTargets {
    fn as_slice(&self) -> &[(usize, usize)] {
        &self.t[..self.n]
    }
}

/// A byte queue as libevent's evbuffer.
#[derive(Default)]
pub struct EvBuffer {
    chunks: VecDeque<Chunk>,
    total: usize,
    frozen_front: bool,
    frozen_back: bool,
}

impl EvBuffer {
    pub fn new() -> EvBuffer {
        EvBuffer::default()
    }

    pub fn len(&self) -> usize {
        self.total
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The data length of the first chunk (evbuffer_get_contiguous_space).
    pub fn contiguous_space(&self) -> usize {
        self.chunks.front().map_or(0, |c| c.off())
    }

    /// The number of chunks (for tests of the chunking policy).
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    pub fn freeze(&mut self, at_front: bool, frozen: bool) {
        if at_front {
            self.frozen_front = frozen;
        } else {
            self.frozen_back = frozen;
        }
    }

    /// The index of the last chunk holding data, or of the first chunk.
    fn last_with_data(&self) -> Option<usize> {
        if self.chunks.is_empty() {
            return None;
        }
        Some(self.chunks.iter().rposition(|c| c.off() > 0).unwrap_or(0))
    }

    /// Frees the empty chunks after the last one with data.
    fn free_trailing_empty(&mut self) {
        if let Some(l) = self.last_with_data() {
            let keep = if self.chunks[l].off() > 0 { l + 1 } else { l };
            self.chunks.truncate(keep);
        }
    }

    fn insert(&mut self, c: Chunk) {
        self.free_trailing_empty();
        self.total += c.off();
        self.push_back(c);
    }

    /// Most buffers hold one chunk at a time: the first one gets a deque
    /// of exactly one slot, not the default four.
    fn push_back(&mut self, c: Chunk) {
        if self.chunks.capacity() == 0 {
            self.chunks.reserve_exact(1);
        }
        self.chunks.push_back(c);
    }

    /// An emptied buffer gives its deque back (libevent frees drained
    /// chains; an idle connection's buffers then hold no memory).
    fn release_if_empty(&mut self) {
        if self.chunks.is_empty() && self.chunks.capacity() != 0 {
            self.chunks = VecDeque::new();
        }
    }

    /// Appends `b` (evbuffer_add); false when the back is frozen.
    pub fn add(&mut self, b: &[u8]) -> bool {
        if self.frozen_back {
            return false;
        }
        if self.chunks.is_empty() {
            let Some(c) = Chunk::new(b.len()) else { return false };
            self.insert(c);
        }
        let i = self.last_with_data().unwrap_or(0);
        let c = &mut self.chunks[i];
        let remain = c.space();
        if remain >= b.len() {
            c.push(b);
            self.total += b.len();
            return true;
        }
        if c.should_realign(b.len()) {
            c.realign();
            c.push(b);
            self.total += b.len();
            return true;
        }
        let mut want = c.cap;
        if want <= MAX_AUTO_SIZE / 2 {
            want <<= 1;
        }
        want = want.max(b.len());
        let Some(mut tmp) = Chunk::new(want) else { return false };
        let (head, rest) = b.split_at(remain);
        c.push(head);
        self.total += remain;
        tmp.push(rest);
        self.insert(tmp);
        true
    }

    /// Puts `b` in front (evbuffer_prepend); false when the front is frozen.
    pub fn prepend(&mut self, b: &[u8]) -> bool {
        // Nothing to prepend succeeds, frozen or not, and allocates nothing.
        if b.is_empty() {
            return true;
        }
        if self.frozen_front {
            return false;
        }
        if self.chunks.is_empty() {
            let Some(c) = Chunk::new(b.len()) else { return false };
            self.insert(c);
        }
        let mut b = b;
        let c = &mut self.chunks[0];
        if c.off() == 0 {
            c.misalign = c.cap;
        }
        if c.misalign >= b.len() {
            c.push_front(b);
            self.total += b.len();
            return true;
        } else if c.misalign > 0 {
            let m = c.misalign;
            let (rest, tail) = b.split_at(b.len() - m);
            c.push_front(tail);
            self.total += m;
            b = rest;
        }
        let Some(mut tmp) = Chunk::new(b.len()) else { return false };
        tmp.misalign = tmp.cap;
        tmp.push_front(b);
        self.total += b.len();
        if self.chunks.capacity() == 0 {
            self.chunks.reserve_exact(1);
        }
        self.chunks.push_front(tmp);
        true
    }

    /// Removes the first `n` bytes (evbuffer_drain); false when the front is frozen.
    pub fn drain(&mut self, n: usize) -> bool {
        // An empty buffer keeps its (empty) chunks, frozen or not.
        if self.total == 0 {
            return true;
        }
        if self.frozen_front {
            return false;
        }
        if n >= self.total {
            self.chunks = VecDeque::new();
            self.total = 0;
            return true;
        }
        self.total -= n;
        let mut remaining = n;
        while let Some(c) = self.chunks.front_mut() {
            if remaining >= c.off() {
                remaining -= c.off();
                self.chunks.pop_front();
            } else {
                c.drop_front(remaining);
                break;
            }
        }
        true
    }

    /// Copies up to `n` bytes from the front (evbuffer_copyout): None when
    /// the front is frozen.
    pub fn copyout(&self, n: usize) -> Option<Vec<u8>> {
        // Nothing to copy (n == 0 or an empty buffer) is no error, frozen or not.
        let n = n.min(self.total);
        if n == 0 {
            return Some(Vec::new());
        }
        if self.frozen_front {
            return None;
        }
        Some(self.copy_range(0, n))
    }

    /// The bytes `[start, start + n)`, which must lie in the buffer.
    pub fn copy_range(&self, start: usize, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n);
        let mut skip = start;
        for c in &self.chunks {
            if out.len() == n {
                break;
            }
            let b = c.bytes();
            if skip >= b.len() {
                skip -= b.len();
                continue;
            }
            let take = (b.len() - skip).min(n - out.len());
            out.extend_from_slice(&b[skip..skip + take]);
            skip = 0;
        }
        out
    }

    /// Moves up to `n` bytes out (evbuffer_remove): None when the front is frozen.
    pub fn remove(&mut self, n: usize) -> Option<Vec<u8>> {
        let v = self.copyout(n)?;
        if !v.is_empty() && !self.drain(v.len()) {
            return None;
        }
        Some(v)
    }

    /// Moves all of `src` to the end of this buffer, chunks and all
    /// (evbuffer_add_buffer).
    pub fn add_buffer(&mut self, src: &mut EvBuffer) -> bool {
        if src.total == 0 {
            return true;
        }
        if self.frozen_back || src.frozen_front {
            return false;
        }
        if self.total == 0 {
            // The whole deque moves: no copy, and src keeps no storage.
            self.chunks = std::mem::take(&mut src.chunks);
        } else {
            self.free_trailing_empty();
            self.chunks.append(&mut src.chunks);
            src.release_if_empty();
        }
        self.total += src.total;
        src.total = 0;
        true
    }

    /// Moves all of `src` to the front of this buffer (evbuffer_prepend_buffer).
    pub fn prepend_buffer(&mut self, src: &mut EvBuffer) -> bool {
        if src.total == 0 {
            return true;
        }
        if self.frozen_front || src.frozen_front {
            return false;
        }
        if self.total == 0 {
            self.chunks.clear();
        }
        let mut moved = std::mem::take(&mut src.chunks);
        moved.append(&mut self.chunks);
        self.chunks = moved;
        self.total += src.total;
        src.total = 0;
        true
    }

    /// Moves up to `n` bytes from the front of `src` to the end of this
    /// buffer (evbuffer_remove_buffer): whole chunks move, the boundary
    /// chunk is split. -1 when an end is frozen.
    pub fn append_from(&mut self, src: &mut EvBuffer, n: usize) -> i64 {
        if self.frozen_back || src.frozen_front {
            return -1;
        }
        if n >= src.total {
            let moved = src.total;
            self.add_buffer(src);
            return moved as i64;
        }
        let mut n = n;
        let mut moved = 0usize;
        let mut whole = 0usize;
        while src.chunks[whole].off() <= n {
            n -= src.chunks[whole].off();
            moved += src.chunks[whole].off();
            whole += 1;
        }
        if whole > 0 {
            self.free_trailing_empty();
            if self.total == 0 {
                self.chunks.clear();
            }
            let rest = src.chunks.split_off(whole);
            let mut head = std::mem::replace(&mut src.chunks, rest);
            self.chunks.append(&mut head);
            self.total += moved;
        }
        let part = src.chunks[0].bytes()[..n].to_vec();
        self.add(&part);
        src.chunks[0].drop_front(n);
        moved += n;
        src.total -= moved;
        moved as i64
    }

    /// Makes sure a write of `n` bytes needs no new chunk (evbuffer_expand).
    pub fn expand(&mut self, n: usize) -> bool {
        let i = match self.last_with_data() {
            Some(i) if self.chunks[i].space() == 0 => i + 1,
            Some(i) => i,
            None => return self.insert_new(n),
        };
        if i >= self.chunks.len() {
            return self.insert_new(n);
        }
        let c = &self.chunks[i];
        if c.space() >= n {
            return true;
        }
        if c.off() == 0 {
            return self.insert_new(n);
        }
        if c.should_realign(n) {
            self.chunks[i].realign();
            return true;
        }
        if c.space() < c.cap / 8 || c.off() > MAX_TO_COPY_IN_EXPAND || n >= CHAIN_MAX - c.off() {
            if i + 1 < self.chunks.len() && self.chunks[i + 1].space() >= n {
                return true;
            }
            return self.insert_new(n);
        }
        let Some(mut tmp) = Chunk::new(c.off() + n) else { return false };
        tmp.push(c.bytes());
        self.chunks[i] = tmp;
        true
    }

    fn insert_new(&mut self, n: usize) -> bool {
        match Chunk::new(n) {
            Some(c) => {
                self.insert(c);
                true
            }
            None => false,
        }
    }

    /// Makes the first `n` bytes contiguous (evbuffer_pullup); a negative
    /// `n` means all. False when there are not that many bytes (or none).
    pub fn pullup(&mut self, n: i64) -> bool {
        let size = if n < 0 { self.total } else { n as usize };
        if size == 0 || size > self.total {
            return false;
        }
        if self.chunks[0].off() >= size {
            return true;
        }
        let mut size = size;
        let mut first;
        let mut from;
        if self.chunks[0].cap - self.chunks[0].misalign >= size {
            first = self.chunks.pop_front().expect("a chunk");
            size -= first.off();
            from = 0;
        } else {
            let Some(c) = Chunk::new(size) else { return false };
            first = c;
            from = 0;
        }
        while from < self.chunks.len() && size >= self.chunks[from].off() {
            let c = &self.chunks[from];
            first.push(c.bytes());
            size -= c.off();
            from += 1;
        }
        self.chunks.drain(..from);
        if size > 0 {
            let c = &mut self.chunks[0];
            first.push(&c.bytes()[..size]);
            c.drop_front(size);
        }
        self.chunks.push_front(first);
        true
    }

    /// The byte at `pos` (< len).
    fn byte_at(&self, mut pos: usize) -> u8 {
        for c in &self.chunks {
            if pos < c.off() {
                return c.bytes()[pos];
            }
            pos -= c.off();
        }
        unreachable!("byte_at beyond the end")
    }

    /// The first position >= start holding one of `set`.
    fn find_any(&self, start: usize, set: &[u8]) -> Option<usize> {
        let mut base = 0;
        for c in &self.chunks {
            let b = c.bytes();
            if base + b.len() > start {
                let from = start.saturating_sub(base);
                if let Some(p) = b[from..].iter().position(|x| set.contains(x)) {
                    return Some(base + from + p);
                }
            }
            base += b.len();
        }
        None
    }

    fn matches_at(&self, pos: usize, what: &[u8]) -> bool {
        pos + what.len() <= self.total && self.copy_range(pos, what.len()) == what
    }

    /// evbuffer_search_range: the first occurrence of `what` at or after
    /// `start`, provided it ends by `end`. An empty `what` is found at `start`.
    pub fn search(&self, what: &[u8], start: Option<usize>, end: Option<usize>) -> Option<usize> {
        let mut pos = start.unwrap_or(0);
        if what.is_empty() {
            return Some(pos);
        }
        loop {
            let p = self.find_any(pos, &what[..1])?;
            if self.matches_at(p, what) {
                return match end {
                    Some(e) if p + what.len() > e => None,
                    _ => Some(p),
                };
            }
            pos = p + 1;
        }
    }

    /// evbuffer_search_eol: the position of the first end of line at or
    /// after `start`, and its length.
    pub fn search_eol(&self, start: Option<usize>, style: i64) -> Option<(usize, usize)> {
        let s = start.unwrap_or(0);
        match style {
            EOL_ANY => {
                let p = self.find_any(s, b"\r\n")?;
                let mut n = 0;
                while p + n < self.total && matches!(self.byte_at(p + n), b'\r' | b'\n') {
                    n += 1;
                }
                Some((p, n))
            }
            EOL_CRLF_STRICT => self.search(b"\r\n", Some(s), None).map(|p| (p, 2)),
            EOL_CRLF => {
                let p = self.find_any(s, b"\n")?;
                if p > s && self.byte_at(p - 1) == b'\r' {
                    Some((p - 1, 2))
                } else {
                    Some((p, 1))
                }
            }
            EOL_LF => self.find_any(s, b"\n").map(|p| (p, 1)),
            EOL_NUL => self.find_any(s, b"\0").map(|p| (p, 1)),
            _ => None,
        }
    }

    /// evbuffer_readln: the next line without its end of line, which is
    /// drained too; None when there is no complete line or the front is frozen.
    pub fn read_line(&mut self, style: i64) -> Option<Vec<u8>> {
        if self.frozen_front {
            return None;
        }
        let (pos, eol) = self.search_eol(None, style)?;
        let line = self.remove(pos)?;
        self.drain(eol);
        Some(line)
    }

    /// The chunks' data, front to back, for gathering writes.
    pub fn slices(&self) -> impl Iterator<Item = &[u8]> {
        self.chunks.iter().map(|c| c.bytes())
    }

    /// Whether write() may take bytes (the front is not frozen).
    pub fn front_frozen(&self) -> bool {
        self.frozen_front
    }

    pub fn back_frozen(&self) -> bool {
        self.frozen_back
    }

    /// Prepares a read of up to `howmuch` bytes as evbuffer_read does
    /// (evbuffer_expand_fast over at most 4 chunks) and returns how many
    /// bytes the read may take; None when no chunk can be had.
    pub fn prepare_read(&mut self, howmuch: usize) -> Option<usize> {
        if self.chunks.is_empty() {
            self.insert(Chunk::new(howmuch)?);
        } else if !self.expand_fast(howmuch, NUM_READ_IOVEC) {
            return None;
        }
        Some(self.read_targets(howmuch).as_slice().iter().map(|&(_, n)| n).sum())
    }

    fn expand_fast(&mut self, n: usize, n_vecs: usize) -> bool {
        let l = self.last_with_data().expect("chunks");
        let mut used = 0;
        let mut avail = 0;
        let mut i = l;
        while i < self.chunks.len() {
            let c = &mut self.chunks[i];
            if c.off() > 0 {
                if c.space() > 0 {
                    avail += c.space();
                    used += 1;
                }
            } else {
                c.misalign = 0;
                avail += c.cap;
                used += 1;
            }
            if avail >= n {
                return true;
            }
            if used == n_vecs {
                break;
            }
            i += 1;
        }
        if used < n_vecs {
            return match Chunk::new(n - avail) {
                Some(c) => {
                    self.push_back(c);
                    true
                }
                None => false,
            };
        }
        let keep;
        if self.chunks[l].off() == 0 {
            keep = 0;
            avail = 0;
        } else {
            keep = l + 1;
            avail = self.chunks[l].space();
        }
        self.chunks.truncate(keep);
        match Chunk::new(n - avail) {
            Some(c) => {
                self.push_back(c);
                true
            }
            None => false,
        }
    }

    /// evbuffer_reserve_space(size, 2 extents) as libevent's TLS bufferevent
    /// calls it: the space of the (at most two) chunks a read may fill,
    /// whole (not cut to `size`: libevent's SSL_read takes all of it); 0 for
    /// an absent second one. Fill them with `commit_read(n, bytes)`.
    pub fn reserve_space(&mut self, size: usize) -> Option<[usize; 2]> {
        if self.frozen_back {
            return None;
        }
        if self.chunks.is_empty() {
            self.insert(Chunk::new(size)?);
        } else if !self.expand_fast(size, 2) {
            return None;
        }
        let mut i = self.last_with_data().expect("chunks");
        if self.chunks[i].space() == 0 {
            i += 1;
        }
        let mut out = [0; 2];
        let mut so_far = 0;
        for slot in out.iter_mut() {
            if so_far >= size || i >= self.chunks.len() {
                break;
            }
            *slot = self.chunks[i].space();
            so_far += *slot;
            i += 1;
        }
        Some(out)
    }

    /// The chunks a read fills and how much each takes (libevent's
    /// _evbuffer_read_setup_vecs with `exactly`).
    fn read_targets(&self, howmuch: usize) -> ReadTargets {
        let mut i = self.last_with_data().expect("chunks");
        if self.chunks[i].space() == 0 {
            i += 1;
        }
        // A fixed array: this runs twice per read, an allocation each time showed in profiles.
        let mut out = ReadTargets { t: [(0, 0); NUM_READ_IOVEC], n: 0 };
        let mut so_far = 0;
        while out.n < NUM_READ_IOVEC && so_far < howmuch && i < self.chunks.len() {
            let avail = self.chunks[i].space().min(howmuch - so_far);
            out.t[out.n] = (i, avail);
            out.n += 1;
            so_far += avail;
            i += 1;
        }
        out
    }

    /// Stores the bytes a read prepared by prepare_read(howmuch) returned.
    pub fn commit_read(&mut self, howmuch: usize, bytes: &[u8]) -> bool {
        if self.frozen_back {
            return false;
        }
        let mut rest = bytes;
        for &(i, _) in self.read_targets(howmuch).as_slice() {
            if rest.is_empty() {
                break;
            }
            let c = &mut self.chunks[i];
            let take = c.space().min(rest.len());
            c.push(&rest[..take]);
            rest = &rest[take..];
        }
        debug_assert!(rest.is_empty());
        self.total += bytes.len() - rest.len();
        true
    }
}

#[cfg(test)]
#[path = "evbuffer_tests.rs"]
mod tests;
