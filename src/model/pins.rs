//! Pinned scenarios: up to [`MAX_PINS`] what-ifs a reader keeps beside the current one to
//! compare, each with a short name, carried in the URL so a link or an embed restores them.
//!
//! One pin is one URL key, `pin1` or `pin2`, whose value is versioned and compact, read and
//! written by the scenario's own codec:
//!
//! ```text
//! pin1=1~Half households~grant.2500~budget.6365000
//!      │ │                └ the pinned scenario's keys that differ from the reported one,
//!      │ │                  `key.value` (the codec's keys and values), joined by `~`
//!      │ └ the name (at most NAME_MAX characters, no `~`)
//!      └ the version of this encoding
//! ```
//!
//! A pin that cannot be read whole (another version, an unknown key, a value the codec would
//! change) is dropped with a notice: a pin is a record of a scenario the reader saw, so a
//! repaired one would show numbers nobody pinned.

use super::codec::{self, percent_encode, quote};
use super::notice::{Notice, NoticeKind};
use super::{money, Outcome, Scenario};
use serde::Serialize;

/// How many scenarios a reader may pin.
pub const MAX_PINS: usize = 2;

/// The URL keys of the pins, in order.
pub const KEYS: [&str; MAX_PINS] = ["pin1", "pin2"];

/// The version of the encoding this code writes and reads.
pub const VERSION: &str = "1";

/// The longest name, in characters; a longer one is cut.
pub const NAME_MAX: usize = 40;

/// What separates the parts of a pin's value (an unreserved character of URLs: links stay
/// readable).
const SEP: char = '~';

/// One pinned scenario and the reader's name for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pin {
    pub name: String,
    pub scenario: Scenario,
}

/// A name as a pin keeps it: trimmed, without the separator, at most [`NAME_MAX`] characters.
/// `None` for a name with nothing left.
pub fn clean_name(name: &str) -> Option<String> {
    let name: String = name.chars().filter(|c| *c != SEP && !c.is_control()).collect();
    let name: String = name.trim().chars().take(NAME_MAX).collect();
    let name = name.trim_end().to_string();
    (!name.is_empty()).then_some(name)
}

/// The value of a pin's URL key (before the URL's own percent-encoding).
pub fn encode(pin: &Pin) -> String {
    let mut v = format!("{VERSION}{SEP}{}", pin.name);
    for pair in codec::serialize(&pin.scenario).split('&').filter(|p| !p.is_empty()) {
        let (k, val) = pair.split_once('=').unwrap_or((pair, ""));
        v.push(SEP);
        v.push_str(k);
        v.push('.');
        v.push_str(&codec::percent_decode(val));
    }
    v
}

/// The URL pair of a pin: `pin1=…`, percent-encoded.
pub fn url_pair(index: usize, pin: &Pin) -> String {
    format!("{}={}", KEYS[index], percent_encode(&encode(pin)))
}

/// Why a pin's value could not be read.
fn refuse(key: &str, value: &str, why: &'static str, notices: &mut Vec<Notice>) -> Option<Pin> {
    notices.push(Notice::new(key, NoticeKind::PinDropped { given: quote(value), why }));
    None
}

/// Read the value of pin key `key`; a value that cannot be read whole gives a notice and no pin.
pub fn decode(key: &str, value: &str, notices: &mut Vec<Notice>) -> Option<Pin> {
    let mut parts = value.split(SEP);
    if parts.next().map(str::trim) != Some(VERSION) {
        return refuse(key, value, "version", notices);
    }
    let Some(name) = parts.next().and_then(clean_name) else {
        return refuse(key, value, "name", notices);
    };
    let mut query = Vec::new();
    for part in parts.filter(|p| !p.trim().is_empty()) {
        let Some((k, v)) = part.split_once('.') else {
            return refuse(key, value, "field", notices);
        };
        query.push(format!("{}={}", percent_encode(k.trim()), percent_encode(v.trim())));
    }
    let parsed = codec::parse(&query.join("&"));
    if !parsed.notices.is_empty() || !parsed.other.is_empty() {
        return refuse(key, value, "field", notices);
    }
    Some(Pin { name, scenario: parsed.scenario })
}

/// A pinned scenario's outcome beside the current one: its headline numbers and how far the
/// current scenario is from it (`difference`: current minus pinned).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    pub name: String,
    /// The pinned scenario's own query (its keys that differ from the reported scenario).
    pub query: String,
    pub households_funded: u32,
    #[serde(serialize_with = "money")]
    pub expected_benefit_yuan: f64,
    #[serde(serialize_with = "money")]
    pub p5: f64,
    #[serde(serialize_with = "money")]
    pub p95: f64,
    pub unspent_yuan: u64,
    pub difference: Difference,
}

/// The current scenario minus a pinned one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    pub households_funded: i64,
    #[serde(serialize_with = "money")]
    pub expected_benefit_yuan: f64,
    pub unspent_yuan: i64,
}

/// Compare the current outcome with a pinned scenario's.
pub fn compare(current: &Outcome, name: &str, pinned: &Outcome) -> Compared {
    let q = &pinned.benefit_quantiles_yuan;
    Compared {
        name: name.to_string(),
        query: pinned.query.clone(),
        households_funded: pinned.households_funded,
        expected_benefit_yuan: pinned.expected_benefit_yuan,
        p5: q.p5,
        p95: q.p95,
        unspent_yuan: pinned.unspent_yuan,
        difference: Difference {
            households_funded: current.households_funded as i64 - pinned.households_funded as i64,
            expected_benefit_yuan: current.expected_benefit_yuan - pinned.expected_benefit_yuan,
            unspent_yuan: current.unspent_yuan as i64 - pinned.unspent_yuan as i64,
        },
    }
}

/// The index of pin key `key` (`pin1` → 0), if it is one.
pub fn index_of(key: &str) -> Option<usize> {
    KEYS.iter().position(|k| *k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pin(name: &str, query: &str) -> Pin {
        Pin { name: name.into(), scenario: codec::parse(query).scenario }
    }

    #[test]
    fn a_pin_reads_back_as_the_scenario_and_the_name_it_was_written_from() {
        for (name, query) in [
            ("Half households", "grant=10000"),
            ("全部养殖", "mix=0,1,0,0,0&sigma=0.8"),
            ("reported", ""),
            ("odd ret", "ret=1.25,1,1,1,1&fail=0.2&scale=1.3&cy=100&cyarea=50.5&trials=2000&seed=7"),
        ] {
            let p = pin(name, query);
            let mut n = Vec::new();
            assert_eq!(decode("pin1", &encode(&p), &mut n), Some(p.clone()), "{name}: {n:?}");
            assert!(n.is_empty());
            // Through the URL's encoding and decoding too.
            let pair = url_pair(0, &p);
            let (k, v) = pair.split_once('=').unwrap();
            assert_eq!(decode(k, &codec::percent_decode(v), &mut n), Some(p), "{pair}");
        }
        assert_eq!(encode(&pin("Half", "grant=2500&budget=6365000")), "1~Half~budget.6365000~grant.2500");
    }

    #[test]
    fn a_pin_that_cannot_be_read_whole_is_dropped_with_a_notice_saying_why() {
        for (value, why) in [
            ("2~Later~grant.10000", "version"),
            ("", "version"),
            ("1~~grant.10000", "name"),
            ("1~ ~grant.10000", "name"),
            ("1~Cows~cows.3", "field"),
            ("1~Big~grant.999999", "field"),
            ("1~Odd~grant.5001", "field"),
            ("1~NoDot~grant", "field"),
            ("1~Twice~grant.5000~grant.6000", "field"),
        ] {
            let mut n = Vec::new();
            assert_eq!(decode("pin2", value, &mut n), None, "{value}");
            assert_eq!(n.len(), 1, "{value}: {n:?}");
            assert_eq!(n[0].key, "pin2");
            assert!(
                matches!(&n[0].kind, NoticeKind::PinDropped { why: w, .. } if *w == why),
                "{value}: {n:?}"
            );
        }
    }

    #[test]
    fn a_name_is_trimmed_cut_to_its_length_and_loses_the_separator() {
        assert_eq!(clean_name("  a~b  "), Some("ab".into()));
        assert_eq!(clean_name(&"长".repeat(60)).map(|n| n.chars().count()), Some(NAME_MAX));
        assert_eq!(clean_name(" \t "), None);
        assert_eq!(clean_name("~"), None);
    }
}
