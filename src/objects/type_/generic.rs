//! `list[int]`: `types.GenericAlias` objects made by `__class_getitem__` of the builtin
//! generic classes and by `GenericAlias(origin, args)` (genericaliasobject.c: printing,
//! calling the origin, attribute forwarding, type-variable substitution, subclassing).

use crate::objects::instance::Instance;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{not_implemented, py_bool, types};
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// (origin, args) of a GenericAlias (or of an instance of a subclass of it).
pub fn parts(v: &Value) -> Option<(Value, Vec<Value>)> {
    if !is_subtype(v.type_of(), &types().generic_alias) {
        return None;
    }
    let b = v.payload::<Instance>()?.base.clone()?;
    let t = b.as_tuple()?;
    let origin = t.first()?.clone();
    let args = t.get(1)?.as_tuple()?.to_vec();
    Some((origin, args))
}

fn this(v: &Value) -> PyResult<(Value, Vec<Value>)> {
    parts(v).ok_or_else(|| {
        type_error(format!("descriptor requires a 'types.GenericAlias' object but received a '{}'", type_name(v)))
    })
}

pub fn new_alias(origin: Value, args: Vec<Value>) -> Value {
    new_alias_of(&types().generic_alias, origin, args)
}

fn new_alias_of(cls: &Value, origin: Value, args: Vec<Value>) -> Value {
    crate::objects::instance::wrap_builtin(cls, new_tuple(vec![origin, new_tuple(args)]))
}

pub(crate) fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [cls, item] = args.exact::<2>("__class_getitem__")?;
    Ok(new_alias(cls.clone(), tuple_items(item)))
}

/// A subscript's items: the tuple's items, or the one item.
fn tuple_items(item: &Value) -> Vec<Value> {
    match item.as_tuple() {
        Some(t) if item.kind() == Kind::Tuple => t.to_vec(),
        _ => vec![item.clone()],
    }
}

/// `GenericAlias(origin, args)`, also for subclasses (`collections.abc`'s
/// `_CallableGenericAlias` calls it through `super().__new__`).
fn alias_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(type_error("GenericAlias() takes no keyword arguments"));
    }
    let p = args.pos();
    let Some(cls) = p.first() else { return Err(type_error("GenericAlias.__new__(): not enough arguments")) };
    if p.len() != 3 {
        return Err(type_error(format!("GenericAlias expected 2 arguments, got {}", p.len() - 1)));
    }
    Ok(new_alias_of(cls, p[1].clone(), tuple_items(&p[2])))
}

/// How a type argument prints inside `X[...]` (genericaliasobject.c's `ga_repr_item`).
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.kind() == Kind::Ellipsis {
        return Ok("...".into());
    }
    if let Some(items) = v.payload::<crate::objects::list::PyList>().map(|_| v.clone()) {
        // Callable's parameter list: `[int, str]`.
        let xs = vm.to_vec(&items)?;
        let mut out = Vec::with_capacity(xs.len());
        for x in &xs {
            out.push(arg_repr(vm, x)?);
        }
        return Ok(format!("[{}]", out.join(", ")));
    }
    if lookup_attr(vm, v, "__origin__")?.is_some() && lookup_attr(vm, v, "__args__")?.is_some() {
        return vm.repr_string(v);
    }
    let qual = lookup_attr(vm, v, "__qualname__")?;
    let module = lookup_attr(vm, v, "__module__")?;
    match (qual, module) {
        (Some(q), Some(m)) if q.as_str().is_some() => {
            let q = q.as_str().unwrap_or_default().to_owned();
            match m.as_str() {
                Some("builtins") => Ok(q),
                Some(ms) => Ok(format!("{ms}.{q}")),
                None if m.is_none() => Ok(q),
                None => Ok(format!("{}.{q}", vm.str_string(&m)?)),
            }
        }
        _ => vm.repr_string(v),
    }
}

/// `getattr(v, name)` with AttributeError as `None`.
fn lookup_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    match vm.getattr_str(v, name) {
        Ok(x) => Ok(Some(x)),
        Err(e) if e.matches(&crate::objects::registry::exc().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn alias_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    let (o, a) = this(s)?;
    let mut out = arg_repr(vm, &o)?;
    out.push('[');
    if a.is_empty() {
        out.push_str("()");
    }
    for (i, x) in a.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&arg_repr(vm, x)?);
    }
    out.push(']');
    Ok(new_str(out))
}

/// Calls the origin and records the alias on the result as `__orig_class__` (where the
/// object accepts attributes).
fn alias_call(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = args.pos().first().ok_or_else(|| type_error("GenericAlias.__call__ needs self"))?;
    let (o, _) = this(s)?;
    let obj = vm.call(&o, Args::new(&args.values[1..], args.kwnames))?;
    match vm.setattr(&obj, &new_str("__orig_class__"), s.clone()) {
        Ok(()) => Ok(obj),
        Err(e) if e.matches(&exc().attribute_error) || e.matches(&exc().type_error) => Ok(obj),
        Err(e) => Err(e),
    }
}

/// Names a GenericAlias answers itself; every other attribute is the origin's.
const OWN_ATTRS: &[&str] = &[
    "__class__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

fn alias_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, name] = args.exact::<2>("__getattr__")?;
    let (o, _) = this(s)?;
    let n = name.as_str().unwrap_or("");
    if OWN_ATTRS.contains(&n) {
        return Err(vm.no_attribute(s, n));
    }
    vm.getattr(&o, name)
}

fn alias_mro_entries(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, _bases] = args.exact::<2>("__mro_entries__")?;
    let (o, _) = this(s)?;
    Ok(new_tuple(vec![o]))
}

fn alias_instancecheck(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn alias_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    let (Some((o1, a1)), Some((o2, a2))) = (parts(a), parts(b)) else { return Ok(not_implemented()) };
    if !vm.eq(&o1, &o2)? {
        return Ok(py_bool(false));
    }
    let eq = vm.eq(&new_tuple(a1), &new_tuple(a2))?;
    Ok(py_bool(eq))
}

fn alias_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = args.exact::<1>("__hash__")?;
    let (o, xs) = this(a)?;
    let h = vm.hash(&o)? ^ vm.hash(&new_tuple(xs))?;
    Ok(crate::objects::int::new_int(if h == -1 { -2 } else { h }))
}

fn alias_reduce(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a] = args.exact::<1>("__reduce__")?;
    let (o, xs) = this(a)?;
    Ok(new_tuple(vec![a.type_of().clone(), new_tuple(vec![o, new_tuple(xs)])]))
}

fn alias_or(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__or__")?;
    Ok(crate::objects::type_::union::make_union(a, b))
}

fn alias_ror(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__ror__")?;
    Ok(crate::objects::type_::union::make_union(b, a))
}

/// The type variables among `args`, in order of first appearance: arguments with
/// `__typing_subst__` (TypeVar, ParamSpec), and the `__parameters__` of nested generics.
fn make_parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    for t in args {
        // A bare class's `__parameters__` is a descriptor, not its parameters.
        if t.as_type().is_some() {
            continue;
        }
        if lookup_attr(vm, t, "__typing_subst__")?.is_some() {
            if !out.iter().any(|x| x.is(t)) {
                out.push(t.clone());
            }
            continue;
        }
        if let Some(sub) = lookup_attr(vm, t, "__parameters__")? {
            if let Some(items) = sub.as_tuple() {
                for p in items {
                    if !out.iter().any(|x| x.is(p)) {
                        out.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(out)
}

fn g_params(vm: &mut Vm, s: &Value) -> PyResult {
    let (_, a) = this(s)?;
    Ok(new_tuple(make_parameters(vm, &a)?))
}

/// `list[T][int]`: substitutes the type variables (CPython's `_Py_subs_parameters`,
/// without TypeVarTuple unpacking).
fn alias_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, item] = args.exact::<2>("__getitem__")?;
    let (o, a) = this(s)?;
    let params = make_parameters(vm, &a)?;
    if params.is_empty() {
        let r = vm.repr_string(s)?;
        return Err(type_error(format!("{r} is not a generic class")));
    }
    let mut item = item.clone();
    for p in &params {
        if let Some(prep) = lookup_attr(vm, p, "__typing_prepare_subst__")? {
            item = vm.call(&prep, Args::positional_only(&[s.clone(), item.clone()]))?;
        }
    }
    let items = tuple_items(&item);
    if items.len() != params.len() {
        let r = vm.repr_string(s)?;
        return Err(type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {}",
            if items.len() > params.len() { "many" } else { "few" },
            items.len(),
            params.len()
        )));
    }
    let mut newargs = Vec::with_capacity(a.len());
    for arg in &a {
        if arg.as_type().is_some() {
            newargs.push(arg.clone());
            continue;
        }
        if let Some(subst) = lookup_attr(vm, arg, "__typing_subst__")? {
            let ix = params.iter().position(|p| p.is(arg)).unwrap_or(0);
            newargs.push(vm.call(&subst, Args::positional_only(&[items[ix].clone()]))?);
            continue;
        }
        newargs.push(subs_tvars(vm, arg, &params, &items)?);
    }
    Ok(new_alias(o, newargs))
}

/// `arg[...]` with the values of its own type variables, for a nested generic argument.
fn subs_tvars(vm: &mut Vm, arg: &Value, params: &[Value], items: &[Value]) -> PyResult {
    let Some(sub) = lookup_attr(vm, arg, "__parameters__")? else { return Ok(arg.clone()) };
    let Some(sp) = sub.as_tuple().map(|t| t.to_vec()) else { return Ok(arg.clone()) };
    if sp.is_empty() {
        return Ok(arg.clone());
    }
    let mut subargs = Vec::with_capacity(sp.len());
    for p in &sp {
        match params.iter().position(|q| q.is(p)) {
            Some(ix) => subargs.push(items[ix].clone()),
            None => subargs.push(p.clone()),
        }
    }
    let key = if subargs.len() == 1 { subargs.remove(0) } else { new_tuple(subargs) };
    vm.getitem(arg, &key)
}

fn g_origin(_vm: &mut Vm, s: &Value) -> PyResult {
    this(s).map(|p| p.0)
}
fn g_args(_vm: &mut Vm, s: &Value) -> PyResult {
    this(s).map(|p| new_tuple(p.1))
}
fn g_unpacked(_vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(py_bool(false))
}
fn g_unpacked_args(_vm: &mut Vm, _s: &Value) -> PyResult {
    Ok(crate::objects::none())
}

pub fn init() {
    let t = types();
    for c in
        [&t.list, &t.dict, &t.tuple, &t.set, &t.frozenset, &t.enumerate, &t.dict_keys, &t.dict_values, &t.dict_items]
    {
        add_classmethod(c, "__class_getitem__", class_getitem);
    }
    let g = &t.generic_alias;
    add_method(g, "__repr__", alias_repr);
    add_method(g, "__call__", alias_call);
    add_method(g, "__getattr__", alias_getattr);
    add_method(g, "__mro_entries__", alias_mro_entries);
    add_method(g, "__eq__", alias_eq);
    add_method(g, "__hash__", alias_hash);
    add_method(g, "__reduce__", alias_reduce);
    add_method(g, "__or__", alias_or);
    add_method(g, "__ror__", alias_ror);
    add_method(g, "__getitem__", alias_getitem);
    add_method(g, "__instancecheck__", alias_instancecheck);
    add_method(g, "__subclasscheck__", alias_subclasscheck);
    add_staticmethod(g, "__new__", alias_new);
    crate::objects::descr::add_getset(g, "__origin__", g_origin, None);
    crate::objects::descr::add_getset(g, "__args__", g_args, None);
    crate::objects::descr::add_getset(g, "__parameters__", g_params, None);
    crate::objects::descr::add_getset(g, "__unpacked__", g_unpacked, None);
    crate::objects::descr::add_getset(g, "__typing_unpacked_tuple_args__", g_unpacked_args, None);
    if let Some(tp) = g.as_type() {
        tp.dict.set_str(new_str("__module__"), new_str("types"));
        tp.recompute_flags();
    }
}
