//! CPython 3.11's timsort merging (powersort run ordering, galloping merge_lo/merge_hi), over
//! positions into a key array, so sorts make the same `<` calls as CPython. A failed
//! comparison leaves the positions a permutation (CPython's partial order).

use super::sort::{binarysort, compute_minrun, count_run};
use crate::objects::sequtil::lt;
use crate::values::Value;
use crate::vm::{PyResult, Vm};

const MIN_GALLOP: usize = 7;

/// Timsort state: the pending runs (start, len, power) and the galloping threshold.
struct Merger<'k> {
    keys: &'k [Value],
    pending: Vec<(usize, usize, u32)>,
    min_gallop: usize,
}

impl Merger<'_> {
    #[inline]
    fn lt(&self, vm: &mut Vm, a: usize, b: usize) -> PyResult<bool> {
        lt(vm, &self.keys[a], &self.keys[b])
    }

    /// gallop_left: where `key` goes in sorted `a`, left of any equal elements.
    fn gallop_left(&self, vm: &mut Vm, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (lastofs, mut ofs);
        if self.lt(vm, a[hint], key)? {
            let maxofs = n - hint;
            let mut last = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(vm, a[hint + ofs], key)? {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            // Exclusive lower bound `last + hint` becomes inclusive `+ 1`.
            lastofs = last + hint + 1;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            let mut last = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(vm, a[hint - ofs], key)? {
                    break;
                }
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs = hint + 1 - ofs;
            ofs = hint - last;
        }
        let mut lo = lastofs;
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(vm, a[m], key)? {
                lo = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs)
    }

    /// gallop_right: where `key` goes in sorted `a`, right of any equal elements.
    fn gallop_right(&self, vm: &mut Vm, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (lastofs, mut ofs);
        if self.lt(vm, key, a[hint])? {
            let maxofs = hint + 1;
            let mut last = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(vm, key, a[hint - ofs])? {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs = hint + 1 - ofs;
            ofs = hint - last;
        } else {
            let maxofs = n - hint;
            let mut last = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(vm, key, a[hint + ofs])? {
                    break;
                }
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs = last + hint + 1;
            ofs += hint;
        }
        let mut lo = lastofs;
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(vm, key, a[m])? {
                ofs = m;
            } else {
                lo = m + 1;
            }
        }
        Ok(ofs)
    }

    /// merge_at: merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, vm: &mut Vm, idx: &mut [usize], i: usize) -> PyResult<()> {
        let (sa, na, power) = self.pending[i];
        let (sb, nb, _) = self.pending[i + 1];
        self.pending[i] = (sa, na + nb, power);
        self.pending.remove(i + 1);
        let k = self.gallop_right(vm, idx[sb], &idx[sa..sa + na], 0)?;
        let (sa, na) = (sa + k, na - k);
        if na == 0 {
            return Ok(());
        }
        let nb = self.gallop_left(vm, idx[sa + na - 1], &idx[sb..sb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb { self.merge_lo(vm, idx, sa, na, sb, nb) } else { self.merge_hi(vm, idx, sa, na, sb, nb) }
    }

    fn merge_lo(&mut self, vm: &mut Vm, idx: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = idx[sa..sa + na].to_vec();
        let mut st = Lo { pa: 0, na, pb: sb, nb, dest: sa };
        let r = self.merge_lo_body(vm, idx, &tmp, &mut st);
        let Lo { pa, na, pb, nb, dest } = st;
        match r {
            Ok(true) => {
                // CopyB: the rest of b, then the last element of a.
                idx.copy_within(pb..pb + nb, dest);
                idx[dest + nb] = tmp[pa];
                Ok(())
            }
            Ok(false) => {
                idx[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Ok(())
            }
            Err(e) => {
                idx[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Err(e)
            }
        }
    }

    /// The loop of merge_lo; `Ok(true)` means "CopyB" (one element of a left).
    fn merge_lo_body(&mut self, vm: &mut Vm, idx: &mut [usize], tmp: &[usize], s: &mut Lo) -> PyResult<bool> {
        idx[s.dest] = idx[s.pb];
        s.dest += 1;
        s.pb += 1;
        s.nb -= 1;
        if s.nb == 0 {
            return Ok(false);
        }
        if s.na == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if self.lt(vm, idx[s.pb], tmp[s.pa])? {
                    idx[s.dest] = idx[s.pb];
                    s.dest += 1;
                    s.pb += 1;
                    bcount += 1;
                    acount = 0;
                    s.nb -= 1;
                    if s.nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    idx[s.dest] = tmp[s.pa];
                    s.dest += 1;
                    s.pa += 1;
                    acount += 1;
                    bcount = 0;
                    s.na -= 1;
                    if s.na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = self.gallop_right(vm, idx[s.pb], &tmp[s.pa..s.pa + s.na], 0)?;
                acount = k;
                if k > 0 {
                    idx[s.dest..s.dest + k].copy_from_slice(&tmp[s.pa..s.pa + k]);
                    s.dest += k;
                    s.pa += k;
                    s.na -= k;
                    if s.na == 1 {
                        return Ok(true);
                    }
                    if s.na == 0 {
                        return Ok(false);
                    }
                }
                idx[s.dest] = idx[s.pb];
                s.dest += 1;
                s.pb += 1;
                s.nb -= 1;
                if s.nb == 0 {
                    return Ok(false);
                }
                let k = self.gallop_left(vm, tmp[s.pa], &idx[s.pb..s.pb + s.nb], 0)?;
                bcount = k;
                if k > 0 {
                    idx.copy_within(s.pb..s.pb + k, s.dest);
                    s.dest += k;
                    s.pb += k;
                    s.nb -= k;
                    if s.nb == 0 {
                        return Ok(false);
                    }
                }
                idx[s.dest] = tmp[s.pa];
                s.dest += 1;
                s.pa += 1;
                s.na -= 1;
                if s.na == 1 {
                    return Ok(true);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    fn merge_hi(&mut self, vm: &mut Vm, idx: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = idx[sb..sb + nb].to_vec();
        // `pa`, `pb` and `dest` are one past the current element (kept unsigned).
        let mut st = Hi { sa, pa: sa + na, na, pb: nb, nb, dest: sb + nb };
        let r = self.merge_hi_body(vm, idx, &tmp, &mut st);
        let Hi { pa, na, nb, dest, .. } = st;
        match r {
            Ok(true) => {
                // CopyA: the rest of a moves right by one; b's first element goes in front.
                let (d, p) = (dest - na, pa - na);
                idx.copy_within(p..p + na, d);
                idx[d - 1] = tmp[0];
                Ok(())
            }
            Ok(false) | Err(_) => {
                idx[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                r.map(|_| ())
            }
        }
    }

    /// The loop of merge_hi; `Ok(true)` means "CopyA" (one element of b left).
    fn merge_hi_body(&mut self, vm: &mut Vm, idx: &mut [usize], tmp: &[usize], s: &mut Hi) -> PyResult<bool> {
        s.dest -= 1;
        s.pa -= 1;
        idx[s.dest] = idx[s.pa];
        s.na -= 1;
        if s.na == 0 {
            return Ok(false);
        }
        if s.nb == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if self.lt(vm, tmp[s.pb - 1], idx[s.pa - 1])? {
                    s.dest -= 1;
                    s.pa -= 1;
                    idx[s.dest] = idx[s.pa];
                    acount += 1;
                    bcount = 0;
                    s.na -= 1;
                    if s.na == 0 {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    s.dest -= 1;
                    s.pb -= 1;
                    idx[s.dest] = tmp[s.pb];
                    bcount += 1;
                    acount = 0;
                    s.nb -= 1;
                    if s.nb == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let base_a: Vec<usize> = idx[s.sa..s.sa + s.na].to_vec();
                let k = s.na - self.gallop_right(vm, tmp[s.pb - 1], &base_a, s.na - 1)?;
                acount = k;
                if k > 0 {
                    s.dest -= k;
                    s.pa -= k;
                    idx.copy_within(s.pa..s.pa + k, s.dest);
                    s.na -= k;
                    if s.na == 0 {
                        return Ok(false);
                    }
                }
                s.dest -= 1;
                s.pb -= 1;
                idx[s.dest] = tmp[s.pb];
                s.nb -= 1;
                if s.nb == 1 {
                    return Ok(true);
                }
                let k = s.nb - self.gallop_left(vm, idx[s.pa - 1], &tmp[..s.nb], s.nb - 1)?;
                bcount = k;
                if k > 0 {
                    s.dest -= k;
                    s.pb -= k;
                    idx[s.dest..s.dest + k].copy_from_slice(&tmp[s.pb..s.pb + k]);
                    s.nb -= k;
                    if s.nb == 1 {
                        return Ok(true);
                    }
                    if s.nb == 0 {
                        return Ok(false);
                    }
                }
                s.dest -= 1;
                s.pa -= 1;
                idx[s.dest] = idx[s.pa];
                s.na -= 1;
                if s.na == 0 {
                    return Ok(false);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

struct Lo {
    pa: usize,
    na: usize,
    pb: usize,
    nb: usize,
    dest: usize,
}

struct Hi {
    sa: usize,
    pa: usize,
    na: usize,
    pb: usize,
    nb: usize,
    dest: usize,
}

/// powersort's power of the boundary between runs (s1, n1) and (s1 + n1, n2) of `n` items.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// Sorts `keys`' positions `idx` stably by `<`, exactly as CPython's list.sort does.
pub fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut [usize]) -> PyResult<()> {
    let n = keys.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = compute_minrun(n);
    let mut ms = Merger { keys, pending: Vec::new(), min_gallop: MIN_GALLOP };
    let mut lo = 0;
    while lo < n {
        let (mut len, desc) = count_run(vm, keys, idx, lo, n)?;
        if desc {
            idx[lo..lo + len].reverse();
        }
        if len < minrun {
            let force = (n - lo).min(minrun);
            binarysort(vm, keys, idx, lo, lo + force, lo + len)?;
            len = force;
        }
        // found_new_run: merge while the previous boundary's power is larger.
        if let Some(&(s1, n1, _)) = ms.pending.last() {
            let power = powerloop(s1, n1, len, n);
            while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].2 > power {
                let at = ms.pending.len() - 2;
                ms.merge_at(vm, idx, at)?;
            }
            if let Some(last) = ms.pending.last_mut() {
                last.2 = power;
            }
        }
        ms.pending.push((lo, len, 0));
        lo += len;
    }
    while ms.pending.len() > 1 {
        let mut at = ms.pending.len() - 2;
        if at > 0 && ms.pending[at - 1].1 < ms.pending[at + 1].1 {
            at -= 1;
        }
        ms.merge_at(vm, idx, at)?;
    }
    Ok(())
}
