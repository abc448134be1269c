//! Substring search for the str methods (`find`, `count`, `split`, `partition`, `replace`,
//! `in`): byte offsets over UTF-8, where a match of valid UTF-8 is always on a char
//! boundary. `str::find(&str)` sets up a two-way searcher per call, which costs more
//! than the search on the short strings programs mostly split and partition.

use memchr::memmem;

/// Byte offset of the first `needle` in `hay` (`Some(0)` for an empty needle).
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [] => Some(0),
        [b] => memchr::memchr(*b, hay.as_bytes()),
        n if n.len() > hay.len() => None,
        n => memmem::find(hay.as_bytes(), n),
    }
}

/// Byte offset of the last `needle` in `hay` (`Some(hay.len())` for an empty needle).
#[inline]
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [] => Some(hay.len()),
        [b] => memchr::memrchr(*b, hay.as_bytes()),
        n if n.len() > hay.len() => None,
        n => memmem::rfind(hay.as_bytes(), n),
    }
}

/// Non-overlapping occurrences of a non-empty `needle` in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        [] => 0,
        [b] => memchr::memchr_iter(*b, hay.as_bytes()).count(),
        n if n.len() > hay.len() => 0,
        n => memmem::find_iter(hay.as_bytes(), n).count(),
    }
}

/// `needle in hay`.
#[inline]
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}
