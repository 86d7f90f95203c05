//! Allocation by category: households in each kind of enterprise under the scenario (solid
//! bars), against the allocation the article reports (outlined "ghost" bars).

use super::{draw_err, nice_ticks, rule, text_width, Style};
use crate::i18n;
use crate::model::{Category, Outcome};
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The allocation chart with each pinned scenario's households by kind marked on its row: an
/// outlined diamond (pin 1) or square (pin 2) with its number, as on the benefit chart, and
/// named in the legend.
pub fn draw_with_pins<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    pins: &[super::PinMark],
    st: &Style,
) -> Result<(), Error> {
    let (w, h) = super::marks::clear(root, st)?;
    let lang = st.lang;
    let small = st.text(11.0, st.muted());

    // Left column wide enough for the longest category name.
    let names: Vec<&str> = Category::ALL.iter().map(|&c| crate::text::kind_name(c, lang)).collect();
    let mut label_w = 0;
    for n in &names {
        label_w = label_w.max(text_width(n, 13.0, st));
    }
    let pad = st.px(8.0);
    let left = label_w + 2 * pad;
    let right = w - st.px(56.0); // room for the value at the end of the longest bar
    let legend_h = st.px(22.0);
    let pins_h =
        st.px(super::marks::PIN_LEGEND_LINE) * super::marks::pin_legend_lines(st, pins, (left, w - pad));
    let top = legend_h + pins_h + st.px(4.0);
    let axis_h = st.px(22.0);
    let bottom = h - axis_h;
    if right <= left + st.px(20.0) || bottom <= top + st.px(20.0) {
        return Ok(()); // too small to draw anything legible
    }

    let pinned = pins.iter().flat_map(|p| p.households).max().unwrap_or(0) as f64;
    let max = out
        .categories
        .iter()
        .map(|c| c.households.max(c.reported_households) as f64)
        .fold(pinned.max(1.0), f64::max);
    let ticks = nice_ticks(max, 4);
    let xmax = ticks.last().copied().unwrap_or(max).max(max);
    let x = |v: f64| left + f64::round((right - left) as f64 * v / xmax) as i32;

    // Grid and axis labels.
    for t in &ticks {
        let xx = x(*t);
        rule(root, (xx, top), (xx, bottom), st, st.grid(), 1.0)?;
        root.draw(&Text::new(
            i18n::count(*t, lang),
            (xx, bottom + st.px(5.0)),
            small.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(draw_err)?;
    }

    rows(root, out, st, &Rows { left, pad, top, bottom, x: &x, font_px: 13.0 })?;
    let band = (bottom - top) as f64 / out.categories.len().max(1) as f64;
    // Rows too close for a number above each mark (a short embed) keep the shapes alone: the
    // diamond and the square tell the pins apart, and the legend names them.
    let numbered = band >= st.px(26.0) as f64;
    for p in pins {
        for (i, n) in p.households.iter().enumerate() {
            let at = (x(*n as f64), top + f64::round(band * (i as f64 + 0.5)) as i32);
            if numbered {
                super::marks::pin_mark(root, st, at, p.number)?;
            } else {
                super::marks::pin_shape(root, st, at, p.number)?;
            }
        }
    }

    // Legend: a solid swatch for the scenario, an outlined one for the report.
    let sw = st.px(12.0);
    let ly = st.px(4.0);
    let mut lx = left;
    root.draw(&Rectangle::new([(lx, ly), (lx + sw, ly + sw)], st.accent().filled())).map_err(draw_err)?;
    lx += sw + st.px(5.0);
    let scen = lang.pick("本情景", "本情景", "This scenario");
    root.draw(&Text::new(scen, (lx, ly + sw / 2), small.clone().pos(Pos::new(HPos::Left, VPos::Center))))
        .map_err(draw_err)?;
    lx += text_width(scen, 11.0, st) + st.px(14.0);
    root.draw(&Rectangle::new([(lx, ly), (lx + sw, ly + sw)], st.reported().stroke_width(st.px(2.0) as u32)))
        .map_err(draw_err)?;
    lx += sw + st.px(5.0);
    root.draw(&Text::new(
        lang.pick("报道的分配", "報道的分配", "As reported"),
        (lx, ly + sw / 2),
        small.pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(draw_err)?;
    // Under it, the pins: each one's mark and name.
    super::marks::pin_legend(root, st, pins, (left, w - pad), legend_h)?;
    Ok(())
}

/// Where the rows of bars go: the label column ends at `left` (minus `pad`), the bars run from
/// `x(0)` and the rows share `top..bottom`; labels at `font_px`.
struct Rows<'a> {
    left: i32,
    pad: i32,
    top: i32,
    bottom: i32,
    x: &'a dyn Fn(f64) -> i32,
    font_px: f64,
}

/// One row per kind: its name, the scenario's households as a solid bar, the reported ones as
/// an outline, and the count at the end. The same marks in the chart and in the phone's strip.
fn rows<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    st: &Style,
    r: &Rows,
) -> Result<(), Error> {
    let Rows { left, pad, top, bottom, x, font_px } = *r;
    let lang = st.lang;
    let label_font = st.text(font_px, st.ink());
    let band = (bottom - top) as f64 / out.categories.len().max(1) as f64;
    for (i, (c, kind)) in out.categories.iter().zip(Category::ALL).enumerate() {
        let y0 = top + f64::round(band * i as f64) as i32;
        let yc = top + f64::round(band * (i as f64 + 0.5)) as i32;
        let bar_h = (band * 0.62) as i32;
        let (b0, b1) = (yc - bar_h / 2, yc + bar_h / 2);
        root.draw(&Text::new(
            crate::text::kind_name(kind, lang),
            (left - pad, yc),
            label_font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
        // Scenario: solid bar.
        if c.households > 0 {
            root.draw(&Rectangle::new([(x(0.0), b0), (x(c.households as f64), b1)], st.accent().filled()))
                .map_err(draw_err)?;
        }
        // Reported: an outline over most of the band's height.
        let gx = x(c.reported_households as f64);
        root.draw(&Rectangle::new(
            [(x(0.0), y0 + (band * 0.12) as i32), (gx.max(x(0.0) + 1), y0 + (band * 0.88) as i32)],
            st.reported().stroke_width(st.px(if font_px < 12.0 { 1.5 } else { 2.0 }).max(1) as u32),
        ))
        .map_err(draw_err)?;
        // Value at the end of the bar.
        let end = x(c.households as f64).max(gx);
        root.draw(&Text::new(
            i18n::count(c.households as f64, lang),
            (end + st.px(5.0), yc),
            label_font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// The phone strip's picture of a move that left the expected benefit where it was: the
/// households funded by kind (solid) against the reported split (outlined), in the strip's
/// height, with no legend or axis (the allocation chart below has them).
pub fn draw_strip<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    st: &Style,
) -> Result<(), Error> {
    let Some((w, h)) = super::begin_scenario(root, out, st)? else { return Ok(()) };
    let font_px = 10.0;
    let label_w = Category::ALL
        .iter()
        .map(|&c| text_width(crate::text::kind_name(c, st.lang), font_px, st))
        .max()
        .unwrap_or(0);
    let pad = st.px(6.0);
    let left = label_w + 2 * pad;
    let right = w - st.px(44.0);
    let (top, bottom) = (st.px(2.0), h - st.px(2.0));
    if right <= left + st.px(20.0) {
        return Ok(());
    }
    let max =
        out.categories.iter().map(|c| c.households.max(c.reported_households) as f64).fold(1.0, f64::max);
    let x = |v: f64| left + f64::round((right - left) as f64 * v / max) as i32;
    rows(root, out, st, &Rows { left, pad, top, bottom, x: &x, font_px })
}
