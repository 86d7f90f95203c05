//! The scenario codec: URL query string ⇄ [`Scenario`] (SPEC §3.1, §3.5).
//!
//! Parsing never fails and never panics. Each field is checked on its own: out of range →
//! clamped, unparsable → default, wrong list length → default, unknown key → ignored; each
//! produces a [`Notice`]. Serializing writes only non-default keys in a stable order, so a
//! canonical query is short and two equal scenarios give the same link.
//!
//! Every key is written once: [`FIELDS`] (the scenario) and [`SETTINGS`] (the presentation)
//! drive [`apply`], [`serialize`], [`serialize_with`] and [`value`]. The page's sliders take
//! their ranges and steps from [`SLIDERS`] and [`ADJUSTERS`], which `prerender` writes into
//! the markup.

use super::notice::{Notice, NoticeKind};
use super::scenario::{ranges, Range, Scenario, CATEGORIES};
use crate::i18n::Lang;
use crate::num::{self, read_rounded};

/// Colour theme (presentation only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Every theme, the default first.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.id().eq_ignore_ascii_case(s.trim()))
    }
}

/// Which panel an embed shows (presentation only).
pub const VIEWS: [&str; 5] = ["all", "allocation", "benefit", "outcomes", "context"];

/// Which controls an embed shows (presentation only): the key ones for its view (the default
/// of a single-view embed, with a "more controls" button), none, or all of them with the
/// language and theme switches (the default of `view=all`, see [`default_controls`]).
/// www/early.js reads the same key before the first paint, from the table [`page_contract`]
/// writes; unset, [`Presentation::controls`] is empty.
pub const CONTROLS: [&str; 3] = ["key", "none", "all"];

/// The controls an embed shows when the URL does not say: all of them for the whole simulator
/// (`view=all`), the key ones for a single view.
pub fn default_controls(view: &str) -> &'static str {
    if view.eq_ignore_ascii_case(VIEWS[0]) {
        "all"
    } else {
        CONTROLS[0]
    }
}

/// The presentation keys as the page reads them before the wasm arrives, written by
/// `prerender` on `<html>` so that www/early.js (a classic script that cannot ask the wasm)
/// keeps no list of its own: `data-lang-tags` ([`Lang::tags_attr`]), `data-url-values` (each
/// key's allowed values, its default first) and `data-view-controls` (each view's
/// [`default_controls`]).
pub fn page_contract() -> Vec<(&'static str, String)> {
    let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.id()).collect();
    let values =
        format!("theme={} view={} controls={}", themes.join(","), VIEWS.join(","), CONTROLS.join(","));
    let views = VIEWS.iter().map(|v| format!("{v}={}", default_controls(v))).collect::<Vec<_>>().join(" ");
    vec![("data-lang-tags", Lang::tags_attr()), ("data-url-values", values), ("data-view-controls", views)]
}

/// Keys that change how the page looks, not what the model computes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Presentation {
    pub lang: Lang,
    pub theme: Theme,
    /// One of [`VIEWS`].
    pub view: &'static str,
    /// One of [`CONTROLS`], or empty when the URL does not say (the view decides).
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
fn check_number(key: &str, raw: &str, default: f64, range: Range, notices: &mut Vec<Notice>) -> f64 {
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

/// The value of one scenario field as the codec reads and writes it: one number, or one per
/// kind of project.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    One(f64),
    Five([f64; CATEGORIES]),
}

impl Value {
    fn one(self) -> f64 {
        match self {
            Value::One(x) => x,
            Value::Five(xs) => xs[0],
        }
    }
    fn five(self) -> [f64; CATEGORIES] {
        match self {
            Value::One(x) => [x; CATEGORIES],
            Value::Five(xs) => xs,
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
        get: |s| Value::One(s.budget as f64),
        set: |s, v| s.budget = v.one() as u64,
    },
    Field {
        key: "grant",
        range: ranges::GRANT,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.grant as f64),
        set: |s, v| s.grant = v.one() as u32,
    },
    Field {
        key: "mix",
        range: ranges::MIX,
        list: true,
        nonzero: true,
        relative: true,
        get: |s| Value::Five(s.mix),
        set: |s, v| s.mix = v.five(),
    },
    Field {
        key: "ret",
        range: ranges::RET,
        list: true,
        nonzero: true,
        relative: false,
        get: |s| Value::Five(s.ret),
        set: |s, v| s.ret = v.five(),
    },
    Field {
        key: "fail",
        range: ranges::FAIL,
        list: true,
        nonzero: false,
        relative: false,
        get: |s| Value::Five(s.fail),
        set: |s, v| s.fail = v.five(),
    },
    Field {
        key: "sigma",
        range: ranges::SIGMA,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.sigma),
        set: |s, v| s.sigma = v.one(),
    },
    Field {
        key: "scale",
        range: ranges::SCALE,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.scale),
        set: |s, v| s.scale = v.one(),
    },
    Field {
        key: "cy",
        range: ranges::CY,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.cy as f64),
        set: |s, v| s.cy = v.one() as u32,
    },
    Field {
        key: "cyarea",
        range: ranges::CYAREA,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.cyarea),
        set: |s, v| s.cyarea = v.one(),
    },
    Field {
        key: "cyyield",
        range: ranges::CYYIELD,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.cyyield),
        set: |s, v| s.cyyield = v.one(),
    },
    Field {
        key: "trials",
        range: ranges::TRIALS,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.trials as f64),
        set: |s, v| s.trials = v.one() as u32,
    },
    Field {
        key: "seed",
        range: ranges::SEED,
        list: false,
        nonzero: false,
        relative: false,
        get: |s| Value::One(s.seed as f64),
        set: |s, v| s.seed = v.one() as u32,
    },
];

impl Field {
    /// Read this field from its raw text into `s`, checking it as [`parse`] does.
    fn read(&self, s: &mut Scenario, raw: &str, n: &mut Vec<Notice>) {
        let key = self.key;
        let v = match (self.get)(&Scenario::default()) {
            Value::One(d) => Value::One(check_number(key, raw, d, self.range, n)),
            Value::Five(d) => {
                let xs = check_list(key, raw, d, self.range, self.relative, n);
                if self.nonzero && xs.iter().all(|&x| x == 0.0) {
                    n.push(Notice::new(key, NoticeKind::AllZero { used: fmt_list(&d) }));
                    Value::Five(d)
                } else {
                    Value::Five(xs)
                }
            }
        };
        (self.set)(s, v);
    }

    /// This field's value in `s` as canonical text (lists of equal numbers as one number).
    fn text(&self, s: &Scenario) -> String {
        match (self.get)(s) {
            Value::One(x) => fmt_num(x),
            Value::Five(xs) => fmt_list(&xs),
        }
    }
}

/// The scenario key `key`, if there is one.
pub fn field(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// One presentation key of the URL: how it reads (`set` is false for a value it does not
/// know) and writes (`get`; the default presentation's value is the default).
pub struct Setting {
    pub key: &'static str,
    get: fn(&Presentation) -> &'static str,
    set: fn(&mut Presentation, &str) -> bool,
}

/// Every presentation key, in the order [`serialize_with`] writes them in.
pub const SETTINGS: [Setting; 4] = [
    Setting { key: "lang", get: |p| p.lang.tag(), set: |p, v| Lang::parse(v).map(|l| p.lang = l).is_some() },
    Setting {
        key: "theme",
        get: |p| p.theme.id(),
        set: |p, v| Theme::parse(v).map(|t| p.theme = t).is_some(),
    },
    Setting {
        key: "view",
        get: |p| p.view_or_default(),
        set: |p, v| VIEWS.iter().find(|x| x.eq_ignore_ascii_case(v.trim())).map(|x| p.view = x).is_some(),
    },
    Setting {
        key: "controls",
        get: |p| p.controls,
        set: |p, v| {
            CONTROLS.iter().find(|x| x.eq_ignore_ascii_case(v.trim())).map(|x| p.controls = x).is_some()
        },
    },
];

/// Set one key (scenario or presentation) from its raw text, checking it as [`parse`] does.
/// Returns nothing; what happened is pushed onto `notices`.
pub fn apply(s: &mut Scenario, pres: &mut Presentation, key: &str, val: &str, notices: &mut Vec<Notice>) {
    if let Some(f) = field(key) {
        f.read(s, val, notices);
    } else if let Some(st) = SETTINGS.iter().find(|st| st.key == key) {
        if !(st.set)(pres, val) {
            let used = (st.get)(&Presentation::default()).to_string();
            notices.push(Notice::new(key, NoticeKind::UnknownValue { given: quote(val), used }));
        }
    } else if !HOST_KEYS.contains(&key) {
        notices.push(Notice::new(&quote(key), NoticeKind::UnknownKey));
    }
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

/// The canonical query of a scenario plus its non-default presentation keys (for links).
pub fn serialize_with(s: &Scenario, p: &Presentation) -> String {
    let mut q = serialize(s);
    let d = Presentation::default();
    for st in &SETTINGS {
        let v = (st.get)(p);
        if v != (st.get)(&d) {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(st.key);
            q.push('=');
            q.push_str(&percent_encode(v));
        }
    }
    q
}

/// The value of one key (scenario or presentation) as text for the page: a list key gives
/// all five numbers; `None` for a key the URL does not have.
pub fn value(s: &Scenario, p: &Presentation, key: &str) -> Option<String> {
    if let Some(f) = field(key) {
        return Some(match (f.get)(s) {
            Value::One(x) => fmt_num(x),
            Value::Five(xs) => xs.map(fmt_num).join(","),
        });
    }
    SETTINGS.iter().find(|st| st.key == key).map(|st| (st.get)(p).to_string())
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

/// A slider of the page: its input's id, the key it sets, and its range and step.
/// `prerender` writes `min`, `max` and `step` into the markup from here.
#[derive(Debug, Clone, PartialEq)]
pub struct Slider {
    pub id: String,
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// What a slider moves: the key's one number, one number of a list per kind of project
/// (`in-<key>-<i>`), or a kind's share of the mix in percent (`in-mix-<i>`, 0–100).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SliderKind {
    One,
    PerKind,
    Share,
}

/// The page's sliders: (key, what they move, step). The step is the page's (a budget moves
/// by 10,000 yuan, while a link may name any whole yuan); the range is the key's.
pub const SLIDERS: [(&str, SliderKind, f64); 8] = [
    ("grant", SliderKind::One, 500.0),
    ("budget", SliderKind::One, 10_000.0),
    ("mix", SliderKind::Share, 0.5),
    ("fail", SliderKind::One, 0.01),
    ("sigma", SliderKind::One, 0.05),
    ("scale", SliderKind::One, 0.05),
    ("ret", SliderKind::PerKind, 0.1),
    ("cy", SliderKind::One, 1.0),
];

/// The adjustable numbers of the page's reactive sentence: (key, step per arrow key).
pub const ADJUSTERS: [(&str, f64); 2] = [("grant", 500.0), ("budget", 100_000.0)];

/// Every slider of the page, one per input.
pub fn sliders() -> Vec<Slider> {
    let mut out = Vec::new();
    for (key, kind, step) in SLIDERS {
        let Some(f) = field(key) else { continue };
        let r = f.range;
        match kind {
            SliderKind::One => {
                out.push(Slider { id: format!("in-{key}"), key, min: r.min, max: r.max, step })
            }
            SliderKind::PerKind | SliderKind::Share => {
                let (min, max) = if kind == SliderKind::Share { (0.0, 100.0) } else { (r.min, r.max) };
                for i in 0..CATEGORIES {
                    out.push(Slider { id: format!("in-{key}-{i}"), key, min, max, step });
                }
            }
        }
    }
    out
}

/// The range and step of an adjustable number of the sentence: (min, max, step).
pub fn adjuster(key: &str) -> Option<(f64, f64, f64)> {
    let (_, step) = ADJUSTERS.iter().find(|(k, _)| *k == key)?;
    let r = field(key)?.range;
    Some((r.min, r.max, *step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_one_kinds_number_leaves_the_other_four_as_the_link_gave_them() {
        let mut s = Scenario::default();
        let mut pres = Presentation::default();
        let mut n = Vec::new();
        apply(&mut s, &mut pres, "ret", "1.25,1,1,1,1.35", &mut n);
        let moved = with_item(&value(&s, &pres, "ret").unwrap_or_default(), 1, "1.6");
        apply(&mut s, &mut pres, "ret", &moved, &mut n);
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
    fn the_table_the_early_script_reads_lists_exactly_what_the_codec_accepts_default_first() {
        let contract = page_contract();
        let values = &contract.iter().find(|(n, _)| *n == "data-url-values").expect("the values").1;
        let mut keys = Vec::new();
        for pair in values.split(' ') {
            let (key, list) = pair.split_once('=').expect("key=values");
            let list: Vec<&str> = list.split(',').collect();
            // Every value listed is read without a notice, and the first is the default.
            for v in &list {
                let p = parse(&format!("{key}={v}"));
                assert!(p.notices.is_empty(), "{key}={v}: {:?}", p.notices);
                assert_eq!(value(&p.scenario, &p.presentation, key).as_deref(), Some(*v), "{key}={v}");
            }
            let default = value(&Scenario::default(), &Presentation::default(), key).unwrap_or_default();
            assert!(
                default.is_empty() || default == list[0],
                "{key}: default {default:?}, listed first {}",
                list[0]
            );
            // A value not listed is not accepted.
            assert!(!parse(&format!("{key}=nonesuch")).notices.is_empty(), "{key}");
            keys.push(key);
        }
        let settings: Vec<&str> = SETTINGS.iter().map(|s| s.key).filter(|k| *k != "lang").collect();
        assert_eq!(keys, settings, "every presentation key but lang (its tags have their own table)");
        let by_view = &contract.iter().find(|(n, _)| *n == "data-view-controls").expect("the views").1;
        let listed: Vec<&str> = by_view.split(' ').map(|p| p.split('=').next().unwrap_or("")).collect();
        assert_eq!(listed, VIEWS);
        assert!(by_view.contains("all=all") && by_view.contains("benefit=key"), "{by_view}");
    }

    #[test]
    fn every_key_is_named_once() {
        let mut keys: Vec<&str> =
            FIELDS.iter().map(|f| f.key).chain(SETTINGS.iter().map(|s| s.key)).collect();
        keys.extend(HOST_KEYS);
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "{keys:?}");
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
            let shown = value(&p.scenario, &p.presentation, f.key).expect("a key of the table");
            let want = if f.list { vec![num::shortest(x); CATEGORIES].join(",") } else { num::shortest(x) };
            assert_eq!(shown, want, "{}", f.key);
        }
    }

    #[test]
    fn every_presentation_key_is_read_written_and_shown_through_the_settings_table() {
        let p = parse("lang=EN-gb&theme=Dark&view=Benefit");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(serialize_with(&p.scenario, &p.presentation), "lang=en&theme=dark&view=benefit");
        for (key, want) in [("lang", "en"), ("theme", "dark"), ("view", "benefit")] {
            assert_eq!(value(&p.scenario, &p.presentation, key).as_deref(), Some(want));
        }
        let bad = parse("lang=fr&theme=sepia&view=map");
        assert_eq!(bad.notices.len(), 3, "{:?}", bad.notices);
        assert_eq!(value(&bad.scenario, &bad.presentation, "lang").as_deref(), Some("zh-Hans"));
        assert_eq!(value(&bad.scenario, &bad.presentation, "nope"), None);
    }

    #[test]
    fn every_slider_and_adjuster_moves_within_its_keys_range_on_values_the_codec_keeps() {
        let sliders = sliders();
        assert_eq!(sliders.len(), 6 + 2 * CATEGORIES, "{sliders:?}");
        for sl in &sliders {
            let f = field(sl.key).expect("a slider sets a key of the table");
            if sl.id.starts_with("in-mix-") {
                assert_eq!((sl.min, sl.max), (0.0, 100.0));
                continue;
            }
            assert_eq!((sl.min, sl.max), (f.range.min, f.range.max), "{}", sl.id);
            if let Some(step) = f.range.step {
                let k = sl.step / step;
                assert_eq!(k, f64::round(k), "{}: the slider's step is a multiple of the key's", sl.id);
            }
            let d = Scenario::default();
            for x in [sl.min, sl.max, sl.min + sl.step] {
                // A per-kind slider moves its kind's number; the others keep theirs.
                let text = match sl.id.rsplit_once('-').and_then(|(_, i)| i.parse::<usize>().ok()) {
                    Some(i) if f.list => {
                        let mut xs = (f.get)(&d).five();
                        xs[i] = x;
                        xs.map(num::shortest).join(",")
                    }
                    _ => num::shortest(x),
                };
                let p = parse(&format!("{}={text}", sl.key));
                assert!(p.notices.is_empty(), "{} at {x}: {:?}", sl.id, p.notices);
            }
        }
        for (key, _) in ADJUSTERS {
            let (min, max, step) = adjuster(key).expect("an adjuster of a key");
            assert_eq!(f64::round((max - min) / step), (max - min) / step, "{key}");
        }
    }
}
