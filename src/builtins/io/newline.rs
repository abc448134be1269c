//! `io.IncrementalNewlineDecoder` (textio.c's `_io.IncrementalNewlineDecoder`): wraps an
//! incremental decoder (or None: str in, str out), holds back a trailing '\r' until the
//! next chunk shows whether a '\n' follows, records the newline kinds seen (`newlines`)
//! and, with `translate`, turns "\r\n" and "\r" into "\n". `doctest` uses it.

use std::cell::{Cell, RefCell};

use crate::objects::int::{int_val, new_int};
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, py_bool};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method, add_staticmethod};
use crate::vm::{Args, PyResult, Vm};

const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

struct Decoder {
    /// None until `__init__` ran; then the wrapped decoder (Python None for str input).
    decoder: RefCell<Option<Value>>,
    translate: Cell<bool>,
    pendingcr: Cell<bool>,
    seennl: Cell<u8>,
}

impl NativeData for Decoder {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = &*self.decoder.borrow() {
            visit(d);
        }
    }
}

static CLASS: GilCell<Value> = GilCell::new();

/// The class, made on first use.
pub fn class() -> &'static Value {
    CLASS.init(|| {
        let cls = new_builtin_class("IncrementalNewlineDecoder", "_io", Kind::Native, TF_BASETYPE);
        add_staticmethod(&cls, "__new__", d_new);
        for (name, f) in [
            ("__init__", d_init as crate::vm::NativeFn),
            ("decode", d_decode),
            ("getstate", d_getstate),
            ("setstate", d_setstate),
            ("reset", d_reset),
        ] {
            add_method(&cls, name, f);
        }
        add_getter(&cls, "newlines", d_newlines);
        cls
    })
}

fn d_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let base = class();
    if !crate::vm::protocol::is_subtype(&cls, base) {
        return Err(type_error(
            "IncrementalNewlineDecoder.__new__(X): X is not a subtype of IncrementalNewlineDecoder",
        ));
    }
    let data = Decoder {
        decoder: RefCell::new(None),
        translate: Cell::new(false),
        pendingcr: Cell::new(false),
        seennl: Cell::new(0),
    };
    let v = new_native(base, data);
    Ok(if cls.is(base) { v } else { crate::objects::sequtil::subclass_instance(&cls, v) })
}

fn me<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a Decoder> {
    Ok(this::<Decoder>(args, meth, "_io.IncrementalNewlineDecoder")?.1)
}

/// The wrapped decoder, or the error of an object whose `__init__` never ran.
fn inner(d: &Decoder) -> PyResult<Value> {
    d.decoder.borrow().clone().ok_or_else(|| value_error("IncrementalNewlineDecoder.__init__() not called"))
}

/// `__init__(decoder, translate, errors='strict')`.
fn d_init(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "__init__")?;
    let rest = crate::vm::Args::new(&args.values[1..], args.kwnames);
    let b = rest.bind("IncrementalNewlineDecoder", &["decoder", "translate", "errors"], 2)?;
    let translate = b[1].clone().unwrap_or_else(none);
    // `translate` is C `bool(accept={int})`: an int, read for its truth.
    let Some(t) = int_val(&translate) else {
        return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(&translate))));
    };
    *d.decoder.borrow_mut() = Some(b[0].clone().unwrap_or_else(none));
    d.translate.set(!t.is_zero());
    d.pendingcr.set(false);
    d.seennl.set(0);
    Ok(none())
}

/// `decode(input, final=False)`.
fn d_decode(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "decode")?;
    let rest = crate::vm::Args::new(&args.values[1..], args.kwnames);
    let b = rest.bind("decode", &["input", "final"], 1)?;
    let input = b[0].clone().unwrap_or_else(none);
    let fin = match &b[1] {
        Some(f) => match int_val(f) {
            Some(i) => !i.is_zero(),
            None => return Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(f)))),
        },
        None => false,
    };
    let dec = inner(d)?;
    let output = if dec.is_none() {
        input
    } else {
        let kw = [new_str("final")];
        let f = vm.getattr_str(&dec, "decode")?;
        vm.call(&f, Args::new(&[input, py_bool(fin)], &kw))?
    };
    let Some(s) = output.as_str() else {
        return Err(type_error(format!("decoder should return a string result, not '{}'", type_name(&output))));
    };
    let mut out = String::with_capacity(s.len() + 1);
    if d.pendingcr.get() && (!s.is_empty() || fin) {
        out.push('\r');
        d.pendingcr.set(false);
    }
    out.push_str(s);
    // A final '\r' waits for the next chunk, so "\r\n" split across chunks is one newline.
    if out.ends_with('\r') && !fin {
        out.pop();
        d.pendingcr.set(true);
    }
    let crlf = out.matches("\r\n").count();
    let cr = out.matches('\r').count() - crlf;
    let lf = out.matches('\n').count() - crlf;
    let mut seen = d.seennl.get();
    if lf > 0 {
        seen |= SEEN_LF;
    }
    if cr > 0 {
        seen |= SEEN_CR;
    }
    if crlf > 0 {
        seen |= SEEN_CRLF;
    }
    d.seennl.set(seen);
    if d.translate.get() && (crlf > 0 || cr > 0) {
        out = out.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok(new_str(out))
}

/// `getstate()`: the wrapped decoder's `(buffer, flag)` with the pending '\r' as bit 0.
fn d_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "getstate")?;
    let dec = inner(d)?;
    let (buf, flag) = if dec.is_none() {
        (crate::objects::bytes::new_bytes(Vec::new()), new_int(0))
    } else {
        let st = vm.call_method(&dec, "getstate", &[])?;
        let Some(items) = st.as_tuple().filter(|t| t.len() == 2) else {
            return Err(type_error("illegal decoder state"));
        };
        (items[0].clone(), items[1].clone())
    };
    let shifted = vm.binary_op(&flag, &new_int(1), crate::bytecode::opcode::BinOp::LShift, false)?;
    let flag = vm.binary_op(&shifted, &new_int(d.pendingcr.get() as i64), crate::bytecode::opcode::BinOp::Or, false)?;
    Ok(new_tuple(vec![buf, flag]))
}

/// `setstate((buffer, flag))`.
fn d_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "setstate")?;
    let [_, state] = args.exact::<2>("setstate")?;
    let Some(items) = state.as_tuple() else { return Err(type_error("state argument must be a tuple")) };
    let [buf, flag] = items else { return Err(type_error("illegal state argument")) };
    let dec = inner(d)?;
    let low = vm.binary_op(flag, &new_int(1), crate::bytecode::opcode::BinOp::And, false)?;
    d.pendingcr.set(vm.truthy(&low)?);
    if !dec.is_none() {
        let rest = vm.binary_op(flag, &new_int(1), crate::bytecode::opcode::BinOp::RShift, false)?;
        vm.call_method(&dec, "setstate", &[new_tuple(vec![buf.clone(), rest])])?;
    }
    Ok(none())
}

fn d_reset(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "reset")?;
    let dec = inner(d)?;
    d.seennl.set(0);
    d.pendingcr.set(false);
    if !dec.is_none() {
        vm.call_method(&dec, "reset", &[])?;
    }
    Ok(none())
}

/// `newlines`: None, one kind, or a tuple of the kinds seen, in CPython's order.
fn d_newlines(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = me(&args, "newlines")?;
    inner(d)?;
    let s = |t: &str| new_str(t);
    Ok(match d.seennl.get() {
        0 => none(),
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        3 => new_tuple(vec![s("\r"), s("\n")]),
        SEEN_CRLF => s("\r\n"),
        5 => new_tuple(vec![s("\n"), s("\r\n")]),
        6 => new_tuple(vec![s("\r"), s("\r\n")]),
        _ => new_tuple(vec![s("\r"), s("\n"), s("\r\n")]),
    })
}
