//! Calls into Python functions: argument binding into a new frame (CPython's exact error
//! messages), closures and cells, `MakeFunction`, and `*args`/`**kwargs` unpacking.

use std::cell::RefCell;

use crate::bytecode::code::{CO_VARARGS, CO_VARKEYWORDS, Code};
use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::registry::exc;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, system_error, type_error};
use crate::vm::frame::{Frame, LocalsPlus};
use crate::vm::protocol::type_name;
use crate::vm::{PyResult, Vm};

/// `module.qualname` of a callable, as CPython's `_PyObject_FunctionStr` names it in
/// `**`/`*` errors (`__main__.f()`); builtins just `name()`.
pub fn format_func_name(vm: &mut Vm, f: &Value) -> String {
    if let Some(func) = f.payload::<PyFunction>() {
        let q = func.qualname.borrow().as_str().unwrap_or("?").to_owned();
        let m = func.module.borrow().as_str().map(str::to_owned);
        return match m {
            Some(m) if m != "builtins" => format!("{m}.{q}()"),
            _ => format!("{q}()"),
        };
    }
    if let Some(b) = f.payload::<crate::objects::builtin_func::PyBuiltin>() {
        return format!("{}()", b.name);
    }
    if let Some(m) = f.payload::<crate::objects::function::PyBoundMethod>() {
        let inner = m.func.clone();
        return format_func_name(vm, &inner);
    }
    if let Some(t) = f.as_type() {
        return format!("{}()", t.name.borrow());
    }
    format!("{} object", type_name(f))
}

fn func_parts(f: &Value) -> PyResult<(&PyFunction, Value)> {
    let func = f.payload::<PyFunction>().ok_or_else(|| system_error("not a Python function"))?;
    let code = func.code.borrow().clone();
    Ok((func, code))
}

fn qualname(func: &PyFunction) -> String {
    func.qualname.borrow().as_str().unwrap_or("?").to_owned()
}

impl Vm {
    /// Makes the frame for calling Python function `f` with `args` (positional values
    /// then keyword values named by `kwnames`), `self_arg` first if given.
    pub fn build_frame(
        &mut self,
        f: &Value,
        self_arg: Option<Value>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Box<Frame>> {
        let (func, code_v) = func_parts(f)?;
        let code = code_v.payload::<Code>().ok_or_else(|| system_error("function without code"))?;
        let mut frame =
            self.alloc_frame(code_v.clone(), func.globals.clone(), func.builtins.clone(), None, Some(f.clone()));
        let npos = args.len() - kwnames.len();
        let simple = kwnames.is_empty()
            && code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && npos + self_arg.is_some() as usize == code.argcount as usize;
        if simple {
            let mut i = 0;
            if let Some(s) = self_arg {
                frame.slots.locals_mut()[0] = Some(s);
                i = 1;
            }
            for a in &args[..npos] {
                frame.slots.locals_mut()[i] = Some(a.clone());
                i += 1;
            }
        } else {
            let mut pos: Vec<Value> = Vec::with_capacity(npos + 1);
            pos.extend(self_arg);
            pos.extend_from_slice(&args[..npos]);
            let kw: Vec<(Value, Value)> = kwnames.iter().cloned().zip(args[npos..].iter().cloned()).collect();
            self.bind_args(func, code, pos, kw, frame.slots.locals_mut())?;
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            init_cells(func, code, frame.slots.locals_mut());
        }
        Ok(frame)
    }

    /// A frame for `code_v` with unbound locals, reusing a pooled one when possible.
    pub fn alloc_frame(
        &mut self,
        code_v: Value,
        globals: Value,
        builtins: Value,
        locals: Option<Value>,
        func: Option<Value>,
    ) -> Box<Frame> {
        let Some(mut f) = self.frame_pool.pop() else {
            return Box::new(Frame::new(code_v, globals, builtins, locals, func));
        };
        let nfast = code_v.payload::<Code>().map_or(0, |c| c.nlocalsplus());
        f.slots.reset(nfast, code_v.payload::<Code>().map_or(0, |c| c.stacksize as usize));
        f.rebind(&code_v, &globals, &builtins);
        f.locals = locals;
        f.func = func;
        f
    }

    /// Bookkeeping for a frame that finished: its frame object keeps the last state; the
    /// frame itself goes back to the pool (keeping its buffers and its code, globals and
    /// builtins references, so the next call of the same function skips their counts).
    #[inline(always)]
    pub(crate) fn retire_frame(&mut self, mut f: Box<Frame>) {
        self.release_frame(&mut f);
        if self.frame_pool.len() < crate::vm::FRAME_POOL_MAX {
            self.frame_pool.push(f);
        }
    }

    /// `retire_frame`'s first half: everything the finished frame `f` holds let go of
    /// but its binding (code, globals, builtins) and its slot block.
    #[inline(always)]
    fn release_frame(&mut self, f: &mut Frame) {
        if f.frame_obj.is_some() {
            self.retire_frame_object(f);
        }
        // Pooled frames keep their locals buffer at its length, all unbound.
        for slot in f.slots.locals_mut().iter_mut() {
            release(slot.take());
        }
        release(f.func.take());
        if f.slots.depth() != 0 || f.locals.is_some() {
            f.slots.truncate(0);
            f.locals = None;
        }
        if f.generator.is_some() || f.saved_exc.is_some() || f.init_self.is_some() {
            f.generator = None;
            f.saved_exc = None;
            f.init_self = None;
        }
    }

    /// The frame object of a finished frame keeps its last line and state; f_back becomes
    /// the caller's frame object (CPython's take_ownership).
    #[cold]
    fn retire_frame_object(&mut self, f: &mut Frame) {
        let Some(fo) = f.frame_obj.take() else { return };
        if let Some(p) = fo.payload::<crate::objects::frame::PyFrameObj>() {
            p.lineno.set(f.line());
            p.lasti.set(f.lasti);
            p.state.set(crate::objects::frame::FS_DONE);
            if p.is_optimized() {
                *p.fast.borrow_mut() = Some(f.slots.take_locals());
            }
            // Only an object someone still holds needs the caller's frame object.
            if fo.refcount() > 1 {
                let back = match self.frames.len().checked_sub(1) {
                    Some(i) => Some(super::frame_object_at(self, i)),
                    None => None,
                };
                *p.back.borrow_mut() = back;
            }
        }
    }

    /// The loop's call of Python function `func_v` with `n` positional arguments (then
    /// keyword values named by `kwnames`) on top of the running frame's stack, whose
    /// callable slots start at `base`. The common shapes (positional, missing arguments
    /// from the defaults) move the arguments straight into a pooled frame's locals with
    /// no intermediate allocation. Pushes the callee's frame (`init_self`: the instance a
    /// class call evaluates to) and returns true, or returns false when the call made a
    /// generator object (pushed on the caller's stack instead).
    pub(crate) fn call_from_stack(
        &mut self,
        func_v: Value,
        self_arg: Option<Value>,
        n: usize,
        kwnames: &[Value],
        base: usize,
        init_self: Option<Value>,
    ) -> PyResult<bool> {
        let func = func_v.payload::<PyFunction>().ok_or_else(|| system_error("not a Python function"))?;
        let cb = func.code.borrow();
        let code = cb.payload::<Code>().ok_or_else(|| system_error("function without code"))?;
        let given = n + self_arg.is_some() as usize;
        let argc = code.argcount as usize;
        let ndefaults = if given < argc {
            func.defaults.borrow().as_ref().and_then(|d| d.as_tuple().map(<[Value]>::len)).unwrap_or(0)
        } else {
            0
        };
        let lean = kwnames.is_empty()
            && code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && given <= argc
            && given + ndefaults >= argc;
        if !lean {
            drop(cb);
            let caller = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
            let start = caller.slots.depth().checked_sub(n).ok_or_else(|| system_error("stack underflow"))?;
            let args: Vec<Value> = caller.slots.drain_from(start);
            caller.slots.truncate(base);
            let frame = self.build_frame(&func_v, self_arg, &args, kwnames)?;
            return self.push_frame(frame, init_self);
        }
        let mut frame = match self.frame_pool.pop() {
            Some(mut f) => {
                f.rebind(&cb, &func.globals, &func.builtins);
                f
            }
            None => Box::new(Frame::new(cb.clone(), func.globals.clone(), func.builtins.clone(), None, None)),
        };
        frame.slots.reset(code.nlocalsplus(), code.stacksize as usize);
        let fast = frame.slots.locals_mut();
        // The arguments move from the caller's stack into the (unbound) argument slots.
        let caller = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
        let off = self_arg.is_some() as usize;
        if let (Some(s), Some(slot)) = (self_arg, fast.first_mut()) {
            release(slot.replace(s));
        }
        if let Some(args) = fast.get_mut(off..off + n) {
            for slot in args.iter_mut().rev() {
                *slot = caller.slots.pop();
            }
        }
        // The callable slots (popped one by one: `truncate` drops through an out-of-line loop).
        while caller.slots.depth() > base {
            drop(caller.slots.pop());
        }
        if given < argc {
            if let Some(d) = func.defaults.borrow().as_ref().and_then(|d| d.as_tuple()) {
                let m = argc - d.len();
                for (slot, v) in fast.iter_mut().skip(given).zip(d.iter().skip(given - m)) {
                    *slot = Some(v.clone());
                }
            }
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            init_cells(func, code, frame.slots.locals_mut());
        }
        drop(cb);
        release(frame.func.replace(func_v));
        self.push_frame(frame, init_self)
    }

    /// The common call, done with the fewest steps: `Call` (or `CallMethod`, `method`)
    /// of `n` positional arguments on top of the running frame's stack, when the callable
    /// is a Python function taking exactly those arguments (no defaults used, no `*`/`**`,
    /// no keyword-only arguments, not a generator) and a pooled frame is free.
    /// The arguments and the function move from the caller's stack into the frame, which
    /// is pushed: true. False, having changed nothing, for any other call (then
    /// `call_from_stack`, which also raises `RecursionError`).
    #[inline(always)]
    pub(crate) fn push_call_simple(&mut self, n: usize, method: bool) -> bool {
        if self.frame_pool.is_empty() || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let null = self.null.bits();
        let Some(caller) = self.frames.last_mut() else { return false };
        let extra = 1 + method as usize;
        let Some(base) = caller.slots.depth().checked_sub(n + extra) else { return false };
        let stack = caller.slots.stack();
        let Some(func) = stack.get(base).and_then(|f| f.payload::<PyFunction>()) else { return false };
        let has_self = method && stack.get(base + 1).is_some_and(|s| s.bits() != null);
        let cb = func.code.borrow();
        let Some(code) = cb.payload::<Code>() else { return false };
        if code.argcount as usize != n + has_self as usize
            || code.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0
            || code.is_generator()
            || code.kwonlyargcount != 0
        {
            return false;
        }
        let cells = !code.cellvars.is_empty() || !code.freevars.is_empty();
        let Some(mut frame) = self.frame_pool.pop() else { return false };
        frame.rebind(&cb, &func.globals, &func.builtins);
        frame.slots.reset(code.nlocalsplus(), code.stacksize as usize);
        drop(cb);
        move_call_operands(caller, &mut frame, n, method, has_self);
        if cells {
            let fr = &mut *frame;
            let func = fr.func.as_ref().and_then(|f| f.payload::<PyFunction>());
            if let (Some(func), Some(code)) = (func, fr.code.payload::<Code>()) {
                init_cells(func, code, fr.slots.locals_mut());
            }
        }
        self.frames.push(frame);
        if self.config.jit_stats {
            count_call();
        }
        true
    }

    /// Compiled code's call, at the running frame's `pc`, of `n` positional arguments on
    /// its stack (below them the callable, and for `CallMethod` the self slot), when the
    /// callable is a Python function whose code a compiled caller may call directly
    /// (`CodeJit::direct`) with exactly these arguments: the callee's frame pushed (the
    /// arguments moved into it, the caller to resume after the call) and its compiled
    /// code returned. `None`, having changed nothing, otherwise (the caller makes the call
    /// the general way). No tracing, native stack to spare: the caller checked.
    #[inline]
    pub(crate) fn push_call_compiled(&mut self, n: usize, method: bool) -> Option<&'static crate::jit::Compiled> {
        if self.frames.len() >= self.recursion_limit {
            return None;
        }
        let null = self.null.bits();
        let caller = self.frames.last_mut()?;
        let base = caller.slots.depth().checked_sub(n + 1 + method as usize)?;
        let stack = caller.slots.stack();
        let func = stack.get(base)?.payload::<PyFunction>()?;
        let has_self = method && stack.get(base + 1).is_some_and(|s| s.bits() != null);
        let cb = func.code.borrow();
        let code = cb.payload::<Code>()?;
        let compiled = code.jit.direct()?;
        if code.argcount as usize != n + has_self as usize {
            return None;
        }
        let frees = !code.freevars.is_empty();
        let mut frame = self.frame_pool.pop()?;
        frame.rebind(&cb, &func.globals, &func.builtins);
        frame.slots.reset(code.nlocalsplus(), code.stacksize as usize);
        drop(cb);
        move_call_operands(caller, &mut frame, n, method, has_self);
        if frees {
            let fr = &mut *frame;
            let func = fr.func.as_ref().and_then(|f| f.payload::<PyFunction>());
            if let (Some(func), Some(code)) = (func, fr.code.payload::<Code>()) {
                init_cells(func, code, fr.slots.locals_mut());
            }
        }
        // As the loop's call: the caller resumes after it; tracebacks name the call.
        caller.lasti = caller.pc;
        caller.pc += 1;
        frame.jit_running = true;
        self.frames.push(frame);
        if self.config.jit_stats {
            count_call();
        }
        Some(compiled)
    }

    /// The return of a frame `push_call_compiled` pushed, whose compiled code reached its
    /// `ReturnValue`: the frame popped and retired, and its return value.
    #[inline]
    pub(crate) fn pop_call_compiled(&mut self) -> Option<Value> {
        let mut done = self.frames.pop()?;
        done.jit_running = false;
        let v = done.slots.pop();
        self.retire_compiled(done);
        v
    }

    /// `retire_frame` for a frame compiled code ran: kept as a spare of its code if it can
    /// be (compiled callers take those first), else pooled.
    fn retire_compiled(&mut self, mut done: Box<Frame>) {
        self.release_frame(&mut done);
        if let Some(f) = crate::jit::keep_spare(done) {
            if self.frame_pool.len() < crate::vm::FRAME_POOL_MAX {
                self.frame_pool.push(f);
            }
        }
    }

    /// `return_to_caller` for a frame compiled code ran (`jit::call_done`).
    pub(crate) fn return_compiled(&mut self, v: Value) -> PyResult<()> {
        let plain = self.frames.last().is_some_and(|f| f.generator.is_none() && f.init_self.is_none());
        if !plain || self.frames.len() < 2 {
            return self.return_to_caller(v);
        }
        if let Some(done) = self.frames.pop() {
            self.retire_compiled(done);
        }
        match self.frames.last_mut() {
            Some(caller) => {
                caller.slots.push(v);
                Ok(())
            }
            None => Err(system_error("no frame")),
        }
    }

    /// Pushes a bound frame for the loop to run (or, for generator code, pushes its
    /// generator object on the caller's stack and returns false).
    #[inline(always)]
    pub(crate) fn push_frame(&mut self, mut frame: Box<Frame>, init_self: Option<Value>) -> PyResult<bool> {
        if frame.code().is_generator() {
            let g = super::generators::new_generator(self, frame);
            let caller = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
            caller.slots.push(g);
            return Ok(false);
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(PyErr::new(&exc().recursion_error, "maximum recursion depth exceeded"));
        }
        if init_self.is_some() {
            frame.init_self = init_self;
        }
        self.frames.push(frame);
        if self.config.jit_stats {
            count_call();
        }
        Ok(true)
    }

    /// `ReturnValue` of a frame the loop called (not an entry frame): pops and retires it
    /// and pushes the result on the caller's stack (the new instance for an `__init__`
    /// frame of a class call).
    #[inline]
    pub(crate) fn return_to_caller(&mut self, v: Value) -> PyResult<()> {
        let Some(mut done) = self.frames.pop() else { return Err(system_error("no frame")) };
        if done.generator.is_some() {
            return self.gen_return_inline(done, v);
        }
        let v = match done.init_self.take() {
            None => v,
            Some(obj) if v.is_none() => obj,
            Some(_) => {
                self.retire_frame(done);
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    crate::vm::protocol::type_name(&v)
                )));
            }
        };
        self.retire_frame(done);
        match self.frames.last_mut() {
            Some(caller) => {
                caller.slots.push(v);
                Ok(())
            }
            None => Err(system_error("no frame")),
        }
    }

    /// CPython's `initialize_locals`: positional, `*args`, keywords, `**kwargs`, defaults.
    fn bind_args(
        &mut self,
        func: &PyFunction,
        code: &Code,
        pos: Vec<Value>,
        kw: Vec<(Value, Value)>,
        fast: &mut [Option<Value>],
    ) -> PyResult<()> {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let total = argcount + kwonly;
        let has_varargs = code.flags & CO_VARARGS != 0;
        let has_varkw = code.flags & CO_VARKEYWORDS != 0;
        let given = pos.len();
        let set = |fast: &mut [Option<Value>], i: usize, v: Value| -> PyResult<()> {
            match fast.get_mut(i) {
                Some(s) => {
                    *s = Some(v);
                    Ok(())
                }
                None => Err(system_error("argument slot out of range")),
            }
        };
        let kwdict = if has_varkw {
            let d = layout::alloc(&types().dict, PyDict::new());
            set(fast, total + has_varargs as usize, d.clone())?;
            Some(d)
        } else {
            None
        };
        let mut pos_iter = pos.into_iter();
        for i in 0..given.min(argcount) {
            if let Some(v) = pos_iter.next() {
                set(fast, i, v)?;
            }
        }
        if has_varargs {
            set(fast, total, new_tuple(pos_iter.collect()))?;
        }
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (name, value) in kw {
            let Some(ns) = name.as_str() else { return Err(type_error("keywords must be strings")) };
            let idx = code.varnames[posonly.min(total)..total].iter().position(|v| v.as_str() == Some(ns));
            match idx {
                Some(j) => {
                    let j = j + posonly;
                    if fast.get(j).is_some_and(Option::is_some) {
                        return Err(type_error(format!(
                            "{}() got multiple values for argument '{ns}'",
                            qualname(func)
                        )));
                    }
                    set(fast, j, value)?;
                }
                None => match &kwdict {
                    Some(d) => {
                        if let Some(dd) = d.payload::<PyDict>() {
                            dd.set(self, name.clone(), value)?;
                        }
                    }
                    None => {
                        if code.varnames[..posonly.min(code.varnames.len())].iter().any(|v| v.as_str() == Some(ns)) {
                            posonly_as_kw.push(ns.to_owned());
                            continue;
                        }
                        return Err(type_error(format!(
                            "{}() got an unexpected keyword argument '{ns}'",
                            qualname(func)
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(func),
                posonly_as_kw.join(", ")
            )));
        }
        let defaults: Vec<Value> =
            func.defaults.borrow().as_ref().and_then(|d| d.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
        if given > argcount && !has_varargs {
            let kwonly_given = (argcount..total).filter(|&i| fast.get(i).is_some_and(Option::is_some)).count();
            return Err(too_many_positional(func, argcount, defaults.len(), given, kwonly_given));
        }
        if given < argcount {
            let m = argcount.saturating_sub(defaults.len());
            let missing: Vec<String> = (given..m)
                .filter(|&i| fast.get(i).is_some_and(Option::is_none))
                .map(|i| code.varnames[i].as_str().unwrap_or("?").to_owned())
                .collect();
            if !missing.is_empty() {
                return Err(missing_args(func, "positional", &missing));
            }
            for i in m.max(given)..argcount {
                if fast.get(i).is_some_and(Option::is_none) {
                    if let Some(d) = defaults.get(i - m) {
                        set(fast, i, d.clone())?;
                    }
                }
            }
        }
        if kwonly > 0 {
            let kwdefaults = func.kwdefaults.borrow().clone();
            let mut missing = Vec::new();
            for i in argcount..total {
                if fast.get(i).is_some_and(Option::is_some) {
                    continue;
                }
                let name = code.varnames[i].as_str().unwrap_or("?");
                let d = kwdefaults.as_ref().and_then(|d| d.payload::<PyDict>()).and_then(|d| d.get_str(name));
                match d {
                    Some(v) => set(fast, i, v)?,
                    None => missing.push(name.to_owned()),
                }
            }
            if !missing.is_empty() {
                return Err(missing_args(func, "keyword-only", &missing));
            }
        }
        Ok(())
    }

    /// `MakeFunction`: [defaults?, kwdefaults?, annotations?, closure?, code, qualname].
    pub(crate) fn make_function(&mut self, flags: u32) -> PyResult {
        let f = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
        let qual = f.slots.pop().ok_or_else(|| system_error("stack underflow"))?;
        let code_v = f.slots.pop().ok_or_else(|| system_error("stack underflow"))?;
        let mut take = |bit: u32| if flags & bit != 0 { f.slots.pop() } else { None };
        let closure = take(8);
        let annotations = take(4);
        let kwdefaults = take(2);
        let defaults = take(1);
        let globals = f.globals.clone();
        let builtins = f.builtins.clone();
        let code = code_v.payload::<Code>().ok_or_else(|| system_error("MakeFunction without code"))?;
        let doc = match code.consts.first() {
            Some(c) if c.kind() == Kind::Str => c.clone(),
            _ => none(),
        };
        let module = globals.payload::<PyDict>().and_then(|d| d.get_str("__name__")).unwrap_or_else(none);
        let name = code.name.clone();
        Ok(layout::alloc(
            &types().function,
            PyFunction {
                code: RefCell::new(code_v.clone()),
                globals,
                builtins,
                name: RefCell::new(name),
                qualname: RefCell::new(if qual.kind() == Kind::Str { qual } else { code.qualname.clone() }),
                defaults: RefCell::new(defaults.filter(|d| !d.is_none())),
                kwdefaults: RefCell::new(kwdefaults.filter(|d| !d.is_none())),
                closure,
                doc: RefCell::new(doc),
                module: RefCell::new(module),
                annotations: RefCell::new(annotations),
                dict: RefCell::new(None),
            },
        ))
    }

    /// `f(*x)` with `x` not a tuple: its items, or CPython's error.
    pub(crate) fn star_args(&mut self, callable: &Value, x: &Value) -> PyResult<Vec<Value>> {
        match self.iter_items(x) {
            Ok(v) => Ok(v),
            Err(e) if e.matches(&crate::objects::registry::exc().type_error) && !self.is_iterable(x) => {
                let fname = format_func_name(self, callable);
                Err(type_error(format!("{fname} argument after * must be an iterable, not {}", type_name(x))))
            }
            Err(e) => Err(e),
        }
    }

    /// `f(**m)`: appends the mapping's values to `argv` and their names to `kwn`.
    pub(crate) fn star_kwargs(
        &mut self,
        callable: &Value,
        m: &Value,
        argv: &mut Vec<Value>,
        kwn: &mut Vec<Value>,
    ) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match m.payload::<PyDict>() {
            Some(d) => d.items(),
            None => {
                if self.getattr_opt(m, "keys")?.is_none() {
                    let fname = format_func_name(self, callable);
                    return Err(type_error(format!(
                        "{fname} argument after ** must be a mapping, not {}",
                        type_name(m)
                    )));
                }
                let keys = self.call_method(m, "keys", &[])?;
                let keys = self.to_vec(&keys)?;
                let mut out = Vec::with_capacity(keys.len());
                for k in keys {
                    let v = self.getitem(m, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in items {
            if k.kind() != Kind::Str && k.as_str().is_none() {
                return Err(type_error("keywords must be strings"));
            }
            if kwn.iter().any(|n| n.as_str() == k.as_str()) {
                let fname = format_func_name(self, callable);
                return Err(type_error(format!(
                    "{fname} got multiple values for keyword argument '{}'",
                    k.as_str().unwrap_or("")
                )));
            }
            kwn.push(k);
            argv.push(v);
        }
        Ok(())
    }
}

fn too_many_positional(
    func: &PyFunction,
    argcount: usize,
    ndefaults: usize,
    given: usize,
    kwonly_given: usize,
) -> PyErr {
    let mut plural = argcount != 1;
    let sig = if ndefaults > 0 {
        plural = true;
        format!("from {} to {argcount}", argcount - ndefaults.min(argcount))
    } else {
        argcount.to_string()
    };
    let kwonly_sig = if kwonly_given > 0 {
        format!(
            " positional argument{} (and {kwonly_given} keyword-only argument{})",
            if given != 1 { "s" } else { "" },
            if kwonly_given != 1 { "s" } else { "" }
        )
    } else {
        String::new()
    };
    type_error(format!(
        "{}() takes {sig} positional argument{} but {given}{kwonly_sig} {} given",
        qualname(func),
        if plural { "s" } else { "" },
        if given == 1 && kwonly_given == 0 { "was" } else { "were" }
    ))
}

fn missing_args(func: &PyFunction, kind: &str, names: &[String]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    type_error(format!(
        "{}() missing {} required {kind} argument{}: {list}",
        qualname(func),
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Creates the cells of `code.cellvars` (seeded from their argument via `cell2arg`) and
/// copies the closure's cells into the free-variable slots.
fn init_cells(func: &PyFunction, code: &Code, fast: &mut [Option<Value>]) {
    let nv = code.varnames.len();
    for (i, _) in code.cellvars.iter().enumerate() {
        let init = code.cell2arg.get(i).copied().flatten().and_then(|a| fast.get(a as usize).cloned().flatten());
        let c = layout::alloc(&types().cell, PyCell(RefCell::new(init)));
        if let Some(slot) = fast.get_mut(nv + i) {
            *slot = Some(c);
        }
    }
    if let Some(cl) = func.closure.as_ref().and_then(|c| c.as_tuple()) {
        let base = nv + code.cellvars.len();
        for (i, c) in cl.iter().enumerate() {
            if let Some(slot) = fast.get_mut(base + i) {
                *slot = Some(c.clone());
            }
        }
    }
}

/// Moves a native call's arguments (`self_arg` first, then the top `n` values) off
/// `stack` into `argv`, dropping the callable slots down to `base`.
#[inline]
pub(crate) fn args_from_stack(
    argv: &mut Vec<Value>,
    self_arg: Option<Value>,
    stack: &mut LocalsPlus,
    n: usize,
    base: usize,
) {
    debug_assert!(argv.is_empty());
    argv.extend(self_arg);
    let start = stack.depth().saturating_sub(n);
    argv.extend(stack.drain_from(start));
    stack.truncate(base);
}

/// `--jit-stats`: one more Python call run.
#[cold]
/// Moves a call's operands from the caller's stack into the callee's frame: the `n`
/// arguments into its first locals (after `self` when `has_self`), the self slot of a
/// `CallMethod` (`method`), and the callable, which the frame keeps (`Frame::func`).
#[inline(always)]
fn move_call_operands(caller: &mut Frame, frame: &mut Frame, n: usize, method: bool, has_self: bool) {
    let fast = frame.slots.locals_mut();
    for slot in fast[has_self as usize..n + has_self as usize].iter_mut().rev() {
        *slot = caller.slots.pop();
    }
    if method {
        let s = caller.slots.pop();
        if has_self {
            fast[0] = s;
        }
    }
    release(std::mem::replace(&mut frame.func, caller.slots.pop()));
}

fn count_call() {
    super::STATS.with(|s| {
        let (i, c) = s.get();
        s.set((i, c + 1));
    });
}

/// Drops an optional value with the decrement inline (the compiler's drop glue for
/// `Option<Value>` is an out-of-line call, paid even for None).
#[inline(always)]
fn release(v: Option<Value>) {
    match v {
        Some(v) => drop(v),
        None => {}
    }
}
