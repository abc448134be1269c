//! Helpers shared by the builtin containers: `self` checks for native methods, argument
//! counts, `__index__` conversion, index/slice normalisation, the `repr` recursion guard and
//! instances of user subclasses of builtin types.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::int::{PyBool, PyInt};
use crate::objects::slice::PySlice;
use crate::values::{Kind, Payload, Value, layout};
use crate::vm::errors::{PyErr, index_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

/// `self` of a native method of builtin type `tyname` with payload `T`.
pub fn this<'a, T: Payload>(args: &Args<'a>, meth: &str, tyname: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method {tyname}.{meth}() needs an argument")));
    };
    match s.downcast::<T>() {
        Some(p) => Ok((s, p)),
        None => Err(type_error(format!(
            "descriptor '{meth}' for '{tyname}' objects doesn't apply to a '{}' object",
            type_name(s)
        ))),
    }
}

/// The builtin type a method's `self` belongs to (a subclass instance names its base).
fn owner_name(v: &Value) -> String {
    // The method's qualname starts with the type's `__name__` (`array.append`, not
    // `array.array.append`).
    match v.payload::<crate::objects::instance::Instance>().and_then(|i| i.base.as_ref()) {
        Some(b) => crate::vm::protocol::type_short_name(b),
        None => crate::vm::protocol::type_short_name(v),
    }
}

/// CPython's "list.pop() takes no keyword arguments" for a method of `self`'s type.
pub fn no_kwargs_error(args: &Args<'_>, fname: &str) -> PyErr {
    let meth = fname.rsplit('.').next().unwrap_or(fname);
    match args.pos().first() {
        Some(s) => type_error(format!("{}.{meth}() takes no keyword arguments", owner_name(s))),
        None => type_error(format!("{meth}() takes no keyword arguments")),
    }
}

/// Fails with `no_kwargs_error` if keyword arguments were passed to a method.
pub fn method_no_kwargs(args: &Args<'_>, fname: &str) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(no_kwargs_error(args, fname));
    }
    Ok(())
}

/// The arguments after `self`, checked to number between `min` and `max`, no keywords.
/// No-argument and one-argument methods word errors as CPython's METH_NOARGS/METH_O
/// ("list.copy() takes no arguments (1 given)"); others as argument clinic does.
pub fn margs<'a>(args: &Args<'a>, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(no_kwargs_error(args, fname));
    }
    let p = args.pos();
    let rest = if p.is_empty() { p } else { &p[1..] };
    if rest.len() < min || rest.len() > max {
        let meth = fname.rsplit('.').next().unwrap_or(fname);
        if min == max && min <= 1 {
            let q = match p.first() {
                Some(s) => format!("{}.{meth}", owner_name(s)),
                None => meth.to_owned(),
            };
            let what = if min == 0 { "no arguments" } else { "exactly one argument" };
            return Err(type_error(format!("{q}() takes {what} ({} given)", rest.len())));
        }
        return Err(crate::vm::args::arg_count_error(meth, min, max, rest.len()));
    }
    Ok(rest)
}

/// Binds the arguments after `self` to `names` (keywords allowed), with the
/// "split() takes at most 2 arguments (3 given)" count error.
pub fn mbind(args: &Args<'_>, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
    let n = if args.values.len() > args.kwnames.len() { 1 } else { 0 };
    let rest = Args::new(&args.values[n..], args.kwnames);
    let got = rest.pos().len();
    if got > names.len() {
        let plural = if names.len() == 1 { "" } else { "s" };
        return Err(type_error(format!("{fname}() takes at most {} argument{plural} ({got} given)", names.len())));
    }
    rest.bind(fname, names, required)
}

/// Exactly one argument after `self` (METH_O): "list.append() takes exactly one argument".
pub fn marg1<'a>(args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    let r = margs(args, qualname, 1, 1)?;
    Ok(&r[0])
}

/// Is this an int (or bool, or int subclass)?
pub fn is_int(v: &Value) -> bool {
    v.is_small() || v.downcast::<PyInt>().is_some() || v.downcast::<PyBool>().is_some()
}

/// The value of an int-like object via `__index__`, as a BigInt; `None` if it has none.
pub fn index_bigint(vm: &mut Vm, v: &Value) -> PyResult<Option<BigInt>> {
    if let Some(b) = crate::objects::int::to_bigint(v) {
        return Ok(Some(b));
    }
    if v.kind() == Kind::Float {
        return Ok(None);
    }
    match vm.call_special(v, "__index__", &[])? {
        Some(r) => match crate::objects::int::to_bigint(&r) {
            Some(b) => Ok(Some(b)),
            None => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r)))),
        },
        None => Ok(None),
    }
}

/// `operator.index(v)` clamped to i64 (big values saturate), or `None` if not an index.
pub fn index_clamped(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small() {
        return Ok(Some(i));
    }
    Ok(index_bigint(vm, v)?.map(|b| b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })))
}

/// An index-sized integer: `IndexError: cannot fit 'int' into an index-sized integer` when big.
pub fn index_isize(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = v.as_small() {
        return Ok(Some(i));
    }
    match index_bigint(vm, v)? {
        None => Ok(None),
        Some(b) => match b.to_i64() {
            Some(i) => Ok(Some(i)),
            None => Err(index_error(format!("cannot fit '{}' into an index-sized integer", type_name(v)))),
        },
    }
}

/// Like `index_isize` but a `TypeError` "'x' object cannot be interpreted as an integer"
/// when the value is not an integer (for counts and sizes).
pub fn to_size(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small() {
        return Ok(i);
    }
    match index_bigint(vm, v)? {
        Some(b) => b.to_i64().ok_or_else(|| {
            crate::vm::errors::overflow_error("Python int too large to convert to C ssize_t".to_string())
        }),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// Normalises an item index against `len` ("<what> index out of range" when outside).
#[inline]
pub fn norm_index(i: i64, len: usize, what: &str) -> PyResult<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// A resolved slice: start, stop, step and the number of items it selects.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// The selected positions, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + use<> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |k| (start + k as i64 * step) as usize)
    }
}

fn slice_part(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    match index_clamped(vm, v)? {
        Some(i) => Ok(Some(i)),
        None => Err(type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// `slice.indices(len)` as CPython's PySlice_Unpack + PySlice_AdjustIndices compute it.
pub fn slice_indices(vm: &mut Vm, s: &PySlice, len: usize) -> PyResult<SliceIdx> {
    let step = match slice_part(vm, &s.step)? {
        None => 1,
        Some(0) => return Err(crate::vm::errors::value_error("slice step cannot be zero")),
        Some(st) => st.max(-i64::MAX),
    };
    let start = slice_part(vm, &s.start)?;
    let stop = slice_part(vm, &s.stop)?;
    Ok(adjust_indices(start, stop, step, len as i64))
}

/// PySlice_AdjustIndices for optional start/stop.
pub fn adjust_indices(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> SliceIdx {
    let (lo_default, hi_default) = if step < 0 { (len - 1, -1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(len);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let start = fix(start, lo_default);
    let stop = fix(stop, hi_default);
    let n = if step < 0 {
        if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    SliceIdx { start, stop, step, len: n as usize }
}

/// A subscript key: an index or a slice.
pub enum SubKey {
    Index(i64),
    Slice(SliceIdx),
}

/// Resolves `obj[key]` for a sequence of `len` items (`what` names the type in errors:
/// "list indices must be integers or slices, not str").
pub fn subscript_key(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<SubKey> {
    if let Some(i) = key.as_small() {
        return Ok(SubKey::Index(i));
    }
    if let Some(s) = key.payload::<PySlice>() {
        return Ok(SubKey::Slice(slice_indices(vm, s, len)?));
    }
    match index_isize(vm, key)? {
        Some(i) => Ok(SubKey::Index(i)),
        None => Err(type_error(format!("{what} indices must be integers or slices, not {}", type_name(key)))),
    }
}

thread_local! {
    /// Containers whose `repr` is running (CPython's Py_ReprEnter list).
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks `v` as being repr'd; `None` if it already is (print `[...]`). Dropping the guard
/// unmarks it.
pub struct ReprGuard(usize);
impl ReprGuard {
    pub fn enter(v: &Value) -> Option<ReprGuard> {
        let id = v.bits();
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&id) {
                None
            } else {
                s.push(id);
                Some(ReprGuard(id))
            }
        })
    }
}
impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|&x| x == self.0) {
                s.remove(p);
            }
        });
    }
}

/// Is `cls` exactly the builtin type `builtin`?
#[inline]
pub fn is_exact(cls: &Value, builtin: &Value) -> bool {
    cls.is(builtin)
}

/// Wraps a builtin value as an instance of the user subclass `cls` (`class L(list)`).
pub fn subclass_instance(cls: &Value, base: Value) -> Value {
    let nslots = cls.as_type().map(|t| t.slot_names.borrow().len()).unwrap_or(0);
    let slots: Vec<RefCell<Option<Value>>> = (0..nslots).map(|_| RefCell::new(None)).collect();
    layout::alloc(
        cls,
        crate::objects::instance::Instance {
            dict: RefCell::new(None),
            slots: slots.into_boxed_slice(),
            base: Some(base),
        },
    )
}

/// Builds the result of `cls.__new__` for a builtin type: the bare value when `cls` is the
/// builtin itself, otherwise a subclass instance wrapping it.
pub fn new_for_class(cls: &Value, builtin: &Value, v: Value) -> Value {
    if cls.is(builtin) { v } else { subclass_instance(cls, v) }
}

/// The class argument of a `__new__`, checked to be a subtype of `builtin`.
pub fn new_cls<'a>(args: &Args<'a>, builtin: &Value) -> PyResult<&'a Value> {
    let bname = builtin.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let Some(cls) = args.pos().first() else {
        return Err(type_error(format!("{bname}.__new__(): not enough arguments")));
    };
    let Some(t) = cls.as_type() else {
        return Err(type_error(format!("{bname}.__new__(X): X is not a type object ({})", type_name(cls))));
    };
    if !crate::vm::protocol::is_subtype(cls, builtin) {
        let n = t.name.borrow().clone();
        return Err(type_error(format!("{bname}.__new__({n}): {n} is not a subtype of {bname}")));
    }
    Ok(cls)
}

/// Python-level `a < b` as a bool (for sorting, min/max and sequence comparisons).
pub fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small(), b.as_small()) {
        return Ok(x < y);
    }
    if let (Some(x), Some(y)) = (a.payload::<crate::objects::str::PyStr>(), b.payload::<crate::objects::str::PyStr>()) {
        return Ok(x.as_str() < y.as_str());
    }
    if let (Some(x), Some(y)) =
        (a.payload::<crate::objects::float::PyFloat>(), b.payload::<crate::objects::float::PyFloat>())
    {
        return Ok(x.0 < y.0);
    }
    if a.kind() == Kind::Tuple && b.kind() == Kind::Tuple {
        // Exact tuples: tuple.__lt__ without the dispatch (sorting by tuple keys is common).
        if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
            for (p, q) in x.iter().zip(y.iter()) {
                // Small ints and exact strs decide (or tie) here without the generic eq.
                if let (Some(a), Some(b)) = (p.as_small(), q.as_small()) {
                    if a != b {
                        return Ok(a < b);
                    }
                    continue;
                }
                if let (Some(a), Some(b)) =
                    (p.payload::<crate::objects::str::PyStr>(), q.payload::<crate::objects::str::PyStr>())
                {
                    match a.as_str().cmp(b.as_str()) {
                        std::cmp::Ordering::Equal => continue,
                        o => return Ok(o == std::cmp::Ordering::Less),
                    }
                }
                if !(p.is(q) || vm.eq(p, q)?) {
                    return lt(vm, p, q);
                }
            }
            return Ok(x.len() < y.len());
        }
    }
    let r = vm.compare(a, b, crate::bytecode::opcode::CmpOp::Lt)?;
    vm.truthy(&r)
}

/// A sequence being compared: a list is re-read at every step (it may change during
/// `__eq__`), a tuple is fixed.
pub enum SeqRef<'a> {
    List(&'a crate::objects::list::PyList),
    Tuple(&'a [Value]),
}

impl SeqRef<'_> {
    fn len(&self) -> usize {
        match self {
            SeqRef::List(l) => l.len(),
            SeqRef::Tuple(t) => t.len(),
        }
    }
    fn get(&self, i: usize) -> Option<Value> {
        match self {
            SeqRef::List(l) => l.get(i),
            SeqRef::Tuple(t) => t.get(i).cloned(),
        }
    }
}

/// Lexicographic rich comparison of two sequences (list/tuple), CPython's list_richcompare.
pub fn seq_compare(vm: &mut Vm, a: SeqRef<'_>, b: SeqRef<'_>, op: crate::bytecode::opcode::CmpOp) -> PyResult {
    use crate::bytecode::opcode::CmpOp;
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(crate::objects::py_bool(op == CmpOp::Ne));
    }
    let mut i = 0;
    loop {
        let (x, y) = match (a.get(i), b.get(i)) {
            (Some(x), Some(y)) => (x, y),
            _ => {
                let (la, lb) = (a.len(), b.len());
                return Ok(crate::objects::py_bool(op.apply(&la, &lb)));
            }
        };
        if !(x.is(&y) || vm.eq(&x, &y)?) {
            return match op {
                CmpOp::Eq => Ok(crate::objects::false_()),
                CmpOp::Ne => Ok(crate::objects::true_()),
                _ => vm.compare(&x, &y, op),
            };
        }
        i += 1;
    }
}

/// A bare MemoryError (CPython's `PyErr_NoMemory`).
pub fn no_memory() -> PyErr {
    PyErr::bare(&crate::objects::registry::exc().memory_error)
}

/// Makes room for `more` items in `v` (amortised growth), or fails with MemoryError
/// where `Vec::push` would abort the process.
#[inline]
pub fn try_grow<T>(v: &mut Vec<T>, more: usize) -> PyResult<()> {
    if v.capacity() - v.len() >= more {
        return Ok(());
    }
    v.try_reserve(more).map_err(|_| no_memory())
}

/// Reserves exactly `n` more items (a length hint), with `check_alloc`'s limit first:
/// mimalloc maps huge requests without reserving them, so only the limit catches
/// `list(range(10**12))` before it fills memory.
pub fn reserve_hint<T>(v: &mut Vec<T>, n: usize) -> PyResult<()> {
    check_alloc(n as u128 * std::mem::size_of::<T>() as u128)?;
    v.try_reserve_exact(n).map_err(|_| no_memory())
}

/// Refuses allocations no test could want (CPython raises MemoryError; Rust would abort).
pub fn check_alloc(n: u128) -> PyResult<()> {
    if n > (1u128 << 32) {
        return Err(no_memory());
    }
    Ok(())
}

/// Repeats a vector `n` times (`n <= 0` → empty), with CPython's MemoryError for absurd sizes.
pub fn repeat<T: Clone>(items: &[T], n: i64) -> PyResult<Vec<T>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = (items.len() as u128) * (n as u128);
    check_alloc(total * std::mem::size_of::<T>() as u128)?;
    let mut out = Vec::with_capacity(total as usize);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

/// The repeat count of `seq * n`: `None` (NotImplemented) when `n` is not an index.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if let Some(i) = n.as_small() {
        return Ok(Some(i));
    }
    match index_bigint(vm, n)? {
        None => Ok(None),
        Some(b) => {
            if b.is_negative() || b.is_zero() {
                Ok(Some(0))
            } else {
                match b.to_i64() {
                    Some(i) => Ok(Some(i)),
                    None => Err(crate::vm::errors::overflow_error(format!(
                        "cannot fit '{}' into an index-sized integer",
                        type_name(n)
                    ))),
                }
            }
        }
    }
}

/// `find`-style optional start/end arguments (None or ints via `__index__`), adjusted.
pub fn opt_range(vm: &mut Vm, start: Option<&Value>, end: Option<&Value>, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => match index_clamped(vm, v)? {
                Some(i) => Ok(Some(i)),
                None => Err(type_error("slice indices must be integers or None or have an __index__ method")),
            },
        }
    };
    let n = len as i64;
    let clamp = |x: i64| -> i64 { if x < 0 { (x.saturating_add(n)).max(0) } else { x } };
    let s = get(vm, start)?.map(clamp).unwrap_or(0);
    let e = get(vm, end)?.map(clamp).unwrap_or(n).min(n);
    Ok((s.max(0) as usize, e.max(0) as usize))
}

/// Adds a read-only attribute computed by `f(self)` to a builtin type (a property whose
/// getter is native).
pub fn add_getter(ty: &Value, name: &'static str, f: crate::vm::NativeFn) {
    use crate::objects::builtin_func::{BuiltinKind, PyBuiltin};
    let Some(tp) = ty.as_type() else { return };
    let owner: &'static str = Box::leak(tp.name.borrow().clone().into_boxed_str());
    let b = layout::alloc(
        &crate::objects::types().builtin_function,
        PyBuiltin { name, func: f, kind: BuiltinKind::Function, self_: None, owner },
    );
    let p = layout::alloc(
        &crate::objects::types().property,
        crate::objects::descr::PyProperty {
            fget: RefCell::new(Some(b)),
            fset: RefCell::new(None),
            fdel: RefCell::new(None),
            doc: RefCell::new(None),
            name: RefCell::new(Some(crate::objects::str::new_str(name))),
        },
    );
    tp.dict.set_str(crate::objects::str::new_str(name), p);
}
