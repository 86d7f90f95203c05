//! The model's assumptions in words, in three languages: the entries of
//! [`crate::model::assumptions`] as the page shows them.
//!
//! - [`summary_line`]: the closed disclosure's summary (“failure 10% · spread σ 0.50 · …”),
//!   from the scenario, so it follows the sliders (the wasm calls it on every move);
//! - [`list_html`]: the method section's list, one `<li>` per entry: its name and tag
//!   (assumption or setting), what it says, its default and range (or that nothing sets it),
//!   what it changes and what it does not;
//! - [`note`]: the line beside a slider that says what moving it does (failure, spread,
//!   courtyards);
//! - [`entry_html`]: the popover of an entry's number, marked as this explainer's, not the
//!   article's;
//! - [`embed_credit_html`]: the embed's credit line, which points at the list.
//!
//! Words may cite a fact of the dataset (`{fact:ID}`: in HTML a `data-fact` span, so it opens
//! its own popover) and the entry's default (`{default}`: a `data-assumption` span). Numbers are
//! written from the model's values by the formatters of the rest of the page, so they read as
//! the sliders and the story write them.

#[cfg(not(target_arch = "wasm32"))]
use crate::facts;
use crate::i18n::{self, Lang};
#[cfg(not(target_arch = "wasm32"))]
use crate::model::assumptions::{Assumption, DefaultValue, Kind};
use crate::model::assumptions::{Control, Measure};
use crate::model::Scenario;
use crate::num;

/// True when every value of `xs` is the first one.
fn all_equal(xs: &[f64]) -> bool {
    xs.iter().all(|x| (x - xs[0]).abs() < 1e-9)
}

/// The assumed chance of failure as the slider writes it (`10%`), or that it varies by kind.
pub fn fail_text(s: &Scenario, lang: Lang) -> String {
    if all_equal(&s.fail) {
        i18n::percent(100.0 * s.fail[0], 1)
    } else {
        lang.pick("各类不同", "各類不同", "varies").to_string()
    }
}

/// The assumptions a slider sets, from the model's list and in its order, each with the value
/// the scenario gives it as the sliders write it: "equal returns · β 1.00 · failure 10% ·
/// spread σ 0.50 · courtyards 2,458". Shown on the closed disclosure that holds those sliders.
pub fn summary_line(s: &Scenario, lang: Lang) -> String {
    let set_by_slider = crate::model::assumptions::all().into_iter().filter(|a| a.control == Control::Slider);
    let parts: Vec<String> = set_by_slider
        .map(|a| match a.id {
            "returns" if all_equal(&s.ret) => {
                lang.pick("各类回报相同", "各類回報相同", "equal returns").to_string()
            }
            "returns" => {
                let each: Vec<String> = s.ret.iter().map(|r| format!("×{}", num::fixed(*r, 1))).collect();
                format!("{} {}", lang.pick("相对回报", "相對回報", "returns"), each.join("/"))
            }
            "scale" => format!(
                "{} {}",
                lang.pick("规模回报 β", "規模回報 β", "β"),
                num::fixed(s.returns_to_scale, 2)
            ),
            "failure" => format!("{} {}", lang.pick("失败概率", "失敗概率", "failure"), fail_text(s, lang)),
            "spread" => format!("{} {}", lang.pick("离散 σ", "離散 σ", "spread σ"), num::fixed(s.sigma, 2)),
            "courtyards" => format!(
                "{} {}",
                lang.pick("庭院", "庭院", "courtyards"),
                number(s.courtyard_households as f64, Measure::Households, lang)
            ),
            // Every slider of the list has its words here (a test checks it).
            other => other.to_string(),
        })
        .collect();
    parts.join(" · ")
}

/// The words of one entry in one language. `says`, `changes` and `keeps` may hold
/// `{fact:ID}` and `{default}` (and, for the fast method, `{wide}`, `{above}`, `{se}` and
/// `{median}`: the rest of its tolerance).
#[cfg(not(target_arch = "wasm32"))]
struct Words {
    name: &'static str,
    says: &'static str,
    changes: Option<&'static str>,
    keeps: Option<&'static str>,
    /// Said beside its slider.
    note: Option<&'static str>,
}

#[cfg(not(target_arch = "wasm32"))]
fn words(id: &str, lang: Lang) -> Option<Words> {
    let t = |a: &'static str, b: &'static str, c: &'static str| lang.pick(a, b, c);
    let w = match id {
        "calibration" => Words {
            name: t("按报道校准", "按報道校準", "Calibrated to the report"),
            says: t(
                "报道说，创业项目一共产生了 {fact:programme-benefit} 效益资金。模型把这个总数当作报道那种分法的预期效益：每发放 1 元，预期产生 {fact:benefit-per-yuan-granted} 的效益。这是本页的读法：报道只给了一个总数，没有说它是平均水平。",
                "報道說，創業項目一共產生了 {fact:programme-benefit} 效益資金。模型把這個總數當作報道那種分法的預期效益：每發放 1 元，預期產生 {fact:benefit-per-yuan-granted} 的效益。這是本頁的讀法：報道只給了一個總數，沒有說它是平均水平。",
                "The article reports {fact:programme-benefit} of benefit from the enterprises. The model treats that total as the expected benefit of the reported split: each yuan granted is expected to yield {fact:benefit-per-yuan-granted} of it in benefit. That is this page's reading; the article gives one total and does not say it is typical.",
            ),
            changes: Some(t(
                "每一个效益数字的大小：换一种分法、改每户资金或预算，都从这个比率推算。",
                "每一個效益數字的大小：換一種分法、改每戶資金或預算，都從這個比率推算。",
                "The size of every benefit figure: any other split, grant or budget is worked out from this rate.",
            )),
            keeps: Some(t(
                "报道的分法（{fact:programme-households} 户，每户 {fact:grant-per-household}）预期效益始终是 {fact:programme-benefit}，其他假设怎么设都一样。",
                "報道的分法（{fact:programme-households} 戶，每戶 {fact:grant-per-household}）預期效益始終是 {fact:programme-benefit}，其他假設怎麼設都一樣。",
                "The reported split ({fact:programme-households} households at {fact:grant-per-household}) always expects {fact:programme-benefit}, whatever the other assumptions.",
            )),
            note: None,
        },
        "benefit-by-kind" => Words {
            name: t("分类效益是模型估算", "分類效益是模型估算", "Benefit by kind is modelled"),
            says: t(
                "报道只给出五类创业项目合计的效益，没有分类的数字。“各类项目的预期效益”图、它的数据表和文字说明里的分类数字，都是模型按相对回报把总额分到五类上得到的，不是报道的数字。",
                "報道只給出五類創業項目合計的效益，沒有分類的數字。“各類項目的預期效益”圖、它的數據表和文字說明裡的分類數字，都是模型按相對回報把總額分到五類上得到的，不是報道的數字。",
                "The article gives only the total benefit of the five kinds of enterprise, nothing by kind. The figures by kind in the “Expected benefit by kind of project” chart, its data table and its text description are the model's: the total shared out by the assumed relative returns, not figures of the article.",
            ),
            changes: Some(t(
                "每一类的预期效益和区间。",
                "每一類的預期效益和區間。",
                "The expected benefit and range of each kind.",
            )),
            keeps: Some(t("五类合计。", "五類合計。", "The total of the five kinds.")),
            note: None,
        },
        "returns" => Words {
            name: t("五类项目的相对回报", "五類項目的相對回報", "Relative returns of the five kinds"),
            says: t(
                "每一类项目每元资金的回报，比其他类高多少或低多少。报道没有分类公布效益，所以默认五类相同。",
                "每一類項目每元資金的回報，比其他類高多少或低多少。報道沒有分類公布效益，所以默認五類相同。",
                "How much a yuan earns in each kind of enterprise compared with the others. The article reports no benefit by kind, so by default the five are equal.",
            ),
            changes: Some(t(
                "换一种分法后的预期效益，以及效益在五类之间怎么分。",
                "換一種分法後的預期效益，以及效益在五類之間怎麼分。",
                "The expected benefit of any other split, and how the benefit divides among the five kinds.",
            )),
            keeps: Some(t(
                "报道那种分法的预期总额：校准会让它保持在报道的数字上。",
                "報道那種分法的預期總額：校準會讓它保持在報道的數字上。",
                "The reported split's expected total: the calibration keeps it at the reported figure.",
            )),
            note: None,
        },
        "no-saturation" => Words {
            name: t("收益不随户数递减", "收益不隨戶數遞減", "No saturation"),
            says: t(
                "每元资金的预期收益与资助多少户无关：多资助的户和原有的户一样能赚钱，不会出现市场饱和。只有规模回报 β 会随每户资金的多少改变每元的收益。",
                "每元資金的預期收益與資助多少戶無關：多資助的戶和原有的戶一樣能賺錢，不會出現市場飽和。只有規模回報 β 會隨每戶資金的多少改變每元的收益。",
                "A yuan is expected to earn the same however many households are funded: extra households do as well as the first ones, and no market fills up. Only the returns to scale β change what a yuan earns, and only with the size of each grant.",
            ),
            changes: Some(t(
                "预算多出几成，预期效益就多出几成（在资助户数的上限以内）。",
                "預算多出幾成，預期效益就多出幾成（在資助戶數的上限以內）。",
                "Expected benefit grows in proportion to the budget (up to the ceiling on households).",
            )),
            keeps: None,
            note: None,
        },
        "scale" => Words {
            name: t("规模回报 β", "規模回報 β", "Returns to scale β"),
            says: t(
                "每户资金是报道的 {fact:grant-per-household} 的 k 倍时，每户预期效益是原来的 k^β 倍。β 为 1 时，资金翻一倍，效益也翻一倍；小于 1 时，多给的钱回报递减。",
                "每戶資金是報道的 {fact:grant-per-household} 的 k 倍時，每戶預期效益是原來的 k^β 倍。β 為 1 時，資金翻一倍，效益也翻一倍；小於 1 時，多給的錢回報遞減。",
                "When a household's grant is k times the reported {fact:grant-per-household}, its expected benefit is k^β times as large. With β at 1, twice the grant earns twice the benefit; below 1, extra money earns less and less.",
            ),
            changes: Some(t(
                "每户资金不是 {fact:grant-per-household} 时的预期效益（例如“一半户数、双倍资金”这样的预设）。",
                "每戶資金不是 {fact:grant-per-household} 時的預期效益（例如“一半戶數、雙倍資金”這樣的預設）。",
                "The expected benefit whenever the grant is not {fact:grant-per-household} (as in the double- and half-grant presets).",
            )),
            keeps: Some(t(
                "每户 {fact:grant-per-household} 的情景，包括报道的分法。",
                "每戶 {fact:grant-per-household} 的情景，包括報道的分法。",
                "Any scenario at {fact:grant-per-household} a household, the reported split included.",
            )),
            note: None,
        },
        "household-cap" => Words {
            name: t("资助户数的上限", "資助戶數的上限", "A ceiling on households funded"),
            says: t(
                "资助的户数不超过 2015 年底的建档立卡贫困人口 {fact:registered-poor-2015} 人。报道只给了贫困人口，没有给贫困户数；一户至少一人，所以这只是宽松的上限，不是贫困户的数目。",
                "資助的戶數不超過 2015 年底的建檔立卡貧困人口 {fact:registered-poor-2015} 人。報道只給了貧困人口，沒有給貧困戶數；一戶至少一人，所以這只是寬鬆的上限，不是貧困戶的數目。",
                "No more households are funded than the {fact:registered-poor-2015} registered poor people at the end of 2015. The article counts people, not households; a household has at least one person, so this is a loose upper bound, not a number of households.",
            ),
            changes: Some(t(
                "预算超出上限的部分不发放，页面会给出提示。",
                "預算超出上限的部分不發放，頁面會給出提示。",
                "Budget beyond it stays unspent, and the page says so.",
            )),
            keeps: None,
            note: None,
        },
        "failure" => Words {
            name: t("项目失败的概率", "項目失敗的概率", "Chance a project fails"),
            says: t(
                "每个获资助的项目都以这个概率失败，五类相同。纯属示意：报道没有提到失败的项目。",
                "每個獲資助的項目都以這個概率失敗，五類相同。純屬示意：報道沒有提到失敗的項目。",
                "Every funded project fails with this chance, the same for all five kinds. Purely illustrative: the article mentions no failed projects.",
            ),
            changes: Some(t(
                "结果区间（P5–P95）的宽窄，以及结果分布里失败的户数。",
                "結果區間（P5–P95）的寬窄，以及結果分佈裡失敗的戶數。",
                "How wide the range of outcomes (P5–P95) is, and how many households fail in the distribution.",
            )),
            keeps: Some(t(
                "预期效益。成功项目的平均收益按 1/(1−p) 放大（p 是失败概率），所以失败率越高，区间越宽，预期总额不变。",
                "預期效益。成功項目的平均收益按 1/(1−p) 放大（p 是失敗概率），所以失敗率越高，區間越寬，預期總額不變。",
                "The expected benefit. A successful project's mean is scaled up by 1/(1−p), p being this chance, so a higher failure rate widens the range and leaves the expected total where it is.",
            )),
            note: Some(t(
                "调高失败率只会让区间变宽，不会降低预期效益：成功项目的平均收益按 1/(1−p) 放大。",
                "調高失敗率只會讓區間變寬，不會降低預期效益：成功項目的平均收益按 1/(1−p) 放大。",
                "Raising it only widens the range; it does not lower the expected benefit, because a successful project's mean is scaled up by 1/(1−p).",
            )),
        },
        "failure-earns-zero" => Words {
            name: t("失败的项目收益为零", "失敗的項目收益為零", "A failure earns nothing, and loses nothing"),
            says: t(
                "失败的项目收益为 0，不会亏本：模型里没有负的收益，领到的资金也不算作损失。",
                "失敗的項目收益為 0，不會虧本：模型裡沒有負的收益，領到的資金也不算作損失。",
                "A failed project earns 0 and loses nothing: the model has no negative benefit, and the grant itself is not counted as a loss.",
            ),
            changes: Some(t(
                "任何区间的下端都不会低于 0。",
                "任何區間的下端都不會低於 0。",
                "No range ever reaches below 0.",
            )),
            keeps: None,
            note: None,
        },
        "lognormal" => Words {
            name: t("成功项目的收益呈对数正态分布", "成功項目的收益呈對數正態分佈", "Successful projects vary lognormally"),
            says: t(
                "成功项目的收益围绕它的平均值上下浮动，按对数正态分布：多数接近平均，少数高出很多，没有负值。报道没有给出单个项目的收益。",
                "成功項目的收益圍繞它的平均值上下浮動，按對數正態分佈：多數接近平均，少數高出很多，沒有負值。報道沒有給出單個項目的收益。",
                "A successful project's benefit varies around its mean following a lognormal distribution: most come close to it, a few far above, none below zero. The article gives no single project's benefit.",
            ),
            changes: Some(t(
                "结果分布的形状（右边拖着长尾）和区间的位置。",
                "結果分佈的形狀（右邊拖著長尾）和區間的位置。",
                "The shape of the distribution of outcomes (a long tail to the right) and where the ranges lie.",
            )),
            keeps: Some(t("预期效益。", "預期效益。", "The expected benefit.")),
            note: None,
        },
        "spread" => Words {
            name: t("成功项目收益的离散程度 σ", "成功項目收益的離散程度 σ", "Spread of successful projects σ"),
            says: t(
                "上面那个对数正态分布的对数标准差：σ 越大，成功项目之间的差别越大。纯属示意，没有数据依据。",
                "上面那個對數正態分佈的對數標準差：σ 越大，成功項目之間的差別越大。純屬示意，沒有數據依據。",
                "The log-scale standard deviation of that lognormal distribution: the larger σ, the more successful projects differ. Purely illustrative; no data lie behind it.",
            ),
            changes: Some(t("区间的宽窄。", "區間的寬窄。", "How wide the ranges are.")),
            keeps: Some(t("预期效益。", "預期效益。", "The expected benefit.")),
            note: Some(t(
                "只改变区间的宽窄，不改变预期效益。",
                "只改變區間的寬窄，不改變預期效益。",
                "It changes how wide the ranges are, not the expected benefit.",
            )),
        },
        "courtyards" => Words {
            name: t("庭院收益按户数同比增减", "庭院收益按戶數同比增減", "Courtyard income grows in step with households"),
            says: t(
                "庭院收益 = 户数 × 每户平均面积 {fact:courtyard-area-per-household} × 每平方米收益 {fact:courtyard-income-per-m2}元。也就是说，每多认领一户，就多一份报道中的平均收益。报道没有说明庭院怎样运作，这样推算是本页的假设。",
                "庭院收益 = 戶數 × 每戶平均面積 {fact:courtyard-area-per-household} × 每平方米收益 {fact:courtyard-income-per-m2}元。也就是說，每多認領一戶，就多一份報道中的平均收益。報道沒有說明庭院怎樣運作，這樣推算是本頁的假設。",
                "Courtyard income = households × the average area per household, {fact:courtyard-area-per-household}, × the income per square metre, {fact:courtyard-income-per-m2} yuan. Each extra household adds the reported average. The article does not say how the courtyards work; this scaling is this page's assumption.",
            ),
            changes: Some(t("庭院收益。", "庭院收益。", "Courtyard income.")),
            keeps: Some(t(
                "创业资金的效益：两者分开计算。",
                "創業資金的效益：兩者分開計算。",
                "The benefit of the start-up grants: the two are worked out separately.",
            )),
            note: Some(t(
                "假设：每多认领一户，庭院收益按报道的平均面积和每平方米收益同比增加。",
                "假設：每多認領一戶，庭院收益按報道的平均面積和每平方米收益同比增加。",
                "An assumption: each extra household adds courtyard income at the reported average area and income per square metre.",
            )),
        },
        "runs" => Words {
            name: t("模拟次数", "模擬次數", "Runs of the simulation"),
            says: t(
                "每个情景模拟 {default} 次：每次都有一些项目失败、收益为零，成功项目的收益有高有低；图中的区间是中间 90% 的结果（P5 到 P95）。随机数来自固定的种子，同样的设定总是得到同样的数字，拖动滑块时区间也不会乱跳。",
                "每個情景模擬 {default} 次：每次都有一些項目失敗、收益為零，成功項目的收益有高有低；圖中的區間是中間 90% 的結果（P5 到 P95）。隨機數來自固定的種子，同樣的設定總是得到同樣的數字，拖動滑塊時區間也不會亂跳。",
                "Each scenario is simulated {default} times: in every run some projects fail and earn nothing and the rest earn more or less; the ranges show the middle 90% of runs (P5 to P95). The random numbers come from a fixed seed, so the same settings always give the same numbers and the ranges do not jump about as you drag.",
            ),
            changes: Some(t("区间的精确程度。", "區間的精確程度。", "How precise the ranges are.")),
            keeps: Some(t(
                "预期效益：它是直接算出来的，不是模拟出来的。",
                "預期效益：它是直接算出來的，不是模擬出來的。",
                "The expected benefit: it is calculated, not simulated.",
            )),
            note: None,
        },
        "fast-method" => Words {
            name: t("快速算法", "快速算法", "The fast method"),
            says: t(
                "为了在手机上即时更新，页面不逐户模拟，而是用一种快速算法：先抽出失败的户数，再用前三阶矩相同的对数正态分布代替成功项目收益之和。测试把它与逐户模拟的参照结果对比：每个分位数的差别不超过参照 P5–P95 区间宽度的 {default}（σ 大于 {above} 时为 {wide}），另加两者抽样误差的 {se} 个标准误和参照中位数的 {median}。",
                "為了在手機上即時更新，頁面不逐戶模擬，而是用一種快速算法：先抽出失敗的戶數，再用前三階矩相同的對數正態分佈代替成功項目收益之和。測試把它與逐戶模擬的參照結果對比：每個分位數的差別不超過參照 P5–P95 區間寬度的 {default}（σ 大於 {above} 時為 {wide}），另加兩者抽樣誤差的 {se} 個標準誤和參照中位數的 {median}。",
                "To update instantly on a phone, the page does not simulate household by household: it draws the number of failures, then stands in for the sum of the successes with a lognormal distribution that has the same first three moments. The tests compare it with a household-by-household reference: every quantile within {default} of the reference's P5–P95 width ({wide} when σ is above {above}), plus {se} standard errors of the two simulations' sampling noise and {median} of the reference median.",
            ),
            changes: None,
            keeps: None,
            note: None,
        },
        _ => return None,
    };
    Some(w)
}

/// A number of an entry as the page writes it: `10%`, `0.5`, `×1`, `1000` (`1,000`).
pub fn number(x: f64, m: Measure, lang: Lang) -> String {
    match m {
        Measure::Share => i18n::percent(100.0 * x, 1),
        Measure::Plain => num::shortest(x),
        Measure::Times => format!("×{}", num::shortest(x)),
        Measure::Count | Measure::Households => i18n::count(x, lang),
    }
}

/// An entry's default as the page writes it (a fact's value for a fact), if it has one.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_text(a: &Assumption, lang: Lang) -> Option<String> {
    match a.default {
        DefaultValue::None => None,
        DefaultValue::Value(v) => Some(number(v, a.measure, lang)),
        DefaultValue::Fact(id) => facts::get(id).map(|f| facts::format_value(&f, lang)),
    }
}

/// An entry's range, `0%–90%`, `0–10000户`, if something sets it.
#[cfg(not(target_arch = "wasm32"))]
pub fn range_text(a: &Assumption, lang: Lang) -> Option<String> {
    let r = a.range?;
    let unit = match (a.measure, lang) {
        (Measure::Households, Lang::En) => " households",
        (Measure::Households, _) => lang.pick("户", "戶", ""),
        _ => "",
    };
    Some(format!("{}–{}{unit}", number(r.min, a.measure, lang), number(r.max, a.measure, lang)))
}

/// Escape text for HTML.
#[cfg(not(target_arch = "wasm32"))]
fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A text of an entry with its placeholders filled: as HTML (facts and the default as the
/// spans that open their popovers) or as plain text. An unknown placeholder or fact is an
/// error (the build stops).
#[cfg(not(target_arch = "wasm32"))]
fn fill(template: &str, a: &Assumption, lang: Lang, html: bool) -> Result<String, String> {
    let tol = crate::model::montecarlo::FAST_TOLERANCE;
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let piece = &rest[..open];
        out.push_str(&if html { esc(piece) } else { piece.to_string() });
        let close = rest[open..].find('}').ok_or_else(|| format!("{}: an unclosed {{", a.id))? + open;
        let name = &rest[open + 1..close];
        let (text, span) = if let Some(id) = name.strip_prefix("fact:") {
            let f = facts::get(id).ok_or_else(|| format!("{}: no fact {id}", a.id))?;
            (facts::format_value(&f, lang), format!("data-fact=\"{id}\""))
        } else {
            let text = match name {
                "default" => default_text(a, lang).ok_or_else(|| format!("{}: no default to write", a.id))?,
                "wide" => number(tol.wide_width_share, Measure::Share, lang),
                "above" => number(tol.wide_above_sigma, Measure::Plain, lang),
                "se" => number(tol.standard_errors, Measure::Plain, lang),
                "median" => number(tol.median_share, Measure::Share, lang),
                other => return Err(format!("{}: no placeholder {{{other}}}", a.id)),
            };
            (text, format!("data-assumption=\"{}\"", a.id))
        };
        if html {
            out.push_str(&format!("<span {span}>{}</span>", esc(&text)));
        } else {
            out.push_str(&text);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(&if html { esc(rest) } else { rest.to_string() });
    Ok(out)
}

/// The short words around an entry, in one language.
#[cfg(not(target_arch = "wasm32"))]
struct Labels {
    tag: (&'static str, &'static str),
    whose: (&'static str, &'static str),
    changes: &'static str,
    keeps: &'static str,
}

#[cfg(not(target_arch = "wasm32"))]
fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::ZhHans => Labels {
            tag: ("假设", "设置"),
            whose: ("本页的假设，不是报道的数字", "本页模拟的设置，不是报道的数字"),
            changes: "会改变：",
            keeps: "不会改变：",
        },
        Lang::ZhHant => Labels {
            tag: ("假設", "設置"),
            whose: ("本頁的假設，不是報道的數字", "本頁模擬的設置，不是報道的數字"),
            changes: "會改變：",
            keeps: "不會改變：",
        },
        Lang::En => Labels {
            tag: ("assumption", "setting"),
            whose: (
                "An assumption of this explainer, not a figure of the article",
                "A setting of this explainer's simulation, not a figure of the article",
            ),
            changes: "Changes: ",
            keeps: "Does not change: ",
        },
    }
}

/// What sets an entry, with its default and range: "默认 10%，范围 0%–90%，可用…的滑块调整。"
/// (An entry whose words already state its fixed number says only that it is fixed.)
#[cfg(not(target_arch = "wasm32"))]
fn value_line(a: &Assumption, lang: Lang, html: bool) -> Result<String, String> {
    let fact = |id: &str| format!("{{fact:{id}}}");
    let stated = words(a.id, lang).is_some_and(|w| w.says.contains("{default}"));
    let template = match (a.control, a.default) {
        (Control::Fixed, DefaultValue::Value(_)) if stated => lang
            .pick("固定不变，没有控件。", "固定不變，沒有控件。", "Fixed; no control sets it.")
            .to_string(),
        (Control::Slider, DefaultValue::Value(_) | DefaultValue::Fact(_)) => {
            // A default that is the article's figure points at it and says so.
            let default = match a.default {
                DefaultValue::Fact(id) => lang
                    .pick("{F}（报道的数字）", "{F}（報道的數字）", "{F} (the article's figure)")
                    .replace("{F}", &fact(id)),
                _ => "{default}".to_string(),
            };
            lang.pick(
                "默认 {D}，范围 {range}，可以用模拟器“假设与庭院”里的滑块调整。",
                "默認 {D}，範圍 {range}，可以用模擬器“假設與庭院”裡的滑塊調整。",
                "Default {D}; range {range}, set with a slider under “Assumptions and courtyards” in the simulator.",
            )
            .replace("{D}", &default)
        }
        (Control::LinkOnly, _) => lang
            .pick(
                "默认 {default}，范围 {range}，只能在链接里用 KEY= 设置。",
                "默認 {default}，範圍 {range}，只能在鏈接裡用 KEY= 設置。",
                "Default {default}; range {range}, set only in a link (KEY=).",
            )
            .replace("KEY", a.key.unwrap_or("")),
        (Control::Fixed, DefaultValue::Fact(id)) => lang
            .pick(
                "所用的数字 {F} 出自报道的数据；没有控件。",
                "所用的數字 {F} 出自報道的數據；沒有控件。",
                "Its figure, {F}, comes from the article's figures; no control sets it.",
            )
            .replace("{F}", &fact(id)),
        (Control::Fixed, DefaultValue::Value(_)) => lang
            .pick(
                "固定为 {default}，没有控件。",
                "固定為 {default}，沒有控件。",
                "Fixed at {default}; no control sets it.",
            )
            .to_string(),
        (_, DefaultValue::None) => lang
            .pick(
                "写在模型的算式里，没有控件。",
                "寫在模型的算式裡，沒有控件。",
                "Built into the model's equations; no control sets it.",
            )
            .to_string(),
    };
    let range = range_text(a, lang).unwrap_or_default();
    fill(&template.replace("{range}", &range), a, lang, html)
}

/// The line beside an entry's slider, if it has one (plain text).
#[cfg(not(target_arch = "wasm32"))]
pub fn note(id: &str, lang: Lang) -> Result<String, String> {
    let a = crate::model::assumptions::get(id).ok_or_else(|| format!("no assumption {id:?}"))?;
    let w = words(id, lang).ok_or_else(|| format!("{id}: no words"))?;
    fill(w.note.ok_or_else(|| format!("{id}: no note to show beside a slider"))?, &a, lang, false)
}

/// The method section's list in one language: the `<li>`s of an `<ol>`, on one line (the
/// narrative keeps an element's language on its line).
#[cfg(not(target_arch = "wasm32"))]
pub fn list_html(lang: Lang) -> Result<String, String> {
    let l = labels(lang);
    let mut s = String::new();
    for a in crate::model::assumptions::all() {
        let w = words(a.id, lang).ok_or_else(|| format!("{}: no words", a.id))?;
        let (tag, kind) = match a.kind {
            Kind::Assumption => (l.tag.0, "assumption"),
            Kind::Setting => (l.tag.1, "setting"),
        };
        s.push_str(&format!(
            "<li class=\"assume-item\" data-kind=\"{kind}\"><b>{}</b> <small class=\"tag\">{tag}</small> <span>{}</span> <span class=\"assume-value\">{}</span>",
            esc(w.name),
            fill(w.says, &a, lang, true)?,
            value_line(&a, lang, true)?
        ));
        if let Some(c) = w.changes {
            s.push_str(&format!(" <span><i>{}</i>{}</span>", l.changes, fill(c, &a, lang, true)?));
        }
        if let Some(k) = w.keeps {
            s.push_str(&format!(" <span><i>{}</i>{}</span>", l.keeps, fill(k, &a, lang, true)?));
        }
        s.push_str("</li>");
    }
    Ok(s)
}

/// The id of an entry's popover in one language (`a-en-failure`).
#[cfg(not(target_arch = "wasm32"))]
pub fn entry_id(id: &str, lang: Lang) -> String {
    format!("a-{}-{id}", lang.tag())
}

/// The popover of an entry's number, as the file of entries holds it: its name, that it is this
/// explainer's assumption (or setting) and not the article's, its default and range, what it
/// says, changes and does not change. Plain numbers: the popover opens no further popovers.
#[cfg(not(target_arch = "wasm32"))]
pub fn entry_html(a: &Assumption, lang: Lang) -> Result<String, String> {
    let l = labels(lang);
    let w = words(a.id, lang).ok_or_else(|| format!("{}: no words", a.id))?;
    let whose = match a.kind {
        Kind::Assumption => l.whose.0,
        Kind::Setting => l.whose.1,
    };
    let mut s = format!(
        "<span id=\"{}\"><b>{}</b> <span class=\"entry-kind\">{whose}</span> <span>{}</span> <span>{}</span>",
        entry_id(a.id, lang),
        esc(w.name),
        esc(&value_line(a, lang, false)?),
        esc(&fill(w.says, a, lang, false)?)
    );
    for (label, text) in [(l.changes, w.changes), (l.keeps, w.keeps)] {
        if let Some(t) = text {
            s.push_str(&format!(" <span>{label}{}</span>", esc(&fill(t, a, lang, false)?)));
        }
    }
    s.push_str("</span>");
    Ok(s)
}

/// The embed's credit line, in three languages: the source, and that the simulator's figures
/// rest on stated assumptions, with a link to the list of them on the full page.
#[cfg(not(target_arch = "wasm32"))]
pub fn embed_credit_html() -> String {
    let n = crate::model::assumptions::all().iter().filter(|a| a.kind == Kind::Assumption).count();
    let mut s = String::from("<p class=\"embed-credit\">");
    for lang in Lang::ALL {
        let hidden = if lang == Lang::ZhHans { "" } else { " hidden" };
        let n = i18n::count(n as f64, lang);
        let credit = crate::facts::source::credit(lang);
        let text = match lang {
            Lang::ZhHans => format!("数据：{credit}。模拟结果建立在 {n} 项明示的假设上，可以调整，仅供示意：<a href=\"index.html?lang=zh-Hans#story-method\" target=\"_blank\" rel=\"noopener\">逐项查看</a>。"),
            Lang::ZhHant => format!("數據：{credit}。模擬結果建立在 {n} 項明示的假設上，可以調整，僅供示意：<a href=\"index.html?lang=zh-Hant#story-method\" target=\"_blank\" rel=\"noopener\">逐項查看</a>。"),
            Lang::En => format!("Data: {credit}. The simulator's figures rest on {n} stated assumptions, adjustable and illustrative: <a href=\"index.html?lang=en#story-method\" target=\"_blank\" rel=\"noopener\">see each one</a>."),
        };
        s.push_str(&format!("<span lang=\"{}\"{hidden}>{text}</span>", lang.tag()));
    }
    s.push_str("</p>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assumptions::all;

    #[test]
    fn every_entry_has_words_in_every_language_with_no_placeholder_left() {
        for a in all() {
            for lang in Lang::ALL {
                let li = list_html(lang).expect("the list");
                assert!(li.contains(&format!(
                    "data-kind=\"{}\"",
                    if a.kind == Kind::Setting { "setting" } else { "assumption" }
                )));
                let e = entry_html(&a, lang).expect(a.id);
                assert!(!e.contains('{') && !e.contains('}'), "{}: {e}", a.id);
            }
        }
    }

    #[test]
    fn the_failure_entry_says_the_expected_benefit_stays_and_writes_the_models_default() {
        let a = crate::model::assumptions::get("failure").unwrap();
        let e = entry_html(&a, Lang::En).unwrap();
        assert!(e.contains("Default 10%; range 0%–90%"), "{e}");
        assert!(e.contains("scaled up by 1/(1−p)"), "{e}");
        assert!(note("failure", Lang::ZhHans).unwrap().contains("不会降低预期效益"));
        assert!(note("returns", Lang::En).is_err(), "no note where none is written");
    }

    #[test]
    fn the_summary_line_names_every_assumption_a_slider_sets_as_the_sliders_write_it() {
        let d = Scenario::default();
        assert_eq!(
            summary_line(&d, Lang::En),
            "equal returns · β 1.00 · failure 10% · spread σ 0.50 · courtyards 2,458"
        );
        let sliders = all().into_iter().filter(|a| a.control == Control::Slider).count();
        for lang in Lang::ALL {
            let line = summary_line(&d, lang);
            assert_eq!(line.split(" · ").count(), sliders, "{line}");
            for a in all() {
                assert!(line.split(" · ").all(|part| part != a.id), "{line}: no words for {}", a.id);
            }
        }
    }
}
