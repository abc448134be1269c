//! Instructions compiled code has the interpreter run for it (`runtime::jit_step`), with
//! the helpers that do their common cases first, and `ForIter`'s iterator step.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{Block, BlockArg, InstBuilder, StackSlotData, StackSlotKind, Value};

use super::{I8, I32, I64, Lower, Reason, mf};
use crate::bytecode::code::Code;
use crate::bytecode::feedback::{AttrCache, FeedbackWord};
use crate::bytecode::opcode::{INPLACE, Instr, Op};
use crate::jit::runtime;
use crate::objects::builtin_func::PyBuiltin;
use crate::objects::seq_layout::{self, ItemsLayout};
use crate::values::Kind;
use crate::values::layout;
use crate::vm::frame::{OFF_LASTI, OFF_PC, OFF_STACK_TOP};

impl Lower<'_, '_> {
    /// Has the interpreter run instruction `pc` on the frame: spills `stack` to the
    /// frame (which owns it then), stores `top` and `pc`, calls `runtime::jit_step`, and
    /// either leaves with the exit word it gives or takes back the `after` items the
    /// frame's stack holds then.
    pub(super) fn step(&mut self, pc: u32, stack: &[Value], after: usize) -> Vec<Value> {
        self.step_with(pc, stack, after, runtime::jit_step as *const u8 as i64, &[])
    }

    /// `step` through `helper(vm, args..)`, which keeps `jit_step`'s contract (a helper
    /// that does some cases itself and steps the rest).
    fn step_with(&mut self, pc: u32, stack: &[Value], after: usize, helper: i64, args: &[i64]) -> Vec<Value> {
        self.spill(stack);
        let pcv = self.b.ins().iconst(I32, pc as i64);
        self.b.ins().store(mf(), pcv, self.frame, OFF_PC);
        let mut argv = vec![self.vm];
        argv.extend(args.iter().map(|&a| self.b.ins().iconst(I64, a)));
        let r = self.call_helper_ret(helper, &argv);
        self.after_step(r, after)
    }

    /// After a step's helper answered `r`: leave with it unless it is 0, else take back
    /// the `after` items of the frame's stack.
    pub(super) fn after_step(&mut self, r: Value, after: usize) -> Vec<Value> {
        let first = 8 * self.nlocals;
        let go_on = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
        let leave = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(leave);
        self.b.ins().brif(go_on, cont, &[], leave, &[]);
        self.b.switch_to_block(leave);
        self.b.ins().return_(&[r]);
        self.b.switch_to_block(cont);
        let items: Vec<Value> =
            (0..after).map(|i| self.b.ins().load(I64, mf(), self.base, (first + 8 * i as i64) as i32)).collect();
        let empty = self.b.ins().iadd_imm_s(self.base, first);
        self.b.ins().store(mf(), empty, self.frame, OFF_STACK_TOP);
        items
    }

    /// An instruction the interpreter does for compiled code: first through a helper that
    /// does its common case on the loop's inline caches and fast paths (no call into
    /// Python code) when it has one, else (or when that declines) by `step`.
    pub(super) fn stepped(
        &mut self,
        code: &Code,
        ins: Instr,
        pc: u32,
        stack: &[Value],
        after: usize,
    ) -> Result<Vec<Value>, String> {
        if self.float_store_subscr(ins, stack) {
            return Ok(self.store_subscr_float(pc, stack, after));
        }
        let mut stack = stack.to_vec();
        self.box_floats(&mut stack);
        let stack = &stack[..];
        if self.stress {
            let t = self.b.ins().iconst(I8, 1);
            self.guard(t, pc, stack, Reason::Forced);
        }
        let n = stack.len();
        if !helper_first(code, ins, pc as usize) {
            return Ok(self.step(pc, stack, after));
        }
        // Calls of Python functions: straight into the callee's compiled code.
        if matches!(ins.op, Op::Call | Op::CallMethod)
            && !is_len_call(code, ins, pc as usize)
            && !is_append_call(code, ins, pc as usize)
        {
            // Inline only where Python functions were called (not a builtin's call site).
            let python = code.kinds_seen(pc as usize).is_none_or(|k| k.contains(Kind::Function));
            return Ok(self.call(pc, stack, after, ins.arg, ins.op == Op::CallMethod, python));
        }
        let below = |k: usize| stack.get(..n.wrapping_sub(k)).ok_or("stack underflow");
        // The helper's answer, the references the instruction drops when it succeeds,
        // and the stack after it.
        let (r, drops, done): (Value, Vec<Value>, Vec<Value>) = match ins.op {
            Op::LoadGlobal => {
                let fb = code.feedback.get(pc as usize).ok_or("no feedback word")?;
                let name = code.names.get(ins.arg as usize).ok_or("no global name")?.bits() as u64;
                let now = self.global_now(fb.global(), code.names.get(ins.arg as usize));
                let pinned = now.as_ref().and_then(|_| self.globals_pinned(fb.global()));
                let inline = self
                    .inline_global(fb.global())
                    .map(|site| move |s: &mut Self, miss| s.global_entry(site, name, pinned, miss));
                let c = self.b.ins().iconst(I64, fb as *const FeedbackWord as i64);
                let p = self.b.ins().iconst(I64, name as i64);
                let frame = self.frame;
                let r = self.inline_else_helper(inline, runtime::jit_load_global as *const u8 as i64, &[frame, c, p]);
                if let Some(k) = now.and_then(|v| self.callee(&v)) {
                    self.known.insert(r, k);
                }
                (r, vec![], [stack, &[r]].concat())
            }
            Op::LoadAttr => {
                let obj = stack[n - 1];
                let (c, p) = self.attr_site(code, ins, pc)?;
                let name = code.names.get(ins.arg as usize).ok_or("no attribute name")?.bits() as u64;
                let cached = code.attr_cache.get(pc as usize).and_then(|c| c.get());
                let inline = self
                    .inline_attr(cached)
                    .map(|site| move |s: &mut Self, miss| s.inst_dict_attr(obj, site, name, miss));
                let r = self.inline_else_helper(inline, runtime::jit_load_attr as *const u8 as i64, &[obj, c, p]);
                (r, vec![obj], [below(1)?, &[r]].concat())
            }
            Op::LoadMethod => {
                let obj = stack[n - 1];
                let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
                let addr = self.b.ins().stack_addr(I64, slot, 0);
                let (c, p) = self.attr_site(code, ins, pc)?;
                let null = self.b.ins().iconst(I64, self.null as i64);
                let name_v = code.names.get(ins.arg as usize);
                let name = name_v.ok_or("no attribute name")?.bits() as u64;
                let cached = code.attr_cache.get(pc as usize).and_then(|c| c.get());
                // Inline, the receiver goes where the helper puts it: its second item.
                let inline = self.inline_method(cached, name_v).map(|site| {
                    move |s: &mut Self, miss| {
                        let v = s.method_entry(obj, site, name, miss);
                        s.incref(obj);
                        s.b.ins().store(mf(), obj, addr, 0);
                        v
                    }
                });
                let r = self.inline_else_helper(
                    inline,
                    runtime::jit_load_method as *const u8 as i64,
                    &[obj, c, p, null, addr],
                );
                if let Some(k) = self.method_now(cached, name_v).and_then(|v| self.callee(&v)) {
                    self.known.insert(r, k);
                }
                // Read on both paths; used only where the helper wrote it.
                let second = self.b.ins().load(I64, mf(), addr, 0);
                (r, vec![obj], [below(1)?, &[r, second]].concat())
            }
            Op::StoreAttr => {
                let (v, obj) = (stack[n - 2], stack[n - 1]);
                let (c, p) = self.attr_site(code, ins, pc)?;
                let name = code.names.get(ins.arg as usize).ok_or("no attribute name")?.bits() as u64;
                let cached = code.attr_cache.get(pc as usize).and_then(|c| c.get());
                let inline = self.inline_attr(cached).map(|site| {
                    move |s: &mut Self, miss| {
                        s.inst_dict_store(obj, v, site, name, miss);
                        s.b.ins().iconst(I64, 1)
                    }
                });
                let r = self.inline_else_helper(inline, runtime::jit_store_attr as *const u8 as i64, &[obj, v, c, p]);
                (r, vec![obj, v], below(2)?.to_vec())
            }
            // `xs.append(x)` of a list with room, inline (anything else: the step).
            Op::CallMethod => {
                let (m, xs, x) = (stack[n - 3], stack[n - 2], stack[n - 1]);
                let r = self.list_append(m, xs, x);
                (r, vec![m, xs, x], [below(3)?, &[r]].concat())
            }
            // `len(x)` of a list or tuple, inline (any other callable or argument: the step).
            Op::Call => {
                let (f, x) = (stack[n - 2], stack[n - 1]);
                let r = self.builtin_len(f, x);
                (r, vec![f, x], [below(2)?, &[r]].concat())
            }
            // A closure's variable: the cell in local slot `arg` (unbound: the step raises).
            Op::LoadDeref => {
                let cell = self.b.ins().load(I64, mf(), self.base, 8 * ins.arg as i32);
                let r = self.call_helper_ret(runtime::jit_load_deref as *const u8 as i64, &[cell]);
                (r, vec![], [stack, &[r]].concat())
            }
            Op::StoreDeref => {
                let v = stack[n - 1];
                let cell = self.b.ins().load(I64, mf(), self.base, 8 * ins.arg as i32);
                let r = self.call_helper_ret(runtime::jit_store_deref as *const u8 as i64, &[cell, v]);
                (r, vec![v], below(1)?.to_vec())
            }
            // Lists and tuples indexed by small ints (a dict or anything else: the step).
            Op::BinarySubscr => {
                let (c, key) = (stack[n - 2], stack[n - 1]);
                let seen = code.kinds_seen(pc as usize);
                let r = self.subscr(
                    c,
                    key,
                    seen.is_none_or(|k| k.contains(Kind::List)),
                    seen.is_some_and(|k| k.contains(Kind::Tuple)),
                );
                (r, vec![c, key], [below(2)?, &[r]].concat())
            }
            Op::StoreSubscr => {
                let (v, c, key) = (stack[n - 3], stack[n - 2], stack[n - 1]);
                let r = self.store_subscr(c, key, v);
                (r, vec![v, c, key], below(3)?.to_vec())
            }
            Op::UnpackSequence => {
                let seq = stack[n - 1];
                let (r, items) = self.unpack(seq, ins.arg as usize);
                (r, vec![seq], [below(1)?, &items].concat())
            }
            Op::BinaryOp => {
                let (a, b) = (stack[n - 2], stack[n - 1]);
                let op = self.b.ins().iconst(I64, (ins.arg & !INPLACE) as i64);
                // The helper takes both references when it succeeds.
                self.own(a);
                self.own(b);
                let r = self.call_helper_ret(runtime::jit_binop as *const u8 as i64, &[a, b, op]);
                (r, vec![], [below(2)?, &[r]].concat())
            }
            Op::CompareOp => {
                let (a, b) = (stack[n - 2], stack[n - 1]);
                let op = self.b.ins().iconst(I64, ins.arg as i64);
                let r = self.call_helper_ret(runtime::jit_compare as *const u8 as i64, &[a, b, op]);
                (r, vec![a, b], [below(2)?, &[r]].concat())
            }
            _ => return Ok(self.step(pc, stack, after)),
        };
        if done.len() != after {
            return Err(format!("{} leaves {} items, the table says {after}", ins.op.name(), done.len()));
        }
        let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, runtime::DECLINED as i64);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        for _ in 0..after {
            self.b.append_block_param(join, I64);
        }
        self.b.set_cold_block(slow);
        self.b.ins().brif(ok, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        for v in drops {
            self.decref(v);
        }
        self.own_passed(&done);
        let args: Vec<BlockArg> = done.iter().map(|&v| v.into()).collect();
        self.b.ins().jump(join, &args);
        self.b.switch_to_block(slow);
        let items = self.step(pc, stack, after);
        let args: Vec<BlockArg> = items.iter().map(|&v| v.into()).collect();
        self.b.ins().jump(join, &args);
        self.b.switch_to_block(join);
        let out = self.b.block_params(join).to_vec();
        // A known function stays known past the join (the step loads the same one).
        if let Some(k) = self.known.remove(&r) {
            if let Some(i) = done.iter().position(|&v| v == r) {
                self.known.insert(out[i], k);
            }
        }
        Ok(out)
    }

    /// `inline` (which jumps to the block it is given when it cannot do the case) with the
    /// runtime helper `helper(args)` as its cold fallback, or the helper alone: the answer.
    fn inline_else_helper(
        &mut self,
        inline: Option<impl FnOnce(&mut Self, Block) -> Value>,
        helper: i64,
        args: &[Value],
    ) -> Value {
        let Some(inline) = inline else { return self.call_helper_ret(helper, args) };
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        let miss = self.b.create_block();
        self.b.set_cold_block(miss);
        let v = inline(self, miss);
        self.b.ins().jump(join, &[v.into()]);
        self.b.switch_to_block(miss);
        let r = self.call_helper_ret(helper, args);
        self.b.ins().jump(join, &[r.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// The attribute cache and the name of the attribute instruction `ins` at `pc`, as
    /// constants for the attribute helpers.
    fn attr_site(&mut self, code: &Code, ins: Instr, pc: u32) -> Result<(Value, Value), String> {
        let cache = code.attr_cache.get(pc as usize).ok_or("no attribute cache")?;
        let name = code.names.get(ins.arg as usize).ok_or("no attribute name")?;
        let c = self.b.ins().iconst(I64, cache as *const AttrCache as i64);
        let n = self.b.ins().iconst(I64, name.bits() as i64);
        Ok((c, n))
    }

    /// `c[key]`: inline for a list (and with `tuples` a tuple) indexed by a small int in
    /// range, else `runtime::jit_subscr`; the item (a counted reference) or `DECLINED`.
    fn subscr(&mut self, c: Value, key: Value, lists: bool, tuples: bool) -> Value {
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        let helper = self.b.create_block();
        let kinds = [
            (lists, seq_layout::list(), crate::objects::types().list.bits()),
            (tuples, seq_layout::tuple(), crate::objects::types().tuple.bits()),
        ];
        let kinds: Vec<_> = kinds.into_iter().filter_map(|(on, l, ty)| on.then_some((l?, ty))).collect();
        if !kinds.is_empty() {
            let i = self.small_index(c, key, helper);
            let ty = self.b.ins().load(I64, mf(), c, layout::HEADER_TYPE);
            for (k, (l, tp)) in kinds.iter().enumerate() {
                let this = self.b.create_block();
                let next = if k + 1 == kinds.len() { helper } else { self.b.create_block() };
                let is = self.b.ins().icmp_imm_s(IntCC::Equal, ty, *tp as i64);
                self.b.ins().brif(is, this, &[], next, &[]);
                self.b.switch_to_block(this);
                let slot = self.item_slot(c, i, *l, *tp == crate::objects::types().list.bits(), helper);
                let item = self.b.ins().load(I64, mf(), slot, 0);
                self.incref(item);
                self.b.ins().jump(join, &[item.into()]);
                if next != helper {
                    self.b.switch_to_block(next);
                }
            }
        } else {
            self.b.ins().jump(helper, &[]);
        }
        self.b.switch_to_block(helper);
        let r = self.call_helper_ret(runtime::jit_subscr as *const u8 as i64, &[c, key]);
        self.b.ins().jump(join, &[r.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// The `k` items of `seq` in stack order (the first on top) and 1, inline for a tuple
    /// of length `k` (CPython's `UNPACK_SEQUENCE_TUPLE`), else by `runtime::jit_unpack`
    /// (lists; `DECLINED` for anything else or another length).
    fn unpack(&mut self, seq: Value, k: usize) -> (Value, Vec<Value>) {
        let join = self.b.create_block();
        for _ in 0..=k {
            self.b.append_block_param(join, I64);
        }
        let helper = self.b.create_block();
        if let Some(l) = seq_layout::tuple() {
            let heap = self.b.create_block();
            let tag = self.b.ins().band_imm_s(seq, 1);
            self.b.ins().brif(tag, helper, &[], heap, &[]);
            self.b.switch_to_block(heap);
            let ty = self.b.ins().load(I64, mf(), seq, layout::HEADER_TYPE);
            let is = self.b.ins().icmp_imm_s(IntCC::Equal, ty, crate::objects::types().tuple.bits() as i64);
            let tuple = self.b.create_block();
            self.b.ins().brif(is, tuple, &[], helper, &[]);
            self.b.switch_to_block(tuple);
            let len = self.b.ins().load(I64, mf(), seq, layout::DATA_OFFSET + l.len);
            let fits = self.b.ins().icmp_imm_s(IntCC::Equal, len, k as i64);
            let take = self.b.create_block();
            self.b.ins().brif(fits, take, &[], helper, &[]);
            self.b.switch_to_block(take);
            let ptr = self.b.ins().load(I64, mf(), seq, layout::DATA_OFFSET + l.ptr);
            let one = self.b.ins().iconst(I64, 1);
            let mut args: Vec<BlockArg> = vec![one.into()];
            for i in (0..k).rev() {
                let item = self.b.ins().load(I64, mf(), ptr, 8 * i as i32);
                self.incref(item);
                args.push(item.into());
            }
            self.b.ins().jump(join, &args);
        } else {
            self.b.ins().jump(helper, &[]);
        }
        self.b.switch_to_block(helper);
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8 * k as u32, 3));
        let addr = self.b.ins().stack_addr(I64, slot, 0);
        let count = self.b.ins().iconst(I64, k as i64);
        let r = self.call_helper_ret(runtime::jit_unpack as *const u8 as i64, &[seq, count, addr]);
        // Read on both paths; used only where the helper wrote them.
        let mut args: Vec<BlockArg> = vec![r.into()];
        args.extend((0..k).map(|i| BlockArg::from(self.b.ins().load(I64, mf(), addr, 8 * i as i32))));
        self.b.ins().jump(join, &args);
        self.b.switch_to_block(join);
        let params = self.b.block_params(join).to_vec();
        (params[0], params[1..].to_vec())
    }

    /// `f(x)` when `f` is the builtin `len` (its native function, whatever name it has)
    /// and `x` a list (not mutably borrowed) or a tuple: the length as a small int;
    /// otherwise `DECLINED`.
    fn builtin_len(&mut self, f: Value, x: Value) -> Value {
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        let other = self.b.create_block();
        let builtin_ty = crate::objects::types().builtin_function.bits();
        self.expect_native(f, x, builtin_ty, crate::builtins::seq::LEN as usize, other);
        let xty = self.b.ins().load(I64, mf(), x, layout::HEADER_TYPE);
        let types = crate::objects::types();
        let kinds = [(seq_layout::list(), types.list.bits(), true), (seq_layout::tuple(), types.tuple.bits(), false)];
        for (l, tp, list) in kinds.into_iter().filter_map(|(l, tp, list)| Some((l?, tp, list))) {
            let this = self.b.create_block();
            let next = self.b.create_block();
            let is = self.b.ins().icmp_imm_s(IntCC::Equal, xty, tp as i64);
            self.b.ins().brif(is, this, &[], next, &[]);
            self.b.switch_to_block(this);
            if list {
                let flag = self.b.ins().load(I64, mf(), x, layout::DATA_OFFSET + l.flag);
                let borrowed = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, flag, 0);
                let free = self.b.create_block();
                self.b.ins().brif(borrowed, other, &[], free, &[]);
                self.b.switch_to_block(free);
            }
            let len = self.b.ins().load(I64, mf(), x, layout::DATA_OFFSET + l.len);
            let shifted = self.b.ins().ishl_imm_s(len, 1);
            let small = self.b.ins().bor_imm_s(shifted, 1);
            self.b.ins().jump(join, &[small.into()]);
            self.b.switch_to_block(next);
        }
        self.b.ins().jump(other, &[]);
        self.b.switch_to_block(other);
        let declined = self.b.ins().iconst(I64, runtime::DECLINED as i64);
        self.b.ins().jump(join, &[declined.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// `m(xs, x)` when `m` is `list.append` (by its native function), `xs` an exact list
    /// nothing borrows, with room for one more item: the item stored (the list takes a new
    /// reference) and None; otherwise `DECLINED`, nothing done.
    fn list_append(&mut self, m: Value, xs: Value, x: Value) -> Value {
        let Some(l) = seq_layout::list() else { return self.b.ins().iconst(I64, runtime::DECLINED as i64) };
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        let other = self.b.create_block();
        let types = crate::objects::types();
        self.expect_native(m, xs, types.method_descriptor.bits(), crate::objects::list::APPEND as usize, other);
        let xty = self.b.ins().load(I64, mf(), xs, layout::HEADER_TYPE);
        let is_list = self.b.ins().icmp_imm_s(IntCC::Equal, xty, types.list.bits() as i64);
        let list = self.b.create_block();
        self.b.ins().brif(is_list, list, &[], other, &[]);
        self.b.switch_to_block(list);
        let data = layout::DATA_OFFSET;
        let flag = self.b.ins().load(I64, mf(), xs, data + l.flag);
        let len = self.b.ins().load(I64, mf(), xs, data + l.len);
        let cap = self.b.ins().load(I64, mf(), xs, data + l.cap);
        let room = self.b.ins().icmp(IntCC::UnsignedLessThan, len, cap);
        let free = self.b.ins().icmp_imm_s(IntCC::Equal, flag, 0);
        let ok = self.b.ins().band(room, free);
        let push = self.b.create_block();
        self.b.ins().brif(ok, push, &[], other, &[]);
        self.b.switch_to_block(push);
        self.incref(x);
        let items = self.b.ins().load(I64, mf(), xs, data + l.ptr);
        let off = self.b.ins().ishl_imm_s(len, 3);
        let slot = self.b.ins().iadd(items, off);
        self.b.ins().store(mf(), x, slot, 0);
        let len1 = self.b.ins().iadd_imm_s(len, 1);
        self.b.ins().store(mf(), len1, xs, data + l.len);
        let none = self.b.ins().iconst(I64, crate::objects::none().bits() as i64);
        self.incref_heap(none);
        self.b.ins().jump(join, &[none.into()]);
        self.b.switch_to_block(other);
        let declined = self.b.ins().iconst(I64, runtime::DECLINED as i64);
        self.b.ins().jump(join, &[declined.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// Goes on in a new block when `f` (a builtin of type `ty` whose native function is
    /// `func`) and its argument `x` are both heap objects; otherwise to `other`.
    fn expect_native(&mut self, f: Value, x: Value, ty: usize, func: usize, other: Block) {
        let heap = self.b.create_block();
        let both = self.b.ins().bor(f, x);
        let tag = self.b.ins().band_imm_s(both, 1);
        self.b.ins().brif(tag, other, &[], heap, &[]);
        self.b.switch_to_block(heap);
        let fty = self.b.ins().load(I64, mf(), f, layout::HEADER_TYPE);
        let is_ty = self.b.ins().icmp_imm_s(IntCC::Equal, fty, ty as i64);
        let typed = self.b.create_block();
        self.b.ins().brif(is_ty, typed, &[], other, &[]);
        self.b.switch_to_block(typed);
        let func_at = layout::DATA_OFFSET + std::mem::offset_of!(PyBuiltin, func) as i32;
        let f_func = self.b.ins().load(I64, mf(), f, func_at);
        let is_func = self.b.ins().icmp_imm_s(IntCC::Equal, f_func, func as i64);
        let this = self.b.create_block();
        self.b.ins().brif(is_func, this, &[], other, &[]);
        self.b.switch_to_block(this);
    }

    /// `c[key] = v`: inline for a list indexed by a small int in range (the list takes a
    /// new reference to `v`), else `runtime::jit_store_subscr`; 1 or `DECLINED`.
    fn store_subscr(&mut self, c: Value, key: Value, v: Value) -> Value {
        let join = self.b.create_block();
        self.b.append_block_param(join, I64);
        let helper = self.b.create_block();
        if let Some(l) = seq_layout::list() {
            let list_ty = crate::objects::types().list.bits() as i64;
            let i = self.small_index(c, key, helper);
            let ty = self.b.ins().load(I64, mf(), c, layout::HEADER_TYPE);
            let is = self.b.ins().icmp_imm_s(IntCC::Equal, ty, list_ty);
            let this = self.b.create_block();
            self.b.ins().brif(is, this, &[], helper, &[]);
            self.b.switch_to_block(this);
            let slot = self.item_slot(c, i, l, true, helper);
            let old = self.b.ins().load(I64, mf(), slot, 0);
            self.incref(v);
            self.b.ins().store(mf(), v, slot, 0);
            self.decref(old);
            let one = self.b.ins().iconst(I64, 1);
            self.b.ins().jump(join, &[one.into()]);
        } else {
            self.b.ins().jump(helper, &[]);
        }
        self.b.switch_to_block(helper);
        let r = self.call_helper_ret(runtime::jit_store_subscr as *const u8 as i64, &[c, key, v]);
        self.b.ins().jump(join, &[r.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// Is `ins` a `StoreSubscr` of an unboxed float (which `store_subscr_float` stores
    /// without boxing it first)?
    pub(super) fn float_store_subscr(&self, ins: Instr, stack: &[Value]) -> bool {
        ins.op == Op::StoreSubscr
            && seq_layout::list().is_some()
            && stack.len() >= 3
            && self.b.func.dfg.value_type(stack[stack.len() - 3]) == super::F64
    }

    /// `c[key] = v` with `v` an unboxed float: into a list item holding an exact float
    /// nothing else references, the float object is reused (as the loop's `reuse_float`,
    /// and `store_float_local`: nobody can tell); another item gets a new float object;
    /// anything else boxes `v` and goes the way of any `StoreSubscr`.
    fn store_subscr_float(&mut self, pc: u32, stack: &[Value], after: usize) -> Vec<Value> {
        let n = stack.len();
        let (v, c, key) = (stack[n - 3], stack[n - 2], stack[n - 1]);
        if self.stress {
            let t = self.b.ins().iconst(I8, 1);
            self.guard(t, pc, stack, Reason::Forced);
        }
        let done = self.b.create_block();
        for _ in 0..after {
            self.b.append_block_param(done, I64);
        }
        let other = self.b.create_block();
        self.b.set_cold_block(other);
        let Some(l) = seq_layout::list() else { unreachable!("float_store_subscr checked the layout") };
        let i = self.small_index(c, key, other);
        let ty = self.b.ins().load(I64, mf(), c, layout::HEADER_TYPE);
        let is_list = self.b.ins().icmp_imm_s(IntCC::Equal, ty, crate::objects::types().list.bits() as i64);
        let list = self.b.create_block();
        self.b.ins().brif(is_list, list, &[], other, &[]);
        self.b.switch_to_block(list);
        let slot = self.item_slot(c, i, l, true, other);
        self.store_float_at(slot, 0, v);
        self.decref(c);
        self.decref(key);
        self.own_passed(&stack[..n - 3]);
        let below: Vec<BlockArg> = stack[..n - 3].iter().map(|&x| x.into()).collect();
        self.b.ins().jump(done, &below);
        // Not a list item by a small int in range: the helper, else the step.
        self.b.switch_to_block(other);
        let mut boxed = [v];
        self.box_floats(&mut boxed);
        let r = self.call_helper_ret(runtime::jit_store_subscr as *const u8 as i64, &[c, key, boxed[0]]);
        let ok = self.b.ins().icmp_imm_s(IntCC::NotEqual, r, runtime::DECLINED as i64);
        let (helped, stepped) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(ok, helped, &[], stepped, &[]);
        self.b.switch_to_block(helped);
        for x in [boxed[0], c, key] {
            self.decref(x);
        }
        self.own_passed(&stack[..n - 3]);
        self.b.ins().jump(done, &below);
        self.b.switch_to_block(stepped);
        let items = self.step(pc, &[&stack[..n - 3], &[boxed[0], c, key]].concat(), after);
        let args: Vec<BlockArg> = items.iter().map(|&x| x.into()).collect();
        self.b.ins().jump(done, &args);
        self.b.switch_to_block(done);
        self.b.block_params(done).to_vec()
    }

    /// The index of `c[key]` when `c` is a heap object and `key` a small int; otherwise
    /// goes to `other`.
    fn small_index(&mut self, c: Value, key: Value, other: Block) -> Value {
        let heap = self.b.create_block();
        let c_tag = self.b.ins().band_imm_s(c, 1);
        self.b.ins().brif(c_tag, other, &[], heap, &[]);
        self.b.switch_to_block(heap);
        if let Some(k) = self.const_word(key).filter(|k| k & 1 == 1) {
            return self.b.ins().iconst(I64, k >> 1);
        }
        let small = self.b.create_block();
        let k_tag = self.b.ins().band_imm_s(key, 1);
        self.b.ins().brif(k_tag, small, &[], other, &[]);
        self.b.switch_to_block(small);
        self.b.ins().sshr_imm_s(key, 1)
    }

    /// The address of item `i` of sequence `c` laid out as `l` (checked: `i` in range,
    /// and for a list the vector not borrowed mutably); otherwise goes to `other`.
    fn item_slot(&mut self, c: Value, i: Value, l: ItemsLayout, list: bool, other: Block) -> Value {
        let data = layout::DATA_OFFSET;
        if list {
            let flag = self.b.ins().load(I64, mf(), c, data + l.flag);
            let free = self.b.create_block();
            let borrowed = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, flag, 0);
            self.b.ins().brif(borrowed, other, &[], free, &[]);
            self.b.switch_to_block(free);
        }
        let len = self.b.ins().load(I64, mf(), c, data + l.len);
        // A negative index compares as a huge unsigned one.
        let inside = self.b.ins().icmp(IntCC::UnsignedLessThan, i, len);
        let ok = self.b.create_block();
        self.b.ins().brif(inside, ok, &[], other, &[]);
        self.b.switch_to_block(ok);
        let items = self.b.ins().load(I64, mf(), c, data + l.ptr);
        let off = self.b.ins().ishl_imm_s(i, 3);
        self.b.ins().iadd(items, off)
    }

    /// The next item of iterator `it` for the `ForIter` at `pc` (0: exhausted): range,
    /// list and tuple iterators natively, other iterators through `vm.next`; a generator
    /// leaves for the interpreter, which resumes its frame in the loop.
    pub(super) fn iter_next(&mut self, it: Value, pc: u32, before: &[Value]) -> Value {
        if self.stress {
            let t = self.b.ins().iconst(I8, 1);
            self.guard(t, pc, before, Reason::IterNeedsVm);
        }
        let got = self.b.create_block();
        self.b.append_block_param(got, I64);
        self.inline_iter_next(it, got);
        let r0 = self.call_helper_ret(runtime::jit_iter_next as *const u8 as i64, &[it]);
        let declined = self.b.ins().icmp_imm_s(IntCC::Equal, r0, runtime::DECLINED as i64);
        let slow = self.b.create_block();
        self.b.set_cold_block(slow);
        self.b.ins().brif(declined, slow, &[], got, &[r0.into()]);
        self.b.switch_to_block(slow);
        let pcv = self.b.ins().iconst(I32, pc as i64);
        self.b.ins().store(mf(), pcv, self.frame, OFF_LASTI);
        let vm = self.vm;
        let r1 = self.call_helper_ret(runtime::jit_iter_slow as *const u8 as i64, &[vm, it]);
        let raised = self.b.ins().icmp_imm_s(IntCC::Equal, r1, runtime::RAISED as i64);
        let raise = self.b.create_block();
        let ok = self.b.create_block();
        self.b.set_cold_block(raise);
        self.b.ins().brif(raised, raise, &[], ok, &[]);
        self.b.switch_to_block(raise);
        self.exit_word(before, runtime::EXIT_RAISE | pc as u64);
        self.b.switch_to_block(ok);
        let done = self.b.ins().icmp_imm_s(IntCC::NotEqual, r1, runtime::DECLINED as i64);
        let stress = std::mem::replace(&mut self.stress, false);
        self.guard(done, pc, before, Reason::IterNeedsVm);
        self.stress = stress;
        self.b.ins().jump(got, &[r1.into()]);
        self.b.switch_to_block(got);
        self.b.block_params(got)[0]
    }
}

impl Lower<'_, '_> {
    /// The next item of a range or list iterator, inline (CPython's `FOR_ITER_RANGE` and
    /// `FOR_ITER_LIST`): jumps to `got` with the item (a counted reference) or 0 when the
    /// range is exhausted; anything else (another iterator, one being borrowed, a range
    /// item beyond the small ints, the end of a list, which drops the list) falls through
    /// to the block this leaves current, for the helper.
    fn inline_iter_next(&mut self, it: Value, got: Block) {
        let Some(il) = seq_layout::native_iter() else { return };
        let types = crate::objects::types();
        let other = self.b.create_block();
        let tag = self.b.ins().band_imm_s(it, 1);
        let heap = self.b.create_block();
        self.b.ins().brif(tag, other, &[], heap, &[]);
        self.b.switch_to_block(heap);
        let ty = self.b.ins().load(I64, mf(), it, layout::HEADER_TYPE);
        let (range, not_range) = (self.b.create_block(), self.b.create_block());
        let is_range = self.b.ins().icmp_imm_s(IntCC::Equal, ty, types.range_iterator.bits() as i64);
        self.b.ins().brif(is_range, range, &[], not_range, &[]);
        // `RangeIter { next, step, remaining }`.
        self.b.switch_to_block(range);
        let data = self.unborrowed_iter(it, il, other);
        let rem = self.b.ins().load(I64, mf(), data, 16);
        let (more, exhausted) = (self.b.create_block(), self.b.create_block());
        self.b.ins().brif(rem, more, &[], exhausted, &[]);
        self.b.switch_to_block(exhausted);
        let zero = self.b.ins().iconst(I64, 0);
        self.b.ins().jump(got, &[zero.into()]);
        self.b.switch_to_block(more);
        let v = self.b.ins().load(I64, mf(), data, 0);
        let w = self.b.ins().ishl_imm_s(v, 1);
        let back = self.b.ins().sshr_imm_s(w, 1);
        let small = self.b.ins().icmp(IntCC::Equal, back, v);
        let take = self.b.create_block();
        self.b.ins().brif(small, take, &[], other, &[]);
        self.b.switch_to_block(take);
        let step = self.b.ins().load(I64, mf(), data, 8);
        let next = self.b.ins().iadd(v, step);
        self.b.ins().store(mf(), next, data, 0);
        let rem = self.b.ins().iadd_imm_s(rem, -1);
        self.b.ins().store(mf(), rem, data, 16);
        let item = self.b.ins().bor_imm_s(w, 1);
        self.b.ins().jump(got, &[item.into()]);
        // `ListIter { list, index }` over a list.
        self.b.switch_to_block(not_range);
        let Some(ll) = seq_layout::list() else {
            self.b.ins().jump(other, &[]);
            self.b.switch_to_block(other);
            return;
        };
        let list_it = self.b.create_block();
        let is_list = self.b.ins().icmp_imm_s(IntCC::Equal, ty, types.list_iterator.bits() as i64);
        self.b.ins().brif(is_list, list_it, &[], other, &[]);
        self.b.switch_to_block(list_it);
        let data = self.unborrowed_iter(it, il, other);
        let list = self.b.ins().load(I64, mf(), data, 0);
        let live = self.b.create_block();
        self.b.ins().brif(list, live, &[], other, &[]);
        self.b.switch_to_block(live);
        // (A list subclass's items may sit elsewhere.)
        let lty = self.b.ins().load(I64, mf(), list, layout::HEADER_TYPE);
        let exact = self.b.ins().icmp_imm_s(IntCC::Equal, lty, types.list.bits() as i64);
        let exact_list = self.b.create_block();
        self.b.ins().brif(exact, exact_list, &[], other, &[]);
        self.b.switch_to_block(exact_list);
        let index = self.b.ins().load(I64, mf(), data, 8);
        let slot = self.item_slot(list, index, ll, true, other);
        let item = self.b.ins().load(I64, mf(), slot, 0);
        self.incref(item);
        let index = self.b.ins().iadd_imm_s(index, 1);
        self.b.ins().store(mf(), index, data, 8);
        self.b.ins().jump(got, &[item.into()]);
        self.b.switch_to_block(other);
    }

    /// The data pointer of native iterator `it` when nothing borrows it; else goes to
    /// `other`.
    fn unborrowed_iter(&mut self, it: Value, il: seq_layout::IterLayout, other: Block) -> Value {
        let flag = self.b.ins().load(I64, mf(), it, layout::DATA_OFFSET + il.flag);
        let free = self.b.create_block();
        self.b.ins().brif(flag, other, &[], free, &[]);
        self.b.switch_to_block(free);
        self.b.ins().load(I64, mf(), it, layout::DATA_OFFSET + il.data)
    }
}

/// Does compiled code try a helper first for instruction `ins` at `pc` (stepping it only
/// when the helper declines), rather than step it at once? Calls of Python functions,
/// cached name and attribute accesses, cells, subscripts, unpacking, and arithmetic and
/// comparisons whose operands were seen to be of the kinds the helpers take.
pub(super) fn helper_first(code: &Code, ins: Instr, pc: usize) -> bool {
    let seen = code.kinds_seen(pc);
    let only = |ok: &[Kind]| seen.is_none_or(|k| k.iter().all(|kind| ok.contains(&kind)));
    match ins.op {
        Op::Call | Op::CallMethod => {
            seen.is_none_or(|k| k.contains(Kind::Function))
                || is_len_call(code, ins, pc)
                || is_append_call(code, ins, pc)
        }
        Op::LoadGlobal
        | Op::LoadAttr
        | Op::LoadMethod
        | Op::StoreAttr
        | Op::LoadDeref
        | Op::StoreDeref
        | Op::BinarySubscr
        | Op::StoreSubscr => true,
        Op::UnpackSequence => ins.arg > 0 && ins.arg <= 16,
        // Operands the fast paths never take (big ints, strs, instances) go straight to
        // the interpreter.
        Op::BinaryOp => only(&[Kind::SmallInt, Kind::Float]),
        Op::CompareOp => only(&[Kind::SmallInt, Kind::Float, Kind::Str]),
        _ => false,
    }
}

/// A `Call` of one argument that saw builtin functions only (`len(x)` is tried inline).
fn is_len_call(code: &Code, ins: Instr, pc: usize) -> bool {
    ins.op == Op::Call && ins.arg == 1 && code.kinds_seen(pc).is_some_and(|k| k.is_only(Kind::Builtin))
}

/// A `CallMethod` of one argument that saw builtin methods only (`xs.append(x)` is tried
/// inline).
fn is_append_call(code: &Code, ins: Instr, pc: usize) -> bool {
    ins.op == Op::CallMethod && ins.arg == 1 && code.kinds_seen(pc).is_some_and(|k| k.is_only(Kind::Builtin))
}
