//! The `io` and `os` modules (the parts scripts use): `io.StringIO`/`BytesIO`, `io.open`;
//! `os.getpid/remove/getcwd/listdir/...`, `os.environ` and `os.path`.

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, PyFile, memory_value, os_err};
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::TF_BASETYPE;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::{add_function, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str(name), v);
    }
}

fn memory_new(vm: &mut Vm, args: Args<'_>, binary: bool) -> PyResult {
    let Some(cls) = args.pos().first().cloned() else { return Err(type_error("__new__ needs a class")) };
    let init = match args.pos().get(1).or_else(|| args.kwarg(if binary { "initial_bytes" } else { "initial_value" })) {
        Some(v) if !v.is_none() => {
            if binary {
                match v.downcast::<crate::objects::bytes::PyBytes>() {
                    Some(b) => b.0.to_vec(),
                    None => {
                        return Err(type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            crate::vm::protocol::type_name(v)
                        )));
                    }
                }
            } else {
                match v.as_str() {
                    Some(s) => s.as_bytes().to_vec(),
                    None => {
                        return Err(type_error(format!(
                            "initial_value must be str or None, not {}",
                            crate::vm::protocol::type_name(v)
                        )));
                    }
                }
            }
        }
        _ => Vec::new(),
    };
    let _ = vm;
    let name = if binary { "<BytesIO>" } else { "<StringIO>" };
    Ok(layout::alloc(&cls, PyFile::new(FileBackend::Memory(init, 0), name, if binary { "rb+" } else { "r+" }, binary)))
}

fn stringio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    memory_new(vm, args, false)
}
fn bytesio_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    memory_new(vm, args, true)
}
fn noop_init(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(none())
}
fn getvalue(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = args.pos().first().and_then(|v| v.downcast::<PyFile>()).ok_or_else(|| type_error("expected StringIO"))?;
    if f.is_closed() {
        return Err(f.closed_error());
    }
    let data = memory_value(f).unwrap_or_default();
    Ok(if f.binary {
        layout::alloc(&types().bytes, crate::objects::bytes::PyBytes(data.into_boxed_slice()))
    } else {
        new_str(String::from_utf8_lossy(&data).into_owned())
    })
}

/// `import io`.
pub fn init_io(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("io");
    let d = module_dict(&m);
    for (name, binary) in [("StringIO", false), ("BytesIO", true)] {
        let cls = new_builtin_class(name, "_io", Kind::File, TF_BASETYPE);
        // The file methods live on the builtin file types; copy them over.
        let src = if binary { &types().buffered_reader } else { &types().text_io };
        if let (Some(s), Some(t)) = (src.as_type(), cls.as_type()) {
            for (k, v) in s.dict.items() {
                t.dict.set_str(k, v);
            }
            t.dict.set_str(new_str("__module__"), new_str("_io"));
        }
        add_staticmethod(&cls, "__new__", if binary { bytesio_new } else { stringio_new });
        add_method(&cls, "__init__", noop_init);
        add_method(&cls, "getvalue", getvalue);
        set(&d, name, cls);
    }
    set(&d, "TextIOWrapper", types().text_io.clone());
    set(&d, "BufferedReader", types().buffered_reader.clone());
    set(&d, "BufferedWriter", types().buffered_writer.clone());
    if let Some(open) = vm.builtins.payload::<PyDict>().and_then(|b| b.get_str("open")) {
        set(&d, "open", open);
    }
    Ok(m)
}

fn path_arg(args: &Args<'_>, i: usize, fname: &str) -> PyResult<String> {
    match args.pos().get(i) {
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(type_error(format!(
                "{fname}: path should be string, bytes or os.PathLike, not {}",
                crate::vm::protocol::type_name(v)
            ))),
        },
        None => Err(type_error(format!("{fname}() missing required argument 'path' (pos 1)"))),
    }
}

fn os_getpid(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_int(std::process::id() as i64))
}
fn os_remove(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "remove")?;
    std::fs::remove_file(&p).map_err(|e| os_err(&e, Some(&p)))?;
    Ok(none())
}
fn os_rmdir(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "rmdir")?;
    std::fs::remove_dir(&p).map_err(|e| os_err(&e, Some(&p)))?;
    Ok(none())
}
fn os_mkdir(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| os_err(&e, Some(&p)))?;
    Ok(none())
}
fn os_makedirs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "makedirs")?;
    let exist_ok = match args.kwarg("exist_ok").or_else(|| args.pos().get(2)) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if std::path::Path::new(&p).is_dir() && !exist_ok {
        let e = std::io::Error::from_raw_os_error(17);
        return Err(os_err(&e, Some(&p)));
    }
    std::fs::create_dir_all(&p).map_err(|e| os_err(&e, Some(&p)))?;
    Ok(none())
}
fn os_rename(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = path_arg(&args, 0, "rename")?;
    let b = path_arg(&args, 1, "rename")?;
    std::fs::rename(&a, &b).map_err(|e| os_err(&e, Some(&a)))?;
    Ok(none())
}
fn os_getcwd(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let d = std::env::current_dir().map_err(|e| os_err(&e, None))?;
    Ok(new_str(d.to_string_lossy().into_owned()))
}
fn os_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = if args.pos().is_empty() { ".".to_owned() } else { path_arg(&args, 0, "listdir")? };
    if crate::vm::startup::audit::active() {
        vm.audit("os.listdir", vec![new_str(p.as_str())])?;
    }
    let rd = std::fs::read_dir(&p).map_err(|e| os_err(&e, Some(&p)))?;
    let mut names: Vec<Value> = Vec::new();
    for e in rd.flatten() {
        names.push(new_str(e.file_name().to_string_lossy().into_owned()));
    }
    Ok(new_list(names))
}
/// `os.system(command)`: runs it with /bin/sh; the wait status (exit code << 8).
fn os_system(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("system", &["command"], 1)?;
    let cmd = a[0].clone().unwrap_or_else(none);
    let Some(c) = cmd.as_str().map(str::to_owned) else {
        return Err(type_error(format!(
            "system() argument 'command' must be str, not {}",
            crate::vm::protocol::type_name(&cmd)
        )));
    };
    vm.audit("os.system", vec![cmd.clone()])?;
    // Our buffered output first, so the child's output comes after it.
    crate::vm::startup::flush_std_streams(vm);
    let status = std::process::Command::new("/bin/sh").arg("-c").arg(&c).status().map_err(|e| os_err(&e, None))?;
    use std::os::unix::process::ExitStatusExt;
    Ok(new_int(status.into_raw() as i64))
}
fn os_getenv(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let k = path_arg(&args, 0, "getenv")?;
    match std::env::var(&k) {
        Ok(v) => Ok(new_str(v)),
        Err(_) => Ok(args.pos().get(1).cloned().unwrap_or_else(none)),
    }
}
fn os_cpu_count(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_int(std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(1)))
}

fn p_exists(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(args.pos().first().and_then(|v| v.as_str()).is_some_and(|p| std::path::Path::new(p).exists())))
}
fn p_isfile(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(args.pos().first().and_then(|v| v.as_str()).is_some_and(|p| std::path::Path::new(p).is_file())))
}
fn p_isdir(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(args.pos().first().and_then(|v| v.as_str()).is_some_and(|p| std::path::Path::new(p).is_dir())))
}
fn p_isabs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(path_arg(&args, 0, "isabs")?.starts_with('/')))
}
fn p_basename(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "basename")?;
    Ok(new_str(p.rsplit('/').next().unwrap_or("")))
}
fn p_dirname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "dirname")?;
    Ok(new_str(posix_split(&p).0))
}
/// posixpath.split: (head with trailing slashes stripped unless all slashes, tail).
fn posix_split(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head.to_owned() } else { trimmed.to_owned() };
    (head, tail.to_owned())
}
fn p_split(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "split")?;
    let (h, t) = posix_split(&p);
    Ok(new_tuple(vec![new_str(h), new_str(t)]))
}
fn p_splitext(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "splitext")?;
    let base_start = p.rfind('/').map_or(0, |i| i + 1);
    let base = &p[base_start..];
    let lead = base.len() - base.trim_start_matches('.').len();
    match base[lead..].rfind('.') {
        Some(i) => {
            let at = base_start + lead + i;
            Ok(new_tuple(vec![new_str(&p[..at]), new_str(&p[at..])]))
        }
        None => Ok(new_tuple(vec![new_str(p.as_str()), new_str("")])),
    }
}
fn p_join(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut out = path_arg(&args, 0, "join")?;
    for i in 1..args.pos().len() {
        let b = path_arg(&args, i, "join")?;
        if b.starts_with('/') {
            out = b;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&b);
        } else {
            out.push('/');
            out.push_str(&b);
        }
    }
    Ok(new_str(out))
}
/// posixpath.normpath.
fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let s = format!("{}{}", "/".repeat(initial), comps.join("/"));
    if s.is_empty() { ".".into() } else { s }
}
fn p_normpath(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(normpath(&path_arg(&args, 0, "normpath")?)))
}
fn p_abspath(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "abspath")?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
        format!("{cwd}/{p}")
    };
    Ok(new_str(normpath(&full)))
}
fn p_getsize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = path_arg(&args, 0, "getsize")?;
    let m = std::fs::metadata(&p).map_err(|e| os_err(&e, Some(&p)))?;
    Ok(new_int(m.len() as i64))
}

/// `import os` (and `os.path`).
pub fn init_os(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("os");
    let d = module_dict(&m);
    for (name, f) in [
        ("getpid", os_getpid as crate::vm::NativeFn),
        ("remove", os_remove),
        ("unlink", os_remove),
        ("rmdir", os_rmdir),
        ("mkdir", os_mkdir),
        ("makedirs", os_makedirs),
        ("rename", os_rename),
        ("replace", os_rename),
        ("getcwd", os_getcwd),
        ("listdir", os_listdir),
        ("getenv", os_getenv),
        ("cpu_count", os_cpu_count),
        ("system", os_system),
    ] {
        add_function(&d, "os", name, f);
    }
    set(&d, "sep", new_str("/"));
    set(&d, "altsep", none());
    set(&d, "extsep", new_str("."));
    set(&d, "pathsep", new_str(":"));
    set(&d, "linesep", new_str("\n"));
    set(&d, "curdir", new_str("."));
    set(&d, "pardir", new_str(".."));
    set(&d, "devnull", new_str("/dev/null"));
    set(&d, "name", new_str("posix"));
    let env = layout::alloc(&types().dict, PyDict::new());
    if let Some(ed) = env.payload::<PyDict>() {
        if !vm.config.ignore_environment || true {
            for (k, v) in std::env::vars() {
                ed.set_str(new_str(k), new_str(v));
            }
        }
    }
    set(&d, "environ", env);
    let path = new_module("posixpath");
    let pd = module_dict(&path);
    for (name, f) in [
        ("exists", p_exists as crate::vm::NativeFn),
        ("isfile", p_isfile),
        ("isdir", p_isdir),
        ("isabs", p_isabs),
        ("basename", p_basename),
        ("dirname", p_dirname),
        ("split", p_split),
        ("splitext", p_splitext),
        ("join", p_join),
        ("normpath", p_normpath),
        ("abspath", p_abspath),
        ("realpath", p_abspath),
        ("getsize", p_getsize),
    ] {
        add_function(&pd, "posixpath", name, f);
    }
    set(&pd, "sep", new_str("/"));
    set(&d, "path", path.clone());
    if let Some(mods) = vm.modules.payload::<PyDict>() {
        mods.set_str(new_str("os.path"), path.clone());
        mods.set_str(new_str("posixpath"), path);
    }
    Ok(m)
}
