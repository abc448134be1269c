//! `dict`: an insertion-ordered hash table (CPython's compact layout: a sparse index array
//! into a dense entry array), plus the `dict_keys`/`dict_values`/`dict_items` views.

pub mod methods;
pub mod views;

use std::cell::{Cell, Ref, RefCell};

use crate::objects::Trace;
use crate::values::Value;
use crate::vm::{PyResult, Vm};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The table itself; `PyDict` wraps it in a `RefCell` and runs user `__eq__` outside borrows.
#[derive(Clone, Default)]
pub struct DictTable {
    indices: Vec<u32>,
    /// Dense, in insertion order; `None` marks a deleted entry.
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Index slots that are not EMPTY (live + DUMMY): keeps probing finite, since
    /// `popitem` shrinks `entries` but leaves its DUMMY slot behind.
    fill: usize,
    /// One bit (`bloom_bit`) per key hash inserted since the last rebuild: a str lookup
    /// whose bit is clear misses without probing. Method calls ask every instance dict
    /// whether it shadows the method's name, and the answer is almost always no.
    bloom: u64,
}

/// The bit of `DictTable::bloom` for a key of hash `hash` (mixed: int keys hash to
/// themselves).
#[inline(always)]
pub(crate) fn bloom_bit(hash: i64) -> u64 {
    1 << ((hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

pub struct PyDict {
    table: RefCell<DictTable>,
    /// Bumped on every change to the key set, so a lookup that ran user code can tell
    /// the table moved under it (and so iterators detect "changed size during iteration").
    version: Cell<u64>,
}

impl Trace for PyDict {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        for e in self.table.borrow().entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
    }
}

/// Equality decided without running Python code, when both sides are builtin scalars.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.payload::<super::str::PyStr>(), b.payload::<super::str::PyStr>()) {
        return Some(x.as_str() == y.as_str());
    }
    if a.is_small() && b.is_small() {
        return Some(false);
    }
    super::int::numeric_eq(a, b)
}

impl DictTable {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Probes for `key`; calls `found` for each candidate entry with an equal hash.
    /// Returns (index slot, entry index) of a match, or the first free slot.
    fn probe(&self, hash: i64, mut is_match: impl FnMut(&Entry) -> bool) -> (usize, Option<usize>) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut free: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return (free.unwrap_or(i), None);
            }
            if ix == DUMMY {
                free.get_or_insert(i);
            } else if let Some(e) = &self.entries[ix as usize] {
                if e.hash == hash && is_match(e) {
                    return (i, Some(ix as usize));
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    fn grow(&mut self) {
        let live: Vec<Entry> = self.entries.drain(..).flatten().collect();
        let mut size = 8;
        while size * 2 < live.len() * 3 + 8 {
            size *= 2;
        }
        self.indices = vec![EMPTY; size];
        self.fill = live.len();
        self.bloom = live.iter().fold(0, |b, e| b | bloom_bit(e.hash));
        for e in live {
            let (slot, _) = self.probe(e.hash, |_| false);
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(Some(e));
        }
    }

    /// The index slot that points at dense entry `i` (which has hash `hash`).
    fn slot_of(&self, hash: i64, i: usize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut s = (hash as u64 as usize) & mask;
        while self.indices[s] != i as u32 {
            perturb >>= 5;
            s = (s.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        s
    }

    fn needs_grow(&self) -> bool {
        (self.entries.len().max(self.fill) + 1) * 3 >= self.indices.len() * 2
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }
    /// The entry at dense position `i` (for iterators), skipping nothing.
    pub fn entry_at(&self, i: usize) -> Option<Option<&Entry>> {
        self.entries.get(i).map(|e| e.as_ref())
    }
    pub fn dense_len(&self) -> usize {
        self.entries.len()
    }
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict::new()
    }
}

/// The outcome of one locked probe.
enum Probe {
    Found(usize),
    Missing,
    /// A candidate needs Python `__eq__`: compare outside the borrow, then retry.
    AskEq(Value),
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { table: RefCell::new(DictTable::default()), version: Cell::new(fresh_version()) }
    }
    /// A dict of keys known to be distinct, with their hashes, sized once (no equality
    /// checks, no regrowth): `sys._current_frames()` builds one per call.
    pub fn from_distinct(items: impl ExactSizeIterator<Item = (i64, Value, Value)>) -> PyDict {
        let n = items.len();
        let mut size = 8;
        while size * 2 < n * 3 + 8 {
            size *= 2;
        }
        let mut t = DictTable { indices: vec![EMPTY; size], entries: Vec::with_capacity(n), len: 0, fill: 0, bloom: 0 };
        for (hash, key, value) in items {
            t.bloom |= bloom_bit(hash);
            let (slot, _) = t.probe(hash, |_| false);
            t.indices[slot] = t.entries.len() as u32;
            t.entries.push(Some(Entry { hash, key, value }));
        }
        t.len = t.entries.len();
        t.fill = t.len;
        PyDict::from_table(t)
    }
    pub fn from_table(t: DictTable) -> PyDict {
        PyDict { table: RefCell::new(t), version: Cell::new(fresh_version()) }
    }
    /// Marks a key-set change: a fresh version, unique among all dicts (see `fresh_version`).
    #[inline]
    fn bump(&self) {
        self.version.set(fresh_version());
    }
    pub fn table(&self) -> Ref<'_, DictTable> {
        self.table.borrow()
    }
    pub fn version(&self) -> u64 {
        self.version.get()
    }
    pub fn len(&self) -> usize {
        self.table.borrow().len
    }
    /// Slots in the index array (`sys.getsizeof`).
    pub fn index_size(&self) -> usize {
        self.table.borrow().indices.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key`'s dense index, running `__eq__` outside the borrow when needed.
    fn find(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        let mut confirmed: Option<Value> = None;
        loop {
            let probe = {
                let t = self.table.borrow();
                if t.indices.is_empty() {
                    return Ok(None);
                }
                let mut ask = None;
                let (_, found) = t.probe(hash, |e| {
                    if let Some(c) = &confirmed {
                        if c.is(&e.key) {
                            return true;
                        }
                    }
                    match simple_eq(&e.key, key) {
                        Some(b) => b,
                        None => {
                            if ask.is_none() {
                                ask = Some(e.key.clone());
                            }
                            false
                        }
                    }
                });
                match (found, ask) {
                    (Some(i), _) => Probe::Found(i),
                    (None, Some(k)) => Probe::AskEq(k),
                    (None, None) => Probe::Missing,
                }
            };
            match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::AskEq(k) => {
                    let v0 = self.version.get();
                    let eq = vm.eq(&k, key)?;
                    if self.version.get() != v0 {
                        continue; // the table changed under us: probe again from scratch
                    }
                    if eq {
                        confirmed = Some(k);
                    } else {
                        // Treat this candidate as unequal from now on by a simple retry that
                        // skips it: compare identity-confirmed keys only.
                        return self.find_slow(vm, hash, key);
                    }
                }
            }
        }
    }

    /// Lookup that asks `__eq__` of every hash-equal candidate in probe order.
    fn find_slow(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        'restart: loop {
            let v0 = self.version.get();
            let candidates: Vec<(usize, Value)> = {
                let t = self.table.borrow();
                if t.indices.is_empty() {
                    return Ok(None);
                }
                let mut c = Vec::new();
                t.probe(hash, |e| {
                    c.push(e.key.clone());
                    false
                });
                // Map candidates back to their dense index.
                c.into_iter()
                    .filter_map(|k| {
                        t.entries.iter().position(|e| e.as_ref().is_some_and(|e| e.key.is(&k))).map(|i| (i, k))
                    })
                    .collect()
            };
            for (i, k) in candidates {
                let eq = match simple_eq(&k, key) {
                    Some(b) => b,
                    None => vm.eq(&k, key)?,
                };
                if self.version.get() != v0 {
                    continue 'restart;
                }
                if eq {
                    return Ok(Some(i));
                }
            }
            return Ok(None);
        }
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_hashed(vm, key, hash)
    }

    pub fn get_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        Ok(self.find(vm, hash, key)?.and_then(|i| self.table.borrow().entries[i].as_ref().map(|e| e.value.clone())))
    }

    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.find(vm, hash, key)?.is_some())
    }

    pub fn set(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_hashed(vm, key, hash, value)
    }

    pub fn set_hashed(&self, vm: &mut Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        if let Some(i) = self.find(vm, hash, &key)? {
            let old = {
                let mut t = self.table.borrow_mut();
                t.entries[i].as_mut().map(|e| std::mem::replace(&mut e.value, value))
            };
            drop(old); // may run __del__-free drops outside the borrow
            return Ok(());
        }
        self.insert_new(hash, key, value);
        Ok(())
    }

    /// Inserts a key known to be absent.
    fn insert_new(&self, hash: i64, key: Value, value: Value) {
        let mut t = self.table.borrow_mut();
        if t.indices.is_empty() || t.needs_grow() {
            t.grow();
        }
        let (slot, _) = t.probe(hash, |_| false);
        let ix = t.entries.len() as u32;
        if t.indices[slot] == EMPTY {
            t.fill += 1;
        }
        t.indices[slot] = ix;
        t.bloom |= bloom_bit(hash);
        t.entries.push(Some(Entry { hash, key, value }));
        t.len += 1;
        self.bump();
    }

    /// Removes `key`, returning its value.
    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let Some(i) = self.find(vm, hash, key)? else { return Ok(None) };
        let removed = {
            let mut t = self.table.borrow_mut();
            let p = t.slot_of(hash, i);
            t.indices[p] = DUMMY;
            t.len -= 1;
            t.entries[i].take()
        };
        self.bump();
        Ok(removed.map(|e| e.value))
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let e = {
            let mut t = self.table.borrow_mut();
            let i = t.entries.iter().rposition(|e| e.is_some())?;
            let hash = t.entries[i].as_ref().map_or(0, |e| e.hash);
            let p = t.slot_of(hash, i);
            t.indices[p] = DUMMY;
            t.len -= 1;
            let e = t.entries[i].take();
            t.entries.truncate(i);
            e
        };
        self.bump();
        e.map(|e| (e.key, e.value))
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.bump();
        drop(old);
    }

    /// Keys, values or items snapshot (cloned out, so callers may run Python code).
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.value.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// Lookup by a Rust string (attribute dicts, globals): no Python code can run.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        if self.table.borrow().indices.is_empty() {
            return None;
        }
        self.get_str_hashed(key, super::str::hash_str(key))
    }

    /// `get_str` with the key's hash already known (a str object's cached hash).
    pub fn get_str_hashed(&self, key: &str, hash: i64) -> Option<Value> {
        let t = self.table.borrow();
        if t.bloom & bloom_bit(hash) == 0 {
            return None;
        }
        let (_, found) = t.probe(hash, |e| {
            e.key.payload::<super::str::PyStr>().is_some_and(|s| {
                let k = s.as_str();
                // The same str object (interned names) needs no byte compare.
                std::ptr::eq(k.as_ptr(), key.as_ptr()) && k.len() == key.len() || k == key
            })
        });
        found.and_then(|i| t.entries[i].as_ref().map(|e| e.value.clone()))
    }

    /// Lookup by an exact `str` object (names in code objects): uses its cached hash and
    /// compares by identity first, so interned names cost no hashing or memcmp.
    #[inline]
    pub fn get_str_value(&self, key: &Value) -> Option<Value> {
        let ks = key.payload::<super::str::PyStr>()?;
        let hash = ks.hash();
        let t = self.table.borrow();
        if t.bloom & bloom_bit(hash) == 0 {
            return None;
        }
        let (_, found) = t.probe(hash, |e| {
            e.key.is(key) || e.key.payload::<super::str::PyStr>().is_some_and(|s| s.as_str() == ks.as_str())
        });
        found.and_then(|i| t.entries[i].as_ref().map(|e| e.value.clone()))
    }

    /// Insert or replace with a str key (attribute dicts, globals).
    pub fn set_str(&self, key: Value, value: Value) {
        let Some(ks) = key.payload::<super::str::PyStr>() else { return };
        let hash = ks.hash();
        let found = {
            let t = self.table.borrow();
            if t.indices.is_empty() {
                None
            } else {
                let ks = ks.as_str();
                t.probe(hash, |e| {
                    e.key.is(&key) || e.key.payload::<super::str::PyStr>().is_some_and(|s| s.as_str() == ks)
                })
                .1
            }
        };
        match found {
            Some(i) => {
                let old = self.table.borrow_mut().entries[i].as_mut().map(|e| std::mem::replace(&mut e.value, value));
                drop(old);
            }
            None => self.insert_new(hash, key, value),
        }
    }
}

/// Shared by all threads: versions must be unique across every dict.
static NEXT_VERSION: crate::values::gil::GilStatic<Cell<u64>> = crate::values::gil::GilStatic::new(Cell::new(1));

/// A dict version no dict had before: versions are unique across dicts, so an inline
/// cache may remember "this dict in this key-set state" by its version alone.
#[inline]
fn fresh_version() -> u64 {
    let v = NEXT_VERSION.get();
    NEXT_VERSION.set(v + 1);
    v
}

impl PyDict {
    /// `get_str_value` that also returns the entry's dense index (for inline caches).
    pub fn get_str_value_ix(&self, key: &Value) -> Option<(usize, Value)> {
        let ks = key.payload::<super::str::PyStr>()?;
        let hash = ks.hash();
        let t = self.table.borrow();
        if t.bloom & bloom_bit(hash) == 0 {
            return None;
        }
        let (_, found) = t.probe(hash, |e| {
            e.key.is(key) || e.key.payload::<super::str::PyStr>().is_some_and(|s| s.as_str() == ks.as_str())
        });
        found.and_then(|i| t.entries[i].as_ref().map(|e| (i, e.value.clone())))
    }

    /// Replaces the value of dense entry `ix` if its key is the exact str `key` (same check
    /// as `value_at_if_key`); gives `value` back otherwise. Key set and version unchanged,
    /// as for any value replacement.
    #[inline(always)]
    pub fn set_at_if_key(&self, ix: usize, key: &Value, value: Value) -> Result<(), Value> {
        let mut t = self.table.borrow_mut();
        match t.entries.get_mut(ix) {
            Some(Some(e)) if e.key.is(key) => {
                let old = std::mem::replace(&mut e.value, value);
                drop(t);
                drop(old);
                Ok(())
            }
            _ => Err(value),
        }
    }

    /// The value of dense entry `ix` if its key is the exact str `key` (or an equal exact
    /// str): a cached index checked this way is exact whatever happened to the dict meanwhile (keys are
    /// unique, so the entry holding `key` is the one a lookup would find).
    #[inline(always)]
    pub fn value_at_if_key(&self, ix: usize, key: &Value) -> Option<Value> {
        let t = self.table.borrow();
        match t.entries.get(ix) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            // An equal but distinct str object (names are interned per code unit).
            Some(Some(e)) => {
                let (Some(a), Some(b)) = (e.key.payload::<super::str::PyStr>(), key.payload::<super::str::PyStr>())
                else {
                    return None;
                };
                (e.hash == b.hash() && a.as_str() == b.as_str()).then(|| e.value.clone())
            }
            _ => None,
        }
    }
}

impl PyDict {
    /// Replaces the value of dense entry `ix` if its key is `key` itself (a cached
    /// attribute store), returning the old value; `Err(value)` if the entry holds another key.
    #[inline(always)]
    pub fn replace_at_if_key(&self, ix: usize, key: &Value, value: Value) -> Result<Value, Value> {
        let mut t = self.table.borrow_mut();
        match t.entries.get_mut(ix) {
            Some(Some(e)) if e.key.is(key) => Ok(std::mem::replace(&mut e.value, value)),
            _ => Err(value),
        }
    }
}

/// Which view a `PyDictView` is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub struct PyDictView {
    pub dict: Value,
    pub which: ViewKind,
}
impl Trace for PyDictView {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    methods::init();
    views::init();
}

/// Where compiled code finds a dict's version (`PyDict::version`), from the `PyDict`.
pub const VERSION_OFFSET: i32 = std::mem::offset_of!(PyDict, version) as i32;

/// Where compiled code finds a dict's entries (inline attribute loads, `jit/lower/attrs.rs`):
/// byte offsets from the start of a `PyDict` of the entries' pointer and length, an
/// entry's size, and its key and value within it. A deleted entry (`None`) has a 0 key or
/// value word, so a reader that checks the key and a nonzero value never takes one.
#[derive(Clone, Copy, Debug)]
pub struct EntriesLayout {
    pub ptr: i32,
    pub len: i32,
    pub size: i32,
    pub key: i32,
    pub value: i32,
    /// An entry's hash within it.
    pub hash: i32,
    /// The hash table's (`u32` slots: an entry index, `EMPTY` or `DUMMY`) pointer and
    /// length, from the start of the `PyDict`.
    pub indices_ptr: i32,
    pub indices_len: i32,
    /// The table's `bloom` word (`bloom_bit`: a clear bit, no key of such a hash).
    pub bloom: i32,
}

/// The hash table's marks of a free slot and of a deleted entry's slot (compiled code
/// probes the table: `jit/lower/attrs.rs`).
pub const INDEX_EMPTY: u32 = EMPTY;
pub const INDEX_DUMMY: u32 = DUMMY;

/// The layout, found once by looking at a dict made for the purpose (Rust fixes neither
/// `RefCell`'s nor `Vec`'s field order), or `None` when anything is ambiguous.
pub fn entries_layout() -> Option<EntriesLayout> {
    static L: std::sync::OnceLock<Option<EntriesLayout>> = std::sync::OnceLock::new();
    *L.get_or_init(|| {
        if size_of::<Option<Entry>>() != size_of::<Entry>() || size_of::<PyDict>() % 8 != 0 {
            return None;
        }
        let mut entries = Vec::with_capacity(9);
        for i in 0..5 {
            entries.push(Some(Entry { hash: i, key: Value::small(100 + i), value: Value::small(200 + i) }));
        }
        let ptr = entries.as_ptr() as usize;
        let mut indices = Vec::with_capacity(16);
        indices.extend([EMPTY; 8]);
        let iptr = indices.as_ptr() as usize;
        let d = PyDict {
            table: RefCell::new(DictTable { indices, entries, len: 2, fill: 3, bloom: 0x5a5a_1234_abcd_0f0f }),
            version: Cell::new(77),
        };
        // SAFETY: `d` is live and not borrowed; a `PyDict` is made of initialised words
        // (pointers, lengths, the borrow flag, the version).
        let w = unsafe { crate::objects::seq_layout::words(&d as *const PyDict) };
        let at_ptr = crate::objects::seq_layout::only(w.len(), |i| w[i] == ptr)?;
        let at_len = crate::objects::seq_layout::only(w.len(), |i| w[i] == 5)?;
        let at_iptr = crate::objects::seq_layout::only(w.len(), |i| w[i] == iptr)?;
        let at_ilen = crate::objects::seq_layout::only(w.len(), |i| w[i] == 8)?;
        let at_bloom = crate::objects::seq_layout::only(w.len(), |i| w[i] == 0x5a5a_1234_abcd_0f0f)?;
        let e = EntriesLayout {
            ptr: 8 * at_ptr as i32,
            len: 8 * at_len as i32,
            size: size_of::<Entry>() as i32,
            key: std::mem::offset_of!(Entry, key) as i32,
            value: std::mem::offset_of!(Entry, value) as i32,
            hash: std::mem::offset_of!(Entry, hash) as i32,
            indices_ptr: 8 * at_iptr as i32,
            indices_len: 8 * at_ilen as i32,
            bloom: 8 * at_bloom as i32,
        };
        // The entry found there is the one built.
        // SAFETY: `ptr` is the live entries buffer; entry 3 is initialised.
        let k = unsafe { ((ptr + 3 * e.size as usize + e.key as usize) as *const usize).read() };
        (k == Value::small(103).bits()).then_some(e)
    })
}
