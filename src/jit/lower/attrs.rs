//! Cached loads inline: `obj.name` of an instance whose class's version is the one the
//! instruction's cache saw, found in the instance's `__dict__` at the entry the cache
//! names (CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE`/`_WITH_HINT`), and a global or
//! builtin found at the dict entry its `LoadGlobal` cache names (`LOAD_GLOBAL_MODULE`/
//! `_BUILTIN`). Anything else takes the runtime's helper (which does not refill caches:
//! the interpreter does).

use std::cell::RefCell;
use std::mem::offset_of;
use std::sync::OnceLock;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{Block, InstBuilder, Value};

use super::{I8, I32, I64, Lower, mf};
use crate::bytecode::feedback::{AttrEntry, AttrTag, GlobalEntry};
use crate::objects::dict::{EntriesLayout, entries_layout};
use crate::objects::instance::Instance;
use crate::objects::seq_layout::{only, words};
use crate::objects::type_::PyType;
use crate::values::layout;

/// Where a `RefCell<Option<Value>>` keeps its value (an instance's `__dict__` slot).
fn cell_value() -> Option<i32> {
    static V: OnceLock<Option<i32>> = OnceLock::new();
    *V.get_or_init(|| {
        if size_of::<RefCell<Option<crate::values::Value>>>() != 16 {
            return None;
        }
        let probe = crate::values::Value::small(4242);
        let cell = RefCell::new(Some(probe.clone()));
        // SAFETY: `cell` is live and not borrowed; its flag and value are initialised words.
        let w = unsafe { words(&cell as *const RefCell<Option<crate::values::Value>>) };
        only(2, |i| w[i] == probe.bits()).map(|i| 8 * i as i32)
    })
}

const TYPE_VERSION: i32 = layout::DATA_OFFSET + offset_of!(PyType, version) as i32;
const FR_GLOBALS: i32 = offset_of!(crate::vm::frame::Frame, globals) as i32;
const FR_BUILTINS: i32 = offset_of!(crate::vm::frame::Frame, builtins) as i32;

impl Lower<'_, '_> {
    /// The cache entry at compile time, when it is one the inline load takes.
    pub(super) fn inline_attr(&self, e: Option<AttrEntry>) -> Option<(AttrEntry, EntriesLayout, i32)> {
        let e = e.filter(|e| e.tag == AttrTag::InstDict)?;
        Some((e, entries_layout()?, cell_value()?))
    }

    /// `obj.name` from the instance dict as `e` says, a counted reference; jumps to
    /// `miss` (nothing done) when the class's version, the dict or its entry differ.
    pub(super) fn inst_dict_attr(
        &mut self,
        obj: Value,
        site: (AttrEntry, EntriesLayout, i32),
        name: u64,
        miss: Block,
    ) -> Value {
        let (e, l, _) = site;
        let d = self.instance_dict(obj, site, miss);
        self.dict_entry(d, l, e.index as usize, name, miss)
    }

    /// `obj.name = v` into the instance dict's entry as `e` says (the entry holds the name
    /// already: the key set does not change); the old value is let go of. Jumps to `miss`
    /// (nothing done) as `inst_dict_attr` does.
    pub(super) fn inst_dict_store(
        &mut self,
        obj: Value,
        v: Value,
        site: (AttrEntry, EntriesLayout, i32),
        name: u64,
        miss: Block,
    ) {
        let (e, l, _) = site;
        let d = self.instance_dict(obj, site, miss);
        let at = self.entry_at(d, l, e.index as usize, name, miss);
        let old = self.b.ins().load(I64, mf(), at, l.value);
        self.incref(v);
        self.b.ins().store(mf(), v, at, l.value);
        self.decref(old);
    }

    /// Jumps to `miss` when `fail` is set; else goes on.
    fn miss_if(&mut self, fail: Value, miss: Block) {
        let next = self.b.create_block();
        self.b.ins().brif(fail, miss, &[], next, &[]);
        self.b.switch_to_block(next);
    }

    /// The class of `obj` when `obj` is an object (not a small int) whose class is at
    /// `version`; else a jump to `miss`.
    fn class_at(&mut self, obj: Value, version: u32, miss: Block) -> Value {
        let tag = self.b.ins().band_imm_s(obj, 1);
        self.miss_if(tag, miss);
        let ty = self.b.ins().load(I64, mf(), obj, layout::HEADER_TYPE);
        let v = self.b.ins().load(I32, mf(), ty, TYPE_VERSION);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, v, version as i64);
        self.miss_if(other, miss);
        ty
    }

    /// The `__dict__` of `obj` when its class is at the version the cache saw (so `obj` is
    /// an `Instance` and the name no data descriptor of the class); else a jump to `miss`.
    fn instance_dict(&mut self, obj: Value, (e, _, cell): (AttrEntry, EntriesLayout, i32), miss: Block) -> Value {
        self.class_at(obj, e.version, miss);
        let check = |s: &mut Self, fail: Value| s.miss_if(fail, miss);
        let dict_at = layout::DATA_OFFSET + offset_of!(Instance, dict) as i32 + cell;
        let d = self.b.ins().load(I64, mf(), obj, dict_at);
        let none = self.b.ins().icmp_imm_s(IntCC::Equal, d, 0);
        check(self, none);
        d
    }

    /// The `LoadMethod` cache entry at compile time, when the inline load takes it (a
    /// method found on the type: CPython's `LOAD_METHOD_WITH_DICT`), with the name's hash.
    pub(super) fn inline_method(
        &self,
        e: Option<AttrEntry>,
        name: Option<&crate::values::Value>,
    ) -> Option<(AttrEntry, EntriesLayout, i32, crate::objects::seq_layout::ItemsLayout, i64)> {
        let e = e.filter(|e| e.tag == AttrTag::Method)?;
        let hash = name?.payload::<crate::objects::str::PyStr>()?.hash();
        Some((e, entries_layout()?, cell_value()?, crate::objects::seq_layout::list()?, hash))
    }

    /// `obj.name` for `LoadMethod` as the cache entry says: an instance whose class is at
    /// the version the entry saw, whose `__dict__` (if any) has no `name`: the function
    /// at the entry's place along the class's MRO (a counted reference). Else a jump to
    /// `miss` with nothing done.
    pub(super) fn method_entry(
        &mut self,
        obj: Value,
        (e, l, cell, mro, hash): (AttrEntry, EntriesLayout, i32, crate::objects::seq_layout::ItemsLayout, i64),
        name: u64,
        miss: Block,
    ) -> Value {
        let check = |s: &mut Self, fail: Value| s.miss_if(fail, miss);
        let ty = self.class_at(obj, e.version, miss);
        let kind = self.b.ins().load(I8, mf(), obj, layout::HEADER_KIND);
        let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, kind, crate::values::Kind::Instance as i64);
        check(self, other);
        // Not shadowed by the instance's `__dict__` (an exact dict, probed for the name).
        let dict_at = layout::DATA_OFFSET + offset_of!(Instance, dict) as i32 + cell;
        let d = self.b.ins().load(I64, mf(), obj, dict_at);
        let no_dict = self.b.create_block();
        let probe = self.b.create_block();
        self.b.ins().brif(d, probe, &[], no_dict, &[]);
        self.b.switch_to_block(probe);
        self.expect_dict(d, miss);
        self.dict_lacks(d, l, hash, miss, no_dict);
        self.b.switch_to_block(no_dict);
        // The function: entry `m.entry` of the dict of the type at `m.mro_pos` of the MRO
        // (the class's version vouches for both; the key is checked all the same).
        let m = crate::bytecode::feedback::MroIndex::unpack(e.index());
        let mro_at = layout::DATA_OFFSET + offset_of!(PyType, mro) as i32 + mro.ptr;
        let mro_items = self.b.ins().load(I64, mf(), ty, mro_at);
        let owner = self.b.ins().load(I64, mf(), mro_items, 8 * m.mro_pos as i32);
        let dict = layout::DATA_OFFSET + offset_of!(PyType, dict) as i32;
        let items = self.b.ins().load(I64, mf(), owner, dict + l.ptr);
        let at = m.entry as i32 * l.size;
        let key = self.b.ins().load(I64, mf(), items, at + l.key);
        let moved = self.b.ins().icmp_imm_s(IntCC::NotEqual, key, name as i64);
        check(self, moved);
        let v = self.b.ins().load(I64, mf(), items, at + l.value);
        let gone = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        check(self, gone);
        self.incref(v);
        v
    }

    /// Goes on to `absent` when the exact dict `d` has no key of hash `hash` (its bloom
    /// word says so, or probing its table as `DictTable::probe` does); jumps to `miss` at
    /// an entry of that hash (the name, or another key the interpreter compares).
    fn dict_lacks(&mut self, d: Value, l: EntriesLayout, hash: i64, miss: Block, absent: Block) {
        let bloom = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.bloom);
        let maybe = self.b.ins().band_imm_s(bloom, crate::objects::dict::bloom_bit(hash) as i64);
        let probe = self.b.create_block();
        self.b.ins().brif(maybe, probe, &[], absent, &[]);
        self.b.switch_to_block(probe);
        let ilen = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.indices_len);
        let start = self.b.create_block();
        self.b.ins().brif(ilen, start, &[], absent, &[]);
        self.b.switch_to_block(start);
        let iptr = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.indices_ptr);
        let entries = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.ptr);
        let mask = self.b.ins().iadd_imm_s(ilen, -1);
        let i0 = self.b.ins().band_imm_s(mask, hash);
        let p0 = self.b.ins().iconst(I64, hash);
        let head = self.b.create_block();
        let next = self.b.create_block();
        for bl in [head, next] {
            self.b.append_block_param(bl, I64);
            self.b.append_block_param(bl, I64);
        }
        self.b.ins().jump(head, &[i0.into(), p0.into()]);
        self.b.switch_to_block(head);
        let (i, perturb) = (self.b.block_params(head)[0], self.b.block_params(head)[1]);
        let slot = self.b.ins().ishl_imm_u(i, 2);
        let slot = self.b.ins().iadd(iptr, slot);
        let ix = self.b.ins().load(I32, mf(), slot, 0);
        let free = self.b.ins().icmp_imm_s(IntCC::Equal, ix, crate::objects::dict::INDEX_EMPTY as i32 as i64);
        let used = self.b.create_block();
        self.b.ins().brif(free, absent, &[], used, &[]);
        self.b.switch_to_block(used);
        let deleted = self.b.ins().icmp_imm_s(IntCC::Equal, ix, crate::objects::dict::INDEX_DUMMY as i32 as i64);
        let live = self.b.create_block();
        self.b.ins().brif(deleted, next, &[i.into(), perturb.into()], live, &[]);
        self.b.switch_to_block(live);
        let ix = self.b.ins().uextend(I64, ix);
        let e = self.b.ins().imul_imm_s(ix, l.size as i64);
        let e = self.b.ins().iadd(entries, e);
        let h = self.b.ins().load(I64, mf(), e, l.hash);
        let same = self.b.ins().icmp_imm_s(IntCC::Equal, h, hash);
        self.b.ins().brif(same, miss, &[], next, &[i.into(), perturb.into()]);
        self.b.switch_to_block(next);
        let (i, perturb) = (self.b.block_params(next)[0], self.b.block_params(next)[1]);
        let perturb = self.b.ins().ushr_imm_u(perturb, 5);
        let i5 = self.b.ins().imul_imm_s(i, 5);
        let i = self.b.ins().iadd(i5, perturb);
        let i = self.b.ins().iadd_imm_s(i, 1);
        let i = self.b.ins().band(i, mask);
        self.b.ins().jump(head, &[i.into(), perturb.into()]);
    }

    /// `LoadGlobal`'s cache entry at compile time, when the inline load takes it.
    pub(super) fn inline_global(&self, e: Option<GlobalEntry>) -> Option<(GlobalEntry, EntriesLayout)> {
        let e = e?;
        let ix = match e {
            GlobalEntry::Global { index } | GlobalEntry::Builtin { index, .. } => index,
        };
        (ix < 1 << 24).then_some((e, entries_layout()?))
    }

    /// The global `name` as the cache entry says: the globals dict's entry, or (while the
    /// globals dict is at the version the entry saw) the builtins dict's; a counted
    /// reference, else a jump to `miss` with nothing done.
    ///
    /// With `pinned` (the globals dict the code compiles for and its version then, when
    /// the entry held the name): while the frame's globals are that dict at that version,
    /// its key set is the same, so the entry holds the name and a value; nothing else to
    /// check.
    pub(super) fn global_entry(
        &mut self,
        (e, l): (GlobalEntry, EntriesLayout),
        name: u64,
        pinned: Option<(u64, u64)>,
        miss: Block,
    ) -> Value {
        let globals = self.b.ins().load(I64, mf(), self.frame, FR_GLOBALS);
        match e {
            GlobalEntry::Global { index } if pinned.is_some() => {
                let (g, version) = pinned.unwrap_or_default();
                let check = |s: &mut Self, fail: Value| s.miss_if(fail, miss);
                let other = self.b.ins().icmp_imm_s(IntCC::NotEqual, globals, g as i64);
                check(self, other);
                let at = layout::DATA_OFFSET + crate::objects::dict::VERSION_OFFSET;
                let v = self.b.ins().load(I64, mf(), globals, at);
                let changed = self.b.ins().icmp_imm_s(IntCC::NotEqual, v, version as i64);
                check(self, changed);
                let items = self.b.ins().load(I64, mf(), globals, layout::DATA_OFFSET + l.ptr);
                let v = self.b.ins().load(I64, mf(), items, index as i32 * l.size + l.value);
                self.incref(v);
                v
            }
            GlobalEntry::Global { index } => self.dict_entry(globals, l, index, name, miss),
            GlobalEntry::Builtin { index, globals_version } => {
                self.expect_dict(globals, miss);
                let at = layout::DATA_OFFSET + crate::objects::dict::VERSION_OFFSET;
                let v = self.b.ins().load(I64, mf(), globals, at);
                let want = self.b.ins().iconst(I64, globals_version as i64);
                let changed = self.b.ins().icmp(IntCC::NotEqual, v, want);
                let next = self.b.create_block();
                self.b.ins().brif(changed, miss, &[], next, &[]);
                self.b.switch_to_block(next);
                let builtins = self.b.ins().load(I64, mf(), self.frame, FR_BUILTINS);
                self.dict_entry(builtins, l, index, name, miss)
            }
        }
    }

    /// The value of the global `name` at compile time, where the cache entry `e` says it
    /// is (in the globals or builtins the code compiles for).
    pub(super) fn global_now(
        &self,
        e: Option<GlobalEntry>,
        name: Option<&crate::values::Value>,
    ) -> Option<crate::values::Value> {
        let (globals, builtins) = self.env.as_ref()?;
        let (d, index) = match e? {
            GlobalEntry::Global { index } => (globals, index),
            GlobalEntry::Builtin { index, .. } => (builtins, index),
        };
        d.payload::<crate::objects::dict::PyDict>()?.value_at_if_key(index, name?)
    }

    /// The globals dict the code compiles for and its version, for a `Global` cache entry
    /// (whose entry `global_now` found holding the name).
    pub(super) fn globals_pinned(&self, e: Option<GlobalEntry>) -> Option<(u64, u64)> {
        let GlobalEntry::Global { index } = e? else { return None };
        let g = &self.env.as_ref()?.0;
        let d = g.payload::<crate::objects::dict::PyDict>()?;
        // (The inline load reads the entry at a constant offset.)
        (index < 1 << 20 && g.type_of().is(&crate::objects::types().dict)).then(|| (g.bits() as u64, d.version()))
    }

    /// The method a `Method` cache entry names, at compile time: found through a local
    /// of the frame the code compiles for whose class is at the entry's version (type
    /// versions are unique, so that is the class the entry was made for).
    pub(super) fn method_now(
        &self,
        e: Option<AttrEntry>,
        name: Option<&crate::values::Value>,
    ) -> Option<crate::values::Value> {
        let e = e.filter(|e| e.tag == AttrTag::Method)?;
        let name = name?;
        self.env_locals.iter().find_map(|v| {
            let tp = v.type_of().as_type()?;
            (tp.version.get() == e.version).then(|| crate::vm::interp::mro_value(tp, e.index(), name))?
        })
    }

    /// Jumps to `miss` unless `d` is an exact dict.
    fn expect_dict(&mut self, d: Value, miss: Block) {
        let dty = self.b.ins().load(I64, mf(), d, layout::HEADER_TYPE);
        let not_dict = self.b.ins().icmp_imm_s(IntCC::NotEqual, dty, crate::objects::types().dict.bits() as i64);
        self.miss_if(not_dict, miss);
    }

    /// The value of entry `ix` of the exact dict `d` (a counted reference) when that
    /// entry's key is the object `name`; else a jump to `miss`.
    fn dict_entry(&mut self, d: Value, l: EntriesLayout, ix: usize, name: u64, miss: Block) -> Value {
        let at = self.entry_at(d, l, ix, name, miss);
        let v = self.b.ins().load(I64, mf(), at, l.value);
        self.incref(v);
        v
    }

    /// The address of entry `ix` of the exact dict `d` when it is live and its key is the
    /// object `name`; else a jump to `miss`.
    fn entry_at(&mut self, d: Value, l: EntriesLayout, ix: usize, name: u64, miss: Block) -> Value {
        let check = |s: &mut Self, fail: Value| s.miss_if(fail, miss);
        self.expect_dict(d, miss);
        let len = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.len);
        let short = self.b.ins().icmp_imm_s(IntCC::UnsignedLessThanOrEqual, len, ix as i64);
        check(self, short);
        let items = self.b.ins().load(I64, mf(), d, layout::DATA_OFFSET + l.ptr);
        let at = self.b.ins().iadd_imm_s(items, ix as i64 * l.size as i64);
        let key = self.b.ins().load(I64, mf(), at, l.key);
        let moved = self.b.ins().icmp_imm_s(IntCC::NotEqual, key, name as i64);
        check(self, moved);
        let v = self.b.ins().load(I64, mf(), at, l.value);
        let gone = self.b.ins().icmp_imm_s(IntCC::Equal, v, 0);
        check(self, gone);
        at
    }
}
