//! The native `_locale` module (CPython's _localemodule.c) over the C library:
//! `setlocale`, `localeconv`, `nl_langinfo` (CPython's list of keys), `strcoll`/`strxfrm`
//! (wide-character collation), `getencoding` and the gettext functions, with the module's
//! `Error` class (`locale.Error`). On first import the LC_CTYPE category is taken from the
//! environment, as CPython does at start-up, a "C"/"POSIX" result coerced to C.UTF-8
//! (PEP 538); every other category stays "C".

use std::ffi::{CStr, CString};

use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

// glibc's gettext and wide-character collation functions, which the libc crate does not
// declare.
unsafe extern "C" {
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(domain: *const libc::c_char, msgid: *const libc::c_char, category: libc::c_int) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(domain: *const libc::c_char, codeset: *const libc::c_char) -> *mut libc::c_char;
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(dest: *mut libc::wchar_t, src: *const libc::wchar_t, n: libc::size_t) -> libc::size_t;
}

/// glibc's `_DATE_FMT` (`date`'s format), which CPython exposes too.
const DATE_FMT: libc::nl_item = 0x2006C;

/// The keys `nl_langinfo` accepts, as CPython's `langinfo_constants`.
const LANGINFO: &[(&str, libc::nl_item)] = &[
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("CODESET", libc::CODESET),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    ("_DATE_FMT", DATE_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
];

const CATEGORIES: &[(&str, libc::c_int)] = &[
    ("LC_CTYPE", libc::LC_CTYPE),
    ("LC_COLLATE", libc::LC_COLLATE),
    ("LC_TIME", libc::LC_TIME),
    ("LC_MONETARY", libc::LC_MONETARY),
    ("LC_NUMERIC", libc::LC_NUMERIC),
    ("LC_ALL", libc::LC_ALL),
    ("LC_MESSAGES", libc::LC_MESSAGES),
];

/// `locale.Error`, made on first import.
static ERROR: GilStatic<std::cell::RefCell<Option<Value>>> = GilStatic::new(std::cell::RefCell::new(None));

fn locale_error(msg: &str) -> PyErr {
    let cls = ERROR.borrow().clone().unwrap_or_else(|| exc().exception.clone());
    PyErr::new(&cls, msg)
}

pub fn register() {
    crate::vm::interp::register_native("_locale", init);
}

/// A C string from the library as text (`PyUnicode_DecodeLocale`; pylift's strings are
/// UTF-8, so undecodable bytes become U+FFFD).
fn decoded(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library returns NUL-terminated strings that stay valid until the next
    // locale call, which is after this copy.
    String::from_utf8_lossy(unsafe { CStr::from_ptr(p) }.to_bytes()).into_owned()
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    match crate::objects::sequtil::index_clamped(vm, v)? {
        Some(i) => i32::try_from(i).map_err(|_| {
            PyErr::new(
                &exc().overflow_error,
                if i < 0 { "signed integer is less than minimum" } else { "signed integer is greater than maximum" },
            )
        }),
        None => Err(type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// A `str` argument for the C library (no NUL inside); `n` 0 for a function's only
/// argument.
fn c_str(v: &Value, fname: &str, n: usize) -> PyResult<CString> {
    let s = str_arg(v, fname, (n > 0).then_some(n))?;
    CString::new(s).map_err(|_| value_error("embedded null character"))
}

/// A `str` or None argument (`z` format); `n` 0 for a function's only argument.
fn c_str_or_none(v: &Value, fname: &str, n: usize) -> PyResult<Option<CString>> {
    if v.is_none() {
        return Ok(None);
    }
    let which = if n == 0 { "argument".to_string() } else { format!("argument {n}") };
    let s =
        v.as_str().ok_or_else(|| type_error(format!("{fname}() {which} must be str or None, not {}", type_name(v))))?;
    CString::new(s).map(Some).map_err(|_| value_error("embedded null character"))
}

fn opt_ptr(s: &Option<CString>) -> *const libc::c_char {
    s.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}

/// `setlocale(category, locale=None)`: sets, or with None queries, a category.
fn setlocale(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let p = args.range("setlocale", 1, 2)?;
    let category = int_arg(vm, &p[0])?;
    let loc = match p.get(1) {
        Some(v) => c_str_or_none(v, "setlocale", 2)?,
        None => None,
    };
    // SAFETY: `loc` is NUL-terminated or null (a query); the result is copied at once.
    let r = unsafe { libc::setlocale(category, opt_ptr(&loc)) };
    if r.is_null() {
        return Err(locale_error(if loc.is_some() { "unsupported locale setting" } else { "locale query failed" }));
    }
    Ok(new_str(decoded(r)))
}

/// CPython's `copy_grouping`: the group sizes up to and including the terminating 0 or
/// CHAR_MAX; an empty list for no grouping.
fn grouping(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return new_list(vec![]);
    }
    // SAFETY: `lconv` grouping fields are NUL-terminated strings.
    let b = unsafe { CStr::from_ptr(p) }.to_bytes();
    if b.is_empty() {
        return new_list(vec![]);
    }
    let mut out = Vec::new();
    for &c in b {
        let c = c as libc::c_char;
        out.push(new_int(c as i64));
        if c == libc::c_char::MAX {
            return new_list(out);
        }
    }
    out.push(new_int(0));
    new_list(out)
}

fn localeconv(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_locale.localeconv")?;
    // SAFETY: `localeconv` returns a pointer to static data, read before any other
    // locale call.
    let l = unsafe { &*libc::localeconv() };
    let d = crate::objects::dict::methods::new_dict();
    let Some(dd) = d.payload::<PyDict>() else { return Ok(d) };
    let s = |k: &str, p: *const libc::c_char| dd.set_str(new_str(k), new_str(decoded(p)));
    let i = |k: &str, v: libc::c_char| dd.set_str(new_str(k), new_int(v as i64));
    // CPython's order: the monetary fields, then the numeric ones.
    s("int_curr_symbol", l.int_curr_symbol);
    s("currency_symbol", l.currency_symbol);
    s("mon_decimal_point", l.mon_decimal_point);
    s("mon_thousands_sep", l.mon_thousands_sep);
    dd.set_str(new_str("mon_grouping"), grouping(l.mon_grouping));
    s("positive_sign", l.positive_sign);
    s("negative_sign", l.negative_sign);
    i("int_frac_digits", l.int_frac_digits);
    i("frac_digits", l.frac_digits);
    i("p_cs_precedes", l.p_cs_precedes);
    i("p_sep_by_space", l.p_sep_by_space);
    i("n_cs_precedes", l.n_cs_precedes);
    i("n_sep_by_space", l.n_sep_by_space);
    i("p_sign_posn", l.p_sign_posn);
    i("n_sign_posn", l.n_sign_posn);
    s("decimal_point", l.decimal_point);
    s("thousands_sep", l.thousands_sep);
    dd.set_str(new_str("grouping"), grouping(l.grouping));
    Ok(d)
}

fn nl_langinfo(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [key] = args.exact::<1>("_locale.nl_langinfo")?;
    let key = int_arg(vm, key)?;
    if !LANGINFO.iter().any(|&(_, k)| k == key) {
        return Err(value_error("unsupported langinfo constant"));
    }
    // SAFETY: `key` is one of the library's own item numbers; the result is copied at
    // once (glibc may answer NULL for ERA: an empty string, as CPython).
    Ok(new_str(decoded(unsafe { libc::nl_langinfo(key) })))
}

/// `s` as a NUL-terminated wide string (a NUL inside is refused, as CPython).
fn wide(s: &str) -> PyResult<Vec<libc::wchar_t>> {
    if s.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    let mut w: Vec<libc::wchar_t> = s.chars().map(|c| c as libc::wchar_t).collect();
    w.push(0);
    Ok(w)
}

fn str_arg<'a>(v: &'a Value, fname: &str, n: Option<usize>) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| {
        let which = n.map_or("argument".to_string(), |n| format!("argument {n}"));
        type_error(format!("{fname}() {which} must be str, not {}", type_name(v)))
    })
}

fn strcoll(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [a, b] = args.exact::<2>("strcoll")?;
    let (a, b) = (wide(str_arg(a, "strcoll", Some(1))?)?, wide(str_arg(b, "strcoll", Some(2))?)?);
    // SAFETY: both are NUL-terminated wide strings that outlive the call.
    Ok(new_int(unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64))
}

fn strxfrm(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("_locale.strxfrm")?;
    let src = wide(str_arg(s, "strxfrm", None)?)?;
    let mut buf: Vec<libc::wchar_t> = vec![0; src.len() + 1];
    loop {
        // SAFETY: `buf` has room for `buf.len()` wide characters; `src` is terminated.
        let n = unsafe { wcsxfrm(buf.as_mut_ptr(), src.as_ptr(), buf.len()) };
        if n < buf.len() {
            let out: String = buf[..n].iter().map(|&c| char::from_u32(c as u32).unwrap_or('\u{fffd}')).collect();
            return Ok(new_str(out));
        }
        buf = vec![0; n + 1];
    }
}

/// `getencoding()`: the locale's encoding ("utf-8" in UTF-8 mode).
fn getencoding(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("_locale.getencoding")?;
    let flags = vm.getattr_str(&vm.sys.clone(), "flags")?;
    let utf8 = vm.getattr_str(&flags, "utf8_mode")?;
    if vm.truthy(&utf8)? {
        return Ok(new_str("utf-8"));
    }
    // SAFETY: CODESET is a valid item; the result is copied at once.
    let enc = decoded(unsafe { libc::nl_langinfo(libc::CODESET) });
    Ok(new_str(if enc.is_empty() { "UTF-8".to_string() } else { enc }))
}

fn gettext_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [msg] = args.exact::<1>("_locale.gettext")?;
    let m = c_str(msg, "gettext", 0)?;
    // SAFETY: `m` is NUL-terminated; the result is copied at once.
    Ok(new_str(decoded(unsafe { gettext(m.as_ptr()) })))
}

fn dgettext_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [domain, msg] = args.exact::<2>("dgettext")?;
    let d = c_str_or_none(domain, "dgettext", 1)?;
    let m = c_str(msg, "dgettext", 2)?;
    // SAFETY: the arguments are NUL-terminated or null; the result is copied at once.
    Ok(new_str(decoded(unsafe { dgettext(opt_ptr(&d), m.as_ptr()) })))
}

fn dcgettext_fn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [domain, msg, category] = args.exact::<3>("dcgettext")?;
    let d = c_str_or_none(domain, "dcgettext", 1)?;
    let m = c_str(msg, "dcgettext", 2)?;
    let c = int_arg(vm, category)?;
    // SAFETY: as in `dgettext`.
    Ok(new_str(decoded(unsafe { dcgettext(opt_ptr(&d), m.as_ptr(), c) })))
}

/// OSError from the C library's errno.
fn os_error(vm: &mut Vm) -> PyErr {
    let code = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    crate::builtins::posix::errno_err(vm, code, None, None)
}

fn textdomain_fn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [domain] = args.exact::<1>("_locale.textdomain")?;
    let d = c_str_or_none(domain, "textdomain", 0)?;
    // SAFETY: `d` is NUL-terminated or null (a query).
    let r = unsafe { textdomain(opt_ptr(&d)) };
    if r.is_null() {
        return Err(os_error(vm));
    }
    Ok(new_str(decoded(r)))
}

fn bindtextdomain_fn(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [domain, dir] = args.exact::<2>("bindtextdomain")?;
    let d = c_str(domain, "bindtextdomain", 1)?;
    if d.as_bytes().is_empty() {
        return Err(locale_error("domain must be a non-empty string"));
    }
    let dir = if dir.is_none() {
        None
    } else {
        let p = crate::builtins::posix::path_arg(vm, dir, "bindtextdomain", "dirname")?;
        Some(CString::new(p.bytes).map_err(|_| value_error("embedded null byte"))?)
    };
    // SAFETY: both are NUL-terminated or null (a query).
    let r = unsafe { bindtextdomain(d.as_ptr(), opt_ptr(&dir)) };
    if r.is_null() {
        return Err(os_error(vm));
    }
    Ok(new_str(decoded(r)))
}

fn bind_textdomain_codeset_fn(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [domain, codeset] = args.exact::<2>("bind_textdomain_codeset")?;
    let d = c_str(domain, "bind_textdomain_codeset", 1)?;
    let c = c_str_or_none(codeset, "bind_textdomain_codeset", 2)?;
    // SAFETY: both are NUL-terminated or null (a query).
    let r = unsafe { bind_textdomain_codeset(d.as_ptr(), opt_ptr(&c)) };
    if r.is_null() {
        return Ok(none());
    }
    Ok(new_str(decoded(r)))
}

/// CPython's start-up locale: LC_CTYPE from the environment, coerced from the legacy
/// "C"/"POSIX" locale to C.UTF-8 (PEP 538) unless LC_ALL is set.
fn init_ctype() {
    let empty = c"";
    // SAFETY: NUL-terminated arguments; results are only compared, then dropped.
    unsafe {
        let r = libc::setlocale(libc::LC_CTYPE, empty.as_ptr());
        let legacy = r.is_null() || matches!(CStr::from_ptr(r).to_bytes(), b"C" | b"POSIX");
        if legacy && std::env::var_os("LC_ALL").is_none_or(|v| v.is_empty()) {
            libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr());
        }
    }
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_locale");
    let d = module_dict(&m);
    if ERROR.borrow().is_none() {
        init_ctype();
        let e = crate::vm::startup::new_class(vm, "locale", "Error", vec![exc().exception.clone()])?;
        *ERROR.borrow_mut() = Some(e);
    }
    for (name, f) in [
        ("setlocale", setlocale as crate::vm::NativeFn),
        ("localeconv", localeconv),
        ("nl_langinfo", nl_langinfo),
        ("strcoll", strcoll),
        ("strxfrm", strxfrm),
        ("getencoding", getencoding),
        ("gettext", gettext_fn),
        ("dgettext", dgettext_fn),
        ("dcgettext", dcgettext_fn),
        ("textdomain", textdomain_fn),
        ("bindtextdomain", bindtextdomain_fn),
        ("bind_textdomain_codeset", bind_textdomain_codeset_fn),
    ] {
        add_function(&d, "_locale", name, f);
    }
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("__doc__"), new_str("Support for POSIX locales."));
        for &(name, v) in CATEGORIES {
            dd.set_str(new_str(name), new_int(v as i64));
        }
        for &(name, v) in LANGINFO {
            dd.set_str(new_str(name), new_int(v as i64));
        }
        dd.set_str(new_str("CHAR_MAX"), new_int(libc::c_char::MAX as i64));
        if let Some(e) = ERROR.borrow().clone() {
            dd.set_str(new_str("Error"), e);
        }
    }
    Ok(m)
}
