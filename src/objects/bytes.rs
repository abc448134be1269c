//! `bytes` (immutable) and `bytearray` (mutable) byte strings.

use std::cell::RefCell;

use crate::objects::Trace;

pub struct PyBytes(pub Box<[u8]>);
impl Trace for PyBytes {}

pub struct PyByteArray(pub RefCell<Vec<u8>>);
impl Trace for PyByteArray {}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
