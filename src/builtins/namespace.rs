//! `types.SimpleNamespace` (the class of `sys.implementation`): attributes from keyword
//! arguments, repr `namespace(a=1, b=2)`, equality by `__dict__`.

use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::gil::GilCell;
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::protocol::{instance_dict, instance_dict_create};
use crate::vm::startup::add_method;
use crate::vm::{Args, PyResult, Vm};

static NAMESPACE: GilCell<Value> = GilCell::new();

fn ns_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(this) = args.pos().first() else { return Err(type_error("__init__ needs self")) };
    if args.pos().len() > 1 {
        return Err(type_error("SimpleNamespace() takes no positional arguments"));
    }
    for (k, v) in args.kwargs() {
        vm.setattr(this, &new_str(k), v.clone())?;
    }
    Ok(none())
}

fn ns_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>("__repr__")?;
    let ty = this.type_of().clone();
    let name = if NAMESPACE.try_get().is_some_and(|n| n.is(&ty)) {
        "namespace".to_owned()
    } else {
        ty.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
    };
    let mut parts = Vec::new();
    if let Some(d) = instance_dict(this) {
        let items = d.payload::<PyDict>().map(|d| d.items()).unwrap_or_default();
        for (k, v) in items {
            parts.push(format!("{}={}", vm.str_string(&k)?, vm.repr_string(&v)?));
        }
    }
    Ok(new_str(format!("{name}({})", parts.join(", "))))
}

fn ns_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    let ns = NAMESPACE.get().clone();
    if !vm.isinstance(a, &ns) || !vm.isinstance(b, &ns) {
        return Ok(crate::objects::not_implemented());
    }
    let da = instance_dict(a).unwrap_or_else(none);
    let db = instance_dict(b).unwrap_or_else(none);
    let r = vm.eq(&da, &db)?;
    Ok(crate::objects::py_bool(r))
}

/// The SimpleNamespace class (made on first use).
pub fn namespace_type(vm: &mut Vm) -> PyResult {
    if let Some(t) = NAMESPACE.try_get() {
        return Ok(t.clone());
    }
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__module__"), new_str("types"));
        dd.set_str(new_str("__hash__"), none());
        dd.set_str(new_str("__doc__"), new_str("A simple attribute-based namespace."));
    }
    let cls =
        vm.call_pos(&types().type_.clone(), &[new_str("SimpleNamespace"), new_tuple(vec![types().object.clone()]), d])?;
    add_method(&cls, "__init__", ns_init);
    add_method(&cls, "__repr__", ns_repr);
    add_method(&cls, "__eq__", ns_eq);
    if let Some(t) = cls.as_type() {
        t.modified();
    }
    Ok(NAMESPACE.init(|| cls).clone())
}

/// A SimpleNamespace holding `items`.
pub fn new_namespace(vm: &mut Vm, items: Vec<(&str, Value)>) -> PyResult {
    let cls = namespace_type(vm)?;
    let obj = vm.call_pos(&cls, &[])?;
    let _ = instance_dict_create(&obj);
    for (k, v) in items {
        vm.setattr(&obj, &new_str(k), v)?;
    }
    Ok(obj)
}
