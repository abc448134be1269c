//! Async generators (PEP 525): the `async_generator` type, its `asend`/`athrow`/`aclose`
//! awaitables, the wrapped values that mark an async `yield` (`AsyncGenWrap`), the
//! `firstiter`/`finalizer` hooks, and finalizing generator-like objects when they are
//! dropped. The awaitables' state machines follow CPython 3.11's genobject.c.

use std::cell::Cell;

use super::generators::{Resume, gen_of};
use crate::objects::generator::{Flavor, GenState, PyGenerator};
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::registry::exc;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool, types};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, runtime_error, stop_iteration, type_error};
use crate::vm::startup::{add_getter, add_method};
use crate::vm::{Args, PyResult, Vm};

/// A value an async generator yielded (as opposed to one an `await` inside it passes up).
struct Wrapped(Value);
impl NativeData for Wrapped {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.0);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwState {
    Init,
    Iter,
    Closed,
}

/// `agen.asend(v)` / `agen.__anext__()`.
struct ASend {
    agen: Value,
    sendval: Value,
    state: Cell<AwState>,
}
impl NativeData for ASend {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.agen);
        visit(&self.sendval);
    }
}

/// `agen.athrow(...)` (`args` = the exception arguments) / `agen.aclose()` (`args` None).
struct AThrow {
    agen: Value,
    args: Option<Vec<Value>>,
    state: Cell<AwState>,
}
impl NativeData for AThrow {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.agen);
        for a in self.args.iter().flatten() {
            visit(a);
        }
    }
}

struct Classes {
    wrapped: Value,
    asend: Value,
    athrow: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let wrapped = new_builtin_class("async_generator_wrapped_value", "builtins", Kind::Native, 0);
        let asend = new_builtin_class("async_generator_asend", "builtins", Kind::Native, 0);
        add_method(&asend, "send", asend_send_m);
        add_method(&asend, "__next__", asend_next_m);
        add_method(&asend, "throw", asend_throw_m);
        add_method(&asend, "close", asend_close_m);
        add_method(&asend, "__iter__", self_m);
        add_method(&asend, "__await__", self_m);
        let athrow = new_builtin_class("async_generator_athrow", "builtins", Kind::Native, 0);
        add_method(&athrow, "send", athrow_send_m);
        add_method(&athrow, "__next__", athrow_next_m);
        add_method(&athrow, "throw", athrow_throw_m);
        add_method(&athrow, "close", athrow_close_m);
        add_method(&athrow, "__iter__", self_m);
        add_method(&athrow, "__await__", self_m);
        Classes { wrapped, asend, athrow }
    })
}

/// `AsyncGenWrap`.
pub(crate) fn wrap(v: Value) -> Value {
    new_native(&classes().wrapped, Wrapped(v))
}

fn agen_of(v: &Value) -> PyResult<&PyGenerator> {
    match v.payload::<PyGenerator>() {
        Some(g) if g.flavor == Flavor::AsyncGen => Ok(g),
        _ => Err(type_error("descriptor requires a 'async_generator' object")),
    }
}

/// The first `__anext__`/`asend`/`athrow`/`aclose`: remember the current finalizer hook
/// and call the `firstiter` hook (CPython's async_gen_init_hooks).
fn init_hooks(vm: &mut Vm, gen_v: &Value) -> PyResult<()> {
    let g = agen_of(gen_v)?;
    if g.hooks_inited.get() {
        return Ok(());
    }
    g.hooks_inited.set(true);
    if let Some(f) = vm.async_hooks.finalizer.clone() {
        *g.finalizer.borrow_mut() = Some(f);
    }
    if let Some(first) = vm.async_hooks.firstiter.clone() {
        vm.call(&first, Args::positional_only(std::slice::from_ref(gen_v)))?;
    }
    Ok(())
}

/// `agen.asend(v)` (and `__anext__`, `GetANext`: v = None).
pub(crate) fn asend(vm: &mut Vm, gen_v: &Value, v: Value) -> PyResult {
    init_hooks(vm, gen_v)?;
    Ok(new_native(&classes().asend, ASend { agen: gen_v.clone(), sendval: v, state: Cell::new(AwState::Init) }))
}

/// Resumes the generator as `gen.send(v)` would: a return is StopAsyncIteration.
fn gen_send(vm: &mut Vm, gen_v: &Value, v: Value) -> PyResult {
    match vm.gen_resume(gen_v, v, None)? {
        Resume::Yield(y) => Ok(y),
        Resume::Return(_) => Err(PyErr::bare(&exc().stop_async_iteration)),
    }
}

/// Throws into the generator as `gen.throw(...)` would: a return is StopAsyncIteration.
fn gen_throw(vm: &mut Vm, gen_v: &Value, exc_args: &[Value]) -> PyResult {
    let e = super::generators::throw_exception(vm, exc_args)?;
    match vm.gen_resume(gen_v, none(), Some(e))? {
        Resume::Yield(y) => Ok(y),
        Resume::Return(_) => Err(PyErr::bare(&exc().stop_async_iteration)),
    }
}

/// What the awaitable makes of one step of the generator: a wrapped value ends the
/// await with StopIteration(value); anything else yielded goes up to the event loop.
fn unwrap_value(g: &PyGenerator, r: PyResult) -> PyResult {
    match r {
        Err(e) => {
            if e.matches(&exc().stop_async_iteration) || e.matches(&exc().generator_exit) {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
        Ok(v) => match native_ref::<Wrapped>(&v) {
            Some(w) => {
                g.running_async.set(false);
                Err(stop_iteration(Some(w.0.clone())))
            }
            None => Ok(v),
        },
    }
}

fn asend_send(vm: &mut Vm, a: &ASend, arg: Value) -> PyResult {
    let g = agen_of(&a.agen)?;
    let mut arg = arg;
    match a.state.get() {
        AwState::Closed => return Err(runtime_error("cannot reuse already awaited __anext__()/asend()")),
        AwState::Init => {
            if g.running_async.get() {
                return Err(runtime_error("anext(): asynchronous generator is already running"));
            }
            if arg.is_none() {
                arg = a.sendval.clone();
            }
            a.state.set(AwState::Iter);
        }
        AwState::Iter => {}
    }
    g.running_async.set(true);
    let r = gen_send(vm, &a.agen, arg);
    let r = unwrap_value(g, r);
    if r.is_err() {
        a.state.set(AwState::Closed);
    }
    r
}

fn asend_this<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a ASend> {
    Ok(this::<ASend>(args, meth, "async_generator_asend")?.1)
}

fn asend_send_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = asend_this(&args, "send")?;
    let v = args.pos().get(1).cloned().ok_or_else(|| type_error("send() takes exactly one argument (0 given)"))?;
    asend_send(vm, a, v)
}

fn asend_next_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    asend_send(vm, asend_this(&args, "__next__")?, none())
}

fn asend_throw_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = asend_this(&args, "throw")?;
    if a.state.get() == AwState::Closed {
        return Err(runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let g = agen_of(&a.agen)?;
    let r = gen_throw(vm, &a.agen, &args.pos()[1..]);
    let r = unwrap_value(g, r);
    if r.is_err() {
        a.state.set(AwState::Closed);
    }
    r
}

fn asend_close_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    asend_this(&args, "close")?.state.set(AwState::Closed);
    Ok(none())
}

fn self_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.pos().first().cloned().ok_or_else(|| type_error("expected an argument"))
}

const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

fn is_wrapped(v: &Value) -> bool {
    native_ref::<Wrapped>(v).is_some()
}

fn athrow_send(vm: &mut Vm, a: &AThrow, arg: Value) -> PyResult {
    let g = agen_of(&a.agen)?;
    if a.state.get() == AwState::Closed {
        return Err(runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if g.state.get() == GenState::Finished {
        a.state.set(AwState::Closed);
        return Err(stop_iteration(None));
    }
    let r = if a.state.get() == AwState::Init {
        if g.running_async.get() {
            a.state.set(AwState::Closed);
            let which = if a.args.is_none() { "aclose" } else { "athrow" };
            return Err(runtime_error(format!("{which}(): asynchronous generator is already running")));
        }
        if g.closed.get() {
            a.state.set(AwState::Closed);
            return Err(PyErr::bare(&exc().stop_async_iteration));
        }
        if !arg.is_none() {
            return Err(runtime_error("can't send non-None value to a just-started coroutine"));
        }
        a.state.set(AwState::Iter);
        g.running_async.set(true);
        match &a.args {
            None => {
                g.closed.set(true);
                let ge = exc().generator_exit.clone();
                match gen_throw(vm, &a.agen, &[ge]) {
                    Ok(v) if is_wrapped(&v) => return Err(yield_close(a, g)),
                    r => r,
                }
            }
            Some(exc_args) => {
                let r = gen_throw(vm, &a.agen, exc_args);
                unwrap_value(g, r)
            }
        }
    } else {
        let r = gen_send(vm, &a.agen, arg);
        match &a.args {
            Some(_) => return unwrap_value(g, r),
            None => match r {
                Ok(v) if is_wrapped(&v) => return Err(yield_close(a, g)),
                r => r,
            },
        }
    };
    match r {
        Ok(v) => Ok(v),
        Err(e) => Err(check_error(a, g, e)),
    }
}

/// `aclose()` found the generator yielding again.
fn yield_close(a: &AThrow, g: &PyGenerator) -> PyErr {
    g.running_async.set(false);
    a.state.set(AwState::Closed);
    runtime_error(IGNORED_EXIT)
}

/// The awaitable is done: for `aclose()` the generator ending (StopAsyncIteration or
/// GeneratorExit) is the awaitable's own StopIteration.
fn check_error(a: &AThrow, g: &PyGenerator, e: PyErr) -> PyErr {
    g.running_async.set(false);
    a.state.set(AwState::Closed);
    if a.args.is_none() && (e.matches(&exc().stop_async_iteration) || e.matches(&exc().generator_exit)) {
        return stop_iteration(None);
    }
    e
}

fn athrow_this<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a AThrow> {
    Ok(this::<AThrow>(args, meth, "async_generator_athrow")?.1)
}

fn athrow_send_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = athrow_this(&args, "send")?;
    let v = args.pos().get(1).cloned().ok_or_else(|| type_error("send() takes exactly one argument (0 given)"))?;
    athrow_send(vm, a, v)
}

fn athrow_next_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    athrow_send(vm, athrow_this(&args, "__next__")?, none())
}

fn athrow_throw_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = athrow_this(&args, "throw")?;
    if a.state.get() == AwState::Closed {
        return Err(runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    let g = agen_of(&a.agen)?;
    let r = gen_throw(vm, &a.agen, &args.pos()[1..]);
    if a.args.is_some() {
        return unwrap_value(g, r);
    }
    match r {
        Ok(v) if is_wrapped(&v) => Err(yield_close(a, g)),
        Ok(v) => Ok(v),
        Err(e) if e.matches(&exc().stop_async_iteration) || e.matches(&exc().generator_exit) => {
            Err(stop_iteration(None))
        }
        Err(e) => Err(e),
    }
}

fn athrow_close_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    athrow_this(&args, "close")?.state.set(AwState::Closed);
    Ok(none())
}

fn self_agen<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    let g = args.pos().first().ok_or_else(|| type_error("descriptor requires a 'async_generator' object"))?;
    agen_of(g)?;
    Ok(g)
}

fn ag_aiter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(self_agen(&args)?.clone())
}

fn ag_anext(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = self_agen(&args)?.clone();
    asend(vm, &g, none())
}

fn ag_asend(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact::<2>("asend")?;
    agen_of(&a[0])?;
    asend(vm, &a[0], a[1].clone())
}

fn ag_athrow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("athrow", 2, 4)?;
    agen_of(&a[0])?;
    init_hooks(vm, &a[0])?;
    let t = AThrow { agen: a[0].clone(), args: Some(a[1..].to_vec()), state: Cell::new(AwState::Init) };
    Ok(new_native(&classes().athrow, t))
}

fn ag_aclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = self_agen(&args)?.clone();
    init_hooks(vm, &g)?;
    Ok(new_native(&classes().athrow, AThrow { agen: g, args: None, state: Cell::new(AwState::Init) }))
}

fn ag_await(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(super::generators::yield_from_of(gen_of(self_agen(&args)?)?))
}

fn ag_running(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(gen_of(self_agen(&args)?)?.running_async.get()))
}

impl Vm {
    /// A generator-like object dropped while it needs finishing (PEP 442, once): a
    /// suspended generator or coroutine is closed, an async generator goes to the
    /// finalizer hook it was started under (asyncio schedules its `aclose()`), a coroutine
    /// that never ran warns that it was never awaited.
    pub(crate) fn finalize_generator(&mut self, obj: &Value) {
        let Some(g) = obj.payload::<PyGenerator>() else { return };
        if g.flavor == Flavor::Coroutine && g.state.get() == GenState::Created {
            self.warn_unawaited(obj);
            return;
        }
        let hook = if g.flavor == Flavor::AsyncGen && !g.closed.get() { g.finalizer.borrow().clone() } else { None };
        let r = match hook {
            Some(h) => self.call(&h, Args::positional_only(std::slice::from_ref(obj))).map(drop),
            None => self.gen_close(obj).map(drop),
        };
        if let Err(e) = r {
            let what = self.repr_string(obj).unwrap_or_default();
            self.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
        }
    }
}

/// Registers the async generator type's methods and attributes.
pub(super) fn init() {
    let t = &types().async_generator;
    add_method(t, "__aiter__", ag_aiter);
    add_method(t, "__anext__", ag_anext);
    add_method(t, "asend", ag_asend);
    add_method(t, "athrow", ag_athrow);
    add_method(t, "aclose", ag_aclose);
    add_method(t, "__repr__", super::generators::gen_repr);
    add_getter(t, "ag_await", ag_await);
    add_getter(t, "ag_running", ag_running);
    add_getter(t, "ag_code", super::generators::gi_code);
    add_getter(t, "ag_frame", super::generators::gi_frame);
    add_getter(t, "__name__", super::generators::gi_name);
    add_getter(t, "__qualname__", super::generators::gi_qualname);
}
