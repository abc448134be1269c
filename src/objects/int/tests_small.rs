//! Tests of the small-int core (`int/small.rs`): Python semantics at the edges (inline
//! range, i64 limits, zero divisors, huge shift counts and exponents), checked against an
//! i128 / BigInt reference, and no panics for any i64 operands.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

use super::small::{self, SMALL_MAX, SMALL_MIN};
use crate::bytecode::opcode::CmpOp;

/// Operands around every boundary the core cares about.
const EDGES: [i64; 26] = [
    0,
    1,
    -1,
    2,
    -2,
    3,
    -3,
    7,
    -7,
    63,
    64,
    -64,
    1 << 31,
    -(1 << 31),
    1 << 53,
    -(1 << 53),
    (1 << 53) + 1,
    SMALL_MAX,
    SMALL_MIN,
    SMALL_MAX + 1,
    SMALL_MIN - 1,
    i64::MAX,
    i64::MIN,
    i64::MAX - 1,
    i64::MIN + 1,
    0x5555_5555_5555_5555,
];

fn fit(r: i128) -> Option<i64> {
    i64::try_from(r).ok()
}

#[test]
fn add_sub_mul_match_i128() {
    for &a in &EDGES {
        for &b in &EDGES {
            let (x, y) = (a as i128, b as i128);
            assert_eq!(small::add(a, b), fit(x + y), "{a} + {b}");
            assert_eq!(small::sub(a, b), fit(x - y), "{a} - {b}");
            assert_eq!(small::mul(a, b), fit(x * y), "{a} * {b}");
        }
    }
}

#[test]
fn inline_operands_never_overflow_add_sub() {
    // Two 62-bit operands: the sum leaves the inline range but always fits an i64.
    for (a, b) in [(SMALL_MAX, SMALL_MAX), (SMALL_MIN, SMALL_MIN), (SMALL_MIN, -SMALL_MAX), (SMALL_MAX, SMALL_MIN)] {
        assert!(small::add(a, b).is_some());
        assert!(small::sub(a, b).is_some());
    }
    assert_eq!(small::add(SMALL_MAX, 1), Some(1 << 62));
    assert!(!small::fits_small(1 << 62));
    assert!(small::fits_small(SMALL_MAX) && small::fits_small(SMALL_MIN));
    assert!(!small::fits_small(SMALL_MIN - 1));
    assert_eq!(small::sub(SMALL_MIN, 1), Some(SMALL_MIN - 1));
    // -SMALL_MIN is 2**62: out of the inline range, still an i64.
    assert_eq!(small::neg(SMALL_MIN), Some(1 << 62));
}

#[test]
fn floor_division_and_modulo() {
    // (a, b, a // b, a % b) from CPython.
    let cases: [(i64, i64, i64, i64); 12] = [
        (7, 2, 3, 1),
        (-7, 2, -4, 1),
        (7, -2, -4, -1),
        (-7, -2, 3, -1),
        (6, -3, -2, 0),
        (-6, 3, -2, 0),
        (0, -5, 0, 0),
        (1, -(1 << 62), -1, 1 - (1 << 62)),
        (-1, SMALL_MAX, -1, SMALL_MAX - 1),
        (SMALL_MIN, -1, 1 << 62, 0),
        (i64::MIN, 1, i64::MIN, 0),
        (i64::MIN, 2, i64::MIN / 2, 0),
    ];
    for (a, b, q, r) in cases {
        assert_eq!(small::floordiv(a, b), Some(q), "{a} // {b}");
        assert_eq!(small::modulo(a, b), Some(r), "{a} % {b}");
        assert_eq!(small::divmod(a, b), Some((q, r)), "divmod({a}, {b})");
    }
    // 2**63 does not fit an i64; the remainder is 0 all the same.
    assert_eq!(small::floordiv(i64::MIN, -1), None);
    assert_eq!(small::modulo(i64::MIN, -1), Some(0));
    assert_eq!(small::divmod(i64::MIN, -1), None);
}

#[test]
fn floor_division_matches_i128() {
    for &a in &EDGES {
        for &b in &EDGES {
            if b == 0 {
                continue;
            }
            let (x, y) = (a as i128, b as i128);
            assert_eq!(small::floordiv(a, b), fit(Integer::div_floor(&x, &y)), "{a} // {b}");
            assert_eq!(small::modulo(a, b), fit(Integer::mod_floor(&x, &y)), "{a} % {b}");
        }
    }
}

#[test]
fn zero_divisors() {
    for &a in &EDGES {
        assert_eq!(small::floordiv(a, 0), None);
        assert_eq!(small::modulo(a, 0), None);
        assert_eq!(small::divmod(a, 0), None);
        assert_eq!(small::truediv(a, 0), None);
    }
}

#[test]
fn true_division() {
    assert_eq!(small::truediv(1, 3), Some(1.0 / 3.0));
    assert_eq!(small::truediv(-7, 2), Some(-3.5));
    assert_eq!(small::truediv(1 << 53, -1), Some(-(2f64.powi(53))));
    assert_eq!(small::truediv(0, -5).map(f64::is_sign_negative), Some(true));
    // Beyond 2**53 a float conversion would round: the exact general path decides.
    assert_eq!(small::truediv((1 << 53) + 1, 1), None);
    assert_eq!(small::truediv(1, SMALL_MAX), None);
    assert_eq!(small::truediv(i64::MIN, -1), None);
}

#[test]
fn shifts() {
    assert_eq!(small::lshift(1, 0), Some(1));
    assert_eq!(small::lshift(1, 61), Some(1 << 61));
    assert_eq!(small::lshift(1, 62), Some(1 << 62));
    assert_eq!(small::lshift(1, 63), None);
    assert_eq!(small::lshift(-1, 63), Some(i64::MIN));
    assert_eq!(small::lshift(-3, 62), None);
    assert_eq!(small::lshift(SMALL_MAX, 1), Some(SMALL_MAX * 2));
    assert_eq!(small::lshift(SMALL_MAX, 2), None);
    assert_eq!(small::lshift(SMALL_MIN, 1), Some(i64::MIN));
    assert_eq!(small::lshift(5, 64), None);
    assert_eq!(small::lshift(5, i64::MAX), None);
    assert_eq!(small::lshift(0, i64::MAX), Some(0));
    // Negative counts raise ValueError on the general path, zero included.
    assert_eq!(small::lshift(0, -1), None);
    assert_eq!(small::lshift(1, i64::MIN), None);

    assert_eq!(small::rshift(-1, 1), Some(-1));
    assert_eq!(small::rshift(-7, 1), Some(-4));
    assert_eq!(small::rshift(7, 1), Some(3));
    assert_eq!(small::rshift(SMALL_MIN, 62), Some(-1));
    assert_eq!(small::rshift(SMALL_MAX, 61), Some(1));
    assert_eq!(small::rshift(SMALL_MAX, 64), Some(0));
    assert_eq!(small::rshift(SMALL_MIN, 64), Some(-1));
    assert_eq!(small::rshift(i64::MIN, i64::MAX), Some(-1));
    assert_eq!(small::rshift(12345, i64::MAX), Some(0));
    assert_eq!(small::rshift(1, -1), None);
    assert_eq!(small::rshift(0, i64::MIN), None);
}

#[test]
fn shifts_match_bigint() {
    for &a in &EDGES {
        for n in [0i64, 1, 2, 30, 31, 32, 52, 53, 60, 61, 62, 63, 64, 65, 100, 1000] {
            let big = BigInt::from(a);
            assert_eq!(small::lshift(a, n), (&big << n as usize).to_i64(), "{a} << {n}");
            assert_eq!(small::rshift(a, n), (&big >> n as usize).to_i64(), "{a} >> {n}");
        }
    }
}

#[test]
fn powers() {
    assert_eq!(small::pow(2, 0), Some(1));
    assert_eq!(small::pow(0, 0), Some(1));
    assert_eq!(small::pow(0, 5), Some(0));
    assert_eq!(small::pow(2, 10), Some(1024));
    assert_eq!(small::pow(-2, 3), Some(-8));
    assert_eq!(small::pow(2, 61), Some(1 << 61));
    assert_eq!(small::pow(2, 62), Some(1 << 62));
    assert_eq!(small::pow(2, 63), None);
    assert_eq!(small::pow(-2, 63), Some(i64::MIN));
    assert_eq!(small::pow(-2, 64), None);
    assert_eq!(small::pow(3, 39), Some(4052555153018976267));
    assert_eq!(small::pow(3, 40), None);
    assert_eq!(small::pow(10, 18), Some(1_000_000_000_000_000_000));
    assert_eq!(small::pow(10, 19), None);
    assert_eq!(small::pow(SMALL_MAX, 2), None);
    assert_eq!(small::pow(i64::MIN, 1), Some(i64::MIN));
    assert_eq!(small::pow(i64::MIN, 2), None);
    // 0, 1 and -1 to any power, however large the exponent.
    assert_eq!(small::pow(1, i64::MAX), Some(1));
    assert_eq!(small::pow(0, i64::MAX), Some(0));
    assert_eq!(small::pow(-1, i64::MAX), Some(-1));
    assert_eq!(small::pow(-1, i64::MAX - 1), Some(1));
    assert_eq!(small::pow(2, i64::MAX), None);
    // A negative exponent gives a float: the general path.
    assert_eq!(small::pow(2, -1), None);
    assert_eq!(small::pow(1, -1), None);
    assert_eq!(small::pow(0, i64::MIN), None);
}

#[test]
fn powers_match_bigint() {
    for &a in &EDGES {
        for e in [0u32, 1, 2, 3, 5, 31, 62, 63, 64, 65, 200] {
            let want = num_traits::Pow::pow(BigInt::from(a), e).to_i64();
            assert_eq!(small::pow(a, e as i64), want, "{a} ** {e}");
        }
    }
}

#[test]
fn bitwise_and_unary() {
    assert_eq!(small::bitand(-1, SMALL_MIN), SMALL_MIN);
    assert_eq!(small::bitor(SMALL_MIN, SMALL_MAX), -1);
    assert_eq!(small::bitxor(SMALL_MAX, -1), SMALL_MIN);
    assert_eq!(small::bitand(-8, 5), 0);
    assert_eq!(small::bitor(-8, 5), -3);
    assert_eq!(small::bitxor(-8, 5), -3);
    assert_eq!(small::invert(0), -1);
    assert_eq!(small::invert(SMALL_MAX), SMALL_MIN);
    assert_eq!(small::invert(i64::MIN), i64::MAX);
    assert_eq!(small::neg(i64::MIN), None);
    assert_eq!(small::neg(i64::MAX), Some(-i64::MAX));
    assert_eq!(small::abs(i64::MIN), None);
    assert_eq!(small::abs(SMALL_MIN), Some(1 << 62));
    for &a in &EDGES {
        for &b in &EDGES {
            let (x, y) = (BigInt::from(a), BigInt::from(b));
            assert_eq!(Some(small::bitand(a, b)), (&x & &y).to_i64());
            assert_eq!(Some(small::bitor(a, b)), (&x | &y).to_i64());
            assert_eq!(Some(small::bitxor(a, b)), (&x ^ &y).to_i64());
        }
    }
}

#[test]
fn comparisons() {
    for &a in &EDGES {
        for &b in &EDGES {
            let o = a.cmp(&b);
            assert_eq!(small::compare(a, b, CmpOp::Lt), o.is_lt());
            assert_eq!(small::compare(a, b, CmpOp::Le), o.is_le());
            assert_eq!(small::compare(a, b, CmpOp::Eq), o.is_eq());
            assert_eq!(small::compare(a, b, CmpOp::Ne), o.is_ne());
            assert_eq!(small::compare(a, b, CmpOp::Gt), o.is_gt());
            assert_eq!(small::compare(a, b, CmpOp::Ge), o.is_ge());
        }
    }
}

#[test]
fn binop_values_promote_past_the_inline_range() {
    use crate::bytecode::opcode::BinOp;
    use crate::objects::int::{int_val, to_bigint};
    use crate::vm::{Config, Vm};
    let _vm = Vm::new(Config::default());
    let big = |v: crate::values::Value| to_bigint(&v).map(|b| b.to_string());
    // Inline results stay inline; one past the range is a BigInt with the exact value.
    let r = small::binop(SMALL_MAX - 1, 1, BinOp::Add).expect("fits");
    assert_eq!(r.as_small(), Some(SMALL_MAX));
    let r = small::binop(SMALL_MAX, 1, BinOp::Add).expect("promotes");
    assert!(r.as_small().is_none());
    assert_eq!(big(r), Some("4611686018427387904".to_owned()));
    let r = small::binop(SMALL_MIN, SMALL_MIN, BinOp::Mul).expect("i128 product");
    assert_eq!(big(r), Some("21267647932558653966460912964485513216".to_owned()));
    let r = small::binop(SMALL_MIN, -1, BinOp::FloorDiv).expect("2**62");
    assert_eq!(big(r), Some("4611686018427387904".to_owned()));
    let r = small::binop(7, 2, BinOp::TrueDiv).expect("float");
    assert_eq!(r.payload::<crate::objects::float::PyFloat>().map(|f| f.0), Some(3.5));
    assert!(int_val(&small::binop(-7, 2, BinOp::Mod).expect("mod")).is_some_and(|v| v.as_i64() == Some(1)));
    // Raising and non-int cases are the general path's.
    for (a, b, op) in [
        (1, 0, BinOp::FloorDiv),
        (1, 0, BinOp::Mod),
        (1, 0, BinOp::TrueDiv),
        (1, -1, BinOp::LShift),
        (1, -1, BinOp::RShift),
        (2, -1, BinOp::Pow),
        (1, 1, BinOp::MatMul),
        (1, 70, BinOp::LShift),
        (3, 100, BinOp::Pow),
    ] {
        assert!(small::binop(a, b, op).is_none(), "{a} {op:?} {b}");
    }
}

#[test]
fn never_panics_on_any_i64() {
    use crate::bytecode::opcode::BinOp;
    use crate::vm::{Config, Vm};
    let _vm = Vm::new(Config::default());
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        // xorshift64: operands across the whole i64 range, EDGES mixed in.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let r = seed as i64;
        if seed % 4 == 0 { EDGES[(seed >> 8) as usize % EDGES.len()] } else { r >> (seed % 64) }
    };
    for _ in 0..20_000 {
        let (a, b) = (next(), next());
        // binop takes inline ints' values (62-bit); the i64 functions take anything.
        for op in BinOp::ALL {
            let _ = small::binop(a >> 2, b >> 2, op);
        }
        let _ = (small::add(a, b), small::sub(a, b), small::mul(a, b), small::truediv(a, b));
        let _ = (small::floordiv(a, b), small::modulo(a, b), small::pow(a, b), small::lshift(a, b));
        let _ = (small::divmod(a, b), small::neg(a), small::abs(a), small::invert(a));
        let _ = (small::pow(a, b & 127), small::lshift(a, b & 127), small::rshift(a, b));
    }
}
