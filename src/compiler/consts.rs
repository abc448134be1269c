//! Compile-time constants: literal values, constant folding of tuples and unary minus, the
//! dedup key for `co_consts`, and conversion to runtime values.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Num, ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Number, Operator, UnaryOp};

use crate::objects::complex::PyComplex;
use crate::objects::float::new_float;
use crate::objects::int::{new_bigint, new_int};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{ellipsis, none, py_bool, types};
use crate::values::{Value, layout};

#[derive(Clone, PartialEq, Debug)]
pub enum Const {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
}

/// The `co_consts` dedup key: equal keys mean interchangeable constants (type-exact, so
/// `1`, `1.0` and `True` stay apart, and `0.0`/`-0.0` too).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    /// Code objects are never shared.
    Unique(usize),
}

impl Const {
    pub fn key(&self) -> ConstKey {
        match self {
            Const::None => ConstKey::None,
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Int(i) => ConstKey::Int(i.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Complex(a, b) => ConstKey::Complex(a.to_bits(), b.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(t) => ConstKey::Tuple(t.iter().map(Const::key).collect()),
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            Const::None => none(),
            Const::Ellipsis => ellipsis(),
            Const::Bool(b) => py_bool(*b),
            Const::Int(i) => match i.to_i64() {
                Some(v) => new_int(v),
                None => new_bigint(i.clone()),
            },
            Const::Float(f) => new_float(*f),
            Const::Complex(re, im) => layout::alloc(&types().complex, PyComplex { re: *re, im: *im }),
            // CPython interns identifier-like constants (`intern_string_constants`): `is`
            // holds between equal ones, and marshal writes them as interned.
            Const::Str(s) if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                crate::objects::str::intern(s)
            }
            Const::Str(s) => new_str(s.as_str()),
            Const::Bytes(b) => crate::objects::bytes::new_bytes(b.clone()),
            Const::Tuple(t) => new_tuple(t.iter().map(Const::to_value).collect()),
        }
    }

    pub fn is_true(&self) -> bool {
        match self {
            Const::None => false,
            Const::Ellipsis => true,
            Const::Bool(b) => *b,
            Const::Int(i) => !i.is_zero(),
            Const::Float(f) => *f != 0.0,
            Const::Complex(a, b) => *a != 0.0 || *b != 0.0,
            Const::Str(s) => !s.is_empty(),
            Const::Bytes(b) => !b.is_empty(),
            Const::Tuple(t) => !t.is_empty(),
        }
    }
}

/// The value of an integer literal (small, or a big token like `0xFFFF_FFFF_FFFF_FFFF_F`).
pub fn int_literal(i: &ast::Int) -> BigInt {
    if let Some(v) = i.as_i64() {
        return BigInt::from(v);
    }
    let tok: String = i.to_string().chars().filter(|c| *c != '_').collect();
    let lower = tok.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_owned(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_owned(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_owned(), 2)
    } else {
        (lower, 10)
    };
    BigInt::from_str_radix(&digits, radix).unwrap_or_default()
}

/// The constant an expression folds to, if it is one: literals, tuples of constants, and
/// unary operators on numbers (CPython's AST optimizer folds these too).
pub fn const_of(e: &Expr) -> Option<Const> {
    match e {
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::BooleanLiteral(b) => Some(Const::Bool(b.value)),
        Expr::NumberLiteral(n) => Some(match &n.value {
            Number::Int(i) => Const::Int(int_literal(i)),
            Number::Float(f) => Const::Float(*f),
            Number::Complex { real, imag } => Const::Complex(*real, *imag),
        }),
        Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().to_owned())),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
        Expr::Tuple(t) => {
            let mut items = Vec::with_capacity(t.elts.len());
            for x in &t.elts {
                items.push(const_of(x)?);
            }
            Some(Const::Tuple(items))
        }
        Expr::BinOp(b) => fold_binop(const_of(&b.left)?, b.op, const_of(&b.right)?),
        Expr::UnaryOp(u) => {
            let v = const_of(&u.operand)?;
            match (u.op, v) {
                (UnaryOp::USub, Const::Int(i)) => Some(Const::Int(-i)),
                (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
                (UnaryOp::USub, Const::Complex(a, b)) => Some(Const::Complex(-a, -b)),
                (UnaryOp::UAdd, v @ (Const::Int(_) | Const::Float(_) | Const::Complex(..))) => Some(v),
                (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(-i - 1)),
                (UnaryOp::Not, v) => Some(Const::Bool(!v.is_true())),
                _ => None,
            }
        }
        _ => None,
    }
}

/// CPython's AST optimizer limits: folded results stay small.
const MAX_INT_BITS: u64 = 128;
const MAX_STR_SIZE: usize = 4096;
const MAX_COLLECTION_SIZE: usize = 256;

/// Folds a binary operation on constants when CPython would (never when it would raise
/// or build something large).
fn fold_binop(l: Const, op: Operator, r: Const) -> Option<Const> {
    match (l, r) {
        (Const::Int(a), Const::Int(b)) => {
            let v = match op {
                Operator::Add => a + b,
                Operator::Sub => a - b,
                Operator::Mult => {
                    if a.bits() + b.bits() > MAX_INT_BITS {
                        return None;
                    }
                    a * b
                }
                Operator::FloorDiv if !b.is_zero() => a.div_floor(&b),
                Operator::Mod if !b.is_zero() => a.mod_floor(&b),
                Operator::Pow => {
                    let e = b.to_u32()?;
                    if a.bits().saturating_mul(e as u64) > MAX_INT_BITS {
                        return None;
                    }
                    num_traits::pow::Pow::pow(a, e)
                }
                Operator::LShift => {
                    let n = b.to_u32()?;
                    if a.bits() + n as u64 > MAX_INT_BITS {
                        return None;
                    }
                    a << n as usize
                }
                Operator::RShift => {
                    let n = b.to_u64()?;
                    if n > 1 << 20 {
                        return None;
                    }
                    a >> n as usize
                }
                Operator::BitAnd => a & b,
                Operator::BitOr => a | b,
                Operator::BitXor => a ^ b,
                _ => return None,
            };
            Some(Const::Int(v))
        }
        (Const::Float(a), Const::Float(b)) => fold_float(a, op, b),
        (Const::Int(a), Const::Float(b)) => fold_float(a.to_f64()?, op, b),
        (Const::Float(a), Const::Int(b)) => fold_float(a, op, b.to_f64()?),
        (Const::Str(a), Const::Str(b)) if op == Operator::Add && a.len() + b.len() <= MAX_STR_SIZE => {
            Some(Const::Str(a + &b))
        }
        (Const::Str(a), Const::Int(n)) | (Const::Int(n), Const::Str(a)) if op == Operator::Mult => {
            let n = n.to_usize().unwrap_or(0).min(usize::MAX / 2);
            if a.len().saturating_mul(n) > MAX_STR_SIZE {
                return None;
            }
            Some(Const::Str(a.repeat(n)))
        }
        (Const::Bytes(mut a), Const::Bytes(b)) if op == Operator::Add && a.len() + b.len() <= MAX_STR_SIZE => {
            a.extend(b);
            Some(Const::Bytes(a))
        }
        (Const::Tuple(mut a), Const::Tuple(b)) if op == Operator::Add && a.len() + b.len() <= MAX_COLLECTION_SIZE => {
            a.extend(b);
            Some(Const::Tuple(a))
        }
        _ => None,
    }
}

/// Float arithmetic that cannot raise (no division, power or modulo).
fn fold_float(a: f64, op: Operator, b: f64) -> Option<Const> {
    match op {
        Operator::Add => Some(Const::Float(a + b)),
        Operator::Sub => Some(Const::Float(a - b)),
        Operator::Mult => Some(Const::Float(a * b)),
        _ => None,
    }
}
