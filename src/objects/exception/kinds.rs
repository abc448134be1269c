//! The builtin exception classes with their own attributes or `__str__`: StopIteration,
//! SystemExit, KeyError, OSError (and the errno → subclass mapping), ImportError,
//! NameError, AttributeError, SyntaxError and the Unicode errors.

use crate::objects::descr::add_getset;
use crate::objects::exception::{PyException, base_str_of, exc_args, get_attr, set_attr};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, registry::exc, types};
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// Getter/setter pairs over `PyException::attrs`, defaulting to None.
macro_rules! attr_getsets {
    ($($get:ident, $set:ident => $name:literal;)*) => {
        $(
            fn $get(_vm: &mut Vm, s: &Value) -> PyResult {
                Ok(get_attr(s, $name).unwrap_or_else(none))
            }
            fn $set(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
                set_attr(s, $name, v.unwrap_or_else(none));
                Ok(())
            }
        )*
    };
}

attr_getsets! {
    g_name, s_name => "name";
    g_path, s_path => "path";
    g_msg, s_msg => "msg";
    g_obj, s_obj => "obj";
    g_filename, s_filename => "filename";
    g_lineno, s_lineno => "lineno";
    g_offset, s_offset => "offset";
    g_text, s_text => "text";
    g_end_lineno, s_end_lineno => "end_lineno";
    g_end_offset, s_end_offset => "end_offset";
    g_print_fl, s_print_fl => "print_file_and_line";
    g_encoding, s_encoding => "encoding";
    g_object, s_object => "object";
    g_start, s_start => "start";
    g_end, s_end => "end";
    g_reason, s_reason => "reason";
}

/// OSError attributes: filled from `args` on first use when the exception was made
/// without running `OSError.__new__` (native code building it directly).
macro_rules! os_getsets {
    ($($get:ident, $set:ident => $name:literal;)*) => {
        $(
            fn $get(_vm: &mut Vm, s: &Value) -> PyResult {
                ensure_os_fields(s);
                Ok(get_attr(s, $name).unwrap_or_else(none))
            }
            fn $set(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
                ensure_os_fields(s);
                set_attr(s, $name, v.unwrap_or_else(none));
                Ok(())
            }
        )*
    };
}

os_getsets! {
    g_errno, s_errno => "errno";
    g_strerror, s_strerror => "strerror";
    g_os_filename, s_os_filename => "filename";
    g_filename2, s_filename2 => "filename2";
}

fn ensure_os_fields(s: &Value) {
    if get_attr(s, "errno").is_none() && get_attr(s, "strerror").is_none() {
        let a = exc_args(s);
        if (2..=5).contains(&a.len()) {
            oserror_fill(s, &a);
        }
    }
}

fn self_of<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| type_error("method needs self"))
}

fn set_args(s: &Value, items: Vec<Value>) {
    if let Some(e) = s.payload::<PyException>() {
        *e.args.borrow_mut() = new_tuple(items);
    }
}

// ---- StopIteration / SystemExit ----

fn stopiter_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_of(&args)?;
    let rest = args.pos()[1..].to_vec();
    set_attr(s, "value", rest.first().cloned().unwrap_or_else(none));
    set_args(s, rest);
    Ok(none())
}
fn g_value(_vm: &mut Vm, s: &Value) -> PyResult {
    if let Some(v) = get_attr(s, "value") {
        return Ok(v);
    }
    Ok(exc_args(s).first().cloned().unwrap_or_else(none))
}
fn s_value(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    set_attr(s, "value", v.unwrap_or_else(none));
    Ok(())
}

fn code_from_args(a: &[Value]) -> Value {
    match a.len() {
        0 => none(),
        1 => a[0].clone(),
        _ => new_tuple(a.to_vec()),
    }
}
fn sysexit_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_of(&args)?;
    let rest = args.pos()[1..].to_vec();
    set_attr(s, "code", code_from_args(&rest));
    set_args(s, rest);
    Ok(none())
}
fn g_code(_vm: &mut Vm, s: &Value) -> PyResult {
    if let Some(v) = get_attr(s, "code") {
        return Ok(v);
    }
    Ok(code_from_args(&exc_args(s)))
}
fn s_code(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    set_attr(s, "code", v.unwrap_or_else(none));
    Ok(())
}

// ---- KeyError ----

fn keyerror_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    let a = exc_args(s);
    if a.len() == 1 {
        return vm.repr(&a[0]);
    }
    base_str_of(vm, s)
}

// ---- OSError ----

/// The OSError subclass CPython picks for an errno.
fn errno_class(errno: i64) -> Option<&'static Value> {
    let e = exc();
    Some(match errno {
        1 | 13 => &e.permission_error,
        2 => &e.file_not_found_error,
        3 => &e.process_lookup_error,
        4 => &e.interrupted_error,
        10 => &e.child_process_error,
        11 | 114 | 115 => &e.blocking_io_error,
        17 => &e.file_exists_error,
        20 => &e.not_a_directory_error,
        21 => &e.is_a_directory_error,
        32 | 108 => &e.broken_pipe_error,
        103 => &e.connection_aborted_error,
        104 => &e.connection_reset_error,
        110 => &e.timeout_error,
        111 => &e.connection_refused_error,
        _ => return None,
    })
}

/// Fills errno/strerror/filename from constructor arguments (CPython's oserror_init).
fn oserror_fill(s: &Value, a: &[Value]) {
    if (2..=5).contains(&a.len()) {
        set_attr(s, "errno", a[0].clone());
        set_attr(s, "strerror", a[1].clone());
        if let Some(f) = a.get(2) {
            set_attr(s, "filename", f.clone());
            if let Some(f2) = a.get(4) {
                set_attr(s, "filename2", f2.clone());
            }
            // With a filename, args keeps only (errno, strerror).
            set_args(s, a[..2].to_vec());
            return;
        }
    }
    set_args(s, a.to_vec());
}

fn oserror_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(cls) = p.first() else { return Err(type_error("OSError.__new__(): not enough arguments")) };
    let mut cls = cls.clone();
    let a = &p[1..];
    if cls.is(&exc().os_error) && (2..=5).contains(&a.len()) {
        if let Some(n) = crate::objects::int::to_i64(&a[0]) {
            if let Some(c) = errno_class(n) {
                cls = c.clone();
            }
        }
    }
    if cls.as_type().is_none_or(|t| t.instance_kind != crate::values::Kind::Exception) {
        return Err(type_error(format!("OSError.__new__({}) is not safe", type_name(&cls))));
    }
    let e = layout::alloc(&cls, PyException::new(new_tuple(a.to_vec())));
    oserror_fill(&e, a);
    Ok(e)
}

fn oserror_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_of(&args)?;
    if args.has_kwargs() {
        return Err(type_error(format!("{}() takes no keyword arguments", type_name(s))));
    }
    Ok(none())
}

fn oserror_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    ensure_os_fields(s);
    let errno = get_attr(s, "errno").filter(|v| !v.is_none());
    let strerror = get_attr(s, "strerror").filter(|v| !v.is_none());
    let filename = get_attr(s, "filename").filter(|v| !v.is_none());
    let filename2 = get_attr(s, "filename2").filter(|v| !v.is_none());
    if let Some(f) = filename {
        let e = errno.map(|v| vm.str_string(&v)).transpose()?.unwrap_or_else(|| "None".into());
        let m = strerror.map(|v| vm.str_string(&v)).transpose()?.unwrap_or_else(|| "None".into());
        let fr = vm.repr_string(&f)?;
        if let Some(f2) = filename2 {
            let f2r = vm.repr_string(&f2)?;
            return Ok(new_str(format!("[Errno {e}] {m}: {fr} -> {f2r}")));
        }
        return Ok(new_str(format!("[Errno {e}] {m}: {fr}")));
    }
    if let (Some(e), Some(m)) = (errno, strerror) {
        let e = vm.str_string(&e)?;
        let m = vm.str_string(&m)?;
        return Ok(new_str(format!("[Errno {e}] {m}")));
    }
    base_str_of(vm, s)
}

/// An OSError (or the errno's subclass) as the I/O layer raises it.
pub fn new_os_error(errno: i64, strerror: &str, filename: Option<Value>) -> PyErr {
    let cls = errno_class(errno).unwrap_or(&exc().os_error);
    let mut a = vec![Value::small(errno), new_str(strerror)];
    a.extend(filename);
    let e = layout::alloc(cls, PyException::new(new_tuple(a.clone())));
    oserror_fill(&e, &a);
    PyErr(e)
}

// ---- ImportError / NameError / AttributeError ----

fn kw_init(args: &Args<'_>, allowed: &[&'static str], cls_name: &str) -> PyResult<()> {
    let s = self_of(args)?;
    for (k, _) in args.kwargs() {
        if !allowed.contains(&k) {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for {cls_name}()")));
        }
    }
    for name in allowed {
        let v = args.kwarg(name).cloned().unwrap_or_else(none);
        set_attr(s, name, v);
    }
    set_args(s, args.pos()[1..].to_vec());
    Ok(())
}

fn importerror_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    kw_init(&args, &["name", "path"], "ImportError")?;
    let s = self_of(&args)?;
    let p = &args.pos()[1..];
    set_attr(s, "msg", if p.len() == 1 { p[0].clone() } else { none() });
    Ok(none())
}
fn importerror_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    match get_attr(s, "msg") {
        Some(m) if !m.is_none() => vm.str(&m),
        _ => base_str_of(vm, s),
    }
}
fn nameerror_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    kw_init(&args, &["name"], "NameError")?;
    Ok(none())
}
fn attributeerror_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    kw_init(&args, &["name", "obj"], "AttributeError")?;
    Ok(none())
}

// ---- SyntaxError ----

fn syntaxerror_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_of(&args)?;
    if args.has_kwargs() {
        return Err(type_error(format!("{}() takes no keyword arguments", type_name(s))));
    }
    let p = args.pos()[1..].to_vec();
    set_args(s, p.clone());
    if let Some(m) = p.first() {
        set_attr(s, "msg", m.clone());
    }
    if p.len() == 2 {
        let info = vm.to_vec(&p[1])?;
        if !(4..=6).contains(&info.len()) {
            return Err(crate::vm::errors::index_error("tuple index out of range"));
        }
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (n, v) in names.iter().zip(info) {
            set_attr(s, n, v);
        }
    }
    Ok(none())
}
fn syntaxerror_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    let msg = get_attr(s, "msg").unwrap_or_else(none);
    let m = vm.str_string(&msg)?;
    let filename = get_attr(s, "filename").and_then(|f| f.as_str().map(str::to_owned));
    let lineno = get_attr(s, "lineno").and_then(|l| crate::objects::int::to_i64(&l));
    let base = filename.map(|f| f.rsplit('/').next().unwrap_or("").to_owned());
    Ok(new_str(match (base, lineno) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        (None, None) => m,
    }))
}

// ---- Unicode errors ----

fn unicode_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_of(&args)?;
    let p = args.pos()[1..].to_vec();
    let translate = s
        .type_of()
        .as_type()
        .is_some_and(|_| crate::vm::protocol::is_subtype(s.type_of(), &exc().unicode_translate_error));
    let want = if translate { 4 } else { 5 };
    if p.len() != want {
        return Err(type_error(format!("function takes exactly {want} arguments ({} given)", p.len())));
    }
    set_args(s, p.clone());
    let names: &[&'static str] = if translate {
        &["object", "start", "end", "reason"]
    } else {
        &["encoding", "object", "start", "end", "reason"]
    };
    for (n, v) in names.iter().zip(p) {
        set_attr(s, n, v);
    }
    Ok(none())
}
fn unicode_str(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    let (Some(enc), Some(obj), Some(start), Some(end), Some(reason)) = (
        get_attr(s, "encoding"),
        get_attr(s, "object"),
        get_attr(s, "start").and_then(|v| crate::objects::int::to_i64(&v)),
        get_attr(s, "end").and_then(|v| crate::objects::int::to_i64(&v)),
        get_attr(s, "reason"),
    ) else {
        return base_str_of(vm, s);
    };
    let enc = vm.str_string(&enc)?;
    let reason = vm.str_string(&reason)?;
    let decode = s.type_of().is(&exc().unicode_decode_error);
    if decode {
        let byte = obj
            .downcast::<crate::objects::bytes::PyBytes>()
            .and_then(|b| usize::try_from(start).ok().and_then(|i| bytes_at(b, i)));
        if end == start + 1 {
            if let Some(b) = byte {
                return Ok(new_str(format!("'{enc}' codec can't decode byte {b:#04x} in position {start}: {reason}")));
            }
        }
        return Ok(new_str(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)));
    }
    let ch = obj.as_str().and_then(|t| usize::try_from(start).ok().and_then(|i| t.chars().nth(i)));
    if end == start + 1 {
        if let Some(c) = ch {
            let c = c as u32;
            let esc = if c < 0x100 {
                format!("\\x{c:02x}")
            } else if c < 0x10000 {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            let verb = if s.type_of().is(&exc().unicode_translate_error) { "translate" } else { "encode" };
            if verb == "translate" {
                return Ok(new_str(format!("can't translate character '{esc}' in position {start}: {reason}")));
            }
            return Ok(new_str(format!("'{enc}' codec can't encode character '{esc}' in position {start}: {reason}")));
        }
    }
    Ok(new_str(format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1)))
}

fn bytes_at(b: &crate::objects::bytes::PyBytes, i: usize) -> Option<u8> {
    b.0.get(i).copied()
}

pub fn init() {
    let e = exc();
    add_method(&e.stop_iteration, "__init__", stopiter_init);
    add_getset(&e.stop_iteration, "value", g_value, Some(s_value));
    add_method(&e.system_exit, "__init__", sysexit_init);
    add_getset(&e.system_exit, "code", g_code, Some(s_code));
    add_method(&e.key_error, "__str__", keyerror_str);

    let os = &e.os_error;
    add_staticmethod(os, "__new__", oserror_new);
    add_method(os, "__init__", oserror_init);
    add_method(os, "__str__", oserror_str);
    add_getset(os, "errno", g_errno, Some(s_errno));
    add_getset(os, "strerror", g_strerror, Some(s_strerror));
    add_getset(os, "filename", g_os_filename, Some(s_os_filename));
    add_getset(os, "filename2", g_filename2, Some(s_filename2));

    let ie = &e.import_error;
    add_method(ie, "__init__", importerror_init);
    add_method(ie, "__str__", importerror_str);
    add_getset(ie, "name", g_name, Some(s_name));
    add_getset(ie, "path", g_path, Some(s_path));
    add_getset(ie, "msg", g_msg, Some(s_msg));
    add_method(&e.name_error, "__init__", nameerror_init);
    add_getset(&e.name_error, "name", g_name, Some(s_name));
    add_method(&e.attribute_error, "__init__", attributeerror_init);
    add_getset(&e.attribute_error, "name", g_name, Some(s_name));
    add_getset(&e.attribute_error, "obj", g_obj, Some(s_obj));

    let se = &e.syntax_error;
    add_method(se, "__init__", syntaxerror_init);
    add_method(se, "__str__", syntaxerror_str);
    add_getset(se, "msg", g_msg, Some(s_msg));
    add_getset(se, "filename", g_filename, Some(s_filename));
    add_getset(se, "lineno", g_lineno, Some(s_lineno));
    add_getset(se, "offset", g_offset, Some(s_offset));
    add_getset(se, "text", g_text, Some(s_text));
    add_getset(se, "end_lineno", g_end_lineno, Some(s_end_lineno));
    add_getset(se, "end_offset", g_end_offset, Some(s_end_offset));
    add_getset(se, "print_file_and_line", g_print_fl, Some(s_print_fl));

    for u in [&e.unicode_decode_error, &e.unicode_encode_error, &e.unicode_translate_error] {
        add_method(u, "__init__", unicode_init);
        add_method(u, "__str__", unicode_str);
        add_getset(u, "encoding", g_encoding, Some(s_encoding));
        add_getset(u, "object", g_object, Some(s_object));
        add_getset(u, "start", g_start, Some(s_start));
        add_getset(u, "end", g_end, Some(s_end));
        add_getset(u, "reason", g_reason, Some(s_reason));
    }
    let _ = types();
}
