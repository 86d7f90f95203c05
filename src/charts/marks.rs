//! The marks every chart draws with: the start of a scenario's chart (or its empty state),
//! rules, dashes, hatching, haloed text, ticks, and the backend error turned into ours.

use crate::model::Outcome;
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{text_width, wrap, Style};

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
    clear(root, st).map(Some)
}

/// Fill `root` with the chart's background; returns its size in pixels.
pub fn clear<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, st: &Style) -> Result<(i32, i32), Error> {
    root.fill(&st.background()).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    Ok((w as i32, h as i32))
}

/// Fill `root` and write `message` in its middle, wrapped to its width: a chart with nothing
/// to show says so instead of drawing empty axes.
pub fn empty_state<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    message: &str,
) -> Result<(), Error> {
    let (w, h) = clear(root, st)?;
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

/// A pinned scenario as the charts mark it: its number (1, 2) and name, its expected total with
/// the middle 90% of its simulated totals, and its households by kind.
#[derive(Debug, Clone, PartialEq)]
pub struct PinMark {
    pub number: usize,
    pub name: String,
    pub expected: f64,
    pub p5: f64,
    pub p95: f64,
    pub households: [u32; crate::model::CATEGORIES],
}

impl PinMark {
    /// Pin `number`'s marks from its name and outcome.
    pub fn from_outcome(number: usize, name: &str, out: &Outcome) -> PinMark {
        let q = &out.benefit_quantiles_yuan;
        PinMark {
            number,
            name: name.to_string(),
            expected: out.expected_benefit_yuan,
            p5: q.p5,
            p95: q.p95,
            households: std::array::from_fn(|c| out.categories.get(c).map_or(0, |k| k.households)),
        }
    }
}

/// A fingerprint of everything the charts draw of `pins` (with [`super::Chart::fingerprint`], it
/// tells the page when a chart that shows pins must be drawn again: a pin renamed, added or
/// removed).
pub fn pins_fingerprint(pins: &[PinMark]) -> u64 {
    let mut h = crate::num::Fnv1a64::default();
    for p in pins {
        h.write(&(p.number as u64).to_le_bytes());
        h.write(p.name.as_bytes());
        h.write(&[0]);
        for x in [p.expected, p.p5, p.p95] {
            h.write(&x.to_bits().to_le_bytes());
        }
        for n in p.households {
            h.write(&n.to_le_bytes());
        }
    }
    h.finish()
}

/// Pin `number`'s shape centred at `at`, without its number: an outlined diamond (1) or
/// square (2), told apart without colour.
pub fn pin_shape<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    (x, y): (i32, i32),
    number: usize,
) -> Result<i32, Error> {
    let r = st.px(6.0);
    let shape = if number == 1 {
        vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)]
    } else {
        let r = st.px(5.0);
        vec![(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r), (x - r, y - r)]
    };
    root.draw(&PathElement::new(shape, st.stroke(st.ink(), 1.5))).map_err(draw_err)?;
    Ok(r)
}

/// A pinned scenario's mark at `at`: its shape (see [`pin_shape`]) with the pin's number above.
pub fn pin_mark<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    at: (i32, i32),
    number: usize,
) -> Result<(), Error> {
    let (x, y) = at;
    let r = pin_shape(root, st, at, number)?;
    let label = number.to_string();
    // Pin 1's number to the upper left, pin 2's to the upper right: two pins at the same value
    // still read as two numbers.
    let dx = if number == 1 { -r } else { r };
    let anchor = Pos::new(if number == 1 { HPos::Right } else { HPos::Left }, VPos::Center);
    halo_text(root, st, &label, (x + dx, y - r - st.px(4.0)), 11.0, st.ink(), anchor)
}

/// Height of one line of [`pin_legend`], CSS px.
pub const PIN_LEGEND_LINE: f64 = 16.0;

/// Where [`pin_legend`] puts each pin between `x0` and `x1`: `(pin, x, line, label)`. The pins
/// follow each other on a line while they fit (on a desktop chart both pins take one line), else
/// each starts a line; a name longer than a whole line is cut with an ellipsis.
fn pin_legend_layout<'a>(
    st: &Style,
    pins: &'a [PinMark],
    (x0, x1): (i32, i32),
) -> Vec<(&'a PinMark, i32, i32, String)> {
    let shape = st.px(18.0); // the shape and the gap after it
    let gap = st.px(14.0);
    let (mut x, mut line) = (x0, 0);
    let mut items = Vec::new();
    for p in pins {
        let label = super::typeset::fit(&format!("{} {}", p.number, p.name), 11.0, x1 - x0 - shape, st);
        let w = shape + text_width(&label, 11.0, st);
        if x > x0 && x + w > x1 {
            x = x0;
            line += 1;
        }
        items.push((p, x, line, label));
        x += w + gap;
    }
    items
}

/// How many lines [`pin_legend`] takes between `x0` and `x1` (0 without pins).
pub fn pin_legend_lines(st: &Style, pins: &[PinMark], x: (i32, i32)) -> i32 {
    pin_legend_layout(st, pins, x).last().map_or(0, |(_, _, line, _)| line + 1)
}

/// The pins' legend from `x0` to `x1`, below `y0`: each pin's shape, then its number and name
/// ("1 Half the grant"). Returns the bottom of its last line (`y0` without pins).
pub fn pin_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    pins: &[PinMark],
    x: (i32, i32),
    y0: i32,
) -> Result<i32, Error> {
    let line_h = st.px(PIN_LEGEND_LINE);
    let items = pin_legend_layout(st, pins, x);
    let lines = items.last().map_or(0, |(_, _, line, _)| line + 1);
    for (p, x, line, label) in items {
        let yc = y0 + line * line_h + line_h / 2;
        let r = pin_shape(root, st, (x + st.px(6.0), yc), p.number)?;
        let tx = x + st.px(6.0) + r + st.px(6.0);
        root.draw(&Text::new(
            label,
            (tx, yc),
            st.text(11.0, st.ink()).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }
    Ok(y0 + line_h * lines)
}
