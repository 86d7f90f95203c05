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

/// Which controls an embed shows (presentation only): none, the key ones for its view (the
/// default of a single-view embed, with a "more controls" disclosure), or all of them with the
/// language and theme switches. www/early.js reads the same key before the first paint.
pub const CONTROLS: [&str; 3] = ["key", "none", "all"];

/// Keys that change how the page looks, not what the model computes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presentation {
    pub lang: Lang,
    pub theme: Theme,
    /// One of [`VIEWS`].
    pub view: &'static str,
    /// One of [`CONTROLS`] (empty: the default, `key`).
    pub controls: &'static str,
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

/// Significant digits kept from a number in a query; more are rounded away (with a notice).
pub const MAX_DIGITS: u32 = 15;
/// Decimal places kept from a number in a query; more are rounded away (with a notice).
pub const MAX_DECIMALS: i32 = 12;

/// A decimal read from text: `mantissa × 10^exponent`, and whether digits were dropped.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Decimal {
    negative: bool,
    mantissa: u64,
    exponent: i32,
    rounded: bool,
}

/// Parse `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent).
fn parse_decimal(t: &str) -> Option<Decimal> {
    let b = t.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mantissa, mut exponent, mut digits, mut any, mut rounded) = (0u64, 0i32, 0u32, false, false);
    let mut round_up = false;
    let mut seen_point = false;
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                any = true;
                let d = (c - b'0') as u64;
                if digits < MAX_DIGITS {
                    if mantissa > 0 || d > 0 {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + d;
                    if seen_point {
                        exponent -= 1;
                    }
                } else {
                    // Beyond the digits we keep: remember how to round, count the magnitude.
                    if !rounded {
                        round_up = d >= 5;
                    }
                    rounded |= d > 0 || rounded;
                    if !seen_point {
                        exponent += 1;
                    }
                }
            }
            b'.' if !seen_point => seen_point = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if !any {
        return None;
    }
    if i < b.len() {
        // Exponent part.
        i += 1;
        let (mut eneg, mut e, mut edigits) = (false, 0i32, 0);
        if let Some(&s) = b.get(i) {
            if s == b'-' || s == b'+' {
                eneg = s == b'-';
                i += 1;
            }
        }
        while i < b.len() {
            let c = b[i];
            if !c.is_ascii_digit() {
                return None;
            }
            e = e.saturating_mul(10).saturating_add((c - b'0') as i32);
            edigits += 1;
            i += 1;
        }
        if edigits == 0 {
            return None;
        }
        exponent = exponent.saturating_add(if eneg { -e } else { e });
    }
    if round_up {
        mantissa += 1;
    }
    Some(Decimal { negative, mantissa, exponent, rounded })
}

/// Read a number strictly: a finite decimal or scientific notation, nothing else (no `inf`,
/// `NaN`, hex, spaces inside, or trailing text). At most [`MAX_DIGITS`] significant digits and
/// [`MAX_DECIMALS`] decimal places are kept; `.1` is the second element: true when digits were
/// rounded away.
///
/// Why not `str::parse::<f64>`: its exact algorithm carries a 10 KB table of powers of five
/// into the wasm. With at most 15 digits and 12 decimals, `mantissa / 10^k` (or `× 10^k`) is
/// one correctly rounded IEEE operation on exact operands, so this reader is exact too, and
/// the codec's canonical output (at most 15 significant digits) reads back bit for bit.
fn read_number_rounded(s: &str) -> Option<(f64, bool)> {
    let mut d = parse_decimal(s.trim())?;
    if d.exponent < -MAX_DECIMALS {
        // Round to MAX_DECIMALS places, half up on the magnitude.
        let drop = (-MAX_DECIMALS - d.exponent) as u32;
        let p = if drop > 19 { u64::MAX } else { 10u64.pow(drop) };
        let q = d.mantissa / p;
        let r = d.mantissa % p;
        d.rounded |= r != 0;
        d.mantissa = q + u64::from(p != u64::MAX && r * 2 >= p);
        d.exponent = -MAX_DECIMALS;
    }
    let m = d.mantissa as f64; // exact: fewer than 2^53
    let x = if d.mantissa == 0 {
        0.0
    } else if d.exponent >= 0 {
        if d.exponent > 300 {
            f64::MAX
        } else if d.exponent <= 22 {
            m * POW10[d.exponent as usize]
        } else {
            m * libm::pow(10.0, d.exponent as f64)
        }
    } else {
        m / POW10[(-d.exponent) as usize]
    };
    let x = if d.negative { -x } else { x };
    x.is_finite().then_some((x, d.rounded))
}

/// Exact powers of ten as f64 (10^0 … 10^22 are representable exactly).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// Read a number, ignoring whether digits were rounded away.
pub fn read_number(s: &str) -> Option<f64> {
    read_number_rounded(s).map(|(x, _)| x)
}

/// Shortest text that reads back to the same number.
pub fn fmt_num(x: f64) -> String {
    crate::i18n::shortest(x)
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
    let Some((x, rounded)) = read_number_rounded(raw) else {
        notices.push(Notice::new(key, NoticeKind::Unparsable { given: quote(raw), used: fmt_num(default) }));
        return default;
    };
    if rounded {
        notices.push(Notice::new(key, NoticeKind::Rounded { given: quote(raw.trim()), used: fmt_num(x) }));
    }
    let mut v = x;
    if v < range.min || v > range.max {
        v = crate::i18n::clamp(v, range.min, range.max);
        notices.push(Notice::new(key, NoticeKind::Clamped { given: quote(raw.trim()), used: fmt_num(v) }));
    }
    if let Some(step) = range.step {
        let k = f64::round((v - range.min) / step);
        let r = crate::i18n::clamp(range.min + k * step, range.min, range.max);
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
        "controls" => match CONTROLS.iter().find(|v| v.eq_ignore_ascii_case(val.trim())) {
            Some(v) => pres.controls = v,
            None => n.push(Notice::new(
                key,
                NoticeKind::UnknownValue { given: quote(val), used: CONTROLS[0].into() },
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
    if !p.controls.is_empty() && p.controls != CONTROLS[0] {
        add("controls", p.controls);
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_exactly_as_the_standard_parser_reads_them() {
        for s in [
            "0",
            "5000",
            "12730000",
            "0.1",
            "0.15",
            "1.5",
            "0.05",
            "87.144019528071",
            "2.303921568627",
            "1e7",
            "2.5E3",
            "-3",
            "+4.25",
            "123456789012345",
            "0.000000000001",
            ".5",
            "5.",
            "9007199254740993",
        ] {
            let ours = read_number(s);
            let std: Option<f64> = s.parse().ok();
            let significant =
                s.trim_start_matches(['+', '-', '0', '.']).chars().filter(|c| c.is_ascii_digit()).count();
            if significant <= 15 {
                assert_eq!(ours, std, "{s}");
            } else {
                assert!(ours.is_some(), "{s}");
            }
        }
    }

    #[test]
    fn digits_beyond_fifteen_or_twelve_decimals_are_rounded_with_a_notice() {
        assert_eq!(read_number_rounded("0.1234567890123456789"), Some((0.123456789012, true)));
        assert_eq!(read_number_rounded("1234567890123456789"), Some((1234567890123460000.0, true)));
        assert_eq!(read_number_rounded("0.1"), Some((0.1, false)));
        let p = parse("sigma=0.12345678901234567");
        assert!(matches!(p.notices[0].kind, NoticeKind::Rounded { .. }), "{:?}", p.notices);
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "inf", "NaN", "0x10", "1_000", "1 000", "1.2.3", "١٢", "12abc",
            "--1",
        ] {
            assert_eq!(read_number(s), None, "{s:?}");
        }
    }
}
