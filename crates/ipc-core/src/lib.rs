//! The pure-Rust core of php-ipc. Nothing here knows about PHP's engine, so
//! `cargo test -p ipc-core` covers it without a PHP build.

pub mod dns_conf;
pub mod dns_error;
pub mod dns_resolver;
pub mod dns_wire;
pub mod evbuffer;
pub mod evloop;
pub mod http;
pub mod http_chunked;
pub mod http_client;
#[cfg(test)]
mod http_client_tests;
#[cfg(test)]
mod http_prop_tests;
pub mod http_request;
pub mod http_response;
#[cfg(test)]
mod http_tests;
pub mod serial;
pub mod shm;
