//! Where compiled code finds the items of a list or a tuple, and the state of a range or
//! list iterator.
//!
//! A list is a `RefCell<Vec<Value>>` and a tuple a `Box<[Value]>`; Rust fixes neither
//! layout, so the byte offsets of the borrow flag, the item pointer and the length are
//! found once, by looking at a list and a tuple built for the purpose, and each one is
//! checked to be unambiguous. When anything does not check out, the JIT has no layout
//! and compiled code indexes through its helpers instead.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::objects::list::PyList;
use crate::objects::tuple::PyTuple;
use crate::values::Value;

/// Byte offsets from the start of a payload. For a list `flag` is the `RefCell`'s borrow
/// flag (0 when not borrowed, negative while borrowed mutably: compiled code reads only
/// when it is not negative and writes only when it is 0) and `cap` the vector's capacity;
/// a tuple has neither (-1).
#[derive(Clone, Copy, Debug)]
pub struct ItemsLayout {
    pub flag: i32,
    pub ptr: i32,
    pub len: i32,
    pub cap: i32,
}

/// The layout of a list's items, if it could be established.
pub fn list() -> Option<ItemsLayout> {
    static L: OnceLock<Option<ItemsLayout>> = OnceLock::new();
    *L.get_or_init(find_list)
}

/// The layout of a tuple's items (`flag` unused), if it could be established.
pub fn tuple() -> Option<ItemsLayout> {
    static T: OnceLock<Option<ItemsLayout>> = OnceLock::new();
    *T.get_or_init(find_tuple)
}

/// The words of `*p`, read as plain memory.
///
/// # Safety
/// `p` points to a live `T` made only of initialised word-sized fields, and no mutable
/// reference into it is live.
pub(crate) unsafe fn words<T>(p: *const T) -> Vec<usize> {
    let n = std::mem::size_of::<T>() / 8;
    // SAFETY: the caller's contract; `n` words fit in a `T`.
    (0..n).map(|i| unsafe { (p as *const usize).add(i).read() }).collect()
}

/// The one index `hit` accepts, or `None` when none or several do.
pub(crate) fn only(n: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
    let mut it = (0..n).filter(|&i| hit(i));
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

fn find_list() -> Option<ItemsLayout> {
    if std::mem::size_of::<PyList>() % 8 != 0 {
        return None;
    }
    let mut v = Vec::with_capacity(5);
    v.extend([Value::small(1), Value::small(2)]);
    let l = PyList(RefCell::new(v));
    let p: *const PyList = &l;
    // SAFETY: `l` is live and nothing borrows its vector mutably here.
    let free = unsafe { words(p) };
    let items = l.0.borrow().as_ptr() as usize;
    let (shared, cap) = {
        let g = l.0.borrow();
        // SAFETY: as above (a shared borrow only).
        (unsafe { words(p) }, g.capacity())
    };
    let n = free.len();
    let flag = only(n, |i| free[i] == 0 && shared[i] == 1)?;
    let ptr = only(n, |i| free[i] == items)?;
    let len = only(n, |i| free[i] == 2 && i != flag)?;
    let cap_at = only(n, |i| free[i] == cap && i != flag)?;
    let all = [flag, ptr, len, cap_at];
    if cap <= 2 || (1..all.len()).any(|i| all[..i].contains(&all[i])) {
        return None;
    }
    {
        let _g = l.0.borrow_mut();
        // SAFETY: the flag word is the `Cell` outside the borrowed vector.
        let f = unsafe { (p as *const isize).add(flag).read() };
        if f >= 0 {
            return None;
        }
    }
    Some(ItemsLayout { flag: 8 * flag as i32, ptr: 8 * ptr as i32, len: 8 * len as i32, cap: 8 * cap_at as i32 })
}

fn find_tuple() -> Option<ItemsLayout> {
    if std::mem::size_of::<PyTuple>() != 16 {
        return None;
    }
    let t = PyTuple(vec![Value::small(1), Value::small(2), Value::small(3)].into_boxed_slice());
    // SAFETY: `t` is live and immutable.
    let w = unsafe { words(&t as *const PyTuple) };
    let ptr = only(2, |i| w[i] == t.0.as_ptr() as usize)?;
    let len = only(2, |i| w[i] == 3)?;
    (ptr != len).then_some(ItemsLayout { flag: -1, ptr: 8 * ptr as i32, len: 8 * len as i32, cap: -1 })
}

/// Byte offsets in a native iterator's payload (`PyNativeIter`, a
/// `RefCell<Box<dyn NativeIter>>`): the `RefCell`'s borrow flag and the box's data
/// pointer. An object of exact type `range_iterator` boxes a `RangeIter` and one of
/// `list_iterator` a `ListIter` (both `#[repr(C)]`: their fields are at fixed offsets).
#[derive(Clone, Copy, Debug)]
pub struct IterLayout {
    pub flag: i32,
    pub data: i32,
}

/// The layout of a native iterator, if it could be established.
pub fn native_iter() -> Option<IterLayout> {
    static I: OnceLock<Option<IterLayout>> = OnceLock::new();
    *I.get_or_init(find_native_iter)
}

fn find_native_iter() -> Option<IterLayout> {
    use crate::objects::iter::{NativeIter, PyNativeIter, RangeIter};
    if std::mem::size_of::<PyNativeIter>() != 24 {
        return None;
    }
    let b: Box<dyn NativeIter> = Box::new(RangeIter { next: 7, step: 1, remaining: 3 });
    let data = &*b as *const dyn NativeIter as *const u8 as usize;
    let it = PyNativeIter(RefCell::new(b));
    let p: *const PyNativeIter = &it;
    // SAFETY: `it` is live and nothing borrows it.
    let free = unsafe { words(p) };
    let shared = {
        let _g = it.0.borrow();
        // SAFETY: as above (a shared borrow only).
        unsafe { words(p) }
    };
    let flag = only(3, |i| free[i] == 0 && shared[i] == 1)?;
    let ptr = only(3, |i| free[i] == data)?;
    (flag != ptr).then_some(IterLayout { flag: 8 * flag as i32, data: 8 * ptr as i32 })
}

#[cfg(test)]
mod tests {
    #[test]
    fn layouts_are_found() {
        let l = super::list().expect("list layout");
        let t = super::tuple().expect("tuple layout");
        assert_ne!(l.ptr, l.len);
        assert_ne!(l.len, l.cap);
        assert_ne!(t.ptr, t.len);
        let i = super::native_iter().expect("native iterator layout");
        assert_ne!(i.flag, i.data);
    }
}
