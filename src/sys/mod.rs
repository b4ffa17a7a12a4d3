//! Thin safe wrappers over the system calls the groups use. Each function
//! maps one call; errors are the raw errno so callers can print native texts.

pub mod msg;
pub mod netif;
pub mod posix;
pub mod sem;
pub mod shm;
pub mod socket;

/// The errno of the last failed call.
pub type Errno = i32;

pub(crate) fn last_errno() -> Errno {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}
pub mod epoll;
pub mod evbuf_io;
pub mod poll;
pub mod sigpipe;
pub mod sock;

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
