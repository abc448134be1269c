//! Named methods shared by `bytes` and `bytearray` (results keep the receiver's type).

use super::{bself, bytes_data, make_like, new_bytes};
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::sequtil::{margs, opt_range, to_size};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{py_bool, types};
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_classmethod, add_method};
use crate::vm::{Args, PyResult, Vm};

/// First position of `sub` in `hay` at or after `from`.
pub fn find_sub(hay: &[u8], sub: &[u8], from: usize) -> Option<usize> {
    if sub.is_empty() {
        return if from <= hay.len() { Some(from) } else { None };
    }
    if sub.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - sub.len()).find(|&i| &hay[i..i + sub.len()] == sub)
}

fn rfind_sub(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - sub.len()).rev().find(|&i| &hay[i..i + sub.len()] == sub)
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
fn barg(v: &Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(type_error(format!("a bytes-like object is required, not '{}'", type_name(v)))),
    }
}

/// The sub argument of find/count/index: bytes-like or an int in range(256).
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_data(v) {
        return Ok(b.into_owned());
    }
    if crate::objects::sequtil::is_int(v) {
        return Ok(vec![super::byte_value(vm, v)?]);
    }
    Err(type_error(format!("argument should be integer or bytes-like object, not '{}'", type_name(v))))
}

fn find_impl(vm: &mut Vm, args: &Args<'_>, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    let (_, b) = bself(args, fname)?;
    let a = margs(args, fname, 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (lo, hi) = opt_range(vm, a.get(1), a.get(2), b.len())?;
    if lo > hi {
        return Ok(None);
    }
    let hay = &b[lo..hi];
    let r = if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub, 0) };
    Ok(r.map(|p| p + lo))
}

fn m_find(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(find_impl(vm, &args, "find", false)?.map_or(-1, |i| i as i64)))
}
fn m_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(find_impl(vm, &args, "rfind", true)?.map_or(-1, |i| i as i64)))
}
fn m_index(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, &args, "index", false)?.map(|i| new_int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}
fn m_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    find_impl(vm, &args, "rindex", true)?.map(|i| new_int(i as i64)).ok_or_else(|| value_error("subsection not found"))
}

fn m_count(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "count")?;
    let a = margs(&args, "count", 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (lo, hi) = opt_range(vm, a.get(1), a.get(2), b.len())?;
    if lo > hi {
        return Ok(new_int(0));
    }
    let hay = &b[lo..hi];
    if sub.is_empty() {
        return Ok(new_int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_sub(hay, &sub, i) {
        n += 1;
        i = p + sub.len();
    }
    Ok(new_int(n))
}

fn starts_ends(vm: &mut Vm, args: Args<'_>, fname: &str, ends: bool) -> PyResult {
    let (_, b) = bself(&args, fname)?;
    let a = margs(&args, fname, 1, 3)?;
    let (lo, hi) = opt_range(vm, a.get(1), a.get(2), b.len())?;
    if lo > hi {
        return Ok(py_bool(false));
    }
    let hay = &b[lo..hi];
    let test = |p: &[u8]| if ends { hay.ends_with(p) } else { hay.starts_with(p) };
    if let Some(t) = a[0].as_tuple() {
        for x in t {
            if test(&barg(x)?) {
                return Ok(py_bool(true));
            }
        }
        return Ok(py_bool(false));
    }
    match bytes_data(&a[0]) {
        Some(p) => Ok(py_bool(test(&p))),
        None => {
            Err(type_error(format!("{fname} first arg must be bytes or a tuple of bytes, not {}", type_name(&a[0]))))
        }
    }
}
fn m_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    starts_ends(vm, args, "startswith", false)
}
fn m_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult {
    starts_ends(vm, args, "endswith", true)
}

fn m_join(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, sep) = bself(&args, "join")?;
    let a = margs(&args, "join", 1, 1)?;
    let items = vm.to_vec(&a[0])?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_data(x) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(x)
                )));
            }
        }
    }
    Ok(make_like(s, out))
}

fn split_common(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(Value, Vec<u8>, Option<Vec<u8>>, i64)> {
    let (s, b) = bself(args, fname)?;
    let p = crate::objects::sequtil::mbind(args, fname, &["sep", "maxsplit"], 0)?;
    let sep = match &p[0] {
        Some(v) if !v.is_none() => {
            let sb = barg(v)?;
            if sb.is_empty() {
                return Err(value_error("empty separator"));
            }
            Some(sb)
        }
        _ => None,
    };
    let max = match &p[1] {
        Some(v) => to_size(vm, v)?,
        None => -1,
    };
    Ok((s.clone(), b, sep, max))
}

fn m_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b, sep, max) = split_common(vm, &args, "split")?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut i = 0;
            while out.len() < max {
                match find_sub(&b, &sep, i) {
                    Some(p) => {
                        out.push(b[i..p].to_vec());
                        i = p + sep.len();
                    }
                    None => break,
                }
            }
            out.push(b[i..].to_vec());
        }
        None => {
            let mut i = 0;
            while i < b.len() && is_ws(b[i]) {
                i += 1;
            }
            while i < b.len() {
                if out.len() >= max {
                    out.push(b[i..].to_vec());
                    break;
                }
                let st = i;
                while i < b.len() && !is_ws(b[i]) {
                    i += 1;
                }
                out.push(b[st..i].to_vec());
                while i < b.len() && is_ws(b[i]) {
                    i += 1;
                }
            }
        }
    }
    Ok(new_list(out.into_iter().map(|x| make_like(&s, x)).collect()))
}

fn m_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b, sep, max) = split_common(vm, &args, "rsplit")?;
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut out: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            while out.len() < max {
                match rfind_sub(&b[..end], &sep) {
                    Some(p) => {
                        out.push(b[p + sep.len()..end].to_vec());
                        end = p;
                    }
                    None => break,
                }
            }
            out.push(b[..end].to_vec());
        }
        None => {
            let mut end = b.len();
            while end > 0 && is_ws(b[end - 1]) {
                end -= 1;
            }
            while end > 0 {
                if out.len() >= max {
                    out.push(b[..end].to_vec());
                    break;
                }
                let e = end;
                while end > 0 && !is_ws(b[end - 1]) {
                    end -= 1;
                }
                out.push(b[end..e].to_vec());
                while end > 0 && is_ws(b[end - 1]) {
                    end -= 1;
                }
            }
        }
    }
    out.reverse();
    Ok(new_list(out.into_iter().map(|x| make_like(&s, x)).collect()))
}

fn strip_impl(args: Args<'_>, fname: &str, left: bool, right: bool) -> PyResult {
    let (s, b) = bself(&args, fname)?;
    let a = margs(&args, fname, 0, 1)?;
    let chars: Option<Vec<u8>> = match a.first() {
        Some(v) if !v.is_none() => Some(barg(v)?),
        _ => None,
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_ws(c),
    };
    let (mut lo, mut hi) = (0, b.len());
    if left {
        while lo < hi && strip(b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(make_like(s, b[lo..hi].to_vec()))
}
fn m_strip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "strip", true, true)
}
fn m_lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "lstrip", true, false)
}
fn m_rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    strip_impl(args, "rstrip", false, true)
}

fn m_replace(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "replace")?;
    let a = margs(&args, "replace", 2, 3)?;
    let old = barg(&a[0])?;
    let new = barg(&a[1])?;
    let count = match a.get(2) {
        Some(v) => to_size(vm, v)?,
        None => -1,
    };
    let max = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(b.len());
    let mut n = 0;
    if old.is_empty() {
        for &c in &b {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(make_like(s, out));
    }
    let mut i = 0;
    while n < max {
        match find_sub(&b, &old, i) {
            Some(p) => {
                out.extend_from_slice(&b[i..p]);
                out.extend_from_slice(&new);
                i = p + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(make_like(s, out))
}

fn map_bytes(args: Args<'_>, fname: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    let (s, b) = bself(&args, fname)?;
    margs(&args, fname, 0, 0)?;
    Ok(make_like(s, f(&b)))
}
fn m_upper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(args, "upper", |b| b.to_ascii_uppercase())
}
fn m_lower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(args, "lower", |b| b.to_ascii_lowercase())
}
fn m_swapcase(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(args, "swapcase", |b| {
        b.iter()
            .map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
            .collect()
    })
}
fn m_capitalize(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
            .collect()
    })
}
fn m_title(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    map_bytes(args, "title", |b| {
        let mut prev = false;
        b.iter()
            .map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(args: Args<'_>, fname: &str, f: fn(u8) -> bool) -> PyResult {
    let (_, b) = bself(&args, fname)?;
    margs(&args, fname, 0, 0)?;
    Ok(py_bool(!b.is_empty() && b.iter().all(|&c| f(c))))
}
fn m_isdigit(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isdigit", |c| c.is_ascii_digit())
}
fn m_isalpha(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isalpha", |c| c.is_ascii_alphabetic())
}
fn m_isalnum(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isalnum", |c| c.is_ascii_alphanumeric())
}
fn m_isspace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    pred(args, "isspace", is_ws)
}
fn m_isascii(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "isascii")?;
    Ok(py_bool(b.is_ascii()))
}
fn m_islower(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "islower")?;
    Ok(py_bool(b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())))
}
fn m_isupper(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "isupper")?;
    Ok(py_bool(b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())))
}

fn partition_impl(args: Args<'_>, fname: &str, rev: bool) -> PyResult {
    let (s, b) = bself(&args, fname)?;
    let a = margs(&args, fname, 1, 1)?;
    let sep = barg(&a[0])?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if rev { rfind_sub(&b, &sep) } else { find_sub(&b, &sep, 0) };
    let mk = |x: &[u8]| make_like(s, x.to_vec());
    Ok(match found {
        Some(p) => new_tuple(vec![mk(&b[..p]), mk(&sep), mk(&b[p + sep.len()..])]),
        None if rev => new_tuple(vec![mk(b""), mk(b""), mk(&b)]),
        None => new_tuple(vec![mk(&b), mk(b""), mk(b"")]),
    })
}
fn m_partition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "partition", false)
}
fn m_rpartition(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    partition_impl(args, "rpartition", true)
}

fn m_removeprefix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "removeprefix")?;
    let a = margs(&args, "removeprefix", 1, 1)?;
    let p = barg(&a[0])?;
    Ok(make_like(s, b.strip_prefix(&p[..]).unwrap_or(&b).to_vec()))
}
fn m_removesuffix(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "removesuffix")?;
    let a = margs(&args, "removesuffix", 1, 1)?;
    let p = barg(&a[0])?;
    Ok(make_like(s, b.strip_suffix(&p[..]).unwrap_or(&b).to_vec()))
}

fn m_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "splitlines")?;
    let p = crate::objects::sequtil::mbind(&args, "splitlines", &["keepends"], 0)?;
    let keep = match &p[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut st = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut e = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                e += 1;
            }
            out.push(make_like(&s.clone(), b[st..if keep { e } else { i }].to_vec()));
            st = e;
            i = e;
        } else {
            i += 1;
        }
    }
    if st < b.len() {
        out.push(make_like(s, b[st..].to_vec()));
    }
    Ok(new_list(out))
}

fn justify(vm: &mut Vm, args: Args<'_>, fname: &str, how: char) -> PyResult {
    let (s, b) = bself(&args, fname)?;
    let a = margs(&args, fname, 1, 2)?;
    let width = to_size(vm, &a[0])?;
    let fill = match a.get(1) {
        Some(f) => match bytes_data(f) {
            Some(fb) if fb.len() == 1 => fb[0],
            _ => {
                return Err(type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {}",
                    type_name(f)
                )));
            }
        },
        None => b' ',
    };
    let n = b.len() as i64;
    if width <= n {
        return Ok(make_like(s, b));
    }
    crate::objects::sequtil::check_alloc(width as u128)?;
    let marg = (width - n) as usize;
    let (l, r) = match how {
        'l' => (0, marg),
        'r' => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            (left, marg - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(make_like(s, out))
}
fn m_center(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "center", 'c')
}
fn m_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "ljust", 'l')
}
fn m_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult {
    justify(vm, args, "rjust", 'r')
}
fn m_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "zfill")?;
    let a = margs(&args, "zfill", 1, 1)?;
    let width = to_size(vm, &a[0])?;
    if width <= b.len() as i64 {
        return Ok(make_like(s, b));
    }
    crate::objects::sequtil::check_alloc(width as u128)?;
    let fill = width as usize - b.len();
    let (sign, rest) = match b.first() {
        Some(&c @ (b'+' | b'-')) => (Some(c), &b[1..]),
        _ => (None, &b[..]),
    };
    let mut out = Vec::new();
    out.extend(sign);
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(rest);
    Ok(make_like(s, out))
}

fn m_hex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "hex")?;
    let p = crate::objects::sequtil::mbind(&args, "hex", &["sep", "bytes_per_sep"], 0)?;
    let sep: Option<String> = match &p[0] {
        Some(v) => Some(match v.as_str() {
            Some(s) => s.to_owned(),
            None => barg(v)?.iter().map(|&c| c as char).collect(),
        }),
        None => None,
    };
    let per = match &p[1] {
        Some(v) => to_size(vm, v)?,
        None => 1,
    };
    let hexes: Vec<String> = b.iter().map(|c| format!("{c:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && b.len() > 1) else { return Ok(new_str(hexes.concat())) };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    let k = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups are counted from the right.
        let first = b.len() % k;
        if first > 0 {
            groups.push(hexes[..first].concat());
        }
        for c in hexes[first..].chunks(k) {
            groups.push(c.concat());
        }
    } else {
        for c in hexes.chunks(k) {
            groups.push(c.concat());
        }
    }
    Ok(new_str(groups.join(&sep)))
}

fn m_fromhex(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = margs(&args, "fromhex", 1, 1)?;
    let s =
        a[0].as_str().ok_or_else(|| type_error(format!("fromhex() argument must be str, not {}", type_name(&a[0]))))?;
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] == ' ' || cs[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = cs[i].to_digit(16);
        let lo = cs.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if i + 1 >= cs.len() => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )));
            }
            (Some(_), None) => {
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )));
            }
            _ => {
                return Err(value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")));
            }
        }
        i += 2;
    }
    let cls = args.pos().first().cloned().unwrap_or_else(|| types().bytes.clone());
    if cls.is(&types().bytearray) {
        return Ok(super::new_bytearray(out));
    }
    Ok(new_bytes(out))
}

fn m_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "expandtabs")?;
    let p = crate::objects::sequtil::mbind(&args, "expandtabs", &["tabsize"], 0)?;
    let tab = match &p[0] {
        Some(v) => to_size(vm, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut col: i64 = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    crate::objects::sequtil::check_alloc((out.len() as u128) + n as u128)?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make_like(s, out))
}

fn m_translate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, b) = bself(&args, "translate")?;
    let a = margs(&args, "translate", 1, 2)?;
    let table: Option<Vec<u8>> = if a[0].is_none() {
        None
    } else {
        let t = barg(&a[0])?;
        if t.len() != 256 {
            return Err(value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match a.get(1) {
        Some(d) => barg(d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> =
        b.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map_or(c, |t| t[c as usize])).collect();
    Ok(make_like(s, out))
}

fn m_maketrans(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let p = if p.len() == 3 { &p[1..] } else { p };
    if p.len() != 2 {
        return Err(crate::vm::args::arg_count_error("maketrans", 2, 2, p.len()));
    }
    let (from, to) = (barg(&p[0])?, barg(&p[1])?);
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (a, b) in from.iter().zip(to.iter()) {
        t[*a as usize] = *b;
    }
    Ok(new_bytes(t))
}

fn m_istitle(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, b) = bself(&args, "istitle")?;
    let mut cased = false;
    let mut prev = false;
    for &c in &b {
        if c.is_ascii_uppercase() {
            if prev {
                return Ok(py_bool(false));
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return Ok(py_bool(false));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(py_bool(cased))
}

/// Registers the shared methods on `bytes` or `bytearray`.
pub fn init(t: &Value) {
    add_method(t, "find", m_find);
    add_method(t, "rfind", m_rfind);
    add_method(t, "index", m_index);
    add_method(t, "rindex", m_rindex);
    add_method(t, "count", m_count);
    add_method(t, "startswith", m_startswith);
    add_method(t, "endswith", m_endswith);
    add_method(t, "join", m_join);
    add_method(t, "split", m_split);
    add_method(t, "rsplit", m_rsplit);
    add_method(t, "strip", m_strip);
    add_method(t, "lstrip", m_lstrip);
    add_method(t, "rstrip", m_rstrip);
    add_method(t, "replace", m_replace);
    add_method(t, "upper", m_upper);
    add_method(t, "lower", m_lower);
    add_method(t, "swapcase", m_swapcase);
    add_method(t, "capitalize", m_capitalize);
    add_method(t, "title", m_title);
    add_method(t, "isdigit", m_isdigit);
    add_method(t, "isalpha", m_isalpha);
    add_method(t, "isalnum", m_isalnum);
    add_method(t, "isspace", m_isspace);
    add_method(t, "isascii", m_isascii);
    add_method(t, "islower", m_islower);
    add_method(t, "isupper", m_isupper);
    add_method(t, "partition", m_partition);
    add_method(t, "rpartition", m_rpartition);
    add_method(t, "removeprefix", m_removeprefix);
    add_method(t, "removesuffix", m_removesuffix);
    add_method(t, "splitlines", m_splitlines);
    add_method(t, "center", m_center);
    add_method(t, "ljust", m_ljust);
    add_method(t, "rjust", m_rjust);
    add_method(t, "zfill", m_zfill);
    add_method(t, "hex", m_hex);
    add_classmethod(t, "fromhex", m_fromhex);
    add_method(t, "expandtabs", m_expandtabs);
    add_method(t, "translate", m_translate);
    add_method(t, "istitle", m_istitle);
    crate::vm::startup::add_staticmethod(t, "maketrans", m_maketrans);
}
