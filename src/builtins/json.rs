//! The native `_json` module (CPython's _json.c), which `json.decoder`, `json.scanner` and
//! `json.encoder` use when present: `scanstring`, the `make_scanner` type (one call
//! decodes a whole value) and the `make_encoder` type (one call encodes a whole value,
//! for `json.dumps` without `indent`), `encode_basestring` and
//! `encode_basestring_ascii`. Scanning and messages follow _json.c step for step (ASCII
//! digits only in numbers, `StopIteration(idx)` where no value starts, `JSONDecodeError`
//! from `json.decoder`), so error positions match CPython's.

use std::collections::HashMap;

use crate::objects::builtin_func::PyBuiltin;
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::format_spec::float_repr;
use crate::objects::int::{int_to_decimal, int_val, new_int};
use crate::objects::list::{PyList, new_list};
use crate::objects::native::{NativeData, native_ref, new_native};
use crate::objects::str::{PyStr, intern, new_str};
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, stop_iteration, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_json", init);
}

struct Classes {
    scanner: Value,
    encoder: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let scanner = new_builtin_class("Scanner", "_json", Kind::Native, TF_BASETYPE);
        add_staticmethod(&scanner, "__new__", scanner_new);
        add_method(&scanner, "__call__", scanner_call);
        for (name, f) in [
            ("strict", scanner_strict as NativeFn),
            ("object_hook", scanner_object_hook),
            ("object_pairs_hook", scanner_object_pairs_hook),
            ("parse_float", scanner_parse_float),
            ("parse_int", scanner_parse_int),
            ("parse_constant", scanner_parse_constant),
        ] {
            add_getter(&scanner, name, f);
        }
        let encoder = new_builtin_class("Encoder", "_json", Kind::Native, TF_BASETYPE);
        add_staticmethod(&encoder, "__new__", encoder_new);
        add_method(&encoder, "__call__", encoder_call);
        Classes { scanner, encoder }
    })
}

/// Arguments bound by name (CPython's `PyArg_ParseTupleAndKeywords`), with its messages.
fn bind<const N: usize>(args: &Args<'_>, fname: &str, names: [&str; N], skip: usize) -> PyResult<[Value; N]> {
    let pos = &args.pos()[skip..];
    let inner = Args::new(&args.values[skip..], args.kwnames);
    if pos.len() > N {
        return Err(type_error(format!("{fname}() takes at most {N} arguments ({} given)", pos.len())));
    }
    let bound = inner.bind(fname, &names, 0)?;
    let mut out: [Value; N] = std::array::from_fn(|_| none());
    for (i, slot) in bound.into_iter().enumerate() {
        match slot {
            Some(v) => out[i] = v,
            None => {
                return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
            }
        }
    }
    Ok(out)
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)`, imported when an error happens.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let made = vm
        .import_module("json.decoder")
        .and_then(|m| vm.getattr_str(&m, "JSONDecodeError"))
        .and_then(|cls| vm.call(&cls, Args::positional_only(&[new_str(msg), doc.clone(), new_int(pos as i64)])));
    match made {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

/// The text being scanned, addressed by byte offset; positions reported to Python are
/// code point indexes.
struct Text<'a> {
    doc: &'a Value,
    s: &'a str,
    b: &'a [u8],
    ascii: bool,
}

impl<'a> Text<'a> {
    fn new(doc: &'a Value) -> Option<Text<'a>> {
        let p = doc.downcast::<PyStr>()?;
        let s = p.as_str();
        Some(Text { doc, s, b: s.as_bytes(), ascii: p.is_ascii() })
    }
    /// The code point index of byte offset `b`.
    fn char_index(&self, b: usize) -> usize {
        if self.ascii { b } else { self.s[..b.min(self.s.len())].chars().count() }
    }
    /// The byte offset of code point index `i` (at most the length).
    fn byte_offset(&self, i: usize) -> usize {
        match self.doc.downcast::<PyStr>() {
            Some(p) => p.byte_offset(i),
            None => self.s.len(),
        }
    }
    fn err(&self, vm: &mut Vm, msg: &str, b: usize) -> PyErr {
        decode_error(vm, msg, self.doc, self.char_index(b))
    }
}

fn hex_digit(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// `scanstring_unicode`: the string whose body starts at byte `end` (after the opening
/// quote), and the byte offset after its closing quote.
fn scan_string(vm: &mut Vm, t: &Text<'_>, mut end: usize, strict: bool) -> PyResult<(String, usize)> {
    let b = t.b;
    let begin = end.saturating_sub(1);
    let mut out = String::new();
    loop {
        // Up to the end of the string or the next escape.
        let mut next = end;
        while next < b.len() {
            let d = b[next];
            if d == b'"' || d == b'\\' {
                break;
            }
            if d <= 0x1f && strict {
                return Err(t.err(vm, "Invalid control character at", next));
            }
            next += 1;
        }
        if next >= b.len() {
            return Err(t.err(vm, "Unterminated string starting at", begin));
        }
        out.push_str(&t.s[end..next]);
        if b[next] == b'"' {
            return Ok((out, next + 1));
        }
        // A backslash.
        next += 1;
        if next == b.len() {
            return Err(t.err(vm, "Unterminated string starting at", begin));
        }
        let c = b[next];
        if c != b'u' {
            end = next + 1;
            let ch = match c {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                _ => return Err(t.err(vm, "Invalid \\escape", end - 2)),
            };
            out.push(ch);
            continue;
        }
        next += 1;
        end = next + 4;
        if end >= b.len() {
            return Err(t.err(vm, "Invalid \\uXXXX escape", next - 1));
        }
        let mut c = 0u32;
        for &d in &b[next..end] {
            match hex_digit(d) {
                Some(v) => c = c << 4 | v,
                None => return Err(t.err(vm, "Invalid \\uXXXX escape", end - 5)),
            }
        }
        // A high surrogate followed by `\u` and a low one makes one character.
        if (0xD800..0xDC00).contains(&c) && end + 6 < b.len() && b[end] == b'\\' && b[end + 1] == b'u' {
            let mut c2 = 0u32;
            for &d in &b[end + 2..end + 6] {
                match hex_digit(d) {
                    Some(v) => c2 = c2 << 4 | v,
                    None => return Err(t.err(vm, "Invalid \\uXXXX escape", end + 1)),
                }
            }
            if (0xDC00..0xE000).contains(&c2) {
                c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
                end += 6;
            }
        }
        // A lone surrogate cannot be held in pylift's UTF-8 strings: U+FFFD, as chr().
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
    }
}

/// `scanstring(string, end, strict=True)` -> (str, end).
fn scanstring(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("scanstring")?;
    let p = args.pos();
    if p.len() < 2 || p.len() > 3 {
        return Err(crate::vm::args::arg_count_error("scanstring", 2, 3, p.len()));
    }
    let Some(t) = Text::new(&p[0]) else {
        return Err(type_error(format!("first argument must be a string, not {}", type_name(&p[0]))));
    };
    let end = index_arg(vm, &p[1])?;
    let strict = match p.get(2) {
        Some(v) => int_arg(vm, v)? != 0,
        None => true,
    };
    let len = t.s.chars().count() as i64;
    if end < 0 || len < end {
        return Err(value_error("end is out of bounds"));
    }
    let start = t.byte_offset(end as usize);
    let (s, next) = scan_string(vm, &t, start, strict)?;
    Ok(new_tuple(vec![new_str(s), new_int(t.char_index(next) as i64)]))
}

/// An `n` (Py_ssize_t) argument: anything with `__index__`.
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match crate::objects::sequtil::index_isize(vm, v)? {
        Some(i) => Ok(i),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// An `i` (C int) argument.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.kind() == Kind::Float {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    index_arg(vm, v)
}

/// A scanner's context, read from the decoder once.
struct Scanner {
    strict: bool,
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}
impl NativeData for Scanner {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [&self.object_hook, &self.object_pairs_hook, &self.parse_float, &self.parse_int, &self.parse_constant]
        {
            visit(v);
        }
    }
}

fn scanner_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [ctx] = bind(&args, "make_scanner", ["context"], 1)?;
    let strict = vm.getattr_str(&ctx, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = vm.getattr_str(&ctx, "object_hook")?;
    let object_pairs_hook = vm.getattr_str(&ctx, "object_pairs_hook")?;
    let parse_float = vm.getattr_str(&ctx, "parse_float")?;
    let parse_int = vm.getattr_str(&ctx, "parse_int")?;
    let parse_constant = vm.getattr_str(&ctx, "parse_constant")?;
    let cls = crate::objects::sequtil::new_cls(&args, &classes().scanner)?;
    let s = Scanner { strict, object_hook, object_pairs_hook, parse_float, parse_int, parse_constant };
    Ok(new_native(cls, s))
}

macro_rules! scanner_getters {
    ($($f:ident $field:ident;)*) => {$(
        fn $f(_vm: &mut Vm, args: Args<'_>) -> PyResult {
            let s = crate::objects::native::this::<Scanner>(&args, stringify!($field), "_json.Scanner")?.1;
            Ok(s.$field.clone())
        }
    )*};
}
scanner_getters! {
    scanner_object_hook object_hook;
    scanner_object_pairs_hook object_pairs_hook;
    scanner_parse_float parse_float;
    scanner_parse_int parse_int;
    scanner_parse_constant parse_constant;
}

fn scanner_strict(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = crate::objects::native::this::<Scanner>(&args, "strict", "_json.Scanner")?.1;
    Ok(crate::objects::py_bool(s.strict))
}

/// One `scan_once` call: the scanner, the text, and the keys seen (so equal keys share
/// one str, as CPython's memo dict does).
struct Scan<'a> {
    sc: &'a Scanner,
    t: Text<'a>,
    memo: HashMap<String, Value>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Scan<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.t.b.len() && is_ws(self.t.b[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.t.b.get(i).copied()
    }

    fn stop(&self, i: usize) -> PyErr {
        stop_iteration(Some(new_int(self.t.char_index(i) as i64)))
    }

    /// `scan_once_unicode`: the value starting at byte `i`, and the offset after it.
    fn value(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        let b = self.t.b;
        let Some(c) = self.at(i) else { return Err(self.stop(i)) };
        let rest = &b[i..];
        match c {
            b'"' => {
                let (s, next) = scan_string(vm, &self.t, i + 1, self.sc.strict)?;
                return Ok((new_str(s), next));
            }
            b'{' => {
                return vm
                    .recursive(" while decoding a JSON object from a unicode string", |vm| self.object(vm, i + 1));
            }
            b'[' => {
                return vm.recursive(" while decoding a JSON array from a unicode string", |vm| self.array(vm, i + 1));
            }
            b'n' if rest.starts_with(b"null") => return Ok((none(), i + 4)),
            b't' if rest.starts_with(b"true") => return Ok((crate::objects::py_bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => return Ok((crate::objects::py_bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => return self.constant(vm, "NaN", i),
            b'I' if rest.starts_with(b"Infinity") => return self.constant(vm, "Infinity", i),
            b'-' if rest.starts_with(b"-Infinity") => return self.constant(vm, "-Infinity", i),
            _ => {}
        }
        self.number(vm, i)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, i: usize) -> PyResult<(Value, usize)> {
        let v = vm.call(&self.sc.parse_constant, Args::positional_only(&[intern(name)]))?;
        Ok((v, i + name.len()))
    }

    /// `_match_number_unicode`: ASCII digits only.
    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.t.b;
        let digit = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
            if i >= b.len() {
                return Err(self.stop(start));
            }
        }
        match b[i] {
            b'1'..=b'9' => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            b'0' => i += 1,
            _ => return Err(self.stop(start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let e_start = i;
            i += 1;
            if matches!(b.get(i), Some(b'-' | b'+')) {
                i += 1;
            }
            let digits = i;
            while digit(i) {
                i += 1;
            }
            if i > digits {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text = &self.t.s[start..i];
        let v = if is_float {
            if self.sc.parse_float.is(&types().float) {
                new_float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                vm.call(&self.sc.parse_float, Args::positional_only(&[new_str(text)]))?
            }
        } else if self.sc.parse_int.is(&types().int) {
            match text.parse::<i64>() {
                Ok(n) => new_int(n),
                // Past i64: `int(text)`, with its limit on digits.
                Err(_) => crate::objects::int::parse_int_str(text, 10)?,
            }
        } else {
            vm.call(&self.sc.parse_int, Args::positional_only(&[new_str(text)]))?
        };
        Ok((v, i))
    }

    fn key(&mut self, s: String) -> Value {
        if let Some(k) = self.memo.get(&s) {
            return k.clone();
        }
        let k = new_str(s.as_str());
        self.memo.insert(s, k.clone());
        k
    }

    /// `_parse_object_unicode`, from just after the `{`.
    fn object(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let pairs_hook = !self.sc.object_pairs_hook.is_none();
        let mut pairs: Vec<Value> = Vec::new();
        let dict = crate::objects::dict::methods::new_dict();
        let mut i = self.skip_ws(start);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    return Err(self.t.err(vm, "Expecting property name enclosed in double quotes", i));
                }
                let (k, next) = scan_string(vm, &self.t, i + 1, self.sc.strict)?;
                let key = self.key(k);
                i = self.skip_ws(next);
                if self.at(i) != Some(b':') {
                    return Err(self.t.err(vm, "Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (val, next) = self.value(vm, i)?;
                if pairs_hook {
                    pairs.push(new_tuple(vec![key, val]));
                } else if let Some(d) = dict.payload::<PyDict>() {
                    d.set(vm, key, val)?;
                }
                i = self.skip_ws(next);
                if self.at(i) == Some(b'}') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(self.t.err(vm, "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if pairs_hook {
            let v = vm.call(&self.sc.object_pairs_hook, Args::positional_only(&[new_list(pairs)]))?;
            return Ok((v, end));
        }
        if !self.sc.object_hook.is_none() {
            let v = vm.call(&self.sc.object_hook, Args::positional_only(&[dict]))?;
            return Ok((v, end));
        }
        Ok((dict, end))
    }

    /// `_parse_array_unicode`, from just after the `[`.
    fn array(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(start);
        if self.at(i) != Some(b']') {
            loop {
                let (val, next) = self.value(vm, i)?;
                items.push(val);
                i = self.skip_ws(next);
                if self.at(i) == Some(b']') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(self.t.err(vm, "Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((new_list(items), i + 1))
    }
}

/// `scanner(string, idx)` -> (value, end), StopIteration(idx) where no value starts.
fn scanner_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or_else(none);
    let Some(sc) = native_ref::<Scanner>(&me) else {
        return Err(type_error("descriptor '__call__' requires a '_json.Scanner' object"));
    };
    let [string, idx] = bind(&args, "scan_once", ["string", "idx"], 1)?;
    let Some(t) = Text::new(&string) else {
        return Err(type_error(format!("first argument must be a string, not {}", type_name(&string))));
    };
    let idx = index_arg(vm, &idx)?;
    if idx < 0 {
        return Err(value_error("idx cannot be negative"));
    }
    let start = t.byte_offset(idx as usize);
    let mut scan = Scan { sc, t, memo: HashMap::new() };
    if start >= scan.t.b.len() {
        return Err(stop_iteration(Some(new_int(idx))));
    }
    let (v, end) = scan.value(vm, start)?;
    Ok(new_tuple(vec![v, new_int(scan.t.char_index(end) as i64)]))
}

/// `s` as a JSON string, quotes included: `encode_basestring_ascii`'s output with
/// `ascii` (everything beyond printable ASCII as `\uXXXX`), else `encode_basestring`'s
/// (only quotes, backslashes and controls escaped).
fn escape_str(s: &str, out: &mut String, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0'..='\u{1f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            ' '..='~' => out.push(c),
            _ if !ascii => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out.push('"');
}

fn str_only<'a>(v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("first argument must be a string, not {}", type_name(v))))
}

fn encode_basestring_ascii(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("encode_basestring_ascii")?;
    let mut out = String::new();
    escape_str(str_only(s)?, &mut out, true);
    Ok(new_str(out))
}

fn encode_basestring(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("encode_basestring")?;
    let mut out = String::new();
    escape_str(str_only(s)?, &mut out, false);
    Ok(new_str(out))
}

/// How strings are encoded: one of this module's functions directly, or a call.
enum StrEncoder {
    Ascii,
    Unicode,
    Call(Value),
}

struct Encoder {
    /// Whether to check for cycles (the `markers` argument was a dict).
    check_circular: bool,
    markers: Value,
    default: Value,
    encoder: StrEncoder,
    encoder_obj: Value,
    indent: Value,
    key_separator: String,
    item_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
}
impl NativeData for Encoder {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [&self.markers, &self.default, &self.encoder_obj, &self.indent] {
            visit(v);
        }
    }
}

fn encoder_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let names = [
        "markers",
        "default",
        "encoder",
        "indent",
        "key_separator",
        "item_separator",
        "sort_keys",
        "skipkeys",
        "allow_nan",
    ];
    let [markers, default, encoder, indent, key_sep, item_sep, sort_keys, skipkeys, allow_nan] =
        bind(&args, "make_encoder", names, 1)?;
    if !markers.is_none() && markers.downcast::<PyDict>().is_none() {
        return Err(type_error(format!("make_encoder() argument 1 must be dict or None, not {}", type_name(&markers))));
    }
    let sep = |v: &Value, n: usize| -> PyResult<String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| type_error(format!("make_encoder() argument {n} must be str, not {}", type_name(v))))
    };
    let key_separator = sep(&key_sep, 5)?;
    let item_separator = sep(&item_sep, 6)?;
    let sort_keys = vm.truthy(&sort_keys)?;
    let skipkeys = vm.truthy(&skipkeys)?;
    let allow_nan = vm.truthy(&allow_nan)?;
    let fast = encoder.downcast::<PyBuiltin>().map(|b| b.func as usize);
    let str_encoder = if fast == Some(encode_basestring_ascii as NativeFn as usize) {
        StrEncoder::Ascii
    } else if fast == Some(encode_basestring as NativeFn as usize) {
        StrEncoder::Unicode
    } else {
        StrEncoder::Call(encoder.clone())
    };
    let cls = crate::objects::sequtil::new_cls(&args, &classes().encoder)?;
    let e = Encoder {
        check_circular: !markers.is_none(),
        markers,
        default,
        encoder: str_encoder,
        encoder_obj: encoder,
        indent,
        key_separator,
        item_separator,
        sort_keys,
        skipkeys,
        allow_nan,
    };
    Ok(new_native(cls, e))
}

/// One encoding: the encoder and the ids of the containers being encoded.
struct Encode<'a> {
    e: &'a Encoder,
    out: String,
    markers: Vec<usize>,
}

impl Encode<'_> {
    fn string(&mut self, vm: &mut Vm, s: &Value) -> PyResult<()> {
        match &self.e.encoder {
            StrEncoder::Ascii => escape_str(s.as_str().unwrap_or(""), &mut self.out, true),
            StrEncoder::Unicode => escape_str(s.as_str().unwrap_or(""), &mut self.out, false),
            StrEncoder::Call(f) => {
                let r = vm.call(f, Args::positional_only(std::slice::from_ref(s)))?;
                match r.as_str() {
                    Some(t) => self.out.push_str(t),
                    None => {
                        return Err(type_error(format!("encoder() must return a string, not {}", type_name(&r))));
                    }
                }
            }
        }
        Ok(())
    }

    fn float(&self, f: f64) -> PyResult<String> {
        if !f.is_finite() {
            if !self.e.allow_nan {
                return Err(value_error("Out of range float values are not JSON compliant"));
            }
            return Ok(if f > 0.0 {
                "Infinity"
            } else if f < 0.0 {
                "-Infinity"
            } else {
                "NaN"
            }
            .to_string());
        }
        Ok(float_repr(f))
    }

    /// Enters container `v` for the cycle check.
    fn enter(&mut self, v: &Value) -> PyResult<()> {
        if self.e.check_circular {
            let id = v.bits() as usize;
            if self.markers.contains(&id) {
                return Err(value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        Ok(())
    }

    fn leave(&mut self) {
        if self.e.check_circular {
            self.markers.pop();
        }
    }

    fn obj(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if obj.is_none() {
            self.out.push_str("null");
        } else if obj.is_true_singleton() {
            self.out.push_str("true");
        } else if obj.is(&crate::objects::py_bool(false)) {
            self.out.push_str("false");
        } else if obj.as_str().is_some() {
            self.string(vm, obj)?;
        } else if let Some(i) = int_val(obj) {
            self.out.push_str(&int_to_decimal(i)?);
        } else if let Some(f) = obj.as_float() {
            let s = self.float(f)?;
            self.out.push_str(&s);
        } else if obj.downcast::<PyList>().is_some() || obj.downcast::<PyTuple>().is_some() {
            vm.recursive(" while encoding a JSON object", |vm| self.list(vm, obj))?;
        } else if obj.downcast::<PyDict>().is_some() {
            vm.recursive(" while encoding a JSON object", |vm| self.dict(vm, obj))?;
        } else {
            self.enter(obj)?;
            let new = vm.call(&self.e.default, Args::positional_only(std::slice::from_ref(obj)))?;
            vm.recursive(" while encoding a JSON object", |vm| self.obj(vm, &new))?;
            self.leave();
        }
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, seq: &Value) -> PyResult<()> {
        let items = match (seq.downcast::<PyList>(), seq.downcast::<PyTuple>()) {
            (Some(l), _) => l.snapshot(),
            (_, Some(t)) => t.0.to_vec(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.enter(seq)?;
        self.out.push('[');
        for (i, v) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.e.item_separator);
            }
            self.obj(vm, v)?;
        }
        self.leave();
        self.out.push(']');
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, dct: &Value) -> PyResult<()> {
        let Some(d) = dct.downcast::<PyDict>() else { return Ok(()) };
        if d.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.enter(dct)?;
        self.out.push('{');
        // `PyMapping_Items`: a subclass's own `items()`.
        let mut items: Vec<Value> = if dct.type_of().is(&types().dict) {
            d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect()
        } else {
            let m = vm.getattr_str(dct, "items")?;
            let it = vm.call(&m, Args::positional_only(&[]))?;
            let l = vm.call(&types().list.clone(), Args::positional_only(&[it]))?;
            l.downcast::<PyList>().map(|l| l.snapshot()).unwrap_or_default()
        };
        if self.e.sort_keys {
            crate::objects::list::sort::sort_values(vm, &mut items, None, false)?;
        }
        let mut first = true;
        for item in &items {
            let Some(kv) = item.downcast::<PyTuple>().filter(|t| t.0.len() == 2) else {
                return Err(value_error("items must return 2-tuples"));
            };
            let (key, value) = (&kv.0[0], &kv.0[1]);
            let kstr = if key.as_str().is_some() {
                key.clone()
            } else if let Some(f) = key.as_float() {
                new_str(self.float(f)?)
            } else if key.is_true_singleton() {
                new_str("true")
            } else if key.is(&crate::objects::py_bool(false)) {
                new_str("false")
            } else if key.is_none() {
                new_str("null")
            } else if let Some(i) = int_val(key) {
                new_str(int_to_decimal(i)?)
            } else if self.e.skipkeys {
                continue;
            } else {
                return Err(type_error(format!("keys must be str, int, float, bool or None, not {}", type_name(key))));
            };
            if !first {
                self.out.push_str(&self.e.item_separator);
            }
            first = false;
            self.string(vm, &kstr)?;
            self.out.push_str(&self.e.key_separator);
            self.obj(vm, value)?;
        }
        self.leave();
        self.out.push('}');
        Ok(())
    }
}

/// `encoder(obj, _current_indent_level)` -> a list of chunks: here one, the whole
/// encoding (CPython 3.11's accumulator joins every 100,000 pieces, so its list is one
/// string long for all but huge outputs).
fn encoder_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or_else(none);
    let Some(e) = native_ref::<Encoder>(&me) else {
        return Err(type_error("descriptor '__call__' requires a '_json.Encoder' object"));
    };
    let [obj, level] = bind(&args, "_iterencode", ["obj", "_current_indent_level"], 1)?;
    index_arg(vm, &level)?;
    let mut enc = Encode { e, out: String::new(), markers: Vec::new() };
    enc.obj(vm, &obj)?;
    Ok(new_list(vec![new_str(enc.out)]))
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_json");
    let d = module_dict(&m);
    add_function(&d, "_json", "scanstring", scanstring);
    add_function(&d, "_json", "encode_basestring_ascii", encode_basestring_ascii);
    add_function(&d, "_json", "encode_basestring", encode_basestring);
    let c = classes();
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__doc__"), new_str("json speedups\n"));
        dd.set_str(new_str("make_scanner"), c.scanner.clone());
        dd.set_str(new_str("make_encoder"), c.encoder.clone());
    }
    Ok(m)
}
