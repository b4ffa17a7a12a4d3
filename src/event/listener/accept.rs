//! libevent's listener_read_cb: accept until EAGAIN, one callback per
//! connection, then the error callback (or libevent's warning) for an
//! accept error that is not retriable.

use super::*;
use crate::sys::listen;

/// Runs the accept loop of an active listener event. True when a callback
/// threw (the loop then stops and the exception reaches loop()'s caller).
pub(super) fn fire(l: &Listener) -> bool {
    {
        let mut st = l.st.borrow_mut();
        if st.freed {
            return false;
        }
        st.firing = true;
    }
    // Each callback holds the object only while it runs, as PECL's
    // arguments do: a listener unset in its callback goes when the callback
    // returns (its free is then deferred to the end of this loop).
    let threw = accept_all(l);
    let deferred_free = {
        let mut st = l.st.borrow_mut();
        st.firing = false;
        st.freed
    };
    if deferred_free {
        l.teardown();
    }
    threw
}

/// A listening socket the user left blocking (PECL: flags 0 on a socket
/// target) would block in accept() once the backlog is empty: PECL hangs
/// there; here the next accept waits only for a connection already queued.
fn would_block(fd: i32) -> bool {
    let mut p = [crate::sys::poll::PollFd { fd, events: libc::POLLIN, revents: 0 }];
    !matches!(crate::sys::poll::poll(&mut p, 0), Ok(n) if n > 0)
}

fn accept_all(l: &Listener) -> bool {
    let (fd, accept_flags) = {
        let st = l.st.borrow();
        (st.fd, st.accept_flags)
    };
    let blocking = sk::get_flags(fd).is_ok_and(|f| f & libc::O_NONBLOCK == 0);
    let mut first = true;
    let err = loop {
        if blocking && !first && would_block(fd) {
            break libc::EAGAIN;
        }
        first = false;
        let (nfd, peer) = match listen::accept4(fd, accept_flags) {
            Ok(x) => x,
            Err(e) => break e,
        };
        if peer.len == 0 {
            // Old Linux kernels answer nmap so; libevent drops these.
            sk::close(nfd);
            continue;
        }
        if call_accept_cb(l, nfd, &peer) {
            return true;
        }
        let st = l.st.borrow();
        if st.freed || !st.enabled {
            return false;
        }
    };
    if matches!(err, libc::EINTR | libc::EAGAIN | libc::ECONNABORTED) {
        return false;
    }
    let (installed, cb, data) = {
        let st = l.st.borrow();
        (st.err_cb_installed, st.err_cb.clone(), st.data.as_ref().map(copy))
    };
    if !installed {
        error::set_errno(err);
        warning(&format!("Error from accept() call: {}", error::strerror(err)));
        return false;
    }
    let Some(cb) = cb else { return false };
    // SAFETY: not freed (checked after every callback), so `obj` is alive.
    let mut args = [unsafe { zv::object_ref(l.obj) }, data.unwrap_or_else(null)];
    error::set_errno(err);
    cb.call(&mut args);
    let [a0, a1] = args;
    release(a0);
    release(a1);
    if has_exception() {
        break_loop(l, None);
        return true;
    }
    false
}

fn null() -> zval {
    let mut z = zv::undef();
    zv::set_null(&mut z);
    z
}

/// PECL's accept callback: ($listener, $fd, $address, $arg). $fd is the
/// int fd (NULL for fd 0), $address [ip, port] for inet/inet6 peers, NULL
/// for Unix ones. Without a callable the fd is left open (the callback owns it).
fn call_accept_cb(l: &Listener, nfd: i32, peer: &sk::SockAddr) -> bool {
    let (cb, data) = {
        let st = l.st.borrow();
        (st.cb.clone(), st.data.as_ref().map(copy))
    };
    let Some(cb) = cb else { return false };
    let mut fdz = null();
    if nfd != 0 {
        zv::set_long(&mut fdz, nfd as i64);
    }
    let addr = if peer.family() == libc::AF_UNIX {
        null()
    } else {
        let mut arr = zv::Array::new(2);
        if let Some((ip, port)) = listen::ntop(peer) {
            let mut s = zv::undef();
            zv::set_bytes(&mut s, ip.as_bytes());
            arr.push(s);
            let mut p = zv::undef();
            zv::set_long(&mut p, port as i64);
            arr.push(p);
        }
        arr.into_zval()
    };
    // SAFETY: not freed (checked before every accept), so `obj` is alive.
    let mut args = [unsafe { zv::object_ref(l.obj) }, fdz, addr, data.unwrap_or_else(null)];
    cb.call(&mut args);
    let [a0, a1, a2, a3] = args;
    release(a0);
    release(a1);
    release(a2);
    release(a3);
    if has_exception() {
        break_loop(l, Some(nfd));
        return true;
    }
    false
}

/// PECL's php_event_call_or_break after a callback threw: the warning
/// (none for exit()), the listener disabled, the new connection closed,
/// the loop broken.
fn break_loop(l: &Listener, nfd: Option<i32>) {
    if let Some((name, is_exit)) = error::pending_exception() {
        if !is_exit {
            warning(&format!("Breaking the loop due to exception {name}"));
        }
    }
    if !l.st.borrow().freed {
        l.disable();
    }
    if let Some(fd) = nfd.filter(|&f| f > 0) {
        sk::close(fd);
    }
    let sh = l.st.borrow().sh.clone();
    if let Ok(mut s) = sh.try_borrow_mut() {
        s.gotbreak = true;
    };
}
