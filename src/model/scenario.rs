//! The inputs of the what-if simulator (SPEC §3.1), their defaults and ranges.

use crate::facts::reported;

/// The five kinds of enterprise the grants funded, in the article's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Planting,
    Livestock,
    Trade,
    Workshop,
    FarmStay,
}

/// Number of enterprise categories.
pub const CATEGORIES: usize = 5;

impl Category {
    pub const ALL: [Category; CATEGORIES] =
        [Category::Planting, Category::Livestock, Category::Trade, Category::Workshop, Category::FarmStay];

    /// Id used in the CLI's JSON (snake_case, SPEC §6).
    pub fn id(self) -> &'static str {
        match self {
            Category::Planting => "planting",
            Category::Livestock => "livestock",
            Category::Trade => "trade",
            Category::Workshop => "workshop",
            Category::FarmStay => "farm_stay",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A numeric input's allowed range and, where it has one, its step.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub step: Option<f64>,
}

impl Range {
    const fn new(min: f64, max: f64) -> Range {
        Range { min, max, step: None }
    }
    const fn stepped(min: f64, max: f64, step: f64) -> Range {
        Range { min, max, step: Some(step) }
    }
}

/// Ranges of every input (SPEC §3.1). Shared with the page's sliders through the wasm
/// boundary, so the two can never disagree.
pub mod ranges {
    use super::Range;
    pub const BUDGET: Range = Range::stepped(0.0, 50_000_000.0, 1.0);
    pub const GRANT: Range = Range::stepped(500.0, 50_000.0, 500.0);
    /// Mix weights are relative; a billion is far beyond any count of households.
    pub const MIX: Range = Range::new(0.0, 1e9);
    pub const RET: Range = Range::new(0.0, 5.0);
    pub const FAIL: Range = Range::new(0.0, 0.9);
    pub const SIGMA: Range = Range::new(0.0, 1.5);
    pub const RETURNS_TO_SCALE: Range = Range::new(0.5, 1.5);
    pub const COURTYARD_HOUSEHOLDS: Range = Range::stepped(0.0, 10_000.0, 1.0);
    pub const COURTYARD_AREA: Range = Range::new(0.0, 500.0);
    pub const COURTYARD_YIELD: Range = Range::new(0.0, 20.0);
    pub const TRIALS: Range = Range::stepped(1.0, 10_000.0, 1.0);
    pub const SEED: Range = Range::stepped(0.0, u32::MAX as f64, 1.0);
}

/// No more households can be funded than the 15,670 registered poor people of 2015
/// (the article's only bound on the number of poor households).
pub const HOUSEHOLD_CAP: u32 = reported::REGISTERED_POOR_PEOPLE_2015;

/// The seed of the default scenario: the programme's first year. Any fixed value would do.
pub const DEFAULT_SEED: u32 = 2018;

/// ASSUMPTION (illustrative): the chance that a funded project fails and yields nothing.
/// The article reports no failure rate.
pub const DEFAULT_FAIL: f64 = 0.10;

/// ASSUMPTION (illustrative): log-scale spread of successful projects' benefit.
pub const DEFAULT_SIGMA: f64 = 0.5;

/// ASSUMPTION: returns to scale β; 1 means a grant twice as large yields twice the benefit.
pub const DEFAULT_RETURNS_TO_SCALE: f64 = 1.0;

/// ASSUMPTION: all five kinds of enterprise return the same per yuan. The calibration makes
/// the reported allocation reproduce the reported benefit whatever this is.
pub const DEFAULT_RET: f64 = 1.0;

/// Default number of Monte Carlo trials.
pub const DEFAULT_TRIALS: u32 = 1_000;

/// One what-if scenario. Money in yuan.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Total budget for start-up grants (fact: 12,730,000).
    pub budget: u64,
    /// Grant per household, a multiple of 500 (fact: 5,000).
    pub grant: u32,
    /// Relative weights of the five categories (fact: 480, 1859, 96, 89, 22).
    pub mix: [f64; CATEGORIES],
    /// Relative returns per yuan of each category (assumption: all 1).
    pub ret: [f64; CATEGORIES],
    /// Failure probability of each category (illustrative assumption: 0.10).
    pub fail: [f64; CATEGORIES],
    /// Lognormal spread of successful projects (illustrative assumption: 0.5).
    pub sigma: f64,
    /// Returns to scale β (assumption: 1).
    pub returns_to_scale: f64,
    /// Courtyard households (fact: 2,458).
    pub courtyard_households: u32,
    /// Courtyard area per household in m² (derived: 214,200 / 2,458).
    pub courtyard_area: f64,
    /// Courtyard income per m² in yuan (derived: 493,500 / 214,200).
    pub courtyard_yield: f64,
    /// Monte Carlo trials.
    pub trials: u32,
    /// Seed of the random numbers.
    pub seed: u32,
}

/// Default courtyard area per household: derived from the article's totals.
pub fn default_courtyard_area() -> f64 {
    reported::COURTYARD_AREA_M2 / reported::COURTYARD_HOUSEHOLDS as f64
}

/// Default courtyard income per m²: derived from the article's totals.
pub fn default_courtyard_yield() -> f64 {
    reported::COURTYARD_INCOME_YUAN / reported::COURTYARD_AREA_M2
}

/// The reported mix as weights.
pub fn reported_mix() -> [f64; CATEGORIES] {
    reported::MIX_HOUSEHOLDS.map(f64::from)
}

impl Default for Scenario {
    /// The scenario as the article reports it.
    fn default() -> Self {
        Scenario {
            budget: reported::FUNDS_TOTAL_YUAN as u64,
            grant: reported::GRANT_YUAN as u32,
            mix: reported_mix(),
            ret: [DEFAULT_RET; CATEGORIES],
            fail: [DEFAULT_FAIL; CATEGORIES],
            sigma: DEFAULT_SIGMA,
            returns_to_scale: DEFAULT_RETURNS_TO_SCALE,
            courtyard_households: reported::COURTYARD_HOUSEHOLDS,
            courtyard_area: default_courtyard_area(),
            courtyard_yield: default_courtyard_yield(),
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }
    }
}

impl Scenario {
    /// True when every field lies within its range (what the codec guarantees).
    pub fn is_within_ranges(&self) -> bool {
        let inr = |x: f64, r: Range| x.is_finite() && x >= r.min && x <= r.max;
        inr(self.budget as f64, ranges::BUDGET)
            && inr(self.grant as f64, ranges::GRANT)
            && self.grant % 500 == 0
            && self.mix.iter().all(|&m| inr(m, ranges::MIX))
            && self.mix.iter().any(|&m| m > 0.0)
            && self.ret.iter().all(|&m| inr(m, ranges::RET))
            && self.fail.iter().all(|&m| inr(m, ranges::FAIL))
            && inr(self.sigma, ranges::SIGMA)
            && inr(self.returns_to_scale, ranges::RETURNS_TO_SCALE)
            && inr(self.courtyard_households as f64, ranges::COURTYARD_HOUSEHOLDS)
            && inr(self.courtyard_area, ranges::COURTYARD_AREA)
            && inr(self.courtyard_yield, ranges::COURTYARD_YIELD)
            && inr(self.trials as f64, ranges::TRIALS)
    }

    /// Shares of the mix in percent (sum 100).
    pub fn mix_shares(&self) -> [f64; CATEGORIES] {
        let total: f64 = self.mix.iter().sum();
        if total > 0.0 {
            self.mix.map(|m| 100.0 * m / total)
        } else {
            [100.0 / CATEGORIES as f64; CATEGORIES]
        }
    }

    /// The URL keys [`Scenario::apply_preset`] sets, and the one [`Scenario::rebalance_mix`]
    /// sets: the page forgets the notices about them when a reader chooses a preset or moves a
    /// share (`src/web.rs`). `tests/model.rs` checks that they change no other key.
    pub const PRESET_KEYS: [&'static str; 3] = ["budget", "grant", "mix"];
    pub const REBALANCE_KEY: &'static str = "mix";

    /// Apply a named preset (SPEC §4): `reported`, `equal` (the five kinds equally),
    /// `livestock` (all livestock), `double` (twice the grant, so half the households) and
    /// `half` (half the grant, twice the households). A preset sets the allocation — budget,
    /// grant and mix — and keeps the reader's assumptions. Returns false for an unknown name.
    pub fn apply_preset(&mut self, name: &str) -> bool {
        let d = Scenario::default();
        let (grant, mix) = match name {
            "reported" => (d.grant, d.mix),
            "equal" => (d.grant, [1.0; CATEGORIES]),
            "livestock" => (d.grant, [0.0, 1.0, 0.0, 0.0, 0.0]),
            "double" => (d.grant * 2, d.mix),
            "half" => (d.grant / 2, d.mix),
            _ => return false,
        };
        self.budget = d.budget;
        self.grant = grant;
        self.mix = mix;
        true
    }

    /// Set category `index`'s share of the mix to `percent` and rescale the others so their
    /// proportions among themselves stay as they were and all shares total 100%. When the
    /// others are all zero, the remainder is split equally among them. The new weights are
    /// expressed as shares (they sum to 100).
    pub fn rebalance_mix(&mut self, index: usize, percent: f64) {
        if index >= CATEGORIES || !percent.is_finite() {
            return;
        }
        let p = crate::num::clamp(percent, 0.0, 100.0);
        let shares = self.mix_shares();
        let others: f64 = (0..CATEGORIES).filter(|&i| i != index).map(|i| shares[i]).sum();
        let rest = 100.0 - p;
        let mut out = [0.0; CATEGORIES];
        for i in 0..CATEGORIES {
            out[i] = if i == index {
                p
            } else if others > 0.0 {
                shares[i] / others * rest
            } else {
                rest / (CATEGORIES - 1) as f64
            };
        }
        // Two decimals are plenty for a share and keep shared URLs short.
        self.mix = out.map(|x| crate::num::round_to(x, 2));
    }
}
