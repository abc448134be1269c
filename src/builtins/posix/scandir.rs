//! `posix.scandir` and `DirEntry`: the directory is read when `scandir` is called (one
//! `read_dir` pass, its `d_type`s kept so `is_dir`/`is_file`/`is_symlink` need no stat
//! call, as CPython's), and the iterator hands the entries out; `stat()` results are
//! cached per entry as CPython caches them.

use std::cell::RefCell;
use std::os::unix::ffi::OsStrExt;

use super::{PathArg, PathOrFd, errno_err, io_err, opt_path, stat};
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool, types};
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::values::layout;
use crate::vm::errors::type_error;
use crate::vm::protocol::{instance_dict, instance_dict_create};
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

static DIR_ENTRY: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));
static SCANDIR_ITER: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));

/// What `d_type` said about an entry (0 = unknown: ask stat).
const T_UNKNOWN: i64 = 0;
const T_DIR: i64 = 1;
const T_FILE: i64 = 2;
const T_LINK: i64 = 3;
const T_OTHER: i64 = 4;

fn new_class(vm: &mut Vm, name: &str, methods: &[(&'static str, crate::vm::NativeFn)]) -> PyResult {
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__module__"), new_str("posix"));
    }
    let bases = new_tuple(vec![types().object.clone()]);
    let cls = vm.call_pos(&types().type_.clone(), &[new_str(name), bases, d])?;
    for (n, f) in methods {
        add_method(&cls, n, *f);
    }
    if let Some(t) = cls.as_type() {
        t.modified();
    }
    Ok(cls)
}

pub(super) fn dir_entry_type(vm: &mut Vm) -> PyResult {
    if let Some(t) = DIR_ENTRY.borrow().clone() {
        return Ok(t);
    }
    let cls = new_class(
        vm,
        "DirEntry",
        &[
            ("is_dir", entry_is_dir),
            ("is_file", entry_is_file),
            ("is_symlink", entry_is_symlink),
            ("stat", entry_stat),
            ("inode", entry_inode),
            ("__fspath__", entry_fspath),
            ("__repr__", entry_repr),
        ],
    )?;
    *DIR_ENTRY.borrow_mut() = Some(cls.clone());
    Ok(cls)
}

fn scandir_iter_type(vm: &mut Vm) -> PyResult {
    if let Some(t) = SCANDIR_ITER.borrow().clone() {
        return Ok(t);
    }
    let cls = new_class(
        vm,
        "ScandirIterator",
        &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("__enter__", iter_self),
            ("__exit__", iter_exit),
            ("close", iter_close),
        ],
    )?;
    *SCANDIR_ITER.borrow_mut() = Some(cls.clone());
    Ok(cls)
}

fn attr(obj: &Value, name: &str) -> Option<Value> {
    instance_dict(obj).and_then(|d| d.payload::<PyDict>().and_then(|dd| dd.get_str(name)))
}

fn set_attrs(obj: &Value, items: Vec<(&str, Value)>) {
    if let Some(d) = instance_dict_create(obj) {
        if let Some(dd) = d.payload::<PyDict>() {
            for (k, v) in items {
                dd.set_str(new_str(k), v);
            }
        }
    }
}

/// `scandir(path='.')`.
pub(super) fn os_scandir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("scandir", &["path"], 0)?;
    let p = opt_path(vm, a[0].as_ref(), "scandir")?;
    if crate::vm::startup::audit::active() {
        vm.audit("os.scandir", vec![p.obj.clone()])?;
    }
    let dir = std::path::Path::new(std::ffi::OsStr::from_bytes(&p.bytes));
    let rd = std::fs::read_dir(dir).map_err(|e| io_err(vm, &e, Some(&p.obj)))?;
    let cls = dir_entry_type(vm)?;
    let mut entries = Vec::new();
    for e in rd {
        let e = e.map_err(|e| io_err(vm, &e, Some(&p.obj)))?;
        let name = e.file_name();
        let kind = match e.file_type() {
            Ok(t) if t.is_symlink() => T_LINK,
            Ok(t) if t.is_dir() => T_DIR,
            Ok(t) if t.is_file() => T_FILE,
            Ok(_) => T_OTHER,
            Err(_) => T_UNKNOWN,
        };
        let mut full = p.bytes.clone();
        if !full.ends_with(b"/") {
            full.push(b'/');
        }
        full.extend_from_slice(name.as_bytes());
        let entry = crate::objects::instance::new_instance(&cls);
        set_attrs(
            &entry,
            vec![
                ("name", p.out(name.as_bytes())),
                ("path", p.out(&full)),
                ("_kind", new_int(kind)),
                (
                    "_ino",
                    crate::objects::int::new_bigint(num_bigint::BigInt::from(std::os::unix::fs::DirEntryExt::ino(&e))),
                ),
            ],
        );
        entries.push(entry);
    }
    let it_cls = scandir_iter_type(vm)?;
    let it = crate::objects::instance::new_instance(&it_cls);
    let list = crate::objects::list::new_list(entries);
    let inner = vm.iter(&list)?;
    set_attrs(&it, vec![("_it", inner)]);
    Ok(it)
}

fn this<'a>(args: &Args<'a>, what: &str) -> PyResult<&'a Value> {
    args.pos().first().ok_or_else(|| type_error(format!("{what} needs an argument")))
}

fn iter_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "__iter__").cloned()
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "__next__")?;
    match attr(s, "_it") {
        Some(it) if !it.is_none() => vm.call_method(&it, "__next__", &[]),
        _ => Err(crate::vm::errors::PyErr::new(&crate::objects::registry::exc().stop_iteration, "")),
    }
}

fn iter_close(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "close")?;
    set_attrs(s, vec![("_it", none())]);
    Ok(none())
}

fn iter_exit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    iter_close(vm, args)?;
    Ok(crate::objects::false_())
}

/// The entry's path as a `PathArg`, for stat calls.
fn entry_path(s: &Value) -> PyResult<PathArg> {
    let p = attr(s, "path").ok_or_else(|| type_error("DirEntry without a path"))?;
    let (bytes, is_bytes) = match p.as_str() {
        Some(t) => (t.as_bytes().to_vec(), false),
        None => (p.downcast::<crate::objects::bytes::PyBytes>().map(|b| b.0.to_vec()).unwrap_or_default(), true),
    };
    Ok(PathArg { bytes, is_bytes, obj: p })
}

fn follow_arg(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<bool> {
    if args.pos().len() > 1 {
        return Err(type_error(format!("DirEntry.{fname}() takes no positional arguments")));
    }
    match args.kwarg("follow_symlinks") {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

/// `st_mode` of the entry, through the per-entry caches `_stat`/`_lstat`.
fn entry_stat_value(vm: &mut Vm, s: &Value, follow: bool) -> PyResult {
    let key = if follow { "_stat" } else { "_lstat" };
    if let Some(v) = attr(s, key) {
        return Ok(v);
    }
    // A non-link's stat and lstat are the same; reuse whichever exists.
    let kind = attr(s, "_kind").and_then(|k| k.as_small()).unwrap_or(T_UNKNOWN);
    if kind != T_LINK && kind != T_UNKNOWN {
        if let Some(v) = attr(s, if follow { "_lstat" } else { "_stat" }) {
            return Ok(v);
        }
    }
    let p = entry_path(s)?;
    let v = match stat::raw_stat(
        &PathOrFd::Path(PathArg { bytes: p.bytes, is_bytes: p.is_bytes, obj: p.obj.clone() }),
        libc::AT_FDCWD,
        !follow,
    ) {
        Ok(st) => stat::stat_value(vm, &st)?,
        Err(e) => return Err(errno_err(vm, e, Some(&p.obj), None)),
    };
    set_attrs(s, vec![(key, v.clone())]);
    Ok(v)
}

/// Tests the entry's file type: from `d_type` when it answers, else through stat; a
/// vanished file is "not a dir"/"not a file" (CPython swallows FileNotFoundError here).
fn entry_test(vm: &mut Vm, s: &Value, follow: bool, want: i64) -> PyResult<bool> {
    let kind = attr(s, "_kind").and_then(|k| k.as_small()).unwrap_or(T_UNKNOWN);
    if kind != T_UNKNOWN && !(follow && kind == T_LINK) {
        return Ok(kind == want);
    }
    let st = match entry_stat_value(vm, s, follow) {
        Ok(st) => st,
        Err(e) if e.0.type_of().is(&crate::objects::registry::exc().file_not_found_error) => return Ok(false),
        Err(e) => return Err(e),
    };
    let mode = vm.getattr_str(&st, "st_mode")?.as_small().unwrap_or(0) as u32;
    let fmt = mode & libc::S_IFMT;
    Ok(match want {
        T_DIR => fmt == libc::S_IFDIR,
        T_FILE => fmt == libc::S_IFREG,
        _ => fmt == libc::S_IFLNK,
    })
}

fn entry_is_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let follow = follow_arg(vm, &args, "is_dir")?;
    let s = this(&args, "is_dir")?;
    Ok(py_bool(entry_test(vm, s, follow, T_DIR)?))
}

fn entry_is_file(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let follow = follow_arg(vm, &args, "is_file")?;
    let s = this(&args, "is_file")?;
    Ok(py_bool(entry_test(vm, s, follow, T_FILE)?))
}

fn entry_is_symlink(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "is_symlink")?;
    Ok(py_bool(entry_test(vm, s, false, T_LINK)?))
}

fn entry_stat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let follow = follow_arg(vm, &args, "stat")?;
    let s = this(&args, "stat")?;
    entry_stat_value(vm, s, follow)
}

fn entry_inode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "inode")?;
    Ok(attr(s, "_ino").unwrap_or_else(none))
}

fn entry_fspath(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "__fspath__")?;
    Ok(attr(s, "path").unwrap_or_else(none))
}

fn entry_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args, "__repr__")?;
    let name = attr(s, "name").unwrap_or_else(none);
    Ok(new_str(format!("<DirEntry {}>", vm.repr_string(&name)?)))
}
