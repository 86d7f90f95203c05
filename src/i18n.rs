//! The three languages of the product and number formatting for each.
//!
//! Chinese counts in 万 (10⁴) and 亿 (10⁸); English uses thousands separators and
//! "million". All text the Rust side produces (chart labels, notices, summaries) goes
//! through here so that the page, the CLI and the static fallback agree.

use serde::Serialize;

// The locale-free number helpers live in `num`; these names stay here for the callers that
// format through `i18n`.
pub use crate::num::{clamp, fixed, round_to, shortest, trim_zeros};

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

    /// The tags the `lang` URL key understands (lower case; a trailing `*` matches any rest).
    /// `prerender` writes this table into the page (`data-lang-tags` on `<html>`), from where
    /// the page reads the URL's language before the wasm is ready, or when it cannot load.
    pub const TAGS: [(&'static str, Lang); 13] = [
        ("zh-hans", Lang::ZhHans),
        ("zh", Lang::ZhHans),
        ("zh-cn", Lang::ZhHans),
        ("zh-sg", Lang::ZhHans),
        ("zh-hans-cn", Lang::ZhHans),
        ("zh-hant", Lang::ZhHant),
        ("zh-tw", Lang::ZhHant),
        ("zh-hk", Lang::ZhHant),
        ("zh-mo", Lang::ZhHant),
        ("zh-hant-tw", Lang::ZhHant),
        ("zh-hant-hk", Lang::ZhHant),
        ("en", Lang::En),
        ("en-*", Lang::En),
    ];

    /// Parse a BCP 47 tag as used in the `lang` URL key (case-insensitive; `zh`, `zh-CN`,
    /// `zh-TW`, `zh-HK`, `en-GB`… are understood): the first match in [`Lang::TAGS`].
    pub fn parse(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        Lang::TAGS
            .iter()
            .find(|(pat, _)| match pat.strip_suffix('*') {
                Some(prefix) => t.starts_with(prefix),
                None => t == *pat,
            })
            .map(|&(_, l)| l)
    }

    /// [`Lang::TAGS`] as the page reads it: `tag=Lang` pairs separated by spaces.
    pub fn tags_attr() -> String {
        Lang::TAGS.iter().map(|(t, l)| format!("{t}={}", l.tag())).collect::<Vec<_>>().join(" ")
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

/// A count or amount in the reader's language, compact for large values:
/// `1273万` / `12.73 million`; `55.93万`; `2,546` stays whole in English and Chinese below 10⁴.
/// The unit is chosen after rounding, so 9,999.6 reads `1万`, never `10000`.
pub fn compact(x: f64, lang: Lang) -> String {
    let whole = round_to(x, 0);
    if lang.is_chinese() {
        if whole.abs() < 1e4 {
            trim_zeros(fixed(x, 0))
        } else if round_to(x / 1e4, 2).abs() < 1e4 {
            format!("{}{}", trim_zeros(fixed(x / 1e4, 2)), wan(lang))
        } else {
            format!("{}{}", trim_zeros(fixed(x / 1e8, 2)), yi(lang))
        }
    } else if whole.abs() < 1e6 {
        group_thousands(x, 0)
    } else {
        format!("{} million", trim_zeros(fixed(x / 1e6, 2)))
    }
}

/// An axis tick `x` on an axis whose ticks are `step` apart: as [`compact`], with the decimals
/// the step needs where no unit (万, million) absorbs them: ticks 2.5 apart read `2.5`, `5`,
/// `7.5`, and 0.05 apart `0.05`, `0.1`, never `3` or `0`.
pub fn tick(x: f64, step: f64, lang: Lang) -> String {
    let unit = if lang.is_chinese() { 1e4 } else { 1e6 };
    let decimals = (0..3).find(|&d| {
        let scaled = step * libm::pow(10.0, f64::from(d));
        (scaled - f64::round(scaled)).abs() < 1e-9
    });
    match decimals {
        Some(0) => compact(x, lang),
        _ if round_to(x, 0).abs() >= unit => compact(x, lang),
        d => {
            let d = d.unwrap_or(3) as usize;
            trim_zeros(if lang.is_chinese() { fixed(x, d) } else { group_thousands(x, d) })
        }
    }
}

/// An amount of money: `1273万元` / `12.73 million yuan`.
pub fn yuan(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} yuan", compact(x, lang)),
        _ => format!("{}元", compact(x, lang)),
    }
}

/// A count of people, households or things, exact in every language: `15,670` in English,
/// `15670` in Chinese (never rounded to 万).
pub fn count(x: f64, lang: Lang) -> String {
    match lang {
        Lang::En => group_thousands(x, 0),
        _ => fixed(x, 0),
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
        // Trailing zeros dropped as in Chinese: 22.9, not 22.90.
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
    fn chinese_amounts_are_written_in_wan_and_yi() {
        assert_eq!(yuan(12_730_000.0, Lang::ZhHans), "1273万元");
        assert_eq!(yuan(559_300.0, Lang::ZhHant), "55.93萬元");
        assert_eq!(yuan(250_000_000.0, Lang::ZhHans), "2.5亿元");
        assert_eq!(yuan(7_000.0, Lang::ZhHans), "7000元");
    }

    #[test]
    fn the_unit_is_chosen_after_rounding_so_no_amount_reads_ten_thousand_of_the_smaller_unit() {
        assert_eq!(compact(9_999.6, Lang::ZhHans), "1万");
        assert_eq!(compact(9_999.4, Lang::ZhHans), "9999");
        assert_eq!(compact(99_999_999.0, Lang::ZhHans), "1亿");
        assert_eq!(compact(99_994_999.0, Lang::ZhHant), "9999.5萬");
        assert_eq!(compact(999_999.6, Lang::En), "1 million");
        assert_eq!(compact(999_999.4, Lang::En), "999,999");
        assert_eq!(yuan(9_999.6, Lang::En), "10,000 yuan");
    }

    #[test]
    fn axis_ticks_keep_the_decimals_their_step_needs() {
        let ticks =
            |step: f64, lang| (0..4).map(|i| tick(f64::from(i) * step, step, lang)).collect::<Vec<_>>();
        assert_eq!(ticks(2.5, Lang::En), ["0", "2.5", "5", "7.5"]);
        assert_eq!(ticks(0.05, Lang::ZhHans), ["0", "0.05", "0.1", "0.15"]);
        assert_eq!(ticks(0.25, Lang::En), ["0", "0.25", "0.5", "0.75"]);
        assert_eq!(ticks(2_500.0, Lang::En), ["0", "2,500", "5,000", "7,500"]);
        assert_eq!(ticks(25_000.0, Lang::ZhHans), ["0", "2.5万", "5万", "7.5万"]);
        assert_eq!(ticks(2_500_000.0, Lang::En), ["0", "2.5 million", "5 million", "7.5 million"]);
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
    fn percentages_drop_trailing_zeros() {
        assert_eq!(percent(22.90, 2), "22.9%");
        assert_eq!(percent(75.0, 1), "75%");
        assert_eq!(percent(0.15, 2), "0.15%");
    }

    #[test]
    fn an_article_figure_with_decimals_reads_the_same_in_every_language() {
        for x in [22.9, 0.15, 219.68, 2.14, 73.02, 4.39, 22.75, 1234.5] {
            let en = exact(x, Lang::En).replace(',', "");
            for lang in [Lang::ZhHans, Lang::ZhHant] {
                assert_eq!(exact(x, lang), en, "{x}");
            }
        }
        assert_eq!(exact(22.9, Lang::En), "22.9");
    }
}
