//! Function, lambda and class definitions: defaults, keyword defaults, annotations,
//! closures (`LoadClosure` + `BuildTuple`), `MakeFunction`, decorators, and class bodies
//! run through `__build_class__` with their `__class__` cell stored as `__classcell__`.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::{CO_VARARGS, CO_VARKEYWORDS};
use crate::bytecode::opcode::Op;
use crate::compiler::consts::{Const, const_of};
use crate::compiler::unit::{CResult, Compiler, Ctx, find_ann};
use crate::values::Value;

pub const MF_DEFAULTS: u32 = 1;
pub const MF_KWDEFAULTS: u32 = 2;
pub const MF_ANNOTATIONS: u32 = 4;
pub const MF_CLOSURE: u32 = 8;

impl<'a> Compiler<'a> {
    fn scope_of_node<T>(&self, node: &T, range: TextRange) -> CResult<usize> {
        self.table.scope_for(node).ok_or_else(|| self.err(range, "internal error: missing scope"))
    }

    /// Pushes the defaults tuple and kwdefaults dict; returns the MakeFunction flags.
    fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut flags = 0;
        let defs: Vec<&'a Expr> = p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
        if !defs.is_empty() {
            let cs: Option<Vec<Const>> = defs.iter().map(|d| const_of(d)).collect();
            match cs {
                Some(cs) => self.load_const(&Const::Tuple(cs)),
                None => {
                    for d in &defs {
                        self.expr(d)?;
                    }
                    self.emit(Op::BuildTuple, defs.len() as u32);
                }
            }
            flags |= MF_DEFAULTS;
        }
        let mut nkw = 0;
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let n = self.mangle(&a.parameter.name);
                self.load_const(&Const::Str(n));
                self.expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap, nkw);
            flags |= MF_KWDEFAULTS;
        }
        Ok(flags)
    }

    pub fn annotation_value(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let r = e.range();
            let text = self.source.get(usize::from(r.start())..usize::from(r.end())).unwrap_or("");
            self.load_const(&Const::Str(text.to_owned()));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Pushes the annotations dict if there are any; returns the MakeFunction flag.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut n = 0;
        let params = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref());
        for a in params {
            if let Some(an) = &a.annotation {
                let name = self.mangle(&a.name);
                self.load_const(&Const::Str(name));
                self.annotation_value(an)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(&Const::Str("return".into()));
            self.annotation_value(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BuildMap, n);
        Ok(MF_ANNOTATIONS)
    }

    fn set_arg_counts(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= CO_VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= CO_VARKEYWORDS;
        }
    }

    /// Builds the function object for `code` (whose scope is `scope`) on the stack.
    pub fn make_closure(&mut self, code: Value, scope: usize, mut flags: u32, qualname: &str) -> CResult {
        let frees = &self.table.scopes[scope].freevars;
        if !frees.is_empty() {
            for f in frees {
                let Some(i) = self.deref_idx(f) else {
                    return Err(self.err(TextRange::default(), format!("internal error: no cell for '{f}'")));
                };
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, frees.len() as u32);
            flags |= MF_CLOSURE;
        }
        let ci = self.b().add_unique_const(code);
        self.emit(Op::LoadConst, ci);
        self.load_const(&Const::Str(qualname.to_owned()));
        self.emit(Op::MakeFunction, flags);
        Ok(())
    }

    fn first_line(&self, decorators: &[ast::Decorator], range: TextRange) -> u32 {
        let start = decorators.first().map(|d| d.range.start()).unwrap_or(range.start());
        self.line_of(u32::from(start))
    }

    pub fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        // Ruff's range starts at the first decorator; CPython puts the function's
        // creation and the name's store on the `def` line.
        let def_loc =
            if f.decorator_list.is_empty() { f.range } else { TextRange::new(f.name.range.start(), f.range.end()) };
        self.set_loc(def_loc);
        let firstlineno = self.first_line(&f.decorator_list, f.range);
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.annotations(&f.parameters, f.returns.as_deref())?;
        let scope = self.scope_of_node(f, f.range)?;
        let qualname = self.qualname_for(&f.name);
        self.push_unit(scope, &f.name, qualname.clone(), firstlineno);
        self.set_arg_counts(&f.parameters);
        let mut body: &'a [Stmt] = &f.body;
        match self.docstring(body) {
            Some(doc) => {
                self.load_const_first(Const::Str(doc));
                body = &body[1..];
            }
            None => self.load_const_first(Const::None),
        }
        self.set_loc(f.range);
        self.b().line = firstlineno;
        self.emit(Op::Resume, 0);
        self.body(body)?;
        if !self.b().is_terminated() {
            self.load_none();
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.pop_unit();
        self.set_loc(def_loc);
        self.make_closure(code, scope, flags, &qualname)?;
        self.apply_decorators(&f.decorator_list);
        self.set_loc(def_loc);
        self.name_op(&f.name, Ctx::Store);
        Ok(())
    }

    /// Calls the decorators (innermost first), each at its own location.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Op::Call, 1);
        }
    }

    /// Reserves `co_consts[0]` (the docstring or None, as CPython's functions do).
    fn load_const_first(&mut self, c: Const) {
        self.b().add_const(&c);
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let empty = ast::Parameters::default();
        let flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let scope = self.scope_of_node(l, l.range)?;
        let qualname = self.qualname_for("<lambda>");
        let line = self.line_of(u32::from(l.range.start()));
        self.push_unit(scope, "<lambda>", qualname.clone(), line);
        self.set_arg_counts(l.parameters.as_deref().unwrap_or(&empty));
        self.load_const_first(Const::None);
        self.set_loc(l.range);
        self.emit(Op::Resume, 0);
        self.expr(&l.body)?;
        self.set_loc(l.body.range());
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit();
        self.set_loc(l.range);
        self.make_closure(code, scope, flags, &qualname)
    }

    pub fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        if c.type_params.is_some() {
            return Err(self.err(c.range, "type parameters are not supported"));
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let def_loc =
            if c.decorator_list.is_empty() { c.range } else { TextRange::new(c.name.range.start(), c.range.end()) };
        self.set_loc(def_loc);
        let firstlineno = self.first_line(&c.decorator_list, c.range);
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.scope_of_node(c, c.range)?;
        let qualname = self.qualname_for(&c.name);
        self.push_unit(scope, &c.name, qualname.clone(), firstlineno);
        self.set_loc(c.range);
        self.b().line = firstlineno;
        self.emit(Op::Resume, 0);
        let ni = self.name_idx("__name__");
        self.emit(Op::LoadName, ni);
        let mi = self.name_idx("__module__");
        self.emit(Op::StoreName, mi);
        self.load_const(&Const::Str(qualname.clone()));
        let qi = self.name_idx("__qualname__");
        self.emit(Op::StoreName, qi);
        if find_ann(&c.body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        let mut body: &'a [Stmt] = &c.body;
        if let Some(doc) = self.docstring(body) {
            self.set_loc(body[0].range());
            self.load_const(&Const::Str(doc));
            let di = self.name_idx("__doc__");
            self.emit(Op::StoreName, di);
            body = &body[1..];
        }
        self.body(body)?;
        if self.table.scopes[scope].needs_class_closure {
            self.set_loc(c.range);
            self.emit(Op::LoadClosure, 0);
            let ci = self.name_idx("__classcell__");
            self.emit(Op::StoreName, ci);
        }
        self.emit(Op::LoadLocals, 0);
        self.emit(Op::ReturnValue, 0);
        let code = self.pop_unit();
        self.set_loc(def_loc);
        self.make_closure(code, scope, 0, &qualname)?;
        self.load_const(&Const::Str(c.name.to_string()));
        match &c.arguments {
            Some(a) => self.call_helper(2, &a.args, &a.keywords, def_loc)?,
            None => {
                self.set_loc(def_loc);
                self.emit(Op::Call, 2);
            }
        }
        self.apply_decorators(&c.decorator_list);
        self.set_loc(def_loc);
        self.name_op(&c.name, Ctx::Store);
        Ok(())
    }
}
