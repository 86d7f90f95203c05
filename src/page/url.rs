//! The page's URL: the scenario's keys (read by [`crate::model::codec`]) and the keys that
//! change how the page looks, not what the model computes — language, theme, view, controls,
//! and a host's house style and events (SPEC §3.1, §5) — plus the keys embedding hosts add,
//! ignored without a notice. One table, [`SETTINGS`], drives reading, writing and showing the
//! presentation keys; it is also the list of the embed's options: `make dist` writes its keys
//! into `embed.js`, which passes each `data-<key>` of the snippet's placeholder
//! (`src/site/embed.rs`).

use super::house::{self, House};
use crate::i18n::Lang;
use crate::model::codec::{self, percent_encode, quote};
use crate::model::notice::{Notice, NoticeKind};
use crate::model::pins::{self, Pin};
use crate::model::scenario::Range;
use crate::model::Scenario;

/// The message types the page posts to its host (`frame.js`) and `embed.js` listens for:
/// the content's height, and the reader's interactions when `events` asks. Public names.
pub const MESSAGES: [(&str, &str); 2] = [("height", "helong:height"), ("event", "helong:event")];

/// The type family of the page's text and charts: the page's own sans-serif stacks first, or
/// serif ones; generic families only, the Chinese stacks per language kept
/// (`font_stack` in `src/charts/style.rs`).
pub const FONTS: [&str; 2] = ["sans", "serif"];

/// What the page tells its host of the reader's interactions: nothing (the default), their
/// names, or their names and the scenario's query.
pub const EVENTS: [&str; 3] = ["0", "1", "full"];

/// The key of the size of the page's text and chart labels, relative to the page's own. Not
/// `scale`: that is the scenario's returns to scale β.
pub const TEXT_SCALE: &str = "textscale";

/// The range of [`TEXT_SCALE`].
pub const TEXT_SCALE_RANGE: Range = Range { min: 0.875, max: 1.25, step: None };

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

/// Keys that change how the page looks, not what the model computes.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    pub lang: Lang,
    pub theme: Theme,
    /// One of [`VIEWS`].
    pub view: &'static str,
    /// One of [`CONTROLS`], or empty when the URL does not say (the view decides).
    pub controls: &'static str,
    /// One of [`FONTS`].
    pub font: &'static str,
    /// The text's size relative to the page's own, in [`TEXT_SCALE_RANGE`].
    pub text_scale: f64,
    /// One of [`EVENTS`].
    pub events: &'static str,
    /// The house colours given and kept.
    pub house: House,
}

impl Default for Presentation {
    fn default() -> Self {
        Presentation {
            lang: Lang::default(),
            theme: Theme::default(),
            view: "",
            controls: "",
            font: FONTS[0],
            text_scale: 1.0,
            events: EVENTS[0],
            house: House::default(),
        }
    }
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
    /// The scenarios pinned for comparison (`pin1`, `pin2`), in order; a pin that could not be
    /// read is left out, with a notice ([`pins::decode`]).
    pub pins: Vec<Pin>,
    pub notices: Vec<Notice>,
}

/// Keys that embedding hosts add to an iframe's URL (our `embed.js`, pym.js, Datawrapper):
/// they concern the host, not the scenario, and are ignored without a notice.
pub const HOST_KEYS: [&str; 6] = ["embed", "childid", "dwid", "initialwidth", "parenttitle", "parenturl"];

/// Read a whole page URL query (with or without the leading `?`): the scenario's keys, the
/// presentation keys, the hosts' keys (ignored); every other key is ignored with a notice.
///
/// # Example
/// ```
/// use helong::page::url::parse;
/// let p = parse("grant=10000&lang=en&colour=red");
/// assert_eq!(p.scenario.grant, 10_000);
/// assert_eq!(p.presentation.lang.tag(), "en");
/// assert_eq!(p.notices.len(), 1); // the unknown key
/// ```
pub fn parse(query: &str) -> Parsed {
    let codec::ScenarioQuery { scenario, mut notices, other } = codec::parse(query);
    let mut presentation = Presentation { view: VIEWS[0], ..Presentation::default() };
    let mut pinned: [Option<Pin>; pins::MAX_PINS] = Default::default();
    for (key, val) in &other {
        match pins::index_of(key) {
            Some(i) => pinned[i] = pins::decode(key, val, &mut notices),
            None => apply_setting(&mut presentation, key, val, &mut notices),
        }
    }
    presentation.house.check(&mut notices);
    Parsed { scenario, presentation, pins: pinned.into_iter().flatten().collect(), notices }
}

/// Set one presentation key from its raw text; a host's key is ignored, any other key gets a
/// notice.
fn apply_setting(pres: &mut Presentation, key: &str, val: &str, notices: &mut Vec<Notice>) {
    if let Some(st) = SETTINGS.iter().find(|st| st.key == key) {
        if !(st.set)(pres, val, notices) {
            let used = (st.get)(&Presentation::default());
            notices.push(Notice::new(key, NoticeKind::UnknownValue { given: quote(val), used }));
        }
    } else if !HOST_KEYS.contains(&key) {
        notices.push(Notice::new(&quote(key), NoticeKind::UnknownKey));
    }
}

/// Set one key (scenario or presentation) from its raw text, checking it as [`parse`] does.
/// Returns nothing; what happened is pushed onto `notices`.
pub fn apply(s: &mut Scenario, pres: &mut Presentation, key: &str, val: &str, notices: &mut Vec<Notice>) {
    if !codec::read_field(s, key, val, notices) {
        apply_setting(pres, key, val, notices);
        if house::KEYS.contains(&key) {
            pres.house.check(notices);
        }
    }
}

/// One presentation key of the URL: how it reads (`set` is false for a value it does not
/// know, and may push notices of its own) and writes (`get`; the default presentation's value
/// is the default).
pub struct Setting {
    pub key: &'static str,
    get: fn(&Presentation) -> String,
    set: fn(&mut Presentation, &str, &mut Vec<Notice>) -> bool,
}

/// The one of `list` that `v` names (ASCII case and white space aside).
fn one_of(list: &[&'static str], v: &str) -> Option<&'static str> {
    list.iter().find(|x| x.eq_ignore_ascii_case(v.trim())).copied()
}

/// House colour `i` ([`house::KEYS`]) as the URL writes it: `#rrggbb`, or empty.
fn colour(p: &Presentation, i: usize) -> String {
    p.house.given[i].map(house::hex).unwrap_or_default()
}

/// Set house colour `i` from `#rrggbb`; anything else is refused with a notice (its contrast is
/// checked once every key is read: [`House::check`]).
fn set_colour(p: &mut Presentation, i: usize, v: &str, notices: &mut Vec<Notice>) -> bool {
    p.house.given[i] = house::parse(v.trim());
    if p.house.given[i].is_none() {
        notices.push(Notice::new(house::KEYS[i], NoticeKind::NotAColour { given: quote(v) }));
    }
    true
}

/// Every presentation key, in the order [`serialize_with`] writes them in: the list of the
/// embed's options.
pub const SETTINGS: [Setting; 15] = [
    Setting {
        key: "lang",
        get: |p| p.lang.tag().into(),
        set: |p, v, _| Lang::parse(v).map(|l| p.lang = l).is_some(),
    },
    Setting {
        key: "theme",
        get: |p| p.theme.id().into(),
        set: |p, v, _| Theme::parse(v).map(|t| p.theme = t).is_some(),
    },
    Setting {
        key: "view",
        get: |p| p.view_or_default().into(),
        set: |p, v, _| one_of(&VIEWS, v).map(|x| p.view = x).is_some(),
    },
    Setting {
        key: "controls",
        get: |p| p.controls.into(),
        set: |p, v, _| one_of(&CONTROLS, v).map(|x| p.controls = x).is_some(),
    },
    Setting {
        key: "font",
        get: |p| p.font.into(),
        set: |p, v, _| one_of(&FONTS, v).map(|x| p.font = x).is_some(),
    },
    Setting {
        key: TEXT_SCALE,
        get: |p| crate::num::shortest(p.text_scale),
        set: |p, v, n| {
            p.text_scale = codec::check_number(TEXT_SCALE, v, 1.0, TEXT_SCALE_RANGE, n);
            true
        },
    },
    Setting {
        key: "events",
        get: |p| p.events.into(),
        set: |p, v, _| one_of(&EVENTS, v).map(|x| p.events = x).is_some(),
    },
    Setting { key: house::KEYS[0], get: |p| colour(p, 0), set: |p, v, n| set_colour(p, 0, v, n) },
    Setting { key: house::KEYS[1], get: |p| colour(p, 1), set: |p, v, n| set_colour(p, 1, v, n) },
    Setting { key: house::KEYS[2], get: |p| colour(p, 2), set: |p, v, n| set_colour(p, 2, v, n) },
    Setting { key: house::KEYS[3], get: |p| colour(p, 3), set: |p, v, n| set_colour(p, 3, v, n) },
    Setting { key: house::KEYS[4], get: |p| colour(p, 4), set: |p, v, n| set_colour(p, 4, v, n) },
    Setting { key: house::KEYS[5], get: |p| colour(p, 5), set: |p, v, n| set_colour(p, 5, v, n) },
    Setting { key: house::KEYS[6], get: |p| colour(p, 6), set: |p, v, n| set_colour(p, 6, v, n) },
    Setting { key: house::KEYS[7], get: |p| colour(p, 7), set: |p, v, n| set_colour(p, 7, v, n) },
];

/// The canonical query of a scenario plus its non-default presentation keys and its pins (for
/// links).
pub fn serialize_with(s: &Scenario, p: &Presentation, pinned: &[Pin]) -> String {
    let mut q = codec::serialize(s);
    let d = Presentation::default();
    for st in &SETTINGS {
        let v = (st.get)(p);
        if v != (st.get)(&d) {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(st.key);
            q.push('=');
            q.push_str(&percent_encode(&v));
        }
    }
    for (i, pin) in pinned.iter().take(pins::MAX_PINS).enumerate() {
        if !q.is_empty() {
            q.push('&');
        }
        q.push_str(&pins::url_pair(i, pin));
    }
    q
}

/// The value of one key (scenario or presentation) as text for the page: a list key gives
/// all five numbers; `None` for a key the URL does not have.
pub fn value(s: &Scenario, p: &Presentation, key: &str) -> Option<String> {
    codec::field_value(s, key).or_else(|| SETTINGS.iter().find(|st| st.key == key).map(|st| (st.get)(p)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::FIELDS;

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
    fn every_house_option_is_read_written_back_and_bad_values_get_a_notice_and_change_nothing() {
        let q = "font=Serif&textscale=1.125&events=full&accent=%230A5C36&bg-dark=%23000000";
        let p = parse(q);
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(
            serialize_with(&p.scenario, &p.presentation, &p.pins),
            "font=serif&textscale=1.125&events=full&accent=%230a5c36&bg-dark=%23000000"
        );
        assert_eq!(value(&p.scenario, &p.presentation, "accent").as_deref(), Some("#0a5c36"));
        // `scale` stays the scenario's returns to scale β; the text size has a key of its own.
        let both = parse("scale=1.2&textscale=1.2");
        assert_eq!((both.scenario.returns_to_scale, both.presentation.text_scale), (1.2, 1.2));
        let bad = parse("font=comic&textscale=3&events=yes&accent=red&reported=%23ffd700");
        let keys: Vec<&str> = bad.notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["font", "textscale", "events", "accent", "reported"], "{:?}", bad.notices);
        assert_eq!(bad.presentation.text_scale, 1.25, "clamped to its range");
        assert!(bad.presentation.house.is_empty());
        assert_eq!(serialize_with(&bad.scenario, &bad.presentation, &bad.pins), "textscale=1.25");
    }

    #[test]
    fn every_presentation_key_is_read_written_and_shown_through_the_settings_table() {
        let p = parse("lang=EN-gb&theme=Dark&view=Benefit");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(serialize_with(&p.scenario, &p.presentation, &p.pins), "lang=en&theme=dark&view=benefit");
        for (key, want) in [("lang", "en"), ("theme", "dark"), ("view", "benefit")] {
            assert_eq!(value(&p.scenario, &p.presentation, key).as_deref(), Some(want));
        }
        let bad = parse("lang=fr&theme=sepia&view=map");
        assert_eq!(bad.notices.len(), 3, "{:?}", bad.notices);
        assert_eq!(value(&bad.scenario, &bad.presentation, "lang").as_deref(), Some("zh-Hans"));
        assert_eq!(value(&bad.scenario, &bad.presentation, "nope"), None);
    }
}
