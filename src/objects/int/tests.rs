//! Tests of int/float/complex arithmetic through the VM (expected values from CPython 3.11).

use crate::bytecode::opcode::BinOp;
use crate::vm::{Config, Vm};

fn vm() -> Vm {
    Vm::new(Config::default())
}

fn ev(vm: &mut Vm, src: &str) -> crate::values::Value {
    super::super::int::tests_support::literal(vm, src)
}

fn show(vm: &mut Vm, r: crate::vm::PyResult) -> String {
    match r {
        Ok(v) => vm.repr_string(&v).unwrap_or_default(),
        Err(e) => {
            let msg =
                e.0.payload::<crate::objects::exception::PyException>()
                    .and_then(|x| {
                        x.args.borrow().as_tuple().and_then(|t| t.first().and_then(|m| m.as_str().map(str::to_owned)))
                    })
                    .unwrap_or_default();
            format!("{}: {}", crate::vm::protocol::type_name(&e.0), msg)
        }
    }
}

#[test]
fn binary_ops() {
    let mut vm = vm();
    let data = include_str!("testdata/binary_ops.tsv");
    let cases: Vec<(&str, &str, BinOp, &str)> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.splitn(4, '\t').collect();
            let op = BinOp::ALL.iter().copied().find(|o| format!("{o:?}") == f[1]).expect("operator name");
            (f[0], f[2], op, f[3])
        })
        .collect();
    let mut bad = Vec::new();
    for (a, b, op, want) in &cases {
        let (x, y) = (ev(&mut vm, a), ev(&mut vm, b));
        let r = vm.binary_op(&x, &y, *op, false);
        let got = show(&mut vm, r);
        if got != *want {
            bad.push(format!("{a} {op:?} {b}: got {got} want {want}"));
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

/// pidigits-style workload through the VM's operators (run with --ignored --nocapture).
#[test]
#[ignore]
fn bench_pidigits() {
    let mut vm = vm();
    let n = 10000;
    let i = |x: i64| crate::objects::int::new_int(x);
    let (mut q, mut r, mut t) = (i(1), i(0), i(1));
    let (mut k, mut digits) = (1i64, 0);
    let start = std::time::Instant::now();
    let mut out = String::new();
    let mut div_time = std::time::Duration::ZERO;
    while digits < n {
        let k2 = i(2 * k + 1);
        let kv = i(k);
        // q, r, t = q*k, (2*q + r)*k2, t*k2
        let q2 = vm.binary_op(&q, &i(2), BinOp::Mul, false).unwrap();
        let q2r = vm.binary_op(&q2, &r, BinOp::Add, false).unwrap();
        r = vm.binary_op(&q2r, &k2, BinOp::Mul, false).unwrap();
        q = vm.binary_op(&q, &kv, BinOp::Mul, false).unwrap();
        t = vm.binary_op(&t, &k2, BinOp::Mul, false).unwrap();
        k += 1;
        if crate::vm::ops::numeric_cmp(&q, &r) == Some(Some(std::cmp::Ordering::Greater)) {
            continue;
        }
        let q3 = vm.binary_op(&q, &i(3), BinOp::Mul, false).unwrap();
        let a = vm.binary_op(&q3, &r, BinOp::Add, false).unwrap();
        let t0 = std::time::Instant::now();
        let d = vm.binary_op(&a, &t, BinOp::FloorDiv, false).unwrap();
        let a4 = vm.binary_op(&a, &q, BinOp::Add, false).unwrap();
        let d4 = vm.binary_op(&a4, &t, BinOp::FloorDiv, false).unwrap();
        div_time += t0.elapsed();
        if d.as_small() != d4.as_small() {
            continue;
        }
        out.push_str(&d.as_small().unwrap().to_string());
        digits += 1;
        let dt = vm.binary_op(&d, &t, BinOp::Mul, false).unwrap();
        let rd = vm.binary_op(&r, &dt, BinOp::Sub, false).unwrap();
        r = vm.binary_op(&rd, &i(10), BinOp::Mul, false).unwrap();
        q = vm.binary_op(&q, &i(10), BinOp::Mul, false).unwrap();
    }
    eprintln!("{} digits in {:?} (div {:?}): {}...", digits, start.elapsed(), div_time, &out[..20]);
}
