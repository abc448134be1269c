//! The `_imp` module: the native helpers behind importlib (which native modules exist,
//! the frozen library table, directory probes for FileFinder, running a spec's loader,
//! where bytecode is cached).

use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

fn str_arg<'a>(args: &'a Args<'_>, i: usize, fname: &str) -> PyResult<&'a str> {
    match args.pos().get(i) {
        Some(v) => v.as_str().ok_or_else(|| {
            type_error(format!("{fname}() argument {} must be str, not {}", i + 1, crate::vm::protocol::type_name(v)))
        }),
        None => Err(type_error(format!("{fname}() missing required argument {}", i + 1))),
    }
}

/// Whether `name` is a native module (`sys`, `builtins`, `_imp` and `NATIVE_MODULES`).
pub fn is_builtin_name(name: &str) -> bool {
    matches!(name, "sys" | "builtins" | "_imp") || crate::vm::interp::native_init(name).is_some()
}

fn imp_is_builtin(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = str_arg(&args, 0, "is_builtin")?;
    Ok(Value::small(if is_builtin_name(name) { 1 } else { 0 }))
}

fn imp_create_builtin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [spec] = args.exact::<1>("create_builtin")?;
    let name = vm.getattr(spec, &new_str("name"))?;
    let Some(name) = name.as_str().map(str::to_owned) else {
        return Err(type_error("spec.name must be a string"));
    };
    // Modules created at start-up are returned as they are.
    match name.as_str() {
        "sys" => return Ok(vm.sys.clone()),
        "builtins" => return Ok(vm.builtins_module.clone()),
        _ => {}
    }
    if let Some(m) = vm.modules.payload::<PyDict>().and_then(|d| d.get_str(&name)) {
        if name == "_imp" {
            return Ok(m);
        }
    }
    match crate::vm::interp::native_init(&name) {
        Some(init) => init(vm),
        None => Ok(none()),
    }
}

fn imp_find_frozen(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = str_arg(&args, 0, "find_frozen")?;
    if !crate::vm::startup::paths::use_frozen() {
        return Ok(none());
    }
    Ok(match crate::vm::startup::paths::frozen(name) {
        Some((is_pkg, rel, _)) => new_tuple(vec![py_bool(is_pkg), new_str(rel)]),
        None => none(),
    })
}

fn imp_is_frozen(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = str_arg(&args, 0, "is_frozen")?;
    Ok(py_bool(crate::vm::startup::paths::use_frozen() && crate::vm::startup::paths::frozen(name).is_some()))
}

fn imp_get_frozen_object(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let name = str_arg(&args, 0, "get_frozen_object")?.to_owned();
    crate::vm::interp::frozen_code(vm, &name)
}

/// Where the bytecode of source file `path` is cached (CPython's `cache_from_source`):
/// `dir/__pycache__/stem.<cache_tag>[.opt-N].pyc`, or under `sys.pycache_prefix` when set
/// (the source's absolute directory re-rooted there). `optimization`: `None` for the
/// running `-O` level, else the tag's text (`""`: none).
pub fn cache_from_source(vm: &Vm, path: &str, optimization: Option<&str>) -> String {
    let (head, tail) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let (base, sep, rest) = match tail.rfind('.') {
        Some(i) => (&tail[..i], ".", &tail[i + 1..]),
        None => ("", "", tail),
    };
    let tag = crate::vm::startup::sys::CACHE_TAG;
    let mut filename = format!("{}{sep}{tag}", if base.is_empty() { rest } else { base });
    let level = crate::compiler::optimize();
    let opt = match optimization {
        Some(o) => o.to_owned(),
        None if level == 0 => String::new(),
        None => level.to_string(),
    };
    if !opt.is_empty() {
        filename.push_str(".opt-");
        filename.push_str(&opt);
    }
    filename.push_str(".pyc");
    let prefix = module_dict(&vm.sys)
        .payload::<crate::objects::dict::PyDict>()
        .and_then(|d| d.get_str("pycache_prefix"))
        .and_then(|p| p.as_str().map(str::to_owned));
    match prefix {
        Some(prefix) => {
            let head = if head.starts_with('/') {
                head.to_owned()
            } else {
                let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
                path_join(&[&cwd, head])
            };
            path_join(&[&prefix, head.trim_start_matches('/'), &filename])
        }
        None => path_join(&[head, "__pycache__", &filename]),
    }
}

/// importlib's POSIX `_path_join`: the non-empty parts, trailing slashes stripped, joined
/// by `/`.
fn path_join(parts: &[&str]) -> String {
    parts.iter().filter(|p| !p.is_empty()).map(|p| p.trim_end_matches('/')).collect::<Vec<_>>().join("/")
}

/// `_imp.cache_from_source(path, optimization=None)`; importlib's `cache_from_source`
/// checks its arguments and calls this.
fn imp_cache_from_source(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = str_arg(&args, 0, "cache_from_source")?;
    let opt = match args.pos().get(1) {
        Some(v) if !v.is_none() => Some(vm.str_string(v)?),
        _ => None,
    };
    Ok(new_str(cache_from_source(vm, p, opt.as_deref())))
}

fn imp_path_join(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut out = String::new();
    for (i, _) in args.pos().iter().enumerate() {
        let p = str_arg(&args, i, "path_join")?;
        if p.starts_with('/') || out.is_empty() {
            out = p.to_owned();
        } else {
            if !out.ends_with('/') {
                out.push('/');
            }
            out.push_str(p);
        }
    }
    Ok(new_str(out))
}

fn imp_getcwd(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    match std::env::current_dir() {
        Ok(p) => Ok(new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(crate::vm::errors::PyErr::new(
            &crate::objects::registry::exc().file_not_found_error,
            format!("[Errno {}] {}", e.raw_os_error().unwrap_or(2), crate::objects::file::strerror(&e)),
        )),
    }
}

fn imp_isdir(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = str_arg(&args, 0, "isdir")?;
    let p = if p.is_empty() { "." } else { p };
    Ok(py_bool(std::path::Path::new(p).is_dir()))
}

fn imp_path_mtime(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = str_arg(&args, 0, "path_mtime")?;
    let t = std::fs::metadata(p)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(crate::objects::float::new_float(t))
}

fn imp_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p] = args.exact::<1>("fspath")?;
    if p.as_str().is_some() {
        return Ok(p.clone());
    }
    if let Some(f) = vm.lookup_special(p, "__fspath__") {
        return vm.call(&f, Args::positional_only(std::slice::from_ref(p)));
    }
    Err(type_error(format!("expected str, bytes or os.PathLike object, not {}", crate::vm::protocol::type_name(p))))
}

/// FileFinder's probe: `('package', .../leaf/__init__.py)`, `('module', .../leaf.py)`,
/// `('namespace', .../leaf)` or None, in CPython's order (a package wins over a module; a
/// bare directory is only a namespace portion).
fn imp_find_in_dir(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let dir = str_arg(&args, 0, "find_in_dir")?;
    let leaf = str_arg(&args, 1, "find_in_dir")?;
    let base = std::path::Path::new(if dir.is_empty() { "." } else { dir });
    let s = |p: std::path::PathBuf| new_str(p.to_string_lossy().into_owned());
    let pkg = base.join(leaf);
    if pkg.is_dir() {
        let init = pkg.join("__init__.py");
        if init.is_file() {
            return Ok(new_tuple(vec![new_str("package"), s(init)]));
        }
    }
    let file = base.join(format!("{leaf}.py"));
    if file.is_file() {
        return Ok(new_tuple(vec![new_str("module"), s(file)]));
    }
    if pkg.is_dir() {
        return Ok(new_tuple(vec![new_str("namespace"), s(pkg)]));
    }
    Ok(none())
}

fn imp_load_spec(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [spec] = args.exact::<1>("load_spec")?;
    vm.load_spec(spec)
}

/// `SourceFileLoader.get_code`: the code of a source file, through the bytecode cache.
fn imp_source_file_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let path = str_arg(&args, 0, "source_file_code")?.to_owned();
    vm.source_file_code(&path)
}

/// `_imp.source_hash(source)` (CPython's also takes a key): the 8 bytes hash-based
/// `.pyc` files record (`pyc::source_hash`).
fn imp_source_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let src = args
        .pos()
        .last()
        .and_then(crate::objects::bytes::bytes_data)
        .ok_or_else(|| type_error("source_hash() argument must be a bytes-like object"))?;
    let h = crate::bytecode::pyc::source_hash(&src).to_le_bytes().to_vec();
    Ok(crate::objects::bytes::new_bytes(h))
}

fn imp_extension_suffixes(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(crate::objects::list::new_list(vec![]))
}

/// Builds the `_imp` module.
pub fn init_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_imp");
    let d = module_dict(&m);
    for (name, f) in [
        ("is_builtin", imp_is_builtin as crate::vm::NativeFn),
        ("create_builtin", imp_create_builtin),
        ("find_frozen", imp_find_frozen),
        ("is_frozen", imp_is_frozen),
        ("get_frozen_object", imp_get_frozen_object),
        ("cache_from_source", imp_cache_from_source),
        ("path_join", imp_path_join),
        ("getcwd", imp_getcwd),
        ("isdir", imp_isdir),
        ("path_mtime", imp_path_mtime),
        ("fspath", imp_fspath),
        ("find_in_dir", imp_find_in_dir),
        ("load_spec", imp_load_spec),
        ("extension_suffixes", imp_extension_suffixes),
        ("source_file_code", imp_source_file_code),
        ("source_hash", imp_source_hash),
    ] {
        add_function(&d, "_imp", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        let magic = crate::bytecode::pyc::magic().to_vec();
        dd.set_str(new_str("pyc_magic"), crate::objects::bytes::new_bytes(magic));
    }
    Ok(m)
}
