//! Socket calls of PHP 8.3+'s ext/sockets: sockatmark(3) and the classic
//! BPF program of SO_ATTACH_REUSEPORT_CBPF.

use super::{last_errno, Errno};
use std::sync::OnceLock;

extern "C" {
    // POSIX.1-2001, in glibc; the libc crate does not declare it.
    fn sockatmark(fd: libc::c_int) -> libc::c_int;
}

/// `sockatmark(fd)`: whether the socket is at the out-of-band mark.
pub fn at_mark(fd: libc::c_int) -> Result<bool, Errno> {
    // SAFETY: sockatmark takes no pointers.
    match unsafe { sockatmark(fd) } {
        r if r < 0 => Err(last_errno()),
        r => Ok(r > 0),
    }
}

struct Prog([libc::sock_filter; 2]);
// SAFETY: the filters are plain data, written once and then only read.
unsafe impl Sync for Prog {}
unsafe impl Send for Prog {}

/// The bytes of a `struct sock_fprog` for the two-instruction program
/// `ld [k]; ret a` (native builds the same one in a static buffer). The
/// filter array lives for the process, one per distinct `k`.
pub fn cbpf_load_ret(k: u32) -> Vec<u8> {
    const BPF_LD_W_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
    const BPF_RET_A: u16 = 0x16; // BPF_RET | BPF_A
    static PROGS: OnceLock<parking_lot::Mutex<Vec<(u32, &'static Prog)>>> = OnceLock::new();
    let mut progs = PROGS.get_or_init(Default::default).lock();
    let prog = match progs.iter().find(|(key, _)| *key == k) {
        Some((_, p)) => *p,
        None => {
            let f = |code, k| libc::sock_filter { code, jt: 0, jf: 0, k };
            let p: &'static Prog = Box::leak(Box::new(Prog([f(BPF_LD_W_ABS, k), f(BPF_RET_A, 0)])));
            progs.push((k, p));
            p
        }
    };
    let fprog = libc::sock_fprog { len: 2, filter: prog.0.as_ptr() as *mut _ };
    // SAFETY: sock_fprog is plain data; its bytes are copied out whole.
    unsafe {
        std::slice::from_raw_parts(&fprog as *const _ as *const u8, std::mem::size_of::<libc::sock_fprog>()).to_vec()
    }
}
