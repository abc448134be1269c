//! The `_lsprof` module under CPython's `cProfile`: `Profiler` installs a Rust profile
//! function (`vm::trace::set_native_profile`, as `_lsprof.c` uses `PyEval_SetProfile`)
//! that keeps, per function (a code object, or a builtin keyed by its native function
//! and name), call counts, recursive calls, total and inline time, and the same per
//! caller ("subcalls"); `getstats()` returns them as `profiler_entry` struct sequences
//! with builtins labelled as `_lsprof.c`'s `normalizeUserObj` does.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::objects::builtin_func::PyBuiltin;
use crate::objects::dict::PyDict;
use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_int};
use crate::objects::list::new_list;
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::startup::structseq::{self, TypeSlot, cached};
use crate::vm::startup::{add_method, add_staticmethod, module_dict, new_module};
use crate::vm::trace::Event;
use crate::vm::{Args, PyResult, Vm};

/// What an entry is for: a code object (by identity; the entry keeps it alive) or a
/// builtin (by native function and name, CPython's `PyMethodDef`, so every bound
/// `list.append` is one entry).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Code(usize),
    Builtin(usize, usize),
}

/// Times and counts of one function, or of one function called from one caller.
#[derive(Default)]
struct Counts {
    /// Total time (the outermost activations only) and inline time (minus callees).
    tt: i64,
    it: i64,
    callcount: i64,
    reccallcount: i64,
    /// Activations now on the stack.
    recursion: i64,
}

struct Entry {
    /// The code object, or the builtin's label string (what `getstats` reports).
    user_obj: Value,
    counts: Counts,
    /// Per callee entry index, in first-call order.
    calls: Vec<(usize, Counts)>,
}

impl Entry {
    fn sub(&mut self, callee: usize) -> &mut Counts {
        let i = match self.calls.iter().position(|(c, _)| *c == callee) {
            Some(i) => i,
            None => {
                self.calls.push((callee, Counts::default()));
                self.calls.len() - 1
            }
        };
        &mut self.calls[i].1
    }
}

/// One activation: its entry, start time and time spent in its callees so far.
struct Context {
    entry: usize,
    t0: i64,
    subt: i64,
}

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    index: HashMap<Key, usize>,
    stack: Vec<Context>,
    subcalls: bool,
    builtins: bool,
    enabled: bool,
    timer: Option<Value>,
    timeunit: f64,
}

struct Profiler(RefCell<State>);

impl NativeData for Profiler {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        let s = self.0.borrow();
        for e in &s.entries {
            visit(&e.user_obj);
        }
        if let Some(t) = &s.timer {
            visit(t);
        }
    }
}

static PROFILER: GilCell<Value> = GilCell::new();
static ENTRY_TYPE: TypeSlot = TypeSlot::new(RefCell::new(None));
static SUBENTRY_TYPE: TypeSlot = TypeSlot::new(RefCell::new(None));

const ENTRY_FIELDS: &[&str] = &["code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"];
const SUBENTRY_FIELDS: &[&str] = &["code", "callcount", "reccallcount", "totaltime", "inlinetime"];

fn entry_type(vm: &mut Vm) -> PyResult {
    cached(&ENTRY_TYPE, |vm| structseq::new_type(vm, "_lsprof", "profiler_entry", ENTRY_FIELDS))(vm)
}

fn subentry_type(vm: &mut Vm) -> PyResult {
    cached(&SUBENTRY_TYPE, |vm| structseq::new_type(vm, "_lsprof", "profiler_subentry", SUBENTRY_FIELDS))(vm)
}

fn profiler_class() -> &'static Value {
    PROFILER.init(|| {
        let cls = new_builtin_class("Profiler", "_lsprof", Kind::Native, TF_BASETYPE);
        add_staticmethod(&cls, "__new__", p_new);
        for (name, f) in [
            ("__init__", p_init as crate::vm::NativeFn),
            ("enable", p_enable),
            ("disable", p_disable),
            ("clear", p_clear),
            ("getstats", p_getstats),
        ] {
            add_method(&cls, name, f);
        }
        cls
    })
}

/// Nanoseconds on the monotonic clock (CPython's perf counter).
fn now_ns() -> i64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_nanos() as i64
}

/// The time now: the default clock, or the user's timer (an int in `timeunit`s when
/// that is set, else float seconds, kept as nanoseconds). A failing timer counts as 0
/// and its error is reported as unraisable, as `CallExternalTimer` does.
fn call_timer(vm: &mut Vm, p: &Profiler) -> i64 {
    let (timer, unit) = {
        let s = p.0.borrow();
        (s.timer.clone(), s.timeunit)
    };
    let Some(timer) = timer else { return now_ns() };
    let r = vm.call_pos(&timer, &[]);
    let v = match r {
        Ok(v) => v,
        Err(e) => {
            let what = vm.repr_string(&timer).unwrap_or_default();
            vm.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
            return 0;
        }
    };
    if unit > 0.0 {
        return int_val(&v).and_then(|i| i.as_i64()).or_else(|| v.as_float().map(|f| f as i64)).unwrap_or(0);
    }
    let secs = match (v.as_float(), int_val(&v)) {
        (Some(f), _) => f,
        (None, Some(i)) => i.to_f64().unwrap_or(0.0),
        _ => 0.0,
    };
    (secs * 1e9).floor() as i64
}

/// `normalizeUserObj`: a builtin's label, `<built-in method mod.name>` for module
/// functions, the repr of the method descriptor its class holds for methods
/// (`<method 'append' of 'list' objects>`), else `<built-in method name>`.
fn builtin_label(vm: &mut Vm, b: &PyBuiltin) -> String {
    let module_fn = match &b.self_ {
        None => true,
        Some(s) => s.kind() == Kind::Module,
    };
    if module_fn {
        return format!("<built-in method {}.{}>", b.owner, b.name);
    }
    let Some(s) = &b.self_ else { return format!("<built-in method {}>", b.name) };
    let mro = s.type_of().as_type().map(|t| t.mro.borrow().clone()).unwrap_or_default();
    for cls in &mro {
        let Some(t) = cls.as_type() else { continue };
        let Some(d) = t.dict.get_str(b.name) else { continue };
        // A method descriptor's repr names its class by `tp_name`, module-qualified
        // outside builtins (`<method 'disable' of '_lsprof.Profiler' objects>`).
        if d.payload::<PyBuiltin>().is_some_and(|m| m.self_.is_none()) && !t.is_heap() {
            let module = t.module_name();
            let name = t.name.borrow().clone();
            let tp_name = if module == "builtins" { name } else { format!("{module}.{name}") };
            return format!("<method '{}' of '{tp_name}' objects>", b.name);
        }
        if let Ok(r) = vm.repr_string(&d) {
            return r;
        }
        break;
    }
    format!("<built-in method {}>", b.name)
}

/// The entry for `key`, made on first sight with `user_obj`.
fn entry_index(s: &mut State, key: Key, user_obj: impl FnOnce() -> Value) -> usize {
    if let Some(&i) = s.index.get(&key) {
        return i;
    }
    s.entries.push(Entry { user_obj: user_obj(), counts: Counts::default(), calls: Vec::new() });
    s.index.insert(key, s.entries.len() - 1);
    s.entries.len() - 1
}

/// `ptrace_enter_call` + `initContext`.
fn enter(vm: &mut Vm, p: &Profiler, key: Key, user_obj: impl FnOnce() -> Value) {
    let entry = {
        let mut s = p.0.borrow_mut();
        let entry = entry_index(&mut s, key, user_obj);
        s.entries[entry].counts.recursion += 1;
        let caller = s.stack.last().map(|c| c.entry);
        if let (true, Some(caller)) = (s.subcalls, caller) {
            s.entries[caller].sub(entry).recursion += 1;
        }
        entry
    };
    let t0 = call_timer(vm, p);
    p.0.borrow_mut().stack.push(Context { entry, t0, subt: 0 });
}

/// `ptrace_leave_call`: ends the current activation, charged to `key`'s entry (an
/// unknown key just drops it).
fn leave(vm: &mut Vm, p: &Profiler, key: Key) {
    if p.0.borrow().stack.is_empty() {
        return;
    }
    let now = call_timer(vm, p);
    let mut s = p.0.borrow_mut();
    match s.index.get(&key).copied() {
        Some(entry) => stop(&mut s, entry, now),
        None => {
            s.stack.pop();
        }
    }
}

/// `Stop`: pops the current context and adds its times to `entry` and to the caller's
/// subentry for it.
fn stop(s: &mut State, entry: usize, now: i64) {
    let Some(ctx) = s.stack.pop() else { return };
    let tt = now - ctx.t0;
    let it = tt - ctx.subt;
    if let Some(prev) = s.stack.last_mut() {
        prev.subt += tt;
    }
    let add = |c: &mut Counts| {
        c.recursion -= 1;
        if c.recursion == 0 {
            c.tt += tt;
        } else {
            c.reccallcount += 1;
        }
        c.it += it;
        c.callcount += 1;
    };
    add(&mut s.entries[entry].counts);
    let caller = s.stack.last().map(|c| c.entry);
    if let (true, Some(caller)) = (s.subcalls, caller) {
        if let Some(i) = s.entries[caller].calls.iter().position(|(c, _)| *c == entry) {
            add(&mut s.entries[caller].calls[i].1);
        }
    }
}

/// `flush_unmatched`: stops every activation still open (at `disable`).
fn flush_unmatched(vm: &mut Vm, p: &Profiler) {
    while !p.0.borrow().stack.is_empty() {
        let now = call_timer(vm, p);
        let mut s = p.0.borrow_mut();
        let Some(entry) = s.stack.last().map(|c| c.entry) else { break };
        stop(&mut s, entry, now);
    }
}

fn builtin_key(b: &PyBuiltin) -> Key {
    Key::Builtin(b.func as usize, b.name.as_ptr() as usize)
}

/// The profile function (`profiler_callback`).
fn callback(vm: &mut Vm, obj: &Value, ev: Event, arg: &Value) {
    let Some(p) = native_ref::<Profiler>(obj) else { return };
    match ev {
        Event::Call => enter(vm, p, Key::Code(arg.bits()), || arg.clone()),
        Event::Return => leave(vm, p, Key::Code(arg.bits())),
        Event::CCall if p.0.borrow().builtins => {
            let Some(b) = arg.payload::<PyBuiltin>() else { return };
            let key = builtin_key(b);
            let label = if p.0.borrow().index.contains_key(&key) { None } else { Some(builtin_label(vm, b)) };
            enter(vm, p, key, || new_str(label.unwrap_or_default()));
        }
        Event::CReturn | Event::CException if p.0.borrow().builtins => {
            if let Some(b) = arg.payload::<PyBuiltin>() {
                leave(vm, p, builtin_key(b));
            }
        }
        _ => {}
    }
}

fn me<'a>(args: &Args<'a>, meth: &str) -> PyResult<(&'a Value, &'a Profiler)> {
    this::<Profiler>(args, meth, "_lsprof.Profiler")
}

fn p_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let base = profiler_class();
    if !crate::vm::protocol::is_subtype(&cls, base) {
        return Err(type_error("Profiler.__new__(X): X is not a subtype of _lsprof.Profiler"));
    }
    let state = State { subcalls: true, builtins: true, ..State::default() };
    let v = new_native(base, Profiler(RefCell::new(state)));
    Ok(if cls.is(base) { v } else { crate::objects::sequtil::subclass_instance(&cls, v) })
}

/// `PyArg_ParseTupleAndKeywords`'s count message for `fname` taking at most `max`.
fn at_most(args: &Args<'_>, fname: &str, max: usize) -> PyResult<()> {
    let n = args.pos().len() + args.kwnames.len();
    if n > max {
        return Err(type_error(format!("{fname}() takes at most {max} arguments ({n} given)")));
    }
    Ok(())
}

/// An optional int flag (`-1`/absent: leave as it is).
fn flag(vm: &mut Vm, v: Option<&Value>, current: bool) -> PyResult<bool> {
    let Some(v) = v else { return Ok(current) };
    let n = crate::builtins::posix::int_arg(vm, v)?;
    Ok(if n < 0 { current } else { n > 0 })
}

/// `Profiler(timer=None, timeunit=0.0, subcalls=True, builtins=True)`.
fn p_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = me(&args, "__init__")?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    at_most(&rest, "Profiler", 4)?;
    let b = rest.bind("Profiler", &["timer", "timeunit", "subcalls", "builtins"], 0)?;
    let timeunit = match &b[1] {
        Some(v) => crate::builtins::math::to_f64(vm, v)?,
        None => 0.0,
    };
    let subcalls = flag(vm, b[2].as_ref(), true)?;
    let builtins = flag(vm, b[3].as_ref(), true)?;
    let mut s = p.0.borrow_mut();
    s.subcalls = subcalls;
    s.builtins = builtins;
    s.timeunit = timeunit;
    s.timer = b[0].clone().filter(|t| !t.is_none());
    Ok(none())
}

/// `enable(subcalls=-1, builtins=-1)`: installs the profile function on this thread.
fn p_enable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (obj, p) = me(&args, "enable")?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    at_most(&rest, "enable", 2)?;
    let b = rest.bind("enable", &["subcalls", "builtins"], 0)?;
    let (sub, blt) = {
        let s = p.0.borrow();
        (s.subcalls, s.builtins)
    };
    let subcalls = flag(vm, b[0].as_ref(), sub)?;
    let builtins = flag(vm, b[1].as_ref(), blt)?;
    vm.audit("sys.setprofile", vec![])?;
    {
        let mut s = p.0.borrow_mut();
        s.subcalls = subcalls;
        s.builtins = builtins;
        s.enabled = true;
    }
    crate::vm::trace::set_native_profile(vm, Some(obj.clone()), Some(callback));
    Ok(none())
}

/// `disable()`: removes the profile function and closes the open activations.
fn p_disable(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = me(&args, "disable")?;
    args.range("disable", 1, 1)?;
    if p.0.borrow().enabled {
        vm.audit("sys.setprofile", vec![])?;
        crate::vm::trace::set_native_profile(vm, None, None);
        p.0.borrow_mut().enabled = false;
    }
    flush_unmatched(vm, p);
    Ok(none())
}

fn p_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = me(&args, "clear")?;
    let old = {
        let mut s = p.0.borrow_mut();
        s.index.clear();
        s.stack.clear();
        std::mem::take(&mut s.entries)
    };
    drop(old);
    Ok(none())
}

/// `getstats()`: a `profiler_entry` per function called at least once, times in
/// seconds (or in `timeunit`s of an int-returning timer).
fn p_getstats(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = me(&args, "getstats")?;
    args.range("getstats", 1, 1)?;
    let factor = {
        let s = p.0.borrow();
        if s.timer.is_some() && s.timeunit > 0.0 { s.timeunit } else { 1e-9 }
    };
    let entry_cls = entry_type(vm)?;
    let sub_cls = subentry_type(vm)?;
    type Row = (Value, i64, i64, i64, i64);
    let rows: Vec<(Row, Option<Vec<Row>>)> = {
        let s = p.0.borrow();
        let row = |obj: &Value, c: &Counts| (obj.clone(), c.callcount, c.reccallcount, c.tt, c.it);
        s.entries
            .iter()
            .filter(|e| e.counts.callcount > 0)
            .map(|e| {
                let calls = (!e.calls.is_empty()).then(|| {
                    e.calls
                        .iter()
                        .filter(|(_, c)| c.callcount > 0)
                        .map(|(i, c)| row(&s.entries[*i].user_obj, c))
                        .collect()
                });
                (row(&e.user_obj, &e.counts), calls)
            })
            .collect()
    };
    let values =
        |r: Row| vec![r.0, new_int(r.1), new_int(r.2), new_float(r.3 as f64 * factor), new_float(r.4 as f64 * factor)];
    let mut out = Vec::with_capacity(rows.len());
    for (r, calls) in rows {
        let calls = match calls {
            Some(cs) => {
                let mut l = Vec::with_capacity(cs.len());
                for c in cs {
                    l.push(vm.call_pos(&sub_cls, &[new_tuple(values(c))])?);
                }
                new_list(l)
            }
            None => none(),
        };
        let mut v = values(r);
        v.push(calls);
        out.push(vm.call_pos(&entry_cls, &[new_tuple(v)])?);
    }
    Ok(new_list(out))
}

pub fn register() {
    crate::vm::interp::register_native("_lsprof", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_lsprof");
    let d = module_dict(&m);
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("Profiler"), profiler_class().clone());
    dd.set_str(new_str("profiler_entry"), entry_type(vm)?);
    dd.set_str(new_str("profiler_subentry"), subentry_type(vm)?);
    Ok(m)
}
