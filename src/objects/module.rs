//! Module objects: a name and a globals dict.

use crate::objects::Trace;
use crate::values::Value;

pub struct PyModule {
    /// The module namespace (a dict object), shared with its functions' `__globals__`.
    pub dict: Value,
}
impl Trace for PyModule {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
