//! `object.__sizeof__` and `sys.getsizeof`/`sys.getrefcount`: the sizes CPython 3.11
//! reports on 64-bit builds, computed from each payload (list over-allocation follows
//! CPython's growth because list operations size their Vec the same way; dict and set
//! tables follow CPython's resize rules).

use crate::bytecode::code::Code;
use crate::objects::dict::PyDict;
use crate::objects::instance::Instance;
use crate::objects::int::new_int;
use crate::objects::type_::PyType;
use crate::objects::types;
use crate::values::layout::FLAG_GC;
use crate::values::{Kind, Value};
use crate::vm::errors::{type_error, value_error};
use crate::vm::{Args, PyResult, Vm};

/// CPython's `PyGC_Head`, counted by `sys.getsizeof` for container objects.
const GC_HEAD: usize = 16;

fn int_size(v: &Value) -> usize {
    let bits = match v.as_small() {
        Some(i) => 64 - i.unsigned_abs().leading_zeros() as u64,
        None => v.payload::<crate::objects::int::PyInt>().map_or(0, |p| p.0.bits()),
    };
    24 + 4 * (bits.div_ceil(30) as usize).max(1)
}

fn str_size(s: &str) -> usize {
    let n = s.chars().count();
    match s.chars().map(|c| c as u32).max().unwrap_or(0) {
        0..=0x7f => 49 + n,
        0x80..=0xff => 73 + n,
        0x100..=0xffff => 74 + 2 * n,
        _ => 76 + 4 * n,
    }
}

/// Keys-table size of a dict holding `n` entries, grown by insertion as CPython does.
fn dict_keys_size(n: usize, unicode: bool) -> usize {
    if n == 0 {
        return 0;
    }
    let (mut size, mut usable) = (8usize, 5usize);
    while n > usable {
        size = (usable * 3).next_power_of_two();
        usable = size * 2 / 3;
    }
    let index_bytes = if size <= 0x80 {
        1
    } else if size <= 0x8000 {
        2
    } else if size <= 0x8000_0000 {
        4
    } else {
        8
    };
    32 + size * index_bytes + usable * if unicode { 16 } else { 24 }
}

fn dict_size(d: &PyDict) -> usize {
    let keys = d.keys();
    let unicode = keys.iter().all(|k| k.kind() == Kind::Str);
    // The table as it grew (deletions do not shrink it; `clear` empties it), as CPython's.
    let size = d.index_size();
    if size == 0 {
        return 48 + dict_keys_size(keys.len(), unicode);
    }
    let index_bytes = if size <= 0x80 {
        1
    } else if size <= 0x8000 {
        2
    } else if size <= 0x8000_0000 {
        4
    } else {
        8
    };
    48 + 32 + size * index_bytes + size * 2 / 3 * if unicode { 16 } else { 24 }
}

/// A code object: the header plus CPython 3.11's code units (instructions, inline
/// caches, and the prologue: RETURN_GENERATOR/POP_TOP, MAKE_CELL, COPY_FREE_VARS).
fn code_size(c: &Code) -> usize {
    use crate::bytecode::opcode::Op;
    let mut units = 0usize;
    for (pc, i) in c.instrs.iter().enumerate() {
        let op = i.get().op;
        units += crate::vm::trace::cpython_events(c, pc) as usize;
        units += match op {
            Op::LoadGlobal => 5,
            Op::BinaryOp | Op::UnpackSequence | Op::StoreSubscr => 1,
            Op::CompareOp => 2,
            Op::BinarySubscr | Op::LoadAttr | Op::StoreAttr => 4,
            Op::LoadMethod => 10,
            Op::Call | Op::CallMethod | Op::CallKw => 5,
            // The RESUME after each yield.
            Op::YieldValue => 1,
            _ => 0,
        };
    }
    if c.is_generator() {
        units += 2;
    }
    units += c.cellvars.len() + usize::from(!c.freevars.is_empty());
    (184 + 2 * units).div_ceil(8) * 8
}

fn set_size(t: &crate::objects::set::PySet) -> usize {
    let slots = t.t.borrow().slots.len();
    200 + if slots > 8 { slots * 16 } else { 0 }
}

fn type_size(t: &PyType, heap: bool) -> usize {
    if !heap {
        return 408;
    }
    904 + if t.has_dict.get() { 768 } else { 0 }
}

/// Variable-size builtin bases whose subclasses get no `__weakref__` slot.
fn varsize_kind(k: Kind) -> bool {
    matches!(k, Kind::Int | Kind::Bool | Kind::Bytes | Kind::Tuple | Kind::Str)
}

/// What `type(v).__sizeof__(v)` returns in CPython for the builtin layout of `v`.
pub fn basic_sizeof(v: &Value) -> usize {
    match v.kind() {
        Kind::SmallInt | Kind::Int | Kind::Bool => int_size(v),
        Kind::Float => 24,
        Kind::Complex => 32,
        Kind::None | Kind::NotImplemented | Kind::Ellipsis => 16,
        Kind::Str => v.as_str().map_or(49, str_size),
        Kind::Bytes => 33 + v.payload::<crate::objects::bytes::PyBytes>().map_or(0, |b| b.0.len()),
        Kind::ByteArray => {
            let n = v.payload::<crate::objects::bytes::PyByteArray>().map_or(0, |b| b.0.borrow().len());
            56 + if n == 0 { 0 } else { n + 1 }
        }
        Kind::List => 40 + 8 * v.payload::<crate::objects::list::PyList>().map_or(0, |l| l.0.borrow().capacity()),
        Kind::Tuple => 24 + 8 * v.as_tuple().map_or(0, <[Value]>::len),
        Kind::Dict => v.payload::<PyDict>().map_or(48, dict_size),
        Kind::Set => v.payload::<crate::objects::set::PySet>().map_or(200, set_size),
        Kind::FrozenSet => v.payload::<crate::objects::set::PyFrozenSet>().map_or(200, |f| set_size(&f.s)),
        Kind::Range => 48,
        Kind::Slice => 40,
        Kind::Function => 136,
        Kind::BoundMethod => 32,
        Kind::Builtin => 56,
        Kind::Module => 56,
        Kind::Cell => 24,
        Kind::Type => match v.as_type() {
            Some(t) => type_size(t, t.flags.get() & crate::objects::type_::TF_HEAPTYPE != 0),
            None => 408,
        },
        Kind::Exception => 72,
        Kind::Property => 64,
        Kind::StaticMethod | Kind::ClassMethod => 32,
        Kind::NativeIter | Kind::DictView => 32,
        // CPython's generator embeds its frame: localsplus and value stack.
        Kind::Generator => v
            .payload::<crate::objects::generator::PyGenerator>()
            .and_then(|g| g.code.payload::<Code>())
            .map_or(160, |c| 152 + 8 * (c.nlocalsplus() + c.stacksize as usize)),
        Kind::Code => v.payload::<Code>().map_or(200, code_size),
        Kind::WeakRef => 64,
        Kind::Instance => {
            let Some(inst) = v.payload::<Instance>() else { return 16 };
            let weak = !v.type_of().is(&types().object)
                && v.type_of().as_type().is_some_and(|t| t.lookup("__weakref__").is_some());
            match &inst.base {
                Some(b) => basic_sizeof(b) + if weak && !varsize_kind(b.kind()) { 8 } else { 0 },
                None => 16 + 8 * inst.slots.len() + if weak { 8 } else { 0 },
            }
        }
        _ => 16,
    }
}

/// The pre-header CPython counts in `sys.getsizeof`: the GC links of containers and the
/// managed `__dict__` pointer pair of instances of classes with a dict.
fn preheader(v: &Value) -> usize {
    let mut n = 0;
    let gc_kind = match v.kind() {
        Kind::Type | Kind::Slice => true,
        Kind::Instance => {
            !v.type_of().is(&types().object)
                && v.payload::<Instance>().is_none_or(|i| i.base.as_ref().is_none_or(|b| preheader(b) > 0))
        }
        _ => v.header().is_some_and(|h| h.flags() & FLAG_GC != 0),
    };
    if gc_kind {
        n += GC_HEAD;
    }
    if v.kind() == Kind::Instance && v.type_of().as_type().is_some_and(|t| t.has_dict.get()) {
        n += 16;
    }
    n
}

/// `object.__sizeof__(self)`.
pub fn object_sizeof(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__sizeof__")?;
    Ok(new_int(basic_sizeof(s) as i64))
}

/// `sys.getsizeof(object[, default])`.
pub fn sys_getsizeof(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("getsizeof", &["object", "default"], 1)?;
    let Some(obj) = a[0].clone() else {
        return Err(type_error("getsizeof() missing required argument 'object' (pos 1)"));
    };
    let res = match vm.lookup_special(&obj, "__sizeof__") {
        None => Err(type_error(format!("Type {} doesn't define __sizeof__", crate::vm::protocol::type_name(&obj)))),
        Some(m) => vm.call_pos(&m, std::slice::from_ref(&obj)),
    };
    let r = match res {
        Ok(r) => r,
        Err(e) => {
            return match &a[1] {
                Some(d) if e.matches(&crate::objects::registry::exc().type_error) => Ok(d.clone()),
                _ => Err(e),
            };
        }
    };
    let Some(n) =
        crate::objects::int::to_i64(&r).filter(|_| matches!(r.kind(), Kind::SmallInt | Kind::Int | Kind::Bool))
    else {
        return Err(type_error("an integer is required"));
    };
    if n < 0 {
        return Err(value_error("__sizeof__() should return >= 0"));
    }
    Ok(new_int(n + preheader(&obj) as i64))
}

/// `sys.getrefcount(object)`: the object's count as CPython would show it. CPython holds
/// one reference for the argument; our call passes the argument on the value stack
/// without an extra copy, so the stored count already matches.
pub fn sys_getrefcount(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [o] = args.exact::<1>("getrefcount")?;
    Ok(new_int(o.refcount() as i64))
}
