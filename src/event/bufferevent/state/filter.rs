//! libevent 2.1's bufferevent_openssl in filter mode
//! (bufferevent_openssl_filter_new): a TLS bufferevent whose records go
//! through another bufferevent's buffers instead of a descriptor. The filter
//! takes the underlying bufferevent's callbacks over (its read, write and
//! event callbacks run the filter's handshake, reading and writing), as
//! libevent's bufferevent_setcb on the underlying one does; its own read and
//! write events are the generic timeout timers of a pair.
//!
//! The TLS logic itself (handshake, do_read/do_write, errors) is the socket
//! kind's, in `tls.rs`; this file holds what differs.

use super::callbacks::Cb;
use super::tls::{Tls, TlsState};
use super::{unfrozen, BevCell, EOF, ERROR, TIMEOUT};
use crate::event::base::Shared;
use ipc_core::evloop::{EV_READ, EV_WRITE};
use std::cell::RefCell;
use std::rc::Rc;

/// libevent's BIO over a bufferevent (bio_bufferevent_read): at most
/// `buf.len()` bytes out of the underlying bufferevent's input; an empty
/// input is a retry (WouldBlock, which OpenSSL turns into WANT_READ), never
/// end of file.
pub(super) fn bio_read(under: &BevCell, buf: &mut [u8]) -> std::io::Result<usize> {
    let input = under.st.borrow().input.clone();
    let n = input.len().min(buf.len());
    if n == 0 {
        return Err(std::io::ErrorKind::WouldBlock.into());
    }
    let bytes = unfrozen(&mut input.get_mut(), |b| {
        let v = b.copy_range(0, n);
        b.drain(n);
        v
    });
    buf[..n].copy_from_slice(&bytes);
    input.notify(0, n);
    Ok(n)
}

/// bio_bufferevent_write: into the underlying bufferevent's output, up to
/// its high write watermark (a retry at or above it).
pub(super) fn bio_write(under: &BevCell, buf: &[u8]) -> std::io::Result<usize> {
    let (output, high) = {
        let st = under.st.borrow();
        (st.output.clone(), st.wm_write().1)
    };
    let len = output.len();
    let mut n = buf.len();
    if high != 0 {
        if len >= high {
            return Err(std::io::ErrorKind::WouldBlock.into());
        }
        n = n.min(high - len);
    }
    unfrozen(&mut output.get_mut(), |b| b.add(&buf[..n]));
    output.notify(n, 0);
    Ok(n)
}

impl BevCell {
    /// bufferevent_openssl_filter_new: a filter over `under` (which it holds,
    /// as libevent's reference does). Events of a new filter start only when
    /// it is enabled or when the underlying one delivers bytes.
    pub fn new_filter(sh: &Rc<RefCell<Shared>>, under: &Rc<BevCell>, tls: Tls, options: i64) -> Rc<BevCell> {
        // A pair's shape: no descriptor, generic timeout timers.
        let bev = BevCell::new(sh, -1, options, true);
        let state = tls.state;
        bev.st.borrow_mut().tls = Some(Box::new(tls));
        // set_handshake_callbacks / set_open_callbacks: the underlying
        // bufferevent's callbacks are now the filter's.
        {
            let mut u = under.st.borrow_mut();
            u.set_above(Some(bev.weak()));
            u.has_cb = [true; 3];
        }
        under.set_watermark(EV_READ, 0, 0);
        under.enable(EV_READ | EV_WRITE);
        if state == TlsState::Open {
            under.suspend_read();
        }
        bev
    }

    /// The bufferevent under this filter.
    pub(super) fn under(&self) -> Option<Rc<BevCell>> {
        let st = self.st.try_borrow().ok()?;
        st.tls.as_ref()?.under().cloned()
    }

    pub(super) fn is_filter(&self) -> bool {
        self.st.try_borrow().is_ok_and(|st| st.tls.as_ref().is_some_and(|t| t.under().is_some()))
    }

    /// The filter whose callbacks this bufferevent runs, if any.
    pub(super) fn filter_above(&self) -> Option<Rc<BevCell>> {
        self.st.borrow().above().and_then(|w| w.upgrade())
    }

    /// One of the underlying bufferevent's callbacks, run by the filter:
    /// be_openssl_handshakecb while handshaking, be_openssl_readcb and
    /// be_openssl_writecb once open, be_openssl_eventcb. True if a PHP
    /// callback threw.
    pub(super) fn underlying_cb(&self, cb: Cb) -> bool {
        // A filter over a filter may be told while busy: nothing to do then.
        if self.st.try_borrow_mut().is_err() {
            return false;
        }
        let Some(state) = self.st.borrow().tls.as_ref().map(|t| t.state) else { return false };
        match cb {
            Cb::Event(what) => {
                let allow_dirty = self.st.borrow().tls.as_ref().is_some_and(|t| t.allow_dirty_shutdown);
                let event = if what & EOF != 0 {
                    if allow_dirty {
                        EOF
                    } else {
                        ERROR
                    }
                } else if what & (TIMEOUT | ERROR) != 0 {
                    what
                } else {
                    // CONNECTED of the underlying one: the TLS handshake says it.
                    0
                };
                event != 0 && self.run_eventcb(event, false)
            }
            Cb::Read | Cb::Write if state != TlsState::Open => self.do_handshake().1,
            Cb::Read => self.consider_reading(),
            Cb::Write => self.consider_writing(),
        }
    }

    /// be_openssl_unlink at the filter's free: with OPT_CLOSE_ON_FREE the
    /// underlying bufferevent is freed too (its own OPT_CLOSE_ON_FREE closes
    /// its descriptor); otherwise it gets its callbacks back unset (libevent
    /// sets them to NULL: the PHP ones no longer run) and reading resumes.
    /// An underlying bufferevent whose PHP object is gone goes with it.
    pub(super) fn filter_unlink(&self) {
        let (under, close) = {
            let Ok(mut st) = self.st.try_borrow_mut() else { return };
            let close = st.options as i64 & super::OPT_CLOSE_ON_FREE != 0;
            let Some(t) = st.tls.as_deref_mut() else { return };
            (t.take_under(), close)
        };
        let Some(under) = under else { return };
        let orphan = {
            let mut u = under.st.borrow_mut();
            u.set_above(None);
            u.has_cb = [false; 3];
            u.obj.is_null()
        };
        if close || orphan {
            under.teardown();
        } else {
            under.unsuspend_read();
        }
    }

    /// The start of teardown for a bufferevent a live filter runs on: its
    /// PHP object is gone (or freed it), but the filter still needs it, as
    /// libevent's reference keeps it. True when the teardown waits for the
    /// filter's.
    pub(super) fn kept_by_filter(&self) -> bool {
        if self.filter_above().is_none() {
            return false;
        }
        self.st.borrow_mut().obj = std::ptr::null_mut();
        true
    }

    /// The filter's part of be_openssl_enable: the generic timeouts re-armed,
    /// then reading and writing tried at once (this also starts a handshake
    /// that no bytes started yet: SSL_read and SSL_write run it).
    pub(super) fn filter_enable(&self, event: u16) {
        let (ev_read, ev_write, tr, tw) = {
            let st = self.st.borrow();
            (st.ev_read, st.ev_write, st.timeout_read(), st.timeout_write())
        };
        if event & EV_WRITE != 0 {
            self.reset_generic(ev_write, tw);
        }
        if event & EV_READ != 0 {
            self.reset_generic(ev_read, tr);
        }
        if event & EV_READ != 0 {
            self.consider_reading();
        }
        if event & EV_WRITE != 0 {
            self.consider_writing();
        }
    }

    /// A generic timeout of the filter (bufferevent_generic_read_timeout_cb
    /// and its write twin).
    pub(super) fn filter_timeout(&self, read: bool) -> bool {
        let (dir, what) = if read { (EV_READ, super::READING) } else { (EV_WRITE, super::WRITING) };
        self.io_error(dir, what | TIMEOUT)
    }

    /// The underlying output may take more (below its high write watermark).
    pub(super) fn target_has_room(&self) -> bool {
        match self.under() {
            None => true,
            Some(u) => {
                let st = u.st.borrow();
                st.wm_write().1 == 0 || st.output.len() < st.wm_write().1
            }
        }
    }
}
