//! `--jit-stats`: what the JIT compiled, what it could not and why, where compiled code
//! gave control back (deopts by function, line, reason and guilty type), printed to
//! stderr at exit or written as JSON (`--jit-stats=json:PATH`).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use super::lower::{Compiled, Reason};
use crate::bytecode::code::Code;
use crate::values::gil::GilStatic;
use crate::vm::frame::Frame;

/// Instructions run in compiled code (incremented by compiled code itself when stats are
/// on, with plain loads and stores: only the GIL holder runs compiled code).
static NATIVE: AtomicU64 = AtomicU64::new(0);

pub fn native_counter() -> *mut u64 {
    NATIVE.as_ptr()
}

#[derive(Default)]
struct Stats {
    compiled: Vec<&'static Compiled>,
    failed: Vec<(String, String)>,
    gave_up: Vec<String>,
    /// Functions compiled again with the feedback a failing guard left.
    recompiled: Vec<String>,
    entries: u64,
    osr_entries: u64,
    /// Back into compiled code after a call it left for returned.
    call_returns: u64,
    /// Setting up Cranelift, once.
    startup_us: u64,
    deopts: BTreeMap<(String, u32, Reason, String), u64>,
    /// Exits at instructions not compiled yet: (function, line, instruction) → count.
    exits: BTreeMap<(String, u32, &'static str), u64>,
}

static STATS: GilStatic<RefCell<Option<Stats>>> = GilStatic::new(RefCell::new(None));

fn with<R>(f: impl FnOnce(&mut Stats) -> R) -> R {
    let mut s = STATS.borrow_mut();
    f(s.get_or_insert_with(Stats::default))
}

pub fn compiled(c: &'static Compiled) {
    with(|s| s.compiled.push(c));
}

pub fn failed(code: &Code, reason: String) {
    let name = format!(
        "{} ({}:{})",
        code.qualname.as_str().unwrap_or("?"),
        code.filename.as_str().unwrap_or("?"),
        code.firstlineno
    );
    with(|s| s.failed.push((name, reason)));
}

pub fn started(us: u64) {
    with(|s| s.startup_us = us);
}

pub fn gave_up(c: &Compiled) {
    with(|s| s.gave_up.push(c.name.clone()));
}

pub fn recompiling(c: &Compiled) {
    with(|s| s.recompiled.push(c.name.clone()));
}

/// Compiled code entered at `pc`: a function's start, a loop header (OSR), or after a
/// call returned (`after_call`).
pub fn entered(pc: u32, after_call: bool) {
    with(|s| {
        if after_call {
            s.call_returns += 1;
        } else if pc == 0 {
            s.entries += 1;
        } else {
            s.osr_entries += 1;
        }
    });
}

/// Compiled code left through guard or exit `guard`: `frame` is as the interpreter
/// resumes it (the guarded instruction's operands on top of its stack), which names the
/// guilty type and the line.
pub fn deopt(c: &Compiled, guard: u32, frame: &Frame) {
    let Some(g) = c.guards.get(guard as usize) else { return };
    let line = frame.code().line_at(g.pc as usize);
    if g.reason == Reason::NotCompiled {
        // A generator suspending is its normal way out, not a missing instruction.
        if g.op == crate::bytecode::opcode::Op::YieldValue {
            return;
        }
        with(|s| *s.exits.entry((c.name.clone(), line, g.op.name())).or_insert(0) += 1);
        return;
    }
    let guilty = match g.reason {
        Reason::NotSmallInt | Reason::NotBool | Reason::NotFloat => {
            let st = frame.slots.stack();
            let n = if g.reason == Reason::NotBool { 1 } else { 2 };
            let expected = |v: &crate::values::Value| match g.reason {
                Reason::NotFloat => v.kind() == crate::values::Kind::Float,
                _ => v.is_small(),
            };
            let names: Vec<String> = st
                .iter()
                .rev()
                .take(n)
                .rev()
                .filter(|v| !expected(v))
                .map(|v| crate::vm::protocol::type_name(v))
                .collect();
            names.join(", ")
        }
        _ => String::new(),
    };
    with(|s| *s.deopts.entry((c.name.clone(), line, g.reason, guilty)).or_insert(0) += 1);
}

/// The report, on stderr (`json:PATH`: the same as one JSON object in PATH).
pub fn report(dest: Option<&str>, interpreted: u64) {
    let native = NATIVE.load(Ordering::Relaxed);
    let share = if native + interpreted == 0 { 0.0 } else { native as f64 / (native + interpreted) as f64 };
    let s = STATS.borrow();
    let empty = Stats::default();
    let s = s.as_ref().unwrap_or(&empty);
    match dest.and_then(|d| d.strip_prefix("json:")) {
        Some(path) => {
            if let Err(e) = std::fs::write(path, json(s, share)) {
                eprintln!("pylift: --jit-stats: cannot write {path}: {e}");
            }
        }
        None => eprint!("{}", text(s, share, native, interpreted)),
    }
}

fn text(s: &Stats, share: f64, native: u64, interpreted: u64) -> String {
    let mut o = String::new();
    let total_us: u64 = s.compiled.iter().map(|c| c.compile_us.get()).sum();
    let bytes: u64 = s.compiled.iter().map(|c| c.code_bytes as u64).sum();
    let guards: usize = s.compiled.iter().map(|c| c.guards.len()).sum();
    let _ = writeln!(o, "── pylift JIT ──────────────────────────────────────────────");
    let _ = writeln!(
        o,
        "compiled {} | failed {} | invalidated {} | recompiled {} | entries {} | OSR entries {} | re-entries after calls {}",
        s.compiled.len(),
        s.failed.len(),
        s.gave_up.len(),
        s.recompiled.len(),
        s.entries,
        s.osr_entries,
        s.call_returns
    );
    let mut times: Vec<u64> = s.compiled.iter().map(|c| c.compile_us.get()).collect();
    times.sort_unstable();
    let median = times.get(times.len() / 2).copied().unwrap_or(0);
    let _ = writeln!(
        o,
        "compile time {total_us} µs (median {median} µs; Cranelift start-up {} µs) | machine code {bytes} bytes | guards {guards}",
        s.startup_us
    );
    let _ = writeln!(o, "instructions: {native} native, {interpreted} interpreted ({:.1}% native)", share * 100.0);
    if !s.compiled.is_empty() {
        let _ = writeln!(o, "compiled functions:");
        for c in &s.compiled {
            let _ = writeln!(
                o,
                "  {} ({}:{})  {} µs, {} bytes, {} guards, {} deopts",
                c.name,
                c.file,
                c.line,
                c.compile_us.get(),
                c.code_bytes,
                c.guards.len(),
                c.deopts.get()
            );
        }
    }
    if !s.failed.is_empty() {
        let _ = writeln!(o, "not compiled:");
        for (f, r) in &s.failed {
            let _ = writeln!(o, "  {f}: {r}");
        }
    }
    if !s.recompiled.is_empty() {
        let _ = writeln!(o, "compiled again (a guard kept failing): {}", s.recompiled.join(", "));
    }
    if !s.gave_up.is_empty() {
        let _ = writeln!(o, "sent back to the interpreter (guards kept failing): {}", s.gave_up.join(", "));
    }
    if !s.deopts.is_empty() {
        let _ = writeln!(o, "deopts (function:line  reason  guilty type  count):");
        let mut rows: Vec<_> = s.deopts.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1));
        for ((f, line, r, g), n) in rows {
            let _ = writeln!(o, "  {f}:{line}  {}  {}  {n}", r.text(), if g.is_empty() { "-" } else { g });
        }
    }
    if !s.exits.is_empty() {
        let _ = writeln!(o, "exits at instructions not compiled yet (function:line  instruction  count):");
        let mut rows: Vec<_> = s.exits.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1));
        for ((f, line, op), n) in rows.into_iter().take(10) {
            let _ = writeln!(o, "  {f}:{line}  {op}  {n}");
        }
    }
    o
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for ch in s.chars() {
        match ch {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn json(s: &Stats, share: f64) -> String {
    let compiled: Vec<String> = s
        .compiled
        .iter()
        .map(|c| {
            format!(
                "{{\"function\": {}, \"file\": {}, \"line\": {}, \"compile_us\": {}, \"code_bytes\": {}, \"guards\": {}}}",
                esc(&c.name),
                esc(&c.file),
                c.line,
                c.compile_us.get(),
                c.code_bytes,
                c.guards.len()
            )
        })
        .collect();
    let failed: Vec<String> =
        s.failed.iter().map(|(f, r)| format!("{{\"function\": {}, \"reason\": {}}}", esc(f), esc(r))).collect();
    let deopts: Vec<String> = s
        .deopts
        .iter()
        .map(|((f, line, r, g), n)| {
            format!(
                "{{\"function\": {}, \"line\": {line}, \"reason\": {}, \"guilty_type\": {}, \"count\": {n}}}",
                esc(f),
                esc(r.text()),
                esc(g)
            )
        })
        .collect();
    let invalidated: Vec<String> = s.gave_up.iter().map(|n| esc(n)).collect();
    let total_us: u64 = s.compiled.iter().map(|c| c.compile_us.get()).sum();
    format!(
        "{{\"compiled\": [{}], \"failed\": [{}], \"invalidated\": [{}], \"osr_entries\": {}, \"deopts\": [{}], \"compile_us_total\": {total_us}, \"native_share\": {share:.6}}}\n",
        compiled.join(", "),
        failed.join(", "),
        invalidated.join(", "),
        s.osr_entries,
        deopts.join(", ")
    )
}
