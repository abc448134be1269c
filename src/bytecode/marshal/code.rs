//! The record of a pylift code object under `TYPE_PYLIFT_CODE` (`'P'`).
//!
//! ```text
//! u64 build hash     this build's bytecode fingerprint (`marshal::build_hash`)
//! u32 body length    bytes after the checksum
//! u32 crc32          of the body: a damaged .pyc is refused before anything is built
//! body:
//!   u32 argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno
//!   u32 n, then n × (u8 opcode index in `Op::ALL`, u32 arg)        instructions
//!   u32 n, then n × u32                                            lines
//!   u32 n, then n × (u32, u32)                                     columns
//!   u32 n, then n × (u32 start, end, target, depth, u8 push_lasti) exception table
//!   u32 n, then n × i32 (-1: not an argument)                      cell2arg
//!   u32 n, then n objects                                          consts
//!   names, varnames, cellvars, freevars: each u32 n, then n str objects
//!   name, qualname, filename: str objects
//! ```
//!
//! Objects inside share the stream's reference table, so interned names repeat as
//! `TYPE_REF`s. Feedback, attribute caches, call counters and JIT state are not stored:
//! a loaded code object starts fresh, as a newly compiled one does. Arguments are checked
//! against the tables they index, so even a hand-made record cannot send the interpreter
//! out of bounds.

use std::cell::Cell;

use super::read::{ReadError, Reader};
use super::write::{WriteError, Writer};
use crate::bytecode::code::{Code, ExcEntry};
use crate::bytecode::feedback::{AttrCache, FeedbackWord};
use crate::bytecode::opcode::{ArgKind, Instr, Op};
use crate::objects::types;
use crate::values::{Value, layout};
use crate::vm::PyResult;

impl Writer {
    pub(super) fn code(&mut self, c: &Code) -> Result<(), WriteError> {
        self.out.extend_from_slice(&super::build_hash().to_le_bytes());
        let head = self.out.len();
        self.u32(0);
        self.u32(0);
        for x in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.stacksize, c.firstlineno] {
            self.u32(x);
        }
        self.u32(c.instrs.len() as u32);
        for i in c.instrs.iter() {
            let i = i.get();
            self.byte(i.op as u8);
            self.u32(i.arg);
        }
        self.u32(c.lines.len() as u32);
        for &l in &c.lines {
            self.u32(l);
        }
        self.u32(c.cols.len() as u32);
        for &(a, b) in &c.cols {
            self.u32(a);
            self.u32(b);
        }
        self.u32(c.exc_table.len() as u32);
        for e in &c.exc_table {
            for x in [e.start, e.end, e.target, e.depth] {
                self.u32(x);
            }
            self.byte(e.push_lasti as u8);
        }
        self.u32(c.cell2arg.len() as u32);
        for a in &c.cell2arg {
            self.i32(a.map_or(-1, |a| a as i32));
        }
        for list in [&c.consts, &c.names, &c.varnames, &c.cellvars, &c.freevars] {
            self.u32(list.len() as u32);
            for v in list.iter() {
                self.object(v)?;
            }
        }
        for v in [&c.name, &c.qualname, &c.filename] {
            self.object(v)?;
        }
        let body = head + 8;
        let len = (self.out.len() - body) as u32;
        let crc = crc32fast::hash(&self.out[body..]);
        self.out[head..head + 4].copy_from_slice(&len.to_le_bytes());
        self.out[head + 4..head + 8].copy_from_slice(&crc.to_le_bytes());
        Ok(())
    }
}

impl Reader<'_, '_> {
    pub(super) fn code(&mut self) -> PyResult<Value> {
        let hash = u64::from_le_bytes(self.take(8)?.try_into().unwrap_or_default());
        if hash != super::build_hash() {
            return Err(ReadError::bad("code object from another pylift build"));
        }
        let len = self.u32()? as usize;
        let crc = self.u32()?;
        // Nested code objects sit inside a body already checked.
        if !self.in_code {
            let body = self.data.get(self.pos..).unwrap_or_default();
            if body.len() < len {
                return Err(ReadError::short());
            }
            if crc32fast::hash(&body[..len]) != crc {
                return Err(ReadError::bad("code object checksum mismatch"));
            }
        }
        let outer = std::mem::replace(&mut self.in_code, true);
        let r = self.code_body();
        self.in_code = outer;
        r
    }

    fn count(&mut self, item_size: usize) -> PyResult<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item_size) > self.data.len() - self.pos {
            return Err(ReadError::short());
        }
        Ok(n)
    }

    fn strs(&mut self) -> PyResult<Vec<Value>> {
        let n = self.count(1)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.str_object()?);
        }
        Ok(out)
    }

    fn str_object(&mut self) -> PyResult<Value> {
        let v = self.object()?;
        if v.payload::<crate::objects::str::PyStr>().is_none() {
            return Err(ReadError::bad("code object name is not a str"));
        }
        Ok(v)
    }

    fn code_body(&mut self) -> PyResult<Value> {
        let mut h = [0u32; 6];
        for x in h.iter_mut() {
            *x = self.u32()?;
        }
        let [argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno] = h;
        let n = self.count(5)?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.byte()?;
            let arg = self.u32()?;
            let Some(&op) = Op::ALL.get(op as usize) else {
                return Err(ReadError::bad("unknown opcode in code object"));
            };
            instrs.push(Instr { op, arg });
        }
        let nl = self.count(4)?;
        let mut lines = Vec::with_capacity(nl);
        for _ in 0..nl {
            lines.push(self.u32()?);
        }
        let nc = self.count(8)?;
        let mut cols = Vec::with_capacity(nc);
        for _ in 0..nc {
            cols.push((self.u32()?, self.u32()?));
        }
        let ne = self.count(17)?;
        let mut exc_table = Vec::with_capacity(ne);
        for _ in 0..ne {
            let (start, end, target, depth) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
            let push_lasti = self.byte()? != 0;
            if end as usize > n || target as usize >= n || depth > stacksize {
                return Err(ReadError::bad("exception table out of range"));
            }
            exc_table.push(ExcEntry { start, end, target, depth, push_lasti });
        }
        let na = self.count(4)?;
        let mut cell2arg = Vec::with_capacity(na);
        for _ in 0..na {
            let a = self.i32()?;
            cell2arg.push(u32::try_from(a).ok());
        }
        let nk = self.count(1)?;
        let mut consts = Vec::with_capacity(nk);
        for _ in 0..nk {
            consts.push(self.object()?);
        }
        let names = self.strs()?;
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let name = self.str_object()?;
        let qualname = self.str_object()?;
        let mut filename = self.str_object()?;
        if let Some(f) = &self.filename {
            filename = f.clone();
        }
        let nlocalsplus = varnames.len() + cellvars.len() + freevars.len();
        let nargs = argcount as usize + kwonlyargcount as usize + 2;
        if cellvars.len() != cell2arg.len()
            || posonlyargcount > argcount
            || cell2arg.iter().flatten().any(|&a| a as usize >= varnames.len().min(nargs))
        {
            return Err(ReadError::bad("inconsistent code object"));
        }
        for i in &instrs {
            let limit = match i.op.arg_kind() {
                ArgKind::Const => consts.len(),
                ArgKind::Local => varnames.len(),
                ArgKind::Cell => nlocalsplus,
                ArgKind::Name => names.len(),
                ArgKind::Jump => n + 1,
                _ => continue,
            };
            if i.arg as usize >= limit {
                return Err(ReadError::bad("instruction argument out of range"));
            }
        }
        let code = Code {
            instrs: instrs.into_iter().map(Cell::new).collect(),
            feedback: (0..n).map(|_| FeedbackWord::new()).collect(),
            attr_cache: (0..n).map(|_| AttrCache::new()).collect(),
            calls: Cell::new(0),
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            stacksize,
            name,
            qualname,
            filename,
            firstlineno,
            lines,
            cols,
            exc_table,
            jit: crate::jit::CodeJit::new(),
        };
        Ok(layout::alloc(&types().code, code))
    }
}
