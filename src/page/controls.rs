//! The page's controls as the model's keys define them: the sliders and the adjustable numbers
//! of the sentence (their ranges are the keys', their steps the page's), and the table the
//! early script reads before the wasm arrives. `prerender` writes these into the markup.

use super::url::{
    default_controls, Theme, CONTROLS, EVENTS, FONTS, MESSAGES, TEXT_SCALE, TEXT_SCALE_RANGE, VIEWS,
};
use crate::i18n::Lang;
use crate::model::codec::field;
use crate::model::scenario::CATEGORIES;

/// The presentation keys as the page reads them before the wasm arrives, written by
/// `prerender` on `<html>` so that www/early.js (a classic script that cannot ask the wasm)
/// and www/frame.js keep no list of their own: `data-lang-tags` ([`Lang::tags_attr`]),
/// `data-url-values` (each enumerated key's allowed values, its default first),
/// `data-url-ranges` (a number's `min,max`: the text size), `data-view-controls` (each view's
/// [`default_controls`]) and `data-messages` (the message types posted to the host,
/// [`MESSAGES`]).
pub fn page_contract() -> Vec<(&'static str, String)> {
    let themes: Vec<&str> = Theme::ALL.iter().map(|t| t.id()).collect();
    let values = format!(
        "theme={} view={} controls={} font={} events={}",
        themes.join(","),
        VIEWS.join(","),
        CONTROLS.join(","),
        FONTS.join(","),
        EVENTS.join(",")
    );
    let r = TEXT_SCALE_RANGE;
    let ranges = format!("{TEXT_SCALE}={},{}", crate::num::shortest(r.min), crate::num::shortest(r.max));
    let views = VIEWS.iter().map(|v| format!("{v}={}", default_controls(v))).collect::<Vec<_>>().join(" ");
    let messages = MESSAGES.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(" ");
    vec![
        ("data-lang-tags", Lang::tags_attr()),
        ("data-url-values", values),
        ("data-url-ranges", ranges),
        ("data-view-controls", views),
        ("data-messages", messages),
    ]
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
    Number,
    PerKind,
    Share,
}

/// The page's sliders: (key, what they move, step). The step is the page's (a budget moves
/// by 10,000 yuan, while a link may name any whole yuan); the range is the key's.
pub const SLIDERS: [(&str, SliderKind, f64); 8] = [
    ("grant", SliderKind::Number, 500.0),
    ("budget", SliderKind::Number, 10_000.0),
    ("mix", SliderKind::Share, 0.5),
    ("fail", SliderKind::Number, 0.01),
    ("sigma", SliderKind::Number, 0.05),
    ("scale", SliderKind::Number, 0.05),
    ("ret", SliderKind::PerKind, 0.1),
    ("cy", SliderKind::Number, 1.0),
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
            SliderKind::Number => {
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
    use crate::model::{codec, Scenario};
    use crate::page::url::{parse, value, Presentation, SETTINGS};

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
        let enumerated = ["theme", "view", "controls", "font", "events"];
        assert_eq!(
            keys, enumerated,
            "every presentation key with a list of values (lang's tags have their own table)"
        );
        assert!(enumerated.iter().all(|k| SETTINGS.iter().any(|s| s.key == *k)));
        // The text size's range: its ends are read without a notice, a little past them with one.
        let ranges = &contract.iter().find(|(n, _)| *n == "data-url-ranges").expect("the ranges").1;
        let (key, ends) = ranges.split_once('=').expect("key=min,max");
        let (min, max) = ends.split_once(',').expect("min,max");
        for (v, fine) in [(min, true), (max, true), ("0.87", false), ("1.26", false)] {
            assert_eq!(parse(&format!("{key}={v}")).notices.is_empty(), fine, "{key}={v}");
        }
        let by_view = &contract.iter().find(|(n, _)| *n == "data-view-controls").expect("the views").1;
        let listed: Vec<&str> = by_view.split(' ').map(|p| p.split('=').next().unwrap_or("")).collect();
        assert_eq!(listed, VIEWS);
        assert!(by_view.contains("all=all") && by_view.contains("benefit=key"), "{by_view}");
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
                    Some(i) if f.list => codec::with_item(
                        &codec::field_value(&d, sl.key).unwrap_or_default(),
                        i,
                        &crate::num::shortest(x),
                    ),
                    _ => crate::num::shortest(x),
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
