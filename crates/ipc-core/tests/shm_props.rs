//! Property tests of the sysvshm segment reader/writer (src/shm.rs): random
//! put/get/remove sequences agree with a plain model of native's layout, and
//! segments with random bytes overwritten (what another process may write)
//! never make an operation panic or hand out bytes outside the segment.

mod common;

use ipc_core::shm::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Put(i64, Vec<u8>),
    Get(i64),
    Has(i64),
    Remove(i64),
}

fn key() -> impl Strategy<Value = i64> {
    prop_oneof![4 => -2i64..6, 1 => any::<i64>()]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (key(), prop::collection::vec(any::<u8>(), 0..120)).prop_map(|(k, d)| Op::Put(k, d)),
        2 => key().prop_map(Op::Get),
        1 => key().prop_map(Op::Has),
        2 => key().prop_map(Op::Remove),
    ]
}

/// Native's layout as a list: chunks in storage order, and the free bytes.
struct Model {
    vars: Vec<(i64, Vec<u8>)>,
    free: usize,
}

impl Model {
    fn put(&mut self, k: i64, d: &[u8]) -> Result<(), PutError> {
        if let Some(i) = self.vars.iter().position(|(x, _)| *x == k) {
            let (_, old) = self.vars.remove(i);
            self.free += chunk_size(old.len()).unwrap();
        }
        let size = chunk_size(d.len()).unwrap();
        if self.free < size {
            return Err(PutError::NoSpace);
        }
        self.free -= size;
        self.vars.push((k, d.to_vec()));
        Ok(())
    }
    fn get(&self, k: i64) -> Option<&[u8]> {
        self.vars.iter().find(|(x, _)| *x == k).map(|(_, d)| &d[..])
    }
    fn remove(&mut self, k: i64) -> bool {
        match self.vars.iter().position(|(x, _)| *x == k) {
            Some(i) => {
                let (_, old) = self.vars.remove(i);
                self.free += chunk_size(old.len()).unwrap();
                true
            }
            None => false,
        }
    }
}

fn fresh(size: usize) -> Vec<u8> {
    let mut b = vec![0u8; size];
    init(&mut b, size).unwrap();
    b
}

/// Every operation on a possibly corrupted segment: any result, no panic,
/// and whatever is returned lies inside the segment and its chunk.
fn poke(b: &mut [u8], keys: &[i64]) -> Result<(), TestCaseError> {
    let len = b.len();
    if let Ok(h) = header(b) {
        prop_assert!(h.start >= HEADER_SIZE && h.start <= h.end && h.end <= len && h.end + h.free <= len);
    }
    for &k in keys {
        let _ = has(b, k);
        if let Ok(Some(c)) = find(b, k) {
            let h = header(b).unwrap();
            prop_assert!(c.pos >= h.start && c.next >= CHUNK_DATA && c.pos + c.next <= h.end);
            if let Ok(d) = data(b, &c) {
                prop_assert!(d.len() as u64 == c.length as u64 && CHUNK_DATA + d.len() <= c.next);
            }
        }
        if let Ok(Some(d)) = get_var(b, k) {
            prop_assert!(d.len() <= len);
        }
        let _ = put(b, k, b"i:1;");
        if let Ok(h) = header(b) {
            prop_assert!(h.end + h.free <= len);
        }
        let _ = remove_var(b, k.wrapping_add(1));
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Damage {
    /// A native-endian i64 at an 8-aligned offset (header fields, chunk heads).
    Word(usize, i64),
    Byte(usize, u8),
    /// The mapping is shorter than what the header claims.
    Truncate(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let word = prop_oneof![any::<i64>(), -64i64..600, (0i64..80).prop_map(|w| w * 8), Just(i64::MAX), Just(i64::MIN),];
    prop_oneof![
        4 => (any::<usize>(), word).prop_map(|(o, v)| Damage::Word(o, v)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(o, v)| Damage::Byte(o, v)),
        1 => any::<usize>().prop_map(Damage::Truncate),
    ]
}

proptest! {
    #![proptest_config(common::config(256))]

    #[test]
    fn operations_match_the_model(size in 40usize..1200, ops in prop::collection::vec(op(), 0..60)) {
        let mut b = fresh(size);
        let mut m = Model { vars: Vec::new(), free: size - HEADER_SIZE };
        for o in &ops {
            match o {
                Op::Put(k, d) => prop_assert_eq!(put(&mut b, *k, d), m.put(*k, d)),
                Op::Get(k) => prop_assert_eq!(get_var(&b, *k).unwrap(), m.get(*k)),
                Op::Has(k) => prop_assert_eq!(has(&b, *k).unwrap(), m.get(*k).is_some()),
                Op::Remove(k) => prop_assert_eq!(remove_var(&mut b, *k).unwrap(), m.remove(*k)),
            }
            let h = header(&b).unwrap();
            let used: usize = m.vars.iter().map(|(_, d)| chunk_size(d.len()).unwrap()).sum();
            prop_assert_eq!((h.start, h.end, h.free, h.total), (HEADER_SIZE, HEADER_SIZE + used, m.free, size as i64));
        }
        // The chunks are laid out in the model's order, back to back.
        let mut pos = HEADER_SIZE;
        for (k, d) in &m.vars {
            let c = find(&b, *k).unwrap().unwrap();
            prop_assert_eq!(c.pos, pos);
            prop_assert_eq!(data(&b, &c).unwrap(), &d[..]);
            pos += chunk_size(d.len()).unwrap();
        }
    }

    #[test]
    fn damaged_segments_never_panic(
        size in 40usize..700,
        ops in prop::collection::vec(op(), 0..12),
        damages in prop::collection::vec(damage(), 1..5),
    ) {
        let mut b = fresh(size);
        for o in &ops {
            if let Op::Put(k, d) = o {
                let _ = put(&mut b, *k, d);
            }
        }
        for d in &damages {
            let n = b.len();
            match *d {
                Damage::Word(o, v) if n >= 16 => {
                    let o = (o % (n - 7)) & !7;
                    b[o..o + 8].copy_from_slice(&v.to_ne_bytes());
                }
                Damage::Byte(o, v) if n > 0 => b[o % n] = v,
                Damage::Truncate(o) => b.truncate(o % (n + 1)),
                _ => {}
            }
        }
        poke(&mut b, &[-1, 0, 1, 2, 3, 4, 5, i64::MAX])?;
    }

    #[test]
    fn random_bytes_with_the_magic_never_panic(mut b in prop::collection::vec(any::<u8>(), 0..400), magic in any::<bool>()) {
        if magic && b.len() >= MAGIC.len() {
            b[..MAGIC.len()].copy_from_slice(MAGIC);
        }
        poke(&mut b, &[0, 1, 2])?;
    }
}
