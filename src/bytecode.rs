//! Bytecode: the opcode table (each opcode defined once: argument kind, stack use, flags), code
//! objects, their typed feedback, the disassembler behind `-X dump-bytecode`, and their
//! serialized form (the marshal format, `.pyc` files).

pub mod code;
pub mod dump;
pub mod feedback;
pub mod marshal;
pub mod opcode;
pub mod pyc;

pub use code::Code;
pub use opcode::{Instr, Op};
