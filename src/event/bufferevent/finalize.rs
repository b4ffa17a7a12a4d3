//! The deferred close of OPT_CLOSE_ON_FREE: libevent destroys a freed
//! bufferevent (closing its descriptor) from a finalizer callback that the
//! base runs at its next loop iteration, not inside bufferevent_free().

use crate::event::base::{Internal, Shared};
use ipc_core::evloop::{Begin, EvId, Kind, EV_TIMEOUT};
use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Finalizer {
    fd: i32,
    /// The open file behind `fd` when the close was scheduled (device,
    /// inode): libevent closes at its base's end, before later code can
    /// reuse the number; ours may close later, so a descriptor closed by
    /// its owner meanwhile and reused for another file is left alone.
    file: Option<(u64, u64)>,
    sh: Weak<RefCell<Shared>>,
    key: usize,
    id: EvId,
}

thread_local! {
    /// Finalizers waiting for their base's loop. Dropping one closes its fd.
    static PENDING: RefCell<Vec<Rc<Finalizer>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Finalizer {
    fn drop(&mut self) {
        if self.file.is_some() && identity(self.fd) == self.file {
            crate::sys::socket::close(self.fd);
        }
        if let Some(sh) = self.sh.upgrade() {
            if let Ok(mut s) = sh.try_borrow_mut() {
                s.core.remove(self.id);
                s.unregister_internal(self.key);
            }
        }
    }
}

impl Internal for Finalizer {
    fn fire(&self, _sh: &Rc<RefCell<Shared>>, _b: &Begin) -> bool {
        let me = self as *const Finalizer;
        // Dropped after the list's borrow ends (Drop touches the base).
        let done = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.iter().position(|f| Rc::as_ptr(f) == me).map(|i| p.swap_remove(i))
        });
        drop(done);
        false
    }
}

/// The (device, inode) of the file open on `fd`.
fn identity(fd: i32) -> Option<(u64, u64)> {
    nix::sys::stat::fstat(fd).ok().map(|st| (st.st_dev, st.st_ino))
}

/// Closes `fd` at the next loop of `sh`, or now when that base cannot loop
/// any more. Finalizers of bases freed or gone meanwhile close now too.
pub(super) fn close_later(sh: &Rc<RefCell<Shared>>, fd: i32) {
    sweep();
    let Ok(mut s) = sh.try_borrow_mut() else {
        crate::sys::socket::close(fd);
        return;
    };
    if s.freed {
        drop(s);
        crate::sys::socket::close(fd);
        return;
    }
    let f = Rc::new_cyclic(|me: &Weak<Finalizer>| {
        let h: Weak<dyn Internal> = me.clone();
        let key = s.register_internal(h);
        let id = s.core.create(-1, 0, key, Kind::Internal);
        s.core.activate(id, EV_TIMEOUT, 1);
        Finalizer { fd, file: identity(fd), sh: Rc::downgrade(sh), key, id }
    });
    drop(s);
    PENDING.with(|p| p.borrow_mut().push(f));
}

/// Drops the finalizers whose base was freed or destroyed (libevent's
/// event_base_free runs them): at each new bufferevent and each deferred
/// close, so descriptors of a base that went away do not wait for the
/// process to end.
pub(super) fn sweep() {
    let gone: Vec<Rc<Finalizer>> = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        let (dead, live): (Vec<_>, Vec<_>) =
            p.drain(..).partition(|f| f.sh.upgrade().is_none_or(|sh| sh.try_borrow().is_ok_and(|s| s.freed)));
        *p = live;
        dead
    });
    drop(gone);
}
