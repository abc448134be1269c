//! Frame objects (`sys._getframe`, `tb_frame`, trace functions' first argument) and
//! traceback objects.
//!
//! A frame object stands for one interpreter `Frame` while it runs (found again on
//! `Vm::frames` by identity, so `f_lineno`/`f_locals`/`f_back` are live) and keeps the
//! frame's last state once it finished (`retire`): last line, its fast locals, and its
//! caller's frame object as `f_back`, as CPython's frame objects do.

use std::cell::{Cell, RefCell};

use crate::bytecode::code::{CO_OPTIMIZED, Code};
use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::objects::{Trace, none, py_bool, types};
use crate::values::Value;
use crate::vm::errors::{PyErr, runtime_error, type_error};
use crate::vm::frame::Frame;
use crate::vm::startup::{add_getter, add_method, add_property};
use crate::vm::{Args, PyResult, Vm};

/// The frame runs (or may: it is on some thread's stack or a suspended generator's).
pub const FS_LIVE: u8 = 0;
/// Its interpreter frame finished; the object keeps the last state.
pub const FS_DONE: u8 = 1;
/// `frame.clear()` dropped its locals.
pub const FS_CLEARED: u8 = 2;

/// A frame as Python code sees it.
pub struct PyFrameObj {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// Last known line and instruction (kept current whenever the frame is looked at).
    pub lineno: Cell<u32>,
    pub lasti: Cell<u32>,
    /// The caller's frame object once this frame finished (live frames look it up).
    pub back: RefCell<Option<Value>>,
    /// Module/class frames: their locals mapping; function frames: the `f_locals` dict
    /// snapshot (refreshed on each access, as CPython's `PyFrame_FastToLocals`).
    pub locals: RefCell<Option<Value>>,
    /// A finished function frame's fast locals (localsplus order).
    pub fast: RefCell<Option<Vec<Option<Value>>>>,
    pub trace: RefCell<Option<Value>>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    pub state: Cell<u8>,
    /// Where the frame was on `Vm::frames` last time (a hint for the live lookup).
    pub depth_hint: Cell<usize>,
}

impl Trace for PyFrameObj {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        if let Some(b) = &*self.back.borrow() {
            visit(b);
        }
        if let Some(l) = &*self.locals.borrow() {
            visit(l);
        }
        if let Some(t) = &*self.trace.borrow() {
            visit(t);
        }
        if let Some(f) = &*self.fast.borrow() {
            for v in f.iter().flatten() {
                visit(v);
            }
        }
    }
}

impl PyFrameObj {
    pub fn new(f: &Frame) -> PyFrameObj {
        PyFrameObj {
            code: f.code.clone(),
            globals: f.globals.clone(),
            builtins: f.builtins.clone(),
            lineno: Cell::new(f.line()),
            lasti: Cell::new(f.lasti),
            back: RefCell::new(None),
            locals: RefCell::new(f.locals.clone()),
            fast: RefCell::new(None),
            trace: RefCell::new(None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            state: Cell::new(FS_LIVE),
            depth_hint: Cell::new(usize::MAX),
        }
    }
    pub fn code(&self) -> Option<&Code> {
        self.code.payload::<Code>()
    }
    /// Function frames keep fast locals (`f_locals` is a snapshot dict).
    pub fn is_optimized(&self) -> bool {
        self.code().is_some_and(|c| c.flags & CO_OPTIMIZED != 0)
    }
}

// Tracebacks of deep recursions are chains of a million entries (and their frames'
// f_back chains as long): unlink uniquely owned successors in a loop, so dropping the
// head does not recurse once per entry on the Rust stack.
impl Drop for PyTraceback {
    fn drop(&mut self) {
        let mut next = self.next.get_mut().take();
        while let Some(n) = next {
            if n.refcount() != 1 {
                break;
            }
            next = n.payload::<PyTraceback>().and_then(|p| p.next.borrow_mut().take());
            drop(n);
        }
    }
}

impl Drop for PyFrameObj {
    fn drop(&mut self) {
        let mut back = self.back.get_mut().take();
        while let Some(b) = back {
            if b.refcount() != 1 {
                break;
            }
            back = b.payload::<PyFrameObj>().and_then(|p| p.back.borrow_mut().take());
            drop(b);
        }
    }
}

pub struct PyTraceback {
    pub frame: Value,
    pub lasti: u32,
    pub lineno: u32,
    pub next: RefCell<Option<Value>>,
}
impl Trace for PyTraceback {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        if let Some(n) = &*self.next.borrow() {
            visit(n);
        }
    }
}

/// The index on `vm.frames` of the live interpreter frame behind frame object `fo`.
pub fn live_index(vm: &Vm, fo: &Value) -> Option<usize> {
    let p = fo.payload::<PyFrameObj>()?;
    if p.state.get() != FS_LIVE {
        return None;
    }
    let hint = p.depth_hint.get();
    let is_it = |i: usize| vm.frames.get(i).and_then(|f| f.frame_obj.as_ref()).is_some_and(|o| o.is(fo));
    if is_it(hint) {
        return Some(hint);
    }
    let i = (0..vm.frames.len()).rev().find(|&i| is_it(i))?;
    p.depth_hint.set(i);
    Some(i)
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Value> {
    args.pos().first().filter(|v| v.payload::<PyFrameObj>().is_some()).ok_or_else(|| type_error("expected a frame"))
}
fn fo<'a>(args: &Args<'a>) -> PyResult<&'a PyFrameObj> {
    args.pos().first().and_then(|v| v.payload::<PyFrameObj>()).ok_or_else(|| type_error("expected a frame"))
}
fn tb<'a>(args: &Args<'a>) -> PyResult<&'a PyTraceback> {
    args.pos().first().and_then(|v| v.payload::<PyTraceback>()).ok_or_else(|| type_error("expected a traceback"))
}

/// Brings a live frame object's line/instruction up to date.
fn refresh(vm: &Vm, v: &Value) {
    if let (Some(i), Some(p)) = (live_index(vm, v), v.payload::<PyFrameObj>()) {
        if let Some(f) = vm.frames.get(i) {
            p.lineno.set(f.line());
            p.lasti.set(f.lasti);
        }
    }
}

fn f_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?;
    refresh(vm, v);
    // Tracers see an exception handler's first instruction without a line, as CPython's.
    if let Some(f) = live_index(vm, v).and_then(|i| vm.frames.get(i)) {
        if f.code().instrs.get(f.lasti as usize).is_some_and(|i| i.get().op == crate::bytecode::opcode::Op::PushExcInfo)
        {
            return Ok(none());
        }
    }
    Ok(new_int(fo(&args)?.lineno.get() as i64))
}
fn f_set_lineno(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?.clone();
    crate::vm::trace::set_lineno(vm, &v, args.pos().get(1))?;
    Ok(none())
}
fn f_lasti(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?;
    refresh(vm, v);
    Ok(new_int(fo(&args)?.lasti.get() as i64 * 2))
}
fn f_code(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.code.clone())
}
fn f_globals(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.globals.clone())
}
fn f_builtins(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.builtins.clone())
}
fn f_locals(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?.clone();
    crate::vm::trace::frame_locals_of(vm, &v)
}
fn f_back(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?;
    if let Some(i) = live_index(vm, v) {
        if i == 0 {
            return Ok(none());
        }
        return Ok(crate::vm::interp::frame_object_at(vm, i - 1));
    }
    Ok(fo(&args)?.back.borrow().clone().unwrap_or_else(none))
}
fn f_trace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(fo(&args)?.trace.borrow().clone().unwrap_or_else(none))
}
fn f_set_trace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = fo(&args)?;
    let v = args.pos().get(1).cloned().filter(|v| !v.is_none());
    *p.trace.borrow_mut() = v;
    Ok(none())
}
fn f_trace_lines(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(fo(&args)?.trace_lines.get()))
}
fn bool_arg(args: &Args<'_>) -> PyResult<bool> {
    match args.pos().get(1) {
        Some(v) if v.kind() == crate::values::Kind::Bool => Ok(v.is_true_singleton()),
        Some(_) => Err(type_error("attribute value type must be bool")),
        None => Err(PyErr::new(&crate::objects::registry::exc().attribute_error, "cannot delete attribute")),
    }
}
fn f_set_trace_lines(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = bool_arg(&args)?;
    fo(&args)?.trace_lines.set(b);
    Ok(none())
}
fn f_trace_opcodes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(fo(&args)?.trace_opcodes.get()))
}
fn f_set_trace_opcodes(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = bool_arg(&args)?;
    fo(&args)?.trace_opcodes.set(b);
    Ok(none())
}
fn f_clear(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?.clone();
    let p = fo(&args)?;
    if live_index(vm, &v).is_some() {
        return Err(runtime_error("cannot clear an executing frame"));
    }
    if p.state.get() == FS_LIVE {
        // A suspended generator's frame (CPython would close the generator first).
        return Ok(none());
    }
    p.state.set(FS_CLEARED);
    let fast = p.fast.borrow_mut().take();
    let locals = if p.is_optimized() { p.locals.borrow_mut().take() } else { None };
    let tr = p.trace.borrow_mut().take();
    drop((fast, locals, tr));
    Ok(none())
}
fn f_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args)?;
    refresh(vm, v);
    let f = fo(&args)?;
    let (file, name) = match f.code() {
        Some(c) => (c.filename.as_str().unwrap_or("?").to_owned(), c.name.as_str().unwrap_or("?").to_owned()),
        None => ("?".into(), "?".into()),
    };
    let file_r = vm.repr_string(&new_str(file))?;
    Ok(new_str(format!("<frame at {:#x}, file {file_r}, line {}, code {name}>", v.bits(), f.lineno.get())))
}
fn tb_frame(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(tb(&args)?.frame.clone())
}
fn tb_lineno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(tb(&args)?.lineno as i64))
}
fn tb_lasti(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(tb(&args)?.lasti as i64 * 2))
}
fn tb_next(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(tb(&args)?.next.borrow().clone().unwrap_or_else(none))
}
fn tb_set_next(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().ok_or_else(|| type_error("expected a traceback"))?;
    let t = tb(&args)?;
    let Some(v) = args.pos().get(1).cloned() else {
        return Err(type_error("can't delete tb_next attribute"));
    };
    let v = if v.is_none() { None } else { Some(v) };
    if let Some(n) = &v {
        if n.payload::<PyTraceback>().is_none() {
            return Err(type_error(format!("expected traceback object, got '{}'", crate::vm::protocol::type_name(n))));
        }
        // No loops: walk the new chain looking for self.
        let mut cur = Some(n.clone());
        while let Some(c) = cur {
            if c.is(&me) {
                return Err(crate::vm::errors::value_error("traceback loop detected"));
            }
            cur = c.payload::<PyTraceback>().and_then(|p| p.next.borrow().clone());
        }
    }
    *t.next.borrow_mut() = v;
    Ok(none())
}

fn tb_del_next(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(type_error("can't delete tb_next attribute"))
}

/// `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)`.
fn tb_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("traceback", &["tb_next", "tb_frame", "tb_lasti", "tb_lineno"], 4)?;
    let next = a[0].clone().filter(|v| !v.is_none());
    if let Some(n) = &next {
        if n.payload::<PyTraceback>().is_none() {
            return Err(type_error(format!(
                "expected traceback object or None, got '{}'",
                crate::vm::protocol::type_name(n)
            )));
        }
    }
    let frame = a[1].clone().unwrap_or_else(none);
    if frame.payload::<PyFrameObj>().is_none() {
        return Err(type_error(format!(
            "TracebackType() argument 'tb_frame' must be frame, not {}",
            crate::vm::protocol::type_name(&frame)
        )));
    }
    let int_arg = |v: &Option<Value>, name: &str| -> PyResult<i64> {
        let v = v.clone().unwrap_or_else(none);
        crate::objects::int::to_i64(&v).ok_or_else(|| {
            type_error(format!(
                "TracebackType() argument '{name}' must be int, not {}",
                crate::vm::protocol::type_name(&v)
            ))
        })
    };
    let lasti = int_arg(&a[2], "tb_lasti")?;
    let lineno = int_arg(&a[3], "tb_lineno")?;
    Ok(crate::values::layout::alloc(
        &types().traceback,
        PyTraceback { frame, lasti: (lasti / 2).max(0) as u32, lineno: lineno.max(0) as u32, next: RefCell::new(next) },
    ))
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = types();
    let f = &t.frame;
    add_property(f, "f_lineno", f_lineno, Some(f_set_lineno));
    add_getter(f, "f_lasti", f_lasti);
    add_getter(f, "f_code", f_code);
    add_getter(f, "f_globals", f_globals);
    add_getter(f, "f_locals", f_locals);
    add_getter(f, "f_back", f_back);
    add_getter(f, "f_builtins", f_builtins);
    add_property(f, "f_trace", f_trace, Some(f_set_trace));
    add_property(f, "f_trace_lines", f_trace_lines, Some(f_set_trace_lines));
    add_property(f, "f_trace_opcodes", f_trace_opcodes, Some(f_set_trace_opcodes));
    add_method(f, "clear", f_clear);
    add_method(f, "__repr__", f_repr);
    let tt = &t.traceback;
    add_getter(tt, "tb_frame", tb_frame);
    add_getter(tt, "tb_lineno", tb_lineno);
    add_getter(tt, "tb_lasti", tb_lasti);
    let mk = |name: &'static str, f: crate::vm::NativeFn| {
        crate::values::layout::alloc(
            &types().builtin_function,
            crate::objects::builtin_func::PyBuiltin {
                name,
                func: f,
                kind: crate::objects::builtin_func::BuiltinKind::Function,
                self_: None,
                owner: "traceback",
            },
        )
    };
    let p = crate::values::layout::alloc(
        &types().property,
        crate::objects::descr::PyProperty::new(
            Some(mk("tb_next", tb_next)),
            Some(mk("tb_next", tb_set_next)),
            Some(mk("tb_next", tb_del_next)),
            None,
        ),
    );
    if let Some(tp) = tt.as_type() {
        tp.dict.set_str(new_str("tb_next"), p);
        tp.modified();
    }
    crate::vm::startup::add_staticmethod(tt, "__new__", tb_new_static);
}

fn tb_new_static(vm: &mut Vm, args: Args<'_>) -> PyResult {
    // `__new__(cls, ...)`: drop the class.
    let rest = args.values.get(1..).unwrap_or(&[]);
    tb_new(vm, Args::new(rest, args.kwnames))
}
