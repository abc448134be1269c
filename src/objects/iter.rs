//! Iterators implemented in Rust (list/tuple/str/range/dict iterators, enumerate, zip, map,
//! filter, reversed, the two-argument `iter`): one object kind behind a trait.

use std::cell::RefCell;

use crate::objects::Trace;
use crate::values::Value;
use crate::vm::{PyResult, Vm};

pub trait NativeIter {
    /// The next item, or `None` when exhausted.
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>>;
    /// `__length_hint__`, when known.
    fn length_hint(&self) -> Option<usize> {
        None
    }
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
}

pub struct PyNativeIter(pub RefCell<Box<dyn NativeIter>>);
impl Trace for PyNativeIter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(it) = self.0.try_borrow() {
            it.trace(visit);
        }
    }
}

/// The iterator `iter()` makes for objects with only `__getitem__`.
struct SeqIter {
    seq: Option<Value>,
    index: i64,
}

impl NativeIter for SeqIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(seq) = self.seq.clone() else { return Ok(None) };
        let key = crate::objects::int::new_int(self.index);
        match vm.getitem(&seq, &key) {
            Ok(v) => {
                self.index += 1;
                Ok(Some(v))
            }
            Err(e)
                if e.matches(&crate::objects::registry::exc().index_error)
                    || e.matches(&crate::objects::registry::exc().stop_iteration) =>
            {
                self.seq = None;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
}

/// Wraps a Rust iterator state as a Python iterator object of type `ty`.
pub fn new_native_iter(ty: &Value, it: Box<dyn NativeIter>) -> Value {
    crate::values::layout::alloc(ty, PyNativeIter(RefCell::new(it)))
}

pub fn seq_iter(seq: Value) -> PyResult {
    Ok(new_native_iter(&crate::objects::types().seq_iterator, Box::new(SeqIter { seq: Some(seq), index: 0 })))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
