//! `str.format` / `str.format_map` (the replacement-field mini-language: auto and manual
//! numbering, attribute and item lookups, `!r/!s/!a`, nested specs) and `str.__format__`.

use crate::objects::int::new_int;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, index_error, key_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{PyResult, Vm};

/// A parsed standard format specifier.
#[derive(Clone, Debug, Default)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Parses `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`;
/// `tyname` names the formatted object's type in errors.
pub fn parse_spec(spec: &str, tyname: &str) -> PyResult<FormatSpec> {
    let cs: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut i = 0;
    if cs.len() >= 2 && is_align(cs[1]) {
        f.fill = Some(cs[0]);
        f.align = Some(cs[1]);
        i = 2;
    } else if !cs.is_empty() && is_align(cs[0]) {
        f.align = Some(cs[0]);
        i = 1;
    }
    if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
        f.sign = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == 'z' {
        f.z = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '#' {
        f.alternate = true;
        i += 1;
    }
    if i < cs.len() && cs[i] == '0' {
        f.zero = true;
        if f.fill.is_none() {
            f.fill = Some('0');
        }
        if f.align.is_none() {
            f.align = Some('=');
        }
        i += 1;
    }
    let digits = |i: &mut usize| -> PyResult<Option<usize>> {
        let st = *i;
        while *i < cs.len() && cs[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == st {
            return Ok(None);
        }
        let s: String = cs[st..*i].iter().collect();
        s.parse::<usize>().map(Some).map_err(|_| value_error("Too many decimal digits in format string"))
    };
    f.width = digits(&mut i)?;
    if i < cs.len() && matches!(cs[i], ',' | '_') {
        f.grouping = Some(cs[i]);
        i += 1;
    }
    if i < cs.len() && cs[i] == '.' {
        i += 1;
        f.precision = digits(&mut i)?;
        if f.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    if i + 1 < cs.len() {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{tyname}'")));
    }
    if i < cs.len() {
        f.ty = Some(cs[i]);
    }
    Ok(f)
}

/// Pads `body` (of `len` characters) to the spec's width with its fill and alignment
/// (`default_align` when none was given).
pub fn align_text(body: &str, len: usize, f: &FormatSpec, default_align: char) -> String {
    let width = f.width.unwrap_or(0);
    if len >= width {
        return body.to_owned();
    }
    let fill = f.fill.unwrap_or(' ');
    let pad = width - len;
    let (l, r) = match f.align.unwrap_or(default_align) {
        '>' | '=' => (pad, 0),
        '^' => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let mut out = String::with_capacity(body.len() + pad);
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, r));
    out
}

/// `format(s, spec)` for a string.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    let f = parse_spec(spec, "str")?;
    match f.ty {
        None | Some('s') => {}
        Some(c) => return Err(value_error(format!("Unknown format code '{c}' for object of type 'str'"))),
    }
    if f.sign.is_some() {
        return Err(value_error("Sign not allowed in string format specifier"));
    }
    if f.z {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if let Some(g) = f.grouping {
        return Err(value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    if f.align == Some('=') && !f.zero {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    crate::objects::sequtil::check_alloc(f.width.unwrap_or(0) as u128)?;
    let mut f = f;
    if f.zero && f.align == Some('=') {
        f.align = Some('<');
    }
    let (body, len) = match f.precision {
        Some(p) => {
            let end = s.char_indices().nth(p).map(|(b, _)| b).unwrap_or(s.len());
            let t = &s[..end];
            (t, t.chars().count())
        }
        None => (s, s.chars().count()),
    };
    Ok(align_text(body, len, &f, '<'))
}

/// `format(value, spec)`: `type(value).__format__(value, spec)`, checked to return a str.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Some(s) = v.payload::<crate::objects::str::PyStr>() {
        if spec.is_empty() {
            return Ok(s.as_str().to_owned());
        }
        return format_str(s.as_str(), spec);
    }
    if spec.is_empty() && v.is_small() {
        return Ok(v.as_small().unwrap_or(0).to_string());
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
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c == '}' {
            if cs.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if cs.get(i + 1) == Some(&'{') {
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
        let mut field_end = None;
        while j < cs.len() {
            let d = cs[j];
            if field_end.is_none() {
                if in_bracket {
                    if d == ']' {
                        in_bracket = false;
                    }
                    j += 1;
                    continue;
                }
                if d == '[' {
                    in_bracket = true;
                    j += 1;
                    continue;
                }
                if d == '!' || d == ':' {
                    field_end = Some(j);
                }
            }
            if d == '{' {
                nest += 1;
            } else if d == '}' {
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
        let inner: String = cs[start..j].iter().collect();
        i = j + 1;
        out.push_str(&field(vm, &inner, args, depth, num)?);
    }
    Ok(out)
}

fn field(vm: &mut Vm, inner: &str, args: &FormatArgs<'_>, depth: i32, num: &mut Numbering) -> PyResult<String> {
    // Split field name / conversion / spec, skipping brackets in the name.
    let cs: Vec<char> = inner.chars().collect();
    let mut k = 0;
    let mut in_bracket = false;
    while k < cs.len() {
        let c = cs[k];
        if in_bracket {
            if c == ']' {
                in_bracket = false;
            }
        } else if c == '[' {
            in_bracket = true;
        } else if c == '!' || c == ':' {
            break;
        }
        k += 1;
    }
    let name: String = cs[..k].iter().collect();
    let mut conv = None;
    let mut spec = String::new();
    if k < cs.len() && cs[k] == '!' {
        if k + 1 >= cs.len() {
            return Err(value_error("unmatched '{' in format spec"));
        }
        conv = Some(cs[k + 1]);
        k += 2;
        if k < cs.len() {
            if cs[k] != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
    }
    if k < cs.len() && cs[k] == ':' {
        spec = cs[k + 1..].iter().collect();
    }
    let obj = lookup_field(vm, &name, args, num)?;
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
    let spec = if spec.contains('{') { render(vm, &spec, args, depth - 1, num)? } else { spec };
    format_value(vm, &obj, &spec)
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
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '.' => {
                let st = i + 1;
                let mut e = st;
                while e < rest.len() && rest[e] != '.' && rest[e] != '[' {
                    e += 1;
                }
                let attr: String = rest[st..e].iter().collect();
                if attr.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                obj = vm.getattr_str(&obj, &attr)?;
                i = e;
            }
            '[' => {
                let st = i + 1;
                let Some(off) = rest[st..].iter().position(|&c| c == ']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key: String = rest[st..st + off].iter().collect();
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let kv = match key.parse::<i64>() {
                    Ok(n) if key.bytes().all(|b| b.is_ascii_digit()) => new_int(n),
                    _ => new_str(key),
                };
                obj = vm.getitem(&obj, &kv)?;
                i = st + off + 1;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
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

#[allow(dead_code)]
fn _unused(e: PyErr) -> PyErr {
    e
}
