//! The programme's context, from the dataset alone (the scenario does not change it): a time
//! axis from 1993 to 2019 with the article's dated milestones as ticks and short labels, and
//! the two poverty-incidence figures the article reports (22.9% at the end of 2015, 0.15% in
//! 2019) as labelled points. A dashed line joins them and says that it only joins the two
//! reported values: the article gives no figure for the years between, and the chart invents
//! none.

use super::{dashed, draw_err, nice_ticks, rule, text_width, wrap, Style};
use crate::facts::{self, reported, Milestone, MILESTONES};
use crate::i18n::{self, clamp, Lang};
use crate::model::Outcome;
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Point labels.
const LABEL: f64 = 13.0;
/// Milestone labels, notes, ticks.
const SMALL: f64 = 11.0;
/// The time axis: from the start of 1993 to the end of 2019.
const FIRST_YEAR: f64 = 1993.0;
const END_YEAR: f64 = 2020.0;

/// Where a dated milestone sits on the time axis: the middle of the month the article gives,
/// or the middle of the year when it gives only a year.
fn when(m: &Milestone) -> f64 {
    match m.month {
        Some(mo) => m.year as f64 + (mo as f64 - 0.5) / 12.0,
        None => m.year as f64 + 0.5,
    }
}

/// The date as the article gives it: "2015年底" / "end-2015", "2019年4月" / "Apr 2019", "1993";
/// a date of ours marked so ("2019（推断）", "2019 (inferred)").
fn date(m: &Milestone, lang: Lang) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mark = if m.inferred { lang.pick("（推断）", "（推斷）", " (inferred)") } else { "" };
    let d = match (m.month, lang) {
        (None, _) => m.year.to_string(),
        (Some(12), Lang::En) => format!("end-{}", m.year),
        (Some(12), _) => format!("{}年底", m.year),
        (Some(mo), Lang::En) => {
            let name = (mo as usize).checked_sub(1).and_then(|i| MONTHS.get(i)).copied().unwrap_or("");
            format!("{name} {}", m.year).trim().to_string()
        }
        (Some(mo), _) => format!("{}年{}月", m.year, mo),
    };
    format!("{d}{mark}")
}

/// A fact's value from the dataset.
fn value(id: &str, fallback: f64) -> f64 {
    facts::get(id).map(|f| f.value).unwrap_or(fallback)
}

/// The short label of one fact on the time axis; `None` for the facts drawn as points (the
/// incidences) and for those the axis does not name.
fn fact_label(id: &str, lang: Lang) -> Option<String> {
    let s = match id {
        "provincial-poverty-county-year" => {
            lang.pick("省级贫困县", "省級貧困縣", "provincial poverty county")
        }
        "national-key-county-year" => lang.pick("国家重点县", "國家重點縣", "national key county"),
        "contiguous-destitute-area-year" => {
            lang.pick("连片特困地区", "連片特困地區", "contiguous destitute area")
        }
        "poor-villages-2015" => {
            let n = i18n::count(value(id, 40.0), lang);
            return Some(match lang {
                Lang::ZhHans => format!("{n}个贫困村"),
                Lang::ZhHant => format!("{n}個貧困村"),
                Lang::En => format!("{n} poor villages"),
            });
        }
        "programme-start-year" => lang.pick("六小工程启动", "六小工程啟動", "Six Small Projects begin"),
        "poverty-county-exit-year" => lang.pick("退出贫困县", "退出貧困縣", "exits poverty list"),
        _ => return None,
    };
    Some(s.to_string())
}

/// A milestone label placed in a row below the axis.
struct Placed {
    x: i32,
    row: usize,
    x0: i32,
    x1: i32,
    anchor: HPos,
    text: String,
}

/// How a layout of milestone labels ranks, lowest first: rows, placements off the preferred
/// side, sum of rows.
type Score = (usize, u32, usize);

/// Lay out the milestone labels (tick position, text width, text) in rows under the axis. A
/// label hangs to the right or to the left of its tick, level with the end of a leader line
/// drawn from the axis down to its row, or sits centred under its tick with the leader ending
/// just above it. Two rules keep it readable: labels of one row do not overlap, and no leader
/// crosses a label, so a label whose box reaches over another tick must sit in a deeper row than
/// that tick's label. Every choice of placements is tried (there are a handful of labels); the
/// layout with the fewest rows wins, then the one with the most labels in their preferred place
/// (right of the tick in the left part of the axis, left of it from `prefer_right_from` on).
fn place(labels: Vec<(i32, i32, String)>, lo: i32, hi: i32, prefer_right_from: i32, gap: i32) -> Vec<Placed> {
    let n = labels.len();
    // Placement k of label i: 0 its preferred side, 1 the other side, 2 centred under the tick.
    let boxed = |i: usize, k: u32| -> (HPos, i32, i32) {
        let (x, tw, _) = &labels[i];
        let (x, tw) = (*x, *tw);
        let right_side = x < prefer_right_from;
        match (k, right_side) {
            (0, true) | (1, false) => (HPos::Left, x + gap, x + gap + tw),
            (0, false) | (1, true) => (HPos::Right, x - gap - tw, x - gap),
            _ => {
                let x0 = (x - tw / 2).clamp(lo, (hi - tw).max(lo));
                (HPos::Center, x0, x0 + tw)
            }
        }
    };
    // (score, placement of each label, row of each label) of the best layout so far.
    let mut best: Option<(Score, Vec<u32>, Vec<usize>)> = None;
    let combos: u32 = if n <= 8 { 3u32.pow(n as u32) } else { 1 };
    for code in 0..combos {
        let choice: Vec<u32> = (0..n).map(|i| code / 3u32.pow(i as u32) % 3).collect();
        let bx: Vec<(HPos, i32, i32)> = (0..n).map(|i| boxed(i, choice[i])).collect();
        // Inside the chart, and a centred label must still sit under its own tick.
        if bx.iter().zip(&labels).any(|(&(a, x0, x1), (x, _, _))| {
            x0 < lo || x1 > hi || (matches!(a, HPos::Center) && (*x < x0 || *x > x1))
        }) {
            continue;
        }
        let covers =
            |i: usize, j: usize| i != j && bx[i].1 - gap <= labels[j].0 && labels[j].0 <= bx[i].2 + gap;
        // Rows in dependency order: a label goes below every label whose tick it covers.
        let mut row: Vec<Option<usize>> = vec![None; n];
        let mut progress = true;
        while progress {
            progress = false;
            for i in 0..n {
                if row[i].is_some() || (0..n).any(|j| covers(i, j) && row[j].is_none()) {
                    continue;
                }
                let mut r = (0..n)
                    .filter(|&j| covers(i, j))
                    .filter_map(|j| row[j])
                    .map(|rj| rj + 1)
                    .max()
                    .unwrap_or(0);
                while (0..n).any(|j| row[j] == Some(r) && bx[i].1 - gap < bx[j].2 && bx[j].1 < bx[i].2 + gap)
                {
                    r += 1;
                }
                row[i] = Some(r);
                progress = true;
            }
        }
        let Some(rows) = row.into_iter().collect::<Option<Vec<usize>>>() else {
            continue; // two labels cover each other's ticks
        };
        let score =
            (rows.iter().max().map_or(0, |r| r + 1), choice.iter().sum::<u32>(), rows.iter().sum::<usize>());
        if best.as_ref().is_none_or(|(s, _, _)| score < *s) {
            best = Some((score, choice, rows));
        }
    }
    match best {
        Some((_, choice, rows)) => {
            let bx: Vec<(HPos, i32, i32)> = (0..n).map(|i| boxed(i, choice[i])).collect();
            labels
                .into_iter()
                .zip(bx)
                .zip(rows)
                .map(|(((x, _, text), (anchor, x0, x1)), row)| Placed { x, row, x0, x1, anchor, text })
                .collect()
        }
        // No layout fits (a very narrow chart): one label per row, kept inside the edges.
        None => labels
            .into_iter()
            .enumerate()
            .map(|(row, (x, tw, text))| {
                let x0 = (x - tw / 2).clamp(lo, (hi - tw).max(lo));
                Placed { x, row, x0, x1: x0 + tw, anchor: HPos::Center, text }
            })
            .collect(),
    }
}

/// Draw the context chart into the whole of `root`. `_out` is unused: the context is the
/// article's, whatever the scenario.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    _out: &Outcome,
    st: &Style,
) -> Result<(), Error> {
    let (w, h) = super::marks::clear(root, st)?;
    let lang = st.lang;
    let pad = st.px(8.0);
    let small = st.text(SMALL, st.muted());

    // The incidence points, at the dates of the milestones that carry them.
    let mut points: Vec<(f64, f64, &Milestone)> = Vec::new();
    for m in MILESTONES.iter() {
        for id in m.facts {
            let fallback = match *id {
                "incidence-2015" => reported::INCIDENCE_2015_PERCENT,
                "incidence-2019" => reported::INCIDENCE_2019_PERCENT,
                _ => continue,
            };
            points.push((when(m), value(id, fallback), m));
        }
    }
    let point_labels: Vec<(String, String)> =
        points.iter().map(|(_, v, m)| (i18n::percent(*v, 2), date(m, lang))).collect();

    // Columns: y labels, the time axis, room on the right for the last point's label.
    let yticks = nice_ticks(points.iter().map(|p| p.1).fold(0.0, f64::max), 3);
    let ymax = yticks.last().copied().unwrap_or(25.0).max(1.0);
    let mut ylab_w = 0;
    for t in &yticks {
        ylab_w = ylab_w.max(text_width(&i18n::percent(*t, 1), SMALL, st));
    }
    let left = pad + ylab_w + st.px(8.0);
    let last_w =
        point_labels.last().map(|(v, d)| text_width(v, LABEL, st).max(text_width(d, SMALL, st))).unwrap_or(0);
    let right = w - pad - last_w - st.px(6.0);
    if right <= left + st.px(120.0) {
        return Ok(()); // too small to draw anything legible
    }
    let x = |year: f64| {
        left + f64::round(
            (right - left) as f64 * clamp((year - FIRST_YEAR) / (END_YEAR - FIRST_YEAR), 0.0, 1.0),
        ) as i32
    };

    // Milestone labels, laid out in rows.
    let labels: Vec<(i32, i32, String)> = MILESTONES
        .iter()
        .filter_map(|m| {
            let parts: Vec<String> = m.facts.iter().filter_map(|id| fact_label(id, lang)).collect();
            if parts.is_empty() {
                return None;
            }
            let text = format!("{} {}", date(m, lang), parts.join(lang.pick("，", "，", ", ")));
            Some((x(when(m)), text_width(&text, SMALL, st), text))
        })
        .collect();
    let placed = place(labels, pad, right, left + (right - left) * 11 / 20, st.px(5.0));
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(0) as i32;
    let row_h = st.px(15.0);
    let axis_y = h - pad - rows * row_h - st.px(6.0);
    let top = st.px(12.0);
    if axis_y <= top + st.px(60.0) {
        return Ok(());
    }
    let y = |v: f64| axis_y - f64::round((axis_y - top) as f64 * clamp(v / ymax, 0.0, 1.0)) as i32;

    // Grid and y labels (percent).
    for t in &yticks {
        let yy = y(*t);
        let color = if *t == 0.0 { st.muted() } else { st.grid() };
        rule(root, (left, yy), (right, yy), st, color, 1.0)?;
        root.draw(&Text::new(
            i18n::percent(*t, 1),
            (left - st.px(6.0), yy),
            small.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }

    // Milestones: ticks on the axis, leader lines down to their labels.
    for p in &placed {
        let ly = axis_y + st.px(6.0) + row_h * p.row as i32 + row_h / 2;
        // A label centred under its tick: the leader stops just above the text.
        let end = if matches!(p.anchor, HPos::Center) { ly - st.px(7.0) } else { ly };
        root.draw(&PathElement::new(
            vec![(p.x, axis_y - st.px(4.0)), (p.x, end)],
            st.stroke(st.muted(), 1.0),
        ))
        .map_err(draw_err)?;
        let (tx, anchor) = match p.anchor {
            HPos::Right => (p.x1, HPos::Right),
            _ => (p.x0, HPos::Left),
        };
        root.draw(&Text::new(
            p.text.as_str(),
            (tx, ly),
            st.text(SMALL, st.ink()).pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }

    // The two reported points, joined by a dashed line that claims nothing in between.
    let pts: Vec<(i32, i32)> = points.iter().map(|(t, v, _)| (x(*t), y(*v))).collect();
    if pts.len() >= 2 {
        dashed(root, pts.clone(), st, st.stroke(st.reported(), 2.0))?;
    }
    for (i, (px, py)) in pts.iter().enumerate() {
        root.draw(&Circle::new((*px, *py), st.px(6.5), st.background().filled())).map_err(draw_err)?;
        root.draw(&Circle::new((*px, *py), st.px(4.5), st.reported().filled())).map_err(draw_err)?;
        let (v, d) = &point_labels[i];
        let last = i + 1 == pts.len();
        // The last point is labelled in the right margin, the others to their left.
        let (lx, anchor) =
            if last { (right + st.px(6.0), HPos::Left) } else { (px - st.px(9.0), HPos::Right) };
        let vy = if last { py - st.px(9.0) } else { *py - st.px(1.0) };
        root.draw(&Text::new(
            v.as_str(),
            (lx, vy),
            st.text(LABEL, st.ink()).pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(draw_err)?;
        root.draw(&Text::new(
            d.as_str(),
            (lx, vy + st.px(15.0)),
            small.clone().pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(draw_err)?;
    }

    // The series' name and what the dashed line means, in the empty upper left.
    let first_x = pts.first().map(|p| p.0).unwrap_or(right);
    let first_w = point_labels
        .first()
        .map(|(v, d)| text_width(v, LABEL, st).max(text_width(d, SMALL, st)))
        .unwrap_or(0);
    let note_x = left + st.px(6.0);
    let note_w = first_x - st.px(9.0) - first_w - st.px(12.0) - note_x;
    if note_w > st.px(60.0) {
        let name = lang.pick("贫困发生率", "貧困發生率", "Poverty incidence");
        root.draw(&Text::new(
            name,
            (note_x, top + st.px(8.0)),
            st.text(LABEL, st.ink()).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(draw_err)?;
        let sw = st.px(18.0);
        let note = lang.pick(
            "虚线只连接报道的两个数值；文章没有给出中间年份的数据。",
            "虛線只連接報道的兩個數值；文章沒有給出中間年份的數據。",
            "The dashed line only joins the two reported values; the article gives no figures for the years between.",
        );
        let lines = wrap(note, SMALL, note_w - sw - st.px(6.0), st);
        let ly0 = top + st.px(26.0);
        dashed(root, vec![(note_x, ly0), (note_x + sw, ly0)], st, st.stroke(st.reported(), 2.0))?;
        for (i, line) in lines.iter().enumerate() {
            root.draw(&Text::new(
                line.as_str(),
                (note_x + sw + st.px(6.0), ly0 + st.px(14.0) * i as i32),
                small.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}
