//! File objects returned by `open()` and used for `sys.stdin/stdout/stderr`: text
//! (UTF-8) or binary, buffered writes flushed on `flush`/`close`/exit, context managers,
//! line iteration.

use std::cell::RefCell;
use std::io::{BufRead, Read, Write};

use crate::objects::bytes::PyBytes;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::{Trace, none, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_getter, add_method};
use crate::vm::{Args, PyResult, Vm};

mod ops;
pub use ops::stdio_errors;

pub enum FileBackend {
    Stdin,
    Stdout,
    Stderr,
    Disk(std::fs::File),
    /// `io.StringIO`/`io.BytesIO`: the whole content and the read/write position.
    Memory(Vec<u8>, usize),
    Closed,
}

pub struct PyFile {
    pub backend: RefCell<FileBackend>,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    /// Buffered output not yet written.
    pub wbuf: RefCell<Vec<u8>>,
    /// Input read ahead but not yet consumed.
    pub rbuf: RefCell<Vec<u8>>,
    /// A standard stream's `.buffer` (one object, made on first access), or the binary
    /// file a `TextIOWrapper(buffer)` was made over.
    pub buffer: RefCell<Option<Value>>,
    /// `f.mode = ...`: CPython's TextIOWrapper.mode is a plain attribute (io.open and
    /// tokenize.open assign it).
    pub mode_set: RefCell<Option<String>>,
    /// `f.name = ...` (tempfile names the file it opened through an opener), or the fd
    /// of `open(fd)`.
    pub name_set: RefCell<Option<Value>>,
}
impl Trace for PyFile {}

impl Drop for PyFile {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Pending output to the process's stdout (one buffer for all threads).
static STDOUT_BUF: crate::values::gil::GilStatic<RefCell<Vec<u8>>> =
    crate::values::gil::GilStatic::new(RefCell::new(Vec::new()));

/// Text written to `sys.stdout` not yet handed to its `.buffer` (CPython's
/// TextIOWrapper pending bytes: `sys.stdout.buffer.write` goes ahead of them).
static TEXT_PENDING: crate::values::gil::GilStatic<RefCell<Vec<u8>>> =
    crate::values::gil::GilStatic::new(RefCell::new(Vec::new()));

/// TextIOWrapper's chunk size: pending text beyond it goes to the buffer.
const TEXT_CHUNK: usize = 8192;

/// Hands `sys.stdout`'s pending text to the binary buffer.
fn text_to_buffer() {
    let t = std::mem::take(&mut *TEXT_PENDING.borrow_mut());
    if !t.is_empty() {
        STDOUT_BUF.borrow_mut().extend_from_slice(&t);
    }
}

/// `sys.stdout.flush()`: pending text, then everything buffered, written out.
pub fn flush_stdout() -> std::io::Result<()> {
    text_to_buffer();
    flush_stdout_buffer()
}

/// `sys.stdout.buffer.flush()`: the binary buffer only.
fn flush_stdout_buffer() -> std::io::Result<()> {
    let data = std::mem::take(&mut *STDOUT_BUF.borrow_mut());
    if data.is_empty() {
        return Ok(());
    }
    // Other threads run while a full pipe blocks the write.
    crate::vm::thread::blocking(|| {
        let mut o = std::io::stdout().lock();
        o.write_all(&data)?;
        o.flush()
    })
}

/// Output buffered beyond this is written out.
const WBUF_LIMIT: usize = 1 << 16;

/// `-u`: unbuffered standard streams.
pub static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

impl PyFile {
    pub fn new(backend: FileBackend, name: &str, mode: &str, binary: bool) -> PyFile {
        PyFile {
            backend: RefCell::new(backend),
            name: name.to_owned(),
            mode: mode.to_owned(),
            binary,
            wbuf: RefCell::new(Vec::new()),
            rbuf: RefCell::new(Vec::new()),
            buffer: RefCell::new(None),
            mode_set: RefCell::new(None),
            name_set: RefCell::new(None),
        }
    }

    /// "I/O operation on closed file." (StringIO/BytesIO word it without the period).
    pub fn closed_error(&self) -> PyErr {
        if self.name == "<StringIO>" || self.name == "<BytesIO>" {
            value_error("I/O operation on closed file")
        } else {
            value_error("I/O operation on closed file.")
        }
    }

    pub fn is_closed(&self) -> bool {
        matches!(*self.backend.borrow(), FileBackend::Closed)
    }

    /// Writes buffered output to the backend.
    pub fn flush(&self) -> std::io::Result<()> {
        if matches!(*self.backend.borrow(), FileBackend::Stdout) {
            return if self.binary { flush_stdout_buffer() } else { flush_stdout() };
        }
        let data = std::mem::take(&mut *self.wbuf.borrow_mut());
        if data.is_empty() {
            return Ok(());
        }
        match &mut *self.backend.borrow_mut() {
            FileBackend::Stdout => {
                let mut o = std::io::stdout().lock();
                o.write_all(&data)?;
                o.flush()
            }
            FileBackend::Stderr => {
                let mut o = std::io::stderr().lock();
                o.write_all(&data)?;
                o.flush()
            }
            FileBackend::Disk(f) => f.write_all(&data),
            _ => Ok(()),
        }
    }

    /// Appends bytes to the write buffer (flushing per the stream's policy).
    pub fn write_bytes(&self, b: &[u8]) -> PyResult<()> {
        if self.is_closed() {
            return Err(self.closed_error());
        }
        if matches!(*self.backend.borrow(), FileBackend::Memory(..) | FileBackend::Disk(_)) {
            // Writing after a read goes at the logical position, not after the read-ahead.
            self.sync_read_ahead()?;
        }
        if let FileBackend::Memory(data, pos) = &mut *self.backend.borrow_mut() {
            let end = pos.saturating_add(b.len());
            if data.len() < end {
                // A write far past the end (after a big seek) is a MemoryError, not an abort.
                if data.try_reserve(end - data.len()).is_err() {
                    return Err(crate::vm::errors::memory_error(""));
                }
            }
            if data.len() < *pos {
                data.resize(*pos, 0);
            }
            let overlap = data.len().min(end) - *pos;
            data[*pos..*pos + overlap].copy_from_slice(&b[..overlap]);
            data.extend_from_slice(&b[overlap..]);
            *pos = end;
            return Ok(());
        }
        if matches!(*self.backend.borrow(), FileBackend::Stdout) {
            // Two layers as CPython's: text (`sys.stdout`) pends until a chunk is full, a
            // flush, a newline on a terminal or -u; `.buffer` writes (one buffer for every
            // object writing to fd 1) go ahead of pending text.
            let unbuffered = UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed);
            let line_flush = b.contains(&b'\n') && std::io::IsTerminal::is_terminal(&std::io::stdout());
            if !self.binary {
                let pending = TEXT_PENDING.borrow().len();
                if pending + b.len() > TEXT_CHUNK {
                    text_to_buffer();
                }
                let pending = {
                    let mut t = TEXT_PENDING.borrow_mut();
                    t.extend_from_slice(b);
                    t.len()
                };
                if pending >= TEXT_CHUNK || unbuffered || line_flush {
                    text_to_buffer();
                }
                if unbuffered || line_flush {
                    flush_stdout_buffer().map_err(|e| os_err(&e, None))?;
                }
            } else {
                STDOUT_BUF.borrow_mut().extend_from_slice(b);
                if unbuffered {
                    flush_stdout_buffer().map_err(|e| os_err(&e, None))?;
                }
            }
            if STDOUT_BUF.borrow().len() > WBUF_LIMIT {
                flush_stdout_buffer().map_err(|e| os_err(&e, None))?;
            }
            return Ok(());
        }
        self.wbuf.borrow_mut().extend_from_slice(b);
        let eager = match &*self.backend.borrow() {
            FileBackend::Stderr => true,
            FileBackend::Stdout => {
                UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed)
                    || (b.contains(&b'\n') && std::io::IsTerminal::is_terminal(&std::io::stdout()))
            }
            _ => false,
        };
        if eager || self.wbuf.borrow().len() > WBUF_LIMIT {
            self.flush().map_err(|e| os_err(&e, None))?;
        }
        Ok(())
    }

    /// Fills `rbuf` with everything left (files are read whole; stdin to EOF).
    fn fill_all(&self) -> PyResult<()> {
        let mut extra = Vec::new();
        // Stdin is read with the GIL released: no borrow of the backend is held meanwhile.
        if matches!(*self.backend.borrow(), FileBackend::Stdin) {
            crate::vm::thread::blocking(|| std::io::stdin().lock().read_to_end(&mut extra))
                .map_err(|e| os_err(&e, None))?;
            self.rbuf.borrow_mut().extend(extra);
            return Ok(());
        }
        match &mut *self.backend.borrow_mut() {
            FileBackend::Disk(f) => {
                f.read_to_end(&mut extra).map_err(|e| os_err(&e, None))?;
            }
            FileBackend::Memory(data, pos) => {
                let start = (*pos).min(data.len());
                extra.extend_from_slice(&data[start..]);
                *pos = data.len();
            }
            FileBackend::Closed => return Err(self.closed_error()),
            _ => return Err(unsupported("not readable")),
        }
        self.rbuf.borrow_mut().extend(extra);
        Ok(())
    }

    /// One line including its newline; empty at EOF.
    pub fn read_line(&self) -> PyResult<Vec<u8>> {
        if self.is_closed() {
            return Err(self.closed_error());
        }
        let is_stdin = matches!(*self.backend.borrow(), FileBackend::Stdin);
        if is_stdin && !self.rbuf.borrow().contains(&b'\n') {
            let mut line = Vec::new();
            crate::vm::thread::blocking(|| std::io::stdin().lock().read_until(b'\n', &mut line))
                .map_err(|e| os_err(&e, None))?;
            self.rbuf.borrow_mut().extend(line);
        } else if !is_stdin && !self.rbuf.borrow().contains(&b'\n') {
            self.fill_all()?;
        }
        let mut rb = self.rbuf.borrow_mut();
        let end = rb.iter().position(|&c| c == b'\n').map_or(rb.len(), |i| i + 1);
        Ok(rb.drain(..end).collect())
    }

    /// Up to `n` characters (text) or bytes (binary); all when `n` is None.
    pub fn read_n(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        if self.is_closed() {
            return Err(self.closed_error());
        }
        self.fill_all()?;
        let mut rb = self.rbuf.borrow_mut();
        let end = match n {
            None => rb.len(),
            Some(n) if self.binary => n.min(rb.len()),
            Some(n) => {
                // n characters of UTF-8.
                let mut count = 0;
                let mut i = 0;
                while i < rb.len() && count < n {
                    let b = rb[i];
                    let w = if b < 0x80 {
                        1
                    } else if b >= 0xf0 {
                        4
                    } else if b >= 0xe0 {
                        3
                    } else {
                        2
                    };
                    i = (i + w).min(rb.len());
                    count += 1;
                }
                i
            }
        };
        Ok(rb.drain(..end).collect())
    }

    pub fn close(&self) -> PyResult<()> {
        self.flush().map_err(|e| os_err(&e, None))?;
        let mut b = self.backend.borrow_mut();
        if matches!(*b, FileBackend::Disk(_)) {
            *b = FileBackend::Closed;
        } else if !matches!(*b, FileBackend::Closed) {
            *b = FileBackend::Closed;
        }
        Ok(())
    }
}

fn unsupported(msg: &str) -> PyErr {
    PyErr::new(&crate::objects::registry::exc().os_error, msg)
}

/// An `OSError` subclass for an I/O error, CPython-style (`errno`, `strerror`,
/// `filename`; str: `[Errno 2] No such file or directory: 'x'`).
pub fn os_err(e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let x = crate::objects::registry::exc();
    let code = e.raw_os_error().unwrap_or(0);
    let cls = match e.kind() {
        std::io::ErrorKind::NotFound => &x.file_not_found_error,
        std::io::ErrorKind::PermissionDenied => &x.permission_error,
        std::io::ErrorKind::AlreadyExists => &x.file_exists_error,
        _ if code == 21 => &x.is_a_directory_error,
        _ if code == 32 => &x.broken_pipe_error,
        _ if code == 2 => &x.file_not_found_error,
        _ if code == 20 => &x.not_a_directory_error,
        _ => &x.os_error,
    };
    let strerror = strerror(e);
    let mut args = vec![crate::objects::int::new_int(code as i64), new_str(strerror.as_str())];
    if let Some(f) = filename {
        args.push(new_str(f));
    }
    let v = crate::vm::errors::new_exception(cls, args);
    if let Some(d) = crate::vm::protocol::instance_dict_create(&v) {
        if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
            dd.set_str(new_str("errno"), crate::objects::int::new_int(code as i64));
            dd.set_str(new_str("strerror"), new_str(strerror.as_str()));
            dd.set_str(new_str("filename"), filename.map(new_str).unwrap_or_else(none));
        }
    }
    PyErr(v)
}

/// The C library's message for an I/O error, without Rust's " (os error N)" suffix.
pub fn strerror(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

fn file_of<'a>(args: &Args<'a>) -> PyResult<&'a PyFile> {
    args.pos().first().and_then(|v| v.downcast::<PyFile>()).ok_or_else(|| type_error("expected a file object"))
}

/// A str (text files) or bytes (binary files) result.
fn data_value(f: &PyFile, b: Vec<u8>) -> Value {
    if f.binary {
        layout::alloc(&types().bytes, PyBytes(b.into_boxed_slice()))
    } else {
        new_str(String::from_utf8_lossy(&b).into_owned())
    }
}

fn f_read(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let p = args.range("read", 1, 2)?;
    let n = match p.get(1) {
        Some(v) if !v.is_none() => crate::objects::int::to_i64(v).filter(|&n| n >= 0).map(|n| n as usize),
        _ => None,
    };
    let b = f.read_n(n)?;
    Ok(data_value(f, b))
}

fn f_readline(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let b = f.read_line()?;
    Ok(data_value(f, b))
}

fn f_readlines(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let mut out = Vec::new();
    loop {
        let b = f.read_line()?;
        if b.is_empty() {
            break;
        }
        out.push(data_value(f, b));
    }
    Ok(new_list(out))
}

fn f_next(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let b = f.read_line()?;
    if b.is_empty() {
        return Err(crate::vm::errors::stop_iteration(None));
    }
    Ok(data_value(f, b))
}

/// The bytes `write(v)` should emit for this file, and the count it returns.
fn encode_for(f: &PyFile, v: &Value) -> PyResult<(Vec<u8>, usize)> {
    if f.binary {
        if let Some(b) = v.downcast::<PyBytes>() {
            return Ok((b.0.to_vec(), b.0.len()));
        }
        if let Some(b) = v.downcast::<crate::objects::bytes::PyByteArray>() {
            let b = b.0.borrow();
            return Ok((b.clone(), b.len()));
        }
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::vm::protocol::type_name(v)
        )));
    }
    match v.downcast::<crate::objects::str::PyStr>() {
        Some(s) => Ok((s.as_str().as_bytes().to_vec(), s.char_len())),
        None => Err(type_error(format!("write() argument must be str, not {}", crate::vm::protocol::type_name(v)))),
    }
}

fn f_write(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact::<2>("write")?;
    let f = file_of(&args)?;
    let (b, n) = encode_for(f, &a[1])?;
    f.write_bytes(&b)?;
    Ok(crate::objects::int::new_int(n as i64))
}

fn f_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact::<2>("writelines")?;
    let f = file_of(&args)?;
    for line in vm.to_vec(&a[1])? {
        let (b, _) = encode_for(f, &line)?;
        f.write_bytes(&b)?;
    }
    Ok(none())
}

fn f_flush(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    if f.is_closed() {
        return Err(f.closed_error());
    }
    f.flush().map_err(|e| os_err(&e, None))?;
    Ok(none())
}

fn f_close(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    file_of(&args)?.close()?;
    Ok(none())
}

fn f_enter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    if f.is_closed() {
        return Err(f.closed_error());
    }
    Ok(args.pos()[0].clone())
}

fn f_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    file_of(&args)?.close()?;
    Ok(none())
}

fn f_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    if f.is_closed() {
        return Err(f.closed_error());
    }
    Ok(args.pos()[0].clone())
}

fn f_closed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(file_of(&args)?.is_closed()))
}

fn f_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    if let Some(n) = &*f.name_set.borrow() {
        return Ok(n.clone());
    }
    // In-memory streams have no name (gzip and zipfile look for one with getattr).
    if f.name == "<StringIO>" || f.name == "<BytesIO>" {
        let ty = if f.name == "<BytesIO>" { "_io.BytesIO" } else { "_io.StringIO" };
        return Err(crate::vm::errors::attribute_error(format!("'{ty}' object has no attribute 'name'")));
    }
    Ok(new_str(f.name.as_str()))
}

fn f_set_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    *f.name_set.borrow_mut() = args.pos().get(1).cloned();
    Ok(none())
}

fn f_mode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    if let Some(m) = &*f.mode_set.borrow() {
        return Ok(new_str(m.as_str()));
    }
    Ok(new_str(f.mode.as_str()))
}

fn f_set_mode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let v = args.pos().get(1).and_then(|v| v.as_str()).ok_or_else(|| type_error("mode must be str"))?;
    *f.mode_set.borrow_mut() = Some(v.to_owned());
    Ok(none())
}

/// `.buffer` of a standard text stream: a binary file on the same descriptor.
fn f_buffer(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let (backend, mode) = match &*f.backend.borrow() {
        FileBackend::Stdin => (FileBackend::Stdin, "rb"),
        FileBackend::Stdout => (FileBackend::Stdout, "wb"),
        FileBackend::Stderr => (FileBackend::Stderr, "wb"),
        _ => match &*f.buffer.borrow() {
            Some(b) => return Ok(b.clone()),
            None => return Err(crate::vm::errors::attribute_error("'TextIOWrapper' object has no attribute 'buffer'")),
        },
    };
    if let Some(b) = &*f.buffer.borrow() {
        return Ok(b.clone());
    }
    let b = new_file(backend, &f.name, mode, true);
    *f.buffer.borrow_mut() = Some(b.clone());
    Ok(b)
}

fn f_encoding(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str("utf-8"))
}

fn f_isatty(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let t = match &*f.backend.borrow() {
        FileBackend::Stdin => std::io::IsTerminal::is_terminal(&std::io::stdin()),
        FileBackend::Stdout => std::io::IsTerminal::is_terminal(&std::io::stdout()),
        FileBackend::Stderr => std::io::IsTerminal::is_terminal(&std::io::stderr()),
        _ => false,
    };
    Ok(py_bool(t))
}

fn f_fileno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let n = match &*f.backend.borrow() {
        FileBackend::Stdin => 0,
        FileBackend::Stdout => 1,
        FileBackend::Stderr => 2,
        FileBackend::Disk(d) => std::os::unix::io::AsRawFd::as_raw_fd(d) as i64,
        FileBackend::Memory(..) => return Err(unsupported("fileno")),
        FileBackend::Closed => return Err(value_error("I/O operation on closed file")),
    };
    Ok(crate::objects::int::new_int(n))
}

fn f_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let v = &args.pos()[0];
    let tn = crate::vm::protocol::type_short_name(v);
    if matches!(*f.backend.borrow(), FileBackend::Memory(..)) {
        return Ok(new_str(format!("<_io.{tn} object at {:#x}>", v.bits())));
    }
    let std_stream = matches!(*f.backend.borrow(), FileBackend::Stdin | FileBackend::Stdout | FileBackend::Stderr);
    let stdin = matches!(*f.backend.borrow(), FileBackend::Stdin);
    if f.binary && std_stream && !stdin && UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed) {
        // Under -u CPython's std buffers are the raw FileIO objects.
        return Ok(new_str(format!("<_io.FileIO name='{}' mode='{}' closefd=False>", f.name, f.mode)));
    }
    if f.binary {
        Ok(new_str(format!("<_io.{tn} name='{}'>", f.name)))
    } else {
        Ok(new_str(format!("<_io.{tn} name='{}' mode='{}' encoding='utf-8'>", f.name, f.mode)))
    }
}

/// The whole content of a memory file (`getvalue()`), including unread input.
pub fn memory_value(f: &PyFile) -> Option<Vec<u8>> {
    match &*f.backend.borrow() {
        FileBackend::Memory(data, _) => Some(data.clone()),
        _ => None,
    }
}

/// A new file object value.
pub fn new_file(backend: FileBackend, name: &str, mode: &str, binary: bool) -> Value {
    let ty = if !binary {
        &types().text_io
    } else if mode.contains('r') {
        &types().buffered_reader
    } else {
        &types().buffered_writer
    };
    layout::alloc(ty, PyFile::new(backend, name, mode, binary))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    for ty in [&t.text_io, &t.buffered_reader, &t.buffered_writer] {
        add_method(ty, "read", f_read);
        add_method(ty, "readline", f_readline);
        add_method(ty, "readlines", f_readlines);
        add_method(ty, "write", f_write);
        add_method(ty, "writelines", f_writelines);
        add_method(ty, "flush", f_flush);
        add_method(ty, "close", f_close);
        add_method(ty, "__enter__", f_enter);
        add_method(ty, "__exit__", f_exit);
        add_method(ty, "__iter__", f_iter);
        add_method(ty, "__next__", f_next);
        add_method(ty, "__repr__", f_repr);
        add_method(ty, "isatty", f_isatty);
        add_method(ty, "fileno", f_fileno);
        add_getter(ty, "closed", f_closed);
        crate::vm::startup::add_property(ty, "name", f_name, Some(f_set_name));
        crate::vm::startup::add_property(ty, "mode", f_mode, Some(f_set_mode));
        add_getter(ty, "encoding", f_encoding);
        ops::init(ty, ty.is(&t.text_io));
        if let Some(tp) = ty.as_type() {
            tp.dict.set_str(new_str("__module__"), new_str("_io"));
        }
        if ty.is(&t.text_io) {
            add_getter(ty, "buffer", f_buffer);
        }
    }
}

#[allow(dead_code)]
fn _k() -> Kind {
    Kind::File
}
