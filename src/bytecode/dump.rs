//! The disassembler: a readable listing of a code object and its nested code objects
//! (`-X dump-bytecode`), in the spirit of CPython's `dis`; with the feedback decoded
//! (`-X dump-feedback`, printed after the run).

use std::fmt::Write;

use crate::bytecode::code::Code;
use crate::bytecode::feedback::{Decoded, GlobalEntry};
use crate::bytecode::opcode::{ArgKind, BinOp, CmpOp, INPLACE, Instr};
use crate::values::Value;

/// Formats `code` and every code object among its constants, recursively.
pub fn dump(code: &Code) -> String {
    let mut out = String::new();
    dump_into(code, &mut out, false);
    out
}

/// `dump`, each instruction followed by the feedback it recorded (kinds seen, caches,
/// back-edge counts) and each code object's header by its call count.
pub fn dump_with_feedback(code: &Code) -> String {
    let mut out = String::new();
    dump_into(code, &mut out, true);
    out
}

/// What instruction `pc` recorded, decoded: `kinds SmallInt|Float`, `attr InstDict[0] v12`...
/// Empty when it recorded nothing.
pub fn feedback_detail(code: &Code, pc: usize) -> String {
    let mut parts = Vec::new();
    match code.feedback_at(pc) {
        Decoded::None | Decoded::NameIndex(None) | Decoded::Global(None) | Decoded::BackEdges(0) => {}
        Decoded::Kinds(k) => {
            if !k.is_empty() {
                parts.push(format!("kinds {k}"));
            }
        }
        Decoded::NameIndex(Some(ix)) => parts.push(format!("locals[{ix}]")),
        Decoded::Global(Some(GlobalEntry::Global { index })) => parts.push(format!("globals[{index}]")),
        Decoded::Global(Some(GlobalEntry::Builtin { index, globals_version })) => {
            parts.push(format!("builtins[{index}] while globals v{globals_version}"))
        }
        Decoded::BackEdges(n) => parts.push(format!("back edges {n}")),
    }
    if let Some(e) = code.attr_entry(pc) {
        parts.push(format!("attr {e}"));
    }
    parts.join("; ")
}

fn short(v: &Value) -> String {
    if let Some(i) = v.as_small() {
        return i.to_string();
    }
    if let Some(s) = v.as_str() {
        return format!("{s:?}");
    }
    if v.is_none() {
        return "None".into();
    }
    if let Some(c) = v.payload::<Code>() {
        return format!("<code {}>", c.qualname.as_str().unwrap_or("?"));
    }
    if let Some(f) = v.as_float() {
        return format!("{f:?}");
    }
    if let Some(b) = v.payload::<crate::objects::int::PyBool>() {
        return if b.0 { "True".into() } else { "False".into() };
    }
    if let Some(i) = v.payload::<crate::objects::int::PyInt>() {
        return i.0.to_string();
    }
    if let Some(t) = v.payload::<crate::objects::tuple::PyTuple>() {
        let items: Vec<String> = t.0.iter().map(short).collect();
        return if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) };
    }
    format!("<{:?}>", v.kind())
}

/// What the argument stands for, by the opcode's argument kind: `(name)`, `(to 12)`...
fn arg_detail(code: &Code, ins: Instr) -> String {
    let arg = ins.arg as usize;
    let name_in = |v: &[Value]| format!("({})", v.get(arg).and_then(|n| n.as_str()).unwrap_or("?"));
    match ins.op.arg_kind() {
        ArgKind::Const => format!("({})", short(&code.consts[arg])),
        ArgKind::Name => name_in(&code.names),
        ArgKind::Local => name_in(&code.varnames),
        ArgKind::Cell if arg < code.nlocalsplus() => {
            format!("({})", code.localsplus_name(arg).as_str().unwrap_or("?"))
        }
        ArgKind::BinOp => {
            let inplace = if ins.arg & INPLACE != 0 { "=" } else { "" };
            format!("({}{inplace})", BinOp::from_arg(ins.arg).symbol())
        }
        ArgKind::CmpOp => format!("({})", CmpOp::from_arg(ins.arg).symbol()),
        ArgKind::FunctionFlags if ins.arg != 0 => {
            let bits = [(1, "defaults"), (2, "kwdefaults"), (4, "annotations"), (8, "closure")];
            let v: Vec<&str> = bits.iter().filter(|(b, _)| ins.arg & b != 0).map(|(_, n)| *n).collect();
            format!("({})", v.join(", "))
        }
        ArgKind::Jump => format!("(to {})", ins.arg),
        ArgKind::Cell
        | ArgKind::FunctionFlags
        | ArgKind::None
        | ArgKind::Count
        | ArgKind::Depth
        | ArgKind::Invert
        | ArgKind::Flags
        | ArgKind::CountPair => String::new(),
    }
}

fn dump_into(code: &Code, out: &mut String, feedback: bool) {
    let qn = code.qualname.as_str().unwrap_or("?");
    let _ = writeln!(out, "Disassembly of <code {qn}> (line {}):", code.firstlineno);
    let names = |v: &[Value]| v.iter().map(|n| n.as_str().unwrap_or("?").to_owned()).collect::<Vec<_>>().join(", ");
    let _ = writeln!(
        out,
        "  args {} posonly {} kwonly {} flags {:#x} stacksize {}; varnames ({}) cellvars ({}) freevars ({})",
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags,
        code.stacksize,
        names(&code.varnames),
        names(&code.cellvars),
        names(&code.freevars)
    );
    if feedback {
        let _ = writeln!(out, "  calls {}", code.call_count());
    }
    let mut last_line = 0;
    for (pc, cell) in code.instrs.iter().enumerate() {
        let ins = cell.get();
        let line = code.line_at(pc);
        let l = if line != last_line { format!("{line:>5}") } else { "     ".into() };
        last_line = line;
        let detail = arg_detail(code, ins);
        let fb = if feedback { feedback_detail(code, pc) } else { String::new() };
        if fb.is_empty() {
            let _ = writeln!(out, "{l} {pc:>6} {:<20} {:>4} {detail}", ins.op.name(), ins.arg);
        } else {
            let _ = writeln!(out, "{l} {pc:>6} {:<20} {:>4} {detail:<24} # {fb}", ins.op.name(), ins.arg);
        }
    }
    if !code.exc_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exc_table {
            let lasti = if e.push_lasti { " lasti" } else { "" };
            let _ = writeln!(out, "  {} to {} -> {} [{}]{lasti}", e.start, e.end, e.target, e.depth);
        }
    }
    for c in &code.consts {
        if let Some(inner) = c.payload::<Code>() {
            out.push('\n');
            dump_into(inner, out, feedback);
        }
    }
}
