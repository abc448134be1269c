//! Compiler unit tests: programs compile, and the listings look like CPython's.

use crate::bytecode::code::Code;
use crate::bytecode::dump::dump;
use crate::compiler::{Mode, compile};

/// Start-up of the object registry; the guard holds the GIL (tests run on parallel threads
/// and the intern table is shared).
#[must_use]
fn init() -> crate::vm::thread::GilGuard {
    let g = crate::vm::thread::hold_gil();
    crate::objects::registry::init();
    g
}

fn listing(src: &str) -> String {
    let _gil = init();
    match compile(src, "<test>", Mode::Exec) {
        Ok(c) => match c.payload::<Code>() {
            Some(code) => dump(code),
            None => "not a code object".into(),
        },
        Err(e) => format!("error: {} line {}: {}", e.kind, e.line, e.msg),
    }
}

fn err(src: &str) -> String {
    let _gil = init();
    match compile(src, "<test>", Mode::Exec) {
        Ok(_) => "ok".into(),
        Err(e) => e.msg,
    }
}

#[test]
fn compiles_programs() {
    let progs = [
        "x = 1 + 2\nprint(x)\n",
        "def f(a, b=2, *c, d, e=5, **g):\n    return a + b\nprint(f(1, d=3))\n",
        "for i in range(3):\n    if i == 1:\n        continue\n    print(i)\nelse:\n    pass\n",
        "while x < 3:\n    x += 1\n    if x: break\n",
        "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 3\n    def m(self):\n        return super().m()\n",
        "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n        return x\n    return g\n",
        "try:\n    f()\nexcept E as e:\n    print(e)\nexcept:\n    pass\nelse:\n    g()\nfinally:\n    h()\n",
        "with open(p) as f, g() as (a, b):\n    print(f.read())\n",
        "def gen():\n    yield 1\n    x = yield from g()\n    return x\n",
        "print([x * y for x in a for y in b if x if y], {k: v for k, v in d}, {s for s in t}, list(z for z in w))\n",
        "import a.b.c\nimport a.b.c as d\nfrom .m import x, y as z\nfrom m import *\n",
        "a, *b, c = s\ndel a, b[0], c.d\nx[1:2] = y\nx.y += 1\nx[i] //= 2\n",
        "print(f'{x!r:>{w}} and {y=} {z:.2f}')\n",
        "match p:\n    case [1, *rest]: pass\n    case {'k': v, **kw}: pass\n    case Point(x=0, y=yy) | Point(1, yy) if yy > 0: pass\n    case str() as s: pass\n    case None: pass\n    case _: pass\n",
        "assert x, 'msg'\nassert y\nraise E from F\n",
        "f(*a, **k)\nf(1, *a, x=2, **k)\nf(a, b=1)\no.m(1, 2)\no.m(*a)\n",
        "x = a if b else c\ny = a and b or c\nz = 1 < x < 3\nif not (a and b): pass\nif 1 < x < 3: pass\n",
        "def f():\n    for x in y:\n        try:\n            return g()\n        finally:\n            break\n",
        "def f():\n    with a:\n        return 1\n",
        "def f():\n    try:\n        pass\n    except E as e:\n        return e\n",
        "g = lambda x, *y, z=3: x + z\nd = {1: 2, **e}\ns = {*a, 1}\nt = (*a, 1)\nl = [1, 2, 3]\n",
        "global_x = 1\ndef f():\n    global global_x\n    global_x = 2\n",
        "print([(y := x) for x in range(3)], y)\n",
    ];
    for p in progs {
        let l = listing(p);
        assert!(!l.starts_with("error"), "{p}\n{l}");
    }
}

#[test]
fn dump_sample() {
    let l = listing("def f(a):\n    try:\n        g()\n    except E as e:\n        k(e)\n    finally:\n        z()\n");
    println!("{l}");
    let l = listing("def f():\n    with a as b:\n        g()\n");
    println!("{l}");
    let l = listing("class C:\n    def m(self):\n        return super().m()\n");
    println!("{l}");
}

#[test]
fn syntax_errors() {
    assert_eq!(err("return 1\n"), "'return' outside function");
    assert_eq!(err("break\n"), "'break' outside loop");
    assert_eq!(err("continue\n"), "'continue' not properly in loop");
    assert_eq!(err("nonlocal x\n"), "nonlocal declaration not allowed at module level");
    assert_eq!(err("def f():\n    x = 1\n    global x\n"), "name 'x' is assigned to before global declaration");
    assert_eq!(err("def f():\n    nonlocal x\n"), "no binding for nonlocal 'x' found");
    assert_eq!(err("yield 1\n"), "'yield' outside function");
}

/// Prints how the cases in /tmp/errcases.txt (one per line, `\n` escaped) fail, to
/// compare with CPython by hand.
#[test]
fn show_parse_errors() {
    let cases: Vec<String> = std::fs::read_to_string("/tmp/errcases.txt")
        .unwrap_or_default()
        .lines()
        .map(|l| l.replace("\\n", "\n"))
        .collect();
    let _gil = init();
    for c in cases {
        match compile(&c, "<t>", Mode::Exec) {
            Ok(_) => println!("{c:?} => OK"),
            Err(e) => println!("{c:?} => {} {}:{}-{} {}", e.kind, e.line, e.col, e.end_col, e.msg),
        }
    }
}

/// Every code object in `code` (recursively) has consistent stack depths.
fn check_depths(code: &Code, what: &str) {
    let instrs: Vec<_> = code.instrs.iter().map(|c| c.get()).collect();
    assert!(
        crate::compiler::codegen::flow_depth(&instrs, &code.exc_table).is_some(),
        "inconsistent stack depth in {what}: {}\n{}",
        code.qualname.as_str().unwrap_or("?"),
        dump(code)
    );
    for c in &code.consts {
        if let Some(inner) = c.payload::<Code>() {
            check_depths(inner, what);
        }
    }
}

/// Compiles every golden test program: it must compile unless CPython reports a
/// SyntaxError for it, and every code object must have consistent stack depths.
#[test]
fn compiles_golden_programs() {
    let _gil = init();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/jit-tests");
    let pystd = concat!(env!("CARGO_MANIFEST_DIR"), "/src/builtins/pystd");
    let mut stack = vec![std::path::PathBuf::from(root), std::path::PathBuf::from(pystd)];
    let mut failures = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        for ent in rd.flatten() {
            let p = ent.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "py") {
                continue;
            }
            let Ok(src) = std::fs::read_to_string(&p) else { continue };
            let name = p.display().to_string();
            match compile(&src, &name, Mode::Exec) {
                Ok(c) => {
                    if let Some(code) = c.payload::<Code>() {
                        check_depths(code, &name);
                    }
                }
                Err(e) => {
                    let out = std::process::Command::new("python3")
                        .arg("-c")
                        .arg("import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')")
                        .arg(&p)
                        .output();
                    let last = out
                        .map(|o| String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("").to_owned())
                        .unwrap_or_default();
                    let ours = format!("{}: {}", e.kind, e.msg);
                    if last != ours {
                        failures.push(format!("{name}:{}: {ours}  (CPython: {last})", e.line));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
