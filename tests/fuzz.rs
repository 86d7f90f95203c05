//! Fuzzing the scenario codec and the model with random query strings: nothing may panic,
//! every parsed scenario lies within its ranges, and the canonical form is a fixed point.
//! `make test` runs a short run (PROPTEST_CASES=2000); `make fuzz` runs 1,000,000 cases.

use helong::model::accounting::allocate;
use helong::model::benefit;
use helong::model::codec::serialize;
use helong::page::url::{parse, serialize_with};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Query strings: pure noise, and noise shaped like our keys and values.
fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "budget", "grant", "mix", "ret", "fail", "sigma", "scale", "cy", "cyarea", "cyyield", "trials",
            "seed", "lang", "theme", "view", "pin1", "pin2", "BUDGET", "%67rant", "",
        ])
        .prop_map(String::from),
        "\\PC{0,8}",
    ];
    let value = prop_oneof![
        "\\PC{0,16}",
        "[-+0-9.eE,%]{0,24}",
        // Shaped like a pin: version, name, `key.value` parts.
        "1~[a-z 养殖~]{0,8}(~(grant|mix|sigma|cows)\\.[0-9.,]{0,8}){0,3}",
        any::<f64>().prop_map(|x| x.to_string()),
        any::<u64>().prop_map(|x| x.to_string()),
        prop::collection::vec(-10.0f64..1e9, 0..8).prop_map(|v| v
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(",")),
    ];
    prop_oneof![
        "\\PC{0,64}",
        prop::collection::vec((key, value), 0..10)
            .prop_map(|kv| { kv.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&") }),
    ]
}

#[test]
fn random_query_strings_never_panic_and_always_give_a_valid_scenario() {
    let cases: u32 = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let checked = std::cell::Cell::new(0u64);
    runner
        .run(&query(), |q| {
            let p = parse(&q);
            prop_assert!(p.scenario.is_within_ranges(), "{:?} gave {:?}", q, p.scenario);
            // The canonical query is a fixed point: parsing it gives the same scenario, silently.
            let canon = serialize(&p.scenario);
            let again = parse(&canon);
            prop_assert!(again.notices.is_empty(), "{:?} → {:?}: {:?}", q, canon, again.notices);
            prop_assert_eq!(&again.scenario, &p.scenario);
            let back = parse(&serialize_with(&p.scenario, &p.presentation, &p.pins));
            prop_assert_eq!(back.presentation, p.presentation);
            // Pins too: what was read is what the link writes, silently.
            prop_assert_eq!(&back.pins, &p.pins);
            prop_assert!(back.notices.is_empty(), "{:?}: {:?}", q, back.notices);
            prop_assert!(p.pins.iter().all(|pin| pin.scenario.is_within_ranges()));
            // Accounting and expected benefit hold for whatever came through.
            let a = allocate(&p.scenario);
            prop_assert_eq!(a.per_category.iter().sum::<u32>(), a.households);
            prop_assert!(benefit::per_household(&p.scenario).iter().all(|x| x.is_finite() && *x >= 0.0));
            for n in &p.notices {
                for lang in helong::i18n::Lang::ALL {
                    prop_assert!(!helong::text::notice::message(n, lang).is_empty());
                }
            }
            checked.set(checked.get() + 1);
            Ok(())
        })
        .unwrap_or_else(|e| panic!("fuzz failure: {e}"));
    println!(
        "fuzz: {} random query strings parsed, checked and round-tripped without a panic",
        checked.get()
    );
    assert_eq!(checked.get(), cases as u64);
}
