//! Expected benefit by category: for each kind of enterprise, the scenario's expected benefit
//! (a dot) with the middle 50% (thick bar, P25–P75) and middle 90% (thin line, P5–P95) of the
//! simulated outcomes, values written beside them. Below, on its own scale because it is about
//! ten times the largest category, the programme total with its range and the 559,300 yuan the
//! article reports as a labelled dashed reference.

use super::marks::{pin_legend, pin_mark, PinMark};
use super::{begin_scenario, dashed, draw_err, halo_text, nice_ticks, rule, text_width, tick_count, Style};
use crate::facts::reported;
use crate::i18n::{self, clamp, Lang};
use crate::model::{Category, Outcome};
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Category and total names.
const LABEL: f64 = 13.0;
/// Values beside the marks.
const VALUE: f64 = 12.0;
/// Legend, axis ticks, notes.
const SMALL: f64 = 11.0;

/// The numbers one row draws.
struct Range {
    expected: f64,
    p5: f64,
    p25: f64,
    p75: f64,
    p95: f64,
}

impl Range {
    fn max(&self) -> f64 {
        self.p95.max(self.expected)
    }
}

/// A linear scale from 0..=`max` onto the pixels `x0..=x1`.
#[derive(Clone, Copy)]
struct Scale {
    x0: i32,
    x1: i32,
    max: f64,
}

impl Scale {
    fn x(&self, v: f64) -> i32 {
        let t = if self.max > 0.0 { clamp(v / self.max, 0.0, 1.0) } else { 0.0 };
        self.x0 + f64::round((self.x1 - self.x0) as f64 * t) as i32
    }
}

/// The kinds of legend entry.
#[derive(Clone, Copy)]
enum Glyph {
    Dot,
    Thick,
    Thin,
}

/// The expected-benefit chart with the pinned scenarios' totals marked on the total row: an
/// outlined diamond (pin 1) or square (pin 2) with its number above, in the ink colour, under
/// the current scenario's marks, and named in the legend.
pub fn draw_with_pins<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    pins: &[PinMark],
    st: &Style,
) -> Result<(), Error> {
    let Some((w, h)) = begin_scenario(root, out, st)? else { return Ok(()) };
    let lang = st.lang;
    let pad = st.px(8.0);

    let rows: Vec<(Category, u32, Range)> = Category::ALL
        .iter()
        .zip(&out.categories)
        .map(|(&cat, c)| {
            let r = Range { expected: c.expected_benefit_yuan, p5: c.p5, p25: c.p25, p75: c.p75, p95: c.p95 };
            (cat, c.households, r)
        })
        .collect();
    let q = &out.benefit_quantiles_yuan;
    let total = Range { expected: out.expected_benefit_yuan, p5: q.p5, p25: q.p25, p75: q.p75, p95: q.p95 };
    let value = |v: f64| i18n::compact(v, lang);

    // Columns: names on the left, values on the right.
    let total_name = lang.pick("合计", "合計", "Total");
    let mut name_w = text_width(total_name, LABEL, st);
    for (cat, _, _) in &rows {
        name_w = name_w.max(text_width(crate::text::kind_name(*cat, lang), LABEL, st));
    }
    let mut value_w = text_width(&value(total.expected), VALUE, st);
    for (_, _, r) in &rows {
        value_w = value_w.max(text_width(&value(r.expected), VALUE, st));
    }
    let left = pad + name_w + st.px(14.0);
    let right = w - pad - value_w - st.px(10.0);

    // Rows, top to bottom: legend, five categories, their axis, a rule, the total panel
    // (reference label, the row, its axis).
    let legend_bottom = legend(root, st, pad, w - pad, st.px(4.0))?;
    let legend_bottom = pin_legend(root, st, pins, (pad, w - pad), legend_bottom)?;
    let top = legend_bottom + st.px(2.0);
    let axis_h = st.px(18.0);
    let sep = st.px(12.0);
    let total_h = st.px(16.0 + 30.0 + 18.0);
    let cat_bottom = h - total_h - sep - axis_h;
    if right <= left + st.px(40.0) || cat_bottom <= top + st.px(50.0) {
        return Ok(()); // too small to draw anything legible
    }

    // The categories' scale and grid.
    let cat_max = rows.iter().map(|(_, _, r)| r.max()).fold(0.0, f64::max);
    let cat_scale = scale(left, right, cat_max, st, lang);
    axis(root, st, &cat_scale, top, cat_bottom, cat_bottom + st.px(4.0))?;

    let band = (cat_bottom - top) as f64 / rows.len().max(1) as f64;
    for (i, (cat, households, r)) in rows.iter().enumerate() {
        let yc = top + f64::round(band * (i as f64 + 0.5)) as i32;
        root.draw(&Text::new(
            crate::text::kind_name(*cat, lang),
            (pad + name_w, yc),
            st.text(LABEL, st.ink()).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
        if *households == 0 {
            root.draw(&Text::new(
                lang.pick("未资助", "未資助", "none funded"),
                (left, yc),
                st.text(SMALL, st.muted()).pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
            continue;
        }
        range_mark(root, st, &cat_scale, yc, r)?;
        let at = (cat_scale.x(r.max()) + st.px(8.0), yc);
        halo_text(root, st, &value(r.expected), at, VALUE, st.ink(), Pos::new(HPos::Left, VPos::Center))?;
    }

    // A rule between the two panels: the total has its own scale.
    let rule_y = cat_bottom + axis_h + sep / 2;
    rule(root, (pad, rule_y), (w - pad, rule_y), st, st.grid(), 1.0)?;

    // The total panel.
    let panel_top = cat_bottom + axis_h + sep;
    let yc = panel_top + st.px(16.0 + 15.0);
    let reported = reported::BENEFIT_YUAN;
    let pinned_max = pins.iter().map(|p| p.expected).fold(reported, f64::max);
    let tot_scale = scale(left, right, total.max().max(pinned_max), st, lang);
    axis(root, st, &tot_scale, yc - st.px(12.0), yc + st.px(12.0), yc + st.px(16.0))?;
    root.draw(&Text::new(
        total_name,
        (pad + name_w, yc),
        st.text(LABEL, st.ink()).pos(Pos::new(HPos::Right, VPos::Center)),
    ))
    .map_err(draw_err)?;
    // The reported total: a dashed line with its label above the row.
    let rx = tot_scale.x(reported);
    dashed(
        root,
        vec![(rx, panel_top + st.px(14.0)), (rx, yc + st.px(12.0))],
        st,
        st.stroke(st.reported(), 2.0),
    )?;
    let rep_label = format!("{} {}", lang.pick("报道", "報道", "reported"), value(reported));
    let half = text_width(&rep_label, SMALL, st) / 2;
    let cx = rx.clamp(left + half, (w - pad - half).max(left + half));
    let at = (cx, panel_top + st.px(7.0));
    halo_text(root, st, &rep_label, at, SMALL, st.ink(), Pos::new(HPos::Center, VPos::Center))?;
    for p in pins {
        pin_mark(root, st, (tot_scale.x(p.expected), yc), p.number)?;
    }
    range_mark(root, st, &tot_scale, yc, &total)?;
    let at = (tot_scale.x(total.max()) + st.px(8.0), yc);
    halo_text(root, st, &value(total.expected), at, VALUE, st.ink(), Pos::new(HPos::Left, VPos::Center))?;
    Ok(())
}

/// The compact chart of the phone's sticky strip: the programme's expected total with its
/// P25–P75 and P5–P95 range against the reported 559,300 yuan (dashed), on one scale, with the
/// tick labels below. Drawn by the same marks as the total row of [`draw`].
pub fn draw_total<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    st: &Style,
) -> Result<(), Error> {
    let Some((w, h)) = begin_scenario(root, out, st)? else { return Ok(()) };
    let lang = st.lang;
    let pad = st.px(8.0);
    let q = &out.benefit_quantiles_yuan;
    let total = Range { expected: out.expected_benefit_yuan, p5: q.p5, p25: q.p25, p75: q.p75, p95: q.p95 };
    let value = |v: f64| i18n::compact(v, lang);
    let reported = reported::BENEFIT_YUAN;
    let value_w = text_width(&value(total.expected), VALUE, st);
    let (left, right) = (pad + st.px(6.0), w - pad - value_w - st.px(10.0));
    let yc = h / 2 + st.px(2.0);
    if right <= left + st.px(40.0) || h < st.px(56.0) {
        return Ok(());
    }
    let s = scale(left, right, total.max().max(reported), st, lang);
    axis(root, st, &s, yc - st.px(10.0), yc + st.px(10.0), yc + st.px(14.0))?;
    let rx = s.x(reported);
    dashed(root, vec![(rx, yc - st.px(16.0)), (rx, yc + st.px(10.0))], st, st.stroke(st.reported(), 2.0))?;
    let rep_label = format!("{} {}", lang.pick("报道", "報道", "reported"), value(reported));
    let half = text_width(&rep_label, SMALL, st) / 2;
    let cx = rx.clamp(left + half, (w - pad - half).max(left + half));
    halo_text(
        root,
        st,
        &rep_label,
        (cx, yc - st.px(24.0)),
        SMALL,
        st.ink(),
        Pos::new(HPos::Center, VPos::Center),
    )?;
    range_mark(root, st, &s, yc, &total)?;
    let at = (s.x(total.max()) + st.px(8.0), yc);
    halo_text(root, st, &value(total.expected), at, VALUE, st.ink(), Pos::new(HPos::Left, VPos::Center))?;
    Ok(())
}

/// A 0-based scale over `x0..x1` whose end is a round tick above `max`.
fn scale(x0: i32, x1: i32, max: f64, st: &Style, lang: Lang) -> Scale {
    let widest = text_width(&i18n::compact(max.max(1.0), lang), SMALL, st);
    let n = tick_count(x1 - x0, widest, st, 5);
    let ticks = nice_ticks(max, n);
    let end = ticks.last().copied().unwrap_or(max).max(max);
    Scale { x0, x1, max: if end > 0.0 { end } else { 1.0 } }
}

/// Vertical grid lines from `y0` to `y1` at the scale's ticks, labelled at `label_y`.
fn axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    s: &Scale,
    y0: i32,
    y1: i32,
    label_y: i32,
) -> Result<(), Error> {
    let widest = text_width(&i18n::compact(s.max, st.lang), SMALL, st);
    let n = tick_count(s.x1 - s.x0, widest, st, 5);
    let ticks = nice_ticks(s.max, n);
    let step = ticks.get(1).copied().unwrap_or(1.0);
    for t in ticks.into_iter().filter(|&t| t <= s.max * (1.0 + 1e-9)) {
        let x = s.x(t);
        rule(root, (x, y0), (x, y1), st, st.grid(), 1.0)?;
        root.draw(&Text::new(
            i18n::tick(t, step, st.lang),
            (x, label_y),
            st.text(SMALL, st.muted()).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(draw_err)?;
    }
    Ok(())
}

/// The range mark of one row centred on `yc`: thin P5–P95 line with end caps, thick P25–P75
/// bar, and a dot at the expected value with a ring of background around it.
fn range_mark<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    s: &Scale,
    yc: i32,
    r: &Range,
) -> Result<(), Error> {
    let c = st.accent();
    let (x5, x95) = (s.x(r.p5), s.x(r.p95));
    root.draw(&PathElement::new(vec![(x5, yc), (x95, yc)], st.stroke(c, 2.0))).map_err(draw_err)?;
    let cap = st.px(5.0);
    for x in [x5, x95] {
        root.draw(&PathElement::new(vec![(x, yc - cap), (x, yc + cap)], st.stroke(c, 1.5)))
            .map_err(draw_err)?;
    }
    let half = st.px(3.5);
    let (x25, x75) = (s.x(r.p25), s.x(r.p75).max(s.x(r.p25) + st.px(2.0)));
    root.draw(&Rectangle::new([(x25, yc - half), (x75, yc + half)], c.filled())).map_err(draw_err)?;
    let xe = s.x(r.expected);
    root.draw(&Circle::new((xe, yc), st.px(7.0), st.background().filled())).map_err(draw_err)?;
    root.draw(&Circle::new((xe, yc), st.px(5.0), c.filled())).map_err(draw_err)?;
    Ok(())
}

/// The legend across the top, wrapping to more lines when narrow; returns its bottom. (The
/// reported total needs no entry: its dashed line is labelled where it stands.)
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    st: &Style,
    x0: i32,
    x1: i32,
    y0: i32,
) -> Result<i32, Error> {
    let lang = st.lang;
    let items = [
        (
            Glyph::Dot,
            lang.pick("期望收益（模型估算，元）", "期望收益（模型估算，元）", "expected, modelled (yuan)"),
        ),
        (Glyph::Thick, lang.pick("50%区间", "50%區間", "middle 50%")),
        (Glyph::Thin, lang.pick("90%区间", "90%區間", "middle 90%")),
    ];
    let line_h = st.px(16.0);
    let sw = st.px(18.0);
    let (mut x, mut yc) = (x0, y0 + line_h / 2);
    for (glyph, text) in items {
        let item_w = sw + st.px(4.0) + text_width(text, SMALL, st);
        if x > x0 && x + item_w > x1 {
            x = x0;
            yc += line_h;
        }
        let c = st.accent();
        match glyph {
            Glyph::Dot => {
                root.draw(&Circle::new((x + sw / 2, yc), st.px(5.0), c.filled())).map_err(draw_err)?;
            }
            Glyph::Thick => {
                root.draw(&Rectangle::new([(x, yc - st.px(3.5)), (x + sw, yc + st.px(3.5))], c.filled()))
                    .map_err(draw_err)?;
            }
            Glyph::Thin => {
                root.draw(&PathElement::new(vec![(x, yc), (x + sw, yc)], st.stroke(c, 2.0)))
                    .map_err(draw_err)?;
                for xx in [x, x + sw] {
                    root.draw(&PathElement::new(
                        vec![(xx, yc - st.px(5.0)), (xx, yc + st.px(5.0))],
                        st.stroke(c, 1.5),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
        root.draw(&Text::new(
            text,
            (x + sw + st.px(4.0), yc),
            st.text(SMALL, st.muted()).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
        x += item_w + st.px(14.0);
    }
    Ok(yc + line_h / 2)
}
