//! The interactive prompt: `sys.ps1`/`sys.ps2`, line editing and history (rustyline), name
//! completion, echo of expression values, tracebacks without exiting, Ctrl-C and Ctrl-D.

use std::cell::RefCell;
use std::io::{BufRead, Write};
use std::rc::Rc;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::{DefaultHistory, History};
use rustyline::{Config, Context, Editor, Helper, Highlighter, Hinter, Validator};

use pylift::compiler::{self, Mode};
use pylift::objects::dict::PyDict;
use pylift::objects::str::new_str;
use pylift::values::Value;
use pylift::vm::Vm;
use pylift::vm::startup::module_dict;

use crate::main_globals;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Completes the identifier before the cursor from the names the session can see; Tab on a
/// blank line indents, as CPython's prompt does.
#[derive(Helper, Highlighter, Hinter, Validator)]
struct Names(Rc<RefCell<Vec<String>>>);

impl Completer for Names {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        if before.trim().is_empty() {
            return Ok((pos, vec![Pair { display: String::new(), replacement: "    ".into() }]));
        }
        let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
        let word = &before[start..];
        // Attribute completion would need to evaluate the object before the dot.
        if word.is_empty() || before[..start].ends_with('.') {
            return Ok((pos, vec![]));
        }
        let mut found: Vec<Pair> = KEYWORDS
            .iter()
            .map(|k| (*k).to_string())
            .chain(self.0.borrow().iter().cloned())
            .filter(|n| n.starts_with(word) && !n.starts_with("__") || word.starts_with("__") && n.starts_with(word))
            .map(|n| Pair { display: n.clone(), replacement: n })
            .collect();
        found.sort_by(|a, b| a.display.cmp(&b.display));
        found.dedup_by(|a, b| a.display == b.display);
        Ok((start, found))
    }
}

/// The prompt `sys.ps1`/`sys.ps2` names, as `str()` of the object (CPython re-reads them).
fn prompt(vm: &mut Vm, name: &str, default: &str) -> String {
    let v = module_dict(&vm.sys).payload::<PyDict>().and_then(|d| d.get_str(name));
    match v {
        Some(v) => vm.str_string(&v).unwrap_or_else(|_| default.to_string()),
        None => default.to_string(),
    }
}

fn dict_names(d: &Value, out: &mut Vec<String>) {
    if let Some(dd) = d.payload::<PyDict>() {
        out.extend(dd.keys().iter().filter_map(|k| k.as_str().map(str::to_string)));
    }
}

/// One line from the terminal (rustyline) or from a plain stream when line editing is not
/// available.
enum Input {
    /// An editor is made for each line and dropped before the line runs: while it exists,
    /// rustyline owns SIGINT, and Ctrl-C during the statement must reach the interpreter.
    /// (Its `signal-hook` mode keeps SIGINT alone but loses typed-ahead input.)
    Edit {
        config: Config,
        history: DefaultHistory,
        names: Rc<RefCell<Vec<String>>>,
    },
    Plain,
}

enum Line {
    Text(String),
    Interrupted,
    Eof,
}

impl Input {
    fn read(&mut self, vm: &mut Vm, prompt: &str, globals: &Value) -> Line {
        pylift::vm::startup::flush_std_streams(vm);
        match self {
            Input::Edit { config, history, names } => {
                let Ok(mut ed) = Editor::<Names, DefaultHistory>::with_history(config.clone(), std::mem::take(history))
                else {
                    return Line::Eof;
                };
                ed.set_helper(Some(Names(names.clone())));
                {
                    let mut n = names.borrow_mut();
                    n.clear();
                    dict_names(globals, &mut n);
                    dict_names(&vm.builtins, &mut n);
                }
                // A Ctrl-C typed while code ran must not hit the next statement.
                pylift::vm::startup::take_sigint();
                // Other threads run while the prompt waits (the editor touches no objects).
                let line = match vm.allow_threads(|| ed.readline(prompt)) {
                    Ok(l) => {
                        if !l.trim().is_empty() {
                            let _ = ed.add_history_entry(l.as_str());
                        }
                        Line::Text(l + "\n")
                    }
                    Err(ReadlineError::Interrupted) => Line::Interrupted,
                    Err(_) => Line::Eof,
                };
                *history = std::mem::take(ed.history_mut());
                line
            }
            Input::Plain => {
                eprint!("{prompt}");
                let _ = std::io::stderr().flush();
                let mut line = String::new();
                match vm.allow_threads(|| std::io::stdin().lock().read_line(&mut line)) {
                    Ok(0) | Err(_) => Line::Eof,
                    Ok(_) if pylift::vm::startup::take_sigint() => Line::Interrupted,
                    Ok(_) => Line::Text(line),
                }
            }
        }
    }
}

fn history_file(vm: &Vm) -> Option<std::path::PathBuf> {
    if vm.config.isolated {
        return None;
    }
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pylift_history"))
}

/// Whether `e` means the statement so far is unfinished rather than wrong.
fn incomplete(e: &compiler::CompileError) -> bool {
    e.msg.contains("unexpected EOF") || e.msg.contains("was never closed")
}

/// Runs the prompt until end of input or `SystemExit`; the exit status. `globals`: the
/// `__main__` of the program that ran first (`-i`), else a new one and the banner (unless
/// `-q`). Without a terminal (`-i` with piped stdin) lines are read plainly, the prompts
/// going to stderr, as CPython's.
pub fn interactive(vm: &mut Vm, globals: Option<Value>) -> i32 {
    if globals.is_none() && !vm.config.flags.quiet {
        eprintln!(
            "Python 3.11.7 (pylift {}) on {}\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS
        );
    }
    if let Some(d) = module_dict(&vm.sys).payload::<PyDict>() {
        d.set_str(new_str("ps1"), new_str(">>> "));
        d.set_str(new_str("ps2"), new_str("... "));
    }
    let globals = globals.unwrap_or_else(|| main_globals(vm, None));
    let history_path = history_file(vm);
    let names = Rc::new(RefCell::new(Vec::new()));
    let config = Config::builder().auto_add_history(false).max_history_size(1000).map(|b| b.build());
    let mut input = match config {
        Ok(config) if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            let mut lines = DefaultHistory::with_config(&config);
            if let Some(h) = &history_path {
                let _ = lines.load(h);
            }
            Input::Edit { config, history: lines, names }
        }
        _ => Input::Plain,
    };
    let status = run(vm, &mut input, &globals);
    if let (Input::Edit { history, .. }, Some(h)) = (&mut input, &history_path) {
        let _ = history.save(h);
    }
    status
}

fn run(vm: &mut Vm, input: &mut Input, globals: &Value) -> i32 {
    let mut buf = String::new();
    loop {
        let p = if buf.is_empty() { prompt(vm, "ps1", ">>> ") } else { prompt(vm, "ps2", "... ") };
        let line = match input.read(vm, &p, globals) {
            Line::Text(l) => l,
            Line::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buf.clear();
                continue;
            }
            Line::Eof => {
                eprintln!();
                return 0;
            }
        };
        let blank = line.trim().is_empty();
        if buf.is_empty() && blank {
            continue;
        }
        buf.push_str(&line);
        // A compound statement continues until a blank line.
        let first = buf.lines().next().unwrap_or("").trim_end();
        let compound = first.ends_with(':') || first.starts_with('@');
        if compound && !blank {
            continue;
        }
        let code = match compiler::compile(&buf, "<stdin>", Mode::Single) {
            Ok(c) => c,
            Err(e) => {
                if !blank && incomplete(&e) {
                    continue;
                }
                eprint!("{}", pylift::vm::traceback::format_compile_error(&e));
                buf.clear();
                continue;
            }
        };
        buf.clear();
        if let Err(e) = vm.run_code(&code, globals) {
            if e.matches(&pylift::objects::registry::exc().system_exit) {
                return pylift::vm::exit::handle_uncaught(vm, e);
            }
            vm.print_exception(&e.0);
        }
    }
}
