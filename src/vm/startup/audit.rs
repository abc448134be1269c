//! Audit hooks (PEP 578): `sys.addaudithook`, `sys.audit` and `Vm::audit`, which costs one
//! relaxed atomic load when no hook is installed.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::objects::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::values::gil::GilCell;
use crate::vm::errors::type_error;
use crate::vm::{Args, PyResult, Vm};

/// Set once the first hook is added (hooks cannot be removed).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOKS: GilCell<RefCell<Vec<Value>>> = GilCell::new();

/// Whether any audit hook is installed (check this before building event arguments).
#[inline(always)]
pub fn active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

impl Vm {
    /// Raises audit event `event` with `args`: each hook is called with `(event, args)` in
    /// the order added; an exception from a hook aborts the operation (it is returned).
    pub fn audit(&mut self, event: &str, args: Vec<Value>) -> PyResult<()> {
        if !active() {
            return Ok(());
        }
        let hooks: Vec<Value> = match HOOKS.try_get() {
            Some(h) => h.borrow().clone(),
            None => return Ok(()),
        };
        let ev = new_str(event);
        let tup = new_tuple(args);
        for h in hooks {
            self.call(&h, Args::positional_only(&[ev.clone(), tup.clone()]))?;
        }
        Ok(())
    }
}

/// `sys.audit(event, *args)`.
pub fn sys_audit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("audit")?;
    let pos = args.pos();
    let Some(ev) = pos.first() else {
        return Err(type_error("audit() missing 1 required positional argument: 'event'"));
    };
    let Some(ev) = ev.as_str().map(str::to_owned) else {
        return Err(type_error(format!(
            "expected str for argument 'event', not {}",
            crate::vm::protocol::type_name(ev)
        )));
    };
    vm.audit(&ev, pos[1..].to_vec())?;
    Ok(none())
}

/// `sys.addaudithook(hook)`: raises `sys.addaudithook` first; a hook that raises
/// RuntimeError there vetoes the addition silently, as CPython.
pub fn sys_addaudithook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("addaudithook", &["hook"], 1)?;
    let hook = a[0].clone().unwrap_or_else(none);
    if let Err(e) = vm.audit("sys.addaudithook", vec![]) {
        if e.matches(&crate::objects::registry::exc().exception) {
            return Ok(none());
        }
        return Err(e);
    }
    HOOKS.init(|| RefCell::new(Vec::new())).borrow_mut().push(hook);
    ACTIVE.store(true, Ordering::Relaxed);
    Ok(none())
}
