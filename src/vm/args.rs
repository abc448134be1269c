//! The native calling convention: `NativeFn(vm, Args)`, with helpers to unpack arguments
//! and produce CPython's argument-count error messages.

use crate::values::Value;
use crate::vm::errors::type_error;
use crate::vm::{PyResult, Vm};

/// A function implemented in Rust. Methods receive `self` as the first positional argument.
pub type NativeFn = fn(&mut Vm, Args<'_>) -> PyResult;

/// Arguments with `self` or `cls` put in front, built on the stack for the usual few.
pub type ArgVec = smallvec::SmallVec<[Value; 6]>;

/// Arguments as the interpreter laid them out (vectorcall style): `values` holds the
/// positional arguments followed by the keyword arguments' values; `kwnames` names the
/// last `kwnames.len()` values.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub values: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(values: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        debug_assert!(kwnames.len() <= values.len());
        Args { values, kwnames }
    }
    pub fn positional_only(values: &'a [Value]) -> Args<'a> {
        Args { values, kwnames: &[] }
    }
    /// Positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.kwnames.len()]
    }
    /// Keyword arguments as (name, value).
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let n = self.values.len() - self.kwnames.len();
        let names = self.kwnames;
        let vals = &self.values[n..];
        names.iter().zip(vals.iter()).map(|(k, v)| (k.as_str().unwrap_or(""), v))
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// A keyword argument by name.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
    /// Fails with CPython's message if keyword arguments were given.
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if self.has_kwargs() {
            return Err(type_error(format!("{fname}() takes no keyword arguments")));
        }
        Ok(())
    }
    /// Exactly `N` positional arguments and no keywords.
    pub fn exact<const N: usize>(&self, fname: &str) -> PyResult<&'a [Value; N]> {
        self.no_kwargs(fname)?;
        let p = self.pos();
        match <&[Value; N]>::try_from(p) {
            Ok(a) => Ok(a),
            Err(_) => Err(arg_count_error(fname, N, N, p.len())),
        }
    }
    /// Between `min` and `max` positional arguments and no keywords.
    pub fn range(&self, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        self.no_kwargs(fname)?;
        let p = self.pos();
        if p.len() < min || p.len() > max {
            return Err(arg_count_error(fname, min, max, p.len()));
        }
        Ok(p)
    }
    /// Binds positional and keyword arguments to `names`; the first `required` are
    /// mandatory. Returns one slot per name.
    pub fn bind(&self, fname: &str, names: &[&str], required: usize) -> PyResult<Vec<Option<Value>>> {
        let p = self.pos();
        if p.len() > names.len() {
            return Err(arg_count_error(fname, required, names.len(), p.len()));
        }
        let mut out: Vec<Option<Value>> = p.iter().cloned().map(Some).collect();
        out.resize(names.len(), None);
        for (k, v) in self.kwargs() {
            match names.iter().position(|n| *n == k) {
                Some(i) => {
                    if out[i].is_some() {
                        return Err(type_error(format!(
                            "argument for {fname}() given by name ('{k}') and position ({})",
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                None => return Err(type_error(format!("{fname}() got an unexpected keyword argument '{k}'"))),
            }
        }
        for (i, slot) in out.iter().enumerate().take(required) {
            if slot.is_none() {
                return Err(type_error(format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
            }
        }
        Ok(out)
    }
}

/// CPython's message for a wrong positional count of a builtin.
pub fn arg_count_error(fname: &str, min: usize, max: usize, got: usize) -> crate::vm::PyErr {
    let msg = if min == max {
        match min {
            0 => format!("{fname}() takes no arguments ({got} given)"),
            1 => format!("{fname}() takes exactly one argument ({got} given)"),
            n => format!("{fname} expected {n} arguments, got {got}"),
        }
    } else if got < min {
        format!("{fname} expected at least {min} argument{}, got {got}", if min == 1 { "" } else { "s" })
    } else {
        format!("{fname} expected at most {max} argument{}, got {got}", if max == 1 { "" } else { "s" })
    };
    type_error(msg)
}
