//! Calls into Python functions: argument binding into a new frame (CPython's exact error
//! messages), closures and cells, `MakeFunction`, and `*args`/`**kwargs` unpacking.

use std::cell::RefCell;

use crate::bytecode::code::{CO_VARARGS, CO_VARKEYWORDS, Code};
use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::function::PyFunction;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, system_error, type_error};
use crate::vm::frame::Frame;
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
                frame.fast[0] = Some(s);
                i = 1;
            }
            for a in &args[..npos] {
                frame.fast[i] = Some(a.clone());
                i += 1;
            }
        } else {
            let mut pos: Vec<Value> = Vec::with_capacity(npos + 1);
            pos.extend(self_arg);
            pos.extend_from_slice(&args[..npos]);
            let kw: Vec<(Value, Value)> = kwnames.iter().cloned().zip(args[npos..].iter().cloned()).collect();
            self.bind_args(func, code, pos, kw, &mut frame.fast)?;
        }
        if !code.cellvars.is_empty() || !code.freevars.is_empty() {
            self.init_cells(func, code, &mut frame.fast);
        }
        Ok(frame)
    }

    /// Like `build_frame`, taking the `n` arguments from the top of the running frame's
    /// stack and truncating that stack to `base` (dropping the callable slots).
    pub(crate) fn frame_from_stack(
        &mut self,
        f: &Value,
        self_arg: Option<Value>,
        n: usize,
        kwnames: &[Value],
        base: usize,
    ) -> PyResult<Box<Frame>> {
        let func = f.payload::<PyFunction>().ok_or_else(|| system_error("not a Python function"))?;
        let code_v = func.code.borrow().clone();
        let code = code_v.payload::<Code>().ok_or_else(|| system_error("function without code"))?;
        let simple = kwnames.is_empty()
            && code.flags & (CO_VARARGS | CO_VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && n + self_arg.is_some() as usize == code.argcount as usize;
        if !simple {
            let caller = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
            let start = caller.stack.len() - n;
            let args: Vec<Value> = caller.stack.drain(start..).collect();
            caller.stack.truncate(base);
            return self.build_frame(f, self_arg, &args, kwnames);
        }
        let has_cells = !code.cellvars.is_empty() || !code.freevars.is_empty();
        let mut frame = self.alloc_frame(code_v, func.globals.clone(), func.builtins.clone(), None, Some(f.clone()));
        let caller = self.frames.last_mut().ok_or_else(|| system_error("no frame"))?;
        // Move the arguments straight from the caller's stack into the fast slots.
        let off = self_arg.is_some() as usize;
        if let Some(s) = self_arg {
            if let Some(slot) = frame.fast.get_mut(0) {
                *slot = Some(s);
            }
        }
        for i in (off..off + n).rev() {
            let a = caller.stack.pop();
            if let Some(slot) = frame.fast.get_mut(i) {
                *slot = a;
            }
        }
        caller.stack.truncate(base);
        if has_cells {
            let Frame { code, fast, .. } = &mut *frame;
            if let Some(code) = code.payload::<Code>() {
                self.init_cells(func, code, fast);
            }
        }
        Ok(frame)
    }

    /// Creates the cells of `code.cellvars` (seeded from their argument via `cell2arg`)
    /// and copies the closure's cells into the free-variable slots.
    fn init_cells(&mut self, func: &PyFunction, code: &Code, fast: &mut [Option<Value>]) {
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
        let qual = f.stack.pop().ok_or_else(|| system_error("stack underflow"))?;
        let code_v = f.stack.pop().ok_or_else(|| system_error("stack underflow"))?;
        let mut take = |bit: u32| if flags & bit != 0 { f.stack.pop() } else { None };
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

#[allow(dead_code)]
fn _unused() -> Value {
    new_str("")
}
