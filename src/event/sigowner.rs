//! libevent lets one event_base at a time receive signals (its `evsig_base`):
//! the base that most recently added a signal, or that most recently started
//! a loop while holding signal events. A signal goes to the base that owned
//! them when it was delivered; another base adding a signal warns. The
//! handler's counts (src/sys/sigpipe.rs) are per process, so counts delivered
//! while a base owned the signals are set aside for it when ownership moves.

use crate::sys::sigpipe;
use ipc_core::evloop::NSIG;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

thread_local! {
    /// The owning base (the address of its shared state), 0 for none.
    static OWNER: Cell<usize> = const { Cell::new(0) };
    /// libevent's evsig_base_n_signals_added.
    static OWNER_SIGNALS: Cell<usize> = const { Cell::new(0) };
    /// Deliveries that arrived while a base owned the signals, per base and signal.
    static STASH: RefCell<HashMap<usize, Vec<u32>>> = RefCell::new(HashMap::new());
}

/// evsig_add: `base` (holding `n_added` signals now) adds a signal. Returns
/// libevent's warning when another base holds signals, then takes ownership.
pub fn on_add(base: usize, n_added: usize, method: &str) -> Option<String> {
    let owner = OWNER.with(|o| o.get());
    let warn = (owner != 0 && owner != base && OWNER_SIGNALS.with(|n| n.get()) > 0).then(|| {
        format!(
            "Added a signal to event base {base:#x} with signals already added to event_base {owner:#x}.  Only one can have signals at a time with the {method} backend.  The base with the most recently added signal or the most recent event_base_loop() call gets preference; do not rely on this behavior in future Libevent versions."
        )
    });
    set_owner(base, n_added);
    warn
}

/// evsig_del: libevent decrements the global count whichever base it is.
pub fn on_del() {
    OWNER_SIGNALS.with(|n| n.set(n.get().saturating_sub(1)));
}

/// event_base_loop of a base holding `n_added` signals takes ownership.
pub fn on_loop(base: usize, n_added: usize) {
    if n_added > 0 {
        set_owner(base, n_added);
    }
}

/// The base goes away (evsig_dealloc_).
pub fn forget(base: usize) {
    if OWNER.with(|o| o.get()) == base {
        OWNER.with(|o| o.set(0));
        OWNER_SIGNALS.with(|n| n.set(0));
    }
    STASH.with(|s| s.borrow_mut().remove(&base));
}

fn set_owner(base: usize, n_added: usize) {
    let old = OWNER.with(|o| o.replace(base));
    OWNER_SIGNALS.with(|n| n.set(n_added));
    if old != 0 && old != base {
        // What was delivered so far went to the old owner's pipe.
        let mut counts = vec![0u32; NSIG];
        let mut any = false;
        for (sig, c) in counts.iter_mut().enumerate().skip(1) {
            *c = sigpipe::take(sig as i32);
            any |= *c > 0;
        }
        if any {
            STASH.with(|s| {
                let mut s = s.borrow_mut();
                let e = s.entry(old).or_insert_with(|| vec![0; NSIG]);
                for (a, c) in e.iter_mut().zip(counts) {
                    *a += c;
                }
            });
        }
    }
}

/// Whether `base` receives signals now.
pub fn owns(base: usize) -> bool {
    let o = OWNER.with(|o| o.get());
    o == base || o == 0
}

/// Deliveries of `sig` set aside for `base`.
pub fn take_stashed(base: usize, sig: i32) -> u32 {
    STASH.with(|s| s.borrow_mut().get_mut(&base).and_then(|v| v.get_mut(sig as usize)).map_or(0, std::mem::take))
}

/// Whether anything is set aside for `base`.
pub fn has_stashed(base: usize) -> bool {
    STASH.with(|s| s.borrow().get(&base).is_some_and(|v| v.iter().any(|&c| c > 0)))
}
