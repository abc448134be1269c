//! Parsing with Ruff's parser (targeting Python 3.11), and turning its errors into
//! CPython-style `SyntaxError`s / `IndentationError`s with CPython's wording.

use ruff_python_ast::{Expr, Mod, PythonVersion};
use ruff_python_parser::{Mode as RuffMode, ParseOptions};
use ruff_text_size::{TextRange, TextSize};

use super::{CompileError, Mode};

mod escapes;
mod fstrings;
mod tokens;

/// Parses `source` for `mode` (`file`: a script read from its file, see `compile_warn`).
pub fn parse(source: &str, filename: &str, mode: Mode, file: bool) -> Result<Mod, CompileError> {
    let rmode = match mode {
        Mode::Exec => RuffMode::Module,
        Mode::Eval => RuffMode::Expression,
        Mode::Single => RuffMode::Module,
    };
    if let Some((pos, problem)) = indent_problem(source) {
        let at = TextRange::empty(TextSize::from(pos as u32));
        let mut e = match problem {
            IndentProblem::Tabs => {
                make(source, filename, at, "inconsistent use of tabs and spaces in indentation".into(), "TabError")
            }
            IndentProblem::TooDeep => {
                make(source, filename, at, "too many levels of indentation".into(), "IndentationError")
            }
        };
        e.col = 0;
        e.text = e.text.trim_start().to_owned();
        return Err(e);
    }
    if let Some(pos) = too_deep_brackets(source) {
        let at = TextRange::at(TextSize::from(pos as u32), TextSize::from(1));
        return Err(make(source, filename, at, "too many nested parentheses".into(), "SyntaxError"));
    }
    let opts = ParseOptions::from(rmode).with_target_version(PythonVersion::PY311);
    match ruff_python_parser::parse(source, opts) {
        Ok(p) => {
            // Ruff accepts 3.12's f-strings; 3.11's tokenizer and f-string parser may not.
            // (Without an f-string or a 3.12-only construct, nothing to check: most files.)
            let unsupported = p.unsupported_syntax_errors().first();
            let fstring = p.tokens().iter().any(|t| t.kind() == ruff_python_ast::token::TokenKind::FStringStart);
            if unsupported.is_none() && !fstring {
                return Ok(p.into_syntax());
            }
            let scan = tokens::scan(source);
            if let Some(e) = scan.error.filter(|_| unsupported.is_some()) {
                let at = TextRange::new(TextSize::from(e.at as u32), TextSize::from(e.end as u32));
                return Err(make(source, filename, at, e.msg, "SyntaxError"));
            }
            // Expressions Ruff parsed without complaint parse as `(expr)` too.
            let exprs = unsupported.is_some();
            if let Some(e) = fstrings::check(source, filename, &scan.tokens, usize::MAX, exprs) {
                return Err(e);
            }
            if let Some(u) = unsupported {
                let m = u.to_string();
                let msg = if m.contains("iterable unpacking in a list comprehension") {
                    "iterable unpacking cannot be used in comprehension"
                } else if m.contains("backslash) in f-strings") {
                    "f-string expression part cannot include a backslash"
                } else if m.contains("comments in f-strings") {
                    "f-string expression part cannot include '#'"
                } else if m.contains("Multiple exception types") {
                    "multiple exception types must be parenthesized"
                } else if m.contains("outer quote character") {
                    "f-string: expecting '}'"
                } else {
                    "invalid syntax"
                };
                return Err(make(source, filename, u.range, msg.into(), "SyntaxError"));
            }
            Ok(p.into_syntax())
        }
        Err(e) => {
            let lexical = matches!(e.error, ruff_python_parser::ParseErrorType::Lexical(_));
            let mut msg = e.error.to_string();
            let mut location = e.location;
            let scan = tokens::scan(source);
            // CPython's parser fails at an indented line that opens no block, wherever
            // Ruff's recovery puts the error.
            let first = tokens::unexpected_indent(&scan.tokens, source);
            if let Some(at) = first.filter(|&p| line_start_of(source, p) <= location.start().into()) {
                msg = "Unexpected indentation".into();
                location = TextRange::empty(TextSize::from(at as u32));
            }
            let start = u32::from(location.start()) as usize;
            // CPython tokenizes the rest of the file after a parser error, and an error its
            // tokenizer raises replaces the parser's (not "unexpected indent"); one before
            // the parser's error came first. An f-string is split when the parser is past it.
            let overridable = !lexical || msg.contains("EOF");
            let overridable = overridable && msg != "Unexpected indentation";
            // Ruff's lexical errors are CPython's tokenizer's, give or take a character:
            // the scan's own on that line is the one CPython words.
            // (Before "unexpected indent" only an error ahead of it on its line wins.)
            let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
            let limit = if msg == "Unexpected indentation" { start } else { line_end };
            if let Some(t) = scan.error.filter(|t| overridable || t.at <= limit) {
                let at = TextRange::new(TextSize::from(t.at as u32), TextSize::from(t.end as u32));
                return Err(make(source, filename, at, t.msg, "SyntaxError"));
            }
            if let Some(e) = fstrings::check(source, filename, &scan.tokens, start, true) {
                return Err(e);
            }
            let (kind, msg, range) = translate(source, &msg, location, lexical, scan.open);
            let mut err = make(source, filename, range, msg, kind);
            let at = u32::from(range.start()) as usize;
            if at_newline(source, range) && err.msg.starts_with("expected an indented block") {
                at_dedent_or_end(source, at, file, &mut err);
            }
            if err.msg == "unexpected indent" {
                err.end_col = super::NO_END;
            }
            if range.is_empty() && err.msg == "expected 'except' or 'finally' block" {
                // Ruff's empty range is the dedent at the start of the next line, or the end.
                let from = if source[..at].ends_with('\n') { at - 1 } else { at };
                at_dedent_or_end(source, from, file, &mut err);
            }
            Err(err)
        }
    }
}

fn make(source: &str, filename: &str, range: TextRange, msg: String, kind: &'static str) -> CompileError {
    let (line, col, text) = locate(source, range.start());
    let (eline, ecol, _) = locate(source, range.end());
    CompileError {
        kind,
        msg,
        filename: filename.into(),
        line,
        col,
        end_col: if eline == line && ecol > col { ecol } else { 0 },
        text,
        located: super::Located::Full,
    }
}

/// 1-based (line, column in chars) of a byte offset, and that line's text.
pub fn locate(source: &str, at: TextSize) -> (u32, u32, String) {
    let mut off = (u32::from(at) as usize).min(source.len());
    while !source.is_char_boundary(off) {
        off -= 1;
    }
    let before = &source[..off];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..off].chars().count() as u32 + 1;
    let line_end = source[line_start..].find('\n').map_or(source.len(), |i| line_start + i);
    (line, col, source[line_start..line_end].trim_end_matches('\r').to_owned())
}

/// What CPython's tokenizer rejects in indentation.
enum IndentProblem {
    /// Indentation compares differently with tabs as 8 columns and as 1 (`TabError`).
    Tabs,
    /// The 100th level (`IndentationError: too many levels of indentation`).
    TooDeep,
}

/// CPython's tokenizer checks of indentation: the offset of the first line that fails one.
fn indent_problem(source: &str) -> Option<(usize, IndentProblem)> {
    let tabs = source.split('\n').any(|l| l[..l.len() - l.trim_start().len()].contains('\t'));
    let inconsistent = |start: usize| Some((start, IndentProblem::Tabs)).filter(|_| tabs);
    let b = source.as_bytes();
    let mut ind: Vec<(u32, u32)> = vec![(0, 0)];
    let mut depth = 0i32;
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        if line_start && depth == 0 {
            line_start = false;
            let start = i;
            let (mut col, mut alt) = (0u32, 0u32);
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\x0c') {
                match b[i] {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    _ => {
                        col = 0;
                        alt = 0;
                    }
                }
                i += 1;
            }
            // Blank and comment-only lines do not count.
            if i >= b.len() || b[i] == b'\n' || b[i] == b'\r' || b[i] == b'#' {
                continue;
            }
            let &(tc, ta) = ind.last()?;
            if col == tc {
                if alt != ta {
                    return inconsistent(start);
                }
            } else if col > tc {
                if alt <= ta && tabs {
                    return inconsistent(start);
                }
                // CPython's stack holds 100 levels, the first being column 0.
                if ind.len() >= 100 {
                    return Some((start, IndentProblem::TooDeep));
                }
                ind.push((col, alt));
            } else {
                while ind.len() > 1 && ind.last().is_some_and(|&(c, _)| col < c) {
                    ind.pop();
                }
                if let Some(&(c, a)) = ind.last() {
                    if col == c && alt != a {
                        return inconsistent(start);
                    }
                }
            }
            continue;
        }
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\\' if b.get(i + 1) == Some(&b'\n') => {
                i += 2;
                continue;
            }
            b'\n' => line_start = true,
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        break;
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) {
                        i += q;
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = (depth - 1).max(0),
            _ => {}
        }
        i += 1;
    }
    None
}

/// CPython's tokenizer allows 200 nested brackets; the offset of the one too many.
fn too_deep_brackets(source: &str) -> Option<usize> {
    let mut depth = 0u32;
    let mut in_str: Option<u8> = None;
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match in_str {
            Some(q) => {
                if c == b'\\' {
                    i += 1;
                } else if c == q {
                    in_str = None;
                }
            }
            None => match c {
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' | b'"' => in_str = Some(c),
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > 200 {
                        return Some(i);
                    }
                }
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

fn line_start_of(source: &str, off: usize) -> usize {
    source[..off.min(source.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// Whether Ruff's error `range` is a newline token (or the end of the input).
fn at_newline(source: &str, range: TextRange) -> bool {
    let text = &source[usize::from(range.start())..usize::from(range.end()).min(source.len())];
    text.trim_start_matches('\r').trim_start_matches('\n').is_empty()
}

fn is_code_line(l: &str) -> bool {
    let t = l.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The 1-based line where the statement whose header ends on the line holding `off`
/// starts: lines before it ending in a backslash or leaving a bracket open belong to it.
fn header_line(source: &str, off: usize) -> u32 {
    let end = source[off..].find('\n').map_or(source.len(), |i| off + i);
    let mut ls = line_start_of(source, off);
    while ls > 0 {
        let prev = line_start_of(source, ls - 1);
        let depth = source[ls..end].bytes().fold(0i32, |d, c| match c {
            b'(' | b'[' | b'{' => d + 1,
            b')' | b']' | b'}' => d - 1,
            _ => d,
        });
        if depth >= 0 && !source[prev..ls - 1].trim_end().ends_with('\\') {
            break;
        }
        ls = prev;
    }
    locate(source, TextSize::from(ls as u32)).0
}

/// CPython reports a missing block (or a `try` without handlers) at the token after the
/// line holding `from`. When that token is a dedent, at the next code line, at its
/// indentation's width (so no caret shows); at the end of the input, on the last line that
/// is not empty, past its end (column 0 in a script read from its file). Neither has an
/// end (CPython's -1).
fn at_dedent_or_end(source: &str, from: usize, file: bool, err: &mut CompileError) {
    let first = locate(source, TextSize::from(from as u32)).0 as usize;
    let lines: Vec<&str> = source.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let (line, col, text) = match lines.iter().enumerate().skip(first).find(|(_, l)| is_code_line(l)) {
        Some((k, l)) => (k + 1, l.chars().count() - l.trim_start_matches([' ', '\t', '\x0c']).chars().count(), *l),
        None => match lines.iter().enumerate().rev().find(|(_, l)| !l.is_empty()) {
            Some((k, l)) => (k + 1, if file { 0 } else { l.chars().count() + 1 }, *l),
            None => return,
        },
    };
    err.text = text.to_owned();
    err.line = line as u32;
    err.col = col as u32;
    err.end_col = super::NO_END;
}

fn target_kind(text: &str) -> &'static str {
    if text.starts_with('*') {
        return "starred";
    }
    // An unparenthesized `a := 1` parses only inside parentheses.
    let parsed = ruff_python_parser::parse_expression(text)
        .or_else(|_| ruff_python_parser::parse_expression(&format!("({text})")));
    match parsed {
        Ok(p) => match p.expr() {
            Expr::NoneLiteral(_) => "None",
            Expr::BooleanLiteral(b) => {
                if b.value {
                    "True"
                } else {
                    "False"
                }
            }
            Expr::EllipsisLiteral(_) => "ellipsis",
            Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
            Expr::Call(_) => "function call",
            Expr::FString(_) => "f-string expression",
            Expr::Compare(_) => "comparison",
            Expr::Lambda(_) => "lambda",
            Expr::If(_) => "conditional expression",
            Expr::Named(_) => "named expression",
            Expr::Dict(_) => "dict literal",
            Expr::Set(_) => "set display",
            Expr::ListComp(_) => "list comprehension",
            Expr::DictComp(_) => "dict comprehension",
            Expr::SetComp(_) => "set comprehension",
            Expr::Generator(_) => "generator expression",
            Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
            Expr::Await(_) => "await expression",
            Expr::Tuple(_) => "tuple",
            Expr::List(_) => "list",
            Expr::Name(_) | Expr::Attribute(_) | Expr::Subscript(_) | Expr::Starred(_) => "name",
            _ => "expression",
        },
        Err(_) => "expression",
    }
}

/// CPython's `_PyPegen_get_expr_name` where it differs from `target_kind` (which groups
/// the valid targets as "name").
fn expr_name(text: &str) -> &'static str {
    match ruff_python_parser::parse_expression(text).as_ref().map(|p| p.expr()) {
        Ok(Expr::Attribute(_)) => "attribute",
        Ok(Expr::Subscript(_)) => "subscript",
        Ok(Expr::Starred(_)) => "starred",
        Ok(Expr::Name(_)) => "name",
        _ => target_kind(text),
    }
}

/// `[1 2]`: inside brackets, two simple operands with nothing between them are CPython's
/// "Perhaps you forgot a comma?", marked from the first to the second.
fn forgot_comma(source: &str, start: usize, range: TextRange, found: &str) -> Option<TextRange> {
    if !["int", "float", "name", "complex"].contains(&found) {
        return None;
    }
    let depth = source[..start].bytes().fold(0i32, |d, c| match c {
        b'(' | b'[' | b'{' => d + 1,
        b')' | b']' | b'}' => d - 1,
        _ => d,
    });
    let before = source[..start].trim_end_matches([' ', '\t']);
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let a = before.trim_end_matches(word).len();
    let operand = &before[a..];
    let preceded = before[..a].trim_end().chars().next_back();
    if depth <= 0 || operand.is_empty() || !matches!(preceded, Some('(' | '[' | '{' | ',')) {
        return None;
    }
    Some(TextRange::new(TextSize::from(a as u32), range.end()))
}

/// Maps a Ruff parse error to CPython's (kind, message, location).
fn translate(
    source: &str,
    msg: &str,
    range: TextRange,
    lexical: bool,
    open: Option<(usize, char)>,
) -> (&'static str, String, TextRange) {
    let start = u32::from(range.start()) as usize;
    let text = source.get(start..(u32::from(range.end()) as usize).min(source.len())).unwrap_or("");
    let lex_eof = lexical && msg.contains("EOF");
    // A bracket left open replaces the parser's error only when that error is on a later
    // line (or at the end of input), as CPython's
    // `_PyPegen_tokenize_full_source_to_check_for_errors` does.
    if let Some((pos, c)) = open.filter(|_| !lexical || lex_eof) {
        let at = TextRange::new(TextSize::from(pos as u32), TextSize::from(pos as u32 + 1));
        let err_line = locate(source, range.start()).0;
        let open_line = locate(source, at.start()).0;
        if lex_eof || msg.contains("EOF") || err_line > open_line {
            return ("SyntaxError", format!("'{c}' was never closed"), at);
        }
    }
    let syn = |m: &str| ("SyntaxError", m.to_owned(), range);
    if msg == "Got unexpected unicode" || msg.contains("escape") {
        if let Some((m, at)) = escapes::bad_escape(source, start) {
            return ("SyntaxError", m, at);
        }
    }
    // Ruff's wording of CPython's messages, same location.
    for (ruff, cpython) in [
        ("Expected an imaginary number in complex literal pattern", "imaginary number required in complex literal"),
        ("Position-only parameter separator not allowed as first parameter", "at least one argument must precede /"),
        ("Only one '/' separator allowed", "/ may appear only once"),
        ("f-string: expecting `}`", "f-string: expecting '}'"),
    ] {
        if msg == ruff {
            return syn(cpython);
        }
    }
    if let Some(what) = msg.strip_prefix("Only single target (not ").and_then(|m| m.strip_suffix(") can be annotated"))
    {
        // CPython marks a list target whole, a tuple's first element.
        let first = text.find(',').map_or(text.len(), |c| text[..c].trim_end().len());
        let at = if what == "tuple" { TextRange::at(range.start(), TextSize::from(first as u32)) } else { range };
        return ("SyntaxError", format!("only single target (not {what}) can be annotated"), at);
    }
    if msg == "Cannot have both 'except' and 'except*' on the same 'try'" {
        let at = TextRange::at(range.start(), TextSize::from(6));
        return ("SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'".into(), at);
    }
    if msg.starts_with("Parameter with `*` or `**` cannot have default value") {
        let star2 =
            source[..start].trim_end().trim_end_matches(|c: char| c.is_alphanumeric() || c == '_').ends_with("**");
        let what = if star2 { "var-keyword" } else { "var-positional" };
        return syn(&format!("{what} argument cannot have default value"));
    }
    if msg == "Assignment expression target must be an identifier" {
        return syn(&format!("cannot use assignment expressions with {}", expr_name(text)));
    }
    if msg == "Expected a newline after line continuation character" {
        let at = TextRange::empty(range.start() + TextSize::from(1));
        return ("SyntaxError", "unexpected character after line continuation character".into(), at);
    }
    if msg == "Bytes literal cannot be mixed with non-bytes literals" {
        return ("SyntaxError", "cannot mix bytes and nonbytes literals".into(), TextRange::empty(range.end()));
    }
    if msg == "Trailing comma not allowed" {
        let m = "trailing comma not allowed without surrounding parentheses";
        return ("SyntaxError", m.into(), TextRange::empty(range.end()));
    }
    // `f(a.b=1)`: the keyword is an expression; CPython marks it and the `=`.
    if msg == "Expected a parameter name" && source[u32::from(range.end()) as usize..].starts_with('=') {
        let at = TextRange::new(range.start(), range.end() + TextSize::from(1));
        return ("SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?".into(), at);
    }
    // `def f() -> : pass`: the annotation is missing; CPython expects the `:` at the `->`.
    if msg == "Expected an expression" && source[..start].trim_end().ends_with("->") {
        let arrow = source[..start].trim_end().len() - 2;
        let at = TextRange::new(TextSize::from(arrow as u32), TextSize::from(arrow as u32 + 2));
        return ("SyntaxError", "expected ':'".into(), at);
    }
    let found = ["Expected `,`, found ", "Expected `)`, found ", "Expected `]`, found ", "Expected `}`, found "]
        .iter()
        .find_map(|p| msg.strip_prefix(p));
    if let Some(found) = found {
        if let Some(at) = forgot_comma(source, start, range, found) {
            return ("SyntaxError", "invalid syntax. Perhaps you forgot a comma?".into(), at);
        }
    }
    if msg.starts_with("f-string: single `}`") {
        return syn("f-string: single '}' is not allowed");
    }
    if msg.starts_with("f-string: invalid conversion character") {
        return syn("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    if msg == "Expected an expression" && text.starts_with('}') && source[..start].ends_with('{') {
        return syn("f-string: empty expression not allowed");
    }
    if msg.contains("Positional patterns cannot follow keyword patterns") {
        return syn("positional patterns follow keyword patterns");
    }
    if msg.starts_with("Expected `}`, found `for`") && source[..start].contains("{**") {
        return syn("dict unpacking cannot be used in dict comprehension");
    }
    if msg.starts_with("Expected `:`, found `=`") {
        let ls = line_start_of(source, start);
        let line = &source[ls..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let ind = line.len() - line.trim_start().len();
        let t = line.trim_start();
        for kw in ["if ", "elif ", "while "] {
            if t.starts_with(kw) {
                let s0 = ls + ind + kw.len();
                let e0 = ls + line.trim_end().trim_end_matches(':').trim_end().len();
                let at = TextRange::new(TextSize::from(s0 as u32), TextSize::from(e0.max(s0) as u32));
                return ("SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into(), at);
            }
        }
    }
    if msg.starts_with("Expected `:`, found `}`") || msg.starts_with("Expected `:`, found `,`") {
        // `{1: 2, 3}`: point at the key, as CPython does.
        let before = source[..start].trim_end();
        let kstart = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map_or(before.len(), |(i, _)| i);
        if before[..kstart].trim_end().ends_with(',') || before[..kstart].trim_end().ends_with('{') {
            let at = TextRange::new(TextSize::from(kstart as u32), TextSize::from(before.len() as u32));
            return ("SyntaxError", "':' expected after dictionary key".into(), at);
        }
    }
    if msg.starts_with("Expected `,`, found `")
        && ["+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@="]
            .iter()
            .any(|op| msg.ends_with(&format!("found `{op}`")))
    {
        let ls = line_start_of(source, start);
        let line = &source[ls..start];
        let ind = line.len() - line.trim_start().len();
        let at = TextRange::new(TextSize::from((ls + ind) as u32), TextSize::from((ls + line.trim_end().len()) as u32));
        return ("SyntaxError", "'tuple' is an illegal expression for augmented assignment".into(), at);
    }
    // CPython insists on the `:` of compound statements; a lambda's is plain grammar.
    let in_lambda = || {
        let before = &source[line_start_of(source, start)..start];
        before.rfind("lambda").is_some_and(|p| !before[p..].contains(':'))
    };
    if msg.starts_with("Expected `:`") && !in_lambda() {
        return syn("expected ':'");
    }
    if msg == "Unexpected indentation" {
        // CPython's offset is the indentation width (its last blank column).
        let ls = line_start_of(source, start);
        let line = &source[ls..];
        let width = line.len() - line.trim_start_matches([' ', '\t', '\x0c']).len();
        let at = TextRange::empty(TextSize::from((ls + width.max(1) - 1) as u32));
        return ("IndentationError", "unexpected indent".into(), at);
    }
    if msg.contains("unindent does not match") {
        // CPython points just past the end of the offending line.
        let ls = line_start_of(source, start);
        let le = source[ls..].find('\n').map_or(source.len(), |i| ls + i);
        let at = TextRange::empty(TextSize::from(le as u32));
        return ("IndentationError", "unindent does not match any outer indentation level".into(), at);
    }
    if let Some(rest) = msg.strip_prefix("Expected an indented block after ") {
        let what = rest.replace('`', "'").replace(" clause", "").replace("'class' definition", "class definition");
        // Ruff marks the token after the header's newline (when that token has a width)
        // or the newline itself.
        let header_end = if at_newline(source, range) {
            start
        } else {
            let ls = line_start_of(source, start);
            let before = &source[..ls.saturating_sub(1)];
            let mut off = ls.saturating_sub(1);
            for l in before.rsplit('\n') {
                off = off.saturating_sub(l.len());
                if is_code_line(l) {
                    break;
                }
                off = off.saturating_sub(1);
            }
            off
        };
        let line = header_line(source, header_end);
        let what =
            if what.contains("statement") || what.contains("definition") { what } else { format!("{what} statement") };
        return ("IndentationError", format!("expected an indented block after {what} on line {line}"), range);
    }
    if msg == "Invalid assignment target" {
        if text.starts_with("yield") {
            return syn("assignment to yield expression not possible");
        }
        let k = target_kind(text);
        // `(a := 1) = 2`: the hint looks past the closing parenthesis.
        let after_paren = source[u32::from(range.end()) as usize..].trim_start_matches([')', ' ']);
        let m = match k {
            "None" | "True" | "False" | "__debug__" => format!("cannot assign to {k}"),
            "named expression" if after_paren.starts_with('=') && !after_paren.starts_with("==") => {
                format!("cannot assign to {k} here. Maybe you meant '==' instead of '='?")
            }
            "name" | "tuple" | "list" => "invalid syntax".into(),
            _ => {
                let rest = &source[start..];
                let line_end = rest.find('\n').unwrap_or(rest.len());
                let after = rest[text.len().min(line_end)..line_end].trim_start();
                let first = source[line_start_of(source, start)..start].trim().is_empty();
                let no_hint = ["generator expression", "comparison", "lambda", "conditional expression", "expression"];
                let boolish = matches!(k, "expression")
                    && (text.contains(" and ") || text.contains(" or ") || text.starts_with("not "));
                if first
                    && !(no_hint.contains(&k) && (k != "expression" || boolish))
                    && after.starts_with('=')
                    && !after.starts_with("==")
                {
                    format!("cannot assign to {k} here. Maybe you meant '==' instead of '='?")
                } else {
                    format!("cannot assign to {k}")
                }
            }
        };
        return syn(&m);
    }
    if msg == "Invalid delete target" {
        return syn(&format!("cannot delete {}", target_kind(text)));
    }
    if msg == "Invalid augmented assignment target" {
        let k = target_kind(text);
        let k = if k == "literal" || k == "expression" { "expression" } else { k };
        return syn(&format!("'{k}' is an illegal expression for augmented assignment"));
    }
    if let Some(rest) = msg.strip_prefix("Duplicate keyword argument ") {
        return syn(&format!("keyword argument repeated: {}", rest.trim_matches('"').trim_matches('`')));
    }
    if msg.contains("Unparenthesized generator expression") {
        return syn("Generator expression must be parenthesized");
    }
    if msg.contains("missing closing quote") {
        let tri = text.starts_with("\"\"\"") || text.starts_with("'''");
        // A triple-quoted string runs to the end of the input: CPython reports its last line.
        let line = if tri {
            let n = source.matches('\n').count() as u32;
            if source.ends_with('\n') { n.max(1) } else { n + 1 }
        } else {
            locate(source, range.start()).0
        };
        let m = if tri {
            format!("unterminated triple-quoted string literal (detected at line {line})")
        } else {
            format!("unterminated string literal (detected at line {line})")
        };
        return ("SyntaxError", m, TextRange::empty(range.start()));
    }
    if msg.contains("Parameter without a default cannot follow") {
        return syn("non-default argument follows default argument");
    }
    // CPython marks the token after the positional argument.
    let after = TextRange::at(range.end(), TextSize::from(1));
    if msg.contains("Positional argument cannot follow keyword argument unpacking") {
        return ("SyntaxError", "positional argument follows keyword argument unpacking".into(), after);
    }
    if msg.contains("Positional argument cannot follow keyword argument") {
        return ("SyntaxError", "positional argument follows keyword argument".into(), after);
    }
    if msg.contains("Iterable argument unpacking cannot follow keyword argument unpacking") {
        let at = TextRange::at(range.start(), TextSize::from(1));
        return ("SyntaxError", "iterable argument unpacking follows keyword argument unpacking".into(), at);
    }
    if msg.contains("Invalid decimal integer literal") && text.starts_with('0') {
        return (
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
            TextRange::empty(range.start()),
        );
    }
    if msg.contains("Expected 'else'") || msg.contains("Expected `else`") {
        // CPython points at the conditional expression's body.
        let ls = line_start_of(source, start);
        let line = &source[ls..start];
        if let Some(ifpos) = line.rfind(" if ") {
            let prefix = &line[..ifpos];
            let mut body = prefix.rfind(['=', '(', ',', '[', '{', ':']).map_or(0, |p| p + 1);
            let rest = &prefix[body..];
            body += rest.len() - rest.trim_start().len();
            for kw in ["return ", "yield "] {
                if prefix[body..].starts_with(kw) {
                    body += kw.len();
                }
            }
            let at = TextRange::new(TextSize::from((ls + body) as u32), range.end());
            return ("SyntaxError", "expected 'else' after 'if' expression".into(), at);
        }
        return syn("expected 'else' after 'if' expression");
    }
    if msg.contains("Duplicate parameter") {
        return syn(&format!("duplicate argument '{}' in function definition", text));
    }
    if msg.contains("Simple statements must be separated") {
        let before = &source[..start];
        let prev = before.chars().next_back();
        let cur = text.chars().next();
        // The number literal just before the error.
        let lit_start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map_or(start, |(i, _)| i);
        let lit = before[lit_start..].to_ascii_lowercase();
        if lit.starts_with(|c: char| c.is_ascii_digit()) {
            if let Some(d) = cur.filter(|c| c.is_ascii_digit()) {
                if lit.starts_with("0b") {
                    return syn(&format!("invalid digit '{d}' in binary literal"));
                }
                if lit.starts_with("0o") {
                    return syn(&format!("invalid digit '{d}' in octal literal"));
                }
            }
            if lit.ends_with('j') {
                return (
                    "SyntaxError",
                    "invalid imaginary literal".into(),
                    TextRange::empty(TextSize::from(start as u32 - 1)),
                );
            }
            if cur.is_some_and(|c| c.is_alphanumeric() || c == '_') || prev == Some('_') {
                return syn("invalid decimal literal");
            }
        }
        let ls = line_start_of(source, start);
        let line = source[ls..].trim_start();
        for kw in ["print", "exec"] {
            if line.starts_with(kw) && line[kw.len()..].starts_with(' ') {
                let at = TextRange::new(TextSize::from((ls + source[ls..].len() - line.len()) as u32), range.end());
                return ("SyntaxError", format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"), at);
            }
        }
    }
    if let Some(tok) = msg.strip_prefix("Got unexpected token ") {
        if let Some(ch) = tok.chars().next() {
            if !ch.is_ascii() && !crate::objects::str::repr::is_printable(ch) {
                return syn(&format!("invalid non-printable character U+{:04X}", ch as u32));
            }
            if !ch.is_ascii() {
                return syn(&format!("invalid character '{ch}' (U+{:04X})", ch as u32));
            }
        }
    }
    if msg.contains("bytes can only contain ASCII") {
        let before = &source[..start];
        let q = before.rfind(['\'', '"']).unwrap_or(start);
        let p = before[..q].trim_end_matches(['b', 'B', 'r', 'R']).len();
        return (
            "SyntaxError",
            "bytes can only contain ASCII literal characters".into(),
            TextRange::empty(TextSize::from(p as u32)),
        );
    }
    if msg.contains("cannot follow var-keyword parameter") {
        return syn("arguments cannot follow var-keyword argument");
    }
    if msg.contains("Only one '*' parameter allowed") {
        return syn("* argument may appear only once");
    }
    if msg.contains("Expected `except` or `finally` after `try` block") {
        return syn("expected 'except' or 'finally' block");
    }
    if lex_eof {
        return syn("unexpected EOF while parsing");
    }
    if msg.contains("ParseIntError") {
        let t = text.to_ascii_lowercase();
        if let Some(d) = source[u32::from(range.end()) as usize..].chars().next().filter(|c| c.is_ascii_digit()) {
            let at = TextRange::at(range.end(), TextSize::from(1));
            if t == "0o" {
                return ("SyntaxError", format!("invalid digit '{d}' in octal literal"), at);
            }
            if t == "0b" {
                return ("SyntaxError", format!("invalid digit '{d}' in binary literal"), at);
            }
        }
        let t = text.to_ascii_lowercase();
        let kind = if t.starts_with("0x") {
            "hexadecimal"
        } else if t.starts_with("0o") {
            "octal"
        } else if t.starts_with("0b") {
            "binary"
        } else {
            "decimal"
        };
        let at = if kind == "decimal" { range.start() } else { range.start() + TextSize::from(1) };
        return ("SyntaxError", format!("invalid {kind} literal"), TextRange::empty(at));
    }
    if msg.contains("keyword parameter after `*`")
        || msg.contains("Named arguments must follow bare")
        || msg.contains("named arguments must follow bare")
    {
        return syn("named arguments must follow bare *");
    }
    // A generic error points at one token.
    let tok_len = match text.chars().next() {
        Some(c) if c.is_alphanumeric() || c == '_' => {
            text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len())
        }
        Some(c) => tokens::operator_len(source, start).unwrap_or(c.len_utf8()),
        None => 0,
    };
    let r = TextRange::at(range.start(), TextSize::from(tok_len as u32));
    ("SyntaxError", "invalid syntax".into(), r)
}
