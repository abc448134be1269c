//! `_thread.lock` and `_thread.RLock`: OS-level locks (mutex + condvar); a blocking
//! acquire waits with the GIL released.

use crate::objects::type_::new_builtin_class;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{Trace, none, py_bool};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, runtime_error, type_error, value_error};
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// `_thread.TIMEOUT_MAX` (CPython's value on Linux).
pub const TIMEOUT_MAX: f64 = 9223372036.0;

#[derive(Default)]
struct State {
    locked: bool,
    /// Owning thread ident (RLock) and recursion count.
    owner: u64,
    count: u64,
}

pub struct PyLock {
    pub reentrant: bool,
    state: Mutex<State>,
    freed: Condvar,
}
impl Trace for PyLock {}

impl PyLock {
    pub fn new(reentrant: bool) -> PyLock {
        PyLock { reentrant, state: Mutex::new(State::default()), freed: Condvar::new() }
    }
    fn st(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
    /// Takes the lock for `me` without waiting.
    fn try_take(&self, me: u64) -> bool {
        let mut s = self.st();
        if !s.locked {
            *s = State { locked: true, owner: me, count: 1 };
            true
        } else if self.reentrant && s.owner == me {
            s.count += 1;
            true
        } else {
            false
        }
    }
    /// Waits (no GIL held) until the lock is taken (`Some(true)`) or the deadline passes
    /// (`Some(false)`); `None` when `interruptible` and a Ctrl-C arrived (the main thread's
    /// lock waits raise KeyboardInterrupt, as CPython's do).
    fn wait_take(&self, me: u64, deadline: Option<Instant>, interruptible: bool) -> Option<bool> {
        wait_until(&self.freed, self.st(), deadline, interruptible, |s| {
            let free = !s.locked;
            if free {
                *s = State { locked: true, owner: me, count: 1 };
            }
            free
        })
    }
    fn unlock(&self) {
        let mut s = self.st();
        *s = State::default();
        drop(s);
        self.freed.notify_one();
    }
}

struct LockTypes {
    lock: Value,
    rlock: Value,
}
static LOCK_TYPES: GilCell<LockTypes> = GilCell::new();

/// The `_thread.lock` and `_thread.RLock` types (built on first use).
pub fn lock_type() -> &'static Value {
    &lock_types().lock
}
pub fn rlock_type() -> &'static Value {
    &lock_types().rlock
}

fn lock_types() -> &'static LockTypes {
    LOCK_TYPES.init(|| {
        let lock = new_builtin_class("lock", "_thread", Kind::Lock, 0);
        let rlock = new_builtin_class("RLock", "_thread", Kind::Lock, crate::objects::type_::TF_BASETYPE);
        for t in [&lock, &rlock] {
            add_method(t, "acquire", l_acquire);
            add_method(t, "release", l_release);
            add_method(t, "__enter__", l_acquire);
            add_method(t, "__exit__", l_exit);
            add_method(t, "__repr__", l_repr);
            add_method(t, "_at_fork_reinit", l_reinit);
        }
        add_method(&lock, "acquire_lock", l_acquire);
        add_method(&lock, "release_lock", l_release);
        add_method(&lock, "locked", l_locked);
        add_method(&lock, "locked_lock", l_locked);
        add_method(&rlock, "_is_owned", r_is_owned);
        add_method(&rlock, "_release_save", r_release_save);
        add_method(&rlock, "_acquire_restore", r_acquire_restore);
        add_staticmethod(&rlock, "__new__", r_new);
        LockTypes { lock, rlock }
    })
}

/// A new unlocked `_thread.lock`.
pub fn new_lock() -> Value {
    layout::alloc(lock_type(), PyLock::new(false))
}

/// Releases a sentinel lock when its thread's state is gone (never fails).
pub fn force_release(v: &Value) {
    if let Some(l) = v.downcast::<PyLock>() {
        l.unlock();
    }
}

fn r_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(|| rlock_type().clone());
    let v = layout::alloc(rlock_type(), PyLock::new(true));
    if cls.is(rlock_type()) { Ok(v) } else { Ok(crate::objects::instance::wrap_builtin(&cls, v)) }
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a PyLock> {
    args.pos().first().and_then(|v| v.downcast::<PyLock>()).ok_or_else(|| type_error("descriptor requires a lock"))
}

fn me(vm: &Vm) -> u64 {
    vm.thread.ident
}

/// `acquire(blocking=True, timeout=-1)`.
fn l_acquire(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let b = rest.bind("acquire", &["blocking", "timeout"], 0)?;
    let blocking = match &b[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match &b[1] {
        Some(v) => match v.as_float().or_else(|| crate::objects::int::to_i64(v).map(|i| i as f64)) {
            Some(t) => t,
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::vm::protocol::type_name(v)
                )));
            }
        },
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(PyErr::new(&exc().overflow_error, "timestamp out of range for platform time_t"));
    }
    let me = me(vm);
    if l.try_take(me) {
        return Ok(py_bool(true));
    }
    if !blocking {
        return Ok(py_bool(false));
    }
    let deadline = (timeout >= 0.0).then(|| Instant::now() + Duration::from_secs_f64(timeout));
    let main = vm.thread.is_main;
    // A signal handler that returns lets the wait go on (PEP 475).
    loop {
        match vm.allow_threads(|| l.wait_take(me, deadline, main)) {
            Some(got) => return Ok(py_bool(got)),
            None => crate::builtins::signal::check_signals(vm)?,
        }
    }
}

fn l_release(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    args.no_kwargs("release")?;
    if l.reentrant {
        let me = me(vm);
        let mut s = l.st();
        if !s.locked || s.owner != me {
            return Err(runtime_error("cannot release un-acquired lock"));
        }
        s.count -= 1;
        if s.count > 0 {
            return Ok(none());
        }
        drop(s);
    } else if !l.st().locked {
        return Err(runtime_error("release unlocked lock"));
    }
    l.unlock();
    Ok(none())
}

fn l_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().cloned().into_iter().collect::<Vec<_>>();
    l_release(vm, Args::positional_only(&s))
}

fn l_locked(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(this(&args)?.st().locked))
}

fn l_reinit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    *l.st() = State::default();
    Ok(none())
}

fn l_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    let v = &args.pos()[0];
    let s = l.st();
    let state = if s.locked { "locked" } else { "unlocked" };
    let tn = crate::vm::protocol::type_short_name(v);
    let module = v.type_of().as_type().map(|t| t.module_name()).unwrap_or_default();
    Ok(new_str(&if l.reentrant {
        format!("<{state} {module}.{tn} object owner={} count={} at {:#x}>", s.owner, s.count, v.bits())
    } else {
        format!("<{state} {module}.{tn} object at {:#x}>", v.bits())
    }))
}

fn r_is_owned(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?.st();
    Ok(py_bool(s.locked && s.owner == me(vm)))
}

/// `_release_save()`: fully releases an owned RLock, returning `(count, owner)`.
fn r_release_save(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    let mut s = l.st();
    if !s.locked || s.owner != me(vm) {
        return Err(runtime_error("cannot release un-acquired lock"));
    }
    let saved = (s.count, s.owner);
    *s = State::default();
    drop(s);
    l.freed.notify_one();
    Ok(new_tuple(vec![new_int(saved.0 as i64), new_int(saved.1 as i64)]))
}

/// `_acquire_restore((count, owner))`.
fn r_acquire_restore(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let l = this(&args)?;
    let state = args.pos().get(1).and_then(|t| t.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    let count = state.first().and_then(crate::objects::int::to_i64).unwrap_or(1).max(1) as u64;
    let me = me(vm);
    if !l.try_take(me) {
        vm.allow_threads(|| l.wait_take(me, None, false));
    }
    l.st().count = count;
    Ok(none())
}

/// Waits on `cv` (no GIL held) until `claim` takes what it waits for in the guarded state
/// (`Some(true)`) or `deadline` passes (`Some(false)`); `None` when `interruptible` and a
/// Ctrl-C arrived, which interruptible waits look for every 20 ms. Locks and
/// `_queue.SimpleQueue.get` wait this way.
pub(crate) fn wait_until<T>(
    cv: &Condvar,
    mut g: MutexGuard<'_, T>,
    deadline: Option<Instant>,
    interruptible: bool,
    mut claim: impl FnMut(&mut T) -> bool,
) -> Option<bool> {
    const SLICE: Duration = Duration::from_millis(20);
    loop {
        if claim(&mut g) {
            return Some(true);
        }
        if interruptible && crate::vm::startup::sigint_pending() {
            return None;
        }
        let now = Instant::now();
        let mut wait = match deadline {
            Some(d) if now >= d => return Some(false),
            Some(d) => Some(d - now),
            None => None,
        };
        if interruptible {
            wait = Some(wait.map_or(SLICE, |w| w.min(SLICE)));
        }
        g = match wait {
            None => cv.wait(g).unwrap_or_else(|p| p.into_inner()),
            Some(w) => cv.wait_timeout(g, w).unwrap_or_else(|p| p.into_inner()).0,
        };
    }
}
