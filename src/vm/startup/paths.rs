//! Where the library lives: `sys.prefix` found by searching upward from the executable for
//! the landmark `lib/_pylift.py` (as CPython looks for `lib/python3.X/os.py`), the initial
//! `sys.path`, the frozen copy of `lib/` embedded at build time (the fallback of a
//! binary copied away from its tree), and where CPython 3.11's own pure-Python standard
//! library is found (used in place, after `lib/`).

include!(concat!(env!("OUT_DIR"), "/frozen_lib.rs"));

/// The landmark file, relative to the prefix.
pub const LANDMARK: &str = "lib/_pylift.py";

/// Start-up paths, computed once from the executable's location.
#[derive(Clone, Debug, Default)]
pub struct Paths {
    pub executable: String,
    pub prefix: String,
    /// `<prefix>/lib` (on `sys.path` even when absent, as CPython keeps its zip entry).
    pub lib: String,
    /// Whether the landmark was found: if not, library modules come from the frozen table.
    pub found: bool,
}

/// The absolute path of the running binary (`sys.executable`).
pub fn executable() -> String {
    std::env::current_exe()
        .ok()
        .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Searches from the executable's directory upward for the landmark.
pub fn compute() -> Paths {
    let executable = executable();
    let exe_dir = std::path::Path::new(&executable).parent().map(|p| p.to_path_buf());
    let mut dir = exe_dir.clone();
    while let Some(d) = dir {
        if d.join(LANDMARK).is_file() {
            let prefix = d.to_string_lossy().into_owned();
            let lib = d.join("lib").to_string_lossy().into_owned();
            return Paths { executable, prefix, lib, found: true };
        }
        dir = d.parent().map(|p| p.to_path_buf());
    }
    // No landmark: CPython falls back to its build-time prefix; ours is the directory above
    // the binary's (the `bin/..` of an installed layout).
    let prefix = exe_dir
        .as_ref()
        .and_then(|d| d.parent())
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "/".into());
    let lib = std::path::Path::new(&prefix).join("lib").to_string_lossy().into_owned();
    Paths { executable, prefix, lib, found: false }
}

/// The embedded source of library module `name`: (is a package, path relative to lib/, source).
pub fn frozen(name: &str) -> Option<(bool, &'static str, &'static str)> {
    FROZEN.iter().find(|(n, ..)| *n == name).map(|(_, p, rel, src)| (*p, *rel, *src))
}

/// Names of every module in the embedded library (for `sys.stdlib_module_names`).
pub fn frozen_names() -> impl Iterator<Item = &'static str> {
    FROZEN.iter().map(|(n, ..)| *n)
}

static USE_FROZEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether library modules come from the frozen table (FrozenImporter answers): when the
/// landmark was not found, or with `-X frozen_modules=on` (`=off` forces the files).
pub fn use_frozen() -> bool {
    USE_FROZEN.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_use_frozen(on: bool) {
    USE_FROZEN.store(on, std::sync::atomic::Ordering::Relaxed);
}

static PATHS: std::sync::OnceLock<Paths> = std::sync::OnceLock::new();

/// The start-up paths (computed on first use).
pub fn get() -> &'static Paths {
    PATHS.get_or_init(compute)
}

/// The landmark of CPython's standard library directory, as CPython's getpath checks it.
pub const STDLIB_LANDMARK: &str = "os.py";

/// Where start-up found CPython's standard library, or every place it looked.
#[derive(Clone, Debug)]
pub enum Stdlib {
    Found(String),
    Missing(Vec<String>),
}

/// Finds CPython 3.11's `Lib/`: `-X stdlib=DIR`, else `PYLIFT_STDLIB` (not with `-E`/`-I`),
/// else the directory the build machine's python3 reported, else the usual install places.
/// A directory counts only if it holds the landmark `os.py`; an explicit override that
/// lacks it is reported rather than silently replaced by another copy.
pub fn find_stdlib(xopt: Option<&str>, env: Option<&str>) -> Stdlib {
    let ok = |d: &str| std::path::Path::new(d).join(STDLIB_LANDMARK).is_file();
    let explicit = xopt.filter(|d| !d.is_empty()).or(env.filter(|d| !d.is_empty()));
    if let Some(d) = explicit {
        return if ok(d) {
            Stdlib::Found(d.trim_end_matches('/').to_owned())
        } else {
            Stdlib::Missing(vec![d.to_owned()])
        };
    }
    let build = option_env!("PYLIFT_BUILD_STDLIB").unwrap_or("");
    let mut looked = Vec::new();
    for d in [build, "/usr/lib/python3.11", "/usr/local/lib/python3.11"] {
        if d.is_empty() || looked.iter().any(|l| l == d) {
            continue;
        }
        if ok(d) {
            return Stdlib::Found(d.to_owned());
        }
        looked.push(d.to_owned());
    }
    Stdlib::Missing(looked)
}
