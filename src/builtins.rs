//! The `builtins` module: the functions and classes every module sees.

pub mod array;
pub mod ast;
pub mod binascii;
pub mod bisect;
pub mod bz2;
pub mod cmath;
pub mod codecs;
pub mod collections;
pub mod contextvars;
pub mod core;
pub mod csv;
pub mod errno;
pub mod faulthandler;
pub mod fcntl;
pub mod functools;
pub mod gc;
pub mod grp;
pub mod hashes;
pub mod heapq;
pub mod imp;
pub mod io;
pub mod itertools;
pub mod json;
pub mod locale;
pub mod lsprof;
pub mod marshal;
pub mod math;
pub mod memoryview;
pub mod namespace;
pub mod numeric;
pub mod operator_mod;
pub mod posix;
pub mod posixsubprocess;
pub mod pwd;
pub mod queue;
pub mod random;
pub mod resource;
pub mod select;
pub mod seq;
pub mod signal;
pub mod socket;
pub mod sre;
pub mod statmod;
pub mod string_mod;
pub mod structmod;
pub mod syslog;
pub mod termios;
pub mod thread;
pub mod unicodedata;
pub mod zlib;

use crate::objects::str::new_str;
use crate::objects::{exc_types_all, none, types};
use crate::values::Value;
use crate::vm::startup::add_function;
use crate::vm::{Args, PyResult, Vm};

/// Fills the builtins dict.
pub fn init(d: &Value) {
    let dd = d.payload::<crate::objects::dict::PyDict>().expect("dict");
    let t = types();
    for (name, v) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
        ("BaseException", &t.base_exception),
    ] {
        dd.set_str(new_str(name), v.clone());
    }
    for (name, v) in exc_types_all() {
        dd.set_str(new_str(name), v.clone());
    }
    for alias in ["IOError", "EnvironmentError"] {
        dd.set_str(new_str(alias), crate::objects::registry::exc().os_error.clone());
    }
    crate::objects::exception::add_group_builtins(d);
    dd.set_str(new_str("None"), none());
    dd.set_str(new_str("Ellipsis"), crate::objects::ellipsis());
    dd.set_str(new_str("NotImplemented"), crate::objects::not_implemented());
    add_function(d, "builtins", "print", builtin_print);
    core::init(d);
    io::init(d);
    numeric::init(d);
    posix::register();
    sre::register();
    codecs::register();
    structmod::register();
    binascii::register();
    bisect::register();
    marshal::register();
    heapq::register();
    itertools::register();
    collections::register();
    string_mod::register();
    signal::register();
    contextvars::register();
    hashes::register();
    operator_mod::register();
    zlib::register();
    array::register();
    csv::register();
    posixsubprocess::register();
    select::register();
    socket::register();
    ast::register();
    statmod::register();
    pwd::register();
    grp::register();
    resource::register();
    fcntl::register();
    termios::register();
    lsprof::register();
    faulthandler::register();
    syslog::register();
    unicodedata::register();
    json::register();
    functools::register();
    locale::register();
    bz2::register();
    queue::register();
    memoryview::init(d);
    seq::init(d);
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)` (minimal: stdout only).
fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let mut out = String::new();
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&vm.str_string(v)?);
    }
    out.push('\n');
    print!("{out}");
    Ok(none())
}
