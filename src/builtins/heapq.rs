//! The `_heapq` module under CPython's `heapq.py`: the heap primitives on a list, with
//! _heapqmodule.c's sift order (so a user `__lt__` sees the same calls) and its
//! "list changed size during iteration" check after each comparison.

use crate::bytecode::opcode::CmpOp;
use crate::objects::list::PyList;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_heapq", init_heapq);
}

/// The heap list, or argument clinic's TypeError (`heapify() argument must be list, not
/// None`; `heappush() argument 1 must be ...` where there are more parameters).
fn heap_of<'a>(v: &'a Value, fname: &str, single: bool) -> PyResult<&'a PyList> {
    v.downcast::<PyList>().ok_or_else(|| {
        let which = if single { "argument" } else { "argument 1" };
        let got = if v.is_none() { "None".to_owned() } else { crate::vm::protocol::type_name(v).to_string() };
        type_error(format!("{fname}() {which} must be list, not {got}"))
    })
}

/// `a < b` (or `b < a` for the max-heap variants).
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    let r = if max { vm.compare(b, a, CmpOp::Lt)? } else { vm.compare(a, b, CmpOp::Lt)? };
    vm.truthy(&r)
}

fn changed() -> PyErr {
    PyErr::new(&exc().runtime_error, "list changed size during iteration")
}

fn item(l: &PyList, i: usize) -> PyResult<Value> {
    l.0.borrow().get(i).cloned().ok_or_else(changed)
}

fn swap(l: &PyList, i: usize, j: usize) -> PyResult<()> {
    let mut v = l.0.borrow_mut();
    if i >= v.len() || j >= v.len() {
        return Err(changed());
    }
    v.swap(i, j);
    Ok(())
}

fn siftdown(vm: &mut Vm, l: &PyList, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = l.0.borrow().len();
    if pos >= size {
        return Err(PyErr::new(&exc().index_error, "index out of range"));
    }
    let newitem = item(l, pos)?;
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = item(l, parentpos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        if size != l.0.borrow().len() {
            return Err(changed());
        }
        if !lt {
            break;
        }
        swap(l, parentpos, pos)?;
        pos = parentpos;
    }
    Ok(())
}

fn siftup(vm: &mut Vm, l: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let end = l.0.borrow().len();
    let start = pos;
    if pos >= end {
        return Err(PyErr::new(&exc().index_error, "index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (item(l, child)?, item(l, child + 1)?);
            let lt = less(vm, &a, &b, max)?;
            if !lt {
                child += 1;
            }
            if end != l.0.borrow().len() {
                return Err(changed());
            }
        }
        swap(l, child, pos)?;
        pos = child;
    }
    siftdown(vm, l, start, pos, max)
}

fn heappush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h, x] = args.exact::<2>("heappush")?;
    let l = heap_of(h, "heappush", false)?;
    let n = {
        let mut v = l.0.borrow_mut();
        v.push(x.clone());
        v.len()
    };
    siftdown(vm, l, 0, n - 1, false)?;
    Ok(none())
}

fn pop_common(vm: &mut Vm, h: &Value, max: bool) -> PyResult {
    let l = heap_of(h, if max { "_heappop_max" } else { "heappop" }, true)?;
    let last = l.0.borrow_mut().pop().ok_or_else(|| PyErr::new(&exc().index_error, "index out of range"))?;
    if l.0.borrow().is_empty() {
        return Ok(last);
    }
    let ret = std::mem::replace(&mut l.0.borrow_mut()[0], last);
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heappop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h] = args.exact::<1>("heappop")?;
    pop_common(vm, h, false)
}

fn heappop_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h] = args.exact::<1>("_heappop_max")?;
    pop_common(vm, h, true)
}

fn replace_common(vm: &mut Vm, h: &Value, x: &Value, max: bool) -> PyResult {
    let l = heap_of(h, if max { "_heapreplace_max" } else { "heapreplace" }, false)?;
    let ret = {
        let mut v = l.0.borrow_mut();
        if v.is_empty() {
            return Err(PyErr::new(&exc().index_error, "index out of range"));
        }
        std::mem::replace(&mut v[0], x.clone())
    };
    siftup(vm, l, 0, max)?;
    Ok(ret)
}

fn heapreplace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h, x] = args.exact::<2>("heapreplace")?;
    replace_common(vm, h, x, false)
}

fn heapreplace_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h, x] = args.exact::<2>("_heapreplace_max")?;
    replace_common(vm, h, x, true)
}

fn heappushpop(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h, x] = args.exact::<2>("heappushpop")?;
    let l = heap_of(h, "heappushpop", false)?;
    let Some(top) = l.0.borrow().first().cloned() else { return Ok(x.clone()) };
    if !less(vm, &top, x, false)? {
        return Ok(x.clone());
    }
    let ret = {
        let mut v = l.0.borrow_mut();
        if v.is_empty() {
            return Err(PyErr::new(&exc().index_error, "index out of range"));
        }
        std::mem::replace(&mut v[0], x.clone())
    };
    siftup(vm, l, 0, false)?;
    Ok(ret)
}

fn heapify_common(vm: &mut Vm, h: &Value, max: bool) -> PyResult {
    let l = heap_of(h, if max { "_heapify_max" } else { "heapify" }, true)?;
    let n = l.0.borrow().len();
    for i in (0..n / 2).rev() {
        siftup(vm, l, i, max)?;
    }
    Ok(none())
}

fn heapify(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h] = args.exact::<1>("heapify")?;
    heapify_common(vm, h, false)
}

fn heapify_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [h] = args.exact::<1>("_heapify_max")?;
    heapify_common(vm, h, true)
}

/// `import _heapq`.
pub fn init_heapq(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_heapq");
    let d = module_dict(&m);
    for (name, f) in [
        ("heappush", heappush as crate::vm::NativeFn),
        ("heappop", heappop),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heapify", heapify),
        ("_heappop_max", heappop_max),
        ("_heapreplace_max", heapreplace_max),
        ("_heapify_max", heapify_max),
    ] {
        add_function(&d, "_heapq", name, f);
    }
    Ok(m)
}
