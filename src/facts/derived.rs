//! Figures computed from the article's figures: each is a formula over fact ids, evaluated
//! here, never typed in.

use super::records::*;
use super::{formula, Fact, Label, Reads, Source, Unit};

/// A derived figure's definition: its formula is evaluated over the base facts, so the
/// formula shown to readers is exactly what was computed.
pub(super) struct DerivedSpec {
    id: &'static str,
    unit: Unit,
    period: &'static str,
    label: Label,
    formula: &'static str,
    reads: Reads,
}

const fn spec(
    id: &'static str,
    unit: Unit,
    period: &'static str,
    label: (&'static str, &'static str, &'static str),
    formula: &'static str,
) -> DerivedSpec {
    DerivedSpec {
        id,
        unit,
        period,
        label: Label { zh_hans: label.0, zh_hant: label.1, en: label.2 },
        formula,
        reads: Reads::Exact,
    }
}

/// A derived estimate, written to the nearest `step` with “about” ([`Reads::About`]).
const fn about(step: f64, d: DerivedSpec) -> DerivedSpec {
    DerivedSpec { reads: Reads::About { step }, ..d }
}

pub(super) const DERIVED: &[DerivedSpec] = &[
    spec(
        "households-sum-of-categories",
        Unit::Households,
        PROGRAMME_PERIOD,
        ("五类创业项目户数之和", "五類創業項目戶數之和", "Households in the five enterprise categories, added up"),
        "households-planting + households-livestock + households-trade + households-workshop + households-farm-stay",
    ),
    spec(
        "funds-households-times-grant",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("户数乘以每户资金", "戶數乘以每戶資金", "Households funded times the grant per household"),
        "programme-households * grant-per-household",
    ),
    spec(
        "households-planting-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小种植户占获资助户的比例", "小種植戶佔獲資助戶的比例", "Share of funded households growing crops"),
        "households-planting / programme-households * 100",
    ),
    spec(
        "households-livestock-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小养殖户占获资助户的比例", "小養殖戶佔獲資助戶的比例", "Share of funded households raising animals"),
        "households-livestock / programme-households * 100",
    ),
    spec(
        "households-trade-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小买卖户占获资助户的比例", "小買賣戶佔獲資助戶的比例", "Share of funded households running a small trade"),
        "households-trade / programme-households * 100",
    ),
    spec(
        "households-workshop-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("小作坊户占获资助户的比例", "小作坊戶佔獲資助戶的比例", "Share of funded households running a workshop"),
        "households-workshop / programme-households * 100",
    ),
    spec(
        "households-farm-stay-share",
        Unit::Percent,
        PROGRAMME_PERIOD,
        ("农家乐户占获资助户的比例", "農家樂戶佔獲資助戶的比例", "Share of funded households running a farm-stay"),
        "households-farm-stay / programme-households * 100",
    ),
    spec(
        "benefit-per-yuan-granted",
        Unit::Percent,
        PROGRAMME_PERIOD,
        (
            "效益资金相当于创业资金的比例",
            "效益資金相當於創業資金的比例",
            "Benefit as a share of the grants paid",
        ),
        "programme-benefit / programme-funds * 100",
    ),
    spec(
        "benefit-per-household",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        ("每个获资助户平均的效益资金", "每個獲資助戶平均的效益資金", "Benefit per funded household, on average"),
        "programme-benefit / programme-households",
    ),
    spec(
        "courtyard-area-per-household",
        Unit::M2,
        PROGRAMME_PERIOD,
        (
            "共享庭院面积按2458户平均",
            "共享庭院面積按2458戶平均",
            "Shared courtyard area spread over the 2,458 households, on average",
        ),
        "courtyard-area / courtyard-households",
    ),
    spec(
        "courtyard-income-per-m2",
        Unit::YuanPerM2,
        PROGRAMME_PERIOD,
        ("共享庭院每平方米的收益", "共享庭院每平方米的收益", "Courtyard income per square metre"),
        "courtyard-income / courtyard-area",
    ),
    spec(
        "courtyard-income-per-household",
        Unit::Yuan,
        PROGRAMME_PERIOD,
        (
            "共享庭院收益按2458户平均摊算（报道没有说收益归这些户）",
            "共享庭院收益按2458戶平均攤算（報道沒有說收益歸這些戶）",
            "Courtyard income spread over the 2,458 households (the article does not say it went to them)",
        ),
        "courtyard-income / courtyard-households",
    ),
    spec(
        "rural-population-2015-implied",
        Unit::People,
        "2015-12-31",
        (
            "推断：若15670名贫困人口占22.9%，对应的总人数（报道没有给出发生率以哪些人为分母）",
            "推斷：若15670名貧困人口佔22.9%，對應的總人數（報道沒有給出發生率以哪些人為分母）",
            "Inferred: the number of people of whom the 15,670 poor would be 22.9% (the article does not say whom the incidence counts against)",
        ),
        "registered-poor-2015 / (incidence-2015 / 100)",
    ),
    spec(
        "incidence-reduction",
        Unit::PercentagePoints,
        "2015 to publication (inferred)",
        ("贫困发生率的降幅（百分点）", "貧困發生率的降幅（百分點）", "Fall in poverty incidence (percentage points)"),
        "incidence-2015 - incidence-2019",
    ),
    spec(
        "incidence-reduction-relative",
        Unit::Percent,
        "2015 to publication (inferred)",
        ("贫困发生率下降的幅度（相对）", "貧困發生率下降的幅度（相對）", "Fall in poverty incidence, relative to 2015"),
        "(incidence-2015 - incidence-2019) / incidence-2015 * 100",
    ),
    spec(
        "campaign-years-computed",
        Unit::Years,
        "2016–2019",
        (
            "报道所述时段（从2016年到2019年）首尾年份之差",
            "報道所述時段（從2016年到2019年）首尾年份之差",
            "Years between the first and last year of the span the article gives",
        ),
        "campaign-end-year - campaign-start-year",
    ),
    spec(
        "years-as-poverty-county",
        Unit::Years,
        "1993–2019",
        (
            "从定为省级贫困县到退出贫困县的年数",
            "從定為省級貧困縣到退出貧困縣的年數",
            "Years from the provincial poverty listing to the exit",
        ),
        "poverty-county-exit-year - provincial-poverty-county-year",
    ),
    spec(
        "villages-income-100k-share-2019-computed",
        Unit::Percent,
        "2019",
        (
            "年收入10万元及以上的村占行政村的比例（计算值）",
            "年收入10萬元及以上的村佔行政村的比例（計算值）",
            "Villages with an income of 100,000 yuan or more, as a share of all administrative villages (computed)",
        ),
        "villages-income-100k-2019 / admin-villages * 100",
    ),
    spec(
        "reimbursement-per-person-time-2019",
        Unit::Yuan,
        "2019",
        ("每人次的平均报销金额", "每人次的平均報銷金額", "Average amount per reimbursement"),
        "reimbursed-amount-2019 / reimbursements-2019",
    ),
    spec(
        "rain-dew-per-student-2019",
        Unit::Yuan,
        "2019",
        ("“雨露计划”每人次的补助", "“雨露計劃”每人次的補助", "“Rain-dew” grant per student, per person-time"),
        "rain-dew-funds-2019 / rain-dew-students-2019",
    ),
    spec(
        "urban-rural-income-ratio-2019",
        Unit::Ratio,
        "2019",
        ("城乡居民人均可支配收入之比", "城鄉居民人均可支配收入之比", "Urban to rural disposable income per person"),
        "urban-disposable-income-2019 / rural-disposable-income-2019",
    ),
    about(10.0, spec(
        "rural-disposable-income-2018-implied",
        Unit::YuanPerYear,
        "2018",
        (
            "由14.1%增幅推算的2018年农村居民人均可支配收入（仅当14.1%是农村收入的增幅时成立，本页按此读法）",
            "由14.1%增幅推算的2018年農村居民人均可支配收入（僅當14.1%是農村收入的增幅時成立，本頁按此讀法）",
            "Rural disposable income per person in 2018 implied by the 14.1% growth (holds only if the 14.1% is the rural figure's growth, as this page reads it)",
        ),
        "rural-disposable-income-2019 / (1 + rural-income-growth-2019 / 100)",
    )),
];

/// The value of fact `id` among `facts`, if present.
fn lookup(facts: &[Fact], id: &str) -> Option<f64> {
    facts.iter().find(|f| f.id == id).map(|f| f.value)
}

/// Figures computed from the base facts, each by evaluating its formula over fact ids.
/// A formula that names a missing fact gives NaN (a test asserts every derived value is
/// finite, so that is caught before release), never a panic.
pub fn derived(base: &[Fact]) -> Vec<Fact> {
    DERIVED
        .iter()
        .map(|d| Fact {
            id: d.id,
            value: formula::eval(d.formula, |id| lookup(base, id)).unwrap_or(f64::NAN),
            unit: d.unit,
            period: d.period,
            label: d.label,
            source: Source { section: DERIVED_SECTION, paragraph: 0 },
            derived: true,
            formula: Some(d.formula),
            reads: d.reads,
        })
        .collect()
}
