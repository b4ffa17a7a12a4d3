use super::*;
use proptest::prelude::*;

fn no_if(_: &[u8]) -> u32 {
    0
}

fn ns(s: &str) -> Option<String> {
    parse_sockaddr_port(s.as_bytes(), &no_if).map(|a| format_sockaddr(&a))
}

#[test]
fn nameserver_addresses_as_pecl_accepts_them() {
    // Accepted or refused as PECL event 3.1.5 (libevent 2.1.12) does.
    assert_eq!(ns("127.0.0.1"), Some("127.0.0.1:0".into()));
    assert_eq!(ns("127.0.0.1:53"), Some("127.0.0.1:53".into()));
    assert_eq!(ns(" 1.2.3.4"), Some("1.2.3.4:0".into()));
    assert_eq!(ns("+1.2.3.4"), Some("1.2.3.4:0".into()));
    assert_eq!(ns("1. 2.3.4"), Some("1.2.3.4:0".into()));
    assert_eq!(ns("01.02.03.004"), Some("1.2.3.4:0".into()));
    assert_eq!(ns("4294967297.1.1.1"), Some("1.1.1.1:0".into()));
    assert_eq!(ns("1.2.3.4:53x"), Some("1.2.3.4:53".into()));
    assert_eq!(ns("1.2.3.4: 53"), Some("1.2.3.4:53".into()));
    assert_eq!(ns("1.2.3.4:+54"), Some("1.2.3.4:54".into()));
    assert_eq!(ns("1.2.3.6:00053"), Some("1.2.3.6:53".into()));
    assert_eq!(ns("1.2.3.4:65535"), Some("1.2.3.4:65535".into()));
    for bad in [
        "bogus",
        "",
        "256.1.1.1",
        "1.2.3.4 ",
        "1.2.3.4x",
        "-1.2.3.4",
        "1.2.3.4:99999",
        "1.2.3.4:0",
        "1.2.3",
        "[::2]:",
        "[::4",
        "1::2::3",
        "[ ::6]",
        ":::",
        "1.2.3.5:65536",
        "0x7f.0.0.1",
        "127.1",
        "1.2.3.7:-1",
    ] {
        assert_eq!(ns(bad), None, "{bad:?}");
    }
    assert_eq!(ns("[::1]:53"), Some("[::1]:53".into()));
    assert_eq!(ns("::1"), Some("[::1]:0".into()));
    assert_eq!(ns("[::1]"), Some("[::1]:0".into()));
    assert_eq!(ns("[::3]x"), Some("[::3]:0".into()));
    assert_eq!(ns("::5:"), Some("[::5]:0".into()));
    assert_eq!(ns("1:2:3:4:5:6:7:8"), Some("[1:2:3:4:5:6:7:8]:0".into()));
    assert_eq!(ns("::FFFF:1.2.3.4"), Some("[::ffff:1.2.3.4]:0".into()));
    assert_eq!(ns("fe80::1%7"), Some("[fe80::1]:0".into()));
    assert_eq!(ns("fe80::1%nosuchif"), None);
    let lo = |n: &[u8]| if n == b"lo" { 1 } else { 0 };
    match parse_sockaddr_port(b"[fe80::1%lo]:53", &lo) {
        Some(SocketAddr::V6(v)) => assert_eq!((v.port(), v.scope_id()), (53, 1)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn ipv6_reader_edges() {
    assert_eq!(parse_v6(b"::"), Some(Ipv6Addr::UNSPECIFIED));
    assert_eq!(parse_v6(b"1::"), Some("1::".parse().unwrap()));
    assert_eq!(parse_v6(b"1:"), None);
    assert_eq!(parse_v6(b":5"), None);
    assert_eq!(parse_v6(b"12345::"), None);
    assert_eq!(parse_v6(b"1:2:3:4:5:6:7:8:9"), None);
    assert_eq!(parse_v6(b"1:2:3:4:5:6:1.2.3.4"), Some("1:2:3:4:5:6:102:304".parse().unwrap()));
    assert_eq!(parse_v6(b"1:2:3:4:5:6:7:1.2.3.4"), None);
    assert_eq!(parse_v6(b".1"), None);
}

#[test]
fn option_values() {
    assert!(option_matches(b"timeout:", "timeout:"));
    assert!(option_matches(b"timeout", "timeout:"));
    assert!(option_matches(b"timeout:junk", "timeout:"));
    assert!(!option_matches(b"timeou", "timeout:"));
    assert!(!option_matches(b"timeoutx:", "timeout:"));
    assert!(!option_matches(b"", "ndots:"));
    assert_eq!(strtoint(b"3"), 3);
    assert_eq!(strtoint(b" 3"), 3);
    assert_eq!(strtoint(b""), 0);
    assert_eq!(strtoint(b"3 "), -1);
    assert_eq!(strtoint(b"0x3"), -1);
    assert_eq!(strtoint(b"-5"), -5);
    assert_eq!(strtoint(b"99999999999999999999"), -1);
    assert_eq!(strtoint(b"4294967296"), 0);
    assert_eq!(strtoint_clipped(b"300", 1, 255), 255);
    assert_eq!(strtoint_clipped(b"0", 1, 255), 1);
    assert_eq!(strtotimeval(b"2"), Some(2_000_000_000));
    assert_eq!(strtotimeval(b" 1"), Some(1_000_000_000));
    assert_eq!(strtotimeval(b"1e1"), Some(10_000_000_000));
    assert_eq!(strtotimeval(b"0x10"), Some(16_000_000_000));
    assert_eq!(strtotimeval(b"0.001"), Some(1_000_000));
    assert_eq!(strtotimeval(b"0.0009"), None);
    assert_eq!(strtotimeval(b"0"), None);
    assert_eq!(strtotimeval(b""), None);
    assert_eq!(strtotimeval(b"-1"), None);
    assert_eq!(strtotimeval(b"abc"), None);
    assert!(strtotimeval(b"inf").is_some());
    assert!(strtotimeval(b"nan").is_some());
}

#[test]
fn resolv_conf_lines() {
    let t = b"nameserver 127.0.0.1\nnameserver 1.2.3.4,5.6.7.8 9.9.9.9\n# c\nsearch a.example\tb.example\n\
              domain d.example\noptions ndots:2 timeout:1 rotate\nbogus\n\n  nameserver\n";
    assert_eq!(
        parse_resolv_conf(t),
        vec![
            ConfLine::Nameserver(b"127.0.0.1".to_vec()),
            ConfLine::Nameserver(b"1.2.3.4,5.6.7.8".to_vec()),
            ConfLine::Search(vec![b"a.example".to_vec(), b"b.example".to_vec()]),
            ConfLine::Domain(b"d.example".to_vec()),
            ConfLine::Options(vec![
                (b"ndots:2".to_vec(), b"2".to_vec()),
                (b"timeout:1".to_vec(), b"1".to_vec()),
                (b"rotate".to_vec(), b"".to_vec()),
            ]),
        ]
    );
}

#[test]
fn hosts_lines() {
    let t =
        b"::1 h6first\n127.0.0.1 h6first\n127.0.0.1 v4 # c\n#x\n  127.0.0.1\tTabbed  other\r\n1.2.3.4:80 withport\n\
              10.0.0.1 a#b c\n10.0.0.2 #all\nbad x\n";
    let names: Vec<(String, String)> =
        parse_hosts(t, &no_if).into_iter().map(|(n, a)| (String::from_utf8(n).unwrap(), a.ip().to_string())).collect();
    let want = [
        ("h6first", "::1"),
        ("h6first", "127.0.0.1"),
        ("v4", "127.0.0.1"),
        ("Tabbed", "127.0.0.1"),
        ("other\r", "127.0.0.1"),
        ("a", "10.0.0.1"),
    ];
    assert_eq!(names, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

proptest! {
    #[test]
    fn address_parsers_never_panic(s in proptest::collection::vec(any::<u8>(), 0..80)) {
        let _ = parse_sockaddr_port(&s, &no_if);
        let _ = parse_v6(&s);
        let _ = strtotimeval(&s);
        let _ = strtoint(&s);
        let _ = parse_hosts(&s, &no_if);
        let _ = parse_resolv_conf(&s);
    }

    #[test]
    fn dotted_quads_round_trip(a in any::<[u8; 4]>()) {
        let ip = Ipv4Addr::from(a);
        prop_assert_eq!(parse_v4(ip.to_string().as_bytes()), Some(ip));
    }

    #[test]
    fn ipv6_round_trip(a in any::<[u16; 8]>()) {
        let ip = Ipv6Addr::from(a);
        prop_assert_eq!(parse_v6(ip.to_string().as_bytes()), Some(ip));
    }
}
