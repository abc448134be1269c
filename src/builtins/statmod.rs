//! The `_stat` module, whose names CPython's `stat.py` imports over its own pure-Python
//! definitions: the S_IF*/S_I* mode bits, the ST_* indexes, the BSD file flags, the
//! S_IS*() tests, `S_IMODE`, `S_IFMT` and `filemode`, with `_stat.c`'s argument rules.

use crate::objects::dict::PyDict;
use crate::objects::int::{int_val, new_int};
use crate::objects::py_bool;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::vm::errors::{PyErr, type_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;

/// The module's integer names; door, port and whiteout files do not exist on Linux, so
/// their type bits are 0 as in `_stat.c`.
const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_ENFMT", 0o2000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_NODUMP", 0x1),
    ("UF_IMMUTABLE", 0x2),
    ("UF_APPEND", 0x4),
    ("UF_OPAQUE", 0x8),
    ("UF_NOUNLINK", 0x10),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_APPEND", 0x40000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// `_PyLong_AsMode_t`: an int (no `__index__`) that fits an unsigned long, then `mode_t`.
fn mode_arg(v: &Value) -> PyResult<u32> {
    let Some(i) = int_val(v) else { return Err(type_error("an integer is required")) };
    let b = i.to_bigint();
    let overflow = |m: &str| PyErr::new(&exc().overflow_error, m.to_string());
    if b.sign() == num_bigint::Sign::Minus {
        return Err(overflow("can't convert negative value to unsigned int"));
    }
    let w = num_traits::ToPrimitive::to_u64(&b)
        .ok_or_else(|| overflow("Python int too large to convert to C unsigned long"))?;
    u32::try_from(w).map_err(|_| overflow("mode out of range"))
}

/// The one positional argument of a `_stat` function.
fn one_mode(args: &Args<'_>, fname: &str) -> PyResult<u32> {
    let [m] = args.exact::<1>(&format!("_stat.{fname}"))?;
    mode_arg(m)
}

macro_rules! is_type {
    ($($fname:ident $name:literal $bits:expr;)*) => {
        $(
            fn $fname(_vm: &mut Vm, args: Args<'_>) -> PyResult {
                let m = one_mode(&args, $name)?;
                Ok(py_bool($bits != 0 && m & S_IFMT == $bits))
            }
        )*
    };
}

is_type! {
    s_isdir "S_ISDIR" S_IFDIR;
    s_ischr "S_ISCHR" S_IFCHR;
    s_isblk "S_ISBLK" S_IFBLK;
    s_isreg "S_ISREG" S_IFREG;
    s_isfifo "S_ISFIFO" S_IFIFO;
    s_islnk "S_ISLNK" S_IFLNK;
    s_issock "S_ISSOCK" S_IFSOCK;
    s_isdoor "S_ISDOOR" 0u32;
    s_isport "S_ISPORT" 0u32;
    s_iswht "S_ISWHT" 0u32;
}

fn s_imode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int((one_mode(&args, "S_IMODE")? & 0o7777) as i64))
}

fn s_ifmt(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int((one_mode(&args, "S_IFMT")? & S_IFMT) as i64))
}

/// `filemode(mode)`: `ls -l`'s ten characters, '?' for an unknown file type.
fn filemode(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let m = one_mode(&args, "filemode")?;
    let kind = match m & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFBLK => 'b',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let bit = |mask: u32, c: char| if m & mask != 0 { c } else { '-' };
    // The execute position shows the set-id/sticky bit: lower case with x, upper without.
    let exec = |x: u32, special: u32, c: char| match (m & x != 0, m & special != 0) {
        (true, true) => c,
        (false, true) => c.to_ascii_uppercase(),
        (true, false) => 'x',
        (false, false) => '-',
    };
    let s: String = [
        kind,
        bit(0o400, 'r'),
        bit(0o200, 'w'),
        exec(0o100, 0o4000, 's'),
        bit(0o040, 'r'),
        bit(0o020, 'w'),
        exec(0o010, 0o2000, 's'),
        bit(0o004, 'r'),
        bit(0o002, 'w'),
        exec(0o001, 0o1000, 't'),
    ]
    .iter()
    .collect();
    Ok(new_str(s))
}

pub fn register() {
    crate::vm::interp::register_native("_stat", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_stat");
    let d = module_dict(&m);
    for (name, f) in [
        ("S_ISDIR", s_isdir as crate::vm::NativeFn),
        ("S_ISCHR", s_ischr),
        ("S_ISBLK", s_isblk),
        ("S_ISREG", s_isreg),
        ("S_ISFIFO", s_isfifo),
        ("S_ISLNK", s_islnk),
        ("S_ISSOCK", s_issock),
        ("S_ISDOOR", s_isdoor),
        ("S_ISPORT", s_isport),
        ("S_ISWHT", s_iswht),
        ("S_IMODE", s_imode),
        ("S_IFMT", s_ifmt),
        ("filemode", filemode),
    ] {
        add_function(&d, "_stat", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    for (k, v) in CONSTANTS {
        dd.set_str(new_str(*k), new_int(*v));
    }
    Ok(m)
}
