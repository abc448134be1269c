//! The `io` module (the parts scripts use): `io.StringIO`/`BytesIO`, `io.open`. (`os` is
//! CPython's own `os.py` over the native `posix`, `builtins/posix.rs`.)

use crate::objects::dict::PyDict;
use crate::objects::file::{FileBackend, PyFile, memory_value};
use crate::objects::str::new_str;
use crate::objects::type_::TF_BASETYPE;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::startup::{add_method, add_staticmethod, module_dict, new_module};
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

/// `TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
/// write_through=False)` over a binary file from `open()` or a standard stream: a text file
/// on the same open file (its read-ahead moves over). The native text layer decodes UTF-8
/// only, so another encoding is refused rather than misread.
fn textio_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind(
        "TextIOWrapper",
        &["cls", "buffer", "encoding", "errors", "newline", "line_buffering", "write_through"],
        2,
    )?;
    let buffer = a[1].clone().unwrap_or_else(none);
    if let Some(e) = a[2].as_ref().filter(|e| !e.is_none()) {
        let Some(name) = e.as_str() else {
            return Err(type_error(format!(
                "TextIOWrapper() argument 'encoding' must be str or None, not {}",
                crate::vm::protocol::type_name(e)
            )));
        };
        let n = name.to_ascii_lowercase().replace('_', "-");
        if !matches!(n.as_str(), "utf-8" | "utf8" | "locale" | "u8") {
            return Err(crate::vm::errors::value_error(format!(
                "TextIOWrapper: only UTF-8 is supported over a buffer here, not '{name}'"
            )));
        }
    }
    let Some(b) = buffer.downcast::<PyFile>().filter(|b| b.binary) else {
        return Err(type_error(format!(
            "TextIOWrapper() needs a binary file from open() as its buffer, not {}",
            crate::vm::protocol::type_name(&buffer)
        )));
    };
    b.flush().map_err(|e| crate::objects::file::os_err(&e, None))?;
    let backend = match &*b.backend.borrow() {
        FileBackend::Disk(f) => FileBackend::Disk(f.try_clone().map_err(|e| crate::objects::file::os_err(&e, None))?),
        FileBackend::Stdin => FileBackend::Stdin,
        FileBackend::Stdout => FileBackend::Stdout,
        FileBackend::Stderr => FileBackend::Stderr,
        FileBackend::Closed => return Err(b.closed_error()),
        FileBackend::Memory(..) => {
            return Err(type_error("TextIOWrapper() over io.BytesIO is not supported here yet"));
        }
    };
    let mode: String = b.mode.chars().filter(|c| *c != 'b').collect();
    let f = PyFile::new(backend, &b.name, &mode, false);
    *f.rbuf.borrow_mut() = std::mem::take(&mut *b.rbuf.borrow_mut());
    *f.buffer.borrow_mut() = Some(buffer.clone());
    Ok(layout::alloc(&types().text_io, f))
}

/// The abstract bases `io` gets on first use from `lib/_pylift_iobase.py` (CPython's C
/// `_io._IOBase` family, in Python until `_io` is native), so `import io` stays cheap; the
/// native file types are then registered with them, as `io.py` registers its C classes.
const LAZY_BASES: &[&str] = &["IOBase", "RawIOBase", "BufferedIOBase", "TextIOBase", "UnsupportedOperation"];

/// `io.__getattr__(name)` (PEP 562).
fn io_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>("__getattr__")?;
    let n = name.as_str().unwrap_or("");
    if !LAZY_BASES.contains(&n) {
        return Err(crate::vm::errors::attribute_error(format!("module 'io' has no attribute '{n}'")));
    }
    let bases = vm.import_module("_pylift_iobase")?;
    let io = vm.import_module("io")?;
    let d = module_dict(&io);
    for base in LAZY_BASES {
        let cls = vm.getattr_str(&bases, base)?;
        set(&d, base, cls);
    }
    let buffered = vm.getattr_str(&bases, "BufferedIOBase")?;
    let text = vm.getattr_str(&bases, "TextIOBase")?;
    let t = types();
    let mut pairs = vec![
        (t.buffered_reader.clone(), buffered.clone()),
        (t.buffered_writer.clone(), buffered.clone()),
        (t.text_io.clone(), text.clone()),
    ];
    for (name, abc) in [("BytesIO", &buffered), ("StringIO", &text)] {
        if let Some(c) = d.payload::<PyDict>().and_then(|dd| dd.get_str(name)) {
            pairs.push((c, abc.clone()));
        }
    }
    for (cls, abc) in pairs {
        vm.call_method(&abc, "register", &[cls])?;
    }
    vm.getattr_str(&bases, n)
}

/// `io.text_encoding(encoding, stacklevel=2)`: the encoding, or "locale" (UTF-8 mode: "utf-8")
/// when None, as CPython 3.11 answers.
fn text_encoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("text_encoding", &["encoding", "stacklevel"], 1)?;
    let enc = a[0].clone().unwrap_or_else(none);
    if !enc.is_none() {
        return Ok(enc);
    }
    let flags = vm.getattr_str(&vm.sys.clone(), "flags")?;
    let utf8 = vm.getattr_str(&flags, "utf8_mode")?;
    Ok(new_str(if vm.truthy(&utf8)? { "utf-8" } else { "locale" }))
}

/// `io.open_code(path)`: `open(path, "rb")` (pylift has no open-code hook).
fn open_code(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("open_code", &["path"], 1)?;
    let path = a[0].clone().unwrap_or_else(none);
    if path.as_str().is_none() {
        return Err(type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            crate::vm::protocol::type_name(&path)
        )));
    }
    let open = vm.builtins.payload::<PyDict>().and_then(|b| b.get_str("open")).ok_or_else(|| type_error("open"))?;
    vm.call_pos(&open, &[path, new_str("rb")])
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
    set(&d, "IncrementalNewlineDecoder", super::newline::class().clone());
    set(&d, "DEFAULT_BUFFER_SIZE", crate::objects::int::new_int(8192));
    for (name, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        set(&d, name, crate::objects::int::new_int(v));
    }
    let all = [
        "open",
        "IOBase",
        "RawIOBase",
        "BytesIO",
        "StringIO",
        "BufferedIOBase",
        "BufferedReader",
        "BufferedWriter",
        "TextIOBase",
        "TextIOWrapper",
        "SEEK_SET",
        "SEEK_CUR",
        "SEEK_END",
        "DEFAULT_BUFFER_SIZE",
        "UnsupportedOperation",
        "text_encoding",
    ];
    set(&d, "__all__", crate::objects::list::new_list(all.iter().map(|n| new_str(*n)).collect()));
    crate::vm::startup::add_function(&d, "io", "__getattr__", io_getattr);
    crate::vm::startup::add_function(&d, "io", "text_encoding", text_encoding);
    crate::vm::startup::add_function(&d, "io", "open_code", open_code);
    add_staticmethod(&types().text_io, "__new__", textio_new);
    set(&d, "TextIOWrapper", types().text_io.clone());
    set(&d, "BufferedReader", types().buffered_reader.clone());
    set(&d, "BufferedWriter", types().buffered_writer.clone());
    if let Some(open) = vm.builtins.payload::<PyDict>().and_then(|b| b.get_str("open")) {
        set(&d, "open", open);
    }
    Ok(m)
}
