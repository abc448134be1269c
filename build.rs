//! Build script: embeds every Python source module under `lib/` into the binary (the frozen
//! table `FROZEN` in `$OUT_DIR/frozen_lib.rs`), so a copied binary still has its library;
//! and records where the build machine's CPython 3.11 keeps its standard library
//! (`PYLIFT_BUILD_STDLIB`, one of the places start-up looks for CPython's `Lib/`); and
//! fingerprints the compiler and bytecode sources (`PYLIFT_BYTECODE_HASH`), the stamp of
//! pylift's bytecode format in `.pyc` files and marshalled code objects.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, bool, PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let Some(name) = p.file_name().and_then(|n| n.to_str()).map(str::to_owned) else { continue };
        if p.is_dir() {
            if name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            let init = p.join("__init__.py");
            let full = format!("{prefix}{name}");
            if init.is_file() {
                out.push((full.clone(), true, init));
            }
            walk(&p, &format!("{full}."), out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            if stem != "__init__" {
                out.push((format!("{prefix}{stem}"), false, p.clone()));
            }
        }
    }
}

/// The `stdlib` directory of the `python3` on PATH, if it is CPython 3.11 (pylift runs
/// CPython's pure-Python modules in place; another version's would not match).
fn cpython_stdlib() -> Option<String> {
    let out = std::process::Command::new("python3")
        .args([
            "-E",
            "-c",
            "import sys, sysconfig; print(sys.version_info[:2] == (3, 11) and sysconfig.get_paths()['stdlib'] or '')",
        ])
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !s.is_empty()).then_some(s)
}

/// CPython 3.11's `sys.stdlib_module_names`, space-separated (pylift's own list is that
/// plus its native modules; the library itself is CPython's).
fn cpython_stdlib_names() -> Option<String> {
    let out = std::process::Command::new("python3")
        .args([
            "-E",
            "-c",
            "import sys; print(sys.version_info[:2] == (3, 11) and ' '.join(sorted(sys.stdlib_module_names)) or '')",
        ])
        .output()
        .ok()?;
    let s = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rustc-env=PYLIFT_BUILD_STDLIB={}", cpython_stdlib().unwrap_or_default());
    println!("cargo:rustc-env=PYLIFT_BUILD_STDLIB_NAMES={}", cpython_stdlib_names().unwrap_or_default());
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let lib = root.join("lib");
    let mut mods = Vec::new();
    walk(&lib, "", &mut mods);
    // Each module file, not the folder: importing them writes `__pycache__/` there, which
    // must not make every build rerun this script. A new module is seen at the next change
    // to any of these, `Cargo.toml` or this file.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=Cargo.toml");
    for (_, _, path) in &mods {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    bytecode_hash(&root);
    let mut s = String::from(
        "/// (module name, is a package, path relative to lib/, source)\npub static FROZEN: &[(&str, bool, &str, &str)] = &[\n",
    );
    for (name, is_pkg, path) in &mods {
        let rel = path.strip_prefix(&lib).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let _ = writeln!(s, "    ({name:?}, {is_pkg}, {rel:?}, include_str!({:?})),", path.to_string_lossy());
    }
    s.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("frozen_lib.rs");
    if std::fs::read_to_string(&out).ok().as_deref() != Some(s.as_str()) {
        let _ = std::fs::write(&out, s);
    }
}

/// FNV-1a over every source file of the compiler and the bytecode format (opcode table,
/// code objects, their serializer), `Cargo.lock` (the parser's version) and the crate
/// version: a build whose bytecode could differ gets a different stamp, so it never loads
/// another build's cached code (`bytecode::marshal`).
fn bytecode_hash(root: &Path) {
    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        for e in rd.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut paths = vec![root.join("Cargo.lock"), root.join("src/compiler.rs"), root.join("src/bytecode.rs")];
    files(&root.join("src/compiler"), &mut paths);
    files(&root.join("src/bytecode"), &mut paths);
    paths.sort();
    for dir in ["Cargo.lock", "src/compiler.rs", "src/bytecode.rs", "src/compiler", "src/bytecode"] {
        println!("cargo:rerun-if-changed={dir}");
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            h = (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(std::env::var("CARGO_PKG_VERSION").unwrap_or_default().as_bytes());
    for p in &paths {
        feed(p.strip_prefix(root).unwrap_or(p).to_string_lossy().as_bytes());
        feed(&std::fs::read(p).unwrap_or_default());
    }
    println!("cargo:rustc-env=PYLIFT_BYTECODE_HASH={h:016x}");
}
