//! client side: owned by the EventHttpConnection work.
//!
//! A request made with `new EventHttpRequest($callback, $data)`, to be sent
//! with EventHttpConnection::makeRequest(). Placeholder: holds the callback,
//! its argument and the request data; nothing sends it yet. The side
//! methods below are what request.rs calls for a client request; their
//! placeholder bodies do what PECL does on a request that was never sent.

use super::*;

pub(crate) struct ClientRequest {
    /// The request data (shared with the connection once it is made).
    pub cell: ReqCell,
    pub cb: Option<UserCallable>,
    pub arg: Option<zval>,
}

impl ClientRequest {
    pub fn new(cb: UserCallable, arg: Option<zval>) -> ClientRequest {
        ClientRequest { cell: new_req_cell(ReqData::default()), cb: Some(cb), arg }
    }
    /// What the object releases at its destructor (as PECL's dtor).
    pub fn release_callbacks(&mut self) {
        let (cb, arg) = (self.cb.take(), self.arg.take());
        drop((cb, arg));
    }
    pub fn gc_zvals(&self, buf: &mut class::GcBuffer) {
        if let Some(cb) = &self.cb {
            buf.add(cb.zval());
        }
        if let Some(a) = &self.arg {
            buf.add(a);
        }
    }
    /// getBufferEvent(): NULL before the request is sent.
    pub fn buffer_event(&self, rv: &mut zval) -> PhpResult {
        zv::set_null(rv);
        Ok(())
    }
    /// getConnection(): NULL before the request is sent.
    pub fn connection(&self, rv: &mut zval) -> PhpResult {
        zv::set_null(rv);
        Ok(())
    }
    /// closeConnection(): nothing without a connection.
    pub fn close_connection(&self) -> PhpResult {
        Ok(())
    }
    /// cancel(): nothing before the request is sent.
    pub fn cancel(&self) -> PhpResult {
        Ok(())
    }
    /// free(): PECL leaves a client request as it is (no-op).
    pub fn free(&self) {}
}
