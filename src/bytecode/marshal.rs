//! CPython's marshal format (Python/marshal.c, version 4), the serializer behind both the
//! `marshal` module and pylift's `.pyc` files (`bytecode::pyc`).
//!
//! Values are written as marshal.c writes them, byte for byte: one type byte (with
//! `FLAG_REF` when the object may be shared), then its payload; `TYPE_REF` points back at
//! an earlier flagged object. Code objects use a type code CPython does not have,
//! `TYPE_PYLIFT_CODE` (`'P'`), with pylift's own record (`marshal/code.rs`): CPython's
//! `'c'` records hold CPython bytecode, which pylift cannot run.

mod code;
mod read;
mod write;

pub use read::{Loaded, loads};
pub use write::{WriteError, dumps};

/// The newest format version (`marshal.version`).
pub const VERSION: i32 = 4;

pub(crate) const TYPE_NULL: u8 = b'0';
pub(crate) const TYPE_NONE: u8 = b'N';
pub(crate) const TYPE_FALSE: u8 = b'F';
pub(crate) const TYPE_TRUE: u8 = b'T';
pub(crate) const TYPE_STOPITER: u8 = b'S';
pub(crate) const TYPE_ELLIPSIS: u8 = b'.';
pub(crate) const TYPE_INT: u8 = b'i';
/// Written by no current CPython, still read.
pub(crate) const TYPE_INT64: u8 = b'I';
pub(crate) const TYPE_FLOAT: u8 = b'f';
pub(crate) const TYPE_BINARY_FLOAT: u8 = b'g';
pub(crate) const TYPE_COMPLEX: u8 = b'x';
pub(crate) const TYPE_BINARY_COMPLEX: u8 = b'y';
pub(crate) const TYPE_LONG: u8 = b'l';
pub(crate) const TYPE_STRING: u8 = b's';
pub(crate) const TYPE_INTERNED: u8 = b't';
pub(crate) const TYPE_REF: u8 = b'r';
pub(crate) const TYPE_TUPLE: u8 = b'(';
pub(crate) const TYPE_LIST: u8 = b'[';
pub(crate) const TYPE_DICT: u8 = b'{';
pub(crate) const TYPE_UNICODE: u8 = b'u';
pub(crate) const TYPE_SET: u8 = b'<';
pub(crate) const TYPE_FROZENSET: u8 = b'>';
pub(crate) const TYPE_ASCII: u8 = b'a';
pub(crate) const TYPE_ASCII_INTERNED: u8 = b'A';
pub(crate) const TYPE_SMALL_TUPLE: u8 = b')';
pub(crate) const TYPE_SHORT_ASCII: u8 = b'z';
pub(crate) const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
/// A CPython code object: refused (its bytecode is not pylift's).
pub(crate) const TYPE_CPYTHON_CODE: u8 = b'c';
/// A pylift code object (not a CPython type code; see `marshal/code.rs`).
pub(crate) const TYPE_PYLIFT_CODE: u8 = b'P';
pub(crate) const FLAG_REF: u8 = 0x80;

/// marshal.c's `MAX_MARSHAL_STACK_DEPTH`: nesting deeper than this is refused both ways.
pub(crate) const MAX_DEPTH: u32 = 2000;

/// Digits of a `TYPE_LONG` are base 2**15 (`PyLong_MARSHAL_SHIFT`).
pub(crate) const LONG_SHIFT: u32 = 15;

/// The fingerprint of this build's compiler and bytecode sources (`build.rs`): every
/// marshalled code object carries it, so a different build's code is refused, never run.
pub fn build_hash() -> u64 {
    u64::from_str_radix(env!("PYLIFT_BYTECODE_HASH"), 16).unwrap_or(0)
}
