//! Raising and unwinding: `raise` forms, `__context__`/`__cause__` chaining, traceback
//! entries for each frame an exception passes through, and the zero-cost handler lookup
//! in `Code::exc_table`.

use std::cell::RefCell;

use crate::objects::exception::PyException;
use crate::objects::frame::{PyFrameObj, PyTraceback};
use crate::objects::int::new_int;
use crate::objects::registry::exc;
use crate::objects::types;
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, runtime_error, type_error};
use crate::vm::frame::Frame;
use crate::vm::protocol::is_subtype;
use crate::vm::{Args, PyResult, Vm};

/// Sets `exc.__context__ = ctx` unless that would make a cycle (CPython breaks the cycle
/// by cutting the chain where `exc` reappears).
pub fn set_context(exc_v: &Value, ctx: Option<Value>) {
    let Some(ctx) = ctx else { return };
    if ctx.is(exc_v) {
        return;
    }
    // Walk ctx's context chain: if exc is in it, unlink it there.
    let mut o = ctx.clone();
    loop {
        let next = match o.downcast::<PyException>() {
            Some(p) => p.context.borrow().clone(),
            None => None,
        };
        match next {
            Some(n) if n.is(exc_v) => {
                if let Some(p) = o.downcast::<PyException>() {
                    *p.context.borrow_mut() = None;
                }
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    if let Some(p) = exc_v.downcast::<PyException>() {
        *p.context.borrow_mut() = Some(ctx);
    }
}

/// The frame object standing for `f` (made on first use).
pub fn frame_object(f: &mut Frame) -> Value {
    if let Some(fo) = &f.frame_obj {
        if let Some(p) = fo.payload::<PyFrameObj>() {
            p.lineno.set(f.line());
            p.lasti.set(f.lasti);
        }
        return fo.clone();
    }
    let fo = layout::alloc(&types().frame, PyFrameObj::new(f));
    f.frame_obj = Some(fo.clone());
    fo
}

impl Vm {
    /// Handles an error raised in the top frame: records a traceback entry (unless it is
    /// a re-raise), then either jumps to the innermost handler (`Ok`) or pops frames until
    /// one has a handler. An error leaving the entry frame pops it and is returned.
    pub(crate) fn unwind(&mut self, err: PyErr, new_error: bool) -> PyResult<()> {
        let reraise = std::mem::take(&mut self.reraising);
        let e = err.0;
        if new_error && !reraise {
            let ctx = self.current_handled();
            if e.downcast::<PyException>().is_some_and(|p| p.context.borrow().is_none()) {
                set_context(&e, ctx);
            }
        }
        let mut add_tb = !reraise;
        let mut e = e;
        let tracing = self.trace_active();
        loop {
            let Some(f) = self.frames.last_mut() else { return Err(PyErr(e)) };
            if add_tb {
                add_traceback(&e, f);
                if tracing {
                    e = crate::vm::trace::exception_event(self, e);
                }
            }
            add_tb = true;
            let Some(f) = self.frames.last_mut() else { return Err(PyErr(e)) };
            let lasti = f.lasti;
            let handler = f.code().handler_for(lasti).copied();
            if let Some(h) = handler {
                let f = match self.frames.last_mut() {
                    Some(f) => f,
                    None => return Err(PyErr(e)),
                };
                f.slots.truncate(h.depth as usize);
                if h.push_lasti {
                    f.slots.push(new_int(lasti as i64));
                }
                f.slots.push(e);
                f.pc = h.target;
                return Ok(());
            }
            if tracing {
                e = crate::vm::trace::unwind_return_event(self, e);
            }
            let Some(mut f) = self.frames.pop() else { return Err(PyErr(e)) };
            let entry = f.entry;
            if !entry && f.generator.is_some() {
                // A generator frame resumed in the loop (`gen_push`) finishes here.
                e = self.gen_unwound_inline(&mut f, e);
            }
            self.retire_frame(f);
            if entry {
                return Err(PyErr(e));
            }
        }
    }

    /// `Raise` with `arg` 0 (re-raise), 1 ([exc]) or 2 ([exc, cause]): the error to raise.
    pub(crate) fn do_raise(&mut self, arg: u32) -> PyResult<PyErr> {
        let f = match self.frames.last_mut() {
            Some(f) => f,
            None => return Err(crate::vm::errors::system_error("no frame")),
        };
        match arg {
            0 => match self.current_handled() {
                Some(e) => {
                    self.reraising = true;
                    Ok(PyErr(e))
                }
                None => Ok(runtime_error("No active exception to reraise")),
            },
            1 => {
                let v = f.slots.pop().ok_or_else(|| crate::vm::errors::system_error("stack underflow"))?;
                Ok(PyErr(self.make_exception(v, "exceptions must derive from BaseException")?))
            }
            _ => {
                let cause = f.slots.pop().ok_or_else(|| crate::vm::errors::system_error("stack underflow"))?;
                let v = f.slots.pop().ok_or_else(|| crate::vm::errors::system_error("stack underflow"))?;
                let e = self.make_exception(v, "exceptions must derive from BaseException")?;
                let cause = if cause.is_none() {
                    None
                } else {
                    Some(self.make_exception(cause, "exception causes must derive from BaseException")?)
                };
                if let Some(p) = e.downcast::<PyException>() {
                    *p.cause.borrow_mut() = cause;
                    p.suppress_context.set(true);
                }
                Ok(PyErr(e))
            }
        }
    }

    /// An exception instance from `raise X` operand: classes are instantiated.
    pub fn make_exception(&mut self, v: Value, msg: &str) -> PyResult<Value> {
        let base = &types().base_exception;
        if v.as_type().is_some() {
            if !is_subtype(&v, base) {
                return Err(type_error(msg));
            }
            let inst = self.call(&v, Args::positional_only(&[]))?;
            if !is_subtype(inst.type_of(), base) {
                return Err(type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::vm::protocol::type_name(&v),
                    crate::vm::protocol::type_name(&inst)
                )));
            }
            return Ok(inst);
        }
        if is_subtype(v.type_of(), base) {
            return Ok(v);
        }
        Err(type_error(msg))
    }

    /// `CheckExcMatch`: does exception `e` match `ty` (a class or tuple of classes)?
    pub(crate) fn exc_matches(&mut self, e: &Value, ty: &Value) -> PyResult<bool> {
        let classes: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        for c in &classes {
            if c.as_type().is_none() || !is_subtype(c, &types().base_exception) {
                return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
        }
        Ok(classes.iter().any(|c| is_subtype(e.type_of(), c)))
    }

    /// `CheckEgMatch` (`except*`): (rest, match) for exception `e` and class(es) `ty`;
    /// (e, None) when nothing matches.
    pub(crate) fn check_eg_match(&mut self, e: Value, ty: &Value) -> PyResult<(Value, Value)> {
        let classes: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        for c in &classes {
            if c.as_type().is_none() || !is_subtype(c, &types().base_exception) {
                return Err(type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            let beg =
                self.builtins.payload::<crate::objects::dict::PyDict>().and_then(|d| d.get_str("BaseExceptionGroup"));
            if beg.is_some_and(|b| is_subtype(c, &b)) {
                return Err(type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
            }
        }
        let none = crate::objects::none();
        let is_group =
            match self.builtins.payload::<crate::objects::dict::PyDict>().and_then(|d| d.get_str("BaseExceptionGroup"))
            {
                Some(b) => is_subtype(e.type_of(), &b),
                None => false,
            };
        if !is_group {
            if classes.iter().any(|c| is_subtype(e.type_of(), c)) {
                let eg_cls =
                    self.builtins.payload::<crate::objects::dict::PyDict>().and_then(|d| d.get_str("ExceptionGroup"));
                let Some(eg_cls) = eg_cls else { return Ok((none.clone(), e)) };
                let lst = crate::objects::tuple::new_tuple(vec![e.clone()]);
                let g = self.call(&eg_cls, Args::positional_only(&[crate::objects::str::new_str(""), lst]))?;
                if let (Some(gp), Some(ep)) = (g.downcast::<PyException>(), e.downcast::<PyException>()) {
                    *gp.traceback.borrow_mut() = ep.traceback.borrow().clone();
                }
                return Ok((none, g));
            }
            return Ok((e, none));
        }
        let pair = self.call_method(&e, "split", std::slice::from_ref(ty))?;
        let items = self.to_vec(&pair)?;
        match (items.first(), items.get(1)) {
            (Some(m), Some(r)) if !m.is_none() => Ok((r.clone(), m.clone())),
            _ => Ok((e, none)),
        }
    }

    /// `PrepReraiseStar`: what an `except*` statement re-raises at its end, from the
    /// original exception and the list of exceptions raised or left by its handlers.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, list: &Value) -> PyResult {
        let items: Vec<Value> = self.to_vec(list)?.into_iter().filter(|v| !v.is_none()).collect();
        if items.is_empty() {
            return Ok(crate::objects::none());
        }
        let same_meta = |a: &Value, b: &Value| match (a.downcast::<PyException>(), b.downcast::<PyException>()) {
            (Some(x), Some(y)) => {
                let eq = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
                    (Some(p), Some(q)) => p.is(q),
                    (None, None) => true,
                    _ => false,
                };
                eq(&x.traceback.borrow(), &y.traceback.borrow())
                    && eq(&x.cause.borrow(), &y.cause.borrow())
                    && eq(&x.context.borrow(), &y.context.borrow())
            }
            _ => false,
        };
        let (reraised, raised): (Vec<Value>, Vec<Value>) =
            items.into_iter().partition(|e| e.is(orig) || same_meta(e, orig));
        let reraised_one = reraised.into_iter().next();
        if raised.is_empty() {
            return Ok(reraised_one.unwrap_or_else(crate::objects::none));
        }
        let mut all = raised;
        all.extend(reraised_one);
        if all.len() == 1 {
            return Ok(all.remove(0));
        }
        let eg_cls = self.builtins.payload::<crate::objects::dict::PyDict>().and_then(|d| d.get_str("ExceptionGroup"));
        match eg_cls {
            Some(c) => {
                let lst = crate::objects::list::new_list(all);
                self.call(&c, Args::positional_only(&[crate::objects::str::new_str(""), lst]))
            }
            None => Ok(all.remove(0)),
        }
    }

    /// Prints an error that cannot propagate (in `__del__`, at shutdown) as CPython's
    /// "Exception ignored in: ..." block.
    pub fn report_unraisable(&mut self, header: &str, e: &Value) {
        crate::vm::startup::flush_std_streams(self);
        eprintln!("{header}");
        self.print_exception(e);
    }
}

/// Prepends a traceback entry for frame `f` to `e.__traceback__`.
pub fn add_traceback(e: &Value, f: &mut Frame) {
    let Some(p) = e.downcast::<PyException>() else { return };
    let fo = frame_object(f);
    let next = p.traceback.borrow_mut().take();
    let tb = layout::alloc(
        &types().traceback,
        PyTraceback { frame: fo, lasti: f.lasti, lineno: f.line(), next: RefCell::new(next) },
    );
    *p.traceback.borrow_mut() = Some(tb);
}

#[allow(dead_code)]
fn _k(_: Kind) -> Value {
    exc().exception.clone()
}
