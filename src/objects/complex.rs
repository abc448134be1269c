//! `complex`: a pair of doubles.

use crate::objects::Trace;

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}
impl Trace for PyComplex {}
