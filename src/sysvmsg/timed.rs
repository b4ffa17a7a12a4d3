//! `Ipc\msg_receive_timeout` and `Ipc\msg_send_timeout`: msg_receive and
//! msg_send with a deadline. msgrcv/msgsnd have no timeout, so the thread's
//! deadline timer (sys::timer) interrupts the blocked call at the deadline;
//! the process sleeps in the kernel until a message (or room) arrives or
//! the timer fires.

use super::{Incoming, Outgoing, SysvMessageQueue, TIMED_OUT};
use crate::ipc_ns::{self, Timeout};
use crate::php::class::NativeClass;
use crate::php::error::{self, PhpResult};
use crate::php::Args;
use crate::sys::msg as sysmsg;
use crate::sys::timer::{self, monotonic_now};
use ext_php_rs::ffi::zval;

fn queue_arg<'a>(a: &Args<'a>) -> PhpResult<&'a mut SysvMessageQueue> {
    if !SysvMessageQueue::slot().registered() {
        return Err(ipc_ns::group_deferred("sysvmsg"));
    }
    a.native::<SysvMessageQueue>(0)
}

/// Runs `call` (a SysV call given its extra flags) within `timeout`:
/// first without waiting, then blocking under the deadline timer. `busy` is
/// the errno of "would have to wait" (ENOMSG for msgrcv, EAGAIN for msgsnd).
/// Returns ETIMEDOUT when the deadline passed; EINTR from any other signal,
/// as the native blocking call returns it.
fn within<T>(timeout: Timeout, busy: i32, mut call: impl FnMut(i32) -> Result<T, i32>) -> Result<T, i32> {
    match call(libc::IPC_NOWAIT) {
        Err(e) if e == busy => {}
        r => return r,
    }
    let Timeout::Within(limit) = timeout else {
        return Err(TIMED_OUT);
    };
    let deadline = monotonic_now() + limit;
    let _armed = timer::arm(deadline)?;
    match call(0) {
        Err(libc::EINTR) if monotonic_now() >= deadline => Err(TIMED_OUT),
        r => r,
    }
}

pub(crate) fn msg_receive_timeout(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(6, 9)?;
    let q = queue_arg(a)?;
    let desired = a.long(1)?;
    let maxsize = a.long(3)?;
    let seconds = a.double(5)?;
    let do_unserialize = a.bool_or(6, true)?;
    let flags = a.long_or(7, 0)?;
    if maxsize <= 0 {
        return Err(error::argument_value_error(4, "must be greater than 0"));
    }
    let timeout = ipc_ns::timeout(6, seconds)?;
    let m = Incoming { desired, maxsize, do_unserialize, flags, error_code_arg: 8 };
    if super::nowait_flag(flags) {
        // MSG_IPC_NOWAIT asks not to wait at all: native msg_receive.
        return super::receive(a, rv, q, &m, sysmsg::msgrcv);
    }
    super::receive(a, rv, q, &m, |id, buf, desired, fl| {
        within(timeout, libc::ENOMSG, |extra| sysmsg::msgrcv(id, buf, desired, fl | extra))
    })
}

pub(crate) fn msg_send_timeout(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(4, 6)?;
    let q = queue_arg(a)?;
    let msgtype = a.long(1)?;
    let seconds = a.double(3)?;
    let do_serialize = a.bool_or(4, true)?;
    let timeout = ipc_ns::timeout(4, seconds)?;
    let m = Outgoing { msgtype, arg: 2, do_serialize, error_code_arg: 5 };
    super::send(a, rv, q, &m, |id, buf, mtype| {
        within(timeout, libc::EAGAIN, |extra| sysmsg::msgsnd(id, buf, mtype, extra))
    })
}
