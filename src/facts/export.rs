//! The dataset as a file for readers (CSV; the JSON is serde's) and its fingerprint.

use super::Fact;

/// Header row of [`to_csv`].
pub const CSV_HEADER: &str = "id,value,unit,period,label_zh_hans,label_zh_hant,label_en,source_section,source_paragraph,derived,formula";

/// One CSV field, quoted per RFC 4180 when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The facts as JSON, indented, with a closing line break: `helong facts` prints it, and it is
/// `dist/data/helong-facts.json` (also inside the single file). Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_json(facts: &[Fact]) -> Result<String, serde_json::Error> {
    Ok(serde_json::to_string_pretty(facts)? + "\n")
}

/// The facts as CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese labels), CRLF
/// line ends, RFC 4180 quoting. Values print in their shortest round-trip form (`22.9`, `2546`).
pub fn to_csv(facts: &[Fact]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(CSV_HEADER);
    out.push_str("\r\n");
    for f in facts {
        let row = [
            csv_field(f.id),
            csv_field(&format!("{}", f.value)),
            csv_field(f.unit.id()),
            csv_field(f.period),
            csv_field(f.label.zh_hans),
            csv_field(f.label.zh_hant),
            csv_field(f.label.en),
            csv_field(f.source.section),
            f.source.paragraph.to_string(),
            f.derived.to_string(),
            csv_field(f.formula.unwrap_or("")),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A fingerprint of the dataset for the page footer: 16 hex digits of FNV-1a (64-bit) over
/// `to_csv(&all())`. Anyone holding the CSV can recompute it.
///
/// Kept as a constant so the wasm need not write the CSV: its full-precision numbers need
/// core's float formatter, about 8 KB of gzipped wasm for this one string. The test
/// `the_dataset_hash_is_sixteen_hex_digits_of_fnv1a_over_the_csv` recomputes it and fails,
/// printing the new value, as soon as any fact changes.
pub const DATASET_HASH: &str = "761121a4ad63f88b";

/// The dataset's fingerprint (see [`DATASET_HASH`]).
pub fn dataset_hash() -> String {
    DATASET_HASH.to_string()
}
