//! Builtins, object model builtins: isinstance, getattr, type helpers, repr, hash, id, exec/eval, __build_class__.

use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool, registry::exc, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{runtime_error, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

mod exec;
pub use exec::{audit_exec, decode_source};
mod timemod;

/// Adds this group's functions to the builtins dict.
pub fn init(d: &Value) {
    let f = |name: &'static str, func: crate::vm::NativeFn| add_function(d, "builtins", name, func);
    f("isinstance", builtin_isinstance);
    f("issubclass", builtin_issubclass);
    f("hasattr", builtin_hasattr);
    f("getattr", builtin_getattr);
    f("setattr", builtin_setattr);
    f("delattr", builtin_delattr);
    f("id", builtin_id);
    f("hash", builtin_hash);
    f("repr", builtin_repr);
    f("ascii", builtin_ascii);
    f("callable", builtin_callable);
    f("vars", builtin_vars);
    f("dir", builtin_dir);
    f("globals", builtin_globals);
    f("locals", builtin_locals);
    f("iter", builtin_iter);
    f("next", builtin_next);
    f("aiter", crate::vm::interp::builtin_aiter);
    f("anext", crate::vm::interp::builtin_anext);
    f("__build_class__", build_class);
    exec::init(d);
    timemod::register();
    crate::builtins::thread::register();
    crate::builtins::gc::register();
}

fn attr_name(name: &Value) -> PyResult<()> {
    if name.as_str().is_none() {
        return Err(type_error(format!("attribute name must be string, not '{}'", type_name(name))));
    }
    Ok(())
}

fn builtin_isinstance(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, cls] = args.exact::<2>("isinstance")?;
    Ok(py_bool(vm.isinstance_full(obj, cls)?))
}

fn builtin_issubclass(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [sub, cls] = args.exact::<2>("issubclass")?;
    Ok(py_bool(vm.issubclass_full(sub, cls)?))
}

fn builtin_hasattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>("hasattr")?;
    attr_name(name)?;
    Ok(py_bool(vm.getattr_or_none(obj, name)?.is_some()))
}

fn builtin_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("getattr", 2, 3)?;
    attr_name(&p[1])?;
    match p.get(2) {
        None => vm.getattr(&p[0], &p[1]),
        Some(d) => Ok(vm.getattr_or_none(&p[0], &p[1])?.unwrap_or_else(|| d.clone())),
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name, v] = args.exact::<3>("setattr")?;
    attr_name(name)?;
    vm.setattr(obj, name, v.clone())?;
    Ok(none())
}

fn builtin_delattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj, name] = args.exact::<2>("delattr")?;
    attr_name(name)?;
    vm.delattr(obj, name)?;
    Ok(none())
}

fn builtin_id(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("id")?;
    let id = crate::objects::int::new_bigint(num_bigint::BigInt::from(obj.bits() as u64));
    if crate::vm::startup::audit::active() {
        vm.audit("builtins.id", vec![id.clone()])?;
    }
    Ok(id)
}

fn builtin_hash(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("hash")?;
    Ok(crate::objects::int::new_int(vm.hash(obj)?))
}

fn builtin_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("repr")?;
    vm.repr(obj)
}

/// Escapes non-ASCII characters as `ascii()` does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

fn builtin_ascii(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("ascii")?;
    let r = vm.repr_string(obj)?;
    Ok(new_str(ascii_escape(&r)))
}

/// Is `v` callable (`callable()`)?
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v.kind() {
        Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type => true,
        _ => vm.lookup_special(v, "__call__").is_some_and(|c| !c.is_none()),
    }
}

fn builtin_callable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("callable")?;
    Ok(py_bool(is_callable(vm, obj)))
}

fn builtin_vars(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("vars", 0, 1)?;
    match p.first() {
        None => current_locals(vm),
        Some(o) => match vm.getattr_opt(o, "__dict__") {
            Ok(Some(d)) => Ok(d),
            Ok(None) => Err(type_error("vars() argument must have __dict__ attribute")),
            Err(e) if e.matches(&exc().attribute_error) => {
                Err(type_error("vars() argument must have __dict__ attribute"))
            }
            Err(e) => Err(e),
        },
    }
}

/// Sorts a list of names as `sorted()` would (strings compare by code point).
fn sorted_names(vm: &mut Vm, mut v: Vec<Value>) -> PyResult<Value> {
    if v.iter().all(|x| x.as_str().is_some()) {
        v.sort_by(|a, b| a.as_str().unwrap_or("").cmp(b.as_str().unwrap_or("")));
        return Ok(new_list(v));
    }
    let l = new_list(v);
    vm.call_method(&l, "sort", &[])?;
    Ok(l)
}

fn builtin_dir(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("dir", 0, 1)?;
    let Some(o) = p.first() else {
        let l = current_locals(vm)?;
        let keys = l.downcast::<PyDict>().map(|d| d.keys()).unwrap_or_default();
        return sorted_names(vm, keys);
    };
    let Some(f) = vm.lookup_special(o, "__dir__") else {
        return Err(type_error("object does not provide __dir__"));
    };
    let r = crate::objects::type_::call_unbound(vm, &f, o, Args::positional_only(&[]))?;
    let items = vm.to_vec(&r)?;
    sorted_names(vm, items)
}

/// The running Python frame's globals dict.
pub fn current_globals(vm: &Vm) -> Option<Value> {
    vm.frames.last().map(|f| f.globals.clone())
}

/// `locals()`: the frame's locals dict (module and class bodies) or a snapshot of its fast
/// locals and cells.
pub fn current_locals(vm: &mut Vm) -> PyResult {
    Ok(crate::vm::interp::frame_locals(vm))
}

fn builtin_globals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("globals")?;
    current_globals(vm).ok_or_else(|| runtime_error("globals(): no current frame"))
}

fn builtin_locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("locals")?;
    current_locals(vm)
}

/// `iter(callable, sentinel)`: calls until the result equals the sentinel.
struct CallableIter {
    func: Option<Value>,
    sentinel: Value,
}

impl crate::objects::iter::NativeIter for CallableIter {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(f) = self.func.clone() else { return Ok(None) };
        let v = match vm.call(&f, Args::positional_only(&[])) {
            Ok(v) => v,
            Err(e) if e.matches(&exc().stop_iteration) => {
                self.func = None;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if vm.eq(&v, &self.sentinel)? {
            self.func = None;
            return Ok(None);
        }
        Ok(Some(v))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(f) = &self.func {
            visit(f);
        }
        visit(&self.sentinel);
    }
}

fn builtin_iter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("iter", 1, 2)?;
    if p.len() == 1 {
        return vm.iter(&p[0]);
    }
    if !is_callable(vm, &p[0]) {
        return Err(type_error("iter(v, w): v must be callable"));
    }
    Ok(crate::objects::iter::new_native_iter(
        &types().callable_iterator,
        Box::new(CallableIter { func: Some(p[0].clone()), sentinel: p[1].clone() }),
    ))
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("next", 1, 2)?;
    let it = &p[0];
    let is_iter = it.kind() == Kind::NativeIter
        || crate::objects::generator::is_plain_generator(it)
        || vm.lookup_special(it, "__next__").is_some();
    if !is_iter {
        return Err(type_error(format!("'{}' object is not an iterator", type_name(it))));
    }
    if p.len() == 1 && it.kind() != Kind::NativeIter {
        // Call __next__ directly so StopIteration keeps its value.
        let f = vm.lookup_special(it, "__next__").ok_or_else(|| type_error("not an iterator"))?;
        return vm.call(&f, Args::positional_only(std::slice::from_ref(it)));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match p.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::vm::errors::stop_iteration(None)),
        },
    }
}

/// PEP 560: replaces non-class bases that define `__mro_entries__`.
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let mut changed = false;
    let mut out = Vec::with_capacity(bases.len());
    let orig = new_tuple(bases.to_vec());
    for b in bases {
        if b.as_type().is_some() {
            out.push(b.clone());
            continue;
        }
        let Some(me) = vm.getattr_opt(b, "__mro_entries__")? else {
            out.push(b.clone());
            continue;
        };
        let r = vm.call(&me, Args::positional_only(std::slice::from_ref(&orig)))?;
        let Some(items) = r.as_tuple() else {
            return Err(type_error("__mro_entries__ must return a tuple"));
        };
        out.extend_from_slice(items);
        changed = true;
    }
    Ok(if changed { Some(out) } else { None })
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`: the `class` statement.
fn build_class(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &p[0];
    if func.kind() != Kind::Function {
        return Err(type_error("__build_class__: func must be a function"));
    }
    let name = &p[1];
    if name.as_str().is_none() {
        return Err(type_error("__build_class__: name is not a string"));
    }
    let orig_bases = &p[2..];
    let new_bases = update_bases(vm, orig_bases)?;
    let bases: Vec<Value> = new_bases.clone().unwrap_or_else(|| orig_bases.to_vec());
    let bases_t = new_tuple(bases.clone());

    let mut meta: Option<Value> = None;
    let mut kwnames: Vec<Value> = Vec::new();
    let mut kwvals: Vec<Value> = Vec::new();
    for (k, v) in args.kwargs() {
        if k == "metaclass" {
            meta = Some(v.clone());
        } else {
            kwnames.push(new_str(k));
            kwvals.push(v.clone());
        }
    }
    let (mut meta, is_class) = match meta {
        Some(m) => {
            let c = m.as_type().is_some();
            (m, c)
        }
        None => (bases.first().map(|b| b.type_of().clone()).unwrap_or_else(|| types().type_.clone()), true),
    };
    if is_class {
        meta = crate::objects::type_::new::calculate_metaclass(&meta, &bases)?;
    }

    let ns = match vm.getattr_opt(&meta, "__prepare__")? {
        Some(prep) => {
            let mut v = vec![name.clone(), bases_t.clone()];
            v.extend(kwvals.iter().cloned());
            vm.call(&prep, Args::new(&v, &kwnames))?
        }
        None => layout::alloc(&types().dict, PyDict::new()),
    };
    if ns.downcast::<PyDict>().is_none() && vm.lookup_special(&ns, "__getitem__").is_none() {
        let mn = if is_class {
            meta.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
        } else {
            "<metaclass>".to_owned()
        };
        return Err(type_error(format!("{mn}.__prepare__() must return a mapping, not {}", type_name(&ns))));
    }
    let ret = vm.run_class_body(func, &ns)?;
    // The body returns its `__class__` cell (CPython 3.11); it is also in the namespace.
    let cell = if ret.kind() == Kind::Cell {
        ret
    } else {
        ns.downcast::<PyDict>().and_then(|d| d.get_str("__classcell__")).unwrap_or_else(none)
    };
    if new_bases.is_some() {
        vm.setitem(&ns, &new_str("__orig_bases__"), new_tuple(orig_bases.to_vec()))?;
    }
    let mut v = vec![name.clone(), bases_t, ns];
    v.extend(kwvals);
    let cls = vm.call(&meta, Args::new(&v, &kwnames))?;
    if cls.as_type().is_some() {
        if let Some(c) = cell.payload::<PyCell>() {
            let cell_cls = c.0.borrow().clone();
            match cell_cls {
                Some(cc) if cc.is(&cls) => {}
                None => {
                    return Err(runtime_error(format!(
                        "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                        vm.repr_string(name)?,
                        vm.repr_string(&cls)?
                    )));
                }
                Some(cc) => {
                    return Err(type_error(format!(
                        "__class__ set to {} defining {} as {}",
                        vm.repr_string(&cc)?,
                        vm.repr_string(name)?,
                        vm.repr_string(&cls)?
                    )));
                }
            }
        }
    }
    Ok(cls)
}
