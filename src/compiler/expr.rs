//! Expressions: operators, comparisons (chained with `Swap`/`Copy`), boolean operators and
//! conditional jumps, displays (list/tuple/set/dict with unpacking), attributes,
//! subscripts and slices, walrus, yield and `yield from`.

use ruff_python_ast::{self as ast, BoolOp, CmpOp as AstCmp, Expr, Operator, UnaryOp};
use ruff_text_size::Ranged;

use crate::bytecode::code::CO_ASYNC_GENERATOR;
use crate::bytecode::opcode::{BinOp, CmpOp, Op};
use crate::compiler::codegen::Label;
use crate::compiler::compr::CompElt;
use crate::compiler::consts::{Const, const_of};
use crate::compiler::symtable::{ScopeKind, node_key};
use crate::compiler::unit::{CResult, Compiler, Ctx};

pub fn binop_arg(op: Operator) -> u32 {
    (match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
        Operator::BitAnd => BinOp::And,
        Operator::FloorDiv => BinOp::FloorDiv,
    }) as u32
}

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack.
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.loc();
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.restore_loc(saved);
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = const_of(e) {
            self.load_const(&c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.label();
                let op = if b.op == BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.set_loc(b.range);
                        self.jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.set_loc(n.range);
                self.emit(Op::Copy, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_loc(b.range);
                self.emit(Op::BinaryOp, binop_arg(b.op));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.set_loc(u.range);
                let op = match u.op {
                    UnaryOp::Invert => Op::UnaryInvert,
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::UAdd => Op::UnaryPositive,
                    UnaryOp::USub => Op::UnaryNegative,
                };
                self.emit(op, 0);
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.label();
                let end = self.label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Op::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.sequence_display(&s.elts, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false)?,
            Expr::List(l) => self.sequence_display(&l.elts, Op::BuildList, Op::ListAppend, Op::ListExtend, false)?,
            Expr::Tuple(t) => self.sequence_display(&t.elts, Op::BuildTuple, Op::ListAppend, Op::ListExtend, true)?,
            Expr::ListComp(c) => {
                self.comprehension(node_key(c), CompElt::List(&c.elt), &c.generators, c.range, "<listcomp>")?
            }
            Expr::SetComp(c) => {
                self.comprehension(node_key(c), CompElt::Set(&c.elt), &c.generators, c.range, "<setcomp>")?
            }
            Expr::DictComp(c) => {
                self.comprehension(node_key(c), CompElt::Dict(&c.key, &c.value), &c.generators, c.range, "<dictcomp>")?
            }
            Expr::Generator(c) => {
                self.comprehension(node_key(c), CompElt::Gen(&c.elt), &c.generators, c.range, "<genexpr>")?
            }
            // The symbol table has checked where `await` may appear.
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.await_tos(0);
            }
            Expr::Yield(y) => {
                if !self.is_function_unit() {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.set_loc(y.range);
                self.yield_tos();
            }
            Expr::YieldFrom(y) => {
                if !self.is_function_unit() {
                    return Err(self.err(y.range, "'yield' outside function"));
                }
                self.expr(&y.value)?;
                self.set_loc(y.range);
                self.emit(Op::GetYieldFromIter, 0);
                self.load_none();
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return Err(self.err(t.range, "template strings are not supported")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                if let Some(c) = const_of(e) {
                    self.load_const(&c);
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc_attr(a, a.range);
                let n = self.mangle(&a.attr);
                let i = self.name_idx(&n);
                self.emit(Op::LoadAttr, i);
            }
            Expr::Subscript(s) => {
                self.warn(s.range, super::warn::subscript(&s.value, &s.slice));
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::BinarySubscr, 0);
            }
            Expr::Starred(s) => return Err(self.err(s.range, "can't use starred expression here")),
            Expr::Name(n) if n.id.as_str() == "__debug__" => self.load_const(&Const::Bool(self.optimize == 0)),
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load),
            Expr::Slice(s) => self.slice(s)?,
            Expr::IpyEscapeCommand(e) => return Err(self.err(e.range, "invalid syntax")),
        }
        Ok(())
    }

    /// `yield` of TOS; an async generator wraps the value first (`AsyncGenWrap`).
    pub fn yield_tos(&mut self) {
        if self.ur().flags & CO_ASYNC_GENERATOR != 0 {
            self.emit(Op::AsyncGenWrap, 0);
        }
        self.emit(Op::YieldValue, 0);
    }

    /// `await` of TOS: `GetAwaitable` (`kind` words its error: 0 `await`, 1 `__aenter__`,
    /// 2 `__aexit__`) and the `yield from` loop, as CPython 3.11 compiles it.
    pub fn await_tos(&mut self, kind: u32) {
        self.emit(Op::GetAwaitable, kind);
        self.load_none();
        self.yield_from_loop();
    }

    /// The `Send`/`YieldValue` loop of `yield from` on `[iter, None]` → `[result]`.
    pub fn yield_from_loop(&mut self) {
        let start = self.label();
        let exit = self.label();
        self.bind(start);
        self.jump(Op::Send, exit);
        self.emit(Op::YieldValue, 0);
        self.jump(Op::JumpBackward, start);
        self.bind(exit);
    }

    pub fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult {
        match &s.lower {
            Some(l) => self.expr(l)?,
            None => self.load_none(),
        }
        match &s.upper {
            Some(u) => self.expr(u)?,
            None => self.load_none(),
        }
        let mut n = 2;
        if let Some(st) = &s.step {
            self.expr(st)?;
            n = 3;
        }
        self.set_loc(s.range);
        self.emit(Op::BuildSlice, n);
        Ok(())
    }

    fn cmp_op(&mut self, op: AstCmp) {
        match op {
            AstCmp::Eq => self.emit(Op::CompareOp, CmpOp::Eq as u32),
            AstCmp::NotEq => self.emit(Op::CompareOp, CmpOp::Ne as u32),
            AstCmp::Lt => self.emit(Op::CompareOp, CmpOp::Lt as u32),
            AstCmp::LtE => self.emit(Op::CompareOp, CmpOp::Le as u32),
            AstCmp::Gt => self.emit(Op::CompareOp, CmpOp::Gt as u32),
            AstCmp::GtE => self.emit(Op::CompareOp, CmpOp::Ge as u32),
            AstCmp::Is => self.emit(Op::IsOp, 0),
            AstCmp::IsNot => self.emit(Op::IsOp, 1),
            AstCmp::In => self.emit(Op::ContainsOp, 0),
            AstCmp::NotIn => self.emit(Op::ContainsOp, 1),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.warn(c.range, super::warn::compare(c));
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_loc(c.range);
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.label();
        let end = self.label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.set_loc(c.range);
            self.emit(Op::Swap, 2);
            self.emit(Op::Copy, 2);
            self.cmp_op(c.ops[i]);
            self.jump(Op::JumpIfFalseOrPop, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.set_loc(c.range);
        self.cmp_op(c.ops[n - 1]);
        self.jump(Op::Jump, end);
        self.bind(cleanup);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` when `e`'s truth equals `cond`, without materialising booleans
    /// for `not`, `and`/`or` and comparisons (CPython's compiler_jump_if).
    pub fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => return self.jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond { self.label() } else { target };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, cond2, next2)?;
                }
                self.jump_if(&b.values[n - 1], cond, target)?;
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            // `x is None` / `x is not None`: one conditional jump on None.
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], AstCmp::Is | AstCmp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                self.warn(c.range, super::warn::compare(c));
                self.expr(&c.left)?;
                self.set_loc(c.range);
                let is = c.ops[0] == AstCmp::Is;
                let op = if is == cond { Op::PopJumpIfNone } else { Op::PopJumpIfNotNone };
                self.jump(op, target);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.warn(c.range, super::warn::compare(c));
                self.expr(&c.left)?;
                let n = c.ops.len();
                let cleanup = self.label();
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i])?;
                    self.set_loc(c.range);
                    self.emit(Op::Swap, 2);
                    self.emit(Op::Copy, 2);
                    self.cmp_op(c.ops[i]);
                    self.jump(Op::PopJumpIfFalse, cleanup);
                }
                self.expr(&c.comparators[n - 1])?;
                self.set_loc(c.range);
                self.cmp_op(c.ops[n - 1]);
                self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
                let end = self.label();
                self.jump(Op::Jump, end);
                self.bind(cleanup);
                self.emit(Op::PopTop, 0);
                if !cond {
                    self.jump(Op::Jump, target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.set_loc(e.range());
        self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
        Ok(())
    }

    /// List/set/tuple displays, with `*x` unpacking built through a list.
    fn sequence_display(&mut self, elts: &'a [Expr], build: Op, add: Op, extend: Op, tuple: bool) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            // Long constant lists and sets: build from a constant tuple (as CPython does; a
            // set display's SetUpdate from a tuple replays CPython's constant frozenset).
            if (build == Op::BuildList || build == Op::BuildSet) && elts.len() > 2 {
                let cs: Option<Vec<Const>> = elts.iter().map(const_of).collect();
                if let Some(cs) = cs {
                    self.emit(build, 0);
                    self.load_const(&Const::Tuple(cs));
                    self.emit(extend, 1);
                    return Ok(());
                }
            }
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let outer = if tuple { Op::BuildList } else { build };
        let (add, extend) = if tuple { (Op::ListAppend, Op::ListExtend) } else { (add, extend) };
        let lead = elts.iter().take_while(|e| !matches!(e, Expr::Starred(_))).count();
        for x in &elts[..lead] {
            self.expr(x)?;
        }
        self.emit(outer, lead as u32);
        for x in &elts[lead..] {
            match x {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(x)?;
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult {
        let items = &d.items;
        let has_unpack = items.iter().any(|i| i.key.is_none());
        if !has_unpack {
            let keys: Option<Vec<Const>> = items.iter().map(|i| i.key.as_ref().and_then(const_of)).collect();
            match keys {
                Some(keys) if items.len() > 1 => {
                    for it in items {
                        self.expr(&it.value)?;
                    }
                    self.set_loc(d.range);
                    let n = keys.len() as u32;
                    self.load_const(&Const::Tuple(keys));
                    self.emit(Op::BuildConstKeyMap, n);
                }
                _ => {
                    for it in items {
                        if let Some(k) = &it.key {
                            self.expr(k)?;
                        }
                        self.expr(&it.value)?;
                    }
                    self.set_loc(d.range);
                    self.emit(Op::BuildMap, items.len() as u32);
                }
            }
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0u32;
        for it in items {
            match &it.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&it.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BuildMap, pending);
                        if have_dict {
                            self.emit(Op::DictUpdate, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(&it.value)?;
                    self.set_loc(d.range);
                    self.emit(Op::DictUpdate, 1);
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap, pending);
            self.emit(Op::DictUpdate, 1);
        }
        Ok(())
    }

    /// Is this unit a class body (names resolve through the locals dict)?
    pub fn in_class(&self) -> bool {
        self.ur().kind == ScopeKind::Class
    }
}
