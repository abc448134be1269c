//! pylift: a Python 3 interpreter with a bytecode VM, shaped for a Cranelift JIT.
//!
//! Pipeline: source → Ruff AST (`compiler::parse`) → symbol tables and bytecode
//! (`compiler`) → code objects (`bytecode`) → the interpreter (`vm`) over the object
//! model (`values`, `objects`), with the `builtins` module and native modules beside it;
//! hot code compiled to native code by the JIT (`jit`).

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod jit;
pub mod objects;
pub mod values;
pub mod vm;
