//! The exact decimal reader (`num::read_rounded`) against an independent reference: big-integer
//! rounding of the decimal (num-bigint), then std's correctly rounded parser for the result.

use helong::num::{read_rounded, shortest, MAX_DECIMALS, MAX_DIGITS};
use num_bigint::BigUint;
use proptest::prelude::*;

/// What the reader promises, computed another way: the decimal rounded half away from zero,
/// once, to at most MAX_DIGITS significant digits and MAX_DECIMALS places, then the nearest f64
/// (std's parser); and whether a digit other than zero was dropped.
fn reference(sign: bool, int: &str, frac: &str, exp: i32) -> (f64, bool) {
    let digits = format!("{int}{frac}");
    let value = BigUint::parse_bytes(digits.as_bytes(), 10).expect("digits");
    // value × 10^scale is the number.
    let scale = exp - frac.len() as i32;
    if value == BigUint::from(0u32) {
        return (if sign { -0.0 } else { 0.0 }, false);
    }
    let sig = value.to_str_radix(10).len() as i32;
    // The exponent of the last place kept.
    let last = (scale + sig - MAX_DIGITS as i32).max(-MAX_DECIMALS);
    let (kept, rounded) = if last <= scale {
        (value * BigUint::from(10u32).pow((scale - last) as u32), false)
    } else {
        let p = BigUint::from(10u32).pow((last - scale) as u32);
        let q = &value / &p;
        let r = &value % &p;
        let up = &r * 2u32 >= p;
        (if up { q + 1u32 } else { q }, r != BigUint::from(0u32))
    };
    let text = format!("{}{}e{}", if sign { "-" } else { "" }, kept, last);
    (text.parse::<f64>().expect("std reads it"), rounded)
}

fn check(sign: bool, int: &str, frac: &str, exp: Option<i32>) -> Result<(), TestCaseError> {
    let mut text = format!("{}{int}", if sign { "-" } else { "" });
    if !frac.is_empty() {
        text.push('.');
        text.push_str(frac);
    }
    if let Some(e) = exp {
        text.push_str(&format!("e{e}"));
    }
    let want = reference(sign, int, frac, exp.unwrap_or(0));
    let got = read_rounded(&text);
    prop_assert_eq!(got.map(|(x, r)| (x.to_bits(), r)), Some((want.0.to_bits(), want.1)), "{}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn any_decimal_reads_as_the_big_integer_reference_rounds_it(
        sign in any::<bool>(),
        int in "[0-9]{1,22}",
        frac in "[0-9]{0,22}",
        exp in proptest::option::of(-30i32..=15),
    ) {
        check(sign, &int, &frac, exp)?;
    }

    #[test]
    fn a_first_dropped_digit_of_zero_never_rounds_up(
        lead in "[1-9][0-9]{0,8}",
        rest in "[0-9]{14}",
        tail in "[0-9]{1,6}",
    ) {
        // 15 significant digits, then a dropped 0, then anything: read as the 15 digits.
        let frac = format!("{}0{tail}", &rest[..15 - lead.len()]);
        check(false, &lead, &frac, None)?;
    }

    #[test]
    fn a_dropped_digit_at_the_twelfth_decimal_place_rounds_once(
        int in "[0-9]{1,3}",
        frac in "[0-9]{11}",
        dropped in "[0-9]{1,10}",
    ) {
        check(false, &int, &format!("{frac}{dropped}"), None)?;
    }

    #[test]
    fn what_the_writer_writes_the_reader_reads_back_bit_for_bit(x in -1e12f64..1e12) {
        let (read, _) = read_rounded(&shortest(x)).expect("shortest writes a number");
        let again = shortest(read);
        prop_assert_eq!(read_rounded(&again).map(|(y, r)| (y.to_bits(), r)), Some((read.to_bits(), false)));
    }
}

#[test]
fn the_issue_examples_read_as_written_up_to_the_fifteenth_digit() {
    // 123456789.000000|071: the first dropped digit is 0, so nothing rounds up.
    assert_eq!(read_rounded("123456789.000000071"), Some((123_456_789.0, true)));
    // 5000.45678901234|007 → 5000.45678901234, not …235.
    assert_eq!(read_rounded("5000.45678901234007"), Some((5_000.456_789_012_34, true)));
    // Rounded once at the twelfth place, not first at the fifteenth digit and then again:
    // 0.123456789012|4999999 is below the half.
    assert_eq!(read_rounded("0.1234567890124999999"), Some((0.123_456_789_012, true)));
}
