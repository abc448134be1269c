//! The format-spec mini-language (`[[fill]align][sign][z][#][0][width][grouping][.precision][type]`)
//! as CPython 3.11 parses it, with padding helpers and the int/float/complex/str renderers.

use num_bigint::BigInt;

use crate::objects::int::IntVal;
use crate::vm::PyResult;
use crate::vm::errors::{overflow_error, value_error};

/// A parsed format spec (CPython's `InternalFormatSpec`).
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    /// The fill character (' ' unless given, or '0' from the zero flag).
    pub fill: char,
    /// `fill` was given explicitly with an alignment.
    pub fill_given: bool,
    /// '<', '>', '=' or '^' if given.
    pub align: Option<char>,
    /// '+', '-' or ' ' if given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive (3.11).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag was given (and no explicit fill).
    pub zero: bool,
    pub width: Option<usize>,
    /// ',' or '_' thousands separator.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, if given.
    pub ty: Option<char>,
}

impl FormatSpec {
    /// The alignment to use when none is given for an object whose default is `default`
    /// ('<' for strings, '>' for numbers); the zero flag makes numbers '='.
    pub fn align_or(&self, default: char) -> char {
        match self.align {
            Some(a) => a,
            None if self.zero && default == '>' => '=',
            None => default,
        }
    }
}

/// Parses a spec for `str` (errors name type 'str'), CPython's defaults for strings.
pub fn parse_spec(spec: &str) -> PyResult<FormatSpec> {
    parse_spec_default(spec, "str", Some('s'))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parses `spec`; `type_name` is used in the "Invalid format specifier" message.
pub fn parse_spec_for(spec: &str, type_name: &str) -> PyResult<FormatSpec> {
    parse_spec_default(spec, type_name, None)
}

/// Like [`parse_spec_for`]; `default_ty` is the type the grouping check assumes when the
/// spec gives none ('s' for strings, as CPython).
pub fn parse_spec_default(spec: &str, type_name: &str, default_ty: Option<char>) -> PyResult<FormatSpec> {
    // The chars of a short spec (all of them in practice) on the stack, no allocation.
    let mut buf = ['\0'; 16];
    let heap: Vec<char>;
    let c: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for ch in spec.chars() {
            buf[n] = ch;
            n += 1;
        }
        &buf[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let mut f = FormatSpec {
        fill: ' ',
        fill_given: false,
        align: None,
        sign: None,
        no_neg_0: false,
        alternate: false,
        zero: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut p = 0;
    if c.len() >= 2 && is_align(c[1]) {
        f.fill = c[0];
        f.fill_given = true;
        f.align = Some(c[1]);
        p = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        f.align = Some(c[0]);
        p = 1;
    }
    if let Some(&s) = c.get(p)
        && matches!(s, '+' | '-' | ' ')
    {
        f.sign = Some(s);
        p += 1;
    }
    if c.get(p) == Some(&'z') {
        f.no_neg_0 = true;
        p += 1;
    }
    if c.get(p) == Some(&'#') {
        f.alternate = true;
        p += 1;
    }
    if !f.fill_given && c.get(p) == Some(&'0') {
        f.fill = '0';
        f.zero = true;
        p += 1;
    }
    f.width = get_integer(c, &mut p)?;
    if c.get(p) == Some(&',') {
        f.grouping = Some(',');
        p += 1;
    }
    if c.get(p) == Some(&'_') {
        if f.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        p += 1;
    }
    if c.get(p) == Some(&',') && f.grouping == Some('_') {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if c.get(p) == Some(&'.') {
        p += 1;
        match get_integer(c, &mut p)? {
            Some(n) => f.precision = Some(n),
            None => return Err(value_error("Format specifier missing precision")),
        }
    }
    if c.len() - p > 1 {
        return Err(value_error(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    if c.len() - p == 1 {
        f.ty = Some(c[p]);
    }
    if let Some(g) = f.grouping {
        match f.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => return Err(value_error(format!("Cannot specify '{g}' with {}.", quote_type(t)))),
        }
    }
    Ok(f)
}

/// `'x'` for printable ASCII, `'\xNN'` otherwise (as CPython's messages show it).
fn quote_type(t: char) -> String {
    if (t as u32) > 32 && (t as u32) < 128 { format!("'{t}'") } else { format!("'\\x{:x}'", t as u32) }
}

fn get_integer(c: &[char], p: &mut usize) -> PyResult<Option<usize>> {
    let start = *p;
    let mut n: usize = 0;
    while let Some(d) = c.get(*p).and_then(|ch| ch.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        *p += 1;
    }
    Ok(if *p == start { None } else { Some(n) })
}

/// CPython's "Unknown format code" error.
pub fn unknown_code(t: char, type_name: &str) -> crate::vm::PyErr {
    let code = if (t as u32) > 32 && (t as u32) < 128 { t.to_string() } else { format!("\\x{:x}", t as u32) };
    value_error(format!("Unknown format code '{code}' for object of type '{type_name}'"))
}

/// Widths and precisions no machine can materialise fail like CPython's allocation does.
/// A str's precision only truncates and an int's is an error of its own: only float and
/// complex formats (`float_precision`) check it, with CPython's "precision too big" past
/// a C int.
fn check_size(spec: &FormatSpec, float_precision: bool) -> PyResult<()> {
    const LIMIT: usize = 1 << 30;
    if float_precision && spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    if spec.width.is_some_and(|w| w > LIMIT) || (float_precision && spec.precision.is_some_and(|p| p > LIMIT)) {
        return Err(crate::vm::errors::memory_error(""));
    }
    Ok(())
}

/// Pads `body` to the spec's width with its fill, using `align` ('<', '>', '^'; '=' acts
/// as '>' here).
pub fn pad(body: &str, spec: &FormatSpec, align: char) -> String {
    let n = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if n >= width {
        return body.to_owned();
    }
    let total = width - n;
    let (l, r) = match align {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut s = String::with_capacity(body.len() + total);
    s.extend(std::iter::repeat_n(spec.fill, l));
    s.push_str(body);
    s.extend(std::iter::repeat_n(spec.fill, r));
    s
}

/// `format(s, spec)` for a str (`str.__format__`), with the parsed spec.
pub fn format_str(s: &str, spec: &FormatSpec) -> PyResult<String> {
    check_size(spec, false)?;
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some('=') {
        return Err(value_error("'=' alignment not allowed in string format specifier"));
    }
    let body: std::borrow::Cow<str> = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => s[..i].into(),
            None => s.into(),
        },
        None => s.into(),
    };
    Ok(pad(&body, spec, spec.align_or('<')))
}

/// Inserts `sep` every `group` digits from the right, adding leading zeros until the
/// result is at least `min_width` long (CPython's zero-padding with grouping).
fn group_digits(digits: &str, sep: Option<char>, group: usize, min_width: usize) -> String {
    let Some(sep) = sep else {
        let mut s = String::new();
        s.extend(std::iter::repeat_n('0', min_width.saturating_sub(digits.len())));
        s.push_str(digits);
        return s;
    };
    let mut d = digits.len().max(1);
    while d + (d - 1) / group < min_width {
        d += 1;
    }
    let padded: Vec<char> = std::iter::repeat_n('0', d - digits.len().min(d)).chain(digits.chars()).collect();
    let mut out = String::with_capacity(d + d / group);
    for (i, ch) in padded.iter().enumerate() {
        if i > 0 && (d - i).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

/// Lays out a number: sign, prefix ("0x"), integer digits (grouped), remainder (".5e+10",
/// "%"), padded as the spec says (CPython's calc_number_widths + fill_number).
pub fn layout_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    remainder: &str,
    spec: &FormatSpec,
    group: usize,
    finite: bool,
) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let align = spec.align_or('>');
    let width = spec.width.unwrap_or(0);
    let fixed = sign.len() + prefix.len() + remainder.chars().count();
    let zero_grouped = spec.fill == '0' && align == '=' && finite;
    let min_width = if zero_grouped { width.saturating_sub(fixed) } else { 0 };
    let body_digits = if digits.is_empty() && !finite {
        String::new()
    } else {
        group_digits(digits, spec.grouping, group, min_width)
    };
    let n = fixed + body_digits.chars().count();
    let total = width.saturating_sub(n);
    let mut s = String::with_capacity(n + total);
    let fill = |s: &mut String, k: usize| s.extend(std::iter::repeat_n(spec.fill, k));
    match align {
        '<' => {
            s.push_str(sign);
            s.push_str(prefix);
            s.push_str(&body_digits);
            s.push_str(remainder);
            fill(&mut s, total);
        }
        '^' => {
            fill(&mut s, total / 2);
            s.push_str(sign);
            s.push_str(prefix);
            s.push_str(&body_digits);
            s.push_str(remainder);
            fill(&mut s, total - total / 2);
        }
        '=' => {
            s.push_str(sign);
            s.push_str(prefix);
            fill(&mut s, total);
            s.push_str(&body_digits);
            s.push_str(remainder);
        }
        _ => {
            fill(&mut s, total);
            s.push_str(sign);
            s.push_str(prefix);
            s.push_str(&body_digits);
            s.push_str(remainder);
        }
    }
    s
}

/// The decimal-digit limit for int<->str conversion (`sys.set_int_max_str_digits`); 0 = none.
pub static INT_MAX_STR_DIGITS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(4300);

/// Decimal digits of `|v|`, enforcing the int/str conversion digit limit.
pub fn decimal_digits(v: &BigInt) -> PyResult<String> {
    let limit = INT_MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed);
    let too_big = || {
        value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if limit > 0 {
        // bits * log10(2) bounds the digit count from below (minus one).
        let bits = v.bits();
        if (bits as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
            return Err(too_big());
        }
    }
    let s = v.magnitude().to_str_radix(10);
    if limit > 0 && s.len() > limit {
        return Err(too_big());
    }
    Ok(s)
}

/// `format(int, spec)` for a parsed spec; `type_name` names the object in errors
/// ('int', 'bool', a subclass). Float presentation types convert to float first.
pub fn format_int(v: IntVal<'_>, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_size(spec, false)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = v.to_f64()?;
            return format_float(f, spec);
        }
        t => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some() {
        return Err(value_error("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let Some(i) = v.as_i64() else {
            return Err(overflow_error("Python int too large to convert to C long"));
        };
        let ch = u32::try_from(i)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| overflow_error("%c arg not in range(0x110000)"))?;
        // Lone surrogates cannot live in a Rust string; CPython would make one.
        let ch = char::from_u32(ch).unwrap_or('\u{fffd}');
        let mut buf = [0u8; 4];
        return Ok(layout_number(false, "", "", ch.encode_utf8(&mut buf), spec, 3, false));
    }
    let (digits, prefix, group) = match v {
        // Small ints: no BigInt round trip.
        IntVal::S(i) => {
            let m = i.unsigned_abs();
            match ty {
                'b' => (format!("{m:b}"), "0b", 4),
                'o' => (format!("{m:o}"), "0o", 4),
                'x' => (format!("{m:x}"), "0x", 4),
                'X' => (format!("{m:X}"), "0X", 4),
                _ => (itoa::Buffer::new().format(m).to_owned(), "", 3),
            }
        }
        IntVal::B(b) => match ty {
            'b' => (b.magnitude().to_str_radix(2), "0b", 4),
            'o' => (b.magnitude().to_str_radix(8), "0o", 4),
            'x' => (b.magnitude().to_str_radix(16), "0x", 4),
            'X' => (b.magnitude().to_str_radix(16).to_uppercase(), "0X", 4),
            _ => (decimal_digits(b)?, "", 3),
        },
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout_number(v.is_negative(), prefix, &digits, "", spec, group, true))
}

/// Options of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
pub struct FloatFlags {
    /// `#`: keep trailing zeros / the decimal point.
    pub alt: bool,
    /// Append ".0" to integral fixed-point results (repr, and format without a type).
    pub add_dot_0: bool,
    /// `z`: turn a negative zero result into a positive one.
    pub no_neg_0: bool,
}

/// The decimal digits (no leading zeros, at least one) and the decimal point position of
/// `x` (finite, >= 0): `x ≈ 0.d1d2d3... × 10^decpt`. `ndigits` = None for the shortest
/// round-trip digits, else that many significant digits correctly rounded.
fn sig_digits(x: f64, ndigits: Option<usize>) -> (String, i32) {
    let s = match ndigits {
        None => {
            // Rust's shortest digits break a tie between two equally near candidates
            // upwards; CPython's dtoa takes the correctly rounded (half-even) one when it
            // round-trips too.
            let short = format!("{x:e}");
            let n = short.split('e').next().map_or(1, |m| m.bytes().filter(u8::is_ascii_digit).count());
            let cr = format!("{:.*e}", n.saturating_sub(1), x);
            if cr != short && cr.parse::<f64>() == Ok(x) { cr } else { short }
        }
        Some(n) => format!("{:.*e}", n.saturating_sub(1), x),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// `PyOS_double_to_string(x, ty, precision, flags)`: `ty` is one of 'e','E','f','F','g','G'
/// or 'r' (repr: shortest round-trip, precision ignored).
pub fn float_to_string(x: f64, ty: char, precision: usize, flags: FloatFlags) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if x.is_nan() {
        return if upper { "NAN".into() } else { "nan".into() };
    }
    let neg = x.is_sign_negative();
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if neg { format!("-{s}") } else { s.into() };
    }
    let a = x.abs();
    let lower = ty.to_ascii_lowercase();
    let mut body = match lower {
        'f' => {
            let mut s = format!("{a:.precision$}");
            if flags.alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' => {
            let (digits, decpt) = sig_digits(a, Some(precision + 1));
            let digits = if a == 0.0 { "0".repeat(precision + 1) } else { digits };
            let exp = if a == 0.0 { 0 } else { decpt - 1 };
            exp_form(&digits, exp, flags.alt, upper)
        }
        _ => {
            // 'g' and 'r'.
            let p = if lower == 'r' { 17 } else { precision.max(1) };
            let (mut digits, mut decpt) = if lower == 'r' { sig_digits(a, None) } else { sig_digits(a, Some(p)) };
            if a == 0.0 {
                digits = "0".into();
                decpt = 1;
            }
            // Trailing zeros are not significant (dtoa mode 2 drops them).
            while digits.len() > 1 && digits.ends_with('0') {
                digits.pop();
            }
            let use_exp = if lower == 'r' {
                decpt <= -4 || decpt > 16
            } else {
                decpt <= -4 || decpt > if flags.add_dot_0 { p as i32 - 1 } else { p as i32 }
            };
            if flags.alt && lower == 'g' {
                // '#' keeps trailing zeros up to the precision.
                while digits.len() < p {
                    digits.push('0');
                }
            }
            if use_exp {
                exp_form(&digits, decpt - 1, flags.alt, upper)
            } else {
                let mut s = fixed_form(&digits, decpt);
                if flags.alt && !s.contains('.') {
                    s.push('.');
                }
                if flags.add_dot_0 {
                    if !s.contains('.') {
                        s.push_str(".0");
                    } else if s.ends_with('.') {
                        s.push('0');
                    }
                }
                s
            }
        }
    };
    if upper {
        body = body.to_uppercase();
    }
    let is_zero = body.split(['e', 'E']).next().is_some_and(|m| m.chars().all(|c| c == '0' || c == '.'));
    if neg && !(flags.no_neg_0 && is_zero) { format!("-{body}") } else { body }
}

fn exp_form(digits: &str, exp: i32, alt: bool, _upper: bool) -> String {
    let mut s = String::with_capacity(digits.len() + 6);
    s.push_str(&digits[..1]);
    if digits.len() > 1 || alt {
        s.push('.');
        s.push_str(&digits[1..]);
    }
    s.push('e');
    s.push(if exp < 0 { '-' } else { '+' });
    s.push_str(&format!("{:02}", exp.unsigned_abs()));
    s
}

fn fixed_form(digits: &str, decpt: i32) -> String {
    if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt as usize >= digits.len() {
        format!("{}{}", digits, "0".repeat(decpt as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..decpt as usize], &digits[decpt as usize..])
    }
}

/// `repr(float)`.
pub fn float_repr(x: f64) -> String {
    float_to_string(x, 'r', 0, FloatFlags { add_dot_0: true, ..Default::default() })
}

/// `format(float, spec)` for a parsed spec.
pub fn format_float(x: f64, spec: &FormatSpec) -> PyResult<String> {
    format_float_typed(x, spec, "float")
}

pub fn format_float_typed(x: f64, spec: &FormatSpec, type_name: &str) -> PyResult<String> {
    check_size(spec, true)?;
    let mut flags = FloatFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..Default::default() };
    let mut ty = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            'r'
        }
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => t,
        Some('n') => 'g',
        Some(t) => return Err(unknown_code(t, type_name)),
    };
    let mut x = x;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        x *= 100.0;
        pct = true;
    }
    let precision = match spec.precision {
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(value_error("precision too big"));
            }
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => {
            if ty == 'r' {
                0
            } else {
                6
            }
        }
    };
    let s = float_to_string(x, ty, precision, flags);
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.as_str()),
    };
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, rest) = s.split_at(split);
    let mut remainder = rest.to_owned();
    if pct {
        remainder.push('%');
    }
    Ok(layout_number(neg, "", digits, &remainder, spec, 3, x.is_finite()))
}

/// `repr(complex)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let ims = float_to_string(im, 'r', 0, FloatFlags::default());
    if re == 0.0 && re.is_sign_positive() {
        return format!("{ims}j");
    }
    let res = float_to_string(re, 'r', 0, FloatFlags::default());
    let sign = if ims.starts_with('-') { "" } else { "+" };
    format!("({res}{sign}{ims}j)")
}

/// `format(complex, spec)` for a parsed spec.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> PyResult<String> {
    check_size(spec, true)?;
    if let Some(t) = spec.ty.filter(|t| !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) {
        return Err(unknown_code(t, "complex"));
    }
    if spec.fill == '0' {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    let flags = FloatFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..Default::default() };
    let (ty, precision, skip_re, add_parens) = match spec.ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            match spec.precision {
                Some(p) => ('g', p, skip, !skip),
                None => ('r', 0, skip, !skip),
            }
        }
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => (t, spec.precision.unwrap_or(6), false, false),
        Some('n') => ('g', spec.precision.unwrap_or(6), false, false),
        Some(t) => return Err(unknown_code(t, "complex")),
    };
    let res = float_to_string(re, ty, precision, flags);
    let ims = float_to_string(im, ty, precision, flags);
    let re_sign = match (res.starts_with('-'), spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let im_sign = if ims.starts_with('-') {
        "-"
    } else if skip_re {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    } else {
        "+"
    };
    let res_body = res.trim_start_matches('-');
    let ims_body = ims.trim_start_matches('-');
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(re_sign);
        body.push_str(res_body);
    }
    body.push_str(im_sign);
    body.push_str(ims_body);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    Ok(pad(&body, spec, spec.align_or('>')))
}

#[cfg(test)]
#[path = "format_spec/tests.rs"]
mod tests;

/// `repr(str)`: quotes chosen like CPython, with backslash escapes for non-printables.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}
