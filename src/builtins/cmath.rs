//! The `cmath` module: CPython's algorithms for finite arguments (scaled sqrt, log near 1,
//! overflow-avoiding inverse functions), "math domain/range error" like cmathmodule.c.

use crate::objects::complex::{PyComplex, new_complex};
use crate::objects::float::new_float;
use crate::objects::int::int_val;
use crate::objects::tuple::new_tuple;
use crate::objects::{py_bool, types};
use crate::values::Value;
use crate::vm::errors::{overflow_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyErr, PyResult, Vm};

type C = (f64, f64);

const LARGE: f64 = f64::MAX / 4.0;
const LN2: f64 = std::f64::consts::LN_2;
const LN10: f64 = std::f64::consts::LN_10;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    LARGE.ln()
}

fn domain() -> PyErr {
    value_error("math domain error")
}
fn range() -> PyErr {
    overflow_error("math range error")
}

/// `PyComplex_AsCComplex`: complex, `__complex__`, or a real number.
fn to_c(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok((c.re, c.im));
    }
    if let Some(r) = vm.call_special(v, "__complex__", &[])? {
        return match r.downcast::<PyComplex>() {
            Some(c) => Ok((c.re, c.im)),
            None => Err(type_error(format!("__complex__ returned non-complex (type {})", type_name(&r)))),
        };
    }
    if v.as_float().is_some() || int_val(v).is_some() || vm.lookup_special(v, "__float__").is_some() {
        return Ok((crate::builtins::math::to_f64(vm, v)?, 0.0));
    }
    if vm.lookup_special(v, "__index__").is_some() {
        return Ok((crate::builtins::math::to_f64(vm, v)?, 0.0));
    }
    Err(type_error(format!("must be real number, not {}", type_name(v))))
}

fn c_sqrt(z: C) -> C {
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    if z.0.is_infinite() || z.1.is_infinite() {
        if z.1.is_infinite() {
            return (f64::INFINITY, z.1);
        }
        if z.0 > 0.0 {
            return (f64::INFINITY, if z.1.is_nan() { z.1 } else { 0.0f64.copysign(z.1) });
        }
        return (if z.1.is_nan() { f64::NAN } else { 0.0 }, f64::INFINITY.copysign(z.1));
    }
    let (mut ax, ay) = (z.0.abs(), z.1.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = libm::ldexp(ax, 53);
        libm::ldexp((ax + libm::hypot(ax, libm::ldexp(ay, 53))).sqrt(), -27)
    } else {
        ax /= 8.0;
        2.0 * (ax + libm::hypot(ax, ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 { (s, d.copysign(z.1)) } else { (d, s.copysign(z.1)) }
}

fn c_log(z: C) -> Result<C, PyErr> {
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let re = if ax > LARGE || ay > LARGE {
        libm::hypot(ax / 2.0, ay / 2.0).ln() + LN2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            libm::hypot(libm::ldexp(ax, 53), libm::ldexp(ay, 53)).ln() - 53.0 * LN2
        } else {
            return Err(domain());
        }
    } else {
        let h = libm::hypot(ax, ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok((re, z.1.atan2(z.0)))
}

fn c_exp(z: C) -> Result<C, PyErr> {
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * std::f64::consts::E, l * z.1.sin() * std::f64::consts::E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    if (r.0.is_infinite() || r.1.is_infinite()) && z.0.is_finite() && z.1.is_finite() {
        return Err(range());
    }
    Ok(r)
}

fn c_cosh(z: C) -> Result<C, PyErr> {
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.cosh() * std::f64::consts::E, z.1.sin() * x1.sinh() * std::f64::consts::E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    if (r.0.is_infinite() || r.1.is_infinite()) && z.0.is_finite() && z.1.is_finite() {
        return Err(range());
    }
    Ok(r)
}

fn c_sinh(z: C) -> Result<C, PyErr> {
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.sinh() * std::f64::consts::E, z.1.sin() * x1.cosh() * std::f64::consts::E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    if (r.0.is_infinite() || r.1.is_infinite()) && z.0.is_finite() && z.1.is_finite() {
        return Err(range());
    }
    Ok(r)
}

fn c_tanh(z: C) -> Result<C, PyErr> {
    if z.0.abs() > log_large() {
        return Ok((1.0f64.copysign(z.0), 4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp()));
    }
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok((tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn c_asinh(z: C) -> Result<C, PyErr> {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = libm::hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0;
        let re = if z.1 >= 0.0 { l.copysign(z.0) } else { -l.copysign(-z.0) };
        return Ok((re, z.1.atan2(z.0.abs())));
    }
    let s1 = c_sqrt((1.0 + z.1, -z.0));
    let s2 = c_sqrt((1.0 - z.1, z.0));
    Ok((libm::asinh(s1.0 * s2.1 - s2.0 * s1.1), z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1)))
}

fn c_acos(z: C) -> Result<C, PyErr> {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let l = libm::hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0;
        let im = if z.0 < 0.0 { -l.copysign(z.1) } else { l.copysign(-z.1) };
        return Ok((z.1.abs().atan2(z.0), im));
    }
    let s1 = c_sqrt((1.0 - z.0, -z.1));
    let s2 = c_sqrt((1.0 + z.0, z.1));
    Ok((2.0 * s1.0.atan2(s2.0), libm::asinh(s2.0 * s1.1 - s2.1 * s1.0)))
}

fn c_acosh(z: C) -> Result<C, PyErr> {
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        return Ok((libm::hypot(z.0 / 2.0, z.1 / 2.0).ln() + LN2 * 2.0, z.1.atan2(z.0)));
    }
    let s1 = c_sqrt((z.0 - 1.0, z.1));
    let s2 = c_sqrt((z.0 + 1.0, z.1));
    Ok((libm::asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0)))
}

fn c_atanh(z: C) -> Result<C, PyErr> {
    if z.0 < 0.0 {
        let r = c_atanh((-z.0, -z.1))?;
        return Ok((-r.0, -r.1));
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        let h = libm::hypot(z.0 / 2.0, z.1 / 2.0);
        return Ok((z.0 / 4.0 / h / h, -(std::f64::consts::FRAC_PI_2).copysign(-z.1)));
    }
    if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(domain());
        }
        return Ok((-(ay.sqrt() / libm::hypot(ay, 2.0).sqrt()).ln(), (2.0f64.atan2(-ay) / 2.0).copysign(z.1)));
    }
    Ok((
        (4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0,
    ))
}

/// f(z) = -i g(iz) for the circular functions built on the hyperbolic ones.
fn rotate(z: C, g: fn(C) -> Result<C, PyErr>) -> Result<C, PyErr> {
    let s = g((-z.1, z.0))?;
    Ok((s.1, -s.0))
}

macro_rules! cfuncs {
    ($($name:ident $py:literal $body:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let [x] = args.exact::<1>($py)?;
            let z = to_c(vm, x)?;
            let f: fn(C) -> Result<C, PyErr> = $body;
            let r = f(z)?;
            Ok(new_complex(r.0, r.1))
        })*
        fn register_cfuncs(d: &Value) {
            $(add_function(d, "cmath", $py, $name);)*
        }
    };
}

cfuncs! {
    cm_sqrt "sqrt" |z| Ok(c_sqrt(z));
    cm_exp "exp" c_exp;
    cm_cosh "cosh" c_cosh;
    cm_sinh "sinh" c_sinh;
    cm_tanh "tanh" c_tanh;
    cm_cos "cos" |z| c_cosh((-z.1, z.0));
    cm_sin "sin" |z| rotate(z, c_sinh);
    cm_tan "tan" |z| rotate(z, c_tanh);
    cm_asinh "asinh" c_asinh;
    cm_acosh "acosh" c_acosh;
    cm_atanh "atanh" c_atanh;
    cm_acos "acos" c_acos;
    cm_asin "asin" |z| rotate(z, c_asinh);
    cm_atan "atan" |z| rotate(z, c_atanh);
    cm_log10 "log10" |z| c_log(z).map(|r| (r.0 / LN10, r.1 / LN10));
}

fn cm_log(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("log", 1, 2)?;
    let z = c_log(to_c(vm, &p[0])?)?;
    match p.get(1) {
        None => Ok(new_complex(z.0, z.1)),
        Some(b) => {
            let lb = c_log(to_c(vm, b)?)?;
            let q = crate::objects::complex::complex_binop(z, lb, crate::bytecode::opcode::BinOp::TrueDiv)
                .map_err(|_| crate::vm::errors::zero_division_error("complex division by zero"))?;
            Ok(q.unwrap_or_else(|| new_complex(f64::NAN, f64::NAN)))
        }
    }
}

fn cm_phase(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("phase")?;
    let z = to_c(vm, x)?;
    Ok(new_float(z.1.atan2(z.0)))
}

fn cm_polar(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("polar")?;
    let z = to_c(vm, x)?;
    let r = libm::hypot(z.0, z.1);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(range());
    }
    Ok(new_tuple(vec![new_float(r), new_float(z.1.atan2(z.0))]))
}

fn cm_rect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [r, phi] = args.exact::<2>("rect")?;
    let r = crate::builtins::math::to_f64(vm, r)?;
    let phi = crate::builtins::math::to_f64(vm, phi)?;
    if r.is_finite() && phi.is_infinite() {
        return Err(domain());
    }
    let (re, im) = if phi == 0.0 { (r, phi * r) } else { (r * phi.cos(), r * phi.sin()) };
    Ok(new_complex(re, im))
}

fn pred(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> bool, any: bool) -> PyResult {
    let [x] = args.exact::<1>(name)?;
    let z = to_c(vm, x)?;
    Ok(py_bool(if any { f(z.0) || f(z.1) } else { f(z.0) && f(z.1) }))
}
fn cm_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(vm, args, "isnan", f64::is_nan, true)
}
fn cm_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(vm, args, "isinf", f64::is_infinite, true)
}
fn cm_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(vm, args, "isfinite", f64::is_finite, false)
}

fn cm_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() != 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", p.len())));
    }
    let (a, b) = (to_c(vm, &p[0])?, to_c(vm, &p[1])?);
    let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
    for (k, v) in args.kwargs() {
        match k {
            "rel_tol" => rel_tol = crate::builtins::math::to_f64(vm, v)?,
            "abs_tol" => abs_tol = crate::builtins::math::to_f64(vm, v)?,
            _ => return Err(type_error(format!("isclose() got an unexpected keyword argument '{k}'"))),
        }
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(py_bool(true));
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = libm::hypot(a.0 - b.0, a.1 - b.1);
    let (ma, mb) = (libm::hypot(a.0, a.1), libm::hypot(b.0, b.1));
    Ok(py_bool(diff <= rel_tol * mb || diff <= rel_tol * ma || diff <= abs_tol))
}

/// Builds the `cmath` module.
pub fn init_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("cmath");
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        use crate::objects::str::new_str;
        dd.set_str(new_str("pi"), new_float(std::f64::consts::PI));
        dd.set_str(new_str("e"), new_float(std::f64::consts::E));
        dd.set_str(new_str("tau"), new_float(std::f64::consts::TAU));
        dd.set_str(new_str("inf"), new_float(f64::INFINITY));
        dd.set_str(new_str("nan"), new_float(f64::NAN));
        dd.set_str(new_str("infj"), new_complex(0.0, f64::INFINITY));
        dd.set_str(new_str("nanj"), new_complex(0.0, f64::NAN));
    }
    register_cfuncs(&d);
    for (name, f) in [
        ("log", cm_log as crate::vm::NativeFn),
        ("phase", cm_phase),
        ("polar", cm_polar),
        ("rect", cm_rect),
        ("isnan", cm_isnan),
        ("isinf", cm_isinf),
        ("isfinite", cm_isfinite),
        ("isclose", cm_isclose),
    ] {
        add_function(&d, "cmath", name, f);
    }
    let _ = &types().complex;
    Ok(m)
}
