//! ext/sockets additions and changes of PHP 8.3 and 8.4 (see
//! `php::version`): socket_atmark, the socket type flags SOCK_NONBLOCK and
//! SOCK_CLOEXEC, and socket_set_option's 8.4 argument checks for SO_LINGER,
//! SO_RCVTIMEO/SO_SNDTIMEO and SO_ATTACH_REUSEPORT_CBPF. Behaviour and texts
//! are native PHP 8.4's, checked by difftests/sockets.

use super::{ensure_open, sock_arg, sock_error};
use crate::php::error::{self, PhpResult};
use crate::php::{version, zv, Args, FnDef, Type};
use ext_php_rs::ffi::{zval, HashTable};

/// socket_atmark(Socket $socket): bool, after socket_shutdown.
pub(super) fn atmark_def(socket: Type) -> FnDef {
    FnDef::new(c"socket_atmark", crate::handler!(socket_atmark)).arg(c"socket", socket).ret(Type::BOOL)
}

fn socket_atmark(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let s = sock_arg(a, 0)?;
    ensure_open(s, 1)?;
    match crate::sys::sockopt::at_mark(s.fd) {
        Ok(at) => zv::set_bool(rv, at),
        Err(e) => {
            sock_error(s, "Unable to apply sockmark", e);
            zv::set_bool(rv, false);
        }
    }
    Ok(())
}

/// socket_create/socket_create_pair's `$type` check: 8.4 accepts the type
/// OR'ed with SOCK_NONBLOCK and SOCK_CLOEXEC (and says so).
pub(super) fn check_type(ty: i64) -> PhpResult {
    let base = if version::SOCKETS_84 { ty & !((libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) as i64) } else { ty };
    if base > 10 {
        let extra = if version::SOCKETS_84 { " optionally OR'ed with SOCK_CLOEXEC, SOCK_NONBLOCK" } else { "" };
        return Err(error::argument_value_error(
            2,
            &format!("must be one of SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET, SOCK_RAW, or SOCK_RDM{extra}"),
        ));
    }
    Ok(())
}

/// What socket_set_option does with an option PHP 8.4 treats specially.
pub(super) enum SetOpt {
    /// Not one of them: the 8.2 code handles it.
    Default,
    /// setsockopt(level, optname, bytes).
    Set(i32, Vec<u8>),
    /// Already answered (false after a warning).
    Done,
}

/// The table of an array, or of an object's properties; else 8.4's TypeError.
fn array_or_object<'a>(val: &'a zval, option: &str) -> PhpResult<&'a HashTable> {
    if let Some(ht) = zv::as_array(val) {
        return Ok(ht);
    }
    if let Some(ht) = version::object_properties(val) {
        return Ok(ht);
    }
    Err(error::argument_type_error(
        4,
        &format!("must be of type array when argument #3 ($option) is {option}, {} given", version::value_name(val)),
    ))
}

fn key<'a>(ht: &'a HashTable, k: &str) -> PhpResult<&'a zval> {
    match zv::hash_find(ht, k) {
        Some(v) => Ok(v),
        None => Err(error::argument_value_error(4, &format!("must have key \"{k}\""))),
    }
}

/// socket_set_option on PHP 8.4 for SO_LINGER, SO_RCVTIMEO, SO_SNDTIMEO and
/// SO_ATTACH_REUSEPORT_CBPF (whatever the level, as native's switch on the
/// option name).
pub(super) fn set_option(optname: i32, val: &zval) -> PhpResult<SetOpt> {
    match optname {
        libc::SO_LINGER if version::SOCKETS_84 => {
            let ht = array_or_object(val, "SO_LINGER")?;
            let onoff = zv::converted_long(key(ht, "l_onoff")?);
            let linger = zv::converted_long(key(ht, "l_linger")?);
            // Native 8.4 prints a garbled key name for l_linger (it formats
            // the wrong variable); the intended text is given here.
            for (k, v) in [("l_onoff", onoff), ("l_linger", linger)] {
                if !(0..=u16::MAX as i64).contains(&v) {
                    return Err(error::argument_value_error(4, &format!("\"{k}\" must be between 0 and 65535")));
                }
            }
            let mut buf = Vec::with_capacity(8);
            buf.extend_from_slice(&(onoff as i32).to_ne_bytes());
            buf.extend_from_slice(&(linger as i32).to_ne_bytes());
            Ok(SetOpt::Set(optname, buf))
        }
        libc::SO_RCVTIMEO | libc::SO_SNDTIMEO if version::SOCKETS_84 => {
            let name = if optname == libc::SO_RCVTIMEO { "SO_RCVTIMEO" } else { "SO_SNDTIMEO" };
            let ht = array_or_object(val, name)?;
            let sec = zv::converted_long(key(ht, "sec")?);
            let usec = zv::converted_long(key(ht, "usec")?);
            let mut buf = Vec::with_capacity(16);
            buf.extend_from_slice(&sec.to_ne_bytes());
            buf.extend_from_slice(&usec.to_ne_bytes());
            Ok(SetOpt::Set(optname, buf))
        }
        libc::SO_ATTACH_REUSEPORT_CBPF => {
            let k = zv::converted_long(val);
            if k == 0 {
                // Native detaches with SO_DETACH_BPF (an int 1).
                return Ok(SetOpt::Set(libc::SO_DETACH_BPF, 1i32.to_ne_bytes().to_vec()));
            }
            let k = k as u32;
            if k != SKF_AD_CPU && k != SKF_AD_QUEUE {
                error::warning("Unsupported CBPF filter");
                return Ok(SetOpt::Done);
            }
            Ok(SetOpt::Set(optname, crate::sys::sockopt::cbpf_load_ret(SKF_AD_OFF.wrapping_add(k))))
        }
        _ => Ok(SetOpt::Default),
    }
}

const SKF_AD_OFF: u32 = (-0x1000i32) as u32;
const SKF_AD_QUEUE: u32 = 24;
const SKF_AD_CPU: u32 = 36;
