//! Builtins, I/O builtins: print, input, open.

use crate::values::Value;

/// Adds this group's functions to the builtins dict.
pub fn init(_d: &Value) {}
