//! EventBuffer: PECL event's evbuffer wrapper, on ipc-core's chain of chunks.

use super::*;
use crate::sys::evbuf_io::{self, BufferLock};
use ipc_core::evbuffer::{EvBuffer, MAX_READ, NUM_WRITE_IOVEC};
use std::cell::{Ref, RefMut};
use std::rc::Weak;

/// An evbuffer that several EventBuffer objects and a bufferevent may
/// share: getInput()/getOutput() give new EventBuffer objects over the
/// bufferevent's own buffers.
#[derive(Default)]
pub(crate) struct BufCell {
    buf: RefCell<EvBuffer>,
    /// libevent's evbuffer callbacks: the bufferevent told of each change
    /// (to start writing, to hand data to a pair's partner, to suspend
    /// reading at the high watermark).
    /// A Cell, not a RefCell: 8 bytes less puts the cell in a smaller
    /// malloc class (two per bufferevent).
    watcher: std::cell::Cell<Option<Weak<dyn BufWatcher>>>,
}

/// The owner of a buffer's change callback.
pub(crate) trait BufWatcher {
    /// Runs after a change of `cell` that added and/or deleted bytes.
    fn changed(&self, cell: &BufCell, added: usize, deleted: usize);
}

impl BufCell {
    pub fn get(&self) -> Ref<'_, EvBuffer> {
        self.buf.borrow()
    }
    /// The buffer itself, without telling the watcher (its owner's own
    /// operations call `notify` when libevent would run the callbacks).
    pub fn get_mut(&self) -> RefMut<'_, EvBuffer> {
        self.buf.borrow_mut()
    }
    pub fn len(&self) -> usize {
        self.buf.borrow().len()
    }
    /// Runs `f` on the buffer, then tells the watcher what changed.
    pub fn edit<R>(&self, f: impl FnOnce(&mut EvBuffer) -> R) -> R {
        let before = self.len();
        let r = f(&mut self.buf.borrow_mut());
        let after = self.len();
        self.notify(after.saturating_sub(before), before.saturating_sub(after));
        r
    }
    pub fn notify(&self, added: usize, deleted: usize) {
        if added == 0 && deleted == 0 {
            return;
        }
        let held = self.watcher.take();
        let w = held.as_ref().and_then(Weak::upgrade);
        // Back before the call: the watcher may replace or clear itself.
        self.watcher.set(held);
        if let Some(w) = w {
            w.changed(self, added, deleted);
        }
    }
    pub fn set_watcher(&self, w: Option<Weak<dyn BufWatcher>>) {
        self.watcher.set(w);
    }
}

#[derive(Default)]
pub struct EventBuffer {
    buf: Rc<BufCell>,
    /// Created by enableLocking(); lock()/unlock() do nothing before.
    lock: Option<BufferLock>,
}

impl NativeClass for EventBuffer {
    const NAME: &'static std::ffi::CStr = c"EventBuffer";
    fn slot() -> &'static class::ClassSlot {
        static SLOT: class::ClassSlot = class::ClassSlot::new();
        &SLOT
    }
}

/// A new EventBuffer object over `cell` (getInput()/getOutput()).
pub(crate) fn new_object(rv: &mut zval, cell: Rc<BufCell>) {
    class::instantiate::<EventBuffer>(rv).buf = cell;
}

/// The shared buffer of an EventBuffer object.
///
/// # Safety
/// `obj` must be an EventBuffer object.
pub(crate) unsafe fn cell_of(obj: *mut zend_object) -> Rc<BufCell> {
    class::data_of::<EventBuffer>(obj).buf.clone()
}

const BUF_T: Type = Type::class(c"EventBuffer");

/// Registers the class (from the group's startup).
///
/// # Safety
/// Call only from MINIT.
pub(super) unsafe fn register() {
    let ce = class::register::<EventBuffer>(methods(), std::ptr::null_mut(), 0);
    class::declare_property_null(ce, c"length");
    class::declare_property_null(ce, c"contiguous_space");
    for (n, v) in [
        ("EOL_ANY", 0),
        ("EOL_CRLF", 1),
        ("EOL_CRLF_STRICT", 2),
        ("EOL_LF", 3),
        ("EOL_NUL", 4),
        ("PTR_SET", 0),
        ("PTR_ADD", 1),
    ] {
        class::declare_long_const(ce, n, v);
    }
    let h = class::handlers_mut::<EventBuffer>();
    (*h).read_property = Some(read_property);
    (*h).write_property = Some(write_property);
    (*h).has_property = Some(has_property);
    (*h).unset_property = Some(unset_property);
    (*h).get_property_ptr_ptr = Some(get_property_ptr_ptr);
    (*h).get_properties = Some(get_properties);
    (*h).get_debug_info = Some(get_debug_info);
    (*h).compare = Some(ext_php_rs::ffi::zend_std_compare_objects);
}

fn methods() -> *const ext_php_rs::ffi::zend_function_entry {
    let at_front = |d: FnDef, ret: Type| d.arg(c"at_front", Type::BOOL).ret(ret);
    crate::php::func::table(vec![
        m(c"__construct", crate::handler!(construct)),
        at_front(m(c"freeze", crate::handler!(freeze)), Type::BOOL),
        at_front(m(c"unfreeze", crate::handler!(unfreeze)), Type::BOOL),
        at_front(m(c"lock", crate::handler!(lock)), Type::VOID),
        at_front(m(c"unlock", crate::handler!(unlock)), Type::VOID),
        m(c"enableLocking", crate::handler!(enable_locking)).ret(Type::VOID),
        m(c"add", crate::handler!(add)).arg(c"data", Type::STRING).ret(Type::BOOL),
        m(c"read", crate::handler!(read)).arg(c"max_bytes", Type::INT).ret(Type::STRING),
        m(c"addBuffer", crate::handler!(add_buffer)).arg(c"buf", BUF_T).ret(Type::BOOL),
        m(c"appendFrom", crate::handler!(append_from)).arg(c"buf", BUF_T).arg(c"len", Type::INT).ret(Type::INT),
        m(c"expand", crate::handler!(expand)).arg(c"len", Type::INT).ret(Type::BOOL),
        m(c"prepend", crate::handler!(prepend)).arg(c"data", Type::STRING).ret(Type::BOOL),
        m(c"prependBuffer", crate::handler!(prepend_buffer)).arg(c"buf", BUF_T).ret(Type::BOOL),
        m(c"drain", crate::handler!(drain)).arg(c"len", Type::INT).ret(Type::BOOL),
        m(c"copyout", crate::handler!(copyout))
            .arg_ref(c"data", Type::STRING)
            .arg(c"max_bytes", Type::INT)
            .ret(Type::INT),
        m(c"readLine", crate::handler!(read_line)).arg(c"eol_style", Type::INT).ret(Type::STRING.nullable()),
        m(c"search", crate::handler!(search))
            .arg(c"what", Type::STRING)
            .opt(c"start", Type::INT, c"-1")
            .opt(c"end", Type::INT, c"-1")
            .ret(Type::INT.or(Type::FALSE)),
        m(c"searchEol", crate::handler!(search_eol))
            .opt(c"start", Type::INT, c"-1")
            .opt(c"eol_style", Type::INT, c"EventBuffer::EOL_ANY")
            .ret(Type::INT.or(Type::FALSE)),
        m(c"pullup", crate::handler!(pullup)).arg(c"size", Type::INT).ret(Type::STRING.nullable()),
        m(c"write", crate::handler!(write))
            .arg(c"fd", Type::MIXED)
            .opt(c"howmuch", Type::INT, c"-1")
            .ret(Type::INT.or(Type::FALSE)),
        m(c"readFrom", crate::handler!(read_from))
            .arg(c"fd", Type::MIXED)
            .opt(c"howmuch", Type::INT, c"-1")
            .ret(Type::INT.or(Type::FALSE)),
        m(c"substr", crate::handler!(substr))
            .arg(c"start", Type::INT)
            .opt(c"length", Type::INT, c"-1")
            .ret(Type::STRING.or(Type::FALSE)),
    ])
}

fn me<'a>(a: &Args) -> &'a mut EventBuffer {
    this::<EventBuffer>(a)
}

fn construct(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)
}

fn freeze(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let front = a.bool(0)?;
    me(a).buf.get_mut().freeze(front, true);
    zv::set_bool(rv, true);
    Ok(())
}

fn unfreeze(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let front = a.bool(0)?;
    me(a).buf.get_mut().freeze(front, false);
    zv::set_bool(rv, true);
    Ok(())
}

// PECL declares `bool $at_front` for lock()/unlock() but parses no
// argument: they take none, as there.
fn lock(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    if let Some(l) = &me(a).lock {
        l.lock();
    }
    Ok(())
}

fn unlock(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    if let Some(l) = &me(a).lock {
        l.unlock();
    }
    Ok(())
}

fn enable_locking(a: &Args, _rv: &mut zval) -> PhpResult {
    a.count(0, 0)?;
    let b = me(a);
    if b.lock.is_none() {
        b.lock = Some(BufferLock::default());
    }
    Ok(())
}

fn add(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let data = a.bytes(0)?;
    zv::set_bool(rv, me(a).buf.edit(|b| b.add(data)));
    Ok(())
}

fn prepend(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let data = a.bytes(0)?;
    zv::set_bool(rv, me(a).buf.edit(|b| b.prepend(data)));
    Ok(())
}

/// A PHP int given where libevent takes a size_t: negative means huge.
fn size(n: i64) -> usize {
    n as u64 as usize
}

fn read(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    match me(a).buf.edit(|b| b.remove(size(n))) {
        Some(v) if !v.is_empty() => zv::set_bytes(rv, &v),
        _ => zv::set_null(rv),
    }
    Ok(())
}

/// The other buffer argument, or None when it is this very buffer (the
/// same object, or another object over the same bufferevent buffer).
fn other(a: &Args, i: u32) -> PhpResult<Option<Rc<BufCell>>> {
    let obj = a.object_of(i, ce_of::<EventBuffer>())?;
    // SAFETY: object_of checked the class.
    let cell = unsafe { cell_of(obj) };
    if Rc::ptr_eq(&cell, &me(a).buf) {
        return Ok(None);
    }
    Ok(Some(cell))
}

/// evbuffer_add_buffer between two distinct shared buffers (writeBuffer,
/// readBuffer), both watchers told.
pub(crate) fn move_all(dst: &BufCell, src: &BufCell) -> bool {
    edit_two(dst, src, EvBuffer::add_buffer)
}

/// Runs a two-buffer operation, then tells both buffers' watchers.
fn edit_two<R>(dst: &BufCell, src: &BufCell, f: impl FnOnce(&mut EvBuffer, &mut EvBuffer) -> R) -> R {
    let (d0, s0) = (dst.len(), src.len());
    let r = f(&mut dst.get_mut(), &mut src.get_mut());
    let (d1, s1) = (dst.len(), src.len());
    src.notify(s1.saturating_sub(s0), s0.saturating_sub(s1));
    dst.notify(d1.saturating_sub(d0), d0.saturating_sub(d1));
    r
}

fn add_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    move_whole_buffer(a, rv, EvBuffer::add_buffer)
}

fn prepend_buffer(a: &Args, rv: &mut zval) -> PhpResult {
    move_whole_buffer(a, rv, EvBuffer::prepend_buffer)
}

/// addBuffer/prependBuffer: all of the argument's bytes move into this buffer.
/// Moving a buffer into itself changes nothing (libevent returns 0).
fn move_whole_buffer(a: &Args, rv: &mut zval, op: fn(&mut EvBuffer, &mut EvBuffer) -> bool) -> PhpResult {
    a.count(1, 1)?;
    let ok = match other(a, 0)? {
        Some(src) => edit_two(&me(a).buf, &src, op),
        None => true,
    };
    zv::set_bool(rv, ok);
    Ok(())
}

fn append_from(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let src = other(a, 0)?;
    let len = a.long(1)?;
    let n = match src {
        Some(src) => edit_two(&me(a).buf, &src, |d, s| d.append_from(s, size(len))),
        None => 0,
    };
    zv::set_long(rv, n);
    Ok(())
}

fn expand(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    zv::set_bool(rv, me(a).buf.edit(|b| b.expand(size(n))));
    Ok(())
}

fn drain(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    zv::set_bool(rv, me(a).buf.edit(|b| b.drain(size(n))));
    Ok(())
}

fn copyout(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(2, 2)?;
    let n = a.long(1)?;
    let copied = me(a).buf.get().copyout(size(n));
    let r = match copied {
        None => -1,
        Some(v) => {
            if !v.is_empty() {
                if let Some(mut out) = a.out(0) {
                    // PECL converts the variable to a string first (its
                    // warning, or its Error and no assignment).
                    if zv::try_string(out.get()).is_none() {
                        return Err(error::Thrown);
                    }
                    out.set_bytes(&v);
                }
            }
            v.len() as i64
        }
    };
    zv::set_long(rv, r);
    Ok(())
}

/// PECL passes the style as libevent's C enum: only its low 32 bits count.
fn eol_style(n: i64) -> i64 {
    n as i32 as i64
}

fn read_line(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let style = eol_style(a.long(0)?);
    match me(a).buf.edit(|b| b.read_line(style)) {
        Some(v) => zv::set_bytes(rv, &v),
        None => zv::set_null(rv),
    }
    Ok(())
}

/// PECL's _get_pos: a position in the buffer; negative ones fail silently,
/// ones beyond the end with a warning.
fn position(b: &EvBuffer, pos: i64) -> Option<usize> {
    if pos < 0 {
        return None;
    }
    if pos as u64 > b.len() as u64 {
        warning(&format!("Failed to set position to {pos}"));
        return None;
    }
    Some(pos as usize)
}

fn search(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 3)?;
    let what = a.bytes(0)?;
    let start = a.long_or(1, -1)?;
    let end = a.long_or(2, -1)?;
    let g = me(a).buf.get();
    let b = &*g;
    let start = if start != -1 { position(b, start) } else { None };
    let end = if end >= 0 && (end as u64) <= b.len() as u64 { Some(end as usize) } else { None };
    match b.search(what, start, end) {
        Some(p) => zv::set_long(rv, p as i64),
        None => zv::set_bool(rv, false),
    }
    Ok(())
}

fn search_eol(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(0, 2)?;
    let start = a.long_or(0, -1)?;
    let style = eol_style(a.long_or(1, 0)?);
    let g = me(a).buf.get();
    let b = &*g;
    let start = if start != -1 { position(b, start) } else { None };
    match b.search_eol(start, style) {
        Some((p, _)) => zv::set_long(rv, p as i64),
        None => zv::set_bool(rv, false),
    }
    Ok(())
}

/// PECL returns the buffer's whole length from the pulled-up memory: with
/// libevent that reads past the first `size` bytes when the rest is in
/// other chunks. Here it is the buffer's whole contents.
fn pullup(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 1)?;
    let n = a.long(0)?;
    let mut g = me(a).buf.get_mut();
    let b = &mut *g;
    if b.pullup(n) {
        zv::set_bytes(rv, &b.copy_range(0, b.len()));
    } else {
        zv::set_null(rv);
    }
    Ok(())
}

fn substr(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let start = a.long(0)?;
    let len = a.long_or(1, -1)?;
    let g = me(a).buf.get();
    let b = &*g;
    let Some(s) = position(b, start) else {
        zv::set_bool(rv, false);
        return Ok(());
    };
    let rest = b.len() - s;
    let n = if len < 0 { rest } else { (len as u64).min(rest as u64) as usize };
    zv::set_bytes(rv, &b.copy_range(s, n));
    Ok(())
}

/// The descriptor argument of write()/readFrom(); None (false returned)
/// when there is none.
fn fd_arg(a: &Args) -> PhpResult<Option<i32>> {
    let fd = zval_to_fd(a.zval(0))?;
    Ok((fd >= 0).then_some(fd))
}

fn write(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let howmuch = a.long_or(1, -1)?;
    let Some(fd) = fd_arg(a)? else {
        zv::set_bool(rv, false);
        return Ok(());
    };
    let n = me(a).buf.edit(|b| if b.front_frozen() { -1 } else { write_to_fd(b, fd, howmuch).0 });
    if n == -1 {
        zv::set_bool(rv, false);
    } else {
        zv::set_long(rv, n);
    }
    Ok(())
}

/// evbuffer_write_atmost: writes up to `howmuch` bytes (all for a negative
/// value) from the front of `b` with one writev and drains what was
/// written. Returns the count (-1 on error or with nothing to write) and
/// the errno of a failure.
pub(crate) fn write_to_fd(b: &mut EvBuffer, fd: i32, howmuch: i64) -> (i64, i32) {
    let want = if howmuch < 0 || howmuch as u64 > b.len() as u64 { b.len() } else { howmuch as usize };
    if want == 0 {
        // libevent writes nothing and answers -1.
        return (-1, 0);
    }
    // The parts on the stack while they fit (a response is one chunk or two).
    let mut small: [&[u8]; evbuf_io::SMALL_IOV] = [&[]; evbuf_io::SMALL_IOV];
    let mut count = 0;
    let mut more: Vec<&[u8]> = Vec::new();
    let mut left = want;
    for s in b.slices().take(NUM_WRITE_IOVEC) {
        if left == 0 {
            break;
        }
        let k = s.len().min(left);
        if count < small.len() {
            small[count] = &s[..k];
        } else {
            if more.is_empty() {
                more.extend_from_slice(&small);
            }
            more.push(&s[..k]);
        }
        count += 1;
        left -= k;
    }
    let parts = if more.is_empty() { &small[..count] } else { &more[..] };
    let n = evbuf_io::writev(fd, parts) as i64;
    let err = if n < 0 { last_errno() } else { 0 };
    if n > 0 {
        b.drain(n as usize);
    }
    (n, err)
}

/// The errno of the last failed system call.
pub(crate) fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn read_from(a: &Args, rv: &mut zval) -> PhpResult {
    a.count(1, 2)?;
    let howmuch = a.long_or(1, -1)?;
    let Some(fd) = fd_arg(a)? else {
        zv::set_bool(rv, false);
        return Ok(());
    };
    let n = me(a).buf.edit(|b| if b.back_frozen() { -1 } else { read_from_fd(b, fd, howmuch).0 });
    if n < 0 {
        zv::set_bool(rv, false);
    } else {
        zv::set_long(rv, n);
    }
    Ok(())
}

/// evbuffer_read: reads at most `howmuch` bytes (negative: what FIONREAD
/// reports, up to MAX_READ) from `fd` to the end of `b`. Returns the count
/// (-1 on error) and the errno of a failure.
pub(crate) fn read_from_fd(b: &mut EvBuffer, fd: i32, howmuch: i64) -> (i64, i32) {
    let ready = evbuf_io::readable_bytes(fd);
    let cap = if ready <= 0 || ready as usize > MAX_READ { MAX_READ } else { ready as usize };
    let want = if howmuch < 0 || howmuch as u64 > cap as u64 { cap } else { howmuch as usize };
    let Some(room) = b.prepare_read(want) else {
        return (-1, libc::ENOMEM);
    };
    // One scratch buffer per thread: a read is at most MAX_READ bytes.
    thread_local! {
        static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|s| {
        let mut tmp = s.borrow_mut();
        if tmp.len() < room {
            tmp.resize(room, 0);
        }
        let n = evbuf_io::read(fd, &mut tmp[..room]);
        if n < 0 {
            return (-1, last_errno());
        }
        b.commit_read(want, &tmp[..n as usize]);
        (n as i64, 0)
    })
}

// ---------------------------------------------------------------- properties

/// The value of `length` or `contiguous_space`, None for other names.
unsafe fn computed(obj: *mut zend_object, member: *mut zend_string) -> Option<i64> {
    let g = class::data_of::<EventBuffer>(obj).buf.get();
    let b = &*g;
    match zv::str_bytes(member) {
        b"length" => Some(b.len() as i64),
        b"contiguous_space" => Some(b.contiguous_space() as i64),
        _ => None,
    }
}

// The std handlers get no runtime cache slot, so the engine never reads
// the declared slots directly instead of asking these handlers.

unsafe extern "C" fn read_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
    rv: *mut zval,
) -> *mut zval {
    if let Some(v) = computed(obj, member) {
        zv::set_long(&mut *rv, v);
        return rv;
    }
    ext_php_rs::ffi::zend_std_read_property(obj, member, ty, std::ptr::null_mut(), rv)
}

unsafe extern "C" fn write_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    value: *mut zval,
    _cache: *mut *mut c_void,
) -> *mut zval {
    if computed(obj, member).is_some() {
        error::fatal("Cannot write property");
        return value;
    }
    ext_php_rs::ffi::zend_std_write_property(obj, member, value, std::ptr::null_mut())
}

unsafe extern "C" fn has_property(
    obj: *mut zend_object,
    member: *mut zend_string,
    has_set_exists: c_int,
    _cache: *mut *mut c_void,
) -> c_int {
    if let Some(v) = computed(obj, member) {
        // ZEND_PROPERTY_NOT_EMPTY (1) asks for a true value.
        return if has_set_exists == 1 { (v != 0) as c_int } else { 1 };
    }
    ext_php_rs::ffi::zend_std_has_property(obj, member, has_set_exists, std::ptr::null_mut())
}

unsafe extern "C" fn unset_property(obj: *mut zend_object, member: *mut zend_string, _cache: *mut *mut c_void) {
    if computed(obj, member).is_some() {
        return;
    }
    ext_php_rs::ffi::zend_std_unset_property(obj, member, std::ptr::null_mut())
}

unsafe extern "C" fn get_property_ptr_ptr(
    obj: *mut zend_object,
    member: *mut zend_string,
    ty: c_int,
    _cache: *mut *mut c_void,
) -> *mut zval {
    // As PECL: the declared slot itself (a reference to it reads its stale value).
    ext_php_rs::ffi::zend_std_get_property_ptr_ptr(obj, member, ty, std::ptr::null_mut())
}

/// get_object_vars(), foreach, (array), serialize...: PECL writes the
/// current values into the property table itself (replacing its entries for
/// the declared slots, which keep NULL).
unsafe extern "C" fn get_properties(obj: *mut zend_object) -> *mut HashTable {
    let g = class::data_of::<EventBuffer>(obj).buf.get();
    let b = &*g;
    let ht = ext_php_rs::ffi::zend_std_get_properties(obj);
    let mut table = zv::Array::from_raw(ht);
    table.set_long("length", b.len() as i64);
    table.set_long("contiguous_space", b.contiguous_space() as i64);
    ht
}

/// var_dump()/print_r(): only `length` and `contiguous_space`, as PECL.
unsafe extern "C" fn get_debug_info(obj: *mut zend_object, is_temp: *mut c_int) -> *mut HashTable {
    *is_temp = 1;
    let g = class::data_of::<EventBuffer>(obj).buf.get();
    let b = &*g;
    let mut arr = zv::Array::new(2);
    arr.set_long("length", b.len() as i64);
    arr.set_long("contiguous_space", b.contiguous_space() as i64);
    arr.into_raw()
}
