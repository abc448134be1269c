//! Calls: `LoadMethod`/`CallMethod` for `obj.m(args)`, `Call`, `CallKw` with a kwnames
//! tuple, and `CallEx` with an argument tuple and keyword dict for `*args`/`**kwargs`.

use ruff_python_ast::{self as ast, Expr};

use crate::bytecode::opcode::Op;
use crate::compiler::consts::Const;
use crate::compiler::unit::{CResult, Compiler};

impl<'a> Compiler<'a> {
    pub fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        self.warn(c.range, super::warn::call(&c.func));
        let args = &c.arguments;
        let simple =
            !args.args.iter().any(|a| matches!(a, Expr::Starred(_))) && args.keywords.iter().all(|k| k.arg.is_some());
        if let Expr::Attribute(at) = &*c.func {
            if simple && args.keywords.is_empty() {
                self.expr(&at.value)?;
                self.set_loc_attr(at, at.range);
                let n = self.mangle(&at.attr);
                let i = self.name_idx(&n);
                self.emit(Op::LoadMethod, i);
                for a in args.args.iter() {
                    self.expr(a)?;
                }
                self.set_loc_attr(at, c.range);
                self.emit(Op::CallMethod, args.args.len() as u32);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_helper(0, &args.args, &args.keywords, c.range)
    }

    /// Calls the callable below `n_pre` already-pushed positional arguments with `args`
    /// and `keywords` appended.
    pub fn call_helper(
        &mut self,
        n_pre: u32,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        range: ruff_text_size::TextRange,
    ) -> CResult {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let dstar = keywords.iter().any(|k| k.arg.is_none());
        if !starred && !dstar {
            for a in args {
                self.expr(a)?;
            }
            let n = n_pre + args.len() as u32;
            if keywords.is_empty() {
                self.set_loc(range);
                self.emit(Op::Call, n);
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    names.push(Const::Str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()));
                }
                self.set_loc(range);
                let nk = names.len() as u32;
                self.load_const(&Const::Tuple(names));
                self.emit(Op::CallKw, n + nk);
            }
            return Ok(());
        }
        // Positional arguments as one tuple.
        let lead = args.iter().take_while(|a| !matches!(a, Expr::Starred(_))).count();
        for a in &args[..lead] {
            self.expr(a)?;
        }
        self.emit(Op::BuildList, n_pre + lead as u32);
        for a in &args[lead..] {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.set_loc(range);
                    self.emit(Op::ListExtend, 1);
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Op::ListAppend, 1);
                }
            }
        }
        self.emit(Op::ListToTuple, 0);
        // Keywords as one dict.
        if keywords.is_empty() {
            self.set_loc(range);
            self.emit(Op::CallEx, 0);
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending = 0u32;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(&Const::Str(name.to_string()));
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BuildMap, pending);
                        if have_dict {
                            self.emit(Op::DictMerge, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.set_loc(range);
                    self.emit(Op::DictMerge, 1);
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BuildMap, pending);
            if have_dict {
                self.emit(Op::DictMerge, 1);
            }
        }
        self.set_loc(range);
        self.emit(Op::CallEx, 1);
        Ok(())
    }
}
