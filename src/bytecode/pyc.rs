//! `.pyc` files: CPython's 16-byte header (magic, flags, source mtime, source size), then
//! the module's code object in marshal format (`bytecode::marshal`).
//!
//! The magic is pylift's own: two bytes of the build's bytecode fingerprint and `\r\n`,
//! as CPython spells its own (`importlib.util.MAGIC_NUMBER`). Two bytes can collide, so
//! the code record carries the whole fingerprint and a checksum too (`marshal/code.rs`):
//! another build's file, or a damaged one, is refused and the source compiled instead.

/// The four magic bytes of this build's `.pyc` files.
pub fn magic() -> [u8; 4] {
    let h = super::marshal::build_hash().to_le_bytes();
    [h[0], h[1], b'\r', b'\n']
}

/// Validation by source timestamp (CPython's default; hash-based files set other bits).
const FLAGS_TIMESTAMP: u32 = 0;

/// The header of a `.pyc` for a source with this mtime (seconds) and size; as CPython,
/// both are kept modulo 2**32.
pub fn header(mtime: u64, size: u64) -> [u8; 16] {
    let mut h = [0u8; 16];
    h[0..4].copy_from_slice(&magic());
    h[4..8].copy_from_slice(&FLAGS_TIMESTAMP.to_le_bytes());
    h[8..12].copy_from_slice(&(mtime as u32).to_le_bytes());
    h[12..16].copy_from_slice(&(size as u32).to_le_bytes());
    h
}

/// The marshal data of `pyc` if its header matches this build and the source's mtime and
/// size; `None` for a stale, foreign or truncated file.
pub fn body(pyc: &[u8], mtime: u64, size: u64) -> Option<&[u8]> {
    (pyc.len() > 16 && pyc[..16] == header(mtime, size)).then(|| &pyc[16..])
}
