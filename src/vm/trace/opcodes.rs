//! How many `opcode` trace events CPython 3.11 gives for one of our instructions.
//!
//! Our bytecode is CPython's with a few shapes merged or split, so a tracer that sets
//! `f_trace_opcodes` counts the same events per line only if each instruction stands for
//! its CPython counterparts: a call is PRECALL + CALL (+ a PUSH_NULL unless the callable
//! came from LOAD_GLOBAL, a method load or is a decorator/comprehension), MAKE_FUNCTION
//! takes no qualname (our extra LoadConst counts for it), a `while cond:` back edge is
//! CPython's duplicated test (our jump back to the test costs nothing), and a
//! `f(*a)`/`f(**kw)` argument tuple is built as CPython builds it.

use crate::bytecode::code::Code;
use crate::bytecode::opcode::Op;

fn op_at(code: &Code, pc: usize) -> Option<Op> {
    code.instrs.get(pc).map(|i| i.get().op)
}

/// (pops, pushes) of an instruction when it falls through, from the opcode table; None
/// for `Swap`, which reorders items instead of producing one.
fn pops_pushes(op: Op, arg: u32) -> Option<(i32, i32)> {
    if op == Op::Swap {
        return None;
    }
    let (pops, pushes) = op.pops_pushes(arg, false);
    Some((pops as i32, pushes as i32))
}

/// Straight-line producer of the stack item `depth` deep (1 = TOS) just before `pc`.
fn producer(code: &Code, pc: usize, depth: i32) -> Option<usize> {
    let mut need = depth;
    let mut i = pc;
    while i > 0 {
        i -= 1;
        let ins = code.instrs.get(i)?.get();
        // Straight-line only: stop at a branch, a block end, or the code's start.
        if ins.op.is_jump() || ins.op.is_terminator() || ins.op == Op::Resume {
            return None;
        }
        let (pops, pushes) = pops_pushes(ins.op, ins.arg)?;
        if pushes >= need {
            return Some(i);
        }
        need = need - pushes + pops;
    }
    None
}

/// Is the value on top of the stack just before `pc` the positional tuple of a `CallEx`?
fn feeds_call_ex(code: &Code, pc: usize) -> bool {
    let mut depth = 0;
    for i in pc..code.instrs.len().min(pc + 64) {
        let ins = code.instrs[i].get();
        if ins.op == Op::CallEx {
            return depth == (ins.arg & 1) as i32;
        }
        if ins.op.is_jump() || ins.op.is_terminator() {
            return false;
        }
        depth += ins.op.stack_effect(ins.arg, false);
        if depth < 0 {
            return false;
        }
    }
    false
}

/// CPython's PUSH_NULL before the callable of the call at `pc` (callable `depth` deep).
fn push_null(code: &Code, pc: usize, depth: i32) -> u32 {
    let Some(p) = producer(code, pc, depth) else { return 0 };
    match op_at(code, p) {
        Some(Op::LoadGlobal | Op::MakeFunction | Op::BeforeWith) | None => 0,
        // A decorator: CPython calls it with the decorated function as "self".
        _ if depth == 2 && matches!(op_at(code, pc - 1), Some(Op::MakeFunction)) => 0,
        _ => 1,
    }
}

/// The (list builder, its ListExtend if any) of the `CallEx` positional tuple made by the
/// `ListToTuple` at `pc`, when the list is built by `BuildList n` and at most one extend.
fn star_shape(code: &Code, pc: usize) -> Option<(usize, u32, Option<usize>)> {
    let b = producer(code, pc, 1)?;
    let ins = code.instrs[b].get();
    if ins.op != Op::BuildList {
        return None;
    }
    let mut ext = None;
    for i in b + 1..pc {
        match op_at(code, i) {
            Some(Op::ListExtend | Op::ListAppend) if producer(code, i + 1, 1) == Some(b) => {
                if ext.is_some() {
                    return None;
                }
                ext = Some(i);
            }
            _ => {}
        }
    }
    Some((b, ins.arg, ext))
}

/// The number of `opcode` events CPython emits where we run the instruction at `pc`.
pub fn cpython_events(code: &Code, pc: usize) -> u32 {
    let Some(ins) = code.instrs.get(pc).map(|i| i.get()) else { return 1 };
    match ins.op {
        Op::MakeFunction => 0,
        // CPython drops a NOP whose line the instruction before or after carries.
        Op::Nop => {
            let line = code.line_at(pc);
            let same = |i: usize| code.instrs.get(i).is_some() && code.line_at(i) == line;
            u32::from(!(pc > 0 && same(pc - 1) || same(pc + 1)))
        }
        Op::JumpBackward => {
            let artificial = pc > 0 && code.line_at(pc - 1) == code.line_at(pc);
            let to_for = op_at(code, ins.arg as usize) == Some(Op::ForIter);
            u32::from(!artificial || to_for)
        }
        Op::Call => 2 + push_null(code, pc, ins.arg as i32 + 1),
        Op::CallKw => 2 + push_null(code, pc, ins.arg as i32 + 2),
        Op::CallMethod => 2,
        Op::CallEx => 1 + push_null(code, pc, 2 + (ins.arg & 1) as i32),
        Op::ListToTuple if feeds_call_ex(code, pc + 1) => match star_shape(code, pc) {
            // f(*a): CPython passes `a` itself; f(x, **kw): BUILD_TUPLE; f(**kw): a const ().
            Some((_, 0, Some(_))) | Some((_, _, None)) => 0,
            _ => 1,
        },
        Op::BuildList | Op::ListExtend => {
            // The list of f(*a), which CPython does not build.
            for i in pc + 1..code.instrs.len().min(pc + 64) {
                if op_at(code, i) == Some(Op::ListToTuple) {
                    if !feeds_call_ex(code, i + 1) {
                        return 1;
                    }
                    return match star_shape(code, i) {
                        Some((b, 0, Some(e))) if b == pc || e == pc => 0,
                        _ => 1,
                    };
                }
                if op_at(code, i).is_some_and(|o| o.is_jump()) {
                    break;
                }
            }
            1
        }
        _ => 1,
    }
}
