//! `groupby` (with its `_grouper` sub-iterators) and `tee` (with its `_tee` copies): the
//! itertools objects that share state with each other, through an `Rc<RefCell<_>>` that
//! is never borrowed across a call into Python.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::objects::iter::NativeIter;
use crate::objects::none;
use crate::objects::sequtil::new_cls;
use crate::objects::tuple::new_tuple;
use crate::values::Value;
use crate::vm::errors::{runtime_error, type_error, value_error};
use crate::vm::{Args, PyResult, Vm};

use super::{bind_kw, classes, make, ssize, with_state};

// ---- groupby ----

#[derive(Default)]
struct GroupState {
    it: Option<Value>,
    keyfunc: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Id of the one grouper that may still advance (a newer group invalidates older ones).
    currgrouper: u64,
    next_id: u64,
}

type Shared<T> = Rc<RefCell<T>>;

/// Reads the next item and its key into the state (`false`: exhausted).
fn group_step(vm: &mut Vm, st: &Shared<GroupState>) -> PyResult<bool> {
    let (it, keyfunc) = {
        let s = st.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(it) = it else { return Ok(false) };
    let Some(v) = vm.next(&it)? else { return Ok(false) };
    let key = match keyfunc {
        None => v.clone(),
        Some(f) => vm.call_pos(&f, std::slice::from_ref(&v))?,
    };
    let mut s = st.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(key);
    Ok(true)
}

struct GroupBy {
    st: Shared<GroupState>,
}
impl NativeIter for GroupBy {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        self.st.borrow_mut().currgrouper = 0;
        // Skip the rest of the current group.
        loop {
            let (curr, tgt) = {
                let s = self.st.borrow();
                (s.currkey.clone(), s.tgtkey.clone())
            };
            match (curr, tgt) {
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    if !vm.eq(&t, &c)? {
                        break;
                    }
                }
                (None, _) => {}
            }
            if !group_step(vm, &self.st)? {
                return Ok(None);
            }
        }
        let mut s = self.st.borrow_mut();
        let key = s.currkey.clone().unwrap_or_else(none);
        s.tgtkey = Some(key.clone());
        s.next_id += 1;
        let id = s.next_id;
        s.currgrouper = id;
        drop(s);
        let g = Grouper { st: self.st.clone(), tgtkey: key.clone(), id };
        let gv = make(&classes().grouper, &classes().grouper, Box::new(g));
        Ok(Some(new_tuple(vec![key, gv])))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(s) = self.st.try_borrow() {
            s.it.iter().chain(&s.keyfunc).chain(&s.tgtkey).chain(&s.currkey).chain(&s.currvalue).for_each(visit);
        }
    }
}

struct Grouper {
    st: Shared<GroupState>,
    tgtkey: Value,
    id: u64,
}
impl NativeIter for Grouper {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.st.borrow().currgrouper != self.id {
            return Ok(None);
        }
        if self.st.borrow().currvalue.is_none() && !group_step(vm, &self.st)? {
            return Ok(None);
        }
        let curr = self.st.borrow().currkey.clone().unwrap_or_else(none);
        if !vm.eq(&self.tgtkey, &curr)? {
            return Ok(None);
        }
        Ok(self.st.borrow_mut().currvalue.take())
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.tgtkey);
    }
}

pub(super) fn groupby_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let cls = new_cls(&args, &classes().groupby)?;
    let b = bind_kw(&args, "groupby", &["iterable", "key"], 1)?;
    let it = vm.iter(b[0].as_ref().unwrap_or(&none()))?;
    let keyfunc = b[1].clone().filter(|k| !k.is_none());
    let st = GroupState { it: Some(it), keyfunc, ..Default::default() };
    Ok(make(cls, &classes().groupby, Box::new(GroupBy { st: Rc::new(RefCell::new(st)) })))
}

pub(super) fn grouper_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult {
    Err(type_error("cannot create 'itertools._grouper' instances"))
}

// ---- tee ----

/// The items read from the underlying iterator and not yet seen by every copy.
struct TeeData {
    it: Value,
    buf: VecDeque<Value>,
    /// Absolute index of `buf[0]`.
    base: u64,
    /// Position of each live copy, by id.
    positions: Vec<(u64, u64)>,
    next_id: u64,
    running: bool,
}

impl TeeData {
    /// Drops the items every live copy has passed.
    fn trim(&mut self) {
        let low = self.positions.iter().map(|p| p.1).min().unwrap_or(self.base + self.buf.len() as u64);
        while self.base < low && !self.buf.is_empty() {
            self.buf.pop_front();
            self.base += 1;
        }
    }
    fn register(&mut self, pos: u64) -> u64 {
        self.next_id += 1;
        self.positions.push((self.next_id, pos));
        self.next_id
    }
}

pub(super) struct Tee {
    data: Shared<TeeData>,
    id: u64,
    pos: u64,
}
impl Drop for Tee {
    fn drop(&mut self) {
        if let Ok(mut d) = self.data.try_borrow_mut() {
            d.positions.retain(|p| p.0 != self.id);
            d.trim();
        }
    }
}
impl NativeIter for Tee {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let (item, it) = {
            let d = self.data.borrow();
            let ix = (self.pos - d.base) as usize;
            (d.buf.get(ix).cloned(), d.it.clone())
        };
        let item = match item {
            Some(v) => v,
            None => {
                if self.data.borrow().running {
                    return Err(runtime_error("cannot re-enter the tee iterator"));
                }
                self.data.borrow_mut().running = true;
                let r = vm.next(&it);
                self.data.borrow_mut().running = false;
                let Some(v) = r? else { return Ok(None) };
                self.data.borrow_mut().buf.push_back(v.clone());
                v
            }
        };
        self.pos += 1;
        let mut d = self.data.borrow_mut();
        let (id, pos) = (self.id, self.pos);
        if let Some(p) = d.positions.iter_mut().find(|p| p.0 == id) {
            p.1 = pos;
        }
        d.trim();
        Ok(Some(item))
    }
    fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(d) = self.data.try_borrow() {
            visit(&d.it);
            d.buf.iter().for_each(visit);
        }
    }
    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

fn new_tee(data: Shared<TeeData>, pos: u64) -> Value {
    let id = data.borrow_mut().register(pos);
    make(&classes().tee, &classes().tee, Box::new(Tee { data, id, pos }))
}

/// A `_tee` over `iterable`: a copy when its iterator already is one.
fn tee_fromiterable(vm: &mut Vm, iterable: &Value) -> PyResult {
    let it = vm.iter(iterable)?;
    if let Ok(v) = with_state::<Tee, _>(&it, |t| (t.data.clone(), t.pos)) {
        return Ok(new_tee(v.0, v.1));
    }
    let data = TeeData { it, buf: VecDeque::new(), base: 0, positions: Vec::new(), next_id: 0, running: false };
    Ok(new_tee(Rc::new(RefCell::new(data)), 0))
}

pub(super) fn tee_new(vm: &mut Vm, args: Args<'_>) -> PyResult {
    let _ = new_cls(&args, &classes().tee)?;
    let [x] = super::exact_rest::<1>(&args, "_tee")?;
    tee_fromiterable(vm, x)
}

pub(super) fn tee_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult {
    let [s] = args.exact::<1>("__copy__")?;
    let (data, pos) = with_state::<Tee, _>(s, |t| (t.data.clone(), t.pos))?;
    Ok(new_tee(data, pos))
}

/// `tee(iterable, n=2)`: n independent iterators; an iterator with `__copy__` is copied
/// through it, as CPython does.
pub(super) fn tee(vm: &mut Vm, args: Args<'_>) -> PyResult {
    args.no_kwargs("tee")?;
    let p = args.pos();
    if p.is_empty() {
        return Err(type_error("tee expected at least 1 argument, got 0"));
    }
    if p.len() > 2 {
        return Err(type_error(format!("tee expected at most 2 arguments, got {}", p.len())));
    }
    let n = match p.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let it = vm.iter(&p[0])?;
    let (first, copyfunc) = match vm.getattr_str(&it, "__copy__") {
        Ok(f) => (it, f),
        Err(e) if e.matches(&crate::objects::registry::exc().attribute_error) => {
            let t = tee_fromiterable(vm, &it)?;
            let f = vm.getattr_str(&t, "__copy__")?;
            (t, f)
        }
        Err(e) => return Err(e),
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(vm.call_pos(&copyfunc, &[])?);
    }
    Ok(new_tuple(out))
}
