//! The `_string` module under CPython's `string.py` (`string.Formatter`):
//! `formatter_parser` splits a format string into (literal, field name, format spec,
//! conversion) tuples and `formatter_field_name_split` a field name into its first part
//! and (is attribute, key) steps, both with unicode_format.h's rules and messages.

use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, py_bool};
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_string", init_string);
}

fn text(c: &[char]) -> Value {
    new_str(c.iter().collect::<String>())
}

/// One field after its `{`: (name, format spec, conversion); `pos` ends after its `}`.
fn parse_field(s: &[char], pos: &mut usize) -> PyResult<(Vec<char>, Vec<char>, Option<char>)> {
    let start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name = s[start..pos.saturating_sub(1).max(start)].to_vec();
    if c == '!' || c == ':' {
        let mut conversion = None;
        if c == '!' {
            if *pos >= s.len() {
                return Err(value_error("end of string while looking for conversion specifier"));
            }
            conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok((name, Vec::new(), conversion));
                }
                if c2 != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut depth = 1;
        while *pos < s.len() {
            let c3 = s[*pos];
            *pos += 1;
            match c3 {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok((name, s[spec_start..*pos - 1].to_vec(), conversion));
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok((name, Vec::new(), None))
}

/// `formatter_parser(str)`: the list of the format string's pieces, as an iterator.
fn formatter_parser(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("formatter_parser")?;
    let s: Vec<char> = v
        .as_str()
        .ok_or_else(|| type_error(format!("expected str, got {}", crate::vm::protocol::type_name(v))))?
        .chars()
        .collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < s.len() {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut len = pos - start;
        if c == '}' && markup && (at_end || s[pos] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup {
            if s[pos] == c {
                // A doubled brace: literal text that keeps one of them.
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = text(&s[start..start + len]);
        if !markup {
            out.push(new_tuple(vec![literal, none(), none(), none()]));
            continue;
        }
        let (name, spec, conv) = parse_field(&s, &mut pos)?;
        let conv = conv.map(|c| new_str(c.to_string())).unwrap_or_else(none);
        out.push(new_tuple(vec![literal, text(&name), text(&spec), conv]));
    }
    vm.iter(&new_list(out))
}

/// A run of decimal digits as an int (CPython's get_integer), else None.
fn integer(s: &[char]) -> PyResult<Option<Value>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let t: String = s.iter().collect();
    t.parse::<i64>().map(|n| Some(new_int(n))).map_err(|_| value_error("Too many decimal digits in format string"))
}

/// `formatter_field_name_split(name)` → (first, iterator of (is_attr, key)).
fn field_name_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("formatter_field_name_split")?;
    let s: Vec<char> = v
        .as_str()
        .ok_or_else(|| type_error(format!("expected str, got {}", crate::vm::protocol::type_name(v))))?
        .chars()
        .collect();
    let mut pos = 0;
    while pos < s.len() && s[pos] != '.' && s[pos] != '[' {
        pos += 1;
    }
    let first = match integer(&s[..pos])? {
        Some(n) => n,
        None => text(&s[..pos]),
    };
    let mut rest = Vec::new();
    while pos < s.len() {
        let c = s[pos];
        pos += 1;
        let (is_attr, name) = match c {
            '.' => {
                let st = pos;
                while pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    pos += 1;
                }
                (true, &s[st..pos])
            }
            '[' => {
                let st = pos;
                while pos < s.len() && s[pos] != ']' {
                    pos += 1;
                }
                if pos >= s.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                let name = &s[st..pos];
                pos += 1;
                if pos < s.len() && s[pos] != '.' && s[pos] != '[' {
                    return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
                (false, name)
            }
            _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
        };
        if name.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        let key = if is_attr { text(name) } else { integer(name)?.unwrap_or_else(|| text(name)) };
        rest.push(new_tuple(vec![py_bool(is_attr), key]));
    }
    let it = vm.iter(&new_list(rest))?;
    Ok(new_tuple(vec![first, it]))
}

/// `import _string`.
pub fn init_string(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_string");
    let d = module_dict(&m);
    add_function(&d, "_string", "formatter_parser", formatter_parser);
    add_function(&d, "_string", "formatter_field_name_split", field_name_split);
    Ok(m)
}
