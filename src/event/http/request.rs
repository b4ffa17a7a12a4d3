//! EventHttpRequest's PHP methods. The getters and header methods work on
//! the [`ReqData`] both sides share; the replies, getBufferEvent,
//! getConnection, closeConnection, cancel and free go to the side
//! (`conn::ServerReq` or `client::ClientRequest`).

use super::*;
use crate::event::buffer;
use ipc_core::http::Headers;

const BUF_T: Type = Type::class(c"EventBuffer");

pub(super) fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let [sleep, wakeup] = sleep_wakeup();
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct)).arg(c"callback", Type::CALLABLE).opt(
            c"data",
            Type::MIXED,
            c"null",
        ),
        sleep,
        wakeup,
        m(c"free", crate::handler!(free)).ret(Type::VOID),
        m(c"getCommand", crate::handler!(get_command)).ret(Type::INT),
        m(c"getHost", crate::handler!(get_host)).ret(Type::STRING),
        m(c"getUri", crate::handler!(get_uri)).ret(Type::STRING),
        m(c"getResponseCode", crate::handler!(get_response_code)).ret(Type::INT),
        m(c"getInputHeaders", crate::handler!(get_input_headers)).ret(Type::ARRAY),
        m(c"getOutputHeaders", crate::handler!(get_output_headers)).ret(Type::ARRAY),
        m(c"getInputBuffer", crate::handler!(get_input_buffer)).ret(BUF_T),
        m(c"getOutputBuffer", crate::handler!(get_output_buffer)).ret(BUF_T),
        m(c"getBufferEvent", crate::handler!(get_buffer_event)).ret(Type::class(c"EventBufferEvent").nullable()),
        m(c"getConnection", crate::handler!(get_connection)).ret(Type::class(c"EventHttpConnection").nullable()),
        m(c"closeConnection", crate::handler!(close_connection)).ret(Type::VOID),
        m(c"sendError", crate::handler!(send_error))
            .arg(c"error", Type::INT)
            .opt(c"reason", Type::STRING.nullable(), c"null")
            .ret(Type::VOID),
        m(c"sendReply", crate::handler!(send_reply))
            .arg(c"code", Type::INT)
            .arg(c"reason", Type::STRING)
            .opt(c"buf", BUF_T.nullable(), c"null")
            .ret(Type::VOID),
        m(c"sendReplyChunk", crate::handler!(send_reply_chunk)).arg(c"buf", BUF_T).ret(Type::VOID),
        m(c"sendReplyEnd", crate::handler!(send_reply_end)).ret(Type::VOID),
        m(c"sendReplyStart", crate::handler!(send_reply_start))
            .arg(c"code", Type::INT)
            .arg(c"reason", Type::STRING)
            .ret(Type::VOID),
        m(c"cancel", crate::handler!(cancel)).ret(Type::VOID),
        m(c"addHeader", crate::handler!(add_header))
            .arg(c"key", Type::STRING)
            .arg(c"value", Type::STRING)
            .arg(c"type", Type::INT)
            .ret(Type::BOOL),
        m(c"clearHeaders", crate::handler!(clear_headers)).ret(Type::VOID),
        m(c"removeHeader", crate::handler!(remove_header))
            .arg(c"key", Type::STRING)
            .arg(c"type", Type::INT)
            .ret(Type::BOOL),
        m(c"findHeader", crate::handler!(find_header))
            .arg(c"key", Type::STRING)
            .arg(c"type", Type::INT)
            .ret(Type::STRING.nullable()),
    ])
}

const OUTPUT_HEADER: i64 = 2;

fn state<'a>(a: &Args) -> &'a mut ReqState {
    &mut this::<EventHttpRequest>(a).state
}

/// The data of `$this`'s request; Error once it is gone.
fn data<'a>(a: &Args) -> PhpResult<std::cell::RefMut<'a, ReqData>> {
    state(a).data().ok_or_else(request_gone)
}

/// PECL's header-kind argument: OUTPUT_HEADER is the output headers,
/// anything else the input headers.
fn headers_of(d: &mut ReqData, kind: i64) -> &mut Headers {
    if kind == OUTPUT_HEADER {
        &mut d.core.output_headers
    } else {
        &mut d.core.input_headers
    }
}

/// new EventHttpRequest($callback, $data): a client request. PECL does not
/// check the callable here.
fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let req = client::ClientRequest::new(UserCallable::new(a.zval(0)), arg_or_null(a, 1));
    let old = std::mem::replace(state(a), ReqState::Client(req));
    drop(old);
    Ok(())
}

fn free(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match state(a) {
        ReqState::Gone => {}
        ReqState::Server(s) => s.free(),
        ReqState::Client(c) => c.free(),
    }
    Ok(())
}

fn get_command(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    zv::set_long(rv, i64::from(data(a)?.core.method.0));
    Ok(())
}

/// getHost(): Error where evhttp has no host (a request that was never
/// sent or came without Host header) and PECL crashes on the NULL.
fn get_host(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let host = data(a)?.core.host();
    let Some(host) = host else {
        return Err(error::error("EventHttpRequest::getHost(): the request has no host"));
    };
    zv::set_bytes(rv, &host);
    Ok(())
}

/// getUri(): Error for a request without URI (never sent), where PECL
/// crashes on the NULL.
fn get_uri(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let d = data(a)?;
    let Some(uri) = &d.core.uri else {
        return Err(error::error("EventHttpRequest::getUri(): the request has no URI"));
    };
    zv::set_bytes(rv, uri);
    Ok(())
}

fn get_response_code(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    zv::set_long(rv, i64::from(data(a)?.core.response_code));
    Ok(())
}

/// The headers as an array; a repeated name keeps its last value (PHP
/// array semantics, as PECL's add_assoc_string).
fn headers_array(h: &Headers) -> zval {
    let mut arr = zv::Array::new(h.len() as u32);
    for (k, v) in h.iter() {
        let mut z = zv::undef();
        zv::set_bytes(&mut z, v);
        arr.symtable_set(k, z);
    }
    arr.into_zval()
}

fn get_input_headers(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    *rv = headers_array(&data(a)?.core.input_headers);
    Ok(())
}

fn get_output_headers(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    *rv = headers_array(&data(a)?.core.output_headers);
    Ok(())
}

fn get_input_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let cell = data(a)?.input.clone();
    buffer::new_object(rv, cell);
    Ok(())
}

fn get_output_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let cell = data(a)?.output.clone();
    buffer::new_object(rv, cell);
    Ok(())
}

fn get_buffer_event(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match state(a) {
        ReqState::Gone => Err(request_gone()),
        ReqState::Server(s) => s.buffer_event(rv),
        ReqState::Client(c) => c.buffer_event(rv),
    }
}

fn get_connection(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match state(a) {
        ReqState::Gone => Err(request_gone()),
        ReqState::Server(s) => s.connection(rv),
        ReqState::Client(c) => c.connection(rv),
    }
}

fn close_connection(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match state(a) {
        ReqState::Gone => Err(request_gone()),
        ReqState::Server(s) => s.close_connection(),
        ReqState::Client(c) => c.close_connection(),
    }
}

fn cancel(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match state(a) {
        ReqState::Gone => Err(request_gone()),
        ReqState::Server(s) => s.cancel(),
        ReqState::Client(c) => c.cancel(),
    }
}

/// The reply methods answer server requests; on a client request they do
/// nothing, as PECL's (libevent drops a reply without a connection).
fn server_side<'a>(a: &Args) -> PhpResult<Option<&'a mut conn::ServerReq>> {
    match state(a) {
        ReqState::Gone => Err(request_gone()),
        ReqState::Server(s) => Ok(Some(s)),
        ReqState::Client(_) => Ok(None),
    }
}

fn send_error(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let code = a.long(0)?;
    let reason = a.bytes_or_null(1)?;
    match server_side(a)? {
        Some(s) => s.send_error(code as i32, reason),
        None => Ok(()),
    }
}

fn send_reply(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(2, 3)?;
    let code = a.long(0)?;
    let reason = a.bytes(1)?;
    let buf = a.object_of_or_null(2, ce_of::<buffer::EventBuffer>())?;
    // SAFETY: an EventBuffer object (checked above).
    let body = buf.map(|o| unsafe { buffer::cell_of(o) });
    match server_side(a)? {
        Some(s) => s.send_reply(code as i32, reason, body),
        None => Ok(()),
    }
}

fn send_reply_start(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let code = a.long(0)?;
    let reason = a.bytes(1)?;
    match server_side(a)? {
        Some(s) => s.send_reply_start(code as i32, reason),
        None => Ok(()),
    }
}

fn send_reply_chunk(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let buf = a.object_of(0, ce_of::<buffer::EventBuffer>())?;
    // SAFETY: an EventBuffer object (checked above).
    let body = unsafe { buffer::cell_of(buf) };
    match server_side(a)? {
        Some(s) => s.send_reply_chunk(&body),
        None => Ok(()),
    }
}

fn send_reply_end(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    match server_side(a)? {
        Some(s) => s.send_reply_end(),
        None => Ok(()),
    }
}

fn add_header(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 3)?;
    let key = a.bytes(0)?;
    let value = a.bytes(1)?;
    let kind = a.long(2)?;
    let ok = headers_of(&mut *data(a)?, kind).add(key, value);
    zv::set_bool(rv, ok);
    Ok(())
}

/// clearHeaders(): the output headers only (as on the oracle).
fn clear_headers(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    data(a)?.core.output_headers.clear();
    Ok(())
}

fn remove_header(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let key = a.bytes(0)?;
    let kind = a.long(1)?;
    let ok = headers_of(&mut *data(a)?, kind).remove(key);
    zv::set_bool(rv, ok);
    Ok(())
}

fn find_header(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let key = a.bytes(0)?;
    let kind = a.long(1)?;
    let mut d = data(a)?;
    match headers_of(&mut d, kind).find(key) {
        Some(v) => zv::set_bytes(rv, v),
        None => zv::set_null(rv),
    }
    Ok(())
}
