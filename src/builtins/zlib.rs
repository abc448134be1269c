//! The `zlib` module over flate2's zlib backend (the system libz, as CPython links it, so
//! compressed bytes are CPython's): one-shot `compress`/`decompress`, streaming
//! `compressobj`/`decompressobj`, `crc32`/`adler32`, `zlib.error` and the constants, with
//! zlibmodule.c's wbits rules (zlib, raw deflate, gzip, auto-detect) and messages.

use std::cell::{Cell, RefCell};

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

use crate::builtins::memoryview::buffer_bytes;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::registry::exc;
use crate::objects::str::new_str;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, py_bool};
use crate::values::gil::GilStatic;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, add_getter, add_method, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;
const Z_NO_FLUSH: i64 = 0;
const Z_FINISH: i64 = 4;

struct Classes {
    error: Value,
    compress: Value,
    decompress: Value,
}
static CLASSES: GilStatic<RefCell<Option<std::rc::Rc<Classes>>>> = GilStatic::new(RefCell::new(None));

fn classes(vm: &mut Vm) -> PyResult<std::rc::Rc<Classes>> {
    if let Some(c) = CLASSES.borrow().clone() {
        return Ok(c);
    }
    let error = crate::vm::startup::new_class(vm, "zlib", "error", vec![exc().exception.clone()])?;
    let compress = new_builtin_class("Compress", "zlib", Kind::Native, 0);
    add_method(&compress, "compress", c_compress);
    add_method(&compress, "flush", c_flush);
    let decompress = new_builtin_class("Decompress", "zlib", Kind::Native, 0);
    add_method(&decompress, "decompress", d_decompress);
    add_method(&decompress, "flush", d_flush);
    add_getter(&decompress, "unused_data", d_unused_data);
    add_getter(&decompress, "unconsumed_tail", d_unconsumed_tail);
    add_getter(&decompress, "eof", d_eof);
    let c = std::rc::Rc::new(Classes { error, compress, decompress });
    *CLASSES.borrow_mut() = Some(c.clone());
    Ok(c)
}

fn zerror(vm: &mut Vm, msg: String) -> PyErr {
    match classes(vm) {
        Ok(c) => PyErr::new(&c.error, msg),
        Err(e) => e,
    }
}

/// `Error <code> while <doing>: <zlib's message>` (zlib_error in zlibmodule.c).
fn zlib_error(vm: &mut Vm, code: i32, doing: &str, msg: Option<&str>) -> PyErr {
    let text = msg.map(str::to_owned).unwrap_or_else(|| match code {
        -5 => "incomplete or truncated stream".into(),
        -2 => "inconsistent stream state".into(),
        -3 => "invalid input data".into(),
        _ => String::new(),
    });
    if text.is_empty() {
        return zerror(vm, format!("Error {code} {doing}"));
    }
    zerror(vm, format!("Error {code} {doing}: {text}"))
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

fn int_arg(vm: &mut Vm, v: Option<&Value>, dflt: i64) -> PyResult<i64> {
    match v {
        Some(v) => crate::builtins::posix::int_arg(vm, v),
        None => Ok(dflt),
    }
}

/// The stream format a wbits value selects, with its window size.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Zlib(u8),
    Raw(u8),
    Gzip(u8),
    /// 32 + bits: zlib or gzip, told apart by the first bytes.
    Auto(u8),
}

/// wbits for compression: zlib 9..15 (8 means 9, as zlib does), raw -9..-15, gzip 25..31.
fn compress_format(wbits: i64) -> Option<Format> {
    match wbits {
        8..=15 => Some(Format::Zlib(wbits.max(9) as u8)),
        -15..=-8 => Some(Format::Raw((-wbits).max(9) as u8)),
        24..=31 => Some(Format::Gzip((wbits - 16).max(9) as u8)),
        _ => None,
    }
}

/// wbits for decompression: as for compression, plus 0 (the header's window) and
/// 40..47 (detect zlib or gzip).
fn decompress_format(wbits: i64) -> Option<Format> {
    match wbits {
        0 => Some(Format::Zlib(15)),
        8..=15 => Some(Format::Zlib(wbits.max(9) as u8)),
        -15..=-8 => Some(Format::Raw((-wbits).max(9) as u8)),
        24..=31 => Some(Format::Gzip((wbits - 16).max(9) as u8)),
        32 => Some(Format::Auto(15)),
        40..=47 => Some(Format::Auto((wbits - 32).max(9) as u8)),
        _ => None,
    }
}

fn new_compress(level: i64, format: Format) -> Compress {
    let level = if level < 0 { Compression::default() } else { Compression::new(level as u32) };
    match format {
        Format::Zlib(w) | Format::Auto(w) => Compress::new_with_window_bits(level, true, w),
        Format::Raw(w) => Compress::new_with_window_bits(level, false, w),
        Format::Gzip(w) => Compress::new_gzip(level, w),
    }
}

/// A decompressor; `Auto` needs the stream's first bytes to choose.
fn new_decompress(format: Format, head: &[u8]) -> Decompress {
    match format {
        Format::Zlib(w) => Decompress::new_with_window_bits(true, w),
        Format::Raw(w) => Decompress::new_with_window_bits(false, w),
        Format::Gzip(w) => Decompress::new_gzip(w),
        Format::Auto(w) if head.starts_with(&[0x1f, 0x8b]) => Decompress::new_gzip(w),
        Format::Auto(w) => Decompress::new_with_window_bits(true, w),
    }
}

/// Runs `c` over all of `input` with `flush`, growing the output until zlib leaves
/// room in it (deflate's "done for now").
fn run_compress(vm: &mut Vm, c: &mut Compress, input: &[u8], flush: FlushCompress) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() / 4 + 64);
    let mut pos = 0;
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(DEF_BUF_SIZE as usize));
        }
        let before = c.total_in();
        let st = c.compress_vec(&input[pos..], &mut out, flush);
        let st = match st {
            Ok(s) => s,
            Err(e) => return Err(zlib_error(vm, -2, "while compressing data", e.message())),
        };
        pos += (c.total_in() - before) as usize;
        let room = out.len() < out.capacity();
        match st {
            Status::StreamEnd => return Ok(out),
            Status::BufError if room => return Ok(out),
            _ if room && pos == input.len() && !matches!(flush, FlushCompress::Finish) => return Ok(out),
            _ => {}
        }
    }
}

fn z_compress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("compress", &["data", "level", "wbits"], 1)?;
    if args.kwarg("data").is_some() {
        return Err(type_error("compress() takes at least 1 positional argument (0 given)"));
    }
    let data = data_arg(b[0].as_ref().unwrap_or(&none()))?;
    let level = int_arg(vm, b[1].as_ref(), -1)?;
    let wbits = int_arg(vm, b[2].as_ref(), MAX_WBITS)?;
    let (Some(format), true) = (compress_format(wbits), (-1..=9).contains(&level)) else {
        return Err(zerror(vm, "Bad compression level".into()));
    };
    let mut c = new_compress(level, format);
    Ok(new_bytes(run_compress(vm, &mut c, &data, FlushCompress::Finish)?))
}

/// What one decompression call did.
struct Inflated {
    out: Vec<u8>,
    /// Bytes of the input consumed.
    used: usize,
    end: bool,
}

/// Inflates `input` into at most `max` bytes (0: no limit), setting `zdict` when the
/// stream asks for one.
fn run_decompress(
    vm: &mut Vm,
    d: &mut Decompress,
    input: &[u8],
    max: usize,
    flush: FlushDecompress,
    zdict: Option<&[u8]>,
) -> PyResult<Inflated> {
    let mut out: Vec<u8> = Vec::new();
    let mut pos = 0;
    loop {
        let limit = if max > 0 { max - out.len() } else { usize::MAX };
        if limit == 0 {
            return Ok(Inflated { out, used: pos, end: false });
        }
        // Windows that grow with the output, never past `max`.
        let want = limit.min((DEF_BUF_SIZE as usize).max(out.len()));
        let mut window = Vec::with_capacity(want);
        let before = d.total_in();
        let r = d.decompress_vec(&input[pos..], &mut window, flush);
        pos += (d.total_in() - before) as usize;
        let full = window.len() >= want;
        out.extend_from_slice(&window);
        match r {
            Ok(Status::StreamEnd) => return Ok(Inflated { out, used: pos, end: true }),
            // Room left over: zlib ran out of input.
            Ok(_) if !full => return Ok(Inflated { out, used: pos, end: false }),
            Ok(_) => {}
            Err(e) => match (e.needs_dictionary(), zdict) {
                (Some(_), Some(z)) => {
                    if d.set_dictionary(z).is_err() {
                        return Err(zlib_error(vm, -3, "while setting zdict", None));
                    }
                }
                (Some(_), None) => return Err(zlib_error(vm, 2, "while decompressing data", None)),
                (None, _) => return Err(zlib_error(vm, -3, "while decompressing data", e.message())),
            },
        }
    }
}

fn z_decompress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("decompress", &["data", "wbits", "bufsize"], 1)?;
    let data = data_arg(b[0].as_ref().unwrap_or(&none()))?;
    let wbits = int_arg(vm, b[1].as_ref(), MAX_WBITS)?;
    let bufsize = int_arg(vm, b[2].as_ref(), DEF_BUF_SIZE)?;
    if bufsize < 0 {
        return Err(value_error("bufsize must be non-negative"));
    }
    let Some(format) = decompress_format(wbits) else {
        return Err(zlib_error(vm, -2, "while preparing to decompress data", None));
    };
    let mut d = new_decompress(format, &data);
    let r = run_decompress(vm, &mut d, &data, 0, FlushDecompress::None, None)?;
    if !r.end {
        return Err(zlib_error(vm, -5, "while decompressing data", None));
    }
    Ok(new_bytes(r.out))
}

fn z_crc32(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("crc32", 1, 2)?;
    args.no_kwargs("crc32")?;
    let data = data_arg(&a[0])?;
    let start = unsigned_arg(vm, a.get(1))?;
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(&data);
    Ok(new_int(h.finalize() as i64))
}

fn z_adler32(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let a = args.range("adler32", 1, 2)?;
    args.no_kwargs("adler32")?;
    let data = data_arg(&a[0])?;
    let start = match a.get(1) {
        Some(_) => unsigned_arg(vm, a.get(1))?,
        None => 1,
    };
    let mut h = adler2::Adler32::from_checksum(start);
    h.write_slice(&data);
    Ok(new_int(h.checksum() as i64))
}

/// A checksum start value: any int, taken modulo 2**32 (`unsigned_int(bitwise=True)`).
fn unsigned_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<u32> {
    let Some(v) = v else { return Ok(0) };
    if let Some(b) = crate::objects::int::to_bigint(v) {
        let m: num_bigint::BigInt = b & num_bigint::BigInt::from(u32::MAX);
        return Ok(u32::try_from(m).unwrap_or(0));
    }
    Ok(crate::builtins::posix::int_arg(vm, v)? as u32)
}

// ---- streaming objects ----

struct CompressObj {
    /// None once flushed with Z_FINISH.
    z: RefCell<Option<Compress>>,
}
impl NativeData for CompressObj {}

fn z_compressobj(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("compressobj", &["level", "method", "wbits", "memLevel", "strategy", "zdict"], 0)?;
    let level = int_arg(vm, b[0].as_ref(), -1)?;
    let method = int_arg(vm, b[1].as_ref(), 8)?;
    let wbits = int_arg(vm, b[2].as_ref(), MAX_WBITS)?;
    let mem_level = int_arg(vm, b[3].as_ref(), 8)?;
    let strategy = int_arg(vm, b[4].as_ref(), 0)?;
    let format = compress_format(wbits);
    // flate2 fixes memLevel at 8 and the default strategy: other valid values change only
    // how well the data compresses, never what it decompresses to.
    if format.is_none()
        || method != 8
        || !(-1..=9).contains(&level)
        || !(1..=9).contains(&mem_level)
        || !(0..=4).contains(&strategy)
    {
        return Err(value_error("Invalid initialization option"));
    }
    let mut z = new_compress(level, format.unwrap_or(Format::Zlib(15)));
    if let Some(zd) = b[5].as_ref().filter(|v| !v.is_none()) {
        let Some(dict) = buffer_bytes(zd) else {
            return Err(type_error("zdict argument must support the buffer protocol"));
        };
        if z.set_dictionary(&dict).is_err() {
            return Err(value_error("Invalid dictionary"));
        }
    }
    let cls = classes(vm)?.compress.clone();
    Ok(new_native(&cls, CompressObj { z: RefCell::new(Some(z)) }))
}

fn c_compress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, c) = this::<CompressObj>(&args, "compress", "zlib.Compress")?;
    let [_, data] = args.exact::<2>("compress")?;
    let data = data_arg(data)?;
    let mut z = c.z.borrow_mut().take();
    let r = match z.as_mut() {
        Some(zz) => run_compress(vm, zz, &data, FlushCompress::None),
        None => Err(zlib_error(vm, -2, "while compressing data", None)),
    };
    *c.z.borrow_mut() = z;
    Ok(new_bytes(r?))
}

fn c_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, c) = this::<CompressObj>(&args, "flush", "zlib.Compress")?;
    let a = args.range("flush", 1, 2)?;
    let mode = int_arg(vm, a.get(1), Z_FINISH)?;
    if mode == Z_NO_FLUSH {
        return Ok(new_bytes(Vec::new()));
    }
    let flush = match mode {
        1 => FlushCompress::Partial,
        2 => FlushCompress::Sync,
        3 => FlushCompress::Full,
        _ => FlushCompress::Finish,
    };
    let mut z = c.z.borrow_mut().take();
    let r = match z.as_mut() {
        Some(zz) => run_compress(vm, zz, &[], flush),
        None => Err(zlib_error(vm, -2, "while flushing", None)),
    };
    if mode != Z_FINISH {
        *c.z.borrow_mut() = z;
    }
    Ok(new_bytes(r?))
}

struct DecompressObj {
    format: Format,
    /// Made at the first input (auto-detection needs its first bytes).
    z: RefCell<Option<Decompress>>,
    zdict: Option<Vec<u8>>,
    unused_data: RefCell<Vec<u8>>,
    unconsumed_tail: RefCell<Vec<u8>>,
    eof: Cell<bool>,
}
impl NativeData for DecompressObj {}

fn z_decompressobj(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let b = args.bind("decompressobj", &["wbits", "zdict"], 0)?;
    let wbits = int_arg(vm, b[0].as_ref(), MAX_WBITS)?;
    let Some(format) = decompress_format(wbits) else {
        return Err(value_error("Invalid initialization option"));
    };
    let zdict = match b[1].as_ref() {
        Some(zd) => match buffer_bytes(zd) {
            Some(d) => Some(d),
            None => return Err(type_error("zdict argument must support the buffer protocol")),
        },
        None => None,
    };
    let cls = classes(vm)?.decompress.clone();
    Ok(new_native(
        &cls,
        DecompressObj {
            format,
            z: RefCell::new(None),
            zdict,
            unused_data: RefCell::new(Vec::new()),
            unconsumed_tail: RefCell::new(Vec::new()),
            eof: Cell::new(false),
        },
    ))
}

/// One `decompress`/`flush` step of a Decompress object over `data`.
fn d_step(vm: &mut Vm, d: &DecompressObj, data: &[u8], max: usize, flush: FlushDecompress) -> PyResult {
    if d.eof.get() {
        d.unused_data.borrow_mut().extend_from_slice(data);
        return Ok(new_bytes(Vec::new()));
    }
    let mut z = d.z.borrow_mut().take();
    if z.is_none() {
        let mut fresh = new_decompress(d.format, data);
        // A raw stream has no header to ask for the dictionary: it is set at once.
        if let (Format::Raw(_), Some(zd)) = (d.format, &d.zdict) {
            if fresh.set_dictionary(zd).is_err() {
                return Err(zlib_error(vm, -3, "while setting zdict", None));
            }
        }
        z = Some(fresh);
    }
    let r = match z.as_mut() {
        Some(zz) => run_decompress(vm, zz, data, max, flush, d.zdict.as_deref()),
        None => Err(zlib_error(vm, -2, "while decompressing data", None)),
    };
    *d.z.borrow_mut() = z;
    let r = r?;
    let rest = &data[r.used.min(data.len())..];
    if r.end {
        d.eof.set(true);
        d.unused_data.borrow_mut().extend_from_slice(rest);
        d.unconsumed_tail.borrow_mut().clear();
    } else {
        *d.unconsumed_tail.borrow_mut() = rest.to_vec();
    }
    Ok(new_bytes(r.out))
}

fn d_decompress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = this::<DecompressObj>(&args, "decompress", "zlib.Decompress")?;
    let b = args.bind("decompress", &["self", "data", "max_length"], 2)?;
    let data = data_arg(b[1].as_ref().unwrap_or(&none()))?;
    let max = int_arg(vm, b[2].as_ref(), 0)?;
    if max < 0 {
        return Err(value_error("max_length must be non-negative"));
    }
    d_step(vm, d, &data, max as usize, FlushDecompress::None)
}

fn d_flush(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = this::<DecompressObj>(&args, "flush", "zlib.Decompress")?;
    let a = args.range("flush", 1, 2)?;
    let length = int_arg(vm, a.get(1), DEF_BUF_SIZE)?;
    if length <= 0 {
        return Err(value_error("length must be greater than zero"));
    }
    let tail = std::mem::take(&mut *d.unconsumed_tail.borrow_mut());
    d_step(vm, d, &tail, 0, FlushDecompress::Finish)
}

fn d_unused_data(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = this::<DecompressObj>(&args, "unused_data", "zlib.Decompress")?;
    Ok(new_bytes(d.unused_data.borrow().clone()))
}

fn d_unconsumed_tail(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = this::<DecompressObj>(&args, "unconsumed_tail", "zlib.Decompress")?;
    Ok(new_bytes(d.unconsumed_tail.borrow().clone()))
}

fn d_eof(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (_, d) = this::<DecompressObj>(&args, "eof", "zlib.Decompress")?;
    Ok(py_bool(d.eof.get()))
}

pub fn register() {
    crate::vm::interp::register_native("zlib", init_zlib);
}

fn init_zlib(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("zlib");
    let d = module_dict(&m);
    for (name, f) in [
        ("compress", z_compress as crate::vm::NativeFn),
        ("decompress", z_decompress),
        ("crc32", z_crc32),
        ("adler32", z_adler32),
        ("compressobj", z_compressobj),
        ("decompressobj", z_decompressobj),
    ] {
        add_function(&d, "zlib", name, f);
    }
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    dd.set_str(new_str("error"), classes(vm)?.error.clone());
    for (k, v) in [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", Z_FINISH),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ] {
        dd.set_str(new_str(k), new_int(v));
    }
    dd.set_str(new_str("ZLIB_VERSION"), new_str("1.2.13"));
    dd.set_str(new_str("ZLIB_RUNTIME_VERSION"), new_str("1.2.13"));
    Ok(m)
}
