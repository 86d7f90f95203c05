//! Golden fingerprints: the simulation's numbers, bit for bit, for a set of scenarios. The
//! wasm test `tests/web.rs` checks the browser against the same file, so the page, the CLI
//! and `cargo test` give identical numbers. Regenerate with `UPDATE_GOLDEN=1 cargo test --test golden`
//! (only when the model changes on purpose).

use helong::model::fingerprint;

const FILE: &str = "tests/golden/fingerprints.tsv";
pub const QUERIES: [&str; 8] = [
    "",
    "grant=10000",
    "mix=1,1,1,1,1&ret=2,1,0.5,1,3",
    "fail=0.9&sigma=1.5",
    "budget=50000000&grant=500",
    "sigma=0&fail=0",
    "scale=1.5&grant=50000&trials=10000&seed=42",
    "mix=0,1,0,0,0&cy=10000&cyarea=500&cyyield=20",
];

#[test]
fn simulations_match_the_golden_fingerprints_bit_for_bit() {
    let lines: Vec<String> = QUERIES.iter().map(|q| format!("{q}\t{}", fingerprint(q))).collect();
    let text = lines.join("\n") + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(FILE, &text).expect("write golden file");
    }
    let golden = std::fs::read_to_string(FILE).expect("golden file exists");
    assert_eq!(golden, text, "native results differ from {FILE}");
}
