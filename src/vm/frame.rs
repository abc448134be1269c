//! Interpreter frames: the explicit activation records the loop (and compiled code) runs.
//!
//! ```text
//!   Frame (#[repr(C)]: compiled code reads the first fields at the offsets below)
//!   +0   slots.base       ─┐  pointers into one block, CPython's localsplus:
//!   +8   slots.stack_base  │    [base, stack_base)  fast locals: varnames, cellvars (cells),
//!   +16  slots.top         │                        freevars (cells); None = unbound
//!   +24  slots.limit       │    [stack_base, top)   the value stack, bottom first
//!   +32  slots.nlocals    ─┘    stack_base - base (in slots)
//!   +40  pc          index of the next instruction to run
//!   +44  lasti       index of the instruction running now (tracebacks, f_lasti)
//!   +48  code, globals, builtins, locals dict (module and class bodies), func, ...
//! ```
//! The back link is implicit: the frame below on `Vm::frames`. Frames are pooled per
//! thread (`Vm::frame_pool`) and keep their slot block, so a call allocates nothing once
//! the pool is warm. Compiled code keeps the frame pointer, reads and writes locals and
//! stack slots at `base + 8 * i`, and stores `top`, `pc` and `lasti` before it leaves or
//! calls out (docs/jit.md).

use std::mem::offset_of;
use std::ptr::NonNull;

use crate::bytecode::code::Code;
use crate::values::Value;

/// Byte offsets of the fields compiled code reads and writes (checked below).
pub const OFF_SLOTS_BASE: i32 = 0;
pub const OFF_STACK_BASE: i32 = 8;
pub const OFF_STACK_TOP: i32 = 16;
pub const OFF_STACK_LIMIT: i32 = 24;
pub const OFF_NLOCALS: i32 = 32;
pub const OFF_PC: i32 = 40;
pub const OFF_LASTI: i32 = 44;
/// Bytes per slot: a slot is one `Option<Value>` word (0 = unbound local).
pub const SLOT_BYTES: i32 = 8;

const _: () = {
    assert!(offset_of!(Frame, slots) as i32 + offset_of!(LocalsPlus, base) as i32 == OFF_SLOTS_BASE);
    assert!(offset_of!(Frame, slots) as i32 + offset_of!(LocalsPlus, stack_base) as i32 == OFF_STACK_BASE);
    assert!(offset_of!(Frame, slots) as i32 + offset_of!(LocalsPlus, top) as i32 == OFF_STACK_TOP);
    assert!(offset_of!(Frame, slots) as i32 + offset_of!(LocalsPlus, limit) as i32 == OFF_STACK_LIMIT);
    assert!(offset_of!(Frame, slots) as i32 + offset_of!(LocalsPlus, nlocals) as i32 == OFF_NLOCALS);
    assert!(offset_of!(Frame, pc) as i32 == OFF_PC);
    assert!(offset_of!(Frame, lasti) as i32 == OFF_LASTI);
    assert!(size_of::<Option<Value>>() as i32 == SLOT_BYTES);
    assert!(size_of::<Value>() as i32 == SLOT_BYTES);
};

/// A frame's locals and value stack in one heap block of `cap` slots.
///
/// Invariants: slots `[base, stack_base)` are initialised locals (`None` = unbound);
/// slots `[stack_base, top)` are the stack, all `Some`; slots `[top, limit)` are
/// uninitialised (may hold bits of values already moved out: never read or dropped). So
/// a pop is one read and a push one write, as with a `Vec`. The fields are pointers, as
/// CPython's `stack_pointer`, so a push or pop does no index arithmetic. The block is
/// owned: only this type allocates, reallocates and frees it.
#[repr(C)]
pub struct LocalsPlus {
    base: NonNull<Option<Value>>,
    stack_base: *mut Option<Value>,
    top: *mut Option<Value>,
    limit: *mut Option<Value>,
    /// `stack_base - base`, kept so a local's bounds check is one compare.
    nlocals: usize,
}

impl LocalsPlus {
    /// A block for `nlocals` unbound locals and a stack of `stacksize`.
    pub fn new(nlocals: usize, stacksize: usize) -> LocalsPlus {
        let cap = nlocals + stacksize + 1;
        let base = Self::alloc_block(cap);
        let p = base.as_ptr();
        // SAFETY: `cap` slots were allocated at `p`; these are in-bounds offsets (or one past the end).
        let mut lp = LocalsPlus { base, stack_base: p, top: p, limit: unsafe { p.add(cap) }, nlocals: 0 };
        lp.set_nlocals(nlocals);
        lp
    }

    /// An uninitialised block of `cap` slots (at least one).
    fn alloc_block(cap: usize) -> NonNull<Option<Value>> {
        let mut v: Vec<Option<Value>> = Vec::with_capacity(cap.max(1));
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        // SAFETY: a Vec with non-zero capacity has a non-null buffer.
        unsafe { NonNull::new_unchecked(p) }
    }

    /// Slots in the block.
    #[inline(always)]
    fn cap(&self) -> usize {
        // SAFETY: both pointers are into (or one past) the same block.
        unsafe { self.limit.offset_from(self.base.as_ptr()) as usize }
    }

    /// Is the block laid out for `nlocals` locals and a stack of `stacksize` (as `reset`
    /// leaves it)?
    #[inline(always)]
    pub fn fits(&self, nlocals: usize, stacksize: usize) -> bool {
        self.nlocals == nlocals && self.cap() > nlocals + stacksize
    }

    /// Number of locals.
    #[inline(always)]
    pub fn nlocals(&self) -> usize {
        // SAFETY: both pointers are into the same block, `stack_base` not below `base`.
        self.nlocals
    }

    /// Makes the stack empty with `n` unbound locals. Needs: no stack items, and the
    /// current locals all unbound (a fresh or pooled block); `n` slots fit in the block.
    fn set_nlocals(&mut self, n: usize) {
        debug_assert!(n < self.cap() && self.top == self.stack_base);
        for i in self.nlocals()..n {
            // SAFETY: `i < n < cap`: inside the block; slots at and above `top` (= the old
            // stack base) are uninitialised, so writing one leaks nothing.
            unsafe { self.base.as_ptr().add(i).write(None) };
        }
        // SAFETY: `n < cap`: in bounds.
        self.stack_base = unsafe { self.base.as_ptr().add(n) };
        self.top = self.stack_base;
        self.nlocals = n;
    }

    /// The fast locals (`None` = unbound).
    #[inline(always)]
    pub fn locals(&self) -> &[Option<Value>] {
        // SAFETY: slots `[base, stack_base)` are initialised and owned by this block.
        unsafe { std::slice::from_raw_parts(self.base.as_ptr(), self.nlocals()) }
    }

    #[inline(always)]
    pub fn locals_mut(&mut self) -> &mut [Option<Value>] {
        // SAFETY: as in `locals`; `&mut self` makes this the only reference to them.
        unsafe { std::slice::from_raw_parts_mut(self.base.as_ptr(), self.nlocals()) }
    }

    /// The value stack, bottom first.
    #[inline(always)]
    pub fn stack(&self) -> &[Value] {
        // SAFETY: slots `[stack_base, top)` are initialised and all `Some`; `Value` is a
        // `#[repr(transparent)]` `NonZeroUsize`, so `Option<Value>` has its size and
        // `Some(v)` has `v`'s bits: they are valid `Value`s.
        unsafe { std::slice::from_raw_parts(self.stack_base.cast::<Value>(), self.depth()) }
    }

    #[inline(always)]
    pub fn stack_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `stack`; whatever `Value` the caller writes keeps the slot `Some`.
        unsafe { std::slice::from_raw_parts_mut(self.stack_base.cast::<Value>(), self.depth()) }
    }

    /// Stack depth.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        // SAFETY: both pointers are into the same block, `top` not below `stack_base`.
        unsafe { self.top.offset_from(self.stack_base) as usize }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        let t = self.top;
        if t == self.limit {
            return self.grow_push(v);
        }
        // SAFETY: `top < limit`: inside the block, and uninitialised (invariant), so
        // writing it leaks nothing; it becomes the stack's top item.
        unsafe {
            t.write(Some(v));
            self.top = t.add(1);
        }
    }

    /// `push` past the block's end. The compiler's `stacksize` is exact, so this is a
    /// safety net, not a path the loop relies on.
    #[cold]
    #[inline(never)]
    fn grow_push(&mut self, v: Value) {
        let (cap, nl, used) = (self.cap() * 2 + 8, self.nlocals(), self.nlocals() + self.depth());
        let base = Self::alloc_block(cap);
        // SAFETY: both blocks hold at least `used` slots and do not overlap; the
        // initialised prefix moves to the new block, and the old one is freed without
        // dropping it; the new pointers are in bounds of the new block.
        unsafe {
            std::ptr::copy_nonoverlapping(self.base.as_ptr(), base.as_ptr(), used);
            Self::dealloc_block(self.base, self.cap());
            self.base = base;
            self.stack_base = base.as_ptr().add(nl);
            self.top = base.as_ptr().add(used);
            self.limit = base.as_ptr().add(cap);
        }
        self.push(v);
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Value> {
        if self.top == self.stack_base {
            return None;
        }
        // SAFETY: `top > stack_base`, so `top - 1` is the stack's top item (initialised,
        // `Some`, so a valid `Value`: see `stack`); lowering `top` makes it uninitialised,
        // so it is moved out exactly once. Read as a `Value`, the caller's `Some` test
        // folds away.
        unsafe {
            self.top = self.top.sub(1);
            Some(self.top.cast::<Value>().read())
        }
    }

    /// The item `n` deep (1 = the top), if the stack is that deep.
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Option<&Value> {
        if n == 0 || n > self.depth() {
            return None;
        }
        // SAFETY: `1 <= n <= depth`, so `top - n` is a stack item (initialised, `Some`,
        // a valid `Value`: see `stack`), borrowed for as long as `self` is.
        Some(unsafe { &*self.top.sub(n).cast::<Value>() })
    }

    /// Drops stack items down to depth `n`.
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        while self.depth() > n {
            drop(self.pop());
        }
    }

    /// Removes the items from depth `start` up, bottom first.
    pub fn drain_from(&mut self, start: usize) -> Vec<Value> {
        let start = start.min(self.depth());
        // Exact capacity: list displays built from it report CPython's getsizeof.
        let out = self.stack().get(start..).map_or_else(Vec::new, |s| {
            let mut v = Vec::with_capacity(s.len());
            // SAFETY: the items are moved out bitwise; `top` is lowered right after, so
            // the block no longer owns them and each is dropped once, by `v`.
            unsafe {
                std::ptr::copy_nonoverlapping(s.as_ptr(), v.as_mut_ptr(), s.len());
                v.set_len(s.len());
            }
            v
        });
        // SAFETY: `start <= depth`: in bounds.
        self.top = unsafe { self.stack_base.add(start) };
        out
    }

    /// Removes the top `n` items, bottom first.
    pub fn split_off(&mut self, n: usize) -> Vec<Value> {
        self.drain_from(self.depth().saturating_sub(n))
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = Value>) {
        for v in items {
            self.push(v);
        }
    }

    /// Moves the locals out (a finished frame's frame object keeps them), leaving them unbound.
    pub fn take_locals(&mut self) -> Vec<Option<Value>> {
        self.locals_mut().iter_mut().map(Option::take).collect()
    }

    /// Re-sizes an empty block (no stack items, all locals unbound: a pooled frame) for
    /// `nlocals` locals and a stack of `stacksize`.
    #[inline(always)]
    pub fn reset(&mut self, nlocals: usize, stacksize: usize) {
        debug_assert!(self.depth() == 0 && self.locals().iter().all(Option::is_none));
        let need = nlocals + stacksize + 1;
        if need > self.cap() {
            self.realloc_empty(need);
        }
        let now = self.nlocals();
        if nlocals != now {
            // SAFETY: `min(now, nlocals) <= now`: in bounds.
            self.stack_base = unsafe { self.base.as_ptr().add(now.min(nlocals)) };
            self.top = self.stack_base;
            self.nlocals = now.min(nlocals);
            self.set_nlocals(nlocals);
        }
    }

    #[cold]
    fn realloc_empty(&mut self, need: usize) {
        // SAFETY: the block holds only unbound locals (`None`: nothing to drop).
        unsafe { Self::dealloc_block(self.base, self.cap()) };
        self.base = Self::alloc_block(need);
        let p = self.base.as_ptr();
        self.stack_base = p;
        self.top = p;
        self.nlocals = 0;
        // SAFETY: `need` slots were allocated at `p`.
        self.limit = unsafe { p.add(need) };
    }

    /// Frees a block without dropping its slots.
    ///
    /// # Safety
    /// `base`/`cap` are a block from `alloc_block` that is not used again.
    unsafe fn dealloc_block(base: NonNull<Option<Value>>, cap: usize) {
        // SAFETY: `alloc_block` made the buffer as a `Vec` of capacity `cap.max(1)`; a
        // zero-length Vec over it frees it without touching the slots.
        drop(unsafe { Vec::from_raw_parts(base.as_ptr(), 0, cap.max(1)) });
    }
}

impl Drop for LocalsPlus {
    fn drop(&mut self) {
        let live = std::ptr::slice_from_raw_parts_mut(self.base.as_ptr(), self.nlocals() + self.depth());
        // SAFETY: slots `[base, top)` are initialised (locals, then the stack) and owned;
        // they are dropped once, then the block is freed and never used again.
        unsafe {
            std::ptr::drop_in_place(live);
            Self::dealloc_block(self.base, self.cap());
        }
    }
}

#[repr(C)]
pub struct Frame {
    /// Locals and value stack (first: compiled code reaches it at offset 0).
    pub slots: LocalsPlus,
    pub pc: u32,
    pub lasti: u32,
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    pub locals: Option<Value>,
    pub func: Option<Value>,
    pub entry: bool,
    /// Compiled code left this frame for a call: go back to it when the call returns.
    pub jit_reenter: bool,
    /// Compiled code is running this frame (`sys._jit.is_active()`).
    pub jit_running: bool,
    /// The generator object running this frame, if it is a generator's.
    pub generator: Option<Value>,
    /// The Python frame object, once something asked for one (`sys._getframe`, tracebacks).
    pub frame_obj: Option<Value>,
    /// A suspended generator's handled exception (its `sys.exc_info()` slot), restored onto
    /// `Vm::handled` when it resumes.
    pub saved_exc: Option<Value>,
    /// For an `__init__` frame started by a class call in the loop: the new instance,
    /// which the call evaluates to when `__init__` returns None.
    pub init_self: Option<Value>,
    /// While the frame is spare (`CodeJit::take_spare`): the next spare frame of its code.
    pub next_spare: *mut Frame,
}

impl Frame {
    /// The code object's payload.
    #[inline(always)]
    pub fn code(&self) -> &Code {
        match self.code.payload::<Code>() {
            Some(c) => c,
            None => unreachable!("frame without a code object"),
        }
    }
    pub fn line(&self) -> u32 {
        self.code().line_at(self.lasti as usize)
    }
    pub fn trace(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        for v in self.slots.locals().iter().flatten() {
            visit(v);
        }
        for v in self.slots.stack() {
            visit(v);
        }
        if let Some(l) = &self.locals {
            visit(l);
        }
    }
}

impl Frame {
    /// A frame for `code` (a code object value) with empty locals; the caller fills `fast`.
    pub fn new(code_v: Value, globals: Value, builtins: Value, locals: Option<Value>, func: Option<Value>) -> Frame {
        let (nfast, nstack) = match code_v.payload::<Code>() {
            Some(c) => (c.nlocalsplus(), c.stacksize as usize),
            None => (0, 0),
        };
        Frame {
            code: code_v,
            slots: LocalsPlus::new(nfast, nstack),
            pc: 0,
            lasti: 0,
            globals,
            builtins,
            locals,
            func,
            entry: false,
            jit_reenter: false,
            jit_running: false,
            generator: None,
            frame_obj: None,
            saved_exc: None,
            init_self: None,
            next_spare: std::ptr::null_mut(),
        }
    }
}

/// The interpreter loop's handle on the frame it is running: the address of the boxed
/// `Frame` on top of `Vm::frames`, taken once per frame switch so an instruction reaches
/// its frame without the `frames` Vec load, length check and bounds check of
/// `frames.last_mut()`. A `Box`'s heap block never moves while the box lives (growing
/// `Vm::frames`, moving the box into a generator and back keep the address), so the
/// pointer stays valid as long as the frame is not dropped or pooled.
///
/// The loop (`vm::interp::exec_inner`, its only user) keeps the rules `get` relies on:
/// it takes a new `FramePtr` whenever the frame on top changes (a call pushed one, a
/// return popped one, an error left to be unwound), and it never keeps a reference from
/// `get` across a call into the `Vm` (which may read or write the frame through
/// `Vm::frames`, e.g. a trace function setting `f_lineno`); it asks `get` again after.
/// The JIT's compiled code will hold the same pointer under the same rules.
#[derive(Clone, Copy)]
pub struct FramePtr(NonNull<Frame>);

impl FramePtr {
    /// The top frame of `frames`, if there is one.
    #[inline(always)]
    pub fn top(frames: &mut [Box<Frame>]) -> Option<FramePtr> {
        frames.last_mut().map(|b| FramePtr(NonNull::from(&mut **b)))
    }

    /// The raw pointer, for compiled code (which runs under the same rules as `get`).
    #[inline(always)]
    pub fn as_ptr(self) -> *mut Frame {
        self.0.as_ptr()
    }

    /// Is this the frame held by `b`? (Debug checks of the loop's rules.)
    pub fn is(self, b: &Frame) -> bool {
        std::ptr::eq(self.0.as_ptr(), b)
    }

    /// The frame, for the span of one instruction's work on it (see the type's docs).
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub fn get<'a>(self) -> &'a mut Frame {
        // SAFETY: the pointer came from a live `Box<Frame>` on `Vm::frames` (`top`) and the
        // loop re-takes it before that box can be popped, dropped or pooled, so it points
        // to a valid, initialised `Frame`. No other reference to the frame is in use while
        // the returned one is: the loop drops it before any call back into the `Vm` (the
        // only code that reaches the frame another way) and asks again afterwards.
        unsafe { &mut *self.0.as_ptr() }
    }
}

impl Frame {
    /// Points a pooled frame (unbound `fast`, empty `stack`) at a new activation. The same
    /// code/globals/builtins as last time (recursion, a loop calling one function) cost
    /// no reference-count traffic.
    #[inline(always)]
    pub fn rebind(&mut self, code: &Value, globals: &Value, builtins: &Value) {
        if !self.code.is(code) {
            self.code = code.clone();
        }
        if !self.globals.is(globals) {
            self.globals = globals.clone();
        }
        if !self.builtins.is(builtins) {
            self.builtins = builtins.clone();
        }
        self.pc = 0;
        self.lasti = 0;
        self.entry = false;
        self.jit_reenter = false;
    }
}
