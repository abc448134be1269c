//! The compiler: Ruff AST → symbol tables → code objects with bytecode.
//!
//! `symtable` resolves every name's scope first (CPython's two-pass design); `codegen` is
//! the code-unit builder (labels, constants, line table, exception table, stack depth);
//! the constructs are split by file: `expr`, `stmt`, `call`, `compr`, `pattern`, `fstring`.

pub mod call;
pub mod codegen;
pub mod compr;
pub mod consts;
pub mod expr;
pub mod fstring;
pub mod func;
pub mod parse;
pub mod pattern;
pub mod source;
pub mod stmt;
pub mod symtable;
pub mod unit;
pub mod warn;

use ruff_text_size::TextRange;

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
    /// 1-based end column (exclusive), for the caret range; 0 if unknown; `NO_END` for
    /// CPython's -1 (no caret is printed).
    pub end_col: u32,
    /// The source line text (without the newline).
    pub text: String,
    pub located: Located,
}

/// `CompileError::end_col` of an error CPython gives `end_offset` -1.
pub const NO_END: u32 = u32::MAX;

/// A SyntaxWarning the compiler gives (`compiler_warn`): shown through `warnings`, and
/// `error` instead under a filter that turns it into an exception.
#[derive(Debug, Clone)]
pub struct CompileWarning {
    pub msg: String,
    pub line: u32,
    pub error: CompileError,
}

/// How much of a location a `CompileError` carries: errors found while decoding the
/// source carry less, as CPython's do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located {
    /// File, line, column and text.
    Full,
    /// As `Full`, but the text is the file's line, read when reported (CPython's compiler
    /// stage reads it from the file: none for `<string>`); `text` keeps the source's line.
    Compiler,
    /// File and line 0, no text (`compile()` of bytes in an unknown encoding).
    LineZero,
    /// The message alone (a script in an unknown encoding: `SyntaxError: msg`).
    MessageOnly,
}

impl CompileError {
    /// An error with no location (see `Located`).
    pub fn message_only(kind: &'static str, msg: String, filename: &str) -> CompileError {
        CompileError {
            kind,
            msg,
            filename: filename.into(),
            line: 0,
            col: 0,
            end_col: 0,
            text: String::new(),
            located: Located::MessageOnly,
        }
    }
}

/// What the source is compiled as (`compile()`'s mode).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Builds a `SyntaxError` at `range` of `source`.
pub fn error_at(source: &str, filename: &str, range: TextRange, msg: impl Into<String>) -> CompileError {
    let (line, col, text) = parse::locate(source, range.start());
    let (eline, ecol, _) = parse::locate(source, range.end());
    CompileError {
        kind: "SyntaxError",
        msg: msg.into(),
        filename: filename.into(),
        line,
        col,
        end_col: if eline == line { ecol } else { 0 },
        text,
        located: Located::Compiler,
    }
}

/// The interpreter's `-O` level (`sys.flags.optimize`), what `compile()` uses by default.
static OPTIMIZE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the interpreter's `-O` level (start-up).
pub fn set_optimize(level: u8) {
    OPTIMIZE.store(level, std::sync::atomic::Ordering::Relaxed);
}

/// The interpreter's `-O` level.
pub fn optimize() -> u8 {
    OPTIMIZE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Compiles `source` into a module-level code object at the interpreter's `-O` level.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Value, CompileError> {
    compile_opt(source, filename, mode, optimize())
}

/// Compiles `source` at `-O` level `optimize` (`compile()`'s argument); its warnings are
/// dropped (only the main script shows them so far).
pub fn compile_opt(source: &str, filename: &str, mode: Mode, optimize: u8) -> Result<Value, CompileError> {
    compile_warn(source, filename, mode, optimize, false).0
}

/// Compiles `source`, with the SyntaxWarnings given before the end (or the error). `file`:
/// the source is a script CPython would tokenize from its file (it reports the end of
/// the input at column 0 there).
pub fn compile_warn(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    file: bool,
) -> (Result<Value, CompileError>, Vec<CompileWarning>) {
    match compile_checked(source, filename, mode, optimize, file) {
        Ok(r) => r,
        Err(e) => (Err(e), Vec::new()),
    }
}

/// Parses and resolves scopes (errors there come before any warning), then generates code.
fn compile_checked(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    file: bool,
) -> Result<(Result<Value, CompileError>, Vec<CompileWarning>), CompileError> {
    if source.contains('\0') {
        let msg = "source code string cannot contain null bytes".to_owned();
        return Err(CompileError::message_only("SyntaxError", msg, filename));
    }
    let ast = parse::parse(source, filename, mode, file)?;
    let table = match symtable::build(&ast, source, filename) {
        Ok(t) => t,
        Err(e) => {
            if e.kind == "RecursionError" {
                // Dropping a tree this deep would recurse as deep again: leak it instead.
                std::mem::forget(ast);
            }
            return Err(e);
        }
    };
    Ok(unit::compile_module(&ast, &table, source, filename, mode, optimize))
}

#[cfg(test)]
mod tests;
