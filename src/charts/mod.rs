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
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Okabe–Ito colours: distinguishable with every common form of colour blindness.
pub const OKABE_ITO: [RGBColor; 8] = [
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermilion
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x00, 0x00, 0x00), // black
];

/// How a chart is drawn: language, colour scheme and the device-pixel scale (text and lines
/// are sized in CSS pixels and multiplied by `scale`, so charts stay crisp on high-DPI
/// screens).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub lang: Lang,
    pub dark: bool,
    pub scale: f64,
}

impl Default for Style {
    fn default() -> Self {
        Style { lang: Lang::ZhHans, dark: false, scale: 1.0 }
    }
}

impl Style {
    /// Background of the chart area.
    pub fn background(&self) -> RGBColor {
        if self.dark {
            RGBColor(0x16, 0x1a, 0x1f)
        } else {
            RGBColor(0xff, 0xff, 0xff)
        }
    }
    /// Main text colour (contrast ≥ 4.5:1 on the background).
    pub fn ink(&self) -> RGBColor {
        if self.dark {
            RGBColor(0xe8, 0xea, 0xed)
        } else {
            RGBColor(0x1f, 0x23, 0x28)
        }
    }
    /// Secondary text and axes (contrast ≥ 4.5:1 on the background).
    pub fn muted(&self) -> RGBColor {
        if self.dark {
            RGBColor(0xa9, 0xb1, 0xbb)
        } else {
            RGBColor(0x55, 0x5d, 0x66)
        }
    }
    /// Grid lines.
    pub fn grid(&self) -> RGBColor {
        if self.dark {
            RGBColor(0x33, 0x3a, 0x42)
        } else {
            RGBColor(0xe3, 0xe6, 0xea)
        }
    }
    /// The colour of the scenario's own marks (blue reads well on both backgrounds).
    pub fn accent(&self) -> RGBColor {
        if self.dark {
            OKABE_ITO[1]
        } else {
            OKABE_ITO[4]
        }
    }
    /// The colour of what the article reported (orange / vermilion).
    pub fn reported(&self) -> RGBColor {
        if self.dark {
            OKABE_ITO[0]
        } else {
            OKABE_ITO[5]
        }
    }
    /// A length in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> i32 {
        f64::round(css * self.scale) as i32
    }
    /// The chart's font: the language's stack ([`font_stack`]), as the text around the chart.
    pub fn font(&self, css_px: f64) -> FontDesc<'static> {
        // `FontFamily::Name`, not `FontFamily::from`: plotters parses names given as `&str`
        // with `to_lowercase`, which pulls Unicode case tables (~14 KB) into the wasm.
        FontDesc::new(FontFamily::Name(font_stack(self.lang)), css_px * self.scale, FontStyle::Normal)
    }
    pub fn text(&self, css_px: f64, color: RGBColor) -> TextStyle<'static> {
        self.font(css_px).color(&color)
    }
    /// A pale tint of the accent colour, for bands behind marks (uncertainty ranges).
    pub fn accent_tint(&self) -> RGBColor {
        mix(self.accent(), self.background(), if self.dark { 0.38 } else { 0.24 })
    }
    /// A stroke `css` pixels wide.
    pub fn stroke(&self, color: RGBColor, css: f64) -> ShapeStyle {
        color.stroke_width(self.px(css).max(1) as u32)
    }
}

/// The font stack of each language, first choice first; www/style.css gives the page's text
/// the same lists (`[lang]:lang(…)`, checked by a test). English starts with Latin fonts: a
/// CJK font draws Latin quotation marks a full em wide (`Helong's  “Six Small Projects”  bought`
/// in WebKit). Chinese starts with the CJK fonts of its script (Simplified or Traditional
/// glyph forms), whose quotation marks and punctuation are full-width as Chinese text wants.
pub fn font_stack(lang: Lang) -> &'static str {
    lang.pick(
        r#""PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif"#,
        r#""PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", system-ui, sans-serif"#,
        r#"system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif"#,
    )
}

/// `a` blended over `b` with weight `t` (0: all `b`, 1: all `a`).
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let f =
        |x: u8, y: u8| crate::num::clamp(f64::round(x as f64 * t + y as f64 * (1.0 - t)), 0.0, 255.0) as u8;
    RGBColor(f(a.0, b.0), f(a.1, b.1), f(a.2, b.2))
}

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
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |x: f64| {
            for b in x.to_bits().to_le_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
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
        h
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

    /// Draw this chart of `outcome` into `root`.
    pub fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        outcome: &Outcome,
        style: &Style,
    ) -> Result<(), Error> {
        match self {
            Chart::Allocation => allocation::draw(root, outcome, style),
            Chart::Benefit => benefit::draw(root, outcome, style),
            Chart::Outcomes => outcomes::draw(root, outcome, style),
            Chart::Context => context::draw(root, outcome, style),
            Chart::Total => benefit::draw_total(root, outcome, style),
        }
    }
}

/// Estimated width in device pixels of `text` at `css_px`. Charts lay out text with this
/// estimate instead of asking the backend: plotters' browser font metrics insert an element
/// with an inline `style` attribute, which a strict Content-Security-Policy forbids, and the
/// estimate makes the canvas and the SVG layouts identical. CJK characters are one em wide;
/// Latin letters and digits about 0.56 em.
pub fn text_width(text: &str, css_px: f64, st: &Style) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            c if is_wide(c) => 1.0,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            ' ' => 0.3,
            c if c.is_ascii_uppercase() => 0.66,
            _ => 0.56,
        })
        .sum();
    f64::ceil(em * css_px * st.scale) as i32
}

/// CJK ideographs and full-width forms: one em wide, and a line may break on either side.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Punctuation that must not start a line (Chinese line-breaking rule, simplified).
fn no_break_before(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '、' | '：' | '；' | '）' | '！' | '？' | '」' | '”' | ')' | ',' | '.' | ':' | ';'
    )
}

/// Break `text` into lines no wider than `max_w` device pixels at `css_px`: at spaces, at
/// `&` and `/` (query strings), and between CJK characters; a word longer than a line is cut.
pub fn wrap(text: &str, css_px: f64, max_w: i32, st: &Style) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Byte offsets in `line` where it may be broken: `line[..b]` stays, the rest moves on.
    let mut breaks: Vec<usize> = Vec::new();
    for ch in text.chars() {
        if ch == '\n' {
            lines.push(line.trim_end().to_string());
            line.clear();
            breaks.clear();
            continue;
        }
        let at = line.len();
        if no_break_before(ch) {
            if breaks.last() == Some(&at) {
                breaks.pop();
            }
        } else if is_wide(ch) && at > 0 {
            breaks.push(at);
        }
        line.push(ch);
        let after = matches!(ch, ' ' | '&' | '/') || is_wide(ch);
        if after {
            breaks.push(line.len());
        }
        if !ch.is_whitespace() && at > 0 && text_width(line.trim_end(), css_px, st) > max_w {
            let cut = breaks.iter().rev().copied().find(|&b| b > 0 && b <= at).unwrap_or(at);
            let rest = line[cut..].trim_start().to_string();
            lines.push(line[..cut].trim_end().to_string());
            line = rest;
            breaks.clear();
            if after && !line.is_empty() {
                breaks.push(line.len());
            }
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The start of every chart of a scenario's benefit: when no household is funded, or when no
/// benefit is expected (every kind funded has a return of 0), the chart says so
/// ([`empty_state`], in the words of [`crate::text::empty_outcome`]) and there is nothing more
/// to draw (`None`); otherwise the background is filled and the area's size in pixels is
/// returned.
pub fn begin_scenario<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    st: &Style,
) -> Result<Option<(i32, i32)>, Error> {
    if let Some(message) = crate::text::empty_outcome(out, st.lang) {
        empty_state(root, st, message)?;
        return Ok(None);
    }
    root.fill(&st.background()).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    Ok(Some((w as i32, h as i32)))
}

/// Fill `root` and write `message` in its middle, wrapped to its width: a chart with nothing
/// to show says so instead of drawing empty axes.
pub fn empty_state<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    message: &str,
) -> Result<(), Error> {
    root.fill(&st.background()).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let lines = wrap(message, 14.0, (w - st.px(32.0)).max(st.px(40.0)), st);
    let lh = st.px(20.0);
    let y0 = h / 2 - lh * (lines.len() as i32 - 1) / 2;
    for (i, line) in lines.iter().enumerate() {
        root.draw(&Text::new(
            line.as_str(),
            (w / 2, y0 + lh * i as i32),
            st.text(14.0, st.muted()).pos(Pos::new(HPos::Center, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// Diagonal hatching inside the rectangle `(x0, y0)–(x1, y1)`, lines `gap` device pixels
/// apart: a pattern, so that a bar differs from its neighbours by more than its colour.
pub fn hatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    gap: i32,
    style: ShapeStyle,
) -> Result<(), Error> {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let gap = gap.max(2);
    // Lines x + y = c, clipped to the rectangle.
    let mut c = x0 + y0 + gap / 2;
    while c < x1 + y1 {
        let lo = x0.max(c - y1);
        let hi = x1.min(c - y0);
        if lo < hi {
            root.draw(&PathElement::new(vec![(lo, c - lo), (hi, c - hi)], style)).map_err(draw_err)?;
        }
        c += gap;
    }
    Ok(())
}

/// Text on a patch of background, so that grid lines behind it do not cross it.
pub fn halo_text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    text: &str,
    (x, y): (i32, i32),
    css_px: f64,
    color: RGBColor,
    pos: Pos,
) -> Result<(), Error> {
    let w = text_width(text, css_px, st);
    let h = st.px(css_px * 1.2);
    let x0 = match pos.h_pos {
        HPos::Left => x,
        HPos::Center => x - w / 2,
        HPos::Right => x - w,
    };
    let y0 = match pos.v_pos {
        VPos::Top => y,
        VPos::Center => y - h / 2,
        VPos::Bottom => y - h,
    };
    let m = st.px(2.0);
    root.draw(&Rectangle::new([(x0 - m, y0), (x0 + w + m, y0 + h)], st.background().filled()))
        .map_err(draw_err)?;
    root.draw(&Text::new(text, (x, y), st.text(css_px, color).pos(pos))).map_err(draw_err)
}

/// A horizontal or vertical rule `css` pixels thick from `from` to `to`, drawn as a filled
/// rectangle on whole device pixels, so a 1-px grid line is one sharp row of pixels on canvas
/// (a stroked path centred on a pixel edge is smeared over two rows at half strength). Any
/// other line is drawn as a plain stroke.
pub fn rule<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    st: &Style,
    color: RGBColor,
    css: f64,
) -> Result<(), Error> {
    let t = st.px(css).max(1);
    let rect = if from.1 == to.1 {
        let y0 = from.1 - t / 2;
        [(from.0.min(to.0), y0), (from.0.max(to.0), y0 + t)]
    } else if from.0 == to.0 {
        let x0 = from.0 - t / 2;
        [(x0, from.1.min(to.1)), (x0 + t, from.1.max(to.1))]
    } else {
        return root.draw(&PathElement::new(vec![from, to], st.stroke(color, css))).map_err(draw_err);
    };
    root.draw(&Rectangle::new(rect, color.filled())).map_err(draw_err)
}

/// A dashed line through `points` (dashes and gaps in CSS pixels).
pub fn dashed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: Vec<(i32, i32)>,
    st: &Style,
    style: ShapeStyle,
) -> Result<(), Error> {
    root.draw(&plotters::element::DashedPathElement::new(points, st.px(5.0).max(2), st.px(4.0).max(2), style))
        .map_err(draw_err)
}

/// Tick labels must not run into each other: how many ticks fit in `span` device pixels when
/// each label is about `label_w` wide (at least 2, at most `max`).
pub fn tick_count(span: i32, label_w: i32, st: &Style, max: usize) -> usize {
    let per = (label_w + st.px(14.0)).max(1);
    ((span / per).max(2) as usize).min(max.max(2))
}

/// Height in CSS pixels of one line of the stamp band of [`draw_stamped`].
const STAMP_LINE: f64 = 14.0;
/// Font size of the stamp band.
const STAMP_FONT: f64 = 10.0;

/// Draw `chart` in the top part of `root` and, in a band at the bottom, the `stamp` lines in
/// small muted text (the PNG download: the scenario's query and the source line). Lines too
/// long for the width wrap; the band is as tall as its lines.
pub fn draw_stamped<DB: DrawingBackend>(
    chart: Chart,
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    st: &Style,
    stamp: &[String],
) -> Result<(), Error> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = st.px(8.0);
    let lines: Vec<String> =
        stamp.iter().flat_map(|s| wrap(s, STAMP_FONT, (w - 2 * pad).max(st.px(40.0)), st)).collect();
    if lines.is_empty() {
        return chart.draw(root, out, st);
    }
    let lh = st.px(STAMP_LINE);
    let band = (lh * lines.len() as i32 + st.px(10.0)).min(h);
    let (top, bottom) = root.split_vertically(h - band);
    chart.draw(&top, out, st)?;
    bottom.fill(&st.background()).map_err(draw_err)?;
    rule(&bottom, (pad, 0), (w - pad, 0), st, st.grid(), 1.0)?;
    let font = st.text(STAMP_FONT, st.muted());
    for (i, line) in lines.iter().enumerate() {
        bottom
            .draw(&Text::new(
                line.as_str(),
                (pad, st.px(5.0) + lh * i as i32 + lh / 2),
                font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// Turn a backend's error into ours.
pub(crate) fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> Error {
    Error::Draw(e.to_string())
}

/// "Nice" tick positions covering 0..=max: 1, 2, 2.5 or 5 × 10^k steps, at most `n` of them.
pub fn nice_ticks(max: f64, n: usize) -> Vec<f64> {
    if max.is_nan() || max <= 0.0 || !max.is_finite() || n == 0 {
        return vec![0.0];
    }
    let step = crate::num::nice_step(max / n as f64);
    let count = f64::ceil(max / step - 1e-9) as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

/// Render a chart to an SVG string (CLI `render`, static fallback, snapshot tests).
pub fn render_svg(
    chart: Chart,
    outcome: &Outcome,
    style: &Style,
    width: u32,
    height: u32,
) -> Result<String, Error> {
    render_svg_stamped(chart, outcome, style, width, height, &[])
}

/// Render a chart with a stamp band (see [`draw_stamped`]) to an SVG string.
pub fn render_svg_stamped(
    chart: Chart,
    outcome: &Outcome,
    style: &Style,
    width: u32,
    height: u32,
    stamp: &[String],
) -> Result<String, Error> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        draw_stamped(chart, &root, outcome, style, stamp)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg_font_sizes_as_on_canvas(&buf))
}

/// plotters' SVG backend writes every font size divided by 1.24, the canvas backend writes it
/// as given; the charts are laid out for the canvas, so the SVG gets the canvas's sizes back
/// (otherwise the static fallback's text is a fifth smaller than the page's).
fn svg_font_sizes_as_on_canvas(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        match tail[..end].parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", crate::num::round_to(v * 1.24, 2))),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_and_the_page_use_the_same_font_stack_for_each_language() {
        let css = include_str!("../../www/style.css");
        for lang in Lang::ALL {
            let selector = format!("[lang]:lang({}) {{", lang.tag());
            let rule =
                css.find(&selector).map(|i| &css[i..]).unwrap_or_else(|| panic!("no `{selector}` rule"));
            let decl = rule.split('}').next().unwrap().split("font-family:").nth(1).expect("a font-family");
            assert_eq!(decl.split(';').next().unwrap().trim(), font_stack(lang), "{}", lang.tag());
        }
    }

    #[test]
    fn english_chart_text_starts_with_latin_fonts_and_chinese_with_its_script() {
        let first = |lang| font_stack(lang).split(',').next().unwrap().to_string();
        assert!(!font_stack(Lang::En).contains("CJK"), "{}", font_stack(Lang::En));
        assert!(first(Lang::ZhHans).ends_with(" SC\""), "{}", first(Lang::ZhHans));
        assert!(first(Lang::ZhHant).ends_with(" TC\""), "{}", first(Lang::ZhHant));
        let st = Style { lang: Lang::En, ..Style::default() };
        assert_eq!(st.font(13.0).get_family().as_str(), font_stack(Lang::En));
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
