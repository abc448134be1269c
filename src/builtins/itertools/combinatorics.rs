//! The combinatoric iterators of `itertools`: `product`, `permutations`, `combinations`
//! and `combinations_with_replacement`, over a tuple of the input's items and a vector
//! of indices, in the lexicographic order of CPython's algorithms (the ones the
//! itertools documentation gives as Python).

use crate::objects::iter::NativeIter;
use crate::objects::none;
use crate::objects::sequtil::new_cls;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{type_error, value_error};
use crate::vm::{Args, PyResult, Vm};

use super::{bind_kw, classes, make, rest, ssize};

// ---- product ----

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    done: bool,
}
impl NativeIter for Product {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        if self.done {
            return Some(None);
        }
        if !self.started {
            self.started = true;
            if self.pools.iter().any(|p| p.is_empty()) {
                self.done = true;
                return Some(None);
            }
        } else {
            // Advance the rightmost index that can move; reset those after it.
            let mut i = self.pools.len();
            loop {
                if i == 0 {
                    self.done = true;
                    return Some(None);
                }
                i -= 1;
                self.indices[i] += 1;
                if self.indices[i] < self.pools[i].len() {
                    break;
                }
                self.indices[i] = 0;
            }
        }
        Some(Some(new_tuple(self.indices.iter().zip(&self.pools).map(|(&i, p)| p[i].clone()).collect())))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(visit);
    }
}

pub(super) fn product_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().product)?;
    let mut repeat = 1;
    for (k, v) in args.kwargs() {
        if k != "repeat" {
            return Err(type_error(format!("'{k}' is an invalid keyword argument for product()")));
        }
        repeat = ssize(vm, v)?;
    }
    if repeat < 0 {
        return Err(value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::new();
    for a in rest(&args) {
        base.push(vm.to_vec(a)?);
    }
    if repeat > 0 && base.len().checked_mul(repeat as usize).is_none() {
        return Err(crate::vm::errors::overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(base.len() * repeat as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let indices = vec![0; pools.len()];
    Ok(make(cls, &classes().product, Box::new(Product { pools, indices, started: false, done: false })))
}

// ---- permutations ----

struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}
impl NativeIter for Permutations {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        let n = self.pool.len();
        if self.done {
            return Some(None);
        }
        if !self.started {
            self.started = true;
            if self.r > n {
                self.done = true;
                return Some(None);
            }
        } else {
            if n == 0 {
                self.done = true;
                return Some(None);
            }
            let mut i = self.r;
            loop {
                if i == 0 {
                    self.done = true;
                    return Some(None);
                }
                i -= 1;
                self.cycles[i] -= 1;
                if self.cycles[i] == 0 {
                    // Rotate indices[i:] left by one.
                    self.indices[i..].rotate_left(1);
                    self.cycles[i] = n - i;
                } else {
                    let j = self.cycles[i];
                    self.indices.swap(i, n - j);
                    break;
                }
            }
        }
        Some(Some(new_tuple(self.indices[..self.r].iter().map(|&i| self.pool[i].clone()).collect())))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(visit);
    }
}

pub(super) fn permutations_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().permutations)?;
    let b = bind_kw(&args, "permutations", &["iterable", "r"], 1)?;
    let pool = vm.to_vec(b[0].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let r = match &b[1] {
        Some(r) if !r.is_none() => {
            if !crate::objects::sequtil::is_int(r) {
                return Err(type_error("Expected int as r"));
            }
            let r = ssize(vm, r)?;
            if r < 0 {
                return Err(value_error("r must be non-negative"));
            }
            r as usize
        }
        _ => n,
    };
    let indices = (0..n).collect();
    let cycles = (0..r.min(n)).map(|i| n - i).collect();
    Ok(make(
        cls,
        &classes().permutations,
        Box::new(Permutations { pool, r, indices, cycles, started: false, done: false }),
    ))
}

// ---- combinations and combinations_with_replacement ----

struct Combinations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    /// With replacement: indices may repeat (non-decreasing instead of increasing).
    replace: bool,
    started: bool,
    done: bool,
}
impl NativeIter for Combinations {
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        Ok(self.next_native().flatten())
    }
    fn next_native(&mut self) -> Option<Option<Value>> {
        let n = self.pool.len();
        let r = self.indices.len();
        if self.done {
            return Some(None);
        }
        if !self.started {
            self.started = true;
        } else {
            // The rightmost index that is not at its maximum.
            let max_at = |i: usize| if self.replace { n - 1 } else { i + n - r };
            let Some(i) = (0..r).rev().find(|&i| self.indices[i] != max_at(i)) else {
                self.done = true;
                return Some(None);
            };
            if self.replace {
                let v = self.indices[i] + 1;
                self.indices[i..].iter_mut().for_each(|x| *x = v);
            } else {
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
            }
        }
        Some(Some(new_tuple(self.indices.iter().map(|&i| self.pool[i].clone()).collect())))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(visit);
    }
}

fn combinations_of(vm: &mut Vm, args: Args<'_>, builtin: &Value, fname: &str, replace: bool) -> PyResult {
    let cls = new_cls(&args, builtin)?;
    let b = bind_kw(&args, fname, &["iterable", "r"], 2)?;
    let pool = vm.to_vec(b[0].as_ref().unwrap_or(&none()))?;
    let r = ssize(vm, b[1].as_ref().unwrap_or(&none()))?;
    if r < 0 {
        return Err(value_error("r must be non-negative"));
    }
    let n = pool.len() as i64;
    // Nothing to choose: no combination at all (not even an empty one).
    let done = if replace { n == 0 && r > 0 } else { r > n };
    let indices = match (done, replace) {
        (true, _) => Vec::new(),
        (false, true) => vec![0; r as usize],
        (false, false) => (0..r as usize).collect(),
    };
    Ok(make(cls, builtin, Box::new(Combinations { pool, indices, replace, started: done, done })))
}

pub(super) fn combinations_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combinations_of(vm, args, &classes().combinations, "combinations", false)
}

pub(super) fn cwr_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    combinations_of(vm, args, &classes().cwr, "combinations_with_replacement", true)
}
