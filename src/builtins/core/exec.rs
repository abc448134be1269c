//! `exec`, `eval`, `compile` and `__import__`: compiling source at run time and running
//! code objects in given namespaces.

use crate::compiler::source::{CodecError, Origin};
use crate::compiler::{CompileError, Mode};
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::{none, registry::exc};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

pub fn init(d: &Value) {
    add_function(d, "builtins", "exec", builtin_exec);
    add_function(d, "builtins", "eval", builtin_eval);
    add_function(d, "builtins", "compile", builtin_compile);
    add_function(d, "builtins", "__import__", builtin_import);
}

/// Source text from a str/bytes argument (bytes decoded as CPython's string tokenizer
/// does: BOM, coding declaration, UTF-8).
fn source_text(vm: &mut Vm, v: &Value, fname: &str, filename: &str) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_owned()));
    }
    if let Some(b) = v.downcast::<crate::objects::bytes::PyBytes>() {
        let bytes = b.0.clone();
        return decode_source(vm, &bytes, filename, Origin::Bytes)
            .map(Some)
            .map_err(|e| crate::vm::traceback::compile_error_exc(&e));
    }
    if v.kind() == Kind::Code {
        return Ok(None);
    }
    Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object")))
}

/// Source bytes → text (`compiler::source::decode`), decoding a declared codec with the
/// builtin conversions or, for the others (cp1252, ...), the `codecs` module.
pub fn decode_source(vm: &mut Vm, bytes: &[u8], filename: &str, origin: Origin) -> Result<String, CompileError> {
    let mut codec = |name: &str, body: &[u8]| -> Result<String, CodecError> {
        let result = match crate::objects::bytes::decode(body, name, "strict") {
            Err(e) if e.matches(&exc().lookup_error) => python_decode(vm, name, body),
            r => r,
        };
        match result {
            Ok(v) => Ok(v.as_str().unwrap_or_default().to_owned()),
            Err(e) if e.matches(&exc().lookup_error) => Err(CodecError::Unknown),
            Err(e) => Err(CodecError::Failed(vm.str_string(&e.0).unwrap_or_default())),
        }
    };
    crate::compiler::source::decode(bytes, filename, origin, &mut codec)
}

/// `codecs.decode(body, name)`, for codecs written in Python; a non-text codec is unknown
/// here, as the tokenizer's lookup says.
fn python_decode(vm: &mut Vm, name: &str, body: &[u8]) -> PyResult {
    let codecs = vm.import_module("codecs")?;
    let decoded =
        vm.call_method(&codecs, "decode", &[crate::objects::bytes::new_bytes(body.to_vec()), new_str(name)])?;
    if decoded.as_str().is_none() {
        return Err(PyErr::new(&exc().lookup_error, format!("unknown encoding: {name}")));
    }
    Ok(decoded)
}

/// The `compile` audit event (source as bytes, filename), as CPython raises it.
fn audit_compile(vm: &mut Vm, src: &str, filename: &str) -> PyResult<()> {
    if crate::vm::startup::audit::active() {
        let b = crate::objects::bytes::new_bytes(src.as_bytes().to_vec());
        vm.audit("compile", vec![b, new_str(filename)])?;
    }
    Ok(())
}

/// The `exec` audit event (the code object), raised by exec, eval and module execution.
pub fn audit_exec(vm: &mut Vm, code: &Value) -> PyResult<()> {
    if crate::vm::startup::audit::active() {
        vm.audit("exec", vec![code.clone()])?;
    }
    Ok(())
}

fn compile_source(src: &str, filename: &str, mode: Mode, optimize: u8) -> PyResult {
    crate::compiler::compile_opt(src, filename, mode, optimize).map_err(|e| crate::vm::traceback::compile_error_exc(&e))
}

/// Resolves exec/eval's globals and locals arguments.
fn namespaces(vm: &mut Vm, fname: &str, g: Option<&Value>, l: Option<&Value>) -> PyResult<(Value, Value)> {
    let g = g.filter(|v| !v.is_none());
    let l = l.filter(|v| !v.is_none());
    let (globals, locals) = match (g, l) {
        (None, l) => {
            let gl = super::current_globals(vm).ok_or_else(|| type_error(format!("{fname}() needs a frame")))?;
            let lo = match l {
                Some(l) => l.clone(),
                None => super::current_locals(vm)?,
            };
            (gl, lo)
        }
        (Some(g), l) => (g.clone(), l.cloned().unwrap_or_else(|| g.clone())),
    };
    let Some(gd) = globals.payload::<PyDict>() else {
        return Err(type_error(if fname == "exec" {
            format!("exec() globals must be a dict, not {}", type_name(&globals))
        } else {
            "globals must be a dict".to_owned()
        }));
    };
    if locals.downcast::<PyDict>().is_none() && vm.lookup_special(&locals, "__getitem__").is_none() {
        return Err(type_error(if fname == "exec" {
            format!("locals must be a mapping or None, not {}", type_name(&locals))
        } else {
            "locals must be a mapping".to_owned()
        }));
    }
    if gd.get_str("__builtins__").is_none() {
        gd.set_str(new_str("__builtins__"), vm.builtins_module.clone());
    }
    Ok((globals, locals))
}

fn builtin_exec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("exec", &["source", "globals", "locals", "closure"], 1)?;
    let src = a[0].clone().unwrap_or_else(none);
    let (globals, locals) = namespaces(vm, "exec", a[1].as_ref(), a[2].as_ref())?;
    let code = match source_text(vm, &src, "exec", "<string>")? {
        Some(s) => {
            audit_compile(vm, &s, "<string>")?;
            compile_source(&s, "<string>", Mode::Exec, crate::compiler::optimize())?
        }
        None => src,
    };
    audit_exec(vm, &code)?;
    vm.run_code_in(&code, &globals, Some(locals))?;
    Ok(none())
}

fn builtin_eval(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("eval", &["source", "globals", "locals"], 1)?;
    let src = a[0].clone().unwrap_or_else(none);
    let (globals, locals) = namespaces(vm, "eval", a[1].as_ref(), a[2].as_ref())?;
    let code = match source_text(vm, &src, "eval", "<string>")? {
        // eval ignores leading spaces and tabs.
        Some(s) => {
            audit_compile(vm, &s, "<string>")?;
            compile_source(s.trim_start_matches([' ', '\t']), "<string>", Mode::Eval, crate::compiler::optimize())?
        }
        None => src,
    };
    audit_exec(vm, &code)?;
    vm.run_code_in(&code, &globals, Some(locals))
}

fn builtin_compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind(
        "compile",
        &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3,
    )?;
    let src = a[0].clone().unwrap_or_else(none);
    let filename = a[1].clone().unwrap_or_else(none);
    let Some(fname) = filename.as_str().map(str::to_owned) else {
        return Err(type_error(format!("compile() argument 'filename' must be str, not {}", type_name(&filename))));
    };
    let mode_v = a[2].clone().unwrap_or_else(none);
    let mode = match mode_v.as_str() {
        Some("exec") => Mode::Exec,
        Some("eval") => Mode::Eval,
        Some("single") => Mode::Single,
        _ => return Err(value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    // -1: the interpreter's level; 0-2 as -O.
    let optimize = match a[5].as_ref().map(|v| crate::objects::int::to_i64(v)) {
        None => crate::compiler::optimize(),
        Some(Some(-1)) => crate::compiler::optimize(),
        Some(Some(n @ 0..=2)) => n as u8,
        Some(_) => return Err(value_error("compile(): invalid optimize value")),
    };
    match source_text(vm, &src, "compile", &fname)? {
        Some(s) => {
            audit_compile(vm, &s, &fname)?;
            compile_source(&s, &fname, mode, optimize)
        }
        None => Ok(src),
    }
}

fn builtin_import(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("__import__", &["name", "globals", "locals", "fromlist", "level"], 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    if name.as_str().is_none() {
        return Err(type_error("module name must be a string"));
    }
    let fromlist = a[3].clone().unwrap_or_else(none);
    let level = a[4].clone().unwrap_or_else(|| Value::small(0));
    if crate::objects::int::to_i64(&level).is_some_and(|l| l < 0) {
        return Err(value_error("level must be >= 0"));
    }
    let globals = a[1].clone().filter(|g| !g.is_none());
    let globals = match globals {
        Some(g) => g,
        // Without globals a relative import has no package.
        None => crate::values::layout::alloc(&crate::objects::types().dict, crate::objects::dict::PyDict::new()),
    };
    vm.import_module_level(&name, &globals, &fromlist, &level)
}
