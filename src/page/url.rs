//! The page's URL: the scenario's keys (read by [`crate::model::codec`]) and the keys that
//! change how the page looks, not what the model computes — language, theme, view, controls
//! (SPEC §3.1) — plus the keys embedding hosts add, ignored without a notice. One table,
//! [`SETTINGS`], drives reading, writing and showing the presentation keys.

use crate::i18n::Lang;
use crate::model::codec::{self, percent_encode, quote};
use crate::model::notice::{Notice, NoticeKind};
use crate::model::pins::{self, Pin};
use crate::model::Scenario;

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
    Parsed { scenario, presentation, pins: pinned.into_iter().flatten().collect(), notices }
}

/// Set one presentation key from its raw text; a host's key is ignored, any other key gets a
/// notice.
fn apply_setting(pres: &mut Presentation, key: &str, val: &str, notices: &mut Vec<Notice>) {
    if let Some(st) = SETTINGS.iter().find(|st| st.key == key) {
        if !(st.set)(pres, val) {
            let used = (st.get)(&Presentation::default()).to_string();
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
    }
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
            q.push_str(&percent_encode(v));
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
    codec::field_value(s, key)
        .or_else(|| SETTINGS.iter().find(|st| st.key == key).map(|st| (st.get)(p).to_string()))
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
