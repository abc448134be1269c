//! Parsing with Ruff's parser, and turning its errors into CPython-style `SyntaxError`s.

use ruff_python_ast::Mod;
use ruff_python_parser::{Mode as RuffMode, ParseOptions};
use ruff_text_size::TextSize;

use super::{CompileError, Mode};

/// Parses `source` for `mode`.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<Mod, CompileError> {
    let rmode = match mode {
        Mode::Exec => RuffMode::Module,
        Mode::Eval => RuffMode::Expression,
        Mode::Single => RuffMode::Module,
    };
    match ruff_python_parser::parse(source, ParseOptions::from(rmode)) {
        Ok(p) => Ok(p.into_syntax()),
        Err(e) => {
            let (line, col, text) = locate(source, e.location.start());
            Err(CompileError {
                kind: "SyntaxError",
                msg: e.error.to_string(),
                filename: filename.into(),
                line,
                col,
                end_col: 0,
                text,
            })
        }
    }
}

/// 1-based (line, column in chars) of a byte offset, and that line's text.
pub fn locate(source: &str, at: TextSize) -> (u32, u32, String) {
    let off = (u32::from(at) as usize).min(source.len());
    let before = &source[..off];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..off].chars().count() as u32 + 1;
    let line_end = source[line_start..].find('\n').map_or(source.len(), |i| line_start + i);
    (line, col, source[line_start..line_end].trim_end_matches('\r').to_owned())
}
