//! The runtime helpers compiled code calls (`extern "C"`, never unwinding: a panic
//! inside one is caught here, since compiled frames have no unwind information).

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::Ordering;

use crate::bytecode::feedback::{AttrCache, FeedbackWord};
use crate::bytecode::opcode::{BinOp, CmpOp};
use crate::objects::iter::PyNativeIter;
use crate::values::Value;
use crate::values::layout::{self, EVAL_BREAKER};
use crate::vm::Vm;
use crate::vm::errors::{PyErr, system_error};
use crate::vm::frame::Frame;
use crate::vm::interp::{self, Exit};

/// The word compiled code returns: the instruction to resume at in the low 32 bits, and
/// flags above it. `EXIT_RAISE`: an instruction raised (the error waits in `take_error`),
/// `lasti` is that instruction. `EXIT_SWITCHED`: a call pushed a frame. `EXIT_LEFT`: a
/// step left the frame for the interpreter (its stack is in the frame). `EXIT_RETURN`:
/// the code reached its `ReturnValue` (the value on its stack; a compiled caller that
/// called it directly does the return, `jit_call_done`). Otherwise bits 32..60 hold the
/// id + 1 of the guard that failed (0: a planned exit).
pub const EXIT_RAISE: u64 = 1 << 63;
pub const EXIT_SWITCHED: u64 = 1 << 62;
pub const EXIT_LEFT: u64 = 1 << 61;
pub const EXIT_RETURN: u64 = 1 << 60;
pub const EXIT_GUARD_MASK: u64 = (MAX_GUARDS as u64) << 32;
/// Guard ids must fit under the flags.
pub const MAX_GUARDS: usize = (1 << 28) - 1;

thread_local! {
    /// The exception of the last `EXIT_RAISE`, between the helper and the loop.
    static ERROR: RefCell<Option<PyErr>> = const { RefCell::new(None) };
}

/// The exception an `EXIT_RAISE` exit left.
pub fn take_error() -> PyErr {
    ERROR.with(|e| e.borrow_mut().take()).unwrap_or_else(|| system_error("JIT: an exit raised without an exception"))
}

pub(crate) fn set_error(e: PyErr) {
    ERROR.with(|slot| *slot.borrow_mut() = Some(e));
}

/// Runs the instruction at the top frame's `pc` in the interpreter (compiled code has
/// stored its stack, `top` and `pc` in the frame): 0 when compiled code goes on at the
/// next instruction (the frame's stack holding the result), else the exit word to return.
pub extern "C" fn jit_step(vm: *mut Vm) -> u64 {
    // SAFETY: compiled code passes the `Vm` the loop lent it for this run; nothing else
    // uses it while the helper runs.
    let vm = unsafe { &mut *vm };
    let Some(f) = vm.frames.last() else {
        set_error(system_error("JIT: step without a frame"));
        return EXIT_RAISE;
    };
    let pc = f.pc;
    let frame: *const Frame = &**f;
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| vm.step()));
    match r {
        Ok(Ok(Exit::Stepped)) => {
            // SAFETY: the frame stepped is still on `Vm::frames` (it neither returned nor
            // raised), so its box is live.
            let next = unsafe { (*frame).pc };
            let tracing = EVAL_BREAKER.load(Ordering::Relaxed) & layout::BREAK_TRACE != 0;
            if next == pc + 1 && !tracing { 0 } else { EXIT_LEFT | next as u64 }
        }
        // A call pushed a frame: run it right here when it is compiled.
        Ok(Ok(Exit::Switched)) => super::call_pushed(vm),
        Ok(Ok(_)) => {
            set_error(system_error("JIT: a stepped instruction left its frame"));
            EXIT_RAISE | pc as u64
        }
        Ok(Err(e)) => {
            set_error(e);
            EXIT_RAISE | pc as u64
        }
        Err(_) => {
            // Never unwind into compiled code.
            set_error(system_error("JIT: internal error (panic) in an instruction"));
            EXIT_RAISE | pc as u64
        }
    }
}

/// `Call` (`method` 0) or `CallMethod` (1) of `n` positional arguments at the top
/// frame's `pc`, which compiled code makes directly (the caller has stored its
/// stack, `top` and `pc`): the callee's frame pushed, its compiled function returned, and
/// its frame and `Compiled` written to `out`; the caller calls the function (entry 0) and
/// passes what it returns to `jit_call_done`. 0 when the call was made another way
/// (as the interpreter makes it), with its exit word in `out[0]`.
pub extern "C" fn jit_call_enter(vm: *mut Vm, n: u64, method: u64, out: *mut [u64; 2]) -> u64 {
    // SAFETY: as in `jit_step`; `out` is the caller's two-word stack slot.
    let (vmr, out) = unsafe { (&mut *vm, &mut *out) };
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| super::call_enter(vmr, n as usize, method != 0, out)));
    match r {
        Ok(Some(func)) => func,
        Ok(None) => 0,
        Err(_) => {
            set_error(system_error("JIT: internal error (panic) in a call"));
            out[0] = EXIT_RAISE | vmr.frames.last().map_or(0, |f| f.lasti as u64);
            0
        }
    }
}

/// The second half: the callee's code returned `out`; its return done as the loop does
/// (0: the caller goes on, the value on its stack), or the caller's exit word.
pub extern "C" fn jit_call_done(vm: *mut Vm, out: u64, frame: u64, compiled: u64) -> u64 {
    // SAFETY: as in `jit_step`; `frame` and `compiled` are what `jit_call_enter` gave
    // (the callee's frame is still on `vm.frames`; a `Compiled` is never freed).
    let (vmr, compiled) = unsafe { (&mut *vm, &*(compiled as *const super::lower::Compiled)) };
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| super::call_done(vmr, out, frame as *mut Frame, compiled)));
    r.unwrap_or_else(|_| {
        set_error(system_error("JIT: internal error (panic) in a call"));
        EXIT_RAISE | vmr.frames.last().map_or(0, |f| f.lasti as u64)
    })
}

/// The fast path of a call compiled code makes (stack, `top` and `pc` stored): when the
/// callee's compiled code can be called directly (`jit::push_compiled`), its frame
/// pushed, with the code's function and `Compiled` in `out`; the caller calls the
/// function (entry 0) and, when it returns `EXIT_RETURN`, `jit_pop`, else `jit_call_done`.
/// 0 (nothing done) otherwise: the caller goes the general way (`jit_call_enter`).
pub extern "C" fn jit_push(vm: *mut Vm, n: u64, method: u64, out: *mut [u64; 2]) -> u64 {
    // SAFETY: as in `jit_step`; `out` is the caller's two-word stack slot.
    let (vm, out) = unsafe { (&mut *vm, &mut *out) };
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| super::push_compiled(vm, n as usize, method != 0, out)));
    match r {
        Ok(Some(frame)) => frame as u64,
        // A panic before the push changed nothing that matters; the general way reports.
        _ => 0,
    }
}

/// The return of a callee `jit_push` pushed: its frame popped and retired, its value (a
/// counted reference), or 0 with the error set.
pub extern "C" fn jit_pop(vm: *mut Vm) -> u64 {
    // SAFETY: as in `jit_step`.
    let vm = unsafe { &mut *vm };
    match std::panic::catch_unwind(AssertUnwindSafe(|| vm.pop_call_compiled())) {
        Ok(Some(v)) => v.into_raw() as u64,
        _ => {
            set_error(system_error("JIT: return without a value"));
            0
        }
    }
}

/// A frame an inline return retired (off `Vm::frames`, locals unbound) when its code
/// keeps as many spare frames as it may: pooled if under the bound, else freed.
pub extern "C" fn jit_pool_put(vm: *mut Vm, frame: *mut Frame) {
    // SAFETY: as in `jit_step`; `frame` came out of a `Box<Frame>` (a spare frame of its
    // code, once pooled) which compiled code, now that it is off `Vm::frames`, owns alone.
    let (vm, frame) = unsafe { (&mut *vm, Box::from_raw(frame)) };
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        if vm.frame_pool.len() < crate::vm::FRAME_POOL_MAX {
            vm.frame_pool.push(frame);
        }
    }));
    drop(r);
}

/// Drops the last counted reference of a heap object: compiled code calls this only
/// when the count is 1, after checking the word is a heap pointer.
pub extern "C" fn jit_decref(word: u64) {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: compiled code passes a word it owned a counted reference for (a value
        // from the frame or its stack), which it gives up here.
        drop(unsafe { Value::from_raw(word as usize) });
    });
    // A destructor that panicked leaves the object leaked rather than unwinding into
    // compiled code; there is no caller to report to.
    drop(r);
}

/// `container[key]` for a list or tuple and a small int index in range: the item (a
/// counted reference), or `DECLINED` (anything else: the interpreter does it).
pub extern "C" fn jit_subscr(container: u64, key: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: live values compiled code holds references to, only borrowed here.
        let (c, k) = unsafe {
            (ManuallyDrop::new(Value::from_raw(container as usize)), ManuallyDrop::new(Value::from_raw(key as usize)))
        };
        match crate::vm::interp::fast_subscr(&c, &k) {
            Some(v) => v.into_raw() as u64,
            None => DECLINED,
        }
    });
    r.unwrap_or(DECLINED)
}

/// The value in cell `cell` (a frame's cell slot, 0 if empty) as a counted reference, or
/// `DECLINED` (no cell, or an empty one: the interpreter raises).
pub extern "C" fn jit_load_deref(cell: u64) -> u64 {
    if cell == 0 {
        return DECLINED;
    }
    let r = std::panic::catch_unwind(|| {
        // SAFETY: a live value of the running frame's locals, only borrowed here.
        let c = unsafe { borrow(cell) };
        let Some(c) = c.payload::<crate::objects::cell::PyCell>() else { return DECLINED };
        let Ok(v) = c.0.try_borrow() else { return DECLINED };
        v.as_ref().map_or(DECLINED, |v| Value::clone(v).into_raw() as u64)
    });
    r.unwrap_or(DECLINED)
}

/// `cell` (a frame's cell slot) set to a new reference to `v`: 1, or `DECLINED` having
/// done nothing. The old value is released after the store.
pub extern "C" fn jit_store_deref(cell: u64, v: u64) -> u64 {
    if cell == 0 {
        return DECLINED;
    }
    let r = std::panic::catch_unwind(|| {
        // SAFETY: live values compiled code holds, only borrowed here.
        let (c, v) = unsafe { (borrow(cell), borrow(v)) };
        let Some(c) = c.payload::<crate::objects::cell::PyCell>() else { return DECLINED };
        let Ok(mut slot) = c.0.try_borrow_mut() else { return DECLINED };
        let old = slot.replace(Value::clone(&v));
        drop(slot);
        drop(old);
        1
    });
    r.unwrap_or(DECLINED)
}

/// `container[key] = value` for an exact list and a small int index in range: 1, or
/// `DECLINED` having done nothing. The list takes a new reference to `value`.
pub extern "C" fn jit_store_subscr(container: u64, key: u64, value: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: live values compiled code holds references to, only borrowed here.
        let (c, k, v) = unsafe {
            (
                ManuallyDrop::new(Value::from_raw(container as usize)),
                ManuallyDrop::new(Value::from_raw(key as usize)),
                ManuallyDrop::new(Value::from_raw(value as usize)),
            )
        };
        match crate::vm::interp::fast_store_subscr(&c, &k, Value::clone(&v)) {
            Ok(()) => 1,
            Err(v) => {
                drop(v);
                DECLINED
            }
        }
    });
    r.unwrap_or(DECLINED)
}

/// A helper's answer when the interpreter must do the work (a word no value has: not a
/// small int, not 8-aligned); the helper did nothing.
pub const DECLINED: u64 = 2;

/// One step of a native iterator (range, list, tuple) for a compiled `ForIter`: the
/// next item (a counted reference), 0 when exhausted, or `DECLINED`.
pub extern "C" fn jit_iter_next(iter: u64) -> u64 {
    let r = std::panic::catch_unwind(|| {
        // SAFETY: `iter` is a live value compiled code holds a reference to; it is only
        // borrowed here (`ManuallyDrop`: no decrement).
        let it = ManuallyDrop::new(unsafe { Value::from_raw(iter as usize) });
        let Some(ni) = it.payload::<PyNativeIter>() else { return DECLINED };
        let Ok(mut b) = ni.0.try_borrow_mut() else { return DECLINED };
        match b.next_native() {
            None => DECLINED,
            Some(None) => 0,
            Some(Some(v)) => v.into_raw() as u64,
        }
    });
    r.unwrap_or(DECLINED)
}

/// Borrows a word compiled code holds a reference for, as a `Value` that is not dropped.
///
/// # Safety
/// `w` is a live value's word (a small int or a pointer to a live object).
unsafe fn borrow(w: u64) -> ManuallyDrop<Value> {
    // SAFETY: the caller's contract.
    ManuallyDrop::new(unsafe { Value::from_raw(w as usize) })
}

/// A `LoadGlobal` through its inline cache `fb` (refilled on a miss): the value (a
/// counted reference), or `DECLINED` (a name not defined: the interpreter raises).
pub extern "C" fn jit_load_global(frame: *const Frame, fb: *const FeedbackWord, name: u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: compiled code passes its running frame, and the feedback word and name
        // (a constant) of that frame's code object.
        let (f, fb, name) = unsafe { (&*frame, &*fb, borrow(name)) };
        let v = interp::load_global_cached(fb, &name, &f.globals, &f.builtins)
            .or_else(|| interp::load_global_slow(fb, &name, &f.globals, &f.builtins));
        v.map_or(DECLINED, |v| v.into_raw() as u64)
    }));
    r.unwrap_or(DECLINED)
}

/// `obj.name` (a `LoadAttr`) through the instruction's attribute cache `cache`: the
/// value, or `DECLINED` (no entry, or one that does not hold: the interpreter does it).
pub extern "C" fn jit_load_attr(obj: u64, cache: *const AttrCache, name: u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: a live value compiled code holds; the cache and the name (a constant of
        // the code object) live as long as the code compiled code runs for.
        let (obj, cache, name) = unsafe { (borrow(obj), &*cache, borrow(name)) };
        let Some(e) = cache.get() else { return DECLINED };
        interp::load_attr_cached(e, &obj, &name).map_or(DECLINED, |v| v.into_raw() as u64)
    }));
    r.unwrap_or(DECLINED)
}

/// `LoadMethod` through its cache: the method or attribute (a counted reference), with
/// the word to push after it (`obj` again, or the null marker, also counted) in
/// `*second`; or `DECLINED`.
pub extern "C" fn jit_load_method(obj: u64, cache: *const AttrCache, name: u64, null: u64, second: *mut u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: live values compiled code holds (`null` is the immortal marker); the
        // cache and name as in `jit_load_attr`.
        let (o, cache, name, null) = unsafe { (borrow(obj), &*cache, borrow(name), borrow(null)) };
        let Some(e) = cache.get() else { return DECLINED };
        let Some((m, bound)) = interp::load_method_cached(e, &o, &name) else { return DECLINED };
        let s = if bound { Value::clone(&o) } else { Value::clone(&null) };
        // SAFETY: `second` is a stack slot of compiled code, written once here.
        unsafe { second.write(s.into_raw() as u64) };
        m.into_raw() as u64
    }));
    r.unwrap_or(DECLINED)
}

/// `obj.name = v` (a `StoreAttr`) through its cache: 1, or `DECLINED` with nothing
/// done. The object takes a new reference to `v`.
pub extern "C" fn jit_store_attr(obj: u64, v: u64, cache: *const AttrCache, name: u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: live values compiled code holds; the cache and name as in
        // `jit_load_attr`.
        let (obj, v, cache, name) = unsafe { (borrow(obj), borrow(v), &*cache, borrow(name)) };
        let Some(e) = cache.get() else { return DECLINED };
        match interp::store_attr_cached(e, &obj, &name, Value::clone(&v)) {
            Ok(()) => 1,
            Err(v) => {
                drop(v);
                DECLINED
            }
        }
    }));
    r.unwrap_or(DECLINED)
}

/// `a op b` for small ints and floats (the loop's `fast_binop`): takes both references
/// and gives the result; or `DECLINED`, both references still the caller's.
pub extern "C" fn jit_binop(a: u64, b: u64, op: u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: compiled code hands over the references it holds for `a` and `b`.
        let (a, b) = unsafe { (Value::from_raw(a as usize), Value::from_raw(b as usize)) };
        match interp::fast_binop(a, b, BinOp::from_arg(op as u32)) {
            Ok(r) => r.into_raw() as u64,
            Err((a, b)) => {
                // Declined: the caller keeps its references.
                let _ = (a.into_raw(), b.into_raw());
                DECLINED
            }
        }
    }));
    r.unwrap_or(DECLINED)
}

/// `a op b` for builtin scalars (the loop's `fast_compare`): the bool object (a counted
/// reference), or `DECLINED`. Borrows both.
pub extern "C" fn jit_compare(a: u64, b: u64, op: u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: live values compiled code holds.
        let (a, b) = unsafe { (borrow(a), borrow(b)) };
        match interp::fast_compare(&a, &b, CmpOp::from_arg(op as u32)) {
            Some(t) => crate::objects::py_bool(t).into_raw() as u64,
            None => DECLINED,
        }
    }));
    r.unwrap_or(DECLINED)
}

/// A helper's answer when it raised: the exception waits in `take_error` (a word no
/// value has, as `DECLINED`).
pub const RAISED: u64 = 6;

/// A `ForIter` step the native iterators decline (dict views, `enumerate`, `zip`, user
/// iterators): the next item, 0 when exhausted, `RAISED`, or `DECLINED` for a generator
/// (the interpreter resumes its frame in the loop). Compiled code stored `lasti` first,
/// since a `__next__` written in Python may look at its caller.
pub extern "C" fn jit_iter_slow(vm: *mut Vm, iter: u64) -> u64 {
    // SAFETY: the `Vm` the loop lent compiled code; a live value it holds.
    let (vm, it) = unsafe { (&mut *vm, borrow(iter)) };
    if it.kind() == crate::values::Kind::Generator {
        return DECLINED;
    }
    match std::panic::catch_unwind(AssertUnwindSafe(|| vm.next(&it))) {
        Ok(Ok(Some(v))) => v.into_raw() as u64,
        Ok(Ok(None)) => 0,
        Ok(Err(e)) => {
            set_error(e);
            RAISED
        }
        Err(_) => {
            set_error(system_error("JIT: internal error (panic) in an iterator step"));
            RAISED
        }
    }
}

/// `UnpackSequence n` of an exact tuple or list of length `n`: writes the items (counted
/// references) to `out[0..n]` bottom of the stack first (the first item ends on top), and
/// answers 1; or `DECLINED`, nothing written. Borrows `seq`.
pub extern "C" fn jit_unpack(seq: u64, n: u64, out: *mut u64) -> u64 {
    let r = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: a live value compiled code holds.
        let seq = unsafe { borrow(seq) };
        let n = n as usize;
        let write = |items: &[Value]| {
            if items.len() != n {
                return DECLINED;
            }
            for (i, v) in items.iter().rev().enumerate() {
                // SAFETY: `out` is compiled code's stack slot of `n` words.
                unsafe { out.add(i).write(v.clone().into_raw() as u64) };
            }
            1
        };
        if let Some(t) = seq.payload::<crate::objects::tuple::PyTuple>() {
            return write(&t.0);
        }
        if let Some(l) = seq.payload::<crate::objects::list::PyList>() {
            return write(&l.0.borrow());
        }
        DECLINED
    }));
    r.unwrap_or(DECLINED)
}

/// C's `pow` for compiled `x ** y` on a positive finite base and a finite exponent
/// (the caller checks the result is finite, as `float_pow` does).
pub extern "C" fn jit_pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

/// `x ** y` on floats outside `jit_pow`'s case, by the interpreter's `float_pow`: writes
/// the float result to `out` and answers 1, or answers 0 when it raises or the result is
/// not a float (a negative base to a fractional power is complex): the interpreter then
/// runs the instruction.
pub extern "C" fn jit_float_pow(x: u64, y: u64, out: *mut f64) -> u64 {
    let r = std::panic::catch_unwind(|| match crate::objects::float::float_pow(f64::from_bits(x), f64::from_bits(y)) {
        Ok(v) => v.as_float(),
        Err(_) => None,
    });
    match r {
        Ok(Some(f)) => {
            // SAFETY: `out` is the 8-byte stack slot compiled code passes for the result.
            unsafe { out.write(f) };
            1
        }
        _ => 0,
    }
}

/// A new float object holding the f64 with these bits (compiled code boxing a float it
/// kept unboxed): a counted reference.
pub extern "C" fn jit_box_float(bits: u64) -> u64 {
    let r = std::panic::catch_unwind(|| crate::objects::float::new_float(f64::from_bits(bits)).into_raw() as u64);
    // Allocation failure aborts in the allocator; a panic here has no value to give.
    r.unwrap_or_else(|_| std::process::abort())
}
