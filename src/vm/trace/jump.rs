//! Setting `frame.f_lineno` from a trace function: CPython 3.11's `frame_setlineno`.
//!
//! A jump is allowed only from a `line` event of a frame with a local trace function, to
//! the first line at or after the requested one, at an instruction whose value-stack
//! shape (`mark_stacks`: iterators, handled exceptions, plain objects, NULLs) the current
//! stack can be cut down to. The items cut off are dropped; a handled exception popped
//! that way is restored as `sys.exception()`, as CPython pops `exc_info`.

use crate::bytecode::code::Code;
use crate::bytecode::opcode::Op;
use crate::objects::frame::{PyFrameObj, live_index};
use crate::objects::int::to_i64;
use crate::values::Value;
use crate::vm::errors::{PyErr, value_error};
use crate::vm::trace::Event;
use crate::vm::{PyResult, Vm};

// Stack-entry kinds, 3 bits each, packed into an i64 (TOS in the low bits).
const ITERATOR: i64 = 1;
const EXCEPT: i64 = 2;
const OBJECT: i64 = 3;
const NULL: i64 = 4;
const LASTI: i64 = 5;
const BITS: u32 = 3;
const UNINITIALIZED: i64 = -2;
const OVERFLOWED: i64 = -1;
const MAX_ENTRIES: u32 = 63 / BITS;
const WILL_OVERFLOW: u64 = 1 << ((MAX_ENTRIES - 1) * BITS);

fn push(stack: i64, kind: i64) -> i64 {
    if stack < 0 || stack as u64 >= WILL_OVERFLOW { OVERFLOWED } else { (stack << BITS) | kind }
}
fn pop(stack: i64) -> i64 {
    stack >> BITS
}
fn top(stack: i64) -> i64 {
    stack & ((1 << BITS) - 1)
}
fn peek(stack: i64, n: u32) -> i64 {
    top(stack >> (BITS * n.saturating_sub(1)))
}
fn swap(stack: i64, n: u32) -> i64 {
    if n < 2 {
        return stack;
    }
    let to_swap = peek(stack, n);
    let tos = top(stack);
    let shift = BITS * (n - 1);
    let mut s = stack & !(7i64 << shift);
    s |= tos << shift;
    (s & !7) | to_swap
}
fn pop_to_level(mut stack: i64, level: u32) -> i64 {
    if level == 0 {
        return 0;
    }
    let max_item = (1i64 << BITS) - 1;
    let level_max_stack = max_item << ((level - 1) * BITS);
    while stack > level_max_stack {
        stack = pop(stack);
    }
    stack
}

/// The stack shape before each instruction (CPython's `mark_stacks`).
fn mark_stacks(code: &Code) -> Vec<i64> {
    let len = code.instrs.len();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    // (Our generators start with an empty stack: no RETURN_GENERATOR/POP_TOP prologue.)
    stacks[0] = 0;
    let mut todo = true;
    while todo {
        todo = false;
        for i in 0..len {
            let mut next = stacks[i];
            if next == UNINITIALIZED {
                continue;
            }
            let ins = code.instrs[i].get();
            let arg = ins.arg;
            let j = arg as usize;
            let mut set_target = |stacks: &mut Vec<i64>, st: i64| {
                if j < len {
                    if stacks[j] == UNINITIALIZED && j < i {
                        todo = true;
                    }
                    stacks[j] = st;
                }
            };
            // Net effect as CPython applies it: popped kinds go, pushed items are objects.
            let apply = |mut st: i64, mut delta: i32| {
                while delta < 0 {
                    st = pop(st);
                    delta += 1;
                }
                while delta > 0 {
                    st = push(st, OBJECT);
                    delta -= 1;
                }
                st
            };
            match ins.op {
                Op::GetIter => stacks[i + 1] = push(pop(next), ITERATOR),
                Op::PushExcInfo => stacks[i + 1] = push(next, EXCEPT),
                Op::PopExcept => stacks[i + 1] = pop(next),
                Op::LoadMethod => stacks[i + 1] = push(push(pop(next), NULL), OBJECT),
                Op::CallMethod => {
                    for _ in 0..arg + 2 {
                        next = pop(next);
                    }
                    stacks[i + 1] = push(next, OBJECT);
                }
                Op::Swap => stacks[i + 1] = swap(next, arg),
                Op::Copy => stacks[i + 1] = push(next, peek(next, arg)),
                // Branches (the table's stack effect at the target and when falling
                // through), returns and raises.
                op if op.is_jump() || op.is_terminator() => {
                    if op.is_jump() {
                        set_target(&mut stacks, apply(next, op.stack_effect(arg, true)));
                    }
                    if !op.is_terminator() {
                        stacks[i + 1] = apply(next, op.stack_effect(arg, false));
                    }
                }
                op => stacks[i + 1] = apply(next, op.stack_effect(arg, false)),
            }
        }
        // Exception handlers: the stack cut to the entry's depth, (lasti,) the exception.
        for i in 0..len {
            if stacks[i] == UNINITIALIZED || stacks[i] < 0 {
                continue;
            }
            let Some(h) = code.handler_for(i as u32) else { continue };
            let t = h.target as usize;
            if t < len && stacks[t] == UNINITIALIZED {
                todo = true;
                let mut st = pop_to_level(stacks[i], h.depth);
                if h.push_lasti {
                    st = push(st, LASTI);
                }
                stacks[t] = push(st, EXCEPT);
            }
        }
    }
    stacks
}

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        OBJECT => from != NULL,
        NULL => true,
        _ => from == to,
    }
}

fn compatible_stack(mut from: i64, mut to: i64) -> bool {
    if from < 0 || to < 0 {
        return false;
    }
    while from > to {
        from = pop(from);
    }
    while from != 0 {
        if !compatible_kind(top(from), top(to)) {
            return false;
        }
        from = pop(from);
        to = pop(to);
    }
    to == 0
}

fn explain_incompatible(to: i64) -> &'static str {
    match to {
        OVERFLOWED => "stack to deep to analyze",
        UNINITIALIZED => "can't jump into an exception handler, or code may be unreachable",
        _ => match top(to) {
            EXCEPT => "can't jump into an 'except' block as there's no exception",
            ITERATOR => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        },
    }
}

/// The line starting at each instruction (None where the line does not change).
fn line_starts(code: &Code) -> Vec<Option<u32>> {
    let mut last = None;
    (0..code.instrs.len())
        .map(|i| {
            let l = code.line_at(i);
            if Some(l) != last && l != 0 {
                last = Some(l);
                Some(l)
            } else {
                None
            }
        })
        .collect()
}

/// `frame.f_lineno = value`.
pub fn set_lineno(vm: &mut Vm, fo: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::new(&crate::objects::registry::exc().attribute_error, "cannot delete attribute"));
    };
    if !value.type_of().is(&crate::objects::types().int) {
        return Err(value_error("lineno must be an integer"));
    }
    let Some(p) = fo.payload::<PyFrameObj>() else { return Err(value_error("not a frame")) };
    match vm.trace.what {
        Event::Line => {}
        Event::Call => return Err(value_error("can't jump from the 'call' trace event of a new frame")),
        _ => return Err(value_error("can only jump from a 'line' trace event")),
    }
    if p.trace.borrow().is_none() {
        return Err(value_error("f_lineno can only be set by a trace function"));
    }
    let requested = match to_i64(value) {
        Some(n) if i32::try_from(n).is_ok() => n,
        _ => return Err(value_error("lineno out of range")),
    };
    let code_v = p.code.clone();
    let Some(code) = code_v.payload::<Code>() else { return Err(value_error("frame without code")) };
    if requested < code.firstlineno as i64 {
        return Err(value_error(format!("line {requested} comes before the current code block")));
    }
    let starts = line_starts(code);
    let Some(new_line) = starts.iter().flatten().copied().filter(|&l| l as i64 >= requested).min() else {
        return Err(value_error(format!("line {requested} comes after the current code block")));
    };
    let Some(idx) = live_index(vm, fo) else { return Err(value_error("can only jump from a 'line' trace event")) };
    let Some(lasti) = vm.frames.get(idx).map(|f| f.lasti as usize) else { return Ok(()) };
    let stacks = mark_stacks(code);
    let start = stacks.get(lasti).copied().unwrap_or(UNINITIALIZED);
    let mut best_stack = OVERFLOWED;
    let mut best_addr = None;
    let mut err: i32 = -1;
    let mut msg = "cannot find bytecode for specified line";
    for (i, l) in starts.iter().enumerate() {
        if *l != Some(new_line) {
            continue;
        }
        let target = stacks[i];
        if compatible_stack(start, target) {
            err = 0;
            if target > best_stack {
                best_stack = target;
                best_addr = Some(i);
            }
        } else if err < 0 {
            if start == OVERFLOWED {
                msg = "stack to deep to analyze";
            } else if start == UNINITIALIZED {
                msg = "can't jump from within an exception handler";
            } else {
                msg = explain_incompatible(target);
                err = 1;
            }
        }
    }
    let Some(addr) = best_addr.filter(|_| err == 0) else { return Err(value_error(msg)) };
    // Cut the stack down to the target's shape.
    let mut depth = 0;
    let mut s = start;
    while s > 0 {
        depth += 1;
        s = pop(s);
    }
    let actual = vm.frames.get(idx).map_or(0, |f| f.slots.depth());
    if actual != depth {
        return Err(crate::vm::errors::system_error("f_lineno: the value stack does not have the analysed shape"));
    }
    let mut cur = start;
    while cur > best_stack {
        let v = vm.frames.get_mut(idx).and_then(|f| f.slots.pop());
        if top(cur) == EXCEPT {
            if let Some(v) = v {
                let old = vm.set_handled(if v.is_none() { None } else { Some(v) });
                drop(old);
            }
        } else {
            drop(v);
        }
        cur = pop(cur);
    }
    if let Some(f) = vm.frames.get_mut(idx) {
        f.pc = addr as u32;
        f.lasti = addr as u32;
    }
    p.lineno.set(new_line);
    vm.trace.jumped = true;
    Ok(())
}
