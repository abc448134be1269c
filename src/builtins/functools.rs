//! The native `_functools` module (CPython's _functoolsmodule.c), whose names
//! `functools.py` takes over its pure-Python versions: `reduce`, `cmp_to_key` (the
//! `functools.KeyWrapper` type), `partial` (flattening nested partials, read-only
//! `func`/`args`/`keywords`, an instance `__dict__`, pickling through `__reduce__` and
//! `__setstate__`) and `_lru_cache_wrapper` (unbounded, bounded and uncached caches with
//! CPython's keys and statistics, `cache_info`/`cache_clear`, binding as a method).

use std::cell::{Cell, RefCell};

use crate::builtins::core::is_callable;
use crate::bytecode::opcode::CmpOp;
use crate::objects::dict::PyDict;
use crate::objects::dict::methods::new_dict;
use crate::objects::function::PyBoundMethod;
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::sequtil::{ReprGuard, index_clamped, new_cls};
use crate::objects::str::new_str;
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{attribute_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_function, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_functools", init);
}

struct Classes {
    key_wrapper: Value,
    partial: Value,
    lru: Value,
    /// Separates positional from keyword arguments in cache keys.
    kwd_mark: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let kw = new_builtin_class("KeyWrapper", "functools", Kind::Native, 0);
        add_method(&kw, "__call__", key_call);
        for (name, f) in [
            ("__lt__", key_lt as NativeFn),
            ("__le__", key_le),
            ("__eq__", key_eq),
            ("__ne__", key_ne),
            ("__gt__", key_gt),
            ("__ge__", key_ge),
        ] {
            add_method(&kw, name, f);
        }
        crate::objects::descr::add_getset(&kw, "obj", key_obj_get, Some(key_obj_set));
        if let Some(t) = kw.as_type() {
            t.dict.set_str(new_str("__hash__"), none());
        }

        let partial = new_builtin_class("partial", "functools", Kind::Native, TF_BASETYPE);
        add_staticmethod(&partial, "__new__", partial_new);
        add_method(&partial, "__call__", partial_call);
        add_method(&partial, "__repr__", partial_repr);
        add_method(&partial, "__reduce__", partial_reduce);
        add_method(&partial, "__setstate__", partial_setstate);
        add_classmethod(&partial, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        for (name, get) in [
            ("func", partial_func as crate::objects::descr::Getter),
            ("args", partial_args),
            ("keywords", partial_keywords),
        ] {
            crate::objects::descr::add_getset(&partial, name, get, Some(readonly));
        }
        add_dict_getset(&partial);

        let lru = new_builtin_class("_lru_cache_wrapper", "functools", Kind::Native, 0);
        add_staticmethod(&lru, "__new__", lru_new);
        add_method(&lru, "__call__", lru_call);
        add_method(&lru, "__get__", lru_get);
        add_method(&lru, "cache_info", lru_cache_info);
        add_method(&lru, "cache_clear", lru_cache_clear);
        add_method(&lru, "__reduce__", lru_reduce);
        add_method(&lru, "__copy__", lru_copy);
        add_method(&lru, "__deepcopy__", lru_deepcopy);
        add_dict_getset(&lru);

        // A plain object hashed by identity, as CPython's `kwd_mark = object()`.
        let mark_type = new_builtin_class("_kwd_mark", "functools", Kind::Native, 0);
        let kwd_mark = new_native(&mark_type, KwdMark);
        Classes { key_wrapper: kw, partial, lru, kwd_mark }
    })
}

struct KwdMark;
impl NativeData for KwdMark {}

/// `__dict__` and `__weakref__`, which instances of both types have.
fn add_dict_getset(cls: &Value) {
    crate::objects::descr::add_getset(
        cls,
        "__dict__",
        crate::objects::instance::obj_dict_get,
        Some(crate::objects::instance::obj_dict_set),
    );
    crate::objects::descr::add_getset(cls, "__weakref__", crate::objects::instance::obj_weakref_get, None);
}

fn readonly(_vm: &mut Vm, _s: &Value, _v: Option<Value>) -> PyResult<()> {
    Err(attribute_error("readonly attribute"))
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("reduce", 2, 3)?;
    let it = match vm.iter(&p[1]) {
        Ok(it) => it,
        Err(e) if e.matches(&crate::objects::registry::exc().type_error) => {
            return Err(type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = p.get(2).cloned();
    while let Some(x) = vm.next(&it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(&p[0], Args::positional_only(&[a, x]))?,
        });
    }
    acc.ok_or_else(|| type_error("reduce() of empty iterable with no initial value"))
}

/// A `cmp_to_key` key: the comparison function and the wrapped object (none yet for
/// the object `cmp_to_key` itself returns).
struct KeyWrapper {
    cmp: Value,
    obj: RefCell<Option<Value>>,
}
impl NativeData for KeyWrapper {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        if let Some(o) = &*self.obj.borrow() {
            visit(o);
        }
    }
}

fn cmp_to_key(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [mycmp] = bind_one(&args, "cmp_to_key", "mycmp")?;
    Ok(new_native(&classes().key_wrapper, KeyWrapper { cmp: mycmp, obj: RefCell::new(None) }))
}

/// The one argument of a function taking `(name)` by position or keyword.
fn bind_one(args: &Args<'_>, fname: &str, name: &str) -> PyResult<[Value; 1]> {
    let slots = args.bind(fname, &[name], 1)?;
    Ok([slots.into_iter().next().flatten().unwrap_or_else(none)])
}

fn key_call(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let k = this::<KeyWrapper>(&args, "__call__", "functools.KeyWrapper")?.1;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let slots = rest.bind("K", &["obj"], 1)?;
    let obj = slots.into_iter().next().flatten();
    Ok(new_native(&classes().key_wrapper, KeyWrapper { cmp: k.cmp.clone(), obj: RefCell::new(obj) }))
}

fn key_obj_get(_vm: &mut Vm, s: &Value) -> PyResult {
    let k = native_ref::<KeyWrapper>(s).ok_or_else(|| type_error("KeyWrapper expected"))?;
    // A T_OBJECT member: None before a key holds an object.
    Ok(k.obj.borrow().clone().unwrap_or_else(none))
}

fn key_obj_set(_vm: &mut Vm, s: &Value, v: Option<Value>) -> PyResult<()> {
    let k = native_ref::<KeyWrapper>(s).ok_or_else(|| type_error("KeyWrapper expected"))?;
    *k.obj.borrow_mut() = v;
    Ok(())
}

/// `cmp(self.obj, other.obj) op 0`, for keys of one type only.
fn key_compare(vm: &mut Vm, args: Args<'_>, op: CmpOp) -> PyResult {
    let [me, other] = args.exact::<2>("comparison")?;
    let Some(k) = native_ref::<KeyWrapper>(me) else { return Err(type_error("KeyWrapper expected")) };
    if !other.type_of().is(me.type_of()) {
        return Err(type_error("other argument must be K instance"));
    }
    let o = native_ref::<KeyWrapper>(other).ok_or_else(|| type_error("other argument must be K instance"))?;
    let (Some(x), Some(y)) = (k.obj.borrow().clone(), o.obj.borrow().clone()) else {
        return Err(attribute_error("object"));
    };
    let r = vm.call(&k.cmp, Args::positional_only(&[x, y]))?;
    vm.compare(&r, &new_int(0), op)
}

macro_rules! key_cmps {
    ($($f:ident $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            key_compare(vm, args, CmpOp::$op)
        }
    )*};
}
key_cmps! {
    key_lt Lt;
    key_le Le;
    key_eq Eq;
    key_ne Ne;
    key_gt Gt;
    key_ge Ge;
}

/// A `partial`: the function, its leading positional arguments (a tuple) and keyword
/// arguments (a dict), and the instance `__dict__`.
struct Partial {
    func: RefCell<Value>,
    args: RefCell<Value>,
    kw: RefCell<Value>,
    dict: RefCell<Option<Value>>,
}
impl NativeData for Partial {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func.borrow());
        visit(&self.args.borrow());
        visit(&self.kw.borrow());
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
    }
    fn dict_slot(&self) -> Option<&RefCell<Option<Value>>> {
        Some(&self.dict)
    }
}

fn tuple_items(v: &Value) -> Vec<Value> {
    v.downcast::<PyTuple>().map(|t| t.0.to_vec()).unwrap_or_default()
}

fn dict_copy(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let out = new_dict();
    if let (Some(src), Some(dst)) = (d.downcast::<PyDict>(), out.payload::<PyDict>()) {
        for (k, v) in src.items() {
            dst.set(vm, k, v)?;
        }
    }
    Ok(out)
}

fn partial_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().partial)?;
    let pos = &args.pos()[1..];
    let Some(first) = pos.first() else {
        return Err(type_error("type 'partial' takes at least one argument"));
    };
    let mut func = first.clone();
    let mut pargs: Vec<Value> = Vec::new();
    let kw = new_dict();
    // A partial of a partial (without instance attributes) is flattened into one.
    if let Some(inner) = native_ref::<Partial>(first).filter(|p| p.dict.borrow().is_none()) {
        pargs = tuple_items(&inner.args.borrow());
        let ikw = inner.kw.borrow().clone();
        if let (Some(src), Some(dst)) = (ikw.downcast::<PyDict>(), kw.payload::<PyDict>()) {
            for (k, v) in src.items() {
                dst.set(vm, k, v)?;
            }
        }
        func = inner.func.borrow().clone();
    }
    if !is_callable(vm, &func) {
        return Err(type_error("the first argument must be callable"));
    }
    pargs.extend_from_slice(&pos[1..]);
    if let Some(dst) = kw.payload::<PyDict>() {
        for (k, v) in args.kwargs() {
            dst.set(vm, new_str(k), v.clone())?;
        }
    }
    let p = Partial {
        func: RefCell::new(func),
        args: RefCell::new(new_tuple(pargs)),
        kw: RefCell::new(kw),
        dict: RefCell::new(None),
    };
    Ok(new_native(cls, p))
}

fn partial_of<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a Partial)> {
    this::<Partial>(args, meth, "functools.partial")
}

fn partial_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = partial_of(&args, "__call__")?.1;
    let func = p.func.borrow().clone();
    let mut values = tuple_items(&p.args.borrow());
    values.extend_from_slice(&args.pos()[1..]);
    let kw = p.kw.borrow().clone();
    let mut names: Vec<Value> = Vec::new();
    let mut kwvals: Vec<Value> = Vec::new();
    if let Some(d) = kw.downcast::<PyDict>() {
        for (k, v) in d.items() {
            // Only `__setstate__` can store other keys; a call with them fails as **kw does.
            if k.as_str().is_none() {
                return Err(type_error("keywords must be strings"));
            }
            names.push(k);
            kwvals.push(v);
        }
    }
    // The call's keywords override the stored ones.
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| n.as_str() == Some(k)) {
            Some(i) => kwvals[i] = v.clone(),
            None => {
                names.push(new_str(k));
                kwvals.push(v.clone());
            }
        }
    }
    values.extend(kwvals);
    vm.call(&func, Args::new(&values, &names))
}

fn partial_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (me, p) = partial_of(&args, "__repr__")?;
    // CPython writes the type's tp_name: "functools.partial", or a subclass's name.
    let name = if me.type_of().is(&classes().partial) { "functools.partial".to_string() } else { type_name(me) };
    let Some(_guard) = ReprGuard::enter(me) else { return Ok(new_str("...")) };
    let func = p.func.borrow().clone();
    let mut out = format!("{name}({}", vm.repr_string(&func)?);
    for a in tuple_items(&p.args.borrow()) {
        out.push_str(", ");
        out.push_str(&vm.repr_string(&a)?);
    }
    let kw = p.kw.borrow().clone();
    if let Some(d) = kw.downcast::<PyDict>() {
        for (k, v) in d.items() {
            let ks = match k.as_str() {
                Some(s) => s.to_string(),
                None => vm.str_string(&k)?,
            };
            out.push_str(&format!(", {ks}={}", vm.repr_string(&v)?));
        }
    }
    out.push(')');
    Ok(new_str(out))
}

fn partial_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (me, p) = partial_of(&args, "__reduce__")?;
    let func = p.func.borrow().clone();
    let kw = p.kw.borrow().clone();
    let kw = if kw.downcast::<PyDict>().is_some_and(|d| !d.is_empty()) { kw } else { none() };
    let dict = p.dict.borrow().clone().filter(|d| d.downcast::<PyDict>().is_some_and(|d| !d.is_empty()));
    Ok(new_tuple(vec![
        me.type_of().clone(),
        new_tuple(vec![func.clone()]),
        new_tuple(vec![func, p.args.borrow().clone(), kw, dict.unwrap_or_else(none)]),
    ]))
}

fn partial_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = partial_of(&args, "__setstate__")?.1;
    let [_, state] = args.exact::<2>("__setstate__")?;
    let invalid = || type_error("invalid partial state");
    let Some(st) = state.downcast::<PyTuple>().filter(|t| t.0.len() == 4) else { return Err(invalid()) };
    let (func, fargs, kw, dict) = (&st.0[0], &st.0[1], &st.0[2], &st.0[3]);
    if !is_callable(vm, func)
        || fargs.downcast::<PyTuple>().is_none()
        || (!kw.is_none() && kw.downcast::<PyDict>().is_none())
    {
        return Err(invalid());
    }
    let fargs = if fargs.type_of().is(&types().tuple) { fargs.clone() } else { new_tuple(tuple_items(fargs)) };
    let kw = if kw.is_none() {
        new_dict()
    } else if kw.type_of().is(&types().dict) {
        kw.clone()
    } else {
        dict_copy(vm, kw)?
    };
    *p.func.borrow_mut() = func.clone();
    *p.args.borrow_mut() = fargs;
    *p.kw.borrow_mut() = kw;
    *p.dict.borrow_mut() = if dict.is_none() { None } else { Some(dict.clone()) };
    Ok(none())
}

macro_rules! partial_getters {
    ($($f:ident $field:ident;)*) => {$(
        fn $f(_vm: &mut Vm, s: &Value) -> PyResult {
            let p = native_ref::<Partial>(s).ok_or_else(|| type_error("partial expected"))?;
            Ok(p.$field.borrow().clone())
        }
    )*};
}
partial_getters! {
    partial_func func;
    partial_args args;
    partial_keywords kw;
}

/// Which cache an `_lru_cache_wrapper` keeps.
#[derive(Clone, Copy, PartialEq)]
enum CacheKind {
    /// `maxsize=0`: every call a miss.
    Uncached,
    /// `maxsize=None`.
    Unbounded,
    Bounded(usize),
}

/// An `_lru_cache_wrapper`: the cache is a dict in recency order (a hit moves its key
/// to the end; the first key is evicted), which is CPython's linked list in dict form.
struct LruCache {
    func: Value,
    kind: CacheKind,
    typed: bool,
    cache: Value,
    cache_info_type: Value,
    hits: Cell<i64>,
    misses: Cell<i64>,
    dict: RefCell<Option<Value>>,
}
impl NativeData for LruCache {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.cache);
        visit(&self.cache_info_type);
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
    }
    fn dict_slot(&self) -> Option<&RefCell<Option<Value>>> {
        Some(&self.dict)
    }
}

fn lru_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().lru)?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let slots = rest.bind("lru_cache", &["user_function", "maxsize", "typed", "cache_info_type"], 4)?;
    let [func, maxsize, typed, info] = <[Option<Value>; 4]>::try_from(slots).map_err(|_| type_error("lru_cache"))?;
    let (func, maxsize, typed, info) = (
        func.unwrap_or_else(none),
        maxsize.unwrap_or_else(none),
        typed.unwrap_or_else(none),
        info.unwrap_or_else(none),
    );
    let typed = vm.truthy(&typed)?;
    if !is_callable(vm, &func) {
        return Err(type_error("the first argument must be callable"));
    }
    let kind = if maxsize.is_none() {
        CacheKind::Unbounded
    } else {
        match index_clamped(vm, &maxsize)? {
            Some(n) if n <= 0 => CacheKind::Uncached,
            Some(n) => CacheKind::Bounded(n as usize),
            None => return Err(type_error("maxsize should be integer or None")),
        }
    };
    let c = LruCache {
        func,
        kind,
        typed,
        cache: new_dict(),
        cache_info_type: info,
        hits: Cell::new(0),
        misses: Cell::new(0),
        dict: RefCell::new(None),
    };
    Ok(new_native(cls, c))
}

/// CPython's `lru_cache_make_key`: a lone str or int argument is its own key, else the
/// arguments tuple, with the keywords after a marker and the types when `typed`.
fn make_key(args: &Args<'_>, pos: &[Value], typed: bool) -> Value {
    let kwargs: Vec<(&str, &Value)> = args.kwargs().collect();
    if !typed && kwargs.is_empty() {
        if let [one] = pos {
            if one.type_of().is(&types().str) || one.type_of().is(&types().int) {
                return one.clone();
            }
        }
        return new_tuple(pos.to_vec());
    }
    let mut key: Vec<Value> = pos.to_vec();
    if !kwargs.is_empty() {
        key.push(classes().kwd_mark.clone());
        for (k, v) in &kwargs {
            key.push(new_str(*k));
            key.push((*v).clone());
        }
    }
    if typed {
        key.extend(pos.iter().map(|a| a.type_of().clone()));
        key.extend(kwargs.iter().map(|(_, v)| v.type_of().clone()));
    }
    new_tuple(key)
}

fn lru_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, c) = this::<LruCache>(&args, "__call__", "functools._lru_cache_wrapper")?;
    let call_args = Args::new(&args.values[1..], args.kwnames);
    if c.kind == CacheKind::Uncached {
        c.misses.set(c.misses.get() + 1);
        return vm.call(&c.func, call_args);
    }
    let key = make_key(&call_args, &args.pos()[1..], c.typed);
    let hash = vm.hash(&key)?;
    let Some(cache) = c.cache.downcast::<PyDict>() else { return vm.call(&c.func, call_args) };
    if let Some(hit) = cache.get_hashed(vm, &key, hash)? {
        c.hits.set(c.hits.get() + 1);
        if let CacheKind::Bounded(_) = c.kind {
            // Most recently used: to the end.
            cache.remove(vm, &key)?;
            cache.set_hashed(vm, key, hash, hit.clone())?;
        }
        return Ok(hit);
    }
    c.misses.set(c.misses.get() + 1);
    let result = vm.call(&c.func, call_args)?;
    if let CacheKind::Bounded(max) = c.kind {
        // The call may have cached this key itself (a recursive call): keep that entry.
        if cache.get_hashed(vm, &key, hash)?.is_some() {
            return Ok(result);
        }
        if cache.len() >= max {
            let oldest = cache.table().iter().next().map(|e| e.key.clone());
            if let Some(old) = oldest {
                cache.remove(vm, &old)?;
            }
        }
    }
    cache.set_hashed(vm, key, hash, result.clone())?;
    Ok(result)
}

fn lru_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("__get__", 2, 3)?;
    let (me, obj) = (&p[0], &p[1]);
    if obj.is_none() {
        return Ok(me.clone());
    }
    Ok(layout::alloc(&types().method, PyBoundMethod { func: me.clone(), self_: obj.clone() }))
}

fn lru_cache_info(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = this::<LruCache>(&args, "cache_info", "functools._lru_cache_wrapper")?.1;
    let size = c.cache.downcast::<PyDict>().map_or(0, |d| d.len()) as i64;
    let maxsize = match c.kind {
        CacheKind::Unbounded => none(),
        CacheKind::Uncached => new_int(0),
        CacheKind::Bounded(n) => new_int(n as i64),
    };
    vm.call(
        &c.cache_info_type,
        Args::positional_only(&[new_int(c.hits.get()), new_int(c.misses.get()), maxsize, new_int(size)]),
    )
}

fn lru_cache_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = this::<LruCache>(&args, "cache_clear", "functools._lru_cache_wrapper")?.1;
    c.hits.set(0);
    c.misses.set(0);
    if let Some(d) = c.cache.downcast::<PyDict>() {
        d.clear();
    }
    Ok(none())
}

/// Pickled by reference, as the function it replaces.
fn lru_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = this::<LruCache>(&args, "__reduce__", "functools._lru_cache_wrapper")?.0;
    vm.getattr_str(me, "__qualname__")
}

fn lru_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this::<LruCache>(&args, "__copy__", "functools._lru_cache_wrapper")?.0.clone())
}

fn lru_deepcopy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = this::<LruCache>(&args, "__deepcopy__", "functools._lru_cache_wrapper")?.0.clone();
    args.exact::<2>("__deepcopy__")?;
    Ok(me)
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_functools");
    let d = module_dict(&m);
    add_function(&d, "_functools", "reduce", reduce);
    add_function(&d, "_functools", "cmp_to_key", cmp_to_key);
    let c = classes();
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__doc__"), new_str("Tools that operate on functions."));
        dd.set_str(new_str("partial"), c.partial.clone());
        dd.set_str(new_str("_lru_cache_wrapper"), c.lru.clone());
    }
    Ok(m)
}
