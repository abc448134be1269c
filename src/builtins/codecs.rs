//! The `_codecs` module under CPython's own `codecs.py` and `encodings` package: the codec
//! search-function registry and `lookup` (importing `encodings` on first use, as CPython's
//! start-up does), the error-handler registry with the builtin handlers, and the C codecs
//! the `encodings.*` modules bind (utf-8/16/32, ascii, latin-1, built on the same
//! conversions as `str.encode`/`bytes.decode`; the escape codecs in `codecs/escape.rs`).

mod charmap;
mod escape;

use std::cell::RefCell;

use crate::objects::bytes::{PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::str::{PyStr, new_str};
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::{none, types};
use crate::values::gil::GilStatic;
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// Search functions, the lookup cache, and named error handlers (interpreter-wide).
struct Registry {
    search: Vec<Value>,
    cache: Vec<(String, Value)>,
    errors: Vec<(String, Value)>,
}
static REGISTRY: GilStatic<RefCell<Registry>> =
    GilStatic::new(RefCell::new(Registry { search: Vec::new(), cache: Vec::new(), errors: Vec::new() }));

pub fn register() {
    crate::vm::interp::register_native("_codecs", init_codecs);
}

fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{fname}() argument {what} must be str, not {}", type_name(v))))
}

/// CPython 3.9+'s normalisation: lower case, spaces and hyphens become underscores... as
/// `normalizestring` in codecs.c (only spaces become underscores; hyphens are kept for the
/// search functions, which normalise again).
fn normalize(name: &str) -> String {
    name.chars().map(|c| if c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect()
}

fn c_register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("register")?;
    if !crate::builtins::core::is_callable(vm, f) {
        return Err(type_error("argument must be callable"));
    }
    REGISTRY.borrow_mut().search.push(f.clone());
    Ok(none())
}

fn c_unregister(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("unregister")?;
    let mut r = REGISTRY.borrow_mut();
    r.search.retain(|s| !s.is(f));
    r.cache.clear();
    Ok(none())
}

/// `codecs.lookup(encoding)`: the CodecInfo the first search function answers with.
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult {
    let key = normalize(encoding);
    if let Some((_, v)) = REGISTRY.borrow().cache.iter().find(|(k, _)| *k == key) {
        return Ok(v.clone());
    }
    if REGISTRY.borrow().search.is_empty() {
        // CPython imports encodings at start-up; we do it when a codec is first needed.
        vm.import_module("encodings")?;
    }
    let search: Vec<Value> = REGISTRY.borrow().search.clone();
    for f in search {
        let r = vm.call_pos(&f, &[new_str(key.as_str())])?;
        if r.is_none() {
            continue;
        }
        if r.downcast::<PyTuple>().is_none_or(|t| t.0.len() != 4) {
            return Err(type_error("codec search functions must return 4-tuples"));
        }
        REGISTRY.borrow_mut().cache.push((key, r.clone()));
        return Ok(r);
    }
    Err(PyErr::new(&exc().lookup_error, format!("unknown encoding: {encoding}")))
}

fn c_lookup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("lookup")?;
    let e = str_arg(e, "lookup", "")?.to_owned();
    lookup(vm, &e)
}

fn c_forget(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("_forget_codec")?;
    let key = normalize(str_arg(e, "_forget_codec", "")?);
    REGISTRY.borrow_mut().cache.retain(|(k, _)| *k != key);
    Ok(none())
}

/// `_codecs.encode(obj, encoding='utf-8', errors='strict')` / `decode`: through the codec.
fn code_with(vm: &mut Vm, args: Args<'_>, fname: &str, index: usize) -> PyResult {
    let a = args.bind(fname, &["obj", "encoding", "errors"], 1)?;
    let obj = a[0].clone().unwrap_or_else(none);
    let enc = match &a[1] {
        Some(e) => str_arg(e, fname, "'encoding'")?.to_owned(),
        None => "utf-8".to_owned(),
    };
    let errors = a[2].clone().unwrap_or_else(|| new_str("strict"));
    let info = lookup(vm, &enc)?;
    let f = info.downcast::<PyTuple>().and_then(|t| t.0.get(index).cloned()).unwrap_or_else(none);
    let r = vm.call_pos(&f, &[obj, errors])?;
    match r.downcast::<PyTuple>() {
        Some(t) if t.0.len() == 2 => Ok(t.0[0].clone()),
        _ => Err(type_error(format!(
            "{}r must return a tuple (object, integer)",
            if index == 0 { "encode" } else { "decode" }
        ))),
    }
}

fn c_encode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    code_with(vm, args, "encode", 0)
}
fn c_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    code_with(vm, args, "decode", 1)
}

// ---- error handlers ------------------------------------------------------------------

const BUILTIN_HANDLERS: &[&str] =
    &["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"];

fn c_register_error(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name, f] = args.exact::<2>("register_error")?;
    let name = str_arg(name, "register_error", "1")?.to_owned();
    if !crate::builtins::core::is_callable(vm, f) {
        return Err(type_error("handler must be callable"));
    }
    let mut r = REGISTRY.borrow_mut();
    r.errors.retain(|(k, _)| *k != name);
    r.errors.push((name, f.clone()));
    Ok(none())
}

fn c_lookup_error(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>("lookup_error")?;
    let name = str_arg(name, "lookup_error", "")?;
    if let Some((_, f)) = REGISTRY.borrow().errors.iter().find(|(k, _)| k == name) {
        return Ok(f.clone());
    }
    Err(PyErr::new(&exc().lookup_error, format!("unknown error handler name '{name}'")))
}

/// (exception, start, end, object) of a UnicodeError passed to a handler.
fn unicode_error_parts(vm: &mut Vm, e: &Value) -> PyResult<(usize, usize, Value)> {
    let start = vm.getattr_str(e, "start")?.as_small().unwrap_or(0).max(0) as usize;
    let end = vm.getattr_str(e, "end")?.as_small().unwrap_or(0).max(0) as usize;
    let obj = vm.getattr_str(e, "object")?;
    Ok((start, end, obj))
}

fn is_instance(e: &Value, cls: &Value) -> bool {
    e.type_of().as_type().is_some_and(|t| t.mro.borrow().iter().any(|c| c.is(cls)))
}

fn handler_type_error(e: &Value) -> PyErr {
    type_error(format!("don't know how to handle {} in error callback", type_name(e)))
}

/// The chars of a str object `[start, end)`.
fn chars_of(obj: &Value, start: usize, end: usize) -> Vec<char> {
    obj.downcast::<PyStr>()
        .map(|s| s.as_str().chars().skip(start).take(end.saturating_sub(start)).collect())
        .unwrap_or_default()
}

fn h_strict(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("strict_errors")?;
    if is_instance(e, &types().base_exception) {
        return Err(PyErr(e.clone()));
    }
    Err(type_error("codec must pass exception instance"))
}

fn h_ignore(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("ignore_errors")?;
    if !is_instance(e, &exc().unicode_error) {
        return Err(handler_type_error(e));
    }
    let (_, end, _) = unicode_error_parts(vm, e)?;
    Ok(new_tuple(vec![new_str(""), new_int(end as i64)]))
}

fn h_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("replace_errors")?;
    let (start, end, _) = unicode_error_parts(vm, e)?;
    let n = end.saturating_sub(start);
    let s = if is_instance(e, &exc().unicode_encode_error) {
        "?".repeat(n)
    } else if is_instance(e, &exc().unicode_decode_error) {
        "\u{fffd}".to_owned()
    } else if is_instance(e, &exc().unicode_translate_error) {
        "\u{fffd}".repeat(n)
    } else {
        return Err(handler_type_error(e));
    };
    Ok(new_tuple(vec![new_str(s), new_int(end as i64)]))
}

fn escape_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn h_backslashreplace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("backslashreplace_errors")?;
    let (start, end, obj) = unicode_error_parts(vm, e)?;
    let s: String = if is_instance(e, &exc().unicode_decode_error) {
        let b = obj.downcast::<PyBytes>().map(|b| b.0.to_vec()).unwrap_or_default();
        b.get(start..end.min(b.len())).unwrap_or(&[]).iter().map(|x| format!("\\x{x:02x}")).collect()
    } else if is_instance(e, &exc().unicode_encode_error) || is_instance(e, &exc().unicode_translate_error) {
        chars_of(&obj, start, end).into_iter().map(escape_char).collect()
    } else {
        return Err(handler_type_error(e));
    };
    Ok(new_tuple(vec![new_str(s), new_int(end as i64)]))
}

fn h_xmlcharrefreplace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("xmlcharrefreplace_errors")?;
    if !is_instance(e, &exc().unicode_encode_error) {
        return Err(handler_type_error(e));
    }
    let (start, end, obj) = unicode_error_parts(vm, e)?;
    let s: String = chars_of(&obj, start, end).into_iter().map(|c| format!("&#{};", c as u32)).collect();
    Ok(new_tuple(vec![new_str(s), new_int(end as i64)]))
}

/// surrogateescape/surrogatepass need lone surrogates in str, which pylift's strs (UTF-8)
/// cannot hold: the handler re-raises, as CPython does for input it cannot handle.
fn h_reraise(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [e] = args.exact::<1>("surrogateescape")?;
    Err(PyErr(e.clone()))
}

// ---- the C codecs --------------------------------------------------------------------

fn errors_of(v: Option<&Value>) -> String {
    v.and_then(|v| v.as_str()).unwrap_or("strict").to_owned()
}

fn encode_with(args: Args<'_>, fname: &str, codec: &str) -> PyResult {
    let p = args.range(fname, 1, 3)?;
    let s = p[0]
        .as_str()
        .ok_or_else(|| type_error(format!("{fname}() argument 1 must be str, not {}", type_name(&p[0]))))?;
    let n = p[0].downcast::<PyStr>().map(|s| s.char_len()).unwrap_or(0);
    let b = crate::objects::bytes::encode(s, codec, &errors_of(p.get(1)))?;
    Ok(new_tuple(vec![new_bytes(b), new_int(n as i64)]))
}

fn decode_with(args: Args<'_>, fname: &str, codec: &str, incremental: bool) -> PyResult {
    let p = args.range(fname, 1, 3)?;
    let data = crate::objects::bytes::bytes_data(&p[0])
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(&p[0]))))?
        .to_vec();
    // `final` is an int flag (False included, which is not a small int here).
    let final_ = p.get(2).is_some_and(|v| crate::objects::int::int_val(v).is_none_or(|i| !i.is_zero()));
    let mut upto = data.len();
    // A stream decoder keeps an incomplete trailing sequence for the next call.
    if incremental && !final_ && codec == "utf-8" {
        if let Err(e) = std::str::from_utf8(&data) {
            if e.error_len().is_none() {
                upto = e.valid_up_to();
            }
        }
    }
    let s = crate::objects::bytes::decode(&data[..upto], codec, &errors_of(p.get(1)))?;
    Ok(new_tuple(vec![s, new_int(upto as i64)]))
}

macro_rules! codec_fns {
    ($($enc:ident, $dec:ident, $name:literal, $codec:literal, $incr:expr;)*) => {
        $(fn $enc(_vm: &mut Vm, args: Args<'_>) -> PyResult {
            encode_with(args, concat!($name, "_encode"), $codec)
        }
        fn $dec(_vm: &mut Vm, args: Args<'_>) -> PyResult {
            decode_with(args, concat!($name, "_decode"), $codec, $incr)
        })*
        const CODEC_FNS: &[(&str, crate::vm::NativeFn)] = &[
            $((concat!($name, "_encode"), $enc), (concat!($name, "_decode"), $dec),)*
        ];
    };
}

codec_fns! {
    utf_8_encode, utf_8_decode, "utf_8", "utf-8", true;
    ascii_encode, ascii_decode, "ascii", "ascii", false;
    latin_1_encode, latin_1_decode, "latin_1", "latin-1", false;
    utf_16_encode, utf_16_decode, "utf_16", "utf-16", false;
    utf_16_le_encode, utf_16_le_decode, "utf_16_le", "utf-16-le", false;
    utf_16_be_encode, utf_16_be_decode, "utf_16_be", "utf-16-be", false;
    utf_32_encode, utf_32_decode, "utf_32", "utf-32", false;
    utf_32_le_encode, utf_32_le_decode, "utf_32_le", "utf-32-le", false;
    utf_32_be_encode, utf_32_be_decode, "utf_32_be", "utf-32-be", false;
}

/// `import _codecs`.
pub fn init_codecs(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_codecs");
    let d = module_dict(&m);
    for (name, f) in [
        ("register", c_register as crate::vm::NativeFn),
        ("unregister", c_unregister),
        ("lookup", c_lookup),
        ("_forget_codec", c_forget),
        ("encode", c_encode),
        ("decode", c_decode),
        ("register_error", c_register_error),
        ("lookup_error", c_lookup_error),
        ("charmap_decode", charmap::charmap_decode),
        ("charmap_encode", charmap::charmap_encode),
        ("charmap_build", charmap::charmap_build),
        ("unicode_escape_decode", escape::unicode_escape_decode),
        ("unicode_escape_encode", escape::unicode_escape_encode),
        ("raw_unicode_escape_decode", escape::raw_unicode_escape_decode),
        ("raw_unicode_escape_encode", escape::raw_unicode_escape_encode),
    ] {
        add_function(&d, "_codecs", name, f);
    }
    for (name, f) in CODEC_FNS {
        add_function(&d, "_codecs", name, *f);
    }
    // The builtin handlers, registered once (a user's register_error may replace them).
    if REGISTRY.borrow().errors.is_empty() {
        let fns: [crate::vm::NativeFn; 7] =
            [h_strict, h_ignore, h_replace, h_backslashreplace, h_xmlcharrefreplace, h_reraise, h_reraise];
        let tmp = layout::alloc(&types().dict, PyDict::new());
        for (name, f) in BUILTIN_HANDLERS.iter().zip(fns) {
            add_function(&tmp, "_codecs", name, f);
            if let Some(h) = tmp.payload::<PyDict>().and_then(|t| t.get_str(name)) {
                REGISTRY.borrow_mut().errors.push(((*name).to_owned(), h));
            }
        }
    }
    Ok(m)
}
