//! The four normalization forms, step for step as CPython's `nfd_nfkd` and `nfc_nfkc`
//! (so odd inputs come out the same): decomposition with Hangul by rule, canonical
//! reordering by insertion, then composition over the primary composites. For Unicode
//! 3.2.0 (`old`) characters unassigned then stay as they are and the corrected
//! decompositions are undone, while combining classes and compositions stay the current
//! ones, as in CPython.

use super::generated::{COMPOSE, CORRECTIONS_3_2};
use super::{assigned_3_2, decomposition_of, record};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

fn combining(c: u32) -> u8 {
    record(c).combining
}

/// NFD, or NFKD when `compat`, as code points.
pub fn decompose(s: &str, compat: bool, old: bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    let mut stack = Vec::new();
    for ch in s.chars() {
        stack.push(ch as u32);
        while let Some(code) = stack.pop() {
            if (S_BASE..S_BASE + S_COUNT).contains(&code) {
                let i = code - S_BASE;
                out.push(L_BASE + i / N_COUNT);
                out.push(V_BASE + i % N_COUNT / T_COUNT);
                if i % T_COUNT != 0 {
                    out.push(T_BASE + i % T_COUNT);
                }
                continue;
            }
            if old {
                if let Ok(k) = CORRECTIONS_3_2.binary_search_by_key(&code, |&(c, _)| c) {
                    stack.push(CORRECTIONS_3_2[k].1);
                    continue;
                }
            }
            let d = if old && !assigned_3_2(code) { None } else { decomposition_of(code) };
            match d {
                Some((tag, parts)) if tag == 0 || compat => stack.extend(parts.iter().rev()),
                _ => out.push(code),
            }
        }
    }
    reorder(&mut out);
    out
}

/// Canonical ordering: each non-starter moves back past the non-starters of a higher
/// class before it.
fn reorder(s: &mut [u32]) {
    if s.is_empty() {
        return;
    }
    let mut prev = combining(s[0]);
    for i in 1..s.len() {
        let cur = combining(s[i]);
        if prev == 0 || cur == 0 || prev <= cur {
            prev = cur;
            continue;
        }
        let mut o = i - 1;
        loop {
            s.swap(o, o + 1);
            if o == 0 {
                break;
            }
            o -= 1;
            let p = combining(s[o]);
            if p == 0 || p <= cur {
                break;
            }
        }
        prev = combining(s[i]);
    }
}

/// The primary composite of `a` and `b`, if any.
fn compose_pair(a: u32, b: u32) -> Option<u32> {
    COMPOSE.binary_search_by_key(&(a, b), |&(x, y, _)| (x, y)).ok().map(|k| COMPOSE[k].2)
}

/// Does `a` start any primary composite?
fn is_first(a: u32) -> bool {
    let k = COMPOSE.partition_point(|&(x, _, _)| x < a);
    COMPOSE.get(k).is_some_and(|&(x, _, _)| x == a)
}

/// NFC (or NFKC) from the NFD (or NFKD) in `s`.
pub fn compose(s: &[u32]) -> Vec<u32> {
    let len = s.len();
    let mut out = Vec::with_capacity(len);
    // Positions already combined into an earlier character.
    let mut skipped: Vec<usize> = Vec::new();
    let mut i = 0;
    'outer: while i < len {
        if let Some(k) = skipped.iter().position(|&p| p == i) {
            skipped.swap_remove(k);
            i += 1;
            continue 'outer;
        }
        let code = s[i];
        // Hangul: a leading consonant and a vowel (then maybe a trailing consonant).
        if (L_BASE..L_BASE + L_COUNT).contains(&code) && i + 1 < len && (V_BASE..V_BASE + V_COUNT).contains(&s[i + 1]) {
            let mut syl = S_BASE + ((code - L_BASE) * V_COUNT + (s[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if i < len && T_BASE < s[i] && s[i] < T_BASE + T_COUNT {
                syl += s[i] - T_BASE;
                i += 1;
            }
            out.push(syl);
            continue;
        }
        if !is_first(code) {
            out.push(code);
            i += 1;
            continue;
        }
        let mut cur = code;
        let mut comb = 0u8;
        let mut i1 = i + 1;
        while i1 < len {
            let code1 = s[i1];
            let comb1 = combining(code1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    // Blocked by a non-starter of the same or a higher class.
                    i1 += 1;
                    continue;
                }
            }
            match compose_pair(cur, code1) {
                Some(c) => {
                    cur = c;
                    skipped.push(i1);
                    i1 += 1;
                    if !is_first(cur) {
                        break;
                    }
                }
                None => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(cur);
        i += 1;
    }
    out
}
