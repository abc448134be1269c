//! The native `_queue` module (CPython's _queuemodule.c): `SimpleQueue`, an unbounded
//! FIFO whose `get` waits with the GIL released (as `_thread.lock` does, Ctrl-C in the
//! main thread included), and the `Empty` exception `queue.py` re-exports.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::registry::exc;
use crate::objects::sequtil::new_cls;
use crate::objects::str::new_str;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, py_bool};
use crate::values::gil::GilStatic;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, NativeFn, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_queue", init);
}

/// The `SimpleQueue` type and `_queue.Empty`, made on first import.
struct State {
    simple_queue: Value,
    empty: Value,
}
static STATE: GilStatic<RefCell<Option<std::rc::Rc<State>>>> = GilStatic::new(RefCell::new(None));

fn state() -> Option<std::rc::Rc<State>> {
    STATE.borrow().clone()
}

/// The items (touched only with the GIL held) and, for waiting without the GIL, how many
/// of them no `get` has claimed yet.
struct SimpleQueue {
    items: RefCell<VecDeque<Value>>,
    unclaimed: Mutex<usize>,
    put_one: Condvar,
}
impl NativeData for SimpleQueue {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.borrow().iter().for_each(visit);
    }
}

impl SimpleQueue {
    /// Claims one item now if there is one.
    fn try_claim(&self) -> bool {
        let mut n = self.unclaimed.lock().unwrap_or_else(|p| p.into_inner());
        if *n > 0 {
            *n -= 1;
            true
        } else {
            false
        }
    }
    /// Waits (no GIL held) for an item to claim until `deadline`: `Some(true)` claimed,
    /// `Some(false)` timed out, `None` a Ctrl-C arrived (when `interruptible`).
    fn wait_claim(&self, deadline: Option<Instant>, interruptible: bool) -> Option<bool> {
        let n = self.unclaimed.lock().unwrap_or_else(|p| p.into_inner());
        crate::objects::lock::wait_until(&self.put_one, n, deadline, interruptible, |n| {
            let some = *n > 0;
            if some {
                *n -= 1;
            }
            some
        })
    }
}

fn sq_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let st = state().ok_or_else(|| type_error("_queue not initialised"))?;
    let cls = new_cls(&args, &st.simple_queue)?;
    if cls.is(&st.simple_queue) {
        if args.pos().len() > 1 {
            return Err(type_error("SimpleQueue() takes no positional arguments"));
        }
        if args.has_kwargs() {
            return Err(type_error("SimpleQueue() takes no keyword arguments"));
        }
    }
    let q = SimpleQueue { items: RefCell::new(VecDeque::new()), unclaimed: Mutex::new(0), put_one: Condvar::new() };
    Ok(new_native(cls, q))
}

fn queue_of<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a SimpleQueue> {
    Ok(this::<SimpleQueue>(args, meth, "_queue.SimpleQueue")?.1)
}

fn push(q: &SimpleQueue, item: Value) {
    q.items.borrow_mut().push_back(item);
    *q.unclaimed.lock().unwrap_or_else(|p| p.into_inner()) += 1;
    q.put_one.notify_one();
}

/// `put(item, block=True, timeout=None)`: never blocks (the queue is unbounded).
fn sq_put(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "put")?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("put", &["item", "block", "timeout"], 1)?;
    push(q, a[0].clone().unwrap_or_else(none));
    Ok(none())
}

fn sq_put_nowait(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "put_nowait")?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("put_nowait", &["item"], 1)?;
    push(q, a[0].clone().unwrap_or_else(none));
    Ok(none())
}

fn empty_error() -> PyErr {
    match state() {
        Some(st) => PyErr::bare(&st.empty),
        None => PyErr::bare(&exc().exception),
    }
}

/// Takes the claimed item off the front.
fn take(q: &SimpleQueue) -> PyResult {
    q.items.borrow_mut().pop_front().ok_or_else(empty_error)
}

fn get(vm: &mut Vm, q: &SimpleQueue, block: bool, timeout: Option<f64>) -> PyResult {
    if q.try_claim() {
        return take(q);
    }
    if !block {
        return Err(empty_error());
    }
    let deadline = timeout.map(|t| Instant::now() + Duration::from_secs_f64(t.min(1e9)));
    let main = vm.thread.is_main;
    loop {
        match vm.allow_threads(|| q.wait_claim(deadline, main)) {
            Some(true) => return take(q),
            Some(false) => return Err(empty_error()),
            None => crate::builtins::signal::check_signals(vm)?,
        }
    }
}

/// `get(block=True, timeout=None)`.
fn sq_get(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "get")?;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("get", &["block", "timeout"], 0)?;
    let block = match &a[0] {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match a[1].as_ref().filter(|t| !t.is_none()) {
        None => None,
        Some(t) => {
            let secs = match t.as_float().or_else(|| crate::objects::int::to_i64(t).map(|i| i as f64)) {
                Some(s) => s,
                None => {
                    return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(t))));
                }
            };
            if secs.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            if secs < 0.0 {
                return Err(value_error("'timeout' must be a non-negative number"));
            }
            Some(secs)
        }
    };
    get(vm, q, block, timeout)
}

/// A method without arguments (beyond `self`), with CPython's message.
fn no_args(args: &Args<'_>, meth: &str) -> PyResult<()> {
    args.no_kwargs(&format!("SimpleQueue.{meth}"))?;
    match args.pos().len() {
        1 => Ok(()),
        n => Err(type_error(format!("SimpleQueue.{meth}() takes no arguments ({} given)", n - 1))),
    }
}

fn sq_get_nowait(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "get_nowait")?;
    no_args(&args, "get_nowait")?;
    get(vm, q, false, None)
}

fn sq_empty(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "empty")?;
    no_args(&args, "empty")?;
    Ok(py_bool(q.items.borrow().is_empty()))
}

fn sq_qsize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let q = queue_of(&args, "qsize")?;
    no_args(&args, "qsize")?;
    Ok(new_int(q.items.borrow().len() as i64))
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_queue");
    let d = module_dict(&m);
    if STATE.borrow().is_none() {
        let empty = crate::vm::startup::new_class(vm, "_queue", "Empty", vec![exc().exception.clone()])?;
        let sq = new_builtin_class("SimpleQueue", "_queue", Kind::Native, TF_BASETYPE);
        add_staticmethod(&sq, "__new__", sq_new);
        for (name, f) in [
            ("put", sq_put as NativeFn),
            ("put_nowait", sq_put_nowait),
            ("get", sq_get),
            ("get_nowait", sq_get_nowait),
            ("empty", sq_empty),
            ("qsize", sq_qsize),
        ] {
            add_method(&sq, name, f);
        }
        add_classmethod(&sq, "__class_getitem__", crate::objects::type_::generic::class_getitem);
        crate::objects::descr::add_getset(&sq, "__weakref__", crate::objects::instance::obj_weakref_get, None);
        *STATE.borrow_mut() = Some(std::rc::Rc::new(State { simple_queue: sq, empty }));
    }
    if let (Some(dd), Some(st)) = (d.payload::<PyDict>(), state()) {
        dd.set_str(new_str("__doc__"), new_str("C implementation of the Python queue module.\nThis module is an implementation detail, please do not use it directly."));
        dd.set_str(new_str("SimpleQueue"), st.simple_queue.clone());
        dd.set_str(new_str("Empty"), st.empty.clone());
    }
    Ok(m)
}
