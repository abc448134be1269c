//! Calls from compiled code to compiled code. The plain case is inline: the callee's
//! frame taken from the pool, filled and pushed on `Vm::frames`, its compiled code
//! called, and on its return the frame popped and pooled again (what `Vm::push_call_simple`
//! and `Vm::retire_frame` do). Every other case goes through the runtime's helpers.
//!
//! The inline code reads Rust structures at fixed offsets: `offset_of!` gives those of
//! our own types (`Frame` is `#[repr(C)]`; `Vm`, `PyFunction`, `Code` and `Compiled` are
//! laid out once per build), and `layout()` finds, once at start-up, those Rust does not
//! expose: a `Vec`'s pointer, length and capacity words and where a `RefCell` keeps its
//! value (as `objects/seq_layout.rs` does for lists). When any is ambiguous, calls go
//! through the helpers.

use std::cell::RefCell;
use std::mem::offset_of;
use std::sync::OnceLock;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{Block, BlockArg, InstBuilder, StackSlotData, StackSlotKind, Value};

use super::{I8, I32, I64, Lower, mf};
use crate::bytecode::code::Code;
use crate::jit::runtime;
use crate::objects::function::PyFunction;
use crate::objects::seq_layout::{only, words};
use crate::values::layout::{self, BREAK_TRACE, EVAL_BREAKER};
use crate::vm::Vm;
use crate::vm::frame::{Frame, OFF_LASTI, OFF_NLOCALS, OFF_PC, OFF_SLOTS_BASE, OFF_STACK_BASE, OFF_STACK_TOP};

/// Offsets Rust does not fix: within a `Vec<Box<Frame>>` (`ptr`, `len`, `cap`) and within
/// a `RefCell<Value>` (`value`).
#[derive(Clone, Copy)]
struct Layout {
    ptr: i32,
    len: i32,
    cap: i32,
    value: i32,
}

fn layout() -> Option<Layout> {
    static L: OnceLock<Option<Layout>> = OnceLock::new();
    *L.get_or_init(|| {
        let v: Vec<Box<Frame>> = Vec::with_capacity(7);
        if size_of::<Vec<Box<Frame>>>() != 24 || size_of::<RefCell<crate::values::Value>>() != 16 {
            return None;
        }
        // SAFETY: `v` is live, made of three initialised words, and not borrowed.
        let w = unsafe { words(&v as *const Vec<Box<Frame>>) };
        let ptr = only(3, |i| w[i] == v.as_ptr() as usize)?;
        let cap = only(3, |i| w[i] == 7)?;
        let len = only(3, |i| w[i] == 0)?;
        let probe = crate::values::Value::small(12345);
        let cell = RefCell::new(probe.clone());
        // SAFETY: `cell` is live and not borrowed; its flag and value are initialised words.
        let c = unsafe { words(&cell as *const RefCell<crate::values::Value>) };
        let value = only(2, |i| c[i] == probe.bits())?;
        let distinct = ptr != cap && cap != len && ptr != len;
        distinct.then_some(Layout {
            ptr: 8 * ptr as i32,
            len: 8 * len as i32,
            cap: 8 * cap as i32,
            value: 8 * value as i32,
        })
    })
}

const FR_GLOBALS: i32 = offset_of!(Frame, globals) as i32;
const FR_BUILTINS: i32 = offset_of!(Frame, builtins) as i32;
const FR_FUNC: i32 = offset_of!(Frame, func) as i32;
const FR_ENTRY: i32 = offset_of!(Frame, entry) as i32;
const FR_REENTER: i32 = offset_of!(Frame, jit_reenter) as i32;
const FR_RUNNING: i32 = offset_of!(Frame, jit_running) as i32;
/// The fields that must be empty for the inline return (else `Vm::retire_frame` runs).
const FR_EMPTY: [i32; 5] = [
    offset_of!(Frame, frame_obj) as i32,
    offset_of!(Frame, locals) as i32,
    offset_of!(Frame, generator) as i32,
    offset_of!(Frame, saved_exc) as i32,
    offset_of!(Frame, init_self) as i32,
];
const FN_GLOBALS: i32 = layout::DATA_OFFSET + offset_of!(PyFunction, globals) as i32;
const FN_BUILTINS: i32 = layout::DATA_OFFSET + offset_of!(PyFunction, builtins) as i32;
const CODE_DIRECT: i32 = layout::DATA_OFFSET + crate::jit::OFF_CODE_DIRECT as i32;
const CODE_SPARE: i32 = layout::DATA_OFFSET + crate::jit::OFF_CODE_SPARE as i32;
const CODE_SPARE_N: i32 = layout::DATA_OFFSET + crate::jit::OFF_CODE_SPARE_N as i32;
const FR_NEXT_SPARE: i32 = offset_of!(Frame, next_spare) as i32;
const CODE_ARGCOUNT: i32 = layout::DATA_OFFSET + offset_of!(Code, argcount) as i32;
const VM_FRAMES: i32 = offset_of!(Vm, frames) as i32;
const VM_LIMIT: i32 = offset_of!(Vm, recursion_limit) as i32;
const VM_FLOOR: i32 = offset_of!(Vm, jit_stack_floor) as i32;

const _: () = {
    assert!(size_of::<Option<crate::values::Value>>() == 8 && size_of::<bool>() == 1);
    // Stored as one word each by the inline call (little-endian: `pc` the low half).
    assert!(cfg!(target_endian = "little"));
    assert!(OFF_LASTI == OFF_PC + 4 && OFF_PC % 8 == 0);
    assert!(FR_REENTER == FR_ENTRY + 1 && FR_RUNNING == FR_ENTRY + 2 && FR_ENTRY % 4 == 0);
    assert!(offset_of!(Frame, generator) as i32 >= FR_ENTRY + 4);
    assert!(size_of::<u32>() == 4);
};

/// A Python function a call site will most likely call, known at compile time (the value
/// of the global it loads then): calls of it skip the checks its identity answers. The
/// compiled code keeps the function alive, so its address names it for good.
#[derive(Clone, Copy)]
pub(super) struct Callee {
    func: u64,
    code: u64,
    globals: u64,
    builtins: u64,
    argcount: u32,
    nlocals: usize,
    /// Has free variables (a closure to copy into its frame)?
    closure: bool,
}

/// The most locals whose release an inline return unrolls (else a loop).
const UNROLL_LOCALS: usize = 8;

impl Lower<'_, '_> {
    /// The function `v` (a global's value at compile time) as a `Callee`, when compiled
    /// callers could call its code directly (as `CodeJit::direct` requires).
    pub(super) fn callee(&mut self, v: &crate::values::Value) -> Option<Callee> {
        let func = v.payload::<PyFunction>()?;
        let cb = func.code.borrow();
        let code = cb.payload::<Code>()?;
        let plain = code.flags & (crate::bytecode::code::CO_VARARGS | crate::bytecode::code::CO_VARKEYWORDS) == 0
            && code.kwonlyargcount == 0
            && !code.is_generator()
            && code.cellvars.is_empty();
        if !plain {
            return None;
        }
        let c = Callee {
            func: v.bits() as u64,
            code: cb.bits() as u64,
            globals: func.globals.bits() as u64,
            builtins: func.builtins.bits() as u64,
            argcount: code.argcount,
            nlocals: code.nlocalsplus(),
            closure: func.closure.is_some(),
        };
        self.kept.push(v.clone());
        Some(c)
    }

    /// `Call`/`CallMethod` at `pc` of `n` positional arguments: inline when the callee's
    /// compiled code can be called directly (`inline_call`), else through
    /// `runtime::jit_push` (the same, in Rust) and then `runtime::jit_call_enter` (any
    /// callable, as the interpreter calls it); the result pushed on the stack. With
    /// `python` false (the site saw only other callables) straight to `jit_call_enter`.
    pub(super) fn call(
        &mut self,
        pc: u32,
        stack: &[Value],
        after: usize,
        n: u32,
        method: bool,
        python: bool,
    ) -> Vec<Value> {
        let below = stack.len() - n as usize - 1 - method as usize;
        debug_assert_eq!(after, below + 1, "a call leaves its result in place of its operands");
        let done = self.b.create_block();
        for _ in 0..after {
            self.b.append_block_param(done, I64);
        }
        let helpers = self.b.create_block();
        // `--jit-stats` counts calls and entries in the runtime.
        let inline = layout().filter(|_| python && !self.stats && crate::objects::seq_layout::tuple().is_some());
        if let Some(l) = inline {
            self.b.set_cold_block(helpers);
            let callee = self.known.get(&stack[below]).copied().filter(|c| c.argcount == n + method as u32);
            self.inline_call(l, pc, stack, below, n, method, callee, helpers, done);
        } else {
            self.b.ins().jump(helpers, &[]);
        }
        self.b.switch_to_block(helpers);
        self.call_through_helpers(pc, stack, after, below, n, method, python && inline.is_none(), done);
        self.b.switch_to_block(done);
        self.b.block_params(done).to_vec()
    }

    /// The inline call: every check first (any failing one jumps to `helpers` with
    /// nothing changed), then the push, the call, and the inline return.
    #[allow(clippy::too_many_arguments)]
    fn inline_call(
        &mut self,
        l: Layout,
        pc: u32,
        stack: &[Value],
        below: usize,
        n: u32,
        method: bool,
        callee: Option<Callee>,
        helpers: Block,
        done: Block,
    ) {
        let vm = self.vm;
        let f = stack[below];
        let self_slot = method.then(|| stack[below + 1]);
        let args = &stack[below + 1 + method as usize..];
        let check = |s: &mut Self, fail: Value| {
            let next = s.b.create_block();
            s.b.ins().brif(fail, helpers, &[], next, &[]);
            s.b.switch_to_block(next);
        };
        // Not tracing; native stack to spare.
        let eb_addr = self.b.ins().iconst(I64, &EVAL_BREAKER as *const _ as i64);
        let eb = self.b.ins().load(I32, mf(), eb_addr, 0);
        let tracing = self.b.ins().band_imm_s(eb, BREAK_TRACE as i64);
        check(self, tracing);
        let sp = self.b.ins().get_stack_pointer(I64);
        let floor = self.b.ins().load(I64, mf(), vm, VM_FLOOR);
        let low = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, floor);
        check(self, low);
        // A Python function whose code compiled callers may call directly, with as many
        // parameters as arguments: for the known callee, that function (and still its
        // code).
        let code_at = layout::DATA_OFFSET + offset_of!(PyFunction, code) as i32 + l.value;
        let codev = if let Some(k) = callee {
            let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, f, k.func as i64);
            check(self, other);
            let codev = self.b.ins().load(I64, mf(), f, code_at);
            let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, codev, k.code as i64);
            check(self, other);
            codev
        } else {
            let tag = self.b.ins().band_imm_s(f, 1);
            check(self, tag);
            let ty = self.b.ins().load(I64, mf(), f, layout::HEADER_TYPE);
            let not_fn = self.b.ins().icmp_imm_s(IntCC::NotEqual, ty, crate::objects::types().function.bits() as i64);
            check(self, not_fn);
            self.b.ins().load(I64, mf(), f, code_at)
        };
        let compiled = self.b.ins().load(I64, mf(), codev, CODE_DIRECT);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, compiled, 0);
        check(self, none);
        // Whether the self slot holds a receiver, where only run time tells (a method
        // call of an unknown callee).
        let has_self = match (callee, self_slot) {
            (None, Some(s)) => Some(self.b.ins().icmp_imm_s(IntCC::NotEqual, s, self.null as i64)),
            _ => None,
        };
        if let (Some(_), Some(s)) = (callee, self_slot) {
            // The known method takes its receiver (an attribute found by `LoadMethod`
            // comes with none).
            let unbound = self.b.ins().icmp_imm_s(IntCC::Equal, s, self.null as i64);
            check(self, unbound);
        } else if callee.is_none() {
            let argc = self.b.ins().load(I32, mf(), codev, CODE_ARGCOUNT);
            let want = match has_self {
                Some(h) => {
                    let h32 = self.b.ins().uextend(I32, h);
                    self.b.ins().iadd_imm_s(h32, n as i64)
                }
                None => self.b.ins().iconst(I32, n as i64),
            };
            let wrong = self.b.ins().icmp(IntCC::NotEqual, argc, want);
            check(self, wrong);
        }
        // Below the recursion limit, room on `Vm::frames`, a pooled frame.
        let depth = self.b.ins().load(I64, mf(), vm, VM_FRAMES + l.len);
        let limit = self.b.ins().load(I64, mf(), vm, VM_LIMIT);
        let deep = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, depth, limit);
        check(self, deep);
        let room = self.b.ins().load(I64, mf(), vm, VM_FRAMES + l.cap);
        let full = self.b.ins().icmp(IntCC::UnsignedGreaterThanOrEqual, depth, room);
        check(self, full);
        // A spare frame of the callee's code (`CodeJit::spare`: bound to that code, its
        // locals unbound) bound to the function's globals and builtins too; else the
        // helpers (which take a frame from `Vm::frame_pool` and bind it).
        let fr = self.b.ins().load(I64, mf(), codev, CODE_SPARE);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, fr, 0);
        check(self, none);
        let mut differs = self.b.ins().iconst(I8, 0);
        for (fr_at, fn_at) in [(FR_GLOBALS, FN_GLOBALS), (FR_BUILTINS, FN_BUILTINS)] {
            let want = match callee {
                Some(k) => self.b.ins().iconst(I64, (if fr_at == FR_GLOBALS { k.globals } else { k.builtins }) as i64),
                None => self.b.ins().load(I64, mf(), f, fn_at),
            };
            let had = self.b.ins().load(I64, mf(), fr, fr_at);
            let ne = self.b.ins().icmp(IntCC::NotEqual, had, want);
            differs = self.b.ins().bor(differs, ne);
        }
        check(self, differs);
        let next = self.b.ins().load(I64, mf(), fr, FR_NEXT_SPARE);
        self.b.ins().store(mf(), next, codev, CODE_SPARE);
        let spare_n = self.b.ins().load(I64, mf(), codev, CODE_SPARE_N);
        let spare_n = self.b.ins().iadd_imm_s(spare_n, -1);
        self.b.ins().store(mf(), spare_n, codev, CODE_SPARE_N);
        let fbase = self.b.ins().load(I64, mf(), fr, OFF_SLOTS_BASE);

        // The push. The caller's stack below the callable goes to its frame (the frame
        // owns it during the call); the callable and arguments move into the callee's.
        self.spill(&stack[..below]);
        // (`pc` and `lasti` are one word, as are the three flags and their padding.)
        let resume = self.b.ins().iconst(I64, ((pc as i64) << 32) | (pc as i64 + 1));
        self.b.ins().store(mf(), resume, self.frame, OFF_PC);
        let argbase = if let (Some(_), Some(s)) = (callee, self_slot) {
            self.b.ins().store(mf(), s, fbase, 0);
            self.b.ins().iadd_imm_s(fbase, 8)
        } else if let (Some(s), Some(has_self)) = (self_slot, has_self) {
            let zero = self.b.ins().iconst(I64, 0);
            let first = self.b.ins().select(has_self, s, zero);
            self.b.ins().store(mf(), first, fbase, 0);
            let shift = self.b.ins().uextend(I64, has_self);
            let shift = self.b.ins().ishl_imm_u(shift, 3);
            self.b.ins().iadd(fbase, shift)
        } else {
            fbase
        };
        for (i, &a) in args.iter().enumerate() {
            self.b.ins().store(mf(), a, argbase, 8 * i as i32);
        }
        self.b.ins().store(mf(), f, fr, FR_FUNC);
        if callee.is_none_or(|k| k.closure) {
            self.copy_closure(f, fr, fbase);
        }
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().store(mf(), zero, fr, OFF_PC);
        let running = self.b.ins().iconst(I32, 1 << (8 * (FR_RUNNING - FR_ENTRY)));
        self.b.ins().store(mf(), running, fr, FR_ENTRY);
        let no = self.b.ins().iconst(I8, 0);
        let frames = self.b.ins().load(I64, mf(), vm, VM_FRAMES + l.ptr);
        let at = self.b.ins().ishl_imm_u(depth, 3);
        let at = self.b.ins().iadd(frames, at);
        self.b.ins().store(mf(), fr, at, 0);
        let depth1 = self.b.ins().iadd_imm_s(depth, 1);
        self.b.ins().store(mf(), depth1, vm, VM_FRAMES + l.len);

        // The call.
        let func = self.b.ins().load(I64, mf(), compiled, super::OFF_COMPILED_FUNC);
        let zero = self.b.ins().iconst(I64, 0);
        let exit = self.call_ret(func, &[fr, zero, vm]);
        let flags = self.b.ins().ushr_imm_u(exit, 32);
        let returned = self.b.ins().icmp_imm_s(IntCC::Equal, flags, (runtime::EXIT_RETURN >> 32) as i64);
        let ret = self.b.create_block();
        let other = self.b.create_block();
        self.b.set_cold_block(other);
        self.b.ins().brif(returned, ret, &[], other, &[]);

        // Anything but a return: as the runtime finishes a callee it ran.
        self.b.switch_to_block(other);
        let r = self.call_helper_ret(runtime::jit_call_done as *const u8 as i64, &[vm, exit, fr, compiled]);
        let items = self.after_step(r, below + 1);
        let items: Vec<BlockArg> = items.iter().map(|&v| v.into()).collect();
        self.b.ins().jump(done, &items);

        // The return: the value off the callee's stack, then its frame retired inline
        // unless it has more than locals and a function to let go of.
        self.b.switch_to_block(ret);
        let top = self.b.ins().load(I64, mf(), fr, OFF_STACK_TOP);
        let v = self.b.ins().load(I64, mf(), top, -8);
        let mut any = self.b.ins().iconst(I64, 0);
        for at in FR_EMPTY {
            let w = self.b.ins().load(I64, mf(), fr, at);
            any = self.b.ins().bor(any, w);
        }
        let plain = self.b.create_block();
        let rust = self.b.create_block();
        let got = self.b.create_block();
        self.b.append_block_param(got, I64);
        self.b.set_cold_block(rust);
        self.b.ins().brif(any, rust, &[], plain, &[]);

        self.b.switch_to_block(rust);
        let rv = self.pop_through_helper(pc);
        self.b.ins().jump(got, &[rv.into()]);

        self.b.switch_to_block(plain);
        let sbase = self.b.ins().load(I64, mf(), fr, OFF_STACK_BASE);
        self.b.ins().store(mf(), sbase, fr, OFF_STACK_TOP);
        self.b.ins().store(mf(), no, fr, FR_RUNNING);
        let d = self.b.ins().load(I64, mf(), vm, VM_FRAMES + l.len);
        let d = self.b.ins().iadd_imm_s(d, -1);
        self.b.ins().store(mf(), d, vm, VM_FRAMES + l.len);
        // Off `Vm::frames` and not yet pooled, the frame is ours while its locals and
        // function are let go of (a `__del__` may run Python code meanwhile).
        self.release_locals(fr, callee.map(|k| k.nlocals));
        let func = self.b.ins().load(I64, mf(), fr, FR_FUNC);
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().store(mf(), zero, fr, FR_FUNC);
        if callee.is_some() {
            // The known callee (nothing replaces a running frame's function), which the
            // compiled code keeps alive: never its last reference.
            let n = self.b.ins().load(I32, mf(), func, 0);
            let n = self.b.ins().iadd_imm_s(n, -1);
            self.b.ins().store(mf(), n, func, 0);
        } else {
            self.xdecref(func);
        }
        // Back to the code's spare frames, or (when it keeps enough) to the pool.
        let spare_n = self.b.ins().load(I64, mf(), codev, CODE_SPARE_N);
        let full = self.b.ins().icmp_imm_s(IntCC::UnsignedGreaterThanOrEqual, spare_n, crate::jit::MAX_SPARE as i64);
        let put = self.b.create_block();
        let give = self.b.create_block();
        self.b.set_cold_block(give);
        self.b.ins().brif(full, give, &[], put, &[]);
        self.b.switch_to_block(give);
        self.call_helper(runtime::jit_pool_put as *const u8 as i64, &[vm, fr]);
        self.b.ins().jump(got, &[v.into()]);
        self.b.switch_to_block(put);
        let head = self.b.ins().load(I64, mf(), codev, CODE_SPARE);
        self.b.ins().store(mf(), head, fr, FR_NEXT_SPARE);
        self.b.ins().store(mf(), fr, codev, CODE_SPARE);
        let spare_n = self.b.ins().iadd_imm_s(spare_n, 1);
        self.b.ins().store(mf(), spare_n, codev, CODE_SPARE_N);
        self.b.ins().jump(got, &[v.into()]);

        self.b.switch_to_block(got);
        let v = self.b.block_params(got)[0];
        self.go_on_with(v, stack, below, done);
    }

    /// The cells of the function `f`'s closure (if it has one) into the last locals of
    /// its frame `fr` (block `fbase`), as `init_cells` puts them: its free variables (a
    /// code called inline has no cells of its own). Release at return drops them.
    fn copy_closure(&mut self, f: Value, fr: Value, fbase: Value) {
        // (`call` inlines only where the tuple layout is known.)
        let Some(t) = crate::objects::seq_layout::tuple() else { return };
        let closure_at = layout::DATA_OFFSET + offset_of!(PyFunction, closure) as i32;
        let cl = self.b.ins().load(I64, mf(), f, closure_at);
        let copy = self.b.create_block();
        let done = self.b.create_block();
        self.b.ins().brif(cl, copy, &[], done, &[]);
        self.b.switch_to_block(copy);
        let len = self.b.ins().load(I64, mf(), cl, layout::DATA_OFFSET + t.len);
        let items = self.b.ins().load(I64, mf(), cl, layout::DATA_OFFSET + t.ptr);
        let nl = self.b.ins().load(I64, mf(), fr, OFF_NLOCALS);
        let first = self.b.ins().isub(nl, len);
        let first = self.b.ins().ishl_imm_u(first, 3);
        let dst = self.b.ins().iadd(fbase, first);
        let head = self.b.create_block();
        let body = self.b.create_block();
        self.b.append_block_param(head, I64);
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().jump(head, &[zero.into()]);
        self.b.switch_to_block(head);
        let i = self.b.block_params(head)[0];
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        self.b.ins().brif(more, body, &[], done, &[]);
        self.b.switch_to_block(body);
        let off = self.b.ins().ishl_imm_u(i, 3);
        let src = self.b.ins().iadd(items, off);
        let cell = self.b.ins().load(I64, mf(), src, 0);
        self.incref(cell);
        let to = self.b.ins().iadd(dst, off);
        self.b.ins().store(mf(), cell, to, 0);
        let i1 = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().jump(head, &[i1.into()]);
        self.b.switch_to_block(done);
    }

    /// `runtime::jit_pop`: the callee's value; leaves with `EXIT_RAISE` when it has none.
    fn pop_through_helper(&mut self, pc: u32) -> Value {
        let vm = self.vm;
        let v = self.call_helper_ret(runtime::jit_pop as *const u8 as i64, &[vm]);
        let failed = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        let leave = self.b.create_block();
        let fine = self.b.create_block();
        self.b.set_cold_block(leave);
        self.b.ins().brif(failed, leave, &[], fine, &[]);
        self.b.switch_to_block(leave);
        let raise = self.b.ins().iconst(I64, (runtime::EXIT_RAISE | pc as u64) as i64);
        self.b.ins().return_(&[raise]);
        self.b.switch_to_block(fine);
        v
    }

    /// After a call returned `v`: the caller goes on with the items below the callable
    /// still in registers (its frame gives them up) and `v` on top.
    fn go_on_with(&mut self, v: Value, stack: &[Value], below: usize, done: Block) {
        let empty = self.b.ins().iadd_imm_s(self.base, 8 * self.nlocals);
        self.b.ins().store(mf(), empty, self.frame, OFF_STACK_TOP);
        let mut items: Vec<BlockArg> = stack[..below].iter().map(|&v| v.into()).collect();
        items.push(v.into());
        self.b.ins().jump(done, &items);
    }

    /// Unbinds the locals of the frame `fr` (off `Vm::frames`), dropping their values;
    /// unrolled when their number is known (and small).
    fn release_locals(&mut self, fr: Value, known: Option<usize>) {
        if let Some(nl) = known.filter(|&n| n <= UNROLL_LOCALS) {
            let zero = self.b.ins().iconst(I64, 0);
            let fbase = self.b.ins().load(I64, mf(), fr, OFF_SLOTS_BASE);
            for i in 0..nl as i32 {
                let w = self.b.ins().load(I64, mf(), fbase, 8 * i);
                self.b.ins().store(mf(), zero, fbase, 8 * i);
                self.xdecref(w);
            }
            return;
        }
        let nl = self.b.ins().load(I64, mf(), fr, OFF_NLOCALS);
        let head = self.b.create_block();
        let body = self.b.create_block();
        let out = self.b.create_block();
        self.b.append_block_param(head, I64);
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().jump(head, &[zero.into()]);
        self.b.switch_to_block(head);
        let i = self.b.block_params(head)[0];
        let more = self.b.ins().icmp(IntCC::UnsignedLessThan, i, nl);
        self.b.ins().brif(more, body, &[], out, &[]);
        self.b.switch_to_block(body);
        // The base is read each time: a `__del__` cannot move this frame's block (the
        // frame is nobody else's), but reading it costs one load.
        let fbase = self.b.ins().load(I64, mf(), fr, OFF_SLOTS_BASE);
        let at = self.b.ins().ishl_imm_u(i, 3);
        let at = self.b.ins().iadd(fbase, at);
        let w = self.b.ins().load(I64, mf(), at, 0);
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().store(mf(), zero, at, 0);
        self.xdecref(w);
        let i1 = self.b.ins().iadd_imm_s(i, 1);
        self.b.ins().jump(head, &[i1.into()]);
        self.b.switch_to_block(out);
    }

    /// The call through the runtime: the whole stack stored, then (with `push`: when the
    /// call is not inline) `runtime::jit_push` (the inline call's checks and push, in
    /// Rust) and a direct call of the callee's code, or `runtime::jit_call_enter` (any
    /// callable); on to `done` with the stack after it.
    #[allow(clippy::too_many_arguments)]
    fn call_through_helpers(
        &mut self,
        pc: u32,
        stack: &[Value],
        after: usize,
        below: usize,
        n: u32,
        method: bool,
        push: bool,
        done: Block,
    ) {
        self.spill(stack);
        let pcv = self.b.ins().iconst(I32, pc as i64);
        self.b.ins().store(mf(), pcv, self.frame, OFF_PC);
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 16, 3));
        let out = self.b.ins().stack_addr(I64, slot, 0);
        let nv = self.b.ins().iconst(I64, n as i64);
        let m = self.b.ins().iconst(I64, method as i64);
        let vm = self.vm;
        let zero = self.b.ins().iconst(I64, 0);
        let general = self.b.create_block();
        let word = self.b.create_block();
        self.b.append_block_param(word, I64);
        if push {
            self.push_through_helper(pc, stack, below, out, nv, m, general, word, done);
        } else {
            self.b.ins().jump(general, &[]);
        }

        self.b.switch_to_block(general);
        let f = self.call_helper_ret(runtime::jit_call_enter as *const u8 as i64, &[vm, nv, m, out]);
        let direct2 = self.b.create_block();
        let other = self.b.create_block();
        self.b.ins().brif(f, direct2, &[], other, &[]);
        self.b.switch_to_block(other);
        let w = self.b.ins().load(I64, mf(), out, 0);
        self.b.ins().jump(word, &[w.into()]);
        self.b.switch_to_block(direct2);
        let frame = self.b.ins().load(I64, mf(), out, 0);
        let compiled = self.b.ins().load(I64, mf(), out, 8);
        let exit2 = self.call_ret(f, &[frame, zero, vm]);
        let r = self.call_helper_ret(runtime::jit_call_done as *const u8 as i64, &[vm, exit2, frame, compiled]);
        self.b.ins().jump(word, &[r.into()]);

        self.b.switch_to_block(word);
        let r = self.b.block_params(word)[0];
        let items = self.after_step(r, after);
        let args: Vec<BlockArg> = items.iter().map(|&v| v.into()).collect();
        self.b.ins().jump(done, &args);
    }

    /// `runtime::jit_push` and, when it pushed the callee, the direct call of its code and
    /// its return through `runtime::jit_pop` (on to `done`) or `runtime::jit_call_done`
    /// (on to `word`); when it did not, on to `general`.
    #[allow(clippy::too_many_arguments)]
    fn push_through_helper(
        &mut self,
        pc: u32,
        stack: &[Value],
        below: usize,
        out: Value,
        nv: Value,
        m: Value,
        general: Block,
        word: Block,
        done: Block,
    ) {
        let vm = self.vm;
        let callee = self.call_helper_ret(runtime::jit_push as *const u8 as i64, &[vm, nv, m, out]);
        let direct = self.b.create_block();
        let returned = self.b.create_block();
        let other_exit = self.b.create_block();
        self.b.ins().brif(callee, direct, &[], general, &[]);

        self.b.switch_to_block(direct);
        let func = self.b.ins().load(I64, mf(), out, 0);
        let zero = self.b.ins().iconst(I64, 0);
        let exit = self.call_ret(func, &[callee, zero, vm]);
        let flags = self.b.ins().ushr_imm_u(exit, 32);
        let is_return = self.b.ins().icmp_imm_s(IntCC::Equal, flags, (runtime::EXIT_RETURN >> 32) as i64);
        self.b.ins().brif(is_return, returned, &[], other_exit, &[]);

        self.b.switch_to_block(returned);
        let v = self.pop_through_helper(pc);
        self.go_on_with(v, stack, below, done);

        self.b.switch_to_block(other_exit);
        let compiled = self.b.ins().load(I64, mf(), out, 8);
        let r = self.call_helper_ret(runtime::jit_call_done as *const u8 as i64, &[vm, exit, callee, compiled]);
        self.b.ins().jump(word, &[r.into()]);
    }
}
