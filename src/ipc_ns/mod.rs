//! The `Ipc\` namespace: what php-ipc offers beyond the native extensions,
//! registered by the main module `ipc` (stubs/ipc.stub.php, docs/ipc.md).
//!
//! - `Ipc\sem_acquire_timeout`: sem_acquire with a deadline (semtimedop).
//! - `Ipc\msg_receive_timeout`, `Ipc\msg_send_timeout`: msg_receive and
//!   msg_send with a deadline (sys::timer interrupts the blocked call).

use crate::php::error::{self, PhpResult, Thrown};
use crate::php::types::Type;
use crate::php::FnDef;
use std::time::Duration;

/// A validated `$timeout`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Timeout {
    /// 0: try once, do not wait.
    Once,
    /// Wait at most this long.
    Within(Duration),
}

/// Waits longer than this are cut to it (about a century: forever in
/// practice, and far from the kernel's time limits).
const LONGEST: Duration = Duration::from_secs(100 * 365 * 86400);

/// Checks `$timeout` (argument number `arg_num`): finite and at least 0.
pub fn timeout(arg_num: u32, seconds: f64) -> PhpResult<Timeout> {
    if !seconds.is_finite() {
        return Err(error::argument_value_error(arg_num, "must be a finite number"));
    }
    if seconds < 0.0 {
        return Err(error::argument_value_error(arg_num, "must be greater than or equal to 0"));
    }
    if seconds == 0.0 {
        return Ok(Timeout::Once);
    }
    Ok(Timeout::Within(Duration::try_from_secs_f64(seconds).map_or(LONGEST, |d| d.min(LONGEST))))
}

/// The Error a timed function throws when the group whose objects it takes
/// is deferred to a native extension (whose objects php-ipc cannot use).
pub fn group_deferred(group: &str) -> Thrown {
    error::error(&format!(
        "This function needs php-ipc's {group} group, which is deferred to the native {group} extension"
    ))
}

const SEM: Type = Type::class(c"SysvSemaphore");
const QUEUE: Type = Type::class(c"SysvMessageQueue");

/// The functions of the `Ipc\` namespace.
pub fn functions() -> Vec<FnDef> {
    vec![
        FnDef::new(c"Ipc\\sem_acquire_timeout", crate::handler!(crate::sysvsem::timed::sem_acquire_timeout))
            .arg(c"semaphore", SEM)
            .arg(c"timeout", Type::FLOAT)
            .ret(Type::BOOL),
        FnDef::new(c"Ipc\\msg_receive_timeout", crate::handler!(crate::sysvmsg::timed::msg_receive_timeout))
            .arg(c"queue", QUEUE)
            .arg(c"desired_message_type", Type::INT)
            .arg_ref(c"received_message_type", Type::NONE)
            .arg(c"max_message_size", Type::INT)
            .arg_ref(c"message", Type::MIXED)
            .arg(c"timeout", Type::FLOAT)
            .opt(c"unserialize", Type::BOOL, c"true")
            .opt(c"flags", Type::INT, c"0")
            .opt_ref(c"error_code", Type::NONE, c"null")
            .ret(Type::BOOL),
        FnDef::new(c"Ipc\\msg_send_timeout", crate::handler!(crate::sysvmsg::timed::msg_send_timeout))
            .arg(c"queue", QUEUE)
            .arg(c"message_type", Type::INT)
            .arg(c"message", Type::NONE)
            .arg(c"timeout", Type::FLOAT)
            .opt(c"serialize", Type::BOOL, c"true")
            .opt_ref(c"error_code", Type::NONE, c"null")
            .ret(Type::BOOL),
    ]
}
