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

/// Validation by source timestamp (CPython's default).
const FLAGS_TIMESTAMP: u32 = 0;
/// Validation by a hash of the source (py_compile's `--invalidation-mode *-hash`).
const HASH_BASED: u32 = 0b01;
/// With `HASH_BASED`: the hash is checked against the source on load (`checked-hash`).
pub const CHECK_SOURCE: u32 = 0b10;

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

/// The header of a hash-validated `.pyc` (`hash`: `source_hash` of the source).
pub fn header_hashed(hash: u64, checked: bool) -> [u8; 16] {
    let mut h = [0u8; 16];
    let flags = HASH_BASED | if checked { CHECK_SOURCE } else { 0 };
    h[0..4].copy_from_slice(&magic());
    h[4..8].copy_from_slice(&flags.to_le_bytes());
    h[8..16].copy_from_slice(&hash.to_le_bytes());
    h
}

/// A 64-bit hash of source bytes (std's `DefaultHasher` with its fixed keys: stable for a
/// given Rust release; should a new one hash differently, files are just recompiled).
pub fn source_hash(src: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(src);
    h.finish()
}

/// The flags of a hash-based `.pyc` of this build (`None`: another kind, or not ours).
pub fn hash_based_flags(pyc: &[u8]) -> Option<u32> {
    let flags = u32::from_le_bytes(pyc.get(4..8)?.try_into().ok()?);
    (pyc[..4] == magic() && flags & !(HASH_BASED | CHECK_SOURCE) == 0 && flags & HASH_BASED != 0).then_some(flags)
}

/// The marshal data of `pyc` if it starts with the expected `header`; `None` for a stale,
/// foreign or truncated file.
pub fn body<'a>(pyc: &'a [u8], header: &[u8; 16]) -> Option<&'a [u8]> {
    (pyc.len() > 16 && pyc[..16] == header[..]).then(|| &pyc[16..])
}
