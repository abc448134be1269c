//! `str`: immutable UTF-8 text with its length in code points cached, so indexing ASCII
//! strings is O(1).

use std::cell::Cell;

use crate::objects::{Trace, types};
use crate::values::{Value, layout};

pub struct PyStr {
    s: Box<str>,
    /// Length in code points (== bytes for ASCII).
    char_len: usize,
    /// Cached hash; `i64::MIN` until computed.
    hash: Cell<i64>,
}
impl Trace for PyStr {}

/// The hash of a string (also used for `bytes`); never -1, like CPython.
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// FNV-1a over the bytes, finished with a mixer; deterministic for the process.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51afd7ed558ccd);
    h ^= h >> 33;
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s: Box<str> = s.into();
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s, char_len, hash: Cell::new(i64::MIN) }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points (`len()`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != i64::MIN {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.set(h);
        h
    }
    /// The code point at index `i` (0 <= i < char_len).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() { self.s.as_bytes().get(i).map(|&b| b as char) } else { self.s.chars().nth(i) }
    }
}

/// A new `str` object.
pub fn new_str(s: impl Into<Box<str>>) -> Value {
    let s: Box<str> = s.into();
    if s.len() == 1 && s.is_ascii() {
        return super::registry::ascii_char(s.as_bytes()[0]);
    }
    layout::alloc(&types().str, PyStr::new(s))
}

impl Value {
    /// The text, if this is a `str` (or a subclass instance).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.downcast::<PyStr>().map(|s| s.as_str())
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {}
