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
}
