//! `match` statements. Each pattern consumes the subject on top of the stack and either
//! falls through (matched, captures stored) or jumps to a failure label with the subject
//! popped; partial matches pop what they pushed on the way out.

use ruff_python_ast::{self as ast, Expr, Pattern, Singleton};
use ruff_text_size::Ranged;

use crate::bytecode::opcode::{CmpOp, Op};
use crate::compiler::codegen::Label;
use crate::compiler::consts::{Const, const_of};
use crate::compiler::unit::{CResult, Compiler, Ctx};

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            // An irrefutable case other than the last makes the rest unreachable.
            if i + 1 < n && case.guard.is_none() {
                if let Some(msg) = irrefutable_msg(&case.pattern) {
                    return Err(self.err(case.pattern.range(), format!("{msg} makes remaining patterns unreachable")));
                }
            }
            let mut names = Vec::new();
            self.check_pattern(&case.pattern, &mut names)?;
            let next = self.label();
            self.set_loc(case.pattern.range());
            self.emit(Op::Copy, 1);
            self.pattern(&case.pattern, next)?;
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next)?;
            }
            self.set_loc(case.range);
            self.emit(Op::PopTop, 0);
            self.body(&case.body)?;
            if !self.b().is_terminated() {
                self.jump(Op::Jump, end);
            }
            self.bind(next);
        }
        self.emit(Op::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    /// CPython's compile-time pattern checks: repeated captures, or-patterns binding
    /// different names or with an irrefutable alternative first, duplicate mapping keys.
    fn check_pattern(&self, p: &Pattern, names: &mut Vec<String>) -> CResult {
        let bind = |n: &ast::Identifier, names: &mut Vec<String>| -> CResult {
            if names.iter().any(|x| x == n.as_str()) {
                return Err(self.err(n.range, format!("multiple assignments to name '{}' in pattern", n.as_str())));
            }
            names.push(n.to_string());
            Ok(())
        };
        match p {
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => {
                for x in &s.patterns {
                    self.check_pattern(x, names)?;
                }
            }
            Pattern::MatchMapping(m) => {
                let mut seen: Vec<Const> = Vec::new();
                for k in &m.keys {
                    if let Some(c) = const_of(k) {
                        if seen.contains(&c) {
                            return Err(
                                self.err(m.range, format!("mapping pattern checks duplicate key ({})", const_repr(&c)))
                            );
                        }
                        seen.push(c);
                    }
                }
                for x in &m.patterns {
                    self.check_pattern(x, names)?;
                }
                if let Some(r) = &m.rest {
                    bind(r, names)?;
                }
            }
            Pattern::MatchClass(c) => {
                for x in c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern)) {
                    self.check_pattern(x, names)?;
                }
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    bind(n, names)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.check_pattern(x, names)?;
                }
                if let Some(n) = &a.name {
                    bind(n, names)?;
                }
            }
            Pattern::MatchOr(o) => {
                let mut first: Option<Vec<String>> = None;
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < n {
                        if let Some(msg) = irrefutable_msg(alt) {
                            return Err(self.err(alt.range(), format!("{msg} makes remaining patterns unreachable")));
                        }
                    }
                    let mut alt_names = names.clone();
                    self.check_pattern(alt, &mut alt_names)?;
                    let mut new: Vec<String> = alt_names[names.len()..].to_vec();
                    new.sort();
                    match &first {
                        None => first = Some(new),
                        Some(f) if *f != new => {
                            return Err(self.err(alt.range(), "alternative patterns bind different names"));
                        }
                        _ => {}
                    }
                }
                if let Some(f) = first {
                    names.extend(f);
                }
            }
        }
        Ok(())
    }

    /// A failure exit that pops `n` items first, placed out of line: returns the label
    /// to jump to and the code is emitted by `emit_fail_blocks`.
    fn fail_pop(&mut self, n: u32, fail: Label, pending: &mut Vec<(Label, u32, Label)>) -> Label {
        if n == 0 {
            return fail;
        }
        let l = self.label();
        pending.push((l, n, fail));
        l
    }

    fn emit_fail_blocks(&mut self, pending: Vec<(Label, u32, Label)>, ok: Label) {
        if pending.is_empty() {
            return;
        }
        if !self.b().is_terminated() {
            self.jump(Op::Jump, ok);
        }
        for (l, n, fail) in pending {
            self.bind(l);
            for _ in 0..n {
                self.emit(Op::PopTop, 0);
            }
            self.jump(Op::Jump, fail);
        }
    }

    fn store_capture(&mut self, name: &ast::Identifier) -> CResult {
        if name.as_str() == "_" {
            return Err(self.err(name.range, "cannot use '_' as a target"));
        }
        self.name_op(name, Ctx::Store);
        Ok(())
    }

    pub fn pattern(&mut self, p: &'a Pattern, fail: Label) -> CResult {
        self.set_loc(p.range());
        let ok = self.label();
        let mut pending = Vec::new();
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.set_loc(p.range());
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
                self.jump(Op::PopJumpIfFalse, fail);
            }
            Pattern::MatchSingleton(s) => {
                let c = match s.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::Bool(true),
                    Singleton::False => Const::Bool(false),
                };
                self.load_const(&c);
                self.emit(Op::IsOp, 0);
                self.jump(Op::PopJumpIfFalse, fail);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Op::PopTop, 0),
                (None, Some(n)) => self.name_op(n, Ctx::Store),
                (Some(sub), None) => self.pattern(sub, fail)?,
                (Some(sub), Some(n)) => {
                    self.emit(Op::Copy, 1);
                    let f = self.fail_pop(1, fail, &mut pending);
                    self.pattern(sub, f)?;
                    self.store_capture(n)?;
                }
            },
            Pattern::MatchOr(o) => {
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < n {
                        let next = self.label();
                        self.emit(Op::Copy, 1);
                        self.pattern(alt, next)?;
                        self.emit(Op::PopTop, 0);
                        self.jump(Op::Jump, ok);
                        self.bind(next);
                    } else {
                        self.pattern(alt, fail)?;
                    }
                }
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, fail, &mut pending)?,
            Pattern::MatchStar(s) => return Err(self.err(s.range, "can't use starred name here")),
            Pattern::MatchMapping(m) => {
                let f1 = self.fail_pop(1, fail, &mut pending);
                self.emit(Op::MatchMapping, 0);
                self.jump(Op::PopJumpIfFalse, f1);
                let nk = m.keys.len() as u32;
                if nk > 0 {
                    self.emit(Op::GetLen, 0);
                    self.load_const(&Const::Int(nk.into()));
                    self.emit(Op::CompareOp, CmpOp::Ge as u32);
                    self.jump(Op::PopJumpIfFalse, f1);
                }
                if nk == 0 && m.rest.is_none() {
                    self.emit(Op::PopTop, 0);
                } else {
                    for k in &m.keys {
                        if !matches!(
                            k,
                            Expr::Attribute(_)
                                | Expr::NumberLiteral(_)
                                | Expr::StringLiteral(_)
                                | Expr::BytesLiteral(_)
                                | Expr::NoneLiteral(_)
                                | Expr::BooleanLiteral(_)
                                | Expr::UnaryOp(_)
                                | Expr::BinOp(_)
                        ) {
                            return Err(self
                                .err(k.range(), "mapping pattern keys may only match literals and attribute lookups"));
                        }
                        self.expr(k)?;
                    }
                    self.emit(Op::BuildTuple, nk);
                    // [subject, keys] → [subject, keys, values|None]
                    self.emit(Op::MatchKeys, 0);
                    self.emit(Op::Copy, 1);
                    self.load_none();
                    self.emit(Op::IsOp, 1);
                    let f3 = self.fail_pop(3, fail, &mut pending);
                    self.jump(Op::PopJumpIfFalse, f3);
                    self.emit(Op::UnpackSequence, nk);
                    for (i, sub) in m.patterns.iter().enumerate() {
                        let remaining = nk - i as u32 - 1;
                        let f = self.fail_pop(remaining + 2, fail, &mut pending);
                        self.pattern(sub, f)?;
                    }
                    match &m.rest {
                        Some(r) => {
                            self.emit(Op::CopyDictWithoutKeys, 0);
                            self.store_capture(r)?;
                            self.emit(Op::PopTop, 0);
                        }
                        None => {
                            self.emit(Op::PopTop, 0);
                            self.emit(Op::PopTop, 0);
                        }
                    }
                }
            }
            Pattern::MatchClass(c) => {
                let args = &c.arguments;
                self.expr(&c.cls)?;
                let names: Vec<Const> = args.keywords.iter().map(|k| Const::Str(k.attr.to_string())).collect();
                self.load_const(&Const::Tuple(names));
                self.set_loc(p.range());
                self.emit(Op::MatchClass, args.patterns.len() as u32);
                self.emit(Op::Copy, 1);
                self.load_none();
                self.emit(Op::IsOp, 1);
                let f1 = self.fail_pop(1, fail, &mut pending);
                self.jump(Op::PopJumpIfFalse, f1);
                let total = (args.patterns.len() + args.keywords.len()) as u32;
                self.emit(Op::UnpackSequence, total);
                let subs = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern));
                for (i, sub) in subs.enumerate() {
                    let remaining = total - i as u32 - 1;
                    let f = self.fail_pop(remaining, fail, &mut pending);
                    self.pattern(sub, f)?;
                }
            }
        }
        self.emit_fail_blocks(pending, ok);
        self.bind(ok);
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        pats: &'a [Pattern],
        fail: Label,
        pending: &mut Vec<(Label, u32, Label)>,
    ) -> CResult {
        let star = pats.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        if pats.iter().filter(|p| matches!(p, Pattern::MatchStar(_))).count() > 1 {
            return Err(self.err(pats[1].range(), "multiple starred names in sequence pattern"));
        }
        let n = pats.len() as u32;
        let f1 = self.fail_pop(1, fail, pending);
        self.emit(Op::MatchSequence, 0);
        self.jump(Op::PopJumpIfFalse, f1);
        self.emit(Op::GetLen, 0);
        match star {
            Some(_) => {
                self.load_const(&Const::Int((n - 1).into()));
                self.emit(Op::CompareOp, CmpOp::Ge as u32);
            }
            None => {
                self.load_const(&Const::Int(n.into()));
                self.emit(Op::CompareOp, CmpOp::Eq as u32);
            }
        }
        self.jump(Op::PopJumpIfFalse, f1);
        match star {
            Some(si) => {
                let before = si as u32;
                let after = n - before - 1;
                if before >= 256 || after >= (1 << 23) {
                    return Err(self.err(pats[si].range(), "too many expressions in star-unpacking sequence pattern"));
                }
                self.emit(Op::UnpackEx, before | (after << 8));
            }
            None => self.emit(Op::UnpackSequence, n),
        }
        for (i, sub) in pats.iter().enumerate() {
            let remaining = n - i as u32 - 1;
            let f = self.fail_pop(remaining, fail, pending);
            match sub {
                Pattern::MatchStar(s) => match &s.name {
                    Some(name) => self.store_capture(name)?,
                    None => self.emit(Op::PopTop, 0),
                },
                _ => self.pattern(sub, f)?,
            }
        }
        Ok(())
    }
}

/// `repr()` of a constant, for error messages.
fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(b) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Const::Int(i) => i.to_string(),
        Const::Float(f) => format!("{f:?}"),
        Const::Str(s) => format!("'{s}'"),
        Const::Bytes(b) => format!("b'{}'", String::from_utf8_lossy(b)),
        _ => "...".into(),
    }
}

/// Why a pattern is irrefutable, in CPython's words, if it is.
fn irrefutable_msg(p: &Pattern) -> Option<String> {
    match p {
        Pattern::MatchAs(a) if a.pattern.is_none() => match &a.name {
            Some(n) => Some(format!("name capture '{}'", n.as_str())),
            None => Some("wildcard".into()),
        },
        Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable_msg),
        _ => None,
    }
}
