//! Charts as SVG (the CLI, the static fallback, the snapshot tests), with the stamp band of
//! the PNG download.

use crate::model::Outcome;
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{draw_err, rule, wrap, Chart, PinMark, Style};

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
    pins: &[PinMark],
    st: &Style,
    stamp: &[String],
) -> Result<(), Error> {
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = st.px(8.0);
    let lines: Vec<String> =
        stamp.iter().flat_map(|s| wrap(s, STAMP_FONT, (w - 2 * pad).max(st.px(40.0)), st)).collect();
    if lines.is_empty() {
        return chart.draw_pinned(root, out, pins, st);
    }
    let lh = st.px(STAMP_LINE);
    let band = (lh * lines.len() as i32 + st.px(10.0)).min(h);
    let (top, bottom) = root.split_vertically(h - band);
    chart.draw_pinned(&top, out, pins, st)?;
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

/// Render a chart with the pinned scenarios marked (see [`Chart::draw_pinned`]) to an SVG string.
pub fn render_svg_pinned(
    chart: Chart,
    outcome: &Outcome,
    pins: &[PinMark],
    style: &Style,
    width: u32,
    height: u32,
) -> Result<String, Error> {
    render(chart, outcome, pins, style, (width, height), &[])
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
    render(chart, outcome, &[], style, (width, height), stamp)
}

fn render(
    chart: Chart,
    outcome: &Outcome,
    pins: &[PinMark],
    style: &Style,
    size: (u32, u32),
    stamp: &[String],
) -> Result<String, Error> {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        draw_stamped(chart, &root, outcome, pins, style, stamp)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg_font_sizes_as_on_canvas(&buf))
}

/// plotters' SVG backend writes every font size divided by 1.24, the canvas backend writes it
/// as given; the charts are laid out for the canvas, so the SVG gets the canvas's sizes back
/// (otherwise the static fallback's text is a fifth smaller than the page's).
pub(super) fn svg_font_sizes_as_on_canvas(svg: &str) -> String {
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
