//! The compiler: Ruff AST → symbol tables → code objects with bytecode.

pub mod parse;

use crate::values::Value;

/// A compile-time error reported as CPython's `SyntaxError`.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// `SyntaxError`, `IndentationError`, `TabError`.
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    /// 1-based line and column (column in characters, 1-based as CPython's `offset`).
    pub line: u32,
    pub col: u32,
    /// 1-based end column (exclusive), for the caret range; 0 if unknown.
    pub end_col: u32,
    /// The source line text (without the newline).
    pub text: String,
}

/// What the source is compiled as (`compile()`'s mode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Compiles `source` into a module-level code object.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Value, CompileError> {
    let _ast = parse::parse(source, filename, mode)?;
    Err(CompileError {
        kind: "SyntaxError",
        msg: "compiler not built yet".into(),
        filename: filename.into(),
        line: 1,
        col: 1,
        end_col: 0,
        text: String::new(),
    })
}
