//! Charts, generic over plotters' `DrawingBackend`: the page draws them on canvas, the CLI
//! and the static fallback as SVG, with the same functions (one module per chart; adding a
//! chart is one module and one line in [`Chart`]).
//!
//! Every chart takes a [`Style`] (language, light or dark, device-pixel scale) and draws into
//! the whole area it is given; titles live in the HTML around the chart, so screen readers
//! and the language switcher handle them.

pub mod allocation;

use crate::i18n::Lang;
use crate::model::Outcome;
use crate::Error;
use plotters::coord::Shift;
use plotters::prelude::*;

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
        libm::round(css * self.scale) as i32
    }
    /// Font family: the system's sans-serif (CJK fonts included on readers' devices).
    pub fn font(&self, css_px: f64) -> FontDesc<'static> {
        ("sans-serif", css_px * self.scale).into_font()
    }
    pub fn text(&self, css_px: f64, color: RGBColor) -> TextStyle<'static> {
        self.font(css_px).color(&color)
    }
}

/// The charts the product draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Allocation,
}

impl Chart {
    pub const ALL: [Chart; 1] = [Chart::Allocation];

    /// Name used by the CLI's `render --chart` and the page's canvas ids (`chart-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Chart::Allocation => "allocation",
        }
    }

    pub fn parse(name: &str) -> Result<Chart, Error> {
        Chart::ALL
            .into_iter()
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
            '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' => 1.0,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            'm' | 'w' | 'M' | 'W' => 0.85,
            ' ' => 0.3,
            c if c.is_ascii_uppercase() => 0.66,
            _ => 0.56,
        })
        .sum();
    libm::ceil(em * css_px * st.scale) as i32
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
    let raw = max / n as f64;
    let p = libm::pow(10.0, libm::floor(libm::log10(raw)));
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * p).find(|&s| s >= raw).unwrap_or(10.0 * p);
    let count = libm::ceil(max / step - 1e-9) as usize;
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
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        chart.draw(&root, outcome, style)?;
        root.present().map_err(draw_err)?;
    }
    Ok(buf)
}
