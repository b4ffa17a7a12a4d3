//! Shared proptest settings: a small default case count keeps
//! `cargo test -p ipc-core` fast; PROPTEST_CASES raises it (docs/testing.md).

use proptest::test_runner::Config;

/// `default` cases unless PROPTEST_CASES says otherwise.
pub fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    Config { cases, ..Config::default() }
}
