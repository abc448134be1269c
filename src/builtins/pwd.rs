//! The `pwd` module: the password database through libc's `getpwuid_r`/`getpwnam_r`
//! and `getpwent`, entries as `pwd.struct_passwd` struct sequences, with pwdmodule.c's
//! KeyErrors and posixmodule.c's uid conversion rules (shared with `grp`).

use std::ffi::{CStr, CString};

use crate::objects::dict::PyDict;
use crate::objects::int::{int_val, new_int};
use crate::objects::list::new_list;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{PyErr, key_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::structseq::{self, TypeSlot, cached};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const FIELDS: &[&str] = &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"];

static STRUCT_PASSWD: TypeSlot = TypeSlot::new(std::cell::RefCell::new(None));

/// Why an id argument was refused: not an int at all, or out of `uid_t`'s range.
pub(crate) enum IdError {
    Type(PyErr),
    Overflow(PyErr),
}

/// `_Py_Uid_Converter`/`_Py_Gid_Converter` (`what` is "uid" or "gid"): -1 is allowed
/// (it means "no id"), other negatives and values that do not fit 32 bits are not, with
/// the C code's wording (a value that fits a long but is truncated is "less than
/// minimum").
pub(crate) fn id_arg(vm: &mut Vm, v: &Value, what: &str) -> Result<u32, IdError> {
    let i = match crate::builtins::numeric::index(vm, v) {
        Ok(i) => i,
        Err(_) => return Err(IdError::Type(type_error(format!("{what} should be integer, not {}", type_name(v))))),
    };
    let b = int_val(&i).map(|i| i.to_bigint()).unwrap_or_default();
    let less = || IdError::Overflow(PyErr::new(&exc().overflow_error, format!("{what} is less than minimum")));
    let greater = || IdError::Overflow(PyErr::new(&exc().overflow_error, format!("{what} is greater than maximum")));
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(-1) => Ok(u32::MAX),
        Some(n) if n < 0 => Err(less()),
        Some(n) => u32::try_from(n).map_err(|_| less()),
        None if b.sign() == num_bigint::Sign::Minus => Err(less()),
        None => Err(greater()),
    }
}

/// An id as Python shows it: `(uid_t)-1` is -1.
pub(crate) fn id_value(id: u32) -> Value {
    new_int(if id == u32::MAX { -1 } else { id as i64 })
}

/// A C string from the database, decoded as the file system encoding does.
pub(crate) fn text(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return new_str("");
    }
    // SAFETY: libc's database entries hold NUL-terminated strings that live until the
    // next call on the same buffer, which is after this copy.
    let b = unsafe { CStr::from_ptr(p) }.to_bytes();
    new_str(String::from_utf8_lossy(b).into_owned())
}

/// A name argument: a str, encoded for libc (no NUL inside).
pub(crate) fn name_arg(v: &Value, msg_prefix: &str) -> PyResult<CString> {
    let Some(s) = v.as_str() else {
        return Err(type_error(format!("{msg_prefix} must be str, not {}", type_name(v))));
    };
    CString::new(s.as_bytes()).map_err(|_| value_error("embedded null byte"))
}

/// Runs a reentrant lookup (`getpwuid_r`-style: fills an entry and a string buffer)
/// with a buffer grown until it fits; Some(entry) when found.
pub(crate) fn lookup<T>(
    mut call: impl FnMut(*mut T, *mut libc::c_char, usize, *mut *mut T) -> libc::c_int,
) -> Option<(Box<T>, Vec<libc::c_char>)> {
    // SAFETY: the entry structs (`passwd`, `group`) are plain old data; all-zero is valid.
    let mut entry: Box<T> = Box::new(unsafe { std::mem::zeroed() });
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    loop {
        let mut result: *mut T = std::ptr::null_mut();
        let r = call(&mut *entry, buf.as_mut_ptr(), buf.len(), &mut result);
        if r == libc::ERANGE && buf.len() < 1 << 26 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        // The strings in `entry` point into `buf`, so both are returned together.
        return (r == 0 && !result.is_null()).then_some((entry, buf));
    }
}

fn passwd_type(vm: &mut Vm) -> PyResult {
    cached(&STRUCT_PASSWD, |vm| structseq::new_type(vm, "pwd", "struct_passwd", FIELDS))(vm)
}

fn make_entry(vm: &mut Vm, p: &libc::passwd) -> PyResult {
    let values = vec![
        text(p.pw_name),
        text(p.pw_passwd),
        id_value(p.pw_uid),
        id_value(p.pw_gid),
        text(p.pw_gecos),
        text(p.pw_dir),
        text(p.pw_shell),
    ];
    let cls = passwd_type(vm)?;
    vm.call_pos(&cls, &[new_tuple(values)])
}

fn getpwuid(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("pwd.getpwuid")?;
    let uid = match id_arg(vm, v, "uid") {
        Ok(u) => u,
        Err(IdError::Overflow(_)) => return Err(key_error(new_str("getpwuid(): uid not found"))),
        Err(IdError::Type(e)) => return Err(e),
    };
    // SAFETY: the pointers come from `lookup`, which sizes them for the call.
    match lookup(|e, b, n, r| unsafe { libc::getpwuid_r(uid, e, b, n, r) }) {
        Some((entry, _buf)) => make_entry(vm, &entry),
        None => {
            let shown = if uid == u32::MAX { -1 } else { uid as i64 };
            Err(key_error(new_str(format!("getpwuid(): uid not found: {shown}"))))
        }
    }
}

fn getpwnam(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [v] = args.exact::<1>("pwd.getpwnam")?;
    let name = name_arg(v, "getpwnam() argument")?;
    // SAFETY: `name` is NUL-terminated; the other pointers come from `lookup`.
    match lookup(|e, b, n, r| unsafe { libc::getpwnam_r(name.as_ptr(), e, b, n, r) }) {
        Some((entry, _buf)) => make_entry(vm, &entry),
        None => {
            let shown = vm.repr_string(v)?;
            Err(key_error(new_str(format!("getpwnam(): name not found: {shown}"))))
        }
    }
}

/// `getpwall()`: every entry, in the database's order (the GIL serialises the
/// non-reentrant `getpwent` walk).
fn getpwall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("pwd.getpwall")?;
    let mut out = Vec::new();
    // SAFETY: setpwent/getpwent/endpwent walk libc's own static entry; each entry is
    // copied before the next call.
    unsafe { libc::setpwent() };
    loop {
        // SAFETY: as above.
        let p = unsafe { libc::getpwent() };
        if p.is_null() {
            break;
        }
        // SAFETY: a non-null getpwent result points at a valid entry.
        match make_entry(vm, unsafe { &*p }) {
            Ok(e) => out.push(e),
            Err(e) => {
                // SAFETY: ends the walk started above.
                unsafe { libc::endpwent() };
                return Err(e);
            }
        }
    }
    // SAFETY: ends the walk started above.
    unsafe { libc::endpwent() };
    Ok(new_list(out))
}

pub fn register() {
    crate::vm::interp::register_native("pwd", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("pwd");
    let d = module_dict(&m);
    for (name, f) in [("getpwuid", getpwuid as crate::vm::NativeFn), ("getpwnam", getpwnam), ("getpwall", getpwall)] {
        add_function(&d, "pwd", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("struct_passwd"), passwd_type(vm)?);
    Ok(m)
}
