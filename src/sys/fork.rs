//! Which process an object was last used in, without a system call: a
//! counter that pthread_atfork's child handler increments. An object that
//! remembers the generation it was created (or last adopted) in knows it
//! was inherited across fork when the current generation differs: a child's
//! generation differs from its parent's, and objects only travel from a
//! parent to its children.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;

static GENERATION: AtomicU64 = AtomicU64::new(0);
static WATCH: Once = Once::new();

extern "C" fn in_child() {
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// Starts counting forks (idempotent). glibc unregisters the handler when
/// this library is unloaded (it is registered with our `__dso_handle`).
pub fn watch() {
    WATCH.call_once(|| {
        // SAFETY: registers a plain function with no prepare/parent handlers.
        unsafe { libc::pthread_atfork(None, None, Some(in_child)) };
    });
}

/// This process's generation: the number of forks between the first
/// process that loaded the library and this one.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Relaxed)
}
