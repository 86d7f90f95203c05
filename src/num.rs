//! Numbers as text and back, without locale: the bottom of the crate. Reading a decimal
//! exactly, writing the shortest decimal that reads back, fixed decimals, rounding, clamping
//! and nice axis steps. Everything above uses these: `facts` (formulas), `i18n` (formats in
//! each language), `model` (the URL codec), `charts` (axes). This module uses nothing of the
//! crate, so no import circle can pass through it (tests/structure.rs checks the whole graph).
//!
//! No float formatter and no `str::parse::<f64>` here: core's float formatting and its exact
//! parser's table of powers of five cost about 8 and 10 KB of gzipped wasm.

/// Significant digits kept from a number read from text; more are rounded away.
pub const MAX_DIGITS: u32 = 15;
/// Decimal places kept from a number read from text; more are rounded away.
pub const MAX_DECIMALS: i32 = 12;

/// A decimal read from text: the first [`MAX_DIGITS`] significant digits as `mantissa ×
/// 10^exponent` (truncated, not rounded), the first digit dropped after them, and whether any
/// later dropped digit is not zero.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Decimal {
    negative: bool,
    mantissa: u64,
    exponent: i32,
    /// The first digit dropped (0 when none was).
    next: u8,
    /// True when a digit after `next` is not zero.
    sticky: bool,
}

/// Parse `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent).
fn parse_decimal(t: &str) -> Option<Decimal> {
    let b = t.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mantissa, mut exponent, mut digits, mut any) = (0u64, 0i32, 0u32, false);
    let (mut next, mut dropped, mut sticky) = (0u8, false, false);
    let mut seen_point = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                any = true;
                let d = c - b'0';
                if digits < MAX_DIGITS {
                    if mantissa > 0 || d > 0 {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + d as u64;
                    if seen_point {
                        exponent -= 1;
                    }
                } else {
                    // Beyond the digits we keep: the first dropped digit decides the rounding,
                    // the others only whether anything was dropped; count the magnitude.
                    if dropped {
                        sticky |= d > 0;
                    } else {
                        next = d;
                        dropped = true;
                    }
                    if !seen_point {
                        exponent = exponent.saturating_add(1);
                    }
                }
            }
            b'.' if !seen_point => seen_point = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if i < b.len() {
        // Exponent part.
        i += 1;
        let (mut eneg, mut e, mut edigits) = (false, 0i32, 0);
        if let Some(&s) = b.get(i) {
            if s == b'-' || s == b'+' {
                eneg = s == b'-';
                i += 1;
            }
        }
        while i < b.len() {
            let c = b[i];
            if !c.is_ascii_digit() {
                return None;
            }
            e = e.saturating_mul(10).saturating_add((c - b'0') as i32);
            edigits += 1;
            i += 1;
        }
        if edigits == 0 {
            return None;
        }
        exponent = exponent.saturating_add(if eneg { -e } else { e });
    }
    Some(Decimal { negative, mantissa, exponent, next, sticky })
}

/// Exact powers of ten as f64 (10^0 … 10^22 are representable exactly).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// Read a number strictly: a finite decimal or scientific notation, nothing else (no `inf`,
/// `NaN`, hex, spaces inside, or trailing text). The decimal is first rounded, once and half
/// away from zero on the first dropped digit, to at most [`MAX_DIGITS`] significant digits
/// and at most [`MAX_DECIMALS`] decimal places; `.1` of the result is true when that dropped
/// a digit other than zero. The rounded decimal then becomes the nearest `f64`.
///
/// Exact: the rounded decimal is `m × 10^k` with `m < 2^53`; for `-12 ≤ k ≤ 22` both factors
/// are exact `f64`s and one IEEE multiplication or division rounds correctly, and above that
/// `m × 10^(k−22)` is still exact below about 9·10³⁷. Larger magnitudes (beyond every range
/// of the model, which clamps them) are approximated. tests/num.rs checks this against an
/// independent big-integer reference and std's parser.
pub fn read_rounded(s: &str) -> Option<(f64, bool)> {
    let d = parse_decimal(s.trim())?;
    let (mut m, mut exponent, mut next, mut sticky) = (d.mantissa, d.exponent, d.next, d.sticky);
    if exponent < -MAX_DECIMALS {
        // Fewer places than the kept digits: the first dropped digit is one of the mantissa's.
        let drop = (-MAX_DECIMALS).saturating_sub(exponent) as u32;
        if drop > 19 {
            // m < 10^15: every kept digit lies below the first dropped place, which holds a 0.
            sticky |= next != 0 || m != 0;
            next = 0;
            m = 0;
        } else {
            let p = 10u64.pow(drop);
            let p1 = p / 10;
            let low = m % p;
            sticky |= next != 0 || low % p1 != 0;
            next = (low / p1) as u8;
            m /= p;
        }
        exponent = -MAX_DECIMALS;
    }
    let rounded = next != 0 || sticky;
    if next >= 5 {
        m += 1;
    }
    let x = if m == 0 {
        0.0
    } else if exponent < 0 {
        m as f64 / POW10[(-exponent) as usize] // m ≤ 10^15 < 2^53: exact
    } else if exponent <= 22 {
        m as f64 * POW10[exponent as usize]
    } else if exponent > 300 {
        f64::MAX
    } else {
        let k = (exponent - 22) as u32;
        match 10u64.checked_pow(k).and_then(|p| m.checked_mul(p)).filter(|&n| n < 1 << 53) {
            Some(n) => n as f64 * POW10[22],
            None => m as f64 * libm::pow(10.0, exponent as f64),
        }
    };
    let x = if d.negative { -x } else { x };
    x.is_finite().then_some((x, rounded))
}

/// Read a number (see [`read_rounded`]), ignoring whether digits were rounded away.
pub fn read(s: &str) -> Option<f64> {
    read_rounded(s).map(|(x, _)| x)
}

/// Round half away from zero to `digits` decimals, via libm so every target agrees.
pub fn round_to(x: f64, digits: i32) -> f64 {
    let f = libm::pow(10.0, digits as f64);
    f64::round(x * f) / f
}

/// `x` limited to `lo..=hi` (NaN stays NaN), like `f64::clamp` but without its panic
/// message, whose `{:?}` of two floats pulls core's float formatter (about 8 KB gzipped)
/// into the wasm. clippy.toml forbids `f64::clamp` for that reason.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// `x` with exactly `decimals` decimals (at most 12), rounded half away from zero.
///
/// Integer arithmetic instead of `format!("{:.2}")`: the standard exact float formatter adds
/// about 10 KB to the wasm, and this is all the page needs.
pub fn fixed(x: f64, decimals: usize) -> String {
    let d = decimals.min(12) as u32;
    let p = 10u64.pow(d);
    let v = f64::round(x.abs() * p as f64);
    if !v.is_finite() || v >= 9.0e15 {
        return out_of_range(x);
    }
    let n = v as u64;
    let sign = if x < 0.0 && n != 0 { "-" } else { "" };
    if d == 0 {
        format!("{sign}{n}")
    } else {
        format!("{sign}{}.{:0width$}", n / p, n % p, width = d as usize)
    }
}

/// What `fixed` writes for numbers it cannot write exactly (never reached by the page's
/// numbers, all far below 9·10¹⁵): the sign and "∞", or "NaN". No float formatter needed.
fn out_of_range(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    if x.is_nan() {
        "NaN".to_string()
    } else {
        format!("{sign}∞")
    }
}

/// Trim a decimal string's trailing zeros: "12.50" → "12.5", "3.00" → "3".
pub fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// The shortest text with at most 12 decimals that reads back (through [`read`]) to exactly
/// `x`; for numbers no such text reaches, the nearest 12-decimal text.
///
/// Every number [`read`] returns (≤ 15 significant digits, ≤ 12 decimals) comes back out
/// unchanged. Numbers of 9·10¹⁵ and more (never valid scenario values) are written as whole
/// numbers.
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return out_of_range(x);
    }
    if x.abs() >= 9.0e15 || x == f64::trunc(x) {
        return format!("{}", x as i64);
    }
    let mut best = None;
    let mut scale = 1.0;
    for d in 0..=12 {
        if x.abs() * scale >= 9.0e15 {
            break;
        }
        scale *= 10.0;
        let s = trim_zeros(fixed(x, d));
        if read(&s) == Some(x) {
            return s;
        }
        best = Some(s);
    }
    best.unwrap_or_else(|| format!("{}", f64::round(x) as i64))
}

/// Round up to 1, 2, 2.5 or 5 × a power of ten: a readable step (axes and histogram bins).
pub fn nice_step(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let p = libm::pow(10.0, f64::floor(libm::log10(x)));
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * p).find(|&s| s >= x * (1.0 - 1e-12)).unwrap_or(10.0 * p)
}

/// `steps` whole steps from `now` on the grid `min + k·step`, within `min..=max`, as a native
/// range input moves: from a value off the grid the first step lands on the next grid value in
/// that direction (12,730,000 with a step of 100,000 goes up to 12,800,000 and down to
/// 12,700,000), from a value on it a whole step.
pub fn step_on_grid(now: f64, min: f64, max: f64, step: f64, steps: i32) -> f64 {
    if step.is_nan() || step <= 0.0 || !now.is_finite() || steps == 0 {
        return clamp(now, min, max);
    }
    // A grid index a hair off a whole number (binary fractions) counts as on the grid.
    let q = (now - min) / step;
    let base = if steps > 0 { libm::floor(q + 1e-9) } else { libm::ceil(q - 1e-9) };
    clamp(min + (base + f64::from(steps)) * step, min, max)
}

/// 64-bit FNV-1a, fed in pieces: the one hash of the crate (the dataset's fingerprint, the
/// simulation's fingerprint, the copy check's fingerprint of the article). Not for security:
/// a short, stable, dependency-free checksum that anyone can recompute.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a64(u64);

impl Default for Fnv1a64 {
    fn default() -> Self {
        Fnv1a64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a64 {
    /// Feed bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The hash of everything fed so far.
    pub fn finish(&self) -> u64 {
        self.0
    }

    /// The hash of one piece of bytes.
    pub fn hash(bytes: &[u8]) -> u64 {
        let mut h = Fnv1a64::default();
        h.write(bytes);
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_from_a_value_off_the_grid_lands_on_the_next_grid_value_in_that_direction() {
        let b = |now, steps| step_on_grid(now, 0.0, 50_000_000.0, 100_000.0, steps);
        assert_eq!(b(12_730_000.0, 1), 12_800_000.0);
        assert_eq!(b(12_730_000.0, -1), 12_700_000.0);
        assert_eq!(b(12_700_000.0, 1), 12_800_000.0);
        assert_eq!(b(12_700_000.0, -1), 12_600_000.0);
        assert_eq!(b(12_730_000.0, 10), 13_700_000.0);
        assert_eq!(b(12_730_000.0, -10), 11_800_000.0);
        assert_eq!(b(50_000.0, -1), 0.0);
        assert_eq!(b(49_990_000.0, 10), 50_000_000.0);
        // The grid starts at the minimum, as a range input's does.
        assert_eq!(step_on_grid(5_250.0, 500.0, 50_000.0, 500.0, 1), 5_500.0);
        assert_eq!(step_on_grid(5_250.0, 500.0, 50_000.0, 500.0, -1), 5_000.0);
        assert_eq!(step_on_grid(0.3, 0.0, 1.0, 0.1, 1), 0.4);
    }

    #[test]
    fn numbers_are_written_in_the_fewest_digits_that_read_back_exactly() {
        for (x, text) in [
            (5000.0, "5000"),
            (0.85, "0.85"),
            (1.2, "1.2"),
            (-0.5, "-0.5"),
            (-0.0, "0"),
            (1e-12, "0.000000000001"),
            (123_456_789.123, "123456789.123"),
            (50_000_000.0, "50000000"),
        ] {
            assert_eq!(shortest(x), text);
            assert_eq!(read(text), Some(x), "{text}");
        }
        // No text of 12 decimals reads back to 0.1 + 0.2 exactly: the nearest one is used.
        assert_eq!(shortest(0.1 + 0.2), "0.3");
        assert_eq!(shortest(f64::INFINITY), "∞");
        assert_eq!(shortest(f64::NAN), "NaN");
    }

    #[test]
    fn clamping_keeps_not_a_number_and_limits_the_rest() {
        assert_eq!(clamp(-1.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(2.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(0.25, 0.0, 1.0), 0.25);
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero() {
        assert_eq!(fixed(2.345, 2), "2.35");
        assert_eq!(fixed(-0.004, 2), "0.00");
        assert_eq!(fixed(-1.5, 0), "-2");
        assert_eq!(fixed(12.5, 1), "12.5");
        assert_eq!(fixed(559_300.0, 0), "559300");
    }

    #[test]
    fn numbers_read_exactly_as_the_standard_parser_reads_them() {
        for s in [
            "0",
            "5000",
            "12730000",
            "0.1",
            "0.15",
            "1.5",
            "0.05",
            "87.144019528071",
            "2.303921568627",
            "1e7",
            "2.5E3",
            "-3",
            "+4.25",
            "123456789012345",
            "0.000000000001",
            ".5",
            "5.",
            "9007199254740993",
        ] {
            let ours = read(s);
            let std: Option<f64> = s.parse().ok();
            let significant =
                s.trim_start_matches(['+', '-', '0', '.']).chars().filter(|c| c.is_ascii_digit()).count();
            if significant <= 15 {
                assert_eq!(ours, std, "{s}");
            } else {
                assert!(ours.is_some(), "{s}");
            }
        }
    }

    #[test]
    fn digits_beyond_fifteen_or_twelve_decimals_are_rounded_with_a_notice() {
        assert_eq!(read_rounded("0.1234567890123456789"), Some((0.123456789012, true)));
        assert_eq!(read_rounded("1234567890123456789"), Some((1234567890123460000.0, true)));
        assert_eq!(read_rounded("0.1"), Some((0.1, false)));
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "inf", "NaN", "0x10", "1_000", "1 000", "1.2.3", "١٢", "12abc",
            "--1",
        ] {
            assert_eq!(read(s), None, "{s:?}");
        }
    }
}
