//! Text the page shows beside its charts, generated from the model: the live summary for
//! screen readers, the data table of each chart, and the CSV of an outcome. The static
//! fallback and the CLI use the same functions, so every wording and number agrees.

use crate::facts::{self, Fact};
use crate::i18n::{self, Lang};
use crate::model::{Category, Outcome};
use crate::num;
use serde::Serialize;

pub mod assumptions;
pub mod compare;
pub mod notice;

/// A kind of project's short name in the reader's language.
pub fn kind_name(kind: Category, lang: Lang) -> &'static str {
    match kind {
        Category::Planting => lang.pick("小种植", "小種植", "Planting"),
        Category::Livestock => lang.pick("小养殖", "小養殖", "Livestock"),
        Category::Trade => lang.pick("小买卖", "小買賣", "Small trade"),
        Category::Workshop => lang.pick("小作坊", "小作坊", "Workshop"),
        Category::FarmStay => lang.pick("农家乐", "農家樂", "Farm-stay"),
    }
}

/// A data table: caption, column headers, rows of cells (all text, already formatted).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A fact's label in the reader's language.
pub fn label(f: &Fact, lang: Lang) -> &'static str {
    lang.pick(f.label.zh_hans, f.label.zh_hant, f.label.en)
}

/// An amount of money as every text of the page writes it (rounded once, by `i18n::yuan`).
pub fn money(x: f64, lang: Lang) -> String {
    i18n::yuan(x, lang)
}

/// What a chart of the scenario's benefit says instead of drawing when there is nothing to
/// draw: nobody is funded (the budget is less than one grant), or the households funded are
/// expected to earn nothing (every kind funded has a relative return of 0, so the calibrated
/// rate is 0 for each). `None` when there is a benefit to show.
pub fn empty_outcome(out: &Outcome, lang: Lang) -> Option<&'static str> {
    if out.households_funded == 0 {
        Some(lang.pick(
            "本情景中没有农户获得补助：预算少于一笔补助。",
            "本情景中沒有農戶獲得補助：預算少於一筆補助。",
            "No households are funded in this scenario: the budget is less than one grant.",
        ))
    } else if out.no_expected_benefit() {
        Some(lang.pick(
            "在这些假设下没有预期效益：获得资助的每一类项目，相对回报都设为 0。",
            "在這些假設下沒有預期效益：獲得資助的每一類項目，相對回報都設為 0。",
            "No benefit is expected under these assumptions: every kind of project funded has a relative return of 0.",
        ))
    } else {
        None
    }
}

/// One or two sentences describing the outcome, for the `aria-live` summary.
pub fn summary(out: &Outcome, lang: Lang) -> String {
    let q = &out.benefit_quantiles_yuan;
    let h = i18n::count(out.households_funded as f64, lang);
    let granted = money(out.funds_granted_yuan as f64, lang);
    let benefit = money(out.expected_benefit_yuan, lang);
    let (p5, p95) = (money(q.p5, lang), money(q.p95, lang));
    // Every kind with the most households (a tie names them all); none when nobody is funded.
    let most = out.categories.iter().map(|c| c.households).max().unwrap_or(0);
    let largest: Vec<&str> = out
        .categories
        .iter()
        .zip(Category::ALL)
        .filter(|(c, _)| most > 0 && c.households == most)
        .map(|(_, cat)| kind_name(cat, lang))
        .collect();
    let n = i18n::count(most as f64, lang);
    // The range rests on the assumed failure rate and spread: inputs, not results (the share
    // of projects that fail is the assumed rate, and says nothing about the programme).
    let scenario = crate::model::codec::parse(&out.query).scenario;
    let fail = assumptions::fail_text(&scenario, lang);
    let sigma = num::fixed(scenario.sigma, 2);
    let reported = money(facts::reported::BENEFIT_YUAN, lang);
    let funded = out.households_funded > 0;
    let mut s = match (lang, empty_outcome(out, lang)) {
        (Lang::ZhHans, Some(why)) if funded => format!("本情景资助 {h} 户，发放 {granted}。{why}"),
        (Lang::ZhHant, Some(why)) if funded => format!("本情景資助 {h} 戶，發放 {granted}。{why}"),
        (Lang::En, Some(why)) if funded => format!("This scenario funds {h} households with {granted}. {why}"),
        (_, Some(why)) => why.to_string(),
        (Lang::ZhHans, None) => format!(
            "本情景资助 {h} 户，发放 {granted}，预计效益 {benefit}（报道为 {reported}）；90% 的模拟结果在 {p5} 到 {p95} 之间，这个区间取决于假设的失败概率（{fail}）和离散程度（σ {sigma}）。"
        ),
        (Lang::ZhHant, None) => format!(
            "本情景資助 {h} 戶，發放 {granted}，預計效益 {benefit}（報道為 {reported}）；90% 的模擬結果在 {p5} 到 {p95} 之間，這個區間取決於假設的失敗概率（{fail}）和離散程度（σ {sigma}）。"
        ),
        (Lang::En, None) => format!(
            "This scenario funds {h} households with {granted}, for an expected benefit of {benefit} (reported: {reported}); 90% of simulated outcomes fall between {p5} and {p95}, a range that rests on the assumed failure rate ({fail}) and spread (σ {sigma})."
        ),
    };
    match largest.as_slice() {
        [] => {}
        [name] => s.push_str(&match lang {
            Lang::ZhHans => format!("户数最多的是{name}（{n} 户）。"),
            Lang::ZhHant => format!("戶數最多的是{name}（{n} 戶）。"),
            Lang::En => format!(" The largest group is {name} ({n} households)."),
        }),
        [first @ .., last] => {
            let names = |sep: &str, and: &str| format!("{}{and}{last}", first.join(sep));
            s.push_str(&match lang {
                Lang::ZhHans => format!("户数最多的是{}（各 {n} 户）。", names("、", "和")),
                Lang::ZhHant => format!("戶數最多的是{}（各 {n} 戶）。", names("、", "和")),
                Lang::En => {
                    format!(" The largest groups are {} ({n} households each).", names(", ", " and "))
                }
            })
        }
    }
    if out.unspent_yuan > 0 {
        let u = money(out.unspent_yuan as f64, lang);
        s.push_str(&match lang {
            Lang::ZhHans => format!("预算剩余 {u}。"),
            Lang::ZhHant => format!("預算剩餘 {u}。"),
            Lang::En => format!(" {u} of the budget is left unspent."),
        });
    }
    s
}

/// The data table of chart `name` (`allocation`, `benefit`, `outcomes`, `context`).
pub fn table(name: &str, out: &Outcome, lang: Lang) -> Option<Table> {
    let p = |a: &'static str, b: &'static str, c: &'static str| lang.pick(a, b, c).to_string();
    let cats = out.categories.iter().zip(Category::ALL);
    match name {
        "allocation" => {
            let total = out.households_funded.max(1) as f64;
            Some(Table {
                caption: p(
                    "各类项目户数：本情景与报道",
                    "各類項目戶數：本情景與報道",
                    "Households by kind of project: scenario and as reported",
                ),
                headers: vec![
                    p("类别", "類別", "Kind"),
                    p("本情景（户）", "本情景（戶）", "Scenario (households)"),
                    p("占比", "佔比", "Share"),
                    p("报道（户）", "報道（戶）", "Reported (households)"),
                ],
                rows: cats
                    .map(|(c, cat)| {
                        vec![
                            kind_name(cat, lang).to_string(),
                            i18n::count(c.households as f64, lang),
                            i18n::percent(100.0 * c.households as f64 / total, 1),
                            i18n::count(c.reported_households as f64, lang),
                        ]
                    })
                    .collect(),
            })
        }
        "benefit" => {
            let mut rows: Vec<Vec<String>> = cats
                .map(|(c, cat)| {
                    vec![
                        kind_name(cat, lang).to_string(),
                        money(c.expected_benefit_yuan, lang),
                        money(c.p5, lang),
                        money(c.p50, lang),
                        money(c.p95, lang),
                    ]
                })
                .collect();
            let q = &out.benefit_quantiles_yuan;
            rows.push(vec![
                p("合计", "合計", "Total"),
                money(out.expected_benefit_yuan, lang),
                money(q.p5, lang),
                money(q.p50, lang),
                money(q.p95, lang),
            ]);
            rows.push(vec![
                p("报道的合计", "報道的合計", "Reported total"),
                money(facts::reported::BENEFIT_YUAN, lang),
                String::new(),
                String::new(),
                String::new(),
            ]);
            Some(Table {
                caption: p(
                    "各类项目的预期效益与模拟区间（模型估算：报道只给出合计）",
                    "各類項目的預期效益與模擬區間（模型估算：報道只給出合計）",
                    "Expected benefit by kind of project, with simulated ranges (modelled: the article reports only the total)",
                ),
                headers: vec![
                    p("类别", "類別", "Kind"),
                    p("预期", "預期", "Expected"),
                    "P5".into(),
                    p("中位数", "中位數", "Median"),
                    "P95".into(),
                ],
                rows,
            })
        }
        "outcomes" => {
            let h = &out.histogram;
            let mut rows = vec![vec![
                p("项目失败（收益为 0）", "項目失敗（收益為 0）", "Project failed (benefit 0)"),
                i18n::count(f64::round(h.failed), lang),
            ]];
            if out.no_expected_benefit() {
                // No ranges and no simulated totals: every household earns 0 (empty_outcome says why).
                let rest = out.households_funded as f64 - f64::round(h.failed);
                rows.push(vec![
                    p(
                        "项目成功（收益也为 0）",
                        "項目成功（收益也為 0）",
                        "Project succeeded (benefit also 0)",
                    ),
                    i18n::count(rest, lang),
                ]);
            }
            for b in 0..h.edges.len().saturating_sub(1) {
                let n: f64 = h.counts.iter().map(|c| c.get(b).copied().unwrap_or(0.0)).sum();
                // Both ends in the same format; the unit once, after the upper end.
                let range = format!("{}–{}", i18n::compact(h.edges[b], lang), money(h.edges[b + 1], lang));
                rows.push(vec![range, i18n::count(f64::round(n), lang)]);
            }
            if h.above > 0.5 {
                let last = h.edges.last().copied().unwrap_or(0.0);
                rows.push(vec![format!("> {}", money(last, lang)), i18n::count(f64::round(h.above), lang)]);
            }
            for (i, d) in out.draws.iter().enumerate().filter(|_| !out.no_expected_benefit()) {
                rows.push(vec![
                    match lang {
                        Lang::En => format!("Simulated programme total #{}", i + 1),
                        Lang::ZhHans => format!("模拟的项目总收益 #{}", i + 1),
                        Lang::ZhHant => format!("模擬的項目總收益 #{}", i + 1),
                    },
                    money(d.total_yuan, lang),
                ]);
            }
            Some(Table {
                caption: p(
                    "每户收益的分布（预期户数）与几次模拟结果",
                    "每戶收益的分佈（預期戶數）與幾次模擬結果",
                    "Benefit per household (expected households per range) and a few simulated totals",
                ),
                headers: vec![
                    p("每户收益", "每戶收益", "Benefit per household"),
                    p("户数", "戶數", "Households"),
                ],
                rows,
            })
        }
        "context" => {
            let mut rows = Vec::new();
            for m in facts::MILESTONES {
                for id in m.facts {
                    if let Some(f) = facts::get(id) {
                        let date = match m.month {
                            Some(mo) => format!("{}-{:02}", m.year, mo),
                            None => m.year.to_string(),
                        };
                        // A date of ours (the article's “now”), marked as such.
                        let date = if m.inferred {
                            format!("{date}{}", lang.pick("（推断）", "（推斷）", " (inferred)"))
                        } else {
                            date
                        };
                        rows.push(vec![date, label(&f, lang).to_string(), facts::format_value(&f, lang)]);
                    }
                }
            }
            Some(Table {
                caption: p(
                    "报道中的年份与数据",
                    "報道中的年份與數據",
                    "Dates and figures the article reports",
                ),
                headers: vec![
                    p("时间", "時間", "Date"),
                    p("事项", "事項", "What"),
                    p("数值", "數值", "Figure"),
                ],
                rows,
            })
        }
        _ => None,
    }
}

/// The cells of chart `name`'s data table ([`table`]) that show a figure of the dataset, as
/// `(row, column, fact id)`: the reported column of the allocation, the reported total of the
/// benefit, every figure of the context. They are the same cells in every scenario and
/// language, so `prerender` writes them once on the page's `<table>` for `www/app/text.js`
/// (and the wasm carries no code for them); a test checks each shows its fact's value.
pub fn table_facts(name: &str) -> Vec<(usize, usize, &'static str)> {
    match name {
        "allocation" => facts::MIX_FACT_IDS.iter().enumerate().map(|(r, id)| (r, 3, *id)).collect(),
        // After a row per kind and the total.
        "benefit" => vec![(Category::ALL.len() + 1, 1, "programme-benefit")],
        "context" => facts::MILESTONES
            .iter()
            .flat_map(|m| m.facts.iter())
            .enumerate()
            .map(|(r, id)| (r, 2, *id))
            .collect(),
        _ => Vec::new(),
    }
}

/// The lines stamped under a downloaded chart: which scenario, where the data come from,
/// and which model and dataset drew it.
pub fn stamp(out: &Outcome, lang: Lang) -> Vec<String> {
    let scenario = if out.query.is_empty() {
        lang.pick("情景：按报道", "情景：按報道", "Scenario: as reported").to_string()
    } else {
        format!("{}{}", lang.pick("情景：", "情景：", "Scenario: "), out.query)
    };
    vec![
        scenario,
        {
            let credit = facts::source::credit(lang);
            match lang {
                Lang::ZhHans => format!("资料来源：{credit}；假设与模型见页面说明"),
                Lang::ZhHant => format!("資料來源：{credit}；假設與模型見頁面說明"),
                Lang::En => format!("Source: {credit}; assumptions and model as described on the page"),
            }
        },
        format!("helong model {} · data {}", out.model_version, facts::dataset_hash()),
    ]
}

/// The keys of the page's `[data-out]` slots, in the order [`readout`] writes them: the
/// reactive sentence and the strip (`households` … `p95`), the courtyard line, the
/// assumptions' summary line, the two notes said only after a move, and the phone strip's line
/// comparing with the first pinned scenario (said only when there is one). The page's HTML names
/// them; the build refuses a slot that names another, and `tests/page.rs` refuses a key no
/// slot shows.
pub const OUTPUTS: [&str; 9] = [
    "households",
    "benefit",
    "p5",
    "p95",
    "courtyard",
    "assumptions",
    "why_unchanged",
    "strip_note",
    "pin_difference",
];

/// Every number the page shows beside its controls, formatted for the reader, in one call per
/// slider move. The page writes each entry where the HTML asks for it and knows no key itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readout {
    /// `[data-out="key"]` → its text, for each key of [`OUTPUTS`].
    pub outputs: Vec<(&'static str, String)>,
    /// `[data-adjust="key"]` → its words and its number (the `aria-valuenow`): the grant and
    /// the budget in the sentence.
    pub adjusters: Vec<(&'static str, String, f64)>,
    /// `<output id>` → the words beside its slider (e.g. `out-grant`, `out-mix-1`).
    pub controls: Vec<(String, String)>,
}

impl Readout {
    /// The text of slot `key`, if the readout has one.
    pub fn output(&self, key: &str) -> Option<&str> {
        self.outputs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }

    /// Set the text of slot `key` (one of [`OUTPUTS`]).
    pub fn set_output(&mut self, key: &str, text: String) {
        if let Some(slot) = self.outputs.iter_mut().find(|(k, _)| *k == key) {
            slot.1 = text;
        }
    }
}

/// True when every value of `xs` is the first one.
fn all_equal(xs: &[f64]) -> bool {
    xs.iter().all(|x| (x - xs[0]).abs() < 1e-9)
}

/// The assumptions in words, as the sliders write them: "failure 10% · spread σ 0.50 · β 1.00 ·
/// equal returns". Shown on the closed disclosure that holds the assumption sliders
/// ([`assumptions::summary_line`]).
pub fn assumptions_line(s: &crate::model::Scenario, lang: Lang) -> String {
    assumptions::summary_line(s, lang)
}

/// One line for a move that left the expected benefit unchanged: why (from the model's
/// assumptions: with equal returns, equal failure and β = 1 every yuan is expected to earn the
/// same wherever it goes and whatever the grant) and what did change instead.
pub fn why_unchanged(s: &crate::model::Scenario, out: &Outcome, lang: Lang) -> String {
    if let Some(why) = empty_outcome(out, lang) {
        return why.to_string();
    }
    let flat = all_equal(&s.ret) && all_equal(&s.fail) && (s.returns_to_scale - 1.0).abs() < 1e-9;
    let q = &out.benefit_quantiles_yuan;
    let n = i18n::count(out.households_funded as f64, lang);
    let (p5, p95) = (money(q.p5, lang), money(q.p95, lang));
    match (lang, flat) {
        (Lang::En, true) => format!("Same expected benefit: with equal returns and β = 1 every yuan earns the same whatever the split or the grant. What changed: {n} households funded, 90% range {p5}–{p95}. Try the assumptions."),
        (Lang::En, false) => format!("Same expected benefit: this move did not change what the money is expected to earn. What changed: {n} households funded, 90% range {p5}–{p95}."),
        (Lang::ZhHant, true) => format!("預期效益不變：各類回報相同、β = 1 時，無論怎麼分、每戶給多少，每元的預期收益都一樣。變化的是：資助 {n} 戶，90% 區間 {p5}–{p95}。試試調整假設。"),
        (Lang::ZhHant, false) => format!("預期效益不變：這一步沒有改變資金的預期收益。變化的是：資助 {n} 戶，90% 區間 {p5}–{p95}。"),
        (Lang::ZhHans, true) => format!("预期效益不变：各类回报相同、β = 1 时，无论怎么分、每户给多少，每元的预期收益都一样。变化的是：资助 {n} 户，90% 区间 {p5}–{p95}。试试调整假设。"),
        (Lang::ZhHans, false) => format!("预期效益不变：这一步没有改变资金的预期收益。变化的是：资助 {n} 户，90% 区间 {p5}–{p95}。"),
    }
}

/// What a move that left the expected benefit where it was changed instead, as the phone
/// strip shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StripMoved {
    /// The households by kind: the strip's chart shows them.
    Households,
    /// The P5–P95 range: the strip's chart shows it.
    Range,
    /// Nothing the strip shows (courtyards, say).
    Elsewhere,
}

/// One short line for the phone strip, under its chart, after a move that left the expected
/// benefit where it was: what moved instead.
pub fn strip_note(out: &Outcome, moved: StripMoved, lang: Lang) -> String {
    if let Some(why) = empty_outcome(out, lang) {
        return why.to_string();
    }
    match moved {
        StripMoved::Households => lang.pick(
            "预期效益不变 · 图中是各类户数",
            "預期效益不變 · 圖中是各類戶數",
            "Same expected benefit · chart: households by kind",
        ),
        StripMoved::Range => lang.pick(
            "预期效益不变 · 变化的是区间",
            "預期效益不變 · 變化的是區間",
            "Same expected benefit · the range moved",
        ),
        StripMoved::Elsewhere => lang.pick(
            "预期效益不变 · 这一项不影响它",
            "預期效益不變 · 這一項不影響它",
            "Same expected benefit · this control does not change it",
        ),
    }
    .to_string()
}

/// The readout of a scenario and its outcome.
pub fn readout(s: &crate::model::Scenario, out: &Outcome, lang: Lang) -> Readout {
    let pct = |x: f64| i18n::percent(x, 1);
    let q = &out.benefit_quantiles_yuan;
    let (grant, budget) = (money(s.grant as f64, lang), money(s.budget as f64, lang));
    let mut controls = vec![
        ("out-grant".to_string(), grant.clone()),
        ("out-budget".to_string(), budget.clone()),
        ("out-fail".to_string(), pct(100.0 * s.fail[0])),
        ("out-sigma".to_string(), num::fixed(s.sigma, 2)),
        ("out-scale".to_string(), num::fixed(s.returns_to_scale, 2)),
        ("out-cy".to_string(), i18n::count(s.courtyard_households as f64, lang)),
    ];
    for (i, share) in s.mix_shares().iter().enumerate() {
        controls.push((format!("out-mix-{i}"), pct(*share)));
    }
    for (i, r) in s.ret.iter().enumerate() {
        controls.push((format!("out-ret-{i}"), format!("×{}", num::fixed(*r, 1))));
    }
    let said = [
        i18n::count(out.households_funded as f64, lang),
        money(out.expected_benefit_yuan, lang),
        money(q.p5, lang),
        money(q.p95, lang),
        money(out.courtyard_income_yuan, lang),
        assumptions_line(s, lang),
        // Said only after a reader's move (the caller knows the outcome before it).
        String::new(),
        String::new(),
        // Said only with a pinned scenario (the caller holds the pins).
        String::new(),
    ];
    Readout {
        outputs: OUTPUTS.into_iter().zip(said).collect(),
        adjusters: vec![("grant", grant, s.grant as f64), ("budget", budget, s.budget as f64)],
        controls,
    }
}

/// The outcome of a scenario as CSV (UTF-8 with BOM, for Excel; CRLF line ends, as RFC 4180
/// and the dataset's CSV): one row per category and one for the total, money in yuan, plus
/// the scenario's query and the model's version.
pub fn outcome_csv(out: &Outcome) -> String {
    let mut s = String::from(
        "\u{feff}query,model_version,dataset_hash,row,households,expected_benefit_yuan,p5,p25,p50,p75,p95\r\n",
    );
    let head = format!("{},{},{}", facts::csv_field(&out.query), out.model_version, facts::dataset_hash());
    let r2 = |x: f64| num::shortest(num::round_to(x, 2));
    for c in &out.categories {
        s.push_str(&format!(
            "{head},{},{},{},{},{},{},{},{}\r\n",
            c.id,
            c.households,
            r2(c.expected_benefit_yuan),
            r2(c.p5),
            r2(c.p25),
            r2(c.p50),
            r2(c.p75),
            r2(c.p95)
        ));
    }
    let q = &out.benefit_quantiles_yuan;
    s.push_str(&format!(
        "{head},total,{},{},{},{},{},{},{}\r\n",
        out.households_funded,
        r2(out.expected_benefit_yuan),
        r2(q.p5),
        r2(q.p25),
        r2(q.p50),
        r2(q.p75),
        r2(q.p95)
    ));
    s.push_str(&format!("{head},courtyards,,{},,,,,\r\n", r2(out.courtyard_income_yuan)));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;
    use crate::model::Scenario;

    #[test]
    fn amounts_are_rounded_once_so_the_text_and_the_charts_agree() {
        // 547,749.6 yuan is 54.77万 (54.77496); rounding to whole yuan first would say 54.78万.
        assert_eq!(money(547_749.6, Lang::ZhHans), "54.77万元");
        assert_eq!(money(547_749.6, Lang::ZhHans), format!("{}元", i18n::compact(547_749.6, Lang::ZhHans)));
        assert_eq!(money(547_750.4, Lang::ZhHant), "54.78萬元");
        assert_eq!(money(547_749.6, Lang::En), "547,750 yuan");
    }

    #[test]
    fn the_summary_names_the_households_the_benefit_and_its_range_in_each_language() {
        let out = simulate("");
        assert!(summary(&out, Lang::ZhHans).contains("2546 户"));
        assert!(summary(&out, Lang::ZhHant).contains("2546 戶"));
        let en = summary(&out, Lang::En);
        assert!(en.contains("2,546 households") && en.contains("559,300 yuan"), "{en}");
    }

    #[test]
    fn the_summary_gives_the_failure_rate_as_an_assumption_not_as_a_result() {
        // The share of projects that fail is the assumed rate: reading it out as an outcome
        // ("about 10% of projects failing") would report an input as a finding.
        for q in ["", "fail=0.3&sigma=1.2"] {
            let out = simulate(q);
            let s = crate::model::codec::parse(q).scenario;
            let fail = i18n::percent(100.0 * s.fail[0], 1);
            let en = summary(&out, Lang::En);
            assert!(en.contains(&format!("rests on the assumed failure rate ({fail})")), "{en}");
            assert!(!en.contains("failing") && !en.contains("failed"), "{en}");
            let zh = summary(&out, Lang::ZhHans);
            assert!(zh.contains(&format!("假设的失败概率（{fail}）")) && !zh.contains("的项目失败"), "{zh}");
        }
    }

    #[test]
    fn the_summary_mentions_unspent_budget_only_when_there_is_some() {
        assert!(!summary(&simulate(""), Lang::En).contains("unspent"));
        assert!(summary(&simulate("budget=12732000"), Lang::En)
            .contains("2,000 yuan of the budget is left unspent"));
    }

    #[test]
    fn every_chart_has_a_table_with_a_row_per_item() {
        let out = simulate("");
        for lang in Lang::ALL {
            assert_eq!(table("allocation", &out, lang).map(|t| t.rows.len()), Some(5));
            assert_eq!(table("benefit", &out, lang).map(|t| t.rows.len()), Some(7));
            let o = table("outcomes", &out, lang).expect("outcomes table");
            assert!(o.rows.len() > 10);
            let c = table("context", &out, lang).expect("context table");
            assert_eq!(c.rows.len(), 9);
            assert!(table("nope", &out, lang).is_none());
        }
    }

    #[test]
    fn every_table_cell_linked_to_a_fact_shows_that_facts_value_in_every_language() {
        // Under any scenario the reported cells stay the article's (this one changes every
        // modelled cell: the households, the mix and the total).
        for query in ["", "budget=20000000&grant=8000&mix=1,1,1,1,1"] {
            let out = simulate(query);
            for lang in Lang::ALL {
                let mut linked = 0;
                for name in ["allocation", "benefit", "outcomes", "context"] {
                    let t = table(name, &out, lang).expect(name);
                    for (r, c, id) in table_facts(name) {
                        let f = facts::get(id).expect(id);
                        let cell = &t.rows[r][c];
                        assert_eq!(
                            cell,
                            &facts::format_value(&f, lang),
                            "{name} row {r} col {c} ({id}, {lang:?})"
                        );
                        linked += 1;
                    }
                }
                // Five reported counts, the reported total, nine dated figures.
                assert_eq!(linked, 15, "{lang:?}");
            }
        }
    }

    #[test]
    fn the_context_table_only_lists_reported_years() {
        let t = table("context", &simulate(""), Lang::En).expect("table");
        for row in &t.rows {
            let year: u32 = row[0][..4].parse().expect("year");
            assert!([1993, 2002, 2014, 2015, 2018, 2019].contains(&year), "{row:?}");
        }
    }

    #[test]
    fn the_download_stamp_names_the_scenario_the_source_and_the_dataset() {
        let lines = stamp(&simulate("grant=10000"), Lang::En);
        assert!(lines[0].contains("grant=10000"));
        assert!(lines[1].contains("Wang Xin"));
        assert!(lines[2].contains(&facts::dataset_hash()));
        assert!(stamp(&simulate(""), Lang::ZhHans)[0].contains("按报道"));
    }

    #[test]
    fn the_readout_formats_every_control_in_the_readers_language() {
        let s = crate::model::codec::parse("grant=10000").scenario;
        let out = simulate("grant=10000");
        let r = readout(&s, &out, Lang::En);
        assert_eq!(r.output("households"), Some("1,273"));
        assert_eq!(r.adjusters[0], ("grant", "10,000 yuan".to_string(), 10_000.0));
        assert_eq!(r.controls.len(), 16);
        assert!(r.controls.contains(&("out-mix-1".to_string(), "73%".to_string())), "{:?}", r.controls);
        assert_eq!(readout(&s, &out, Lang::ZhHans).adjusters[1].1, "1273万元");
    }

    #[test]
    fn the_assumptions_read_in_words_and_a_move_that_changes_no_benefit_says_why() {
        let d = crate::model::codec::parse("").scenario;
        assert_eq!(
            assumptions_line(&d, Lang::En),
            "equal returns · β 1.00 · failure 10% · spread σ 0.50 · courtyards 2,458"
        );
        let s = crate::model::codec::parse("ret=1,2,1,1,1&scale=1.2").scenario;
        let line = assumptions_line(&s, Lang::ZhHans);
        assert!(line.contains("×2.0") && line.contains("β 1.20"), "{line}");
        let out = simulate("grant=10000");
        let note = why_unchanged(&d, &out, Lang::En);
        assert!(note.contains("equal returns and β = 1") && note.contains("1,273 households"), "{note}");
        assert!(!why_unchanged(&s, &out, Lang::En).contains("β = 1"));
        let n = i18n::count(out.households_funded as f64, Lang::ZhHant);
        assert!(why_unchanged(&d, &out, Lang::ZhHant).contains(&format!("資助 {n} 戶")));
    }

    #[test]
    fn the_outcome_csv_has_a_bom_a_header_and_seven_rows() {
        let csv = outcome_csv(&simulate("grant=10000"));
        assert!(csv.starts_with("\u{feff}query,"));
        assert_eq!(csv.lines().count(), 8);
        assert!(csv.contains("grant=10000,"));
        assert!(csv.lines().all(|l| l.split(',').count() == 11), "{csv}");
    }

    #[test]
    fn a_tie_for_the_largest_group_names_every_kind_in_it() {
        // 1,273 households split equally: 255, 255, 255, 254, 254.
        let out = simulate("grant=10000&mix=1");
        let en = summary(&out, Lang::En);
        assert!(
            en.contains("The largest groups are Planting, Livestock and Small trade (255 households each)."),
            "{en}"
        );
        let zh = summary(&out, Lang::ZhHans);
        assert!(zh.contains("户数最多的是小种植、小养殖和小买卖（各 255 户）。"), "{zh}");
        let one = summary(&simulate(""), Lang::En);
        assert!(one.contains("The largest group is Livestock (1,859 households)."), "{one}");
    }

    #[test]
    fn household_counts_are_whole_numbers_in_every_language() {
        let out = simulate("grant=500&budget=50000000");
        assert_eq!(out.households_funded, 15_670);
        let digits = |t: String| t.replace(',', "");
        for lang in [Lang::ZhHans, Lang::ZhHant] {
            assert_eq!(readout(&Scenario::default(), &out, lang).output("households"), Some("15670"));
            assert_eq!(digits(i18n::count(15_670.0, lang)), digits(i18n::count(15_670.0, Lang::En)));
        }
        assert!(summary(&out, Lang::ZhHans).contains("资助 15670 户"), "{}", summary(&out, Lang::ZhHans));
    }

    #[test]
    fn both_ends_of_a_benefit_range_are_written_alike() {
        for q in ["", "grant=50000&budget=50000000", "grant=500"] {
            let out = simulate(q);
            for lang in Lang::ALL {
                let t = table("outcomes", &out, lang).expect("the outcomes table");
                let edges = &out.histogram.edges;
                for (row, pair) in t.rows.iter().skip(1).zip(edges.windows(2)) {
                    let (lo, hi) = row[0].split_once('–').expect("a range");
                    assert_eq!(hi, money(pair[1], lang), "{q} {lang:?}");
                    let unit = lang.pick("元", "元", " yuan");
                    assert_eq!(format!("{lo}{unit}"), money(pair[0], lang), "{q} {lang:?}: {}", row[0]);
                }
            }
        }
    }

    #[test]
    fn a_scenario_that_expects_no_benefit_has_words_of_its_own_in_the_summary_and_the_tables() {
        let out = simulate("mix=0,1,0,0,0&ret=1,0,1,1,1");
        assert!(out.no_expected_benefit());
        for lang in Lang::ALL {
            let why = empty_outcome(&out, lang).expect("the state has words");
            let s = summary(&out, lang);
            assert!(s.contains(why), "{s}");
            assert!(!s.contains("90%"), "no range of zeros is read aloud: {s}");
            let t = table("outcomes", &out, lang).expect("the outcomes table");
            // The failed row and the succeeded-but-zero row: no "0–0" ranges, no totals of 0.
            assert_eq!(t.rows.len(), 2, "{:?}", t.rows);
            assert!(t.rows.iter().all(|r| !r[0].contains('–')), "{:?}", t.rows);
            let households: f64 =
                t.rows.iter().map(|r| r[1].replace(',', "").parse::<f64>().unwrap_or(f64::NAN)).sum();
            assert_eq!(households, 2546.0, "every funded household is in a row");
            assert_eq!(why_unchanged(&Scenario::default(), &out, lang), why);
        }
        // A scenario with a benefit has no such words.
        assert_eq!(empty_outcome(&simulate(""), Lang::En), None);
    }

    #[test]
    fn the_outcome_csv_ends_every_line_with_crlf_as_the_facts_csv_does() {
        let csv = outcome_csv(&simulate("grant=10000"));
        assert!(csv.ends_with("\r\n"), "{csv:?}");
        assert!(!csv.replace("\r\n", "").contains('\n'), "{csv:?}");
        let facts = facts::to_csv(&facts::all());
        assert!(facts.ends_with("\r\n") && !facts.replace("\r\n", "").contains('\n'));
    }
}
