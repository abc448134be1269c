//! The `sys` module's start-up state (argv, paths, version facts, flags, the info struct
//! sequences) and its core functions (exit, exc_info, recursion limit, `_getframe`, intern).
//! Other areas add their sys functions in files under `startup/sys/`.

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::Value;
use crate::vm::startup::{add_function, module_dict};
use crate::vm::{Args, PyResult, Vm};

mod asyncgen;
pub mod frames;
mod jit;

fn set(d: &Value, name: &str, v: Value) {
    if let Some(dd) = d.payload::<PyDict>() {
        // Interned like code names, so `sys.version` finds its key by identity.
        dd.set_str(crate::objects::str::intern(name), v);
    }
}

/// The language version pylift implements, and its own.
pub const VERSION: (i64, i64, i64) = (3, 11, 7);
pub const PYLIFT_VERSION: &str = env!("CARGO_PKG_VERSION");
/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "pylift-311";

/// Command-line flags shown in `sys.flags` (the ones `Config` does not hold itself).
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub debug: i64,
    pub inspect: i64,
    pub interactive: i64,
    pub optimize: i64,
    pub dont_write_bytecode: bool,
    pub no_user_site: bool,
    pub no_site: bool,
    pub verbose: i64,
    pub bytes_warning: i64,
    pub quiet: bool,
    pub safe_path: bool,
}

/// `sys.version`: CPython's layout, naming pylift where CPython names its build.
pub fn version_string() -> String {
    let (a, b, c) = VERSION;
    format!("{a}.{b}.{c} (pylift {PYLIFT_VERSION}) [rustc]")
}

fn env_var(cfg: &crate::vm::Config, name: &str) -> Option<String> {
    if cfg.ignore_environment {
        return None;
    }
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn strs(items: &[String]) -> Value {
    new_list(items.iter().map(|a| new_str(a.as_str())).collect())
}

/// `sys._xoptions`: `-X name` → True, `-X name=value` → 'value'.
fn xoptions(cfg: &crate::vm::Config) -> Value {
    let d = crate::values::layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        for x in &cfg.xoptions {
            if x.starts_with("jit=") {
                continue;
            }
            match x.split_once('=') {
                Some((k, v)) => dd.set_str(new_str(k), new_str(v)),
                None => dd.set_str(new_str(x.as_str()), crate::objects::true_()),
            }
        }
    }
    d
}

fn xoption<'a>(cfg: &'a crate::vm::Config, name: &str) -> Option<&'a str> {
    cfg.xoptions.iter().rev().find_map(|x| match x.split_once('=') {
        Some((k, v)) if k == name => Some(v),
        None if x == name => Some(""),
        _ => None,
    })
}

/// Fills the `sys` module from the VM's configuration, then installs importlib.
pub fn init_sys(vm: &mut Vm) {
    if let Err(e) = fill_sys(vm) {
        let msg = vm.repr_string(&e.0).unwrap_or_default();
        eprintln!("Fatal Python error: init_sys: {msg}");
    }
    if let Err(e) = crate::vm::interp::install_importlib(vm) {
        vm.print_exception(&e.0);
        eprintln!("Fatal Python error: init_importlib: failed to install the import system");
    }
}

fn fill_sys(vm: &mut Vm) -> PyResult<()> {
    let d = module_dict(&vm.sys);
    let cfg = vm.config.clone();
    let fl = &cfg.flags;
    let paths = super::paths::get();
    let frozen = match xoption(&cfg, "frozen_modules") {
        Some("on") => true,
        Some("off") => false,
        _ => !paths.found,
    };
    super::paths::set_use_frozen(frozen);
    set(&d, "argv", strs(&cfg.argv));
    set(&d, "orig_argv", strs(&cfg.orig_argv));
    set(&d, "executable", new_str(paths.executable.as_str()));
    set(&d, "_base_executable", new_str(paths.executable.as_str()));
    for name in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(&d, name, new_str(paths.prefix.as_str()));
    }
    set(&d, "_stdlib_dir", new_str(paths.lib.as_str()));
    set(&d, "platlibdir", new_str("lib"));
    // `-X pycache_prefix=` (empty, or no value) cancels the environment variable.
    let pycache_prefix = match xoption(&cfg, "pycache_prefix") {
        Some(p) => Some(p.to_owned()).filter(|p| !p.is_empty()),
        None => env_var(&cfg, "PYTHONPYCACHEPREFIX"),
    };
    set(&d, "pycache_prefix", pycache_prefix.map_or_else(none, new_str));
    // sys.path: [script dir, added by main], PYTHONPATH entries, the library folder.
    let mut path: Vec<String> = Vec::new();
    if let Some(pp) = env_var(&cfg, "PYTHONPATH") {
        path.extend(pp.split(':').filter(|p| !p.is_empty()).map(str::to_owned));
    }
    path.push(paths.lib.clone());
    // CPython's own pure-Python library, after ours (ours keeps precedence where both
    // have a module). CPython prints a warning when its landmark is missing; so do we,
    // naming the places searched and how to point pylift at a copy.
    let env_stdlib = env_var(&cfg, "PYLIFT_STDLIB");
    match super::paths::find_stdlib(xoption(&cfg, "stdlib"), env_stdlib.as_deref()) {
        super::paths::Stdlib::Found(dir) => {
            set(&d, "_stdlib_dir", new_str(dir.as_str()));
            path.push(dir);
        }
        super::paths::Stdlib::Missing(looked) => {
            let looked: Vec<String> = looked.iter().map(|l| format!("{l}/{}", super::paths::STDLIB_LANDMARK)).collect();
            eprintln!(
                "pylift: could not find CPython 3.11's standard library (looked for {}); \
                 modules such as argparse will not import. Set PYLIFT_STDLIB or pass -X stdlib=DIR.",
                looked.join(", ")
            );
        }
    }
    set(&d, "path", strs(&path));
    set(&d, "meta_path", new_list(vec![]));
    set(&d, "path_hooks", new_list(vec![]));
    set(&d, "path_importer_cache", crate::values::layout::alloc(&types().dict, PyDict::new()));
    set(&d, "modules", vm.modules.clone());
    super::streams::init_std_streams(vm, &d);
    let (ma, mi, mc) = VERSION;
    set(&d, "version", new_str(version_string()));
    let version_info = super::structseq::make(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![new_int(ma), new_int(mi), new_int(mc), new_str("final"), new_int(0)],
    )?;
    set(&d, "version_info", version_info.clone());
    let hexversion = (ma << 24) | (mi << 16) | (mc << 8) | 0xf0;
    set(&d, "hexversion", new_int(hexversion));
    set(&d, "api_version", new_int(1013));
    set(&d, "copyright", new_str("Copyright (c) 2026 the pylift authors.\nAll Rights Reserved."));
    set(&d, "_git", new_tuple(vec![new_str("pylift"), new_str(""), new_str("")]));
    set(&d, "_framework", new_str(""));
    set(&d, "abiflags", new_str(""));
    set(&d, "float_repr_style", new_str("short"));
    // sys.implementation: a types.SimpleNamespace (lib/types.py takes the class from here).
    let multiarch = format!("{}-{}-gnu", std::env::consts::ARCH, std::env::consts::OS);
    let imp = crate::builtins::namespace::new_namespace(
        vm,
        vec![
            ("name", new_str("pylift")),
            ("cache_tag", new_str(CACHE_TAG)),
            ("version", version_info),
            ("hexversion", new_int(hexversion)),
            ("_multiarch", new_str(multiarch)),
        ],
    )?;
    set(&d, "implementation", imp);
    set(&d, "platform", new_str(std::env::consts::OS));
    set(&d, "byteorder", new_str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set(&d, "maxsize", new_int(i64::MAX));
    set(&d, "maxunicode", new_int(0x10ffff));
    let mut natives: Vec<&str> = crate::vm::interp::native_names();
    natives.extend(["builtins", "sys", "_imp"]);
    natives.sort_unstable();
    natives.dedup();
    set(&d, "builtin_module_names", new_tuple(natives.iter().map(|n| new_str(*n)).collect()));
    let mut std_names: Vec<&str> = natives.clone();
    std_names.extend(super::paths::frozen_names().filter(|n| !n.contains('.')));
    // CPython's own list, recorded at build time: its Lib/ is our library too.
    std_names.extend(option_env!("PYLIFT_BUILD_STDLIB_NAMES").unwrap_or("").split_whitespace());
    std_names.push("importlib");
    std_names.sort_unstable();
    std_names.dedup();
    let names = new_tuple(std_names.iter().map(|n| new_str(*n)).collect());
    let fs = crate::objects::set::frozenset_from_iter(vm, &names)?;
    set(&d, "stdlib_module_names", fs);
    let dont_write = fl.dont_write_bytecode || env_var(&cfg, "PYTHONDONTWRITEBYTECODE").is_some();
    set(&d, "dont_write_bytecode", crate::objects::py_bool(dont_write));
    set(&d, "_xoptions", xoptions(&cfg));
    let mut warn: Vec<String> = Vec::new();
    if let Some(w) = env_var(&cfg, "PYTHONWARNINGS") {
        warn.extend(w.split(',').filter(|s| !s.is_empty()).map(|s| s.trim().to_owned()));
    }
    let dev_mode = xoption(&cfg, "dev").is_some() || env_var(&cfg, "PYTHONDEVMODE").is_some();
    if dev_mode {
        warn.insert(0, "default".into());
    }
    let bw = match fl.bytes_warning {
        0 => None,
        1 => Some("default::BytesWarning"),
        _ => Some("error::BytesWarning"),
    };
    warn.extend(cfg.warnoptions.iter().cloned());
    if let Some(b) = bw {
        warn.push(b.into());
    }
    set(&d, "warnoptions", strs(&warn));
    let utf8 = xoption(&cfg, "utf8").is_some_and(|v| v != "0") || env_var(&cfg, "PYTHONUTF8").is_some_and(|v| v == "1");
    let int_max = xoption(&cfg, "int_max_str_digits")
        .map(str::to_owned)
        .or_else(|| env_var(&cfg, "PYTHONINTMAXSTRDIGITS"))
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(-1);
    let b = |x: bool| new_int(x as i64);
    let verbose = fl.verbose.max(env_var(&cfg, "PYTHONVERBOSE").map_or(0, |_| 1));
    let optimize = fl.optimize.max(env_var(&cfg, "PYTHONOPTIMIZE").and_then(|v| v.parse().ok()).unwrap_or(0));
    crate::compiler::set_optimize(optimize.clamp(0, 2) as u8);
    let hashseed_fixed = env_var(&cfg, "PYTHONHASHSEED").is_some_and(|v| v != "random");
    let flags = super::structseq::make(
        vm,
        "sys",
        "flags",
        &[
            "debug",
            "inspect",
            "interactive",
            "optimize",
            "dont_write_bytecode",
            "no_user_site",
            "no_site",
            "ignore_environment",
            "verbose",
            "bytes_warning",
            "quiet",
            "hash_randomization",
            "isolated",
            "dev_mode",
            "utf8_mode",
            "warn_default_encoding",
            "safe_path",
            "int_max_str_digits",
        ],
        vec![
            new_int(fl.debug),
            new_int(fl.inspect),
            new_int(fl.interactive),
            new_int(optimize),
            b(dont_write),
            b(fl.no_user_site || cfg.isolated),
            b(fl.no_site),
            b(cfg.ignore_environment),
            new_int(verbose),
            new_int(fl.bytes_warning),
            b(fl.quiet),
            // Hashes are always those of PYTHONHASHSEED=0: nothing is randomised, but
            // report what CPython reports for the same environment.
            b(!hashseed_fixed),
            b(cfg.isolated),
            crate::objects::py_bool(dev_mode),
            b(utf8),
            new_int(0),
            crate::objects::py_bool(fl.safe_path || cfg.isolated),
            new_int(int_max),
        ],
    )?;
    set(&d, "flags", flags);
    let hash_info = super::structseq::make(
        vm,
        "sys",
        "hash_info",
        &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
        vec![
            new_int(64),
            new_int((1i64 << 61) - 1),
            new_int(314159),
            new_int(0),
            new_int(1000003),
            new_str("siphash13"),
            new_int(64),
            new_int(128),
            new_int(0),
        ],
    )?;
    set(&d, "hash_info", hash_info);
    let thread_info = super::structseq::make(
        vm,
        "sys",
        "thread_info",
        &["name", "lock", "version"],
        vec![new_str("pthread"), new_str("mutex+cond"), none()],
    )?;
    set(&d, "thread_info", thread_info);
    frames::init(&d);
    asyncgen::init(&d);
    jit::init(&d);
    for (name, f) in [
        ("getdefaultencoding", sys_getdefaultencoding as crate::vm::NativeFn),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("intern", sys_intern),
        ("getsizeof", crate::objects::sizeof::sys_getsizeof),
        ("getrefcount", crate::objects::sizeof::sys_getrefcount),
        ("displayhook", sys_displayhook),
        ("is_finalizing", |_, _| Ok(crate::objects::py_bool(crate::vm::thread::is_finalizing()))),
        ("audit", super::audit::sys_audit),
        ("addaudithook", super::audit::sys_addaudithook),
        ("get_int_max_str_digits", crate::builtins::numeric::sys_get_int_max_str_digits),
        ("set_int_max_str_digits", crate::builtins::numeric::sys_set_int_max_str_digits),
    ] {
        add_function(&d, "sys", name, f);
    }
    crate::builtins::thread::init_sys(&d);
    crate::builtins::numeric::add_sys_info(vm, &d)?;
    if let Some(h) = d.payload::<PyDict>().and_then(|dd| dd.get_str("displayhook")) {
        set(&d, "__displayhook__", h);
    }
    Ok(())
}

fn sys_getdefaultencoding(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str("utf-8"))
}

fn sys_getfilesystemencodeerrors(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(new_str("surrogateescape"))
}

fn sys_intern(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("intern")?;
    if s.kind() != crate::values::Kind::Str {
        return Err(crate::vm::errors::type_error(format!(
            "intern() argument must be str, not {}",
            crate::vm::protocol::type_name(s)
        )));
    }
    match s.as_str() {
        Some(t) => Ok(crate::objects::str::intern(t)),
        None => Ok(s.clone()),
    }
}

fn sys_displayhook(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("displayhook")?;
    crate::vm::startup::default_displayhook(vm, v.clone())?;
    Ok(none())
}
