//! Character names for `unicodedata.name` and `lookup`: Hangul syllables and the
//! "PREFIX-HEX" ranges made by rule, the rest decoded from the generated word tables;
//! `lookup` by CPython's `_getcode` rules (case-insensitive, aliases and named sequences
//! only in the current version).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::generated::{
    ALIASES, LEXICON, LEXICON_OFFSETS, NAME_CPS, NAME_DATA, NAME_OFFSETS, NAME_RANGES, NAMED_SEQUENCES,
};

const S_BASE: u32 = 0xAC00;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = 19 * V_COUNT * T_COUNT;

/// The short names of the leading consonants, vowels and trailing consonants that make a
/// Hangul syllable's name (Unicode's Jamo.txt).
const JAMO_L: [&str; 19] =
    ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU",
    "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
    "SS", "NG", "J", "C", "K", "T", "P", "H",
];

const HANGUL_PREFIX: &str = "HANGUL SYLLABLE ";
const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";

/// The name of code point `c`, if it has one in Unicode 14.0.0.
pub fn name(c: u32) -> Option<String> {
    if (S_BASE..S_BASE + S_COUNT).contains(&c) {
        let s = c - S_BASE;
        let (l, v, t) = (s / (V_COUNT * T_COUNT), s % (V_COUNT * T_COUNT) / T_COUNT, s % T_COUNT);
        return Some(format!("{HANGUL_PREFIX}{}{}{}", JAMO_L[l as usize], JAMO_V[v as usize], JAMO_T[t as usize]));
    }
    if let Some(prefix) = range_prefix(c) {
        return Some(format!("{prefix}-{c:04X}"));
    }
    let i = NAME_CPS.binary_search(&c).ok()?;
    Some(decode(i))
}

/// The prefix of the rule-made name of `c`, if `c` is in one of the ranges.
fn range_prefix(c: u32) -> Option<&'static str> {
    let i = NAME_RANGES.partition_point(|&(lo, _, _)| lo <= c).checked_sub(1)?;
    let (_, hi, prefix) = NAME_RANGES[i];
    (c <= hi).then_some(prefix)
}

/// Explicit name number `i`, from its word numbers.
fn decode(i: usize) -> String {
    let data = &NAME_DATA[NAME_OFFSETS[i] as usize..NAME_OFFSETS[i + 1] as usize];
    let mut out = String::new();
    let mut k = 0;
    while k < data.len() {
        let mut w = data[k] as usize;
        k += 1;
        if w >= 0x80 {
            w = (w & 0x7F) << 8 | data.get(k).copied().unwrap_or(0) as usize;
            k += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&LEXICON[LEXICON_OFFSETS[w] as usize..LEXICON_OFFSETS[w + 1] as usize]);
    }
    out
}

/// What a name stands for.
#[derive(Clone, Copy)]
pub enum Found {
    Char(u32),
    /// A name alias: a character, but not in Unicode 3.2.0's database.
    Alias(u32),
    /// A named sequence (only `lookup` of the current version returns these).
    Sequence(&'static [u32]),
}

/// Every explicit name, alias and named sequence, upper case, built on first use.
fn table() -> &'static HashMap<String, Found> {
    static TABLE: OnceLock<HashMap<String, Found>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::with_capacity(NAME_CPS.len() + ALIASES.len() + NAMED_SEQUENCES.len());
        for (i, &c) in NAME_CPS.iter().enumerate() {
            t.insert(decode(i), Found::Char(c));
        }
        for &(n, c) in ALIASES {
            t.insert(n.to_string(), Found::Alias(c));
        }
        for &(n, s) in NAMED_SEQUENCES {
            t.insert(n.to_string(), Found::Sequence(s));
        }
        t
    })
}

/// The longest of `names` that `s` starts with, as (index, length).
fn longest_jamo(s: &[u8], names: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, n) in names.iter().enumerate() {
        if s.starts_with(n.as_bytes()) && best.is_none_or(|(_, len)| n.len() > len) {
            best = Some((i, n.len()));
        }
    }
    best
}

/// `HANGUL SYLLABLE ` followed by `rest`: leading, vowel and trailing short names, each
/// the longest that matches (as CPython's `find_syllable`).
fn hangul(rest: &[u8]) -> Option<u32> {
    let (l, n1) = longest_jamo(rest, &JAMO_L)?;
    let (v, n2) = longest_jamo(&rest[n1..], &JAMO_V)?;
    let (t, n3) = longest_jamo(&rest[n1 + n2..], &JAMO_T)?;
    (n1 + n2 + n3 == rest.len()).then(|| S_BASE + (l as u32 * V_COUNT + v as u32) * T_COUNT + t as u32)
}

/// `lookup(name)` over Unicode 14.0.0, or over 3.2.0 when `old` (where `assigned_3_2`
/// says which characters existed, and there are no aliases or named sequences).
pub fn lookup(name: &[u8], old: bool, assigned_3_2: impl Fn(u32) -> bool) -> Option<Found> {
    // Both rule-made prefixes match in upper case only, as in CPython.
    if let Some(rest) = name.strip_prefix(HANGUL_PREFIX.as_bytes()) {
        return hangul(rest).map(Found::Char);
    }
    if let Some(hex) = name.strip_prefix(CJK_PREFIX.as_bytes()) {
        // Four or five upper-case hex digits, naming a unified ideograph.
        if !(4..=5).contains(&hex.len()) || !hex.iter().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b)) {
            return None;
        }
        let c = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
        return (range_prefix(c) == Some(&CJK_PREFIX[..CJK_PREFIX.len() - 1])).then_some(Found::Char(c));
    }
    let upper = name.to_ascii_uppercase();
    let upper = std::str::from_utf8(&upper).ok()?;
    let found = match table().get(upper) {
        Some(&f) => f,
        None => Found::Char(ranged(upper)?),
    };
    match found {
        Found::Char(c) if old && !assigned_3_2(c) => None,
        Found::Alias(_) | Found::Sequence(_) if old => None,
        f => Some(f),
    }
}

/// A rule-made name other than the unified ideographs' ("CJK COMPATIBILITY
/// IDEOGRAPH-F900"), matched like a listed name: the hex exactly as `name` writes it.
fn ranged(upper: &str) -> Option<u32> {
    let (prefix, hex) = upper.rsplit_once('-')?;
    if prefix == &CJK_PREFIX[..CJK_PREFIX.len() - 1] {
        return None;
    }
    let c = u32::from_str_radix(hex, 16).ok()?;
    (range_prefix(c) == Some(prefix) && format!("{c:04X}") == hex).then_some(c)
}
