//! Charts, generic over plotters' `DrawingBackend`: the page draws them on canvas, the CLI
//! and the static fallback as SVG, with the same functions (one module per chart; adding a
//! chart is one module and one line in [`Chart`]).
//!
//! Every chart takes a [`Style`] (language, light or dark, device-pixel scale) and draws into
//! the whole area it is given; titles live in the HTML around the chart, so screen readers
//! and the language switcher handle them.

pub mod allocation;
pub mod benefit;
pub mod context;
pub mod outcomes;

use crate::i18n::Lang;
use crate::model::Outcome;
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;

mod marks;
mod style;
mod svg;
mod typeset;

pub(crate) use marks::draw_err;
pub use marks::{
    begin_scenario, dashed, empty_state, halo_text, hatch, nice_ticks, pins_fingerprint, rule, tick_count,
    PinMark,
};
pub use style::{font_stack, Look, Style, OKABE_ITO};
pub use svg::{draw_stamped, render_svg, render_svg_pinned, render_svg_stamped};
pub use typeset::{text_width, wrap};

/// The charts the product draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Allocation,
    Benefit,
    Outcomes,
    Context,
    /// The compact total of the phone's sticky strip (not in [`Chart::ALL`]: no table, no
    /// static image; the benefit chart holds the same numbers).
    Total,
}

impl Chart {
    /// A fingerprint of everything chart `self` draws from `out` in language `lang`: two
    /// outcomes with the same fingerprint draw the same chart, so the page skips the redraw
    /// (a slider that does not concern a chart, courtyards say, costs that chart nothing).
    /// `tests/charts.rs` checks that a changed drawing always changes the fingerprint.
    pub fn fingerprint(self, out: &Outcome, lang: Lang) -> u64 {
        let mut h = crate::num::Fnv1a64::default();
        let mut eat = |x: f64| h.write(&x.to_bits().to_le_bytes());
        eat(lang as u8 as f64);
        let o = out;
        let q = &o.benefit_quantiles_yuan;
        match self {
            Chart::Context => {}
            Chart::Allocation => o.categories.iter().for_each(|c| eat(c.households as f64)),
            Chart::Benefit => {
                for c in &o.categories {
                    [c.households as f64, c.expected_benefit_yuan, c.p5, c.p25, c.p75, c.p95]
                        .into_iter()
                        .for_each(&mut eat);
                }
                [o.expected_benefit_yuan, q.p5, q.p25, q.p50, q.p75, q.p95].into_iter().for_each(&mut eat);
            }
            Chart::Total => {
                [o.households_funded as f64, o.expected_benefit_yuan, q.p5, q.p25, q.p75, q.p95]
                    .into_iter()
                    .for_each(&mut eat);
            }
            Chart::Outcomes => {
                o.histogram.edges.iter().chain(o.histogram.counts.iter().flatten()).for_each(|&x| eat(x));
                [o.histogram.failed, o.histogram.above, q.p5, q.p95].into_iter().for_each(&mut eat);
                o.draws.iter().for_each(|d| eat(d.total_yuan));
            }
        }
        h.finish()
    }

    pub const ALL: [Chart; 4] = [Chart::Allocation, Chart::Benefit, Chart::Outcomes, Chart::Context];

    /// Name used by the CLI's `render --chart` and the page's canvas ids (`chart-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Chart::Allocation => "allocation",
            Chart::Benefit => "benefit",
            Chart::Outcomes => "outcomes",
            Chart::Context => "context",
            Chart::Total => "total",
        }
    }

    pub fn parse(name: &str) -> Result<Chart, Error> {
        Chart::ALL
            .into_iter()
            .chain([Chart::Total])
            .find(|c| c.name() == name)
            .ok_or_else(|| Error::Unknown { what: "chart", name: name.to_string() })
    }

    /// What the chart is drawn from, as the page's renderer reads it from the chart's box
    /// (`data-redraw`, written by the build): `scenario` (redrawn when the scenario changes)
    /// or `dataset` (redrawn only on a resize, a language or a theme).
    pub fn redraw(self) -> &'static str {
        match self {
            Chart::Context => "dataset",
            _ => "scenario",
        }
    }

    /// True for the charts that mark the pinned scenarios ([`Chart::draw_pinned`]).
    pub fn shows_pins(self) -> bool {
        matches!(self, Chart::Allocation | Chart::Benefit | Chart::Outcomes)
    }

    /// True for the charts of [`Chart::ALL`]: each has a data table, a text alternative and a
    /// static picture (the build marks their boxes `data-described`).
    pub fn described(self) -> bool {
        Chart::ALL.contains(&self)
    }

    /// Draw this chart of `outcome` into `root`.
    pub fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        outcome: &Outcome,
        style: &Style,
    ) -> Result<(), Error> {
        self.draw_pinned(root, outcome, &[], style)
    }

    /// Draw this chart with the pinned scenarios marked where it shows them (the allocation,
    /// benefit and outcomes charts; the others draw as without pins).
    pub fn draw_pinned<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        outcome: &Outcome,
        pins: &[PinMark],
        style: &Style,
    ) -> Result<(), Error> {
        match self {
            Chart::Allocation => allocation::draw_with_pins(root, outcome, pins, style),
            Chart::Benefit => benefit::draw_with_pins(root, outcome, pins, style),
            Chart::Outcomes => outcomes::draw_with_pins(root, outcome, pins, style),
            Chart::Context => context::draw(root, outcome, style),
            Chart::Total => benefit::draw_total(root, outcome, style),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::svg::svg_font_sizes_as_on_canvas;
    use super::*;

    #[test]
    fn the_charts_and_the_page_use_the_same_font_stack_for_each_language_sans_and_serif() {
        let css = include_str!("../../www/style.css");
        for serif in [false, true] {
            for lang in Lang::ALL {
                let t = lang.tag();
                // The serif rule also matches <html> itself (the controls' text has no lang of
                // its own and inherits the root's family).
                let selector = if serif {
                    format!("\nhtml[data-font=\"serif\"]:lang({t}), html[data-font=\"serif\"] [lang]:lang({t}) {{")
                } else {
                    format!("\n[lang]:lang({t}) {{")
                };
                let rule =
                    css.find(&selector).map(|i| &css[i..]).unwrap_or_else(|| panic!("no `{selector}` rule"));
                let decl =
                    rule.split('}').next().unwrap().split("font-family:").nth(1).expect("a font-family");
                assert_eq!(decl.split(';').next().unwrap().trim(), font_stack(lang, serif), "{}", lang.tag());
            }
        }
    }

    #[test]
    fn english_chart_text_starts_with_latin_fonts_and_chinese_with_its_script() {
        for serif in [false, true] {
            let first = |lang| font_stack(lang, serif).split(',').next().unwrap().to_string();
            assert!(!font_stack(Lang::En, serif).contains("CJK"), "{}", font_stack(Lang::En, serif));
            assert!(first(Lang::ZhHans).ends_with(" SC\""), "{}", first(Lang::ZhHans));
            assert!(first(Lang::ZhHant).ends_with(" TC\""), "{}", first(Lang::ZhHant));
        }
        let st = Style { lang: Lang::En, ..Style::default() };
        assert_eq!(st.font(13.0).get_family().as_str(), font_stack(Lang::En, false));
    }

    #[test]
    fn svg_text_gets_the_font_size_the_canvas_draws() {
        let svg = r#"<text font-size="10.483870967741936" x="1">a "q"</text>"#;
        assert_eq!(svg_font_sizes_as_on_canvas(svg), r#"<text font-size="13" x="1">a "q"</text>"#);
    }

    #[test]
    fn wrapping_breaks_between_words_and_between_chinese_characters() {
        let st = Style::default();
        let en = wrap("the quick brown fox jumps", 10.0, 60, &st);
        assert!(en.len() > 1 && en.iter().all(|l| text_width(l, 10.0, &st) <= 60), "{en:?}");
        assert_eq!(en.join(" "), "the quick brown fox jumps");
        let zh = wrap("虚线仅连接报道的两个数值，中间年份无数据", 10.0, 55, &st);
        assert!(zh.iter().all(|l| !l.starts_with('，')), "{zh:?}");
        assert_eq!(zh.concat(), "虚线仅连接报道的两个数值，中间年份无数据");
        let q = wrap("grant=10000&mix=1,1,1,1,1&fail=0.2", 10.0, 80, &st);
        assert!(q.len() > 1 && q[0].ends_with('&'), "{q:?}");
    }
}
