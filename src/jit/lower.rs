//! Bytecode + feedback → Cranelift IR → native code, for the subset compiled today:
//! locals, constants, small-int arithmetic and comparisons, branches and loops.
//!
//! Locals stay in the frame's slots (loads and stores at `base + 8 * i`), so the frame is
//! exact at every point; the value stack lives in SSA values and is written to the
//! frame's stack slots only when compiled code leaves. Every way out is an exit that
//! writes the stack, sets `top` and returns the instruction the interpreter resumes at:
//! a failed guard resumes *at* the guarded instruction (which the interpreter then runs
//! generically), `ReturnValue` resumes at itself with the value on the stack, a back
//! edge with work pending for the eval breaker resumes at the `JumpBackward`.

use std::cell::Cell;
use std::collections::BTreeMap;

use cranelift_codegen::Context;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, UserFuncName, Value, types};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext, Switch};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{Module, default_libcall_names};

use crate::bytecode::code::{CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, Code};
use crate::bytecode::opcode::{BinOp, CmpOp, INPLACE, Instr, Op};
use crate::values::Kind;
use crate::values::layout::{self, EVAL_BREAKER};
use crate::vm::Vm;
use crate::vm::frame::{Frame, OFF_STACK_TOP};

use super::runtime;

mod attrs;
mod calls;
mod numbers;
mod steps;

const I64: types::Type = types::I64;
const I32: types::Type = types::I32;
const I8: types::Type = types::I8;
const F64: types::Type = types::F64;

/// Why a guard can fail (for `--jit-stats`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Reason {
    NotSmallInt,
    NotFloat,
    Overflow,
    ZeroDivisor,
    /// `x ** y` on floats that raises or gives a complex number.
    PowNotFloat,
    NegativeShift,
    UnboundLocal,
    NotBool,
    EvalBreaker,
    /// An iterator whose step needs the interpreter (a generator, a user `__next__`).
    IterNeedsVm,
    /// `--jit=deopt-stress` before an instruction the interpreter runs for compiled code.
    Forced,
    /// Not a guard: an instruction this compiler leaves to the interpreter.
    NotCompiled,
}

impl Reason {
    pub fn text(self) -> &'static str {
        match self {
            Reason::NotSmallInt => "operand not a small int",
            Reason::NotFloat => "operand not a float",
            Reason::Overflow => "result out of small-int range",
            Reason::ZeroDivisor => "zero divisor",
            Reason::PowNotFloat => "float ** raised or gave a complex",
            Reason::NegativeShift => "shift count negative or too big",
            Reason::UnboundLocal => "unbound local",
            Reason::NotBool => "branch on a value not bool/int/None",
            Reason::EvalBreaker => "eval breaker (signal, finalizer, thread switch, tracing)",
            Reason::IterNeedsVm => "iterator needs the interpreter",
            Reason::Forced => "forced by --jit=deopt-stress",
            Reason::NotCompiled => "instruction not compiled",
        }
    }
}

/// One guard: the instruction it protects and why it can fail.
pub struct Guard {
    pub pc: u32,
    pub reason: Reason,
    /// The instruction at `pc` (named in the report of exits).
    pub op: Op,
}

/// A compiled code object.
pub struct Compiled {
    func: extern "C" fn(*mut Frame, u64, *mut Vm) -> u64,
    entries: Vec<u32>,
    /// Can it start at instruction 0 (a call's fast test)?
    pub entry0: bool,
    pub guards: Vec<Guard>,
    pub name: String,
    pub file: String,
    pub line: u32,
    pub code_bytes: u32,
    pub compile_us: Cell<u64>,
    pub deopts: Cell<u32>,
    /// Failures per guard.
    fails: Box<[Cell<u32>]>,
    /// `--jit=deopt-stress`: one byte per guard, set when it has failed once (its
    /// address is baked into the code, so the box never moves or goes away).
    _stress: Box<[u8]>,
    /// Functions the code names by address (known callees): kept alive with it.
    _kept: Vec<crate::values::Value>,
}

/// Where inline calls (`lower/calls.rs`) find a `Compiled`'s function.
const OFF_COMPILED_FUNC: i32 = std::mem::offset_of!(Compiled, func) as i32;

impl Compiled {
    /// Can compiled code start at instruction `pc` (0, a loop header, after a call)?
    pub fn can_enter(&self, pc: u32) -> bool {
        self.entries.binary_search(&pc).is_ok()
    }

    /// Counts a failure of guard `id`; returns its failures so far.
    pub fn guard_failed(&self, id: u32) -> u32 {
        self.fails.get(id as usize).map_or(0, |c| {
            c.set(c.get().saturating_add(1));
            c.get()
        })
    }

    /// The address of the machine code (`-X perf`).
    pub fn addr(&self) -> usize {
        self.func as usize
    }

    /// Runs the code from `pc` on `frame`; returns the exit word (`runtime::EXIT_*`).
    pub fn run(&self, frame: *mut Frame, vm: &mut Vm, pc: u32) -> u64 {
        (self.func)(frame, pc as u64, vm)
    }
}

/// The module compiled code goes into: the host's ISA with its detected features.
pub fn new_module() -> JITModule {
    let mut fb = settings::builder();
    for (k, v) in [
        // Cranelift's e-graph pass cost a fifth of compile time and changed no run time
        // measurably (perf/icount: int_loop, nbody, spectral_norm, fib within 1%): the
        // IR is mostly helper calls and guards. Revisit when floats are unboxed.
        ("opt_level", "none"),
        ("is_pic", "false"),
        ("use_colocated_libcalls", "false"),
        // The verifier costs compile time: on in debug builds and when asked for.
        (
            "enable_verifier",
            if cfg!(debug_assertions) || std::env::var_os("PYLIFT_JIT_VERIFY").is_some() { "true" } else { "false" },
        ),
        ("unwind_info", "false"),
        // The single-pass allocator compiles faster but doubles the code and slows it.
        ("regalloc_algorithm", "backtracking"),
    ] {
        // The names and values are Cranelift's own settings; a failure is a build problem.
        let _ = fb.set(k, v);
    }
    let isa = match cranelift_native::builder() {
        Ok(b) => b.finish(settings::Flags::new(fb)),
        Err(e) => panic!("JIT: host not supported by Cranelift: {e}"),
    };
    let isa = match isa {
        Ok(i) => i,
        Err(e) => panic!("JIT: {e}"),
    };
    JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()))
}

/// What the lowering needs to know about a code object before emitting anything.
pub struct Plan {
    /// Stack depth before each instruction (`None`: unreachable from the entry).
    depth: Vec<Option<u32>>,
    /// Instructions compiled natively.
    native: Vec<bool>,
    /// Instructions compiled code has the interpreter run for it (`runtime::jit_step`);
    /// every other reachable one is an exit to the interpreter at that instruction.
    step: Vec<bool>,
    /// Block starts (instruction index → stack depth there).
    leaders: BTreeMap<u32, u32>,
    /// Where compiled code can be entered: 0, loop headers, after calls (sorted).
    entries: Vec<u32>,
    /// Instructions compiled natively, tried through a helper first, and stepped at once
    /// (loop bodies weighted `LOOP_WEIGHT`): what `pays_off` weighs.
    weighed: (u32, u32, u32),
    /// Reachable instructions.
    size: usize,
}

/// The most reachable instructions a function may have to compile where compiling must
/// pay (`pays_off`): compile time grows faster than size (the register allocator), and
/// one hot loop in a long function (CPython's `re._parser._parse`, about 1,500
/// instructions, took 160 ms and 220 KB at `import argparse`, then ran a few thousand
/// instructions) does not repay it. perf/'s largest compiled function has about 200.
const MAX_SIZE: usize = 800;

/// How much more an instruction inside a loop counts than one outside.
const LOOP_WEIGHT: u32 = 10;

impl Plan {
    /// Does compiled code likely beat the interpreter here? Native instructions and
    /// helpers gain over the interpreter; an instruction stepped at once gains nothing
    /// and still costs compile time (the IR around a step is large) and exits. Weights
    /// calibrated with perf/icount: pidigits (big ints) and str_ops (string methods),
    /// mostly steps, ran 3-18% slower compiled and now stay interpreted, while every
    /// other perf/ program keeps its compiled functions. `Err` with the reason when it
    /// does not pay.
    pub fn pays_off(&self) -> Result<(), String> {
        if self.size > MAX_SIZE {
            return Err(format!("{} instructions, more than {MAX_SIZE}: compile time would not pay", self.size));
        }
        let (native, helper, stepped) = self.weighed;
        if native + 3 * helper >= 7 * stepped {
            return Ok(());
        }
        Err(format!(
            "mostly instructions the interpreter runs for compiled code (weighed: {native} native, {helper} through \
             helpers, {stepped} stepped): slower than interpreting"
        ))
    }
}

/// Plans the compilation of `code`, or says why it is not worth compiling.
pub fn plan(code: &Code) -> Result<Plan, String> {
    let instrs: Vec<Instr> = code.instrs.iter().map(Cell::get).collect();
    let instrs = &instrs[..];
    if code.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
        return Err("coroutine or async generator (not compiled yet)".into());
    }
    let generator = code.flags & CO_GENERATOR != 0;
    let n = instrs.len();
    // Stack depths from the opcode table, following jumps (handlers are left out: they
    // are reached only by raising, which compiled code never does itself).
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work = vec![(0usize, 0u32)];
    while let Some((pc, d)) = work.pop() {
        let Some(ins) = instrs.get(pc) else { return Err("falls off the end".into()) };
        match depth[pc] {
            Some(old) if old == d => continue,
            Some(_) => return Err(format!("inconsistent stack depth at {pc}")),
            None => depth[pc] = Some(d),
        }
        let after = |jump: bool| -> Result<u32, String> {
            let (pops, pushes) = ins.op.pops_pushes(ins.arg, jump);
            (d + pushes).checked_sub(pops).ok_or_else(|| format!("stack underflow at {pc}"))
        };
        if ins.op.is_jump() {
            work.push((ins.arg as usize, after(true)?));
        }
        if !ins.op.is_terminator() {
            work.push((pc + 1, after(false)?));
        }
    }
    let mut leaders: BTreeMap<u32, u32> = BTreeMap::new();
    leaders.insert(0, 0);
    let mut entries = vec![0u32];
    for (pc, ins) in instrs.iter().enumerate() {
        if depth[pc].is_none() {
            continue;
        }
        if ins.op.is_jump() {
            if let Some(d) = depth.get(ins.arg as usize).copied().flatten() {
                leaders.insert(ins.arg, d);
                if ins.op == Op::JumpBackward && !entries.contains(&ins.arg) {
                    entries.push(ins.arg);
                }
            }
        }
        if ins.op.is_jump() || ins.op.is_terminator() {
            if let Some(d) = depth.get(pc + 1).copied().flatten() {
                leaders.insert(pc as u32 + 1, d);
            }
        }
    }
    // Never run yet (`--jit=all`) counts as small ints: a guard checks it.
    let only_small_ints = |pc: usize| small_ints_only(code, pc);
    let mut native = vec![false; n];
    for (pc, ins) in instrs.iter().enumerate() {
        if depth[pc].is_none() {
            continue;
        }
        native[pc] = match ins.op {
            Op::Nop
            | Op::Resume
            | Op::LoadFast
            | Op::StoreFast
            | Op::LoadConst
            | Op::PopTop
            | Op::Copy
            | Op::Swap
            | Op::Jump
            | Op::JumpBackward
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ReturnValue => true,
            // Iterators step through helpers; a generator (seen by the interpreter) stays
            // with it, which resumes its frame in the loop.
            Op::ForIter => code.kinds_seen(pc).is_none_or(|k| k.iter().all(|kind| kind != Kind::Generator)),
            Op::BinaryOp => {
                (binop_supported(BinOp::from_arg(ins.arg & !INPLACE)) && only_small_ints(pc))
                    || float_binop(code, *ins, pc).is_some()
            }
            // Fused with the branch after it, which nothing else may jump to.
            Op::CompareOp => {
                matches!(instrs.get(pc + 1).map(|i| i.op), Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue))
                    && !leaders.contains_key(&(pc as u32 + 1))
                    && (only_small_ints(pc) || floats_only(code, pc))
            }
            _ => false,
        };
        if ins.op == Op::CompareOp && native[pc] {
            if let Some(d) = depth.get(pc + 2).copied().flatten() {
                leaders.insert(pc as u32 + 2, d);
            }
        }
    }
    // What is not lowered runs in the interpreter, one instruction at a time, when it
    // neither jumps nor ends the frame.
    // A `ForIter` over a generator is a step too: the generator's frame runs (compiled
    // or not) and yields its item to the stack, or ends the loop (the step then jumps).
    let mut step = vec![false; n];
    for (pc, ins) in instrs.iter().enumerate() {
        step[pc] = depth[pc].is_some() && !native[pc] && (steppable(ins.op) || ins.op == Op::ForIter);
    }
    // A call that pushed a frame comes back to compiled code after it; so does a
    // generator after its `YieldValue` (an exit: the interpreter suspends the frame).
    let mut after_calls = Vec::new();
    for (pc, ins) in instrs.iter().enumerate() {
        let resumes = (step[pc] && matches!(ins.op, Op::Call | Op::CallMethod | Op::CallKw | Op::CallEx | Op::ForIter))
            || (generator && ins.op == Op::YieldValue);
        if resumes {
            if let Some(d) = depth.get(pc + 1).copied().flatten() {
                leaders.insert(pc as u32 + 1, d);
                after_calls.push(pc as u32 + 1);
            }
        }
    }
    // Entered where it pays: at the start only when every reachable instruction is
    // compiled, at a loop header only when all of the loop is (an exit inside a loop
    // would pay an exit and an entry every iteration, more than it saves). Raising ends
    // the frame's compiled run anyway.
    let counted =
        |pc: usize| depth[pc].is_some() && !matches!(instrs[pc].op, Op::Nop | Op::Resume | Op::Raise | Op::Reraise);
    let compiled = |pc: usize| native[pc] || step[pc] || instrs[pc].op == Op::YieldValue;
    let all_native = (0..n).filter(|&pc| counted(pc)).all(compiled);
    let mut loops: Vec<(u32, usize)> = Vec::new();
    for (pc, ins) in instrs.iter().enumerate() {
        if ins.op == Op::JumpBackward && depth[pc].is_some() {
            loops.push((ins.arg, pc));
        }
    }
    entries.retain(|&e| {
        if e == 0 {
            return all_native;
        }
        let body: Vec<usize> = loops.iter().filter(|l| l.0 == e).flat_map(|&(h, end)| h as usize..=end).collect();
        let total = body.iter().filter(|&&pc| counted(pc)).count();
        let good = body.iter().filter(|&&pc| counted(pc) && compiled(pc)).count();
        total > 0 && good == total
    });
    if entries.is_empty() {
        let first = (0..n).filter(|&pc| counted(pc)).find(|&pc| !compiled(pc)).unwrap_or(0);
        return Err(format!(
            "no loop or whole function to compile; first instruction not compiled: {} at line {}",
            describe(code, instrs[first], first),
            code.line_at(first)
        ));
    }
    entries.extend(after_calls);
    entries.sort_unstable();
    entries.dedup();
    let mut weighed = (0, 0, 0);
    for (pc, ins) in instrs.iter().enumerate() {
        if !counted(pc) || ins.op == Op::YieldValue {
            continue;
        }
        let w = if loops.iter().any(|&(h, end)| (h as usize..=end).contains(&pc)) { LOOP_WEIGHT } else { 1 };
        if native[pc] {
            weighed.0 += w;
        } else if step[pc] && (ins.op == Op::ForIter || steps::helper_first(code, *ins, pc)) {
            weighed.1 += w;
        } else if step[pc] {
            weighed.2 += w;
        }
    }
    let size = depth.iter().filter(|d| d.is_some()).count();
    Ok(Plan { depth, native, step, leaders, entries, weighed, size })
}

/// Can the interpreter run `op` alone for compiled code (`runtime::jit_step`)? Not
/// jumps, not the end of a frame, not the instructions that suspend one.
fn steppable(op: Op) -> bool {
    !op.is_jump() && !op.is_terminator() && !matches!(op, Op::Resume | Op::YieldValue | Op::Send)
}

/// A `BinaryOp` compiled on unboxed floats: its feedback saw floats (and maybe small
/// ints) only, and it is `+ - * /`. Gives whether small ints were seen too.
fn float_binop(code: &Code, ins: Instr, pc: usize) -> Option<bool> {
    let op = BinOp::from_arg(ins.arg & !INPLACE);
    if ins.op != Op::BinaryOp || !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow) {
        return None;
    }
    let k = code.kinds_seen(pc)?;
    let floats = k.iter().any(|kind| kind == Kind::Float);
    let others = k.iter().any(|kind| !matches!(kind, Kind::Float | Kind::SmallInt));
    (floats && !others).then(|| k.iter().any(|kind| kind == Kind::SmallInt))
}

/// Did instruction `pc` see floats and nothing else?
fn floats_only(code: &Code, pc: usize) -> bool {
    code.kinds_seen(pc).is_some_and(|k| !k.is_empty() && k.is_only(Kind::Float))
}

/// Did instruction `pc` see only small ints (or nothing yet)?
fn small_ints_only(code: &Code, pc: usize) -> bool {
    code.kinds_seen(pc).is_none_or(|k| k.is_empty() || k.is_only(Kind::SmallInt))
}

/// An instruction as `--jit-stats` names it.
fn describe(code: &Code, ins: Instr, pc: usize) -> String {
    match ins.op {
        Op::BinaryOp => {
            let kinds = if small_ints_only(code, pc) { "" } else { " on non-small-int operands" };
            format!("BinaryOp {}{kinds}", BinOp::from_arg(ins.arg & !INPLACE).symbol())
        }
        Op::CompareOp => "CompareOp (not before a branch, or on operands not both small ints or floats)".to_owned(),
        op => op.name().to_owned(),
    }
}

/// The `LoadFast`s whose value the instruction that pops it only reads: a subscript's
/// container or key, an operand of `BinaryOp` or `CompareOp`, `StoreSubscr`'s container
/// or key, `LoadAttr`'s object; found in the same straight run of code, with nothing in
/// between that stores to or deletes that local, or moves the value (`Copy`, `Swap`).
/// Such a load takes no reference and its reader drops none (CPython 3.13's borrowed
/// `LOAD_FAST`); the local keeps the object alive meanwhile. Gives each such load's
/// reader.
fn borrowable_loads(
    instrs: &[Instr],
    depth: &[Option<u32>],
    native: &[bool],
    step: &[bool],
    blocks: &BTreeMap<u32, Block>,
) -> Vec<Option<u32>> {
    let mut out = vec![None; instrs.len()];
    for (pc, ins) in instrs.iter().enumerate() {
        let Some(d0) = depth[pc] else { continue };
        if ins.op != Op::LoadFast {
            continue;
        }
        let at = d0 as i64;
        for j in pc + 1..instrs.len() {
            let (Some(d), next) = (depth[j], instrs[j]) else { break };
            if blocks.contains_key(&(j as u32)) || !(native[j] || step[j]) {
                break;
            }
            let d = d as i64;
            let (pops, _) = next.op.pops_pushes(next.arg, false);
            let first = d - pops as i64;
            if at >= first {
                let operand = at - first;
                let reads = match next.op {
                    Op::BinarySubscr | Op::BinaryOp | Op::CompareOp | Op::LoadAttr => true,
                    Op::StoreSubscr => operand >= 1,
                    _ => false,
                };
                out[pc] = reads.then_some(j as u32);
                break;
            }
            let moves = match next.op {
                Op::Copy => d - next.arg as i64 == at,
                Op::Swap => d - 1 == at || d - next.arg as i64 == at,
                Op::StoreFast | Op::DeleteFast => next.arg == ins.arg,
                _ => next.op.is_jump() || next.op.is_terminator(),
            };
            if moves {
                break;
            }
        }
    }
    out
}

/// Arguments (bound by the call) that no `DeleteFast` unbinds.
fn always_bound(code: &Code, instrs: &[Instr]) -> Vec<bool> {
    let flags = code.flags;
    let nargs = code.argcount as usize
        + code.kwonlyargcount as usize
        + (flags & crate::bytecode::code::CO_VARARGS != 0) as usize
        + (flags & crate::bytecode::code::CO_VARKEYWORDS != 0) as usize;
    let mut bound = vec![false; code.nlocalsplus()];
    for b in bound.iter_mut().take(nargs) {
        *b = true;
    }
    for ins in instrs {
        if ins.op == Op::DeleteFast {
            if let Some(b) = bound.get_mut(ins.arg as usize) {
                *b = false;
            }
        }
    }
    bound
}

fn binop_supported(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::FloorDiv
            | BinOp::Mod
            | BinOp::And
            | BinOp::Or
            | BinOp::Xor
            | BinOp::LShift
            | BinOp::RShift
    )
}

/// Compiles `code` into `module`, or says why not.
/// How to compile: `--jit=deopt-stress`, `--jit-stats` (count native instructions),
/// `-X jit-dump`.
pub struct Options {
    pub stress: bool,
    pub stats: bool,
    pub dump: bool,
    /// The globals and builtins of the frame the code compiles for (the values of its
    /// globals then name the functions its calls most likely call).
    pub env: Option<(crate::values::Value, crate::values::Value)>,
    /// The values of that frame's locals (the classes of receivers name the methods its
    /// method calls most likely call).
    pub env_locals: Vec<crate::values::Value>,
}

pub fn compile(module: &mut JITModule, code: &Code, plan: Plan, null: u64, opts: Options) -> Result<Compiled, String> {
    let Options { stress, stats, dump, env, env_locals } = opts;
    let mut kept = Vec::new();
    let instrs: Vec<Instr> = code.instrs.iter().map(Cell::get).collect();
    let Plan { depth, native, step, leaders, entries, .. } = &plan;
    let target_config = module.target_config();
    let mut ctx: Context = module.make_context();
    let mut fctx = FunctionBuilderContext::new();
    let mut sig = module.make_signature();
    for _ in 0..3 {
        sig.params.push(AbiParam::new(I64));
    }
    sig.returns.push(AbiParam::new(I64));
    let id = module.declare_anonymous_function(&sig).map_err(|e| format!("Cranelift: {e}"))?;
    ctx.func.signature = sig;
    ctx.func.name = UserFuncName::user(0, id.as_u32());
    // At most three guards per instruction; the box's address is baked into the code.
    let stress_flags: Box<[u8]> = vec![0u8; instrs.len() * 3 + 1].into_boxed_slice();
    let mut guards = Vec::new();
    {
        let mut b = FunctionBuilder::new(&mut ctx.func, &mut fctx);
        let start = b.create_block();
        b.append_block_params_for_function_params(start);
        b.switch_to_block(start);
        let frame = b.block_params(start)[0];
        let entry_pc = b.block_params(start)[1];
        let vm = b.block_params(start)[2];
        let base = b.ins().load(I64, MemFlagsData::trusted(), frame, crate::vm::frame::OFF_SLOTS_BASE);
        let mut blocks = BTreeMap::new();
        for (&pc, &d) in leaders {
            let bl = b.create_block();
            for _ in 0..d {
                b.append_block_param(bl, I64);
            }
            blocks.insert(pc, bl);
        }
        // Entry: jump to the block of `entry_pc` (0, a loop header, after a call), taking
        // the stack items the interpreter left there (the frame keeps none while compiled
        // code runs).
        let nl = code.nlocalsplus() as i64;
        let mut switch = Switch::new();
        let mut heres = Vec::new();
        // A call enters at 0: one test first, the switch over the other entries after it.
        let mut first = None;
        for &e in entries {
            if blocks.contains_key(&e) {
                let here = b.create_block();
                if e == 0 {
                    first = Some(here);
                } else {
                    switch.set_entry(e as u128, here);
                }
                heres.push((e, here));
            }
        }
        let not_entry = b.create_block();
        if let Some(here) = first {
            let rest = b.create_block();
            b.ins().brif(entry_pc, rest, &[], here, &[]);
            b.switch_to_block(rest);
        }
        switch.emit(&mut b, entry_pc, not_entry);
        for (e, here) in heres {
            let target = blocks[&e];
            let d = leaders.get(&e).copied().unwrap_or(0) as i64;
            b.switch_to_block(here);
            let items: Vec<BlockArg> = (0..d)
                .map(|i| b.ins().load(I64, MemFlagsData::trusted(), base, (8 * (nl + i)) as i32).into())
                .collect();
            if d > 0 {
                let empty = b.ins().iadd_imm_s(base, 8 * nl);
                b.ins().store(MemFlagsData::trusted(), empty, frame, OFF_STACK_TOP);
            }
            b.ins().jump(target, &items);
        }
        // Not an entry (the caller checks `can_enter`): resume the interpreter right there.
        b.switch_to_block(not_entry);
        b.ins().return_(&[entry_pc]);

        let mut lw = Lower {
            b,
            frame,
            base,
            vm,
            null,
            always_bound: always_bound(code, &instrs),
            reader: borrowable_loads(&instrs, depth, native, step, &blocks),
            float_locals: std::collections::HashMap::new(),
            borrowed: std::collections::HashSet::new(),
            nlocals: code.nlocalsplus() as i64,
            stress,
            stats,
            guards: &mut guards,
            stress_base: stress_flags.as_ptr() as i64,
            stress_cap: stress_flags.len(),
            exits: std::collections::HashMap::new(),
            uncounted: 0,
            env,
            env_locals,
            known: std::collections::HashMap::new(),
            kept: &mut kept,
        };
        lw.body(code, &instrs, depth, native, step, &blocks)?;
        lw.fill_exits();
        lw.b.seal_all_blocks();
        lw.b.finalize(target_config);
    }
    let ir = dump.then(|| ctx.func.display().to_string());
    ctx.set_disasm(dump);
    if let Err(e) = module.define_function(id, &mut ctx) {
        // A Cranelift error is a bug of this lowering, not a missing feature: loud where
        // the verifier runs (tests), a recorded failure elsewhere.
        if std::env::var_os("PYLIFT_JIT_VERIFY").is_some() {
            eprintln!("pylift JIT: internal compile error in {}: {e:?}", code.qualname.as_str().unwrap_or("?"));
        }
        return Err(format!("Cranelift: {e:?}"));
    }
    let code_bytes = ctx.compiled_code().map_or(0, |c| c.code_info().total_size);
    if let Some(ir) = ir {
        let vcode = ctx.compiled_code().and_then(|c| c.vcode.clone()).unwrap_or_default();
        eprintln!(
            "── JIT dump: {} ({}:{}) ──\n{}\n── Cranelift IR ──\n{ir}\n── machine code ({code_bytes} bytes) ──\n{vcode}",
            code.qualname.as_str().unwrap_or("?"),
            code.filename.as_str().unwrap_or("?"),
            code.firstlineno,
            crate::bytecode::dump::dump(code),
        );
    }
    module.clear_context(&mut ctx);
    module.finalize_definitions().map_err(|e| format!("Cranelift: {e}"))?;
    let ptr = module.get_finalized_function(id);

    // SAFETY: `ptr` is the finalized (executable) code of a function declared just above
    // with the signature (i64, i64, i64) -> i64 in the platform C convention, which is
    // `extern "C" fn(*mut Frame, u64, *mut Vm) -> u64` on a 64-bit target.
    let func: extern "C" fn(*mut Frame, u64, *mut Vm) -> u64 = unsafe { std::mem::transmute(ptr) };
    if guards.len() > runtime::MAX_GUARDS {
        return Err(format!("{} guards: more than an exit word can name", guards.len()));
    }
    let fails = (0..guards.len()).map(|_| Cell::new(0)).collect();
    Ok(Compiled {
        func,
        entry0: plan.entries.first() == Some(&0),
        entries: plan.entries.clone(),
        guards,
        name: code.qualname.as_str().unwrap_or("?").to_owned(),
        file: code.filename.as_str().unwrap_or("?").to_owned(),
        line: code.firstlineno,
        code_bytes,
        compile_us: Cell::new(0),
        deopts: Cell::new(0),
        fails,
        _stress: stress_flags,
        _kept: kept,
    })
}

/// The lowering of one code object's instructions.
struct Lower<'a, 'b> {
    b: FunctionBuilder<'b>,
    frame: Value,
    /// The slot block's base (locals at `base + 8 * i`; the stack after `nlocals` slots).
    base: Value,
    /// The `Vm` the loop lent compiled code (for `runtime::jit_step`).
    vm: Value,
    /// The word of `Vm::null` (immortal, one per process), pushed by `LoadMethod`.
    null: u64,
    /// Locals bound on entry that nothing unbinds (arguments never `del`eted): their
    /// `LoadFast` needs no unbound check.
    always_bound: Vec<bool>,
    /// `LoadFast`s whose value is only read by the instruction that pops it
    /// (`borrowable_loads`): pushed without a reference of their own.
    reader: Vec<Option<u32>>,
    /// Locals that hold a float stored since the last bytecode block started, with the
    /// unboxed value stored: a `LoadFast` of one whose reader is a float operation reads
    /// that value instead of the object (which only that operation would see).
    float_locals: std::collections::HashMap<u32, Value>,
    /// The values on the stack that are such borrowed locals: `decref` skips them, and
    /// anything that keeps one (the frame at a spill, a block it is passed to, a helper
    /// that takes references) takes a reference first (`own`). The local holds the object
    /// meanwhile: nothing between the load and its reader stores to or deletes it.
    borrowed: std::collections::HashSet<Value>,
    nlocals: i64,
    stress: bool,
    stats: bool,
    guards: &'a mut Vec<Guard>,
    stress_base: i64,
    stress_cap: usize,
    /// The exit blocks of guards, one per instruction and stack (with the same borrowed
    /// values), taking the exit word as a parameter; filled in after the body
    /// (`fill_exits`).
    exits: std::collections::HashMap<(u32, Vec<Value>, Vec<bool>), Block>,
    /// `--jit-stats`: native instructions passed since the last count update.
    uncounted: i64,
    /// As `Options::env` and `Options::env_locals`.
    env: Option<(crate::values::Value, crate::values::Value)>,
    env_locals: Vec<crate::values::Value>,
    /// Values on the stack that are most likely a known function (a global's value at
    /// compile time): calls of them check that and skip the rest (`lower/calls.rs`).
    known: std::collections::HashMap<Value, calls::Callee>,
    /// Objects the compiled code names by address (`known`): it keeps them alive.
    kept: &'a mut Vec<crate::values::Value>,
}

impl Lower<'_, '_> {
    /// Is the value `LoadFast` at `pc` pushes read only by a float operation (so an
    /// unboxed float may stand for the local's object)?
    fn read_as_float(&self, code: &Code, instrs: &[Instr], pc: usize) -> bool {
        let Some(r) = self.reader.get(pc).copied().flatten() else { return false };
        instrs.get(r as usize).is_some_and(|&i| float_binop(code, i, r as usize).is_some())
    }
}

fn mf() -> MemFlagsData {
    MemFlagsData::trusted()
}

impl Lower<'_, '_> {
    fn body(
        &mut self,
        code: &Code,
        instrs: &[Instr],
        depth: &[Option<u32>],
        native: &[bool],
        step: &[bool],
        blocks: &BTreeMap<u32, Block>,
    ) -> Result<(), String> {
        let mut stack: Vec<Value> = Vec::new();
        // Is the current position reachable (not after a terminator)?
        let mut open = false;
        let mut pc = 0usize;
        while pc < instrs.len() {
            if depth[pc].is_none() {
                pc += 1;
                continue;
            }
            // Unboxed floats live on the stack until something needs them as objects: an
            // instruction that pops them (but a float operation, `Swap`, a store to a
            // local or to a list item), `Copy` (both copies are one object), and
            // everything that writes the stack out (exits, steps, jumps).
            if open && depth[pc].is_some() {
                let ins = instrs[pc];
                let n = stack.len();
                let float_op = native[pc] && float_binop(code, ins, pc).is_some();
                // (`CompareOp` may be fused with the branch after it.)
                let writes_out = step[pc] || ins.op.is_jump() || ins.op.is_terminator() || ins.op == Op::CompareOp;
                if !blocks.contains_key(&(pc as u32)) && native[pc] && ins.op == Op::CompareOp && floats_only(code, pc)
                {
                    // A float comparison reads its operands unboxed; the branch after it
                    // takes the rest of the stack.
                    self.box_floats(&mut stack[..n.saturating_sub(2)]);
                } else if !blocks.contains_key(&(pc as u32)) && step[pc] && self.float_store_subscr(ins, &stack) {
                    // The stored value may stay unboxed (`store_subscr_float`).
                    self.box_floats(&mut stack[..n - 3]);
                    self.box_floats(&mut stack[n - 2..]);
                } else if blocks.contains_key(&(pc as u32)) || writes_out {
                    self.box_floats(&mut stack);
                } else if ins.op == Op::Copy {
                    let at = n.saturating_sub(ins.arg as usize);
                    self.box_floats(&mut stack[at..=at.min(n.saturating_sub(1))]);
                } else if !float_op && !matches!(ins.op, Op::StoreFast | Op::Swap) {
                    let (pops, _) = ins.op.pops_pushes(ins.arg, false);
                    let at = n.saturating_sub(pops as usize);
                    self.box_floats(&mut stack[at..]);
                } else if ins.op == Op::StoreFast {
                    // Only the stored value may stay unboxed.
                    let at = n.saturating_sub(1);
                    self.box_floats(&mut stack[..at]);
                }
            }
            if let Some(&bl) = blocks.get(&(pc as u32)) {
                if open {
                    self.own_passed(&stack);
                    let args: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    self.b.ins().jump(bl, &args);
                }
                self.b.switch_to_block(bl);
                stack = self.b.block_params(bl).to_vec();
                open = true;
                // (The values stored before do not dominate a block reached by jumps.)
                self.float_locals.clear();
            }
            if !open {
                pc += 1;
                continue;
            }
            let ins = instrs[pc];
            let p = pc as u32;
            // The instruction's index on what it emits (`-X jit-dump` prints it).
            self.b.set_srcloc(cranelift_codegen::ir::SourceLoc::new(p));
            if step[pc] {
                if matches!(ins.op, Op::StoreFast | Op::DeleteFast) {
                    self.float_locals.remove(&ins.arg);
                }
                let after = depth.get(pc + 1).copied().flatten().ok_or("a step falls off the end")?;
                stack = self.stepped(code, ins, p, &stack, after as usize)?;
                pc += 1;
                continue;
            }
            if !native[pc] {
                // The interpreter runs this one (and goes on until the next loop header).
                self.guards.push(Guard { pc: p, reason: Reason::NotCompiled, op: ins.op });
                let id = self.guards.len() as u32 - 1;
                self.exit(p, &stack, Some(id));
                open = false;
                pc += 1;
                continue;
            }
            if self.stats {
                // Counted per straight run of native instructions, not one by one (the
                // share is a statistic: a guard failing mid-run may count a few more).
                self.uncounted += 1;
                let next = pc + 1;
                let ends_run = ins.op.is_jump()
                    || ins.op.is_terminator()
                    || ins.op == Op::CompareOp
                    || blocks.contains_key(&(next as u32))
                    || !native.get(next).copied().unwrap_or(false);
                if ends_run {
                    let n = std::mem::take(&mut self.uncounted);
                    self.count_native(n);
                }
            }
            let arg = ins.arg;
            let target = |t: u32| blocks.get(&t).copied().ok_or_else(|| format!("no block at {t}"));
            match ins.op {
                Op::Nop | Op::Resume => {}
                Op::LoadFast if self.float_locals.contains_key(&arg) && self.read_as_float(code, instrs, pc) => {
                    stack.push(self.float_locals[&arg]);
                }
                Op::LoadFast => {
                    let v = self.b.ins().load(I64, mf(), self.base, 8 * arg as i32);
                    if !self.always_bound.get(arg as usize).copied().unwrap_or(false) {
                        let bound = self.b.ins().icmp_imm_s(IntCC::NotEqual, v, 0);
                        self.guard(bound, p, &stack, Reason::UnboundLocal);
                    }
                    if self.reader.get(pc).copied().flatten().is_some() {
                        self.borrowed.insert(v);
                    } else {
                        self.incref(v);
                    }
                    stack.push(v);
                }
                Op::StoreFast => {
                    let v = pop(&mut stack)?;
                    self.own(v);
                    if self.b.func.dfg.value_type(v) == F64 {
                        self.store_float_local(arg, v);
                        self.float_locals.insert(arg, v);
                    } else {
                        self.float_locals.remove(&arg);
                        let old = self.b.ins().load(I64, mf(), self.base, 8 * arg as i32);
                        self.b.ins().store(mf(), v, self.base, 8 * arg as i32);
                        self.xdecref(old);
                    }
                }
                Op::LoadConst => {
                    let c = code.consts.get(arg as usize).ok_or("constant index out of range")?;
                    let w = c.bits() as i64;
                    let v = self.b.ins().iconst(I64, w);
                    if w & 1 == 0 {
                        self.incref_heap(v);
                    }
                    stack.push(v);
                }
                Op::PopTop => {
                    let v = pop(&mut stack)?;
                    self.decref(v);
                }
                Op::Copy => {
                    let v =
                        *stack.len().checked_sub(arg as usize).and_then(|i| stack.get(i)).ok_or("Copy underflow")?;
                    self.incref(v);
                    stack.push(v);
                }
                Op::Swap => {
                    let n = stack.len();
                    let a = arg as usize;
                    if a == 0 || a > n {
                        return Err("Swap underflow".into());
                    }
                    stack.swap(n - 1, n - a);
                }
                Op::BinaryOp => {
                    let rhs = pop(&mut stack)?;
                    let lhs = pop(&mut stack)?;
                    let before = [stack.as_slice(), &[lhs, rhs]].concat();
                    let op = BinOp::from_arg(arg & !INPLACE);
                    let r = match float_binop(code, ins, pc) {
                        // Ints and floats seen, neither operand known to be a float: int
                        // op int must stay int, so the loop's fast path decides.
                        Some(true) if !self.known_float(code, lhs) && !self.known_float(code, rhs) => {
                            let after = depth.get(pc + 1).copied().flatten().ok_or("BinaryOp at the end")?;
                            stack = self.stepped(code, ins, p, &before, after as usize)?;
                            pc += 1;
                            continue;
                        }
                        Some(ints) => self.float_binop(op, lhs, rhs, ints, p, &before)?,
                        None => self.small_binop(op, lhs, rhs, p, &before)?,
                    };
                    stack.push(r);
                }
                Op::CompareOp => {
                    // Fused with the branch that follows (`analyse` checked it).
                    let rhs = pop(&mut stack)?;
                    let lhs = pop(&mut stack)?;
                    let before = [stack.as_slice(), &[lhs, rhs]].concat();
                    let c = if floats_only(code, pc) {
                        // Two floats (an int beside a float is compared exactly by the
                        // interpreter): IEEE's ordered predicates are Python's, and `!=`
                        // is true for a NaN.
                        let x = self.unbox_float(lhs, false, p, &before);
                        let y = self.unbox_float(rhs, false, p, &before);
                        self.decref(lhs);
                        self.decref(rhs);
                        let cc = match CmpOp::from_arg(arg) {
                            CmpOp::Lt => FloatCC::LessThan,
                            CmpOp::Le => FloatCC::LessThanOrEqual,
                            CmpOp::Eq => FloatCC::Equal,
                            CmpOp::Ne => FloatCC::NotEqual,
                            CmpOp::Gt => FloatCC::GreaterThan,
                            CmpOp::Ge => FloatCC::GreaterThanOrEqual,
                        };
                        self.b.ins().fcmp(cc, x, y)
                    } else {
                        self.guard_small(lhs, rhs, p, &before);
                        let cc = match CmpOp::from_arg(arg) {
                            CmpOp::Lt => IntCC::SignedLessThan,
                            CmpOp::Le => IntCC::SignedLessThanOrEqual,
                            CmpOp::Eq => IntCC::Equal,
                            CmpOp::Ne => IntCC::NotEqual,
                            CmpOp::Gt => IntCC::SignedGreaterThan,
                            CmpOp::Ge => IntCC::SignedGreaterThanOrEqual,
                        };
                        // Tagging (2x + 1) keeps the order, so the words compare as the ints.
                        self.b.ins().icmp(cc, lhs, rhs)
                    };
                    let br = instrs[pc + 1];
                    let jump_to = target(br.arg)?;
                    let next = target(p + 2)?;
                    self.own_passed(&stack);
                    let args: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    if br.op == Op::PopJumpIfTrue {
                        self.b.ins().brif(c, jump_to, &args, next, &args);
                    } else {
                        self.b.ins().brif(c, next, &args, jump_to, &args);
                    }
                    open = false;
                    pc += 2;
                    continue;
                }
                Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                    let v = pop(&mut stack)?;
                    let before = [stack.as_slice(), &[v]].concat();
                    let truth = match ins.op {
                        Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                            self.b.ins().icmp_imm_s(IntCC::Equal, v, crate::objects::none().bits() as i64)
                        }
                        _ => self.truth(v, p, &before),
                    };
                    self.decref(v);
                    let jump_to = target(arg)?;
                    let next = target(p + 1)?;
                    self.own_passed(&stack);
                    let args: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    if matches!(ins.op, Op::PopJumpIfTrue | Op::PopJumpIfNone) {
                        self.b.ins().brif(truth, jump_to, &args, next, &args);
                    } else {
                        self.b.ins().brif(truth, next, &args, jump_to, &args);
                    }
                    open = false;
                }
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                    // Jumps keeping the value, or pops it and goes on.
                    let v = *stack.last().ok_or("JumpIf*OrPop on an empty stack")?;
                    let truth = self.truth(v, p, &stack);
                    let keep: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    let popped = self.b.create_block();
                    let jump_to = target(arg)?;
                    if ins.op == Op::JumpIfTrueOrPop {
                        self.b.ins().brif(truth, jump_to, &keep, popped, &[]);
                    } else {
                        self.b.ins().brif(truth, popped, &[], jump_to, &keep);
                    }
                    self.b.switch_to_block(popped);
                    stack.pop();
                    self.decref(v);
                    self.own_passed(&stack);
                    let rest: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    self.b.ins().jump(target(p + 1)?, &rest);
                    open = false;
                }
                Op::Jump => {
                    self.own_passed(&stack);
                    let args: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    self.b.ins().jump(target(arg)?, &args);
                    open = false;
                }
                Op::JumpBackward => {
                    // The eval breaker (signals, finalizers, GIL hand-over, tracing) and a
                    // pending Ctrl-C send the frame back to the interpreter here.
                    let addr = self.b.ins().iconst(I64, &EVAL_BREAKER as *const _ as i64);
                    let flags = self.b.ins().load(I32, mf(), addr, 0);
                    let work = self.b.ins().band_imm_s(flags, !(layout::BREAK_STATS as i64));
                    let mut quiet = self.b.ins().icmp_imm_s(IntCC::Equal, work, 0);
                    if let Some(sig) = crate::vm::startup::sigint_flag_addr() {
                        let a = self.b.ins().iconst(I64, sig as i64);
                        let f = self.b.ins().load(I8, mf(), a, 0);
                        let no_sig = self.b.ins().icmp_imm_s(IntCC::Equal, f, 0);
                        quiet = self.b.ins().band(quiet, no_sig);
                    }
                    self.guard(quiet, p, &stack, Reason::EvalBreaker);
                    self.own_passed(&stack);
                    let args: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    self.b.ins().jump(target(arg)?, &args);
                    open = false;
                }
                Op::ForIter => {
                    let it = *stack.last().ok_or("ForIter on an empty stack")?;
                    let before = stack.clone();
                    let r = self.iter_next(it, p, &before);
                    let exhausted = self.b.ins().icmp_imm_s(IntCC::Equal, r, 0);
                    let done = self.b.create_block();
                    let next = target(p + 1)?;
                    self.own_passed(&stack);
                    let mut more: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    more.push(r.into());
                    self.b.ins().brif(exhausted, done, &[], next, &more);
                    self.b.switch_to_block(done);
                    stack.pop();
                    self.decref(it);
                    self.own_passed(&stack);
                    let rest: Vec<BlockArg> = stack.iter().map(|&v| v.into()).collect();
                    self.b.ins().jump(target(arg)?, &rest);
                    open = false;
                }
                Op::ReturnValue => {
                    // The interpreter returns (entry frames, generators, `__init__`), or
                    // a compiled caller that called this directly (`jit_call_done`).
                    self.exit_word(&stack, runtime::EXIT_RETURN | p as u64);
                    open = false;
                }
                op => return Err(format!("{} reached the lowering", op.name())),
            }
            pc += 1;
        }
        if open {
            return Err("code falls off its end".into());
        }
        Ok(())
    }

    /// `--jit-stats`: count `n` instructions run natively.
    fn count_native(&mut self, n: i64) {
        let addr = self.b.ins().iconst(I64, super::stats::native_counter() as i64);
        let c = self.b.ins().load(I64, mf(), addr, 0);
        let c = self.b.ins().iadd_imm_s(c, n);
        self.b.ins().store(mf(), c, addr, 0);
    }

    /// Continues where `ok` is true; otherwise leaves for the interpreter at `pc` with
    /// `stack` (the stack as it was before instruction `pc`). Under deopt-stress the
    /// guard also fails the first time it is reached.
    fn guard(&mut self, ok: Value, pc: u32, stack: &[Value], reason: Reason) {
        let id = self.guards.len();
        self.guards.push(Guard { pc, reason, op: Op::Nop });
        let cont = self.b.create_block();
        // Conditions arrive as i8 flags or as i64 words (nonzero = true): make them i8.
        let mut ok =
            if self.b.func.dfg.value_type(ok) == I8 { ok } else { self.b.ins().icmp_imm_s(IntCC::NotEqual, ok, 0) };
        let flag_addr = (id < self.stress_cap).then(|| self.stress_base + id as i64);
        if let (true, Some(fa)) = (self.stress, flag_addr) {
            let a = self.b.ins().iconst(I64, fa);
            let failed_once = self.b.ins().load(I8, mf(), a, 0);
            let seen = self.b.ins().icmp_imm_s(IntCC::NotEqual, failed_once, 0);
            ok = self.b.ins().band(ok, seen);
        }
        // The word is made on the cold path, so the hot path stays a test and a branch.
        let exit = self.shared_exit(pc, stack);
        let fail = self.b.create_block();
        self.b.set_cold_block(fail);
        self.b.ins().brif(ok, cont, &[], fail, &[]);
        self.b.switch_to_block(fail);
        if let (true, Some(fa)) = (self.stress, flag_addr) {
            let a = self.b.ins().iconst(I64, fa);
            let one = self.b.ins().iconst(I8, 1);
            self.b.ins().store(mf(), one, a, 0);
        }
        let word = self.b.ins().iconst(I64, (((id as u64 + 1) << 32) | pc as u64) as i64);
        self.b.ins().jump(exit, &[word.into()]);
        self.b.switch_to_block(cont);
    }

    /// The exit block the guards of instruction `pc` with this `stack` share: it writes
    /// the stack to the frame and returns the word it is passed. (Filled in after the
    /// body: the block being lowered cannot be left unfinished.)
    fn shared_exit(&mut self, pc: u32, stack: &[Value]) -> Block {
        let borrowed: Vec<bool> = stack.iter().map(|v| self.borrowed.contains(v)).collect();
        let key = (pc, stack.to_vec(), borrowed);
        if let Some(&e) = self.exits.get(&key) {
            return e;
        }
        let e = self.b.create_block();
        self.b.append_block_param(e, I64);
        self.b.set_cold_block(e);
        self.exits.insert(key, e);
        e
    }

    /// Emits the shared exit blocks of guards (`shared_exit`).
    fn fill_exits(&mut self) {
        let mut exits: Vec<_> = std::mem::take(&mut self.exits).into_iter().collect();
        exits.sort_by_key(|&(_, e)| e);
        for ((pc, stack, borrowed), e) in exits {
            self.b.switch_to_block(e);
            self.b.set_srcloc(cranelift_codegen::ir::SourceLoc::new(pc));
            let word = self.b.block_params(e)[0];
            self.borrowed = stack.iter().zip(&borrowed).filter(|&(_, &b)| b).map(|(&v, _)| v).collect();
            self.spill(&stack);
            self.b.ins().return_(&[word]);
        }
        self.borrowed.clear();
    }

    /// Writes `stack` to the frame's stack slots, sets `top`, and returns `pc` (with the
    /// guard's id + 1 in the high half when a guard failed).
    fn exit(&mut self, pc: u32, stack: &[Value], guard: Option<u32>) {
        let word = ((guard.map_or(0, |g| g as u64 + 1)) << 32) | pc as u64;
        self.exit_word(stack, word);
    }

    /// Writes `stack` to the frame's stack slots, sets `top`, and returns `word`.
    fn exit_word(&mut self, stack: &[Value], word: u64) {
        self.spill(stack);
        let r = self.b.ins().iconst(I64, word as i64);
        self.b.ins().return_(&[r]);
    }

    /// Writes `stack` (floats boxed) to the frame's stack slots and sets `top`: the frame
    /// owns those references then.
    fn spill(&mut self, stack: &[Value]) {
        let mut stack = stack.to_vec();
        self.box_floats(&mut stack);
        self.own_passed(&stack);
        let first = 8 * self.nlocals;
        for (i, &v) in stack.iter().enumerate() {
            self.b.ins().store(mf(), v, self.base, (first + 8 * i as i64) as i32);
        }
        let top = self.b.ins().iadd_imm_s(self.base, first + 8 * stack.len() as i64);
        self.b.ins().store(mf(), top, self.frame, OFF_STACK_TOP);
    }

    /// Runs `emit` (which must end by jumping to the block it is given) when `v` is a
    /// heap pointer, and joins after it; `skip_zero` also skips a 0 word (unbound).
    fn if_heap(&mut self, v: Value, skip_zero: bool, emit: impl FnOnce(&mut Self, Block)) {
        // A constant word is known now: a small int (or 0) emits nothing, an object no test.
        if let Some(w) = self.const_word(v) {
            if w & 1 == 1 || w == 0 {
                return;
            }
            let cont = self.b.create_block();
            emit(self, cont);
            self.b.switch_to_block(cont);
            return;
        }
        let tag = self.b.ins().band_imm_s(v, 1);
        let mut skip = self.b.ins().icmp_imm_s(IntCC::NotEqual, tag, 0);
        if skip_zero {
            let zero = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
            skip = self.b.ins().bor(skip, zero);
        }
        let heap = self.b.create_block();
        let cont = self.b.create_block();
        self.b.ins().brif(skip, cont, &[], heap, &[]);
        self.b.switch_to_block(heap);
        emit(self, cont);
        self.b.switch_to_block(cont);
    }

    /// One more reference to `v` (nothing for a small int).
    fn incref(&mut self, v: Value) {
        self.if_heap(v, false, |s, cont| {
            s.incref_heap(v);
            s.b.ins().jump(cont, &[]);
        });
    }

    /// `refcnt += 1` of a heap object (the count is the header's first `u32`).
    fn incref_heap(&mut self, v: Value) {
        let n = self.b.ins().load(I32, mf(), v, 0);
        let n = self.b.ins().iadd_imm_s(n, 1);
        self.b.ins().store(mf(), n, v, 0);
    }

    /// Drops the reference `v` holds: inline while other references remain, through the
    /// runtime (which frees the object) for the last one.
    fn decref(&mut self, v: Value) {
        // (An unboxed float is no reference.)
        if self.borrowed.contains(&v) || self.b.func.dfg.value_type(v) == F64 {
            return;
        }
        self.if_heap(v, false, |s, cont| s.decref_heap(v, cont));
    }

    /// Makes `v` an owned reference from here on, if it is a borrowed local (emitted
    /// where it dominates every later use of `v`).
    fn own(&mut self, v: Value) {
        if self.borrowed.remove(&v) {
            self.incref(v);
        }
    }

    /// A reference for each borrowed local in `vals`, which something keeps from here on
    /// this path (a block's parameters, the frame's stack): `v` stays borrowed on other
    /// paths.
    fn own_passed(&mut self, vals: &[Value]) {
        for &v in vals {
            if self.borrowed.contains(&v) {
                self.incref(v);
            }
        }
    }

    /// As `decref`, for a word that may be 0 (an unbound local).
    fn xdecref(&mut self, v: Value) {
        self.if_heap(v, true, |s, cont| s.decref_heap(v, cont));
    }

    fn decref_heap(&mut self, v: Value, cont: Block) {
        let n = self.b.ins().load(I32, mf(), v, 0);
        let last = self.b.ins().icmp_imm_s(IntCC::Equal, n, 1);
        let free = self.b.create_block();
        let keep = self.b.create_block();
        self.b.set_cold_block(free);
        self.b.ins().brif(last, free, &[], keep, &[]);
        self.b.switch_to_block(keep);
        let n1 = self.b.ins().iadd_imm_s(n, -1);
        self.b.ins().store(mf(), n1, v, 0);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(free);
        self.call_helper(runtime::jit_decref as *const u8 as i64, &[v]);
        self.b.ins().jump(cont, &[]);
    }

    /// Calls a runtime helper taking and returning words.
    fn call_helper_ret(&mut self, addr: i64, args: &[Value]) -> Value {
        let f = self.b.ins().iconst(I64, addr);
        self.call_ret(f, args)
    }

    /// Calls the function at address `f` taking and returning words.
    fn call_ret(&mut self, f: Value, args: &[Value]) -> Value {
        self.call_typed(f, args, I64)
    }

    /// Calls the function at address `f` with `args` (words or floats, by their IR type),
    /// returning a `ret`.
    fn call_typed(&mut self, f: Value, args: &[Value], ret: cranelift_codegen::ir::Type) -> Value {
        let mut sig = cranelift_codegen::ir::Signature::new(self.b.func.signature.call_conv);
        sig.params.extend(args.iter().map(|&a| AbiParam::new(self.b.func.dfg.value_type(a))));
        sig.returns.push(AbiParam::new(ret));
        let sr = self.b.import_signature(sig);
        let call = self.b.ins().call_indirect(sr, f, args);
        self.b.inst_results(call)[0]
    }

    fn call_helper(&mut self, addr: i64, args: &[Value]) {
        let mut sig = cranelift_codegen::ir::Signature::new(self.b.func.signature.call_conv);
        sig.params.extend(args.iter().map(|_| AbiParam::new(I64)));
        let sr = self.b.import_signature(sig);
        let f = self.b.ins().iconst(I64, addr);
        self.b.ins().call_indirect(sr, f, args);
    }
}

fn pop(stack: &mut Vec<Value>) -> Result<Value, String> {
    stack.pop().ok_or_else(|| "stack underflow".to_owned())
}
