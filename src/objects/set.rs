//! `set` and `frozenset`: CPython's setobject.c table (open addressing with LINEAR_PROBES
//! linear probes then perturbed jumps, dummies for deletions, the same resize policy), so
//! iteration order matches CPython exactly. The operators and methods are in `set/ops.rs`.

pub mod ops;

use std::cell::{Cell, RefCell};

use crate::objects::dict::simple_eq;
use crate::objects::{Trace, types};
use crate::values::{Value, layout};
use crate::vm::{PyResult, Vm};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

#[derive(Clone)]
pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Active + dummy slots.
    pub fill: usize,
    /// Active slots.
    pub used: usize,
    /// Where `pop` resumes its scan.
    pub finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; MINSIZE], fill: 0, used: 0, finger: 0 }
    }
}

impl SetTable {
    #[inline]
    pub fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// set_insert_clean: places a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(slots[j], Slot::Empty) {
                        slots[j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// set_table_resize: a table of the smallest power of two > `minused`, re-inserting the
    /// active entries in slot order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
    }

    /// The active entries in table order.
    pub fn entries(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active(h, k) => Some((*h, k)),
            _ => None,
        })
    }
}

/// The payload of `set`; `frozenset` wraps the same table.
pub struct PySet {
    pub t: RefCell<SetTable>,
    /// Bumped on every change, so lookups that ran `__eq__` can detect mutation.
    pub version: Cell<u64>,
}
impl Trace for PySet {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(t) = self.t.try_borrow() {
            for (_, k) in t.entries() {
                visit(k);
            }
        }
    }
}

pub struct PyFrozenSet {
    pub s: PySet,
    /// Cached hash; `i64::MIN` until computed.
    pub hash: Cell<i64>,
}
impl Trace for PyFrozenSet {
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        self.s.trace(visit)
    }
}

/// Outcome of a probe.
enum Look {
    Found(usize),
    /// Absent: the slot to insert at (first dummy seen, else the empty slot) and whether it
    /// is a fresh empty slot (which increases `fill`).
    Absent(usize, bool),
}

impl Default for PySet {
    fn default() -> Self {
        PySet::new()
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet { t: RefCell::new(SetTable::default()), version: Cell::new(0) }
    }
    pub fn from_table(t: SetTable) -> PySet {
        PySet { t: RefCell::new(t), version: Cell::new(0) }
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.t.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }
    /// The keys in iteration order (cloned out).
    pub fn keys(&self) -> Vec<Value> {
        self.t.borrow().entries().map(|(_, k)| k.clone()).collect()
    }
    /// (hash, key) pairs in iteration order.
    pub fn hashed_keys(&self) -> Vec<(i64, Value)> {
        self.t.borrow().entries().map(|(h, k)| (h, k.clone())).collect()
    }

    /// set_lookkey / the probe of set_add_entry, running `__eq__` outside the borrow and
    /// restarting if the table changed meanwhile.
    fn look(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<Look> {
        'restart: loop {
            let v0 = self.version.get();
            let mask = self.t.borrow().mask();
            let mut i = (hash as u64 as usize) & mask;
            let mut perturb = hash as u64;
            let mut freeslot: Option<usize> = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    let cand = {
                        let t = self.t.borrow();
                        match &t.slots[j] {
                            Slot::Empty => {
                                return Ok(match freeslot {
                                    Some(f) => Look::Absent(f, false),
                                    None => Look::Absent(j, true),
                                });
                            }
                            Slot::Dummy => {
                                freeslot.get_or_insert(j);
                                None
                            }
                            Slot::Active(h, k) if *h == hash => match simple_eq(k, key) {
                                Some(true) => return Ok(Look::Found(j)),
                                Some(false) => None,
                                None => Some(k.clone()),
                            },
                            Slot::Active(..) => None,
                        }
                    };
                    if let Some(k) = cand {
                        let eq = vm.eq(&k, key)?;
                        if self.version.get() != v0 {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Look::Found(j));
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    pub fn contains_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.look(vm, key, hash)?, Look::Found(_)))
    }

    /// set_add_entry.
    pub fn add_hashed(&self, vm: &mut Vm, key: Value, hash: i64) -> PyResult<()> {
        match self.look(vm, &key, hash)? {
            Look::Found(_) => Ok(()),
            Look::Absent(slot, fresh) => {
                let mut t = self.t.borrow_mut();
                t.slots[slot] = Slot::Active(hash, key);
                t.used += 1;
                if fresh {
                    t.fill += 1;
                    let mask = t.mask();
                    if t.fill * 5 >= mask * 3 {
                        let n = if t.used > 50000 { t.used * 2 } else { t.used * 4 };
                        t.resize(n);
                    }
                }
                drop(t);
                self.bump();
                Ok(())
            }
        }
    }

    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let h = vm.hash(&key)?;
        self.add_hashed(vm, key, h)
    }

    /// set_discard_entry: true if the key was present.
    pub fn discard_hashed(&self, vm: &mut Vm, key: &Value, hash: i64) -> PyResult<bool> {
        match self.look(vm, key, hash)? {
            Look::Found(j) => {
                let old = {
                    let mut t = self.t.borrow_mut();
                    t.used -= 1;
                    std::mem::replace(&mut t.slots[j], Slot::Dummy)
                };
                self.bump();
                drop(old);
                Ok(true)
            }
            Look::Absent(..) => Ok(false),
        }
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.t.borrow_mut());
        self.bump();
        drop(old);
    }

    /// set_pop (the finger makes repeated pops cheap).
    pub fn pop(&self) -> Option<Value> {
        let v = {
            let mut t = self.t.borrow_mut();
            if t.used == 0 {
                return None;
            }
            let mask = t.mask();
            let mut i = t.finger & mask;
            while !matches!(t.slots[i], Slot::Active(..)) {
                i += 1;
                if i > mask {
                    i = 0;
                }
            }
            let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
            t.used -= 1;
            t.finger = i + 1;
            match old {
                Slot::Active(_, k) => Some(k),
                _ => None,
            }
        };
        self.bump();
        v
    }

    /// Replaces the table (set_swap_bodies for in-place operators).
    pub fn replace_table(&self, t: SetTable) {
        let old = std::mem::replace(&mut *self.t.borrow_mut(), t);
        self.bump();
        drop(old);
    }

    /// set_merge: adds every entry of `other`'s table.
    pub fn merge(&self, vm: &mut Vm, other: &PySet) -> PyResult<()> {
        let (ofill, oused, omask) = {
            let o = other.t.borrow();
            (o.fill, o.used, o.mask())
        };
        if oused == 0 {
            return Ok(());
        }
        {
            let mut t = self.t.borrow_mut();
            if (t.fill + oused) * 5 >= t.mask() * 3 {
                let n = (t.used + oused) * 2;
                t.resize(n);
            }
        }
        let other_slots = other.t.borrow().slots.clone();
        let (fill, mask) = {
            let t = self.t.borrow();
            (t.fill, t.mask())
        };
        if fill == 0 && mask == omask && ofill == oused {
            let mut t = self.t.borrow_mut();
            t.slots = other_slots;
            t.fill = ofill;
            t.used = oused;
            drop(t);
            self.bump();
            return Ok(());
        }
        if fill == 0 {
            let mut t = self.t.borrow_mut();
            t.fill = oused;
            t.used = oused;
            for s in other_slots {
                if let Slot::Active(h, k) = s {
                    SetTable::insert_clean(&mut t.slots, h, k);
                }
            }
            drop(t);
            self.bump();
            return Ok(());
        }
        for s in other_slots {
            if let Slot::Active(h, k) = s {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// set_update_internal: adds the items of any iterable.
    pub fn update(&self, vm: &mut Vm, other: &Value) -> PyResult<()> {
        if let Some(o) = any_set(other) {
            if std::ptr::eq(o, self) {
                return Ok(());
            }
            return self.merge(vm, o);
        }
        if other.kind() == crate::values::Kind::Dict {
            if let Some(d) = other.payload::<crate::objects::dict::PyDict>() {
                let n = d.len();
                {
                    let mut t = self.t.borrow_mut();
                    if (t.fill + n) * 5 >= t.mask() * 3 {
                        let m = (t.used + n) * 2;
                        t.resize(m);
                    }
                }
                let entries: Vec<(i64, Value)> = d.table().iter().map(|e| (e.hash, e.key.clone())).collect();
                for (h, k) in entries {
                    self.add_hashed(vm, k, h)?;
                }
                return Ok(());
            }
        }
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            self.add(vm, k)?;
        }
        Ok(())
    }
}

/// `SetUpdate` of a set display. CPython compiles a display of 3+ constants to a constant
/// frozenset merged into an empty set, which fixes the iteration order: an exact tuple
/// merged into an empty set replays that (build the frozenset table, then `merge`).
pub fn display_update(vm: &mut Vm, s: &Value, it: &Value) -> PyResult<()> {
    let Some(target) = s.downcast::<PySet>() else {
        let items = vm.to_vec(it)?;
        for v in items {
            vm.call_method(s, "add", &[v])?;
        }
        return Ok(());
    };
    if it.kind() == crate::values::Kind::Tuple && target.t.borrow().fill == 0 {
        // The constant folder builds frozenset(tuple); merging constants then rebuilds it
        // from its own iteration order (compile.c merge_consts_recursive).
        let first = PySet::new();
        for v in it.as_tuple().unwrap_or(&[]).to_vec() {
            first.add(vm, v)?;
        }
        let second = PySet::new();
        for (h, k) in first.hashed_keys() {
            second.add_hashed(vm, k, h)?;
        }
        return target.merge(vm, &second);
    }
    let items = vm.to_vec(it)?;
    for v in items {
        target.add(vm, v)?;
    }
    Ok(())
}

/// The set table of a `set`, `frozenset`, or an instance of a subclass of either.
pub fn any_set(v: &Value) -> Option<&PySet> {
    if let Some(s) = v.downcast::<PySet>() {
        return Some(s);
    }
    v.downcast::<PyFrozenSet>().map(|f| &f.s)
}

/// Is `v` a frozenset (or subclass instance)?
pub fn is_frozen(v: &Value) -> bool {
    v.downcast::<PyFrozenSet>().is_some()
}

pub fn new_set_from_table(t: SetTable) -> Value {
    layout::alloc(&types().set, PySet::from_table(t))
}

pub fn new_frozenset_from_table(t: SetTable) -> Value {
    layout::alloc(&types().frozenset, PyFrozenSet { s: PySet::from_table(t), hash: Cell::new(i64::MIN) })
}

/// An empty set.
pub fn new_set() -> Value {
    new_set_from_table(SetTable::default())
}

/// `set(iterable)`.
pub fn set_from_iter(vm: &mut Vm, it: &Value) -> PyResult {
    let s = new_set();
    if let Some(p) = s.payload::<PySet>() {
        p.update(vm, it)?;
    }
    Ok(s)
}

/// `frozenset(iterable)`.
pub fn frozenset_from_iter(vm: &mut Vm, it: &Value) -> PyResult {
    let f = new_frozenset_from_table(SetTable::default());
    if let Some(p) = f.payload::<PyFrozenSet>() {
        p.s.update(vm, it)?;
    }
    Ok(f)
}

/// CPython's frozenset hash (order-independent, shuffled entry hashes).
pub fn frozenset_hash(s: &PySet) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let t = s.t.borrow();
    let mut hash: u64 = 0;
    for (h, _) in t.entries() {
        hash ^= shuffle(h as u64);
    }
    hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX { 590923713 } else { hash as i64 }
}

/// Registers this type's native methods (called once at start-up).
pub fn init() {
    ops::init();
}
