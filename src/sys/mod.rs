//! Thin safe wrappers over the system calls the groups use. Each function
//! maps one call; errors are the raw errno so callers can print native texts.

pub mod msg;
pub mod netif;
pub mod posix;
pub mod socket;
pub mod sem;
pub mod shm;

/// The errno of the last failed call.
pub type Errno = i32;

pub(crate) fn last_errno() -> Errno {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}
pub mod epoll;
pub mod poll;
pub mod sigpipe;
pub mod sock;
