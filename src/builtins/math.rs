//! The `math` module, with CPython's special-value rules and errors ("math domain error",
//! "math range error"), its own gamma/lgamma, exact `fsum` and the accurate `hypot`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::opcode::BinOp;
use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_bigint, new_int};
use crate::objects::tuple::new_tuple;
use crate::objects::{py_bool, types};
use crate::values::{Kind, Value};
use crate::vm::errors::{overflow_error, type_error, value_error, zero_division_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyErr, PyResult, Vm};

fn domain() -> PyErr {
    value_error("math domain error")
}
fn range() -> PyErr {
    overflow_error("math range error")
}

/// `PyFloat_AsDouble`: a float, an int, or anything with `__float__`/`__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = int_val(v) {
        return i.to_f64();
    }
    if let Some(r) = vm.call_special(v, "__float__", &[])? {
        return r.as_float().ok_or_else(|| {
            type_error(format!("{}.__float__ returned non-float (type {})", type_name(v), type_name(&r)))
        });
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let i = crate::builtins::numeric::index(vm, v)?;
        return int_val(&i).map(|i| i.to_f64()).unwrap_or(Ok(0.0));
    }
    Err(type_error(format!("must be real number, not {}", type_name(v))))
}

fn arg1(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    let [x] = args.exact::<1>(name)?;
    to_f64(vm, x)
}

/// CPython's math_1: NaN from a non-NaN is a domain error; an infinity from a finite
/// input is a range error (or a domain error when the function cannot overflow).
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(new_float(r))
}

macro_rules! unary {
    ($($name:ident $pyname:literal $f:expr, $ovf:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult {
            let x = arg1(vm, &args, $pyname)?;
            math_1(x, $f, $ovf)
        })*
        fn register_unary(d: &Value) {
            $(add_function(d, "math", $pyname, $name);)*
        }
    };
}

unary! {
    m_sqrt "sqrt" f64::sqrt, false;
    m_exp "exp" f64::exp, true;
    m_exp2 "exp2" f64::exp2, true;
    m_expm1 "expm1" f64::exp_m1, true;
    m_sin "sin" f64::sin, false;
    m_cos "cos" f64::cos, false;
    m_tan "tan" f64::tan, false;
    m_asin "asin" f64::asin, false;
    m_acos "acos" f64::acos, false;
    m_atan "atan" f64::atan, false;
    m_sinh "sinh" f64::sinh, true;
    m_cosh "cosh" f64::cosh, true;
    m_tanh "tanh" f64::tanh, false;
    m_asinh "asinh" libm::asinh, false;
    m_acosh "acosh" libm::acosh, false;
    m_atanh "atanh" libm::atanh, false;
    m_fabs "fabs" f64::abs, false;
    m_cbrt "cbrt" libm::cbrt, false;
    m_erf "erf" libm::erf, false;
    m_erfc "erfc" libm::erfc, false;
    m_degrees "degrees" |x| x * (180.0 / std::f64::consts::PI), true;
    m_radians "radians" |x| x * (std::f64::consts::PI / 180.0), false;
}

fn m_log1p(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = arg1(vm, &args, "log1p")?;
    if x <= -1.0 {
        return Err(domain());
    }
    math_1(x, f64::ln_1p, false)
}

/// log of a positive float or int (huge ints through their binary exponent).
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_val(v) {
        if i.is_negative() || i.is_zero() {
            return Err(domain());
        }
        return Ok(match i.to_f64() {
            Ok(x) => f(x),
            Err(_) => {
                // x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e*log(2).
                let b = i.to_bigint();
                let e = b.bits() - 60;
                let m = (b >> e).to_f64().unwrap_or(1.0) / 2f64.powi(60);
                f(m) + (e as f64 + 60.0) * f(2.0)
            }
        });
    }
    let x = to_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("log", 1, 2)?;
    let num = log_of(vm, &p[0], f64::ln)?;
    match p.get(1) {
        None => Ok(new_float(num)),
        Some(b) => {
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(zero_division_error("float division by zero"));
            }
            Ok(new_float(num / den))
        }
    }
}
fn m_log2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("log2")?;
    Ok(new_float(log_of(vm, x, f64::log2)?))
}
fn m_log10(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("log10")?;
    Ok(new_float(log_of(vm, x, f64::log10)?))
}

fn arg2(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let [x, y] = args.exact::<2>(name)?;
    Ok((to_f64(vm, x)?, to_f64(vm, y)?))
}

fn m_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = arg2(vm, &args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain());
        }
        if r.is_infinite() {
            return Err(if x == 0.0 { domain() } else { range() });
        }
        r
    };
    Ok(new_float(r))
}

fn m_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (y, x) = arg2(vm, &args, "atan2")?;
    Ok(new_float(y.atan2(x)))
}
fn m_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = arg2(vm, &args, "copysign")?;
    Ok(new_float(x.copysign(y)))
}
fn m_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = arg2(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(new_float(r))
}
fn m_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = arg2(vm, &args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(new_float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    Ok(new_float(libm::remainder(x, y)))
}
fn m_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (x, y) = arg2(vm, &args, "nextafter")?;
    Ok(new_float(libm::nextafter(x, y)))
}
fn m_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = arg1(vm, &args, "ulp")?;
    if x.is_nan() {
        return Ok(new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(new_float(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        let x2 = libm::nextafter(x, -f64::INFINITY);
        return Ok(new_float(x - x2));
    }
    Ok(new_float(x2 - x))
}

fn m_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x, i] = args.exact::<2>("ldexp")?;
    let x = to_f64(vm, x)?;
    let Some(e) = int_val(i) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    let e = e.as_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = crate::objects::int::ldexp(x, e.clamp(-100_000, 100_000));
    if r.is_infinite() {
        return Err(range());
    }
    Ok(new_float(r))
}

fn m_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = arg1(vm, &args, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(new_tuple(vec![new_float(x), new_int(0)]));
    }
    let (m, e) = libm::frexp(x);
    Ok(new_tuple(vec![new_float(m), new_int(e as i64)]))
}

fn m_modf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let x = arg1(vm, &args, "modf")?;
    if x.is_infinite() {
        return Ok(new_tuple(vec![new_float(0.0f64.copysign(x)), new_float(x)]));
    }
    if x.is_nan() {
        return Ok(new_tuple(vec![new_float(x), new_float(x)]));
    }
    let t = x.trunc();
    Ok(new_tuple(vec![new_float((x - t).copysign(x)), new_float(t)]))
}

fn round_via(vm: &mut Vm, args: Args<'_>, name: &str, dunder: &str, f: fn(f64) -> f64) -> PyResult {
    let [x] = args.exact::<1>(name)?;
    if x.kind() == Kind::Float {
        return crate::objects::int::float_to_int(f(x.as_float().unwrap_or(0.0)));
    }
    if matches!(x.kind(), Kind::SmallInt | Kind::Int) {
        return Ok(x.clone());
    }
    if let Some(r) = vm.call_special(x, dunder, &[])? {
        return Ok(r);
    }
    let v = to_f64(vm, x)?;
    crate::objects::int::float_to_int(f(v))
}
fn m_floor(vm: &mut Vm, args: Args<'_>) -> PyResult {
    round_via(vm, args, "floor", "__floor__", f64::floor)
}
fn m_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult {
    round_via(vm, args, "ceil", "__ceil__", f64::ceil)
}
fn m_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("trunc")?;
    if x.kind() == Kind::Float {
        return crate::objects::int::float_to_int(x.as_float().unwrap_or(0.0));
    }
    match vm.call_special(x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("type {} doesn't define __trunc__ method", type_name(x)))),
    }
}

fn m_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(arg1(vm, &args, "isnan")?.is_nan()))
}
fn m_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(arg1(vm, &args, "isinf")?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(arg1(vm, &args, "isfinite")?.is_finite()))
}

fn m_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() != 2 {
        return Err(type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", p.len())));
    }
    let (a, b) = (to_f64(vm, &p[0])?, to_f64(vm, &p[1])?);
    let (mut rel_tol, mut abs_tol) = (1e-9, 0.0);
    for (k, v) in args.kwargs() {
        match k {
            "rel_tol" => rel_tol = to_f64(vm, v)?,
            "abs_tol" => abs_tol = to_f64(vm, v)?,
            _ => return Err(type_error(format!("isclose() got an unexpected keyword argument '{k}'"))),
        }
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(py_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(py_bool(false));
    }
    let diff = (b - a).abs();
    Ok(py_bool(((diff <= (rel_tol * b).abs()) || (diff <= (rel_tol * a).abs())) || (diff <= abs_tol)))
}

/// Shewchuk's exact summation with CPython's final half-even correction.
fn m_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [seq] = args.exact::<1>("fsum")?;
    let it = vm.iter(seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&it)? {
        let mut x = to_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(new_float(special_sum));
    }
    let mut hi = 0.0;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(new_float(hi))
}

/// CPython's vector_norm: an accurately rounded Euclidean norm.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = libm::frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        let s = csum + hi;
        frac2 += (csum - s) + hi;
        csum = s;
        frac1 += lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let phi = -h * h;
    let plo = (-h).mul_add(h, -phi);
    let s = csum + phi;
    frac2 += (csum - s) + phi;
    csum = s;
    frac1 += plo;
    let x = csum - 1.0 + (frac1 + frac2);
    (h + x / (2.0 * h)) / scale
}

fn m_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("hypot")?;
    let mut v = Vec::with_capacity(args.pos().len());
    let (mut max, mut nan) = (0.0f64, false);
    for a in args.pos() {
        let x = to_f64(vm, a)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(new_float(vector_norm(&mut v, max, nan)))
}

fn m_dist(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p, q] = args.exact::<2>("dist")?;
    if p.kind() != Kind::Tuple && p.kind() != Kind::List || q.kind() != Kind::Tuple && q.kind() != Kind::List {
        let bad = if p.kind() != Kind::Tuple && p.kind() != Kind::List { p } else { q };
        return Err(type_error(format!("dist(): argument must be tuple, not {}", type_name(bad))));
    }
    let (pv, qv) = (vm.to_vec(p)?, vm.to_vec(q)?);
    if pv.len() != qv.len() {
        return Err(value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(pv.len());
    let (mut max, mut nan) = (0.0f64, false);
    for (a, b) in pv.iter().zip(qv.iter()) {
        let x = (to_f64(vm, a)? - to_f64(vm, b)?).abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(new_float(vector_norm(&mut v, max, nan)))
}

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Errors as CPython's errno handling reports them.
enum MathErr {
    Domain,
    Range,
}

fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(MathErr::Domain) };
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for k in 2..(x as i64) {
                f *= k as f64;
            }
            return Ok(f);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(MathErr::Range) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sp = y.powf(absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) }
}

fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(MathErr::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() { Err(MathErr::Range) } else { Ok(r) }
}

fn gamma_like(vm: &mut Vm, args: Args<'_>, name: &str, f: fn(f64) -> Result<f64, MathErr>) -> PyResult {
    let x = arg1(vm, &args, name)?;
    match f(x) {
        Ok(r) => Ok(new_float(r)),
        Err(MathErr::Domain) => Err(domain()),
        Err(MathErr::Range) => Err(range()),
    }
}
fn m_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult {
    gamma_like(vm, args, "gamma", tgamma)
}
fn m_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult {
    gamma_like(vm, args, "lgamma", lgamma)
}

/// An integer argument via `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = crate::builtins::numeric::index(vm, v)?;
    Ok(int_val(&i).map(|i| i.to_bigint()).unwrap_or_default())
}

fn m_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("gcd")?;
    let mut g = BigInt::zero();
    for a in args.pos() {
        let x = int_arg(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(new_bigint(g))
}
fn m_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("lcm")?;
    let mut l = BigInt::one();
    for a in args.pos() {
        let x = int_arg(vm, a)?;
        if x.is_zero() || l.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(new_bigint(l))
}

/// Product of the integers in [lo, hi) by binary splitting (fast for big factorials).
fn range_prod(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut p = BigInt::one();
        let mut acc: u64 = 1;
        for k in lo..hi {
            match acc.checked_mul(k) {
                Some(a) => acc = a,
                None => {
                    p *= acc;
                    acc = k;
                }
            }
        }
        return p * acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_prod(lo, mid) * range_prod(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("factorial")?;
    if x.kind() == Kind::Float || x.as_float().is_some() {
        return Err(type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, x)?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = n
        .to_i64()
        .map(|n| n as u64)
        .ok_or_else(|| overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    Ok(new_bigint(range_prod(2, n + 1)))
}

fn m_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("isqrt")?;
    let n = int_arg(vm, x)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(new_bigint(n.sqrt()))
}

fn comb_perm_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = int_arg(vm, n)?;
    let k = int_arg(vm, k)?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [n, k] = args.exact::<2>("comb")?;
    let (n, mut k) = comb_perm_args(vm, n, k)?;
    if k > n {
        return Ok(new_int(0));
    }
    let nk = &n - &k;
    if nk < k {
        k = nk;
    }
    let k = k
        .to_i64()
        .map(|k| k as u64)
        .ok_or_else(|| overflow_error("min(n - k, k) must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(new_bigint(r))
}

fn m_perm(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("perm", 1, 2)?;
    let n = &p[0];
    let k = match p.get(1) {
        Some(k) if !k.is_none() => k.clone(),
        _ => {
            let n = int_arg(vm, n)?;
            if n.is_negative() {
                return Err(value_error("n must be a non-negative integer"));
            }
            let n = n
                .to_i64()
                .map(|n| n as u64)
                .ok_or_else(|| overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
            return Ok(new_bigint(range_prod(2, n + 1)));
        }
    };
    let (n, k) = comb_perm_args(vm, n, &k)?;
    if k > n {
        return Ok(new_int(0));
    }
    let k = k.to_i64().map(|k| k as u64).ok_or_else(|| overflow_error("k must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(new_bigint(r))
}

fn m_prod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() != 1 {
        return Err(type_error(format!("prod() takes exactly 1 positional argument ({} given)", p.len())));
    }
    let mut acc = new_int(1);
    for (k, v) in args.kwargs() {
        if k != "start" {
            return Err(type_error(format!("prod() got an unexpected keyword argument '{k}'")));
        }
        acc = v.clone();
    }
    let it = vm.iter(&p[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, BinOp::Mul, false)?;
    }
    Ok(acc)
}

/// Builds the `math` module.
pub fn init_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("math");
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        use crate::objects::str::new_str;
        dd.set_str(new_str("pi"), new_float(std::f64::consts::PI));
        dd.set_str(new_str("e"), new_float(std::f64::consts::E));
        dd.set_str(new_str("tau"), new_float(std::f64::consts::TAU));
        dd.set_str(new_str("inf"), new_float(f64::INFINITY));
        dd.set_str(new_str("nan"), new_float(f64::NAN));
    }
    register_unary(&d);
    for (name, f) in [
        ("log", m_log as crate::vm::NativeFn),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("pow", m_pow),
        ("atan2", m_atan2),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("ldexp", m_ldexp),
        ("frexp", m_frexp),
        ("modf", m_modf),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("isnan", m_isnan),
        ("isinf", m_isinf),
        ("isfinite", m_isfinite),
        ("isclose", m_isclose),
        ("fsum", m_fsum),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("isqrt", m_isqrt),
        ("comb", m_comb),
        ("perm", m_perm),
        ("prod", m_prod),
    ] {
        add_function(&d, "math", name, f);
    }
    let _ = &types().float;
    Ok(m)
}
