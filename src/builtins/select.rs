//! The `select` module: `select.select` and `poll` objects over libc `poll(2)` (what
//! `selectors.PollSelector` and `subprocess.communicate` use), with the POLL* constants.

use std::cell::RefCell;

use crate::objects::int::new_int;
use crate::objects::list::new_list;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::none;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::new_builtin_class;
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{key_error, type_error, value_error};
use crate::vm::startup::{add_function, add_method, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

static POLL: GilCell<Value> = GilCell::new();

/// The fd of an int or of an object with `fileno()`.
pub(crate) fn fileno(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if crate::objects::int::is_int(v) {
        let n = crate::builtins::posix::int_arg(vm, v)?;
        if n < 0 {
            return Err(value_error(format!("file descriptor cannot be a negative integer ({n})")));
        }
        return Ok(n as i32);
    }
    let Some(f) = vm.getattr_opt(v, "fileno")? else {
        return Err(type_error("argument must be an int, or have a fileno() method."));
    };
    let r = vm.call_pos(&f, &[])?;
    fileno(vm, &r)
}

/// Runs `poll(2)` with the GIL released, retrying after signal handlers (PEP 475) with
/// the time left.
fn do_poll(vm: &mut Vm, fds: &mut [libc::pollfd], timeout_ms: i64) -> PyResult<()> {
    let deadline =
        (timeout_ms >= 0).then(|| std::time::Instant::now() + std::time::Duration::from_millis(timeout_ms as u64));
    loop {
        let t = match deadline {
            Some(d) => d.saturating_duration_since(std::time::Instant::now()).as_millis().min(i32::MAX as u128) as i32,
            None => -1,
        };
        let ptr = fds.as_mut_ptr() as usize;
        let n = fds.len();
        // SAFETY: `ptr` points at `n` live pollfd entries, written by poll only; no Python
        // object is touched while the GIL is released.
        let (r, err) = vm.allow_threads(|| {
            let r = unsafe { libc::poll(ptr as *mut libc::pollfd, n as libc::nfds_t, t) };
            (r, std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
        });
        if r >= 0 {
            return Ok(());
        }
        if err != libc::EINTR {
            return Err(crate::builtins::posix::errno_err(vm, err, None, None));
        }
        crate::builtins::signal::check_signals(vm)?;
    }
}

/// A timeout in seconds (None: forever) as milliseconds rounded up, -1 for forever.
fn timeout_ms(vm: &mut Vm, v: Option<&Value>, seconds: bool) -> PyResult<i64> {
    let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(-1) };
    let x = crate::builtins::math::to_f64(vm, v).map_err(|_| type_error("timeout must be an integer or None"))?;
    if x.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    let ms = if seconds { (x * 1000.0).ceil() } else { x.ceil() };
    if seconds && ms < 0.0 {
        return Err(value_error("timeout must be non-negative"));
    }
    Ok(if ms < 0.0 { -1 } else { ms as i64 })
}

/// `select(rlist, wlist, xlist[, timeout])`.
fn s_select(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("select", 3, 4)?;
    let lists: Vec<Vec<Value>> = a[..3].iter().map(|l| vm.to_vec(l)).collect::<PyResult<_>>()?;
    let t = timeout_ms(vm, a.get(3), true)?;
    let mut fds = Vec::new();
    let mut owners = Vec::new();
    for (k, l) in lists.iter().enumerate() {
        let ev = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI][k];
        for v in l {
            let f = fileno(vm, v)?;
            fds.push(libc::pollfd { fd: f, events: ev, revents: 0 });
            owners.push((k, v.clone()));
        }
    }
    do_poll(vm, &mut fds, t)?;
    let mut out = [Vec::new(), Vec::new(), Vec::new()];
    for (p, (k, v)) in fds.iter().zip(owners) {
        let hit = match k {
            0 => p.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0,
            1 => p.revents & (libc::POLLOUT | libc::POLLERR) != 0,
            _ => p.revents & libc::POLLPRI != 0,
        };
        if hit {
            out[k].push(v);
        }
    }
    let [r, w, x] = out;
    Ok(new_tuple(vec![new_list(r), new_list(w), new_list(x)]))
}

struct Poll {
    fds: RefCell<Vec<(i32, i16)>>,
}
impl NativeData for Poll {}

fn s_poll(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.exact::<0>("poll")?;
    let cls = POLL.init(|| {
        let c = new_builtin_class("poll", "select", Kind::Native, 0);
        add_method(&c, "register", p_register);
        add_method(&c, "modify", p_modify);
        add_method(&c, "unregister", p_unregister);
        add_method(&c, "poll", p_poll);
        c
    });
    Ok(new_native(cls, Poll { fds: RefCell::new(Vec::new()) }))
}

fn set_mask(vm: &mut Vm, args: &Args<'_>, name: &str, must_exist: bool) -> PyResult {
    let (_, p) = this::<Poll>(args, name, "select.poll")?;
    let a = args.range(name, 2, 3)?;
    let f = fileno(vm, &a[1])?;
    let mask = match a.get(2) {
        Some(m) => crate::builtins::posix::int_arg(vm, m)? as i16,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    let mut fds = p.fds.borrow_mut();
    match fds.iter_mut().find(|(x, _)| *x == f) {
        Some(e) => e.1 = mask,
        None if must_exist => {
            drop(fds);
            return Err(crate::builtins::posix::errno_err(vm, libc::ENOENT, None, None));
        }
        None => fds.push((f, mask)),
    }
    Ok(none())
}

fn p_register(vm: &mut Vm, args: Args<'_>) -> PyResult {
    set_mask(vm, &args, "register", false)
}

fn p_modify(vm: &mut Vm, args: Args<'_>) -> PyResult {
    set_mask(vm, &args, "modify", true)
}

fn p_unregister(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = this::<Poll>(&args, "unregister", "select.poll")?;
    let [_, v] = args.exact::<2>("unregister")?;
    let f = fileno(vm, v)?;
    let mut fds = p.fds.borrow_mut();
    let n = fds.len();
    fds.retain(|(x, _)| *x != f);
    if fds.len() == n {
        return Err(key_error(v.clone()));
    }
    Ok(none())
}

fn p_poll(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, p) = this::<Poll>(&args, "poll", "select.poll")?;
    let a = args.range("poll", 1, 2)?;
    let t = timeout_ms(vm, a.get(1), false)?;
    let mut fds: Vec<libc::pollfd> =
        p.fds.borrow().iter().map(|&(fd, events)| libc::pollfd { fd, events, revents: 0 }).collect();
    do_poll(vm, &mut fds, t)?;
    let out = fds
        .iter()
        .filter(|f| f.revents != 0)
        .map(|f| new_tuple(vec![new_int(f.fd as i64), new_int(f.revents as i64)]))
        .collect();
    Ok(new_list(out))
}

pub fn register() {
    crate::vm::interp::register_native("select", init);
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("select");
    let d = module_dict(&m);
    add_function(&d, "select", "select", s_select);
    add_function(&d, "select", "poll", s_poll);
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("error"), crate::objects::registry::exc().os_error.clone());
    for (k, v) in [
        ("POLLIN", libc::POLLIN),
        ("POLLPRI", libc::POLLPRI),
        ("POLLOUT", libc::POLLOUT),
        ("POLLERR", libc::POLLERR),
        ("POLLHUP", libc::POLLHUP),
        ("POLLNVAL", libc::POLLNVAL),
        ("POLLRDNORM", libc::POLLRDNORM),
        ("POLLRDBAND", libc::POLLRDBAND),
        ("POLLWRNORM", libc::POLLWRNORM),
        ("POLLWRBAND", libc::POLLWRBAND),
        ("POLLRDHUP", libc::POLLRDHUP),
    ] {
        dd.set_str(new_str(k), new_int(v as i64));
    }
    dd.set_str(new_str("PIPE_BUF"), new_int(libc::PIPE_BUF as i64));
    Ok(m)
}
