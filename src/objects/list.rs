//! `list`: a growable vector of values, with every method of CPython's list.

pub mod sort;
pub mod timsort;

use std::cell::RefCell;

use crate::bytecode::opcode::CmpOp;
use crate::objects::iter::{ListIter, ListRevIter, new_native_iter};
use crate::objects::sequtil::{
    ReprGuard, SeqRef, SubKey, marg1, margs, new_cls, new_for_class, norm_index, opt_range, repeat, repeat_count,
    subscript_key, this,
};
use crate::objects::{Trace, false_, none, not_implemented, py_bool, true_, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{index_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyList(pub RefCell<Vec<Value>>);

impl Drop for PyList {
    /// Items are released last to first, as CPython's `list_dealloc` does (the order
    /// `__del__` methods run in).
    fn drop(&mut self) {
        release_reversed(std::mem::take(self.0.get_mut()));
    }
}

/// Releases `items` last to first, the order CPython's containers let go of theirs in
/// (`list_dealloc`, `list.clear`, `tupledealloc`), so `__del__` methods run as there.
pub fn release_reversed(mut items: Vec<Value>) {
    while let Some(x) = items.pop() {
        drop(x);
    }
}
impl Trace for PyList {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(v) = self.0.try_borrow() {
            for x in v.iter() {
                visit(x);
            }
        }
    }
}

impl PyList {
    #[inline]
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
    /// The item at `i`, cloned out (no borrow held).
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.0.borrow().get(i).cloned()
    }
    pub fn push(&self, v: Value) -> PyResult<()> {
        py_push(&mut self.0.borrow_mut(), v)
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.0.borrow().clone()
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    layout::alloc(&types().list, PyList(RefCell::new(items)))
}

fn lself<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a PyList)> {
    this::<PyList>(args, meth, "list")
}

/// Does `other`'s type define a reflected operator in Python code (so `NotImplemented` must
/// be returned to give it a chance) rather than only natively?
pub fn has_user_reflected(vm: &Vm, other: &Value, name: &str) -> bool {
    vm.lookup_special(other, name).is_some_and(|f| f.kind() != Kind::Builtin)
}

/// Finds the first position of `x` at or after `start` and before `stop` via `==`, fetching
/// each item afresh (the list may change during `__eq__`).
fn find_item(vm: &mut Vm, l: &PyList, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        if i >= stop {
            return Ok(None);
        }
        let Some(item) = l.get(i) else { return Ok(None) };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn list_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &types().list)?;
    Ok(new_for_class(cls, &types().list, new_list(Vec::new())))
}

/// CPython's `list_resize` applied to the Vec's capacity (so `sys.getsizeof` sees the same
/// over-allocation): grow with ~1/8 slack, shrink when under half full.
pub fn py_resize(v: &mut Vec<Value>, newsize: usize) -> PyResult<()> {
    let allocated = v.capacity();
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return Ok(());
    }
    let mut new_alloc = (newsize + (newsize >> 3) + 6) & !3;
    if newsize as isize - v.len() as isize > new_alloc as isize - newsize as isize {
        new_alloc = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_alloc = 0;
    }
    if new_alloc > allocated {
        v.try_reserve_exact(new_alloc - v.len()).map_err(|_| crate::objects::sequtil::no_memory())?;
    } else {
        v.shrink_to(new_alloc.max(v.len()));
    }
    Ok(())
}

/// `append` with CPython's growth pattern.
#[inline]
pub fn py_push(v: &mut Vec<Value>, x: Value) -> PyResult<()> {
    if v.len() == v.capacity() {
        let n = v.len() + 1;
        py_resize(v, n)?;
    }
    v.push(x);
    Ok(())
}

fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__init__")?;
    let p = args.pos();
    if args.has_kwargs() {
        return Err(type_error("list() takes no keyword arguments"));
    }
    if p.len() > 2 {
        return Err(type_error(format!("list expected at most 1 argument, got {}", p.len() - 1)));
    }
    let old = std::mem::take(&mut *l.0.borrow_mut());
    drop(old);
    if let Some(it) = p.get(1) {
        // Sized iterables are preallocated exactly (CPython's list_preallocate_exact).
        use crate::values::Kind as K;
        let sized = matches!(
            it.kind(),
            K::List
                | K::Tuple
                | K::Str
                | K::Dict
                | K::Set
                | K::FrozenSet
                | K::Range
                | K::Bytes
                | K::ByteArray
                | K::DictView
        );
        if !sized {
            extend(vm, l, it)?;
        } else {
            let mut items = vm.to_vec(it)?;
            // list_preallocate_exact rounds the length up to even.
            let want = (items.len() + 1) & !1;
            items.shrink_to_fit();
            items.reserve_exact(want - items.len());
            *l.0.borrow_mut() = items;
        }
    }
    Ok(none())
}

/// `list.append`'s native function (compiled code recognises a call of it:
/// `jit/lower/steps.rs`).
pub(crate) const APPEND: crate::vm::args::NativeFn = list_append;

fn list_append(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "append")?;
    let x = marg1(&args, "list.append")?;
    py_push(&mut l.0.borrow_mut(), x.clone())?;
    Ok(none())
}

fn list_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "clear")?;
    margs(&args, "clear", 0, 0)?;
    let old = std::mem::take(&mut *l.0.borrow_mut());
    release_reversed(old);
    Ok(none())
}

fn list_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "copy")?;
    margs(&args, "copy", 0, 0)?;
    Ok(new_list(l.snapshot()))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "count")?;
    let x = marg1(&args, "list.count")?;
    let mut n = 0i64;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if item.is(x) || vm.eq(&item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(crate::objects::int::new_int(n))
}

/// Extends `l` with the items of any iterable (a list extending itself copies first).
pub fn extend(vm: &mut Vm, l: &PyList, it: &Value) -> PyResult<()> {
    if let Some(other) = it.payload::<PyList>() {
        let items = other.snapshot();
        let mut v = l.0.borrow_mut();
        let n = v.len() + items.len();
        py_resize(&mut v, n)?;
        v.extend(items);
        return Ok(());
    }
    if let Some(t) = it.as_tuple() {
        let mut v = l.0.borrow_mut();
        let n = v.len() + t.len();
        py_resize(&mut v, n)?;
        v.extend(t.iter().cloned());
        return Ok(());
    }
    let iter = vm.iter(it)?;
    {
        // CPython reserves the length hint (8 for iterators without one) up front.
        let hint = crate::objects::iter::native_length_hint(&iter).unwrap_or(8);
        let mut v = l.0.borrow_mut();
        crate::objects::sequtil::reserve_hint(&mut v, hint)?;
        let n = v.len() + hint;
        py_resize(&mut v, n)?;
    }
    while let Some(x) = vm.next(&iter)? {
        py_push(&mut l.0.borrow_mut(), x)?;
    }
    let mut v = l.0.borrow_mut();
    let n = v.len();
    py_resize(&mut v, n)?;
    Ok(())
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "extend")?;
    let x = marg1(&args, "list.extend")?;
    extend(vm, l, x)?;
    Ok(none())
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "index")?;
    let a = margs(&args, "index", 1, 3)?;
    let (start, stop) = opt_range(vm, a.get(1), a.get(2), l.len())?;
    match find_item(vm, l, &a[0], start, stop)? {
        Some(i) => Ok(crate::objects::int::new_int(i as i64)),
        None => {
            let r = vm.repr_string(&a[0])?;
            Err(value_error(format!("{r} is not in list")))
        }
    }
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "insert")?;
    let a = margs(&args, "insert", 2, 2)?;
    let Some(i) = crate::objects::sequtil::index_clamped(vm, &a[0])? else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&a[0]))));
    };
    let mut v = l.0.borrow_mut();
    let n = v.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) };
    py_resize(&mut v, n as usize + 1)?;
    v.insert(pos as usize, a[1].clone());
    Ok(none())
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "pop")?;
    let a = margs(&args, "pop", 0, 1)?;
    let i = match a.first() {
        None => -1,
        Some(v) => match crate::objects::sequtil::index_isize(vm, v)? {
            Some(i) => i,
            None => {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
            }
        },
    };
    let mut v = l.0.borrow_mut();
    if v.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let j = norm_index(i, v.len(), "pop")?;
    let x = v.remove(j);
    let n = v.len();
    py_resize(&mut v, n)?;
    Ok(x)
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "remove")?;
    let x = marg1(&args, "list.remove")?;
    match find_item(vm, l, x, 0, usize::MAX)? {
        Some(i) => {
            let removed = {
                let mut v = l.0.borrow_mut();
                if i < v.len() { Some(v.remove(i)) } else { None }
            };
            drop(removed);
            Ok(none())
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "reverse")?;
    margs(&args, "reverse", 0, 0)?;
    l.0.borrow_mut().reverse();
    Ok(none())
}

fn list_len(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__len__")?;
    margs(&args, "__len__", 0, 0)?;
    Ok(crate::objects::int::new_int(l.len() as i64))
}

/// `l[key]` for a list payload.
pub fn getitem(vm: &mut Vm, l: &PyList, key: &Value) -> PyResult {
    if let Some(i) = key.as_small() {
        let v = l.0.borrow();
        let n = v.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(index_error("list index out of range"));
        }
        return Ok(v[j as usize].clone());
    }
    let len = l.len();
    match subscript_key(vm, key, len, "list")? {
        SubKey::Index(i) => {
            let v = l.0.borrow();
            let j = norm_index(i, v.len(), "list")?;
            Ok(v[j].clone())
        }
        SubKey::Slice(s) => {
            let v = l.0.borrow();
            if s.step == 1 {
                let (a, b) = (s.start as usize, (s.start as usize + s.len).min(v.len()));
                return Ok(new_list(v.get(a..b).map(|x| x.to_vec()).unwrap_or_default()));
            }
            Ok(new_list(s.positions().filter_map(|p| v.get(p).cloned()).collect()))
        }
    }
}

fn list_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__getitem__")?;
    let k = marg1(&args, "list.__getitem__")?;
    getitem(vm, l, k)
}

/// `l[key] = value` for a list payload.
pub fn setitem(vm: &mut Vm, l: &PyList, key: &Value, value: Value) -> PyResult<()> {
    let len = l.len();
    match subscript_key(vm, key, len, "list")? {
        SubKey::Index(i) => {
            let old = {
                let mut v = l.0.borrow_mut();
                let n = v.len();
                let j = norm_index(i, n, "list assignment")?;
                std::mem::replace(&mut v[j], value)
            };
            drop(old);
            Ok(())
        }
        SubKey::Slice(s) => {
            // The right side may be the list itself or any iterable: materialise it first.
            let items = vm.to_vec(&value).map_err(|e| {
                if e.matches(&crate::objects::registry::exc().type_error)
                    && vm.lookup_special(&value, "__iter__").is_none()
                {
                    type_error("can only assign an iterable")
                } else {
                    e
                }
            })?;
            let mut v = l.0.borrow_mut();
            if s.step == 1 {
                let start = (s.start.max(0) as usize).min(v.len());
                let stop = (start + s.len).min(v.len());
                let old: Vec<Value> = v.splice(start..stop, items).collect();
                drop(v);
                release_reversed(old);
                return Ok(());
            }
            if items.len() != s.len {
                return Err(value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    items.len(),
                    s.len
                )));
            }
            let mut old = Vec::with_capacity(items.len());
            for (p, x) in s.positions().zip(items) {
                if let Some(slot) = v.get_mut(p) {
                    old.push(std::mem::replace(slot, x));
                }
            }
            drop(v);
            drop(old);
            Ok(())
        }
    }
}

fn list_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__setitem__")?;
    let a = margs(&args, "__setitem__", 2, 2)?;
    setitem(vm, l, &a[0], a[1].clone())?;
    Ok(none())
}

/// `del l[key]`.
pub fn delitem(vm: &mut Vm, l: &PyList, key: &Value) -> PyResult<()> {
    let len = l.len();
    match subscript_key(vm, key, len, "list")? {
        SubKey::Index(i) => {
            let old = {
                let mut v = l.0.borrow_mut();
                let j = norm_index(i, v.len(), "list assignment")?;
                v.remove(j)
            };
            drop(old);
            Ok(())
        }
        SubKey::Slice(s) => {
            let mut v = l.0.borrow_mut();
            let mut removed = Vec::with_capacity(s.len);
            if s.step == 1 {
                let start = (s.start.max(0) as usize).min(v.len());
                let stop = (start + s.len).min(v.len());
                removed.extend(v.drain(start..stop));
            } else {
                let mut kill = vec![false; v.len()];
                for p in s.positions() {
                    if let Some(k) = kill.get_mut(p) {
                        *k = true;
                    }
                }
                let old = std::mem::take(&mut *v);
                for (x, k) in old.into_iter().zip(kill) {
                    if k { removed.push(x) } else { v.push(x) }
                }
            }
            drop(v);
            // As CPython: a plain slice's items go last to first, an extended one's in order.
            if s.step == 1 {
                release_reversed(removed);
            } else {
                drop(removed);
            }
            Ok(())
        }
    }
}

fn list_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__delitem__")?;
    let k = marg1(&args, "list.__delitem__")?;
    delitem(vm, l, k)?;
    Ok(none())
}

fn list_add(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__add__")?;
    let o = marg1(&args, "list.__add__")?;
    match o.downcast::<PyList>() {
        Some(ol) => {
            let (a, b) = (l.snapshot(), ol.snapshot());
            let mut v = Vec::with_capacity(a.len() + b.len());
            v.extend(a);
            v.extend(b);
            Ok(new_list(v))
        }
        None if has_user_reflected(vm, o, "__radd__") => Ok(not_implemented()),
        None => Err(type_error(format!("can only concatenate list (not \"{}\") to list", type_name(o)))),
    }
}

fn list_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, l) = lself(&args, "__iadd__")?;
    let o = marg1(&args, "list.__iadd__")?;
    extend(vm, l, o)?;
    Ok(s.clone())
}

fn list_mul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__mul__")?;
    let o = marg1(&args, "list.__mul__")?;
    match repeat_count(vm, o)? {
        Some(n) => Ok(new_list(repeat(&l.snapshot(), n)?)),
        None if has_user_reflected(vm, o, "__rmul__") => Ok(not_implemented()),
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(o)))),
    }
}

fn list_rmul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__rmul__")?;
    let o = marg1(&args, "list.__rmul__")?;
    match repeat_count(vm, o)? {
        Some(n) => Ok(new_list(repeat(&l.snapshot(), n)?)),
        None => Ok(not_implemented()),
    }
}

fn list_imul(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, l) = lself(&args, "__imul__")?;
    let o = marg1(&args, "list.__imul__")?;
    match repeat_count(vm, o)? {
        Some(n) => {
            let r = repeat(&l.snapshot(), n)?;
            let old = std::mem::replace(&mut *l.0.borrow_mut(), r);
            drop(old);
            Ok(s.clone())
        }
        None => Err(type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(o)))),
    }
}

/// `x in l`.
pub fn contains(vm: &mut Vm, l: &PyList, x: &Value) -> PyResult<bool> {
    Ok(find_item(vm, l, x, 0, usize::MAX)?.is_some())
}

fn list_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = lself(&args, "__contains__")?;
    let x = marg1(&args, "list.__contains__")?;
    Ok(py_bool(contains(vm, l, x)?))
}

fn list_cmp(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let (_, l) = lself(&args, op.dunders().0)?;
    let o = marg1(&args, op.dunders().0)?;
    let Some(ol) = o.downcast::<PyList>() else { return Ok(not_implemented()) };
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && l.len() != ol.len() {
        return Ok(py_bool(op == CmpOp::Ne));
    }
    crate::objects::sequtil::seq_compare(vm, SeqRef::List(l), SeqRef::List(ol), op)
}

fn list_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Eq)
}
fn list_ne(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Ne)
}
fn list_lt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Lt)
}
fn list_le(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Le)
}
fn list_gt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Gt)
}
fn list_ge(vm: &mut Vm, args: Args<'_>) -> PyResult {
    list_cmp(vm, args, CmpOp::Ge)
}

/// `repr(list)`, `[...]` when recursive.
pub fn repr(vm: &mut Vm, s: &Value, l: &PyList) -> PyResult<String> {
    let Some(_g) = ReprGuard::enter(s) else { return Ok("[...]".into()) };
    let mut out = String::from("[");
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(&item)?);
        i += 1;
    }
    out.push(']');
    Ok(out)
}

fn list_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, l) = lself(&args, "__repr__")?;
    Ok(crate::objects::str::new_str(repr(vm, s, l)?))
}

fn list_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = lself(&args, "__iter__")?;
    Ok(list_iterator(s))
}

/// A `list_iterator` over `list` (a list or list subclass instance).
pub fn list_iterator(list: &Value) -> Value {
    new_native_iter(&types().list_iterator, Box::new(ListIter { list: Some(list.clone()), index: 0 }))
}

fn list_reversed(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, l) = lself(&args, "__reversed__")?;
    let n = l.len();
    Ok(new_native_iter(
        &types().list_reverseiterator,
        Box::new(ListRevIter { list: Some(s.clone()), index: n as i64 - 1 }),
    ))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().list;
    add_staticmethod(t, "__new__", list_new);
    add_method(t, "__init__", list_init);
    add_method(t, "append", list_append);
    add_method(t, "clear", list_clear);
    add_method(t, "copy", list_copy);
    add_method(t, "count", list_count);
    add_method(t, "extend", list_extend);
    add_method(t, "index", list_index);
    add_method(t, "insert", list_insert);
    add_method(t, "pop", list_pop);
    add_method(t, "remove", list_remove);
    add_method(t, "reverse", list_reverse);
    add_method(t, "sort", sort::list_sort);
    add_method(t, "__len__", list_len);
    add_method(t, "__getitem__", list_getitem);
    add_method(t, "__setitem__", list_setitem);
    add_method(t, "__delitem__", list_delitem);
    add_method(t, "__add__", list_add);
    add_method(t, "__iadd__", list_iadd);
    add_method(t, "__mul__", list_mul);
    add_method(t, "__rmul__", list_rmul);
    add_method(t, "__imul__", list_imul);
    add_method(t, "__contains__", list_contains);
    add_method(t, "__eq__", list_eq);
    add_method(t, "__ne__", list_ne);
    add_method(t, "__lt__", list_lt);
    add_method(t, "__le__", list_le);
    add_method(t, "__gt__", list_gt);
    add_method(t, "__ge__", list_ge);
    add_method(t, "__repr__", list_repr);
    add_method(t, "__iter__", list_iter);
    add_method(t, "__reversed__", list_reversed);
    add_method(t, "__sizeof__", crate::objects::sizeof::object_sizeof);
    if let Some(tp) = t.as_type() {
        tp.dict.set_str(crate::objects::str::new_str("__hash__"), none());
    }
    let _ = (true_, false_);
}
