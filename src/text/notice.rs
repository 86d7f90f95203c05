//! The model's notices (what the codec or the model tells the reader about their input) as
//! sentences in each language.

use crate::i18n::{exact, Lang};
use crate::model::notice::{Notice, NoticeKind};
use crate::page::house::{MARKS, TEXT};

/// One of three by language: Simplified, Traditional, English.
fn by<T>(lang: Lang, zh_hans: T, zh_hant: T, en: T) -> T {
    match lang {
        Lang::ZhHans => zh_hans,
        Lang::ZhHant => zh_hant,
        Lang::En => en,
    }
}

/// A notice as a sentence in the reader's language.
pub fn message(n: &Notice, lang: Lang) -> String {
    let k = &n.key;
    match (&n.kind, lang) {
        (NoticeKind::Clamped { given, used }, Lang::ZhHans) => {
            format!("“{k}”的值 {given} 超出范围，已改为 {used}。")
        }
        (NoticeKind::Clamped { given, used }, Lang::ZhHant) => {
            format!("“{k}”的值 {given} 超出範圍，已改為 {used}。")
        }
        (NoticeKind::Clamped { given, used }, Lang::En) => {
            format!("“{k}” = {given} is out of range; using {used}.")
        }
        (NoticeKind::Unparsable { given, used }, Lang::ZhHans) => {
            format!("无法读取“{k}”的值“{given}”，已使用默认值 {used}。")
        }
        (NoticeKind::Unparsable { given, used }, Lang::ZhHant) => {
            format!("無法讀取“{k}”的值“{given}”，已使用默認值 {used}。")
        }
        (NoticeKind::Unparsable { given, used }, Lang::En) => {
            format!("Could not read “{k}” = “{given}”; using the default {used}.")
        }
        (NoticeKind::Rounded { given, used }, Lang::ZhHans) => {
            format!("“{k}”的值 {given} 已按步长取整为 {used}。")
        }
        (NoticeKind::Rounded { given, used }, Lang::ZhHant) => {
            format!("“{k}”的值 {given} 已按步長取整為 {used}。")
        }
        (NoticeKind::Rounded { given, used }, Lang::En) => {
            format!("“{k}” = {given} was rounded to the step: {used}.")
        }
        (NoticeKind::WrongLength { given, expected, used }, Lang::ZhHans) => {
            format!("“{k}”需要 1 个或 {expected} 个数值，收到“{given}”，已使用 {used}。")
        }
        (NoticeKind::WrongLength { given, expected, used }, Lang::ZhHant) => {
            format!("“{k}”需要 1 個或 {expected} 個數值，收到“{given}”，已使用 {used}。")
        }
        (NoticeKind::WrongLength { given, expected, used }, Lang::En) => {
            format!("“{k}” needs 1 or {expected} numbers, got “{given}”; using {used}.")
        }
        (NoticeKind::AllZero { used }, Lang::ZhHans) => {
            format!("“{k}”的数值不能全为 0，已使用 {used}。")
        }
        (NoticeKind::AllZero { used }, Lang::ZhHant) => {
            format!("“{k}”的數值不能全為 0，已使用 {used}。")
        }
        (NoticeKind::AllZero { used }, Lang::En) => {
            format!("“{k}” cannot be all zero; using {used}.")
        }
        (NoticeKind::UnknownKey, Lang::ZhHans) => format!("未知参数“{k}”，已忽略。"),
        (NoticeKind::UnknownKey, Lang::ZhHant) => format!("未知參數“{k}”，已忽略。"),
        (NoticeKind::UnknownKey, Lang::En) => format!("Unknown key “{k}” ignored."),
        (NoticeKind::Duplicate, Lang::ZhHans) => format!("参数“{k}”出现多次，使用最后一个。"),
        (NoticeKind::Duplicate, Lang::ZhHant) => format!("參數“{k}”出現多次，使用最後一個。"),
        (NoticeKind::Duplicate, Lang::En) => {
            format!("“{k}” was given more than once; using the last value.")
        }
        // The cap is a count of people, not of households (the article gives none): an
        // upper bound, since no household has fewer than one person. Say so in every language.
        (NoticeKind::CapBinds { cap, would_fund }, _) => {
            let (cap, would) = (exact(f64::from(*cap), lang), exact(*would_fund as f64, lang));
            match lang {
                Lang::ZhHans => format!(
                    "预算够资助 {would} 户，但资助户数以 2015 年底的建档立卡贫困人口 {cap} 人为上限：报道只给出贫困人口，没有给出户数，而户数不会多于人数，所以这是一个宽松的上限。多出的预算不发放。"
                ),
                Lang::ZhHant => format!(
                    "預算夠資助 {would} 戶，但資助戶數以 2015 年底的建檔立卡貧困人口 {cap} 人為上限：報道只給出貧困人口，沒有給出戶數，而戶數不會多於人數，所以這是一個寬鬆的上限。多出的預算不發放。"
                ),
                Lang::En => format!(
                    "The budget would fund {would} households, but households funded are capped at the {cap} registered poor people of the end of 2015: the article counts poor people, not households, and there cannot be more households than people, so this is a loose upper bound. The rest of the budget is not spent."
                ),
            }
        }
        (NoticeKind::UnknownValue { given, used }, Lang::ZhHans) => {
            format!("“{k}”不支持“{given}”，已使用 {used}。")
        }
        (NoticeKind::UnknownValue { given, used }, Lang::ZhHant) => {
            format!("“{k}”不支持“{given}”，已使用 {used}。")
        }
        (NoticeKind::UnknownValue { given, used }, Lang::En) => {
            format!("“{k}” = “{given}” is not supported; using {used}.")
        }
        (NoticeKind::NotAColour { given }, _) => {
            let (is, own) = by(
                lang,
                ("的值“", "”不是 #rrggbb 格式的颜色，已使用本页自己的颜色。"),
                ("的值“", "”不是 #rrggbb 格式的顏色，已使用本頁自己的顏色。"),
                (" = “", "” is not a colour written #rrggbb; using the page’s own colour."),
            );
            format!("“{k}”{is}{given}{own}")
        }
        // Which colour, against what, the ratio it has and the one it needs, and why.
        (NoticeKind::LowContrast { given, against, ratio, text }, _) => {
            let need = crate::num::shortest(if *text { TEXT } else { MARKS });
            let what = match (text, lang) {
                (true, Lang::En) => "text needs",
                (false, Lang::En) => "marks need",
                (true, _) => "文字",
                (false, Lang::ZhHans) => "图形",
                (false, _) => "圖形",
            };
            let [a, b, c, d, e, f] = by(
                lang,
                [
                    "的颜色 ",
                    " 与 ",
                    " 的对比度只有 ",
                    ":1，",
                    "至少需要 ",
                    ":1（WCAG AA），已使用本页自己的颜色。",
                ],
                [
                    "的顏色 ",
                    " 與 ",
                    " 的對比度只有 ",
                    ":1，",
                    "至少需要 ",
                    ":1（WCAG AA），已使用本頁自己的顏色。",
                ],
                [
                    " = ",
                    " has a contrast of ",
                    ":1 against ",
                    "; ",
                    " at least ",
                    ":1 (WCAG AA), so the page’s own colour is used.",
                ],
            );
            let (x, y) = if lang == Lang::En { (ratio, against) } else { (against, ratio) };
            format!("“{k}”{a}{given}{b}{x}{c}{y}{d}{what}{e}{need}{f}")
        }
        (NoticeKind::PinDropped { given, why }, lang) => {
            let what = match (*why, lang) {
                ("version", Lang::ZhHans) => "格式无法识别",
                ("version", Lang::ZhHant) => "格式無法識別",
                ("version", Lang::En) => "is in a format this page does not read",
                ("name", Lang::ZhHans) => "没有名称",
                ("name", Lang::ZhHant) => "沒有名稱",
                ("name", Lang::En) => "has no name",
                (_, Lang::ZhHans) => "含有无法原样读取的参数或数值",
                (_, Lang::ZhHant) => "含有無法原樣讀取的參數或數值",
                (_, Lang::En) => "has a key or value this page cannot read as given",
            };
            match lang {
                Lang::ZhHans => format!("对比情景“{k}”{what}（“{given}”），已舍弃。"),
                Lang::ZhHant => format!("對比情景“{k}”{what}（“{given}”），已捨棄。"),
                Lang::En => format!("Pinned scenario “{k}” {what} (“{given}”); it was dropped."),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_house_colour_is_explained_in_every_language_with_its_ratio_and_the_one_it_needs() {
        let n = Notice::new(
            "accent",
            NoticeKind::LowContrast {
                given: "#ffd700".into(),
                against: "#ffffff".into(),
                ratio: "1.40".into(),
                text: false,
            },
        );
        for lang in Lang::ALL {
            let m = message(&n, lang);
            assert!(
                m.contains("#ffd700") && m.contains("1.40:1") && m.contains("3:1") && m.contains("WCAG"),
                "{m}"
            );
        }
        assert!(message(&n, Lang::En).contains("marks need"), "{}", message(&n, Lang::En));
        let bad = Notice::new("bg", NoticeKind::NotAColour { given: "red".into() });
        assert!(message(&bad, Lang::ZhHant).contains("#rrggbb"));
    }

    #[test]
    fn the_cap_notice_calls_15670_people_an_upper_bound_and_never_a_number_of_households() {
        let n = Notice::new("budget", NoticeKind::CapBinds { cap: 15_670, would_fund: 100_000 });
        let zh_hans = message(&n, Lang::ZhHans);
        let zh_hant = message(&n, Lang::ZhHant);
        let en = message(&n, Lang::En);
        assert!(zh_hans.contains("15670 人") && zh_hans.contains("上限"), "{zh_hans}");
        assert!(zh_hant.contains("15670 人") && zh_hant.contains("上限"), "{zh_hant}");
        assert!(en.contains("15,670 registered poor people") && en.contains("upper bound"), "{en}");
        for (text, households) in [(&zh_hans, "15670 户"), (&zh_hant, "15670 戶"), (&en, "15,670 households")]
        {
            assert!(!text.contains(households), "{text}");
        }
        assert!(en.contains("would fund 100,000 households"), "{en}");
    }
}
