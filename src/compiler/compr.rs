//! Comprehensions and generator expressions, compiled as nested functions taking the
//! outermost iterator as their `.0` argument (CPython 3.11 style).

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::opcode::Op;
use crate::compiler::unit::{CResult, Compiler};

#[derive(Clone, Copy)]
pub enum CompElt<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

impl<'a> Compiler<'a> {
    pub fn comprehension(
        &mut self,
        key: usize,
        elt: CompElt<'a>,
        gens: &'a [ast::Comprehension],
        range: TextRange,
        name: &str,
    ) -> CResult {
        let Some(first) = gens.first() else { return Err(self.err(range, "invalid syntax")) };
        let Some(&scope) = self.table.by_node.get(&key) else {
            return Err(self.err(range, "internal error: missing comprehension scope"));
        };
        let is_async = self.table.scopes[scope].is_coroutine;
        let qualname = self.qualname_for(name);
        let line = self.line_of(u32::from(range.start()));
        self.push_unit(scope, name, qualname.clone(), line);
        self.u().argcount = 1;
        self.set_loc(range);
        self.emit(Op::Resume, 0);
        match elt {
            CompElt::List(_) => self.emit(Op::BuildList, 0),
            CompElt::Set(_) => self.emit(Op::BuildSet, 0),
            CompElt::Dict(..) => self.emit(Op::BuildMap, 0),
            CompElt::Gen(_) => {}
        }
        self.comp_generator(gens, 0, elt, range)?;
        self.set_loc(range);
        if let CompElt::Gen(_) = elt {
            self.load_none();
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit();
        self.set_loc(range);
        self.make_closure(code, scope, 0, &qualname)?;
        self.expr(&first.iter)?;
        self.set_loc(range);
        self.emit(if first.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        self.emit(Op::Call, 1);
        // An async list/set/dict comprehension is a coroutine: awaited where it is built.
        if is_async && !matches!(elt, CompElt::Gen(_)) {
            self.await_tos(0);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        elt: CompElt<'a>,
        range: TextRange,
    ) -> CResult {
        let g = &gens[i];
        let start = self.label();
        let if_cleanup = self.label();
        let anchor = self.label();
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.expr(&g.iter)?;
            self.set_loc(g.iter.range());
            self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        }
        self.bind(start);
        self.set_loc(g.range);
        // `async for`: the handler around `GetANext`'s await ends the loop (`EndAsyncFor`).
        let depth = self.b().depth;
        if g.is_async {
            self.b().push_handler(anchor, false);
            self.emit(Op::GetANext, 0);
            self.await_tos(0);
            self.b().pop_handler();
        } else {
            self.jump(Op::ForIter, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, elt, range)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match elt {
                CompElt::List(e) => {
                    self.expr(e)?;
                    self.set_loc(range);
                    self.emit(Op::ListAppend, depth);
                }
                CompElt::Set(e) => {
                    self.expr(e)?;
                    self.set_loc(range);
                    self.emit(Op::SetAdd, depth);
                }
                CompElt::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.set_loc(range);
                    self.emit(Op::MapAdd, depth);
                }
                CompElt::Gen(e) => {
                    self.expr(e)?;
                    self.set_loc(range);
                    self.yield_tos();
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.bind(if_cleanup);
        self.set_loc(g.range);
        self.jump(Op::JumpBackward, start);
        if g.is_async {
            self.b().bind_with_depth(anchor, depth + 1);
            self.emit(Op::EndAsyncFor, 0);
        } else {
            self.bind(anchor);
        }
        Ok(())
    }
}
