//! epoll(7) through nix's `Epoll` (an owned instance, closed on drop).
//!
//! The descriptors registered are PHP's (streams and sockets), known here
//! only as numbers, so each ctl call borrows the number for the duration of
//! the call. A closed or reused number gets what the raw call would get.

use super::{nix_errno, Errno};
use nix::sys::epoll::{self as nix_epoll, EpollCreateFlags, EpollFlags, EpollTimeout};
use std::os::fd::BorrowedFd;

pub struct Epoll(nix_epoll::Epoll);

pub const IN: u32 = libc::EPOLLIN as u32;
pub const OUT: u32 = libc::EPOLLOUT as u32;
pub const ERR: u32 = libc::EPOLLERR as u32;
pub const HUP: u32 = libc::EPOLLHUP as u32;
pub const ET: u32 = libc::EPOLLET as u32;

/// One ready entry: [`fd_of`] and [`events_of`] read it.
pub type Event = nix_epoll::EpollEvent;

pub fn empty_event() -> Event {
    Event::empty()
}

/// The fd an entry was registered for (its data word).
pub fn fd_of(ev: &Event) -> i32 {
    ev.data() as u32 as i32
}

/// The EPOLL* bits of an entry. (nix's `events()` unwraps
/// `EpollFlags::from_bits`; it cannot fail here because [`Epoll::event`]
/// only asks for flags nix knows, and the kernel reports a subset of those
/// plus EPOLLERR/EPOLLHUP, which it knows too.)
pub fn events_of(ev: &Event) -> u32 {
    ev.events().bits() as u32
}

/// `fd` lent to one epoll_ctl call. -1 cannot be a `BorrowedFd`; the kernel
/// answers EBADF for it, so that is the answer.
fn with_fd<R>(fd: i32, f: impl FnOnce(BorrowedFd<'_>) -> nix::Result<R>) -> Result<R, Errno> {
    if fd == -1 {
        return Err(libc::EBADF);
    }
    // SAFETY: the borrow does not outlive the call it is made for; the
    // kernel checks the number itself, as it would for the raw call.
    f(unsafe { BorrowedFd::borrow_raw(fd) }).map_err(nix_errno)
}

impl Epoll {
    pub fn new() -> Result<Epoll, Errno> {
        nix_epoll::Epoll::new(EpollCreateFlags::EPOLL_CLOEXEC).map(Epoll).map_err(nix_errno)
    }

    /// The entry for `fd`: its number as the data word, `events` limited to
    /// the flags nix knows (callers pass IN/OUT/ET; see [`events_of`]).
    fn event(fd: i32, events: u32) -> Event {
        Event::new(EpollFlags::from_bits_truncate(events as i32), fd as u32 as u64)
    }
    pub fn add(&self, fd: i32, events: u32) -> Result<(), Errno> {
        with_fd(fd, |b| self.0.add(b, Self::event(fd, events)))
    }
    pub fn modify(&self, fd: i32, events: u32) -> Result<(), Errno> {
        with_fd(fd, |b| self.0.modify(b, &mut Self::event(fd, events)))
    }
    pub fn delete(&self, fd: i32) -> Result<(), Errno> {
        with_fd(fd, |b| self.0.delete(b))
    }

    /// Waits up to `timeout_ms` (-1: forever). EINTR is returned as Err.
    pub fn wait(&self, buf: &mut [Event], timeout_ms: i32) -> Result<usize, Errno> {
        let timeout = EpollTimeout::try_from(timeout_ms).unwrap_or(EpollTimeout::NONE);
        self.0.wait(buf, timeout).map_err(nix_errno)
    }
}
