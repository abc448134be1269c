//! `GilCell`: process-wide state that holds `Value`s, shared by threads that hold the GIL.

use std::sync::OnceLock;

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
