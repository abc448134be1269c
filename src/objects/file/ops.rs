//! Stream methods beyond read/write: seek/tell/truncate (memory and disk files, StringIO
//! positions counted in characters), readable/writable/seekable by mode, and the text
//! stream attributes `errors`, `line_buffering`, `write_through`.

use std::io::{Seek, SeekFrom};

use super::{FileBackend, PyFile, file_of, os_err, unsupported};
use crate::objects::int::{new_int, to_i64};
use crate::objects::str::new_str;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_getter, add_method};
use crate::vm::{Args, PyResult, Vm};

fn closed_check(f: &PyFile) -> PyResult<()> {
    if f.is_closed() {
        return Err(f.closed_error());
    }
    Ok(())
}

/// Byte offset of the `n`th character of UTF-8 `data` (clamped past the end: the rest are
/// counted as one byte each, the zero fill a seek beyond the end gets).
fn char_to_byte(data: &[u8], n: usize) -> usize {
    let mut chars = 0;
    for (i, &b) in data.iter().enumerate() {
        if b & 0xc0 != 0x80 {
            if chars == n {
                return i;
            }
            chars += 1;
        }
    }
    data.len() + (n - chars)
}

fn byte_to_char(data: &[u8], pos: usize) -> usize {
    let end = pos.min(data.len());
    data[..end].iter().filter(|&&b| b & 0xc0 != 0x80).count() + pos.saturating_sub(data.len())
}

impl PyFile {
    /// Drops read-ahead so the backend position is the logical one (before seeks/writes).
    pub fn sync_read_ahead(&self) -> PyResult<()> {
        let ahead = std::mem::take(&mut *self.rbuf.borrow_mut()).len();
        if ahead == 0 {
            return Ok(());
        }
        match &mut *self.backend.borrow_mut() {
            FileBackend::Memory(_, pos) => *pos -= ahead.min(*pos),
            FileBackend::Disk(f) => {
                f.seek(SeekFrom::Current(-(ahead as i64))).map_err(|e| os_err(&e, None))?;
            }
            _ => {}
        }
        Ok(())
    }

    /// The logical position in bytes.
    pub fn tell_bytes(&self) -> PyResult<u64> {
        let ahead = self.rbuf.borrow().len() as u64;
        let pending = self.wbuf.borrow().len() as u64;
        match &mut *self.backend.borrow_mut() {
            FileBackend::Memory(_, pos) => Ok(*pos as u64 - ahead),
            FileBackend::Disk(f) => {
                let p = f.stream_position().map_err(|e| os_err(&e, None))?;
                Ok(p + pending - ahead)
            }
            FileBackend::Closed => Err(self.closed_error()),
            _ => Err(PyErr::new(&crate::objects::registry::exc().os_error, "[Errno 29] Illegal seek")),
        }
    }
}

fn f_tell(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    closed_check(f)?;
    let p = f.tell_bytes()?;
    if !f.binary {
        if let FileBackend::Memory(data, _) = &*f.backend.borrow() {
            return Ok(new_int(byte_to_char(data, p as usize) as i64));
        }
    }
    Ok(new_int(p as i64))
}

fn f_seek(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let a = args.range("seek", 2, 3)?;
    closed_check(f)?;
    let Some(off) = to_i64(&a[1]) else {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::vm::protocol::type_name(&a[1])
        )));
    };
    let whence = match a.get(2) {
        Some(w) => to_i64(w).ok_or_else(|| type_error("an integer is required"))?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return Err(value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    f.flush().map_err(|e| os_err(&e, None))?;
    let logical = f.tell_bytes()?;
    f.sync_read_ahead()?;
    let text_memory = !f.binary && matches!(*f.backend.borrow(), FileBackend::Memory(..));
    if text_memory {
        if whence != 0 && off != 0 {
            return Err(PyErr::new(&crate::objects::registry::exc().os_error, "Can't do nonzero cur-relative seeks"));
        }
        if off < 0 {
            return Err(value_error(format!("Negative seek position {off}")));
        }
    }
    let mut b = f.backend.borrow_mut();
    match &mut *b {
        FileBackend::Memory(data, pos) => {
            let target = match (whence, text_memory) {
                (0, true) => char_to_byte(data, off as usize) as i64,
                (0, false) => off,
                (1, _) => logical as i64 + off,
                _ => data.len() as i64 + off,
            };
            if target < 0 {
                return Err(value_error(format!("negative seek value {target}")));
            }
            *pos = target as usize;
            let r = if text_memory { byte_to_char(data, *pos) } else { *pos };
            Ok(new_int(r as i64))
        }
        FileBackend::Disk(file) => {
            let sf = match whence {
                0 => {
                    if off < 0 {
                        return Err(value_error(format!("negative seek position {off}")));
                    }
                    SeekFrom::Start(off as u64)
                }
                1 => SeekFrom::Current(off),
                _ => SeekFrom::End(off),
            };
            let p = file.seek(sf).map_err(|e| os_err(&e, None))?;
            Ok(new_int(p as i64))
        }
        _ => Err(unsupported("seek")),
    }
}

fn f_truncate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let a = args.range("truncate", 1, 2)?;
    closed_check(f)?;
    f.flush().map_err(|e| os_err(&e, None))?;
    let logical = f.tell_bytes()?;
    f.sync_read_ahead()?;
    let text_memory = !f.binary && matches!(*f.backend.borrow(), FileBackend::Memory(..));
    let mut b = f.backend.borrow_mut();
    let size = match a.get(1).filter(|v| !v.is_none()) {
        Some(v) => {
            let n = to_i64(v).ok_or_else(|| type_error("an integer is required"))?;
            if n < 0 {
                return Err(value_error(format!("Negative size value {n}")));
            }
            Some(n as usize)
        }
        None => None,
    };
    match &mut *b {
        FileBackend::Memory(data, _) => {
            let (bytes, shown) = match size {
                Some(n) if text_memory => (char_to_byte(data, n), n),
                Some(n) => (n, n),
                None => (
                    logical as usize,
                    if text_memory { byte_to_char(data, logical as usize) } else { logical as usize },
                ),
            };
            if bytes < data.len() {
                data.truncate(bytes);
            }
            Ok(new_int(shown as i64))
        }
        FileBackend::Disk(file) => {
            let n = size.unwrap_or(logical as usize);
            file.set_len(n as u64).map_err(|e| os_err(&e, None))?;
            Ok(new_int(n as i64))
        }
        _ => Err(unsupported("truncate")),
    }
}

fn f_readable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    closed_check(f)?;
    Ok(py_bool(f.mode.contains('r') || f.mode.contains('+')))
}

fn f_writable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    closed_check(f)?;
    Ok(py_bool(f.mode.contains(['w', 'a', 'x', '+'])))
}

fn f_seekable(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    closed_check(f)?;
    Ok(py_bool(matches!(*f.backend.borrow(), FileBackend::Memory(..) | FileBackend::Disk(_))))
}

/// The error handler of the standard streams: PYTHONIOENCODING's, else `strict` under a
/// UTF-8 locale and `surrogateescape` under the C/POSIX locale; stderr always
/// `backslashreplace`.
pub fn stdio_errors() -> String {
    if let Ok(v) = std::env::var("PYTHONIOENCODING") {
        if let Some((_, e)) = v.split_once(':') {
            if !e.is_empty() {
                return e.to_owned();
            }
        }
        if !v.is_empty() {
            return "strict".into();
        }
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_else(|| "C".into());
    if locale == "C" || locale == "POSIX" { "surrogateescape".into() } else { "strict".into() }
}

fn f_errors(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let e = match &*f.backend.borrow() {
        FileBackend::Stderr => "backslashreplace".to_owned(),
        FileBackend::Stdin | FileBackend::Stdout => stdio_errors(),
        _ => "strict".to_owned(),
    };
    Ok(new_str(e))
}

fn f_line_buffering(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let unbuffered = super::UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed);
    let t = match &*f.backend.borrow() {
        FileBackend::Stdout => !unbuffered && std::io::IsTerminal::is_terminal(&std::io::stdout()),
        FileBackend::Stderr => !unbuffered && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        _ => false,
    };
    Ok(py_bool(t))
}

fn f_write_through(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = file_of(&args)?;
    let unbuffered = super::UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed);
    Ok(py_bool(unbuffered && matches!(*f.backend.borrow(), FileBackend::Stdout | FileBackend::Stderr)))
}

fn f_newlines(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    file_of(&args)?;
    Ok(none())
}

/// Registers the methods on one file type.
pub fn init(ty: &Value, text: bool) {
    add_method(ty, "tell", f_tell);
    add_method(ty, "seek", f_seek);
    add_method(ty, "truncate", f_truncate);
    add_method(ty, "readable", f_readable);
    add_method(ty, "writable", f_writable);
    add_method(ty, "seekable", f_seekable);
    if text {
        add_getter(ty, "errors", f_errors);
        add_getter(ty, "line_buffering", f_line_buffering);
        add_getter(ty, "write_through", f_write_through);
        add_getter(ty, "newlines", f_newlines);
    }
}
