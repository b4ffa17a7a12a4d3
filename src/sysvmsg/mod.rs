//! ext/sysvmsg: System V message queues.

use crate::native_class;
use crate::php::alloc::EngineBuf;
use crate::php::class::{self, ACC_FINAL, ACC_NOT_SERIALIZABLE, ACC_NO_DYNAMIC_PROPERTIES};
use crate::php::error::{self, warning, PhpResult, Thrown};
use crate::php::module::{long_constant, Group};
use crate::php::serialize::{self, SmartStr};
use crate::php::types::{Type, MAY_BE_ARRAY, MAY_BE_FALSE};
use crate::php::{ffi, zv, Args, FnDef};
use crate::sys::msg::{self as sysmsg, HEADER};
use ext_php_rs::ffi::zval;
use std::cell::RefCell;
use std::os::raw::c_int;

pub(crate) mod timed;

pub static GROUP: Group = Group {
    name: c"sysvmsg",
    version: None,
    functions,
    startup,
    shutdown: None,
    request_startup: None,
    request_shutdown: None,
    info: || vec![("sysvmsg support".into(), "enabled".into())],
};

/// PHP-level flag values (independent of the platform's).
const PHP_MSG_IPC_NOWAIT: i64 = 1;
const PHP_MSG_NOERROR: i64 = 2;
const PHP_MSG_EXCEPT: i64 = 4;

/// Receive buffers up to this size are kept and reused; larger ones are
/// allocated per call through the engine, as native does.
const REUSE_LIMIT: usize = 1 << 20;

#[derive(Default)]
pub struct SysvMessageQueue {
    key: libc::key_t,
    id: i64,
}
native_class!(
    SysvMessageQueue,
    c"SysvMessageQueue",
    no_construct = c"Cannot directly construct SysvMessageQueue, use msg_get_queue() instead"
);

const QUEUE: Type = Type::class(c"SysvMessageQueue");

fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"msg_get_queue", crate::handler!(msg_get_queue))
            .arg(c"key", Type::INT)
            .opt(c"permissions", Type::INT, c"0666")
            .ret(QUEUE.or(Type::mask(MAY_BE_FALSE))),
        FnDef::new(c"msg_send", crate::handler!(msg_send))
            .arg(c"queue", QUEUE)
            .arg(c"message_type", Type::INT)
            .arg(c"message", Type::NONE)
            .opt(c"serialize", Type::BOOL, c"true")
            .opt(c"blocking", Type::BOOL, c"true")
            .opt_ref(c"error_code", Type::NONE, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"msg_receive", crate::handler!(msg_receive))
            .arg(c"queue", QUEUE)
            .arg(c"desired_message_type", Type::INT)
            .arg_ref(c"received_message_type", Type::NONE)
            .arg(c"max_message_size", Type::INT)
            .arg_ref(c"message", Type::MIXED)
            .opt(c"unserialize", Type::BOOL, c"true")
            .opt(c"flags", Type::INT, c"0")
            .opt_ref(c"error_code", Type::NONE, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"msg_remove_queue", crate::handler!(msg_remove_queue)).arg(c"queue", QUEUE).ret(Type::BOOL),
        FnDef::new(c"msg_stat_queue", crate::handler!(msg_stat_queue))
            .arg(c"queue", QUEUE)
            .ret(Type::mask(MAY_BE_ARRAY | MAY_BE_FALSE)),
        FnDef::new(c"msg_set_queue", crate::handler!(msg_set_queue))
            .arg(c"queue", QUEUE)
            .arg(c"data", Type::ARRAY)
            .ret(Type::BOOL),
        FnDef::new(c"msg_queue_exists", crate::handler!(msg_queue_exists)).arg(c"key", Type::INT).ret(Type::BOOL),
    ]
}

fn startup(num: c_int) -> bool {
    let ce = unsafe {
        class::register::<SysvMessageQueue>(
            std::ptr::null(),
            std::ptr::null_mut(),
            ACC_FINAL | ACC_NO_DYNAMIC_PROPERTIES | ACC_NOT_SERIALIZABLE,
        )
    };
    if ce.is_null() {
        return false;
    }
    long_constant("MSG_IPC_NOWAIT", PHP_MSG_IPC_NOWAIT, num);
    long_constant("MSG_EAGAIN", libc::EAGAIN as i64, num);
    long_constant("MSG_ENOMSG", libc::ENOMSG as i64, num);
    long_constant("MSG_NOERROR", PHP_MSG_NOERROR, num);
    long_constant("MSG_EXCEPT", PHP_MSG_EXCEPT, num);
    true
}

fn msg_get_queue(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let key = a.long(0)?;
    let perms = a.long_or(1, 0o666)?;
    let k = key as libc::key_t;
    let id = match sysmsg::msgget(k, 0) {
        Ok(id) => id,
        Err(_) => match sysmsg::msgget(k, libc::IPC_CREAT | libc::IPC_EXCL | perms as c_int) {
            Ok(id) => id,
            Err(e) => {
                warning(&format!("Failed for key 0x{:x}: {}", key as u64, error::strerror(e)));
                zv::set_bool(rv, false);
                return Ok(());
            }
        },
    };
    let q = class::instantiate::<SysvMessageQueue>(rv);
    q.key = k;
    q.id = id as i64;
    Ok(())
}

thread_local! {
    static SEND_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static RECV_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// printf("%F") as PHP's spprintf writes it: "nan", "inf" for both
/// infinities, and no sign for negative zero.
fn php_fixed(d: f64) -> String {
    if d.is_nan() {
        "nan".into()
    } else if d.is_infinite() {
        "inf".into()
    } else if d == 0.0 {
        "0.000000".into()
    } else {
        format!("{d:.6}")
    }
}

fn msg_send(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(3, 6)?;
    let q = a.native::<SysvMessageQueue>(0)?;
    let msgtype = a.long(1)?;
    let do_serialize = a.bool_or(3, true)?;
    let blocking = a.bool_or(4, true)?;
    let flags = if blocking { 0 } else { libc::IPC_NOWAIT };
    let message = Outgoing { msgtype, arg: 2, do_serialize, error_code_arg: 5 };
    send(a, rv, q, &message, |id, buf, mtype| sysmsg::msgsnd(id, buf, mtype, flags))
}

/// A message to send and where its arguments are (msg_send and the timed
/// variant place them differently).
pub(crate) struct Outgoing {
    pub msgtype: i64,
    /// Index of the message argument.
    pub arg: u32,
    pub do_serialize: bool,
    /// Index of the by-reference `$error_code`.
    pub error_code_arg: u32,
}

/// Errno a sender returns when its deadline passed: no warning then.
pub(crate) const TIMED_OUT: i32 = libc::ETIMEDOUT;

/// The body of msg_send: builds the message text as native does and hands
/// `[mtype][text]` to `sender`, which sends it (and may wait).
pub(crate) fn send(
    a: &Args,
    rv: &mut zval,
    q: &SysvMessageQueue,
    m: &Outgoing,
    mut sender: impl FnMut(i32, &mut [u8], i64) -> Result<(), i32>,
) -> PhpResult {
    let message = a.zval(m.arg);
    let msgtype = m.msgtype;
    let id = q.id as i32;

    let result = if m.do_serialize && serialize::simple_len(message).is_none() {
        // Complex values: PHP's serializer writes straight after the header,
        // so the payload is never copied again. It may run user code (__sleep
        // ...) that sends too: no shared buffer is borrowed meanwhile.
        let mut s = SmartStr::new();
        s.append(&[0u8; HEADER]);
        s.serialize(message);
        if error::has_exception() {
            // e.g. "Serialization of 'X' is not allowed": nothing is sent.
            return Err(Thrown);
        }
        sender(id, s.as_mut_bytes(), msgtype)
    } else {
        send_simple(id, message, m, &mut sender)?
    };
    match result {
        Ok(()) => zv::set_bool(rv, true),
        Err(e) => {
            let e = if e == TIMED_OUT {
                e
            } else {
                let text = format!("msgsnd failed: {}", error::strerror(e));
                // Native stores errno as it is after the warning: a user error
                // handler may have changed it.
                error::set_errno(e);
                warning(&text);
                error::errno()
            };
            if let Some(mut ec) = a.out(m.error_code_arg) {
                ec.set_long(e as i64);
            }
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

/// msg_send of a value written without PHP's serializer (no user code
/// runs): a simple value serialized, or the raw text of a scalar, in the
/// reused send buffer.
fn send_simple(
    id: i32,
    message: &zval,
    m: &Outgoing,
    sender: &mut impl FnMut(i32, &mut [u8], i64) -> Result<(), i32>,
) -> PhpResult<Result<(), i32>> {
    let msgtype = m.msgtype;
    SEND_BUF.with(|cell| {
        let mut buf = cell.borrow_mut();
        buf.clear();
        buf.resize(HEADER, 0);
        if m.do_serialize {
            serialize::serialize_simple(message, &mut buf);
        } else {
            match zv::type_of(message) {
                ffi::IS_STRING => buf.extend_from_slice(zv::string_of(message).unwrap_or_default()),
                ffi::IS_LONG => ipc_core::serial::write_i64(&mut buf, zv::long_of(message).unwrap_or_default()),
                ffi::IS_FALSE => buf.push(b'0'),
                ffi::IS_TRUE => buf.push(b'1'),
                ffi::IS_DOUBLE => {
                    buf.extend_from_slice(php_fixed(zv::double_of(message).unwrap_or_default()).as_bytes())
                }
                _ => {
                    return Err(error::argument_type_error(
                        m.arg + 1,
                        &format!("must be of type string|int|float|bool, {} given", zv::type_name(message)),
                    ));
                }
            }
        }
        let r = sender(id, &mut buf, msgtype);
        if buf.capacity() > REUSE_LIMIT {
            *buf = Vec::new();
        }
        Ok(r)
    })
}

enum RecvBuf {
    Reused,
    Engine(EngineBuf),
}

fn msg_receive(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(5, 8)?;
    let q = a.native::<SysvMessageQueue>(0)?;
    let desired = a.long(1)?;
    let maxsize = a.long(3)?;
    let do_unserialize = a.bool_or(5, true)?;
    let flags = a.long_or(6, 0)?;
    let m = Incoming { desired, maxsize, do_unserialize, flags, error_code_arg: 7 };
    receive(a, rv, q, &m, sysmsg::msgrcv)
}

/// What msg_receive was asked for (`$received_message_type` and `$message`
/// are arguments 2 and 4 in both msg_receive and the timed variant).
pub(crate) struct Incoming {
    pub desired: i64,
    pub maxsize: i64,
    pub do_unserialize: bool,
    /// MSG_* flags as PHP passes them.
    pub flags: i64,
    /// Index of the by-reference `$error_code`.
    pub error_code_arg: u32,
}

/// Whether PHP's MSG_IPC_NOWAIT is among msg_receive's flags.
pub(crate) fn nowait_flag(flags: i64) -> bool {
    flags & PHP_MSG_IPC_NOWAIT != 0
}

/// The body of msg_receive: `receiver` fills a buffer like msgrcv
/// (`(id, buf, desired, kernel flags)`, and may wait); the result is
/// delivered to the by-reference arguments as native does.
pub(crate) fn receive(
    a: &Args,
    rv: &mut zval,
    q: &SysvMessageQueue,
    m: &Incoming,
    mut receiver: impl FnMut(i32, &mut [u8], i64, i32) -> Result<(i64, usize), i32>,
) -> PhpResult {
    let (desired, maxsize, do_unserialize, flags) = (m.desired, m.maxsize, m.do_unserialize, m.flags);
    zv::set_bool(rv, false);
    if maxsize <= 0 {
        return Err(error::argument_value_error(4, "must be greater than 0"));
    }
    let mut realflags = 0;
    if flags & PHP_MSG_EXCEPT != 0 {
        realflags |= libc::MSG_EXCEPT;
    }
    if flags & PHP_MSG_NOERROR != 0 {
        realflags |= libc::MSG_NOERROR;
    }
    if flags & PHP_MSG_IPC_NOWAIT != 0 {
        realflags |= libc::IPC_NOWAIT;
    }
    let size = maxsize as usize;
    let kind = if size <= REUSE_LIMIT {
        RecvBuf::Reused
    } else {
        // One spare byte for the NUL terminator (see below).
        RecvBuf::Engine(EngineBuf::new(size, 1, HEADER + 1))
    };
    let id = q.id as i32;
    // `buf` is HEADER + size + 1 bytes; the kernel may fill HEADER + size.
    let mut handle = |buf: &mut [u8]| -> PhpResult {
        let n = buf.len() - 1;
        match receiver(id, &mut buf[..n], desired, realflags) {
            Ok((mtype, len)) => {
                if let Some(mut t) = a.out(2) {
                    t.set_long(mtype);
                }
                if let Some(mut ec) = a.out(m.error_code_arg) {
                    ec.set_long(0);
                }
                // PHP's unserializer scans up to a NUL sentinel: terminate the
                // text so it never reads stale bytes past the message.
                buf[HEADER + len] = 0;
                let text = &buf[HEADER..HEADER + len];
                zv::set_bool(rv, true);
                if do_unserialize {
                    // SAFETY: text is followed by the NUL written above.
                    unsafe {
                        serialize::unserialize_terminated_then(text, |v| match v {
                            Some(v) => {
                                if let Some(mut m) = a.out(4) {
                                    m.set_zval(v);
                                }
                            }
                            None => {
                                warning("Message corrupted");
                                if let Some(mut m) = a.out(4) {
                                    m.set_bool(false);
                                }
                                zv::set_bool(rv, false);
                            }
                        })
                    }
                } else if let Some(mut m) = a.out(4) {
                    m.set_bytes(text);
                }
            }
            Err(e) => {
                if let Some(mut t) = a.out(2) {
                    t.set_long(0);
                }
                if let Some(mut m) = a.out(4) {
                    m.set_bool(false);
                }
                if let Some(mut ec) = a.out(m.error_code_arg) {
                    ec.set_long(e as i64);
                }
            }
        }
        Ok(())
    };
    match kind {
        RecvBuf::Reused => RECV_BUF.with(|cell| {
            // Taken out of the cell: a nested receive (from a destructor run
            // by unserialize) then simply uses a fresh buffer.
            let mut buf = std::mem::take(&mut *cell.borrow_mut());
            if buf.len() < size + HEADER + 1 {
                buf.resize(size + HEADER + 1, 0);
            }
            let r = handle(&mut buf[..size + HEADER + 1]);
            *cell.borrow_mut() = buf;
            r
        }),
        RecvBuf::Engine(mut b) => handle(b.as_mut_slice()),
    }
}

fn msg_remove_queue(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let q = a.native::<SysvMessageQueue>(0)?;
    zv::set_bool(rv, sysmsg::remove(q.id as i32).is_ok());
    Ok(())
}

fn msg_stat_queue(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let q = a.native::<SysvMessageQueue>(0)?;
    match sysmsg::stat(q.id as i32) {
        Ok(ds) => {
            let mut arr = zv::Array::new(10);
            arr.set_long("msg_perm.uid", ds.msg_perm.uid as i64);
            arr.set_long("msg_perm.gid", ds.msg_perm.gid as i64);
            arr.set_long("msg_perm.mode", ds.msg_perm.mode as i64);
            arr.set_long("msg_stime", ds.msg_stime);
            arr.set_long("msg_rtime", ds.msg_rtime);
            arr.set_long("msg_ctime", ds.msg_ctime);
            arr.set_long("msg_qnum", ds.msg_qnum as i64);
            arr.set_long("msg_qbytes", ds.msg_qbytes as i64);
            arr.set_long("msg_lspid", ds.msg_lspid as i64);
            arr.set_long("msg_lrpid", ds.msg_lrpid as i64);
            *rv = arr.into_zval();
        }
        Err(_) => zv::set_bool(rv, false),
    }
    Ok(())
}

fn msg_set_queue(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let q = a.native::<SysvMessageQueue>(0)?;
    let data = a.array(1)?;
    zv::set_bool(rv, false);
    if let Ok(mut ds) = sysmsg::stat(q.id as i32) {
        if let Some(v) = zv::hash_find(data, "msg_perm.uid") {
            ds.msg_perm.uid = zv::get_long(v) as libc::uid_t;
        }
        if let Some(v) = zv::hash_find(data, "msg_perm.gid") {
            ds.msg_perm.gid = zv::get_long(v) as libc::gid_t;
        }
        if let Some(v) = zv::hash_find(data, "msg_perm.mode") {
            ds.msg_perm.mode = zv::get_long(v) as _;
        }
        if let Some(v) = zv::hash_find(data, "msg_qbytes") {
            ds.msg_qbytes = zv::get_long(v) as _;
        }
        if sysmsg::set(q.id as i32, &mut ds).is_ok() {
            zv::set_bool(rv, true);
        }
    }
    Ok(())
}

fn msg_queue_exists(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let key = a.long(0)?;
    zv::set_bool(rv, sysmsg::msgget(key as libc::key_t, 0).is_ok());
    Ok(())
}
