//! The scenario codec: URL query string ⇄ [`Scenario`] (SPEC §3.1, §3.5).
//!
//! Parsing never fails and never panics. Each field is checked on its own: out of range →
//! clamped, unparsable → default, wrong list length → default, unknown key → ignored; each
//! produces a [`Notice`]. Serializing writes only non-default keys in a stable order, so a
//! canonical query is short and two equal scenarios give the same link.

use super::notice::{Notice, NoticeKind};
use super::scenario::{ranges, Range, Scenario, CATEGORIES};
use crate::i18n::Lang;

/// Colour theme (presentation only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn parse(s: &str) -> Option<Theme> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Which panel an embed shows (presentation only).
pub const VIEWS: [&str; 5] = ["all", "allocation", "benefit", "outcomes", "context"];

/// Keys that change how the page looks, not what the model computes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presentation {
    pub lang: Lang,
    pub theme: Theme,
    /// One of [`VIEWS`].
    pub view: &'static str,
}

impl Presentation {
    fn view_or_default(&self) -> &'static str {
        if self.view.is_empty() {
            VIEWS[0]
        } else {
            self.view
        }
    }
}

/// The result of reading a query string.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub scenario: Scenario,
    pub presentation: Presentation,
    pub notices: Vec<Notice>,
}

/// Scenario keys in canonical order (also the order they are serialized in).
pub const SCENARIO_KEYS: [&str; 12] =
    ["budget", "grant", "mix", "ret", "fail", "sigma", "scale", "cy", "cyarea", "cyyield", "trials", "seed"];
const PRESENTATION_KEYS: [&str; 3] = ["lang", "theme", "view"];

/// Keys that embedding hosts add to an iframe's URL (our `embed.js`, pym.js, Datawrapper):
/// they concern the host, not the scenario, and are ignored without a notice.
pub const HOST_KEYS: [&str; 6] = ["embed", "childid", "dwid", "initialwidth", "parenttitle", "parenturl"];

/// Longest given value quoted back in a notice.
const QUOTE_MAX: usize = 40;

fn quote(s: &str) -> String {
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
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Read a number strictly: finite decimal or scientific notation, nothing else
/// (no `inf`, `NaN`, hex, or trailing text). Underscores and spaces are not accepted.
fn read_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty() || !t.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Shortest text that reads back to the same number.
pub fn fmt_num(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

fn fmt_list(xs: &[f64; CATEGORIES]) -> String {
    if xs.iter().all(|&x| x == xs[0]) {
        fmt_num(xs[0])
    } else {
        xs.iter().map(|&x| fmt_num(x)).collect::<Vec<_>>().join(",")
    }
}

/// Check one number against its range: clamp, then round to the step.
fn check_number(key: &str, raw: &str, default: f64, range: Range, notices: &mut Vec<Notice>) -> f64 {
    let Some(x) = read_number(raw) else {
        notices.push(Notice::new(key, NoticeKind::Unparsable { given: quote(raw), used: fmt_num(default) }));
        return default;
    };
    let mut v = x;
    if v < range.min || v > range.max {
        v = v.clamp(range.min, range.max);
        notices.push(Notice::new(key, NoticeKind::Clamped { given: quote(raw.trim()), used: fmt_num(v) }));
    }
    if let Some(step) = range.step {
        let k = libm::round((v - range.min) / step);
        let r = (range.min + k * step).clamp(range.min, range.max);
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
    notices: &mut Vec<Notice>,
) -> [f64; CATEGORIES] {
    let parts: Vec<&str> = raw.split(',').collect();
    if parts.len() == 1 {
        if read_number(parts[0]).is_none() {
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
    let mut out = default;
    for (i, part) in parts.iter().enumerate() {
        out[i] = check_number(&format!("{key}[{}]", i + 1), part, default[i], range, notices);
    }
    out
}

/// Parse a query string (with or without the leading `?`).
///
/// # Example
/// ```
/// use helong::model::codec::parse;
/// let p = parse("grant=10000&budget=1e7&colour=red");
/// assert_eq!(p.scenario.grant, 10_000);
/// assert_eq!(p.scenario.budget, 10_000_000);
/// assert_eq!(p.notices.len(), 1); // the unknown key
/// ```
pub fn parse(query: &str) -> Parsed {
    let mut s = Scenario::default();
    let mut pres = Presentation { view: VIEWS[0], ..Presentation::default() };
    let mut notices = Vec::new();
    let q = query.trim().trim_start_matches('?');
    // Keep the URL fragment out of the query.
    let q = q.split('#').next().unwrap_or("");

    // Last value of each key wins; note duplicates.
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

    for (key, val) in &seen {
        apply(&mut s, &mut pres, key, val, &mut notices);
    }
    Parsed { scenario: s, presentation: pres, notices }
}

/// Set one key (scenario or presentation) from its raw text, checking it as [`parse`] does.
/// Returns nothing; what happened is pushed onto `notices`.
pub fn apply(s: &mut Scenario, pres: &mut Presentation, key: &str, val: &str, notices: &mut Vec<Notice>) {
    let d = Scenario::default();
    let n = notices;
    match key {
        "budget" => s.budget = check_number(key, val, d.budget as f64, ranges::BUDGET, n) as u64,
        "grant" => s.grant = check_number(key, val, d.grant as f64, ranges::GRANT, n) as u32,
        "mix" => {
            let m = check_list(key, val, d.mix, ranges::MIX, n);
            if m.iter().all(|&x| x == 0.0) {
                n.push(Notice::new(key, NoticeKind::AllZero { used: fmt_list(&d.mix) }));
                s.mix = d.mix;
            } else {
                s.mix = m;
            }
        }
        "ret" => {
            let r = check_list(key, val, d.ret, ranges::RET, n);
            if r.iter().all(|&x| x == 0.0) {
                n.push(Notice::new(key, NoticeKind::AllZero { used: fmt_list(&d.ret) }));
                s.ret = d.ret;
            } else {
                s.ret = r;
            }
        }
        "fail" => s.fail = check_list(key, val, d.fail, ranges::FAIL, n),
        "sigma" => s.sigma = check_number(key, val, d.sigma, ranges::SIGMA, n),
        "scale" => s.scale = check_number(key, val, d.scale, ranges::SCALE, n),
        "cy" => s.cy = check_number(key, val, d.cy as f64, ranges::CY, n) as u32,
        "cyarea" => s.cyarea = check_number(key, val, d.cyarea, ranges::CYAREA, n),
        "cyyield" => s.cyyield = check_number(key, val, d.cyyield, ranges::CYYIELD, n),
        "trials" => s.trials = check_number(key, val, d.trials as f64, ranges::TRIALS, n) as u32,
        "seed" => s.seed = check_number(key, val, d.seed as f64, ranges::SEED, n) as u32,
        "lang" => match Lang::parse(val) {
            Some(l) => pres.lang = l,
            None => n.push(Notice::new(
                key,
                NoticeKind::UnknownValue { given: quote(val), used: Lang::default().tag().into() },
            )),
        },
        "theme" => match Theme::parse(val) {
            Some(t) => pres.theme = t,
            None => {
                n.push(Notice::new(key, NoticeKind::UnknownValue { given: quote(val), used: "auto".into() }))
            }
        },
        "view" => match VIEWS.iter().find(|v| v.eq_ignore_ascii_case(val.trim())) {
            Some(v) => pres.view = v,
            None => n.push(Notice::new(
                key,
                NoticeKind::UnknownValue { given: quote(val), used: VIEWS[0].into() },
            )),
        },
        k if HOST_KEYS.contains(&k) => {}
        _ => n.push(Notice::new(&quote(key), NoticeKind::UnknownKey)),
    }
}

/// The canonical query of a scenario: only non-default keys, in [`SCENARIO_KEYS`] order.
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
    let mut parts: Vec<String> = Vec::new();
    let mut push = |k: &str, v: String| parts.push(format!("{k}={}", percent_encode(&v)));
    if s.budget != d.budget {
        push("budget", s.budget.to_string());
    }
    if s.grant != d.grant {
        push("grant", s.grant.to_string());
    }
    if s.mix != d.mix {
        push("mix", fmt_list(&s.mix));
    }
    if s.ret != d.ret {
        push("ret", fmt_list(&s.ret));
    }
    if s.fail != d.fail {
        push("fail", fmt_list(&s.fail));
    }
    if s.sigma != d.sigma {
        push("sigma", fmt_num(s.sigma));
    }
    if s.scale != d.scale {
        push("scale", fmt_num(s.scale));
    }
    if s.cy != d.cy {
        push("cy", s.cy.to_string());
    }
    if s.cyarea != d.cyarea {
        push("cyarea", fmt_num(s.cyarea));
    }
    if s.cyyield != d.cyyield {
        push("cyyield", fmt_num(s.cyyield));
    }
    if s.trials != d.trials {
        push("trials", s.trials.to_string());
    }
    if s.seed != d.seed {
        push("seed", s.seed.to_string());
    }
    parts.join("&")
}

/// The canonical query of a scenario plus its non-default presentation keys (for links).
pub fn serialize_with(s: &Scenario, p: &Presentation) -> String {
    let mut q = serialize(s);
    let mut add = |k: &str, v: &str| {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(k);
        q.push('=');
        q.push_str(&percent_encode(v));
    };
    if p.lang != Lang::default() {
        add("lang", p.lang.tag());
    }
    if p.theme != Theme::default() {
        add("theme", p.theme.id());
    }
    if p.view_or_default() != VIEWS[0] {
        add("view", p.view_or_default());
    }
    q
}

/// Is `key` one the codec understands?
pub fn is_known_key(key: &str) -> bool {
    SCENARIO_KEYS.contains(&key) || PRESENTATION_KEYS.contains(&key)
}
