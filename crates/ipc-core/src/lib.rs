//! The pure-Rust core of php-ipc. Nothing here knows about PHP's engine, so
//! `cargo test -p ipc-core` covers it without a PHP build.

pub mod dns_conf;
pub mod dns_error;
pub mod dns_resolver;
pub mod dns_wire;
pub mod evbuffer;
pub mod evloop;
pub mod serial;
pub mod shm;
