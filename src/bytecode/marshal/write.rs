//! Value → marshal bytes, as marshal.c's `w_object` writes them (same type codes, same
//! `FLAG_REF`/`TYPE_REF` choices), so `marshal.dumps` matches CPython's bytes.

use std::collections::HashMap;

use num_traits::{Signed, ToPrimitive, Zero};

use super::*;
use crate::objects::bytes::{PyByteArray, PyBytes};
use crate::objects::complex::PyComplex;
use crate::objects::dict::PyDict;
use crate::objects::float::PyFloat;
use crate::objects::format_spec::{FloatFlags, float_to_string};
use crate::objects::int::{PyBool, PyInt};
use crate::objects::list::PyList;
use crate::objects::registry::exc;
use crate::objects::set::{PyFrozenSet, PySet};
use crate::objects::str::PyStr;
use crate::objects::tuple::PyTuple;
use crate::values::Value;

/// Why a value could not be written (both are `ValueError`s in `marshal.dumps`).
#[derive(Debug, PartialEq, Eq)]
pub enum WriteError {
    Unmarshallable,
    TooDeep,
}

impl WriteError {
    pub fn message(&self) -> &'static str {
        match self {
            WriteError::Unmarshallable => "unmarshallable object",
            WriteError::TooDeep => "object too deeply nested to marshal",
        }
    }
}

/// `marshal.dumps(v, version)`.
pub fn dumps(v: &Value, version: i32) -> Result<Vec<u8>, WriteError> {
    let mut w = Writer { out: Vec::new(), version, refs: HashMap::new(), depth: 0 };
    w.object(v)?;
    Ok(w.out)
}

pub(super) struct Writer {
    pub(super) out: Vec<u8>,
    version: i32,
    /// Flagged objects by identity (the value word: a pointer, or an inline int, whose
    /// tag bit keeps it apart from pointers) → their index for `TYPE_REF`.
    refs: HashMap<usize, u32>,
    depth: u32,
}

impl Writer {
    pub(super) fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    pub(super) fn u32(&mut self, x: u32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    pub(super) fn i32(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }
    fn pstring(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.out.extend_from_slice(b);
    }
    fn short_pstring(&mut self, b: &[u8]) {
        self.byte(b.len() as u8);
        self.out.extend_from_slice(b);
    }

    pub(super) fn object(&mut self, v: &Value) -> Result<(), WriteError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(WriteError::TooDeep);
        }
        let r = self.object_inner(v);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, v: &Value) -> Result<(), WriteError> {
        if v.is_none() {
            self.byte(TYPE_NONE);
        } else if v.is(&exc().stop_iteration) {
            self.byte(TYPE_STOPITER);
        } else if v.is(&crate::objects::ellipsis()) {
            self.byte(TYPE_ELLIPSIS);
        } else if let Some(b) = v.payload::<PyBool>() {
            self.byte(if b.0 { TYPE_TRUE } else { TYPE_FALSE });
        } else if let Some(flag) = self.reference(v) {
            self.complex_object(v, flag)?;
        }
        Ok(())
    }

    /// marshal.c's `w_ref`: `None` when a `TYPE_REF` to an earlier copy was written, else
    /// the flag for the object's type byte. Objects with a single reference cannot be
    /// shared and get no flag, except interned strings (so `.pyc` files stay stable).
    /// pylift's inline ints have no count: they are flagged, as CPython's small ints and
    /// literal constants are.
    fn reference(&mut self, v: &Value) -> Option<u8> {
        if self.version < 3 {
            return Some(0);
        }
        let interned = v.payload::<PyStr>().is_some() && crate::objects::str::is_interned(v);
        if !v.is_small() && v.refcount() <= 1 && !interned {
            return Some(0);
        }
        if let Some(&i) = self.refs.get(&v.bits()) {
            self.byte(TYPE_REF);
            self.u32(i);
            return None;
        }
        let n = self.refs.len() as u32;
        self.refs.insert(v.bits(), n);
        Some(FLAG_REF)
    }

    fn complex_object(&mut self, v: &Value, flag: u8) -> Result<(), WriteError> {
        if let Some(i) = v.as_small() {
            self.int(i, flag);
        } else if let Some(i) = v.payload::<PyInt>() {
            match i.0.to_i64() {
                Some(x) => self.int(x, flag),
                None => self.long(&i.0, flag),
            }
        } else if let Some(f) = v.payload::<PyFloat>() {
            if self.version > 1 {
                self.byte(TYPE_BINARY_FLOAT | flag);
                self.out.extend_from_slice(&f.0.to_le_bytes());
            } else {
                self.byte(TYPE_FLOAT | flag);
                self.float_str(f.0);
            }
        } else if let Some(c) = v.payload::<PyComplex>() {
            if self.version > 1 {
                self.byte(TYPE_BINARY_COMPLEX | flag);
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            } else {
                self.byte(TYPE_COMPLEX | flag);
                self.float_str(c.re);
                self.float_str(c.im);
            }
        } else if let Some(s) = v.payload::<PyStr>() {
            self.str(v, s.as_str(), flag);
        } else if let Some(t) = v.payload::<PyTuple>() {
            let n = t.0.len();
            if self.version >= 4 && n < 256 {
                self.byte(TYPE_SMALL_TUPLE | flag);
                self.byte(n as u8);
            } else {
                self.byte(TYPE_TUPLE | flag);
                self.u32(n as u32);
            }
            for x in t.0.iter() {
                self.object(x)?;
            }
        } else if let Some(l) = v.payload::<PyList>() {
            let items = l.0.borrow();
            self.byte(TYPE_LIST | flag);
            self.u32(items.len() as u32);
            for x in items.iter() {
                self.object(x)?;
            }
        } else if let Some(d) = v.payload::<PyDict>() {
            self.byte(TYPE_DICT | flag);
            let t = d.table();
            for e in t.iter() {
                self.object(&e.key)?;
                self.object(&e.value)?;
            }
            self.byte(TYPE_NULL);
        } else if let Some(s) = v.payload::<PySet>() {
            self.set(TYPE_SET | flag, s)?;
        } else if let Some(s) = v.payload::<PyFrozenSet>() {
            self.set(TYPE_FROZENSET | flag, &s.s)?;
        } else if let Some(b) = v.payload::<PyBytes>() {
            self.byte(TYPE_STRING | flag);
            self.pstring(&b.0);
        } else if let Some(b) = v.payload::<PyByteArray>() {
            let b = b.0.borrow().clone();
            self.byte(TYPE_STRING | flag);
            self.pstring(&b);
        } else if let Some(c) = v.payload::<crate::bytecode::Code>() {
            self.byte(TYPE_PYLIFT_CODE | flag);
            self.code(c)?;
        } else {
            return Err(WriteError::Unmarshallable);
        }
        Ok(())
    }

    fn int(&mut self, x: i64, flag: u8) {
        match i32::try_from(x) {
            Ok(x) => {
                self.byte(TYPE_INT | flag);
                self.i32(x);
            }
            Err(_) => self.long(&num_bigint::BigInt::from(x), flag),
        }
    }

    /// `TYPE_LONG`: the digit count (negative for a negative number), then the magnitude
    /// in base 2**15, least significant digit first.
    fn long(&mut self, x: &num_bigint::BigInt, flag: u8) {
        self.byte(TYPE_LONG | flag);
        let mut digits: Vec<u16> = Vec::new();
        let mut m = x.abs().to_biguint().unwrap_or_default();
        let mask = num_bigint::BigUint::from((1u32 << LONG_SHIFT) - 1);
        while !m.is_zero() {
            digits.push((&m & &mask).to_u16().unwrap_or(0));
            m >>= LONG_SHIFT as usize;
        }
        let n = digits.len() as i32;
        self.i32(if x.is_negative() { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    /// Version 0/1 floats: `repr`-style text with 17 significant digits, length-prefixed.
    fn float_str(&mut self, f: f64) {
        let s = float_to_string(f, 'g', 17, FloatFlags::default());
        self.short_pstring(s.as_bytes());
    }

    fn str(&mut self, v: &Value, s: &str, flag: u8) {
        let interned = crate::objects::str::is_interned(v);
        if self.version >= 4 && s.is_ascii() {
            if s.len() < 256 {
                self.byte(if interned { TYPE_SHORT_ASCII_INTERNED } else { TYPE_SHORT_ASCII } | flag);
                self.short_pstring(s.as_bytes());
            } else {
                self.byte(if interned { TYPE_ASCII_INTERNED } else { TYPE_ASCII } | flag);
                self.pstring(s.as_bytes());
            }
        } else {
            let ty = if self.version >= 3 && interned { TYPE_INTERNED } else { TYPE_UNICODE };
            self.byte(ty | flag);
            self.pstring(s.as_bytes());
        }
    }

    fn set(&mut self, ty: u8, s: &PySet) -> Result<(), WriteError> {
        self.byte(ty);
        self.u32(s.len() as u32);
        let t = s.t.borrow();
        for (_, k) in t.entries() {
            self.object(k)?;
        }
        Ok(())
    }
}
