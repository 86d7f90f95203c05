//! The what-if model (SPEC §3): scenario → accounting → expected benefit → uncertainty.
//!
//! ```
//! use helong::model::{codec, Simulator};
//! let parsed = codec::parse("");
//! let out = Simulator::default().run(&parsed.scenario, parsed.notices);
//! assert_eq!(out.households_funded, 2546);
//! assert_eq!(out.funds_granted_yuan, 12_730_000);
//! assert!((out.expected_benefit_yuan - 559_300.0).abs() < 0.01);
//! ```

pub mod accounting;
pub mod assumptions;
pub mod benefit;
pub mod codec;
pub mod montecarlo;
pub mod notice;
pub mod pins;
pub mod scenario;

pub use notice::{Notice, NoticeKind};
pub use scenario::{Category, Scenario, CATEGORIES};

use montecarlo::{CategoryInput, Draws, Histogram};
use serde::{Serialize, Serializer};

/// Money is reported to the fen; whole amounts print as integers (`559300`, not `559300.0`).
pub(crate) fn money<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    let r = crate::num::round_to(*x, 2);
    if r == f64::trunc(r) && r.abs() < 9.0e15 {
        s.serialize_i64(r as i64)
    } else {
        s.serialize_f64(r)
    }
}

/// A list of amounts, each to the fen (histogram edges: 0.15, not 0.15000000000000002).
pub(crate) fn money_list<S: Serializer>(xs: &[f64], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(xs.len()))?;
    for x in xs {
        let r = crate::num::round_to(*x, 2);
        if r == f64::trunc(r) && r.abs() < 9.0e15 {
            seq.serialize_element(&(r as i64))?;
        } else {
            seq.serialize_element(&r)?;
        }
    }
    seq.end()
}

/// Shares are reported to six decimals (0.1, not 0.09999999999999999).
fn share<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(crate::num::round_to(*x, 6))
}

/// P5, P25, P50, P75 and P95 of a simulated amount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    #[serde(serialize_with = "money")]
    pub p5: f64,
    #[serde(serialize_with = "money")]
    pub p25: f64,
    #[serde(serialize_with = "money")]
    pub p50: f64,
    #[serde(serialize_with = "money")]
    pub p75: f64,
    #[serde(serialize_with = "money")]
    pub p95: f64,
}

impl Quantiles {
    fn from_array(q: [f64; 5]) -> Quantiles {
        Quantiles { p5: q[0], p25: q[1], p50: q[2], p75: q[3], p95: q[4] }
    }
}

/// One category's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryOutcome {
    pub id: &'static str,
    pub households: u32,
    /// Households in this category as reported by the article.
    pub reported_households: u32,
    #[serde(serialize_with = "money")]
    pub expected_benefit_yuan: f64,
    #[serde(serialize_with = "money")]
    pub p5: f64,
    #[serde(serialize_with = "money")]
    pub p25: f64,
    #[serde(serialize_with = "money")]
    pub p50: f64,
    #[serde(serialize_with = "money")]
    pub p75: f64,
    #[serde(serialize_with = "money")]
    pub p95: f64,
}

/// One whole-programme draw, for hypothetical-outcome displays.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draw {
    #[serde(serialize_with = "money")]
    pub total_yuan: f64,
    pub failed_households: u32,
}

/// Everything the model says about a scenario (the CLI's `simulate` JSON, SPEC §6).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Canonical query string of the scenario.
    pub query: String,
    pub households_funded: u32,
    pub funds_granted_yuan: u64,
    pub unspent_yuan: u64,
    /// True when the 15,670 cap limited the households funded.
    pub cap_binds: bool,
    #[serde(serialize_with = "money")]
    pub expected_benefit_yuan: f64,
    pub benefit_quantiles_yuan: Quantiles,
    /// Expected share of funded households whose project failed.
    #[serde(serialize_with = "share")]
    pub failed_share: f64,
    pub categories: Vec<CategoryOutcome>,
    #[serde(serialize_with = "money")]
    pub courtyard_income_yuan: f64,
    pub histogram: Histogram,
    pub draws: Vec<Draw>,
    pub trials: u32,
    pub seed: u32,
    pub model_version: &'static str,
    pub notices: Vec<Notice>,
}

impl Outcome {
    /// True when households are funded but none is expected to earn anything: every kind
    /// funded has a relative return of 0 (all five at 0 is refused by the codec), so each
    /// calibrated rate is 0. The charts, tables and words have a state of their own for it.
    pub fn no_expected_benefit(&self) -> bool {
        self.households_funded > 0 && self.expected_benefit_yuan <= 0.0
    }
}

/// Number of whole-programme draws reported for hypothetical-outcome displays.
pub const DRAWS_SHOWN: usize = 8;

/// Runs scenarios, keeping the random numbers of the last (seed, trials) so that repeated
/// runs (every slider move) reuse them: common random numbers, and no re-generation cost.
#[derive(Debug, Clone, Default)]
pub struct Simulator {
    draws: Option<Draws>,
}

impl Simulator {
    fn draws_for(&mut self, seed: u32, trials: u32) -> &Draws {
        let stale = match &self.draws {
            Some(d) => d.seed != seed || d.trials() != trials as usize,
            None => true,
        };
        if stale {
            self.draws = Some(Draws::new(seed, trials));
        }
        self.draws.get_or_insert_with(|| Draws::new(seed, trials))
    }

    /// Compute the outcome of a scenario. `notices` from the codec are carried into the
    /// outcome, and the model adds its own (the household cap).
    pub fn run(&mut self, s: &Scenario, mut notices: Vec<Notice>) -> Outcome {
        let alloc = accounting::allocate(s);
        if let Some(would) = alloc.capped_from {
            notices.push(Notice::new(
                "budget",
                NoticeKind::CapBinds { cap: scenario::HOUSEHOLD_CAP, would_fund: would },
            ));
        }
        let cats = category_inputs(s, &alloc);
        let trials = self.draws_for(s.seed, s.trials).simulate(&cats, s.sigma);
        let reported = crate::facts::reported::MIX_HOUSEHOLDS;
        let categories = Category::ALL
            .iter()
            .map(|&cat| {
                let c = cat.index();
                let q = montecarlo::five_quantiles(&trials.per_category[c]);
                CategoryOutcome {
                    id: cat.id(),
                    households: alloc.per_category[c],
                    reported_households: reported[c],
                    expected_benefit_yuan: alloc.per_category[c] as f64 * cats[c].expected,
                    p5: q[0],
                    p25: q[1],
                    p50: q[2],
                    p75: q[3],
                    p95: q[4],
                }
            })
            .collect::<Vec<_>>();
        let expected: f64 = categories.iter().map(|c| c.expected_benefit_yuan).sum();
        let failed_expected: f64 = cats.iter().map(|c| c.households as f64 * c.fail).sum();
        let draws = (0..DRAWS_SHOWN.min(trials.total.len()))
            .map(|t| Draw { total_yuan: trials.total[t], failed_households: trials.failed[t] })
            .collect();
        Outcome {
            query: codec::serialize(s),
            households_funded: alloc.households,
            funds_granted_yuan: alloc.funds_granted,
            unspent_yuan: alloc.unspent,
            cap_binds: alloc.capped_from.is_some(),
            expected_benefit_yuan: expected,
            benefit_quantiles_yuan: Quantiles::from_array(montecarlo::five_quantiles(&trials.total)),
            failed_share: if alloc.households > 0 { failed_expected / alloc.households as f64 } else { 0.0 },
            categories,
            courtyard_income_yuan: benefit::courtyard_income(s),
            histogram: montecarlo::histogram(&cats, s.sigma),
            draws,
            trials: s.trials,
            seed: s.seed,
            model_version: crate::MODEL_VERSION,
            notices,
        }
    }
}

/// What the Monte Carlo needs of each category: households, expected benefit each, failure
/// probability.
pub fn category_inputs(s: &Scenario, alloc: &accounting::Allocation) -> [CategoryInput; CATEGORIES] {
    let per_hh = benefit::per_household(s);
    std::array::from_fn(|c| CategoryInput {
        households: alloc.per_category[c],
        expected: per_hh[c],
        fail: s.fail[c],
    })
}

/// Read a query's scenario keys and compute the outcome in one call. Keys that are not the
/// scenario's are not judged here: the page layer above (`page::url`, `page::simulate`) reads
/// them, for the CLI and the page.
pub fn simulate(query: &str) -> Outcome {
    let parsed = codec::parse(query);
    Simulator::default().run(&parsed.scenario, parsed.notices)
}

/// A fingerprint of every number a simulation produces (the bits of each trial's total and
/// of every category's trial values, FNV-1a 64). Equal fingerprints mean bit-identical
/// results; tests compare the browser's against the native one.
pub fn fingerprint(query: &str) -> String {
    let s = codec::parse(query).scenario;
    let alloc = accounting::allocate(&s);
    let cats = category_inputs(&s, &alloc);
    let trials = Draws::new(s.seed, s.trials).simulate(&cats, s.sigma);
    let mut h = crate::num::Fnv1a64::default();
    let mut eat = |x: f64| h.write(&x.to_bits().to_le_bytes());
    trials.total.iter().for_each(|&x| eat(x));
    for col in &trials.per_category {
        col.iter().for_each(|&x| eat(x));
    }
    trials.failed.iter().for_each(|&f| eat(f as f64));
    cats.iter().for_each(|c| eat(c.expected));
    let hist = montecarlo::histogram(&cats, s.sigma);
    hist.counts.iter().flatten().for_each(|&x| eat(x));
    format!("{:016x}", h.finish())
}
