//! Stand-ins for the interpreter loop's entry points that builtins need (`__build_class__`,
//! `exec`/`eval`, `__import__`), until `vm/interp.rs` provides them: delete this file then.

use crate::values::Value;
use crate::vm::errors::system_error;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Runs a class body: `func`'s code with `ns` as its locals dict.
    pub fn run_class_body(&mut self, _func: &Value, _ns: &Value) -> PyResult {
        Err(system_error("class bodies need the interpreter loop"))
    }
    /// Runs a code object in `globals` with the given locals mapping.
    pub fn run_code_in(&mut self, _code: &Value, _globals: &Value, _locals: Option<Value>) -> PyResult {
        Err(system_error("exec/eval need the interpreter loop"))
    }
    /// `import name` / `from name import fromlist` at `level`.
    pub fn import_name(&mut self, _name: &Value, _fromlist: &Value, _level: &Value) -> PyResult {
        Err(system_error("imports need the interpreter loop"))
    }
}
