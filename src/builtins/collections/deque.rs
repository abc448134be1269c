//! `collections.deque` (CPython's dequeobject in _collectionsmodule.c) over a `VecDeque`,
//! with its two iterator types. A state counter, bumped by every change of length or
//! order but not by `d[i] = x` (as CPython), lets iterators and the comparing methods
//! raise "deque mutated during iteration".

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use crate::bytecode::opcode::CmpOp;
use crate::objects::iter::{NativeIter, new_native_iter};
use crate::objects::list::new_list;
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::sequtil::{
    ReprGuard, SeqRef, check_alloc, marg1, new_cls, seq_compare, subclass_instance, to_size,
};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, not_implemented};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{index_error, runtime_error, type_error, value_error};
use crate::vm::protocol::{type_name, type_short_name};
use crate::vm::startup::{add_classmethod, add_getter, add_method, add_staticmethod};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    /// `None`: unbounded.
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
}
impl NativeData for Deque {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(b) = self.items.try_borrow() {
            b.iter().for_each(visit);
        }
    }
}

pub(crate) struct Classes {
    pub(crate) deque: Value,
    pub(crate) iter: Value,
    pub(crate) reverse_iter: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

pub(crate) fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let deque = new_builtin_class("deque", "collections", Kind::Native, TF_BASETYPE);
        add_staticmethod(&deque, "__new__", d_new);
        for (n, f) in [
            ("__init__", d_init as NativeFn),
            ("append", d_append),
            ("appendleft", d_appendleft),
            ("pop", d_pop),
            ("popleft", d_popleft),
            ("extend", d_extend),
            ("extendleft", d_extendleft),
            ("rotate", d_rotate),
            ("clear", d_clear),
            ("copy", d_copy),
            ("__copy__", d_copy),
            ("count", d_count),
            ("index", d_index),
            ("insert", d_insert),
            ("remove", d_remove),
            ("reverse", d_reverse),
            ("__len__", d_len),
            ("__getitem__", d_getitem),
            ("__setitem__", d_setitem),
            ("__delitem__", d_delitem),
            ("__contains__", d_contains),
            ("__iter__", d_iter),
            ("__reversed__", d_reversed),
            ("__repr__", d_repr),
            ("__add__", d_add),
            ("__iadd__", d_iadd),
            ("__mul__", d_mul),
            ("__rmul__", d_mul),
            ("__imul__", d_imul),
            ("__eq__", d_eq),
            ("__ne__", d_ne),
            ("__lt__", d_lt),
            ("__le__", d_le),
            ("__gt__", d_gt),
            ("__ge__", d_ge),
            ("__reduce__", d_reduce),
        ] {
            add_method(&deque, n, f);
        }
        add_getter(&deque, "maxlen", d_maxlen);
        add_classmethod(&deque, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        if let Some(t) = deque.as_type() {
            t.dict.set_str(new_str("__hash__"), none());
            t.modified();
        }
        let iter_class = |name: &str| {
            let c = new_builtin_class(name, "_collections", Kind::NativeIter, 0);
            add_method(&c, "__iter__", crate::objects::iter::iter_iter);
            add_method(&c, "__next__", crate::objects::iter::iter_next);
            add_method(&c, "__length_hint__", crate::objects::iter::iter_length_hint);
            c
        };
        Classes { deque, iter: iter_class("_deque_iterator"), reverse_iter: iter_class("_deque_reverse_iterator") }
    })
}

fn me<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a Deque)> {
    this::<Deque>(args, meth, "collections.deque")
}

/// No arguments after `self` ("deque.pop() takes no arguments (1 given)").
fn no_args<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a Deque)> {
    let r = me(args, meth)?;
    args.no_kwargs(&format!("deque.{meth}"))?;
    let n = args.pos().len() - 1;
    if n != 0 {
        return Err(type_error(format!("deque.{meth}() takes no arguments ({n} given)")));
    }
    Ok(r)
}

fn mutated() -> crate::vm::PyErr {
    runtime_error("deque mutated during iteration")
}

impl Deque {
    fn new(maxlen: Option<usize>, items: VecDeque<Value>) -> Deque {
        Deque { items: RefCell::new(items), maxlen: Cell::new(maxlen), state: Cell::new(0) }
    }
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().iter().cloned().collect()
    }
    /// Appends on the right, dropping from the left past `maxlen`.
    fn push_back(&self, v: Value) {
        self.bump();
        if self.maxlen.get() == Some(0) {
            return;
        }
        let dropped = {
            let mut b = self.items.borrow_mut();
            b.push_back(v);
            if self.maxlen.get().is_some_and(|m| b.len() > m) { b.pop_front() } else { None }
        };
        drop(dropped);
    }
    fn push_front(&self, v: Value) {
        self.bump();
        if self.maxlen.get() == Some(0) {
            return;
        }
        let dropped = {
            let mut b = self.items.borrow_mut();
            b.push_front(v);
            if self.maxlen.get().is_some_and(|m| b.len() > m) { b.pop_back() } else { None }
        };
        drop(dropped);
    }
    fn clear(&self) {
        self.bump();
        let old = std::mem::take(&mut *self.items.borrow_mut());
        drop(old);
    }
    fn rotate(&self, n: i64) {
        self.bump();
        let mut b = self.items.borrow_mut();
        let len = b.len() as i64;
        if len > 1 {
            let k = n.rem_euclid(len) as usize;
            b.rotate_right(k);
        }
    }
    /// Appends every item of `iterable` on the right (`left`: on the left, one at a time,
    /// so the order reverses).
    fn extend(&self, vm: &mut Vm, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
        let push = |v: Value| if left { self.push_front(v) } else { self.push_back(v) };
        // Extending a deque by itself walks a copy.
        if native_ref::<Deque>(iterable).is_some_and(|o| std::ptr::eq(o, self)) || iterable.is(me) {
            self.snapshot().into_iter().for_each(push);
            return Ok(());
        }
        let it = vm.iter(iterable)?;
        while let Some(v) = vm.next(&it)? {
            push(v);
        }
        Ok(())
    }
    /// Position of the first item equal to `v` in `[start, stop)`; `mutation` is raised when
    /// a comparison changed the deque.
    fn find(
        &self,
        vm: &mut Vm,
        v: &Value,
        start: usize,
        stop: usize,
        mutation: fn() -> crate::vm::PyErr,
    ) -> PyResult<Option<usize>> {
        let state = self.state.get();
        for i in start..stop {
            let Some(item) = self.get(i) else { break };
            let eq = item.is(v) || vm.eq(&item, v)?;
            if self.state.get() != state {
                return Err(mutation());
            }
            if eq {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

/// `type(d)(d)` or `type(d)(d, maxlen)` for subclasses; a plain copy for deques.
fn copy_of(vm: &mut Vm, s: &Value, d: &Deque) -> PyResult {
    let cls = s.type_of().clone();
    if cls.is(&classes().deque) {
        return Ok(new_native(&classes().deque, Deque::new(d.maxlen.get(), d.items.borrow().clone())));
    }
    match d.maxlen.get() {
        None => vm.call_pos(&cls, std::slice::from_ref(s)),
        Some(m) => vm.call_pos(&cls, &[s.clone(), crate::objects::int::new_int(m as i64)]),
    }
}

fn d_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().deque)?;
    let v = new_native(&classes().deque, Deque::new(None, VecDeque::new()));
    Ok(if cls.is(&classes().deque) { v } else { subclass_instance(cls, v) })
}

fn d_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__init__")?;
    let names = ["iterable", "maxlen"];
    let given = args.pos().len() - 1;
    if given > 2 {
        return Err(type_error(format!("deque() takes at most 2 arguments ({given} given)")));
    }
    for (k, _) in args.kwargs() {
        if !names.contains(&k) {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for deque()")));
        }
    }
    let rest = Args::new(&args.values[1..], args.kwnames);
    let b = rest.bind("deque", &names, 0)?;
    let maxlen = match b[1].as_ref().filter(|m| !m.is_none()) {
        None => None,
        Some(m) => {
            let n = crate::objects::sequtil::index_isize(vm, m)?.ok_or_else(|| type_error("an integer is required"))?;
            if n < 0 {
                return Err(value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    d.maxlen.set(maxlen);
    if d.len() > 0 {
        d.clear();
    }
    if let Some(it) = &b[0] {
        d.extend(vm, s, it, false)?;
    }
    Ok(none())
}

fn d_maxlen(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "maxlen")?;
    Ok(d.maxlen.get().map_or_else(none, |m| crate::objects::int::new_int(m as i64)))
}

fn d_append(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "append")?;
    d.push_back(marg1(&args, "deque.append")?.clone());
    Ok(none())
}

fn d_appendleft(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "appendleft")?;
    d.push_front(marg1(&args, "deque.appendleft")?.clone());
    Ok(none())
}

fn d_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = no_args(&args, "pop")?;
    let v = d.items.borrow_mut().pop_back();
    d.bump();
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn d_popleft(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = no_args(&args, "popleft")?;
    let v = d.items.borrow_mut().pop_front();
    d.bump();
    v.ok_or_else(|| index_error("pop from an empty deque"))
}

fn d_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "extend")?;
    d.extend(vm, s, marg1(&args, "deque.extend")?, false)?;
    Ok(none())
}

fn d_extendleft(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "extendleft")?;
    d.extend(vm, s, marg1(&args, "deque.extendleft")?, true)?;
    Ok(none())
}

fn d_rotate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "rotate")?;
    args.no_kwargs("deque.rotate")?;
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("rotate expected at most 1 argument, got {}", p.len())));
    }
    let n = match p.first() {
        Some(v) => to_size(vm, v)?,
        None => 1,
    };
    d.rotate(n);
    Ok(none())
}

fn d_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = no_args(&args, "clear")?;
    d.clear();
    Ok(none())
}

fn d_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "copy")?;
    copy_of(vm, s, d)
}

fn d_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "count")?;
    let v = marg1(&args, "deque.count")?;
    let state = d.state.get();
    let mut n = 0;
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        let eq = item.is(v) || vm.eq(&item, v)?;
        if d.state.get() != state {
            return Err(mutated());
        }
        n += eq as i64;
    }
    Ok(crate::objects::int::new_int(n))
}

fn d_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "index")?;
    args.no_kwargs("deque.index")?;
    let p = &args.pos()[1..];
    if p.is_empty() || p.len() > 3 {
        return Err(type_error(format!("index expected at least 1 argument, got {}", p.len())));
    }
    let n = d.len() as i64;
    let idx = |vm: &mut Vm, v: Option<&Value>, dflt: i64| -> PyResult<i64> {
        match v {
            None => Ok(dflt),
            Some(v) => crate::objects::sequtil::index_clamped(vm, v)?
                .ok_or_else(|| type_error("slice indices must be integers or have an __index__ method")),
        }
    };
    let adjust = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = adjust(idx(vm, p.get(1), 0)?);
    let stop = adjust(idx(vm, p.get(2), n)?).max(start);
    match d.find(vm, &p[0], start as usize, stop as usize, mutated)? {
        Some(i) => Ok(crate::objects::int::new_int(i as i64)),
        None => Err(value_error(format!("{} is not in deque", vm.repr_string(&p[0])?))),
    }
}

fn d_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "insert")?;
    args.no_kwargs("deque.insert")?;
    let p = &args.pos()[1..];
    if p.len() != 2 {
        return Err(type_error(format!("insert expected 2 arguments, got {}", p.len())));
    }
    let i = to_size(vm, &p[0])?;
    let n = d.len();
    if d.maxlen.get() == Some(n) {
        return Err(index_error("deque already at its maximum size"));
    }
    let at = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    d.bump();
    d.items.borrow_mut().insert(at, p[1].clone());
    Ok(none())
}

fn d_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "remove")?;
    let v = marg1(&args, "deque.remove")?;
    let mutated_remove = || index_error("deque mutated during iteration");
    match d.find(vm, v, 0, d.len(), mutated_remove)? {
        Some(i) => {
            d.bump();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
            Ok(none())
        }
        None => Err(value_error(format!("{} is not in deque", vm.repr_string(v)?))),
    }
}

fn d_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = no_args(&args, "reverse")?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(none())
}

fn d_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "__len__")?;
    Ok(crate::objects::int::new_int(d.len() as i64))
}

/// An item index: `sequence index must be integer` for non-ints, normalised and checked
/// against the length.
fn item_index(vm: &mut Vm, d: &Deque, key: &Value) -> PyResult<usize> {
    let Some(i) = crate::objects::sequtil::index_isize(vm, key)? else {
        return Err(type_error(format!("sequence index must be integer, not '{}'", type_name(key))));
    };
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn d_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "__getitem__")?;
    let i = item_index(vm, d, marg1(&args, "deque.__getitem__")?)?;
    d.get(i).ok_or_else(|| index_error("deque index out of range"))
}

fn d_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "__setitem__")?;
    let p = args.exact::<3>("__setitem__")?;
    let i = item_index(vm, d, &p[1])?;
    let old = d.items.borrow_mut().get_mut(i).map(|slot| std::mem::replace(slot, p[2].clone()));
    drop(old);
    Ok(none())
}

fn d_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "__delitem__")?;
    let i = item_index(vm, d, marg1(&args, "deque.__delitem__")?)?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(none())
}

fn d_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = me(&args, "__contains__")?;
    let v = marg1(&args, "deque.__contains__")?;
    Ok(crate::objects::py_bool(d.find(vm, v, 0, d.len(), mutated)?.is_some()))
}

/// The deque iterators: `pos` counts items taken, from the left or (`reverse`) the right.
struct DequeIter {
    deque: Value,
    state: u64,
    pos: usize,
    reverse: bool,
}
impl DequeIter {
    /// The next item, `Err(())` if the deque changed since the iterator was made.
    fn step(&mut self) -> Result<Option<Value>, ()> {
        let Some(d) = native_ref::<Deque>(&self.deque) else { return Ok(None) };
        if d.state.get() != self.state {
            return Err(());
        }
        let b = d.items.borrow();
        if self.pos >= b.len() {
            return Ok(None);
        }
        let i = if self.reverse { b.len() - 1 - self.pos } else { self.pos };
        self.pos += 1;
        Ok(b.get(i).cloned())
    }
}
impl NativeIter for DequeIter {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        self.step().map_err(|()| mutated())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        self.step().ok()
    }
    fn length_hint(&self) -> Option<usize> {
        native_ref::<Deque>(&self.deque).map(|d| d.len().saturating_sub(self.pos))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn new_iter(s: &Value, d: &Deque, reverse: bool) -> Value {
    let cls = if reverse { &classes().reverse_iter } else { &classes().iter };
    new_native_iter(cls, Box::new(DequeIter { deque: s.clone(), state: d.state.get(), pos: 0, reverse }))
}

fn d_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__iter__")?;
    Ok(new_iter(s, d, false))
}

fn d_reversed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__reversed__")?;
    Ok(new_iter(s, d, true))
}

fn d_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__repr__")?;
    let Some(_guard) = ReprGuard::enter(s) else { return Ok(new_str("[...]")) };
    let items = vm.repr_string(&new_list(d.snapshot()))?;
    let name = type_short_name(s);
    Ok(new_str(match d.maxlen.get() {
        None => format!("{name}({items})"),
        Some(m) => format!("{name}({items}, maxlen={m})"),
    }))
}

fn d_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__add__")?;
    let other = marg1(&args, "deque.__add__")?;
    if native_ref::<Deque>(other).is_none() {
        return Err(type_error(format!("can only concatenate deque (not \"{}\") to deque", type_name(other))));
    }
    let r = copy_of(vm, s, d)?;
    let rd = native_ref::<Deque>(&r).ok_or_else(|| type_error("deque copy is not a deque"))?;
    rd.extend(vm, &r, other, false)?;
    Ok(r)
}

fn d_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__iadd__")?;
    d.extend(vm, s, marg1(&args, "deque.__iadd__")?, false)?;
    Ok(s.clone())
}

/// `d *= n` in place: the items repeated `n` times, of which a bounded deque keeps the last
/// `maxlen`.
fn repeat_in_place(vm: &mut Vm, d: &Deque, n: &Value) -> PyResult<()> {
    let Some(n) = crate::objects::sequtil::repeat_count(vm, n)? else {
        return Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(n))));
    };
    let len = d.len();
    if n <= 0 || len == 0 {
        d.clear();
        return Ok(());
    }
    let total = len as u128 * n as u128;
    let keep = match d.maxlen.get() {
        Some(m) => (m as u128).min(total),
        None => total,
    };
    check_alloc(keep)?;
    let (total, keep) = (total as usize, keep as usize);
    let items = d.snapshot();
    let out: VecDeque<Value> = (total - keep..total).map(|i| items[i % len].clone()).collect();
    d.bump();
    let old = std::mem::replace(&mut *d.items.borrow_mut(), out);
    drop(old);
    Ok(())
}

fn d_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__mul__")?;
    let n = marg1(&args, "deque.__mul__")?;
    let r = copy_of(vm, s, d)?;
    let rd = native_ref::<Deque>(&r).ok_or_else(|| type_error("deque copy is not a deque"))?;
    repeat_in_place(vm, rd, n)?;
    Ok(r)
}

fn d_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = me(&args, "__imul__")?;
    repeat_in_place(vm, d, marg1(&args, "deque.__imul__")?)?;
    Ok(s.clone())
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CmpOp, meth: &str) -> PyResult {
    let (_, d) = me(&args, meth)?;
    let other = marg1(&args, meth)?;
    let Some(o) = native_ref::<Deque>(other) else { return Ok(not_implemented()) };
    let (a, b) = (d.snapshot(), o.snapshot());
    seq_compare(vm, SeqRef::Tuple(&a), SeqRef::Tuple(&b), op)
}

fn d_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Eq, "__eq__")
}
fn d_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ne, "__ne__")
}
fn d_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Lt, "__lt__")
}
fn d_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Le, "__le__")
}
fn d_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Gt, "__gt__")
}
fn d_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    compare(vm, args, CmpOp::Ge, "__ge__")
}

/// `(type(d), () or ((), maxlen), state, iter(d))`: copy and pickle rebuild the deque by
/// appending the iterator's items, then set the instance dict of a subclass.
fn d_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, d) = no_args(&args, "__reduce__")?;
    let state = match vm.lookup_special(s, "__getstate__") {
        Some(g) => vm.call_pos(&g, std::slice::from_ref(s))?,
        None => none(),
    };
    let cargs = match d.maxlen.get() {
        None => new_tuple(vec![]),
        Some(m) => new_tuple(vec![new_tuple(vec![]), crate::objects::int::new_int(m as i64)]),
    };
    Ok(new_tuple(vec![s.type_of().clone(), cargs, state, new_iter(s, d, false)]))
}
