//! The compiler state: a stack of code units (one per function/class/comprehension being
//! compiled), name resolution to the right load/store/delete opcode, source positions,
//! the frame-block stack for `break`/`continue`/`return` unwinding, and turning a
//! finished unit into a `Code` object.

use rustc_hash::FxHashMap as HashMap;
use std::cell::Cell;

use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::code::*;
use crate::bytecode::feedback::{AttrCache, FeedbackWord};
use crate::bytecode::opcode::Op;
use crate::compiler::CompileWarning;
use crate::compiler::codegen::{Builder, Label};
use crate::compiler::consts::Const;
use crate::compiler::symtable::{Sc, ScopeKind, SymTable, mangle};
use crate::compiler::{CompileError, Mode, error_at};
use crate::objects::str::new_str;
use crate::objects::types;
use crate::values::{Value, layout};

pub type CResult<T = ()> = Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ctx {
    Load,
    Store,
    Del,
}

/// A frame block: what `break`/`continue`/`return` must unwind (CPython's fblockinfo).
#[derive(Clone)]
pub enum FKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    AsyncWith,
    /// An `except` body; the name bound by `as`, if any.
    HandlerCleanup(Option<String>),
    PopValue,
    ExceptionHandler,
    /// An `except*` clause: `break`/`continue`/`return` may not leave it.
    ExceptionGroupHandler,
}

#[derive(Clone)]
pub struct FBlock<'a> {
    pub kind: FKind<'a>,
    pub start: Label,
    pub exit: Label,
}

pub struct Unit<'a> {
    pub b: Builder,
    pub scope: usize,
    pub kind: ScopeKind,
    pub varnames: Vec<String>,
    varname_idx: HashMap<String, u32>,
    pub name: String,
    pub qualname: String,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
}

pub struct Compiler<'a> {
    pub source: &'a str,
    pub filename: &'a str,
    pub table: &'a SymTable,
    pub units: Vec<Unit<'a>>,
    line_starts: Vec<u32>,
    pub mode: Mode,
    /// `from __future__ import annotations`: annotations are kept as source strings.
    pub future_annotations: bool,
    /// The statement being compiled (for errors found while unwinding).
    pub cur_stmt_range: TextRange,
    /// `-O` level: 1 drops asserts and makes `__debug__` False, 2 also drops docstrings.
    pub optimize: u8,
    /// The SyntaxWarnings so far, in CPython's order.
    pub warnings: Vec<CompileWarning>,
}

impl<'a> Compiler<'a> {
    pub fn new(source: &'a str, filename: &'a str, table: &'a SymTable, mode: Mode) -> Compiler<'a> {
        let mut line_starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Compiler {
            source,
            filename,
            table,
            units: Vec::new(),
            line_starts,
            mode,
            future_annotations: false,
            cur_stmt_range: TextRange::default(),
            optimize: 0,
            warnings: Vec::new(),
        }
    }

    /// A SyntaxWarning at `range` (its line; the whole range if it becomes an error).
    pub fn warn(&mut self, range: TextRange, msg: Option<String>) {
        if let Some(msg) = msg {
            let error = self.err(range, msg.clone());
            self.warnings.push(CompileWarning { msg, line: error.line, error });
        }
    }

    pub fn err(&self, range: TextRange, msg: impl Into<String>) -> CompileError {
        error_at(self.source, self.filename, range, msg)
    }

    #[inline]
    pub fn u(&mut self) -> &mut Unit<'a> {
        match self.units.last_mut() {
            Some(u) => u,
            None => unreachable!("no code unit"),
        }
    }
    #[inline]
    pub fn ur(&self) -> &Unit<'a> {
        match self.units.last() {
            Some(u) => u,
            None => unreachable!("no code unit"),
        }
    }
    #[inline]
    pub fn b(&mut self) -> &mut Builder {
        &mut self.u().b
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, off: u32) -> u32 {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    fn col_of(&self, off: u32, line: u32) -> u32 {
        off - self.line_starts.get(line as usize - 1).copied().unwrap_or(0)
    }

    /// Attributes the following instructions to `range`.
    pub fn set_loc(&mut self, range: TextRange) {
        let s = u32::from(range.start());
        let e = u32::from(range.end());
        let line = self.line_of(s);
        let col = self.col_of(s, line);
        let eline = self.line_of(e);
        let ecol = if eline == line { self.col_of(e, eline) } else { 0 };
        let b = self.b();
        b.line = line;
        b.col = (col, ecol);
    }
    /// The location of an attribute access (or a method call through it) spanning
    /// lines: CPython 3.11 moves its start to the attribute name's line and column.
    pub fn set_loc_attr(&mut self, at: &ruff_python_ast::ExprAttribute, whole: TextRange) {
        self.set_loc(whole);
        let s = u32::from(whole.start());
        let name_end = u32::from(at.range.end());
        let eline = self.line_of(name_end);
        if self.line_of(s) == eline {
            return;
        }
        let len = at.attr.len() as u32;
        let ecol = self.col_of(name_end, eline);
        let we = u32::from(whole.end());
        let wline = self.line_of(we);
        let wcol = if wline == eline { self.col_of(we, wline) } else { 0 };
        let b = self.b();
        b.line = eline;
        b.col = (ecol.saturating_sub(len), wcol);
    }

    pub fn loc(&mut self) -> (u32, (u32, u32)) {
        let b = self.b();
        (b.line, b.col)
    }
    pub fn restore_loc(&mut self, l: (u32, (u32, u32))) {
        let b = self.b();
        b.line = l.0;
        b.col = l.1;
    }

    #[inline]
    pub fn emit(&mut self, op: Op, arg: u32) {
        self.b().emit(op, arg);
    }
    #[inline]
    pub fn jump(&mut self, op: Op, l: Label) {
        self.b().jump(op, l);
    }
    pub fn label(&mut self) -> Label {
        self.b().label()
    }
    pub fn bind(&mut self, l: Label) {
        self.b().bind(l);
    }
    pub fn load_const(&mut self, c: &Const) {
        self.b().load_const(c);
    }
    pub fn load_none(&mut self) {
        self.b().load_const(&Const::None);
    }
    pub fn name_idx(&mut self, n: &str) -> u32 {
        self.b().name(n)
    }

    pub fn push_unit(&mut self, scope: usize, name: &str, qualname: String, firstlineno: u32) {
        let sc = &self.table.scopes[scope];
        let mut varnames = Vec::new();
        let mut varname_idx = HashMap::default();
        if sc.kind.is_function_like() {
            for p in &sc.params {
                varname_idx.insert(p.clone(), varnames.len() as u32);
                varnames.push(p.clone());
            }
            for n in &sc.order {
                if sc.resolved.get(n) == Some(&Sc::Local) && !varname_idx.contains_key(n) {
                    varname_idx.insert(n.clone(), varnames.len() as u32);
                    varnames.push(n.clone());
                }
            }
        }
        let mut flags = 0;
        if sc.kind.is_function_like() {
            flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        }
        flags |= match (sc.is_coroutine, sc.is_generator) {
            (true, true) => CO_ASYNC_GENERATOR,
            (true, false) => CO_COROUTINE,
            (false, true) => CO_GENERATOR,
            (false, false) => 0,
        };
        // CPython marks only function blocks (not class bodies) as nested.
        if sc.nested && sc.kind.is_function_like() {
            flags |= CO_NESTED;
        }
        let mut b = Builder::new(firstlineno);
        b.line = firstlineno;
        self.units.push(Unit {
            b,
            scope,
            kind: sc.kind,
            varnames,
            varname_idx,
            name: name.to_owned(),
            qualname,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags,
            firstlineno,
            fblocks: Vec::new(),
            private: sc.private.clone(),
        });
    }

    /// The qualified name of a new unit named `name` opened inside the current one.
    pub fn qualname_for(&self, name: &str) -> String {
        let Some(parent) = self.units.last() else { return name.to_owned() };
        let psc = &self.table.scopes[parent.scope];
        match psc.kind {
            ScopeKind::Module => name.to_owned(),
            _ => {
                let mangled = mangle(parent.private.as_deref(), name);
                if psc.scope_of(&mangled) == Sc::GlobalExplicit && psc.resolved.contains_key(&mangled) {
                    return name.to_owned();
                }
                if matches!(psc.kind, ScopeKind::Function | ScopeKind::Lambda) {
                    format!("{}.<locals>.{}", parent.qualname, name)
                } else {
                    format!("{}.{}", parent.qualname, name)
                }
            }
        }
    }

    fn varname(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.varname_idx.get(n) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(n.to_owned());
        u.varname_idx.insert(n.to_owned(), i);
        i
    }

    /// Index among cellvars ++ freevars (fixed up to a localsplus index at the end).
    pub fn deref_idx(&self, n: &str) -> Option<u32> {
        let u = self.ur();
        let sc = &self.table.scopes[u.scope];
        if let Some(i) = sc.cellvars.iter().position(|c| c == n) {
            return Some(i as u32);
        }
        sc.freevars.iter().position(|c| c == n).map(|i| (sc.cellvars.len() + i) as u32)
    }

    pub fn mangle(&self, name: &str) -> String {
        mangle(self.ur().private.as_deref(), name)
    }

    /// Emits the load/store/delete of a variable.
    pub fn name_op(&mut self, name: &str, ctx: Ctx) {
        let name = self.mangle(name);
        let (kind, sc) = {
            let u = self.ur();
            let s = &self.table.scopes[u.scope];
            (s.kind, s.scope_of(&name))
        };
        match sc {
            Sc::Free | Sc::Cell => {
                let i = self.deref_idx(&name).unwrap_or(0);
                let op = match ctx {
                    Ctx::Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                self.emit(op, i);
            }
            Sc::Local if kind.is_function_like() => {
                let i = self.varname(&name);
                let op = match ctx {
                    Ctx::Load => Op::LoadFast,
                    Ctx::Store => Op::StoreFast,
                    Ctx::Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            Sc::GlobalImplicit if kind.is_function_like() => self.global_op(&name, ctx),
            Sc::GlobalExplicit => self.global_op(&name, ctx),
            _ => {
                let i = self.name_idx(&name);
                let op = match ctx {
                    Ctx::Load => Op::LoadName,
                    Ctx::Store => Op::StoreName,
                    Ctx::Del => Op::DeleteName,
                };
                self.emit(op, i);
            }
        }
    }
    fn global_op(&mut self, name: &str, ctx: Ctx) {
        let i = self.name_idx(name);
        let op = match ctx {
            Ctx::Load => Op::LoadGlobal,
            Ctx::Store => Op::StoreGlobal,
            Ctx::Del => Op::DeleteGlobal,
        };
        self.emit(op, i);
    }

    /// Finishes the current unit into a code object.
    pub fn pop_unit(&mut self) -> Value {
        let mut u = match self.units.pop() {
            Some(u) => u,
            None => unreachable!("no code unit"),
        };
        let exc_table = u.b.finish();
        let sc = &self.table.scopes[u.scope];
        let nvars = u.varnames.len() as u32;
        for ins in u.b.instrs.iter_mut() {
            if matches!(ins.op, Op::LoadDeref | Op::StoreDeref | Op::DeleteDeref | Op::LoadClosure | Op::LoadClassDeref)
            {
                ins.arg += nvars;
            }
        }
        let nargs = (u.argcount + u.kwonlyargcount) as usize
            + (u.flags & CO_VARARGS != 0) as usize
            + (u.flags & CO_VARKEYWORDS != 0) as usize;
        let cell2arg: Vec<Option<u32>> =
            sc.cellvars.iter().map(|c| u.varnames.iter().take(nargs).position(|v| v == c).map(|i| i as u32)).collect();
        // CPython 3.11 no longer sets CO_NOFREE; `co_flags` must read the same.
        let flags = u.flags;
        let n = u.b.instrs.len();
        let strs = |v: &[String]| v.iter().map(|s| crate::objects::str::intern(s)).collect::<Vec<_>>();
        let code = Code {
            instrs: u.b.instrs.iter().map(|i| Cell::new(*i)).collect(),
            feedback: (0..n).map(|_| FeedbackWord::new()).collect(),
            attr_cache: (0..n).map(|_| AttrCache::new()).collect(),
            calls: Cell::new(0),
            consts: std::mem::take(&mut u.b.consts),
            names: strs(&u.b.names),
            varnames: strs(&u.varnames),
            cellvars: strs(&sc.cellvars),
            freevars: strs(&sc.freevars),
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags,
            stacksize: u.b.max_depth.max(1) as u32,
            name: new_str(u.name.as_str()),
            qualname: new_str(u.qualname.as_str()),
            filename: new_str(self.filename),
            firstlineno: u.firstlineno,
            lines: std::mem::take(&mut u.b.lines),
            cols: std::mem::take(&mut u.b.cols),
            exc_table,
            jit: crate::jit::CodeJit::new(),
        };
        layout::alloc(&types().code, code)
    }

    pub fn push_fblock(&mut self, kind: FKind<'a>, start: Label, exit: Label) -> CResult {
        if self.ur().fblocks.len() >= 20 {
            // CPython marks the 21st block's statement, to its first line's end.
            let mut e = self.err(self.cur_stmt_range, "too many statically nested blocks");
            e.end_col = e.end_col.max(e.text.chars().count() as u32 + 1);
            return Err(e);
        }
        self.u().fblocks.push(FBlock { kind, start, exit });
        Ok(())
    }
    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// Emits the code that leaves one frame block (CPython's compiler_unwind_fblock).
    pub fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match &fb.kind {
            FKind::WhileLoop | FKind::ExceptionHandler => {}
            FKind::ExceptionGroupHandler => {
                let r = TextRange::default();
                return Err(self.err(r, "'break', 'continue' and 'return' cannot appear in an except* block"));
            }
            FKind::ForLoop => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FKind::TryExcept => self.b().pop_handler(),
            FKind::FinallyTry(body) => {
                self.b().pop_handler();
                if preserve_tos {
                    let l = self.label();
                    self.push_fblock(FKind::PopValue, l, l)?;
                }
                let saved = self.loc();
                self.body(body)?;
                self.restore_loc(saved);
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.b().pop_handler();
                self.emit(Op::PopExcept, 0);
            }
            FKind::With | FKind::AsyncWith => {
                self.b().pop_handler();
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(fb.kind, FKind::AsyncWith) {
                    self.await_tos(2);
                }
                self.emit(Op::PopTop, 0);
            }
            FKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.b().pop_handler();
                }
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.b().pop_handler();
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.load_none();
                    self.name_op(n, Ctx::Store);
                    self.name_op(n, Ctx::Del);
                }
            }
            FKind::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks up to (not including) the innermost loop when `to_loop`, else
    /// all of them; returns the loop block found.
    pub fn unwind_fblock_stack(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().cloned() else { return Ok(None) };
        if matches!(top.kind, FKind::ExceptionGroupHandler) {
            return Err(
                self.err(self.cur_stmt_range, "'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if to_loop && matches!(top.kind, FKind::WhileLoop | FKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, to_loop);
        self.u().fblocks.push(top);
        r
    }

    /// `exit(None, None, None)` on `[exit]` → `[result]`.
    pub fn call_exit_with_nones(&mut self) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Op::Call, 3);
    }

    pub fn is_function_unit(&self) -> bool {
        self.ur().kind.is_function_like()
    }
}

impl Compiler<'_> {
    /// The body's docstring, unless `-OO` strips docstrings.
    pub fn docstring(&self, body: &[Stmt]) -> Option<String> {
        if self.optimize >= 2 { None } else { docstring(body) }
    }
}

/// A docstring: the body's first statement if it is a plain string literal.
pub fn docstring(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str().to_owned());
        }
    }
    None
}

/// Does any statement (not nested in functions/classes) contain an annotated assignment?
pub fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

/// `from __future__` imports: only at the top (after the docstring), known features.
fn check_future(c: &Compiler<'_>, body: &[Stmt]) -> CResult {
    const FEATURES: [&str; 10] = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let mut at_top = true;
    for (i, s) in body.iter().enumerate() {
        match s {
            Stmt::ImportFrom(f) if f.module.as_ref().is_some_and(|m| m.as_str() == "__future__") && f.level == 0 => {
                if !at_top {
                    return Err(c.err(f.range, "from __future__ imports must occur at the beginning of the file"));
                }
                for a in &f.names {
                    let n = a.name.as_str();
                    if n == "braces" {
                        return Err(c.err(TextRange::empty(f.range.start()), "not a chance"));
                    }
                    if !FEATURES.contains(&n) {
                        return Err(
                            c.err(TextRange::empty(f.range.start()), format!("future feature {n} is not defined"))
                        );
                    }
                }
            }
            Stmt::Expr(e) if i == 0 && matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => at_top = false,
        }
    }
    Ok(())
}

/// Compiles a parsed module (or expression) into its code object.
pub fn compile_module(
    m: &Mod,
    table: &SymTable,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> (CResult<Value>, Vec<CompileWarning>) {
    let mut c = Compiler::new(source, filename, table, mode);
    c.optimize = optimize;
    let r = module_body(&mut c, m, mode);
    (r, c.warnings)
}

/// The module's code unit.
fn module_body<'a>(c: &mut Compiler<'a>, m: &'a Mod, mode: Mode) -> CResult<Value> {
    c.push_unit(0, "<module>", "<module>".into(), 1);
    match m {
        Mod::Module(m) => {
            check_future(c, &m.body)?;
            // 'single' input is one line of `;`-separated statements or one compound one.
            if mode == Mode::Single {
                let line0 = m.body.first().map(|s| c.line_of(u32::from(s.range().start())));
                if let Some(extra) =
                    m.body.iter().skip(1).find(|s| Some(c.line_of(u32::from(s.range().start()))) != line0)
                {
                    return Err(c.err(extra.range(), "multiple statements found while compiling a single statement"));
                }
            }
            c.future_annotations = m.body.iter().any(|s| match s {
                Stmt::ImportFrom(i) => {
                    i.module.as_ref().is_some_and(|m| m.as_str() == "__future__")
                        && i.names.iter().any(|a| a.name.as_str() == "annotations")
                }
                _ => false,
            });
            if let Some(first) = m.body.first() {
                let l = c.line_of(u32::from(first.range().start()));
                c.b().line = l;
            }
            c.emit(Op::Resume, 0);
            if find_ann(&m.body) {
                c.emit(Op::SetupAnnotations, 0);
            }
            let mut body: &[Stmt] = &m.body;
            if mode != Mode::Single {
                if let Some(doc) = c.docstring(body) {
                    c.set_loc(body[0].range());
                    c.load_const(&Const::Str(doc));
                    c.name_op("__doc__", Ctx::Store);
                    body = &body[1..];
                }
            }
            c.body(body)?;
            c.load_none();
            c.emit(Op::ReturnValue, 0);
        }
        Mod::Expression(e) => {
            c.set_loc(e.body.range());
            c.emit(Op::Resume, 0);
            c.expr(&e.body)?;
            c.emit(Op::ReturnValue, 0);
        }
    }
    Ok(c.pop_unit())
}
