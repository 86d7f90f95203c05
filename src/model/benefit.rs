//! Expected benefit, calibrated to the article (SPEC §3.3).
//!
//! The article reports 559,300 yuan of benefit from 12,730,000 yuan of grants, so one yuan
//! granted yielded r = 559,300 / 12,730,000 yuan. The reader may assume that some kinds of
//! enterprise return more than others (relative returns m). We scale the per-category rates
//!
//! r_c = r · m_c · N / Σ_k n_k m_k      (n = reported counts, N = 2,546)
//!
//! so that the *reported* allocation reproduces 559,300 yuan whatever m is: the assumptions
//! only move the answer for a *different* allocation. A household's expected benefit is
//! r_c · 5,000 · (grant / 5,000)^β, where β is the assumed returns to scale.

use super::scenario::{Scenario, CATEGORIES};
use crate::facts::reported;

/// Benefit per yuan granted, as reported: 559,300 / 12,730,000.
pub fn reported_rate() -> f64 {
    reported::BENEFIT_YUAN / reported::FUNDS_TOTAL_YUAN
}

/// Per-yuan rate of each category, calibrated as in the module doc.
pub fn category_rates(ret: &[f64; CATEGORIES]) -> [f64; CATEGORIES] {
    let n = reported::MIX_HOUSEHOLDS;
    let big_n = reported::HOUSEHOLDS_FUNDED as f64;
    let denom: f64 = (0..CATEGORIES).map(|k| n[k] as f64 * ret[k]).sum();
    if denom <= 0.0 || !denom.is_finite() {
        // Relative returns all zero: the codec never lets this through; no benefit anywhere.
        return [0.0; CATEGORIES];
    }
    let r = reported_rate();
    ret.map(|m| r * m * big_n / denom)
}

/// Expected benefit of one household in each category for the scenario's grant.
pub fn per_household(s: &Scenario) -> [f64; CATEGORIES] {
    let base = reported::GRANT_YUAN;
    // ASSUMPTION: returns to scale β — benefit grows as (grant / 5,000)^β.
    let scale = libm::pow(s.grant as f64 / base, s.returns_to_scale);
    category_rates(&s.ret).map(|rc| rc * base * scale)
}

/// Courtyard income = courtyards × area per courtyard × income per m².
pub fn courtyard_income(s: &Scenario) -> f64 {
    s.courtyard_households as f64 * s.courtyard_area * s.courtyard_yield
}
