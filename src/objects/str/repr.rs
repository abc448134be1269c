//! `repr(str)` and `ascii()`: CPython's quoting (single quotes unless the text has a single
//! quote and no double quote) and escaping of non-printable characters.

use super::tables::{PRINTABLE, in_table};

/// `str.isprintable()` for one character.
#[inline]
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(PRINTABLE, c)
}

fn push_escape(out: &mut String, c: char) {
    let n = c as u32;
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ if n < 0x100 => out.push_str(&format!("\\x{n:02x}")),
        _ if n < 0x10000 => out.push_str(&format!("\\u{n:04x}")),
        _ => out.push_str(&format!("\\U{n:08x}")),
    }
}

/// The quote character `repr` uses for `s`.
pub fn quote_for(s: &str) -> char {
    if s.contains('\'') && !s.contains('"') { '"' } else { '\'' }
}

/// `repr(s)`; `ascii_only` escapes every non-ASCII character too (`ascii()`).
pub fn repr_with(s: &str, ascii_only: bool) -> String {
    let q = quote_for(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        if c == q || c == '\\' {
            out.push('\\');
            out.push(c);
        } else if c.is_ascii() {
            if (' '..='~').contains(&c) {
                out.push(c);
            } else {
                push_escape(&mut out, c);
            }
        } else if !ascii_only && is_printable(c) {
            out.push(c);
        } else {
            push_escape(&mut out, c);
        }
    }
    out.push(q);
    out
}

/// `repr(s)`.
pub fn repr_str(s: &str) -> String {
    repr_with(s, false)
}

/// The escaping `ascii()` applies to an already computed repr: non-ASCII characters become
/// `\x..`, `\u....` or `\U........`.
pub fn ascii_escape(repr: &str) -> String {
    if repr.is_ascii() {
        return repr.to_owned();
    }
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let n = c as u32;
            if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
    }
    out
}
