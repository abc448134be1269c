//! The `pylift` command line, used like `python3`: a script, `-c`, `-m`, `-` or stdin,
//! the interactive prompt, CPython's exit codes, and pylift's own JIT flags.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use pylift::compiler::{self, Mode};

mod alloc;
mod help;
mod repl;

// mimalloc: small-object allocation (floats, strs, frames) is a large share of run time and
// glibc malloc was 10-20% of some benchmarks.
#[global_allocator]
static GLOBAL: alloc::Alloc = alloc::Alloc;
use pylift::objects::dict::PyDict;
use pylift::objects::str::new_str;
use pylift::vm::startup::{module_dict, new_module};
use pylift::vm::{Config, PyErr, Vm};

const USAGE_LINE: &str = "[option] ... [-c cmd | -m mod | file | -] [arg] ...";

/// What to run.
enum Target {
    Script(String),
    Command(String),
    Module(String),
    Stdin,
}

fn prog_name() -> String {
    std::env::args().next().unwrap_or_else(|| "pylift".into())
}

fn usage_error(msg: &str) -> ExitCode {
    let p = prog_name();
    eprintln!("{msg}\nusage: {p} {USAGE_LINE}\nTry `python -h' for more information.");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let mut config = Config { orig_argv: args.clone(), ..Config::default() };
    let mut i = 1;
    let mut target = None;
    while i < args.len() {
        let a = &args[i];
        if a == "-" {
            target = Some(Target::Stdin);
            i += 1;
            break;
        }
        if !a.starts_with('-') || a.len() < 2 {
            target = Some(Target::Script(a.clone()));
            i += 1;
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "version" => {
                    println!("Python 3.11.7");
                    return ExitCode::SUCCESS;
                }
                "help" => {
                    print!("usage: {} {USAGE_LINE}\n{}{}", prog_name(), help::OPTIONS, help::PYLIFT_OPTIONS);
                    return ExitCode::SUCCESS;
                }
                "help-env" => {
                    print!("{}", help::ENV);
                    return ExitCode::SUCCESS;
                }
                "help-xoptions" => {
                    print!("{}", help::XOPTIONS);
                    return ExitCode::SUCCESS;
                }
                "help-all" => {
                    let (o, e, x) = (help::OPTIONS, help::ENV, help::XOPTIONS);
                    print!("usage: {} {USAGE_LINE}\n{o}\n\n{e}\n\n{x}\n{}", prog_name(), help::PYLIFT_OPTIONS);
                    return ExitCode::SUCCESS;
                }
                "check-hash-based-pycs" => {
                    let Some(v) = args.get(i + 1) else {
                        return usage_error("Argument expected for the --check-hash-based-pycs options");
                    };
                    if !["default", "always", "never"].contains(&v.as_str()) {
                        return usage_error("--check-hash-based-pycs must be one of 'default', 'always', or 'never'");
                    }
                    config.check_hash_based_pycs = v.clone();
                    i += 1;
                }
                "no-jit" => config.no_jit = true,
                "jit-stats" => config.jit_stats = true,
                _ if long.starts_with("jit-stats=") => {
                    config.jit_stats = true;
                    config.jit_opts.push(long.to_owned());
                }
                _ if long.starts_with("jit=") => config.jit_opts.push(long["jit=".len()..].to_owned()),
                _ => return usage_error(&format!("unknown option {a}")),
            }
            i += 1;
            continue;
        }
        // A cluster of one-letter flags; -c/-m/-X take the rest or the next argument.
        let flags: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < flags.len() {
            let c = flags[j];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let val = if !rest.is_empty() {
                        rest
                    } else if i + 1 < args.len() {
                        consumed_next = true;
                        args[i + 1].clone()
                    } else {
                        return usage_error(&format!("Argument expected for the -{c} option"));
                    };
                    match c {
                        'c' => target = Some(Target::Command(val)),
                        'm' => target = Some(Target::Module(val)),
                        'X' => {
                            match val.as_str() {
                                "dump-bytecode" => config.dump_bytecode = true,
                                "nojit" => config.no_jit = true,
                                "jit-stats" => config.jit_stats = true,
                                "jit-dump" => config.jit_opts.push("dump".to_owned()),
                                "perf" => config.jit_opts.push("perf".to_owned()),
                                v if v.starts_with("jit-threshold=") => {
                                    config.jit_opts.push(v["jit-".len()..].to_owned())
                                }
                                _ => {}
                            }
                            config.xoptions.push(val);
                        }
                        _ => config.warnoptions.push(val),
                    }
                    j = flags.len();
                    continue;
                }
                'u' => config.unbuffered = true,
                'E' => config.ignore_environment = true,
                'I' => {
                    config.isolated = true;
                    config.ignore_environment = true;
                    config.flags.no_user_site = true;
                    config.flags.safe_path = true;
                }
                'B' => config.flags.dont_write_bytecode = true,
                'O' => config.flags.optimize += 1,
                's' => config.flags.no_user_site = true,
                'S' => config.flags.no_site = true,
                'q' => config.flags.quiet = true,
                'b' => config.flags.bytes_warning += 1,
                'd' => config.flags.debug += 1,
                'v' => config.flags.verbose += 1,
                'i' => {
                    config.flags.inspect += 1;
                    config.flags.interactive += 1;
                }
                'P' => config.flags.safe_path = true,
                'x' => config.skip_first_line = true,
                'R' => {}
                'V' => {
                    println!("Python 3.11.7");
                    return ExitCode::SUCCESS;
                }
                'h' | '?' => {
                    print!("usage: {} {USAGE_LINE}\n{}{}", prog_name(), help::OPTIONS, help::PYLIFT_OPTIONS);
                    return ExitCode::SUCCESS;
                }
                _ => return usage_error(&format!("Unknown option: -{c}")),
            }
            j += 1;
        }
        i += if consumed_next { 2 } else { 1 };
        if target.is_some() {
            break;
        }
    }
    if !config.ignore_environment {
        let env_on = |n: &str| std::env::var_os(n).is_some_and(|v| !v.is_empty());
        config.flags.safe_path |= env_on("PYTHONSAFEPATH");
        config.unbuffered |= env_on("PYTHONUNBUFFERED");
        config.flags.no_user_site |= env_on("PYTHONNOUSERSITE");
    }
    let rest: Vec<String> = args[i.min(args.len())..].to_vec();
    let target = target.unwrap_or(Target::Stdin);
    config.argv = match &target {
        Target::Script(p) => std::iter::once(p.clone()).chain(rest).collect(),
        Target::Command(_) => std::iter::once("-c".to_owned()).chain(rest).collect(),
        Target::Module(_) => std::iter::once(String::new()).chain(rest).collect(),
        Target::Stdin => {
            if rest.is_empty() && !args.iter().skip(1).any(|a| a == "-") {
                vec![String::new()]
            } else {
                std::iter::once("-".to_owned()).chain(rest).collect()
            }
        }
    };
    // The interpreter runs on a thread with a big stack: native re-entries (callbacks from
    // Rust into Python) nest on it.
    let child =
        std::thread::Builder::new().stack_size(256 << 20).name("pylift-main".into()).spawn(move || run(config, target));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => code_to_exit(code),
        _ => {
            eprintln!("SystemError: pylift internal error");
            ExitCode::from(1)
        }
    }
}

fn code_to_exit(code: i32) -> ExitCode {
    ExitCode::from((code & 0xff) as u8)
}

/// Runs the program; the process exit status.
fn run(config: Config, target: Target) -> i32 {
    // 256 MiB stack: leave 32 MiB for whatever runs below the last check.
    pylift::vm::interp::set_stack_budget(224 << 20);
    // An internal panic is reported as SystemError below, not with Rust's message.
    if std::env::var_os("PYLIFT_PANIC_TRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    pylift::vm::startup::install_sigint_handler();
    let jit_stats = config.jit_stats;
    let stats_dest = config.jit_opts.iter().rev().find_map(|o| o.strip_prefix("jit-stats=").map(str::to_owned));
    if let Err(msg) = configure_jit(&config) {
        eprintln!("{msg}");
        return 2;
    }
    let mut vm = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Vm::new(config))) {
        Ok(vm) => vm,
        Err(_) => {
            eprintln!("SystemError: pylift failed to start");
            return 1;
        }
    };
    let status = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_target(&mut vm, target))) {
        Ok(s) => s,
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            pylift::vm::startup::flush_std_streams(&mut vm);
            eprintln!("SystemError: internal error in pylift: {msg}");
            vm.frames.clear();
            1
        }
    };
    let status = finish(&mut vm, status);
    if jit_stats {
        let (instrs, _calls) = pylift::vm::interp::STATS.with(|s| s.get());
        pylift::jit::report(stats_dest.as_deref(), instrs);
    }
    status
}

/// The JIT's mode from `--no-jit`, `--jit=...` and `-X jit-...`.
fn configure_jit(config: &Config) -> Result<(), String> {
    use pylift::jit::Mode;
    let mut mode = Mode::Counting;
    let mut threshold = None;
    let mut dump = false;
    let mut perf = false;
    for o in &config.jit_opts {
        match o.as_str() {
            "dump" => dump = true,
            "perf" => perf = true,
            "all" => mode = Mode::All,
            "deopt-stress" => mode = Mode::DeoptStress,
            _ if o.starts_with("jit-stats=") => {}
            _ => match o.strip_prefix("threshold=").map(str::parse::<u32>) {
                Some(Ok(n)) => threshold = Some(n),
                _ => return Err(format!("pylift: unknown JIT option {o:?} (all, deopt-stress, threshold=N)")),
            },
        }
    }
    if config.no_jit {
        mode = Mode::Off;
    }
    pylift::jit::configure(mode, threshold, config.jit_stats, dump, perf);
    Ok(())
}

/// Shutdown: pending finalizers, flushing the standard streams (errors there set status
/// 120 as CPython does).
fn finish(vm: &mut Vm, status: i32) -> i32 {
    // Non-daemon threads are joined before anything else shuts down (then atexit).
    pylift::vm::thread::shutdown_threads(vm);
    // atexit callbacks run first (after the traceback of an uncaught exception).
    pylift::vm::exit::run_atexit(vm);
    // From here the main thread keeps the GIL: daemon threads stay blocked until exit
    // and never see the modules torn down below (CPython's finalizing state).
    pylift::vm::thread::set_finalizing();
    vm.run_pending_finalizers();
    // Like CPython's shutdown, drop __main__'s globals in order so their `__del__`
    // methods run (and print) before exit.
    let main = vm.modules.payload::<PyDict>().and_then(|d| d.get_str("__main__"));
    if let Some(d) =
        main.as_ref().and_then(|m| m.payload::<pylift::objects::module::PyModule>()).map(|m| m.dict.clone())
    {
        if let Some(dd) = d.payload::<PyDict>() {
            let builtins = dd.get_str("__builtins__");
            dd.clear();
            if let Some(b) = builtins {
                dd.set_str(new_str("__builtins__"), b);
            }
        }
    }
    vm.run_pending_finalizers();
    pylift::vm::startup::flush_std_streams(vm);
    let _ = std::io::stdout().flush();
    status
}

/// The main module's namespace.
fn main_globals(vm: &mut Vm, file: Option<&str>) -> pylift::values::Value {
    let m = new_module("__main__");
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__builtins__"), vm.builtins_module.clone());
        if let Some(f) = file {
            dd.set_str(new_str("__file__"), new_str(f));
            dd.set_str(new_str("__cached__"), pylift::objects::none());
        }
        dd.set_str(new_str("__package__"), pylift::objects::none());
        dd.set_str(new_str("__spec__"), pylift::objects::none());
        // As CPython: a script's loader is a SourceFileLoader, else BuiltinImporter.
        let script = file.filter(|f| *f != "<stdin>");
        let loader = pylift::vm::interp::main_loader(vm, script);
        dd.set_str(new_str("__loader__"), loader);
    }
    if let Some(md) = vm.modules.payload::<PyDict>() {
        md.set_str(new_str("__main__"), m);
    }
    d
}

/// Puts the script's directory (or '' / the cwd) first on sys.path, unless -P or -I.
fn set_path0(vm: &mut Vm, dir: &str) {
    if vm.config.flags.safe_path || vm.config.isolated {
        return;
    }
    insert_path0(vm, dir);
}

fn insert_path0(vm: &mut Vm, dir: &str) {
    let sys = vm.sys.clone();
    if let Some(p) = module_dict(&sys).payload::<PyDict>().and_then(|d| d.get_str("path")) {
        if let Some(l) = p.payload::<pylift::objects::list::PyList>() {
            l.0.borrow_mut().insert(0, new_str(dir));
        }
    }
}

/// Runs the target, then (with `-i` or `PYTHONINSPECT`) the prompt in its `__main__`.
fn run_target(vm: &mut Vm, target: Target) -> i32 {
    let ran_code = !matches!(target, Target::Stdin);
    let status = run_target_code(vm, target);
    if !ran_code || !inspect(vm) {
        return status;
    }
    let globals = vm.modules.payload::<PyDict>().and_then(|d| d.get_str("__main__"));
    let globals = globals.map(|m| module_dict(&m));
    repl::interactive(vm, globals)
}

/// `-i`, or `PYTHONINSPECT` (not under `-E`) with a terminal on stdin: the prompt follows
/// the program.
fn inspect(vm: &Vm) -> bool {
    let env = !vm.config.ignore_environment && std::env::var_os("PYTHONINSPECT").is_some_and(|v| !v.is_empty());
    vm.config.flags.inspect > 0 || env && std::io::stdin().is_terminal()
}

fn run_target_code(vm: &mut Vm, target: Target) -> i32 {
    match target {
        Target::Script(path) => {
            let abs = std::path::absolute(&path).unwrap_or_else(|_| path.clone().into());
            let abs_s = abs.to_string_lossy().into_owned();
            if std::path::Path::new(&path).is_dir() {
                return run_main_of(vm, &abs_s);
            }
            let mut source = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    eprintln!(
                        "{}: can't open file '{abs_s}': [Errno {errno}] {}",
                        prog_name(),
                        pylift::objects::file::strerror(&e)
                    );
                    return 2;
                }
            };
            if source.starts_with(b"PK\x03\x04") {
                // CPython runs a zip file's __main__ through zipimport, which needs `_io`
                // and importlib helpers pylift does not have yet (README).
                eprintln!("{}: can't run zip file '{abs_s}': zipimport is not supported", prog_name());
                return 1;
            }
            if vm.config.skip_first_line {
                // -x: the first line is skipped, but still counted.
                let end = source.iter().position(|&b| b == b'\n').unwrap_or(source.len());
                source.drain(..end);
            }
            let dir = abs.parent().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
            set_path0(vm, &dir);
            run_file(vm, &source, &abs_s, Some(&abs_s))
        }
        Target::Command(cmd) => {
            set_path0(vm, "");
            run_source(vm, &cmd, "<string>", None)
        }
        Target::Module(name) => {
            let cwd = std::env::current_dir().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
            set_path0(vm, &cwd);
            run_module(vm, &name, true)
        }
        Target::Stdin => {
            set_path0(vm, "");
            if std::io::stdin().is_terminal() || inspect(vm) {
                return repl::interactive(vm, None);
            }
            let mut source = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut source);
            run_file(vm, &source, "<stdin>", Some("<stdin>"))
        }
    }
}

/// A directory as the script: it goes first on `sys.path` and its `__main__` module
/// runs; the exit status.
fn run_main_of(vm: &mut Vm, abs: &str) -> i32 {
    // Even under -P/-I: __main__ is found there.
    insert_path0(vm, abs);
    let spec = match pylift::vm::interp::main_module_spec(vm, "__main__") {
        Ok(Ok(spec)) => spec,
        Ok(Err(_)) => {
            pylift::vm::startup::flush_std_streams(vm);
            eprintln!("{}: can't find '__main__' module in '{abs}'", prog_name());
            return 1;
        }
        Err(e) => return handle_uncaught(vm, e),
    };
    let globals = main_globals(vm, None);
    match pylift::vm::interp::run_main_spec(vm, &spec, &globals, false) {
        Ok(()) => 0,
        Err(e) => handle_uncaught(vm, e),
    }
}

/// `-m name`: finds the module (a package runs its `__main__`) through importlib, then
/// runs it as `__main__` with its spec; the exit status. A directory given as the
/// script runs its `__main__` this way too, with `sys.argv[0]` left as given.
fn run_module(vm: &mut Vm, name: &str, alter_argv: bool) -> i32 {
    let spec = match pylift::vm::interp::main_module_spec(vm, name) {
        Ok(Ok(spec)) => spec,
        Ok(Err(msg)) => {
            pylift::vm::startup::flush_std_streams(vm);
            eprintln!("{}: {msg}", prog_name());
            return 1;
        }
        Err(e) => return handle_uncaught(vm, e),
    };
    let globals = main_globals(vm, None);
    match pylift::vm::interp::run_main_spec(vm, &spec, &globals, alter_argv) {
        Ok(()) => 0,
        Err(e) => handle_uncaught(vm, e),
    }
}

/// Decodes a script's bytes (PEP 263) and runs them as `__main__`; the exit status.
fn run_file(vm: &mut Vm, source: &[u8], filename: &str, file_attr: Option<&str>) -> i32 {
    match pylift::builtins::core::decode_source(vm, source, filename, pylift::compiler::source::Origin::File) {
        Ok(text) => run_source(vm, &text, filename, file_attr),
        Err(e) => {
            pylift::vm::startup::flush_std_streams(vm);
            eprint!("{}", pylift::vm::traceback::format_compile_error(&e));
            1
        }
    }
}

/// Compiles and runs `source` as `__main__`; the exit status.
fn run_source(vm: &mut Vm, source: &str, filename: &str, file_attr: Option<&str>) -> i32 {
    let (code, warnings) = compiler::compile_warn(source, filename, Mode::Exec, compiler::optimize(), true);
    let code = match vm.show_compile_warnings(&warnings, filename).map(|()| code) {
        Ok(Ok(c)) => c,
        Ok(Err(e)) | Err(Ok(e)) => {
            pylift::vm::startup::flush_std_streams(vm);
            eprint!("{}", pylift::vm::traceback::format_compile_error(&e));
            return 1;
        }
        Err(Err(e)) => return handle_uncaught(vm, e),
    };
    if vm.config.dump_bytecode {
        if let Some(c) = code.payload::<pylift::bytecode::Code>() {
            eprint!("{}", pylift::bytecode::dump::dump(c));
        }
    }
    let globals = main_globals(vm, file_attr);
    let status = match vm.run_code(&code, &globals) {
        Ok(_) => 0,
        Err(e) => handle_uncaught(vm, e),
    };
    if vm.config.xoptions.iter().any(|x| x == "dump-feedback") {
        if let Some(c) = code.payload::<pylift::bytecode::Code>() {
            pylift::vm::startup::flush_std_streams(vm);
            eprint!("{}", pylift::bytecode::dump::dump_with_feedback(c));
        }
    }
    status
}

/// Reports an uncaught exception (SystemExit exits quietly, others go through
/// `sys.excepthook`); the exit status.
fn handle_uncaught(vm: &mut Vm, e: PyErr) -> i32 {
    let x = pylift::objects::registry::exc();
    // Under -i a SystemExit does not exit: it is reported and the prompt follows.
    // (The prompt's own SystemExit goes straight to `vm::exit::handle_uncaught`.)
    if e.matches(&x.system_exit) && inspect(vm) {
        vm.print_exception(&e.0);
        return 1;
    }
    let interrupted = e.matches(&x.keyboard_interrupt);
    let status = pylift::vm::exit::handle_uncaught(vm, e);
    if interrupted {
        pylift::vm::exit::run_atexit(vm);
        pylift::vm::startup::flush_std_streams(vm);
        let _ = std::io::stdout().flush();
        pylift::vm::startup::die_by_sigint();
        return 130;
    }
    status
}
