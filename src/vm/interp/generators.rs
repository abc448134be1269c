//! Generators: creating them from a generator function's frame, resuming them
//! (`send`/`throw`/`close`/`__next__`), `yield from` delegation (`Send`, PEP 380) and
//! PEP 479 (StopIteration inside a generator becomes RuntimeError).

use std::cell::{Cell, RefCell};

use crate::bytecode::code::{CO_ASYNC_GENERATOR, CO_COROUTINE};
use crate::bytecode::opcode::Op;
use crate::objects::exception::PyException;
use crate::objects::generator::{Flavor, GenState, PyGenerator};
use crate::objects::registry::exc;
use crate::objects::{none, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, runtime_error, stop_iteration, type_error, value_error};
use crate::vm::frame::Frame;
use crate::vm::interp::Exit;
use crate::vm::startup::{add_getter, add_method};
use crate::vm::{Args, PyResult, Vm};

/// What a resumed generator did.
pub enum Resume {
    Yield(Value),
    Return(Value),
}

/// Wraps a fresh frame of generator code in a generator, coroutine or async generator
/// object, by its code's flags.
pub fn new_generator(vm: &Vm, frame: Box<Frame>) -> Value {
    let code = frame.code.clone();
    let flags = frame.code().flags;
    let (flavor, ty) = if flags & CO_COROUTINE != 0 {
        (Flavor::Coroutine, &types().coroutine)
    } else if flags & CO_ASYNC_GENERATOR != 0 {
        (Flavor::AsyncGen, &types().async_generator)
    } else {
        (Flavor::Generator, &types().generator)
    };
    let origin = match flavor {
        Flavor::Coroutine if vm.async_hooks.origin_depth > 0 => Some(super::coroutines::origin(vm)),
        _ => None,
    };
    let (name, qualname) = match &frame.func {
        Some(f) => match f.payload::<crate::objects::function::PyFunction>() {
            Some(p) => (p.name.borrow().clone(), p.qualname.borrow().clone()),
            None => (none(), none()),
        },
        None => match code.payload::<crate::bytecode::code::Code>() {
            Some(c) => (c.name.clone(), c.qualname.clone()),
            None => (none(), none()),
        },
    };
    layout::alloc(
        ty,
        PyGenerator {
            frame: RefCell::new(Some(frame)),
            state: Cell::new(GenState::Created),
            flavor,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            code,
            running_async: Cell::new(false),
            closed: Cell::new(false),
            hooks_inited: Cell::new(false),
            finalizer: RefCell::new(None),
            origin: RefCell::new(origin),
        },
    )
}

pub(super) fn gen_of(g: &Value) -> PyResult<&PyGenerator> {
    g.payload::<PyGenerator>().ok_or_else(|| type_error("expected a generator"))
}

/// The value a StopIteration carries (`args[0]` or None).
pub fn stop_value(e: &Value) -> Value {
    e.downcast::<PyException>()
        .and_then(|p| p.args.borrow().as_tuple().and_then(|t| t.first().cloned()))
        .unwrap_or_else(none)
}

impl Vm {
    /// Resumes generator `gen` sending `value`, or throwing `exc` into it.
    pub fn gen_resume(&mut self, gen_v: &Value, value: Value, throw: Option<Value>) -> PyResult<Resume> {
        let g = gen_of(gen_v)?;
        let noun = g.flavor.noun();
        match g.state.get() {
            GenState::Running => return Err(value_error(format!("{noun} already executing"))),
            GenState::Finished if g.flavor == Flavor::Coroutine => {
                return Err(runtime_error("cannot reuse already awaited coroutine"));
            }
            GenState::Finished => {
                return match throw {
                    Some(e) => Err(PyErr(e)),
                    None => Ok(Resume::Return(none())),
                };
            }
            GenState::Created if throw.is_none() && !value.is_none() => {
                return Err(type_error(format!("can't send non-None value to a just-started {noun}")));
            }
            _ => {}
        }
        // Its frame counts towards the limit like a call's (`gen_push` falls back here
        // at the limit; a `yield from` chain resumed from native code recurses).
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(
                &crate::objects::registry::exc().recursion_error,
                "maximum recursion depth exceeded",
            ));
        }
        // A throw into a generator suspended in `yield from` goes to the delegate first.
        if let Some(e) = &throw {
            if let Some(r) = self.throw_to_delegate(gen_v, e)? {
                return Ok(r);
            }
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Ok(Resume::Return(none()));
        };
        let started = g.state.get() != GenState::Created;
        g.state.set(GenState::Running);
        if started && throw.is_none() {
            frame.slots.push(value);
        }
        frame.entry = true;
        frame.generator = Some(gen_v.clone());
        let saved = frame.saved_exc.take();
        self.handled.push(saved);
        self.frames.push(frame);
        let result = match throw {
            // A throw into a started generator is a resumption: the `call` event first.
            Some(e) if started && self.trace_active() => {
                match crate::vm::trace::call_event(self, crate::vm::trace::Event::Call, none()) {
                    Ok(()) => self.unwind(PyErr(e), false),
                    Err(err) => self.unwind(err, true),
                }
                .and_then(|()| self.run_frames())
            }
            Some(e) => match self.unwind(PyErr(e), false) {
                Ok(()) => self.run_frames(),
                Err(e) => Err(e),
            },
            None => self.run_frames(),
        };
        let saved = self.handled.pop().flatten();
        match result {
            Ok(Exit::Yield(v)) => {
                if let Some(mut f) = self.frames.pop() {
                    if let Some(p) = f.frame_obj.as_ref().and_then(|o| o.payload::<crate::objects::frame::PyFrameObj>())
                    {
                        p.lineno.set(f.line());
                        p.lasti.set(f.lasti);
                    }
                    f.generator = None;
                    f.saved_exc = saved;
                    *g.frame.borrow_mut() = Some(f);
                }
                g.state.set(GenState::Suspended);
                Ok(Resume::Yield(v))
            }
            Ok(Exit::Return(v)) => {
                g.state.set(GenState::Finished);
                Ok(Resume::Return(v))
            }
            Ok(Exit::Stepped | Exit::Switched) => {
                g.state.set(GenState::Finished);
                Err(crate::vm::errors::system_error("a step's exit outside a step"))
            }
            Err(e) => {
                g.state.set(GenState::Finished);
                Err(pep479(e, g.flavor))
            }
        }
    }

    /// `ForIter`/`Send` on a generator, from the loop: resumes it by pushing its frame on
    /// `Vm::frames` (not an entry frame), so it runs in the same loop as its caller with
    /// no Rust recursion, as CPython 3.11's eval loop does. The loop has written the
    /// caller's `pc`. `Err(value)` hands the value back when the generator cannot be
    /// resumed that way (running, finished, a non-None send into a fresh generator, a
    /// trace function installed, the recursion limit): the caller takes `gen_resume`.
    pub(crate) fn gen_push(&mut self, gen_v: &Value, value: Value) -> Result<(), Value> {
        let Some(g) = gen_v.payload::<PyGenerator>() else { return Err(value) };
        let started = match g.state.get() {
            GenState::Suspended => true,
            GenState::Created if value.is_none() => false,
            _ => return Err(value),
        };
        if self.trace_active() || self.frames.len() >= self.recursion_limit {
            return Err(value);
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else { return Err(value) };
        g.state.set(GenState::Running);
        if started {
            frame.slots.push(value);
        }
        frame.entry = false;
        frame.generator = Some(gen_v.clone());
        let saved = frame.saved_exc.take();
        self.handled.push(saved);
        self.frames.push(frame);
        Ok(())
    }

    /// `YieldValue` in a generator frame `gen_push` resumed: the frame goes back into its
    /// generator (suspended) and `v` onto the caller's stack.
    pub(crate) fn gen_yield_inline(&mut self, v: Value) -> PyResult<()> {
        let Some(mut f) = self.frames.pop() else { return Err(runtime_error("no frame")) };
        let saved = self.handled.pop().flatten();
        if let Some(p) = f.frame_obj.as_ref().and_then(|o| o.payload::<crate::objects::frame::PyFrameObj>()) {
            p.lineno.set(f.line());
            p.lasti.set(f.lasti);
        }
        f.saved_exc = saved;
        let Some(gen_v) = f.generator.take() else { return Err(runtime_error("yield outside a generator frame")) };
        let g = gen_of(&gen_v)?;
        *g.frame.borrow_mut() = Some(f);
        g.state.set(GenState::Suspended);
        match self.frames.last_mut() {
            Some(caller) => {
                caller.slots.push(v);
                Ok(())
            }
            None => Err(runtime_error("no frame")),
        }
    }

    /// `ReturnValue` of a generator frame `gen_push` resumed (already popped): the
    /// generator is finished and the caller's resuming instruction completes: `ForIter`
    /// drops the iterator and jumps past the loop, `Send` replaces the receiver with `v`
    /// and jumps past the `yield from`.
    pub(crate) fn gen_return_inline(&mut self, mut done: Box<Frame>, v: Value) -> PyResult<()> {
        self.gen_finish_inline(&mut done);
        self.retire_frame(done);
        let Some(caller) = self.frames.last_mut() else { return Err(runtime_error("no frame")) };
        let ins = caller.code().instrs.get(caller.lasti as usize).map(|i| i.get());
        match ins {
            Some(i) if i.op == Op::ForIter => {
                caller.slots.pop();
                caller.pc = i.arg;
            }
            Some(i) if i.op == Op::Send => {
                caller.slots.pop();
                caller.slots.push(v);
                caller.pc = i.arg;
            }
            _ => return Err(crate::vm::errors::system_error("generator resumed by an unknown instruction")),
        }
        Ok(())
    }

    /// An exception leaves a generator frame `gen_push` resumed (already popped by the
    /// unwinder): the generator is finished; StopIteration becomes RuntimeError (PEP 479).
    pub(crate) fn gen_unwound_inline(&mut self, f: &mut Frame, e: Value) -> Value {
        let flavor =
            f.generator.as_ref().and_then(|g| g.payload::<PyGenerator>()).map_or(Flavor::Generator, |g| g.flavor);
        self.gen_finish_inline(f);
        pep479(PyErr(e), flavor).0
    }

    /// A generator frame `gen_push` resumed has ended (returned or raised): its generator
    /// is finished and the exception state it pushed goes.
    fn gen_finish_inline(&mut self, f: &mut Frame) {
        if let Some(g) = f.generator.take() {
            if let Some(p) = g.payload::<PyGenerator>() {
                p.state.set(GenState::Finished);
            }
        }
        drop(self.handled.pop());
    }

    /// If `gen` is suspended at the `YieldValue` of a `yield from`, forwards the thrown
    /// exception to the delegate (PEP 380). `Ok(None)`: throw into `gen` itself.
    fn throw_to_delegate(&mut self, gen_v: &Value, e: &Value) -> PyResult<Option<Resume>> {
        let g = gen_of(gen_v)?;
        let delegate = {
            let fb = g.frame.borrow();
            let Some(f) = fb.as_ref() else { return Ok(None) };
            let code = f.code();
            let at_yield = code.instrs.get(f.lasti as usize).is_some_and(|i| i.get().op == Op::YieldValue);
            let after_send =
                f.lasti > 0 && code.instrs.get(f.lasti as usize - 1).is_some_and(|i| i.get().op == Op::Send);
            if g.state.get() != GenState::Suspended || !at_yield || !after_send {
                return Ok(None);
            }
            f.slots.stack().last().cloned()
        };
        let Some(d) = delegate else { return Ok(None) };
        let is_exit = is_subtype_v(e, &exc().generator_exit);
        let r: PyResult<Resume> = if is_exit {
            // Close the delegate, then raise GeneratorExit in this generator.
            let closed = if d.kind() == Kind::Generator {
                self.gen_close(&d).map(|_| ())
            } else {
                match self.getattr_opt(&d, "close")? {
                    Some(c) => self.call(&c, Args::positional_only(&[])).map(|_| ()),
                    None => Ok(()),
                }
            };
            return match closed {
                Ok(()) => Ok(None),
                Err(err) => self.gen_resume(gen_v, none(), Some(err.0)).map(Some),
            };
        } else if d.kind() == Kind::Generator {
            g.state.set(GenState::Running);
            let r = self.gen_resume(&d, none(), Some(e.clone()));
            g.state.set(GenState::Suspended);
            r
        } else {
            match self.getattr_opt(&d, "throw")? {
                Some(t) => {
                    g.state.set(GenState::Running);
                    let r = self.call(&t, Args::positional_only(std::slice::from_ref(e)));
                    g.state.set(GenState::Suspended);
                    match r {
                        Ok(v) => Ok(Resume::Yield(v)),
                        Err(err) if err.matches(&exc().stop_iteration) => Ok(Resume::Return(stop_value(&err.0))),
                        Err(err) => Err(err),
                    }
                }
                None => return Ok(None),
            }
        };
        // The delegate finished either way: pop it and jump past the `Send` loop, where
        // this generator goes on with its return value or raises its exception (CPython's
        // _gen_throw); the frame then no longer reads as delegating.
        let leave_delegate = |push: Option<Value>| {
            let mut fb = g.frame.borrow_mut();
            if let Some(f) = fb.as_mut() {
                f.slots.pop();
                let send_at = f.lasti as usize - 1;
                let target = f.code().instrs.get(send_at).map(|i| i.get().arg).unwrap_or(f.pc);
                f.pc = target;
                if let Some(v) = push {
                    f.slots.push(v);
                }
                f.lasti = target;
            }
        };
        match r {
            Ok(Resume::Yield(v)) => Ok(Some(Resume::Yield(v))),
            Ok(Resume::Return(v)) => {
                leave_delegate(Some(v));
                // Resuming pushes the sent value; the jump target expects the return value
                // alone, so resume it as a fresh start.
                g.state.set(GenState::Created);
                self.gen_resume(gen_v, none(), None).map(Some)
            }
            Err(err) => {
                leave_delegate(None);
                self.gen_resume(gen_v, none(), Some(err.0)).map(Some)
            }
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen_v: &Value) -> PyResult {
        let g = gen_of(gen_v)?;
        match g.state.get() {
            GenState::Created => {
                g.state.set(GenState::Finished);
                *g.frame.borrow_mut() = None;
                return Ok(none());
            }
            GenState::Finished => return Ok(none()),
            _ => {}
        }
        let ge = PyErr::bare(&exc().generator_exit).0;
        match self.gen_resume(gen_v, none(), Some(ge)) {
            Ok(Resume::Yield(_)) => Err(runtime_error(format!("{} ignored GeneratorExit", g.flavor.noun()))),
            Ok(Resume::Return(_)) => Ok(none()),
            Err(e) if e.matches(&exc().generator_exit) || e.matches(&exc().stop_iteration) => Ok(none()),
            Err(e) => Err(e),
        }
    }

    /// `Send`: resumes the `yield from` receiver with `v`.
    pub(crate) fn send_to(&mut self, recv: &Value, v: Value) -> PyResult<Resume> {
        if recv.kind() == Kind::Generator {
            return self.gen_resume(recv, v, None);
        }
        let r = if v.is_none() {
            if let Some(ni) = recv.payload::<crate::objects::iter::PyNativeIter>() {
                let n = match ni.0.try_borrow_mut() {
                    Ok(mut b) => b.next(self)?,
                    Err(_) => return Err(value_error("iterator already executing")),
                };
                return Ok(match n {
                    Some(x) => Resume::Yield(x),
                    None => Resume::Return(none()),
                });
            }
            match self.lookup_special(recv, "__next__") {
                Some(f) => self.call(&f, Args::positional_only(std::slice::from_ref(recv))),
                None => {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        crate::vm::protocol::type_name(recv)
                    )));
                }
            }
        } else {
            self.call_method(recv, "send", &[v])
        };
        match r {
            Ok(x) => Ok(Resume::Yield(x)),
            Err(e) if e.matches(&exc().stop_iteration) => Ok(Resume::Return(stop_value(&e.0))),
            Err(e) => Err(e),
        }
    }
}

/// PEP 479: a StopIteration leaving a generator becomes RuntimeError (and a
/// StopAsyncIteration leaving an async generator too).
fn pep479(e: PyErr, flavor: Flavor) -> PyErr {
    let what = if e.matches(&exc().stop_iteration) {
        "StopIteration"
    } else if flavor == Flavor::AsyncGen && e.matches(&exc().stop_async_iteration) {
        "StopAsyncIteration"
    } else {
        return e;
    };
    from_cause(runtime_error(format!("{} raised {what}", flavor.noun())), e)
}

/// `new` raised from `cause` (CPython's `_PyErr_FormatFromCause`).
pub(super) fn from_cause(new: PyErr, cause: PyErr) -> PyErr {
    if let Some(p) = new.0.downcast::<PyException>() {
        *p.cause.borrow_mut() = Some(cause.0.clone());
        *p.context.borrow_mut() = Some(cause.0);
        p.suppress_context.set(true);
    }
    new
}

fn is_subtype_v(e: &Value, cls: &Value) -> bool {
    crate::vm::protocol::is_subtype(e.type_of(), cls)
}

fn self_gen<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    match args.pos().first() {
        Some(g) if g.kind() == Kind::Generator => Ok(g),
        _ => Err(type_error("descriptor requires a 'generator' object")),
    }
}

pub(super) fn gen_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.exact::<2>("send")?;
    match vm.gen_resume(&a[0], a[1].clone(), None)? {
        Resume::Yield(v) => Ok(v),
        Resume::Return(v) => Err(stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_next_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = self_gen(&args)?.clone();
    match vm.gen_resume(&g, none(), None)? {
        Resume::Yield(v) => Ok(v),
        Resume::Return(v) => Err(stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

fn gen_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(self_gen(&args)?.clone())
}

pub(super) fn gen_throw(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("throw", 2, 4)?;
    let g = a[0].clone();
    let e = throw_exception(vm, &a[1..])?;
    match vm.gen_resume(&g, none(), Some(e))? {
        Resume::Yield(v) => Ok(v),
        Resume::Return(v) => Err(stop_iteration(if v.is_none() { None } else { Some(v) })),
    }
}

/// The exception `throw(typ[, val[, tb]])` raises in the generator.
pub(super) fn throw_exception(vm: &mut Vm, a: &[Value]) -> PyResult {
    let Some(typ) = a.first().cloned() else {
        return Err(type_error("throw expected at least 1 argument, got 0"));
    };
    let val = a.get(1).cloned().filter(|v| !v.is_none());
    let e = if typ.as_type().is_some() {
        if !crate::vm::protocol::is_subtype(&typ, &types().base_exception) {
            return Err(type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                crate::vm::protocol::type_name(&typ)
            )));
        }
        match val {
            Some(v) if crate::vm::protocol::is_subtype(v.type_of(), &typ) => v,
            Some(v) => match v.as_tuple() {
                Some(t) => vm.call(&typ, Args::positional_only(t))?,
                None => vm.call(&typ, Args::positional_only(std::slice::from_ref(&v)))?,
            },
            None => vm.call(&typ, Args::positional_only(&[]))?,
        }
    } else if crate::vm::protocol::is_subtype(typ.type_of(), &types().base_exception) {
        if val.is_some() {
            return Err(type_error("instance exception may not have a separate value"));
        }
        typ
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            crate::vm::protocol::type_name(&typ)
        )));
    };
    Ok(e)
}

pub(super) fn gen_close_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = self_gen(&args)?.clone();
    vm.gen_close(&g)
}

/// `<generator object f at 0x..>` (and `<async_generator object ...>`: its type's name).
pub(super) fn gen_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = self_gen(&args)?;
    let q = gen_of(g)?.qualname.borrow().as_str().unwrap_or("?").to_owned();
    let t = crate::vm::protocol::type_name(g);
    Ok(crate::objects::str::new_str(format!("<{t} object {q} at {:#x}>", g.bits())))
}

fn gi_running(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = gen_of(self_gen(&args)?)?;
    Ok(py_bool(g.state.get() == GenState::Running))
}

fn gi_suspended(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let g = gen_of(self_gen(&args)?)?;
    Ok(py_bool(g.state.get() == GenState::Suspended))
}

pub(super) fn gi_code(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_of(self_gen(&args)?)?.code.clone())
}

pub(super) fn gi_frame(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let gv = self_gen(&args)?;
    let g = gen_of(gv)?;
    if g.state.get() == GenState::Running {
        // A running generator's frame is on the frame stack.
        let idx = vm.frames.iter().rposition(|f| f.generator.as_ref().is_some_and(|x| x.is(gv)));
        return Ok(match idx {
            Some(i) => super::frame_object_at(vm, i),
            None => none(),
        });
    }
    let mut fb = g.frame.borrow_mut();
    match fb.as_mut() {
        Some(f) => {
            let fo = super::exceptions::frame_object(f);
            // A suspended frame is on no stack: its `f_locals` reads this snapshot of
            // the fast locals, taken when asked for (as CPython's FastToLocals).
            if let Some(p) = fo.payload::<crate::objects::frame::PyFrameObj>() {
                *p.fast.borrow_mut() = Some(f.slots.locals().to_vec());
            }
            Ok(fo)
        }
        None => Ok(none()),
    }
}

pub(super) fn gi_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_of(self_gen(&args)?)?.name.borrow().clone())
}

pub(super) fn gi_qualname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(gen_of(self_gen(&args)?)?.qualname.borrow().clone())
}

fn gi_yieldfrom(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(yield_from_of(gen_of(self_gen(&args)?)?))
}

/// What a generator suspended in `yield from`/`await` delegates to (`gi_yieldfrom`,
/// `cr_await`, `ag_await`), else None.
pub(super) fn yield_from_of(g: &PyGenerator) -> Value {
    let fb = g.frame.borrow();
    let Some(f) = fb.as_ref() else { return none() };
    let code = f.code();
    let at_yield = code.instrs.get(f.lasti as usize).is_some_and(|i| i.get().op == Op::YieldValue);
    let after_send = f.lasti > 0 && code.instrs.get(f.lasti as usize - 1).is_some_and(|i| i.get().op == Op::Send);
    if g.state.get() == GenState::Suspended && at_yield && after_send {
        return f.slots.stack().last().cloned().unwrap_or_else(none);
    }
    none()
}

/// Registers the generator type's methods and attributes.
pub fn init() {
    let t = &types().generator;
    add_method(t, "send", gen_send);
    add_method(t, "throw", gen_throw);
    add_method(t, "close", gen_close_m);
    add_method(t, "__next__", gen_next_m);
    add_method(t, "__iter__", gen_iter);
    add_method(t, "__repr__", gen_repr);
    add_getter(t, "gi_running", gi_running);
    add_getter(t, "gi_suspended", gi_suspended);
    add_getter(t, "gi_code", gi_code);
    add_getter(t, "gi_frame", gi_frame);
    add_getter(t, "gi_yieldfrom", gi_yieldfrom);
    add_getter(t, "__name__", gi_name);
    add_getter(t, "__qualname__", gi_qualname);
    super::coroutines::init();
    super::asyncgen::init();
}
