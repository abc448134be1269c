//! Helpers behind the less common instructions: building sets and dicts, unpacking,
//! f-string formatting, `in`, `len`, `with`, the interactive echo and `match` patterns.

use crate::objects::dict::PyDict;
use crate::objects::exception::PyException;
use crate::objects::list::{PyList, new_list};
use crate::objects::set::PySet;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::{none, types};
use crate::values::{Kind, Value, layout};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::{Args, PyResult, Vm};

pub fn new_dict() -> Value {
    layout::alloc(&types().dict, PyDict::new())
}

/// `exc.__traceback__` or None.
pub fn exc_traceback(e: &Value) -> Value {
    e.downcast::<PyException>().and_then(|p| p.traceback.borrow().clone()).unwrap_or_else(none)
}

/// `match` mapping patterns accept dicts (and subclasses).
pub fn is_mapping(v: &Value) -> bool {
    v.downcast::<PyDict>().is_some()
}

/// `match` sequence patterns accept list, tuple, range (not str/bytes/bytearray).
pub fn is_sequence(v: &Value) -> bool {
    v.downcast::<PyList>().is_some()
        || v.downcast::<crate::objects::tuple::PyTuple>().is_some()
        || v.payload::<crate::objects::range::PyRange>().is_some()
}

impl Vm {
    pub(crate) fn build_set(&mut self, items: Vec<Value>) -> PyResult {
        let s = crate::objects::set::new_set();
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(s)
    }

    pub(crate) fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        match s.downcast::<PySet>() {
            Some(p) => p.add(self, v),
            None => self.call_method(s, "add", &[v]).map(|_| ()),
        }
    }

    pub(crate) fn list_extend(&mut self, l: &Value, it: &Value) -> PyResult<()> {
        let items = match self.iter_items(it) {
            Ok(v) => v,
            Err(e) if e.matches(&crate::objects::registry::exc().type_error) && !self.is_iterable(it) => {
                return Err(type_error(format!("Value after * must be an iterable, not {}", type_name(it))));
            }
            Err(e) => return Err(e),
        };
        match l.downcast::<PyList>() {
            Some(p) => p.0.borrow_mut().extend(items),
            None => {
                self.call_method(l, "extend", &[new_list(items)])?;
            }
        }
        Ok(())
    }

    /// The items of an iterable (list/tuple without the iterator protocol).
    pub(crate) fn iter_items(&mut self, it: &Value) -> PyResult<Vec<Value>> {
        match it.kind() {
            Kind::Tuple => Ok(it.as_tuple().map(|t| t.to_vec()).unwrap_or_default()),
            Kind::List => Ok(it.payload::<PyList>().map(|l| l.0.borrow().clone()).unwrap_or_default()),
            _ => self.to_vec(it),
        }
    }

    /// `DictUpdate`/`DictMerge` (`func` given: `**` in a call, duplicates are errors).
    pub(crate) fn dict_update(&mut self, d: &Value, m: &Value, func: Option<Option<Value>>) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match m.payload::<PyDict>() {
            Some(src) => src.items(),
            None => {
                if self.getattr_opt(m, "keys")?.is_none() {
                    return Err(match &func {
                        Some(f) => {
                            let name = match f {
                                Some(f) => super::format_func_name(self, f),
                                None => "function".into(),
                            };
                            type_error(format!("{name} argument after ** must be a mapping, not {}", type_name(m)))
                        }
                        None => type_error(format!("'{}' object is not a mapping", type_name(m))),
                    });
                }
                let keys = self.call_method(m, "keys", &[])?;
                let mut out = Vec::new();
                for k in self.to_vec(&keys)? {
                    let v = self.getitem(m, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        let Some(dd) = d.payload::<PyDict>() else { return Err(type_error("dict expected")) };
        for (k, v) in items {
            if let Some(f) = &func {
                if k.as_str().is_none() {
                    return Err(type_error("keywords must be strings"));
                }
                if dd.contains(self, &k)? {
                    let name = match f {
                        Some(f) => super::format_func_name(self, f),
                        None => "function".into(),
                    };
                    return Err(type_error(format!(
                        "{name} got multiple values for keyword argument '{}'",
                        k.as_str().unwrap_or("")
                    )));
                }
            }
            dd.set(self, k, v)?;
        }
        Ok(())
    }

    /// `UnpackSequence`: exactly `n` items.
    pub(crate) fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq.kind() {
            Kind::Tuple => seq.as_tuple().map(|t| t.to_vec()).unwrap_or_default(),
            Kind::List => seq.payload::<PyList>().map(|l| l.0.borrow().clone()).unwrap_or_default(),
            _ => {
                let it = match self.iter(seq) {
                    Ok(it) => it,
                    Err(e) if e.matches(&crate::objects::registry::exc().type_error) && !self.is_iterable(seq) => {
                        return Err(type_error(format!("cannot unpack non-iterable {} object", type_name(seq))));
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::with_capacity(n);
                while let Some(v) = self.next(&it)? {
                    if out.len() == n {
                        return Err(value_error(format!("too many values to unpack (expected {n})")));
                    }
                    out.push(v);
                }
                out
            }
        };
        if items.len() > n {
            return Err(value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
        }
        Ok(items)
    }

    pub(crate) fn is_iterable(&self, v: &Value) -> bool {
        matches!(v.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Set | Kind::NativeIter)
            || crate::objects::generator::is_plain_generator(v)
            || self.lookup_special(v, "__iter__").is_some()
            || self.lookup_special(v, "__getitem__").is_some()
    }

    /// `UnpackEx`: `before` items, a list of the middle, `after` items.
    pub(crate) fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        let mut items = match self.iter_items(seq) {
            Ok(v) => v,
            Err(e) if e.matches(&crate::objects::registry::exc().type_error) && !self.is_iterable(seq) => {
                return Err(type_error(format!("cannot unpack non-iterable {} object", type_name(seq))));
            }
            Err(e) => return Err(e),
        };
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let mid = items.split_off(before);
        items.push(new_list(mid));
        items.extend(tail);
        Ok(items)
    }

    /// `FormatValue`: conversion (`!s`/`!r`/`!a`) then `format(value, spec)`.
    pub(crate) fn format_value(&mut self, v: Value, conv: u32, spec: Option<Value>) -> PyResult {
        let v = match conv {
            1 => self.str(&v)?,
            2 => self.repr(&v)?,
            3 => {
                let r = self.repr_string(&v)?;
                new_str(ascii_escape(&r))
            }
            _ => v,
        };
        let spec_empty = spec.as_ref().is_none_or(|s| s.as_str() == Some(""));
        if spec_empty && v.kind() == Kind::Str {
            return Ok(v);
        }
        self.op_format(&v, spec.unwrap_or_else(|| new_str("")))
    }

    /// `format(v, spec)`.
    pub fn op_format(&mut self, v: &Value, spec: Value) -> PyResult {
        if let Some(r) = spec.as_str().and_then(|s| crate::objects::str::format::format_builtin(v, s)) {
            return r.map(new_str);
        }
        match self.lookup_special(v, "__format__") {
            Some(f) if !f.is_none() => {
                let r = self.call(&f, Args::positional_only(&[v.clone(), spec]))?;
                if r.as_str().is_none() {
                    return Err(type_error(format!("__format__ must return a str, not {}", type_name(&r))));
                }
                Ok(r)
            }
            _ => {
                if spec.as_str().is_some_and(|s| !s.is_empty()) {
                    return Err(type_error(format!("unsupported format string passed to {}.__format__", type_name(v))));
                }
                self.str(v)
            }
        }
    }

    /// `item in container`.
    pub fn op_contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(d) = container.payload::<PyDict>() {
            return d.contains(self, item);
        }
        if let Some(r) = self.call_special(container, "__contains__", std::slice::from_ref(item))? {
            return self.truthy(&r);
        }
        if !self.is_iterable(container) {
            return Err(type_error(format!("argument of type '{}' is not iterable", type_name(container))));
        }
        let it = self.iter(container)?;
        while let Some(v) = self.next(&it)? {
            if v.is(item) || self.eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `len(v)`.
    pub fn op_len(&mut self, v: &Value) -> PyResult<usize> {
        match self.call_special(v, "__len__", &[])? {
            Some(r) => {
                let n = crate::objects::int::to_i64(&r).ok_or_else(|| {
                    type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&r)))
                })?;
                if n < 0 {
                    return Err(value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
        }
    }

    /// `BeforeWith`: (bound `__exit__`, result of `__enter__()`).
    pub(crate) fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(mgr, "__enter__");
        let exit = self.lookup_special(mgr, "__exit__");
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(type_error(format!(
                "'{}' object does not support the context manager protocol{}",
                type_name(mgr),
                if self.lookup_special(mgr, "__enter__").is_some() { " (missed __exit__ method)" } else { "" }
            )));
        };
        let ty = mgr.type_of().clone();
        let exit_b = self.descr_get(&exit, Some(mgr), &ty)?;
        let r = self.call(&enter, Args::positional_only(std::slice::from_ref(mgr)))?;
        Ok((exit_b, r))
    }

    /// `PrintExpr`: the interactive echo (`sys.displayhook`).
    pub(crate) fn display_hook(&mut self, v: Value) -> PyResult<()> {
        let hook = crate::vm::startup::module_dict(&self.sys.clone())
            .payload::<PyDict>()
            .and_then(|d| d.get_str("displayhook"));
        if let Some(h) = hook {
            self.call(&h, Args::positional_only(&[v]))?;
            return Ok(());
        }
        crate::vm::startup::default_displayhook(self, v)
    }

    /// `MatchKeys`: the values for `keys` in mapping `subj`, or None if any is missing.
    pub(crate) fn match_keys(&mut self, subj: &Value, keys: &Value) -> PyResult {
        let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        let mut out = Vec::with_capacity(keys.len());
        let mut seen: Vec<Value> = Vec::new();
        for k in keys {
            for s in &seen {
                if self.eq(s, &k)? {
                    let r = self.repr_string(&k)?;
                    return Err(value_error(format!("mapping pattern checks duplicate key ({r})")));
                }
            }
            seen.push(k.clone());
            let v = match subj.payload::<PyDict>() {
                Some(d) => d.get(self, &k)?,
                None => {
                    let dummy = self.null.clone();
                    let r = self.call_method(subj, "get", &[k, dummy.clone()])?;
                    if r.is(&dummy) { None } else { Some(r) }
                }
            };
            match v {
                Some(v) => out.push(v),
                None => return Ok(none()),
            }
        }
        Ok(new_tuple(out))
    }

    /// `MatchClass`: the attributes for a class pattern, or None when it does not match.
    pub(crate) fn match_class(&mut self, subj: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult {
        let Some(tp) = cls.as_type() else {
            return Err(type_error("called match pattern must be a class"));
        };
        if !self.isinstance(subj, cls) {
            return Ok(none());
        }
        let cls_name = tp.name.borrow().clone();
        let mut attrs = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if npos > 0 {
            let match_args = self.getattr_opt(cls, "__match_args__")?;
            match match_args {
                Some(ma) => {
                    let Some(t) = ma.as_tuple() else {
                        return Err(type_error(format!(
                            "{cls_name}.__match_args__ must be a tuple (got {})",
                            type_name(&ma)
                        )));
                    };
                    if npos > t.len() {
                        return Err(type_error(format!(
                            "{cls_name}() accepts {} positional sub-pattern{} ({npos} given)",
                            t.len(),
                            if t.len() == 1 { "" } else { "s" }
                        )));
                    }
                    for n in &t[..npos] {
                        let Some(s) = n.as_str() else {
                            return Err(type_error(format!(
                                "__match_args__ elements must be strings (got {})",
                                type_name(n)
                            )));
                        };
                        seen.push(s.to_owned());
                        match self.getattr_opt(subj, s)? {
                            Some(v) => attrs.push(v),
                            None => return Ok(none()),
                        }
                    }
                }
                None if is_match_self(cls) => {
                    if npos > 1 {
                        return Err(type_error(format!(
                            "{cls_name}() accepts 1 positional sub-pattern ({npos} given)"
                        )));
                    }
                    attrs.push(subj.clone());
                }
                None => {
                    return Err(type_error(format!("{cls_name}() accepts 0 positional sub-patterns ({npos} given)")));
                }
            }
        }
        for n in names.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
            let s = n.as_str().unwrap_or("").to_owned();
            if seen.contains(&s) {
                return Err(type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{s}'")));
            }
            seen.push(s.clone());
            match self.getattr_opt(subj, &s)? {
                Some(v) => attrs.push(v),
                None => return Ok(none()),
            }
        }
        Ok(new_tuple(attrs))
    }

    /// `CopyDictWithoutKeys`: `**rest` in a mapping pattern.
    pub(crate) fn copy_dict_without_keys(&mut self, subj: &Value, keys: &Value) -> PyResult {
        let d = new_dict();
        self.dict_update(&d, subj, None)?;
        if let (Some(dd), Some(ks)) = (d.payload::<PyDict>(), keys.as_tuple()) {
            for k in ks {
                dd.remove(self, k)?;
            }
        }
        Ok(d)
    }
}

fn is_match_self(cls: &Value) -> bool {
    let t = types();
    [&t.bool, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str, &t.tuple]
        .iter()
        .any(|b| crate::vm::protocol::is_subtype(cls, b))
}

/// `ascii()` escaping of a repr: non-ASCII as `\xhh`, `\uhhhh`, `\Uhhhhhhhh`.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

#[allow(dead_code)]
fn _e() -> PyErr {
    type_error("")
}
