//! The interpreter loop: runs frames instruction by instruction; Python calls push frames
//! here instead of recursing; exceptions unwind through the code's exception table.

use crate::values::Value;
use crate::vm::errors::system_error;
use crate::vm::{Args, PyResult, Vm};

impl Vm {
    /// Calls a Python function object.
    pub fn call_function(&mut self, _f: &Value, _args: Args<'_>) -> PyResult {
        Err(system_error("interpreter loop not built yet"))
    }

    /// Resumes a generator with `value` (or throws `exc` into it); `Ok(None)` when it
    /// finished with StopIteration.
    pub fn gen_resume(&mut self, _gen: &Value, _value: Value, _exc: Option<Value>) -> PyResult<Option<Value>> {
        Err(system_error("generators not built yet"))
    }

    /// Runs module-level code in `globals`.
    pub fn run_code(&mut self, _code: &Value, _globals: &Value) -> PyResult {
        Err(system_error("interpreter loop not built yet"))
    }
}
