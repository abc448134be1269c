//! The code-unit builder: instructions with source positions, labels and jump patching,
//! constant and name interning, the exception table (from a stack of active handlers,
//! recorded per instruction and merged into ranges), and stack-depth tracking from the
//! opcode table (`Op::stack_effect`, `is_jump`, `is_terminator`: the depth is simulated as
//! code is emitted; a label takes the depth recorded by the jumps to it when it follows
//! an unconditional transfer).

use rustc_hash::FxHashMap as HashMap;

use crate::bytecode::code::ExcEntry;
use crate::bytecode::opcode::{Instr, Op};
use crate::compiler::consts::{Const, ConstKey};
use crate::values::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label(pub u32);

struct LabelInfo {
    pos: Option<u32>,
    depth: Option<i32>,
}

struct Handler {
    label: Label,
    depth: i32,
    lasti: bool,
}

pub struct Builder {
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub cols: Vec<(u32, u32)>,
    /// The handler active at each instruction (index into `handlers`).
    handler_at: Vec<Option<u32>>,
    labels: Vec<LabelInfo>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    pub consts: Vec<Value>,
    const_keys: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_idx: HashMap<String, u32>,
    pub depth: i32,
    pub max_depth: i32,
    /// The last instruction never falls through (jump, return, raise).
    terminated: bool,
    pub line: u32,
    pub col: (u32, u32),
}

impl Builder {
    pub fn new(line: u32) -> Builder {
        Builder {
            instrs: Vec::new(),
            lines: Vec::new(),
            cols: Vec::new(),
            handler_at: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::default(),
            names: Vec::new(),
            name_idx: HashMap::default(),
            depth: 0,
            max_depth: 0,
            terminated: false,
            line,
            col: (0, 0),
        }
    }

    pub fn label(&mut self) -> Label {
        self.labels.push(LabelInfo { pos: None, depth: None });
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `l` at the next instruction.
    pub fn bind(&mut self, l: Label) {
        let pos = self.instrs.len() as u32;
        let info = &mut self.labels[l.0 as usize];
        info.pos = Some(pos);
        match info.depth {
            Some(d) if self.terminated => self.depth = d,
            Some(_) => {}
            None => info.depth = Some(self.depth),
        }
        self.terminated = false;
    }

    /// Binds a handler label: the depth there is given.
    pub fn bind_with_depth(&mut self, l: Label, depth: i32) {
        self.labels[l.0 as usize].depth = Some(depth);
        self.terminated = true;
        self.bind(l);
        self.note_depth();
    }

    pub fn is_terminated(&self) -> bool {
        self.terminated
    }

    fn note_depth(&mut self) {
        if self.depth > self.max_depth {
            self.max_depth = self.depth;
        }
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.line);
        self.cols.push(self.col);
        self.handler_at.push(self.handler_stack.last().copied());
        if op.is_jump() {
            let jd = self.depth + op.stack_effect(arg, true);
            let info = &mut self.labels[arg as usize];
            if info.depth.is_none() {
                info.depth = Some(jd);
            }
            if jd > self.max_depth {
                self.max_depth = jd;
            }
        }
        self.depth += op.stack_effect(arg, false);
        self.note_depth();
        self.terminated = op.is_terminator();
    }

    pub fn jump(&mut self, op: Op, l: Label) {
        debug_assert!(op.is_jump());
        self.emit(op, l.0);
    }

    pub fn add_const(&mut self, c: &Const) -> u32 {
        let key = c.key();
        if let Some(&i) = self.const_keys.get(&key) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c.to_value());
        self.const_keys.insert(key, i);
        i
    }

    /// Adds a constant that is never shared (a code object).
    pub fn add_unique_const(&mut self, v: Value) -> u32 {
        let i = self.consts.len() as u32;
        self.consts.push(v);
        i
    }

    pub fn load_const(&mut self, c: &Const) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    pub fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.name_idx.get(n) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(n.to_owned());
        self.name_idx.insert(n.to_owned(), i);
        i
    }

    /// Starts a protected region whose exceptions go to `l`, with the stack cut to the
    /// current depth.
    pub fn push_handler(&mut self, l: Label, lasti: bool) {
        let d = self.depth;
        self.push_handler_at(l, d, lasti);
    }

    /// Starts a protected region with an explicit handler depth.
    pub fn push_handler_at(&mut self, l: Label, depth: i32, lasti: bool) {
        let entry = depth + lasti as i32 + 1;
        let info = &mut self.labels[l.0 as usize];
        if info.depth.is_none() {
            info.depth = Some(entry);
        }
        if entry > self.max_depth {
            self.max_depth = entry;
        }
        self.handlers.push(Handler { label: l, depth, lasti });
        self.handler_stack.push(self.handlers.len() as u32 - 1);
    }

    /// The active handler stack, to restore after emitting an early exit.
    pub fn handler_state(&self) -> Vec<u32> {
        self.handler_stack.clone()
    }
    pub fn set_handler_state(&mut self, s: Vec<u32>) {
        self.handler_stack = s;
    }

    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// Resolves labels and builds the exception table.
    pub fn finish(&mut self) -> Vec<ExcEntry> {
        for ins in self.instrs.iter_mut() {
            if ins.op.is_jump() {
                ins.arg = self.labels.get(ins.arg as usize).and_then(|l| l.pos).unwrap_or(0);
            }
        }
        let mut table = Vec::new();
        let mut i = 0;
        let n = self.instrs.len();
        while i < n {
            let Some(h) = self.handler_at[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < n && self.handler_at[i] == Some(h) {
                i += 1;
            }
            let hd = &self.handlers[h as usize];
            let target = self.labels[hd.label.0 as usize].pos.unwrap_or(0);
            table.push(ExcEntry {
                start: start as u32,
                end: i as u32,
                target,
                depth: hd.depth.max(0) as u32,
                push_lasti: hd.lasti,
            });
        }
        if let Some(d) = flow_depth(&self.instrs, &table) {
            self.max_depth = self.max_depth.max(d);
        }
        table
    }
}

/// The maximum stack depth by flow analysis over jumps and exception edges, or `None`
/// when two paths reach an instruction with different depths (a compiler bug).
pub fn flow_depth(instrs: &[Instr], table: &[ExcEntry]) -> Option<i32> {
    let n = instrs.len();
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0;
    let mut ok = true;
    while let Some((pc, d)) = work.pop() {
        if pc >= n {
            continue;
        }
        match depth[pc] {
            Some(old) => {
                if old != d {
                    ok = false;
                }
                continue;
            }
            None => depth[pc] = Some(d),
        }
        if d < 0 {
            ok = false;
        }
        max = max.max(d);
        let ins = instrs[pc];
        if let Some(h) = table.iter().find(|e| e.start as usize <= pc && pc < e.end as usize) {
            let hd = h.depth as i32 + h.push_lasti as i32 + 1;
            max = max.max(hd);
            work.push((h.target as usize, hd));
        }
        if ins.op.is_jump() {
            work.push((ins.arg as usize, d + ins.op.stack_effect(ins.arg, true)));
        }
        if !ins.op.is_terminator() {
            let nd = d + ins.op.stack_effect(ins.arg, false);
            max = max.max(nd);
            work.push((pc + 1, nd));
        }
    }
    if ok { Some(max) } else { None }
}
