//! The native `_operator` module (CPython's _operator.c): every function of `operator`
//! over the interpreter's own protocol operations (`binary_op`, `compare`, `getitem`,
//! `op_contains`, ...), so results and messages match the bytecode's, and the
//! `itemgetter`, `attrgetter` and `methodcaller` types. CPython's `operator.py` replaces
//! its Python versions with these through `from _operator import *`.

use crate::builtins::memoryview::buffer_bytes;
use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::sequtil::ReprGuard;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_operator", init_operator);
}

/// `_compare_digest(a, b)`: equality in time independent of where the inputs differ,
/// over two ASCII strs or two bytes-like objects.
fn compare_digest(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("_compare_digest")?;
    let (x, y) = match (a.as_str(), b.as_str()) {
        (Some(x), Some(y)) => {
            if !x.is_ascii() || !y.is_ascii() {
                return Err(type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (x.as_bytes().to_vec(), y.as_bytes().to_vec())
        }
        // CPython's order: neither has a buffer, then `a`'s, then `b`'s.
        _ => match (buffer_bytes(a), buffer_bytes(b)) {
            (Some(x), Some(y)) => (x, y),
            (None, None) => {
                return Err(type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    type_name(a),
                    type_name(b)
                )));
            }
            (None, _) => return Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(a)))),
            (_, None) => return Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(b)))),
        },
    };
    // Every byte of `y` is looked at whatever the contents, as CPython's
    // `_tscmp`; only the length leaks.
    let mut diff = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        diff |= p ^ q;
    }
    Ok(py_bool(diff == 0))
}

/// The `N` positional arguments of function `name`, with Argument Clinic's messages:
/// those naming the function as `_operator.add()` (keywords; a count for one-argument
/// functions) say the module, "add expected 2 arguments" does not.
fn argn<'a, const N: usize>(args: &Args<'a>, name: &str) -> PyResult<&'a [Value; N]> {
    let qualified = format!("_operator.{name}");
    args.no_kwargs(&qualified)?;
    args.exact::<N>(if N == 1 { &qualified } else { name })
}

/// Defines a two-operand function per binary operator, plain and in-place.
macro_rules! binops {
    ($($f:ident $name:literal $op:ident $inplace:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let [a, b] = argn::<2>(&args, $name)?;
            vm.binary_op(a, b, BinOp::$op, $inplace)
        })*
        const BINOPS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

binops! {
    op_add "add" Add false; op_and "and_" And false; op_floordiv "floordiv" FloorDiv false;
    op_lshift "lshift" LShift false; op_matmul "matmul" MatMul false; op_mul "mul" Mul false;
    op_mod "mod" Mod false; op_or "or_" Or false; op_pow "pow" Pow false;
    op_rshift "rshift" RShift false; op_sub "sub" Sub false; op_truediv "truediv" TrueDiv false;
    op_xor "xor" Xor false;
    op_iadd "iadd" Add true; op_iand "iand" And true; op_ifloordiv "ifloordiv" FloorDiv true;
    op_ilshift "ilshift" LShift true; op_imatmul "imatmul" MatMul true; op_imul "imul" Mul true;
    op_imod "imod" Mod true; op_ior "ior" Or true; op_ipow "ipow" Pow true;
    op_irshift "irshift" RShift true; op_isub "isub" Sub true; op_itruediv "itruediv" TrueDiv true;
    op_ixor "ixor" Xor true;
}

/// Defines a rich-comparison function per operator.
macro_rules! cmpops {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let [a, b] = argn::<2>(&args, $name)?;
            vm.compare(a, b, CmpOp::$op)
        })*
        const CMPOPS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

cmpops! {
    op_lt "lt" Lt; op_le "le" Le; op_eq "eq" Eq; op_ne "ne" Ne; op_gt "gt" Gt; op_ge "ge" Ge;
}

/// Defines a one-operand function per unary operator.
macro_rules! unops {
    ($($f:ident $name:literal $dunder:literal $sym:literal;)*) => {
        $(fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let [a] = argn::<1>(&args, $name)?;
            vm.unary_op(a, $dunder, $sym)
        })*
        const UNOPS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

unops! {
    op_neg "neg" "__neg__" "-"; op_pos "pos" "__pos__" "+";
    op_inv "inv" "__invert__" "~"; op_invert "invert" "__invert__" "~";
}

/// `abs(a)`, as builtin `abs` (PyNumber_Absolute): inline ints and floats directly,
/// anything else through `__abs__`.
fn op_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = argn::<1>(&args, "abs")?;
    if let Some(i) = x.as_small() {
        return Ok(new_int(i.abs()));
    }
    if let Some(f) = x.payload::<crate::objects::float::PyFloat>() {
        return Ok(crate::objects::float::new_float(f.0.abs()));
    }
    match vm.call_special(x, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", type_name(x)))),
    }
}

fn op_not(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = argn::<1>(&args, "not_")?;
    Ok(py_bool(!vm.truthy(a)?))
}

fn op_truth(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = argn::<1>(&args, "truth")?;
    Ok(py_bool(vm.truthy(a)?))
}

fn op_is(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "is_")?;
    Ok(py_bool(a.is(b)))
}

fn op_is_not(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "is_not")?;
    Ok(py_bool(!a.is(b)))
}

fn op_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = argn::<1>(&args, "index")?;
    crate::builtins::numeric::index(vm, a)
}

fn op_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "getitem")?;
    vm.getitem(a, b)
}

fn op_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b, c] = argn::<3>(&args, "setitem")?;
    vm.setitem(a, b, c.clone())?;
    Ok(none())
}

fn op_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "delitem")?;
    vm.delitem(a, b)?;
    Ok(none())
}

fn op_contains(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "contains")?;
    Ok(py_bool(vm.op_contains(a, b)?))
}

/// PySequence_Check: a `__getitem__` on a type that is not a dict.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    !vm.isinstance(v, &crate::objects::registry::types().dict) && vm.lookup_special(v, "__getitem__").is_some()
}

/// `concat`/`iconcat`: `+` (or `+=`) for sequences only, as PySequence_Concat.
fn concat(vm: &mut Vm, args: Args<'_>, name: &str, inplace: bool) -> PyResult {
    let [a, b] = argn::<2>(&args, name)?;
    if !is_sequence(vm, a) {
        return Err(type_error(format!("'{}' object can't be concatenated", type_name(a))));
    }
    vm.binary_op(a, b, BinOp::Add, inplace)
}

fn op_concat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    concat(vm, args, "concat", false)
}

fn op_iconcat(vm: &mut Vm, args: Args<'_>) -> PyResult {
    concat(vm, args, "iconcat", true)
}

/// The positions where `b` occurs in iterable `a` (by identity, then `==`), up to the
/// first one when `first`.
fn occurrences(vm: &mut Vm, a: &Value, b: &Value, first: bool) -> PyResult<Vec<usize>> {
    // _PySequence_IterSearch's message for a non-iterable.
    let it = match vm.iter(a) {
        Ok(it) => it,
        Err(e) if e.matches(&crate::objects::registry::exc().type_error) => {
            return Err(type_error(format!("argument of type '{}' is not iterable", type_name(a))));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(v) = vm.next(&it)? {
        if v.is(b) || vm.eq(&v, b)? {
            out.push(i);
            if first {
                break;
            }
        }
        i += 1;
    }
    Ok(out)
}

fn op_count_of(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "countOf")?;
    Ok(new_int(occurrences(vm, a, b, false)?.len() as i64))
}

fn op_index_of(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = argn::<2>(&args, "indexOf")?;
    match occurrences(vm, a, b, true)?.first() {
        Some(&i) => Ok(new_int(i as i64)),
        None => Err(value_error("sequence.index(x): x not in sequence")),
    }
}

/// `length_hint(obj, default=0)`: `len(obj)` if it has one, else `__length_hint__`, else
/// `default` (PyObject_LengthHint).
fn op_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("_operator.length_hint")?;
    let p = args.range("length_hint", 1, 2)?;
    let obj = &p[0];
    let default = match p.get(1) {
        Some(d) if crate::objects::sequtil::is_int(d) => crate::objects::int::to_i64(d).unwrap_or(i64::MAX),
        Some(d) => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(d)))),
        None => 0,
    };
    if vm.lookup_special(obj, "__len__").is_some() {
        match crate::builtins::seq::length(vm, obj) {
            Ok(n) => return Ok(new_int(n as i64)),
            Err(e) if e.matches(&crate::objects::registry::exc().type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(r) = vm.call_special(obj, "__length_hint__", &[])? else { return Ok(new_int(default)) };
    if r.is_not_implemented() {
        return Ok(new_int(default));
    }
    if !crate::objects::sequtil::is_int(&r) {
        return Err(type_error(format!("__length_hint__ must be an integer, not {}", type_name(&r))));
    }
    match crate::objects::int::to_i64(&r) {
        Some(n) if n < 0 => Err(value_error("__length_hint__() should return >= 0")),
        Some(n) => Ok(new_int(n)),
        None => Err(crate::vm::errors::overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

/// `call(obj, /, *args, **kwargs)`.
fn op_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.pos().is_empty() {
        return Err(type_error("call expected at least 1 argument, got 0"));
    }
    vm.call(&args.values[0], Args::new(&args.values[1..], args.kwnames))
}

/// The module's three callable types, made once (not subclassable, as in CPython).
struct Classes {
    itemgetter: Value,
    attrgetter: Value,
    methodcaller: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        // CPython's types say they are `operator`'s, the module users import them from.
        let class = |name: &str, new: NativeFn, call: NativeFn, repr: NativeFn, reduce: NativeFn| {
            let c = new_builtin_class(name, "operator", Kind::Native, 0);
            add_staticmethod(&c, "__new__", new);
            add_method(&c, "__call__", call);
            add_method(&c, "__repr__", repr);
            add_method(&c, "__reduce__", reduce);
            c
        };
        Classes {
            itemgetter: class("itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr, itemgetter_reduce),
            attrgetter: class("attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr, attrgetter_reduce),
            methodcaller: class(
                "methodcaller",
                methodcaller_new,
                methodcaller_call,
                methodcaller_repr,
                methodcaller_reduce,
            ),
        }
    })
}

/// The constructor arguments after `cls`, with CPython's messages: no keywords, and at
/// least one argument.
fn ctor_args<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    args.no_kwargs(name)?;
    let p = &args.pos()[1..];
    if p.is_empty() {
        return Err(type_error(format!("{name} expected 1 argument, got 0")));
    }
    Ok(p)
}

/// `self` and the one object a getter is called with.
fn call_args<'a, T: NativeData>(args: &Args<'a>, name: &str) -> PyResult<(&'a T, &'a Value)> {
    let me = this::<T>(args, "__call__", name)?.1;
    args.no_kwargs(name)?;
    match &args.pos()[1..] {
        [obj] => Ok((me, obj)),
        p => Err(type_error(format!("{name} expected 1 argument, got {}", p.len()))),
    }
}

/// `operator.name(a, b, ..., k=v, ...)` from the reprs of `parts` and keywords `kw`;
/// `...` inside a repr of itself.
fn repr_call(vm: &mut Vm, me: &Value, name: &str, parts: &[Value], kw: &[(&Value, &Value)]) -> PyResult {
    let Some(_guard) = ReprGuard::enter(me) else { return Ok(new_str(format!("operator.{name}(...)"))) };
    let mut out = Vec::with_capacity(parts.len() + kw.len());
    for p in parts {
        out.push(vm.repr_string(p)?);
    }
    for (k, v) in kw {
        out.push(format!("{}={}", k.as_str().unwrap_or(""), vm.repr_string(v)?));
    }
    Ok(new_str(format!("operator.{name}({})", out.join(", "))))
}

struct ItemGetter {
    items: Vec<Value>,
}
impl NativeData for ItemGetter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
}

fn itemgetter_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let items = ctor_args(&args, "itemgetter")?.to_vec();
    Ok(new_native(&classes().itemgetter, ItemGetter { items }))
}

fn itemgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (g, obj) = call_args::<ItemGetter>(&args, "itemgetter")?;
    if let [item] = &g.items[..] {
        return vm.getitem(obj, item);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for item in &g.items {
        out.push(vm.getitem(obj, item)?);
    }
    Ok(new_tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (me, g) = this::<ItemGetter>(&args, "__repr__", "itemgetter")?;
    repr_call(vm, me, "itemgetter", &g.items, &[])
}

fn itemgetter_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = this::<ItemGetter>(&args, "__reduce__", "itemgetter")?.1;
    Ok(new_tuple(vec![classes().itemgetter.clone(), new_tuple(g.items.clone())]))
}

/// Each attribute as given (for the repr and pickling) and split at its dots.
struct AttrGetter {
    names: Vec<Value>,
    paths: Vec<Vec<Value>>,
}
impl NativeData for AttrGetter {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.names.iter().for_each(&mut *visit);
        self.paths.iter().flatten().for_each(visit);
    }
}

fn attrgetter_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let names = ctor_args(&args, "attrgetter")?.to_vec();
    let mut paths = Vec::with_capacity(names.len());
    for n in &names {
        let Some(s) = n.as_str() else { return Err(type_error("attribute name must be a string")) };
        paths.push(s.split('.').map(new_str).collect());
    }
    Ok(new_native(&classes().attrgetter, AttrGetter { names, paths }))
}

fn attrgetter_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (g, obj) = call_args::<AttrGetter>(&args, "attrgetter")?;
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        let mut v = obj.clone();
        for name in path {
            v = vm.getattr(&v, name)?;
        }
        out.push(v);
    }
    Ok(if out.len() == 1 { out.pop().unwrap_or_else(none) } else { new_tuple(out) })
}

fn attrgetter_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (me, g) = this::<AttrGetter>(&args, "__repr__", "attrgetter")?;
    repr_call(vm, me, "attrgetter", &g.names, &[])
}

fn attrgetter_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = this::<AttrGetter>(&args, "__reduce__", "attrgetter")?.1;
    Ok(new_tuple(vec![classes().attrgetter.clone(), new_tuple(g.names.clone())]))
}

/// The method name, then the positional and keyword arguments laid out for `Args`.
struct MethodCaller {
    name: Value,
    values: Vec<Value>,
    kwnames: Vec<Value>,
}
impl NativeData for MethodCaller {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.name);
        self.values.iter().chain(&self.kwnames).for_each(visit);
    }
}
impl MethodCaller {
    fn positional(&self) -> &[Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }
    fn keywords(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.kwnames.iter().zip(&self.values[self.values.len() - self.kwnames.len()..])
    }
}

fn methodcaller_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = &args.pos()[1..];
    let Some(name) = p.first() else {
        return Err(type_error("methodcaller needs at least one argument, the method name"));
    };
    if name.as_str().is_none() {
        return Err(type_error("method name must be a string"));
    }
    let m = MethodCaller { name: name.clone(), values: args.values[2..].to_vec(), kwnames: args.kwnames.to_vec() };
    Ok(new_native(&classes().methodcaller, m))
}

fn methodcaller_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (m, obj) = call_args::<MethodCaller>(&args, "methodcaller")?;
    let f = vm.getattr(obj, &m.name)?;
    vm.call(&f, Args::new(&m.values, &m.kwnames))
}

fn methodcaller_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (me, m) = this::<MethodCaller>(&args, "__repr__", "methodcaller")?;
    let mut parts = vec![m.name.clone()];
    parts.extend_from_slice(m.positional());
    let kw: Vec<_> = m.keywords().collect();
    repr_call(vm, me, "methodcaller", &parts, &kw)
}

/// `(methodcaller, (name, *args))`, or with keywords, which a reduce tuple cannot pass,
/// `(functools.partial(methodcaller, name, **kwargs), args)`.
fn methodcaller_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = this::<MethodCaller>(&args, "__reduce__", "methodcaller")?.1;
    let cls = classes().methodcaller.clone();
    if m.kwnames.is_empty() {
        let mut a = vec![m.name.clone()];
        a.extend_from_slice(m.positional());
        return Ok(new_tuple(vec![cls, new_tuple(a)]));
    }
    let functools = vm.import_module("functools")?;
    let partial = vm.getattr_str(&functools, "partial")?;
    let mut pv = vec![cls, m.name.clone()];
    pv.extend(m.keywords().map(|(_, v)| v.clone()));
    let bound = vm.call(&partial, Args::new(&pv, &m.kwnames))?;
    Ok(new_tuple(vec![bound, new_tuple(m.positional().to_vec())]))
}

const DOC: &str = "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n\
to the intrinsic operators of Python.  For example, operator.add(x, y)\n\
is equivalent to the expression x+y.  The function names are those\n\
used for special methods; variants without leading and trailing\n\
'__' are also provided for convenience.";

fn init_operator(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_operator");
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(new_str("__doc__"), new_str(DOC));
    }
    let others: &[(&str, NativeFn)] = &[
        ("_compare_digest", compare_digest),
        ("abs", op_abs),
        ("not_", op_not),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("index", op_index),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("contains", op_contains),
        ("concat", op_concat),
        ("iconcat", op_iconcat),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("length_hint", op_length_hint),
        ("call", op_call),
    ];
    for &(name, f) in BINOPS.iter().chain(CMPOPS).chain(UNOPS).chain(others) {
        add_function(&d, "_operator", name, f);
    }
    let c = classes();
    for (name, cls) in [("itemgetter", &c.itemgetter), ("attrgetter", &c.attrgetter), ("methodcaller", &c.methodcaller)]
    {
        if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
            dd.set_str(new_str(name), cls.clone());
        }
    }
    Ok(m)
}
