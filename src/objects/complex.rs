//! `complex`: a pair of doubles, with CPython's division, power, hash, parsing and repr.

use crate::bytecode::opcode::BinOp;
use crate::objects::float::{float_operand, new_float};
use crate::objects::format_spec::{complex_repr, format_complex, parse_spec_for};
use crate::objects::int::methods_support::{add_getter, wrap_subclass};
use crate::objects::int::{cmp_int_float, hash_f64, int_val, new_int};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{Trace, not_implemented, py_bool, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}
impl Trace for PyComplex {}

pub fn new_complex(re: f64, im: f64) -> Value {
    layout::alloc(&types().complex, PyComplex { re, im })
}

type C = (f64, f64);

/// The complex value of a complex, float or int operand; `None` for other types.
pub fn complex_operand(v: &Value) -> PyResult<Option<C>> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(Some((c.re, c.im)));
    }
    Ok(float_operand(v)?.map(|f| (f, 0.0)))
}

fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot`; `None` on division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let (abr, abi) = (b.0.abs(), b.1.abs());
    if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abi >= abr {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b` for complex numbers (CPython's complex_pow, with its small-integer path).
pub fn complex_pow(a: C, b: C) -> PyResult {
    let neg_power = || zero_division_error("0.0 to a negative or complex power");
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |x: C, n: u64| {
            let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
            while mask > 0 && n >= mask {
                if n & mask != 0 {
                    r = prod(r, p);
                }
                mask <<= 1;
                p = prod(p, p);
            }
            r
        };
        if n > 0 { powu(a, n as u64) } else { quot((1.0, 0.0), powu(a, n.unsigned_abs())).ok_or_else(neg_power)? }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(neg_power());
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        // libm's cos/sin of an infinite phase set EDOM, which CPython reports like this.
        if phase.is_infinite() {
            return Err(neg_power());
        }
        (len * phase.cos(), len * phase.sin())
    };
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(overflow_error("complex exponentiation"));
    }
    Ok(new_complex(p.0, p.1))
}

/// `a op b` for complex operands; `Ok(None)` for operators complex does not support.
pub fn complex_binop(a: C, b: C, op: BinOp) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => (a.0 + b.0, a.1 + b.1),
        BinOp::Sub => (a.0 - b.0, a.1 - b.1),
        BinOp::Mul => prod(a, b),
        BinOp::TrueDiv => quot(a, b).ok_or_else(|| zero_division_error("complex division by zero"))?,
        BinOp::Pow => return complex_pow(a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(new_complex(r.0, r.1)))
}

/// `hash(complex)`.
pub fn complex_hash(re: f64, im: f64) -> i64 {
    let h = |f: f64| if f.is_nan() { 0 } else { hash_f64(f) };
    let r = (h(re) as u64).wrapping_add(1000003u64.wrapping_mul(h(im) as u64)) as i64;
    if r == -1 { -2 } else { r }
}

fn this(args: &Args<'_>, name: &str) -> PyResult<C> {
    let Some(s) = args.pos().first() else {
        return Err(type_error(format!("unbound method complex.{name}() needs an argument")));
    };
    match s.downcast::<PyComplex>() {
        Some(c) => Ok((c.re, c.im)),
        None => Err(type_error(format!(
            "descriptor '{name}' requires a 'complex' object but received a '{}'",
            type_name(s)
        ))),
    }
}

fn binary(args: &Args<'_>, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let a = this(args, name)?;
    let p = args.range(name, 2, if op == BinOp::Pow { 3 } else { 2 })?;
    if p.get(2).is_some_and(|m| !m.is_none()) {
        return Err(value_error("complex modulo"));
    }
    let Some(b) = complex_operand(&p[1])? else { return Ok(not_implemented()) };
    let (x, y) = if reflected { (b, a) } else { (a, b) };
    Ok(complex_binop(x, y, op)?.unwrap_or_else(not_implemented))
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
    c_add c_radd "__add__" "__radd__" Add;
    c_sub c_rsub "__sub__" "__rsub__" Sub;
    c_mul c_rmul "__mul__" "__rmul__" Mul;
    c_truediv c_rtruediv "__truediv__" "__rtruediv__" TrueDiv;
    c_pow c_rpow "__pow__" "__rpow__" Pow;
}

/// `complex == other` for builtin numbers; `None` when `other` is not a number.
pub fn complex_eq(a: C, other: &Value) -> Option<bool> {
    if let Some(c) = other.downcast::<PyComplex>() {
        return Some(a.0 == c.re && a.1 == c.im);
    }
    if let Some(f) = other.as_float() {
        return Some(a.1 == 0.0 && a.0 == f);
    }
    let i = int_val(other)?;
    Some(a.1 == 0.0 && cmp_int_float(i, a.0) == Some(std::cmp::Ordering::Equal))
}

fn c_eq(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__eq__")?;
    let p = args.exact::<2>("__eq__")?;
    Ok(complex_eq(a, &p[1]).map(py_bool).unwrap_or_else(not_implemented))
}
fn c_ne(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__ne__")?;
    let p = args.exact::<2>("__ne__")?;
    Ok(complex_eq(a, &p[1]).map(|b| py_bool(!b)).unwrap_or_else(not_implemented))
}
fn c_unordered(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(not_implemented())
}

fn c_neg(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__neg__")?;
    Ok(new_complex(-a.0, -a.1))
}
fn c_pos(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__pos__")?;
    Ok(new_complex(a.0, a.1))
}
fn c_conjugate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "conjugate")?;
    Ok(new_complex(a.0, -a.1))
}
fn c_abs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__abs__")?;
    let r = a.0.hypot(a.1);
    if r.is_infinite() && a.0.is_finite() && a.1.is_finite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(new_float(r))
}
fn c_bool(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__bool__")?;
    Ok(py_bool(a.0 != 0.0 || a.1 != 0.0))
}
fn c_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__hash__")?;
    Ok(new_int(complex_hash(a.0, a.1)))
}
fn c_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__repr__")?;
    Ok(new_str(complex_repr(a.0, a.1)))
}
fn c_real(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_float(this(&args, "real")?.0))
}
fn c_imag(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_float(this(&args, "imag")?.1))
}
fn c_complex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__complex__")?;
    Ok(new_complex(a.0, a.1))
}
fn c_getnewargs(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__getnewargs__")?;
    Ok(new_tuple(vec![new_float(a.0), new_float(a.1)]))
}
fn c_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = this(&args, "__format__")?;
    let p = args.exact::<2>("__format__")?;
    let spec = p[1]
        .as_str()
        .ok_or_else(|| type_error(format!("__format__() argument must be str, not {}", type_name(&p[1]))))?;
    if spec.is_empty() {
        return vm.str(&p[0]);
    }
    let s = parse_spec_for(spec, &type_name(&p[0]))?;
    Ok(new_str(format_complex(a.0, a.1, &s)?))
}

/// Parses `complex(s)`; `None` when malformed.
pub fn parse_complex(s: &str) -> Option<C> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() {
        return None;
    }
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return crate::objects::float::parse_float(t).filter(|_| !has_ws(t)).map(|f| (f, 0.0));
    };
    if has_ws(body) {
        return None;
    }
    // Split "real±imag" at the last sign that is not part of an exponent.
    let b = body.as_bytes();
    let mut split = None;
    for i in (1..b.len()).rev() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let imag = |s: &str| -> Option<f64> {
        match s {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => crate::objects::float::parse_float(s),
        }
    };
    match split {
        Some(i) => Some((crate::objects::float::parse_float(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

fn has_ws(s: &str) -> bool {
    s.chars().any(|c| c.is_whitespace())
}

/// A number argument of `complex()` via `__complex__`, `__float__` or `__index__`, and
/// whether it was a complex.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<(C, bool)>> {
    if v.kind() != Kind::Instance {
        if let Some(c) = v.payload::<PyComplex>() {
            return Ok(Some(((c.re, c.im), true)));
        }
        if let Some(f) = float_operand(v)? {
            return Ok(Some(((f, 0.0), false)));
        }
    }
    if let Some(r) = vm.call_special(v, "__complex__", &[])? {
        return match r.downcast::<PyComplex>() {
            Some(c) => Ok(Some(((c.re, c.im), true))),
            None => Err(type_error(format!("__complex__ returned non-complex (type {})", type_name(&r)))),
        };
    }
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(Some(((c.re, c.im), true)));
    }
    if v.as_float().is_some() || int_val(v).is_some() {
        return Ok(float_operand(v)?.map(|f| ((f, 0.0), false)));
    }
    if vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some() {
        let f = crate::objects::float::methods_float_from_value(vm, v)?;
        return Ok(f.as_float().map(|f| ((f, 0.0), false)));
    }
    Ok(None)
}

/// `complex.__new__(cls, real=0, imag=0)`.
fn complex_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().complex.clone());
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("complex", &["real", "imag"], 0)?;
    let (re, im) = (a[0].clone(), a[1].clone());
    let v = match (&re, &im) {
        (None, None) => new_complex(0.0, 0.0),
        (Some(r), i) if r.as_str().is_some() => {
            if i.is_some() {
                return Err(type_error("complex() can't take second arg if first is a string"));
            }
            let (x, y) = parse_complex(r.as_str().unwrap_or(""))
                .ok_or_else(|| value_error("complex() arg is a malformed string"))?;
            new_complex(x, y)
        }
        (r, i) => {
            if i.as_ref().is_some_and(|i| i.as_str().is_some()) {
                return Err(type_error("complex() second arg can't be a string"));
            }
            if i.is_none() && r.as_ref().is_some_and(|r| r.kind() == Kind::Complex) && cls.is(&types().complex) {
                return Ok(r.clone().unwrap_or_else(|| new_complex(0.0, 0.0)));
            }
            let (cr, cr_is_complex) = match r {
                Some(r) => complex_arg(vm, r)?.ok_or_else(|| {
                    type_error(format!("complex() first argument must be a string or a number, not '{}'", type_name(r)))
                })?,
                None => ((0.0, 0.0), false),
            };
            // CPython only does arithmetic on the parts when a complex was passed, so
            // signed zeros survive: complex(0, -0.0) is 0-0j.
            let (mut re_part, mut im_part) = (cr.0, cr.1);
            if let Some(i) = i {
                let (ci, ci_is_complex) = complex_arg(vm, i)?.ok_or_else(|| {
                    type_error(format!("complex() second argument must be a number, not '{}'", type_name(i)))
                })?;
                im_part = ci.0;
                if ci_is_complex {
                    re_part -= ci.1;
                }
                if cr_is_complex {
                    im_part += cr.1;
                }
            }
            new_complex(re_part, im_part)
        }
    };
    wrap_subclass(&cls, &types().complex, v)
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    let t = &types().complex;
    register_binops(t);
    add_method(t, "__eq__", c_eq);
    add_method(t, "__ne__", c_ne);
    for n in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(t, n, c_unordered);
    }
    add_method(t, "__neg__", c_neg);
    add_method(t, "__pos__", c_pos);
    add_method(t, "__abs__", c_abs);
    add_method(t, "__bool__", c_bool);
    add_method(t, "__hash__", c_hash);
    add_method(t, "__repr__", c_repr);
    add_method(t, "__format__", c_format);
    add_method(t, "__complex__", c_complex);
    add_method(t, "__getnewargs__", c_getnewargs);
    add_method(t, "conjugate", c_conjugate);
    add_staticmethod(t, "__new__", complex_new);
    add_getter(t, "real", c_real);
    add_getter(t, "imag", c_imag);
}
