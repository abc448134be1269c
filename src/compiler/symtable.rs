//! Symbol tables: one scope per module, class, function, lambda and comprehension, with
//! every name resolved to local / global (explicit or implicit) / free / cell following
//! CPython 3.11's `symtable.c` (including the implicit `__class__` cell for `super()`,
//! walrus targets in comprehensions binding in the enclosing function, and the
//! `global`/`nonlocal` SyntaxErrors).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::{self as ast, Expr, ExprContext, Mod, Pattern, Stmt};
use ruff_text_size::TextRange;

use super::{CompileError, error_at};

pub const DEF_GLOBAL: u32 = 1;
pub const DEF_LOCAL: u32 = 2;
pub const DEF_PARAM: u32 = 4;
pub const DEF_NONLOCAL: u32 = 8;
pub const USE: u32 = 16;
pub const DEF_FREE_CLASS: u32 = 32;
pub const DEF_IMPORT: u32 = 64;
pub const DEF_ANNOT: u32 = 128;
pub const DEF_COMP_ITER: u32 = 256;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Where a name lives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Sc {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: HashMap<String, u32>,
    /// Symbol names in order of first occurrence.
    pub order: Vec<String>,
    /// Parameter names in `co_varnames` order.
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub resolved: HashMap<String, Sc>,
    pub is_generator: bool,
    /// An `async def`, or a comprehension with `async for` or `await` (CPython's
    /// ste_coroutine): with `is_generator`, an async generator.
    pub is_coroutine: bool,
    pub needs_class_closure: bool,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub nested: bool,
    /// The class name private names are mangled with.
    pub private: Option<String>,
    /// Where each `global`/`nonlocal` directive was, for error locations.
    directives: HashMap<String, TextRange>,
    /// Which comprehension kind (for error messages): "list comprehension", ...
    pub comp_kind: &'static str,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, private: Option<String>, nested: bool) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            symbols: HashMap::default(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            resolved: HashMap::default(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            cellvars: Vec::new(),
            freevars: Vec::new(),
            nested,
            private,
            directives: HashMap::default(),
            comp_kind: "",
        }
    }
    /// The scope of `name` (already mangled), defaulting like CPython for names the
    /// compiler synthesises.
    pub fn scope_of(&self, name: &str) -> Sc {
        match self.resolved.get(name) {
            Some(s) => *s,
            None => {
                if self.kind.is_function_like() {
                    Sc::GlobalImplicit
                } else {
                    Sc::GlobalImplicit
                }
            }
        }
    }
    pub fn flags(&self, name: &str) -> u32 {
        self.symbols.get(name).copied().unwrap_or(0)
    }
}

pub struct SymTable {
    pub scopes: Vec<Scope>,
    /// Scope index by the address of the AST node that opens it.
    pub by_node: HashMap<usize, usize>,
}

impl SymTable {
    pub fn scope_for<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// CPython's private name mangling: `__x` inside `class C` → `_C__x`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(cls) = private else { return name.to_owned() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder<'a> {
    source: &'a str,
    filename: &'a str,
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    /// Inside a comprehension's iterable expression (where walrus is forbidden).
    in_comp_iter: u32,
    /// Nesting depth of statements and expressions (CPython's compiler recursion limit).
    depth: u32,
}

/// CPython's compiler gives up past this nesting (its C recursion limit, 1000 × 3).
pub const MAX_DEPTH: u32 = 2993;

/// The error CPython raises for too deeply nested code.
pub fn recursion_error(filename: &str) -> CompileError {
    CompileError {
        kind: "RecursionError",
        msg: "maximum recursion depth exceeded during compilation".into(),
        filename: filename.into(),
        line: 0,
        col: 0,
        end_col: 0,
        text: String::new(),
        located: super::Located::MessageOnly,
    }
}

type R = Result<(), CompileError>;

impl<'a> Builder<'a> {
    fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        error_at(self.source, self.filename, range, msg)
    }
    /// An `invalid syntax` of CPython's grammar that Ruff's parser accepts (reported as the
    /// parser's, with the source line).
    fn grammar_err(&self, range: TextRange) -> CompileError {
        CompileError { located: super::Located::Full, ..self.err(range, "invalid syntax") }
    }
    fn cur(&self) -> usize {
        *self.stack.last().unwrap_or(&0)
    }
    fn cur_scope(&mut self) -> &mut Scope {
        let c = self.cur();
        &mut self.scopes[c]
    }
    fn mangle(&self, name: &str) -> String {
        mangle(self.scopes[self.cur()].private.as_deref(), name)
    }

    fn add_def_in(&mut self, scope: usize, name: &str, flag: u32, range: TextRange) -> R {
        if flag & (DEF_PARAM | DEF_IMPORT) != 0 && name == "__debug__" {
            return Err(self.err(range, "cannot assign to __debug__"));
        }
        let name = mangle(self.scopes[scope].private.as_deref(), name);
        let s = &mut self.scopes[scope];
        let old = s.symbols.get(&name).copied().unwrap_or(0);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(self.err(range, format!("duplicate argument '{name}' in function definition")));
        }
        if !s.symbols.contains_key(&name) {
            s.order.push(name.clone());
        }
        s.symbols.insert(name.clone(), old | flag);
        if flag & DEF_PARAM != 0 {
            s.params.push(name);
        }
        Ok(())
    }
    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let c = self.cur();
        self.add_def_in(c, name, flag, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize) -> usize {
        let parent = self.cur();
        let p = &self.scopes[parent];
        let nested = p.nested || p.kind.is_function_like();
        let private = if kind == ScopeKind::Class { Some(name.to_owned()) } else { p.private.clone() };
        let idx = self.scopes.len();
        self.scopes.push(Scope::new(kind, name, private, nested));
        self.scopes[parent].children.push(idx);
        self.by_node.insert(key, idx);
        self.stack.push(idx);
        idx
    }
    fn leave(&mut self) {
        self.stack.pop();
    }

    fn body(&mut self, stmts: &[Stmt]) -> R {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params_defaults(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }
    fn params_annotations(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(an) = &a.parameter.annotation {
                self.expr(an)?;
            }
        }
        for a in p.vararg.iter().chain(&p.kwarg) {
            if let Some(an) = &a.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }
    fn params_define(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(&a.parameter.name, DEF_PARAM, a.parameter.range)?;
        }
        if let Some(a) = &p.vararg {
            self.add_def(&a.name, DEF_PARAM, a.range)?;
        }
        if let Some(a) = &p.kwarg {
            self.add_def(&a.name, DEF_PARAM, a.range)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(self.filename));
        }
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, f.name.range)?;
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.params_defaults(&f.parameters)?;
                self.params_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                let idx = self.enter(ScopeKind::Function, &f.name, node_key(f));
                self.scopes[idx].is_coroutine = f.is_async;
                self.params_define(&f.parameters)?;
                self.body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, c.name.range)?;
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(a) = &c.arguments {
                    // `class A(x for x in y)`: CPython's grammar has no bare generator
                    // argument in a class header.
                    if let Some(Expr::Generator(g)) = a.args.first().filter(|_| a.args.len() == 1) {
                        if let Some(first) = g.generators.first().filter(|_| !g.parenthesized) {
                            return Err(self.grammar_err(TextRange::at(first.range.start(), 3.into())));
                        }
                    }
                    for e in a.args.iter() {
                        self.expr(e)?;
                    }
                    for k in a.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.enter(ScopeKind::Class, &c.name, node_key(c));
                self.body(&c.body)?;
                self.leave();
            }
            Stmt::Return(r) => {
                if !self.scopes[self.cur()].kind.is_function_like() {
                    return Err(self.err(r.range, "'return' outside function"));
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let name = self.mangle(&n.id);
                    let cur = self.scopes[self.cur()].flags(&name);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        let which = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(a.range, format!("annotated name '{name}' can't be {which}")));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_LOCAL | DEF_ANNOT, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.expr(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(self.err(t.range, "type aliases are not supported")),
            Stmt::For(f) => {
                if f.is_async && !self.in_async_function() {
                    return Err(self.err(f.range, "'async for' outside async function"));
                }
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.body(&f.body)?;
                self.body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async && !self.in_async_function() {
                    return Err(self.err(w.range, "'async with' outside async function"));
                }
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(e) = &r.cause {
                    self.expr(e)?;
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, n.range)?;
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.orelse)?;
                self.body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.add_def(n, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        // `from m import (*)` is not in CPython's grammar.
                        let head = &self.source[usize::from(i.range.start())..usize::from(a.range.start())];
                        if head.trim_end().ends_with('(') {
                            return Err(self.grammar_err(a.range));
                        }
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(self.err(a.range, "import * only allowed at module level"));
                        }
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(n, DEF_IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = self.mangle(n);
                    let cur = self.scopes[self.cur()].flags(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_IMPORT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "is parameter and global"
                        } else if cur & USE != 0 {
                            "is used prior to global declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            return Err(self.err(g.range, format!("annotated name '{name}' can't be global")));
                        } else {
                            "is assigned to before global declaration"
                        };
                        return Err(self.err(g.range, format!("name '{name}' {msg}")));
                    }
                    self.add_def(n, DEF_GLOBAL, n.range)?;
                    self.cur_scope().directives.entry(name).or_insert(g.range);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.scopes[self.cur()].kind == ScopeKind::Module {
                    return Err(self.err(g.range, "nonlocal declaration not allowed at module level"));
                }
                for n in &g.names {
                    let name = self.mangle(n);
                    let cur = self.scopes[self.cur()].flags(&name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT | DEF_IMPORT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            "is parameter and nonlocal"
                        } else if cur & USE != 0 {
                            "is used prior to nonlocal declaration"
                        } else if cur & DEF_ANNOT != 0 {
                            return Err(self.err(g.range, format!("annotated name '{name}' can't be nonlocal")));
                        } else {
                            "is assigned to before nonlocal declaration"
                        };
                        return Err(self.err(g.range, format!("name '{name}' {msg}")));
                    }
                    self.add_def(n, DEF_NONLOCAL, n.range)?;
                    self.cur_scope().directives.entry(name).or_insert(g.range);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(self.err(e.range, "invalid syntax")),
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> R {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
                Ok(())
            }
            Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add_def(r, DEF_LOCAL, r.range)?;
                }
                Ok(())
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
                Ok(())
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
                Ok(())
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(n, DEF_LOCAL, n.range)?;
                }
                Ok(())
            }
            Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        key: usize,
        name: &str,
        kind: &'static str,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
        range: TextRange,
    ) -> R {
        let Some(first) = gens.first() else { return Ok(()) };
        self.in_comp_iter += 1;
        self.expr(&first.iter)?;
        self.in_comp_iter -= 1;
        let idx = self.enter(ScopeKind::Comprehension, name, key);
        self.scopes[idx].comp_kind = kind;
        self.scopes[idx].is_generator = is_gen;
        self.add_def(".0", DEF_PARAM, first.range)?;
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.in_comp_iter += 1;
                self.expr(&g.iter)?;
                self.in_comp_iter -= 1;
            }
            self.comp_target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        if gens.iter().any(|g| g.is_async) {
            self.scopes[idx].is_coroutine = true;
        }
        self.leave();
        // An async list/set/dict comprehension is awaited where it is built: only in an
        // async function or another comprehension (a generator expression becomes an async
        // generator anywhere).
        let outer = &self.scopes[self.cur()];
        if self.scopes[idx].is_coroutine
            && !is_gen
            && !(outer.is_coroutine && outer.kind == ScopeKind::Function)
            && outer.kind != ScopeKind::Comprehension
        {
            return Err(self.err(range, "asynchronous comprehension outside of an asynchronous function"));
        }
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> R {
        match t {
            Expr::Name(n) => self.add_def(&n.id, DEF_LOCAL | DEF_COMP_ITER, n.range),
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::List(t) => t.elts.iter().try_for_each(|e| self.comp_target(e)),
            Expr::Starred(s) => self.comp_target(&s.value),
            _ => self.expr(t),
        }
    }

    /// A walrus target inside comprehensions binds in the nearest enclosing function or
    /// module scope (PEP 572).
    fn named_target(&mut self, n: &ast::ExprName) -> R {
        let cur = self.cur();
        if self.scopes[cur].kind != ScopeKind::Comprehension {
            return self.add_def(&n.id, DEF_LOCAL, n.range);
        }
        let name = n.id.as_str();
        if self.scopes[cur].flags(name) & DEF_COMP_ITER != 0 {
            return Err(self.err(
                n.range,
                format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
            ));
        }
        for &s in self.stack.clone().iter().rev() {
            let sc = &self.scopes[s];
            match sc.kind {
                ScopeKind::Comprehension => {
                    if sc.flags(name) & DEF_COMP_ITER != 0 {
                        return Err(self.err(
                            n.range,
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let g = sc.flags(name) & DEF_GLOBAL != 0;
                    self.add_def_in(cur, name, if g { DEF_GLOBAL } else { DEF_NONLOCAL }, n.range)?;
                    return self.add_def_in(s, name, DEF_LOCAL, n.range);
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, name, DEF_GLOBAL, n.range)?;
                    return self.add_def_in(s, name, DEF_GLOBAL, n.range);
                }
                ScopeKind::Class => {
                    return Err(self
                        .err(n.range, "assignment expression within a comprehension cannot be used in a class body"));
                }
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(recursion_error(self.filename));
        }
        let r = self.expr_inner(e);
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => {
                    self.add_def(&n.id, USE, n.range)?;
                    let c = self.cur();
                    if n.id.as_str() == "super" && self.scopes[c].kind.is_function_like() {
                        self.add_def("__class__", USE, n.range)?;
                    }
                }
                ExprContext::Del if n.id.as_str() == "__debug__" => {
                    return Err(self.err(n.range, "cannot delete __debug__"));
                }
                _ if n.id.as_str() == "__debug__" => return Err(self.err(n.range, "cannot assign to __debug__")),
                _ => self.add_def(&n.id, DEF_LOCAL, n.range)?,
            },
            Expr::Named(n) => {
                if self.in_comp_iter > 0 {
                    return Err(self
                        .err(n.range, "assignment expression cannot be used in a comprehension iterable expression"));
                }
                self.expr(&n.value)?;
                match &*n.target {
                    Expr::Name(t) => self.named_target(t)?,
                    t => self.expr(t)?,
                }
            }
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v)?;
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params_defaults(p)?;
                }
                self.enter(ScopeKind::Lambda, "<lambda>", node_key(l));
                if let Some(p) = &l.parameters {
                    self.params_define(p)?;
                }
                self.expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k)?;
                    }
                    self.expr(&it.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x)?;
                }
            }
            Expr::ListComp(c) => self.comprehension(
                node_key(c),
                "<listcomp>",
                "list comprehension",
                &c.generators,
                &[&c.elt],
                false,
                c.range,
            )?,
            Expr::SetComp(c) => self.comprehension(
                node_key(c),
                "<setcomp>",
                "set comprehension",
                &c.generators,
                &[&c.elt],
                false,
                c.range,
            )?,
            Expr::DictComp(c) => self.comprehension(
                node_key(c),
                "<dictcomp>",
                "dict comprehension",
                &c.generators,
                &[&c.key, &c.value],
                false,
                c.range,
            )?,
            Expr::Generator(c) => self.comprehension(
                node_key(c),
                "<genexpr>",
                "generator expression",
                &c.generators,
                &[&c.elt],
                true,
                c.range,
            )?,
            Expr::Await(a) => {
                let c = self.cur();
                match self.scopes[c].kind {
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(self.err(a.range, "'await' outside function"));
                    }
                    // Checked where the comprehension ends (its enclosing scope decides).
                    ScopeKind::Comprehension => self.scopes[c].is_coroutine = true,
                    ScopeKind::Function if self.scopes[c].is_coroutine => {}
                    _ => return Err(self.err(a.range, "'await' outside async function")),
                }
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.yield_check(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(y.range)?;
                if self.scopes[self.cur()].is_coroutine {
                    return Err(self.err(y.range, "'yield from' inside async function"));
                }
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    if k.arg.as_ref().is_some_and(|a| a.as_str() == "__debug__") {
                        return Err(self.err(k.range, "cannot assign to __debug__"));
                    }
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.fstring_element(el)?;
                }
            }
            Expr::TString(t) => return Err(self.err(t.range, "template strings are not supported")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Tuple(l) => {
                for x in &l.elts {
                    self.expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in s.lower.iter().chain(&s.upper).chain(&s.step) {
                    self.expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(e) => return Err(self.err(e.range, "invalid syntax")),
        }
        Ok(())
    }

    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> R {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for e in spec.elements.iter() {
                    self.fstring_element(e)?;
                }
            }
        }
        Ok(())
    }

    /// Is the current scope an `async def` body (where `async for`/`async with` may be)?
    fn in_async_function(&self) -> bool {
        let s = &self.scopes[self.cur()];
        s.kind == ScopeKind::Function && s.is_coroutine
    }

    fn yield_check(&mut self, range: TextRange) -> R {
        let c = self.cur();
        match self.scopes[c].kind {
            ScopeKind::Module | ScopeKind::Class => Err(self.err(range, "'yield' outside function")),
            ScopeKind::Comprehension => {
                let k = self.scopes[c].comp_kind;
                Err(self.err(range, format!("'yield' inside {k}")))
            }
            _ => {
                self.scopes[c].is_generator = true;
                Ok(())
            }
        }
    }
}

/// Builds and analyses the symbol table of a module.
pub fn build(m: &Mod, source: &str, filename: &str) -> Result<SymTable, CompileError> {
    let mut b = Builder {
        source,
        filename,
        scopes: Vec::new(),
        by_node: HashMap::default(),
        stack: vec![0],
        in_comp_iter: 0,
        depth: 0,
    };
    b.scopes.push(Scope::new(ScopeKind::Module, "<module>", None, false));
    match m {
        Mod::Module(m) => b.body(&m.body)?,
        Mod::Expression(e) => b.expr(&e.body)?,
    }
    let mut an = Analyzer { b: &mut b };
    let mut free = HashSet::default();
    let mut global = HashSet::default();
    an.analyze(0, None, &mut free, &mut global)?;
    Ok(SymTable { scopes: b.scopes, by_node: b.by_node })
}

struct Analyzer<'b, 'a> {
    b: &'b mut Builder<'a>,
}

impl Analyzer<'_, '_> {
    fn analyze(
        &mut self,
        idx: usize,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> R {
        let kind = self.b.scopes[idx].kind;
        let mut local: HashSet<String> = HashSet::default();
        let mut scopes: HashMap<String, Sc> = HashMap::default();
        let mut newglobal: HashSet<String> = HashSet::default();
        let mut newfree: HashSet<String> = HashSet::default();
        let mut newbound: HashSet<String> = HashSet::default();
        if kind == ScopeKind::Class {
            newglobal = global.clone();
            if let Some(b) = bound {
                newbound = b.clone();
            }
        }
        let mut syms: Vec<(String, u32)> = self.b.scopes[idx].symbols.iter().map(|(k, v)| (k.clone(), *v)).collect();
        syms.sort();
        for (name, flags) in &syms {
            let range = self.b.scopes[idx].directives.get(name).copied().unwrap_or_default();
            if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(self.b.err(range, format!("name '{name}' is nonlocal and global")));
                }
                scopes.insert(name.clone(), Sc::GlobalExplicit);
                global.insert(name.clone());
            } else if flags & DEF_NONLOCAL != 0 {
                let Some(b) = bound else {
                    return Err(self.b.err(range, "nonlocal declaration not allowed at module level"));
                };
                if !b.contains(name) {
                    return Err(self.b.err(range, format!("no binding for nonlocal '{name}' found")));
                }
                scopes.insert(name.clone(), Sc::Free);
                free.insert(name.clone());
            } else if flags & DEF_BOUND != 0 {
                scopes.insert(name.clone(), Sc::Local);
                local.insert(name.clone());
                global.remove(name);
            } else if bound.is_some_and(|b| b.contains(name)) {
                scopes.insert(name.clone(), Sc::Free);
                free.insert(name.clone());
            } else {
                scopes.insert(name.clone(), Sc::GlobalImplicit);
            }
        }
        // Names declared global here must not count as bound for children.
        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
            for (name, flags) in &syms {
                if flags & DEF_GLOBAL != 0 {
                    newbound.remove(name);
                }
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
        }
        let children = self.b.scopes[idx].children.clone();
        let mut allfree = HashSet::default();
        for c in children {
            let mut temp_free = newfree.clone();
            let mut temp_global = newglobal.clone();
            self.analyze(c, Some(&newbound), &mut temp_free, &mut temp_global)?;
            allfree.extend(temp_free);
        }
        newfree.extend(allfree);
        if kind.is_function_like() {
            for (name, sc) in scopes.iter_mut() {
                if *sc == Sc::Local && newfree.contains(name) {
                    *sc = Sc::Cell;
                    newfree.remove(name);
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.b.scopes[idx].needs_class_closure = true;
        }
        // update_symbols
        let scope = &mut self.b.scopes[idx];
        for name in &newfree {
            if let Some(f) = scope.symbols.get_mut(name) {
                if kind == ScopeKind::Class && *f & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    *f |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) || bound.is_none() {
                continue;
            }
            scopes.insert(name.clone(), Sc::Free);
            scope.symbols.insert(name.clone(), 0);
        }
        // CPython 3.11's co_cellvars: argument cells in argument order, then the rest sorted.
        let mut cells: Vec<String> =
            scope.params.iter().filter(|p| scopes.get(p.as_str()) == Some(&Sc::Cell)).cloned().collect();
        let mut rest: Vec<String> = scopes
            .iter()
            .filter(|(n, s)| **s == Sc::Cell && !scope.params.contains(n))
            .map(|(n, _)| n.clone())
            .collect();
        rest.sort();
        cells.extend(rest);
        if scope.needs_class_closure {
            cells.insert(0, "__class__".into());
        }
        let mut frees: Vec<String> = scopes
            .iter()
            .filter(|(n, s)| **s == Sc::Free || scope.flags(n) & DEF_FREE_CLASS != 0)
            .map(|(n, _)| n.clone())
            .collect();
        frees.sort();
        scope.cellvars = cells;
        scope.freevars = frees;
        scope.resolved = scopes;
        free.extend(newfree);
        Ok(())
    }
}
