use super::*;
use proptest::prelude::*;

/// A reply to `q` as a server writes it: the question echoed, then answers.
pub(crate) fn reply(q: &[u8], rcode: u16, answers: &[(u16, Vec<u8>)]) -> Vec<u8> {
    let mut p = q[..2].to_vec();
    p.extend_from_slice(&(0x8180 | rcode).to_be_bytes());
    p.extend_from_slice(&[0, 1]);
    p.extend_from_slice(&(answers.len() as u16).to_be_bytes());
    p.extend_from_slice(&[0, 0, 0, 0]);
    p.extend_from_slice(&q[12..]);
    for (ty, data) in answers {
        p.extend_from_slice(&[0xc0, 0x0c]);
        p.extend_from_slice(&ty.to_be_bytes());
        p.extend_from_slice(&[0, 1, 0, 0, 0, 60]);
        p.extend_from_slice(&(data.len() as u16).to_be_bytes());
        p.extend_from_slice(data);
    }
    p
}

#[test]
fn query_layout_is_evdns_one() {
    let q = build_query(0x1234, b"Www.Example.com", TYPE_A).unwrap();
    let mut want = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
    want.extend_from_slice(b"\x03Www\x07Example\x03com\x00\x00\x01\x00\x01");
    assert_eq!(q, want);
    // A trailing dot ends the name; an empty label writes a zero byte.
    let q = build_query(1, b"a.", TYPE_AAAA).unwrap();
    assert_eq!(&q[12..], b"\x01a\x00\x00\x1c\x00\x01");
    let q = build_query(1, b"a..b", TYPE_A).unwrap();
    assert_eq!(&q[12..], b"\x01a\x00\x01b\x00\x00\x01\x00\x01");
    assert_eq!(build_query(1, &[b'x'; 64], TYPE_A), Err(BuildError::LabelTooLong));
    assert_eq!(build_query(1, &[b'x'; 63], TYPE_A).map(|q| q.len()), Ok(12 + 65 + 4));
    let long: Vec<u8> = std::iter::repeat_n(b"abc.".as_slice(), 64).flatten().copied().collect();
    assert_eq!(build_query(1, &long, TYPE_A), Err(BuildError::NameTooLong));
}

#[test]
fn answers_of_the_asked_type_only() {
    let q = build_query(7, b"foo", TYPE_A).unwrap();
    let r = reply(&q, 0, &[(TYPE_AAAA, vec![0; 16]), (TYPE_A, vec![127, 0, 0, 1, 10, 0, 0, 2]), (99, vec![1, 2, 3])]);
    match parse_reply(&r, &q, TYPE_A, true) {
        Parsed::Reply(a) => {
            assert_eq!(a.v4, vec![Ipv4Addr::new(127, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 2)]);
            assert!(a.v6.is_empty());
            assert!(a.have_answer);
            assert_eq!(a.ttl, 60);
        }
        other => panic!("{other:?}"),
    }
    let q6 = build_query(8, b"foo", TYPE_AAAA).unwrap();
    let r = reply(&q6, 0, &[(TYPE_A, vec![1, 2, 3, 4])]);
    match parse_reply(&r, &q6, TYPE_AAAA, true) {
        Parsed::Reply(a) => assert!(!a.have_answer && a.v4.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn errors_and_mismatches() {
    let q = build_query(7, b"foO", TYPE_A).unwrap();
    // NXDOMAIN parses; SERVFAIL and TC are errors without a reply.
    assert!(matches!(parse_reply(&reply(&q, 3, &[]), &q, TYPE_A, true), Parsed::Reply(_)));
    assert_eq!(parse_reply(&reply(&q, 2, &[]), &q, TYPE_A, true), Parsed::Bad);
    let mut tc = reply(&q, 0, &[]);
    tc[2] |= 0x02;
    assert_eq!(parse_reply(&tc, &q, TYPE_A, true), Parsed::Bad);
    // A query (QR clear) is ignored.
    assert_eq!(parse_reply(&q, &q, TYPE_A, true), Parsed::Ignore);
    // Another name, or the same name in another case when the case was
    // randomised, does not answer our question.
    let other = build_query(7, b"bar", TYPE_A).unwrap();
    assert_eq!(parse_reply(&reply(&other, 0, &[]), &q, TYPE_A, false), Parsed::Bad);
    let upper = build_query(7, b"FOO", TYPE_A).unwrap();
    assert_eq!(parse_reply(&reply(&upper, 0, &[]), &q, TYPE_A, true), Parsed::Bad);
    assert!(matches!(parse_reply(&reply(&upper, 0, &[]), &q, TYPE_A, false), Parsed::Reply(_)));
    // An A record whose length is not a multiple of 4, or truncated data.
    assert_eq!(parse_reply(&reply(&q, 0, &[(TYPE_A, vec![1, 2, 3])]), &q, TYPE_A, true), Parsed::Bad);
    let mut cut = reply(&q, 0, &[(TYPE_A, vec![1, 2, 3, 4])]);
    cut.truncate(cut.len() - 2);
    assert_eq!(parse_reply(&cut, &q, TYPE_A, true), Parsed::Bad);
    // Short packets have no header.
    assert_eq!(parse_reply(&[0x80; 11], &q, TYPE_A, true), Parsed::Ignore);
}

#[test]
fn compression_pointers() {
    let q = build_query(7, b"foo", TYPE_A).unwrap();
    // A pointer to itself loops: detected, not followed forever.
    let mut r = reply(&q, 0, &[]);
    r[7] = 1; // one answer
    let at = r.len();
    r.extend_from_slice(&[0xc0 | (at >> 8) as u8, at as u8]);
    r.extend_from_slice(&[0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4]);
    assert_eq!(parse_reply(&r, &q, TYPE_A, true), Parsed::Bad);
    // A pointer past the end.
    let mut r = reply(&q, 0, &[(TYPE_A, vec![1, 2, 3, 4])]);
    let n = r.len();
    r[n - 16] = 0xc3;
    assert_eq!(parse_reply(&r, &q, TYPE_A, true), Parsed::Bad);
    // The question compressed to a pointer into the header region still
    // parses as a name (whatever bytes are there) without a panic.
    let mut r = q.clone();
    r[2] |= 0x80;
    r.truncate(12);
    r.extend_from_slice(&[0xc0, 0x00, 0, 1, 0, 1]);
    let _ = parse_reply(&r, &q, TYPE_A, true);
}

#[test]
fn at_most_32_addresses() {
    let q = build_query(7, b"many", TYPE_A).unwrap();
    let data: Vec<u8> = (0..40u8).flat_map(|i| [10, 0, 0, i]).collect();
    match parse_reply(&reply(&q, 0, &[(TYPE_A, data)]), &q, TYPE_A, true) {
        Parsed::Reply(a) => assert_eq!(a.v4.len(), MAX_ADDRS),
        other => panic!("{other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_packets_never_panic(p in proptest::collection::vec(any::<u8>(), 0..600), exact in any::<bool>()) {
        let q = build_query(7, b"foo.example", TYPE_A).unwrap();
        let _ = parse_reply(&p, &q, TYPE_A, exact);
        let _ = parse_reply(&p, &q, TYPE_AAAA, exact);
    }

    #[test]
    fn mutated_replies_never_panic(
        edits in proptest::collection::vec((any::<u16>(), any::<u8>()), 1..8),
        cut in any::<u16>(),
    ) {
        let q = build_query(7, b"foo.example", TYPE_A).unwrap();
        let mut r = reply(&q, 0, &[(TYPE_CNAME, b"\x03bar\xc0\x0c".to_vec()), (TYPE_A, vec![1, 2, 3, 4])]);
        for (at, v) in edits {
            let n = r.len();
            r[at as usize % n] = v;
        }
        r.truncate(cut as usize % (r.len() + 1));
        let _ = parse_reply(&r, &q, TYPE_A, true);
    }

    #[test]
    fn names_round_trip(labels in proptest::collection::vec("[a-zA-Z0-9-]{1,20}", 1..6)) {
        let name = labels.join(".");
        let q = build_query(9, name.as_bytes(), TYPE_AAAA).unwrap();
        let r = reply(&q, 0, &[(TYPE_AAAA, vec![0; 16])]);
        match parse_reply(&r, &q, TYPE_AAAA, true) {
            Parsed::Reply(a) => prop_assert_eq!(a.v6.len(), 1),
            other => prop_assert!(false, "{:?}", other),
        }
    }
}
