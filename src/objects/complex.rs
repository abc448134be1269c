//! `complex`: a pair of doubles.

use crate::objects::Trace;

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}
impl Trace for PyComplex {}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
