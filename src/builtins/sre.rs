//! The `_sre` module, the engine under CPython's own `re` package: `compile` makes a
//! `Pattern` from the code words `re._compiler` produced, and `Pattern`/`Match` do the
//! matching with `rustpython-sre_engine` (a Rust port of CPython's sre.c whose opcode
//! numbering is 3.11's `re/_constants.py`). Positions are code-point indices, as in
//! CPython; replacement templates are expanded by `re._subx`/`re._expand`, as sre.c does.

use std::cell::RefCell;

use sre_engine::{Request, State, StrDrive};

use crate::objects::bytes::{PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::{new_int, to_i64};
use crate::objects::list::new_list;
use crate::objects::registry::exc;
use crate::objects::str::{PyStr, new_str};
use crate::objects::tuple::{PyTuple, new_tuple};
use crate::objects::{none, py_bool, types};
use crate::values::gil::GilStatic;
use crate::values::{Value, layout};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::{instance_dict, instance_dict_create, type_name};
use crate::vm::startup::{add_function, add_method, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// 3.11's `re._constants.MAGIC` (the crate's own constant names a later CPython).
const MAGIC: i64 = 20220615;

static PATTERN: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));
static MATCH: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));

pub fn register() {
    crate::vm::interp::register_native("_sre", init_sre);
}

fn attr(obj: &Value, name: &str) -> Option<Value> {
    instance_dict(obj).and_then(|d| d.payload::<PyDict>().and_then(|dd| dd.get_str(name)))
}

fn set_attrs(obj: &Value, items: Vec<(&str, Value)>) {
    if let Some(d) = instance_dict_create(obj) {
        if let Some(dd) = d.payload::<PyDict>() {
            for (k, v) in items {
                dd.set_str(new_str(k), v);
            }
        }
    }
}

fn new_class(vm: &mut Vm, name: &str, methods: &[(&'static str, crate::vm::NativeFn)]) -> PyResult {
    let d = layout::alloc(&types().dict, PyDict::new());
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__module__"), new_str("re"));
    }
    let bases = new_tuple(vec![types().object.clone()]);
    let cls = vm.call_pos(&types().type_.clone(), &[new_str(name), bases, d])?;
    for (n, f) in methods {
        add_method(&cls, n, *f);
    }
    if let Some(t) = cls.as_type() {
        t.modified();
    }
    Ok(cls)
}

fn pattern_type(vm: &mut Vm) -> PyResult {
    if let Some(t) = PATTERN.borrow().clone() {
        return Ok(t);
    }
    let cls = new_class(
        vm,
        "Pattern",
        &[
            ("match", p_match),
            ("fullmatch", p_fullmatch),
            ("search", p_search),
            ("findall", p_findall),
            ("finditer", p_finditer),
            ("split", p_split),
            ("sub", p_sub),
            ("subn", p_subn),
            ("__repr__", p_repr),
            ("__copy__", same),
            ("__deepcopy__", same),
        ],
    )?;
    *PATTERN.borrow_mut() = Some(cls.clone());
    Ok(cls)
}

fn match_type(vm: &mut Vm) -> PyResult {
    if let Some(t) = MATCH.borrow().clone() {
        return Ok(t);
    }
    let cls = new_class(
        vm,
        "Match",
        &[
            ("group", m_group),
            ("__getitem__", m_getitem),
            ("groups", m_groups),
            ("groupdict", m_groupdict),
            ("start", m_start),
            ("end", m_end),
            ("span", m_span),
            ("expand", m_expand),
            ("__repr__", m_repr),
            ("__copy__", same),
            ("__deepcopy__", same),
        ],
    )?;
    *MATCH.borrow_mut() = Some(cls.clone());
    Ok(cls)
}

fn same(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.pos().first().cloned().ok_or_else(|| type_error("expected self"))
}

// ---- subjects ----------------------------------------------------------------------

/// The string being searched, borrowed from its object.
enum Subject<'a> {
    Bytes(&'a [u8]),
    Str(&'a PyStr),
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match self {
            Subject::Bytes(b) => b.len(),
            Subject::Str(s) => s.char_len(),
        }
    }
    /// `string[a:b]` in code points, as a new str/bytes.
    fn slice(&self, a: usize, b: usize) -> Value {
        match self {
            Subject::Bytes(s) => new_bytes(s[a.min(s.len())..b.min(s.len())].to_vec()),
            Subject::Str(s) => {
                let (x, y) = (s.byte_offset(a.min(s.char_len())), s.byte_offset(b.min(s.char_len())));
                new_str(&s.as_str()[x..y])
            }
        }
    }
    fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_))
    }
}

fn subject(v: &Value) -> PyResult<Subject<'_>> {
    if let Some(s) = v.downcast::<PyStr>() {
        return Ok(Subject::Str(s));
    }
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(Subject::Bytes(&b.0));
    }
    Err(type_error(format!("expected string or bytes-like object, got '{}'", type_name(v))))
}

/// A successful match: overall span, group spans (`None` = group did not take part),
/// and `lastindex` (-1: none).
struct Found {
    span: (usize, usize),
    groups: Vec<Option<(usize, usize)>>,
    lastindex: isize,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    Full,
    Search,
}

fn found_of(state: &State, ngroups: usize) -> Found {
    let mut groups = Vec::with_capacity(ngroups);
    for g in 0..ngroups {
        let (a, b) = state.marks.get(g);
        groups.push(match (a.into_option(), b.into_option()) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        });
    }
    Found { span: (state.start, state.cursor.position), groups, lastindex: state.marks.last_index() }
}

fn run_one<S: StrDrive>(s: S, code: &[u32], pos: usize, endpos: usize, mode: Mode, ngroups: usize) -> Option<Found> {
    let mut req = Request::new(s, pos, endpos, code, mode == Mode::Full);
    req.must_advance = false;
    let mut state = State::default();
    let ok = if mode == Mode::Search { state.search(req) } else { state.py_match(&req) };
    ok.then(|| found_of(&state, ngroups))
}

fn run_all<S: StrDrive>(s: S, code: &[u32], pos: usize, endpos: usize, ngroups: usize, limit: usize) -> Vec<Found> {
    let req = Request::new(s, pos, endpos, code, false);
    let mut it = sre_engine::SearchIter { req, state: State::default() };
    let mut out = Vec::new();
    while (limit == 0 || out.len() < limit) && it.next().is_some() {
        out.push(found_of(&it.state, ngroups));
    }
    out
}

/// The compiled pattern's data, read back from its instance.
struct Compiled {
    code: Vec<u32>,
    groups: usize,
    is_bytes: bool,
}

fn compiled(p: &Value) -> PyResult<Compiled> {
    let code = attr(p, "_code").ok_or_else(|| type_error("descriptor requires a 're.Pattern' object"))?;
    let code = code
        .downcast::<PyBytes>()
        .map(|b| b.0.chunks_exact(4).map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).collect())
        .unwrap_or_default();
    let groups = attr(p, "groups").and_then(|g| g.as_small()).unwrap_or(0) as usize;
    let is_bytes = attr(p, "pattern").is_some_and(|v| v.downcast::<PyBytes>().is_some());
    Ok(Compiled { code, groups, is_bytes })
}

fn check_kind(c: &Compiled, s: &Subject<'_>) -> PyResult<()> {
    if c.is_bytes && !s.is_bytes() {
        return Err(type_error("cannot use a bytes pattern on a string-like object"));
    }
    if !c.is_bytes && s.is_bytes() {
        return Err(type_error("cannot use a string pattern on a bytes-like object"));
    }
    Ok(())
}

/// Clamps `pos`/`endpos` as CPython's state_init does.
fn bounds(vm: &mut Vm, len: usize, pos: Option<&Value>, endpos: Option<&Value>) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(v) if !v.is_none() => crate::builtins::posix::int_arg(vm, v),
            _ => Ok(d),
        }
    };
    let p = get(vm, pos, 0)?.clamp(0, len as i64) as usize;
    let e = get(vm, endpos, len as i64)?.clamp(0, len as i64) as usize;
    Ok((p, e))
}

fn search_one(c: &Compiled, s: &Subject<'_>, pos: usize, endpos: usize, mode: Mode) -> Option<Found> {
    match s {
        Subject::Bytes(b) => run_one(*b, &c.code, pos, endpos, mode, c.groups),
        Subject::Str(t) if t.is_ascii() => run_one(t.as_str().as_bytes(), &c.code, pos, endpos, mode, c.groups),
        Subject::Str(t) => run_one(t.as_str(), &c.code, pos, endpos, mode, c.groups),
    }
}

fn search_all(c: &Compiled, s: &Subject<'_>, pos: usize, endpos: usize, limit: usize) -> Vec<Found> {
    match s {
        Subject::Bytes(b) => run_all(*b, &c.code, pos, endpos, c.groups, limit),
        Subject::Str(t) if t.is_ascii() => run_all(t.as_str().as_bytes(), &c.code, pos, endpos, c.groups, limit),
        Subject::Str(t) => run_all(t.as_str(), &c.code, pos, endpos, c.groups, limit),
    }
}

fn span_value(sp: Option<(usize, usize)>) -> Value {
    match sp {
        Some((a, b)) => new_tuple(vec![new_int(a as i64), new_int(b as i64)]),
        None => new_tuple(vec![new_int(-1), new_int(-1)]),
    }
}

fn make_match(vm: &mut Vm, pat: &Value, string: &Value, pos: usize, endpos: usize, f: &Found) -> PyResult {
    let cls = match_type(vm)?;
    let m = crate::objects::instance::new_instance(&cls);
    let mut regs = vec![span_value(Some(f.span))];
    regs.extend(f.groups.iter().map(|g| span_value(*g)));
    let lastindex = if f.lastindex >= 0 { new_int(f.lastindex as i64) } else { none() };
    let lastgroup = match (f.lastindex >= 0).then(|| attr(pat, "_indexgroup")).flatten() {
        Some(ig) => ig.downcast::<PyTuple>().and_then(|t| t.0.get(f.lastindex as usize).cloned()).unwrap_or_else(none),
        None => none(),
    };
    set_attrs(
        &m,
        vec![
            ("string", string.clone()),
            ("re", pat.clone()),
            ("pos", new_int(pos as i64)),
            ("endpos", new_int(endpos as i64)),
            ("regs", new_tuple(regs)),
            ("lastindex", lastindex),
            ("lastgroup", lastgroup),
        ],
    );
    Ok(m)
}

// ---- Pattern -----------------------------------------------------------------------

fn do_match(vm: &mut Vm, args: Args<'_>, fname: &str, mode: Mode) -> PyResult {
    let a = args.bind(fname, &["self", "string", "pos", "endpos"], 2)?;
    let pat = a[0].clone().unwrap_or_else(none);
    let string = a[1].clone().unwrap_or_else(none);
    let c = compiled(&pat)?;
    let s = subject(&string)?;
    check_kind(&c, &s)?;
    let (pos, endpos) = bounds(vm, s.len(), a[2].as_ref(), a[3].as_ref())?;
    match search_one(&c, &s, pos, endpos, mode) {
        Some(f) => make_match(vm, &pat, &string, pos, endpos, &f),
        None => Ok(none()),
    }
}

fn p_match(vm: &mut Vm, args: Args<'_>) -> PyResult {
    do_match(vm, args, "match", Mode::Match)
}
fn p_fullmatch(vm: &mut Vm, args: Args<'_>) -> PyResult {
    do_match(vm, args, "fullmatch", Mode::Full)
}
fn p_search(vm: &mut Vm, args: Args<'_>) -> PyResult {
    do_match(vm, args, "search", Mode::Search)
}

fn p_findall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("findall", &["self", "string", "pos", "endpos"], 2)?;
    let pat = a[0].clone().unwrap_or_else(none);
    let string = a[1].clone().unwrap_or_else(none);
    let c = compiled(&pat)?;
    let s = subject(&string)?;
    check_kind(&c, &s)?;
    let (pos, endpos) = bounds(vm, s.len(), a[2].as_ref(), a[3].as_ref())?;
    let empty = || s.slice(0, 0);
    let grp = |g: &Option<(usize, usize)>| match g {
        Some((x, y)) => s.slice(*x, *y),
        None => empty(),
    };
    let items = search_all(&c, &s, pos, endpos, 0)
        .iter()
        .map(|f| match c.groups {
            0 => s.slice(f.span.0, f.span.1),
            1 => grp(&f.groups[0]),
            _ => new_tuple(f.groups.iter().map(grp).collect()),
        })
        .collect();
    Ok(new_list(items))
}

fn p_finditer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("finditer", &["self", "string", "pos", "endpos"], 2)?;
    let pat = a[0].clone().unwrap_or_else(none);
    let string = a[1].clone().unwrap_or_else(none);
    let c = compiled(&pat)?;
    let s = subject(&string)?;
    check_kind(&c, &s)?;
    let (pos, endpos) = bounds(vm, s.len(), a[2].as_ref(), a[3].as_ref())?;
    let found = search_all(&c, &s, pos, endpos, 0);
    let mut ms = Vec::with_capacity(found.len());
    for f in &found {
        ms.push(make_match(vm, &pat, &string, pos, endpos, f)?);
    }
    vm.iter(&new_list(ms))
}

fn p_split(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("split", &["self", "string", "maxsplit"], 2)?;
    let pat = a[0].clone().unwrap_or_else(none);
    let string = a[1].clone().unwrap_or_else(none);
    let maxsplit = match &a[2] {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => 0,
    };
    let c = compiled(&pat)?;
    let s = subject(&string)?;
    check_kind(&c, &s)?;
    if maxsplit < 0 {
        return Ok(new_list(vec![s.slice(0, s.len())]));
    }
    let mut out = Vec::new();
    let mut last = 0;
    for f in search_all(&c, &s, 0, s.len(), maxsplit as usize) {
        out.push(s.slice(last, f.span.0));
        for g in &f.groups {
            out.push(match g {
                Some((x, y)) => s.slice(*x, *y),
                None => none(),
            });
        }
        last = f.span.1;
    }
    out.push(s.slice(last, s.len()));
    Ok(new_list(out))
}

/// Pattern.sub/subn: a callable `repl` is called with each match; a template without
/// backslashes is literal; any other template goes through `re._subx`, as in sre.c.
fn do_sub(vm: &mut Vm, args: Args<'_>, fname: &str) -> PyResult<(Value, usize)> {
    let a = args.bind(fname, &["self", "repl", "string", "count"], 3)?;
    let pat = a[0].clone().unwrap_or_else(none);
    let repl = a[1].clone().unwrap_or_else(none);
    let string = a[2].clone().unwrap_or_else(none);
    let count = match &a[3] {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?.max(0) as usize,
        None => 0,
    };
    let c = compiled(&pat)?;
    let s = subject(&string)?;
    check_kind(&c, &s)?;
    let mut filter = repl.clone();
    let mut literal = None;
    if !crate::builtins::core::is_callable(vm, &repl) {
        let has_backslash = match subject(&repl)? {
            Subject::Bytes(b) => b.contains(&b'\\'),
            Subject::Str(t) => t.as_str().contains('\\'),
        };
        if has_backslash {
            let re = vm.import_module("re")?;
            let subx = vm.getattr_str(&re, "_subx")?;
            filter = vm.call_pos(&subx, &[pat.clone(), repl.clone()])?;
        }
        if !crate::builtins::core::is_callable(vm, &filter) {
            literal = Some(filter.clone());
        }
    }
    let found = search_all(&c, &s, 0, s.len(), count);
    let mut pieces = Vec::with_capacity(found.len() * 2 + 1);
    let mut i = 0;
    for f in &found {
        if i < f.span.0 {
            pieces.push(s.slice(i, f.span.0));
        }
        match &literal {
            Some(l) => pieces.push(l.clone()),
            None => {
                let m = make_match(vm, &pat, &string, 0, s.len(), f)?;
                let item = vm.call_pos(&filter, &[m])?;
                if !item.is_none() {
                    pieces.push(item);
                }
            }
        }
        i = f.span.1;
    }
    if i < s.len() {
        pieces.push(s.slice(i, s.len()));
    }
    let joiner = s.slice(0, 0);
    let joined = vm.call_method(&joiner, "join", &[new_list(pieces)])?;
    Ok((joined, found.len()))
}

fn p_sub(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(do_sub(vm, args, "sub")?.0)
}
fn p_subn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (v, n) = do_sub(vm, args, "subn")?;
    Ok(new_tuple(vec![v, new_int(n as i64)]))
}

/// `re.compile('...', re.IGNORECASE|re.DOTALL)`, as pattern_repr writes it.
fn p_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [p] = args.exact::<1>("__repr__")?;
    let pattern = attr(p, "pattern").unwrap_or_else(none);
    let mut flags = attr(p, "flags").and_then(|f| f.as_small()).unwrap_or(0);
    let mut r = vm.repr_string(&pattern)?;
    if r.chars().count() > 200 {
        r = r.chars().take(200).collect();
    }
    // A str pattern's UNICODE flag is implied, so not shown.
    if pattern.downcast::<PyStr>().is_some() {
        flags &= !32;
    }
    if flags == 0 {
        return Ok(new_str(format!("re.compile({r})")));
    }
    let names = [
        ("re.TEMPLATE", 1),
        ("re.IGNORECASE", 2),
        ("re.LOCALE", 4),
        ("re.MULTILINE", 8),
        ("re.DOTALL", 16),
        ("re.UNICODE", 32),
        ("re.VERBOSE", 64),
        ("re.DEBUG", 128),
        ("re.ASCII", 256),
    ];
    let mut parts = Vec::new();
    for (n, bit) in names {
        if flags & bit != 0 {
            parts.push(n.to_owned());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("{flags:#x}"));
    }
    Ok(new_str(format!("re.compile({r}, {})", parts.join("|"))))
}

// ---- Match -------------------------------------------------------------------------

fn regs(m: &Value) -> Vec<Option<(usize, usize)>> {
    let Some(r) = attr(m, "regs") else { return Vec::new() };
    let Some(t) = r.downcast::<PyTuple>() else { return Vec::new() };
    t.0.iter()
        .map(|sp| {
            let t = sp.downcast::<PyTuple>()?;
            let (a, b) = (to_i64(t.0.first()?)?, to_i64(t.0.get(1)?)?);
            (a >= 0).then_some((a as usize, b as usize))
        })
        .collect()
}

/// A group reference (number or name) → its index.
fn group_index(vm: &mut Vm, m: &Value, g: &Value, n: usize) -> PyResult<usize> {
    if let Some(i) = to_i64(g) {
        if i >= 0 && (i as usize) < n {
            return Ok(i as usize);
        }
    } else if g.downcast::<PyStr>().is_some() || g.downcast::<PyBytes>().is_some() {
        let pat = attr(m, "re").unwrap_or_else(none);
        if let Some(gi) = attr(&pat, "groupindex") {
            if let Some(d) = gi.payload::<PyDict>() {
                if let Some(i) = d.get(vm, g)?.and_then(|v| to_i64(&v)) {
                    return Ok(i as usize);
                }
            }
        }
    }
    Err(PyErr::new(&exc().index_error, "no such group"))
}

fn group_value(m: &Value, r: &[Option<(usize, usize)>], i: usize, default: &Value) -> PyResult {
    let string = attr(m, "string").unwrap_or_else(none);
    let s = subject(&string)?;
    Ok(match r.get(i).copied().flatten() {
        Some((a, b)) => s.slice(a, b),
        None => default.clone(),
    })
}

fn m_group(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let m = p.first().ok_or_else(|| type_error("expected self"))?;
    let r = regs(m);
    if p.len() <= 2 {
        let i = match p.get(1) {
            Some(g) => group_index(vm, m, g, r.len())?,
            None => 0,
        };
        return group_value(m, &r, i, &none());
    }
    let mut out = Vec::new();
    for g in &p[1..] {
        let i = group_index(vm, m, g, r.len())?;
        out.push(group_value(m, &r, i, &none())?);
    }
    Ok(new_tuple(out))
}

fn m_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [m, g] = args.exact::<2>("__getitem__")?;
    let r = regs(m);
    let i = group_index(vm, m, g, r.len())?;
    group_value(m, &r, i, &none())
}

fn m_groups(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("groups", &["self", "default"], 1)?;
    let m = a[0].clone().unwrap_or_else(none);
    let default = a[1].clone().unwrap_or_else(none);
    let r = regs(&m);
    let _ = vm;
    let mut out = Vec::new();
    for i in 1..r.len() {
        out.push(group_value(&m, &r, i, &default)?);
    }
    Ok(new_tuple(out))
}

fn m_groupdict(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("groupdict", &["self", "default"], 1)?;
    let m = a[0].clone().unwrap_or_else(none);
    let default = a[1].clone().unwrap_or_else(none);
    let r = regs(&m);
    let out = layout::alloc(&types().dict, PyDict::new());
    let pat = attr(&m, "re").unwrap_or_else(none);
    if let (Some(gi), Some(od)) = (attr(&pat, "groupindex"), out.payload::<PyDict>()) {
        if let Some(d) = gi.payload::<PyDict>() {
            for (k, v) in d.items() {
                let i = to_i64(&v).unwrap_or(0) as usize;
                od.set(vm, k, group_value(&m, &r, i, &default)?)?;
            }
        }
    }
    Ok(out)
}

fn span_of(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<(i64, i64)> {
    let p = args.range(fname, 1, 2)?;
    let m = &p[0];
    let r = regs(m);
    let i = match p.get(1) {
        Some(g) => group_index(vm, m, g, r.len())?,
        None => 0,
    };
    Ok(match r.get(i).copied().flatten() {
        Some((a, b)) => (a as i64, b as i64),
        None => (-1, -1),
    })
}

fn m_start(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(span_of(vm, &args, "start")?.0))
}
fn m_end(vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(span_of(vm, &args, "end")?.1))
}
fn m_span(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (a, b) = span_of(vm, &args, "span")?;
    Ok(new_tuple(vec![new_int(a), new_int(b)]))
}

fn m_expand(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [m, template] = args.exact::<2>("expand")?;
    let re = vm.import_module("re")?;
    let f = vm.getattr_str(&re, "_expand")?;
    let pat = attr(m, "re").unwrap_or_else(none);
    vm.call_pos(&f, &[pat, m.clone(), template.clone()])
}

fn m_repr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [m] = args.exact::<1>("__repr__")?;
    let r = regs(m);
    let (a, b) = r.first().copied().flatten().unwrap_or((0, 0));
    let g = group_value(m, &r, 0, &none())?;
    Ok(new_str(format!("<re.Match object; span=({a}, {b}), match={}>", vm.repr_string(&g)?)))
}

// ---- module functions --------------------------------------------------------------

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn sre_compile(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("compile", &["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6)?;
    let get = |i: usize| a[i].clone().unwrap_or_else(none);
    let mut words: Vec<u8> = Vec::new();
    for w in vm.to_vec(&get(2))? {
        let n = to_i64(&w)
            .filter(|n| (0..=u32::MAX as i64).contains(n))
            .ok_or_else(|| PyErr::new(&exc().overflow_error, "regular expression code size limit exceeded"))?;
        words.extend_from_slice(&(n as u32).to_ne_bytes());
    }
    let cls = pattern_type(vm)?;
    let p = crate::objects::instance::new_instance(&cls);
    let groups = crate::builtins::posix::int_arg(vm, &get(3))?;
    set_attrs(
        &p,
        vec![
            ("pattern", get(0)),
            ("flags", get(1)),
            ("groups", new_int(groups)),
            ("groupindex", get(4)),
            ("_indexgroup", get(5)),
            ("_code", new_bytes(words)),
        ],
    );
    Ok(p)
}

fn char_arg(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<u32> {
    let [c] = args.exact::<1>(fname)?;
    Ok(crate::builtins::posix::int_arg(vm, c)? as u32)
}

fn sre_ascii_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "ascii_iscased")?;
    Ok(py_bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}
fn sre_unicode_iscased(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "unicode_iscased")?;
    Ok(py_bool(c != sre_engine::string::lower_unicode(c) || c != sre_engine::string::upper_unicode(c)))
}
fn sre_ascii_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "ascii_tolower")?;
    Ok(new_int(sre_engine::string::lower_ascii(c) as i64))
}
fn sre_unicode_tolower(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = char_arg(vm, &args, "unicode_tolower")?;
    Ok(new_int(sre_engine::string::lower_unicode(c) as i64))
}

/// `import _sre`.
pub fn init_sre(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_sre");
    let d = module_dict(&m);
    for (name, f) in [
        ("compile", sre_compile as crate::vm::NativeFn),
        ("ascii_iscased", sre_ascii_iscased),
        ("unicode_iscased", sre_unicode_iscased),
        ("ascii_tolower", sre_ascii_tolower),
        ("unicode_tolower", sre_unicode_tolower),
    ] {
        add_function(&d, "_sre", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("MAGIC"), new_int(MAGIC));
        dd.set_str(new_str("CODESIZE"), new_int(sre_engine::CODESIZE as i64));
        dd.set_str(new_str("MAXREPEAT"), new_int(sre_engine::MAXREPEAT as i64));
        // CPython 3.11 caps groups at INT32_MAX / 2 on every platform.
        dd.set_str(new_str("MAXGROUPS"), new_int(i32::MAX as i64 / 2));
        dd.set_str(new_str("copyright"), new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    }
    pattern_type(vm)?;
    match_type(vm)?;
    Ok(m)
}
