//! The global allocator: mimalloc, called through its plain `mi_malloc` family whenever the
//! requested alignment is one every mimalloc block has anyway.
//!
//! `mimalloc::MiMalloc` sends every request to `mi_malloc_aligned`. In mimalloc 3 that
//! function's fast path only takes a block already on the size class's free list; when
//! that list is empty it does not refill it (as `mi_malloc`'s generic path does) but
//! over-allocates from a larger class and returns an interior pointer. A size class that
//! ran dry once stayed on that path: 10% of str_ops' allocations went there, at ~160
//! instructions each.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Every mimalloc block is aligned to the word size (block sizes are multiples of 8 from
/// 8-aligned page starts).
const PLAIN_ALIGN: usize = 8;

pub struct Alloc;

// SAFETY: each method forwards to the mimalloc function with the same contract; blocks
// from `mi_malloc` and `mi_malloc_aligned` are both freed by `mi_free`, and a block is
// reallocated with the same alignment it was allocated with (Rust passes the old layout).
unsafe impl GlobalAlloc for Alloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: plain FFI calls; the alignment is a power of two (a `Layout` invariant).
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }
    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (the `GlobalAlloc` contract).
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }
    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`'s alignment.
        unsafe {
            if layout.align() <= PLAIN_ALIGN {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}
