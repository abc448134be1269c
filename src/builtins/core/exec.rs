//! `exec`, `eval`, `compile` and `__import__`: compiling source at run time and running
//! code objects in given namespaces.

use crate::compiler::{CompileError, Mode};
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, registry::exc};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, new_exception, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

pub fn init(d: &Value) {
    add_function(d, "builtins", "exec", builtin_exec);
    add_function(d, "builtins", "eval", builtin_eval);
    add_function(d, "builtins", "compile", builtin_compile);
    add_function(d, "builtins", "__import__", builtin_import);
}

/// The SyntaxError (or IndentationError/TabError) for a compile error.
pub fn compile_error_to_exc(e: &CompileError) -> PyErr {
    let x = exc();
    // Too deeply nested code is a RecursionError, with no source location.
    if e.kind == "RecursionError" {
        return PyErr(new_exception(&x.recursion_error, vec![new_str(e.msg.as_str())]));
    }
    let cls = match e.kind {
        "IndentationError" => &x.indentation_error,
        "TabError" => &x.tab_error,
        _ => &x.syntax_error,
    };
    let line = Value::small(e.line as i64);
    let info = vec![
        new_str(e.filename.as_str()),
        line.clone(),
        Value::small(e.col as i64),
        new_str(e.text.as_str()),
        line,
        Value::small(if e.end_col == 0 { e.col as i64 } else { e.end_col as i64 }),
    ];
    let exc_v = new_exception(cls, vec![new_str(e.msg.as_str()), new_tuple(info.clone())]);
    use crate::objects::exception::set_attr;
    set_attr(&exc_v, "msg", new_str(e.msg.as_str()));
    for (n, v) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().zip(info) {
        set_attr(&exc_v, n, v);
    }
    PyErr(exc_v)
}

/// Source text from a str/bytes argument.
fn source_text(v: &Value, fname: &str) -> PyResult<Option<String>> {
    if let Some(s) = v.as_str() {
        return Ok(Some(s.to_owned()));
    }
    if let Some(b) = v.downcast::<crate::objects::bytes::PyBytes>() {
        return match std::str::from_utf8(&b.0) {
            Ok(s) => Ok(Some(s.to_owned())),
            Err(_) => Err(value_error("source code string cannot contain invalid UTF-8")),
        };
    }
    if v.kind() == Kind::Code {
        return Ok(None);
    }
    Err(type_error(format!("{fname}() arg 1 must be a string, bytes or code object")))
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

fn compile_source(src: &str, filename: &str, mode: Mode) -> PyResult {
    if src.contains('\0') {
        return Err(crate::vm::errors::PyErr::new(&exc().syntax_error, "source code string cannot contain null bytes"));
    }
    crate::compiler::compile(src, filename, mode).map_err(|e| compile_error_to_exc(&e))
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
    let code = match source_text(&src, "exec")? {
        Some(s) => {
            audit_compile(vm, &s, "<string>")?;
            compile_source(&s, "<string>", Mode::Exec)?
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
    let code = match source_text(&src, "eval")? {
        // eval ignores leading spaces and tabs.
        Some(s) => {
            audit_compile(vm, &s, "<string>")?;
            compile_source(s.trim_start_matches([' ', '\t']), "<string>", Mode::Eval)?
        }
        None => src,
    };
    audit_exec(vm, &code)?;
    vm.run_code_in(&code, &globals, Some(locals))
}

fn builtin_compile(_vm: &mut Vm, args: Args<'_>) -> PyResult {
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
    if let Some(text) = source_text(&src, "compile")? {
        audit_compile(_vm, &text, &fname)?;
    }
    match source_text(&src, "compile")? {
        Some(s) => compile_source(&s, &fname, mode),
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
