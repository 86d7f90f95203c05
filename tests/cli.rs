//! The data desks' command line, run as a real process.

use std::process::Command;

fn helong(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_helong")).args(args).output().expect("run the CLI");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The JSON a command prints, and what it says on stderr, once it has exited with 0.
fn printed(args: &[&str]) -> (serde_json::Value, String) {
    let (code, out, err) = helong(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    (serde_json::from_str(&out).expect("valid JSON"), err)
}

/// A fresh temporary folder for one test's files (the process id keeps runs apart).
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("helong-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn simulate_of_the_empty_query_prints_the_reported_programme() {
    let (v, _) = printed(&["simulate", ""]);
    assert_eq!(v["query"], "");
    assert_eq!(v["households_funded"], 2546);
    assert_eq!(v["funds_granted_yuan"], 12_730_000);
    assert_eq!(v["unspent_yuan"], 0);
    assert_eq!(v["expected_benefit_yuan"], 559_300);
    assert_eq!(v["courtyard_income_yuan"], 493_500);
    assert_eq!(v["failed_share"], 0.1);
    let ids: Vec<&str> =
        v["categories"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["planting", "livestock", "trade", "workshop", "farm_stay"]);
    for k in ["p5", "p25", "p50", "p75", "p95"] {
        assert!(v["benefit_quantiles_yuan"][k].as_f64().unwrap() > 500_000.0, "{k}");
    }
    assert_eq!(v["notices"].as_array().unwrap().len(), 0);
}

#[test]
fn simulate_reports_clamped_input_as_notices_and_keeps_going() {
    let (v, err) = printed(&["simulate", "grant=123456&colour=red"]);
    assert_eq!(v["query"], "grant=50000");
    assert_eq!(v["notices"].as_array().unwrap().len(), 2);
    assert!(err.contains("out of range"), "{err}");
    // Under --strict the same input is an error.
    let (code, _, err) = helong(&["simulate", "grant=123456", "--strict"]);
    assert_eq!(code, 2);
    assert!(err.contains("error:"), "{err}");
}

#[test]
fn simulate_gives_the_same_numbers_every_time() {
    let a = helong(&["simulate", "mix=1,1,1,1,1&sigma=1.2"]).1;
    let b = helong(&["simulate", "mix=1,1,1,1,1&sigma=1.2"]).1;
    assert_eq!(a, b);
}

#[test]
fn invalid_commands_and_options_exit_with_code_2_and_a_message() {
    for args in [
        vec!["frobnicate"],
        vec!["simulate", "--bogus"],
        vec!["simulate", "a=1", "b=2"],
        vec!["facts", "--format", "xml"],
        vec!["render", "--chart", "pie", "", "--out", "/tmp/x.svg"],
        vec!["render", "--chart", "allocation", ""],
        vec!["simulate", "--lang", "fr"],
        vec![],
    ] {
        let (code, out, err) = helong(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?} printed to stdout");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn facts_print_as_json_records_and_as_csv_with_a_bom() {
    let (v, _) = printed(&["facts"]);
    let arr = v.as_array().unwrap();
    assert!(arr.len() >= 50);
    for f in arr {
        for k in ["id", "value", "unit", "period", "label", "source", "derived"] {
            assert!(f.get(k).is_some(), "fact lacks {k}: {f}");
        }
        for l in ["zh-Hans", "zh-Hant", "en"] {
            assert!(!f["label"][l].as_str().unwrap().is_empty());
        }
    }
    let (code, csv, _) = helong(&["facts", "--format", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), arr.len() + 1);
}

#[test]
fn render_writes_an_svg_drawn_by_the_page_chart_code() {
    let dir = temp_dir("svg");
    let path = dir.join("allocation.svg");
    let p = path.to_str().unwrap();
    let (code, _, err) =
        helong(&["render", "--chart", "allocation", "grant=10000", "--out", p, "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("Livestock") && svg.contains("930"), "the scenario's 930 livestock households");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn simulate_writes_histogram_edges_to_the_fen_increasing_and_without_float_noise() {
    for q in [
        "",
        "mix=0,1,0,0,0&ret=1,0.01,1,1,1&grant=500",
        "mix=0,1,0,0,0&ret=1,0.001,1,1,1&grant=500&fail=0&sigma=0",
    ] {
        let (v, _) = printed(&["simulate", q]);
        let edges: Vec<f64> =
            v["histogram"]["edges"].as_array().unwrap().iter().map(|e| e.as_f64().unwrap()).collect();
        assert!(edges.len() >= 2, "{q}: {edges:?}");
        assert!(edges.windows(2).all(|w| w[1] > w[0]), "{q}: edges increase: {edges:?}");
        for e in &edges {
            let text = serde_json::to_string(e).unwrap();
            let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 2, "{q}: edge {text} is not to the fen");
        }
    }
}

#[test]
fn simulate_of_a_scenario_that_expects_no_benefit_prints_no_bins_and_zero_quantiles() {
    let (v, _) = printed(&["simulate", "mix=0,1,0,0,0&ret=1,0,1,1,1"]);
    assert_eq!(v["households_funded"], 2546);
    assert_eq!(v["expected_benefit_yuan"], 0);
    assert_eq!(v["histogram"]["edges"], serde_json::json!([0]));
    assert_eq!(v["benefit_quantiles_yuan"]["p95"], 0);
}

#[test]
fn simulate_prints_each_pinned_scenario_with_its_difference_and_drops_a_bad_pin_with_a_notice() {
    let (v, err) = printed(&[
        "simulate",
        "grant=10000&pin1=1~Half the grant~grant.2500&pin2=2~From the future~grant.5000",
    ]);
    let pins = v["pins"].as_array().expect("a list of pins");
    assert_eq!(pins.len(), 1, "the pin of another version is dropped");
    let p = &pins[0];
    assert_eq!(p["name"], "Half the grant");
    assert_eq!(p["query"], "grant=2500");
    assert_eq!(p["households_funded"], 5092);
    assert_eq!(p["difference"]["households_funded"], 1273 - 5092);
    assert_eq!(
        p["difference"]["expected_benefit_yuan"], 0,
        "equal returns and β = 1: the same expected benefit"
    );
    assert!(p["p5"].as_f64().unwrap() < p["expected_benefit_yuan"].as_f64().unwrap());
    let notices = v["notice_details"].as_array().unwrap();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0]["code"], "pin_dropped");
    assert_eq!(notices[0]["key"], "pin2");
    assert!(err.contains("Pinned scenario “pin2” is in a format this page does not read"), "{err}");
    // Without pins, no `pins` field: the output of a plain query is as it was.
    assert!(printed(&["simulate", "grant=10000"]).0.get("pins").is_none());
}

#[test]
fn render_draws_a_links_pinned_scenarios_on_the_charts_that_show_them() {
    let dir = temp_dir("pins");
    let render = |chart: &str, query: &str| {
        let out = dir.join(format!("{chart}-{}.svg", query.len()));
        let path = out.to_str().expect("a path");
        let (code, _, err) = helong(&["render", "--chart", chart, query, "--out", path]);
        assert_eq!(code, 0, "{err}");
        std::fs::read_to_string(&out).expect("written")
    };
    let pinned = "grant=10000&pin1=1~Half~grant.2500&pin2=1~Livestock~mix.0,1,0,0,0";
    for chart in ["benefit", "allocation", "outcomes"] {
        let (plain, with) = (render(chart, "grant=10000"), render(chart, pinned));
        assert!(plain != with, "{chart}: the pins are drawn");
        for n in ["1", "2"] {
            assert!(with.contains(&format!(">\n{n}\n</text>")), "{chart}: pin {n}'s number");
        }
        assert!(
            with.contains(">\n1 Half\n<") && with.contains(">\n2 Livestock\n<"),
            "{chart}: named in the legend"
        );
    }
    // The context chart is the dataset's, whatever the scenario and its pins.
    assert!(render("context", "grant=10000") == render("context", pinned));
    let _ = std::fs::remove_dir_all(&dir);
}
