//! The `termios` module: `tcgetattr`/`tcsetattr` (the seven-item attribute list, `cc`
//! as one-byte bytes except VMIN/VTIME in non-canonical mode), `tcsendbreak`, `tcdrain`,
//! `tcflush`, `tcflow`, `tcgetwinsize`/`tcsetwinsize`, `termios.error` and the
//! constants, over libc as termios.c does it (what `tty.setraw` and `pty` need).

use std::cell::RefCell;

use crate::builtins::posix::int_arg;
use crate::builtins::select::fileno;
use crate::objects::bytes::{PyBytes, new_bytes};
use crate::objects::dict::PyDict;
use crate::objects::int::{int_val, new_int};
use crate::objects::list::{PyList, new_list};
use crate::objects::none;
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::values::gil::GilStatic;
use crate::vm::errors::{PyErr, type_error};
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

static ERROR: GilStatic<RefCell<Option<Value>>> = GilStatic::new(RefCell::new(None));

fn error_class(vm: &mut Vm) -> PyResult {
    if let Some(e) = ERROR.borrow().clone() {
        return Ok(e);
    }
    let e = crate::vm::startup::new_class(vm, "termios", "error", vec![exc().exception.clone()])?;
    *ERROR.borrow_mut() = Some(e.clone());
    Ok(e)
}

/// `termios.error(errno, strerror)` from the last failed call.
fn last_error(vm: &mut Vm) -> PyErr {
    os_error(vm, std::io::Error::last_os_error())
}

fn os_error(vm: &mut Vm, e: std::io::Error) -> PyErr {
    let code = e.raw_os_error().unwrap_or(0);
    let msg = crate::objects::file::strerror(&e);
    match error_class(vm).and_then(|cls| vm.call_pos(&cls, &[new_int(code as i64), new_str(msg)])) {
        Ok(err) => PyErr(err),
        Err(err) => err,
    }
}

/// Checks a libc result: -1 is `termios.error`.
fn check(vm: &mut Vm, r: libc::c_int) -> PyResult<()> {
    if r == -1 { Err(last_error(vm)) } else { Ok(()) }
}

fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| PyErr::new(&exc().overflow_error, "Python int too large to convert to C int"))
}

/// A C `long` argument (`PyLong_AsLong`: `__index__`, no truncation).
fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = crate::builtins::numeric::index(vm, v)?;
    int_val(&i)
        .and_then(|i| i.as_i64())
        .ok_or_else(|| PyErr::new(&exc().overflow_error, "Python int too large to convert to C long"))
}

fn get_termios(vm: &mut Vm, fd: i32) -> PyResult<libc::termios> {
    // SAFETY: `termios` is plain old data; all-zero is a valid value.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid termios for tcgetattr to fill.
    let r = unsafe { libc::tcgetattr(fd, &mut t) };
    check(vm, r)?;
    Ok(t)
}

/// `tcgetattr(fd)`: `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]`.
fn tcgetattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("termios.tcgetattr")?;
    let fd = fileno(vm, f)?;
    let t = get_termios(vm, fd)?;
    // SAFETY: `t` is a valid termios.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let mut cc: Vec<Value> = t.c_cc.iter().map(|&c| new_bytes(vec![c])).collect();
    // Non-canonical mode: VMIN and VTIME are counts, not characters.
    if t.c_lflag & libc::ICANON == 0 {
        cc[libc::VMIN] = new_int(t.c_cc[libc::VMIN] as i64);
        cc[libc::VTIME] = new_int(t.c_cc[libc::VTIME] as i64);
    }
    Ok(new_list(vec![
        new_int(t.c_iflag as i64),
        new_int(t.c_oflag as i64),
        new_int(t.c_cflag as i64),
        new_int(t.c_lflag as i64),
        new_int(ispeed as i64),
        new_int(ospeed as i64),
        new_list(cc),
    ]))
}

/// `tcsetattr(fd, when, attributes)`: starts from the current settings, so fields the
/// list does not carry (the line discipline) are kept.
fn tcsetattr(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f, when, attrs] = args.exact::<3>("tcsetattr")?;
    let fd = fileno(vm, f)?;
    let when = c_int(vm, when)?;
    let items = match attrs.downcast::<PyList>() {
        Some(l) if l.0.borrow().len() == 7 => l.0.borrow().clone(),
        _ => return Err(type_error("tcsetattr, arg 3: must be 7 element list")),
    };
    let mut t = get_termios(vm, fd)?;
    t.c_iflag = c_long(vm, &items[0])? as libc::tcflag_t;
    t.c_oflag = c_long(vm, &items[1])? as libc::tcflag_t;
    t.c_cflag = c_long(vm, &items[2])? as libc::tcflag_t;
    t.c_lflag = c_long(vm, &items[3])? as libc::tcflag_t;
    let ispeed = c_long(vm, &items[4])? as libc::speed_t;
    let ospeed = c_long(vm, &items[5])? as libc::speed_t;
    let cc = match items[6].downcast::<PyList>() {
        Some(l) if l.0.borrow().len() == libc::NCCS => l.0.borrow().clone(),
        _ => return Err(type_error(format!("tcsetattr: attributes[6] must be {} element list", libc::NCCS))),
    };
    for (slot, v) in t.c_cc.iter_mut().zip(&cc) {
        *slot = match (v.downcast::<PyBytes>(), int_val(v)) {
            (Some(b), _) if b.0.len() == 1 => b.0[0],
            (None, Some(i)) => i.as_i64().unwrap_or(0) as libc::cc_t,
            _ => return Err(type_error("tcsetattr: elements of attributes must be characters or integers")),
        };
    }
    // SAFETY: `t` is a valid termios owned by this frame.
    let r = unsafe { libc::cfsetispeed(&mut t, ispeed) };
    check(vm, r)?;
    // SAFETY: as above.
    let r = unsafe { libc::cfsetospeed(&mut t, ospeed) };
    check(vm, r)?;
    // SAFETY: `t` is a valid termios for tcsetattr to read.
    let r = unsafe { libc::tcsetattr(fd, when, &t) };
    check(vm, r)?;
    Ok(none())
}

/// The (fd, int) calls: `tcsendbreak`, `tcflush`, `tcflow`.
fn fd_and_int(vm: &mut Vm, args: &Args<'_>, name: &str, call: fn(i32, i32) -> libc::c_int) -> PyResult {
    let [f, n] = args.exact::<2>(name)?;
    let fd = fileno(vm, f)?;
    let n = c_int(vm, n)?;
    check(vm, call(fd, n))?;
    Ok(none())
}

fn tcsendbreak(vm: &mut Vm, args: Args<'_>) -> PyResult {
    // SAFETY: tcsendbreak takes two ints.
    fd_and_int(vm, &args, "tcsendbreak", |fd, d| unsafe { libc::tcsendbreak(fd, d) })
}

fn tcflush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    // SAFETY: tcflush takes two ints.
    fd_and_int(vm, &args, "tcflush", |fd, q| unsafe { libc::tcflush(fd, q) })
}

fn tcflow(vm: &mut Vm, args: Args<'_>) -> PyResult {
    // SAFETY: tcflow takes two ints.
    fd_and_int(vm, &args, "tcflow", |fd, a| unsafe { libc::tcflow(fd, a) })
}

/// `tcdrain(fd)`: waits until output is written, with the GIL released.
fn tcdrain(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("termios.tcdrain")?;
    let fd = fileno(vm, f)?;
    // SAFETY: tcdrain takes an int; no Python object is touched without the GIL.
    let (r, err) = vm.allow_threads(|| (unsafe { libc::tcdrain(fd) }, std::io::Error::last_os_error()));
    if r == -1 {
        return Err(os_error(vm, err));
    }
    Ok(none())
}

fn get_winsize(vm: &mut Vm, fd: i32) -> PyResult<libc::winsize> {
    let mut w = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    // SAFETY: TIOCGWINSZ writes one winsize into `w`.
    let r = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w as *mut libc::winsize) };
    check(vm, r)?;
    Ok(w)
}

/// `tcgetwinsize(fd)`: `(rows, columns)`.
fn tcgetwinsize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f] = args.exact::<1>("termios.tcgetwinsize")?;
    let fd = fileno(vm, f)?;
    let w = get_winsize(vm, fd)?;
    Ok(new_tuple(vec![new_int(w.ws_row as i64), new_int(w.ws_col as i64)]))
}

/// `tcsetwinsize(fd, (rows, columns))`: keeps the pixel sizes.
fn tcsetwinsize(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [f, size] = args.exact::<2>("tcsetwinsize")?;
    let fd = fileno(vm, f)?;
    let bad = || type_error("tcsetwinsize, arg 2: must be a two-item sequence");
    // PySequence_Check: anything with __getitem__ but a dict.
    if size.kind() == crate::values::Kind::Dict || vm.getattr_opt(size, "__getitem__")?.is_none() {
        return Err(bad());
    }
    let items = vm.to_vec(size).map_err(|_| bad())?;
    if items.len() != 2 {
        return Err(bad());
    }
    let rows = c_long(vm, &items[0])?;
    let cols = c_long(vm, &items[1])?;
    let mut w = get_winsize(vm, fd)?;
    let (Ok(r), Ok(c)) = (u16::try_from(rows), u16::try_from(cols)) else {
        return Err(PyErr::new(&exc().overflow_error, "winsize value(s) out of range."));
    };
    w.ws_row = r;
    w.ws_col = c;
    // SAFETY: TIOCSWINSZ reads one winsize from `w`.
    let r = unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &w as *const libc::winsize) };
    check(vm, r)?;
    Ok(none())
}

pub fn register() {
    crate::vm::interp::register_native("termios", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("termios");
    let d = module_dict(&m);
    for (name, f) in [
        ("tcgetattr", tcgetattr as crate::vm::NativeFn),
        ("tcsetattr", tcsetattr),
        ("tcsendbreak", tcsendbreak),
        ("tcdrain", tcdrain),
        ("tcflush", tcflush),
        ("tcflow", tcflow),
        ("tcgetwinsize", tcgetwinsize),
        ("tcsetwinsize", tcsetwinsize),
    ] {
        add_function(&d, "termios", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("error"), error_class(vm)?);
    for (k, v) in CONSTANTS.iter().chain(GLIBC_CONSTANTS) {
        dd.set_str(new_str(*k), new_int(*v));
    }
    Ok(m)
}

/// The constants of `<termios.h>` and `<sys/ioctl.h>` that CPython's termios exports.
const CONSTANTS: &[(&str, i64)] = &[
    ("B0", libc::B0 as i64),
    ("B1000000", libc::B1000000 as i64),
    ("B110", libc::B110 as i64),
    ("B115200", libc::B115200 as i64),
    ("B1152000", libc::B1152000 as i64),
    ("B1200", libc::B1200 as i64),
    ("B134", libc::B134 as i64),
    ("B150", libc::B150 as i64),
    ("B1500000", libc::B1500000 as i64),
    ("B1800", libc::B1800 as i64),
    ("B19200", libc::B19200 as i64),
    ("B200", libc::B200 as i64),
    ("B2000000", libc::B2000000 as i64),
    ("B230400", libc::B230400 as i64),
    ("B2400", libc::B2400 as i64),
    ("B2500000", libc::B2500000 as i64),
    ("B300", libc::B300 as i64),
    ("B3000000", libc::B3000000 as i64),
    ("B3500000", libc::B3500000 as i64),
    ("B38400", libc::B38400 as i64),
    ("B4000000", libc::B4000000 as i64),
    ("B460800", libc::B460800 as i64),
    ("B4800", libc::B4800 as i64),
    ("B50", libc::B50 as i64),
    ("B500000", libc::B500000 as i64),
    ("B57600", libc::B57600 as i64),
    ("B576000", libc::B576000 as i64),
    ("B600", libc::B600 as i64),
    ("B75", libc::B75 as i64),
    ("B921600", libc::B921600 as i64),
    ("B9600", libc::B9600 as i64),
    ("BRKINT", libc::BRKINT as i64),
    ("BS0", libc::BS0 as i64),
    ("BS1", libc::BS1 as i64),
    ("BSDLY", libc::BSDLY as i64),
    ("CBAUD", libc::CBAUD as i64),
    ("CBAUDEX", libc::CBAUDEX as i64),
    ("CIBAUD", libc::CIBAUD as i64),
    ("CLOCAL", libc::CLOCAL as i64),
    ("CR0", libc::CR0 as i64),
    ("CR1", libc::CR1 as i64),
    ("CR2", libc::CR2 as i64),
    ("CR3", libc::CR3 as i64),
    ("CRDLY", libc::CRDLY as i64),
    ("CREAD", libc::CREAD as i64),
    ("CRTSCTS", libc::CRTSCTS as i64),
    ("CS5", libc::CS5 as i64),
    ("CS6", libc::CS6 as i64),
    ("CS7", libc::CS7 as i64),
    ("CS8", libc::CS8 as i64),
    ("CSIZE", libc::CSIZE as i64),
    ("CSTOPB", libc::CSTOPB as i64),
    ("ECHO", libc::ECHO as i64),
    ("ECHOCTL", libc::ECHOCTL as i64),
    ("ECHOE", libc::ECHOE as i64),
    ("ECHOK", libc::ECHOK as i64),
    ("ECHOKE", libc::ECHOKE as i64),
    ("ECHONL", libc::ECHONL as i64),
    ("ECHOPRT", libc::ECHOPRT as i64),
    ("EXTA", libc::EXTA as i64),
    ("EXTB", libc::EXTB as i64),
    ("FF0", libc::FF0 as i64),
    ("FF1", libc::FF1 as i64),
    ("FFDLY", libc::FFDLY as i64),
    ("FIOASYNC", libc::FIOASYNC as i64),
    ("FIOCLEX", libc::FIOCLEX as i64),
    ("FIONBIO", libc::FIONBIO as i64),
    ("FIONCLEX", libc::FIONCLEX as i64),
    ("FIONREAD", libc::FIONREAD as i64),
    ("FLUSHO", libc::FLUSHO as i64),
    ("HUPCL", libc::HUPCL as i64),
    ("ICANON", libc::ICANON as i64),
    ("ICRNL", libc::ICRNL as i64),
    ("IEXTEN", libc::IEXTEN as i64),
    ("IGNBRK", libc::IGNBRK as i64),
    ("IGNCR", libc::IGNCR as i64),
    ("IGNPAR", libc::IGNPAR as i64),
    ("IMAXBEL", libc::IMAXBEL as i64),
    ("INLCR", libc::INLCR as i64),
    ("INPCK", libc::INPCK as i64),
    ("ISIG", libc::ISIG as i64),
    ("ISTRIP", libc::ISTRIP as i64),
    ("IUCLC", libc::IUCLC as i64),
    ("IXANY", libc::IXANY as i64),
    ("IXOFF", libc::IXOFF as i64),
    ("IXON", libc::IXON as i64),
    ("NCCS", libc::NCCS as i64),
    ("NL0", libc::NL0 as i64),
    ("NL1", libc::NL1 as i64),
    ("NLDLY", libc::NLDLY as i64),
    ("NOFLSH", libc::NOFLSH as i64),
    ("OCRNL", libc::OCRNL as i64),
    ("OFDEL", libc::OFDEL as i64),
    ("OFILL", libc::OFILL as i64),
    ("OLCUC", libc::OLCUC as i64),
    ("ONLCR", libc::ONLCR as i64),
    ("ONLRET", libc::ONLRET as i64),
    ("ONOCR", libc::ONOCR as i64),
    ("OPOST", libc::OPOST as i64),
    ("PARENB", libc::PARENB as i64),
    ("PARMRK", libc::PARMRK as i64),
    ("PARODD", libc::PARODD as i64),
    ("PENDIN", libc::PENDIN as i64),
    ("TAB0", libc::TAB0 as i64),
    ("TAB1", libc::TAB1 as i64),
    ("TAB2", libc::TAB2 as i64),
    ("TAB3", libc::TAB3 as i64),
    ("TABDLY", libc::TABDLY as i64),
    ("TCFLSH", libc::TCFLSH as i64),
    ("TCGETA", libc::TCGETA as i64),
    ("TCGETS", libc::TCGETS as i64),
    ("TCIFLUSH", libc::TCIFLUSH as i64),
    ("TCIOFF", libc::TCIOFF as i64),
    ("TCIOFLUSH", libc::TCIOFLUSH as i64),
    ("TCION", libc::TCION as i64),
    ("TCOFLUSH", libc::TCOFLUSH as i64),
    ("TCOOFF", libc::TCOOFF as i64),
    ("TCOON", libc::TCOON as i64),
    ("TCSADRAIN", libc::TCSADRAIN as i64),
    ("TCSAFLUSH", libc::TCSAFLUSH as i64),
    ("TCSANOW", libc::TCSANOW as i64),
    ("TCSBRK", libc::TCSBRK as i64),
    ("TCSBRKP", libc::TCSBRKP as i64),
    ("TCSETA", libc::TCSETA as i64),
    ("TCSETAF", libc::TCSETAF as i64),
    ("TCSETAW", libc::TCSETAW as i64),
    ("TCSETS", libc::TCSETS as i64),
    ("TCSETSF", libc::TCSETSF as i64),
    ("TCSETSW", libc::TCSETSW as i64),
    ("TCXONC", libc::TCXONC as i64),
    ("TIOCCONS", libc::TIOCCONS as i64),
    ("TIOCEXCL", libc::TIOCEXCL as i64),
    ("TIOCGETD", libc::TIOCGETD as i64),
    ("TIOCGICOUNT", libc::TIOCGICOUNT as i64),
    ("TIOCGLCKTRMIOS", libc::TIOCGLCKTRMIOS as i64),
    ("TIOCGPGRP", libc::TIOCGPGRP as i64),
    ("TIOCGSERIAL", libc::TIOCGSERIAL as i64),
    ("TIOCGSOFTCAR", libc::TIOCGSOFTCAR as i64),
    ("TIOCGWINSZ", libc::TIOCGWINSZ as i64),
    ("TIOCINQ", libc::TIOCINQ as i64),
    ("TIOCLINUX", libc::TIOCLINUX as i64),
    ("TIOCMBIC", libc::TIOCMBIC as i64),
    ("TIOCMBIS", libc::TIOCMBIS as i64),
    ("TIOCMGET", libc::TIOCMGET as i64),
    ("TIOCMIWAIT", libc::TIOCMIWAIT as i64),
    ("TIOCMSET", libc::TIOCMSET as i64),
    ("TIOCM_CAR", libc::TIOCM_CAR as i64),
    ("TIOCM_CD", libc::TIOCM_CD as i64),
    ("TIOCM_CTS", libc::TIOCM_CTS as i64),
    ("TIOCM_DSR", libc::TIOCM_DSR as i64),
    ("TIOCM_DTR", libc::TIOCM_DTR as i64),
    ("TIOCM_LE", libc::TIOCM_LE as i64),
    ("TIOCM_RI", libc::TIOCM_RI as i64),
    ("TIOCM_RNG", libc::TIOCM_RNG as i64),
    ("TIOCM_RTS", libc::TIOCM_RTS as i64),
    ("TIOCM_SR", libc::TIOCM_SR as i64),
    ("TIOCM_ST", libc::TIOCM_ST as i64),
    ("TIOCNOTTY", libc::TIOCNOTTY as i64),
    ("TIOCNXCL", libc::TIOCNXCL as i64),
    ("TIOCOUTQ", libc::TIOCOUTQ as i64),
    ("TIOCPKT", libc::TIOCPKT as i64),
    ("TIOCSCTTY", libc::TIOCSCTTY as i64),
    ("TIOCSERCONFIG", libc::TIOCSERCONFIG as i64),
    ("TIOCSERGETLSR", libc::TIOCSERGETLSR as i64),
    ("TIOCSERGETMULTI", libc::TIOCSERGETMULTI as i64),
    ("TIOCSERGSTRUCT", libc::TIOCSERGSTRUCT as i64),
    ("TIOCSERGWILD", libc::TIOCSERGWILD as i64),
    ("TIOCSERSETMULTI", libc::TIOCSERSETMULTI as i64),
    ("TIOCSERSWILD", libc::TIOCSERSWILD as i64),
    ("TIOCSETD", libc::TIOCSETD as i64),
    ("TIOCSLCKTRMIOS", libc::TIOCSLCKTRMIOS as i64),
    ("TIOCSPGRP", libc::TIOCSPGRP as i64),
    ("TIOCSSERIAL", libc::TIOCSSERIAL as i64),
    ("TIOCSSOFTCAR", libc::TIOCSSOFTCAR as i64),
    ("TIOCSTI", libc::TIOCSTI as i64),
    ("TIOCSWINSZ", libc::TIOCSWINSZ as i64),
    ("TOSTOP", libc::TOSTOP as i64),
    ("VDISCARD", libc::VDISCARD as i64),
    ("VEOF", libc::VEOF as i64),
    ("VEOL", libc::VEOL as i64),
    ("VEOL2", libc::VEOL2 as i64),
    ("VERASE", libc::VERASE as i64),
    ("VINTR", libc::VINTR as i64),
    ("VKILL", libc::VKILL as i64),
    ("VLNEXT", libc::VLNEXT as i64),
    ("VMIN", libc::VMIN as i64),
    ("VQUIT", libc::VQUIT as i64),
    ("VREPRINT", libc::VREPRINT as i64),
    ("VSTART", libc::VSTART as i64),
    ("VSTOP", libc::VSTOP as i64),
    ("VSUSP", libc::VSUSP as i64),
    ("VSWTC", libc::VSWTC as i64),
    ("VT0", libc::VT0 as i64),
    ("VT1", libc::VT1 as i64),
    ("VTDLY", libc::VTDLY as i64),
    ("VTIME", libc::VTIME as i64),
    ("VWERASE", libc::VWERASE as i64),
    ("XCASE", libc::XCASE as i64),
    ("XTABS", libc::XTABS as i64),
];

/// Constants the libc crate does not export, with glibc's values: the default control
/// characters of `<sys/ttydefaults.h>` (CTRL(c) is c & 0x1f), the line disciplines, the
/// packet-mode bits of `<asm-generic/ioctls.h>` and the ioctl size field.
const GLIBC_CONSTANTS: &[(&str, i64)] = &[
    ("CEOF", b'd' as i64 & 0x1f),
    ("CEOT", b'd' as i64 & 0x1f),
    ("CEOL", 0),
    ("CERASE", 0o177),
    ("CINTR", b'c' as i64 & 0x1f),
    ("CKILL", b'u' as i64 & 0x1f),
    ("CQUIT", 0o34),
    ("CSUSP", b'z' as i64 & 0x1f),
    ("CDSUSP", b'y' as i64 & 0x1f),
    ("CSTART", b'q' as i64 & 0x1f),
    ("CSTOP", b's' as i64 & 0x1f),
    ("CLNEXT", b'v' as i64 & 0x1f),
    ("CFLUSH", b'o' as i64 & 0x1f),
    ("CWERASE", b'w' as i64 & 0x1f),
    ("CRPRNT", b'r' as i64 & 0x1f),
    ("VSWTCH", libc::VSWTC as i64),
    ("NCC", 8),
    ("N_TTY", 0),
    ("N_SLIP", 1),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_STRIP", 4),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_STOP", 4),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCSER_TEMT", 1),
    ("IOCSIZE_SHIFT", 16),
    ("IOCSIZE_MASK", 0x3fff << 16),
];
