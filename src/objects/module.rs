//! Module objects: a name and a globals dict; `module.__new__/__init__`, `__repr__`,
//! `__dict__`, `__dir__`.

use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyModule {
    /// The module namespace (a dict object), shared with its functions' `__globals__`.
    pub dict: Value,
}
impl Trace for PyModule {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

fn mdict(v: &Value) -> PyResult<&PyDict> {
    v.payload::<PyModule>()
        .and_then(|m| m.dict.payload::<PyDict>())
        .ok_or_else(|| type_error(format!("descriptor requires a 'module' object but received '{}'", type_name(v))))
}

fn module_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(cls) = args.pos().first() else { return Err(type_error("module.__new__(): not enough arguments")) };
    let d = layout::alloc(&types().dict, PyDict::new());
    let ty = if cls.as_type().is_some_and(|t| t.instance_kind == crate::values::Kind::Module) {
        cls.clone()
    } else {
        types().module.clone()
    };
    Ok(layout::alloc(&ty, PyModule { dict: d }))
}

fn module_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(s) = args.pos().first() else { return Err(type_error("module.__init__ needs self")) };
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("module", &["name", "doc"], 1)?;
    let name = a[0].clone().unwrap_or_else(none);
    if name.as_str().is_none() {
        return Err(type_error(format!("module.__init__() argument 'name' must be str, not {}", type_name(&name))));
    }
    let d = mdict(s)?;
    d.set_str(new_str("__name__"), name);
    d.set_str(new_str("__doc__"), a[1].clone().unwrap_or_else(none));
    d.set_str(new_str("__package__"), none());
    d.set_str(new_str("__loader__"), none());
    d.set_str(new_str("__spec__"), none());
    Ok(none())
}

fn module_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__repr__")?;
    // As CPython: importlib's `_module_repr` (spec first, then __file__/__loader__).
    if let Some((boot, _)) = crate::vm::interp::bootstrap_dicts() {
        if let Some(f) = boot.payload::<PyDict>().and_then(|d| d.get_str("_module_repr")) {
            return vm.call(&f, Args::positional_only(std::slice::from_ref(s)));
        }
    }
    let d = mdict(s)?;
    let name = match d.get_str("__name__") {
        Some(n) => vm.repr_string(&n)?,
        None => "'?'".to_owned(),
    };
    if let Some(f) = d.get_str("__file__") {
        let f = vm.repr_string(&f)?;
        return Ok(new_str(format!("<module {name} from {f}>")));
    }
    Ok(new_str(format!("<module {name}>")))
}

fn module_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__dir__")?;
    let d = mdict(s)?;
    if let Some(f) = d.get_str("__dir__") {
        return vm.call(&f, Args::positional_only(&[]));
    }
    Ok(new_list(d.keys()))
}

fn module_dict_get(_vm: &mut Vm, s: &Value) -> PyResult {
    s.payload::<PyModule>().map(|m| m.dict.clone()).ok_or_else(|| type_error("expected a module"))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let m = &types().module;
    add_staticmethod(m, "__new__", module_new);
    add_method(m, "__init__", module_init);
    add_method(m, "__repr__", module_repr);
    add_method(m, "__dir__", module_dir);
    crate::objects::descr::add_getset(m, "__dict__", module_dict_get, None);
}
