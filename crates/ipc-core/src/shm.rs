//! The segment layout of PHP's ext/sysvshm, on a byte slice.
//!
//! A segment starts with a 40-byte header
//! `{ magic: [u8; 8] = "PHP_SM\0\0", start: i64, end: i64, free: i64, total: i64 }`
//! followed, from `start` to `end`, by a list of chunks
//! `{ key: i64, length: i64, next: i64, data: [u8; length] }` where `next` is
//! the chunk's allocated size (a multiple of 8, at least 32). Integers are
//! native-endian `zend_long`s, as the C extension writes them.
//!
//! Native PHP trusts every offset in the segment. Another process can write
//! anything there, so here every offset read from the segment is checked
//! before it is used: a bad one gives [`Corrupted`], never an access outside
//! the slice. Each field is read once into a local and only that copy is
//! checked and used, so a concurrent writer cannot slip a value in between.

/// `sizeof(sysvshm_chunk_head)`.
pub const HEADER_SIZE: usize = 40;
/// Offset of the data in a chunk (`offsetof(sysvshm_chunk, mem)`).
pub const CHUNK_DATA: usize = 24;
/// `sizeof(sysvshm_chunk)` (the one-byte `mem` member padded to 8).
pub const CHUNK_SIZEOF: usize = 32;
/// The magic as `strcmp` sees it: "PHP_SM" and its NUL.
pub const MAGIC: &[u8; 7] = b"PHP_SM\0";

const OFF_START: usize = 8;
const OFF_END: usize = 16;
const OFF_FREE: usize = 24;
const OFF_TOTAL: usize = 32;

/// The segment's header or chunk list points outside the segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupted;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutError {
    /// `free` is smaller than the chunk (native: "Not enough shared memory left").
    NoSpace,
    Corrupted,
}

impl From<Corrupted> for PutError {
    fn from(_: Corrupted) -> Self {
        PutError::Corrupted
    }
}

/// A validated copy of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub start: usize,
    pub end: usize,
    pub free: usize,
    pub total: i64,
}

#[cfg(test)]
fn get(buf: &[u8], off: usize) -> Result<i64, Corrupted> {
    let b = buf.get(off..off.checked_add(8).ok_or(Corrupted)?).ok_or(Corrupted)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(i64::from_ne_bytes(a))
}

#[inline]
fn set(buf: &mut [u8], off: usize, v: i64) {
    buf[off..off + 8].copy_from_slice(&v.to_ne_bytes());
}

/// The chunk size native PHP allocates for `len` bytes of data.
#[inline]
pub fn chunk_size(len: usize) -> Option<usize> {
    let n = len.checked_add(CHUNK_SIZEOF - 1)?;
    (n / 8).checked_mul(8)?.checked_add(8)
}

/// Whether the segment carries the magic (native's `strcmp(magic, "PHP_SM")`).
#[inline]
pub fn has_magic(buf: &[u8]) -> bool {
    buf.len() >= MAGIC.len() && &buf[..MAGIC.len()] == MAGIC
}

/// Writes a fresh header as native `shm_attach` does for a segment without
/// the magic, except that the sizes never exceed the segment itself.
#[inline]
pub fn init(buf: &mut [u8], requested: usize) -> Result<(), Corrupted> {
    if buf.len() < HEADER_SIZE {
        return Err(Corrupted);
    }
    let total = requested.min(buf.len());
    buf[..MAGIC.len()].copy_from_slice(MAGIC);
    set(buf, OFF_START, HEADER_SIZE as i64);
    set(buf, OFF_END, HEADER_SIZE as i64);
    set(buf, OFF_TOTAL, total as i64);
    set(buf, OFF_FREE, total.saturating_sub(HEADER_SIZE) as i64);
    Ok(())
}

/// Reads and checks the header: `40 <= start <= end`, `end + free <= len`.
#[inline]
pub fn header(buf: &[u8]) -> Result<Header, Corrupted> {
    let hb: &[u8; HEADER_SIZE] = buf.get(..HEADER_SIZE).and_then(|b| b.try_into().ok()).ok_or(Corrupted)?;
    if &hb[..MAGIC.len()] != MAGIC {
        return Err(Corrupted);
    }
    let field = |off: usize| {
        i64::from_ne_bytes([
            hb[off],
            hb[off + 1],
            hb[off + 2],
            hb[off + 3],
            hb[off + 4],
            hb[off + 5],
            hb[off + 6],
            hb[off + 7],
        ])
    };
    let (start, end, free, total) = (field(OFF_START), field(OFF_END), field(OFF_FREE), field(OFF_TOTAL));
    let len = buf.len() as i64;
    if start < HEADER_SIZE as i64 || end < start || end > len || free < 0 || free > len - end {
        return Err(Corrupted);
    }
    Ok(Header { start: start as usize, end: end as usize, free: free as usize, total })
}

/// A chunk found in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub pos: usize,
    pub key: i64,
    /// The stored data length, unchecked (see [`data`]).
    pub length: i64,
    /// The chunk's allocated size, checked: `24 <= next`, `pos + next <= end`.
    pub next: usize,
}

#[inline]
fn chunk_at(buf: &[u8], h: &Header, pos: usize) -> Result<Chunk, Corrupted> {
    if pos.checked_add(CHUNK_DATA).ok_or(Corrupted)? > h.end {
        return Err(Corrupted);
    }
    let cb: &[u8; CHUNK_DATA] = buf.get(pos..pos + CHUNK_DATA).and_then(|b| b.try_into().ok()).ok_or(Corrupted)?;
    let field = |off: usize| {
        i64::from_ne_bytes([
            cb[off],
            cb[off + 1],
            cb[off + 2],
            cb[off + 3],
            cb[off + 4],
            cb[off + 5],
            cb[off + 6],
            cb[off + 7],
        ])
    };
    let (key, length, next) = (field(0), field(8), field(16));
    if next < CHUNK_DATA as i64 || next as u64 > (h.end - pos) as u64 {
        return Err(Corrupted);
    }
    Ok(Chunk { pos, key, length, next: next as usize })
}

/// Walks the chunk list for `key` (native `php_check_shm_data`).
#[inline]
pub fn find(buf: &[u8], key: i64) -> Result<Option<Chunk>, Corrupted> {
    let h = header(buf)?;
    find_in(buf, &h, key)
}

#[inline]
fn find_in(buf: &[u8], h: &Header, key: i64) -> Result<Option<Chunk>, Corrupted> {
    let mut pos = h.start;
    // Each step advances by at least CHUNK_DATA bytes, so this ends.
    while pos < h.end {
        let c = chunk_at(buf, h, pos)?;
        if c.key == key {
            return Ok(Some(c));
        }
        pos += c.next;
    }
    Ok(None)
}

/// Whether `key` is stored.
#[inline]
pub fn has(buf: &[u8], key: i64) -> Result<bool, Corrupted> {
    Ok(find(buf, key)?.is_some())
}

/// The data of a found chunk: its length must fit in the chunk.
#[inline]
pub fn data<'a>(buf: &'a [u8], c: &Chunk) -> Result<&'a [u8], Corrupted> {
    if c.length < 0 || c.length as u64 > (c.next - CHUNK_DATA) as u64 {
        return Err(Corrupted);
    }
    let from = c.pos + CHUNK_DATA;
    buf.get(from..from + c.length as usize).ok_or(Corrupted)
}

/// The stored data for `key`: `Ok(None)` when absent.
#[inline]
pub fn get_var(buf: &[u8], key: i64) -> Result<Option<&[u8]>, Corrupted> {
    match find(buf, key)? {
        Some(c) => data(buf, &c).map(Some),
        None => Ok(None),
    }
}

/// Removes the chunk at `c` (native `php_remove_shm_data`): the chunks after
/// it move down, `end` shrinks and `free` grows by its size.
#[inline]
pub fn remove_chunk(buf: &mut [u8], c: &Chunk) -> Result<(), Corrupted> {
    let h = header(buf)?;
    // Re-read the chunk against the header as it is now.
    let c = chunk_at(buf, &h, c.pos)?;
    let after = c.pos + c.next;
    buf.copy_within(after..h.end, c.pos);
    set(buf, OFF_FREE, (h.free + c.next) as i64);
    set(buf, OFF_END, (h.end - c.next) as i64);
    Ok(())
}

/// Removes `key`: `Ok(false)` when it is not stored.
#[inline]
pub fn remove_var(buf: &mut [u8], key: i64) -> Result<bool, Corrupted> {
    match find(buf, key)? {
        Some(c) => remove_chunk(buf, &c).map(|_| true),
        None => Ok(false),
    }
}

/// Stores `len` bytes under `key` (native `php_put_shm_data`): an existing
/// chunk for `key` is removed first (and stays removed if the new one does
/// not fit), then a chunk is appended at `end`. `fill` writes the data into
/// the slice it is given (exactly `len` bytes).
#[inline]
pub fn put_with(buf: &mut [u8], key: i64, len: usize, fill: impl FnOnce(&mut [u8])) -> Result<(), PutError> {
    let size = chunk_size(len).ok_or(PutError::NoSpace)?;
    let h = header(buf)?;
    let (mut end, mut free) = (h.end, h.free);
    // Native: `if (pos > 0) remove` (a chunk is never at offset 0). The
    // chunks after it move down; when it is the last one nothing moves.
    if let Some(c) = find_in(buf, &h, key)? {
        let after = c.pos + c.next;
        if after < end {
            buf.copy_within(after..end, c.pos);
        }
        end -= c.next;
        free += c.next;
    }
    // Still end + free <= len: the new chunk, if it fits in free, is inside.
    if free < size {
        set(buf, OFF_FREE, free as i64);
        set(buf, OFF_END, end as i64);
        return Err(PutError::NoSpace);
    }
    let pos = end;
    set(buf, pos, key);
    set(buf, pos + 8, len as i64);
    set(buf, pos + 16, size as i64);
    fill(&mut buf[pos + CHUNK_DATA..pos + CHUNK_DATA + len]);
    set(buf, OFF_END, (end + size) as i64);
    set(buf, OFF_FREE, (free - size) as i64);
    Ok(())
}

/// Stores `data` under `key`.
#[inline]
pub fn put(buf: &mut [u8], key: i64, data: &[u8]) -> Result<(), PutError> {
    put_with(buf, key, data.len(), |dst| dst.copy_from_slice(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(n: usize) -> Vec<u8> {
        let mut b = vec![0u8; n];
        init(&mut b, n).unwrap();
        b
    }

    fn hdr(b: &[u8]) -> (i64, i64, i64, i64) {
        (get(b, 8).unwrap(), get(b, 16).unwrap(), get(b, 24).unwrap(), get(b, 32).unwrap())
    }

    #[test]
    fn fresh_header_matches_native() {
        let b = seg(10000);
        // Bytes as native PHP 8.2 wrote them for shm_attach($k) (init_mem 10000).
        let mut want = Vec::new();
        want.extend_from_slice(b"PHP_SM\0\0");
        for v in [40i64, 40, 9960, 10000] {
            want.extend_from_slice(&v.to_ne_bytes());
        }
        assert_eq!(&b[..40], &want[..]);
    }

    #[test]
    fn chunk_sizes_match_native() {
        assert_eq!(chunk_size(0), Some(32));
        assert_eq!(chunk_size(1), Some(40));
        assert_eq!(chunk_size(6), Some(40));
        assert_eq!(chunk_size(8), Some(40));
        assert_eq!(chunk_size(9), Some(48));
        assert_eq!(chunk_size(10), Some(48));
        assert_eq!(chunk_size(100), Some(136));
        assert_eq!(chunk_size(usize::MAX), None);
    }

    #[test]
    fn put_get_remove_layout_matches_native() {
        // Native 8.2: put(1, <empty partial>), put(2, "i:123;"), put(-3, 's:3:"abc";'), remove(2).
        let mut b = seg(10000);
        put(&mut b, 1, b"").unwrap();
        put(&mut b, 2, b"i:123;").unwrap();
        put(&mut b, -3, b"s:3:\"abc\";").unwrap();
        assert_eq!(hdr(&b), (40, 160, 9840, 10000));
        assert_eq!(get(&b, 72).unwrap(), 2);
        assert_eq!(get(&b, 80).unwrap(), 6);
        assert_eq!(get(&b, 88).unwrap(), 40);
        assert_eq!(&b[96..102], b"i:123;");
        assert!(remove_var(&mut b, 2).unwrap());
        assert_eq!(hdr(&b), (40, 120, 9880, 10000));
        assert_eq!(get(&b, 72).unwrap(), -3);
        assert_eq!(get(&b, 80).unwrap(), 10);
        assert_eq!(get(&b, 88).unwrap(), 48);
        assert_eq!(get_var(&b, -3).unwrap(), Some(&b"s:3:\"abc\";"[..]));
        assert_eq!(get_var(&b, 2).unwrap(), None);
        assert!(!remove_var(&mut b, 2).unwrap());
        assert!(has(&b, 1).unwrap());
        assert_eq!(get_var(&b, 1).unwrap(), Some(&b""[..]));
    }

    #[test]
    fn replace_moves_the_var_to_the_end() {
        let mut b = seg(1000);
        put(&mut b, 1, b"aaaa").unwrap();
        put(&mut b, 2, b"bb").unwrap();
        put(&mut b, 1, b"cccccc").unwrap();
        assert_eq!(get(&b, 40).unwrap(), 2);
        assert_eq!(get_var(&b, 1).unwrap(), Some(&b"cccccc"[..]));
        assert_eq!(get_var(&b, 2).unwrap(), Some(&b"bb"[..]));
    }

    #[test]
    fn full_segment_removes_the_old_value_like_native() {
        // 200 bytes: one 100-byte value fits (136), a second does not.
        let mut b = seg(200);
        put(&mut b, 1, &[b'x'; 100]).unwrap();
        assert_eq!(put(&mut b, 2, &[b'x'; 100]), Err(PutError::NoSpace));
        assert!(has(&b, 1).unwrap());
        // Replacing key 1 by something too big drops key 1, as native does.
        assert_eq!(put(&mut b, 1, &[b'y'; 170]), Err(PutError::NoSpace));
        assert!(!has(&b, 1).unwrap());
        assert_eq!(hdr(&b), (40, 40, 160, 200));
        // Exactly filling the segment works.
        put(&mut b, 3, &[b'z'; 120]).unwrap();
        assert_eq!(hdr(&b).2, 8);
        assert_eq!(put(&mut b, 4, b""), Err(PutError::NoSpace));
    }

    #[test]
    fn init_never_claims_more_than_the_segment() {
        let mut b = vec![0u8; 100];
        init(&mut b, 10000).unwrap();
        assert_eq!(hdr(&b), (40, 40, 60, 100));
        assert_eq!(put(&mut b, 1, &[0; 40]), Err(PutError::NoSpace));
        put(&mut b, 1, &[7; 20]).unwrap();
        let mut small = vec![0u8; 39];
        assert_eq!(init(&mut small, 39), Err(Corrupted));
    }

    #[test]
    fn corrupted_headers_are_rejected() {
        let base = {
            let mut b = seg(4096);
            put(&mut b, 1, b"i:1;").unwrap();
            b
        };
        let cases: &[(usize, i64)] = &[
            (8, 0),          // start inside the header
            (8, -(1 << 40)), // negative start
            (8, 5000),       // start past end
            (16, 1 << 30),   // end past the segment
            (16, 39),        // end before start
            (16, -1),
            (24, -1),   // negative free
            (24, 4096), // end + free past the segment
            (24, i64::MAX),
            (16, i64::MAX),
        ];
        for &(off, v) in cases {
            let mut b = base.clone();
            set(&mut b, off, v);
            assert_eq!(header(&b), Err(Corrupted), "off {off} = {v}");
            assert_eq!(find(&b, 1), Err(Corrupted));
            assert_eq!(has(&b, 2), Err(Corrupted));
            assert_eq!(get_var(&b, 1), Err(Corrupted));
            assert_eq!(remove_var(&mut b, 1), Err(Corrupted));
            assert_eq!(put(&mut b, 2, b"x"), Err(PutError::Corrupted));
        }
        let mut b = base.clone();
        b[0] = b'X';
        assert_eq!(header(&b), Err(Corrupted));
    }

    #[test]
    fn corrupted_chunks_are_rejected() {
        let base = {
            let mut b = seg(4096);
            put(&mut b, 1, b"i:1;").unwrap();
            put(&mut b, 2, b"i:2;").unwrap();
            b
        };
        // The first chunk's next: zero, negative, too small, past end, huge.
        for v in [0i64, -8, -(1 << 62), 8, 23, 4096, i64::MAX, i64::MIN] {
            let mut b = base.clone();
            set(&mut b, 40 + 16, v);
            assert_eq!(find(&b, 2), Err(Corrupted), "next {v}");
            assert_eq!(put(&mut b, 2, b"i:3;"), Err(PutError::Corrupted));
            assert_eq!(remove_var(&mut b, 2), Err(Corrupted));
            // The first chunk itself is still found (native checks the key first)...
            let c = find(&b, 1).unwrap_or(None);
            // ...but removing it needs a valid size.
            if c.is_none() {
                assert_eq!(remove_var(&mut b, 1), Err(Corrupted));
            }
        }
        // A data length past the chunk: found, but its data is refused.
        for v in [-1i64, 17, 100, 1 << 20, i64::MAX, i64::MIN] {
            let mut b = base.clone();
            set(&mut b, 40 + 8, v);
            assert!(has(&b, 1).unwrap());
            assert_eq!(get_var(&b, 1), Err(Corrupted), "length {v}");
            assert_eq!(get_var(&b, 2).unwrap(), Some(&b"i:2;"[..]));
        }
        // end cutting a chunk header in half.
        let mut b = base.clone();
        set(&mut b, 16, 40 + 32 + 10);
        set(&mut b, 24, 100);
        assert_eq!(find(&b, 2), Err(Corrupted));
    }

    #[test]
    fn upstream_hostile_segments() {
        // php-src's shm_get_var_chunk_length_bounds: length PHP_INT_MAX in a
        // chunk spanning the whole segment.
        let mut b = vec![0u8; 4096];
        b[..7].copy_from_slice(MAGIC);
        set(&mut b, 8, 40);
        set(&mut b, 16, 4096);
        set(&mut b, 24, 0);
        set(&mut b, 32, 4096);
        set(&mut b, 40, 1);
        set(&mut b, 48, i64::MAX);
        set(&mut b, 56, 4096 - 40);
        b[64..69].copy_from_slice(b"i:42;");
        assert!(has(&b, 1).unwrap());
        assert_eq!(get_var(&b, 1), Err(Corrupted));
        // shm_attach_header_bounds: end 1 << 30.
        set(&mut b, 16, 1 << 30);
        assert_eq!(header(&b), Err(Corrupted));
    }

    #[test]
    fn random_garbage_never_panics() {
        // A small xorshift: fill segments with garbage (keeping the magic
        // sometimes) and run every operation; results may be anything but
        // nothing may panic or read out of bounds.
        let mut s: u64 = 0x9E3779B97F4A7C15;
        let mut rnd = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        for round in 0..3000 {
            let n = 40 + (rnd() % 300) as usize;
            let mut b = seg(n);
            for k in 0..(rnd() % 4) {
                let _ = put(&mut b, k as i64, &vec![b'q'; (rnd() % 60) as usize]);
            }
            for _ in 0..(1 + rnd() % 4) {
                let off = (rnd() as usize) % n;
                let v = match rnd() % 4 {
                    0 => rnd() as i64,
                    1 => (rnd() % 600) as i64 - 100,
                    2 => -(rnd() as i64 % 64),
                    _ => (rnd() % 8) as i64 * 8,
                };
                if off >= 8 && off + 8 <= n && round % 2 == 0 {
                    set(&mut b, off & !7, v);
                } else {
                    b[off] = v as u8;
                }
            }
            for k in -1..5i64 {
                let _ = has(&b, k);
                if let Ok(Some(d)) = get_var(&b, k) {
                    assert!(d.len() <= n);
                }
                let _ = put(&mut b, k, b"i:5;");
                let _ = remove_var(&mut b, k + 1);
            }
            let _ = header(&b);
        }
    }
}
