//! Builtins, sequence builtins: len, sorted, min, max, any, all.

use crate::bytecode::opcode::CmpOp;
use crate::objects::int::new_int;
use crate::objects::list::PyList;
use crate::objects::py_bool;
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

/// `len(v)` as a usize.
pub fn length(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match v.kind() {
        Kind::List => return Ok(v.payload::<PyList>().map_or(0, |l| l.len())),
        Kind::Tuple => return Ok(v.as_tuple().map_or(0, |t| t.len())),
        Kind::Str => return Ok(v.payload::<crate::objects::str::PyStr>().map_or(0, |s| s.char_len())),
        Kind::Dict => return Ok(v.payload::<crate::objects::dict::PyDict>().map_or(0, |d| d.len())),
        Kind::Set | Kind::FrozenSet => return Ok(crate::objects::set::any_set(v).map_or(0, |s| s.len())),
        _ => {}
    }
    let Some(r) = vm.call_special(v, "__len__", &[])? else {
        return Err(type_error(format!("object of type '{}' has no len()", type_name(v))));
    };
    if !crate::objects::sequtil::is_int(&r) {
        if let Some(i) = crate::objects::sequtil::index_bigint(vm, &r)? {
            return usize::try_from(i).map_err(|_| value_error("__len__() should return >= 0"));
        }
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r))));
    }
    let b = crate::objects::int::to_bigint(&r).unwrap_or_default();
    if b < num_bigint::BigInt::from(0) {
        return Err(value_error("__len__() should return >= 0"));
    }
    usize::try_from(b).map_err(|_| crate::vm::errors::overflow_error("cannot fit 'int' into an index-sized integer"))
}

/// `len`'s native function (compiled code recognises a call of it: `jit/lower/steps.rs`).
pub(crate) const LEN: crate::vm::args::NativeFn = builtin_len;

fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("len")?;
    Ok(new_int(length(vm, v)? as i64))
}

fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() != 1 {
        return Err(type_error(format!("sorted expected 1 argument, got {}", p.len())));
    }
    let (key, reverse) = crate::objects::list::sort::sort_kwargs(vm, &args, "sort")?;
    let mut items = vm.to_vec(&p[0])?;
    crate::objects::list::sort::sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(crate::objects::list::new_list(items))
}

fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, op: CmpOp) -> PyResult {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "default" => default = Some(v.clone()),
            _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    let p = args.pos();
    let items: Vec<Value> = match p.len() {
        0 => return Err(type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.to_vec(&p[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            p.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call_pos(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        match &best {
            None => best = Some((k, item)),
            Some((bk, _)) => {
                let better = match (k.as_small(), bk.as_small()) {
                    (Some(x), Some(y)) => {
                        if op == CmpOp::Gt {
                            x > y
                        } else {
                            x < y
                        }
                    }
                    _ => {
                        let r = vm.compare(&k, bk, op)?;
                        vm.truthy(&r)?
                    }
                };
                if better {
                    best = Some((k, item));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "min", CmpOp::Lt)
}

fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult {
    min_max(vm, args, "max", CmpOp::Gt)
}

fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [it] = args.exact::<1>("any")?;
    let it = vm.iter(it)?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(py_bool(true));
        }
    }
    Ok(py_bool(false))
}

fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [it] = args.exact::<1>("all")?;
    let it = vm.iter(it)?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(py_bool(false));
        }
    }
    Ok(py_bool(true))
}

fn builtin_ord(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("ord")?;
    if let Some(s) = v.as_str() {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(new_int(c as i64)),
            _ => {
                Err(type_error(format!("ord() expected a character, but string of length {} found", s.chars().count())))
            }
        };
    }
    if let Some(b) = crate::objects::bytes::bytes_data(v) {
        if b.len() == 1 {
            return Ok(new_int(b[0] as i64));
        }
        return Err(type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    Err(type_error(format!("ord() expected string of length 1, but {} found", type_name(v))))
}

fn builtin_chr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("chr")?;
    let Some(i) = crate::objects::sequtil::index_clamped(vm, v)? else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
    };
    if !(0..0x110000).contains(&i) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot live in UTF-8 text: they become U+FFFD.
    let c = char::from_u32(i as u32).unwrap_or('\u{fffd}');
    Ok(crate::objects::str::char_str(c))
}

/// Adds this group's functions to the builtins dict.
pub fn init(d: &Value) {
    add_function(d, "builtins", "len", builtin_len);
    add_function(d, "builtins", "sorted", builtin_sorted);
    add_function(d, "builtins", "min", builtin_min);
    add_function(d, "builtins", "max", builtin_max);
    add_function(d, "builtins", "any", builtin_any);
    add_function(d, "builtins", "all", builtin_all);
    add_function(d, "builtins", "ord", builtin_ord);
    add_function(d, "builtins", "chr", builtin_chr);
}
