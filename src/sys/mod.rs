//! Thin safe wrappers over the system calls the groups use. Each function
//! maps one call; errors are the raw errno so callers can print native texts.
//!
//! A wrapper calls nix's safe API where nix makes the same single libc call
//! with PHP's values unchanged (so result and errno are native's), and raw
//! libc where it would not: PHP passes integers nix's enums cannot hold
//! (signal numbers, resources, socket domains/types/levels, cmsg types,
//! ioctl requests), nix calls a different entry point (the _r user-database
//! lookups, a growing getcwd buffer), nix wants a `BorrowedFd` for what PHP
//! only knows as a number (poll/select sets, write), or nix has no binding
//! (System V IPC, times, getaddrinfo). Each raw wrapper says which.

pub mod conf;
pub mod msg;
pub mod netif;
pub mod posix;
pub mod sem;
pub mod shm;
pub mod shmop;
pub mod socket;
pub mod timer;

/// The errno of the last failed call.
pub type Errno = i32;

pub(crate) fn last_errno() -> Errno {
    nix::errno::Errno::last_raw()
}

/// The errno value of a failed nix call. nix's `Errno` enumerates every Linux
/// errno (1..=EHWPOISON), so the kernel's number comes back unchanged.
pub(crate) fn nix_errno(e: nix::errno::Errno) -> Errno {
    e as Errno
}
pub mod epoll;
pub mod evbuf_io;
pub mod fork;
pub mod listen;
pub mod poll;
pub mod sigpipe;
pub mod sock;
pub mod sockopt;
pub mod ssl_ctx;

macro_rules! ne_readers {
    ($($name:ident: $t:ty),*) => {$(
        /// Reads a native-endian integer from the first bytes of `b` (kernel
        /// structures copied into byte buffers). Panics if `b` is too short,
        /// which callers rule out by slicing fixed-size fields.
        pub fn $name(b: &[u8]) -> $t {
            let mut a = [0u8; std::mem::size_of::<$t>()];
            a.copy_from_slice(&b[..std::mem::size_of::<$t>()]);
            <$t>::from_ne_bytes(a)
        }
    )*};
}
ne_readers!(ne_i32: i32, ne_u32: u32, ne_i64: i64, ne_u64: u64);
