//! The dataset's one source, as every credit names it: the outlet, the reporters and the
//! headline. The page's footer, the charts' stamp, the share cards, the embed's credit and
//! the provenance notes all take their words from here; the credits paragraph of
//! `www/index.html` is prose of its own, and `tests/page.rs` checks that it names the same.

use crate::i18n::Lang;

/// The article's headline, in each script (English readers get the Simplified one).
pub const ARTICLE_TITLE: (&str, &str) = (
    "找准症结把准脉，“六小工程”掘“穷根”——和龙市因地制宜走出脱贫摘帽新路径",
    "找準癥結把準脈，“六小工程”掘“窮根”——和龍市因地制宜走出脫貧摘帽新路徑",
);

/// The outlet that published the article: (zh-Hans, zh-Hant, en).
pub const OUTLET: (&str, &str, &str) =
    ("中国吉林网 / 吉刻APP", "中國吉林網 / 吉刻APP", "China Jilin Net / Jike app");

/// The article's reporters, as each language writes them: (zh-Hans, zh-Hant, en).
pub const REPORTERS: (&str, &str, &str) = ("王昕、李易书", "王昕、李易書", "Wang Xin, Li Yishu");

/// The outlet in `lang`.
pub fn outlet(lang: Lang) -> &'static str {
    lang.pick(OUTLET.0, OUTLET.1, OUTLET.2)
}

/// The headline as a reader of `lang` is shown it.
pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans | Lang::En => ARTICLE_TITLE.0,
        Lang::ZhHant => ARTICLE_TITLE.1,
    }
}

/// The short credit: "China Jilin Net / Jike app (reporters Wang Xin, Li Yishu)".
pub fn credit(lang: Lang) -> String {
    let reporters = lang.pick(REPORTERS.0, REPORTERS.1, REPORTERS.2);
    match lang {
        Lang::ZhHans => format!("{}（记者{reporters}）", outlet(lang)),
        Lang::ZhHant => format!("{}（記者{reporters}）", outlet(lang)),
        Lang::En => format!("{} (reporters {reporters})", outlet(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credit_names_the_outlet_and_both_reporters_in_every_language() {
        assert_eq!(credit(Lang::ZhHans), "中国吉林网 / 吉刻APP（记者王昕、李易书）");
        assert_eq!(credit(Lang::ZhHant), "中國吉林網 / 吉刻APP（記者王昕、李易書）");
        assert_eq!(credit(Lang::En), "China Jilin Net / Jike app (reporters Wang Xin, Li Yishu)");
    }
}
