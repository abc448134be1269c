//! The `_socket` module under CPython's `socket.py` (and so `asyncio`'s self-pipe and
//! streams): `socket` objects over libc sockets (AF_UNIX, AF_INET, AF_INET6; blocking,
//! non-blocking or with a timeout as socketmodule.c's `sock_call` does it), `socketpair`,
//! `getaddrinfo`, the default timeout, byte-order helpers, the constants and exceptions.

use std::cell::Cell;

use crate::builtins::posix::errno_err;
use crate::objects::bytes::new_bytes;
use crate::objects::int::{new_int, to_i64};
use crate::objects::native::{NativeData, native_ref, new_native};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, py_bool};
use crate::values::gil::{GilCell, GilStatic};
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, new_exception, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// A socket's state; `timeout` < 0 is blocking (None), 0 non-blocking.
struct Sock {
    fd: Cell<i32>,
    family: Cell<i32>,
    ty: Cell<i32>,
    proto: Cell<i32>,
    timeout: Cell<f64>,
}
impl NativeData for Sock {}

static SOCKET: GilCell<Value> = GilCell::new();
/// `gaierror`, `herror` (OSError subclasses), made when the module is first imported.
static ERRORS: GilCell<(Value, Value)> = GilCell::new();
/// `setdefaulttimeout`: the timeout new sockets start with (< 0: None).
static DEFAULT_TIMEOUT: GilStatic<Cell<f64>> = GilStatic::new(Cell::new(-1.0));

fn socket_class() -> &'static Value {
    SOCKET.init(|| {
        let s = new_builtin_class("socket", "_socket", Kind::Native, TF_BASETYPE);
        add_staticmethod(&s, "__new__", sock_new);
        for (n, f) in [
            ("__init__", sock_init as crate::vm::NativeFn),
            ("fileno", sock_fileno),
            ("detach", sock_detach),
            ("close", sock_close),
            ("setblocking", sock_setblocking),
            ("getblocking", sock_getblocking),
            ("settimeout", sock_settimeout),
            ("gettimeout", sock_gettimeout),
            ("recv", sock_recv),
            ("send", sock_send),
            ("sendall", sock_sendall),
            ("bind", sock_bind),
            ("listen", sock_listen),
            ("_accept", sock_accept),
            ("connect", sock_connect),
            ("connect_ex", sock_connect_ex),
            ("getsockname", sock_getsockname),
            ("getpeername", sock_getpeername),
            ("shutdown", sock_shutdown),
            ("setsockopt", sock_setsockopt),
            ("getsockopt", sock_getsockopt),
        ] {
            add_method(&s, n, f);
        }
        add_getter(&s, "family", |_, a| Ok(new_int(this(&a)?.family.get() as i64)));
        add_getter(&s, "type", |_, a| Ok(new_int(this(&a)?.ty.get() as i64)));
        add_getter(&s, "proto", |_, a| Ok(new_int(this(&a)?.proto.get() as i64)));
        add_getter(&s, "timeout", sock_gettimeout);
        s
    })
}

fn this<'a>(args: &Args<'a>) -> PyResult<&'a Sock> {
    args.pos()
        .first()
        .and_then(native_ref::<Sock>)
        .ok_or_else(|| type_error("descriptor requires a '_socket.socket' object"))
}

fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    to_i64(v)
        .ok_or_else(|| type_error(format!("'{}' object cannot be interpreted as an integer ({what})", type_name(v))))
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn os_err(vm: &mut Vm, code: i32) -> PyErr {
    errno_err(vm, code, None, None)
}

fn sock_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let s = Sock {
        fd: Cell::new(-1),
        family: Cell::new(libc::AF_INET),
        ty: Cell::new(libc::SOCK_STREAM),
        proto: Cell::new(0),
        timeout: Cell::new(-1.0),
    };
    let v = new_native(&socket_class(), s);
    Ok(crate::objects::instance::wrap_builtin(&cls, v))
}

/// Puts `fd` in blocking or non-blocking mode.
fn set_nonblocking(vm: &mut Vm, fd: i32, nonblock: bool) -> PyResult<()> {
    // SAFETY: fcntl on an fd number only reads and writes its flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_err(vm, last_errno()));
    }
    let new = if nonblock { flags | libc::O_NONBLOCK } else { flags & !libc::O_NONBLOCK };
    // SAFETY: as above.
    if new != flags && unsafe { libc::fcntl(fd, libc::F_SETFL, new) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(())
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Option<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are live locals of the sizes passed.
    let r = unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut _ as *mut libc::c_void, &mut len) };
    (r == 0).then_some(v)
}

fn sock_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let a = args.bind("socket", &["self", "family", "type", "proto", "fileno"], 1)?;
    let num = |i: usize| -> PyResult<i64> { a[i].as_ref().map_or(Ok(-1), |v| int_arg(v, "socket")) };
    let (mut family, mut ty, mut proto) = (num(1)? as i32, num(2)? as i32, num(3)? as i32);
    let fd = match a[4].as_ref().filter(|v| !v.is_none()) {
        Some(f) => {
            let fd = int_arg(f, "fileno")?;
            if fd < 0 {
                return Err(value_error("negative file descriptor"));
            }
            let fd = fd as i32;
            if family == -1 {
                family =
                    getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).ok_or_else(|| os_err(vm, last_errno()))?;
            }
            if ty == -1 {
                ty = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).ok_or_else(|| os_err(vm, last_errno()))?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).unwrap_or(0);
            }
            fd
        }
        None => {
            family = if family == -1 { libc::AF_INET } else { family };
            ty = if ty == -1 { libc::SOCK_STREAM } else { ty };
            proto = proto.max(0);
            // SAFETY: plain socket(2) call.
            let fd = unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_err(vm, last_errno()));
            }
            fd
        }
    };
    s.fd.set(fd);
    s.family.set(family);
    s.ty.set(ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC));
    s.proto.set(proto);
    let t = if ty & libc::SOCK_NONBLOCK != 0 { 0.0 } else { DEFAULT_TIMEOUT.get() };
    s.timeout.set(t);
    if t >= 0.0 {
        set_nonblocking(vm, fd, true)?;
    }
    Ok(none())
}

fn sock_fileno(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(this(&args)?.fd.get() as i64))
}

fn sock_detach(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    Ok(new_int(s.fd.replace(-1) as i64))
}

fn sock_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let fd = this(&args)?.fd.replace(-1);
    // SAFETY: closes an fd this socket owned; it is forgotten first.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        let e = last_errno();
        // socketmodule.c ignores ECONNRESET from close().
        if e != libc::ECONNRESET {
            return Err(os_err(vm, e));
        }
    }
    Ok(none())
}

fn sock_setblocking(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, flag] = args.exact::<2>("setblocking")?;
    let block = vm.truthy(flag)?;
    s.timeout.set(if block { -1.0 } else { 0.0 });
    set_nonblocking(vm, s.fd.get(), !block)?;
    Ok(none())
}

fn sock_getblocking(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(this(&args)?.timeout.get() != 0.0))
}

/// A timeout argument: None → -1, else a non-negative number of seconds.
fn timeout_arg(v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let t = match crate::objects::float::float_operand(v)? {
        Some(t) => t,
        None => {
            return Err(type_error(format!("'{}' object cannot be interpreted as an integer or float", type_name(v))));
        }
    };
    if t.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(value_error("Timeout value out of range"));
    }
    Ok(t)
}

fn sock_settimeout(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, t] = args.exact::<2>("settimeout")?;
    let t = timeout_arg(t)?;
    s.timeout.set(t);
    set_nonblocking(vm, s.fd.get(), t >= 0.0)?;
    Ok(none())
}

fn timeout_value(t: f64) -> Value {
    if t < 0.0 { none() } else { crate::objects::float::new_float(t) }
}

fn sock_gettimeout(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(timeout_value(this(&args)?.timeout.get()))
}

/// Runs `op` on the socket as socketmodule.c's `sock_call` does: with a timeout, first
/// wait (GIL released) until the fd is ready, raising TimeoutError when it does not get
/// ready in time; retries after EINTR. `op` returns the result or -1 with errno set.
fn sock_call(vm: &mut Vm, s: &Sock, write: bool, mut op: impl FnMut() -> isize) -> PyResult<isize> {
    let fd = s.fd.get();
    if fd < 0 {
        return Err(os_err(vm, libc::EBADF));
    }
    let timeout = s.timeout.get();
    loop {
        if timeout > 0.0 {
            let mut p = libc::pollfd { fd, events: if write { libc::POLLOUT } else { libc::POLLIN }, revents: 0 };
            let ms = (timeout * 1000.0).ceil().min(i32::MAX as f64) as i32;
            let addr = &mut p as *mut libc::pollfd as usize;
            // SAFETY: `addr` is the live local pollfd; no Python object is touched.
            let (r, e) = vm.allow_threads(|| (unsafe { libc::poll(addr as *mut libc::pollfd, 1, ms) }, last_errno()));
            if r == 0 {
                return Err(PyErr::new(&exc().timeout_error, "timed out"));
            }
            if r < 0 {
                if e == libc::EINTR {
                    crate::builtins::signal::check_signals(vm)?;
                    continue;
                }
                return Err(os_err(vm, e));
            }
        }
        let (r, e) = if timeout < 0.0 { vm.allow_threads(|| (op(), last_errno())) } else { (op(), last_errno()) };
        if r >= 0 {
            return Ok(r);
        }
        if e == libc::EINTR {
            crate::builtins::signal::check_signals(vm)?;
            continue;
        }
        return Err(os_err(vm, e));
    }
}

fn sock_recv(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let p = args.range("recv", 2, 3)?;
    let n = int_arg(&p[1], "bufsize")?;
    if n < 0 {
        return Err(value_error("negative buffersize in recv"));
    }
    let flags = p.get(2).map_or(Ok(0), |f| int_arg(f, "flags"))? as i32;
    let mut buf = vec![0u8; n as usize];
    let fd = s.fd.get();
    let ptr = buf.as_mut_ptr() as usize;
    // SAFETY: `ptr` addresses `n` writable bytes of `buf`, alive across the call.
    let got = sock_call(vm, s, false, || unsafe { libc::recv(fd, ptr as *mut libc::c_void, n as usize, flags) })?;
    buf.truncate(got as usize);
    Ok(new_bytes(buf))
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::memoryview::buffer_bytes(v)
        .ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

fn send_once(vm: &mut Vm, s: &Sock, data: &[u8], flags: i32) -> PyResult<isize> {
    let fd = s.fd.get();
    let (ptr, len) = (data.as_ptr() as usize, data.len());
    // SAFETY: `ptr` addresses `len` readable bytes of `data`, alive across the call.
    sock_call(vm, s, true, || unsafe { libc::send(fd, ptr as *const libc::c_void, len, flags | libc::MSG_NOSIGNAL) })
}

fn sock_send(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let p = args.range("send", 2, 3)?;
    let data = data_arg(&p[1])?;
    let flags = p.get(2).map_or(Ok(0), |f| int_arg(f, "flags"))? as i32;
    Ok(new_int(send_once(vm, s, &data, flags)? as i64))
}

fn sock_sendall(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let p = args.range("sendall", 2, 3)?;
    let data = data_arg(&p[1])?;
    let flags = p.get(2).map_or(Ok(0), |f| int_arg(f, "flags"))? as i32;
    let mut off = 0;
    while off < data.len() {
        off += send_once(vm, s, &data[off..], flags)? as usize;
    }
    Ok(none())
}

/// A socket address in C form.
struct SockAddr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl SockAddr {
    fn empty() -> SockAddr {
        // SAFETY: sockaddr_storage is plain data; all zeroes is a valid (unspecified) value.
        SockAddr { storage: unsafe { std::mem::zeroed() }, len: std::mem::size_of::<libc::sockaddr_storage>() as _ }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

/// Resolves `host` for `family` with getaddrinfo (numeric addresses and names; '' is
/// the wildcard address, '<broadcast>' the broadcast one).
fn resolve(vm: &mut Vm, host: &str, port: u16, family: i32) -> PyResult<SockAddr> {
    let host = match host {
        "" => {
            if family == libc::AF_INET6 {
                "::"
            } else {
                "0.0.0.0"
            }
        }
        "<broadcast>" => "255.255.255.255",
        h => h,
    };
    let infos = getaddrinfo_raw(vm, Some(host), Some(&port.to_string()), family, 0, 0, 0)?;
    let Some((_, _, _, _, addr)) = infos.into_iter().next() else {
        return Err(gai_error(libc::EAI_NONAME));
    };
    Ok(addr)
}

/// The `(host, port)` or path argument of `bind`/`connect` in C form.
fn addr_arg(vm: &mut Vm, s: &Sock, v: &Value) -> PyResult<SockAddr> {
    let family = s.family.get();
    let mut a = SockAddr::empty();
    if family == libc::AF_UNIX {
        let path: Vec<u8> = match v.as_str() {
            Some(p) => p.as_bytes().to_vec(),
            None => data_arg(v)?,
        };
        // SAFETY: sockaddr_un fits in sockaddr_storage; the view is of the zeroed storage.
        let un = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_un) };
        if path.len() >= un.sun_path.len() {
            return Err(PyErr::new(&exc().os_error, "AF_UNIX path too long"));
        }
        un.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (d, b) in un.sun_path.iter_mut().zip(&path) {
            *d = *b as libc::c_char;
        }
        a.len = (std::mem::size_of::<libc::sa_family_t>() + path.len() + usize::from(path.first() != Some(&0))) as _;
        return Ok(a);
    }
    let t = v.as_tuple().filter(|t| t.len() >= 2).ok_or_else(|| {
        type_error(format!(
            "{}(): AF_INET{} address must be tuple, not {}",
            "connect",
            if family == libc::AF_INET6 { "6" } else { "" },
            type_name(v)
        ))
    })?;
    let host = t[0]
        .as_str()
        .ok_or_else(|| type_error(format!("str, bytes or bytearray expected, not {}", type_name(&t[0]))))?;
    let port = int_arg(&t[1], "port")?;
    if !(0..=65535).contains(&port) {
        return Err(PyErr::new(&exc().overflow_error, "connect(): port must be 0-65535."));
    }
    resolve(vm, host, port as u16, family)
}

/// A C socket address as Python sees it: a path, `(host, port)` or
/// `(host, port, flowinfo, scope_id)`.
fn addr_value(a: &SockAddr) -> Value {
    match a.storage.ss_family as i32 {
        libc::AF_UNIX => {
            // SAFETY: the family says the storage holds a sockaddr_un.
            let un = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let n = (a.len as usize).saturating_sub(std::mem::size_of::<libc::sa_family_t>()).min(un.sun_path.len());
            let raw: Vec<u8> = un.sun_path[..n].iter().map(|c| *c as u8).collect();
            if raw.first() == Some(&0) {
                return new_bytes(raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            new_str(String::from_utf8_lossy(&raw[..end]).into_owned())
        }
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            new_tuple(vec![new_str(ip.to_string()), new_int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            let ip = std::net::Ipv6Addr::from(sin.sin6_addr.s6_addr);
            new_tuple(vec![
                new_str(ip.to_string()),
                new_int(u16::from_be(sin.sin6_port) as i64),
                new_int(u32::from_be(sin.sin6_flowinfo) as i64),
                new_int(sin.sin6_scope_id as i64),
            ])
        }
        _ => none(),
    }
}

fn sock_bind(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, addr] = args.exact::<2>("bind")?;
    let a = addr_arg(vm, s, addr)?;
    // SAFETY: `a` holds a valid address of `a.len` bytes.
    if unsafe { libc::bind(s.fd.get(), a.ptr(), a.len) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(none())
}

fn sock_listen(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let p = args.range("listen", 1, 2)?;
    let backlog = p.get(1).map_or(Ok(libc::SOMAXCONN.min(128) as i64), |b| int_arg(b, "backlog"))?;
    // SAFETY: plain listen(2) on this socket's fd.
    if unsafe { libc::listen(s.fd.get(), backlog.clamp(0, i32::MAX as i64) as i32) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(none())
}

fn sock_accept(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let mut a = SockAddr::empty();
    let fd = s.fd.get();
    let (p, lp) = (a.mut_ptr() as usize, &mut a.len as *mut libc::socklen_t as usize);
    // SAFETY: `p`/`lp` address the live `a`, written by accept4 only.
    let nfd = sock_call(vm, s, false, || unsafe {
        libc::accept4(fd, p as *mut libc::sockaddr, lp as *mut libc::socklen_t, libc::SOCK_CLOEXEC) as isize
    })?;
    Ok(new_tuple(vec![new_int(nfd as i64), addr_value(&a)]))
}

/// connect(2) with socketmodule.c's handling of EINPROGRESS on sockets with a timeout.
fn connect(vm: &mut Vm, s: &Sock, addr: &Value) -> PyResult<i32> {
    let a = addr_arg(vm, s, addr)?;
    let fd = s.fd.get();
    // SAFETY: `a` holds a valid address of `a.len` bytes.
    let r = vm.allow_threads(|| (unsafe { libc::connect(fd, a.ptr(), a.len) }, last_errno()));
    match r {
        (0, _) => Ok(0),
        (_, e) if e == libc::EINPROGRESS && s.timeout.get() > 0.0 => {
            sock_call(vm, s, true, || 0)?;
            Ok(getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or(0))
        }
        (_, e) => Ok(e),
    }
}

fn sock_connect(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, addr] = args.exact::<2>("connect")?;
    match connect(vm, s, addr)? {
        0 => Ok(none()),
        e => Err(os_err(vm, e)),
    }
}

fn sock_connect_ex(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, addr] = args.exact::<2>("connect_ex")?;
    Ok(new_int(connect(vm, s, addr)? as i64))
}

fn name_of(vm: &mut Vm, args: &Args<'_>, peer: bool) -> PyResult {
    let s = this(args)?;
    let mut a = SockAddr::empty();
    // SAFETY: `a` is a live sockaddr_storage and its length.
    let r = unsafe {
        if peer {
            libc::getpeername(s.fd.get(), a.mut_ptr(), &mut a.len)
        } else {
            libc::getsockname(s.fd.get(), a.mut_ptr(), &mut a.len)
        }
    };
    if r < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(addr_value(&a))
}

fn sock_getsockname(vm: &mut Vm, args: Args<'_>) -> PyResult {
    name_of(vm, &args, false)
}

fn sock_getpeername(vm: &mut Vm, args: Args<'_>) -> PyResult {
    name_of(vm, &args, true)
}

fn sock_shutdown(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, how] = args.exact::<2>("shutdown")?;
    let how = int_arg(how, "how")? as i32;
    // SAFETY: plain shutdown(2) on this socket's fd.
    if unsafe { libc::shutdown(s.fd.get(), how) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(none())
}

fn sock_setsockopt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let [_, level, opt, value] = args.exact::<4>("setsockopt")?;
    let (level, opt) = (int_arg(level, "level")? as i32, int_arg(opt, "option")? as i32);
    let bytes = match to_i64(value) {
        Some(i) => (i as libc::c_int).to_ne_bytes().to_vec(),
        None => data_arg(value)?,
    };
    // SAFETY: `bytes` is a live buffer of the length passed.
    let r =
        unsafe { libc::setsockopt(s.fd.get(), level, opt, bytes.as_ptr() as *const libc::c_void, bytes.len() as _) };
    if r < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(none())
}

fn sock_getsockopt(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let s = this(&args)?;
    let p = args.range("getsockopt", 3, 4)?;
    let (level, opt) = (int_arg(&p[1], "level")? as i32, int_arg(&p[2], "option")? as i32);
    match p.get(3) {
        None => match getsockopt_int(s.fd.get(), level, opt) {
            Some(v) => Ok(new_int(v as i64)),
            None => Err(os_err(vm, last_errno())),
        },
        Some(n) => {
            let n = int_arg(n, "buflen")?;
            if !(0..=1024).contains(&n) {
                return Err(PyErr::new(&exc().os_error, "getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut len = n as libc::socklen_t;
            // SAFETY: `buf` has `len` writable bytes.
            let r =
                unsafe { libc::getsockopt(s.fd.get(), level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut len) };
            if r < 0 {
                return Err(os_err(vm, last_errno()));
            }
            buf.truncate(len as usize);
            Ok(new_bytes(buf))
        }
    }
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)` → two `_socket.socket`s.
fn m_socketpair(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("socketpair", &["family", "type", "proto"], 0)?;
    let num = |i: usize, d: i32| -> PyResult<i32> {
        a[i].as_ref().filter(|v| !v.is_none()).map_or(Ok(d), |v| int_arg(v, "socketpair").map(|x| x as i32))
    };
    let (family, ty, proto) = (num(0, libc::AF_UNIX)?, num(1, libc::SOCK_STREAM)?, num(2, 0)?);
    let mut fds = [0i32; 2];
    // SAFETY: `fds` is a live array of the two ints socketpair writes.
    if unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    let mut out = Vec::new();
    for fd in fds {
        let s = sock_new(vm, Args::positional_only(&[socket_class().clone()]))?;
        let args = [s.clone(), new_int(family as i64), new_int(ty as i64), new_int(proto as i64), new_int(fd as i64)];
        sock_init(vm, Args::positional_only(&args))?;
        out.push(s);
    }
    Ok(new_tuple(out))
}

fn gai_error(code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static C string.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }.to_string_lossy().into_owned();
    match ERRORS.try_get() {
        Some((gai, _)) => PyErr(new_exception(gai, vec![new_int(code as i64), new_str(msg)])),
        None => PyErr::new(&exc().os_error, msg),
    }
}

type AddrInfo = (i32, i32, i32, String, SockAddr);

/// getaddrinfo(3), GIL released.
fn getaddrinfo_raw(
    vm: &mut Vm,
    host: Option<&str>,
    port: Option<&str>,
    family: i32,
    ty: i32,
    proto: i32,
    flags: i32,
) -> PyResult<Vec<AddrInfo>> {
    let c = |s: Option<&str>| s.map(|s| std::ffi::CString::new(s).map_err(|_| value_error("embedded null character")));
    let (h, p) = (c(host).transpose()?, c(port).transpose()?);
    let run = move || {
        // SAFETY: addrinfo is plain data; zeroes mean "any" for the hints.
        let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
        hints.ai_family = family;
        hints.ai_socktype = ty;
        hints.ai_protocol = proto;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let hp = h.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        let pp = p.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        // SAFETY: the strings and hints outlive the call; `res` is freed below.
        let r = unsafe { libc::getaddrinfo(hp, pp, &hints, &mut res) };
        if r != 0 {
            return Err(r);
        }
        let mut out = Vec::new();
        let mut cur = res;
        while !cur.is_null() {
            // SAFETY: `cur` walks the list getaddrinfo returned, freed only after the walk.
            let ai = unsafe { &*cur };
            let mut a = SockAddr::empty();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            // SAFETY: copies `n` bytes of the result's address into the storage, which holds them.
            unsafe { std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, a.mut_ptr() as *mut u8, n) };
            a.len = n as _;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a NUL-terminated string in the result list.
                unsafe { std::ffi::CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
            };
            out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, a));
            cur = ai.ai_next;
        }
        // SAFETY: `res` came from getaddrinfo and is freed once.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    };
    match vm.allow_threads(run) {
        Ok(v) => Ok(v),
        Err(code) if code == libc::EAI_SYSTEM => Err(os_err(vm, last_errno())),
        Err(code) => Err(gai_error(code)),
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn m_getaddrinfo(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.bind("getaddrinfo", &["host", "port", "family", "type", "proto", "flags"], 2)?;
    let text = |v: &Option<Value>| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(v) if v.is_none() => Ok(None),
            Some(v) => match (v.as_str(), to_i64(v), crate::objects::bytes::bytes_data(v)) {
                (Some(s), _, _) => Ok(Some(s.to_owned())),
                (_, Some(i), _) => Ok(Some(i.to_string())),
                (_, _, Some(b)) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
                _ => Err(type_error("getaddrinfo() argument 1 must be string or None")),
            },
        }
    };
    let (host, port) = (text(&a[0])?, text(&a[1])?);
    let num = |i: usize| a[i].as_ref().map_or(Ok(0), |v| int_arg(v, "getaddrinfo").map(|x| x as i32));
    let infos = getaddrinfo_raw(vm, host.as_deref(), port.as_deref(), num(2)?, num(3)?, num(4)?, num(5)?)?;
    let out = infos
        .into_iter()
        .map(|(f, t, p, canon, addr)| {
            new_tuple(vec![new_int(f as i64), new_int(t as i64), new_int(p as i64), new_str(canon), addr_value(&addr)])
        })
        .collect();
    Ok(crate::objects::list::new_list(out))
}

fn m_getdefaulttimeout(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Ok(timeout_value(DEFAULT_TIMEOUT.get()))
}

fn m_setdefaulttimeout(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [t] = args.exact::<1>("setdefaulttimeout")?;
    DEFAULT_TIMEOUT.set(timeout_arg(t)?);
    Ok(none())
}

fn m_close(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("close")?;
    let fd = int_arg(fd, "fd")? as i32;
    // SAFETY: closes the fd number the caller owns, as `socket.close(fd)` promises.
    if unsafe { libc::close(fd) } < 0 && last_errno() != libc::ECONNRESET {
        return Err(os_err(vm, last_errno()));
    }
    Ok(none())
}

fn m_dup(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [fd] = args.exact::<1>("dup")?;
    let fd = int_arg(fd, "fd")? as i32;
    // SAFETY: F_DUPFD_CLOEXEC only creates a new fd.
    let n = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if n < 0 {
        return Err(os_err(vm, last_errno()));
    }
    Ok(new_int(n as i64))
}

fn m_gethostname(vm: &mut Vm, _args: Args<'_>) -> PyResult {
    let mut buf = [0u8; 256];
    // SAFETY: `buf` has the length passed.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } < 0 {
        return Err(os_err(vm, last_errno()));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(new_str(String::from_utf8_lossy(&buf[..end]).into_owned()))
}

fn swap16(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("htons")?;
    let x = int_arg(x, "x")?;
    if !(0..=0xffff).contains(&x) {
        return Err(PyErr::new(
            &exc().overflow_error,
            "htons: Python int too large to convert to C 16-bit unsigned integer",
        ));
    }
    Ok(new_int((x as u16).to_be() as i64))
}

fn swap32(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [x] = args.exact::<1>("htonl")?;
    let x = int_arg(x, "x")?;
    if !(0..=0xffff_ffff).contains(&x) {
        return Err(PyErr::new(&exc().overflow_error, "int larger than 32 bits"));
    }
    Ok(new_int((x as u32).to_be() as i64))
}

pub fn register() {
    crate::vm::interp::register_native("_socket", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_socket");
    let d = module_dict(&m);
    for (n, f) in [
        ("socketpair", m_socketpair as crate::vm::NativeFn),
        ("getaddrinfo", m_getaddrinfo),
        ("getdefaulttimeout", m_getdefaulttimeout),
        ("setdefaulttimeout", m_setdefaulttimeout),
        ("close", m_close),
        ("dup", m_dup),
        ("gethostname", m_gethostname),
        ("htons", swap16),
        ("ntohs", swap16),
        ("htonl", swap32),
        ("ntohl", swap32),
    ] {
        add_function(&d, "_socket", n, f);
    }
    let dd = d.payload::<crate::objects::dict::PyDict>().ok_or_else(|| type_error("module dict"))?;
    if ERRORS.try_get().is_none() {
        let gai = crate::vm::startup::new_class(vm, "socket", "gaierror", vec![exc().os_error.clone()])?;
        let h = crate::vm::startup::new_class(vm, "socket", "herror", vec![exc().os_error.clone()])?;
        ERRORS.init(|| (gai, h));
    }
    let (gai, h) = ERRORS.get();
    dd.set_str(new_str("socket"), socket_class().clone());
    dd.set_str(new_str("SocketType"), socket_class().clone());
    dd.set_str(new_str("error"), exc().os_error.clone());
    dd.set_str(new_str("timeout"), exc().timeout_error.clone());
    dd.set_str(new_str("gaierror"), gai.clone());
    dd.set_str(new_str("herror"), h.clone());
    dd.set_str(new_str("has_ipv6"), py_bool(true));
    for (k, v) in [
        ("AF_UNSPEC", libc::AF_UNSPEC),
        ("AF_UNIX", libc::AF_UNIX),
        ("AF_INET", libc::AF_INET),
        ("AF_INET6", libc::AF_INET6),
        ("SOCK_STREAM", libc::SOCK_STREAM),
        ("SOCK_DGRAM", libc::SOCK_DGRAM),
        ("SOCK_RAW", libc::SOCK_RAW),
        ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET),
        ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
        ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
        ("SOL_SOCKET", libc::SOL_SOCKET),
        ("SO_REUSEADDR", libc::SO_REUSEADDR),
        ("SO_REUSEPORT", libc::SO_REUSEPORT),
        ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
        ("SO_BROADCAST", libc::SO_BROADCAST),
        ("SO_ERROR", libc::SO_ERROR),
        ("SO_TYPE", libc::SO_TYPE),
        ("SO_RCVBUF", libc::SO_RCVBUF),
        ("SO_SNDBUF", libc::SO_SNDBUF),
        ("SO_LINGER", libc::SO_LINGER),
        ("SOMAXCONN", libc::SOMAXCONN),
        ("IPPROTO_IP", libc::IPPROTO_IP),
        ("IPPROTO_TCP", libc::IPPROTO_TCP),
        ("IPPROTO_UDP", libc::IPPROTO_UDP),
        ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
        ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
        ("TCP_NODELAY", libc::TCP_NODELAY),
        ("MSG_PEEK", libc::MSG_PEEK),
        ("MSG_OOB", libc::MSG_OOB),
        ("MSG_WAITALL", libc::MSG_WAITALL),
        ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
        ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL),
        ("SHUT_RD", libc::SHUT_RD),
        ("SHUT_WR", libc::SHUT_WR),
        ("SHUT_RDWR", libc::SHUT_RDWR),
        ("AI_PASSIVE", libc::AI_PASSIVE),
        ("AI_CANONNAME", libc::AI_CANONNAME),
        ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
        ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
        ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
        ("AI_V4MAPPED", libc::AI_V4MAPPED),
        ("AI_ALL", libc::AI_ALL),
        ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
        ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
        ("EAI_NONAME", libc::EAI_NONAME),
        ("EAI_AGAIN", libc::EAI_AGAIN),
    ] {
        dd.set_str(new_str(k), new_int(v as i64));
    }
    Ok(m)
}
