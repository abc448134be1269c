//! The hash modules under CPython's `hashlib.py`: `_md5`, `_sha1`, `_sha256`, `_sha512`,
//! `_sha3` and `_blake2`, one hash-object layer over the RustCrypto digests (md-5, sha1,
//! sha2, sha3) and blake2b_simd/blake2s_simd (which take every BLAKE2 parameter CPython's
//! `_blake2` does: key, salt, person, tree fields).

use std::cell::RefCell;

use digest::{DynDigest, ExtendableOutput, Update};

use crate::objects::bytes::new_bytes;
use crate::objects::dict::PyDict;
use crate::objects::int::new_int;
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::str::new_str;
use crate::objects::type_::new_builtin_class;
use crate::objects::{none, registry::exc};
use crate::values::gil::GilStatic;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_getter, add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

/// A running hash: a fixed-size digest, an extendable-output SHAKE, or BLAKE2.
#[derive(Clone)]
enum State {
    Fixed(Box<dyn DynDigest>),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

struct Hash {
    algo: &'static Algo,
    state: RefCell<State>,
}
impl NativeData for Hash {}

impl Hash {
    fn update(&self, data: &[u8]) {
        match &mut *self.state.borrow_mut() {
            State::Fixed(d) => d.update(data),
            State::Shake128(s) => Update::update(s, data),
            State::Shake256(s) => Update::update(s, data),
            State::Blake2b(s) => {
                s.update(data);
            }
            State::Blake2s(s) => {
                s.update(data);
            }
        }
    }
    /// The digest so far (the state goes on); `len` is the SHAKE output length.
    fn digest(&self, len: usize) -> Vec<u8> {
        match &*self.state.borrow() {
            State::Fixed(d) => d.box_clone().finalize().into_vec(),
            State::Shake128(s) => shake(s.clone(), len),
            State::Shake256(s) => shake(s.clone(), len),
            State::Blake2b(s) => s.finalize().as_bytes().to_vec(),
            State::Blake2s(s) => s.finalize().as_bytes().to_vec(),
        }
    }
    fn digest_size(&self) -> usize {
        match &*self.state.borrow() {
            State::Fixed(d) => d.output_size(),
            State::Shake128(_) | State::Shake256(_) => 0,
            State::Blake2b(_) | State::Blake2s(_) => self.algo.digest_size,
        }
    }
}

fn shake<X: ExtendableOutput>(x: X, len: usize) -> Vec<u8> {
    let mut out = vec![0u8; len];
    x.finalize_xof_into(&mut out);
    out
}

/// One algorithm: its name (the type's name too), module, sizes, and a fresh state.
struct Algo {
    name: &'static str,
    module: &'static str,
    digest_size: usize,
    block_size: usize,
    new: fn() -> State,
}

const ALGOS: &[Algo] = &[
    Algo {
        name: "md5",
        module: "_md5",
        digest_size: 16,
        block_size: 64,
        new: || State::Fixed(Box::new(md5::Md5::default())),
    },
    Algo {
        name: "sha1",
        module: "_sha1",
        digest_size: 20,
        block_size: 64,
        new: || State::Fixed(Box::new(sha1::Sha1::default())),
    },
    Algo {
        name: "sha224",
        module: "_sha256",
        digest_size: 28,
        block_size: 64,
        new: || State::Fixed(Box::new(sha2::Sha224::default())),
    },
    Algo {
        name: "sha256",
        module: "_sha256",
        digest_size: 32,
        block_size: 64,
        new: || State::Fixed(Box::new(sha2::Sha256::default())),
    },
    Algo {
        name: "sha384",
        module: "_sha512",
        digest_size: 48,
        block_size: 128,
        new: || State::Fixed(Box::new(sha2::Sha384::default())),
    },
    Algo {
        name: "sha512",
        module: "_sha512",
        digest_size: 64,
        block_size: 128,
        new: || State::Fixed(Box::new(sha2::Sha512::default())),
    },
    Algo {
        name: "sha3_224",
        module: "_sha3",
        digest_size: 28,
        block_size: 144,
        new: || State::Fixed(Box::new(sha3::Sha3_224::default())),
    },
    Algo {
        name: "sha3_256",
        module: "_sha3",
        digest_size: 32,
        block_size: 136,
        new: || State::Fixed(Box::new(sha3::Sha3_256::default())),
    },
    Algo {
        name: "sha3_384",
        module: "_sha3",
        digest_size: 48,
        block_size: 104,
        new: || State::Fixed(Box::new(sha3::Sha3_384::default())),
    },
    Algo {
        name: "sha3_512",
        module: "_sha3",
        digest_size: 64,
        block_size: 72,
        new: || State::Fixed(Box::new(sha3::Sha3_512::default())),
    },
    Algo {
        name: "shake_128",
        module: "_sha3",
        digest_size: 0,
        block_size: 168,
        new: || State::Shake128(sha3::Shake128::default()),
    },
    Algo {
        name: "shake_256",
        module: "_sha3",
        digest_size: 0,
        block_size: 136,
        new: || State::Shake256(sha3::Shake256::default()),
    },
    Algo {
        name: "blake2b",
        module: "_blake2",
        digest_size: 64,
        block_size: 128,
        new: || State::Blake2b(blake2b_simd::State::new()),
    },
    Algo {
        name: "blake2s",
        module: "_blake2",
        digest_size: 32,
        block_size: 64,
        new: || State::Blake2s(blake2s_simd::State::new()),
    },
];

/// The class of each algorithm, made on first use (index = position in `ALGOS`).
static CLASSES: GilStatic<RefCell<Vec<Option<Value>>>> = GilStatic::new(RefCell::new(Vec::new()));

fn algo_index(name: &str) -> usize {
    ALGOS.iter().position(|a| a.name == name).unwrap_or(0)
}

fn class_of(i: usize) -> Value {
    if let Some(Some(c)) = CLASSES.borrow().get(i) {
        return c.clone();
    }
    let a = &ALGOS[i];
    let cls = new_builtin_class(a.name, a.module, Kind::Native, 0);
    let new_fn: crate::vm::NativeFn = match a.name {
        "blake2b" | "blake2s" => blake2_new,
        _ => hash_new,
    };
    add_staticmethod(&cls, "__new__", new_fn);
    for (n, f) in [
        ("update", h_update as crate::vm::NativeFn),
        ("digest", h_digest),
        ("hexdigest", h_hexdigest),
        ("copy", h_copy),
    ] {
        add_method(&cls, n, f);
    }
    for (n, f) in
        [("name", h_name as crate::vm::NativeFn), ("digest_size", h_digest_size), ("block_size", h_block_size)]
    {
        add_getter(&cls, n, f);
    }
    if let (Some(t), true) = (cls.as_type(), a.module == "_blake2") {
        let (salt, key) = if a.name == "blake2b" { (16, 64) } else { (8, 32) };
        for (k, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", salt), ("MAX_KEY_SIZE", key), ("MAX_DIGEST_SIZE", key)] {
            t.dict.set_str(new_str(k), new_int(v));
        }
        t.modified();
    }
    let mut cs = CLASSES.borrow_mut();
    if cs.len() < ALGOS.len() {
        cs.resize(ALGOS.len(), None);
    }
    cs[i] = Some(cls.clone());
    cls
}

/// The bytes of a data argument, with `_hashlib`'s messages for str and non-buffers.
fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(type_error("Strings must be encoded before hashing"));
    }
    crate::builtins::memoryview::buffer_bytes(v).ok_or_else(|| type_error("object supporting the buffer API required"))
}

/// The algorithm a `__new__` is for: the class, or the builtin class it derives from.
fn algo_of_cls(cls: &Value) -> usize {
    let name = cls.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
    algo_index(&name)
}

/// `md5(string=b'', *, usedforsecurity=True)` and the other fixed and SHAKE hashes.
fn hash_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let i = algo_of_cls(&cls);
    let a = &ALGOS[i];
    let b = args.bind(a.name, &["cls", "string", "usedforsecurity"], 1)?;
    let data = match b[1].as_ref().or_else(|| args.kwarg("data")) {
        Some(d) => Some(data_arg(d)?),
        None => None,
    };
    let h = Hash { algo: a, state: RefCell::new((a.new)()) };
    if let Some(d) = data {
        h.update(&d);
    }
    Ok(new_native(&class_of(i), h))
}

/// `blake2b(data=b'', *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1,
/// depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False,
/// usedforsecurity=True)`, with `_blake2`'s range checks.
fn blake2_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let i = algo_of_cls(&cls);
    let a = &ALGOS[i];
    let big = a.name == "blake2b";
    let names = [
        "cls",
        "data",
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
        "usedforsecurity",
    ];
    let b = args.bind(a.name, &names, 1)?;
    let (max_digest, max_key, max_salt) = if big { (64, 64, 16) } else { (32, 32, 8) };
    let int = |vm: &mut Vm, k: usize, dflt: i64| -> PyResult<i64> {
        match &b[k] {
            Some(v) => crate::builtins::posix::int_arg(vm, v),
            None => Ok(dflt),
        }
    };
    let bytes = |k: usize| -> PyResult<Vec<u8>> {
        match &b[k] {
            Some(v) => data_arg(v),
            None => Ok(Vec::new()),
        }
    };
    let digest_size = int(vm, 2, max_digest)?;
    if !(1..=max_digest).contains(&digest_size) {
        return Err(value_error(format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let key = bytes(3)?;
    if key.len() > max_key as usize {
        return Err(value_error(format!("maximum key length is {max_key} bytes")));
    }
    let salt = bytes(4)?;
    if salt.len() > max_salt {
        return Err(value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    let person = bytes(5)?;
    if person.len() > max_salt {
        return Err(value_error(format!("maximum person length is {max_salt} bytes")));
    }
    let fanout = int(vm, 6, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(value_error("fanout must be between 0 and 255"));
    }
    let depth = int(vm, 7, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(value_error("depth must be between 1 and 255"));
    }
    let leaf_size = int(vm, 8, 0)?;
    if !(0..=u32::MAX as i64).contains(&leaf_size) {
        return Err(PyErr::new(&exc().overflow_error, "leaf_size is too large"));
    }
    let node_offset = int(vm, 9, 0)?;
    if node_offset < 0 || (!big && node_offset >= 1 << 48) {
        return Err(PyErr::new(&exc().overflow_error, "node_offset is too large"));
    }
    let node_depth = int(vm, 10, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int(vm, 11, 0)?;
    if !(0..=max_digest).contains(&inner_size) {
        return Err(value_error(format!("inner_size must be between 0 and is {max_digest}")));
    }
    let last_node = match &b[12] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let data = match &b[1] {
        Some(d) => Some(data_arg(d)?),
        None => None,
    };
    // blake2b_simd and blake2s_simd have the same `Params` API over different types.
    macro_rules! state {
        ($krate:ident, $variant:ident) => {{
            let mut p = $krate::Params::new();
            p.hash_length(digest_size as usize)
                .key(&key)
                .salt(&salt)
                .personal(&person)
                .fanout(fanout as u8)
                .max_depth(depth as u8)
                .max_leaf_length(leaf_size as u32)
                .node_offset(node_offset as u64)
                .node_depth(node_depth as u8)
                .inner_hash_length(inner_size as usize)
                .last_node(last_node);
            State::$variant(p.to_state())
        }};
    }
    let state = if big { state!(blake2b_simd, Blake2b) } else { state!(blake2s_simd, Blake2s) };
    let algo: &'static Algo = if digest_size == a.digest_size as i64 { a } else { leak_algo(a, digest_size as usize) };
    let h = Hash { algo, state: RefCell::new(state) };
    if let Some(d) = data {
        h.update(&d);
    }
    Ok(new_native(&class_of(i), h))
}

/// A BLAKE2 variant with a shorter digest (one per size ever asked for, kept for the
/// process: at most 96 of them).
fn leak_algo(a: &'static Algo, digest_size: usize) -> &'static Algo {
    static SIZED: GilStatic<RefCell<Vec<&'static Algo>>> = GilStatic::new(RefCell::new(Vec::new()));
    if let Some(x) = SIZED.borrow().iter().find(|x| x.name == a.name && x.digest_size == digest_size) {
        return x;
    }
    let x: &'static Algo = Box::leak(Box::new(Algo { digest_size, ..*a }));
    SIZED.borrow_mut().push(x);
    x
}

fn hash_this<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a Hash> {
    this::<Hash>(args, meth, "hash").map(|(_, h)| h)
}

/// The type name in argument errors: OpenSSL's `HASH`/`HASHXOF`, whose objects CPython's
/// hashlib returns for all but BLAKE2 (that one comes from `_blake2`).
fn err_type(h: &Hash) -> &'static str {
    match h.algo.name {
        "blake2b" | "blake2s" => h.algo.name,
        "shake_128" | "shake_256" => "HASHXOF",
        _ => "HASH",
    }
}

fn h_update(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let h = hash_this(&args, "update")?;
    args.no_kwargs("update")?;
    let [_, data] = args.pos() else {
        let n = args.pos().len().saturating_sub(1);
        return Err(type_error(format!("{}.update() takes exactly one argument ({n} given)", err_type(h))));
    };
    h.update(&data_arg(data)?);
    Ok(none())
}

/// The output length of a SHAKE `digest(length)`; none for the others.
fn out_len(vm: &mut Vm, h: &Hash, args: &Args<'_>, meth: &str) -> PyResult<usize> {
    if h.algo.digest_size != 0 || !h.algo.name.starts_with("shake") {
        args.no_kwargs(meth)?;
        if args.pos().len() != 1 {
            let n = args.pos().len() - 1;
            return Err(type_error(format!("{}.{meth}() takes no arguments ({n} given)", err_type(h))));
        }
        return Ok(0);
    }
    let b = args.bind(meth, &["self", "length"], 1)?;
    let Some(len) = &b[1] else {
        return Err(type_error(format!("{meth}() missing required argument 'length' (pos 1)")));
    };
    let n = crate::builtins::posix::int_arg(vm, len)?;
    // OpenSSL's HASHXOF fails to allocate a negative or huge length.
    if !(0..1 << 30).contains(&n) {
        return Err(PyErr::bare(&exc().memory_error));
    }
    Ok(n as usize)
}

fn h_digest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let h = hash_this(&args, "digest")?;
    let n = out_len(vm, h, &args, "digest")?;
    Ok(new_bytes(h.digest(n)))
}

fn h_hexdigest(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let h = hash_this(&args, "hexdigest")?;
    let n = out_len(vm, h, &args, "hexdigest")?;
    Ok(new_str(h.digest(n).iter().map(|b| format!("{b:02x}")).collect::<String>()))
}

fn h_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (s, h) = this::<Hash>(&args, "copy", "hash")?;
    args.exact::<1>("copy")?;
    let c = Hash { algo: h.algo, state: RefCell::new(h.state.borrow().clone()) };
    Ok(new_native(s.type_of(), c))
}

fn h_name(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_str(hash_this(&args, "name")?.algo.name))
}

fn h_digest_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let h = hash_this(&args, "digest_size")?;
    Ok(new_int(h.digest_size() as i64))
}

fn h_block_size(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    Ok(new_int(hash_this(&args, "block_size")?.algo.block_size as i64))
}

pub fn register() {
    for (name, init) in [
        ("_md5", init_md5 as crate::vm::interp::NativeModuleInit),
        ("_sha1", init_sha1),
        ("_sha256", init_sha256),
        ("_sha512", init_sha512),
        ("_sha3", init_sha3),
        ("_blake2", init_blake2),
    ] {
        crate::vm::interp::register_native(name, init);
    }
}

/// Module `name` holding the classes of `algos`.
fn make_module(name: &str, algos: &[&str]) -> PyResult<Value> {
    let m = new_module(name);
    let d = module_dict(&m);
    let dd = d.payload::<PyDict>().ok_or_else(|| type_error("module dict"))?;
    for a in algos {
        dd.set_str(new_str(*a), class_of(algo_index(a)));
    }
    Ok(m)
}

fn init_md5(_vm: &mut Vm) -> PyResult<Value> {
    make_module("_md5", &["md5"])
}
fn init_sha1(_vm: &mut Vm) -> PyResult<Value> {
    make_module("_sha1", &["sha1"])
}
fn init_sha256(_vm: &mut Vm) -> PyResult<Value> {
    make_module("_sha256", &["sha224", "sha256"])
}
fn init_sha512(_vm: &mut Vm) -> PyResult<Value> {
    make_module("_sha512", &["sha384", "sha512"])
}
fn init_sha3(_vm: &mut Vm) -> PyResult<Value> {
    let m = make_module("_sha3", &["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"])?;
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<PyDict>() {
        dd.set_str(new_str("implementation"), new_str("RustCrypto sha3"));
        dd.set_str(new_str("keccakopt"), new_int(64));
    }
    Ok(m)
}
fn init_blake2(_vm: &mut Vm) -> PyResult<Value> {
    let m = make_module("_blake2", &["blake2b", "blake2s"])?;
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<PyDict>() {
        for (k, v) in [
            ("BLAKE2B_MAX_DIGEST_SIZE", 64),
            ("BLAKE2B_MAX_KEY_SIZE", 64),
            ("BLAKE2B_PERSON_SIZE", 16),
            ("BLAKE2B_SALT_SIZE", 16),
            ("BLAKE2S_MAX_DIGEST_SIZE", 32),
            ("BLAKE2S_MAX_KEY_SIZE", 32),
            ("BLAKE2S_PERSON_SIZE", 8),
            ("BLAKE2S_SALT_SIZE", 8),
        ] {
            dd.set_str(new_str(k), new_int(v));
        }
    }
    Ok(m)
}
