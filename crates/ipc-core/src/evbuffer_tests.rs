use super::*;
use proptest::prelude::*;

fn contents(b: &EvBuffer) -> Vec<u8> {
    b.copy_range(0, b.len())
}

#[test]
fn chunking_follows_libevent() {
    // Values observed with PECL event 3.1.5 on libevent 2.1 (64-bit).
    let mut b = EvBuffer::new();
    assert_eq!((b.len(), b.contiguous_space()), (0, 0));
    b.add(b"hello");
    assert_eq!(b.contiguous_space(), 5);
    b.add(&[b'x'; 2000]);
    assert_eq!((b.len(), b.contiguous_space()), (2005, 976));
    b.add(&[b'y'; 5000]);
    assert_eq!((b.len(), b.contiguous_space()), (7005, 976));
    b.prepend(b"PRE");
    assert_eq!((b.len(), b.contiguous_space()), (7008, 3));
    b.drain(4);
    assert_eq!((b.len(), b.contiguous_space()), (7004, 975));
    assert!(b.pullup(10));
    assert_eq!(b.contiguous_space(), 975);
    assert!(b.pullup(-1));
    assert_eq!((b.len(), b.contiguous_space(), b.chunk_count()), (7004, 7004, 1));
}

#[test]
fn frozen_ends_refuse() {
    let mut b = EvBuffer::new();
    b.add(b"abc");
    b.freeze(true, true);
    assert!(b.add(b"d"));
    assert!(!b.prepend(b"x"));
    assert!(!b.drain(1));
    assert_eq!(b.copyout(2), None);
    assert_eq!(b.copyout(0), Some(vec![]));
    assert_eq!(b.read_line(EOL_ANY), None);
    b.freeze(true, false);
    b.freeze(false, true);
    assert!(!b.add(b"e"));
    assert!(b.prepend(b"x"));
    let mut src = EvBuffer::new();
    assert_eq!(b.append_from(&mut src, 1), -1);
    assert_eq!(contents(&b), b"xabcd");
}

#[test]
fn eol_styles() {
    let mut b = EvBuffer::new();
    b.add(b"abc\r\ndef\n\nghi\r\r\n\0jkl");
    assert_eq!(b.search_eol(None, EOL_ANY), Some((3, 2)));
    assert_eq!(b.search_eol(Some(5), EOL_ANY), Some((8, 2)));
    assert_eq!(b.search_eol(Some(4), EOL_CRLF), Some((4, 1)));
    assert_eq!(b.search_eol(Some(4), EOL_CRLF_STRICT), Some((14, 2)));
    assert_eq!(b.search_eol(Some(3), EOL_LF), Some((4, 1)));
    assert_eq!(b.search_eol(None, EOL_NUL), Some((16, 1)));
    assert_eq!(b.search_eol(None, 7), None);
    assert_eq!(b.read_line(EOL_ANY), Some(b"abc".to_vec()));
    assert_eq!(b.read_line(EOL_CRLF), Some(b"def".to_vec()));
    assert_eq!(b.read_line(EOL_CRLF_STRICT), Some(b"\nghi\r".to_vec()));
    assert_eq!(b.read_line(EOL_LF), None);
    assert_eq!(b.read_line(EOL_NUL), Some(b"".to_vec()));
    assert_eq!(contents(&b), b"jkl");
}

#[test]
fn search_ranges() {
    let mut b = EvBuffer::new();
    b.add(b"abc\r\ndef");
    assert_eq!(b.search(b"", Some(3), None), Some(3));
    assert_eq!(b.search(b"def", None, Some(7)), None);
    assert_eq!(b.search(b"def", None, Some(8)), Some(5));
    assert_eq!(b.search(b"d", Some(6), None), None);
}

#[test]
fn moving_chunks_keeps_bytes() {
    let mut a = EvBuffer::new();
    let mut b = EvBuffer::new();
    a.add(&[1; 3000]);
    a.add(&[2; 3000]);
    let chunks = a.chunk_count();
    let first = a.contiguous_space();
    assert_eq!(first, 4048);
    assert_eq!(b.append_from(&mut a, first), first as i64);
    assert_eq!(a.chunk_count(), chunks - 1);
    assert_eq!(b.contiguous_space(), first);
    assert!(b.add_buffer(&mut a));
    assert_eq!((a.len(), b.len()), (0, 6000));
}

#[test]
fn huge_expand_fails_cleanly() {
    let mut b = EvBuffer::new();
    assert!(!b.expand(usize::MAX));
    assert!(b.expand(0));
    assert!(b.expand(5000));
    assert_eq!(b.len(), 0);
}

#[derive(Debug, Clone)]
enum Op {
    Add(Vec<u8>),
    Prepend(Vec<u8>),
    Drain(usize),
    Remove(usize),
    ReadLine(i64),
    Pullup(i64),
    Expand(usize),
    MoveTo(usize),
    MoveBack,
    PrependBack,
    ReadIn(Vec<u8>),
    Search(Vec<u8>, Option<usize>, Option<usize>),
    SearchEol(Option<usize>, i64),
    Substr(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let data = prop::collection::vec(prop::sample::select(vec![b'a', b'b', b'\r', b'\n', 0u8]), 0..3000);
    prop_oneof![
        data.clone().prop_map(Op::Add),
        data.clone().prop_map(Op::Prepend),
        (0usize..4000).prop_map(Op::Drain),
        (0usize..4000).prop_map(Op::Remove),
        (0i64..6).prop_map(Op::ReadLine),
        (-1i64..5000).prop_map(Op::Pullup),
        (0usize..9000).prop_map(Op::Expand),
        (0usize..5000).prop_map(Op::MoveTo),
        Just(Op::MoveBack),
        Just(Op::PrependBack),
        prop::collection::vec(any::<u8>(), 0..5000).prop_map(Op::ReadIn),
        (
            prop::collection::vec(prop::sample::select(vec![b'a', b'b', b'\r', b'\n']), 0..4),
            prop::option::of(0usize..4000),
            prop::option::of(0usize..4000)
        )
            .prop_map(|(w, s, e)| Op::Search(w, s, e)),
        (prop::option::of(0usize..4000), 0i64..6).prop_map(|(s, t)| Op::SearchEol(s, t)),
        (0usize..4000, 0usize..4000).prop_map(|(s, n)| Op::Substr(s, n)),
    ]
}

/// An end of line as the model sees it: (position, eol length), at or after `s`.
fn model_eol_from(m: &[u8], s: usize, style: i64) -> Option<(usize, usize)> {
    let find = |set: &[u8]| m[s..].iter().position(|x| set.contains(x)).map(|p| p + s);
    match style {
        EOL_ANY => find(b"\r\n").map(|p| (p, m[p..].iter().take_while(|x| matches!(x, b'\r' | b'\n')).count())),
        EOL_CRLF => find(b"\n").map(|p| if p > s && m[p - 1] == b'\r' { (p - 1, 2) } else { (p, 1) }),
        EOL_CRLF_STRICT => m[s..].windows(2).position(|w| w == b"\r\n").map(|p| (p + s, 2)),
        EOL_LF => find(b"\n").map(|p| (p, 1)),
        EOL_NUL => find(b"\0").map(|p| (p, 1)),
        _ => None,
    }
}

/// A line as the model sees it: (line, eol length).
fn model_eol(m: &[u8], style: i64) -> Option<(usize, usize)> {
    let find = |set: &[u8]| m.iter().position(|x| set.contains(x));
    match style {
        EOL_ANY => find(b"\r\n").map(|p| (p, m[p..].iter().take_while(|x| matches!(x, b'\r' | b'\n')).count())),
        EOL_CRLF => find(b"\n").map(|p| if p > 0 && m[p - 1] == b'\r' { (p - 1, 2) } else { (p, 1) }),
        EOL_CRLF_STRICT => m.windows(2).position(|w| w == b"\r\n").map(|p| (p, 2)),
        EOL_LF => find(b"\n").map(|p| (p, 1)),
        EOL_NUL => find(b"\0").map(|p| (p, 1)),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn same_bytes_as_a_vec(ops in prop::collection::vec(op(), 1..40)) {
        let mut b = EvBuffer::new();
        let mut m: Vec<u8> = Vec::new();
        let mut other = EvBuffer::new();
        let mut om: Vec<u8> = Vec::new();
        for o in ops {
            match o {
                Op::Add(d) => { prop_assert!(b.add(&d)); m.extend_from_slice(&d); }
                Op::Prepend(d) => { prop_assert!(b.prepend(&d)); m.splice(0..0, d); }
                Op::Drain(n) => { prop_assert!(b.drain(n)); m.drain(..n.min(m.len())); }
                Op::Remove(n) => {
                    let got = b.remove(n).unwrap();
                    let want: Vec<u8> = m.drain(..n.min(m.len())).collect();
                    prop_assert_eq!(got, want);
                }
                Op::ReadLine(s) => {
                    let want = model_eol(&m, s).map(|(p, e)| { let l = m[..p].to_vec(); m.drain(..p + e); l });
                    prop_assert_eq!(b.read_line(s), want);
                }
                Op::Pullup(n) => {
                    let ok = b.pullup(n);
                    let size = if n < 0 { m.len() } else { n as usize };
                    prop_assert_eq!(ok, size != 0 && size <= m.len());
                    if ok { prop_assert!(b.contiguous_space() >= size); }
                }
                Op::Expand(n) => { prop_assert!(b.expand(n)); }
                Op::MoveTo(n) => {
                    let moved = other.append_from(&mut b, n);
                    let k = n.min(m.len());
                    prop_assert_eq!(moved, k as i64);
                    om.extend(m.drain(..k));
                }
                Op::MoveBack => { prop_assert!(b.add_buffer(&mut other)); m.append(&mut om); }
                Op::PrependBack => { prop_assert!(b.prepend_buffer(&mut other)); om.append(&mut m); std::mem::swap(&mut m, &mut om); }
                Op::ReadIn(d) => {
                    let want = d.len().min(MAX_READ);
                    let room = b.prepare_read(want).unwrap();
                    prop_assert_eq!(room, want);
                    prop_assert!(b.commit_read(want, &d[..want]));
                    m.extend_from_slice(&d[..want]);
                }
                Op::Search(w, s, e) => {
                    let s = s.filter(|&s| s <= m.len());
                    let e = e.filter(|&e| e <= m.len());
                    let from = s.unwrap_or(0);
                    let want = if w.is_empty() {
                        Some(from)
                    } else {
                        (from..m.len()).find(|&p| m[p..].starts_with(&w)).filter(|&p| e.is_none_or(|e| p + w.len() <= e))
                    };
                    prop_assert_eq!(b.search(&w, s, e), want);
                }
                Op::SearchEol(s, t) => {
                    let s = s.filter(|&s| s <= m.len());
                    prop_assert_eq!(b.search_eol(s, t), model_eol_from(&m, s.unwrap_or(0), t));
                }
                Op::Substr(s, n) => {
                    let s = s.min(m.len());
                    let n = n.min(m.len() - s);
                    prop_assert_eq!(b.copy_range(s, n), m[s..s + n].to_vec());
                }
            }
            prop_assert_eq!(b.len(), m.len());
            prop_assert_eq!(contents(&b), m.clone());
            prop_assert_eq!(other.len(), om.len());
            prop_assert_eq!(contents(&other), om.clone());
            prop_assert!(b.contiguous_space() <= b.len());
            if let Some(first) = m.first() {
                prop_assert_eq!(b.search(&[*first], None, None), Some(0));
            }
        }
    }
}

#[test]
fn reserve_space_gives_whole_chunks() {
    // libevent's TLS bufferevent reserves 4096 bytes and SSL_read fills the
    // whole chunk: PECL's first read callback sees 8144 bytes (observed).
    let mut b = EvBuffer::new();
    assert_eq!(b.reserve_space(4096), Some([8144, 0]));
    assert!(b.commit_read(8144, &[7u8; 8144]));
    assert_eq!(b.len(), 8144);
    // A full chunk: the next reservation is a new one.
    let [first, second] = b.reserve_space(4096).unwrap();
    assert!(first >= 4096 && second == 0, "{first} {second}");
    assert!(b.commit_read(10, b"0123456789"));
    assert_eq!(b.len(), 8154);
    assert_eq!(&contents(&b)[8144..], b"0123456789");
    b.freeze(false, true);
    assert_eq!(b.reserve_space(10), None);
}
