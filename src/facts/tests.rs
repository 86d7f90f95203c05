//! The dataset's consistency checks (the ones the article allows) and its formula language.

use super::derived::DERIVED;
use super::records::BIG_DATA;
use super::*;
use crate::num::Fnv1a64;

fn v(id: &str) -> f64 {
    get(id).map_or(f64::NAN, |f| f.value)
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

// ---- consistency checks the article allows ----

#[test]
fn the_five_enterprise_counts_sum_to_the_households_funded() {
    let sum: f64 = MIX_FACT_IDS.iter().map(|id| v(id)).sum();
    assert_eq!(sum, v("programme-households"));
    assert_eq!(v("households-sum-of-categories"), v("programme-households"));
    assert_eq!(reported::MIX_HOUSEHOLDS.iter().sum::<u32>(), reported::HOUSEHOLDS_FUNDED);
}

#[test]
fn households_times_grant_equals_the_total_funds() {
    assert_eq!(v("programme-households") * v("grant-per-household"), v("programme-funds"));
    assert_eq!(v("funds-households-times-grant"), v("programme-funds"));
}

#[test]
fn fifty_seven_of_seventy_six_villages_is_seventy_five_percent() {
    let computed = v("villages-income-100k-share-2019-computed");
    assert!(close(computed, v("villages-income-100k-share-2019"), 1e-9), "{computed}");
}

#[test]
fn the_campaign_from_2016_to_2019_took_the_three_years_the_article_says() {
    assert_eq!(v("campaign-years-computed"), v("campaign-duration"));
}

#[test]
fn the_category_shares_add_up_to_one_hundred_percent() {
    let ids = [
        "households-planting-share",
        "households-livestock-share",
        "households-trade-share",
        "households-workshop-share",
        "households-farm-stay-share",
    ];
    let total: f64 = ids.iter().map(|id| v(id)).sum();
    assert!(close(total, 100.0, 1e-9), "{total}");
}

#[test]
fn the_six_kinds_of_project_are_five_enterprises_plus_shared_courtyards() {
    assert_eq!(v("programme-kinds"), (MIX_FACT_IDS.len() + 1) as f64);
}

#[test]
fn incidence_implies_a_denominator_of_about_68_thousand_people() {
    let pop = v("rural-population-2015-implied");
    assert!((68_000.0..69_000.0).contains(&pop), "{pop}");
    // 15,670 people at 22.9% (one decimal): the denominator lies where the rounded
    // incidence is still 22.9%.
    let lo = v("registered-poor-2015") / 0.2295;
    let hi = v("registered-poor-2015") / 0.2285;
    assert!(lo < pop && pop < hi);
}

#[test]
fn courtyard_defaults_reproduce_the_reported_income() {
    let income = v("courtyard-area-per-household") * v("courtyard-households") * v("courtyard-income-per-m2");
    assert!(close(income, reported::COURTYARD_INCOME_YUAN, 1e-6), "{income}");
}

#[test]
fn rain_dew_grants_come_to_exactly_1500_yuan_per_student_person_time() {
    assert_eq!(v("rain-dew-per-student-2019"), 1500.0);
}

#[test]
fn the_dates_follow_each_other_as_the_article_tells_them() {
    assert!(v("provincial-poverty-county-year") < v("national-key-county-year"));
    assert!(v("national-key-county-year") < v("contiguous-destitute-area-year"));
    assert!(v("contiguous-destitute-area-year") < v("campaign-start-year"));
    assert!(v("campaign-start-year") <= v("programme-start-year"));
    assert!(v("programme-start-year") <= v("poverty-county-exit-year"));
    assert_eq!(v("poverty-county-exit-year"), v("campaign-end-year"));
    assert!(v("yang-wife-diagnosis-year") < v("yang-enrolment-year"));
    assert_eq!(v("years-as-poverty-county"), 26.0);
}

#[test]
fn yangs_grant_is_the_programmes_grant() {
    // The article: Yang received 5,000 yuan, and every household received 5,000 yuan.
    assert_eq!(v("yang-grant"), 5000.0);
    assert_eq!(v("grant-per-household"), 5000.0);
}

#[test]
fn incidence_fell_by_22_75_points_and_rural_incomes_trail_urban_ones() {
    assert!(close(v("incidence-reduction"), 22.75, 1e-9));
    assert!(v("incidence-2019") < v("incidence-2015"));
    assert!(v("urban-rural-income-ratio-2019") > 1.0);
    assert!(v("rural-disposable-income-2018-implied") < v("rural-disposable-income-2019"));
}

#[test]
fn the_reported_constants_match_the_fact_records() {
    use reported as r;
    // The figures as the article prints them, written here from the article (not from the
    // constants): the constants and the records must both say the same.
    let article: [(&str, f64, f64); 14] = [
        ("grant-per-household", 5000.0, r::GRANT_YUAN),
        ("programme-households", 2546.0, f64::from(r::HOUSEHOLDS_FUNDED)),
        ("programme-funds", 12_730_000.0, r::FUNDS_TOTAL_YUAN),
        ("programme-benefit", 559_300.0, r::BENEFIT_YUAN),
        ("courtyard-households", 2458.0, f64::from(r::COURTYARD_HOUSEHOLDS)),
        ("courtyard-area", 214_200.0, r::COURTYARD_AREA_M2),
        ("courtyard-income", 493_500.0, r::COURTYARD_INCOME_YUAN),
        ("registered-poor-2015", 15_670.0, f64::from(r::REGISTERED_POOR_PEOPLE_2015)),
        ("incidence-2015", 22.9, r::INCIDENCE_2015_PERCENT),
        ("incidence-2019", 0.15, r::INCIDENCE_2019_PERCENT),
        ("admin-villages", 76.0, f64::from(r::ADMIN_VILLAGES)),
        ("villages-income-100k-2019", 57.0, f64::from(r::VILLAGES_INCOME_100K_2019)),
        ("villages-income-100k-share-2019", 75.0, r::VILLAGES_INCOME_100K_SHARE_PERCENT),
        ("programme-start-year", 2018.0, f64::from(r::PROGRAMME_START_YEAR)),
    ];
    for (id, printed, constant) in article {
        assert_eq!(v(id), printed, "{id}");
        assert_eq!(constant, printed, "{id}");
    }
    for ((id, n), printed) in MIX_FACT_IDS.iter().zip(r::MIX_HOUSEHOLDS).zip([480, 1859, 96, 89, 22]) {
        assert_eq!(v(id), f64::from(printed), "{id}");
        assert_eq!(n, printed, "{id}");
    }
}

// ---- the dataset's shape ----

#[test]
fn every_id_is_unique_and_kebab_case() {
    let facts = all();
    let mut seen = std::collections::HashSet::new();
    for f in &facts {
        assert!(seen.insert(f.id), "duplicate id {}", f.id);
        let b = f.id.as_bytes();
        assert!(b.first().is_some_and(u8::is_ascii_lowercase), "{}", f.id);
        assert!(b.last().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{}", f.id);
        assert!(!f.id.contains("--"), "{}", f.id);
        assert!(b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-'), "{}", f.id);
    }
}

#[test]
fn every_fact_has_three_nonempty_labels() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // English labels may give a name in characters, in parentheses after its English
    // form (“Guangdong village (光东村)”), and nowhere else.
    let outside_parentheses = |s: &str| {
        let mut depth = 0u32;
        s.chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth == 0
            })
            .collect::<String>()
    };
    for f in all() {
        let l = f.label;
        assert!(han(l.zh_hans) && han(l.zh_hant), "{}", f.id);
        assert!(!l.en.trim().is_empty() && !han(&outside_parentheses(l.en)), "{}", f.id);
        assert!(!f.period.is_empty(), "{}", f.id);
    }
    assert!(han(&outside_parentheses("a 光东村 (b)")), "the check sees characters outside parentheses");
}

#[test]
fn the_village_labels_state_the_threshold_record_in_each_language() {
    use crate::i18n::Lang;
    let Some(threshold) = get("village-income-threshold-2019") else { panic!("no threshold record") };
    assert_eq!(threshold.value, reported::VILLAGE_INCOME_THRESHOLD_YUAN);
    assert_eq!(threshold.source, Source { section: BIG_DATA, paragraph: 4 });
    let ids = [
        "village-income-threshold-2019",
        "villages-income-100k-2019",
        "villages-income-100k-share-2019",
        "villages-income-100k-share-2019-computed",
    ];
    for id in ids {
        let Some(f) = get(id) else { panic!("{id}") };
        for (lang, label) in
            [(Lang::ZhHans, f.label.zh_hans), (Lang::ZhHant, f.label.zh_hant), (Lang::En, f.label.en)]
        {
            let amount = format_value(&threshold, lang);
            assert!(label.contains(&amount), "{id} ({lang:?}) does not name {amount}: {label}");
        }
    }
}

/// No fact's label in one script (`label`) has a character only the other script writes so.
fn assert_no_label_has_any_of(other_script_only: &str, label: impl Fn(&Fact) -> &'static str) {
    for f in all() {
        let label = label(&f);
        for c in label.chars() {
            assert!(!other_script_only.contains(c), "{}: {c} in {label}", f.id);
        }
    }
}

#[test]
fn the_traditional_labels_are_not_left_in_simplified_characters() {
    // Characters whose traditional form differs, as they occur in the simplified labels.
    let simplified_only = "贫户县国资发产农养买卖种乐认领积获们为开劳动岗护员设计划补档医疗线标报销偿额镇长万数时识别东杨确诊纳鸡只启励类体帮责总从";
    assert_no_label_has_any_of(simplified_only, |f| f.label.zh_hant);
}

#[test]
fn the_simplified_labels_are_not_left_in_traditional_characters() {
    let traditional_only = "貧戶縣國資發產農養買賣種樂認領積獲們為開勞動崗護員設計劃補檔醫療線標報銷償額鎮長萬數時識東楊確診納雞隻啟勵類體幫責總從與當業蓋據歲鄉參鄰網際";
    assert_no_label_has_any_of(traditional_only, |f| f.label.zh_hans);
}

#[test]
fn every_base_fact_points_at_a_real_section_of_the_article() {
    for f in FACTS {
        let section = SECTIONS.iter().find(|(name, _)| *name == f.source.section);
        let Some((_, paragraphs)) = section else { panic!("{}: unknown section {}", f.id, f.source.section) };
        assert!((1..=*paragraphs).contains(&f.source.paragraph), "{}", f.id);
        assert!(!f.derived && f.formula.is_none(), "{}", f.id);
    }
}

#[test]
fn every_derived_fact_is_finite_and_names_its_formula() {
    let derived = derived(FACTS);
    assert_eq!(derived.len(), DERIVED.len());
    for f in &derived {
        assert!(f.derived, "{}", f.id);
        assert!(f.value.is_finite(), "{} = {}", f.id, f.value);
        assert_eq!(f.source, Source { section: DERIVED_SECTION, paragraph: 0 });
        let Some(formula) = f.formula else { panic!("{} has no formula", f.id) };
        let ids = formula::ids(formula).unwrap_or_default();
        assert!(!ids.is_empty(), "{}", f.id);
        for id in ids {
            assert!(FACTS.iter().any(|b| b.id == id), "{} names unknown {id}", f.id);
        }
    }
}

#[test]
fn every_value_is_finite_and_every_percentage_is_between_0_and_100() {
    for f in all() {
        assert!(f.value.is_finite(), "{}", f.id);
        if f.unit == Unit::Percent {
            assert!((0.0..=100.0).contains(&f.value), "{} = {}", f.id, f.value);
        }
    }
}

#[test]
fn the_milestones_are_reported_facts_in_date_order() {
    let mut last = (0u16, 0u8);
    for m in MILESTONES {
        let at = (m.year, m.month.unwrap_or(13));
        assert!(at >= last, "{m:?}");
        last = at;
        assert!(!m.facts.is_empty());
        for id in m.facts {
            let Some(f) = FACTS.iter().find(|f| f.id == *id) else { panic!("{id}") };
            // A date of ours stands for a fact the article dates only as “now”.
            assert_eq!(m.inferred, f.period.ends_with("(inferred)"), "{id}");
            if m.inferred {
                continue;
            }
            assert!(f.period.starts_with(&m.year.to_string()), "{id}");
            if let Some(month) = m.month {
                assert!(f.period.starts_with(&format!("{}-{:02}", m.year, month)), "{id}");
            }
        }
    }
}

#[test]
fn get_finds_base_and_derived_facts_and_nothing_else() {
    assert_eq!(v("programme-households"), 2546.0);
    assert!(get("courtyard-income-per-m2").is_some_and(|f| f.derived));
    assert!(get("no-such-fact").is_none());
}

// ---- formulas ----

#[test]
fn the_formula_evaluator_respects_precedence_and_parentheses() {
    let val = |id: &str| match id {
        "a-1" => Some(2.0),
        "b" => Some(3.0),
        _ => None,
    };
    assert_eq!(formula::eval("a-1 + b * 4", val), Some(14.0));
    assert_eq!(formula::eval("(a-1 + b) * 4", val), Some(20.0));
    assert_eq!(formula::eval("a-1 - b - 1", val), Some(-2.0));
    assert_eq!(formula::eval("b / (1 + a-1 / 2)", val), Some(1.5));
    assert_eq!(formula::ids("a-1 * (b - 2)"), Some(vec!["a-1", "b"]));
}

#[test]
fn a_formula_naming_a_missing_fact_or_malformed_gives_nothing_not_a_panic() {
    let val = |_: &str| None::<f64>;
    assert_eq!(formula::eval("missing-fact * 2", val), None);
    let one = |_: &str| Some(1.0);
    assert_eq!(formula::eval("(a + b", one), None);
    assert_eq!(formula::eval("a b", one), None);
    assert_eq!(formula::eval("a + ", one), None);
    assert_eq!(formula::eval("a % b", one), None);
    assert_eq!(formula::eval("", one), None);
    assert!(derived(&[]).iter().all(|f| f.value.is_nan()));
}

// ---- export ----

/// Splits RFC 4180 CSV (CRLF rows) into records.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn the_csv_starts_with_a_bom_and_has_one_row_per_fact() {
    let facts = all();
    let csv = to_csv(&facts);
    let Some(body) = csv.strip_prefix('\u{feff}') else { panic!("no BOM") };
    assert!(body.starts_with(CSV_HEADER));
    let rows = parse_csv(body);
    assert_eq!(rows.len(), facts.len() + 1);
    for (row, f) in rows.iter().skip(1).zip(&facts) {
        assert_eq!(row.len(), 11, "{}", f.id);
        assert_eq!(row[0], f.id);
        assert_eq!(row[1].parse::<f64>().ok(), Some(f.value), "{}", f.id);
        assert_eq!(row[7], f.source.section);
    }
}

#[test]
fn the_csv_prints_values_shortest_and_quotes_awkward_fields() {
    let csv = to_csv(FACTS);
    assert!(csv.contains("\r\nincidence-2015,22.9,percent,"));
    assert!(csv.contains("\r\nprogramme-households,2546,households,"));
    assert!(csv.contains("\r\nprogramme-funds,12730000,yuan,"));
    assert!(csv.contains("\r\nincidence-2019,0.15,percent,"));
    let odd = Fact {
        id: "odd",
        value: 1.5,
        unit: Unit::Ratio,
        period: "2019",
        label: Label { zh_hans: "甲,乙", zh_hant: "“丙”", en: "say \"hi\"\nthere" },
        source: Source { section: DERIVED_SECTION, paragraph: 0 },
        derived: true,
        formula: Some("a / b"),
        reads: Reads::Exact,
    };
    let csv = to_csv(std::slice::from_ref(&odd));
    assert!(
        csv.ends_with("odd,1.5,ratio,2019,\"甲,乙\",“丙”,\"say \"\"hi\"\"\nthere\",derived,0,true,a / b\r\n")
    );
    let rows = parse_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(rows[1][6], "say \"hi\"\nthere");
}

#[test]
fn the_dataset_hash_is_sixteen_hex_digits_of_fnv1a_over_the_csv() {
    assert_eq!(Fnv1a64::hash(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(Fnv1a64::hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(Fnv1a64::hash(b"foobar"), 0x85944171f73967e8);
    let h = dataset_hash();
    assert_eq!(h.len(), 16);
    assert!(h.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    let computed = format!("{:016x}", Fnv1a64::hash(to_csv(&all()).as_bytes()));
    assert_eq!(h, computed, "the dataset changed: set DATASET_HASH in src/facts/export.rs to {computed}");
}

#[test]
fn every_unit_id_is_kebab_case() {
    let units = [
        Unit::Yuan,
        Unit::YuanPerYear,
        Unit::YuanPerM2,
        Unit::Households,
        Unit::People,
        Unit::PersonTimes,
        Unit::Percent,
        Unit::PercentagePoints,
        Unit::M2,
        Unit::Villages,
        Unit::Posts,
        Unit::Projects,
        Unit::Counties,
        Unit::Year,
        Unit::Years,
        Unit::Months,
        Unit::Chickens,
        Unit::Categories,
        Unit::Parties,
        Unit::DefenceLines,
        Unit::Ratio,
    ];
    let mut seen = std::collections::HashSet::new();
    for u in units {
        let id = u.id();
        assert!(seen.insert(id));
        assert!(id.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'));
    }
}
