//! epoll(7): an owned epoll instance (closed on drop), ctl and wait.

use super::{last_errno, Errno};

pub struct Epoll {
    fd: i32,
}

pub const IN: u32 = libc::EPOLLIN as u32;
pub const OUT: u32 = libc::EPOLLOUT as u32;
pub const ERR: u32 = libc::EPOLLERR as u32;
pub const HUP: u32 = libc::EPOLLHUP as u32;
pub const ET: u32 = libc::EPOLLET as u32;

pub type Event = libc::epoll_event;

pub fn empty_event() -> Event {
    Event { events: 0, u64: 0 }
}

impl Epoll {
    pub fn new() -> Result<Epoll, Errno> {
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            Err(last_errno())
        } else {
            Ok(Epoll { fd })
        }
    }

    fn ctl(&self, op: i32, fd: i32, events: u32) -> Result<(), Errno> {
        let mut ev = Event { events, u64: fd as u32 as u64 };
        // SAFETY: ev is a valid epoll_event for the duration of the call.
        if unsafe { libc::epoll_ctl(self.fd, op, fd, &mut ev) } < 0 {
            Err(last_errno())
        } else {
            Ok(())
        }
    }
    pub fn add(&self, fd: i32, events: u32) -> Result<(), Errno> {
        self.ctl(libc::EPOLL_CTL_ADD, fd, events)
    }
    pub fn modify(&self, fd: i32, events: u32) -> Result<(), Errno> {
        self.ctl(libc::EPOLL_CTL_MOD, fd, events)
    }
    pub fn delete(&self, fd: i32) -> Result<(), Errno> {
        self.ctl(libc::EPOLL_CTL_DEL, fd, 0)
    }

    /// Waits up to `timeout_ms` (-1: forever). EINTR is returned as Err.
    pub fn wait(&self, buf: &mut [Event], timeout_ms: i32) -> Result<usize, Errno> {
        // SAFETY: the kernel writes at most buf.len() entries.
        let n = unsafe { libc::epoll_wait(self.fd, buf.as_mut_ptr(), buf.len() as i32, timeout_ms) };
        if n < 0 {
            Err(last_errno())
        } else {
            Ok(n as usize)
        }
    }
}

impl Drop for Epoll {
    fn drop(&mut self) {
        unsafe { libc::close(self.fd) };
    }
}
