//! Builtins, numeric builtins: abs, divmod, pow, round, hex, oct, bin, sum.

use crate::bytecode::opcode::BinOp;
use crate::objects::float::new_float;
use crate::objects::format_spec::{format_int, parse_spec_for};
use crate::objects::int::methods_support::{int_divmod, int_pow3};
use crate::objects::int::{int_val, new_bigint, new_int};
use crate::objects::str::new_str;
use crate::objects::{none, types};
use crate::values::{Kind, Value};
use crate::vm::errors::type_error;
use crate::vm::protocol::type_name;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

/// Adds this group's functions to the builtins dict.
pub fn init(d: &Value) {
    add_function(d, "builtins", "abs", builtin_abs);
    add_function(d, "builtins", "divmod", builtin_divmod);
    add_function(d, "builtins", "pow", builtin_pow);
    add_function(d, "builtins", "round", builtin_round);
    add_function(d, "builtins", "hex", builtin_hex);
    add_function(d, "builtins", "oct", builtin_oct);
    add_function(d, "builtins", "bin", builtin_bin);
    add_function(d, "builtins", "sum", builtin_sum);
    add_function(d, "builtins", "format", builtin_format);
    crate::vm::interp::register_native("math", crate::builtins::math::init_module);
    crate::builtins::random::register();
    crate::vm::interp::register_native("cmath", crate::builtins::cmath::init_module);
}

/// `format(value, format_spec='')`: `type(value).__format__(value, spec)`.
fn builtin_format(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("format", &["value", "format_spec"], 1)?;
    let Some(v) = &a[0] else { return Err(type_error("format() missing required argument 'value' (pos 1)")) };
    let spec = a[1].clone().unwrap_or_else(|| new_str(""));
    if spec.as_str().is_none() {
        return Err(type_error(format!("format() argument 2 must be str, not {}", type_name(&spec))));
    }
    let r = match vm.lookup_special(v, "__format__") {
        Some(f) => vm.call(&f, Args::positional_only(&[v.clone(), spec.clone()]))?,
        None => {
            // object.__format__: only the empty spec is accepted.
            if spec.as_str().is_some_and(|s| !s.is_empty()) {
                return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v))));
            }
            vm.str(v)?
        }
    };
    if r.as_str().is_none() {
        return Err(type_error(format!("__format__ must return a str, not {}", type_name(&r))));
    }
    Ok(r)
}

/// `sys.get_int_max_str_digits()`.
pub fn sys_get_int_max_str_digits(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("get_int_max_str_digits")?;
    let n = crate::objects::format_spec::INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
    Ok(new_int(n as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`.
pub fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("set_int_max_str_digits", &["maxdigits"], 1)?;
    let Some(m) = &a[0] else { return Err(type_error("set_int_max_str_digits() missing required argument")) };
    let i = index(vm, m)?;
    let n = int_val(&i).and_then(|v| v.as_i64()).unwrap_or(i64::MAX);
    if n != 0 && !(640..=i32::MAX as i64).contains(&n) {
        return Err(crate::vm::errors::value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::objects::format_spec::INT_MAX_STR_DIGITS.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    Ok(none())
}

/// `operator.index(v)`: the int value of `v` via `__index__`, as a plain int.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult {
    if matches!(v.kind(), Kind::SmallInt | Kind::Int) {
        return Ok(v.clone());
    }
    if let Some(r) = vm.call_special(v, "__index__", &[])? {
        return match int_val(&r) {
            Some(_) if matches!(r.kind(), Kind::SmallInt | Kind::Int) => Ok(r),
            Some(i) => Ok(new_bigint(i.to_bigint())),
            None => Err(type_error(format!("__index__ returned non-int (type {})", type_name(&r)))),
        };
    }
    Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

fn builtin_abs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("abs")?;
    if let Some(i) = x.as_small() {
        return Ok(new_int(i.abs()));
    }
    if let Some(f) = x.payload::<crate::objects::float::PyFloat>() {
        return Ok(new_float(f.0.abs()));
    }
    match vm.call_special(x, "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(type_error(format!("bad operand type for abs(): '{}'", type_name(x)))),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("divmod")?;
    if matches!(a.kind(), Kind::SmallInt | Kind::Int | Kind::Bool)
        && matches!(b.kind(), Kind::SmallInt | Kind::Int | Kind::Bool)
        && let (Some(x), Some(y)) = (int_val(a), int_val(b))
    {
        return int_divmod(x, y);
    }
    match vm.binary_dunders(a, b, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(a),
            type_name(b)
        ))),
    }
}

fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("pow", &["base", "exp", "mod"], 2)?;
    let (Some(base), Some(exp)) = (&a[0], &a[1]) else { return Err(type_error("pow() missing required argument")) };
    match &a[2] {
        None => vm.binary_op(base, exp, BinOp::Pow, false),
        Some(m) if m.is_none() => vm.binary_op(base, exp, BinOp::Pow, false),
        Some(m) => {
            let all_int = [base, exp, m].iter().all(|v| matches!(v.kind(), Kind::SmallInt | Kind::Int | Kind::Bool));
            if all_int {
                return int_pow3(base, exp, Some(m));
            }
            if let Some(f) = vm.lookup_special(base, "__pow__") {
                let r = vm.call(&f, Args::positional_only(&[base.clone(), exp.clone(), m.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
            if !exp.type_of().is(base.type_of())
                && let Some(f) = vm.lookup_special(exp, "__rpow__")
                && (exp.kind() != Kind::Instance || f.kind() == Kind::Builtin)
            {
                let r = vm.call(&f, Args::positional_only(&[exp.clone(), base.clone(), m.clone()]))?;
                if !r.is_not_implemented() {
                    return Ok(r);
                }
            }
            Err(type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                type_name(base),
                type_name(exp),
                type_name(m)
            )))
        }
    }
}

fn builtin_round(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("round", &["number", "ndigits"], 1)?;
    let Some(x) = &a[0] else { return Err(type_error("round() missing required argument 'number' (pos 1)")) };
    let Some(f) = vm.lookup_special(x, "__round__") else {
        return Err(type_error(format!("type {} doesn't define __round__ method", type_name(x))));
    };
    match &a[1] {
        Some(n) if !n.is_none() => vm.call(&f, Args::positional_only(&[x.clone(), n.clone()])),
        _ => vm.call(&f, Args::positional_only(std::slice::from_ref(x))),
    }
}

fn radix(vm: &mut Vm, args: Args<'_>, name: &str, spec: &str) -> PyResult {
    let [x] = args.exact::<1>(name)?;
    let i = index(vm, x)?;
    let s = parse_spec_for(spec, "int")?;
    let v = int_val(&i).unwrap_or(crate::objects::int::IntVal::S(0));
    Ok(new_str(format_int(v, &s, "int")?))
}
fn builtin_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "hex", "#x")
}
fn builtin_oct(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "oct", "#o")
}
fn builtin_bin(vm: &mut Vm, args: Args<'_>) -> PyResult {
    radix(vm, args, "bin", "#b")
}

/// `sum(iterable, /, start=0)`: exact int and plain float fast paths (3.11 adds floats
/// left to right), then `+`.
fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.is_empty() {
        return Err(type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    if p.len() > 2 {
        return Err(type_error(format!("sum() takes at most 2 arguments ({} given)", p.len())));
    }
    let mut start = p.get(1).cloned();
    for (k, v) in args.kwargs() {
        if k != "start" || start.is_some() {
            return Err(type_error(format!("sum() got an unexpected keyword argument '{k}'")));
        }
        start = Some(v.clone());
    }
    let mut result = start.unwrap_or_else(|| new_int(0));
    match result.kind() {
        Kind::Str => return Err(type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        Kind::Bytes => return Err(type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Kind::ByteArray => return Err(type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = vm.iter(&p[0])?;
    // Exact ints: accumulate in an i128 while it fits.
    if matches!(result.kind(), Kind::SmallInt | Kind::Int | Kind::Bool) {
        let mut acc: i128 = match int_val(&result).and_then(|v| v.as_i64()) {
            Some(i) => i as i128,
            None => return sum_general(vm, result, &it, None),
        };
        loop {
            let Some(item) = vm.next(&it)? else { return Ok(crate::objects::int::new_int_i128(acc)) };
            if matches!(item.kind(), Kind::SmallInt | Kind::Int | Kind::Bool)
                && let Some(i) = int_val(&item).and_then(|v| v.as_i64())
                && let Some(s) = acc.checked_add(i as i128)
            {
                acc = s;
                continue;
            }
            result = crate::objects::int::new_int_i128(acc);
            if item.kind() == Kind::Float {
                return sum_float(vm, result, item, &it);
            }
            return sum_general(vm, result, &it, Some(item));
        }
    }
    if result.kind() == Kind::Float {
        let Some(item) = vm.next(&it)? else { return Ok(result) };
        return sum_float(vm, result, item, &it);
    }
    sum_general(vm, result, &it, None)
}

/// Float accumulation while the items are floats or exact ints (`result` is an int or float).
fn sum_float(vm: &mut Vm, result: Value, first: Value, it: &Value) -> PyResult {
    let mut item = Some(first);
    let mut acc = vm.binary_op(&result, item.as_ref().unwrap_or(&result), BinOp::Add, false)?;
    let Some(mut f) = acc.as_float().filter(|_| acc.kind() == Kind::Float) else {
        return sum_general(vm, acc, it, None);
    };
    loop {
        item = vm.next(it)?;
        let Some(x) = item else { return Ok(new_float(f)) };
        match x.kind() {
            Kind::Float => f += x.as_float().unwrap_or(0.0),
            Kind::SmallInt | Kind::Bool => f += int_val(&x).and_then(|v| v.as_i64()).unwrap_or(0) as f64,
            _ => {
                acc = new_float(f);
                return sum_general(vm, acc, it, Some(x));
            }
        }
    }
}

fn sum_general(vm: &mut Vm, mut result: Value, it: &Value, pending: Option<Value>) -> PyResult {
    if let Some(x) = pending {
        result = vm.binary_op(&result, &x, BinOp::Add, false)?;
    }
    while let Some(x) = vm.next(it)? {
        result = vm.binary_op(&result, &x, BinOp::Add, false)?;
    }
    let _ = (none(), &types().int);
    Ok(result)
}

/// `repr()` of a `sys.int_info`-style struct sequence: `sys.name(field=value, ...)`.
fn struct_seq_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [this] = args.exact::<1>("__repr__")?;
    let ty = this.type_of().clone();
    let name = ty.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    let fields = vm.getattr_str(&ty, "_fields")?;
    let mut parts = Vec::new();
    for f in vm.to_vec(&fields)? {
        let v = vm.getattr(this, &f)?;
        parts.push(format!("{}={}", f.as_str().unwrap_or(""), vm.repr_string(&v)?));
    }
    Ok(new_str(format!("sys.{name}({})", parts.join(", "))))
}

/// A struct-sequence-like value (a tuple subclass with named fields) for `sys`.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[&str], values: Vec<Value>) -> PyResult {
    let d = crate::values::layout::alloc(&types().dict, crate::objects::dict::PyDict::new());
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("dict"))?;
    dd.set_str(new_str("__module__"), new_str("sys"));
    dd.set_str(new_str("_fields"), crate::objects::tuple::new_tuple(fields.iter().map(|f| new_str(*f)).collect()));
    let bases = crate::objects::tuple::new_tuple(vec![types().tuple.clone()]);
    let cls = vm.call_pos(&types().type_.clone(), &[new_str(name), bases, d.clone()])?;
    crate::vm::startup::add_method(&cls, "__repr__", struct_seq_repr);
    let obj = vm.call_pos(&cls, &[crate::objects::tuple::new_tuple(values.clone())])?;
    for (f, v) in fields.iter().zip(values) {
        vm.setattr(&obj, &new_str(*f), v)?;
    }
    Ok(obj)
}

/// Adds `sys.int_info` and `sys.float_info`.
pub fn add_sys_info(vm: &mut Vm, sys_dict: &Value) -> PyResult<()> {
    let int_info = struct_seq(
        vm,
        "int_info",
        &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
        vec![new_int(30), new_int(4), new_int(4300), new_int(640)],
    )?;
    let float_info = struct_seq(
        vm,
        "float_info",
        &[
            "max",
            "max_exp",
            "max_10_exp",
            "min",
            "min_exp",
            "min_10_exp",
            "dig",
            "mant_dig",
            "epsilon",
            "radix",
            "rounds",
        ],
        vec![
            new_float(f64::MAX),
            new_int(1024),
            new_int(308),
            new_float(f64::MIN_POSITIVE),
            new_int(-1021),
            new_int(-307),
            new_int(15),
            new_int(53),
            new_float(f64::EPSILON),
            new_int(2),
            new_int(1),
        ],
    )?;
    if let Some(d) = sys_dict.payload::<crate::objects::dict::PyDict>() {
        d.set_str(new_str("int_info"), int_info);
        d.set_str(new_str("float_info"), float_info);
    }
    Ok(())
}
