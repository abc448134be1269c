//! `str.format` / `str.format_map` (the replacement-field mini-language: auto and manual
//! numbering, attribute and item lookups, `!r/!s/!a`, nested specs) and `str.__format__`.

use crate::objects::format_spec;
use crate::objects::int::{int_to_decimal, int_val, new_int};
use crate::objects::str::new_str;
use crate::values::{Kind, Value};
use crate::vm::errors::{index_error, key_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{PyResult, Vm};

/// `format(s, spec)` for a string (`str.__format__`).
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    format_spec::format_str(s, &format_spec::parse_spec(spec)?)
}

/// `format(value, spec)`: `type(value).__format__(value, spec)`, checked to return a str.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(r) = format_builtin(v, spec) {
        return r;
    }
    let specv = new_str(spec);
    match vm.call_special(v, "__format__", &[specv])? {
        Some(r) => match r.as_str() {
            Some(s) => Ok(s.to_owned()),
            None => Err(type_error(format!("__format__ must return a str, not {}", type_name(&r)))),
        },
        None if spec.is_empty() => vm.str_string(v),
        None => Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v)))),
    }
}

/// `format(v, spec)` computed directly for exact strs, ints and floats, whose
/// `__format__` no program can replace; `None` for every other value.
pub fn format_builtin(v: &Value, spec: &str) -> Option<PyResult<String>> {
    match v.kind() {
        Kind::Str => {
            let s = v.as_str()?;
            Some(if spec.is_empty() { Ok(s.to_owned()) } else { format_str(s, spec) })
        }
        Kind::Int | Kind::SmallInt => {
            let i = int_val(v)?;
            if spec.is_empty() {
                return Some(int_to_decimal(i));
            }
            Some(format_spec::parse_spec_for(spec, "int").and_then(|f| format_spec::format_int(i, &f, "int")))
        }
        Kind::Float if !spec.is_empty() => {
            let x = v.as_float()?;
            Some(
                format_spec::parse_spec_for(spec, "float")
                    .and_then(|f| format_spec::format_float_typed(x, &f, "float")),
            )
        }
        _ => None,
    }
}

/// Where `{}` fields get their values.
pub struct FormatArgs<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(String, Value)],
    /// `format_map`'s mapping (looked up with `__getitem__`).
    pub map: Option<&'a Value>,
}

/// Auto-numbering state shared with nested specs.
struct Numbering {
    auto: usize,
    mode: u8, // 0 unknown, 1 auto, 2 manual
}

/// `fmt.format(*pos, **kw)`; `depth` bounds nested replacement fields in specs.
pub fn vformat(vm: &mut Vm, fmt: &str, args: &FormatArgs<'_>, depth: i32) -> PyResult<String> {
    let mut num = Numbering { auto: 0, mode: 0 };
    render(vm, fmt, args, depth, &mut num)
}

fn render(vm: &mut Vm, fmt: &str, args: &FormatArgs<'_>, depth: i32, num: &mut Numbering) -> PyResult<String> {
    if depth < 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    // Scanned as bytes: the syntax characters are ASCII, so every index the scan stops at
    // is a char boundary; literal text is copied in runs.
    let cs = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < cs.len() {
        let Some(off) = cs[i..].iter().position(|&c| c == b'{' || c == b'}') else {
            out.push_str(&fmt[i..]);
            break;
        };
        out.push_str(&fmt[i..i + off]);
        i += off;
        if cs[i] == b'}' {
            if cs.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if cs.get(i + 1) == Some(&b'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if i + 1 >= cs.len() {
            return Err(value_error("Single '{' encountered in format string"));
        }
        // Find the matching '}' (nested braces belong to the spec); brackets in the field
        // name may hold any character.
        let start = i + 1;
        let mut j = start;
        let mut nest = 1;
        let mut in_bracket = false;
        let mut field_end = false;
        while j < cs.len() {
            let d = cs[j];
            if !field_end {
                if in_bracket {
                    if d == b']' {
                        in_bracket = false;
                    }
                    j += 1;
                    continue;
                }
                if d == b'[' {
                    in_bracket = true;
                    j += 1;
                    continue;
                }
                if d == b'!' || d == b':' {
                    field_end = true;
                }
            }
            if d == b'{' {
                nest += 1;
            } else if d == b'}' {
                nest -= 1;
                if nest == 0 {
                    break;
                }
            }
            j += 1;
        }
        if j >= cs.len() {
            return Err(value_error("expected '}' before end of string"));
        }
        i = j + 1;
        field(vm, &fmt[start..j], args, depth, num, &mut out)?;
    }
    Ok(out)
}

/// Renders one replacement field (the text between its braces) onto `out`.
fn field(
    vm: &mut Vm,
    inner: &str,
    args: &FormatArgs<'_>,
    depth: i32,
    num: &mut Numbering,
    out: &mut String,
) -> PyResult<()> {
    // Split field name / conversion / spec, skipping brackets in the name.
    let cs = inner.as_bytes();
    let mut k = 0;
    let mut in_bracket = false;
    while k < cs.len() {
        let c = cs[k];
        if in_bracket {
            if c == b']' {
                in_bracket = false;
            }
        } else if c == b'[' {
            in_bracket = true;
        } else if c == b'!' || c == b':' {
            break;
        }
        k += 1;
    }
    let name = &inner[..k];
    let mut conv = None;
    let mut spec = "";
    if k < cs.len() && cs[k] == b'!' {
        let Some(c) = inner[k + 1..].chars().next() else {
            return Err(value_error("unmatched '{' in format spec"));
        };
        conv = Some(c);
        k += 1 + c.len_utf8();
        if k < cs.len() && cs[k] != b':' {
            return Err(value_error("expected ':' after conversion specifier"));
        }
    }
    if k < cs.len() && cs[k] == b':' {
        spec = &inner[k + 1..];
    }
    let obj = lookup_field(vm, name, args, num)?;
    let obj = match conv {
        None => obj,
        Some('r') => vm.repr(&obj)?,
        Some('s') => vm.str(&obj)?,
        Some('a') => {
            let r = vm.repr_string(&obj)?;
            new_str(super::repr::ascii_escape(&r))
        }
        Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
    };
    if spec.contains('{') {
        let spec = render(vm, spec, args, depth - 1, num)?;
        out.push_str(&format_value(vm, &obj, &spec)?);
        return Ok(());
    }
    // The common fields: a str or a small int with no spec go straight in.
    if spec.is_empty() {
        if let Some(s) = obj.payload::<crate::objects::str::PyStr>() {
            out.push_str(s.as_str());
            return Ok(());
        }
        if let Some(i) = obj.as_small() {
            out.push_str(itoa::Buffer::new().format(i));
            return Ok(());
        }
    }
    out.push_str(&format_value(vm, &obj, spec)?);
    Ok(())
}

fn lookup_field(vm: &mut Vm, name: &str, args: &FormatArgs<'_>, num: &mut Numbering) -> PyResult {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if num.mode == 2 {
            return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        num.mode = 1;
        let idx = num.auto;
        num.auto += 1;
        positional(args, idx)?
    } else if let Ok(idx) = first.parse::<usize>() {
        if num.mode == 1 {
            return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        num.mode = 2;
        positional(args, idx)?
    } else {
        keyword(vm, args, first)?
    };
    let rest = &name[first_end..];
    let rb = rest.as_bytes();
    let mut i = 0;
    while i < rb.len() {
        match rb[i] {
            b'.' => {
                let st = i + 1;
                let mut e = st;
                while e < rb.len() && rb[e] != b'.' && rb[e] != b'[' {
                    e += 1;
                }
                let attr = &rest[st..e];
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = vm.getattr_str(&obj, attr)?;
                i = e;
            }
            b'[' => {
                let st = i + 1;
                let Some(off) = rb[st..].iter().position(|&c| c == b']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key = &rest[st..st + off];
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let kv = match key.parse::<i64>() {
                    Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => new_int(n),
                    _ => new_str(key),
                };
                obj = vm.getitem(&obj, &kv)?;
                i = st + off + 1;
                if i < rb.len() && rb[i] != b'.' && rb[i] != b'[' {
                    return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            }
            _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}

fn positional(args: &FormatArgs<'_>, idx: usize) -> PyResult {
    if args.map.is_some() {
        return Err(value_error("Format string contains positional fields"));
    }
    args.pos
        .get(idx)
        .cloned()
        .ok_or_else(|| index_error(format!("Replacement index {idx} out of range for positional args tuple")))
}

fn keyword(vm: &mut Vm, args: &FormatArgs<'_>, name: &str) -> PyResult {
    if let Some(m) = args.map {
        return vm.getitem(m, &new_str(name));
    }
    match args.kw.iter().find(|(k, _)| k == name) {
        Some((_, v)) => Ok(v.clone()),
        None => Err(key_error(new_str(name))),
    }
}
