//! Statements: assignments and their targets, control flow (if/while/for, break/continue,
//! return), try/except/finally and with via the exception table (CPython 3.11's layout),
//! imports, raise/assert, del, and annotated assignments.

use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::Ranged;

use crate::bytecode::code::CO_ASYNC_GENERATOR;
use crate::bytecode::opcode::{INPLACE, Op};
use crate::compiler::consts::{Const, const_of};
use crate::compiler::expr::binop_arg;
use crate::compiler::symtable::ScopeKind;
use crate::compiler::unit::{CResult, Compiler, Ctx, FKind};

impl<'a> Compiler<'a> {
    pub fn body(&mut self, stmts: &'a [Stmt]) -> CResult {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.range());
        self.cur_stmt_range = s.range();
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.set_loc(s.range());
                        self.emit(Op::Copy, 1);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::TypeAlias(t) => return Err(self.err(t.range, "type aliases are not supported")),
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => self.with_stmt(w, 0)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(s.range());
                self.emit(Op::Raise, n);
            }
            Stmt::Try(t) => {
                // CPython 3.11 keeps a NOP on the `try:` line (a line event for tracers).
                self.emit(Op::Nop, 0);
                if t.is_star && t.finalbody.is_empty() {
                    self.try_star_except(t)?;
                } else if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            // CPython warns about an assert on a tuple even when asserts are dropped.
            Stmt::Assert(a) if self.optimize > 0 => self.warn(s.range(), super::warn::assert(&a.test)),
            Stmt::Assert(a) => {
                self.warn(s.range(), super::warn::assert(&a.test));
                let end = self.label();
                self.jump_if(&a.test, true, end)?;
                // CPython 3.11 reports a failed assert at its test when that is a
                // comparison (its conditional jump keeps the location), else at the statement.
                if matches!(&*a.test, Expr::Compare(_)) {
                    self.set_loc(a.test.range());
                } else {
                    self.set_loc(s.range());
                }
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::Raise, 1);
                self.bind(end);
            }
            Stmt::Import(i) => {
                for al in &i.names {
                    self.set_loc(al.range);
                    self.load_const(&Const::Int(0.into()));
                    self.load_none();
                    let ni = self.name_idx(al.name.as_str());
                    self.emit(Op::ImportName, ni);
                    match &al.asname {
                        Some(asn) => {
                            let parts: Vec<&str> = al.name.split('.').collect();
                            if parts.len() > 1 {
                                for (k, p) in parts.iter().enumerate().skip(1) {
                                    let pi = self.name_idx(p);
                                    self.emit(Op::ImportFrom, pi);
                                    if k + 1 < parts.len() {
                                        self.emit(Op::Swap, 2);
                                        self.emit(Op::PopTop, 0);
                                    }
                                }
                                self.name_op(asn, Ctx::Store);
                                self.emit(Op::PopTop, 0);
                            } else {
                                self.name_op(asn, Ctx::Store);
                            }
                        }
                        None => {
                            let top = al.name.split('.').next().unwrap_or("");
                            self.name_op(top, Ctx::Store);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.load_const(&Const::Int(i.level.into()));
                let star = i.names.len() == 1 && i.names[0].name.as_str() == "*";
                let names: Vec<Const> = i.names.iter().map(|a| Const::Str(a.name.to_string())).collect();
                self.load_const(&Const::Tuple(names));
                let m = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let mi = self.name_idx(m);
                self.emit(Op::ImportName, mi);
                if star {
                    self.emit(Op::ImportStar, 0);
                } else {
                    for al in &i.names {
                        self.set_loc(al.range);
                        let ni = self.name_idx(al.name.as_str());
                        self.emit(Op::ImportFrom, ni);
                        let store = al.asname.as_ref().unwrap_or(&al.name);
                        self.name_op(store, Ctx::Store);
                    }
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Expr(e) => {
                if self.mode == crate::compiler::Mode::Single && self.ur().kind == ScopeKind::Module {
                    self.expr(&e.value)?;
                    self.emit(Op::PrintExpr, 0);
                } else if const_of(&e.value).is_some() {
                    // A constant statement (docstring-like) does nothing.
                    self.emit(Op::Nop, 0);
                } else {
                    self.expr(&e.value)?;
                    self.set_loc(s.range());
                    self.emit(Op::PopTop, 0);
                }
            }
            Stmt::Pass(_) => self.emit(Op::Nop, 0),
            Stmt::Break(b) => {
                let saved = self.b().handler_state();
                let Some(lp) = self.unwind_fblock_stack(false, true)? else {
                    return Err(self.err(b.range, "'break' outside loop"));
                };
                self.unwind_fblock(&lp, false)?;
                self.jump(Op::Jump, lp.exit);
                self.b().set_handler_state(saved);
            }
            Stmt::Continue(c) => {
                let saved = self.b().handler_state();
                let Some(lp) = self.unwind_fblock_stack(false, true)? else {
                    return Err(self.err(c.range, "'continue' not properly in loop"));
                };
                self.jump(Op::JumpBackward, lp.start);
                self.b().set_handler_state(saved);
            }
            Stmt::IpyEscapeCommand(e) => return Err(self.err(e.range, "invalid syntax")),
        }
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        if !self.is_function_unit() {
            return Err(self.err(r.range, "'return' outside function"));
        }
        if r.value.is_some() && self.ur().flags & CO_ASYNC_GENERATOR != 0 {
            return Err(self.err(r.range, "'return' with value in async generator"));
        }
        let saved = self.b().handler_state();
        match &r.value {
            Some(v) => {
                self.expr(v)?;
                self.unwind_fblock_stack(true, false)?;
                self.set_loc(r.range);
            }
            None => {
                self.unwind_fblock_stack(false, false)?;
                self.set_loc(r.range);
                self.load_none();
            }
        }
        self.emit(Op::ReturnValue, 0);
        self.b().set_handler_state(saved);
        Ok(())
    }

    /// Stores TOS into an assignment target.
    pub fn store_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc_attr(a, a.range);
                let n = self.mangle(&a.attr);
                let i = self.name_idx(&n);
                self.emit(Op::StoreAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::StoreSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, t)?;
            }
            Expr::Starred(s) => return Err(self.err(s.range, "starred assignment target must be in a list or tuple")),
            _ => return Err(self.err(t.range(), "cannot assign to expression")),
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], whole: &Expr) -> CResult {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        self.set_loc(whole.range());
        match star {
            Some(si) => {
                if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                    return Err(self.err(whole.range(), "multiple starred expressions in assignment"));
                }
                let before = si as u32;
                let after = (elts.len() - si - 1) as u32;
                if before >= 256 || after >= (1 << 23) {
                    return Err(self.err(whole.range(), "too many expressions in star-unpacking assignment"));
                }
                self.emit(Op::UnpackEx, before | (after << 8));
            }
            None => self.emit(Op::UnpackSequence, elts.len() as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        self.set_loc(t.range());
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let n = self.mangle(&a.attr);
                let i = self.name_idx(&n);
                self.emit(Op::DeleteAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(self.err(t.range(), "cannot delete expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop_arg(a.op) | INPLACE;
        let target = &*a.target;
        // Loads and stores carry the target's location, the operator the statement's.
        self.set_loc(target.range());
        match target {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load),
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::Copy, 1);
                self.set_loc_attr(at, at.range);
                let nm = self.mangle(&at.attr);
                let i = self.name_idx(&nm);
                self.emit(Op::LoadAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
            }
            t => {
                let kind = match t {
                    Expr::Tuple(_) => "tuple",
                    Expr::List(_) => "list",
                    _ => "expression",
                };
                return Err(self.err(t.range(), format!("'{kind}' is an illegal expression for augmented assignment")));
            }
        }
        self.set_loc(a.range);
        self.expr(&a.value)?;
        self.emit(Op::BinaryOp, op);
        self.set_loc(target.range());
        match target {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store),
            Expr::Attribute(at) => {
                self.set_loc_attr(at, at.range);
                let nm = self.mangle(&at.attr);
                let i = self.name_idx(&nm);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreAttr, i);
            }
            _ => {
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let kind = self.ur().kind;
        match &*a.target {
            Expr::Name(n) if a.simple => {
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    self.annotation_value(&a.annotation)?;
                    self.set_loc(a.range);
                    let ai = self.name_idx("__annotations__");
                    self.emit(Op::LoadName, ai);
                    let m = self.mangle(&n.id);
                    self.load_const(&Const::Str(m));
                    self.emit(Op::StoreSubscr, 0);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit(Op::PopTop, 0);
                }
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit(Op::PopTop, 0);
                    self.subscript_index(&s.slice)?;
                    self.emit(Op::PopTop, 0);
                }
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            _ => {
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        Ok(())
    }

    /// The loop-closing jump is not a statement: it takes the line of the instruction
    /// before it, so tracers see no line event for it (CPython's artificial location).
    fn artificial_loc(&mut self) {
        let b = self.b();
        if let Some(&l) = b.lines.last() {
            b.line = l;
        }
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.label();
        let mut next = self.label();
        self.jump_if(&i.test, false, next)?;
        self.body(&i.body)?;
        for c in &i.elif_else_clauses {
            if !self.b().is_terminated() {
                self.jump(Op::Jump, end);
            }
            self.bind(next);
            next = self.label();
            if let Some(t) = &c.test {
                self.set_loc(c.range);
                self.jump_if(t, false, next)?;
            }
            self.body(&c.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.label();
        let anchor = self.label();
        let end = self.label();
        let test_const = const_of(&w.test).map(|c| c.is_true());
        if test_const == Some(false) {
            self.body(&w.orelse)?;
            return Ok(());
        }
        if test_const.is_some() {
            // `while True:` is a line of its own for tracers, as in CPython: a `Nop` on
            // entry and the back edge carry it (each iteration traces the `while` line).
            self.set_loc(w.range);
            self.emit(Op::Nop, 0);
        }
        self.bind(start);
        let before = self.warnings.len();
        if test_const.is_none() {
            self.jump_if(&w.test, false, anchor)?;
        }
        let test_warnings = self.warnings[before..].to_vec();
        self.push_fblock(FKind::WhileLoop, start, end)?;
        self.body(&w.body)?;
        self.pop_fblock();
        // CPython compiles the test again after the body (jumping back while it holds),
        // so its warnings come twice.
        self.warnings.extend(test_warnings);
        if test_const.is_some() {
            self.set_loc(w.range);
        } else {
            self.artificial_loc();
        }
        self.jump(Op::JumpBackward, start);
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let start = self.label();
        let cleanup = self.label();
        let end = self.label();
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetIter, 0);
        self.bind(start);
        self.jump(Op::ForIter, cleanup);
        self.push_fblock(FKind::ForLoop, start, end)?;
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.artificial_loc();
        self.jump(Op::JumpBackward, start);
        self.bind(cleanup);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for` (CPython 3.11's shape): `GetANext` and its `await` run under a handler
    /// whose `EndAsyncFor` ends the loop on StopAsyncIteration.
    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.label();
        let except = self.label();
        let end = self.label();
        self.expr(&f.iter)?;
        self.set_loc(f.range);
        self.emit(Op::GetAIter, 0);
        self.bind(start);
        self.push_fblock(FKind::ForLoop, start, end)?;
        let d = self.b().depth;
        self.b().push_handler(except, false);
        self.emit(Op::GetANext, 0);
        self.await_tos(0);
        self.b().pop_handler();
        self.store_target(&f.target)?;
        self.body(&f.body)?;
        self.pop_fblock();
        self.artificial_loc();
        self.jump(Op::JumpBackward, start);
        self.b().bind_with_depth(except, d + 1);
        self.set_loc(f.iter.range());
        self.emit(Op::EndAsyncFor, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let except = self.label();
        let end = self.label();
        let cleanup = self.label();
        self.b().push_handler(except, false);
        self.push_fblock(FKind::TryExcept, except, except)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.b().pop_handler();
        self.body(&t.orelse)?;
        if !self.b().is_terminated() {
            self.jump(Op::Jump, end);
        }
        self.bind(except);
        let base = self.b().depth;
        // [exc]: the cleanup handler restores the previous handled exception.
        self.b().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FKind::ExceptionHandler, except, except)?;
        let n = t.handlers.len();
        for (hi, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && hi + 1 < n {
                let r = ruff_text_size::TextRange::at(h.range.start(), ruff_text_size::TextSize::from(7));
                return Err(self.err(r, "default 'except:' must be last"));
            }
            let next = self.label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.range);
                self.emit(Op::CheckExcMatch, 0);
                self.jump(Op::PopJumpIfFalse, next);
            }
            let saved = self.b().handler_state();
            match &h.name {
                Some(name) => {
                    self.name_op(name, Ctx::Store);
                    let cleanup_end = self.label();
                    self.b().push_handler(cleanup_end, true);
                    self.push_fblock(FKind::HandlerCleanup(Some(name.to_string())), cleanup_end, cleanup_end)?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.b().pop_handler();
                    self.b().pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.load_none();
                    self.name_op(name, Ctx::Store);
                    self.name_op(name, Ctx::Del);
                    self.jump(Op::Jump, end);
                    self.b().set_handler_state(saved);
                    // The body raised: unbind the name and re-raise.
                    self.b().bind_with_depth(cleanup_end, base + 2);
                    self.load_none();
                    self.name_op(name, Ctx::Store);
                    self.name_op(name, Ctx::Del);
                    self.emit(Op::Reraise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.push_fblock(FKind::HandlerCleanup(None), end, end)?;
                    self.body(&h.body)?;
                    self.pop_fblock();
                    self.b().pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.jump(Op::Jump, end);
                    self.b().set_handler_state(saved);
                }
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.emit(Op::Reraise, 0);
        self.b().pop_handler();
        self.b().bind_with_depth(cleanup, base + 2);
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
        self.bind(end);
        Ok(())
    }

    /// `try` with `except*` clauses (CPython 3.11's compiler_try_star_except).
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let except = self.label();
        let end = self.label();
        let cleanup = self.label();
        let reraise_star = self.label();
        self.b().push_handler(except, false);
        self.push_fblock(FKind::TryExcept, except, except)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.b().pop_handler();
        self.body(&t.orelse)?;
        if !self.b().is_terminated() {
            self.jump(Op::Jump, end);
        }
        self.bind(except);
        let base = self.b().depth; // [exc]
        self.b().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FKind::ExceptionGroupHandler, except, except)?;
        let n = t.handlers.len();
        for (hi, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next = self.label();
            let no_match = self.label();
            if hi == 0 {
                // [prev, exc] → [prev, orig, list, rest]
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.set_loc(h.range);
                    self.emit(Op::CheckEgMatch, 0);
                    self.emit(Op::Copy, 1);
                    self.jump(Op::PopJumpIfNone, no_match);
                }
                None => return Err(self.err(h.range, "expected one or more exception types")),
            }
            let saved = self.b().handler_state();
            let cleanup_end = self.label();
            match &h.name {
                Some(name) => self.name_op(name, Ctx::Store),
                None => self.emit(Op::PopTop, 0),
            }
            self.b().push_handler(cleanup_end, true);
            self.push_fblock(FKind::HandlerCleanup(h.name.as_ref().map(|n| n.to_string())), cleanup_end, cleanup_end)?;
            self.body(&h.body)?;
            self.pop_fblock();
            self.b().pop_handler();
            if let Some(name) = &h.name {
                self.load_none();
                self.name_op(name, Ctx::Store);
                self.name_op(name, Ctx::Del);
            }
            self.jump(Op::Jump, next);
            self.b().set_handler_state(saved);
            // The handler raised: collect that exception.
            self.b().bind_with_depth(cleanup_end, base + 5);
            if let Some(name) = &h.name {
                self.load_none();
                self.name_op(name, Ctx::Store);
                self.name_op(name, Ctx::Del);
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.jump(Op::Jump, next);
            self.b().bind_with_depth(no_match, base + 4);
            self.emit(Op::PopTop, 0);
            self.bind(next);
            if hi + 1 == n {
                self.emit(Op::ListAppend, 1);
                self.jump(Op::Jump, reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.label();
        self.bind(reraise_star);
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Op::PopTop, 0);
        let saved = self.b().handler_state();
        self.b().pop_handler();
        self.emit(Op::PopExcept, 0);
        self.jump(Op::Jump, end);
        self.b().set_handler_state(saved);
        self.bind(reraise);
        self.b().pop_handler();
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.b().bind_with_depth(cleanup, base + 2);
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let end = self.label();
        let exit = self.label();
        let cleanup = self.label();
        self.b().push_handler(end, false);
        let base = self.b().depth;
        self.push_fblock(FKind::FinallyTry(&t.finalbody), end, end)?;
        if t.handlers.is_empty() {
            self.body(&t.body)?;
            self.body(&t.orelse)?;
        } else if t.is_star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.b().pop_handler();
        if !self.b().is_terminated() {
            self.body(&t.finalbody)?;
            if !self.b().is_terminated() {
                self.jump(Op::Jump, exit);
            }
        }
        self.bind(end);
        self.b().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FKind::FinallyEnd, end, end)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        if !self.b().is_terminated() {
            self.emit(Op::Reraise, 0);
        }
        self.b().pop_handler();
        self.b().bind_with_depth(cleanup, base + 3);
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
        self.bind(exit);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult {
        let Some(it) = w.items.get(item) else { return self.body(&w.body) };
        let fin = self.label();
        let exit = self.label();
        let cleanup = self.label();
        let suppress = self.label();
        self.expr(&it.context_expr)?;
        self.set_loc(w.range);
        if w.is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.await_tos(1);
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        let d = self.b().depth;
        self.b().push_handler_at(fin, d - 1, true);
        self.push_fblock(if w.is_async { FKind::AsyncWith } else { FKind::With }, fin, fin)?;
        match &it.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Op::PopTop, 0),
        }
        self.with_stmt(w, item + 1)?;
        self.pop_fblock();
        self.b().pop_handler();
        if !self.b().is_terminated() {
            self.set_loc(w.range);
            self.call_exit_with_nones();
            if w.is_async {
                self.await_tos(2);
            }
            self.emit(Op::PopTop, 0);
            self.jump(Op::Jump, exit);
        }
        self.set_loc(w.range);
        self.b().bind_with_depth(fin, d + 1);
        self.b().push_handler(cleanup, true);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if w.is_async {
            self.await_tos(2);
        }
        self.jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 2);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.b().pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
        self.jump(Op::Jump, exit);
        self.b().bind_with_depth(cleanup, d + 3);
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
        self.bind(exit);
        Ok(())
    }

    /// `x[i]`'s index: slices become `BuildSlice`.
    pub fn subscript_index(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::Slice(s) => self.slice(s),
            _ => self.expr(e),
        }
    }

    pub fn expr_ctx_is_store(ctx: ExprContext) -> bool {
        matches!(ctx, ExprContext::Store)
    }
}
