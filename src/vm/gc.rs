//! The cycle collector (CPython's algorithm): the candidates are the container objects on
//! the generation lists being collected; each gets `gc_refs` = its refcount minus the
//! references from other candidates (found through the payloads' `Trace`). Candidates
//! with references left are referenced from outside (frames, native state, older
//! generations) and, with everything they reach, survive into the next generation; the
//! rest is garbage. Garbage first loses its weak references (callbacks of surviving weak
//! references run), then `__del__` runs once per object (PEP 442); objects resurrected by
//! it survive; the remaining cycles are broken by clearing each container (tp_clear).
//!
//! Frames are not heap objects here, so whatever they hold counts as external references:
//! every thread's frames are roots without being scanned.

use std::sync::Mutex;
use std::sync::atomic::Ordering;

use crate::objects::cell::PyCell;
use crate::objects::dict::PyDict;
use crate::objects::instance::Instance;
use crate::objects::int::new_int;
use crate::objects::list::{PyList, new_list};
use crate::objects::str::new_str;
use crate::objects::tuple::PyTuple;
use crate::values::gil::GilCell;
use crate::values::layout::{self, FLAG_DICT_EXPOSED, FLAG_FINALIZED, FLAG_IMMORTAL, GC_COUNT, GC_TRIGGER};
use crate::values::{Kind, Value};
use crate::vm::Vm;

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: u64,
    pub collected: u64,
    pub uncollectable: u64,
}

/// Collector settings and counters (plain data; the object lists live in `layout`).
pub struct GcState {
    pub enabled: bool,
    pub thresholds: [u32; 3],
    /// Collections of the next-younger generation since this one was collected (1 and 2).
    pub counts: [u32; 3],
    pub debug: i64,
    pub stats: [GenStats; 3],
    pub collecting: bool,
    /// Objects in generation 2 after the last full collection, and objects promoted into
    /// it since: CPython runs a full collection only once the second reaches a quarter of
    /// the first, so building a big structure stays linear.
    pub long_lived_total: usize,
    pub long_lived_pending: usize,
}

pub static STATE: Mutex<GcState> = Mutex::new(GcState {
    enabled: true,
    thresholds: [700, 10, 10],
    counts: [0; 3],
    debug: 0,
    stats: [GenStats { collections: 0, collected: 0, uncollectable: 0 }; 3],
    collecting: false,
    long_lived_total: 0,
    long_lived_pending: 0,
});

/// `gc.callbacks` and `gc.garbage`: lists shared by the module and the collector.
pub struct GcLists {
    pub callbacks: Value,
    pub garbage: Value,
}
static LISTS: GilCell<GcLists> = GilCell::new();

pub fn lists() -> &'static GcLists {
    LISTS.init(|| GcLists { callbacks: new_list(vec![]), garbage: new_list(vec![]) })
}

pub fn state<R>(f: impl FnOnce(&mut GcState) -> R) -> R {
    let mut g = STATE.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut g)
}

/// Re-arms the allocation trigger from the settings (after enable/disable/set_threshold).
pub fn update_trigger() {
    let t = state(|s| if s.enabled && s.thresholds[0] > 0 { s.thresholds[0] } else { u32::MAX });
    GC_TRIGGER.store(t, Ordering::Relaxed);
}

/// Turns automatic collection on at interpreter start-up.
pub fn init() {
    update_trigger();
}

/// Generation 0 passed its threshold (`BREAK_GC`): collect the oldest generation whose
/// count exceeds its threshold, as CPython's `collect_generations` does.
pub fn collect_automatic(vm: &mut Vm) {
    // CPython's `gc_collect_generations`: the oldest generation over its threshold, except
    // that a full collection waits for enough promoted objects (then look younger).
    let pick = state(|s| {
        if !s.enabled || s.collecting {
            return None;
        }
        let counts = [GC_COUNT.load(Ordering::Relaxed), s.counts[1], s.counts[2]];
        (0..3).rev().find(|&g| {
            counts[g] > s.thresholds[g]
                && s.thresholds[g] > 0
                && !(g == 2 && s.long_lived_pending < s.long_lived_total / 4)
        })
    });
    if let Some(g) = pick {
        let _ = collect_generation(vm, g);
    }
}

/// Calls `visit` on each object `v`'s payload references.
pub fn referents(v: &Value, visit: &mut dyn FnMut(&Value)) {
    layout::trace_value(v, visit);
}

/// Could this object be (or become) tracked, as CPython's `_PyObject_GC_MAY_BE_TRACKED`?
fn may_be_tracked(v: &Value) -> bool {
    layout::gc_is_container(v)
        && v.header().is_some_and(|h| h.flags() & FLAG_IMMORTAL == 0)
        && (v.kind() != Kind::Tuple || layout::gc_is_tracked(v))
}

/// `gc.is_tracked(obj)` with CPython's rules: dicts count as tracked only once they hold
/// something that may be tracked (ours stay on the lists: no insertion hook needed).
pub fn is_tracked(v: &Value) -> bool {
    if !layout::gc_is_tracked(v) {
        return false;
    }
    match v.payload::<PyDict>() {
        Some(d) => d.items().iter().any(|(k, x)| may_be_tracked(k) || may_be_tracked(x)),
        None => true,
    }
}

/// Tuples holding nothing trackable leave the lists (CPython's `_PyTuple_MaybeUntrack`).
fn tuple_untrackable(v: &Value) -> bool {
    v.payload::<PyTuple>().is_some_and(|t| t.0.iter().all(|e| !may_be_tracked(e)))
}

fn call_callbacks(vm: &mut Vm, phase: &str, g_n: usize, collected: usize, uncollectable: usize) {
    let cbs = lists().callbacks.payload::<PyList>().map(|l| l.0.borrow().clone()).unwrap_or_default();
    if cbs.is_empty() {
        return;
    }
    let info = crate::objects::dict::methods::new_dict();
    if let Some(d) = info.payload::<PyDict>() {
        d.set_str(new_str("generation"), new_int(g_n as i64));
        d.set_str(new_str("collected"), new_int(collected as i64));
        d.set_str(new_str("uncollectable"), new_int(uncollectable as i64));
    }
    let phase = new_str(phase);
    for cb in cbs {
        if let Err(e) = vm.call_pos(&cb, &[phase.clone(), info.clone()]) {
            let what = vm.repr_string(&cb).unwrap_or_default();
            vm.report_unraisable(&format!("Exception ignored in: {what}"), &e.0);
        }
    }
}

/// Collects generations `0..=g_n`; returns (unreachable found, uncollectable).
pub fn collect_generation(vm: &mut Vm, g_n: usize) -> (usize, usize) {
    let g_n = g_n.min(2);
    let busy = state(|s| std::mem::replace(&mut s.collecting, true));
    if busy {
        return (0, 0);
    }
    call_callbacks(vm, "start", g_n, 0, 0);
    let debug = state(|s| {
        if g_n + 1 < 3 {
            s.counts[g_n + 1] += 1;
        }
        for c in s.counts.iter_mut().take(g_n + 1) {
            *c = 0;
        }
        s.debug
    });
    GC_COUNT.store(0, Ordering::Relaxed);
    let (m, n) = collect_inner(vm, g_n, debug);
    state(|s| {
        let st = &mut s.stats[g_n];
        st.collections += 1;
        st.collected += m as u64;
        st.uncollectable += n as u64;
        s.collecting = false;
    });
    call_callbacks(vm, "stop", g_n, m, n);
    (m, n)
}

fn collect_inner(vm: &mut Vm, g_n: usize, debug: i64) -> (usize, usize) {
    let objs = layout::gc_take(g_n);
    let n = objs.len();
    // gc_refs: counts not explained by other candidates (minus our own reference).
    let mut refs: Vec<i64> = objs.iter().map(|o| o.refcount() as i64 - 1).collect();
    for o in &objs {
        referents(o, &mut |c| {
            if let Some(j) = layout::gc_index(c) {
                if let Some(r) = refs.get_mut(j) {
                    *r -= 1;
                }
            }
        });
    }
    // A base's list of subclasses is weak in CPython: entries held by bases outside the
    // collection (`object`) do not keep a class alive.
    for (i, o) in objs.iter().enumerate() {
        if let Some(t) = o.as_type() {
            for b in t.bases.borrow().iter() {
                if layout::gc_index(b).is_none() {
                    if let Some(bt) = b.as_type() {
                        refs[i] -= bt.subclasses.borrow().iter().filter(|s| s.is(o)).count() as i64;
                    }
                }
            }
        }
    }
    let mut reachable = vec![false; n];
    let mut stack: Vec<usize> = (0..n).filter(|&i| refs[i] > 0).collect();
    for &i in &stack {
        reachable[i] = true;
    }
    mark_from(&objs, &mut reachable, &mut stack);
    let dest = if g_n >= 2 { 2 } else { g_n + 1 };
    let mut garbage = Vec::new();
    let mut promoted = 0;
    for (i, o) in objs.iter().enumerate() {
        if reachable[i] {
            let keep = !(o.kind() == Kind::Tuple && tuple_untrackable(o));
            promoted += usize::from(keep);
            layout::gc_release(o, keep.then_some(dest));
        } else {
            garbage.push(o.clone());
        }
    }
    state(|s| match g_n {
        1 => s.long_lived_pending += promoted,
        2 => {
            s.long_lived_total = promoted;
            s.long_lived_pending = 0;
        }
        _ => {}
    });
    drop(objs);
    if garbage.is_empty() {
        return (0, 0);
    }
    // CPython 3.11 counts an instance's `__dict__` only once it was materialized.
    let hidden_dicts: Vec<usize> = garbage
        .iter()
        .filter_map(|o| o.payload::<Instance>().and_then(|i| i.dict.borrow().as_ref().map(Value::bits)))
        .collect();
    let m = garbage
        .iter()
        .filter(|o| {
            !(o.kind() == Kind::Dict
                && hidden_dicts.contains(&o.bits())
                && o.header().is_some_and(|h| h.flags() & FLAG_DICT_EXPOSED == 0))
        })
        .count();
    if debug & DEBUG_COLLECTABLE != 0 {
        for o in &garbage {
            let tn = crate::vm::protocol::type_name(o);
            eprintln!("gc: collectable <{} {:#x}>", tn, o.bits());
        }
    }
    // Weak references to garbage: cleared; callbacks only for references that survive.
    let mut ran_code = false;
    for o in &garbage {
        for wr in layout::weak_refs_to(o) {
            if layout::gc_index(&wr).is_some() {
                crate::objects::weakref::discard_callback(&wr);
            }
        }
        layout::weak_clear_value(o);
    }
    ran_code |= crate::objects::weakref::run_pending_callbacks(vm);
    // PEP 442: each `__del__` runs once, with the cycle intact.
    let has_fin = layout::HAS_FINALIZER.get();
    let mut fin = Vec::new();
    for o in &garbage {
        if matches!(o.kind(), Kind::Instance | Kind::Generator) {
            if let Some(h) = o.header() {
                if h.flags() & FLAG_FINALIZED == 0 && has_fin.is_some_and(|f| f(o)) {
                    h.set_flag(FLAG_FINALIZED);
                    fin.push(o.clone());
                }
            }
        }
    }
    if !fin.is_empty() {
        layout::PENDING_FINALIZERS.borrow_mut().extend(fin);
        vm.run_pending_finalizers();
        ran_code = true;
    }
    if ran_code {
        garbage = drop_resurrected(garbage, dest);
    }
    if debug & DEBUG_SAVEALL != 0 {
        if let Some(l) = lists().garbage.payload::<PyList>() {
            l.0.borrow_mut().extend(garbage.iter().cloned());
        }
    } else {
        for o in &garbage {
            clear(o);
        }
    }
    for o in &garbage {
        layout::gc_release(o, None);
    }
    drop(garbage);
    (m, 0)
}

fn mark_from(objs: &[Value], reachable: &mut [bool], stack: &mut Vec<usize>) {
    while let Some(i) = stack.pop() {
        referents(&objs[i], &mut |c| {
            if let Some(j) = layout::gc_index(c) {
                if j < reachable.len() && !reachable[j] {
                    reachable[j] = true;
                    stack.push(j);
                }
            }
        });
    }
}

/// After finalizers ran: garbage referenced from outside the garbage again (resurrected),
/// and everything it reaches, goes back to generation `dest`; returns the rest.
fn drop_resurrected(garbage: Vec<Value>, dest: usize) -> Vec<Value> {
    // Reindex: only garbage is still collecting; positions in `garbage` become the index.
    let idx: std::collections::HashMap<usize, usize> = garbage.iter().enumerate().map(|(i, o)| (o.bits(), i)).collect();
    let n = garbage.len();
    let mut refs: Vec<i64> = garbage.iter().map(|o| o.refcount() as i64 - 1).collect();
    for o in &garbage {
        referents(o, &mut |c| {
            if layout::gc_index(c).is_some() {
                if let Some(&j) = idx.get(&c.bits()) {
                    refs[j] -= 1;
                }
            }
        });
    }
    for (i, o) in garbage.iter().enumerate() {
        if let Some(t) = o.as_type() {
            for b in t.bases.borrow().iter() {
                if layout::gc_index(b).is_none() {
                    if let Some(bt) = b.as_type() {
                        refs[i] -= bt.subclasses.borrow().iter().filter(|s| s.is(o)).count() as i64;
                    }
                }
            }
        }
    }
    let mut alive = vec![false; n];
    let mut stack: Vec<usize> = (0..n).filter(|&i| refs[i] > 0).collect();
    if stack.is_empty() {
        return garbage;
    }
    for &i in &stack {
        alive[i] = true;
    }
    while let Some(i) = stack.pop() {
        referents(&garbage[i], &mut |c| {
            if layout::gc_index(c).is_some() {
                if let Some(&j) = idx.get(&c.bits()) {
                    if !alive[j] {
                        alive[j] = true;
                        stack.push(j);
                    }
                }
            }
        });
    }
    let mut rest = Vec::new();
    for (i, o) in garbage.into_iter().enumerate() {
        if alive[i] {
            layout::gc_release(&o, Some(dest));
        } else {
            rest.push(o);
        }
    }
    rest
}

/// Breaks the references a garbage container holds (CPython's tp_clear).
fn clear(v: &Value) {
    match v.kind() {
        Kind::List => {
            if let Some(l) = v.payload::<PyList>() {
                let old = l.0.try_borrow_mut().map(|mut x| std::mem::take(&mut *x)).unwrap_or_default();
                drop(old);
            }
        }
        Kind::Dict => {
            if let Some(d) = v.payload::<PyDict>() {
                d.clear();
            }
        }
        Kind::Set => {
            if let Some(s) = v.payload::<crate::objects::set::PySet>() {
                let old = s.t.try_borrow_mut().map(|mut t| std::mem::take(&mut *t)).ok();
                drop(old);
            }
        }
        Kind::FrozenSet => {
            if let Some(s) = v.payload::<crate::objects::set::PyFrozenSet>() {
                let old = s.s.t.try_borrow_mut().map(|mut t| std::mem::take(&mut *t)).ok();
                drop(old);
            }
        }
        Kind::Instance => {
            if let Some(i) = v.payload::<Instance>() {
                let d = i.dict.take();
                drop(d);
                for s in i.slots.iter() {
                    let x = s.take();
                    drop(x);
                }
            }
        }
        Kind::Cell => {
            if let Some(c) = v.payload::<PyCell>() {
                let x = c.0.take();
                drop(x);
            }
        }
        Kind::Function => {
            if let Some(f) = v.payload::<crate::objects::function::PyFunction>() {
                let a = (f.defaults.take(), f.kwdefaults.take(), f.dict.take(), f.annotations.take());
                drop(a);
            }
        }
        Kind::Generator => {
            if let Some(g) = v.payload::<crate::objects::generator::PyGenerator>() {
                let fr = g.frame.try_borrow_mut().map(|mut f| f.take()).ok().flatten();
                drop(fr);
            }
        }
        Kind::Exception => {
            if let Some(e) = v.payload::<crate::objects::exception::PyException>() {
                let a = (e.traceback.take(), e.cause.take(), e.context.take(), e.dict.take());
                drop(a);
                let attrs = e.attrs.try_borrow_mut().map(|mut x| std::mem::take(&mut *x)).unwrap_or_default();
                drop(attrs);
            }
        }
        Kind::Frame => {
            if let Some(f) = v.payload::<crate::objects::frame::PyFrameObj>() {
                let a = (f.locals.take(), f.back.take());
                drop(a);
            }
        }
        Kind::Traceback => {
            if let Some(t) = v.payload::<crate::objects::frame::PyTraceback>() {
                let x = t.next.take();
                drop(x);
            }
        }
        Kind::Type => {
            if let Some(t) = v.as_type() {
                t.dict.clear();
                // Leave the bases' subclass lists (weak references in CPython).
                for b in t.bases.borrow().iter() {
                    if let Some(bt) = b.as_type() {
                        let gone: Vec<Value> = {
                            let mut subs = bt.subclasses.borrow_mut();
                            let (out, keep): (Vec<Value>, Vec<Value>) = subs.drain(..).partition(|s| s.is(v));
                            *subs = keep;
                            out
                        };
                        drop(gone);
                    }
                }
                let mro = std::mem::take(&mut *t.mro.borrow_mut());
                drop(mro);
            }
        }
        Kind::WeakRef => crate::objects::weakref::discard_callback(v),
        _ => {}
    }
}

/// Every tracked object in generations `gens` (for `gc.get_objects`/`get_referrers`).
pub fn tracked_objects(gens: std::ops::RangeInclusive<usize>) -> Vec<Value> {
    gens.flat_map(layout::gc_objects).collect()
}
