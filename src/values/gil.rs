//! The global interpreter lock, and the wrappers for process-wide state that holds
//! `Value`s (`GilCell`, `GilStatic`) or hands them to a new thread (`GilSend`).
//!
//! Like CPython: every thread that touches objects holds the GIL (a mutex + condvar). A
//! thread that has waited longer than the switch interval sets `BREAK_GIL_DROP` in
//! `EVAL_BREAKER`; the holder sees it at its next instruction boundary and hands the lock
//! over (and waits until the other thread took it, so it cannot grab it straight back).
//! Blocking operations (sleep, lock waits, joins, reads) release it around the wait.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use super::layout::{BREAK_GIL_DROP, EVAL_BREAKER};

/// A once-initialised global holding interpreter objects.
///
/// `Value` is not `Sync` (its count is a plain `Cell`); like CPython, every thread that
/// touches objects holds the global interpreter lock, so at most one thread at a time
/// reads or counts these values.
pub struct GilCell<T>(OnceLock<T>);

// SAFETY: access is serialised by the GIL (see the type's docs); the contents never move.
unsafe impl<T> Sync for GilCell<T> {}
// SAFETY: as above.
unsafe impl<T> Send for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new() -> Self {
        GilCell(OnceLock::new())
    }
    /// The value; panics if read before interpreter start-up initialised it.
    #[inline(always)]
    pub fn get(&self) -> &T {
        match self.0.get() {
            Some(v) => v,
            None => panic!("interpreter globals used before initialisation"),
        }
    }
    pub fn try_get(&self) -> Option<&T> {
        self.0.get()
    }
    pub fn init(&self, f: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(f)
    }
}

/// A const-initialised global (a `RefCell`/`Cell` of interpreter state) shared by all
/// threads and only touched with the GIL held: the interpreter-wide replacement for a
/// `thread_local!`, and cheaper to reach (a plain static, no TLS access).
pub struct GilStatic<T>(T);

// SAFETY: every access happens with the GIL held, which serialises the threads (the mutex
// hand-over orders their memory accesses); the `RefCell`/`Cell` inside is never touched by
// two threads at once.
unsafe impl<T> Sync for GilStatic<T> {}

impl<T> GilStatic<T> {
    pub const fn new(v: T) -> Self {
        GilStatic(v)
    }
}

impl<T> std::ops::Deref for GilStatic<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Values handed to a new OS thread, which unwraps them only once it holds the GIL.
pub struct GilSend<T>(T);

// SAFETY: the receiving thread only touches the contents (and their reference counts)
// after acquiring the GIL, which orders it after everything the sending thread did; if the
// thread never starts, the wrapper is dropped by the sender, which holds the GIL.
unsafe impl<T> Send for GilSend<T> {}

impl<T> GilSend<T> {
    pub fn new(v: T) -> Self {
        GilSend(v)
    }
    /// The contents; call with the GIL held.
    pub fn into_inner(self) -> T {
        self.0
    }
}

struct State {
    locked: bool,
    /// Bumped each time a thread takes the lock (a waiter that times out while this is
    /// unchanged asks the holder to drop it).
    switch_number: u64,
    /// Threads waiting in `acquire`.
    waiting: usize,
}

struct Gil {
    state: Mutex<State>,
    /// Signalled when the lock is released.
    released: Condvar,
    /// Signalled when a thread takes the lock (forced switching waits on it).
    taken: Condvar,
}

static GIL: Gil = Gil {
    state: Mutex::new(State { locked: false, switch_number: 0, waiting: 0 }),
    released: Condvar::new(),
    taken: Condvar::new(),
};

/// `sys.setswitchinterval`, in nanoseconds.
static SWITCH_INTERVAL_NS: AtomicU64 = AtomicU64::new(5_000_000);

pub fn switch_interval() -> f64 {
    SWITCH_INTERVAL_NS.load(Ordering::Relaxed) as f64 / 1e9
}

pub fn set_switch_interval(secs: f64) {
    let ns = (secs * 1e9).clamp(1_000.0, 1e15) as u64;
    SWITCH_INTERVAL_NS.store(ns, Ordering::Relaxed);
}

fn lock_state() -> MutexGuard<'static, State> {
    // A panic while holding the state mutex leaves plain data behind: keep going.
    GIL.state.lock().unwrap_or_else(|p| p.into_inner())
}

/// Takes the GIL, waiting for the holder to release it; after each switch interval of
/// waiting with no hand-over, asks the holder to drop it.
pub fn acquire() {
    let mut st = lock_state();
    if st.locked {
        st.waiting += 1;
        while st.locked {
            let seen = st.switch_number;
            let interval = Duration::from_nanos(SWITCH_INTERVAL_NS.load(Ordering::Relaxed));
            let (g, res) = GIL.released.wait_timeout(st, interval).unwrap_or_else(|p| p.into_inner());
            st = g;
            if res.timed_out() && st.locked && st.switch_number == seen {
                EVAL_BREAKER.fetch_or(BREAK_GIL_DROP, Ordering::Relaxed);
            }
        }
        st.waiting -= 1;
    }
    st.locked = true;
    st.switch_number = st.switch_number.wrapping_add(1);
    if st.waiting == 0 {
        EVAL_BREAKER.fetch_and(!BREAK_GIL_DROP, Ordering::Relaxed);
    }
    drop(st);
    GIL.taken.notify_all();
}

/// Releases the GIL (the caller must hold it).
pub fn release() {
    let mut st = lock_state();
    st.locked = false;
    drop(st);
    GIL.released.notify_one();
}

/// Hands the GIL to a waiting thread (a drop request), then takes it back in turn.
pub fn yield_to_waiters() {
    let mut st = lock_state();
    if st.waiting == 0 {
        return;
    }
    st.locked = false;
    let n = st.switch_number;
    GIL.released.notify_one();
    // Forced switching: wait until some other thread took it.
    while st.switch_number == n && st.waiting > 0 {
        st = GIL.taken.wait(st).unwrap_or_else(|p| p.into_inner());
    }
    drop(st);
    acquire();
}

/// Is any thread waiting for the GIL?
pub fn has_waiters() -> bool {
    lock_state().waiting > 0
}
