//! The SyntaxErrors of bad escapes in string and bytes literals, worded as CPython's
//! decoders word them (`(unicode error) 'unicodeescape' codec can't decode bytes in
//! position 0-2: truncated \xXX escape`, `(value error) invalid \x escape at position 0`).

use ruff_text_size::{TextRange, TextSize};

use crate::compiler::source::string_extent;

/// For a lexical error at byte `at`: the message and location CPython gives the bad escape
/// of the literal holding `at` (the location is just past the literal, as CPython's).
pub(super) fn bad_escape(source: &str, at: usize) -> Option<(String, TextRange)> {
    let b = source.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            c if c == b'\'' || c == b'"' || word(c) => {
                let start = i;
                while i < b.len() && word(b[i]) {
                    i += 1;
                }
                let prefix = source[start..i].to_ascii_lowercase();
                if i >= b.len() || !(b[i] == b'\'' || b[i] == b'"') || prefix.len() > 2 {
                    continue;
                }
                if !prefix.chars().all(|c| "rbuf".contains(c)) {
                    continue;
                }
                let (body_start, body_end, end) = string_extent(b, i);
                i = end;
                if !(start..=end).contains(&at) || prefix.contains('r') || prefix.contains('f') {
                    continue;
                }
                let msg = first_bad(&b[body_start..body_end], prefix.contains('b'), at.checked_sub(body_start))?;
                return Some((msg, TextRange::empty(TextSize::from(end as u32))));
            }
            _ => i += 1,
        }
    }
    None
}

/// The decoder's error for the first bad escape of a literal's body; `flagged` is where
/// the parser's error fell in the body (a `\N{...}` there names no character).
fn first_bad(body: &[u8], bytes: bool, flagged: Option<usize>) -> Option<String> {
    let hex = |from: usize, n: usize| {
        body[from.min(body.len())..].iter().take(n).take_while(|c| c.is_ascii_hexdigit()).count()
    };
    let unicode = |p: usize, end: usize, what: &str| {
        Some(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {p}-{end}: {what}"))
    };
    let mut p = 0;
    while p < body.len() {
        if body[p] != b'\\' {
            p += 1;
            continue;
        }
        let Some(&kind) = body.get(p + 1) else { return None };
        match kind {
            b'x' => {
                let n = hex(p + 2, 2);
                if n < 2 {
                    if bytes {
                        return Some(format!("(value error) invalid \\x escape at position {p}"));
                    }
                    return unicode(p, p + 1 + n, "truncated \\xXX escape");
                }
            }
            b'u' | b'U' if !bytes => {
                let want = if kind == b'u' { 4 } else { 8 };
                let n = hex(p + 2, want);
                if n < want {
                    let what = if kind == b'u' { "truncated \\uXXXX escape" } else { "truncated \\UXXXXXXXX escape" };
                    return unicode(p, p + 1 + n, what);
                }
                let digits = std::str::from_utf8(&body[p + 2..p + 2 + want]).ok()?;
                if u32::from_str_radix(digits, 16).ok()? > 0x10ffff {
                    return unicode(p, p + 1 + want, "illegal Unicode character");
                }
            }
            b'N' if !bytes => {
                let close = (body.get(p + 2) == Some(&b'{'))
                    .then(|| body[p + 3..].iter().position(|&c| c == b'}'))
                    .flatten()
                    .filter(|&n| n > 0);
                match close {
                    None => return unicode(p, p + 1, "malformed \\N character escape"),
                    Some(n) => {
                        let end = p + 3 + n;
                        if flagged.is_some_and(|f| (p..=end).contains(&f)) {
                            return unicode(p, end, "unknown Unicode character name");
                        }
                    }
                }
            }
            _ => {}
        }
        p += 2;
    }
    None
}
