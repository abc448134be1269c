//! Bytecode: the opcode table (each opcode defined once: argument kind, stack use, flags), code
//! objects, their typed feedback, and the disassembler behind `-X dump-bytecode`.

pub mod code;
pub mod dump;
pub mod feedback;
pub mod opcode;

pub use code::Code;
pub use opcode::{Instr, Op};
