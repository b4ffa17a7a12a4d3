//! Property tests of the serialize() fast paths (src/serial.rs): the writers
//! produce PHP's canonical text, the parsers give it back, and any other
//! input (random or a mutated canonical form) is refused or parsed
//! consistently, never a panic.

mod common;

use ipc_core::serial::*;
use proptest::prelude::*;

/// The reference: `b` is the canonical decimal spelling of some i64.
fn canonical(b: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(b).ok()?;
    let v: i64 = s.parse().ok()?;
    (v.to_string() == s).then_some(v)
}

/// Bytes that are often close to a serialized int or string.
fn near_serial() -> impl Strategy<Value = Vec<u8>> {
    let alphabet = prop_oneof![
        4 => prop::sample::select(b"0123456789".to_vec()),
        1 => prop::sample::select(b"-+:;\"si \0".to_vec()),
        1 => any::<u8>(),
    ];
    prop::collection::vec(alphabet, 0..32)
}

/// A serialized int or string, then changed: one byte replaced, inserted or
/// removed, or the text cut or extended.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
    Append(Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Remove),
        any::<usize>().prop_map(Mutation::Truncate),
        prop::collection::vec(any::<u8>(), 1..4).prop_map(Mutation::Append),
    ]
}

fn apply(mut v: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let n = v.len();
        match m {
            Mutation::Replace(i, b) if n > 0 => v[i % n] = *b,
            Mutation::Insert(i, b) => v.insert(i % (n + 1), *b),
            Mutation::Remove(i) if n > 0 => {
                v.remove(i % n);
            }
            Mutation::Truncate(i) => v.truncate(i % (n + 1)),
            Mutation::Append(b) => v.extend_from_slice(b),
            _ => {}
        }
    }
    v
}

/// Runs every parser on `b`; each answer must be consistent with the others
/// and with the canonical reference.
fn check_parsers(b: &[u8]) -> Result<(), TestCaseError> {
    let want = canonical(b);
    prop_assert_eq!(parse_canonical_i64(b), want);
    for end in [b';', b':', b'"', b'5'] {
        if let Some((v, used)) = parse_i64_until(b, end) {
            prop_assert!(used >= 2 && used <= b.len());
            prop_assert_eq!(b[used - 1], end);
            prop_assert_eq!(parse_canonical_i64(&b[..used - 1]), Some(v));
        } else if end != b'5' {
            // A canonical prefix followed by a non-digit terminator is found.
            if let Some(p) = b.iter().position(|&c| c == end) {
                prop_assert_eq!(canonical(&b[..p]), None, "{:?}", String::from_utf8_lossy(b));
            }
        }
    }
    let split = split_string(b);
    prop_assert_eq!(string_body(b), split.map(|(_, p)| p));
    if let Some((len, payload)) = split {
        prop_assert_eq!(payload.len(), len);
        // Only the exact canonical form is accepted.
        let mut again = Vec::new();
        write_string(&mut again, payload);
        prop_assert_eq!(&again[2..], b);
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::config(512))]

    #[test]
    fn ints_round_trip(n in any::<i64>()) {
        let mut v = Vec::new();
        write_int(&mut v, n);
        prop_assert_eq!(&v, &format!("i:{n};").into_bytes());
        prop_assert_eq!(v.len(), int_len(n));
        let mut d = vec![0u8; int_len(n)];
        write_int_at(&mut d, n);
        prop_assert_eq!(&d, &v);
        prop_assert_eq!(parse_canonical_i64(&v[2..v.len() - 1]), Some(n));
        prop_assert_eq!(parse_i64_until(&v[2..], b';'), Some((n, v.len() - 2)));
        let mut w = Vec::new();
        write_i64(&mut w, n);
        prop_assert_eq!(w.len(), i64_len(n));
        prop_assert_eq!(w, n.to_string().into_bytes());
    }

    #[test]
    fn ints_round_trip_with_trailing_bytes(n in any::<i64>(), tail in prop::collection::vec(any::<u8>(), 0..8)) {
        let mut v = n.to_string().into_bytes();
        v.push(b';');
        v.extend_from_slice(&tail);
        prop_assert_eq!(parse_i64_until(&v, b';'), Some((n, n.to_string().len() + 1)));
    }

    #[test]
    fn strings_round_trip(b in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut v = Vec::new();
        write_string(&mut v, &b);
        prop_assert_eq!(&v[..2], b"s:");
        prop_assert_eq!(v.len(), string_len(b.len()));
        let mut d = vec![0u8; string_len(b.len())];
        write_string_at(&mut d, &b);
        prop_assert_eq!(&d, &v);
        prop_assert_eq!(split_string(&v[2..]), Some((b.len(), &b[..])));
        prop_assert_eq!(string_body(&v[2..]), Some(&b[..]));
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..64)) {
        check_parsers(&b)?;
    }

    #[test]
    fn near_serial_bytes_parse_consistently(b in near_serial()) {
        check_parsers(&b)?;
    }

    #[test]
    fn mutated_ints_parse_consistently(n in any::<i64>(), muts in prop::collection::vec(mutation(), 1..4)) {
        let v = apply(n.to_string().into_bytes(), &muts);
        check_parsers(&v)?;
        let mut t = v.clone();
        t.push(b';');
        check_parsers(&t)?;
    }

    #[test]
    fn mutated_strings_parse_consistently(
        b in prop::collection::vec(any::<u8>(), 0..40),
        muts in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut v = Vec::new();
        write_string(&mut v, &b);
        let m = apply(v[2..].to_vec(), &muts);
        check_parsers(&m)?;
    }

    #[test]
    fn string_lengths_near_the_limits(digits in "[0-9]{15,21}", body in prop::collection::vec(any::<u8>(), 0..8)) {
        // Declared lengths far past the data, or past usize/i64: refused.
        let mut v = digits.into_bytes();
        v.extend_from_slice(b":\"");
        v.extend_from_slice(&body);
        v.extend_from_slice(b"\";");
        check_parsers(&v)?;
        prop_assert_eq!(string_body(&v), None);
    }
}
