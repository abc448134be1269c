//! The `_random` module: `_random.Random`, CPython's Mersenne Twister (MT19937 with
//! `_randommodule.c`'s seeding, `random()` and `getrandbits`). CPython's own `random.py`
//! subclasses it and writes every distribution on top, so seeded runs give CPython's numbers.

use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_bigint, new_int};
use crate::objects::native::{NativeData, new_native, this};
use crate::objects::str::new_str;
use crate::objects::tuple::new_tuple;
use crate::objects::type_::{TF_BASETYPE, new_builtin_class};
use crate::objects::{none, registry::exc};
use crate::values::gil::GilCell;
use crate::values::{Kind, Value};
use crate::vm::errors::{PyErr, type_error, value_error};
use crate::vm::startup::{add_method, add_staticmethod, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;

/// MT19937 state, as `_randommodule.c` keeps it (`index` == N: regenerate on next draw).
struct Mt {
    mt: [u32; N],
    index: usize,
}

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            self.mt[i] = 1812433253u32.wrapping_mul(self.mt[i - 1] ^ (self.mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1664525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x80000000;
    }

    /// `random_seed_urandom`, falling back on time and pid as `random_seed_time_pid`.
    fn seed_os(&mut self) {
        let mut buf = [0u8; N * 4];
        let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf));
        if ok.is_ok() {
            let key: Vec<u32> = buf.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            self.init_by_array(&key);
            return;
        }
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let mono = std::time::Instant::now().elapsed().as_nanos();
        let key = [now as u32, (now >> 32) as u32, std::process::id(), mono as u32, (mono >> 32) as u32];
        self.init_by_array(&key);
    }

    fn genrand_u32(&mut self) -> u32 {
        const MATRIX_A: u32 = 0x9908b0df;
        const UPPER: u32 = 0x80000000;
        const LOWER: u32 = 0x7fffffff;
        if self.index >= N {
            let mt = &mut self.mt;
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) from 53 random bits.
    fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `k` random bits, least significant 32-bit word first, as `getrandbits` fills them.
    fn getrandbits(&mut self, k: u32) -> Value {
        if k <= 32 {
            return new_int(if k == 0 { 0 } else { (self.genrand_u32() >> (32 - k)) as i64 });
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        new_bigint(BigInt::from_slice(Sign::Plus, &out))
    }
}

/// The state of one `_random.Random` object.
struct RandomObj(RefCell<Mt>);
impl NativeData for RandomObj {}

static RANDOM: GilCell<Value> = GilCell::new();

fn random_class() -> &'static Value {
    RANDOM.init(|| {
        let cls = new_builtin_class("Random", "_random", Kind::Native, TF_BASETYPE);
        add_staticmethod(&cls, "__new__", r_new);
        for (name, f) in [
            ("__init__", r_init as crate::vm::NativeFn),
            ("random", r_random),
            ("seed", r_seed),
            ("getstate", r_getstate),
            ("setstate", r_setstate),
            ("getrandbits", r_getrandbits),
        ] {
            add_method(&cls, name, f);
        }
        if let Some(t) = cls.as_type() {
            t.dict.set_str(
                new_str("__doc__"),
                new_str("Random() -> create a random number generator with its own internal state."),
            );
            t.modified();
        }
        cls
    })
}

fn me<'a>(args: &Args<'a>, meth: &str) -> PyResult<&'a RandomObj> {
    Ok(this::<RandomObj>(args, meth, "_random.Random")?.1)
}

/// `random_seed`: None reseeds from the OS; an int seeds from the 32-bit words of its
/// absolute value; anything else from its hash, taken as unsigned.
fn seed(vm: &mut Vm, r: &RandomObj, arg: Option<&Value>) -> PyResult<()> {
    let Some(arg) = arg.filter(|a| !a.is_none()) else {
        r.0.borrow_mut().seed_os();
        return Ok(());
    };
    let n = match int_val(arg) {
        Some(i) => i.to_bigint().abs(),
        None => BigInt::from(vm.hash(arg)? as u64),
    };
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    r.0.borrow_mut().init_by_array(&key);
    Ok(())
}

/// `PyType_GenericNew`: any arguments, the seeding is `__init__`'s.
fn r_new(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = args.pos().first().cloned().unwrap_or_else(none);
    let base = random_class();
    if !crate::vm::protocol::is_subtype(&cls, base) {
        return Err(type_error("Random.__new__(X): X is not a subtype of _random.Random"));
    }
    let v = new_native(base, RandomObj(RefCell::new(Mt { mt: [0; N], index: N + 1 })));
    Ok(if cls.is(base) { v } else { crate::objects::sequtil::subclass_instance(&cls, v) })
}

/// `random_init`: at most one positional argument, the seed.
fn r_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "__init__")?;
    if args.has_kwargs() {
        return Err(type_error("Random() takes no keyword arguments"));
    }
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    seed(vm, r, p.first())?;
    Ok(none())
}

/// A method that takes nothing but `self`, with CPython's messages.
fn no_args(args: &Args<'_>, meth: &str) -> PyResult<()> {
    args.no_kwargs(&format!("Random.{meth}"))?;
    match args.pos().len() {
        1 => Ok(()),
        n => Err(type_error(format!("Random.{meth}() takes no arguments ({} given)", n - 1))),
    }
}

fn r_random(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "random")?;
    no_args(&args, "random")?;
    Ok(new_float(r.0.borrow_mut().random()))
}

fn r_seed(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "seed")?;
    args.no_kwargs("Random.seed")?;
    let p = &args.pos()[1..];
    if p.len() > 1 {
        return Err(crate::vm::args::arg_count_error("seed", 0, 1, p.len()));
    }
    seed(vm, r, p.first())?;
    Ok(none())
}

/// `getstate()`: the 624 words and the index, as one tuple.
fn r_getstate(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "getstate")?;
    no_args(&args, "getstate")?;
    let m = r.0.borrow();
    let mut items: Vec<Value> = m.mt.iter().map(|&w| new_int(w as i64)).collect();
    items.push(new_int(m.index as i64));
    Ok(new_tuple(items))
}

/// `PyLong_AsUnsignedLong` then the cast to `uint32_t`, as setstate reads each word.
fn state_word(v: &Value) -> PyResult<u32> {
    let Some(i) = int_val(v) else { return Err(type_error("an integer is required")) };
    let b = i.to_bigint();
    if b.is_negative() {
        return Err(PyErr::new(&exc().overflow_error, "can't convert negative value to unsigned int"));
    }
    match b.to_u64() {
        Some(w) => Ok(w as u32),
        None => Err(PyErr::new(&exc().overflow_error, "Python int too large to convert to C unsigned long")),
    }
}

fn r_setstate(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "setstate")?;
    let [_, state] = args.exact::<2>("setstate")?;
    let Some(items) = state.as_tuple() else { return Err(type_error("state vector must be a tuple")) };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(items) {
        *w = state_word(v)?;
    }
    let index = crate::builtins::numeric::index(vm, &items[N])?;
    let index = int_val(&index).and_then(|i| i.to_bigint().to_i64());
    let Some(index) = index.filter(|i| (0..=N as i64).contains(i)) else {
        return Err(value_error("invalid state"));
    };
    let mut m = r.0.borrow_mut();
    m.mt = words;
    m.index = index as usize;
    Ok(none())
}

fn r_getrandbits(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let r = me(&args, "getrandbits")?;
    let [_, k] = args.exact::<2>("getrandbits")?;
    let k = crate::builtins::numeric::index(vm, k)?;
    let k = int_val(&k).and_then(|i| i.to_bigint().to_i32());
    let k = k.ok_or_else(|| PyErr::new(&exc().overflow_error, "Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    Ok(r.0.borrow_mut().getrandbits(k as u32))
}

pub fn register() {
    crate::vm::interp::register_native("_random", init_module);
}

fn init_module(_vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("_random");
    let d = module_dict(&m);
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(new_str("Random"), random_class().clone());
        dd.set_str(new_str("__doc__"), new_str("Module implements the Mersenne Twister random number generator."));
    }
    Ok(m)
}
