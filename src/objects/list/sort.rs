//! Stable sorting for `list.sort` and `sorted`: a merge sort over `<` that stops at the
//! first comparison error (user `__lt__` may raise or be inconsistent; we never panic).

use crate::objects::list::PyList;
use crate::objects::none;
use crate::objects::sequtil::{lt, this};
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

/// Sorts `keys`' positions stably by `<` on the keys.
fn merge_sort(vm: &mut Vm, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut idx: Vec<usize> = (0..n).collect();
    const RUN: usize = 32;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = idx[i];
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if lt(vm, &keys[x], &keys[idx[mid]])? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            idx.copy_within(lo..i, lo + 1);
            idx[lo] = x;
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf = vec![0usize; n];
    while width < n {
        let mut s = 0;
        while s < n {
            let mid = (s + width).min(n);
            let end = (s + 2 * width).min(n);
            let (mut i, mut j, mut k) = (s, mid, s);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: keeps the sort stable.
                if lt(vm, &keys[idx[j]], &keys[idx[i]])? {
                    buf[k] = idx[j];
                    j += 1;
                } else {
                    buf[k] = idx[i];
                    i += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&idx[i..mid]);
            k += mid - i;
            buf[k..k + (end - j)].copy_from_slice(&idx[j..end]);
            s = end;
        }
        std::mem::swap(&mut idx, &mut buf);
        width *= 2;
    }
    Ok(idx)
}

/// Sorts `items` (by `key(item)` when given), stably; `reverse` keeps equal items in their
/// original order, as CPython does. On error `items` is left as a permutation of its input.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    if items.len() < 2 {
        if let (Some(k), Some(x)) = (key, items.first()) {
            vm.call_pos(k, std::slice::from_ref(x))?;
        }
        return Ok(());
    }
    if reverse {
        items.reverse();
    }
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                match vm.call_pos(k, std::slice::from_ref(x)) {
                    Ok(v) => ks.push(v),
                    Err(e) => {
                        if reverse {
                            items.reverse();
                        }
                        return Err(e);
                    }
                }
            }
            ks
        }
        None => items.clone(),
    };
    let result = if keys.iter().all(|k| k.is_small()) {
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        idx.sort_by_key(|&i| keys[i].as_small().unwrap_or(0));
        Ok(idx)
    } else if keys.iter().all(|k| k.kind() == Kind::Str) {
        let mut idx: Vec<usize> = (0..keys.len()).collect();
        idx.sort_by(|&a, &b| keys[a].as_str().unwrap_or("").cmp(keys[b].as_str().unwrap_or("")));
        Ok(idx)
    } else {
        merge_sort(vm, &keys)
    };
    match result {
        Ok(idx) => {
            let old = std::mem::take(items);
            let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
            items.extend(idx.into_iter().filter_map(|i| slots[i].take()));
            if reverse {
                items.reverse();
            }
            Ok(())
        }
        Err(e) => {
            if reverse {
                items.reverse();
            }
            Err(e)
        }
    }
}

/// The `key=` and `reverse=` keyword arguments of `sort`/`sorted`.
pub fn sort_kwargs(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (k, v) in args.kwargs() {
        match k {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "reverse" => {
                reverse = match crate::objects::sequtil::index_clamped(vm, v)? {
                    Some(i) => i != 0,
                    None if v.kind() == Kind::Float => {
                        return Err(type_error("'float' object cannot be interpreted as an integer"));
                    }
                    None => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(v)
                        )));
                    }
                }
            }
            _ => return Err(type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    Ok((key, reverse))
}

/// `list.sort(*, key=None, reverse=False)`.
pub fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, l) = this::<PyList>(&args, "sort", "list")?;
    if args.pos().len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_kwargs(vm, &args, "sort")?;
    // While sorting, the list looks empty (as in CPython), so mutation can be detected.
    let mut items = std::mem::take(&mut *l.0.borrow_mut());
    let r = sort_values(vm, &mut items, key.as_ref(), reverse);
    let modified = !l.0.borrow().is_empty();
    let old = std::mem::replace(&mut *l.0.borrow_mut(), items);
    drop(old);
    r?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(none())
}
