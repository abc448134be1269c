//! The native `_collections` module (CPython's _collectionsmodule.c), which CPython's own
//! `collections/__init__.py` imports: `deque` and its iterators (`collections/deque.rs`),
//! `defaultdict` and `_count_elements`. `_tuplegetter` is left out: `namedtuple` then
//! uses `property(itemgetter(i))`, as CPython does when the C module lacks it.

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, not_implemented, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{key_error, type_error};
use crate::vm::protocol::type_short_name;
use crate::vm::startup::{add_function, add_method, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

mod deque;

pub fn register() {
    crate::vm::interp::register_native("_collections", init_collections);
}

/// `collections.defaultdict`, made at the first import (it is built by `type()` so that
/// its instances are dict-subclass instances with one slot, `default_factory`).
static DEFAULTDICT: GilCell<Value> = GilCell::new();

fn init_collections(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_collections");
    let d = module_dict(&m);
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    let c = deque::classes();
    dd.set_str(new_str("deque"), c.deque.clone());
    dd.set_str(new_str("_deque_iterator"), c.iter.clone());
    dd.set_str(new_str("_deque_reverse_iterator"), c.reverse_iter.clone());
    let dflt = match DEFAULTDICT.try_get() {
        Some(v) => v.clone(),
        None => {
            let v = defaultdict_class(vm)?;
            DEFAULTDICT.init(|| v).clone()
        }
    };
    dd.set_str(new_str("defaultdict"), dflt);
    add_function(&d, "_collections", "_count_elements", count_elements);
    Ok(m)
}

fn defaultdict_class(vm: &mut Vm) -> PyResult {
    let ns = crate::objects::dict::methods::new_dict();
    let nd = ns.payload::<PyDict>().ok_or_else(|| type_error("namespace"))?;
    nd.set_str(new_str("__module__"), new_str("collections"));
    nd.set_str(new_str("__slots__"), new_tuple(vec![new_str("default_factory")]));
    let args = [new_str("defaultdict"), new_tuple(vec![types().dict.clone()]), ns];
    let cls = vm.call_pos(&types().type_.clone(), &args)?;
    for (n, f) in [
        ("__init__", dd_init as NativeFn),
        ("__missing__", dd_missing),
        ("__repr__", dd_repr),
        ("copy", dd_copy),
        ("__copy__", dd_copy),
        ("__reduce__", dd_reduce),
        ("__or__", dd_or),
        ("__ror__", dd_ror),
    ] {
        add_method(&cls, n, f);
    }
    Ok(cls)
}

/// The `default_factory` of `v` (slot 0 of a defaultdict instance).
fn factory(v: &Value) -> PyResult<Value> {
    let is_dd = DEFAULTDICT.try_get().is_some_and(|c| crate::vm::protocol::is_subtype(v.type_of(), c));
    let inst = v.payload::<crate::objects::instance::Instance>().filter(|_| is_dd);
    let Some(inst) = inst else {
        return Err(type_error(format!(
            "descriptor requires a 'collections.defaultdict' object but received '{}'",
            crate::vm::protocol::type_name(v)
        )));
    };
    Ok(inst.slots.first().and_then(|s| s.borrow().clone()).unwrap_or_else(none))
}

fn self_arg<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a Value> {
    let s = args.pos().first().ok_or_else(|| {
        type_error(format!("descriptor '{meth}' of 'collections.defaultdict' object needs an argument"))
    })?;
    factory(s)?;
    Ok(s)
}

/// `defaultdict(default_factory=None, /, [...])`: the rest goes to `dict.__init__`.
fn dd_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__init__")?;
    let pos = args.pos();
    let f = match pos.get(1) {
        Some(f) => {
            if !f.is_none() && !crate::builtins::core::is_callable(vm, f) {
                return Err(type_error("first argument must be callable or None"));
            }
            f.clone()
        }
        None => none(),
    };
    if let Some(inst) = s.payload::<crate::objects::instance::Instance>() {
        if let Some(slot) = inst.slots.first() {
            *slot.borrow_mut() = Some(f);
        }
    }
    let init = types().dict.as_type().and_then(|t| t.dict.get_str("__init__")).ok_or_else(|| type_error("dict"))?;
    let mut values = vec![s.clone()];
    values.extend(pos.iter().skip(2).cloned());
    values.extend(args.values[pos.len()..].iter().cloned());
    vm.call(&init, Args::new(&values, args.kwnames))
}

fn dd_missing(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__missing__")?;
    let key = crate::objects::sequtil::marg1(&args, "defaultdict.__missing__")?;
    let f = factory(s)?;
    if f.is_none() {
        return Err(key_error(key.clone()));
    }
    let v = vm.call_pos(&f, &[])?;
    vm.setitem(s, key, v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__repr__")?;
    let f = factory(s)?;
    let frepr = if f.is_none() {
        "None".to_string()
    } else {
        match crate::objects::sequtil::ReprGuard::enter(&f) {
            None => "...".to_string(),
            Some(_g) => vm.repr_string(&f)?,
        }
    };
    let dict_repr =
        types().dict.as_type().and_then(|t| t.dict.get_str("__repr__")).ok_or_else(|| type_error("dict"))?;
    let base = vm.call_pos(&dict_repr, std::slice::from_ref(s))?;
    let base = base.as_str().unwrap_or("").to_string();
    Ok(new_str(format!("{}({frepr}, {base})", type_short_name(s))))
}

/// `type(dd)(dd.default_factory, arg)`, as CPython's copy and `|` build their result.
fn new_like(vm: &mut Vm, dd: &Value, arg: &Value) -> PyResult {
    let f = factory(dd)?;
    vm.call_pos(&dd.type_of().clone(), &[f, arg.clone()])
}

fn dd_copy(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "copy")?;
    new_like(vm, s, s)
}

/// `(type(dd), (default_factory,) or (), None, None, iter(dd.items()))`.
fn dd_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__reduce__")?;
    let f = factory(s)?;
    let cargs = if f.is_none() { new_tuple(vec![]) } else { new_tuple(vec![f]) };
    let items = vm.call_method(s, "items", &[])?;
    let it = vm.iter(&items)?;
    Ok(new_tuple(vec![s.type_of().clone(), cargs, none(), none(), it]))
}

/// `left | right` where one side is a defaultdict: a copy of it (its type and factory)
/// holding `left`'s items updated with `right`'s.
fn or(vm: &mut Vm, left: &Value, right: &Value, dd: &Value, other: &Value) -> PyResult {
    if other.downcast::<PyDict>().is_none() {
        return Ok(not_implemented());
    }
    let new = new_like(vm, dd, left)?;
    vm.call_method(&new, "update", std::slice::from_ref(right))?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__or__")?;
    let o = crate::objects::sequtil::marg1(&args, "defaultdict.__or__")?;
    or(vm, s, o, s, o)
}

fn dd_ror(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = self_arg(&args, "__ror__")?;
    let o = crate::objects::sequtil::marg1(&args, "defaultdict.__ror__")?;
    or(vm, o, s, s, o)
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each
/// item (Counter's inner loop), straight on the dict when `mapping` is one whose `get` and
/// `__setitem__` are dict's own.
fn count_elements(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [mapping, iterable] = args.exact::<2>("_count_elements")?;
    let it = vm.iter(iterable)?;
    let one = new_int(1);
    let plain = mapping.kind() == Kind::Dict || {
        let t = mapping.type_of();
        let own = |n: &str| {
            let dict_m = types().dict.as_type().and_then(|d| d.dict.get_str(n));
            let found = t.as_type().and_then(|tt| tt.lookup(n));
            matches!((dict_m, found), (Some(a), Some(b)) if a.is(&b))
        };
        mapping.downcast::<PyDict>().is_some() && own("get") && own("__setitem__")
    };
    if plain {
        let d = mapping.downcast::<PyDict>().ok_or_else(|| type_error("dict"))?;
        while let Some(x) = vm.next(&it)? {
            let n = match d.get(vm, &x)? {
                Some(old) => vm.binary_op(&old, &one, crate::bytecode::opcode::BinOp::Add, false)?,
                None => one.clone(),
            };
            d.set(vm, x, n)?;
        }
        return Ok(none());
    }
    let get = vm.getattr_str(mapping, "get")?;
    let zero = new_int(0);
    while let Some(x) = vm.next(&it)? {
        let old = vm.call_pos(&get, &[x.clone(), zero.clone()])?;
        let n = vm.binary_op(&old, &one, crate::bytecode::opcode::BinOp::Add, false)?;
        vm.setitem(mapping, &x, n)?;
    }
    Ok(none())
}
