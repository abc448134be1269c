//! Coroutines (PEP 492): the `await`, `async for` and `async with` instructions'
//! protocols (CPython 3.11's GET_AWAITABLE, GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH), the
//! coroutine type's methods and attributes, `coroutine_wrapper` (`coro.__await__()`),
//! origin tracking and the "never awaited" warning.

use super::generators::{Resume, gen_of};
use crate::bytecode::code::{CO_ITERABLE_COROUTINE, Code};
use crate::objects::generator::{Flavor, GenState, PyGenerator, is_plain_generator};
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{runtime_error, stop_iteration, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method};
use crate::vm::{Args, PyResult, Vm};

/// Is `v` something `await` takes as it is: a coroutine, or a generator whose code
/// `types.coroutine` marked CO_ITERABLE_COROUTINE?
fn is_coroutine_like(v: &Value) -> bool {
    match v.payload::<PyGenerator>() {
        Some(g) => {
            g.flavor == Flavor::Coroutine
                || (g.flavor == Flavor::Generator
                    && g.code.payload::<Code>().is_some_and(|c| c.flags & CO_ITERABLE_COROUTINE != 0))
        }
        None => false,
    }
}

/// Does `v`'s type have `__next__` (an iterator, as `PyIter_Check` asks)?
fn is_iterator(vm: &Vm, v: &Value) -> bool {
    matches!(v.kind(), Kind::NativeIter) || is_plain_generator(v) || vm.lookup_special(v, "__next__").is_some()
}

impl Vm {
    /// `_PyCoro_GetAwaitableIter`: the iterator `await obj` drives.
    pub(crate) fn awaitable_iter(&mut self, obj: &Value) -> PyResult {
        if is_coroutine_like(obj) {
            return Ok(obj.clone());
        }
        let Some(getter) = self.lookup_special(obj, "__await__") else {
            return Err(type_error(format!("object {} can't be used in 'await' expression", type_name(obj))));
        };
        let r = self.call(&getter, Args::positional_only(std::slice::from_ref(obj)))?;
        if is_coroutine_like(&r) {
            return Err(type_error("__await__() returned a coroutine"));
        }
        if !is_iterator(self, &r) {
            return Err(type_error(format!("__await__() returned non-iterator of type '{}'", type_name(&r))));
        }
        Ok(r)
    }

    /// `GetAwaitable`: `awaitable_iter` plus the instruction's own checks and wording.
    pub(crate) fn get_awaitable(&mut self, obj: &Value, kind: u32) -> PyResult {
        let it = match self.awaitable_iter(obj) {
            Ok(it) => it,
            Err(e) if kind != 0 && self.lookup_special(obj, "__await__").is_none() => {
                drop(e);
                let from = if kind == 1 { "__aenter__" } else { "__aexit__" };
                return Err(type_error(format!(
                    "'async with' received an object from {from} that does not implement __await__: {}",
                    type_name(obj)
                )));
            }
            Err(e) => return Err(e),
        };
        if let Some(g) = it.payload::<PyGenerator>() {
            if g.flavor == Flavor::Coroutine && !super::generators::yield_from_of(g).is_none() {
                return Err(runtime_error("coroutine is being awaited already"));
            }
        }
        Ok(it)
    }

    /// `GetAIter`: `obj.__aiter__()`, which must have `__anext__`.
    pub(crate) fn get_aiter(&mut self, obj: &Value) -> PyResult {
        let Some(f) = self.lookup_special(obj, "__aiter__") else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                type_name(obj)
            )));
        };
        let it = self.call(&f, Args::positional_only(std::slice::from_ref(obj)))?;
        if self.lookup_special(&it, "__anext__").is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `GetANext`: the awaitable of the next `async for` step.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult {
        if aiter.payload::<PyGenerator>().is_some_and(|g| g.flavor == Flavor::AsyncGen) {
            return super::asyncgen::asend(self, aiter, none());
        }
        let Some(f) = self.lookup_special(aiter, "__anext__") else {
            return Err(type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                type_name(aiter)
            )));
        };
        let next = self.call(&f, Args::positional_only(std::slice::from_ref(aiter)))?;
        match self.awaitable_iter(&next) {
            Ok(a) => Ok(a),
            Err(cause) => {
                let e =
                    type_error(format!("'async for' received an invalid object from __anext__: {}", type_name(&next)));
                Err(super::generators::from_cause(e, cause))
            }
        }
    }

    /// `BeforeAsyncWith`: (bound `__aexit__`, `mgr.__aenter__()`).
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let Some(enter) = self.lookup_special(mgr, "__aenter__") else {
            return Err(type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                type_name(mgr)
            )));
        };
        let Some(exit) = self.lookup_special(mgr, "__aexit__") else {
            return Err(type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
                type_name(mgr)
            )));
        };
        let ty = mgr.type_of().clone();
        let exit_b = self.descr_get(&exit, Some(mgr), &ty)?;
        let r = self.call(&enter, Args::positional_only(std::slice::from_ref(mgr)))?;
        Ok((exit_b, r))
    }

    /// A coroutine dropped before it ever ran: a RuntimeWarning at the running line, as
    /// CPython's `_PyErr_WarnUnawaitedCoroutine` gives. (Not through
    /// `warnings._warn_unawaited_coroutine`: its `source=` argument needs the C
    /// `_warnings`, and without tracemalloc CPython's only extra is a hint line.)
    pub(crate) fn warn_unawaited(&mut self, coro: &Value) {
        let qualname = gen_of(coro).map(|g| g.qualname.borrow().clone()).unwrap_or_else(|_| none());
        let msg = format!("coroutine '{}' was never awaited", qualname.as_str().unwrap_or("?"));
        let r = self.import_module("warnings").and_then(|w| {
            let f = self.getattr_str(&w, "warn")?;
            let cat = crate::objects::registry::exc().runtime_warning.clone();
            self.call(&f, Args::positional_only(&[new_str(msg), cat, new_int(1)]))
        });
        if let Err(e) = r {
            let what = self.repr_string(coro).unwrap_or_default();
            self.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
        }
    }
}

/// `cr_origin` of a coroutine made now: ((filename, lineno, function), ...) of the
/// innermost `sys.get_coroutine_origin_tracking_depth()` frames.
pub(super) fn origin(vm: &Vm) -> Value {
    let depth = vm.async_hooks.origin_depth as usize;
    let items = vm
        .frames
        .iter()
        .rev()
        .take(depth)
        .map(|f| {
            let code = f.code();
            new_tuple(vec![code.filename.clone(), new_int(f.line() as i64), code.name.clone()])
        })
        .collect();
    new_tuple(items)
}

/// Raises the StopIteration a finished resume means for `send`/`throw`.
pub(super) fn resume_result(r: Resume) -> PyResult {
    match r {
        Resume::Yield(v) => Ok(v),
        Resume::Return(v) => Err(stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn self_coro<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(g) if g.payload::<PyGenerator>().is_some_and(|g| g.flavor == Flavor::Coroutine) => Ok(g),
        _ => Err(type_error("descriptor requires a 'coroutine' object")),
    }
}

fn cr_await(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(super::generators::yield_from_of(gen_of(self_coro(&args)?)?))
}

fn cr_running(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(gen_of(self_coro(&args)?)?.state.get() == GenState::Running))
}

fn cr_suspended(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(gen_of(self_coro(&args)?)?.state.get() == GenState::Suspended))
}

fn cr_origin(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_of(self_coro(&args)?)?.origin.borrow().clone().unwrap_or_else(none))
}

/// `coro.__await__()`: an iterator over the coroutine (`coroutine_wrapper`).
struct Wrapper {
    coro: Value,
}
impl NativeData for Wrapper {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.coro);
    }
}

static WRAPPER: GilCell<Value> = GilCell::new();

fn wrapper_class() -> &'static Value {
    WRAPPER.init(|| {
        let t = new_builtin_class("coroutine_wrapper", "builtins", Kind::Native, 0);
        add_method(&t, "__iter__", w_iter);
        add_method(&t, "__next__", w_next);
        add_method(&t, "send", w_send);
        add_method(&t, "throw", w_throw);
        add_method(&t, "close", w_close);
        t
    })
}

fn coro_await(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = self_coro(&args)?;
    Ok(new_native(wrapper_class(), Wrapper { coro: c.clone() }))
}

fn wrapped<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a Value> {
    Ok(&this::<Wrapper>(args, meth, "coroutine_wrapper")?.1.coro)
}

fn w_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this::<Wrapper>(&args, "__iter__", "coroutine_wrapper").map(|(s, _)| s.clone())
}

fn w_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = wrapped(&args, "__next__")?.clone();
    resume_result(vm.gen_resume(&c, none(), None)?)
}

fn w_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = wrapped(&args, "send")?.clone();
    let v = args.pos().get(1).cloned().ok_or_else(|| type_error("send() takes exactly one argument (0 given)"))?;
    resume_result(vm.gen_resume(&c, v, None)?)
}

fn w_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = wrapped(&args, "throw")?.clone();
    let mut rest = vec![c];
    rest.extend(args.pos().iter().skip(1).cloned());
    super::generators::gen_throw(vm, Args::positional_only(&rest))
}

fn w_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = wrapped(&args, "close")?.clone();
    vm.gen_close(&c)
}

fn coro_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = self_coro(&args)?;
    let q = gen_of(c)?.qualname.borrow().as_str().unwrap_or("?").to_owned();
    Ok(new_str(format!("<coroutine object {q} at {:#x}>", c.bits())))
}

/// Registers the coroutine type's methods and attributes.
pub(super) fn init() {
    let t = &types().coroutine;
    add_method(t, "send", super::generators::gen_send);
    add_method(t, "throw", super::generators::gen_throw);
    add_method(t, "close", super::generators::gen_close_m);
    add_method(t, "__await__", coro_await);
    add_method(t, "__repr__", coro_repr);
    add_getter(t, "cr_await", cr_await);
    add_getter(t, "cr_running", cr_running);
    add_getter(t, "cr_suspended", cr_suspended);
    add_getter(t, "cr_origin", cr_origin);
    add_getter(t, "cr_code", super::generators::gi_code);
    add_getter(t, "cr_frame", super::generators::gi_frame);
    add_getter(t, "__name__", super::generators::gi_name);
    add_getter(t, "__qualname__", super::generators::gi_qualname);
}

/// `anext(aiter, default)`'s awaitable: the `__anext__()` awaitable, with its
/// StopAsyncIteration turned into StopIteration(default).
struct AnextAwaitable {
    wrapped: Value,
    default: Value,
}
impl NativeData for AnextAwaitable {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.wrapped);
        visit(&self.default);
    }
}

static ANEXT: GilCell<Value> = GilCell::new();

fn anext_class() -> &'static Value {
    ANEXT.init(|| {
        let t = new_builtin_class("anext_awaitable", "builtins", Kind::Native, 0);
        add_method(&t, "__await__", w_iter_anext);
        add_method(&t, "__iter__", w_iter_anext);
        add_method(&t, "__next__", |vm, args| anext_proxy(vm, &args, "__next__"));
        add_method(&t, "send", |vm, args| anext_proxy(vm, &args, "send"));
        add_method(&t, "throw", |vm, args| anext_proxy(vm, &args, "throw"));
        add_method(&t, "close", |vm, args| anext_proxy(vm, &args, "close"));
        t
    })
}

fn w_iter_anext(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this::<AnextAwaitable>(&args, "__await__", "anext_awaitable").map(|(s, _)| s.clone())
}

/// Forwards `meth` to the iterator of the wrapped awaitable (a coroutine's
/// `coroutine_wrapper`), as CPython's anextawaitable_proxy does.
fn anext_proxy(vm: &mut Vm, args: &Args<'_>, meth: &str) -> PyResult {
    let (_, a) = this::<AnextAwaitable>(args, meth, "anext_awaitable")?;
    let mut it = vm.awaitable_iter(&a.wrapped)?;
    if it.payload::<PyGenerator>().is_some_and(|g| g.flavor == Flavor::Coroutine) {
        it = new_native(wrapper_class(), Wrapper { coro: it });
    }
    let rest = args.pos().get(1..).unwrap_or(&[]);
    match vm.call_method(&it, meth, rest) {
        Err(e) if e.matches(&crate::objects::registry::exc().stop_async_iteration) => {
            Err(stop_iteration(Some(a.default.clone())))
        }
        r => r,
    }
}

/// `aiter(obj)`.
pub fn builtin_aiter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [obj] = args.exact::<1>("aiter")?;
    let Some(f) = vm.lookup_special(obj, "__aiter__") else {
        return Err(type_error(format!("'{}' object is not an async iterable", type_name(obj))));
    };
    let it = vm.call(&f, Args::positional_only(std::slice::from_ref(obj)))?;
    if vm.lookup_special(&it, "__anext__").is_none() {
        return Err(type_error(format!("aiter() returned not an async iterator of type '{}'", type_name(&it))));
    }
    Ok(it)
}

/// `anext(aiter[, default])`.
pub fn builtin_anext(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("anext", 1, 2)?;
    let Some(f) = vm.lookup_special(&p[0], "__anext__") else {
        return Err(type_error(format!("'{}' object is not an async iterator", type_name(&p[0]))));
    };
    let awaitable = vm.call(&f, Args::positional_only(&p[..1]))?;
    match p.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(new_native(anext_class(), AnextAwaitable { wrapped: awaitable, default: d.clone() })),
    }
}
