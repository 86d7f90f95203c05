//! The article's figures as typed facts (SPEC §2).
//!
//! Every number the article states — and the facts it states only in words — is one [`Fact`]
//! record here, with the section heading and paragraph where it stands. Figures that follow
//! from other facts (shares, ratios, per-household averages) are *derived*: computed in
//! [`derived`] from the facts they depend on, never typed in.
//!
//! Source locators: `section` is the article's own section heading (in the article's
//! traditional characters; `"導語"` for the untitled opening before the first heading), and
//! `paragraph` counts the body paragraphs of that section from 1, skipping the repeated
//! headline lines, photo captions and blank lines. Two lines that are not body text are skipped
//! too: the column tag “決戰決勝脫貧攻堅”專欄 above the opening, and the one-line date `2019年`
//! printed under the heading 和龍市脫貧大數據 (it dates the whole box). The numbering of each
//! section is spelled out beside [`SECTIONS`] so a reader can check every locator.

//!
//! One concept a file: `records` holds the article's figures (the data), `derived` the
//! figures computed from them, `formula` the small formula language those are written in,
//! and `export` the CSV export and the dataset's hash; this file the types and the lookups.

mod derived;
mod export;
mod formula;
mod records;
pub mod source;
#[cfg(test)]
mod tests;

pub use derived::derived;
#[cfg(not(target_arch = "wasm32"))]
pub use export::to_json;
pub use export::{csv_field, dataset_hash, to_csv, CSV_HEADER, DATASET_HASH};
use records::FACTS;
pub use records::{Milestone, DERIVED_SECTION, MILESTONES, SECTIONS};

use serde::Serialize;

/// Unit of a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Yuan,
    YuanPerYear,
    YuanPerM2,
    Households,
    People,
    PersonTimes,
    Percent,
    /// A difference between two percentages.
    PercentagePoints,
    M2,
    Villages,
    Posts,
    Projects,
    Counties,
    /// A calendar year (the value is the year, e.g. 2018).
    Year,
    /// A duration in years.
    Years,
    Months,
    Chickens,
    Categories,
    /// People or bodies that share a task (the “five-in-one” mechanism's five parties).
    Parties,
    /// Layers of medical protection, as the article counts them (五道防线).
    DefenceLines,
    Ratio,
}

impl Unit {
    /// The unit's id as it appears in the JSON/CSV export.
    pub fn id(self) -> &'static str {
        match self {
            Unit::Yuan => "yuan",
            Unit::YuanPerYear => "yuan-per-year",
            Unit::YuanPerM2 => "yuan-per-m2",
            Unit::Households => "households",
            Unit::People => "people",
            Unit::PersonTimes => "person-times",
            Unit::Percent => "percent",
            Unit::PercentagePoints => "percentage-points",
            Unit::M2 => "m2",
            Unit::Villages => "villages",
            Unit::Posts => "posts",
            Unit::Projects => "projects",
            Unit::Counties => "counties",
            Unit::Year => "year",
            Unit::Years => "years",
            Unit::Months => "months",
            Unit::Chickens => "chickens",
            Unit::Categories => "categories",
            Unit::Parties => "parties",
            Unit::DefenceLines => "lines-of-defence",
            Unit::Ratio => "ratio",
        }
    }
}

/// A label in the three languages the product speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label {
    #[serde(rename = "zh-Hans")]
    pub zh_hans: &'static str,
    #[serde(rename = "zh-Hant")]
    pub zh_hant: &'static str,
    pub en: &'static str,
}

/// Where in the article a fact stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// Section heading as printed in the article, or `"導語"` for the opening, or
    /// `"derived"` for a computed figure.
    pub section: &'static str,
    /// Body paragraph within the section, counted from 1 (0 for derived figures).
    pub paragraph: u32,
}

/// How a figure is written for readers, when not as the plain number: the article's “more
/// than” (`100多只`), or a derived estimate rounded so that it claims no more precision than it
/// has (`约9890元`, to the nearest `step`). The value stays exact; only its writing changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reads {
    Exact,
    /// The article gives a lower bound: “more than” the value.
    MoreThan,
    /// An estimate, written rounded to the nearest `step` with “about”.
    About {
        step: f64,
    },
}

/// One figure from the article, or one computed from such figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub value: f64,
    pub unit: Unit,
    /// The year or date the figure refers to (`"2019"`, `"2019-04"`, `"2015-12-31"`), or, where the
    /// article gives none, what can be inferred, marked so (`"2018 to publication (inferred)"`).
    pub period: &'static str,
    pub label: Label,
    pub source: Source,
    /// True for figures computed from other facts.
    pub derived: bool,
    /// For derived figures: the formula over fact ids, e.g. `"courtyard-income / courtyard-area"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<&'static str>,
    /// How the page writes it (the label says the same in words, for the data files).
    #[serde(skip)]
    pub reads: Reads,
}

/// The figures the simulator reuses, as reported by the article. The fact records below take
/// their values from these constants, so there is one source of truth (a test checks it).
pub mod reported {
    /// Start-up grant per household, yuan (給力 ¶4).
    pub const GRANT_YUAN: f64 = 5000.0;
    /// Poor households given the grant (給力 ¶4).
    pub const HOUSEHOLDS_FUNDED: u32 = 2546;
    /// Grants paid in all, yuan: 1,273万 (給力 ¶4).
    pub const FUNDS_TOTAL_YUAN: f64 = 12_730_000.0;
    /// Households per enterprise category, in the order
    /// planting (小种植), livestock (小养殖), trade (小买卖), workshop (小作坊), farm-stay (农家乐)
    /// (給力 ¶4). The article lists them in this order too.
    pub const MIX_HOUSEHOLDS: [u32; 5] = [480, 1859, 96, 89, 22];
    /// Benefit produced by the funded enterprises, yuan: 55.93万 (給力 ¶4).
    pub const BENEFIT_YUAN: f64 = 559_300.0;
    /// Households whose courtyards were adopted (共享庭院) (給力 ¶5).
    pub const COURTYARD_HOUSEHOLDS: u32 = 2458;
    /// Area of the adopted courtyards, m²: 21.42万 (給力 ¶5).
    pub const COURTYARD_AREA_M2: f64 = 214_200.0;
    /// Income the households earned from the courtyards, yuan: 49.35万 (給力 ¶5).
    pub const COURTYARD_INCOME_YUAN: f64 = 493_500.0;
    /// Registered (建档立卡) poor people at the end of 2015 (導語 ¶3).
    pub const REGISTERED_POOR_PEOPLE_2015: u32 = 15_670;
    /// Poverty incidence at the end of 2015, percent (導語 ¶3).
    pub const INCIDENCE_2015_PERCENT: f64 = 22.9;
    /// Poverty incidence "now" (2019), percent (導語 ¶4).
    pub const INCIDENCE_2019_PERCENT: f64 = 0.15;
    /// Administrative villages in Helong (精準 ¶2).
    pub const ADMIN_VILLAGES: u32 = 76;
    /// The income threshold of the villages the article counts: “收入10萬元及以上村”, villages
    /// with an income of 100,000 yuan or more in 2019 (大數據 ¶4).
    pub const VILLAGE_INCOME_THRESHOLD_YUAN: f64 = 100_000.0;
    /// Villages with an income of 100,000 yuan or more in 2019 (大數據 ¶4).
    pub const VILLAGES_INCOME_100K_2019: u32 = 57;
    /// Their share, percent, as printed (大數據 ¶4).
    pub const VILLAGES_INCOME_100K_SHARE_PERCENT: f64 = 75.0;
    /// First year of the Six Small Projects (給力 ¶1).
    pub const PROGRAMME_START_YEAR: u32 = 2018;
}

/// Fact ids of the five enterprise categories, in the order of [`reported::MIX_HOUSEHOLDS`].
pub const MIX_FACT_IDS: [&str; 5] = [
    "households-planting",
    "households-livestock",
    "households-trade",
    "households-workshop",
    "households-farm-stay",
];

/// Every fact: the article's figures in article order, then the derived figures.
pub fn all() -> Vec<Fact> {
    let mut facts = FACTS.to_vec();
    facts.extend_from_slice(derived_cached());
    facts
}

/// A derived formula as a reader sees it, e.g. `559,300 ÷ 2,546` for
/// `programme-benefit / programme-households`: each fact id written by `write_fact`, each
/// number literal by `write`, operators as `+ − × ÷`. `None` for a formula that does not parse
/// or names a fact `write_fact` does not know.
pub fn formula_written(
    formula: &str,
    write_fact: impl Fn(&str) -> Option<String>,
    write: impl Fn(f64) -> String,
) -> Option<String> {
    formula::written(formula, write_fact, write)
}

/// The fact ids a formula names, in order of appearance, each once.
pub fn formula_ids(formula: &str) -> Vec<&str> {
    let mut ids = formula::ids(formula).unwrap_or_default();
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(*id);
        new
    });
    ids
}

/// The fact (base or derived) with this id.
pub fn get(id: &str) -> Option<Fact> {
    if let Some(f) = FACTS.iter().find(|f| f.id == id) {
        return Some(f.clone());
    }
    derived_cached().iter().find(|f| f.id == id).cloned()
}

/// The derived facts, computed once (evaluating their formulas is not free, and the page
/// asks for facts many times).
fn derived_cached() -> &'static [Fact] {
    static DERIVED: std::sync::OnceLock<Vec<Fact>> = std::sync::OnceLock::new();
    DERIVED.get_or_init(|| derived(FACTS))
}

/// A fact's value as a reader sees it in running text: money with its unit (`1273万元`,
/// `12.73 million yuan`), percentages with `%`, counts bare (the text supplies the noun). An
/// estimate ([`Reads::About`]) is rounded to its step first (the text supplies “about”).
pub fn format_value(f: &Fact, lang: crate::i18n::Lang) -> String {
    use crate::i18n::{self, Lang};
    if let Reads::About { step } = f.reads {
        let rounded = Fact { value: f64::round(f.value / step) * step, reads: Reads::Exact, ..f.clone() };
        return format_value(&rounded, lang);
    }
    match f.unit {
        Unit::Yuan | Unit::YuanPerYear => i18n::exact_yuan(f.value, lang),
        Unit::Percent | Unit::PercentagePoints => i18n::percent(f.value, 2),
        Unit::Year => format!("{}", f.value as i64),
        Unit::M2 => match lang {
            Lang::En => format!("{} m²", i18n::exact(f.value, lang)),
            _ => format!("{}平方米", i18n::exact(f.value, lang)),
        },
        _ => i18n::exact(f.value, lang),
    }
}
