//! `range`: an immutable arithmetic sequence.

use crate::objects::Trace;
use crate::values::Value;

pub struct PyRange {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Trace for PyRange {}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
