//! A hot loop of small-int additions, run by pylift's JIT against the same loop written
//! in Rust (issue 8's bar: within 3x). `cargo bench --bench int_loop`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pylift::jit::{self, Mode};
use pylift::objects::dict::PyDict;
use pylift::objects::str::new_str;
use pylift::values::Value;
use pylift::vm::{Config, Vm};

const N: i64 = 100_000;

const SOURCE: &str = "def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n    return s\n";

/// The Rust loop: `black_box` keeps the additions (LLVM would otherwise sum the series
/// in closed form), as the Python loop does them one by one.
fn rust_loop(n: i64) -> i64 {
    let mut s = 0i64;
    for i in 0..n {
        s = black_box(s + i);
    }
    s
}

fn bench(c: &mut Criterion) {
    jit::configure(Mode::All, None, false, false, false);
    let mut vm = Vm::new(Config::default());
    let code = pylift::compiler::compile(SOURCE, "<bench>", pylift::compiler::Mode::Exec).expect("compiles");
    let globals = pylift::vm::interp::new_dict();
    let g = globals.payload::<PyDict>().expect("a dict");
    g.set_str(new_str("__builtins__"), vm.builtins_module.clone());
    vm.run_code(&code, &globals).expect("defines f");
    let f = g.get_str_value(&new_str("f")).expect("f");
    let expected = rust_loop(N);
    let n = Value::small(N);
    let got = vm.call_pos(&f, std::slice::from_ref(&n)).expect("runs");
    assert_eq!(vm.repr_string(&got).expect("repr"), expected.to_string());

    let mut group = c.benchmark_group("int_loop_100k");
    group.bench_function("rust", |b| b.iter(|| rust_loop(black_box(N))));
    group.bench_function("pylift_jit", |b| b.iter(|| vm.call_pos(&f, std::slice::from_ref(&n)).expect("runs")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
