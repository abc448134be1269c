//! The `random` module: CPython's Mersenne Twister (same seeding, same `random()` and
//! `getrandbits`) and random.py's algorithms on top, so seeded runs reproduce CPython's
//! numbers. `Random` instances keep their generator in a table keyed by the instance.

use std::cell::RefCell;
use std::collections::HashMap;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::objects::float::new_float;
use crate::objects::int::{int_val, new_bigint, new_int};
use crate::objects::list::new_list;
use crate::objects::str::new_str;
use crate::objects::types;
use crate::values::{Kind, Value};
use crate::vm::errors::{index_error, type_error, value_error};
use crate::vm::protocol::type_name;
use crate::vm::startup::{add_function, module_dict, new_module};
use crate::vm::{Args, PyResult, Vm};

const N: usize = 624;
const M: usize = 397;

/// MT19937 state, as `_randommodule.c` keeps it.
#[derive(Clone)]
struct Mt {
    mt: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut m = Mt { mt: [0; N], index: N + 1, gauss_next: None };
        m.seed_os();
        m
    }

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
        let mut k = N.max(key.len());
        while k > 0 {
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
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = (self.mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
        self.gauss_next = None;
    }

    /// Seeds from an int the way `random_seed` does: the 32-bit words of `abs(n)`.
    fn seed_int(&mut self, n: &BigInt) {
        let (_, mut words) = n.abs().to_u32_digits();
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
    }

    fn seed_os(&mut self) {
        let mut key = [0u32; N];
        let mut ok = false;
        if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
            use std::io::Read;
            let mut buf = [0u8; N * 4];
            if f.read_exact(&mut buf).is_ok() {
                for (i, c) in buf.chunks(4).enumerate() {
                    key[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                }
                ok = true;
            }
        }
        if !ok {
            let t =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            key[0] = t as u32;
            key[1] = (t >> 32) as u32;
            key[2] = std::process::id();
        }
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

    fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::zero();
        }
        if k <= 32 {
            return BigInt::from(self.genrand_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words as usize);
        let mut left = k as i64;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        BigInt::from_slice(Sign::Plus, &out)
    }

    /// `_randbelow_with_getrandbits(n)` for n > 0.
    fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow(&BigInt::from(n)).to_usize().unwrap_or(0)
    }
}

/// Generators by owner: 0 is the module's hidden instance, others are `Random` objects
/// (shared by all threads, like the objects they belong to).
static STATES: crate::values::gil::GilStatic<RefCell<Option<HashMap<usize, Mt>>>> =
    crate::values::gil::GilStatic::new(RefCell::new(None));

fn with_mt<R>(key: usize, f: impl FnOnce(&mut Mt) -> R) -> R {
    let mut s = STATES.borrow_mut();
    let mt = s.get_or_insert_with(HashMap::new).entry(key).or_insert_with(Mt::new);
    f(mt)
}

/// Splits module-level calls (state 0) from `Random` method calls (state of `self`).
fn split<'a>(args: &Args<'a>, method: bool) -> (usize, Args<'a>) {
    if method {
        let key = args.pos().first().map(|v| v.bits()).unwrap_or(0);
        (key, Args::new(&args.values[1..], args.kwnames))
    } else {
        (0, *args)
    }
}

fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let i = crate::builtins::numeric::index(vm, v)?;
    Ok(int_val(&i).map(|i| i.to_bigint()).unwrap_or_default())
}

fn py_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    match vm.call_special(v, "__len__", &[])? {
        Some(r) => Ok(crate::objects::int::to_i64(&r).unwrap_or(0).max(0) as usize),
        None => Err(type_error(format!("object of type '{}' has no len()", type_name(v)))),
    }
}

fn seed_impl(vm: &mut Vm, key: usize, a: Option<&Value>) -> PyResult {
    let a = a.filter(|v| !v.is_none());
    let Some(a) = a else {
        with_mt(key, |m| m.seed_os());
        return Ok(crate::objects::none());
    };
    let n: BigInt = if let Some(i) = int_val(a) {
        i.to_bigint()
    } else if let Some(s) = a.as_str() {
        let mut bytes = s.as_bytes().to_vec();
        bytes.extend_from_slice(&sha512(s.as_bytes()));
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    } else if let Some(b) = a.downcast::<crate::objects::bytes::PyBytes>() {
        let mut bytes = b.0.to_vec();
        bytes.extend_from_slice(&sha512(&b.0));
        BigInt::from_bytes_be(Sign::Plus, &bytes)
    } else if a.kind() == Kind::Float {
        let h = vm.hash(a)?;
        BigInt::from(h as u64)
    } else {
        return Err(type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray."));
    };
    with_mt(key, |m| m.seed_int(&n));
    Ok(crate::objects::none())
}

fn randrange_impl(vm: &mut Vm, key: usize, start: &Value, stop: Option<&Value>, step: Option<&Value>) -> PyResult {
    let istart = index_arg(vm, start)?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(new_bigint(with_mt(key, |m| m.randbelow(&istart))));
        }
        return Err(value_error("empty range for randrange()"));
    };
    let istop = index_arg(vm, stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => index_arg(vm, s)?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = with_mt(key, |m| m.randbelow(&width));
            return Ok(new_bigint(istart + r));
        }
        return Err(value_error(format!("empty range for randrange() ({istart}, {istop}, {width})")));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(value_error("empty range for randrange()"));
    }
    let r = with_mt(key, |m| m.randbelow(&n));
    Ok(new_bigint(istart + istep * r))
}

fn seq_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.to_vec(v)
}

macro_rules! both {
    ($($modfn:ident $methfn:ident $imp:ident;)*) => {
        $(
            fn $modfn(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let (k, a) = split(&args, false);
                $imp(vm, k, a)
            }
            fn $methfn(vm: &mut Vm, args: Args<'_>) -> PyResult {
                let (k, a) = split(&args, true);
                $imp(vm, k, a)
            }
        )*
    };
}

both! {
    m_seed r_seed do_seed;
    m_random r_random do_random;
    m_getrandbits r_getrandbits do_getrandbits;
    m_randrange r_randrange do_randrange;
    m_randint r_randint do_randint;
    m_choice r_choice do_choice;
    m_shuffle r_shuffle do_shuffle;
    m_sample r_sample do_sample;
    m_choices r_choices do_choices;
    m_uniform r_uniform do_uniform;
    m_triangular r_triangular do_triangular;
    m_gauss r_gauss do_gauss;
    m_normalvariate r_normalvariate do_normalvariate;
    m_expovariate r_expovariate do_expovariate;
    m_randbytes r_randbytes do_randbytes;
    m_getstate r_getstate do_getstate;
    m_setstate r_setstate do_setstate;
    m_lognormvariate r_lognormvariate do_lognormvariate;
    m_paretovariate r_paretovariate do_paretovariate;
    m_weibullvariate r_weibullvariate do_weibullvariate;
}

/// `getstate()`: (3, the 624 words plus the index, gauss_next), as random.py returns it.
fn do_getstate(_vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    a.exact::<0>("getstate")?;
    let (words, idx, g) = with_mt(k, |m| (m.mt, m.index, m.gauss_next));
    let mut items: Vec<Value> = words.iter().map(|&w| new_int(w as i64)).collect();
    items.push(new_int(idx as i64));
    let g = g.map(new_float).unwrap_or_else(crate::objects::none);
    Ok(crate::objects::tuple::new_tuple(vec![new_int(3), crate::objects::tuple::new_tuple(items), g]))
}

/// `setstate(state)`.
fn do_setstate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [state] = a.exact::<1>("setstate")?;
    let parts = vm.to_vec(state)?;
    let bad = || type_error("state vector must be a tuple");
    let version = parts.first().and_then(crate::objects::int::to_i64);
    if parts.len() != 3 || !matches!(version, Some(2 | 3)) {
        return Err(value_error(format!(
            "state with version {} passed to Random.setstate() of version 3",
            parts.first().map(|v| vm.repr_string(v).unwrap_or_default()).unwrap_or_default()
        )));
    }
    let words = vm.to_vec(&parts[1]).map_err(|_| bad())?;
    if words.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (i, w) in words.iter().take(N).enumerate() {
        // Version 2 saved signed words: reduce them mod 2**32 as random.py does.
        let v = int_val(w).map(|v| num_integer::Integer::mod_floor(&v.to_bigint(), &BigInt::from(1u64 << 32)));
        mt[i] = v.and_then(|v| v.to_u32()).ok_or_else(bad)?;
    }
    let idx = crate::objects::int::to_i64(&words[N]).filter(|&i| (0..=N as i64).contains(&i));
    let idx = idx.ok_or_else(|| value_error("invalid state"))? as usize;
    let g = if parts[2].is_none() { None } else { Some(crate::builtins::math::to_f64(vm, &parts[2])?) };
    with_mt(k, |m| {
        m.mt = mt;
        m.index = idx;
        m.gauss_next = g;
    });
    Ok(crate::objects::none())
}

fn do_lognormvariate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("lognormvariate", &["mu", "sigma"], 2)?;
    let mu = crate::builtins::math::to_f64(vm, b[0].as_ref().unwrap_or(&new_int(0)))?;
    let sigma = crate::builtins::math::to_f64(vm, b[1].as_ref().unwrap_or(&new_int(1)))?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let z = with_mt(k, |m| {
        loop {
            let u1 = m.random();
            let u2 = 1.0 - m.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                break z;
            }
        }
    });
    let r = (mu + z * sigma).exp();
    if r.is_infinite() {
        return Err(crate::vm::errors::overflow_error("math range error"));
    }
    Ok(new_float(r))
}

fn do_paretovariate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [alpha] = a.exact::<1>("paretovariate")?;
    let alpha = crate::builtins::math::to_f64(vm, alpha)?;
    let u = 1.0 - with_mt(k, |m| m.random());
    Ok(new_float(1.0 / u.powf(1.0 / alpha)))
}

fn do_weibullvariate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("weibullvariate", &["alpha", "beta"], 2)?;
    let alpha = crate::builtins::math::to_f64(vm, b[0].as_ref().unwrap_or(&new_int(1)))?;
    let beta = crate::builtins::math::to_f64(vm, b[1].as_ref().unwrap_or(&new_int(1)))?;
    let u = 1.0 - with_mt(k, |m| m.random());
    Ok(new_float(alpha * (-u.ln()).powf(1.0 / beta)))
}

fn do_seed(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("seed", &["a", "version"], 0)?;
    seed_impl(vm, k, b[0].as_ref())
}
fn do_random(_vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    a.exact::<0>("random")?;
    Ok(new_float(with_mt(k, |m| m.random())))
}
fn do_getrandbits(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [n] = a.exact::<1>("getrandbits")?;
    let n = index_arg(vm, n)?;
    if n.is_negative() {
        return Err(value_error("number of bits must be non-negative"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > 1 << 35 {
        return Err(crate::vm::errors::memory_error(""));
    }
    Ok(new_bigint(with_mt(k, |m| m.getrandbits(n))))
}
fn do_randrange(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("randrange", &["start", "stop", "step"], 1)?;
    let start = b[0].clone().unwrap_or_else(|| new_int(0));
    randrange_impl(vm, k, &start, b[1].as_ref(), b[2].as_ref())
}
fn do_randint(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("randint", &["a", "b"], 2)?;
    let (Some(lo), Some(hi)) = (&b[0], &b[1]) else { return Err(type_error("randint() missing arguments")) };
    let hi1 = vm.binary_op(hi, &new_int(1), crate::bytecode::opcode::BinOp::Add, false)?;
    randrange_impl(vm, k, lo, Some(&hi1), None)
}
fn do_choice(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [seq] = a.exact::<1>("choice")?;
    let n = py_len(vm, seq)?;
    if n == 0 {
        return Err(index_error("Cannot choose from an empty sequence"));
    }
    let i = with_mt(k, |m| m.randbelow_usize(n));
    vm.getitem(seq, &new_int(i as i64))
}
fn do_shuffle(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [x] = a.exact::<1>("shuffle")?;
    let n = py_len(vm, x)?;
    for i in (1..n).rev() {
        let j = with_mt(k, |m| m.randbelow_usize(i + 1));
        let (vi, vj) = (new_int(i as i64), new_int(j as i64));
        let xi = vm.getitem(x, &vi)?;
        let xj = vm.getitem(x, &vj)?;
        vm.setitem(x, &vi, xj)?;
        vm.setitem(x, &vj, xi)?;
    }
    Ok(crate::objects::none())
}
fn do_sample(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("sample", &["population", "k", "counts"], 2)?;
    let (Some(pop), Some(kv)) = (&b[0], &b[1]) else { return Err(type_error("sample() missing arguments")) };
    if matches!(pop.kind(), Kind::Set | Kind::FrozenSet | Kind::Dict) {
        return Err(type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let pool_src = seq_items(vm, pop)?;
    let n = pool_src.len();
    let kk = index_arg(vm, kv)?;
    let kk = kk.to_i64().unwrap_or(-1);
    if kk < 0 || kk as usize > n {
        return Err(value_error("Sample larger than population or is negative"));
    }
    let kk = kk as usize;
    let mut setsize = 21usize;
    if kk > 5 {
        let e = ((kk * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    let mut result = Vec::with_capacity(kk);
    if n <= setsize {
        let mut pool = pool_src;
        for i in 0..kk {
            let j = with_mt(k, |m| m.randbelow_usize(n - i));
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..kk {
            let mut j = with_mt(k, |m| m.randbelow_usize(n));
            while selected.contains(&j) {
                j = with_mt(k, |m| m.randbelow_usize(n));
            }
            selected.insert(j);
            result.push(pool_src[j].clone());
        }
    }
    Ok(new_list(result))
}
fn do_choices(vm: &mut Vm, key: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("choices", &["population", "weights", "cum_weights", "k"], 1)?;
    let pop = b[0].clone().unwrap_or_else(crate::objects::none);
    let items = seq_items(vm, &pop)?;
    let n = items.len();
    let k = match &b[3] {
        Some(v) => index_arg(vm, v)?.to_i64().unwrap_or(0).max(0) as usize,
        None => 1,
    };
    let weights = b[1].clone().filter(|w| !w.is_none());
    let cum = b[2].clone().filter(|w| !w.is_none());
    if weights.is_none() && cum.is_none() {
        let nf = n as f64;
        let mut out = Vec::with_capacity(k);
        for _ in 0..k {
            let i = (with_mt(key, |m| m.random()) * nf).floor() as usize;
            out.push(items.get(i).cloned().ok_or_else(|| index_error("list index out of range"))?);
        }
        return Ok(new_list(out));
    }
    let cum: Vec<f64> = match (weights, cum) {
        (Some(_), Some(_)) => return Err(type_error("Cannot specify both weights and cumulative weights")),
        (Some(w), None) => {
            let mut acc = Vec::new();
            let mut total: Option<Value> = None;
            for x in vm.to_vec(&w)? {
                let t = match total {
                    None => x,
                    Some(t) => vm.binary_op(&t, &x, crate::bytecode::opcode::BinOp::Add, false)?,
                };
                acc.push(crate::builtins::math::to_f64(vm, &t)?);
                total = Some(t);
            }
            acc
        }
        (None, Some(c)) => {
            let mut acc = Vec::new();
            for x in vm.to_vec(&c)? {
                acc.push(crate::builtins::math::to_f64(vm, &x)?);
            }
            acc
        }
        (None, None) => Vec::new(),
    };
    if cum.len() != n {
        return Err(value_error("The number of weights does not match the population"));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = with_mt(key, |m| m.random()) * total;
        // bisect_right(cum, x, 0, hi)
        let (mut lo, mut h) = (0usize, hi);
        while lo < h {
            let mid = (lo + h) / 2;
            if x < cum[mid] {
                h = mid;
            } else {
                lo = mid + 1;
            }
        }
        out.push(items[lo].clone());
    }
    Ok(new_list(out))
}
fn do_uniform(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("uniform", &["a", "b"], 2)?;
    let lo = crate::builtins::math::to_f64(vm, b[0].as_ref().unwrap_or(&new_int(0)))?;
    let hi = crate::builtins::math::to_f64(vm, b[1].as_ref().unwrap_or(&new_int(0)))?;
    Ok(new_float(lo + (hi - lo) * with_mt(k, |m| m.random())))
}
fn do_triangular(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("triangular", &["low", "high", "mode"], 0)?;
    let mut low = match &b[0] {
        Some(v) => crate::builtins::math::to_f64(vm, v)?,
        None => 0.0,
    };
    let mut high = match &b[1] {
        Some(v) => crate::builtins::math::to_f64(vm, v)?,
        None => 1.0,
    };
    let mut u = with_mt(k, |m| m.random());
    let mut c = match b[2].as_ref().filter(|m| !m.is_none()) {
        None => 0.5,
        Some(m) => {
            if high == low {
                return Ok(new_float(low));
            }
            (crate::builtins::math::to_f64(vm, m)? - low) / (high - low)
        }
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(new_float(low + (high - low) * (u * c).sqrt()))
}
fn mu_sigma(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let b = a.bind(name, &["mu", "sigma"], 0)?;
    let mu = match &b[0] {
        Some(v) => crate::builtins::math::to_f64(vm, v)?,
        None => 0.0,
    };
    let sigma = match &b[1] {
        Some(v) => crate::builtins::math::to_f64(vm, v)?,
        None => 1.0,
    };
    Ok((mu, sigma))
}
fn do_gauss(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let (mu, sigma) = mu_sigma(vm, &a, "gauss")?;
    let z = with_mt(k, |m| match m.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = m.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - m.random()).ln()).sqrt();
            m.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    });
    Ok(new_float(mu + z * sigma))
}
fn do_normalvariate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let (mu, sigma) = mu_sigma(vm, &a, "normalvariate")?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let z = with_mt(k, |m| {
        loop {
            let u1 = m.random();
            let u2 = 1.0 - m.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                break z;
            }
        }
    });
    Ok(new_float(mu + z * sigma))
}
fn do_expovariate(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let b = a.bind("expovariate", &["lambd"], 1)?;
    let l = crate::builtins::math::to_f64(vm, b[0].as_ref().unwrap_or(&new_int(1)))?;
    let r = -(1.0 - with_mt(k, |m| m.random())).ln();
    if l == 0.0 {
        return Err(crate::vm::errors::zero_division_error("float division by zero"));
    }
    Ok(new_float(r / l))
}
fn do_randbytes(vm: &mut Vm, k: usize, a: Args<'_>) -> PyResult {
    let [n] = a.exact::<1>("randbytes")?;
    let n = index_arg(vm, n)?.to_u64().ok_or_else(|| value_error("negative argument not allowed"))?;
    if n > 1 << 32 {
        return Err(crate::vm::errors::memory_error(""));
    }
    let v = with_mt(k, |m| m.getrandbits(n * 8));
    let mut bytes = v.to_bytes_le().1;
    bytes.resize(n as usize, 0);
    Ok(crate::values::layout::alloc(&types().bytes, crate::objects::bytes::PyBytes(bytes.into_boxed_slice())))
}

fn r_init(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let (k, a) = split(&args, true);
    let b = a.bind("Random", &["x"], 0)?;
    STATES.borrow_mut().get_or_insert_with(HashMap::new).insert(k, Mt::new());
    seed_impl(vm, k, b[0].as_ref())
}

/// SHA-512 (for str/bytes seeds, as random.py hashes them).
fn sha512(data: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bitlen = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bitlen.to_be_bytes());
    for block in msg.chunks(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let s1 = v[4].rotate_right(14) ^ v[4].rotate_right(18) ^ v[4].rotate_right(41);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7].wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
            let s0 = v[0].rotate_right(28) ^ v[0].rotate_right(34) ^ v[0].rotate_right(39);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), v[0], v[1], v[2], v[3].wrapping_add(t1), v[4], v[5], v[6]];
        }
        for i in 0..8 {
            h[i] = h[i].wrapping_add(v[i]);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Builds the `random` module.
pub fn init_module(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module("random");
    let d = module_dict(&m);
    let fns: [(&'static str, crate::vm::NativeFn, crate::vm::NativeFn); 20] = [
        ("getstate", m_getstate, r_getstate),
        ("setstate", m_setstate, r_setstate),
        ("lognormvariate", m_lognormvariate, r_lognormvariate),
        ("paretovariate", m_paretovariate, r_paretovariate),
        ("weibullvariate", m_weibullvariate, r_weibullvariate),
        ("seed", m_seed, r_seed),
        ("random", m_random, r_random),
        ("getrandbits", m_getrandbits, r_getrandbits),
        ("randrange", m_randrange, r_randrange),
        ("randint", m_randint, r_randint),
        ("choice", m_choice, r_choice),
        ("shuffle", m_shuffle, r_shuffle),
        ("sample", m_sample, r_sample),
        ("choices", m_choices, r_choices),
        ("uniform", m_uniform, r_uniform),
        ("triangular", m_triangular, r_triangular),
        ("gauss", m_gauss, r_gauss),
        ("normalvariate", m_normalvariate, r_normalvariate),
        ("expovariate", m_expovariate, r_expovariate),
        ("randbytes", m_randbytes, r_randbytes),
    ];
    for (name, f, _) in fns.iter() {
        add_function(&d, "random", name, *f);
    }
    // class Random: methods share the module's algorithms, with per-instance state.
    let cd = crate::values::layout::alloc(&types().dict, crate::objects::dict::PyDict::new());
    if let Some(cdd) = cd.payload::<crate::objects::dict::PyDict>() {
        cdd.set_str(new_str("__module__"), new_str("random"));
    }
    let bases = crate::objects::tuple::new_tuple(vec![types().object.clone()]);
    let cls = vm.call_pos(&types().type_.clone(), &[new_str("Random"), bases, cd])?;
    crate::vm::startup::add_method(&cls, "__init__", r_init);
    for (name, _, f) in fns.iter() {
        crate::vm::startup::add_method(&cls, name, *f);
    }
    if let Some(dd) = d.payload::<crate::objects::dict::PyDict>() {
        dd.set_str(new_str("Random"), cls);
    }
    Ok(m)
}
