//! The `marshal` module for data values (None, bools, ints, floats, complex numbers,
//! str, bytes-like, tuples, lists, dicts, sets, frozensets, Ellipsis, StopIteration) in
//! CPython's format, which `pstats`/`profile` import it for. Code objects are refused
//! ("unmarshallable object"): pylift's code objects are not CPython's bytecode. Reading
//! follows back-references (`TYPE_REF`); writing (version 3+) flags every object that
//! is not a singleton as referable and repeats shared ones by reference, which is what
//! CPython writes for objects it sees shared (it decides by reference count, so the
//! bytes may differ for values built at run time; any stream loads the same).

use num_bigint::{BigInt, Sign};

use crate::builtins::memoryview::buffer_bytes;
use crate::objects::bytes::new_bytes;
use crate::objects::complex::PyComplex;
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_bigint, new_int};
use crate::objects::list::new_list;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{ellipsis, none, py_bool, types};
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const VERSION: i64 = 4;
const FLAG_REF: u8 = 0x80;
const MAX_DEPTH: usize = 2000;

struct Writer {
    out: Vec<u8>,
    version: i64,
    /// Identities already written with FLAG_REF, by their index.
    refs: std::collections::HashMap<usize, u32>,
    depth: usize,
    /// References to the object being written that the writer holds itself: the caller's
    /// argument at the top, one more for an item copied out of its container.
    held: usize,
}

/// The interned string codes, always written as referable.
fn interned_code(code: u8) -> bool {
    matches!(code, b'Z' | b'A' | b't')
}

/// CPython interns string constants made of name characters only.
fn identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn unmarshallable() -> PyErr {
    value_error("unmarshallable object")
}

impl Writer {
    fn long(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable())?;
        self.long(n);
        Ok(())
    }

    /// `w_ref`: a repeated object becomes a reference; a new shared one is flagged.
    /// `self.held` references to `v` are the writer's own (its copies of items).
    fn reference(&mut self, v: &Value, code: u8) -> bool {
        if self.version < 3 || v.refcount() <= self.held && !interned_code(code) {
            self.out.push(code);
            return false;
        }
        if let Some(&i) = self.refs.get(&v.bits()) {
            self.out.push(b'r');
            self.long(i as i32);
            return true;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(v.bits(), i);
        self.out.push(code | FLAG_REF);
        false
    }

    fn object(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(value_error("object too deeply nested to marshal"));
        }
        let r = self.object_inner(vm, v);
        self.depth -= 1;
        r
    }

    /// An item copied out of a container (one more reference than it had in it).
    fn item(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let held = std::mem::replace(&mut self.held, 2);
        let r = self.object(vm, v);
        self.held = held;
        r
    }

    fn object_inner(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        let t = types();
        let ty = v.type_of();
        if v.is_none() {
            self.out.push(b'N');
        } else if v.is(&exc().stop_iteration) {
            self.out.push(b'S');
        } else if v.is(&ellipsis()) {
            self.out.push(b'.');
        } else if ty.is(&t.bool) {
            self.out.push(if vm.truthy(v)? { b'T' } else { b'F' });
        } else if ty.is(&t.int) {
            let b = int_val(v).map(|i| i.to_bigint()).unwrap_or_default();
            match i32::try_from(&b) {
                Ok(n) => {
                    if !self.reference(v, b'i') {
                        self.long(n);
                    }
                }
                Err(_) => {
                    if !self.reference(v, b'l') {
                        self.bigint(&b)?;
                    }
                }
            }
        } else if ty.is(&t.float) {
            if !self.reference(v, b'g') {
                let f = v.as_float().unwrap_or(0.0);
                self.out.extend_from_slice(&f.to_le_bytes());
            }
        } else if ty.is(&t.complex) {
            if !self.reference(v, b'y') {
                let c = v.payload::<PyComplex>().ok_or_else(unmarshallable)?;
                self.out.extend_from_slice(&c.re.to_le_bytes());
                self.out.extend_from_slice(&c.im.to_le_bytes());
            }
        } else if ty.is(&t.str) {
            let s = v.as_str().unwrap_or("");
            let ascii = s.is_ascii() && self.version >= 4;
            let code = match (ascii, s.len() < 256, identifier_like(s)) {
                (true, true, true) => b'Z',
                (true, true, false) => b'z',
                (true, false, true) => b'A',
                (true, false, false) => b'a',
                (false, _, true) if self.version >= 3 => b't',
                _ => b'u',
            };
            if !self.reference(v, code) {
                if code == b'z' || code == b'Z' {
                    self.out.push(s.len() as u8);
                } else {
                    self.size(s.len())?;
                }
                self.out.extend_from_slice(s.as_bytes());
            }
        } else if ty.is(&t.tuple) {
            let items = v.as_tuple().unwrap_or(&[]).to_vec();
            let small = items.len() < 256 && self.version >= 4;
            if !self.reference(v, if small { b')' } else { b'(' }) {
                if small {
                    self.out.push(items.len() as u8);
                } else {
                    self.size(items.len())?;
                }
                for i in &items {
                    self.item(vm, i)?;
                }
            }
        } else if ty.is(&t.list) {
            if !self.reference(v, b'[') {
                let items = vm.to_vec(v)?;
                self.size(items.len())?;
                for i in &items {
                    self.item(vm, i)?;
                }
            }
        } else if ty.is(&t.dict) {
            if !self.reference(v, b'{') {
                let items = v.payload::<PyDict>().map(|d| d.items()).unwrap_or_default();
                for (k, val) in &items {
                    self.item(vm, k)?;
                    self.item(vm, val)?;
                }
                self.out.push(b'0');
            }
        } else if ty.is(&t.set) || ty.is(&t.frozenset) {
            let code = if ty.is(&t.set) { b'<' } else { b'>' };
            if !self.reference(v, code) {
                let items = vm.to_vec(v)?;
                self.size(items.len())?;
                for i in &items {
                    self.item(vm, i)?;
                }
            }
        } else if let Some(b) = buffer_bytes(v) {
            if !self.reference(v, b's') {
                self.size(b.len())?;
                self.out.extend_from_slice(&b);
            }
        } else {
            return Err(unmarshallable());
        }
        Ok(())
    }

    /// `TYPE_LONG`: the signed count of 15-bit digits, then the digits, low first.
    fn bigint(&mut self, b: &BigInt) -> PyResult<()> {
        let (sign, mag) = b.to_u32_digits();
        let mut digits: Vec<u16> = Vec::new();
        let mut acc: u64 = 0;
        let mut bits = 0;
        for w in mag {
            acc |= (w as u64) << bits;
            bits += 32;
            while bits >= 15 {
                digits.push((acc & 0x7fff) as u16);
                acc >>= 15;
                bits -= 15;
            }
        }
        if bits > 0 {
            digits.push(acc as u16);
        }
        while digits.last() == Some(&0) {
            digits.pop();
        }
        let n = i32::try_from(digits.len()).map_err(|_| unmarshallable())?;
        self.long(if sign == Sign::Minus { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
        Ok(())
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn bad() -> PyErr {
    value_error("bad marshal data (unknown type code)")
}

fn eof() -> PyErr {
    PyErr::new(&exc().eof_error, "marshal data too short")
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> PyResult<&[u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len()).ok_or_else(eof)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn long(&mut self) -> PyResult<i32> {
        let b = self.bytes(4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn size(&mut self) -> PyResult<usize> {
        let n = self.long()?;
        usize::try_from(n).map_err(|_| value_error("bad marshal data (size out of range)"))
    }

    fn f64(&mut self) -> PyResult<f64> {
        let b = self.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }

    fn text(&mut self, n: usize) -> PyResult<Value> {
        let b = self.bytes(n)?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(new_str(s)),
            Err(_) => Err(value_error("bad marshal data (invalid utf-8)")),
        }
    }

    fn items(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            out.push(self.object(vm)?.ok_or_else(|| value_error("NULL object in marshal data for tuple"))?);
        }
        Ok(out)
    }

    /// One object; None for TYPE_NULL (the end of a dict).
    fn object(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(value_error("recursion limit exceeded"));
        }
        let r = self.object_inner(vm);
        self.depth -= 1;
        r
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(&code) = self.data.get(self.pos) else {
            return Err(PyErr::new(&exc().eof_error, "EOF read where object expected"));
        };
        self.pos += 1;
        let flagged = code & FLAG_REF != 0;
        let slot = flagged.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        });
        let v = match code & !FLAG_REF {
            b'0' => return Ok(None),
            b'N' => none(),
            b'F' => py_bool(false),
            b'T' => py_bool(true),
            b'S' => exc().stop_iteration.clone(),
            b'.' => ellipsis(),
            b'i' => new_int(self.long()? as i64),
            b'l' => {
                let n = self.long()?;
                let count = n.unsigned_abs() as usize;
                let mut b = BigInt::from(0);
                let raw = self.bytes(count.checked_mul(2).ok_or_else(eof)?)?.to_vec();
                for d in raw.chunks(2).rev() {
                    let d = u16::from_le_bytes([d[0], d[1]]);
                    if d > 0x7fff {
                        return Err(value_error("bad marshal data (digit out of range in long)"));
                    }
                    b = (b << 15) + d;
                }
                new_bigint(if n < 0 { -b } else { b })
            }
            b'g' => new_float(self.f64()?),
            b'y' => {
                let re = self.f64()?;
                let im = self.f64()?;
                crate::objects::complex::new_complex(re, im)
            }
            b's' => {
                let n = self.size()?;
                new_bytes(self.bytes(n)?.to_vec())
            }
            b'u' | b't' | b'a' | b'A' => {
                let n = self.size()?;
                self.text(n)?
            }
            b'z' | b'Z' => {
                let n = self.bytes(1)?[0] as usize;
                self.text(n)?
            }
            b'(' => {
                let n = self.size()?;
                new_tuple(self.items(vm, n)?)
            }
            b')' => {
                let n = self.bytes(1)?[0] as usize;
                new_tuple(self.items(vm, n)?)
            }
            b'[' => {
                let n = self.size()?;
                let l = new_list(Vec::new());
                if let Some(i) = slot {
                    self.refs[i] = Some(l.clone());
                }
                for item in self.items(vm, n)? {
                    vm.call_method(&l, "append", &[item])?;
                }
                l
            }
            b'{' => {
                let d = crate::vm::interp::new_dict();
                if let Some(i) = slot {
                    self.refs[i] = Some(d.clone());
                }
                while let Some(k) = self.object(vm)? {
                    let Some(val) = self.object(vm)? else { break };
                    vm.setitem(&d, &k, val)?;
                }
                d
            }
            c @ (b'<' | b'>') => {
                let n = self.size()?;
                let items = new_list(self.items(vm, n)?);
                let cls = if c == b'<' { types().set.clone() } else { types().frozenset.clone() };
                vm.call_pos(&cls, &[items])?
            }
            b'r' => {
                let i = self.size()?;
                return match self.refs.get(i).cloned().flatten() {
                    Some(v) => Ok(Some(v)),
                    None => Err(value_error("bad marshal data (invalid reference)")),
                };
            }
            _ => return Err(bad()),
        };
        if let Some(i) = slot {
            self.refs[i] = Some(v.clone());
        }
        Ok(Some(v))
    }
}

fn version_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        Some(v) => crate::builtins::posix::int_arg(vm, v),
        None => Ok(VERSION),
    }
}

fn dump_bytes(vm: &mut Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer { out: Vec::new(), version, refs: Default::default(), depth: 0, held: 1 };
    w.object(vm, v)?;
    Ok(w.out)
}

fn load_bytes(vm: &mut Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    let mut r = Reader { data, pos: 0, refs: Vec::new(), depth: 0 };
    let v = r.object(vm)?.ok_or_else(|| type_error("NULL object in marshal data for object"))?;
    Ok((v, r.pos))
}

/// `dumps(value, version=4)`.
fn m_dumps(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("dumps", 1, 2)?;
    let version = version_arg(vm, a.get(1))?;
    Ok(new_bytes(dump_bytes(vm, &a[0], version)?))
}

/// `loads(bytes)`: the first object (trailing bytes are ignored, as CPython does).
fn m_loads(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [data] = args.exact::<1>("loads")?;
    let b = buffer_bytes(data).ok_or_else(|| {
        type_error(format!("a bytes-like object is required, not '{}'", crate::vm::protocol::type_name(data)))
    })?;
    Ok(load_bytes(vm, &b)?.0)
}

/// `dump(value, file, version=4)`.
fn m_dump(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("dump", 2, 3)?;
    let version = version_arg(vm, a.get(2))?;
    let b = dump_bytes(vm, &a[0], version)?;
    vm.call_method(&a[1], "write", &[new_bytes(b)])?;
    Ok(none())
}

/// `load(file)`: reads the rest of the file, decodes one object, and seeks the file
/// back to just after it when it can.
fn m_load(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [file] = args.exact::<1>("load")?;
    let data = vm.call_method(file, "read", &[])?;
    let b = buffer_bytes(&data).ok_or_else(|| type_error("file.read() returned not bytes"))?;
    let (v, used) = load_bytes(vm, &b)?;
    if used < b.len() {
        vm.call_method(file, "seek", &[new_int(used as i64 - b.len() as i64), new_int(1)])?;
    }
    Ok(v)
}

pub fn register() {
    crate::vm::interp::register_native("marshal", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("marshal");
    let d = module_dict(&m);
    for (name, f) in [("dumps", m_dumps as crate::vm::NativeFn), ("loads", m_loads), ("dump", m_dump), ("load", m_load)]
    {
        add_function(&d, "marshal", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("version"), new_int(VERSION));
    }
    Ok(m)
}
