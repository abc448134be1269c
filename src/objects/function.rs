//! Python functions (code + globals + defaults + closure) and bound methods.

use std::cell::RefCell;

use crate::bytecode::code::Code;
use crate::objects::str::new_str;
use crate::objects::{Trace, none, types};
use crate::values::{Value, layout};
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method, add_property};
use crate::vm::{Args, PyResult, Vm};

pub struct PyFunction {
    /// The code object (`__code__`).
    pub code: RefCell<Value>,
    /// The module globals dict (`__globals__`).
    pub globals: Value,
    /// The builtins dict this function resolves builtins in.
    pub builtins: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// Tuple of positional defaults (`__defaults__`), or None.
    pub defaults: RefCell<Option<Value>>,
    /// Dict of keyword-only defaults (`__kwdefaults__`), or None.
    pub kwdefaults: RefCell<Option<Value>>,
    /// Tuple of cells for the code's free variables (`__closure__`).
    pub closure: Option<Value>,
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    pub annotations: RefCell<Option<Value>>,
    /// The function's `__dict__`, created on first attribute store.
    pub dict: RefCell<Option<Value>>,
}
impl Trace for PyFunction {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code.borrow());
        visit(&self.globals);
        if let Some(d) = &*self.defaults.borrow() {
            visit(d);
        }
        if let Some(d) = &*self.kwdefaults.borrow() {
            visit(d);
        }
        if let Some(c) = &self.closure {
            visit(c);
        }
        if let Some(d) = &*self.dict.borrow() {
            visit(d);
        }
    }
}

pub struct PyBoundMethod {
    pub func: Value,
    pub self_: Value,
}
impl Trace for PyBoundMethod {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

fn func_of<'a>(args: &Args<'a>) -> PyResult<&'a PyFunction> {
    args.pos().first().and_then(|v| v.payload::<PyFunction>()).ok_or_else(|| type_error("expected a function"))
}

fn arg1<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos().get(1).ok_or_else(|| type_error("can't delete function attribute"))
}

fn f_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = func_of(&args)?;
    let q = f.qualname.borrow().as_str().unwrap_or("?").to_owned();
    Ok(new_str(format!("<function {q} at {:#x}>", args.pos()[0].bits())))
}

fn f_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("__get__", 2, 3)?;
    if p[1].is_none() {
        return Ok(p[0].clone());
    }
    Ok(layout::alloc(&types().method, PyBoundMethod { func: p[0].clone(), self_: p[1].clone() }))
}

fn f_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.name.borrow().clone())
}
fn f_set_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = arg1(&args)?;
    if v.as_str().is_none() {
        return Err(type_error("__name__ must be set to a string object"));
    }
    *func_of(&args)?.name.borrow_mut() = v.clone();
    Ok(none())
}
fn f_qualname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.qualname.borrow().clone())
}
fn f_set_qualname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = arg1(&args)?;
    if v.as_str().is_none() {
        return Err(type_error("__qualname__ must be set to a string object"));
    }
    *func_of(&args)?.qualname.borrow_mut() = v.clone();
    Ok(none())
}
fn f_doc(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.doc.borrow().clone())
}
fn f_set_doc(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    *func_of(&args)?.doc.borrow_mut() = args.pos().get(1).cloned().unwrap_or_else(none);
    Ok(none())
}
fn f_module(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.module.borrow().clone())
}
fn f_set_module(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    *func_of(&args)?.module.borrow_mut() = args.pos().get(1).cloned().unwrap_or_else(none);
    Ok(none())
}
fn f_defaults(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.defaults.borrow().clone().unwrap_or_else(none))
}
fn f_set_defaults(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = args.pos().get(1).cloned().filter(|v| !v.is_none());
    if v.as_ref().is_some_and(|v| v.as_tuple().is_none()) {
        return Err(type_error("__defaults__ must be set to a tuple object"));
    }
    *func_of(&args)?.defaults.borrow_mut() = v;
    Ok(none())
}
fn f_kwdefaults(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.kwdefaults.borrow().clone().unwrap_or_else(none))
}
fn f_set_kwdefaults(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    *func_of(&args)?.kwdefaults.borrow_mut() = args.pos().get(1).cloned().filter(|v| !v.is_none());
    Ok(none())
}
fn f_code(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.code.borrow().clone())
}
fn f_set_code(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = arg1(&args)?;
    if v.payload::<Code>().is_none() {
        return Err(type_error("__code__ must be set to a code object"));
    }
    *func_of(&args)?.code.borrow_mut() = v.clone();
    Ok(none())
}
fn f_globals(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.globals.clone())
}
fn f_builtins(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.builtins.clone())
}
fn f_closure(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(func_of(&args)?.closure.clone().unwrap_or_else(none))
}
fn f_annotations(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let f = func_of(&args)?;
    let mut a = f.annotations.borrow_mut();
    if a.as_ref().is_none_or(|v| v.is_none()) {
        *a = Some(layout::alloc(&types().dict, crate::objects::dict::PyDict::new()));
    }
    Ok(a.clone().unwrap_or_else(none))
}
fn f_set_annotations(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    *func_of(&args)?.annotations.borrow_mut() = args.pos().get(1).cloned();
    Ok(none())
}
fn f_dict(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::vm::protocol::instance_dict_create(&args.pos()[0]).unwrap_or_else(none))
}

fn m_of<'a>(args: &Args<'a>) -> PyResult<&'a PyBoundMethod> {
    args.pos().first().and_then(|v| v.payload::<PyBoundMethod>()).ok_or_else(|| type_error("expected a method"))
}
fn m_self(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(m_of(&args)?.self_.clone())
}
fn m_func(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(m_of(&args)?.func.clone())
}
fn m_attr(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult {
    let f = m_of(&args)?.func.clone();
    vm.getattr_str(&f, name)
}
fn m_name(vm: &mut Vm, args: Args<'_>) -> PyResult {
    m_attr(vm, args, "__name__")
}
fn m_qualname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    m_attr(vm, args, "__qualname__")
}
fn m_doc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    m_attr(vm, args, "__doc__")
}
fn m_module(vm: &mut Vm, args: Args<'_>) -> PyResult {
    m_attr(vm, args, "__module__")
}
fn m_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = m_of(&args)?;
    let (func, s) = (m.func.clone(), m.self_.clone());
    let q = match vm.getattr_opt(&func, "__qualname__")? {
        Some(q) => vm.str_string(&q)?,
        None => "?".into(),
    };
    let r = vm.repr_string(&s)?;
    Ok(new_str(format!("<bound method {q} of {r}>")))
}
fn m_eq(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    let (Some(x), Some(y)) = (a.payload::<PyBoundMethod>(), b.payload::<PyBoundMethod>()) else {
        return Ok(crate::objects::not_implemented());
    };
    let same_func = x.func.is(&y.func) || vm.eq(&x.func, &y.func)?;
    Ok(crate::objects::py_bool(same_func && x.self_.is(&y.self_)))
}
fn m_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = m_of(&args)?;
    let (f, s) = (m.func.clone(), m.self_.clone());
    let h = vm.hash(&f)? ^ (s.bits() as i64 >> 4);
    Ok(crate::objects::int::new_int(h))
}
fn m_get(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(args.pos()[0].clone())
}

fn code_of<'a>(args: &Args<'a>) -> PyResult<&'a Code> {
    args.pos().first().and_then(|v| v.payload::<Code>()).ok_or_else(|| type_error("expected a code object"))
}
fn strs(v: &[Value]) -> Value {
    crate::objects::tuple::new_tuple(v.to_vec())
}
fn c_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(code_of(&args)?.name.clone())
}
fn c_qualname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(code_of(&args)?.qualname.clone())
}
fn c_filename(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(code_of(&args)?.filename.clone())
}
fn c_firstlineno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.firstlineno as i64))
}
fn c_argcount(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.argcount as i64))
}
fn c_posonly(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.posonlyargcount as i64))
}
fn c_kwonly(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.kwonlyargcount as i64))
}
/// `code.replace(**changes)`: the scalar and name fields (`co_flags`, `co_name`,
/// `co_qualname`, `co_filename`, `co_firstlineno`); the bytecode-shaped ones are not
/// replaceable here (pylift's bytecode is not CPython's), which raises ValueError.
fn c_replace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let code = code_of(&args)?;
    if args.pos().len() > 1 {
        return Err(type_error("replace() takes no positional arguments"));
    }
    let mut new = code.copy();
    for (k, v) in args.kwargs() {
        let int = || {
            crate::objects::int::to_i64(v)
                .and_then(|i| u32::try_from(i).ok())
                .ok_or_else(|| type_error(format!("replace() argument '{k}' must be int")))
        };
        let text = || match v.as_str() {
            Some(_) => Ok(v.clone()),
            None => Err(type_error(format!("replace() argument '{k}' must be str"))),
        };
        match k {
            "co_flags" => new.flags = int()?,
            "co_firstlineno" => new.firstlineno = int()?,
            "co_name" => new.name = text()?,
            "co_qualname" => new.qualname = text()?,
            "co_filename" => new.filename = text()?,
            _ => {
                return Err(crate::vm::errors::value_error(format!(
                    "code.replace(): '{k}' cannot be replaced in pylift"
                )));
            }
        }
    }
    Ok(layout::alloc(&types().code, new))
}

/// `code == other`: CPython's comparison (`Code::same_as`).
fn c_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("__eq__")?;
    match (a.payload::<Code>(), b.payload::<Code>()) {
        (Some(x), Some(y)) => Ok(crate::objects::py_bool(x.same_as(y))),
        _ => Ok(crate::objects::not_implemented()),
    }
}

/// `hash(code)`: from the fields `__eq__` compares, so equal code objects hash alike.
fn c_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    use std::hash::{Hash, Hasher};
    let c = code_of(&args)?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (c.name.as_str(), c.argcount, c.flags, c.firstlineno, c.instrs.len(), c.consts.len()).hash(&mut h);
    for i in c.instrs.iter() {
        (i.get().op as u8, i.get().arg).hash(&mut h);
    }
    let v = h.finish() as i64 >> 2;
    Ok(crate::objects::int::new_int(if v == -1 { -2 } else { v }))
}

fn c_flags(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.flags as i64))
}
fn c_nlocals(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(crate::objects::int::new_int(code_of(&args)?.varnames.len() as i64))
}
fn c_varnames(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(strs(&code_of(&args)?.varnames))
}
fn c_cellvars(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(strs(&code_of(&args)?.cellvars))
}
fn c_freevars(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(strs(&code_of(&args)?.freevars))
}
fn c_names(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(strs(&code_of(&args)?.names))
}
fn c_consts(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(strs(&code_of(&args)?.consts))
}
fn c_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = code_of(&args)?;
    Ok(new_str(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name.as_str().unwrap_or("?"),
        args.pos()[0].bits(),
        c.filename.as_str().unwrap_or("?"),
        c.firstlineno
    )))
}

/// `f.__call__(*args, **kw)` for the callable builtin kinds (functions, methods, builtin
/// functions): the call itself. Having it in their type dicts is what
/// `collections.abc.Callable`'s `__subclasshook__` looks for.
pub fn call_self(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let Some(s) = args.pos().first() else { return Err(type_error("descriptor '__call__' needs an argument")) };
    vm.call(s, Args::new(&args.values[1..], args.kwnames))
}

/// `types.FunctionType(code, globals, name=None, argdefs=None, closure=None)`.
fn f_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args::new(args.values.get(1..).unwrap_or(&[]), args.kwnames);
    let a = rest.bind("function", &["code", "globals", "name", "argdefs", "closure"], 2)?;
    let arg = |i: usize| a[i].clone().filter(|v| !v.is_none());
    let (Some(code_v), Some(globals)) = (a[0].clone(), a[1].clone()) else {
        return Err(type_error("function() missing required argument 'code' (pos 1)"));
    };
    let Some(code) = code_v.payload::<Code>() else {
        return Err(type_error(format!("function() argument 'code' must be code, not {}", type_name(&code_v))));
    };
    let Some(g) = globals.payload::<crate::objects::dict::PyDict>() else {
        return Err(type_error(format!("function() argument 'globals' must be dict, not {}", type_name(&globals))));
    };
    let name = match arg(2) {
        Some(n) if n.as_str().is_none() => return Err(type_error("arg 3 (name) must be None or string")),
        Some(n) => n,
        None => code.name.clone(),
    };
    let defaults = arg(3);
    if defaults.as_ref().is_some_and(|d| d.kind() != crate::values::Kind::Tuple) {
        return Err(type_error("arg 4 (defaults) must be None or tuple"));
    }
    let closure = arg(4);
    let given = match &closure {
        Some(c) => match c.payload::<crate::objects::tuple::PyTuple>() {
            Some(t) if c.kind() == crate::values::Kind::Tuple => t.0.len(),
            _ => return Err(type_error("arg 5 (closure) must be tuple")),
        },
        None => 0,
    };
    if given != code.freevars.len() {
        let n = code.name.as_str().unwrap_or("?");
        return Err(match closure {
            None => type_error("arg 5 (closure) must be tuple"),
            Some(_) => crate::vm::errors::value_error(format!(
                "{n} requires closure of length {}, not {given}",
                code.freevars.len()
            )),
        });
    }
    // As CPython: the builtins are the globals' `__builtins__` (a module's dict or a
    // dict), else those of the running code.
    let builtins = match g.get_str("__builtins__") {
        Some(b) if b.payload::<crate::objects::dict::PyDict>().is_some() => b,
        Some(b) => match b.payload::<crate::objects::module::PyModule>() {
            Some(m) => m.dict.clone(),
            None => vm.builtins.clone(),
        },
        None => vm.builtins.clone(),
    };
    let doc = match code.consts.first() {
        Some(c) if c.kind() == crate::values::Kind::Str => c.clone(),
        _ => none(),
    };
    let module = g.get_str("__name__").unwrap_or_else(none);
    Ok(layout::alloc(
        &types().function,
        PyFunction {
            code: RefCell::new(code_v.clone()),
            globals: globals.clone(),
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(code.qualname.clone()),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(None),
            closure,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(None),
            dict: RefCell::new(None),
        },
    ))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    let f = &t.function;
    crate::vm::startup::add_staticmethod(f, "__new__", f_new);
    add_method(f, "__call__", call_self);
    add_method(f, "__repr__", f_repr);
    add_method(f, "__get__", f_get);
    add_property(f, "__name__", f_name, Some(f_set_name));
    add_property(f, "__qualname__", f_qualname, Some(f_set_qualname));
    add_property(f, "__doc__", f_doc, Some(f_set_doc));
    add_property(f, "__module__", f_module, Some(f_set_module));
    add_property(f, "__defaults__", f_defaults, Some(f_set_defaults));
    add_property(f, "__kwdefaults__", f_kwdefaults, Some(f_set_kwdefaults));
    add_property(f, "__code__", f_code, Some(f_set_code));
    add_property(f, "__annotations__", f_annotations, Some(f_set_annotations));
    add_getter(f, "__globals__", f_globals);
    add_getter(f, "__builtins__", f_builtins);
    add_getter(f, "__closure__", f_closure);
    add_getter(f, "__dict__", f_dict);
    let m = &t.method;
    add_method(m, "__call__", call_self);
    add_method(m, "__repr__", m_repr);
    add_method(m, "__eq__", m_eq);
    add_method(m, "__hash__", m_hash);
    add_method(m, "__get__", m_get);
    add_getter(m, "__self__", m_self);
    add_getter(m, "__func__", m_func);
    add_getter(m, "__name__", m_name);
    add_getter(m, "__qualname__", m_qualname);
    add_getter(m, "__doc__", m_doc);
    add_getter(m, "__module__", m_module);
    let c = &t.code;
    add_method(c, "__repr__", c_repr);
    add_method(c, "__eq__", c_eq);
    add_method(c, "__hash__", c_hash);
    add_getter(c, "co_name", c_name);
    add_getter(c, "co_qualname", c_qualname);
    add_getter(c, "co_filename", c_filename);
    add_getter(c, "co_firstlineno", c_firstlineno);
    add_getter(c, "co_argcount", c_argcount);
    add_getter(c, "co_posonlyargcount", c_posonly);
    add_getter(c, "co_kwonlyargcount", c_kwonly);
    add_getter(c, "co_flags", c_flags);
    add_method(c, "replace", c_replace);
    add_getter(c, "co_nlocals", c_nlocals);
    add_getter(c, "co_varnames", c_varnames);
    add_getter(c, "co_cellvars", c_cellvars);
    add_getter(c, "co_freevars", c_freevars);
    add_getter(c, "co_names", c_names);
    add_getter(c, "co_consts", c_consts);
}
