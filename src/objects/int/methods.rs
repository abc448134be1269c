//! The methods of `int` and `bool` registered in their type dicts (`int.__add__`,
//! `int.bit_length`, `int.__new__`, ...), so subclasses and `super()` see them.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::{IntVal, cmp_ints, hash_int, int_binop, int_to_decimal, int_val, new_bigint, new_int, small};
use crate::bytecode::opcode::BinOp;
use crate::objects::float::new_float;
use crate::objects::format_spec::{format_int, parse_spec_for};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{overflow_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

/// `self` of an int method, with CPython's descriptor error otherwise.
fn this<'a>(args: &'a Args<'_>, name: &str) -> PyResult<IntVal<'a>> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method int.{name}() needs an argument")));
    };
    int_val(s).ok_or_else(|| {
        type_error(format!("descriptor '{name}' requires a 'int' object but received a '{}'", type_name(s)))
    })
}

fn binary(args: &Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.exact::<2>(name)?;
    let Some(b) = int_val(&p[1]) else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    if matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) && p[0].kind() == Kind::Bool && p[1].kind() == Kind::Bool {
        let (x, y) = (!x.is_zero(), !y.is_zero());
        return Ok(py_bool(match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    Ok(int_binop(x, y, op)?.unwrap_or_else(not_implemented))
}

macro_rules! binops {
    ($($fwd:ident $rev:ident $fname:literal $rname:literal $op:ident;)*) => {
        $(
            fn $fwd(_vm: &mut Vm, args: Args<'_>) -> PyResult { binary(&args, $fname, BinOp::$op, false) }
            fn $rev(_vm: &mut Vm, args: Args<'_>) -> PyResult { binary(&args, $rname, BinOp::$op, true) }
        )*
        fn register_binops(t: &Value) {
            $(
                add_method(t, $fname, $fwd);
                add_method(t, $rname, $rev);
            )*
        }
    };
}

binops! {
    int_add int_radd "__add__" "__radd__" Add;
    int_sub int_rsub "__sub__" "__rsub__" Sub;
    int_mul int_rmul "__mul__" "__rmul__" Mul;
    int_floordiv int_rfloordiv "__floordiv__" "__rfloordiv__" FloorDiv;
    int_truediv int_rtruediv "__truediv__" "__rtruediv__" TrueDiv;
    int_mod int_rmod "__mod__" "__rmod__" Mod;
    int_and int_rand "__and__" "__rand__" And;
    int_or int_ror "__or__" "__ror__" Or;
    int_xor int_rxor "__xor__" "__rxor__" Xor;
    int_lshift int_rlshift "__lshift__" "__rlshift__" LShift;
    int_rshift int_rrshift "__rshift__" "__rrshift__" RShift;
}

/// `divmod(a, b)` for two ints.
pub fn int_divmod(a: IntVal, b: IntVal) -> PyResult {
    if b.is_zero() {
        return Err(crate::vm::errors::zero_division_error("integer division or modulo by zero"));
    }
    if let (IntVal::S(x), IntVal::S(y)) = (a, b)
        && let Some((q, r)) = small::divmod(x, y)
    {
        return Ok(new_tuple(vec![new_int(q), new_int(r)]));
    }
    let (q, r) = super::div_mod_floor_big(&a.big(), &b.big());
    Ok(new_tuple(vec![new_bigint(q), new_bigint(r)]))
}

fn int_divmod_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__divmod__")?;
    let p = args.exact::<2>("__divmod__")?;
    match int_val(&p[1]) {
        Some(b) => int_divmod(a, b),
        None => Ok(not_implemented()),
    }
}
fn int_rdivmod(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__rdivmod__")?;
    let p = args.exact::<2>("__rdivmod__")?;
    match int_val(&p[1]) {
        Some(b) => int_divmod(b, a),
        None => Ok(not_implemented()),
    }
}

/// `pow(a, b[, m])` for ints; `NotImplemented` when an operand is not an int.
pub fn int_pow3(a: &Value, b: &Value, m: Option<&Value>) -> PyResult {
    let (Some(x), Some(y)) = (int_val(a), int_val(b)) else { return Ok(not_implemented()) };
    match m {
        None => Ok(int_binop(x, y, BinOp::Pow)?.unwrap_or_else(not_implemented)),
        Some(m) if m.is_none() => Ok(int_binop(x, y, BinOp::Pow)?.unwrap_or_else(not_implemented)),
        Some(m) => match int_val(m) {
            Some(z) => super::int_pow_mod(&x.big(), &y.big(), &z.big()),
            None => Ok(not_implemented()),
        },
    }
}

fn int_pow(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "__pow__")?;
    let p = args.range("__pow__", 2, 3)?;
    int_pow3(&p[0], &p[1], p.get(2))
}
fn int_rpow(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "__rpow__")?;
    let p = args.range("__rpow__", 2, 3)?;
    int_pow3(&p[1], &p[0], p.get(2))
}

fn compare(args: &Args<'_>, name: &str, f: fn(std::cmp::Ordering) -> bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.exact::<2>(name)?;
    match int_val(&p[1]) {
        Some(b) => Ok(py_bool(f(cmp_ints(a, b)))),
        None => Ok(not_implemented()),
    }
}

macro_rules! cmps {
    ($($fn:ident $name:literal $pred:expr;)*) => {
        $(fn $fn(_vm: &mut Vm, args: Args<'_>) -> PyResult { compare(&args, $name, $pred) })*
        fn register_cmps(t: &Value) { $(add_method(t, $name, $fn);)* }
    };
}
cmps! {
    int_eq "__eq__" |o| o.is_eq();
    int_ne "__ne__" |o| o.is_ne();
    int_lt "__lt__" |o| o.is_lt();
    int_le "__le__" |o| o.is_le();
    int_gt "__gt__" |o| o.is_gt();
    int_ge "__ge__" |o| o.is_ge();
}

/// The plain int value of `self` (drops the bool / subclass type).
fn plain(v: IntVal) -> Value {
    match v {
        IntVal::S(i) => new_int(i),
        IntVal::B(b) => new_bigint(b.clone()),
    }
}

fn int_neg(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match this(&args, "__neg__")? {
        IntVal::S(i) => small::neg(i).map_or_else(|| super::new_int_i128(-(i as i128)), new_int),
        IntVal::B(b) => new_bigint(-b),
    })
}
fn int_pos(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(plain(this(&args, "__pos__")?))
}
fn int_abs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match this(&args, "__abs__")? {
        IntVal::S(i) => small::abs(i).map_or_else(|| super::new_int_i128((i as i128).abs()), new_int),
        IntVal::B(b) => new_bigint(b.abs()),
    })
}
fn int_invert(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(match this(&args, "__invert__")? {
        IntVal::S(i) => new_int(small::invert(i)),
        IntVal::B(b) => new_bigint(!b),
    })
}
fn int_bool(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(!this(&args, "__bool__")?.is_zero()))
}
fn int_int(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(plain(this(&args, "__int__")?))
}
fn int_float(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_float(this(&args, "__float__")?.to_f64()?))
}
fn int_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(hash_int(this(&args, "__hash__")?)))
}
fn int_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(int_to_decimal(this(&args, "__repr__")?)?))
}
fn int_conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(plain(this(&args, "conjugate")?))
}
fn int_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "imag")?;
    Ok(new_int(0))
}
fn int_one(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "denominator")?;
    Ok(new_int(1))
}
fn int_bit_length(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "bit_length")?;
    args.exact::<1>("bit_length")?;
    Ok(new_int(match v {
        IntVal::S(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        IntVal::B(b) => b.bits() as i64,
    }))
}
fn int_bit_count(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "bit_count")?;
    args.exact::<1>("bit_count")?;
    Ok(new_int(match v {
        IntVal::S(i) => i.unsigned_abs().count_ones() as i64,
        IntVal::B(b) => b.magnitude().count_ones() as i64,
    }))
}
fn int_as_integer_ratio(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "as_integer_ratio")?;
    args.exact::<1>("as_integer_ratio")?;
    Ok(new_tuple(vec![plain(v), new_int(1)]))
}
fn int_trunc(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(plain(this(&args, "__trunc__")?))
}

/// `int.__round__(ndigits=None)`: round half to even at 10**-ndigits.
fn int_round(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "__round__")?;
    let p = args.range("__round__", 1, 2)?;
    let nd = match p.get(1) {
        None => return Ok(plain(v)),
        Some(n) if n.is_none() => return Ok(plain(v)),
        Some(n) => int_val(n)
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(n))))?,
    };
    if !nd.is_negative() {
        return Ok(plain(v));
    }
    let Some(k) = nd.as_i64().map(|k| k.unsigned_abs()).filter(|&k| k < 1 << 32) else {
        return Ok(new_int(0));
    };
    // 10**k beyond twice |v| rounds everything to zero.
    if k as f64 > v.big().bits() as f64 * std::f64::consts::LOG10_2 + 1.0 {
        return Ok(new_int(0));
    }
    let pow = num_traits::Pow::pow(BigInt::from(10), k as u32);
    Ok(new_bigint(round_half_even(&v.big(), &pow)))
}

/// `x` rounded to a multiple of `m` (> 0), ties to the even multiple.
pub fn round_half_even(x: &BigInt, m: &BigInt) -> BigInt {
    let (q, r) = super::div_mod_floor_big(x, m);
    let twice: BigInt = &r << 1u32;
    let q = match twice.cmp(m) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q.bit(0) => q + 1,
        _ => q,
    };
    q * m
}

fn int_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "__format__")?;
    let p = args.exact::<2>("__format__")?;
    let spec = p[1]
        .as_str()
        .ok_or_else(|| type_error(format!("__format__() argument must be str, not {}", type_name(&p[1]))))?;
    if spec.is_empty() {
        return vm.str(&p[0]);
    }
    let tn = type_name(&p[0]);
    let s = parse_spec_for(spec, &tn)?;
    Ok(new_str(format_int(v, &s, &tn)?))
}

fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<crate::objects::bytes::PyBytes>() {
        return Some(b.0.to_vec());
    }
    v.downcast::<crate::objects::bytes::PyByteArray>().map(|b| b.0.borrow().clone())
}

fn byteorder_arg(v: Option<&Value>) -> PyResult<bool> {
    match v.map(|v| v.as_str().ok_or_else(|| type_error("to_bytes() argument 'byteorder' must be str"))) {
        None => Ok(false),
        Some(s) => match s? {
            "big" => Ok(false),
            "little" => Ok(true),
            _ => Err(value_error("byteorder must be either 'little' or 'big'")),
        },
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "to_bytes")?.to_bigint();
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("to_bytes", &["length", "byteorder", "signed"], 0)?;
    let length = match &a[0] {
        Some(l) => match int_val(l) {
            Some(i) => i.as_i64().ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?,
            None => {
                return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(l))));
            }
        },
        None => 1,
    };
    if length < 0 {
        return Err(value_error("length argument must be non-negative"));
    }
    if length > 1 << 32 {
        return Err(crate::vm::errors::memory_error(""));
    }
    let little = byteorder_arg(a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !signed && v.is_negative() {
        return Err(overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { v.to_signed_bytes_le() } else { v.to_bytes_le().1 };
    if v.is_zero() {
        bytes.clear();
    }
    // Minimal two's complement may carry a redundant sign byte only when needed.
    if bytes.len() > length as usize {
        return Err(overflow_error("int too big to convert"));
    }
    let pad = if signed && v.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, pad);
    if !little {
        bytes.reverse();
    }
    Ok(layout::alloc(&types().bytes, crate::objects::bytes::PyBytes(bytes.into_boxed_slice())))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn int_from_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().int.clone());
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("from_bytes", &["bytes", "byteorder", "signed"], 1)?;
    let src = a[0].clone().unwrap_or_else(crate::objects::none);
    let mut bytes = match bytes_of(&src) {
        Some(b) => b,
        None => vm.to_vec(&src)?.iter().map(|x| super::to_i64(x).unwrap_or(0) as u8).collect(),
    };
    let little = byteorder_arg(a[1].as_ref())?;
    let signed = match &a[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if !little {
        bytes.reverse();
    }
    let v = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    let r = new_bigint(v);
    if cls.is(&types().int) { Ok(r) } else { vm.call_pos(&cls, &[r]) }
}

/// `int.__new__(cls, x=0, base=10)`.
fn int_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().int.clone());
    let rest = Args::new(args.values.get(1..).unwrap_or(&[]), args.kwnames);
    // `int(x)`: one positional argument, no keywords, no binding.
    if let [x] = rest.pos()
        && !rest.has_kwargs()
    {
        let v = int_from_value(vm, x, None)?;
        return wrap_subclass(&cls, &types().int, v);
    }
    if rest.pos().len() > 2 {
        return Err(type_error(format!("int() takes at most 2 arguments ({} given)", rest.pos().len())));
    }
    if let Some((k, _)) = rest.kwargs().find(|(k, _)| *k != "base") {
        return Err(type_error(format!("'{k}' is an invalid keyword argument for int()")));
    }
    let a = rest.bind("int", &["", "base"], 0)?;
    let v = match (&a[0], &a[1]) {
        (None, None) => new_int(0),
        (None, Some(_)) => return Err(type_error("int() missing string argument")),
        (Some(x), base) => int_from_value(vm, x, base.as_ref())?,
    };
    wrap_subclass(&cls, &types().int, v)
}

/// An instance of `cls` (a subclass of the builtin `base`) wrapping the builtin value `v`.
pub fn wrap_subclass(cls: &Value, base: &Value, v: Value) -> PyResult {
    if cls.is(base) {
        return Ok(v);
    }
    let Some(tp) = cls.as_type() else { return Err(type_error("__new__ argument is not a type")) };
    if !crate::vm::protocol::is_subtype(cls, base) {
        return Err(type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default(),
            tp.name.borrow(),
            tp.name.borrow(),
            base.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default(),
        )));
    }
    let nslots = tp.slot_names.borrow().len();
    let slots: Box<[std::cell::RefCell<Option<Value>>]> = (0..nslots).map(|_| std::cell::RefCell::new(None)).collect();
    Ok(layout::alloc(
        cls,
        crate::objects::instance::Instance { dict: std::cell::RefCell::new(None), slots, base: Some(v) },
    ))
}

/// `int(x)` / `int(x, base)` for one value.
pub fn int_from_value(vm: &mut Vm, x: &Value, base: Option<&Value>) -> PyResult {
    if let Some(b) = base {
        let bi = super::to_i64(b)
            .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(b))))?;
        if bi != 0 && !(2..=36).contains(&bi) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        if let Some(s) = x.as_str() {
            return super::parse_int_str(s, bi as u32);
        }
        if let Some(bytes) = bytes_of(x) {
            return parse_bytes(&bytes, bi as u32, x);
        }
        return Err(type_error("int() can't convert non-string with explicit base"));
    }
    match x.kind() {
        Kind::SmallInt | Kind::Int => return Ok(x.clone()),
        Kind::Bool => return Ok(new_int(!int_val(x).is_some_and(|v| v.is_zero()) as i64)),
        Kind::Float => return super::float_to_int(x.as_float().unwrap_or(0.0)),
        Kind::Str => return super::parse_int_str(x.as_str().unwrap_or(""), 10),
        _ => {}
    }
    for name in ["__int__", "__index__"] {
        if let Some(r) = vm.call_special(x, name, &[])? {
            if let Some(v) = int_val(&r) {
                if r.kind() != Kind::Instance && r.kind() != Kind::Bool {
                    return Ok(r);
                }
                return Ok(plain(v));
            }
            return Err(type_error(format!("{name} returned non-int (type {})", type_name(&r))));
        }
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        if let Some(v) = int_val(&r) {
            return Ok(plain(v));
        }
        return Err(type_error(format!("__trunc__ returned non-Integral (type {})", type_name(&r))));
    }
    if let Some(s) = x.as_str() {
        return super::parse_int_str(s, 10);
    }
    if let Some(f) = x.as_float() {
        return super::float_to_int(f);
    }
    if let Some(bytes) = bytes_of(x) {
        return parse_bytes(&bytes, 10, x);
    }
    Err(type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(x)
    )))
}

fn parse_bytes(bytes: &[u8], base: u32, orig: &Value) -> PyResult {
    let s: String = bytes.iter().map(|&b| b as char).collect();
    match super::parse_int_value(&s, base) {
        Ok(v) => Ok(v),
        Err(Some(e)) => Err(e),
        Err(None) => {
            let r = bytes_repr(bytes);
            let _ = orig;
            Err(value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

pub fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::from("b");
    s.push(q);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            c if c as char == q => {
                s.push('\\');
                s.push(q);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(q);
    s
}

fn int_index(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(plain(this(&args, "__index__")?))
}

fn int_getnewargs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_tuple(vec![plain(this(&args, "__getnewargs__")?)]))
}

fn bool_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let v = this(&args, "__repr__")?;
    Ok(new_str(if v.is_zero() { "False" } else { "True" }))
}

/// `bool(x)`.
fn bool_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let rest = Args::new(&args.values[1..], args.kwnames);
    rest.no_kwargs("bool")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!("bool expected at most 1 argument, got {}", p.len())));
    }
    match p.first() {
        None => Ok(py_bool(false)),
        Some(x) => Ok(py_bool(vm.truthy(x)?)),
    }
}

/// A getter for `real`/`numerator` etc.: a property whose getter is a native function.
pub fn add_getter(t: &Value, name: &'static str, f: crate::vm::NativeFn) {
    crate::vm::startup::add_property(t, name, f, None);
}

pub fn init() {
    let t = &types().int;
    register_binops(t);
    register_cmps(t);
    add_method(t, "__divmod__", int_divmod_m);
    add_method(t, "__rdivmod__", int_rdivmod);
    add_method(t, "__pow__", int_pow);
    add_method(t, "__rpow__", int_rpow);
    add_method(t, "__neg__", int_neg);
    add_method(t, "__pos__", int_pos);
    add_method(t, "__abs__", int_abs);
    add_method(t, "__invert__", int_invert);
    add_method(t, "__bool__", int_bool);
    add_method(t, "__int__", int_int);
    add_method(t, "__index__", int_index);
    add_method(t, "__float__", int_float);
    add_method(t, "__hash__", int_hash);
    add_method(t, "__repr__", int_repr);
    add_method(t, "__format__", int_format);
    add_method(t, "__trunc__", int_trunc);
    add_method(t, "__floor__", int_trunc);
    add_method(t, "__ceil__", int_trunc);
    add_method(t, "__round__", int_round);
    add_method(t, "__getnewargs__", int_getnewargs);
    add_method(t, "conjugate", int_conjugate);
    add_method(t, "bit_length", int_bit_length);
    add_method(t, "bit_count", int_bit_count);
    add_method(t, "as_integer_ratio", int_as_integer_ratio);
    add_method(t, "to_bytes", int_to_bytes);
    add_classmethod(t, "from_bytes", int_from_bytes);
    add_staticmethod(t, "__new__", int_new);
    add_getter(t, "real", int_int);
    add_getter(t, "numerator", int_int);
    add_getter(t, "imag", int_imag);
    add_getter(t, "denominator", int_one);
    let b = &types().bool;
    add_method(b, "__repr__", bool_repr);
    add_method(b, "__and__", int_and);
    add_method(b, "__rand__", int_rand);
    add_method(b, "__or__", int_or);
    add_method(b, "__ror__", int_ror);
    add_method(b, "__xor__", int_xor);
    add_method(b, "__rxor__", int_rxor);
    add_staticmethod(b, "__new__", bool_new);
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}
