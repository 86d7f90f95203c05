//! Pinned scenarios in words: the name a pin gets when the reader gives none, and the line
//! that compares the current scenario with each pin, in the reader's language. The numbers are
//! [`crate::model::pins::Compared`]'s.

use super::money;
use super::Table;
use crate::i18n::{self, Lang};
use crate::model::pins::{self, Compared};
use crate::model::{Outcome, Scenario};

/// The name of a pin the reader has not named: its grant and budget, as the sliders say them
/// ("grant 10,000 · budget 12.73 million"), within [`pins::NAME_MAX`] characters.
pub fn default_name(s: &Scenario, lang: Lang) -> String {
    let (g, b) = (i18n::compact(s.grant as f64, lang), i18n::compact(s.budget as f64, lang));
    let name =
        fill(lang.pick("每户 {0} · 预算 {1}", "每戶 {0} · 預算 {1}", "grant {0} · budget {1}"), &[&g, &b]);
    pins::clean_name(&name).unwrap_or_default()
}

/// Why the page pinned nothing: both places are taken ([`pins::MAX_PINS`], checked by a test).
pub fn full(lang: Lang) -> String {
    lang.pick(
        "最多可固定 2 个情景：请先取消一个。",
        "最多可固定 2 個情景：請先取消一個。",
        "At most 2 scenarios can be pinned: unpin one first.",
    )
    .to_string()
}

/// Why a pin kept its old name: the new one had nothing in it.
pub fn empty_name(lang: Lang) -> String {
    lang.pick(
        "名称不能为空，保留原来的名称。",
        "名稱不能為空，保留原來的名稱。",
        "A name cannot be empty; the old name is kept.",
    )
    .to_string()
}

/// `template` with each `{0}`, `{1}`… replaced by that argument: one small routine for every
/// sentence of this file, rather than a formatter per language and sentence (bytes of wasm).
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut parts = template.split('{');
    out.push_str(parts.next().unwrap_or(""));
    for part in parts {
        // `{N}` with one digit N; anything else is kept as it stands.
        match part.as_bytes() {
            [d @ b'0'..=b'9', b'}', ..] => {
                out.push_str(args.get((d - b'0') as usize).copied().unwrap_or(""));
                out.push_str(&part[2..]);
            }
            _ => {
                out.push('{');
                out.push_str(part);
            }
        }
    }
    out
}

/// A difference with its sign, the same characters in every language: `+1,273`, `−3,819`, `0`.
fn signed(x: f64, text: impl Fn(f64) -> String) -> String {
    let r = crate::num::round_to(x, 0);
    let sign = if r > 0.0 {
        "+"
    } else if r < 0.0 {
        "−"
    } else {
        ""
    };
    let mut s = String::from(sign);
    s.push_str(&text(r.abs()));
    s
}

/// The current scenario minus the pinned one, as words: households and expected benefit.
fn differences(c: &Compared, lang: Lang) -> (String, String) {
    let d = &c.difference;
    (
        signed(d.households_funded as f64, |x| i18n::count(x, lang)),
        signed(d.expected_benefit_yuan, |x| money(x, lang)),
    )
}

/// The pinned scenario's numbers and how the current one differs: one line.
pub fn line(c: &Compared, lang: Lang) -> String {
    let hh = i18n::count(c.households_funded as f64, lang);
    let (benefit, p5, p95) = (money(c.expected_benefit_yuan, lang), money(c.p5, lang), money(c.p95, lang));
    let unspent = money(c.unspent_yuan as f64, lang);
    let (dh, db) = differences(c, lang);
    let t = lang.pick(
        "资助 {0} 户，预期效益 {1}（{2}–{3}），未用 {4}。差值（当前 − 此情景）：{5} 户，效益 {6}。",
        "資助 {0} 戶，預期效益 {1}（{2}–{3}），未用 {4}。差值（當前 − 此情景）：{5} 戶，效益 {6}。",
        "{0} households, expected {1} ({2}–{3}), {4} unspent. Difference (current − this): {5} households, {6} expected.",
    );
    fill(t, &[&hh, &benefit, &p5, &p95, &unspent, &dh, &db])
}

/// Chart `name`'s data table (see [`super::table`]) with the pinned scenarios added, each
/// as "Pinned 1: name": a column of households by kind (allocation), a row of expected benefit
/// with its P5, median and P95 (benefit), a row of the expected programme total with its middle
/// 90% (outcomes). The charts' text alternatives are written from these tables, so they list
/// the pins too.
pub fn table(name: &str, out: &Outcome, pins: &[(&str, &Outcome)], lang: Lang) -> Option<Table> {
    let mut t = super::table(name, out, lang)?;
    for (i, (pin_name, o)) in pins.iter().enumerate() {
        let n = (i + 1).to_string();
        let label =
            fill(lang.pick("对比情景 {0}：{1}", "對比情景 {0}：{1}", "Pinned {0}: {1}"), &[&n, pin_name]);
        let q = &o.benefit_quantiles_yuan;
        match name {
            "allocation" => {
                t.headers.push(fill(lang.pick("{0}（户）", "{0}（戶）", "{0} (households)"), &[&label]));
                for (row, c) in t.rows.iter_mut().zip(&o.categories) {
                    row.push(i18n::count(c.households as f64, lang));
                }
            }
            "benefit" => t.rows.push(vec![
                label,
                money(o.expected_benefit_yuan, lang),
                money(q.p5, lang),
                money(q.p50, lang),
                money(q.p95, lang),
            ]),
            "outcomes" => {
                let t2 = lang.pick(
                    "{0}：预期项目总收益（90%区间）",
                    "{0}：預期項目總收益（90%區間）",
                    "{0}: expected programme total (middle 90%)",
                );
                let range = format!("{}–{}", i18n::compact(q.p5, lang), money(q.p95, lang));
                let value = fill(
                    lang.pick("{0}（{1}）", "{0}（{1}）", "{0} ({1})"),
                    &[&money(o.expected_benefit_yuan, lang), &range],
                );
                t.rows.push(vec![fill(t2, &[&label]), value]);
            }
            _ => {}
        }
    }
    Some(t)
}

/// The phone strip's one line: how the current scenario differs from the first pin.
pub fn strip_line(c: &Compared, lang: Lang) -> String {
    let (dh, db) = differences(c, lang);
    // The numbers first: on a narrow strip the line ends in an ellipsis, and it is the name that
    // gives way.
    let t = lang.pick(
        "{1} 户 · 效益 {2}，相比“{0}”",
        "{1} 戶 · 效益 {2}，相比“{0}”",
        "{1} households · {2} vs “{0}”",
    );
    fill(t, &[&c.name, &dh, &db])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{codec, pins::compare, simulate};

    #[test]
    fn the_full_message_names_the_models_number_of_pins_and_a_template_fills_only_its_numbered_places() {
        for lang in Lang::ALL {
            assert!(full(lang).contains(&format!(" {} ", pins::MAX_PINS)), "{}", full(lang));
        }
        assert_eq!(fill("{1}·{0}·{x}·{9}·{", &["a", "b"]), "b·a·{x}··{");
    }

    #[test]
    fn every_chart_table_that_shows_pins_lists_each_pin_by_number_and_name_with_its_own_numbers() {
        let (now, half, stock) = (simulate("grant=10000"), simulate("grant=2500"), simulate("mix=0,1,0,0,0"));
        let pins = [("Half the grant", &half), ("All livestock", &stock)];
        let alloc = table("allocation", &now, &pins, Lang::En).unwrap();
        assert_eq!(
            alloc.headers[4..],
            ["Pinned 1: Half the grant (households)", "Pinned 2: All livestock (households)"]
        );
        let planting = &alloc.rows[0];
        assert_eq!(planting.len(), alloc.headers.len(), "every row has a cell per column");
        assert_eq!(planting[4], i18n::count(half.categories[0].households as f64, Lang::En));
        assert_eq!(planting[5], "0", "all livestock: no planting");

        let benefit = table("benefit", &now, &pins, Lang::En).unwrap();
        let row = benefit.rows.iter().find(|r| r[0] == "Pinned 2: All livestock").expect("pin 2's row");
        assert_eq!(row[1], money(stock.expected_benefit_yuan, Lang::En));
        assert_eq!(row[3], money(stock.benefit_quantiles_yuan.p50, Lang::En), "with its median");

        let outcomes = table("outcomes", &now, &pins, Lang::ZhHans).unwrap();
        let row = outcomes.rows.last().unwrap();
        assert_eq!(row[0], "对比情景 2：All livestock：预期项目总收益（90%区间）");
        assert!(row[1].starts_with(&money(stock.expected_benefit_yuan, Lang::ZhHans)), "{}", row[1]);

        // Without pins, the tables are the chart's own.
        for name in ["allocation", "benefit", "outcomes", "context"] {
            assert_eq!(table(name, &now, &[], Lang::En), super::super::table(name, &now, Lang::En), "{name}");
        }
    }

    #[test]
    fn a_pin_without_a_name_is_named_by_its_grant_and_budget_in_the_readers_language() {
        let s = codec::parse("grant=10000").scenario;
        assert_eq!(default_name(&s, Lang::En), "grant 10,000 · budget 12.73 million");
        assert_eq!(default_name(&s, Lang::ZhHans), "每户 1万 · 预算 1273万");
        assert_eq!(default_name(&s, Lang::ZhHant), "每戶 1萬 · 預算 1273萬");
    }

    #[test]
    fn the_comparison_says_the_pins_numbers_and_the_signed_difference_the_same_way_in_every_language() {
        let current = simulate("grant=10000");
        let c = compare(&current, "Half", &simulate("grant=2500"));
        let en = line(&c, Lang::En);
        assert!(en.starts_with("5,092 households, expected 559,300 yuan ("), "{en}");
        assert!(en.contains("Difference (current − this): −3,819 households, 0 yuan expected."), "{en}");
        assert!(line(&c, Lang::ZhHans).contains("−3819 户，效益 0元"), "{}", line(&c, Lang::ZhHans));
        let up = compare(&simulate("budget=13730000"), "Reported", &simulate(""));
        let en = strip_line(&up, Lang::En);
        assert!(en.starts_with("+200 households · +") && en.ends_with(" vs “Reported”"), "{en}");
        let zh = strip_line(&up, Lang::ZhHant);
        assert!(zh.starts_with("+200 戶 · 效益 +") && zh.ends_with("，相比“Reported”"), "{zh}");
    }
}
