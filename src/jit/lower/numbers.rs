//! Numbers in compiled code: small-int arithmetic inline, floats unboxed, and the truth
//! of a value for a branch.

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    InstBuilder, InstructionData, MemFlagsData, Opcode, StackSlotData, StackSlotKind, Value, ValueDef,
};

use super::{F64, I32, I64, Lower, Reason, mf};
use crate::bytecode::code::Code;
use crate::bytecode::opcode::BinOp;
use crate::jit::runtime;
use crate::values::{Kind, layout};

impl Lower<'_, '_> {
    /// Stores the unboxed float `v` into local `i` (`store_float_at`).
    pub(super) fn store_float_local(&mut self, i: u32, v: Value) {
        self.store_float_at(self.base, 8 * i as i32, v);
    }

    /// Stores the unboxed float `v` into the slot at `addr + off` (a local, a list item):
    /// into the float object the slot holds when nothing else references it (as the
    /// loop's `reuse_float`: nobody can see the difference), else into a new float object.
    pub(super) fn store_float_at(&mut self, addr: Value, off: i32, v: Value) {
        let old = self.b.ins().load(I64, mf(), addr, off);
        let check = self.b.create_block();
        let reuse = self.b.create_block();
        let fresh = self.b.create_block();
        let done = self.b.create_block();
        let tag = self.b.ins().band_imm_s(old, 1);
        let small = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 0);
        let unbound = self.b.ins().icmp_imm_s(IntCC::Equal, old, 0);
        let not_obj = self.b.ins().bor(small, unbound);
        self.b.ins().brif(not_obj, fresh, &[], check, &[]);
        self.b.switch_to_block(check);
        let ty = self.b.ins().load(I64, mf(), old, layout::HEADER_TYPE);
        let is_float = self.b.ins().icmp_imm_s(IntCC::Equal, ty, crate::objects::types().float.bits() as i64);
        let rc = self.b.ins().load(I32, mf(), old, layout::HEADER_REFCNT);
        let unique = self.b.ins().icmp_imm_s(IntCC::Equal, rc, 1);
        let ok = self.b.ins().band(is_float, unique);
        self.b.ins().brif(ok, reuse, &[], fresh, &[]);
        self.b.switch_to_block(reuse);
        self.b.ins().store(mf(), v, old, layout::DATA_OFFSET);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(fresh);
        let mut boxed = [v];
        self.box_floats(&mut boxed);
        self.b.ins().store(mf(), boxed[0], addr, off);
        self.xdecref(old);
        self.b.ins().jump(done, &[]);
        self.b.switch_to_block(done);
    }

    /// Boxes the unboxed floats on `stack` (new float objects, owned).
    pub(super) fn box_floats(&mut self, stack: &mut [Value]) {
        for v in stack.iter_mut() {
            if self.b.func.dfg.value_type(*v) == F64 {
                let bits = self.b.ins().bitcast(I64, MemFlagsData::new(), *v);
                *v = self.call_helper_ret(runtime::jit_box_float as *const u8 as i64, &[bits]);
            }
        }
    }

    /// `a op b` on floats, unboxed (an operand already unboxed, a float object, or with
    /// `ints` a small int); the result stays unboxed until something needs an object.
    pub(super) fn float_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        ints: bool,
        pc: u32,
        before: &[Value],
    ) -> Result<Value, String> {
        let x = self.unbox_float(a, ints, pc, before);
        let y = self.unbox_float(b, ints, pc, before);
        if op == BinOp::TrueDiv {
            // Python raises on a zero divisor (also -0.0): the interpreter does.
            let zero = self.b.ins().f64const(0.0);
            let nz = self.b.ins().fcmp(FloatCC::NotEqual, y, zero);
            self.guard(nz, pc, before, Reason::ZeroDivisor);
        }
        // `**` may fail (a guard), so it goes before the operands are dropped.
        let pow = (op == BinOp::Pow).then(|| self.float_pow(x, y, pc, before));
        // Both operands are read: drop the objects (the guards above kept them).
        for v in [a, b] {
            if self.b.func.dfg.value_type(v) != F64 {
                self.decref(v);
            }
        }
        Ok(match op {
            BinOp::Add => self.b.ins().fadd(x, y),
            BinOp::Sub => self.b.ins().fsub(x, y),
            BinOp::Mul => self.b.ins().fmul(x, y),
            BinOp::TrueDiv => self.b.ins().fdiv(x, y),
            BinOp::Pow => pow.ok_or("no float power")?,
            _ => return Err(format!("float BinaryOp {} reached the lowering", op.symbol())),
        })
    }

    /// `x ** y` on unboxed floats. A positive finite base with a finite exponent is C's
    /// `pow` when the result is finite (`float_pow`'s own path); any other case goes to
    /// `runtime::jit_float_pow` (the interpreter's `float_pow`), and when that raises or
    /// gives a complex number, the guard hands the instruction to the interpreter.
    fn float_pow(&mut self, x: Value, y: Value, pc: u32, before: &[Value]) -> Value {
        let zero = self.b.ins().f64const(0.0);
        let inf = self.b.ins().f64const(f64::INFINITY);
        let positive = self.b.ins().fcmp(FloatCC::GreaterThan, x, zero);
        let finite = self.b.ins().fcmp(FloatCC::LessThan, x, inf);
        let d = self.b.ins().fsub(y, y);
        let y_finite = self.b.ins().fcmp(FloatCC::Equal, d, zero);
        let c = self.b.ins().band(positive, finite);
        let c = self.b.ins().band(c, y_finite);
        let fast = self.b.create_block();
        let slow = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, F64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(c, fast, &[], slow, &[]);
        self.b.switch_to_block(fast);
        let f = self.b.ins().iconst(I64, runtime::jit_pow as *const u8 as i64);
        let r = self.call_typed(f, &[x, y], F64);
        let in_range = self.b.ins().fcmp(FloatCC::LessThan, r, inf);
        self.b.ins().brif(in_range, join, &[r.into()], slow, &[]);
        self.b.switch_to_block(slow);
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3));
        let out = self.b.ins().stack_addr(I64, slot, 0);
        let xb = self.b.ins().bitcast(I64, MemFlagsData::new(), x);
        let yb = self.b.ins().bitcast(I64, MemFlagsData::new(), y);
        let ok = self.call_helper_ret(runtime::jit_float_pow as *const u8 as i64, &[xb, yb, out]);
        self.guard(ok, pc, before, Reason::PowNotFloat);
        let r = self.b.ins().load(F64, mf(), out, 0);
        self.b.ins().jump(join, &[r.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    /// The f64 of `v`: itself when unboxed, a constant small int converted, an exact float
    /// object's payload (guarded), or with `ints` a small int converted at run time.
    pub(super) fn unbox_float(&mut self, v: Value, ints: bool, pc: u32, before: &[Value]) -> Value {
        if self.b.func.dfg.value_type(v) == F64 {
            return v;
        }
        if let Some(i) = self.const_word(v).filter(|w| w & 1 == 1) {
            return self.b.ins().f64const((i >> 1) as f64);
        }
        let float_ty = crate::objects::types().float.bits() as i64;
        if !ints {
            let tag = self.b.ins().band_imm_s(v, 1);
            let obj = self.b.ins().icmp_imm_s(IntCC::Equal, tag, 0);
            self.guard(obj, pc, before, Reason::NotFloat);
            let ty = self.b.ins().load(I64, mf(), v, layout::HEADER_TYPE);
            let is_float = self.b.ins().icmp_imm_s(IntCC::Equal, ty, float_ty);
            self.guard(is_float, pc, before, Reason::NotFloat);
            return self.b.ins().load(F64, mf(), v, layout::DATA_OFFSET);
        }
        let small = self.b.create_block();
        let obj = self.b.create_block();
        let join = self.b.create_block();
        self.b.append_block_param(join, F64);
        let tag = self.b.ins().band_imm_s(v, 1);
        self.b.ins().brif(tag, small, &[], obj, &[]);
        self.b.switch_to_block(small);
        let i = self.b.ins().sshr_imm_s(v, 1);
        let f = self.b.ins().fcvt_from_sint(F64, i);
        self.b.ins().jump(join, &[f.into()]);
        self.b.switch_to_block(obj);
        let ty = self.b.ins().load(I64, mf(), v, layout::HEADER_TYPE);
        let is_float = self.b.ins().icmp_imm_s(IntCC::Equal, ty, float_ty);
        self.guard(is_float, pc, before, Reason::NotFloat);
        let f = self.b.ins().load(F64, mf(), v, layout::DATA_OFFSET);
        self.b.ins().jump(join, &[f.into()]);
        self.b.switch_to_block(join);
        self.b.block_params(join)[0]
    }

    pub(super) fn guard_small(&mut self, a: Value, b: Value, pc: u32, before: &[Value]) {
        // A small-int constant needs no check.
        let both = match (self.small_const(a), self.small_const(b)) {
            (true, true) => return,
            (true, false) => b,
            (false, true) => a,
            (false, false) => self.b.ins().band(a, b),
        };
        let small = self.b.ins().band_imm_s(both, 1);
        self.guard(small, pc, before, Reason::NotSmallInt);
    }

    /// Is `v` surely a float: unboxed, or a float constant of `code`?
    pub(super) fn known_float(&self, code: &Code, v: Value) -> bool {
        self.b.func.dfg.value_type(v) == F64
            || self
                .const_word(v)
                .is_some_and(|w| code.consts.iter().any(|c| c.bits() as i64 == w && c.kind() == Kind::Float))
    }

    /// Is `v` a constant small int (an `iconst` of a tagged word)?
    pub(super) fn small_const(&self, v: Value) -> bool {
        self.const_word(v).is_some_and(|w| w & 1 == 1)
    }

    /// The word `v` is when it is an `iconst`.
    pub(super) fn const_word(&self, v: Value) -> Option<i64> {
        let dfg = &self.b.func.dfg;
        match dfg.value_def(v) {
            ValueDef::Result(inst, _) => match dfg.insts[inst] {
                InstructionData::UnaryImm { opcode: Opcode::Iconst, imm } => Some(imm.bits()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Guards that `r` (an untagged result) fits a small int.
    pub(super) fn guard_range(&mut self, r: Value, pc: u32, before: &[Value]) {
        let t = self.b.ins().ishl_imm_s(r, 1);
        let back = self.b.ins().sshr_imm_s(t, 1);
        let fits = self.b.ins().icmp(IntCC::Equal, back, r);
        self.guard(fits, pc, before, Reason::Overflow);
    }

    /// `a op b` for two small ints, as `objects/int/small.rs` defines it; guards leave
    /// for the interpreter (big ints, errors, other types) with the operands on the stack.
    pub(super) fn small_binop(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        pc: u32,
        before: &[Value],
    ) -> Result<Value, String> {
        self.guard_small(a, b, pc, before);
        let x = self.b.ins().sshr_imm_s(a, 1);
        let y = self.b.ins().sshr_imm_s(b, 1);
        let r = match op {
            BinOp::Add => {
                let r = self.b.ins().iadd(x, y);
                self.guard_range(r, pc, before);
                r
            }
            BinOp::Sub => {
                let r = self.b.ins().isub(x, y);
                self.guard_range(r, pc, before);
                r
            }
            BinOp::Mul => {
                let (r, of) = self.b.ins().smul_overflow(x, y);
                let ok = self.b.ins().icmp_imm_s(IntCC::Equal, of, 0);
                self.guard(ok, pc, before, Reason::Overflow);
                self.guard_range(r, pc, before);
                r
            }
            BinOp::And => self.b.ins().band(x, y),
            BinOp::Or => self.b.ins().bor(x, y),
            BinOp::Xor => self.b.ins().bxor(x, y),
            BinOp::FloorDiv | BinOp::Mod => {
                let nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                self.guard(nz, pc, before, Reason::ZeroDivisor);
                // Both are 62-bit, so `sdiv` cannot trap on MIN / -1.
                let q = self.b.ins().sdiv(x, y);
                let m = self.b.ins().srem(x, y);
                // Python rounds toward negative infinity: adjust when the remainder's
                // sign differs from the divisor's.
                let m_nz = self.b.ins().icmp_imm_s(IntCC::NotEqual, m, 0);
                let signs = self.b.ins().bxor(m, y);
                let differ = self.b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                let adjust = self.b.ins().band(m_nz, differ);
                if op == BinOp::FloorDiv {
                    let one = self.b.ins().uextend(I64, adjust);
                    let q = self.b.ins().isub(q, one);
                    self.guard_range(q, pc, before);
                    q
                } else {
                    let m2 = self.b.ins().iadd(m, y);
                    self.b.ins().select(adjust, m2, m)
                }
            }
            BinOp::RShift => {
                let nonneg = self.b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, y, 0);
                self.guard(nonneg, pc, before, Reason::NegativeShift);
                let c63 = self.b.ins().iconst(I64, 63);
                let s = self.b.ins().umin(y, c63);
                self.b.ins().sshr(x, s)
            }
            BinOp::LShift => {
                let in_range = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThan, y, 63);
                self.guard(in_range, pc, before, Reason::NegativeShift);
                let r = self.b.ins().ishl(x, y);
                let back = self.b.ins().sshr(r, y);
                let kept = self.b.ins().icmp(IntCC::Equal, back, x);
                self.guard(kept, pc, before, Reason::Overflow);
                self.guard_range(r, pc, before);
                r
            }
            _ => return Err(format!("BinaryOp {} reached the lowering", op.symbol())),
        };
        let t = self.b.ins().ishl_imm_s(r, 1);
        Ok(self.b.ins().bor_imm_s(t, 1))
    }

    /// The truth of `v` for a branch when it is True/False or a small int; any other
    /// value leaves for the interpreter (which calls `__bool__`/`__len__`).
    pub(super) fn truth(&mut self, v: Value, pc: u32, before: &[Value]) -> Value {
        let t = crate::objects::py_bool(true).bits() as i64;
        let f = crate::objects::py_bool(false).bits() as i64;
        let is_t = self.b.ins().icmp_imm_s(IntCC::Equal, v, t);
        let is_f = self.b.ins().icmp_imm_s(IntCC::Equal, v, f);
        let small = self.b.ins().band_imm_s(v, 1);
        let small = self.b.ins().icmp_imm_s(IntCC::NotEqual, small, 0);
        let known = self.b.ins().bor(is_t, is_f);
        let known = self.b.ins().bor(known, small);
        self.guard(known, pc, before, Reason::NotBool);
        // A small int is true unless it is 0 (the word 1).
        let nonzero = self.b.ins().icmp_imm_s(IntCC::NotEqual, v, 1);
        let small_true = self.b.ins().band(small, nonzero);
        self.b.ins().bor(is_t, small_true)
    }
}
