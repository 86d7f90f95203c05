//! Distribution of outcomes. Above: the expected histogram of benefit per household (all
//! categories together), with the households whose project failed (benefit 0) as a separate,
//! hatched, labelled bar and the households beyond the last bin as a note. Below, in a strip:
//! a few whole-programme totals the simulation drew ("possible outcomes"), as ticks over the
//! band that holds the middle 90% of all trials.

use super::marks::{pin_legend, pin_legend_lines, pin_mark, PinMark, PIN_LEGEND_LINE};
use super::{begin_scenario, draw_err, hatch, nice_ticks, rule, text_width, tick_count, wrap, Style};
use crate::i18n::{self, Lang};
use crate::model::montecarlo::Histogram;
use crate::model::Outcome;
use crate::num::{self, clamp};
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Notes, ticks and captions.
const SMALL: f64 = 11.0;
/// Height of the possible-outcomes strip, CSS px.
const STRIP: f64 = 64.0;
/// The failed bar is drawn to scale unless it is this many times the tallest bin; then it is
/// cut, marked as cut and labelled with its value.
const FAILED_CUT: f64 = 1.5;

/// Draw the outcomes chart into the whole of `root`, with each pinned scenario's expected
/// programme total marked in the possible-outcomes strip (an outlined diamond or square with
/// its number, as on the other charts) and named in a legend above it.
pub fn draw_with_pins<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    pins: &[PinMark],
    st: &Style,
) -> Result<(), Error> {
    let Some((w, h)) = begin_scenario(root, out, st)? else { return Ok(()) };
    let pad = st.px(8.0);
    let strip = st.px(STRIP) + st.px(PIN_LEGEND_LINE) * pin_legend_lines(st, pins, (pad, w - pad));
    if h < strip + st.px(120.0) {
        return histogram(root, &out.histogram, st);
    }
    let (upper, lower) = root.split_vertically(h - strip);
    histogram(&upper, &out.histogram, st)?;
    possible_outcomes(&lower, out, pins, st)
}

/// Households as the chart writes them, with the unit in Chinese: whole numbers, except that
/// small expected counts keep a decimal (0.1 or 2.5 households, not 0 or 3).
fn households(x: f64, lang: Lang) -> String {
    let whole = f64::round(x);
    let n = if x < 9.95 && (x - whole).abs() >= 0.05 { num::fixed(x, 1) } else { i18n::count(whole, lang) };
    match lang {
        Lang::En => n,
        Lang::ZhHans => format!("{n}户"),
        Lang::ZhHant => format!("{n}戶"),
    }
}

fn histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    hist: &Histogram,
    st: &Style,
) -> Result<(), Error> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let lang = st.lang;
    let pad = st.px(8.0);
    let small = st.text(SMALL, st.muted());
    let bins = hist.edges.len().saturating_sub(1);
    let totals: Vec<f64> =
        (0..bins).map(|b| hist.counts.iter().map(|c| c.get(b).copied().unwrap_or(0.0)).sum()).collect();
    let top_edge = hist.edges.last().copied().unwrap_or(0.0);
    let tallest = totals.iter().copied().fold(0.0, f64::max);
    let failed = hist.failed.max(0.0);

    // Vertical layout: captions, room for the failed bar's label, plot, ticks, axis caption.
    let caption_y = st.px(10.0);
    let top = st.px(40.0);
    let bottom = h - st.px(36.0);

    // The y scale, cut above the tallest bin when the failed bar would flatten the rest.
    // At least one household high, in steps of whole households.
    let base = tallest.max(1.0);
    let cut = failed > FAILED_CUT * base;
    let ymax_data = if cut { base } else { base.max(failed) };
    let ny =
        (((bottom - top) / st.px(34.0).max(1)).max(2) as usize).min(5).min(f64::ceil(ymax_data) as usize);
    let yticks = nice_ticks(ymax_data, ny);
    let ymax = yticks.last().copied().unwrap_or(1.0).max(ymax_data).max(1e-9);
    let mut ylab_w = 0;
    for t in &yticks {
        ylab_w = ylab_w.max(text_width(&i18n::count(*t, lang), SMALL, st));
    }
    let left = pad + ylab_w + st.px(6.0);
    let right = w - pad;
    if bottom <= top + st.px(30.0) || right <= left + st.px(80.0) || bins == 0 || top_edge <= 0.0 {
        return Ok(()); // too small to draw anything legible
    }
    let y = |v: f64| bottom - f64::round((bottom - top) as f64 * clamp(v / ymax, 0.0, 1.0)) as i32;

    // The failed bar's slot, then the histogram.
    let failed_name = lang.pick("失败", "失敗", "failed");
    let failed_label = households(failed, lang);
    // As wide as a bin (within limits), and wide enough for its labels.
    let gap = st.px(14.0);
    let like_a_bin = ((right - left - gap) / (bins as i32 + 1)).min(st.px(48.0));
    let fw = like_a_bin
        .max(st.px(24.0))
        .max(text_width(failed_name, SMALL, st) + st.px(4.0))
        .max(text_width(&failed_label, SMALL, st));
    let hx0 = left + fw + gap;
    let x = |v: f64| hx0 + f64::round((right - hx0) as f64 * clamp(v / top_edge, 0.0, 1.0)) as i32;

    // Captions: what the bars count, and the households beyond the last bin.
    root.draw(&Text::new(
        lang.pick("户数（期望值）", "戶數（期望值）", "households (expected)"),
        (pad, caption_y),
        small.clone().pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(draw_err)?;
    if hist.above >= 0.5 {
        let n = i18n::count(f64::round(hist.above), lang);
        let edge = i18n::yuan(top_edge, lang);
        let note = match lang {
            Lang::ZhHans => format!("另有{n}户高于{edge}"),
            Lang::ZhHant => format!("另有{n}戶高於{edge}"),
            Lang::En if n == "1" => format!("+1 household above {edge}"),
            Lang::En => format!("+{n} households above {edge}"),
        };
        root.draw(&Text::new(
            note,
            (right, caption_y),
            small.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }

    // Grid and y labels.
    for t in yticks.iter().filter(|&&t| t <= ymax * (1.0 + 1e-9)) {
        let yy = y(*t);
        rule(root, (left, yy), (right, yy), st, st.grid(), 1.0)?;
        root.draw(&Text::new(
            i18n::count(*t, lang),
            (left - st.px(6.0), yy),
            small.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }

    // Bars.
    for (b, tot) in totals.iter().enumerate() {
        let (x0, x1) = (x(hist.edges[b]), x(hist.edges[b + 1]));
        let inset = if x1 - x0 > st.px(4.0) { st.px(1.0).max(1) } else { 0 };
        let yy = y(*tot);
        if yy < bottom {
            root.draw(&Rectangle::new([(x0 + inset, yy), (x1 - inset, bottom)], st.accent().filled()))
                .map_err(draw_err)?;
        }
    }

    // The failed bar: hatched and outlined, so it differs from the others by pattern too.
    let (fx0, fx1) = (left + st.px(2.0), left + fw);
    let fy = y(failed.min(ymax));
    if fy < bottom {
        hatch(root, (fx0, fy), (fx1, bottom), st.px(5.0), st.stroke(st.muted(), 1.0))?;
        root.draw(&Rectangle::new([(fx0, fy), (fx1, bottom)], st.stroke(st.muted(), 1.5)))
            .map_err(draw_err)?;
    }
    if cut {
        // A gap across the bar near its top says "not to scale".
        let gy = top + st.px(10.0);
        root.draw(&Rectangle::new(
            [(fx0 - st.px(3.0), gy), (fx1 + st.px(3.0), gy + st.px(4.0))],
            st.background().filled(),
        ))
        .map_err(draw_err)?;
    }
    root.draw(&Text::new(
        failed_label,
        ((fx0 + fx1) / 2, fy - st.px(4.0)),
        st.text(SMALL, st.ink()).pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))
    .map_err(draw_err)?;

    // Baseline, x ticks, captions.
    rule(root, (left, bottom), (right, bottom), st, st.muted(), 1.0)?;
    let tick_y = bottom + st.px(4.0);
    root.draw(&Text::new(
        failed_name,
        ((fx0 + fx1) / 2, tick_y),
        small.clone().pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(draw_err)?;
    let widest = text_width(&i18n::compact(top_edge, lang), SMALL, st);
    let nx = tick_count(right - hx0, widest, st, 8);
    let ticks = nice_ticks(top_edge, nx);
    let step = ticks.get(1).copied().unwrap_or(1.0);
    for t in ticks.into_iter().filter(|&t| t <= top_edge * (1.0 + 1e-9)) {
        let xx = x(t);
        root.draw(&PathElement::new(
            vec![(xx, bottom), (xx, bottom + st.px(3.0))],
            st.stroke(st.muted(), 1.0),
        ))
        .map_err(draw_err)?;
        let label = i18n::tick(t, step, lang);
        let half = text_width(&label, SMALL, st) / 2;
        root.draw(&Text::new(
            label,
            (xx.min(w - st.px(2.0) - half), tick_y),
            small.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(draw_err)?;
    }
    let caption2_y = bottom + st.px(27.0);
    root.draw(&Text::new(
        lang.pick("失败：收益为0元", "失敗：收益為0元", "failed: benefit 0"),
        (left, caption2_y),
        small.clone().pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(draw_err)?;
    root.draw(&Text::new(
        lang.pick("每户收益（元）", "每戶收益（元）", "benefit per household (yuan)"),
        (right, caption2_y),
        small.pos(Pos::new(HPos::Right, VPos::Center)),
    ))
    .map_err(draw_err)?;
    Ok(())
}

/// The strip of whole-programme draws over the band of the middle 90% of trials.
fn possible_outcomes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    out: &Outcome,
    pins: &[PinMark],
    st: &Style,
) -> Result<(), Error> {
    let (w, _) = root.dim_in_pixel();
    let w = w as i32;
    let lang = st.lang;
    let pad = st.px(8.0);
    let q = &out.benefit_quantiles_yuan;
    let n = out.draws.len();

    let title = match lang {
        Lang::ZhHans => format!("可能的结果：整个项目的{n}次模拟合计"),
        Lang::ZhHant => format!("可能的結果：整個項目的{n}次模擬合計"),
        Lang::En if n == 1 => "Possible outcomes: 1 simulated programme total".to_string(),
        Lang::En => format!("Possible outcomes: {n} simulated programme totals"),
    };
    let title = wrap(&title, SMALL, w - 2 * pad, st).into_iter().next().unwrap_or_default();
    root.draw(&Text::new(
        title,
        (pad, st.px(12.0)),
        st.text(SMALL, st.ink()).pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(draw_err)?;
    let legend_bottom = pin_legend(root, st, pins, (pad, w - pad), st.px(20.0))?;

    // Scale: the band, the draws and the pins with room on both sides.
    let mut lo = q.p5;
    let mut hi = q.p95;
    for v in out.draws.iter().map(|d| d.total_yuan).chain(pins.iter().map(|p| p.expected)) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let span = (hi - lo).max((hi.abs() * 0.02).max(1.0));
    let (d0, d1) = (lo - span * 0.3, hi + span * 0.3);
    let (sx0, sx1) = (pad + st.px(4.0), w - pad - st.px(4.0));
    let x = |v: f64| sx0 + f64::round((sx1 - sx0) as f64 * clamp((v - d0) / (d1 - d0), 0.0, 1.0)) as i32;

    let yc = st.px(36.0) + (legend_bottom - st.px(20.0));
    rule(root, (sx0, yc), (sx1, yc), st, st.muted(), 1.0)?;
    let (b0, b1) = (x(q.p5), x(q.p95).max(x(q.p5) + st.px(2.0)));
    root.draw(&Rectangle::new([(b0, yc - st.px(9.0)), (b1, yc + st.px(9.0))], st.accent_tint().filled()))
        .map_err(draw_err)?;
    root.draw(&Rectangle::new([(b0, yc - st.px(9.0)), (b1, yc + st.px(9.0))], st.stroke(st.accent(), 1.0)))
        .map_err(draw_err)?;
    for d in &out.draws {
        let xx = x(d.total_yuan);
        root.draw(&PathElement::new(
            vec![(xx, yc - st.px(12.0)), (xx, yc + st.px(12.0))],
            st.stroke(st.ink(), 2.0),
        ))
        .map_err(draw_err)?;
    }
    // The pins over the draws: outlines, so the band and the ticks stay visible through them.
    for p in pins {
        pin_mark(root, st, (x(p.expected), yc), p.number)?;
    }

    // The band's label, centred under it and kept inside the strip.
    let (p5, p95) = (i18n::compact(q.p5, lang), i18n::yuan(q.p95, lang));
    let label = match lang {
        Lang::ZhHans => format!("90%区间（所有模拟）：{p5}–{p95}"),
        Lang::ZhHant => format!("90%區間（所有模擬）：{p5}–{p95}"),
        Lang::En => format!("middle 90% of all trials: {p5}–{p95}"),
    };
    let half = text_width(&label, SMALL, st) / 2;
    let cx = ((b0 + b1) / 2).clamp(pad + half, (w - pad - half).max(pad + half));
    root.draw(&Text::new(
        label,
        (cx, yc + st.px(15.0)),
        st.text(SMALL, st.muted()).pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(draw_err)?;
    Ok(())
}
