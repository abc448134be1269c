//! Builtins, object model builtins: isinstance, getattr, type helpers, repr, hash, id, exec/eval, __build_class__.

use crate::values::Value;

/// Adds this group's functions to the builtins dict.
pub fn init(_d: &Value) {}
