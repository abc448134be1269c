//! `slice`: start/stop/step triples for subscripts.

use crate::objects::Trace;
use crate::values::Value;

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for PySlice {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
