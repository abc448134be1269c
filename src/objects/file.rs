//! File objects returned by `open()` and used for `sys.stdin/stdout/stderr`.

use std::cell::RefCell;

use crate::objects::Trace;

pub enum FileBackend {
    Stdin,
    Stdout,
    Stderr,
    Disk(std::fs::File),
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
}
impl Trace for PyFile {}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
