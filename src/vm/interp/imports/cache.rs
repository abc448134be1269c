//! The bytecode cache of imported source files, as CPython's `SourceLoader.get_code`: the
//! code object comes from the module's `.pyc` (`bytecode::pyc`) when its header matches
//! the source's mtime and size, else the source is compiled and the `.pyc` written,
//! unless `sys.dont_write_bytecode`. Any failure to read, validate or write a `.pyc` falls
//! back to compiling, silently: the cache changes speed, never behaviour.

use std::io::Write as _;
use std::sync::atomic::{AtomicU32, Ordering};

use super::dict_get;
use crate::bytecode::{marshal, pyc};
use crate::objects::str::new_str;
use crate::values::{Kind, Value};
use crate::vm::startup::module_dict;
use crate::vm::{PyResult, Vm};

/// Source mtime (whole seconds, as CPython keeps it) and size, if the file can be stat'ed.
fn source_stamp(path: &str) -> Option<(u64, u64)> {
    let m = std::fs::metadata(path).ok()?;
    let mtime = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some((mtime, m.len()))
}

impl Vm {
    /// The code object of the source file at `path` through the bytecode cache; `compile`
    /// makes it on a miss.
    pub(super) fn cached_source_code(
        &mut self,
        path: &str,
        compile: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let Some((mtime, size)) = source_stamp(path) else { return compile(self) };
        let cpath = crate::builtins::imp::cache_from_source(self, path, None);
        if let Ok(data) = std::fs::read(&cpath) {
            if let Some(body) = pyc::body(&data, mtime, size) {
                if let Ok(l) = marshal::loads(self, body, Some(new_str(path))) {
                    if l.value.kind() == Kind::Code {
                        return Ok(l.value);
                    }
                }
            }
        }
        let code = compile(self)?;
        if !self.dont_write_bytecode() {
            if let Ok(body) = marshal::dumps(&code, marshal::VERSION) {
                let mut data = pyc::header(mtime, size).to_vec();
                data.extend_from_slice(&body);
                write_atomic(&cpath, &data, path);
            }
        }
        Ok(code)
    }

    /// `sys.dont_write_bytecode` (`-B`, `PYTHONDONTWRITEBYTECODE`), read at each import as
    /// a program may change it.
    fn dont_write_bytecode(&mut self) -> bool {
        match dict_get(&module_dict(&self.sys), "dont_write_bytecode") {
            Some(v) => self.truthy(&v).unwrap_or(true),
            None => false,
        }
    }
}

/// Writes `data` to `path` through a temporary file renamed over it, so a concurrent
/// reader sees the old file or the new one, never half of one (CPython's `_write_atomic`).
/// Missing directories are created; the file gets the source's permission bits, owner
/// write added. Errors (a read-only directory...) leave nothing behind and are ignored.
fn write_atomic(path: &str, data: &[u8], source: &str) {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let Some(dir) = std::path::Path::new(path).parent() else { return };
    if !dir.as_os_str().is_empty() && std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let mode = std::fs::metadata(source).map(|m| m.permissions().mode() | 0o200).unwrap_or(0o644) & 0o666;
    let tmp = format!("{path}.{}.{}", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&tmp)
        .and_then(|mut f| f.write_all(data))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}
