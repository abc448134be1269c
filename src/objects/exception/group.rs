//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction rules, `message`,
//! `exceptions`, `derive`, `split` and `subgroup`.

use crate::objects::exception::{PyException, get_attr, set_attr};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{PyType, TF_BASETYPE};
use crate::objects::{none, registry::exc, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::type_error;
use crate::vm::protocol::{is_subtype, type_name};
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

struct Groups {
    base: Value,
    eg: Value,
}
static GROUPS: GilCell<Groups> = GilCell::new();

fn make_type(name: &str, bases: Vec<Value>) -> Value {
    let t = layout::alloc(&types().type_, PyType::new(name, Kind::Exception, TF_BASETYPE));
    if let Some(tp) = t.as_type() {
        *tp.base.borrow_mut() = bases.first().cloned();
        *tp.bases.borrow_mut() = bases.clone();
        let mro = crate::objects::type_::new::c3_mro(&t, &bases).unwrap_or_else(|_| vec![t.clone()]);
        *tp.mro.borrow_mut() = mro;
        tp.modified();
    }
    layout::make_immortal(&t);
    t
}

fn groups() -> &'static Groups {
    GROUPS.init(|| {
        let base = make_type("BaseExceptionGroup", vec![types().base_exception.clone()]);
        let eg = make_type("ExceptionGroup", vec![base.clone(), exc().exception.clone()]);
        Groups { base, eg }
    })
}

/// Is `v` an exception group?
pub fn is_group(v: &Value) -> bool {
    is_subtype(v.type_of(), &groups().base)
}

fn eg_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(cls) = p.first() else { return Err(type_error("BaseExceptionGroup.__new__(): not enough arguments")) };
    let cname = type_name_of(cls);
    if p.len() != 3 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            p.len() - 1
        )));
    }
    let (msg, seq) = (&p[1], &p[2]);
    if msg.as_str().is_none() {
        return Err(type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", type_name(msg))));
    }
    let is_seq = matches!(seq.kind(), Kind::List | Kind::Tuple)
        || (seq.kind() != Kind::Dict
            && vm.lookup_special(seq, "__getitem__").is_some()
            && vm.lookup_special(seq, "__len__").is_some());
    if !is_seq {
        return Err(type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.to_vec(seq)?;
    if items.is_empty() {
        return Err(crate::vm::errors::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exc = true;
    for (i, e) in items.iter().enumerate() {
        if e.kind() != Kind::Exception {
            return Err(crate::vm::errors::value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !is_subtype(e.type_of(), &exc().exception) {
            all_exc = false;
        }
    }
    let g = groups();
    let mut cls = cls.clone();
    if cls.is(&g.base) {
        if all_exc {
            cls = g.eg.clone();
        }
    } else if cls.is(&g.eg) {
        if !all_exc {
            return Err(type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if !all_exc && is_subtype(&cls, &exc().exception) {
        return Err(type_error(format!("Cannot nest BaseExceptions in '{cname}'")));
    }
    let e = layout::alloc(&cls, PyException::new(new_tuple(vec![msg.clone(), seq.clone()])));
    set_attr(&e, "message", msg.clone());
    set_attr(&e, "exceptions", new_tuple(items));
    Ok(e)
}

fn type_name_of(t: &Value) -> String {
    t.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
}

fn eg_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        let s = args.pos().first().map(type_name).unwrap_or_default();
        return Err(type_error(format!("{s}() takes no keyword arguments")));
    }
    Ok(none())
}

fn eg_str(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__str__")?;
    let msg = get_attr(s, "message").and_then(|m| m.as_str().map(str::to_owned)).unwrap_or_default();
    let n = get_attr(s, "exceptions").and_then(|e| e.as_tuple().map(|t| t.len())).unwrap_or(0);
    Ok(new_str(format!("{msg} ({n} sub-exception{})", if n == 1 { "" } else { "s" })))
}

fn g_message(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(get_attr(s, "message").unwrap_or_else(none))
}
fn g_exceptions(_vm: &mut Vm, s: &Value) -> PyResult {
    Ok(get_attr(s, "exceptions").unwrap_or_else(|| new_tuple(vec![])))
}

fn eg_derive(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, excs] = args.exact::<2>("derive")?;
    let msg = get_attr(s, "message").unwrap_or_else(|| new_str(""));
    let base = groups().base.clone();
    vm.call(&base, Args::positional_only(&[msg, excs.clone()]))
}

enum Matcher {
    Types(Value),
    Pred(Value),
}

fn matcher_of(vm: &mut Vm, cond: &Value) -> PyResult<Matcher> {
    let is_exc_class = |c: &Value| c.as_type().is_some() && is_subtype(c, &types().base_exception);
    if is_exc_class(cond) {
        return Ok(Matcher::Types(cond.clone()));
    }
    if let Some(t) = cond.as_tuple() {
        if t.iter().all(is_exc_class) {
            return Ok(Matcher::Types(cond.clone()));
        }
    } else if crate::builtins::core::is_callable(vm, cond) && cond.as_type().is_none() {
        return Ok(Matcher::Pred(cond.clone()));
    }
    Err(type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
}

fn matches(vm: &mut Vm, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => vm.isinstance_full(e, t),
        Matcher::Pred(f) => {
            let r = vm.call(f, Args::positional_only(std::slice::from_ref(e)))?;
            vm.truthy(&r)
        }
    }
}

/// `exc.derive(items)` with the traceback, cause, context and notes copied over.
fn derive_and_copy(vm: &mut Vm, orig: &Value, items: Vec<Value>) -> PyResult {
    let lst = crate::objects::list::new_list(items);
    let eg = vm.call_method(orig, "derive", &[lst])?;
    if eg.kind() != Kind::Exception || !is_group(&eg) {
        return Err(type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(d), Some(o)) = (eg.payload::<PyException>(), orig.payload::<PyException>()) {
        *d.traceback.borrow_mut() = o.traceback.borrow().clone();
        *d.cause.borrow_mut() = o.cause.borrow().clone();
        *d.context.borrow_mut() = o.context.borrow().clone();
    }
    if let Some(notes) = vm.getattr_opt(orig, "__notes__")? {
        let copy = crate::objects::list::new_list(vm.to_vec(&notes)?);
        vm.setattr(&eg, &new_str("__notes__"), copy)?;
    }
    Ok(eg)
}

fn split_rec(vm: &mut Vm, e: &Value, m: &Matcher, want_rest: bool) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, m, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !is_group(e) {
        return Ok((None, if want_rest { Some(e.clone()) } else { None }));
    }
    let items = get_attr(e, "exceptions").and_then(|t| t.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    let (mut ms, mut rs) = (Vec::new(), Vec::new());
    for x in &items {
        let (a, b) = split_rec(vm, x, m, want_rest)?;
        ms.extend(a);
        rs.extend(b);
    }
    let mv = if ms.is_empty() { None } else { Some(derive_and_copy(vm, e, ms)?) };
    let rv = if want_rest && !rs.is_empty() { Some(derive_and_copy(vm, e, rs)?) } else { None };
    Ok((mv, rv))
}

fn eg_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, cond] = args.exact::<2>("split")?;
    let m = matcher_of(vm, cond)?;
    let (a, b) = split_rec(vm, s, &m, true)?;
    Ok(new_tuple(vec![a.unwrap_or_else(none), b.unwrap_or_else(none)]))
}

fn eg_subgroup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s, cond] = args.exact::<2>("subgroup")?;
    let m = matcher_of(vm, cond)?;
    let (a, _) = split_rec(vm, s, &m, false)?;
    Ok(a.unwrap_or_else(none))
}

/// Creates the two classes and adds them to the builtins dict.
pub fn add_group_builtins(d: &Value) {
    let g = groups();
    let b = &g.base;
    add_staticmethod(b, "__new__", eg_new);
    add_method(b, "__init__", eg_init);
    add_method(b, "__str__", eg_str);
    add_method(b, "derive", eg_derive);
    add_method(b, "split", eg_split);
    add_method(b, "subgroup", eg_subgroup);
    crate::objects::descr::add_getset(b, "message", g_message, None);
    crate::objects::descr::add_getset(b, "exceptions", g_exceptions, None);
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(new_str("BaseExceptionGroup"), g.base.clone());
        dd.set_str(new_str("ExceptionGroup"), g.eg.clone());
    }
}
