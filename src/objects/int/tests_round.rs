//! Tests of float rounding and float.hex round trips (expected values from CPython 3.11).

use crate::vm::{Config, Vm};

#[test]
fn rounding() {
    let _vm = Vm::new(Config::default());
    let data = include_str!("testdata/float_round.tsv");
    let mut bad = Vec::new();
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let x: f64 = f[0].replace('_', "").parse().expect("float literal");
        let n: i64 = f[1].parse().expect("ndigits");
        let got = crate::objects::float::float_round(x, n)
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|_| "OverflowError".into());
        if got != f[2] {
            bad.push(format!("round({}, {n}): got {got} want {}", f[0], f[2]));
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn hex_round_trip() {
    let _vm = Vm::new(Config::default());
    assert_eq!(crate::objects::float::float_hex(0.0_f64), "0x0.0p+0");
    assert_eq!(crate::objects::float::float_hex(-0.0_f64), "-0x0.0p+0");
    assert_eq!(crate::objects::float::float_hex(1.5_f64), "0x1.8000000000000p+0");
    assert_eq!(crate::objects::float::float_hex(-0.1_f64), "-0x1.999999999999ap-4");
    assert_eq!(crate::objects::float::float_hex(5e-324_f64), "0x0.0000000000001p-1022");
    assert_eq!(crate::objects::float::float_hex(1.7976931348623157e+308_f64), "0x1.fffffffffffffp+1023");
    assert_eq!(crate::objects::float::float_hex(2.2250738585072014e-308_f64), "0x1.0000000000000p-1022");
    assert_eq!(crate::objects::float::float_hex(3.141592653589793_f64), "0x1.921fb54442d18p+1");
    assert_eq!(crate::objects::float::float_hex(1e-310_f64), "0x0.012688b70e62bp-1022");
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.8p1")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "3.0",
        "0x1.8p1"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("  -0X1P-1074 ")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "-5e-324",
        "  -0X1P-1074 "
    );
    assert_eq!(
        crate::objects::float::float_fromhex("inf")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "inf",
        "inf"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.fffffffffffff8p1023")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "OverflowError",
        "0x1.fffffffffffff8p1023"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1p-1075")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "0.0",
        "0x1p-1075"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.0000000000001p-1075")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "5e-324",
        "0x1.0000000000001p-1075"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x3p-1076")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "5e-324",
        "0x3p-1076"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x.8")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "0.5",
        "0x.8"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("1")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.0",
        "1"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.8")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.5",
        "0x1.8"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1p")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "ValueError",
        "0x1p"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("x")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "ValueError",
        "x"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.fffffffffffffp1023")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.7976931348623157e+308",
        "0x1.fffffffffffffp1023"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1p1024")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "OverflowError",
        "0x1p1024"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x10000000000000000000p-80")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "0.0625",
        "0x10000000000000000000p-80"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.00000000000008p0")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.0",
        "0x1.00000000000008p0"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.00000000000018p0")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.0000000000000004",
        "0x1.00000000000018p0"
    );
    assert_eq!(
        crate::objects::float::float_fromhex("0x1.00000000000008000001p0")
            .map(crate::objects::format_spec::float_repr)
            .unwrap_or_else(|e| crate::vm::protocol::type_name(&e.0)),
        "1.0000000000000002",
        "0x1.00000000000008000001p0"
    );
}
