//! socket_sendmsg / socket_recvmsg / socket_cmsg_space (in progress).
use crate::php::{error::PhpResult, zv, Args};
use ext_php_rs::ffi::zval;
pub fn sendmsg(a: &Args, rv: &mut zval) -> PhpResult { a.count(2, 3)?; zv::set_bool(rv, false); Ok(()) }
pub fn recvmsg(a: &Args, rv: &mut zval) -> PhpResult { a.count(2, 3)?; zv::set_bool(rv, false); Ok(()) }
pub fn cmsg_space(a: &Args, rv: &mut zval) -> PhpResult { a.count(2, 3)?; zv::set_null(rv); Ok(()) }
