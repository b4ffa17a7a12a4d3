//! EventHttp, EventHttpRequest and EventHttpConnection: libevent's evhttp as
//! PECL event 3.1.5 exposes it, over ipc-core's HTTP/1 core
//! (crates/ipc-core/src/http*.rs, docs/event-http-core.md).
//!
//! - `server.rs`: EventHttp (bind/accept, callbacks, limits, aliases).
//! - `conn.rs`: one accepted server connection (parsing, dispatch, replies).
//! - `request.rs`: EventHttpRequest's PHP methods, for both sides.
//! - `client.rs`: the client side of a request (EventHttpConnection work).
//! - `connection.rs`: EventHttpConnection.
//!
//! # The request state shared by both sides
//!
//! An EventHttpRequest object holds a [`ReqState`]:
//! - `Server`: a request read by an EventHttp connection ([`conn::ServerReq`]).
//! - `Client`: a request made with `new EventHttpRequest($cb, $arg)` for
//!   EventHttpConnection::makeRequest ([`client::ClientRequest`]).
//! - `Gone`: free()d, or a server request whose reply is complete (libevent
//!   frees it then; PECL keeps a dangling pointer, ours raises Error).
//!
//! What both sides share is [`ReqData`]: ipc-core's [`Request`] (command,
//! URI, input and output headers, response code) and the input and output
//! evbuffers. The getters and header methods in `request.rs` work on it
//! through [`ReqState::data`]; the side-specific methods (replies,
//! getBufferEvent, getConnection, closeConnection, cancel) match on the
//! variant.

mod client;
mod client_conn;
mod conn;
mod connection;
mod request;
mod server;

use super::buffer::BufCell;
use super::*;
use ipc_core::http_request::Request;

/// What both sides of a request hold (libevent's evhttp_request fields).
#[derive(Default)]
pub(crate) struct ReqData {
    /// Method, URI, version, input and output headers, response code.
    /// For a client request: output headers are the request's, input
    /// headers and the response code are the response's.
    pub core: Request,
    /// The body received (server: the request body; client: the response
    /// body), shared with the EventBuffer objects getInputBuffer() returns.
    pub input: Rc<BufCell>,
    /// The body to send (client: the request body; server: unused by
    /// sendReply, which takes its own buffer, as evhttp).
    pub output: Rc<BufCell>,
}

/// A request's data, shared between the EventHttpRequest object and the
/// connection that reads or answers it. None once the request is gone.
/// Never borrowed across a call into PHP code.
pub(crate) type ReqCell = Rc<RefCell<Option<ReqData>>>;

/// A new live request cell.
pub(crate) fn new_req_cell(data: ReqData) -> ReqCell {
    Rc::new(RefCell::new(Some(data)))
}

/// The native state of an EventHttpRequest object (see the module doc).
#[derive(Default)]
pub(crate) enum ReqState {
    /// An object that never had a request (constructor not run).
    #[default]
    Gone,
    Server(conn::ServerReq),
    Client(client::ClientRequest),
}

impl ReqState {
    /// The shared data of the request, if any.
    pub fn cell(&self) -> Option<&ReqCell> {
        match self {
            ReqState::Gone => None,
            ReqState::Server(s) => Some(&s.cell),
            ReqState::Client(c) => Some(&c.cell),
        }
    }
    /// The data of a live request; None once it is gone.
    pub fn data(&self) -> Option<std::cell::RefMut<'_, ReqData>> {
        std::cell::RefMut::filter_map(self.cell()?.borrow_mut(), Option::as_mut).ok()
    }
}

#[derive(Default)]
pub struct EventHttpRequest {
    pub(crate) state: ReqState,
    no_props: class::EmptyProps,
}

impl class::ShowsNoProperties for EventHttpRequest {
    fn empty_props(&mut self) -> &mut class::EmptyProps {
        &mut self.no_props
    }
}

impl NativeClass for EventHttpRequest {
    const NAME: &'static std::ffi::CStr = c"EventHttpRequest";
    const RELEASES_AT_DESTRUCT: bool = true;
    fn released_by_destructor(&mut self) {
        if let ReqState::Client(c) = &mut self.state {
            c.release_callbacks();
        }
    }
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
    fn gc_zvals(&mut self, buf: &mut class::GcBuffer) {
        if let ReqState::Client(c) = &mut self.state {
            c.gc_zvals(buf);
        }
    }
}

/// The Error for a request object that no longer has a request (free()d,
/// answered, or its connection gone), where PECL touches freed memory.
fn request_gone() -> Thrown {
    error::error("EventHttpRequest object has been freed")
}

/// Registers the three classes in PECL's order (from the group's startup,
/// after EventListener).
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    connection::register();
    server::register();
    let ce =
        class::register::<EventHttpRequest>(request::methods(), std::ptr::null_mut(), ACC_FINAL | ACC_NOT_SERIALIZABLE);
    shows_no_properties::<EventHttpRequest>();
    for (n, v) in [
        ("CMD_GET", 1),
        ("CMD_POST", 2),
        ("CMD_HEAD", 4),
        ("CMD_PUT", 8),
        ("CMD_DELETE", 16),
        ("CMD_OPTIONS", 32),
        ("CMD_TRACE", 64),
        ("CMD_CONNECT", 128),
        ("CMD_PATCH", 256),
        ("INPUT_HEADER", 1),
        ("OUTPUT_HEADER", 2),
    ] {
        class::declare_long_const(ce, n, v);
    }
}

/// `__sleep`/`__wakeup` of the three classes: never reached (the classes
/// are not serialisable: PHP's own exception comes first), kept for
/// Reflection.
fn not_serializable(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    Err(throw_event("EventHttp instances are not serializable"))
}

/// PECL's objects of the three classes: no properties shown (dynamic ones
/// included; PECL crashes reading those), compared as standard objects.
///
/// # Safety
/// Call only from MINIT, after `register::<T>`.
unsafe fn shows_no_properties<T: class::ShowsNoProperties>() {
    (*class::handlers_mut::<T>()).get_properties = Some(class::no_properties::<T>);
    class::compare_as_standard_objects::<T>();
}

/// `__sleep` and `__wakeup` entries (Reflection: final public).
fn sleep_wakeup() -> [FnDef; 2] {
    let fin = ACC_PUBLIC | crate::php::func::ACC_FINAL;
    [
        FnDef::new(c"__sleep", crate::handler!(not_serializable)).flags(fin).ret(Type::ARRAY),
        FnDef::new(c"__wakeup", crate::handler!(not_serializable)).flags(fin).ret(Type::VOID),
    ]
}
