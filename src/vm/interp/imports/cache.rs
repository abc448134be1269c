//! The bytecode cache of imported source files, as CPython's `SourceLoader.get_code`: the
//! code object comes from the module's `.pyc` (`bytecode::pyc`) when its header matches
//! the source's mtime and size, else the source is compiled and the `.pyc` written,
//! unless `sys.dont_write_bytecode`. Any failure to read, validate or write a `.pyc` falls
//! back to compiling, silently: the cache changes speed, never behaviour. The frozen
//! modules compiled at every start-up (the importlib bootstrap) are cached too, keyed by
//! a hash of their source.

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
    /// makes it on a miss. A hash-based `.pyc` (py_compile's `--invalidation-mode`) is
    /// checked against the source's hash when it asks for it (or `--check-hash-based-pycs
    /// always`), and stays hash-based when rewritten, as in CPython.
    pub(super) fn cached_source_code(
        &mut self,
        path: &str,
        compile: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let Some((mtime, size)) = source_stamp(path) else { return compile(self) };
        let cpath = crate::builtins::imp::cache_from_source(self, path, None);
        let existing = std::fs::read(&cpath).ok();
        let mut header = pyc::header(mtime, size);
        if let Some(flags) = existing.as_deref().and_then(pyc::hash_based_flags) {
            let check = match self.config.check_hash_based_pycs.as_str() {
                "always" => true,
                "never" => false,
                _ => flags & pyc::CHECK_SOURCE != 0,
            };
            let hash = match std::fs::read(path) {
                Ok(src) => pyc::source_hash(&src),
                Err(_) => return compile(self),
            };
            header = pyc::header_hashed(hash, flags & pyc::CHECK_SOURCE != 0);
            if !check {
                // Trusted as it is: only its magic and flags must match (a rewrite still
                // records the source's hash).
                let mut trusted = header;
                if let Some(stored) = existing.as_deref().and_then(|d| d.get(8..16)) {
                    trusted[8..16].copy_from_slice(stored);
                }
                if let Some(code) = self.load_pyc(existing.as_deref(), &trusted, path) {
                    return Ok(code);
                }
            }
        }
        self.cached_code(&cpath, existing, header, path, path, compile)
    }

    /// The code in `.pyc` contents `data` if they start with `header`; its code objects
    /// get `filename`.
    fn load_pyc(&mut self, data: Option<&[u8]>, header: &[u8; 16], filename: &str) -> Option<Value> {
        let body = pyc::body(data?, header)?;
        let l = marshal::loads(self, body, Some(new_str(filename))).ok()?;
        (l.value.kind() == Kind::Code).then_some(l.value)
    }

    /// The code of frozen module `name` (its source `src` is in the binary): cached as
    /// `lib/.../__pycache__/<stem>.pylift-311.pyc` when its source file `disk_path` is on
    /// disk, validated by a hash of `src` (CPython's hash-based `.pyc`), since the binary's
    /// copy is what runs whatever the file now holds.
    pub(super) fn cached_frozen_code(
        &mut self,
        disk_path: &str,
        name: &str,
        src: &str,
        compile: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        if !std::path::Path::new(disk_path).is_file() {
            return compile(self);
        }
        let cpath = crate::builtins::imp::cache_from_source(self, disk_path, None);
        let header = pyc::header_hashed(pyc::source_hash(src.as_bytes()), true);
        let existing = std::fs::read(&cpath).ok();
        self.cached_code(&cpath, existing, header, &format!("<frozen {name}>"), disk_path, compile)
    }

    /// The code in `existing`, the contents of `.pyc` file `cpath`, if it starts with
    /// `header` (its code objects get `filename`), else `compile`'s, written to `cpath`
    /// unless `sys.dont_write_bytecode`. `source`: the file whose permission bits the
    /// `.pyc` takes.
    fn cached_code(
        &mut self,
        cpath: &str,
        existing: Option<Vec<u8>>,
        header: [u8; 16],
        filename: &str,
        source: &str,
        compile: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        if let Some(code) = self.load_pyc(existing.as_deref(), &header, filename) {
            return Ok(code);
        }
        let code = compile(self)?;
        if !self.dont_write_bytecode() {
            if let Ok(body) = marshal::dumps(&code, marshal::VERSION) {
                let mut data = header.to_vec();
                data.extend_from_slice(&body);
                write_atomic(cpath, &data, source);
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
