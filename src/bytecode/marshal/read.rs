//! Marshal bytes → value, as marshal.c's `r_object` reads them, with its errors
//! (`EOFError` for data that ends early, `ValueError: bad marshal data (...)` otherwise).

use num_bigint::{BigInt, BigUint, Sign};

use super::*;
use crate::objects::bytes::new_bytes;
use crate::objects::complex::new_complex;
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int};
use crate::objects::list::{PyList, new_list};
use crate::objects::registry::exc;
use crate::objects::set::{PySet, SetTable, new_frozenset_from_table, new_set};
use crate::objects::str::{intern, new_str};
use crate::objects::tuple::new_tuple;
use crate::objects::{ellipsis, none, py_bool};
use crate::values::Value;
use crate::vm::errors::PyErr;
use crate::vm::{PyResult, Vm};

/// A value read from the front of some bytes, and how many bytes it took.
pub struct Loaded {
    pub value: Value,
    pub consumed: usize,
}

/// `marshal.loads(data)`; with `filename`, every code object read gets that `co_filename`
/// (a cached module moved or reached by another path, as CPython's `_fix_co_filename`).
pub fn loads(vm: &mut Vm, data: &[u8], filename: Option<Value>) -> PyResult<Loaded> {
    let mut r = Reader { vm, data, pos: 0, refs: Vec::new(), depth: 0, in_code: false, filename };
    let v = r.object_or_null()?;
    let Some(value) = v else {
        return Err(PyErr::new(&exc().type_error, "NULL object in marshal data for object"));
    };
    Ok(Loaded { value, consumed: r.pos })
}

pub(super) struct Reader<'a, 'd> {
    vm: &'a mut Vm,
    pub(super) data: &'d [u8],
    pub(super) pos: usize,
    /// Flagged objects in reading order; `None` while a tuple or code object that
    /// reserved its slot is still being read.
    refs: Vec<Option<Value>>,
    depth: u32,
    /// Inside a code object's body, whose checksum was already verified.
    pub(super) in_code: bool,
    pub(super) filename: Option<Value>,
}

/// Constructors for the reader's errors.
pub(super) struct ReadError;

impl ReadError {
    pub(super) fn short() -> PyErr {
        PyErr::new(&exc().eof_error, "marshal data too short")
    }
    pub(super) fn bad(what: &str) -> PyErr {
        PyErr::new(&exc().value_error, format!("bad marshal data ({what})"))
    }
}

impl Reader<'_, '_> {
    pub(super) fn take(&mut self, n: usize) -> PyResult<&[u8]> {
        if self.data.len() - self.pos < n {
            return Err(ReadError::short());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub(super) fn byte(&mut self) -> PyResult<u8> {
        Ok(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> PyResult<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap_or_default()))
    }
    pub(super) fn i32(&mut self) -> PyResult<i32> {
        Ok(self.u32()? as i32)
    }
    fn f64(&mut self) -> PyResult<f64> {
        Ok(f64::from_le_bytes(self.take(8)?.try_into().unwrap_or_default()))
    }
    /// A length that must fit in the rest of the data (`what`: marshal.c's wording).
    fn size(&mut self, what: &str) -> PyResult<usize> {
        let n = self.i32()?;
        if n < 0 {
            return Err(ReadError::bad(&format!("{what} size out of range")));
        }
        Ok(n as usize)
    }

    /// A value; `TYPE_NULL` where a value is required is `TypeError`, as in marshal.c.
    pub(super) fn object(&mut self) -> PyResult<Value> {
        self.object_in("object")
    }

    fn object_in(&mut self, container: &str) -> PyResult<Value> {
        match self.object_or_null()? {
            Some(v) => Ok(v),
            None => Err(PyErr::new(&exc().type_error, format!("NULL object in marshal data for {container}"))),
        }
    }

    fn object_or_null(&mut self) -> PyResult<Option<Value>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(PyErr::new(&exc().value_error, "recursion limit exceeded"));
        }
        let r = self.object_inner();
        self.depth -= 1;
        r
    }

    fn keep(&mut self, flag: bool, v: Value) -> Value {
        if flag {
            self.refs.push(Some(v.clone()));
        }
        v
    }

    fn reserve(&mut self, flag: bool) -> Option<usize> {
        flag.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        })
    }

    fn fill(&mut self, slot: Option<usize>, v: Value) -> Value {
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        v
    }

    fn object_inner(&mut self) -> PyResult<Option<Value>> {
        if self.pos >= self.data.len() {
            return Err(PyErr::new(&exc().eof_error, "EOF read where object expected"));
        }
        let code = self.byte()?;
        let flag = code & FLAG_REF != 0;
        let v = match code & !FLAG_REF {
            TYPE_NULL => return Ok(None),
            TYPE_NONE => none(),
            TYPE_STOPITER => exc().stop_iteration.clone(),
            TYPE_ELLIPSIS => ellipsis(),
            TYPE_FALSE => py_bool(false),
            TYPE_TRUE => py_bool(true),
            TYPE_INT => {
                let x = self.i32()?;
                self.keep(flag, new_int(x as i64))
            }
            TYPE_INT64 => {
                let x = i64::from_le_bytes(self.take(8)?.try_into().unwrap_or_default());
                self.keep(flag, new_int(x))
            }
            TYPE_LONG => {
                let v = self.long()?;
                self.keep(flag, v)
            }
            TYPE_FLOAT => {
                let f = self.float_str()?;
                self.keep(flag, new_float(f))
            }
            TYPE_BINARY_FLOAT => {
                let f = self.f64()?;
                self.keep(flag, new_float(f))
            }
            TYPE_COMPLEX => {
                let (re, im) = (self.float_str()?, self.float_str()?);
                self.keep(flag, new_complex(re, im))
            }
            TYPE_BINARY_COMPLEX => {
                let (re, im) = (self.f64()?, self.f64()?);
                self.keep(flag, new_complex(re, im))
            }
            TYPE_STRING => {
                let n = self.size("bytes object")?;
                let b = self.take(n)?.to_vec();
                self.keep(flag, new_bytes(b))
            }
            TYPE_UNICODE | TYPE_INTERNED => {
                let n = self.size("string")?;
                let b = self.take(n)?;
                let s = match std::str::from_utf8(b) {
                    Ok(s) => s.to_owned(),
                    Err(_) => {
                        let b = b.to_vec();
                        return Err(crate::objects::bytes::decode(&b, "utf-8", "strict")
                            .err()
                            .unwrap_or_else(|| ReadError::bad("string is not UTF-8")));
                    }
                };
                let v = if code & !FLAG_REF == TYPE_INTERNED { intern(&s) } else { new_str(s) };
                self.keep(flag, v)
            }
            TYPE_ASCII | TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED => {
                let ty = code & !FLAG_REF;
                let n = if matches!(ty, TYPE_SHORT_ASCII | TYPE_SHORT_ASCII_INTERNED) {
                    self.byte()? as usize
                } else {
                    self.size("string")?
                };
                // Bytes are code points (marshal.c builds a 1-byte-kind string).
                let s: String = self.take(n)?.iter().map(|&b| b as char).collect();
                let v =
                    if matches!(ty, TYPE_ASCII_INTERNED | TYPE_SHORT_ASCII_INTERNED) { intern(&s) } else { new_str(s) };
                self.keep(flag, v)
            }
            TYPE_SMALL_TUPLE | TYPE_TUPLE => {
                let n = if code & !FLAG_REF == TYPE_SMALL_TUPLE { self.byte()? as usize } else { self.size("tuple")? };
                let slot = self.reserve(flag);
                let mut items = Vec::with_capacity(n.min(self.data.len() - self.pos));
                for _ in 0..n {
                    items.push(self.object_in("tuple")?);
                }
                self.fill(slot, new_tuple(items))
            }
            TYPE_LIST => {
                let n = self.size("list")?;
                let l = self.keep(flag, new_list(Vec::with_capacity(n.min(self.data.len() - self.pos))));
                for _ in 0..n {
                    let x = self.object_in("list")?;
                    if let Some(p) = l.payload::<PyList>() {
                        p.0.borrow_mut().push(x);
                    }
                }
                l
            }
            TYPE_DICT => {
                let d = self.keep(flag, crate::objects::dict::methods::new_dict());
                loop {
                    let Some(k) = self.object_or_null()? else { break };
                    let Some(v) = self.object_or_null()? else { break };
                    if let Some(p) = d.payload::<PyDict>() {
                        p.set(self.vm, k, v)?;
                    }
                }
                d
            }
            TYPE_SET => {
                let n = self.size("set")?;
                let s = self.keep(flag, new_set());
                for _ in 0..n {
                    let x = self.object_in("set")?;
                    if let Some(p) = s.payload::<PySet>() {
                        p.add(self.vm, x)?;
                    }
                }
                s
            }
            TYPE_FROZENSET => {
                let n = self.size("set")?;
                let slot = self.reserve(flag);
                let table = PySet::from_table(SetTable::default());
                for _ in 0..n {
                    let x = self.object_in("set")?;
                    table.add(self.vm, x)?;
                }
                let t = std::mem::take(&mut *table.t.borrow_mut());
                self.fill(slot, new_frozenset_from_table(t))
            }
            TYPE_REF => {
                let n = self.i32()?;
                match usize::try_from(n).ok().and_then(|i| self.refs.get(i)).cloned().flatten() {
                    Some(v) => v,
                    None => return Err(ReadError::bad("invalid reference")),
                }
            }
            TYPE_PYLIFT_CODE => {
                let slot = self.reserve(flag);
                let c = self.code()?;
                self.fill(slot, c)
            }
            TYPE_CPYTHON_CODE => {
                // CPython's record starts with its argument count: cut short, the same
                // EOFError as CPython's; whole, bytecode pylift cannot run.
                self.take(4)?;
                return Err(ReadError::bad("CPython code object"));
            }
            _ => return Err(ReadError::bad("unknown type code")),
        };
        Ok(Some(v))
    }

    fn long(&mut self) -> PyResult<Value> {
        let n = self.i32()?;
        if n.unsigned_abs() > (i32::MAX as u32) / 2 {
            return Err(ReadError::bad("long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        if count == 0 {
            return Ok(new_int(0));
        }
        let mut digits = Vec::with_capacity(count);
        for _ in 0..count {
            let d = u16::from_le_bytes(self.take(2)?.try_into().unwrap_or_default());
            if d >> LONG_SHIFT != 0 {
                return Err(ReadError::bad("digit out of range in long"));
            }
            digits.push(d);
        }
        if digits.last() == Some(&0) {
            return Err(ReadError::bad("unnormalized long data"));
        }
        let mut m = BigUint::default();
        for &d in digits.iter().rev() {
            m = (m << LONG_SHIFT as usize) + BigUint::from(d);
        }
        let sign = if n < 0 { Sign::Minus } else { Sign::Plus };
        Ok(new_bigint(BigInt::from_biguint(sign, m)))
    }

    /// A version 0/1 float: length byte, then its text.
    fn float_str(&mut self) -> PyResult<f64> {
        let n = self.byte()? as usize;
        let text: String = self.take(n)?.iter().map(|&b| b as char).collect();
        crate::objects::float::parse_float(&text).ok_or_else(|| {
            PyErr::new(
                &exc().value_error,
                format!("could not convert string to float: {}", crate::objects::str::repr::repr_str(&text)),
            )
        })
    }
}
