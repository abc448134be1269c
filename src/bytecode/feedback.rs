//! Feedback and inline caches: what each instruction records while it runs (its feedback
//! word and attribute cache word), the one definition of their bit layouts, and the decoders
//! a JIT (or `-X dump-feedback`) reads them through.
//!
//! Every instruction owns one `FeedbackWord` (`Code::feedback[pc]`) and one `AttrCache`
//! (`Code::attr_cache[pc]`), each a `Cell<u64>` so the loop's hit path stays one load and
//! compare. Which view of the feedback word an instruction uses is the opcode table's
//! `Op::feedback()`, as CPython 3.11 declares cache entries per instruction:
//!
//! | `Feedback` | ops | the word holds |
//! |---|---|---|
//! | `Kinds` | BinaryOp, CompareOp, BinarySubscr (both operands), LoadAttr/LoadMethod (object), Call* (callable), ForIter (iterator) | a `KindSet` of the kinds seen |
//! | `NameIndex` | LoadName, StoreName | 0, or 1 + the name's dense entry index in the locals dict |
//! | `GlobalCache` | LoadGlobal | a `GlobalEntry` (packed) |
//! | `BackEdges` | JumpBackward | how often the back edge was taken (saturating) |
//!
//! The attribute cache word of LoadAttr/StoreAttr/LoadMethod is a packed `AttrEntry`.
//! Per code object, `Code::calls` counts the frames that started running it (`Resume`).
//! Caches are always re-validated on use (type versions, dict keys by identity), so the
//! words are hints: a stale or racing value costs a miss, never a wrong result.

use std::cell::Cell;
use std::fmt;

use crate::bytecode::code::Code;
use crate::bytecode::opcode::Feedback;
use crate::values::{Kind, Value};

// ---- Kinds seen ----

// One bit per kind in a u64.
const _: () = assert!(Kind::ALL.len() <= 64);

/// A set of value kinds (`values::Kind`): bit `k` = kind `k` was seen.
#[derive(Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct KindSet(u64);

impl KindSet {
    pub const EMPTY: KindSet = KindSet(0);

    /// The set holding just `kind`.
    #[inline(always)]
    pub const fn of(kind: Kind) -> KindSet {
        // `& 63` keeps the shift in range without a check (the assert above proves it).
        KindSet(1 << ((kind as u8) & 63))
    }
    /// The set holding `v`'s kind.
    #[inline(always)]
    pub fn of_value(v: &Value) -> KindSet {
        KindSet::of(v.kind())
    }
    #[must_use]
    #[inline(always)]
    pub const fn add(self, kind: Kind) -> KindSet {
        KindSet(self.0 | KindSet::of(kind).0)
    }
    #[must_use]
    #[inline(always)]
    pub const fn union(self, other: KindSet) -> KindSet {
        KindSet(self.0 | other.0)
    }
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & KindSet::of(kind).0 != 0
    }
    /// Was `kind` the only kind seen (the site is monomorphic on it)?
    pub const fn is_only(self, kind: Kind) -> bool {
        self.0 == KindSet::of(kind).0
    }
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The raw bit set (bit `kind as u8`), for code that tests it directly (a JIT guard).
    pub const fn bits(self) -> u64 {
        self.0
    }
    pub const fn from_bits(bits: u64) -> KindSet {
        KindSet(bits)
    }
    /// The kinds in the set, in `Kind` order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |&k| self.contains(k))
    }
}

impl std::ops::BitOr for KindSet {
    type Output = KindSet;
    #[inline(always)]
    fn bitor(self, rhs: KindSet) -> KindSet {
        self.union(rhs)
    }
}

impl fmt::Debug for KindSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl fmt::Display for KindSet {
    /// `SmallInt|Float`; `-` when empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("-");
        }
        for (i, k) in self.iter().enumerate() {
            write!(f, "{}{k:?}", if i == 0 { "" } else { "|" })?;
        }
        Ok(())
    }
}

// ---- LoadGlobal's cache ----

/// What `LoadGlobal` last found, so the next run reads the dict entry without a probe.
/// The entry is re-checked by key identity; for a builtins hit, the globals dict's version
/// (unique across dicts, renewed whenever its key set changes) proves the name is still
/// absent from globals.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GlobalEntry {
    /// Globals-dict entry `index`.
    Global { index: usize },
    /// Builtins-dict entry `index`, while the globals dict has version `globals_version`.
    Builtin { index: usize, globals_version: u64 },
}

// Layout: tag (2 bits: 1 global, 2 builtin) | entry index (20 bits) | globals version (42 bits).
const GE_GLOBAL: u64 = 1;
const GE_BUILTIN: u64 = 2;
const GE_IX_BITS: u32 = 20;
const GE_VER_SHIFT: u32 = 2 + GE_IX_BITS;

impl GlobalEntry {
    /// The packed word; 0 (no cache) when the index or version does not fit.
    #[inline]
    pub const fn pack(self) -> u64 {
        match self {
            GlobalEntry::Global { index } if index < 1 << GE_IX_BITS => ((index as u64) << 2) | GE_GLOBAL,
            GlobalEntry::Builtin { index, globals_version }
                if index < 1 << GE_IX_BITS && globals_version < 1 << (64 - GE_VER_SHIFT) =>
            {
                (globals_version << GE_VER_SHIFT) | ((index as u64) << 2) | GE_BUILTIN
            }
            _ => 0,
        }
    }
    #[inline(always)]
    pub const fn unpack(word: u64) -> Option<GlobalEntry> {
        let index = ((word >> 2) & ((1 << GE_IX_BITS) - 1)) as usize;
        match word & 3 {
            GE_GLOBAL => Some(GlobalEntry::Global { index }),
            GE_BUILTIN => Some(GlobalEntry::Builtin { index, globals_version: word >> GE_VER_SHIFT }),
            _ => None,
        }
    }
}

// ---- The feedback word ----

/// One instruction's feedback word. Its views are typed; which one applies is
/// `Op::feedback()` of the instruction (see the module doc).
#[repr(transparent)]
#[derive(Default)]
pub struct FeedbackWord(Cell<u64>);

impl FeedbackWord {
    pub const fn new() -> FeedbackWord {
        FeedbackWord(Cell::new(0))
    }
    /// The packed word as stored (for a JIT that reads it from memory, or a printer).
    pub fn raw(&self) -> u64 {
        self.0.get()
    }

    /// `Feedback::Kinds`: the kinds seen so far.
    #[inline(always)]
    pub fn kinds(&self) -> KindSet {
        KindSet(self.0.get())
    }
    /// `Feedback::Kinds`: adds `seen`, writing only when it is new (most runs see nothing
    /// new, and a store per run would dirty the cache line).
    #[inline(always)]
    pub fn record_kinds(&self, seen: KindSet) {
        let o = self.0.get();
        if o & seen.0 != seen.0 {
            self.0.set(o | seen.0);
        }
    }

    /// `Feedback::NameIndex`: the cached dense entry index of the name in the locals dict.
    #[inline(always)]
    pub fn name_index(&self) -> Option<usize> {
        match self.0.get() {
            0 => None,
            ix => Some(ix as usize - 1),
        }
    }
    #[inline(always)]
    pub fn set_name_index(&self, ix: usize) {
        self.0.set(ix as u64 + 1);
    }

    /// `Feedback::GlobalCache`: `LoadGlobal`'s cached entry.
    #[inline(always)]
    pub fn global(&self) -> Option<GlobalEntry> {
        GlobalEntry::unpack(self.0.get())
    }
    /// `Feedback::GlobalCache`: caches `e` (`None`, or an entry that does not fit: empty).
    #[inline]
    pub fn set_global(&self, e: Option<GlobalEntry>) {
        self.0.set(e.map_or(0, GlobalEntry::pack));
    }

    /// `Feedback::BackEdges`: how often the back edge was taken.
    pub fn back_edges(&self) -> u64 {
        self.0.get()
    }
    /// `Feedback::BackEdges`: one more taken back edge.
    #[inline(always)]
    pub fn count_back_edge(&self) {
        self.0.set(self.0.get().saturating_add(1));
    }
}

// ---- The attribute inline cache ----

/// What an attribute cache entry found (see `vm::interp::attr` for what each tag checks on
/// a hit).
#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AttrTag {
    /// Instance-dict entry `index` of an instance whose type has no data descriptor for
    /// the name.
    InstDict = 1,
    /// `__slots__` member `index`.
    Slot = 2,
    /// A plain function/native method on the type (`LoadMethod`), at `MroIndex` `index`.
    Method = 3,
    /// A function or plain value on the type, at `MroIndex` `index`.
    ClassAttr = 4,
    /// Module-dict entry `index`.
    Module = 5,
    /// An attribute of a class (metatype `type`), at `MroIndex` `index` of that class;
    /// `version` is the class's own.
    TypeAttr = 6,
}

/// An attribute inline cache entry: what the lookup found, where, and the type version it
/// is valid for (`PyType::version` of the object's type, never 0; for `TypeAttr` the
/// class's own version).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct AttrEntry {
    pub tag: AttrTag,
    /// Dict entry, slot number or `MroIndex`, by `tag`.
    pub index: u32,
    pub version: u32,
}

// Layout of the packed word (0 = empty):
//   bits 0..4    tag (`AttrTag`)
//   bits 4..32   index
//   bits 32..64  type version
const AE_TAG_MASK: u64 = 15;
const AE_IX_SHIFT: u32 = 4;
const AE_IX_BITS: u32 = 28;
const AE_VER_SHIFT: u32 = 32;

impl AttrEntry {
    /// The entry, if `index` fits its 28 bits and the type has a version (0: none).
    #[inline(always)]
    pub fn new(tag: AttrTag, index: usize, version: u32) -> Option<AttrEntry> {
        (index < 1 << AE_IX_BITS && version != 0).then_some(AttrEntry { tag, index: index as u32, version })
    }
    #[inline(always)]
    pub const fn pack(self) -> u64 {
        self.tag as u64 | ((self.index as u64) << AE_IX_SHIFT) | ((self.version as u64) << AE_VER_SHIFT)
    }
    #[inline(always)]
    pub const fn unpack(word: u64) -> Option<AttrEntry> {
        let tag = match word & AE_TAG_MASK {
            1 => AttrTag::InstDict,
            2 => AttrTag::Slot,
            3 => AttrTag::Method,
            4 => AttrTag::ClassAttr,
            5 => AttrTag::Module,
            6 => AttrTag::TypeAttr,
            _ => return None,
        };
        let index = ((word >> AE_IX_SHIFT) & ((1 << AE_IX_BITS) - 1)) as u32;
        Some(AttrEntry { tag, index, version: (word >> AE_VER_SHIFT) as u32 })
    }
    #[inline(always)]
    pub const fn index(self) -> usize {
        self.index as usize
    }
}

/// Where a class attribute lives, in the 28-bit `AttrEntry::index` of `Method`,
/// `ClassAttr` and `TypeAttr` entries: MRO position (8 bits) << 20 | entry index in that
/// type's dict (20 bits).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MroIndex {
    pub mro_pos: usize,
    pub entry: usize,
}

const MRO_SHIFT: u32 = 20;
const MRO_POS_LIMIT: usize = 1 << (AE_IX_BITS - MRO_SHIFT);
const MRO_ENTRY_MASK: usize = (1 << MRO_SHIFT) - 1;

impl MroIndex {
    /// The packed index, if both parts fit.
    pub const fn pack(mro_pos: usize, entry: usize) -> Option<usize> {
        if mro_pos < MRO_POS_LIMIT && entry <= MRO_ENTRY_MASK { Some((mro_pos << MRO_SHIFT) | entry) } else { None }
    }
    #[inline(always)]
    pub const fn unpack(index: usize) -> MroIndex {
        MroIndex { mro_pos: index >> MRO_SHIFT, entry: index & MRO_ENTRY_MASK }
    }
}

impl AttrTag {
    /// Does `index` hold an `MroIndex` for this tag?
    pub const fn indexes_mro(self) -> bool {
        matches!(self, AttrTag::Method | AttrTag::ClassAttr | AttrTag::TypeAttr)
    }
}

impl fmt::Display for AttrEntry {
    /// `InstDict[3] v17`, `Method[mro 1, entry 4] v17`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.tag.indexes_mro() {
            let m = MroIndex::unpack(self.index());
            write!(f, "{:?}[mro {}, entry {}] v{}", self.tag, m.mro_pos, m.entry, self.version)
        } else {
            write!(f, "{:?}[{}] v{}", self.tag, self.index, self.version)
        }
    }
}

/// One instruction's attribute cache word (`LoadAttr`/`StoreAttr`/`LoadMethod`).
#[repr(transparent)]
#[derive(Default)]
pub struct AttrCache(Cell<u64>);

impl AttrCache {
    pub const fn new() -> AttrCache {
        AttrCache(Cell::new(0))
    }
    #[inline(always)]
    pub fn get(&self) -> Option<AttrEntry> {
        AttrEntry::unpack(self.0.get())
    }
    /// Fills (or with `None` empties) the cache.
    #[inline(always)]
    pub fn set(&self, e: Option<AttrEntry>) {
        self.0.set(e.map_or(0, AttrEntry::pack));
    }
    /// The packed word as stored.
    pub fn raw(&self) -> u64 {
        self.0.get()
    }
}

// ---- Decoding per instruction ----

/// An instruction's feedback word, decoded by its opcode's `Feedback` encoding.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Decoded {
    None,
    Kinds(KindSet),
    NameIndex(Option<usize>),
    Global(Option<GlobalEntry>),
    BackEdges(u64),
}

impl Code {
    /// The feedback of instruction `pc`, decoded by its opcode (`Decoded::None` out of range).
    pub fn feedback_at(&self, pc: usize) -> Decoded {
        let (Some(ins), Some(w)) = (self.instrs.get(pc), self.feedback.get(pc)) else { return Decoded::None };
        match ins.get().op.feedback() {
            Feedback::None => Decoded::None,
            Feedback::Kinds => Decoded::Kinds(w.kinds()),
            Feedback::NameIndex => Decoded::NameIndex(w.name_index()),
            Feedback::GlobalCache => Decoded::Global(w.global()),
            Feedback::BackEdges => Decoded::BackEdges(w.back_edges()),
        }
    }
    /// The kinds the operands of instruction `pc` had (for calls: the callable; for
    /// `ForIter`: the iterator); `None` if the instruction records no kinds.
    pub fn kinds_seen(&self, pc: usize) -> Option<KindSet> {
        match self.feedback_at(pc) {
            Decoded::Kinds(k) => Some(k),
            _ => None,
        }
    }
    /// The attribute cache entry of instruction `pc` (type version, slot or entry index).
    pub fn attr_entry(&self, pc: usize) -> Option<AttrEntry> {
        let ins = self.instrs.get(pc)?.get();
        if !ins.op.flags().contains(crate::bytecode::opcode::OpFlags::ATTR_CACHE) {
            return None;
        }
        self.attr_cache.get(pc)?.get()
    }
    /// How often the back edge at `pc` was taken (0 if `pc` is no back edge).
    pub fn back_edges(&self, pc: usize) -> u64 {
        match self.feedback_at(pc) {
            Decoded::BackEdges(n) => n,
            _ => 0,
        }
    }
    /// How many frames started running this code (saturating).
    pub fn call_count(&self) -> u32 {
        self.calls.get()
    }
    /// One more frame started running this code (`Resume`).
    #[inline(always)]
    pub fn count_call(&self) {
        self.calls.set(self.calls.get().saturating_add(1));
    }
}

#[cfg(test)]
mod tests;
