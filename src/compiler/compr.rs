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
        self.emit(Op::GetIter, 0);
        self.emit(Op::Call, 1);
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
            self.emit(Op::GetIter, 0);
        }
        self.bind(start);
        self.set_loc(g.range);
        self.jump(Op::ForIter, anchor);
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
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.bind(if_cleanup);
        self.set_loc(g.range);
        self.jump(Op::JumpBackward, start);
        self.bind(anchor);
        Ok(())
    }
}
