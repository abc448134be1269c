//! The `grp` module: the group database through libc's `getgrgid_r`/`getgrnam_r` and
//! `getgrent`, entries as `grp.struct_group` struct sequences (members as a list), with
//! grpmodule.c's errors; id and name conversion are `pwd`'s.

use crate::builtins::pwd::{IdError, id_arg, id_value, lookup, name_arg, text};
use crate::objects::dict::PyDict;
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{key_error, type_error};
use crate::vm::startup::structseq::{self, TypeSlot, cached};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const FIELDS: &[&str] = &["gr_name", "gr_passwd", "gr_gid", "gr_mem"];

static STRUCT_GROUP: TypeSlot = TypeSlot::new(std::cell::RefCell::new(None));

fn group_type(vm: &mut Vm) -> PyResult {
    cached(&STRUCT_GROUP, |vm| structseq::new_type(vm, "grp", "struct_group", FIELDS))(vm)
}

fn make_entry(vm: &mut Vm, g: &libc::group) -> PyResult {
    let mut members = Vec::new();
    let mut p = g.gr_mem;
    // SAFETY: `gr_mem` is a NULL-terminated array of C strings owned by the entry.
    while !p.is_null() && !unsafe { *p }.is_null() {
        // SAFETY: as above; `p` has not passed the terminating NULL.
        members.push(text(unsafe { *p }));
        // SAFETY: the array continues at least up to its NULL terminator.
        p = unsafe { p.add(1) };
    }
    let values = vec![text(g.gr_name), text(g.gr_passwd), id_value(g.gr_gid), new_list(members)];
    let cls = group_type(vm)?;
    vm.call_pos(&cls, &[new_tuple(values)])
}

fn getgrgid(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("getgrgid", &["id"], 1)?;
    let v = b[0].clone().unwrap_or_else(crate::objects::none);
    let gid = match id_arg(vm, &v, "gid") {
        Ok(g) => g,
        Err(IdError::Overflow(e) | IdError::Type(e)) => return Err(e),
    };
    // SAFETY: the pointers come from `lookup`, which sizes them for the call.
    match lookup(|e, b, n, r| unsafe { libc::getgrgid_r(gid, e, b, n, r) }) {
        Some((entry, _buf)) => make_entry(vm, &entry),
        None => {
            let shown = if gid == u32::MAX { -1 } else { gid as i64 };
            Err(key_error(new_str(format!("getgrgid(): gid not found: {shown}"))))
        }
    }
}

fn getgrnam(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("getgrnam", &["name"], 1)?;
    let v = b[0].clone().unwrap_or_else(crate::objects::none);
    let name = name_arg(&v, "getgrnam() argument 'name'")?;
    // SAFETY: `name` is NUL-terminated; the other pointers come from `lookup`.
    match lookup(|e, b, n, r| unsafe { libc::getgrnam_r(name.as_ptr(), e, b, n, r) }) {
        Some((entry, _buf)) => make_entry(vm, &entry),
        None => {
            let shown = vm.repr_string(&v)?;
            Err(key_error(new_str(format!("getgrnam(): name not found: {shown}"))))
        }
    }
}

/// `getgrall()`: every entry, in the database's order (the GIL serialises the
/// non-reentrant `getgrent` walk).
fn getgrall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("grp.getgrall")?;
    let mut out = Vec::new();
    // SAFETY: setgrent/getgrent/endgrent walk libc's own static entry; each entry is
    // copied before the next call.
    unsafe { libc::setgrent() };
    loop {
        // SAFETY: as above.
        let g = unsafe { libc::getgrent() };
        if g.is_null() {
            break;
        }
        // SAFETY: a non-null getgrent result points at a valid entry.
        match make_entry(vm, unsafe { &*g }) {
            Ok(e) => out.push(e),
            Err(e) => {
                // SAFETY: ends the walk started above.
                unsafe { libc::endgrent() };
                return Err(e);
            }
        }
    }
    // SAFETY: ends the walk started above.
    unsafe { libc::endgrent() };
    Ok(new_list(out))
}

pub fn register() {
    crate::vm::interp::register_native("grp", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("grp");
    let d = module_dict(&m);
    for (name, f) in [("getgrgid", getgrgid as crate::vm::NativeFn), ("getgrnam", getgrnam), ("getgrall", getgrall)] {
        add_function(&d, "grp", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("struct_group"), group_type(vm)?);
    Ok(m)
}
