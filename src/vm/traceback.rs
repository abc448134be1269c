//! Printing uncaught exceptions as CPython does: `Traceback (most recent call last):`, one
//! entry per frame with its source line and 3.11's `^^^`/`~~^~~` markers, repeated-line
//! folding, chained causes and contexts, `__notes__`, and the `SyntaxError` layout.
//!
//! Positions: `Code::cols[i]` is (start, end) as 0-based byte offsets into the source line
//! `Code::lines[i]`; `end == u32::MAX` (or `end < start`) means the expression ends on a
//! later line; (0, 0) means unknown (no markers).

use std::collections::HashMap;

use crate::bytecode::code::Code;
use crate::compiler::{CompileError, CompileWarning, Located};
use crate::objects::dict::PyDict;
use crate::objects::exception::PyException;
use crate::objects::frame::{PyFrameObj, PyTraceback};
use crate::objects::int::new_int;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{PyErr, new_exception};
use crate::vm::{PyResult, Vm};

/// traceback.py's `_ExceptionPrintContext`: nesting depth of exception groups.
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: Vec<Value>,
    files: HashMap<String, Option<Vec<String>>>,
    /// The traceback to show for the outermost exception instead of its `__traceback__`
    /// (`format_exception(type, value, tb)`: unittest passes a trimmed one).
    top_tb: Option<(Value, Option<Value>)>,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Appends `text` with every line prefixed by the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: Option<char>) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin.unwrap_or('|'));
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// One traceback line to print.
struct Entry {
    filename: String,
    lineno: u32,
    name: String,
    cols: (u32, u32),
}

impl Vm {
    /// Writes the traceback of `exc` (with its chain) to stderr in CPython's format.
    pub fn print_exception(&mut self, exc_v: &Value) {
        let s = self.format_exception(exc_v);
        crate::vm::startup::flush_std_streams(self);
        // To sys.stderr as it is now (a replacement object gets the text; None drops it).
        match crate::builtins::io::sys_attr(self, "stderr") {
            Some(e) if e.is_none() => {}
            Some(e) if e.downcast::<crate::objects::file::PyFile>().is_none() => {
                if crate::builtins::io::write_to(self, &e, &s).is_err() {
                    eprint!("{s}");
                }
                if let Ok(Some(f)) = self.getattr_opt(&e, "flush") {
                    let _ = self.call(&f, crate::vm::Args::positional_only(&[]));
                }
            }
            Some(e) => {
                if crate::builtins::io::write_to(self, &e, &s).is_err() {
                    eprint!("{s}");
                }
                crate::vm::startup::flush_std_streams(self);
            }
            None => eprint!("{s}"),
        }
    }

    /// The full CPython-style report for `exc_v` (chain included).
    pub fn format_exception(&mut self, exc_v: &Value) -> String {
        self.format_exception_with_tb(exc_v, None)
    }

    /// `format_exception` with `tb` (None: no traceback) shown for `exc_v` itself.
    pub fn format_exception_with_tb(&mut self, exc_v: &Value, tb: Option<Option<Value>>) -> String {
        let mut out = String::new();
        let top_tb = tb.map(|t| (exc_v.clone(), t));
        let mut ctx = Ctx { depth: 0, need_close: false, seen: Vec::new(), files: HashMap::new(), top_tb };
        self.format_exc(exc_v, &mut ctx, &mut out);
        out
    }

    /// traceback.py's `TracebackException.format`: the chain oldest first, exception
    /// groups as nested boxes.
    fn format_exc(&mut self, e: &Value, ctx: &mut Ctx, out: &mut String) {
        let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
        let mut cur = Some(e.clone());
        while let Some(x) = cur.take() {
            ctx.seen.push(x.clone());
            let mut msg = None;
            if let Some(p) = x.downcast::<PyException>() {
                let cause = p.cause.borrow().clone().filter(|c| !c.is_none());
                let context = p.context.borrow().clone().filter(|c| !c.is_none());
                if let Some(c) = cause {
                    if !ctx.seen.iter().any(|s| s.is(&c)) {
                        msg = Some("\nThe above exception was the direct cause of the following exception:\n\n");
                        cur = Some(c);
                    }
                } else if let Some(c) = context {
                    if !p.suppress_context.get() && !ctx.seen.iter().any(|s| s.is(&c)) {
                        msg = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
                        cur = Some(c);
                    }
                }
            }
            chain.push((msg, x));
        }
        for (msg, x) in chain.into_iter().rev() {
            if let Some(m) = msg {
                ctx.emit(out, m, None);
            }
            let tb = match &ctx.top_tb {
                Some((top, t)) if top.is(&x) => t.clone(),
                _ => x.downcast::<PyException>().and_then(|p| p.traceback.borrow().clone()),
            };
            let group = self.group_members(&x);
            match group {
                None => {
                    if let Some(tb) = &tb {
                        ctx.emit(out, "Traceback (most recent call last):\n", None);
                        let mut s = String::new();
                        format_entries(&collect_entries(tb), &mut s, &mut ctx.files);
                        ctx.emit(out, &s, None);
                    }
                    let s = self.format_exception_only(&x);
                    ctx.emit(out, &s, None);
                }
                Some(_) if ctx.depth > 10 => ctx.emit(out, "... (max_group_depth is 10)\n", None),
                Some(members) => {
                    let toplevel = ctx.depth == 0;
                    if toplevel {
                        ctx.depth += 1;
                    }
                    if let Some(tb) = &tb {
                        ctx.emit(
                            out,
                            "Exception Group Traceback (most recent call last):\n",
                            if toplevel { Some('+') } else { None },
                        );
                        let mut s = String::new();
                        format_entries(&collect_entries(tb), &mut s, &mut ctx.files);
                        ctx.emit(out, &s, None);
                    }
                    let s = self.format_exception_only(&x);
                    ctx.emit(out, &s, None);
                    let n = if members.len() <= 15 { members.len() } else { 16 };
                    ctx.need_close = false;
                    for i in 0..n {
                        let last = i == n - 1;
                        if last {
                            ctx.need_close = true;
                        }
                        let truncated = i >= 15;
                        let title = if truncated { "...".to_owned() } else { (i + 1).to_string() };
                        out.push_str(&format!(
                            "{}{}+---------------- {title} ----------------\n",
                            ctx.indent(),
                            if i == 0 { "+-" } else { "  " }
                        ));
                        ctx.depth += 1;
                        if !truncated {
                            self.format_exc(&members[i], ctx, out);
                        } else {
                            let remaining = members.len() - 15;
                            let m = format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" });
                            ctx.emit(out, &m, None);
                        }
                        if last && ctx.need_close {
                            out.push_str(&format!("{}+------------------------------------\n", ctx.indent()));
                            ctx.need_close = false;
                        }
                        ctx.depth -= 1;
                    }
                    if toplevel {
                        ctx.depth = 0;
                    }
                }
            }
        }
    }

    /// The members of an exception group (`exceptions`), or None for other exceptions.
    fn group_members(&mut self, e: &Value) -> Option<Vec<Value>> {
        let beg = self.builtins.payload::<PyDict>().and_then(|d| d.get_str("BaseExceptionGroup"))?;
        if !crate::vm::protocol::is_subtype(e.type_of(), &beg) {
            return None;
        }
        let ex = self.getattr_opt(e, "exceptions").ok().flatten()?;
        self.to_vec(&ex).ok()
    }

    /// `format_exception_only`: the `Type: message` line (SyntaxError details, "Did you
    /// mean", `__notes__`).
    fn format_exception_only(&mut self, e: &Value) -> String {
        let mut out = String::new();
        let is_syntax = crate::vm::protocol::is_subtype(e.type_of(), &exc().syntax_error);
        if is_syntax {
            self.format_syntax_error_body(e, &mut out);
        }
        let name = qualified_type_name(e);
        let msg = if is_syntax {
            match self.getattr_opt(e, "msg") {
                Ok(Some(m)) if !m.is_none() => self.str_string(&m).unwrap_or_default(),
                _ => crate::objects::exception::exc_str(self, e),
            }
        } else {
            crate::objects::exception::exc_str(self, e)
        };
        let suggestion = self.suggestion_for(e);
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{name}: {msg}"));
        }
        if let Some(s) = suggestion {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
        if let Ok(Some(notes)) = self.getattr_opt(e, "__notes__") {
            if let Ok(items) = self.to_vec(&notes) {
                for n in items {
                    match n.as_str() {
                        Some(s) => out.push_str(s),
                        None => out.push_str(&self.str_string(&n).unwrap_or_else(|_| "<note str() failed>".into())),
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    /// CPython's "Did you mean" for NameError (the failing frame's locals, globals,
    /// builtins) and AttributeError (`dir(obj)`).
    fn suggestion_for(&mut self, e: &Value) -> Option<String> {
        let x = exc();
        let is_name = crate::vm::protocol::is_subtype(e.type_of(), &x.name_error);
        let is_attr = crate::vm::protocol::is_subtype(e.type_of(), &x.attribute_error);
        if !is_name && !is_attr {
            return None;
        }
        let name = self.getattr_opt(e, "name").ok().flatten()?;
        let name = name.as_str()?.to_owned();
        if is_attr {
            let obj = self.getattr_opt(e, "obj").ok().flatten()?;
            let builtins = self.builtins.clone();
            let dir = builtins.payload::<PyDict>().and_then(|d| d.get_str("dir"))?;
            let names = self.call(&dir, crate::vm::Args::positional_only(&[obj])).ok()?;
            let names: Vec<String> =
                self.to_vec(&names).ok()?.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
            return calculate_suggestion(&names, &name);
        }
        // The innermost frame of the traceback.
        let mut tb = e.downcast::<PyException>().and_then(|p| p.traceback.borrow().clone())?;
        loop {
            let next = tb.payload::<PyTraceback>()?.next.borrow().clone();
            match next {
                Some(n) => tb = n,
                None => break,
            }
        }
        let fo = tb.payload::<PyTraceback>()?.frame.clone();
        let f = fo.payload::<PyFrameObj>()?;
        let code = f.code.payload::<Code>()?;
        let locals: Vec<String> = code.varnames.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
        if let Some(s) = calculate_suggestion(&locals, &name) {
            return Some(s);
        }
        let keys = |d: &Value| -> Vec<String> {
            d.payload::<PyDict>()
                .map(|d| d.keys().iter().filter_map(|k| k.as_str().map(str::to_owned)).collect())
                .unwrap_or_default()
        };
        if let Some(s) = calculate_suggestion(&keys(&f.globals), &name) {
            return Some(s);
        }
        calculate_suggestion(&keys(&self.builtins.clone()), &name)
    }

    /// `  File "x.py", line N`, the stripped text and the caret line of a SyntaxError.
    fn format_syntax_error_body(&mut self, e: &Value, out: &mut String) {
        let get = |vm: &mut Vm, n: &str| vm.getattr_opt(e, n).ok().flatten().filter(|v| !v.is_none());
        let filename = get(self, "filename").and_then(|v| v.as_str().map(str::to_owned));
        let lineno = get(self, "lineno").and_then(|v| crate::objects::int::to_i64(&v));
        let text = get(self, "text").and_then(|v| v.as_str().map(str::to_owned));
        let offset = get(self, "offset").and_then(|v| crate::objects::int::to_i64(&v));
        let end_offset = get(self, "end_offset").and_then(|v| crate::objects::int::to_i64(&v));
        let fname = filename.unwrap_or_else(|| "<string>".into());
        // CPython's printer shows no location at all for an error without a line.
        let Some(l) = lineno else { return };
        out.push_str(&format!("  File \"{fname}\", line {l}\n"));
        let is_indent = crate::vm::protocol::is_subtype(e.type_of(), &exc().indentation_error);
        if let Some(t) = text {
            out.push_str(&syntax_text_lines(&t, offset, if is_indent { None } else { end_offset }));
        }
    }

    /// A `SyntaxError` (or `IndentationError`/`TabError`) instance for a compile error.
    pub fn syntax_error_from(&mut self, ce: &CompileError) -> PyErr {
        compile_error_exc(ce)
    }

    /// Shows the compiler's SyntaxWarnings through `warnings.warn_explicit`, in order. A
    /// filter that turns one into an exception makes it the SyntaxError at its location
    /// (CPython's `compiler_warn`): `Err(Ok(error))`; any other exception, `Err(Err(e))`.
    pub fn show_compile_warnings(
        &mut self,
        warnings: &[CompileWarning],
        filename: &str,
    ) -> Result<(), Result<CompileError, PyErr>> {
        for w in warnings {
            let shown = self.import_module("warnings").and_then(|m| {
                let f = self.getattr_str(&m, "warn_explicit")?;
                let args =
                    [new_str(w.msg.as_str()), exc().syntax_warning.clone(), new_str(filename), new_int(w.line as i64)];
                self.call(&f, crate::vm::Args::positional_only(&args))
            });
            match shown {
                Ok(_) => {}
                Err(e) if e.matches(&exc().syntax_warning) => return Err(Ok(w.error.clone())),
                Err(e) => return Err(Err(e)),
            }
        }
        Ok(())
    }
}

/// A `SyntaxError` (or `IndentationError`/`TabError`) instance for a compile error, with
/// CPython's attributes (`msg`, `filename`, `lineno`, `offset`, `text`, ...); as much of
/// the location as the error has (`Located`).
pub fn compile_error_exc(ce: &CompileError) -> PyErr {
    let x = exc();
    // Too deeply nested code is a RecursionError, with no source location.
    if ce.kind == "RecursionError" {
        return PyErr(new_exception(&x.recursion_error, vec![new_str(ce.msg.as_str())]));
    }
    let cls = match ce.kind {
        "IndentationError" => &x.indentation_error,
        "TabError" => &x.tab_error,
        _ => &x.syntax_error,
    };
    let end_col = match ce.end_col {
        0 => ce.col as i64,
        crate::compiler::NO_END => -1,
        e => e as i64,
    };
    // (filename, lineno, offset, text, end_lineno, end_offset)
    let details = match ce.located {
        Located::Full | Located::Compiler => Some(vec![
            new_str(ce.filename.as_str()),
            new_int(ce.line as i64),
            new_int(ce.col as i64),
            // The tokenizer's line, with its newline.
            match compile_error_text(ce) {
                Some(t) => new_str(format!("{t}\n")),
                None => none(),
            },
            new_int(ce.line as i64),
            new_int(end_col),
        ]),
        Located::LineZero => {
            Some(vec![new_str(ce.filename.as_str()), new_int(0), new_int(-1), none(), new_int(0), new_int(-1)])
        }
        Located::MessageOnly => None,
    };
    let args = match &details {
        Some(d) => vec![new_str(ce.msg.as_str()), new_tuple(d.clone())],
        None => vec![new_str(ce.msg.as_str())],
    };
    let e = new_exception(cls, args);
    use crate::objects::exception::set_attr;
    set_attr(&e, "msg", new_str(ce.msg.as_str()));
    let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    let values = details.unwrap_or_else(|| vec![none(); names.len()]);
    for (n, v) in names.into_iter().zip(values) {
        set_attr(&e, n, v);
    }
    PyErr(e)
}

const SUMMARY_PY: &str = include_str!("traceback/summary.py");

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() { CASE_COST } else { MOVE_COST }
}

/// CPython's suggestions.c Levenshtein distance (case changes cost less).
fn levenshtein(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[pre..], &b[pre..]);
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    a = &a[..a.len() - suf];
    b = &b[..b.len() - suf];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (0..a.len()).map(|i| (i + 1) * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `name`, as CPython's `calculate_suggestions` picks it.
fn calculate_suggestion(candidates: &[String], name: &str) -> Option<String> {
    if candidates.len() >= 750 {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// CPython's report for a compile error of the main script (no traceback).
pub fn format_compile_error(ce: &CompileError) -> String {
    if ce.kind == "RecursionError" || ce.located == Located::MessageOnly {
        return format!("{}: {}\n", ce.kind, ce.msg);
    }
    if ce.located == Located::LineZero {
        return format!("  File \"{}\", line 0\n{}: {}\n", ce.filename, ce.kind, ce.msg);
    }
    let mut out = format!("  File \"{}\", line {}\n", ce.filename, ce.line);
    let Some(text) = compile_error_text(ce) else {
        return format!("{out}{}: {}\n", ce.kind, ce.msg);
    };
    // CPython's printer marks IndentationError/TabError with a single caret.
    let end = match ce.end_col {
        _ if ce.kind != "SyntaxError" => None,
        0 => None,
        crate::compiler::NO_END => Some(-1),
        e => Some(e as i64),
    };
    out.push_str(&syntax_text_lines(&text, Some(ce.col as i64), end));
    out.push_str(&format!("{}: {}\n", ce.kind, ce.msg));
    out
}

/// The source line (left-stripped) and caret line of a SyntaxError, as CPython's printer
/// (`print_error_text`) writes them: the caret line is spaces, whatever the text has.
fn syntax_text_lines(text: &str, offset: Option<i64>, end_offset: Option<i64>) -> String {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
    let mut out = format!("    {ltext}\n");
    if let Some(offset) = offset {
        let mut end = match end_offset {
            Some(e) if e != 0 => e,
            _ => offset,
        };
        if offset == end || end == -1 {
            end = offset + 1;
        }
        let colno = offset - 1 - spaces;
        let end_colno = end - 1 - spaces;
        if colno >= 0 {
            let caretspace = " ".repeat(colno as usize);
            let n = (end_colno - colno).max(0) as usize;
            out.push_str(&format!("    {caretspace}{}\n", "^".repeat(n)));
        }
    }
    out
}

/// `Module.Name` as CPython prints an exception's type (bare for builtins/__main__).
pub fn qualified_type_name(e: &Value) -> String {
    let ty = e.type_of();
    let Some(tp) = ty.as_type() else { return "?".into() };
    let qual = tp.qualname.borrow().clone();
    let module = tp.dict.get_str("__module__").and_then(|m| m.as_str().map(str::to_owned));
    match module {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
        _ => qual,
    }
}

/// The marker range of instruction `i`; imports are statements in CPython's positions.
fn entry_cols(code: &Code, i: usize) -> (u32, u32) {
    use crate::bytecode::opcode::Op;
    match code.instrs.get(i).map(|c| c.get().op) {
        Some(Op::ImportName | Op::ImportFrom | Op::ImportStar) => (0, 0),
        _ => code.cols.get(i).copied().unwrap_or((0, 0)),
    }
}

fn collect_entries(tb: &Value) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut cur = Some(tb.clone());
    while let Some(t) = cur {
        let Some(p) = t.payload::<PyTraceback>() else { break };
        if let Some(fo) = p.frame.payload::<PyFrameObj>() {
            if let Some(code) = fo.code.payload::<Code>() {
                out.push(Entry {
                    filename: code.filename.as_str().unwrap_or("?").to_owned(),
                    lineno: p.lineno,
                    name: code.name.as_str().unwrap_or("?").to_owned(),
                    cols: entry_cols(code, p.lasti as usize),
                });
            }
        }
        cur = p.next.borrow().clone();
    }
    out
}

fn format_entries(entries: &[Entry], out: &mut String, files: &mut HashMap<String, Option<Vec<String>>>) {
    // sys.tracebacklimit's default: only the innermost 1000 entries.
    let entries = if entries.len() > 1000 { &entries[entries.len() - 1000..] } else { entries };
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    for e in entries {
        let key = (e.filename.as_str(), e.lineno, e.name.as_str());
        if last != Some(key) {
            if count > 3 {
                let n = count - 3;
                out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > 3 {
            continue;
        }
        format_entry(e, out, files);
    }
    if count > 3 {
        let n = count - 3;
        out.push_str(&format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
    }
}

/// The text line of a compile error: the compiler stage's is the file's line, if any.
fn compile_error_text(ce: &CompileError) -> Option<String> {
    match ce.located {
        Located::Compiler => source_line(&mut HashMap::new(), &ce.filename, ce.line),
        _ => Some(ce.text.clone()),
    }
}

fn source_line(files: &mut HashMap<String, Option<Vec<String>>>, filename: &str, lineno: u32) -> Option<String> {
    let lines = files.entry(filename.to_owned()).or_insert_with(|| {
        std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).lines().map(str::to_owned).collect())
    });
    lines.as_ref()?.get((lineno as usize).checked_sub(1)?).cloned()
}

fn format_entry(e: &Entry, out: &mut String, files: &mut HashMap<String, Option<Vec<String>>>) {
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.filename, e.lineno, e.name));
    let Some(line) = source_line(files, &e.filename, e.lineno) else { return };
    let stripped = line.trim();
    if stripped.is_empty() {
        return;
    }
    out.push_str(&format!("    {stripped}\n"));
    let (start_b, end_b) = e.cols;
    if start_b == 0 && end_b == 0 {
        return;
    }
    let start_b = (start_b as usize).min(line.len());
    let multiline = end_b == u32::MAX || (end_b as usize) < start_b;
    let end_b = if multiline { line.trim_end().len() } else { (end_b as usize).min(line.len()) };
    if !line.is_char_boundary(start_b) || !line.is_char_boundary(end_b) {
        return;
    }
    let start = line[..start_b].chars().count();
    let end = line[..end_b].chars().count();
    let segment = &line[start_b..end_b];
    let anchors = if multiline { None } else { caret_anchors(segment) };
    let indent = line.chars().count() - line.trim_start().chars().count();
    let stripped_len = stripped.chars().count();
    let show = end.saturating_sub(start) < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if !show {
        return;
    }
    let mut row = String::from("    ");
    row.push_str(&" ".repeat(start.saturating_sub(indent)));
    let width = end.saturating_sub(start);
    match anchors {
        Some((l, r)) => {
            row.push_str(&"~".repeat(l));
            row.push_str(&"^".repeat(r.saturating_sub(l)));
            row.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => row.push_str(&"^".repeat(width)),
    }
    out.push_str(&row);
    out.push('\n');
}

/// traceback.py's `_extract_caret_anchors_from_line_segment`: for a binary operation,
/// the operator; for a subscript, the `[...]` part (character offsets in `segment`).
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Mod, Stmt};
    use ruff_python_parser::{Mode, ParseOptions};
    let parsed = ruff_python_parser::parse(segment, ParseOptions::from(Mode::Module)).ok()?;
    let Mod::Module(m) = parsed.into_syntax() else { return None };
    if m.body.len() != 1 {
        return None;
    }
    let Stmt::Expr(es) = &m.body[0] else { return None };
    let seg: Vec<char> = segment.chars().collect();
    let ch = |b: usize| segment.get(..b.min(segment.len())).map_or(0, |s| s.chars().count());
    match &*es.value {
        Expr::BinOp(b) => {
            let left_end = u32::from(ruff_text_size::Ranged::range(&*b.left).end()) as usize;
            let right_start = u32::from(ruff_text_size::Ranged::range(&*b.right).start()) as usize;
            let op_str: Vec<char> = segment.get(left_end..right_start)?.chars().collect();
            let op_offset = op_str.iter().take_while(|c| c.is_whitespace()).count();
            let mut left = ch(left_end) + op_offset;
            let mut right = left + 1;
            if op_offset + 1 < op_str.len() && !op_str[op_offset + 1].is_whitespace() {
                right += 1;
            }
            while left < seg.len() && (seg[left].is_whitespace() || seg[left] == ')' || seg[left] == '#') {
                left += 1;
                right += 1;
            }
            Some((left, right))
        }
        Expr::Subscript(s) => {
            let mut left = ch(u32::from(ruff_text_size::Ranged::range(&*s.value).end()) as usize);
            let mut right = ch(u32::from(ruff_text_size::Ranged::range(&*s.slice).end()) as usize + 1);
            while left < seg.len() && (seg[left].is_whitespace() || seg[left] != '[') {
                left += 1;
            }
            while right < seg.len() && (seg[right].is_whitespace() || seg[right] != ']') {
                right += 1;
            }
            if right < seg.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[allow(dead_code)]
fn _r() -> PyResult {
    Ok(none())
}

/// The exception a `traceback` function is about: its argument (3.10+ style: the
/// exception itself, or `(type, value, tb)` where `value` is used), else the one being
/// handled.
fn exc_arg(vm: &mut Vm, args: &crate::vm::Args<'_>) -> Option<Value> {
    let p = args.pos();
    let v = match p.len() {
        0 => vm.current_handled(),
        1 => Some(p[0].clone()),
        _ => Some(p[1].clone()),
    };
    v.filter(|v| !v.is_none())
}

fn split_lines(s: &str) -> Value {
    crate::objects::list::new_list(s.split_inclusive('\n').map(new_str).collect())
}

fn tb_format_exc(vm: &mut Vm, _args: crate::vm::Args<'_>) -> PyResult {
    match vm.current_handled() {
        Some(e) => Ok(new_str(vm.format_exception(&e))),
        None => Ok(new_str("NoneType: None\n")),
    }
}

fn write_stderr(vm: &mut Vm, args: &crate::vm::Args<'_>, s: &str) -> PyResult<()> {
    let file = match args.kwarg("file").filter(|f| !f.is_none()) {
        Some(f) => f.clone(),
        None => match crate::builtins::io::sys_attr(vm, "stderr") {
            Some(f) => f,
            None => return Ok(()),
        },
    };
    crate::builtins::io::write_to(vm, &file, s)
}

fn tb_print_exc(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult {
    let s = match vm.current_handled() {
        Some(e) => vm.format_exception(&e),
        None => "NoneType: None\n".to_owned(),
    };
    write_stderr(vm, &args, &s)?;
    Ok(none())
}

/// The `tb` of `format_exception(type, value, tb)`, when given (None: no traceback).
fn tb_arg(args: &crate::vm::Args<'_>) -> Option<Option<Value>> {
    let tb = args.pos().get(2).or_else(|| args.kwarg("tb"))?;
    Some(if tb.is_none() { None } else { Some(tb.clone()) })
}

fn tb_format_exception(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult {
    match exc_arg(vm, &args) {
        Some(e) => {
            let s = vm.format_exception_with_tb(&e, tb_arg(&args));
            Ok(split_lines(&s))
        }
        None => Ok(split_lines("NoneType: None\n")),
    }
}

fn tb_print_exception(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult {
    let s = match exc_arg(vm, &args) {
        Some(e) => vm.format_exception_with_tb(&e, tb_arg(&args)),
        None => "NoneType: None\n".to_owned(),
    };
    write_stderr(vm, &args, &s)?;
    Ok(none())
}

fn tb_format_exception_only(vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult {
    match exc_arg(vm, &args) {
        Some(e) => {
            let s = vm.format_exception_only(&e);
            Ok(split_lines(&s))
        }
        None => Ok(split_lines("NoneType: None\n")),
    }
}

/// `_format_tb(tb)`: one string per traceback entry (with its `^^^` markers), and
/// "[Previous line repeated N more times]" entries, as `StackSummary.format`.
fn tb_format_tb_native(_vm: &mut Vm, args: crate::vm::Args<'_>) -> PyResult {
    let [tb] = args.exact::<1>("_format_tb")?;
    let entries = if tb.is_none() { Vec::new() } else { collect_entries(tb) };
    let mut files = HashMap::new();
    let mut out: Vec<Value> = Vec::new();
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0usize;
    let repeated =
        |n: usize| new_str(format!("  [Previous line repeated {n} more time{}]\n", if n > 1 { "s" } else { "" }));
    for e in &entries {
        let key = (e.filename.as_str(), e.lineno, e.name.as_str());
        if last != Some(key) {
            if count > 3 {
                out.push(repeated(count - 3));
            }
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > 3 {
            continue;
        }
        let mut s = String::new();
        format_entry(e, &mut s, &mut files);
        out.push(new_str(s));
    }
    if count > 3 {
        out.push(repeated(count - 3));
    }
    Ok(crate::objects::list::new_list(out))
}

/// `import traceback`: format/print the current or a given exception as the
/// interpreter prints uncaught ones; the stack/summary half is Python source.
pub fn init_traceback_module(vm: &mut Vm) -> PyResult<Value> {
    let m = crate::vm::startup::new_module("traceback");
    let d = crate::vm::startup::module_dict(&m);
    for (name, f) in [
        ("format_exc", tb_format_exc as crate::vm::NativeFn),
        ("print_exc", tb_print_exc),
        ("format_exception", tb_format_exception),
        ("print_exception", tb_print_exception),
        ("format_exception_only", tb_format_exception_only),
        ("_format_tb", tb_format_tb_native),
    ] {
        crate::vm::startup::add_function(&d, "traceback", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__builtins__"), vm.builtins_module.clone());
    }
    let code = crate::compiler::compile(SUMMARY_PY, "<frozen traceback>", crate::compiler::Mode::Exec)
        .map_err(|e| vm.syntax_error_from(&e))?;
    vm.run_code(&code, &d)?;
    Ok(m)
}
