//! Source bytes → text, as CPython's tokenizer decodes them (PEP 263): a UTF-8 BOM, a
//! `coding:` declaration on line 1 or 2, NUL bytes and invalid UTF-8, each with the
//! SyntaxError CPython words for it. Files (scripts, stdin) and strings (`compile()` of
//! bytes, imported modules) differ in wording, as CPython's file and string tokenizers do.

use super::{CompileError, Located};

/// Where the bytes come from: CPython's file tokenizer or its string tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    /// A script file or piped stdin.
    File,
    /// `compile()`/`exec()` of bytes, and modules loaded by the import system.
    Bytes,
}

/// Why a declared codec could not decode the source.
pub enum CodecError {
    /// No codec of that name.
    Unknown,
    /// The codec rejected the bytes; the message is `str()` of its UnicodeDecodeError.
    Failed(String),
}

/// Decodes `bytes` with a named codec (the caller knows the codec registry).
pub type Codec<'a> = &'a mut dyn FnMut(&str, &[u8]) -> Result<String, CodecError>;

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The source text of `bytes`, or the SyntaxError CPython raises before running any of it.
pub fn decode(bytes: &[u8], filename: &str, origin: Origin, codec: Codec<'_>) -> Result<String, CompileError> {
    let bom = bytes.starts_with(BOM);
    let body = if bom { &bytes[BOM.len()..] } else { bytes };
    let bare = |msg: String| CompileError::message_only("SyntaxError", msg, filename);
    // The string tokenizer refuses NUL before anything else, with no location.
    if origin == Origin::Bytes && body.contains(&0) {
        return Err(bare("source code string cannot contain null bytes".into()));
    }
    let declared = coding_spec(body);
    // Errors found while setting up the decoder: a file's have no location, a string's
    // name line 0 (CPython's `File "x", line 0`).
    let setup_error = |msg: String| match origin {
        Origin::File => bare(msg),
        Origin::Bytes => CompileError { located: Located::LineZero, ..bare(msg) },
    };
    if let Some(name) = &declared {
        if bom && name != "utf-8" {
            return Err(setup_error(format!("encoding problem: {name} with BOM")));
        }
        if name != "utf-8" {
            first_nul(body, filename, origin)?;
            // Only ASCII-compatible codecs can carry a declaration the tokenizer read.
            let wide = ["utf-16", "utf-32"].iter().any(|w| name.to_ascii_lowercase().replace('_', "-").starts_with(w));
            let decoded = if wide { Err(CodecError::Failed(String::new())) } else { codec(name, body) };
            return match (decoded, origin) {
                (Ok(text), _) => Ok(text),
                (Err(_), Origin::File) => Err(setup_error(format!("encoding problem: {name}"))),
                (Err(CodecError::Unknown), Origin::Bytes) => Err(setup_error(format!("unknown encoding: {name}"))),
                (Err(CodecError::Failed(msg)), Origin::Bytes) => Err(setup_error(msg)),
            };
        }
    }
    match std::str::from_utf8(body) {
        Ok(text) => {
            first_nul(body, filename, origin)?;
            Ok(text.to_owned())
        }
        Err(e) if origin == Origin::File && declared.is_none() => {
            // The file tokenizer checks each line as it reads it: a NUL on an earlier
            // line wins.
            let bad = e.valid_up_to();
            let line = line_of(body, bad);
            if let Some(nul) = body.iter().position(|&b| b == 0).filter(|&n| line_of(body, n) < line) {
                return Err(nul_error(body, nul, filename));
            }
            Err(bare(format!(
                "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, but no encoding \
                 declared; see https://peps.python.org/pep-0263/ for details",
                body[bad]
            )))
        }
        Err(_) => {
            first_nul(body, filename, origin)?;
            match invalid_token(body) {
                Some(bad) => Err(bad.error(body, filename)),
                // Invalid bytes only in comments and bytes literals: the comments are
                // skipped and the literals' own check reports them.
                None => Ok(String::from_utf8_lossy(body).into_owned()),
            }
        }
    }
}

/// The file tokenizer's NUL check (the string tokenizer's came first).
fn first_nul(body: &[u8], filename: &str, origin: Origin) -> Result<(), CompileError> {
    match body.iter().position(|&b| b == 0) {
        Some(nul) if origin == Origin::File => Err(nul_error(body, nul, filename)),
        _ => Ok(()),
    }
}

/// `source code cannot contain null bytes` on the NUL's line, its text cut at the NUL.
fn nul_error(body: &[u8], nul: usize, filename: &str) -> CompileError {
    let start = body[..nul].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    CompileError {
        kind: "SyntaxError",
        msg: "source code cannot contain null bytes".into(),
        filename: filename.into(),
        line: line_of(body, nul),
        col: 0,
        end_col: 0,
        text: String::from_utf8_lossy(&body[start..nul]).into_owned(),
        located: Located::Full,
    }
}

/// 1-based line number of byte `at`.
fn line_of(body: &[u8], at: usize) -> u32 {
    body[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// The coding declaration of line 1 or 2 (line 2 only after a comment-only or blank
/// line 1), normalised as CPython's `get_normal_name`.
fn coding_spec(body: &[u8]) -> Option<String> {
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    for _ in 0..2 {
        let line = lines.next()?;
        if let Some(spec) = line_coding_spec(line) {
            return Some(spec);
        }
        let code = line.iter().find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
        if !matches!(code, None | Some(b'#' | b'\n' | b'\r')) {
            return None;
        }
    }
    None
}

/// `coding[:=]\s*([-\w.]+)` inside a comment that is all the line holds.
fn line_coding_spec(line: &[u8]) -> Option<String> {
    let hash = line.iter().position(|&b| b == b'#')?;
    if line[..hash].iter().any(|&b| !matches!(b, b' ' | b'\t' | b'\x0c')) {
        return None;
    }
    let mut i = hash;
    while i + 6 < line.len() {
        if &line[i..i + 6] == b"coding" && matches!(line[i + 6], b':' | b'=') {
            let mut t = i + 7;
            while t < line.len() && matches!(line[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < line.len() && (line[t].is_ascii_alphanumeric() || matches!(line[t], b'-' | b'_' | b'.')) {
                t += 1;
            }
            if t > begin {
                return Some(normal_name(&String::from_utf8_lossy(&line[begin..t])));
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of utf-8 and latin-1 it recognises (on the
/// first 12 characters), else the name as written.
fn normal_name(name: &str) -> String {
    let buf: String = name.chars().take(12).map(|c| if c == '_' { '-' } else { c.to_ascii_lowercase() }).collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        return "utf-8".into();
    }
    let latin = ["latin-1", "iso-8859-1", "iso-latin-1"];
    if latin.iter().any(|l| buf == *l || buf.starts_with(&format!("{l}-"))) {
        return "iso-8859-1".into();
    }
    name.to_owned()
}

/// A token whose bytes are not UTF-8, found where CPython's tokenizer decodes them.
struct BadToken {
    /// Where the token starts (its text is all the lines it spans).
    start: usize,
    /// Byte range of the decoded part (an identifier, or a str literal's body).
    part: (usize, usize),
    /// Byte offset CPython reports as the column (0-based, in the line), minus one for
    /// identifiers (their column is the token's end).
    end: usize,
    literal: bool,
}

impl BadToken {
    fn error(&self, body: &[u8], filename: &str) -> CompileError {
        let part = &body[self.part.0..self.part.1];
        let (pos, len) = match std::str::from_utf8(part) {
            Err(e) => (e.valid_up_to(), e.error_len()),
            Ok(_) => (0, Some(1)),
        };
        let byte = part.get(pos).copied().unwrap_or(0);
        let reason = match len {
            None => "unexpected end of data",
            Some(_) if matches!(byte, 0x80..=0xc1 | 0xf5..=0xff) => "invalid start byte",
            Some(_) => "invalid continuation byte",
        };
        let line_start = body[..self.end].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let text_start = body[..self.start].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line_end = body[self.end..].iter().position(|&b| b == b'\n').map_or(body.len(), |i| self.end + i);
        // CPython's column here is in bytes: it could not decode the line to count chars.
        let col = (self.end - line_start) as u32 + u32::from(self.literal);
        CompileError {
            kind: "SyntaxError",
            msg: format!("(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"),
            filename: filename.into(),
            line: line_of(body, self.end),
            col,
            end_col: if self.literal { col } else { 0 },
            text: String::from_utf8_lossy(&body[text_start..line_end]).trim_end_matches('\r').to_owned(),
            located: Located::Full,
        }
    }
}

/// The first identifier or str literal holding invalid UTF-8, skipping comments and bytes
/// literals (a light tokenizer: enough to know what each byte belongs to).
fn invalid_token(b: &[u8]) -> Option<BadToken> {
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'\'' || c == b'"' || ident(c) {
            let start = i;
            while i < b.len() && ident(b[i]) {
                i += 1;
            }
            let word = &b[start..i];
            let prefix = word.len() <= 2 && word.iter().all(|c| b"rRbBuUfF".contains(c));
            if i < b.len() && (b[i] == b'\'' || b[i] == b'"') && (prefix || word.is_empty()) {
                let is_bytes = word.iter().any(|c| b"bB".contains(c));
                let is_f = word.iter().any(|c| b"fF".contains(c));
                let (body_start, body_end, end) = string_extent(b, i);
                i = end;
                if is_bytes {
                    continue;
                }
                if let Err(e) = std::str::from_utf8(&b[body_start..body_end]) {
                    // An f-string's literal parts are decoded one by one: from its last `}`.
                    let bad = body_start + e.valid_up_to();
                    let from = match is_f {
                        true => b[body_start..bad]
                            .iter()
                            .rposition(|&c| c == b'}')
                            .map_or(body_start, |p| body_start + p + 1),
                        false => body_start,
                    };
                    return Some(BadToken { start, part: (from, body_end), end, literal: true });
                }
            } else if std::str::from_utf8(word).is_err() {
                return Some(BadToken { start, part: (start, i), end: i, literal: false });
            }
        } else {
            i += 1;
        }
    }
    None
}

/// For a string starting with the quote at `q`: (body start, body end, end after the
/// closing quote). An unterminated single-quoted string ends at its line's end.
pub(crate) fn string_extent(b: &[u8], q: usize) -> (usize, usize, usize) {
    let quote = b[q];
    let triple = b.len() >= q + 3 && b[q + 1] == quote && b[q + 2] == quote;
    let open = if triple { 3 } else { 1 };
    let mut i = q + open;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return (q + open, i, i),
            c if c == quote => {
                if !triple {
                    return (q + 1, i, i + 1);
                }
                if b.len() >= i + 3 && b[i + 1] == quote && b[i + 2] == quote {
                    return (q + 3, i, i + 3);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    (q + open, b.len(), b.len())
}
