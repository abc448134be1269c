//! CPython 3.11's tokenizer, as far as its errors go: one pass over the source that finds
//! the first error its tokenizer raises (bad number literals, unterminated strings,
//! unmatched closing brackets) and the bracket left open at the end.
//!
//! CPython tokenizes the rest of the file after any parser error, and an error raised by
//! its tokenizer replaces the parser's (`_PyPegen_tokenize_full_source_to_check_for_errors`),
//! so these errors win over whatever Ruff's parser reports. Strings are tokenized the 3.11
//! way: an f-string ends at its first matching quote, whatever the braces say.

/// A tokenizer error: the message, and the byte range to report. CPython's `offset` for
/// most of them counts the characters before its read position, which puts the caret on
/// the character before that position: `at` is that character.
pub(super) struct TokError {
    pub msg: String,
    pub at: usize,
    pub end: usize,
}

/// A token, as far as the f-string checks need them: its byte range and, for a string,
/// the range of its body (between the quotes).
#[derive(Clone, Copy)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    String {
        f: bool,
        raw: bool,
        body: (usize, usize),
    },
    /// A logical line's end: zero width, at its `\n` (or the end of the input).
    Newline,
    /// A line indented deeper than the one before: zero width, before its first token.
    Indent,
    Other,
}

/// Operators of more than one character, longest first.
const OPERATORS: [&str; 24] = [
    "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=",
    "==", ">=", ">>", "@=", "^=", "|=",
];

/// The length of the operator of more than one character at byte `at`, if one is there.
pub(super) fn operator_len(src: &str, at: usize) -> Option<usize> {
    OPERATORS.iter().find(|op| src[at..].starts_with(*op)).map(|op| op.len())
}

/// What one pass of the tokenizer found.
pub(super) struct Scan {
    /// The tokens before the first error.
    pub tokens: Vec<Token>,
    /// The first error, if any; the scan stops there.
    pub error: Option<TokError>,
    /// The innermost bracket still open at the end (offset, character).
    pub open: Option<(usize, char)>,
}

fn ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

struct Tokenizer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Tokenizer<'_> {
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }

    /// The byte offset of the character just before `i` (where CPython's caret lands
    /// when its read position is `i`).
    fn before(&self, i: usize) -> usize {
        let mut j = i.saturating_sub(1);
        while j > 0 && !self.src.is_char_boundary(j) {
            j -= 1;
        }
        j
    }

    fn err_before(&self, i: usize, msg: String) -> TokError {
        let at = self.before(i);
        TokError { msg, at, end: at }
    }

    /// `verify_end_of_number`: a number may not run into a name, except the keywords that
    /// can follow a number in valid code (CPython warns about those).
    fn end_of_number(&self, kind: &str) -> Option<TokError> {
        let rest = &self.b[self.i..];
        let keyword =
            ["and", "else", "for", "if", "in", "is", "or", "not"].iter().any(|k| rest.starts_with(k.as_bytes()));
        if !keyword && rest.first().is_some_and(|&c| ident_char(c)) {
            return Some(self.err_before(self.i, format!("invalid {kind} literal")));
        }
        None
    }

    /// `tok_decimal_tail`: digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), TokError> {
        loop {
            while self.peek(0).is_ascii_digit() {
                self.i += 1;
            }
            if self.peek(0) != b'_' {
                return Ok(());
            }
            if !self.peek(1).is_ascii_digit() {
                // CPython's read position is past the underscore.
                return Err(self.err_before(self.i + 1, "invalid decimal literal".into()));
            }
            self.i += 1;
        }
    }

    /// Digits of a prefixed literal (`0x`, `0o`, `0b`) after the prefix.
    fn radix_digits(&mut self, kind: &str, ok: fn(u8) -> bool) -> Result<(), TokError> {
        loop {
            if self.peek(0) == b'_' {
                self.i += 1;
            }
            let c = self.peek(0);
            if !ok(c) {
                if c.is_ascii_digit() && kind != "hexadecimal" {
                    return Err(self.digit_error(kind, c));
                }
                return Err(self.err_before(self.i, format!("invalid {kind} literal")));
            }
            while ok(self.peek(0)) {
                self.i += 1;
            }
            if self.peek(0) != b'_' {
                break;
            }
        }
        let c = self.peek(0);
        if c.is_ascii_digit() && kind != "hexadecimal" {
            return Err(self.digit_error(kind, c));
        }
        self.end_of_number(kind).map_or(Ok(()), Err)
    }

    /// `invalid digit '8' in octal literal`: CPython has read the digit.
    fn digit_error(&self, kind: &str, c: u8) -> TokError {
        TokError { msg: format!("invalid digit '{}' in {kind} literal", c as char), at: self.i, end: self.i }
    }

    /// A number starting at `self.i` (a digit, or a `.` followed by one).
    fn number(&mut self) -> Result<(), TokError> {
        let start = self.i;
        if self.peek(0) == b'0' && matches!(self.peek(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let p = self.peek(1).to_ascii_lowercase();
            self.i += 2;
            return match p {
                b'x' => self.radix_digits("hexadecimal", |c| c.is_ascii_hexdigit()),
                b'o' => self.radix_digits("octal", |c| (b'0'..b'8').contains(&c)),
                _ => self.radix_digits("binary", |c| c == b'0' || c == b'1'),
            };
        }
        let mut fraction = false;
        if self.peek(0) == b'.' {
            self.i += 1;
            fraction = true;
        } else if self.peek(0) == b'0' {
            // Zeros, then maybe the digits of a float: `0777` is an error, `0777.5` is not.
            loop {
                if self.peek(0) == b'_' {
                    if !self.peek(1).is_ascii_digit() {
                        return Err(self.err_before(self.i + 1, "invalid decimal literal".into()));
                    }
                    self.i += 1;
                }
                if self.peek(0) != b'0' {
                    break;
                }
                self.i += 1;
            }
            let zeros_end = self.i;
            let nonzero = self.peek(0).is_ascii_digit();
            if nonzero {
                self.decimal_tail()?;
            }
            if nonzero && !matches!(self.peek(0), b'.' | b'e' | b'E' | b'j' | b'J') {
                let msg =
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
                return Err(TokError { msg: msg.into(), at: start, end: zeros_end });
            }
        } else {
            self.decimal_tail()?;
        }
        if !fraction && self.peek(0) == b'.' {
            self.i += 1;
            fraction = true;
        }
        if fraction && self.peek(0).is_ascii_digit() {
            self.decimal_tail()?;
        }
        if matches!(self.peek(0), b'e' | b'E') {
            let e = self.i;
            self.i += 1;
            if matches!(self.peek(0), b'+' | b'-') {
                self.i += 1;
                if !self.peek(0).is_ascii_digit() {
                    return Err(self.err_before(self.i, "invalid decimal literal".into()));
                }
            } else if !self.peek(0).is_ascii_digit() {
                // `1e` ends the number before the `e`, which then may not start a name.
                self.i = e;
                return self.end_of_number("decimal").map_or(Ok(()), Err);
            }
            self.decimal_tail()?;
        }
        if matches!(self.peek(0), b'j' | b'J') {
            self.i += 1;
            return self.end_of_number("imaginary").map_or(Ok(()), Err);
        }
        self.end_of_number("decimal").map_or(Ok(()), Err)
    }

    /// The 1-based line of byte `i`.
    fn line_of(&self, i: usize) -> usize {
        self.b[..i.min(self.b.len())].iter().filter(|&&c| c == b'\n').count() + 1
    }

    /// A string whose opening quote is at `self.i` and prefix at `start`.
    fn string(&mut self, start: usize) -> Result<(usize, usize), TokError> {
        let q = self.peek(0);
        let triple = self.peek(1) == q && self.peek(2) == q;
        self.i += if triple { 3 } else { 1 };
        let body = self.i;
        loop {
            let c = self.peek(0);
            if self.i >= self.b.len() || (!triple && c == b'\n') {
                let msg = if triple {
                    // At the end of the input; a final newline does not start a line.
                    let n = self.b.iter().filter(|&&c| c == b'\n').count();
                    let line = if self.b.ends_with(b"\n") { n.max(1) } else { n + 1 };
                    format!("unterminated triple-quoted string literal (detected at line {line})")
                } else {
                    format!("unterminated string literal (detected at line {})", self.line_of(self.i))
                };
                return Err(TokError { msg, at: start, end: start });
            }
            if c == q && (!triple || (self.peek(1) == q && self.peek(2) == q)) {
                let body = (body, self.i);
                self.i += if triple { 3 } else { 1 };
                return Ok(body);
            }
            self.i += if c == b'\\' { 2 } else { 1 };
        }
    }
}

/// Tokenizes `src` as CPython 3.11 does, up to its first error.
pub(super) fn scan(src: &str) -> Scan {
    let mut t = Tokenizer { src, b: src.as_bytes(), i: 0 };
    let mut stack: Vec<(usize, u8)> = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    // Whether the logical line so far has a token (a blank line ends none).
    let mut in_line = false;
    // The indentation columns of the enclosing blocks (tabs to multiples of 8).
    let mut indents = vec![0usize];
    let error = loop {
        let Some(&c) = t.b.get(t.i) else { break None };
        let start = t.i;
        if !in_line && stack.is_empty() && !matches!(c, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n' | b'#') {
            let ls = src[..start].rfind('\n').map_or(0, |p| p + 1);
            let col = src[ls..start].bytes().fold(0, |col, c| match c {
                b'\t' => (col / 8 + 1) * 8,
                b'\x0c' => 0,
                _ => col + 1,
            });
            if col > *indents.last().unwrap_or(&0) {
                indents.push(col);
                tokens.push(Token { start, end: start, kind: Kind::Indent });
            }
            while indents.len() > 1 && col < *indents.last().unwrap_or(&0) {
                indents.pop();
            }
        }
        let mut kind = Kind::Other;
        match c {
            b'#' => {
                while t.i < t.b.len() && t.b[t.i] != b'\n' {
                    t.i += 1;
                }
                continue;
            }
            b'\n' => {
                if stack.is_empty() && in_line {
                    tokens.push(Token { start, end: start, kind: Kind::Newline });
                    in_line = false;
                }
                t.i += 1;
                continue;
            }
            b' ' | b'\t' | b'\x0c' | b'\r' => {
                t.i += 1;
                continue;
            }
            // A backslash not ending its line is an error CPython's parser reports when
            // it gets there: the tokenizer's scan of the rest stops at it.
            b'\\' if t.peek(1) == b'\n' => {
                t.i += 2;
                continue;
            }
            b'\\' if t.peek(1) == b'\r' && t.peek(2) == b'\n' => {
                t.i += 3;
                continue;
            }
            b'\\' => break None,
            b'\'' | b'"' => match t.string(start) {
                Ok(body) => kind = Kind::String { f: false, raw: false, body },
                Err(e) => break Some(e),
            },
            b'0'..=b'9' => {
                if let Err(e) = t.number() {
                    break Some(e);
                }
            }
            b'.' if t.peek(1).is_ascii_digit() => {
                if let Err(e) = t.number() {
                    break Some(e);
                }
            }
            c if ident_char(c) => {
                while t.i < t.b.len() && ident_char(t.b[t.i]) {
                    t.i += 1;
                }
                let prefix = src[start..t.i].to_ascii_lowercase();
                let is_prefix = ["b", "r", "u", "f", "br", "rb", "fr", "rf"].contains(&prefix.as_str());
                if is_prefix && matches!(t.peek(0), b'\'' | b'"') {
                    match t.string(start) {
                        Ok(body) => {
                            kind = Kind::String { f: prefix.contains('f'), raw: prefix.contains('r'), body };
                        }
                        Err(e) => break Some(e),
                    }
                }
            }
            b'(' | b'[' | b'{' => {
                stack.push((t.i, c));
                t.i += 1;
            }
            b')' | b']' | b'}' => {
                let at = t.i;
                t.i += 1;
                let Some((open, o)) = stack.pop() else {
                    break Some(TokError { msg: format!("unmatched '{}'", c as char), at, end: at });
                };
                if !matches!((o, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                    let (oline, cline) = (t.line_of(open), t.line_of(at));
                    let (c, o) = (c as char, o as char);
                    let msg = if oline == cline {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}'")
                    } else {
                        format!("closing parenthesis '{c}' does not match opening parenthesis '{o}' on line {oline}")
                    };
                    break Some(TokError { msg, at, end: at });
                }
            }
            _ => {
                t.i += operator_len(src, t.i).unwrap_or(1);
                while !src.is_char_boundary(t.i) {
                    t.i += 1;
                }
            }
        }
        tokens.push(Token { start, end: t.i, kind });
        in_line = true;
    };
    if error.is_none() && in_line {
        tokens.push(Token { start: src.len(), end: src.len(), kind: Kind::Newline });
    }
    let open = if error.is_none() { stack.last().map(|&(p, c)| (p, c as char)) } else { None };
    Scan { tokens, error, open }
}

/// The first indented line that opens no block: an `Indent` not after a line ending in
/// `:` (CPython's parser fails at its INDENT token).
pub(super) fn unexpected_indent(tokens: &[Token], src: &str) -> Option<usize> {
    tokens.iter().enumerate().find_map(|(k, t)| {
        let opener =
            k >= 2 && tokens[k - 1].kind == Kind::Newline && &src[tokens[k - 2].start..tokens[k - 2].end] == ":";
        (t.kind == Kind::Indent && !opener).then_some(t.start)
    })
}
