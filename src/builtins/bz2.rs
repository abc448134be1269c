//! The native `_bz2` module (CPython's _bz2module.c), under CPython's `bz2.py`:
//! `BZ2Compressor` and `BZ2Decompressor` over the `bzip2` crate's pure-Rust libbzip2 port,
//! with _bz2module.c's state rules and messages (flushed compressors, `eof`,
//! `unused_data`, `needs_input` and `max_length` as its decompress loop sets them).

use std::cell::{Cell, RefCell};

use bzip2::{Action, Compress, Compression, Decompress, Status};

use crate::builtins::memoryview::buffer_bytes;
use crate::objects::bytes::new_bytes;
use crate::objects::dict::PyDict;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::registry::exc;
use crate::objects::sequtil::new_cls;
use crate::objects::str::new_str;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, py_bool};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

pub fn register() {
    crate::vm::interp::register_native("_bz2", init);
}

struct Classes {
    compressor: Value,
    decompressor: Value,
}
static CLASSES: GilCell<Classes> = GilCell::new();

fn classes() -> &'static Classes {
    CLASSES.init(|| {
        let compressor = new_builtin_class("BZ2Compressor", "_bz2", Kind::Native, TF_BASETYPE);
        add_staticmethod(&compressor, "__new__", compressor_new);
        add_method(&compressor, "compress", compress);
        add_method(&compressor, "flush", flush);
        add_method(&compressor, "__getstate__", no_pickle);
        let decompressor = new_builtin_class("BZ2Decompressor", "_bz2", Kind::Native, TF_BASETYPE);
        add_staticmethod(&decompressor, "__new__", decompressor_new);
        add_method(&decompressor, "decompress", decompress);
        add_method(&decompressor, "__getstate__", no_pickle);
        add_getter(&decompressor, "eof", d_eof);
        add_getter(&decompressor, "unused_data", d_unused_data);
        add_getter(&decompressor, "needs_input", d_needs_input);
        Classes { compressor, decompressor }
    })
}

fn no_pickle(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let me = args.pos().first().cloned().unwrap_or_else(none);
    Err(type_error(format!("cannot pickle '{}' object", type_name(&me))))
}

/// libbzip2's failures as _bz2module.c's `catch_bz2_error` reports them.
fn bz2_error(e: bzip2::Error) -> PyErr {
    match e {
        bzip2::Error::Data | bzip2::Error::DataMagic => PyErr::new(&exc().os_error, "Invalid data stream"),
        bzip2::Error::Param => value_error("Internal error - invalid parameters passed to libbzip2"),
        bzip2::Error::Sequence => {
            PyErr::new(&exc().runtime_error, "Internal error - Invalid sequence of commands sent to libbzip2")
        }
    }
}

/// The sizes of the successive output blocks of one call (CPython's
/// `_BlocksOutputBuffer`), the last repeating.
const BLOCK_SIZES: [usize; 17] = {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    [
        32 * KB,
        64 * KB,
        256 * KB,
        MB,
        4 * MB,
        8 * MB,
        16 * MB,
        16 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        32 * MB,
        64 * MB,
        64 * MB,
        128 * MB,
        128 * MB,
        256 * MB,
    ]
};

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    buffer_bytes(v).ok_or_else(|| type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

struct Compressor {
    c: RefCell<Compress>,
    flushed: Cell<bool>,
}
impl NativeData for Compressor {}

fn compressor_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().compressor)?;
    if args.has_kwargs() {
        return Err(type_error("BZ2Compressor() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error(format!("BZ2Compressor expected at most 1 argument, got {}", p.len())));
    }
    let level = match p.first() {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => 9,
    };
    if !(1..=9).contains(&level) {
        return Err(value_error("compresslevel must be between 1 and 9"));
    }
    // Work factor 30, libbzip2's default (CPython passes 0, which means it).
    let c = Compress::new(Compression::new(level as u32), 30);
    Ok(new_native(cls, Compressor { c: RefCell::new(c), flushed: Cell::new(false) }))
}

/// Runs the compressor over `input` with `action` until it has taken all the input (or,
/// finishing, until the stream ends), collecting the output.
fn run_compress(c: &mut Compress, input: &[u8], action: Action) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(input.len() / 4 + 64);
    let start_in = c.total_in();
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(8192));
        }
        let consumed = (c.total_in() - start_in) as usize;
        let status = c.compress_vec(&input[consumed..], &mut out, action).map_err(bz2_error)?;
        let done_input = (c.total_in() - start_in) as usize >= input.len();
        match action {
            Action::Finish if status == Status::StreamEnd => return Ok(out),
            Action::Finish => {}
            _ if done_input && out.len() < out.capacity() => return Ok(out),
            _ => {}
        }
    }
}

fn compress(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = this::<Compressor>(&args, "compress", "_bz2.BZ2Compressor")?.1;
    let [_, data] = args.exact::<2>("BZ2Compressor.compress").map_err(|_| {
        type_error(format!(
            "BZ2Compressor.compress() takes exactly one argument ({} given)",
            args.pos().len().saturating_sub(1)
        ))
    })?;
    let data = data_arg(data)?;
    if c.flushed.get() {
        return Err(value_error("Compressor has been flushed"));
    }
    Ok(new_bytes(run_compress(&mut c.c.borrow_mut(), &data, Action::Run)?))
}

fn flush(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let c = this::<Compressor>(&args, "flush", "_bz2.BZ2Compressor")?.1;
    args.exact::<1>("BZ2Compressor.flush")?;
    if c.flushed.get() {
        return Err(value_error("Repeated call to flush()"));
    }
    c.flushed.set(true);
    Ok(new_bytes(run_compress(&mut c.c.borrow_mut(), &[], Action::Finish)?))
}

struct Decompressor {
    d: RefCell<Decompress>,
    eof: Cell<bool>,
    needs_input: Cell<bool>,
    /// Input given but not yet decompressed (a `max_length` stopped early).
    pending: RefCell<Vec<u8>>,
    unused: RefCell<Vec<u8>>,
}
impl NativeData for Decompressor {}

fn decompressor_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().decompressor)?;
    if args.pos().len() > 1 {
        return Err(type_error("BZ2Decompressor() takes no positional arguments"));
    }
    if args.has_kwargs() {
        return Err(type_error("BZ2Decompressor() takes no keyword arguments"));
    }
    let d = Decompressor {
        d: RefCell::new(Decompress::new(false)),
        eof: Cell::new(false),
        needs_input: Cell::new(true),
        pending: RefCell::new(Vec::new()),
        unused: RefCell::new(Vec::new()),
    };
    Ok(new_native(cls, d))
}

/// `decompress(data, max_length=-1)`: at most `max_length` bytes (all when negative).
fn decompress(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let d = this::<Decompressor>(&args, "decompress", "_bz2.BZ2Decompressor")?.1;
    let rest = Args::new(&args.values[1..], args.kwnames);
    let a = rest.bind("decompress", &["data", "max_length"], 1)?;
    let data = data_arg(a[0].as_ref().unwrap_or(&none()))?;
    let max_length = match &a[1] {
        Some(v) => crate::builtins::posix::int_arg(vm, v)?,
        None => -1,
    };
    if d.eof.get() {
        return Err(PyErr::new(&exc().eof_error, "End of stream already reached"));
    }
    let mut input = std::mem::take(&mut *d.pending.borrow_mut());
    input.extend_from_slice(&data);
    let limit = if max_length < 0 { usize::MAX } else { max_length as usize };
    let mut out: Vec<u8> = Vec::new();
    let mut dec = d.d.borrow_mut();
    let start_in = dec.total_in();
    let mut blocks = 0;
    // _bz2module.c's loop: call, then stop at the end of the stream, when the input is
    // used up (even with output still inside libbzip2), or at `max_length` bytes.
    loop {
        let room = limit.saturating_sub(out.len());
        let consumed = (dec.total_in() - start_in) as usize;
        // CPython's output blocks (where a call stops on used-up input depends on them),
        // exact-size; with no room the call still takes input into libbzip2's state.
        let block = BLOCK_SIZES[blocks.min(BLOCK_SIZES.len() - 1)];
        blocks += 1;
        let mut window = vec![0u8; room.min(block)];
        let before = dec.total_out();
        let status = dec.decompress(&input[consumed..], &mut window).map_err(bz2_error)?;
        let produced = (dec.total_out() - before) as usize;
        out.extend_from_slice(&window[..produced]);
        if status == Status::StreamEnd {
            d.eof.set(true);
            break;
        }
        let now = (dec.total_in() - start_in) as usize;
        if now >= input.len() {
            break;
        }
        if produced == window.len() {
            if out.len() >= limit {
                break;
            }
        } else if produced == 0 && now == consumed {
            // No progress with room and input left (cannot happen with libbzip2).
            break;
        }
    }
    let consumed = (dec.total_in() - start_in) as usize;
    let left = &input[consumed.min(input.len())..];
    if d.eof.get() {
        d.needs_input.set(false);
        if !left.is_empty() {
            *d.unused.borrow_mut() = left.to_vec();
        }
    } else if left.is_empty() {
        d.needs_input.set(true);
    } else {
        d.needs_input.set(false);
        *d.pending.borrow_mut() = left.to_vec();
    }
    Ok(new_bytes(out))
}

fn decomp<'a>(args: &Args<'a>, what: &str) -> PyResult<&'a Decompressor> {
    Ok(this::<Decompressor>(args, what, "_bz2.BZ2Decompressor")?.1)
}

fn d_eof(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(decomp(&args, "eof")?.eof.get()))
}

fn d_needs_input(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(py_bool(decomp(&args, "needs_input")?.needs_input.get()))
}

fn d_unused_data(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_bytes(decomp(&args, "unused_data")?.unused.borrow().clone()))
}

fn init(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_bz2");
    let d = module_dict(&m);
    let c = classes();
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("BZ2Compressor"), c.compressor.clone());
        dd.set_str(new_str("BZ2Decompressor"), c.decompressor.clone());
    }
    Ok(m)
}
