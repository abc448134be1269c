//! CPython 3.11's f-string errors. In 3.11 an f-string is one string token, ending at its
//! first matching quote; the parser splits it into literals and expressions afterwards
//! (`string_parser.c`), each expression parsed on its own as `(expr)`. Ruff parses
//! f-strings as 3.12 does, so this replays 3.11's split over the tokens of `tokens::scan`.

use ruff_text_size::{TextRange, TextSize};

use super::tokens::{Kind, Token};
use super::{locate, make, parse};
use crate::compiler::{CompileError, Mode};

/// How an f-string fails to split.
enum Failure {
    /// A message CPython reports at the token after the strings (its "last token").
    AtNextToken(String),
    /// The error of an expression, parsed as `(expr)`: the error and the line of the
    /// string the expression starts on (1-based, counted within the source).
    Expr(CompileError, u32),
}

/// The first f-string error of the string groups (adjacent string tokens) starting at or
/// before byte `limit`, as CPython 3.11 reports it; `exprs`: parse the expressions too.
pub(super) fn check(source: &str, filename: &str, tokens: &[Token], limit: usize, exprs: bool) -> Option<CompileError> {
    let cx = Cx { source, filename, exprs };
    let mut i = 0;
    while i < tokens.len() && tokens[i].start <= limit {
        if !matches!(tokens[i].kind, Kind::String { .. }) {
            i += 1;
            continue;
        }
        let group = i;
        while i < tokens.len() && matches!(tokens[i].kind, Kind::String { .. }) {
            i += 1;
        }
        for t in &tokens[group..i] {
            let Kind::String { f: true, raw, body } = t.kind else { continue };
            let Err(failure) = split(&cx, body, raw) else { continue };
            return Some(match failure {
                Failure::AtNextToken(msg) => {
                    // The parser read one token past the strings to end the group.
                    let next = tokens.get(i).map_or(TextRange::empty(TextSize::from(source.len() as u32)), |n| {
                        TextRange::new(TextSize::from(n.start as u32), TextSize::from(n.end as u32))
                    });
                    make(source, filename, next, msg, "SyntaxError")
                }
                Failure::Expr(mut e, line) => {
                    e.line += line - 1;
                    e
                }
            });
        }
    }
    None
}

/// What the splitting reads.
struct Cx<'a> {
    source: &'a str,
    filename: &'a str,
    exprs: bool,
}

/// `fstring_find_literal` and `fstring_find_expr` over one f-string's body.
fn split(cx: &Cx, body: (usize, usize), raw: bool) -> Result<(), Failure> {
    let mut s = body.0;
    fields(cx, &mut s, body, raw, 0)
}

/// Literals and replacement fields from `*s` to the end of the body (nesting level 0), or
/// to the `}` closing a format spec (level 1).
fn fields(cx: &Cx, s: &mut usize, body: (usize, usize), raw: bool, level: u32) -> Result<(), Failure> {
    let b = cx.source.as_bytes();
    let end = body.1;
    let fail = |m: &str| Err(Failure::AtNextToken(m.into()));
    loop {
        // The literal: up to a single `{` (or `}` ending a nested spec).
        while *s < end {
            let ch = b[*s];
            if !raw && ch == b'\\' && *s + 1 < end {
                match b[*s + 1] {
                    // `\N{...}` is a character name, not a field (CPython skips the
                    // character after `\N` whatever it is).
                    b'N' => {
                        *s += 3;
                        if b[*s - 1] == b'{' {
                            while *s < end && b[*s] != b'}' {
                                *s += 1;
                            }
                            *s = (*s + 1).min(end);
                        }
                        *s = (*s).min(end);
                    }
                    // An escaped brace is a brace (CPython warns about the escape).
                    b'{' | b'}' => *s += 1,
                    _ => *s += 2,
                }
                continue;
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 && *s + 1 < end && b[*s + 1] == ch {
                    *s += 2;
                    continue;
                }
                if level == 0 && ch == b'}' {
                    return fail("f-string: single '}' is not allowed");
                }
                break;
            }
            *s += 1;
        }
        if *s >= end || b[*s] == b'}' {
            break;
        }
        field(cx, s, body, raw, level)?;
    }
    if level > 0 && (*s >= end || b[*s] != b'}') {
        return fail("f-string: expecting '}'");
    }
    Ok(())
}

/// One replacement field, `*s` at its `{`.
fn field(cx: &Cx, s: &mut usize, body: (usize, usize), raw: bool, level: u32) -> Result<(), Failure> {
    let b = cx.source.as_bytes();
    let end = body.1;
    let fail = |m: String| Err(Failure::AtNextToken(m));
    if level >= 2 {
        return fail("f-string: expressions nested too deeply".into());
    }
    *s += 1;
    let expr_start = *s;
    let mut quote: Option<(u8, bool)> = None;
    let mut stack: Vec<u8> = Vec::new();
    while *s < end {
        let ch = b[*s];
        if ch == b'\\' {
            return fail("f-string expression part cannot include a backslash".into());
        }
        if let Some((q, triple)) = quote {
            if ch == q {
                if !triple {
                    quote = None;
                } else if *s + 2 < end && b[*s + 1] == q && b[*s + 2] == q {
                    *s += 2;
                    quote = None;
                }
            }
            *s += 1;
            continue;
        }
        match ch {
            b'\'' | b'"' => {
                let triple = *s + 2 < end && b[*s + 1] == ch && b[*s + 2] == ch;
                if triple {
                    *s += 2;
                }
                quote = Some((ch, triple));
            }
            b'[' | b'{' | b'(' => {
                if stack.len() >= 200 {
                    return fail("f-string: too many nested parenthesis".into());
                }
                stack.push(ch);
            }
            b'#' => return fail("f-string expression part cannot include '#'".into()),
            b'!' | b':' | b'}' | b'=' | b'>' | b'<' if stack.is_empty() => {
                // `!=`, `==`, `<=`, `>=` and lone `<`, `>` are operators.
                if *s + 1 < end && b[*s + 1] == b'=' && ch != b':' && ch != b'}' {
                    *s += 2;
                    continue;
                }
                if ch != b'>' && ch != b'<' {
                    break;
                }
            }
            b']' | b'}' | b')' => {
                let Some(o) = stack.pop() else {
                    return fail(format!("f-string: unmatched '{}'", ch as char));
                };
                if !matches!((o, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    let (c, o) = (ch as char, o as char);
                    return fail(format!(
                        "f-string: closing parenthesis '{c}' does not match opening parenthesis '{o}'"
                    ));
                }
            }
            _ => {}
        }
        *s += 1;
    }
    if quote.is_some() {
        return fail("f-string: unterminated string".into());
    }
    if let Some(&o) = stack.last() {
        return fail(format!("f-string: unmatched '{}'", o as char));
    }
    if *s >= end {
        return fail("f-string: expecting '}'".into());
    }
    expression(cx, expr_start, *s)?;
    if b[*s] == b'=' {
        *s += 1;
        while *s < end && b[*s].is_ascii_whitespace() {
            *s += 1;
        }
        if *s >= end {
            return fail("f-string: expecting '}'".into());
        }
    }
    if b[*s] == b'!' {
        *s += 1;
        if *s >= end {
            return fail("f-string: expecting '}'".into());
        }
        let conversion = b[*s];
        *s += 1;
        if !matches!(conversion, b's' | b'r' | b'a') {
            return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'".into());
        }
    }
    if *s < end && b[*s] == b':' {
        *s += 1;
        if *s >= end {
            return fail("f-string: expecting '}'".into());
        }
        fields(cx, s, body, raw, level + 1)?;
    }
    if *s >= end || b[*s] != b'}' {
        return fail("f-string: expecting '}'".into());
    }
    *s += 1;
    Ok(())
}

/// `fstring_compile_expr`: the expression between `start` and `end` must not be blank,
/// and must parse as `(expr)`.
fn expression(cx: &Cx, start: usize, end: usize) -> Result<(), Failure> {
    let (source, filename) = (cx.source, cx.filename);
    let text = &source[start..end];
    if text.trim_matches([' ', '\t', '\n', '\x0c']).is_empty() {
        let next = source.as_bytes()[end];
        let m = if matches!(next, b'!' | b':' | b'=') {
            format!("f-string: expression required before '{}'", next as char)
        } else {
            "f-string: empty expression not allowed".into()
        };
        return Err(Failure::AtNextToken(m));
    }
    if !cx.exprs {
        return Ok(());
    }
    let buf = format!("({text})");
    let Err(mut e) = parse(&buf, filename, Mode::Eval, false) else { return Ok(()) };
    // Errors of the expression's tokenizer keep their words; the parser's say where.
    if super::tokens::scan(&buf).error.is_none() && !e.msg.starts_with("f-string") {
        e.msg = format!("f-string: {}", e.msg);
    }
    Err(Failure::Expr(e, locate(source, TextSize::from(start as u32)).0))
}
