//! Unit tests of the JIT's compiler on small functions: each runs in the same process
//! with the interpreter only, with everything compiled at its first call, and with every
//! guard failing once, and the results are checked directly; `sys._jit.is_active()` in
//! the function's body shows compiled code did the work.

use pylift::jit::{self, Mode};
use pylift::objects::dict::PyDict;
use pylift::objects::str::new_str;
use pylift::vm::{Config, Vm};

/// Runs `src` (which sets `result` and `ran_compiled`) under `mode`; gives
/// `(repr(result), ran_compiled)`.
fn run(vm: &mut Vm, mode: Mode, src: &str) -> (String, bool) {
    jit::configure(mode, None, false, false, false);
    let code = pylift::compiler::compile(src, "<jit-unit>", pylift::compiler::Mode::Exec).expect("compiles");
    let globals = pylift::vm::interp::new_dict();
    let g = globals.payload::<PyDict>().expect("a dict");
    g.set_str(new_str("__builtins__"), vm.builtins_module.clone());
    g.set_str(new_str("__name__"), new_str("__main__"));
    if let Err(e) = vm.run_code(&code, &globals) {
        panic!("{src}\nraised {}", vm.repr_string(&e.0).unwrap_or_default());
    }
    let get = |name: &str| g.get_str_value(&new_str(name)).unwrap_or_else(|| panic!("{name} not set"));
    let (result, ran) = (get("result"), get("ran_compiled"));
    let ran = vm.repr_string(&ran).expect("repr") == "True";
    (vm.repr_string(&result).expect("repr"), ran)
}

/// The cases: a function `f`, called by the harness below on its arguments.
const CASES: &[(&str, &str, &str)] = &[
    // Small ints, overflow into big ints, // and % of negatives, shifts.
    (
        "def f(n):\n    a = 0\n    for i in range(n):\n        a = a * 3 + i - (i // 7) % 5 + (i << 2) - (i >> 1)\n    return a\n",
        "40",
        "14434446930832514966",
    ),
    // Floats unboxed, mixed with ints.
    (
        "def f(n):\n    x = 0.5\n    for i in range(n):\n        x = x * 1.0001 + i / 3 - 0.25\n    return round(x, 6)\n",
        "300",
        "15023.995286",
    ),
    // Branches on comparisons, while loops, lists indexed and stored.
    (
        "def f(n):\n    xs = [0] * 10\n    i = 0\n    while i < n:\n        if i % 3 == 0 and i != 9:\n            xs[i % 10] += i\n        elif i > 50:\n            xs[0] -= 1\n        i += 1\n    return xs\n",
        "100",
        "[148, 153, 126, 192, 162, 135, 204, 171, 144, 207]",
    ),
    // Calls between compiled functions, recursion.
    (
        "def g(n):\n    return n if n < 2 else g(n - 1) + g(n - 2)\ndef f(n):\n    return [g(k) for k in range(n)]\n",
        "15",
        "[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]",
    ),
    // Methods, attributes, globals.
    (
        "class P:\n    def __init__(self, x):\n        self.x = x\n    def step(self, d):\n        self.x += d\n        return self.x\ndef f(n):\n    p = P(1)\n    t = 0\n    for i in range(n):\n        t += p.step(i % 4)\n    return (t, p.x)\n",
        "50",
        "(1899, 74)",
    ),
    // A generator pipeline.
    (
        "def src(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\ndef f(n):\n    return sum(x * x for x in src(n) if x % 3)\n",
        "100",
        "215589",
    ),
    // An exception raised in compiled code, caught in compiled code.
    (
        "def f(n):\n    caught = 0\n    for i in range(n):\n        try:\n            if i % 10 == 0:\n                raise ValueError(i)\n            caught += 1 // (i % 7)\n        except (ValueError, ZeroDivisionError) as e:\n            caught += 100\n    return caught\n",
        "60",
        "1408",
    ),
    // Types change under a hot loop: int, float, big int, str.
    (
        "def f(n):\n    acc = 0\n    for i in range(n):\n        if i == 20:\n            acc = acc + 0.5\n        if i == 40:\n            acc = int(acc) * 10 ** 20\n        if i == 60:\n            acc = str(acc)[:5]\n        acc = acc + (i if not isinstance(acc, str) else 'x')\n    return acc\n",
        "70",
        "'78000xxxxxxxxxx'",
    ),
];

/// Calls `f` a few times (under deopt-stress each call meets the next guards failing for
/// the first time) and records whether `f` itself ran compiled code
/// (`sys._jit.is_active()` in its body).
const HARNESS: &str = "for _ in range(12):\n    result = f(ARGS)\nran_compiled = any(_active)\n";

#[test]
fn compiled_functions_give_the_interpreters_results() {
    // One interpreter for all runs (fresh code objects and globals each time).
    let mut vm = Vm::new(Config::default());
    for (src, args, expected) in CASES {
        let f = src.replace("def f(n):\n", "def f(n):\n    _active.append(sys._jit.is_active())\n");
        let program = format!("import sys\n_active = []\n{f}{}", HARNESS.replace("ARGS", args));
        for mode in [Mode::Off, Mode::All, Mode::DeoptStress] {
            let (got, ran) = run(&mut vm, mode, &program);
            assert_eq!(&got, expected, "{mode:?}\n{src}");
            assert_eq!(ran, mode != Mode::Off, "{mode:?}: compiled code did not run\n{src}");
        }
    }
}
