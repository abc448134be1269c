//! Bytecode: the opcode table (each opcode defined once: argument kind, stack use, flags), code
//! objects, and the disassembler behind `-X dump-bytecode`.

pub mod code;
pub mod dump;
pub mod opcode;

pub use code::Code;
pub use opcode::{Instr, Op};
