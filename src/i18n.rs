//! The three languages of the product and number formatting for each.
//!
//! Chinese counts in 万 (10⁴) and 亿 (10⁸); English uses thousands separators and
//! "million". All text the Rust side produces (chart labels, notices, summaries) goes
//! through here so that the page, the CLI and the static fallback agree.

use serde::Serialize;

/// A reader's language. `zh-Hans` is the default (SPEC §3.1 `lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-Hans")]
    ZhHans,
    #[serde(rename = "zh-Hant")]
    ZhHant,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// All languages, in the order the switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::ZhHans, Lang::ZhHant, Lang::En];

    /// Parse a BCP 47 tag as used in the `lang` URL key (case-insensitive; `zh`, `zh-CN`,
    /// `zh-TW`, `zh-HK`, `en-GB`… are understood).
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        match t.as_str() {
            "zh-hans" | "zh" | "zh-cn" | "zh-sg" | "zh-hans-cn" => Some(Lang::ZhHans),
            "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" | "zh-hant-tw" | "zh-hant-hk" => Some(Lang::ZhHant),
            _ if t == "en" || t.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag written back into URLs and `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }

    /// Pick one of three strings.
    pub fn pick<'a>(self, zh_hans: &'a str, zh_hant: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhHans => zh_hans,
            Lang::ZhHant => zh_hant,
            Lang::En => en,
        }
    }

    pub fn is_chinese(self) -> bool {
        !matches!(self, Lang::En)
    }
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

/// The shortest text with at most 12 decimals that reads back (through the codec's exact
/// reader) to exactly `x`; for numbers no such text reaches, the nearest 12-decimal text.
///
/// Every number the codec reads (≤ 15 significant digits, ≤ 12 decimals) comes back out
/// unchanged, without core's float formatter (`{x}`), which costs about 8 KB of gzipped wasm.
/// Numbers of 9·10¹⁵ and more (never valid scenario values) are written as whole numbers.
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
        if crate::model::codec::read_number(&s) == Some(x) {
            return s;
        }
        best = Some(s);
    }
    best.unwrap_or_else(|| format!("{}", f64::round(x) as i64))
}

/// Group the integer part with commas: 12730000 → "12,730,000".
pub fn group_thousands(x: f64, decimals: usize) -> String {
    let s = fixed(x.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

/// 万 (10⁴) in the reader's script.
fn wan(lang: Lang) -> &'static str {
    lang.pick("万", "萬", "万")
}

/// 亿 (10⁸) in the reader's script.
fn yi(lang: Lang) -> &'static str {
    lang.pick("亿", "億", "亿")
}

/// Trim a decimal string's trailing zeros: "12.50" → "12.5", "3.00" → "3".
pub fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A count or amount in the reader's language, compact for large values:
/// `1273万` / `12.73 million`; `55.93万`; `2,546` stays whole in English and Chinese below 10⁴.
pub fn compact(x: f64, lang: Lang) -> String {
    let a = x.abs();
    if lang.is_chinese() {
        if a >= 1e8 {
            format!("{}{}", trim_zeros(fixed(x / 1e8, 2)), yi(lang))
        } else if a >= 1e4 {
            format!("{}{}", trim_zeros(fixed(x / 1e4, 2)), wan(lang))
        } else {
            trim_zeros(fixed(x, 0))
        }
    } else if a >= 1e6 {
        format!("{} million", trim_zeros(fixed(x / 1e6, 2)))
    } else {
        group_thousands(x, 0)
    }
}

/// An amount of money: `1273万元` / `12.73 million yuan`.
pub fn yuan(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} yuan", compact(x, lang)),
        _ => format!("{}元", compact(x, lang)),
    }
}

/// A whole number with separators in English, plain in Chinese below 万.
pub fn count(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => group_thousands(x, 0),
        _ => compact(x, lang),
    }
}

/// A figure from the article, written without losing a digit: `1273万` and `12.73 million`
/// only when that is exact; `15670` / `15,670` otherwise. (Model estimates use [`compact`].)
pub fn exact(x: f64, lang: Lang) -> String {
    let whole = x == f64::trunc(x);
    if lang.is_chinese() {
        if whole && x.abs() >= 1e5 && libm::fmod(x, 100.0) == 0.0 {
            if x.abs() >= 1e8 && libm::fmod(x, 1e6) == 0.0 {
                return format!("{}{}", trim_zeros(fixed(x / 1e8, 2)), yi(lang));
            }
            return format!("{}{}", trim_zeros(fixed(x / 1e4, 2)), wan(lang));
        }
        trim_zeros(fixed(x, 2))
    } else {
        if whole && x.abs() >= 1e6 && libm::fmod(x, 1e4) == 0.0 {
            return format!("{} million", trim_zeros(fixed(x / 1e6, 2)));
        }
        trim_zeros(group_thousands(x, if whole { 0 } else { 2 }))
    }
}

/// An amount of money from the article, exact: `1273万元`, `24150元`, `12.73 million yuan`.
pub fn exact_yuan(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} yuan", exact(x, lang)),
        _ => format!("{}元", exact(x, lang)),
    }
}

/// A percentage with up to `decimals` decimals: `22.9%`.
pub fn percent(x: f64, decimals: usize) -> String {
    format!("{}%", trim_zeros(fixed(x, decimals)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(crate::model::codec::read_number(text), Some(x), "{text}");
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
    fn chinese_amounts_are_written_in_wan_and_yi() {
        assert_eq!(yuan(12_730_000.0, Lang::ZhHans), "1273万元");
        assert_eq!(yuan(559_300.0, Lang::ZhHant), "55.93萬元");
        assert_eq!(yuan(250_000_000.0, Lang::ZhHans), "2.5亿元");
        assert_eq!(yuan(7_000.0, Lang::ZhHans), "7000元");
    }

    #[test]
    fn english_amounts_use_separators_and_millions() {
        assert_eq!(yuan(12_730_000.0, Lang::En), "12.73 million yuan");
        assert_eq!(yuan(559_300.0, Lang::En), "559,300 yuan");
        assert_eq!(count(2546.0, Lang::En), "2,546");
        assert_eq!(group_thousands(-1234.5, 1), "-1,234.5");
    }

    #[test]
    fn language_tags_are_understood_loosely_and_written_canonically() {
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::ZhHant));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::ZhHant.tag(), "zh-Hant");
    }

    #[test]
    fn article_figures_are_written_without_losing_a_digit() {
        assert_eq!(exact(15_670.0, Lang::ZhHans), "15670");
        assert_eq!(exact(214_200.0, Lang::ZhHans), "21.42万");
        assert_eq!(exact_yuan(24_150.0, Lang::ZhHant), "24150元");
        assert_eq!(exact_yuan(12_730_000.0, Lang::ZhHans), "1273万元");
        assert_eq!(exact_yuan(22_690_000.0, Lang::En), "22.69 million yuan");
        assert_eq!(exact(15_670.0, Lang::En), "15,670");
        assert_eq!(exact_yuan(559_300.0, Lang::En), "559,300 yuan");
        // One decimal reads the same in every language: 9892.2元, 9,892.2 yuan.
        assert_eq!(exact_yuan(9_892.2, Lang::ZhHans), "9892.2元");
        assert_eq!(exact_yuan(9_892.2, Lang::En), "9,892.2 yuan");
        assert_eq!(exact(219.68, Lang::En), "219.68");
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
    fn percentages_drop_trailing_zeros() {
        assert_eq!(percent(22.90, 2), "22.9%");
        assert_eq!(percent(75.0, 1), "75%");
        assert_eq!(percent(0.15, 2), "0.15%");
    }
}
