//! The client side of EventHttpRequest: a request made with
//! `new EventHttpRequest($callback, $data)` and sent with
//! EventHttpConnection::makeRequest() (the connection is `client_conn.rs`).
//!
//! While the request is queued or in flight the connection holds the
//! object (so a request the script dropped still gets its callback) and
//! `conn` points back to the connection (libevent's `req->evcon`); both
//! end when the callback is called, as in libevent.

use super::client_conn::ConnCore;
use super::*;
use std::rc::Weak;

pub(crate) struct ClientRequest {
    /// The request data (shared with the connection once it is made).
    pub cell: ReqCell,
    pub cb: Option<UserCallable>,
    pub arg: Option<zval>,
    /// The connection the request is queued on (libevent's `req->evcon`).
    pub conn: Option<Weak<ConnCore>>,
}

impl ClientRequest {
    pub fn new(cb: UserCallable, arg: Option<zval>) -> ClientRequest {
        ClientRequest { cell: new_req_cell(ReqData::default()), cb: Some(cb), arg, conn: None }
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
    fn live_conn(&self) -> Option<Rc<ConnCore>> {
        self.conn.as_ref()?.upgrade().filter(|c| !c.is_freed())
    }
    /// getBufferEvent(): the connection's bufferevent while the request is
    /// queued on a connected connection; NULL before it is sent, and in and
    /// after its callback (libevent detaches the request first).
    pub fn buffer_event(&self, rv: &mut zval) -> PhpResult {
        match self.live_conn() {
            Some(c) if c.new_bev_object(rv) => {}
            _ => zv::set_null(rv),
        }
        Ok(())
    }
    /// getConnection(): a new EventHttpConnection object over the request's
    /// connection (as PECL's), NULL when it has none.
    pub fn connection(&self, rv: &mut zval) -> PhpResult {
        match self.live_conn() {
            Some(c) => super::connection::new_internal_object(rv, c),
            None => zv::set_null(rv),
        }
        Ok(())
    }
    /// closeConnection(): closes the request's connection; its queued
    /// requests are dropped without callbacks, as evhttp_connection_free
    /// does. Unlike PECL, whose EventHttpConnection object then points to
    /// freed memory, the connection object stays usable (a later
    /// makeRequest() connects again).
    pub fn close_connection(&self) -> PhpResult {
        if let Some(c) = self.live_conn() {
            c.close_dropping_requests();
        }
        Ok(())
    }
    /// cancel(): evhttp_cancel_request: a request in flight closes its
    /// connection (the next one reconnects), a queued one leaves the queue;
    /// either way without its callback.
    pub fn cancel(&self) -> PhpResult {
        if let Some(c) = self.live_conn() {
            c.cancel(&self.cell);
        }
        Ok(())
    }
    /// free(): PECL leaves a client request as it is (no-op).
    pub fn free(&self) {}
}
