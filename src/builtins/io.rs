//! Builtins, I/O builtins: print, input, open.

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, PyFile, new_file, os_err};
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict};
use crate::vm::{Args, PyResult, Vm};

mod newline;
mod stdmods;

/// Adds this group's functions to the builtins dict (and registers `io`).
pub fn init(d: &Value) {
    add_function(d, "builtins", "print", builtin_print);
    add_function(d, "builtins", "input", builtin_input);
    add_function(d, "builtins", "open", builtin_open);
    add_function(d, "builtins", "exit", builtin_exit);
    add_function(d, "builtins", "quit", builtin_exit);
    crate::vm::interp::register_native("traceback", crate::vm::traceback::init_traceback_module);
    crate::vm::interp::register_native("atexit", crate::vm::exit::init_atexit_module);
    for (name, f) in [("io", stdmods::init_io as crate::vm::interp::NativeModuleInit)] {
        crate::vm::interp::register_native(name, f);
    }
}

/// `sys.<name>` (stdout, stderr, stdin) as currently assigned.
pub fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    module_dict(&vm.sys).payload::<PyDict>().and_then(|d| d.get_str(name))
}

/// Writes `s` to a file object: directly for our files, else through its `write`.
pub fn write_to(vm: &mut Vm, file: &Value, s: &str) -> PyResult<()> {
    if let Some(f) = file.downcast::<PyFile>() {
        if f.binary {
            return Err(type_error("a bytes-like object is required, not 'str'"));
        }
        return f.write_bytes(s.as_bytes());
    }
    vm.call_method(file, "write", &[new_str(s)])?;
    Ok(())
}

fn str_opt(v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_owned())),
            None => Err(type_error(format!("{what} must be None or a string, not {}", type_name(v)))),
        },
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut sep = None;
    let mut end = None;
    let mut file = None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        match k {
            "sep" => sep = str_opt(Some(v), "sep")?,
            "end" => end = str_opt(Some(v), "end")?,
            "file" => file = Some(v.clone()).filter(|f| !f.is_none()),
            "flush" => flush = vm.truthy(v)?,
            _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for print()"))),
        }
    }
    let file = match file {
        Some(f) => f,
        None => match sys_attr(vm, "stdout") {
            Some(f) if !f.is_none() => f,
            _ => return Ok(none()),
        },
    };
    let sep = sep.unwrap_or_else(|| " ".into());
    let end = end.unwrap_or_else(|| "\n".into());
    if let Some(f) = file.downcast::<PyFile>() {
        let mut out = String::new();
        for (i, v) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&vm.str_string(v)?);
        }
        out.push_str(&end);
        if f.binary {
            return Err(type_error("a bytes-like object is required, not 'str'"));
        }
        f.write_bytes(out.as_bytes())?;
        if flush {
            f.flush().map_err(|e| os_err(&e, None))?;
        }
        return Ok(none());
    }
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            write_to(vm, &file, &sep)?;
        }
        let s = vm.str_string(v)?;
        write_to(vm, &file, &s)?;
    }
    write_to(vm, &file, &end)?;
    if flush {
        vm.call_method(&file, "flush", &[])?;
    }
    Ok(none())
}

/// `input(prompt='')`.
fn builtin_input(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("input", 0, 1)?;
    if crate::vm::startup::audit::active() {
        vm.audit("builtins.input", vec![p.first().cloned().unwrap_or_else(none)])?;
    }
    let stdout = sys_attr(vm, "stdout");
    if let Some(prompt) = p.first() {
        let s = vm.str_string(prompt)?;
        if let Some(o) = &stdout {
            write_to(vm, o, &s)?;
        }
    }
    if let Some(o) = &stdout {
        match o.downcast::<PyFile>() {
            Some(f) => f.flush().map_err(|e| os_err(&e, None))?,
            None => {
                if vm.getattr_opt(o, "flush")?.is_some() {
                    vm.call_method(o, "flush", &[])?;
                }
            }
        }
    }
    let stdin = sys_attr(vm, "stdin").ok_or_else(|| PyErr::new(&exc().runtime_error, "input(): lost sys.stdin"))?;
    let line = match stdin.downcast::<PyFile>() {
        Some(f) => String::from_utf8_lossy(&f.read_line()?).into_owned(),
        None => {
            let l = vm.call_method(&stdin, "readline", &[])?;
            l.as_str().unwrap_or("").to_owned()
        }
    };
    if line.is_empty() {
        return Err(PyErr::new(&exc().eof_error, "EOF when reading a line"));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    Ok(new_str(line))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...)`.
fn builtin_open(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a =
        args.bind("open", &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], 1)?;
    let file = a[0].clone().unwrap_or_else(none);
    let fd_given = if crate::objects::int::is_int(&file) { crate::objects::int::to_i64(&file) } else { None };
    let path = match file.as_str() {
        Some(s) => s.to_owned(),
        None if fd_given.is_some() => String::new(),
        None => {
            let p = vm.getattr_opt(&file, "__fspath__")?;
            match p {
                Some(f) => {
                    let r = vm.call(&f, Args::positional_only(&[]))?;
                    r.as_str().unwrap_or("").to_owned()
                }
                None => {
                    return Err(type_error(format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        type_name(&file)
                    )));
                }
            }
        }
    };
    let mode = match &a[1] {
        Some(m) => m.as_str().ok_or_else(|| type_error("open() argument 'mode' must be str"))?.to_owned(),
        None => "r".to_owned(),
    };
    let mut opts = std::fs::OpenOptions::new();
    let (mut r, mut w, mut ap, mut cr, mut x, mut bin, mut plus) = (false, false, false, false, false, false, false);
    for c in mode.chars() {
        match c {
            'r' => r = true,
            'w' => {
                w = true;
                cr = true;
            }
            'a' => {
                ap = true;
                cr = true;
            }
            'x' => x = true,
            'b' => bin = true,
            't' => {}
            '+' => plus = true,
            _ => return Err(value_error(format!("invalid mode: '{mode}'"))),
        }
    }
    if (r as u8 + w as u8 + ap as u8 + x as u8) != 1 {
        return Err(value_error("must have exactly one of create/read/write/append mode"));
    }
    if crate::vm::startup::audit::active() {
        // FileIO's event: its mode (no 'b'/'t') and the os.open flags (with O_CLOEXEC).
        let fmode: String = mode.chars().filter(|c| !matches!(c, 'b' | 't')).collect();
        let acc = if plus {
            2
        } else if r {
            0
        } else {
            1
        };
        let flags = 0o2000000
            | acc
            | if w { 0o1000 | 0o100 } else { 0 }
            | if ap { 0o2000 | 0o100 } else { 0 }
            | if x { 0o200 | 0o100 } else { 0 };
        vm.audit("open", vec![file.clone(), new_str(fmode), Value::small(flags)])?;
    }
    // A descriptor: given (`open(fd)`), or from `opener(path, flags)`; the file object
    // owns it (closefd=False is honoured by owning a duplicate instead).
    let opener = a[7].clone().filter(|o| !o.is_none());
    if fd_given.is_some() || opener.is_some() {
        let acc = if plus {
            libc::O_RDWR
        } else if r {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        let flags = libc::O_CLOEXEC
            | acc
            | if w { libc::O_TRUNC | libc::O_CREAT } else { 0 }
            | if ap { libc::O_APPEND | libc::O_CREAT } else { 0 }
            | if x { libc::O_EXCL | libc::O_CREAT } else { 0 };
        let fd = match (fd_given, &opener) {
            (Some(fd), _) => fd,
            (None, Some(op)) => {
                let r = vm.call_pos(op, &[file.clone(), Value::small(flags as i64)])?;
                match crate::objects::int::to_i64(&r) {
                    Some(fd) if fd >= 0 => fd,
                    Some(fd) => return Err(value_error(format!("opener returned {fd}"))),
                    None => return Err(type_error("expected an integer from opener")),
                }
            }
            (None, None) => unreachable!("guarded by the if above"),
        };
        let fd = i32::try_from(fd).map_err(|_| PyErr::new(&exc().overflow_error, "fd is greater than maximum"))?;
        let closefd = match &a[6] {
            Some(c) => vm.truthy(c)?,
            None => true,
        };
        let fd = if closefd {
            fd
        } else {
            // SAFETY: plain syscall on an integer fd; failure is checked below.
            unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }
        };
        // SAFETY: fstat on an integer fd only fills `st`; a bad fd gives EBADF.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: as above.
        if fd < 0 || unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(os_err(&std::io::Error::last_os_error(), None));
        }
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            return Err(os_err(&std::io::Error::from_raw_os_error(libc::EISDIR), Some(&path)));
        }
        // SAFETY: `fd` is open (fstat succeeded) and from here on owned by this File only:
        // either the caller handed it over (closefd=True, as CPython's FileIO takes it) or
        // it is our own duplicate.
        let f = unsafe { <std::fs::File as std::os::unix::io::FromRawFd>::from_raw_fd(fd) };
        let name = if fd_given.is_some() { fd.to_string() } else { path.clone() };
        let v = new_file(FileBackend::Disk(f), &name, &mode, bin);
        if fd_given.is_some() {
            if let Some(pf) = v.downcast::<PyFile>() {
                *pf.name_set.borrow_mut() = Some(file.clone());
            }
        }
        return Ok(v);
    }
    opts.read(r || plus);
    opts.write(w || ap || x || plus);
    opts.append(ap);
    opts.truncate(w);
    opts.create(cr);
    opts.create_new(x);
    let f = opts.open(&path).map_err(|e| os_err(&e, Some(&path)))?;
    if f.metadata().is_ok_and(|m| m.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_err(&e, Some(&path)));
    }
    Ok(new_file(FileBackend::Disk(f), &path, &mode, bin))
}

/// `exit(code=None)` / `quit(code=None)` (site's Quitter): raise SystemExit.
fn builtin_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("exit", 0, 1)?;
    let argv: Vec<Value> = p.iter().filter(|v| !v.is_none()).cloned().collect();
    Err(PyErr(crate::vm::errors::new_exception(&exc().system_exit, argv)))
}
