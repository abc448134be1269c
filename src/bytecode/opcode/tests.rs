//! Consistency of the opcode table: flags agree with argument kinds and stack use, and
//! compiled code uses each argument as its kind says.

use super::*;
use crate::bytecode::code::Code;
use crate::values::Value;

/// Arguments to try: small counts, flag bits, and the packed `UnpackEx` form.
fn args() -> impl Iterator<Item = u32> {
    (0..=64).chain([255, 256, 257, 0x0102, 0x3f3f, 1000])
}

#[test]
fn discriminants_follow_the_table() {
    for (i, &op) in Op::ALL.iter().enumerate() {
        assert_eq!(op as usize, i, "{op:?}");
        assert_eq!(op.name(), format!("{op:?}"));
    }
}

#[test]
fn stack_effect_is_pushes_minus_pops() {
    for &op in Op::ALL {
        for arg in args() {
            for jump in [false, true] {
                let (pops, pushes) = op.pops_pushes(arg, jump);
                assert_eq!(op.stack_effect(arg, jump), pushes as i32 - pops as i32, "{op:?} {arg} {jump}");
            }
        }
    }
}

#[test]
fn jumps_and_terminators() {
    for &op in Op::ALL {
        let f = op.flags();
        let jump = f.contains(OpFlags::JUMP);
        assert_eq!(jump, op.arg_kind() == ArgKind::Jump, "{op:?}: JUMP iff the argument is a target");
        assert_eq!(jump, op.is_jump(), "{op:?}");
        assert_eq!(f.contains(OpFlags::TERMINATOR), op.is_terminator(), "{op:?}");
        if f.contains(OpFlags::CONDITIONAL) {
            assert!(jump && !op.is_terminator(), "{op:?}: a conditional branch jumps or falls through");
        } else if jump {
            assert!(op.is_terminator(), "{op:?}: an unconditional jump never falls through");
        }
        if f.contains(OpFlags::BACK_EDGE) {
            assert!(jump && op.is_terminator() && f.contains(OpFlags::BREAKER), "{op:?}");
        }
        for arg in args() {
            if !jump {
                // Only a branch has a second stack picture.
                assert_eq!(op.pops_pushes(arg, true), op.pops_pushes(arg, false), "{op:?} {arg}");
            }
            if op.is_terminator() {
                // Nothing is left on the stack for a next instruction.
                assert_eq!(op.pops_pushes(arg, jump).1, 0, "{op:?} {arg}");
            }
        }
    }
}

#[test]
fn effects_and_feedback() {
    let words = [OpFlags::FB_KINDS, OpFlags::FB_NAME_INDEX, OpFlags::FB_GLOBAL, OpFlags::BACK_EDGE];
    for &op in Op::ALL {
        let f = op.flags();
        if f.contains(OpFlags::CALLS_OUT) || f.contains(OpFlags::BREAKER) {
            assert!(f.contains(OpFlags::MAY_RAISE), "{op:?}: running other code may raise");
        }
        // The feedback word has one encoding per opcode.
        assert!(words.iter().filter(|&&w| f.contains(w)).count() <= 1, "{op:?}");
        assert_eq!(op.feedback() != Feedback::None, f.intersects(words[0] | words[1] | words[2] | words[3]), "{op:?}");
        if f.contains(OpFlags::FB_KINDS) {
            // Operand kinds are profiled where a generic slow path exists.
            assert!(f.contains(OpFlags::CALLS_OUT), "{op:?}");
        }
        if f.intersects(OpFlags::FB_NAME_INDEX | OpFlags::FB_GLOBAL | OpFlags::ATTR_CACHE) {
            assert_eq!(op.arg_kind(), ArgKind::Name, "{op:?}: name caches are keyed by names[arg]");
        }
        if op.arg_kind() == ArgKind::None {
            let base = op.pops_pushes(0, false);
            assert!(args().all(|a| op.pops_pushes(a, false) == base), "{op:?}: no argument, fixed stack use");
        }
    }
    assert_eq!(Op::BinaryOp.feedback(), Feedback::Kinds);
    assert_eq!(Op::LoadName.feedback(), Feedback::NameIndex);
    assert_eq!(Op::LoadGlobal.feedback(), Feedback::GlobalCache);
    assert_eq!(Op::JumpBackward.feedback(), Feedback::BackEdges);
    assert_eq!(Op::StoreAttr.feedback(), Feedback::None);
}

fn all_codes(c: &Value, out: &mut Vec<Value>) {
    out.push(c.clone());
    if let Some(code) = c.payload::<Code>() {
        for k in code.consts.iter().filter(|k| k.payload::<Code>().is_some()) {
            all_codes(k, out);
        }
    }
}

fn python_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for p in rd.flatten().map(|e| e.path()) {
        if p.is_dir() {
            python_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// Every instruction the compiler emits for the library and the golden tests has an
/// argument in range for its kind.
#[test]
fn compiled_arguments_match_their_kinds() {
    let _gil = crate::vm::thread::hold_gil();
    crate::objects::registry::init();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    python_files(&root.join("lib"), &mut files);
    python_files(&root.join("jit-tests"), &mut files);
    let mut compiled = 0;
    for file in &files {
        let Ok(src) = std::fs::read_to_string(file) else { continue };
        // Some golden tests are meant not to compile.
        let Ok(c) = crate::compiler::compile(&src, "<test>", crate::compiler::Mode::Exec) else { continue };
        compiled += 1;
        let mut codes = Vec::new();
        all_codes(&c, &mut codes);
        for cv in &codes {
            let Some(code) = cv.payload::<Code>() else { continue };
            for (pc, cell) in code.instrs.iter().enumerate() {
                let ins = cell.get();
                let a = ins.arg as usize;
                let ok = match ins.op.arg_kind() {
                    ArgKind::None => a == 0,
                    ArgKind::Const => a < code.consts.len(),
                    ArgKind::Local => a < code.varnames.len(),
                    ArgKind::Cell => a >= code.varnames.len() && a < code.nlocalsplus(),
                    ArgKind::Name => a < code.names.len(),
                    ArgKind::Jump => a < code.instrs.len(),
                    ArgKind::BinOp => (a & !(INPLACE as usize)) < BinOp::ALL.len(),
                    ArgKind::CmpOp => a < CmpOp::ALL.len(),
                    ArgKind::Invert => a <= 1,
                    ArgKind::FunctionFlags => a < 16,
                    ArgKind::Count | ArgKind::Depth | ArgKind::Flags | ArgKind::CountPair => true,
                };
                assert!(ok, "{file:?} {:?} pc {pc}: {:?} {}", code.qualname.as_str(), ins.op, ins.arg);
            }
        }
    }
    assert!(compiled > 100, "only {compiled} files compiled");
}
