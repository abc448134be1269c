//! Feedback tests: the packed layouts round-trip, and a program run through the VM leaves
//! the feedback a JIT would read (kinds, caches, counters).

use super::*;
use crate::bytecode::opcode::Op;
use crate::objects::dict::PyDict;
use crate::objects::str::new_str;
use crate::vm::{Config, Vm};

#[test]
fn kind_sets() {
    assert!(Kind::ALL.iter().enumerate().all(|(i, &k)| k as usize == i));
    let s = KindSet::EMPTY.add(Kind::SmallInt);
    assert!(s.is_only(Kind::SmallInt) && s.contains(Kind::SmallInt) && !s.is_empty());
    let s = s | KindSet::of(Kind::Float);
    assert!(!s.is_only(Kind::SmallInt) && s.contains(Kind::Float) && !s.contains(Kind::Str));
    assert_eq!(s.iter().collect::<Vec<_>>(), [Kind::SmallInt, Kind::Float]);
    assert_eq!((s.len(), s.to_string()), (2, "SmallInt|Float".to_owned()));
    assert_eq!(KindSet::EMPTY.to_string(), "-");
    let last = *Kind::ALL.last().unwrap();
    assert_eq!(KindSet::of(last).iter().collect::<Vec<_>>(), [last]);
}

#[test]
fn packed_words_round_trip() {
    let e = AttrEntry::new(AttrTag::ClassAttr, MroIndex::pack(2, 7).unwrap(), 0xdead_beef).unwrap();
    assert_eq!(AttrEntry::unpack(e.pack()), Some(e));
    assert_eq!(MroIndex::unpack(e.index()), MroIndex { mro_pos: 2, entry: 7 });
    assert_eq!(AttrEntry::unpack(0), None);
    assert_eq!(AttrEntry::new(AttrTag::Slot, 1 << 28, 1), None, "index too wide");
    assert_eq!(AttrEntry::new(AttrTag::Slot, 3, 0), None, "no type version");
    assert_eq!(MroIndex::pack(256, 0), None);
    assert_eq!(MroIndex::pack(0, 1 << 20), None);
    let c = AttrCache::new();
    c.set(AttrEntry::new(AttrTag::InstDict, (1 << 28) - 1, u32::MAX));
    assert_eq!(c.get(), Some(AttrEntry { tag: AttrTag::InstDict, index: (1 << 28) - 1, version: u32::MAX }));
    c.set(None);
    assert_eq!((c.get(), c.raw()), (None, 0));

    for g in [GlobalEntry::Global { index: 5 }, GlobalEntry::Builtin { index: (1 << 20) - 1, globals_version: 1 << 40 }]
    {
        assert_eq!(GlobalEntry::unpack(g.pack()), Some(g));
    }
    assert_eq!(GlobalEntry::Global { index: 1 << 20 }.pack(), 0);
    assert_eq!(GlobalEntry::Builtin { index: 0, globals_version: 1 << 42 }.pack(), 0);

    let w = FeedbackWord::new();
    assert_eq!(w.name_index(), None);
    w.set_name_index(0);
    assert_eq!(w.name_index(), Some(0));
    let w = FeedbackWord(Cell::new(u64::MAX - 1));
    w.count_back_edge();
    w.count_back_edge();
    assert_eq!(w.back_edges(), u64::MAX, "saturates");
}

const PROGRAM: &str = "\
class P:
    def __init__(self, x):
        self.x = x
def f(n):
    t = 0
    p = P(1)
    for i in range(n):
        t = t + p.x
    return len([t])
a = f(3)
a = f(4)
";

/// The pc of the only instruction `op` in `code`.
fn only(code: &Code, op: Op) -> usize {
    let pcs: Vec<usize> = (0..code.instrs.len()).filter(|&pc| code.instr(pc).op == op).collect();
    assert_eq!(pcs.len(), 1, "{op:?} in {}", crate::bytecode::dump::dump(code));
    pcs[0]
}

#[test]
fn feedback_of_a_run() {
    let mut vm = Vm::new(Config::default());
    let module = crate::compiler::compile(PROGRAM, "<test>", crate::compiler::Mode::Exec).unwrap();
    let globals = crate::vm::interp::new_dict();
    globals.payload::<PyDict>().unwrap().set_str(new_str("__builtins__"), vm.builtins_module.clone());
    vm.run_code(&module, &globals).unwrap();

    let m = module.payload::<Code>().unwrap();
    let code_named = |name: &str| {
        m.consts.iter().filter_map(|c| c.payload::<Code>()).find(|c| c.name.as_str() == Some(name)).unwrap()
    };
    let f = code_named("f");
    assert_eq!((m.call_count(), f.call_count()), (1, 2));

    // Back edges: 3 + 4 loop iterations.
    let jb = only(f, Op::JumpBackward);
    assert_eq!(f.feedback_at(jb), Decoded::BackEdges(7));
    assert_eq!(f.back_edges(jb), 7);

    // `t + p.x` saw small ints only; `p.x` an instance, cached as instance-dict entry 0 of
    // P's current version.
    assert!(f.kinds_seen(only(f, Op::BinaryOp)).unwrap().is_only(Kind::SmallInt));
    let load_attr = only(f, Op::LoadAttr);
    assert!(f.kinds_seen(load_attr).unwrap().is_only(Kind::Instance));
    let e = f.attr_entry(load_attr).unwrap();
    let p = globals.payload::<PyDict>().unwrap().get_str_value(&new_str("P")).unwrap();
    assert_eq!((e.tag, e.index, e.version), (AttrTag::InstDict, 0, p.as_type().unwrap().version.get()));
    assert_eq!(f.instr(load_attr + 1).op, Op::BinaryOp);
    assert_eq!(f.attr_entry(load_attr + 1), None, "no attribute cache outside attribute ops");
    assert_eq!(f.kinds_seen(jb), None, "a back edge records no kinds");

    // `P` is a global, `range`/`len` builtins.
    for pc in (0..f.instrs.len()).filter(|&pc| f.instr(pc).op == Op::LoadGlobal) {
        let name = f.names[f.instr(pc).arg as usize].as_str().unwrap();
        match (name, f.feedback_at(pc)) {
            ("P", Decoded::Global(Some(GlobalEntry::Global { .. }))) => {}
            ("range" | "len", Decoded::Global(Some(GlobalEntry::Builtin { .. }))) => {}
            other => panic!("{other:?}"),
        }
    }
    // Module-level `a = ...` cached its locals-dict entry.
    let store_a = (0..m.instrs.len()).rfind(|&pc| m.instr(pc).op == Op::StoreName).unwrap();
    assert!(matches!(m.feedback_at(store_a), Decoded::NameIndex(Some(_))));

    let listing = crate::bytecode::dump::dump_with_feedback(m);
    assert!(listing.contains("# back edges 7"), "{listing}");
    assert!(listing.contains("# kinds SmallInt"), "{listing}");
    assert!(listing.contains("attr InstDict[0] v"), "{listing}");
    assert!(listing.contains("  calls 2\n"), "{listing}");
}
