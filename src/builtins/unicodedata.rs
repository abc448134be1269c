//! The native `unicodedata` module (CPython's unicodedata.c) over Unicode 14.0.0 tables
//! generated from CPython 3.11's own database (`unicodedata/generated.rs`, made by
//! tools/gen_unicodedata.py), and the `ucd_3_2_0` object (Unicode 3.2.0, which
//! `encodings.idna` and `stringprep` use) as that version's differences over them. Names
//! are in `unicodedata/names.rs`, normalization in `unicodedata/normalize.rs`. Every
//! function exists twice with one body: at module level (current version) and as a
//! method of `UCD` objects (the object's version), with each one's argument messages.

use crate::objects::bytes::PyBytes;
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, native_ref, new_native};
use crate::objects::py_bool;
use crate::objects::str::{char_str, new_str};
use crate::objects::type_::new_builtin_class;
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::args::arg_count_error;
use crate::vm::errors::{key_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

// Generated data, laid out by its generator: rustfmt leaves it alone.
#[rustfmt::skip]
mod generated;
mod names;
mod normalize;

use generated::*;

pub fn register() {
    crate::vm::interp::register_native("unicodedata", init);
}

/// The properties record of code point `c`.
fn record(c: u32) -> &'static Record {
    let block = INDEX1[(c >> SHIFT) as usize] as usize;
    &RECORDS[INDEX2[(block << SHIFT) + (c & ((1 << SHIFT) - 1)) as usize] as usize]
}

/// The value of the (first, last, value) range holding `c`, if any.
fn in_ranges<T: Copy>(t: &[(u32, u32, T)], c: u32) -> Option<T> {
    let i = t.partition_point(|&(lo, _, _)| lo <= c).checked_sub(1)?;
    (c <= t[i].1).then_some(t[i].2)
}

/// Was `c` assigned in Unicode 3.2.0?
fn assigned_3_2(c: u32) -> bool {
    let i = UNASSIGNED_3_2.partition_point(|&(lo, _)| lo <= c);
    i == 0 || c > UNASSIGNED_3_2[i - 1].1
}

/// The decomposition of `c` as (tag number, code points); Hangul syllables have none
/// here (normalization makes theirs by rule).
fn decomposition_of(c: u32) -> Option<(u32, &'static [u32])> {
    let i = DECOMP_CPS.binary_search(&c).ok()?;
    let off = DECOMP_OFFSETS[i] as usize;
    let head = DECOMP_DATA[off];
    Some((head >> 8, &DECOMP_DATA[off + 1..off + 1 + (head & 0xFF) as usize]))
}

/// A `UCD` object: which database version its methods answer for.
struct Ucd {
    old: bool,
}
impl NativeData for Ucd {}

struct State {
    ucd_type: Value,
    ucd_3_2_0: Value,
}
static STATE: GilCell<State> = GilCell::new();

fn state() -> &'static State {
    STATE.init(|| {
        let t = new_builtin_class("UCD", "unicodedata", Kind::Native, 0);
        add_staticmethod(&t, "__new__", ucd_new);
        for &(name, _, meth) in FUNCTIONS {
            add_method(&t, name, meth);
        }
        add_getter(&t, "unidata_version", ucd_version);
        let ucd_3_2_0 = new_native(&t, Ucd { old: true });
        State { ucd_type: t, ucd_3_2_0 }
    })
}

fn ucd_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(type_error("cannot create 'unicodedata.UCD' instances"))
}

/// `unidata_version`, the one data attribute of `UCD` objects.
fn ucd_version(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let old = args.pos().first().and_then(|s| native_ref::<Ucd>(s)).is_some_and(|u| u.old);
    Ok(new_str(if old { "3.2.0" } else { "14.0.0" }))
}

/// How a function was called: the database version and the name its messages use
/// (`unicodedata.name` or `UCD.name`).
struct Call<'a> {
    old: bool,
    owner: &'static str,
    name: &'static str,
    args: &'a [Value],
}

impl Call<'_> {
    /// Positional arguments between `min` and `max`, CPython's messages otherwise: one
    /// argument is METH_O's wording, more the fast-call checker's.
    fn count(&self, kwargs: bool, min: usize, max: usize) -> PyResult<()> {
        if kwargs {
            return Err(type_error(format!("{}.{}() takes no keyword arguments", self.owner, self.name)));
        }
        let n = self.args.len();
        if max == 1 && n != 1 {
            return Err(type_error(format!("{}.{}() takes exactly one argument ({n} given)", self.owner, self.name)));
        }
        if n < min || n > max {
            return Err(arg_count_error(self.name, min, max, n));
        }
        Ok(())
    }

    /// The character argument (the first), as a code point.
    fn chr(&self) -> PyResult<u32> {
        let v = &self.args[0];
        let mut cs = v.as_str().map(|s| s.chars());
        match cs.as_mut().map(|c| (c.next(), c.next())) {
            Some((Some(c), None)) => Ok(c as u32),
            _ => {
                let which = if matches!(self.name, "decimal" | "digit" | "numeric" | "name") {
                    "argument 1"
                } else {
                    "argument"
                };
                Err(type_error(format!("{}() {which} must be a unicode character, not {}", self.name, type_name(v))))
            }
        }
    }

    /// The `default` argument when a value is missing, else ValueError(`msg`).
    fn missing(&self, msg: &str) -> PyResult {
        match self.args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(value_error(msg)),
        }
    }

    /// Argument `i` (from 0) that must be a str.
    fn str_arg(&self, i: usize) -> PyResult<&str> {
        self.args[i].as_str().ok_or_else(|| {
            type_error(format!("{}() argument {} must be str, not {}", self.name, i + 1, type_name(&self.args[i])))
        })
    }
}

fn decimal(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let d = match c.old.then(|| in_ranges(DECIMAL_3_2, ch)).flatten() {
        Some(d) => d,
        None => record(ch).decimal,
    };
    if d == NONE { c.missing("not a decimal") } else { Ok(new_int(d as i64)) }
}

fn digit(c: &Call<'_>) -> PyResult {
    let d = record(c.chr()?).digit;
    if d == NONE { c.missing("not a digit") } else { Ok(new_int(d as i64)) }
}

fn numeric(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let v = match c.old.then(|| in_ranges(NUMERIC_3_2, ch)).flatten() {
        Some(v) => v,
        None => match record(ch).numeric {
            NO_NUMERIC => f64::NAN,
            i => NUMERIC_VALUES[i as usize],
        },
    };
    if v.is_nan() { c.missing("not a numeric character") } else { Ok(new_float(v)) }
}

fn category(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let i = c.old.then(|| in_ranges(CATEGORY_3_2, ch)).flatten().unwrap_or(record(ch).category);
    Ok(new_str(CATEGORIES[i as usize]))
}

fn bidirectional(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let i = c.old.then(|| in_ranges(BIDI_3_2, ch)).flatten().unwrap_or(record(ch).bidi);
    Ok(new_str(BIDI[i as usize]))
}

fn east_asian_width(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let i = c.old.then(|| in_ranges(EAW_3_2, ch)).flatten().unwrap_or(record(ch).eaw);
    Ok(new_str(EAW[i as usize]))
}

fn mirrored(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let m = c.old.then(|| in_ranges(MIRRORED_3_2, ch)).flatten().unwrap_or(record(ch).mirrored);
    Ok(new_int(m as i64))
}

fn combining(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    Ok(new_int(if c.old && !assigned_3_2(ch) { 0 } else { record(ch).combining as i64 }))
}

fn decomposition(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    let Some((tag, parts)) = decomposition_of(ch).filter(|_| !c.old || assigned_3_2(ch)) else {
        return Ok(new_str(""));
    };
    let mut out: Vec<String> = Vec::with_capacity(parts.len() + 1);
    if tag != 0 {
        out.push(DECOMP_TAGS[tag as usize].to_string());
    }
    out.extend(parts.iter().map(|p| format!("{p:04X}")));
    Ok(new_str(out.join(" ")))
}

fn name(c: &Call<'_>) -> PyResult {
    let ch = c.chr()?;
    match names::name(ch).filter(|_| !c.old || assigned_3_2(ch)) {
        Some(n) => Ok(new_str(n)),
        None => c.missing("no such name"),
    }
}

/// The longest name `lookup` considers (CPython's NAME_MAXLEN).
const NAME_MAXLEN: usize = 256;

fn lookup(c: &Call<'_>) -> PyResult {
    let v = &c.args[0];
    let bytes: &[u8] = match (v.as_str(), v.downcast::<PyBytes>()) {
        (Some(s), _) => s.as_bytes(),
        (None, Some(b)) => &b.0,
        (None, None) => {
            let what = if crate::builtins::memoryview::buffer_bytes(v).is_some() {
                format!("{}() argument must be read-only bytes-like object, not {}", c.name, type_name(v))
            } else {
                format!("a bytes-like object is required, not '{}'", type_name(v))
            };
            return Err(type_error(what));
        }
    };
    if bytes.len() > NAME_MAXLEN {
        return Err(key_error(new_str("name too long")));
    }
    match names::lookup(bytes, c.old, assigned_3_2) {
        Some(names::Found::Char(ch) | names::Found::Alias(ch)) => Ok(code_point_str(ch)),
        Some(names::Found::Sequence(s)) => {
            Ok(new_str(s.iter().filter_map(|&ch| char::from_u32(ch)).collect::<String>()))
        }
        None => {
            // CPython formats the name with `%s`: it ends at a NUL.
            let shown = bytes.split(|&b| b == 0).next().unwrap_or(&[]);
            Err(key_error(new_str(format!("undefined character name '{}'", String::from_utf8_lossy(shown)))))
        }
    }
}

/// The character a `\N{name}` escape names: current names and aliases, no named
/// sequences (CPython's `_getcode` without them).
pub(crate) fn lookup_char(name: &[u8]) -> Option<u32> {
    match names::lookup(name, false, assigned_3_2)? {
        names::Found::Char(c) | names::Found::Alias(c) => Some(c),
        names::Found::Sequence(_) => None,
    }
}

fn code_point_str(c: u32) -> Value {
    char_str(char::from_u32(c).unwrap_or('\u{fffd}'))
}

/// The form and text arguments of `normalize`/`is_normalized`, as (compose, compat).
fn form_args<'a>(c: &'a Call<'_>) -> PyResult<(bool, bool, &'a str)> {
    let form = c.str_arg(0)?;
    let text = c.str_arg(1)?;
    let (compose, compat) = match form {
        "NFC" => (true, false),
        "NFKC" => (true, true),
        "NFD" => (false, false),
        "NFKD" => (false, true),
        _ => return Err(value_error("invalid normalization form")),
    };
    Ok((compose, compat, text))
}

fn normalized(text: &str, compose: bool, compat: bool, old: bool) -> String {
    let d = normalize::decompose(text, compat, old);
    let cps = if compose { normalize::compose(&d) } else { d };
    cps.into_iter().filter_map(char::from_u32).collect()
}

fn normalize(c: &Call<'_>) -> PyResult {
    let (compose, compat, text) = form_args(c)?;
    if text.is_ascii() {
        // ASCII text is in every form (the check CPython's quick check makes first).
        return Ok(c.args[1].clone());
    }
    let out = normalized(text, compose, compat, c.old);
    if out == text { Ok(c.args[1].clone()) } else { Ok(new_str(out)) }
}

fn is_normalized(c: &Call<'_>) -> PyResult {
    let (compose, compat, text) = form_args(c)?;
    Ok(py_bool(text.is_ascii() || normalized(text, compose, compat, c.old) == text))
}

/// Generates, for each function, the module-level and the `UCD` method wrappers around
/// its one body, with its argument counts.
macro_rules! functions {
    ($($name:literal $body:ident $min:literal $max:literal;)*) => {
        /// (name, module function, UCD method).
        static FUNCTIONS: &[(&str, NativeFn, NativeFn)] = &[$(
            ($name, {
                fn module_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                    let c = Call { old: false, owner: "unicodedata", name: $name, args: args.pos() };
                    c.count(args.has_kwargs(), $min, $max)?;
                    $body(&c)
                }
                module_fn
            }, {
                fn method(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                    let pos = args.pos();
                    let Some(ucd) = pos.first().and_then(|s| native_ref::<Ucd>(s)) else {
                        return Err(type_error(concat!("descriptor '", $name, "' requires a 'unicodedata.UCD' object")));
                    };
                    let c = Call { old: ucd.old, owner: "UCD", name: $name, args: &pos[1..] };
                    c.count(args.has_kwargs(), $min, $max)?;
                    $body(&c)
                }
                method
            }),
        )*];
    };
}

functions! {
    "decimal" decimal 1 2;
    "digit" digit 1 2;
    "numeric" numeric 1 2;
    "category" category 1 1;
    "bidirectional" bidirectional 1 1;
    "combining" combining 1 1;
    "mirrored" mirrored 1 1;
    "east_asian_width" east_asian_width 1 1;
    "decomposition" decomposition 1 1;
    "name" name 1 2;
    "lookup" lookup 1 1;
    "normalize" normalize 2 2;
    "is_normalized" is_normalized 2 2;
}

const DOC: &str = "This module provides access to the Unicode Character Database which\n\
defines character properties for all Unicode characters. The data in\n\
this database is based on the UnicodeData.txt file version\n\
14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\
\n\
The module uses the same names and symbols as defined by the\n\
UnicodeData File Format 14.0.0.";

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("unicodedata");
    let d = module_dict(&m);
    for &(name, f, _) in FUNCTIONS {
        add_function(&d, "unicodedata", name, f);
    }
    let st = state();
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__doc__"), new_str(DOC));
        dd.set_str(new_str("unidata_version"), new_str("14.0.0"));
        dd.set_str(new_str("UCD"), st.ucd_type.clone());
        dd.set_str(new_str("ucd_3_2_0"), st.ucd_3_2_0.clone());
    }
    Ok(m)
}
