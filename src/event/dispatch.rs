//! The loop: event_base_loop, event_process_active and the callbacks.

use super::*;

enum Stop {
    Break,
    Exception,
}

/// event_base_loop. Returns 0, 1 (no events) or -1; Err when a callback threw.
pub(super) fn run_loop(sh: &Rc<RefCell<Shared>>, flags: i64) -> PhpResult<i32> {
    {
        let mut s = sh.borrow_mut();
        if s.running {
            warning(
                "event_base_loop: reentrant invocation.  Only one event_base_loop can run on each event_base at once.",
            );
            return Ok(-1);
        }
        if s.freed {
            return Ok(-1);
        }
        s.running = true;
        s.loop_started();
        s.clear_time_cache();
        s.gotterm = false;
        s.gotbreak = false;
    }
    let mut ret = 0;
    let mut threw = false;
    loop {
        let mut s = sh.borrow_mut();
        s.cont = false;
        s.n_deferreds_queued = 0;
        if s.gotterm || s.gotbreak {
            break;
        }
        let active = s.core.n_active + s.active_later.len();
        let tv = if active == 0 && flags & LOOP_NONBLOCK == 0 { s.timeout_next() } else { Some(0) };
        // EVLOOP_NO_EXIT_ON_EMPTY (4): wait even with nothing pending, until exit()/stop().
        if flags & LOOP_NO_EXIT_ON_EMPTY == 0 && !s.core.have_events() && active == 0 {
            ret = 1;
            break;
        }
        // event_queue_make_later_events_active (they count as deferreds).
        for id in std::mem::take(&mut s.active_later) {
            s.core.activate(id, EV_TIMEOUT, 1);
            s.n_deferreds_queued += 1;
        }
        s.clear_time_cache();
        if let Err(e) = s.dispatch(tv) {
            drop(s);
            warning(&format!("epoll_wait: {}", error::strerror(e)));
            ret = -1;
            break;
        }
        s.update_time_cache();
        let now = s.gettime();
        s.core.expire(now);
        if s.core.n_active > 0 {
            drop(s);
            match process_active(sh) {
                Ok(n) => {
                    let idle = {
                        let s = sh.borrow();
                        s.core.n_active == 0 && s.active_later.is_empty()
                    };
                    if flags & LOOP_ONCE != 0 && idle && n != 0 {
                        break;
                    }
                }
                Err(Stop::Break) => {}
                Err(Stop::Exception) => {
                    threw = true;
                    break;
                }
            }
        } else if flags & LOOP_NONBLOCK != 0 {
            break;
        }
    }
    {
        let mut s = sh.borrow_mut();
        s.clear_time_cache();
        s.running = false;
    }
    if threw || has_exception() {
        return Err(Thrown);
    }
    Ok(ret)
}

/// event_process_active: the first non-empty priority queue is run; lower
/// priorities wait for the next iteration.
fn process_active(sh: &Rc<RefCell<Shared>>) -> Result<usize, Stop> {
    let (nprio, limits) = {
        let s = sh.borrow();
        (s.core.nprio(), s.limits)
    };
    let start = if limits.max_interval.is_some() { sh.borrow().gettime() } else { 0 };
    for i in 0..nprio {
        if sh.borrow().core.queue_len(i) == 0 {
            continue;
        }
        let limited = (i as i64) >= limits.limit_after_prio;
        let mut count = 0usize;
        loop {
            let b = {
                let mut s = sh.borrow_mut();
                let Some(id) = s.core.pop_active(i) else { break };
                let now = s.gettime();
                let b = s.core.begin(id, now);
                let _ = s.sync();
                match b {
                    Some(b) => b,
                    None => continue,
                }
            };
            match b.kind {
                Kind::Exit => sh.borrow_mut().gotterm = true,
                Kind::User => {
                    if run_callbacks(sh, &b) {
                        return Err(Stop::Exception);
                    }
                }
                Kind::Internal => {
                    let h = sh.borrow().internal_handler(b.user);
                    if let Some(h) = h {
                        if h.fire(sh, &b) {
                            return Err(Stop::Exception);
                        }
                    }
                }
            }
            count += 1;
            let s = sh.borrow();
            if s.gotbreak {
                return Err(Stop::Break);
            }
            if limited {
                if count as i64 >= limits.max_callbacks {
                    return Ok(count);
                }
                if let Some(iv) = limits.max_interval {
                    if s.gettime() - start >= iv {
                        return Ok(count);
                    }
                }
            }
            if s.cont {
                break;
            }
        }
        if count > 0 {
            return Ok(count);
        }
    }
    Ok(0)
}

/// Runs one active event's callback (ncalls times for signals). Returns
/// true when a callback threw.
///
/// No reference is taken on the Event while its callback runs, as in PECL:
/// a callback that drops the last one destroys the Event at once (its Drop
/// removes the core record, so `b.id` goes stale and a signal loop stops).
/// Nothing here touches the object after its callback has started.
fn run_callbacks(sh: &Rc<RefCell<Shared>>, b: &Begin) -> bool {
    let obj = b.user as *mut zend_object;
    if obj.is_null() {
        return false;
    }
    let mut threw;
    if b.events & EV_SIGNAL != 0 {
        threw = false;
        loop {
            // Checked before every call: the core record is gone once the Event is.
            if !sh.borrow_mut().core.next_signal_call(b.id) {
                break;
            }
            // SAFETY: the record is live, so its Event is (Drop removes it).
            if unsafe { call_one(obj, b) } {
                threw = true;
            }
            let s = sh.borrow();
            if threw || s.gotbreak {
                drop(s);
                sh.borrow_mut().core.end_signal_calls(b.id);
                break;
            }
        }
    } else {
        // SAFETY: `begin` just returned this live record's Event.
        threw = unsafe { call_one(obj, b) };
    }
    if threw {
        if let Some((name, is_exit)) = error::pending_exception() {
            if !is_exit {
                warning(&format!("Breaking the loop due to exception {name}"));
            }
        }
        let mut s = sh.borrow_mut();
        s.core.del(b.id);
        let _ = s.sync();
        s.gotbreak = true;
    }
    threw
}

/// Calls the Event's callback once with its kind's arguments; true if it threw.
///
/// # Safety
/// `obj` must be the live Event of `b`. It may be freed by the callback:
/// everything needed from it is read before the call.
#[inline]
unsafe fn call_one(obj: *mut zend_object, b: &Begin) -> bool {
    let (call, mut args, n) = {
        let ev = class::data_of::<Event>(obj);
        let Some(call) = ev.cb.as_ref().and_then(|cb| cb.prepare()) else { return false };
        let data = copy_deref(class::prop_slot(obj, 1));
        let long = |v: i64| {
            let mut z = zv::undef();
            zv::set_long(&mut z, v);
            z
        };
        // Built in place: assigning into an array of zvals would drop (and
        // so call the destructor of) the values replaced.
        let (args, n) = match ev.kind {
            CbKind::Timer => ([data, zv::undef(), zv::undef()], 1),
            CbKind::Signal => ([long(b.fd as i64), data, zv::undef()], 2),
            CbKind::Io => {
                let fd = match (ev.stream, b.res & EV_SIGNAL != 0) {
                    (Some(h), false) => match zv::resource_by_handle(h) {
                        Some(r) => copy(r),
                        None => long(b.fd as i64),
                    },
                    _ => long(b.fd as i64),
                };
                ([fd, long(b.res as i64), data], 3)
            }
        };
        (call, args, n)
    };
    call.call(&mut args[..n]);
    let [a0, a1, a2] = args;
    zv::release_fast(a0);
    zv::release_fast(a1);
    zv::release_fast(a2);
    has_exception()
}
