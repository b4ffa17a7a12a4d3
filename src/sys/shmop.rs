//! System V shared memory as ext/shmop uses it: a segment attached
//! read-only or read-write, read and written by offset.
//!
//! The mapping's length is the size the kernel reports for the attached
//! segment, taken *after* shmat (the id cannot name another segment once we
//! are attached), and every access is checked against it, so no access ever
//! leaves the mapping. A SysV segment never shrinks while attached and its
//! pages stay mapped after IPC_RMID until the last shmdt, so once the bounds
//! hold, another process cannot make an access fault.

use super::{last_errno, Errno};

/// `shm_perm.mode` bit the kernel sets once IPC_RMID marked a segment.
const SHM_DEST: u32 = 0o1000;

/// What IPC_STAT reports about a segment.
#[derive(Clone, Copy, Debug)]
pub struct SegmentInfo {
    pub size: usize,
    /// Marked for removal (IPC_RMID): it disappears at the last detach.
    pub removed: bool,
}

/// shmctl(IPC_STAT).
pub fn stat(id: i32) -> Result<SegmentInfo, Errno> {
    let mut ds: libc::shmid_ds = unsafe { std::mem::zeroed() };
    // SAFETY: ds is a valid, writable shmid_ds.
    if unsafe { libc::shmctl(id, libc::IPC_STAT, &mut ds) } < 0 {
        return Err(last_errno());
    }
    Ok(SegmentInfo { size: ds.shm_segsz as usize, removed: ds.shm_perm.mode as u32 & SHM_DEST != 0 })
}

/// A segment attached into this process; detached when dropped.
#[derive(Debug)]
pub struct Mapping {
    ptr: *mut u8,
    len: usize,
    read_only: bool,
}

impl Mapping {
    /// shmat(id), read-only when asked, then sized by IPC_STAT.
    pub fn attach(id: i32, read_only: bool) -> Result<Mapping, Errno> {
        let flags = if read_only { libc::SHM_RDONLY } else { 0 };
        // SAFETY: shmat with a null address maps a new region; nothing is dereferenced.
        let p = unsafe { libc::shmat(id, std::ptr::null(), flags) };
        if p as isize == -1 {
            return Err(last_errno());
        }
        // Built before the size is known so that an error path detaches it.
        let mut m = Mapping { ptr: p as *mut u8, len: 0, read_only };
        m.len = stat(id)?.size;
        Ok(m)
    }

    /// The mapping's size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Copies `dst.len()` bytes from `offset`. Returns false (copying
    /// nothing) if that range is not inside the mapping.
    pub fn read<'a>(&self, offset: usize, dst: &'a mut [std::mem::MaybeUninit<u8>]) -> Option<&'a mut [u8]> {
        if offset.checked_add(dst.len()).is_none_or(|end| end > self.len) {
            return None;
        }
        // SAFETY: [offset, offset + dst.len()) lies inside the mapping, which
        // stays mapped while `self` lives. The bytes may change concurrently
        // (other processes); a raw copy reads them without forming a Rust
        // reference to shared memory. Afterwards every byte of dst is written.
        unsafe {
            std::ptr::copy_nonoverlapping(self.ptr.add(offset), dst.as_mut_ptr().cast(), dst.len());
            Some(std::slice::from_raw_parts_mut(dst.as_mut_ptr().cast(), dst.len()))
        }
    }

    /// Copies `src` to `offset`. Returns false (writing nothing) if the
    /// mapping is read-only or the range is not inside it.
    pub fn write(&self, offset: usize, src: &[u8]) -> bool {
        if self.read_only || offset.checked_add(src.len()).is_none_or(|end| end > self.len) {
            return false;
        }
        // SAFETY: as in `read`; the mapping is writable (not SHM_RDONLY).
        unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), self.ptr.add(offset), src.len()) };
        true
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: ptr is the address shmat returned; nothing refers to it after this.
        unsafe { libc::shmdt(self.ptr as *const libc::c_void) };
    }
}
