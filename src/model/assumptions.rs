//! Every assumption of the model, from the model itself.
//!
//! The article gives the figures the simulator starts from; everything else the model needs is
//! assumed here, and listed here: what is set by a control (failure, spread, returns to scale,
//! relative returns, courtyards), and what is built into the model's equations without a
//! control (the calibration to the reported total, no saturation, a lognormal spread, failures
//! that earn nothing, benefit by kind that is modelled, the ceiling on households). Two
//! settings of the simulation (its runs and the fast method's tolerance) are listed too, marked
//! as settings.
//!
//! Each entry holds the model's own numbers: its default is read from [`Scenario::default`] (so
//! from the constants of [`super::scenario`]) or names the fact of the dataset it comes from,
//! its range is the codec's range for its URL key. The words — names, what each says, what it
//! changes and what it does not — are the text layer's (`text::assumptions`), and the page's
//! method section, the summary of its assumptions disclosure, the embed's credit line and the
//! popovers of the assumptions' numbers are all written from this list by `prerender`, so no
//! default is typed into the page.
//!
//! ```
//! use helong::model::assumptions::{self, DefaultValue};
//! let fail = assumptions::get("failure").unwrap();
//! assert_eq!(fail.default, DefaultValue::Value(helong::model::scenario::DEFAULT_FAIL));
//! assert_eq!(fail.key, Some("fail"));
//! ```

use super::montecarlo::FAST_TOLERANCE;
use super::scenario::{ranges, Range, Scenario};

/// An assumption about the world the article does not describe, or a setting of the
/// simulation (a choice of method, not a claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Assumption,
    Setting,
}

/// How an entry's numbers are written (the text layer writes them in the reader's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// A share between 0 and 1, written as a percentage: 0.1 → `10%`.
    Share,
    /// A bare number in its shortest form: σ, β.
    Plain,
    /// A multiplier: `×1`.
    Times,
    /// A count: runs of the simulation.
    Count,
    /// A count of households.
    Households,
}

/// An entry's default: a number of the model, a fact of the dataset, or none (an assumption
/// about the shape of the model, with no number of its own).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DefaultValue {
    None,
    Value(f64),
    Fact(&'static str),
}

/// What sets an entry: a slider of the simulator (its URL key), only a link's URL key, or
/// nothing (the model's equations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Slider,
    LinkOnly,
    Fixed,
}

/// One assumption (or setting) of the model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assumption {
    /// Stable kebab-case id: the page's `data-assumption`, the popover entry's id.
    pub id: &'static str,
    pub kind: Kind,
    pub default: DefaultValue,
    pub measure: Measure,
    /// The range the codec allows (for the URL key and its slider), when something sets it.
    pub range: Option<Range>,
    /// The URL key that sets it.
    pub key: Option<&'static str>,
    pub control: Control,
}

impl Assumption {
    const fn fixed(id: &'static str) -> Assumption {
        Assumption {
            id,
            kind: Kind::Assumption,
            default: DefaultValue::None,
            measure: Measure::Plain,
            range: None,
            key: None,
            control: Control::Fixed,
        }
    }

    const fn slider(
        id: &'static str,
        key: &'static str,
        default: f64,
        measure: Measure,
        range: Range,
    ) -> Assumption {
        Assumption {
            id,
            kind: Kind::Assumption,
            default: DefaultValue::Value(default),
            measure,
            range: Some(range),
            key: Some(key),
            control: Control::Slider,
        }
    }

    /// The default as a number, when it has one (a fact's value for a fact).
    pub fn default_value(&self) -> Option<f64> {
        match self.default {
            DefaultValue::None => None,
            DefaultValue::Value(v) => Some(v),
            DefaultValue::Fact(id) => crate::facts::get(id).map(|f| f.value),
        }
    }
}

/// Every entry, in the order the method section lists them: how the model is anchored to the
/// article, what it assumes about the expected benefit, then about uncertainty, then the
/// courtyards, then the two settings of the simulation.
pub fn all() -> [Assumption; 13] {
    let d = Scenario::default();
    [
        // The reported 559,300 yuan is the expected benefit of the reported split (benefit.rs).
        Assumption {
            default: DefaultValue::Fact("benefit-per-yuan-granted"),
            ..Assumption::fixed("calibration")
        },
        // The article gives the total only; the split by kind is the model's.
        Assumption::fixed("benefit-by-kind"),
        // Relative returns per yuan of the five kinds (benefit.rs), equal by default.
        Assumption::slider("returns", "ret", d.ret[0], Measure::Times, ranges::RET),
        // A yuan earns the same however many households are funded (benefit.rs), apart from β.
        Assumption::fixed("no-saturation"),
        // Returns to scale β (benefit.rs).
        Assumption::slider("scale", "scale", d.returns_to_scale, Measure::Plain, ranges::RETURNS_TO_SCALE),
        // No more households than registered poor people of 2015 (accounting.rs).
        Assumption {
            default: DefaultValue::Fact("registered-poor-2015"),
            ..Assumption::fixed("household-cap")
        },
        // Failure probability, the same for every kind (montecarlo.rs).
        Assumption::slider("failure", "fail", d.fail[0], Measure::Share, ranges::FAIL),
        // A failed project earns 0, never less (montecarlo.rs).
        Assumption::fixed("failure-earns-zero"),
        // Successful projects vary lognormally around their mean (montecarlo.rs).
        Assumption::fixed("lognormal"),
        // The lognormal's σ (montecarlo.rs).
        Assumption::slider("spread", "sigma", d.sigma, Measure::Plain, ranges::SIGMA),
        // Courtyard income = households × reported average area × reported income per m².
        Assumption {
            default: DefaultValue::Fact("courtyard-households"),
            measure: Measure::Households,
            range: Some(ranges::COURTYARD_HOUSEHOLDS),
            key: Some("cy"),
            control: Control::Slider,
            ..Assumption::fixed("courtyards")
        },
        // Settings: the runs of the simulation, and the fast method's agreement with the
        // per-household reference.
        Assumption {
            id: "runs",
            kind: Kind::Setting,
            default: DefaultValue::Value(d.trials as f64),
            measure: Measure::Count,
            range: Some(ranges::TRIALS),
            key: Some("trials"),
            control: Control::LinkOnly,
        },
        Assumption {
            kind: Kind::Setting,
            default: DefaultValue::Value(FAST_TOLERANCE.width_share),
            measure: Measure::Share,
            ..Assumption::fixed("fast-method")
        },
    ]
}

/// The entry with this id.
pub fn get(id: &str) -> Option<Assumption> {
    all().into_iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario;

    #[test]
    fn every_default_is_the_models_own_constant() {
        let v = |id: &str| get(id).and_then(|a| a.default_value());
        assert_eq!(v("failure"), Some(scenario::DEFAULT_FAIL));
        assert_eq!(v("spread"), Some(scenario::DEFAULT_SIGMA));
        assert_eq!(v("scale"), Some(scenario::DEFAULT_RETURNS_TO_SCALE));
        assert_eq!(v("returns"), Some(scenario::DEFAULT_RET));
        assert_eq!(v("runs"), Some(scenario::DEFAULT_TRIALS as f64));
        assert_eq!(v("fast-method"), Some(FAST_TOLERANCE.width_share));
        assert_eq!(v("courtyards"), Some(crate::facts::reported::COURTYARD_HOUSEHOLDS as f64));
        assert_eq!(v("household-cap"), Some(scenario::HOUSEHOLD_CAP as f64));
        let rate = 100.0 * crate::model::benefit::reported_rate();
        assert!((v("calibration").unwrap() - rate).abs() < 1e-12);
    }

    #[test]
    fn every_entry_set_by_a_key_has_the_codecs_range_and_a_slider_only_if_the_page_has_one() {
        let sliders = crate::page::controls::sliders();
        for a in all() {
            let has_slider = a.key.is_some_and(|k| sliders.iter().any(|s| s.key == k));
            assert_eq!(has_slider, a.control == Control::Slider, "{}", a.id);
            assert_eq!(a.key.is_some(), a.range.is_some(), "{}", a.id);
            if let (Some(r), Some(v)) = (a.range, a.default_value()) {
                assert!(r.min <= v && v <= r.max, "{}: default {v} outside its range", a.id);
            }
        }
        let ids: Vec<&str> = all().iter().map(|a| a.id).collect();
        let mut unique = ids.clone();
        unique.dedup();
        assert_eq!(ids, unique);
    }
}
