//! The methods of `float` registered in its type dict (`float.__add__`, `float.hex`,
//! `float.__new__`, ...).

use super::{
    cmp_float_num, float_as_ratio, float_binop, float_divmod, float_floor_ceil, float_fromhex, float_hex,
    float_operand, float_round, float_round_int, new_float, parse_float,
};
use crate::bytecode::opcode::BinOp;
use crate::objects::format_spec::{float_repr, format_float_typed, parse_spec_for};
use crate::objects::int::methods_support::{add_getter, wrap_subclass};
use crate::objects::int::{float_to_int, hash_f64, int_val, new_bigint, new_int};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{not_implemented, py_bool, types};
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error, zero_division_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

fn this(args: &Args<'_>, name: &str) -> PyResult<f64> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method float.{name}() needs an argument")));
    };
    s.as_float().ok_or_else(|| {
        type_error(format!("descriptor '{name}' requires a 'float' object but received a '{}'", type_name(s)))
    })
}

fn binary(args: &Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.exact::<2>(name)?;
    let Some(b) = float_operand(&p[1])? else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(float_binop(x, y, op)?.unwrap_or_else(not_implemented))
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
    float_add float_radd "__add__" "__radd__" Add;
    float_sub float_rsub "__sub__" "__rsub__" Sub;
    float_mul float_rmul "__mul__" "__rmul__" Mul;
    float_floordiv float_rfloordiv "__floordiv__" "__rfloordiv__" FloorDiv;
    float_truediv float_rtruediv "__truediv__" "__rtruediv__" TrueDiv;
    float_mod float_rmod "__mod__" "__rmod__" Mod;
}

fn pow_impl(args: &Args<'_>, name: &str, reflected: bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.range(name, 2, 3)?;
    if p.get(2).is_some_and(|m| !m.is_none()) {
        return Err(type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let Some(b) = float_operand(&p[1])? else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    super::float_pow(x, y)
}
fn float_pow_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pow_impl(&args, "__pow__", false)
}
fn float_rpow(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pow_impl(&args, "__rpow__", true)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod_value(a: f64, b: f64) -> PyResult {
    if b == 0.0 {
        return Err(zero_division_error("float divmod()"));
    }
    let (q, r) = float_divmod(a, b);
    Ok(new_tuple(vec![new_float(q), new_float(r)]))
}
fn divmod_impl(args: &Args<'_>, name: &str, reflected: bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.exact::<2>(name)?;
    let Some(b) = float_operand(&p[1])? else { return Ok(not_implemented()) };
    if reflected { float_divmod_value(b, a) } else { float_divmod_value(a, b) }
}
fn float_divmod_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    divmod_impl(&args, "__divmod__", false)
}
fn float_rdivmod(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    divmod_impl(&args, "__rdivmod__", true)
}

fn compare(args: &Args<'_>, name: &str, f: fn(Option<std::cmp::Ordering>) -> bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.exact::<2>(name)?;
    match cmp_float_num(a, &p[1]) {
        Some(o) => Ok(py_bool(f(o))),
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
    float_eq "__eq__" |o| o.is_some_and(|o| o.is_eq());
    float_ne "__ne__" |o| !o.is_some_and(|o| o.is_eq());
    float_lt "__lt__" |o| o.is_some_and(|o| o.is_lt());
    float_le "__le__" |o| o.is_some_and(|o| o.is_le());
    float_gt "__gt__" |o| o.is_some_and(|o| o.is_gt());
    float_ge "__ge__" |o| o.is_some_and(|o| o.is_ge());
}

macro_rules! unary {
    ($($fn:ident $name:literal |$x:ident, $args:ident| $body:expr;)*) => {
        $(fn $fn(_vm: &mut Vm, $args: Args<'_>) -> PyResult {
            let $x = this(&$args, $name)?;
            $args.exact::<1>($name)?;
            $body
        })*
        fn register_unary(t: &Value) { $(add_method(t, $name, $fn);)* }
    };
}
unary! {
    float_neg "__neg__" |x, a| Ok(new_float(-x));
    float_pos "__pos__" |x, a| Ok(new_float(x));
    float_abs "__abs__" |x, a| Ok(new_float(x.abs()));
    float_bool "__bool__" |x, a| Ok(py_bool(x != 0.0));
    float_int "__int__" |x, a| float_to_int(x);
    float_trunc "__trunc__" |x, a| float_to_int(x);
    float_floor "__floor__" |x, a| float_floor_ceil(x, false);
    float_ceil "__ceil__" |x, a| float_floor_ceil(x, true);
    float_float "__float__" |x, a| Ok(new_float(x));
    float_repr_m "__repr__" |x, a| Ok(new_str(float_repr(x)));
    float_conjugate "conjugate" |x, a| Ok(new_float(x));
    float_is_integer "is_integer" |x, a| Ok(py_bool(x.is_finite() && x.fract() == 0.0));
    float_hex_m "hex" |x, a| Ok(new_str(float_hex(x)));
    float_getnewargs "__getnewargs__" |x, a| Ok(new_tuple(vec![new_float(x)]));
    float_as_integer_ratio "as_integer_ratio" |x, a| {
        let (n, d) = float_as_ratio(x)?;
        Ok(new_tuple(vec![new_bigint(n), new_bigint(d)]))
    };
}

fn float_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = this(&args, "__hash__")?;
    if x.is_nan() {
        // NaN hashes by identity, like CPython's _Py_HashPointer.
        let p = args.pos()[0].bits();
        let h = (p >> 4 | p << (usize::BITS - 4)) as i64;
        return Ok(new_int(if h == -1 { -2 } else { h >> 2 }));
    }
    Ok(new_int(hash_f64(x)))
}

fn float_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    this(&args, "imag")?;
    Ok(new_float(0.0))
}

fn float_round_m(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = this(&args, "__round__")?;
    let p = args.range("__round__", 1, 2)?;
    match p.get(1) {
        None => float_round_int(x),
        Some(n) if n.is_none() => float_round_int(x),
        Some(n) => {
            let nd = int_val(n)
                .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer", type_name(n))))?;
            let nd = nd.as_i64().unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            Ok(new_float(float_round(x, nd)?))
        }
    }
}

fn float_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = this(&args, "__format__")?;
    let p = args.exact::<2>("__format__")?;
    let spec = p[1]
        .as_str()
        .ok_or_else(|| type_error(format!("__format__() argument must be str, not {}", type_name(&p[1]))))?;
    if spec.is_empty() {
        return vm.str(&p[0]);
    }
    let tn = type_name(&p[0]);
    let s = parse_spec_for(spec, &tn)?;
    Ok(new_str(format_float_typed(x, &s, &tn)?))
}

fn float_fromhex_m(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.exact::<2>("fromhex")?;
    let s =
        p[1].as_str().ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", type_name(&p[1]))))?;
    let r = new_float(float_fromhex(s)?);
    if p[0].is(&types().float) { Ok(r) } else { vm.call_pos(&p[0], &[r]) }
}

/// `float(x)` for one value.
pub fn float_from_value(vm: &mut Vm, x: &Value) -> PyResult {
    match x.kind() {
        Kind::Float => return Ok(x.clone()),
        Kind::SmallInt | Kind::Int | Kind::Bool => {
            return Ok(new_float(int_val(x).map(|i| i.to_f64()).transpose()?.unwrap_or(0.0)));
        }
        _ => {}
    }
    if let Some(s) = x.as_str() {
        return parse_float(s).map(new_float).ok_or_else(|| {
            value_error(format!("could not convert string to float: {}", crate::objects::format_spec::str_repr(s)))
        });
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        if let Some(f) = r.as_float() {
            return Ok(new_float(f));
        }
        return Err(type_error(format!("{}.__float__ returned non-float (type {})", type_name(x), type_name(&r))));
    }
    if let Some(r) = vm.call_special(x, "__index__", &[])? {
        if let Some(i) = int_val(&r) {
            return Ok(new_float(i.to_f64()?));
        }
        return Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r))));
    }
    if let Some(b) = x.downcast::<crate::objects::bytes::PyBytes>() {
        let s: String = b.0.iter().map(|&c| c as char).collect();
        return parse_float(&s).map(new_float).ok_or_else(|| {
            value_error(format!("could not convert string to float: {}", crate::objects::int::bytes_repr(&b.0)))
        });
    }
    Err(type_error(format!("float() argument must be a string or a real number, not '{}'", type_name(x))))
}

/// `float.__new__(cls, x=0.0)`.
fn float_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().float.clone());
    let rest = Args::new(&args.values[1..], args.kwnames);
    rest.no_kwargs("float")?;
    let p = rest.pos();
    if p.len() > 1 {
        return Err(type_error(format!("float expected at most 1 argument, got {}", p.len())));
    }
    let v = match p.first() {
        None => new_float(0.0),
        Some(x) => float_from_value(vm, x)?,
    };
    let v = if v.kind() == crate::values::Kind::Float { v } else { new_float(v.as_float().unwrap_or(0.0)) };
    wrap_subclass(&cls, &types().float, v)
}

pub fn init() {
    let t = &types().float;
    register_binops(t);
    register_cmps(t);
    register_unary(t);
    add_method(t, "__pow__", float_pow_m);
    add_method(t, "__rpow__", float_rpow);
    add_method(t, "__divmod__", float_divmod_m);
    add_method(t, "__rdivmod__", float_rdivmod);
    add_method(t, "__hash__", float_hash);
    add_method(t, "__round__", float_round_m);
    add_method(t, "__format__", float_format);
    add_classmethod(t, "fromhex", float_fromhex_m);
    add_staticmethod(t, "__new__", float_new);
    add_getter(t, "real", float_float);
    add_getter(t, "imag", float_imag);
}
