//! Buffers from the engine's allocator, for sizes PHP code chooses: the
//! memory limit then applies exactly as in native extensions.

use super::ffi;

/// `safe_emalloc(nmemb, size, offset)` bytes, freed on drop.
pub struct EngineBuf {
    ptr: *mut u8,
    len: usize,
}

impl EngineBuf {
    /// Allocates `nmemb * size + offset` bytes. On overflow or when the memory
    /// limit is hit the engine raises its fatal error, as native code does.
    pub fn new(nmemb: usize, size: usize, offset: usize) -> EngineBuf {
        // SAFETY: _safe_emalloc either returns a block of that size or bails out.
        let ptr = unsafe { ffi::_safe_emalloc(nmemb, size, offset) } as *mut u8;
        EngineBuf { ptr, len: nmemb * size + offset }
    }

    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        // SAFETY: ptr is a live allocation of len bytes owned by self.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for EngineBuf {
    fn drop(&mut self) {
        // SAFETY: allocated by _safe_emalloc, freed once.
        unsafe { ffi::_efree(self.ptr as *mut _) }
    }
}
