//! The `_csv` module under CPython's `csv.py`: `Dialect` (validated as _csv.c's
//! dialect_new), the dialect registry, `reader` (_csv.c's character state machine) and
//! `writer` (its two-pass quoting), `field_size_limit`, `Error` and the QUOTE_* constants.

use std::cell::{Cell, RefCell};

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::native::{NativeData, native_ref, new_native, this};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, py_bool};
use crate::values::gil::GilStatic;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

struct State {
    error: Value,
    dialect: Value,
    reader: Value,
    writer: Value,
    /// name -> Dialect, in registration order.
    registry: Vec<(String, Value)>,
    field_limit: i64,
}
static STATE: GilStatic<RefCell<Option<State>>> = GilStatic::new(RefCell::new(None));

fn with_state<R>(vm: &mut Vm, f: impl FnOnce(&mut State) -> R) -> PyResult<R> {
    if STATE.borrow().is_none() {
        let error = crate::vm::startup::new_class(vm, "_csv", "Error", vec![exc().exception.clone()])?;
        let dialect = new_builtin_class("Dialect", "_csv", Kind::Native, TF_BASETYPE);
        add_staticmethod(&dialect, "__new__", dialect_new);
        for (n, g) in [
            ("delimiter", g_delimiter as crate::vm::NativeFn),
            ("doublequote", g_doublequote),
            ("escapechar", g_escapechar),
            ("lineterminator", g_lineterminator),
            ("quotechar", g_quotechar),
            ("quoting", g_quoting),
            ("skipinitialspace", g_skipinitialspace),
            ("strict", g_strict),
        ] {
            add_getter(&dialect, n, g);
        }
        let reader = new_builtin_class("reader", "_csv", Kind::Native, 0);
        add_method(&reader, "__iter__", r_iter);
        add_method(&reader, "__next__", r_next);
        add_getter(&reader, "dialect", r_dialect);
        add_getter(&reader, "line_num", r_line_num);
        let writer = new_builtin_class("writer", "_csv", Kind::Native, 0);
        add_method(&writer, "writerow", w_writerow);
        add_method(&writer, "writerows", w_writerows);
        add_getter(&writer, "dialect", w_dialect);
        *STATE.borrow_mut() =
            Some(State { error, dialect, reader, writer, registry: Vec::new(), field_limit: 128 * 1024 });
    }
    let mut s = STATE.borrow_mut();
    match s.as_mut() {
        Some(st) => Ok(f(st)),
        None => Err(type_error("_csv state")),
    }
}

fn csv_error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    match with_state(vm, |s| s.error.clone()) {
        Ok(e) => PyErr::new(&e, msg),
        Err(e) => e,
    }
}

// ---- Dialect ----

struct Dialect {
    delimiter: char,
    doublequote: bool,
    escapechar: Option<char>,
    lineterminator: String,
    quotechar: Option<char>,
    quoting: i64,
    skipinitialspace: bool,
    strict: bool,
}
impl NativeData for Dialect {}

const DIALECT_ATTRS: [&str; 8] =
    ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

/// One character (`_set_char`/`_set_char_or_none`); `None` when None is allowed and given.
fn char_attr(name: &str, v: &Value, or_none: bool) -> PyResult<Option<char>> {
    if or_none && v.is_none() {
        return Ok(None);
    }
    let Some(s) = v.as_str() else {
        let what = if or_none { "string or None" } else { "string" };
        return Err(type_error(format!("\"{name}\" must be {what}, not {}", type_name(v))));
    };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(Some(c)),
        _ => Err(type_error(format!("\"{name}\" must be a 1-character string"))),
    }
}

/// `Dialect(dialect=None, **fmtparams)`: each attribute from the keywords, else from the
/// base dialect (a registered name or any object with the attributes), else the default.
fn make_dialect(vm: &mut Vm, base: Option<&Value>, kwargs: &[(&str, Value)]) -> PyResult {
    let cls = with_state(vm, |s| s.dialect.clone())?;
    let base = match base.filter(|b| !b.is_none()) {
        Some(b) if b.as_str().is_some() => Some(lookup_dialect(vm, b)?),
        Some(b) => Some(b.clone()),
        None => None,
    };
    if let Some(b) = &base {
        if kwargs.is_empty() && native_ref::<Dialect>(b).is_some() && b.type_of().is(&cls) {
            return Ok(b.clone());
        }
    }
    let mut vals: [Option<Value>; 8] = Default::default();
    for (k, v) in kwargs {
        match DIALECT_ATTRS.iter().position(|a| a == k) {
            Some(i) => vals[i] = Some(v.clone()),
            None => return Err(type_error(format!("'{k}' is an invalid keyword argument for this function"))),
        }
    }
    let quoting_given = vals[5].is_some();
    if let Some(b) = &base {
        for (i, a) in DIALECT_ATTRS.iter().enumerate() {
            if vals[i].is_none() {
                vals[i] = vm.getattr_opt(b, a).ok().flatten();
            }
        }
    }
    let quoting_given = quoting_given || vals[5].is_some();
    let truth = |vm: &mut Vm, v: &Option<Value>, dflt: bool| -> PyResult<bool> {
        match v {
            Some(v) => vm.truthy(v),
            None => Ok(dflt),
        }
    };
    let delimiter = match &vals[0] {
        Some(v) => char_attr("delimiter", v, false)?,
        None => Some(','),
    };
    let doublequote = truth(vm, &vals[1], true)?;
    let escapechar = match &vals[2] {
        Some(v) => char_attr("escapechar", v, true)?,
        None => None,
    };
    let lineterminator = match &vals[3] {
        None => Some("\r\n".to_owned()),
        Some(v) if v.is_none() => None,
        Some(v) => match v.as_str() {
            Some(s) => Some(s.to_owned()),
            None => return Err(type_error("\"lineterminator\" must be a string")),
        },
    };
    let quotechar_none = vals[4].as_ref().is_some_and(|v| v.is_none());
    let quotechar = match &vals[4] {
        Some(v) => char_attr("quotechar", v, true)?,
        None => Some('"'),
    };
    let mut quoting = match &vals[5] {
        Some(v) => match crate::objects::int::to_i64(v) {
            Some(q) if crate::objects::int::is_int(v) => q,
            _ => return Err(type_error("\"quoting\" must be an integer")),
        },
        None => QUOTE_MINIMAL,
    };
    let skipinitialspace = truth(vm, &vals[6], false)?;
    let strict = truth(vm, &vals[7], false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NONE).contains(&quoting) {
        return Err(type_error("bad \"quoting\" value"));
    }
    let Some(delimiter) = delimiter else {
        return Err(type_error("\"delimiter\" must be a 1-character string"));
    };
    if quotechar_none && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        return Err(type_error("quotechar must be set if quoting enabled"));
    }
    let Some(lineterminator) = lineterminator else { return Err(type_error("lineterminator must be set")) };
    let d =
        Dialect { delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict };
    Ok(new_native(&cls, d))
}

fn kwargs_of<'a>(args: &Args<'a>, skip: &[&str]) -> Vec<(&'a str, Value)> {
    args.kwargs().filter(|(k, _)| !skip.contains(k)).map(|(k, v)| (k, v.clone())).collect()
}

fn dialect_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.len() > 2 {
        return Err(type_error(format!("Dialect() takes at most 1 argument ({} given)", p.len() - 1)));
    }
    let base = p.get(1).or_else(|| args.kwarg("dialect"));
    let d = make_dialect(vm, base, &kwargs_of(&args, &["dialect"]))?;
    // A subclass of Dialect gets an instance of itself around the validated values.
    match p.first() {
        Some(cls) if !cls.is(d.type_of()) => {
            let data = native_ref::<Dialect>(&d).map(|x| Dialect { lineterminator: x.lineterminator.clone(), ..*x });
            match data {
                Some(x) => Ok(crate::objects::sequtil::subclass_instance(cls, new_native(d.type_of(), x))),
                None => Ok(d),
            }
        }
        _ => Ok(d),
    }
}

impl Clone for Dialect {
    fn clone(&self) -> Self {
        Dialect { lineterminator: self.lineterminator.clone(), ..*self }
    }
}

fn dia<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Dialect> {
    this::<Dialect>(args, name, "_csv.Dialect").map(|(_, d)| d)
}

fn opt_char(c: Option<char>) -> Value {
    c.map(|c| new_str(c.to_string())).unwrap_or_else(none)
}

fn g_delimiter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(dia(&args, "delimiter")?.delimiter.to_string()))
}
fn g_doublequote(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(dia(&args, "doublequote")?.doublequote))
}
fn g_escapechar(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(opt_char(dia(&args, "escapechar")?.escapechar))
}
fn g_lineterminator(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(dia(&args, "lineterminator")?.lineterminator.as_str()))
}
fn g_quotechar(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(opt_char(dia(&args, "quotechar")?.quotechar))
}
fn g_quoting(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(dia(&args, "quoting")?.quoting))
}
fn g_skipinitialspace(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(dia(&args, "skipinitialspace")?.skipinitialspace))
}
fn g_strict(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(dia(&args, "strict")?.strict))
}

// ---- the registry ----

fn lookup_dialect(vm: &mut Vm, name: &Value) -> PyResult {
    let key = name.as_str().unwrap_or("").to_owned();
    match with_state(vm, |s| s.registry.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()))? {
        Some(d) => Ok(d),
        None => Err(csv_error(vm, "unknown dialect")),
    }
}

fn m_register_dialect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    let Some(name) = p.first() else {
        return Err(type_error("register_dialect() expected at least 1 argument, got 0"));
    };
    if p.len() > 2 {
        return Err(type_error(format!("register_dialect() expected at most 2 arguments, got {}", p.len())));
    }
    let Some(key) = name.as_str().map(str::to_owned) else { return Err(type_error("dialect name must be a string")) };
    let d = make_dialect(vm, p.get(1).or_else(|| args.kwarg("dialect")), &kwargs_of(&args, &["dialect"]))?;
    with_state(vm, |s| match s.registry.iter_mut().find(|(k, _)| *k == key) {
        Some(e) => e.1 = d,
        None => s.registry.push((key, d)),
    })?;
    Ok(none())
}

fn m_unregister_dialect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>("unregister_dialect")?;
    let key = name.as_str().unwrap_or("").to_owned();
    let found = with_state(vm, |s| {
        let n = s.registry.len();
        s.registry.retain(|(k, _)| *k != key);
        s.registry.len() != n
    })?;
    if !found {
        return Err(csv_error(vm, "unknown dialect"));
    }
    Ok(none())
}

fn m_get_dialect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [name] = args.exact::<1>("get_dialect")?;
    lookup_dialect(vm, name)
}

fn m_list_dialects(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("list_dialects")?;
    let names = with_state(vm, |s| s.registry.iter().map(|(k, _)| new_str(k.as_str())).collect())?;
    Ok(new_list(names))
}

fn m_field_size_limit(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("field_size_limit", &["new_limit"], 0)?;
    let old = with_state(vm, |s| s.field_limit)?;
    if let Some(n) = &b[0] {
        if !crate::objects::int::is_int(n) {
            return Err(type_error("limit must be an integer"));
        }
        let n = crate::objects::int::to_i64(n)
            .ok_or_else(|| PyErr::new(&exc().overflow_error, "Python int too large to convert to C long"))?;
        with_state(vm, |s| s.field_limit = n)?;
    }
    Ok(new_int(old))
}

// ---- reader ----

#[derive(Clone, Copy, PartialEq)]
enum PState {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct Reader {
    input: Value,
    dialect: Value,
    line_num: Cell<i64>,
    parse: RefCell<Parse>,
}
impl NativeData for Reader {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.input);
        visit(&self.dialect);
        if let Ok(p) = self.parse.try_borrow() {
            p.fields.iter().for_each(&mut *visit);
        }
    }
}

struct Parse {
    state: PState,
    field: String,
    field_len: i64,
    numeric: bool,
    fields: Vec<Value>,
}

/// A character of the line, or the end of the line (`EOL` in _csv.c).
#[derive(Clone, Copy, PartialEq)]
enum Ch {
    C(char),
    Eol,
}

fn m_reader(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.is_empty() {
        return Err(type_error(" expected at least 1 argument, got 0"));
    }
    if p.len() > 2 {
        return Err(type_error(format!(" expected at most 2 arguments, got {}", p.len())));
    }
    let input = vm.iter(&p[0])?;
    let dialect = make_dialect(vm, p.get(1).or_else(|| args.kwarg("dialect")), &kwargs_of(&args, &["dialect"]))?;
    let cls = with_state(vm, |s| s.reader.clone())?;
    let parse =
        Parse { state: PState::StartRecord, field: String::new(), field_len: 0, numeric: false, fields: Vec::new() };
    Ok(new_native(&cls, Reader { input, dialect, line_num: Cell::new(0), parse: RefCell::new(parse) }))
}

fn r_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, _) = this::<Reader>(&args, "__iter__", "_csv.reader")?;
    Ok(s.clone())
}

fn r_dialect(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this::<Reader>(&args, "dialect", "_csv.reader")?.1.dialect.clone())
}

fn r_line_num(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(this::<Reader>(&args, "line_num", "_csv.reader")?.1.line_num.get()))
}

impl Parse {
    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let s = std::mem::take(&mut self.field);
        self.field_len = 0;
        let v = if self.numeric {
            self.numeric = false;
            vm.call_pos(&crate::objects::types().float.clone(), &[new_str(s)])?
        } else {
            new_str(s)
        };
        self.fields.push(v);
        Ok(())
    }

    fn add_char(&mut self, vm: &mut Vm, c: char, limit: i64) -> PyResult<()> {
        if self.field_len >= limit {
            return Err(csv_error(vm, format!("field larger than field limit ({limit})")));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    /// One step of _csv.c's parse_process_char.
    fn process(&mut self, vm: &mut Vm, d: &Dialect, ch: Ch, limit: i64) -> PyResult<()> {
        let is = |x: Option<char>| matches!((ch, x), (Ch::C(c), Some(y)) if c == y);
        let nl = matches!(ch, Ch::C('\n' | '\r'));
        let eol = ch == Ch::Eol;
        let quote = is(d.quotechar) && d.quoting != QUOTE_NONE;
        let c = match ch {
            Ch::C(c) => c,
            Ch::Eol => '\n',
        };
        let mut state = self.state;
        if state == PState::StartRecord {
            if eol {
                return Ok(());
            }
            if nl {
                self.state = PState::EatCrnl;
                return Ok(());
            }
            state = PState::StartField;
            self.state = state;
        }
        if state == PState::AfterEscapedCrnl {
            if eol {
                return Ok(());
            }
            state = PState::InField;
            self.state = state;
        }
        match state {
            PState::StartField => {
                if nl || eol {
                    self.save_field(vm)?;
                    self.state = if eol { PState::StartRecord } else { PState::EatCrnl };
                } else if quote {
                    self.state = PState::InQuotedField;
                } else if is(d.escapechar) {
                    self.state = PState::EscapedChar;
                } else if c == ' ' && d.skipinitialspace {
                } else if c == d.delimiter {
                    self.save_field(vm)?;
                } else {
                    if d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(vm, c, limit)?;
                    self.state = PState::InField;
                }
            }
            PState::EscapedChar => {
                self.add_char(vm, c, limit)?;
                self.state = if nl { PState::AfterEscapedCrnl } else { PState::InField };
            }
            PState::InField => {
                if nl || eol {
                    self.save_field(vm)?;
                    self.state = if eol { PState::StartRecord } else { PState::EatCrnl };
                } else if is(d.escapechar) {
                    self.state = PState::EscapedChar;
                } else if c == d.delimiter {
                    self.save_field(vm)?;
                    self.state = PState::StartField;
                } else {
                    self.add_char(vm, c, limit)?;
                }
            }
            PState::InQuotedField => {
                if eol {
                } else if is(d.escapechar) {
                    self.state = PState::EscapeInQuotedField;
                } else if quote {
                    self.state = if d.doublequote { PState::QuoteInQuotedField } else { PState::InField };
                } else {
                    self.add_char(vm, c, limit)?;
                }
            }
            PState::EscapeInQuotedField => {
                self.add_char(vm, c, limit)?;
                self.state = PState::InQuotedField;
            }
            PState::QuoteInQuotedField => {
                if quote {
                    self.add_char(vm, c, limit)?;
                    self.state = PState::InQuotedField;
                } else if !eol && c == d.delimiter {
                    self.save_field(vm)?;
                    self.state = PState::StartField;
                } else if nl || eol {
                    self.save_field(vm)?;
                    self.state = if eol { PState::StartRecord } else { PState::EatCrnl };
                } else if !d.strict {
                    self.add_char(vm, c, limit)?;
                    self.state = PState::InField;
                } else {
                    let q = d.quotechar.unwrap_or('"');
                    return Err(csv_error(vm, format!("'{}' expected after '{q}'", d.delimiter)));
                }
            }
            PState::EatCrnl => {
                if nl {
                } else if eol {
                    self.state = PState::StartRecord;
                } else {
                    return Err(csv_error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
                    ));
                }
            }
            PState::StartRecord | PState::AfterEscapedCrnl => {}
        }
        Ok(())
    }
}

fn r_next(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, r) = this::<Reader>(&args, "__next__", "_csv.reader")?;
    let Some(d) = native_ref::<Dialect>(&r.dialect).cloned() else {
        return Err(type_error("reader without a dialect"));
    };
    let limit = with_state(vm, |s| s.field_limit)?;
    {
        let mut p = r.parse.borrow_mut();
        p.fields.clear();
        p.field.clear();
        p.field_len = 0;
        p.state = PState::StartRecord;
        p.numeric = false;
    }
    loop {
        let line = match vm.next(&r.input)? {
            Some(l) => l,
            None => {
                let mut p = r.parse.borrow_mut();
                if p.field_len != 0 || p.state == PState::InQuotedField {
                    if d.strict {
                        drop(p);
                        return Err(csv_error(vm, "unexpected end of data"));
                    }
                    p.save_field(vm)?;
                    break;
                }
                return Err(crate::vm::errors::stop_iteration(None));
            }
        };
        let Some(s) = line.as_str() else {
            return Err(csv_error(
                vm,
                format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    type_name(&line)
                ),
            ));
        };
        r.line_num.set(r.line_num.get() + 1);
        let mut p = r.parse.borrow_mut();
        for c in s.chars() {
            p.process(vm, &d, Ch::C(c), limit)?;
        }
        p.process(vm, &d, Ch::Eol, limit)?;
        if p.state == PState::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut r.parse.borrow_mut().fields);
    Ok(new_list(fields))
}

// ---- writer ----

struct Writer {
    write: Value,
    dialect: Value,
}
impl NativeData for Writer {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.write);
        visit(&self.dialect);
    }
}

fn m_writer(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.pos();
    if p.is_empty() {
        return Err(type_error(" expected at least 1 argument, got 0"));
    }
    if p.len() > 2 {
        return Err(type_error(format!(" expected at most 2 arguments, got {}", p.len())));
    }
    let Some(write) = vm.getattr_opt(&p[0], "write")? else {
        return Err(type_error("argument 1 must have a \"write\" method"));
    };
    let dialect = make_dialect(vm, p.get(1).or_else(|| args.kwarg("dialect")), &kwargs_of(&args, &["dialect"]))?;
    let cls = with_state(vm, |s| s.writer.clone())?;
    Ok(new_native(&cls, Writer { write, dialect }))
}

fn w_dialect(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(this::<Writer>(&args, "dialect", "_csv.writer")?.1.dialect.clone())
}

/// Appends one field (None: empty) to `rec`, quoting and escaping as join_append_data.
fn join_field(
    vm: &mut Vm,
    d: &Dialect,
    rec: &mut String,
    nfields: usize,
    field: Option<&str>,
    quoted: bool,
) -> PyResult<()> {
    let data = field.unwrap_or("");
    let special =
        |c: char| c == d.delimiter || Some(c) == d.escapechar || Some(c) == d.quotechar || d.lineterminator.contains(c);
    // A special character is escaped (QUOTE_NONE; a quote without doublequote; the escape
    // char itself) or else makes the field quoted.
    let wants_escape = |c: char| {
        d.quoting == QUOTE_NONE || if Some(c) == d.quotechar { !d.doublequote } else { Some(c) == d.escapechar }
    };
    let mut quoted = quoted;
    for c in data.chars().filter(|&c| special(c)) {
        if !wants_escape(c) {
            quoted = true;
        } else if d.escapechar.is_none() {
            return Err(csv_error(vm, "need to escape, but no escapechar set"));
        }
    }
    if nfields > 0 {
        rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or('"');
    if quoted {
        rec.push(q);
    }
    for c in data.chars() {
        if special(c) {
            if wants_escape(c) {
                rec.push(d.escapechar.unwrap_or('\\'));
            } else if Some(c) == d.quotechar {
                rec.push(q);
            }
        }
        rec.push(c);
    }
    if quoted {
        rec.push(q);
    }
    Ok(())
}

/// Is `v` a number for QUOTE_NONNUMERIC (PyNumber_Check: ints, floats, complex, or a type
/// with `__index__`/`__int__`/`__float__`)?
fn is_number(vm: &Vm, v: &Value) -> bool {
    matches!(v.kind(), Kind::Int | Kind::Bool | Kind::Float | Kind::Complex | Kind::SmallInt)
        || ["__index__", "__int__", "__float__"].iter().any(|m| vm.lookup_special(v, m).is_some())
}

fn writerow(vm: &mut Vm, w: &Writer, row: &Value) -> PyResult {
    let Some(d) = native_ref::<Dialect>(&w.dialect).cloned() else {
        return Err(type_error("writer without a dialect"));
    };
    let it = match vm.iter(row) {
        Ok(it) => it,
        Err(e) if e.matches(&exc().type_error) => {
            return Err(csv_error(vm, format!("iterable expected, not {}", type_name(row))));
        }
        Err(e) => return Err(e),
    };
    let mut rec = String::new();
    let mut n = 0;
    while let Some(field) = vm.next(&it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(vm, &field),
            QUOTE_ALL => true,
            _ => false,
        };
        let text = if let Some(s) = field.as_str() {
            Some(s.to_owned())
        } else if field.is_none() {
            None
        } else {
            Some(vm.str_string(&field)?)
        };
        join_field(vm, &d, &mut rec, n, text.as_deref(), quoted)?;
        n += 1;
    }
    if n > 0 && rec.is_empty() {
        if d.quoting == QUOTE_NONE {
            return Err(csv_error(vm, "single empty field record must be quoted"));
        }
        join_field(vm, &d, &mut rec, 0, None, true)?;
    }
    rec.push_str(&d.lineterminator);
    vm.call_pos(&w.write, &[new_str(rec)])
}

fn w_writerow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, w) = this::<Writer>(&args, "writerow", "_csv.writer")?;
    let [_, row] = args.exact::<2>("writerow")?;
    writerow(vm, w, row)
}

fn w_writerows(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, w) = this::<Writer>(&args, "writerows", "_csv.writer")?;
    let [_, rows] = args.exact::<2>("writerows")?;
    let it = vm.iter(rows)?;
    while let Some(row) = vm.next(&it)? {
        writerow(vm, w, &row)?;
    }
    Ok(none())
}

pub fn register() {
    crate::vm::interp::register_native("_csv", init_csv);
}

fn init_csv(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_csv");
    let d = module_dict(&m);
    for (name, f) in [
        ("reader", m_reader as crate::vm::NativeFn),
        ("writer", m_writer),
        ("register_dialect", m_register_dialect),
        ("unregister_dialect", m_unregister_dialect),
        ("get_dialect", m_get_dialect),
        ("list_dialects", m_list_dialects),
        ("field_size_limit", m_field_size_limit),
    ] {
        add_function(&d, "_csv", name, f);
    }
    let (error, dialect) = with_state(vm, |s| (s.error.clone(), s.dialect.clone()))?;
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("Error"), error);
    dd.set_str(new_str("Dialect"), dialect);
    dd.set_str(new_str("__version__"), new_str("1.0"));
    for (k, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
    ] {
        dd.set_str(new_str(k), new_int(v));
    }
    Ok(m)
}
