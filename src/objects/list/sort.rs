//! Stable sorting for `list.sort` and `sorted`: a merge sort over `<` that stops at the
//! first comparison error (user `__lt__` may raise or be inconsistent; we never panic).

use crate::objects::list::PyList;
use crate::objects::none;
use crate::objects::sequtil::{lt, this};
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

/// CPython's count_run: the length of the run starting at `lo` (strictly descending runs
/// are reported so they can be reversed in place).
pub(super) fn count_run(vm: &mut Vm, keys: &[Value], idx: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
    if lo + 1 == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(vm, &keys[idx[lo + 1]], &keys[idx[lo]])? {
        let mut i = lo + 2;
        while i < hi && lt(vm, &keys[idx[i]], &keys[idx[i - 1]])? {
            i += 1;
            n += 1;
        }
        Ok((n, true))
    } else {
        let mut i = lo + 2;
        while i < hi && !lt(vm, &keys[idx[i]], &keys[idx[i - 1]])? {
            i += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// CPython's binarysort: extends the sorted prefix `[lo, start)` to `[lo, hi)`.
pub(super) fn binarysort(
    vm: &mut Vm,
    keys: &[Value],
    idx: &mut [usize],
    lo: usize,
    hi: usize,
    mut start: usize,
) -> PyResult<()> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let pivot = idx[start];
        let (mut l, mut r) = (lo, start);
        loop {
            let p = l + ((r - l) >> 1);
            if lt(vm, &keys[pivot], &keys[idx[p]])? {
                r = p;
            } else {
                l = p + 1;
            }
            if l >= r {
                break;
            }
        }
        idx.copy_within(l..start, l + 1);
        idx[l] = pivot;
        start += 1;
    }
    Ok(())
}

pub(super) fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
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
    let mut idx: Vec<usize> = (0..keys.len()).collect();
    let result = if keys.iter().all(|k| k.is_small()) {
        idx.sort_by_key(|&i| keys[i].as_small().unwrap_or(0));
        Ok(())
    } else if keys.iter().all(|k| k.kind() == Kind::Str) {
        idx.sort_by(|&a, &b| keys[a].as_str().unwrap_or("").cmp(keys[b].as_str().unwrap_or("")));
        Ok(())
    } else {
        super::timsort::merge_sort(vm, &keys, &mut idx)
    };
    // On a comparison error the partial order stays, as in CPython.
    let old = std::mem::take(items);
    let mut slots: Vec<Option<Value>> = old.into_iter().map(Some).collect();
    items.extend(idx.into_iter().filter_map(|i| slots[i].take()));
    if reverse {
        items.reverse();
    }
    result
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
