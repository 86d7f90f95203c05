//! The scenario codec: URL query string ⇄ [`Scenario`] (SPEC §3.1, §3.5), for the scenario's
//! own keys. The page's keys (language, theme, view, controls) and the keys that embedding
//! hosts add are the page layer's (`page::url`): this module hands them back unread.
//!
//! Parsing never fails and never panics. Each field is checked on its own: out of range →
//! clamped, unparsable → default, wrong list length → default; each produces a [`Notice`].
//! Serializing writes only non-default keys in a stable order, so a canonical query is short
//! and two equal scenarios give the same link.
//!
//! Every key is written once: [`FIELDS`] drives [`read_field`], [`serialize`] and
//! [`field_value`].

use super::notice::{Notice, NoticeKind};
use super::scenario::{ranges, Range, Scenario, CATEGORIES};
use crate::num::{self, read_rounded};

/// Longest given value quoted back in a notice.
const QUOTE_MAX: usize = 40;

/// A given value as a notice quotes it back: at most 40 characters.
pub fn quote(s: &str) -> String {
    if s.chars().count() > QUOTE_MAX {
        let mut q: String = s.chars().take(QUOTE_MAX).collect();
        q.push('…');
        q
    } else {
        s.to_string()
    }
}

/// Decode `%XX` escapes and `+` (as space). Invalid escapes are kept literally; invalid
/// UTF-8 is replaced, never a panic.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encode a value for a query string (only what our values can contain needs escaping).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Shortest text that reads back to the same number.
fn fmt_num(x: f64) -> String {
    num::shortest(x)
}

fn fmt_list(xs: &[f64; CATEGORIES]) -> String {
    if xs.iter().all(|&x| x == xs[0]) {
        fmt_num(xs[0])
    } else {
        xs.iter().map(|&x| fmt_num(x)).collect::<Vec<_>>().join(",")
    }
}

/// Check one number against its range: clamp, then round to the step.
pub(crate) fn check_number(
    key: &str,
    raw: &str,
    default: f64,
    range: Range,
    notices: &mut Vec<Notice>,
) -> f64 {
    let Some((x, rounded)) = read_rounded(raw) else {
        notices.push(Notice::new(key, NoticeKind::Unparsable { given: quote(raw), used: fmt_num(default) }));
        return default;
    };
    if rounded {
        notices.push(Notice::new(key, NoticeKind::Rounded { given: quote(raw.trim()), used: fmt_num(x) }));
    }
    let mut v = x;
    if v < range.min || v > range.max {
        v = num::clamp(v, range.min, range.max);
        notices.push(Notice::new(key, NoticeKind::Clamped { given: quote(raw.trim()), used: fmt_num(v) }));
    }
    if let Some(step) = range.step {
        let k = f64::round((v - range.min) / step);
        let r = num::clamp(range.min + k * step, range.min, range.max);
        if r != v {
            notices.push(Notice::new(key, NoticeKind::Rounded { given: fmt_num(v), used: fmt_num(r) }));
            v = r;
        }
    }
    v
}

/// Check a five-number list (one number means "the same for all five").
fn check_list(
    key: &str,
    raw: &str,
    default: [f64; CATEGORIES],
    range: Range,
    relative: bool,
    notices: &mut Vec<Notice>,
) -> [f64; CATEGORIES] {
    let parts: Vec<&str> = raw.split(',').collect();
    if parts.len() == 1 {
        if num::read(parts[0]).is_none() {
            notices.push(Notice::new(
                key,
                NoticeKind::Unparsable { given: quote(raw), used: fmt_list(&default) },
            ));
            return default;
        }
        return [check_number(key, parts[0], default[0], range, notices); CATEGORIES];
    }
    if parts.len() != CATEGORIES {
        notices.push(Notice::new(
            key,
            NoticeKind::WrongLength { given: quote(raw), expected: CATEGORIES, used: fmt_list(&default) },
        ));
        return default;
    }
    if relative && parts.iter().any(|p| num::read(p).is_none()) {
        notices
            .push(Notice::new(key, NoticeKind::Unparsable { given: quote(raw), used: fmt_list(&default) }));
        return default;
    }
    let mut out = default;
    for (i, part) in parts.iter().enumerate() {
        out[i] = check_number(&format!("{key}[{}]", i + 1), part, default[i], range, notices);
    }
    out
}

/// A query read for the scenario: the scenario, the notices about its keys (and about keys
/// given twice), and the other keys, decoded, in order, for the page layer to judge.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioQuery {
    pub scenario: Scenario,
    pub notices: Vec<Notice>,
    pub other: Vec<(String, String)>,
}

/// The decoded `key=value` pairs of a query string (with or without the leading `?`, without
/// its `#fragment`): keys lower-cased (ASCII) and trimmed; the last value of a key wins, with a
/// notice that it was given twice.
pub fn pairs(query: &str, notices: &mut Vec<Notice>) -> Vec<(String, String)> {
    let q = query.trim().trim_start_matches('?');
    let q = q.split('#').next().unwrap_or("");
    let mut seen: Vec<(String, String)> = Vec::new();
    for pair in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(k).trim().to_ascii_lowercase();
        let val = percent_decode(v);
        if let Some(slot) = seen.iter_mut().find(|(sk, _)| *sk == key) {
            slot.1 = val;
            if !notices.iter().any(|n: &Notice| n.key == key && n.kind == NoticeKind::Duplicate) {
                notices.push(Notice::new(&key, NoticeKind::Duplicate));
            }
        } else {
            seen.push((key, val));
        }
    }
    seen
}

/// Read a query's scenario keys; every other key comes back in [`ScenarioQuery::other`].
///
/// # Example
/// ```
/// use helong::model::codec::parse;
/// let p = parse("grant=10000&budget=1e7&colour=red");
/// assert_eq!(p.scenario.grant, 10_000);
/// assert_eq!(p.scenario.budget, 10_000_000);
/// assert!(p.notices.is_empty());
/// assert_eq!(p.other, [("colour".to_string(), "red".to_string())]);
/// ```
pub fn parse(query: &str) -> ScenarioQuery {
    let mut scenario = Scenario::default();
    let mut notices = Vec::new();
    let mut other = Vec::new();
    for (key, val) in pairs(query, &mut notices) {
        if !read_field(&mut scenario, &key, &val, &mut notices) {
            other.push((key, val));
        }
    }
    ScenarioQuery { scenario, notices, other }
}

/// Set one scenario key from its raw text, checking it as [`parse`] does (what happened is
/// pushed onto `notices`). False, and nothing done, for a key that is not the scenario's.
pub fn read_field(s: &mut Scenario, key: &str, val: &str, notices: &mut Vec<Notice>) -> bool {
    match field(key) {
        Some(f) => {
            f.read(s, val, notices);
            true
        }
        None => false,
    }
}

/// The value of one scenario key as text for the page: a list key gives all five numbers;
/// `None` for a key that is not the scenario's.
pub fn field_value(s: &Scenario, key: &str) -> Option<String> {
    field(key).map(|f| match (f.get)(s) {
        Value::Number(x) => fmt_num(x),
        Value::PerKind(xs) => xs.map(fmt_num).join(","),
    })
}

/// The value of one scenario field as the codec reads and writes it: one number, or one per
/// kind of project.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Number(f64),
    PerKind([f64; CATEGORIES]),
}

impl Value {
    fn number(self) -> f64 {
        match self {
            Value::Number(x) => x,
            Value::PerKind(xs) => xs[0],
        }
    }
    fn per_kind(self) -> [f64; CATEGORIES] {
        match self {
            Value::Number(x) => [x; CATEGORIES],
            Value::PerKind(xs) => xs,
        }
    }
}

/// One scenario key of the URL: its name, its range, and how it is read from and written to
/// a [`Scenario`]. Whole-number fields travel as exact `f64`s (all far below 2⁵³).
pub struct Field {
    pub key: &'static str,
    pub range: Range,
    /// A list of five numbers (one per kind of project; one number means all five).
    pub list: bool,
    /// For lists: all zeros says nothing, so the default is used (with a notice).
    nonzero: bool,
    /// For lists of relative weights (the mix): an entry means something only beside the
    /// others, so one that cannot be read is not filled from the default (a reported count,
    /// on another scale); the whole key falls back, with a notice.
    relative: bool,
    get: fn(&Scenario) -> Value,
    set: fn(&mut Scenario, Value),
}

/// Every scenario key, in canonical order (the order [`serialize`] writes them in).
pub const FIELDS: [Field; 12] = [
    Field {
        key: "budget",
        range: ranges::BUDGET,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.budget as f64),
        set: |s, v| s.budget = v.number() as u64,
    },
    Field {
        key: "grant",
        range: ranges::GRANT,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.grant as f64),
        set: |s, v| s.grant = v.number() as u32,
    },
    Field {
        key: "mix",
        range: ranges::MIX,
        list: true,
        nonzero: true,
        relative: true,
        get: |s| Value::PerKind(s.mix),
        set: |s, v| s.mix = v.per_kind(),
    },
    Field {
        key: "ret",
        range: ranges::RET,
        list: true,
        nonzero: true,
        relative: false,
        get: |s| Value::PerKind(s.ret),
        set: |s, v| s.ret = v.per_kind(),
    },
    Field {
        key: "fail",
        range: ranges::FAIL,
        list: true,
        nonzero: false,
        relative: false,
        get: |s| Value::PerKind(s.fail),
        set: |s, v| s.fail = v.per_kind(),
    },
    Field {
        key: "sigma",
        range: ranges::SIGMA,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.sigma),
        set: |s, v| s.sigma = v.number(),
    },
    Field {
        key: "scale",
        range: ranges::RETURNS_TO_SCALE,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.returns_to_scale),
        set: |s, v| s.returns_to_scale = v.number(),
    },
    Field {
        key: "cy",
        range: ranges::COURTYARD_HOUSEHOLDS,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.courtyard_households as f64),
        set: |s, v| s.courtyard_households = v.number() as u32,
    },
    Field {
        key: "cyarea",
        range: ranges::COURTYARD_AREA,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.courtyard_area),
        set: |s, v| s.courtyard_area = v.number(),
    },
    Field {
        key: "cyyield",
        range: ranges::COURTYARD_YIELD,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.courtyard_yield),
        set: |s, v| s.courtyard_yield = v.number(),
    },
    Field {
        key: "trials",
        range: ranges::TRIALS,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.trials as f64),
        set: |s, v| s.trials = v.number() as u32,
    },
    Field {
        key: "seed",
        range: ranges::SEED,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::Number(s.seed as f64),
        set: |s, v| s.seed = v.number() as u32,
    },
];

impl Field {
    /// Read this field from its raw text into `s`, checking it as [`parse`] does.
    fn read(&self, s: &mut Scenario, raw: &str, n: &mut Vec<Notice>) {
        let key = self.key;
        let v = match (self.get)(&Scenario::default()) {
            Value::Number(d) => Value::Number(check_number(key, raw, d, self.range, n)),
            Value::PerKind(d) => {
                let xs = check_list(key, raw, d, self.range, self.relative, n);
                if self.nonzero && xs.iter().all(|&x| x == 0.0) {
                    n.push(Notice::new(key, NoticeKind::AllZero { used: fmt_list(&d) }));
                    Value::PerKind(d)
                } else {
                    Value::PerKind(xs)
                }
            }
        };
        (self.set)(s, v);
    }

    /// This field's value in `s` as canonical text (lists of equal numbers as one number).
    fn text(&self, s: &Scenario) -> String {
        match (self.get)(s) {
            Value::Number(x) => fmt_num(x),
            Value::PerKind(xs) => fmt_list(&xs),
        }
    }
}

/// The scenario key `key`, if there is one.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The canonical query of a scenario: only non-default keys, in [`FIELDS`] order.
/// The empty string is the reported scenario.
///
/// # Example
/// ```
/// use helong::model::{codec, Scenario};
/// let mut s = Scenario::default();
/// s.grant = 10_000;
/// assert_eq!(codec::serialize(&s), "grant=10000");
/// assert_eq!(codec::parse(&codec::serialize(&s)).scenario, s);
/// ```
pub fn serialize(s: &Scenario) -> String {
    let d = Scenario::default();
    FIELDS
        .iter()
        .filter(|f| (f.get)(s) != (f.get)(&d))
        .map(|f| format!("{}={}", f.key, percent_encode(&f.text(s))))
        .collect::<Vec<_>>()
        .join("&")
}

/// The text of a five-number list with entry `index` replaced by `value`, the other four as
/// they were (a list written as one number stands for five equal ones). A slider of one kind
/// changes its own number only: a link's off-grid values in the others (`ret=1.25,…`) stay.
pub fn with_item(list: &str, index: usize, value: &str) -> String {
    let mut parts: Vec<&str> = list.split(',').collect();
    if parts.len() == 1 {
        parts = vec![parts[0]; CATEGORIES];
    }
    if let Some(p) = parts.get_mut(index) {
        *p = value;
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_one_kinds_number_leaves_the_other_four_as_the_link_gave_them() {
        let mut s = Scenario::default();
        let mut n = Vec::new();
        read_field(&mut s, "ret", "1.25,1,1,1,1.35", &mut n);
        let moved = with_item(&field_value(&s, "ret").unwrap_or_default(), 1, "1.6");
        read_field(&mut s, "ret", &moved, &mut n);
        assert_eq!(s.ret, [1.25, 1.6, 1.0, 1.0, 1.35]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(with_item("2", 4, "3"), "2,2,2,2,3");
        assert_eq!(with_item("1,2,3,4,5", 9, "0"), "1,2,3,4,5");
    }

    #[test]
    fn a_blank_mix_entry_falls_back_to_the_reported_mix_with_a_notice_not_to_a_reported_count() {
        let d = Scenario::default();
        for q in ["mix=1,,1,1,1", "mix=1,x,1,1,1", "mix=1,1,1,1,%20"] {
            let p = parse(q);
            assert_eq!(p.scenario.mix, d.mix, "{q}");
            assert_eq!(p.notices.len(), 1, "{q}: {:?}", p.notices);
            assert_eq!(p.notices[0].key, "mix", "{q}");
        }
        // Lists on an absolute scale keep the reader's other entries and fill the blank one.
        let p = parse("ret=2,,2,2,2");
        assert_eq!(p.scenario.ret, [2.0, 1.0, 2.0, 2.0, 2.0]);
        assert_eq!(p.notices.len(), 1);
    }

    #[test]
    fn every_scenario_key_is_read_written_and_shown_through_the_field_table() {
        for f in &FIELDS {
            let r = f.range;
            let x = match r.step {
                Some(st) => r.min + st * f64::floor((r.max - r.min) / st / 3.0),
                None => r.min + (r.max - r.min) / 4.0,
            };
            let q = format!("{}={}", f.key, num::shortest(x));
            let p = parse(&q);
            assert!(p.notices.is_empty(), "{q}: {:?}", p.notices);
            assert_eq!(serialize(&p.scenario), q, "{}", f.key);
            let shown = field_value(&p.scenario, f.key).expect("a key of the table");
            let want = if f.list { vec![num::shortest(x); CATEGORIES].join(",") } else { num::shortest(x) };
            assert_eq!(shown, want, "{}", f.key);
        }
    }

    #[test]
    fn keys_that_are_not_the_scenarios_come_back_unread_in_order_and_a_repeated_key_is_noticed() {
        let p = parse("?lang=en&grant=6000&Theme=dark&grant=7000#top");
        assert_eq!(p.scenario.grant, 7000);
        assert_eq!(
            p.other,
            [("lang".to_string(), "en".to_string()), ("theme".to_string(), "dark".to_string())]
        );
        assert_eq!(p.notices, [Notice::new("grant", NoticeKind::Duplicate)]);
    }
}
