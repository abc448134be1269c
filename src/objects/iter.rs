//! Iterators implemented in Rust (list/tuple/str/bytes/range iterators, enumerate, zip, map,
//! filter, reversed, the two-argument `iter`): one object kind behind a trait. Dict and set
//! iterators live beside their tables (`dict/iter.rs`, `set.rs`).

use std::cell::RefCell;

use num_bigint::BigInt;

use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::sequtil::{index_bigint, new_cls, this};
use crate::objects::str::PyStr;
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::{Trace, none, types};
use crate::values::Value;
use crate::vm::errors::{stop_iteration, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub trait NativeIter {
    /// The next item, or `None` when exhausted.
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>>;
    /// The next item without the VM (`Some(None)`: exhausted), for iterators whose step
    /// never runs Python code, which compiled loops step through a runtime helper;
    /// `None`: this iterator needs `next`.
    fn next_native(&mut self) -> Option<Option<Value>> {
        None
    }
    /// `__length_hint__`, when known.
    fn length_hint(&self) -> Option<usize> {
        None
    }
    fn trace(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// The iterator as `Any`, for native modules whose methods read their iterator's
    /// state (`itertools.count.__repr__`); `None` for the others.
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        None
    }
}

pub struct PyNativeIter(pub RefCell<Box<dyn NativeIter>>);
impl Trace for PyNativeIter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(it) = self.0.try_borrow() {
            it.trace(visit);
        }
    }
}

/// The iterator `iter()` makes for objects with only `__getitem__`.
struct SeqIter {
    seq: Option<Value>,
    index: i64,
}

impl NativeIter for SeqIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(seq) = self.seq.clone() else { return Ok(None) };
        let key = crate::objects::int::new_int(self.index);
        match vm.getitem(&seq, &key) {
            Ok(v) => {
                self.index += 1;
                Ok(Some(v))
            }
            Err(e)
                if e.matches(&crate::objects::registry::exc().index_error)
                    || e.matches(&crate::objects::registry::exc().stop_iteration) =>
            {
                self.seq = None;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.seq {
            visit(s);
        }
    }
}

/// Wraps a Rust iterator state as a Python iterator object of type `ty`.
pub fn new_native_iter(ty: &Value, it: Box<dyn NativeIter>) -> Value {
    crate::values::layout::alloc(ty, PyNativeIter(RefCell::new(it)))
}

pub fn seq_iter(seq: Value) -> PyResult {
    Ok(new_native_iter(&crate::objects::types().seq_iterator, Box::new(SeqIter { seq: Some(seq), index: 0 })))
}

/// `iter(list)`. `#[repr(C)]`: compiled loops step it in place (`seq_layout::native_iter`);
/// only `list_iterator` objects hold one.
#[repr(C)]
pub struct ListIter {
    pub list: Option<Value>,
    pub index: usize,
}
impl NativeIter for ListIter {
    #[inline]
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    #[inline]
    fn next_native(&mut self) -> Option<Option<Value>> {
        let Some(l) = &self.list else { return Some(None) };
        let item = l.downcast::<PyList>().and_then(|l| l.get(self.index));
        match item {
            Some(v) => {
                self.index += 1;
                Some(Some(v))
            }
            None => {
                self.list = None;
                Some(None)
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        let l = self.list.as_ref()?.downcast::<PyList>()?;
        Some(l.len().saturating_sub(self.index))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.list {
            visit(l);
        }
    }
}

/// `reversed(list)`.
pub struct ListRevIter {
    pub list: Option<Value>,
    pub index: i64,
}
impl NativeIter for ListRevIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(l) = &self.list else { return Ok(None) };
        if self.index >= 0 {
            if let Some(v) = l.downcast::<PyList>().and_then(|l| l.get(self.index as usize)) {
                self.index -= 1;
                return Ok(Some(v));
            }
        }
        self.list = None;
        Ok(None)
    }
    fn length_hint(&self) -> Option<usize> {
        let l = self.list.as_ref()?.downcast::<PyList>()?;
        Some(if self.index >= 0 && (self.index as usize) < l.len() { self.index as usize + 1 } else { 0 })
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.list {
            visit(l);
        }
    }
}

/// `iter(tuple)`.
pub struct TupleIter {
    pub tuple: Option<Value>,
    pub index: usize,
}
impl NativeIter for TupleIter {
    #[inline]
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    #[inline]
    fn next_native(&mut self) -> Option<Option<Value>> {
        let Some(t) = &self.tuple else { return Some(None) };
        match t.downcast::<PyTuple>().and_then(|t| t.0.get(self.index).cloned()) {
            Some(v) => {
                self.index += 1;
                Some(Some(v))
            }
            None => {
                self.tuple = None;
                Some(None)
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        Some(self.tuple.as_ref()?.as_tuple()?.len().saturating_sub(self.index))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.tuple {
            visit(l);
        }
    }
}

/// `reversed(tuple)` and `reversed(seq)` for sequences without `__reversed__`.
pub struct SeqRevIter {
    pub seq: Option<Value>,
    pub index: i64,
}
impl NativeIter for SeqRevIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(s) = self.seq.clone() else { return Ok(None) };
        if self.index < 0 {
            self.seq = None;
            return Ok(None);
        }
        if let Some(t) = s.payload::<PyTuple>() {
            let v = t.0.get(self.index as usize).cloned();
            self.index -= 1;
            return Ok(v);
        }
        match vm.getitem(&s, &new_int(self.index)) {
            Ok(v) => {
                self.index -= 1;
                Ok(Some(v))
            }
            Err(e)
                if e.matches(&crate::objects::registry::exc().index_error)
                    || e.matches(&crate::objects::registry::exc().stop_iteration) =>
            {
                self.seq = None;
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
    fn length_hint(&self) -> Option<usize> {
        self.seq.as_ref()?;
        Some((self.index + 1).max(0) as usize)
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.seq {
            visit(l);
        }
    }
}

/// `iter(str)`: one-character strings.
pub struct StrIter {
    pub s: Option<Value>,
    pub pos: usize,
    pub index: usize,
}
impl NativeIter for StrIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(sv) = &self.s else { return Ok(None) };
        let Some(ps) = sv.downcast::<PyStr>() else { return Ok(None) };
        let st = ps.as_str();
        match st.get(self.pos..).and_then(|r| r.chars().next()) {
            Some(c) => {
                self.pos += c.len_utf8();
                self.index += 1;
                Ok(Some(crate::objects::str::char_str(c)))
            }
            None => {
                self.s = None;
                Ok(None)
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        Some(self.s.as_ref()?.downcast::<PyStr>()?.char_len().saturating_sub(self.index))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.s {
            visit(l);
        }
    }
}

/// `iter(bytes)` / `iter(bytearray)`: ints.
pub struct BytesIter {
    pub b: Option<Value>,
    pub index: usize,
}
impl NativeIter for BytesIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(bv) = &self.b else { return Ok(None) };
        let item = if let Some(b) = bv.downcast::<crate::objects::bytes::PyBytes>() {
            b.0.get(self.index).copied()
        } else if let Some(b) = bv.downcast::<crate::objects::bytes::PyByteArray>() {
            b.0.borrow().get(self.index).copied()
        } else {
            None
        };
        match item {
            Some(x) => {
                self.index += 1;
                Ok(Some(Value::small(x as i64)))
            }
            None => {
                self.b = None;
                Ok(None)
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        let bv = self.b.as_ref()?;
        let n = if let Some(b) = bv.downcast::<crate::objects::bytes::PyBytes>() {
            b.0.len()
        } else {
            bv.downcast::<crate::objects::bytes::PyByteArray>()?.0.borrow().len()
        };
        Some(n.saturating_sub(self.index))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(l) = &self.b {
            visit(l);
        }
    }
}

/// `iter(range)` with machine-int bounds. `#[repr(C)]`: compiled loops step it in place
/// (`seq_layout::native_iter`); only `range_iterator` objects hold one.
#[repr(C)]
pub struct RangeIter {
    pub next: i64,
    pub step: i64,
    pub remaining: u64,
}
impl NativeIter for RangeIter {
    #[inline]
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    #[inline]
    fn next_native(&mut self) -> Option<Option<Value>> {
        if self.remaining == 0 {
            return Some(None);
        }
        let v = self.next;
        self.remaining -= 1;
        self.next = self.next.wrapping_add(self.step);
        Some(Some(new_int(v)))
    }
    fn length_hint(&self) -> Option<usize> {
        Some(self.remaining as usize)
    }
}

/// `iter(range)` with big-int bounds.
pub struct LongRangeIter {
    pub next: BigInt,
    pub step: BigInt,
    pub remaining: BigInt,
}
impl NativeIter for LongRangeIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.remaining <= BigInt::from(0) {
            return Ok(None);
        }
        let v = self.next.clone();
        self.remaining -= 1;
        self.next += &self.step;
        Ok(Some(crate::objects::int::new_bigint(v)))
    }
    fn length_hint(&self) -> Option<usize> {
        num_traits::ToPrimitive::to_usize(&self.remaining)
    }
}

/// `enumerate(iterable, start=0)`.
struct Enumerate {
    it: Value,
    count: i64,
    big: Option<BigInt>,
}
impl NativeIter for Enumerate {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(v) = vm.next(&self.it)? else { return Ok(None) };
        let idx = match &mut self.big {
            Some(b) => {
                let r = crate::objects::int::new_bigint(b.clone());
                *b += 1;
                r
            }
            None => {
                let r = new_int(self.count);
                match self.count.checked_add(1) {
                    Some(c) => self.count = c,
                    None => self.big = Some(BigInt::from(self.count) + 1),
                }
                r
            }
        };
        Ok(Some(new_tuple(vec![idx, v])))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
    }
}

/// `zip(*iterables, strict=False)`.
struct Zip {
    its: Vec<Value>,
    strict: bool,
    done: bool,
}
impl NativeIter for Zip {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done || self.its.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let it = self.its[i].clone();
            match vm.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    self.done = true;
                    if !self.strict {
                        return Ok(None);
                    }
                    if i > 0 {
                        let plural = if i == 1 { " ".to_string() } else { format!("s 1-") };
                        return Err(value_error(format!(
                            "zip() argument {} is shorter than argument{plural}{i}",
                            i + 1
                        )));
                    }
                    for j in 1..self.its.len() {
                        let it = self.its[j].clone();
                        if vm.next(&it)?.is_some() {
                            let plural = if j == 1 { " ".to_string() } else { "s 1-".to_string() };
                            return Err(value_error(format!(
                                "zip() argument {} is longer than argument{plural}{j}",
                                j + 1
                            )));
                        }
                    }
                    return Ok(None);
                }
            }
        }
        Ok(Some(new_tuple(out)))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for i in &self.its {
            visit(i);
        }
    }
}

/// `map(func, *iterables)`.
struct Map {
    func: Value,
    its: Vec<Value>,
}
impl NativeIter for Map {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut argv = Vec::with_capacity(self.its.len());
        for it in self.its.clone() {
            match vm.next(&it)? {
                Some(v) => argv.push(v),
                None => return Ok(None),
            }
        }
        let f = self.func.clone();
        vm.call_pos(&f, &argv).map(Some)
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        for i in &self.its {
            visit(i);
        }
    }
}

/// `filter(func_or_None, iterable)`.
struct Filter {
    func: Option<Value>,
    it: Value,
}
impl NativeIter for Filter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let it = self.it.clone();
            let Some(v) = vm.next(&it)? else { return Ok(None) };
            let keep = match &self.func {
                None => vm.truthy(&v)?,
                Some(f) => {
                    let f = f.clone();
                    let r = vm.call_pos(&f, std::slice::from_ref(&v))?;
                    vm.truthy(&r)?
                }
            };
            if keep {
                return Ok(Some(v));
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.it);
    }
}

/// `iter(callable, sentinel)`.
pub struct CallableIter {
    pub func: Option<Value>,
    pub sentinel: Value,
}
impl NativeIter for CallableIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(f) = self.func.clone() else { return Ok(None) };
        let v = match vm.call_pos(&f, &[]) {
            Ok(v) => v,
            Err(e) if e.matches(&crate::objects::registry::exc().stop_iteration) => {
                self.func = None;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if v.is(&self.sentinel) || vm.eq(&v, &self.sentinel)? {
            self.func = None;
            return Ok(None);
        }
        Ok(Some(v))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.sentinel);
    }
}

/// `iter(callable, sentinel)` as an object.
pub fn callable_iter(func: Value, sentinel: Value) -> Value {
    new_native_iter(&types().callable_iterator, Box::new(CallableIter { func: Some(func), sentinel }))
}

fn it_self<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyNativeIter)> {
    this::<PyNativeIter>(args, meth, "iterator")
}

pub(crate) fn iter_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = it_self(&args, "__iter__")?;
    Ok(s.clone())
}

pub(crate) fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, it) = it_self(&args, "__next__")?;
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(type_error(format!("expected 0 arguments, got {}", args.values.len() - 1)));
    }
    let mut b = it.0.try_borrow_mut().map_err(|_| value_error("generator already executing"))?;
    match b.next(vm)? {
        Some(v) => Ok(v),
        None => Err(stop_iteration(None)),
    }
}

/// The length hint of a builtin iterator that knows it (`None` for anything else).
pub fn native_length_hint(it: &Value) -> Option<usize> {
    it.payload::<PyNativeIter>()?.0.try_borrow().ok()?.length_hint()
}

pub(crate) fn iter_length_hint(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, it) = it_self(&args, "__length_hint__")?;
    let n = it.0.try_borrow().ok().and_then(|b| b.length_hint()).unwrap_or(0);
    Ok(new_int(n as i64))
}

fn make(cls: &Value, builtin: &Value, it: Box<dyn NativeIter>) -> Value {
    if cls.is(builtin) {
        new_native_iter(builtin, it)
    } else {
        crate::objects::sequtil::subclass_instance(cls, new_native_iter(builtin, it))
    }
}

fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().enumerate)?;
    let b = crate::objects::sequtil::mbind(&args, "enumerate", &["iterable", "start"], 0)?;
    let Some(iterable) = &b[0] else { return Err(type_error("enumerate() missing required argument 'iterable'")) };
    let (count, big) = match &b[1] {
        None => (0, None),
        Some(s) => match index_bigint(vm, s)? {
            Some(bi) => match num_traits::ToPrimitive::to_i64(&bi) {
                Some(i) => (i, None),
                None => (0, Some(bi)),
            },
            None => {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(s))));
            }
        },
    };
    let it = vm.iter(iterable)?;
    Ok(make(cls, &types().enumerate, Box::new(Enumerate { it, count, big })))
}

fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().zip)?;
    let mut strict = false;
    for (k, v) in args.kwargs() {
        if k == "strict" {
            strict = vm.truthy(v)?;
        } else {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for zip()")));
        }
    }
    let mut its = Vec::new();
    for a in &args.pos()[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(make(cls, &types().zip, Box::new(Zip { its, strict, done: false })))
}

fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().map)?;
    if cls.is(&types().map) {
        args.no_kwargs("map")?;
    }
    let p = &args.pos()[1..];
    if p.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &p[1..] {
        its.push(vm.iter(a)?);
    }
    Ok(make(cls, &types().map, Box::new(Map { func: p[0].clone(), its })))
}

fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().filter)?;
    if cls.is(&types().filter) {
        args.no_kwargs("filter")?;
    }
    let p = &args.pos()[1..];
    if p.len() != 2 {
        return Err(crate::vm::args::arg_count_error("filter", 2, 2, p.len()));
    }
    let func = if p[0].is_none() { None } else { Some(p[0].clone()) };
    let it = vm.iter(&p[1])?;
    Ok(make(cls, &types().filter, Box::new(Filter { func, it })))
}

/// `reversed(seq)`.
pub fn reversed_of(vm: &mut Vm, seq: &Value) -> PyResult {
    if let Some(r) = vm.lookup_special(seq, "__reversed__") {
        if r.is_none() {
            return Err(type_error(format!("'{}' object is not reversible", type_name(seq))));
        }
        return vm.call_pos(&r, std::slice::from_ref(seq));
    }
    if vm.lookup_special(seq, "__getitem__").is_none() || seq.kind() == crate::values::Kind::Dict {
        return Err(type_error(format!("'{}' object is not reversible", type_name(seq))));
    }
    let n = match vm.call_special(seq, "__len__", &[])? {
        Some(n) => crate::objects::sequtil::to_size(vm, &n)?,
        None => return Err(type_error(format!("'{}' object is not reversible", type_name(seq)))),
    };
    Ok(new_native_iter(&types().reversed, Box::new(SeqRevIter { seq: Some(seq.clone()), index: n - 1 })))
}

fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().reversed)?;
    if cls.is(&types().reversed) {
        args.no_kwargs("reversed")?;
    }
    let p = &args.pos()[1..];
    if p.len() != 1 {
        return Err(type_error(format!("reversed expected 1 argument, got {}", p.len())));
    }
    let r = reversed_of(vm, &p[0])?;
    if cls.is(&types().reversed) {
        return Ok(r);
    }
    Ok(crate::objects::sequtil::subclass_instance(cls, r))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    for ty in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.str_nonascii_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.range_iterator,
        &t.longrange_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.seq_iterator,
        &t.callable_iterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
    ] {
        add_method(ty, "__iter__", iter_iter);
        add_method(ty, "__next__", iter_next);
    }
    for ty in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.str_iterator,
        &t.str_nonascii_iterator,
        &t.bytes_iterator,
        &t.bytearray_iterator,
        &t.range_iterator,
        &t.longrange_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.dict_reversekeyiterator,
        &t.dict_reversevalueiterator,
        &t.dict_reverseitemiterator,
        &t.set_iterator,
        &t.reversed,
    ] {
        add_method(ty, "__length_hint__", iter_length_hint);
    }
    add_staticmethod(&t.enumerate, "__new__", enumerate_new);
    add_staticmethod(&t.zip, "__new__", zip_new);
    add_staticmethod(&t.map, "__new__", map_new);
    add_staticmethod(&t.filter, "__new__", filter_new);
    add_staticmethod(&t.reversed, "__new__", reversed_new);
    let _ = none;
}
