//! Properties of the model that must hold for every scenario (proptest).

use helong::model::accounting::{allocate, apportion};
use helong::model::benefit;
use helong::model::codec::serialize;
use helong::model::scenario::HOUSEHOLD_CAP;
use helong::model::{Scenario, Simulator, CATEGORIES};
use helong::page::url::parse;
use proptest::prelude::*;

/// A number as a reader or the page can give it: at most six decimals (the codec keeps 15
/// significant digits and 12 decimals, so anything on this grid reads back bit for bit).
fn q6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Any scenario within the ranges of SPEC §3.1.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        0u64..=50_000_000,
        1u32..=100,
        prop::array::uniform5(0.0f64..1000.0),
        prop::array::uniform5(0.0f64..=5.0),
        prop::array::uniform5(0.0f64..=0.9),
        0.0f64..=1.5,
        0.5f64..=1.5,
        (0u32..=10_000, 0.0f64..=500.0, 0.0f64..=20.0),
        (1u32..=300, any::<u32>()),
    )
        .prop_map(|(budget, g, mix, ret, fail, sigma, scale, (cy, cyarea, cyyield), (trials, seed))| {
            let mut mix = mix.map(q6);
            if mix.iter().all(|&m| m == 0.0) {
                mix[0] = 1.0;
            }
            let mut ret = ret.map(q6);
            if ret.iter().all(|&m| m == 0.0) {
                ret[1] = 1.0;
            }
            Scenario {
                budget,
                grant: g * 500,
                mix: mix.map(q6),
                ret: ret.map(q6),
                fail: fail.map(q6),
                sigma: q6(sigma),
                returns_to_scale: q6(scale),
                courtyard_households: cy,
                courtyard_area: q6(cyarea),
                courtyard_yield: q6(cyyield),
                trials,
                seed,
            }
        })
}

proptest! {
    #[test]
    fn numbers_are_written_exactly_as_rust_writes_them_when_they_have_at_most_six_decimals(
        x in -1.0e9f64..1.0e9, d in 0u32..=6
    ) {
        let p = 10f64.powi(d as i32);
        let x = (x * p).round() / p;
        prop_assert_eq!(helong::i18n::shortest(x), format!("{x}"));
    }

    #[test]
    fn category_counts_always_sum_to_the_households_funded(s in scenario()) {
        let a = allocate(&s);
        prop_assert_eq!(a.per_category.iter().sum::<u32>(), a.households);
        prop_assert!(a.households <= HOUSEHOLD_CAP);
        prop_assert_eq!(a.funds_granted + a.unspent, s.budget);
    }

    #[test]
    fn apportionment_sums_exactly_for_any_weights(total in 0u32..20_000, w in prop::array::uniform5(0.0f64..1e6)) {
        prop_assert_eq!(apportion(total, &w).iter().sum::<u32>(), total);
    }

    #[test]
    fn more_budget_never_funds_fewer_households(s in scenario(), extra in 0u64..10_000_000) {
        let mut t = s.clone();
        t.budget = (s.budget + extra).min(50_000_000);
        prop_assert!(allocate(&t).households >= allocate(&s).households);
    }

    #[test]
    fn the_reported_allocation_reproduces_559300_yuan_whatever_the_relative_returns(
        ret in prop::array::uniform5(0.0f64..=5.0).prop_filter("not all zero", |r| r.iter().any(|&x| x > 1e-6))
    ) {
        let s = Scenario { ret, ..Scenario::default() };
        let a = allocate(&s);
        let e = benefit::per_household(&s);
        let total: f64 = (0..CATEGORIES).map(|c| a.per_category[c] as f64 * e[c]).sum();
        prop_assert!((total - 559_300.0).abs() < 1e-6, "{}", total);
    }

    #[test]
    fn nothing_the_model_reports_is_negative_or_not_a_number(s in scenario()) {
        let mut s = s;
        s.trials = s.trials.min(50);
        let out = Simulator::default().run(&s, vec![]);
        let q = out.benefit_quantiles_yuan;
        for x in [out.expected_benefit_yuan, q.p5, q.p25, q.p50, q.p75, q.p95, out.failed_share, out.courtyard_income_yuan] {
            prop_assert!(x.is_finite() && x >= 0.0, "{}", x);
        }
        prop_assert!(q.p5 <= q.p25 && q.p25 <= q.p50 && q.p50 <= q.p75 && q.p75 <= q.p95);
        for c in &out.categories {
            prop_assert!(c.p5 >= 0.0 && c.p5 <= c.p95 && c.expected_benefit_yuan >= 0.0);
        }
        prop_assert!(out.histogram.counts.iter().flatten().all(|&x| x.is_finite() && x >= -1e-9));
    }

    #[test]
    fn the_codec_round_trips_every_scenario(s in scenario()) {
        let q = serialize(&s);
        let p = parse(&q);
        prop_assert!(p.notices.is_empty(), "{:?} → {:?}", q, p.notices);
        prop_assert_eq!(p.scenario, s);
    }

    #[test]
    fn clamping_keeps_every_field_in_range(
        pairs in prop::collection::vec((
            prop::sample::select(vec!["budget", "grant", "mix", "ret", "fail", "sigma", "scale", "cy", "cyarea", "cyyield", "trials", "seed"]),
            prop_oneof![
                any::<f64>().prop_map(|x| x.to_string()),
                any::<i64>().prop_map(|x| x.to_string()),
                prop::collection::vec(any::<f64>(), 0..7).prop_map(|v| v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),
                "\\PC{0,12}",
            ],
        ), 0..8)
    ) {
        let q = pairs.iter().map(|(k, v)| format!("{k}={}", v.replace('&', "%26"))).collect::<Vec<_>>().join("&");
        let p = parse(&q);
        prop_assert!(p.scenario.is_within_ranges(), "{:?} gave {:?}", q, p.scenario);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Failure and spread only widen the spread: the Monte Carlo mean stays within four
    /// standard errors of the expected total.
    #[test]
    fn the_expected_total_does_not_depend_on_failure_or_spread(
        fail in prop::array::uniform5(0.0f64..=0.9),
        sigma in 0.0f64..=1.5,
        seed in any::<u32>(),
    ) {
        let s = Scenario { fail, sigma, trials: 2000, seed, ..Scenario::default() };
        let alloc = allocate(&s);
        let e = benefit::per_household(&s);
        let cats = std::array::from_fn(|c| helong::model::montecarlo::CategoryInput {
            households: alloc.per_category[c], expected: e[c], fail: s.fail[c],
        });
        let t = helong::model::montecarlo::Draws::new(seed, s.trials).simulate(&cats, sigma);
        let n = t.total.len() as f64;
        let mean = t.total.iter().sum::<f64>() / n;
        let var = t.total.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
        let se = (var / n).sqrt();
        prop_assert!((mean - 559_300.0).abs() <= 4.0 * se + 1e-6, "mean {} se {}", mean, se);
    }
}

/// The quantiles as a full sort gives them: the reference for the selection in
/// `montecarlo::five_quantiles`.
fn quantiles_by_sorting(values: &[f64]) -> [f64; 5] {
    let mut v = values.to_vec();
    v.sort_unstable_by(f64::total_cmp);
    [0.05, 0.25, 0.5, 0.75, 0.95].map(|q| helong::model::montecarlo::quantile(&v, q))
}

proptest! {
    /// Any sample, of any size (ties, ±0, a few values or thousands): the quantiles the page
    /// shows, found by selection, are bit for bit those of a full sort.
    #[test]
    fn the_five_quantiles_are_bit_for_bit_those_of_a_full_sort_of_any_sample(
        values in prop::collection::vec(prop_oneof![
            -1e6f64..1e6,
            prop::sample::select(vec![0.0f64, -0.0, 1.0, 2.5, 1e6]),
        ], 0..2500)
    ) {
        let got = helong::model::montecarlo::five_quantiles(&values);
        let want = quantiles_by_sorting(&values);
        prop_assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{:?} vs {:?} for {} values", got, want, values.len());
    }
}
