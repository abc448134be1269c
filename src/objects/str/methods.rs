//! The named methods of `str` (find/split/strip/case mapping/predicates/...), with CPython's
//! argument handling and error messages.

use super::tables::{self, in_table};
use super::{PyStr, arg_str, new_str, search, sself, verr};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::sequtil::{index_clamped, margs, opt_range, to_size};
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool, types};
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// Python's `str.isspace()` for one character.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f');
    }
    in_table(tables::SPACE, c)
}

/// Python's line boundaries (`splitlines`).
#[inline]
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_cased(c: char) -> bool {
    in_table(tables::CASED, c)
}
fn is_lower(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_lowercase() } else { in_table(tables::LOWER, c) }
}
fn is_upper(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_uppercase() } else { in_table(tables::UPPER, c) }
}
fn is_title(c: char) -> bool {
    in_table(tables::TITLE, c)
}
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { in_table(tables::ALPHA, c) }
}
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_table(tables::DECIMAL, c) }
}
fn is_digit(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_table(tables::DIGIT, c) }
}
fn is_numeric(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_digit() } else { in_table(tables::NUMERIC, c) }
}
fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Title case of one character (Unicode titlecase digraphs map to their title form).
fn to_title(c: char, out: &mut String) {
    match c {
        'ǆ' | 'ǅ' | 'Ǆ' => out.push('ǅ'),
        'ǉ' | 'ǈ' | 'Ǉ' => out.push('ǈ'),
        'ǌ' | 'ǋ' | 'Ǌ' => out.push('ǋ'),
        'ǳ' | 'ǲ' | 'Ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        _ => out.extend(c.to_uppercase()),
    }
}

/// Lower case with Python's final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.to_lowercase()
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.to_uppercase()
}

/// Positional-only arguments after self, between `min` and `max`, with CPython's
/// "takes at least 1 argument" phrasing for these str methods.
fn pargs<'a>(args: &Args<'a>, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(crate::objects::sequtil::no_kwargs_error(args, fname));
    }
    let p = &args.pos()[1.min(args.pos().len())..];
    if p.len() < min || p.len() > max {
        let msg = if min == max {
            format!("{fname}() takes exactly {} ({} given)", plural_args(min), p.len())
        } else if p.len() < min {
            format!("{fname}() takes at least {} ({} given)", plural_args(min), p.len())
        } else {
            format!("{fname}() takes at most {} ({} given)", plural_args(max), p.len())
        };
        return Err(type_error(msg));
    }
    Ok(p)
}

fn plural_args(n: usize) -> String {
    if n == 1 { "1 argument".into() } else { format!("{n} arguments") }
}

/// Character range [start, end) of a `find`-style call, as byte offsets into `s`.
fn byte_range(vm: &mut Vm, s: &PyStr, start: Option<&Value>, end: Option<&Value>) -> PyResult<Option<(usize, usize)>> {
    let (a, b) = opt_range(vm, start, end, s.char_len())?;
    if a > b {
        return Ok(None);
    }
    Ok(Some((s.byte_offset(a), s.byte_offset(b))))
}

/// Char index of byte offset `b` in `s`.
fn char_index(s: &PyStr, b: usize) -> usize {
    if s.is_ascii() { b } else { s.as_str()[..b].chars().count() }
}

fn find_impl(vm: &mut Vm, args: &Args<'_>, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    let (_, s) = sself(args, fname)?;
    let a = pargs(args, fname, 1, 3)?;
    let sub =
        arg_str(&a[0], "must be str, not").map_err(|_| type_error(format!("must be str, not {}", type_name(&a[0]))))?;
    let Some((lo, hi)) = byte_range(vm, s, a.get(1), a.get(2))? else { return Ok(None) };
    let hay = &s.as_str()[lo..hi];
    let found = if rev { search::rfind(hay, sub) } else { search::find(hay, sub) };
    Ok(found.map(|p| char_index(s, lo + p)))
}

fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(find_impl(vm, &args, "find", false)?.map_or(-1, |i| i as i64)))
}
fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(find_impl(vm, &args, "rfind", true)?.map_or(-1, |i| i as i64)))
}
fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(verr("substring not found")),
    }
}
fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(new_int(i as i64)),
        None => Err(verr("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "count")?;
    let a = pargs(&args, "count", 1, 3)?;
    let sub = a[0].as_str().ok_or_else(|| type_error(format!("must be str, not {}", type_name(&a[0]))))?;
    let Some((lo, hi)) = byte_range(vm, s, a.get(1), a.get(2))? else { return Ok(new_int(0)) };
    let hay = &s.as_str()[lo..hi];
    if sub.is_empty() {
        return Ok(new_int(hay.chars().count() as i64 + 1));
    }
    Ok(new_int(search::count(hay, sub) as i64))
}

fn starts_ends(vm: &mut Vm, args: Args<'_>, fname: &str, ends: bool) -> PyResult {
    let (_, s) = sself(&args, fname)?;
    // The common call: one str argument, the whole string.
    if let ([_, p], []) = (args.values, args.kwnames) {
        if let Some(p) = p.as_str() {
            let st = s.as_str();
            return Ok(py_bool(if ends { st.ends_with(p) } else { st.starts_with(p) }));
        }
    }
    let a = pargs(&args, fname, 1, 3)?;
    let Some((lo, hi)) = byte_range(vm, s, a.get(1), a.get(2))? else { return Ok(py_bool(false)) };
    let hay = &s.as_str()[lo..hi];
    let test = |p: &str| if ends { hay.ends_with(p) } else { hay.starts_with(p) };
    if let Some(t) = a[0].as_tuple() {
        for x in t {
            let p = x
                .as_str()
                .ok_or_else(|| type_error(format!("tuple for {fname} must only contain str, not {}", type_name(x))))?;
            if test(p) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    match a[0].as_str() {
        Some(p) => Ok(py_bool(test(p))),
        None => Err(type_error(format!("{fname} first arg must be str or a tuple of str, not {}", type_name(&a[0])))),
    }
}

fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    starts_ends(vm, args, "startswith", false)
}
fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    starts_ends(vm, args, "endswith", true)
}

fn fill_char(v: Option<&Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    let Some(s) = v.as_str() else {
        return Err(type_error(format!("The fill character must be a unicode character, not {}", type_name(v))));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(type_error("The fill character must be exactly one character long")),
    }
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

fn justify(vm: &mut Vm, args: Args<'_>, fname: &str, how: char) -> PyResult {
    let (v, s) = sself(&args, fname)?;
    let a = margs(&args, fname, 1, 2)?;
    let width = to_size(vm, &a[0])?;
    let fill = fill_char(a.get(1))?;
    let n = s.char_len() as i64;
    if width <= n {
        return Ok(if v.kind() == crate::values::Kind::Str { v.clone() } else { new_str(s.as_str()) });
    }
    crate::objects::sequtil::check_alloc(width as u128)?;
    let marg = (width - n) as usize;
    let (l, r) = match how {
        'l' => (0, marg),
        'r' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    Ok(new_str(pad(s.as_str(), l, r, fill)))
}

fn str_center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "center", 'c')
}
fn str_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "ljust", 'l')
}
fn str_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "rjust", 'r')
}

fn str_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "zfill")?;
    let a = margs(&args, "zfill", 1, 1)?;
    let width = to_size(vm, &a[0])?;
    let n = s.char_len() as i64;
    if width <= n {
        return Ok(new_str(s.as_str()));
    }
    crate::objects::sequtil::check_alloc(width as u128)?;
    let fill = (width - n) as usize;
    let st = s.as_str();
    let (sign, rest) = match st.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &st[1..]),
        _ => (None, st),
    };
    let mut out = String::with_capacity(width as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(new_str(out))
}

fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "expandtabs")?;
    let b = crate::objects::sequtil::mbind(&args, "expandtabs", &["tabsize"], 0)?;
    let tab = match &b[0] {
        Some(v) => to_size(vm, v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    crate::objects::sequtil::check_alloc((out.len() as u128) + n as u128)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(out))
}

/// `sep.join(iterable)`.
pub fn join(vm: &mut Vm, sep: &str, iterable: &Value) -> PyResult {
    let items = match vm.to_vec(iterable) {
        Ok(v) => v,
        Err(e) => {
            if e.matches(&crate::objects::registry::exc().type_error)
                && vm.lookup_special(iterable, "__iter__").is_none()
                && vm.lookup_special(iterable, "__getitem__").is_none()
            {
                return Err(type_error("can only join an iterable"));
            }
            return Err(e);
        }
    };
    let mut total = 0;
    for (i, x) in items.iter().enumerate() {
        match x.as_str() {
            Some(s) => total += s.len() + sep.len(),
            None => {
                return Err(type_error(format!("sequence item {i}: expected str instance, {} found", type_name(x))));
            }
        }
    }
    if items.len() == 1 && items[0].kind() == crate::values::Kind::Str {
        return Ok(items[0].clone());
    }
    let mut out = String::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(x.as_str().unwrap_or(""));
    }
    Ok(new_str(out))
}

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "join")?;
    let a = margs(&args, "str.join", 1, 1)?;
    join(vm, s.as_str(), &a[0])
}

fn strip_impl(args: Args<'_>, fname: &str, left: bool, right: bool) -> PyResult {
    let (_, s) = sself(&args, fname)?;
    let a = margs(&args, fname, 0, 1)?;
    let st = s.as_str();
    let r = match a.first() {
        None => trim(st, left, right, is_space),
        Some(c) if c.is_none() => trim(st, left, right, is_space),
        Some(c) => match c.as_str() {
            Some(chars) => trim(st, left, right, |x| chars.contains(x)),
            None => return Err(type_error(format!("{fname} arg must be None or str"))),
        },
    };
    Ok(new_str(r))
}

fn trim(s: &str, left: bool, right: bool, f: impl Fn(char) -> bool) -> &str {
    let mut r = s;
    if left {
        r = r.trim_start_matches(&f);
    }
    if right {
        r = r.trim_end_matches(&f);
    }
    r
}

fn str_strip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "strip", true, true)
}
fn str_lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "lstrip", true, false)
}
fn str_rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "rstrip", false, true)
}

fn sep_arg(v: &Option<Value>) -> PyResult<Option<&str>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => match x.as_str() {
            Some("") => Err(verr("empty separator")),
            Some(s) => Ok(Some(s)),
            None => Err(type_error(format!("must be str or None, not {}", type_name(x)))),
        },
    }
}

/// The piece `s[a..b]` of str value `v` (text `s`): `v` itself when the piece is all of
/// an exact str, as CPython's `PyUnicode_Substring` returns it.
fn piece(v: &Value, s: &str, a: usize, b: usize) -> Value {
    if a == 0 && b == s.len() && v.kind() == crate::values::Kind::Str {
        return v.clone();
    }
    new_str(&s[a..b])
}

/// Byte offset of the first non-whitespace char at or after `i` (`s.len()` if none).
fn skip_space(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if b[i] < 0x80 {
            if !is_space(b[i] as char) {
                return i;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if !is_space(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Byte offset of the first whitespace char at or after `i` (`s.len()` if none).
fn find_space(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        if b[i] < 0x80 {
            if is_space(b[i] as char) {
                return i;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if is_space(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// `v.split(sep, maxsplit)` for str value `v` with text `s` (stringlib's split and
/// split_whitespace).
fn split_values(v: &Value, s: &str, sep: Option<&str>, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut i = 0;
            while out.len() < max {
                match search::find(&s[i..], sep) {
                    Some(p) => {
                        out.push(piece(v, s, i, i + p));
                        i += p + sep.len();
                    }
                    None => break,
                }
            }
            out.push(piece(v, s, i, s.len()));
        }
        None => {
            let mut i = skip_space(s, 0);
            while i < s.len() {
                if out.len() >= max {
                    out.push(piece(v, s, i, s.len()));
                    break;
                }
                let end = find_space(s, i);
                out.push(piece(v, s, i, end));
                i = skip_space(s, end);
            }
        }
    }
    out
}

/// `v.rsplit(sep, maxsplit)` for str value `v` with text `s`.
fn rsplit_values(v: &Value, s: &str, sep: Option<&str>, maxsplit: i64) -> Vec<Value> {
    let mut out = Vec::new();
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut end = s.len();
            while out.len() < max {
                match search::rfind(&s[..end], sep) {
                    Some(p) => {
                        out.push(piece(v, s, p + sep.len(), end));
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(piece(v, s, 0, end));
        }
        None => {
            let mut rest = s.trim_end_matches(is_space);
            while !rest.is_empty() {
                if out.len() >= max {
                    out.push(piece(v, s, 0, rest.len()));
                    break;
                }
                let start = rest.rfind(is_space).map(|p| p + rest[p..].chars().next().map_or(1, |c| c.len_utf8()));
                let start = start.unwrap_or(0);
                out.push(piece(v, s, start, rest.len()));
                rest = rest[..start].trim_end_matches(is_space);
            }
        }
    }
    out.reverse();
    out
}

fn split_args(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(Option<Value>, i64)> {
    let b = crate::objects::sequtil::mbind(&args, fname, &["sep", "maxsplit"], 0)?;
    let max = match &b[1] {
        Some(v) => to_size(vm, v)?,
        None => -1,
    };
    Ok((b[0].clone(), max))
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "split")?;
    let (sep, max) = split_args(vm, &args, "split")?;
    let sep = sep_arg(&sep)?;
    Ok(new_list(split_values(v, s.as_str(), sep, max)))
}

fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "rsplit")?;
    let (sep, max) = split_args(vm, &args, "rsplit")?;
    let sep = sep_arg(&sep)?;
    Ok(new_list(rsplit_values(v, s.as_str(), sep, max)))
}

/// `s.splitlines(keepends)` on a Rust string.
pub fn splitlines_str(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keepends { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "splitlines")?;
    let b = crate::objects::sequtil::mbind(&args, "splitlines", &["keepends"], 0)?;
    let keep = match &b[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(new_list(splitlines_str(s.as_str(), keep).into_iter().map(new_str).collect()))
}

fn partition_impl(args: Args<'_>, fname: &str, rev: bool) -> PyResult {
    let (v, s) = sself(&args, fname)?;
    let a = margs(&args, fname, 1, 1)?;
    let sep = a[0].as_str().ok_or_else(|| type_error(format!("must be str, not {}", type_name(&a[0]))))?;
    if sep.is_empty() {
        return Err(verr("empty separator"));
    }
    let st = s.as_str();
    let found = if rev { search::rfind(st, sep) } else { search::find(st, sep) };
    Ok(match found {
        Some(p) => new_tuple(vec![piece(v, st, 0, p), a[0].clone(), piece(v, st, p + sep.len(), st.len())]),
        // Not found: the str itself, even an instance of a subclass (as CPython).
        None if rev => new_tuple(vec![new_str(""), new_str(""), v.clone()]),
        None => new_tuple(vec![v.clone(), new_str(""), new_str("")]),
    })
}

fn str_partition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "partition", false)
}
fn str_rpartition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "rpartition", true)
}

fn str_removeprefix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "removeprefix")?;
    let a = margs(&args, "removeprefix", 1, 1)?;
    let p = a[0]
        .as_str()
        .ok_or_else(|| type_error(format!("removeprefix() argument must be str, not {}", type_name(&a[0]))))?;
    Ok(new_str(s.as_str().strip_prefix(p).unwrap_or(s.as_str())))
}

fn str_removesuffix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "removesuffix")?;
    let a = margs(&args, "removesuffix", 1, 1)?;
    let p = a[0]
        .as_str()
        .ok_or_else(|| type_error(format!("removesuffix() argument must be str, not {}", type_name(&a[0]))))?;
    Ok(new_str(s.as_str().strip_suffix(p).unwrap_or(s.as_str())))
}

/// `s.replace(old, new, count)` on Rust strings.
pub fn replace_str(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 { usize::MAX } else { count as usize };
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        return out;
    }
    let mut out = String::new();
    let mut last = 0;
    let mut n = 0;
    while n < max {
        let Some(p) = search::find(&s[last..], old) else { break };
        if n == 0 {
            out.reserve(s.len());
        }
        out.push_str(&s[last..last + p]);
        out.push_str(new);
        last += p + old.len();
        n += 1;
    }
    out.push_str(&s[last..]);
    out
}

fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, s) = sself(&args, "replace")?;
    let a = margs(&args, "replace", 2, 3)?;
    let old = a[0]
        .as_str()
        .ok_or_else(|| type_error(format!("replace() argument 1 must be str, not {}", type_name(&a[0]))))?;
    let new = a[1]
        .as_str()
        .ok_or_else(|| type_error(format!("replace() argument 2 must be str, not {}", type_name(&a[1]))))?;
    let count = match a.get(2) {
        Some(v) => to_size(vm, v)?,
        None => -1,
    };
    // Nothing to replace: CPython returns the str itself (an exact str).
    if count == 0 || (!old.is_empty() && !search::contains(s.as_str(), old)) {
        return Ok(piece(v, s.as_str(), 0, s.as_str().len()));
    }
    Ok(new_str(replace_str(s.as_str(), old, new, count)))
}

fn map_str(args: Args<'_>, fname: &str, f: fn(&str) -> String) -> PyResult {
    let (_, s) = sself(&args, fname)?;
    margs(&args, fname, 0, 0)?;
    Ok(new_str(f(s.as_str())))
}

fn str_lower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "lower", lower)
}
fn str_upper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "upper", upper)
}
fn str_casefold(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ﬁ' => out.push_str("fi"),
                'ﬂ' => out.push_str("fl"),
                'ﬀ' => out.push_str("ff"),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    })
}
fn str_swapcase(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "swapcase", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if is_upper(c) {
                out.extend(c.to_lowercase());
            } else if is_lower(c) {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}
fn str_capitalize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars();
        if let Some(c) = it.next() {
            to_title(c, &mut out);
        }
        for c in it {
            out.extend(c.to_lowercase());
        }
        out
    })
}
fn str_title(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_str(args, "title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                to_title(c, &mut out);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn pred(args: Args<'_>, fname: &str, f: impl Fn(char) -> bool, empty: bool) -> PyResult {
    let (_, s) = sself(&args, fname)?;
    margs(&args, fname, 0, 0)?;
    let st = s.as_str();
    if st.is_empty() {
        return Ok(py_bool(empty));
    }
    Ok(py_bool(st.chars().all(f)))
}

fn str_isalnum(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isalnum", is_alnum, false)
}
fn str_isalpha(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isalpha", is_alpha, false)
}
fn str_isascii(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isascii", |c| c.is_ascii(), true)
}
fn str_isdecimal(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isdecimal", is_decimal, false)
}
fn str_isdigit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isdigit", is_digit, false)
}
fn str_isnumeric(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isnumeric", is_numeric, false)
}
fn str_isprintable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isprintable", super::repr::is_printable, true)
}
fn str_isspace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isspace", is_space, false)
}

/// `str.isidentifier()` on a Rust string.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && in_table(tables::ID_START, c)) => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_ascii_alphanumeric() || (!c.is_ascii() && in_table(tables::ID_CONTINUE, c)))
}

fn str_isidentifier(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "isidentifier")?;
    margs(&args, "isidentifier", 0, 0)?;
    Ok(py_bool(is_identifier(s.as_str())))
}

fn str_islower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "islower")?;
    margs(&args, "islower", 0, 0)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_upper(c) || is_title(c) {
            return Ok(py_bool(false));
        }
        if is_lower(c) {
            cased = true;
        }
    }
    Ok(py_bool(cased))
}

fn str_isupper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "isupper")?;
    margs(&args, "isupper", 0, 0)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if is_lower(c) || is_title(c) {
            return Ok(py_bool(false));
        }
        if is_upper(c) {
            cased = true;
        }
    }
    Ok(py_bool(cased))
}

fn str_istitle(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "istitle")?;
    margs(&args, "istitle", 0, 0)?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.as_str().chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return Ok(py_bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(py_bool(cased))
}

fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "encode")?;
    let b = crate::objects::sequtil::mbind(&args, "encode", &["encoding", "errors"], 0)?;
    let enc = match &b[0] {
        Some(v) => arg_str(v, "encode() argument 'encoding'")?.to_owned(),
        None => "utf-8".into(),
    };
    let errs = match &b[1] {
        Some(v) => arg_str(v, "encode() argument 'errors'")?.to_owned(),
        None => "strict".into(),
    };
    let bytes = match crate::objects::bytes::encode(s.as_str(), &enc, &errs) {
        Ok(b) => b,
        // A codec pylift has no native form of: `codecs.lookup(enc).encode`.
        Err(e) if e.matches(&crate::objects::registry::exc().lookup_error) => {
            let info = crate::builtins::codecs::lookup(vm, &enc)?;
            let encf = vm.getitem(&info, &Value::small(0))?;
            let r = vm.call_pos(&encf, &[args.pos()[0].clone(), crate::objects::str::new_str(errs.as_str())])?;
            return vm.getitem(&r, &Value::small(0));
        }
        Err(e) => return Err(e),
    };
    Ok(crate::objects::bytes::new_bytes(bytes))
}

fn ord_key(vm: &mut Vm, k: &Value) -> PyResult<Value> {
    if let Some(s) = k.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(new_int(c as i64)),
            _ => Err(verr("string keys in translate table must be of length 1")),
        };
    }
    if crate::objects::sequtil::is_int(k) {
        return Ok(k.clone());
    }
    let _ = vm;
    Err(type_error("keys in translate table must be strings or integers"))
}

fn str_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("maketrans")?;
    let p = args.pos();
    let d = layout::alloc(&types().dict, PyDict::new());
    let Some(dd) = d.payload::<PyDict>() else { return Ok(d) };
    match p.len() {
        1 => {
            let Some(src) = p[0].downcast::<PyDict>() else {
                return Err(type_error("if you give only one argument to maketrans it must be a dict"));
            };
            for (k, v) in src.items() {
                let k = ord_key(vm, &k)?;
                dd.set(vm, k, v)?;
            }
        }
        2 | 3 => {
            let x = p[0]
                .as_str()
                .ok_or_else(|| type_error(format!("maketrans() argument 1 must be str, not {}", type_name(&p[0]))))?;
            let y = p[1]
                .as_str()
                .ok_or_else(|| type_error(format!("maketrans() argument 2 must be str, not {}", type_name(&p[1]))))?;
            if x.chars().count() != y.chars().count() {
                return Err(verr("the first two maketrans arguments must have equal length"));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                dd.set(vm, new_int(a as i64), new_int(b as i64))?;
            }
            if let Some(z) = p.get(2) {
                let z = z
                    .as_str()
                    .ok_or_else(|| type_error(format!("maketrans() argument 3 must be str, not {}", type_name(z))))?;
                for c in z.chars() {
                    dd.set(vm, new_int(c as i64), none())?;
                }
            }
        }
        n => return Err(crate::vm::args::arg_count_error("maketrans", 1, 3, n)),
    }
    Ok(d)
}

fn str_translate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "translate")?;
    let a = margs(&args, "translate", 1, 1)?;
    let table = &a[0];
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let r = match vm.getitem(table, &new_int(c as i64)) {
            Ok(r) => r,
            Err(e) if e.matches(&crate::objects::registry::exc().lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r.is_none() {
            continue;
        }
        if let Some(t) = r.as_str() {
            out.push_str(t);
            continue;
        }
        match crate::objects::int::to_i64(&r) {
            Some(n) if crate::objects::sequtil::is_int(&r) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(verr("character mapping must be in range(0x110000)")),
            },
            _ => return Err(type_error("character mapping must return integer, None or str")),
        }
    }
    Ok(new_str(out))
}

fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "format")?;
    let pos = &args.pos()[1..];
    let kw: Vec<(String, Value)> = args.kwargs().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let src = super::format::FormatArgs { pos, kw: &kw, map: None };
    Ok(new_str(super::format::vformat(vm, s.as_str(), &src, 2)?))
}

fn str_format_map(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, s) = sself(&args, "format_map")?;
    let a = margs(&args, "format_map", 1, 1)?;
    let src = super::format::FormatArgs { pos: &[], kw: &[], map: Some(&a[0]) };
    Ok(new_str(super::format::vformat(vm, s.as_str(), &src, 2)?))
}

#[allow(dead_code)]
fn _unused(_: PyErr, vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    index_clamped(vm, v)
}

/// Registers the named methods on `str`.
pub fn init(t: &Value) {
    add_method(t, "find", str_find);
    add_method(t, "rfind", str_rfind);
    add_method(t, "index", str_index);
    add_method(t, "rindex", str_rindex);
    add_method(t, "count", str_count);
    add_method(t, "startswith", str_startswith);
    add_method(t, "endswith", str_endswith);
    add_method(t, "center", str_center);
    add_method(t, "ljust", str_ljust);
    add_method(t, "rjust", str_rjust);
    add_method(t, "zfill", str_zfill);
    add_method(t, "expandtabs", str_expandtabs);
    add_method(t, "join", str_join);
    add_method(t, "strip", str_strip);
    add_method(t, "lstrip", str_lstrip);
    add_method(t, "rstrip", str_rstrip);
    add_method(t, "split", str_split);
    add_method(t, "rsplit", str_rsplit);
    add_method(t, "splitlines", str_splitlines);
    add_method(t, "partition", str_partition);
    add_method(t, "rpartition", str_rpartition);
    add_method(t, "removeprefix", str_removeprefix);
    add_method(t, "removesuffix", str_removesuffix);
    add_method(t, "replace", str_replace);
    add_method(t, "lower", str_lower);
    add_method(t, "upper", str_upper);
    add_method(t, "casefold", str_casefold);
    add_method(t, "swapcase", str_swapcase);
    add_method(t, "capitalize", str_capitalize);
    add_method(t, "title", str_title);
    add_method(t, "isalnum", str_isalnum);
    add_method(t, "isalpha", str_isalpha);
    add_method(t, "isascii", str_isascii);
    add_method(t, "isdecimal", str_isdecimal);
    add_method(t, "isdigit", str_isdigit);
    add_method(t, "isnumeric", str_isnumeric);
    add_method(t, "isprintable", str_isprintable);
    add_method(t, "isspace", str_isspace);
    add_method(t, "isidentifier", str_isidentifier);
    add_method(t, "islower", str_islower);
    add_method(t, "isupper", str_isupper);
    add_method(t, "istitle", str_istitle);
    add_method(t, "encode", str_encode);
    add_staticmethod(t, "maketrans", str_maketrans);
    add_method(t, "translate", str_translate);
    add_method(t, "format", str_format);
    add_method(t, "format_map", str_format_map);
}
