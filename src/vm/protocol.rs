//! The object protocols every part of the VM goes through: attribute access with
//! descriptors, subscripts, iteration, hashing, equality, truth, `repr`/`str`, and
//! `isinstance`. Fast paths for builtin kinds first, then lookup of dunders on the type.

use crate::bytecode::opcode::CmpOp;
use crate::objects::dict::PyDict;
use crate::objects::str::{PyStr, new_str};
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::{Args, PyResult, Vm};

mod attr;
mod isinstance;

pub use attr::{instance_dict, instance_dict_create};

/// Is `t` the class `cls` or a subclass of it (by MRO)?
pub fn is_subtype(t: &Value, cls: &Value) -> bool {
    if t.is(cls) {
        return true;
    }
    match t.as_type() {
        Some(tp) => tp.mro.borrow().iter().any(|m| m.is(cls)),
        None => false,
    }
}

/// The type's `__name__` (reprs that add the module themselves).
pub fn type_short_name(v: &Value) -> String {
    v.type_of().as_type().map(|t| t.name.borrow().clone()).unwrap_or_else(|| "?".into())
}

/// The type's name as CPython's `tp_name`, which error messages print: `__name__` for
/// classes and builtins, `module.name` for the types of native modules
/// (`'itertools.count' object is not subscriptable`).
pub fn type_name(v: &Value) -> String {
    let Some(t) = v.type_of().as_type() else { return "?".into() };
    if !t.is_heap() {
        let m = t.module_name();
        if m != "builtins" {
            return format!("{m}.{}", t.name.borrow());
        }
    }
    t.name.borrow().clone()
}

impl Vm {
    /// CPython's `Py_EnterRecursiveCall`: native code that re-enters Python or recurses
    /// into nested containers runs `f` as one level of the recursion limit, or fails
    /// with RecursionError (`what` ends the message) when the limit or the Rust stack is
    /// used up.
    #[inline]
    pub fn recursive<T>(&mut self, what: &str, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if self.frames.len() >= self.recursion_limit || crate::vm::interp::stack_exhausted() {
            return Err(crate::vm::errors::PyErr::new(
                &crate::objects::registry::exc().recursion_error,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.recursion_limit -= 1;
        self.c_depth += 1;
        let r = f(self);
        self.recursion_limit += 1;
        self.c_depth -= 1;
        r
    }

    /// Looks a special method up on the object's type (never the instance), unbound.
    pub fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        v.type_of().as_type()?.lookup(name)
    }

    /// Calls a special method found on the type with `v` as self; `None` if absent.
    pub fn call_special(&mut self, v: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        let Some(f) = self.lookup_special(v, name) else { return Ok(None) };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(v.clone());
        all.extend_from_slice(args);
        self.call(&f, Args::positional_only(&all)).map(Some)
    }

    /// Truth value (`bool(v)`).
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(i) = v.as_small() {
            return Ok(i != 0);
        }
        match v.kind() {
            Kind::Bool => return Ok(v.is_true_singleton()),
            Kind::None => return Ok(false),
            Kind::Str => return Ok(v.payload::<PyStr>().is_some_and(|s| !s.as_str().is_empty())),
            Kind::List => {
                return Ok(v.payload::<crate::objects::list::PyList>().is_some_and(|l| !l.0.borrow().is_empty()));
            }
            Kind::Tuple => return Ok(v.as_tuple().is_some_and(|t| !t.is_empty())),
            Kind::Dict => return Ok(v.payload::<PyDict>().is_some_and(|d| !d.is_empty())),
            Kind::Float => return Ok(v.as_float().is_some_and(|f| f != 0.0)),
            _ => {}
        }
        if let Some(r) = self.call_special(v, "__bool__", &[])? {
            return match r.kind() {
                Kind::Bool => Ok(r.is_true_singleton()),
                _ => Err(type_error(format!("__bool__ should return bool, returned {}", type_name(&r)))),
            };
        }
        if let Some(r) = self.call_special(v, "__len__", &[])? {
            let n = crate::objects::int::to_i64(&r)
                .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r))))?;
            if n < 0 {
                return Err(crate::vm::errors::value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small() {
            return Ok(crate::vm::ops::hash_i64(i));
        }
        if let Some(s) = v.payload::<PyStr>() {
            return Ok(s.hash());
        }
        if let Some(h) = crate::objects::int::fast_hash(v) {
            return Ok(h);
        }
        match self.lookup_special(v, "__hash__") {
            Some(h) if !h.is_none() => {
                // A level of its own (CPython has none and overflows on deeply nested
                // tuples): the builtin hashes of tuples and frozensets come back here.
                let r = self.recursive("", |vm| vm.call(&h, Args::positional_only(std::slice::from_ref(v))))?;
                if !is_subtype(r.type_of(), &crate::objects::types().int) {
                    return Err(type_error("__hash__ method should return an integer"));
                }
                if let Some(h) = crate::objects::int::to_i64(&r) {
                    return Ok(if h == -1 { -2 } else { h });
                }
                // Out of range: the int's own hash, as CPython does.
                let plain = crate::objects::int::to_bigint(&r).map(crate::objects::int::new_bigint);
                match plain.as_ref().and_then(crate::objects::int::fast_hash) {
                    Some(h) => Ok(h),
                    None => Err(type_error("__hash__ method should return an integer")),
                }
            }
            _ => Err(type_error(format!("unhashable type: '{}'", type_name(v)))),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::objects::dict::simple_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(r.as_str().unwrap_or("").to_owned())
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.payload::<PyStr>() {
            return Ok(s.as_str().to_owned());
        }
        let r = self.str(v)?;
        Ok(r.as_str().unwrap_or("").to_owned())
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult {
        // CPython's PyObject_Repr is a recursion level of its own, with its own message.
        let r = self.recursive(" while getting the repr of an object", |vm| vm.call_special(v, "__repr__", &[]));
        match r? {
            Some(r) if r.as_str().is_some() => Ok(r),
            Some(r) => Err(type_error(format!("__repr__ returned non-string (type {})", type_name(&r)))),
            None => Ok(new_str(format!("<{} object at {:#x}>", type_name(v), v.bits()))),
        }
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult {
        if v.kind() == Kind::Str {
            return Ok(v.clone());
        }
        if let Some(i) = v.as_small() {
            return Ok(new_str(itoa::Buffer::new().format(i)));
        }
        // A recursion level of its own, as `repr` above.
        let r = self.recursive(" while getting the str of an object", |vm| vm.call_special(v, "__str__", &[]));
        match r? {
            Some(r) if r.as_str().is_some() => Ok(r),
            Some(r) => Err(type_error(format!("__str__ returned non-string (type {})", type_name(&r)))),
            None => self.repr(v),
        }
    }

    /// `isinstance(v, cls)` for a single class (tuples and `__instancecheck__` are the
    /// builtin's business).
    pub fn isinstance(&self, v: &Value, cls: &Value) -> bool {
        is_subtype(v.type_of(), cls)
    }

    /// Calls `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult {
        let m = self.getattr_str(obj, name)?;
        self.call(&m, Args::positional_only(args))
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult {
        // Exact builtins (their types are immutable): no `__iter__` lookup or call.
        match v.kind() {
            Kind::List => return Ok(crate::objects::list::list_iterator(v)),
            Kind::Tuple => {
                return crate::objects::tuple::tuple_iter(self, Args::positional_only(std::slice::from_ref(v)));
            }
            Kind::Str => return crate::objects::str::str_iter(self, Args::positional_only(std::slice::from_ref(v))),
            Kind::Dict => {
                return Ok(crate::objects::dict::views::dict_iter(v, crate::objects::dict::ViewKind::Keys, false));
            }
            Kind::Range => {
                if let Some(r) = v.payload::<crate::objects::range::PyRange>() {
                    return Ok(crate::objects::range::range_iter_of(v, r));
                }
            }
            // Iterators of builtin types are their own iterators.
            Kind::NativeIter | Kind::Generator
                if v.type_of().as_type().is_some_and(|t| !t.is_heap())
                    && (v.kind() == Kind::NativeIter || crate::objects::generator::is_plain_generator(v)) =>
            {
                return Ok(v.clone());
            }
            _ => {}
        }
        if let Some(f) = self.lookup_special(v, "__iter__") {
            if f.is_none() {
                return Err(type_error(format!("'{}' object is not iterable", type_name(v))));
            }
            let r = self.call(&f, Args::positional_only(std::slice::from_ref(v)))?;
            let is_iter = r.kind() == Kind::NativeIter
                || crate::objects::generator::is_plain_generator(&r)
                || self.lookup_special(&r, "__next__").is_some();
            if !is_iter {
                return Err(type_error(format!("iter() returned non-iterator of type '{}'", type_name(&r))));
            }
            return Ok(r);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            return crate::objects::iter::seq_iter(v.clone());
        }
        Err(type_error(format!("'{}' object is not iterable", type_name(v))))
    }

    /// `next(it)`; `Ok(None)` when exhausted (StopIteration is absorbed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(ni) = it.payload::<crate::objects::iter::PyNativeIter>() {
            let mut b =
                ni.0.try_borrow_mut().map_err(|_| crate::vm::errors::value_error("iterator already executing"))?;
            return b.next(self);
        }
        if crate::objects::generator::is_plain_generator(it) {
            return crate::objects::generator::gen_next(self, it);
        }
        let Some(f) = self.lookup_special(it, "__next__") else {
            return Err(type_error(format!("'{}' object is not an iterator", type_name(it))));
        };
        match self.call(&f, Args::positional_only(std::slice::from_ref(it))) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(&crate::objects::registry::exc().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collects an iterable into a vector.
    pub fn to_vec(&mut self, iterable: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = iterable.payload::<crate::objects::tuple::PyTuple>() {
            return Ok(t.0.to_vec());
        }
        if let Some(l) = iterable.payload::<crate::objects::list::PyList>() {
            return Ok(l.0.borrow().clone());
        }
        let it = self.iter(iterable)?;
        // The length hint up front, as CPython's list_preallocate_exact: `range(10**12)`
        // is a MemoryError at once; growth past the hint fails the same way, not an abort.
        let mut out = Vec::new();
        if let Some(n) = crate::objects::iter::native_length_hint(&it) {
            crate::objects::sequtil::reserve_hint(&mut out, n)?;
        }
        while let Some(v) = self.next(&it)? {
            crate::objects::sequtil::try_grow(&mut out, 1)?;
            out.push(v);
        }
        Ok(out)
    }

    /// `container[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult {
        // Exact builtin containers (their types are immutable): no dunder lookup or call.
        let tys = crate::objects::types();
        let t = c.type_of();
        match c.kind() {
            _ if !(t.is(&tys.str) || t.is(&tys.dict) || t.is(&tys.list) || t.is(&tys.tuple)) => {}
            Kind::Str => {
                if let Some(s) = c.payload::<PyStr>() {
                    return crate::objects::str::getitem(self, s, key);
                }
            }
            Kind::Dict => {
                if let Some(d) = c.payload::<PyDict>() {
                    return crate::objects::dict::methods::getitem(self, c, d, key);
                }
            }
            Kind::List => {
                if let Some(l) = c.payload::<crate::objects::list::PyList>() {
                    return crate::objects::list::getitem(self, l, key);
                }
            }
            Kind::Tuple => {
                if let Some(t) = c.payload::<crate::objects::tuple::PyTuple>() {
                    return crate::objects::tuple::getitem(self, c, &t.0, key);
                }
            }
            // `array.array` with an int index: decoded in place (its type is immutable).
            Kind::Native => {
                if let Some(v) = crate::builtins::array::fast_getitem(c, key) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        if let Some(f) = self.lookup_special(c, "__getitem__") {
            let argv = [c.clone(), key.clone()];
            return self.call(&f, Args::positional_only(&argv));
        }
        if c.as_type().is_some() {
            // `type[int]` is special-cased, as CPython does (so `str[int]` still fails).
            if c.is(&crate::objects::types().type_) {
                let args = match key.as_tuple() {
                    Some(t) if key.kind() == Kind::Tuple => t.to_vec(),
                    _ => vec![key.clone()],
                };
                return Ok(crate::objects::type_::generic::new_alias(c.clone(), args));
            }
            if let Some(cg) = self.getattr_opt(c, "__class_getitem__")? {
                return self.call(&cg, Args::positional_only(std::slice::from_ref(key)));
            }
        }
        Err(type_error(format!("'{}' object is not subscriptable", type_name(c))))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, c: &Value, key: &Value, value: Value) -> PyResult<()> {
        // An exact dict (its type is immutable): no dunder lookup or call.
        if c.kind() == Kind::Dict && c.type_of().is(&crate::objects::types().dict) {
            if let Some(d) = c.payload::<PyDict>() {
                return d.set(self, key.clone(), value);
            }
        }
        if c.kind() == Kind::Native && crate::builtins::array::fast_setitem(c, key, &value) {
            return Ok(());
        }
        match self.lookup_special(c, "__setitem__") {
            Some(f) => {
                let argv = [c.clone(), key.clone(), value];
                self.call(&f, Args::positional_only(&argv))?;
                Ok(())
            }
            None => Err(type_error(format!("'{}' object does not support item assignment", type_name(c)))),
        }
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        match self.lookup_special(c, "__delitem__") {
            Some(f) => {
                let argv = [c.clone(), key.clone()];
                self.call(&f, Args::positional_only(&argv))?;
                Ok(())
            }
            None => Err(type_error(format!("'{}' object doesn't support item deletion", type_name(c)))),
        }
    }
}
