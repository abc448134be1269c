//! The native `itertools` module (CPython's itertoolsmodule.c): every iterator type as a
//! `NativeIter` (`objects/iter.rs`), subclassable, with CPython's argument errors and
//! `count`/`repeat` reprs. The combinatoric iterators (`product`, `permutations`,
//! `combinations`, `combinations_with_replacement`) are in `itertools/combinatorics.rs`,
//! `groupby` and `tee`, whose objects share state, in `itertools/shared.rs`. No pickling
//! (`__reduce__`/`__setstate__`), which 3.12 deprecates.

use crate::bytecode::opcode::BinOp;
use crate::objects::iter::{NativeIter, PyNativeIter, iter_iter, iter_next, new_native_iter};
use crate::objects::none;
use crate::objects::sequtil::{index_bigint, new_cls};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_function, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

mod combinatorics;
mod shared;

pub fn register() {
    crate::vm::interp::register_native("itertools", init_itertools);
}

/// The module's classes, made once.
pub(crate) struct Classes {
    count: Value,
    cycle: Value,
    repeat: Value,
    accumulate: Value,
    chain: Value,
    compress: Value,
    dropwhile: Value,
    takewhile: Value,
    filterfalse: Value,
    islice: Value,
    pairwise: Value,
    starmap: Value,
    zip_longest: Value,
    pub(crate) groupby: Value,
    pub(crate) grouper: Value,
    pub(crate) tee: Value,
    pub(crate) product: Value,
    pub(crate) permutations: Value,
    pub(crate) combinations: Value,
    pub(crate) cwr: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

/// An iterator class of this module: `__iter__`, `__next__` and `__new__`.
pub(crate) fn iter_class(name: &str, new: NativeFn, flags: u32) -> Value {
    let c = new_builtin_class(name, "itertools", Kind::NativeIter, flags);
    add_method(&c, "__iter__", iter_iter);
    add_method(&c, "__next__", iter_next);
    add_staticmethod(&c, "__new__", new);
    c
}

pub(crate) fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let b = TF_BASETYPE;
        let c = Classes {
            count: iter_class("count", count_new, b),
            cycle: iter_class("cycle", cycle_new, b),
            repeat: iter_class("repeat", repeat_new, b),
            accumulate: iter_class("accumulate", accumulate_new, b),
            chain: iter_class("chain", chain_new, b),
            compress: iter_class("compress", compress_new, b),
            dropwhile: iter_class("dropwhile", dropwhile_new, b),
            takewhile: iter_class("takewhile", takewhile_new, b),
            filterfalse: iter_class("filterfalse", filterfalse_new, b),
            islice: iter_class("islice", islice_new, b),
            pairwise: iter_class("pairwise", pairwise_new, b),
            starmap: iter_class("starmap", starmap_new, b),
            zip_longest: iter_class("zip_longest", zip_longest_new, b),
            groupby: iter_class("groupby", shared::groupby_new, b),
            grouper: iter_class("_grouper", shared::grouper_new, 0),
            tee: iter_class("_tee", shared::tee_new, 0),
            product: iter_class("product", combinatorics::product_new, b),
            permutations: iter_class("permutations", combinatorics::permutations_new, b),
            combinations: iter_class("combinations", combinatorics::combinations_new, b),
            cwr: iter_class("combinations_with_replacement", combinatorics::cwr_new, b),
        };
        add_method(&c.count, "__repr__", count_repr);
        add_method(&c.repeat, "__repr__", repeat_repr);
        add_method(&c.repeat, "__length_hint__", repeat_length_hint);
        add_classmethod(&c.chain, "from_iterable", chain_from_iterable);
        add_classmethod(&c.chain, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        add_method(&c.tee, "__copy__", shared::tee_copy);
        c
    })
}

/// `cls(...)`'s object: the bare iterator for the class itself, a subclass instance
/// wrapping it otherwise.
pub(crate) fn make(cls: &Value, builtin: &Value, it: Box<dyn NativeIter>) -> Value {
    let v = new_native_iter(builtin, it);
    if cls.is(builtin) { v } else { crate::objects::sequtil::subclass_instance(cls, v) }
}

/// CPython's `_PyArg_NoKeywords` for the exact class (subclasses may take keywords).
pub(crate) fn no_kwargs(args: &Args<'_>, cls: &Value, builtin: &Value, fname: &str) -> PyResult<()> {
    if cls.is(builtin) && args.has_kwargs() {
        return Err(type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

/// The positional arguments after `cls`.
pub(crate) fn rest<'a>(args: &Args<'a>) -> &'a [Value] {
    args.pos().get(1..).unwrap_or(&[])
}

/// Binds `names` for a constructor that takes keywords (`PyArg_ParseTupleAndKeywords`
/// messages: "'x' is an invalid keyword argument for f()").
pub(crate) fn bind_kw(args: &Args<'_>, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    for (k, _) in args.kwargs() {
        if !names.contains(&k) {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for {fname}()")));
        }
    }
    crate::objects::sequtil::mbind(args, fname, names, required)
}

/// The state of this module's iterator `v` (or of the one a subclass instance wraps).
pub(crate) fn with_state<T: 'static, R>(v: &Value, f: impl FnOnce(&T) -> R) -> PyResult<R> {
    let it = v.downcast::<PyNativeIter>().ok_or_else(|| type_error(format!("unexpected '{}' object", type_name(v))))?;
    let b = it.0.try_borrow().map_err(|_| value_error("iterator already executing"))?;
    let t = b.as_any().and_then(|a| a.downcast_ref::<T>());
    t.map(f).ok_or_else(|| type_error(format!("unexpected '{}' object", type_name(v))))
}

/// The type's name for reprs (`count(3)`, a subclass's own name).
fn cls_name(v: &Value) -> String {
    crate::vm::protocol::type_short_name(v)
}

/// CPython's `PyNumber_Check`: ints, floats, complex numbers, or anything with
/// `__index__`, `__int__` or `__float__`.
fn is_number(vm: &Vm, v: &Value) -> bool {
    matches!(v.kind(), Kind::SmallInt | Kind::Int | Kind::Bool | Kind::Float | Kind::Complex)
        || ["__index__", "__int__", "__float__", "__complex__"].iter().any(|n| vm.lookup_special(v, n).is_some())
}

// ---- count ----

struct Count {
    n: Value,
    step: Value,
}
impl NativeIter for Count {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let next = vm.binary_op(&self.n, &self.step, BinOp::Add, false)?;
        Ok(Some(std::mem::replace(&mut self.n, next)))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.n);
        visit(&self.step);
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

fn count_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().count)?;
    let b = bind_kw(&args, "count", &["start", "step"], 0)?;
    let n = b[0].clone().unwrap_or_else(|| crate::objects::int::new_int(0));
    let step = b[1].clone().unwrap_or_else(|| crate::objects::int::new_int(1));
    if !is_number(vm, &n) || !is_number(vm, &step) {
        return Err(type_error("a number is required"));
    }
    Ok(make(cls, &classes().count, Box::new(Count { n, step })))
}

fn count_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let (n, step) = with_state::<Count, _>(s, |c| (c.n.clone(), c.step.clone()))?;
    let name = cls_name(s);
    let nr = vm.repr_string(&n)?;
    // An int step of 1 is left out; `count(0, 1.0)` keeps it.
    if step.as_small() == Some(1) && step.kind() == Kind::SmallInt {
        return Ok(new_str(format!("{name}({nr})")));
    }
    let sr = vm.repr_string(&step)?;
    Ok(new_str(format!("{name}({nr}, {sr})")))
}

// ---- cycle ----

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}
impl NativeIter for Cycle {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(it) = self.it.clone() {
            match vm.next(&it)? {
                Some(v) => {
                    self.saved.push(v.clone());
                    return Ok(Some(v));
                }
                None => self.it = None,
            }
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let v = self.saved[self.index].clone();
        self.index = (self.index + 1) % self.saved.len();
        Ok(Some(v))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.it.iter().chain(&self.saved).for_each(visit);
    }
}

fn cycle_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().cycle)?;
    no_kwargs(&args, cls, &classes().cycle, "cycle")?;
    let [x] = exact_rest::<1>(&args, "cycle")?;
    let it = vm.iter(x)?;
    Ok(make(cls, &classes().cycle, Box::new(Cycle { it: Some(it), saved: Vec::new(), index: 0 })))
}

/// Exactly `N` positional arguments after `cls` ("cycle expected 1 argument, got 0").
pub(crate) fn exact_rest<'a, const N: usize>(args: &Args<'a>, fname: &str) -> PyResult<&'a [Value; N]> {
    let r = rest(args);
    r.try_into().map_err(|_| {
        let s = if N == 1 { "" } else { "s" };
        type_error(format!("{fname} expected {N} argument{s}, got {}", r.len()))
    })
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    /// Remaining repetitions; `None` forever.
    times: Option<i64>,
}
impl NativeIter for Repeat {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        match &mut self.times {
            None => Some(Some(self.obj.clone())),
            Some(0) => Some(None),
            Some(n) => {
                *n -= 1;
                Some(Some(self.obj.clone()))
            }
        }
    }
    fn length_hint(&self) -> Option<usize> {
        self.times.map(|n| n as usize)
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.obj);
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

fn repeat_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().repeat)?;
    let b = bind_kw(&args, "repeat", &["object", "times"], 1)?;
    let obj = b[0].clone().unwrap_or_else(none);
    let times = match &b[1] {
        None => None,
        Some(t) => Some(ssize(vm, t)?.max(0)),
    };
    Ok(make(cls, &classes().repeat, Box::new(Repeat { obj, times })))
}

/// An index-like argument as a Py_ssize_t (`'str' object cannot be interpreted as an
/// integer`; OverflowError past the range).
pub(crate) fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.kind() == Kind::Float {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    crate::objects::sequtil::to_size(vm, v)
}

fn repeat_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let (obj, times) = with_state::<Repeat, _>(s, |r| (r.obj.clone(), r.times))?;
    let name = cls_name(s);
    let or = vm.repr_string(&obj)?;
    Ok(new_str(match times {
        None => format!("{name}({or})"),
        Some(n) => format!("{name}({or}, {n})"),
    }))
}

fn repeat_length_hint(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__length_hint__")?;
    match with_state::<Repeat, _>(s, |r| r.times)? {
        None => Err(type_error("len() of unsized object")),
        Some(n) => Ok(crate::objects::int::new_int(n)),
    }
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Option<Value>,
    total: Option<Value>,
    initial: Option<Value>,
}
impl NativeIter for Accumulate {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(init) = self.initial.take() {
            self.total = Some(init.clone());
            return Ok(Some(init));
        }
        let it = self.it.clone();
        let Some(v) = vm.next(&it)? else { return Ok(None) };
        let total = match self.total.take() {
            None => v,
            Some(t) => match self.func.clone() {
                None => vm.binary_op(&t, &v, BinOp::Add, false)?,
                Some(f) => vm.call_pos(&f, &[t, v])?,
            },
        };
        self.total = Some(total.clone());
        Ok(Some(total))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        self.func.iter().chain(&self.total).chain(&self.initial).for_each(visit);
    }
}

fn accumulate_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().accumulate)?;
    let b = bind_kw(&args, "accumulate", &["iterable", "func", "initial"], 1)?;
    let it = vm.iter(b[0].as_ref().unwrap_or(&none()))?;
    let func = b[1].clone().filter(|f| !f.is_none());
    let initial = b[2].clone().filter(|f| !f.is_none());
    Ok(make(cls, &classes().accumulate, Box::new(Accumulate { it, func, total: None, initial })))
}

// ---- chain ----

struct Chain {
    /// The iterator over the iterables (`None` once exhausted).
    source: Option<Value>,
    active: Option<Value>,
}
impl NativeIter for Chain {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            if let Some(a) = self.active.clone() {
                match vm.next(&a)? {
                    Some(v) => return Ok(Some(v)),
                    None => self.active = None,
                }
            }
            let Some(src) = self.source.clone() else { return Ok(None) };
            match vm.next(&src)? {
                Some(iterable) => self.active = Some(vm.iter(&iterable)?),
                None => {
                    self.source = None;
                    return Ok(None);
                }
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.source.iter().chain(&self.active).for_each(visit);
    }
}

fn chain_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().chain)?;
    no_kwargs(&args, cls, &classes().chain, "chain")?;
    let source = vm.iter(&new_tuple(rest(&args).to_vec()))?;
    Ok(make(cls, &classes().chain, Box::new(Chain { source: Some(source), active: None })))
}

fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() != 2 || args.has_kwargs() {
        return Err(type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            p.len().saturating_sub(1)
        )));
    }
    let source = vm.iter(&p[1])?;
    Ok(make(&p[0], &classes().chain, Box::new(Chain { source: Some(source), active: None })))
}

// ---- compress ----

struct Compress {
    data: Value,
    selectors: Value,
}
impl NativeIter for Compress {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let (d, s) = (self.data.clone(), self.selectors.clone());
        loop {
            let Some(v) = vm.next(&d)? else { return Ok(None) };
            let Some(sel) = vm.next(&s)? else { return Ok(None) };
            if vm.truthy(&sel)? {
                return Ok(Some(v));
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data);
        visit(&self.selectors);
    }
}

fn compress_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().compress)?;
    let b = bind_kw(&args, "compress", &["data", "selectors"], 2)?;
    let data = vm.iter(b[0].as_ref().unwrap_or(&none()))?;
    let selectors = vm.iter(b[1].as_ref().unwrap_or(&none()))?;
    Ok(make(cls, &classes().compress, Box::new(Compress { data, selectors })))
}

// ---- dropwhile, takewhile, filterfalse ----

/// `dropwhile`, `takewhile` and `filterfalse`: a predicate over one iterator.
struct Predicated {
    func: Value,
    it: Value,
    kind: PredKind,
    /// dropwhile: the predicate has failed once; takewhile: it has failed (stop).
    done: bool,
}
#[derive(Clone, Copy, PartialEq)]
enum PredKind {
    DropWhile,
    TakeWhile,
    FilterFalse,
}
impl NativeIter for Predicated {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        loop {
            if self.done && self.kind == PredKind::TakeWhile {
                return Ok(None);
            }
            let Some(v) = vm.next(&it)? else { return Ok(None) };
            if self.done && self.kind == PredKind::DropWhile {
                return Ok(Some(v));
            }
            let ok = if self.kind == PredKind::FilterFalse && self.func.is_none() {
                vm.truthy(&v)?
            } else {
                let f = self.func.clone();
                let r = vm.call_pos(&f, std::slice::from_ref(&v))?;
                vm.truthy(&r)?
            };
            match self.kind {
                PredKind::DropWhile if !ok => {
                    self.done = true;
                    return Ok(Some(v));
                }
                PredKind::TakeWhile if ok => return Ok(Some(v)),
                PredKind::TakeWhile => {
                    self.done = true;
                    return Ok(None);
                }
                PredKind::FilterFalse if !ok => return Ok(Some(v)),
                _ => {}
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

fn predicated(vm: &mut Vm, args: Args<'_>, builtin: &Value, name: &str, kind: PredKind) -> PyResult {
    let cls = new_cls(&args, builtin)?;
    no_kwargs(&args, cls, builtin, name)?;
    let [func, iterable] = exact_rest::<2>(&args, name)?;
    let it = vm.iter(iterable)?;
    Ok(make(cls, builtin, Box::new(Predicated { func: func.clone(), it, kind, done: false })))
}

fn dropwhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicated(vm, args, &classes().dropwhile, "dropwhile", PredKind::DropWhile)
}
fn takewhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicated(vm, args, &classes().takewhile, "takewhile", PredKind::TakeWhile)
}
fn filterfalse_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    predicated(vm, args, &classes().filterfalse, "filterfalse", PredKind::FilterFalse)
}

// ---- islice ----

struct ISlice {
    it: Option<Value>,
    /// Index of the next item to return.
    next: i64,
    /// `None`: no stop.
    stop: Option<i64>,
    step: i64,
    /// Items consumed so far.
    cnt: i64,
}
impl NativeIter for ISlice {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else { return Ok(None) };
        while self.cnt < self.next {
            if vm.next(&it)?.is_none() {
                self.it = None;
                return Ok(None);
            }
            self.cnt += 1;
        }
        if self.stop.is_some_and(|s| self.cnt >= s) {
            self.it = None;
            return Ok(None);
        }
        let Some(v) = vm.next(&it)? else {
            self.it = None;
            return Ok(None);
        };
        self.cnt += 1;
        let old = self.next;
        self.next = self.next.saturating_add(self.step);
        if let Some(s) = self.stop {
            if self.next < old || self.next > s {
                self.next = s;
            }
        }
        Ok(Some(v))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.it.iter().for_each(visit);
    }
}

/// An islice bound: None, or an int in 0..=sys.maxsize (else ValueError `msg`).
fn islice_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match index_bigint(vm, v)? {
        Some(b) => match num_traits::ToPrimitive::to_i64(&b) {
            Some(i) if i >= 0 => Ok(Some(i)),
            Some(_) => Err(value_error(msg)),
            // Past sys.maxsize: CPython clamps to -1 then rejects it.
            None => Err(value_error(msg)),
        },
        None => Err(value_error(msg)),
    }
}

fn islice_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().islice)?;
    no_kwargs(&args, cls, &classes().islice, "islice")?;
    let r = rest(&args);
    if r.len() < 2 {
        return Err(type_error(format!("islice expected at least 2 arguments, got {}", r.len())));
    }
    if r.len() > 4 {
        return Err(type_error(format!("islice expected at most 4 arguments, got {}", r.len())));
    }
    const STOP: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if r.len() == 2 {
        (0, islice_arg(vm, &r[1], STOP)?, 1)
    } else {
        let start = islice_arg(vm, &r[1], IDX)?.unwrap_or(0);
        let stop = islice_arg(vm, &r[2], IDX)?;
        let step = match r.get(3) {
            None => 1,
            Some(s) if s.is_none() => 1,
            Some(s) => match index_bigint(vm, s)? {
                Some(b) => match num_traits::ToPrimitive::to_i64(&b) {
                    Some(i) if i >= 1 => i,
                    _ => return Err(value_error("Step for islice() must be a positive integer or None.")),
                },
                None => return Err(value_error("Step for islice() must be a positive integer or None.")),
            },
        };
        (start, stop, step)
    };
    let it = vm.iter(&r[0])?;
    Ok(make(cls, &classes().islice, Box::new(ISlice { it: Some(it), next: start, stop, step, cnt: 0 })))
}

// ---- pairwise ----

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}
impl NativeIter for Pairwise {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else { return Ok(None) };
        let old = match self.old.take() {
            Some(o) => o,
            None => match vm.next(&it)? {
                Some(o) => o,
                None => {
                    self.it = None;
                    return Ok(None);
                }
            },
        };
        match vm.next(&it)? {
            Some(new) => {
                self.old = Some(new.clone());
                Ok(Some(new_tuple(vec![old, new])))
            }
            None => {
                self.it = None;
                Ok(None)
            }
        }
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.it.iter().chain(&self.old).for_each(visit);
    }
}

fn pairwise_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().pairwise)?;
    no_kwargs(&args, cls, &classes().pairwise, "pairwise")?;
    let [x] = exact_rest::<1>(&args, "pairwise")?;
    let it = vm.iter(x)?;
    Ok(make(cls, &classes().pairwise, Box::new(Pairwise { it: Some(it), old: None })))
}

// ---- starmap ----

struct StarMap {
    func: Value,
    it: Value,
}
impl NativeIter for StarMap {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = self.it.clone();
        let Some(v) = vm.next(&it)? else { return Ok(None) };
        let argv = vm.to_vec(&v)?;
        let f = self.func.clone();
        vm.call_pos(&f, &argv).map(Some)
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

fn starmap_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().starmap)?;
    no_kwargs(&args, cls, &classes().starmap, "starmap")?;
    let [func, iterable] = exact_rest::<2>(&args, "starmap")?;
    let it = vm.iter(iterable)?;
    Ok(make(cls, &classes().starmap, Box::new(StarMap { func: func.clone(), it })))
}

// ---- zip_longest ----

struct ZipLongest {
    /// `None` for an exhausted input.
    its: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}
impl NativeIter for ZipLongest {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.its.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.its.len());
        for i in 0..self.its.len() {
            let Some(it) = self.its[i].clone() else {
                out.push(self.fill.clone());
                continue;
            };
            match vm.next(&it)? {
                Some(v) => out.push(v),
                None => {
                    self.its[i] = None;
                    self.active -= 1;
                    if self.active == 0 {
                        return Ok(None);
                    }
                    out.push(self.fill.clone());
                }
            }
        }
        Ok(Some(new_tuple(out)))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.its.iter().flatten().for_each(&mut *visit);
        visit(&self.fill);
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().zip_longest)?;
    let mut fill = none();
    for (k, v) in args.kwargs() {
        if k != "fillvalue" {
            return Err(type_error("zip_longest() got an unexpected keyword argument"));
        }
        fill = v.clone();
    }
    let mut its = Vec::new();
    for a in rest(&args) {
        its.push(Some(vm.iter(a)?));
    }
    let active = its.len();
    Ok(make(cls, &classes().zip_longest, Box::new(ZipLongest { its, active, fill })))
}

fn init_itertools(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("itertools");
    let d = module_dict(&m);
    let c = classes();
    for (name, cls) in [
        ("count", &c.count),
        ("cycle", &c.cycle),
        ("repeat", &c.repeat),
        ("accumulate", &c.accumulate),
        ("chain", &c.chain),
        ("compress", &c.compress),
        ("dropwhile", &c.dropwhile),
        ("takewhile", &c.takewhile),
        ("filterfalse", &c.filterfalse),
        ("groupby", &c.groupby),
        ("_grouper", &c.grouper),
        ("islice", &c.islice),
        ("pairwise", &c.pairwise),
        ("starmap", &c.starmap),
        ("_tee", &c.tee),
        ("zip_longest", &c.zip_longest),
        ("product", &c.product),
        ("permutations", &c.permutations),
        ("combinations", &c.combinations),
        ("combinations_with_replacement", &c.cwr),
    ] {
        if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
            dd.set_str(new_str(name), cls.clone());
        }
    }
    add_function(&d, "itertools", "tee", shared::tee);
    Ok(m)
}
