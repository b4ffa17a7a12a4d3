//! One accepted EventHttp connection: bytes in, ipc-core's RequestParser,
//! dispatch to the callbacks, replies out (docs/event-http-core.md).

use super::*;
use crate::event::buffer::BufCell;

/// The server side of a request object: the request read from a
/// connection, answered through it.
pub(crate) struct ServerReq {
    pub cell: ReqCell,
}

fn not_yet() -> Thrown {
    throw_event("EventHttp is not available yet")
}

impl ServerReq {
    pub fn free(&self) {}
    pub fn buffer_event(&self, _rv: &mut zval) -> PhpResult {
        Err(not_yet())
    }
    pub fn connection(&self, rv: &mut zval) -> PhpResult {
        zv::set_null(rv);
        Ok(())
    }
    pub fn close_connection(&self) -> PhpResult {
        Err(not_yet())
    }
    pub fn cancel(&self) -> PhpResult {
        Err(not_yet())
    }
    pub fn send_error(&self, _code: i32, _reason: Option<&[u8]>) -> PhpResult {
        Err(not_yet())
    }
    pub fn send_reply(&self, _code: i32, _reason: &[u8], _body: Option<Rc<BufCell>>) -> PhpResult {
        Err(not_yet())
    }
    pub fn send_reply_start(&self, _code: i32, _reason: &[u8]) -> PhpResult {
        Err(not_yet())
    }
    pub fn send_reply_chunk(&self, _body: &BufCell) -> PhpResult {
        Err(not_yet())
    }
    pub fn send_reply_end(&self) -> PhpResult {
        Err(not_yet())
    }
}
