//! Code objects: instructions, constants, names, the line table, the exception table, and
//! the feedback the JIT reads (per-instruction feedback and attribute cache words, a call
//! counter; their types and layouts are in `bytecode::feedback`).

use std::cell::Cell;

use crate::bytecode::feedback::{AttrCache, FeedbackWord};
use crate::bytecode::opcode::Instr;
use crate::objects::Trace;
use crate::values::Value;

pub const CO_OPTIMIZED: u32 = 0x1;
pub const CO_NEWLOCALS: u32 = 0x2;
pub const CO_VARARGS: u32 = 0x4;
pub const CO_VARKEYWORDS: u32 = 0x8;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;
pub const CO_NOFREE: u32 = 0x40;
pub const CO_COROUTINE: u32 = 0x80;
/// A generator `types.coroutine` marked: `await` accepts it as it accepts a coroutine.
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
pub const CO_ASYNC_GENERATOR: u32 = 0x200;

/// One exception-table row: an exception raised by an instruction in `start..end` pops the
/// value stack to `depth`, pushes the raising instruction's index if `push_lasti`, pushes
/// the exception, and jumps to `target`. Inner handlers come first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

pub struct Code {
    /// Instructions; `Cell` so the interpreter can quicken them in place.
    pub instrs: Box<[Cell<Instr>]>,
    /// Per-instruction feedback word: operand kinds seen, a locals-dict or globals entry
    /// cache, or a back-edge counter, by the opcode's `Op::feedback()` (typed views:
    /// `feedback::FeedbackWord`; decoded: `Code::feedback_at`).
    pub feedback: Box<[FeedbackWord]>,
    /// Per-instruction attribute inline cache (`LoadAttr`/`StoreAttr`/`LoadMethod`; empty
    /// elsewhere), a packed `feedback::AttrEntry`, filled by the interpreter after a lookup
    /// it can repeat cheaply. A type-version match proves the type's MRO dicts and flags are
    /// as they were when filled; dict entries are always re-checked by key identity
    /// (`PyDict::value_at_if_key`), so a hit is exact. See `vm::interp::attr` for what each
    /// tag means and checks.
    pub attr_cache: Box<[AttrCache]>,
    /// Frames that started running this code (counted at `Resume`; saturating): the JIT's
    /// call trigger. Back edges are counted in `JumpBackward`'s feedback word.
    pub calls: Cell<u32>,
    pub consts: Vec<Value>,
    /// Names for global/attribute/import instructions (interned str objects).
    pub names: Vec<Value>,
    /// Local variable names (`co_varnames`): arguments first.
    pub varnames: Vec<Value>,
    /// Variables captured by inner functions (`co_cellvars`).
    pub cellvars: Vec<Value>,
    /// Variables taken from enclosing functions (`co_freevars`).
    pub freevars: Vec<Value>,
    /// For each cellvar, the argument slot it is initialised from, if it is an argument.
    pub cell2arg: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    pub firstlineno: u32,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    /// Column range (start, end) of each instruction on its line, for tracebacks' carets
    /// where useful; (0, 0) when unknown.
    pub cols: Vec<(u32, u32)>,
    pub exc_table: Vec<ExcEntry>,
    /// The JIT's counter and compiled code for this code object.
    pub jit: crate::jit::CodeJit,
}

impl Trace for Code {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for c in &self.consts {
            visit(c);
        }
    }
}

impl Code {
    /// Number of fast slots: varnames, then cellvars, then freevars (CPython's localsplus).
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    /// The name of localsplus slot `i`.
    pub fn localsplus_name(&self, i: usize) -> &Value {
        let nv = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nv {
            &self.varnames[i]
        } else if i < nv + nc {
            &self.cellvars[i - nv]
        } else {
            &self.freevars[i - nv - nc]
        }
    }
    #[inline]
    pub fn instr(&self, pc: usize) -> Instr {
        self.instrs[pc].get()
    }
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.firstlineno)
    }
    /// The innermost handler covering instruction `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&ExcEntry> {
        self.exc_table.iter().find(|e| e.start <= pc && pc < e.end)
    }
    /// Does calling this code make a generator, coroutine or async generator object
    /// (instead of running it)?
    pub fn is_generator(&self) -> bool {
        self.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0
    }
    /// A new code object with the same contents (fresh feedback, counters and JIT
    /// state), for `code.replace`.
    pub fn copy(&self) -> Code {
        let n = self.instrs.len();
        Code {
            instrs: self.instrs.iter().map(|i| Cell::new(i.get())).collect(),
            feedback: (0..n).map(|_| FeedbackWord::new()).collect(),
            attr_cache: (0..n).map(|_| AttrCache::new()).collect(),
            calls: Cell::new(0),
            consts: self.consts.clone(),
            names: self.names.clone(),
            varnames: self.varnames.clone(),
            cellvars: self.cellvars.clone(),
            freevars: self.freevars.clone(),
            cell2arg: self.cell2arg.clone(),
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            stacksize: self.stacksize,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            filename: self.filename.clone(),
            firstlineno: self.firstlineno,
            lines: self.lines.clone(),
            cols: self.cols.clone(),
            exc_table: self.exc_table.clone(),
            jit: crate::jit::CodeJit::new(),
        }
    }

    /// CPython's code equality (`code_richcompare`): same name, counts, flags, first
    /// line, instructions, constants (compared as `_PyCode_ConstantKey` does: type-exact,
    /// floats by bits), names, locals, line and column tables and exception table.
    /// Filenames and qualnames are not compared.
    pub fn same_as(&self, o: &Code) -> bool {
        let strs_eq =
            |a: &[Value], b: &[Value]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.as_str() == y.as_str());
        self.name.as_str() == o.name.as_str()
            && (self.argcount, self.posonlyargcount, self.kwonlyargcount, self.flags, self.firstlineno)
                == (o.argcount, o.posonlyargcount, o.kwonlyargcount, o.flags, o.firstlineno)
            && self.instrs.len() == o.instrs.len()
            && self.instrs.iter().zip(o.instrs.iter()).all(|(a, b)| a.get() == b.get())
            && self.consts.len() == o.consts.len()
            && self.consts.iter().zip(&o.consts).all(|(a, b)| same_const(a, b))
            && strs_eq(&self.names, &o.names)
            && strs_eq(&self.varnames, &o.varnames)
            && strs_eq(&self.cellvars, &o.cellvars)
            && strs_eq(&self.freevars, &o.freevars)
            && self.lines == o.lines
            && self.cols == o.cols
            && self.exc_table == o.exc_table
    }
}

/// Are two constants interchangeable (same type, same value; floats and complex parts by
/// their bits, so `0.0` and `-0.0` differ)?
fn same_const(a: &Value, b: &Value) -> bool {
    use crate::objects::complex::PyComplex;
    use crate::objects::float::PyFloat;
    use crate::objects::set::PyFrozenSet;
    if a.is(b) {
        return true;
    }
    if a.kind() != b.kind() || !a.type_of().is(b.type_of()) {
        return false;
    }
    if let (Some(x), Some(y)) = (crate::objects::int::int_val(a), crate::objects::int::int_val(b)) {
        return x.big() == y.big();
    }
    if let (Some(x), Some(y)) = (a.payload::<PyFloat>(), b.payload::<PyFloat>()) {
        return x.0.to_bits() == y.0.to_bits();
    }
    if let (Some(x), Some(y)) = (a.payload::<PyComplex>(), b.payload::<PyComplex>()) {
        return (x.re.to_bits(), x.im.to_bits()) == (y.re.to_bits(), y.im.to_bits());
    }
    if let (Some(x), Some(y)) = (a.as_str(), b.as_str()) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (crate::objects::bytes::bytes_data(a), crate::objects::bytes::bytes_data(b)) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.as_tuple(), b.as_tuple()) {
        return x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q));
    }
    if let (Some(x), Some(y)) = (a.payload::<PyFrozenSet>(), b.payload::<PyFrozenSet>()) {
        let (x, y) = (x.s.keys(), y.s.keys());
        return x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| same_const(p, q)));
    }
    if let (Some(x), Some(y)) = (a.payload::<Code>(), b.payload::<Code>()) {
        return x.same_as(y);
    }
    false
}
